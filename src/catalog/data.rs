//! Where the JSON of the built-in profiles and titolari comes from (`src/data/profiles/`,
//! `src/data/titolari/`, minified by `build.rs`).
//!
//! Natively, and in a wasm build without the `catalog-file` feature, the files are embedded
//! in the module. The published package is built with `catalog-file`: the files are not in
//! the module (27 KB brotli less before the widget is interactive, issue 15) but one file
//! of the package, `instrada-catalog.txt`, that JavaScript fetches (at idle after start-up,
//! or at the first need: `bindings::places`) and hands over with [`load`]. Until then the
//! built-ins are absent ([`absence`]): the functions that need them answer with the finding
//! of [`pending`], never with an "unknown profile". The files are still parsed at their
//! first use, as when embedded, unless the widget has read them ahead ([`Ahead`]).
//!
//! The file: a line `@instrada-catalog <hash>`, then for each file a line `%<path>` and its
//! JSON on one line. A file of another build (another hash) is refused, like a list of
//! places of another date.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, OnceLock};

use crate::catalog::messages::Problem;
pub use crate::cf::places::Absence;
use crate::finding::{Finding, Lang};

// `CATALOG_HASH`, written by build.rs: FNV-1a 64 of the file after its first line.
include!(concat!(env!("OUT_DIR"), "/catalog_hash.rs"));

/// The files as the module holds them, when it does: `EMBEDDED`, (path, JSON).
#[cfg(any(not(target_arch = "wasm32"), not(feature = "catalog-file")))]
mod embedded {
    include!(concat!(env!("OUT_DIR"), "/catalog_embedded.rs"));
}

/// The text handed to [`load`] and where each file is in it, kept for the page's life (the
/// parsed profiles borrow nothing from it, but a file is parsed at its first use). Only read
/// by a build that does not embed the files.
#[cfg_attr(
    any(not(target_arch = "wasm32"), not(feature = "catalog-file")),
    allow(dead_code)
)]
struct Files {
    text: String,
    /// (path, JSON) as byte ranges of `text`.
    spans: Vec<((usize, usize), (usize, usize))>,
}

// `SEDI`, written by build.rs: each built-in profile's sedi (id, name).
#[cfg(all(target_arch = "wasm32", feature = "catalog-file"))]
include!(concat!(env!("OUT_DIR"), "/catalog_sedi.rs"));

static LOADED: OnceLock<Files> = OnceLock::new();
/// The file could not be had (`mark_unavailable`): the built-ins will not come.
static UNAVAILABLE: AtomicBool = AtomicBool::new(false);

/// The JSON of the built-in file at `path` (`profiles/siena.json`), `None` while the
/// catalog's file has not arrived (or for a path that is not one).
pub fn json(path: &str) -> Option<&'static str> {
    #[cfg(any(not(target_arch = "wasm32"), not(feature = "catalog-file")))]
    {
        embedded::EMBEDDED
            .iter()
            .find(|(p, _)| *p == path)
            .map(|(_, j)| *j)
    }
    #[cfg(all(target_arch = "wasm32", feature = "catalog-file"))]
    {
        let files = LOADED.get()?;
        let at = |(a, b): (usize, usize)| files.text.get(a..b).unwrap_or("");
        files
            .spans
            .iter()
            .find(|(p, _)| at(*p) == path)
            .map(|(_, j)| at(*j))
    }
}

/// `None` when the built-ins are there; otherwise why not. Only a `catalog-file` build in a
/// browser or in Node is ever without them.
pub fn absence() -> Option<Absence> {
    if cfg!(all(target_arch = "wasm32", feature = "catalog-file")) && LOADED.get().is_none() {
        Some(if UNAVAILABLE.load(Ordering::Relaxed) {
            Absence::Unavailable
        } else {
            Absence::Loading
        })
    } else {
        None
    }
}

/// The finding a function that needs the built-ins answers while they are absent:
/// `catalog.data-pending` while the file is on its way, `catalog.data-unavailable` when it
/// could not be had.
pub(crate) fn pending(lang: Lang) -> Option<Finding> {
    absence().map(|a| match a {
        Absence::Loading => Problem::DataPending.finding(lang),
        Absence::Unavailable => Problem::DataUnavailable.finding(lang),
    })
}

/// The sedi (id, name) of the built-in profile named `profile` (as the registry reads ids:
/// "Torino" is `torino`), or without a profile of the one that has `sede`, known without the
/// catalog's file: what the widget lists in a form's `sede` field as soon as it attaches.
/// Empty in a build that embeds the files (the profiles themselves answer there).
pub(crate) fn sedi_of(profile: Option<&str>, sede: Option<&str>) -> Vec<(String, String)> {
    #[cfg(all(target_arch = "wasm32", feature = "catalog-file"))]
    {
        let key = profile.and_then(|p| crate::text::id_key(p.trim()));
        let found = match (key, sede) {
            (Some(k), _) => SEDI
                .iter()
                .find(|(id, _)| crate::text::id_key(id).as_deref() == Some(k.as_str())),
            (None, Some(s)) if profile.is_none() => SEDI
                .iter()
                .find(|(_, list)| list.iter().any(|(id, _)| *id == s.trim())),
            _ => None,
        };
        // A loop, not map + collect: one copy less of the adapters in the module (issue 15).
        let mut out = Vec::new();
        if let Some((_, list)) = found {
            for (id, name) in list.iter() {
                out.push((id.to_string(), name.to_string()));
            }
        }
        out
    }
    #[cfg(not(all(target_arch = "wasm32", feature = "catalog-file")))]
    {
        let _ = (profile, sede);
        Vec::new()
    }
}

