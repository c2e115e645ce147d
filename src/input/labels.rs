//! Survey answers written as words ("Sangat puas", "Very easy", "Strongly
//! agree"), with or without a leading number ("5 - Sangat puas", "5. Sangat
//! puas"), and the scale they are mapped onto.
//!
//! Each table holds the labels of a five-point scale (levels 1–5, 5 the best:
//! most satisfied, easiest, most agreeing) and the two "somewhat" levels of a
//! seven-point one. On a 1–5 scale the five levels are 1–5 and a "somewhat"
//! label is off the scale; on a 1–7 scale they are 1, 2, 4, 6, 7 and the
//! "somewhat" labels 3 and 5 (Gartner's CES 2.0 wording: strongly disagree …
//! strongly agree that the company made it easy). Matching ignores case,
//! punctuation and repeated spaces.

use super::roles::normalize;

/// Which labels a calculator reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LabelKind {
    /// CSAT: satisfaction (puas / satisfied).
    Satisfaction,
    /// CES: ease (mudah / easy) and agreement (setuju / agree: "it was easy").
    Effort,
}

/// A level on the label scales: 1–5 of the five-point scale, or one of the
/// seven-point scale's "somewhat" levels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Level {
    Five(u32),
    SomewhatLow,
    SomewhatHigh,
}

impl Level {
    /// The answer on a 1–`points` scale (5 or 7); `None` when the level is
    /// not on that scale (a "somewhat" label on 1–5).
    pub fn on(self, points: u32) -> Option<u32> {
        match (self, points) {
            (Level::Five(v), 5) => Some(v),
            (Level::Five(v), 7) => Some([1, 2, 4, 6, 7][v as usize - 1]),
            (Level::SomewhatLow, 7) => Some(3),
            (Level::SomewhatHigh, 7) => Some(5),
            _ => None,
        }
    }
}

const SATISFACTION: &[(Level, &[&str])] = &[
    (
        Level::Five(5),
        &[
            "sangat puas",
            "puas sekali",
            "amat puas",
            "very satisfied",
            "extremely satisfied",
            "completely satisfied",
            "sangat memuaskan",
        ],
    ),
    (
        Level::Five(4),
        &[
            "puas",
            "satisfied",
            "somewhat satisfied",
            "mostly satisfied",
            "memuaskan",
        ],
    ),
    (
        Level::Five(3),
        &[
            "netral",
            "neutral",
            "cukup",
            "cukup puas",
            "cukup memuaskan",
            "moderately satisfied",
            "biasa",
            "biasa saja",
            "sedang",
            "neither satisfied nor dissatisfied",
            "neither satisfied or dissatisfied",
        ],
    ),
    (
        Level::Five(2),
        &[
            "tidak puas",
            "kurang puas",
            "tidak memuaskan",
            "kurang memuaskan",
            "dissatisfied",
            "unsatisfied",
            "not satisfied",
            "somewhat dissatisfied",
            "slightly satisfied",
        ],
    ),
    (
        Level::Five(1),
        &[
            "sangat tidak puas",
            "sangat kurang puas",
            "sangat tidak memuaskan",
            "very dissatisfied",
            "extremely dissatisfied",
            "very unsatisfied",
            "completely dissatisfied",
            "not at all satisfied",
        ],
    ),
];

const EFFORT: &[(Level, &[&str])] = &[
    (
        Level::Five(5),
        &[
            "sangat mudah",
            "mudah sekali",
            "sangat gampang",
            "very easy",
            "extremely easy",
            "sangat setuju",
            "strongly agree",
        ],
    ),
    (
        Level::Five(4),
        &["mudah", "gampang", "easy", "setuju", "agree"],
    ),
    (
        Level::Five(3),
        &[
            "netral",
            "neutral",
            "biasa",
            "biasa saja",
            "sedang",
            "cukup mudah",
            "ragu ragu",
            "kurang setuju",
            "neither easy nor difficult",
            "neither difficult nor easy",
            "neither agree nor disagree",
        ],
    ),
    (
        Level::Five(2),
        &[
            "sulit",
            "susah",
            "sukar",
            "difficult",
            "hard",
            "tidak setuju",
            "disagree",
        ],
    ),
    (
        Level::Five(1),
        &[
            "sangat sulit",
            "sangat susah",
            "sulit sekali",
            "very difficult",
            "extremely difficult",
            "very hard",
            "sangat tidak setuju",
            "strongly disagree",
        ],
    ),
    (
        Level::SomewhatHigh,
        &[
            "agak mudah",
            "somewhat easy",
            "agak setuju",
            "somewhat agree",
            "slightly agree",
        ],
    ),
    (
        Level::SomewhatLow,
        &[
            "agak sulit",
            "agak susah",
            "somewhat difficult",
            "agak tidak setuju",
            "somewhat disagree",
            "slightly disagree",
        ],
    ),
];

