//! Money amounts in cells: `Rp 1.250.000`, `Rp1.250.000,00`, `1,250,000.00`,
//! `1250000`, `(Rp 150.000)`, `-50.000`, `1 250 000`, `50rb`, `1,5jt`.
//!
//! Whether `.` or `,` is the decimal mark is decided once per column from all
//! its values ([`AmountStats`]), and every cell of the column is then read with
//! that mark ([`parse_amount`]), so `1.250` means the same in every row.
//!
//! What a cell may hold, in this order (spaces, including non-breaking ones,
//! allowed between the parts):
//! - a sign: `-` (also `−` U+2212 and `–` U+2013) or `+`, or accounting
//!   parentheses around the rest, `(Rp 150.000)`; only one of them;
//! - a currency mark (see [`super::currency`]: `Rp`, `Rp.`, `IDR`, `$`, `USD`, `€`,
//!   `RM`, `S$`, …; any case), before or after the sign, or after the number (`10,50 €`);
//! - the number: digits, at most one decimal mark, and thousands separators
//!   (the other of `.`/`,`, or single spaces) that split the whole part into
//!   groups of exactly three digits after a first group of one to three;
//! - either `,-` / `.-` after the decimal mark (`Rp 50.000,-`, "no cents"), or a
//!   multiplier word (any case): `rb`/`ribu` ×1 000, `jt`/`juta` ×1 000 000,
//!   `M`/`miliar`/`milyar` ×1 000 000 000 (`M` is the Indonesian *miliar*, not
//!   million). With a multiplier, a lone separator that is not followed by
//!   exactly three digits is a decimal mark whatever the column says, so
//!   `1,5jt` and `1.5 juta` are both 1 500 000.

use super::currency::{strip_mark, whole_mark, Currency, ALL as CURRENCIES};
use super::{quote, CellError, DecidedBy, Locale};
use crate::error::Code;
use serde::Serialize;

/// Cells longer than this (in bytes, after trimming) are not amounts.
const MAX_LEN: usize = 64;

/// The decimal mark of a column of amounts; the other of `.`/`,` separates thousands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum DecimalMark {
    /// `1.250.000,50`: Indonesian (and most of Europe).
    Comma,
    /// `1,250,000.50`: English.
    Dot,
}

impl DecimalMark {
    /// The decimal mark itself.
    pub fn char(self) -> char {
        match self {
            DecimalMark::Comma => ',',
            DecimalMark::Dot => '.',
        }
    }

    /// The thousands separator that goes with this decimal mark.
    pub fn thousands(self) -> char {
        match self {
            DecimalMark::Comma => '.',
            DecimalMark::Dot => ',',
        }
    }
}

/// How a column's amounts are read, and what decided it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AmountNotation {
    pub decimal: DecimalMark,
    pub decided_by: DecidedBy,
}

/// What one column's cells say about its decimal mark: feed every cell to
/// [`observe`](AmountStats::observe), then [`decide`](AmountStats::decide).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct AmountStats {
    cells: usize,
    amounts: usize,
    comma_decimal: usize,
    dot_decimal: usize,
    ambiguous: usize,
    rupiah: usize,
    /// Amounts by the currency they are marked with, in the order of [`CURRENCIES`].
    marked: [usize; CURRENCIES.len()],
}

impl AmountStats {
    /// Adds `times` times what other cells said (the evidence of one cell
    /// text that a column holds `times` times).
    pub fn add_times(&mut self, other: &AmountStats, times: usize) {
        self.cells += other.cells * times;
        self.amounts += other.amounts * times;
        self.comma_decimal += other.comma_decimal * times;
        self.dot_decimal += other.dot_decimal * times;
        self.ambiguous += other.ambiguous * times;
        self.rupiah += other.rupiah * times;
        for (a, b) in self.marked.iter_mut().zip(other.marked) {
            *a += b * times;
        }
    }

    /// Takes one cell into account. Empty cells are ignored; text such as
    /// `gratis` counts as a cell but says nothing about the notation.
    pub fn observe(&mut self, cell: &str) {
        let s = cell.trim();
        if s.is_empty() {
            return;
        }
        self.cells += 1;
        let Ok(parts) = split(s) else {
            return;
        };
        let comma = check(&parts, DecimalMark::Comma).is_ok();
        let dot = check(&parts, DecimalMark::Dot).is_ok();
        if comma || dot {
            self.amounts += 1;
            if parts.rupiah {
                self.rupiah += 1;
            }
            if let Some(c) = parts.currency {
                if let Some(i) = CURRENCIES.iter().position(|&k| k == c) {
                    self.marked[i] += 1;
                }
            }
        }
        match (comma, dot) {
            (true, false) => self.comma_decimal += 1,
            (false, true) => self.dot_decimal += 1,
            (true, true) if parts.scale == 0 && parts.body.contains(['.', ',']) => {
                self.ambiguous += 1
            }
            _ => {}
        }
    }

    /// Non-empty cells observed.
    pub fn cells(&self) -> usize {
        self.cells
    }

    /// Non-empty cells that read as an amount with at least one decimal mark.
    pub fn amounts(&self) -> usize {
        self.amounts
    }

    /// The currency most of the marked amounts carry, with how many do.
    pub fn currency(&self) -> Option<(Currency, usize)> {
        let (i, &n) = self
            .marked
            .iter()
            .enumerate()
            .max_by_key(|&(i, &n)| (n, std::cmp::Reverse(i)))?;
        (n > 0).then(|| (CURRENCIES[i], n))
    }

    /// Cells such as `1.250` or `530.000` that read as an amount either way,
    /// with different values.
    pub fn ambiguous(&self) -> usize {
        self.ambiguous
    }

