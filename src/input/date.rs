//! Dates in cells: `2025-01-31`, `31/01/2025`, `01/31/2025`, `31-01-25`,
//! `31.01.2025 10:22`, `20250131`, `31 Januari 2025`, `Jan 31, 2025`,
//! `Jumat, 31 Januari 2025`, Excel serial numbers such as `45688`.
//!
//! Whether `01/02/2025` is 1 February or 2 January is decided once per column
//! from all its values ([`DateStats`]), and every cell of the column is then
//! read in that order ([`parse_date`]).
//!
//! Formats read (any may be followed by a time, which is checked and dropped):
//! - year first: `2025-01-31`, `2025/01/31`, `2025.01.31`, `2025-01-31 14:05:00`,
//!   `2025-01-31T14:05:00Z`, `2025-01-31T14:05:00+07:00`;
//! - day and month as numbers, year last, with `/`, `-` or `.` (the same one
//!   twice): `31/01/2025`, `1/5/2025`, `31-01-2025`, `31.01.2025`; the day/month
//!   order is the column's [`DayOrder`]. A two-digit year is read with Excel's
//!   pivot: `00`–`29` are 2000–2029, `30`–`99` are 1930–1999 (`31/01/25` is 2025);
//! - `YYYYMMDD`: `20250131` (as in the CDNOW data);
//! - a month name, Indonesian or English, full or short, any case, with or
//!   without a dot: `31 Januari 2025`, `31 Jan 2025`, `31-Jan-2025`,
//!   `Jan 31, 2025`, `January 31 2025`, optionally after a weekday
//!   (`Jumat, 31 Januari 2025`, `Fri, 31 Jan 2025`; the weekday is not checked);
//! - Excel serial numbers of the 1900 date system (see [`parse_date`]).
//!
//! A time is `10:22`, `10.22`, `10:22:00`, `14:05:00.123`, optionally with
//! `AM`/`PM`, `Z`, an offset (`+07:00`, `+0700`) or `WIB`/`WITA`/`WIT`/`UTC`/`GMT`,
//! after a space, a comma, `T`, or the word `pukul`/`jam`/`at`. The date is taken
//! as written: an offset does not move it to another day.

use super::{quote, CellError, DecidedBy, Locale};
use crate::error::Code;
use chrono::{Datelike, Days, NaiveDate};
use serde::Serialize;

/// Cells longer than this (in bytes, after trimming) are not dates.
const MAX_LEN: usize = 64;

/// The largest Excel serial number in the 1900 system: 9999-12-31.
const MAX_SERIAL: u32 = 2_958_465;

/// The order of day and month in dates written with numbers only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum DayOrder {
    /// `31/01/2025`: Indonesian (and British) order.
    DayFirst,
    /// `01/31/2025`: US order.
    MonthFirst,
}

/// How a column's dates are read, and what decided it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct DateNotation {
    pub order: DayOrder,
    pub decided_by: DecidedBy,
}

/// The ways of writing a date that a column may hold (and mix).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub enum DateFormat {
    /// `2025-01-31`, `2025/01/31`, `2025-01-31T14:05:00Z`.
    YearFirst,
    /// `31/01/2025`, `01/31/2025`, `31-01-25`, `31.01.2025`.
    Numeric,
    /// `20250131`.
    Compact,
    /// `31 Januari 2025`, `Jan 31, 2025`.
    MonthName,
    /// `45688`.
    ExcelSerial,
}

const FORMATS: [DateFormat; 5] = [
    DateFormat::YearFirst,
    DateFormat::Numeric,
    DateFormat::Compact,
    DateFormat::MonthName,
    DateFormat::ExcelSerial,
];

/// What one column's cells say about its dates: feed every cell to
/// [`observe`](DateStats::observe), then [`decide`](DateStats::decide).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DateStats {
    cells: usize,
    dates: usize,
    day_first: usize,
    month_first: usize,
    ambiguous: usize,
    text_day_first: usize,
    text_month_first: usize,
    indonesian: usize,
    with_time: usize,
    formats: [usize; 5],
}

impl DateStats {
    /// Adds `times` times what other cells said (the evidence of one cell
    /// text that a column holds `times` times).
    pub fn add_times(&mut self, other: &DateStats, times: usize) {
        self.cells += other.cells * times;
        self.dates += other.dates * times;
        self.day_first += other.day_first * times;
        self.month_first += other.month_first * times;
        self.ambiguous += other.ambiguous * times;
        self.text_day_first += other.text_day_first * times;
        self.text_month_first += other.text_month_first * times;
        self.indonesian += other.indonesian * times;
        self.with_time += other.with_time * times;
        for (a, b) in self.formats.iter_mut().zip(other.formats) {
            *a += b * times;
        }
    }

    /// Takes one cell into account. Empty cells are ignored; text such as
    /// `besok` counts as a cell but says nothing about the dates.
    pub fn observe(&mut self, cell: &str) {
        let s = cell.trim();
        if s.is_empty() {
            return;
        }
        self.cells += 1;
        let Ok(shape) = shape(s, false) else {
            return;
        };
        self.dates += 1;
        self.formats[shape.format as usize] += 1;
        if shape.time {
            self.with_time += 1;
        }
        if shape.indonesian {
            self.indonesian += 1;
        }
        match shape.fields {
            Fields::DayMonth { first, second, .. } => match (first > 12, second > 12) {
                (true, false) => self.day_first += 1,
                (false, true) => self.month_first += 1,
                (false, false) if first != second => self.ambiguous += 1,
                _ => {}
            },
            Fields::Named {
                day_first: true, ..
            } => self.text_day_first += 1,
            Fields::Named { .. } => self.text_month_first += 1,
            Fields::Ymd(..) | Fields::Serial(_) => {}
        }
    }

    /// Non-empty cells observed.
    pub fn cells(&self) -> usize {
        self.cells
    }

    /// Non-empty cells written as a date (real or not: `31/02/2025` counts).
    pub fn dates(&self) -> usize {
        self.dates
    }

    /// Cells such as `01/02/2025` that are a different date in each order.
    pub fn ambiguous(&self) -> usize {
        self.ambiguous
    }

    /// Whether any date carries a time of day (or a serial a fraction).
    pub fn has_times(&self) -> bool {
        self.with_time > 0
    }

    /// The formats seen, most common first.
    pub fn formats(&self) -> Vec<DateFormat> {
        let mut seen: Vec<(usize, DateFormat)> = FORMATS
            .iter()
            .map(|&f| (self.formats[f as usize], f))
            .filter(|&(n, _)| n > 0)
            .collect();
        seen.sort_by_key(|&(n, _)| std::cmp::Reverse(n));
        seen.into_iter().map(|(_, f)| f).collect()
    }

    /// Whether more than half of the dates are five-digit Excel serial numbers:
    /// the caller may then read the column with [`parse_date_in_date_column`].
    pub fn mostly_serials(&self) -> bool {
        self.formats[DateFormat::ExcelSerial as usize] * 2 > self.dates
    }

