//! The request as a whole, by the protocol profile: the titolario the picker lists, the
//! review of the draft (`crate::review`: generic object misuse, objects removed at the date,
//! the e-mail subject, dead or non-PEC mailboxes, …), the channel to use
//! (`crate::routing`, through the review) and the dates INPS must answer by
//! (`crate::timeline`). No rule of its own here: only what to show where.

use chrono::NaiveDate;

use crate::catalog::profile::{self, Profile};
use crate::catalog::titolario::{self, Titolario};
use crate::dates;
use crate::field::FormField as Kind;
use crate::finding::{Finding, Lang, Severity};
use crate::review;
use crate::routing::{self, Route};
use crate::suggest;
use crate::timeline::{self, TimelineRequest};

use super::config::{Config, Values};
use super::messages::{self, ChannelLine, Problem};
use super::view::{self, ChannelView, TimelineView};

/// Findings the form leaves out of the review: its own engine already says them more
/// precisely (the codice fiscale and matricola), or its own fields say them (required
/// gestione, the date it always passes).
const LEFT_OUT: [&str; 5] = [
    "review.cf-invalid",
    "review.matricola-format",
    "route.gestione-missing",
    "route.kind-missing",
    "route.date-missing",
];

/// What the review, the routing and the timeline gave for one set of inputs.
#[derive(Clone, Debug, Default)]
pub struct Computed {
    /// The review's findings, each on a field the form has, and the form's proposals.
    pub findings: Vec<Finding>,
    /// The route is an e-mail (institutional or PEC): the subject and the recipient matter.
    pub mail: bool,
    /// Every mailbox of the route, the sede's own first.
    pub addresses: Vec<String>,
    pub channel: Option<ChannelView>,
    pub timeline: Option<TimelineView>,
}

/// A field's trimmed text, `None` when the form has no such field or it is empty.
fn text(values: &Values, kind: Kind) -> Option<String> {
    let v = values.get(kind).trim();
    (values.has(kind) && !v.is_empty()).then(|| v.to_string())
}

