//! Properties over thousands of generated cases (issue 7): what the fuzz targets in `fuzz/`
//! check on random bytes, stated here on well-formed input so that `cargo test` holds them
//! too. The cases come from a small deterministic generator (SplitMix64, fixed seeds): the
//! same cases on every run, and a failure prints the case.
//!
//! - Every code `cf::encode` computes checks valid and decodes to the same person
//!   (DM 23 dicembre 1976), and `cf::cross_check` against the same fields disagrees on
//!   nothing.
//! - Every omocode variant of a code (each of the 128 subsets of the seven numeric
//!   positions, letters `L M N P Q R S T U V` for 0–9, DM 23 dicembre 1976 as amended for
//!   omocodia) checks valid and decodes to the same date, sex and place.
//! - `add_working_days(d, n)` lands on a working day and `working_days_between` gives `n`
//!   back, on the national calendar and on sedi's calendars (the conventions of
//!   `calendar/mod.rs`).
//! - The .ics writer's output is read back by the crate's reader with the same events, and
//!   its lines are CRLF-terminated and at most 75 octets (RFC 5545 §3.1).

use crate::ics;
use crate::ics::{Event, IcsCalendar, Reminder};
use chrono::{Datelike, Days, NaiveDate};
use instrada::calendar::{self, Calendar};
use instrada::cf::{self, places, CheckOptions, Fields, Sex};
use instrada::finding::{Lang, Severity};

use crate::oracle::{check_char, Rng};

fn date(rng: &mut Rng, from: NaiveDate, span_days: u64) -> NaiveDate {
    from + Days::new(rng.below(span_days))
}

fn d(y: i32, m: u32, g: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, g).unwrap()
}

/// Letters of names as people type them: accents, apostrophes, spaces, hyphens.
const NAME_CHARS: &[&str] = &[
    "a", "b", "c", "d", "e", "f", "g", "h", "i", "l", "m", "n", "o", "p", "q", "r", "s", "t", "u",
    "v", "z", "j", "k", "w", "x", "y", "à", "è", "é", "ì", "ò", "ù", "ä", "ö", "ç", "ñ", "'", " ",
    "-", "A", "E", "O",
];

fn name(rng: &mut Rng) -> String {
    let len = 1 + rng.below(12);
    let mut s: String = (0..len).map(|_| *rng.pick(NAME_CHARS)).collect();
    // At least one letter.
    let last: &&str = rng.pick(&["a", "o", "r", "s"]);
    s.push_str(last);
    s
}

/// A real place valid on `birth`: Belfiore-shaped codes are tried until one is.
fn place_valid_on(rng: &mut Rng, birth: NaiveDate) -> places::Place {
    loop {
        let letter = *rng.pick(places::CODE_LETTERS.as_bytes()) as char;
        let code = format!("{letter}{:03}", rng.below(1000));
        if let Some(p) = places::lookup_code(&code).filter(|p| p.valid_on(birth)) {
            return p;
        }
    }
}

/// A person's fields that `encode` can use, with their birth date and sex.
fn person(rng: &mut Rng) -> (Fields, NaiveDate, Sex) {
    let birth = date(rng, d(1870, 1, 1), 120 * 365);
    let sex = if rng.below(2) == 0 { Sex::M } else { Sex::F };
    let place = place_valid_on(rng, birth);
    let by_name = rng.below(3) == 0;
    let fields = Fields {
        surname: Some(name(rng)),
        name: Some(name(rng)),
        birth_date: Some(if rng.below(2) == 0 {
            instrada::dates::iso(birth)
        } else {
            instrada::dates::it(birth)
        }),
        sex: Some(sex.as_str().to_string()),
        place_code: (!by_name).then(|| place.code().to_string()),
        place_name: by_name.then(|| format!("{} ({})", place.name_on(birth), place.province())),
    };
    (fields, birth, sex)
}

const OMOCODE_POSITIONS: [usize; 7] = [6, 7, 9, 10, 12, 13, 14];

/// The variant of a base code with letters at the positions set in `mask` (bit 0 =
/// position 7 of the code, 1-based … bit 6 = position 15).
fn omocode(code: &str, mask: u8) -> String {
    let mut b = code.as_bytes().to_vec();
    for (bit, &pos) in OMOCODE_POSITIONS.iter().enumerate() {
        if mask & (1 << bit) != 0 {
            b[pos] = b"LMNPQRSTUV"[usize::from(b[pos] - b'0')];
        }
    }
    b[15] = check_char(&b[..15]);
    String::from_utf8(b).unwrap()
}

