//! What [`route`](super::route) answers: the chosen step and its alternatives, the
//! addresses, cassetto and telephone lines, and how each is written on the wire.

use crate::catalog::profile::{
    BookingPart, Channel, Gestione, Kind, MailboxKind, Requirement, SubjectPart, Weekday,
};
use crate::finding::{Finding, Lang, Source};
use crate::wire::{Json, ToWire};

use super::messages::NoChannel;

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
    pub(super) fn none(why: String, source: Option<Source>) -> Step {
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
