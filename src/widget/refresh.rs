//! One look at the form: read the controls, run the checks (`crate::form::evaluate`),
//! decide what each field shows (`crate::form::display`), write it, keep custom validity in
//! step, and tell the portal (`instrada:*` events). Also the way out: `restore`.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventTarget};

use crate::finding::Finding;
use crate::form::messages::Problem;
use crate::form::{self, display::Trigger, Values};

use super::dom;
use super::events::{self, Signal};
use super::fields::Kind;
use super::inline::{self, Summary};
use super::inner::{Inner, State};
use super::mounted;
use super::page;
use super::watchdog;

impl Inner {
    /// Reads the form, runs the checks, updates what is shown, and tells the portal.
    /// Returns true when there is no error. `event` is the submit event, if any.
    pub(crate) fn refresh(&self, trigger: Trigger, event: Option<&Event>) -> bool {
        let (valid, detail, changed, summary) = {
            let Ok(mut st) = self.state.try_borrow_mut() else {
                // Re-entered from a portal's listener: the outer refresh has the state.
                return true;
            };
            let st = &mut *st;
            let mut long = Vec::new();
            st.values = self.read(&mut long);
            if self.cfg.checks.codice_fiscale && !st.values.get(Kind::CodiceFiscale).is_empty() {
                // A code typed before the list of places came: its fetch starts before the
                // checks run, not after (the first run of the checks takes some 10 ms, and
                // the place's name waits for the file).
                super::inner::fetch_places();
            }
            st.outcome = form::evaluate(&self.cfg, &st.values, trigger.live(), &mut st.memo);
            let sollecito = st.values.get(Kind::Tipo) == "sollecito";
            if self.sync_mail(st.outcome.mail) | self.sync_sollecito(sollecito) {
                // The e-mail fields came or went: look again with them (or without them).
                st.values = self.read(&mut long);
                st.outcome = form::evaluate(&self.cfg, &st.values, false, &mut st.memo);
            }
            st.outcome
                .findings
                .extend(long.iter().map(|&(field, length)| {
                    Problem::CheckedInPart { field, length }.finding(self.cfg.lang)
                }));
            self.native_errors(&mut st.outcome.findings);
            // The form's order, as the summary lists them.
            // Loops, not iterator chains collected, in this file: one copy less of each
            // adapter in the module (issue 15).
            let mut kinds: Vec<Kind> = Vec::new();
            for f in &self.fields {
                kinds.push(f.kind);
            }
            form::display::in_form_order(&mut st.outcome.findings, &kinds);
            // The portal's other controls are looked at on a submission, and again while
            // the summary lists them (so that a fixed one leaves it).
            if trigger == Trigger::Submit {
                st.native = self.other_controls_errors(&mut st.added_ids);
            } else if !st.native.is_empty() {
                // Between submissions an item may leave the summary, never join it.
                let now = self.other_controls_errors(&mut st.added_ids);
                st.native.retain(|(id, _)| now.iter().any(|(n, _)| n == id));
            }
            form::display(&kinds, &mut st.views, &st.outcome, &st.values, trigger);
            self.render(st);
            let valid = !st.outcome.has_errors() && st.native.is_empty();
            let carried = trigger == Trigger::Start && self.carried_summary.replace(false);
            let summary =
                self.render_summary(st, (trigger == Trigger::Submit || carried) && !valid);
            let changed = st.outcome.findings != st.announced;
            if changed {
                st.announced = st.outcome.findings.clone();
            }
            let needed = (changed && trigger != Trigger::Start) || trigger == Trigger::Submit;
            let detail = if needed {
                detail_js(&st.outcome.findings, valid)
            } else {
                JsValue::UNDEFINED
            };
            (valid, detail, changed, summary)
        };
        // No borrow from here on: portals' listeners may call back into the widget.
        let target: &EventTarget = self.form.as_ref();
        if changed && trigger != Trigger::Start {
            events::dispatch(target, Signal::Change, &detail);
        }
        if trigger == Trigger::Submit {
            if valid {
                if !events::dispatch(target, Signal::Valid, &detail) {
                    if let Some(e) = event {
                        e.prevent_default();
                    }
                }
            } else {
                if let Some(e) = event {
                    e.prevent_default();
                }
                if let Some(summary) = summary {
                    let _ = summary.unchecked_ref::<web_sys::HtmlElement>().focus();
                }
                events::dispatch(target, Signal::Invalid, &detail);
            }
        }
        valid
    }

