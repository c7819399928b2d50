//! JavaScript API of the working-day calendar and of the iCalendar writer.
//!
//! Every function that takes input returns a plain object with a `findings` array and never
//! throws: a value that cannot be answered is `null`, and the findings say why and what to
//! do. Dates are `"YYYY-MM-DD"` strings (or `DD/MM/YYYY`, or a JavaScript `Date`, read as its
//! local calendar day). `options` is `{ sede?, lang? }`: `sede` is a sede id from `sedi()`
//! (or its name), absent or empty for the national calendar; `lang` is `"it"` (default) or
//! `"en"`. Each result names the calendar it used (`calendar.label`), because a date shown to
//! a person must say which holidays it skipped.

use crate::field::Field;
use chrono::{Datelike, NaiveDate};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use super::{lang_of, object_arg, text_arg, wire_js};
use crate::calendar::{self, ArgProblem, Calendar, CalendarError, DayKind, Whole};
use crate::dates::{iso, parse_date};
use crate::finding::{Finding, Lang};

mod ics;
pub use ics::to_ics;
mod results;

use results::{
    Answer, CalendarRef, Count, DateHead, Head, HolidayInfo, Holidays, SedeInfo, Term, WorkingDay,
};

#[wasm_bindgen(typescript_custom_section)]
const TS: &str = include_str!("calendar.d.ts");

#[derive(Deserialize, Default)]
#[serde(default)]
struct CalendarOptions {
    sede: Option<String>,
}

fn calendar_ref(cal: &Calendar, lang: Lang) -> CalendarRef {
    CalendarRef {
        sede: cal.sede_id(),
        label: cal.label(lang),
    }
}

/// Reads the options argument: the language, and the calendar of `options.sede`.
fn read_options(options: Option<JsValue>) -> (Lang, Result<Calendar, Finding>) {
    // Fast path: no options at all (the common case, and the benchmark's): no call into
    // JavaScript.
    match options {
        None => (Lang::It, Ok(Calendar::national())),
        Some(options) => {
            let lang = lang_of(&options);
            (lang, calendar_of(options, lang))
        }
    }
}

/// Reads `options.sede` into a calendar. Absent, null or empty: the national calendar.
fn calendar_of(options: JsValue, lang: Lang) -> Result<Calendar, Finding> {
    if options.is_undefined() || options.is_null() {
        return Ok(Calendar::national());
    }
    let opts: CalendarOptions = object_arg(options, "options", lang)?;
    match opts.sede.as_deref().map(str::trim) {
        None | Some("") => Ok(Calendar::national()),
        Some(id) => Calendar::for_sede(id)
            .ok_or_else(|| calendar::messages::arg(&ArgProblem::UnknownSede { given: id }, lang)),
    }
}

/// Reads a date argument: text (`YYYY-MM-DD`, `DD/MM/YYYY`) or a JavaScript `Date` (its
/// local calendar day; an invalid `Date` is read as an empty date).
fn date_arg(value: &JsValue, field: &str, lang: Lang) -> Result<NaiveDate, Finding> {
    // Hot path (the benchmark's): `YYYY-MM-DD` read in JavaScript as a number, no copy.
    if let Some(d) = packed_date(value) {
        return Ok(d);
    }
    if let Some(js) = value.dyn_ref::<js_sys::JsString>() {
        // Short text is copied and read at once; long text goes through the shared
        // `text_arg`, which refuses it before copying.
        if js.length() <= 64 {
            return parse_date(&String::from(js), Field::input(field), lang);
        }
    } else if let Some(text) = super::date_text(value) {
        // A real Date only: a Date-like is read (and answered) as the object it is.
        return parse_date(&text, Field::input(field), lang);
    }
    let text = text_arg(value, field, lang)?.unwrap_or_default();
    parse_date(&text, Field::input(field), lang)
}

/// A `YYYY-MM-DD` text read without copying it into wasm memory (`cal_pack`), when it is a
/// date of [`crate::dates::YEARS`]; `None` for anything else, which [`parse_date`] reads
/// (it accepts the same dates, and words the findings).
fn packed_date(value: &JsValue) -> Option<NaiveDate> {
    let packed = cal_pack(value);
    if packed < 0.0 {
        return None;
    }
    let ymd = packed as u32;
    let year = i32::try_from(ymd / 10_000).ok()?;
    crate::dates::YEARS.contains(&year).then_some(())?;
    NaiveDate::from_ymd_opt(year, ymd / 100 % 100, ymd % 100)
}

