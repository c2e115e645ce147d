//! A log read in blocks of bytes (`AnalyzeStream`: the page's path for big
//! files, the CLI's for files on disk) gives exactly what `analyzeLog` gives
//! for the whole text: every figure, skipped row, line number and notice,
//! whatever the block sizes. The reference is `analyzeLog` itself, today's
//! path, whose figures the other test files check by hand; here the two are
//! compared as JSON, byte for byte.
#![cfg(feature = "analytics")]

mod common;

use common::Rng;
use customer_metrics::api::{self, AnalyzeStream, Encoding, Value};

fn shared(name: &str) -> Vec<u8> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    std::fs::read(dir.join("../shared/data").join(name))
        .or_else(|_| std::fs::read(dir.join("tests").join(name)))
        .unwrap()
}

/// analyzeLog's JSON (result or error) for the whole text.
fn whole(bytes: &[u8], options: &[(&str, Value)]) -> String {
    // As the page reads a file: UTF-8 with replacement characters.
    let text = String::from_utf8_lossy(bytes).into_owned();
    let mut pairs: Vec<(String, Value)> = vec![("text".into(), text.into())];
    pairs.extend(options.iter().map(|(k, v)| (k.to_string(), v.clone())));
    match api::analyze_log(&Value::object(pairs)) {
        Ok(r) => serde_json::to_string(&r).unwrap(),
        Err(e) => serde_json::to_string(&e).unwrap(),
    }
}

/// The same through AnalyzeStream, the bytes cut into blocks of `sizes`
/// (repeated).
fn streamed(bytes: &[u8], options: &[(&str, Value)], sizes: &[usize]) -> String {
    let input = Value::object(options.iter().map(|(k, v)| (k.to_string(), v.clone())));
    let run = || -> customer_metrics::error::Result<String> {
        let mut s = AnalyzeStream::new(&input, Encoding::Utf8Lossy)?;
        for block in blocks(bytes, sizes) {
            s.scan(block)?;
        }
        s.end_scan()?;
        // The second pass cuts the blocks the other way round.
        let reversed: Vec<usize> = sizes.iter().rev().copied().collect();
        for block in blocks(bytes, &reversed) {
            s.read(block)?;
        }
        Ok(serde_json::to_string(&s.finish()?).unwrap())
    };
    run().unwrap_or_else(|e| serde_json::to_string(&e).unwrap())
}

fn blocks<'b>(bytes: &'b [u8], sizes: &[usize]) -> Vec<&'b [u8]> {
    let (mut out, mut at, mut k) = (Vec::new(), 0, 0);
    while at < bytes.len() {
        let n = sizes[k % sizes.len()].max(1).min(bytes.len() - at);
        out.push(&bytes[at..at + n]);
        at += n;
        k += 1;
    }
    out
}

fn random_sizes(seed: u64, most: usize) -> Vec<usize> {
    let mut rng = Rng(seed);
    (0..97)
        .map(|_| 1 + (rng.unit() * most as f64) as usize)
        .collect()
}

fn same_every_way(name: &str, bytes: &[u8], options: &[(&str, Value)], small: bool) {
    let expected = whole(bytes, options);
    let mut ways: Vec<Vec<usize>> = vec![
        vec![bytes.len().max(1)],
        vec![4096],
        vec![65_536 + 13],
        vec![1 << 20],
        random_sizes(bytes.len() as u64, 200_000),
    ];
    if small {
        ways.push(vec![1]);
        ways.push(vec![7, 1, 300]);
    } else {
        ways.push(random_sizes(7, 5_000));
    }
    for sizes in ways {
        let got = streamed(bytes, options, &sizes);
        assert!(
            got == expected,
            "{name}, blocks {:?}…: the streamed result differs from analyzeLog's\nfirst difference at byte {}",
            &sizes[..sizes.len().min(3)],
            got.bytes()
                .zip(expected.bytes())
                .position(|(a, b)| a != b)
                .unwrap_or(got.len().min(expected.len()))
        );
    }
}

#[test]
fn the_shared_logs_stream_as_they_read_whole() {
    // transaksi_toko.csv: BOM, CRLF, two date styles, a refund, three broken rows.
    same_every_way(
        "transaksi_toko.csv",
        &shared("transaksi_toko.csv"),
        &[],
        true,
    );
    // CDNOW: no header, columns by runs of spaces, 6,919 rows (larger than the
    // head the stream reads before deciding the columns).
    same_every_way(
        "CDNOW_sample.txt",
        &shared("CDNOW_sample.txt"),
        &[("asOf", "1998-07-01".into())],
        false,
    );
}

#[test]
fn store_exports_stream_as_they_read_whole() {
    for name in [
        "lazada.csv",
        "pos.csv",
        "shopee.csv",
        "shopify.csv",
        "tiktok_shop.csv",
        "tokopedia.csv",
        "woocommerce_analytics.csv",
        "woocommerce_orders.csv",
    ] {
        let bytes = shared(&format!("fixtures/exports/{name}"));
        same_every_way(name, &bytes, &[], true);
    }
}

