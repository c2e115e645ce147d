//! Any text pasted into any calculator that reads text: no panic, and the row
//! accounting holds (`used + skipped == rows`) whenever a result comes back.
#![no_main]

use customer_metrics::api::{self, Output, Value};
use libfuzzer_sys::fuzz_target;

fn check<T>(result: Result<Output<T>, customer_metrics::Error>) {
    if let Ok(out) = result {
        let report = out.input.expect("text results carry the row report");
        assert_eq!(report.used + report.skipped.len(), report.rows);
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let input = Value::object([("text", text)]);
    check(api::nps(&input));
    check(api::ces(&input));
    check(api::csat(&input));
    check(api::fcr(&input));
    check(api::fcr(&Value::object([("text", Value::from(text)), ("groupBy", Value::from(0))])));
});
