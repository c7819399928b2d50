//! Routing: from what a form knows (profile or sede, gestione, kind of request, date,
//! description), which channel to use, which address or cassetto menu, what the subject or
//! the booking must hold, and why, citing the rule.
//!
//! The rules are data (see [`crate::catalog::profile`]): this module only chooses among
//! them. Among the rules of a profile (and of the profiles it inherits) that are in force
//! on the date and fit the gestione and the kind, the most specific wins (a rule that asks
//! for an escalation level, then one that asks how the earlier request went), then the one
//! that started last (a national rule of 2023 supersedes a local one of 2018), then the
//! first in the file.
//!
//! The core takes a typed [`Request`] ([`route_request`]): the widget builds one from the
//! values it holds. [`Facts`] is the text front door a portal passes through the bindings:
//! [`Facts::read`] (one field at a time, [`Reader`]) turns each text into its typed value and
//! what it cannot read into a finding; [`route`] is that reading, then the core.
//!
//! ```
//! use instrada::finding::Lang;
//! use instrada::routing::{route, Facts};
//!
//! let facts = Facts {
//!     sede: Some("milano-nord".into()),
//!     gestione: Some("aziende-dm".into()),
//!     kind: Some("durc".into()),
//!     date: Some("2024-05-06".into()),
//!     ..Facts::default()
//! };
//! let r = route(&facts, Lang::It);
//! assert_eq!(r.step.channel.id(), "email");
//! assert_eq!(r.step.addresses[0].address, "preavvisodiaccertamento.milanonord@inps.it");
//! ```

mod facts;
pub mod messages;
pub mod online;
mod result;

pub use facts::{Facts, Reader, Request};
use messages::{ActedNote, NoChannel, Problem};
pub use result::{Address, CassettoInfo, ListedMatch, Phone, Route, Step};

use chrono::NaiveDate;
use std::sync::Arc;

use crate::catalog::profile::{
    self, Channel, Gestione, Kind, Level, MailboxKind, Previous, Profile, Rule,
    GESTIONE_PLACEHOLDER,
};
use crate::catalog::titolario;
use crate::finding::{Finding, Lang, Severity, Source};

/// Routes a request given as text. Never fails: what cannot be read or routed is a
/// finding, and the channel is then [`Channel::Nessuno`].
pub fn route(facts: &Facts, lang: Lang) -> Route {
    // Without the built-in profiles (their file still on its way) nothing can be routed.
    if let Some(f) = crate::catalog::data::pending(lang) {
        return Route::refused(f, lang);
    }
    let (request, read) = facts.read(lang);
    let mut out = route_request(&request, lang);
    // What could not be read comes first, as the reading comes first.
    crate::finding::prepend(&mut out.findings, read);
    out
}

