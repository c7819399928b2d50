//! Browser tests of the widget: `attach`, `mount` and `detach` on real forms in headless
//! Chromium, with any JavaScript value as argument, events dispatched as a person's typing
//! would, and the page checked after each step.
#![cfg(feature = "widget")]

use instrada::widget::{attach, mount, simulate_failure_for_tests, Widget};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Document, Element, Event, EventInit, HtmlFormElement, HtmlInputElement};

/// A portal's form: label, hint, input for each field, as Bootstrap Italia writes them.
const FORM: &str = r#"<form id="t" action="javascript:void 0" data-instrada="torino" data-instrada-today="2026-11-20">
  <label for="cf">Codice fiscale</label>
  <input id="cf" name="cf" aria-describedby="cf-hint" data-instrada-field="codice-fiscale" required>
  <small class="form-text" id="cf-hint">16 caratteri</small>
  <select id="gestione" name="gestione" data-instrada-field="gestione" required>
    <option value="">Scegli</option><option value="aziende-dm">Aziende</option>
  </select>
  <textarea id="descrizione" name="descrizione" data-instrada-field="descrizione" required></textarea>
  <input id="oggetto" name="oggetto" data-instrada-field="oggetto" required>
  <input id="data-invio" name="data-invio" type="date" data-instrada-field="data-invio">
  <input id="altro" name="altro" required>
  <button type="submit">Invia</button>
</form>"#;

fn document() -> Document {
    web_sys::window()
        .and_then(|w| w.document())
        .expect("a document")
}

/// A test's page: `html` in a container at the end of the body, removed on `Drop`. (A
/// failed assertion aborts the test without running `Drop`: [`page`] removes what such a
/// test left.)
struct Page(Element);

impl std::ops::Deref for Page {
    type Target = Element;
    fn deref(&self) -> &Element {
        &self.0
    }
}

impl Drop for Page {
    fn drop(&mut self) {
        self.0.remove();
    }
}

/// A widget under test, detached on `Drop` (a test's own `detach()` before makes it a no-op):
/// declared after its [`Page`], it goes first, and the page after it.
struct Attached(Widget);

impl std::ops::Deref for Attached {
    type Target = Widget;
    fn deref(&self) -> &Widget {
        &self.0
    }
}

impl std::ops::DerefMut for Attached {
    fn deref_mut(&mut self) -> &mut Widget {
        &mut self.0
    }
}

impl Drop for Attached {
    fn drop(&mut self) {
        self.0.detach();
    }
}

/// Puts `html` in a fresh container at the end of the body, after removing what an earlier,
/// failed, test may have left.
fn page(html: &str) -> Page {
    let doc = document();
    if let Ok(old) = doc.query_selector_all(".web-widget-test") {
        for i in 0..old.length() {
            if let Some(e) = old.item(i).and_then(|n| n.dyn_into::<Element>().ok()) {
                e.remove();
            }
        }
    }
    another_page(html)
}

/// A second container on the same page (the first one stays).
fn another_page(html: &str) -> Page {
    let doc = document();
    let div = doc.create_element("div").expect("div");
    div.set_class_name("web-widget-test");
    div.set_inner_html(html);
    doc.body()
        .expect("body")
        .append_child(&div)
        .expect("append");
    Page(div)
}

fn form(container: &Element) -> HtmlFormElement {
    container
        .query_selector("form")
        .ok()
        .flatten()
        .expect("a form")
        .dyn_into()
        .expect("a <form>")
}

fn by_id(id: &str) -> Element {
    document()
        .get_element_by_id(id)
        .unwrap_or_else(|| panic!("#{id} in the page"))
}

fn input(id: &str) -> HtmlInputElement {
    by_id(id).dyn_into().expect("an <input>")
}

/// Types `value` into a field the way the browser reports it: value, then `input`.
fn type_into(id: &str, value: &str) {
    let e = by_id(id);
    js_sys::Reflect::set(&e, &"value".into(), &value.into()).expect("set value");
    fire(&e, "input");
}

/// Dispatches a bubbling event.
fn fire(e: &Element, kind: &str) {
    let init = EventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(true);
    e.dispatch_event(&Event::new_with_event_init_dict(kind, &init).expect("event"))
        .expect("dispatch");
}

/// Submits like a click on the button; returns whether the submission went ahead (a
/// listener on the document stops the actual navigation either way).
fn submit(f: &HtmlFormElement) -> bool {
    let went = std::rc::Rc::new(std::cell::Cell::new(false));
    let seen = went.clone();
    let stop = Closure::<dyn FnMut(Event)>::new(move |e: Event| {
        seen.set(!e.default_prevented());
        e.prevent_default();
    });
    let doc = document();
    doc.add_event_listener_with_callback("submit", stop.as_ref().unchecked_ref())
        .expect("listen");
    f.request_submit().expect("requestSubmit");
    doc.remove_event_listener_with_callback("submit", stop.as_ref().unchecked_ref())
        .expect("unlisten");
    went.get()
}

fn codes(widget: &Widget) -> Vec<(String, String)> {
    let findings: js_sys::Array = widget.findings().unchecked_into();
    findings
        .iter()
        .map(|f| {
            let get = |k: &str| {
                js_sys::Reflect::get(&f, &k.into())
                    .ok()
                    .and_then(|v| v.as_string())
                    .unwrap_or_default()
            };
            (get("code"), get("field"))
        })
        .collect()
}

