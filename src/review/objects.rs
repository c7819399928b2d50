//! The object picked from the cassetto's titolario: does it exist at the date, is it the
//! generic one ("Non specificato", "altro") when a specific one fits the description (Milano
//! §2, Torino §2.1, §2.2, §2.4: no guaranteed response time), was the generic one eliminated
//! (Emilia Romagna 2019)? The objects that fit are ranked by [`crate::suggest`].

use crate::field::FormField;
use chrono::NaiveDate;

use crate::catalog::titolario::{self, Oggetto, Status, TempoSoglia, Titolario, Unit};
use crate::dates::clip;
use crate::finding::{Finding, Lang, Source};
use crate::routing::CassettoInfo;
use crate::wire::{Json, ToWire};

/// How many objects are proposed.
pub const PROPOSALS: usize = 5;

/// An object that fits the description.
#[derive(Clone, Debug, PartialEq)]
pub struct Proposal {
    /// Object id.
    pub object: String,
    /// Its label in the menu.
    pub label: String,
    /// Its class.
    pub classe: String,
    /// Its English label.
    pub label_en: String,
    /// How well it fits (the suggestion engine's score, comparable within one review).
    pub score: u32,
    /// The words of the description that matched.
    pub matched: Vec<String>,
    /// The threshold INPS has to settle it (ER table).
    pub tempo_soglia: Option<TempoSoglia>,
}

impl ToWire for Proposal {
    fn write(&self, out: &mut Json) {
        out.begin_object();
        out.field_str("object", &self.object);
        out.field_str("label", &self.label);
        out.field_str("classe", &self.classe);
        out.field_str("labelEn", &self.label_en);
        out.field_int("score", i64::from(self.score));
        out.key("matched");
        out.strs(&self.matched);
        if let Some(tempo) = &self.tempo_soglia {
            out.key("tempoSoglia");
            tempo.write(out);
        }
        out.end_object();
    }
}

/// The objects of `t` that fit `text` at `date`, best first, generic objects left out.
pub fn proposals(t: &Titolario, text: &str, date: NaiveDate) -> Vec<Proposal> {
    if text.trim().is_empty() {
        return Vec::new();
    }
    crate::suggest::suggest(t, text, Some(date), PROPOSALS + 1)
        .into_iter()
        .filter(|s| t.object(&s.object).is_none_or(|o| !is_generic(t, o)))
        .take(PROPOSALS)
        .map(|s| Proposal {
            object: s.object,
            label: s.label,
            label_en: s.label_en,
            classe: s.classe,
            score: s.score,
            matched: s.matched,
            tempo_soglia: s.tempo_soglia,
        })
        .collect()
}

fn is_generic(t: &Titolario, o: &Oggetto) -> bool {
    o.generic || t.generic.as_deref() == Some(o.id.as_str())
}

fn quoted(list: &[String]) -> String {
    list.iter()
        .map(|w| format!("«{w}»"))
        .collect::<Vec<_>>()
        .join(", ")
}

