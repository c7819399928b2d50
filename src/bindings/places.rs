//! The place registry's file (`instrada-places.txt`, in the package next to the module):
//! fetched once, at idle after the widget is interactive or at the first need, handed to
//! [`crate::cf::places::load`]; and `ready()`, for pages and headless callers that want to
//! wait for it. A build without the `places-file` feature embeds the registry: there
//! `ready()` resolves to `true` at once and nothing is fetched.
//!
//! The request carries nothing of the person: a GET of a static file of the package, from
//! the module's own place or the URL the portal gives (`ready({ url })`, the widget's
//! `places` option), with the page's own credentials policy; nothing is stored.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

use crate::cf::places;

#[wasm_bindgen(typescript_custom_section)]
const TS_PLACES: &str = include_str!("places.d.ts");

// The fetch, in JavaScript (src/bindings/places.js): the package's file or the URL given;
// never rejects.
#[wasm_bindgen(module = "/src/bindings/places.js")]
extern "C" {
    fn places_fetch(
        url: &JsValue,
        deliver: &Closure<dyn FnMut(JsValue, JsValue) -> bool>,
    ) -> js_sys::Promise;
}

thread_local! {
    /// The one load of the page: its promise, shared by every caller.
    static LOADING: RefCell<Option<js_sys::Promise>> = const { RefCell::new(None) };
    /// Called when the registry arrives or is known not to (the widget writes its decoded
    /// line again).
    static ON_ARRIVAL: RefCell<Vec<fn()>> = const { RefCell::new(Vec::new()) };
}

/// Calls `f` when the registry's file has been loaded or has failed (once).
#[cfg_attr(not(feature = "widget"), allow(dead_code))]
pub(crate) fn on_arrival(f: fn()) {
    let _ = ON_ARRIVAL.try_with(|a| {
        if let Ok(mut a) = a.try_borrow_mut() {
            if !a.contains(&f) {
                a.push(f);
            }
        }
    });
}

/// Loads the text (or records why there is none); whether the registry is there.
fn deliver(text: Option<String>, why: String) -> bool {
    let outcome = match text {
        Some(t) => places::load(t),
        None => Err(why),
    };
    let loaded = match outcome {
        Ok(()) => true,
        Err(why) => {
            places::mark_unavailable();
            web_sys::console::warn_1(
                &format!("instrada: the list of places (instrada-places.txt) could not be loaded ({why}); codici fiscali are still checked, without the place's name.").into(),
            );
            false
        }
    };
    let callbacks = ON_ARRIVAL
        .try_with(|a| a.try_borrow().map(|a| a.clone()).unwrap_or_default())
        .unwrap_or_default();
    for f in callbacks {
        f();
    }
    loaded
}

/// Starts loading the registry's file from `url` (or next to the package) unless it is
/// there or on its way; the promise of the one load.
pub(crate) fn start(url: &JsValue) -> js_sys::Promise {
    if places::absence().is_none() {
        return js_sys::Promise::resolve(&JsValue::TRUE);
    }
    LOADING.with(|l| {
        if let Some(p) = l.borrow().as_ref() {
            return p.clone();
        }
        let handler =
            Closure::<dyn FnMut(JsValue, JsValue) -> bool>::new(|text: JsValue, why: JsValue| {
                deliver(text.as_string(), why.as_string().unwrap_or_default())
            });
        let p = places_fetch(url, &handler);
        // Called once, when the file arrives; kept for the page's life like the registry.
        handler.forget();
        *l.borrow_mut() = Some(p.clone());
        p
    })
}

/// Resolves to `true` once the list of places (names, provinces, periods of validity of
/// every Belfiore code) is loaded, `false` if it could not be (the file missing, refused or
/// of another version; one console warning says why). Never rejects. The first call starts
/// the load if the widget has not already: from `options.url`, else `instrada-places.txt`
/// next to the module (in Node, read from the package's folder); `options.text` hands the
/// file's text over directly. Until then `checkCodiceFiscale` still checks a code (structure,
/// date, check character, that the place code exists) and says that the place's name is on
/// its way (`cf.place-name-pending`); once resolved, its answers are the complete ones.
#[wasm_bindgen(js_name = ready, unchecked_return_type = "Promise<boolean>")]
pub fn ready(
    #[wasm_bindgen(unchecked_param_type = "ReadyOptions | undefined")] options: JsValue,
) -> js_sys::Promise {
    let field = |name: &str| {
        if options.is_object() {
            js_sys::Reflect::get(&options, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED)
        } else {
            JsValue::UNDEFINED
        }
    };
    if let Some(text) = field("text").as_string() {
        if places::absence().is_some() {
            return js_sys::Promise::resolve(&JsValue::from_bool(deliver(
                Some(text),
                String::new(),
            )));
        }
    }
    let url = field("url");
    let url = if url.is_string() || url.is_object() {
        url
    } else {
        JsValue::UNDEFINED
    };
    start(&url)
}