/// A messy store export of `orders` orders: title rows, a header repeated
/// halfway, orders of several lines (the total on each), statuses,
/// walk-in sales, a line of an order far from its other lines, notes
/// quoted with `;`, `""` and line breaks inside, two
/// date styles, `Rp` amounts, a broken row and a total row at the end.
fn messy_export(orders: usize, seed: u64, newline: &str) -> String {
    let mut rng = Rng(seed);
    let header = "No. Pesanan;Tanggal;Nama Pembeli;Produk;Total;Status;Catatan";
    let mut out = format!("Laporan Penjualan Toko Sari{newline}Periode: 2024 - 2025{newline}{newline}{header}{newline}");
    let names = [
        "Sari",
        "budi santoso",
        "BUDI SANTOSO",
        "Ani",
        "Dedi",
        "Umum",
        "Rina Wati",
        "Joko",
    ];
    let statuses = [
        "Selesai",
        "Selesai",
        "Selesai",
        "Dibatalkan",
        "Dikirim",
        "Diproses gudang",
    ];
    let mut total = 0u64;
    for k in 0..orders {
        let customer = if rng.unit() < 0.7 {
            format!("Pelanggan {}", (rng.unit() * 3000.0) as usize)
        } else {
            names[(rng.unit() * names.len() as f64) as usize].to_string()
        };
        let (day, month) = (
            1 + (rng.unit() * 28.0) as u32,
            1 + (rng.unit() * 12.0) as u32,
        );
        let year = 2024 + (k * 2 / orders) as u32;
        let date = if rng.unit() < 0.8 {
            format!("{day:02}/{month:02}/{year}")
        } else {
            let months = [
                "Januari",
                "Februari",
                "Maret",
                "April",
                "Mei",
                "Juni",
                "Juli",
                "Agustus",
                "September",
                "Oktober",
                "November",
                "Desember",
            ];
            format!("{day} {} {year}", months[month as usize - 1])
        };
        let amount = 1000 * (5 + (rng.unit() * 2000.0) as u64);
        let shown = if rng.unit() < 0.5 {
            format!("Rp {}", dotted(amount))
        } else {
            amount.to_string()
        };
        let status = statuses[(rng.unit() * statuses.len() as f64) as usize];
        let lines = 1 + (rng.unit() * 3.0) as usize;
        for l in 0..lines {
            let note = match (rng.unit() * 10.0) as u32 {
                0 => format!("\"kirim pagi; jangan{newline}dibanting\""),
                1 => "\"pipa 3/4\"\" biru\"".to_string(),
                2 => "pipa 1/2\" putih".to_string(),
                _ => String::new(),
            };
            out.push_str(&format!(
                "INV/{k:06};{date};{customer};Produk {l};{shown};{status};{note}{newline}"
            ));
        }
        if status != "Dibatalkan" {
            total += amount;
        }
        if k == orders / 3 {
            // A line of an early order, far from its other lines.
            out.push_str(&format!(
                "INV/000005;01/01/2024;Sari;Produk 9;Rp 10.000;Selesai;{newline}"
            ));
        }
        if k == orders / 2 {
            out.push_str(&format!("{header}{newline}"));
            out.push_str(&format!(
                "INV/X;besok;Sari;Produk;Rp 10.000;Selesai;{newline}"
            ));
        }
    }
    out.push_str(&format!("Total;;;;{};;{newline}", dotted(total)));
    out
}

fn dotted(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push('.');
        }
        out.push(c);
    }
    out
}

#[test]
fn a_messy_export_streams_as_it_reads_whole() {
    // About 40,000 rows (2.6 MB): many pieces, the head read from a first
    // block that does not yet hold the 5,000 rows it needs.
    let text = messy_export(20_000, 11, "\r\n");
    assert!(text.len() > 2_000_000);
    same_every_way("messy export (CRLF)", text.as_bytes(), &[], false);
    let options = [
        ("countStatuses", Value::List(vec!["Diproses gudang".into()])),
        ("granularity", "week".into()),
    ];
    same_every_way("messy export, options", text.as_bytes(), &options, false);
}

#[test]
fn old_mac_line_endings_and_bad_bytes_stream_as_they_read_whole() {
    // Excel for Mac's "CSV (Macintosh)" ends lines with a lone CR.
    let text = messy_export(3_000, 5, "\r");
    same_every_way("messy export (CR)", text.as_bytes(), &[], false);
    // Bytes that are not UTF-8 (a Windows-1252 "é") are replaced alike.
    let mut bytes = messy_export(200, 3, "\n").into_bytes();
    let at = bytes.len() / 2;
    bytes.splice(at..at, [0xe9, 0x80]);
    same_every_way("bad bytes", &bytes, &[], true);
}

