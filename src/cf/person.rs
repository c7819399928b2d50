//! Codici fiscali of persons (16 characters): structure, check character, date, place,
//! omocodia, and decoding with the century rule.

use chrono::{Datelike, NaiveDate};

use super::fast::Parsed;
use super::msg::{al_cap, cat, il_cap, nth};
use super::places::{self, Place};
use super::tables::{
    check_char, digit_value, is_place_letter, month_len, month_of, NUMERIC_POSITIONS,
};
use super::{fixes, Person, Sex};
use crate::dates::{human, month_name};
use crate::finding::{Finding, Lang};

/// One problem found by [`scan`], with the 0-based position where it applies.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Problem {
    /// Not an ASCII letter or digit.
    Character(usize),
    LetterExpected(usize),
    DigitExpected(usize),
    Month,
    /// 00, 32–40 or over 71.
    Day,
    /// A day the month does not have (31 April, 30 February).
    DayOfMonth,
    /// 29 February of a year that cannot be a leap year.
    LeapDay,
    PlaceLetter,
    PlaceZero,
    CheckChar {
        expected: u8,
    },
}

fn two(code: &[u8; 16], a: usize) -> Option<u32> {
    Some(digit_value(code[a])? as u32 * 10 + digit_value(code[a + 1])? as u32)
}

