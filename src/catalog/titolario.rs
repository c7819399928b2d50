//! The titolari: for each cassetto of the Comunicazione bidirezionale, the menu of objects
//! (classe → oggetto) as the source documents list it, with the tempo soglia of each object
//! where a document gives one and the dates from which an object exists or was removed.
//!
//! The lists are **data**, not code: one JSON file per titolario in `src/data/titolari/`,
//! embedded at build time and parsed at first use ([`titolari`]). Every classe and object
//! cites its document and section ([`Source`]). Where a document's list is missing (it was
//! an image, or the page is blank), the titolario says so in [`Titolario::list_missing`]
//! instead of inventing entries, and may point to another list of the same national cassetto
//! in [`Titolario::see_also`].
//!
//! ```
//! use instrada::catalog::titolario::{titolario, Status};
//!
//! let er = titolario("aziende-dm-er-2019").unwrap();
//! let durc = er.object("Durc (Documento di regolarità contributiva)").unwrap();
//! assert_eq!(durc.tempo_soglia.map(|t| t.days), Some(5));
//! // "Non Specificato" is ELIMINATO in the Emilia Romagna table.
//! assert_eq!(er.object("non specificato").unwrap().status, Status::Eliminated);
//! ```

mod load;
mod raw;

use chrono::NaiveDate;
use serde::Serialize;

use crate::finding::{Lang, Source};
use crate::text::{fold_words, folds_to};
use crate::wire::{Json, ToWire};

pub use load::{warm_step, TitolarioError};

/// The five cassetti (channels of the Comunicazione bidirezionale) that have a titolario.
/// A [`Titolario::cassetto`] is always one of these ids.
pub const CASSETTI: [&str; 5] = [
    "aziende-dm",
    "committenti-gs",
    "liberi-professionisti",
    "artigiani-commercianti",
    "dipendenti-pubblici",
];

/// The menu of objects of one cassetto, as one document lists it at one date.
#[derive(Clone, Debug)]
pub struct Titolario {
    /// Stable kebab-case id, e.g. `aziende-dm-er-2019`.
    pub id: String,
    /// The cassetto: one of [`CASSETTI`].
    pub cassetto: String,
    /// Italian name, e.g. "Cassetto previdenziale aziende con dipendenti — Emilia Romagna 2019".
    pub name: String,
    /// English name.
    pub name_en: String,
    /// Date of the document the list is transcribed from (the list is as it stood then).
    pub as_of: NaiveDate,
    /// The document and section the list comes from.
    pub source: Source,
    /// Why the list is not in the documents (Italian), when it is not; the titolario then
    /// holds at most its generic object.
    pub list_missing: Option<String>,
    /// Why the list is not in the documents (English).
    pub list_missing_en: Option<String>,
    /// Another titolario of the same cassetto a profile may fall back to when this list is
    /// missing (e.g. the Torino 2017 list for Milano 2018).
    pub see_also: Option<String>,
    /// Id of the generic object ("Non Specificato", "altro"), if the cassetto has one. It may
    /// be [`Status::Eliminated`]: check its status.
    pub generic: Option<String>,
    /// Notes on how the list was transcribed and the choices made where it is ambiguous.
    pub notes: Vec<Note>,
    /// The classes, in the document's order.
    pub classes: Vec<Classe>,
}

/// A first-level entry of the menu. A classe with no sub-objects in the document (e.g.
/// "Durc (Documento di regolarità contributiva)", "Illeciti Penali") is [`Classe::direct`]
/// and holds one object with the same label, so that it can be chosen like any object.
#[derive(Clone, Debug)]
pub struct Classe {
    /// Kebab-case id, unique within the titolario.
    pub id: String,
    /// The document's label, spelling kept.
    pub label: String,
    /// English label.
    pub label_en: String,
    /// True when the document lists this entry with no sub-objects: it is chosen directly.
    pub direct: bool,
    /// The objects, in the document's order.
    pub objects: Vec<Oggetto>,
    /// Where the classe is listed.
    pub source: Source,
}

