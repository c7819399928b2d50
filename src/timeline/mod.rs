//! The response timeline of a request: every date that matters after the intermediary
//! writes to INPS, each with the rule and the document that produced it, and its export as
//! an iCalendar file.
//!
//! Given a protocol profile (the territory), the sending date, and optionally the sede, the
//! cassetto, the object and the kind of request, [`timeline`] computes:
//!
//! - when INPS's answer is due: the object's *tempo soglia* (Emilia Romagna table), else the
//!   profile's maximum (7 working days in Milano §2 A and Torino §2.6 A; 5 for the DURC in
//!   Milano §2 A), else no date, said plainly;
//! - from when a level B reminder and a level C escalation are possible, and to whom (the
//!   contact list in force at the date, filtered by sede);
//! - the 20-working-day limit of the whole exchange (Milano §2 E, Torino §2.6 E);
//! - the intermediary's own deadlines, where the profile has them (Siena: 4 days to fix
//!   DURC or istanze anomalies; Milano §2 F: 7 working days to answer INPS), counted from the
//!   day INPS gets in touch ([`TimelineRequest::notice`]);
//! - the appointment term (Emilia Romagna: within 10 days), the call-back (the next working
//!   day), the quesiti normativi (10 working days provincial, 5 regional), the Milano
//!   preavviso DURC answer (§2 I), the Gestione dipendenti pubblici appointment (only once
//!   the thresholds passed, circ. 34/2023 §3.1), and the next opening of a dedicated phone
//!   line (Siena).
//!
//! With the generic object ("Non specificato", "altro") no date is guaranteed, and the
//! timeline says so instead of inventing one ([`Timeline::guaranteed`] is false). Input that
//! cannot be answered (an unknown profile, sede, cassetto or object, a date outside the
//! calendar) gives error findings and no entries; nothing panics.
//!
//! [`to_ics`] writes the dated entries as an iCalendar file (all-day events with reminders,
//! UIDs stable across exports).
//!
//! ```
//! use chrono::NaiveDate;
//! use instrada::timeline::{timeline, TimelineRequest};
//!
//! let t = timeline(&TimelineRequest {
//!     profile: "milano".into(),
//!     sede: Some("milano".into()),
//!     sent: NaiveDate::from_ymd_opt(2026, 12, 4).unwrap(),
//!     ..TimelineRequest::default()
//! });
//! let due = t.entries.iter().find(|e| e.id == "risposta").unwrap();
//! // 7 working days, skipping Sant'Ambrogio (Monday 7) and the Immacolata (Tuesday 8).
//! assert_eq!(due.date, NaiveDate::from_ymd_opt(2026, 12, 17));
//! assert_eq!(due.rule.section, "2 A");
//! assert!(t.guaranteed);
//! ```
//!
//! # Decisions (where the documents are silent or ambiguous)
//!
//! - **Counting.** "Entro N giorni lavorativi" is the N-th working day after the event
//!   ([`Calendar::add_working_days`]); an event on a closed day (Saturday, Sunday, holiday,
//!   the sede's patron day) counts from the next working day, which is day 1. A term in
//!   calendar days ("entro quattro giorni", "10 gg.") ends N days after the event and moves
//!   to the next working day when the office is closed then
//!   ([`Calendar::term_calendar_days`]). Every term honours the unit written in the data
//!   (the profile's term, the titolario's tempo soglia).
//! - **Sending time.** No document sets a cut-off hour: a request sent at any time of a
//!   working day counts from that day. The time only decides whether a dedicated phone line
//!   is still open on the day.
//! - **Emilia Romagna tempi soglia** are working days (the table does not say; every other
//!   response time in the documents is in working days). The unit is a field of the
//!   titolario data, and the entry says it is instrada's reading.
//! - **Level B** becomes possible on the working day after the answer was due: the
//!   documents say "nella denegata ipotesi che la risposta tardi" without a day.
//! - **Level C**: the documents give level B no term to answer. instrada's reading: level B
//!   gets the same response time as the first answer, counted from the first day level B
//!   is possible; level C is possible on the working day after that, and in any case on the
//!   working day after the 20-working-day limit of the whole exchange (Milano §2 E, Torino
//!   §2.6 E) when that comes first, never before the day after level B. Each entry keeps
//!   the document's rule ([`Entry::explanation`]) apart from instrada's reading
//!   ([`Entry::reading`]).
//! - **Escalation contacts** are the list in force on the day the reminder is sent: the
//!   escalation date (the first day level B or C is possible, or the sending date of a
//!   sollecito when that is later), not the first request's date (Torino: the 2017 list
//!   before 19/07/2021, the 2021 list from that date). When the list changed between the
//!   first request and the escalation, a finding says so and names both.
//! - **Solleciti.** With [`TimelineRequest::first_request`], the answer date, level B and
//!   level C are those of the first request, and the 20 working days of the whole process
//!   count from it ("dalla data di primo contatto"). Without it, the sollecito's own date is
//!   the first contact, and the `processo` entry says so. A previous answer «non
//!   esaustiva» or «non accolta» ([`TimelineRequest::previous`]) makes level B possible
//!   from the sollecito's date where the profile's level B rule admits that outcome (Torino
//!   §2.6 B: "tardi o non sia ritenuta esaustiva"); where it admits only lateness (Milano
//!   §2 B: "tardi") no escalation is dated and a finding says why.
//! - **DURC in Milano.** §2 A sets 5 working days for "cassetti aventi ad oggetto «Durc»";
//!   instrada applies them to the object "Durc" of any cassetto and to requests of kind
//!   `durc`. For a request of kind `durc` the §2 I term (INPS answers the consultant's reply
//!   to a preavviso di accertamento within 5 days, calendar days in the profile) is the
//!   entry just before: the two are one exchange, their titles say which is which («al
//!   riscontro sul preavviso», «al messaggio "Durc"») and each explanation names the other's
//!   rule and date. The §2 I preavviso itself (within 3 days of the negative DURC) precedes
//!   the request and is not a date of its timeline.
//! - **Service requests** (`domanda…` kinds): the protocols' guaranteed times are those of
//!   the comunicazione elettronica; no answer date is guaranteed for service requests.
//! - **Gestione dipendenti pubblici**: circ. 34/2023 §3.1 lets an appointment be booked once
//!   the thresholds "individuati dall'Istituto" passed, without listing them. Where the
//!   territorial profile sets a response time (Milano, Torino) instrada uses it as the
//!   threshold; otherwise the entry has no date.
//! - **Quesiti normativi** (Emilia Romagna): the provincial Direzione answers within 10
//!   working days of the request; when it forwards the quesito to the regional Direzione
//!   the 5 working days run from the regional Direzione's receipt, which only it knows (an
//!   entry without date); a quesito the CODER sends to the regional Direzione directly
//!   ([`TimelineRequest::regional`]) is due 5 working days after the request. The CODER may
//!   remind the regional box from the working day after the provincial term.
//! - **Calendar.** With a sede, its calendar (national holidays plus the patron day);
//!   without, the national calendar, and a finding says the patron day was not counted.
//!   [`Timeline::calendar_label`] names the calendar used.
//! - **iCalendar.** The `DTSTAMP` is a parameter (the request's `today`, else its sending
//!   date), never the clock. Each UID is keyed by profile + request + entry id, the request
//!   being the caller's reference when given, else its sending date, kind, cassetto and
//!   object: exporting the same request again updates the same events.

