//! `toIcs`: an iCalendar (.ics) file of all-day events with reminders, from JavaScript.

use chrono::Datelike;
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use crate::bindings::{lang_note, lang_of, object_arg, wire_js, with_lang_note};
use crate::calendar::{self, IcsProblem};
use crate::dates::parse_date;
use crate::field::Field;
use crate::finding::{Finding, Lang};
use crate::ics;
use crate::wire::{Json, ToWire};

/// Most events accepted by `toIcs`.
const MAX_EVENTS: usize = 500;
/// Longest summary or description accepted by `toIcs`, in characters.
const MAX_EVENT_TEXT: usize = 4000;

struct IcsResult {
    ics: Option<String>,
    findings: Vec<Finding>,
}

impl ToWire for IcsResult {
    fn write(&self, out: &mut Json) {
        out.begin_object();
        out.field_str_or_null("ics", self.ics.as_deref());
        out.field_list("findings", &self.findings);
        out.end_object();
    }
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct IcsInput {
    name: Option<String>,
    stamp: Option<String>,
    events: Vec<IcsEventInput>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct IcsEventInput {
    date: Option<String>,
    summary: Option<String>,
    description: Option<String>,
    key: Option<String>,
    reminders: Vec<IcsReminderInput>,
}

#[derive(Deserialize, Default)]
#[serde(default, rename_all = "camelCase")]
struct IcsReminderInput {
    days_before: Option<f64>,
    hour: Option<f64>,
    minute: Option<f64>,
}

/// Builds an iCalendar (.ics) file of all-day events with reminders.
#[wasm_bindgen(js_name = toIcs, unchecked_return_type = "IcsResult")]
pub fn to_ics(
    #[wasm_bindgen(unchecked_param_type = "IcsInput")] input: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "{ lang?: \"it\" | \"en\" }")] options: Option<
        JsValue,
    >,
) -> JsValue {
    let note = lang_note(options.as_ref());
    with_lang_note(to_ics_result(input, options), note)
}

/// [`to_ics`] before its language note.
fn to_ics_result(input: JsValue, options: Option<JsValue>) -> JsValue {
    let lang = options.as_ref().map_or(Lang::It, lang_of);
    let mut findings = Vec::new();
    let ics = match build_ics(input, lang, &mut findings) {
        Some(text) if !findings.iter().any(Finding::is_error) => Some(text),
        _ => None,
    };
    wire_js(&IcsResult { ics, findings })
}

fn build_ics(input: JsValue, lang: Lang, findings: &mut Vec<Finding>) -> Option<String> {
    if input.is_undefined() || input.is_null() {
        findings.push(calendar::messages::ics(IcsProblem::NoInput, lang));
        return None;
    }
    let input: IcsInput = match object_arg(input, "input", lang) {
        Ok(i) => i,
        Err(f) => {
            findings.push(f);
            return None;
        }
    };
    let stamp = input.stamp.as_deref().map(str::trim).and_then(|s| {
        let head = s.get(..19).unwrap_or(s);
        crate::dates::datetime_from(head, "%Y-%m-%dT%H:%M:%S")
    });
    // iCalendar writes a four-digit year; and a file is not made before 1970.
    let stamp = stamp.filter(|t| (1970..=9999).contains(&t.year()));
    let Some(stamp) = stamp else {
        findings.push(calendar::messages::ics(IcsProblem::Stamp, lang));
        return None;
    };
    if input.events.len() > MAX_EVENTS {
        findings.push(calendar::messages::ics(
            IcsProblem::TooManyEvents {
                given: input.events.len(),
                max: MAX_EVENTS,
            },
            lang,
        ));
        return None;
    }
    let mut events = Vec::with_capacity(input.events.len());
    for (i, e) in input.events.iter().enumerate() {
        let field = format!("events[{i}]");
        let date = match parse_date(
            e.date.as_deref().unwrap_or(""),
            Field::input(format!("{field}.date")),
            lang,
        ) {
            Ok(d) => d,
            Err(f) => {
                findings.push(f);
                continue;
            }
        };
        let summary = e.summary.as_deref().unwrap_or("").trim();
        if summary.is_empty() {
            findings.push(calendar::messages::ics(
                IcsProblem::NoSummary { event: i },
                lang,
            ));
            continue;
        }
        let description = e.description.as_deref().unwrap_or("");
        if summary.chars().count() > MAX_EVENT_TEXT || description.chars().count() > MAX_EVENT_TEXT
        {
            findings.push(calendar::messages::ics(
                IcsProblem::TextTooLong {
                    event: i,
                    max: MAX_EVENT_TEXT,
                },
                lang,
            ));
            continue;
        }
        let mut event = ics::Event::new(date, summary).description(description).key(
            e.key
                .as_deref()
                .unwrap_or("")
                .chars()
                .take(200)
                .collect::<String>(),
        );
        for r in e.reminders.iter().take(10) {
            let clamp = |v: Option<f64>, default: f64, max: f64| {
                let v = v.filter(|v| v.is_finite()).unwrap_or(default);
                v.clamp(0.0, max) as u32
            };
            event = event.reminder(ics::Reminder::days_before_at(
                clamp(r.days_before, 0.0, 366.0),
                clamp(r.hour, 9.0, 23.0),
                clamp(r.minute, 0.0, 59.0),
            ));
        }
        events.push(event);
    }
    let name: String = input
        .name
        .as_deref()
        .unwrap_or("")
        .chars()
        .take(200)
        .collect();
    Some(ics::write(&ics::IcsCalendar { name, events }, stamp))
}