/// One object of a titolario.
#[derive(Clone, Debug)]
pub struct Oggetto {
    /// Stable kebab-case id, unique within the titolario; the same object has the same id in
    /// every titolario of its cassetto.
    pub id: String,
    /// The document's label, spelling kept (Torino writes "Regularizzazione (DM-VIG)").
    pub label: String,
    /// English label.
    pub label_en: String,
    /// Label of the classe it belongs to.
    pub classe: String,
    /// Id of the classe it belongs to.
    pub classe_id: String,
    /// The threshold the document gives for this object ("tempi soglia di definizione").
    pub tempo_soglia: Option<TempoSoglia>,
    /// First day the object exists, when a document says so.
    pub from: Option<NaiveDate>,
    /// First day the object is no longer offered ("inibito dal"), when a document says so.
    pub removed: Option<NaiveDate>,
    /// Whether the object is offered.
    pub status: Status,
    /// True for the generic object ("Non Specificato", "altro").
    pub generic: bool,
    /// Other spellings of the label (another document's), recognised by [`Titolario::object`].
    pub aliases: Vec<String>,
    /// Words and phrases that point to this object in a free-text description (see
    /// [`crate::suggest`] for the syntax).
    pub keywords: Vec<String>,
    /// Like `keywords`, but distinctive: they weigh more.
    pub strong: Vec<String>,
    /// Phrases that together point to this object, anywhere in the text and in any order,
    /// written `"rateizz* + bonari*"` (see [`crate::suggest`]).
    pub all_of: Vec<String>,
    /// Shapes of codes that point to this object, in the keyword syntax with `#` for a digit
    /// and `@` for a letter: `"0## 19##|20## #####*"` for a cartella number (see
    /// [`crate::suggest`]).
    pub codes: Vec<String>,
    /// A note on this entry (e.g. the other document's spelling).
    pub note: Option<Note>,
    /// Where the object is listed.
    pub source: Source,
}

/// A threshold: how many days INPS has to settle a request on this object.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub struct TempoSoglia {
    /// Number of days.
    pub days: u32,
    /// What kind of days.
    pub unit: Unit,
}

crate::catalog::profile::vocabulary! {
/// How days are counted.
pub enum Unit {
    /// Monday to Friday, minus public holidays.
    WorkingDays = "working-days",
    /// Every day.
    CalendarDays = "calendar-days",
}
}

crate::catalog::profile::vocabulary! {
/// Whether an object is offered.
pub enum Status {
    /// Offered (between `from` and `removed`, when they are given).
    Active = "active",
    /// Removed from the menu on the `removed` date ("inibito dal 06/10/2015").
    Removed = "removed",
    /// Marked ELIMINATO in the document, without a date.
    Eliminated = "eliminated",
    /// Listed among the "Oggetti precedenti": kept for past communications, no threshold,
    /// not offered for new ones.
    Legacy = "legacy",
}
}

/// A note on a titolario or an object, in both languages, that says whether it gives the
/// document's text or instrada's reading of it (issue 5: a reader must tell the protocol's
/// rule from the tool's interpretation).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Note {
    /// Italian.
    pub it: String,
    /// English.
    pub en: String,
    /// The document's text, or instrada's reading.
    pub basis: Basis,
}

/// What a [`Note`] rests on. In the JSON files, `"kind": "document"` with its `section` (and
/// `document` when it is not the entry's own), or `"kind": "reading"` with `why` and `whyEn`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Basis {
    /// The document's own words, quoted or reported as written (a spelling, a sentence): where
    /// they are.
    Document {
        /// The document and section.
        source: Source,
    },
    /// instrada's reading: an interpretation of the document, or a choice where the document
    /// is silent or ambiguous, with what it rests on.
    Reading {
        /// Why, in Italian.
        why: String,
        /// Why, in English.
        why_en: String,
    },
}

impl Note {
    /// The text in the requested language.
    pub fn pick(&self, lang: Lang) -> &str {
        lang.pick(&self.it, &self.en)
    }

    /// The note in one language with what it rests on, for a view sent to JS.
    pub fn view(&self, lang: Lang) -> NoteView<'_> {
        let (kind, source, why) = match &self.basis {
            Basis::Document { source } => ("document", Some(source), None),
            Basis::Reading { why, why_en } => (
                "reading",
                None,
                Some(lang.pick(why.as_str(), why_en.as_str())),
            ),
        };
        NoteView {
            text: self.pick(lang),
            kind,
            source,
            why,
        }
    }
}

