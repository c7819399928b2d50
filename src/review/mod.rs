//! The guard: the review of a draft request before it is sent. Given what the form holds
//! (profile or sede, gestione, kind of request, chosen object, description, subject line,
//! recipient, codice fiscale, matricola, date), it routes the request (see
//! [`crate::routing`]) and checks the draft against the route: the channel, the recipient,
//! the subject line, the object of the titolario, and what appointments and escalations must
//! carry. Every finding has a stable code, a message that says what to do, and the rule's
//! source.
//!
//! The core takes a typed [`Request`] ([`review_request`]); [`Draft`] is the text front door
//! ([`Draft::read`], then the core: [`review`]), as for routing.
//!
//! ```
//! use instrada::finding::Lang;
//! use instrada::review::{review, Draft, Texts};
//! use instrada::routing::Facts;
//!
//! let d = Draft {
//!     facts: Facts {
//!         profile: Some("torino".into()),
//!         gestione: Some("domestici".into()),
//!         kind: Some("comunicazione".into()),
//!         date: Some("2024-03-04".into()),
//!         ..Facts::default()
//!     },
//!     texts: Texts {
//!         recipient: Some("Anagraficaflussi.torino@inps.it".into()),
//!         ..Texts::default()
//!     },
//!     ..Draft::default()
//! };
//! let r = review(&d, Lang::It);
//! assert!(r.findings.iter().any(|f| f.code == "review.recipient-dead"));
//! assert!(!r.ok);
//! ```

mod booking;
mod channel;
pub mod messages;
mod objects;
mod proposal;
mod recipient;
mod subject;

use crate::text::Join;
use messages::Problem;
use serde::Deserialize;

pub use proposal::Proposal;
pub use subject::{compose_subject, Composed, SubjectInput};

use crate::catalog::profile::{Channel, Kind};
use crate::finding::{Finding, Lang, Severity};
use crate::routing::messages::ActedNote;
use crate::routing::{self, online::MAX_DESCRIPTION, Facts, Route};
use crate::text::fold_words;

/// Longest useful content in a composed subject, in characters (the subject cuts it there,
/// the message says so).
pub(crate) const MAX_CONTENT: usize = 120;

/// A draft request, as the portal passes it: every field is optional text.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Draft {
    /// What routing reads: profile or sede, gestione, kind, date, description, …
    #[serde(flatten)]
    pub facts: Facts,
    /// The channel the user is about to use (`"bidirezionale"`, `"pec"`, `"email"`, …); when
    /// left out it is read from the recipient (an address) or the object (the cassetto).
    pub channel: Option<String>,
    /// What the user wrote.
    #[serde(flatten)]
    pub texts: Texts,
}

/// The free texts of a draft: the review reads them as they are (the reading only trims
/// them, `None` when blank).
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "camelCase", default)]
pub struct Texts {
    /// Cassetto id chosen in the form, if any.
    pub cassetto: Option<String>,
    /// The object picked from the cassetto's menu (id or label).
    pub object: Option<String>,
    /// The e-mail subject line.
    pub subject: Option<String>,
    /// The recipient address.
    pub recipient: Option<String>,
    /// The sender's address, when the portal knows it.
    pub sender: Option<String>,
    /// The contributor's codice fiscale.
    pub codice_fiscale: Option<String>,
    /// The matricola aziendale.
    pub matricola: Option<String>,
    /// The identifier of the unanswered communication (for a sollecito).
    pub reference: Option<String>,
}

/// The answer of [`review`].
#[derive(Clone, Debug, PartialEq)]
pub struct Review {
    /// No errors: the draft can be sent.
    pub ok: bool,
    /// Every finding, errors first.
    pub findings: Vec<Finding>,
    /// The route the draft was checked against (its findings are in `findings`).
    pub route: Route,
    /// The objects that fit the description, best first, with the words that matched.
    pub objects: Vec<Proposal>,
    /// A subject line that holds what the rule asks, when an e-mail is sent.
    pub subject: Option<String>,
}

impl Review {
    /// A review that could not even be attempted (the draft was not an object), with the
    /// reason.
    pub fn refused(finding: Finding, lang: Lang) -> Review {
        Review {
            ok: false,
            findings: vec![finding.clone()],
            route: Route::refused(finding, lang),
            objects: Vec::new(),
            subject: None,
        }
    }
}

impl crate::wire::ToWire for Review {
    fn write(&self, out: &mut crate::wire::Json) {
        out.begin_object();
        out.field_bool("ok", self.ok);
        out.field_list("findings", &self.findings);
        out.key("route");
        self.route.write(out);
        out.field_list("objects", &self.objects);
        out.field_str_if("subject", self.subject.as_deref());
        out.end_object();
    }
}

