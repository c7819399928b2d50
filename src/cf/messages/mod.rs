//! The words of the codice fiscale area (`cf.*`, `matricola.*`): every finding it reports,
//! Italian and English side by side. The rules only say which problem they met, with its
//! data (`Defect` of a code's characters, `Problem` of the code, `FormProblem` of the
//! form's other fields, `MatricolaProblem`); this module renders it in the language asked
//! for, and only in that one. [`examples`] gives one finding of every code.
//!
//! The messages of the code are written for every wrong code and every candidate
//! correction, so they are joined from pieces (`text`) where `format!` would be slower and
//! larger in the wasm.

mod code;
mod form;
mod text;

pub(crate) use code::{alternative, proposal, without_proposal, Defect, Edit, Problem};
pub(crate) use form::{FormProblem, MatricolaProblem, Missing};

use chrono::NaiveDate;

use super::places::{self, Absence};
use super::{decode, field};
use crate::finding::{Finding, Lang};

/// One example finding of every code the codice fiscale area can report, with realistic
/// data, in `lang`: the same codes in the same order in both languages (for the list of
/// findings in the documentation).
pub fn examples(lang: Lang) -> Vec<Finding> {
    let d = |y, m, g| NaiveDate::from_ymd_opt(y, m, g).unwrap_or_default();
    let today = d(2026, 1, 15);
    let registry = places::registry_date();
    let chars = |s: &str| -> Vec<char> { s.chars().collect() };
    let mut out = vec![
        Problem::Empty.finding(lang),
        Problem::Normalized {
            normalized: "RSSMRA85T10A562S",
        }
        .finding(lang),
        Problem::TooLong.finding(lang),
        Problem::Length { n: 15 }.finding(lang),
        Defect::Character(3).finding(&chars("RSS#RA85T10A562S"), lang),
        Defect::LetterExpected(2).finding(&chars("RS5MRA85T10A562S"), lang),
        Defect::DigitExpected(7).finding(&chars("RSSMRA8ET10A562S"), lang),
        Defect::Month.finding(&chars("RSSMRA85X10A562S"), lang),
        Defect::Day.finding(&chars("RSSMRA85T35A562S"), lang),
        Defect::DayOfMonth.finding(&chars("RSSMRA85D31A562S"), lang),
        Defect::LeapDay.finding(&chars("RSSMRA85B29A562S"), lang),
        Defect::PlaceLetter.finding(&chars("RSSMRA85T10K562S"), lang),
        Defect::PlaceZero.finding(&chars("RSSMRA85T10A000S"), lang),
    ];
    // A wrong check character, with the correction it offers.
    let mut check = Defect::CheckChar { expected: b'S' }.finding(&chars("RSSMRA85T10A562T"), lang);
    let right = decode("RSSMRA85T10A562S", today);
    check.message.push(' ');
    check.message.push_str(&proposal(
        "RSSMRA85T10A562S",
        Edit::Replace(15, 'T', 'S'),
        right.as_ref(),
        lang,
    ));
    check.suggestion = Some("RSSMRA85T10A562S".into());
    out.push(check);
    out.push(alternative(
        "RSSMRA85T01A562S".into(),
        Edit::Swap(9),
        decode("RSSMRA85T01A562S", today).as_ref(),
        lang,
    ));
    out.extend([
        Problem::BirthInFuture {
            day: 29,
            month: 2,
            yy: 0,
            today: d(1950, 1, 15),
        }
        .finding(lang),
        Problem::PlaceUnknown {
            place_code: "Z999",
            date: registry,
        }
        .finding(lang),
        Problem::PlaceNameAbsent {
            place_code: "A562",
            absence: Absence::Loading,
        }
        .finding(lang),
        Problem::PlaceNameAbsent {
            place_code: "A562",
            absence: Absence::Unavailable,
        }
        .finding(lang),
        Problem::CenturyFromPlace {
            birth: d(1872, 3, 12),
            recent: d(1972, 3, 12),
            name: "Mocchie",
            place_code: "F255",
        }
        .finding(lang),
        Problem::Omocode { place_code: "A562" }.finding(lang),
        Problem::TodayAssumed { today: registry }.finding(lang),
    ]);
    if let Some(castro) = places::lookup_code("M261") {
        out.push(
            Problem::PlaceNotValidAtBirth {
                place: castro,
                birth: d(1940, 10, 12),
            }
            .finding(lang),
        );
    }
    let mut check_digit = Problem::CheckDigit {
        expected: b'7',
        found: b'8',
    }
    .finding(lang);
    check_digit.suggestion = Some("80078750587".into());
    out.extend([
        Problem::SerialZero.finding(lang),
        Problem::OfficeSerial { office: "098" }.finding(lang),
        Problem::Office { office: "130" }.finding(lang),
        check_digit,
        Problem::Temporary.finding(lang),
    ]);
    // Every finding of the code itself marks the code's field, as `check` does.
    for f in &mut out {
        if f.field.is_none() {
            f.field = Some(field::CODE.into());
        }
    }
    let ambiguous = places::find_by_name("Castro", None);
    out.extend([
        FormProblem::Missing(Missing::Surname).finding(lang),
        FormProblem::Missing(Missing::Name).finding(lang),
        FormProblem::Missing(Missing::BirthDate).finding(lang),
        FormProblem::Missing(Missing::Sex).finding(lang),
        FormProblem::NameTooLong {
            first_name: false,
            max: 200,
        }
        .finding(lang),
        FormProblem::NameTooLong {
            first_name: true,
            max: 200,
        }
        .finding(lang),
        FormProblem::NameCharacter {
            first_name: false,
            c: '0',
        }
        .finding(lang),
        FormProblem::NameCharacter {
            first_name: true,
            c: '&',
        }
        .finding(lang),
        FormProblem::NameLetters { first_name: false }.finding(lang),
        FormProblem::NameLetters { first_name: true }.finding(lang),
        FormProblem::PlaceCodeFormat {
            typed: "H5O1",
            or_name: true,
        }
        .finding(lang),
        FormProblem::PlaceCodeUnknown {
            code: "Z999",
            date: registry,
        }
        .finding(lang),
        FormProblem::PlaceMissing.finding(lang),
        FormProblem::PlaceNameUnknown {
            typed: "Atlantide",
            example: true,
        }
        .finding(lang),
        FormProblem::PlaceAmbiguous { found: &ambiguous }.finding(lang),
        FormProblem::PlacesAbsent(Absence::Loading).finding(lang),
        FormProblem::PlacesAbsent(Absence::Unavailable).finding(lang),
        FormProblem::SexInvalid { typed: "X" }.finding(lang),
        FormProblem::CrossCheckSkipped { numeric: false }.finding(lang),
        FormProblem::MismatchName {
            first_name: false,
            typed: "Russo",
            gives: "RSS",
            has: "RSO",
            at: 0,
        }
        .finding(lang),
        FormProblem::MismatchName {
            first_name: true,
            typed: "Maria",
            gives: "MRA",
            has: "MRO",
            at: 3,
        }
        .finding(lang),
        FormProblem::MismatchBirthDate {
            code: Some(d(1985, 12, 10)),
            day: 10,
            month: 12,
            yy: 85,
            form: d(1985, 10, 12),
        }
        .finding(lang),
        FormProblem::MismatchSex {
            code: super::Sex::M,
            day: 10,
        }
        .finding(lang),
        FormProblem::PlaceCompareAbsent(Absence::Loading).finding(lang),
        FormProblem::PlaceCompareAbsent(Absence::Unavailable).finding(lang),
        FormProblem::MismatchPlace {
            code: "San Giuliano Terme (A562)",
            form: "Roma (H501)",
        }
        .finding(lang),
        FormProblem::TodayInvalid.finding(lang),
    ]);
    let matricola = [
        MatricolaProblem::Empty,
        MatricolaProblem::Normalized {
            normalized: "1234567890",
        },
        MatricolaProblem::CodiceFiscale { n: 16 },
        MatricolaProblem::TooLong,
        MatricolaProblem::DigitExpected { pos: 4, c: 'O' },
        MatricolaProblem::Length { n: 9 },
    ];
    out.extend(
        matricola
            .into_iter()
            .map(|p| p.finding(lang).field(field::MATRICOLA)),
    );
    out
}
