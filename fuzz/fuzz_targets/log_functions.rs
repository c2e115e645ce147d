//! Any text as a sales log through every log function (and predictClv as a
//! log and as a summary table): no panic, the row accounting holds, and no
//! figure that comes back is NaN.
#![no_main]

use customer_metrics::api::{self, Value};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let input = Value::object([("text", text)]);
    if let Ok(a) = api::analyze_log(&input) {
        assert_eq!(a.input.used + a.input.skipped.len(), a.input.rows);
    }
    let _ = api::rfm(&Value::object([("text", Value::from(text)), ("method", "quintile".into())]));
    let _ = api::cohorts(&input);
    let _ = api::lifecycle(&input);
    let _ = api::clv_from_log(&input);
    let _ = api::retention(&Value::object([
        ("text", Value::from(text)),
        ("periodStart", "2025-01-01".into()),
        ("periodEnd", "2025-03-31".into()),
        ("mode", "activeBase".into()),
    ]));
    // Weeks (analyzeLog above gave the months): the periods cover the data in order.
    if let Ok(t) = api::trends(&Value::object([("text", Value::from(text)), ("granularity", "week".into())])) {
        assert!(t.result.periods.windows(2).all(|w| w[0].end < w[1].start));
        assert!(t.result.periods.iter().all(|p| p.active_customers == p.new_customers + p.returning_customers));
    }
    for p in [
        api::predict_clv(&input),
        api::predict_clv(&Value::object([("summary", text)])),
    ]
    .into_iter()
    .flatten()
    {
        assert_eq!(p.used + p.skipped.len(), p.rows);
        assert!(p.customers.iter().all(|c| !c.clv.is_nan() && !c.p_alive.is_nan()));
    }
});
