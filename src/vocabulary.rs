//! The vocabulary a portal's form speaks to instrada: the names of the fields
//! (`data-instrada-field="…"`), the values each field with a closed list accepts (with their
//! Italian and English labels), and how a portal's own option values are mapped onto them.
//!
//! A portal keeps its own option values: `<option value="DM" data-instrada-value="aziende-dm">`,
//! or the widget's `values` option (`{ gestione: { DM: "aziende-dm" } }`). Several portal
//! values may map to one instrada value (a portal that lists "Artigiano" and "Commerciante"
//! maps both to `artigiani-commercianti`). A value that maps to nothing instrada knows is
//! [`Mapped::Unknown`]: the widget tells the integrator on the console and behaves as if the
//! field said nothing, so the checks that need it stay silent; the person is never shown it.
//!
//! This module is the one list: the widget's fields, the integrator's guide
//! (`docs/integrators.md`, checked against this list by `tests/native/vocabulary.rs`) and the mounted
//! form's selects all read it.
//!
//! ```
//! use instrada::vocabulary::{map, Mapped};
//!
//! assert_eq!(map("gestione", "aziende-dm", None, &[]), Mapped::Known("aziende-dm".into()));
//! assert_eq!(map("gestione", "DM", Some("aziende-dm"), &[]), Mapped::Known("aziende-dm".into()));
//! assert_eq!(map("gestione", "DM", None, &[]), Mapped::Unknown);
//! assert_eq!(map("tipo", " Sollecito ", None, &[]), Mapped::Known("sollecito".into()));
//! ```

use crate::catalog::profile::{Gestione, Kind, Previous};
use crate::finding::Lang;

pub use crate::field::{Choices, FieldInfo, FIELDS};

/// The outcomes of an earlier request a form can give (`esito-precedente`): its id, the
/// outcome the routing reads, and the labels. `senza-risposta` is the routing's
/// [`Previous::Scaduta`] (no answer within the guaranteed time, Milano §2 B, Torino §2.6 B),
/// which `Previous::parse` reads from either id.
pub const OUTCOMES: [(&str, Previous, &str, &str); 5] = [
    (
        "nessuna",
        Previous::Nessuna,
        "Nessuna richiesta precedente",
        "No earlier request",
    ),
    (
        "in-attesa",
        Previous::InAttesa,
        "In attesa, nei tempi di risposta",
        "Waiting, within the response time",
    ),
    (
        "senza-risposta",
        Previous::Scaduta,
        "Senza risposta nei tempi garantiti",
        "No answer within the guaranteed time",
    ),
    (
        "non-accolta",
        Previous::NonAccolta,
        "Risposta: non accolta",
        "Answer: not accepted",
    ),
    (
        "non-esaustiva",
        Previous::NonEsaustiva,
        "Risposta non esaustiva",
        "Answer not exhaustive",
    ),
];

/// The field named `name` (case and surrounding spaces ignored).
pub fn field_info(name: &str) -> Option<&'static FieldInfo> {
    let name = name.trim().to_ascii_lowercase();
    FIELDS.iter().find(|f| f.name == name)
}

/// A value of a closed list: its id and labels.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Choice {
    /// The value instrada reads.
    pub id: String,
    /// Its Italian label.
    pub it: String,
    /// Its English label.
    pub en: String,
}

impl Choice {
    /// The label in `lang`.
    pub fn label(&self, lang: Lang) -> &str {
        match lang {
            Lang::It => &self.it,
            Lang::En => &self.en,
        }
    }
}

/// The values of a closed list. `sedi` are the profile's sedi as (id, name); they are only
/// read for [`Choices::Sede`].
pub fn choices(choices: Choices, sedi: &[(String, String)]) -> Vec<Choice> {
    let c = |id: &str, it: &str, en: &str| Choice {
        id: id.to_string(),
        it: it.to_string(),
        en: en.to_string(),
    };
    match choices {
        Choices::Free => Vec::new(),
        Choices::Gestione => labelled(&Gestione::ALL, Gestione::id, Gestione::label),
        Choices::Tipo => labelled(&Kind::ALL, Kind::id, Kind::label),
        // Loops, not map + collect: one copy less of each adapter in the module (issue 15).
        Choices::EsitoPrecedente => {
            let mut out = Vec::new();
            for (id, _, it, en) in &OUTCOMES {
                out.push(c(id, it, en));
            }
            out
        }
        Choices::Sede => {
            let mut out = Vec::new();
            for (id, name) in sedi {
                out.push(c(id, name, name));
            }
            out
        }
        Choices::Sesso => vec![c("M", "Maschio", "Male"), c("F", "Femmina", "Female")],
    }
}