/// Reads a whole number: a JavaScript number, or text of digits (form fields give text).
fn int_arg(value: &JsValue, field: &str, of: Whole, lang: Lang) -> Result<i64, Finding> {
    let n = if let Some(n) = value.as_f64() {
        (n.is_finite() && n.fract() == 0.0 && n.abs() < 1e15).then_some(n as i64)
    } else if let Some(s) = value.as_string().filter(|s| s.len() <= 24) {
        crate::text::whole_number(&s)
    } else {
        None
    };
    match n {
        Some(n) => Ok(n),
        None => Err(calendar::messages::arg(
            &ArgProblem::NotWholeNumber { field, of },
            lang,
        )),
    }
}

fn days_arg(value: &JsValue, field: &str, lang: Lang) -> Result<i32, Finding> {
    let n = int_arg(value, field, Whole::Days, lang)?;
    if n.abs() > calendar::MAX_DAYS {
        return Err(CalendarError::TooManyDays(n).finding(Field::input(field), lang));
    }
    Ok(n as i32)
}

/// The holidays of a year in a calendar, sorted by date (national first on a shared day).
#[wasm_bindgen(js_name = holidays, unchecked_return_type = "HolidaysResult")]
pub fn holidays(
    #[wasm_bindgen(unchecked_param_type = "number")] year: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CalendarOptions")] options: Option<JsValue>,
) -> JsValue {
    let run = |_: &Calendar, lang| {
        let y = int_arg(&year, "year", Whole::Year, lang)?;
        if !(i64::from(calendar::FIRST_YEAR)..=i64::from(calendar::LAST_YEAR)).contains(&y) {
            return Err(calendar::messages::arg(&ArgProblem::YearOutOfRange, lang));
        }
        Ok(y as i32)
    };
    call(options, run, |y, cal, lang| Holidays {
        year: Some(y),
        holidays: cal
            .holidays(y)
            .iter()
            .map(|h| HolidayInfo::new(h, lang))
            .collect(),
    })
}

/// Whether the office works on a day, and if not, why.
#[wasm_bindgen(js_name = isWorkingDay, unchecked_return_type = "WorkingDayResult")]
pub fn is_working_day(
    #[wasm_bindgen(unchecked_param_type = "string | Date")] date: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CalendarOptions")] options: Option<JsValue>,
) -> JsValue {
    let run = |cal: &Calendar, lang| {
        let d = date_arg(&date, "date", lang)?;
        cal.day_kind(d)
            .map_err(|e| e.finding(Field::input("date"), lang))
    };
    call(options, run, |kind, _, lang| WorkingDay {
        working_day: Some(kind == DayKind::Working),
        day: Some(match kind {
            DayKind::Working => "working",
            DayKind::Saturday => "saturday",
            DayKind::Sunday => "sunday",
            DayKind::Holiday(_) => "holiday",
        }),
        holiday: match kind {
            DayKind::Holiday(h) => Some(HolidayInfo::new(&h, lang)),
            _ => None,
        },
    })
}

/// "Entro n giorni lavorativi": the n-th working day after `date` (the event's day is not
/// counted; from a closed day, the next working day is day 1). Negative n counts back.
#[wasm_bindgen(js_name = addWorkingDays, unchecked_return_type = "DateResult")]
pub fn add_working_days(
    #[wasm_bindgen(unchecked_param_type = "string | Date")] date: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] n: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CalendarOptions")] options: Option<JsValue>,
) -> JsValue {
    let note = super::lang_note(options.as_ref());
    let (lang, cal) = read_options(options);
    let result = cal.and_then(|cal| {
        let d = date_arg(&date, "date", lang)?;
        let n = days_arg(&n, "n", lang)?;
        let d = cal
            .add_working_days(d, n)
            .map_err(|e| e.finding(Field::input("date"), lang))?;
        Ok(date_result_js(d, &cal, lang))
    });
    let result = result.unwrap_or_else(|f| wire_js(&Answer::<DateHead>::failed(f)));
    super::with_lang_note(result, note)
}