/// Hands over the text of `instrada-catalog.txt`. Refused (the built-ins stay absent) when
/// it is not the catalog this module was built with. `Ok` when the built-ins are there
/// (already, or from now on); a build that embeds them only checks the text.
pub fn load(text: String) -> Result<(), String> {
    if LOADED.get().is_some() {
        return Ok(());
    }
    let mut spans = Vec::new();
    for (p, j) in read(&text)? {
        spans.push((range(&text, p), range(&text, j)));
    }
    let _ = LOADED.set(Files { text, spans });
    UNAVAILABLE.store(false, Ordering::Relaxed);
    Ok(())
}

/// Records that the catalog's file could not be had: [`absence`] says `Unavailable`.
pub fn mark_unavailable() {
    if LOADED.get().is_none() {
        UNAVAILABLE.store(true, Ordering::Relaxed);
    }
}

/// Where `part` (a slice of `text`) is in `text`.
fn range(text: &str, part: &str) -> (usize, usize) {
    let start = part.as_ptr() as usize - text.as_ptr() as usize;
    (start, start + part.len())
}

/// The (path, JSON) pairs of a catalog file, checked against this module's hash.
pub fn read(text: &str) -> Result<Vec<(&str, &str)>, String> {
    let (first, body) = text.split_once('\n').unwrap_or((text, ""));
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for b in body.bytes() {
        hash = (hash ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
    }
    let declared = first.strip_prefix("@instrada-catalog ").unwrap_or("none");
    if hash != CATALOG_HASH || declared != format!("{CATALOG_HASH:016x}") {
        return Err(format!(
            "the catalog file is of build {}, this module of {CATALOG_HASH:016x}",
            crate::dates::clip(declared)
        ));
    }
    let mut files = Vec::new();
    let mut lines = body.lines();
    while let Some(name) = lines.next() {
        let (Some(path), Some(json)) = (name.strip_prefix('%'), lines.next()) else {
            return Err("the catalog file is damaged".into());
        };
        files.push((path, json));
    }
    Ok(files)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    /// The file the package ships holds the embedded files, byte for byte, and nothing else.
    #[test]
    fn the_file_is_the_embedded_files() {
        let text = include_str!(concat!(env!("OUT_DIR"), "/instrada-catalog.txt"));
        let files = read(text).unwrap();
        assert_eq!(files.len(), embedded::EMBEDDED.len());
        for (path, text) in files {
            assert_eq!(json(path), Some(text), "{path}");
        }
        assert_eq!(load(text.to_string()), Ok(()));
        assert_eq!(absence(), None);
    }

    /// Another build's file, or a damaged one, is refused.
    #[test]
    fn another_file_is_refused() {
        let text = include_str!(concat!(env!("OUT_DIR"), "/instrada-catalog.txt"));
        let other = text.replacen("\"siena\"", "\"sieNa\"", 1);
        assert!(read(&other).unwrap_err().contains("of build"));
        let (_, body) = text.split_once('\n').unwrap();
        let relabelled = format!("@instrada-catalog 0000000000000000\n{body}");
        assert!(read(&relabelled).is_err());
        assert!(read("not a catalog").is_err());
    }
}

/// Built-in files read ahead, one per call of [`Ahead::step`] (the widget's idle warm-up
/// once the catalog's file has arrived: all of them read in one call made a task of 45 to
/// 145 ms in Chromium, issue 15), until [`Ahead::all`] takes them and reads the rest.
pub(crate) struct Ahead<T>(Mutex<Vec<T>>);

impl<T> Ahead<T> {
    pub(crate) const fn new() -> Ahead<T> {
        Ahead(Mutex::new(Vec::new()))
    }

    /// Reads the next of `names` not read yet with `read`: `true` when it read one, `false`
    /// when all are read.
    pub(crate) fn step(
        &self,
        names: &[&'static str],
        read: impl FnOnce(&'static str) -> T,
    ) -> bool {
        let Ok(mut ahead) = self.0.lock() else {
            return false;
        };
        let Some(&name) = names.get(ahead.len()) else {
            return false;
        };
        ahead.push(read(name));
        true
    }

    /// Every one of `names` read, in their order: those read ahead, the others now.
    pub(crate) fn all(
        &self,
        names: &[&'static str],
        mut read: impl FnMut(&'static str) -> T,
    ) -> Vec<T> {
        let mut all = self
            .0
            .lock()
            .map(|mut a| std::mem::take(&mut *a))
            .unwrap_or_default();
        for &name in names.iter().skip(all.len()) {
            all.push(read(name));
        }
        all
    }
}
