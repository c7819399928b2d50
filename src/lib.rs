//! # instrada
//!
//! instrada helps intermediaries (consulenti del lavoro, commercialisti and their staff) write
//! to INPS for their clients: it checks and decodes every kind of codice fiscale, proposes
//! the right channel and the right object of the cassetto's titolario according to the
//! protocol of the contributor's territory, warns when the generic object ("Non specificato",
//! "altro") is used where a specific one fits, and computes the dates INPS must answer by on
//! the Italian working-day calendar. It runs in the browser as WebAssembly; nothing typed
//! leaves the page.
//!
//! The crate is a **pure core** of plain Rust (every module below but `bindings` and
//! `widget`), tested natively, plus **one boundary**: [`bindings`] turns JavaScript values
//! into core types and back, and `widget` enhances a portal's form in the DOM. The core never
//! reads the clock: today's date is always a parameter.
//!
//! Every check returns [`finding::Finding`]s: a stable `code`, a message in Italian or
//! English that says what to do, and, where it helps, a position, a field, a suggestion and
//! the source document of the rule. See `ARCHITECTURE.md` for the code map.

pub mod calendar;
pub mod catalog;
pub mod cf;
pub mod dates;
pub mod field;
pub mod finding;
pub mod form;
pub mod ics;
pub mod input;
pub(crate) mod json;
pub mod review;
pub mod routing;
pub mod suggest;
pub mod text;
pub mod timeline;
pub mod vocabulary;
pub mod wire;

#[cfg(target_arch = "wasm32")]
pub mod bindings;
#[cfg(all(target_arch = "wasm32", feature = "widget"))]
pub mod widget;
