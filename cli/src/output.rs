//! What the command prints: a readable English summary (figures formatted),
//! the API's result as JSON, or a per-customer CSV table; skipped rows and
//! errors on standard error, named by file and line.

use crate::read::Origins;
use crate::Failure;
use customer_metrics::Error;
use serde_json::Value as J;
use std::fmt::Write as _;
use std::io::Write as _;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    Csv,
}

/// The library's error on stderr: its message, code, field and row (by file
/// and line), and the rows it skipped.
pub fn report_error(e: &Error, origins: &Origins) {
    let mut where_ = String::new();
    if let Some(f) = &e.field {
        let _ = write!(where_, ", field {f}");
    }
    if let Some(r) = e.row {
        let _ = write!(where_, ", {}", origins.name(r));
    }
    eprintln!("error: {} [{}{where_}]", e.message, e.code.as_str());
    for s in &e.skipped {
        eprintln!(
            "skipped {}: {} [{}]",
            origins.name(s.row),
            s.reason,
            s.code.as_str()
        );
    }
}

/// Every skipped row of a result on stderr, one line each.
pub fn report_skipped(json: &J, origins: &Origins) {
    let Some(skipped) = json["skipped"].as_array() else {
        return;
    };
    let mut err = std::io::stderr().lock();
    for s in skipped {
        let row = s["row"].as_u64().unwrap_or(0) as usize;
        if s["code"] == "repeatedHeader" && origins.is_later_header(row) {
            continue;
        }
        let _ = writeln!(
            err,
            "skipped {}: {} [{}]",
            origins.name(row),
            s["reason"].as_str().unwrap_or(""),
            s["code"].as_str().unwrap_or("")
        );
    }
}

/// Prints the result of `command` in `format`.
pub fn print(command: &str, json: &J, format: Format) -> Result<(), Failure> {
    let out = match format {
        Format::Json => {
            serde_json::to_string_pretty(json).map_err(|e| Failure::File(e.to_string()))? + "\n"
        }
        Format::Csv => csv_table(command, json).map_err(Failure::Usage)?,
        Format::Text => {
            let mut s = String::new();
            text(&mut s, command, json);
            notices(&mut s, json);
            s
        }
    };
    let mut stdout = std::io::stdout().lock();
    // A closed pipe (`| head`) is no error of the input.
    let _ = stdout.write_all(out.as_bytes());
    let _ = stdout.flush();
    Ok(())
}

/// The per-customer table's columns, as the result names them.
fn csv_columns(command: &str) -> Option<(&'static str, &'static [&'static str])> {
    Some(match command {
        "rfm" => (
            "customers",
            &[
                "customer",
                "recency",
                "frequency",
                "monetary",
                "r",
                "f",
                "m",
                "segment",
            ],
        ),
        "lifecycle" => (
            "customers",
            &[
                "customer",
                "daysSinceFirstPurchase",
                "daysSinceLastPurchase",
                "spend",
                "stage",
                "vip",
                "winBack",
            ],
        ),
        "clv" => (
            "customers",
            &[
                "customer",
                "historicalValue",
                "refunded",
                "orders",
                "averageOrderValue",
                "firstPurchase",
                "lastPurchase",
                "lifespanDays",
            ],
        ),
        "predict" => (
            "customers",
            &[
                "customer",
                "frequency",
                "recency",
                "T",
                "monetarySpend",
                "pAlive",
                "expectedPurchases",
                "expectedSpend",
                "spendPerPurchase",
                "clv",
            ],
        ),
        _ => return None,
    })
}

/// A text cell that a spreadsheet would take for a formula (`=`, `+`, `-`,
/// `@`, tab, carriage return) gets a leading `'`, as the page's CSV files do.
fn defuse(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{cell}")
    } else {
        cell.to_string()
    }
}

fn csv_table(command: &str, json: &J) -> Result<String, String> {
    let Some((list, columns)) = csv_columns(command) else {
        return Err(format!(
            "--csv writes the per-customer tables of rfm, lifecycle, clv (from a log) and predict, not of {command}; use --json."
        ));
    };
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(columns.iter()).map_err(|e| e.to_string())?;
    for row in json[list].as_array().into_iter().flatten() {
        let cells = columns.iter().map(|c| match &row[*c] {
            J::Null => String::new(),
            J::String(s) => defuse(s),
            other => other.to_string(),
        });
        w.write_record(cells).map_err(|e| e.to_string())?;
    }
    let bytes = w.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}

/// `1234567.891` → `1,234,567.89`; whole numbers without decimals.
pub fn num(x: f64) -> String {
    if !x.is_finite() {
        return x.to_string();
    }
    let decimals = if (x - x.round()).abs() < 0.005 { 0 } else { 2 };
    let s = format!("{:.*}", decimals, x.abs());
    let (int, frac) = s.split_once('.').map_or((s.as_str(), ""), |(a, b)| (a, b));
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    let sign = if x < 0.0 && !s.trim_matches(['0', '.']).is_empty() {
        "-"
    } else {
        ""
    };
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}.{frac}")
    }
}

