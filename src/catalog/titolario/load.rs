//! Reading the JSON files of `src/data/titolari/` into [`Titolario`]s, with validation.
//!
//! The file format is deliberately apart from the public types: dates and units are read
//! as text and checked here, so that an error names the file, the field and the reason
//! (serde alone would only say "line 12 column 30"). Sources are compact in the files (the
//! titolario names the document, each classe its section, an object only when it differs)
//! and complete in the public types (every object carries its own [`Source`]).

use crate::text::Join;
use std::fmt;
use std::sync::OnceLock;

use super::raw::{raw_titolario, with_document};
use super::{Classe, Oggetto, Status, TempoSoglia, Titolario, Unit, CASSETTI};
use crate::catalog::data::Ahead;
use crate::finding::Source;
use crate::json;
use crate::text::fold_words;
use chrono::NaiveDate;

/// The built-in files (`src/data/titolari/`, [`crate::catalog::data`]), in the order
/// [`super::titolari`] returns them.
const FILES: [&str; 9] = [
    "aziende-dm-er-2019.json",
    "aziende-dm-torino-2017.json",
    "aziende-dm-milano-2018.json",
    "committenti-gs.json",
    "liberi-professionisti-milano-2018.json",
    "liberi-professionisti-torino-2017.json",
    "artigiani-commercianti-milano-2018.json",
    "artigiani-commercianti-torino-2017.json",
    "dipendenti-pubblici-2023.json",
];

/// A titolario file that could not be read: which file, which field, why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TitolarioError {
    /// The file name (or `(json)` for [`Titolario::from_json`]).
    pub file: String,
    /// Path of the field, e.g. `classes[2].objects[0].removed`; empty for a syntax error.
    pub field: String,
    /// What is wrong, with the value.
    pub reason: String,
}

impl fmt::Display for TitolarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}: {}", self.file, self.reason)
        } else {
            write!(f, "{}: field `{}`: {}", self.file, self.field, self.reason)
        }
    }
}

impl std::error::Error for TitolarioError {}

/// A file read by [`parse_raw`]: the titolario and the file its keywords come from.
type Parsed = Result<(Titolario, Option<String>), TitolarioError>;

/// Every embedded file parsed, and the errors: built once, by [`embedded`].
static ALL: OnceLock<(Vec<Titolario>, Vec<TitolarioError>)> = OnceLock::new();
/// The files read ahead by [`warm_step`] until [`embedded`] takes them.
static AHEAD: Ahead<Parsed> = Ahead::new();

/// Reads the next embedded file not read yet (a few milliseconds), for the widget's idle
/// warm-up: when the catalog's file arrives, the nine files are read one per idle moment
/// rather than all in the first call that needs them (issue 15). `true` when it read one;
/// `false` when there was nothing to do (all read, or the catalog's file absent).
pub fn warm_step() -> bool {
    ALL.get().is_none()
        && crate::catalog::data::absence().is_none()
        && AHEAD.step(&FILES, read_file)
}

/// One embedded file read.
fn read_file(file: &str) -> Parsed {
    parse_raw(
        file,
        crate::catalog::data::json(&format!("titolari/{file}")).unwrap_or(""),
    )
}

/// Parses every embedded file once (taking those [`warm_step`] read ahead); the second
/// list holds the errors.
pub(super) fn embedded() -> &'static (Vec<Titolario>, Vec<TitolarioError>) {
    // None until the catalog's file has arrived (a `catalog-file` build): not parsed empty.
    static NONE: (Vec<Titolario>, Vec<TitolarioError>) = (Vec::new(), Vec::new());
    if crate::catalog::data::absence().is_some() {
        return &NONE;
    }
    ALL.get_or_init(|| {
        let parsed = AHEAD.all(&FILES, read_file);
        let mut ok: Vec<Titolario> = Vec::with_capacity(FILES.len());
        let mut errors = Vec::new();
        let mut keywords_from = Vec::new();
        for (file, result) in FILES.into_iter().zip(parsed) {
            match result {
                Ok((t, _)) if ok.iter().any(|o| o.id == t.id) => errors.push(err(
                    file,
                    "id",
                    format!("«{}» is already the id of another titolario", t.id),
                )),
                Ok((t, from)) => {
                    keywords_from.push((file, from));
                    ok.push(t);
                }
                Err(e) => errors.push(e),
            }
        }
        resolve_links(&mut ok, &keywords_from, &mut errors);
        (ok, errors)
    })
}

