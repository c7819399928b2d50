//! Small DOM helpers: creating elements with text (never markup), classes, attributes and
//! the `aria-describedby` token list, and a duck-typed view of form controls.
//!
//! **Security invariant:** everything the widget writes into the page goes through
//! `set_text_content` or attribute setters. No `innerHTML`, ever: the codice fiscale, the
//! description and the profile's data are all text that could hold markup.

use crate::text::Join;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element};

#[wasm_bindgen]
extern "C" {
    /// Any form control (`<input>`, `<select>`, `<textarea>`): the members the widget uses
    /// are the same on the three, so one duck-typed view replaces three web-sys types.
    #[wasm_bindgen(extends = Element)]
    #[derive(Clone, Debug)]
    pub(crate) type Control;

    #[wasm_bindgen(method, getter)]
    pub(crate) fn value(this: &Control) -> String;
    #[wasm_bindgen(method, setter)]
    pub(crate) fn set_value(this: &Control, value: &str);
    #[wasm_bindgen(method, getter)]
    pub(crate) fn required(this: &Control) -> bool;
    #[wasm_bindgen(method, getter)]
    pub(crate) fn disabled(this: &Control) -> bool;
    #[wasm_bindgen(method, setter)]
    pub(crate) fn set_disabled(this: &Control, disabled: bool);
    #[wasm_bindgen(method, getter, js_name = willValidate)]
    pub(crate) fn will_validate(this: &Control) -> bool;
    #[wasm_bindgen(method, js_name = setCustomValidity)]
    pub(crate) fn set_custom_validity(this: &Control, message: &str);
    #[wasm_bindgen(method, js_name = checkValidity)]
    pub(crate) fn check_validity(this: &Control) -> bool;
    #[wasm_bindgen(method, getter, js_name = validationMessage)]
    pub(crate) fn validation_message(this: &Control) -> String;
    #[wasm_bindgen(method, getter)]
    pub(crate) fn validity(this: &Control) -> Validity;
    #[wasm_bindgen(method)]
    pub(crate) fn focus(this: &Control);

    /// `ValidityState`, only the flags the widget reads.
    pub(crate) type Validity;
    #[wasm_bindgen(method, getter, js_name = valueMissing)]
    pub(crate) fn value_missing(this: &Validity) -> bool;
    #[wasm_bindgen(method, getter)]
    pub(crate) fn valid(this: &Validity) -> bool;
}

/// The page's document. The widget only runs in a window (attach/mount are called from a
/// page), so a missing document means there is nothing to enhance.
pub(crate) fn document() -> Option<Document> {
    web_sys::window().and_then(|w| w.document())
}

/// Creates `<tag class="…">` with an optional text content.
pub(crate) fn el(doc: &Document, tag: &str, class: &str, text: Option<&str>) -> Element {
    // `create_element` fails only on an invalid tag name, and the tags here are constants.
    // Should it ever fail, a `<div>` stands in (no exception thrown through the module).
    let e = match doc.create_element(tag) {
        Ok(e) => e,
        Err(_) => match doc.create_element("div") {
            Ok(e) => e,
            Err(_) => JsValue::NULL.unchecked_into(),
        },
    };
    // Noted, so that the watchdog can remove it after a failure without the module.
    super::watchdog::wd_created(&e);
    if !class.is_empty() {
        e.set_class_name(class);
    }
    if text.is_some() {
        e.set_text_content(text);
    }
    e
}

/// Sets an attribute, ignoring the (impossible for valid names) failure.
pub(crate) fn set(e: &Element, name: &str, value: &str) {
    let _ = e.set_attribute(name, value);
}

/// Appends `child` to `parent`, ignoring the (impossible here) hierarchy errors.
pub(crate) fn append(parent: &Element, child: &Element) {
    let _ = parent.append_child(child);
}

/// Sets the text of `e` only if it differs, so screen readers are not told of non-changes
/// and the page does not relayout on each keystroke.
pub(crate) fn set_text(e: &Element, text: &str) {
    if e.text_content().as_deref() != Some(text) {
        e.set_text_content(Some(text));
    }
}

/// A `<label>` of class `class` showing `text`, for the control of id `for_id`.
pub(crate) fn label(doc: &Document, class: &str, text: &str, for_id: &str) -> Element {
    let l = el(doc, "label", class, Some(text));
    set(&l, "for", for_id);
    l
}

/// Appends to `select` (or a `<datalist>`) an `<option>` of `value`, showing `text` (none:
/// the value itself), and returns it.
pub(crate) fn option(doc: &Document, select: &Element, value: &str, text: Option<&str>) -> Element {
    let o = el(doc, "option", "", text);
    set(&o, "value", value);
    append(select, &o);
    o
}

