//! JavaScript API of the codice fiscale engine ([`crate::cf`]).

use serde::Deserialize;
use wasm_bindgen::prelude::*;

use super::{lang_of, object_arg, text_arg, MAX_TEXT};
use crate::cf::{self, field, CheckOptions, Fields};
use crate::dates::parse_date;
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

// Two helpers on the JavaScript side, so that a check crosses the boundary a fixed, small
// number of times (each crossing, and each string decoded, costs more than the check):
// `cf_options` reads `lang` and `today` in one call; `cf_result` builds the result object
// from one string. Both are total: any input gives a value, never an exception.
#[wasm_bindgen(inline_js = r#"
export function cf_options(o) {
  // A number, so that nothing is allocated: 0 no options; -1 not an object; -2 `today` is
  // not text; -3 `today` is text in another form (read it again with Reflect); else
  // yyyymmdd * 4 + lang (0 none, 1 "it", 2 "en", 3 other), yyyymmdd 0 when `today` is absent.
  if (o === undefined || o === null) return 0;
  if (typeof o !== 'object') return -1;
  try {
    const l = o.lang, t = o.today;
    const lang = l === undefined || l === null ? 0 : l === 'it' ? 1 : l === 'en' ? 2 : 3;
    if (t === undefined || t === null || t === '') return lang;
    if (typeof t !== 'string') return -2;
    if (t.length !== 10 || t[4] !== '-' || t[7] !== '-') return -3;
    const n = Number(t.slice(0, 4) + t.slice(5, 7) + t.slice(8, 10));
    return Number.isInteger(n) && n > 0 ? n * 4 + lang : -3;
  } catch (_) {
    return -1;
  }
}
let cfHi = 0;
export function cf_pack(s) {
  // A plain code (16 or 11 ASCII letters and digits, any case) packed 6 bits a character
  // into two numbers (the first 8 characters here, the rest in cf_pack_hi, plus 2^48 for
  // 11 characters), so that the fast path copies no string. -1: not a string; -2 anything
  // else (separators, other lengths or characters): Rust reads the string itself.
  if (typeof s !== 'string') return -1;
  const n = s.length;
  if (n !== 16 && n !== 11) return -2;
  let lo = 0, hi = 0;
  for (let i = 0; i < n; i++) {
    let c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) c -= 32;
    let v;
    if (c >= 48 && c <= 57) v = c - 48;
    else if (c >= 65 && c <= 90) v = c - 55;
    else return -2;
    if (i < 8) lo = lo * 64 + v;
    else hi = hi * 64 + v;
  }
  cfHi = n === 16 ? hi : hi + 281474976710656;
  return lo;
}
export function cf_pack_hi() {
  return cfHi;
}
export function cf_result(text) {
  const p = text.split('\u0001');
  const f = p[8] === '[[],[],[]]' ? [[], [], []] : JSON.parse(p[8]);
  const r = { valid: p[0] === '1', normalized: p.length === 10 ? p[9] : p.slice(9).join('\u0001'), kind: p[1] === '' ? null : p[1], errors: f[0], warnings: f[1] };
  if (f[2].length) r.infos = f[2];
  if (p[2] !== '') {
    const person = { birthDate: p[2], sex: p[3], placeCode: p[4] };
    if (p[5] !== '') person.placeName = p[5];
    if (p[6] !== '') person.province = p[6];
    person.omocode = p[7] === '1';
    r.person = person;
  }
  return r;
}
"#)]
extern "C" {
    fn cf_pack(input: &JsValue) -> f64;
    fn cf_pack_hi() -> f64;
    fn cf_options(options: &JsValue) -> f64;
    fn cf_result(text: &str) -> JsValue;
}

/// The `today` option as read.
enum Today {
    Absent,
    Date(chrono::NaiveDate),
    /// Text to read with `read_today` (another form, or not a real date).
    Text(String),
}

