//! The browser tests, one crate (issue 17), run by wasm-bindgen's test runner in headless
//! Chromium (`cargo test --target wasm32-unknown-unknown --test web`): what crosses the
//! boundary (the JavaScript values each function takes and the objects it gives back, never
//! a throw) and the widget's DOM. The rules themselves are tested natively (`tests/native/`);
//! the shared JavaScript helpers are `js.rs`.
#![cfg(target_arch = "wasm32")]

use wasm_bindgen_test::wasm_bindgen_test_configure;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "../support/cases.rs"]
mod cases;
#[path = "../support/ics.rs"]
mod ics;
mod js;

mod calendar;
mod catalog;
mod cf;
mod foundation;
mod routing;
mod timeline;
mod widget;
