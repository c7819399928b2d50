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

use chrono::NaiveDate;

use super::{
    Cassetto, Contact, ContactList, DeadMailbox, Document, EscalationLevel, Listed, Mailbox,
    MailboxPolicy, Named, Note, OnlineOnly, Period, PhoneLine, Profile, Rule, Sede, Term, Text,
    Update,
};
use crate::catalog::fields::{many, maybe};
use crate::finding::Source;
use crate::json::{self, Fail, Fields, Json, Reason, What};

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
    profile(&value).map_err(|(field, reason)| ReadError {
        at: json::locate(text, &field),
        field,
        reason,
    })
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

type Read<T> = Result<T, Fail>;

/// Reads the object `v` (at path `at`) whose keys must be among `keys` with `read`, then
/// refuses a key `read` did not take.
fn object<T>(
    v: &Json,
    at: String,
    keys: &[&str],
    read: impl FnOnce(&mut Fields) -> Read<T>,
) -> Read<T> {
    let mut f = Fields::known(v, at, keys)?;
    let t = read(&mut f)?;
    f.end()?;
    Ok(t)
}

/// A field that holds an object, which must be there.
fn one<T>(f: &mut Fields, key: &'static str, read: fn(&Json, String) -> Read<T>) -> Read<T> {
    match f.get(key) {
        Some(v) => read(v, f.sub(key)),
        None => Err(f.missing(key)),
    }
}

/// A date written `YYYY-MM-DD`, if the field is there.
fn date(f: &mut Fields, key: &'static str) -> Read<Option<NaiveDate>> {
    let Some(s) = f.opt_str(key)? else {
        return Ok(None);
    };
    let parsed = if s.len() == 10 {
        crate::dates::date_from(&s, "%Y-%m-%d")
    } else {
        None
    };
    match parsed {
        Some(d) => Ok(Some(d)),
        None => Err((f.path(key), Reason::NotADate(crate::dates::clip(&s)))),
    }
}

/// A date that must be there.
fn day(f: &mut Fields, key: &'static str) -> Read<NaiveDate> {
    date(f, key)?.ok_or_else(|| f.missing(key))
}

/// A text in Italian and English.
fn text(v: &Json, at: String) -> Read<Text> {
    object(v, at, &["it", "en"], |f| {
        Ok(Text {
            it: f.str("it")?,
            en: f.opt_str("en")?.unwrap_or_default(),
        })
    })
}

fn source(v: &Json, at: String) -> Read<Source> {
    object(v, at, &["document", "section"], |f| {
        Ok(Source {
            document: f.str("document")?,
            section: f.opt_str("section")?.unwrap_or_default(),
        })
    })
}

/// A value of a closed vocabulary.
fn named<T: Named>(v: &Json, at: &str) -> Read<T> {
    let Json::Str(s) = v else {
        return Err((at.to_string(), Reason::wrong(v, What::Str)));
    };
    T::NAMES
        .iter()
        .find(|(name, _)| name == s)
        .map(|(_, value)| *value)
        .ok_or_else(|| {
            (
                at.to_string(),
                Reason::UnknownVariant {
                    value: crate::dates::clip(s),
                    expected: T::NAMES.iter().map(|(name, _)| name.to_string()).collect(),
                },
            )
        })
}

fn one_named<T: Named>(f: &mut Fields, key: &'static str) -> Read<T> {
    match f.get(key) {
        Some(v) => named(v, &f.path(key)),
        None => Err(f.missing(key)),
    }
}

fn maybe_named<T: Named>(f: &mut Fields, key: &'static str) -> Read<Option<T>> {
    f.get(key).map(|v| named(v, &f.path(key))).transpose()
}

/// A list of names; absent is empty unless `required`.
fn names<T: Named>(f: &mut Fields, key: &'static str, required: bool) -> Read<Vec<T>> {
    let list = f.list(key, required)?;
    list.iter()
        .enumerate()
        .map(|(i, v)| named(v, &format!("{}[{i}]", f.path(key))))
        .collect()
}

