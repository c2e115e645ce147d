//! Plain numbers in cells: survey scores and counts (`9`, ` 8 `, `9,0`, `10.0`).
//! Money amounts with thousands separators are the job of the amount reader.

/// Reads a plain number, accepting `,` or `.` as the decimal mark and
/// surrounding spaces. Returns `None` for anything else (empty, text, `1.000.000`).
pub fn parse_plain(cell: &str) -> Option<f64> {
    let s = cell.trim();
    if s.is_empty() || s.len() > 32 {
        return None;
    }
    let (sign, digits) = match s.strip_prefix('-') {
        Some(rest) => (-1.0, rest),
        None => (1.0, s.strip_prefix('+').unwrap_or(s)),
    };
    let mut seen_mark = false;
    let mut seen_digit = false;
    let mut normal = String::with_capacity(digits.len());
    for c in digits.chars() {
        match c {
            '0'..='9' => {
                seen_digit = true;
                normal.push(c);
            }
            '.' | ',' if !seen_mark => {
                seen_mark = true;
                normal.push('.');
            }
            _ => return None,
        }
    }
    if !seen_digit {
        return None;
    }
    normal.parse::<f64>().ok().map(|v| sign * v)
}

/// True when a cell looks like a number or money amount (digits with optional
/// currency, separators, sign or parentheses): used to tell header rows from data.
pub fn looks_numeric(cell: &str) -> bool {
    let s = cell.trim();
    let s = s
        .trim_start_matches('(')
        .trim_end_matches(')')
        .trim_start_matches(['-', '+']);
    let lower = s.to_ascii_lowercase();
    let s = lower
        .strip_prefix("rp")
        .or_else(|| lower.strip_prefix("idr"))
        .or_else(|| lower.strip_prefix('$'))
        .unwrap_or(&lower)
        .trim();
    !s.is_empty()
        && s.chars().any(|c| c.is_ascii_digit())
        && s.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ' '))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_numbers() {
        assert_eq!(parse_plain(" 8 "), Some(8.0));
        assert_eq!(parse_plain("9,5"), Some(9.5));
        assert_eq!(parse_plain("10.0"), Some(10.0));
        assert_eq!(parse_plain("-3"), Some(-3.0));
        assert_eq!(parse_plain(""), None);
        assert_eq!(parse_plain("sepuluh"), None);
        assert_eq!(parse_plain("1.000.000"), None);
        assert_eq!(parse_plain("."), None);
    }

    #[test]
    fn numeric_looking_cells() {
        assert!(looks_numeric("Rp 1.250.000"));
        assert!(looks_numeric("(Rp 150.000)"));
        assert!(looks_numeric("8 "));
        assert!(!looks_numeric("Skor"));
        assert!(!looks_numeric("01/05/2025 10:22:00"));
        assert!(!looks_numeric(""));
    }
}
