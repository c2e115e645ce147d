//! A pasted survey export (Google Forms, Typeform, SurveyMonkey, a sheet):
//! the answer column (numbers or words), the column to group by (any column,
//! or the month of a date column) and the free-text column of reasons, each
//! found by the user's mapping or by its header and values; then every data
//! row as its line, its answer as written, its group and its comment. Which
//! answers count, and on which scale, is the calculator's business (see
//! `api::surveys`).

use super::date::{looks_like_date, parse_date_in_date_column, DateStats};
use super::labels::{self, LabelKind, Level};
use super::number::{looks_numeric, parse_plain};
use super::roles::{matches, normalize, role_of_header, Role};
use super::scores::ColumnInfo;
use super::table::{ColumnRef, Table};
use super::{tickets, Locale};
use crate::error::{Code, Error, Result, Skipped};
use chrono::Datelike;

/// One answer cell as written.
#[derive(Debug, Clone, PartialEq)]
pub enum Answer {
    /// A plain number (`9`, `9,0`).
    Number(f64),
    /// A known label, with the number written beside it if any.
    Label {
        level: Level,
        words: String,
        number: Option<u32>,
    },
    /// Words the tables do not know, with the number written beside them if any.
    Other { words: String, number: Option<u32> },
}

/// One data row of the export.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub line: usize,
    pub answer: Answer,
    /// The cell as written (for messages and the label report).
    pub cell: String,
    /// The row's group ("" when the cell is empty or its date unreadable).
    pub group: String,
    pub comment: String,
}

/// The columns a survey export is read from, and its rows.
#[derive(Debug, Clone, PartialEq)]
pub struct Survey {
    pub rows: Vec<Row>,
    /// Data rows (blank lines not counted).
    pub count: usize,
    /// Rows skipped before any answer was read (empty answer, unreadable row).
    pub skipped: Vec<Skipped>,
    pub column: ColumnInfo,
    pub group_column: Option<ColumnInfo>,
    /// Whether the groups are the months (`YYYY-MM`) of a date column.
    pub by_month: bool,
    pub comment_column: Option<ColumnInfo>,
}

/// Header words of a free-text answer: the reason for a score, suggestions,
/// comments (Google Forms, Typeform's "What is the primary reason for your
/// score?", SurveyMonkey's "Comments"). Words of five letters or more match
/// anywhere in the header, shorter ones as whole words.
const COMMENT_WORDS: &[&str] = &[
    "alasan",
    "why",
    "reason",
    "saran",
    "komentar",
    "comment",
    "feedback",
    "masukan",
    "kritik",
    "catatan",
    "keterangan",
    "mengapa",
    "kenapa",
    "explain",
    "ulasan",
    "pesan",
    "kesan",
    "tell us",
    "improve",
    "perbaik",
    "tanggapan",
    "pendapat",
    "opini",
    "notes",
];

/// Whether a header names a free-text answer column.
pub fn is_comment_header(header: &str) -> bool {
    let normal = normalize(header);
    !normal.is_empty() && COMMENT_WORDS.iter().any(|w| matches(&normal, w))
}

/// Names `groupBy` may give for the usual groupings, and the header words
/// they find (beside a header or index, and FCR's "channel" / "agent").
const GROUP_WORDS: &[(&[&str], &[&str])] = &[
    (
        &["branch", "cabang", "outlet", "store", "toko"],
        &[
            "cabang", "branch", "outlet", "toko", "store", "gerai", "lokasi", "location", "kota",
            "city",
        ],
    ),
    (
        &["product", "produk", "layanan", "service"],
        &["produk", "product", "layanan", "service", "item", "paket"],
    ),
];

/// The words of `groupBy` that mean "by month of the date column".
const MONTH_WORDS: &[&str] = &["month", "bulan", "months", "per month", "per bulan"];

/// Whether a cell reads as an answer: a number, or a label of `kind`, or a
/// number with words ("10 - Extremely likely").
fn readable(kind: Option<LabelKind>, cell: &str) -> bool {
    if parse_plain(cell).is_some() {
        return true;
    }
    let (number, words) = labels::split(cell);
    number.is_some() || kind.is_some_and(|k| labels::level(k, &words).is_some())
}

