//! The input fields of every API function, each declared once. [`Args`]
//! refuses any other field of the input (`unknownField`), and its accessors
//! read only declared names: reading an undeclared one is a bug that a debug
//! build (every test) stops at. Tests check the lists both ways: every field
//! declared is read (`tests` below), and `src/types.d.ts` names exactly these
//! fields (`tests/types.rs`).
//!
//! [`Args`]: super::Args

/// What the input object of one function may hold.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Fields {
    /// The function's JavaScript name, for messages.
    pub function: &'static str,
    pub names: &'static [&'static str],
    /// The fields that hold an object, with the keys that object may hold
    /// (`columns`: the roles it maps; `thresholds`: its lists).
    pub objects: &'static [(&'static str, &'static [&'static str])],
}

impl Fields {
    /// The keys the object in field `name` may hold (empty for a field that
    /// does not hold an object).
    pub fn object(&self, name: &str) -> &'static [&'static str] {
        self.objects
            .iter()
            .find(|(n, _)| *n == name)
            .map_or(&[], |(_, keys)| keys)
    }
}

pub const CRR: Fields = Fields {
    function: "crr",
    names: &[
        "startCustomers",
        "endCustomers",
        "newCustomers",
        #[cfg(feature = "analytics")]
        "target",
    ],
    objects: &[],
};

pub const CLV: Fields = Fields {
    function: "clv",
    names: &[
        "averageOrderValue",
        "purchasesPerYear",
        "lifespanYears",
        "grossMarginPercent",
        #[cfg(feature = "analytics")]
        "marketingSpend",
        #[cfg(feature = "analytics")]
        "newCustomers",
        #[cfg(feature = "analytics")]
        "retentionCost",
    ],
    objects: &[],
};

/// The columns of a pasted survey export `columns` may name: the answers,
/// the group (as `groupBy`), the free-text reasons, the date (for groupBy
/// "month").
#[cfg(feature = "tables")]
pub const SURVEY_ROLES: [&str; 4] = ["score", "group", "comment", "date"];
/// The widget's small module reads one column of scores (README: what the
/// widget leaves out): `groupBy` and the other roles are unknown fields there.
#[cfg(not(feature = "tables"))]
pub const SURVEY_ROLES: [&str; 1] = ["score"];

/// The fields of a survey read from `scores` or pasted `text`.
macro_rules! survey {
    ($function:literal, $($extra:literal),*) => {
        Fields {
            function: $function,
            names: &[
                "scores", "text", "columns", "locale", $($extra,)*
                #[cfg(feature = "analytics")]
                "target",
            ],
            objects: &[("columns", &SURVEY_ROLES)],
        }
    };
}

#[cfg(feature = "tables")]
pub const NPS: Fields = survey!("nps", "groupBy", "promoters", "passives", "detractors");
#[cfg(feature = "tables")]
pub const CES: Fields = survey!("ces", "groupBy", "scaleMin", "scaleMax", "highIsEasy");
#[cfg(feature = "tables")]
pub const CSAT: Fields = survey!("csat", "groupBy", "scaleMax");
#[cfg(not(feature = "tables"))]
pub const NPS: Fields = survey!("nps", "promoters", "passives", "detractors");
#[cfg(not(feature = "tables"))]
pub const CES: Fields = survey!("ces", "scaleMin", "scaleMax", "highIsEasy");
#[cfg(not(feature = "tables"))]
pub const CSAT: Fields = survey!("csat", "scaleMax");

pub const FCR: Fields = Fields {
    function: "fcr",
    names: &[
        "resolvedFirstContact",
        "totalTickets",
        "text",
        "groupBy",
        "columns",
        "locale",
        #[cfg(feature = "analytics")]
        "target",
        // The help-desk export's service times (page's module: tables).
        #[cfg(feature = "tables")]
        "slaMinutes",
        #[cfg(feature = "tables")]
        "slaTargetPercent",
    ],
    objects: &[("columns", &["resolved", "contacts", "group"])],
};

/// Every role a `columns` mapping can name (`crate::input::roles::ALL`).
pub const ALL_ROLES: [&str; 11] = [
    "customer",
    "date",
    "amount",
    "orderId",
    "score",
    "resolved",
    "contacts",
    "group",
    "status",
    "refunded",
    "engagement",
];

pub const PARSE_TABLE: Fields = Fields {
    function: "parseTable",
    names: &["text", "locale", "columns"],
    objects: &[("columns", &ALL_ROLES)],
};

