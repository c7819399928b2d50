//! Helpers of the browser tests (`tests/web/`) that read and build JavaScript values.
//! Each test file uses some of them.
#![allow(dead_code)]

use js_sys::{Array, Object, Reflect};
use wasm_bindgen::JsValue;

/// `value[key]`, or undefined; a path of properties and array indices reads down
/// (`get(&r, "errors.0.code")`).
pub fn get(value: &JsValue, path: &str) -> JsValue {
    path.split('.').fold(value.clone(), |acc, key| {
        Reflect::get(&acc, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
    })
}

/// The value as JSON, for a failure's message.
pub fn show(value: &JsValue) -> String {
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| format!("{value:?}"))
}

/// A plain object with these properties.
pub fn obj(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &JsValue::from_str(k), v).expect("set a property");
    }
    o.into()
}

pub fn s(text: &str) -> JsValue {
    JsValue::from_str(text)
}

pub fn n(x: f64) -> JsValue {
    JsValue::from_f64(x)
}

/// The codes of a result's findings.
pub fn codes(result: &JsValue) -> Vec<String> {
    Array::from(&get(result, "findings"))
        .iter()
        .map(|f| get(&f, "code").as_string().unwrap_or_default())
        .collect()
}

/// The codes of a result's findings that are errors.
pub fn errors(result: &JsValue) -> Vec<String> {
    Array::from(&get(result, "findings"))
        .iter()
        .filter(|f| get(f, "severity").as_string().as_deref() == Some("error"))
        .map(|f| get(&f, "code").as_string().unwrap_or_default())
        .collect()
}

#[track_caller]
pub fn check<T: PartialEq + std::fmt::Debug>(what: &str, expected: T, actual: T) {
    assert!(
        expected == actual,
        "{what}\n  expected: {expected:?}\n  actual:   {actual:?}"
    );
}