mod entries;
mod export;
pub mod messages;
mod resolve;

use chrono::{NaiveDate, NaiveTime};

use crate::calendar::Calendar;
use crate::catalog::profile::{Kind, Previous};
use crate::catalog::titolario::Unit;
use crate::dates;
use crate::finding::{Finding, Lang, Source};
use crate::wire::{Json, ToWire};

pub use export::{filename, to_ics, to_ics_with, IcsOptions};

/// A request whose timeline is wanted. Only `sent` is required.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TimelineRequest {
    /// The protocol profile's id (`"milano"`, `"torino"`, `"siena"`, `"emilia-romagna"`,
    /// `"nazionale"`, `"nazionale-gdp"`, or one a portal registered). Empty: the sede's
    /// territorial profile, else the national baseline (`"nazionale"`).
    pub profile: String,
    /// The competent sede (its id, `"milano-nord"`, or its name): its calendar adds the
    /// patron day, and the escalation contacts are filtered by it.
    pub sede: Option<String>,
    /// The cassetto (`"aziende-dm"`, …) or the gestione (`"sport-spettacolo"`) the request
    /// goes through; found from the object when left out.
    pub cassetto: Option<String>,
    /// The object chosen in the cassetto's menu (its id or its label, e.g. `"Durc"`).
    pub object: Option<String>,
    /// What is being sent; a communication (`Kind::Comunicazione`) when left out.
    pub kind: Option<Kind>,
    /// The day the request is sent (or the call made, the appointment asked).
    pub sent: NaiveDate,
    /// The time it is sent: only used for a phone line's opening hours.
    pub time: Option<NaiveTime>,
    /// The day INPS got in touch with the intermediary (asked for documents, reported
    /// anomalies): the intermediary's own deadlines count from it.
    pub notice: Option<NaiveDate>,
    /// A quesito normativo sent to the regional Direzione directly (Emilia Romagna, CODER).
    pub regional: bool,
    /// For a reminder (sollecito): the day the first request was sent. The whole process
    /// (20 working days, Milano §2 E, Torino §2.6 E) counts from it, and the levels B and C
    /// follow the first request's answer date.
    pub first_request: Option<NaiveDate>,
    /// How the first request went (`scaduta`, `non-accolta`, `non-esaustiva`, …): an answer
    /// that is not exhaustive opens level B at once where the profile says so (Torino
    /// §2.6 B).
    pub previous: Option<Previous>,
    /// The caller's reference for the request (the protocol number of the communication):
    /// shown in the calendar events and used for their UIDs.
    pub reference: Option<String>,
    /// Today: each entry says whether its date has passed.
    pub today: Option<NaiveDate>,
    /// Language of titles, explanations and findings.
    pub lang: Lang,
}