/// Routes a typed request: the core of [`route`], and what the review and the widget call
/// with the values they hold.
pub fn route_request(r: &Request, lang: Lang) -> Route {
    let date = r.on();
    let description = r.description.trim();
    let mut out = Route {
        ok: false,
        profile: r.profile.as_ref().map(|p| p.id.clone()),
        sede: r.sede.clone(),
        gestione: r.gestione,
        kind: r.kind,
        date: r.date.map(crate::dates::iso),
        step: Step::none(NoChannel::Incomplete.why(lang), None),
        alternatives: Vec::new(),
        listed: None,
        findings: Vec::new(),
    };
    let (Some(held), Some(gestione), Some(kind)) = (&r.profile, r.gestione, r.kind) else {
        return out;
    };
    let p: &Profile = held;
    if !p.in_force(date) {
        let ended = p.effective.until.filter(|u| date > *u);
        out.findings.push(
            Problem::ProfileNotInForce { profile: p, ended }
                .finding(lang)
                .source(doc_source(p)),
        );
        return out;
    }

    let chain = chain(held);
    let mut kind = kind;
    // A `domanda` is classified by the description unless a rule takes it as it is (Siena);
    // one declared non-online is still checked against the online-only list.
    let classify = match kind {
        Kind::Domanda => !has_rule_for(&chain, kind, gestione, date),
        Kind::DomandaNonTelematizzata => true,
        _ => false,
    };
    if classify {
        // Folded only here: the review sends every description through the route.
        let prepared = online::prepare(description);
        kind = classify_domanda(p, kind, &prepared, lang, &mut out);
    } else if !description.trim().is_empty() {
        // Whatever kind the form chose, a request the L. 122/2010 lists name is said to be
        // online-only (Milano §1.1, Torino §1.1): the channel chosen stays, for what is
        // not the request itself (issue 13).
        if let Some(f) = online_only_notice(&chain, kind, description, lang, &mut out) {
            out.findings.push(f);
        }
    }
    out.kind = Some(kind);

    let chosen = choose(&chain, gestione, kind, r.previous, r.level, date);
    // Torino §2.5: accentramento has its own exclusive box; recognised from the description
    // ("accentramento", "accentrato", "matricola accentrata").
    let chosen = accentramento(&chain, kind, description, r.accentramento, date).or(chosen);
    let Some((rp, rule)) = chosen else {
        out.step = Step::none(
            NoChannel::NotCovered {
                profile: p,
                kind,
                gestione,
            }
            .why(lang),
            Some(doc_source(p)),
        );
        out.findings.push(
            Problem::NotCovered { kind, gestione }
                .finding(lang)
                .source(doc_source(p)),
        );
        // What the profile says of the case even without a channel (the national baseline:
        // "only local e-mail boxes for this gestione").
        for q in chain.iter().filter(|q| q.id == p.id) {
            for n in q
                .notes
                .iter()
                .filter(|n| n.applies(date, Some(kind), Some(gestione), None))
            {
                out.findings.push(note_finding(n, lang));
            }
        }
        return out;
    };

    out.ok = true;
    out.step = step(
        p,
        &chain,
        rp,
        rule,
        gestione,
        r.sede.as_deref(),
        date,
        lang,
        &mut out.findings,
    );
    for n in rule
        .notes
        .iter()
        .filter(|n| n.applies(date, Some(kind), Some(gestione), Some(rule.channel)))
    {
        out.findings.push(note_finding(n, lang));
    }
    // The profile's own notes, and those of the inherited profile whose rule was chosen.
    for q in chain.iter().filter(|q| q.id == p.id || q.id == rp.id) {
        for n in q
            .notes
            .iter()
            .filter(|n| n.applies(date, Some(kind), Some(gestione), Some(rule.channel)))
        {
            out.findings.push(note_finding(n, lang));
        }
    }
    sport_period(&mut out, gestione, r.period, lang);
    // Loops, not iterator chains collected into vectors, in this file: one copy less of
    // each adapter in the module (issue 15).
    for alt in rule.alternatives.iter().filter_map(|id| rp.rule(id)) {
        if alt.in_force(rp.effective.from, date)
            && (alt.gestioni.is_empty() || alt.gestioni.contains(&gestione))
            // A rule that exists only as an alternative serves its own kinds of request
            // (the CODER's reminder box is not an alternative for a comunicazione).
            && (!alt.alternative_only || alt.kinds.contains(&kind))
        {
            out.alternatives.push(step(
                p,
                &chain,
                rp,
                alt,
                gestione,
                r.sede.as_deref(),
                date,
                lang,
                &mut Vec::new(),
            ));
        }
    }
    out
}

/// The last contribution period Torino's box serves for sport e spettacolo: «per periodi
/// contributivi fino al 12/2014 (circ. 154 del 3/12/2014)» (003 §2.5).
const SPORT_UNTIL: (i32, u32) = (2014, 12);

/// Torino 003 §2.5, sport e spettacolo, with the period a fact of the request: up to 12/2014
/// the box, without the warning about the period; later, no address and a warning with the
/// clause (the document names no channel); unknown, the warning the data carries
/// (`route.sport-spettacolo-period`). Only where the chosen rule carries that warning.
fn sport_period(out: &mut Route, gestione: Gestione, period: Option<(i32, u32)>, lang: Lang) {
    const WARNING: ActedNote = ActedNote::SportSpettacoloPeriod;
    let Some(period) = period else {
        return;
    };
    if gestione != Gestione::SportSpettacolo || !out.findings.iter().any(|f| WARNING.is(f)) {
        return;
    }
    let source = out
        .findings
        .iter()
        .find(|f| WARNING.is(f))
        .and_then(|f| f.source.as_deref().cloned());
    out.findings
        .retain(|f| !WARNING.is(f) && !ActedNote::SportUntil2014.is(f));
    if period <= SPORT_UNTIL {
        return;
    }
    let (year, month) = period;
    let problem = Problem::SportAfter2014 { year, month };
    out.ok = false;
    out.step = Step::none(problem.message(lang), source.clone());
    let mut f = problem.finding(lang);
    if let Some(s) = source {
        f = f.source(s);
    }
    out.findings.push(f);
}

