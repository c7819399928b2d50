//! The watchdog: whatever fails inside a widget, every widget of the page steps aside and the
//! form is the portal's again, without calling the module once more.
//!
//! A failure can be a panic (a trap once the panic hook has run), any other trap ("memory
//! access out of bounds", memory exhausted), or a JavaScript exception thrown into a handler
//! (a portal's field whose `value` getter throws). After a trap the module's state may be
//! half-written: a `RefCell` left borrowed, a stack pointer left where it was. So the side of
//! the widget that must keep working is JavaScript: every way into a widget (its event
//! listeners, its idle tasks, `attach`/`mount` and the `Widget` handle's methods) goes
//! through [`guard`] or [`wd_try`], and on a failure the JavaScript below
//!
//! - removes every element the widget created (each is noted at birth, see [`wd_created`]),
//! - puts back on the portal's controls what they had when the widget came: their
//!   `setCustomValidity` messages, `aria-describedby` and `aria-invalid`, their `is-invalid`
//!   class, their ids, their selection (see [`wd_watch`]),
//! - gives the form back its `novalidate` and removes the widget's mark,
//! - logs ONE console message, with the kind of failure only (never a value: it may be
//!   personal data),
//! - and, when the failure happened in the submit handler, stops that submission and hands
//!   it to the browser's own validation: `reportValidity()`, then `requestSubmit()` when the
//!   form is valid. A form the browser would have stopped never goes through.
//!
//! `detach()` runs the same restoration after the widget's own, so detaching and failing put
//! the page back the same way.
//!
//! The `Widget` handle a portal gets is a JavaScript object (not a wasm-bindgen class): it has
//! no `free()` that could leave a dangling pointer for `detach()` to throw on.

use wasm_bindgen::prelude::*;

#[wasm_bindgen(module = "/src/widget/watchdog.js")]
extern "C" {
    /// Notes what the portal's controls have before the widget touches them (the form of
    /// the widget with ids starting with `prefix`; `mounted` is the form `mount` built).
    pub(crate) fn wd_watch(prefix: &str, form: &JsValue, mounted: &JsValue);
    /// The portal's own custom validity message of `control` when the widget came.
    pub(crate) fn wd_custom(prefix: &str, control: &JsValue) -> String;
    /// Puts back what the snapshot knows and forgets the widget.
    pub(crate) fn wd_release(prefix: &str);
    /// Notes an element the widget created (removed when it steps aside).
    pub(crate) fn wd_created(element: &JsValue);
    /// True once the watchdog has seen a failure.
    pub(crate) fn wd_failed() -> bool;
    /// The panic hook logged the failure.
    pub(crate) fn wd_logged();
    /// Tests only: forget a simulated failure.
    pub(crate) fn wd_reset();
    /// Wraps a handler: the module is not called after a failure, and a failure inside it
    /// makes every widget step aside.
    pub(crate) fn guard(handler: &js_sys::Function) -> js_sys::Function;
    /// Runs `f` guarded; false when it failed.
    pub(crate) fn wd_try(f: &js_sys::Function) -> bool;
    /// The Rust side of the `Widget` handle's methods: `f(method, key, argument)`.
    pub(crate) fn wd_api(f: &js_sys::Function);
    /// A new `Widget` handle.
    pub(crate) fn wd_handle(key: &str, form: &JsValue) -> JsValue;
    /// True for a real `<form>` element (a Proxy of one is not).
    pub(crate) fn wd_is_form(value: &JsValue) -> bool;
    /// True for a real element.
    pub(crate) fn wd_is_element(value: &JsValue) -> bool;
    /// A control's value, at most `max` UTF-16 units of it.
    fn wd_value(control: &JsValue, max: u32) -> String;
    /// The full length (UTF-16 units) of the value last read by `wd_value`.
    fn wd_value_length() -> u32;
}

/// A control's value as the widget checks it: at most `max` characters (UTF-16 units) of
/// it, and its full length. Only those characters are copied into the module's memory;
/// the control keeps, and the form submits, the whole value.
pub(crate) fn bounded_value(control: &JsValue, max: usize) -> (String, usize) {
    let head = wd_value(control, u32::try_from(max).unwrap_or(u32::MAX));
    (head, wd_value_length() as usize)
}