/// "Today" some time less than a century after the birth: the century is then the birth's.
fn today_after(rng: &mut Rng, birth: NaiveDate) -> CheckOptions {
    CheckOptions {
        today: Some(birth + Days::new(rng.below(36_000))),
        lang: if rng.below(2) == 0 {
            Lang::It
        } else {
            Lang::En
        },
    }
}

#[test]
fn every_encoded_code_checks_valid_and_decodes_to_the_same_person() {
    let mut rng = Rng(19_761_223);
    for case in 0..3000 {
        let (fields, birth, sex) = person(&mut rng);
        let encoded = cf::encode(&fields, Lang::It);
        let code = encoded.code.unwrap_or_else(|| {
            panic!(
                "case {case}: {fields:?} not encoded: {:?}",
                encoded.findings
            )
        });
        assert!(
            encoded.findings.is_empty(),
            "case {case}: {:?}",
            encoded.findings
        );
        assert!(cf::is_valid(&code), "case {case}: {code} from {fields:?}");
        let options = today_after(&mut rng, birth);
        let report = cf::check(&code, &options);
        assert!(report.valid(), "case {case}: {code} {:?}", report.findings);
        let p = report.person.expect("a person");
        assert_eq!((p.birth_date, p.sex), (birth, sex), "case {case}: {code}");
        assert!(!p.omocode);
        let place = fields.place_code.clone().unwrap_or_default();
        if !place.is_empty() {
            assert_eq!(p.place_code, place, "case {case}: {code}");
        }
        let disagreements: Vec<_> = cf::cross_check(&code, &fields, &options)
            .into_iter()
            .filter(|f| f.severity != Severity::Info)
            .collect();
        assert!(
            disagreements.is_empty(),
            "case {case}: {code} {fields:?}: {disagreements:?}"
        );
    }
}

#[test]
fn every_omocode_variant_decodes_to_the_same_person() {
    let mut rng = Rng(2026);
    // 60 people × the 128 subsets of the seven numeric positions.
    for case in 0..60 {
        let (fields, birth, _) = person(&mut rng);
        let code = cf::encode(&fields, Lang::It).code.expect("encoded");
        let options = today_after(&mut rng, birth);
        let base = cf::check(&code, &options).person.expect("a person");
        for mask in 0u8..128 {
            let variant = omocode(&code, mask);
            assert!(cf::is_valid(&variant), "case {case}: {variant} of {code}");
            let report = cf::check(&variant, &options);
            assert!(
                report.valid(),
                "case {case}: {variant} {:?}",
                report.findings
            );
            let p = report.person.expect("a person");
            assert_eq!(
                (p.birth_date, p.sex, &p.place_code, p.omocode),
                (base.birth_date, base.sex, &base.place_code, mask != 0),
                "case {case}: {variant} of {code}"
            );
            let found = cf::cross_check(&variant, &fields, &options);
            assert!(
                found.iter().all(|f| f.severity == Severity::Info),
                "case {case}: {variant} against the fields of {code}: {found:?}"
            );
        }
    }
}

/// The calendars of the property: the national one and every sede's.
fn calendars() -> Vec<Calendar> {
    let mut all = vec![Calendar::national()];
    all.extend(calendar::sedi().filter_map(|(s, _)| Calendar::for_sede(&s.id)));
    assert!(all.len() > 2, "sedi calendars missing");
    all
}

