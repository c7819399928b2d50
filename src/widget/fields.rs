//! Binding the portal's own inputs: which field each `data-instrada-field` names, the message
//! elements the widget places after each one, and putting everything back on `detach()`.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlFormElement, HtmlSelectElement};

/// The fields the widget binds: the form's (`crate::field`).
pub(crate) use crate::field::FormField as Kind;

use super::dom::{self, Control};

/// One portal input bound to a field, and the three elements the widget placed after it
/// (hidden until they have something to say).
pub(crate) struct Field {
    pub(crate) kind: Kind,
    pub(crate) control: Control,
    /// The control's id (its own, or one the widget gave it for the summary's link).
    pub(crate) id: String,
    /// Inline errors (`invalid-feedback`), referenced by `aria-describedby` when shown.
    pub(crate) error: Element,
    /// Inline warnings (`alert alert-warning`), with their "Usa …" buttons.
    pub(crate) warning: Element,
    /// Live guidance (decoded codice fiscale, normalisation offers).
    pub(crate) guidance: Element,
    added_id: bool,
    /// The options the widget put in an empty `sede` select (removed on detach).
    pub(crate) added_options: std::cell::RefCell<Vec<Element>>,
    original_describedby: Option<String>,
    original_invalid: Option<String>,
    had_invalid_class: bool,
    had_class_attribute: bool,
}

impl Field {
    /// Binds `control` as `kind`; `prefix` makes the ids of the widget's elements unique in
    /// the page (two widgets may live on one page).
    pub(crate) fn bind(doc: &Document, kind: Kind, control: Control, prefix: &str) -> Field {
        let own_id = control.id();
        let added_id = own_id.is_empty();
        let id = if added_id {
            let id = format!("{prefix}-{}", kind.name());
            control.set_id(&id);
            id
        } else {
            own_id
        };
        let error = dom::el(doc, "div", "invalid-feedback instrada-error", None);
        error.set_id(&format!("{prefix}-{}-error", kind.name()));
        let warning = dom::el(doc, "div", "alert alert-warning instrada-warning", None);
        warning.set_id(&format!("{prefix}-{}-warning", kind.name()));
        let guidance = dom::el(doc, "div", "form-text instrada-guidance", None);
        guidance.set_id(&format!("{prefix}-{}-guidance", kind.name()));
        // Polite: read when the person pauses, never interrupting their typing.
        dom::set(&guidance, "aria-live", "polite");
        for e in [&error, &warning, &guidance] {
            dom::show(e, false);
        }
        // After the control, in Bootstrap's order (`.is-invalid ~ .invalid-feedback`), and
        // after its hint when the hint follows it (Bootstrap Italia's `form-text`).
        let anchor: Element = match control.next_element_sibling() {
            Some(next) if next.class_list().contains("form-text") => next,
            _ => control.clone().into(),
        };
        let _ = anchor.after_with_node_1(&guidance);
        let _ = anchor.after_with_node_1(&warning);
        let _ = anchor.after_with_node_1(&error);
        Field {
            kind,
            id,
            error,
            warning,
            guidance,
            added_id,
            added_options: std::cell::RefCell::new(Vec::new()),
            original_describedby: control.get_attribute("aria-describedby"),
            original_invalid: control.get_attribute("aria-invalid"),
            had_invalid_class: control.class_list().contains("is-invalid"),
            had_class_attribute: control.has_attribute("class"),
            control,
        }
    }

    /// The value as typed (never rewritten by the widget without an explicit action), at
    /// most [`Kind::max_chars`] of it.
    pub(crate) fn value(&self) -> String {
        self.value_and_length().0
    }

    /// [`Field::value`], and the full length of the value (UTF-16 units).
    pub(crate) fn value_and_length(&self) -> (String, usize) {
        super::watchdog::bounded_value(&self.control, self.kind.max_chars())
    }

    /// The selected option's `data-instrada-value` (a `<select>` only): the portal's own
    /// mapping of its value onto instrada's.
    pub(crate) fn option_value(&self) -> Option<String> {
        let select = self.control.dyn_ref::<HtmlSelectElement>()?;
        let i = u32::try_from(select.selected_index()).ok()?;
        select
            .item(i)?
            .get_attribute("data-instrada-value")
            .filter(|v| !v.trim().is_empty())
    }

    /// Fills a `<select>` the portal left without choices (no option with a value) with
    /// `choices` (value, label), after an empty first option; what the person had chosen stays
    /// chosen. The options are the widget's: taken away on detach, and replaced when the
    /// profile changes. Returns false when the portal's select has options of its own.
    pub(crate) fn fill_options(
        &self,
        doc: &Document,
        empty: &str,
        choices: &[(String, String)],
    ) -> bool {
        let Some(select) = self.control.dyn_ref::<HtmlSelectElement>() else {
            return false;
        };
        let mut added = self.added_options.borrow_mut();
        let own = (0..select.length())
            .filter_map(|i| select.item(i))
            .any(|o| {
                !added.iter().any(|a| a == &o)
                    && !o
                        .get_attribute("value")
                        .unwrap_or_default()
                        .trim()
                        .is_empty()
            });
        if own {
            return false;
        }
        let chosen = self.control.value();
        for o in added.drain(..) {
            o.remove();
        }
        let has_empty = select.length() > 0;
        if !has_empty {
            added.push(dom::option(doc, &self.control, "", Some(empty)));
        }
        for (value, label) in choices {
            added.push(dom::option(doc, &self.control, value, Some(label)));
        }
        self.control.set_value(&chosen);
        true
    }

    /// Puts the control back as it was and removes the widget's elements.
    pub(crate) fn restore(&self) {
        if let Ok(mut added) = self.added_options.try_borrow_mut() {
            for o in added.drain(..) {
                o.remove();
            }
        }
        self.control.set_custom_validity("");
        dom::restore(
            &self.control,
            "aria-describedby",
            &self.original_describedby,
        );
        dom::restore(&self.control, "aria-invalid", &self.original_invalid);
        dom::class(&self.control, "is-invalid", self.had_invalid_class);
        dom::class(&self.control, "instrada-has-warning", false);
        if !self.had_class_attribute && self.control.class_name().is_empty() {
            let _ = self.control.remove_attribute("class");
        }
        if self.added_id {
            let _ = self.control.remove_attribute("id");
        }
        self.error.remove();
        self.warning.remove();
        self.guidance.remove();
    }
}

/// Finds the portal's marked inputs in `form`: the first control for each kind wins (a
/// second one is reported once on the console and left alone).
pub(crate) fn discover(form: &HtmlFormElement) -> Vec<(Kind, Control)> {
    let mut found: Vec<(Kind, Control)> = Vec::new();
    for element in dom::all(form, "[data-instrada-field]") {
        let name = element
            .get_attribute("data-instrada-field")
            .unwrap_or_default();
        let (Some(kind), Some(control)) = (Kind::parse(&name), dom::control(&element)) else {
            web_sys::console::warn_1(
                &format!("instrada: data-instrada-field=\"{}\" is not a field instrada knows, or is not on an input, select or textarea; it is left alone.", crate::dates::clip(&name)).into(),
            );
            continue;
        };
        if found.iter().any(|(k, _)| *k == kind) {
            web_sys::console::warn_1(
                &format!(
                    "instrada: a second data-instrada-field=\"{}\" in the same form is left alone.",
                    kind.name()
                )
                .into(),
            );
            continue;
        }
        found.push((kind, control));
    }
    found
}