/// The profile and the profiles it inherits, depth first, each once.
pub fn chain(p: &Arc<Profile>) -> Vec<Arc<Profile>> {
    let mut out = vec![Arc::clone(p)];
    let mut i = 0;
    // A handful of levels at most; the guard keeps a portal's cyclic `inherits` finite.
    while i < out.len() && out.len() < 8 {
        let Some(from) = out.get(i).cloned() else {
            break;
        };
        for id in &from.inherits {
            if let Some(q) = profile::profile(id) {
                if !out.iter().any(|x| x.id == q.id) {
                    out.push(q);
                }
            }
        }
        i += 1;
    }
    out
}

fn has_rule_for(chain: &[Arc<Profile>], kind: Kind, gestione: Gestione, date: NaiveDate) -> bool {
    chain.iter().any(|p| {
        p.rules.iter().any(|r| {
            !r.alternative_only
                && r.kinds.contains(&kind)
                && r.in_force(p.effective.from, date)
                && (r.gestioni.is_empty() || r.gestioni.contains(&gestione))
        })
    })
}

/// For a request of another kind than `domanda…` whose text (description, or the object
/// chosen) names a request of the L. 122/2010 list of the profile or one it inherits: the
/// finding that says the request itself is online-only, with the list's entry.
pub(crate) fn online_only_notice(
    chain: &[Arc<Profile>],
    kind: Kind,
    text: &str,
    lang: Lang,
    out: &mut Route,
) -> Option<Finding> {
    if matches!(
        kind,
        Kind::Domanda | Kind::DomandaTelematizzata | Kind::DomandaNonTelematizzata
    ) {
        return None;
    }
    let list = chain.iter().find_map(|q| q.online_only.as_ref())?;
    let hit = online::find(&list.items, &online::prepare(text))?;
    let label = hit.item.label.trim_end_matches(';').to_string();
    let finding = Problem::OnlineOnlyRequest {
        label: &label,
        kind,
    }
    .finding(lang)
    .source(hit.item.source.clone());
    if out.listed.is_none() {
        out.listed = Some(ListedMatch {
            label,
            online_only: true,
            matched: hit.words,
            source: hit.item.source.clone(),
        });
    }
    Some(finding)
}

/// A `domanda` is online-only when the description matches the profile's L. 122/2010 list.
fn classify_domanda(p: &Profile, kind: Kind, prepared: &str, lang: Lang, out: &mut Route) -> Kind {
    let online = p.online_only.as_ref();
    if let Some(hit) = online.and_then(|o| online::find(&o.items, prepared)) {
        let label = hit.item.label.trim_end_matches(';').to_string();
        out.findings.push(
            Problem::OnlineListed {
                label: &label,
                declared: kind != Kind::Domanda,
            }
            .finding(lang)
            .source(hit.item.source.clone()),
        );
        out.listed = Some(ListedMatch {
            label,
            online_only: true,
            matched: hit.words,
            source: hit.item.source.clone(),
        });
        return Kind::DomandaTelematizzata;
    }
    if let Some(hit) = online::find(&p.pec_examples, prepared) {
        out.listed = Some(ListedMatch {
            label: hit.item.label.clone(),
            online_only: false,
            matched: hit.words,
            source: hit.item.source.clone(),
        });
    } else if let Some(o) = online.filter(|_| kind == Kind::Domanda) {
        out.findings.push(
            Problem::OnlineListIncomplete {
                r#where: &o.r#where,
            }
            .finding(lang)
            .source(o.source.clone()),
        );
    }
    Kind::DomandaNonTelematizzata
}

