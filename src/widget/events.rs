//! Event listeners that remove themselves when dropped (gloo's `EventListener`, in a few
//! lines), and the widget's own `instrada:*` CustomEvents.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{CustomEvent, CustomEventInit, Event, EventTarget};

use super::watchdog::guard;

/// Runs `task` once when the browser is idle, guarded like a listener.
pub(crate) fn when_idle(task: impl FnOnce() + 'static) {
    let callback = Closure::once_into_js(task);
    if let Some(window) = web_sys::window() {
        let _ = window.request_idle_callback(&guard(callback.unchecked_ref()));
    }
}

/// A listener registered on `target`; dropping it removes it. The widget keeps all of its
/// listeners in one `Vec`, so `detach()` (or dropping the widget) removes every one.
pub(crate) struct Listener {
    target: EventTarget,
    kind: &'static str,
    capture: bool,
    guarded: js_sys::Function,
    // Kept alive as long as the listener: `guarded` calls it.
    _closure: Closure<dyn FnMut(Event)>,
}

impl Listener {
    /// Registers `handler` for `kind` events on `target` (in the capture phase if `capture`).
    pub(crate) fn new(
        target: &EventTarget,
        kind: &'static str,
        capture: bool,
        handler: impl FnMut(Event) + 'static,
    ) -> Listener {
        let closure = Closure::<dyn FnMut(Event)>::new(handler);
        let guarded = guard(closure.as_ref().unchecked_ref());
        let _ = target.add_event_listener_with_callback_and_bool(kind, &guarded, capture);
        Listener {
            target: target.clone(),
            kind,
            capture,
            guarded,
            _closure: closure,
        }
    }
}

impl Drop for Listener {
    fn drop(&mut self) {
        // Dropping a listener from inside its own call (a portal calling `detach()` in an
        // `instrada:valid` handler) is safe: wasm-bindgen defers freeing the closure until
        // the call returns.
        let _ = self.target.remove_event_listener_with_callback_and_bool(
            self.kind,
            &self.guarded,
            self.capture,
        );
    }
}

/// The `instrada:*` events a portal can listen to on the form (they bubble).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Signal {
    /// The findings changed (after every input).
    Change,
    /// A submission was blocked by errors.
    Invalid,
    /// A submission is going ahead; cancelable: a portal that sends the form itself calls
    /// `preventDefault()` on it and the widget prevents the native submission.
    Valid,
}

impl Signal {
    fn name(self) -> &'static str {
        match self {
            Signal::Change => "instrada:change",
            Signal::Invalid => "instrada:invalid",
            Signal::Valid => "instrada:valid",
        }
    }
}

/// Dispatches `signal` on `target` with `detail`. Returns `false` when a listener called
/// `preventDefault()` on it.
///
/// A portal's listener runs synchronously inside this call: the caller must hold no borrow
/// of the widget's state (the listener may call `findings()` or `detach()`).
pub(crate) fn dispatch(target: &EventTarget, signal: Signal, detail: &JsValue) -> bool {
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_cancelable(signal == Signal::Valid);
    init.set_detail(detail);
    match CustomEvent::new_with_event_init_dict(signal.name(), &init) {
        Ok(event) => target.dispatch_event(&event).unwrap_or(true),
        Err(_) => true,
    }
}

/// Dispatches a plain bubbling DOM event (`input`, `change`) on a portal's control after the
/// widget changed its value on the user's explicit request, so the portal's own code sees
/// the change exactly as if the user had typed it.
pub(crate) fn notify(target: &EventTarget, kind: &str) {
    let init = web_sys::EventInit::new();
    init.set_bubbles(true);
    if let Ok(event) = Event::new_with_event_init_dict(kind, &init) {
        let _ = target.dispatch_event(&event);
    }
}