/// Reads one answer cell.
pub fn answer(kind: Option<LabelKind>, cell: &str) -> Answer {
    if let Some(v) = parse_plain(cell) {
        return Answer::Number(v);
    }
    let (number, words) = labels::split(cell);
    match kind.and_then(|k| labels::level(k, &words)) {
        Some(level) => Answer::Label {
            level,
            words,
            number,
        },
        None => Answer::Other { words, number },
    }
}

/// Columns whose non-empty cells (of the first 1,000 rows) are mostly
/// accepted by `accept`, leaving out `except`.
fn mostly(table: &Table, accept: impl Fn(&str) -> bool, except: &[usize]) -> Vec<usize> {
    let tally = table.tally_cells(1000, accept);
    (0..table.width)
        .filter(|j| !except.contains(j))
        .filter(|&j| tally[j].1 > 0 && tally[j].0 * 2 > tally[j].1)
        .collect()
}

fn names(table: &Table, columns: &[usize]) -> String {
    columns
        .iter()
        .map(|&j| table.column_name(j))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The answer column: the mapped one; else the first whose header names a
/// score (not a comment header) and whose values read as answers (else the
/// first such header); else the only column of labels; else the only column
/// of numbers.
pub fn find_answer_column(
    table: &Table,
    kind: Option<LabelKind>,
    mapped: Option<&ColumnRef>,
) -> Result<usize> {
    if let Some(c) = mapped {
        return table.resolve(c, "columns.score");
    }
    if table.width == 0 {
        return Err(Error::field(
            Code::EmptyText,
            "text",
            "The pasted text is empty: paste a column of answers.",
        ));
    }
    let comments: Vec<usize> = (0..table.width)
        .filter(|&j| table.has_header && is_comment_header(&table.headers[j]))
        .collect();
    if table.has_header {
        let named: Vec<usize> = (0..table.width)
            .filter(|j| !comments.contains(j))
            .filter(|&j| role_of_header(&table.headers[j]) == Some(Role::Score))
            .collect();
        match named.as_slice() {
            [] => {}
            [one] => return Ok(*one),
            [first, ..] => {
                let readable = mostly(table, |c| readable(kind, c), &comments);
                return Ok(named
                    .iter()
                    .copied()
                    .find(|j| readable.contains(j))
                    .unwrap_or(*first));
            }
        }
    }
    if let Some(k) = kind {
        match mostly(table, |c| labels::is_label(k, c), &comments).as_slice() {
            [one] => return Ok(*one),
            [] => {}
            many => {
                return Err(Error::field(
                    Code::AmbiguousScoreColumn,
                    "text",
                    format!(
                        "Several columns hold answers in words ({}); say which one holds the answers with columns.score.",
                        names(table, many)
                    ),
                ))
            }
        }
    }
    match mostly(table, looks_numeric, &comments).as_slice() {
        [one] => Ok(*one),
        [] => Err(Error::field(
            Code::NoScoreColumn,
            "text",
            "No column of scores was found: paste a column of numbers or of answers in words, or name the score column with columns.score.",
        )),
        many => Err(Error::field(
            Code::AmbiguousScoreColumn,
            "text",
            format!(
                "Several columns hold numbers ({}); say which one holds the scores with columns.score.",
                names(table, many)
            ),
        )),
    }
}

/// The column of free-text reasons: the mapped one, else the first comment
/// header other than the answer column.
fn find_comment_column(
    table: &Table,
    mapped: Option<&ColumnRef>,
    score: usize,
) -> Result<Option<usize>> {
    if let Some(c) = mapped {
        return table.resolve(c, "columns.comment").map(Some);
    }
    Ok((0..table.width)
        .find(|&j| j != score && table.has_header && is_comment_header(&table.headers[j])))
}

/// The date column for grouping by month: the mapped one, else the first
/// header naming a date (Timestamp, Submit Date, Tanggal), else the first
/// column of dates.
fn find_date_column(table: &Table, mapped: Option<&ColumnRef>) -> Result<usize> {
    if let Some(c) = mapped {
        return table.resolve(c, "columns.date");
    }
    let by_header = (0..table.width)
        .find(|&j| table.has_header && role_of_header(&table.headers[j]) == Some(Role::Date));
    by_header
        .or_else(|| mostly(table, looks_like_date, &[]).first().copied())
        .ok_or_else(|| {
            Error::field(
                Code::UnknownColumn,
                "groupBy",
                "groupBy: \"month\" needs a column of dates (such as Timestamp or Tanggal), and there is none; name it with columns.date.",
            )
        })
}

/// The column `groupBy` names, and whether its groups are months.
fn find_group_column(
    table: &Table,
    group_by: &ColumnRef,
    date: Option<&ColumnRef>,
) -> Result<(usize, bool)> {
    if let ColumnRef::Name(name) = group_by {
        let want = normalize(name);
        if MONTH_WORDS.contains(&want.as_str()) && table.resolve(group_by, "groupBy").is_err() {
            return find_date_column(table, date).map(|j| (j, true));
        }
        if table.resolve(group_by, "groupBy").is_err() {
            if let Some((_, words)) = GROUP_WORDS.iter().find(|(w, _)| w.contains(&want.as_str())) {
                if let Some(j) = (0..table.width).find(|&j| {
                    table.has_header
                        && words
                            .iter()
                            .any(|w| matches(&normalize(&table.headers[j]), w))
                }) {
                    return Ok((j, is_date_column(table, j)));
                }
            }
        }
    }
    let j = tickets::resolve_group(table, group_by)?;
    Ok((j, is_date_column(table, j)))
}

/// A column of dates (its header names a date, or its values mostly are):
/// grouped by month, not by each timestamp.
fn is_date_column(table: &Table, j: usize) -> bool {
    (table.has_header && role_of_header(&table.headers[j]) == Some(Role::Date))
        || mostly(
            table,
            |c| looks_like_date(c.split_whitespace().next().unwrap_or("")),
            &[],
        )
        .contains(&j)
}

/// A timestamp cell as the date reader takes it: Google Forms' CSV writes
/// `2025/01/05 10:22:11 AM GMT+7`; the zone and AM/PM are left out (only
/// the day matters for the month), else the first word alone is tried.
fn date_of(cell: &str, order: super::date::DayOrder) -> Option<chrono::NaiveDate> {
    if let Ok(d) = parse_date_in_date_column(cell, order) {
        return Some(d);
    }
    let kept: Vec<&str> = cell
        .split_whitespace()
        .filter(|w| {
            let u = w.to_ascii_uppercase();
            !(u == "AM" || u == "PM" || u.starts_with("GMT") || u.starts_with("UTC"))
        })
        .collect();
    parse_date_in_date_column(&kept.join(" "), order)
        .ok()
        .or_else(|| parse_date_in_date_column(kept.first()?, order).ok())
}

fn info(table: &Table, j: usize) -> ColumnInfo {
    ColumnInfo {
        index: j,
        name: table.column_name(j),
    }
}

/// What the caller asks for.
pub struct Request<'r> {
    pub kind: Option<LabelKind>,
    pub score: Option<&'r ColumnRef>,
    pub group_by: Option<&'r ColumnRef>,
    pub comment: Option<&'r ColumnRef>,
    pub date: Option<&'r ColumnRef>,
    pub locale: Locale,
}