fn profile(v: &Json) -> Read<Profile> {
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
    object(v, String::new(), &KEYS, |f| {
        Ok(Profile {
            id: f.str("id")?,
            name: one(f, "name", text)?,
            territory: one(f, "territory", text)?,
            issuer: f.str("issuer")?,
            document: one(f, "document", document)?,
            effective: one(f, "effective", period)?,
            trial_until: date(f, "trialUntil")?,
            inherits: f.strings("inherits")?,
            sedi: many(f, "sedi", false, sede)?,
            mailboxes: many(f, "mailboxes", false, mailbox)?,
            cassetti: many(f, "cassetti", false, cassetto)?,
            rules: many(f, "rules", false, rule)?,
            online_only: maybe(f, "onlineOnly", online_only)?,
            pec_examples: many(f, "pecExamples", false, listed)?,
            terms: many(f, "terms", false, term)?,
            escalation: many(f, "escalation", false, escalation_level)?,
            phone: many(f, "phone", false, phone_line)?,
            dead_mailboxes: many(f, "deadMailboxes", false, dead_mailbox)?,
            mailbox_policy: maybe(f, "mailboxPolicy", mailbox_policy)?,
            notes: many(f, "notes", false, note)?,
        })
    })
}

fn document(v: &Json, at: String) -> Read<Document> {
    object(
        v,
        at,
        &["file", "title", "date", "reference", "updates"],
        |f| {
            Ok(Document {
                file: f.str("file")?,
                title: f.str("title")?,
                date: day(f, "date")?,
                reference: f.opt_str("reference")?,
                updates: many(f, "updates", false, update)?,
            })
        },
    )
}

fn update(v: &Json, at: String) -> Read<Update> {
    object(v, at, &["date", "title", "source"], |f| {
        Ok(Update {
            date: day(f, "date")?,
            title: f.str("title")?,
            source: one(f, "source", source)?,
        })
    })
}

fn period(v: &Json, at: String) -> Read<Period> {
    object(v, at, &["from", "until"], |f| {
        Ok(Period {
            from: day(f, "from")?,
            until: date(f, "until")?,
        })
    })
}

fn sede(v: &Json, at: String) -> Read<Sede> {
    object(v, at, &["id", "name", "mailboxes"], |f| {
        Ok(Sede {
            id: f.str("id")?,
            name: f.str("name")?,
            mailboxes: many(f, "mailboxes", false, mailbox)?,
        })
    })
}

fn mailbox(v: &Json, at: String) -> Read<Mailbox> {
    const KEYS: [&str; 6] = ["address", "kind", "uses", "aliases", "note", "source"];
    object(v, at, &KEYS, |f| {
        Ok(Mailbox {
            address: f.str("address")?,
            kind: one_named(f, "kind")?,
            uses: required_strings(f, "uses")?,
            aliases: f.strings("aliases")?,
            note: maybe(f, "note", text)?,
            source: one(f, "source", source)?,
        })
    })
}

/// A true/false flag that must be there.
fn flag(f: &mut Fields, key: &'static str) -> Read<bool> {
    f.opt_flag(key)?.ok_or_else(|| f.missing(key))
}

/// A list of strings that must be there (it may be empty).
fn required_strings(f: &mut Fields, key: &'static str) -> Read<Vec<String>> {
    f.list(key, true)?;
    f.strings(key)
}

fn cassetto(v: &Json, at: String) -> Read<Cassetto> {
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
    object(v, at, &KEYS, |f| {
        Ok(Cassetto {
            cassetto: f.str("cassetto")?,
            name: one(f, "name", text)?,
            gestioni: names(f, "gestioni", true)?,
            titolario: f.opt_str("titolario")?,
            bidirezionale: f.opt_flag("bidirezionale")?.unwrap_or(true),
            menu: maybe(f, "menu", text)?,
            from: date(f, "from")?,
            until: date(f, "until")?,
            source: one(f, "source", source)?,
        })
    })
}

fn rule(v: &Json, at: String) -> Read<Rule> {
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
    object(v, at, &KEYS, |f| {
        Ok(Rule {
            id: f.str("id")?,
            gestioni: names(f, "gestioni", false)?,
            kinds: names(f, "kinds", true)?,
            previous: names(f, "previous", false)?,
            levels: names(f, "levels", false)?,
            from: date(f, "from")?,
            until: date(f, "until")?,
            alternative_only: f.flag("alternativeOnly")?,
            channel: one_named(f, "channel")?,
            mailbox: f.opt_str("mailbox")?,
            addresses: f.strings("addresses")?,
            cassetto: f.opt_str("cassetto")?,
            escalation: maybe_named(f, "escalation")?,
            subject: names(f, "subject", false)?,
            subject_prefix: f.opt_str("subjectPrefix")?,
            booking: names(f, "booking", false)?,
            alternatives: f.strings("alternatives")?,
            why: one(f, "why", text)?,
            reading: maybe(f, "reading", text)?,
            notes: many(f, "notes", false, note)?,
            source: one(f, "source", source)?,
        })
    })
}