/// The review, the channel and the dates of the request the form holds.
pub fn compute(cfg: &Config, values: &Values, sent: NaiveDate) -> Computed {
    let lang = cfg.lang;
    let mut c = Computed::default();
    let Some(p) = cfg.protocol() else {
        return c;
    };
    let gestione = text(values, Kind::Gestione);
    let sede = cfg.sede_of(values);
    if cfg.checks.review || cfg.checks.channel {
        // The typed request from the values the form holds: the date is a date; what the
        // form holds as text (the sede, the gestione, the kind, the outcome) goes through
        // routing's reader, so that a value it does not know is said as for any portal.
        let mut read = routing::Reader::new(lang);
        let (profile, resolved_sede) = read.place(Some(&p.id), sede.as_deref(), sent);
        let gestione_of = read.gestione(gestione.as_deref());
        let kind = match text(values, Kind::Tipo) {
            Some(k) => read.kind(Some(&k)),
            None => Some(profile::Kind::Comunicazione),
        };
        // The form's outcome ids are the routing's own (`senza-risposta` is read as
        // `scaduta`, vocabulary::OUTCOMES).
        let previous = read.previous(text(values, Kind::EsitoPrecedente).as_deref());
        let request = review::Request {
            route: routing::Request {
                profile,
                sede: resolved_sede,
                gestione: gestione_of,
                kind,
                date: Some(sent),
                previous,
                level: None,
                accentramento: None,
                period: None,
                description: text(values, Kind::Descrizione).unwrap_or_default(),
            },
            channel: None,
            texts: review::Texts {
                object: text(values, Kind::Oggetto),
                subject: text(values, Kind::OggettoEmail),
                recipient: text(values, Kind::Destinatario),
                sender: text(values, Kind::Mittente),
                codice_fiscale: text(values, Kind::CodiceFiscale),
                matricola: text(values, Kind::Matricola),
                ..review::Texts::default()
            },
        };
        let r = review::review_read(&request, read.findings, Vec::new(), lang);
        let mut notes = Vec::new();
        if cfg.checks.review {
            for f in r.findings {
                if LEFT_OUT.contains(&f.code) || gestione.is_none() {
                    continue;
                }
                let field = f.field.as_ref().and_then(crate::field::Field::form);
                match field.filter(|k| values.has(*k)) {
                    Some(_) => c.findings.push(f),
                    // A finding about something the form has no field for: told in the
                    // channel panel, never blocking a submission it could not point to.
                    None if f.severity != Severity::Info => notes.push(f.message),
                    None => {}
                }
            }
        }
        // An e-mail, a PEC or an escalation (an e-mail to the managers): a subject and a
        // recipient, no titolario object.
        c.mail = r.route.ok && r.route.step.channel.is_mail();
        c.addresses = all_addresses(p, sede.is_some(), &request.route, &r.route, lang);
        // The subject the rule asks for, offered to the subject field («Usa»): never written
        // unasked.
        if let Some(subject) = r.subject.as_deref().filter(|_| c.mail && cfg.checks.review) {
            let typed = values.get(Kind::OggettoEmail).trim();
            if values.has(Kind::OggettoEmail) && typed != subject {
                c.findings
                    .push(Problem::SubjectProposed(subject).finding(lang));
            }
        }
        // The box to write to, offered to an empty recipient field («Usa»): the sede's own
        // (or the only one); the others are the field's suggestions in a mounted form.
        if let Some(first) = c.addresses.first().filter(|_| c.mail && cfg.checks.review) {
            if values.has(Kind::Destinatario) && values.get(Kind::Destinatario).trim().is_empty() {
                c.findings
                    .push(Problem::RecipientProposed(first).finding(lang));
            }
        }
        if cfg.checks.channel && gestione.is_some() {
            c.channel = Some(channel_view(
                p,
                &r.route,
                &c.addresses,
                r.subject.as_deref(),
                notes,
                lang,
            ));
        }
    }
    if cfg.checks.timeline {
        let t = timeline::timeline(&timeline_request(cfg, values, sent));
        let sedi = cfg.sedi();
        let sede_field = values.has(Kind::Sede);
        // The core lists the sedi by id and asks for "the sede": said with their names, and
        // only pointing to a field the form has.
        let note = |f: &Finding| match f.code {
            "timeline.national-calendar" => {
                let mut names = Vec::new();
                for (_, n) in sedi.iter().take(4) {
                    names.push(n.as_str());
                }
                messages::national_calendar(&names, sedi.len() > 4, sede_field, lang)
            }
            _ => f.message.clone(),
        };
        c.timeline = view::timeline_view(&t, lang, &note);
    }
    c
}

/// Which calendar a sede's dates are counted on, as guidance under the sede field: an agency
/// without a patron day of its own says whose it keeps ("Calendario nazionale + Sant'Ambrogio,
/// patrono di Milano (7 dicembre)").
pub fn calendar_of(sede: &str, lang: Lang) -> Finding {
    let label = crate::calendar::Calendar::for_sede(sede).map(|c| c.label(lang));
    Problem::SedeCalendar {
        label: label.as_deref(),
    }
    .finding(lang)
}

/// Every mailbox the route's channel can use, the sede's own first: the routing gives only
/// the sede's own when it knows the sede, so the route is asked again without it for the
/// others (DURC: the seven `preavvisodiaccertamento` boxes of Milano).
fn all_addresses(
    p: &Profile,
    with_sede: bool,
    request: &routing::Request,
    route: &Route,
    lang: Lang,
) -> Vec<String> {
    // Loops, not iterator chains collected into vectors, in this file: one copy less of
    // each adapter in the module (issue 15).
    let mut out = Vec::new();
    for a in &route.step.addresses {
        out.push(a.address.clone());
    }
    // An escalation goes to the sede's own managers only: the others are not alternatives.
    let boxes = matches!(
        route.step.channel,
        crate::catalog::profile::Channel::Email | crate::catalog::profile::Channel::Pec
    );
    if with_sede && route.ok && boxes {
        // The form's profile read again without the sede: the national baseline named with
        // a territorial sede stays the national one, as the reader says.
        let (profile, _) = routing::Reader::new(lang).place(Some(&p.id), None, request.on());
        let without = routing::Request {
            profile,
            sede: None,
            ..request.clone()
        };
        let all = routing::route_request(&without, lang);
        if all.step.rule == route.step.rule {
            for a in all.step.addresses {
                if !out.contains(&a.address) {
                    out.push(a.address);
                }
            }
        }
    }
    out
}

