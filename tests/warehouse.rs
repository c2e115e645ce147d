//! The warehouse route: `docs/sql/duckdb.sql` run by DuckDB (from PyPI, in a
//! throwaway venv under the target directory, installed on the first run; the
//! other dialects' files translated to DuckDB's SQL by sqlglot give the same
//! table, a check of their meaning short of running each warehouse) on
//! a generated transaction log gives a customer summary from which `rfm`,
//! `lifecycle`, `clvFromLog` and `predictClv` give exactly the results of the
//! raw rows (every figure, compared as JSON). Skipped, with the reason
//! printed, only when no `python3` is installed; a failing install fails.
#![cfg(feature = "analytics")]

use customer_metrics::api::{self, Value};
use serde_json::json;
use std::path::{Path, PathBuf};
use std::process::Command;

/// A small linear congruential generator: the same log on every machine.
struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// `YYYY-MM-DD` of day `n` after 2023-01-01.
fn date(n: u64) -> String {
    let d = chrono::NaiveDate::from_ymd_opt(2023, 1, 1).unwrap() + chrono::Days::new(n);
    d.format("%Y-%m-%d").to_string()
}

/// A log of 300 customers over two years, sorted by date then customer:
/// purchases (some on the same day, some halves of a rupiah), refunds on the
/// purchase's day and on later days (without an order id), zero amounts
/// (also on days without a purchase), orders of two lines, customers
/// with only refunds or only zero amounts, and a refund as the last row.
fn generated_log() -> String {
    let mut rng = Lcg(20_261_207);
    let mut rows: Vec<(u64, String, String, String)> = Vec::new();
    let mut order = 0u64;
    let mut id = |prefix: &str| {
        order += 1;
        format!("{prefix}{order:05}")
    };
    for c in 1..=300u64 {
        let customer = format!("C{c:04}");
        // Each customer buys at a pace of its own and drops out after any
        // purchase with a probability of its own (0.1 to 0.8): the behaviour
        // BG/NBD describes.
        let mut day = rng.below(500);
        let pace = [20, 45, 90, 180][rng.below(4) as usize];
        let dropout = [1, 2, 5, 8][rng.below(4) as usize];
        loop {
            if day > 729 {
                break;
            }
            let amount = (5 + rng.below(400)) * 5_000;
            let half = if rng.below(10) == 0 { ".5" } else { "" };
            let oid = id("INV");
            rows.push((
                day,
                customer.clone(),
                oid.clone(),
                format!("{amount}{half}"),
            ));
            match rng.below(12) {
                0 => rows.push((day, customer.clone(), id("INV"), "25000".into())),
                1 => rows.push((day, customer.clone(), String::new(), "-10000".into())),
                2 => rows.push((
                    (day + 1 + rng.below(20)).min(729),
                    customer.clone(),
                    String::new(),
                    format!("-{}", amount / 2),
                )),
                3 => rows.push(((day + 3).min(729), customer.clone(), id("FREE"), "0".into())),
                // A second line of the same order (an amount of its own).
                4 => rows.push((day, customer.clone(), oid, "15000".into())),
                _ => {}
            }
            if rng.below(10) < dropout {
                break;
            }
            day += 1 + rng.below(pace);
        }
    }
    rows.push((100, "R0001".into(), String::new(), "-50000".into()));
    rows.push((200, "Z0001".into(), "Z1".into(), "0".into()));
    rows.push((731, "C0007".into(), String::new(), "-20000".into()));
    rows.sort();
    let mut text = String::from("customer_id,order_date,order_id,amount\n");
    for (day, customer, order, amount) in rows {
        text.push_str(&format!("{customer},{},{order},{amount}\n", date(day)));
    }
    text
}

