//! JavaScript API of the codice fiscale engine ([`crate::cf`]).

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use super::{lang_of, object_arg, text_arg, to_js};
use crate::cf::{self, field, CheckOptions, Fields};
use crate::dates::{iso, parse_date};
use crate::finding::{Finding, Lang, Severity};

#[wasm_bindgen(typescript_custom_section)]
const TS_CF: &str = r#"
/** One problem, warning or piece of information. `code` is stable (`cf.month`, …). */
export interface CfFinding {
  code: string;
  severity: "error" | "warning" | "info";
  message: string;
  /** 0-based position in `normalized`. */
  position?: number;
  /** Form field: "codice-fiscale", "cognome", "nome", "data-nascita", "sesso", "luogo-nascita", "matricola". */
  field?: string;
  /** A corrected value the user may accept explicitly. */
  suggestion?: string;
}
export interface CfCheckOptions {
  /** Today's date, YYYY-MM-DD, for the century of birth. Default: the place registry's date. */
  today?: string;
  lang?: "it" | "en";
}
export interface CfPerson {
  birthDate: string;
  sex: "M" | "F";
  placeCode: string;
  placeName?: string;
  /** Province abbreviation, "EE" for foreign states. */
  province?: string;
  omocode: boolean;
}
export interface CfCheckResult {
  valid: boolean;
  normalized: string;
  kind: "person" | "entity" | "temporary" | null;
  errors: CfFinding[];
  warnings: CfFinding[];
  infos?: CfFinding[];
  person?: CfPerson;
}
export interface CfFields {
  surname?: string;
  name?: string;
  /** YYYY-MM-DD or DD/MM/YYYY. */
  birthDate?: string;
  sex?: "M" | "F" | string;
  /** Belfiore code (H501); wins over placeName. */
  placeCode?: string;
  /** Place name; add the province for shared names: "Castro (LE)". */
  placeName?: string;
  lang?: "it" | "en";
}
export interface CfCrossCheckOptions extends CfFields {
  today?: string;
}
export interface CfEncodeResult {
  code: string | null;
  errors: CfFinding[];
  warnings: CfFinding[];
}
export interface MatricolaResult {
  valid: boolean;
  normalized: string;
  errors: CfFinding[];
  infos?: CfFinding[];
}
"#;

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct OptionsJs {
    today: Option<String>,
}