/// The timeline's request from the form.
fn timeline_request(cfg: &Config, values: &Values, sent: NaiveDate) -> TimelineRequest {
    TimelineRequest {
        profile: cfg.protocol().map(|p| p.id.clone()).unwrap_or_default(),
        sede: cfg.sede_of(values),
        cassetto: text(values, Kind::Gestione),
        object: text(values, Kind::Oggetto),
        kind: text(values, Kind::Tipo).and_then(|k| profile::Kind::parse(&k)),
        sent,
        notice: text(values, Kind::DataRichiesta)
            .and_then(|d| dates::parse_date(&d, Kind::DataInvio, cfg.lang).ok()),
        // A sollecito's first request: the 20 working days of the whole process, and the
        // levels B and C, count from it (Milano §2 E, Torino §2.6 E).
        first_request: text(values, Kind::DataPrimaRichiesta)
            .and_then(|d| dates::parse_date(&d, Kind::DataInvio, cfg.lang).ok()),
        previous: text(values, Kind::EsitoPrecedente).and_then(|v| profile::Previous::parse(&v)),
        today: Some(cfg.today),
        lang: cfg.lang,
        ..TimelineRequest::default()
    }
}

/// The timeline as an iCalendar file, and its file name (`None` without a profile or
/// without dates).
pub fn ics(cfg: &Config, values: &Values) -> Option<(String, String)> {
    cfg.protocol()?;
    let sent = text(values, Kind::DataInvio)
        .and_then(|d| dates::parse_date(&d, Kind::DataInvio, cfg.lang).ok())
        .unwrap_or(cfg.today);
    let t = timeline::timeline(&timeline_request(cfg, values, sent));
    if t.entries.iter().all(|e| e.date.is_none()) {
        return None;
    }
    // The stamp is "today", never the clock: the same request gives the same file.
    let stamp = cfg.today.and_hms_opt(0, 0, 0)?;
    let options = timeline::IcsOptions {
        label: cfg.label.clone(),
    };
    Some((
        timeline::filename(&t),
        timeline::to_ics_with(&t, stamp, &options),
    ))
}

/// The channel panel: the channel and where, why, what the subject must hold, and the
/// review's notes on what the form has no field for.
fn channel_view(
    p: &Profile,
    route: &Route,
    addresses: &[String],
    subject: Option<&str>,
    notes: Vec<String>,
    lang: Lang,
) -> ChannelView {
    let step = &route.step;
    if !route.ok {
        return ChannelView {
            headline: step.why.clone(),
            lines: notes,
            reasons: Vec::new(),
        };
    }
    let mut headline = capitalised(step.channel.label(lang));
    if let Some(c) = &step.cassetto {
        headline.push_str(": ");
        headline.push_str(&c.name);
    } else if let Some(first) = addresses.first() {
        // The sede's own box (or the only one) in the headline; every other one below, so
        // that each is on the page, not only in the .ics.
        headline.push_str(": ");
        headline.push_str(first);
    }
    headline.push('.');
    let line = |l: ChannelLine<'_>| messages::channel_line(l, lang);
    let mut lines = Vec::new();
    if addresses.len() > 1 {
        lines.push(line(ChannelLine::Also(
            addresses.get(1..).unwrap_or_default(),
        )));
    }
    let mut reasons = Vec::new();
    if let Some(menu) = step.cassetto.as_ref().and_then(|c| c.menu.as_deref()) {
        lines.push(line(ChannelLine::Where(menu)));
    }
    if !step.why.is_empty() {
        reasons.push(step.why.clone());
    }
    if !step.subject.is_empty() {
        lines.push(line(ChannelLine::SubjectHolds(&step.subject)));
    }
    if let Some(s) = subject {
        lines.push(line(ChannelLine::Subject(s)));
    }
    if !step.cc.is_empty() {
        let mut cc = Vec::new();
        for a in &step.cc {
            cc.push(a.address.as_str());
        }
        lines.push(line(ChannelLine::Copy(&cc)));
    }
    if let Some(source) = &step.source {
        // The profile whose document the rule comes from: an inherited rule (circolare
        // 34/2023 in Torino) names the circolare, not Torino.
        let owner = crate::catalog::profile::document_owner(&source.document);
        let name = owner
            .as_ref()
            .map_or(p.name.get(lang), |(owner, _)| owner.name.get(lang));
        reasons.push(messages::rule_line(name, &source.section, lang));
    }
    // Where the document does not state the rule (Siena 000), say it is instrada's reading.
    if let Some(reading) = &step.reading {
        reasons.push(line(ChannelLine::Reading(reading)));
    }
    lines.extend(notes);
    ChannelView {
        headline,
        lines,
        reasons,
    }
}

