//! Errors, skipped rows and notices: plain values with a stable [`Code`], a
//! plain-English `message`, and the field, row or numbers they concern.
//! Nothing in this crate panics on user input; every problem becomes one of
//! these.

use serde::{Serialize, Serializer};
use std::collections::BTreeMap;
use std::fmt;

/// Declares [`Code`]: each variant with the camelCase string it is
/// serialised to (the page translates by that string), [`Code::ALL`] and
/// [`Code::as_str`].
macro_rules! codes {
    ($($variant:ident = $text:literal,)*) => {
        /// Every stable key of an error, a skipped row or a notice. README.md
        /// ("Codes") says what each means and which `params` it carries.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            $($variant,)*
        }

        impl Code {
            /// Every code, in alphabetical order of its string.
            pub const ALL: &'static [Code] = &[$(Code::$variant,)*];

            /// The camelCase key, as in the JSON.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $text,)*
                }
            }
        }
    };
}

codes! {
    ActiveDaysNotPositive = "activeDaysNotPositive",
    AmbiguousScoreColumn = "ambiguousScoreColumn",
    AmountNotFinite = "amountNotFinite",
    AsOfBeforeLastPurchase = "asOfBeforeLastPurchase",
    ColumnMappedTwice = "columnMappedTwice",
    ConflictingInputs = "conflictingInputs",
    CrrAboveHundred = "crrAboveHundred",
    CustomerLooksLikeDate = "customerLooksLikeDate",
    CustomerLooksLikeOrderId = "customerLooksLikeOrderId",
    CustomerSameAsColumn = "customerSameAsColumn",
    DataStartsAfterWindow = "dataStartsAfterWindow",
    DescriptionRow = "descriptionRow",
    DiscountRateOutOfRange = "discountRateOutOfRange",
    DominantCustomer = "dominantCustomer",
    EmptyLog = "emptyLog",
    EmptyScores = "emptyScores",
    EmptyText = "emptyText",
    EmptyValue = "emptyValue",
    FewCustomers = "fewCustomers",
    FewRepeatBuyers = "fewRepeatBuyers",
    FitDidNotConverge = "fitDidNotConverge",
    FlatLikelihood = "flatLikelihood",
    FrequencyNotWhole = "frequencyNotWhole",
    GuestSales = "guestSales",
    HoldoutEndNotAfterCalibrationEnd = "holdoutEndNotAfterCalibrationEnd",
    HorizonNotPositive = "horizonNotPositive",
    HorizonTooLong = "horizonTooLong",
    ImpossibleSummaryRow = "impossibleSummaryRow",
    Internal = "internal",
    InvalidAmount = "invalidAmount",
    InvalidAsOf = "invalidAsOf",
    InvalidContacts = "invalidContacts",
    InvalidDate = "invalidDate",
    InvalidInput = "invalidInput",
    InvalidOption = "invalidOption",
    InvalidPeriod = "invalidPeriod",
    InvalidScale = "invalidScale",
    InvalidSpreadsheet = "invalidSpreadsheet",
    InvalidThresholds = "invalidThresholds",
    InvalidYesNo = "invalidYesNo",
    LateFirstPurchases = "lateFirstPurchases",
    LifespanMeasured = "lifespanMeasured",
    LifespanNotFinite = "lifespanNotFinite",
    LineItem = "lineItem",
    LineTooLong = "lineTooLong",
    LoneRefunds = "loneRefunds",
    ManyOrdersPerCustomer = "manyOrdersPerCustomer",
    MarginOutOfRange = "marginOutOfRange",
    MissingColumn = "missingColumn",
    MissingCustomer = "missingCustomer",
    MissingField = "missingField",
    MissingInput = "missingInput",
    MonthLengthNotPositive = "monthLengthNotPositive",
    MultiLineOrders = "multiLineOrders",
    Negative = "negative",
    NegativeRevenue = "negativeRevenue",
    NewExceedsEnd = "newExceedsEnd",
    NoCustomersInCalibration = "noCustomersInCalibration",
    NoMeanSpend = "noMeanSpend",
    NoPurchases = "noPurchases",
    NoResolvedColumn = "noResolvedColumn",
    NoResponses = "noResponses",
    NoScoreColumn = "noScoreColumn",
    NoStartCustomers = "noStartCustomers",
    NotANumber = "notANumber",
    NotFinite = "notFinite",
    NotInteger = "notInteger",
    NoTransactions = "noTransactions",
    NoUsableRows = "noUsableRows",
    PasswordProtected = "passwordProtected",
    PeriodEndsAfterData = "periodEndsAfterData",
    PurchasesAfterCalibration = "purchasesAfterCalibration",
    PurchasesAfterHoldout = "purchasesAfterHoldout",
    QAtMostOne = "qAtMostOne",
    RecencyAfterEnd = "recencyAfterEnd",
    RecencyWithoutRepeat = "recencyWithoutRepeat",
    RepeatedHeader = "repeatedHeader",
    ResolvedExceedsTotal = "resolvedExceedsTotal",
    RfmQuintileForCurrency = "rfmQuintileForCurrency",
    RfmQuintileForSpending = "rfmQuintileForSpending",
    SameSpend = "sameSpend",
    ScoreNotInteger = "scoreNotInteger",
    ScoreOffScale = "scoreOffScale",
    ScoreOutOfRange = "scoreOutOfRange",
    SpanTooLong = "spanTooLong",
    SpendFitRanAway = "spendFitRanAway",
    SpendFlatLikelihood = "spendFlatLikelihood",
    SpendFrequencyCorrelated = "spendFrequencyCorrelated",
    SpendLeftOut = "spendLeftOut",
    StartNotPositive = "startNotPositive",
    StatusNotCounted = "statusNotCounted",
    ThresholdNotFinite = "thresholdNotFinite",
    ThresholdsNotOrdered = "thresholdsNotOrdered",
    TooFewCustomers = "tooFewCustomers",
    TooFewRepeatBuyers = "tooFewRepeatBuyers",
    TooLarge = "tooLarge",
    TooManyColumns = "tooManyColumns",
    TooManyFields = "tooManyFields",
    TotalNotPositive = "totalNotPositive",
    TotalRow = "totalRow",
    UnknownColumn = "unknownColumn",
    UnknownField = "unknownField",
    UnknownSheet = "unknownSheet",
    UnknownStatus = "unknownStatus",
    UnreadableRow = "unreadableRow",
    WrongType = "wrongType",
}