#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase", default)]
struct FieldsJs {
    surname: Option<String>,
    name: Option<String>,
    birth_date: Option<String>,
    sex: Option<String>,
    place_code: Option<String>,
    place_name: Option<String>,
    today: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PersonJs {
    birth_date: String,
    sex: &'static str,
    place_code: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    place_name: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    province: Option<String>,
    omocode: bool,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CheckJs<'a> {
    valid: bool,
    normalized: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<&'static str>,
    errors: Vec<&'a Finding>,
    warnings: Vec<&'a Finding>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    infos: Vec<&'a Finding>,
    #[serde(skip_serializing_if = "Option::is_none")]
    person: Option<PersonJs>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct EncodeJs<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    code: Option<&'a str>,
    errors: Vec<&'a Finding>,
    warnings: Vec<&'a Finding>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct MatricolaJs<'a> {
    valid: bool,
    normalized: &'a str,
    errors: Vec<&'a Finding>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    infos: Vec<&'a Finding>,
}

fn by(findings: &[Finding], s: Severity) -> Vec<&Finding> {
    findings.iter().filter(|f| f.severity == s).collect()
}

/// Sets `key` to `null` (serde-wasm-bindgen writes `None` as `undefined`).
fn set_null(obj: &JsValue, key: &str) {
    let _ = js_sys::Reflect::set(obj, &JsValue::from_str(key), &JsValue::NULL);
}

/// Options are the caller's, not the user's: a bad option is a warning, never an error
/// that would block a valid code.
fn soften(mut f: Finding) -> Finding {
    f.severity = Severity::Warning;
    f
}

/// Reads `today`; a value that is not a date is a warning and the default is used.
fn read_today(
    today: Option<&str>,
    lang: Lang,
    out: &mut Vec<Finding>,
) -> Option<chrono::NaiveDate> {
    let t = today?.trim();
    if t.is_empty() {
        return None;
    }
    match parse_date(t, "today", lang) {
        Ok(d) => Some(d),
        Err(_) => {
            out.push(Finding::warning(
                "cf.today-invalid",
                lang.pick(
                    "L'opzione «today» non è una data AAAA-MM-GG: il secolo di nascita è stato scelto rispetto alla data dell'archivio dei luoghi.",
                    "The “today” option is not a YYYY-MM-DD date: the century of birth was chosen relative to the place archive's date.",
                ),
            ));
            None
        }
    }
}

fn check_result(normalized: &str, report: Option<&cf::CfReport>, extra: &[Finding]) -> JsValue {
    let mut all: Vec<Finding> = report.map(|r| r.findings.clone()).unwrap_or_default();
    all.extend_from_slice(extra);
    let kind = report
        .and_then(|r| r.kind)
        .filter(|_| report.is_some_and(|r| r.valid()));
    let person = report.and_then(|r| r.person.as_ref()).map(|p| PersonJs {
        birth_date: iso(p.birth_date),
        sex: p.sex.as_str(),
        place_code: p.place_code.clone(),
        place_name: p.place_name.clone(),
        province: p.province.clone(),
        omocode: p.omocode,
    });
    let out = CheckJs {
        valid: kind.is_some() && !all.iter().any(Finding::is_error),
        normalized,
        kind: kind.map(cf::Kind::as_str),
        errors: by(&all, Severity::Error),
        warnings: by(&all, Severity::Warning),
        infos: by(&all, Severity::Info),
        person,
    };
    let js = to_js(&out);
    if out.kind.is_none() {
        set_null(&js, "kind");
    }
    js
}

/// Checks a codice fiscale completely: `{ valid, normalized, kind, errors, warnings,
/// infos?, person? }`. Any JavaScript value is accepted; nothing throws.
#[wasm_bindgen(js_name = checkCodiceFiscale, unchecked_return_type = "CfCheckResult")]
pub fn check_codice_fiscale(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CfCheckOptions | undefined")] options: JsValue,
) -> JsValue {
    let lang = lang_of(&options);
    let mut extra = Vec::new();
    let opts: OptionsJs = object_arg(options, "options", lang).unwrap_or_else(|f| {
        extra.push(soften(f));
        OptionsJs::default()
    });
    let today = read_today(opts.today.as_deref(), lang, &mut extra);
    match text_arg(&input, field::CODE, lang) {
        Ok(text) => {
            let text = pad_number(&input, text);
            let report = cf::check(text.as_deref().unwrap_or(""), &CheckOptions { today, lang });
            check_result(&report.normalized, Some(&report), &extra)
        }
        Err(f) => {
            extra.insert(0, f);
            check_result("", None, &extra)
        }
    }
}

/// An 11-digit code passed as a number has lost its leading zeros (06363391001 arrives as
/// 6363391001): put them back, so that the check sees the code.
fn pad_number(input: &JsValue, text: Option<String>) -> Option<String> {
    match text {
        // Only 9 or 10 digits: the serial of a real code has at most two leading zeros.
        Some(t)
            if input.as_f64().is_some()
                && (9..11).contains(&t.len())
                && t.bytes().all(|b| b.is_ascii_digit()) =>
        {
            Some(format!("{t:0>11}"))
        }
        other => other,
    }
}

/// The fast path: `true` if the input is a valid codice fiscale (structure, date, check
/// character; no place look-up — see `cf::is_valid`). Never throws; non-strings are `false`.
#[wasm_bindgen(js_name = isValidCodiceFiscale)]
pub fn is_valid_codice_fiscale(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
) -> bool {
    let Some(js) = input.dyn_ref::<js_sys::JsString>() else {
        // An 11-digit code may arrive as a number.
        return input.as_f64().is_some_and(|n| {
            n.fract() == 0.0 && (1e8..1e11).contains(&n) && cf::is_valid(&format!("{n:011.0}"))
        });
    };
    // A code with separators is under 40 characters; don't copy anything longer.
    js.length() <= 64 && js.as_string().is_some_and(|s| cf::is_valid(&s))
}

fn fields_of(f: &FieldsJs) -> Fields {
    Fields {
        surname: f.surname.clone(),
        name: f.name.clone(),
        birth_date: f.birth_date.clone(),
        sex: f.sex.clone(),
        place_code: f.place_code.clone(),
        place_name: f.place_name.clone(),
    }
}

/// Computes a person's codice fiscale: `{ code, errors, warnings }` (`code` is `null` when
/// a field prevents it).
#[wasm_bindgen(js_name = encodeCodiceFiscale, unchecked_return_type = "CfEncodeResult")]
pub fn encode_codice_fiscale(
    #[wasm_bindgen(unchecked_param_type = "CfFields")] fields: JsValue,
) -> JsValue {
    let lang = lang_of(&fields);
    let encoded = match object_arg::<FieldsJs>(fields, "fields", lang) {
        Ok(f) => cf::encode(&fields_of(&f), lang),
        Err(f) => cf::Encoded {
            code: None,
            findings: vec![f],
        },
    };
    let out = EncodeJs {
        code: encoded.code.as_deref(),
        errors: by(&encoded.findings, Severity::Error),
        warnings: by(&encoded.findings, Severity::Warning),
    };
    let js = to_js(&out);
    if out.code.is_none() {
        set_null(&js, "code");
    }
    js
}

/// Compares a codice fiscale with the other fields of the form: the findings, one per
/// field that disagrees (each with `field`).
#[wasm_bindgen(js_name = crossCheckCodiceFiscale, unchecked_return_type = "CfFinding[]")]
pub fn cross_check_codice_fiscale(
    #[wasm_bindgen(unchecked_param_type = "string")] code: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CfCrossCheckOptions")] fields: JsValue,
) -> JsValue {
    let lang = lang_of(&fields);
    let mut out = Vec::new();
    let f: FieldsJs = object_arg(fields, "fields", lang).unwrap_or_else(|f| {
        out.push(f);
        FieldsJs::default()
    });
    let today = read_today(f.today.as_deref(), lang, &mut out);
    match text_arg(&code, field::CODE, lang) {
        Ok(text) => out.extend(cf::cross_check(
            text.as_deref().unwrap_or(""),
            &fields_of(&f),
            &CheckOptions { today, lang },
        )),
        Err(e) => out.push(e),
    }
    to_js(&out)
}

/// Checks the form of a matricola aziendale INPS (10 digits): `{ valid, normalized, errors,
/// infos? }`.
#[wasm_bindgen(js_name = checkMatricola, unchecked_return_type = "MatricolaResult")]
pub fn check_matricola(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "{ lang?: \"it\" | \"en\" } | undefined")]
    options: JsValue,
) -> JsValue {
    let lang = lang_of(&options);
    let report = match text_arg(&input, field::MATRICOLA, lang) {
        Ok(text) => cf::check_matricola(text.as_deref().unwrap_or(""), lang),
        Err(f) => cf::MatricolaReport {
            valid: false,
            normalized: String::new(),
            findings: vec![f],
        },
    };
    to_js(&MatricolaJs {
        valid: report.valid,
        normalized: &report.normalized,
        errors: by(&report.findings, Severity::Error),
        infos: by(&report.findings, Severity::Info),
    })
}

/// Decodes the place registry now (about 56 KB of compressed data; it otherwise happens at
/// the first check that needs a place). Call it when the page is idle.
#[wasm_bindgen(js_name = preloadPlaces)]
pub fn preload_places() {
    cf::places::preload();
}
