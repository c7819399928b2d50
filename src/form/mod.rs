//! The request form as a pure view-model: from the values of a portal's form to the findings
//! each field shows, the decoded codice fiscale, the picker's titolario and suggestions, the
//! channel and timeline panels. It calls the core (`cf`, `review`, `routing`, `timeline`,
//! `suggest`) directly and adds no rule of its own; the widget (`src/widget/`, the DOM) only
//! reads the controls into [`Values`] and writes what [`evaluate`] and [`display`] decide.
//! Plain Rust, compiled and tested natively (`tests/native/form.rs`).
//!
//! - [`evaluate`]: the checks that are on, over the values ([`Outcome`]);
//! - [`request`]: the request as a whole (review, channel, timeline, titolario, .ics);
//! - [`view`]: the panels' contents, ready to show;
//! - [`display`]: which findings each field shows, by GOV.UK's validation pattern;
//! - [`messages`]: every word of the form, both languages side by side.

mod config;
pub mod display;
pub mod evaluate;
pub mod messages;
pub mod request;
pub mod view;

pub use config::{Checks, Config, Values};
pub use display::{display, Shown, Trigger};
pub use evaluate::{evaluate, Memo, Outcome};
