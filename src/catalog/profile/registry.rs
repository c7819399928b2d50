//! Where profiles live: the built-in ones, embedded at build time and parsed once, and the
//! ones a portal registers at run time, kept for the page's lifetime.
//!
//! The built-ins live in a static parsed once. The profiles a portal loads are leaked into
//! `&'static` references (a portal loads a few per page, and the loads are capped); in
//! exchange, findings can carry the codes written
//! in the data (`Finding::code` is `&'static str`) and every lookup is a plain reference.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Mutex, OnceLock};

use chrono::NaiveDate;

use super::read::declared_id;
use super::validate::{parse_and_validate, MAX_JSON};
use super::Profile;
use crate::catalog::messages::Problem;
use crate::finding::{Finding, Lang, Source};

/// The built-in profiles, one file each (`src/data/profiles/`).
const BUILT_IN: [(&str, &str); 6] = [
    ("siena", data_json!("profiles/siena.json")),
    ("emilia-romagna", data_json!("profiles/emilia-romagna.json")),
    ("milano", data_json!("profiles/milano.json")),
    ("torino", data_json!("profiles/torino.json")),
    ("nazionale-gdp", data_json!("profiles/nazionale-gdp.json")),
    ("nazionale", data_json!("profiles/nazionale.json")),
];

/// The national baseline: the profile used when a portal names no territorial profile, or
/// a sede that no territorial profile covers (issue 13).
pub const NATIONAL: &str = "nazionale";

/// How many profiles a page may register (each stays in memory until the page closes).
const MAX_LOADED: usize = 32;

/// How many times a page may register a profile, replacements included. A replaced profile
/// is not freed (lookups hand out `&'static` references to it), so without this bound a
/// page that reloads a profile in a loop grows without end (issue 7, fuzzing: about 12 KB
/// per load of a small profile, measured).
const MAX_LOADS: usize = 256;

static LOADS: AtomicUsize = AtomicUsize::new(0);

fn built_in() -> &'static [Profile] {
    static BUILT: OnceLock<Vec<Profile>> = OnceLock::new();
    BUILT.get_or_init(|| {
        // A built-in that fails to parse is a bug caught by tests/profiles.rs; at run time it
        // is skipped rather than taking the page down.
        let ids: Vec<&str> = BUILT_IN.iter().map(|(id, _)| *id).collect();
        BUILT_IN
            .iter()
            .filter_map(|(_, json)| parse_and_validate(json, &ids, Lang::It).ok())
            .collect()
    })
}

/// The errors of the built-in files (empty when they are all well formed), for tests.
pub fn built_in_errors() -> Vec<(&'static str, Vec<Finding>)> {
    let ids: Vec<&str> = BUILT_IN.iter().map(|(id, _)| *id).collect();
    BUILT_IN
        .iter()
        .filter_map(|(id, json)| {
            // Validate each against the others' ids (for `inherits`).
            let others: Vec<&str> = ids.iter().copied().filter(|x| x != id).collect();
            match parse_and_validate(json, &others, Lang::It) {
                Ok(p) if p.id == *id => None,
                Ok(p) => Some((
                    *id,
                    vec![Finding::error(
                        "profile.bad-id",
                        format!("the file of «{id}» declares id «{}»", p.id),
                    )],
                )),
                Err(e) => Some((*id, e)),
            }
        })
        .collect()
}

fn loaded() -> &'static Mutex<Vec<&'static Profile>> {
    static LOADED: OnceLock<Mutex<Vec<&'static Profile>>> = OnceLock::new();
    LOADED.get_or_init(|| Mutex::new(Vec::new()))
}

fn loaded_snapshot() -> Vec<&'static Profile> {
    match loaded().lock() {
        Ok(v) => v.clone(),
        Err(poisoned) => poisoned.into_inner().clone(),
    }
}

/// Every profile: the built-ins, then those the portal registered.
pub fn profiles() -> Vec<&'static Profile> {
    let mut all: Vec<&'static Profile> = built_in().iter().collect();
    all.extend(loaded_snapshot());
    all
}

/// The profile that owns the document `file` (its document, or one of its updates) and the
/// document's title. A rule a profile inherits keeps the source of the profile that wrote it,
/// and is cited by that profile's document, never by the profile being asked (issue 13:
/// Torino's GDP rules cite circolare 34/2023, not Torino's protocol). When several profiles
/// share a document (the national baseline is built on circolare 34/2023 too), the one that
/// inherits none of the others is its author.
pub fn document_owner(file: &str) -> Option<(&'static Profile, &'static str)> {
    let all = profiles();
    let own: Vec<&'static Profile> = all
        .iter()
        .copied()
        .filter(|p| p.document.file == file)
        .collect();
    if let Some(p) = own
        .iter()
        .find(|p| !p.inherits.iter().any(|i| own.iter().any(|q| &q.id == i)))
        .or(own.first())
    {
        return Some((p, p.document.title.as_str()));
    }
    all.iter().find_map(|p| {
        p.document
            .updates
            .iter()
            .find(|u| u.source.document == file)
            .map(|u| (*p, u.title.as_str()))
    })
}