    /// In a mounted form, shows (and enables) the e-mail's subject and recipient fields when
    /// the route is an e-mail, and hides (and disables) them otherwise; the titolario's
    /// object the other way round (an e-mail or a PEC has no titolario: its subject takes the
    /// object's place). True when they changed.
    fn sync_mail(&self, mail: bool) -> bool {
        self.sync_shown(|kind| match kind {
            Kind::OggettoEmail | Kind::Destinatario => Some(mail),
            Kind::Oggetto => Some(!mail),
            _ => None,
        })
    }

    /// In a mounted form, shows (and enables) the first request's date and outcome for a
    /// sollecito only. True when they changed.
    fn sync_sollecito(&self, sollecito: bool) -> bool {
        self.sync_shown(|kind| {
            matches!(kind, Kind::DataPrimaRichiesta | Kind::EsitoPrecedente).then_some(sollecito)
        })
    }

    /// In a mounted form, shows and enables the group of each field `wanted` says yes to,
    /// hides and disables those it says no to, and leaves the fields it says nothing of
    /// (`None`). What was typed in them stays. True when one changed. A portal's own form is
    /// left as the portal made it.
    fn sync_shown(&self, wanted: impl Fn(Kind) -> Option<bool>) -> bool {
        if self.mounted.is_none() {
            return false;
        }
        let mut changed = false;
        for f in &self.fields {
            let Some(wanted) = wanted(f.kind) else {
                continue;
            };
            if f.control.disabled() == wanted {
                f.control.set_disabled(!wanted);
                if let Ok(Some(group)) = f.control.closest(".instrada-group") {
                    dom::show(&group, wanted);
                }
                changed = true;
            }
        }
        changed
    }

    /// Chooses the values `update()` carried over to a rebuilt form once its selects offer
    /// them (the sedi, the titolario's objects). True when one was chosen.
    pub(crate) fn apply_pending(&self) -> bool {
        let mut any = false;
        for f in &self.fields {
            if let Some(value) = f.control.get_attribute("data-instrada-pending") {
                f.control.set_value(&value);
                if f.control.value() == value {
                    let _ = f.control.remove_attribute("data-instrada-pending");
                    any = true;
                }
            }
        }
        any
    }

    /// The values of the bound fields, each at most [`Kind::max_chars`] long (`long` gets
    /// the fields that are longer, with their full length), the portal's own option values
    /// mapped onto instrada's (`crate::vocabulary`). A value instrada does not know is
    /// reported once on the console for the integrator and read as nothing: the person is
    /// never shown it.
    fn read(&self, long: &mut Vec<(Kind, usize)>) -> Values {
        let mut values = Values::default();
        long.clear();
        let mut sedi: Option<Vec<(String, String)>> = None;
        for f in &self.fields {
            let i = f.kind.index();
            let (raw, length) = f.value_and_length();
            if length > f.kind.max_chars() {
                long.push((f.kind, length));
            }
            let mut unknown = false;
            let text = if f.kind.choices() == crate::vocabulary::Choices::Free {
                raw
            } else {
                let explicit = f
                    .option_value()
                    .or_else(|| self.cfg.mapped(f.kind.name(), &raw).map(str::to_string));
                let sedi = if f.kind == Kind::Sede {
                    sedi.get_or_insert_with(|| self.cfg.sedi()).as_slice()
                } else {
                    &[]
                };
                match crate::vocabulary::map(f.kind.name(), &raw, explicit.as_deref(), sedi) {
                    crate::vocabulary::Mapped::Known(v) => v,
                    crate::vocabulary::Mapped::Empty => String::new(),
                    crate::vocabulary::Mapped::Unknown => {
                        unknown = true;
                        self.warn_unknown(f.kind, explicit.as_deref().unwrap_or(&raw));
                        String::new()
                    }
                }
            };
            if let (Some(t), Some(present), Some(required), Some(u)) = (
                values.text.get_mut(i),
                values.present.get_mut(i),
                values.required.get_mut(i),
                values.unknown.get_mut(i),
            ) {
                *t = text;
                *present = !f.control.disabled();
                *required = f.control.required();
                *u = unknown;
            }
        }
        values
    }