fn f(j: &J) -> f64 {
    j.as_f64().unwrap_or(f64::NAN)
}

/// A number or `—` for null.
fn n(j: &J) -> String {
    if j.is_null() {
        "—".into()
    } else {
        num(f(j))
    }
}

/// A percentage with one decimal.
fn pct(j: &J) -> String {
    if j.is_null() {
        "—".into()
    } else {
        format!("{:.1} %", f(j))
    }
}

fn s(j: &J) -> &str {
    j.as_str().unwrap_or("")
}

/// An amount with the result's currency symbol.
fn money(json: &J, j: &J) -> String {
    match json["currency"]["symbol"].as_str() {
        Some(sym) if !j.is_null() => format!("{sym} {}", num(f(j))),
        _ => n(j),
    }
}

fn line(out: &mut String, label: &str, value: impl std::fmt::Display) {
    let _ = writeln!(out, "  {label:<30} {value}");
}

fn band(j: &J) -> String {
    match j["band"]["label"].as_str() {
        Some(l) => format!(" ({l})"),
        None => String::new(),
    }
}

fn reading(out: &mut String, json: &J) {
    if json.get("rows").is_none() {
        return;
    }
    let skipped = json["skipped"].as_array().map_or(0, Vec::len);
    let _ = writeln!(
        out,
        "Rows: {} used of {}{}",
        n(&json["used"]),
        n(&json["rows"]),
        if skipped > 0 {
            format!(" ({skipped} skipped: see above)")
        } else {
            String::new()
        }
    );
    if let Some(layout) = json["layoutName"].as_str() {
        let _ = writeln!(out, "Read as: {layout}");
    }
}

fn notices(out: &mut String, json: &J) {
    let mut all: Vec<&J> = json["notices"].as_array().into_iter().flatten().collect();
    for part in ["rfm", "retention", "clv", "cohorts", "lifecycle", "repeat"] {
        all.extend(json[part]["notices"].as_array().into_iter().flatten());
    }
    if all.is_empty() {
        return;
    }
    let _ = writeln!(out, "\nNotes:");
    for notice in all {
        let _ = writeln!(
            out,
            "  - {} [{}]",
            s(&notice["message"]),
            s(&notice["code"])
        );
    }
}

fn failed(out: &mut String, title: &str, part: &J) -> bool {
    if let Some(e) = part.get("error") {
        let _ = writeln!(
            out,
            "\n{title}: not computed: {} [{}]",
            s(&e["message"]),
            s(&e["code"])
        );
        return true;
    }
    false
}

fn rfm(out: &mut String, json: &J, r: &J) {
    if failed(out, "RFM", r) {
        return;
    }
    let _ = writeln!(
        out,
        "\nRFM segments (as of {}, {} scores):",
        s(&r["asOf"]),
        s(&r["method"])
    );
    let _ = writeln!(
        out,
        "  {:<22} {:>9} {:>8} {:>20} {:>8}",
        "segment", "customers", "share", "revenue", "share"
    );
    for seg in r["segments"].as_array().into_iter().flatten() {
        let _ = writeln!(
            out,
            "  {:<22} {:>9} {:>8} {:>20} {:>8}",
            s(&seg["label"]),
            n(&seg["count"]),
            pct(&seg["percent"]),
            money(json, &seg["revenue"]),
            pct(&seg["revenuePercent"])
        );
    }
    if f(&r["customersWithoutPurchase"]) > 0.0 {
        line(
            out,
            "Customers without a purchase",
            n(&r["customersWithoutPurchase"]),
        );
    }
}

fn retention(out: &mut String, r: &J) {
    if failed(out, "Retention", r) {
        return;
    }
    let _ = writeln!(
        out,
        "\nRetention {} to {} (compared with {} to {}):",
        s(&r["start"]),
        s(&r["end"]),
        r["previousStart"].as_str().unwrap_or("—"),
        r["previousEnd"].as_str().unwrap_or("—")
    );
    line(
        out,
        "Retention rate",
        format!("{}{}", pct(&r["retentionRate"]), band(r)),
    );
    line(out, "Churn rate", pct(&r["churnRate"]));
    line(out, "Customers at the start", n(&r["startCustomers"]));
    line(out, "Customers at the end", n(&r["endCustomers"]));
    line(out, "New customers", n(&r["newCustomers"]));
    line(
        out,
        "Retained / lost",
        format!("{} / {}", n(&r["retained"]), n(&r["lost"])),
    );
    if r.get("repeatPurchaseRate").is_some() {
        repeat(out, r);
    }
}

