//! Comparing a typed codice fiscale with the other fields of the form.

use crate::text::Join;
use chrono::{Datelike, NaiveDate};

use super::encode::{name_part, read_birth, read_place_code, read_sex};
use super::messages::FormProblem;
use super::places;
use super::tables::{digit_value, month_of};
use super::{check, CheckOptions, Fields, Kind, Sex};
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
        out.push(FormProblem::CrossCheckSkipped { numeric }.finding(lang));
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
                out.push(
                    FormProblem::MismatchName {
                        first_name,
                        typed: v,
                        gives: text(&part),
                        has: text(&c[at..at + 3]),
                        at,
                    }
                    .finding(lang),
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
            out.push(
                FormProblem::MismatchBirthDate {
                    code: NaiveDate::from_ymd_opt(year, month, day),
                    day,
                    month,
                    yy,
                    form: d,
                }
                .finding(lang),
            );
        }
    }

    match read_sex(fields, lang) {
        Some(Err(f)) => out.push(f),
        Some(Ok(s)) if s != sex => {
            out.push(FormProblem::MismatchSex { code: sex, day: dd }.finding(lang));
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
                FormProblem::PlaceCodeFormat {
                    typed,
                    or_name: false,
                }
                .finding(lang),
            ),
            Some(form_code) if form_code != place_code => out.push(place_mismatch(
                &describe(text(&place_code)),
                &describe(text(&form_code)),
                lang,
            )),
            Some(_) => {}
        }
    } else if let (Some(_), Some(absence)) = (filled(&fields.place_name), places::absence()) {
        // The names have not arrived: the typed place is compared once they have.
        out.push(FormProblem::PlaceCompareAbsent(absence).finding(lang));
    } else if let Some(name) = filled(&fields.place_name) {
        let found = places::find_by_name(name, on);
        if found.is_empty() {
            out.push(
                FormProblem::PlaceNameUnknown {
                    typed: name,
                    example: false,
                }
                .finding(lang),
            );
        } else if !found
            .iter()
            .any(|p| Some(*p) == code_place || p.code().as_bytes() == place_code)
        {
            // A loop, not map + collect: one copy less of the adapters in the module
            // (issue 15).
            let mut form = Vec::new();
            for p in found.iter().take(4) {
                form.push(describe(p.code()));
            }
            out.push(place_mismatch(
                &describe(text(&place_code)),
                &form.joined(", "),
                lang,
            ));
        }
    }
    out
}

fn place_mismatch(code: &str, form: &str, lang: Lang) -> Finding {
    FormProblem::MismatchPlace { code, form }.finding(lang)
}
