//! The WebAssembly binding: converts JavaScript values to [`Value`], calls the
//! API function, converts the result back. Errors become JS `Error` objects
//! carrying `code`, `field`, `row` and `skipped`. No logic lives here.

use crate::api::{self, Value};
use crate::error::{Error, Result};
use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &str = include_str!("types.d.ts");

fn set(target: &JsValue, key: &str, value: &JsValue) {
    // Setting a property on a fresh Error object cannot fail.
    let _ = js_sys::Reflect::set(target, &JsValue::from_str(key), value);
}

fn to_js_error(e: Error) -> JsValue {
    let err: JsValue = js_sys::Error::new(&e.message).into();
    set(&err, "code", &JsValue::from_str(e.code));
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
    err
}

fn serializer() -> serde_wasm_bindgen::Serializer {
    serde_wasm_bindgen::Serializer::new()
        .serialize_maps_as_objects(true)
        .serialize_missing_as_null(true)
}

/// Inputs are shallow (the deepest is `columns: { role: … }`); anything nested
/// deeper is refused before conversion.
const MAX_DEPTH: usize = 32;
/// Objects and arrays walked at most (a scores list of numbers counts as one).
const MAX_NODES: usize = 100_000;

/// serde-wasm-bindgen converts recursively, so a deeply nested or cyclic input
/// would exhaust the stack and leave the module unusable. This walks the input
/// without recursion first and refuses such shapes as `invalidInput`.
fn check_shape(input: &JsValue) -> Result<()> {
    let mut stack = vec![(input.clone(), 0usize)];
    let mut nodes = 0;
    while let Some((value, depth)) = stack.pop() {
        if depth >= MAX_DEPTH {
            return Err(Error::new(
                "invalidInput",
                format!("The input is nested too deeply (more than {MAX_DEPTH} levels) or refers to itself."),
            ));
        }
        nodes += 1;
        if nodes > MAX_NODES {
            return Err(Error::new(
                "invalidInput",
                "The input holds too many nested objects or lists.",
            ));
        }
        let children = if js_sys::Array::is_array(&value) {
            js_sys::Array::from(&value)
        } else {
            js_sys::Object::values(value.unchecked_ref())
        };
        for child in children.iter().filter(JsValue::is_object) {
            stack.push((child, depth + 1));
        }
    }
    Ok(())
}

/// A JS input object as a [`Value`] (shape-checked first).
fn to_value(input: JsValue) -> std::result::Result<Value, JsValue> {
    if input.is_object() {
        check_shape(&input).map_err(to_js_error)?;
    }
    serde_wasm_bindgen::from_value(input).map_err(|e| {
        to_js_error(Error::new(
            "invalidInput",
            format!("The input could not be read as a plain object: {e}."),
        ))
    })
}

/// Converts, calls, converts back.
#[cfg(any(feature = "calculators", feature = "tables"))]
fn call<T: Serialize>(
    input: JsValue,
    f: impl FnOnce(&Value) -> Result<T>,
) -> std::result::Result<JsValue, JsValue> {
    output(f(&to_value(input)?))
}

/// A result as a JS value, an error as a JS `Error`.
fn output<T: Serialize>(result: Result<T>) -> std::result::Result<JsValue, JsValue> {
    let out = result.map_err(to_js_error)?;
    out.serialize(&serializer()).map_err(|e| {
        to_js_error(Error::new(
            "internal",
            format!("The result could not be returned: {e}."),
        ))
    })
}

#[cfg(feature = "calculators")]
#[wasm_bindgen(unchecked_return_type = "CrrResult")]
pub fn crr(
    #[wasm_bindgen(unchecked_param_type = "CrrInput")] input: JsValue,
) -> std::result::Result<JsValue, JsValue> {
    call(input, api::crr)
}

#[cfg(feature = "calculators")]
#[wasm_bindgen(unchecked_return_type = "ClvResult")]
pub fn clv(
    #[wasm_bindgen(unchecked_param_type = "ClvInput")] input: JsValue,
) -> std::result::Result<JsValue, JsValue> {
    call(input, api::clv)
}

