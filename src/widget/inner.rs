//! One enhanced form: binding its fields, the listeners (one per event kind on the form),
//! what each event does, and the idle warm-up. Each look at the form (read, check, show) is
//! in `refresh`; the pure decisions are `crate::form`'s.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, EventTarget, HtmlFormElement};

use crate::bindings::places::File;
use crate::finding::Finding;
use crate::form::messages::Label;
use crate::form::{self, Config, Memo, Outcome, Shown, Trigger, Values};

use super::dom::{self, Control};
use super::events::{self, Listener};
use super::fields::{self, Field, Kind};
use super::inline::{Rendered, Summary};
use super::options;
use super::page;
use super::panel;
use super::picker::{Picker, PickerView};
use super::watchdog;

thread_local! {
    /// Every attached widget, kept alive until it is detached. The event listeners only hold
    /// weak references: detaching drops the widget, and with it its listeners.
    static LIVE: RefCell<Vec<Rc<Inner>>> = const { RefCell::new(Vec::new()) };
}

/// The live widget whose key (prefix) is `key`.
pub(crate) fn live(key: &str) -> Option<Rc<Inner>> {
    LIVE.try_with(|live| {
        live.try_borrow()
            .ok()
            .and_then(|l| l.iter().find(|w| w.prefix == key).cloned())
    })
    .ok()
    .flatten()
}

/// Removes a detached widget from the page's live list.
pub(crate) fn forget(inner: &Rc<Inner>) {
    let _ = LIVE.try_with(|live| {
        if let Ok(mut live) = live.try_borrow_mut() {
            live.retain(|w| !Rc::ptr_eq(w, inner));
        }
    });
}

/// A form the widget built (`mount`), and how, so that `update()` can build it again.
pub(crate) struct Mounted {
    pub(crate) form: Element,
    pub(crate) extras: options::MountExtras,
}

/// What `update()` carries from the old widget to the new one: per field, whether the person
/// changed and left it and what was on display; whether the summary was.
#[derive(Default)]
pub(crate) struct Carry {
    views: Vec<(Kind, bool, bool, Vec<Finding>)>,
    /// The values of selects whose options the widget had added (they go on detach).
    chosen: Vec<(Kind, String)>,
    summary: bool,
    warned: Vec<(Kind, String)>,
}

pub(crate) struct Inner {
    pub(crate) doc: Document,
    pub(crate) form: HtmlFormElement,
    pub(crate) cfg: Config,
    pub(crate) prefix: String,
    pub(crate) fields: Vec<Field>,
    pub(crate) picker: Option<Picker>,
    pub(crate) panels: panel::Panels,
    /// The form the widget built (mount), removed on detach.
    pub(crate) mounted: Option<Mounted>,
    /// The unknown portal values already reported on the console: (field, value).
    pub(crate) warned: RefCell<Vec<(Kind, String)>>,
    /// The summary was on display when `update()` built this widget: it shows again.
    pub(crate) carried_summary: Cell<bool>,
    pub(crate) original_novalidate: bool,
    pub(crate) stepped_aside: Cell<bool>,
    pub(crate) state: RefCell<State>,
    pub(crate) listeners: RefCell<Vec<Listener>>,
}

#[derive(Default)]
pub(crate) struct State {
    pub(crate) values: Values,
    pub(crate) outcome: Outcome,
    /// What each field has on display, in the order of `Inner::fields`.
    pub(crate) views: Vec<Shown>,
    /// What was last written into each field's three elements.
    pub(crate) rendered: Vec<Rendered>,
    pub(crate) picker: PickerView,
    pub(crate) panels: panel::PanelsView,
    pub(crate) summary: Option<Summary>,
    /// Errors of the portal's other controls (native constraint validation) at the last
    /// submission: (control id, message).
    pub(crate) native: Vec<(String, String)>,
    /// Controls of the portal the widget gave an id to (for summary links).
    pub(crate) added_ids: Vec<Element>,
    /// The findings last sent in `instrada:change`.
    pub(crate) announced: Vec<Finding>,
    pub(crate) memo: Memo,
}

