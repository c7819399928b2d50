//! Comparing a typed codice fiscale with the other fields of the form.

use chrono::{Datelike, NaiveDate};

use super::encode::{name_part, read_birth, read_place_code, read_sex};
use super::places;
use super::tables::{digit_value, month_of};
use super::{check, field, CheckOptions, Fields, Kind, Sex};
use crate::dates::{clip, human};
use crate::finding::{Finding, Lang};

fn filled(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

fn text(b: &[u8]) -> &str {
    std::str::from_utf8(b).unwrap_or("")
}

/// Compares a person's codice fiscale with the other fields of the form and reports each
/// field that disagrees (severity warning, `field` set to the form field — see
/// [`field`](super::field)): surname and name letters, birth date, sex, place. Every omocode
/// variant of the code is accepted (its letters are read as the digits they replace).
/// Fields left empty are not compared; fields that cannot be read are error findings.
///
/// The code must be a valid person's code: otherwise the only finding is the info
/// `cf.cross-check-skipped`, since [`check`] reports what is wrong with it.
///
/// ```
/// use instrada::cf::{cross_check, CheckOptions, Fields};
///
/// let fields = Fields { birth_date: Some("12/10/1985".into()), ..Default::default() };
/// let found = cross_check("RSSMRA85T10A562S", &fields, &CheckOptions::default());
/// assert_eq!(found[0].code, "cf.mismatch-birth-date");
/// assert!(found[0].message.contains("10/12/1985"));
/// ```
pub fn cross_check(code: &str, fields: &Fields, options: &CheckOptions) -> Vec<Finding> {
    let lang = options.lang;
    let report = check(code, options);
    let mut out = Vec::new();
    if report.kind != Some(Kind::Person) || !report.valid() {
        let numeric = matches!(report.kind, Some(Kind::Entity | Kind::Temporary));
        out.push(
            Finding::info(
                "cf.cross-check-skipped",
                if numeric {
                    lang.pick(
                        "Un codice fiscale di 11 cifre non contiene dati anagrafici: non c'è niente da confrontare con gli altri campi.",
                        "An 11-digit codice fiscale holds no personal data: there is nothing to compare with the other fields.",
                    )
                } else {
                    lang.pick(
                        "Il confronto con cognome, nome, data, sesso e luogo di nascita si fa quando il codice fiscale di 16 caratteri è corretto: correggi prima il codice.",
                        "The comparison with surname, name, date, sex and place of birth is made once the 16-character codice fiscale is correct: fix the code first.",
                    )
                },
            )
            .field(field::CODE),
        );
        return out;
    }
    let c: Vec<u8> = report.normalized.bytes().collect();
    if c.len() != 16 {
        return out;
    }
    let digit = |i: usize| digit_value(c[i]).unwrap_or(0) as u32;
    let yy = digit(6) * 10 + digit(7);
    let month = month_of(c[8]).unwrap_or(1);
    let dd = digit(9) * 10 + digit(10);
    let (day, sex) = if dd > 40 {
        (dd - 40, Sex::F)
    } else {
        (dd, Sex::M)
    };
    let place_code = [
        c[11],
        b'0' + digit(12) as u8,
        b'0' + digit(13) as u8,
        b'0' + digit(14) as u8,
    ];
    let code_birth = report.person.as_ref().map(|p| p.birth_date);

    for (value, first_name) in [(&fields.surname, false), (&fields.name, true)] {
        let Some(v) = filled(value) else { continue };
        let at = if first_name { 3 } else { 0 };
        match name_part(v, first_name, lang) {
            Err(f) => out.push(f),
            Ok(part) if part[..] != c[at..at + 3] => {
                let (fld, code_id) = if first_name {
                    (field::NAME, "cf.mismatch-name")
                } else {
                    (field::SURNAME, "cf.mismatch-surname")
                };
                let (it, en) = if first_name {
                    ("Il nome", "The first name")
                } else {
                    ("Il cognome", "The surname")
                };
                out.push(
                    Finding::warning(
                        code_id,
                        match lang {
                            Lang::It => format!("{it} «{}» dà «{}», ma il codice fiscale ha «{}» (dal {}° al {}° carattere): controlla {} o il codice.", clip(v), text(&part), text(&c[at..at + 3]), at + 1, at + 3, if first_name { "il nome" } else { "il cognome" }),
                            Lang::En => format!("{en} “{}” gives “{}”, but the codice fiscale has “{}” (characters {} to {}): check the {} or the code.", clip(v), text(&part), text(&c[at..at + 3]), at + 1, at + 3, if first_name { "first name" } else { "surname" }),
                        },
                    )
                    .field(fld)
                    .at(at),
                );
            }
            Ok(_) => {}
        }
    }

    let form_birth = match read_birth(fields, lang) {
        Some(Ok(d)) => Some(d),
        Some(Err(f)) => {
            out.push(f);
            None
        }
        None => None,
    };
    if let Some(d) = form_birth {
        if (d.year().rem_euclid(100) as u32, d.month(), d.day()) != (yy, month, day) {
            // Show the code's date in the form's century: the code holds only two digits.
            let year = d.year() - d.year().rem_euclid(100) + yy as i32;
            let shown = NaiveDate::from_ymd_opt(year, month, day)
                .map(|x| human(x, lang))
                .unwrap_or_else(|| format!("{day:02}/{month:02}/..{yy:02}"));
            out.push(
                Finding::warning(
                    "cf.mismatch-birth-date",
                    match lang {
                        Lang::It => format!("Il codice indica la nascita il {shown}, il modulo dice {}: controlla la data di nascita o il codice.", human(d, lang)),
                        Lang::En => format!("The code gives birth on {shown}, the form says {}: check the date of birth or the code.", human(d, lang)),
                    },
                )
                .field(field::BIRTH_DATE)
                .at(6),
            );
        }
    }

    match read_sex(fields, lang) {
        Some(Err(f)) => out.push(f),
        Some(Ok(s)) if s != sex => {
            let (code_it, code_en, form_it, form_en) = match sex {
                Sex::F => ("una donna", "a woman", "uomo", "man"),
                Sex::M => ("un uomo", "a man", "donna", "woman"),
            };
            out.push(
                Finding::warning(
                    "cf.mismatch-sex",
                    match lang {
                        Lang::It => format!("Il codice indica {code_it} (giorno {dd:02}: per le donne si aggiunge 40), il modulo dice {form_it}: controlla il sesso o il codice."),
                        Lang::En => format!("The code gives {code_en} (day {dd:02}: 40 is added for women), the form says {form_en}: check the sex or the code."),
                    },
                )
                .field(field::SEX)
                .at(9),
            );
        }
        _ => {}
    }

    let on = form_birth.or(code_birth);
    let code_place = places::lookup_code(text(&place_code));
    let describe = |code: &str| match places::lookup_code(code) {
        Some(p) => format!("{} ({code})", on.map(|d| p.name_on(d)).unwrap_or(p.name())),
        None => code.to_string(),
    };
    if let Some(typed) = filled(&fields.place_code) {
        match read_place_code(typed) {
            None => out.push(
                Finding::error(
                    "cf.place-code-format",
                    match lang {
                        Lang::It => format!("«{}» non è un codice di luogo: scrivi una lettera e tre cifre, per esempio H501.", clip(typed)),
                        Lang::En => format!("“{}” is not a place code: write a letter and three digits, e.g. H501.", clip(typed)),
                    },
                )
                .field(field::PLACE),
            ),
            Some(form_code) if form_code != place_code => out.push(place_mismatch(&describe(text(&place_code)), &describe(text(&form_code)), lang)),
            Some(_) => {}
        }
    } else if let (Some(_), Some(absence)) = (filled(&fields.place_name), places::absence()) {
        // The names have not arrived: the typed place is compared once they have.
        out.push(
            match absence {
                places::Absence::Loading => Finding::info(
                    "cf.place-compare-pending",
                    lang.pick(
                        "Il luogo di nascita del modulo si confronta con il codice quando arriva l'elenco dei luoghi, tra un istante.",
                        "The place of birth in the form is compared with the code when the list of places arrives, in a moment.",
                    ),
                ),
                places::Absence::Unavailable => Finding::info(
                    "cf.place-compare-unavailable",
                    lang.pick(
                        "Il luogo di nascita del modulo non è stato confrontato con il codice: l'elenco dei luoghi non si è potuto caricare.",
                        "The place of birth in the form was not compared with the code: the list of places could not be loaded.",
                    ),
                ),
            }
            .field(field::PLACE),
        );
    } else if let Some(name) = filled(&fields.place_name) {
        let found = places::find_by_name(name, on);
        if found.is_empty() {
            out.push(
                Finding::error(
                    "cf.place-name-unknown",
                    match lang {
                        Lang::It => format!("Non trovo «{}» tra i comuni e gli stati esteri, attuali o cessati: controlla come è scritto, oppure indica il codice del luogo.", clip(name)),
                        Lang::En => format!("“{}” is not among the comuni and foreign states, current or ceased: check the spelling, or give the place code.", clip(name)),
                    },
                )
                .field(field::PLACE),
            );
        } else if !found
            .iter()
            .any(|p| Some(*p) == code_place || p.code().as_bytes() == place_code)
        {
            let form: Vec<String> = found.iter().take(4).map(|p| describe(p.code())).collect();
            out.push(place_mismatch(
                &describe(text(&place_code)),
                &form.join(", "),
                lang,
            ));
        }
    }
    out
}

fn place_mismatch(code: &str, form: &str, lang: Lang) -> Finding {
    Finding::warning(
        "cf.mismatch-place",
        match lang {
            Lang::It => format!("Il codice indica la nascita a {code}, il modulo dice {form}: controlla il luogo di nascita o il codice."),
            Lang::En => format!("The code gives birth in {code}, the form says {form}: check the place of birth or the code."),
        },
    )
    .field(field::PLACE)
    .at(11)
}