fn table(kind: LabelKind) -> &'static [(Level, &'static [&'static str])] {
    match kind {
        LabelKind::Satisfaction => SATISFACTION,
        LabelKind::Effort => EFFORT,
    }
}

/// One cell split into its leading (or trailing, in brackets) number and its
/// words: "5 - Sangat puas" → (Some(5), "sangat puas"); "Puas (4)" → (Some(4),
/// "puas"); "Sangat puas" → (None, "sangat puas"); "7" → (Some(7), "").
pub fn split(cell: &str) -> (Option<u32>, String) {
    let s = cell.trim();
    let digits = s.chars().take_while(char::is_ascii_digit).count();
    let (number, rest) = if (1..=2).contains(&digits) {
        let rest = &s[digits..];
        // The number must end there: "5 - x", "5. x", "5) x", "5 = x", "5: x", "5 x".
        match rest.chars().next() {
            None => (s[..digits].parse().ok(), ""),
            Some(c) if c.is_whitespace() || "-–—.)=:".contains(c) => {
                (s[..digits].parse().ok(), rest)
            }
            _ => (None, s),
        }
    } else if let Some(open) = s.rfind('(').filter(|_| s.ends_with(')')) {
        // "Sangat puas (5)"
        let inner = &s[open + 1..s.len() - 1];
        match inner.trim().parse::<u32>() {
            Ok(n) if n <= 10 => (Some(n), &s[..open]),
            _ => (None, s),
        }
    } else {
        (None, s)
    };
    // A number needs words beside it: "1.250.000" or "4/5" is not "1. label".
    if number.is_some() && !rest.is_empty() && !rest.chars().any(char::is_alphabetic) {
        return (None, normalize(s));
    }
    let words = normalize(rest);
    (number, words)
}

/// The level of a label (already normalised, without its number), if the
/// tables of `kind` know it.
pub fn level(kind: LabelKind, words: &str) -> Option<Level> {
    if words.is_empty() {
        return None;
    }
    table(kind)
        .iter()
        .find(|(_, labels)| labels.contains(&words))
        .map(|(level, _)| *level)
}

/// Whether a cell is a known label (with or without a number).
pub fn is_label(kind: LabelKind, cell: &str) -> bool {
    level(kind, &split(cell).1).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_before_and_after_the_words() {
        assert_eq!(split("5 - Sangat Puas"), (Some(5), "sangat puas".into()));
        assert_eq!(split("5. Sangat puas"), (Some(5), "sangat puas".into()));
        assert_eq!(split(" 4 – Puas "), (Some(4), "puas".into()));
        assert_eq!(split("Puas (4)"), (Some(4), "puas".into()));
        assert_eq!(
            split("10 - Extremely likely"),
            (Some(10), "extremely likely".into())
        );
        assert_eq!(split("7"), (Some(7), String::new()));
        assert_eq!(
            split("Sangat tidak puas!"),
            (None, "sangat tidak puas".into())
        );
        assert_eq!(split("5x"), (None, "5x".into()));
        assert_eq!(split("2025-01-05"), (None, "2025 01 05".into()));
        assert_eq!(split("1.250.000"), (None, "1 250 000".into()));
        assert_eq!(split("4/5"), (None, "4 5".into()));
    }

    #[test]
    fn levels_on_five_and_seven_points() {
        let e = |w: &str| level(LabelKind::Effort, w);
        assert_eq!(e("strongly agree").and_then(|l| l.on(7)), Some(7));
        assert_eq!(e("agree").and_then(|l| l.on(7)), Some(6));
        assert_eq!(e("somewhat agree").and_then(|l| l.on(7)), Some(5));
        assert_eq!(
            e("neither agree nor disagree").and_then(|l| l.on(7)),
            Some(4)
        );
        assert_eq!(e("agak tidak setuju").and_then(|l| l.on(7)), Some(3));
        assert_eq!(e("somewhat agree").and_then(|l| l.on(5)), None);
        assert_eq!(e("sangat sulit").and_then(|l| l.on(5)), Some(1));
        let s = |w: &str| level(LabelKind::Satisfaction, w).and_then(|l| l.on(5));
        assert_eq!(s("sangat puas"), Some(5));
        assert_eq!(s("cukup"), Some(3));
        assert_eq!(s("sangat tidak puas"), Some(1));
        assert_eq!(s("mantap"), None);
        assert!(is_label(LabelKind::Satisfaction, "5 - Sangat Puas"));
        assert!(!is_label(LabelKind::Satisfaction, "5"));
    }
}