/// A draft request, typed: what [`Draft::read`] makes of the portal's text, and what the
/// widget builds from the values it holds. Free texts stay text; closed vocabularies and
/// dates are typed.
#[derive(Clone, Debug)]
pub struct Request {
    /// What routing reads: profile, sede, gestione, kind, date, description, …
    pub route: routing::Request,
    /// The channel the user is about to use; when `None` it is read from the recipient
    /// (an address) or the object (the cassetto).
    pub channel: Option<Channel>,
    /// What the user wrote.
    pub texts: Texts,
}

fn text(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

impl Texts {
    /// Each text trimmed, `None` when blank.
    fn trimmed(&self) -> Texts {
        let t = |s: &Option<String>| text(s).map(String::from);
        Texts {
            cassetto: t(&self.cassetto),
            object: t(&self.object),
            subject: t(&self.subject),
            recipient: t(&self.recipient),
            sender: t(&self.sender),
            codice_fiscale: t(&self.codice_fiscale),
            matricola: t(&self.matricola),
            reference: t(&self.reference),
        }
    }
}

impl Draft {
    /// Reads the draft: the typed request, and a finding for each field that cannot be
    /// understood (routing's first, in the order of the fields).
    pub fn read(&self, lang: Lang) -> (Request, Vec<Finding>) {
        let (request, mut findings, own) = self.read_apart(lang);
        findings.extend(own);
        (request, findings)
    }

    /// [`Draft::read`] with routing's findings apart from the review's own (the channel):
    /// the review reports each where its own checks would.
    fn read_apart(&self, lang: Lang) -> (Request, Vec<Finding>, Vec<Finding>) {
        let (route, findings) = self.facts.read(lang);
        let mut own = Vec::new();
        let channel = text(&self.channel).and_then(|c| {
            let parsed = channel::parse_channel(c);
            if parsed.is_none() {
                own.push(Problem::UnknownChannel { channel: c }.finding(lang));
            }
            parsed
        });
        let request = Request {
            route,
            channel,
            texts: self.texts.trimmed(),
        };
        (request, findings, own)
    }
}

/// Reviews a draft given as text. Never fails: every problem is a finding.
pub fn review(draft: &Draft, lang: Lang) -> Review {
    // Without the built-in profiles (their file still on its way) nothing can be reviewed.
    if let Some(f) = crate::catalog::data::pending(lang) {
        return Review::refused(f, lang);
    }
    let (request, read_route, read_own) = draft.read_apart(lang);
    review_read(&request, read_route, read_own, lang)
}

/// Reviews a typed request: the core of [`review`], and what the widget calls with the
/// values it holds.
pub fn review_request(request: &Request, lang: Lang) -> Review {
    review_read(request, Vec::new(), Vec::new(), lang)
}

/// Reviews a request with what its reading could not understand: routing's findings
/// (`read_route`) go where the route's are, the review's own (`read_own`, the channel) where
/// the review checks the channel, so that the order is the one of a single pass over the
/// text.
pub(crate) fn review_read(
    request: &Request,
    read_route: Vec<Finding>,
    read_own: Vec<Finding>,
    lang: Lang,
) -> Review {
    let (r, t) = (&request.route, &request.texts);
    let (date, dated, gestione) = (r.on(), r.date.is_some(), r.gestione);
    let description = r.description.trim();
    let mut route = routing::route_request(r, lang);
    crate::finding::prepend(&mut route.findings, read_route);
    // The object chosen can name an online-only request too ("Dilazioni su Cartella"):
    // said once, whatever the kind (issue 13).
    if let (Some(p), Some(k), Some(o)) = (&r.profile, route.kind, text(&t.object)) {
        if !route
            .findings
            .iter()
            .any(|f| routing::messages::says_online(f.code))
        {
            let chain = routing::chain(p);
            if let Some(f) = routing::online_only_notice(&chain, k, o, lang, &mut route) {
                route.findings.push(f);
            }
        }
    }
    // Loops, not iterator chains collected into vectors: one copy less of each adapter in
    // the module (issue 15).
    let mut route_codes = Vec::new();
    for f in &route.findings {
        route_codes.push(f.code);
    }
    let generic_source = route
        .findings
        .iter()
        .find(|f| ActedNote::GenericObject.is(f))
        .and_then(|f| f.source.as_deref().cloned());
    // The object check says precisely whether the generic object is misused.
    let mut findings: Vec<Finding> = std::mem::take(&mut route.findings);
    findings.retain(|f| !ActedNote::GenericObject.is(f));
    let kind = route.kind;

    if description.len() > MAX_DESCRIPTION {
        findings.push(Problem::DescriptionCut.finding(lang));
    }

    // The codice fiscale and the matricola: the engine of `crate::cf` says precisely what is
    // wrong; the review adds one finding per field, with the engine's first reason.
    let cf = text(&t.codice_fiscale);
    if let Some(c) = cf.filter(|c| !crate::cf::is_valid(c)) {
        let report = crate::cf::check(
            c,
            &crate::cf::CheckOptions {
                today: dated.then_some(date),
                lang,
            },
        );
        let reason = report
            .errors()
            .next()
            .map(|f| f.message.clone())
            .unwrap_or_default();
        findings.push(
            Problem::CfInvalid {
                cf: c,
                reason: &reason,
            }
            .finding(lang),
        );
    }
    let matricola = text(&t.matricola);
    if let Some(m) = matricola {
        let report = crate::cf::check_matricola(m, lang);
        if !report.valid {
            let reason = report
                .findings
                .iter()
                .find(|f| f.is_error())
                .or(report.findings.first())
                .map(|f| f.message.clone())
                .unwrap_or_default();
            findings.push(Problem::MatricolaFormat { reason: &reason }.finding(lang));
        }
    }

    let recipient = text(&t.recipient);
    let object = text(&t.object);
    findings.extend(read_own);
    let explicit = request.channel;
    let chosen = explicit.or_else(|| match (recipient, object) {
        (Some(r), _)
            if recipient::normalise(r).ends_with(crate::catalog::profile::INPS_PEC_DOMAIN) =>
        {
            Some(Channel::Pec)
        }
        (Some(_), _) => Some(Channel::Email),
        (None, Some(_)) => Some(Channel::Bidirezionale),
        (None, None) => None,
    });

    let chain = r.profile.as_ref().map(routing::chain).unwrap_or_default();
    let for_text = format!("{description} {}", text(&t.subject).unwrap_or(""));
    let mut proposals = Vec::new();
    let rc = route.step.channel;
    let recipient_is_alternative = recipient.is_some_and(|r| {
        let a = recipient::normalise(r);
        route.alternatives.iter().any(|s| {
            s.channel.is_mail()
                && s.addresses
                    .iter()
                    .any(|x| x.address.eq_ignore_ascii_case(&a))
        })
    });

    // The objects, when the route goes through a cassetto's bidirezionale.
    if rc == Channel::Bidirezionale
        && chosen.is_none_or(|c| c == Channel::Bidirezionale || recipient_is_alternative)
    {
        if let Some(k) = &route.step.cassetto {
            if let Some(c) = text(&t.cassetto).filter(|c| *c != k.cassetto) {
                findings.push(
                    Problem::CassettoWrong {
                        name: &k.name,
                        chosen: c,
                    }
                    .finding(lang)
                    .source(source_of(&route.step)),
                );
            }
            if !recipient_is_alternative {
                let (f, p) =
                    objects::check(object, k, &for_text, date, generic_source.clone(), lang);
                findings.extend(f);
                proposals = p;
            } else if let Some(t) = objects::menu(k) {
                proposals = objects::proposals(t, &for_text, date);
            }
        }
    }

    // The channel.
    if route.ok {
        if let Some(c) = chosen.filter(|c| *c != rc) {
            if let Some(f) =
                channel::channel_mismatch(&route, c, recipient_is_alternative, &proposals, lang)
            {
                findings.push(f);
            }
        }
    }

    // The recipient.
    if let Some(r) = recipient {
        findings.extend(recipient::check(
            r,
            &route,
            &chain,
            kind,
            date,
            request.route.sede.as_deref(),
            lang,
        ));
    }
    if let Some(s) = text(&t.sender) {
        let pec_needed = rc == Channel::Pec;
        if !crate::catalog::profile::is_email(&recipient::normalise(s)) {
            findings.push(Problem::SenderInvalid { sender: s }.finding(lang));
        } else if pec_needed && !recipient::sender_looks_certified(s) {
            findings.push(
                Problem::SenderNotPec
                    .finding(lang)
                    .source(source_of(&route.step)),
            );
        }
    }

    // The subject line: of the chosen way, or of the alternative the recipient belongs to.
    let mut proposed_subject = None;
    let mail_step = if recipient_is_alternative {
        // The alternative the recipient belongs to (the CODER's box carries a subject
        // prefix, 001 «Assistenza normativa»), else the first with subject rules.
        let a = recipient.map(recipient::normalise).unwrap_or_default();
        let has_rules = |s: &&routing::Step| !s.subject.is_empty() || s.subject_prefix.is_some();
        route
            .alternatives
            .iter()
            .filter(|s| s.channel.is_mail() && has_rules(s))
            .find(|s| {
                s.addresses
                    .iter()
                    .any(|x| x.address.eq_ignore_ascii_case(&a))
            })
            .or_else(|| {
                route
                    .alternatives
                    .iter()
                    .find(|s| s.channel.is_mail() && !s.subject.is_empty())
            })
    } else if rc.is_mail() {
        Some(&route.step)
    } else {
        None
    };
    if let Some(step) = mail_step.filter(|s| !s.subject.is_empty() || s.subject_prefix.is_some()) {
        if chosen.is_none_or(|c| c.is_mail()) {
            let src = source_of(step);
            let draft_subject = text(&t.subject).unwrap_or("");
            let f = subject::check(
                draft_subject,
                &step.subject,
                step.subject_prefix.as_deref(),
                cf,
                gestione,
                &src,
                lang,
            );
            if !f.is_empty() {
                proposed_subject = Some(compose_for(
                    draft_subject,
                    cf,
                    matricola,
                    gestione,
                    object,
                    kind,
                ));
            }
            findings.extend(f);
        }
    }

    // Escalations and appointments.
    if rc == Channel::Escalation {
        findings.extend(booking::escalation(
            &booking::Escalation {
                text: &for_text,
                cf,
                matricola,
                reference: text(&t.reference),
                gestione,
                requires: &route.step.requires,
                source: route.step.source.clone(),
            },
            lang,
        ));
    }
    if kind == Some(Kind::Appuntamento) && route.ok {
        findings.extend(booking::appointment(
            &booking::Appointment {
                description,
                cf,
                matricola,
                gestione,
                booking: &route.step.booking,
                notes: &route_codes,
                source: route.step.source.clone(),
            },
            lang,
        ));
    }

    crate::text::sort_small_by_key(&mut findings, |f| match f.severity {
        Severity::Error => 0,
        Severity::Warning => 1,
        Severity::Info => 2,
    });
    Review {
        ok: !findings.iter().any(Finding::is_error),
        findings,
        route,
        objects: proposals,
        subject: proposed_subject,
    }
}

/// The source of a step's rule (a step without a rule has none to cite).
fn source_of(step: &routing::Step) -> crate::finding::Source {
    step.source
        .clone()
        .unwrap_or_else(|| crate::finding::Source::new("", ""))
}

/// A subject proposal from what the draft holds: the content is what the user wrote in the
/// subject (identifiers and gestione set aside), else the object, else the kind.
fn compose_for(
    draft_subject: &str,
    cf: Option<&str>,
    matricola: Option<&str>,
    gestione: Option<crate::catalog::profile::Gestione>,
    object: Option<&str>,
    kind: Option<Kind>,
) -> String {
    let found = subject::ids(draft_subject);
    let cf = cf.map(String::from).or_else(|| found.cf.first().cloned());
    let matricola = matricola
        .map(String::from)
        .or_else(|| found.matricola.first().cloned());
    let padded = format!(" {} ", fold_words(draft_subject));
    let content = if subject::content_words(&padded) > 0 {
        // Keep the user's words, without the identifiers and the gestione already composed.
        let named: &[&str] = gestione.map_or(&[], |g| g.subject_words());
        let mut kept: Vec<&str> = Vec::new();
        for w in draft_subject
            .split(|c: char| c.is_whitespace() || c == '-' || c == '–' || c == '|' || c == ':')
        {
            if w.is_empty() {
                continue;
            }
            let keep = {
                let f = fold_words(w);
                // `w` without what is not an ASCII letter or digit at either end (what
                // `trim_matches` with that test gives, byte by byte: an ASCII byte is
                // always a character of its own; no `trim_matches` copy for one closure).
                let b = w.as_bytes();
                let t = match b.iter().position(u8::is_ascii_alphanumeric) {
                    Some(i) => {
                        let j = b.iter().rposition(u8::is_ascii_alphanumeric).unwrap_or(i);
                        w.get(i..=j).unwrap_or("")
                    }
                    None => "",
                };
                let digits = t.bytes().filter(u8::is_ascii_digit).count();
                let identifier = (t.len() == 16 && digits > 0)
                    || (matches!(t.len(), 10 | 11) && digits == t.len());
                !identifier
                    && !named
                        .iter()
                        .any(|n| subject::has_word(&format!(" {f} "), n))
            };
            if keep {
                kept.push(w);
            }
        }
        kept.joined(" ")
    } else {
        object
            .map(String::from)
            .or_else(|| kind.map(|k| k.label(Lang::It).to_string()))
            .unwrap_or_default()
    };
    // Only the subject is kept: the review says in its own findings what the draft lacks.
    let gestione = gestione.ok_or_else(|| Problem::ComposeGestioneMissing.finding(Lang::It));
    subject::compose(
        cf.as_deref(),
        matricola.as_deref(),
        gestione,
        &content,
        Lang::It,
    )
    .subject
}
