//! Reading a request into what the rules need: the profile and the profiles it inherits in
//! force at the sending date, the calendar, the cassetto and the object. Every problem is a
//! finding; an error stops the timeline (no entries) rather than giving dates for a request
//! that cannot be sent that way.

use crate::field::FormField;
use chrono::NaiveDate;
use std::cell::OnceCell;
use std::sync::Arc;

use crate::calendar::{self, Calendar};
use crate::catalog::profile::{self, Cassetto, Gestione, Kind, Profile, TermKind};
use crate::catalog::titolario::{self, Oggetto, Titolario};
use crate::finding::{Finding, Lang};

use super::messages::Problem;
use super::TimelineRequest;

/// Longest object text looked up (labels are much shorter): longer text is refused before
/// it is folded.
const MAX_OBJECT: usize = 200;

/// A request resolved against its profile.
pub(super) struct Ctx<'p> {
    pub lang: Lang,
    /// The requested profile.
    pub root: &'p Profile,
    /// The profile first, then the profiles it inherits that are in force at `sent`.
    pub chain: Vec<&'p Profile>,
    pub cal: Calendar,
    pub cassetto: Option<&'p Cassetto>,
    /// The object and the titolario it was found in.
    pub object: Option<(&'static Titolario, &'static Oggetto)>,
    pub kind: Kind,
    pub sent: NaiveDate,
    /// The first request of a sollecito, when given and not after `sent`.
    pub first_request: Option<NaiveDate>,
    /// The request as given: its time, notice, regional flag and previous outcome are read
    /// from it as they are.
    pub req: &'p TimelineRequest,
}

impl<'p> Ctx<'p> {
    /// The term of this kind in force at `sent`, from the profile or one it inherits.
    pub fn term(&self, kind: TermKind) -> Option<&'p profile::Term> {
        self.chain.iter().find_map(|p| p.term(kind, self.sent))
    }

    /// The first contact: the first request of a sollecito, else the sending date.
    pub fn first_contact(&self) -> NaiveDate {
        self.first_request.unwrap_or(self.sent)
    }

    /// The gestioni the cassetto serves (empty when no cassetto is known).
    pub fn gestioni(&self) -> &'p [Gestione] {
        self.cassetto.map_or(&[], |c| c.gestioni.as_slice())
    }
}

/// Resolves the request; `None` (with error findings) when it cannot be answered. The
/// profiles it reads are kept in `held`, which the caller owns for as long as it uses the
/// answer (a profile the portal replaces meanwhile stays whole until then).
pub(super) fn context<'p>(
    req: &'p TimelineRequest,
    held: &'p OnceCell<Vec<Arc<Profile>>>,
    findings: &mut Vec<Finding>,
) -> Option<Ctx<'p>> {
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
            Problem::ProfileNotInForce {
                profile: root.name.get(lang),
                from: root.effective.from,
                until: root.effective.until,
                sent,
            }
            .finding(lang)
            .source(crate::finding::Source::new(root.document.file.clone(), "")),
        );
        return None;
    }
    if let Some(trial) = root.trial_until.filter(|t| *t < sent) {
        findings.push(
            Problem::TrialEnded {
                profile: root.name.get(lang),
                until: trial,
            }
            .finding(lang)
            .source(crate::finding::Source::new(root.document.file.clone(), "")),
        );
    }
    let chain: &'p [Arc<Profile>] = held.get_or_init(|| chain(&root, sent));
    // Every field is checked, so that all the problems are said at once.
    let cal = find_calendar(req.sede.as_deref(), chain, lang, findings);
    let resolved = find_cassetto_and_object(req, chain, lang, findings);
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
            findings.push(Problem::FirstRequestAfterSent { first, sent }.finding(lang));
            None
        }
        other => other,
    };
    if let Some(notice) = req.notice {
        if notice < sent {
            findings.push(Problem::NoticeBeforeSent { notice, sent }.finding(lang));
        }
    }
    if let Some(today) = req.today.filter(|t| *t < sent) {
        findings.push(Problem::SentAfterToday { sent, today }.finding(lang));
    }
    Some(Ctx {
        lang,
        // The chain starts with the requested profile.
        root: &chain[0],
        chain: {
            // Loops, not map + collect, in this file: one copy less of each adapter in the
            // module (issue 15).
            let mut refs = Vec::new();
            for p in chain {
                refs.push(&**p);
            }
            refs
        },
        cal,
        cassetto,
        object,
        kind: req.kind.unwrap_or(Kind::Comunicazione),
        sent,
        first_request,
        req,
    })
}

fn find_profile(
    id: &str,
    sede: Option<&str>,
    sent: NaiveDate,
    lang: Lang,
    findings: &mut Vec<Finding>,
) -> Option<Arc<Profile>> {
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
        findings.push(Problem::NationalProfile.finding(lang));
        return profile::profile(profile::NATIONAL);
    }
    let found = profile::profile(id).or_else(|| profile::profile(&id.to_ascii_lowercase()));
    if found.is_none() {
        let mut known = Vec::new();
        for p in profile::profiles() {
            known.push(p.id.clone());
        }
        findings.push(
            Problem::UnknownProfile {
                given: id,
                known: &known,
            }
            .finding(lang),
        );
    }
    found
}

/// The profile and the profiles it inherits ([`crate::routing::chain`]), keeping the
/// inherited ones in force at `date`.
fn chain(root: &Arc<Profile>, date: NaiveDate) -> Vec<Arc<Profile>> {
    let mut out = crate::routing::chain(root);
    out.retain(|p| p.id == root.id || p.in_force(date));
    out
}

