//! The one boundary between JavaScript and the core.
//!
//! **Architecture invariant:** this module (and `widget`, for the DOM) is the only code that
//! knows about `JsValue` and `web-sys`. Every exported function takes
//! `JsValue`s, so that *any* JavaScript value (undefined, null, a number, an object, a
//! megabyte of text, lone surrogates) reaches Rust, is read leniently, and yields a result
//! with findings: an exported function never throws and never panics on input.
//!
//! One file per area of the core: `cf`, `calendar`, `catalog`, `routing`, … Each exports
//! camelCase functions; their TypeScript types are real `.d.ts` files next to them
//! (`cf/cf.d.ts`, `routing.d.ts`, …) that a `typescript_custom_section` includes, so that
//! wasm-bindgen writes them into `pkg/instrada.d.ts` and an editor reads them as TypeScript.

use crate::field::Field;
use crate::input::{Expected, InputProblem};
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;

use crate::finding::{Finding, Lang};

pub mod calendar;
#[cfg(feature = "catalog")]
pub mod catalog;
pub mod cf;
pub mod places;
#[cfg(feature = "catalog")]
pub mod routing;
#[cfg(feature = "catalog")]
pub mod timeline;

#[wasm_bindgen(typescript_custom_section)]
const TS_SHARED: &str = include_str!("shared.d.ts");

/// Longest text accepted from JavaScript for any single argument (1 MiB of UTF-16 code units
/// is about what a pasted document could be). Longer input is refused with a finding before
/// any work is done on it.
pub(crate) const MAX_TEXT: usize = 1 << 20;

/// Installs the panic hook once, when the module starts.
#[wasm_bindgen(start)]
pub fn start() {
    use std::sync::atomic::{AtomicBool, Ordering};
    // `start` is also exported: a second call from JavaScript must not replace the hook the
    // widget wrapped around this one (it makes every widget step aside after a panic).
    static INSTALLED: AtomicBool = AtomicBool::new(false);
    if INSTALLED.swap(true, Ordering::SeqCst) {
        return;
    }
    std::panic::set_hook(Box::new(|info| {
        static LOGGED: AtomicBool = AtomicBool::new(false);
        if !LOGGED.swap(true, Ordering::SeqCst) {
            // Never log input values: they may be personal data. The location is enough.
            let place = info
                .location()
                .map(|l| format!("{}:{}", l.file(), l.line()))
                .unwrap_or_default();
            web_sys::console::error_1(
                &format!("instrada: internal error at {place}; the widget steps aside and the form keeps working.").into(),
            );
        }
    }));
}

/// Reads a JavaScript value as text. `undefined`/`null` are `Ok(None)` (the field is
/// empty); numbers are read as their decimal text (a codice fiscale of 11 digits may arrive
/// as a number); anything else (objects, arrays, booleans, symbols) is a finding.
pub(crate) fn text_arg(
    value: &JsValue,
    field: &str,
    lang: Lang,
) -> Result<Option<String>, Finding> {
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    if let Some(n) = value.as_f64() {
        if n.is_finite() && n.fract() == 0.0 && n.abs() < 1e16 {
            // `{:.0}` costs nothing more: serde already links f64's Display (precision
            // included) for its error messages; formatting an integer instead measured no
            // smaller.
            return Ok(Some(format!("{n:.0}")));
        }
        return Err(InputProblem::NumberNotCode
            .finding(lang)
            .field(Field::input(field)));
    }
    // `JsString::length` counts UTF-16 units without copying the string into wasm memory.
    if let Some(js) = value.dyn_ref::<js_sys::JsString>() {
        if js.length() as usize > MAX_TEXT {
            let length = js.length() as usize;
            let problem = InputProblem::TooLong {
                length,
                max: MAX_TEXT,
            };
            return Err(problem.finding(lang).field(Field::input(field)));
        }
        // Lone surrogates become U+FFFD here, so Rust always sees valid UTF-8.
        return Ok(Some(String::from(js)));
    }
    Err(InputProblem::NotText
        .finding(lang)
        .field(Field::input(field)))
}

