//! Any text through `parseTable`, with each locale: no panic, the row
//! accounting holds, and the preview never has more than 20 rows.
#![no_main]

use customer_metrics::api::{self, Value};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    for locale in ["auto", "id", "en"] {
        let input = Value::object([("text", text), ("locale", locale)]);
        if let Ok(t) = api::parse_table(&input) {
            assert_eq!(t.used + t.skipped.len(), t.rows);
            assert!(t.preview.len() <= 20);
            assert!(t.columns.iter().all(|c| c.index < t.columns.len()));
        }
    }
});