fn quoted_en(list: &[String]) -> String {
    list.iter()
        .map(|w| format!("“{w}”"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The days of a threshold in words.
pub fn soglia_words(t: &TempoSoglia, lang: Lang) -> String {
    match (t.unit, lang) {
        (Unit::WorkingDays, Lang::It) => format!("{} giorni lavorativi", t.days),
        (Unit::WorkingDays, Lang::En) => format!("{} working days", t.days),
        (Unit::CalendarDays, Lang::It) => format!("{} giorni di calendario", t.days),
        (Unit::CalendarDays, Lang::En) => format!("{} calendar days", t.days),
    }
}

/// The titolario whose objects are offered in `cassetto`: its own, or, when the own list is
/// missing from the documents, the same national cassetto's list it points to (`see_also`).
pub fn menu(cassetto: &CassettoInfo) -> Option<&'static Titolario> {
    let own = cassetto
        .titolario
        .as_deref()
        .and_then(titolario::titolario)?;
    Some(
        own.list_missing
            .as_ref()
            .and(own.see_also.as_deref())
            .and_then(titolario::titolario)
            .unwrap_or(own),
    )
}

/// Checks the object; returns findings and the proposals shown to the user.
pub fn check(
    object: Option<&str>,
    cassetto: &CassettoInfo,
    text: &str,
    date: NaiveDate,
    generic_source: Option<Source>,
    lang: Lang,
) -> (Vec<Finding>, Vec<Proposal>) {
    let mut out = Vec::new();
    let field = FormField::Oggetto;
    let Some(own) = cassetto.titolario.as_deref().and_then(titolario::titolario) else {
        if object.is_some() {
            out.push(
                Finding::info(
                    "review.titolario-unknown",
                    lang.pick(
                        format!("L'elenco degli oggetti di «{}» non è nei documenti: l'oggetto scelto non può essere controllato.", cassetto.name),
                        format!("The object list of “{}” is not in the documents: the chosen object cannot be checked.", cassetto.name),
                    ),
                )
                .field(field),
            );
        }
        return (out, Vec::new());
    };
    // Where the territory's list is missing, the same national cassetto's list of another
    // document stands in (Milano 2018 → Torino 2017), and the user is told so.
    let fallback = own
        .list_missing
        .as_ref()
        .and(own.see_also.as_deref())
        .and_then(titolario::titolario);
    let menu = fallback.unwrap_or(own);
    if let Some(f) = fallback {
        out.push(
            Finding::info(
                "review.titolario-see-also",
                lang.pick(
                    format!("Il documento del territorio non riporta l'elenco degli oggetti di «{}»: gli oggetti sono presi da «{}», dello stesso cassetto nazionale. Verifica nel menu del cassetto.", cassetto.name, f.name),
                    format!("The territory's document does not list the objects of “{}”: they are taken from “{}”, of the same national cassetto. Check the cassetto's menu.", cassetto.name, f.name_en),
                ),
            )
            .field(field)
            .source(Source::new(own.source.document.clone(), own.source.section.clone())),
        );
    }
    let props = proposals(menu, text, date);
    let best = props.first();
    let label_of = |b: &Proposal, lang: Lang| {
        if lang == Lang::En && !b.label_en.is_empty() {
            b.label_en.clone()
        } else {
            b.label.clone()
        }
    };
    let best_msg = |l: Lang| match best {
        Some(b) => l.pick(
            format!(
                " Oggetto che corrisponde alla descrizione: «{}» (parole trovate: {}).",
                b.label,
                quoted(&b.matched)
            ),
            format!(
                " Object that matches the description: “{}” (words found: {}).",
                label_of(b, Lang::En),
                quoted_en(&b.matched)
            ),
        ),
        None => String::new(),
    };
    let with_best = |f: Finding| match best {
        Some(b) => f.suggest(b.label.clone()),
        None => f,
    };
    let source = Source::new(menu.source.document.clone(), menu.source.section.clone());

    let Some(name) = object.map(str::trim).filter(|o| !o.is_empty()) else {
        if own.list_missing.is_none() || fallback.is_some() {
            out.push(with_best(
                Finding::error(
                    "review.object-missing",
                    lang.pick(
                        format!(
                            "Scegli l'oggetto della comunicazione dal menu del cassetto.{}",
                            best_msg(Lang::It)
                        ),
                        format!(
                            "Choose the communication's object from the cassetto's menu.{}",
                            best_msg(Lang::En)
                        ),
                    ),
                )
                .field(field)
                .source(source),
            ));
        }
        return (out, props);
    };
    let Some((t, o)) = own
        .object(name)
        .map(|o| (own, o))
        .or_else(|| fallback.and_then(|f| f.object(name).map(|o| (f, o))))
    else {
        if own.list_missing.is_some() && fallback.is_none() {
            out.push(
                Finding::info(
                    "review.titolario-unknown",
                    lang.pick(
                        format!("L'elenco degli oggetti di «{}» non è nei documenti: l'oggetto «{}» non può essere controllato.", cassetto.name, clip(name)),
                        format!("The object list of “{}” is not in the documents: the object “{}” cannot be checked.", cassetto.name, clip(name)),
                    ),
                )
                .field(field),
            );
        } else {
            out.push(with_best(
                Finding::error(
                    "review.object-unknown",
                    lang.pick(
                        format!(
                            "«{}» non è un oggetto del menu di «{}»: scegline uno dall'elenco.{}",
                            clip(name),
                            cassetto.name,
                            best_msg(Lang::It)
                        ),
                        format!(
                            "“{}” is not an object of the “{}” menu: choose one from the list.{}",
                            clip(name),
                            cassetto.name,
                            best_msg(Lang::En)
                        ),
                    ),
                )
                .field(field)
                .source(source),
            ));
        }
        return (out, props);
    };
    let generic = is_generic(t, o);
    let osrc = Source::new(o.source.document.clone(), o.source.section.clone());

    if !t.is_available(o, Some(date)) {
        let (code, it, en) = match (o.status, o.from, o.removed) {
            (_, Some(f), _) if date < f => (
                "review.object-not-yet",
                format!("L'oggetto «{}» è nel menu dal {}: alla data scelta non c'era.", o.label, crate::dates::it(f)),
                format!("The object “{}” is in the menu from {}: it did not exist at the chosen date.", o.label, crate::dates::iso(f)),
            ),
            (_, _, Some(r)) if date >= r => (
                "review.object-removed",
                format!("L'oggetto «{}» è stato inibito dal {}: non si può più scegliere.", o.label, crate::dates::it(r)),
                format!("The object “{}” was disabled on {}: it can no longer be chosen.", o.label, crate::dates::iso(r)),
            ),
            (Status::Eliminated, _, _) if generic => (
                "review.generic-eliminated",
                format!("L'oggetto generico «{}» è stato eliminato da questo titolario: scegli l'oggetto specifico della richiesta.", o.label),
                format!("The generic object “{}” was eliminated from this titolario: choose the request's specific object.", o.label),
            ),
            (Status::Legacy, _, _) => (
                "review.object-legacy",
                format!("«{}» è tra gli oggetti precedenti: resta per le comunicazioni passate, non si sceglie per una nuova.", o.label),
                format!("“{}” is one of the former objects: it stays for past communications and is not chosen for a new one.", o.label),
            ),
            _ => (
                "review.object-eliminated",
                format!("L'oggetto «{}» non è più tra quelli che si possono scegliere.", o.label),
                format!("The object “{}” can no longer be chosen.", o.label),
            ),
        };
        out.push(with_best(
            Finding::error(
                code,
                lang.pick(
                    format!("{it}{}", best_msg(Lang::It)),
                    format!("{en}{}", best_msg(Lang::En)),
                ),
            )
            .field(field)
            .source(osrc),
        ));
        return (out, props);
    }

    if generic {
        let src = generic_source.unwrap_or_else(|| osrc.clone());
        match best {
            Some(b) => out.push(
                Finding::warning(
                    "review.generic-object",
                    lang.pick(
                        format!(
                            "Hai scelto «{}», ma per questa richiesta c'è un oggetto specifico: «{}» (parole trovate: {}). Con l'oggetto generico la risposta non ha tempi garantiti: scegli l'oggetto specifico.",
                            o.label,
                            b.label,
                            quoted(&b.matched)
                        ),
                        format!(
                            "You chose “{}”, but this request has a specific object: “{}” (words found: {}). With the generic object the answer has no guaranteed time: choose the specific object.",
                            o.label,
                            label_of(b, Lang::En),
                            quoted_en(&b.matched)
                        ),
                    ),
                )
                .field(field)
                .suggest(b.label.clone())
                .source(src),
            ),
            None if own.list_missing.is_some() && fallback.is_none() => out.push(
                Finding::info(
                    "review.generic-unchecked",
                    lang.pick(
                        format!("L'elenco degli oggetti di «{}» non è nei documenti: usa «{}» solo se nessun oggetto del menu corrisponde, altrimenti la risposta non ha tempi garantiti.", cassetto.name, o.label),
                        format!("The object list of “{}” is not in the documents: use “{}” only if no object of the menu fits, otherwise the answer has no guaranteed time.", cassetto.name, o.label),
                    ),
                )
                .field(field)
                .source(src),
            ),
            None if text.trim().is_empty() => out.push(
                Finding::warning(
                    "review.generic-no-description",
                    lang.pick(
                        format!("Descrivi la richiesta: «{}» va usato solo se nessun oggetto specifico corrisponde, e con la descrizione si può verificarlo.", o.label),
                        format!("Describe the request: “{}” is only for requests no specific object fits, and the description lets us check that.", o.label),
                    ),
                )
                .field(FormField::Descrizione)
                .source(src),
            ),
            None => out.push(
                Finding::info(
                    "review.generic-ok",
                    lang.pick(
                        format!("Nessun oggetto specifico corrisponde alla descrizione: «{}» è la scelta prevista. Esponi la richiesta in modo chiaro e completo.", o.label),
                        format!("No specific object matches the description: “{}” is the expected choice. Set out the request clearly and in full.", o.label),
                    ),
                )
                .field(field)
                .source(src),
            ),
        }
    } else if let Some(b) =
        best.filter(|b| b.object != o.id && !props.iter().any(|p| p.object == o.id))
    {
        out.push(
            Finding::info(
                "review.object-other-fits",
                lang.pick(
                    format!("La descrizione corrisponde meglio a «{}» (parole trovate: {}): controlla che «{}» sia l'oggetto giusto.", b.label, quoted(&b.matched), o.label),
                    format!("The description matches “{}” better (words found: {}): check that “{}” is the right object.", label_of(b, Lang::En), quoted_en(&b.matched), o.label),
                ),
            )
            .field(field)
            .suggest(b.label.clone()),
        );
    }
    if let Some(ts) = &o.tempo_soglia {
        out.push(
            Finding::info(
                "review.tempo-soglia",
                lang.pick(
                    format!(
                        "Per «{}» il tempo soglia di definizione è di {}.",
                        o.label,
                        soglia_words(ts, Lang::It)
                    ),
                    format!(
                        "For “{}” the threshold for a decision is {}.",
                        o.label,
                        soglia_words(ts, Lang::En)
                    ),
                ),
            )
            .field(field)
            .source(osrc),
        );
    }
    (out, props)
}