/// The roles a sales log's `columns` mapping may name.
pub const LOG_ROLES: [&str; 7] = [
    "customer",
    "date",
    "amount",
    "orderId",
    "status",
    "refunded",
    "engagement",
];

/// `thresholds` of the RFM scores: 4 edges each.
pub const THRESHOLDS: [&str; 3] = ["recency", "frequency", "monetary"];

/// The fields of a function that reads a sales log: the log's own (text,
/// locale, columns, statuses, currency) and `$extra`; `thresholds` is an
/// object where one of them.
macro_rules! log_fields {
    ($function:literal, [$($extra:literal),*] $(, $object:expr)*) => {
        Fields {
            function: $function,
            names: &[
                "text",
                "locale",
                "columns",
                "countStatuses",
                "excludeStatuses",
                "currency",
                $($extra),*
            ],
            objects: &[("columns", &LOG_ROLES) $(, $object)*],
        }
    };
}

pub const RFM: Fields = log_fields!(
    "rfm",
    ["asOf", "method", "thresholds", "summary"],
    ("thresholds", &THRESHOLDS)
);
pub const RETENTION: Fields = log_fields!(
    "retention",
    ["periodStart", "periodEnd", "mode", "activeDays"]
);
pub const COHORTS: Fields = log_fields!("cohorts", ["period"]);
pub const CLV_FROM_LOG: Fields = log_fields!(
    "clvFromLog",
    ["lifespanYears", "grossMarginPercent", "summary"]
);
pub const LIFECYCLE: Fields = log_fields!("lifecycle", ["asOf", "summary"]);
pub const ANALYZE_LOG: Fields = log_fields!(
    "analyzeLog",
    [
        "asOf",
        "method",
        "thresholds",
        "periodStart",
        "periodEnd",
        "mode",
        "activeDays",
        "lifespanYears",
        "grossMarginPercent",
        "period",
        "surveyText",
        "surveyColumns",
        "marketingSpend",
        "granularity",
        "omit",
        "tables"
    ],
    ("thresholds", &THRESHOLDS),
    ("surveyColumns", &SURVEY_COLUMNS)
);
/// The roles of `analyzeLog`'s `surveyColumns`: who answered, and the answer.
pub const SURVEY_COLUMNS: [&str; 2] = ["customer", "score"];
pub const TRENDS: Fields = log_fields!("trends", ["granularity"]);
/// A sales log's fields, or a summary table's; in the order of its messages.
pub const PREDICT_CLV: Fields = Fields {
    function: "predictClv",
    names: &[
        "text",
        "summary",
        "unit",
        "calibrationEnd",
        "holdoutEnd",
        "horizonMonths",
        "monthlyDiscountRate",
        "locale",
        "columns",
        "countStatuses",
        "excludeStatuses",
        "currency",
        "penalizerCoef",
        "intervalDraws",
    ],
    objects: &[("columns", &LOG_ROLES)],
};

/// The options of `readWorkbook(bytes, options)`.
pub const READ_WORKBOOK: Fields = Fields {
    function: "readWorkbook",
    names: &["sheet"],
    objects: &[],
};

/// `subscriptionRetention`: survival counts (a list or pasted text) or one
/// row per subscriber (`renewals` with `active`), and the options.
pub const SUBSCRIPTION_RETENTION: Fields = Fields {
    function: "subscriptionRetention",
    names: &[
        "survivors",
        "text",
        "renewals",
        "active",
        "discountRate",
        "valuePerPeriod",
        "horizon",
    ],
    objects: &[],
};

/// The input of every function, for the tests that check the lists.
pub const ALL: [&Fields; 17] = [
    &CRR,
    &CLV,
    &NPS,
    &CES,
    &CSAT,
    &FCR,
    &PARSE_TABLE,
    &RFM,
    &RETENTION,
    &COHORTS,
    &CLV_FROM_LOG,
    &LIFECYCLE,
    &ANALYZE_LOG,
    &PREDICT_CLV,
    &READ_WORKBOOK,
    &SUBSCRIPTION_RETENTION,
    &TRENDS,
];

#[cfg(all(test, feature = "analytics"))]
mod tests {
    use super::*;
    use crate::api::{self, args::reads, Value};
    use std::collections::BTreeSet;

    fn obj(pairs: &[(&str, Value)]) -> Value {
        Value::object(pairs.iter().cloned())
    }

    /// What the calls of `run` read, for each function.
    fn read_by(run: impl FnOnce()) -> BTreeSet<(String, String)> {
        reads::take();
        run();
        reads::take()
    }

