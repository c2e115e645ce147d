//! NPS, CES and CSAT from a pasted survey export (the page's module; the
//! widget's small one reads only a column of numbers): answers as numbers or
//! words mapped onto the scale, per group with margins, and the comments of
//! the answers to follow up. The figures themselves are the calculators' of
//! `metrics`, on the answers read here.

use super::{Args, Output, RowReport};
use crate::error::{Code, Error, Result, Skipped};
use crate::input::labels::{LabelKind, Level};
use crate::input::scores::ColumnInfo;
use crate::input::survey::{read_survey, Answer, Request, Row, Survey};
use crate::metrics::survey::{self as groups, CesByGroup, CsatByGroup, Grouped, NpsByGroup};
use crate::metrics::{ces, csat, nps};
use serde::Serialize;

/// What a survey read from text adds to its result.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report<G> {
    /// Each group's figure, margin and n (empty without `groupBy`): most
    /// answers first, months oldest first.
    pub groups: Vec<G>,
    /// Whether the groups are the months (`YYYY-MM`) of a date column.
    pub grouped_by_month: bool,
    /// Answers counted overall but in no group (an empty group cell, an
    /// unreadable date).
    pub ungrouped: u64,
    /// How answers in words were mapped onto the scale (`null` when every
    /// answer was a number).
    pub labels: Option<Labels>,
    /// The free-text column read for the comments, if any.
    pub comment_column: Option<ColumnInfo>,
    /// The answers whose comments are listed (inclusive).
    pub follow_up: [u32; 2],
    /// The comments of those answers, in the order of the rows.
    pub comments: Vec<Comment>,
}

/// The label mapping: which table, on how many points, and each label read.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Labels {
    /// `satisfaction` (CSAT) or `effort` (CES: ease and agreement).
    pub kind: &'static str,
    /// The points of the label scale: 5 or 7.
    pub points: u32,
    /// `labels` (no scaleMax given: the labels decided) or `scaleMax`.
    pub decided_by: &'static str,
    /// Every label read, highest score first: as first written, its score, its count.
    pub map: Vec<LabelUse>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LabelUse {
    pub label: String,
    pub score: u32,
    pub count: u64,
}

/// A comment to follow up: its line, its answer (on the scale), its group.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comment {
    pub row: usize,
    pub score: u32,
    pub group: Option<String>,
    pub comment: String,
}

/// A survey function's result: the calculator's, the row report and (from
/// text) the report above, flattened into one object.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SurveyOutput<T, G> {
    #[serde(flatten)]
    pub result: T,
    #[serde(flatten)]
    pub input: Option<RowReport>,
    #[serde(flatten)]
    pub survey: Option<Report<G>>,
    /// The goal (`target`), as on the other quick calculators (page's module only).
    #[cfg(feature = "analytics")]
    #[serde(flatten)]
    pub extra: super::goals::Extra,
}

impl<T, G> From<Output<T>> for SurveyOutput<T, G> {
    fn from(o: Output<T>) -> Self {
        SurveyOutput {
            result: o.result,
            input: o.input,
            survey: None,
            #[cfg(feature = "analytics")]
            extra: o.extra,
        }
    }
}

fn request<'r>(
    args: &Args,
    columns: &'r super::args::Columns,
    group_by: Option<&'r crate::input::ColumnRef>,
    kind: Option<LabelKind>,
) -> Result<Request<'r>> {
    Ok(Request {
        kind,
        score: columns.get("score"),
        group_by: group_by.or(columns.get("group")),
        comment: columns.get("comment"),
        date: columns.get("date"),
        locale: args.locale()?,
    })
}

/// An answer the calculator cannot use, as a skipped row.
fn skip(row: &Row, code: Code, why: &str) -> Skipped {
    let line = row.line;
    Skipped::new(line, code, format!("Row {line}: \"{}\" {why}", row.cell))
}

/// Words the label tables do not know (`unknownLabel`), or, when the cell
/// has no letters at all (`1.250.000`), not a number.
fn unknown_words(row: &Row, tables: &str) -> Skipped {
    if row.cell.chars().any(char::is_alphabetic) {
        skip(
            row,
            Code::UnknownLabel,
            &format!("is neither a score nor an answer the label tables know ({tables})."),
        )
    } else {
        skip(row, Code::NotANumber, "is not a number.")
    }
}

