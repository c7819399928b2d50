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

use facts::blank;
pub use facts::{Facts, Resolved};
use messages::{NoChannel, Problem};

use chrono::NaiveDate;

use crate::catalog::profile::{
    self, BookingPart, Channel, Gestione, Kind, Level, MailboxKind, Previous, Profile, Requirement,
    Rule, SubjectPart, Weekday, GESTIONE_PLACEHOLDER,
};
use crate::catalog::titolario;
use crate::finding::{Finding, Lang, Severity, Source};
use crate::wire::{Json, ToWire};

/// An address to write to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Address {
    /// The address.
    pub address: String,
    /// `pec` or `email`.
    pub kind: MailboxKind,
    /// The sede it belongs to.
    pub sede: Option<String>,
    /// Who it is (escalation contacts).
    pub role: Option<String>,
    /// What to know about it.
    pub note: Option<String>,
}

/// The cassetto to use.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CassettoInfo {
    /// Cassetto id.
    pub cassetto: String,
    /// Its name.
    pub name: String,
    /// Its titolario id, when the objects are known.
    pub titolario: Option<String>,
    /// Where to click.
    pub menu: Option<String>,
    /// The label of the generic object ("Non specificato", "altro"), when there is one.
    pub generic: Option<String>,
}

/// A telephone line with its hours.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Phone {
    /// The number.
    pub number: String,
    /// Days it answers.
    pub days: Vec<Weekday>,
    /// Opening time.
    pub from: String,
    /// Closing time.
    pub to: String,
    /// What it is for.
    pub purpose: String,
}

/// One way to send the request: the chosen one, or an alternative.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Step {
    /// The channel.
    pub channel: Channel,
    /// The rule's id (stable).
    pub rule: Option<String>,
    /// Why, in the document's words.
    pub why: String,
    /// instrada's reading, when the document does not state the rule (Siena 000: the
    /// channel of a DURC request, istanze not online in 2012); `why` then says what it does
    /// state.
    pub reading: Option<String>,
    /// The rule's source.
    pub source: Option<Source>,
    /// Where to write.
    pub addresses: Vec<Address>,
    /// Who to copy.
    pub cc: Vec<Address>,
    /// The cassetto, for the bidirezionale and the agenda.
    pub cassetto: Option<CassettoInfo>,
    /// What the subject line must hold.
    pub subject: Vec<SubjectPart>,
    /// How the subject line must start.
    pub subject_prefix: Option<String>,
    /// What the booking must hold.
    pub booking: Vec<BookingPart>,
    /// What an escalation must carry.
    pub requires: Vec<Requirement>,
    /// Telephone lines.
    pub phone: Vec<Phone>,
}

impl Step {
    fn none(why: String, source: Option<Source>) -> Step {
        Step {
            channel: Channel::Nessuno,
            rule: None,
            why,
            reading: None,
            source,
            addresses: Vec::new(),
            cc: Vec::new(),
            cassetto: None,
            subject: Vec::new(),
            subject_prefix: None,
            booking: Vec::new(),
            requires: Vec::new(),
            phone: Vec::new(),
        }
    }
}

/// A listed request recognised in the description.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ListedMatch {
    /// The document's words.
    pub label: String,
    /// Whether the list is the online-only one (else the PEC examples).
    pub online_only: bool,
    /// The words of the description that matched.
    pub matched: Vec<String>,
    /// Where it is listed.
    pub source: Source,
}

/// The answer of [`route`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Route {
    /// Whether a channel was found.
    pub ok: bool,
    /// The profile used.
    pub profile: Option<String>,
    /// The sede used.
    pub sede: Option<String>,
    /// The gestione.
    pub gestione: Option<Gestione>,
    /// The kind of request, as routed (a `domanda` becomes online or not).
    pub kind: Option<Kind>,
    /// The date the rules were read at, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The chosen way.
    pub step: Step,
    /// Other ways that apply in some cases.
    pub alternatives: Vec<Step>,
    /// The listed request recognised in the description.
    pub listed: Option<ListedMatch>,
    /// What else to know, and what could not be read.
    pub findings: Vec<Finding>,
}

impl Route {
    /// A route that could not even be attempted (the input was not an object), with the
    /// reason.
    pub fn refused(finding: Finding, lang: Lang) -> Route {
        Route {
            ok: false,
            profile: None,
            sede: None,
            gestione: None,
            kind: None,
            date: None,
            step: Step::none(NoChannel::Refused.why(lang), None),
            alternatives: Vec::new(),
            listed: None,
            findings: vec![finding],
        }
    }
}

impl ToWire for Address {
    fn write(&self, out: &mut Json) {
        out.begin_object();
        out.field_str("address", &self.address);
        out.key("kind");
        self.kind.write(out);
        out.field_str_if("sede", self.sede.as_deref());
        out.field_str_if("role", self.role.as_deref());
        out.field_str_if("note", self.note.as_deref());
        out.end_object();
    }
}

impl ToWire for CassettoInfo {
    fn write(&self, out: &mut Json) {
        out.begin_object();
        out.field_str("cassetto", &self.cassetto);
        out.field_str("name", &self.name);
        out.field_str_if("titolario", self.titolario.as_deref());
        out.field_str_if("menu", self.menu.as_deref());
        out.field_str_if("generic", self.generic.as_deref());
        out.end_object();
    }
}

