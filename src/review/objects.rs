//! The object picked from the cassetto's titolario: does it exist at the date, is it the
//! generic one ("Non specificato", "altro") when a specific one fits the description (Milano
//! §2, Torino §2.1, §2.2, §2.4: no guaranteed response time), was the generic one eliminated
//! (Emilia Romagna 2019)? The objects that fit are ranked by [`crate::suggest`].

use chrono::NaiveDate;

use super::messages::Problem;
use super::proposal::Proposal;
use crate::catalog::titolario::{self, Oggetto, Status, Titolario};
use crate::finding::{Finding, Lang, Source};
use crate::routing::CassettoInfo;

/// How many objects are proposed.
pub const PROPOSALS: usize = 5;

/// The objects of `t` that fit `text` at `date`, best first, generic objects left out.
pub fn proposals(t: &Titolario, text: &str, date: NaiveDate) -> Vec<Proposal> {
    if text.trim().is_empty() {
        return Vec::new();
    }
    // A loop, not filter + take + map + collect: one copy less of the adapters in the
    // module (issue 15).
    let mut out = Vec::new();
    for s in crate::suggest::suggest(t, text, Some(date), PROPOSALS + 1) {
        if out.len() == PROPOSALS {
            break;
        }
        if t.object(&s.object).is_some_and(|o| is_generic(t, o)) {
            continue;
        }
        out.push(Proposal {
            object: s.object,
            label: s.label,
            label_en: s.label_en,
            classe: s.classe,
            score: s.score,
            matched: s.matched,
            tempo_soglia: s.tempo_soglia,
        });
    }
    out
}

fn is_generic(t: &Titolario, o: &Oggetto) -> bool {
    o.generic || t.generic.as_deref() == Some(o.id.as_str())
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
    let Some(own) = cassetto.titolario.as_deref().and_then(titolario::titolario) else {
        if object.is_some() {
            out.push(
                Problem::TitolarioUnknown {
                    cassetto: &cassetto.name,
                    object: None,
                }
                .finding(lang),
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
            Problem::TitolarioSeeAlso {
                cassetto: &cassetto.name,
                name: &f.name,
                name_en: &f.name_en,
            }
            .finding(lang)
            .source(Source::new(
                own.source.document.clone(),
                own.source.section.clone(),
            )),
        );
    }
    let props = proposals(menu, text, date);
    let best = props.first();

    let with_best = |f: Finding| match best {
        Some(b) => f.suggest(b.label.clone()),
        None => f,
    };
    let source = Source::new(menu.source.document.clone(), menu.source.section.clone());

    let Some(name) = object.map(str::trim).filter(|o| !o.is_empty()) else {
        if own.list_missing.is_none() || fallback.is_some() {
            out.push(with_best(
                Problem::ObjectMissing { best }.finding(lang).source(source),
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
                Problem::TitolarioUnknown {
                    cassetto: &cassetto.name,
                    object: Some(name),
                }
                .finding(lang),
            );
        } else {
            out.push(with_best(
                Problem::ObjectUnknown {
                    object: name,
                    cassetto: &cassetto.name,
                    best,
                }
                .finding(lang)
                .source(source),
            ));
        }
        return (out, props);
    };
    let generic = is_generic(t, o);
    let osrc = Source::new(o.source.document.clone(), o.source.section.clone());

    if !t.is_available(o, Some(date)) {
        let object = o.label.as_str();
        let problem = match (o.status, o.from, o.removed) {
            (_, Some(from), _) if date < from => Problem::ObjectNotYet { object, from, best },
            (_, _, Some(on)) if date >= on => Problem::ObjectRemoved { object, on, best },
            (Status::Eliminated, _, _) if generic => Problem::GenericEliminated { object, best },
            (Status::Legacy, _, _) => Problem::ObjectLegacy { object, best },
            _ => Problem::ObjectEliminated { object, best },
        };
        out.push(with_best(problem.finding(lang).source(osrc)));
        return (out, props);
    }

    if generic {
        let src = generic_source.unwrap_or_else(|| osrc.clone());
        match best {
            Some(b) => out.push(
                Problem::GenericObject {
                    object: &o.label,
                    best: b,
                }
                .finding(lang)
                .suggest(b.label.clone())
                .source(src),
            ),
            None if own.list_missing.is_some() && fallback.is_none() => out.push(
                Problem::GenericUnchecked {
                    cassetto: &cassetto.name,
                    object: &o.label,
                }
                .finding(lang)
                .source(src),
            ),
            None if text.trim().is_empty() => out.push(
                Problem::GenericNoDescription { object: &o.label }
                    .finding(lang)
                    .source(src),
            ),
            None => out.push(
                Problem::GenericOk { object: &o.label }
                    .finding(lang)
                    .source(src),
            ),
        }
    } else if let Some(b) =
        best.filter(|b| b.object != o.id && !props.iter().any(|p| p.object == o.id))
    {
        out.push(
            Problem::ObjectOtherFits {
                object: &o.label,
                best: b,
            }
            .finding(lang)
            .suggest(b.label.clone()),
        );
    }
    if let Some(ts) = &o.tempo_soglia {
        out.push(
            Problem::TempoSoglia {
                object: &o.label,
                soglia: *ts,
            }
            .finding(lang)
            .source(osrc),
        );
    }
    (out, props)
}