/// Everything after the answers are scored: the row report, the groups, the
/// comments. `scored` holds each usable row with its score.
struct Scored<'s> {
    survey: &'s Survey,
    scored: Vec<(&'s Row, u32)>,
    skipped: Vec<Skipped>,
}

impl<'s> Scored<'s> {
    /// Scores every row with `score`; errors when none is usable.
    fn new(
        survey: &'s Survey,
        score: impl Fn(&Row) -> std::result::Result<u32, Skipped>,
    ) -> Result<Self> {
        let mut scored = Vec::new();
        // The reader's skipped rows and these, merged in line order (both are).
        let mut skipped = Vec::new();
        let mut earlier = survey.skipped.iter().peekable();
        for row in &survey.rows {
            while let Some(s) = earlier.next_if(|s| s.row < row.line) {
                skipped.push(s.clone());
            }
            match score(row) {
                Ok(s) => scored.push((row, s)),
                Err(e) => skipped.push(e),
            }
        }
        skipped.extend(earlier.cloned());
        if scored.is_empty() {
            let rows = survey.count;
            let message = if rows == 0 {
                "There are no answers in the pasted text.".to_string()
            } else {
                format!("None of the {rows} row(s) holds a usable score; see the skipped rows.")
            };
            return Err(Error::field(Code::NoUsableRows, "text", message)
                .with("rows", rows)
                .with_skipped(skipped));
        }
        Ok(Scored {
            survey,
            scored,
            skipped,
        })
    }

    fn values(&self) -> Vec<f64> {
        self.scored.iter().map(|&(_, s)| s as f64).collect()
    }

    fn finish<T, G>(
        self,
        result: T,
        group: impl Fn(String, &[u32]) -> Option<G>,
        follow_up: [u32; 2],
        labels: Option<Labels>,
    ) -> SurveyOutput<T, G> {
        let mut grouped = Grouped::default();
        let mut comments = Vec::new();
        for &(row, score) in &self.scored {
            if self.survey.group_column.is_some() {
                grouped.add(&row.group, score);
            }
            if (follow_up[0]..=follow_up[1]).contains(&score) && !row.comment.is_empty() {
                comments.push(Comment {
                    row: row.line,
                    score,
                    group: Some(row.group.clone()).filter(|g| !g.is_empty()),
                    comment: row.comment.clone(),
                });
            }
        }
        let ungrouped = grouped.ungrouped;
        let groups = grouped
            .into_groups(self.survey.by_month)
            .into_iter()
            .filter_map(|(name, scores)| group(name, &scores))
            .collect();
        SurveyOutput {
            result,
            input: Some(RowReport {
                rows: self.survey.count,
                used: self.scored.len(),
                skipped: self.skipped,
                column: self.survey.column.clone(),
                group_column: self.survey.group_column.clone(),
            }),
            survey: Some(Report {
                groups,
                grouped_by_month: self.survey.by_month,
                ungrouped,
                labels,
                comment_column: self.survey.comment_column.clone(),
                follow_up,
                comments,
            }),
            #[cfg(feature = "analytics")]
            extra: Default::default(),
        }
    }
}

/// The number written in an answer that is not a plain number, if any.
fn written_number(answer: &Answer) -> Option<u32> {
    match answer {
        Answer::Number(_) => None,
        Answer::Label { number, .. } | Answer::Other { number, .. } => *number,
    }
}

/// `nps({ text, groupBy?, columns? })`: answers 0–10; a number written with
/// words ("10 - Extremely likely") is that number.
pub fn nps_text(
    args: &Args,
    text: &str,
    group_by: Option<&crate::input::ColumnRef>,
) -> Result<SurveyOutput<nps::Nps, NpsByGroup>> {
    let columns = args.columns()?;
    let survey = read_survey(text, &request(args, &columns, group_by, None)?)?;
    let scored = Scored::new(&survey, |row| {
        let value = match &row.answer {
            Answer::Number(v) => *v,
            other => match written_number(other) {
                Some(n) => n as f64,
                None => return Err(skip(row, Code::NotANumber, "is not a number.")),
            },
        };
        nps::check_score(value, row.line).map_err(|e| Skipped::new(row.line, e.code, e.message))
    })?;
    let result = nps::from_scores(&scored.values())?;
    Ok(scored.finish(result, groups::nps_group, groups::nps_follow_up(), None))
}

