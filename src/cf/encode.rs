//! Computing a person's codice fiscale from surname, name, birth date, sex and place
//! (DM 23 dicembre 1976): the parts are also used by [`cross_check`](super::cross_check).

use chrono::{Datelike, NaiveDate};

use super::messages::{FormProblem, Missing, Problem};
use super::places::{self, Place};
use super::tables::{check_char, digit_value, is_place_letter, MONTHS};
use super::{field, write_findings, Fields, Sex};
use crate::dates::{clip, parse_date};
use crate::finding::{Finding, Lang, Severity};
use crate::text::fold_char;
use crate::wire::{Json, ToWire};

/// The result of [`encode`]: the code when every field could be used, and findings
/// (errors for fields that prevent the computation, warnings otherwise).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Encoded {
    /// The computed code, `None` when a field prevents it.
    pub code: Option<String>,
    /// Errors for unusable fields, warnings (e.g. a place not yet valid on the birth date).
    pub findings: Vec<Finding>,
}

/// `{ code, errors, warnings }`, as the TypeScript `CfEncodeResult` declares (`code` null
/// when a field prevents it).
impl ToWire for Encoded {
    fn write(&self, out: &mut Json) {
        out.begin_object();
        out.field_str_or_null("code", self.code.as_deref());
        write_findings(out, "errors", &self.findings, Severity::Error);
        write_findings(out, "warnings", &self.findings, Severity::Warning);
        out.end_object();
    }
}

/// Longest surname or name read, in characters.
const MAX_NAME: usize = 200;

