//! Where profiles live: the built-in ones, embedded at build time and parsed once, and the
//! ones a portal registers at run time, kept for the page's lifetime.
//!
//! The built-ins live in a static parsed once. The profiles a portal loads are owned by the
//! registry (`Arc`): a lookup hands out a shared handle, and a profile replaced by a new
//! load of the same id is dropped as soon as the last answer that was using it is done, so
//! a page may load as often as it likes and its memory stays that of the profiles in use.

use std::sync::{Arc, Mutex, OnceLock};

use chrono::NaiveDate;

use super::read::declared_id;
use super::validate::{parse_and_validate, MAX_JSON};
use super::{Note, Profile};
use crate::catalog::data::Ahead;
use crate::catalog::messages::Problem;
use crate::finding::{Finding, Lang, Source};

/// The built-in profiles, one file each (`src/data/profiles/`, [`crate::catalog::data`]).
const BUILT_IN: [&str; 6] = [
    "siena",
    "emilia-romagna",
    "milano",
    "torino",
    "nazionale-gdp",
    "nazionale",
];

/// The JSON of a built-in profile (empty while the catalog's file is absent).
fn built_in_json(id: &str) -> &'static str {
    crate::catalog::data::json(&format!("profiles/{id}.json")).unwrap_or("")
}

/// The national baseline: the profile used when a portal names no territorial profile, or
/// a sede that no territorial profile covers (issue 13).
pub const NATIONAL: &str = "nazionale";

/// The built-in profiles, parsed once by [`built_in`].
static BUILT: OnceLock<Vec<Arc<Profile>>> = OnceLock::new();
/// The built-ins parsed ahead by [`warm_step`] (`None`: a file that failed) until
/// [`built_in`] takes them.
static AHEAD: Ahead<Option<Arc<Profile>>> = Ahead::new();

/// Parses the next built-in profile not parsed yet (a few milliseconds), for the widget's
/// idle warm-up, after the titolari they name ([`crate::catalog::titolario::warm_step`]):
/// one per idle moment rather than six in one task (issue 15). `true` when it parsed one;
/// `false` when there was nothing to do (all parsed, or the catalog's file absent).
pub fn warm_step() -> bool {
    BUILT.get().is_none()
        && crate::catalog::data::absence().is_none()
        && AHEAD.step(&BUILT_IN, parse_built_in)
}

/// A built-in profile parsed and validated. One that fails is a bug caught by
/// tests/native/profiles.rs; at run time it is skipped rather than taking the page down.
fn parse_built_in(id: &str) -> Option<Arc<Profile>> {
    parse_and_validate(built_in_json(id), &BUILT_IN, Lang::It)
        .ok()
        .map(Arc::new)
}

fn built_in() -> &'static [Arc<Profile>] {
    // None until the catalog's file has arrived (a `catalog-file` build): not parsed empty.
    if crate::catalog::data::absence().is_some() {
        return &[];
    }
    BUILT.get_or_init(|| {
        AHEAD
            .all(&BUILT_IN, parse_built_in)
            .into_iter()
            .flatten()
            .collect()
    })
}

