//! The WebAssembly binding: converts JavaScript values to [`Value`], calls the
//! API function, converts the result back. Errors become JS `Error` objects
//! carrying `code`, `field`, `row`, `skipped` and `params`. No logic lives here.

use crate::api::{self, Value};
use crate::error::{Code, Error, Result};
use serde::Serialize;
use std::collections::BTreeMap;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");

// JavaScript calls that can throw (a Proxy trap, a revoked Proxy): with
// `catch`, a throw comes back as `Err` instead of unwinding through the wasm
// frames (which leaves the module's stack pointer behind and, after a few
// hundred such calls, the module dead).
#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(value: &JsValue) -> std::result::Result<bool, JsValue>;
    #[wasm_bindgen(catch, js_namespace = Object, js_name = keys)]
    fn object_keys(value: &JsValue) -> std::result::Result<js_sys::Array, JsValue>;
}

fn set(target: &JsValue, key: &str, value: &JsValue) {
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(target, &JsValue::from_str(key), value);
}

fn to_js_error(e: Error) -> JsValue {
    let err: JsValue = js_sys::Error::new(&e.message).into();
    set(&err, "code", &JsValue::from_str(e.code.as_str()));
    if let Some(field) = &e.field {
        set(&err, "field", &JsValue::from_str(field));
    }
    if let Some(row) = e.row {
        set(&err, "row", &JsValue::from_f64(row as f64));
    }
    if !e.skipped.is_empty() {
        if let Ok(skipped) = e.skipped.serialize(&serializer()) {
            set(&err, "skipped", &skipped);
        }
    }
    if !e.params.is_empty() {
        if let Ok(params) = e.params.serialize(&serializer()) {
            set(&err, "params", &params);
        }
    }
    err
}

fn serializer() -> serde_wasm_bindgen::Serializer {
    serde_wasm_bindgen::Serializer::new()
        .serialize_maps_as_objects(true)
        .serialize_missing_as_null(true)
}

/// Inputs are shallow (the deepest is `columns: { role: … }`); anything nested
/// deeper is refused.
const MAX_DEPTH: usize = 32;
/// Objects and lists in one input.
const MAX_CONTAINERS: usize = 100_000;
/// Items and fields of all lists and objects together (a scores list of
/// 2,000,000 numbers is the most).
const MAX_ITEMS: usize = 2_000_000;
/// UTF-16 code units of one text (about 100 MB of a typical log).
const MAX_TEXT: u32 = 100_000_000;

/// UTF-16 code units from which a text is copied in by [`long_text`].
#[cfg(feature = "tables")]
const LONG_TEXT: u32 = 1 << 16;

#[cfg(feature = "tables")]
#[wasm_bindgen]
extern "C" {
    type TextEncoder;
    #[wasm_bindgen(constructor)]
    fn new() -> TextEncoder;
    #[wasm_bindgen(method, js_name = encodeInto)]
    fn encode_into(
        this: &TextEncoder,
        text: &js_sys::JsString,
        into: &js_sys::Uint8Array,
    ) -> EncodeInto;
    type EncodeInto;
    #[wasm_bindgen(method, getter)]
    fn read(this: &EncodeInto) -> u32;
    #[wasm_bindgen(method, getter)]
    fn written(this: &EncodeInto) -> u32;
}