/// The rule of a mailbox for accentramento (Torino §2.5) when the description is about it.
fn accentramento<'p>(
    chain: &'p [Arc<Profile>],
    kind: Kind,
    description: &str,
    fact: Option<bool>,
    date: NaiveDate,
) -> Option<(&'p Profile, &'p Rule)> {
    // The form's fact first (`accentramento: true/false`), else the description.
    let about = fact.unwrap_or_else(|| {
        crate::text::fold_words(description)
            .split(' ')
            .any(|w| w.starts_with("accentrament") || w.starts_with("accentrat"))
    });
    if !about {
        return None;
    }
    chain.iter().find_map(|p| {
        p.rules
            .iter()
            .find(|r| {
                r.mailbox.as_deref() == Some("accentramento")
                    && r.kinds.contains(&kind)
                    && r.in_force(p.effective.from, date)
            })
            .map(|r| (&**p, r))
    })
}

/// The rule that applies, with its profile.
pub fn choose<'p>(
    chain: &'p [Arc<Profile>],
    gestione: Gestione,
    kind: Kind,
    previous: Previous,
    level: Option<Level>,
    date: NaiveDate,
) -> Option<(&'p Profile, &'p Rule)> {
    // Asking for an escalation level means the earlier answer is overdue.
    let previous = if level.is_some() {
        Previous::Scaduta
    } else {
        previous
    };
    let mut best: Option<((u8, NaiveDate, usize), &'p Profile, &'p Rule)> = None;
    let mut index = 0usize;
    for p in chain {
        for r in &p.rules {
            index += 1;
            let fits = !r.alternative_only
                && r.in_force(p.effective.from, date)
                && r.kinds.contains(&kind)
                && (r.gestioni.is_empty() || r.gestioni.contains(&gestione))
                && (r.previous.is_empty() || r.previous.contains(&previous))
                && (r.levels.is_empty() || level.is_some_and(|l| r.levels.contains(&l)));
            if !fits {
                continue;
            }
            let specificity = 2 * u8::from(!r.levels.is_empty()) + u8::from(!r.previous.is_empty());
            let key = (
                specificity,
                r.from.unwrap_or(p.effective.from),
                usize::MAX - index,
            );
            if best.as_ref().is_none_or(|(k, _, _)| key > *k) {
                best = Some((key, p, r));
            }
        }
    }
    best.map(|(_, p, r)| (p, r))
}

/// The cassetto offered to `gestione` on `date` by the profile or one it inherits.
pub fn cassetto_for(
    chain: &[Arc<Profile>],
    gestione: Gestione,
    date: NaiveDate,
) -> Option<&profile::Cassetto> {
    chain.iter().find_map(|p| p.cassetto_for(gestione, date))
}