fn find_calendar(
    sede: Option<&str>,
    chain: &[Arc<Profile>],
    lang: Lang,
    findings: &mut Vec<Finding>,
) -> Option<Calendar> {
    let territorial = chain.iter().any(|p| !p.sedi.is_empty());
    let mut sedi: Vec<String> = Vec::new();
    for p in chain {
        for s in &p.sedi {
            sedi.push(s.id.clone());
        }
    }
    let Some(id) = sede.map(str::trim).filter(|s| !s.is_empty()) else {
        if territorial {
            findings.push(Problem::NationalCalendar { sedi: &sedi }.finding(lang));
        }
        return Some(Calendar::national());
    };
    let Some(cal) = Calendar::for_sede(id) else {
        let sedi = territorial.then_some(sedi.as_slice());
        findings.push(Problem::UnknownSede { given: id, sedi }.finding(lang));
        return None;
    };
    let sede_id = cal.sede_id().unwrap_or_default();
    if territorial && !chain.iter().any(|p| p.sede(sede_id).is_some()) {
        let name = cal.sede().map_or(sede_id, |s| s.name.as_str());
        findings.push(
            Problem::SedeNotInProfile {
                sede: name,
                profile: chain.first().map_or("", |p| p.name.get(lang)),
                sedi: &sedi,
            }
            .finding(lang),
        );
        return None;
    }
    Some(cal)
}

type Resolved<'p> = (
    Option<&'p Cassetto>,
    Option<(&'static Titolario, &'static Oggetto)>,
);

fn find_cassetto_and_object<'p>(
    req: &TimelineRequest,
    chain: &'p [Arc<Profile>],
    lang: Lang,
    findings: &mut Vec<Finding>,
) -> Option<Resolved<'p>> {
    let sent = req.sent;
    let mut cassetti: Vec<&'p Cassetto> = Vec::new();
    for p in chain {
        cassetti.extend(&p.cassetti);
    }
    let cassetto = match req
        .cassetto
        .as_deref()
        .map(str::trim)
        .filter(|s| !s.is_empty())
    {
        None => None,
        Some(raw) => {
            // The one normaliser of ids (`text::id_key`), as `route` and `review` read the
            // gestione: text that cannot be an id matches no cassetto.
            let id = crate::text::id_key(raw).unwrap_or_default();
            // By id, else by gestione: the last one in force, else the last one (what
            // max_by_key over `in_force` gives), by loops, not filter + max_by_key
            // (issue 15).
            let g = Gestione::parse(&id);
            let (mut by_id, mut by_gestione) = (None::<&'p Cassetto>, None::<&'p Cassetto>);
            for &c in &cassetti {
                let later =
                    |b: Option<&Cassetto>| b.is_none_or(|b| c.in_force(sent) >= b.in_force(sent));
                if c.cassetto == id && later(by_id) {
                    by_id = Some(c);
                }
                if g.is_some_and(|g| c.gestioni.contains(&g)) && later(by_gestione) {
                    by_gestione = Some(c);
                }
            }
            let found = by_id.or(by_gestione);
            let Some(c) = found else {
                let mut ids = Vec::new();
                for c in &cassetti {
                    ids.push(c.cassetto.clone());
                }
                findings.push(
                    Problem::UnknownCassetto {
                        given: raw,
                        profile: chain.first().map_or("", |p| p.name.get(lang)),
                        ids: &ids,
                    }
                    .finding(lang),
                );
                return None;
            };
            if !c.in_force(sent) {
                findings.push(
                    Problem::CassettoNotInForce {
                        cassetto: c.name.get(lang),
                        from: c.from,
                        until: c.until,
                        sent,
                    }
                    .finding(lang)
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
            Problem::ObjectUnchecked {
                cassetto: c.name.get(lang),
                given: raw,
            }
            .finding(lang)
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
            let mut own: Vec<&'p Cassetto> = Vec::new();
            if let Some(p) = chain.first() {
                for c in &p.cassetti {
                    if c.in_force(sent) {
                        own.push(c);
                    }
                }
            }
            let hits = find_in(&own, raw);
            if hits.is_empty() && own.iter().all(|c| c.titolario.is_some()) {
                let mut inherited: Vec<&'p Cassetto> = Vec::new();
                for p in chain.iter().skip(1) {
                    inherited.extend(p.cassetti.iter().filter(|c| c.in_force(sent)));
                }
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
            let mut ids = Vec::new();
            for (c, ..) in many {
                ids.push(c.cassetto.clone());
            }
            findings.push(
                Problem::CassettoNeeded {
                    given: raw,
                    ids: &ids,
                }
                .finding(lang),
            );
            return None;
        }
    };
    if via {
        let own = c.titolario.as_deref().and_then(titolario::titolario);
        findings.push(
            Problem::ObjectFromOtherList {
                own,
                object: &o.label,
                list: t,
            }
            .finding(lang)
            .source(t.source.clone()),
        );
    }
    if !o.is_available(Some(sent)) {
        not_offered(t, o, sent, lang, findings);
        return None;
    }
    Some((Some(c), Some((t, o))))
}

type Hit<'p> = (&'p Cassetto, &'static Titolario, &'static Oggetto, bool);

/// The cassetti whose menu has the object (each cassetto once).
fn find_in<'p>(cassetti: &[&'p Cassetto], raw: &str) -> Vec<Hit<'p>> {
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
    findings.push(
        Problem::UnknownObject {
            given: raw,
            cassetto: cassetto.map(|c| c.name.get(lang)),
            menu,
        }
        .finding(lang),
    );
}

fn not_offered(
    t: &Titolario,
    o: &Oggetto,
    sent: NaiveDate,
    lang: Lang,
    findings: &mut Vec<Finding>,
) {
    findings.push(
        Problem::ObjectNotOffered {
            titolario: t,
            object: o,
            sent,
        }
        .finding(lang)
        .source(o.source.clone()),
    );
}