impl Inner {
    /// Binds the form's fields, builds the panels, registers the listeners and shows the
    /// first guidance.
    pub(crate) fn start(
        form: HtmlFormElement,
        cfg: Config,
        mounted: Option<Mounted>,
        carry: Carry,
    ) -> Option<Rc<Inner>> {
        page::install_guard();
        if page::broken() || watchdog::wd_failed() {
            page::warn("the checks stopped after a failure; the form works without them.");
            return None;
        }
        if form.has_attribute("data-instrada-attached") {
            page::warn("this form is already enhanced; call detach() on its widget first.");
            return None;
        }
        let doc = dom::document()?;
        let prefix = page::next_prefix();
        // Before anything changes: what the portal's controls have, for the watchdog (and
        // detach) to put back.
        watchdog::wd_watch(
            &prefix,
            form.as_ref(),
            mounted
                .as_ref()
                .map_or(&JsValue::UNDEFINED, |m| m.form.as_ref()),
        );
        // Loops, not iterator chains collected, in this file: one copy less of each adapter
        // in the module (issue 15).
        let mut fields: Vec<Field> = Vec::new();
        for (kind, control) in fields::discover(&form) {
            fields.push(Field::bind(&doc, kind, control, &prefix));
        }
        let picker = fields
            .iter()
            .find(|f| f.kind == Kind::Oggetto)
            .filter(|_| cfg.checks.picker)
            .map(|f| Picker::build(&doc, &prefix, f, cfg.lang));
        let panels = panel::Panels::build(&doc, &prefix, &form, &fields, &cfg);
        let original_novalidate = form.no_validate();
        // The widget shows its own summary and messages; the browser's bubbles would hide
        // them (and stop the submit event before the widget sees it).
        form.set_no_validate(true);
        dom::set(&form, "data-instrada-attached", "");
        let mut views: Vec<Shown> = Vec::new();
        for f in &fields {
            let mut v = Shown::default();
            if let Some((_, dirty, visited, shown)) =
                carry.views.iter().find(|(k, ..)| *k == f.kind)
            {
                v.dirty = *dirty;
                v.visited = *visited;
                v.shown = shown.clone();
            }
            views.push(v);
        }
        let inner = Rc::new(Inner {
            doc,
            form,
            cfg,
            prefix,
            fields,
            picker,
            panels,
            mounted,
            warned: RefCell::new(carry.warned),
            carried_summary: Cell::new(carry.summary),
            original_novalidate,
            stepped_aside: Cell::new(false),
            state: RefCell::new(State {
                rendered: vec![Rendered::default(); views.len()],
                views,
                ..State::default()
            }),
            listeners: RefCell::new(Vec::new()),
        });
        inner.refill_options();
        for (kind, value) in &carry.chosen {
            if let Some(f) = inner.field(*kind) {
                f.control.set_value(value);
            }
        }
        inner.listen();
        let _ = LIVE.try_with(|live| {
            if let Ok(mut live) = live.try_borrow_mut() {
                live.push(inner.clone());
            }
        });
        inner.refresh(Trigger::Start, None);
        if inner.apply_pending() {
            inner.refresh(Trigger::Start, None);
        }
        for f in &inner.fields {
            let _ = f.control.remove_attribute("data-instrada-pending");
        }
        inner.mark_arrival(File::Catalog);
        inner.mark_arrival(File::Places);
        // In the order they are needed (popped from the end).
        let mut queue = titolari_warm_up(&inner);
        queue.push(Warm::Profile);
        // Told when the profiles arrive, however their fetch starts (here at idle, or a
        // call of the page's that needs them first).
        if crate::catalog::data::absence().is_some() {
            crate::bindings::places::on_arrival(File::Catalog, catalog_arrived);
        }
        // First: starting the fetches of the package's lazy files costs nothing on the
        // page's thread, and the files are on their way while the profile is read.
        queue.push(Warm::Catalog);
        if inner.cfg.checks.codice_fiscale {
            queue.push(Warm::Places);
        }
        warm_up(Rc::downgrade(&inner), queue);
        Some(inner)
    }