    /// Decides the day/month order of the column:
    ///
    /// 1. **Values.** In a date written with numbers only, a first number above
    ///    12 (`31/01/2025`) proves day first, a second number above 12
    ///    (`01/31/2025`) proves month first. The order with more proof wins
    ///    (`decided_by: values`); cells of the losing side then fail in
    ///    [`parse_date`] (`there is no month 31`) rather than being read wrongly.
    /// 2. **Locale**, when proof is absent or tied: `Id` ⇒ day first, `En` ⇒
    ///    month first (`en` means US order); `decided_by: locale`.
    /// 3. **`Auto`**, when proof is absent or tied: day first, the Indonesian
    ///    order. It is `decided_by: values` when the column also holds dates
    ///    with month names that show an order (`31 Jan 2025`) or Indonesian
    ///    names (`Januari`, `Jumat`); if those are mostly month-first English
    ///    (`Jan 31, 2025`), month first (`decided_by: values`). Otherwise
    ///    `decided_by: default`.
    pub fn decide(&self, locale: Locale) -> DateNotation {
        let notation = |order, decided_by| DateNotation { order, decided_by };
        if self.day_first > self.month_first {
            return notation(DayOrder::DayFirst, DecidedBy::Values);
        }
        if self.month_first > self.day_first {
            return notation(DayOrder::MonthFirst, DecidedBy::Values);
        }
        match locale {
            Locale::Id => notation(DayOrder::DayFirst, DecidedBy::Locale),
            Locale::En => notation(DayOrder::MonthFirst, DecidedBy::Locale),
            Locale::Auto if self.indonesian == 0 && self.text_month_first > self.text_day_first => {
                notation(DayOrder::MonthFirst, DecidedBy::Values)
            }
            Locale::Auto if self.indonesian > 0 || self.text_day_first > 0 => {
                notation(DayOrder::DayFirst, DecidedBy::Values)
            }
            Locale::Auto => notation(DayOrder::DayFirst, DecidedBy::Default),
        }
    }
}

/// Reads one date (see the module docs for the formats) in the column's
/// day/month order. A time after the date is checked, then dropped.
///
/// Excel serial numbers (1900 system): a bare number with exactly five digits
/// before an optional fraction (`45688` = 2025-01-31, `45688.5` or `45688,5`
/// with a time) is a serial, which covers 1927-05-18 to 2173-10-13. Shorter or
/// longer bare numbers are not dates here (other than `YYYYMMDD`), since they
/// are far more often amounts, counts or years; a column known to hold dates
/// is read with [`parse_date_in_date_column`], which takes any serial.
///
/// Errors: `emptyValue` for an empty cell; `invalidDate` for text that is not
/// a date (`"besok" is not a date`) and for impossible dates
/// (`"31/02/2025" is not a real date (February 2025 has 28 days)`).
pub fn parse_date(cell: &str, order: DayOrder) -> Result<NaiveDate, CellError> {
    read(cell, order, false)
}

/// Like [`parse_date`], for a column the caller knows holds dates (mapped by
/// the user, or named `tanggal`/`date`): any bare number from 1 to 2 958 465
/// (9999-12-31), with an optional fraction, is an Excel serial. Excel counts
/// 1900-01-01 as 1 and has a 29 February 1900 that never was (serial 60,
/// rejected); serials from 61 on are days after 1899-12-30.
pub fn parse_date_in_date_column(cell: &str, order: DayOrder) -> Result<NaiveDate, CellError> {
    read(cell, order, true)
}

/// True when the cell is written as a date, possible or not (`31/02/2025` is
/// date-like, so that a column of dates is recognised and the bad cell
/// reported). Bare numbers are date-like only as `YYYYMMDD` making a real date
/// from 1900 to 2100; Excel serials are not (they look like amounts).
pub fn looks_like_date(cell: &str) -> bool {
    let s = cell.trim();
    match shape(s, false) {
        Ok(Shape {
            format: DateFormat::Compact,
            fields: Fields::Ymd(y, m, d),
            ..
        }) => (1900..=2100).contains(&y) && ymd(y, m, d).is_ok(),
        Ok(shape) => shape.format != DateFormat::ExcelSerial,
        Err(_) => false,
    }
}

fn read(cell: &str, order: DayOrder, any_serial: bool) -> Result<NaiveDate, CellError> {
    let s = cell.trim();
    if s.is_empty() {
        return Err(CellError {
            code: Code::EmptyValue,
            message: "The date is empty.".to_string(),
        });
    }
    shape(s, any_serial)
        .and_then(|shape| resolve(&shape, order))
        .map_err(|why| CellError {
            code: Code::InvalidDate,
            message: why.message(s),
        })
}

