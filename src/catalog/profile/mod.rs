//! Protocol profiles: what each territory's protocol (or INPS's national circolare) says
//! about channels, mailboxes, cassetti, response times and escalation, as **data**.
//!
//! One JSON file per profile lives in `src/data/profiles/`, embedded at build time and
//! read with the crate's own JSON reader at first use ([`profiles`], [`profile`]). A portal can register its own
//! profile at run time with [`load_profile`]; a malformed one is refused with findings that
//! name the field and the reason. The schema is documented in `docs/profile-schema.md`.
//!
//! Different territories and different dates are different profiles, never merged: a
//! profile's rules carry their own effective dates, and a profile may *inherit* another
//! (every territorial profile inherits `nazionale-gdp`, the rules of circolare INPS
//! 34/2023 for public employers, in force from 31/03/2023).
//!
//! ```
//! use chrono::NaiveDate;
//! use instrada::catalog::profile::{profile, Level, TermKind};
//!
//! let torino = profile("torino").unwrap();
//! // The 2021 update replaced the level-B list of 2017: pick by date.
//! let d2020 = NaiveDate::from_ymd_opt(2020, 1, 10).unwrap();
//! let d2022 = NaiveDate::from_ymd_opt(2022, 1, 10).unwrap();
//! let b2020 = torino.escalation_list(Level::B, d2020).unwrap();
//! let b2022 = torino.escalation_list(Level::B, d2022).unwrap();
//! assert!(b2020.to.iter().any(|c| c.address == "beniamino.gallo@inps.it"));
//! assert!(b2022.to.iter().any(|c| c.address == "nicola.vitiello@inps.it"));
//! assert_eq!(torino.term(TermKind::Processo, d2022).unwrap().days, 20);
//! ```

mod read;
mod registry;
mod validate;
pub mod view;
mod vocab;

use crate::finding::{Lang, Source};
use chrono::NaiveDate;

pub(crate) use registry::note_code;
pub use registry::{
    built_in_errors, cite, document_owner, is_built_in, load_profile, profile, profile_for_sede,
    profiles, warm_step, Loaded, NATIONAL,
};
pub use validate::{is_email, GESTIONE_PLACEHOLDER, INPS_PEC_DOMAIN, MAX_JSON};
pub(crate) use vocab::{vocabulary, Named};
pub use vocab::{
    BookingPart, Channel, DayUnit, Gestione, Kind, Level, MailboxKind, NoteSeverity, Party,
    Previous, Requirement, SubjectPart, TermKind, Weekday,
};

/// The cassetti a profile may name: the five with a titolario, plus the two whose object
/// list is in no source document (agricoli, domestici: Emilia Romagna 2019 names their
/// Comunicazione bidirezionale).
pub const CASSETTI: [&str; 7] = [
    "aziende-dm",
    "committenti-gs",
    "liberi-professionisti",
    "artigiani-commercianti",
    "dipendenti-pubblici",
    "agricoli",
    "domestici",
];

/// Whether `date` is from `from` to `until`, both included; a missing bound is open. Every
/// dated entry of a profile (period, cassetto, rule, note, term) is in force this way.
fn within(from: Option<NaiveDate>, until: Option<NaiveDate>, date: NaiveDate) -> bool {
    from.is_none_or(|f| f <= date) && until.is_none_or(|u| date <= u)
}

/// A text in Italian and English. `en` may be left out in a portal's profile: the Italian
/// text is shown instead.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Text {
    /// Italian: the documents' own words where possible.
    pub it: String,
    /// English.
    pub en: String,
}

impl Text {
    /// The text in `lang` (Italian when the English one is missing).
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En if !self.en.is_empty() => &self.en,
            _ => &self.it,
        }
    }
}

