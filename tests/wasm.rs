//! The calculators called with JavaScript values, in headless Chromium
//! (wasm-bindgen-test). Run with
//!
//!     CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test wasm
//!
//! (`.cargo/config.toml` makes wasm-bindgen-test-runner the runner for wasm32;
//! `webdriver.json` at the repository root gives Chromium the flags it needs
//! when run as root.) Inputs are built as JS values (`js_sys::JSON::parse`,
//! `js_sys::Reflect::set`), outputs are read back as JS values with
//! `js_sys::Reflect::get`. Every expected number is computed by hand in the
//! comment beside it (METRICS.md / API.md); floats are compared with a
//! relative tolerance of 1e-9.
//!
//! The functions called are the real `#[wasm_bindgen]` exports of
//! `customer_metrics::wasm`, so the JS `Error` objects they throw (with `code`,
//! `field`, `row`, `skipped`) are checked here too.
#![cfg(target_arch = "wasm32")]

use js_sys::{Array, Object, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test::wasm_bindgen_test_configure!(run_in_browser);

use customer_metrics::wasm as binding;

use binding::{ces, clv, crr, csat, fcr, nps};

// ------------------------------------------------------------------ helpers

/// A JS value from JSON text.
fn js(json: &str) -> JsValue {
    JSON::parse(json).unwrap_or_else(|e| panic!("bad JSON in test: {json}: {e:?}"))
}

/// `value.a.b.0.c`: each step a property (array indices are properties too).
fn get(value: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(value.clone(), |v, key| {
        assert!(
            v.is_object(),
            "{path}: cannot read {key} of a non-object ({v:?})"
        );
        Reflect::get(&v, &JsValue::from_str(key)).unwrap()
    })
}

fn num(value: &JsValue, path: &str) -> f64 {
    get(value, path)
        .as_f64()
        .unwrap_or_else(|| panic!("{path} is not a number: {:?}", get(value, path)))
}

fn text(value: &JsValue, path: &str) -> String {
    get(value, path)
        .as_string()
        .unwrap_or_else(|| panic!("{path} is not a string: {:?}", get(value, path)))
}

fn len(value: &JsValue, path: &str) -> u32 {
    let v = get(value, path);
    assert!(Array::is_array(&v), "{path} is not an array: {v:?}");
    v.unchecked_into::<Array>().length()
}

/// |actual − expected| ≤ 1e-9 × max(|expected|, 1).
fn near(value: &JsValue, path: &str, expected: f64) {
    let actual = num(value, path);
    assert!(
        (actual - expected).abs() <= 1e-9 * expected.abs().max(1.0),
        "{path}: expected {expected}, got {actual}"
    );
}

fn ok(r: Result<JsValue, JsValue>) -> JsValue {
    r.unwrap_or_else(|e| {
        panic!(
            "unexpected error: {:?}",
            Reflect::get(&e, &"message".into())
        )
    })
}

/// The thrown value: a JS `Error` whose `code` is `code`; returns it.
fn error(r: Result<JsValue, JsValue>, code: &str) -> JsValue {
    let e = match r {
        Ok(v) => panic!("expected an error {code}, got {:?}", JSON::stringify(&v)),
        Err(e) => e,
    };
    assert!(e.is_instance_of::<js_sys::Error>(), "not a JS Error: {e:?}");
    let got = Reflect::get(&e, &JsValue::from_str("code")).unwrap();
    assert_eq!(
        got.as_string().as_deref(),
        Some(code),
        "code of {:?}",
        text(&e, "message")
    );
    let message = text(&e, "message");
    assert!(
        message.len() > 15 && message.ends_with('.'),
        "message should be a sentence: {message}"
    );
    e
}

/// After an error the same instance still computes: METRICS.md §1, 400/500 = 80 %.
fn still_works() {
    let r = ok(crr(js(
        r#"{"startCustomers":500,"endCustomers":450,"newCustomers":50}"#,
    )));
    near(&r, "retentionRate", 80.0);
}

// ------------------------------------------------------------------ tests

#[wasm_bindgen_test]
fn runs_in_chromium_not_node() {
    let global = js_sys::global();
    let navigator = Reflect::get(&global, &"navigator".into()).unwrap();
    let agent = text(&navigator, "userAgent");
    assert!(agent.contains("Chrome"), "user agent: {agent}");
    assert!(Reflect::get(&global, &"document".into())
        .unwrap()
        .is_object());
    assert!(Reflect::get(&global, &"process".into())
        .unwrap()
        .is_undefined());
}

#[wasm_bindgen_test]
fn crr_worked_examples() {
    // METRICS.md §1: S=500, E=450, N=50 → retained 400, 80 %, churn 20 %, lost 100, good.
    let r = ok(crr(js(
        r#"{"startCustomers":500,"endCustomers":450,"newCustomers":50}"#,
    )));
    near(&r, "retentionRate", 80.0);
    near(&r, "churnRate", 20.0);
    near(&r, "retained", 400.0);
    near(&r, "lost", 100.0);
    assert_eq!(text(&r, "band.key"), "good");
    assert_eq!(len(&r, "warnings"), 0);
    // S=1000, E=1100, N=200 → retained 900, 90 %, excellent.
    let r = ok(crr(js(
        r#"{"startCustomers":1000,"endCustomers":1100,"newCustomers":200}"#,
    )));
    near(&r, "retentionRate", 90.0);
    assert_eq!(text(&r, "band.key"), "excellent");
    // S=1000, E=1150, N=300 → 85 %: good (75–85 inclusive).
    let r = ok(crr(js(
        r#"{"startCustomers":1000,"endCustomers":1150,"newCustomers":300}"#,
    )));
    near(&r, "retentionRate", 85.0);
    assert_eq!(text(&r, "band.key"), "good");
}

#[wasm_bindgen_test]
fn crr_above_100_has_a_warning_and_is_not_clamped() {
    // S=100, E=150, N=20: retained 130 → 130 %, churn −30 %, lost −30.
    let r = ok(crr(js(
        r#"{"startCustomers":100,"endCustomers":150,"newCustomers":20}"#,
    )));
    near(&r, "retentionRate", 130.0);
    near(&r, "churnRate", -30.0);
    near(&r, "lost", -30.0);
    assert_eq!(len(&r, "warnings"), 1);
    assert!(text(&r, "warnings.0").contains("100"));
}

#[wasm_bindgen_test]
fn clv_with_margin() {
    // METRICS.md §2: 25,000 × 218 = 5,450,000 a year; × 20 = 109,000,000.
    // At 30 %: profit 32,700,000; /3 = 10,900,000; 10 % = 3,270,000; 15 % = 4,905,000.
    let r = ok(clv(js(
        r#"{"averageOrderValue":25000,"purchasesPerYear":218,"lifespanYears":20,"grossMarginPercent":30}"#,
    )));
    near(&r, "yearlyValue", 5_450_000.0);
    near(&r, "clv", 109_000_000.0);
    near(&r, "profitClv", 32_700_000.0);
    near(&r, "maxAcquisitionCost", 10_900_000.0);
    near(&r, "retentionBudgetLow", 3_270_000.0);
    near(&r, "retentionBudgetHigh", 4_905_000.0);
    // Without the margin (field undefined = absent): basis = clv; /3 = 36,333,333.33…
    let input = js(r#"{"averageOrderValue":25000,"purchasesPerYear":218,"lifespanYears":20}"#);
    Reflect::set(&input, &"grossMarginPercent".into(), &JsValue::UNDEFINED).unwrap();
    let r = ok(clv(input));
    near(&r, "profitClv", 109_000_000.0);
    near(&r, "maxAcquisitionCost", 109_000_000.0 / 3.0);
}

#[wasm_bindgen_test]
fn nps_worked_example_as_counts() {
    // METRICS.md §3: 60/30/10 → NPS 50, great; variance 0.6 + 0.1 − 0.25 = 0.45,
    // margin = 1.96 × √(0.45/100) × 100 = 13.148…
    let margin = 1.96 * (0.45f64 / 100.0).sqrt() * 100.0;
    assert!((margin - 13.148).abs() < 1e-3);
    let r = ok(nps(js(r#"{"promoters":60,"passives":30,"detractors":10}"#)));
    near(&r, "nps", 50.0);
    near(&r, "responses", 100.0);
    near(&r, "promoters.count", 60.0);
    near(&r, "promoters.percent", 60.0);
    near(&r, "detractors.percent", 10.0);
    near(&r, "marginOfError", margin);
    near(&r, "low", 50.0 - margin);
    near(&r, "high", 50.0 + margin);
    assert_eq!(text(&r, "band.key"), "great");
    // Results are plain objects (maps serialized as objects).
    let proto = Object::get_prototype_of(&r);
    assert!(proto == Object::get_prototype_of(&Object::new()));
    assert!(Object::get_prototype_of(&get(&r, "promoters")) == proto);
}

#[wasm_bindgen_test]
fn nps_text_with_tabs_and_a_bad_row() {
    // Line 1 header; 2: 10; 3: 9; 4: blank (not a row); 5: 11 (out of range); 6: 3.
    // rows 4, used 3 (10, 9, 3): promoters 2, detractors 1 → (2 − 1)/3 × 100 = 33.33…
    let input = Object::new();
    Reflect::set(
        &input,
        &"text".into(),
        &"Waktu\tSkor\n1/5\t10\n1/5\t9\n\n2/5\t11\n2/5\t3\n".into(),
    )
    .unwrap();
    let r = ok(nps(input.into()));
    near(&r, "rows", 4.0);
    near(&r, "used", 3.0);
    assert_eq!(len(&r, "skipped"), 1);
    near(&r, "skipped.0.row", 5.0);
    assert_eq!(text(&r, "skipped.0.code"), "scoreOutOfRange");
    near(&r, "nps", 100.0 / 3.0);
    assert_eq!(
        num(&r, "used") + f64::from(len(&r, "skipped")),
        num(&r, "rows")
    );
}

#[wasm_bindgen_test]
fn ces_csat_fcr() {
    // METRICS.md §4 on 1–10: sum 122 over 15 answers → 8.1333…; 8–10: 11/15 = 73.33 %.
    let r = ok(ces(js(
        r#"{"scores":[7,7,7,7,8,8,8,8,8,8,9,9,9,9,10],"scaleMax":10}"#,
    )));
    near(&r, "ces", 122.0 / 15.0);
    near(&r, "easyPercent", 1100.0 / 15.0);
    near(&r, "distribution.7.count", 6.0); // score 8
                                           // CSAT 1–5: [5,5,4,4,4,3,2,1,5,4] → 4–5: 7/10 = 70 %, mean 37/10 = 3.7.
    let r = ok(csat(js(r#"{"scores":[5,5,4,4,4,3,2,1,5,4]}"#)));
    near(&r, "csat", 70.0);
    near(&r, "mean", 3.7);
    // FCR METRICS.md §5: 120 / 200 = 60 % → belowAverage; 80/100 → worldClass.
    let r = ok(fcr(js(
        r#"{"resolvedFirstContact":120,"totalTickets":200}"#,
    )));
    near(&r, "fcr", 60.0);
    assert_eq!(text(&r, "band.key"), "belowAverage");
    let r = ok(fcr(js(r#"{"resolvedFirstContact":80,"totalTickets":100}"#)));
    assert_eq!(text(&r, "band.key"), "worldClass");
}

#[wasm_bindgen_test]
fn errors_carry_code_field_and_row() {
    let e = error(
        crr(js(
            r#"{"startCustomers":0,"endCustomers":10,"newCustomers":0}"#,
        )),
        "startNotPositive",
    );
    assert_eq!(text(&e, "field"), "startCustomers");

    let e = error(
        crr(js(
            r#"{"startCustomer":500,"endCustomers":450,"newCustomers":50}"#,
        )),
        "unknownField",
    );
    assert_eq!(text(&e, "field"), "startCustomer");
    assert!(text(&e, "message").contains("Did you mean startCustomers?"));

    let e = error(
        crr(js(
            r#"{"startCustomers":500,"endCustomers":100,"newCustomers":101}"#,
        )),
        "newExceedsEnd",
    );
    assert_eq!(text(&e, "field"), "newCustomers");

    let e = error(nps(js(r#"{"scores":[10,9,11]}"#)), "scoreOutOfRange");
    near(&e, "row", 3.0);
    let e = error(nps(js(r#"{"scores":[10,9.5]}"#)), "scoreNotInteger");
    near(&e, "row", 2.0);
    let e = error(ces(js(r#"{"scores":[8]}"#)), "scoreOffScale");
    near(&e, "row", 1.0);

    let e = error(
        fcr(js(r#"{"resolvedFirstContact":3,"totalTickets":2}"#)),
        "resolvedExceedsTotal",
    );
    assert_eq!(text(&e, "field"), "resolvedFirstContact");

    // noUsableRows carries the skipped rows: line 2 "x", line 3 "11".
    let e = error(nps(js(r#"{"text":"Skor\nx\n11\n"}"#)), "noUsableRows");
    assert_eq!(len(&e, "skipped"), 2);
    near(&e, "skipped.1.row", 3.0);

    error(
        crr(js(
            r#"{"startCustomers":"500","endCustomers":1,"newCustomers":0}"#,
        )),
        "wrongType",
    );
    error(
        crr(js(r#"{"endCustomers":1,"newCustomers":0}"#)),
        "missingField",
    );
    error(
        nps(js(r#"{"scores":[9],"promoters":1}"#)),
        "conflictingInputs",
    );
    error(nps(js("{}")), "missingInput");
    error(ces(js(r#"{"scores":[1],"scaleMax":6}"#)), "invalidScale");
    still_works();
}

#[wasm_bindgen_test]
fn odd_js_values_are_errors_and_the_module_keeps_working() {
    // Not an object at all.
    for bad in [
        JsValue::NULL,
        JsValue::UNDEFINED,
        JsValue::from_str("startCustomers=500"),
        JsValue::from_f64(42.0),
        Array::of2(&1.into(), &2.into()).into(),
    ] {
        error(crr(bad), "invalidInput");
    }
    // NaN and Infinity cannot be written in JSON: set them on the object.
    let input = js(r#"{"endCustomers":1,"newCustomers":0}"#);
    Reflect::set(
        &input,
        &"startCustomers".into(),
        &JsValue::from_f64(f64::NAN),
    )
    .unwrap();
    let e = error(crr(input.clone()), "notANumber");
    assert_eq!(text(&e, "field"), "startCustomers");
    Reflect::set(
        &input,
        &"startCustomers".into(),
        &JsValue::from_f64(f64::INFINITY),
    )
    .unwrap();
    error(crr(input), "notANumber");
    // A count too large to be exact is refused as too large.
    error(
        crr(js(
            r#"{"startCustomers":1e300,"endCustomers":1,"newCustomers":0}"#,
        )),
        "tooLarge",
    );
    // A score list with a non-number names its position.
    let e = error(nps(js(r#"{"scores":[9,"10"]}"#)), "notANumber");
    near(&e, "row", 2.0);
    still_works();
    let r = ok(nps(js(r#"{"promoters":60,"passives":30,"detractors":10}"#)));
    near(&r, "nps", 50.0);
}

// ------------------------------------------------------------------ hostile JS values (issue #17)

/// A JS value built by JS code (getters, Proxies, BigInt cannot be written in JSON).
fn js_code(body: &str) -> JsValue {
    js_sys::Function::new_no_args(body)
        .call0(&JsValue::NULL)
        .unwrap_or_else(|e| panic!("bad JS in test: {body}: {e:?}"))
}

/// Each hostile input 10,000 times: every call throws a JS Error with a
/// `code` (or, for a getter that changes, may compute), no message shows wasm
/// internals, and the module still computes afterwards.
/// Lets the page breathe (a macrotask), so the runner's WebDriver polls are answered.
async fn pause() {
    let promise: js_sys::Promise =
        js_code("return new Promise((r) => setTimeout(r, 0))").unchecked_into();
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn hostile_inputs_10000_times_each_leave_the_module_working() {
    let cases: &[(&str, &str)] = &[
        ("throwing getter", "return { get startCustomers() { throw new Error('boom'); }, endCustomers: 1, newCustomers: 0 }"),
        ("getter throwing a non-Error", "return { startCustomers: 1, get endCustomers() { throw 42; }, newCustomers: 0 }"),
        ("Proxy get trap", "return new Proxy({ startCustomers: 1, endCustomers: 1, newCustomers: 0 }, { get() { throw new RangeError('trap'); } })"),
        ("Proxy ownKeys trap", "return new Proxy({}, { ownKeys() { throw new Error('keys'); } })"),
        ("Proxy getPrototypeOf trap", "return new Proxy({ startCustomers: 1 }, { getPrototypeOf() { throw new Error('proto'); } })"),
        ("revoked Proxy", "const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy"),
        ("Proxy of an array with a throwing length", "return { scores: new Proxy([9, 10], { get(t, k) { if (k === 'length') throw new Error('len'); return t[k]; } }) }"),
        ("changing getter (a number, then a 200,000-deep array)", "let n = 0; let deep = []; for (let i = 0; i < 200000; i++) deep = [deep]; globalThis.__deep = deep; return { get startCustomers() { return n++ % 2 ? globalThis.__deep : 500; }, endCustomers: 450, newCustomers: 50 }"),
        ("10,000-deep object", "let d = {}; for (let i = 0; i < 10000; i++) d = { a: d }; return { startCustomers: 1, endCustomers: 1, newCustomers: 0, extra: d }"),
        ("cyclic object", "const o = { startCustomers: 500, endCustomers: 450, newCustomers: 50 }; o.self = o; return o"),
        ("cyclic array", "const a = [9]; a.push(a); return { scores: a }"),
        ("BigInt", "return { startCustomers: 500n, endCustomers: 450, newCustomers: 50 }"),
        ("sparse array of length 2^32 - 1", "const a = []; a.length = 2 ** 32 - 1; return { scores: a }"),
        ("sparse array with a hole", "return { scores: [9, , 10] }"),
        ("Date", "return { startCustomers: new Date(0), endCustomers: 1, newCustomers: 0 }"),
        ("Date as the input", "return new Date(0)"),
        ("RegExp", "return { text: /9/ }"),
        ("Error", "return new Error('x')"),
        ("Symbol", "return { startCustomers: Symbol('s'), endCustomers: 1, newCustomers: 0 }"),
        ("function", "return { startCustomers() { return 1; }, endCustomers: 1, newCustomers: 0 }"),
    ];
    for (name, body) in cases {
        let input = js_code(body);
        let (mut errors, mut results) = (0, 0);
        for i in 0..10_000 {
            if i % 500 == 0 {
                pause().await;
            }
            match crr(input.clone()) {
                Ok(_) => results += 1,
                Err(e) => {
                    errors += 1;
                    assert!(e.is_instance_of::<js_sys::Error>(), "{name}: not an Error");
                    let code = Reflect::get(&e, &"code".into()).unwrap();
                    assert!(code.is_string(), "{name}: an error without code: {e:?}");
                    let message = text(&e, "message");
                    assert!(
                        !message.contains("wasm")
                            && !message.contains("RuntimeError")
                            && message.ends_with('.'),
                        "{name}: {message}"
                    );
                }
            }
        }
        // Only the changing getter may compute (when it gives 500).
        assert!(errors > 0, "{name}: never refused");
        assert!(
            results == 0 || name.starts_with("changing"),
            "{name}: computed"
        );
        still_works();
        near(
            &ok(nps(js(r#"{"promoters":60,"passives":30,"detractors":10}"#))),
            "nps",
            50.0,
        );
    }
}

#[wasm_bindgen_test]
fn hostile_inputs_get_the_codes_and_fields_they_should() {
    let e = error(
        crr(js_code("return { get startCustomers() { throw new Error('boom'); }, endCustomers: 1, newCustomers: 0 }")),
        "invalidInput",
    );
    assert_eq!(text(&e, "field"), "startCustomers");
    assert!(text(&e, "message").contains("raised an exception"));
    let e = error(
        crr(js_code(
            "return { startCustomers: new Date(0), endCustomers: 1, newCustomers: 0 }",
        )),
        "invalidInput",
    );
    assert!(
        text(&e, "message").contains("Date"),
        "{}",
        text(&e, "message")
    );
    let e = error(
        crr(js_code(
            "return { startCustomers: 500n, endCustomers: 1, newCustomers: 0 }",
        )),
        "invalidInput",
    );
    assert!(text(&e, "message").contains("BigInt"));
    // A hole reads as null: the score list names its position.
    let e = error(nps(js_code("return { scores: [9, , 10] }")), "notANumber");
    near(&e, "row", 2.0);
    // Inherited and non-enumerable properties are not read; own getters are, once.
    let r = ok(crr(js_code(
        "let reads = 0; globalThis.__reads = () => reads; return Object.create({ ignored: 1 }, { startCustomers: { get() { reads++; return 500; }, enumerable: true }, endCustomers: { value: 450, enumerable: true }, newCustomers: { value: 50, enumerable: true }, hidden: { value: 1, enumerable: false } })",
    )));
    near(&r, "retentionRate", 80.0);
    let reads = js_code("return globalThis.__reads()");
    assert_eq!(reads.as_f64(), Some(1.0), "each property is read once");
}

// ------------------------------------------------------------------ defaults

#[cfg(feature = "analytics")]
#[wasm_bindgen_test]
fn defaults_are_the_cores_constants() {
    // METRICS.md §7's fixed table, §1's D = 180, the predictive CLV's 12-month
    // default horizon (1 to 1,200), 1 % a month, and P(alive) ≥ 0.5.
    let d = binding::defaults().unwrap();
    let json = JSON::stringify(&d).unwrap().as_string().unwrap();
    assert_eq!(
        json,
        concat!(
            r#"{"rfm":{"thresholds":{"recency":[7,30,60,90],"frequency":[10,6,4,2],"#,
            r#""monetary":[10000000,5000000,2000000,500000]},"#,
            r#""thresholdOrder":{"recency":"ascending","frequency":"descending","monetary":"descending"}},"#,
            r#""retention":{"activeDays":180,"minActiveDays":1},"#,
            r#""predict":{"horizonMonths":12,"minHorizonMonths":1,"maxHorizonMonths":1200,"#,
            r#""monthlyDiscountRate":0.01,"aliveCutoff":0.5},"#,
            r#""subscriptions":{"discountRate":0.01,"minPeriods":2,"horizon":12,"maxHorizon":1200}}"#
        )
    );
}