/// The timeline of a request.
#[derive(Clone, Debug)]
pub struct Timeline {
    /// The profile's id, when it was found.
    pub profile: Option<String>,
    /// The profile's name.
    pub profile_name: String,
    /// The territory it covers.
    pub territory: String,
    /// The sede whose calendar was used, when one was given and found.
    pub sede: Option<String>,
    /// The cassetto, when given or found from the object.
    pub cassetto: Option<String>,
    /// The object, when given and found.
    pub object: Option<ObjectRef>,
    /// The kind of request.
    pub kind: Kind,
    /// The sending date.
    pub sent: Option<NaiveDate>,
    /// The sending time, `HH:MM`, when given.
    pub time: Option<String>,
    /// The day the counting starts from: the sending date, or the next working day when the
    /// office is closed that day.
    pub counting_from: Option<NaiveDate>,
    /// Which calendar the dates were computed with, for people.
    pub calendar_label: String,
    /// Whether the profile guarantees an answer date for this request.
    pub guaranteed: bool,
    /// The dates, earliest first; entries without a date (a term that cannot be computed)
    /// come last.
    pub entries: Vec<Entry>,
    /// Problems with the request, and what to know about the dates.
    pub findings: Vec<Finding>,
    /// The language of the texts.
    pub lang: Lang,
    /// What identifies the request in calendar UIDs (see the module's decisions).
    pub(crate) key: String,
    /// A short name of the request for calendar event titles.
    pub(crate) context: String,
}

/// The object a request was sent under.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ObjectRef {
    /// The object's id in its titolario.
    pub id: String,
    /// Its label, as in the menu.
    pub label: String,
    /// The titolario it was found in.
    pub titolario: String,
    /// Whether it is the generic object ("Non specificato", "altro").
    pub generic: bool,
}

