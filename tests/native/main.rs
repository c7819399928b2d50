//! The native tests, one crate (issue 17): each module is one area's behaviour, table-driven
//! from the documents and real codes; the shared pieces are in `tests/support/` (the
//! independent oracle of the codice fiscale and the deterministic generator, the iCalendar
//! reader), which the fuzz targets include too. `cargo test --test native <filter>` runs a
//! part (`cargo test --test native cf::`).
#![cfg(not(target_arch = "wasm32"))]

#[path = "../support/cases.rs"]
mod cases;
#[path = "../support/ics.rs"]
mod ics;
#[path = "../support/oracle.rs"]
mod oracle;

mod architecture;
mod calendar;
mod cf;
mod cf_agreement;
mod cf_forms;
mod cf_places;
mod form;
mod fuzz_regressions;
mod generated;
mod ics_files;
mod profiles;
mod properties;
mod review;
mod routing;
mod suggest;
mod timeline;
mod titolari;
mod vocabulary;