impl Serialize for Code {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// So that `code == "invalidDate"` reads as the JSON does.
impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<Code> for &str {
    fn eq(&self, other: &Code) -> bool {
        *self == other.as_str()
    }
}

/// The numbers and words a message names, by name (`{ got: 3, min: 10 }`).
pub type Params = BTreeMap<&'static str, Param>;

/// A problem that stops a calculation. `code` is a stable camelCase key that the
/// page translates; `message` is the English sentence; `field` names the input
/// field and `row` the 1-based line of pasted text, where they apply.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Error {
    pub code: Code,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<usize>,
    /// Rows skipped before the error was found (e.g. when no row was usable).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<Skipped>,
    /// The numbers the message names (e.g. `got` and `min`), so that the page
    /// never reads the sentence.
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub params: Params,
}

impl Error {
    pub fn new(code: Code, message: impl Into<String>) -> Self {
        Error {
            code,
            message: message.into(),
            field: None,
            row: None,
            skipped: Vec::new(),
            params: Params::new(),
        }
    }

    /// An error about one input field.
    pub fn field(code: Code, field: &str, message: impl Into<String>) -> Self {
        Error {
            field: Some(field.to_string()),
            ..Error::new(code, message)
        }
    }

    pub fn with_row(mut self, row: usize) -> Self {
        self.row = Some(row);
        self
    }

    pub fn with_skipped(mut self, skipped: Vec<Skipped>) -> Self {
        self.skipped = skipped;
        self
    }

    /// Adds a value the message names.
    pub fn with(mut self, key: &'static str, value: impl Into<Param>) -> Self {
        self.params.insert(key, value.into());
        self
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for Error {}

/// A row of pasted text that was not used, with why.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Skipped {
    /// 1-based line number in the pasted text where the row starts.
    pub row: usize,
    pub code: Code,
    pub reason: String,
}

impl Skipped {
    pub fn new(row: usize, code: Code, reason: impl Into<String>) -> Self {
        Skipped {
            row,
            code,
            reason: reason.into(),
        }
    }
}

/// A warning about a result that is still given: a stable `code` for the
/// page to translate, the English `message`, and the numbers or words the
/// message names in `params` (so no page ever reads the sentence).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Notice {
    pub code: Code,
    pub message: String,
    pub params: Params,
}

/// One value named by a notice.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Param {
    Number(f64),
    Text(String),
}