fn note(v: &Json, at: String) -> Read<Note> {
    const KEYS: [&str; 9] = [
        "code", "severity", "text", "kinds", "gestioni", "channels", "from", "until", "source",
    ];
    object(v, at, &KEYS, |f| {
        Ok(Note {
            code: f.str("code")?,
            severity: one_named(f, "severity")?,
            text: one(f, "text", text)?,
            kinds: names(f, "kinds", false)?,
            gestioni: names(f, "gestioni", false)?,
            channels: names(f, "channels", false)?,
            from: date(f, "from")?,
            until: date(f, "until")?,
            source: one(f, "source", source)?,
        })
    })
}

fn online_only(v: &Json, at: String) -> Read<OnlineOnly> {
    object(v, at, &["items", "complete", "where", "source"], |f| {
        Ok(OnlineOnly {
            items: many(f, "items", true, listed)?,
            complete: flag(f, "complete")?,
            r#where: one(f, "where", text)?,
            source: one(f, "source", source)?,
        })
    })
}

fn listed(v: &Json, at: String) -> Read<Listed> {
    object(v, at, &["label", "match", "source"], |f| {
        let label = f.str("label")?;
        let groups = f.list("match", true)?;
        let matches = groups
            .iter()
            .enumerate()
            .map(|(i, g)| {
                let at = format!("{}[{i}]", f.path("match"));
                match g {
                    Json::List(terms) => json::strings(terms, &at),
                    _ => Err((at, Reason::wrong(g, What::List))),
                }
            })
            .collect::<Read<_>>()?;
        Ok(Listed {
            label,
            matches,
            source: one(f, "source", source)?,
        })
    })
}

fn term(v: &Json, at: String) -> Read<Term> {
    const KEYS: [&str; 9] = [
        "kind", "days", "unit", "label", "by", "from", "until", "note", "source",
    ];
    object(v, at, &KEYS, |f| {
        Ok(Term {
            kind: one_named(f, "kind")?,
            days: f.opt_u32("days")?.ok_or_else(|| f.missing("days"))?,
            unit: one_named(f, "unit")?,
            label: one(f, "label", text)?,
            by: one_named(f, "by")?,
            from: date(f, "from")?,
            until: date(f, "until")?,
            note: maybe(f, "note", text)?,
            source: one(f, "source", source)?,
        })
    })
}

fn escalation_level(v: &Json, at: String) -> Read<EscalationLevel> {
    object(
        v,
        at,
        &["level", "when", "lists", "requires", "source"],
        |f| {
            Ok(EscalationLevel {
                level: one_named(f, "level")?,
                when: one(f, "when", text)?,
                lists: many(f, "lists", true, contact_list)?,
                requires: names(f, "requires", false)?,
                source: one(f, "source", source)?,
            })
        },
    )
}

fn contact_list(v: &Json, at: String) -> Read<ContactList> {
    object(v, at, &["from", "to", "cc", "source"], |f| {
        Ok(ContactList {
            from: day(f, "from")?,
            to: many(f, "to", true, contact)?,
            cc: many(f, "cc", false, contact)?,
            source: one(f, "source", source)?,
        })
    })
}

fn contact(v: &Json, at: String) -> Read<Contact> {
    object(v, at, &["address", "sedi", "role"], |f| {
        Ok(Contact {
            address: f.str("address")?,
            sedi: f.strings("sedi")?,
            role: maybe(f, "role", text)?,
        })
    })
}

fn phone_line(v: &Json, at: String) -> Read<PhoneLine> {
    object(
        v,
        at,
        &["number", "days", "from", "to", "purpose", "source"],
        |f| {
            Ok(PhoneLine {
                number: f.str("number")?,
                days: names(f, "days", true)?,
                from: f.str("from")?,
                to: f.str("to")?,
                purpose: one(f, "purpose", text)?,
                source: one(f, "source", source)?,
            })
        },
    )
}

fn dead_mailbox(v: &Json, at: String) -> Read<DeadMailbox> {
    object(v, at, &["pattern", "source"], |f| {
        Ok(DeadMailbox {
            pattern: f.str("pattern")?,
            source: one(f, "source", source)?,
        })
    })
}

fn mailbox_policy(v: &Json, at: String) -> Read<MailboxPolicy> {
    object(v, at, &["listedOnly", "personalNotRead", "source"], |f| {
        Ok(MailboxPolicy {
            listed_only: flag(f, "listedOnly")?,
            personal_not_read: flag(f, "personalNotRead")?,
            source: one(f, "source", source)?,
        })
    })
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