    /// Decides the decimal mark of the column:
    ///
    /// 1. **Values.** A cell that reads only one way is evidence: `1.250.000`
    ///    (several dots) and `811.000,00` prove a decimal comma; `1,250,000.00`,
    ///    `12.5` and `1250.000` prove a decimal dot. The mark with more evidence
    ///    wins (`decided_by: values`); cells of the losing side then fail in
    ///    [`parse_amount`] with a reason, rather than being read wrongly.
    /// 2. **Locale**, when the evidence is absent or tied (every value is like
    ///    `1.250` / `530.000`, or has no separator at all): `Id` ⇒ decimal comma
    ///    (`1.250` = 1250), `En` ⇒ decimal dot (`1.250` = 1.25); `decided_by: locale`.
    /// 3. **`Auto`**, when the evidence is absent or tied: Indonesian notation,
    ///    decimal comma with `.` for thousands. It is `decided_by: values` when
    ///    the column carries rupiah marks (`Rp`, `IDR`, `rb`/`jt`/...) or some
    ///    cell proved a decimal comma, and `decided_by: default` otherwise.
    ///    A `$` does not switch to English: `$1.250` is read as 1250 too.
    pub fn decide(&self, locale: Locale) -> AmountNotation {
        let notation = |decimal, decided_by| AmountNotation {
            decimal,
            decided_by,
        };
        if self.comma_decimal > self.dot_decimal {
            return notation(DecimalMark::Comma, DecidedBy::Values);
        }
        if self.dot_decimal > self.comma_decimal {
            return notation(DecimalMark::Dot, DecidedBy::Values);
        }
        match locale {
            Locale::Id => notation(DecimalMark::Comma, DecidedBy::Locale),
            Locale::En => notation(DecimalMark::Dot, DecidedBy::Locale),
            Locale::Auto if self.rupiah > 0 || self.comma_decimal > 0 => {
                notation(DecimalMark::Comma, DecidedBy::Values)
            }
            Locale::Auto => notation(DecimalMark::Comma, DecidedBy::Default),
        }
    }
}

/// Reads one amount with the column's decimal mark (see the module docs for
/// what a cell may hold). Negative amounts (refunds) come back negative.
///
/// Errors: `emptyValue` for an empty cell, `invalidAmount` for anything else
/// that is not an amount in this notation, with the reason.
pub fn parse_amount(cell: &str, decimal: DecimalMark) -> Result<f64, CellError> {
    // Most amounts in big logs are bare whole numbers: they skip the
    // splitting below (the page's and the native build only; the widget's
    // small one keeps its size).
    #[cfg(feature = "analytics")]
    if let Some(n) = bare_whole_number(cell) {
        return Ok(n);
    }
    let s = cell.trim();
    if s.is_empty() {
        return Err(CellError {
            code: Code::EmptyValue,
            message: "The amount is empty.".to_string(),
        });
    }
    let invalid = |why: Why| CellError {
        code: Code::InvalidAmount,
        message: format!("{} is not an amount{}", quote(s), why.reason(decimal)),
    };
    let parts = split(s).map_err(invalid)?;
    let mark = check(&parts, decimal).map_err(invalid)?;
    value(&parts, mark).ok_or_else(|| invalid(Why::Text))
}

/// A bare whole number of up to 15 digits (`1745000`): exact in a double,
/// and the same in either notation. None for any other cell.
#[cfg(feature = "analytics")]
pub fn bare_whole_number(cell: &str) -> Option<f64> {
    ((1..=15).contains(&cell.len()) && cell.bytes().all(|b| b.is_ascii_digit()))
        .then(|| cell.bytes().fold(0u64, |n, b| n * 10 + u64::from(b - b'0')) as f64)
}

/// True when the cell reads as an amount with one decimal mark or the other:
/// cheap, for telling which columns hold amounts. Bare integers (`45688`,
/// `19970101`) are amounts too; callers that look for dates ask
/// [`looks_like_date`](super::date::looks_like_date) first.
pub fn looks_like_amount(cell: &str) -> bool {
    match split(cell.trim()) {
        Ok(parts) => {
            check(&parts, DecimalMark::Comma).is_ok() || check(&parts, DecimalMark::Dot).is_ok()
        }
        Err(_) => false,
    }
}

/// Why a cell is not an amount, said after `"…" is not an amount`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Why {
    Text,
    TooLong,
    TwoSigns,
    Unclosed,
    TwoDecimalMarks,
    AfterDecimal,
    Groups(char),
    MixedGroups,
    Misplaced,
}

impl Why {
    fn reason(self, decimal: DecimalMark) -> String {
        let d = decimal.char();
        match self {
            Why::Text => String::new(),
            Why::TooLong => " (too long)".to_string(),
            Why::TwoSigns => ": it has more than one minus sign or pair of parentheses".to_string(),
            Why::Unclosed => ": a parenthesis is not closed".to_string(),
            Why::TwoDecimalMarks => format!(
                " in this column: \"{d}\" is its decimal mark and appears more than once"
            ),
            Why::AfterDecimal => format!(
                " in this column: a thousands separator comes after the decimal mark \"{d}\""
            ),
            Why::Groups(' ') => {
                ": spaces between digits must split them into groups of three".to_string()
            }
            Why::Groups(t) => format!(
                " in this column: \"{t}\" separates thousands here, so it must split the digits into groups of three"
            ),
            Why::MixedGroups => {
                ": it mixes spaces and marks as thousands separators".to_string()
            }
            Why::Misplaced => format!(
                " in this column: its separators are in the wrong places for \"{d}\" as decimal mark"
            ),
        }
    }
}

/// A cell taken apart, before the decimal mark is applied.
#[derive(Debug)]
struct Parts<'a> {
    negative: bool,
    /// `Rp`, `IDR` or an Indonesian multiplier word.
    rupiah: bool,
    /// The currency mark, if the cell has one.
    currency: Option<Currency>,
    /// Digits, `.`, `,` and spaces, trimmed.
    body: &'a str,
    /// Power of ten of the multiplier word (0 without one).
    scale: i32,
    /// `50.000,-`: the mark that stood before the dash (removed from `body`).
    dash_mark: Option<char>,
}

