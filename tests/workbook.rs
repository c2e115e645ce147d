//! The workbook reader (`readWorkbook`) on the fixtures of tests/fixtures/xlsx/
//! (made by scripts/make-xlsx-fixtures.py): the exact text of each, written here
//! by hand from the values the script puts in the cells; row numbering with
//! title rows; the choice of sheet; bad files. Then the text through the sales
//! log and NPS functions, as the page does.
#![cfg(feature = "xlsx")]

use customer_metrics::api::{self, Value};
use customer_metrics::input::workbook::{read_workbook, SheetRef};

fn fixture(name: &str) -> Vec<u8> {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/xlsx")
        .join(name);
    std::fs::read(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// `bytes` refused as `invalidSpreadsheet`, the message saying `says`.
#[track_caller]
fn assert_refused(bytes: &[u8], says: &str) {
    let e = read_workbook(bytes, None).unwrap_err();
    assert_eq!(e.code, "invalidSpreadsheet");
    assert!(e.message.contains(says), "{}", e.message);
}

const SHOPEE: &str = "\
No. Pesanan\tStatus Pesanan\tWaktu Pesanan Dibuat\tUsername (Pembeli)\tNama Produk\tTotal Pembayaran
250105ABC001\tSelesai\t2025-01-05 09:15:00\tbudi.s\tKopi Arabika 250g\t125000
250112ABC002\tSelesai\t2025-01-12 14:30:00\tsari_ayu\tTeh Melati\t45500
250118ABC003\tSelesai\t2025-01-18 20:05:00\tandi99\tKopi Robusta 1kg\t300000
250125ABC004\tSelesai\t2025-01-25 11:00:00\tdewi.lestari\tGula Aren\t60000
250203ABC005\tSelesai\t2025-02-03 08:45:00\tbudi.s\tKopi Arabika 250g\t125000
250210ABC006\tSelesai\t2025-02-10 16:20:00\tsari_ayu\tTeh Melati\t91000
250214ABC007\tSelesai\t2025-02-14 19:00:00\trina_m\tKopi Gayo\t150000
250227ABC009\tBatal\t2025-02-27 12:00:00\t\tKopi Gayo\t0
250228ABC008\tSelesai\t2025-02-28 10:10:00\tbudi.s\tGula Aren\t60000
";

#[test]
fn a_workbook_that_panics_its_reader_is_refused() {
    // xlsb-panic.xlsx (scripts/make-xlsb-panic-fixture.py): an .xlsb body
    // whose one cell names a shared string the workbook lacks; calamine
    // indexes its list unchecked. Natively the panic is caught.
    assert_refused(&fixture("xlsb-panic.xlsx"), "could not follow");
}

#[test]
fn shopee_export_first_sheet_with_data() {
    let w = read_workbook(&fixture("shopee-orders.xlsx"), None).unwrap();
    assert_eq!(w.sheets, ["Orders", "Catatan"]);
    assert_eq!(w.data_sheets, ["Orders", "Catatan"]);
    assert_eq!(w.sheet, "Orders");
    assert_eq!(w.text, SHOPEE);
    assert_eq!(w.rows, 10);
}

#[test]
fn sheet_by_name_or_position() {
    let bytes = fixture("shopee-orders.xlsx");
    let notes =
        "Ekspor pesanan Shopee, Januari–Februari 2025.\nPesanan batal tidak punya pembeli.\n";
    let w = read_workbook(&bytes, Some("Catatan".into())).unwrap();
    assert_eq!(
        (w.sheet.as_str(), w.text.as_str(), w.rows),
        ("Catatan", notes, 2)
    );
    // Case does not matter when no sheet has the exact name.
    assert_eq!(
        read_workbook(&bytes, Some("catatan".into())).unwrap().sheet,
        "Catatan"
    );
    let w = read_workbook(&bytes, Some(SheetRef::Index(1))).unwrap();
    assert_eq!(w.text, notes);
    assert_eq!(
        read_workbook(&bytes, Some(SheetRef::Index(0)))
            .unwrap()
            .text,
        SHOPEE
    );
}

#[test]
fn unknown_sheet_lists_the_sheets() {
    let bytes = fixture("shopee-orders.xlsx");
    let e = read_workbook(&bytes, Some("Pesanan".into())).unwrap_err();
    assert_eq!(e.code, "unknownSheet");
    assert_eq!(e.field.as_deref(), Some("sheet"));
    assert_eq!(
        e.message,
        "The workbook has no sheet \"Pesanan\". Its sheets are: \"Orders\", \"Catatan\"."
    );
    let e = read_workbook(&bytes, Some(SheetRef::Index(2))).unwrap_err();
    assert_eq!(e.code, "unknownSheet");
    assert!(e.message.contains("number 2 (0-based)"), "{}", e.message);
}

#[test]
fn tokopedia_title_rows_keep_their_row_numbers() {
    let w = read_workbook(&fixture("tokopedia-sales.xlsx"), None).unwrap();
    // The first sheet ("Info") is empty: the first with data is read.
    assert_eq!(w.sheets, ["Info", "Laporan Penjualan"]);
    assert_eq!(w.data_sheets, ["Laporan Penjualan"]);
    assert_eq!(w.sheet, "Laporan Penjualan");
    assert_eq!(
        w.text,
        "\
Laporan Penjualan - Toko Kopi Nusantara
Periode: 01-01-2025 s/d 28-02-2025
Nomor Invoice\tTanggal Pembayaran\tNama Pembeli\tNama Produk\tJumlah Produk\tTotal Penjualan (IDR)
INV/20250106/MPL/0001\t2025-01-06\tBudi Santoso\tKopi Arabika 250g\t2\t250000
INV/20250120/MPL/0002\t2025-01-20\tSari Ayu\tTeh Melati\t1\t45500
INV/20250207/MPL/0003\t2025-02-07\tBudi Santoso\tGula Aren\t3\t180000
INV/20250228/MPL/0004\t2025-02-28\tRina M.\tKopi Gayo\t1\t150000.5
"
    );
    assert_eq!(w.rows, 7);
    // The empty sheet, asked for by name: no text, no rows.
    let w = read_workbook(&fixture("tokopedia-sales.xlsx"), Some("Info".into())).unwrap();
    assert_eq!((w.text.as_str(), w.rows), ("", 0));
}

#[test]
fn every_kind_of_cell() {
    let w = read_workbook(&fixture("cells.xlsx"), None).unwrap();
    // Row 1 is empty (a blank line); the columns start at B, the first used one;
    // J2 is an error cell (#N/A): empty; row 3 is empty.
    assert_eq!(
        w.text,
        "\n\
text\t12.5\t1250000\tTRUE\t2025-01-31\t2025-01-31 14:05:09\t08:30:00\t37:30:00\t\t\"tab\there\"\t\"say \"\"hi\"\"\"\t\"line1\nline2\"\t\"\"\"quoted\"\"\"
\n\
-0.25\t\tx
\t0.1\t\t1000000000000000000000
"
    );
    assert_eq!(w.rows, 5);
}

#[test]
fn ods_and_xls() {
    let w = read_workbook(&fixture("orders.ods"), None).unwrap();
    assert_eq!(w.sheets, ["Pesanan", "Lain"]);
    assert_eq!(w.sheet, "Pesanan");
    assert_eq!(
        w.text,
        "Tanggal\tPelanggan\tTotal\tJam\n2025-01-06\tBudi\t250000\t10:30:00\n\n2025-02-07\tSari\t12.5\n"
    );
    assert_eq!(w.rows, 4);
    assert_eq!(
        read_workbook(&fixture("orders.ods"), Some("Lain".into()))
            .unwrap()
            .text,
        "catatan\n"
    );

    let w = read_workbook(&fixture("orders.xls"), None).unwrap();
    assert_eq!(w.sheets, ["Penjualan"]);
    assert_eq!(
        w.text,
        "Tanggal\tPelanggan\tTotal\n2025-01-06\tBudi\t250000\n2025-02-07\tSari\t45500.5\n"
    );
}

#[test]
fn bad_files_are_errors_not_panics() {
    let code = |bytes: &[u8]| read_workbook(bytes, None).unwrap_err().code;
    // Random bytes (a fixed pseudo-random sequence).
    let mut x: u32 = 12345;
    let random: Vec<u8> = (0..5000)
        .map(|_| {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            (x >> 16) as u8
        })
        .collect();
    assert_eq!(code(&random), "invalidSpreadsheet");
    assert_eq!(code(b""), "invalidSpreadsheet");
    // A truncated zip: the first half of a real workbook.
    let shopee = fixture("shopee-orders.xlsx");
    assert_refused(&shopee[..shopee.len() / 2], "damaged or incomplete zip");
    // Every shorter prefix too, and a few damaged copies: never a panic.
    for n in (0..shopee.len()).step_by(97) {
        let _ = read_workbook(&shopee[..n], None);
    }
    for i in (30..shopee.len()).step_by(211) {
        let mut damaged = shopee.clone();
        damaged[i] ^= 0x5a;
        let _ = read_workbook(&damaged, None);
    }
    // A CSV file renamed .xlsx: told apart by its content.
    let e = read_workbook(b"tanggal,pelanggan,total\n2025-01-06,Budi,250000\n", None).unwrap_err();
    assert_eq!(e.code, "invalidSpreadsheet");
    assert!(e.message.contains("text file"), "{}", e.message);
    // A zip that is no workbook.
    let e = read_workbook(b"PK\x05\x06\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0\0", None).unwrap_err();
    assert_eq!(e.code, "invalidSpreadsheet");
    // A password-protected file: plainly said.
    let e = read_workbook(&fixture("protected.ods"), None).unwrap_err();
    assert_eq!(e.code, "passwordProtected");
    assert!(e.message.contains("password"), "{}", e.message);
}

#[test]
fn api_options() {
    let bytes = fixture("shopee-orders.xlsx");
    let w = api::read_workbook(&bytes, &Value::Null).unwrap();
    assert_eq!(w.sheet, "Orders");
    let w = api::read_workbook(&bytes, &Value::object([("sheet", "Catatan")])).unwrap();
    assert_eq!(w.sheet, "Catatan");
    let w = api::read_workbook(&bytes, &Value::object([("sheet", 1)])).unwrap();
    assert_eq!(w.sheet, "Catatan");
    let e = api::read_workbook(&bytes, &Value::object([("sheets", 1)])).unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.field.as_deref()),
        ("unknownField", Some("sheets"))
    );
    let e = api::read_workbook(&bytes, &Value::object([("sheet", 1.5)])).unwrap_err();
    assert_eq!(e.code, "notInteger");
    let e = api::read_workbook(&bytes, &Value::object([("sheet", true)])).unwrap_err();
    assert_eq!(e.code, "wrongType");
    let e = api::read_workbook(b"", &Value::Null).unwrap_err();
    assert_eq!(e.code, "invalidSpreadsheet");
    // The result's JSON shape.
    let json =
        serde_json::to_value(api::read_workbook(&fixture("orders.xls"), &Value::Null).unwrap())
            .unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "sheets": ["Penjualan"], "dataSheets": ["Penjualan"], "sheet": "Penjualan",
            "text": "Tanggal\tPelanggan\tTotal\n2025-01-06\tBudi\t250000\n2025-02-07\tSari\t45500.5\n",
            "rows": 3
        })
    );
}

