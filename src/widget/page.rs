//! What the widgets of a page share: the failure flag the panic hook sets, the numbering of
//! their ids, the console, and the test-only hooks that make a widget fail on purpose.

use std::sync::atomic::{AtomicBool, AtomicU32, Ordering};

#[cfg(feature = "test-hooks")]
use wasm_bindgen::prelude::*;

use super::watchdog;

/// Set by the panic hook: from then on every handler steps aside.
static BROKEN: AtomicBool = AtomicBool::new(false);
/// Numbers the widgets of a page, so the ids of their elements never collide.
static NEXT: AtomicU32 = AtomicU32::new(1);

/// True once a panic happened: every widget steps aside.
pub(crate) fn broken() -> bool {
    BROKEN.load(Ordering::Relaxed)
}

/// A new prefix for the ids of a widget's elements: `instrada-1`, `instrada-2`, …
pub(crate) fn next_prefix() -> String {
    format!("instrada-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// Logs a warning on the console (never with the person's data).
pub(crate) fn warn(message: &str) {
    web_sys::console::warn_1(&format!("instrada: {message}").into());
}

/// Wraps the panic hook (installed by `bindings::start`) once, so that after a panic every
/// widget steps aside instead of touching a state left half-written.
pub(crate) fn install_guard() {
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

/// The failures tests asked for at the next input event, a bit each (the `test-hooks`
/// build only): each is taken, and cleared, on its own, as three flags would be.
#[cfg(feature = "test-hooks")]
static ASKED: std::sync::atomic::AtomicU8 = std::sync::atomic::AtomicU8::new(0);
#[cfg(feature = "test-hooks")]
const PANIC: u8 = 1;
#[cfg(feature = "test-hooks")]
const TRAP: u8 = 2;
#[cfg(feature = "test-hooks")]
const EXHAUST: u8 = 4;

/// Asks for the failure `bit` at the next input event.
#[cfg(feature = "test-hooks")]
fn ask(bit: u8) {
    ASKED.fetch_or(bit, Ordering::SeqCst);
}

/// Whether the failure `bit` was asked for; the request is used up.
#[cfg(feature = "test-hooks")]
fn take(bit: u8) -> bool {
    ASKED.fetch_and(!bit, Ordering::SeqCst) & bit != 0
}

/// The `test-hooks` build only (never shipped, `tests/e2e/panic.test.mjs`): the next input
/// event a widget handles panics, so that an end-to-end test can check what a real panic
/// does in the page: one console message, every widget steps aside, the form submits.
#[cfg(feature = "test-hooks")]
#[wasm_bindgen(js_name = __panicAtNextInputForTests)]
pub fn panic_at_next_input_for_tests() {
    ask(PANIC);
}

/// The `test-hooks` build only (`tests/e2e/watchdog.test.mjs`): the next input event a
/// widget handles reads past the end of the module's memory, a trap without a panic.
#[cfg(feature = "test-hooks")]
#[wasm_bindgen(js_name = __trapAtNextInputForTests)]
pub fn trap_at_next_input_for_tests() {
    ask(TRAP);
}

/// The `test-hooks` build only (`tests/e2e/watchdog.test.mjs`): the next input event a
/// widget handles takes the module's memory until the allocator is refused, the way a bug
/// that grows without bound would end: an allocation failure, which aborts (a trap).
#[cfg(feature = "test-hooks")]
#[wasm_bindgen(js_name = __exhaustMemoryAtNextInputForTests)]
pub fn exhaust_memory_at_next_input_for_tests() {
    ask(EXHAUST);
}

/// The failure a test asked for at this input event, if any (the `test-hooks` build only;
/// nothing otherwise).
pub(crate) fn fail_if_asked() {
    #[cfg(feature = "test-hooks")]
    {
        if take(PANIC) {
            panic!("the deliberate panic of the test-hooks build");
        }
        if take(TRAP) {
            // A read far past the end of the module's memory: "memory access out of
            // bounds", a trap that no panic hook sees.
            let past = std::hint::black_box(0xFFFF_FFF0usize) as *const u8;
            // SAFETY: none, on purpose: this traps (the test-hooks build only).
            let _ = unsafe { std::ptr::read_volatile(past) };
        }
        if take(EXHAUST) {
            exhaust_memory();
        }
    }
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