fn filled(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// The upper-case letters of a surname or name, accents folded; spaces, apostrophes,
/// hyphens and dots are skipped. Anything else is a finding.
fn letters(text: &str, first_name: bool, lang: Lang) -> Result<Vec<u8>, Finding> {
    if text.chars().count() > MAX_NAME {
        return Err(FormProblem::NameTooLong {
            first_name,
            max: MAX_NAME,
        }
        .finding(lang));
    }
    let mut out = Vec::with_capacity(16);
    for c in text.chars() {
        if c.is_whitespace() || matches!(c, '\'' | '’' | '`' | '´' | '-' | '‐' | '.') {
            continue;
        }
        match fold_char(c) {
            Some(f) if f.is_ascii_alphabetic() => out.push(f.to_ascii_uppercase() as u8),
            _ => return Err(FormProblem::NameCharacter { first_name, c }.finding(lang)),
        }
    }
    if out.is_empty() {
        return Err(FormProblem::NameLetters { first_name }.finding(lang));
    }
    Ok(out)
}

/// The three letters of a surname (`first_name` false) or of a name: consonants, then
/// vowels, then X; a name with four or more consonants takes the 1st, 3rd and 4th.
pub(crate) fn name_part(text: &str, first_name: bool, lang: Lang) -> Result<[u8; 3], Finding> {
    let l = letters(text, first_name, lang)?;
    let is_vowel = |c: &u8| b"AEIOU".contains(c);
    // Loops, not filter + collect and a chain: one copy less of the adapters (issue 15).
    let mut consonants: Vec<u8> = Vec::new();
    for &c in l.iter() {
        if !is_vowel(&c) {
            consonants.push(c);
        }
    }
    if first_name && consonants.len() >= 4 {
        return Ok([consonants[0], consonants[2], consonants[3]]);
    }
    // The consonants, then the vowels, then X.
    let mut seq = consonants;
    for &c in l.iter() {
        if is_vowel(&c) {
            seq.push(c);
        }
    }
    let mut part = [b'X'; 3];
    for (slot, &c) in part.iter_mut().zip(&seq) {
        *slot = c;
    }
    Ok(part)
}

/// Reads a Belfiore code typed in a field: 4 characters, omocodia letters undone.
pub(crate) fn read_place_code(text: &str) -> Option<[u8; 4]> {
    let norm = super::input::normalize(text);
    if norm.too_long || norm.chars().len() != 4 {
        return None;
    }
    let mut code = [0u8; 4];
    code[0] = norm.chars()[0] as u32 as u8;
    if !norm.chars()[0].is_ascii() || !is_place_letter(code[0]) {
        return None;
    }
    for (slot, &c) in code[1..].iter_mut().zip(&norm.chars()[1..]) {
        *slot = b'0' + digit_value(if c.is_ascii() { c as u8 } else { 0 })?;
    }
    Some(code)
}

/// The place of the fields: by code if given, else by name, chosen among the places valid
/// on `birth`. Errors are findings; a place not valid on `birth` comes with a warning.
pub(crate) fn resolve_place(
    fields: &Fields,
    birth: Option<NaiveDate>,
    lang: Lang,
) -> Result<(Place, Option<Finding>), Finding> {
    let warn = |p: &Place| {
        birth.filter(|b| !p.valid_on(*b)).map(|b| {
            Problem::PlaceNotValidAtBirth {
                place: *p,
                birth: b,
            }
            .finding(lang)
            .field(field::PLACE)
        })
    };
    if let Some(typed) = filled(&fields.place_code) {
        let Some(code) = read_place_code(typed) else {
            return Err(FormProblem::PlaceCodeFormat {
                typed,
                or_name: true,
            }
            .finding(lang));
        };
        let code = std::str::from_utf8(&code).unwrap_or("");
        if let (Some(absence), true) = (places::absence(), places::code_exists(code)) {
            return Err(FormProblem::PlacesAbsent(absence).finding(lang));
        }
        let Some(place) = places::lookup_code(code) else {
            return Err(FormProblem::PlaceCodeUnknown {
                code,
                date: places::registry_date(),
            }
            .finding(lang));
        };
        let w = warn(&place);
        return Ok((place, w));
    }
    let Some(name) = filled(&fields.place_name) else {
        return Err(FormProblem::PlaceMissing.finding(lang));
    };
    if let Some(absence) = places::absence() {
        return Err(FormProblem::PlacesAbsent(absence).finding(lang));
    }
    let found = places::find_by_name(name, birth);
    match found.len() {
        0 => Err(FormProblem::PlaceNameUnknown {
            typed: name,
            example: true,
        }
        .finding(lang)),
        1 => {
            let place = found[0];
            let w = warn(&place);
            Ok((place, w))
        }
        _ => Err(FormProblem::PlaceAmbiguous { found: &found }.finding(lang)),
    }
}

pub(crate) fn read_birth(fields: &Fields, lang: Lang) -> Option<Result<NaiveDate, Finding>> {
    filled(&fields.birth_date).map(|d| {
        if d.chars().count() > 40 {
            return parse_date(&clip(d), field::BIRTH_DATE, lang);
        }
        parse_date(d, field::BIRTH_DATE, lang)
    })
}

pub(crate) fn read_sex(fields: &Fields, lang: Lang) -> Option<Result<Sex, Finding>> {
    filled(&fields.sex)
        .map(|s| Sex::parse(s).ok_or_else(|| FormProblem::SexInvalid { typed: s }.finding(lang)))
}

/// Computes a person's codice fiscale from the fields of a form.
///
/// Every field is needed; each missing or unreadable one is an error finding with its
/// `field` ([`field`](super::field)), and then `code` is `None`. The place is taken by
/// code or by name (`"Castro (LE)"` when the name is shared), among the places valid on the
/// birth date. The result is the base code, without omocodia (only the Agenzia delle
/// Entrate assigns omocodes).
///
/// ```
/// use instrada::cf::{encode, Fields};
/// use instrada::finding::Lang;
///
/// let fields = Fields {
///     surname: Some("Rossi".into()),
///     name: Some("Mario".into()),
///     birth_date: Some("1985-12-10".into()),
///     sex: Some("M".into()),
///     place_code: Some("A562".into()),
///     ..Default::default()
/// };
/// assert_eq!(encode(&fields, Lang::It).code.as_deref(), Some("RSSMRA85T10A562S"));
/// ```
pub fn encode(fields: &Fields, lang: Lang) -> Encoded {
    let mut findings = Vec::new();
    let surname = match filled(&fields.surname) {
        Some(s) => name_part(s, false, lang).map_err(|f| findings.push(f)).ok(),
        None => {
            findings.push(FormProblem::Missing(Missing::Surname).finding(lang));
            None
        }
    };
    let name = match filled(&fields.name) {
        Some(s) => name_part(s, true, lang).map_err(|f| findings.push(f)).ok(),
        None => {
            findings.push(FormProblem::Missing(Missing::Name).finding(lang));
            None
        }
    };
    let birth = match read_birth(fields, lang) {
        Some(r) => r.map_err(|f| findings.push(f)).ok(),
        None => {
            findings.push(FormProblem::Missing(Missing::BirthDate).finding(lang));
            None
        }
    };
    let sex = match read_sex(fields, lang) {
        Some(r) => r.map_err(|f| findings.push(f)).ok(),
        None => {
            findings.push(FormProblem::Missing(Missing::Sex).finding(lang));
            None
        }
    };
    let place = match resolve_place(fields, birth, lang) {
        Ok((p, warning)) => {
            findings.extend(warning);
            Some(p)
        }
        Err(f) => {
            findings.push(f);
            None
        }
    };
    let (Some(surname), Some(name), Some(birth), Some(sex), Some(place)) =
        (surname, name, birth, sex, place)
    else {
        return Encoded {
            code: None,
            findings,
        };
    };
    let mut code = Vec::with_capacity(16);
    code.extend_from_slice(&surname);
    code.extend_from_slice(&name);
    let yy = birth.year().rem_euclid(100) as u32;
    code.extend_from_slice(format!("{yy:02}").as_bytes());
    code.push(MONTHS[birth.month0() as usize]);
    let day = birth.day() + if sex == Sex::F { 40 } else { 0 };
    code.extend_from_slice(format!("{day:02}").as_bytes());
    code.extend_from_slice(place.code().as_bytes());
    let Some(check) = check_char(&code) else {
        return Encoded {
            code: None,
            findings,
        };
    };
    code.push(check);
    Encoded {
        // A loop, not map + collect: one copy less of the adapters in the module (issue 15).
        code: Some({
            let mut s = String::with_capacity(code.len());
            for &b in &code {
                s.push(b as char);
            }
            s
        }),
        findings,
    }
}