#[track_caller]
fn check<T: PartialEq + std::fmt::Debug>(what: &str, actual: T, expected: T) {
    assert!(
        actual == expected,
        "{what}\n  expected: {expected:?}\n    actual: {actual:?}"
    );
}

#[wasm_bindgen_test]
fn anything_that_is_not_a_form_is_refused_without_throwing() {
    for value in [
        JsValue::UNDEFINED,
        JsValue::NULL,
        JsValue::from(42),
        JsValue::from("form"),
        js_sys::Object::new().into(),
        document().create_element("div").expect("div").into(),
    ] {
        check(
            "attach(non-form)",
            attach(value.clone(), JsValue::UNDEFINED).is_none(),
            true,
        );
        if !value.is_instance_of::<Element>() {
            check(
                "mount(non-element)",
                mount(value, JsValue::UNDEFINED).is_none(),
                true,
            );
        }
    }
}

#[wasm_bindgen_test]
fn detach_leaves_the_form_exactly_as_it_was() {
    let c = page(FORM);
    let f = form(&c);
    let before = c.inner_html();
    let mut w = attach(f.clone().into(), JsValue::UNDEFINED)
        .map(Attached)
        .expect("attached");
    check("noValidate while attached", f.no_validate(), true);
    type_into("cf", "x");
    fire(&by_id("cf"), "focusout");
    check("submission stopped", submit(&f), false);
    assert!(c.inner_html() != before, "the widget added its messages");
    w.detach();
    check("page after detach", c.inner_html(), before.clone());
    check("noValidate restored", f.no_validate(), false);
    check(
        "custom validity cleared",
        input("cf").validation_message().unwrap_or_default(),
        "".to_string(),
    );
    // Detached: a second call does nothing, and a submission is the browser's own again
    // (its constraint validation stops it: the required fields are empty).
    w.detach();
    check("the browser's validation", submit(&f), false);
    check("form untouched by the submission", c.inner_html(), before);
}

#[wasm_bindgen_test]
fn errors_wait_for_leaving_the_field_and_go_when_fixed() {
    let c = page(FORM);
    let f = form(&c);
    let _w = attach(f.clone().into(), JsValue::UNDEFINED)
        .map(Attached)
        .expect("attached");
    let cf = by_id("cf");
    type_into("descrizione", "a");
    type_into("descrizione", "");
    check(
        "no error while typing",
        by_id("descrizione").get_attribute("aria-invalid"),
        None,
    );
    // The portal's checkValidity() is truthful before anything is shown.
    check("checkValidity with errors", f.check_validity(), false);
    fire(&by_id("descrizione"), "focusout");
    check(
        "error once left",
        by_id("descrizione").get_attribute("aria-invalid"),
        Some("true".into()),
    );
    let described = by_id("descrizione")
        .get_attribute("aria-describedby")
        .unwrap_or_default();
    let error_id = described
        .split(' ')
        .find(|id| id.ends_with("-error"))
        .expect("an error id")
        .to_string();
    check(
        "inline text",
        by_id(&error_id).text_content(),
        Some("Errore: Descrivi la richiesta".into()),
    );
    type_into("descrizione", "Richiesta di estratto conto");
    check(
        "error gone while typing the fix",
        by_id("descrizione").get_attribute("aria-invalid"),
        None,
    );
    check(
        "hidden again",
        by_id(&error_id).has_attribute("hidden"),
        true,
    );
    // The portal's own hint stays first in aria-describedby.
    check(
        "hint kept",
        cf.get_attribute("aria-describedby"),
        Some("cf-hint".into()),
    );
}

#[wasm_bindgen_test]
fn a_blocked_submission_shows_the_summary_first_with_one_link_per_error() {
    let c = page(FORM);
    let f = form(&c);
    let w = attach(f.clone().into(), JsValue::UNDEFINED)
        .map(Attached)
        .expect("attached");
    check("submission stopped", submit(&f), false);
    let summary = f.first_element_child().expect("a first child");
    check(
        "summary first",
        summary.class_list().contains("instrada-summary"),
        true,
    );
    check(
        "focus on the summary",
        document().active_element().map(|e| e.id()),
        Some(summary.id()),
    );
    let links = summary.query_selector_all("a").expect("links");
    let hrefs: Vec<String> = (0..links.length())
        .filter_map(|i| links.item(i).and_then(|n| n.dyn_into::<Element>().ok()))
        .filter_map(|a| a.get_attribute("href"))
        .collect();
    // The form's order; `altro` is the portal's own required field, checked natively.
    check(
        "links",
        hrefs,
        ["#cf", "#gestione", "#descrizione", "#oggetto", "#altro"]
            .map(String::from)
            .to_vec(),
    );
    check(
        "findings",
        codes(&w),
        [
            ("field.required", "codice-fiscale"),
            ("field.required", "gestione"),
            ("field.required", "descrizione"),
            ("field.required", "oggetto"),
        ]
        .map(|(a, b)| (a.to_string(), b.to_string()))
        .to_vec(),
    );
    check(
        "custom validity",
        input("cf").validation_message().unwrap_or_default(),
        "Inserisci il codice fiscale del contribuente".to_string(),
    );
}

