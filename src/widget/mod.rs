//! The embeddable widget: it enhances a portal's own form ([`attach`]) or builds a complete
//! request form in an empty container ([`mount`]), and [`Widget::detach`] puts the page back
//! as it was.
//!
//! ```js
//! import init, { attach } from 'instrada';
//! await init();
//! const widget = attach(document.querySelector('form'), { profile: 'torino' });
//! form.addEventListener('instrada:invalid', (e) => console.log(e.detail.findings));
//! widget.detach();
//! ```
//!
//! **Architecture invariant:** this module (with `bindings`) is the only code that touches
//! the DOM and `JsValue`. It calls the pure core directly in Rust ([`checks`] is the one
//! link), and writes text only through text nodes and attributes, never markup.
//!
//! How it behaves, after GOV.UK's validation pattern:
//!
//! - guidance is live (the decoded codice fiscale, the picker's proposals, the channel and the
//!   dates); errors and warnings appear when the person leaves a field they changed, or tries
//!   to submit;
//! - a submission with errors is stopped: an error summary at the top of the form links to
//!   each field and takes the focus; each field shows the same text inline, referenced by
//!   `aria-describedby`, with `aria-invalid`; warnings never stop a submission;
//! - `setCustomValidity` always holds the field's current errors, so the portal's own
//!   `checkValidity()` is truthful;
//! - nothing the person typed is rewritten without their explicit action ("Usa …" buttons);
//! - if anything fails inside a widget (a panic, a trap, an exception of the page's own
//!   code), every widget steps aside: [`watchdog`] removes what they added, in JavaScript,
//!   and the form submits exactly as without them; the failure is logged once.

mod checks;
mod dom;
mod events;
mod fields;
mod form;
mod i18n;
mod messages;
mod options;
mod panel;
mod picker;
mod request;
mod watchdog;

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};
use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, EventTarget, HtmlFormElement};

use crate::finding::Finding;

use checks::{Config, Outcome, Values};
use dom::Control;
use events::{Listener, Signal};
use fields::{Field, Kind};
use messages::{FieldView, Summary};
use picker::{Picker, PickerView};

#[wasm_bindgen(typescript_custom_section)]
const TS: &'static str = r#"
/** Which checks the widget runs; each is on unless set to false. */
export interface InstradaChecks {
  /** The codice fiscale (and matricola) checks, and the decoded data. */
  codiceFiscale?: boolean;
  /** The object picker, and the check that the object is in the titolario. */
  picker?: boolean;
  /** The review: generic object misuse, e-mail subject, mailboxes. */
  review?: boolean;
  /** The channel advice. */
  channel?: boolean;
  /** The dates INPS must answer by, and the .ics download. */
  timeline?: boolean;
}
/** Options of `attach`; the form's `data-instrada-*` attributes fill what is left out. */
export interface InstradaOptions {
  /** Protocol profile: "milano", "torino", "siena", "emilia-romagna" (attribute `data-instrada`). */
  profile?: string;
  /** A sede of the profile, for its local closures (attribute `data-instrada-sede`). */
  sede?: string;
  /** Language of the messages: Italian by default (attribute `data-instrada-lang`). */
  lang?: Lang;
  /** Today's date, "YYYY-MM-DD" or a Date; the browser's date by default (attribute `data-instrada-today`). */
  today?: string | Date;
  /** A label for the .ics events' titles, e.g. your practice number (attribute `data-instrada-label`); never the codice fiscale unless you put it here. */
  label?: string;
  /** Which checks are on (attribute `data-instrada-checks`: the names of those on). */
  checks?: InstradaChecks;
  /**
   * The portal's own option values mapped onto instrada's, by field:
   * `{ gestione: { DM: "aziende-dm", ART: "artigiani-commercianti" } }`. An `<option>`'s
   * `data-instrada-value` attribute does the same in the markup.
   */
  values?: { [field: string]: { [portalValue: string]: string } };
}
/** Options of `update`: each one given replaces the current setting; the others stay. */
export type InstradaUpdateOptions = Pick<InstradaOptions, "profile" | "sede" | "lang" | "today" | "checks" | "values">;
/** Options of `mount`: those of `attach`, and where the built form submits. */
export interface InstradaMountOptions extends InstradaOptions {
  action?: string;
  method?: "get" | "post";
}
/**
 * A handle on an enhanced form. Dropping it does nothing: the widget lives until
 * `detach()`. It has no `free()`; after `detach()` its methods do nothing.
 */
