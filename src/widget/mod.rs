//! The embeddable widget: it enhances a portal's own form ([`attach`]) or builds a complete
//! request form in an empty container ([`mount`]), and [`Widget::detach`] puts the page back
//! as it was.
//!
//! ```js
//! import init, { attach } from 'instrada';
//! await init();
//! const widget = attach(document.querySelector('form'), { profile: 'torino' });
//! form.addEventListener('instrada:invalid', (e) => console.log(e.detail.findings));
//! widget.detach();
//! ```
//!
//! **Architecture invariant:** this module (with `bindings`) is the only code that touches
//! the DOM and `JsValue`. It calls the pure core directly in Rust ([`checks`] is the one
//! link), and writes text only through text nodes and attributes, never markup.
//!
//! How it behaves, after GOV.UK's validation pattern:
//!
//! - guidance is live (the decoded codice fiscale, the picker's proposals, the channel and the
//!   dates); errors and warnings appear when the person leaves a field they changed, or tries
//!   to submit;
//! - a submission with errors is stopped: an error summary at the top of the form links to
//!   each field and takes the focus; each field shows the same text inline, referenced by
//!   `aria-describedby`, with `aria-invalid`; warnings never stop a submission;
//! - `setCustomValidity` always holds the field's current errors, so the portal's own
//!   `checkValidity()` is truthful;
//! - nothing the person typed is rewritten without their explicit action ("Usa …" buttons);
//! - if anything fails inside a widget (a panic, a trap, an exception of the page's own
//!   code), every widget steps aside: [`watchdog`] removes what they added, in JavaScript,
//!   and the form submits exactly as without them; the failure is logged once.

mod dom;
mod events;
mod fields;
mod inline;
mod inner;
mod mounted;
mod options;
mod page;
mod panel;
mod picker;
mod refresh;
mod watchdog;

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlFormElement};

use crate::form::Trigger;

use inner::{forget, live, Carry, Inner, Mounted};
use page::warn;

#[cfg(debug_assertions)]
pub use page::simulate_failure_for_tests;
#[cfg(feature = "test-hooks")]
pub use page::{
    exhaust_memory_at_next_input_for_tests, panic_at_next_input_for_tests,
    trap_at_next_input_for_tests,
};

#[wasm_bindgen(typescript_custom_section)]
const TS: &str = include_str!("widget-api.d.ts");

/// A handle on an enhanced form, to call [`Widget::findings`] or [`Widget::detach`], for
/// Rust callers (the browser tests). JavaScript gets the watchdog's handle (the `Widget`
/// interface of the TypeScript types), which calls the same methods by the widget's key.
///
/// The widget lives until `detach()`, whether or not the handle is kept: a portal that calls
/// `attach(form)` and drops the result (or `start()`, which attaches on its own) keeps a
/// working form. Dropping the handle (or the garbage collector freeing it) does not detach.
pub struct Widget {
    inner: Option<Rc<Inner>>,
}

/// Enhances `form` (a `<form>` element) with the checks. `options` (all optional):
/// `{ profile, sede, lang, today, checks }`; the form's `data-instrada`,
/// `data-instrada-sede`, `data-instrada-lang` and `data-instrada-today` attributes fill what
/// the options leave out. Returns `undefined` (and logs one console warning) when `form`
/// is not a form or is already enhanced: nothing throws.
pub fn attach(form: JsValue, options: JsValue) -> Option<Widget> {
    let form: HtmlFormElement = brand_checked(
        form,
        watchdog::wd_is_form,
        "attach() needs a <form> element; nothing was changed.",
    )?;
    let options = plain_options(&options);
    let cfg = options::read(&options, Some(&form));
    Inner::start(form, cfg, None, Carry::default()).map(|inner| Widget { inner: Some(inner) })
}

/// [`attach`] for JavaScript: run under the watchdog (a failure while attaching puts the
/// form back and gives `undefined`), and answered with the watchdog's handle.
#[wasm_bindgen(js_name = attach, unchecked_return_type = "Widget | undefined")]
pub fn attach_js(
    #[wasm_bindgen(unchecked_param_type = "HTMLFormElement")] form: JsValue,
    #[wasm_bindgen(unchecked_param_type = "InstradaOptions | undefined")] options: JsValue,
) -> JsValue {
    guarded_start(move || attach(form, options))
}

