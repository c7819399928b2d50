//! Codici fiscali of persons (16 characters): structure, check character, date, place,
//! omocodia, and decoding with the century rule.

use chrono::{Datelike, NaiveDate};

use super::fast::Parsed;
use super::messages::{alternative, proposal, Defect, Problem};
use super::places::{self, Place};
use super::tables::{
    check_char, digit_value, is_place_letter, month_len, month_of, NUMERIC_POSITIONS,
};
use super::{fixes, Person, Sex};
use crate::finding::{Finding, Lang};

fn two(code: &[u8; 16], a: usize) -> Option<u32> {
    Some(digit_value(code[a])? as u32 * 10 + digit_value(code[a + 1])? as u32)
}

/// Checks the structure, the date and the check character of 16 upper-case bytes (any
/// byte that is not an ASCII letter or digit is reported as such). Calls `report` for
/// every problem and returns the fields only when there is none. Never allocates.
pub(crate) fn scan(code: &[u8; 16], report: &mut impl FnMut(Defect)) -> Option<Parsed> {
    let mut ok = true;
    let mut fail = |p: Defect| {
        ok = false;
        report(p)
    };
    let expected = check_char(&code[..15]);
    for (pos, &c) in code.iter().enumerate() {
        if pos == 15 && expected.is_some() {
            continue; // judged below against the expected character
        }
        if !c.is_ascii_alphanumeric() {
            fail(Defect::Character(pos));
            continue;
        }
        match pos {
            0..=5 | 15 if !c.is_ascii_uppercase() => fail(Defect::LetterExpected(pos)),
            6 | 7 | 9 | 10 | 12 | 13 | 14 if digit_value(c).is_none() => {
                fail(Defect::DigitExpected(pos))
            }
            8 if month_of(c).is_none() => fail(Defect::Month),
            11 if !is_place_letter(c) => fail(Defect::PlaceLetter),
            _ => {}
        }
    }
    let yy = two(code, 6);
    let month = month_of(code[8]);
    if let Some(d) = two(code, 9) {
        if d == 0 || (32..=40).contains(&d) || d > 71 {
            fail(Defect::Day);
        } else if let Some(m) = month {
            let day = if d > 40 { d - 40 } else { d };
            let leap_possible = yy.is_none_or(|y| y % 4 == 0);
            if m == 2 && day == 29 && !leap_possible {
                fail(Defect::LeapDay);
            } else if day > month_len(m, true) {
                fail(Defect::DayOfMonth);
            }
        }
    }
    let digits = [
        digit_value(code[12]),
        digit_value(code[13]),
        digit_value(code[14]),
    ];
    if is_place_letter(code[11]) && digits == [Some(0), Some(0), Some(0)] {
        fail(Defect::PlaceZero);
    }
    if let Some(e) = expected {
        if code[15] != e {
            fail(Defect::CheckChar { expected: e });
        }
    }
    if !ok {
        return None;
    }
    let d = two(code, 9)?;
    let mut place = [code[11], b'0', b'0', b'0'];
    for (slot, value) in place[1..].iter_mut().zip(digits) {
        *slot = b'0' + value?;
    }
    Some(Parsed {
        yy: yy?,
        month: month?,
        day: if d > 40 { d - 40 } else { d },
        female: d > 40,
        place,
        omocode: NUMERIC_POSITIONS.iter().any(|&p| !code[p].is_ascii_digit()),
    })
}

/// What the century rule decided.
pub(crate) struct Dated {
    pub birth: NaiveDate,
    pub place: Option<Place>,
    /// The other century would put the birth after today or on a day that does not exist.
    pub older_for_place: Option<NaiveDate>,
    /// Neither century fits the place's periods of validity.
    pub outside_validity: bool,
}