fn repeat(out: &mut String, r: &J) {
    if failed(out, "Repeat purchases", r) {
        return;
    }
    line(out, "Repeat purchase rate", pct(&r["repeatPurchaseRate"]));
    line(
        out,
        "Days between purchases (mean)",
        n(&r["averageDaysBetweenPurchases"]),
    );
    line(
        out,
        "Days to first repeat (median)",
        n(&r["medianDaysToFirstRepeat"]),
    );
}

fn cohorts(out: &mut String, r: &J) {
    if failed(out, "Cohorts", r) {
        return;
    }
    let _ = writeln!(
        out,
        "\nCohorts by month of first purchase (% still buying in month k):"
    );
    let months = r["months"].as_u64().unwrap_or(0).min(12) as usize;
    let mut head = format!("  {:<8} {:>6}", "cohort", "size");
    for k in 0..months {
        let _ = write!(head, " {:>6}", format!("m{k}"));
    }
    let _ = writeln!(out, "{head}");
    let row = |label: &str, size: String, cells: &J| {
        let mut l = format!("  {label:<8} {size:>6}");
        for k in 0..months {
            let c = &cells[k];
            let v = if c.is_null() {
                String::new()
            } else {
                format!("{:.0}", f(c))
            };
            let _ = write!(l, " {v:>6}");
        }
        l
    };
    for c in r["cohorts"].as_array().into_iter().flatten() {
        let _ = writeln!(out, "{}", row(s(&c["cohort"]), n(&c["size"]), &c["cells"]));
    }
    let _ = writeln!(out, "{}", row("average", String::new(), &r["average"]));
}

fn clv_log(out: &mut String, json: &J, r: &J) {
    if failed(out, "CLV", r) {
        return;
    }
    let _ = writeln!(out, "\nCustomer lifetime value from the log:");
    line(out, "Customers", n(&r["customerCount"]));
    line(out, "Net revenue", money(json, &r["totalRevenue"]));
    line(out, "Orders", n(&r["totalOrders"]));
    line(
        out,
        "Average order value",
        money(json, &r["averageOrderValue"]),
    );
    line(out, "Purchases per year", n(&r["purchasesPerYear"]));
    line(
        out,
        "Lifespan (years)",
        format!(
            "{}{}",
            n(&r["lifespanYears"]),
            if r["lifespanOverridden"] == J::Bool(true) {
                " (given)"
            } else {
                " (measured: a lower bound)"
            }
        ),
    );
    line(out, "CLV", money(json, &r["estimate"]["clv"]));
    line(
        out,
        "CLV (profit)",
        money(json, &r["estimate"]["profitClv"]),
    );
    line(
        out,
        "Top 20 % of customers",
        format!(
            "{} customers, {} of revenue",
            n(&r["pareto"]["topCustomers"]),
            pct(&r["pareto"]["topRevenueShare"])
        ),
    );
}

fn lifecycle(out: &mut String, json: &J, r: &J) {
    if failed(out, "Lifecycle", r) {
        return;
    }
    let _ = writeln!(out, "\nLifecycle (as of {}):", s(&r["asOf"]));
    for st in r["stages"].as_array().into_iter().flatten() {
        line(
            out,
            s(&st["label"]),
            format!("{} ({})", n(&st["count"]), pct(&st["percent"])),
        );
    }
    line(
        out,
        "VIP (top 20 % by spend)",
        format!(
            "{}, spending at least {}",
            n(&r["vip"]["count"]),
            money(json, &r["vip"]["minSpend"])
        ),
    );
    let _ = writeln!(out, "  Win-back:");
    for w in r["winBack"].as_array().into_iter().flatten() {
        line(
            out,
            &format!("  {}", s(&w["label"])),
            format!("{}: {}", n(&w["count"]), s(&w["offer"])),
        );
    }
}

fn predict(out: &mut String, json: &J) {
    let p = &json["params"];
    let _ = writeln!(
        out,
        "Predictive CLV (BG/NBD + Gamma-Gamma, in {}, over {} months):",
        s(&json["unit"]),
        n(&json["horizonMonths"])
    );
    line(
        out,
        "BG/NBD r, alpha, a, b",
        format!(
            "{:.4}, {:.4}, {:.4}, {:.4}",
            f(&p["r"]),
            f(&p["alpha"]),
            f(&p["a"]),
            f(&p["b"])
        ),
    );
    line(
        out,
        "Gamma-Gamma p, q, v",
        format!("{:.4}, {:.4}, {:.4}", f(&p["p"]), f(&p["q"]), f(&p["v"])),
    );
    let t = &json["totals"];
    line(out, "Customers", n(&t["customers"]));
    line(out, "Repeat buyers", n(&t["repeatBuyers"]));
    line(out, "Expected purchases", n(&t["expectedPurchases"]));
    line(out, "CLV, all customers", n(&t["clv"]));
    line(out, "CLV, mean", n(&t["meanClv"]));
    let _ = writeln!(out, "\nHighest predicted CLV:");
    let _ = writeln!(
        out,
        "  {:<24} {:>8} {:>10} {:>16}",
        "customer", "P(alive)", "purchases", "CLV"
    );
    for c in json["customers"].as_array().into_iter().flatten().take(10) {
        let _ = writeln!(
            out,
            "  {:<24} {:>8.3} {:>10.2} {:>16}",
            s(&c["customer"]),
            f(&c["pAlive"]),
            f(&c["expectedPurchases"]),
            n(&c["clv"])
        );
    }
}