/// Builds `{ date, calendar, findings: [] }` directly: the hot path of `addWorkingDays`
/// (the benchmark calls it 100,000 times). Same shape as `DateResult` on the wire, at a
/// fraction of the cost: one call into JavaScript (`cal_out`) makes the object and the date
/// text from a number, and the `calendar` object of each calendar and language is made once
/// and frozen, then shared by every result (reading it is all a caller does; a frozen object
/// cannot be changed by one caller under another).
fn date_result_js(date: NaiveDate, cal: &Calendar, lang: Lang) -> JsValue {
    thread_local! {
        static REFS: std::cell::RefCell<Vec<(Option<&'static str>, Lang, JsValue)>> =
            const { std::cell::RefCell::new(Vec::new()) };
    }
    REFS.with(|refs| {
        let mut refs = refs.borrow_mut();
        let key = cal.sede_id();
        let i = match refs.iter().position(|(k, l, _)| *k == key && *l == lang) {
            Some(i) => i,
            None => {
                let r = wire_js(&calendar_ref(cal, lang));
                if let Some(o) = r.dyn_ref::<js_sys::Object>() {
                    js_sys::Object::freeze(o);
                }
                refs.push((key, lang, r));
                refs.len() - 1
            }
        };
        let null = JsValue::NULL;
        let calendar = refs.get(i).map_or(&null, |(_, _, r)| r);
        // Years are 1800–2200 here: always four digits.
        let ymd = date.year().unsigned_abs() * 10_000 + date.month() * 100 + date.day();
        cal_out(ymd, calendar)
    })
}

#[wasm_bindgen(module = "/src/bindings/calendar.js")]
extern "C" {
    fn cal_pack(value: &JsValue) -> f64;
    fn cal_out(ymd: u32, calendar: &JsValue) -> JsValue;
}

/// Working days after `from` up to and including `to` (negative when `to` is earlier).
#[wasm_bindgen(js_name = workingDaysBetween, unchecked_return_type = "CountResult")]
pub fn working_days_between(
    #[wasm_bindgen(unchecked_param_type = "string | Date")] from: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string | Date")] to: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CalendarOptions")] options: Option<JsValue>,
) -> JsValue {
    let run = |cal: &Calendar, lang| {
        let a = date_arg(&from, "from", lang)?;
        let b = date_arg(&to, "to", lang)?;
        let field = if calendar::check_date(a).is_err() {
            "from"
        } else {
            "to"
        };
        cal.working_days_between(a, b)
            .map_err(|e| e.finding(Field::input(field), lang))
    };
    call(options, run, |n, _, _| Count {
        working_days: Some(n),
    })
}

/// A term of `days` calendar days from `date`, moved to the next working day when it ends on
/// a day the office is closed.
#[wasm_bindgen(js_name = termCalendarDays, unchecked_return_type = "TermResult")]
pub fn term_calendar_days(
    #[wasm_bindgen(unchecked_param_type = "string | Date")] date: JsValue,
    #[wasm_bindgen(unchecked_param_type = "number")] days: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CalendarOptions")] options: Option<JsValue>,
) -> JsValue {
    let run = |cal: &Calendar, lang| {
        let d = date_arg(&date, "date", lang)?;
        let n = days_arg(&days, "days", lang)?;
        let n = u32::try_from(n)
            .map_err(|_| calendar::messages::arg(&ArgProblem::NegativeTerm, lang))?;
        cal.term_calendar_days(d, n)
            .map_err(|e| e.finding(Field::input("date"), lang))
    };
    call(options, run, |t, _, _| Term {
        date: Some(iso(t.due)),
        nominal: Some(iso(t.nominal)),
        moved: t.moved(),
    })
}

/// A calendar function: the fields `head` makes of what `run` finds on the calendar the
/// options choose, with that calendar; or the finding that stopped it (the options' first,
/// then `run`'s), every field empty. The options' language note is read first (`run` may
/// read the other arguments, which can be anything) and added last.
fn call<T, H: Head>(
    options: Option<JsValue>,
    run: impl FnOnce(&Calendar, Lang) -> Result<T, Finding>,
    head: impl FnOnce(T, &Calendar, Lang) -> H,
) -> JsValue {
    let note = super::lang_note(options.as_ref());
    let (lang, cal) = read_options(options);
    let answer = cal.and_then(|cal| {
        let value = run(&cal, lang)?;
        Ok(Answer {
            head: head(value, &cal, lang),
            calendar: Some(calendar_ref(&cal, lang)),
            findings: Vec::new(),
        })
    });
    let answer = answer.unwrap_or_else(Answer::failed);
    super::with_lang_note(wire_js(&answer), note)
}

/// The known sedi, with the patron day each one adds to the national calendar.
#[wasm_bindgen(js_name = sedi, unchecked_return_type = "SedeInfo[]")]
pub fn sedi(
    #[wasm_bindgen(unchecked_optional_param_type = "{ lang?: \"it\" | \"en\" }")] options: Option<
        JsValue,
    >,
) -> JsValue {
    let lang = options.as_ref().map_or(Lang::It, lang_of);
    let list: Vec<SedeInfo> = calendar::sedi()
        .map(|(s, p)| SedeInfo {
            id: &s.id,
            name: &s.name,
            comune: &p.comune,
            region: &p.region,
            saint: calendar::messages::saint(p, lang),
            patron_day: p.rule.describe(lang),
            fixed_day: match p.rule {
                calendar::PatronRule::Fixed { month, day } => Some(format!("{month:02}-{day:02}")),
                calendar::PatronRule::Nth { .. } => None,
            },
            source: &p.source,
            document: s.document.as_deref(),
        })
        .collect();
    wire_js(&list)
}
