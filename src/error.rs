//! Errors, skipped rows and notices: plain values with a stable [`Code`], a
//! plain-English `message`, and the field, row or numbers they concern.
//! Nothing in this crate panics on user input; every problem becomes one of
//! these.

use serde::{Serialize, Serializer};
use std::fmt;

/// Declares [`Code`]: each variant with the camelCase string it is
/// serialised to (the page translates by that string), [`Code::ALL`] and
/// [`Code::as_str`]. Codes that only the sales-log, prediction and spreadsheet
/// code can give are left out of the widget's build (`calculators` alone), so
/// that its module does not carry their strings (0.8 KB gzipped of its
/// 120 KB budget); every test build has them all.
macro_rules! codes {
    ($($(#[$attr:meta])* $variant:ident = $text:literal,)*) => {
        /// Every stable key of an error, a skipped row or a notice. README.md
        /// ("Codes") says what each means and which `params` it carries.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            $($(#[$attr])* $variant,)*
        }

        impl Code {
            /// Every code, in alphabetical order of its string.
            pub const ALL: &'static [Code] = &[$($(#[$attr])* Code::$variant,)*];

            /// The camelCase key, as in the JSON.
            pub fn as_str(self) -> &'static str {
                match self {
                    $($(#[$attr])* Code::$variant => $text,)*
                }
            }
        }
    };
}

codes! {
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    ActiveDaysNotPositive = "activeDaysNotPositive",
    AmbiguousScoreColumn = "ambiguousScoreColumn",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    AmountNotFinite = "amountNotFinite",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    AsOfBeforeLastPurchase = "asOfBeforeLastPurchase",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    ChurnJump = "churnJump",
    ColumnMappedTwice = "columnMappedTwice",
    ConflictingInputs = "conflictingInputs",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    CountsRising = "countsRising",
    CrrAboveHundred = "crrAboveHundred",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    CustomerLooksLikeDate = "customerLooksLikeDate",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    CustomerLooksLikeOrderId = "customerLooksLikeOrderId",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    CustomerSameAsColumn = "customerSameAsColumn",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    DataStartsAfterWindow = "dataStartsAfterWindow",
    DescriptionRow = "descriptionRow",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    DiscountRateOutOfRange = "discountRateOutOfRange",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    DominantCustomer = "dominantCustomer",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    EmptyLog = "emptyLog",
    EmptyScores = "emptyScores",
    EmptyText = "emptyText",
    EmptyValue = "emptyValue",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    FewCustomers = "fewCustomers",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    FewRepeatBuyers = "fewRepeatBuyers",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    FitDidNotConverge = "fitDidNotConverge",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    FlatLikelihood = "flatLikelihood",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    FrequencyNotWhole = "frequencyNotWhole",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    GuestSales = "guestSales",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    HoldoutEndNotAfterCalibrationEnd = "holdoutEndNotAfterCalibrationEnd",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    HorizonNotPositive = "horizonNotPositive",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    HorizonTooLong = "horizonTooLong",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    ImpossibleSummaryRow = "impossibleSummaryRow",
    Internal = "internal",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    InvalidAmount = "invalidAmount",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    InvalidAsOf = "invalidAsOf",
    InvalidContacts = "invalidContacts",
    InvalidDate = "invalidDate",
    InvalidInput = "invalidInput",
    InvalidOption = "invalidOption",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    InvalidPeriod = "invalidPeriod",
    InvalidScale = "invalidScale",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    InvalidSpreadsheet = "invalidSpreadsheet",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    InvalidThresholds = "invalidThresholds",
    InvalidYesNo = "invalidYesNo",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    LateFirstPurchases = "lateFirstPurchases",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    LifespanMeasured = "lifespanMeasured",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    LifespanNotFinite = "lifespanNotFinite",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    LineItem = "lineItem",
    LineTooLong = "lineTooLong",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    ListsDifferInLength = "listsDifferInLength",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    LoneRefunds = "loneRefunds",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    ManyOrdersPerCustomer = "manyOrdersPerCustomer",
    MarginOutOfRange = "marginOutOfRange",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    MissingColumn = "missingColumn",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    MissingCustomer = "missingCustomer",
    MissingField = "missingField",
    MissingInput = "missingInput",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    MonthLengthNotPositive = "monthLengthNotPositive",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    MultiLineOrders = "multiLineOrders",
    Negative = "negative",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    NegativeRevenue = "negativeRevenue",
    NewExceedsEnd = "newExceedsEnd",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    NoChurn = "noChurn",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    NoCustomersInCalibration = "noCustomersInCalibration",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    NoMeanSpend = "noMeanSpend",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    NoPurchases = "noPurchases",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    NoRenewals = "noRenewals",
    NoResolvedColumn = "noResolvedColumn",
    NoResponses = "noResponses",
    NoScoreColumn = "noScoreColumn",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    NoStartCustomers = "noStartCustomers",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    NoSubscribers = "noSubscribers",
    NotANumber = "notANumber",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    NotFinite = "notFinite",
    NotInteger = "notInteger",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    NotUtf8 = "notUtf8",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    NoTransactions = "noTransactions",
    NoUsableRows = "noUsableRows",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    PasswordProtected = "passwordProtected",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    PeriodEndsAfterData = "periodEndsAfterData",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    PurchasesAfterCalibration = "purchasesAfterCalibration",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    PurchasesAfterHoldout = "purchasesAfterHoldout",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    QAtMostOne = "qAtMostOne",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    RecencyAfterEnd = "recencyAfterEnd",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    RecencyWithoutRepeat = "recencyWithoutRepeat",
    RepeatedHeader = "repeatedHeader",
    ResolvedExceedsTotal = "resolvedExceedsTotal",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    RfmQuintileForCurrency = "rfmQuintileForCurrency",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    RfmQuintileForSpending = "rfmQuintileForSpending",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    SameSpend = "sameSpend",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    SbgConstantChurn = "sbgConstantChurn",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    SbgFewPeriods = "sbgFewPeriods",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    SbgFewSubscribers = "sbgFewSubscribers",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    SbgNoFiniteLifetime = "sbgNoFiniteLifetime",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    SbgPoorFit = "sbgPoorFit",
    ScoreNotInteger = "scoreNotInteger",
    ScoreOffScale = "scoreOffScale",
    ScoreOutOfRange = "scoreOutOfRange",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    SpanTooLong = "spanTooLong",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    SpendFitRanAway = "spendFitRanAway",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    SpendFlatLikelihood = "spendFlatLikelihood",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    SpendFrequencyCorrelated = "spendFrequencyCorrelated",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    SpendLeftOut = "spendLeftOut",
    StartNotPositive = "startNotPositive",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    StatusNotCounted = "statusNotCounted",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    ThresholdNotFinite = "thresholdNotFinite",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    ThresholdsNotOrdered = "thresholdsNotOrdered",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    TooFewCustomers = "tooFewCustomers",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    TooFewPeriods = "tooFewPeriods",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    TooFewRepeatBuyers = "tooFewRepeatBuyers",
    TooLarge = "tooLarge",
    TooManyColumns = "tooManyColumns",
    TooManyFields = "tooManyFields",
    TotalNotPositive = "totalNotPositive",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    TotalRow = "totalRow",
    UnknownColumn = "unknownColumn",
    UnknownField = "unknownField",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    UnknownLabel = "unknownLabel",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    UnknownSheet = "unknownSheet",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    UnknownStatus = "unknownStatus",
    UnreadableRow = "unreadableRow",
    WrongType = "wrongType",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    HealthWithoutEngagement = "healthWithoutEngagement",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    ChurnWeightsRedistributed = "churnWeightsRedistributed",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    SurveyUnmatched = "surveyUnmatched",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    TargetOutOfRange = "targetOutOfRange",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    NoNewCustomers = "noNewCustomers",
    // Robust predictions (issue #15).
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    PenalizerOutOfRange = "penalizerOutOfRange",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    ParameterAtBound = "parameterAtBound",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    ShortHistory = "shortHistory",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    FewRepeatBuyersShare = "fewRepeatBuyersShare",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    SpendFromMean = "spendFromMean",
    #[cfg(any(feature = "tables", feature = "xlsx"))]
    IntervalDrawsOutOfRange = "intervalDrawsOutOfRange",
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

/// The numbers and words a message names, by name (`{ got: 3, min: 10 }`),
/// in the order they were added; serialised as an object. A short list, not a
/// `BTreeMap`: a message names one to four values, and the map's code cost the
/// widget's module 1.7 KB gzipped.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Params(Vec<(&'static str, Param)>);

impl Params {
    pub fn new() -> Self {
        Params(Vec::new())
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    /// Adds `key`; each message names a value once, so keys are not
    /// looked for first (a repeated key is a bug the tests would show as a
    /// duplicate field).
    pub fn insert(&mut self, key: &'static str, value: Param) {
        debug_assert!(self.get(key).is_none(), "param {key} given twice");
        self.0.push((key, value));
    }

    pub fn get(&self, key: &str) -> Option<&Param> {
        self.0.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &Param)> {
        self.0.iter().map(|(k, v)| (*k, v))
    }
}

impl Serialize for Params {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        // As a struct with these fields (the keys are static): an object in
        // JSON and in JS alike, without the serializers' map code.
        use serde::ser::SerializeStruct;
        let mut object = s.serialize_struct("Params", self.0.len())?;
        for (k, v) in &self.0 {
            object.serialize_field(k, v)?;
        }
        object.end()
    }
}

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
    #[serde(skip_serializing_if = "Params::is_empty")]
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