/// [`mount`] for JavaScript, as [`attach_js`].
#[wasm_bindgen(js_name = mount, unchecked_return_type = "Widget | undefined")]
pub fn mount_js(
    #[wasm_bindgen(unchecked_param_type = "Element")] container: JsValue,
    #[wasm_bindgen(unchecked_param_type = "InstradaMountOptions | undefined")] options: JsValue,
) -> JsValue {
    guarded_start(move || mount(container, options))
}

/// Runs `start` under the watchdog and gives JavaScript its handle on the widget.
fn guarded_start(start: impl FnOnce() -> Option<Widget> + 'static) -> JsValue {
    install_api();
    let out: Rc<RefCell<Option<Widget>>> = Rc::new(RefCell::new(None));
    let slot = out.clone();
    let run = Closure::once_into_js(move || {
        let widget = start();
        if let Ok(mut slot) = slot.try_borrow_mut() {
            *slot = widget;
        }
    });
    if !watchdog::wd_try(run.unchecked_ref()) {
        return JsValue::UNDEFINED;
    }
    let widget = out.try_borrow_mut().ok().and_then(|mut w| w.take());
    match widget.and_then(|mut w| w.inner.take()) {
        Some(inner) => watchdog::wd_handle(&inner.prefix, inner.form.as_ref()),
        None => JsValue::UNDEFINED,
    }
}

/// The Rust side of the JavaScript handle's methods, registered once: each finds the live
/// widget by its key (its prefix); a key no longer live (detached) does nothing.
fn install_api() {
    static INSTALLED: AtomicBool = AtomicBool::new(false);
    if INSTALLED.swap(true, Ordering::SeqCst) {
        return;
    }
    let api = Closure::<dyn Fn(String, String, JsValue) -> JsValue>::new(
        |method: String, key: String, arg: JsValue| -> JsValue {
            let Some(inner) = live(&key) else {
                return JsValue::UNDEFINED;
            };
            let mut widget = Widget { inner: Some(inner) };
            match method.as_str() {
                "detach" => widget.detach(),
                "findings" => return widget.findings(),
                "validate" => return widget.validate().into(),
                "refresh" => widget.refresh(),
                "update" => {
                    widget.update(plain_options(&arg));
                    // A new widget (a new key; a mounted form is a new form) or none.
                    if let Some(inner) = &widget.inner {
                        return js_sys::Array::of2(
                            &JsValue::from_str(&inner.prefix),
                            inner.form.as_ref(),
                        )
                        .into();
                    }
                }
                _ => {}
            }
            JsValue::UNDEFINED
        },
    );
    watchdog::wd_api(api.as_ref().unchecked_ref());
    // For the life of the page.
    api.forget();
}

/// `value` as a `T` when the watchdog's brand check `is` says it is one (a Proxy or another
/// look-alike is not); otherwise `None`, after the one console `warning` the entry point
/// owes its caller.
fn brand_checked<T: JsCast>(value: JsValue, is: fn(&JsValue) -> bool, warning: &str) -> Option<T> {
    if !is(&value) {
        warn(warning);
        return None;
    }
    Some(value.unchecked_into())
}

/// A plain copy of the options (a getter, a Proxy, a revoked Proxy or a Date-like can then
/// throw nowhere inside the widget); `undefined`, after one warning, when they cannot be read.
fn plain_options(options: &JsValue) -> JsValue {
    if !options.is_object() {
        return options.clone();
    }
    let copy = crate::bindings::plain_copy(options);
    if copy.is_null() || copy.is_undefined() {
        warn("the options cannot be read (one of their properties throws, or a text in them is over 1 MiB); the form's attributes and the defaults are used.");
        return JsValue::UNDEFINED;
    }
    copy
}

