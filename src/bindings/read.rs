//! Reading the options objects JavaScript passes (a plain copy of them, see `plain_copy`),
//! field by field, by hand.
//!
//! Why not serde: serde-wasm-bindgen's error type builds serde's message for a value of the
//! wrong kind (`invalid type: floating point `1.5`, expected a string`), and that message
//! links Rust's whole float printing (Grisu, Dragon4 and their tables) into the module, for
//! words nobody reads: `object_arg` keeps only what was expected. These readers follow
//! serde-wasm-bindgen's rules exactly (which values are read, which fail, the first field
//! that fails in declaration order) and say what the failing field needed, as an
//! [`Expected`].

use crate::input::Expected;
use wasm_bindgen::{JsCast, JsValue};

/// A type read from JavaScript with serde-wasm-bindgen's rules for a `#[serde(default)]`
/// struct: every field may be absent.
pub(crate) trait FromJs: Default {
    /// The value, or what the first field that cannot be read needed.
    fn from_js(value: &JsValue) -> Result<Self, Expected>;
}

/// Anything: what serde's `IgnoredAny` reads (every value).
#[derive(Default)]
pub(crate) struct Anything;

impl FromJs for Anything {
    fn from_js(_: &JsValue) -> Result<Self, Expected> {
        Ok(Anything)
    }
}

/// The fields of an object being read.
pub(crate) struct Fields<'a>(&'a JsValue);

impl<'a> Fields<'a> {
    /// The fields of `value`, when it is an object (an array or a `Date` too: their fields
    /// are absent); a struct is expected otherwise.
    pub(crate) fn of(value: &'a JsValue) -> Result<Self, Expected> {
        if value.is_object() {
            Ok(Fields(value))
        } else {
            Err(Expected::Object)
        }
    }

    /// The field `key`: `None` when absent (undefined and not `in` the object), as
    /// serde-wasm-bindgen tells a missing field from one set to `undefined`.
    fn get(&self, key: &str) -> Option<JsValue> {
        let key = JsValue::from_str(key);
        let value = js_sys::Reflect::get(self.0, &key).unwrap_or(JsValue::UNDEFINED);
        if value.is_undefined() && !js_sys::Reflect::has(self.0, &key).unwrap_or(false) {
            return None;
        }
        Some(value)
    }

    /// The field `key` when set (neither absent nor `undefined` nor `null`).
    fn set(&self, key: &str) -> Option<JsValue> {
        self.get(key).filter(|v| !v.is_undefined() && !v.is_null())
    }

    /// An optional text (`Option<String>`).
    pub(crate) fn text(&self, key: &str) -> Result<Option<String>, Expected> {
        match self.set(key) {
            None => Ok(None),
            Some(v) => v.as_string().map(Some).ok_or(Expected::Text),
        }
    }

    /// An optional number (`Option<f64>`).
    pub(crate) fn number(&self, key: &str) -> Result<Option<f64>, Expected> {
        match self.set(key) {
            None => Ok(None),
            Some(v) => v.as_f64().map(Some).ok_or(Expected::Number),
        }
    }

    /// A list (`Vec<T>`): an array, or any other iterable; empty when absent.
    pub(crate) fn list<T: FromJs>(&self, key: &str) -> Result<Vec<T>, Expected> {
        let Some(value) = self.get(key) else {
            return Ok(Vec::new());
        };
        let mut out = Vec::new();
        if let Some(array) = value.dyn_ref::<js_sys::Array>() {
            for item in array.iter() {
                out.push(T::from_js(&item)?);
            }
            return Ok(out);
        }
        // What serde-wasm-bindgen does with anything else: ask for its iterator. Reading it
        // throws on `undefined`, `null` and every primitive (and a function's iterator may
        // throw); serde's message is then the exception's text.
        match js_sys::try_iter(&value) {
            Err(e) => Err(thrown(&e)),
            Ok(None) => Err(Expected::List),
            Ok(Some(items)) => {
                for item in items {
                    out.push(T::from_js(&item.map_err(|e| thrown(&e))?)?);
                }
                Ok(out)
            }
        }
    }
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `String(value)`, which a `toString` that throws makes throw (then caught here).
    #[wasm_bindgen(js_name = String, catch)]
    fn js_string(value: &JsValue) -> Result<String, JsValue>;
}

/// What an exception's text says was expected, as serde-wasm-bindgen passed it on: mostly
/// nothing ("Reflect.get called on non-object"), so the documented type.
fn thrown(e: &JsValue) -> Expected {
    js_string(e).map_or(Expected::Documented, |text| Expected::from_serde(&text))
}