/// The Shopee text analysed as the page does. Figures by hand: 8 orders of 5
/// buyers (row 9, the cancelled order, is not counted: skipped as row 9 of the
/// sheet, for its status); February 2025 against January: S = 4 (budi, sari, andi, dewi),
/// E = 3 (budi, sari, rina), N = 1 (rina) → CRR (3 − 1) / 4 = 50 %.
#[cfg(feature = "analytics")]
#[test]
fn shopee_text_through_the_log_analysis() {
    let w = read_workbook(&fixture("shopee-orders.xlsx"), None).unwrap();
    let a = api::analyze_log(&Value::object([("text", w.text)])).unwrap();
    let json = serde_json::to_value(&a).unwrap();
    assert_eq!(json["rows"], 9);
    assert_eq!(json["used"], 8);
    assert_eq!(json["skipped"][0]["row"], 9);
    assert_eq!(json["skipped"][0]["code"], "statusNotCounted");
    assert_eq!(json["layout"], "shopee");
    assert_eq!(json["customers"], 5);
    let r = &json["retention"];
    assert_eq!(
        (&r["startCustomers"], &r["endCustomers"], &r["newCustomers"]),
        (
            &serde_json::json!(4),
            &serde_json::json!(3),
            &serde_json::json!(1)
        ),
        "{r}"
    );
    assert_eq!(r["retentionRate"], 50.0);
    // Revenue 956,500; the top customer (⌈5 / 5⌉ = 1: budi.s, 310,000) has 32.41 %.
    let clv = &json["clv"];
    assert_eq!(clv["totalRevenue"], 956_500.0);
    let share = clv["pareto"]["topRevenueShare"].as_f64().unwrap();
    assert!(
        (share - 310_000.0 / 956_500.0 * 100.0).abs() < 1e-9,
        "{share}"
    );
}

