//! JavaScript API of the response timeline: `timeline(request)` and `timelineIcs(request)`.
//!
//! `request` is a plain object; every field is read on its own and leniently (dates as
//! `"YYYY-MM-DD"`, `"DD/MM/YYYY"` or a JavaScript `Date`), and every problem is a finding:
//! the functions never throw. `timelineIcs` gives the text of an `.ics` file and a file
//! name; the page offers it as a download without any network request:
//!
//! ```js
//! const { ics, filename, findings } = timelineIcs({ profile: "milano", sede: "milano", sent: "2025-12-24" });
//! if (ics) {
//!   const url = URL.createObjectURL(new Blob([ics], { type: "text/calendar;charset=utf-8" }));
//!   Object.assign(document.createElement("a"), { href: url, download: filename }).click();
//!   URL.revokeObjectURL(url);
//! }
//! ```

use crate::field::{Field, FormField};
use chrono::{NaiveDate, NaiveTime};
use wasm_bindgen::prelude::*;

use super::{lang_of, text_arg, wire_js};
use crate::catalog::profile::{Kind, Previous};
use crate::dates::{self, parse_date};
use crate::finding::{Finding, Lang};
use crate::timeline::messages::Problem;
use crate::timeline::{self, Timeline, TimelineRequest};
use crate::wire::{Json, ToWire};

#[wasm_bindgen(typescript_custom_section)]
const TS: &str = include_str!("timeline.d.ts");

/// What `timelineIcs` returns (`TimelineIcsResult`).
struct IcsResult {
    ics: Option<String>,
    filename: Option<String>,
    findings: Vec<Finding>,
}

impl ToWire for IcsResult {
    fn write(&self, out: &mut Json) {
        out.begin_object();
        out.field_str_or_null("ics", self.ics.as_deref());
        out.field_str_or_null("filename", self.filename.as_deref());
        out.field_list("findings", &self.findings);
        out.end_object();
    }
}

/// The response timeline of a request: every date with its rule and source.
#[wasm_bindgen(js_name = timeline, unchecked_return_type = "Timeline")]
pub fn timeline(
    #[wasm_bindgen(unchecked_param_type = "TimelineRequest")] request: JsValue,
) -> JsValue {
    let note = super::lang_note(Some(&request));
    super::with_lang_note(timeline_result(request), note)
}

/// [`timeline`] before its language note.
fn timeline_result(request: JsValue) -> JsValue {
    wire_js(&compute(&request))
}

/// The timeline of a request as an iCalendar (.ics) file.
#[wasm_bindgen(js_name = timelineIcs, unchecked_return_type = "TimelineIcsResult")]
pub fn timeline_ics(
    #[wasm_bindgen(unchecked_param_type = "TimelineRequest")] request: JsValue,
) -> JsValue {
    let note = super::lang_note(Some(&request));
    super::with_lang_note(timeline_ics_result(request), note)
}

/// [`timeline_ics`] before its language note.
fn timeline_ics_result(request: JsValue) -> JsValue {
    let (req, t) = match read_request(&request) {
        Ok(req) => {
            let t = timeline::timeline(&req);
            (Some(req), t)
        }
        Err((lang, findings)) => (None, Timeline::rejected(lang, findings)),
    };
    let mut findings = t.findings.clone();
    // The events' label (the portal's practice number): only in their titles.
    let lang = t.lang;
    let label = match text_arg(&get(&request, "label"), "label", lang) {
        Ok(v) => v,
        Err(f) => {
            findings.push(f);
            None
        }
    };
    let options = timeline::IcsOptions { label };
    let result = match req {
        Some(req) if !findings.iter().any(Finding::is_error) => {
            if t.entries.iter().any(|e| e.date.is_some()) {
                // The DTSTAMP: today, else the sending date (at its time): never the clock.
                let stamp = match req.today {
                    Some(today) => today.and_time(NaiveTime::MIN),
                    None => req.sent.and_time(req.time.unwrap_or(NaiveTime::MIN)),
                };
                IcsResult {
                    ics: Some(timeline::to_ics_with(&t, stamp, &options)),
                    filename: Some(timeline::filename(&t)),
                    findings,
                }
            } else {
                // Without the built-ins, `catalog.data-*` already says why nothing is dated.
                if crate::catalog::data::absence().is_none() {
                    findings.push(Problem::NothingToExport.finding(req.lang));
                }
                IcsResult {
                    ics: None,
                    filename: None,
                    findings,
                }
            }
        }
        _ => IcsResult {
            ics: None,
            filename: None,
            findings,
        },
    };
    wire_js(&result)
}

fn compute(request: &JsValue) -> Timeline {
    match read_request(request) {
        Ok(req) => timeline::timeline(&req),
        Err((lang, findings)) => Timeline::rejected(lang, findings),
    }
}

/// The request read, or the findings of the fields that could not be read, together with
/// what the core says of the fields that could (an unknown profile, sede or object), so that
/// every problem is said at once.
type Read = Result<TimelineRequest, (Lang, Vec<Finding>)>;