/// The Python of the venv, with DuckDB installed; `None` without python3.
fn duckdb_python() -> Option<PathBuf> {
    if Command::new("python3").arg("--version").output().is_err() {
        return None;
    }
    let venv = Path::new(env!("CARGO_TARGET_TMPDIR")).join("duckdb-venv");
    let python = venv.join("bin/python");
    let ready = python.exists()
        && Command::new(&python)
            .args(["-c", "import duckdb, sqlglot"])
            .status()
            .is_ok_and(|s| s.success());
    if !ready {
        let made = Command::new("python3")
            .args(["-m", "venv"])
            .arg(&venv)
            .status()
            .expect("python3 -m venv");
        assert!(made.success(), "python3 -m venv {} failed", venv.display());
        let pip = Command::new(venv.join("bin/pip"))
            .args(["install", "--quiet", "duckdb>=1.1,<3", "sqlglot>=25,<31"])
            .status()
            .expect("pip");
        assert!(
            pip.success(),
            "pip install duckdb sqlglot failed (no network?)"
        );
    }
    Some(python)
}

/// Runs docs/sql/duckdb.sql on the log, as the documentation says
/// (`COPY (…) TO 'customers.csv' (HEADER)`), and the PostgreSQL, BigQuery
/// and Spark SQL versions, each parsed in its own dialect and translated to
/// DuckDB's by sqlglot; returns the CSV of each, DuckDB's first.
fn warehouse_summaries(python: &Path, log: &str) -> Vec<(&'static str, String)> {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("warehouse");
    std::fs::create_dir_all(&dir).unwrap();
    let log_path = dir.join("transactions.csv");
    std::fs::write(&log_path, log).unwrap();
    let sql = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/sql");
    let script = r#"
import sys, duckdb, sqlglot
log, sql, out = sys.argv[1:4]
con = duckdb.connect()
con.execute("CREATE TABLE transactions AS SELECT * FROM read_csv(?, header = true, "
            "columns = {'customer_id': 'VARCHAR', 'order_date': 'DATE', "
            "'order_id': 'VARCHAR', 'amount': 'DECIMAL(18,2)'})", [log])
for name, dialect in [("duckdb", None), ("postgresql", "postgres"),
                      ("bigquery", "bigquery"), ("spark", "spark")]:
    query = open(f"{sql}/{name}.sql").read().strip().rstrip(';')
    if dialect:
        query = sqlglot.transpile(query, read=dialect, write="duckdb")[0]
    con.execute(f"COPY ({query}) TO '{out}/customers-{name}.csv' (HEADER)")
"#;
    let run = Command::new(python)
        .args(["-c", script])
        .arg(&log_path)
        .arg(&sql)
        .arg(&dir)
        .output()
        .expect("python");
    assert!(
        run.status.success(),
        "DuckDB failed: {}",
        String::from_utf8_lossy(&run.stderr)
    );
    ["duckdb", "postgresql", "bigquery", "spark"]
        .map(|name| {
            let file = dir.join(format!("customers-{name}.csv"));
            (name, std::fs::read_to_string(file).unwrap())
        })
        .to_vec()
}

/// The first place where two JSON values differ (for a readable failure).
fn difference(a: &serde_json::Value, b: &serde_json::Value, path: &str) -> Option<String> {
    use serde_json::Value as J;
    match (a, b) {
        (J::Object(x), J::Object(y)) => {
            x.keys()
                .chain(y.keys())
                .find_map(|k| match (x.get(k), y.get(k)) {
                    (Some(p), Some(q)) => difference(p, q, &format!("{path}.{k}")),
                    (p, q) => Some(format!("{path}.{k}: {p:?} vs {q:?}")),
                })
        }
        (J::Array(x), J::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (p, q))| difference(p, q, &format!("{path}[{i}]"))),
        _ => (a != b).then(|| format!("{path}: {a} vs {b}")),
    }
}

fn same(raw: &serde_json::Value, summary: &serde_json::Value, what: &str) {
    if let Some(d) = difference(raw, summary, what) {
        panic!("the raw rows and the summary differ at {d}");
    }
}

fn value(j: serde_json::Value) -> Value {
    serde_json::from_value(j).unwrap()
}