/// A long JS string as UTF-8, written by the browser's `TextEncoder` straight
/// into the module's memory. wasm-bindgen's own copy (`as_string`) moves an
/// ASCII text one character at a time in JavaScript: 0.1 s for a 46 MB log,
/// 8 % of `analyzeLog` on it. The same text comes out (a lone surrogate as
/// U+FFFD, as both encode it).
#[cfg(feature = "tables")]
fn long_text(text: &js_sys::JsString) -> String {
    let encoder = TextEncoder::new();
    let mut rest = text.clone();
    // An ASCII text fits exactly; more room is made for what did not fit.
    let mut bytes: Vec<u8> = Vec::with_capacity(text.length() as usize);
    // A round finishes, or makes room for 3 bytes a code unit (the next one
    // then finishes), or writes nothing: handing the view and the result
    // across may grow the module's table of JS values, and with it its
    // memory, which detaches the view. A few such rounds are retried.
    for _ in 0..6 {
        let len = bytes.len();
        let spare = bytes.capacity() - len;
        // SAFETY: the view covers the vector's spare capacity and is used
        // only by this encodeInto call; if the memory grows meanwhile, the
        // view is detached and nothing is written. The bytes it reports
        // written are initialised UTF-8.
        let done = unsafe {
            let view = js_sys::Uint8Array::view_mut_raw(bytes.as_mut_ptr().add(len), spare);
            let done = encoder.encode_into(&rest, &view);
            bytes.set_len(len + (done.written() as usize).min(spare));
            done
        };
        let (read, left) = (done.read(), rest.length());
        if read >= left {
            if bytes.capacity() - bytes.len() > 1 << 20 {
                bytes.shrink_to_fit();
            }
            return String::from_utf8(bytes)
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
        }
        if read > 0 {
            rest = rest.slice(read, left);
        }
        bytes.reserve(rest.length() as usize * 3);
    }
    // Never expected: wasm-bindgen's copy of the whole text.
    JsValue::from(text).as_string().unwrap_or_default()
}

/// A list or object being read: its source, what has been read of it, and
/// what comes next.
enum Open {
    List {
        source: JsValue,
        len: u32,
        items: Vec<Value>,
    },
    Object {
        source: JsValue,
        keys: Vec<String>,
        /// Keys read so far.
        next: usize,
        fields: BTreeMap<String, Value>,
    },
}

impl Open {
    /// Where the next item goes, for messages: `.key` or `[i]` (0-based).
    fn step(&self) -> String {
        match self {
            Open::List { items, .. } => format!("[{}]", items.len()),
            Open::Object { keys, next, .. } => match keys.get(*next) {
                Some(k) => format!(".{k}"),
                None => String::new(),
            },
        }
    }
}

/// What a JS value is: a finished [`Value`] or a container to read.
enum Read {
    Done(Value),
    Open(Open),
}

fn invalid(path: &str, message: String) -> Error {
    match path.split(['.', '[']).next() {
        Some(field) if !field.is_empty() => Error::field(Code::InvalidInput, field, message),
        _ => Error::new(Code::InvalidInput, message),
    }
}

/// "`scores[3]`" or "the input".
fn place(path: &str) -> String {
    if path.is_empty() {
        "the input".to_string()
    } else {
        format!("\"{path}\"")
    }
}

fn threw(path: &str) -> Error {
    invalid(
        path,
        format!(
            "Reading {} raised an exception (a getter or Proxy that throws?); give plain values.",
            place(path)
        ),
    )
}

struct Budget {
    containers: usize,
    items: usize,
}