/// One protocol profile: a territory's protocol (or the national circolare) with its
/// effective period.
#[derive(Clone, Debug)]
pub struct Profile {
    /// Stable identifier, kebab-case (`"torino"`, `"nazionale-gdp"`).
    pub id: String,
    /// Name shown to people.
    pub name: Text,
    /// The territory covered.
    pub territory: Text,
    /// Who signed or issued it.
    pub issuer: String,
    /// The source document, and its later updates.
    pub document: Document,
    /// When its rules apply.
    pub effective: Period,
    /// The last day of a trial period, when the document sets one (ER: two years).
    pub trial_until: Option<NaiveDate>,
    /// Profiles whose rules also apply (each with its own dates).
    pub inherits: Vec<String>,
    /// The Direzioni and Agenzie, with their mailboxes.
    pub sedi: Vec<Sede>,
    /// Mailboxes of the whole territory, not of one sede (ER's regional boxes).
    pub mailboxes: Vec<Mailbox>,
    /// The cassetti and their titolari.
    pub cassetti: Vec<Cassetto>,
    /// Routing rules: which channel for which gestione and kind of request.
    pub rules: Vec<Rule>,
    /// The service requests INPS made online-only (L. 122/2010), as listed.
    pub online_only: Option<OnlineOnly>,
    /// Examples of service requests that are not online (go by PEC).
    pub pec_examples: Vec<Listed>,
    /// Response times and deadlines.
    pub terms: Vec<Term>,
    /// Escalation levels with their contacts, by date.
    pub escalation: Vec<EscalationLevel>,
    /// Telephone lines and their hours.
    pub phone: Vec<PhoneLine>,
    /// Old mailboxes that are no longer read.
    pub dead_mailboxes: Vec<DeadMailbox>,
    /// Whether only the listed mailboxes are read, and personal ones are not.
    pub mailbox_policy: Option<MailboxPolicy>,
    /// What a reader of the profile should know.
    pub notes: Vec<Note>,
}

/// A source document.
#[derive(Clone, Debug)]
pub struct Document {
    /// File name in `shared/sources/`, or the portal's reference.
    pub file: String,
    /// Title in the document's words.
    pub title: String,
    /// Date of signature or issue.
    pub date: NaiveDate,
    /// Protocol number or similar.
    pub reference: Option<String>,
    /// Later updates (Torino 19/07/2021).
    pub updates: Vec<Update>,
}

/// An update to a document.
#[derive(Clone, Debug)]
pub struct Update {
    /// Date of the update.
    pub date: NaiveDate,
    /// What it changes.
    pub title: String,
    /// Where it is.
    pub source: Source,
}

/// An effective period; `until` is the last day, inclusive (absent: still in force).
#[derive(Clone, Copy, Debug)]
pub struct Period {
    /// First day.
    pub from: NaiveDate,
    /// Last day.
    pub until: Option<NaiveDate>,
}

impl Period {
    /// Whether `date` is inside.
    pub fn contains(&self, date: NaiveDate) -> bool {
        within(Some(self.from), self.until, date)
    }
}

/// A Direzione or Agenzia.
#[derive(Clone, Debug)]
pub struct Sede {
    /// The sede id shared with the calendar (`"milano-nord"`).
    pub id: String,
    /// Its name in the documents ("Agenzia complessa Milano Nord").
    pub name: String,
    /// Its mailboxes.
    pub mailboxes: Vec<Mailbox>,
}

/// One mailbox of a sede or of the territory.
#[derive(Clone, Debug)]
pub struct Mailbox {
    /// The address, as the document writes it.
    pub address: String,
    /// PEC or plain e-mail.
    pub kind: MailboxKind,
    /// What it is for: gestione ids (`"domestici"`), or `"domande"` (non-online service
    /// requests), `"urgente"`, `"residuale"` (topics outside the titolario), `"durc"`,
    /// `"appuntamento"`, `"accentramento"`, `"quesiti"`, `"assistenza-informatica"`.
    pub uses: Vec<String>,
    /// Other spellings that reach the same box (compared without case).
    pub aliases: Vec<String>,
    /// What to know about it.
    pub note: Option<Text>,
    /// Where it is listed.
    pub source: Source,
}

impl Mailbox {
    /// Whether `address` (any case) is this box or one of its aliases.
    pub fn is(&self, address: &str) -> bool {
        self.address.eq_ignore_ascii_case(address)
            || self.aliases.iter().any(|a| a.eq_ignore_ascii_case(address))
    }

    /// Whether the box is for `use_`.
    pub fn serves(&self, use_: &str) -> bool {
        self.uses.iter().any(|u| u == use_)
    }
}