/// `lang` and `today` of an options object, with the findings `object_arg` would give.
fn read_options(options: &JsValue) -> (Lang, Result<Today, Finding>) {
    let packed = cf_options(options);
    let lang = match packed {
        p if p >= 0.0 && p % 4.0 == 2.0 => Lang::En,
        p if p >= 0.0 && p % 4.0 < 2.0 => Lang::It,
        _ => lang_of(options),
    };
    if packed == -1.0 {
        let f = object_arg::<FieldsJs>(options.clone(), "options", lang)
            .err()
            .unwrap_or_else(|| {
                Finding::error(
                    "input.not-object",
                    lang.pick(
                        "«options» deve essere un oggetto JavaScript con i campi documentati.",
                        "“options” must be a JavaScript object with the documented fields.",
                    ),
                )
                .field("options")
            });
        return (lang, Err(f));
    }
    if packed == -2.0 {
        let f = Finding::error(
            "input.bad-field",
            lang.pick(
                "«options»: il campo «today» deve essere un testo AAAA-MM-GG.",
                "“options”: the field “today” must be a YYYY-MM-DD text.",
            ),
        )
        .field("options");
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
        None => (lang, Ok(Today::Text(format!("{y:04}-{m:02}-{d:02}")))),
    }
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

/// Builds the JSON text of a result by hand and turns it into a plain object with one
/// `JSON.parse`. Measured in Node: several times faster than serde-wasm-bindgen, which
/// sends every key and string value across the boundary on its own, and than serde_json at
/// `opt-level = "z"`. `None` becomes `null`, as the TypeScript types say.
struct Json(String);

impl Json {
    fn new() -> Json {
        Json(String::with_capacity(256))
    }

    fn raw(&mut self, s: &str) -> &mut Json {
        self.0.push_str(s);
        self
    }

    fn str(&mut self, s: &str) -> &mut Json {
        self.0.push('"');
        // Copy runs that need no escape in one go.
        let mut start = 0;
        for (i, c) in s.char_indices() {
            let esc = match c {
                '"' => "\\\"",
                '\\' => "\\\\",
                c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => "",
                _ => continue,
            };
            self.0.push_str(&s[start..i]);
            if esc.is_empty() {
                self.0.push_str(&format!("\\u{:04x}", c as u32));
            } else {
                self.0.push_str(esc);
            }
            start = i + c.len_utf8();
        }
        self.0.push_str(&s[start..]);
        self.0.push('"');
        self
    }

    fn opt(&mut self, s: Option<&str>) -> &mut Json {
        match s {
            Some(s) => self.str(s),
            None => self.raw("null"),
        }
    }

    /// `,"key":` (or `"key":` right after an opening brace).
    fn key(&mut self, k: &str) -> &mut Json {
        if !self.0.ends_with('{') {
            self.0.push(',');
        }
        self.0.push('"');
        self.0.push_str(k);
        self.0.push_str("\":");
        self
    }

    fn num(&mut self, n: usize) -> &mut Json {
        self.0.push_str(&n.to_string());
        self
    }

    fn finding(&mut self, f: &Finding) -> &mut Json {
        self.raw("{");
        self.key("code").str(f.code);
        self.key("severity").raw(match f.severity {
            Severity::Error => "\"error\"",
            Severity::Warning => "\"warning\"",
            Severity::Info => "\"info\"",
        });
        self.key("message").str(&f.message);
        if let Some(p) = f.position {
            self.key("position").num(p);
        }
        if let Some(x) = &f.field {
            self.key("field").str(x);
        }
        if let Some(x) = &f.suggestion {
            self.key("suggestion").str(x);
        }
        if let Some(src) = &f.source {
            self.key("source").raw("{");
            self.key("document").str(&src.document);
            self.key("section").str(&src.section).raw("}");
        }
        self.raw("}")
    }

    fn findings<'a>(&mut self, all: impl Iterator<Item = &'a Finding>) -> &mut Json {
        self.raw("[");
        for (i, f) in all.enumerate() {
            if i > 0 {
                self.raw(",");
            }
            self.finding(f);
        }
        self.raw("]")
    }

    fn into_js(self) -> JsValue {
        js_sys::JSON::parse(&self.0).unwrap_or(JsValue::NULL)
    }
}

/// `YYYY-MM-DD` without chrono's formatter (this is on the path of every check).
fn iso(d: chrono::NaiveDate) -> String {
    use chrono::Datelike;
    let (y, m, g) = (d.year().clamp(0, 9999) as u32, d.month(), d.day());
    let digit = |n: u32| b'0' + (n % 10) as u8;
    let b = [
        digit(y / 1000),
        digit(y / 100),
        digit(y / 10),
        digit(y),
        b'-',
        digit(m / 10),
        digit(m),
        b'-',
        digit(g / 10),
        digit(g),
    ];
    b.iter().map(|&c| c as char).collect()
}

fn severity(all: &[Finding], s: Severity) -> impl Iterator<Item = &Finding> {
    all.iter().filter(move |f| f.severity == s)
}

/// Reads the text argument: a string in one boundary crossing when it is one of reasonable
/// size, otherwise through the shared `text_arg` (numbers, objects, huge strings).
fn text_of(value: &JsValue, field: &str, lang: Lang) -> Result<Option<String>, Finding> {
    match value.as_string() {
        Some(s) if s.len() <= MAX_TEXT => Ok(Some(s)),
        _ => text_arg(value, field, lang),
    }
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
        .filter(|_| !all.iter().any(Finding::is_error));
    // The layout `cf_result` reads: fields separated by U+0001, the findings as JSON (which
    // escapes control characters), the normalised input last (it may hold anything).
    let mut j = Json::new();
    j.raw(if kind.is_some() { "1\u{1}" } else { "0\u{1}" });
    j.raw(kind.map(cf::Kind::as_str).unwrap_or("")).raw("\u{1}");
    match report.and_then(|r| r.person.as_ref()) {
        Some(p) => {
            j.raw(&iso(p.birth_date)).raw("\u{1}");
            j.raw(p.sex.as_str()).raw("\u{1}");
            j.raw(&p.place_code).raw("\u{1}");
            j.raw(p.place_name.as_deref().unwrap_or("")).raw("\u{1}");
            j.raw(p.province.as_deref().unwrap_or("")).raw("\u{1}");
            j.raw(if p.omocode { "1\u{1}" } else { "0\u{1}" });
        }
        None => {
            j.raw("\u{1}\u{1}\u{1}\u{1}\u{1}\u{1}");
        }
    }
    j.raw("[");
    j.findings(severity(&all, Severity::Error)).raw(",");
    j.findings(severity(&all, Severity::Warning)).raw(",");
    j.findings(severity(&all, Severity::Info)).raw("]\u{1}");
    j.raw(normalized);
    cf_result(&j.0)
}

