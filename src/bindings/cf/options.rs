//! The options and form fields of the codice fiscale functions, as JavaScript passes them.

use serde::Deserialize;
use wasm_bindgen::prelude::*;

use super::out::cf_options;
use crate::bindings::{lang_of, object_arg};
use crate::cf::Fields;
use crate::dates::parse_date;
use crate::field::Field;
use crate::finding::{Finding, Lang};
use crate::input::InputProblem;

/// The `today` option as read.
pub(super) enum Today {
    Absent,
    Date(chrono::NaiveDate),
    /// Text to read with `read_today` (another form, or not a real date).
    Text(String),
}

/// `lang` and `today` of an options object, with the findings `object_arg` would give, and
/// whether `cf_options` packed no language or a known one (0 none, 1 "it", 2 "en"; 3 other).
pub(super) fn read_options(options: &JsValue) -> (Lang, Result<Today, Finding>, Fields, bool) {
    let packed = cf_options(options);
    let lang_packed = packed >= 0.0 && packed % 4.0 < 3.0;
    if packed == -4.0 {
        let lang = lang_of(options);
        return match object_arg::<FieldsJs>(options.clone(), "options", lang) {
            Ok(f) => {
                let today = f.today.clone().map_or(Today::Absent, Today::Text);
                (lang, Ok(today), fields_of(&f), lang_packed)
            }
            Err(e) => (lang, Err(e), Fields::default(), lang_packed),
        };
    }
    let (lang, today) = read_lang_today(options, packed);
    (lang, today, Fields::default(), lang_packed)
}

/// `lang` and `today` of options that `cf_options` packed into `packed`.
pub(super) fn read_lang_today(options: &JsValue, packed: f64) -> (Lang, Result<Today, Finding>) {
    let lang = match packed {
        p if p >= 0.0 && p % 4.0 == 2.0 => Lang::En,
        p if p >= 0.0 && p % 4.0 < 2.0 => Lang::It,
        _ => lang_of(options),
    };
    if packed == -1.0 {
        let f = object_arg::<FieldsJs>(options.clone(), "options", lang)
            .err()
            .unwrap_or_else(|| {
                InputProblem::NotObject {
                    what: "options".into(),
                }
                .finding(lang)
            });
        return (lang, Err(f));
    }
    if packed == -2.0 {
        let f = InputProblem::TodayNotDate.finding(lang);
        return (lang, Err(f));
    }
    if packed == -3.0 {
        let today = js_sys::Reflect::get(options, &JsValue::from_str("today"))
            .ok()
            .and_then(|v| v.as_string());
        return (lang, Ok(today.map_or(Today::Absent, Today::Text)));
    }
    let ymd = (packed / 4.0).floor() as u32;
    if ymd == 0 {
        return (lang, Ok(Today::Absent));
    }
    let (y, m, d) = (ymd / 10_000, ymd / 100 % 100, ymd % 100);
    match chrono::NaiveDate::from_ymd_opt(y as i32, m, d) {
        Some(date) => (lang, Ok(Today::Date(date))),
        // Not a real date (31 February): the text `read_today` explains.
        None => {
            let digit = |n: u32| char::from(b'0' + (n % 10) as u8);
            let (y, m, d) = (Some(y), Some(m), Some(d));
            let parts = [
                y.map(|y| y / 1000),
                y.map(|y| y / 100),
                y.map(|y| y / 10),
                y,
                None,
            ];
            let text = parts
                .into_iter()
                .chain([m.map(|m| m / 10), m, None, d.map(|d| d / 10), d])
                .map(|n| n.map_or('-', digit))
                .collect();
            (lang, Ok(Today::Text(text)))
        }
    }
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
pub(super) struct FieldsJs {
    pub(super) surname: Option<String>,
    pub(super) name: Option<String>,
    pub(super) birth_date: Option<String>,
    pub(super) sex: Option<String>,
    pub(super) place_code: Option<String>,
    pub(super) place_name: Option<String>,
    pub(super) today: Option<String>,
}

/// Reads `today`; a value that is not a date is a warning and the default is used.
pub(super) fn read_today(
    today: Option<&str>,
    lang: Lang,
    out: &mut Vec<Finding>,
) -> Option<chrono::NaiveDate> {
    let t = today?.trim();
    if t.is_empty() {
        return None;
    }
    // The documented form, read without chrono's format parser.
    if let [y1, y2, y3, y4, b'-', m1, m2, b'-', d1, d2] = *t.as_bytes() {
        let digits = [y1, y2, y3, y4, m1, m2, d1, d2];
        if digits.iter().all(u8::is_ascii_digit) {
            let n = |s: &[u8]| s.iter().fold(0u32, |n, &b| n * 10 + (b - b'0') as u32);
            if let Some(d) = chrono::NaiveDate::from_ymd_opt(
                n(&digits[..4]) as i32,
                n(&digits[4..6]),
                n(&digits[6..]),
            ) {
                return Some(d);
            }
        }
    }
    match parse_date(t, Field::input("today"), lang) {
        Ok(d) => Some(d),
        Err(_) => {
            out.push(crate::cf::messages::FormProblem::TodayInvalid.finding(lang));
            None
        }
    }
}

pub(super) fn fields_of(f: &FieldsJs) -> Fields {
    Fields {
        surname: f.surname.clone(),
        name: f.name.clone(),
        birth_date: f.birth_date.clone(),
        sex: f.sex.clone(),
        place_code: f.place_code.clone(),
        place_name: f.place_name.clone(),
    }
}
