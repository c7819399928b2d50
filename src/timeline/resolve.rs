//! Reading a request into what the rules need: the profile and the profiles it inherits in
//! force at the sending date, the calendar, the cassetto and the object. Every problem is a
//! finding; an error stops the timeline (no entries) rather than giving dates for a request
//! that cannot be sent that way.

use crate::field::{Field, FormField};
use chrono::{NaiveDate, NaiveTime};

use crate::calendar::{self, Calendar};
use crate::catalog::profile::{self, Cassetto, Gestione, Kind, Previous, Profile, TermKind};
use crate::catalog::titolario::{self, Oggetto, Status, Titolario};
use crate::dates::{clip, it};
use crate::finding::{Finding, Lang};
use crate::text::fold_words;

use super::words::{day, list};
use super::TimelineRequest;

/// Longest object text looked up (labels are much shorter): longer text is refused before
/// it is folded.
const MAX_OBJECT: usize = 200;

/// A request resolved against its profile.
pub(super) struct Ctx {
    pub lang: Lang,
    /// The requested profile.
    pub root: &'static Profile,
    /// The profile first, then the profiles it inherits that are in force at `sent`.
    pub chain: Vec<&'static Profile>,
    pub cal: Calendar,
    pub cassetto: Option<&'static Cassetto>,
    /// The object and the titolario it was found in.
    pub object: Option<(&'static Titolario, &'static Oggetto)>,
    pub kind: Kind,
    pub sent: NaiveDate,
    pub time: Option<NaiveTime>,
    pub notice: Option<NaiveDate>,
    pub regional: bool,
    /// The first request of a sollecito, when given and not after `sent`.
    pub first_request: Option<NaiveDate>,
    pub previous: Option<Previous>,
}

impl Ctx {
    /// The term of this kind in force at `sent`, from the profile or one it inherits.
    pub fn term(&self, kind: TermKind) -> Option<&'static profile::Term> {
        self.chain.iter().find_map(|p| p.term(kind, self.sent))
    }

    /// The first contact: the first request of a sollecito, else the sending date.
    pub fn first_contact(&self) -> NaiveDate {
        self.first_request.unwrap_or(self.sent)
    }

    /// The gestioni the cassetto serves (empty when no cassetto is known).
    pub fn gestioni(&self) -> &'static [Gestione] {
        self.cassetto.map_or(&[], |c| c.gestioni.as_slice())
    }
}

