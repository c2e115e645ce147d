//! Errors and skipped rows: plain values with a stable `code`, a plain-English
//! `message`, and the field or row they concern. Nothing in this crate panics on
//! user input; every problem becomes one of these.

use serde::Serialize;
use std::fmt;

/// A problem that stops a calculation. `code` is a stable camelCase key that the
/// page translates; `message` is the English sentence; `field` names the input
/// field and `row` the 1-based line of pasted text, where they apply.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Error {
    pub code: &'static str,
    pub message: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub row: Option<usize>,
    /// Rows skipped before the error was found (e.g. when no row was usable).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<Skipped>,
}

impl Error {
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
        Error {
            code,
            message: message.into(),
            field: None,
            row: None,
            skipped: Vec::new(),
        }
    }

    /// An error about one input field.
    pub fn field(code: &'static str, field: &str, message: impl Into<String>) -> Self {
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
    pub code: &'static str,
    pub reason: String,
}

impl Skipped {
    pub fn new(row: usize, code: &'static str, reason: impl Into<String>) -> Self {
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
    pub code: &'static str,
    pub message: String,
    pub params: std::collections::BTreeMap<&'static str, Param>,
}

/// One value named by a notice.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
pub enum Param {
    Number(f64),
    Text(String),
}

impl From<f64> for Param {
    fn from(v: f64) -> Self {
        Param::Number(v)
    }
}

impl From<usize> for Param {
    fn from(v: usize) -> Self {
        Param::Number(v as f64)
    }
}

impl From<&str> for Param {
    fn from(v: &str) -> Self {
        Param::Text(v.to_string())
    }
}

impl From<String> for Param {
    fn from(v: String) -> Self {
        Param::Text(v)
    }
}

impl Notice {
    pub fn new(code: &'static str, message: impl Into<String>) -> Self {
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