/// Numbers of every type the messages name become `Param::Number`.
macro_rules! number_params {
    ($($t:ty),*) => {
        $(impl From<$t> for Param {
            fn from(v: $t) -> Self {
                Param::Number(v as f64)
            }
        })*
    };
}

number_params!(f64, u32, u64, i32, i64, usize);

impl From<&str> for Param {
    fn from(v: &str) -> Self {
        Param::Text(v.to_string())
    }
}

impl From<&String> for Param {
    fn from(v: &String) -> Self {
        Param::Text(v.clone())
    }
}

impl From<String> for Param {
    fn from(v: String) -> Self {
        Param::Text(v)
    }
}

impl Notice {
    pub fn new(code: Code, message: impl Into<String>) -> Self {
        Notice {
            code,
            message: message.into(),
            params: Default::default(),
        }
    }

    pub fn with(mut self, key: &'static str, value: impl Into<Param>) -> Self {
        self.params.insert(key, value.into());
        self
    }
}

/// The notices of a result, flattened into it as two fields: `notices`, the
/// notices of reading the input (a sales log's) and then the result's own,
/// each `{ code, message, params }`; and `warnings`, the messages of the
/// result's own notices (the plain sentences of API.md).
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Notices {
    /// About the input the result was computed from; not among `warnings`.
    pub input: Vec<Notice>,
    /// About the result itself.
    pub own: Vec<Notice>,
}

impl Notices {
    pub fn push(&mut self, notice: Notice) {
        self.own.push(notice);
    }

    /// Adds another result's notices (its input's and its own) as own.
    pub fn extend(&mut self, other: &Notices) {
        self.own
            .extend(other.input.iter().chain(&other.own).cloned());
    }

    /// The own notices' messages: the `warnings` of the JSON.
    pub fn warnings(&self) -> Vec<&str> {
        self.own.iter().map(|n| n.message.as_str()).collect()
    }

    /// The own notices' codes, in order.
    pub fn codes(&self) -> Vec<Code> {
        self.own.iter().map(|n| n.code).collect()
    }

    /// The own notice with `code`, if any.
    pub fn get(&self, code: Code) -> Option<&Notice> {
        self.own.iter().find(|n| n.code == code)
    }

    /// Every notice, the input's first.
    pub fn all(&self) -> impl Iterator<Item = &Notice> {
        self.input.iter().chain(&self.own)
    }
}

impl From<Vec<Notice>> for Notices {
    fn from(own: Vec<Notice>) -> Self {
        Notices {
            input: Vec::new(),
            own,
        }
    }
}

impl Serialize for Notices {
    fn serialize<S: Serializer>(&self, serializer: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct;
        struct All<'a>(&'a Notices);
        impl Serialize for All<'_> {
            fn serialize<S: Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
                s.collect_seq(self.0.all())
            }
        }
        let mut s = serializer.serialize_struct("Notices", 2)?;
        s.serialize_field("notices", &All(self))?;
        s.serialize_field("warnings", &self.warnings())?;
        s.end()
    }
}

pub type Result<T> = std::result::Result<T, Error>;

/// A number for a message, written without the float formatting machinery
/// (which would add about 15 KB to the wasm): whole numbers as they are,
/// others with up to 6 decimals, huge or tiny ones in words.
pub fn number(v: f64) -> String {
    if v.is_nan() {
        return "not a number".into();
    }
    if v.abs() >= 1e15 {
        return if v > 0.0 {
            "a very large number"
        } else {
            "a very large negative number"
        }
        .into();
    }
    let sign = if v < 0.0 { "-" } else { "" };
    let micros = (v.abs() * 1e6).round() as u64;
    let (whole, mut frac) = (micros / 1_000_000, micros % 1_000_000);
    if frac == 0 {
        return format!("{sign}{whole}");
    }
    let mut digits = 6;
    while frac % 10 == 0 {
        frac /= 10;
        digits -= 1;
    }
    format!("{sign}{whole}.{frac:0digits$}")
}

#[cfg(test)]
mod tests {
    use super::number;

    #[test]
    fn numbers_for_messages() {
        assert_eq!(number(11.0), "11");
        assert_eq!(number(8.5), "8.5");
        assert_eq!(number(-0.25), "-0.25");
        assert_eq!(number(2.0000004), "2");
        assert_eq!(number(0.000001), "0.000001");
        assert_eq!(number(1e300), "a very large number");
        assert_eq!(number(f64::NAN), "not a number");
    }
}