/// Checks a codice fiscale completely: `{ valid, normalized, kind, errors, warnings,
/// infos?, person? }`. Any JavaScript value is accepted; nothing throws.
#[wasm_bindgen(js_name = checkCodiceFiscale, unchecked_return_type = "CfCheckResult")]
pub fn check_codice_fiscale(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CfCheckOptions | undefined")] options: JsValue,
) -> JsValue {
    let (lang, today) = read_options(&options);
    let mut extra = Vec::new();
    let today = match today {
        Ok(Today::Absent) => None,
        Ok(Today::Date(d)) => Some(d),
        Ok(Today::Text(t)) => read_today(Some(&t), lang, &mut extra),
        Err(f) => {
            extra.push(soften(f));
            None
        }
    };
    match text_of(&input, field::CODE, lang) {
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
    let lo = cf_pack(&input);
    if lo >= 0.0 {
        // Unpack the characters `cf_pack` read (6 bits each, 0–9 then A–Z).
        let hi = cf_pack_hi();
        let (len, hi) = if hi >= 281_474_976_710_656.0 {
            (11, hi - 281_474_976_710_656.0)
        } else {
            (16, hi)
        };
        let mut code = [0u8; 16];
        let (mut lo, mut hi) = (lo as u64, hi as u64);
        for i in (0..len).rev() {
            let v = if i < 8 {
                let v = lo & 63;
                lo >>= 6;
                v
            } else {
                let v = hi & 63;
                hi >>= 6;
                v
            } as u8;
            code[i] = if v < 10 { b'0' + v } else { b'A' + v - 10 };
        }
        return cf::is_valid(std::str::from_utf8(&code[..len]).unwrap_or(""));
    }
    if lo == -1.0 {
        // Not a string: an 11-digit code may arrive as a number (leading zeros lost).
        return input.as_f64().is_some_and(|n| {
            n.fract() == 0.0 && (1e8..1e11).contains(&n) && cf::is_valid(&format!("{n:011.0}"))
        });
    }
    // A code with separators is under 40 characters.
    input
        .as_string()
        .is_some_and(|text| text.len() <= 256 && cf::is_valid(&text))
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
    let mut j = Json::new();
    j.raw("{");
    j.key("code").opt(encoded.code.as_deref());
    j.key("errors")
        .findings(severity(&encoded.findings, Severity::Error));
    j.key("warnings")
        .findings(severity(&encoded.findings, Severity::Warning));
    j.raw("}");
    j.into_js()
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
    match text_of(&code, field::CODE, lang) {
        Ok(text) => out.extend(cf::cross_check(
            text.as_deref().unwrap_or(""),
            &fields_of(&f),
            &CheckOptions { today, lang },
        )),
        Err(e) => out.push(e),
    }
    let mut j = Json::new();
    j.findings(out.iter());
    j.into_js()
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
    let report = match text_of(&input, field::MATRICOLA, lang) {
        Ok(text) => cf::check_matricola(text.as_deref().unwrap_or(""), lang),
        Err(f) => cf::MatricolaReport {
            valid: false,
            normalized: String::new(),
            findings: vec![f],
        },
    };
    let mut j = Json::new();
    j.raw("{");
    j.key("valid")
        .raw(if report.valid { "true" } else { "false" });
    j.key("normalized").str(&report.normalized);
    j.key("errors")
        .findings(severity(&report.findings, Severity::Error));
    if report.findings.iter().any(|f| f.severity == Severity::Info) {
        j.key("infos")
            .findings(severity(&report.findings, Severity::Info));
    }
    j.raw("}");
    j.into_js()
}

/// Decodes the place registry (about 56 KB compressed, 217 KB of text) before the first
/// check needs it. Without an argument it decodes everything now (a few hundred
/// milliseconds of CPU); with `maxBytes` it decodes that much more and returns whether the
/// registry is complete, for a page to call at idle moments (`requestIdleCallback`), e.g.
/// 8192 bytes at a time. Returns `true` once the registry is ready.
#[wasm_bindgen(js_name = preloadPlaces)]
pub fn preload_places(
    #[wasm_bindgen(unchecked_param_type = "number | undefined")] max_bytes: JsValue,
) -> bool {
    match max_bytes.as_f64() {
        Some(n) if n.is_finite() && n >= 1.0 => cf::places::preload_step(n.min(1e9) as usize),
        _ => {
            cf::places::preload();
            true
        }
    }
}