/// Reads a survey export: its columns, then every data row. Rows with an
/// empty answer are skipped here (`emptyValue`); the rest are returned as
/// written for the calculator to check.
pub fn read_survey(text: &str, request: &Request) -> Result<Survey> {
    let table = Table::read(text);
    let score = find_answer_column(&table, request.kind, request.score)?;
    let comment = find_comment_column(&table, request.comment, score)?;
    let group = request
        .group_by
        .map(|g| find_group_column(&table, g, request.date))
        .transpose()?;
    let order = group.filter(|g| g.1).map(|(j, _)| {
        let mut stats = DateStats::default();
        for record in table.records() {
            stats.observe(record.get(j).split_whitespace().next().unwrap_or(""));
        }
        stats.decide(request.locale).order
    });
    let mut rows = Vec::new();
    let (count, skipped) = table.each_row(|record| {
        let line = record.line;
        let cell = record.get(score);
        // SurveyMonkey's export names each answer's kind under the question.
        if rows.is_empty() && matches!(normalize(cell).as_str(), "response" | "open ended response")
        {
            return Err(Skipped::new(
                line,
                Code::DescriptionRow,
                format!("Row {line} describes the columns (\"{cell}\"); it holds no answer."),
            ));
        }
        if cell.is_empty() {
            return Err(Skipped::new(
                line,
                Code::EmptyValue,
                format!("Row {line} has no answer."),
            ));
        }
        let group = match group {
            None => String::new(),
            Some((j, false)) => record.get(j).to_string(),
            Some((j, true)) => order
                .and_then(|o| date_of(record.get(j), o))
                // Not chrono's `format`: its formatter is large in the wasm.
                .map(|d| format!("{:04}-{:02}", d.year(), d.month()))
                .unwrap_or_default(),
        };
        rows.push(Row {
            line,
            answer: answer(request.kind, cell),
            cell: cell.to_string(),
            group,
            comment: comment
                .map(|j| record.get(j).to_string())
                .unwrap_or_default(),
        });
        Ok(())
    });
    Ok(Survey {
        rows,
        count,
        skipped,
        column: info(&table, score),
        group_column: group.map(|(j, _)| info(&table, j)),
        by_month: group.is_some_and(|g| g.1),
        comment_column: comment.map(|j| info(&table, j)),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn request(kind: Option<LabelKind>, group_by: Option<&ColumnRef>) -> Request<'_> {
        Request {
            kind,
            score: None,
            group_by,
            comment: None,
            date: None,
            locale: Locale::Auto,
        }
    }

    #[test]
    fn comment_headers() {
        assert!(is_comment_header(
            "What is the primary reason for your score?"
        ));
        assert!(is_comment_header("Alasan"));
        assert!(is_comment_header("Why?"));
        assert!(is_comment_header("Saran untuk kami"));
        assert!(is_comment_header("Any other comments?"));
        assert!(!is_comment_header("Timestamp"));
        assert!(!is_comment_header(
            "Seberapa puas Anda dengan layanan kami?"
        ));
    }

    #[test]
    fn a_column_of_words_is_the_answer_column() {
        let text = "Timestamp,Seberapa puas Anda?,Saran\n2025/01/05 10:00,Sangat puas,\n2025/01/06 10:00,Puas,ok\n";
        let s = read_survey(text, &request(Some(LabelKind::Satisfaction), None)).unwrap();
        assert_eq!(s.column.index, 1);
        assert_eq!(s.comment_column.map(|c| c.index), Some(2));
        assert!(matches!(
            s.rows[0].answer,
            Answer::Label {
                level: Level::Five(5),
                ..
            }
        ));
    }

    #[test]
    fn a_reason_header_with_score_in_it_is_not_the_score() {
        let text = "What is the primary reason for your score?\tHow likely are you to recommend us?\nSlow\t3\nGreat\t10\n";
        let s = read_survey(text, &request(None, None)).unwrap();
        assert_eq!(s.column.index, 1);
        assert_eq!(s.comment_column.map(|c| c.index), Some(0));
    }

    #[test]
    fn grouped_by_the_month_of_a_timestamp() {
        let text =
            "Timestamp;Skor\n31/01/2025 10:00:00;9\n2025/02/01 9:00:00 AM GMT+7;3\nbesok;7\n";
        let by = ColumnRef::Name("month".into());
        let s = read_survey(text, &request(None, Some(&by))).unwrap();
        assert!(s.by_month);
        let groups: Vec<&str> = s.rows.iter().map(|r| r.group.as_str()).collect();
        assert_eq!(groups, ["2025-01", "2025-02", ""]);
        let by = ColumnRef::Name("Timestamp".into());
        assert!(
            read_survey(text, &request(None, Some(&by)))
                .unwrap()
                .by_month
        );
    }
}
