//! JavaScript API of the codice fiscale engine ([`crate::cf`]).

use crate::field::{Field, FormField};
use serde::Deserialize;
use wasm_bindgen::prelude::*;

use super::{lang_of, object_arg, soften, text_arg, wire_js, MAX_TEXT};
use crate::cf::{self, field, CheckOptions, Fields};
use crate::dates::parse_date;
use crate::finding::{Finding, Lang, Severity};
use crate::wire::{Json, ToWire};

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
  /**
   * A corrected value the user may accept explicitly (never applied by instrada). A wrong
   * codice fiscale has at most 3: the likeliest on the error, the others on
   * `cf.alternative` warnings.
   */
  suggestion?: string;
}
export interface CfCheckOptions {
  /** Today's date, YYYY-MM-DD, for the century of birth. Default: the place registry's date. */
  today?: string;
  lang?: "it" | "en";
  /**
   * The form's other fields, optional: for a wrong code, the suggested corrections that
   * agree with them come first (ones that disagree are dropped when one agrees). A valid
   * code is not compared with them here: `crossCheckCodiceFiscale` does that.
   */
  surname?: string;
  name?: string;
  birthDate?: string;
  sex?: "M" | "F" | string;
  placeCode?: string;
  placeName?: string;
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
  /** Options that could not be used (`input.not-object`, `input.unknown-lang`). */
  warnings: CfFinding[];
  infos?: CfFinding[];
}
"#;

// Helpers on the JavaScript side (src/bindings/cf.js), so that a check crosses the boundary
// a fixed, small number of times (each crossing, and each string decoded, costs more than
// the check). All are total: any input gives a value, never an exception.
#[wasm_bindgen(module = "/src/bindings/cf.js")]
extern "C" {
    fn cf_pack(input: &JsValue) -> f64;
    fn cf_pack_hi() -> f64;
    fn cf_options(options: &JsValue) -> f64;
    fn cf_place(id: u32, code: &str, name: &str, province: &str);
    fn cf_omocode(key: u32, message: &str);
    fn cf_text(findings: &str, normalized: &str);
    fn cf_out(input: &JsValue, bits: u32, ymd: u32, id: u32) -> JsValue;
}

/// The `today` option as read.
enum Today {
    Absent,
    Date(chrono::NaiveDate),
    /// Text to read with `read_today` (another form, or not a real date).
    Text(String),
}