/// Why a cell is not a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Why {
    NotDate,
    BareNumber,
    TooLong,
    Year(i32),
    Month(u32),
    DayZero,
    Days {
        year: i32,
        month: u32,
        days: u32,
    },
    Hour(u32),
    Minute(u32),
    Second(u32),
    Serial60,
    SerialRange,
    /// 9999-12-31: the analyses need the day after the last date.
    TooLate,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Why {
    fn message(self, s: &str) -> String {
        let q = quote(s);
        match self {
            Why::NotDate => format!("{q} is not a date"),
            Why::BareNumber => format!(
                "{q} is not a date (a bare number is a date only as YYYYMMDD or a five-digit Excel date number)"
            ),
            Why::TooLong => format!("{q} is not a date (too long)"),
            Why::Year(y) => format!("{q} is not a real date (the year {y} is out of range)"),
            Why::Month(m) => format!("{q} is not a real date (there is no month {m})"),
            Why::DayZero => format!("{q} is not a real date (there is no day 0)"),
            Why::Days { year, month, days } => {
                let name = MONTHS
                    .get((month as usize).wrapping_sub(1))
                    .unwrap_or(&"That month");
                format!("{q} is not a real date ({name} {year} has {days} days)")
            }
            Why::Hour(h) => format!("{q} is not a real date and time (there is no hour {h})"),
            Why::Minute(m) => {
                format!("{q} is not a real date and time (there is no minute {m})")
            }
            Why::Second(x) => {
                format!("{q} is not a real date and time (there is no second {x})")
            }
            Why::Serial60 => format!(
                "{q} is not a real date (Excel's day 60 is 29 February 1900, which did not exist)"
            ),
            Why::SerialRange => {
                format!("{q} is not a date (Excel date numbers run from 1 to 2958465)")
            }
            Why::TooLate => format!(
                "{q} is past the last date that can be used, 30 December 9999 (the analyses need the day after each date)"
            ),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Tok<'a> {
    Num(&'a str),
    Word(&'a str),
    Sep(char),
    Space,
}

/// Splits a cell into digit runs, words, single punctuation marks and runs of
/// spaces; `None` on any other character.
fn tokens(s: &str) -> Option<Vec<Tok<'_>>> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        let run = |keep: fn(char) -> bool| rest.find(|c: char| !keep(c)).unwrap_or(rest.len());
        let (tok, len) = if c.is_ascii_digit() {
            let n = run(|c| c.is_ascii_digit());
            (Tok::Num(&rest[..n]), n)
        } else if c.is_ascii_alphabetic() {
            let n = run(|c| c.is_ascii_alphabetic() || c == '\'' || c == '\u{2019}');
            (Tok::Word(&rest[..n]), n)
        } else if c.is_whitespace() {
            (Tok::Space, run(char::is_whitespace))
        } else if matches!(c, '/' | '-' | '.' | ',' | ':' | '+') {
            (Tok::Sep(c), 1)
        } else {
            return None;
        };
        out.push(tok);
        rest = &rest[len..];
    }
    Some(out)
}

/// The value of a short digit run (saturating, never panics).
fn num(digits: &str) -> u32 {
    digits.bytes().fold(0u32, |n, b| {
        n.saturating_mul(10)
            .saturating_add(u32::from(b.wrapping_sub(b'0')))
    })
}

/// A word lowercased, without apostrophes (`Jum'at` → `jumat`).
fn normal(word: &str) -> String {
    word.chars()
        .filter(|&c| c != '\'' && c != '\u{2019}')
        .map(|c| c.to_ascii_lowercase())
        .collect()
}

/// The month of a name, and whether the name is only Indonesian.
fn month_of(word: &str) -> Option<(u32, bool)> {
    Some(match normal(word).as_str() {
        "jan" | "january" => (1, false),
        "januari" => (1, true),
        "feb" | "february" => (2, false),
        "februari" | "peb" | "pebruari" => (2, true),
        "mar" | "march" => (3, false),
        "maret" => (3, true),
        "apr" | "april" => (4, false),
        "may" => (5, false),
        "mei" => (5, true),
        "jun" | "june" => (6, false),
        "juni" => (6, true),
        "jul" | "july" => (7, false),
        "juli" => (7, true),
        "aug" | "august" => (8, false),
        "agu" | "agt" | "ags" | "agus" | "agustus" => (8, true),
        "sep" | "sept" | "september" => (9, false),
        "oct" | "october" => (10, false),
        "okt" | "oktober" => (10, true),
        "nov" | "november" => (11, false),
        "nop" | "nopember" => (11, true),
        "dec" | "december" => (12, false),
        "des" | "desember" => (12, true),
        _ => return None,
    })
}

/// Whether a word is a weekday, and whether it is Indonesian.
fn weekday(word: &str) -> Option<bool> {
    match normal(word).as_str() {
        "senin" | "sen" | "selasa" | "sel" | "rabu" | "rab" | "kamis" | "kam" | "jumat" | "jum"
        | "sabtu" | "sab" | "minggu" | "min" | "ahad" => Some(true),
        "monday" | "mon" | "tuesday" | "tue" | "tues" | "wednesday" | "wed" | "thursday"
        | "thu" | "thur" | "thurs" | "friday" | "fri" | "saturday" | "sat" | "sunday" | "sun" => {
            Some(false)
        }
        _ => None,
    }
}

/// The date's numbers before a day/month order is applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Fields {
    /// Year, month and day known.
    Ymd(i32, u32, u32),
    /// `p/q/y`: which of `first`/`second` is the day depends on the order.
    DayMonth { first: u32, second: u32, year: i32 },
    /// A month name; `day_first` for `31 Jan 2025`, false for `Jan 31, 2025`.
    Named {
        year: i32,
        month: u32,
        day: u32,
        day_first: bool,
    },
    /// An Excel serial's whole days.
    Serial(u32),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Shape {
    format: DateFormat,
    fields: Fields,
    time: bool,
    indonesian: bool,
}

/// The two commonest shapes, `31/01/2025` (any of `/ - .`, one- or
/// two-digit day and month) and `2025-01-31`, read without tokenising: the
/// same result as the general path, much faster on big logs.
fn quick_shape(b: &[u8]) -> Option<Shape> {
    let digits = |r: &[u8]| -> Option<u32> {
        if r.is_empty() || !r.iter().all(u8::is_ascii_digit) {
            return None;
        }
        Some(r.iter().fold(0u32, |n, d| n * 10 + u32::from(d - b'0')))
    };
    if b.len() > 10 || b.len() < 8 {
        return None;
    }
    let sep = *b.iter().find(|c| !c.is_ascii_digit())?;
    if !matches!(sep, b'/' | b'-' | b'.') {
        return None;
    }
    let mut parts = b.split(|&c| c == sep);
    let (p, q, r) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let (fields, format) =
        if p.len() == 4 && (1..=2).contains(&q.len()) && (1..=2).contains(&r.len()) {
            let fields = Fields::Ymd(digits(p)? as i32, digits(q)?, digits(r)?);
            (fields, DateFormat::YearFirst)
        } else if (1..=2).contains(&p.len()) && (1..=2).contains(&q.len()) && r.len() == 4 {
            let fields = Fields::DayMonth {
                first: digits(p)?,
                second: digits(q)?,
                year: digits(r)? as i32,
            };
            (fields, DateFormat::Numeric)
        } else {
            return None;
        };
    Some(Shape {
        format,
        fields,
        time: false,
        indonesian: false,
    })
}

/// A year of four digits, or of two read with Excel's pivot (00–29 → 20xx).
fn year(digits: &str) -> Option<i32> {
    let y = num(digits) as i32;
    match digits.len() {
        4 => Some(y),
        2 if y < 30 => Some(2000 + y),
        2 => Some(1900 + y),
        _ => None,
    }
}

fn is_date_sep(c: char) -> bool {
    matches!(c, '/' | '-' | '.')
}

/// Recognises the form of a trimmed cell, without checking that the date exists.
fn shape(s: &str, any_serial: bool) -> Result<Shape, Why> {
    use Tok::*;
    if s.len() > MAX_LEN {
        return Err(Why::TooLong);
    }
    if let Some(shape) = quick_shape(s.as_bytes()) {
        return Ok(shape);
    }
    let toks = tokens(s).ok_or(Why::NotDate)?;
    let mut indonesian = false;
    let mut toks = &toks[..];
    if let [Word(w), rest @ ..] = toks {
        if let Some(id) = weekday(w) {
            indonesian = id;
            let skip = rest
                .iter()
                .take_while(|t| matches!(t, Space | Sep(',') | Sep('.')))
                .count();
            toks = &rest[skip..];
        }
    }
    let done = |format, fields, rest: &[Tok]| -> Result<Shape, Why> {
        Ok(Shape {
            format,
            fields,
            time: time_suffix(rest)?,
            indonesian,
        })
    };
    match toks {
        [Num(y), Sep(a), Num(m), Sep(b), Num(d), rest @ ..]
            if y.len() == 4 && a == b && is_date_sep(*a) && m.len() <= 2 && d.len() <= 2 =>
        {
            let fields = Fields::Ymd(num(y) as i32, num(m), num(d));
            done(DateFormat::YearFirst, fields, rest)
        }
        [Num(p), Sep(a), Num(q), Sep(b), Num(y), rest @ ..]
            if p.len() <= 2 && q.len() <= 2 && a == b && is_date_sep(*a) =>
        {
            let year = year(y).ok_or(Why::NotDate)?;
            let fields = Fields::DayMonth {
                first: num(p),
                second: num(q),
                year,
            };
            done(DateFormat::Numeric, fields, rest)
        }
        [Num(n), rest @ ..] if n.len() == 8 => {
            let fields = Fields::Ymd(num(&n[..4]) as i32, num(&n[4..6]), num(&n[6..]));
            done(DateFormat::Compact, fields, rest)
        }
        [Num(n)] | [Num(n), Sep('.' | ','), Num(_)] => {
            let fraction = toks.len() > 1;
            if n.starts_with('0') || !(n.len() == 5 || any_serial && n.len() <= 7) {
                return Err(if any_serial {
                    Why::SerialRange
                } else {
                    Why::BareNumber
                });
            }
            Ok(Shape {
                format: DateFormat::ExcelSerial,
                fields: Fields::Serial(num(n)),
                time: fraction,
                indonesian,
            })
        }
        _ => named(toks, indonesian),
    }
}

/// `31 Januari 2025`, `31-Jan-2025`, `Jan 31, 2025`, then an optional time.
fn named(toks: &[Tok], mut indonesian: bool) -> Result<Shape, Why> {
    use Tok::*;
    let mut parts = Vec::with_capacity(3);
    let mut i = 0;
    while parts.len() < 3 {
        if !parts.is_empty() {
            i += toks[i..]
                .iter()
                .take_while(|t| matches!(t, Space | Sep(',' | '.' | '-' | '/')))
                .count();
        }
        let t = toks.get(i).ok_or(Why::NotDate)?;
        parts.push(*t);
        i += 1;
    }
    let (day, month, y, day_first) = match parts[..] {
        [Num(d), Word(m), Num(y)] => (d, m, y, true),
        [Word(m), Num(d), Num(y)] => (d, m, y, false),
        _ => return Err(Why::NotDate),
    };
    let (month, id) = month_of(month).ok_or(Why::NotDate)?;
    if day.len() > 2 {
        return Err(Why::NotDate);
    }
    indonesian |= id;
    Ok(Shape {
        format: DateFormat::MonthName,
        fields: Fields::Named {
            year: year(y).ok_or(Why::NotDate)?,
            month,
            day: num(day),
            day_first,
        },
        time: time_suffix(&toks[i..])?,
        indonesian,
    })
}

/// Checks what follows the date: nothing (false) or a time (true).
fn time_suffix(rest: &[Tok]) -> Result<bool, Why> {
    use Tok::*;
    if rest.is_empty() {
        return Ok(false);
    }
    let lead = rest
        .iter()
        .take_while(|t| match t {
            Space | Sep(',') => true,
            Word(w) => matches!(normal(w).as_str(), "t" | "pukul" | "jam" | "at"),
            _ => false,
        })
        .count();
    if lead == 0 {
        return Err(Why::NotDate);
    }
    let (hour, minute, mut rest) = match &rest[lead..] {
        [Num(h), Sep(c), Num(m), rest @ ..]
            if h.len() <= 2 && m.len() == 2 && matches!(c, ':' | '.') =>
        {
            (num(h), num(m), rest)
        }
        _ => return Err(Why::NotDate),
    };
    let mut second = 0;
    if let [Sep(':' | '.'), Num(x), after @ ..] = rest {
        if x.len() != 2 {
            return Err(Why::NotDate);
        }
        second = num(x);
        rest = after;
        if let [Sep('.' | ','), Num(_), after @ ..] = rest {
            rest = after;
        }
    }
    if let [Space, after @ ..] = rest {
        rest = after;
    }
    let mut twelve_hour = false;
    if let [Word(w), after @ ..] = rest {
        if matches!(normal(w).as_str(), "am" | "pm") {
            twelve_hour = true;
            rest = after;
            if let [Space, after @ ..] = rest {
                rest = after;
            }
        }
    }
    match rest {
        [] => {}
        [Word(w)]
            if matches!(
                normal(w).as_str(),
                "z" | "utc" | "gmt" | "wib" | "wita" | "wit"
            ) => {}
        [Sep('+' | '-'), Num(z)] if z.len() == 2 || z.len() == 4 => {}
        [Sep('+' | '-'), Num(z), Sep(':'), Num(m)] if z.len() == 2 && m.len() == 2 => {}
        _ => return Err(Why::NotDate),
    }
    if (twelve_hour && !(1..=12).contains(&hour)) || hour > 23 {
        return Err(Why::Hour(hour));
    }
    if minute > 59 {
        return Err(Why::Minute(minute));
    }
    if second > 60 {
        return Err(Why::Second(second));
    }
    Ok(true)
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        _ => 31,
    }
}

/// A real date from its numbers, or why not.
fn ymd(year: i32, month: u32, day: u32) -> Result<NaiveDate, Why> {
    if !(1000..=9999).contains(&year) {
        return Err(Why::Year(year));
    }
    if !(1..=12).contains(&month) {
        return Err(Why::Month(month));
    }
    if day == 0 {
        return Err(Why::DayZero);
    }
    let days = days_in_month(year, month);
    if day > days {
        return Err(Why::Days { year, month, days });
    }
    NaiveDate::from_ymd_opt(year, month, day)
        .ok_or(Why::NotDate)
        .and_then(not_too_late)
}

/// The last date read: 9999-12-30, so that the day after every date (the
/// default `asOf`, the end of a period) is a four-digit-year date too.
fn not_too_late(date: NaiveDate) -> Result<NaiveDate, Why> {
    if date.year() < 9999 || (date.year() == 9999 && (date.month(), date.day()) != (12, 31)) {
        Ok(date)
    } else {
        Err(Why::TooLate)
    }
}

/// The date of an Excel serial number (1900 system).
fn from_serial(serial: u32) -> Result<NaiveDate, Why> {
    // Excel counts 1900-01-01 as 1 and has a 1900-02-29 (60) that never was.
    let (base, days) = match serial {
        0 => return Err(Why::SerialRange),
        1..=59 => ((1899, 12, 31), serial),
        60 => return Err(Why::Serial60),
        61..=MAX_SERIAL => ((1899, 12, 30), serial),
        _ => return Err(Why::SerialRange),
    };
    NaiveDate::from_ymd_opt(base.0, base.1, base.2)
        .and_then(|d| d.checked_add_days(Days::new(u64::from(days))))
        .ok_or(Why::SerialRange)
        .and_then(not_too_late)
}

fn resolve(shape: &Shape, order: DayOrder) -> Result<NaiveDate, Why> {
    match shape.fields {
        Fields::Ymd(y, m, d) => ymd(y, m, d),
        Fields::DayMonth {
            first,
            second,
            year,
        } => match order {
            DayOrder::DayFirst => ymd(year, second, first),
            DayOrder::MonthFirst => ymd(year, first, second),
        },
        Fields::Named {
            year, month, day, ..
        } => ymd(year, month, day),
        Fields::Serial(n) => from_serial(n),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::cell_tests::{read_err, read_ok};
    use DayOrder::{DayFirst, MonthFirst};

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[track_caller]
    fn ok(cell: &str, order: DayOrder) -> NaiveDate {
        read_ok(parse_date, cell, order)
    }

    #[track_caller]
    fn err(cell: &str, order: DayOrder) -> CellError {
        read_err(parse_date, cell, order)
    }

    fn column(cells: &[&str], locale: Locale) -> DateNotation {
        stats(cells).decide(locale)
    }

    fn stats(cells: &[&str]) -> DateStats {
        let mut stats = DateStats::default();
        for c in cells {
            stats.observe(c);
        }
        stats
    }

    fn notation(order: DayOrder, decided_by: DecidedBy) -> DateNotation {
        DateNotation { order, decided_by }
    }

    /// A column of `cells`, read with `locale`, is decided as `order` by `by`.
    #[track_caller]
    fn decides(cells: &[&str], locale: Locale, order: DayOrder, by: DecidedBy) {
        assert_eq!(
            column(cells, locale),
            notation(order, by),
            "{cells:?} {locale:?}"
        );
    }

    const JAN_31: (i32, u32, u32) = (2025, 1, 31);

    #[test]
    fn year_first() {
        let d = date(JAN_31.0, JAN_31.1, JAN_31.2);
        for order in [DayFirst, MonthFirst] {
            for cell in [
                "2025-01-31",
                "2025/01/31",
                "2025.01.31",
                "2025-1-31",
                "2025-01-31 14:05:00",
                "2025-01-31 14:05",
                "2025-01-31T14:05:00Z",
                "2025-01-31T14:05:00.123Z",
                "2025-01-31T14:05:00+07:00",
                "2025-01-31T14:05:00-0500",
                "2025-01-31t14:05:00",
                "  2025-01-31\u{a0}",
            ] {
                assert_eq!(ok(cell, order), d, "{cell}");
            }
        }
    }

    #[test]
    fn numeric_day_month_year() {
        let d = date(2025, 1, 31);
        for cell in [
            "31/01/2025",
            "31/1/2025",
            "31-01-2025",
            "31.01.2025",
            "31/01/25",
            "31-01-25",
            "31/01/2025 10:22:00",
            "31/01/2025 10:22",
            "31/01/2025 10.22",
            "31.01.2025 10.22.00",
            "31/01/2025, 10:22",
            "31/01/2025 10:22 PM",
            "31/01/2025 10:22 WIB",
            "31/01/2025 pukul 10.22",
        ] {
            assert_eq!(ok(cell, DayFirst), d, "{cell}");
        }
        for cell in ["01/31/2025", "1/31/2025", "01-31-2025", "01/31/25 10:22"] {
            assert_eq!(ok(cell, MonthFirst), d, "{cell}");
        }
        // The order is the caller's: 01/05/2025 is 1 May or 5 January.
        assert_eq!(ok("01/05/2025", DayFirst), date(2025, 5, 1));
        assert_eq!(ok("01/05/2025", MonthFirst), date(2025, 1, 5));
    }

    #[test]
    fn two_digit_year_pivot() {
        assert_eq!(ok("01/01/00", DayFirst), date(2000, 1, 1));
        assert_eq!(ok("31/12/29", DayFirst), date(2029, 12, 31));
        assert_eq!(ok("01/01/30", DayFirst), date(1930, 1, 1));
        assert_eq!(ok("31/12/99", DayFirst), date(1999, 12, 31));
        assert_eq!(ok("31 Jan 25", DayFirst), date(2025, 1, 31));
    }

    #[test]
    fn compact_dates() {
        assert_eq!(ok("20250131", DayFirst), date(2025, 1, 31));
        // CDNOW_sample.txt
        assert_eq!(ok("19970101", MonthFirst), date(1997, 1, 1));
        assert_eq!(ok("19980630", DayFirst), date(1998, 6, 30));
        assert_eq!(ok("20250131 14:05", DayFirst), date(2025, 1, 31));
    }

    #[test]
    fn month_names() {
        let d = date(2025, 1, 31);
        for cell in [
            "31 Januari 2025",
            "31 januari 2025",
            "31 JANUARI 2025",
            "31 Jan 2025",
            "31 Jan. 2025",
            "31-Jan-2025",
            "31/Jan/2025",
            "31 January 2025",
            "31Jan2025",
            "Jan 31, 2025",
            "Jan. 31, 2025",
            "January 31 2025",
            "January 31, 2025",
            "Jumat, 31 Januari 2025",
            "Jum'at, 31 Januari 2025",
            "jumat 31 januari 2025",
            "Fri, 31 Jan 2025",
            "Friday, January 31, 2025",
            "Fri, 31 Jan 2025 14:05:00 +0700",
            "31 Januari 2025 10:22",
            "31 Januari 2025 pukul 10.22",
        ] {
            assert_eq!(ok(cell, DayFirst), d, "{cell}");
            assert_eq!(ok(cell, MonthFirst), d, "{cell}");
        }
        let names: [&[&str]; 12] = [
            &["Jan", "Januari", "January"],
            &["Feb", "Februari", "February", "Pebruari"],
            &["Mar", "Maret", "March"],
            &["Apr", "April"],
            &["Mei", "May"],
            &["Jun", "Juni", "June"],
            &["Jul", "Juli", "July"],
            &["Agu", "Agt", "Agus", "Agustus", "Aug", "August"],
            &["Sep", "Sept", "September"],
            &["Okt", "Oktober", "Oct", "October"],
            &["Nov", "November", "Nopember"],
            &["Des", "Desember", "Dec", "December"],
        ];
        for (i, spellings) in names.iter().enumerate() {
            let month = i as u32 + 1;
            for name in spellings.iter() {
                let want = date(2024, month, 9);
                let upper = name.to_uppercase();
                let lower = name.to_lowercase();
                for cell in [
                    format!("9 {name} 2024"),
                    format!("9 {upper}. 2024"),
                    format!("09-{lower}-2024"),
                    format!("{name} 9, 2024"),
                    format!("{lower}. 9 2024"),
                ] {
                    assert_eq!(ok(&cell, DayFirst), want, "{cell}");
                }
            }
        }
    }

    #[test]
    fn excel_serials() {
        assert_eq!(ok("45688", DayFirst), date(2025, 1, 31));
        assert_eq!(ok("45688.5", DayFirst), date(2025, 1, 31));
        assert_eq!(ok("45688,75", MonthFirst), date(2025, 1, 31));
        assert_eq!(ok("45658", DayFirst), date(2025, 1, 1));
        assert_eq!(ok("10000", DayFirst), date(1927, 5, 18));
        assert_eq!(ok("99999", DayFirst), date(2173, 10, 13));
        let column = |cell| parse_date_in_date_column(cell, DayFirst);
        assert_eq!(column("1"), Ok(date(1900, 1, 1)));
        assert_eq!(column("59"), Ok(date(1900, 2, 28)));
        assert_eq!(column("61"), Ok(date(1900, 3, 1)));
        assert_eq!(column("2958464"), Ok(date(9999, 12, 30)));
        // 9999-12-31 (Excel's last day) has no day after it: refused.
        assert_eq!(column("2958465").unwrap_err().code, "invalidDate");
        assert_eq!(ok("9999-12-30", DayFirst), date(9999, 12, 30));
        let e = parse_date("9999-12-31", DayFirst).unwrap_err();
        assert_eq!(e.code, "invalidDate");
        assert!(e.message.contains("30 December 9999"), "{}", e.message);
        assert_eq!(
            parse_date("31/12/9999", DayFirst).unwrap_err().code,
            "invalidDate"
        );
        assert_eq!(column("45688"), Ok(date(2025, 1, 31)));
        assert_eq!(column("2025-01-31"), Ok(date(2025, 1, 31)));
        assert_eq!(column("19970101"), Ok(date(1997, 1, 1)));
        let e = column("60").unwrap_err();
        assert_eq!(e.code, "invalidDate");
        assert_eq!(
            e.message,
            "\"60\" is not a real date (Excel's day 60 is 29 February 1900, which did not exist)"
        );
        for cell in ["0", "2958466", "9999999", "-5", "045688"] {
            let e = column(cell).unwrap_err();
            assert_eq!(e.code, "invalidDate", "{cell}");
        }
        assert_eq!(
            column("2958466").unwrap_err().message,
            "\"2958466\" is not a date (Excel date numbers run from 1 to 2958465)"
        );
        // In parse_date a bare number is a serial only with five digits.
        for cell in ["1", "60", "2025", "123456", "2958465", "01234", "12.5"] {
            let e = err(cell, DayFirst);
            assert_eq!(e.code, "invalidDate");
            assert_eq!(
                e.message,
                format!("\"{cell}\" is not a date (a bare number is a date only as YYYYMMDD or a five-digit Excel date number)")
            );
        }
    }

    #[test]
    fn sample_file_dates() {
        // transaksi_toko.csv, column Tanggal.
        assert_eq!(ok("01/01/2024", DayFirst), date(2024, 1, 1));
        assert_eq!(ok("1 Januari 2024", DayFirst), date(2024, 1, 1));
        assert_eq!(ok("30 Juni 2025", DayFirst), date(2025, 6, 30));
        assert_eq!(ok("15/03/2025", DayFirst), date(2025, 3, 15));
        assert_eq!(ok("9 Agustus 2024", DayFirst), date(2024, 8, 9));
        let e = err("31/02/2025", DayFirst);
        assert_eq!(e.code, "invalidDate");
        assert_eq!(
            e.message,
            "\"31/02/2025\" is not a real date (February 2025 has 28 days)"
        );
        // survei_nps.tsv timestamps and tiket_cs.csv dates.
        assert_eq!(ok("01/05/2025 10:22:00", DayFirst), date(2025, 5, 1));
        assert_eq!(ok("01/05/2025", DayFirst), date(2025, 5, 1));
        // CDNOW_sample.txt
        assert_eq!(ok("19970101", DayFirst), date(1997, 1, 1));
    }

    #[test]
    fn transaksi_toko_column_is_day_first_by_its_values() {
        let cells = [
            "01/01/2024",
            "1 Januari 2024",
            "03/01/2024",
            "13 Januari 2024",
            "30/06/2025",
            "31/02/2025",
            "15/03/2025",
            "",
        ];
        for locale in [Locale::Auto, Locale::Id, Locale::En] {
            decides(&cells, locale, DayFirst, DecidedBy::Values);
        }
        let s = stats(&cells);
        assert_eq!(s.cells(), 7);
        assert_eq!(s.dates(), 7);
        assert_eq!(s.ambiguous(), 1);
        assert!(!s.has_times());
        assert_eq!(
            s.formats(),
            vec![DateFormat::Numeric, DateFormat::MonthName]
        );
        assert!(!s.mostly_serials());
    }

    #[test]
    fn decided_by_values() {
        decides(
            &["01/02/2025", "13/02/2025"],
            Locale::En,
            DayFirst,
            DecidedBy::Values,
        );
        decides(
            &["01/02/2025", "02/13/2025"],
            Locale::Id,
            MonthFirst,
            DecidedBy::Values,
        );
        decides(
            &["12/31/24 10:22", "1/2/2025"],
            Locale::Auto,
            MonthFirst,
            DecidedBy::Values,
        );
        // Majority wins; the minority then fails with a reason.
        let cells = ["13/01/2025", "14/01/2025", "01/15/2025"];
        let n = column(&cells, Locale::En);
        assert_eq!(n, notation(DayFirst, DecidedBy::Values));
        assert_eq!(
            err("01/15/2025", n.order).message,
            "\"01/15/2025\" is not a real date (there is no month 15)"
        );
    }

    #[test]
    fn ambiguous_columns_follow_the_locale() {
        let cells = ["01/02/2025", "03/04/2025", "05/05/2025"];
        decides(&cells, Locale::Id, DayFirst, DecidedBy::Locale);
        decides(&cells, Locale::En, MonthFirst, DecidedBy::Locale);
        decides(&cells, Locale::Auto, DayFirst, DecidedBy::Default);
        assert_eq!(stats(&cells).ambiguous(), 2);
        // Formats that need no order.
        let iso = ["2025-01-31", "20250131", "45688"];
        decides(&iso, Locale::Auto, DayFirst, DecidedBy::Default);
        decides(&iso, Locale::En, MonthFirst, DecidedBy::Locale);
        decides(&[], Locale::Auto, DayFirst, DecidedBy::Default);
        // A tie is settled like an ambiguous column.
        let tie = ["13/01/2025", "01/13/2025"];
        decides(&tie, Locale::En, MonthFirst, DecidedBy::Locale);
    }

    #[test]
    fn auto_reads_month_names() {
        decides(
            &["01/02/2025", "1 Januari 2024"],
            Locale::Auto,
            DayFirst,
            DecidedBy::Values,
        );
        decides(
            &["01/02/2025", "1 Jan 2024"],
            Locale::Auto,
            DayFirst,
            DecidedBy::Values,
        );
        decides(
            &["01/02/2025", "Selasa 01/02/2025"],
            Locale::Auto,
            DayFirst,
            DecidedBy::Values,
        );
        decides(
            &["01/02/2025", "Jan 1, 2024"],
            Locale::Auto,
            MonthFirst,
            DecidedBy::Values,
        );
        // The chosen locale is obeyed when the numbers cannot tell.
        decides(
            &["01/02/2025", "1 Januari 2024"],
            Locale::En,
            MonthFirst,
            DecidedBy::Locale,
        );
    }

    #[test]
    fn column_facts() {
        let s = stats(&["45688", "45689.5", "2025-01-31 10:00", "besok"]);
        assert_eq!(s.cells(), 4);
        assert_eq!(s.dates(), 3);
        assert!(s.has_times());
        assert!(s.mostly_serials());
        assert_eq!(
            s.formats(),
            vec![DateFormat::ExcelSerial, DateFormat::YearFirst]
        );
    }

    #[test]
    fn impossible_dates() {
        let cases: &[(&str, DayOrder, &str)] = &[
            ("31/02/2025", DayFirst, "February 2025 has 28 days"),
            ("29/02/2025", DayFirst, "February 2025 has 28 days"),
            ("30/02/2024", DayFirst, "February 2024 has 29 days"),
            ("29/02/1900", DayFirst, "February 1900 has 28 days"),
            ("31/04/2025", DayFirst, "April 2025 has 30 days"),
            ("2025-06-31", DayFirst, "June 2025 has 30 days"),
            ("31 September 2025", DayFirst, "September 2025 has 30 days"),
            ("20250230", DayFirst, "February 2025 has 28 days"),
            ("01/13/2025", DayFirst, "there is no month 13"),
            ("13/01/2025", MonthFirst, "there is no month 13"),
            ("2025-13-01", DayFirst, "there is no month 13"),
            ("2025-00-10", DayFirst, "there is no month 0"),
            ("00/01/2025", DayFirst, "there is no day 0"),
            ("0 Jan 2025", DayFirst, "there is no day 0"),
            ("0999-01-01", DayFirst, "the year 999 is out of range"),
            ("12345678", DayFirst, "there is no month 56"),
        ];
        for (cell, order, why) in cases {
            let e = err(cell, *order);
            assert_eq!(e.code, "invalidDate");
            assert_eq!(e.message, format!("\"{cell}\" is not a real date ({why})"));
        }
        assert_eq!(ok("29/02/2024", DayFirst), date(2024, 2, 29));
        assert_eq!(ok("29/02/2000", DayFirst), date(2000, 2, 29));
        let e = err("31/01/2025 25:00", DayFirst);
        assert_eq!(
            e.message,
            "\"31/01/2025 25:00\" is not a real date and time (there is no hour 25)"
        );
        assert_eq!(
            err("31/01/2025 10:61", DayFirst).message,
            "\"31/01/2025 10:61\" is not a real date and time (there is no minute 61)"
        );
        assert_eq!(
            err("31/01/2025 10:22:75", DayFirst).message,
            "\"31/01/2025 10:22:75\" is not a real date and time (there is no second 75)"
        );
        assert_eq!(
            err("31/01/2025 13:00 PM", DayFirst).message,
            "\"31/01/2025 13:00 PM\" is not a real date and time (there is no hour 13)"
        );
    }

    #[test]
    fn not_dates() {
        for cell in [
            "besok",
            "kemarin",
            "Rp 50.000",
            "1.250.000",
            "31 Foo 2025",
            "Jumat",
            "31 Januari",
            "Januari 2025",
            "31/01",
            "31/01/",
            "31/01-2025",
            "31/01/202",
            "31//01/2025",
            "2025-01-31x",
            "2025-01-31 pagi",
            "2025-01-31 10",
            "2025-01-31 10:2",
            "31/01/2025 10:22 XYZ",
            "2025-01-31T",
            "31 Jan 2025,",
            "123 Jan 2025",
            "31 Jan 202",
            "10:22",
            "-45688",
            "Senin, besok",
            "Fri Jan",
        ] {
            let e = err(cell, DayFirst);
            assert_eq!(e.code, "invalidDate", "{cell}");
            assert_eq!(e.message, format!("\"{cell}\" is not a date"), "{cell}");
            assert!(!looks_like_date(cell), "{cell}");
        }
    }

    #[test]
    fn empty_cells() {
        for cell in ["", "  ", "\u{a0}\t"] {
            let e = err(cell, DayFirst);
            assert_eq!(e.code, "emptyValue");
            assert_eq!(e.message, "The date is empty.");
            assert!(parse_date_in_date_column(cell, DayFirst).is_err());
        }
    }

    #[test]
    fn weird_text_is_rejected_without_panicking() {
        let long = "1".repeat(65);
        for cell in [
            "٣١/٠١/٢٠٢٥",
            "３１/０１/２０２５",
            "31/01/2025 🕙",
            "📅 31/01/2025",
            "31\u{0}01\u{0}2025",
            "Jum’at",
            "'",
            "31 Janu\u{301}ari 2025",
            "99/99/99",
            "4294967296/1/2025",
            "31/01/99999999999999999999",
            "99999999999999999999",
            long.as_str(),
        ] {
            assert!(parse_date(cell, DayFirst).is_err(), "{cell:?}");
            assert!(parse_date(cell, MonthFirst).is_err(), "{cell:?}");
            assert!(
                parse_date_in_date_column(cell, DayFirst).is_err(),
                "{cell:?}"
            );
        }
        assert_eq!(
            err(&long, DayFirst).message,
            format!("\"{}…\" is not a date (too long)", "1".repeat(40))
        );
    }

    #[test]
    fn date_looking_cells() {
        for cell in [
            "2025-01-31",
            "31/01/2025",
            "31/02/2025",
            "01/05/2025 10:22:00",
            "1 Januari 2024",
            "Jan 31, 2025",
            "19970101",
            "20250131",
        ] {
            assert!(looks_like_date(cell), "{cell}");
        }
        for cell in [
            "",
            "45688",
            "12345678",
            "18991231",
            "1250000",
            "Rp 892.000",
            "530.000",
            "gratis",
            "Tanggal",
        ] {
            assert!(!looks_like_date(cell), "{cell}");
        }
    }
}

#[cfg(test)]
mod props {
    use super::*;
    use chrono::Datelike;
    use proptest::prelude::*;

    const SPELLINGS: [&[&str]; 12] = [
        &["Jan", "Januari", "January"],
        &["Feb", "Februari", "February"],
        &["Mar", "Maret", "March"],
        &["Apr", "April"],
        &["Mei", "May"],
        &["Jun", "Juni", "June"],
        &["Jul", "Juli", "July"],
        &["Agu", "Agt", "Agus", "Agustus", "Aug", "August"],
        &["Sep", "Sept", "September"],
        &["Okt", "Oktober", "Oct", "October"],
        &["Nov", "November"],
        &["Des", "Desember", "Dec", "December"],
    ];
    const HARI: [&str; 7] = [
        "Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu",
    ];
    const DAYS: [&str; 7] = ["Mon", "Tuesday", "Wed", "Thu", "Fri", "Saturday", "Sun"];

    fn first() -> NaiveDate {
        NaiveDate::from_ymd_opt(1900, 3, 1).unwrap()
    }

    /// Any date from 1900-03-01 to 2100-12-31.
    fn any_date() -> impl Strategy<Value = NaiveDate> {
        let last = NaiveDate::from_ymd_opt(2100, 12, 31).unwrap();
        let span = (last - first()).num_days() as u64;
        (0..=span).prop_map(|n| first() + Days::new(n))
    }

    /// Excel's serial of a date from 1900-03-01 on (day 61 is 1900-03-01).
    fn serial(d: NaiveDate) -> i64 {
        (d - first()).num_days() + 61
    }

    fn two_digit_year_ok(d: NaiveDate) -> bool {
        (1930..=2029).contains(&d.year())
    }

    /// The date written with numbers only in `order`, in every separator and
    /// padding, with and without a time, with four- and two-digit years.
    fn numeric(d: NaiveDate, order: DayOrder) -> Vec<String> {
        let (y, m, day) = (d.year(), d.month(), d.day());
        let (a, b) = match order {
            DayOrder::DayFirst => (day, m),
            DayOrder::MonthFirst => (m, day),
        };
        let mut out = Vec::new();
        for sep in ['/', '-', '.'] {
            out.push(format!("{a:02}{sep}{b:02}{sep}{y}"));
            out.push(format!("{a}{sep}{b}{sep}{y}"));
            out.push(format!("{a:02}{sep}{b:02}{sep}{y} 10:22:00"));
            if two_digit_year_ok(d) {
                out.push(format!("{a:02}{sep}{b:02}{sep}{:02}", y % 100));
                out.push(format!("{a}{sep}{b}{sep}{:02} 23:59", y % 100));
            }
        }
        out
    }

    /// The date in every order-free style.
    fn order_free(d: NaiveDate, case: u8, spelling: usize, weekday_id: bool) -> Vec<String> {
        let (y, m, day) = (d.year(), d.month(), d.day());
        let names = SPELLINGS[m as usize - 1];
        let name = names[spelling % names.len()];
        let name = match case {
            0 => name.to_string(),
            1 => name.to_lowercase(),
            _ => name.to_uppercase(),
        };
        let wd = d.weekday().num_days_from_monday() as usize;
        let weekday = if weekday_id { HARI[wd] } else { DAYS[wd] };
        let mut out = vec![
            format!("{y}-{m:02}-{day:02}"),
            format!("{y}/{m:02}/{day:02}"),
            format!("{y}-{m:02}-{day:02} 14:05:00"),
            format!("{y}-{m:02}-{day:02}T14:05:00Z"),
            format!("{y}-{m:02}-{day:02}T14:05:00+07:00"),
            format!("{y}{m:02}{day:02}"),
            format!("{day} {name} {y}"),
            format!("{day:02} {name}. {y}"),
            format!("{day}-{name}-{y}"),
            format!("{name} {day}, {y}"),
            format!("{name} {day} {y}"),
            format!("{weekday}, {day} {name} {y}"),
            format!("{weekday}, {name} {day}, {y} 10:22"),
        ];
        if two_digit_year_ok(d) {
            out.push(format!("{day} {name} {:02}", y % 100));
        }
        out
    }

    fn order() -> impl Strategy<Value = DayOrder> {
        prop_oneof![Just(DayOrder::DayFirst), Just(DayOrder::MonthFirst)]
    }

    proptest! {
        #[test]
        fn every_style_reads_back(
            d in any_date(),
            order in order(),
            case in 0u8..3,
            spelling in 0usize..6,
            weekday_id in any::<bool>(),
        ) {
            let free = order_free(d, case, spelling, weekday_id);
            for text in numeric(d, order).iter().chain(&free) {
                prop_assert_eq!(parse_date(text, order).map_err(|e| e.message), Ok(d), "{}", text);
                prop_assert_eq!(parse_date_in_date_column(text, order), Ok(d), "{}", text);
                prop_assert!(looks_like_date(text), "{}", text);
            }
            for text in &free {
                let other = match order {
                    DayOrder::DayFirst => DayOrder::MonthFirst,
                    DayOrder::MonthFirst => DayOrder::DayFirst,
                };
                prop_assert_eq!(parse_date(text, other), Ok(d), "{}", text);
            }
            let n = serial(d);
            for text in [n.to_string(), format!("{n}.5"), format!("{n},25")] {
                prop_assert_eq!(parse_date_in_date_column(&text, order), Ok(d), "{}", text);
                if (10_000..=99_999).contains(&n) {
                    prop_assert_eq!(parse_date(&text, order), Ok(d), "{}", text);
                } else {
                    prop_assert!(parse_date(&text, order).is_err(), "{}", text);
                }
            }
        }

        #[test]
        fn a_column_is_decided_by_its_order(
            dates in prop::collection::vec(any_date(), 1..30),
            order in order(),
            sep in prop_oneof![Just('/'), Just('-'), Just('.')],
        ) {
            let cells: Vec<String> = dates
                .iter()
                .map(|&d| {
                    let (a, b) = match order {
                        DayOrder::DayFirst => (d.day(), d.month()),
                        DayOrder::MonthFirst => (d.month(), d.day()),
                    };
                    format!("{a:02}{sep}{b:02}{sep}{}", d.year())
                })
                .collect();
            let mut stats = DateStats::default();
            for c in &cells {
                stats.observe(c);
            }
            let decided = |locale| stats.decide(locale);
            if dates.iter().any(|d| d.day() > 12) {
                for locale in [Locale::Auto, Locale::Id, Locale::En] {
                    prop_assert_eq!(
                        decided(locale),
                        DateNotation { order, decided_by: DecidedBy::Values }
                    );
                }
                for (c, d) in cells.iter().zip(&dates) {
                    prop_assert_eq!(parse_date(c, order), Ok(*d));
                }
            } else {
                prop_assert_eq!(
                    decided(Locale::Id),
                    DateNotation { order: DayOrder::DayFirst, decided_by: DecidedBy::Locale }
                );
                prop_assert_eq!(
                    decided(Locale::En),
                    DateNotation { order: DayOrder::MonthFirst, decided_by: DecidedBy::Locale }
                );
                prop_assert_eq!(
                    decided(Locale::Auto),
                    DateNotation { order: DayOrder::DayFirst, decided_by: DecidedBy::Default }
                );
            }
        }

        #[test]
        fn never_panics(s in "\\PC*") {
            for order in [DayOrder::DayFirst, DayOrder::MonthFirst] {
                let _ = parse_date(&s, order);
                let _ = parse_date_in_date_column(&s, order);
            }
            let _ = looks_like_date(&s);
            let mut stats = DateStats::default();
            stats.observe(&s);
            let _ = stats.decide(Locale::Auto);
            let _ = stats.formats();
        }

        #[test]
        fn never_panics_on_date_like_text(
            s in "[0-9/.,:+ \u{a0}TZ-]{0,24}|[0-9]{1,9}|[A-Za-z ,.]{0,12}[0-9 /-]{0,12}"
        ) {
            for order in [DayOrder::DayFirst, DayOrder::MonthFirst] {
                if parse_date(&s, order).is_ok() {
                    prop_assert!(parse_date_in_date_column(&s, order).is_ok(), "{}", s);
                }
            }
            let mut stats = DateStats::default();
            stats.observe(&s);
            prop_assert!(stats.dates() <= stats.cells());
        }
    }
}