/// Reads an options/request object leniently: `undefined`/`null` give the default; a value
/// that does not have the expected shape is a finding that names the field (its path) and
/// the kind of value it needs.
pub(crate) fn object_arg<T: DeserializeOwned + Default>(
    value: JsValue,
    what: &str,
    lang: Lang,
) -> Result<T, Finding> {
    if value.is_undefined() || value.is_null() {
        return Ok(T::default());
    }
    // An array is an object to JavaScript, and serde would read `[]` as an empty options
    // object: a silent pass for what is surely a mistake (`[code]` for `{ code }`).
    if !value.is_object() || value.is_function() || is_array(&value) {
        return Err(InputProblem::NotObject { what: what.into() }.finding(lang));
    }
    // serde-wasm-bindgen reads properties with calls that do not catch: a getter or a Proxy
    // trap that throws would throw through the module (and out of a function documented
    // never to throw), leaving its state half-written. It reads a plain copy instead.
    let copy = plain_copy(&value);
    if copy.is_null() {
        return Err(unreadable_finding(what, lang));
    }
    if copy.is_undefined() {
        return Err(InputProblem::TextInsideTooLong {
            what: what.into(),
            max: MAX_TEXT,
        }
        .finding(lang));
    }
    serde_wasm_bindgen::from_value(copy.clone()).map_err(|e| {
        let path = bad_path(&copy, &|v| serde_wasm_bindgen::from_value::<T>(v).is_err());
        let expected = Expected::from_serde(&e.to_string());
        InputProblem::WrongType {
            what: what.into(),
            path,
            expected,
        }
        .finding(lang)
    })
}

/// `input.unreadable`: `what` is an object that throws when it is read (a getter, a Proxy
/// trap, a revoked Proxy).
pub(crate) fn unreadable_finding(what: &str, lang: Lang) -> Finding {
    InputProblem::Unreadable { what: what.into() }.finding(lang)
}

/// One step from an object to a part of it.
enum Step {
    Key(String),
    Index(u32),
}

/// Where in `copy` (a plain copy, see `plain_copy`) the value is that the options type
/// cannot read (`fails`), as a path (`events[2].date`): the smallest part that alone still
/// fails, found by reading values that keep one field, or one element of a list, at a time
/// (every field of the options types has a default). A list or an object that fails even
/// empty is itself of the wrong kind: the path stops there. Empty when no single part
/// fails; at most 200 readings. Not generic, so it is compiled once.
fn bad_path(copy: &JsValue, fails: &dyn Fn(JsValue) -> bool) -> String {
    let mut steps: Vec<Step> = Vec::new();
    let mut current = copy.clone();
    let mut budget = 200u32;
    loop {
        let children: Vec<(Step, JsValue)> = if js_sys::Array::is_array(&current) {
            let list: &js_sys::Array = current.unchecked_ref();
            (0..list.length().min(budget))
                .map(|i| (Step::Index(i), list.get(i)))
                .collect()
        } else if current.is_object() {
            let object: &js_sys::Object = current.unchecked_ref();
            js_sys::Object::keys(object)
                .iter()
                .filter_map(|k| {
                    let v = js_sys::Reflect::get(&current, &k).ok()?;
                    Some((Step::Key(k.as_string()?), v))
                })
                .collect()
        } else {
            break;
        };
        let mut found = None;
        for (step, child) in children {
            if budget == 0 {
                break;
            }
            budget -= 1;
            if fails(within(&steps, &step, &child)) {
                found = Some((step, child));
                break;
            }
        }
        let Some((step, child)) = found else {
            break;
        };
        let empty: Option<JsValue> = if js_sys::Array::is_array(&child) {
            Some(js_sys::Array::new().into())
        } else if child.is_object() {
            Some(js_sys::Object::new().into())
        } else {
            None
        };
        let wrong_kind = empty.is_some_and(|e| fails(within(&steps, &step, &e)));
        steps.push(step);
        if wrong_kind {
            break;
        }
        current = child;
    }
    let mut path = String::new();
    for step in &steps {
        match step {
            Step::Key(k) if path.is_empty() => path.push_str(k),
            Step::Key(k) => path.extend([".", k.as_str()]),
            Step::Index(i) => path.extend(["[", &i.to_string(), "]"]),
        }
    }
    path
}

/// `value` alone at `steps` then `last`, as in the whole: `{ events: [{ date: value }] }`.
fn within(steps: &[Step], last: &Step, value: &JsValue) -> JsValue {
    let mut v = wrap(last, value);
    for s in steps.iter().rev() {
        v = wrap(s, &v);
    }
    v
}

/// `{ key: value }` or `[value]`.
fn wrap(step: &Step, value: &JsValue) -> JsValue {
    match step {
        Step::Key(k) => {
            let object = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&object, &JsValue::from_str(k), value);
            object.into()
        }
        Step::Index(_) => js_sys::Array::of1(value).into(),
    }
}