export interface Widget {
  /** Removes everything the widget added and puts back what it changed; a mounted form is removed. A second call does nothing. */
  detach(): void;
  /** The current findings of every check, each with its `field`; an empty array once detached. */
  findings(): Finding[];
  /** Runs the checks as a submission would, without submitting; true when there is no error. */
  validate(): boolean;
  /** Applies new options without losing what is typed; does nothing once detached. */
  update(options: InstradaUpdateOptions): void;
  /** Looks at the form again as on attach (for a portal that filled the fields itself). */
  refresh(): void;
  /** The enhanced form (undefined once detached). */
  readonly form: HTMLFormElement | undefined;
}
/** `detail` of the `instrada:change`, `instrada:invalid` and `instrada:valid` events. */
export interface InstradaEventDetail {
  /** True when no finding is an error. */
  valid: boolean;
  findings: Finding[];
}
"#;

/// Set by the panic hook: from then on every handler steps aside.
static BROKEN: AtomicBool = AtomicBool::new(false);
/// Numbers the widgets of a page, so the ids of their elements never collide.
static NEXT: AtomicU32 = AtomicU32::new(1);

/// A handle on an enhanced form, to call [`Widget::findings`] or [`Widget::detach`], for
/// Rust callers (the browser tests). JavaScript gets the watchdog's handle (the `Widget`
/// interface of the TypeScript types), which calls the same methods by the widget's key.
///
/// The widget lives until `detach()`, whether or not the handle is kept: a portal that calls
/// `attach(form)` and drops the result (or `start()`, which attaches on its own) keeps a
/// working form. Dropping the handle (or the garbage collector freeing it) does not detach.
pub struct Widget {
    inner: Option<Rc<Inner>>,
}

thread_local! {
    /// Every attached widget, kept alive until it is detached. The event listeners only hold
    /// weak references: detaching drops the widget, and with it its listeners.
    static LIVE: RefCell<Vec<Rc<Inner>>> = const { RefCell::new(Vec::new()) };
}

/// Enhances `form` (a `<form>` element) with the checks. `options` (all optional):
/// `{ profile, sede, lang, today, checks }`; the form's `data-instrada`,
/// `data-instrada-sede`, `data-instrada-lang` and `data-instrada-today` attributes fill what
/// the options leave out. Returns `undefined` (and logs one console warning) when `form`
/// is not a form or is already enhanced: nothing throws.
pub fn attach(form: JsValue, options: JsValue) -> Option<Widget> {
    if !watchdog::wd_is_form(&form) {
        warn("attach() needs a <form> element; nothing was changed.");
        return None;
    }
    let form: HtmlFormElement = form.unchecked_into();
    let options = plain_options(&options);
    let cfg = options::read(&options, Some(&form));
    Inner::start(form, cfg, None, Carry::default()).map(|inner| Widget { inner: Some(inner) })
}

/// [`attach`] for JavaScript: run under the watchdog (a failure while attaching puts the
/// form back and gives `undefined`), and answered with the watchdog's handle.
#[wasm_bindgen(js_name = attach, unchecked_return_type = "Widget | undefined")]
pub fn attach_js(
    #[wasm_bindgen(unchecked_param_type = "HTMLFormElement")] form: JsValue,
    #[wasm_bindgen(unchecked_param_type = "InstradaOptions | undefined")] options: JsValue,
) -> JsValue {
    guarded_start(move || attach(form, options))
}

/// [`mount`] for JavaScript, as [`attach_js`].
#[wasm_bindgen(js_name = mount, unchecked_return_type = "Widget | undefined")]
pub fn mount_js(
    #[wasm_bindgen(unchecked_param_type = "Element")] container: JsValue,
    #[wasm_bindgen(unchecked_param_type = "InstradaMountOptions | undefined")] options: JsValue,
) -> JsValue {
    guarded_start(move || mount(container, options))
}

/// Runs `start` under the watchdog and gives JavaScript its handle on the widget.
fn guarded_start(start: impl FnOnce() -> Option<Widget> + 'static) -> JsValue {
    install_api();
    let out: Rc<RefCell<Option<Widget>>> = Rc::new(RefCell::new(None));
    let slot = out.clone();
    let run = Closure::once_into_js(move || {
        let widget = start();
        if let Ok(mut slot) = slot.try_borrow_mut() {
            *slot = widget;
        }
    });
    if !watchdog::wd_try(run.unchecked_ref()) {
        return JsValue::UNDEFINED;
    }
    let widget = out.try_borrow_mut().ok().and_then(|mut w| w.take());
    match widget.and_then(|mut w| w.inner.take()) {
        Some(inner) => watchdog::wd_handle(&inner.prefix, inner.form.as_ref()),
        None => JsValue::UNDEFINED,
    }
}

