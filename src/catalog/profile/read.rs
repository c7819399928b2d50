//! Reading a profile from JSON: the crate's own reader ([`crate::json`]) and one small
//! function per type, instead of serde_json with derived deserializers.
//!
//! Why: serde derives a deserializer per struct, per field enum and per `Vec` of each, and
//! serde_json compiles them once per input type; for the twenty types of a profile that was
//! most of the serde code in the wasm. Here each type is one function over an already parsed
//! [`Json`]: the full (catalog and widget) build went from 456.2 to 424.8 KB gzip, serde_json
//! left the wasm, and reading the five built-in files takes about 1 ms natively instead of
//! 0.3 ms (a tree first, then the fields; once per page).
//!
//! The errors keep serde's words where it had clear ones, so a portal author reads what
//! serde_json said before: "missing field `name`", "unknown field `nome`, expected one of
//! `id`, …" (said before any other problem of the object: a misspelt key is the likely cause
//! of a missing field), "unknown variant `marziani`, expected one of `aziende-dm`, …"; a
//! value of the wrong kind is "expected a string, found a number" (the crate reader's words).
//! Each comes with the path of the field (`rules[0].gestioni[0]`).

use super::{
    Cassetto, Contact, ContactList, DeadMailbox, Document, EscalationLevel, Listed, Mailbox,
    MailboxPolicy, Named, Note, OnlineOnly, Period, PhoneLine, Profile, Rule, Sede, Term, Text,
    Update,
};
use crate::catalog::fields::{fail, name_index, Obj, Sink};
use crate::finding::Source;
use crate::json::{self, Json, Reason, What};

/// A profile that could not be read: where (byte offset in the JSON), which field (empty for
/// a syntax error or the whole document), and why.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(super) struct ReadError {
    pub at: usize,
    pub field: String,
    pub reason: Reason,
}

/// Reads a profile from its JSON text (the shape only: [`super::validate`] checks the rest).
pub(super) fn read(text: &str) -> Result<Profile, ReadError> {
    let value = json::parse_at(text).map_err(|(at, reason)| ReadError {
        at,
        field: String::new(),
        reason,
    })?;
    let mut sink = None;
    let p = profile(&mut sink, &value);
    match sink {
        None => Ok(p),
        Some((field, reason)) => Err(ReadError {
            at: json::locate(text, &field),
            field,
            reason,
        }),
    }
}

/// The id a profile's JSON declares, if it can be read (to name a refused profile).
pub(super) fn declared_id(text: &str) -> Option<String> {
    match json::parse(text).ok()? {
        Json::Object(fields) => fields.into_iter().find_map(|(k, v)| match v {
            Json::Str(id) if k == "id" => Some(id),
            _ => None,
        }),
        _ => None,
    }
}

/// The fields of the object `v` (at path `at`), whose keys must be among `keys`.
fn object<'a, 's>(sink: &'s mut Sink, v: &'a Json, at: String, keys: &[&str]) -> Obj<'a, 's> {
    Obj::new(sink, v, at, Some(keys))
}

/// A text in Italian and English.
fn text(s: &mut Sink, v: &Json, at: String) -> Text {
    let mut f = object(s, v, at, &["it", "en"]);
    let t = Text {
        it: f.str("it"),
        en: f.opt_str("en").unwrap_or_default(),
    };
    f.end();
    t
}

fn source(s: &mut Sink, v: &Json, at: String) -> Source {
    let mut f = object(s, v, at, &["document", "section"]);
    let t = Source {
        document: f.str("document"),
        section: f.opt_str("section").unwrap_or_default(),
    };
    f.end();
    t
}

/// The names of a closed vocabulary in the field `key` (a list when `list`, absent empty
/// unless `required`; else one value), as indices in `names`.
fn name_indices(
    f: &mut Obj,
    key: &'static str,
    list: bool,
    required: bool,
    names: &[&str],
) -> Vec<usize> {
    if !list {
        let at = f.path(key);
        return match f.get(key) {
            Some(v) => vec![name_index(f.sink(), v, &at, names)],
            None if required => {
                f.missing(key);
                vec![0]
            }
            None => Vec::new(),
        };
    }
    let list = f.list(key, required);
    let at = f.path(key);
    let mut out = Vec::with_capacity(list.len());
    for (i, v) in list.iter().enumerate() {
        out.push(name_index(f.sink(), v, &format!("{at}[{i}]"), names));
    }
    out
}