/// One JS value, read once: scalars become [`Value`]s, lists and objects are
/// opened (their length or keys read) for the caller to fill.
fn read(value: &JsValue, path: &str, depth: usize, budget: &mut Budget) -> Result<Read> {
    if value.is_undefined() || value.is_null() {
        return Ok(Read::Done(Value::Null));
    }
    if let Some(b) = value.as_bool() {
        return Ok(Read::Done(Value::Bool(b)));
    }
    if let Some(n) = value.as_f64() {
        return Ok(Read::Done(Value::Number(n)));
    }
    if value.is_string() {
        let len = value.unchecked_ref::<js_sys::JsString>().length();
        if len > MAX_TEXT {
            let field = path.split(['.', '[']).next().unwrap_or("");
            return Err(Error::field(
                Code::TooLarge,
                field,
                format!(
                    "The text in {} is too long ({len} characters; at most {MAX_TEXT}).",
                    place(path)
                ),
            ));
        }
        // The widget's small module reads short texts: wasm-bindgen's copy.
        #[cfg(feature = "tables")]
        if len >= LONG_TEXT {
            return Ok(Read::Done(Value::Text(long_text(
                value.unchecked_ref::<js_sys::JsString>(),
            ))));
        }
        return Ok(Read::Done(Value::Text(
            value.as_string().unwrap_or_default(),
        )));
    }
    let what = if value.is_bigint() {
        Some("a BigInt; give an ordinary number")
    } else if value.is_symbol() {
        Some("a Symbol")
    } else if value.is_function() {
        Some("a function")
    } else if !value.is_object() {
        Some("not a plain value")
    } else if value.is_instance_of::<js_sys::Date>() {
        Some("a Date object; give dates as text written YYYY-MM-DD")
    } else if value.is_instance_of::<js_sys::RegExp>() {
        Some("a regular expression")
    } else if value.is_instance_of::<js_sys::Error>() {
        Some("an Error object")
    } else if value.is_instance_of::<js_sys::Map>()
        || value.is_instance_of::<js_sys::Set>()
        || value.is_instance_of::<js_sys::WeakMap>()
        || value.is_instance_of::<js_sys::WeakSet>()
    {
        Some("a Map or Set; give a plain object or list")
    } else if value.is_instance_of::<js_sys::Promise>() {
        Some("a Promise; await it first")
    } else if value.is_instance_of::<js_sys::ArrayBuffer>() || js_sys::ArrayBuffer::is_view(value) {
        Some("binary data (an ArrayBuffer or typed array); give a plain list or text")
    } else {
        None
    };
    if let Some(what) = what {
        return Err(invalid(
            path,
            format!("{} is {what}.", capital(&place(path))),
        ));
    }
    if depth >= MAX_DEPTH {
        return Err(invalid(
            path,
            format!("The input is nested too deeply (more than {MAX_DEPTH} levels) or refers to itself."),
        ));
    }
    budget.containers += 1;
    if budget.containers > MAX_CONTAINERS {
        return Err(invalid(
            path,
            "The input holds too many nested objects or lists.".to_string(),
        ));
    }
    let too_many = || {
        invalid(
            path,
            format!(
                "The input holds too many values (more than {MAX_ITEMS} items and fields in all)."
            ),
        )
    };
    if is_array(value).map_err(|_| threw(path))? {
        let len = js_sys::Reflect::get(value, &JsValue::from_str("length"))
            .map_err(|_| threw(path))?
            .as_f64()
            .unwrap_or(0.0);
        if !(0.0..=MAX_ITEMS as f64).contains(&len) || budget.items + len as usize > MAX_ITEMS {
            return Err(too_many());
        }
        budget.items += len as usize;
        return Ok(Read::Open(Open::List {
            source: value.clone(),
            len: len as u32,
            items: Vec::with_capacity((len as usize).min(4096)),
        }));
    }
    let keys = object_keys(value).map_err(|_| threw(path))?;
    let n = keys.length() as usize;
    if budget.items + n > MAX_ITEMS {
        return Err(too_many());
    }
    budget.items += n;
    Ok(Read::Open(Open::Object {
        source: value.clone(),
        keys: keys
            .iter()
            .map(|k| k.as_string().unwrap_or_default())
            .collect(),
        next: 0,
        fields: BTreeMap::new(),
    }))
}

