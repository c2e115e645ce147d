//! The input engine on every sample of ../shared/data (as exported, traps
//! included): roles, kinds, notations, values, and every deliberately broken
//! row skipped with its line number and reason (shared/data/README.md).
#![cfg(feature = "tables")]

use customer_metrics::api::{self, PreviewValue, Value};

fn shared(name: &str) -> String {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/data")
        .join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn parse(text: &str, extra: &[(&str, Value)]) -> api::ParsedTable {
    let mut pairs = vec![("text", Value::from(text))];
    pairs.extend(extra.iter().cloned());
    api::parse_table(&Value::object(pairs)).unwrap()
}

fn roles(t: &api::ParsedTable) -> Vec<Option<&str>> {
    t.columns.iter().map(|c| c.role).collect()
}

fn notation_json(t: &api::ParsedTable, i: usize) -> String {
    // The notation as the API returns it, compared through its Debug form.
    format!("{:?}", t.columns[i].notation)
}

#[test]
fn the_shop_log() {
    // transaksi_toko.csv: BOM, CRLF, `;`, `Rp 892.000` / `Rp811.000,00` /
    // `530.000`, dates `01/01/2024` and `1 Januari 2024`, blank lines.
    // 2,944 data rows; the last three are broken (lines 2974–2976).
    let t = parse(&shared("transaksi_toko.csv"), &[]);
    assert_eq!(t.delimiter, "semicolon");
    assert!(t.has_header);
    assert_eq!(
        roles(&t),
        [
            Some("orderId"),
            Some("date"),
            Some("customer"),
            Some("amount")
        ]
    );
    assert!(notation_json(&t, 1).contains("DayFirst") && notation_json(&t, 1).contains("Values"));
    assert!(
        notation_json(&t, 3).contains("decimal_mark: ','")
            && notation_json(&t, 3).contains("Values")
    );
    assert_eq!((t.rows, t.used), (2944, 2941));
    let skipped: Vec<(usize, &str)> = t.skipped.iter().map(|s| (s.row, s.code.as_str())).collect();
    assert_eq!(
        skipped,
        [
            (2974, "invalidDate"),
            (2975, "emptyValue"),
            (2976, "invalidAmount")
        ]
    );
    assert!(
        t.skipped[0].reason.contains("31/02/2025"),
        "{}",
        t.skipped[0].reason
    );
    assert!(
        t.skipped[2].reason.contains("gratis"),
        "{}",
        t.skipped[2].reason
    );
    // First rows: line 2 `INV-2500;01/01/2024;Indah Sari ;Rp 892.000`, line 3
    // is blank, line 4 `INV-2023;1 Januari 2024;Eko Lestari 28;Rp811.000,00`.
    assert_eq!(t.preview[0].row, 2);
    assert_eq!(
        t.preview[0].values,
        [
            PreviewValue::Text("INV-2500".into()),
            PreviewValue::Text("2024-01-01".into()),
            PreviewValue::Text("Indah Sari".into()),
            PreviewValue::Number(892_000.0)
        ]
    );
    assert_eq!(t.preview[1].row, 4);
    assert_eq!(
        t.preview[1].values[1],
        PreviewValue::Text("2024-01-01".into())
    );
    assert_eq!(t.preview[1].values[3], PreviewValue::Number(811_000.0));
    assert_eq!(t.preview[2].values[3], PreviewValue::Number(530_000.0)); // `530.000`
    assert_eq!(t.preview.len(), 20);
}

#[test]
fn the_google_forms_export() {
    // survei_nps.tsv: timestamp, the 0–10 answer, a reason. The timestamp is
    // a date column (day first, decided by values such as 13/05/2025).
    let t = parse(&shared("survei_nps.tsv"), &[]);
    assert_eq!(t.delimiter, "tab");
    assert_eq!(roles(&t)[..2], [Some("date"), Some("score")]);
    assert_eq!(
        t.columns[1].kind,
        customer_metrics::input::columns::Kind::Number
    );
    assert_eq!(t.rows, 414);
    // Row 415 has no answer (empty, not a reason to skip here, as the score
    // is not required by parseTable); row 416's 11 is still a number.
    assert_eq!(t.preview[0].values[1], PreviewValue::Number(8.0));
}

#[test]
fn the_ces_column_and_the_ticket_log() {
    let t = parse(&shared("survei_ces.txt"), &[]);
    assert_eq!(
        (t.delimiter, t.has_header, t.rows, t.used),
        ("none", true, 180, 180)
    );
    assert_eq!(roles(&t), [Some("score")]);

    // tiket_cs.csv: quoted notes with `,`, `;`, `""` and newlines.
    let t = parse(&shared("tiket_cs.csv"), &[]);
    assert_eq!(t.delimiter, "comma");
    assert_eq!(t.rows, 640);
    assert_eq!(t.used, 640);
    assert_eq!(
        roles(&t),
        [
            Some("orderId"),
            Some("date"),
            Some("group"),
            None,
            Some("resolved"),
            Some("contacts"),
            None
        ]
    );
    // T-5000's note spans lines 2–3; T-5001 starts on line 4.
    assert_eq!(
        t.preview[0].values[6],
        PreviewValue::Text("Salah kirim;\nganti barang".into())
    );
    assert_eq!(t.preview[1].row, 4);
    assert_eq!(t.preview[1].values[4], PreviewValue::Bool(true));
    assert_eq!(
        t.preview[1].values[6],
        PreviewValue::Text("Tanya \"stok\", sudah dijawab".into())
    );
}

#[test]
fn the_cdnow_files() {
    // CDNOW_sample.txt: no header, runs of spaces with a leading space, CRLF:
    // master id, sample id, YYYYMMDD, CDs, dollars. 6,919 purchases.
    let t = parse(&shared("CDNOW_sample.txt"), &[]);
    assert_eq!(
        (t.delimiter, t.has_header, t.rows, t.used),
        ("spaces", false, 6919, 6919)
    );
    assert_eq!(
        roles(&t),
        [Some("customer"), None, Some("date"), None, Some("amount")]
    );
    assert!(notation_json(&t, 4).contains("decimal_mark: '.'"));
    assert_eq!(
        t.preview[0].values[2],
        PreviewValue::Text("1997-01-01".into())
    );
    assert_eq!(t.preview[0].values[4], PreviewValue::Number(29.33));

    let t = parse(
        &shared("cdnow_customers_summary_with_transactions.csv"),
        &[],
    );
    assert_eq!((t.delimiter, t.has_header, t.rows), ("comma", true, 2357));
}

#[test]
fn mapping_and_locale_change_the_reading() {
    let text = "a;b;c\nSari;01/02/2025;1.250\nBudi;03/04/2025;2.500\n";
    // Nothing in the values decides: Indonesian reading by default.
    let t = parse(
        text,
        &[(
            "columns",
            Value::object([("customer", 0), ("date", 1), ("amount", 2)]),
        )],
    );
    assert_eq!(
        t.preview[0].values[1],
        PreviewValue::Text("2025-02-01".into())
    );
    assert_eq!(t.preview[0].values[2], PreviewValue::Number(1250.0));
    let t = parse(
        text,
        &[
            (
                "columns",
                Value::object([("customer", 0), ("date", 1), ("amount", 2)]),
            ),
            ("locale", Value::from("en")),
        ],
    );
    assert_eq!(
        t.preview[0].values[1],
        PreviewValue::Text("2025-01-02".into())
    );
    assert_eq!(t.preview[0].values[2], PreviewValue::Number(1.25));
    let e = api::parse_table(&Value::object([
        ("text", Value::from(text)),
        ("columns", Value::object([("tanggal", 1)])),
    ]))
    .unwrap_err();
    assert_eq!(e.code, "unknownField");
}