#[test]
fn bad_logs_fail_alike() {
    for (name, text) in [
        ("empty", ""),
        ("blank lines", "\n\n\r\n"),
        ("no amount column", "Nama;Tanggal\nSari;01/01/2025\n"),
        (
            "no usable row",
            "Nama;Tanggal;Total\nSari;besok;Rp 10.000\n",
        ),
        (
            "unterminated quote",
            "Nama;Tanggal;Total\nSari;01/01/2025;\"10.000\nBudi;02/01/2025;5.000\n",
        ),
    ] {
        same_every_way(name, text.as_bytes(), &[], true);
    }
    // A line of more than 1,000 columns, far down a big log: the same error
    // naming the same line.
    let mut text = messy_export(5_000, 2, "\n");
    text.push_str(&";".repeat(1_500));
    text.push('\n');
    same_every_way("too many columns", text.as_bytes(), &[], false);
    let e = streamed(text.as_bytes(), &[], &[65_536]);
    assert!(e.contains("tooManyColumns"), "{e}");
}

#[test]
fn the_stream_refuses_text_and_steps_out_of_order() {
    let new = |input: Value| AnalyzeStream::new(&input, Encoding::Utf8);
    let e = new(Value::object([("text", "a;b")])).err().unwrap();
    assert_eq!(e.field.as_deref(), Some("text"));
    // Options are checked before any block.
    assert!(new(Value::object([("method", "nonsense")])).is_err());
    let mut s = new(Value::object::<&str, Value>([])).unwrap();
    assert!(s.read(b"Nama;Tanggal;Total\n").is_err());
    s.scan(b"Nama;Tanggal;Total\nSari;01/01/2025;10000\n")
        .unwrap();
    s.end_scan().unwrap();
    assert!(s.scan(b"more").is_err());
}

#[test]
fn the_messy_export_is_read_as_meant() {
    // Guards the comparisons above against comparing two failures: the
    // generated export reads into customers, with the skipped rows expected.
    let text = messy_export(20_000, 11, "\r\n");
    let json = whole(text.as_bytes(), &[]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(
        v["layout"],
        serde_json::Value::Null,
        "{}",
        &json[..300.min(json.len())]
    );
    assert!(
        v["customers"].as_u64().unwrap() > 2900,
        "{}",
        v["customers"]
    );
    let codes: Vec<&str> = v["skipped"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["code"].as_str().unwrap())
        .collect();
    for code in [
        "repeatedHeader",
        "totalRow",
        "statusNotCounted",
        "invalidDate",
    ] {
        assert!(
            codes.contains(&code),
            "{code} among {:?}",
            &codes[..10.min(codes.len())]
        );
    }
    assert_eq!(v["titleRows"], 2);
}

#[test]
fn a_windows_1252_file_streams_as_its_decoded_text_reads_whole() {
    // Strict UTF-8 refuses it (naming the line), Windows-1252 reads it as the
    // page's TextDecoder("windows-1252") would: "José" with é = 0xE9.
    let text = messy_export(2_000, 9, "\r\n").replace("Dedi", "José");
    let latin: Vec<u8> = text
        .chars()
        .map(|c| if c == 'é' { 0xe9 } else { c as u8 })
        .collect();
    let input = Value::object::<&str, Value>([]);
    let mut s = AnalyzeStream::new(&input, Encoding::Utf8).unwrap();
    let e = s.scan(&latin).and_then(|_| s.end_scan()).unwrap_err();
    assert_eq!(e.code.as_str(), "notUtf8");
    let first = text.find("José").unwrap();
    assert_eq!(e.row, Some(1 + text[..first].matches("\r\n").count()));
    let mut s = AnalyzeStream::new(&input, Encoding::Windows1252).unwrap();
    for block in blocks(&latin, &[10_000]) {
        s.scan(block).unwrap();
    }
    s.end_scan().unwrap();
    for block in blocks(&latin, &[7_777]) {
        s.read(block).unwrap();
    }
    let got = serde_json::to_string(&s.finish().unwrap()).unwrap();
    assert!(got.contains("José"));
    assert_eq!(got, whole(text.as_bytes(), &[]));
}

#[test]
fn ids_repeated_apart_in_a_log_of_one_row_an_order_stream_as_they_read_whole() {
    // Each row an order (no id repeats on adjacent rows), but 500 ids come
    // back far down the log: read whole (ids not tracked) and streamed (ids
    // tracked, each row marked as sharing its id or not) the summary must
    // count every such id once per customer, and every figure agree.
    let mut text = String::from("Faktur;Tanggal;Pelanggan;Total\n");
    let mut rng = Rng(17);
    for k in 0..3_000u32 {
        let id = if k >= 2_500 { k - 2_500 } else { k };
        let customer = id % 400;
        let day = 1 + (rng.unit() * 28.0) as u32;
        let amount = 1_000 * (1 + (rng.unit() * 90.0) as u32);
        text.push_str(&format!(
            "F{id};{day:02}/0{}/2025;C{customer};{amount}\n",
            1 + k % 6
        ));
    }
    let json = whole(text.as_bytes(), &[]);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    // By hand: 2,500 distinct ids over 400 customers (id % 400).
    let orders: u64 = v["rfm"]["customers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["frequency"].as_u64().unwrap())
        .sum();
    assert_eq!(orders, 2_500);
    same_every_way("ids repeated apart", text.as_bytes(), &[], false);
}