fn text(out: &mut String, command: &str, json: &J) {
    reading(out, json);
    match command {
        "analyze" => {
            line(out, "Customers", n(&json["customers"]));
            line(
                out,
                "Dates",
                format!(
                    "{} to {}",
                    json["firstDate"].as_str().unwrap_or("—"),
                    json["lastDate"].as_str().unwrap_or("—")
                ),
            );
            line(out, "Net revenue", money(json, &json["sales"]["revenue"]));
            line(out, "Orders", n(&json["sales"]["orders"]));
            rfm(out, json, &json["rfm"]);
            retention(out, &json["retention"]);
            if json["retention"].get("error").is_some() {
                repeat(out, &json["repeat"]);
            }
            cohorts(out, &json["cohorts"]);
            clv_log(out, json, &json["clv"]);
            lifecycle(out, json, &json["lifecycle"]);
        }
        "rfm" => rfm(out, json, json),
        "retention" => retention(out, json),
        "cohorts" => cohorts(out, json),
        "clv" => clv_log(out, json, json),
        "lifecycle" => lifecycle(out, json, json),
        "predict" => predict(out, json),
        "clvQuick" => {
            line(out, "CLV", n(&json["clv"]));
            line(out, "Yearly value", n(&json["yearlyValue"]));
            line(out, "CLV (profit)", n(&json["profitClv"]));
            line(out, "Max acquisition cost", n(&json["maxAcquisitionCost"]));
        }
        "nps" => {
            line(out, "NPS", format!("{}{}", n(&json["nps"]), band(json)));
            line(out, "Responses", n(&json["responses"]));
            for (label, key) in [
                ("Promoters (9–10)", "promoters"),
                ("Passives (7–8)", "passives"),
                ("Detractors (0–6)", "detractors"),
            ] {
                line(
                    out,
                    label,
                    format!(
                        "{} ({})",
                        n(&json[key]["count"]),
                        pct(&json[key]["percent"])
                    ),
                );
            }
            line(
                out,
                "95 % margin of error",
                format!(
                    "± {:.1} ({:.1} to {:.1})",
                    f(&json["marginOfError"]),
                    f(&json["low"]),
                    f(&json["high"])
                ),
            );
        }
        "ces" => {
            line(out, "CES (mean)", format!("{:.2}", f(&json["ces"])));
            line(out, "Responses", n(&json["responses"]));
            line(
                out,
                "Scale",
                format!("{}–{}", n(&json["scaleMin"]), n(&json["scaleMax"])),
            );
            line(out, "Easy answers", pct(&json["easyPercent"]));
        }
        "csat" => {
            line(out, "CSAT", pct(&json["csat"]));
            line(out, "Responses", n(&json["responses"]));
            line(out, "Mean answer", format!("{:.2}", f(&json["mean"])));
        }
        "fcr" => {
            line(out, "FCR", format!("{}{}", pct(&json["fcr"]), band(json)));
            line(
                out,
                "Resolved at first contact",
                format!("{} of {}", n(&json["resolved"]), n(&json["total"])),
            );
            for g in json["groups"].as_array().into_iter().flatten() {
                line(
                    out,
                    &format!("  {}", s(&g["name"])),
                    format!(
                        "{} ({} of {})",
                        pct(&g["fcr"]),
                        n(&g["resolved"]),
                        n(&g["total"])
                    ),
                );
            }
        }
        "crr" => {
            line(
                out,
                "Retention rate",
                format!("{}{}", pct(&json["retentionRate"]), band(json)),
            );
            line(out, "Churn rate", pct(&json["churnRate"]));
            line(out, "Retained", n(&json["retained"]));
            line(out, "Lost", n(&json["lost"]));
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_grouped() {
        assert_eq!(num(1_250_000.0), "1,250,000");
        assert_eq!(num(-1234.5), "-1,234.50");
        assert_eq!(num(999.0), "999");
        assert_eq!(num(0.004), "0");
        assert_eq!(num(12.345), "12.35");
    }

    #[test]
    fn formula_cells_are_defused() {
        assert_eq!(defuse("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(defuse("Budi"), "Budi");
    }
}