/// A cassetto offered to some gestioni, with its titolario.
#[derive(Clone, Debug)]
pub struct Cassetto {
    /// One of [`CASSETTI`].
    pub cassetto: String,
    /// Its name ("Cassetto previdenziale aziende").
    pub name: Text,
    /// The gestioni that use it.
    pub gestioni: Vec<Gestione>,
    /// The titolario id (`crate::catalog::titolario::titolario`), absent when no source
    /// lists the objects.
    pub titolario: Option<String>,
    /// Whether its Comunicazione bidirezionale is active (Siena 2012: the artigiani e
    /// commercianti cassetto was read-only).
    pub bidirezionale: bool,
    /// Where to click ("Contatti > Com. Bidirezionale").
    pub menu: Option<Text>,
    /// When it is offered.
    pub from: Option<NaiveDate>,
    /// Last day it is offered.
    pub until: Option<NaiveDate>,
    /// Where it is described.
    pub source: Source,
}

impl Cassetto {
    /// Whether it is offered on `date`.
    pub fn in_force(&self, date: NaiveDate) -> bool {
        within(self.from, self.until, date)
    }
}

/// A routing rule: for these gestioni and kinds of request, at these dates, use this
/// channel. Among the rules that match, the one with the latest start wins, then the
/// first in the file (so a later national rule supersedes an older local one, and specific
/// rules are written before general ones).
#[derive(Clone, Debug)]
pub struct Rule {
    /// Stable id, unique in the profile (also the code programs match on).
    pub id: String,
    /// The gestioni it applies to; empty: all.
    pub gestioni: Vec<Gestione>,
    /// The kinds of request it applies to.
    pub kinds: Vec<Kind>,
    /// Applies only when the earlier request went this way; empty: any.
    pub previous: Vec<Previous>,
    /// Applies only when this escalation level is asked; empty: any.
    pub levels: Vec<Level>,
    /// First day (default: the profile's).
    pub from: Option<NaiveDate>,
    /// Last day.
    pub until: Option<NaiveDate>,
    /// Only offered as another rule's alternative, never chosen on its own.
    pub alternative_only: bool,
    /// The channel.
    pub channel: Channel,
    /// Which mailboxes: the `uses` value to look for (competent sede first).
    pub mailbox: Option<String>,
    /// Fixed addresses.
    pub addresses: Vec<String>,
    /// The cassetto (default: the one the profile offers to the gestione).
    pub cassetto: Option<String>,
    /// The escalation level whose contacts are the addresses.
    pub escalation: Option<Level>,
    /// What the subject line must hold.
    pub subject: Vec<SubjectPart>,
    /// How the subject line must start (ER: "Sollecito a precedente richiesta di").
    pub subject_prefix: Option<String>,
    /// What a booking must hold.
    pub booking: Vec<BookingPart>,
    /// Other rules (ids) that also apply in some cases, shown as alternatives.
    pub alternatives: Vec<String>,
    /// Why: the document's rule in a sentence.
    pub why: Text,
    /// Present when the document does not state the rule and instrada reads it (Siena 000:
    /// the channel of a DURC request): why, in a sentence. Kept apart from the document's
    /// words, as the titolari notes' `kind: "reading"` are.
    pub reading: Option<Text>,
    /// What else to say when this rule is chosen.
    pub notes: Vec<Note>,
    /// The rule's source.
    pub source: Source,
}

impl Rule {
    /// Whether the rule is in force on `date`, given the profile's own start.
    pub fn in_force(&self, profile_from: NaiveDate, date: NaiveDate) -> bool {
        within(Some(self.from.unwrap_or(profile_from)), self.until, date)
    }
}

/// A note attached to a rule or a profile.
#[derive(Clone, Debug)]
pub struct Note {
    /// Stable code, `area.kebab-case` (`"route.pec-only"`).
    pub code: String,
    /// How much it matters.
    pub severity: NoteSeverity,
    /// The note.
    pub text: Text,
    /// Only for these kinds of request; empty: always.
    pub kinds: Vec<Kind>,
    /// Only for these gestioni; empty: always.
    pub gestioni: Vec<Gestione>,
    /// Only when routing to these channels; empty: always.
    pub channels: Vec<Channel>,
    /// Only from this date.
    pub from: Option<NaiveDate>,
    /// Only until this date.
    pub until: Option<NaiveDate>,
    /// Its source.
    pub source: Source,
}

