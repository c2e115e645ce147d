//! Any bytes through `readWorkbook`, as every sheet by position: no panic, and
//! when a sheet is read, its text has exactly `rows` lines and names a sheet
//! of the workbook. Seeded with the fixtures of tests/fixtures/xlsx/ (copied to
//! corpus/workbook/), so that the fuzzer mutates real zips and compound files.
#![no_main]

use customer_metrics::input::workbook::{read_workbook, SheetRef};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(first) = read_workbook(data, None) else { return };
    assert!(first.sheets.contains(&first.sheet));
    for i in 0..first.sheets.len().min(4) {
        if let Ok(w) = read_workbook(data, Some(SheetRef::Index(i))) {
            let lines = w.text.matches('\n').count();
            // Quoted cells may hold line breaks; otherwise lines == rows.
            assert!(lines >= w.rows, "{lines} lines, {} rows", w.rows);
            assert_eq!(w.text.is_empty(), w.rows == 0);
        }
    }
});
