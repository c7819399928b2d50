//! Binding the portal's own inputs: which field each `data-instrada-field` names, the message
//! elements the widget places after each one, and putting everything back on `detach()`.

use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlFormElement, HtmlSelectElement};

use crate::vocabulary::Choices;

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
    /// `sede`: the competent INPS sede (its calendar and its mailboxes); a `<select>` left
    /// empty by the portal is filled with the profile's sedi.
    Sede,
    /// `data-prima-richiesta`: the day of the first request, for a sollecito (the limits of
    /// the escalation count from it).
    DataPrimaRichiesta,
    /// `esito-precedente`: how the earlier request went (`senza-risposta`, `non-accolta`,
    /// `non-esaustiva`, …).
    EsitoPrecedente,
}

impl Kind {
    /// Every field, in the order messages are listed in the error summary when a portal's
    /// form does not say otherwise (the summary follows the form's own order).
    pub(crate) const ALL: [Kind; 19] = [
        Kind::CodiceFiscale,
        Kind::Matricola,
        Kind::Cognome,
        Kind::Nome,
        Kind::DataNascita,
        Kind::Sesso,
        Kind::LuogoNascita,
        Kind::Sede,
        Kind::Gestione,
        Kind::Tipo,
        Kind::DataPrimaRichiesta,
        Kind::EsitoPrecedente,
        Kind::Oggetto,
        Kind::Descrizione,
        Kind::Mittente,
        Kind::Destinatario,
        Kind::OggettoEmail,
        Kind::DataInvio,
        Kind::DataRichiesta,
    ];

    /// The name used in `data-instrada-field` and in findings' `field`: the vocabulary's
    /// (`crate::vocabulary::FIELDS`, in this enum's order), so the integrator's guide, checked
    /// against that list, names exactly the widget's fields.
    pub(crate) fn name(self) -> &'static str {
        crate::vocabulary::FIELDS
            .get(self.index())
            .map(|f| f.name)
            .unwrap_or("")
    }

    /// The closed list of values the field accepts, if any.
    pub(crate) fn choices(self) -> Choices {
        crate::vocabulary::FIELDS
            .get(self.index())
            .map(|f| f.choices)
            .unwrap_or(Choices::Free)
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
    pub(crate) const COUNT: usize = 19;

    /// How much of the field's text the widget reads and checks (UTF-16 units): enough for
    /// any real value, so that what a paste costs is bounded. The rest stays in the field
    /// as typed and is submitted with it; `input.checked-in-part` says so. README,
    /// "Bounded cost".
    pub(crate) fn max_chars(self) -> usize {
        match self {
            // A request's text: a few pages.
            Kind::Descrizione => 20_000,
            // Codes, dates and the values of choices: a valid one is at most 16 characters.
            Kind::CodiceFiscale
            | Kind::Matricola
            | Kind::Gestione
            | Kind::Tipo
            | Kind::Sesso
            | Kind::DataInvio
            | Kind::DataRichiesta
            | Kind::DataPrimaRichiesta
            | Kind::EsitoPrecedente
            | Kind::DataNascita => 100,
            // Names, addresses, an object's label, an e-mail's subject.
            Kind::Oggetto
            | Kind::OggettoEmail
            | Kind::Destinatario
            | Kind::Mittente
            | Kind::Cognome
            | Kind::Nome
            | Kind::Sede
            | Kind::LuogoNascita => 1_000,
        }
    }
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
            let o = dom::el(doc, "option", "", Some(empty));
            dom::set(&o, "value", "");
            dom::append(&self.control, &o);
            added.push(o);
        }
        for (value, label) in choices {
            let o = dom::el(doc, "option", "", Some(label));
            dom::set(&o, "value", value);
            dom::append(&self.control, &o);
            added.push(o);
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