#[test]
fn adding_working_days_lands_on_a_working_day_and_counting_gives_n_back() {
    let mut rng = Rng(54_1977);
    let cals = calendars();
    for case in 0..6000 {
        let cal = *rng.pick(&cals);
        let from = date(&mut rng, d(1978, 1, 1), 200 * 365);
        // Mostly protocol-sized terms, some up to the maximum.
        let n = if rng.below(10) == 0 {
            1 + rng.below(calendar::MAX_DAYS as u64) as i32
        } else {
            1 + rng.below(60) as i32
        };
        let to = match cal.add_working_days(from, n) {
            Ok(to) => to,
            // Only past 2200 (MAX_DAYS working days are under 40 years).
            Err(e) => {
                assert!(
                    from.year() > calendar::LAST_YEAR - 41,
                    "case {case}: {from} + {n}: {e:?}"
                );
                continue;
            }
        };
        assert_eq!(
            cal.is_working_day(to),
            Ok(true),
            "case {case}: {from} + {n} = {to}"
        );
        assert!(to > from);
        assert_eq!(
            cal.working_days_between(from, to),
            Ok(n),
            "case {case}: {from} + {n} = {to}"
        );
        assert_eq!(cal.working_days_between(to, from), Ok(-n), "case {case}");
        // And back: from a working day, subtracting n returns to it.
        if cal.is_working_day(from) == Ok(true) {
            assert_eq!(
                cal.add_working_days(to, -n),
                Ok(from),
                "case {case}: {to} - {n}"
            );
        }
        // Counting to any working day and adding the count lands on it.
        let other = from + Days::new(rng.below(2000));
        if other.year() <= calendar::LAST_YEAR && cal.is_working_day(other) == Ok(true) {
            let k = cal.working_days_between(from, other).expect("covered");
            assert_eq!(
                cal.add_working_days(from, k),
                Ok(other),
                "case {case}: {from} → {other}"
            );
        }
    }
}

/// Text as a user or a document may hold it: escapes, separators, line breaks, controls,
/// accents, emoji, right-to-left text, long runs (folding).
const TEXT_PARTS: &[&str] = &[
    "Risposta INPS",
    " entro ",
    "oggi",
    ",",
    ";",
    "\\",
    "\\n",
    ":",
    "\"",
    "\n",
    "\r\n",
    "\r",
    "\t",
    "\u{0}",
    "\u{7}",
    "\u{1b}",
    "\u{85}",
    "è",
    "€",
    "😀",
    "👩‍👩‍👧",
    "עברית",
    "\u{200b}",
    "L. 241/1990",
    "art. 2",
    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
    " ",
    "à",
    "ℹ️",
];

fn text(rng: &mut Rng) -> String {
    (0..rng.below(40)).map(|_| *rng.pick(TEXT_PARTS)).collect()
}

/// What the writer keeps of a text: control characters but tab dropped, CRLF and CR as LF.
fn kept(text: &str) -> String {
    text.replace("\r\n", "\n")
        .replace('\r', "\n")
        .chars()
        .filter(|c| !c.is_control() || matches!(c, '\n' | '\t'))
        .collect()
}

#[test]
fn ics_written_is_read_back_with_the_same_events() {
    let mut rng = Rng(5545);
    for case in 0..2000 {
        let events: Vec<Event> = (0..rng.below(6))
            .map(|_| {
                let mut e = Event::new(date(&mut rng, d(1978, 1, 1), 223 * 365), text(&mut rng))
                    .description(text(&mut rng));
                if rng.below(2) == 0 {
                    e = e.key(text(&mut rng));
                }
                for _ in 0..rng.below(3) {
                    e = e.reminder(Reminder::days_before_at(
                        rng.below(30) as u32,
                        rng.below(24) as u32,
                        rng.below(60) as u32,
                    ));
                }
                e
            })
            .collect();
        let cal = IcsCalendar {
            name: text(&mut rng),
            events,
        };
        let stamp = date(&mut rng, d(2000, 1, 1), 10_000)
            .and_hms_opt(9, 30, 0)
            .unwrap();
        let written = ics::write(&cal, stamp);
        assert!(written.ends_with("\r\n"), "case {case}");
        for line in written.split_terminator("\r\n") {
            assert!(line.len() <= 75, "case {case}: {line:?}");
            assert!(!line.contains(['\r', '\n']), "case {case}: {line:?}");
        }
        let read = ics::read_events(&written).unwrap_or_else(|e| panic!("case {case}: {e:?}"));
        assert_eq!(read.len(), cal.events.len(), "case {case}");
        for (e, r) in cal.events.iter().zip(&read) {
            assert_eq!(r.date, e.date, "case {case}");
            assert_eq!(r.end, e.date.succ_opt(), "case {case}");
            assert_eq!(r.summary, kept(&e.summary), "case {case}");
            assert_eq!(r.description, kept(&e.description), "case {case}");
            let triggers: Vec<String> = e.reminders.iter().map(Reminder::trigger).collect();
            assert_eq!(r.triggers, triggers, "case {case}");
        }
        let mut uids: Vec<&str> = read.iter().map(|r| r.uid.as_str()).collect();
        uids.sort_unstable();
        uids.dedup();
        assert_eq!(uids.len(), read.len(), "case {case}: duplicate UIDs");
    }
}