/// The choices of a closed list of the profile's words (gestioni, kinds): each one's id,
/// and its label in both languages, capitalised to stand alone in a list.
fn labelled<T: Copy>(
    all: &[T],
    id: fn(T) -> &'static str,
    label: fn(T, Lang) -> &'static str,
) -> Vec<Choice> {
    let mut out = Vec::new();
    for &v in all {
        out.push(Choice {
            id: id(v).to_string(),
            it: capitalised(label(v, Lang::It)),
            en: capitalised(label(v, Lang::En)),
        });
    }
    out
}

/// What a portal's value means to instrada.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Mapped {
    /// Empty (or only spaces): the field says nothing.
    Empty,
    /// A value instrada knows (its id), or free text as typed.
    Known(String),
    /// A value of a closed list that instrada does not know, and that the portal did not map:
    /// the field is treated as saying nothing, and the integrator is told.
    Unknown,
}

/// Reads the value `portal` of field `name`. `explicit` is the portal's own mapping for it
/// (the selected option's `data-instrada-value`, or the `values` option), which wins. Ids are
/// read forgivingly (case, spaces, underscores); `sedi` are the profile's sedi (id, name), a
/// sede also being recognised by its name.
pub fn map(name: &str, portal: &str, explicit: Option<&str>, sedi: &[(String, String)]) -> Mapped {
    let Some(info) = field_info(name) else {
        return Mapped::Unknown;
    };
    let value = explicit.unwrap_or(portal).trim();
    if value.is_empty() {
        return Mapped::Empty;
    }
    if info.choices == Choices::Free {
        // Free text is never rewritten: the value as the person typed it.
        return Mapped::Known(explicit.unwrap_or(portal).to_string());
    }
    let key = normalise(value);
    let found = choices(info.choices, sedi).into_iter().find(|c| {
        normalise(&c.id) == key || (info.choices == Choices::Sede && normalise(&c.it) == key)
    });
    let found = found.or_else(|| match info.choices {
        // The routing's own words for an outcome are read too.
        Choices::EsitoPrecedente => OUTCOMES
            .iter()
            .find(|(_, routing, _, _)| routing.id() == key)
            .map(|(id, _, it, en)| Choice {
                id: id.to_string(),
                it: it.to_string(),
                en: en.to_string(),
            }),
        _ => None,
    });
    match found {
        Some(c) => Mapped::Known(c.id),
        None => Mapped::Unknown,
    }
}