/// The Tokopedia text: the two title rows above the header (sheet row 3) are
/// not read as data, and the rows keep their sheet numbers (4–7).
#[cfg(feature = "analytics")]
#[test]
fn tokopedia_text_rows_keep_the_sheet_numbers() {
    let w = read_workbook(&fixture("tokopedia-sales.xlsx"), None).unwrap();
    let a = api::analyze_log(&Value::object([("text", w.text)])).unwrap();
    let json = serde_json::to_value(&a).unwrap();
    let skipped: Vec<_> = json["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["row"].as_u64().unwrap())
        .collect();
    assert!(skipped.is_empty(), "{skipped:?}");
    assert_eq!(
        (&json["rows"], &json["used"]),
        (&serde_json::json!(4), &serde_json::json!(4))
    );
    assert_eq!(
        (&json["titleRows"], &json["headerRow"]),
        (&serde_json::json!(2), &serde_json::json!(3))
    );
    assert_eq!(json["firstDate"], "2025-01-06");
    assert_eq!(json["lastDate"], "2025-02-28");
}

/// The Tokopedia report through the log analysis: 3 buyers, 250000 + 45500 +
/// 180000 + 150000.5 = Rp 625,500.5.
#[cfg(feature = "analytics")]
#[test]
fn tokopedia_text_through_the_log_analysis() {
    let w = read_workbook(&fixture("tokopedia-sales.xlsx"), None).unwrap();
    let a = api::analyze_log(&Value::object([("text", w.text)])).unwrap();
    let json = serde_json::to_value(&a).unwrap();
    assert_eq!(json["customers"], 3, "{json}");
    assert_eq!(json["clv"]["totalRevenue"], 625_500.5);
}

/// The Google Forms answers: 10 answers, promoters 10, 9, 9, 10, 9 (5), passives
/// 8, 7 (2), detractors 6, 3, 5 (3) → NPS 50 − 30 = 20.
#[test]
fn nps_answers_from_a_forms_export() {
    let w = read_workbook(&fixture("nps-google-forms.xlsx"), None).unwrap();
    assert_eq!(w.rows, 11);
    let r = api::nps(&Value::object([("text", w.text)])).unwrap();
    let json = serde_json::to_value(&r).unwrap();
    assert_eq!(json["nps"], 20.0, "{json}");
    assert_eq!(json["responses"], 10);
    assert_eq!(json["promoters"]["count"], 5);
    assert_eq!(json["passives"]["count"], 2);
    assert_eq!(json["detractors"]["count"], 3);
    assert_eq!(json["column"]["index"], 1);
}

/// A compound file whose sector chain loops (found by the fuzzer: calamine
/// asked for 4 GB on it): refused before calamine reads it.
#[test]
fn looping_sector_chains_are_refused() {
    let e = read_workbook(&fixture("fuzz-loop.xls"), None).unwrap_err();
    assert_eq!(e.code, "invalidSpreadsheet");
}

/// A compound file cut inside a sector (found by the fuzzer: calamine failed an
/// assertion on the short sector): refused before calamine reads it.
#[test]
fn short_sectors_are_refused() {
    let e = read_workbook(&fixture("fuzz-partial-sector.xls"), None).unwrap_err();
    assert_eq!(e.code, "invalidSpreadsheet");
}

/// An .xls whose Dimensions record claims a huge sheet (the fuzzer's third find):
/// calamine's xls parser reserves room for every claimed cell (here rows
/// 0xFF000000 to 0xFFFFFFFF and columns to 0xFFFF: 16,777,215 × 65,535 cells,
/// 44 TB) before reading any; the process aborted. The claim is now checked
/// before calamine reads the records.
#[test]
fn huge_xls_dimensions_are_refused() {
    assert_refused(
        &fixture("fuzz-xls-dimensions.xls"),
        "damaged Excel 97–2003 file (a sheet claims 16777215 rows × 65535 columns",
    );
}

/// orders.xls with one record of its workbook stream changed in place: the
/// stream (4,096 bytes) fills the file's first eight sectors, so a record's
/// bytes are found by their content. Returns the offset of the record's data.
fn xls_record(bytes: &[u8], head: &[u8]) -> usize {
    let at = bytes
        .windows(head.len())
        .position(|w| w == head)
        .expect("record in orders.xls");
    assert_eq!(
        bytes.windows(head.len()).filter(|w| *w == head).count(),
        1,
        "one such record"
    );
    at + 4
}

/// Dimensions claims checked against the limit of every format (20,000,000
/// cells), whatever the cells are: just above it refused, a modest claim that
/// is wrong (1,000 × 10 for a 3 × 3 sheet) read as before.
#[test]
fn xls_dimensions_claims_against_the_limit() {
    let orders = fixture("orders.xls");
    // Dimensions (0x0200, 14 bytes): rows 0 to 3 (exclusive), columns 0 to 3.
    let dims = xls_record(&orders, &[0x00, 0x02, 0x0E, 0x00, 0, 0, 0, 0, 3, 0, 0, 0]);
    let with = |end_row: u32, end_col: u16| {
        let mut b = orders.clone();
        b[dims + 4..dims + 8].copy_from_slice(&end_row.to_le_bytes());
        b[dims + 10..dims + 12].copy_from_slice(&end_col.to_le_bytes());
        b
    };
    assert_refused(&with(20_000_001, 1), "20000001 rows × 1 columns");
    // 5,000 × 4,001 = 20,005,000 cells.
    let e = read_workbook(&with(5_000, 4_001), None).unwrap_err();
    assert_eq!(e.code, "invalidSpreadsheet");
    let w = read_workbook(&with(1_000, 10), None).unwrap();
    assert_eq!(
        w.text,
        "Tanggal\tPelanggan\tTotal\n2025-01-06\tBudi\t250000\n2025-02-07\tSari\t45500.5\n"
    );
}

/// A sheet said to start past the end of the workbook stream: calamine sliced
/// the stream there unchecked and panicked ("range start index 1048576 out of
/// range for slice of length 4096"); refused first.
#[test]
fn xls_sheet_outside_the_stream_is_refused() {
    let mut orders = fixture("orders.xls");
    // BoundSheet8 (0x0085, 17 bytes): the sheet's offset is its first 4 bytes.
    let at = xls_record(&orders, &[0x85, 0x00, 0x11, 0x00]);
    orders[at..at + 4].copy_from_slice(&0x0010_0000u32.to_le_bytes());
    assert_refused(
        &orders,
        "a sheet is said to start at byte 1048576 of a workbook stream of 4096 bytes",
    );
}

/// orders.xls with its last cell (an RK record: 45500.5 at row 3, column C)
/// moved to `row`, `col` (0-based).
fn orders_with_last_cell_at(row: u16, col: u16) -> Vec<u8> {
    let mut orders = fixture("orders.xls");
    // Rk (0x027E, 10 bytes): row 2, column 2, then the format and the value.
    let at = xls_record(&orders, &[0x7E, 0x02, 0x0A, 0x00, 2, 0, 2, 0]);
    orders[at..at + 2].copy_from_slice(&row.to_le_bytes());
    orders[at + 2..at + 4].copy_from_slice(&col.to_le_bytes());
    orders
}

/// Two cells far apart: calamine holds each .xls sheet as a dense grid from
/// its first row and column with a cell to its last, so a cell moved to row
/// 65,536, column 401 (0-based 400; a column no genuine .xls has) asks for
/// 65,536 × 401 = 26,279,936 cells (about 840 MB natively), over the
/// 20,000,000 limit: refused before calamine reads it.
#[test]
fn far_apart_xls_cells_are_refused() {
    assert_refused(
        &orders_with_last_cell_at(65_535, 400),
        "the cells of sheet 1 lie 65536 rows × 401 columns apart, and the sheets would take \
             room for 26279936 cells, more than the 20000000 a workbook can have here",
    );
    // Moved to the last row and column a cell record can name: 65,536 ×
    // 65,536 cells (137 GB natively; calamine's allocation aborted the process).
    assert_refused(
        &orders_with_last_cell_at(u16::MAX, u16::MAX),
        "65536 rows × 65536 columns apart",
    );
    // Moved to row 5,000, column 100 (0-based 4,999 and 99): 5,000 × 100 cells,
    // read as before, the moved cell on line 5,000 after 99 tabs.
    let w = read_workbook(&orders_with_last_cell_at(4_999, 99), None).unwrap();
    let expected = format!(
        "Tanggal\tPelanggan\tTotal\n2025-01-06\tBudi\t250000\n2025-02-07\tSari\n{}{}45500.5\n",
        "\n".repeat(4_999 - 3),
        "\t".repeat(99)
    );
    assert_eq!(w.text, expected);
    assert_eq!(w.rows, 5_000);
}

/// Sheet records calamine reads unchecked, made from orders.xls's Rk record at
/// 0x07CA (row 3, column A: the date 2025-02-07) by changing its type: as a
/// MulRk (0x00BD) with its column set to 5, its last column (the record's last
/// two bytes, 2) is before its first, and calamine's `last - first + 1`
/// overflows (a panic in a debug build); as a MergeCells (0x00E5) its count
/// (the row, 2) asks for 18 bytes of the record's 10, which calamine indexes
/// past (a panic). Both refused first.
#[test]
fn xls_records_calamine_would_overrun_are_refused() {
    let orders = fixture("orders.xls");
    let at = xls_record(&orders, &[0x7E, 0x02, 0x0A, 0x00, 2, 0, 0, 0]);
    let mut mul_rk = orders.clone();
    mul_rk[at - 4..at - 2].copy_from_slice(&0x00BDu16.to_le_bytes());
    mul_rk[at + 2..at + 4].copy_from_slice(&5u16.to_le_bytes());
    assert_refused(
        &mul_rk,
        "damaged Excel 97–2003 file (a row of numbers runs from column 5 to column 2)",
    );
    let mut merges = orders;
    merges[at - 4..at - 2].copy_from_slice(&0x00E5u16.to_le_bytes());
    assert_refused(
        &merges,
        "damaged Excel 97–2003 file (a list of 2 merged areas is cut short (10 bytes))",
    );
}

/// CRC-32 as zip files use it (the IEEE polynomial, reflected), bit by bit.
fn crc32(bytes: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 != 0 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

/// A zip file of `files`, stored without compression (PKWARE's APPNOTE 4.3:
/// a local header and the data for each file, the central directory, its end).
fn stored_zip(files: &[(&str, &[u8])]) -> Vec<u8> {
    let u16s = |v: &[u16]| -> Vec<u8> { v.iter().flat_map(|x| x.to_le_bytes()).collect() };
    let u32s = |v: &[u32]| -> Vec<u8> { v.iter().flat_map(|x| x.to_le_bytes()).collect() };
    let (mut out, mut central) = (Vec::new(), Vec::new());
    for (name, data) in files {
        let (crc, len) = (crc32(data), u32::try_from(data.len()).unwrap());
        let name_len = u16::try_from(name.len()).unwrap();
        let offset = u32::try_from(out.len()).unwrap();
        // Version 2.0, no flags, stored, time 00:00, date 1980-01-01.
        out.extend(u32s(&[0x0403_4B50]));
        out.extend(u16s(&[20, 0, 0, 0, 0x21]));
        out.extend(u32s(&[crc, len, len]));
        out.extend(u16s(&[name_len, 0]));
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(data);
        central.extend(u32s(&[0x0201_4B50]));
        central.extend(u16s(&[20, 20, 0, 0, 0, 0x21]));
        central.extend(u32s(&[crc, len, len]));
        central.extend(u16s(&[name_len, 0, 0, 0, 0]));
        central.extend(u32s(&[0, offset]));
        central.extend_from_slice(name.as_bytes());
    }
    let count = u16::try_from(files.len()).unwrap();
    let at = u32::try_from(out.len()).unwrap();
    let size = u32::try_from(central.len()).unwrap();
    out.extend(central);
    out.extend(u32s(&[0x0605_4B50]));
    out.extend(u16s(&[0, 0, count, count]));
    out.extend(u32s(&[size, at]));
    out.extend(u16s(&[0]));
    out
}

/// An xlsb record (MS-XLSB 2.1.4): its type and length in 7-bit groups, low
/// first, the high bit saying another follows; then its data.
fn xlsb_record(typ: u16, data: &[u8]) -> Vec<u8> {
    let mut out = if typ < 0x80 {
        vec![typ as u8]
    } else {
        vec![(typ & 0x7F) as u8 | 0x80, (typ >> 7) as u8]
    };
    let mut len = data.len();
    loop {
        let low = (len & 0x7F) as u8;
        len >>= 7;
        if len == 0 {
            out.push(low);
            break;
        }
        out.push(low | 0x80);
    }
    out.extend_from_slice(data);
    out
}

/// An XLWideString: a u32 count of UTF-16 units, then the units.
fn wide(s: &str) -> Vec<u8> {
    let units: Vec<u16> = s.encode_utf16().collect();
    let mut out = u32::try_from(units.len()).unwrap().to_le_bytes().to_vec();
    out.extend(units.iter().flat_map(|u| u.to_le_bytes()));
    out
}

/// An .xlsb workbook of one sheet "Data" holding the numbers `cells` (0-based
/// row, column, value; rows in order), as calamine reads it: workbook.bin
/// (BrtBundleSh naming the sheet's relationship, BrtEndBundleShs, BrtCalcProp),
/// its relationships, and the sheet (BrtBeginSheet, BrtWsDim, BrtBeginSheetData,
/// a BrtRowHdr and a BrtCellReal per cell, BrtEndSheetData).
fn xlsb(cells: &[(u32, u32, f64)]) -> Vec<u8> {
    let mut bundle = [0u32.to_le_bytes(), 1u32.to_le_bytes()].concat();
    bundle.extend(wide("rId1"));
    bundle.extend(wide("Data"));
    let workbook = [
        xlsb_record(0x009C, &bundle),
        xlsb_record(0x0090, &[]),
        xlsb_record(0x009D, &[]),
    ]
    .concat();
    let rels = br#"<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.bin"/></Relationships>"#;
    let last_row = cells.iter().map(|c| c.0).max().unwrap_or(0);
    let last_col = cells.iter().map(|c| c.1).max().unwrap_or(0);
    let dims: Vec<u8> = [0, last_row, 0, last_col]
        .iter()
        .flat_map(|v| v.to_le_bytes())
        .collect();
    let mut sheet = [
        xlsb_record(0x0081, &[]),
        xlsb_record(0x0094, &dims),
        xlsb_record(0x0091, &[]),
    ]
    .concat();
    for &(row, col, value) in cells {
        sheet.extend(xlsb_record(0x0000, &row.to_le_bytes()));
        let mut real = col.to_le_bytes().to_vec();
        real.extend_from_slice(&[0; 4]); // style 0
        real.extend_from_slice(&value.to_le_bytes());
        sheet.extend(xlsb_record(0x0005, &real));
    }
    sheet.extend(xlsb_record(0x0092, &[]));
    stored_zip(&[
        ("xl/workbook.bin", &workbook),
        ("xl/_rels/workbook.bin.rels", rels),
        ("xl/worksheets/sheet1.bin", &sheet),
    ])
}

#[test]
fn xlsb_sheets_are_read() {
    let w = read_workbook(&xlsb(&[(0, 0, 1.0), (2, 1, 2.5)]), None).unwrap();
    assert_eq!(w.sheets, ["Data"]);
    assert_eq!((w.text.as_str(), w.rows), ("1\n\n\t2.5\n", 3));
}

/// Two cells far apart in an .xlsb: A1 and the last cell of Excel's grid (row
/// 1,048,576, column XFD). calamine's range is a dense grid between them,
/// 1,048,576 × 16,384 cells (550 GB natively: the process aborted); the sheet
/// is now streamed cell by cell, as an .xlsx is: the two cells, 1,048,575
/// line breaks apart, the second after 16,383 tabs.
#[test]
fn far_apart_xlsb_cells_are_streamed() {
    let w = read_workbook(&xlsb(&[(0, 0, 1.0), (1_048_575, 16_383, 2.0)]), None).unwrap();
    assert_eq!(w.rows, 1_048_576);
    let expected = format!("1{}{}2\n", "\n".repeat(1_048_575), "\t".repeat(16_383));
    assert!(w.text == expected, "{} bytes", w.text.len());
    // A column beyond XFD: more than a sheet can have.
    let e = read_workbook(&xlsb(&[(0, 0, 1.0), (0, 16_384, 2.0)]), None).unwrap_err();
    assert_eq!(e.code, "tooLarge");
}

/// An .ods file whose content.xml has `tables` as its spreadsheet's body, as
/// calamine reads it: the mimetype, a manifest, the content (stored, not
/// compressed).
fn ods(tables: &str) -> Vec<u8> {
    let manifest = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>"#;
    let content = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>{tables}</office:spreadsheet></office:body></office:document-content>"#
    );
    stored_zip(&[
        (
            "mimetype",
            b"application/vnd.oasis.opendocument.spreadsheet",
        ),
        ("META-INF/manifest.xml", manifest.as_bytes()),
        ("content.xml", content.as_bytes()),
    ])
}

/// A table "S": a 1 in A1, `gap` empty rows (one row element repeated), then
/// a 2 after `skip` empty cells.
fn ods_far_cell(gap: usize, skip: usize) -> Vec<u8> {
    ods(&format!(
        r#"<table:table table:name="S"><table:table-row><table:table-cell office:value-type="float" office:value="1"/></table:table-row><table:table-row table:number-rows-repeated="{gap}"><table:table-cell/></table:table-row><table:table-row><table:table-cell table:number-columns-repeated="{skip}"/><table:table-cell office:value-type="float" office:value="2"/></table:table-row></table:table>"#
    ))
}

/// Two cells far apart in an .ods of about 900 bytes: A1, then 6,000 empty
/// rows, then a cell after 16,383 empty ones. calamine's grid spans 6,002 ×
/// 16,384 = 98,336,768 cells (3 GB natively, copied again when the sheet is
/// asked for), plus the 16,385 cells stored as read (a value and a formula
/// each): refused before calamine reads it. Moved to row 12, column 101 it is
/// read as before.
#[test]
fn far_apart_ods_cells_are_refused() {
    assert_refused(
        &ods_far_cell(6_000, 16_383),
        "the cells of sheet \"S\" lie 6002 rows × 16384 columns apart, and the sheets would \
             take room for 98369538 cells, more than the 20000000 a workbook can have here",
    );
    let w = read_workbook(&ods_far_cell(10, 100), None).unwrap();
    assert_eq!(
        w.text,
        format!("1\n{}{}2\n", "\n".repeat(10), "\t".repeat(100))
    );
    assert_eq!(w.rows, 12);
}

/// A text repeated by the file rather than written out: two billion spaces
/// (`<text:s text:c="2000000000"/>`, calamine pushes them one by one), or a
/// text of 10,000 bytes over 16,384 columns (164 MB as calamine stores the
/// row, again in its grid): refused before calamine builds them.
#[test]
fn repeated_ods_texts_are_refused() {
    let spaces = ods(
        r#"<table:table table:name="S"><table:table-row><table:table-cell office:value-type="string"><text:p>a<text:s text:c="2000000000"/></text:p></table:table-cell></table:table-row></table:table>"#,
    );
    assert_refused(
        &spaces,
        "with sheet \"S\" the sheets would take room for 4000000002 bytes of text",
    );
    let wide = ods(&format!(
        r#"<table:table table:name="S"><table:table-row><table:table-cell table:number-columns-repeated="16384" office:value-type="string"><text:p>{}</text:p></table:table-cell></table:table-row></table:table>"#,
        "x".repeat(10_000)
    ));
    let e = read_workbook(&wide, None).unwrap_err();
    // 16,384 × 10,000 bytes, twice.
    assert!(
        e.message.contains("327680000 bytes of text"),
        "{}",
        e.message
    );
}

/// A content.xml that ends inside a table, or inside a cell's annotation:
/// calamine read past its end for ever (the test hung); refused first.
#[test]
fn ods_content_cut_short_is_refused() {
    let head = r#"<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet><table:table table:name="S"><table:table-row><table:table-cell office:value-type="string">"#;
    let manifest = r#"<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"></manifest:manifest>"#;
    for tail in [
        "<text:p>x</text:p></table:table-cell></table:table-row>",
        "<office:annotation><text:p>x</text:p>",
    ] {
        let content = format!("{head}{tail}");
        let file = stored_zip(&[
            (
                "mimetype",
                b"application/vnd.oasis.opendocument.spreadsheet",
            ),
            ("META-INF/manifest.xml", manifest.as_bytes()),
            ("content.xml", content.as_bytes()),
        ]);
        assert_refused(
            &file,
            "damaged OpenDocument spreadsheet (its content ends inside a sheet)",
        );
    }
}

/// An .xlsx of one sheet "S" whose cells are `cells` (`<c>` elements of row
/// 1), with a shared-strings part holding `strings` and saying it holds
/// `unique_count` (stored, not compressed).
fn xlsx(cells: &str, strings: &[String], unique_count: &str) -> Vec<u8> {
    let root_rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#;
    let workbook = r#"<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>"#;
    let rels = r#"<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>"#;
    let sheet = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1">{cells}</row></sheetData></worksheet>"#
    );
    let items: String = strings
        .iter()
        .map(|s| format!("<si><t>{s}</t></si>"))
        .collect();
    let shared = format!(
        r#"<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="{}" uniqueCount="{unique_count}">{items}</sst>"#,
        strings.len()
    );
    stored_zip(&[
        ("_rels/.rels", root_rels.as_bytes()),
        ("xl/workbook.xml", workbook.as_bytes()),
        ("xl/_rels/workbook.xml.rels", rels.as_bytes()),
        ("xl/worksheets/sheet1.xml", sheet.as_bytes()),
        ("xl/sharedStrings.xml", shared.as_bytes()),
    ])
}