#[wasm_bindgen_test]
fn events_carry_the_findings_and_valid_can_be_cancelled() {
    let c = page(FORM);
    let f = form(&c);
    let _w = attach(f.clone().into(), JsValue::UNDEFINED)
        .map(Attached)
        .expect("attached");
    let seen: std::rc::Rc<std::cell::RefCell<Vec<(String, bool)>>> = Default::default();
    let log = seen.clone();
    let listener =
        Closure::<dyn FnMut(web_sys::CustomEvent)>::new(move |e: web_sys::CustomEvent| {
            let valid = js_sys::Reflect::get(&e.detail(), &"valid".into())
                .ok()
                .and_then(|v| v.as_bool())
                .unwrap_or(false);
            log.borrow_mut().push((e.type_(), valid));
            if e.type_() == "instrada:valid" {
                e.prevent_default();
            }
        });
    for kind in ["instrada:change", "instrada:invalid", "instrada:valid"] {
        f.add_event_listener_with_callback(kind, listener.as_ref().unchecked_ref())
            .expect("listen");
    }
    type_into("cf", "RSSMRA85T10A562S");
    check(
        "a change event",
        seen.borrow().last().cloned(),
        Some(("instrada:change".to_string(), false)),
    );
    check("blocked", submit(&f), false);
    check(
        "an invalid event",
        seen.borrow().last().cloned(),
        Some(("instrada:invalid".to_string(), false)),
    );
    let select: web_sys::HtmlSelectElement = by_id("gestione").dyn_into().expect("select");
    select.set_value("aziende-dm");
    fire(&by_id("gestione"), "change");
    type_into("descrizione", "Richiesta di estratto conto");
    type_into("oggetto", "Estratto conto");
    type_into("altro", "x");
    check("the portal cancelled instrada:valid", submit(&f), false);
    check(
        "a valid event",
        seen.borrow().last().cloned(),
        Some(("instrada:valid".to_string(), true)),
    );
    check(
        "no summary left",
        f.query_selector(".instrada-summary")
            .ok()
            .flatten()
            .is_none(),
        true,
    );
}

#[wasm_bindgen_test]
fn hostile_text_stays_text() {
    let c = page(FORM);
    let f = form(&c);
    let _w = attach(f.clone().into(), JsValue::UNDEFINED)
        .map(Attached)
        .expect("attached");
    let select: web_sys::HtmlSelectElement = by_id("gestione").dyn_into().expect("select");
    select.set_value("aziende-dm");
    fire(&by_id("gestione"), "change");
    for text in [
        "<img src=x onerror=alert(1)>",
        "😀\u{202e} مرحبا \u{0}",
        &"avviso bonario ".repeat(70_000),
    ] {
        type_into("oggetto", text);
        type_into("descrizione", text);
        fire(&by_id("oggetto"), "focusout");
        check(
            "no element from the text",
            c.query_selector("img").ok().flatten().is_none(),
            true,
        );
    }
    type_into("oggetto", "<b>x</b>");
    fire(&by_id("oggetto"), "focusout");
    // The review's message quotes what was typed, as text.
    let said = c
        .query_selector("#oggetto ~ .instrada-error")
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default();
    assert!(said.contains("«<b>x</b>» non è un oggetto"), "{said:?}");
    check(
        "no element from the text",
        c.query_selector("b").ok().flatten().is_none(),
        true,
    );
}