#[allow(clippy::too_many_arguments)]
fn step<'p>(
    main: &'p Profile,
    chain: &'p [Arc<Profile>],
    rp: &'p Profile,
    rule: &'p Rule,
    gestione: Gestione,
    sede: Option<&str>,
    date: NaiveDate,
    lang: Lang,
    findings: &mut Vec<Finding>,
) -> Step {
    let mut s = Step {
        channel: rule.channel,
        rule: Some(rule.id.clone()),
        why: rule.why.get(lang).to_string(),
        reading: rule.reading.as_ref().map(|r| r.get(lang).to_string()),
        source: Some(rule.source.clone()),
        addresses: Vec::new(),
        cc: Vec::new(),
        cassetto: None,
        subject: rule.subject.clone(),
        subject_prefix: rule.subject_prefix.clone(),
        booking: rule.booking.clone(),
        requires: Vec::new(),
        phone: Vec::new(),
    };
    if let Some(token) = &rule.mailbox {
        let token = if token == GESTIONE_PLACEHOLDER {
            gestione.id()
        } else {
            token.as_str()
        };
        s.addresses = mailboxes(main, token, sede, lang);
    }
    for a in &rule.addresses {
        s.addresses.push(Address {
            address: a.clone(),
            kind: kind_of(a),
            sede: None,
            role: None,
            note: None,
        });
    }
    if let Some(level) = rule.escalation {
        if let Some(list) = rp.escalation_list(level, date) {
            let for_sede = |contacts: &[profile::Contact]| {
                let mut out = Vec::new();
                for c in contacts {
                    if sede.is_none_or(|x| c.sedi.is_empty() || c.sedi.iter().any(|y| y == x)) {
                        out.push(contact(c, sede, lang));
                    }
                }
                out
            };
            s.addresses = for_sede(&list.to);
            s.cc = for_sede(&list.cc);
        }
        s.requires = rp
            .escalation_level(level)
            .map(|e| e.requires.clone())
            .unwrap_or_default();
    }
    if matches!(rule.channel, Channel::Bidirezionale | Channel::Agenda) {
        let k = match &rule.cassetto {
            Some(id) => chain.iter().find_map(|p| {
                p.cassetti
                    .iter()
                    .find(|c| &c.cassetto == id && c.in_force(date))
            }),
            None => cassetto_for(chain, gestione, date),
        };
        s.cassetto = k.map(|k| {
            let t = k.titolario.as_deref().and_then(titolario::titolario);
            CassettoInfo {
                cassetto: k.cassetto.clone(),
                name: k.name.get(lang).to_string(),
                titolario: k.titolario.clone(),
                menu: k.menu.as_ref().map(|m| m.get(lang).to_string()),
                generic: t.and_then(|t| t.generic_object()).map(|o| o.label.clone()),
            }
        });
    }
    if rule.channel == Channel::Telefono {
        for ph in &rp.phone {
            s.phone.push(Phone {
                number: ph.number.clone(),
                days: ph.days.clone(),
                from: ph.from.clone(),
                to: ph.to.clone(),
                purpose: ph.purpose.get(lang).to_string(),
            });
        }
    }
    if rule.channel.is_mail() && s.addresses.is_empty() {
        findings.push(Problem::NoAddress.finding(lang).source(rule.source.clone()));
    } else if rule.channel.is_mail() && sede.is_none() && s.addresses.len() > 1 {
        findings.push(Problem::PickSede.finding(lang));
    }
    s
}

/// The boxes with `use_`: the competent sede's first; else every box of the profile with it.
fn mailboxes(p: &Profile, use_: &str, sede: Option<&str>, lang: Lang) -> Vec<Address> {
    let to_address = |sede: Option<&profile::Sede>, m: &profile::Mailbox| Address {
        address: m.address.clone(),
        kind: m.kind,
        sede: sede.map(|s| s.id.clone()),
        role: None,
        note: m.note.as_ref().map(|n| n.get(lang).to_string()),
    };
    if let Some(s) = sede.and_then(|id| p.sede(id)) {
        let mut own = Vec::new();
        for m in &s.mailboxes {
            if m.serves(use_) {
                own.push(to_address(Some(s), m));
            }
        }
        if !own.is_empty() {
            return own;
        }
    }
    let mut all = Vec::new();
    for (s, m) in p.all_mailboxes() {
        if m.serves(use_) {
            all.push(to_address(s, m));
        }
    }
    all
}

fn contact(c: &profile::Contact, sede: Option<&str>, lang: Lang) -> Address {
    Address {
        address: c.address.clone(),
        kind: kind_of(&c.address),
        sede: sede
            .filter(|s| c.sedi.iter().any(|x| x == s))
            .map(String::from)
            .or_else(|| c.sedi.first().cloned()),
        role: c.role.as_ref().map(|r| r.get(lang).to_string()),
        note: None,
    }
}

fn kind_of(address: &str) -> MailboxKind {
    if address
        .to_ascii_lowercase()
        .ends_with(profile::INPS_PEC_DOMAIN)
    {
        MailboxKind::Pec
    } else {
        MailboxKind::Email
    }
}

/// The source of the profile's document as a whole.
pub fn doc_source(p: &Profile) -> Source {
    Source::new(p.document.file.clone(), "")
}

/// A note of the data as a finding, with the note's own code.
pub fn note_finding(n: &profile::Note, lang: Lang) -> Finding {
    let severity = match n.severity {
        profile::NoteSeverity::Error => Severity::Error,
        profile::NoteSeverity::Warning => Severity::Warning,
        profile::NoteSeverity::Info => Severity::Info,
    };
    Finding::new(profile::note_code(n), severity, n.text.get(lang)).source(n.source.clone())
}