#[cfg(feature = "calculators")]
#[wasm_bindgen(unchecked_return_type = "NpsResult")]
pub fn nps(
    #[wasm_bindgen(unchecked_param_type = "NpsInput")] input: JsValue,
) -> std::result::Result<JsValue, JsValue> {
    call(input, api::nps)
}

#[cfg(feature = "calculators")]
#[wasm_bindgen(unchecked_return_type = "CesResult")]
pub fn ces(
    #[wasm_bindgen(unchecked_param_type = "CesInput")] input: JsValue,
) -> std::result::Result<JsValue, JsValue> {
    call(input, api::ces)
}

#[cfg(feature = "calculators")]
#[wasm_bindgen(unchecked_return_type = "CsatResult")]
pub fn csat(
    #[wasm_bindgen(unchecked_param_type = "CsatInput")] input: JsValue,
) -> std::result::Result<JsValue, JsValue> {
    call(input, api::csat)
}

#[cfg(feature = "calculators")]
#[wasm_bindgen(unchecked_return_type = "FcrResult")]
pub fn fcr(
    #[wasm_bindgen(unchecked_param_type = "FcrInput")] input: JsValue,
) -> std::result::Result<JsValue, JsValue> {
    call(input, api::fcr)
}

#[cfg(feature = "tables")]
#[wasm_bindgen(js_name = parseTable, unchecked_return_type = "ParsedTable")]
pub fn parse_table(
    #[wasm_bindgen(unchecked_param_type = "ParseTableInput")] input: JsValue,
) -> std::result::Result<JsValue, JsValue> {
    call(input, api::parse_table)
}

#[cfg(feature = "analytics")]
#[wasm_bindgen(js_name = rfm, unchecked_return_type = "RfmResult")]
pub fn rfm(
    #[wasm_bindgen(unchecked_param_type = "RfmInput")] input: JsValue,
) -> std::result::Result<JsValue, JsValue> {
    call(input, api::rfm)
}

#[cfg(feature = "analytics")]
#[wasm_bindgen(js_name = retention, unchecked_return_type = "RetentionResult")]
pub fn retention(
    #[wasm_bindgen(unchecked_param_type = "RetentionInput")] input: JsValue,
) -> std::result::Result<JsValue, JsValue> {
    call(input, api::retention)
}

#[cfg(feature = "analytics")]
#[wasm_bindgen(js_name = cohorts, unchecked_return_type = "CohortsResult")]
pub fn cohorts(
    #[wasm_bindgen(unchecked_param_type = "CohortsInput")] input: JsValue,
) -> std::result::Result<JsValue, JsValue> {
    call(input, api::cohorts)
}

#[cfg(feature = "analytics")]
#[wasm_bindgen(js_name = clvFromLog, unchecked_return_type = "ClvFromLogResult")]
pub fn clv_from_log(
    #[wasm_bindgen(unchecked_param_type = "ClvFromLogInput")] input: JsValue,
) -> std::result::Result<JsValue, JsValue> {
    call(input, api::clv_from_log)
}

#[cfg(feature = "analytics")]
#[wasm_bindgen(js_name = lifecycle, unchecked_return_type = "LifecycleResult")]
pub fn lifecycle(
    #[wasm_bindgen(unchecked_param_type = "LifecycleInput")] input: JsValue,
) -> std::result::Result<JsValue, JsValue> {
    call(input, api::lifecycle)
}

#[cfg(feature = "analytics")]
#[wasm_bindgen(js_name = analyzeLog, unchecked_return_type = "AnalyzeLogResult")]
pub fn analyze_log(
    #[wasm_bindgen(unchecked_param_type = "AnalyzeLogInput")] input: JsValue,
) -> std::result::Result<JsValue, JsValue> {
    call(input, api::analyze_log)
}

#[cfg(feature = "analytics")]
#[wasm_bindgen(js_name = predictClv, unchecked_return_type = "PredictClvResult")]
pub fn predict_clv(
    #[wasm_bindgen(unchecked_param_type = "PredictClvInput")] input: JsValue,
) -> std::result::Result<JsValue, JsValue> {
    call(input, api::predict_clv)
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