fn values<T: Named>(indices: Vec<usize>) -> Vec<T> {
    indices.into_iter().map(|i| T::VALUES[i]).collect()
}

/// A value of a closed vocabulary that must be there.
fn one_named<T: Named>(f: &mut Obj, key: &'static str) -> T {
    T::VALUES[name_indices(f, key, false, true, T::NAMES)[0]]
}

fn maybe_named<T: Named>(f: &mut Obj, key: &'static str) -> Option<T> {
    values(name_indices(f, key, false, false, T::NAMES)).pop()
}

/// A list of names; absent is empty unless `required`.
fn names<T: Named>(f: &mut Obj, key: &'static str, required: bool) -> Vec<T> {
    values(name_indices(f, key, true, required, T::NAMES))
}

fn profile(s: &mut Sink, v: &Json) -> Profile {
    const KEYS: [&str; 20] = [
        "id",
        "name",
        "territory",
        "issuer",
        "document",
        "effective",
        "trialUntil",
        "inherits",
        "sedi",
        "mailboxes",
        "cassetti",
        "rules",
        "onlineOnly",
        "pecExamples",
        "terms",
        "escalation",
        "phone",
        "deadMailboxes",
        "mailboxPolicy",
        "notes",
    ];
    let mut f = object(s, v, String::new(), &KEYS);
    let p = Profile {
        id: f.str("id"),
        name: f.one("name", text),
        territory: f.one("territory", text),
        issuer: f.str("issuer"),
        document: f.one("document", document),
        effective: f.one("effective", period),
        trial_until: f.date("trialUntil"),
        inherits: f.strings("inherits"),
        sedi: f.many("sedi", false, sede),
        mailboxes: f.many("mailboxes", false, mailbox),
        cassetti: f.many("cassetti", false, cassetto),
        rules: f.many("rules", false, rule),
        online_only: f.maybe("onlineOnly", online_only),
        pec_examples: f.many("pecExamples", false, listed),
        terms: f.many("terms", false, term),
        escalation: f.many("escalation", false, escalation_level),
        phone: f.many("phone", false, phone_line),
        dead_mailboxes: f.many("deadMailboxes", false, dead_mailbox),
        mailbox_policy: f.maybe("mailboxPolicy", mailbox_policy),
        notes: f.many("notes", false, note),
    };
    f.end();
    p
}

fn document(s: &mut Sink, v: &Json, at: String) -> Document {
    let mut f = object(s, v, at, &["file", "title", "date", "reference", "updates"]);
    let d = Document {
        file: f.str("file"),
        title: f.str("title"),
        date: f.day("date"),
        reference: f.opt_str("reference"),
        updates: f.many("updates", false, update),
    };
    f.end();
    d
}

fn update(s: &mut Sink, v: &Json, at: String) -> Update {
    let mut f = object(s, v, at, &["date", "title", "source"]);
    let u = Update {
        date: f.day("date"),
        title: f.str("title"),
        source: f.one("source", source),
    };
    f.end();
    u
}

fn period(s: &mut Sink, v: &Json, at: String) -> Period {
    let mut f = object(s, v, at, &["from", "until"]);
    let p = Period {
        from: f.day("from"),
        until: f.date("until"),
    };
    f.end();
    p
}

fn sede(s: &mut Sink, v: &Json, at: String) -> Sede {
    let mut f = object(s, v, at, &["id", "name", "mailboxes"]);
    let t = Sede {
        id: f.str("id"),
        name: f.str("name"),
        mailboxes: f.many("mailboxes", false, mailbox),
    };
    f.end();
    t
}

fn mailbox(s: &mut Sink, v: &Json, at: String) -> Mailbox {
    const KEYS: [&str; 6] = ["address", "kind", "uses", "aliases", "note", "source"];
    let mut f = object(s, v, at, &KEYS);
    let m = Mailbox {
        address: f.str("address"),
        kind: one_named(&mut f, "kind"),
        uses: required_strings(&mut f, "uses"),
        aliases: f.strings("aliases"),
        note: f.maybe("note", text),
        source: f.one("source", source),
    };
    f.end();
    m
}

/// A true/false flag that must be there.
fn flag(f: &mut Obj, key: &'static str) -> bool {
    let b = f.opt_flag(key);
    if b.is_none() {
        f.missing(key);
    }
    b.unwrap_or_default()
}