/// Parses one file on its own (no cross-file references).
pub(super) fn parse(file: &str, json: &str) -> Result<Titolario, TitolarioError> {
    let (t, keywords_from) = parse_raw(file, json)?;
    if keywords_from.is_some() {
        return Err(err(
            file,
            "keywordsFrom",
            "names another titolario, which is only available among the embedded files".into(),
        ));
    }
    if let Some(see) = &t.see_also {
        return Err(err(
            file,
            "seeAlso",
            format!("names «{see}», which is only available among the embedded files"),
        ));
    }
    Ok(t)
}

fn err(file: &str, field: &str, reason: String) -> TitolarioError {
    TitolarioError {
        file: file.to_string(),
        field: field.to_string(),
        reason,
    }
}

fn parse_raw(file: &str, json: &str) -> Result<(Titolario, Option<String>), TitolarioError> {
    if !json.trim_start().starts_with('{') {
        return Err(err(
            file,
            "",
            "a titolario is a JSON object: the text must start with {".into(),
        ));
    }
    let value = json::parse(json).map_err(|e| err(file, "", e))?;
    let raw =
        raw_titolario(&value).map_err(|(field, reason)| err(file, &field, reason.to_string()))?;
    let e = |field: &str, reason: String| err(file, field, reason);

    check_id(&raw.id).map_err(|r| e("id", r))?;
    if !CASSETTI.contains(&raw.cassetto.as_str()) {
        return Err(e(
            "cassetto",
            format!(
                "«{}» is not a cassetto; expected one of {}",
                raw.cassetto,
                CASSETTI.joined(", ")
            ),
        ));
    }
    for (field, value) in [
        ("name", &raw.name),
        ("nameEn", &raw.name_en),
        ("document", &raw.document),
        ("section", &raw.section),
    ] {
        if value.trim().is_empty() {
            return Err(e(field, "is empty".into()));
        }
    }
    let as_of = date(&raw.as_of).map_err(|r| e("asOf", r))?;
    let from = raw
        .from
        .as_deref()
        .map(date)
        .transpose()
        .map_err(|r| e("from", r))?;
    let unit = match raw.soglia_unit.as_deref() {
        None => None,
        Some("working-days") => Some(Unit::WorkingDays),
        Some("calendar-days") => Some(Unit::CalendarDays),
        Some(other) => {
            return Err(e(
                "sogliaUnit",
                format!("«{other}» is not a unit; expected working-days or calendar-days"),
            ))
        }
    };

    let mut classes = Vec::with_capacity(raw.classes.len());
    // Few entries: a list is smaller in the wasm than a hash set.
    let mut object_ids: Vec<String> = Vec::new();
    let mut classe_ids: Vec<String> = Vec::new();
    for (ci, rc) in raw.classes.into_iter().enumerate() {
        let at = |f: &str| format!("classes[{ci}].{f}");
        let first = rc.objects.first();
        if rc.direct && rc.objects.len() != 1 {
            return Err(e(
                &at("objects"),
                format!(
                    "a direct classe holds exactly one object, found {}",
                    rc.objects.len()
                ),
            ));
        }
        if rc.objects.is_empty() {
            return Err(e(
                &at("objects"),
                "a classe needs at least one object".into(),
            ));
        }
        let id = rc
            .id
            .clone()
            .or_else(|| rc.direct.then(|| first.map(|o| o.id.clone())).flatten());
        let label = rc
            .label
            .clone()
            .or_else(|| rc.direct.then(|| first.map(|o| o.label.clone())).flatten());
        let label_en = rc.label_en.clone().or_else(|| {
            rc.direct
                .then(|| first.and_then(|o| o.label_en.clone()))
                .flatten()
        });
        let (Some(id), Some(label)) = (id, label) else {
            return Err(e(
                &at("label"),
                "a classe that is not direct needs an id and a label".into(),
            ));
        };
        check_id(&id).map_err(|r| e(&at("id"), r))?;
        if classe_ids.contains(&id) {
            return Err(e(
                &at("id"),
                format!("«{id}» is already the id of another classe"),
            ));
        }
        classe_ids.push(id.clone());
        if rc.section.trim().is_empty() {
            return Err(e(
                &at("section"),
                "is empty: cite the section of the document".into(),
            ));
        }
        let classe_source = Source::new(
            rc.document.clone().unwrap_or_else(|| raw.document.clone()),
            rc.section.clone(),
        );
        let mut objects = Vec::with_capacity(rc.objects.len());
        for (oi, ro) in rc.objects.into_iter().enumerate() {
            let at = |f: &str| format!("classes[{ci}].objects[{oi}].{f}");
            check_id(&ro.id).map_err(|r| e(&at("id"), r))?;
            if object_ids.contains(&ro.id) {
                return Err(e(
                    &at("id"),
                    format!("«{}» is already the id of another object", ro.id),
                ));
            }
            object_ids.push(ro.id.clone());
            if ro.label.trim().is_empty() {
                return Err(e(&at("label"), "is empty".into()));
            }
            let status = match ro.status.as_deref() {
                None | Some("active") => Status::Active,
                Some("removed") => Status::Removed,
                Some("eliminated") => Status::Eliminated,
                Some("legacy") => Status::Legacy,
                Some(other) => {
                    return Err(e(
                        &at("status"),
                        format!(
                        "«{other}» is not a status; expected active, removed, eliminated or legacy"
                    ),
                    ))
                }
            };
            let o_from = ro
                .from
                .as_deref()
                .map(date)
                .transpose()
                .map_err(|r| e(&at("from"), r))?
                .or(from);
            let removed = ro
                .removed
                .as_deref()
                .map(date)
                .transpose()
                .map_err(|r| e(&at("removed"), r))?;
            if let (Some(f), Some(r)) = (o_from, removed) {
                if r <= f {
                    return Err(e(
                        &at("removed"),
                        format!("{r} is not after the date the object exists from ({f})"),
                    ));
                }
            }
            match (status, removed) {
                (Status::Removed, None) => {
                    return Err(e(
                        &at("removed"),
                        "a removed object needs the date it was removed".into(),
                    ))
                }
                (Status::Active | Status::Eliminated | Status::Legacy, Some(_)) => {
                    return Err(e(
                        &at("status"),
                        "an object with a `removed` date has status removed".into(),
                    ))
                }
                _ => {}
            }
            let tempo_soglia = match (ro.soglia, unit) {
                (None, _) => None,
                (Some(0), _) | (Some(366..), _) => {
                    return Err(e(&at("soglia"), format!("{} days is not a threshold; expected 1 to 365", ro.soglia.unwrap_or(0))))
                }
                (Some(_), None) => return Err(e(&at("soglia"), "the titolario has no sogliaUnit: say whether the days are working or calendar days".into())),
                (Some(days), Some(unit)) => Some(TempoSoglia { days, unit }),
            };
            if tempo_soglia.is_some() && matches!(status, Status::Eliminated | Status::Legacy) {
                return Err(e(
                    &at("soglia"),
                    "an eliminated or legacy object has no threshold".into(),
                ));
            }
            // `#` and `@` stand for a digit and a letter: they count as letters here.
            let empty = |k: &str| {
                fold_words(&k.replace(['*', '|'], " ").replace(['#', '@'], "0")).is_empty()
            };
            for (field, list) in [
                ("keywords", &ro.keywords),
                ("strong", &ro.strong),
                ("codes", &ro.codes),
            ] {
                if let Some(k) = list.iter().find(|k| empty(k) || k.contains('+')) {
                    return Err(e(&at(field), format!("«{k}» has no letters or digits, or has a `+` (phrases that go together belong in allOf)")));
                }
            }
            if let Some(k) = ro
                .all_of
                .iter()
                .find(|k| k.split('+').filter(|p| !empty(p)).count() < 2)
            {
                return Err(e(
                    &at("allOf"),
                    format!("«{k}» needs at least two phrases joined by `+`"),
                ));
            }
            let source = Source::new(
                ro.document
                    .clone()
                    .unwrap_or_else(|| classe_source.document.clone()),
                ro.section
                    .clone()
                    .unwrap_or_else(|| classe_source.section.clone()),
            );
            objects.push(Oggetto {
                label_en: ro.label_en.clone().unwrap_or_default(),
                id: ro.id,
                label: ro.label,
                classe: label.clone(),
                classe_id: id.clone(),
                tempo_soglia,
                from: o_from,
                removed,
                status,
                generic: ro.generic,
                aliases: ro.aliases,
                keywords: ro.keywords,
                strong: ro.strong,
                all_of: ro.all_of,
                codes: ro.codes,
                note: ro.note.map(|n| with_document(n, &source.document)),
                source,
            });
        }
        classes.push(Classe {
            label_en: label_en.unwrap_or_default(),
            id,
            label,
            direct: rc.direct,
            objects,
            source: classe_source,
        });
    }

    // The objects marked generic, and whether there is another: one loop, not three chains.
    let mut generics: Vec<&str> = Vec::new();
    let mut specific = false;
    for c in &classes {
        for o in &c.objects {
            if o.generic {
                generics.push(&o.id);
            } else {
                specific = true;
            }
        }
    }
    match (&raw.generic, generics.as_slice()) {
        (None, []) => {}
        (Some(g), [one]) if g == one => {}
        (Some(g), _) => {
            return Err(e(
                "generic",
                format!("«{g}» must be the id of the one object marked generic"),
            ))
        }
        (None, _) => {
            return Err(e(
                "generic",
                "an object is marked generic: name it in `generic`".into(),
            ))
        }
    }
    if raw.list_missing.is_some() && specific {
        return Err(e(
            "listMissing",
            "the list is said to be missing, so the titolario holds only its generic object".into(),
        ));
    }
    if raw.list_missing.is_none() && !specific {
        return Err(e("classes", "the titolario has no specific object: transcribe the list or say why it is missing in `listMissing`".into()));
    }

    let (list_missing, list_missing_en) = match raw.list_missing {
        Some((it, en)) => (Some(it), Some(en)),
        None => (None, None),
    };
    let mut notes = Vec::new();
    for n in raw.notes {
        notes.push(with_document(n, &raw.document));
    }
    let t = Titolario {
        id: raw.id,
        cassetto: raw.cassetto,
        name: raw.name,
        name_en: raw.name_en,
        as_of,
        source: Source::new(raw.document, raw.section),
        list_missing,
        list_missing_en,
        see_also: raw.see_also,
        generic: raw.generic,
        notes,
        classes,
    };
    Ok((t, raw.keywords_from))
}