/// Resolves the request; `None` (with error findings) when it cannot be answered.
pub(super) fn context(req: &TimelineRequest, findings: &mut Vec<Finding>) -> Option<Ctx> {
    let lang = req.lang;
    let before = findings.len();
    let root = find_profile(&req.profile, req.sede.as_deref(), req.sent, lang, findings);
    if let Err(e) = calendar::check_date(req.sent) {
        findings.push(e.finding(FormField::DataInvio, lang));
    }
    let root = root?;
    if findings.iter().skip(before).any(Finding::is_error) {
        return None;
    }
    let sent = req.sent;
    if !root.in_force(sent) {
        findings.push(
            Finding::error(
                "timeline.profile-not-in-force",
                match root.effective.until {
                    Some(until) => lang.pick(
                        format!("Il profilo «{}» vale dal {} al {}: una richiesta inviata il {} non è coperta. Controlla la data di invio o scegli il profilo in vigore a quella data.", root.name.get(lang), it(root.effective.from), it(until), it(sent)),
                        format!("The profile “{}” applies from {} to {}: a request sent on {} is not covered. Check the sending date or choose the profile in force on that date.", root.name.get(lang), day(root.effective.from, lang), day(until, lang), day(sent, lang)),
                    ),
                    None => lang.pick(
                        format!("Il profilo «{}» vale dal {}: una richiesta inviata il {} non è coperta. Controlla la data di invio o scegli il profilo in vigore a quella data.", root.name.get(lang), it(root.effective.from), it(sent)),
                        format!("The profile “{}” applies from {}: a request sent on {} is not covered. Check the sending date or choose the profile in force on that date.", root.name.get(lang), day(root.effective.from, lang), day(sent, lang)),
                    ),
                },
            )
            .field(FormField::DataInvio)
            .source(crate::finding::Source::new(root.document.file.clone(), "")),
        );
        return None;
    }
    if let Some(trial) = root.trial_until.filter(|t| *t < sent) {
        findings.push(Finding::warning(
            "timeline.trial-ended",
            lang.pick(
                format!("Il protocollo «{}» era sperimentale fino al {}: verifica con l'Ordine se è stato prorogato. Le date sono calcolate con le sue regole.", root.name.get(lang), it(trial)),
                format!("The protocol “{}” was a trial until {}: check with the Ordine whether it was extended. The dates follow its rules.", root.name.get(lang), day(trial, lang)),
            ),
        ).source(crate::finding::Source::new(root.document.file.clone(), "")));
    }
    let chain = chain(root, sent);
    // Every field is checked, so that all the problems are said at once.
    let cal = find_calendar(req.sede.as_deref(), &chain, lang, findings);
    let resolved = find_cassetto_and_object(req, &chain, lang, findings);
    let notice_ok = req.notice.is_none_or(|n| match calendar::check_date(n) {
        Ok(()) => true,
        Err(e) => {
            findings.push(e.finding(FormField::DataRichiesta, lang));
            false
        }
    });
    let first_ok = req
        .first_request
        .is_none_or(|n| match calendar::check_date(n) {
            Ok(()) => true,
            Err(e) => {
                findings.push(e.finding(FormField::DataPrimaRichiesta, lang));
                false
            }
        });
    let (Some(cal), Some((cassetto, object)), true, true) = (cal, resolved, notice_ok, first_ok)
    else {
        return None;
    };
    let first_request = match req.first_request {
        Some(first) if first > sent => {
            findings.push(
                Finding::warning(
                    "timeline.first-request-after-sent",
                    lang.pick(
                        format!("La data della prima richiesta ({}) è successiva all'invio del sollecito ({}): è stata ignorata, le date partono dall'invio. Controlla le due date.", it(first), it(sent)),
                        format!("The first request's date ({}) is after the reminder is sent ({}): it was ignored, the dates count from the sending date. Check both dates.", day(first, lang), day(sent, lang)),
                    ),
                )
                .field(FormField::DataPrimaRichiesta),
            );
            None
        }
        other => other,
    };
    if let Some(notice) = req.notice {
        if notice < sent {
            findings.push(
                Finding::warning(
                    "timeline.notice-before-sent",
                    lang.pick(
                        format!("La data in cui l'INPS ti ha contattato ({}) è precedente all'invio della richiesta ({}): controlla le due date.", it(notice), it(sent)),
                        format!("The day INPS got in touch ({}) is before the request was sent ({}): check both dates.", day(notice, lang), day(sent, lang)),
                    ),
                )
                .field(Field::input("notice")),
            );
        }
    }
    if let Some(today) = req.today.filter(|t| *t < sent) {
        findings.push(
            Finding::info(
                "timeline.sent-after-today",
                lang.pick(
                    format!(
                        "La data di invio ({}) è dopo oggi ({}): le date sono una previsione.",
                        it(sent),
                        it(today)
                    ),
                    format!(
                        "The sending date ({}) is after today ({}): the dates are a forecast.",
                        day(sent, lang),
                        day(today, lang)
                    ),
                ),
            )
            .field(FormField::DataInvio),
        );
    }
    Some(Ctx {
        lang,
        root,
        chain,
        cal,
        cassetto,
        object,
        kind: req.kind.unwrap_or(Kind::Comunicazione),
        sent,
        time: req.time,
        notice: req.notice,
        regional: req.regional,
        first_request,
        previous: req.previous,
    })
}