impl Note {
    /// Whether the note applies on `date` to this case (a filter left empty applies to all).
    pub fn applies(
        &self,
        date: NaiveDate,
        kind: Option<Kind>,
        gestione: Option<Gestione>,
        channel: Option<Channel>,
    ) -> bool {
        fn ok<T: PartialEq>(list: &[T], value: Option<T>) -> bool {
            list.is_empty() || value.is_some_and(|v| list.contains(&v))
        }
        within(self.from, self.until, date)
            && ok(&self.kinds, kind)
            && ok(&self.gestioni, gestione)
            && ok(&self.channels, channel)
    }
}

/// The online-only service requests (L. 122/2010).
#[derive(Clone, Debug)]
pub struct OnlineOnly {
    /// The listed requests.
    pub items: Vec<Listed>,
    /// Whether the list is complete (the documents refer to www.inps.it for the full one).
    pub complete: bool,
    /// Where to submit them.
    pub r#where: Text,
    /// The rule's source.
    pub source: Source,
}

/// A listed request with the words that recognise it in a description.
#[derive(Clone, Debug)]
pub struct Listed {
    /// The document's words.
    pub label: String,
    /// Recognition: any group matches when all its terms appear in the folded text. A term
    /// is `|`-separated alternatives; each alternative is a phrase of folded words, a
    /// trailing `*` matching any ending of the last word.
    pub matches: Vec<Vec<String>>,
    /// Where it is listed.
    pub source: Source,
}

/// A response time or deadline.
#[derive(Clone, Debug)]
pub struct Term {
    /// Which term.
    pub kind: TermKind,
    /// How many days.
    pub days: u32,
    /// Working or calendar days.
    pub unit: DayUnit,
    /// What it is, counted from what.
    pub label: Text,
    /// Who must meet it: `"inps"` or `"intermediario"`.
    pub by: Party,
    /// First day it applies.
    pub from: Option<NaiveDate>,
    /// Last day it applies.
    pub until: Option<NaiveDate>,
    /// What to know (e.g. the document does not say working or calendar days).
    pub note: Option<Text>,
    /// Its source.
    pub source: Source,
}

/// An escalation level.
#[derive(Clone, Debug)]
pub struct EscalationLevel {
    /// B or C.
    pub level: Level,
    /// When it may be used ("after 7 working days without an answer").
    pub when: Text,
    /// The contacts, one list per date (a newer list replaces the older one).
    pub lists: Vec<ContactList>,
    /// What the escalation must carry (Milano D, Torino D).
    pub requires: Vec<Requirement>,
    /// Its source.
    pub source: Source,
}

/// The contacts of an escalation level from a date.
#[derive(Clone, Debug)]
pub struct ContactList {
    /// From this date (until the next list's).
    pub from: NaiveDate,
    /// Recipients.
    pub to: Vec<Contact>,
    /// In copy.
    pub cc: Vec<Contact>,
    /// Where the list is.
    pub source: Source,
}

/// A contact of an escalation list.
#[derive(Clone, Debug)]
pub struct Contact {
    /// The address.
    pub address: String,
    /// The sedi the contact answers for; empty: all.
    pub sedi: Vec<String>,
    /// Role, in the document's words.
    pub role: Option<Text>,
}

/// A telephone line.
#[derive(Clone, Debug)]
pub struct PhoneLine {
    /// The number as written.
    pub number: String,
    /// Days it answers.
    pub days: Vec<Weekday>,
    /// Opening time, `HH:MM`.
    pub from: String,
    /// Closing time, `HH:MM`.
    pub to: String,
    /// What it is for.
    pub purpose: Text,
    /// Its source.
    pub source: Source,
}

/// An old mailbox pattern that is no longer read. `{sede}` stands for any sede name.
#[derive(Clone, Debug)]
pub struct DeadMailbox {
    /// `"Anagraficaflussi.{sede}@inps.it"`.
    pub pattern: String,
    /// Its source.
    pub source: Source,
}

impl DeadMailbox {
    /// Whether `address` (any case) matches the pattern.
    pub fn matches(&self, address: &str) -> bool {
        let p = self.pattern.to_ascii_lowercase();
        let a = address.to_ascii_lowercase();
        match crate::text::split_once(&p, "{sede}") {
            Some((head, tail)) => {
                let middle = a
                    .strip_prefix(head)
                    .and_then(|rest| rest.strip_suffix(tail))
                    .filter(|m| !m.is_empty());
                middle.is_some_and(|m| {
                    m.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-' || b == b'_')
                })
            }
            None => a == p,
        }
    }
}

