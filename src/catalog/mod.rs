//! The catalog, as data: the protocol profiles of each territory ([`profile`]) and the
//! titolari of each cassetto ([`titolario`]), embedded at build time from `src/data/` and
//! read with the crate's JSON reader ([`crate::json`]) at first use. A portal may also load
//! its own profile at run time.

pub mod data;
mod fields;
pub mod messages;
pub mod profile;
pub mod titolario;