fn find_profile(
    id: &str,
    sede: Option<&str>,
    sent: NaiveDate,
    lang: Lang,
    findings: &mut Vec<Finding>,
) -> Option<&'static Profile> {
    let id = id.trim();
    // The national baseline named with a sede of a territorial protocol (the widget's
    // default profile, then a sede chosen): the territory's protocol applies.
    let national = profile::profile(id).is_some_and(|p| p.id == profile::NATIONAL);
    let territorial = sede
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .and_then(|s| profile::profile_for_sede(s, sent));
    if let (true, Some(p)) = (national, territorial) {
        return Some(p);
    }
    if id.is_empty() {
        // No profile: the territorial profile of the sede, else the national baseline
        // (issue 13).
        let sede = sede.map(str::trim).filter(|s| !s.is_empty());
        if let Some(p) = sede.and_then(|s| profile::profile_for_sede(s, sent)) {
            return Some(p);
        }
        findings.push(
            Finding::info(
                "timeline.national-profile",
                lang.pick(
                    "Nessun protocollo territoriale indicato o competente per la sede: le date seguono le regole nazionali (profilo «nazionale»), che non fissano tempi di risposta né contatti per i solleciti.",
                    "No territorial protocol given or competent for the sede: the dates follow the national rules (profile “nazionale”), which set no response times and no escalation contacts.",
                ),
            )
            .field(Field::input("profile")),
        );
        return profile::profile(profile::NATIONAL);
    }
    let found = profile::profile(id).or_else(|| profile::profile(&id.to_ascii_lowercase()));
    if found.is_none() {
        let known: Vec<String> = profile::profiles().iter().map(|p| p.id.clone()).collect();
        findings.push(
            Finding::error(
                "timeline.unknown-profile",
                lang.pick(
                    format!(
                        "«{}» non è un profilo conosciuto: indica uno di questi: {}.",
                        clip(id),
                        list(&known)
                    ),
                    format!(
                        "“{}” is not a known profile: give one of these: {}.",
                        clip(id),
                        list(&known)
                    ),
                ),
            )
            .field(Field::input("profile")),
        );
    }
    found
}