/// A [`Note`] in one language: `{ text, kind: "document", source }` or
/// `{ text, kind: "reading", why }`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct NoteView<'a> {
    /// The note.
    pub text: &'a str,
    /// `"document"` (the document's text) or `"reading"` (instrada's reading).
    pub kind: &'static str,
    /// Where the document says it (kind document).
    pub source: Option<&'a Source>,
    /// Why instrada reads it so (kind reading).
    pub why: Option<&'a str>,
}

impl Titolario {
    /// Parses and validates one titolario written in the JSON format of
    /// `src/data/titolari/` (see the README there). `keywordsFrom` cannot be resolved here
    /// (it names another titolario): use the embedded ones through [`titolari`].
    pub fn from_json(json: &str) -> Result<Titolario, TitolarioError> {
        load::parse("(json)", json)
    }

    /// Finds an object by id, or by label or alias compared with case, accents and
    /// punctuation folded ("regolarita contributiva" finds nothing, "Note rettifica" and
    /// "note-rettifica" both find the object). Objects that are offered come first when a
    /// label is shared.
    pub fn object(&self, id_or_label: &str) -> Option<&Oggetto> {
        if let Some(o) = self.first(&|o| o.id == id_or_label) {
            return Some(o);
        }
        let wanted = fold_words(id_or_label);
        if wanted.is_empty() {
            return None;
        }
        let matches = |o: &Oggetto| {
            folds_to(&o.label, &wanted)
                || folds_to(&o.id, &wanted)
                || o.aliases.iter().any(|a| folds_to(a, &wanted))
        };
        self.first(&|o| o.status == Status::Active && matches(o))
            .or_else(|| self.first(&matches))
    }

    /// The first object, in the document's order, that `wanted` accepts: one loop for the
    /// searches of [`Titolario::object`] (each chain of `objects()` and `find` was its own
    /// code in the wasm).
    fn first(&self, wanted: &dyn Fn(&Oggetto) -> bool) -> Option<&Oggetto> {
        for c in &self.classes {
            for o in &c.objects {
                if wanted(o) {
                    return Some(o);
                }
            }
        }
        None
    }

    /// Every object, classe by classe, in the document's order.
    pub fn objects(&self) -> impl Iterator<Item = &Oggetto> {
        // Gathered by a loop, not a flat_map: each search over it compiled the flattening's
        // adapters once more (issue 15).
        let mut all = Vec::new();
        for c in &self.classes {
            for o in &c.objects {
                all.push(o);
            }
        }
        all.into_iter()
    }

    /// The generic object ("Non Specificato", "altro"), whatever its status.
    pub fn generic_object(&self) -> Option<&Oggetto> {
        self.generic.as_deref().and_then(|g| self.object(g))
    }

    /// Whether `obj` can be chosen for a communication sent on `date`.
    ///
    /// With a date: an [`Status::Active`] object between its `from` (included) and `removed`
    /// (excluded) dates, or a [`Status::Removed`] one before its `removed` date.
    /// Without a date: as the list stands, i.e. only active objects whose `removed` date is
    /// unknown. [`Status::Eliminated`] and [`Status::Legacy`] objects are never available:
    /// the documents give no date for them.
    pub fn is_available(&self, obj: &Oggetto, date: Option<NaiveDate>) -> bool {
        obj.is_available(date)
    }
}

impl Oggetto {
    /// See [`Titolario::is_available`].
    pub fn is_available(&self, date: Option<NaiveDate>) -> bool {
        match (self.status, date) {
            (Status::Eliminated | Status::Legacy, _) => false,
            (Status::Active, None) => self.removed.is_none(),
            (Status::Removed, None) => false,
            (Status::Active | Status::Removed, Some(d)) => {
                self.from.is_none_or(|f| f <= d) && self.removed.is_none_or(|r| d < r)
            }
        }
    }
}

/// Every titolario embedded in the crate, parsed and validated at first use. A file that
/// fails validation is left out (and reported by [`load_errors`]); the tests keep that list
/// empty.
pub fn titolari() -> &'static [Titolario] {
    &load::embedded().0
}

/// The problems found in the embedded files (empty unless the data is broken).
pub fn load_errors() -> &'static [TitolarioError] {
    &load::embedded().1
}

/// The titolario with this id.
pub fn titolario(id: &str) -> Option<&'static Titolario> {
    titolari().iter().find(|t| t.id == id)
}