/// Every attribute the widget reads on a portal's page, with what it does (Italian, English).
pub const ATTRIBUTES: [(&str, &str, &str); 12] = [
    (
        "data-instrada",
        "sul `<form>`: il profilo del protocollo (`start()` migliora ogni `form[data-instrada]`)",
        "on the `<form>`: the protocol profile (`start()` enhances every `form[data-instrada]`)",
    ),
    (
        "data-instrada-field",
        "su un `input`, `select` o `textarea`: il campo che il controllo contiene",
        "on an `input`, `select` or `textarea`: the field the control holds",
    ),
    (
        "data-instrada-value",
        "su un `<option>`: il valore di instrada per il valore del portale",
        "on an `<option>`: instrada's value for the portal's value",
    ),
    (
        "data-instrada-sede",
        "sul `<form>`: la sede competente",
        "on the `<form>`: the competent sede",
    ),
    (
        "data-instrada-lang",
        "sul `<form>`: la lingua dei messaggi (`it`, `en`)",
        "on the `<form>`: the language of the messages (`it`, `en`)",
    ),
    (
        "data-instrada-today",
        "sul `<form>`: la data di oggi, `YYYY-MM-DD`",
        "on the `<form>`: today's date, `YYYY-MM-DD`",
    ),
    (
        "data-instrada-label",
        "sul `<form>`: l'etichetta dei titoli degli eventi del file .ics (per esempio il numero di pratica)",
        "on the `<form>`: the label of the .ics events' titles (e.g. the practice number)",
    ),
    (
        "data-instrada-checks",
        "sul `<form>`: i controlli attivi, separati da spazi",
        "on the `<form>`: the checks that are on, separated by spaces",
    ),
    (
        "data-instrada-picker",
        "messo dal widget sui controlli del selettore dell'oggetto",
        "set by the widget on the object picker's controls",
    ),
    (
        "data-instrada-attached",
        "messo dal widget sul `<form>` migliorato",
        "set by the widget on the enhanced `<form>`",
    ),
    (
        "data-instrada-catalog",
        "messo dal widget sul `<form>` quando i profili e i titolari (il file `instrada-catalog.txt`) sono arrivati e il modulo è stato ricontrollato: `ready`, oppure `unavailable` se il file non si è potuto avere",
        "set by the widget on the `<form>` once the profiles and titolari (the file `instrada-catalog.txt`) have arrived and the form has been checked again: `ready`, or `unavailable` when the file could not be had",
    ),
    (
        "data-instrada-places",
        "messo dal widget sul `<form>` quando l'elenco dei luoghi (il file `instrada-places.txt`) è arrivato e il modulo è stato ricontrollato: `ready`, oppure `unavailable`; solo se il widget controlla il codice fiscale",
        "set by the widget on the `<form>` once the list of places (the file `instrada-places.txt`) has arrived and the form has been checked again: `ready`, or `unavailable`; only when the widget checks the codice fiscale",
    ),
];

/// Every option of `attach`, `mount` and `update`.
pub const OPTIONS: [(&str, &str, &str); 9] = [
    (
        "profile",
        "il profilo del protocollo (`milano`, `torino`, `siena`, `emilia-romagna`)",
        "the protocol profile (`milano`, `torino`, `siena`, `emilia-romagna`)",
    ),
    (
        "sede",
        "la sede competente (se il modulo ha il campo `sede`, vale il campo)",
        "the competent sede (when the form has a `sede` field, the field wins)",
    ),
    (
        "lang",
        "la lingua dei messaggi: `it` (predefinita) o `en`",
        "the language of the messages: `it` (default) or `en`",
    ),
    (
        "today",
        "la data di oggi, `YYYY-MM-DD` o un `Date`",
        "today's date, `YYYY-MM-DD` or a `Date`",
    ),
    (
        "label",
        "l'etichetta dei titoli degli eventi del file .ics (per esempio il numero di pratica); il codice fiscale non vi compare mai se non lo metti tu",
        "the label of the .ics events' titles (e.g. the practice number); the codice fiscale never appears there unless you put it",
    ),
    (
        "checks",
        "i controlli attivi: `{ codiceFiscale, picker, review, channel, timeline }`",
        "the checks that are on: `{ codiceFiscale, picker, review, channel, timeline }`",
    ),
    (
        "values",
        "la corrispondenza dei valori del portale: `{ gestione: { DM: \"aziende-dm\" } }`",
        "the portal's values mapped: `{ gestione: { DM: \"aziende-dm\" } }`",
    ),
    (
        "action",
        "solo `mount`: dove il modulo costruito invia",
        "`mount` only: where the built form submits",
    ),
    (
        "method",
        "solo `mount`: `get` o `post`",
        "`mount` only: `get` or `post`",
    ),
];

/// The names of the checks of the `checks` option.
pub const CHECKS: [&str; 5] = ["codiceFiscale", "picker", "review", "channel", "timeline"];

/// Ids compared forgivingly: case, spaces and underscores do not matter.
fn normalise(s: &str) -> String {
    s.trim()
        .chars()
        .map(|c| match c {
            ' ' | '_' => '-',
            c => c.to_ascii_lowercase(),
        })
        .collect()
}

/// The label with its first letter in capitals (the labels start with an ASCII letter).
pub(crate) fn capitalised(s: &str) -> String {
    let mut out = s.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}