/// Reads every field of the request, collecting the problems of all of them.
fn read_request(request: &JsValue) -> Read {
    let lang = lang_of(request);
    // The timeline needs the built-in profiles: the core says so while they are absent.
    super::places::need_catalog();
    if request.is_undefined() || request.is_null() || !request.is_object() || request.is_function()
    {
        return Err((lang, vec![Problem::NotObject.finding(lang)]));
    }
    let mut findings = Vec::new();
    let mut text = |key: &str| -> Option<String> {
        match text_arg(&get(request, key), key, lang) {
            Ok(v) => v.map(|s| s.trim().to_string()).filter(|s| !s.is_empty()),
            Err(f) => {
                findings.push(f);
                None
            }
        }
    };
    let profile = text("profile");
    let sede = text("sede");
    let cassetto = text("cassetto");
    let object = text("object");
    let kind_text = text("kind");
    let time_text = text("time");
    let reference = text("reference");
    let previous_text = text("previous");
    let sent = date(request, "sent", lang, &mut findings);
    let first_request = date(request, "firstRequest", lang, &mut findings);
    let notice = date(request, "notice", lang, &mut findings);
    let today = date(request, "today", lang, &mut findings);
    if sent.is_none() && !findings.iter().any(|f| f.marks(FormField::DataInvio)) {
        findings.push(Problem::NoSent.finding(lang));
    }
    let kind = read(kind_text.as_deref(), Kind::parse, &mut findings, |given| {
        Problem::UnknownKind { given }.finding(lang)
    });
    let previous = read(
        previous_text.as_deref(),
        Previous::parse,
        &mut findings,
        |given| Problem::UnknownPrevious { given }.finding(lang),
    );
    let time = read(
        time_text.as_deref(),
        |t| dates::time_from(t, "%H:%M").or_else(|| dates::time_from(t, "%H:%M:%S")),
        &mut findings,
        |given| Problem::BadTime { given }.finding(lang),
    );
    let regional = {
        let v = get(request, "regional");
        v.as_bool().unwrap_or(false)
            || v.as_string().is_some_and(|s| {
                matches!(
                    s.trim().to_ascii_lowercase().as_str(),
                    "true" | "1" | "si" | "sì" | "yes"
                )
            })
    };
    // Without a profile the core answers from the sede's protocol or the national one.
    let Some(sent) = sent else {
        return Err((lang, findings));
    };
    let profile = profile.unwrap_or_default();
    let req = TimelineRequest {
        profile,
        sede,
        cassetto,
        object,
        kind,
        sent,
        time,
        notice,
        regional,
        first_request,
        previous,
        reference,
        today,
        lang,
    };
    if findings.is_empty() {
        return Ok(req);
    }
    // Some fields could not be read: the core still checks the others.
    findings.extend(
        timeline::timeline(&req)
            .findings
            .into_iter()
            .filter(Finding::is_error),
    );
    Err((lang, findings))
}

fn get(object: &JsValue, key: &str) -> JsValue {
    // A getter that throws (or a Proxy) is read as an absent field.
    js_sys::Reflect::get(object, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

/// An optional date field: text or a JavaScript `Date` (its local calendar day).
fn date(
    request: &JsValue,
    key: &str,
    lang: Lang,
    findings: &mut Vec<Finding>,
) -> Option<NaiveDate> {
    let value = get(request, key);
    // A real Date only (never throws): a Date-like is read as the object it is.
    let text = if let Some(d) = super::date_text(&value) {
        if d.is_empty() {
            "invalid Date".to_string()
        } else {
            d
        }
    } else {
        match text_arg(&value, key, lang) {
            Ok(Some(s)) if !s.trim().is_empty() => s,
            Ok(_) => return None,
            Err(f) => {
                findings.push(f);
                return None;
            }
        }
    };
    match parse_date(&text, field_of(key), lang) {
        Ok(d) => Some(d),
        Err(f) => {
            findings.push(f);
            None
        }
    }
}

/// The field a finding about a property of the request marks: the form's field for what the
/// form has (`sent` is the form's `data-invio`), else the property itself.
fn field_of(key: &str) -> Field {
    match key {
        "sent" => FormField::DataInvio.into(),
        "firstRequest" => FormField::DataPrimaRichiesta.into(),
        "notice" => FormField::DataRichiesta.into(),
        _ => Field::input(key),
    }
}

/// A value read from the text a request gave: `None` when it gave none; when the text cannot
/// be read, `None` too, with the finding `unreadable` makes of it.
fn read<T>(
    text: Option<&str>,
    parse: impl Fn(&str) -> Option<T>,
    findings: &mut Vec<Finding>,
    unreadable: impl FnOnce(&str) -> Finding,
) -> Option<T> {
    let text = text?;
    let parsed = parse(text);
    if parsed.is_none() {
        findings.push(unreadable(text));
    }
    parsed
}