impl ToWire for TempoSoglia {
    fn write(&self, out: &mut Json) {
        out.begin_object();
        out.field_int("days", i64::from(self.days));
        out.field_str("unit", self.unit.id());
        out.end_object();
    }
}

impl ToWire for NoteView<'_> {
    fn write(&self, out: &mut Json) {
        out.begin_object();
        out.field_str("text", self.text);
        out.field_str("kind", self.kind);
        if let Some(source) = self.source {
            out.key("source");
            source.write(out);
        }
        out.field_str_if("why", self.why);
        out.end_object();
    }
}

/// A titolario on the wire, in one language: as `titolari()` lists it (`TitolarioSummary`,
/// [`Titolario::summary`]) or as `titolario()` answers it (`TitolarioView`,
/// [`Titolario::tree`]), with its notes and its classes, each object saying whether it can
/// be chosen at the date. Written from the titolario itself: one writer for both answers
/// keeps the wasm small.
#[derive(Clone, Copy, Debug)]
pub struct TitolarioView<'a> {
    titolario: &'a Titolario,
    lang: Lang,
    /// `Some(date)` for the tree: the notes and the classes, objects available at `date`
    /// (as the list stands, without one).
    tree: Option<Option<NaiveDate>>,
}

impl Titolario {
    /// The titolario as a list shows it.
    pub fn summary(&self, lang: Lang) -> TitolarioView<'_> {
        TitolarioView {
            titolario: self,
            lang,
            tree: None,
        }
    }

    /// The titolario with its notes and its classes, each object available at `date` or not.
    pub fn tree(&self, date: Option<NaiveDate>, lang: Lang) -> TitolarioView<'_> {
        TitolarioView {
            titolario: self,
            lang,
            tree: Some(date),
        }
    }
}

impl ToWire for TitolarioView<'_> {
    fn write(&self, out: &mut Json) {
        let (t, lang) = (self.titolario, self.lang);
        out.begin_object();
        out.field_str("id", &t.id);
        out.field_str("cassetto", &t.cassetto);
        out.field_str("name", lang.pick(&t.name, &t.name_en));
        out.field_date("asOf", t.as_of);
        out.key("source");
        t.source.write(out);
        let list_missing = lang.pick(&t.list_missing, &t.list_missing_en);
        out.field_str_if("listMissing", list_missing.as_deref());
        out.field_str_if("seeAlso", t.see_also.as_deref());
        out.field_str_if("generic", t.generic.as_deref());
        out.field_int("objectCount", t.objects().count() as i64);
        if let Some(date) = self.tree {
            let notes: Vec<NoteView> = t.notes.iter().map(|n| n.view(lang)).collect();
            out.field_list("notes", &notes);
            out.key("classes");
            out.begin_array();
            for c in &t.classes {
                classe(out, c, date, lang);
            }
            out.end_array();
        }
        out.end_object();
    }
}

/// A classe with all its objects, `{ id, label, labelEn, direct, objects, source }`.
fn classe(out: &mut Json, c: &Classe, date: Option<NaiveDate>, lang: Lang) {
    out.begin_object();
    out.field_str("id", &c.id);
    out.field_str("label", &c.label);
    out.field_str("labelEn", &c.label_en);
    out.field_bool("direct", c.direct);
    out.key("objects");
    out.begin_array();
    for o in &c.objects {
        oggetto(out, o, date, lang);
    }
    out.end_array();
    out.key("source");
    c.source.write(out);
    out.end_object();
}

fn oggetto(out: &mut Json, o: &Oggetto, date: Option<NaiveDate>, lang: Lang) {
    out.begin_object();
    out.field_str("id", &o.id);
    out.field_str("label", &o.label);
    out.field_str("labelEn", &o.label_en);
    if let Some(t) = &o.tempo_soglia {
        out.key("tempoSoglia");
        t.write(out);
    }
    if let Some(from) = o.from {
        out.field_date("from", from);
    }
    if let Some(removed) = o.removed {
        out.field_date("removed", removed);
    }
    out.field_str("status", o.status.id());
    out.field_bool("generic", o.generic);
    out.field_bool("available", o.is_available(date));
    if let Some(note) = &o.note {
        out.key("note");
        note.view(lang).write(out);
    }
    out.key("source");
    o.source.write(out);
    out.end_object();
}