    /// Tells the integrator, once per field and value, that a value is not instrada's.
    fn warn_unknown(&self, kind: Kind, value: &str) {
        let Ok(mut warned) = self.warned.try_borrow_mut() else {
            return;
        };
        let value = crate::dates::clip(value);
        if warned.iter().any(|(k, v)| *k == kind && *v == value) {
            return;
        }
        page::warn(&format!(
            "the value \"{value}\" of the {} field is not one instrada knows, so the checks that need it are off while it is chosen. Map it to one of instrada's values with data-instrada-value=\"…\" on its <option>, or with the values option ({{ {}: {{ \"{value}\": \"…\" }} }}); the integrator's guide lists the values.",
            kind.name(),
            kind.name()
        ));
        warned.push((kind, value));
    }

    /// The browser's own constraint errors of the bound fields (a `type="email"` that is not
    /// an address, a `pattern`, …), when the checks found no error there themselves.
    fn native_errors(&self, findings: &mut Vec<Finding>) {
        for f in &self.fields {
            let name = f.kind;
            if findings.iter().any(|x| x.is_error() && x.marks(f.kind)) {
                continue;
            }
            f.control.set_custom_validity("");
            if f.control.will_validate() && !f.control.validity().valid() {
                let message = f.control.validation_message();
                if !message.is_empty() {
                    findings.push(Finding::error("field.native", message).field(name));
                }
            }
        }
    }

    /// Errors of the portal's controls that the widget does not check: the browser's
    /// constraint validation, so that `novalidate` (set by the widget) loses nothing.
    fn other_controls_errors(&self, added_ids: &mut Vec<Element>) -> Vec<(String, String)> {
        let mut out = Vec::new();
        let elements = self.form.elements();
        for i in 0..elements.length() {
            let Some(control) = elements.item(i).and_then(|e| dom::control(&e)) else {
                continue;
            };
            let ours = control.has_attribute("data-instrada-field")
                || control.has_attribute("data-instrada-picker");
            if ours || !control.will_validate() || control.validity().valid() {
                continue;
            }
            if control.id().is_empty() {
                control.set_id(&format!("{}-control-{i}", self.prefix));
                added_ids.push(control.clone().into());
            }
            out.push((control.id(), control.validation_message()));
        }
        out
    }

    /// Writes messages, guidance, picker and panels, and keeps custom validity in step.
    fn render(&self, st: &mut State) {
        let lang = self.cfg.lang;
        let meaning = |code: &str| form::evaluate::meaning(code, &self.cfg);
        for ((field, view), rendered) in self
            .fields
            .iter()
            .zip(st.views.iter_mut())
            .zip(st.rendered.iter_mut())
        {
            let guidance = form::display::guidance(field.kind, &st.outcome);
            inline::render_field(&self.doc, field, view, rendered, &guidance, lang, &meaning);
            let mut errors: Vec<&Finding> = Vec::new();
            for f in &st.outcome.findings {
                if f.is_error() && f.marks(field.kind) {
                    errors.push(f);
                }
            }
            inline::sync_validity(&field.control, &errors);
        }
        if let Some(picker) = &self.picker {
            picker.update(
                &mut st.picker,
                &self.doc,
                lang,
                st.outcome.titolario,
                st.outcome.titolario_note.as_deref(),
                &st.outcome.suggestions,
                st.outcome.sent,
                st.values.get(Kind::Oggetto),
            );
        }
        if self.mounted.is_some() {
            if let Some(f) = self.field(Kind::Destinatario) {
                mounted::sync_addresses(&self.doc, &f.control, &st.outcome.addresses);
            }
        }
        self.panels
            .render(&self.doc, &mut st.panels, &st.outcome, &self.cfg);
    }

