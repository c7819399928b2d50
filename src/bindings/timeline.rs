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
const TS: &'static str = r#"
/** A request whose response timeline is wanted. Only `sent` is required. */
export interface TimelineRequest {
  /** The protocol profile: "milano", "torino", "siena", "emilia-romagna", "nazionale", "nazionale-gdp", or one the portal loaded. Absent: the sede's protocol, else the national baseline ("nazionale"). */
  profile?: string;
  /** The day the request is sent: "YYYY-MM-DD", "DD/MM/YYYY" or a Date. */
  sent: string | Date;
  /** The competent sede ("milano-nord"): its calendar adds the patron day; escalation contacts are filtered by it. */
  sede?: string;
  /** The cassetto ("aziende-dm", …) or the gestione; found from the object when absent. */
  cassetto?: string;
  /** The object of the cassetto's menu (id or label, e.g. "Durc"). */
  object?: string;
  /** "comunicazione" (default), "sollecito", "riesame", "durc", "domanda", "domanda-telematizzata", "domanda-non-telematizzata", "appuntamento", "urgente", "quesito-normativo". */
  kind?: string;
  /** The sending time, "HH:MM": only used for a phone line's hours. */
  time?: string;
  /** The day INPS got in touch with you (asked for documents, reported anomalies): your own deadlines count from it. */
  notice?: string | Date;
  /** A quesito normativo sent to the regional Direzione directly (Emilia Romagna). */
  regional?: boolean;
  /** For a sollecito: the day the first request was sent ("YYYY-MM-DD", "DD/MM/YYYY" or a Date). The 20 working days of the whole process count from it, and levels B and C follow the first request's answer date. */
  firstRequest?: string | Date;
  /** How the first request went: "scaduta" (or "senza-risposta"), "non-accolta", "non-esaustiva", "in-attesa", "accolta", "nessuna". "non-esaustiva" and "non-accolta" open level B at once where the protocol says so (Torino §2.6 B). */
  previous?: PreviousOutcome;
  /** Your reference for the request (protocol number): shown in calendar events, and it keys their UIDs. */
  reference?: string;
  /** timelineIcs only: a label for the events' titles (e.g. your practice number), in place of the reference or the object. Nothing of the person (their codice fiscale) is put in a title unless you put it here. */
  label?: string;
  /** Today: each entry says whether its date has passed; also the DTSTAMP of the .ics. */
  today?: string | Date;
  lang?: Lang;
}
/** An address to write to. */
export interface TimelineRecipient {
  address: string;
  /** In copy rather than as addressee. */
  cc: boolean;
  role: string | null;
  /** The sedi the contact answers for (empty: all). */
  sedi: string[];
}
/** One date of the timeline. */
export interface TimelineEntry {
  /** Stable id: "risposta" (for a sollecito with `firstRequest`: the first request's answer), "livello-b", "livello-c", "processo", "intermediario-risposta", "intermediario-durc", "intermediario-istanze", "risposta-preavviso-durc", "appuntamento", "appuntamento-possibile", "richiamata", "quesito-provinciale", "quesito-regionale", "sollecito-quesito", "telefono". */
  id: string;
  /** "YYYY-MM-DD", or null when the documents give no date for this request (the explanation says why). */
  date: string | null;
  /** Who acts on the date: INPS by then, you may from then, you must by then. */
  kind: "inps-deadline" | "you-may" | "your-deadline";
  title: string;
  /** The document's rule and how the date follows from it. */
  explanation: string;
  /** instrada's reading where the document is silent or ambiguous. */
  reading: string | null;
  /** The document and section that produced the date. */
  rule: Source;
  term: { days: number; unit: "working-days" | "calendar-days" } | null;
  recipients: TimelineRecipient[];
  /** Relative to the request's `today`, when given. */
  status: "passed" | "today" | "upcoming" | null;
}
/** The response timeline of a request. */
export interface Timeline {
  profile: string | null;
  profileName: string;
  territory: string;
  sede: string | null;
  cassetto: string | null;
  object: { id: string; label: string; titolario: string; generic: boolean } | null;
  kind: string;
  sent: string | null;
  time: string | null;
  /** The sending date, or the next working day when the offices are closed that day. */
  countingFrom: string | null;
  /** The calendar the dates were computed with. */
  calendarLabel: string;
  /** Whether the profile guarantees an answer date for this request. */
  guaranteed: boolean;
  /** Earliest first; entries without a date last. Empty when the request has errors. */
  entries: TimelineEntry[];
  findings: Finding[];
  lang: Lang;
}
/** The timeline as an iCalendar file. */
export interface TimelineIcsResult {
  /** The .ics text (CRLF line ends), or null when there is nothing to export (see findings). */
  ics: string | null;
  /** A file name for the download, e.g. "scadenze-inps-milano-2025-12-24.ics". */
  filename: string | null;
  findings: Finding[];
}
"#;

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
                findings.push(Problem::NothingToExport.finding(req.lang));
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