/// Gathers the label mapping of the rows scored with `score_of_label`.
fn label_report(
    scored: &Scored,
    kind: &'static str,
    points: u32,
    decided_by: &'static str,
) -> Option<Labels> {
    let mut map: Vec<(String, LabelUse)> = Vec::new();
    for &(row, score) in &scored.scored {
        if let Answer::Label { words, .. } = &row.answer {
            match map.iter_mut().find(|(w, _)| w == words) {
                Some((_, u)) => u.count += 1,
                None => map.push((
                    words.clone(),
                    LabelUse {
                        label: row.cell.clone(),
                        score,
                        count: 1,
                    },
                )),
            }
        }
    }
    if map.is_empty() {
        return None;
    }
    let mut map: Vec<LabelUse> = map.into_iter().map(|(_, u)| u).collect();
    map.sort_unstable_by(|a, b| b.score.cmp(&a.score).then_with(|| a.label.cmp(&b.label)));
    Some(Labels {
        kind,
        points,
        decided_by,
        map,
    })
}

fn has_labels(survey: &Survey) -> bool {
    survey
        .rows
        .iter()
        .any(|r| matches!(r.answer, Answer::Label { .. }))
}

fn words_need_five_or_seven(field: &str, got: u32) -> Error {
    Error::field(
        Code::InvalidScale,
        field,
        format!("Answers in words are on a 5- or 7-point scale, not 1–{got}: leave {field} out or set it to 5 or 7."),
    )
    .with("got", got)
}

/// `ces({ text, scaleMax?, highIsEasy?, groupBy?, columns? })`. Answers in
/// words: with `scaleMax` given, on that scale (5 or 7); without, on 1–7
/// when a seven-point label ("Agak mudah", "Somewhat agree") or a number 6–7
/// is among them, else on 1–5. With `highIsEasy: false` the words are
/// mirrored (Sangat mudah = 1).
pub fn ces_text(
    args: &Args,
    text: &str,
    given_max: Option<u32>,
    high_is_easy: bool,
    group_by: Option<&crate::input::ColumnRef>,
) -> Result<SurveyOutput<ces::Ces, CesByGroup>> {
    let columns = args.columns()?;
    let survey = read_survey(
        text,
        &request(args, &columns, group_by, Some(LabelKind::Effort))?,
    )?;
    let words = has_labels(&survey);
    let (max, decided_by) = match given_max {
        Some(m) if words && m != 5 && m != 7 => {
            return Err(words_need_five_or_seven("scaleMax", m))
        }
        Some(m) => (m, "scaleMax"),
        None if words => {
            let seven = survey.rows.iter().any(|r| match &r.answer {
                Answer::Label {
                    level: Level::SomewhatLow | Level::SomewhatHigh,
                    ..
                } => true,
                Answer::Number(v) => *v > 5.0 && *v <= 7.0,
                other => written_number(other).is_some_and(|n| (6..=7).contains(&n)),
            });
            (if seven { 7 } else { 5 }, "labels")
        }
        None => (ces::Scale::default().max, "scaleMax"),
    };
    let scale = ces::Scale::new(1, max, high_is_easy)?;
    let check = |v: f64, row: &Row| {
        scale
            .check(v, row.line)
            .map_err(|e| Skipped::new(row.line, e.code, e.message))
    };
    let scored = Scored::new(&survey, |row| {
        match &row.answer {
        Answer::Number(v) => check(*v, row),
        Answer::Label { level, .. } => match level.on(max) {
            Some(v) => Ok(if high_is_easy { v } else { max + 1 - v }),
            None => Err(skip(
                row,
                Code::ScoreOffScale,
                &format!("is an answer of a 7-point scale; the scale is 1–{max}."),
            )),
        },
        Answer::Other { number: Some(n), .. } => check(*n as f64, row),
        Answer::Other { number: None, .. } => Err(unknown_words(
            row,
            "Sangat mudah … Sangat sulit, Very easy … Very difficult, Strongly agree … Strongly disagree",
        )),
    }
    })?;
    let result = ces::ces(&scored.values(), scale)?;
    let labels = label_report(&scored, "effort", max, decided_by);
    Ok(scored.finish(
        result,
        |name, s| groups::ces_group(name, s, scale),
        groups::ces_follow_up(scale),
        labels,
    ))
}

