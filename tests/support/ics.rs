//! The iCalendar reader of the tests and the fuzz targets: it reads back what
//! `instrada::ics` writes (unfolded, unescaped), and anything else without panicking. It is
//! no part of the library (nothing in the product reads calendars); each test crate includes
//! it with `#[path = "support/ics.rs"] mod ics;`, the fuzz crate with its own `#[path]`, and
//! gets the writer through the re-export below, so `ics::write` and `ics::read_events` sit
//! side by side as before.
#![allow(dead_code, unused_imports)]

pub use instrada::ics::*;

use chrono::NaiveDate;

/// Reverses [`escape`]: `\n`/`\N` are newlines, `\\`, `\;`, `\,` the characters; any other
/// backslash is kept as it is.
pub fn unescape(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('n') | Some('N') => out.push('\n'),
            Some(e @ ('\\' | ';' | ',')) => out.push(e),
            Some(other) => {
                out.push('\\');
                out.push(other);
            }
            None => out.push('\\'),
        }
    }
    out
}

/// Joins folded lines (RFC 5545 §3.1): a line break followed by a space or a tab continues
/// the previous line. Accepts CRLF and bare LF.
pub fn unfold(text: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for raw in text.split('\n') {
        let raw = raw.strip_suffix('\r').unwrap_or(raw);
        match raw.as_bytes().first() {
            Some(b' ' | b'\t') if !lines.is_empty() => {
                if let Some(last) = lines.last_mut() {
                    last.push_str(&raw[1..]);
                }
            }
            _ if raw.is_empty() => {}
            _ => lines.push(raw.to_string()),
        }
    }
    lines
}

/// One content line: `NAME;PARAM=value:VALUE`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Property {
    /// The name, upper-cased.
    pub name: String,
    /// Parameters, names upper-cased, values without quotes.
    pub params: Vec<(String, String)>,
    /// The raw value (still escaped for TEXT values: see [`unescape`]).
    pub value: String,
}

/// A component (`VCALENDAR`, `VEVENT`, `VALARM`, …) with its properties and children.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Component {
    /// The name, upper-cased.
    pub name: String,
    /// Properties in file order.
    pub properties: Vec<Property>,
    /// Nested components in file order.
    pub components: Vec<Component>,
}

impl Component {
    /// The first property with this name.
    pub fn property(&self, name: &str) -> Option<&Property> {
        self.properties.iter().find(|p| p.name == name)
    }
}

/// Why a text could not be read as iCalendar.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IcsError {
    /// A content line without a `:` (1-based line number after unfolding).
    NoColon(usize),
    /// An `END` that does not close the open component, or a component never closed.
    Unbalanced(usize),
    /// Components nested deeper than any calendar needs.
    TooDeep(usize),
    /// No `VCALENDAR` at the top.
    NotACalendar,
    /// A `VEVENT` without a readable `DTSTART` (1-based index of the event).
    BadEvent(usize),
}

/// Parses iCalendar text into its top component. Never panics; nesting is capped.
pub fn parse(text: &str) -> Result<Component, IcsError> {
    const MAX_DEPTH: usize = 8;
    let mut stack: Vec<Component> = vec![Component::default()];
    for (n, l) in unfold(text).iter().enumerate() {
        let number = n + 1;
        let prop = parse_line(l).ok_or(IcsError::NoColon(number))?;
        match prop.name.as_str() {
            "BEGIN" => {
                if stack.len() > MAX_DEPTH {
                    return Err(IcsError::TooDeep(number));
                }
                stack.push(Component {
                    name: prop.value.to_ascii_uppercase(),
                    ..Component::default()
                });
            }
            "END" => {
                // The bottom of the stack is the file itself: END cannot close it.
                if stack.len() < 2 {
                    return Err(IcsError::Unbalanced(number));
                }
                let Some(done) = stack.pop() else {
                    return Err(IcsError::Unbalanced(number));
                };
                if !done.name.eq_ignore_ascii_case(prop.value.trim()) {
                    return Err(IcsError::Unbalanced(number));
                }
                if let Some(parent) = stack.last_mut() {
                    parent.components.push(done);
                }
            }
            _ => {
                if let Some(current) = stack.last_mut() {
                    current.properties.push(prop);
                }
            }
        }
    }
    if stack.len() != 1 {
        return Err(IcsError::Unbalanced(0));
    }
    let root = stack.pop().unwrap_or_default();
    root.components
        .into_iter()
        .find(|c| c.name == "VCALENDAR")
        .ok_or(IcsError::NotACalendar)
}

fn parse_line(l: &str) -> Option<Property> {
    // The value starts at the first ':' that is not inside a quoted parameter value.
    let mut in_quotes = false;
    let mut colon = None;
    for (i, b) in l.bytes().enumerate() {
        match b {
            b'"' => in_quotes = !in_quotes,
            b':' if !in_quotes => {
                colon = Some(i);
                break;
            }
            _ => {}
        }
    }
    let colon = colon?;
    let (head, value) = (&l[..colon], &l[colon + 1..]);
    let mut parts = split_params(head).into_iter();
    let name = parts.next()?.to_ascii_uppercase();
    if name.is_empty() {
        return None;
    }
    let params = parts
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (k.to_ascii_uppercase(), v.trim_matches('"').to_string()),
            None => (p.to_ascii_uppercase(), String::new()),
        })
        .collect();
    Some(Property {
        name,
        params,
        value: value.to_string(),
    })
}

fn split_params(head: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut in_quotes = false;
    let mut start = 0;
    for (i, b) in head.bytes().enumerate() {
        match b {
            b'"' => in_quotes = !in_quotes,
            b';' if !in_quotes => {
                out.push(&head[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    out.push(&head[start..]);
    out
}

/// An event as read back: the fields the writer writes, unescaped.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReadEvent {
    /// UID.
    pub uid: String,
    /// DTSTART (a DATE value).
    pub date: NaiveDate,
    /// DTEND, when present.
    pub end: Option<NaiveDate>,
    /// SUMMARY, unescaped.
    pub summary: String,
    /// DESCRIPTION, unescaped (empty when absent).
    pub description: String,
    /// The TRIGGER of each VALARM, as written.
    pub triggers: Vec<String>,
}

/// Reads the events of a calendar (unfolded, unescaped), for round-trip tests.
pub fn read_events(text: &str) -> Result<Vec<ReadEvent>, IcsError> {
    let calendar = parse(text)?;
    let date =
        |p: Option<&Property>| p.and_then(|p| instrada::dates::date_from(p.value.trim(), "%Y%m%d"));
    calendar
        .components
        .iter()
        .filter(|c| c.name == "VEVENT")
        .enumerate()
        .map(|(i, e)| {
            Ok(ReadEvent {
                uid: e
                    .property("UID")
                    .map(|p| p.value.clone())
                    .unwrap_or_default(),
                date: date(e.property("DTSTART")).ok_or(IcsError::BadEvent(i + 1))?,
                end: date(e.property("DTEND")),
                summary: e
                    .property("SUMMARY")
                    .map(|p| unescape(&p.value))
                    .unwrap_or_default(),
                description: e
                    .property("DESCRIPTION")
                    .map(|p| unescape(&p.value))
                    .unwrap_or_default(),
                triggers: e
                    .components
                    .iter()
                    .filter(|a| a.name == "VALARM")
                    .filter_map(|a| a.property("TRIGGER").map(|p| p.value.clone()))
                    .collect(),
            })
        })
        .collect()
}
