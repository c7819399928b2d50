//! Foundation browser tests: the module runs in a real headless Chromium and touches the DOM.

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

fn document() -> web_sys::Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a browser document")
}

#[wasm_bindgen_test]
fn runs_in_a_browser_with_a_dom() {
    let doc = document();
    let form = doc.create_element("form").expect("create form");
    form.set_id("richiesta");
    let input: web_sys::HtmlInputElement = doc
        .create_element("input")
        .expect("create input")
        .dyn_into()
        .expect("an <input>");
    input.set_value("RSSMRA85T10A562S");
    form.append_child(&input).expect("append input");
    doc.body()
        .expect("a <body>")
        .append_child(&form)
        .expect("append form");

    let found = doc
        .get_element_by_id("richiesta")
        .expect("the form is in the page");
    assert_eq!(found.child_element_count(), 1);
    assert_eq!(input.value(), "RSSMRA85T10A562S");
    found.remove();
    assert!(doc.get_element_by_id("richiesta").is_none());
}

#[wasm_bindgen_test]
fn reports_its_version() {
    assert_eq!(instrada::bindings::version(), env!("CARGO_PKG_VERSION"));
}
