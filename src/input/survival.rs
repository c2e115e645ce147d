//! Survival counts pasted as text, for `subscriptionRetention`: one period a
//! line, the number of subscribers still subscribed (the first line's: the
//! group at the start). A line may carry a label or the period before the
//! count (`Bulan 1<TAB>869`, `Month 1: 869`, `1;869`): the line's last
//! number is the count. Counts are whole numbers; `1.000`, `1,000` and
//! `1 000` are a thousand (a mark followed by groups of three digits).

use crate::error::{Code, Skipped};
use crate::input::number::parse_plain;

/// The counts read, each with its 1-based line.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct SurvivalText {
    pub counts: Vec<f64>,
    pub lines: Vec<usize>,
    /// Non-blank lines after the header (if any).
    pub rows: usize,
    pub skipped: Vec<Skipped>,
}

/// A count in a cell: digits with thousands groups, or a plain number
/// (which the model's checks may still refuse as not whole).
fn count(cell: &str) -> Option<f64> {
    let s = cell.trim().trim_end_matches(':');
    let grouped = {
        let mut parts = s.split(['.', ',', ' ', '\u{a0}']);
        let first = parts.next().unwrap_or("");
        let rest: Vec<&str> = parts.collect();
        !rest.is_empty()
            && (1..=3).contains(&first.len())
            && first.bytes().all(|b| b.is_ascii_digit())
            && rest
                .iter()
                .all(|p| p.len() == 3 && p.bytes().all(|b| b.is_ascii_digit()))
            // One mark: all groups separated alike.
            && s.chars().filter(|c| !c.is_ascii_digit()).collect::<std::collections::BTreeSet<_>>().len() == 1
    };
    if grouped {
        return s
            .chars()
            .filter(char::is_ascii_digit)
            .collect::<String>()
            .parse()
            .ok();
    }
    parse_plain(s)
}

/// The last number of a line: its cells split at tabs, `;` or `|`, and a
/// cell holding no number whole also split at spaces.
fn last_number(line: &str) -> Option<f64> {
    let cells: Vec<&str> = line.split(['\t', ';', '|']).collect();
    for cell in cells.iter().rev() {
        if cell.trim().is_empty() {
            continue;
        }
        if let Some(n) = count(cell) {
            return Some(n);
        }
        // "Month 1: 869": words and numbers in one cell.
        if let Some(n) = cell.split_whitespace().rev().find_map(count) {
            return Some(n);
        }
    }
    None
}

/// Reads the counts of `text`. The first non-blank line without a number is
/// a header (not a row); any other line without one is skipped as
/// `notANumber` with its line.
pub fn read_survival_counts(text: &str) -> SurvivalText {
    let mut out = SurvivalText::default();
    let mut seen_content = false;
    for (i, line) in text.lines().enumerate() {
        let line = line.trim_start_matches('\u{feff}');
        if line.trim().is_empty() {
            continue;
        }
        let first = !seen_content;
        seen_content = true;
        match last_number(line) {
            Some(n) => {
                out.rows += 1;
                out.counts.push(n);
                out.lines.push(i + 1);
            }
            None if first => {}
            None => {
                out.rows += 1;
                out.skipped.push(Skipped::new(
                    i + 1,
                    Code::NotANumber,
                    "no number of subscribers on this line",
                ));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_with_labels_headers_and_thousands() {
        let r = read_survival_counts(
            "Bulan\tAktif\nBulan 0\t1.000\nBulan 1\t869\n\nMonth 2: 743\n3;653\nn/a\n4 | 1,593\n5\t1 000\n",
        );
        assert_eq!(r.counts, vec![1000.0, 869.0, 743.0, 653.0, 1593.0, 1000.0]);
        assert_eq!(r.lines, vec![2, 3, 5, 6, 8, 9]);
        assert_eq!(r.rows, 7);
        assert_eq!(r.skipped.len(), 1);
        assert_eq!((r.skipped[0].row, r.skipped[0].code), (7, Code::NotANumber));
        // A plain column; a decimal stays a decimal (refused later as not whole).
        let r = read_survival_counts("1000\n631\n468,5\n");
        assert_eq!(r.counts, vec![1000.0, 631.0, 468.5]);
        assert_eq!(r.rows, 3);
    }
}
