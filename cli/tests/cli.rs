//! The `customer-metrics` command, run as a process on small files whose
//! figures are worked out by hand in the comments: each subcommand, the
//! three output formats, standard input, several files, a customer summary,
//! bad input (exit 1, the library's message and code, skipped rows by file
//! and line) and usage errors (exit 2).

use serde_json::Value;
use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn data(name: &str) -> String {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/data");
    dir.join(name).to_string_lossy().into_owned()
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_customer-metrics"))
        .args(args)
        .output()
        .expect("the command runs")
}

fn run_with_stdin(args: &[&str], input: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_customer-metrics"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the command runs");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8(o.stdout.clone()).unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8(o.stderr.clone()).unwrap()
}

/// Runs with `--json`, expects exit 0, returns the result.
fn json(args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.push("--json");
    let o = run(&all);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    serde_json::from_slice(&o.stdout).expect("JSON on stdout")
}

// log.csv, by hand (last date 2025-03-31, so asOf = 2025-04-01):
//   Ani:  purchases 10 Jan 100,000, 1 Mar 200,000, 31 Mar 300,000 → recency 1,
//         3 orders, 600,000 → R 5 (≤ 7), F 2 (≥ 2), M 2 (≥ 500,000):
//         potential loyalists (R ≥ 4, F ≥ 2, M ≥ 2).
//   Budi: purchase 1 Feb 50,000, refund 20 Mar −20,000 → recency 59, 1 order,
//         30,000 → R 3 (≤ 60), F 1, M 1: about to sleep (R = 3).
//   Citra: line 5, "abc" is no amount: skipped (invalidAmount).