/// A rule's source in words, by its document's title and the profile that owns it, not its
/// file name: "«Circolare n. 34 …» (Nazionale — …), § 3.1". A source that is not one of the
/// profiles' documents (a law) is written as given.
pub fn cite(source: &Source, lang: Lang) -> String {
    let doc = match document_owner(&source.document) {
        Some((p, title)) => format!("«{title}» ({})", p.name.get(lang)),
        None => source.document.clone(),
    };
    if source.section.is_empty() {
        doc
    } else {
        format!("{doc}, § {}", source.section)
    }
}

/// Whether `id` is one of the profiles that ship with the widget.
pub fn is_built_in(id: &str) -> bool {
    built_in().iter().any(|p| p.id == id)
}

/// The profile with this id (built-in or registered).
pub fn profile(id: &str) -> Option<&'static Profile> {
    let id = id.trim();
    // The exact id first, then the same normalisation as sedi ("Emilia Romagna",
    // "EMILIA_ROMAGNA" → "emilia-romagna").
    let key = crate::text::id_key(id);
    let same = |p: &&'static Profile| {
        p.id == id
            || key
                .as_deref()
                .is_some_and(|k| crate::text::id_key(&p.id).as_deref() == Some(k))
    };
    built_in()
        .iter()
        .find(|p| p.id == id)
        .or_else(|| loaded_snapshot().into_iter().find(|p| p.id == id))
        .or_else(|| built_in().iter().find(same))
        .or_else(|| loaded_snapshot().into_iter().find(same))
}

/// The profile that has `sede` among its sedi and is in force on `date` (the one that
/// started last, when several are).
pub fn profile_for_sede(sede: &str, date: NaiveDate) -> Option<&'static Profile> {
    let sede = sede.trim();
    profiles()
        .into_iter()
        .filter(|p| p.sede(sede).is_some() && p.in_force(date))
        .max_by_key(|p| p.effective.from)
}

/// The answer of [`load_profile`].
#[derive(Clone, Debug)]
pub struct Loaded {
    /// Whether the profile was registered.
    pub ok: bool,
    /// Its id, when it could be read.
    pub id: Option<String>,
    /// Why it was refused: each finding names the field and the reason.
    pub errors: Vec<Finding>,
}

impl crate::wire::ToWire for Loaded {
    fn write(&self, out: &mut crate::wire::Json) {
        out.begin_object();
        out.field_bool("ok", self.ok);
        out.field_str_or_null("id", self.id.as_deref());
        out.field_list("errors", &self.errors);
        out.end_object();
    }
}

impl Loaded {
    fn refused(id: Option<String>, errors: Vec<Finding>) -> Loaded {
        Loaded {
            ok: false,
            id,
            errors,
        }
    }
}

/// Registers a portal's own profile, given as JSON, for the page's lifetime. A profile with
/// the id of one already registered by the portal replaces it; the ids of the built-in
/// profiles cannot be taken. A malformed profile is refused with findings that name the
/// field (JSON line and column, or the path in the profile) and the reason.
pub fn load_profile(json: &str, lang: Lang) -> Loaded {
    if json.len() > MAX_JSON {
        return Loaded::refused(
            None,
            vec![Problem::TooLarge { bytes: json.len() }.finding(lang)],
        );
    }
    let known: Vec<&str> = profiles().iter().map(|p| p.id.as_str()).collect();
    let profile = match parse_and_validate(json, &known, lang) {
        Ok(p) => p,
        Err(errors) => {
            return Loaded::refused(declared_id(json), errors);
        }
    };
    let id = profile.id.clone();
    if built_in().iter().any(|p| p.id == id) {
        let taken = Problem::IdTaken { id: id.clone() }.finding(lang);
        return Loaded::refused(Some(id), vec![taken]);
    }
    let mut guard = match loaded().lock() {
        Ok(g) => g,
        Err(poisoned) => poisoned.into_inner(),
    };
    let replacing = guard.iter().position(|p| p.id == id);
    if replacing.is_none() && guard.len() >= MAX_LOADED {
        let full = Problem::TooManyRegistered { max: MAX_LOADED }.finding(lang);
        return Loaded::refused(Some(id), vec![full]);
    }
    if LOADS.fetch_add(1, Ordering::Relaxed) >= MAX_LOADS {
        LOADS.store(MAX_LOADS, Ordering::Relaxed);
        let spent = Problem::TooManyLoads { max: MAX_LOADS }.finding(lang);
        return Loaded::refused(Some(id), vec![spent]);
    }
    let leaked: &'static Profile = Box::leak(Box::new(profile));
    match replacing.and_then(|i| guard.get_mut(i)) {
        Some(slot) => *slot = leaked,
        None => guard.push(leaked),
    }
    Loaded {
        ok: true,
        id: Some(id),
        errors: Vec::new(),
    }
}
