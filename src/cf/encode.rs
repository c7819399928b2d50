//! Computing a person's codice fiscale from surname, name, birth date, sex and place
//! (DM 23 dicembre 1976): the parts are also used by [`cross_check`](super::cross_check).

use chrono::{Datelike, NaiveDate};

use super::places::{self, Place};
use super::tables::{check_char, digit_value, is_place_letter, MONTHS};
use super::{field, person, write_findings, Fields, Sex};
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
fn letters(text: &str, fld: crate::field::FormField, lang: Lang) -> Result<Vec<u8>, Finding> {
    let (what_it, what_en) = if fld == field::SURNAME {
        ("Il cognome", "The surname")
    } else {
        ("Il nome", "The first name")
    };
    if text.chars().count() > MAX_NAME {
        return Err(Finding::error(
            if fld == field::SURNAME {
                "cf.surname-too-long"
            } else {
                "cf.name-too-long"
            },
            match lang {
                Lang::It => {
                    format!("{what_it} è troppo lungo: scrivi al massimo {MAX_NAME} caratteri.")
                }
                Lang::En => format!("{what_en} is too long: write at most {MAX_NAME} characters."),
            },
        )
        .field(fld));
    }
    let mut out = Vec::with_capacity(16);
    for c in text.chars() {
        if c.is_whitespace() || matches!(c, '\'' | '’' | '`' | '´' | '-' | '‐' | '.') {
            continue;
        }
        match fold_char(c) {
            Some(f) if f.is_ascii_alphabetic() => out.push(f.to_ascii_uppercase() as u8),
            _ => {
                return Err(Finding::error(
                    if fld == field::SURNAME { "cf.surname-character" } else { "cf.name-character" },
                    match lang {
                        Lang::It => format!("{what_it} contiene «{c}», che il codice fiscale non prevede: scrivilo come risulta all'Agenzia delle Entrate, con lettere senza segni diacritici particolari."),
                        Lang::En => format!("{what_en} contains “{c}”, which the codice fiscale does not use: write it as the Agenzia delle Entrate records it, with plain letters."),
                    },
                )
                .field(fld));
            }
        }
    }
    if out.is_empty() {
        return Err(Finding::error(
            if fld == field::SURNAME {
                "cf.surname-letters"
            } else {
                "cf.name-letters"
            },
            match lang {
                Lang::It => format!("{what_it} deve contenere almeno una lettera."),
                Lang::En => format!("{what_en} must contain at least one letter."),
            },
        )
        .field(fld));
    }
    Ok(out)
}

/// The three letters of a surname (`first_name` false) or of a name: consonants, then
/// vowels, then X; a name with four or more consonants takes the 1st, 3rd and 4th.
pub(crate) fn name_part(text: &str, first_name: bool, lang: Lang) -> Result<[u8; 3], Finding> {
    let fld = if first_name {
        field::NAME
    } else {
        field::SURNAME
    };
    let l = letters(text, fld, lang)?;
    let is_vowel = |c: &u8| b"AEIOU".contains(c);
    let consonants: Vec<u8> = l.iter().copied().filter(|c| !is_vowel(c)).collect();
    let vowels = l.iter().copied().filter(is_vowel);
    if first_name && consonants.len() >= 4 {
        return Ok([consonants[0], consonants[2], consonants[3]]);
    }
    let mut seq = consonants
        .into_iter()
        .chain(vowels)
        .chain(std::iter::repeat(b'X'));
    let mut part = [b'X'; 3];
    for slot in &mut part {
        *slot = seq.next().unwrap_or(b'X');
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
        birth
            .filter(|b| !p.valid_on(*b))
            .map(|b| person::validity_warning(p, b, lang).field(field::PLACE))
    };
    if let Some(typed) = filled(&fields.place_code) {
        let Some(code) = read_place_code(typed) else {
            return Err(Finding::error(
                "cf.place-code-format",
                match lang {
                    Lang::It => format!("«{}» non è un codice di luogo: scrivi una lettera (A–I, L, M per i comuni, Z per gli stati esteri) e tre cifre, per esempio H501, oppure indica il nome del luogo.", clip(typed)),
                    Lang::En => format!("“{}” is not a place code: write a letter (A–I, L, M for comuni, Z for foreign states) and three digits, e.g. H501, or give the place's name.", clip(typed)),
                },
            )
            .field(field::PLACE));
        };
        let code = std::str::from_utf8(&code).unwrap_or("");
        if let (Some(absence), true) = (places::absence(), places::code_exists(code)) {
            return Err(places_absent(absence, lang));
        }
        let Some(place) = places::lookup_code(code) else {
            return Err(Finding::error(
                "cf.place-code-unknown",
                match lang {
                    Lang::It => format!("Il codice di luogo «{code}» non corrisponde a nessun comune né stato estero, attuale o cessato, dell'archivio ANPR aggiornato al {}: controllalo, oppure indica il nome del luogo.", crate::dates::human(places::registry_date(), lang)),
                    Lang::En => format!("The place code “{code}” matches no comune or foreign state, current or ceased, in the ANPR archive as of {}: check it, or give the place's name.", crate::dates::human(places::registry_date(), lang)),
                },
            )
            .field(field::PLACE));
        };
        let w = warn(&place);
        return Ok((place, w));
    }
    let Some(name) = filled(&fields.place_name) else {
        return Err(Finding::error(
            "cf.place-missing",
            lang.pick(
                "Inserisci il luogo di nascita: il comune, oppure lo stato estero per chi è nato all'estero.",
                "Enter the place of birth: the comune, or the foreign state for people born abroad.",
            ),
        )
        .field(field::PLACE));
    };
    if let Some(absence) = places::absence() {
        return Err(places_absent(absence, lang));
    }
    let found = places::find_by_name(name, birth);
    match found.len() {
        0 => Err(Finding::error(
            "cf.place-name-unknown",
            match lang {
                Lang::It => format!("Non trovo «{}» tra i comuni e gli stati esteri, attuali o cessati: controlla come è scritto, oppure indica il codice del luogo (per esempio H501 per Roma).", clip(name)),
                Lang::En => format!("“{}” is not among the comuni and foreign states, current or ceased: check the spelling, or give the place code (e.g. H501 for Roma).", clip(name)),
            },
        )
        .field(field::PLACE)),
        1 => {
            let place = found[0];
            let w = warn(&place);
            Ok((place, w))
        }
        _ => {
            let list: Vec<String> = found.iter().take(6).map(|p| format!("{} ({}, {})", p.name(), p.province(), p.code())).collect();
            Err(Finding::error(
                "cf.place-ambiguous",
                match lang {
                    Lang::It => format!("Ci sono più luoghi con questo nome: {}. Aggiungi la provincia tra parentesi, per esempio «{} ({})», oppure indica il codice del luogo.", list.join(", "), found[0].name(), found[0].province()),
                    Lang::En => format!("Several places have this name: {}. Add the province in brackets, e.g. “{} ({})”, or give the place code.", list.join(", "), found[0].name(), found[0].province()),
                },
            )
            .field(field::PLACE))
        }
    }
}