/// Checks the structure, the date and the check character of 16 upper-case bytes (any
/// byte that is not an ASCII letter or digit is reported as such). Calls `report` for
/// every problem and returns the fields only when there is none. Never allocates.
pub(crate) fn scan(code: &[u8; 16], report: &mut impl FnMut(Problem)) -> Option<Parsed> {
    let mut ok = true;
    let mut fail = |p: Problem| {
        ok = false;
        report(p)
    };
    let expected = check_char(&code[..15]);
    for (pos, &c) in code.iter().enumerate() {
        if pos == 15 && expected.is_some() {
            continue; // judged below against the expected character
        }
        if !c.is_ascii_alphanumeric() {
            fail(Problem::Character(pos));
            continue;
        }
        match pos {
            0..=5 | 15 if !c.is_ascii_uppercase() => fail(Problem::LetterExpected(pos)),
            6 | 7 | 9 | 10 | 12 | 13 | 14 if digit_value(c).is_none() => {
                fail(Problem::DigitExpected(pos))
            }
            8 if month_of(c).is_none() => fail(Problem::Month),
            11 if !is_place_letter(c) => fail(Problem::PlaceLetter),
            _ => {}
        }
    }
    let yy = two(code, 6);
    let month = month_of(code[8]);
    if let Some(d) = two(code, 9) {
        if d == 0 || (32..=40).contains(&d) || d > 71 {
            fail(Problem::Day);
        } else if let Some(m) = month {
            let day = if d > 40 { d - 40 } else { d };
            let leap_possible = yy.is_none_or(|y| y % 4 == 0);
            if m == 2 && day == 29 && !leap_possible {
                fail(Problem::LeapDay);
            } else if day > month_len(m, true) {
                fail(Problem::DayOfMonth);
            }
        }
    }
    let digits = [
        digit_value(code[12]),
        digit_value(code[13]),
        digit_value(code[14]),
    ];
    if is_place_letter(code[11]) && digits == [Some(0), Some(0), Some(0)] {
        fail(Problem::PlaceZero);
    }
    if let Some(e) = expected {
        if code[15] != e {
            fail(Problem::CheckChar { expected: e });
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

/// What the characters at a position stand for, to say it in messages.
fn part(pos: usize, lang: Lang) -> &'static str {
    match pos {
        0..=2 => lang.pick(
            "le prime tre lettere vengono dal cognome",
            "the first three letters come from the surname",
        ),
        3..=5 => lang.pick(
            "dal 4° al 6° carattere vengono dal nome",
            "characters 4 to 6 come from the first name",
        ),
        6 | 7 => lang.pick(
            "il 7° e l'8° carattere sono l'anno di nascita",
            "characters 7 and 8 are the year of birth",
        ),
        8 => lang.pick(
            "il 9° carattere è la lettera del mese di nascita",
            "character 9 is the letter of the month of birth",
        ),
        9 | 10 => lang.pick(
            "il 10° e l'11° carattere sono il giorno di nascita",
            "characters 10 and 11 are the day of birth",
        ),
        11..=14 => lang.pick(
            "dal 12° al 15° carattere c'è il codice del luogo di nascita",
            "characters 12 to 15 are the code of the place of birth",
        ),
        _ => lang.pick(
            "l'ultimo carattere è quello di controllo",
            "the last character is the check character",
        ),
    }
}

/// The message of a problem. `chars` is the normalised input (16 characters).
pub(crate) fn finding(p: Problem, chars: &[char], lang: Lang) -> Finding {
    // Each character as text, for `cat`.
    let mut bufs = [[0u8; 4]; 16];
    let shown: Vec<&str> = bufs
        .iter_mut()
        .zip(chars.iter().chain(std::iter::repeat(&'?')))
        .map(|(buf, c)| &*c.encode_utf8(buf))
        .collect();
    let at = |pos: usize| shown.get(pos).copied().unwrap_or("?");
    let n = |pos: usize| pos + 1;
    match p {
        Problem::Character(pos) => Finding::error(
            "cf.character",
            match lang {
                Lang::It => cat(&[il_cap(n(pos)), nth(n(pos)), "° carattere, «", at(pos), "», non può stare in un codice fiscale: usa solo lettere senza accenti e cifre."]),
                Lang::En => cat(&["Character ", nth(n(pos)), ", “", at(pos), "”, cannot be part of a codice fiscale: use only unaccented letters and digits."]),
            },
        )
        .at(pos),
        Problem::LetterExpected(pos) => Finding::error(
            "cf.letter-expected",
            match lang {
                Lang::It => cat(&[al_cap(n(pos)), nth(n(pos)), "° posto ci vuole una lettera, non «", at(pos), "»: ", part(pos, lang), "."]),
                Lang::En => cat(&["Character ", nth(n(pos)), " must be a letter, not “", at(pos), "”: ", part(pos, lang), "."]),
            },
        )
        .at(pos),
        Problem::DigitExpected(pos) => Finding::error(
            "cf.digit-expected",
            match lang {
                Lang::It => cat(&[
                    al_cap(n(pos)), nth(n(pos)),
                    "° posto ci vuole una cifra (o una delle lettere L M N P Q R S T U V che la sostituiscono nei codici con omocodia), non «",
                    at(pos), "»: ", part(pos, lang), ".",
                ]),
                Lang::En => cat(&[
                    "Character ", nth(n(pos)),
                    " must be a digit (or one of the letters L M N P Q R S T U V that replace digits in codes with omocodia), not “",
                    at(pos), "”: ", part(pos, lang), ".",
                ]),
            },
        )
        .at(pos),
        Problem::Month => Finding::error(
            "cf.month",
            match lang {
                Lang::It => cat(&["Il 9° carattere indica il mese di nascita e deve essere una tra A B C D E H L M P R S T (da gennaio a dicembre): «", at(8), "» non indica nessun mese."]),
                Lang::En => cat(&["Character 9 is the month of birth and must be one of A B C D E H L M P R S T (January to December): “", at(8), "” is not a month."]),
            },
        )
        .at(8),
        Problem::Day => Finding::error(
            "cf.day",
            match lang {
                Lang::It => cat(&["Il 10° e l'11° carattere indicano il giorno di nascita: da 01 a 31 per gli uomini, da 41 a 71 per le donne (giorno + 40). «", at(9), at(10), "» non è nessuno dei due."]),
                Lang::En => cat(&["Characters 10 and 11 are the day of birth: 01 to 31 for men, 41 to 71 for women (day + 40). “", at(9), at(10), "” is neither."]),
            },
        )
        .at(9),
        Problem::DayOfMonth => {
            let (m, d) = day_month(chars);
            let max = month_len(m, true);
            Finding::error(
                "cf.day-of-month",
                match lang {
                    Lang::It => format!("Il codice indica il giorno {d} di {}, che ha al massimo {max} giorni: controlla il giorno (10° e 11° carattere) e il mese (9° carattere).", month_name(m, lang)),
                    Lang::En => format!("The code gives day {d} of {}, which has at most {max} days: check the day (characters 10 and 11) and the month (character 9).", month_name(m, lang)),
                },
            )
            .at(9)
        }
        Problem::LeapDay => Finding::error(
            "cf.leap-day",
            match lang {
                Lang::It => format!("Il codice indica il 29 febbraio di un anno che finisce per {}{} e non è bisestile: controlla l'anno (7° e 8° carattere) e il giorno (10° e 11°).", at(6), at(7)),
                Lang::En => format!("The code gives 29 February of a year ending in {}{}, which is not a leap year: check the year (characters 7 and 8) and the day (10 and 11).", at(6), at(7)),
            },
        )
        .at(9),
        Problem::PlaceLetter => Finding::error(
            "cf.place-letter",
            match lang {
                Lang::It => cat(&["Il 12° carattere è la lettera del codice del luogo di nascita: A–I, L o M per un comune italiano, Z per uno stato estero; «", at(11), "» non lo è."]),
                Lang::En => cat(&["Character 12 is the letter of the place-of-birth code: A–I, L or M for an Italian comune, Z for a foreign state; “", at(11), "” is neither."]),
            },
        )
        .at(11),
        Problem::PlaceZero => Finding::error(
            "cf.place-zero",
            match lang {
                Lang::It => format!("Il codice del luogo di nascita non può essere «{}000»: controlla dal 12° al 15° carattere.", at(11)),
                Lang::En => format!("The place-of-birth code cannot be “{}000”: check characters 12 to 15.", at(11)),
            },
        )
        .at(12),
        Problem::CheckChar { expected } => {
            let e = [expected];
            let expected = std::str::from_utf8(&e).unwrap_or("?");
            Finding::error(
            "cf.check-character",
            match lang {
                Lang::It => cat(&["L'ultimo carattere, di controllo, dovrebbe essere «", expected, "» e non «", at(15), "»: di solito vuol dire che un carattere è stato copiato male. Controlla il codice sulla tessera sanitaria o sul certificato dell'Agenzia delle Entrate."]),
                Lang::En => cat(&["The last character, the check character, should be “", expected, "”, not “", at(15), "”: usually a character was copied wrongly. Check the code on the health insurance card or the Agenzia delle Entrate certificate."]),
            },
        )
        .at(15)
        }
    }
}

/// Month and day as written (for messages), omocodia undone.
fn day_month(chars: &[char]) -> (u32, u32) {
    let b = |i: usize| chars.get(i).map(|&c| c as u32 as u8).unwrap_or(b'?');
    let m = month_of(b(8)).unwrap_or(1);
    let d = digit_value(b(9)).unwrap_or(0) as u32 * 10 + digit_value(b(10)).unwrap_or(0) as u32;
    (m, if d > 40 { d - 40 } else { d })
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
    let mut problems: Vec<Problem> = Vec::new();
    // Valid codes (the common case) take the table-driven path; `scan` explains the others.
    let parsed = super::fast::parse(&code).or_else(|| scan(&code, &mut |p| problems.push(p)));
    let Some(parsed) = parsed else {
        // The best suggestion goes on the check-character finding (or the first error),
        // the others follow as `cf.alternative` warnings.
        let carrier = problems
            .iter()
            .position(|p| matches!(p, Problem::CheckChar { .. }))
            .unwrap_or(0);
        let found: Vec<Finding> = problems.iter().map(|p| finding(*p, chars, lang)).collect();
        suggest.add(found, carrier, out);
        return None;
    };
    let Some(dated) = date_of(&parsed, today) else {
        let f = Finding::error(
                "cf.birth-in-future",
                match lang {
                    Lang::It => format!("La data di nascita del codice ({:02}/{:02}/..{:02}) cade dopo oggi ({}) in ogni secolo: controlla anno, mese e giorno.", parsed.day, parsed.month, parsed.yy, human(today, lang)),
                    Lang::En => format!("The code's date of birth ({:02}/{:02}/..{:02}) falls after today ({}) in every century: check the year, month and day.", parsed.day, parsed.month, parsed.yy, human(today, lang)),
                },
            )
            .at(6);
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
            out.push(places_absent(place_code, absence, lang));
            if parsed.omocode {
                out.push(omocode_info_of(place_code, lang));
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
        let f = Finding::error(
                "cf.place-unknown",
                match lang {
                    Lang::It => format!("Il codice del luogo di nascita «{place_code}» non corrisponde a nessun comune né stato estero, attuale o cessato, dell'archivio ANPR aggiornato al {}: controlla dal 12° al 15° carattere.", human(date, lang)),
                    Lang::En => format!("The place-of-birth code “{place_code}” matches no comune or foreign state, current or ceased, in the ANPR archive as of {}: check characters 12 to 15.", human(date, lang)),
                },
            )
            .at(11);
        suggest.add(vec![f], 0, out);
        return None;
    };
    let name = place.name_on(dated.birth);
    if dated.outside_validity {
        out.push(validity_warning(&place, dated.birth, lang));
    }
    if let Some(recent) = dated.older_for_place {
        out.push(Finding::info(
            "cf.century-from-place",
            match lang {
                Lang::It => format!("Anno di nascita letto come {}, non {}: {} ({}) era valido nel {} e non nel {}.", dated.birth.year(), recent.year(), name, place.code(), dated.birth.year(), recent.year()),
                Lang::En => format!("Year of birth read as {}, not {}: {} ({}) was valid in {} and not in {}.", dated.birth.year(), recent.year(), name, place.code(), dated.birth.year(), recent.year()),
            },
        ));
    }
    if parsed.omocode {
        out.push(omocode_info(&place, lang));
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

/// The information `cf.omocode` of a valid code with omocodia letters, whose place of birth
/// (omocodia undone) is `place`.
pub(crate) fn omocode_info(place: &Place, lang: Lang) -> Finding {
    omocode_info_of(place.code(), lang)
}

fn omocode_info_of(place_code: &str, lang: Lang) -> Finding {
    Finding::info(
        "cf.omocode",
        match lang {
            Lang::It => cat(&["Codice con omocodia: l'Agenzia delle Entrate ha sostituito alcune cifre con lettere per distinguerlo da un codice uguale. È regolare; il luogo di nascita è ", place_code, "."]),
            Lang::En => cat(&["Code with omocodia: the Agenzia delle Entrate replaced some digits with letters to tell it apart from an identical code. It is regular; the place of birth is ", place_code, "."]),
        },
    )
    .field(super::field::CODE)
}

/// The information of a valid code checked while the registry is absent: what was checked,
/// what was not, and whether the place's name will follow.
fn places_absent(place_code: &str, absence: places::Absence, lang: Lang) -> Finding {
    match absence {
        places::Absence::Loading => Finding::info(
            "cf.place-name-pending",
            match lang {
                Lang::It => cat(&["Il codice è regolare (struttura, data di nascita, carattere di controllo; il luogo ", place_code, " esiste). Il nome del luogo arriva tra un istante, con l'elenco dei luoghi: allora si controlla anche che il luogo esistesse alla data di nascita."]),
                Lang::En => cat(&["The code is regular (structure, date of birth, check character; the place ", place_code, " exists). The place's name follows in a moment, with the list of places: then the place is also checked to have existed on the date of birth."]),
            },
        ),
        places::Absence::Unavailable => Finding::info(
            "cf.place-name-unavailable",
            match lang {
                Lang::It => cat(&["Il codice è regolare (struttura, data di nascita, carattere di controllo; il luogo ", place_code, " esiste), ma il nome del luogo non è disponibile: l'elenco dei luoghi non si è potuto caricare, quindi non si è controllato che il luogo esistesse alla data di nascita."]),
                Lang::En => cat(&["The code is regular (structure, date of birth, check character; the place ", place_code, " exists), but the place's name is unavailable: the list of places could not be loaded, so the place was not checked to have existed on the date of birth."]),
            },
        ),
    }
    .field(super::field::CODE)
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
            f.message.push_str(&best.describe(self.lang));
            f.suggestion = Some(best.code);
        }
        out.append(&mut found);
        out.extend(fixes.map(|f| f.alternative(self.lang)));
    }
}

/// The warning for a place that was not valid on the birth date (in either century).
pub(crate) fn validity_warning(place: &Place, birth: NaiveDate, lang: Lang) -> Finding {
    let name = place.name_on(birth);
    let from = human(place.valid_from(), lang);
    let period = match place.valid_until() {
        Some(until) => match lang {
            Lang::It => format!("dal {from} al {}", human(until, lang)),
            Lang::En => format!("from {from} to {}", human(until, lang)),
        },
        None => match lang {
            Lang::It => format!("dal {from}"),
            Lang::En => format!("from {from}"),
        },
    };
    Finding::warning(
        "cf.place-not-valid-at-birth",
        match lang {
            Lang::It => format!("Il codice indica la nascita a {name} ({}) il {}, ma il codice {} è valido solo {period}. L'Agenzia delle Entrate attribuisce codici anche con comuni istituiti dopo la nascita, quindi il codice può essere giusto: controlla la data e il luogo di nascita.", place.province(), human(birth, lang), place.code()),
            Lang::En => format!("The code gives birth in {name} ({}) on {}, but code {} is only valid {period}. The Agenzia delle Entrate also issues codes with comuni created after the birth, so the code may be right: check the date and place of birth.", place.province(), human(birth, lang), place.code()),
        },
    )
    .at(11)
}