fn strip_sign(s: &str) -> Option<(bool, &str)> {
    let mut chars = s.chars();
    let negative = match chars.next()? {
        '-' | '\u{2212}' | '\u{2013}' => true,
        '+' => false,
        _ => return None,
    };
    Some((negative, chars.as_str()))
}

/// The power of ten of a multiplier word.
fn multiplier(word: &str) -> Option<i32> {
    let w = word.to_ascii_lowercase();
    match w.as_str() {
        "rb" | "ribu" => Some(3),
        "jt" | "juta" => Some(6),
        "m" | "miliar" | "milyar" => Some(9),
        _ => None,
    }
}

/// Takes the sign, currency, number and suffix of a trimmed cell apart.
fn split(s: &str) -> Result<Parts<'_>, Why> {
    if s.len() > MAX_LEN {
        return Err(Why::TooLong);
    }
    let mut rest = s;
    let mut signed = false;
    let mut negative = false;
    let mut currency = None;
    loop {
        rest = rest.trim_start();
        if let Some(inner) = rest.strip_prefix('(') {
            if signed {
                return Err(Why::TwoSigns);
            }
            rest = inner.trim_end().strip_suffix(')').ok_or(Why::Unclosed)?;
            signed = true;
            negative = true;
        } else if let Some((neg, after)) = strip_sign(rest) {
            if signed {
                return Err(Why::TwoSigns);
            }
            signed = true;
            negative = neg;
            rest = after;
        } else if let Some((mark, after)) = strip_mark(rest).filter(|_| currency.is_none()) {
            currency = Some(mark);
            rest = after;
        } else {
            break;
        }
    }
    let end = rest
        .find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',' || c.is_whitespace()))
        .unwrap_or(rest.len());
    let (body, tail) = rest.split_at(end);
    let mut body = body.trim_end();
    let mut tail = tail.trim();
    // A currency written after the number: `10,50 €`, `29.99 USD`.
    if let Some(mark) = whole_mark(tail).filter(|_| currency.is_none()) {
        currency = Some(mark);
        tail = "";
    }
    let mut scale = 0;
    let mut dash_mark = None;
    if tail == "-" {
        let mark = body.chars().next_back().filter(|c| matches!(c, '.' | ','));
        let mark = mark.ok_or(Why::Text)?;
        body = &body[..body.len() - 1];
        dash_mark = Some(mark);
    } else if !tail.is_empty() {
        scale = multiplier(tail).ok_or(Why::Text)?;
    }
    if !body.contains(|c: char| c.is_ascii_digit()) {
        return Err(Why::Text);
    }
    Ok(Parts {
        negative,
        rupiah: currency == Some(Currency::Idr) || scale > 0,
        currency,
        body,
        scale,
        dash_mark,
    })
}

/// Checks the number against a decimal mark; returns the byte position of the
/// decimal mark in `body`, if any.
fn check(parts: &Parts, decimal: DecimalMark) -> Result<Option<usize>, Why> {
    let body = parts.body;
    let mut d = decimal.char();
    // With a multiplier, a lone separator not followed by three digits is decimal.
    if parts.scale > 0 {
        let mut marks = body.match_indices(['.', ',']);
        if let (Some((i, m)), None) = (marks.next(), marks.next()) {
            if body[i + 1..].len() != 3 {
                d = m.chars().next().unwrap_or(d);
            }
        }
    }
    let t = if d == ',' { '.' } else { ',' };
    let mut decimal_at = body.match_indices(d).map(|(i, _)| i);
    let at = decimal_at.next();
    if decimal_at.next().is_some() {
        return Err(Why::TwoDecimalMarks);
    }
    if let Some(mark) = parts.dash_mark {
        if mark != d || at.is_some() {
            return Err(Why::Misplaced);
        }
    }
    let (whole, fraction) = match at {
        Some(i) => (&body[..i], &body[i + 1..]),
        None => (body, ""),
    };
    if !fraction.chars().all(|c| c.is_ascii_digit()) {
        return Err(Why::AfterDecimal);
    }
    if at.is_some() && fraction.is_empty() {
        return Err(Why::Misplaced);
    }
    let has_t = whole.contains(t);
    let has_space = whole.contains(char::is_whitespace);
    match (has_t, has_space) {
        (true, true) => return Err(Why::MixedGroups),
        (true, false) if !groups(whole, |c| c == t) => return Err(Why::Groups(t)),
        (false, true) if !groups(whole, char::is_whitespace) => return Err(Why::Groups(' ')),
        _ => {}
    }
    if whole.is_empty() && fraction.is_empty() {
        return Err(Why::Text);
    }
    Ok(at)
}

/// Digits split by `sep` into a first group of 1–3 digits (not starting with
/// 0) and further groups of exactly 3.
fn groups(whole: &str, sep: impl Fn(char) -> bool) -> bool {
    let mut parts = whole.split(sep);
    let first = parts.next().unwrap_or("");
    let ok_first = (1..=3).contains(&first.len())
        && first.chars().all(|c| c.is_ascii_digit())
        && !first.starts_with('0');
    ok_first && parts.all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()))
}

/// The value of a checked number: its digits as one integer, shifted by the
/// multiplier and the decimals, read exactly by the float parser.
fn value(parts: &Parts, decimal_at: Option<usize>) -> Option<f64> {
    let (whole, fraction) = match decimal_at {
        Some(i) => (&parts.body[..i], &parts.body[i + 1..]),
        None => (parts.body, ""),
    };
    let exponent = parts.scale - fraction.len() as i32;
    let v = match exact_value(whole, fraction, exponent) {
        Some(v) => v,
        None => {
            let mut digits: String = whole.chars().filter(char::is_ascii_digit).collect();
            digits.push_str(fraction);
            format!("{digits}e{exponent}").parse().ok()?
        }
    };
    if !v.is_finite() {
        return None;
    }
    Some(if parts.negative && v != 0.0 { -v } else { v })
}