/// One date of the timeline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entry {
    /// Stable id of the rule.
    pub id: EntryId,
    /// The date; `None` when the documents give no date for this request, or it depends on
    /// a date not given (the explanation says which).
    pub date: Option<NaiveDate>,
    /// Who acts on the date.
    pub kind: EntryKind,
    /// A short title.
    pub title: String,
    /// The document's rule and how the date follows from it (the days not counted).
    pub explanation: String,
    /// instrada's reading, where the document is silent or ambiguous.
    pub reading: Option<String>,
    /// The rule's source: document and section.
    pub rule: Source,
    /// The length of the term, when the entry is a term.
    pub term: Option<TermLength>,
    /// Whom to write to (escalation levels, reminders).
    pub recipients: Vec<Recipient>,
    /// Relative to the request's `today`, when given.
    pub status: Option<Status>,
}

/// The rule an entry comes from: its stable id on the wire (`risposta`, `livello-b`, …)
/// and its title ([`EntryId::title`], in `messages`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntryId {
    /// INPS's answer (for a sollecito with the first request: the first request's answer).
    Risposta,
    /// A level B reminder is possible.
    LivelloB,
    /// A level C escalation is possible.
    LivelloC,
    /// The end of the whole exchange (Milano §2 E, Torino §2.6 E).
    Processo,
    /// The intermediary's answer to INPS (Milano §2 F).
    IntermediarioRisposta,
    /// The intermediary fixes the DURC anomalies (Siena).
    IntermediarioDurc,
    /// The intermediary fixes an application (Siena).
    IntermediarioIstanze,
    /// INPS's answer to the reply on a DURC preavviso (Milano §2 I).
    RispostaPreavvisoDurc,
    /// The appointment is set (Emilia Romagna).
    Appuntamento,
    /// An appointment can be booked (Gestione dipendenti pubblici).
    AppuntamentoPossibile,
    /// The operator's call-back (urgent matters).
    Richiamata,
    /// The provincial Direzione's answer to a quesito normativo.
    QuesitoProvinciale,
    /// The regional Direzione's answer to a quesito normativo.
    QuesitoRegionale,
    /// A reminder about the quesito is possible.
    SollecitoQuesito,
    /// The next opening of a dedicated phone line (Siena).
    Telefono,
}

impl EntryId {
    /// Every entry id.
    pub const ALL: [EntryId; 15] = [
        EntryId::Risposta,
        EntryId::LivelloB,
        EntryId::LivelloC,
        EntryId::Processo,
        EntryId::IntermediarioRisposta,
        EntryId::IntermediarioDurc,
        EntryId::IntermediarioIstanze,
        EntryId::RispostaPreavvisoDurc,
        EntryId::Appuntamento,
        EntryId::AppuntamentoPossibile,
        EntryId::Richiamata,
        EntryId::QuesitoProvinciale,
        EntryId::QuesitoRegionale,
        EntryId::SollecitoQuesito,
        EntryId::Telefono,
    ];

    /// The id on the wire and in the calendar UIDs.
    pub fn id(self) -> &'static str {
        match self {
            EntryId::Risposta => "risposta",
            EntryId::LivelloB => "livello-b",
            EntryId::LivelloC => "livello-c",
            EntryId::Processo => "processo",
            EntryId::IntermediarioRisposta => "intermediario-risposta",
            EntryId::IntermediarioDurc => "intermediario-durc",
            EntryId::IntermediarioIstanze => "intermediario-istanze",
            EntryId::RispostaPreavvisoDurc => "risposta-preavviso-durc",
            EntryId::Appuntamento => "appuntamento",
            EntryId::AppuntamentoPossibile => "appuntamento-possibile",
            EntryId::Richiamata => "richiamata",
            EntryId::QuesitoProvinciale => "quesito-provinciale",
            EntryId::QuesitoRegionale => "quesito-regionale",
            EntryId::SollecitoQuesito => "sollecito-quesito",
            EntryId::Telefono => "telefono",
        }
    }

    /// Reads an id as [`EntryId::id`] writes it.
    pub fn parse(s: &str) -> Option<EntryId> {
        EntryId::ALL.into_iter().find(|e| e.id() == s)
    }
}