/// Which mailboxes are read.
#[derive(Clone, Debug)]
pub struct MailboxPolicy {
    /// Only the mailboxes listed in the profile are read (Milano §2, Torino §2.7).
    pub listed_only: bool,
    /// Personal mailboxes of officials are not read.
    pub personal_not_read: bool,
    /// Its source.
    pub source: Source,
}

impl Profile {
    /// Whether the profile is in force on `date`.
    pub fn in_force(&self, date: NaiveDate) -> bool {
        self.effective.contains(date)
    }

    /// The sede with this id.
    pub fn sede(&self, id: &str) -> Option<&Sede> {
        // One normaliser for every function (issue 13): "Milano Nord", "milano-nord" and
        // "MILANO_NORD" are the same sede.
        let key = crate::text::id_key(id);
        self.sedi.iter().find(|s| {
            s.id == id
                || key
                    .as_deref()
                    .is_some_and(|k| crate::text::id_key(&s.id).as_deref() == Some(k))
        })
    }

    /// Every mailbox of the profile (sedi first, then the territory's), with its sede.
    pub fn all_mailboxes(&self) -> impl Iterator<Item = (Option<&Sede>, &Mailbox)> {
        // Gathered by loops, not a flat_map chained with a map: each search over it compiled
        // the chain's and the flattening's adapters once more (issue 15).
        let mut all = Vec::new();
        for s in &self.sedi {
            for m in &s.mailboxes {
                all.push((Some(s), m));
            }
        }
        for m in &self.mailboxes {
            all.push((None, m));
        }
        all.into_iter()
    }

    /// The mailbox with this address (any case, aliases too).
    pub fn mailbox(&self, address: &str) -> Option<(Option<&Sede>, &Mailbox)> {
        // Loops in the order of `all_mailboxes`, not its chain: smaller in the wasm.
        for s in &self.sedi {
            for m in &s.mailboxes {
                if m.is(address) {
                    return Some((Some(s), m));
                }
            }
        }
        for m in &self.mailboxes {
            if m.is(address) {
                return Some((None, m));
            }
        }
        None
    }

    /// The term of this kind in force on `date`.
    pub fn term(&self, kind: TermKind, date: NaiveDate) -> Option<&Term> {
        self.terms
            .iter()
            .find(|t| t.kind == kind && within(t.from, t.until, date))
    }

    /// The escalation level, if the profile has it.
    pub fn escalation_level(&self, level: Level) -> Option<&EscalationLevel> {
        self.escalation.iter().find(|e| e.level == level)
    }

    /// The contact list of `level` in force on `date`: the one with the latest start not
    /// after `date` (Torino: the 19/07/2021 list replaces the 2017 one).
    pub fn escalation_list(&self, level: Level, date: NaiveDate) -> Option<&ContactList> {
        // A loop, not filter + max_by_key: one copy less of the adapters in the module
        // (issue 15). The last of the latest, as max_by_key gives it.
        let mut best: Option<&ContactList> = None;
        for l in &self.escalation_level(level)?.lists {
            if l.from <= date && best.is_none_or(|b| l.from >= b.from) {
                best = Some(l);
            }
        }
        best
    }

    /// The contacts of `level` on `date` for `sede` (all of them when the sede is unknown).
    pub fn escalation_contacts(
        &self,
        level: Level,
        date: NaiveDate,
        sede: Option<&str>,
    ) -> Vec<&Contact> {
        let Some(list) = self.escalation_list(level, date) else {
            return Vec::new();
        };
        list.to
            .iter()
            .filter(|c| match sede {
                Some(s) => c.sedi.is_empty() || c.sedi.iter().any(|x| x == s),
                None => true,
            })
            .collect()
    }

    /// The cassetto the profile offers to `gestione` on `date`.
    pub fn cassetto_for(&self, gestione: Gestione, date: NaiveDate) -> Option<&Cassetto> {
        self.cassetti
            .iter()
            .find(|c| c.gestioni.contains(&gestione) && c.in_force(date))
    }

    /// The rule with this id.
    pub fn rule(&self, id: &str) -> Option<&Rule> {
        self.rules.iter().find(|r| r.id == id)
    }
}