    #[test]
    fn every_declared_field_is_read_and_nothing_else() {
        let t = |s: &str| Value::from(s);
        let log = t("Pelanggan\tTanggal\tJumlah\nA\t2025-01-05\t100000\nA\t2025-02-05\t100000\nB\t2025-02-10\t50000\n");
        let survey = t("Skor\n9\n7\n");
        let read = read_by(|| {
            // Each path of each function (errors after the reading are fine:
            // what counts is which fields were looked at).
            let _ = api::crr(&obj(&[
                ("startCustomers", 10.into()),
                ("endCustomers", 9.into()),
                ("newCustomers", 1.into()),
            ]));
            let _ = api::clv(&obj(&[
                ("averageOrderValue", 10.into()),
                ("purchasesPerYear", 2.into()),
                ("lifespanYears", 3.into()),
            ]));
            let _ = api::nps(&obj(&[("scores", vec![9].into())]));
            let _ = api::nps(&obj(&[("text", survey.clone())]));
            let _ = api::nps(&obj(&[("promoters", 1.into())]));
            let _ = api::ces(&obj(&[("scores", vec![5].into())]));
            let _ = api::ces(&obj(&[("text", survey.clone())]));
            let _ = api::csat(&obj(&[("scores", vec![5].into())]));
            let _ = api::csat(&obj(&[("text", survey.clone())]));
            let _ = api::fcr(&obj(&[
                ("resolvedFirstContact", 1.into()),
                ("totalTickets", 2.into()),
            ]));
            let _ = api::fcr(&obj(&[("text", t("Selesai\nya\n"))]));
            let _ = api::parse_table(&obj(&[("text", log.clone())]));
            let thresholds = obj(&[]);
            let _ = api::rfm(&obj(&[
                ("text", log.clone()),
                ("thresholds", thresholds.clone()),
            ]));
            let _ = api::retention(&obj(&[
                ("text", log.clone()),
                ("periodStart", t("2025-02-01")),
                ("periodEnd", t("2025-02-28")),
            ]));
            let _ = api::cohorts(&obj(&[("text", log.clone())]));
            let _ = api::clv_from_log(&obj(&[("text", log.clone())]));
            let _ = api::lifecycle(&obj(&[("text", log.clone())]));
            let _ = api::analyze_log(&obj(&[("text", log.clone()), ("thresholds", thresholds)]));
            let _ = api::analyze_log(&obj(&[("text", log.clone()), ("surveyColumns", obj(&[]))]));
            let _ = api::predict_clv(&obj(&[("text", log.clone())]));
            let customers = t("customer_id,first_purchase,last_purchase,orders,net_total\nA,2025-01-05,2025-02-05,2,200000\n");
            let _ = api::rfm(&obj(&[("summary", customers.clone())]));
            let _ = api::clv_from_log(&obj(&[("summary", customers.clone())]));
            let _ = api::lifecycle(&obj(&[("summary", customers)]));
            let _ = api::trends(&obj(&[("text", log.clone())]));
            #[cfg(feature = "xlsx")]
            let _ = api::read_workbook(b"", &obj(&[("sheet", t("Sheet1"))]));
            let counts = vec![1000, 869, 743];
            let _ = api::subscription_retention(&obj(&[
                ("survivors", counts.into()),
                ("discountRate", 0.1.into()),
                ("valuePerPeriod", 10.into()),
                ("horizon", 5.into()),
            ]));
            let _ = api::subscription_retention(&obj(&[("text", t("1000\n869\n743\n"))]));
            let _ = api::subscription_retention(&obj(&[
                ("renewals", vec![0, 1, 2].into()),
                ("active", vec![false, false, true].into()),
            ]));
        });
        for fields in ALL {
            if cfg!(not(feature = "xlsx")) && fields.function == "readWorkbook" {
                continue;
            }
            let declared: BTreeSet<String> =
                fields
                    .names
                    .iter()
                    .map(|n| n.to_string())
                    .chain(fields.objects.iter().flat_map(|(object, keys)| {
                        keys.iter().map(move |k| format!("{object}.{k}"))
                    }))
                    .collect();
            let got: BTreeSet<String> = read
                .iter()
                .filter(|(f, _)| f == fields.function)
                .map(|(_, k)| k.clone())
                .collect();
            assert_eq!(got, declared, "{}()", fields.function);
        }
    }

    #[test]
    fn all_roles_are_the_roles_of_the_input_engine() {
        assert_eq!(ALL_ROLES, crate::input::roles::ALL.map(|r| r.key()));
    }
}