/// Resolves what names another titolario: `seeAlso` (same cassetto, exists) and
/// `keywordsFrom` (objects without keywords, codes or English label take those of the
/// object with the same id there). A titolario whose links are wrong is dropped.
fn resolve_links(
    all: &mut Vec<Titolario>,
    keywords_from: &[(&str, Option<String>)],
    errors: &mut Vec<TitolarioError>,
) {
    let mut bad = Vec::new();
    for (i, (file, from)) in keywords_from.iter().enumerate() {
        let Some(t) = all.get(i) else { continue };
        if let Some(see) = &t.see_also {
            if !all
                .iter()
                .any(|o| &o.id == see && o.cassetto == t.cassetto && o.list_missing.is_none())
            {
                errors.push(err(
                    file,
                    "seeAlso",
                    format!("«{see}» is not a titolario with a list for the same cassetto"),
                ));
                bad.push(i);
            }
        }
        let Some(from) = from else { continue };
        let Some(j) = all
            .iter()
            .position(|o| &o.id == from && o.cassetto == t.cassetto)
        else {
            errors.push(err(
                file,
                "keywordsFrom",
                format!("«{from}» is not a titolario of the same cassetto"),
            ));
            bad.push(i);
            continue;
        };
        if keywords_from.get(j).is_some_and(|(_, f)| f.is_some()) {
            errors.push(err(
                file,
                "keywordsFrom",
                format!(
                    "«{from}» takes its keywords from yet another titolario: point to the original"
                ),
            ));
            bad.push(i);
            continue;
        }
        // Loops, not collect over cloned and mapped iterators: the same lists, in the same
        // order, without their iterator code (issue 15).
        let mut donor: Vec<Oggetto> = Vec::new();
        let mut donor_classes: Vec<(String, String)> = Vec::new();
        for c in &all[j].classes {
            donor_classes.push((c.id.clone(), c.label_en.clone()));
            for o in &c.objects {
                donor.push(o.clone());
            }
        }
        for c in &mut all[i].classes {
            for o in &mut c.objects {
                let Some(d) = donor.iter().find(|d| d.id == o.id) else {
                    continue;
                };
                if o.keywords.is_empty()
                    && o.strong.is_empty()
                    && o.all_of.is_empty()
                    && o.codes.is_empty()
                {
                    o.keywords.clone_from(&d.keywords);
                    o.strong.clone_from(&d.strong);
                    o.all_of.clone_from(&d.all_of);
                    o.codes.clone_from(&d.codes);
                }
                if o.label_en.is_empty() {
                    o.label_en.clone_from(&d.label_en);
                }
            }
            if c.label_en.is_empty() {
                if let Some((_, en)) = donor_classes.iter().find(|(id, _)| *id == c.id) {
                    c.label_en.clone_from(en);
                }
            }
        }
    }
    // Every label needs its English form once the links are resolved.
    for (i, (file, _)) in keywords_from.iter().enumerate() {
        let Some(t) = all.get(i) else { continue };
        let missing = t.classes.iter().enumerate().find_map(|(ci, c)| {
            if c.label_en.is_empty() {
                return Some(format!("classes[{ci}].labelEn"));
            }
            c.objects
                .iter()
                .position(|o| o.label_en.is_empty())
                .map(|oi| format!("classes[{ci}].objects[{oi}].labelEn"))
        });
        if let Some(field) = missing {
            errors.push(err(file, &field, "is empty: give the English label".into()));
            bad.push(i);
        }
    }
    crate::text::sort_small_by_key(&mut bad, |&i| i);
    bad.dedup();
    for i in bad.into_iter().rev() {
        all.remove(i);
    }
}

fn check_id(id: &str) -> Result<(), String> {
    let ok = !id.is_empty()
        && !id.starts_with('-')
        && !id.ends_with('-')
        && !crate::text::contains(id, "--")
        && id
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
    if ok {
        Ok(())
    } else {
        Err(format!(
            "«{id}» is not a kebab-case id (lower-case letters, digits and single hyphens)"
        ))
    }
}

fn date(s: &str) -> Result<NaiveDate, String> {
    crate::dates::date_from(s, "%Y-%m-%d")
        .filter(|_| s.len() == 10)
        .ok_or_else(|| format!("«{s}» is not a date written YYYY-MM-DD"))
}