    /// Says on the form that a lazy file of the package is settled for this widget, once
    /// the widget has looked at the form again with it: `data-instrada-catalog` (the
    /// profiles and titolari) or `data-instrada-places` (the list of places, only when the
    /// widget checks the codice fiscale), `ready` or `unavailable` (it could not be had).
    /// What a portal's script, or a test, waits for instead of a time; nothing while the
    /// file is on its way.
    fn mark_arrival(&self, file: File) {
        let (attribute, absence) = match file {
            File::Catalog => ("data-instrada-catalog", crate::catalog::data::absence()),
            File::Places if self.cfg.checks.codice_fiscale => {
                ("data-instrada-places", crate::cf::places::absence())
            }
            File::Places => return,
        };
        match absence {
            None => dom::set(&self.form, attribute, "ready"),
            Some(crate::cf::places::Absence::Unavailable) => {
                dom::set(&self.form, attribute, "unavailable")
            }
            Some(crate::cf::places::Absence::Loading) => {}
        }
    }

    /// What `update()` keeps of this widget.
    pub(crate) fn carry(&self) -> Carry {
        let Ok(st) = self.state.try_borrow() else {
            return Carry::default();
        };
        let mut views = Vec::new();
        for (f, v) in self.fields.iter().zip(st.views.iter()) {
            views.push((f.kind, v.dirty, v.visited, v.shown.clone()));
        }
        let mut chosen = Vec::new();
        for f in &self.fields {
            if !f.added_options.borrow().is_empty() {
                chosen.push((f.kind, f.value()));
            }
        }
        Carry {
            views,
            chosen,
            summary: st.summary.is_some(),
            warned: self.warned.borrow().clone(),
        }
    }

    /// The field that has the focus, if any.
    pub(crate) fn focused_kind(&self) -> Option<Kind> {
        let active = self.doc.active_element()?;
        self.fields
            .iter()
            .find(|f| JsValue::from(&f.control) == JsValue::from(&active))
            .map(|f| f.kind)
    }

    /// Fills a `sede` select the portal left empty with the profile's sedi, by name.
    pub(crate) fn refill_options(&self) {
        let Some(field) = self.field(Kind::Sede) else {
            return;
        };
        let sedi = self.cfg.sedi();
        field.fill_options(&self.doc, Label::ChooseSede.text(self.cfg.lang), &sedi);
    }

