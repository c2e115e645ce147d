//! Currencies: the marks that amounts carry (`Rp`, `IDR`, `$`, `USD`, `€`,
//! `RM`, `S$`, …), before or after the number, and the currency codes written
//! in headers (`Total Penjualan (IDR)`) or in a column of their own
//! (Shopify's `Currency`).

use serde::Serialize;

/// A currency the reader knows, by its ISO 4217 code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Currency {
    #[serde(rename = "IDR")]
    Idr,
    #[serde(rename = "USD")]
    Usd,
    #[serde(rename = "EUR")]
    Eur,
    #[serde(rename = "GBP")]
    Gbp,
    #[serde(rename = "MYR")]
    Myr,
    #[serde(rename = "SGD")]
    Sgd,
    #[serde(rename = "AUD")]
    Aud,
    #[serde(rename = "PHP")]
    Php,
    #[serde(rename = "THB")]
    Thb,
    #[serde(rename = "VND")]
    Vnd,
    #[serde(rename = "JPY")]
    Jpy,
    #[serde(rename = "INR")]
    Inr,
}

pub const ALL: [Currency; 12] = [
    Currency::Idr,
    Currency::Usd,
    Currency::Eur,
    Currency::Gbp,
    Currency::Myr,
    Currency::Sgd,
    Currency::Aud,
    Currency::Php,
    Currency::Thb,
    Currency::Vnd,
    Currency::Jpy,
    Currency::Inr,
];

/// Marks written in cells, longest first within a currency so that `US$`
/// wins over `$`, with the currency each means. Letters match in any case.
/// `$` alone is the US dollar.
const MARKS: &[(&str, Currency)] = &[
    ("rp.", Currency::Idr),
    ("rp", Currency::Idr),
    ("idr", Currency::Idr),
    ("us$", Currency::Usd),
    ("usd", Currency::Usd),
    ("s$", Currency::Sgd),
    ("sgd", Currency::Sgd),
    ("a$", Currency::Aud),
    ("au$", Currency::Aud),
    ("aud", Currency::Aud),
    ("$", Currency::Usd),
    ("€", Currency::Eur),
    ("eur", Currency::Eur),
    ("£", Currency::Gbp),
    ("gbp", Currency::Gbp),
    ("rm", Currency::Myr),
    ("myr", Currency::Myr),
    ("₱", Currency::Php),
    ("php", Currency::Php),
    ("฿", Currency::Thb),
    ("thb", Currency::Thb),
    ("₫", Currency::Vnd),
    ("vnd", Currency::Vnd),
    ("¥", Currency::Jpy),
    ("jpy", Currency::Jpy),
    ("₹", Currency::Inr),
    ("inr", Currency::Inr),
];

impl Currency {
    pub fn code(self) -> &'static str {
        match self {
            Currency::Idr => "IDR",
            Currency::Usd => "USD",
            Currency::Eur => "EUR",
            Currency::Gbp => "GBP",
            Currency::Myr => "MYR",
            Currency::Sgd => "SGD",
            Currency::Aud => "AUD",
            Currency::Php => "PHP",
            Currency::Thb => "THB",
            Currency::Vnd => "VND",
            Currency::Jpy => "JPY",
            Currency::Inr => "INR",
        }
    }

    /// The symbol shown before amounts.
    pub fn symbol(self) -> &'static str {
        match self {
            Currency::Idr => "Rp",
            Currency::Usd => "$",
            Currency::Eur => "€",
            Currency::Gbp => "£",
            Currency::Myr => "RM",
            Currency::Sgd => "S$",
            Currency::Aud => "A$",
            Currency::Php => "₱",
            Currency::Thb => "฿",
            Currency::Vnd => "₫",
            Currency::Jpy => "¥",
            Currency::Inr => "₹",
        }
    }

    /// A currency from its ISO code, any case (`"idr"`, `"USD"`).
    pub fn from_code(code: &str) -> Option<Currency> {
        let code = code.trim();
        ALL.into_iter()
            .find(|c| c.code().eq_ignore_ascii_case(code))
    }
}

/// Strips a currency mark from the start of `s`: the currency and the rest.
/// A mark of letters must not run on into more letters (`Rpx` is no mark,
/// `RM` in `RMB` neither).
pub fn strip_mark(s: &str) -> Option<(Currency, &str)> {
    for &(mark, currency) in MARKS {
        let Some(head) = s.get(..mark.len()) else {
            continue;
        };
        if head.eq_ignore_ascii_case(mark) {
            let rest = &s[mark.len()..];
            let letters = mark.chars().all(|c| c.is_ascii_alphabetic() || c == '.');
            if letters && rest.starts_with(|c: char| c.is_alphabetic()) {
                continue;
            }
            return Some((currency, rest));
        }
    }
    None
}

/// A currency mark that is the whole of `s` (after a number: `10,50 €`,
/// `29.99 USD`).
pub fn whole_mark(s: &str) -> Option<Currency> {
    let s = s.trim();
    strip_mark(s).and_then(|(c, rest)| rest.trim().is_empty().then_some(c))
}

/// The currency a header names as a whole word or in brackets
/// (`Total Penjualan (IDR)`, `Amount USD`, `Harga (Rp)`), if any.
pub fn in_header(header: &str) -> Option<Currency> {
    header
        .split(|c: char| !(c.is_alphanumeric() || matches!(c, '$' | '€' | '£' | '¥' | '₹')))
        .filter(|w| !w.is_empty())
        .find_map(|w| {
            let m = whole_mark(w)?;
            // `$` inside a word, or a bare `rp` in a longer name, are not enough.
            (w.len() >= 2 || !w.chars().all(|c| c.is_ascii_alphabetic())).then_some(m)
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_before_and_after() {
        assert_eq!(strip_mark("Rp 1.000"), Some((Currency::Idr, " 1.000")));
        assert_eq!(strip_mark("US$5"), Some((Currency::Usd, "5")));
        assert_eq!(strip_mark("$5"), Some((Currency::Usd, "5")));
        assert_eq!(strip_mark("S$5"), Some((Currency::Sgd, "5")));
        assert_eq!(strip_mark("RM 12.90"), Some((Currency::Myr, " 12.90")));
        assert_eq!(strip_mark("€10"), Some((Currency::Eur, "10")));
        assert_eq!(strip_mark("Rpx"), None);
        assert_eq!(strip_mark("RMB 5"), None);
        assert_eq!(whole_mark(" USD"), Some(Currency::Usd));
        assert_eq!(whole_mark("€"), Some(Currency::Eur));
        assert_eq!(whole_mark("juta"), None);
    }

    #[test]
    fn currency_in_headers() {
        assert_eq!(in_header("Total Penjualan (IDR)"), Some(Currency::Idr));
        assert_eq!(in_header("Harga (Rp)"), Some(Currency::Idr));
        assert_eq!(in_header("Amount USD"), Some(Currency::Usd));
        assert_eq!(in_header("Total"), None);
        assert_eq!(in_header("Nama Penerima"), None);
        assert_eq!(Currency::from_code("usd"), Some(Currency::Usd));
        assert_eq!(Currency::from_code("XXX"), None);
    }
}