#[test]
fn rfm_readable_json_and_csv() {
    let log = data("log.csv");
    let o = run(&["rfm", &log]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let text = stdout(&o);
    assert!(
        text.contains("RFM segments (as of 2025-04-01, fixed scores)"),
        "{text}"
    );
    assert!(text.contains("Potential loyalists"), "{text}");
    assert!(text.contains("Rp 600,000"), "{text}");
    assert!(text.contains("Rows: 5 used of 6 (1 skipped"), "{text}");
    let err = stderr(&o);
    assert!(err.contains("log.csv:5:"), "{err}");
    assert!(err.contains("[invalidAmount]"), "{err}");

    let r = json(&["rfm", &log]);
    assert_eq!(r["asOf"], "2025-04-01");
    let c = &r["customers"];
    assert_eq!(
        (
            &c[0]["customer"],
            &c[0]["recency"],
            &c[0]["frequency"],
            &c[0]["monetary"]
        ),
        (
            &Value::from("Ani"),
            &Value::from(1),
            &Value::from(3),
            &Value::from(600000.0)
        )
    );
    assert_eq!(c[0]["segment"], "potentialLoyalists");
    assert_eq!(
        (&c[1]["recency"], &c[1]["segment"]),
        (&Value::from(59), &Value::from("aboutToSleep"))
    );
    assert_eq!(r["skipped"][0]["row"], 5);

    let o = run(&["rfm", &log, "--csv"]);
    assert_eq!(o.status.code(), Some(0));
    assert_eq!(
        stdout(&o),
        "customer,recency,frequency,monetary,r,f,m,segment\n\
         Ani,1,3,600000.0,5,2,2,potentialLoyalists\n\
         Budi,59,1,30000.0,3,1,1,aboutToSleep\n"
    );
    // --as-of and --method reach the API.
    let r = json(&["rfm", &log, "--as-of", "2025-04-30", "--method", "quintile"]);
    assert_eq!(
        (&r["asOf"], &r["method"]),
        (&Value::from("2025-04-30"), &Value::from("quintile"))
    );
    assert_eq!(r["customers"][0]["recency"], 30);
}

#[test]
fn standard_input_and_several_files_read_as_one_log() {
    let log = std::fs::read(data("log.csv")).unwrap();
    let o = run_with_stdin(&["rfm", "-", "--json"], &log);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let piped: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(
        piped["customers"],
        json(&["rfm", &data("log.csv")])["customers"]
    );
    assert!(stderr(&o).contains("-:5:"), "{}", stderr(&o));

    // The same rows in two files (each with its header): the same figures,
    // the skipped row named by its own file and line, the second header not
    // reported.
    let o = run(&[
        "rfm",
        &data("log-part1.csv"),
        &data("log-part2.csv"),
        "--json",
    ]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let split: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(split["customers"], piped["customers"]);
    let err = stderr(&o);
    assert!(err.contains("log-part2.csv:2:"), "{err}");
    assert!(!err.contains("repeatedHeader"), "{err}");
}

#[test]
fn analyze_retention_and_cohorts() {
    let log = data("log.csv");
    // The last whole month is March 2025, compared with February: Budi
    // bought in February (S = 1), Ani in March (E = 1); she is not new (her
    // first purchase was in January), so N = 0 and CRR = (E − N) / S =
    // 100 %; strictly, nobody of February bought again: 0 %, and Ani is
    // reactivated.
    let a = json(&["analyze", &log]);
    let r = &a["retention"];
    assert_eq!(r["start"], "2025-03-01");
    assert_eq!(
        (&r["startCustomers"], &r["newCustomers"]),
        (&Value::from(1), &Value::from(0))
    );
    assert_eq!(r["retentionRate"], 100.0);
    assert_eq!(r["strictRetentionRate"], 0.0);
    assert_eq!(r["reactivated"], 1);
    assert_eq!(a["customers"], 3 - 1);
    let o = run(&["analyze", &log]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("Retention 2025-03-01 to 2025-03-31"));
    // --period picks another period: February against January (Ani in
    // January, Budi new in February: (1 − 1) / 1 = 0 %).
    let a = json(&["analyze", &log, "--period", "2025-02-01..2025-02-28"]);
    assert_eq!(a["retention"]["previousStart"], "2025-01-01");
    assert_eq!(a["retention"]["newCustomers"], 1);
    assert_eq!(a["retention"]["retentionRate"], 0.0);

    let r = json(&["retention", &log, "--period", "2025-03-01..2025-03-31"]);
    assert_eq!(
        (&r["startCustomers"], &r["endCustomers"]),
        (&Value::from(1), &Value::from(1))
    );

    // Cohorts: Ani's January (bought again in March, not in February) and
    // Budi's February; March is complete (the data end on 31 March).
    let c = json(&["cohorts", &log]);
    assert_eq!(c["cohorts"][0]["cohort"], "2025-01");
    assert_eq!(
        c["cohorts"][0]["cells"],
        serde_json::json!([100.0, 0.0, 100.0])
    );
    assert_eq!(c["cohorts"][1]["size"], 1);
}

#[test]
fn clv_lifecycle_and_the_quick_clv() {
    let log = data("log.csv");
    // Net revenue 600,000 + 30,000 = 630,000 over 4 orders: AOV 157,500.
    let c = json(&["clv", &log]);
    assert_eq!(c["totalRevenue"], 630000.0);
    assert_eq!(c["totalOrders"], 4);
    assert_eq!(c["averageOrderValue"], 157500.0);
    let o = run(&["clv", &log, "--csv"]);
    assert!(stdout(&o).starts_with("customer,historicalValue,refunded,orders"));
    assert!(
        stdout(&o).contains("Budi,30000.0,20000.0,1,"),
        "{}",
        stdout(&o)
    );
    // 100 × 4 a year × 3 years = 1,200.
    let q = json(&[
        "clv",
        "--aov",
        "100",
        "--purchases-per-year",
        "4",
        "--lifespan-years",
        "3",
    ]);
    assert_eq!(q["clv"], 1200.0);

    // As of 1 April: Ani last bought 1 day ago, Budi 59 days ago: both
    // active (≤ 90 days); Ani's first purchase was 81 days ago.
    let l = json(&["lifecycle", &log]);
    assert_eq!(l["customers"][0]["daysSinceFirstPurchase"], 81);
    let active = l["stages"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["key"] == "active")
        .unwrap();
    assert_eq!(active["count"], 2);
    let o = run(&["lifecycle", &log, "--csv"]);
    assert!(
        stdout(&o).contains("Ani,81,1,600000.0,active,"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn a_customer_summary_gives_the_figures_of_its_log() {
    // customers.csv is log.csv summarised (docs/sql): the same RFM, CLV and
    // lifecycle figures, recognised by its header.
    let from_log = json(&["rfm", &data("log.csv")]);
    let from_summary = json(&["rfm", &data("customers.csv")]);
    for key in ["asOf", "customers", "segments"] {
        assert_eq!(from_log[key], from_summary[key], "{key}");
    }
    let from_log = json(&["clv", &data("log.csv")]);
    let from_summary = json(&["clv", &data("customers.csv")]);
    assert_eq!(from_log["customers"], from_summary["customers"]);
    // analyze, retention and cohorts need the rows.
    for command in ["analyze", "cohorts"] {
        let o = run(&[command, &data("customers.csv")]);
        assert_eq!(o.status.code(), Some(1));
        assert!(stderr(&o).contains("summary table"), "{}", stderr(&o));
    }
    // lifecycle from the summary: as from the log.
    let from_log = json(&["lifecycle", &data("log.csv")]);
    let from_summary = json(&["lifecycle", &data("customers.csv")]);
    assert_eq!(from_log["customers"], from_summary["customers"]);
}

#[test]
fn predict_on_the_cdnow_summary() {
    // The CDNOW summary (2,357 customers, weeks): BG/NBD r = 0.243,
    // α = 4.414, a = 0.793, b = 2.426 (Fader, Hardie & Lee 2005).
    let cdnow = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/data/cdnow_customers_summary_with_transactions.csv");
    let cdnow = cdnow.to_string_lossy().into_owned();
    let p = json(&["predict", &cdnow]);
    let round = |v: &Value| (v.as_f64().unwrap() * 1000.0).round() / 1000.0;
    assert_eq!(round(&p["params"]["r"]), 0.243);
    assert_eq!(round(&p["params"]["alpha"]), 4.414);
    assert_eq!(round(&p["params"]["a"]), 0.793);
    assert_eq!(round(&p["params"]["b"]), 2.426);
    assert_eq!(p["totals"]["customers"], 2357);
    let o = run(&["predict", &cdnow, "--csv", "--horizon-months", "6"]);
    assert_eq!(o.status.code(), Some(0));
    let csv = stdout(&o);
    assert!(csv.starts_with("customer,frequency,recency,T,monetarySpend,pAlive,"));
    assert_eq!(csv.lines().count(), 1 + 2357);
    let o = run(&["predict", &cdnow]);
    assert!(stdout(&o).contains("r, alpha, a, b"), "{}", stdout(&o));
}

#[test]
fn surveys_tickets_and_counts() {
    // nps.csv: 10, 9 promoters; 8, 7 passives; 6, 0 detractors → NPS 0;
    // 11 (line 8) is off the scale.
    let o = run(&["nps", &data("nps.csv")]);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("NPS                            0"),
        "{}",
        stdout(&o)
    );
    assert!(stderr(&o).contains("nps.csv:8:"), "{}", stderr(&o));
    assert!(stderr(&o).contains("[scoreOutOfRange]"));
    // Counts: (50 − 20) / 100 → 30.
    let n = json(&[
        "nps",
        "--promoters",
        "50",
        "--passives",
        "30",
        "--detractors",
        "20",
    ]);
    assert_eq!(n["nps"], 30.0);
    // An .xlsx file: the Google Forms answers (tests/workbook.rs: NPS 20).
    let forms = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../tests/fixtures/xlsx/nps-google-forms.xlsx");
    let n = json(&["nps", &forms.to_string_lossy()]);
    assert_eq!(n["nps"], 20.0);

    // CES 7, 6, 5, 2 on 1–7: mean 5; easy (5–7) 3 of 4 = 75 %.
    let c = json(&["ces", &data("ces.csv")]);
    assert_eq!(
        (&c["ces"], &c["easyPercent"]),
        (&Value::from(5.0), &Value::from(75.0))
    );
    // CSAT 5, 4, 3, 1 on 1–5: satisfied (4–5) 2 of 4 = 50 %.
    let c = json(&["csat", &data("csat.csv")]);
    assert_eq!(c["csat"], 50.0);
    // FCR: 3 of 4 tickets resolved = 75 %; WA 1 of 2, Email 2 of 2.
    let f = json(&["fcr", &data("tickets.csv"), "--group-by", "Kanal"]);
    assert_eq!(f["fcr"], 75.0);
    assert_eq!(f["groups"].as_array().unwrap().len(), 2);
    let f = json(&["fcr", "--resolved", "7", "--total", "10"]);
    assert_eq!(f["fcr"], 70.0);
    // CRR: (1,100 − 200) / 1,000 = 90 %.
    let o = run(&["crr", "--start", "1000", "--end", "1100", "--new", "200"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("90.0 %"), "{}", stdout(&o));
}

#[test]
fn bad_input_exits_1_with_the_library_message_and_code() {
    // No amount column.
    let o = run(&["rfm", &data("no-amount.csv")]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("[missingColumn"), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
    // A date option that is no date.
    let o = run(&["rfm", &data("log.csv"), "--as-of", "2025-13-01"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("[invalidDate, field asOf]"),
        "{}",
        stderr(&o)
    );
    // Every row skipped: the error, then each row by its line.
    let o = run_with_stdin(
        &["rfm", "-"],
        b"Pelanggan,Tanggal,Jumlah\nA,2025-02-30,1000\nB,2025-02-31,2000\n",
    );
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    assert!(err.contains("[noUsableRows"), "{err}");
    assert!(err.contains("-:2:") && err.contains("-:3:"), "{err}");
    // CRR: no customers at the start.
    let o = run(&["crr", "--start", "0", "--end", "1", "--new", "0"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("[startNotPositive"), "{}", stderr(&o));
    // A file that is not there.
    let o = run(&["rfm", "no-such-file.csv"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stderr(&o).contains("cannot read no-such-file.csv"),
        "{}",
        stderr(&o)
    );
    // A text file named .xlsx is no spreadsheet.
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let fake = dir.join("fake.xlsx");
    std::fs::write(&fake, "Skor\n9\n").unwrap();
    let o = run(&["nps", &fake.to_string_lossy()]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("[invalidSpreadsheet"), "{}", stderr(&o));
    // A crafted workbook on which calamine panics (an .xlsb body naming a
    // shared string it lacks; scripts/make-xlsb-panic-fixture.py): refused
    // as unreadable, exit 1, not a crash (exit 101).
    let crafted =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../tests/fixtures/xlsx/xlsb-panic.xlsx");
    let o = run(&["rfm", &crafted.to_string_lossy()]);
    assert_eq!(o.status.code(), Some(1), "{}", stderr(&o));
    assert!(stderr(&o).contains("[invalidSpreadsheet"), "{}", stderr(&o));
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["bogus"][..],
        &["rfm", "--bogus"],
        &["crr", "--start", "10"],
        &["retention", "log.csv"],
        &["crr", "--start", "ten", "--end", "1", "--new", "0"],
        &["rfm", "--json", "--csv", "log.csv"],
        &["rfm"],
    ] {
        let o = run(args);
        assert_eq!(o.status.code(), Some(2), "{args:?}: {}", stderr(&o));
        assert!(o.stdout.is_empty(), "{args:?}");
    }
    // --csv where there is no per-customer table.
    let o = run(&["nps", &data("nps.csv"), "--csv"]);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("--csv writes"), "{}", stderr(&o));
    let o = run(&["--help"]);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("Exit codes"));
}

#[test]
fn analyze_streams_a_file_with_the_same_result() {
    // `--stream` reads the file in blocks, twice (the default above 64 MB):
    // the JSON is the same as from the whole text, for a small hand-checked
    // log and for the shop log of ../shared (BOM, CRLF, broken rows).
    let shop = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../shared/data/transaksi_toko.csv")
        .to_string_lossy()
        .into_owned();
    for file in [data("log.csv"), shop] {
        let whole = json(&["analyze", &file]);
        let streamed = json(&["analyze", "--stream", &file]);
        assert_eq!(streamed, whole, "{file}");
    }
    // Bad input: the same message, naming the file's line, and exit 1.
    let o = run(&["analyze", "--stream", &data("no-amount.csv")]);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("missingColumn"), "{}", stderr(&o));
    // A Windows-1252 file: the same note and figures either way.
    let dir = std::env::temp_dir().join(format!("cm-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let latin = dir.join("latin.csv");
    std::fs::write(
        &latin,
        b"Nama;Tanggal;Total\nJos\xe9;01/03/2025;10000\nAni;02/03/2025;5000\n",
    )
    .unwrap();
    let latin = latin.to_string_lossy().into_owned();
    let whole = run(&["analyze", "--json", &latin]);
    let streamed = run(&["analyze", "--json", "--stream", &latin]);
    assert_eq!(streamed.status.code(), Some(0), "{}", stderr(&streamed));
    assert!(streamed.stdout == whole.stdout, "{}", stdout(&streamed));
    assert!(stdout(&streamed).contains("José"));
    assert!(
        stderr(&streamed).contains("Windows-1252"),
        "{}",
        stderr(&streamed)
    );
    // One file at a time.
    let o = run(&[
        "analyze",
        "--stream",
        &data("log-part1.csv"),
        &data("log-part2.csv"),
    ]);
    assert_eq!(o.status.code(), Some(2));
    std::fs::remove_dir_all(dir).ok();
}