/// The call with `text` and with `summary`, as JSON: the result's own
/// fields (without the reading's report) and the notices.
fn both<T: serde::Serialize>(
    f: impl Fn(&Value) -> customer_metrics::error::Result<T>,
    log: &str,
    summary: &str,
    options: serde_json::Value,
) -> (serde_json::Value, serde_json::Value) {
    let call = |key: &str, text: &str| {
        let mut input = options.clone();
        input[key] = json!(text);
        let mut out = serde_json::to_value(f(&value(input)).unwrap()).unwrap();
        // The reading's report differs by nature (rows of a log, rows of a table).
        for k in [
            "rows",
            "used",
            "skipped",
            "columns",
            "layout",
            "layoutName",
            "headerRow",
            "titleRows",
            "sales",
            "currency",
        ] {
            out.as_object_mut().unwrap().remove(k);
        }
        // So is the notice that orders span several rows (a log's notice).
        if let Some(notices) = out.get_mut("notices").and_then(|n| n.as_array_mut()) {
            notices.retain(|n| n["code"] != "multiLineOrders");
        }
        out
    };
    (call("text", log), call("summary", summary))
}

#[test]
fn the_duckdb_summary_gives_the_figures_of_the_raw_rows() {
    let Some(python) = duckdb_python() else {
        // Written to the process's stderr itself (print! output would be
        // captured by the test harness and never shown).
        use std::io::Write;
        let _ = writeln!(
            std::io::stderr(),
            "warehouse test SKIPPED: python3 is not installed, so DuckDB (from PyPI) cannot run docs/sql/duckdb.sql (scripts/setup.sh --test installs it)"
        );
        return;
    };
    let log = generated_log();
    let tables = warehouse_summaries(&python, &log);
    let summary = tables[0].1.clone();
    for (name, table) in &tables[1..] {
        assert!(
            *table == summary,
            "docs/sql/{name}.sql (translated to DuckDB's SQL by sqlglot) gives another table"
        );
    }
    // The table as documented: every customer of the log, one row each.
    let header = summary.lines().next().unwrap();
    assert_eq!(
        header,
        "customer_id,first_purchase,last_purchase,orders,net_total,refunded,last_date,x,t_x,T,zbar"
    );
    assert_eq!(summary.lines().count(), 1 + 302);

    let cases: [(&str, serde_json::Value); 3] = [
        ("default", json!({})),
        (
            "quintile",
            json!({ "method": "quintile", "asOf": "2025-02-01" }),
        ),
        ("usd", json!({ "currency": "USD" })),
    ];
    for (name, options) in &cases {
        let (raw, sum) = both(api::rfm, &log, &summary, options.clone());
        same(&raw, &sum, &format!("rfm {name}"));
    }
    let (raw, sum) = both(api::rfm, &log, &summary, json!({}));
    assert_eq!(raw["customersWithoutPurchase"], 2);
    assert_eq!(raw["customers"].as_array().unwrap().len(), 300);
    same(&raw, &sum, "rfm");
    // The last row of the log is a refund (2025-01-01, after every purchase):
    // the day after it is the analysis date.
    assert_eq!(raw["asOf"], "2025-01-02");

    for options in [json!({}), json!({ "asOf": "2025-03-01" })] {
        let (raw, sum) = both(api::lifecycle, &log, &summary, options);
        same(&raw, &sum, "lifecycle");
    }
    for options in [
        json!({}),
        json!({ "grossMarginPercent": 40, "lifespanYears": 3 }),
    ] {
        let (raw, sum) = both(api::clv_from_log, &log, &summary, options);
        same(&raw, &sum, "clvFromLog");
    }
    let (raw, _) = both(api::clv_from_log, &log, &summary, json!({}));
    assert_eq!(raw["customerCount"], 300);

    // predictClv: the BTYD columns (x, t_x, T, zbar) of the same table. The
    // notices of the log's reading (lone refunds) are the log's own; so is the
    // tracking plot (weekly repeat purchases need the purchase dates: a
    // summary has none, and says so with null).
    for options in [json!({}), json!({ "horizonMonths": 24 })] {
        let (mut raw, mut sum) = both(api::predict_clv, &log, &summary, options);
        assert!(raw["tracking"].is_object());
        assert!(sum["tracking"].is_null());
        for out in [&mut raw, &mut sum] {
            out.as_object_mut().unwrap().remove("tracking");
        }
        for out in [&mut raw, &mut sum] {
            let o = out.as_object_mut().unwrap();
            o.remove("notices");
            o.remove("warnings");
            o.remove("calibrationEnd");
        }
        same(&raw, &sum, "predictClv");
        // Z0001, whose one row is a zero amount, is in the model (BTYD counts
        // zero amounts as purchase days, as the published CDNOW data does).
        assert_eq!(raw["customers"].as_array().unwrap().len(), 301);
    }
}