/// A list of strings that must be there (it may be empty).
fn required_strings(f: &mut Obj, key: &'static str) -> Vec<String> {
    f.list(key, true);
    f.strings(key)
}

fn cassetto(s: &mut Sink, v: &Json, at: String) -> Cassetto {
    const KEYS: [&str; 9] = [
        "cassetto",
        "name",
        "gestioni",
        "titolario",
        "bidirezionale",
        "menu",
        "from",
        "until",
        "source",
    ];
    let mut f = object(s, v, at, &KEYS);
    let c = Cassetto {
        cassetto: f.str("cassetto"),
        name: f.one("name", text),
        gestioni: names(&mut f, "gestioni", true),
        titolario: f.opt_str("titolario"),
        bidirezionale: f.opt_flag("bidirezionale").unwrap_or(true),
        menu: f.maybe("menu", text),
        from: f.date("from"),
        until: f.date("until"),
        source: f.one("source", source),
    };
    f.end();
    c
}

fn rule(s: &mut Sink, v: &Json, at: String) -> Rule {
    const KEYS: [&str; 21] = [
        "id",
        "gestioni",
        "kinds",
        "previous",
        "levels",
        "from",
        "until",
        "alternativeOnly",
        "channel",
        "mailbox",
        "addresses",
        "cassetto",
        "escalation",
        "subject",
        "subjectPrefix",
        "booking",
        "alternatives",
        "why",
        "reading",
        "notes",
        "source",
    ];
    let mut f = object(s, v, at, &KEYS);
    let r = Rule {
        id: f.str("id"),
        gestioni: names(&mut f, "gestioni", false),
        kinds: names(&mut f, "kinds", true),
        previous: names(&mut f, "previous", false),
        levels: names(&mut f, "levels", false),
        from: f.date("from"),
        until: f.date("until"),
        alternative_only: f.flag("alternativeOnly"),
        channel: one_named(&mut f, "channel"),
        mailbox: f.opt_str("mailbox"),
        addresses: f.strings("addresses"),
        cassetto: f.opt_str("cassetto"),
        escalation: maybe_named(&mut f, "escalation"),
        subject: names(&mut f, "subject", false),
        subject_prefix: f.opt_str("subjectPrefix"),
        booking: names(&mut f, "booking", false),
        alternatives: f.strings("alternatives"),
        why: f.one("why", text),
        reading: f.maybe("reading", text),
        notes: f.many("notes", false, note),
        source: f.one("source", source),
    };
    f.end();
    r
}

fn note(s: &mut Sink, v: &Json, at: String) -> Note {
    const KEYS: [&str; 9] = [
        "code", "severity", "text", "kinds", "gestioni", "channels", "from", "until", "source",
    ];
    let mut f = object(s, v, at, &KEYS);
    let n = Note {
        code: f.str("code"),
        severity: one_named(&mut f, "severity"),
        text: f.one("text", text),
        kinds: names(&mut f, "kinds", false),
        gestioni: names(&mut f, "gestioni", false),
        channels: names(&mut f, "channels", false),
        from: f.date("from"),
        until: f.date("until"),
        source: f.one("source", source),
    };
    f.end();
    n
}

fn online_only(s: &mut Sink, v: &Json, at: String) -> OnlineOnly {
    let mut f = object(s, v, at, &["items", "complete", "where", "source"]);
    let o = OnlineOnly {
        items: f.many("items", true, listed),
        complete: flag(&mut f, "complete"),
        r#where: f.one("where", text),
        source: f.one("source", source),
    };
    f.end();
    o
}

fn listed(s: &mut Sink, v: &Json, at: String) -> Listed {
    let mut f = object(s, v, at, &["label", "match", "source"]);
    let label = f.str("label");
    let groups = f.list("match", true);
    let at = f.path("match");
    let mut matches = Vec::with_capacity(groups.len());
    for (i, g) in groups.iter().enumerate() {
        let at = format!("{at}[{i}]");
        match g {
            Json::List(terms) => match json::strings(terms, &at) {
                Ok(terms) => matches.push(terms),
                Err(e) => f.fail(e),
            },
            _ => fail(f.sink(), (at, Reason::wrong(g, What::List))),
        }
    }
    let l = Listed {
        label,
        matches,
        source: f.one("source", source),
    };
    f.end();
    l
}

