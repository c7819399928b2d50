//! A titolario file as written: its JSON object read field by field into raw structs, each
//! error naming the field's path; [`super::load`] then checks what the fields say.

use super::{Basis, Note};
use crate::catalog::fields::{Obj, Sink};
use crate::finding::Source;
use crate::json::{Fail, Json, Reason};

/// A titolario file as written: the fields of its JSON object, not yet checked.
pub(super) struct RawTitolario {
    pub(super) id: String,
    pub(super) cassetto: String,
    pub(super) name: String,
    pub(super) name_en: String,
    pub(super) as_of: String,
    pub(super) document: String,
    pub(super) section: String,
    pub(super) soglia_unit: Option<String>,
    pub(super) from: Option<String>,
    pub(super) list_missing: Option<(String, String)>,
    pub(super) see_also: Option<String>,
    pub(super) generic: Option<String>,
    pub(super) keywords_from: Option<String>,
    pub(super) notes: Vec<Note>,
    pub(super) classes: Vec<RawClasse>,
}

pub(super) struct RawClasse {
    pub(super) id: Option<String>,
    pub(super) label: Option<String>,
    pub(super) label_en: Option<String>,
    pub(super) direct: bool,
    pub(super) document: Option<String>,
    pub(super) section: String,
    pub(super) objects: Vec<RawOggetto>,
}

pub(super) struct RawOggetto {
    pub(super) id: String,
    pub(super) label: String,
    pub(super) label_en: Option<String>,
    pub(super) soglia: Option<u32>,
    pub(super) from: Option<String>,
    pub(super) removed: Option<String>,
    pub(super) status: Option<String>,
    pub(super) generic: bool,
    pub(super) aliases: Vec<String>,
    pub(super) keywords: Vec<String>,
    pub(super) strong: Vec<String>,
    pub(super) all_of: Vec<String>,
    pub(super) codes: Vec<String>,
    pub(super) note: Option<Note>,
    pub(super) document: Option<String>,
    pub(super) section: Option<String>,
}

pub(super) fn raw_titolario(v: &Json) -> Result<RawTitolario, Fail> {
    let mut sink = None;
    let mut f = Obj::new(&mut sink, v, String::new(), None);
    let raw = RawTitolario {
        id: f.str("id"),
        cassetto: f.str("cassetto"),
        name: f.str("name"),
        name_en: f.str("nameEn"),
        as_of: f.str("asOf"),
        document: f.str("document"),
        section: f.str("section"),
        soglia_unit: f.opt_str("sogliaUnit"),
        from: f.opt_str("from"),
        list_missing: f.maybe("listMissing", text),
        see_also: f.opt_str("seeAlso"),
        generic: f.opt_str("generic"),
        keywords_from: f.opt_str("keywordsFrom"),
        notes: f.many("notes", false, note),
        classes: f.many("classes", true, raw_classe),
    };
    f.end();
    match sink {
        None => Ok(raw),
        Some(e) => Err(e),
    }
}

fn raw_classe(s: &mut Sink, v: &Json, at: String) -> RawClasse {
    let mut f = Obj::new(s, v, at, None);
    let raw = RawClasse {
        id: f.opt_str("id"),
        label: f.opt_str("label"),
        label_en: f.opt_str("labelEn"),
        direct: f.flag("direct"),
        document: f.opt_str("document"),
        section: f.str("section"),
        objects: f.many("objects", true, raw_oggetto),
    };
    f.end();
    raw
}

fn raw_oggetto(s: &mut Sink, v: &Json, at: String) -> RawOggetto {
    let mut f = Obj::new(s, v, at, None);
    let raw = RawOggetto {
        id: f.str("id"),
        label: f.str("label"),
        label_en: f.opt_str("labelEn"),
        soglia: f.opt_u32("soglia"),
        from: f.opt_str("from"),
        removed: f.opt_str("removed"),
        status: f.opt_str("status"),
        generic: f.flag("generic"),
        aliases: f.strings("aliases"),
        keywords: f.strings("keywords"),
        strong: f.strings("strong"),
        all_of: f.strings("allOf"),
        codes: f.strings("codes"),
        note: f.maybe("note", note),
        document: f.opt_str("document"),
        section: f.opt_str("section"),
    };
    f.end();
    raw
}

/// A text: `it` and `en`.
fn text(s: &mut Sink, v: &Json, at: String) -> (String, String) {
    let mut f = Obj::new(s, v, at, None);
    let text = (f.str("it"), f.str("en"));
    f.end();
    text
}

/// A note: `it`, `en` and its basis, `"kind": "document"` with `section` (and `document`
/// when it is not the entry's own: left empty here, filled by [`parse_raw`]) or
/// `"kind": "reading"` with `why` and `whyEn`.
fn note(s: &mut Sink, v: &Json, at: String) -> Note {
    let mut f = Obj::new(s, v, at, None);
    let it = f.str("it");
    let en = f.str("en");
    let kind = f.str("kind");
    let not_here = |f: &mut Obj, key: &'static str, goes_with: &'static str| {
        if f.get(key).is_some() {
            let e = (
                f.path(key),
                Reason::NoteKind {
                    goes_with,
                    kind: kind.clone(),
                },
            );
            f.fail(e);
        }
    };
    let basis = match kind.as_str() {
        "document" => {
            not_here(&mut f, "why", "reading");
            not_here(&mut f, "whyEn", "reading");
            Basis::Document {
                source: Source::new(
                    f.opt_str("document").unwrap_or_default(),
                    non_empty(&mut f, "section"),
                ),
            }
        }
        "reading" => {
            not_here(&mut f, "section", "document");
            not_here(&mut f, "document", "document");
            Basis::Reading {
                why: non_empty(&mut f, "why"),
                why_en: non_empty(&mut f, "whyEn"),
            }
        }
        other => {
            let e = (
                f.path("kind"),
                Reason::UnknownVariant {
                    value: other.to_string(),
                    expected: vec!["document".into(), "reading".into()],
                },
            );
            f.fail(e);
            Basis::Reading {
                why: String::new(),
                why_en: String::new(),
            }
        }
    };
    f.end();
    Note { it, en, basis }
}

/// A string that must be there and hold more than spaces.
fn non_empty(f: &mut Obj, key: &'static str) -> String {
    let s = f.str(key);
    if s.trim().is_empty() {
        let e = (f.path(key), Reason::Empty);
        f.fail(e);
    }
    s
}

/// A note of kind document without its own `document` quotes the entry's.
pub(super) fn with_document(mut note: Note, document: &str) -> Note {
    if let Basis::Document { source } = &mut note.basis {
        if source.document.is_empty() {
            source.document = document.to_string();
        }
    }
    note
}