/// The error of a place that cannot be resolved yet: the registry's file has not arrived
/// (or will not), so neither the place's validity nor a name can be looked up.
pub(crate) fn places_absent(absence: places::Absence, lang: Lang) -> Finding {
    match absence {
        places::Absence::Loading => Finding::error(
            "cf.places-pending",
            lang.pick(
                "L'elenco dei luoghi di nascita sta arrivando: riprova tra un istante.",
                "The list of places of birth is on its way: try again in a moment.",
            ),
        ),
        places::Absence::Unavailable => Finding::error(
            "cf.places-unavailable",
            lang.pick(
                "L'elenco dei luoghi di nascita non si è potuto caricare, quindi il codice fiscale non si può calcolare qui: ricarica la pagina più tardi.",
                "The list of places of birth could not be loaded, so the codice fiscale cannot be computed here: reload the page later.",
            ),
        ),
    }
    .field(field::PLACE)
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
    filled(&fields.sex).map(|s| {
        Sex::parse(s).ok_or_else(|| {
            Finding::error(
                "cf.sex-invalid",
                match lang {
                    Lang::It => format!("Indica il sesso come M o F (non «{}»): è quello registrato nel codice fiscale.", clip(s)),
                    Lang::En => format!("Give the sex as M or F (not “{}”): the one the codice fiscale records.", clip(s)),
                },
            )
            .field(field::SEX)
        })
    })
}

fn missing(
    code: &'static str,
    fld: crate::field::FormField,
    it: &str,
    en: &str,
    lang: Lang,
) -> Finding {
    Finding::error(code, lang.pick(it, en)).field(fld)
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
            findings.push(missing(
                "cf.surname-missing",
                field::SURNAME,
                "Inserisci il cognome.",
                "Enter the surname.",
                lang,
            ));
            None
        }
    };
    let name = match filled(&fields.name) {
        Some(s) => name_part(s, true, lang).map_err(|f| findings.push(f)).ok(),
        None => {
            findings.push(missing(
                "cf.name-missing",
                field::NAME,
                "Inserisci il nome.",
                "Enter the first name.",
                lang,
            ));
            None
        }
    };
    let birth = match read_birth(fields, lang) {
        Some(r) => r.map_err(|f| findings.push(f)).ok(),
        None => {
            findings.push(missing(
                "cf.birth-date-missing",
                field::BIRTH_DATE,
                "Inserisci la data di nascita.",
                "Enter the date of birth.",
                lang,
            ));
            None
        }
    };
    let sex = match read_sex(fields, lang) {
        Some(r) => r.map_err(|f| findings.push(f)).ok(),
        None => {
            findings.push(missing(
                "cf.sex-missing",
                field::SEX,
                "Indica il sesso (M o F).",
                "Give the sex (M or F).",
                lang,
            ));
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
        code: Some(code.iter().map(|&b| b as char).collect()),
        findings,
    }
}