/// `csat({ text, scaleMax?, groupBy?, columns? })`. Answers in words are on
/// 1–5 (Sangat puas 5 … Sangat tidak puas 1); where a column holds "Kurang
/// puas" and "Tidak puas" but no "Sangat tidak puas", its scale is Sangat
/// puas, Puas, Cukup puas, Kurang puas (2), Tidak puas (1); likewise with
/// "memuaskan".
pub fn csat_text(
    args: &Args,
    text: &str,
    scale_max: u32,
    given: bool,
    group_by: Option<&crate::input::ColumnRef>,
) -> Result<SurveyOutput<csat::Csat, CsatByGroup>> {
    let columns = args.columns()?;
    let survey = read_survey(
        text,
        &request(args, &columns, group_by, Some(LabelKind::Satisfaction))?,
    )?;
    let words = has_labels(&survey);
    if words && scale_max != 5 {
        return Err(Error::field(
            Code::InvalidScale,
            "scaleMax",
            format!("Answers in words are on a 5-point scale (Sangat puas … Sangat tidak puas), not 1–{scale_max}: leave scaleMax out or set it to 5."),
        )
        .with("got", scale_max));
    }
    let seen = |w: &str| {
        survey
            .rows
            .iter()
            .any(|r| matches!(&r.answer, Answer::Label { words, .. } if words == w))
    };
    // The "kurang" scales: "Tidak puas" / "Tidak memuaskan" is the lowest
    // where "Kurang …" is in the column and "Sangat tidak …" is not.
    let lowest: Vec<String> = ["puas", "memuaskan"]
        .iter()
        .filter(|w| {
            seen(&format!("kurang {w}"))
                && seen(&format!("tidak {w}"))
                && !seen(&format!("sangat tidak {w}"))
                && !seen(&format!("sangat kurang {w}"))
        })
        .map(|w| format!("tidak {w}"))
        .collect();
    // SurveyMonkey's unipolar scale: Extremely 5, Very 4, Moderately 3,
    // Slightly 2, Not at all satisfied 1 (with "extremely", "very" is 4).
    let unipolar = seen("extremely satisfied")
        && [
            "very satisfied",
            "moderately satisfied",
            "slightly satisfied",
            "not at all satisfied",
        ]
        .iter()
        .any(|w| seen(w));
    let scored = Scored::new(&survey, |row| {
        let value = match &row.answer {
            Answer::Number(v) => *v,
            Answer::Label { words, .. } if lowest.contains(words) => 1.0,
            Answer::Label { words, .. } if unipolar && words == "very satisfied" => 4.0,
            Answer::Label { level, .. } => level.on(5).unwrap_or(0) as f64,
            Answer::Other {
                number: Some(n), ..
            } => *n as f64,
            Answer::Other { number: None, .. } => {
                return Err(unknown_words(
                    row,
                    "Sangat puas … Sangat tidak puas, Very satisfied … Very dissatisfied",
                ))
            }
        };
        csat::check_score(value, scale_max, row.line)
            .map_err(|e| Skipped::new(row.line, e.code, e.message))
    })?;
    let result = csat::csat(&scored.values(), scale_max)?;
    let labels = label_report(
        &scored,
        "satisfaction",
        5,
        if given { "scaleMax" } else { "labels" },
    );
    Ok(scored.finish(
        result,
        |name, s| groups::csat_group(name, s, csat::top_box(scale_max)),
        groups::csat_follow_up(scale_max),
        labels,
    ))
}
