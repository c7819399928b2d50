//! `mount()`: a complete request form built from scratch, for portals that have none. It is
//! plain markup with Bootstrap Italia's classes (`form-group`, `form-control`, `form-text`,
//! `btn btn-primary`), every control labelled and hinted, and `data-instrada-field` on each,
//! so the same `attach` path enhances it.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlFormElement};

use crate::finding::Lang;
use crate::form::messages::{self, Label};
use crate::form::{request, Config};

use super::dom;
use super::fields::Kind;
use super::options::MountExtras;
use super::page;

/// Builds the form inside `container` (after what it already holds) and returns it.
pub(crate) fn build(
    doc: &Document,
    container: &Element,
    cfg: &Config,
    extras: &MountExtras,
) -> HtmlFormElement {
    let lang = cfg.lang;
    let prefix = format!("{}-form", page::next_prefix());
    let form = dom::el(doc, "form", "instrada-form", None);
    form.set_id(&prefix);
    dom::set(&form, "novalidate", "");
    if let Some(action) = &extras.action {
        dom::set(&form, "action", action);
    }
    if let Some(method) = &extras.method {
        dom::set(&form, "method", method);
    }
    dom::append(
        &form,
        &dom::el(
            doc,
            "p",
            "form-text instrada-privacy",
            Some(Label::PrivacyNote.text(lang)),
        ),
    );

    let text = |required: bool| {
        let input = dom::el(doc, "input", "form-control", None);
        dom::set(&input, "type", "text");
        if required {
            dom::set(&input, "required", "");
        }
        input
    };

    let cf = text(true);
    dom::set(&cf, "autocomplete", "off");
    dom::set(&cf, "spellcheck", "false");
    dom::set(&cf, "autocapitalize", "characters");
    group(doc, &form, &prefix, Kind::CodiceFiscale, cf, lang);

    let matricola = text(false);
    dom::set(&matricola, "inputmode", "numeric");
    dom::set(&matricola, "autocomplete", "off");
    group(doc, &form, &prefix, Kind::Matricola, matricola, lang);

    let gestione = required_select(doc, Label::ChooseGestione.text(lang));
    for (id, name) in request::gestioni(lang) {
        dom::option(doc, &gestione, &id, Some(&name));
    }
    group(doc, &form, &prefix, Kind::Gestione, gestione, lang);

    // The sede: its calendar counts the patron day, its mailboxes come first. The widget
    // fills the empty select with the profile's sedi, by name (`Inner::refill_options`).
    let sede = dom::el(doc, "select", "form-control form-select", None);
    group(doc, &form, &prefix, Kind::Sede, sede, lang);

    let tipo = dom::el(doc, "select", "form-control form-select", None);
    for (id, name) in request::kinds(lang) {
        let o = dom::el(doc, "option", "", Some(&name));
        dom::set(&o, "value", &id);
        if id == "comunicazione" {
            dom::set(&o, "selected", "");
        }
        dom::append(&tipo, &o);
    }
    group(doc, &form, &prefix, Kind::Tipo, tipo, lang);

    // A sollecito's first request and how it went: only for a sollecito (hidden and disabled
    // otherwise, as the e-mail's fields are; `Inner::sync_groups`).
    let prima = dom::el(doc, "input", "form-control", None);
    dom::set(&prima, "type", "date");
    dom::set(&prima, "disabled", "");
    let wrapper = group(doc, &form, &prefix, Kind::DataPrimaRichiesta, prima, lang);
    dom::set(&wrapper, "data-instrada-sollecito", "");
    dom::show(&wrapper, false);
    let esito = dom::el(doc, "select", "form-control form-select", None);
    dom::set(&esito, "disabled", "");
    for c in crate::vocabulary::choices(crate::vocabulary::Choices::EsitoPrecedente, &[]) {
        dom::option(doc, &esito, &c.id, Some(c.label(lang)));
    }
    let wrapper = group(doc, &form, &prefix, Kind::EsitoPrecedente, esito, lang);
    dom::set(&wrapper, "data-instrada-sollecito", "");
    dom::show(&wrapper, false);

    let descrizione = dom::el(doc, "textarea", "form-control", None);
    dom::set(&descrizione, "rows", "5");
    dom::set(&descrizione, "required", "");
    group(doc, &form, &prefix, Kind::Descrizione, descrizione, lang);

    let oggetto = required_select(doc, Label::PickerChoose.text(lang));
    group(doc, &form, &prefix, Kind::Oggetto, oggetto, lang);

    // The e-mail's subject and recipient: only when the route is an e-mail (institutional
    // or PEC). Until then they are hidden and disabled, so the form neither checks nor
    // submits them; `Inner::sync_mail` shows them when the channel asks for them.
    for kind in [Kind::OggettoEmail, Kind::Destinatario] {
        let input = text(true);
        dom::set(&input, "autocomplete", "off");
        dom::set(&input, "disabled", "");
        if kind == Kind::Destinatario {
            // Text with an e-mail keyboard, not `type="email"`: the browser would trim what
            // was typed and add its own message, in its own language, next to the review's.
            dom::set(&input, "inputmode", "email");
            dom::set(&input, "spellcheck", "false");
            // Every mailbox of the route, the sede's own first (`sync_addresses`).
            dom::set(&input, "list", &format!("{prefix}-{}-list", kind.name()));
        }
        let wrapper = group(doc, &form, &prefix, kind, input, lang);
        if kind == Kind::Destinatario {
            let list = dom::el(doc, "datalist", "", None);
            list.set_id(&format!("{prefix}-{}-list", kind.name()));
            dom::append(&wrapper, &list);
        }
        dom::set(&wrapper, "data-instrada-mail", "");
        dom::show(&wrapper, false);
    }

    let data = dom::el(doc, "input", "form-control", None);
    dom::set(&data, "type", "date");
    dom::set(&data, "required", "");
    // A default, not a rewrite: the field starts with today's date, as a paper form would.
    dom::set(&data, "value", &crate::dates::iso(cfg.today));
    group(doc, &form, &prefix, Kind::DataInvio, data, lang);

    let submit = dom::el(
        doc,
        "button",
        "btn btn-primary instrada-submit",
        Some(Label::Submit.text(lang)),
    );
    dom::set(&submit, "type", "submit");
    dom::append(&form, &submit);
    dom::append(container, &form);
    form.unchecked_into()
}

