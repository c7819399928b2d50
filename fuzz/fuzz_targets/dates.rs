//! Dates and working days on any input: `dates::parse_date` (and the `scan` family) on any
//! text, and the working-day arithmetic of the national and the sedi calendars on any date
//! chrono can hold and any count (huge and negative included).
//!
//! Properties: a date that is read is written back the same (`iso`, `it`); the answer of
//! `add_working_days(d, n)` is a working day, after `d` for n > 0 and before it for n < 0,
//! and `working_days_between` gives `n` back; `n = 0` rolls to the first working day not
//! before `d`; a calendar-day term is due on a working day not before its nominal end; every
//! refusal is the error its cause calls for, and becomes a finding with a message.
#![no_main]

use chrono::{Datelike, Days, NaiveDate, Weekday};
use instrada::calendar::{
    easter_sunday, Calendar, CalendarError, DayKind, FIRST_YEAR, LAST_YEAR, MAX_DAYS,
};
use instrada::dates;
use instrada::finding::Lang;
use instrada_fuzz::Input;
use libfuzzer_sys::fuzz_target;

fn covered(d: NaiveDate) -> bool {
    (FIRST_YEAR..=LAST_YEAR).contains(&d.year())
}

fn sound(e: CalendarError, lang: Lang) {
    let f = e.finding(instrada::field::Field::input("n"), lang);
    assert!(
        f.code.starts_with("calendar.") && !f.message.is_empty(),
        "{f:?}"
    );
}