#[wasm_bindgen(module = "/src/bindings/values.js")]
extern "C" {
    pub(crate) fn plain_copy(value: &JsValue) -> JsValue;
    /// The local calendar day of a real `Date` as `YYYY-MM-DD` (empty when the `Date` is
    /// invalid); `None` for anything else, Date-likes included. Never throws: use it instead
    /// of `dyn_ref::<js_sys::Date>()`, whose `instanceof` a Date-like passes (and a revoked
    /// Proxy throws in) before `getTime` throws.
    pub(crate) fn date_text(value: &JsValue) -> Option<String>;
    /// `Array.isArray` that never throws (a revoked Proxy is not an array).
    pub(crate) fn is_array(value: &JsValue) -> bool;
    /// A revoked Proxy, or a Proxy whose traps for the object's shape throw.
    pub(crate) fn unreadable(value: &JsValue) -> bool;
}

/// Reads the `lang` field of an options object without failing: anything unreadable is
/// Italian, the default.
pub(crate) fn lang_of(options: &JsValue) -> Lang {
    lang_value(options)
        .and_then(|v| v.as_string())
        .and_then(|s| Lang::parse(&s))
        .unwrap_or_default()
}

/// `options.lang` when `options` is an object and gives one (not undefined or null); a
/// getter that throws counts as absent.
fn lang_value(options: &JsValue) -> Option<JsValue> {
    if !options.is_object() {
        return None;
    }
    js_sys::Reflect::get(options, &JsValue::from_str("lang"))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// `input.unknown-lang` when an options object gives a `lang` that is neither Italian nor
/// English (the messages are then Italian, and the caller should know why); `None` when
/// `lang` is absent or known. Both languages in one message: which one the caller reads is
/// what is in doubt.
pub(crate) fn lang_note(options: Option<&JsValue>) -> Option<Finding> {
    let value = lang_value(options?)?;
    let given = match value.as_string() {
        Some(s) if Lang::parse(&s).is_some() => return None,
        other => other,
    };
    Some(InputProblem::UnknownLang { given }.finding(Lang::It))
}

/// The warnings of a function whose options only give `lang` and whose result has no
/// `findings` (`checkMatricola`, `loadProfile`): options that are not an object, or an
/// unknown language. What they were passed for is done all the same, in Italian.
pub(crate) fn option_warnings(options: &JsValue, lang: Lang) -> Vec<Finding> {
    let unusable = object_arg::<serde::de::IgnoredAny>(options.clone(), "options", lang).err();
    // Pushed, not chained and collected: one copy less of the adapters in the module
    // (issue 15).
    let mut out = Vec::new();
    if let Some(f) = unusable {
        out.push(soften(f));
    }
    if let Some(f) = lang_note(Some(options)) {
        out.push(f);
    }
    out
}

/// Options are the caller's, not the user's: a bad option is a warning, never an error that
/// would block what the user typed.
pub(crate) fn soften(mut f: Finding) -> Finding {
    f.severity = crate::finding::Severity::Warning;
    f
}

/// Adds the `note` of [`lang_note`] to a result: to its `findings`, or to its `warnings`
/// (the codice fiscale results).
pub(crate) fn with_lang_note(result: JsValue, note: Option<Finding>) -> JsValue {
    let Some(note) = note else {
        return result;
    };
    for key in ["findings", "warnings"] {
        let list = js_sys::Reflect::get(&result, &JsValue::from_str(key)).unwrap_or_default();
        if is_array(&list) {
            list.unchecked_ref::<js_sys::Array>().push(&wire_js(&note));
            break;
        }
    }
    result
}

/// Turns a result into a plain JavaScript object: its JSON text (`crate::wire`), parsed once
/// by the engine. Our own text is always valid JSON; should the parse ever fail, the caller
/// gets `null` rather than a panic.
pub(crate) fn wire_js<T: crate::wire::ToWire + ?Sized>(value: &T) -> JsValue {
    js_sys::JSON::parse(&value.to_wire()).unwrap_or(JsValue::NULL)
}

/// A finding as a plain JavaScript object (`loadProfile`'s warnings), written as every other
/// result is, through [`wire_js`]: the same object serde-wasm-bindgen's serializer made from
/// its `Serialize` derive (`wire.rs` keeps the two identical), without linking that
/// serializer (issue 15).
#[cfg(feature = "catalog")]
pub(crate) fn to_js(finding: &Finding) -> JsValue {
    wire_js(finding)
}

/// The version of instrada, as in `Cargo.toml`: a portal can log it next to a problem report.
#[wasm_bindgen]
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
