//! How a codice fiscale result crosses the boundary: packed into numbers both ways, each
//! place's texts sent once, findings as one text (see `cf.js`).

use crate::text::Join;
use wasm_bindgen::prelude::*;

use crate::cf;
use crate::finding::{Finding, Lang, Severity};
use crate::wire::{Json, ToWire};

// Helpers on the JavaScript side (src/bindings/cf.js), so that a check crosses the boundary
// a fixed, small number of times (each crossing, and each string decoded, costs more than
// the check). All are total: any input gives a value, never an exception.
#[wasm_bindgen(module = "/src/bindings/cf.js")]
extern "C" {
    pub(super) fn cf_pack(input: &JsValue) -> f64;
    pub(super) fn cf_pack_hi() -> f64;
    pub(super) fn cf_options(options: &JsValue) -> f64;
    pub(super) fn cf_place(id: u32, code: &str, name: &str, province: &str);
    pub(super) fn cf_omocode(key: u32, message: &str);
    pub(super) fn cf_text(findings: &str, normalized: &str);
    pub(super) fn cf_out(input: &JsValue, bits: u32, ymd: u32, id: u32) -> JsValue;
}

/// How `cf_out` finds the normalised code.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Norm {
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
pub(super) const NAME_BITS: usize = 62;

/// Marks bit `bit` of place `index` as sent; whether it was not yet.
pub(super) fn first_send(index: usize, bit: usize) -> bool {
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
pub(super) const UNKEPT: u32 = 12 * 999 * 64;

/// The id under which `cf_out` finds a place's code, name on `birth` and province,
/// sending them first if this is their first use.
pub(super) fn place_id(place: cf::places::Place, birth: chrono::NaiveDate) -> u32 {
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
pub(super) fn omocode_bits(d: &cf::Decoded, id: u32, lang: Lang) -> u32 {
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
pub(super) fn person_bits(birth: chrono::NaiveDate, sex: cf::Sex, omocode: bool) -> (u32, u32) {
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
pub(super) fn has_separator(s: &str) -> bool {
    s.bytes().any(|b| b == 1 || b == 2)
}

/// Whether a finding's texts hold a separator (see [`has_separator`]).
pub(super) fn finding_has_separator(f: &Finding) -> bool {
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
pub(super) fn flat_finding(out: &mut String, f: &Finding) {
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
        Some(src) => field(&[src.document.as_str(), "\u{2}", src.section.as_str()].joined("")),
        None => field(""),
    }
}

/// The result object, put together by `cf_out` from numbers (and, only when needed, the
/// findings as JSON text and the normalised code).
pub(super) fn check_result(
    input: &JsValue,
    normalized: &str,
    norm: Norm,
    report: Option<&cf::CfReport>,
    extra: &[Finding],
) -> JsValue {
    let findings = report.map(|r| &r.findings[..]).unwrap_or(&[]);
    // The report's findings, then the caller's: walked one list after the other, not
    // chained (issue 15).
    let has_error = findings.iter().any(Finding::is_error) || extra.iter().any(Finding::is_error);
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
            let _ = crate::bindings::places::start(
                crate::bindings::places::File::Places,
                &JsValue::UNDEFINED,
            );
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
                for list in [findings, extra] {
                    for f in list {
                        if f.severity == s {
                            f.write(&mut j);
                        }
                    }
                }
                j.end_array();
            }
            j.end_array();
            text = j.finish();
        } else {
            for list in [findings, extra] {
                for f in list {
                    flat_finding(&mut text, f);
                }
            }
        }
        cf_text(&text, if norm == Norm::Sent { normalized } else { "" });
    }
    cf_out(input, bits, ymd, id)
}

/// The input of `checkCodiceFiscale` and `isValidCodiceFiscale`.
pub(super) enum Input {
    /// A plain code read by `cf_pack` without copying a string: upper-case bytes, length,
    /// whether a letter was lower-case.
    Packed([u8; 16], usize, bool),
    /// Not a string.
    NotText,
    /// Some other string: read it.
    Other,
}

pub(super) fn read_input(input: &JsValue) -> Input {
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