    /// Keeps the error summary in step with the errors on display; builds it on the first
    /// blocked submission. Returns its element when it should take the focus.
    fn render_summary(&self, st: &mut State, blocked: bool) -> Option<Element> {
        let mut items: Vec<(String, String)> = Vec::new();
        for (field, view) in self.fields.iter().zip(st.views.iter()) {
            for f in view.errors() {
                items.push((
                    field.id.clone(),
                    form::display::shown_message(field.kind, f).to_string(),
                ));
            }
        }
        items.extend(st.native.iter().cloned());
        if items.is_empty() {
            if let Some(summary) = st.summary.take() {
                summary.root.remove();
            }
            st.native.clear();
            return None;
        }
        if st.summary.is_none() && !blocked {
            return None;
        }
        let summary = st
            .summary
            .get_or_insert_with(|| Summary::build(&self.doc, &self.prefix, self.cfg.lang));
        summary.render(&self.doc, &items);
        if !summary.root.is_connected() {
            let _ = self.form.prepend_with_node_1(&summary.root);
        }
        blocked.then(|| summary.root.clone())
    }

    pub(crate) fn findings_js(&self) -> JsValue {
        match self.state.try_borrow() {
            Ok(st) => crate::bindings::wire_js(&st.outcome.findings),
            Err(_) => js_sys::Array::new().into(),
        }
    }

    /// Removes what the widget added and puts back what it changed. Uses only the fields
    /// fixed at attach time and takes no borrow it cannot get, so it is also the way to step
    /// aside after a failure.
    fn restore(&self) {
        if self.stepped_aside.replace(true) {
            return;
        }
        for f in &self.fields {
            f.restore();
        }
        if let Some(p) = &self.picker {
            p.remove();
        }
        self.panels.remove();
        if let Ok(mut st) = self.state.try_borrow_mut() {
            if let Some(summary) = st.summary.take() {
                summary.root.remove();
            }
            for e in st.added_ids.drain(..) {
                let _ = e.remove_attribute("id");
            }
        } else if let Some(summary) = self
            .doc
            .get_element_by_id(&format!("{}-summary", self.prefix))
        {
            summary.remove();
        }
        self.form.set_no_validate(self.original_novalidate);
        for attribute in [
            "data-instrada-attached",
            "data-instrada-catalog",
            "data-instrada-places",
        ] {
            let _ = self.form.remove_attribute(attribute);
        }
        if let Some(m) = &self.mounted {
            m.form.remove();
        }
        // What only the snapshot taken at attach knows: the portal's own validity messages
        // and selections (the same restoration the watchdog runs after a failure).
        watchdog::wd_release(&self.prefix);
    }

    pub(crate) fn detach(&self) {
        self.restore();
        // Dropping the listeners removes them from the page.
        if let Ok(mut listeners) = self.listeners.try_borrow_mut() {
            listeners.clear();
        }
    }

    /// After a failure: out of the way, once. The listeners stay (they do nothing now) so
    /// the failed state is never touched again.
    pub(crate) fn step_aside(&self) {
        self.restore();
    }
}

/// The `detail` of the `instrada:*` events: `{ valid, findings }`.
struct Detail<'a> {
    valid: bool,
    findings: &'a [Finding],
}

impl crate::wire::ToWire for Detail<'_> {
    fn write(&self, out: &mut crate::wire::Json) {
        out.begin_object();
        out.field_bool("valid", self.valid);
        out.field_list("findings", self.findings);
        out.end_object();
    }
}

fn detail_js(findings: &[Finding], valid: bool) -> JsValue {
    crate::bindings::wire_js(&Detail { valid, findings })
}