fuzz_target!(|data: &[u8]| {
    let mut input = Input::new(data);
    let lang = if input.bool() { Lang::En } else { Lang::It };
    let sedi: Vec<&str> = instrada::calendar::sedi()
        .map(|(s, _)| s.id.as_str())
        .collect();
    let cal = match input.byte() % 3 {
        0 => Calendar::national(),
        _ => Calendar::for_sede(sedi[input.index(sedi.len())]).expect("a sede's calendar"),
    };
    let d = match input.byte() % 4 {
        0 => input.any_date(),
        _ => input.date_near(NaiveDate::from_ymd_opt(1975, 1, 1).unwrap(), 83_000),
    };
    let n = match input.byte() % 4 {
        0 => input.i32(),
        1 => i32::from(input.byte() as i8),
        _ => input.i32() % 12_000,
    };

    // Reading and writing dates.
    let text = input.text();
    if let Ok(read) = dates::parse_date(&text, instrada::field::FormField::DataInvio, lang) {
        assert!((1800..=2200).contains(&read.year()));
        assert_eq!(
            dates::parse_date(
                &dates::iso(read),
                instrada::field::FormField::DataInvio,
                lang
            ),
            Ok(read)
        );
        assert_eq!(
            dates::parse_date(
                &dates::it(read),
                instrada::field::FormField::DataInvio,
                lang
            ),
            Ok(read)
        );
    }
    for format in ["%Y-%m-%d", "%d/%m/%Y", "%Y%m%d", "%H:%M", "%Y%m%dT%H%M%SZ"] {
        let _ = dates::scan(&text, format);
        let _ = dates::datetime_from(&text, format);
        if let Some(t) = dates::time_from(&text, format) {
            let _ = dates::hm(t);
        }
    }
    assert!(dates::clip(&text).chars().count() <= 41);
    if (0..=9999).contains(&d.year()) {
        assert_eq!(dates::date_from(&dates::iso(d), "%Y-%m-%d"), Some(d), "{d}");
        assert_eq!(
            dates::date_from(&dates::ymd(d, ""), "%Y%m%d"),
            Some(d),
            "{d}"
        );
    }
    let _ = dates::human(d, lang);
    if (1800..=2200).contains(&d.year()) {
        assert_eq!(
            dates::parse_date(&dates::it(d), instrada::field::FormField::DataInvio, lang),
            Ok(d)
        );
    }

    // Easter and the holidays of any year.
    if let Some(e) = easter_sunday(d.year()) {
        assert_eq!(e.weekday(), Weekday::Sun);
        assert!(matches!(e.month(), 3 | 4), "{e}");
    }
    for h in cal.holidays(d.year()) {
        assert_eq!(h.date.year(), d.year());
    }

    // The kind of the day.
    match cal.day_kind(d) {
        Ok(kind) => {
            let working = cal.is_working_day(d).expect("same range");
            assert_eq!(working, kind == DayKind::Working, "{d} {kind:?}");
        }
        Err(e) => {
            assert!(!covered(d));
            assert_eq!(e, CalendarError::DateOutOfRange(d));
            sound(e, lang);
        }
    }

    // Adding working days.
    match cal.add_working_days(d, n) {
        Ok(r) => {
            assert!(covered(d) && covered(r) && i64::from(n).abs() <= MAX_DAYS);
            assert_eq!(cal.is_working_day(r), Ok(true), "{d} + {n} = {r}");
            let back = cal.working_days_between(d, r).expect("both covered");
            let d_works = cal.is_working_day(d) == Ok(true);
            match n {
                1.. => {
                    assert!(r > d);
                    assert_eq!(back, n, "{d} + {n} = {r}");
                }
                0 => {
                    assert!(r >= d);
                    assert_eq!(back, i32::from(r != d));
                    assert_eq!(d_works, r == d);
                }
                _ => {
                    assert!(r < d);
                    assert_eq!(back, if d_works { n } else { n + 1 }, "{d} + {n} = {r}");
                    assert_eq!(
                        cal.add_working_days(r, -n),
                        if d_works {
                            Ok(d)
                        } else {
                            cal.add_working_days(d, 0)
                        }
                    );
                }
            }
            if n > 1 {
                assert_eq!(cal.add_working_days(d, n - 1).map(|p| p < r), Ok(true));
            }
        }
        Err(e) => {
            sound(e, lang);
            if !covered(d) {
                assert_eq!(e, CalendarError::DateOutOfRange(d));
            } else if i64::from(n).abs() > MAX_DAYS {
                assert_eq!(e, CalendarError::TooManyDays(i64::from(n)));
            } else {
                assert_eq!(e, CalendarError::ResultOutOfRange);
                // Only near the ends: MAX_DAYS working days are under 40 years.
                assert!(
                    d.year() < FIRST_YEAR + 41 || d.year() > LAST_YEAR - 41,
                    "{d} {n}"
                );
            }
        }
    }

    // Counting between two dates.
    let other = match input.byte() % 2 {
        0 => input.any_date(),
        _ => d
            .checked_add_days(Days::new(u64::from(input.u32() % 20_000)))
            .unwrap_or(d),
    };
    match cal.working_days_between(d, other) {
        Ok(k) => {
            assert!(covered(d) && covered(other));
            assert_eq!(cal.working_days_between(other, d), Ok(-k));
            assert!(
                if other >= d { k >= 0 } else { k <= 0 },
                "{d} -> {other}: {k}"
            );
            if cal.is_working_day(other) == Ok(true) && other > d && i64::from(k) <= MAX_DAYS {
                assert_eq!(cal.add_working_days(d, k), Ok(other), "{d} -> {other}: {k}");
            }
        }
        Err(e) => {
            assert!(!covered(d) || !covered(other));
            sound(e, lang);
        }
    }

    // A term in calendar days.
    let days = input.u32() % 40_000;
    match cal.term_calendar_days(d, days) {
        Ok(t) => {
            assert_eq!(
                d.checked_add_days(Days::new(u64::from(days))),
                Some(t.nominal)
            );
            assert!(t.due >= t.nominal);
            assert_eq!(cal.is_working_day(t.due), Ok(true));
            assert_eq!(t.moved(), cal.is_working_day(t.nominal) != Ok(true));
        }
        Err(e) => sound(e, lang),
    }
});