/// `lang` and `today` of an options object, with the findings `object_arg` would give, and
/// whether `cf_options` packed no language or a known one (0 none, 1 "it", 2 "en"; 3 other).
fn read_options(options: &JsValue) -> (Lang, Result<Today, Finding>, Fields, bool) {
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
fn read_lang_today(options: &JsValue, packed: f64) -> (Lang, Result<Today, Finding>) {
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
                .field(Field::input("options"))
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
        .field(Field::input("options"));
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
struct FieldsJs {
    surname: Option<String>,
    name: Option<String>,
    birth_date: Option<String>,
    sex: Option<String>,
    place_code: Option<String>,
    place_name: Option<String>,
    today: Option<String>,
}

/// Reads the text argument: a string in one boundary crossing when it is one of reasonable
/// size, otherwise through the shared `text_arg` (numbers, objects, huge strings).
fn text_of(value: &JsValue, field: FormField, lang: Lang) -> Result<Option<String>, Finding> {
    match value.as_string() {
        Some(s) if s.len() <= MAX_TEXT => Ok(Some(s)),
        _ => text_arg(value, field.name(), lang).map_err(|f| f.field(field)),
    }
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
    match parse_date(t, Field::input("today"), lang) {
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

/// How `cf_out` finds the normalised code.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Norm {
    /// The input itself (a plain upper-case code).
    Input,
    /// Sent with `cf_text`.
    Sent,
}

thread_local! {
    /// For each place of the registry, a bit per name already sent to `cf_place` (bits 0 to
    /// 61) and per language of its `cf.omocode` message sent to `cf_omocode` (62 Italian,
    /// 63 English); the JavaScript side keeps them: each text crosses the boundary once per
    /// page.
    static SENT: std::cell::RefCell<Vec<u64>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// The bits of `SENT` that name texts.
const NAME_BITS: usize = 62;

/// Marks bit `bit` of place `index` as sent; whether it was not yet.
fn first_send(index: usize, bit: usize) -> bool {
    let count = cf::places::len();
    SENT.with(|sent| {
        let mut sent = sent.borrow_mut();
        if sent.len() < count {
            sent.resize(count, 0);
        }
        let bit = 1u64 << bit;
        let fresh = sent.get(index).is_some_and(|s| s & bit == 0);
        if let Some(s) = sent.get_mut(index) {
            *s |= bit;
        }
        fresh
    })
}

/// The id of a place whose texts are sent every time (above every place's: there are at
/// most 12 × 999 codes).
const UNKEPT: u32 = 12 * 999 * 64;

/// The id under which `cf_out` finds a place's code, name on `birth` and province,
/// sending them first if this is their first use.
fn place_id(place: cf::places::Place, birth: chrono::NaiveDate) -> u32 {
    let (index, name) = (place.index(), place.name_index_on(birth));
    let send = |id: u32| {
        cf_place(id, place.code(), place.name_on(birth), place.province());
        id
    };
    let count = cf::places::len();
    if name >= NAME_BITS || index >= count {
        // Not kept: sent every time under an id no place has.
        return send(UNKEPT);
    }
    let id = (index * 64 + name) as u32;
    if first_send(index, name) {
        send(id);
    }
    id
}

/// The `cf_out` bits that give the result of `d`, a valid code with omocodia letters and
/// nothing else to say, its information `cf.omocode`; `id` is its place's, from
/// [`place_id`]. The message is written and sent to `cf_omocode` on its first use only.
fn omocode_bits(d: &cf::Decoded, id: u32, lang: Lang) -> u32 {
    let index = id / 64;
    let en = u32::from(lang == Lang::En);
    let fresh =
        index as usize >= cf::places::len() || first_send(index as usize, NAME_BITS + en as usize);
    if let (true, Some(info)) = (fresh, d.omocode_info(lang)) {
        cf_omocode(index * 2 + en, &info.message);
    }
    1024 | en << 11
}

/// The `cf_out` bits and numbers of a decoded person.
fn person_bits(birth: chrono::NaiveDate, sex: cf::Sex, omocode: bool) -> (u32, u32) {
    use chrono::Datelike;
    let mut bits = 8;
    if sex == cf::Sex::F {
        bits |= 16;
    }
    if omocode {
        bits |= 32;
    }
    let ymd = birth.year().clamp(0, 9999) as u32 * 10_000 + birth.month() * 100 + birth.day();
    (bits, ymd)
}

/// Whether a text holds U+0001 or U+0002, which the layout of `cf_findings` cannot carry.
fn has_separator(s: &str) -> bool {
    s.bytes().any(|b| b == 1 || b == 2)
}

/// Whether a finding's texts hold a separator (see [`has_separator`]).
fn finding_has_separator(f: &Finding) -> bool {
    has_separator(f.code)
        || has_separator(&f.message)
        || f.field_id().is_some_and(has_separator)
        || f.suggestion.as_deref().is_some_and(has_separator)
        || f.source
            .as_ref()
            .is_some_and(|s| has_separator(&s.document) || has_separator(&s.section))
}

/// Appends a finding in the layout `cf_findings` reads: seven fields, each followed by
/// U+0001 (the caller has made sure no text holds a separator).
fn flat_finding(out: &mut String, f: &Finding) {
    let mut field = |s: &str| {
        out.push_str(s);
        out.push('\u{1}');
    };
    field(f.code);
    field(match f.severity {
        Severity::Error => "0",
        Severity::Warning => "1",
        Severity::Info => "2",
    });
    field(&f.message);
    let mut digits = Json::new();
    if let Some(p) = f.position {
        digits.int(p as i64);
    }
    field(&digits.finish());
    field(f.field_id().unwrap_or(""));
    field(f.suggestion.as_deref().unwrap_or(""));
    match &f.source {
        Some(src) => field(&[src.document.as_str(), "\u{2}", src.section.as_str()].concat()),
        None => field(""),
    }
}

/// The result object, put together by `cf_out` from numbers (and, only when needed, the
/// findings as JSON text and the normalised code).
fn check_result(
    input: &JsValue,
    normalized: &str,
    norm: Norm,
    report: Option<&cf::CfReport>,
    extra: &[Finding],
) -> JsValue {
    let findings = report.map(|r| &r.findings[..]).unwrap_or(&[]);
    let has_error = findings.iter().chain(extra).any(Finding::is_error);
    let kind = report.and_then(|r| r.kind).filter(|_| !has_error);
    let mut bits: u32 = match kind {
        None => 0,
        Some(cf::Kind::Person) => 2,
        Some(cf::Kind::Entity) => 4,
        Some(cf::Kind::Temporary) => 6,
    };
    if kind.is_some() {
        bits |= 1;
    }
    let (mut ymd, mut id) = (0, 0);
    if let Some(p) = report.and_then(|r| r.person.as_ref()) {
        if p.place_name.is_none() && cf::places::absence() == Some(cf::places::Absence::Loading) {
            // Checked without the list of places: have it come (once; `ready` says when).
            let _ = super::places::start(&JsValue::UNDEFINED);
        }
        let (b, d) = person_bits(p.birth_date, p.sex, p.omocode);
        bits |= b;
        ymd = d;
        id = match cf::places::lookup_code(&p.place_code) {
            Some(place) => place_id(place, p.birth_date),
            None => {
                // While the registry is absent (its file on its way, or failed); otherwise
                // never for a valid code. Say what is known, under an id no place has.
                let id = UNKEPT;
                cf_place(
                    id,
                    &p.place_code,
                    p.place_name.as_deref().unwrap_or(""),
                    p.province.as_deref().unwrap_or(""),
                );
                id
            }
        };
    }
    let any = !findings.is_empty() || !extra.is_empty();
    if any {
        bits |= 64;
    }
    if norm == Norm::Sent {
        bits |= 256;
    }
    if any || norm == Norm::Sent {
        let mut text = String::with_capacity(1024);
        let all = || findings.iter().chain(extra);
        // The report's texts are instrada's own, the registry's and the typed characters:
        // a separator can only come from the code as read (the messages quote it). The
        // caller's findings (`extra`, few) are looked at whole.
        let typed = report.map_or("", |r| r.normalized.as_str());
        if has_separator(typed) || extra.iter().any(finding_has_separator) {
            // A text holds a separator (only if typed in the code and quoted): JSON.
            bits |= 512;
            let mut j = Json::new();
            j.begin_array();
            for s in [Severity::Error, Severity::Warning, Severity::Info] {
                j.begin_array();
                for f in all().filter(|f| f.severity == s) {
                    f.write(&mut j);
                }
                j.end_array();
            }
            j.end_array();
            text = j.finish();
        } else {
            for f in all() {
                flat_finding(&mut text, f);
            }
        }
        cf_text(&text, if norm == Norm::Sent { normalized } else { "" });
    }
    cf_out(input, bits, ymd, id)
}

/// The input of `checkCodiceFiscale` and `isValidCodiceFiscale`.
enum Input {
    /// A plain code read by `cf_pack` without copying a string: upper-case bytes, length,
    /// whether a letter was lower-case.
    Packed([u8; 16], usize, bool),
    /// Not a string.
    NotText,
    /// Some other string: read it.
    Other,
}

fn read_input(input: &JsValue) -> Input {
    let lo = cf_pack(input);
    if lo == -1.0 {
        return Input::NotText;
    }
    if lo < 0.0 {
        return Input::Other;
    }
    // Unpack the characters `cf_pack` read (6 bits each, 0–9 then A–Z).
    let mut hi = cf_pack_hi();
    let lower = hi >= 562_949_953_421_312.0;
    if lower {
        hi -= 562_949_953_421_312.0;
    }
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
    Input::Packed(code, len, lower)
}

/// Checks a codice fiscale completely: `{ valid, normalized, kind, errors, warnings,
/// infos?, person? }`. Any JavaScript value is accepted; nothing throws.
///
/// The result is a plain object, but it is not built with serde-wasm-bindgen: a plain
/// code crosses the boundary as two numbers (`cf_pack`), and a valid code's result comes
/// back as numbers too (`cf_out`), with each place's names sent once; findings travel as
/// one JSON text. Measured by `benches/cf.mjs`, this is what makes the full check several
/// times faster than sending the strings.
#[wasm_bindgen(js_name = checkCodiceFiscale, unchecked_return_type = "CfCheckResult")]
pub fn check_codice_fiscale(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CfCheckOptions | undefined")] options: JsValue,
) -> JsValue {
    let (lang, today, fields, lang_packed) = read_options(&options);
    let mut extra = Vec::new();
    // `cf_options` packs a known language (or none) into its number: only another value, or
    // options it could not pack, need a second look.
    if !lang_packed {
        extra.extend(super::lang_note(Some(&options)));
    }
    let today = match today {
        Ok(Today::Absent) => None,
        Ok(Today::Date(d)) => Some(d),
        Ok(Today::Text(t)) => read_today(Some(&t), lang, &mut extra),
        Err(f) => {
            extra.push(soften(f));
            None
        }
    };
    let options = CheckOptions { today, lang };
    let check = |text: &str| cf::check_with(text, &options, &fields);
    if let Input::Packed(code, len, false) = read_input(&input) {
        let text = std::str::from_utf8(&code[..len]).unwrap_or("");
        // The common case, a valid code with nothing to say (or only that it has omocodia
        // letters), without a single allocation after a place's first use.
        if let (Some(today), true) = (today, extra.is_empty()) {
            let quiet = |d: &cf::Decoded| d.is_plain() || d.omocode_only();
            if let Some(d) = cf::decode(text, today).filter(quiet) {
                let (bits, ymd) = person_bits(d.birth_date, d.sex, d.omocode);
                let id = place_id(d.place, d.birth_date);
                let note = if d.omocode {
                    omocode_bits(&d, id, lang)
                } else {
                    0
                };
                return cf_out(&input, bits | 1 | 2 | note, ymd, id);
            }
        }
        let report = check(text);
        return check_result(&input, "", Norm::Input, Some(&report), &extra);
    }
    match text_of(&input, field::CODE, lang) {
        Ok(text) => {
            let text = pad_number(&input, text);
            let report = check(text.as_deref().unwrap_or(""));
            check_result(
                &input,
                &report.normalized,
                Norm::Sent,
                Some(&report),
                &extra,
            )
        }
        Err(f) => {
            extra.insert(0, f);
            check_result(&input, "", Norm::Sent, None, &extra)
        }
    }
}

/// An 11-digit code passed as a number has lost its leading zeros (06363391001 arrives as
/// 6363391001): put them back, so that the check sees the code.
fn pad_number(input: &JsValue, text: Option<String>) -> Option<String> {
    match text {
        // Only 9 or 10 digits: the serial of a real code has at most two leading zeros.
        Some(t)
            if (9..11).contains(&t.len())
                && t.bytes().all(|b| b.is_ascii_digit())
                && input.as_f64().is_some() =>
        {
            Some(["0".repeat(11 - t.len()), t].concat())
        }
        other => other,
    }
}

/// `n` in 11 digits, leading zeros put back (without float formatting).
fn eleven_digits(n: u64) -> String {
    (0..11)
        .rev()
        .map(|i| char::from(b'0' + (n / 10u64.pow(i) % 10) as u8))
        .collect()
}

/// The fast path: `true` if the input is a valid codice fiscale, exactly when
/// `checkCodiceFiscale(input).valid` is (structure, date, place code, check character;
/// no registry decoding — see `cf::is_valid`). Never throws; non-strings are `false`.
#[wasm_bindgen(js_name = isValidCodiceFiscale)]
pub fn is_valid_codice_fiscale(
    #[wasm_bindgen(unchecked_param_type = "string")] input: JsValue,
) -> bool {
    match read_input(&input) {
        Input::Packed(code, len, _) => {
            cf::is_valid(std::str::from_utf8(&code[..len]).unwrap_or(""))
        }
        // Not a string: an 11-digit code may arrive as a number (leading zeros lost).
        Input::NotText => input.as_f64().is_some_and(|n| {
            n.fract() == 0.0 && (1e8..1e11).contains(&n) && cf::is_valid(&eleven_digits(n as u64))
        }),
        // A code with separators is under 40 characters.
        Input::Other => input
            .as_string()
            .is_some_and(|text| text.len() <= 256 && cf::is_valid(&text)),
    }
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
    let note = super::lang_note(Some(&fields));
    let mut encoded = match object_arg::<FieldsJs>(fields, "fields", lang) {
        Ok(f) => cf::encode(&fields_of(&f), lang),
        Err(f) => cf::Encoded {
            code: None,
            findings: vec![f],
        },
    };
    encoded.findings.extend(note);
    wire_js(&encoded)
}

/// Compares a codice fiscale with the other fields of the form: the findings, one per
/// field that disagrees (each with `field`).
#[wasm_bindgen(js_name = crossCheckCodiceFiscale, unchecked_return_type = "CfFinding[]")]
pub fn cross_check_codice_fiscale(
    #[wasm_bindgen(unchecked_param_type = "string")] code: JsValue,
    #[wasm_bindgen(unchecked_param_type = "CfCrossCheckOptions")] fields: JsValue,
) -> JsValue {
    let lang = lang_of(&fields);
    let mut out: Vec<Finding> = super::lang_note(Some(&fields)).into_iter().collect();
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
    wire_js(&out)
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
    let notes = super::option_warnings(&options, lang);
    let report = match text_of(&input, field::MATRICOLA, lang) {
        Ok(text) => cf::check_matricola(text.as_deref().unwrap_or(""), lang),
        Err(f) => cf::MatricolaReport {
            valid: false,
            normalized: String::new(),
            findings: vec![f],
        },
    };
    let mut report = report;
    report.findings.extend(notes);
    wire_js(&report)
}

/// Starts loading the list of places if it is not there (see `ready`, which also says when
/// it has arrived) and returns whether it is there. `maxBytes` is ignored: it sized the
/// steps of a former decoder, and the registry is now read in place (about a millisecond to
/// index once it has arrived).
#[wasm_bindgen(js_name = preloadPlaces)]
pub fn preload_places(
    #[wasm_bindgen(js_name = maxBytes, unchecked_param_type = "number | undefined")]
    _max_bytes: JsValue,
) -> bool {
    cf::places::preload();
    if cf::places::absence().is_some() {
        let _ = super::places::start(&JsValue::UNDEFINED);
    }
    cf::places::absence().is_none()
}