fn term(s: &mut Sink, v: &Json, at: String) -> Term {
    const KEYS: [&str; 9] = [
        "kind", "days", "unit", "label", "by", "from", "until", "note", "source",
    ];
    let mut f = object(s, v, at, &KEYS);
    let kind = one_named(&mut f, "kind");
    let days = f.opt_u32("days");
    if days.is_none() {
        f.missing("days");
    }
    let t = Term {
        kind,
        days: days.unwrap_or_default(),
        unit: one_named(&mut f, "unit"),
        label: f.one("label", text),
        by: one_named(&mut f, "by"),
        from: f.date("from"),
        until: f.date("until"),
        note: f.maybe("note", text),
        source: f.one("source", source),
    };
    f.end();
    t
}

fn escalation_level(s: &mut Sink, v: &Json, at: String) -> EscalationLevel {
    let mut f = object(s, v, at, &["level", "when", "lists", "requires", "source"]);
    let e = EscalationLevel {
        level: one_named(&mut f, "level"),
        when: f.one("when", text),
        lists: f.many("lists", true, contact_list),
        requires: names(&mut f, "requires", false),
        source: f.one("source", source),
    };
    f.end();
    e
}

fn contact_list(s: &mut Sink, v: &Json, at: String) -> ContactList {
    let mut f = object(s, v, at, &["from", "to", "cc", "source"]);
    let l = ContactList {
        from: f.day("from"),
        to: f.many("to", true, contact),
        cc: f.many("cc", false, contact),
        source: f.one("source", source),
    };
    f.end();
    l
}

fn contact(s: &mut Sink, v: &Json, at: String) -> Contact {
    let mut f = object(s, v, at, &["address", "sedi", "role"]);
    let c = Contact {
        address: f.str("address"),
        sedi: f.strings("sedi"),
        role: f.maybe("role", text),
    };
    f.end();
    c
}

fn phone_line(s: &mut Sink, v: &Json, at: String) -> PhoneLine {
    let mut f = object(
        s,
        v,
        at,
        &["number", "days", "from", "to", "purpose", "source"],
    );
    let p = PhoneLine {
        number: f.str("number"),
        days: names(&mut f, "days", true),
        from: f.str("from"),
        to: f.str("to"),
        purpose: f.one("purpose", text),
        source: f.one("source", source),
    };
    f.end();
    p
}

fn dead_mailbox(s: &mut Sink, v: &Json, at: String) -> DeadMailbox {
    let mut f = object(s, v, at, &["pattern", "source"]);
    let d = DeadMailbox {
        pattern: f.str("pattern"),
        source: f.one("source", source),
    };
    f.end();
    d
}

fn mailbox_policy(s: &mut Sink, v: &Json, at: String) -> MailboxPolicy {
    let mut f = object(s, v, at, &["listedOnly", "personalNotRead", "source"]);
    let m = MailboxPolicy {
        listed_only: flag(&mut f, "listedOnly"),
        personal_not_read: flag(&mut f, "personalNotRead"),
        source: f.one("source", source),
    };
    f.end();
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_error_names_the_field_and_where_it_is() {
        let text = r#"{"id": "x", "name": {"it": "n"}, "territory": {"it": "t"}, "issuer": "i",
            "document": {"file": "f", "title": "t", "date": "2024-01-01"},
            "effective": {"from": "2024-01-01"},
            "rules": [{"id": "r", "kinds": ["sollecito", "mail"]}]}"#;
        let e = read(text).unwrap_err();
        assert_eq!(e.field, "rules[0].kinds[1]");
        assert!(e
            .reason
            .to_string()
            .starts_with("unknown variant `mail`, expected one of `domanda`"));
        assert_eq!(text.get(e.at..e.at + 6), Some("\"mail\""));
        // A misspelt key is said before the fields it leaves missing.
        let e = read("{\"id\": \"x\", \"nmae\": {}}").unwrap_err();
        assert_eq!(e.field, "nmae");
        assert!(e
            .reason
            .to_string()
            .starts_with("unknown field `nmae`, expected one of `id`, `name`"));
        // A syntax error has no field.
        let e = read("{\"id\": }").unwrap_err();
        assert_eq!((e.field.as_str(), e.at), ("", 7));
        assert_eq!(declared_id("{\"id\": \"p\", \"x\": 1}"), Some("p".into()));
        assert_eq!(declared_id("[\"id\"]"), None);
    }
}
