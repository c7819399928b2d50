//! JavaScript API of the codice fiscale engine ([`crate::cf`]).

use crate::field::FormField;
use crate::text::Join;
use wasm_bindgen::prelude::*;

use super::{lang_of, object_arg, soften, text_arg, wire_js, MAX_TEXT};
use crate::cf::{self, field, CheckOptions};
use crate::finding::{Finding, Lang};

mod options;
mod out;

use options::{fields_of, read_options, read_today, FieldsJs, Today};
use out::{cf_out, check_result, omocode_bits, person_bits, place_id, read_input, Input, Norm};

#[wasm_bindgen(typescript_custom_section)]
const TS_CF: &str = include_str!("cf.d.ts");

/// Reads the text argument: a string in one boundary crossing when it is one of reasonable
/// size, otherwise through the shared `text_arg` (numbers, objects, huge strings).
fn text_of(value: &JsValue, field: FormField, lang: Lang) -> Result<Option<String>, Finding> {
    match value.as_string() {
        Some(s) if s.len() <= MAX_TEXT => Ok(Some(s)),
        _ => text_arg(value, field.name(), lang).map_err(|f| f.field(field)),
    }
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
            Some(["0".repeat(11 - t.len()), t].joined(""))
        }
        other => other,
    }
}

/// `n` in 11 digits, leading zeros put back (without float formatting).
fn eleven_digits(n: u64) -> String {
    // A loop, not map + collect: one copy less of the adapters in the module (issue 15).
    let mut s = String::with_capacity(11);
    for i in (0..11).rev() {
        s.push(char::from(b'0' + (n / 10u64.pow(i) % 10) as u8));
    }
    s
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
    let mut out: Vec<Finding> = Vec::new();
    if let Some(f) = super::lang_note(Some(&fields)) {
        out.push(f);
    }
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
        let _ = super::places::start(super::places::File::Places, &JsValue::UNDEFINED);
    }
    cf::places::absence().is_none()
}