/// The Rust side of the JavaScript handle's methods, registered once: each finds the live
/// widget by its key (its prefix); a key no longer live (detached) does nothing.
fn install_api() {
    static INSTALLED: AtomicBool = AtomicBool::new(false);
    if INSTALLED.swap(true, Ordering::SeqCst) {
        return;
    }
    let api = Closure::<dyn Fn(String, String, JsValue) -> JsValue>::new(
        |method: String, key: String, arg: JsValue| -> JsValue {
            let Some(inner) = live(&key) else {
                return JsValue::UNDEFINED;
            };
            let mut widget = Widget { inner: Some(inner) };
            match method.as_str() {
                "detach" => widget.detach(),
                "findings" => return widget.findings(),
                "validate" => return widget.validate().into(),
                "refresh" => widget.refresh(),
                "update" => {
                    widget.update(plain_options(&arg));
                    // A new widget (a new key; a mounted form is a new form) or none.
                    if let Some(inner) = &widget.inner {
                        return js_sys::Array::of2(
                            &JsValue::from_str(&inner.prefix),
                            inner.form.as_ref(),
                        )
                        .into();
                    }
                }
                _ => {}
            }
            JsValue::UNDEFINED
        },
    );
    watchdog::wd_api(api.as_ref().unchecked_ref());
    // For the life of the page.
    api.forget();
}

/// The live widget whose key (prefix) is `key`.
fn live(key: &str) -> Option<Rc<Inner>> {
    LIVE.try_with(|live| {
        live.try_borrow()
            .ok()
            .and_then(|l| l.iter().find(|w| w.prefix == key).cloned())
    })
    .ok()
    .flatten()
}

/// A plain copy of the options (a getter, a Proxy, a revoked Proxy or a Date-like can then
/// throw nowhere inside the widget); `undefined`, after one warning, when they cannot be read.
fn plain_options(options: &JsValue) -> JsValue {
    if !options.is_object() {
        return options.clone();
    }
    let copy = crate::bindings::plain_copy(options);
    if copy.is_null() || copy.is_undefined() {
        warn("the options cannot be read (one of their properties throws, or a text in them is over 1 MiB); the form's attributes and the defaults are used.");
        return JsValue::UNDEFINED;
    }
    copy
}

/// Builds a complete request form inside `container` (an empty element) and enhances it.
/// Options as for [`attach`], plus `action` and `method` for the form. Returns `undefined`
/// (and logs one console warning) when `container` is not an element.
pub fn mount(container: JsValue, options: JsValue) -> Option<Widget> {
    if !watchdog::wd_is_element(&container) {
        warn("mount() needs an element to build the form in; nothing was changed.");
        return None;
    }
    let container: Element = container.unchecked_into();
    let options = plain_options(&options);
    let doc = dom::document()?;
    let cfg = options::read(&options, None);
    let extras = options::mount_extras(&options);
    let form = form::build(&doc, &container, &cfg, &extras);
    let mounted = Mounted {
        form: form.clone().into(),
        extras,
    };
    Inner::start(form, cfg, Some(mounted), Carry::default())
        .map(|inner| Widget { inner: Some(inner) })
}

impl Widget {
    /// Removes everything the widget added (messages, summary, panels, picker, listeners,
    /// ids, ARIA attributes, custom validity) and leaves the portal's form as it was. A
    /// mounted form is removed. Calling it twice does nothing.
    pub fn detach(&mut self) {
        if let Some(inner) = self.inner.take() {
            inner.detach();
            forget(&inner);
        }
    }

    /// Applies new options (`{ lang, profile, sede, today, checks, values }`; each one left
    /// out stays as it was) without losing anything: what is typed stays, and what the checks
    /// had said stays on display, said again with the new settings (in the new language, with
    /// the new sede's dates). A mounted form is built again with the same values. Does
    /// nothing once detached.
    pub fn update(&mut self, options: JsValue) {
        let Some(old) = self.inner.take() else {
            return;
        };
        if BROKEN.load(Ordering::Relaxed) || old.stepped_aside.get() {
            self.inner = Some(old);
            return;
        }
        let cfg = options::update(&old.cfg, &options);
        let carry = old.carry();
        let focused = old.focused_kind();
        let doc = old.doc.clone();
        // A mounted form is built again in the new language, after the old one, which then
        // goes: the values go over field by field.
        let (form, mounted) = match &old.mounted {
            Some(m) => {
                let parent = m.form.parent_element();
                let Some(parent) = parent else {
                    self.inner = Some(old);
                    return;
                };
                let form = form::build(&doc, &parent, &cfg, &m.extras);
                let _ = m.form.after_with_node_1(&form);
                form::copy_values(&old.form, &form);
                let mounted = Mounted {
                    form: form.clone().into(),
                    extras: m.extras.clone(),
                };
                (form, Some(mounted))
            }
            None => (old.form.clone(), None),
        };
        old.detach();
        forget(&old);
        drop(old);
        self.inner = Inner::start(form, cfg, mounted, carry);
        if let (Some(inner), Some(kind)) = (&self.inner, focused) {
            if inner.mounted.is_some() {
                if let Some(f) = inner.field(kind) {
                    f.control.focus();
                }
            }
        }
    }