/// The errors of the built-in files (empty when they are all well formed), for tests.
pub fn built_in_errors() -> Vec<(&'static str, Vec<Finding>)> {
    BUILT_IN
        .iter()
        .filter_map(|id| {
            // Validate each against the others' ids (for `inherits`).
            let others: Vec<&str> = BUILT_IN.iter().copied().filter(|x| x != id).collect();
            match parse_and_validate(built_in_json(id), &others, Lang::It) {
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

fn loaded() -> &'static Mutex<Vec<Arc<Profile>>> {
    static LOADED: OnceLock<Mutex<Vec<Arc<Profile>>>> = OnceLock::new();
    LOADED.get_or_init(|| Mutex::new(Vec::new()))
}

fn loaded_snapshot() -> Vec<Arc<Profile>> {
    match loaded().lock() {
        Ok(v) => v.clone(),
        Err(poisoned) => poisoned.into_inner().clone(),
    }
}

/// Every profile: the built-ins, then those the portal registered.
pub fn profiles() -> Vec<Arc<Profile>> {
    let mut all: Vec<Arc<Profile>> = built_in().to_vec();
    all.extend(loaded_snapshot());
    all
}

/// The profile that owns the document `file` (its document, or one of its updates) and the
/// document's title. A rule a profile inherits keeps the source of the profile that wrote it,
/// and is cited by that profile's document, never by the profile being asked (issue 13:
/// Torino's GDP rules cite circolare 34/2023, not Torino's protocol). When several profiles
/// share a document (the national baseline is built on circolare 34/2023 too), the one that
/// inherits none of the others is its author.
pub fn document_owner(file: &str) -> Option<(Arc<Profile>, String)> {
    let all = profiles();
    let mut own: Vec<&Arc<Profile>> = Vec::new();
    for p in &all {
        if p.document.file == file {
            own.push(p);
        }
    }
    if let Some(p) = own
        .iter()
        .find(|p| !p.inherits.iter().any(|i| own.iter().any(|q| &q.id == i)))
        .or(own.first())
    {
        return Some((Arc::clone(p), p.document.title.clone()));
    }
    all.iter().find_map(|p| {
        p.document
            .updates
            .iter()
            .find(|u| u.source.document == file)
            .map(|u| (Arc::clone(p), u.title.clone()))
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
pub fn profile(id: &str) -> Option<Arc<Profile>> {
    let id = id.trim();
    // The exact id first, then the same normalisation as sedi ("Emilia Romagna",
    // "EMILIA_ROMAGNA" → "emilia-romagna").
    let key = crate::text::id_key(id);
    let same = |p: &&Arc<Profile>| {
        p.id == id
            || key
                .as_deref()
                .is_some_and(|k| crate::text::id_key(&p.id).as_deref() == Some(k))
    };
    built_in()
        .iter()
        .find(|p| p.id == id)
        .cloned()
        .or_else(|| loaded_snapshot().into_iter().find(|p| p.id == id))
        .or_else(|| built_in().iter().find(same).cloned())
        .or_else(|| loaded_snapshot().iter().find(same).cloned())
}

/// The profile that has `sede` among its sedi and is in force on `date` (the one that
/// started last, when several are).
pub fn profile_for_sede(sede: &str, date: NaiveDate) -> Option<Arc<Profile>> {
    let sede = sede.trim();
    // A loop, not filter + max_by_key: one copy less of the adapters in the module
    // (issue 15). The last of the latest, as max_by_key gives it.
    let mut best: Option<Arc<Profile>> = None;
    for p in profiles() {
        if p.sede(sede).is_some()
            && p.in_force(date)
            && best
                .as_ref()
                .is_none_or(|b| p.effective.from >= b.effective.from)
        {
            best = Some(p);
        }
    }
    best
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
    // A profile may inherit a built-in or name their titolari: not checked without them.
    if let Some(f) = crate::catalog::data::pending(lang) {
        return Loaded::refused(declared_id(json), vec![f]);
    }
    if json.len() > MAX_JSON {
        return Loaded::refused(
            None,
            vec![Problem::TooLarge { bytes: json.len() }.finding(lang)],
        );
    }
    let all = profiles();
    let mut known = Vec::new();
    for p in &all {
        known.push(p.id.as_str());
    }
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
    // The replaced profile is dropped here, or by the last answer still holding it.
    let profile = Arc::new(profile);
    match guard.iter_mut().find(|p| p.id == id) {
        Some(slot) => *slot = profile,
        None => guard.push(profile),
    }
    Loaded {
        ok: true,
        id: Some(id),
        errors: Vec::new(),
    }
}

/// A note's code as a finding's code (`Finding::code` is `&'static str`, and programs match
/// on it). A built-in profile's codes live as long as the page already; a code a portal's
/// profile brings is kept once, in a set of distinct codes, so reloading profiles does not
/// grow it: its size is that of the portal's vocabulary of codes (each at most 129 bytes,
/// `area.kebab-case`), not of the loads.
pub(crate) fn note_code(note: &Note) -> &'static str {
    let code = note.code.as_str();
    // Loops, not flat_map chains: one copy less of their adapters in the module (issue 15).
    for p in built_in() {
        for n in &p.notes {
            if n.code == code {
                return n.code.as_str();
            }
        }
        for r in &p.rules {
            for n in &r.notes {
                if n.code == code {
                    return n.code.as_str();
                }
            }
        }
    }
    // A list, not a BTreeSet: a portal's vocabulary of codes is a few dozen at most, and a
    // B-tree's insertion and search were 3.6 KB of the module for this one set (issue 15).
    static CODES: Mutex<Vec<&'static str>> = Mutex::new(Vec::new());
    let mut codes = match CODES.lock() {
        Ok(g) => g,
        Err(poisoned) => poisoned.into_inner(),
    };
    if let Some(known) = codes.iter().find(|c| **c == code) {
        return known;
    }
    let kept: &'static str = String::leak(code.to_string());
    codes.push(kept);
    kept
}