#[wasm_bindgen_test]
fn lenient_options_and_two_widgets_on_one_page() {
    let a = page(FORM);
    let b = another_page(
        &FORM
            .replace("id=\"", "id=\"b-")
            .replace("for=\"", "for=\"b-"),
    );
    let options = js_sys::JSON::parse(
        r#"{"lang": 5, "today": "yesterday", "checks": {"picker": "no"}, "profile": 42}"#,
    )
    .expect("json");
    let _wa = attach(form(&a).into(), options)
        .map(Attached)
        .expect("attached despite odd options");
    let _wb = attach(
        form(&b).into(),
        js_sys::JSON::parse(r#"{"lang":"en"}"#).expect("json"),
    )
    .map(Attached)
    .expect("attached");
    check(
        "attaching twice is refused",
        attach(form(&a).into(), JsValue::UNDEFINED).is_none(),
        true,
    );
    submit(&form(&a));
    submit(&form(&b));
    let ids = document()
        .query_selector_all("[id^=instrada-]")
        .expect("ids");
    let mut seen = std::collections::HashSet::new();
    for i in 0..ids.length() {
        let id = ids
            .item(i)
            .and_then(|n| n.dyn_into::<Element>().ok())
            .map(|e| e.id())
            .unwrap_or_default();
        assert!(seen.insert(id.clone()), "duplicate id {id}");
    }
    check(
        "English summary",
        form(&b)
            .query_selector(".instrada-summary h2")
            .ok()
            .flatten()
            .and_then(|h| h.text_content()),
        Some("There is a problem".into()),
    );
}

#[wasm_bindgen_test]
fn mount_builds_a_complete_labelled_form_and_detach_removes_it() {
    let c = page("");
    let options =
        js_sys::JSON::parse(r#"{"profile":"torino","today":"2026-11-20","action":"inviata.html"}"#)
            .expect("json");
    let mut w = mount(c.clone().into(), options)
        .map(Attached)
        .expect("mounted");
    let f = w.form().expect("the form");
    check(
        "action",
        f.get_attribute("action"),
        Some("inviata.html".into()),
    );
    let fields = f
        .query_selector_all("[data-instrada-field]")
        .expect("fields");
    // codice fiscale, matricola, gestione, sede, tipo, the first request's date and outcome
    // (hidden until the kind is a sollecito), descrizione, oggetto, the e-mail's subject and
    // recipient (hidden until the route is an e-mail), data di invio.
    check("fields", fields.length(), 12);
    for i in 0..fields.length() {
        let e: Element = fields
            .item(i)
            .and_then(|n| n.dyn_into().ok())
            .expect("element");
        let label = f
            .query_selector(&format!("label[for=\"{}\"]", e.id()))
            .ok()
            .flatten();
        assert!(label.is_some(), "#{} has a label", e.id());
    }
    check(
        "today's date",
        input(
            &f.query_selector("[data-instrada-field=data-invio]")
                .ok()
                .flatten()
                .expect("date")
                .id(),
        )
        .value(),
        "2026-11-20".to_string(),
    );
    w.detach();
    check("container empty again", c.inner_html(), String::new());
}

/// Siena 2012: the committenti della Gestione separata write to an institutional e-mail box,
/// the aziende use the cassetto (the route the core gives; see tests/routing.rs).
#[wasm_bindgen_test]
fn a_mounted_form_shows_the_e_mail_fields_only_for_a_route_by_e_mail() {
    let c = page("");
    let options = js_sys::JSON::parse(r#"{"profile":"siena","today":"2026-11-20"}"#).expect("json");
    let w = mount(c.clone().into(), options)
        .map(Attached)
        .expect("mounted");
    let f = w.form().expect("the form");
    let field = |name: &str| -> Element {
        f.query_selector(&format!("[data-instrada-field={name}]"))
            .ok()
            .flatten()
            .unwrap_or_else(|| panic!("{name} in the mounted form"))
    };
    let (gestione, subject, recipient) = (
        field("gestione"),
        field("oggetto-email"),
        field("destinatario"),
    );
    let shown = |e: &Element| {
        let group = e.closest("[data-instrada-mail]").ok().flatten();
        (
            !e.has_attribute("disabled"),
            group.is_some_and(|g| !g.has_attribute("hidden")),
        )
    };
    let choose = |value: &str| {
        js_sys::Reflect::set(&gestione, &"value".into(), &value.into()).expect("set");
        fire(&gestione, "change");
    };
    check(
        "before a gestione",
        (shown(&subject), shown(&recipient)),
        ((false, false), (false, false)),
    );
    choose("committenti-gs");
    check(
        "e-mail route",
        (shown(&subject), shown(&recipient)),
        ((true, true), (true, true)),
    );
    type_into(&subject.id(), "Richiesta RSSMRA85T10A562S");
    choose("aziende-dm");
    check(
        "cassetto route",
        (shown(&subject), shown(&recipient)),
        ((false, false), (false, false)),
    );
    check(
        "what was typed stays",
        input(&subject.id()).value(),
        "Richiesta RSSMRA85T10A562S".to_string(),
    );
}

#[wasm_bindgen_test]
fn after_a_failure_the_widget_steps_aside_and_the_form_is_the_portals_again() {
    let c = page(FORM);
    let f = form(&c);
    let before = c.inner_html();
    let _w = attach(f.clone().into(), JsValue::UNDEFINED)
        .map(Attached)
        .expect("attached");
    check("blocked while working", submit(&f), false);
    // What the panic hook does after a panic anywhere in the module.
    simulate_failure_for_tests(true);
    // The next event finds the failure: the widget removes what it added, once, and leaves
    // the event to the page.
    type_into("cf", "RSSMRA85T10A562S");
    let after = c.inner_html();
    simulate_failure_for_tests(false);
    check(
        "form as before (but for the typed value)",
        after,
        before.clone(),
    );
    check("noValidate restored", f.no_validate(), false);
    check(
        "no custom validity",
        input("cf").validation_message().unwrap_or_default(),
        "".to_string(),
    );
}

/// A real panic, not the simulated flag: raised in library code (a `char::from_digit` radix
/// over 36 panics inside `core`, outside `tests/`, like a bug of the module would), inside a
/// call from JavaScript that catches the trap. The widget's guard marks the module failed; the
/// next event makes the widget step aside, and the form submits as without it. (The bindings'
/// own "logged once" message cannot be seen here: wasm-bindgen-test installs its own panic
/// hook, which the widget's guard wraps.)
#[wasm_bindgen_test]
fn after_a_real_panic_the_widget_steps_aside_and_the_form_submits_as_without_it() {
    let c = page(FORM);
    let f = form(&c);
    let _w = attach(f.clone().into(), JsValue::UNDEFINED)
        .map(Attached)
        .expect("attached");
    // Every required field natively valid, but a wrong codice fiscale: the widget blocks.
    type_into("cf", "RSSMRA85T10A562X");
    js_sys::Reflect::set(&by_id("gestione"), &"value".into(), &"aziende-dm".into()).expect("set");
    fire(&by_id("gestione"), "change");
    type_into("descrizione", "Richiesta di chiarimenti");
    type_into("oggetto", "Avvisi bonari");
    type_into("altro", "x");
    check("blocked while working", submit(&f), false);
    let bug = Closure::<dyn Fn()>::new(|| {
        let _ = char::from_digit(1, std::hint::black_box(40));
    });
    let call = bug
        .as_ref()
        .unchecked_ref::<js_sys::Function>()
        .call0(&JsValue::NULL);
    assert!(call.is_err(), "the panic reached JavaScript as a trap");
    // The next event: the widget removes what it added; the submission goes ahead.
    type_into("descrizione", "Richiesta di chiarimenti sui versamenti");
    let stepped_aside = c
        .query_selector(".instrada-error, .instrada-guidance")
        .ok()
        .flatten()
        .is_none();
    let went = submit(&f);
    simulate_failure_for_tests(false);
    check("the widget's elements are gone", stepped_aside, true);
    check("the form submits as without the widget", went, true);
    check("noValidate restored", f.no_validate(), false);
}

#[wasm_bindgen_test]
fn the_codice_fiscale_is_decoded_live_and_rewritten_only_on_request() {
    let c = page(FORM);
    let f = form(&c);
    let _w = attach(f.clone().into(), JsValue::UNDEFINED)
        .map(Attached)
        .expect("attached");
    let cf = by_id("cf");
    let guidance = || {
        let id = cf
            .get_attribute("aria-describedby")
            .unwrap_or_default()
            .split(' ')
            .find(|id| id.ends_with("-guidance"))
            .map(str::to_string);
        id.and_then(|id| by_id(&id).text_content())
    };
    for (typed, said) in [
        // (what is typed, what the guidance starts with: live, before leaving the field)
        (
            "RSSMRA85T10A562S",
            Some("Nato il 10/12/1985 a San Giuliano Terme (PI)."),
        ),
        (
            "02987650153",
            Some("Codice fiscale di un'azienda o di un ente"),
        ),
        ("RSSMRA85T10A562", None),
        ("", None),
    ] {
        type_into("cf", typed);
        let text = guidance();
        match said {
            Some(s) => assert!(
                text.as_deref().is_some_and(|t| t.starts_with(s)),
                "{typed}: {text:?}"
            ),
            None => check(typed, text, None),
        }
        check(
            "no error shown while typing",
            cf.get_attribute("aria-invalid"),
            None,
        );
    }
    type_into("cf", "rss-mra 85t10 a562s");
    check(
        "typed value kept",
        input("cf").value(),
        "rss-mra 85t10 a562s".to_string(),
    );
    let button = c
        .query_selector("#cf ~ .instrada-guidance button[data-instrada-value]")
        .ok()
        .flatten()
        .expect("a «Usa …» button");
    check(
        "offer",
        button.text_content(),
        Some("Usa «RSSMRA85T10A562S»".into()),
    );
    button.unchecked_ref::<web_sys::HtmlElement>().click();
    check(
        "applied on request",
        input("cf").value(),
        "RSSMRA85T10A562S".to_string(),
    );
    check(
        "focus back on the field",
        document().active_element().map(|e| e.id()),
        Some("cf".into()),
    );
    // One step back (issue 14): «Annulla» puts back exactly what was typed.
    let undo = c
        .query_selector("#cf ~ .instrada-guidance .instrada-undo button")
        .ok()
        .flatten()
        .expect("an «Annulla» button after «Usa»");
    check("undo offered", undo.text_content(), Some("Annulla".into()));
    undo.unchecked_ref::<web_sys::HtmlElement>().click();
    check(
        "what was typed, back",
        input("cf").value(),
        "rss-mra 85t10 a562s".to_string(),
    );
    check(
        "undo used once",
        c.query_selector(".instrada-undo").ok().flatten().is_none(),
        true,
    );
}

#[wasm_bindgen_test]
fn validate_shows_what_a_submission_would_without_submitting() {
    let c = page(FORM);
    let f = form(&c);
    let mut w = attach(f.clone().into(), JsValue::UNDEFINED)
        .map(Attached)
        .expect("attached");
    check("errors", w.validate(), false);
    check(
        "summary shown",
        f.query_selector(".instrada-summary")
            .ok()
            .flatten()
            .is_some(),
        true,
    );
    check(
        "cf marked",
        by_id("cf").get_attribute("aria-invalid"),
        Some("true".into()),
    );
    type_into("cf", "RSSMRA85T10A562S");
    let select: web_sys::HtmlSelectElement = by_id("gestione").dyn_into().expect("select");
    select.set_value("aziende-dm");
    fire(&by_id("gestione"), "change");
    type_into("descrizione", "Richiesta di estratto conto");
    type_into("oggetto", "Estratto conto");
    // As a submission would: the portal's own required field still stops it.
    check("the portal's field", w.validate(), false);
    let links = f.query_selector_all(".instrada-summary a").expect("links");
    check("only the portal's field left", links.length(), 1);
    type_into("altro", "x");
    check(
        "fixed: it leaves the summary at once",
        f.query_selector(".instrada-summary")
            .ok()
            .flatten()
            .is_none(),
        true,
    );
    check("nothing left", w.validate(), true);
    check(
        "summary gone",
        f.query_selector(".instrada-summary")
            .ok()
            .flatten()
            .is_none(),
        true,
    );
    w.detach();
    check("detached: nothing to validate", w.validate(), true);
}

#[wasm_bindgen_test]
fn the_codice_fiscale_is_compared_with_the_persons_other_fields() {
    let c = page(
        r#"<form data-instrada-today="2026-11-20">
      <input id="x-cf" data-instrada-field="codice-fiscale">
      <input id="x-cognome" data-instrada-field="cognome">
      <input id="x-nascita" data-instrada-field="data-nascita">
    </form>"#,
    );
    let f = form(&c);
    let w = attach(f.clone().into(), JsValue::UNDEFINED)
        .map(Attached)
        .expect("attached");
    type_into("x-cf", "RSSMRA85T10A562S");
    type_into("x-cognome", "Rossi");
    type_into("x-nascita", "12/10/1985"); // day and month swapped
    let mismatches: Vec<(String, String)> = codes(&w)
        .into_iter()
        .filter(|(code, _)| code.starts_with("cf.mismatch"))
        .collect();
    check(
        "only the birth date disagrees (cf::cross_check)",
        mismatches,
        vec![(
            "cf.mismatch-birth-date".to_string(),
            "data-nascita".to_string(),
        )],
    );
    fire(&by_id("x-nascita"), "focusout");
    let shown = c
        .query_selector("#x-nascita ~ .instrada-warning")
        .ok()
        .flatten()
        .and_then(|e| e.text_content())
        .unwrap_or_default();
    assert!(shown.contains("10/12/1985"), "{shown:?}");
}

/// Records the console's warnings from now on; `take` returns and clears them.
struct ConsoleWarnings {
    original: JsValue,
}

impl ConsoleWarnings {
    fn start() -> ConsoleWarnings {
        let console = js_sys::Reflect::get(&js_sys::global(), &"console".into()).expect("console");
        let original = js_sys::Reflect::get(&console, &"warn".into()).expect("console.warn");
        let record = js_sys::Function::new_with_args(
            "...args",
            "(globalThis.__warnings ??= []).push(args.map(String).join(' '));",
        );
        js_sys::Reflect::set(&console, &"warn".into(), &record).expect("replace console.warn");
        js_sys::Reflect::set(
            &js_sys::global(),
            &"__warnings".into(),
            &js_sys::Array::new(),
        )
        .expect("reset");
        ConsoleWarnings { original }
    }

    fn take(&self) -> Vec<String> {
        let list = js_sys::Reflect::get(&js_sys::global(), &"__warnings".into()).expect("list");
        let out = js_sys::Array::from(&list)
            .iter()
            .filter_map(|v| v.as_string())
            .collect();
        js_sys::Reflect::set(
            &js_sys::global(),
            &"__warnings".into(),
            &js_sys::Array::new(),
        )
        .expect("reset");
        out
    }
}

impl Drop for ConsoleWarnings {
    fn drop(&mut self) {
        if let Ok(console) = js_sys::Reflect::get(&js_sys::global(), &"console".into()) {
            let _ = js_sys::Reflect::set(&console, &"warn".into(), &self.original);
        }
    }
}

/// A portal's own form: its own names and option values (DM, ART, COM, SOLL, CASSA).
const PORTAL: &str = r#"<form id="p" action="javascript:void 0">
  <input id="p-cf" name="cod_fisc" data-instrada-field="codice-fiscale">
  <select id="p-gest" name="gest" data-instrada-field="gestione" required>
    <option value="">Seleziona</option>
    <option value="DM" data-instrada-value="aziende-dm">Aziende con dipendenti</option>
    <option value="ART">Artigiano</option><option value="COM">Commerciante</option>
    <option value="CASSA">Cassa professionale</option>
  </select>
  <select id="p-sede" name="sede_inps" data-instrada-field="sede"></select>
  <select id="p-tipo" name="tipo_rich" data-instrada-field="tipo">
    <option value="COM" data-instrada-value="comunicazione">Comunicazione</option>
    <option value="SOLL">Sollecito</option><option value="ALTRO">Altro</option>
  </select>
  <textarea id="p-testo" name="testo" data-instrada-field="descrizione"></textarea>
  <input id="p-ogg" name="ogg" data-instrada-field="oggetto">
  <input id="p-invio" name="dt_invio" type="date" data-instrada-field="data-invio">
  <button type="submit">Invia</button>
</form>"#;

fn portal_options(extra: &str) -> JsValue {
    js_sys::JSON::parse(&format!(
        r#"{{"profile":"milano","today":"2026-11-20","values":{{"gestione":{{"ART":"artigiani-commercianti","COM":"artigiani-commercianti"}},"tipo":{{"SOLL":"sollecito"}}}}{extra}}}"#
    ))
    .expect("json")
}

fn choose(id: &str, value: &str) {
    let e = by_id(id);
    js_sys::Reflect::set(&e, &"value".into(), &value.into()).expect("set value");
    fire(&e, "change");
}

/// The visible text the widget shows after a field (errors, warnings, guidance).
fn shown_after(id: &str) -> String {
    let control = by_id(id);
    let mut out = Vec::new();
    let mut next = control.next_element_sibling();
    while let Some(e) = next {
        if !e.class_name().contains("instrada-") {
            break;
        }
        if !e.has_attribute("hidden") {
            out.push(e.text_content().unwrap_or_default());
        }
        next = e.next_element_sibling();
    }
    out.join(" | ")
}

#[wasm_bindgen_test]
fn a_portal_s_own_values_are_mapped_and_unknown_ones_are_told_only_to_the_integrator() {
    let warnings = ConsoleWarnings::start();
    let c = page(PORTAL);
    let f = form(&c);
    let w = attach(f.clone().into(), portal_options(""))
        .map(Attached)
        .expect("attached");
    // Mapped by the option's attribute, and two portal values onto one of instrada's.
    for (value, shown) in [
        ("DM", "aziende-dm"),
        ("ART", "artigiani-commercianti"),
        ("COM", "artigiani-commercianti"),
    ] {
        choose("p-gest", value);
        let findings = codes(&w);
        check(
            &format!("{value}: nothing says the gestione is unknown"),
            findings.iter().any(|(c, _)| c == "route.unknown-gestione"),
            false,
        );
        check(
            &format!("{value}: the portal's value stays"),
            input_value("p-gest"),
            value.to_string(),
        );
        let _ = shown;
    }
    check(
        "no console warning for mapped values",
        warnings.take(),
        Vec::<String>::new(),
    );
    // An unknown value: the integrator is told once on the console; the person sees nothing,
    // and the required field is not called empty.
    choose("p-gest", "CASSA");
    choose("p-tipo", "ALTRO");
    check(
        "nothing shown for the gestione",
        shown_after("p-gest"),
        String::new(),
    );
    check(
        "no finding names the gestione or the kind",
        codes(&w)
            .iter()
            .any(|(_, f)| f == "gestione" || f == "tipo"),
        false,
    );
    check("a submission is not stopped by them", submit(&f), true);
    let told = warnings.take();
    check("one warning per field and value", told.len(), 2);
    assert!(
        told[0].contains("\"CASSA\"")
            && told[0].contains("gestione")
            && told[0].contains("data-instrada-value"),
        "{told:?}"
    );
    choose("p-gest", "DM");
    choose("p-gest", "CASSA");
    check("told once only", warnings.take(), Vec::<String>::new());
}

fn input_value(id: &str) -> String {
    js_sys::Reflect::get(&by_id(id), &"value".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
fn an_empty_sede_select_lists_the_profile_s_sedi_by_name_and_detach_takes_them_away() {
    let c = page(PORTAL);
    let f = form(&c);
    let before = c.inner_html();
    let mut w = attach(f.clone().into(), portal_options(""))
        .map(Attached)
        .expect("attached");
    let sede: web_sys::HtmlSelectElement = by_id("p-sede").dyn_into().expect("select");
    // Milano's seven sedi (Protocollo di Milano 2018, § 1.2) after an empty choice.
    check("options", sede.length(), 8);
    check(
        "labelled by name",
        sede.item(3).and_then(|o| o.text_content()),
        Some("Agenzia complessa Milano Nord".to_string()),
    );
    choose("p-sede", "milano-nord");
    let guidance = shown_after("p-sede");
    assert!(
        guidance.contains("Sant'Ambrogio"),
        "the agency says whose calendar it keeps: {guidance}"
    );
    // Another profile: its own sedi, and a sede it does not have is no longer chosen.
    w.update(js_sys::JSON::parse(r#"{"profile":"torino"}"#).expect("json"));
    check("Torino's sedi", sede.length(), 7);
    check("no sede chosen", input_value("p-sede"), String::new());
    w.update(js_sys::JSON::parse(r#"{"profile":"milano"}"#).expect("json"));
    choose("p-sede", "legnano");
    w.detach();
    check("the portal's empty select again", c.inner_html(), before);
}

const DRAFT_TEXT: &str = "Contestazione dell'avviso bonario n. 2026/004512 sui contributi di marzo 2026: il versamento risulta effettuato con F24 del 16/04/2026.";

#[wasm_bindgen_test]
fn a_draft_is_reviewed_on_attach_and_on_refresh_with_warnings_but_no_errors() {
    let c = page(PORTAL);
    let f = form(&c);
    // A saved draft, in the form before the widget attaches (no events).
    let set = |id: &str, v: &str| {
        js_sys::Reflect::set(&by_id(id), &"value".into(), &v.into()).expect("set");
    };
    set("p-gest", "DM");
    set("p-testo", DRAFT_TEXT);
    set("p-ogg", "Non specificato");
    set("p-cf", "RSSMRA85T10A562X");
    let mut w = attach(f.clone().into(), portal_options(""))
        .map(Attached)
        .expect("attached");
    let warning = shown_after("p-ogg");
    assert!(
        warning.contains("Non specificato") || warning.contains("generico"),
        "«Non specificato» over an avviso bonario is warned on load: {warning:?}"
    );
    check(
        "no error shown for a wrong codice fiscale yet",
        by_id("p-cf").get_attribute("aria-invalid"),
        None,
    );
    // In English, with the same values and the same warning, said again.
    w.update(js_sys::JSON::parse(r#"{"lang":"en"}"#).expect("json"));
    check(
        "the description stays",
        input_value("p-testo"),
        DRAFT_TEXT.to_string(),
    );
    let english = shown_after("p-ogg");
    assert!(
        !english.is_empty() && english != warning,
        "the warning in English: {english:?}"
    );
    w.detach();

    // The same draft filled after attach, then refresh().
    set("p-gest", "");
    set("p-testo", "");
    set("p-ogg", "");
    set("p-cf", "");
    let w = attach(f.clone().into(), portal_options(""))
        .map(Attached)
        .expect("attached again");
    check(
        "nothing to say on an empty form",
        shown_after("p-ogg"),
        String::new(),
    );
    set("p-gest", "DM");
    set("p-testo", DRAFT_TEXT);
    set("p-ogg", "Non specificato");
    w.refresh();
    assert!(
        !shown_after("p-ogg").is_empty(),
        "refresh() reviews the draft"
    );
}

#[wasm_bindgen_test]
fn a_sollecito_of_an_overdue_request_reaches_level_b_with_the_sede_s_contacts() {
    let c = page(&PORTAL.replace(
        "<textarea",
        r#"<input id="p-prima" type="date" data-instrada-field="data-prima-richiesta">
  <select id="p-esito" data-instrada-field="esito-precedente"><option value="">-</option><option value="NR" data-instrada-value="senza-risposta">Nessuna risposta</option></select>
  <textarea"#,
    ));
    let f = form(&c);
    let _w = attach(f.clone().into(), portal_options(""))
        .map(Attached)
        .expect("attached");
    choose("p-gest", "DM");
    choose("p-sede", "milano-nord");
    choose("p-tipo", "SOLL");
    choose("p-prima", "2026-10-01");
    choose("p-esito", "NR");
    let text = c.text_content().unwrap_or_default();
    // Protocollo di Milano 2018, § 2 B: the manager of the agency, by e-mail.
    assert!(
        text.contains("Giusep.carbone@inps.it"),
        "level B's address on the page: {text}"
    );
}

#[wasm_bindgen_test]
fn a_mounted_form_offers_every_durc_box_with_the_agency_s_first_and_no_titolario_object() {
    let c = page("");
    let options =
        js_sys::JSON::parse(r#"{"profile":"milano","today":"2026-11-20"}"#).expect("json");
    let mut w = mount(c.clone().into(), options)
        .map(Attached)
        .expect("mounted");
    let f = w.form().expect("the form");
    let field = |name: &str| -> Element {
        f.query_selector(&format!("[data-instrada-field={name}]"))
            .ok()
            .flatten()
            .unwrap_or_else(|| panic!("{name} in the mounted form"))
    };
    choose(&field("gestione").id(), "aziende-dm");
    choose(&field("sede").id(), "milano-nord");
    choose(&field("tipo").id(), "durc");
    let oggetto = field("oggetto");
    check(
        "no titolario object for an e-mail",
        oggetto.has_attribute("disabled"),
        true,
    );
    let list = document()
        .get_element_by_id(&field("destinatario").get_attribute("list").expect("a list"))
        .expect("the datalist");
    let boxes: Vec<String> = (0..list.children().length())
        .filter_map(|i| list.children().item(i))
        .filter_map(|o| o.get_attribute("value"))
        .collect();
    // Protocollo di Milano 2018, § 2 (DURC): the seven preavvisodiaccertamento boxes.
    check("every box", boxes.len(), 7);
    check(
        "the agency's own first",
        boxes.first().map(String::as_str),
        Some("preavvisodiaccertamento.milanonord@inps.it"),
    );
    // The agency's own box offered to the empty recipient field.
    let recipient = f
        .query_selector("[data-instrada-action=use][data-instrada-target=destinatario]")
        .ok()
        .flatten()
        .expect("a «Usa» for the recipient");
    check(
        "the agency's box offered",
        recipient.get_attribute("data-instrada-value"),
        Some("preavvisodiaccertamento.milanonord@inps.it".to_string()),
    );
    // The subject the rule asks for, offered with «Usa».
    let subject = field("oggetto-email");
    let offer = f
        .query_selector("[data-instrada-action=use][data-instrada-target=oggetto-email]")
        .ok()
        .flatten()
        .expect("a «Usa» for the subject");
    offer
        .dyn_ref::<web_sys::HtmlElement>()
        .expect("button")
        .click();
    assert!(
        input_value(&subject.id()).contains("DURC"),
        "the subject applied"
    );
    // English: built again with the same values.
    w.update(js_sys::JSON::parse(r#"{"lang":"en"}"#).expect("json"));
    let f2 = w.form().expect("the new form");
    let sede = f2
        .query_selector("[data-instrada-field=sede]")
        .ok()
        .flatten()
        .expect("sede");
    check(
        "the sede stays",
        input_value(&sede.id()),
        "milano-nord".to_string(),
    );
}

#[wasm_bindgen_test]
fn an_unknown_sede_option_is_told_to_the_integrator_and_never_shown() {
    let warnings = ConsoleWarnings::start();
    let c = page(FORM);
    let f = form(&c);
    let options = js_sys::JSON::parse(r#"{"sede":"atlantide"}"#).expect("json");
    let _w = attach(f.clone().into(), options)
        .map(Attached)
        .expect("attached");
    choose("gestione", "aziende-dm");
    type_into("descrizione", "Richiesta di chiarimenti sui contributi");
    fire(&by_id("descrizione"), "focusout");
    let told = warnings.take();
    assert!(
        told.iter().any(|t| t.contains("\"atlantide\"")),
        "the integrator is told: {told:?}"
    );
    let text = c.text_content().unwrap_or_default();
    assert!(
        !text.contains("atlantide"),
        "the person never sees it: {text}"
    );
}