/// The profile and the profiles it inherits ([`crate::routing::chain`]), keeping the
/// inherited ones in force at `date`.
fn chain(root: &'static Profile, date: NaiveDate) -> Vec<&'static Profile> {
    let mut out = crate::routing::chain(root);
    out.retain(|p| p.id == root.id || p.in_force(date));
    out
}

fn find_calendar(
    sede: Option<&str>,
    chain: &[&'static Profile],
    lang: Lang,
    findings: &mut Vec<Finding>,
) -> Option<Calendar> {
    let territorial = chain.iter().any(|p| !p.sedi.is_empty());
    let sedi: Vec<String> = chain
        .iter()
        .flat_map(|p| p.sedi.iter().map(|s| s.id.clone()))
        .collect();
    let Some(id) = sede.map(str::trim).filter(|s| !s.is_empty()) else {
        if territorial {
            findings.push(
                Finding::info(
                    "timeline.national-calendar",
                    lang.pick(
                        format!("Date calcolate con il calendario nazionale: indica la sede ({}) per contare anche la festa del patrono.", list(&sedi)),
                        format!("Dates computed with the national calendar: give the sede ({}) to count its patron day too.", list(&sedi)),
                    ),
                )
                .field(FormField::Sede),
            );
        }
        return Some(Calendar::national());
    };
    let Some(cal) = Calendar::for_sede(id) else {
        findings.push(
            Finding::error(
                "timeline.unknown-sede",
                if territorial {
                    lang.pick(
                        format!("«{}» non è una sede conosciuta: indica una di queste: {}, oppure lascia vuoto per il calendario nazionale.", clip(id), list(&sedi)),
                        format!("“{}” is not a known sede: give one of these: {}, or leave it empty for the national calendar.", clip(id), list(&sedi)),
                    )
                } else {
                    lang.pick(
                        format!("«{}» non è una sede conosciuta: indica l'identificativo di una sede, per esempio «milano» o «torino-nord», oppure lascia vuoto per il calendario nazionale.", clip(id)),
                        format!("“{}” is not a known sede: give a sede's id, for example “milano” or “torino-nord”, or leave it empty for the national calendar.", clip(id)),
                    )
                },
            )
            .field(FormField::Sede),
        );
        return None;
    };
    let sede_id = cal.sede_id().unwrap_or_default();
    if territorial && !chain.iter().any(|p| p.sede(sede_id).is_some()) {
        let name = cal.sede().map_or(sede_id, |s| s.name.as_str());
        findings.push(
            Finding::error(
                "timeline.sede-not-in-profile",
                lang.pick(
                    format!("La sede «{name}» non è tra le sedi del profilo «{}»: indica una di queste: {}.", chain.first().map_or("", |p| p.name.get(lang)), list(&sedi)),
                    format!("The sede “{name}” is not one of the profile “{}”: give one of these: {}.", chain.first().map_or("", |p| p.name.get(lang)), list(&sedi)),
                ),
            )
            .field(FormField::Sede),
        );
        return None;
    }
    Some(cal)
}

type Resolved = (
    Option<&'static Cassetto>,
    Option<(&'static Titolario, &'static Oggetto)>,
);

fn find_cassetto_and_object(
    req: &TimelineRequest,
    chain: &[&'static Profile],
    lang: Lang,
    findings: &mut Vec<Finding>,
) -> Option<Resolved> {
    let sent = req.sent;
    let cassetti: Vec<&'static Cassetto> = chain.iter().flat_map(|p| p.cassetti.iter()).collect();
    let cassetto = match req
        .cassetto
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        None => None,
        Some(raw) => {
            let id = normalise_id(raw);
            let by_id = cassetti
                .iter()
                .copied()
                .filter(|c| c.cassetto == id)
                .max_by_key(|c| c.in_force(sent));
            let found = by_id.or_else(|| {
                let g = Gestione::parse(&id)?;
                cassetti
                    .iter()
                    .copied()
                    .filter(|c| c.gestioni.contains(&g))
                    .max_by_key(|c| c.in_force(sent))
            });
            let Some(c) = found else {
                let ids: Vec<String> = cassetti.iter().map(|c| c.cassetto.clone()).collect();
                findings.push(
                    Finding::error(
                        "timeline.unknown-cassetto",
                        lang.pick(
                            format!("«{}» non è un cassetto del profilo «{}»: indica uno di questi: {}.", clip(raw), chain.first().map_or("", |p| p.name.get(lang)), list(&ids)),
                            format!("“{}” is not a cassetto of the profile “{}”: give one of these: {}.", clip(raw), chain.first().map_or("", |p| p.name.get(lang)), list(&ids)),
                        ),
                    )
                    .field(FormField::Gestione),
                );
                return None;
            };
            if !c.in_force(sent) {
                findings.push(
                    Finding::error(
                        "timeline.cassetto-not-in-force",
                        match (c.from, c.until) {
                            (Some(from), _) if sent < from => lang.pick(
                                format!("Il «{}» c'è dal {}: una richiesta inviata il {} non poteva passare da lì. Controlla la data di invio.", c.name.get(lang), it(from), it(sent)),
                                format!("The “{}” exists from {}: a request sent on {} could not go through it. Check the sending date.", c.name.get(lang), day(from, lang), day(sent, lang)),
                            ),
                            (_, Some(until)) => lang.pick(
                                format!("Il «{}» era offerto fino al {}: una richiesta inviata il {} non può passare da lì.", c.name.get(lang), it(until), it(sent)),
                                format!("The “{}” was offered until {}: a request sent on {} cannot go through it.", c.name.get(lang), day(until, lang), day(sent, lang)),
                            ),
                            _ => lang.pick(
                                format!("Il «{}» non è offerto il {}.", c.name.get(lang), it(sent)),
                                format!("The “{}” is not offered on {}.", c.name.get(lang), day(sent, lang)),
                            ),
                        },
                    )
                    .field(FormField::Gestione)
                    .source(c.source.clone()),
                );
                return None;
            }
            Some(c)
        }
    };
    let Some(raw) = req
        .object
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    else {
        return Some((cassetto, None));
    };
    if let Some(c) = cassetto.filter(|c| c.titolario.is_none()) {
        // No source lists this cassetto's objects: the object cannot be checked, and has no
        // threshold. The timeline goes on with the profile's times.
        findings.push(
            Finding::warning(
                "timeline.object-unchecked",
                lang.pick(
                    format!("L'elenco degli oggetti del «{}» non è nei documenti: l'oggetto «{}» non si può controllare e non ha un tempo soglia. Le date seguono i tempi del profilo.", c.name.get(lang), clip(raw)),
                    format!("The object list of the “{}” is not in the documents: the object “{}” cannot be checked and has no threshold. The dates follow the profile's times.", c.name.get(lang), clip(raw)),
                ),
            )
            .field(FormField::Oggetto)
            .source(c.source.clone()),
        );
        return Some((cassetto, None));
    }
    let mut hits = match cassetto {
        Some(c) => find_in(&[c], raw),
        None => {
            // The requested profile's own cassetti first; the inherited ones (the national
            // GDP cassetto) only when every own cassetto has a known menu, or an object of
            // a menu no document lists could be taken for one of another cassetto.
            let own: Vec<&'static Cassetto> = chain
                .first()
                .map(|p| p.cassetti.iter().filter(|c| c.in_force(sent)).collect())
                .unwrap_or_default();
            let hits = find_in(&own, raw);
            if hits.is_empty() && own.iter().all(|c| c.titolario.is_some()) {
                let inherited: Vec<&'static Cassetto> = chain
                    .iter()
                    .skip(1)
                    .flat_map(|p| p.cassetti.iter())
                    .filter(|c| c.in_force(sent))
                    .collect();
                find_in(&inherited, raw)
            } else {
                hits
            }
        }
    };
    hits.dedup_by(|a, b| a.0.cassetto == b.0.cassetto);
    let (c, t, o, via) = match hits.as_slice() {
        [one] => *one,
        [] => {
            unknown_object(raw, cassetto, lang, findings);
            return None;
        }
        many => {
            let ids: Vec<String> = many.iter().map(|(c, ..)| c.cassetto.clone()).collect();
            findings.push(
                Finding::error(
                    "timeline.cassetto-needed",
                    lang.pick(
                        format!("L'oggetto «{}» è nei menu di più cassetti ({}): indica il cassetto.", clip(raw), list(&ids)),
                        format!("The object “{}” is in the menus of several cassetti ({}): give the cassetto.", clip(raw), list(&ids)),
                    ),
                )
                .field(FormField::Gestione),
            );
            return None;
        }
    };
    if via {
        let own = c.titolario.as_deref().and_then(titolario::titolario);
        findings.push(
            Finding::info(
                "timeline.object-from-other-list",
                lang.pick(
                    format!("L'elenco degli oggetti di «{}» non è nel documento: «{}» è stato trovato nell'elenco «{}».", own.map_or("", |x| x.name.as_str()), o.label, t.name),
                    format!("The object list of “{}” is not in the document: “{}” was found in the list “{}”.", own.map_or("", |x| x.name_en.as_str()), o.label, t.name_en),
                ),
            )
            .field(FormField::Oggetto)
            .source(t.source.clone()),
        );
    }
    if !o.is_available(Some(sent)) {
        not_offered(t, o, sent, lang, findings);
        return None;
    }
    Some((Some(c), Some((t, o))))
}

type Hit = (
    &'static Cassetto,
    &'static Titolario,
    &'static Oggetto,
    bool,
);

/// The cassetti whose menu has the object (each cassetto once).
fn find_in(cassetti: &[&'static Cassetto], raw: &str) -> Vec<Hit> {
    let mut hits: Vec<Hit> = Vec::new();
    if raw.chars().count() > MAX_OBJECT {
        return hits;
    }
    for c in cassetti {
        if let Some((t, o, via)) = c.titolario.as_deref().and_then(|id| lookup(id, raw)) {
            if !hits.iter().any(|(h, ..)| h.cassetto == c.cassetto) {
                hits.push((c, t, o, via));
            }
        }
    }
    hits
}

/// The object in the titolario `id`, or in the titolario it points to when its own list is
/// missing from the documents (Milano's aziende list → Torino's). The flag says whether the
/// other list was used.
fn lookup(id: &str, raw: &str) -> Option<(&'static Titolario, &'static Oggetto, bool)> {
    let t = titolario::titolario(id)?;
    if let Some(o) = t.object(raw) {
        return Some((t, o, false));
    }
    if t.list_missing.is_some() {
        let other = titolario::titolario(t.see_also.as_deref()?)?;
        return other.object(raw).map(|o| (other, o, true));
    }
    None
}

fn unknown_object(raw: &str, cassetto: Option<&Cassetto>, lang: Lang, findings: &mut Vec<Finding>) {
    let menu = cassetto
        .and_then(|c| c.titolario.as_deref())
        .and_then(titolario::titolario);
    let message = match (cassetto, menu) {
        (Some(c), None) => lang.pick(
            format!("L'elenco degli oggetti del «{}» non è nei documenti: l'oggetto «{}» non si può controllare. Lascia vuoto l'oggetto per i tempi del profilo.", c.name.get(lang), clip(raw)),
            format!("The object list of the “{}” is not in the documents: the object “{}” cannot be checked. Leave the object empty for the profile's times.", c.name.get(lang), clip(raw)),
        ),
        (_, Some(t)) => {
            let example = t.objects().find(|o| o.status == Status::Active && !o.generic);
            lang.pick(
                format!("«{}» non è un oggetto del menu «{}»: scrivi l'oggetto come è nel menu del cassetto{}.", clip(raw), t.name, example.map(|o| format!(", per esempio «{}»", o.label)).unwrap_or_default()),
                format!("“{}” is not an object of the menu “{}”: write the object as the cassetto's menu does{}.", clip(raw), t.name_en, example.map(|o| format!(", for example “{}”", o.label)).unwrap_or_default()),
            )
        }
        (None, None) => lang.pick(
            format!("«{}» non è un oggetto dei menu dei cassetti del profilo: indica il cassetto e scrivi l'oggetto come è nel suo menu.", clip(raw)),
            format!("“{}” is not an object of the profile's cassetti menus: give the cassetto and write the object as its menu does.", clip(raw)),
        ),
    };
    findings.push(Finding::error("timeline.unknown-object", message).field(FormField::Oggetto));
}

fn not_offered(
    t: &Titolario,
    o: &Oggetto,
    sent: NaiveDate,
    lang: Lang,
    findings: &mut Vec<Finding>,
) {
    let name = lang.pick(&t.name, &t.name_en);
    let message = match (o.status, o.from, o.removed) {
        (Status::Eliminated, ..) => lang.pick(
            format!("L'oggetto «{}» è ELIMINATO nel titolario «{name}»: scegli l'oggetto specifico che corrisponde alla richiesta.", o.label),
            format!("The object “{}” is ELIMINATO (removed) in the titolario “{name}”: choose the specific object that fits the request.", o.label),
        ),
        (Status::Legacy, ..) => lang.pick(
            format!("L'oggetto «{}» è tra gli «Oggetti precedenti» di «{name}»: non si sceglie per nuove comunicazioni e non ha un tempo soglia. Scegli un oggetto attuale.", o.label),
            format!("The object “{}” is one of the “Oggetti precedenti” (former objects) of “{name}”: it is not chosen for new communications and has no threshold. Choose a current object.", o.label),
        ),
        (_, Some(from), _) if sent < from => lang.pick(
            format!("L'oggetto «{}» c'è dal {}: per una richiesta inviata il {} non era nel menu.", o.label, it(from), it(sent)),
            format!("The object “{}” exists from {}: for a request sent on {} it was not in the menu.", o.label, day(from, lang), day(sent, lang)),
        ),
        (_, _, Some(removed)) => lang.pick(
            format!("L'oggetto «{}» è inibito dal {}: per una richiesta inviata il {} scegli un altro oggetto.", o.label, it(removed), it(sent)),
            format!("The object “{}” is blocked from {}: for a request sent on {} choose another object.", o.label, day(removed, lang), day(sent, lang)),
        ),
        _ => lang.pick(
            format!("L'oggetto «{}» non è nel menu il {}: scegli un altro oggetto.", o.label, it(sent)),
            format!("The object “{}” is not in the menu on {}: choose another object.", o.label, day(sent, lang)),
        ),
    };
    findings.push(
        Finding::error("timeline.object-not-offered", message)
            .field(FormField::Oggetto)
            .source(o.source.clone()),
    );
}

/// `"Aziende DM"`, `"aziende_dm"` → `"aziende-dm"`.
fn normalise_id(s: &str) -> String {
    fold_words(s).replace(' ', "-")
}