impl ToWire for Phone {
    fn write(&self, out: &mut Json) {
        out.begin_object();
        out.field_str("number", &self.number);
        out.field_list("days", &self.days);
        out.field_str("from", &self.from);
        out.field_str("to", &self.to);
        out.field_str("purpose", &self.purpose);
        out.end_object();
    }
}

impl Step {
    /// The properties of a step, inside an object: a [`Route`] carries its chosen step's
    /// properties beside its own.
    fn write_fields(&self, out: &mut Json) {
        out.key("channel");
        self.channel.write(out);
        out.field_str_if("rule", self.rule.as_deref());
        out.field_str("why", &self.why);
        out.field_str_if("reading", self.reading.as_deref());
        if let Some(source) = &self.source {
            out.key("source");
            source.write(out);
        }
        out.field_list("addresses", &self.addresses);
        out.field_list("cc", &self.cc);
        if let Some(cassetto) = &self.cassetto {
            out.key("cassetto");
            cassetto.write(out);
        }
        out.field_list("subject", &self.subject);
        out.field_str_if("subjectPrefix", self.subject_prefix.as_deref());
        out.field_list("booking", &self.booking);
        out.field_list("requires", &self.requires);
        out.field_list("phone", &self.phone);
    }
}

impl ToWire for Step {
    fn write(&self, out: &mut Json) {
        out.begin_object();
        self.write_fields(out);
        out.end_object();
    }
}

impl ToWire for ListedMatch {
    fn write(&self, out: &mut Json) {
        out.begin_object();
        out.field_str("label", &self.label);
        out.field_bool("onlineOnly", self.online_only);
        out.key("matched");
        out.strs(&self.matched);
        out.key("source");
        self.source.write(out);
        out.end_object();
    }
}

impl ToWire for Route {
    fn write(&self, out: &mut Json) {
        out.begin_object();
        out.field_bool("ok", self.ok);
        out.field_str_if("profile", self.profile.as_deref());
        out.field_str_if("sede", self.sede.as_deref());
        if let Some(gestione) = self.gestione {
            out.key("gestione");
            gestione.write(out);
        }
        if let Some(kind) = self.kind {
            out.key("kind");
            kind.write(out);
        }
        out.field_str_if("date", self.date.as_deref());
        self.step.write_fields(out);
        out.field_list("alternatives", &self.alternatives);
        if let Some(listed) = &self.listed {
            out.key("listed");
            listed.write(out);
        }
        out.field_list("findings", &self.findings);
        out.end_object();
    }
}

/// Routes a request. Never fails: what cannot be read or routed is a finding, and the
/// channel is then [`Channel::Nessuno`].
pub fn route(facts: &Facts, lang: Lang) -> Route {
    let resolved = facts.resolve(lang);
    route_resolved(resolved, blank(&facts.description).unwrap_or(""), lang)
}