    /// Looks at the form again as on attach: for a portal that filled the fields itself (a
    /// saved draft) after `attach()`. Warnings on what is filled are shown at once; errors
    /// wait, as for typed values, for the person to leave a field they changed or to submit.
    pub fn refresh(&self) {
        if let Some(inner) = &self.inner {
            inner.refill_options();
            inner.refresh(Trigger::Review, None);
        }
    }

    /// The current findings of every check (errors, warnings, information), each with its
    /// `field`, whether they are on display or not; an empty array once detached.
    pub fn findings(&self) -> JsValue {
        match &self.inner {
            Some(inner) => inner.findings_js(),
            None => js_sys::Array::new().into(),
        }
    }

    /// Runs the checks as a submission would (shows every error, the summary, moves the
    /// focus to it) without submitting: for portals that send the form themselves. True when
    /// there is no error.
    pub fn validate(&self) -> bool {
        self.inner
            .as_ref()
            .is_none_or(|inner| inner.refresh(Trigger::Submit, None))
    }

    /// The enhanced form (`undefined` once detached).
    pub fn form(&self) -> Option<HtmlFormElement> {
        self.inner.as_ref().map(|inner| inner.form.clone())
    }
}

/// Removes a detached widget from the page's live list.
fn forget(inner: &Rc<Inner>) {
    let _ = LIVE.try_with(|live| {
        if let Ok(mut live) = live.try_borrow_mut() {
            live.retain(|w| !Rc::ptr_eq(w, inner));
        }
    });
}

/// A form the widget built (`mount`), and how, so that `update()` can build it again.
struct Mounted {
    form: Element,
    extras: options::MountExtras,
}

/// What `update()` carries from the old widget to the new one: per field, whether the person
/// changed and left it and what was on display; whether the summary was.
#[derive(Default)]
struct Carry {
    views: Vec<(Kind, bool, bool, Vec<Finding>)>,
    /// The values of selects whose options the widget had added (they go on detach).
    chosen: Vec<(Kind, String)>,
    summary: bool,
    warned: Vec<(Kind, String)>,
}

/// What caused a refresh, which decides what is put on display.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Trigger {
    /// First look at the form: guidance, and the warnings of the fields that already hold a
    /// value (a draft, autofill, the browser's back); never errors.
    Start,
    /// `refresh()`: the same as the first look, and the portal is told of the change.
    Review,
    /// The person typed in field `usize`: guidance follows, shown messages may only go away.
    Input(usize),
    /// The person left field `usize` after changing it (or picked in a select).
    Commit(usize),
    /// A submission (or `validate()`): everything is shown.
    Submit,
    /// The person typed in one of the portal's own controls (not a widget field).
    Portal,
}

struct Inner {
    doc: Document,
    form: HtmlFormElement,
    cfg: Config,
    prefix: String,
    fields: Vec<Field>,
    picker: Option<Picker>,
    panels: panel::Panels,
    /// The form the widget built (mount), removed on detach.
    mounted: Option<Mounted>,
    /// The unknown portal values already reported on the console: (field, value).
    warned: RefCell<Vec<(Kind, String)>>,
    /// The summary was on display when `update()` built this widget: it shows again.
    carried_summary: Cell<bool>,
    original_novalidate: bool,
    stepped_aside: Cell<bool>,
    state: RefCell<State>,
    listeners: RefCell<Vec<Listener>>,
}

#[derive(Default)]
struct State {
    values: Values,
    outcome: Outcome,
    views: Vec<FieldView>,
    picker: PickerView,
    panels: panel::PanelsView,
    summary: Option<Summary>,
    /// Errors of the portal's other controls (native constraint validation) at the last
    /// submission: (control id, message).
    native: Vec<(String, String)>,
    /// Controls of the portal the widget gave an id to (for summary links).
    added_ids: Vec<Element>,
    /// The findings last sent in `instrada:change`.
    announced: Vec<Finding>,
    memo: checks::Memo,
}