/// The label with its first letter in capitals. The labels (channels, gestioni, kinds) start
/// with an ASCII letter; `char::to_uppercase` would link Unicode's case tables for nothing.
fn capitalised(s: &str) -> String {
    let mut out = s.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// The titolario of the cassetto a gestione uses in a profile (or in a profile it
/// inherits), on `date`.
fn titolario_of(p: &Profile, gestione: &str, date: NaiveDate) -> Option<&'static Titolario> {
    // The first cassetto in force for the gestione, in the profile, then in those it
    // inherits, decides.
    if let Some(t) = titolario_in(p, gestione, date) {
        return t;
    }
    for id in &p.inherits {
        if let Some(t) = profile::profile(id).and_then(|q| titolario_in(&q, gestione, date)) {
            return t;
        }
    }
    None
}

/// In `p`'s own cassetti, the titolario of the first in force for the gestione, when one
/// is.
fn titolario_in(
    p: &Profile,
    gestione: &str,
    date: NaiveDate,
) -> Option<Option<&'static Titolario>> {
    for c in &p.cassetti {
        if c.in_force(date)
            && (c.cassetto == gestione || c.gestioni.iter().any(|g| g.id() == gestione))
        {
            return Some(c.titolario.as_deref().and_then(titolario::titolario));
        }
    }
    None
}

/// The titolario the picker lists for a gestione: the profile's own list for its cassetto;
/// where the documents do not reproduce that list, the list it points to (`see_also`), with
/// a note saying so. Without a known profile, the cassetto's first list that the documents
/// reproduce.
pub fn titolario_for(cfg: &Config, gestione: &str) -> (Option<&'static Titolario>, Option<String>) {
    let own = match cfg.protocol() {
        Some(p) => titolario_of(p, gestione, cfg.today),
        None => {
            let all = titolario::titolari();
            all.iter()
                .find(|t| t.cassetto == gestione && t.list_missing.is_none())
                .or_else(|| all.iter().find(|t| t.cassetto == gestione))
        }
    };
    let Some(own) = own else {
        return (None, None);
    };
    match (
        &own.list_missing,
        own.see_also.as_deref().and_then(titolario::titolario),
    ) {
        (Some(why), Some(other)) => (
            Some(other),
            Some(messages::titolario_note(why, own, other, cfg.lang)),
        ),
        _ => (Some(own), None),
    }
}

/// Builds, ahead of time, the suggestion index of the titolario a gestione would list.
pub fn warm(cfg: &Config, gestione: &str) {
    if let (Some(t), _) = titolario_for(cfg, gestione) {
        let _ = suggest::suggest(t, "avviso", None, 1);
    }
}

/// The gestioni a mounted form offers: (id, name in the language).
pub fn gestioni(lang: Lang) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for g in profile::Gestione::ALL {
        out.push((g.id().to_string(), capitalised(g.label(lang))));
    }
    out
}

/// The kinds of request a mounted form offers: (id, name in the language).
pub fn kinds(lang: Lang) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for k in profile::Kind::ALL {
        out.push((k.id().to_string(), capitalised(k.label(lang))));
    }
    out
}
