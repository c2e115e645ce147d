//! Marketing spend per month, typed or pasted beside the months: one line per
//! month, the month first (`2025-01`, `2025/01`, `01/2025`, `Jan 2025`,
//! `Januari 2025`, `January 2025`), then the amount (`Rp 5.000.000`, `5jt`,
//! `5,000,000.00`; the decimal mark decided from every amount, as a log's).
//! A header line (`Bulan;Biaya`) is skipped as the tables' are; a line
//! whose month or amount cannot be read is skipped with its reason.

use super::amount::{parse_amount, AmountStats};
use super::table::Table;
use super::Locale;
use crate::error::{Code, Skipped};

const MONTHS: [&[&str]; 12] = [
    &["jan"],
    &["feb", "peb"],
    &["mar"],
    &["apr"],
    &["mei", "may"],
    &["jun"],
    &["jul"],
    &["agu", "agt", "aug"],
    &["sep"],
    &["okt", "oct"],
    &["nov", "nop"],
    &["des", "dec"],
];

/// A month as `year * 12 + month0` (as `metrics::log::month_index`).
pub fn parse_month(cell: &str) -> Option<i32> {
    let s = cell.trim();
    let index = |y: i32, m: i32| (1..=12).contains(&m).then_some(y * 12 + m - 1);
    let num = |t: &str| -> Option<i32> {
        (!t.is_empty() && t.len() <= 4 && t.bytes().all(|b| b.is_ascii_digit()))
            .then(|| t.parse().ok())
            .flatten()
    };
    let parts: Vec<&str> = s
        .split(['-', '/', '.', ' '])
        .filter(|p| !p.is_empty())
        .collect();
    if let [a, b] = parts.as_slice() {
        if let (Some(x), Some(y)) = (num(a), num(b)) {
            return match (a.len(), b.len()) {
                (4, 1..=2) => index(x, y),
                (1..=2, 4) => index(y, x),
                _ => None,
            };
        }
        let lower = a.to_lowercase();
        let m = MONTHS
            .iter()
            .position(|names| names.iter().any(|n| lower.starts_with(n)))?;
        let y = num(b).filter(|_| b.len() == 4)?;
        return index(y, m as i32 + 1);
    }
    None
}

/// The months and amounts read, and the lines skipped.
pub fn read_spend(text: &str, locale: Locale) -> (Vec<(i32, f64)>, Vec<Skipped>) {
    let table = Table::read(text);
    let mut stats = AmountStats::default();
    let last = |r: &super::Record| {
        (1..r.fields.len())
            .rev()
            .map(|j| r.get(j))
            .find(|c| !c.is_empty())
            .unwrap_or("")
            .to_string()
    };
    for r in table.records() {
        stats.observe(&last(&r));
    }
    let decimal = stats.decide(locale).decimal;
    let mut out = Vec::new();
    let (_, skipped) = table.each_row(|r| {
        let line = r.line;
        let month = parse_month(r.get(0)).ok_or_else(|| {
            Skipped::new(
                line,
                Code::InvalidDate,
                format!(
                    "Row {line}: \"{}\" is not a month such as 2025-01.",
                    r.get(0)
                ),
            )
        })?;
        let amount = parse_amount(&last(r), decimal)
            .map_err(|e| Skipped::new(line, e.code, format!("Row {line}: {}.", e.message)))?;
        out.push((month, amount));
        Ok(())
    });
    (out, skipped)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_as_people_write_them() {
        let m = |y: i32, m: i32| Some(y * 12 + m - 1);
        assert_eq!(parse_month("2025-01"), m(2025, 1));
        assert_eq!(parse_month("01/2025"), m(2025, 1));
        assert_eq!(parse_month("Agustus 2025"), m(2025, 8));
        assert_eq!(parse_month("Dec 2024"), m(2024, 12));
        assert_eq!(parse_month("2025-13"), None);
        assert_eq!(parse_month("Total"), None);
    }

    #[test]
    fn spend_lines_with_a_header_and_a_bad_line() {
        let (v, skipped) = read_spend(
            "Bulan;Biaya iklan\n2025-01;Rp 5.000.000\n2025-02;4,5jt\nTotal;9.500.000\n",
            Locale::Auto,
        );
        assert_eq!(v, [(2025 * 12, 5_000_000.0), (2025 * 12 + 1, 4_500_000.0)]);
        assert_eq!(skipped.len(), 1);
        assert_eq!(skipped[0].row, 4);
    }
}
