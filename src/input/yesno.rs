//! Yes/no cells in Indonesian and English: ya/tidak, yes/no, y/n, 1/0,
//! true/false, benar/salah, sudah/belum, in any case.

/// `Some(true)` for a yes, `Some(false)` for a no, `None` for anything else.
pub fn parse_yes_no(cell: &str) -> Option<bool> {
    match cell.trim().to_ascii_lowercase().as_str() {
        "ya" | "yes" | "y" | "1" | "true" | "benar" | "sudah" | "iya" => Some(true),
        "tidak" | "no" | "n" | "0" | "false" | "salah" | "belum" | "tdk" | "gak" | "nggak" => {
            Some(false)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::parse_yes_no;

    #[test]
    fn both_languages_any_case() {
        for yes in [
            "ya", "Ya", "YA", "yes", " Yes ", "y", "1", "TRUE", "benar", "Sudah",
        ] {
            assert_eq!(parse_yes_no(yes), Some(true), "{yes}");
        }
        for no in ["tidak", "Tidak", "no", "N", "0", "false", "salah", "belum"] {
            assert_eq!(parse_yes_no(no), Some(false), "{no}");
        }
        for other in ["", "mungkin", "2", "ya?"] {
            assert_eq!(parse_yes_no(other), None, "{other}");
        }
    }
}