/// The digits of `whole` (separators skipped) and `fraction` times 10^`exponent`,
/// when that can be computed exactly without the float parser (Clinger's fast
/// path, as the parser itself takes it): the digits as an integer of at most
/// 2^53, and |`exponent`| ≤ 22, so both operands are exact doubles and the one
/// multiplication or division rounds correctly — the parser's value, bit for
/// bit. `None` otherwise (the caller then asks the parser).
fn exact_value(whole: &str, fraction: &str, exponent: i32) -> Option<f64> {
    const POW10: [f64; 23] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16,
        1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ];
    let (mut m, mut any) = (0u64, false);
    for b in whole
        .bytes()
        .filter(u8::is_ascii_digit)
        .chain(fraction.bytes())
    {
        if !b.is_ascii_digit() {
            return None;
        }
        m = m.checked_mul(10)?.checked_add(u64::from(b - b'0'))?;
        any = true;
    }
    if !any || m > 1 << 53 {
        return None;
    }
    let p = *POW10.get(exponent.unsigned_abs() as usize)?;
    Some(if exponent >= 0 {
        m as f64 * p
    } else {
        m as f64 / p
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::cell_tests::{read_err, read_ok};
    use DecimalMark::{Comma, Dot};

    #[test]
    fn the_exact_path_declines_what_it_cannot_do_exactly() {
        // 2^53 + 1 is not a double: the parser rounds it, the fast path declines.
        assert_eq!(exact_value("9007199254740993", "", 0), None);
        assert_eq!(
            exact_value("9007199254740992", "", 0),
            Some(9_007_199_254_740_992.0)
        );
        // 10^23 is not exact: declined.
        assert_eq!(exact_value("1", "", 23), None);
        assert_eq!(exact_value("", "", 0), None);
        // A fraction with anything but digits is not read.
        assert_eq!(exact_value("1", "5x", -2), None);
        // 0.1 + 0.2 style: 1250000,50 → 125000050 / 100, the parser's 1250000.5.
        assert_eq!(exact_value("1.250.000", "50", -2), Some(1_250_000.5));
        assert_eq!(exact_value("0", "1", -1), Some(0.1));
        assert_eq!(exact_value("1", "5", 5), Some(1_500_000.0));
    }

    #[test]
    fn bare_whole_numbers_read_alike_in_both_notations() {
        // Written out by hand; 15 digits still take the short path, 16 and
        // more the general one (2^53 + 1 rounds to 2^53, as the parser does).
        for (cell, want) in [
            ("1745000", 1_745_000.0),
            ("007", 7.0),
            ("0", 0.0),
            ("123456789012345", 123_456_789_012_345.0),
            ("9007199254740993", 9_007_199_254_740_992.0),
        ] {
            assert_eq!(ok(cell, Comma), want, "{cell}");
            assert_eq!(ok(cell, Dot), want, "{cell}");
        }
    }

    #[track_caller]
    fn ok(cell: &str, decimal: DecimalMark) -> f64 {
        read_ok(parse_amount, cell, decimal)
    }

    #[track_caller]
    fn err(cell: &str, decimal: DecimalMark) -> CellError {
        read_err(parse_amount, cell, decimal)
    }

    fn column(cells: &[&str], locale: Locale) -> AmountNotation {
        let mut stats = AmountStats::default();
        for c in cells {
            stats.observe(c);
        }
        stats.decide(locale)
    }

    fn notation(decimal: DecimalMark, decided_by: DecidedBy) -> AmountNotation {
        AmountNotation {
            decimal,
            decided_by,
        }
    }

    /// A column of `cells`, read with `locale`, is decided as `decimal` by `by`.
    #[track_caller]
    fn decides(cells: &[&str], locale: Locale, decimal: DecimalMark, by: DecidedBy) {
        assert_eq!(
            column(cells, locale),
            notation(decimal, by),
            "{cells:?} {locale:?}"
        );
    }

    #[test]
    fn indonesian_amounts() {
        assert_eq!(ok("Rp 1.250.000", Comma), 1_250_000.0);
        assert_eq!(ok("Rp1.250.000,00", Comma), 1_250_000.0);
        assert_eq!(ok("Rp 1.250.000,50", Comma), 1_250_000.5);
        assert_eq!(ok("Rp. 75.000", Comma), 75_000.0);
        assert_eq!(ok("rp 75.000", Comma), 75_000.0);
        assert_eq!(ok("RP75.000", Comma), 75_000.0);
        assert_eq!(ok("IDR 50.000", Comma), 50_000.0);
        assert_eq!(ok("idr50.000", Comma), 50_000.0);
        assert_eq!(ok("1.250", Comma), 1_250.0);
        assert_eq!(ok("12,5", Comma), 12.5);
        assert_eq!(ok("0,75", Comma), 0.75);
        assert_eq!(ok(",5", Comma), 0.5);
        assert_eq!(ok("Rp 50.000,-", Comma), 50_000.0);
        assert_eq!(ok("50.000,-", Comma), 50_000.0);
    }

    #[test]
    fn english_amounts() {
        assert_eq!(ok("1,250,000.00", Dot), 1_250_000.0);
        assert_eq!(ok("$1,250.50", Dot), 1_250.5);
        assert_eq!(ok("$ 1,250.50", Dot), 1_250.5);
        assert_eq!(ok("12.5", Dot), 12.5);
        assert_eq!(ok("1.250", Dot), 1.25);
        assert_eq!(ok("0.99", Dot), 0.99);
        assert_eq!(ok("29.33", Dot), 29.33);
    }

    #[test]
    fn plain_and_spaced_amounts() {
        for d in [Comma, Dot] {
            assert_eq!(ok("1250000", d), 1_250_000.0);
            assert_eq!(ok("0", d), 0.0);
            assert_eq!(ok("007", d), 7.0);
            assert_eq!(ok("1 250 000", d), 1_250_000.0);
            assert_eq!(ok("  1250000  ", d), 1_250_000.0);
            assert_eq!(ok("\u{a0}Rp\u{a0}1250000\u{a0}", d), 1_250_000.0);
            assert_eq!(ok("1\u{a0}250\u{a0}000", d), 1_250_000.0);
            assert_eq!(ok("1\u{202f}250\u{202f}000", d), 1_250_000.0);
            assert_eq!(ok("\t530\r\n", d), 530.0);
        }
        assert_eq!(ok("1 250 000,75", Comma), 1_250_000.75);
        assert_eq!(ok("1 250 000.75", Dot), 1_250_000.75);
    }

    #[test]
    fn negative_amounts() {
        assert_eq!(ok("(50.000)", Comma), -50_000.0);
        assert_eq!(ok("(Rp 150.000)", Comma), -150_000.0);
        assert_eq!(ok("Rp (150.000)", Comma), -150_000.0);
        assert_eq!(ok("( Rp 150.000 )", Comma), -150_000.0);
        assert_eq!(ok("-50.000", Comma), -50_000.0);
        assert_eq!(ok("- Rp 50.000", Comma), -50_000.0);
        assert_eq!(ok("-Rp50.000", Comma), -50_000.0);
        assert_eq!(ok("Rp -50.000", Comma), -50_000.0);
        assert_eq!(ok("Rp- 50.000", Comma), -50_000.0);
        assert_eq!(ok("\u{2212}50.000", Comma), -50_000.0);
        assert_eq!(ok("+50.000", Comma), 50_000.0);
        assert_eq!(ok("($1,250.50)", Dot), -1_250.5);
        assert_eq!(ok("-$1,250.50", Dot), -1_250.5);
        assert_eq!(ok("(50rb)", Comma), -50_000.0);
        // No negative zero.
        assert!(ok("-0", Comma).is_sign_positive());
    }

    #[test]
    fn multiplier_words() {
        for d in [Comma, Dot] {
            assert_eq!(ok("50rb", d), 50_000.0);
            assert_eq!(ok("50 ribu", d), 50_000.0);
            assert_eq!(ok("50 RB", d), 50_000.0);
            assert_eq!(ok("Rp 50rb", d), 50_000.0);
            assert_eq!(ok("2jt", d), 2_000_000.0);
            assert_eq!(ok("1,5jt", d), 1_500_000.0);
            assert_eq!(ok("1.5 juta", d), 1_500_000.0);
            assert_eq!(ok("1,25 Juta", d), 1_250_000.0);
            assert_eq!(ok("1,2M", d), 1_200_000_000.0);
            assert_eq!(ok("1.2 miliar", d), 1_200_000_000.0);
            assert_eq!(ok("3 Milyar", d), 3_000_000_000.0);
            assert_eq!(ok("-2jt", d), -2_000_000.0);
        }
        // Three digits after the lone separator: the column's notation decides.
        assert_eq!(ok("1.250 jt", Comma), 1_250_000_000.0);
        assert_eq!(ok("1.250 jt", Dot), 1_250_000.0);
    }

    #[test]
    fn sample_file_amounts() {
        // transaksi_toko.csv, column Total.
        assert_eq!(ok("Rp 892.000", Comma), 892_000.0);
        assert_eq!(ok("Rp811.000,00", Comma), 811_000.0);
        assert_eq!(ok("530.000", Comma), 530_000.0);
        assert_eq!(ok("1.104.000", Comma), 1_104_000.0);
        assert_eq!(ok("Rp 1.328.000", Comma), 1_328_000.0);
        assert_eq!(ok("Rp85.000,00", Comma), 85_000.0);
        assert_eq!(ok("(Rp 150.000)", Comma), -150_000.0);
        let e = err("gratis", Comma);
        assert_eq!(e.code, "invalidAmount");
        assert_eq!(e.message, "\"gratis\" is not an amount");
        // CDNOW_sample.txt dollars; cdnow summary zbar.
        assert_eq!(ok("29.33", Dot), 29.33);
        assert_eq!(ok("0.00", Dot), 0.0);
    }

    #[test]
    fn transaksi_toko_column_is_indonesian_by_its_values() {
        let cells = [
            "Rp 892.000",
            "Rp811.000,00",
            "530.000",
            "Rp 133.000",
            "1.104.000",
            "(Rp 150.000)",
            "Rp 100.000",
            "gratis",
        ];
        for locale in [Locale::Auto, Locale::Id, Locale::En] {
            decides(&cells, locale, Comma, DecidedBy::Values);
        }
        let mut stats = AmountStats::default();
        for c in cells.iter().chain(&["", "  "]) {
            stats.observe(c);
        }
        assert_eq!(stats.cells(), 8);
        assert_eq!(stats.amounts(), 7);
        assert_eq!(stats.ambiguous(), 5);
    }

    #[test]
    fn decided_by_values() {
        decides(
            &["1.250.000", "530.000"],
            Locale::En,
            Comma,
            DecidedBy::Values,
        );
        decides(
            &["811.000,00", "1.250"],
            Locale::En,
            Comma,
            DecidedBy::Values,
        );
        decides(
            &["1,250,000.00", "1,250"],
            Locale::Id,
            Dot,
            DecidedBy::Values,
        );
        decides(&["1,250,000", "530"], Locale::Id, Dot, DecidedBy::Values);
        decides(&["12.5", "1.250"], Locale::Id, Dot, DecidedBy::Values);
        decides(&["12,5", "1,250"], Locale::En, Comma, DecidedBy::Values);
        // A whole part of four digits or a leading 0 before a lone dot: decimal.
        decides(&["1250.000"], Locale::Id, Dot, DecidedBy::Values);
        decides(&["0.500"], Locale::Id, Dot, DecidedBy::Values);
        // "Rp 50.000,-" proves a decimal comma.
        decides(
            &["Rp 50.000,-", "1.250"],
            Locale::En,
            Comma,
            DecidedBy::Values,
        );
    }

    #[test]
    fn ambiguous_columns_follow_the_locale() {
        let cells = ["1.250", "530.000", "12.000"];
        decides(&cells, Locale::Id, Comma, DecidedBy::Locale);
        decides(&cells, Locale::En, Dot, DecidedBy::Locale);
        decides(&cells, Locale::Auto, Comma, DecidedBy::Default);
        let english = ["1,250", "530,000"];
        decides(&english, Locale::En, Dot, DecidedBy::Locale);
        decides(&english, Locale::Auto, Comma, DecidedBy::Default);
        // No separators at all: nothing to decide from.
        let plain = ["1250000", "530"];
        decides(&plain, Locale::Id, Comma, DecidedBy::Locale);
        decides(&plain, Locale::En, Dot, DecidedBy::Locale);
        decides(&plain, Locale::Auto, Comma, DecidedBy::Default);
        decides(&[], Locale::Auto, Comma, DecidedBy::Default);
        decides(&["", "gratis"], Locale::En, Dot, DecidedBy::Locale);
    }

    #[test]
    fn auto_reads_rupiah_marks() {
        for cells in [
            &["Rp 1.250", "530.000"][..],
            &["IDR 530.000", "1.250"],
            &["1.250", "50rb"],
            &["Rp 500"],
        ] {
            assert_eq!(
                column(cells, Locale::Auto),
                notation(Comma, DecidedBy::Values),
                "{cells:?}"
            );
        }
        // The chosen locale is still obeyed when the values cannot tell.
        decides(&["Rp 1.250"], Locale::En, Dot, DecidedBy::Locale);
        // A dollar sign does not make a column English.
        decides(&["$1.250"], Locale::Auto, Comma, DecidedBy::Default);
    }

    #[test]
    fn conflicting_evidence_majority_wins_minority_fails() {
        let cells = ["1.250.000", "811.000,00", "2.000.000", "1,250,000.00"];
        let n = column(&cells, Locale::En);
        assert_eq!(n, notation(Comma, DecidedBy::Values));
        let e = err("1,250,000.00", n.decimal);
        assert_eq!(e.code, "invalidAmount");
        assert_eq!(
            e.message,
            "\"1,250,000.00\" is not an amount in this column: \",\" is its decimal mark and appears more than once"
        );
        let cells = ["12.5", "3.75", "1,250.00", "1.250.000"];
        let n = column(&cells, Locale::Id);
        assert_eq!(n, notation(Dot, DecidedBy::Values));
        assert!(parse_amount("1.250.000", n.decimal).is_err());
        // A tie is settled like an ambiguous column.
        let tie = ["1.250.000", "1,250,000"];
        decides(&tie, Locale::En, Dot, DecidedBy::Locale);
        decides(&tie, Locale::Id, Comma, DecidedBy::Locale);
        decides(&tie, Locale::Auto, Comma, DecidedBy::Values);
    }

    #[test]
    fn empty_cells() {
        for cell in ["", "   ", "\u{a0}", "\t\r\n"] {
            let e = err(cell, Comma);
            assert_eq!(e.code, "emptyValue");
            assert_eq!(e.message, "The amount is empty.");
        }
    }

    #[test]
    fn rejected_with_reasons() {
        let cases: &[(&str, DecimalMark, &str)] = &[
            ("gratis", Comma, "\"gratis\" is not an amount"),
            ("Rp", Comma, "\"Rp\" is not an amount"),
            ("-", Comma, "\"-\" is not an amount"),
            ("lunas 50.000", Comma, "\"lunas 50.000\" is not an amount"),
            ("50.000 lunas", Comma, "\"50.000 lunas\" is not an amount"),
            ("1e5", Dot, "\"1e5\" is not an amount"),
            ("NaN", Dot, "\"NaN\" is not an amount"),
            ("inf", Dot, "\"inf\" is not an amount"),
            ("0x10", Dot, "\"0x10\" is not an amount"),
            ("50.000-", Comma, "\"50.000-\" is not an amount"),
            ("01/05/2025", Comma, "\"01/05/2025\" is not an amount"),
            ("2025-01-31", Comma, "\"2025-01-31\" is not an amount"),
            (
                "1.25.000",
                Comma,
                "\"1.25.000\" is not an amount in this column: \".\" separates thousands here, so it must split the digits into groups of three",
            ),
            (
                "1.2345",
                Comma,
                "\"1.2345\" is not an amount in this column: \".\" separates thousands here, so it must split the digits into groups of three",
            ),
            (
                "12.5",
                Comma,
                "\"12.5\" is not an amount in this column: \".\" separates thousands here, so it must split the digits into groups of three",
            ),
            (
                "1,25,000",
                Dot,
                "\"1,25,000\" is not an amount in this column: \",\" separates thousands here, so it must split the digits into groups of three",
            ),
            (
                "1,5,0",
                Comma,
                "\"1,5,0\" is not an amount in this column: \",\" is its decimal mark and appears more than once",
            ),
            (
                "1.5.0",
                Dot,
                "\"1.5.0\" is not an amount in this column: \".\" is its decimal mark and appears more than once",
            ),
            (
                "1,250.000",
                Comma,
                "\"1,250.000\" is not an amount in this column: a thousands separator comes after the decimal mark \",\"",
            ),
            (
                "1 25",
                Comma,
                "\"1 25\" is not an amount: spaces between digits must split them into groups of three",
            ),
            (
                "1  250",
                Comma,
                "\"1  250\" is not an amount: spaces between digits must split them into groups of three",
            ),
            (
                "1 250.000",
                Comma,
                "\"1 250.000\" is not an amount: it mixes spaces and marks as thousands separators",
            ),
            (
                "--50",
                Comma,
                "\"--50\" is not an amount: it has more than one minus sign or pair of parentheses",
            ),
            (
                "(-50)",
                Comma,
                "\"(-50)\" is not an amount: it has more than one minus sign or pair of parentheses",
            ),
            ("(50", Comma, "\"(50\" is not an amount: a parenthesis is not closed"),
            (
                "50,",
                Comma,
                "\"50,\" is not an amount in this column: its separators are in the wrong places for \",\" as decimal mark",
            ),
            (
                "50.000,-",
                Dot,
                "\"50.000,-\" is not an amount in this column: its separators are in the wrong places for \".\" as decimal mark",
            ),
            ("Rp Rp 50", Comma, "\"Rp Rp 50\" is not an amount"),
            ("50 k", Comma, "\"50 k\" is not an amount"),
        ];
        for (cell, decimal, message) in cases {
            let e = err(cell, *decimal);
            assert_eq!(e.code, "invalidAmount", "{cell}");
            assert_eq!(&e.message, message);
        }
    }

    #[test]
    fn weird_text_is_rejected_without_panicking() {
        let long = "9".repeat(65);
        for cell in [
            "٣٤٥",
            "１２３",
            "Rp 💰",
            "💰50",
            "50💰",
            "(",
            ")",
            "()",
            "(Rp)",
            ",",
            ".",
            ",-",
            "Rp ,-",
            "\u{0}",
            "1\u{0}0",
            "e\u{301}",
            "Rp\u{200b}50",
            "ｒｐ 50",
            "ß",
            long.as_str(),
        ] {
            assert!(parse_amount(cell, Comma).is_err(), "{cell:?}");
            assert!(parse_amount(cell, Dot).is_err(), "{cell:?}");
            assert!(!looks_like_amount(cell), "{cell:?}");
        }
        let e = err(&long, Comma);
        assert_eq!(
            e.message,
            format!("\"{}…\" is not an amount (too long)", "9".repeat(40))
        );
    }

    #[test]
    fn amount_looking_cells() {
        for cell in [
            "Rp 1.250.000",
            "Rp1.250.000,00",
            "1,250,000.00",
            "(Rp 150.000)",
            "12.5",
            "50rb",
            "1,5jt",
            "45688",
            "19970101",
            "1 250 000",
        ] {
            assert!(looks_like_amount(cell), "{cell}");
        }
        for cell in [
            "",
            "gratis",
            "Total",
            "01/05/2025",
            "2025-01-31",
            "1 Januari 2024",
            "1.25.000",
            "INV-2500",
        ] {
            assert!(!looks_like_amount(cell), "{cell}");
        }
    }

    #[test]
    fn decimal_mark_helpers() {
        assert_eq!(Comma.char(), ',');
        assert_eq!(Comma.thousands(), '.');
        assert_eq!(Dot.char(), '.');
        assert_eq!(Dot.thousands(), ',');
    }
}

#[cfg(test)]
mod props {
    use super::*;
    use proptest::prelude::*;

    /// Ways of writing the number part of an amount.
    #[derive(Debug, Clone, Copy)]
    enum Style {
        /// `1.250.000` / `1.250.000,50`; `,00` optional on whole amounts.
        Indonesian { cents: bool },
        /// `1,250,000.50`; `.00` optional on whole amounts.
        English { cents: bool },
        /// `1250000` / `1250000,50` / `1250000.50`.
        Plain(DecimalMark),
        /// `1 250 000,50` / `1 250 000.50`.
        Spaced(DecimalMark),
    }

    impl Style {
        fn mark(self) -> DecimalMark {
            match self {
                Style::Indonesian { .. } => DecimalMark::Comma,
                Style::English { .. } => DecimalMark::Dot,
                Style::Plain(d) | Style::Spaced(d) => d,
            }
        }
    }

    fn style() -> impl Strategy<Value = Style> {
        let mark = prop_oneof![Just(DecimalMark::Comma), Just(DecimalMark::Dot)];
        prop_oneof![
            any::<bool>().prop_map(|cents| Style::Indonesian { cents }),
            any::<bool>().prop_map(|cents| Style::English { cents }),
            mark.clone().prop_map(Style::Plain),
            mark.prop_map(Style::Spaced),
        ]
    }

    /// Whole rupiah up to 10¹², or amounts with two decimals, in cents.
    fn cents() -> impl Strategy<Value = u64> {
        prop_oneof![
            (0u64..=1_000_000_000_000).prop_map(|r| r * 100),
            0u64..=100_000_000_000_000,
            (0u64..=999_999).prop_map(|r| r * 100),
        ]
    }

    fn grouped(n: u64, sep: char) -> String {
        let digits = n.to_string();
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                out.push(sep);
            }
            out.push(c);
        }
        out
    }

    /// The number part of `cents` in `style`, and whether it proves its mark.
    fn number(cents: u64, style: Style) -> (String, bool) {
        let (whole, fraction) = (cents / 100, cents % 100);
        let mark = style.mark().char();
        let (body, force_cents, groups) = match style {
            Style::Indonesian { cents } => (grouped(whole, '.'), cents, true),
            Style::English { cents } => (grouped(whole, ','), cents, true),
            Style::Plain(_) => (whole.to_string(), false, false),
            Style::Spaced(_) => (grouped(whole, ' '), false, false),
        };
        let with_cents = force_cents || fraction != 0;
        let text = if with_cents {
            format!("{body}{mark}{fraction:02}")
        } else {
            body
        };
        (text, with_cents || (groups && whole >= 1_000_000))
    }

    #[derive(Debug, Clone, Copy)]
    enum Dress {
        None,
        Minus,
        Parentheses,
    }

    fn dress() -> impl Strategy<Value = (&'static str, Dress)> {
        (
            prop_oneof![
                Just(""),
                Just("Rp "),
                Just("Rp"),
                Just("IDR "),
                Just("Rp. ")
            ],
            prop_oneof![
                Just(Dress::None),
                Just(Dress::Minus),
                Just(Dress::Parentheses)
            ],
        )
    }

    /// A whole cell: prefix, sign and number; its value; whether it proves its mark.
    fn cell(cents: u64, style: Style, (prefix, dress): (&str, Dress)) -> (String, f64, bool) {
        let (body, proof) = number(cents, style);
        let value = cents as f64 / 100.0;
        match dress {
            Dress::None => (format!("{prefix}{body}"), value, proof),
            Dress::Minus => (format!("-{prefix}{body}"), -value, proof),
            Dress::Parentheses => (format!("({prefix}{body})"), -value, proof),
        }
    }

    fn locale_of(mark: DecimalMark) -> Locale {
        match mark {
            DecimalMark::Comma => Locale::Id,
            DecimalMark::Dot => Locale::En,
        }
    }

    proptest! {
        #[test]
        fn every_style_reads_back(cents in cents(), style in style(), dress in dress()) {
            let (text, value, _) = cell(cents, style, dress);
            let read = parse_amount(&text, style.mark());
            prop_assert_eq!(read.clone(), Ok(if value == 0.0 { 0.0 } else { value }), "{}", text);
            prop_assert!(looks_like_amount(&text), "{}", text);
            let padded = format!(" \u{a0}{text}\t");
            prop_assert_eq!(parse_amount(&padded, style.mark()), read);
        }

        #[test]
        fn a_column_is_decided_by_its_style(
            style in style(),
            cells in prop::collection::vec((cents(), dress()), 1..20),
        ) {
            let mark = style.mark();
            let cells: Vec<_> = cells.into_iter().map(|(c, d)| cell(c, style, d)).collect();
            let mut stats = AmountStats::default();
            for (text, _, _) in &cells {
                stats.observe(text);
            }
            // The locale that matches the style never reads it wrongly.
            let n = stats.decide(locale_of(mark));
            prop_assert_eq!(n.decimal, mark);
            // Any proof in the column decides it, whatever the locale.
            if cells.iter().any(|(_, _, proof)| *proof) {
                for locale in [Locale::Auto, Locale::Id, Locale::En] {
                    let n = stats.decide(locale);
                    prop_assert_eq!(n, AmountNotation { decimal: mark, decided_by: DecidedBy::Values });
                }
            }
            for (text, value, _) in &cells {
                let v = parse_amount(text, n.decimal);
                prop_assert_eq!(v, Ok(if *value == 0.0 { 0.0 } else { *value }), "{}", text);
            }
        }

        #[test]
        fn multipliers_read_back(whole in 0u64..=999, tenths in 0u64..=9, word in 0usize..7) {
            let (name, factor) = [
                ("rb", 1e3), ("ribu", 1e3), ("jt", 1e6), ("juta", 1e6),
                ("M", 1e9), ("miliar", 1e9), ("JT", 1e6),
            ][word];
            let want = (whole * 10 + tenths) as f64 * factor / 10.0;
            for (text, mark) in [
                (format!("{whole},{tenths}{name}"), DecimalMark::Dot),
                (format!("{whole}.{tenths} {name}"), DecimalMark::Comma),
            ] {
                let v = parse_amount(&text, mark).map_err(|e| e.message);
                prop_assert!(v.as_ref().is_ok_and(|v| (v - want).abs() <= want * 1e-12), "{} -> {:?}", text, v);
            }
        }

        // The fast path gives the float parser's value bit for bit (std's
        // `str::parse::<f64>`, correctly rounded, is the reference), and declines
        // what it cannot compute exactly.
        #[test]
        fn the_exact_path_is_the_parser(
            whole in "[0-9]{0,12}",
            fraction in "[0-9]{0,10}",
            scale in 0i32..=9,
            dots in prop::bool::ANY,
        ) {
            let exponent = scale - fraction.len() as i32;
            let digits = format!("{whole}{fraction}");
            let parsed: Option<f64> = format!("{digits}e{exponent}").parse().ok();
            let written = if dots { whole.chars().flat_map(|c| [c, '.']).collect() } else { whole.clone() };
            match exact_value(&written, &fraction, exponent) {
                Some(v) => prop_assert_eq!(Some(v.to_bits()), parsed.map(f64::to_bits), "{}e{}", digits, exponent),
                None => prop_assert!(digits.is_empty() || digits.trim_start_matches('0').len() > 15, "{}e{}", digits, exponent),
            }
        }

        #[test]
        fn never_panics(s in "\\PC*") {
            let _ = parse_amount(&s, DecimalMark::Comma);
            let _ = parse_amount(&s, DecimalMark::Dot);
            let _ = looks_like_amount(&s);
            let mut stats = AmountStats::default();
            stats.observe(&s);
            let _ = stats.decide(Locale::Auto);
        }

        #[test]
        fn never_panics_on_amount_like_text(s in "[-+()0-9.,  \u{a0}\u{2212}RpIDR$rbjtMmiluaK]{0,24}") {
            for mark in [DecimalMark::Comma, DecimalMark::Dot] {
                if let Ok(v) = parse_amount(&s, mark) {
                    prop_assert!(v.is_finite());
                    prop_assert!(looks_like_amount(&s));
                }
            }
            let mut stats = AmountStats::default();
            stats.observe(&s);
            prop_assert!(stats.amounts() <= stats.cells());
        }
    }
}