/// The summary input's own rules, by hand: two customers (the fixed RFM
/// table of METRICS.md §7), bad inputs refused with their codes.
#[test]
fn a_customer_summary_through_the_api() {
    let table = "customer_id,first_purchase,last_purchase,orders,net_total,refunded,last_date\n\
                 Ani,2025-01-10,2025-06-25,7,6000000,0,2025-06-25\n\
                 Budi,2025-03-01,2025-03-01,1,150000,50000,2025-06-29\n\
                 Citra,,,0,-20000,20000,2025-05-01\n\
                 Dewi,2025-04-01,2025-03-01,2,1,0,\n";
    let r = api::rfm(&value(json!({ "summary": table }))).unwrap();
    // The last date in the data is Budi's refund on 29 June: asOf = 30 June.
    assert_eq!(r.result.as_of.to_string(), "2025-06-30");
    let c: Vec<_> = r
        .result
        .customers
        .iter()
        .map(|c| {
            (
                c.customer.as_str(),
                c.recency,
                c.frequency,
                c.monetary,
                c.r,
                c.f,
                c.m,
            )
        })
        .collect();
    // Ani: 5 days (R 5), 7 orders (F 4: ≥ 6), 6,000,000 (M 4: ≥ 5,000,000).
    // Budi: 121 days (R 1), 1 order (F 1), 150,000 (M 1).
    assert_eq!(
        c,
        vec![
            ("Ani", 5, 7, 6_000_000.0, 5, 4, 4),
            ("Budi", 121, 1, 150_000.0, 1, 1, 1)
        ]
    );
    assert_eq!(r.result.customers_without_purchase, 1);
    assert_eq!((r.input.rows, r.input.used), (4, 3));
    assert_eq!(r.input.skipped[0].row, 5);
    assert_eq!(r.input.skipped[0].code, "impossibleSummaryRow");

    let clv = api::clv_from_log(&value(json!({ "summary": table }))).unwrap();
    // Budi: 150,000 net after 50,000 refunded, one order.
    let b = &clv.result.customers[1];
    assert_eq!(
        (b.historical_value, b.refunded, b.orders),
        (150_000.0, 50_000.0, 1)
    );

    let code = |input: serde_json::Value| api::lifecycle(&value(input)).unwrap_err().code;
    assert_eq!(
        code(json!({ "summary": table, "text": "a" })),
        "conflictingInputs"
    );
    assert_eq!(
        code(json!({ "summary": table, "columns": { "customer": 0 } })),
        "invalidOption"
    );
    assert_eq!(
        code(json!({ "summary": "customer_id,orders\nA,1\n" })),
        "missingColumn"
    );
    let e = api::lifecycle(&value(json!({
        "summary": "customer_id,first_purchase,last_purchase,orders,net_total\nA,x,2025-01-01,1,5\n"
    })))
    .unwrap_err();
    assert_eq!(
        (e.code.as_str(), e.skipped[0].code.as_str()),
        ("noUsableRows", "invalidDate")
    );
    assert_eq!(code(json!({})), "missingField");
}