/// `entry.id == "risposta"`: an id compares with its wire spelling.
impl PartialEq<&str> for EntryId {
    fn eq(&self, other: &&str) -> bool {
        self.id() == *other
    }
}

impl PartialEq<str> for EntryId {
    fn eq(&self, other: &str) -> bool {
        self.id() == other
    }
}

/// Who acts on an entry's date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum EntryKind {
    /// INPS must have answered or acted by the date.
    InpsDeadline,
    /// From the date the intermediary may act (escalate, book, call).
    YouMay,
    /// The intermediary must have acted by the date.
    YourDeadline,
}

/// A term's length.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct TermLength {
    /// Number of days.
    pub days: u32,
    /// Working or calendar days.
    pub unit: Unit,
}

/// An address to write to.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Recipient {
    /// The e-mail address, as the document writes it.
    pub address: String,
    /// In copy (cc) rather than as addressee.
    pub cc: bool,
    /// The role, in the document's words.
    pub role: Option<String>,
    /// The sedi the contact answers for (empty: all).
    pub sedi: Vec<String>,
}

/// Where an entry's date stands relative to today.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    /// Before today.
    Passed,
    /// Today.
    Today,
    /// After today.
    Upcoming,
}

impl Timeline {
    /// A timeline without entries for a request that could not be read (the bindings use it
    /// when a field has the wrong shape): `findings` say why.
    pub fn rejected(lang: Lang, findings: Vec<Finding>) -> Timeline {
        let mut t = empty(&TimelineRequest {
            lang,
            ..TimelineRequest::default()
        });
        t.findings = findings;
        t
    }
}

fn empty(req: &TimelineRequest) -> Timeline {
    let lang = req.lang;
    Timeline {
        profile: None,
        profile_name: String::new(),
        territory: String::new(),
        sede: None,
        cassetto: None,
        object: None,
        kind: req.kind.unwrap_or(Kind::Comunicazione),
        sent: None,
        time: req.time.map(dates::hm),
        counting_from: None,
        calendar_label: Calendar::national().label(lang),
        guaranteed: false,
        entries: Vec::new(),
        findings: Vec::new(),
        lang,
        key: String::new(),
        context: String::new(),
    }
}

/// Computes the timeline of a request. Never panics: input that cannot be answered gives
/// error findings and no entries.
pub fn timeline(req: &TimelineRequest) -> Timeline {
    let lang = req.lang;
    let mut t = empty(req);
    // Without the built-in profiles (their file still on its way) there are no rules.
    if let Some(f) = crate::catalog::data::pending(lang) {
        t.findings.push(f);
        return t;
    }
    let held = std::cell::OnceCell::new();
    let Some(ctx) = resolve::context(req, &held, &mut t.findings) else {
        return t;
    };
    t.profile = Some(ctx.root.id.clone());
    t.profile_name = ctx.root.name.get(lang).to_string();
    t.territory = ctx.root.territory.get(lang).to_string();
    t.sede = ctx.cal.sede_id().map(String::from);
    t.cassetto = ctx.cassetto.map(|c| c.cassetto.clone());
    t.object = ctx.object.map(|(tit, o)| ObjectRef {
        id: o.id.clone(),
        label: o.label.clone(),
        titolario: tit.id.clone(),
        generic: o.generic,
    });
    t.sent = Some(ctx.sent);
    t.counting_from = ctx.cal.add_working_days(ctx.sent, 0).ok();
    t.calendar_label = ctx.cal.label(lang);
    t.key = request_key(req, &t);
    t.context = match (&req.reference, ctx.object) {
        (Some(r), _) if !r.trim().is_empty() => clip_chars(r.trim(), 60),
        (_, Some((_, o))) => messages::object_label(o, lang).to_string(),
        _ => t.kind.label(lang).to_string(),
    };
    let (entries, guaranteed) = entries::build(&ctx, &mut t.findings);
    t.guaranteed = guaranteed;
    t.entries = entries;
    if let Some(today) = req.today {
        for e in &mut t.entries {
            e.status = e.date.map(|d| match d.cmp(&today) {
                std::cmp::Ordering::Less => Status::Passed,
                std::cmp::Ordering::Equal => Status::Today,
                std::cmp::Ordering::Greater => Status::Upcoming,
            });
        }
    }
    t
}