impl Inner {
    /// Binds the form's fields, builds the panels, registers the listeners and shows the
    /// first guidance.
    fn start(
        form: HtmlFormElement,
        cfg: Config,
        mounted: Option<Mounted>,
        carry: Carry,
    ) -> Option<Rc<Inner>> {
        install_guard();
        if BROKEN.load(Ordering::Relaxed) || watchdog::wd_failed() {
            warn("the checks stopped after a failure; the form works without them.");
            return None;
        }
        if form.has_attribute("data-instrada-attached") {
            warn("this form is already enhanced; call detach() on its widget first.");
            return None;
        }
        let doc = dom::document()?;
        let prefix = next_prefix();
        // Before anything changes: what the portal's controls have, for the watchdog (and
        // detach) to put back.
        watchdog::wd_watch(
            &prefix,
            form.as_ref(),
            mounted
                .as_ref()
                .map_or(&JsValue::UNDEFINED, |m| m.form.as_ref()),
        );
        let fields: Vec<Field> = fields::discover(&form)
            .into_iter()
            .map(|(kind, control)| Field::bind(&doc, kind, control, &prefix))
            .collect();
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
        let views = fields
            .iter()
            .map(|f| {
                let mut v = FieldView::default();
                if let Some((_, dirty, visited, shown)) =
                    carry.views.iter().find(|(k, ..)| *k == f.kind)
                {
                    v.dirty = *dirty;
                    v.visited = *visited;
                    v.shown = shown.clone();
                }
                v
            })
            .collect();
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
        // In the order they are needed (popped from the end).
        let mut queue: Vec<Warm> = Vec::new();
        if inner.cfg.checks.picker || inner.cfg.checks.review {
            queue.extend(
                crate::catalog::titolario::CASSETTI
                    .iter()
                    .rev()
                    .map(|&c| Warm::Cassetto(c)),
            );
        }
        queue.push(Warm::Profile);
        // First: starting the fetch of the list of places costs nothing on the page's thread,
        // and the file is on its way while the profile is read.
        if inner.cfg.checks.codice_fiscale {
            queue.push(Warm::Places);
        }
        warm_up(Rc::downgrade(&inner), queue);
        Some(inner)
    }

    /// What `update()` keeps of this widget.
    fn carry(&self) -> Carry {
        let Ok(st) = self.state.try_borrow() else {
            return Carry::default();
        };
        Carry {
            views: self
                .fields
                .iter()
                .zip(st.views.iter())
                .map(|(f, v)| (f.kind, v.dirty, v.visited, v.shown.clone()))
                .collect(),
            chosen: self
                .fields
                .iter()
                .filter(|f| !f.added_options.borrow().is_empty())
                .map(|f| (f.kind, f.value()))
                .collect(),
            summary: st.summary.is_some(),
            warned: self.warned.borrow().clone(),
        }
    }

    /// The field that has the focus, if any.
    fn focused_kind(&self) -> Option<Kind> {
        let active = self.doc.active_element()?;
        self.fields
            .iter()
            .find(|f| JsValue::from(&f.control) == JsValue::from(&active))
            .map(|f| f.kind)
    }

