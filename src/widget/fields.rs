//! Binding the portal's own inputs: which field each `data-instrada-field` names, the message
//! elements the widget places after each one, and putting everything back on `detach()`.

use web_sys::{Document, Element, HtmlFormElement};

use super::dom::{self, Control};

/// The fields the widget understands, named as in `data-instrada-field="…"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Kind {
    /// `codice-fiscale`: the contributor's codice fiscale (person or company).
    CodiceFiscale,
    /// `matricola`: the company's INPS matricola (10 digits).
    Matricola,
    /// `gestione`: the contributor's gestione (value: a gestione or cassetto id,
    /// `aziende-dm`, `agricoli`, …).
    Gestione,
    /// `tipo`: the kind of request (`comunicazione`, `sollecito`, `durc`, …); a
    /// communication when the form has no such field.
    Tipo,
    /// `oggetto`: the object chosen from the cassetto's titolario.
    Oggetto,
    /// `descrizione`: the free text of the request.
    Descrizione,
    /// `oggetto-email`: the subject of an e-mail (institutional mailbox channels).
    OggettoEmail,
    /// `destinatario`: the address the request is sent to.
    Destinatario,
    /// `mittente`: the address the request is sent from (PEC or not).
    Mittente,
    /// `data-invio`: the day the request is sent (starts the response times).
    DataInvio,
    /// `data-richiesta`: the day INPS asked the intermediary for something (Milano F).
    DataRichiesta,
    /// `cognome`, `nome`, `data-nascita`, `sesso`, `luogo-nascita`: the person's data, checked
    /// against the codice fiscale.
    Cognome,
    /// See [`Kind::Cognome`].
    Nome,
    /// See [`Kind::Cognome`].
    DataNascita,
    /// See [`Kind::Cognome`].
    Sesso,
    /// See [`Kind::Cognome`].
    LuogoNascita,
}

impl Kind {
    /// Every field, in the order messages are listed in the error summary when a portal's
    /// form does not say otherwise (the summary follows the form's own order).
    pub(crate) const ALL: [Kind; 16] = [
        Kind::CodiceFiscale,
        Kind::Matricola,
        Kind::Cognome,
        Kind::Nome,
        Kind::DataNascita,
        Kind::Sesso,
        Kind::LuogoNascita,
        Kind::Gestione,
        Kind::Tipo,
        Kind::Oggetto,
        Kind::Descrizione,
        Kind::Mittente,
        Kind::Destinatario,
        Kind::OggettoEmail,
        Kind::DataInvio,
        Kind::DataRichiesta,
    ];

    /// The name used in `data-instrada-field` and in findings' `field`.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Kind::CodiceFiscale => "codice-fiscale",
            Kind::Matricola => "matricola",
            Kind::Gestione => "gestione",
            Kind::Tipo => "tipo",
            Kind::Oggetto => "oggetto",
            Kind::Descrizione => "descrizione",
            Kind::OggettoEmail => "oggetto-email",
            Kind::Destinatario => "destinatario",
            Kind::Mittente => "mittente",
            Kind::DataInvio => "data-invio",
            Kind::DataRichiesta => "data-richiesta",
            Kind::Cognome => "cognome",
            Kind::Nome => "nome",
            Kind::DataNascita => "data-nascita",
            Kind::Sesso => "sesso",
            Kind::LuogoNascita => "luogo-nascita",
        }
    }

    /// Reads a `data-instrada-field` value (case and surrounding spaces ignored).
    pub(crate) fn parse(name: &str) -> Option<Kind> {
        let name = name.trim().to_ascii_lowercase();
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// Index in value arrays.
    pub(crate) fn index(self) -> usize {
        self as usize
    }

    /// Number of kinds (length of value arrays).
    pub(crate) const COUNT: usize = 16;
}

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
            original_describedby: control.get_attribute("aria-describedby"),
            original_invalid: control.get_attribute("aria-invalid"),
            had_invalid_class: control.class_list().contains("is-invalid"),
            had_class_attribute: control.has_attribute("class"),
            control,
        }
    }

    /// The value as typed (never rewritten by the widget without an explicit action).
    pub(crate) fn value(&self) -> String {
        self.control.value()
    }

    /// Puts the control back as it was and removes the widget's elements.
    pub(crate) fn restore(&self) {
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
    let Ok(list) = form.query_selector_all("[data-instrada-field]") else {
        return found;
    };
    for i in 0..list.length() {
        let Some(element) = list
            .item(i)
            .and_then(|n| wasm_bindgen::JsCast::dyn_into::<Element>(n).ok())
        else {
            continue;
        };
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