/// The elements under `root` that match `selector`, in document order (none when the
/// selector is refused): the one walk over a `NodeList` the widget needs.
pub(crate) fn all(root: &Element, selector: &str) -> All {
    let list = root.query_selector_all(selector).ok();
    let len = list.as_ref().map_or(0, |l| l.length());
    All { list, next: 0, len }
}

/// The iterator of [`all`]: one type, so that the walk is one function in the module (a
/// closure's iterator was inlined at every call site: about 1 KB more).
pub(crate) struct All {
    list: Option<web_sys::NodeList>,
    next: u32,
    len: u32,
}

impl Iterator for All {
    type Item = Element;
    fn next(&mut self) -> Option<Element> {
        let list = self.list.as_ref()?;
        while self.next < self.len {
            let i = self.next;
            self.next += 1;
            if let Some(e) = list.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                return Some(e);
            }
        }
        None
    }
}

/// Shows or hides `e` with the `hidden` attribute (no inline style: CSP `style-src 'self'`).
pub(crate) fn show(e: &Element, visible: bool) {
    if e.has_attribute("hidden") == visible {
        let _ = e.toggle_attribute_with_force("hidden", !visible);
    }
}

/// Adds or removes a class.
pub(crate) fn class(e: &Element, name: &str, on: bool) {
    let list = e.class_list();
    if list.contains(name) != on {
        let _ = if on {
            list.add_1(name)
        } else {
            list.remove_1(name)
        };
    }
}

/// Adds or removes `id` from the space-separated token list of attribute `attr` (e.g.
/// `aria-describedby`), keeping the portal's own tokens and their order.
pub(crate) fn token(e: &Element, attr: &str, id: &str, on: bool) {
    let current = e.get_attribute(attr).unwrap_or_default();
    let has = current.split_ascii_whitespace().any(|t| t == id);
    if has == on {
        return;
    }
    // A loop, not filter + collect: one copy less of the adapters in the module (issue 15).
    let mut tokens: Vec<&str> = Vec::new();
    for t in current.split_ascii_whitespace() {
        if t != id {
            tokens.push(t);
        }
    }
    if on {
        tokens.push(id);
    }
    if tokens.is_empty() {
        let _ = e.remove_attribute(attr);
    } else {
        set(e, attr, &tokens.joined(" "));
    }
}

/// Restores an attribute to what it was before the widget touched it.
pub(crate) fn restore(e: &Element, attr: &str, original: &Option<String>) {
    match original {
        Some(v) => set(e, attr, v),
        None => {
            let _ = e.remove_attribute(attr);
        }
    }
}

/// `<button type="button">` (a button in a form submits it unless told otherwise) carrying
/// a widget action in `data-instrada-action`.
pub(crate) fn button(doc: &Document, class: &str, text: &str, action: &str) -> Element {
    let b = el(doc, "button", class, Some(text));
    set(&b, "type", "button");
    set(&b, "data-instrada-action", action);
    b
}

/// The element as a form control, when it is one.
pub(crate) fn control(e: &Element) -> Option<Control> {
    match e.tag_name().as_str() {
        "INPUT" | "SELECT" | "TEXTAREA" => Some(e.clone().unchecked_into()),
        _ => None,
    }
}

/// The top of `e`'s box in the viewport, in CSS pixels (`getBoundingClientRect().top`, read
/// through the object so that web-sys's `DomRect` need not be linked).
pub(crate) fn top(e: &Element) -> Option<f64> {
    let f = js_sys::Reflect::get(e, &JsValue::from_str("getBoundingClientRect")).ok()?;
    let rect = f.dyn_ref::<js_sys::Function>()?.call0(e).ok()?;
    js_sys::Reflect::get(&rect, &JsValue::from_str("top"))
        .ok()?
        .as_f64()
}

/// Scrolls the window so that `e`, whose top was at `before`, is where it was: what the
/// widget inserted above it does not push it away.
pub(crate) fn keep_in_place(e: &Element, before: f64) {
    let Some(after) = top(e) else {
        return;
    };
    let moved = after - before;
    if moved.abs() < 1.0 {
        return;
    }
    let Some(w) = web_sys::window() else {
        return;
    };
    // At once, whatever the page's `scroll-behavior` (Bootstrap Italia's is smooth): the
    // field must not be seen to move.
    let options = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&options, &"top".into(), &moved.into());
    let _ = js_sys::Reflect::set(&options, &"behavior".into(), &"instant".into());
    let scroll = js_sys::Reflect::get(&w, &"scrollBy".into()).ok();
    match scroll
        .as_ref()
        .and_then(|f| f.dyn_ref::<js_sys::Function>())
    {
        Some(f) => {
            let _ = f.call1(&w, &options);
        }
        None => w.scroll_by_with_x_and_y(0.0, moved),
    }
}