/// The request's identity in UIDs: the caller's reference, or what tells two requests of
/// the same day apart (never the sede or the language, which do not change the request).
fn request_key(req: &TimelineRequest, t: &Timeline) -> String {
    match req.reference.as_deref().map(str::trim) {
        Some(r) if !r.is_empty() => format!("ref:{}", clip_chars(r, 100)),
        _ => format!(
            "{}/{}/{}/{}",
            t.sent.map(crate::dates::iso).unwrap_or_default(),
            t.kind.id(),
            t.cassetto.as_deref().unwrap_or(""),
            t.object.as_ref().map_or("", |o| o.id.as_str()),
        ),
    }
}

fn clip_chars(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// `key: "YYYY-MM-DD"`, or `key: null`.
fn field_opt_date(out: &mut Json, key: &str, date: Option<NaiveDate>) {
    out.key(key);
    date.write(out);
}

/// The shape the `Timeline` TypeScript declaration gives (`bindings/timeline.rs`).
impl ToWire for Timeline {
    fn write(&self, out: &mut Json) {
        out.begin_object();
        out.field_str_or_null("profile", self.profile.as_deref());
        out.field_str("profileName", &self.profile_name);
        out.field_str("territory", &self.territory);
        out.field_str_or_null("sede", self.sede.as_deref());
        out.field_str_or_null("cassetto", self.cassetto.as_deref());
        out.key("object");
        self.object.write(out);
        out.field_str("kind", self.kind.id());
        field_opt_date(out, "sent", self.sent);
        out.field_str_or_null("time", self.time.as_deref());
        field_opt_date(out, "countingFrom", self.counting_from);
        out.field_str("calendarLabel", &self.calendar_label);
        out.field_bool("guaranteed", self.guaranteed);
        out.field_list("entries", &self.entries);
        out.field_list("findings", &self.findings);
        out.key("lang");
        self.lang.write(out);
        out.end_object();
    }
}

impl ToWire for ObjectRef {
    fn write(&self, out: &mut Json) {
        out.begin_object();
        out.field_str("id", &self.id);
        out.field_str("label", &self.label);
        out.field_str("titolario", &self.titolario);
        out.field_bool("generic", self.generic);
        out.end_object();
    }
}

impl ToWire for Entry {
    fn write(&self, out: &mut Json) {
        out.begin_object();
        out.field_str("id", self.id.id());
        field_opt_date(out, "date", self.date);
        out.field_str(
            "kind",
            match self.kind {
                EntryKind::InpsDeadline => "inps-deadline",
                EntryKind::YouMay => "you-may",
                EntryKind::YourDeadline => "your-deadline",
            },
        );
        out.field_str("title", &self.title);
        out.field_str("explanation", &self.explanation);
        out.field_str_or_null("reading", self.reading.as_deref());
        out.key("rule");
        self.rule.write(out);
        out.key("term");
        self.term.write(out);
        out.field_list("recipients", &self.recipients);
        out.key("status");
        match self.status {
            Some(status) => out.str(match status {
                Status::Passed => "passed",
                Status::Today => "today",
                Status::Upcoming => "upcoming",
            }),
            None => out.null(),
        }
        out.end_object();
    }
}

impl ToWire for TermLength {
    fn write(&self, out: &mut Json) {
        out.begin_object();
        out.field_int("days", i64::from(self.days));
        out.field_str(
            "unit",
            match self.unit {
                Unit::WorkingDays => "working-days",
                Unit::CalendarDays => "calendar-days",
            },
        );
        out.end_object();
    }
}

impl ToWire for Recipient {
    fn write(&self, out: &mut Json) {
        out.begin_object();
        out.field_str("address", &self.address);
        out.field_bool("cc", self.cc);
        out.field_str_or_null("role", self.role.as_deref());
        out.key("sedi");
        out.strs(&self.sedi);
        out.end_object();
    }
}