/// A select the person must choose in, opening on an empty option that says so: the form
/// cannot be sent until a real choice is made.
fn required_select(doc: &Document, choose: &str) -> Element {
    let select = dom::el(doc, "select", "form-control form-select", None);
    dom::set(&select, "required", "");
    dom::option(doc, &select, "", Some(choose));
    select
}

/// `<div class="form-group"><label>…</label>control<small class="form-text">hint</small></div>`,
/// appended to `form` and returned.
/// The label comes first and is `active` (Bootstrap Italia's label that stays above the
/// control, without its JavaScript); the hint follows the control, as Bootstrap Italia
/// places it, and is referenced by `aria-describedby`.
fn group(
    doc: &Document,
    form: &Element,
    prefix: &str,
    kind: Kind,
    control: Element,
    lang: Lang,
) -> Element {
    let id = format!("{prefix}-{}", kind.name());
    let wrapper = dom::el(doc, "div", "form-group instrada-group", None);
    let label = dom::label(
        doc,
        "active instrada-label",
        messages::field_label(kind, lang),
        &id,
    );
    control.set_id(&id);
    dom::set(&control, "name", kind.name());
    dom::set(&control, "data-instrada-field", kind.name());
    dom::append(&wrapper, &label);
    dom::append(&wrapper, &control);
    let hint = messages::field_hint(kind, lang);
    if !hint.is_empty() {
        let small = dom::el(doc, "small", "form-text instrada-hint", Some(hint));
        small.set_id(&format!("{id}-hint"));
        dom::set(&control, "aria-describedby", &small.id());
        dom::append(&wrapper, &small);
    }
    dom::append(form, &wrapper);
    wrapper
}

/// Puts the route's mailboxes (the sede's own first) in the recipient's suggestion list of a
/// mounted form, so that every one is reachable from the field.
pub(crate) fn sync_addresses(doc: &Document, control: &Element, addresses: &[String]) {
    let Some(list) = control
        .get_attribute("list")
        .and_then(|id| doc.get_element_by_id(&id))
    else {
        return;
    };
    // A loop, not filter_map + collect: one copy less of the adapters in the module
    // (issue 15).
    let mut current: Vec<String> = Vec::new();
    let children = list.children();
    for i in 0..children.length() {
        if let Some(v) = children.item(i).and_then(|o| o.get_attribute("value")) {
            current.push(v);
        }
    }
    if current == addresses {
        return;
    }
    dom::set_text(&list, "");
    for a in addresses {
        dom::option(doc, &list, a, None);
    }
}

/// Copies the values of `from`'s fields into `to`'s fields of the same name (`update()` of a
/// mounted form). A select's value that the new form does not offer yet (the sedi, filled
/// when the widget starts) is kept in `data-instrada-pending` and chosen then.
pub(crate) fn copy_values(from: &HtmlFormElement, to: &HtmlFormElement) {
    for old in dom::all(from, "[data-instrada-field]") {
        let Some(old) = dom::control(&old) else {
            continue;
        };
        let name = old.get_attribute("data-instrada-field").unwrap_or_default();
        let selector = format!("[data-instrada-field=\"{}\"]", name.replace('"', ""));
        if let Some(new) = to
            .query_selector(&selector)
            .ok()
            .flatten()
            .and_then(|e| dom::control(&e))
        {
            new.set_value(&old.value());
            if new.value() != old.value() {
                dom::set(&new, "data-instrada-pending", &old.value());
            }
        }
    }
}
