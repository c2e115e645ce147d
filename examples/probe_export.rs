use customer_metrics::api::{self, Value};
fn main() {
    let path = std::env::args().nth(1).unwrap();
    let text = std::fs::read_to_string(path).unwrap();
    match api::analyze_log(&Value::object([("text", text)])) {
        Ok(r) => {
            let i = &r.input;
            println!("layout {:?} header {:?} titles {} rows {} used {} orders {} revenue {} customers {} currency {} level {:?}", i.layout, i.header_row, i.title_rows, i.rows, i.used, i.sales.orders, i.sales.revenue, r.result.customers, i.currency.code, i.sales.amount_level);
            for c in &i.columns {
                if c.role.is_some() {
                    println!("  {} -> {:?} ({:?})", c.name, c.role, c.kind);
                }
            }
            for s in &i.sales.statuses {
                println!(
                    "  status {:?} {:?} rows {} orders {} rev {} counted {}",
                    s.status, s.category, s.rows, s.orders, s.revenue, s.counted
                );
            }
            for s in i.skipped.iter().take(8) {
                println!("  skip {} {} {}", s.row, s.code, s.reason);
            }
            for n in &i.notices {
                println!("  notice {} {}", n.code, n.message);
            }
        }
        Err(e) => println!("ERROR {} {}", e.code, e.message),
    }
}