    /// Fills a `sede` select the portal left empty with the profile's sedi, by name.
    fn refill_options(&self) {
        let Some(field) = self.field(Kind::Sede) else {
            return;
        };
        let sedi = self.cfg.sedi();
        field.fill_options(
            &self.doc,
            i18n::Label::ChooseSede.text(self.cfg.lang),
            &sedi,
        );
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
                if BROKEN.load(Ordering::Relaxed) {
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
        #[cfg(feature = "test-hooks")]
        if PANIC_AT_NEXT_INPUT.swap(false, Ordering::SeqCst) {
            panic!("the deliberate panic of the test-hooks build");
        }
        #[cfg(feature = "test-hooks")]
        if TRAP_AT_NEXT_INPUT.swap(false, Ordering::SeqCst) {
            // A read far past the end of the module's memory: "memory access out of bounds",
            // a trap that no panic hook sees.
            let past = std::hint::black_box(0xFFFF_FFF0usize) as *const u8;
            // SAFETY: none, on purpose: this traps (the test-hooks build only).
            let _ = unsafe { std::ptr::read_volatile(past) };
        }
        #[cfg(feature = "test-hooks")]
        if EXHAUST_AT_NEXT_INPUT.swap(false, Ordering::SeqCst) {
            exhaust_memory();
        }
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
                if let Some((name, text)) = request::ics(&self.cfg, &values) {
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

    fn field(&self, kind: Kind) -> Option<&Field> {
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

    /// Reads the form, runs the checks, updates what is shown, and tells the portal.
    /// Returns true when there is no error. `event` is the submit event, if any.
    fn refresh(&self, trigger: Trigger, event: Option<&Event>) -> bool {
        let (valid, detail, changed, summary) = {
            let Ok(mut st) = self.state.try_borrow_mut() else {
                // Re-entered from a portal's listener: the outer refresh has the state.
                return true;
            };
            let st = &mut *st;
            let mut long = Vec::new();
            st.values = self.read(&mut long);
            let live = matches!(trigger, Trigger::Input(_) | Trigger::Portal);
            st.outcome = checks::evaluate(&self.cfg, &st.values, live, &mut st.memo);
            let sollecito = st.values.get(Kind::Tipo) == "sollecito";
            if self.sync_mail(st.outcome.mail) | self.sync_sollecito(sollecito) {
                // The e-mail fields came or went: look again with them (or without them).
                st.values = self.read(&mut long);
                st.outcome = checks::evaluate(&self.cfg, &st.values, false, &mut st.memo);
            }
            st.outcome.findings.extend(
                long.iter()
                    .map(|&(kind, length)| checked_in_part(kind, length, self.cfg.lang)),
            );
            self.native_errors(&mut st.outcome.findings);
            // The form's order, as the summary lists them.
            let position = |f: &Finding| {
                self.fields
                    .iter()
                    .position(|x| f.marks(x.kind))
                    .unwrap_or(usize::MAX)
            };
            crate::text::sort_small_by_key(&mut st.outcome.findings, position);
            // The portal's other controls are looked at on a submission, and again while
            // the summary lists them (so that a fixed one leaves it).
            if trigger == Trigger::Submit {
                st.native = self.other_controls_errors(&mut st.added_ids);
            } else if !st.native.is_empty() {
                // Between submissions an item may leave the summary, never join it.
                let now = self.other_controls_errors(&mut st.added_ids);
                st.native.retain(|(id, _)| now.iter().any(|(n, _)| n == id));
            }
            self.display(st, trigger);
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
    /// object's place). What was typed in them stays. True when they changed. A portal's own
    /// form is left as the portal made it.
    fn sync_mail(&self, mail: bool) -> bool {
        if self.mounted.is_none() {
            return false;
        }
        let mut changed = false;
        for f in &self.fields {
            let wanted = match f.kind {
                Kind::OggettoEmail | Kind::Destinatario => mail,
                Kind::Oggetto => !mail,
                _ => continue,
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

    /// In a mounted form, shows (and enables) the first request's date and outcome for a
    /// sollecito only. True when they changed.
    fn sync_sollecito(&self, sollecito: bool) -> bool {
        if self.mounted.is_none() {
            return false;
        }
        let mut changed = false;
        for f in &self.fields {
            if matches!(f.kind, Kind::DataPrimaRichiesta | Kind::EsitoPrecedente)
                && f.control.disabled() == sollecito
            {
                f.control.set_disabled(!sollecito);
                if let Ok(Some(group)) = f.control.closest(".instrada-group") {
                    dom::show(&group, sollecito);
                }
                changed = true;
            }
        }
        changed
    }

    /// Chooses the values `update()` carried over to a rebuilt form once its selects offer
    /// them (the sedi, the titolario's objects). True when one was chosen.
    fn apply_pending(&self) -> bool {
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
        warn(&format!(
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
            if findings.iter().any(|x| x.is_error() && x.marks(name)) {
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

    /// Decides what each field shows, by the validation pattern.
    fn display(&self, st: &mut State, trigger: Trigger) {
        for (i, (field, view)) in self.fields.iter().zip(st.views.iter_mut()).enumerate() {
            let name = field.kind;
            let current = st
                .outcome
                .findings
                .iter()
                .filter(|f| f.marks(name) && f.severity != crate::finding::Severity::Info);
            let show_all = match trigger {
                Trigger::Submit => true,
                Trigger::Commit(j) => j == i || view.visited,
                Trigger::Input(_) | Trigger::Start | Trigger::Review | Trigger::Portal => false,
            };
            if matches!(trigger, Trigger::Start | Trigger::Review) {
                // A value already there (a draft, autofill, the browser's back, an update)
                // gets its warnings at once, as if typed and left; its errors wait for the
                // person (GOV.UK). What was on display stays, said again.
                let filled =
                    !st.values.get(field.kind).trim().is_empty() || st.values.unknown(field.kind);
                let codes: Vec<&'static str> = view.shown.iter().map(|f| f.code).collect();
                view.shown = current
                    .filter(|f| {
                        codes.contains(&f.code)
                            || (filled && f.severity == crate::finding::Severity::Warning)
                    })
                    .cloned()
                    .collect();
            } else if show_all {
                view.shown = current.cloned().collect();
                view.visited = true;
                if trigger == Trigger::Commit(i) || trigger == Trigger::Submit {
                    view.dirty = false;
                }
            } else if view.visited || !view.shown.is_empty() {
                // While typing, a message may go away (the problem is fixed) or be
                // reworded, never appear.
                let codes: Vec<&'static str> = view.shown.iter().map(|f| f.code).collect();
                view.shown = current
                    .filter(|f| codes.contains(&f.code))
                    .cloned()
                    .collect();
            }
        }
    }

    /// Writes messages, guidance, picker and panels, and keeps custom validity in step.
    fn render(&self, st: &mut State) {
        let lang = self.cfg.lang;
        for (field, view) in self.fields.iter().zip(st.views.iter_mut()) {
            let name = field.kind;
            let mut guidance: Vec<(String, Option<String>)> = st
                .outcome
                .findings
                .iter()
                .filter(|f| f.marks(name) && f.severity == crate::finding::Severity::Info)
                .map(|f| (f.message.clone(), f.suggestion.clone()))
                .collect();
            if field.kind == Kind::CodiceFiscale {
                if let Some(person) = &st.outcome.person {
                    guidance.insert(0, (person.clone(), None));
                }
            }
            let today = self.cfg.today;
            let meaning = |code: &str| checks::meaning(code, today, lang);
            messages::render_field(&self.doc, field, view, &guidance, lang, &meaning);
            let errors: Vec<&Finding> = st
                .outcome
                .findings
                .iter()
                .filter(|f| f.is_error() && f.marks(name))
                .collect();
            messages::sync_validity(&field.control, &errors);
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
                form::sync_addresses(&self.doc, &f.control, &st.outcome.addresses);
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
                    messages::shown_message(field, f).to_string(),
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

    fn findings_js(&self) -> JsValue {
        match self.state.try_borrow() {
            Ok(st) => crate::bindings::to_js(&st.outcome.findings),
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
        let _ = self.form.remove_attribute("data-instrada-attached");
        if let Some(m) = &self.mounted {
            m.form.remove();
        }
        // What only the snapshot taken at attach knows: the portal's own validity messages
        // and selections (the same restoration the watchdog runs after a failure).
        watchdog::wd_release(&self.prefix);
    }

    fn detach(&self) {
        self.restore();
        // Dropping the listeners removes them from the page.
        if let Ok(mut listeners) = self.listeners.try_borrow_mut() {
            listeners.clear();
        }
    }

    /// After a failure: out of the way, once. The listeners stay (they do nothing now) so
    /// the failed state is never touched again.
    fn step_aside(&self) {
        self.restore();
    }
}

/// Tests only (debug builds, never shipped): sets or clears the failure flag the panic hook
/// sets, so a browser test can check that every widget steps aside after a failure without
/// killing the test runner with a real panic.
#[cfg(debug_assertions)]
#[doc(hidden)]
pub fn simulate_failure_for_tests(failed: bool) {
    BROKEN.store(failed, Ordering::SeqCst);
    if !failed {
        watchdog::wd_reset();
    }
}

/// Set by `__panicAtNextInputForTests` (the `test-hooks` build only).
#[cfg(feature = "test-hooks")]
static PANIC_AT_NEXT_INPUT: AtomicBool = AtomicBool::new(false);

/// The `test-hooks` build only (never shipped, `tests/e2e/panic.test.mjs`): the next input
/// event a widget handles panics, so that an end-to-end test can check what a real panic
/// does in the page: one console message, every widget steps aside, the form submits.
#[cfg(feature = "test-hooks")]
#[wasm_bindgen(js_name = __panicAtNextInputForTests)]
pub fn panic_at_next_input_for_tests() {
    PANIC_AT_NEXT_INPUT.store(true, Ordering::SeqCst);
}

/// Set by `__trapAtNextInputForTests` (the `test-hooks` build only).
#[cfg(feature = "test-hooks")]
static TRAP_AT_NEXT_INPUT: AtomicBool = AtomicBool::new(false);

/// The `test-hooks` build only (`tests/e2e/watchdog.test.mjs`): the next input event a
/// widget handles reads past the end of the module's memory, a trap without a panic.
#[cfg(feature = "test-hooks")]
#[wasm_bindgen(js_name = __trapAtNextInputForTests)]
pub fn trap_at_next_input_for_tests() {
    TRAP_AT_NEXT_INPUT.store(true, Ordering::SeqCst);
}

/// Set by `__exhaustMemoryAtNextInputForTests` (the `test-hooks` build only).
#[cfg(feature = "test-hooks")]
static EXHAUST_AT_NEXT_INPUT: AtomicBool = AtomicBool::new(false);

/// The `test-hooks` build only (`tests/e2e/watchdog.test.mjs`): the next input event a
/// widget handles takes the module's memory until the allocator is refused, the way a bug
/// that grows without bound would end: an allocation failure, which aborts (a trap).
#[cfg(feature = "test-hooks")]
#[wasm_bindgen(js_name = __exhaustMemoryAtNextInputForTests)]
pub fn exhaust_memory_at_next_input_for_tests() {
    EXHAUST_AT_NEXT_INPUT.store(true, Ordering::SeqCst);
}

/// Reserves blocks of 256 MiB, never written (so the machine commits no pages), until the
/// module's memory cannot grow: wasm32 stops at 4 GiB, and the failed allocation aborts.
#[cfg(feature = "test-hooks")]
fn exhaust_memory() {
    let mut held: Vec<Vec<u8>> = Vec::new();
    loop {
        held.push(Vec::with_capacity(256 << 20));
        std::hint::black_box(&held);
    }
}

/// Something to prepare while the page is idle.
#[derive(Clone, Copy, Debug)]
enum Warm {
    /// Read the profiles and find the widget's own.
    Profile,
    /// Decode the registry of birth places (the first codice fiscale would wait for it).
    Places,
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
        if BROKEN.load(Ordering::Relaxed) || inner.stepped_aside.get() {
            return;
        }
        match step {
            Warm::Profile => {
                inner.cfg.protocol();
            }
            Warm::Places => fetch_places(),
            Warm::Cassetto(c) => request::warm(&inner.cfg, c),
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
        crate::bindings::places::on_arrival(places_arrived);
        let _ = crate::bindings::places::start(&JsValue::UNDEFINED);
    }
}

/// The list of places has arrived (or failed): every live widget checks its fields again,
/// so that a decoded codice fiscale shows its place's name (or says it is unavailable).
fn places_arrived() {
    let widgets = LIVE
        .try_with(|live| live.try_borrow().map(|l| l.clone()).unwrap_or_default())
        .unwrap_or_default();
    for inner in widgets {
        if !BROKEN.load(Ordering::Relaxed) && !inner.stepped_aside.get() {
            inner.refresh(Trigger::Portal, None);
        }
    }
}

/// A new prefix for the ids of a widget's elements: `instrada-1`, `instrada-2`, …
fn next_prefix() -> String {
    format!("instrada-{}", NEXT.fetch_add(1, Ordering::Relaxed))
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

/// `input.checked-in-part`: a field longer than the widget reads (a paste of megabytes).
/// A warning, never an error: the text is the person's and is submitted whole.
fn checked_in_part(kind: Kind, length: usize, lang: crate::finding::Lang) -> Finding {
    let (max, length) = (kind.max_chars(), length);
    Finding::warning(
        "input.checked-in-part",
        lang.pick(
            format!("Il testo è lungo {} caratteri: instrada ne controlla solo i primi {}. Il resto resta com'è e viene inviato così come l'hai scritto; se non serve, accorcialo.", grouped(length, '.'), grouped(max, '.')),
            format!("The text is {} characters long: instrada checks only the first {}. The rest stays as it is and is sent exactly as you typed it; shorten it if it is not needed.", grouped(length, ','), grouped(max, ',')),
        ),
    )
    .field(kind)
}

/// `n` with its thousands separated (`20.000` in Italian, `20,000` in English).
fn grouped(n: usize, separator: char) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// The `detail` of the `instrada:*` events.
fn detail_js(findings: &[Finding], valid: bool) -> JsValue {
    #[derive(Serialize)]
    struct Detail<'a> {
        valid: bool,
        findings: &'a [Finding],
    }
    crate::bindings::to_js(&Detail { valid, findings })
}

/// Logs a warning on the console (never with the person's data).
fn warn(message: &str) {
    web_sys::console::warn_1(&format!("instrada: {message}").into());
}

/// Wraps the panic hook (installed by `bindings::start`) once, so that after a panic every
/// widget steps aside instead of touching a state left half-written.
fn install_guard() {
    static INSTALLED: AtomicBool = AtomicBool::new(false);
    if INSTALLED.swap(true, Ordering::SeqCst) {
        return;
    }
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        // A failed assertion of a browser test (tests/…) is not a failure of the module:
        // the next test must still find a working widget.
        let in_test = info
            .location()
            .is_some_and(|l| l.file().starts_with("tests/"));
        if !in_test {
            BROKEN.store(true, Ordering::SeqCst);
        }
        previous(info);
        if !in_test {
            // The hook above logged it: the watchdog, which makes every widget step aside
            // when the trap reaches it, must not log it a second time.
            watchdog::wd_logged();
        }
    }));
}