/// Builds a complete request form inside `container` (an empty element) and enhances it.
/// Options as for [`attach`], plus `action` and `method` for the form. Returns `undefined`
/// (and logs one console warning) when `container` is not an element.
pub fn mount(container: JsValue, options: JsValue) -> Option<Widget> {
    let container: Element = brand_checked(
        container,
        watchdog::wd_is_element,
        "mount() needs an element to build the form in; nothing was changed.",
    )?;
    let options = plain_options(&options);
    let doc = dom::document()?;
    let cfg = options::read(&options, None);
    let extras = options::mount_extras(&options);
    let form = mounted::build(&doc, &container, &cfg, &extras);
    let mounted = Mounted {
        form: form.clone().into(),
        extras,
    };
    Inner::start(form, cfg, Some(mounted), Carry::default())
        .map(|inner| Widget { inner: Some(inner) })
}

impl Widget {
    /// Removes everything the widget added (messages, summary, panels, picker, listeners,
    /// ids, ARIA attributes, custom validity) and leaves the portal's form as it was. A
    /// mounted form is removed. Calling it twice does nothing.
    pub fn detach(&mut self) {
        if let Some(inner) = self.inner.take() {
            inner.detach();
            forget(&inner);
        }
    }

    /// Applies new options (`{ lang, profile, sede, today, checks, values }`; each one left
    /// out stays as it was) without losing anything: what is typed stays, and what the checks
    /// had said stays on display, said again with the new settings (in the new language, with
    /// the new sede's dates). A mounted form is built again with the same values. Does
    /// nothing once detached.
    pub fn update(&mut self, options: JsValue) {
        let Some(old) = self.inner.take() else {
            return;
        };
        if page::broken() || old.stepped_aside.get() {
            self.inner = Some(old);
            return;
        }
        let cfg = options::update(&old.cfg, &options);
        let carry = old.carry();
        let focused = old.focused_kind();
        let doc = old.doc.clone();
        // A mounted form is built again in the new language, after the old one, which then
        // goes: the values go over field by field.
        let (form, mounted) = match &old.mounted {
            Some(m) => {
                let parent = m.form.parent_element();
                let Some(parent) = parent else {
                    self.inner = Some(old);
                    return;
                };
                let form = mounted::build(&doc, &parent, &cfg, &m.extras);
                let _ = m.form.after_with_node_1(&form);
                mounted::copy_values(&old.form, &form);
                let mounted = Mounted {
                    form: form.clone().into(),
                    extras: m.extras.clone(),
                };
                (form, Some(mounted))
            }
            None => (old.form.clone(), None),
        };
        old.detach();
        forget(&old);
        drop(old);
        self.inner = Inner::start(form, cfg, mounted, carry);
        if let (Some(inner), Some(kind)) = (&self.inner, focused) {
            if inner.mounted.is_some() {
                if let Some(f) = inner.field(kind) {
                    f.control.focus();
                }
            }
        }
    }

    /// Looks at the form again as on attach: for a portal that filled the fields itself (a
    /// saved draft) after `attach()`. Warnings on what is filled are shown at once; errors
    /// wait, as for typed values, for the person to leave a field they changed or to submit.
    pub fn refresh(&self) {
        if let Some(inner) = &self.inner {
            inner.refill_options();
            inner.refresh(Trigger::Review, None);
        }
    }

    /// The current findings of every check (errors, warnings, information), each with its
    /// `field`, whether they are on display or not; an empty array once detached.
    pub fn findings(&self) -> JsValue {
        match &self.inner {
            Some(inner) => inner.findings_js(),
            None => js_sys::Array::new().into(),
        }
    }

    /// Runs the checks as a submission would (shows every error, the summary, moves the
    /// focus to it) without submitting: for portals that send the form themselves. True when
    /// there is no error.
    pub fn validate(&self) -> bool {
        self.inner
            .as_ref()
            .is_none_or(|inner| inner.refresh(Trigger::Submit, None))
    }

    /// The enhanced form (`undefined` once detached).
    pub fn form(&self) -> Option<HtmlFormElement> {
        self.inner.as_ref().map(|inner| inner.form.clone())
    }
}