/// calamine reserves room for an xlsx's `uniqueCount` shared strings before
/// reading any: 400,000,000 in a file of 1.5 KB asked for 9.6 GB natively
/// (and overflows in wasm). Above the limit of cells it is refused first; a
/// true count is read as before.
#[test]
fn huge_xlsx_shared_string_counts_are_refused() {
    let cells = r#"<c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>"#;
    let strings = ["Budi".to_string(), "Sari".to_string()];
    let w = read_workbook(&xlsx(cells, &strings, "2"), None).unwrap();
    assert_eq!((w.sheet.as_str(), w.text.as_str()), ("S", "Budi\tSari\n"));
    assert_refused(
        &xlsx(cells, &strings, "400000000"),
        "its list of texts says it holds 400000000 of them, more than the 20000000 cells \
             a workbook can have here",
    );
    // Just above the limit.
    let e = read_workbook(&xlsx(cells, &strings, "20000001"), None).unwrap_err();
    assert_eq!(e.code, "invalidSpreadsheet");
}

/// One shared text can fill many cells of a small file: a text of 1,000,000
/// bytes in 101 cells is 101,000,000 bytes once read, more than a sheet's
/// text can be (100,000,000 bytes): `tooLarge`, before the 101st copy is
/// made; in 10 cells it is read.
#[test]
fn shared_texts_filling_many_cells_are_bounded() {
    let strings = ["x".repeat(1_000_000)];
    let cells = |n: usize| -> String {
        (0..n)
            .map(|i| {
                let col = format!(
                    "{}{}",
                    (b'A' + (i / 26) as u8) as char,
                    (b'A' + (i % 26) as u8) as char
                );
                format!(r#"<c r="{col}1" t="s"><v>0</v></c>"#)
            })
            .collect()
    };
    let e = read_workbook(&xlsx(&cells(101), &strings, "1"), None).unwrap_err();
    assert_eq!(e.code, "tooLarge");
    assert!(
        e.message.contains("more than 100000000 bytes of text"),
        "{}",
        e.message
    );
    let w = read_workbook(&xlsx(&cells(10), &strings, "1"), None).unwrap();
    assert_eq!(w.text.len(), 10 * 1_000_000 + 9 + 1);
}