/// The century rule: the most recent century that does not put the birth after `today`;
/// then, if the place was not valid on that date but was one century earlier, the earlier
/// one. `None` when no century gives a real date up to `today`.
pub(crate) fn date_of(p: &Parsed, today: NaiveDate) -> Option<Dated> {
    // The years are tried by hand, and a date built only for the ones kept: this runs for
    // every candidate correction of a wrong code.
    let ty = today.year();
    let base = ty - ty.rem_euclid(100) + p.yy as i32;
    let leap = |y: i32| (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let now = (ty, today.month(), today.day());
    let fits = |y: &i32| {
        p.day >= 1 && p.day <= month_len(p.month, leap(*y)) && (*y, p.month, p.day) <= now
    };
    // The two most recent centuries that give a real date up to today.
    let mut found = [base, base - 100, base - 200].into_iter().filter(fits);
    let recent = NaiveDate::from_ymd_opt(found.next()?, p.month, p.day)?;
    let older = found
        .next()
        .and_then(|y| NaiveDate::from_ymd_opt(y, p.month, p.day));
    let place = places::lookup_code(std::str::from_utf8(&p.place).unwrap_or(""));
    let Some(place) = place else {
        return Some(Dated {
            birth: recent,
            place: None,
            older_for_place: None,
            outside_validity: false,
        });
    };
    if place.valid_on(recent) {
        return Some(Dated {
            birth: recent,
            place: Some(place),
            older_for_place: None,
            outside_validity: false,
        });
    }
    if let Some(older) = older {
        if place.valid_on(older) {
            return Some(Dated {
                birth: older,
                place: Some(place),
                older_for_place: Some(recent),
                outside_validity: false,
            });
        }
    }
    Some(Dated {
        birth: recent,
        place: Some(place),
        older_for_place: None,
        outside_validity: true,
    })
}

/// The full check of a 16-character code: findings in `out`, the decoded person if valid.
pub(crate) fn check(
    chars: &[char],
    today: NaiveDate,
    lang: Lang,
    out: &mut Vec<Finding>,
    conflicts: Option<&dyn Fn(&str) -> usize>,
) -> Option<Person> {
    let mut code = [0u8; 16];
    for (slot, &c) in code.iter_mut().zip(chars) {
        *slot = if c.is_ascii_alphanumeric() {
            c as u8
        } else {
            0
        };
    }
    let suggest = Suggest {
        code: &code,
        typed: chars,
        today,
        lang,
        conflicts,
    };
    let mut problems: Vec<Defect> = Vec::new();
    // Valid codes (the common case) take the table-driven path; `scan` explains the others.
    let parsed = super::fast::parse(&code).or_else(|| scan(&code, &mut |p| problems.push(p)));
    let Some(parsed) = parsed else {
        // The best suggestion goes on the check-character finding (or the first error),
        // the others follow as `cf.alternative` warnings.
        let carrier = problems
            .iter()
            .position(|p| matches!(p, Defect::CheckChar { .. }))
            .unwrap_or(0);
        // A loop, not map + collect: one copy less of the adapters in the module (issue 15).
        let mut found = Vec::with_capacity(problems.len());
        for p in &problems {
            found.push(p.finding(chars, lang));
        }
        suggest.add(found, carrier, out);
        return None;
    };
    let Some(dated) = date_of(&parsed, today) else {
        let f = Problem::BirthInFuture {
            day: parsed.day,
            month: parsed.month,
            yy: parsed.yy,
            today,
        }
        .finding(lang);
        suggest.add(vec![f], 0, out);
        return None;
    };
    let Some(place) = dated.place else {
        let date = places::registry_date();
        let place_code = std::str::from_utf8(&parsed.place).unwrap_or("");
        if let (Some(absence), true) = (places::absence(), places::code_exists(place_code)) {
            // The registry's file has not arrived (or will not): the code is checked with
            // what the module knows (structure, date, check character, that the place code
            // exists); the name, the province and the place's periods wait for the file.
            out.push(
                Problem::PlaceNameAbsent {
                    place_code,
                    absence,
                }
                .finding(lang),
            );
            if parsed.omocode {
                out.push(Problem::Omocode { place_code }.finding(lang));
            }
            return Some(Person {
                birth_date: dated.birth,
                sex: if parsed.female { Sex::F } else { Sex::M },
                place_code: place_code.to_string(),
                place_name: None,
                province: None,
                omocode: parsed.omocode,
            });
        }
        let f = Problem::PlaceUnknown { place_code, date }.finding(lang);
        suggest.add(vec![f], 0, out);
        return None;
    };
    let name = place.name_on(dated.birth);
    if dated.outside_validity {
        out.push(
            Problem::PlaceNotValidAtBirth {
                place,
                birth: dated.birth,
            }
            .finding(lang),
        );
    }
    if let Some(recent) = dated.older_for_place {
        out.push(
            Problem::CenturyFromPlace {
                birth: dated.birth,
                recent,
                name,
                place_code: place.code(),
            }
            .finding(lang),
        );
    }
    if parsed.omocode {
        out.push(
            Problem::Omocode {
                place_code: place.code(),
            }
            .finding(lang),
        );
    }
    Some(Person {
        birth_date: dated.birth,
        sex: if parsed.female { Sex::F } else { Sex::M },
        place_code: place.code().to_string(),
        place_name: Some(name.to_string()),
        province: Some(place.province().to_string()),
        omocode: parsed.omocode,
    })
}

/// What [`Suggest::add`] needs to look for corrections of a wrong code.
struct Suggest<'a> {
    code: &'a [u8; 16],
    typed: &'a [char],
    today: NaiveDate,
    lang: Lang,
    conflicts: Option<&'a dyn Fn(&str) -> usize>,
}

impl Suggest<'_> {
    /// Adds the findings of a wrong code to `out`, with the suggestions of
    /// [`fixes::person`]: the best on `found[carrier]` (its message says what it means),
    /// the others as `cf.alternative` warnings after the errors.
    fn add(&self, mut found: Vec<Finding>, carrier: usize, out: &mut Vec<Finding>) {
        let fixes = fixes::person(self.code, self.typed, self.today, self.conflicts);
        let mut fixes = fixes.into_iter();
        if let (Some(best), Some(f)) = (fixes.next(), found.get_mut(carrier)) {
            f.message.push(' ');
            f.message.push_str(&proposal(
                &best.code,
                best.edit,
                best.meaning.as_ref(),
                self.lang,
            ));
            f.suggestion = Some(best.code);
        }
        out.append(&mut found);
        // A loop, not extend over a map: one copy less of the adapters (issue 15).
        for f in fixes {
            out.push(alternative(f.code, f.edit, f.meaning.as_ref(), self.lang));
        }
    }
}