fn capital(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(first) => first.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// The input as a [`Value`]: one snapshot, each property read exactly once
/// (a getter that changes between reads cannot make the check and the
/// conversion disagree), without recursion (an explicit stack, so no input
/// can exhaust the wasm stack), within [`MAX_DEPTH`], [`MAX_CONTAINERS`],
/// [`MAX_ITEMS`] and [`MAX_TEXT`], every exception thrown while reading
/// caught (`invalidInput`).
fn snapshot(input: &JsValue) -> Result<Value> {
    let mut budget = Budget {
        containers: 0,
        items: 0,
    };
    let mut stack: Vec<Open> = match read(input, "", 0, &mut budget)? {
        Read::Done(v) => return Ok(v),
        Read::Open(open) => vec![open],
    };
    let path = |stack: &[Open]| -> String {
        let mut p: String = stack.iter().map(Open::step).collect();
        if p.starts_with('.') {
            p.remove(0);
        }
        p
    };
    loop {
        let top = stack.last().expect("the stack holds the open containers");
        // The next child of the innermost open container, or None when it is full.
        let child = match top {
            Open::List { source, len, items } if (items.len() as u32) < *len => Some(
                js_sys::Reflect::get_u32(source, items.len() as u32)
                    .map_err(|_| threw(&path(&stack)))?,
            ),
            Open::Object {
                source, keys, next, ..
            } if *next < keys.len() => Some(
                js_sys::Reflect::get(source, &JsValue::from_str(&keys[*next]))
                    .map_err(|_| threw(&path(&stack)))?,
            ),
            _ => None,
        };
        let done = match child {
            Some(child) => match read(&child, &path(&stack), stack.len(), &mut budget)? {
                Read::Done(v) => v,
                Read::Open(open) => {
                    stack.push(open);
                    continue;
                }
            },
            None => match stack.pop().expect("not empty") {
                Open::List { items, .. } => Value::List(items),
                Open::Object { fields, .. } => Value::Object(fields),
            },
        };
        match stack.last_mut() {
            None => return Ok(done),
            Some(Open::List { items, .. }) => items.push(done),
            Some(Open::Object {
                keys, next, fields, ..
            }) => {
                fields.insert(std::mem::take(&mut keys[*next]), done);
                *next += 1;
            }
        }
    }
}

/// Converts, calls, converts back. Every error, whatever its cause, is a JS
/// `Error` with a `code`.
#[cfg(any(feature = "calculators", feature = "tables"))]
fn call<T: Serialize>(
    input: JsValue,
    f: impl FnOnce(&Value) -> Result<T>,
) -> std::result::Result<JsValue, JsValue> {
    call_with(input, f, output)
}

/// [`call`] with the result converted back by `out`.
#[cfg(any(feature = "calculators", feature = "tables"))]
fn call_with<T>(
    input: JsValue,
    f: impl FnOnce(&Value) -> Result<T>,
    out: impl FnOnce(Result<T>) -> std::result::Result<JsValue, JsValue>,
) -> std::result::Result<JsValue, JsValue> {
    let value = to_value(input)?;
    let result = f(&value);
    drop(value);
    out(result)
}

/// A JS input as a [`Value`]: one snapshot, read once (see [`snapshot`]).
fn to_value(input: JsValue) -> std::result::Result<Value, JsValue> {
    snapshot(&input).map_err(to_js_error)
}

/// A result as a JS value, an error as a JS `Error`.
fn output<T: Serialize>(result: Result<T>) -> std::result::Result<JsValue, JsValue> {
    let out = result.map_err(to_js_error)?;
    out.serialize(&serializer()).map_err(|e| {
        to_js_error(Error::new(
            Code::Internal,
            format!("The result could not be returned: {e}."),
        ))
    })
}

/// The API functions that take one input object: each converts, calls
/// `api::$rust`, converts back (the TypeScript types name the input and result).
macro_rules! exports {
    ($($feature:tt: $rust:ident as $js:ident($input:tt) -> $result:tt;)*) => {$(
        #[cfg(feature = $feature)]
        #[wasm_bindgen(js_name = $js, unchecked_return_type = $result)]
        pub fn $rust(
            #[wasm_bindgen(unchecked_param_type = $input)] input: JsValue,
        ) -> std::result::Result<JsValue, JsValue> {
            call(input, api::$rust)
        }
    )*};
}

exports! {
    "calculators": crr as crr("CrrInput") -> "CrrResult";
    "calculators": clv as clv("ClvInput") -> "ClvResult";
    "calculators": nps as nps("NpsInput") -> "NpsResult";
    "calculators": ces as ces("CesInput") -> "CesResult";
    "calculators": csat as csat("CsatInput") -> "CsatResult";
    "calculators": fcr as fcr("FcrInput") -> "FcrResult";
    "tables": parse_table as parseTable("ParseTableInput") -> "ParsedTable";
    "analytics": rfm as rfm("RfmInput") -> "RfmResult";
    "analytics": retention as retention("RetentionInput") -> "RetentionResult";
    "analytics": cohorts as cohorts("CohortsInput") -> "CohortsResult";
    "analytics": clv_from_log as clvFromLog("ClvFromLogInput") -> "ClvFromLogResult";
    "analytics": lifecycle as lifecycle("LifecycleInput") -> "LifecycleResult";
    "analytics": predict_clv as predictClv("PredictClvInput") -> "PredictClvResult";
    "analytics": subscription_retention as subscriptionRetention("SubscriptionRetentionInput") -> "SubscriptionRetentionResult";
    "analytics": trends as trends("TrendsInput") -> "TrendsResult";
}

/// `analyzeLog(input)`: as the other exports, but with `tables: true` its
/// customer columns become typed arrays (`Float64Array`, `Uint8Array`; one
/// copy each) instead of lists of numbers.
#[cfg(feature = "analytics")]
#[wasm_bindgen(js_name = analyzeLog, unchecked_return_type = "AnalyzeLogResult")]
pub fn analyze_log(
    #[wasm_bindgen(unchecked_param_type = "AnalyzeLogInput")] input: JsValue,
) -> std::result::Result<JsValue, JsValue> {
    call_with(input, api::analyze_log, analysis_output)
}

/// An `analyzeLog` result as a JS value, its `tables` as typed arrays.
#[cfg(feature = "analytics")]
fn analysis_output(
    result: Result<api::log::FromLog<api::log::Analysis>>,
) -> std::result::Result<JsValue, JsValue> {
    use api::columns::{LifecycleColumns, RfmColumns};
    fn f64s(v: &[f64]) -> JsValue {
        js_sys::Float64Array::from(v).into()
    }
    fn u8s(v: &[u8]) -> JsValue {
        js_sys::Uint8Array::from(v).into()
    }
    fn texts<S: AsRef<str>>(v: &[S]) -> JsValue {
        v.iter()
            .map(|s| JsValue::from_str(s.as_ref()))
            .collect::<js_sys::Array>()
            .into()
    }
    fn object(fields: &[(&str, JsValue)]) -> JsValue {
        let o: JsValue = js_sys::Object::new().into();
        for (k, v) in fields {
            set(&o, k, v);
        }
        o
    }
    let rfm = |t: &RfmColumns, names: JsValue| {
        object(&[
            ("customer", names),
            ("recency", f64s(&t.recency)),
            ("frequency", f64s(&t.frequency)),
            ("monetary", f64s(&t.monetary)),
            ("r", u8s(&t.r)),
            ("f", u8s(&t.f)),
            ("m", u8s(&t.m)),
            ("segment", u8s(&t.segment)),
            ("segmentKeys", texts(&t.segment_keys)),
        ])
    };
    let life = |t: &LifecycleColumns, names: JsValue| {
        object(&[
            ("customer", names),
            ("daysSinceFirstPurchase", f64s(&t.days_since_first_purchase)),
            ("daysSinceLastPurchase", f64s(&t.days_since_last_purchase)),
            ("spend", f64s(&t.spend)),
            ("stage", u8s(&t.stage)),
            ("stageKeys", texts(&t.stage_keys)),
            ("vip", u8s(&t.vip)),
            ("winBack", u8s(&t.win_back)),
            ("winBackKeys", texts(&t.win_back_keys)),
        ])
    };
    let mut out = result.map_err(to_js_error)?;
    let tables = out.result.tables.take();
    let js = output(Ok(out))?;
    if let Some(t) = tables {
        let rfm_names = t.rfm.as_ref().map(|r| (r, texts(&r.customer)));
        // Both tables list the customers with a purchase in the same order:
        // their names are handed over once.
        let life_js = t.lifecycle.as_ref().map_or(JsValue::NULL, |l| {
            let names = match &rfm_names {
                Some((r, names)) if r.customer == l.customer => names.clone(),
                _ => texts(&l.customer),
            };
            life(l, names)
        });
        let rfm_js = rfm_names.map_or(JsValue::NULL, |(r, names)| rfm(r, names));
        let tables = object(&[("rfm", rfm_js), ("lifecycle", life_js)]);
        set(&js, "tables", &tables);
    }
    Ok(js)
}

/// `new LogStream(options)`: `analyzeLog` of a file read in blocks (a file
/// larger than memory): `scan(bytes)` for each block, `endScan()`, then
/// `read(bytes)` for each block again from the first, then `finish()`, which
/// returns what `analyzeLog({ text, ...options })` returns for the file's
/// text. Each block (a `Uint8Array`) is copied into the module's memory and
/// only per-customer state is kept. Errors are thrown as by `analyzeLog`;
/// `notUtf8` when `latin` is false and the file is not UTF-8 (start again
/// with `latin` true: Windows-1252). `size` (optional): the file's size in
/// bytes, which sizes the memory of order ids.
#[cfg(feature = "analytics")]
#[wasm_bindgen(js_name = LogStream)]
pub struct LogStream(Option<api::AnalyzeStream>);

#[cfg(feature = "analytics")]
#[wasm_bindgen(js_class = LogStream)]
impl LogStream {
    #[wasm_bindgen(constructor)]
    pub fn new(
        #[wasm_bindgen(unchecked_param_type = "AnalyzeStreamOptions")] options: JsValue,
        latin: bool,
        size: Option<f64>,
    ) -> std::result::Result<LogStream, JsValue> {
        let value = to_value(options)?;
        let encoding = match latin {
            true => api::Encoding::Windows1252,
            false => api::Encoding::Utf8,
        };
        let mut stream = api::AnalyzeStream::new(&value, encoding).map_err(to_js_error)?;
        if let Some(size) = size.filter(|s| s.is_finite() && *s >= 0.0) {
            stream.size_hint(size as u64);
        }
        Ok(LogStream(Some(stream)))
    }

    fn stream(&mut self) -> std::result::Result<&mut api::AnalyzeStream, JsValue> {
        self.0.as_mut().ok_or_else(|| {
            to_js_error(Error::new(
                Code::InvalidOption,
                "This LogStream has finished: start a new one.",
            ))
        })
    }

    pub fn scan(&mut self, bytes: &[u8]) -> std::result::Result<(), JsValue> {
        self.stream()?.scan(bytes).map_err(to_js_error)
    }

    #[wasm_bindgen(js_name = endScan)]
    pub fn end_scan(&mut self) -> std::result::Result<(), JsValue> {
        self.stream()?.end_scan().map_err(to_js_error)
    }

    pub fn read(&mut self, bytes: &[u8]) -> std::result::Result<(), JsValue> {
        self.stream()?.read(bytes).map_err(to_js_error)
    }

    #[wasm_bindgen(unchecked_return_type = "AnalyzeLogResult")]
    pub fn finish(&mut self) -> std::result::Result<JsValue, JsValue> {
        self.stream()?;
        let stream = self.0.take().expect("checked above");
        analysis_output(stream.finish())
    }
}

/// `defaults()`: the defaults and limits of the analyses (takes nothing).
#[cfg(feature = "analytics")]
#[wasm_bindgen(js_name = defaults, unchecked_return_type = "Defaults")]
pub fn defaults() -> std::result::Result<JsValue, JsValue> {
    output(Ok(api::defaults()))
}

/// `readWorkbook(bytes, { sheet? })`: `bytes` (a `Uint8Array`) is copied into
/// the module's memory and read there; the options are checked like any input.
#[cfg(feature = "xlsx")]
#[wasm_bindgen(js_name = readWorkbook, unchecked_return_type = "Workbook")]
pub fn read_workbook(
    bytes: &[u8],
    #[wasm_bindgen(unchecked_param_type = "ReadWorkbookOptions")] options: Option<JsValue>,
) -> std::result::Result<JsValue, JsValue> {
    let options = to_value(options.unwrap_or(JsValue::NULL))?;
    output(api::read_workbook(bytes, &options))
}