    /// One listener per event kind on the form (delegation): fields and the widget's own
    /// buttons are all inside it.
    fn listen(self: &Rc<Inner>) {
        let target: &EventTarget = self.form.as_ref();
        let mut listeners = self.listeners.borrow_mut();
        type Handler = fn(&Inner, &Event);
        let table: [(&'static str, Handler); 6] = [
            ("input", Inner::on_input),
            ("change", Inner::on_change),
            ("focusout", Inner::on_focusout),
            ("submit", Inner::on_submit),
            ("click", Inner::on_click),
            ("keydown", Inner::on_keydown),
        ];
        for (kind, handler) in table {
            let weak: Weak<Inner> = Rc::downgrade(self);
            listeners.push(Listener::new(target, kind, false, move |event: Event| {
                let Some(inner) = weak.upgrade() else {
                    return;
                };
                if page::broken() {
                    inner.step_aside();
                    return;
                }
                handler(&inner, &event);
            }));
        }
    }

    /// The field whose control is the event's target.
    fn field_of(&self, event: &Event) -> Option<usize> {
        let target = event.target()?;
        self.fields
            .iter()
            .position(|f| JsValue::from(&f.control) == JsValue::from(&target))
    }

    fn on_input(&self, event: &Event) {
        page::fail_if_asked();
        if let Some(picker) = &self.picker {
            if event.target().map(JsValue::from) == Some(JsValue::from(&picker.search)) {
                if let Ok(mut st) = self.state.try_borrow_mut() {
                    // The widget's own search box, bounded like the fields.
                    let (query, _) = watchdog::bounded_value(picker.search.as_ref(), 1_000);
                    picker.filter(&mut st.picker, &query, self.cfg.lang);
                }
                return;
            }
        }
        if let Some(i) = self.field_of(event) {
            if let Ok(mut st) = self.state.try_borrow_mut() {
                if let Some(v) = st.views.get_mut(i) {
                    v.dirty = true;
                }
            }
            self.refresh(Trigger::Input(i), None);
        } else if self
            .state
            .try_borrow()
            .is_ok_and(|st| !st.native.is_empty())
        {
            // One of the portal's own controls that the summary lists: it may leave it.
            self.refresh(Trigger::Portal, None);
        }
    }

    fn on_change(&self, event: &Event) {
        if let Some(picker) = self.picker.as_ref().filter(|p| p.own_select) {
            if event.target().map(JsValue::from) == Some(JsValue::from(&picker.select)) {
                // Choosing in the picker is the person's explicit action: write the label
                // into the portal's input as if typed, and leave it.
                let value = picker.select.value();
                if let Some(field) = self.field(Kind::Oggetto) {
                    self.apply(field, &value);
                }
                return;
            }
        }
        // A choice (select, date, …) is complete when it changes. A text field's `change`
        // comes with leaving it: `focusout` handles that, knowing where the focus goes.
        if let Some(i) = self.field_of(event) {
            let typed = self.fields.get(i).is_some_and(|f| {
                f.control.tag_name() == "TEXTAREA"
                    || (f.control.tag_name() == "INPUT"
                        && matches!(
                            f.control
                                .get_attribute("type")
                                .unwrap_or_default()
                                .to_ascii_lowercase()
                                .as_str(),
                            "" | "text"
                                | "search"
                                | "email"
                                | "tel"
                                | "url"
                                | "number"
                                | "password"
                        ))
            });
            if !typed {
                self.refresh(Trigger::Commit(i), None);
            }
        }
    }

    fn on_focusout(&self, event: &Event) {
        // Leaving a field for the submit button: the submission shows everything a moment
        // later. Showing it now would move the button from under the pointer between
        // mousedown and click, and the click would be lost.
        let to_submit = event
            .dyn_ref::<web_sys::FocusEvent>()
            .and_then(|f| f.related_target())
            .and_then(|t| t.dyn_into::<Element>().ok())
            .is_some_and(|e| {
                e.matches("button[type=submit], button:not([type]), input[type=submit]")
                    .unwrap_or(false)
            });
        if to_submit {
            return;
        }
        if let Some(i) = self.field_of(event) {
            let dirty = self
                .state
                .try_borrow()
                .ok()
                .and_then(|st| st.views.get(i).map(|v| v.dirty))
                .unwrap_or(false);
            if dirty {
                // The field's messages appear between it and the field the focus moves to:
                // that field stays where it was on screen (issue 14: nothing the widget
                // inserts pushes the focused field out of view).
                let next = event
                    .dyn_ref::<web_sys::FocusEvent>()
                    .and_then(|f| f.related_target())
                    .and_then(|t| t.dyn_into::<Element>().ok());
                let before = next.as_ref().and_then(dom::top);
                self.refresh(Trigger::Commit(i), None);
                if let (Some(next), Some(before)) = (next, before) {
                    dom::keep_in_place(&next, before);
                }
            }
        }
    }

    fn on_submit(&self, event: &Event) {
        self.refresh(Trigger::Submit, Some(event));
    }

    fn on_keydown(&self, event: &Event) {
        // Enter in the picker's search box narrows the list; it must not submit the form.
        let Some(picker) = &self.picker else {
            return;
        };
        if event.target().map(JsValue::from) != Some(JsValue::from(&picker.search)) {
            return;
        }
        if let Some(key) = event.dyn_ref::<web_sys::KeyboardEvent>() {
            if key.key() == "Enter" {
                event.prevent_default();
            }
        }
    }

    fn on_click(&self, event: &Event) {
        let Some(action) = event
            .target()
            .and_then(|t| t.dyn_into::<Element>().ok())
            .and_then(|e| e.closest("[data-instrada-action]").ok().flatten())
        else {
            return;
        };
        let target = action
            .get_attribute("data-instrada-target")
            .unwrap_or_default();
        match action.get_attribute("data-instrada-action").as_deref() {
            Some("use") => {
                let value = action
                    .get_attribute("data-instrada-value")
                    .unwrap_or_default();
                if let Some(field) = Kind::parse(&target).and_then(|k| self.field(k)) {
                    // One step back: «Annulla» puts back exactly what was typed.
                    self.remember_undo(field, Some((field.value(), value.clone())));
                    self.apply(field, &value);
                    field.control.focus();
                }
            }
            Some("undo") => {
                if let Some(field) = Kind::parse(&target).and_then(|k| self.field(k)) {
                    let before = self.remember_undo(field, None);
                    if let Some((before, _)) = before {
                        self.apply(field, &before);
                    }
                    field.control.focus();
                }
            }
            Some("focus") => {
                event.prevent_default();
                if let Some(control) = self
                    .doc
                    .get_element_by_id(&target)
                    .and_then(|e| dom::control(&e))
                {
                    focus_field(&self.doc, &control);
                }
            }
            Some("ics") => {
                let values = self
                    .state
                    .try_borrow()
                    .map(|st| st.values.clone())
                    .unwrap_or_default();
                if let Some((name, text)) = form::request::ics(&self.cfg, &values) {
                    panel::Panels::download_ics(&self.doc, &name, &text);
                }
            }
            _ => {}
        }
    }

    /// Sets what «Annulla» puts back in `field`, returning what it was.
    fn remember_undo(
        &self,
        field: &Field,
        undo: Option<(String, String)>,
    ) -> Option<(String, String)> {
        let i = self.fields.iter().position(|f| f.kind == field.kind)?;
        let mut st = self.state.try_borrow_mut().ok()?;
        let view = st.views.get_mut(i)?;
        std::mem::replace(&mut view.undo, undo)
    }

    pub(crate) fn field(&self, kind: Kind) -> Option<&Field> {
        self.fields.iter().find(|f| f.kind == kind)
    }

    /// Writes `value` into a field on the person's explicit request, and tells the page as
    /// if they had typed it and left the field (`input` then `change`, for the portal's own
    /// listeners), then shows the field's findings.
    fn apply(&self, field: &Field, value: &str) {
        field.control.set_value(value);
        let target: &EventTarget = field.control.unchecked_ref();
        events::notify(target, "input");
        events::notify(target, "change");
        if let Some(i) = self.fields.iter().position(|f| f.kind == field.kind) {
            self.refresh(Trigger::Commit(i), None);
        }
    }
}

/// Something to prepare while the page is idle.
#[derive(Clone, Copy, Debug)]
enum Warm {
    /// Read the profiles and find the widget's own.
    Profile,
    /// Decode the registry of birth places (the first codice fiscale would wait for it).
    Places,
    /// Start fetching the built-in profiles and titolari (a file of the package).
    Catalog,
    /// Fill the sedi and check the fields again (the profiles have arrived).
    Refresh,
    /// Parse the titolari and build a cassetto's suggestion index.
    Cassetto(&'static str),
}

/// Prepares, one step per idle moment, what the first keystrokes would otherwise pay for
/// (tens of milliseconds each): the profiles, the places, each titolario's index.
fn warm_up(widget: Weak<Inner>, mut queue: Vec<Warm>) {
    let Some(step) = queue.pop() else {
        return;
    };
    events::when_idle(move || {
        let Some(inner) = widget.upgrade() else {
            return;
        };
        if page::broken() || inner.stepped_aside.get() {
            return;
        }
        // A step that needs the catalog waits while its files are read, one per idle
        // moment (the titolari, then the profiles that name them): read all at once by the
        // first call that needs them, they made a task of 45 to 145 ms in Chromium.
        let needs_catalog = matches!(step, Warm::Profile | Warm::Refresh | Warm::Cassetto(_));
        if needs_catalog
            && (crate::catalog::titolario::warm_step() || crate::catalog::profile::warm_step())
        {
            queue.push(step);
            drop(inner);
            warm_up(widget, queue);
            return;
        }
        match step {
            Warm::Profile => {
                inner.cfg.protocol();
            }
            Warm::Places => fetch_places(),
            Warm::Catalog => {
                let _ = crate::bindings::places::start(File::Catalog, &JsValue::UNDEFINED);
            }
            Warm::Refresh => {
                // As on attach: the warnings of what is filled show at once (a draft).
                inner.refill_options();
                inner.refresh(Trigger::Review, None);
                inner.mark_arrival(File::Catalog);
            }
            Warm::Cassetto(c) => form::request::warm(&inner.cfg, c),
        }
        drop(inner);
        warm_up(widget, queue);
    });
}

/// Indexes the list of places, or starts fetching it if it is a file of the package that
/// has not arrived (at idle after start-up, or at the first codice fiscale that needs it);
/// the decoded line of each widget is written again when it arrives.
pub(crate) fn fetch_places() {
    crate::cf::places::preload();
    if crate::cf::places::absence() == Some(crate::cf::places::Absence::Loading) {
        crate::bindings::places::on_arrival(File::Places, places_arrived);
        let _ = crate::bindings::places::start(File::Places, &JsValue::UNDEFINED);
    }
}

/// The list of places has arrived (or failed): every live widget checks its fields again,
/// so that a decoded codice fiscale shows its place's name (or says it is unavailable).
fn places_arrived() {
    let widgets = LIVE
        .try_with(|live| live.try_borrow().map(|l| l.clone()).unwrap_or_default())
        .unwrap_or_default();
    for inner in widgets {
        if !page::broken() && !inner.stepped_aside.get() {
            inner.refresh(Trigger::Portal, None);
            inner.mark_arrival(File::Places);
        }
    }
}

/// The built-in profiles and titolari have arrived (or failed): every live widget reads its
/// profile, fills its sedi and checks its fields again, and prepares the titolari, one step
/// per idle moment as at start-up (each step under the 50 ms of a long task; the files
/// themselves are read first, one per idle moment, see [`warm_up`]).
fn catalog_arrived() {
    let widgets = LIVE
        .try_with(|live| live.try_borrow().map(|l| l.clone()).unwrap_or_default())
        .unwrap_or_default();
    for inner in widgets {
        let mut queue = titolari_warm_up(&inner);
        queue.extend([Warm::Refresh, Warm::Profile]);
        warm_up(Rc::downgrade(&inner), queue);
    }
}

/// The titolari a widget prepares at idle, one cassetto per step, when it shows objects
/// (the picker or the review): in the order [`warm_up`] pops them, the first cassetto last.
fn titolari_warm_up(inner: &Inner) -> Vec<Warm> {
    if !(inner.cfg.checks.picker || inner.cfg.checks.review) {
        return Vec::new();
    }
    let mut queue = Vec::new();
    for &c in crate::catalog::titolario::CASSETTI.iter().rev() {
        queue.push(Warm::Cassetto(c));
    }
    queue
}

/// Moves the focus to a control from a summary link, and brings its label into view too
/// (GOV.UK: the label and the field should both be visible).
fn focus_field(doc: &Document, control: &Control) {
    let id = control.id();
    let label = doc
        .query_selector(&format!("label[for=\"{}\"]", id.replace('"', "")))
        .ok()
        .flatten();
    match label {
        Some(label) => label.scroll_into_view(),
        None => control.scroll_into_view(),
    }
    control.focus();
}