/// Routes facts already read (the review reuses them).
pub fn route_resolved(r: Resolved, description: &str, lang: Lang) -> Route {
    let mut out = Route {
        ok: false,
        profile: r.profile.map(|p| p.id.clone()),
        sede: r.sede.clone(),
        gestione: r.gestione,
        kind: r.kind,
        date: r.dated.then(|| crate::dates::iso(r.date)),
        step: Step::none(NoChannel::Incomplete.why(lang), None),
        alternatives: Vec::new(),
        listed: None,
        findings: r.findings,
    };
    let (Some(p), Some(gestione), Some(kind)) = (r.profile, r.gestione, r.kind) else {
        return out;
    };
    if !p.in_force(r.date) {
        let ended = p.effective.until.filter(|u| r.date > *u);
        out.findings.push(
            Problem::ProfileNotInForce { profile: p, ended }
                .finding(lang)
                .source(doc_source(p)),
        );
        return out;
    }

    let chain = chain(p);
    let mut kind = kind;
    // A `domanda` is classified by the description unless a rule takes it as it is (Siena);
    // one declared non-online is still checked against the online-only list.
    let classify = match kind {
        Kind::Domanda => !has_rule_for(&chain, kind, gestione, r.date),
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

    let chosen = choose(&chain, gestione, kind, r.previous, r.level, r.date);
    // Torino §2.5: accentramento has its own exclusive box; recognised from the description
    // ("accentramento", "accentrato", "matricola accentrata").
    let chosen = accentramento(&chain, kind, description, r.accentramento, r.date).or(chosen);
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
                .filter(|n| n.applies(r.date, Some(kind), Some(gestione), None))
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
        r.date,
        lang,
        &mut out.findings,
    );
    for n in rule
        .notes
        .iter()
        .filter(|n| n.applies(r.date, Some(kind), Some(gestione), Some(rule.channel)))
    {
        out.findings.push(note_finding(n, lang));
    }
    // The profile's own notes, and those of the inherited profile whose rule was chosen.
    for q in chain.iter().filter(|q| q.id == p.id || q.id == rp.id) {
        for n in q
            .notes
            .iter()
            .filter(|n| n.applies(r.date, Some(kind), Some(gestione), Some(rule.channel)))
        {
            out.findings.push(note_finding(n, lang));
        }
    }
    sport_period(&mut out, gestione, r.period, lang);
    out.alternatives = rule
        .alternatives
        .iter()
        .filter_map(|id| rp.rule(id))
        .filter(|alt| {
            alt.in_force(rp.effective.from, r.date)
                && (alt.gestioni.is_empty() || alt.gestioni.contains(&gestione))
                // A rule that exists only as an alternative serves its own kinds of request
                // (the CODER's reminder box is not an alternative for a comunicazione).
                && (!alt.alternative_only || alt.kinds.contains(&kind))
        })
        .map(|alt| {
            step(
                p,
                &chain,
                rp,
                alt,
                gestione,
                r.sede.as_deref(),
                r.date,
                lang,
                &mut Vec::new(),
            )
        })
        .collect();
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
    const WARNING: &str = "route.sport-spettacolo-period";
    let Some(period) = period else {
        return;
    };
    if gestione != Gestione::SportSpettacolo || !out.findings.iter().any(|f| f.code == WARNING) {
        return;
    }
    let source = out
        .findings
        .iter()
        .find(|f| f.code == WARNING)
        .and_then(|f| f.source.as_deref().cloned());
    out.findings
        .retain(|f| f.code != WARNING && f.code != "route.sport-until-2014");
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
pub fn chain(p: &'static Profile) -> Vec<&'static Profile> {
    let mut out = vec![p];
    let mut i = 0;
    // A handful of levels at most; the guard keeps a portal's cyclic `inherits` finite.
    while i < out.len() && out.len() < 8 {
        let inherited: Vec<&'static Profile> = out
            .get(i)
            .map(|q| {
                q.inherits
                    .iter()
                    .filter_map(|id| profile::profile(id))
                    .collect()
            })
            .unwrap_or_default();
        for q in inherited {
            if !out.iter().any(|x| x.id == q.id) {
                out.push(q);
            }
        }
        i += 1;
    }
    out
}

fn has_rule_for(
    chain: &[&'static Profile],
    kind: Kind,
    gestione: Gestione,
    date: NaiveDate,
) -> bool {
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
    chain: &[&'static Profile],
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
fn accentramento(
    chain: &[&'static Profile],
    kind: Kind,
    description: &str,
    fact: Option<bool>,
    date: NaiveDate,
) -> Option<(&'static Profile, &'static Rule)> {
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
            .map(|r| (*p, r))
    })
}

/// The rule that applies, with its profile.
pub fn choose(
    chain: &[&'static Profile],
    gestione: Gestione,
    kind: Kind,
    previous: Previous,
    level: Option<Level>,
    date: NaiveDate,
) -> Option<(&'static Profile, &'static Rule)> {
    // Asking for an escalation level means the earlier answer is overdue.
    let previous = if level.is_some() {
        Previous::Scaduta
    } else {
        previous
    };
    let mut best: Option<((u8, NaiveDate, usize), &'static Profile, &'static Rule)> = None;
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
    chain: &[&'static Profile],
    gestione: Gestione,
    date: NaiveDate,
) -> Option<&'static profile::Cassetto> {
    chain.iter().find_map(|p| p.cassetto_for(gestione, date))
}

#[allow(clippy::too_many_arguments)]
fn step(
    main: &'static Profile,
    chain: &[&'static Profile],
    rp: &'static Profile,
    rule: &'static Rule,
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
            let for_sede = |c: &&profile::Contact| {
                sede.is_none_or(|x| c.sedi.is_empty() || c.sedi.iter().any(|y| y == x))
            };
            s.addresses = list
                .to
                .iter()
                .filter(for_sede)
                .map(|c| contact(c, sede, lang))
                .collect();
            s.cc = list
                .cc
                .iter()
                .filter(for_sede)
                .map(|c| contact(c, sede, lang))
                .collect();
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
        s.phone = rp
            .phone
            .iter()
            .map(|ph| Phone {
                number: ph.number.clone(),
                days: ph.days.clone(),
                from: ph.from.clone(),
                to: ph.to.clone(),
                purpose: ph.purpose.get(lang).to_string(),
            })
            .collect();
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
        let own: Vec<Address> = s
            .mailboxes
            .iter()
            .filter(|m| m.serves(use_))
            .map(|m| to_address(Some(s), m))
            .collect();
        if !own.is_empty() {
            return own;
        }
    }
    p.all_mailboxes()
        .filter(|(_, m)| m.serves(use_))
        .map(|(s, m)| to_address(s, m))
        .collect()
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

/// A note of the data as a finding; its code lives as long as the (leaked) profile.
pub fn note_finding(n: &'static profile::Note, lang: Lang) -> Finding {
    let severity = match n.severity {
        profile::NoteSeverity::Error => Severity::Error,
        profile::NoteSeverity::Warning => Severity::Warning,
        profile::NoteSeverity::Info => Severity::Info,
    };
    Finding::new(n.code.as_str(), severity, n.text.get(lang)).source(n.source.clone())
}
