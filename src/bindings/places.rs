//! The package's lazy files, next to the module: the list of places (`instrada-places.txt`,
//! handed to [`crate::cf::places::load`]) and the built-in profiles and titolari
//! (`instrada-catalog.txt`, handed to [`crate::catalog::data::load`]). Each is fetched once,
//! at idle after the widget is interactive or at the first need; `ready()` is for pages and
//! headless callers that want to wait for both. A build without the `places-file` or
//! `catalog-file` feature embeds that data: nothing is fetched for it and `ready()` resolves
//! at once.
//!
//! The requests carry nothing of the person: a GET of a static file of the package, from
//! the module's own place or the URL the portal gives (`ready({ url, catalogUrl })`), with
//! the page's own credentials policy; nothing is stored.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;

use crate::catalog::data as catalog;
use crate::cf::places::{self, Absence};

#[wasm_bindgen(typescript_custom_section)]
const TS_PLACES: &str = include_str!("places.d.ts");

// The fetch, in JavaScript (src/bindings/places.js): the package's file or the URL given;
// never rejects. `both` resolves to whether both promises resolved to `true`.
#[wasm_bindgen(module = "/src/bindings/places.js")]
extern "C" {
    fn fetch_file(
        name: &str,
        url: &JsValue,
        deliver: &Closure<dyn FnMut(JsValue, JsValue) -> bool>,
    ) -> js_sys::Promise;
    fn both(a: &js_sys::Promise, b: &js_sys::Promise) -> js_sys::Promise;
}

/// A lazy file of the package.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum File {
    /// `instrada-places.txt`, the list of places.
    Places,
    /// `instrada-catalog.txt`, the built-in profiles and titolari.
    Catalog,
}

impl File {
    fn name(self) -> &'static str {
        match self {
            File::Places => "instrada-places.txt",
            File::Catalog => "instrada-catalog.txt",
        }
    }

    /// `None` when its data is there, otherwise why not.
    pub(crate) fn absence(self) -> Option<Absence> {
        match self {
            File::Places => places::absence(),
            File::Catalog => catalog::absence(),
        }
    }

    /// Loads the text (or records why there is none); whether the data is there.
    fn deliver(self, text: Option<String>, why: String) -> bool {
        let outcome = match (text, self) {
            (Some(t), File::Places) => places::load(t),
            (Some(t), File::Catalog) => catalog::load(t),
            (None, _) => Err(why),
        };
        let loaded = match outcome {
            Ok(()) => true,
            Err(why) => {
                let (what, still) = match self {
                    File::Places => {
                        places::mark_unavailable();
                        (
                            "the list of places",
                            "codici fiscali are still checked, without the place's name",
                        )
                    }
                    File::Catalog => {
                        catalog::mark_unavailable();
                        ("the profiles and titolari", "codici fiscali and dates are still checked, without routing or objects")
                    }
                };
                web_sys::console::warn_1(
                    &format!(
                        "instrada: {what} ({}) could not be loaded ({why}); {still}.",
                        self.name()
                    )
                    .into(),
                );
                false
            }
        };
        let callbacks = ON_ARRIVAL
            .try_with(|a| a.try_borrow().map(|a| a.clone()).unwrap_or_default())
            .unwrap_or_default();
        for (file, f) in callbacks {
            if file == self {
                f();
            }
        }
        loaded
    }
}

/// A callback of [`on_arrival`] and the file it waits for.
type Arrival = (File, fn());

thread_local! {
    /// The one load of each file (places, catalog): its promise, shared by every caller.
    static LOADING: RefCell<[Option<js_sys::Promise>; 2]> = const { RefCell::new([None, None]) };
    /// Called when a file arrives or is known not to (the widget checks its fields again).
    static ON_ARRIVAL: RefCell<Vec<Arrival>> = const { RefCell::new(Vec::new()) };
}

/// Calls `f` when `file` has been loaded or has failed (once).
#[cfg_attr(not(feature = "widget"), allow(dead_code))]
pub(crate) fn on_arrival(file: File, f: fn()) {
    let _ = ON_ARRIVAL.try_with(|a| {
        if let Ok(mut a) = a.try_borrow_mut() {
            if !a.contains(&(file, f)) {
                a.push((file, f));
            }
        }
    });
}

/// Starts loading `file` from `url` (or next to the package) unless its data is there or
/// on its way; the promise of the one load.
pub(crate) fn start(file: File, url: &JsValue) -> js_sys::Promise {
    if file.absence().is_none() {
        return js_sys::Promise::resolve(&JsValue::TRUE);
    }
    LOADING.with(|l| {
        let slot = file as usize;
        if let Some(p) = l.borrow().get(slot).and_then(Option::as_ref) {
            return p.clone();
        }
        let handler = Closure::<dyn FnMut(JsValue, JsValue) -> bool>::new(
            move |text: JsValue, why: JsValue| {
                file.deliver(text.as_string(), why.as_string().unwrap_or_default())
            },
        );
        let p = fetch_file(file.name(), url, &handler);
        // Called once, when the file arrives; kept for the page's life like the data.
        handler.forget();
        if let Some(s) = l.borrow_mut().get_mut(slot) {
            *s = Some(p.clone());
        }
        p
    })
}

/// Starts fetching the built-in profiles and titolari if they are still on their way: the
/// first call of a function that needs them is their first need.
#[cfg_attr(not(feature = "catalog"), allow(dead_code))]
pub(crate) fn need_catalog() {
    if catalog::absence() == Some(Absence::Loading) {
        let _ = start(File::Catalog, &JsValue::UNDEFINED);
    }
}

/// The finding of a function that needs the built-in profiles and titolari while their file
/// is absent (`catalog.data-pending`, or `catalog.data-unavailable`); starts fetching it.
#[cfg_attr(not(feature = "catalog"), allow(dead_code))]
pub(crate) fn catalog_pending(lang: crate::finding::Lang) -> Option<crate::finding::Finding> {
    need_catalog();
    catalog::pending(lang)
}

/// Resolves to `true` once the package's two lazy files are loaded: the list of places
/// (names, provinces, periods of validity of every Belfiore code) and the built-in profiles
/// and titolari; `false` if one could not be (the file missing, refused or of another
/// version; one console warning says why). Never rejects. The first call starts the loads if
/// the widget has not already: from `options.url` (places) and `options.catalogUrl`, else
/// `instrada-places.txt` and `instrada-catalog.txt` next to the module (in Node, read from
/// the package's folder); `options.text` and `options.catalogText` hand a file's text over
/// directly. Until then `checkCodiceFiscale` still checks a code (structure, date, check
/// character, that the place code exists) and says that the place's name is on its way
/// (`cf.place-name-pending`), and the functions that need the profiles or titolari answer
/// `catalog.data-pending`; once resolved, the answers are the complete ones.
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
    let load = |file: File, text: &str, url: &str| {
        if let Some(text) = field(text).as_string() {
            if file.absence().is_some() {
                let loaded = file.deliver(Some(text), String::new());
                return js_sys::Promise::resolve(&JsValue::from_bool(loaded));
            }
        }
        let url = field(url);
        let url = if url.is_string() || url.is_object() {
            url
        } else {
            JsValue::UNDEFINED
        };
        start(file, &url)
    };
    both(
        &load(File::Places, "text", "url"),
        &load(File::Catalog, "catalogText", "catalogUrl"),
    )
}
