//! The working-day calendar, checked against an independent statement of the rules: a second
//! Easter algorithm (Gauss, with Lichtenberg's corrections), a table of known Easter dates,
//! the holiday rules written again from the laws as plain conditions, and known holiday lists
//! for given years; then the counting conventions on the edge cases the documents care about
//! (Christmas, Easter, August, a request sent on a Saturday or before a holiday).

use std::collections::BTreeSet;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use instrada::calendar::{
    self, easter_sunday, holidays, Calendar, CalendarError, DayKind, Scope, FIRST_YEAR, LAST_YEAR,
};
use instrada::finding::Lang;

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn sede(id: &str) -> Calendar {
    Calendar::for_sede(id).unwrap_or_else(|| panic!("sede {id} missing"))
}

#[track_caller]
fn check<T: PartialEq + std::fmt::Debug>(what: &str, expected: T, actual: T) {
    assert!(
        expected == actual,
        "{what}\n  expected: {expected:?}\n  actual:   {actual:?}"
    );
}

// ---------------------------------------------------------------------------------------
// Easter: a second, differently written algorithm and a table of known dates.

/// Gauss's Easter algorithm with Lichtenberg's corrections (1997), as in the German
/// literature: different from the Meeus/Jones/Butcher one the crate uses.
fn easter_gauss(year: i32) -> NaiveDate {
    let x = year;
    let k = x / 100;
    let m = 15 + (3 * k + 3) / 4 - (8 * k + 13) / 25;
    let s = 2 - (3 * k + 3) / 4;
    let a = x % 19;
    let dd = (19 * a + m) % 30;
    let r = (dd + a / 11) / 29;
    let og = 21 + dd - r; // Ostergrenze: day of March of the paschal full moon
    let sz = 7 - (x + x / 4 + s) % 7;
    let oe = 7 - (og - sz) % 7;
    let os = og + oe; // Easter as a day of March (32 = 1 April)
    NaiveDate::from_ymd_opt(year, 3, 1).unwrap() + Duration::days(i64::from(os - 1))
}

#[test]
fn easter_matches_gauss_for_every_gregorian_year_to_4099() {
    for year in 1583..=4099 {
        check(
            &format!("Easter {year}"),
            Some(easter_gauss(year)),
            easter_sunday(year),
        );
    }
    check("before the Gregorian calendar", None, easter_sunday(1582));
}

#[test]
fn easter_matches_known_dates() {
    // Published Easter Sundays (Gregorian), including the earliest (22 March would be 2285)
    // and latest (25 April 2038) of the covered range.
    let known = [
        "1978-03-26",
        "1980-04-06",
        "1981-04-19",
        "1985-04-07",
        "1986-03-30",
        "1990-04-15",
        "1995-04-16",
        "1999-04-04",
        "2000-04-23",
        "2001-04-15",
        "2002-03-31",
        "2003-04-20",
        "2004-04-11",
        "2005-03-27",
        "2006-04-16",
        "2007-04-08",
        "2008-03-23",
        "2009-04-12",
        "2010-04-04",
        "2011-04-24",
        "2012-04-08",
        "2013-03-31",
        "2014-04-20",
        "2015-04-05",
        "2016-03-27",
        "2017-04-16",
        "2018-04-01",
        "2019-04-21",
        "2020-04-12",
        "2021-04-04",
        "2022-04-17",
        "2023-04-09",
        "2024-03-31",
        "2025-04-20",
        "2026-04-05",
        "2027-03-28",
        "2028-04-16",
        "2029-04-01",
        "2030-04-21",
        "2038-04-25",
    ];
    for k in known {
        let date = d(k);
        check(
            &format!("Easter {}", date.year()),
            Some(date),
            easter_sunday(date.year()),
        );
    }
}

// ---------------------------------------------------------------------------------------
// National holidays: the rules written again from the laws, as plain conditions.

/// National holidays of a single year: (year, month, day, law).
const ONE_OFF: &[(i32, u32, u32, &str)] = &[
    // 150° anniversario dell'Unità d'Italia: D.L. 22/2/2011 n. 5, art. 1, converted by
    // L. 21/4/2011 n. 47.
    (2011, 3, 17, "D.L. 5/2011, L. 47/2011"),
];

/// The national holidays of `year` as stated by the laws, independently of the crate's
/// rule table (Sundays aside).
fn expected_national(year: i32) -> BTreeSet<NaiveDate> {
    let ymd = |m, dd| NaiveDate::from_ymd_opt(year, m, dd).unwrap();
    let mut set = BTreeSet::new();
    set.insert(ymd(1, 1)); // L. 260/1949
    if year >= 1986 {
        set.insert(ymd(1, 6)); // abolished by L. 54/1977, restored by DPR 792/1985
    }
    set.insert(easter_gauss(year) + Duration::days(1)); // Lunedì dell'Angelo
                                                        // One-off national holidays, each for its year only.
    for (y, m, dd, _law) in ONE_OFF {
        if year == *y {
            set.insert(ymd(*m, *dd));
        }
    }
    set.insert(ymd(4, 25));
    set.insert(ymd(5, 1));
    if year <= 2000 {
        // L. 54/1977: the first Sunday of June.
        let mut first = ymd(6, 1);
        while first.weekday() != Weekday::Sun {
            first = first.succ_opt().unwrap();
        }
        set.insert(first);
    } else {
        set.insert(ymd(6, 2)); // L. 336/2000
    }
    set.insert(ymd(8, 15));
    if year >= 2026 {
        set.insert(ymd(10, 4)); // L. 151/2025
    }
    set.insert(ymd(11, 1));
    // 4 November: not a holiday (L. 54/1977, L. 27/2024). 19 March, Ascension, Corpus
    // Domini, 29 June: removed by L. 54/1977.
    set.insert(ymd(12, 8));
    set.insert(ymd(12, 25));
    set.insert(ymd(12, 26));
    set
}

#[test]
fn the_150th_anniversary_was_a_holiday_in_2011_only() {
    // D.L. 5/2011, L. 47/2011: Thursday 17 March 2011, and no other 17 March.
    let national = Calendar::national();
    check(
        "2011-03-17",
        Ok(false),
        national.is_working_day(d("2011-03-17")),
    );
    check(
        "2012-03-17 is a Saturday",
        Ok(false),
        national.is_working_day(d("2012-03-17")),
    );
    check(
        "2010-03-17",
        Ok(true),
        national.is_working_day(d("2010-03-17")),
    );
    check(
        "2016-03-17",
        Ok(true),
        national.is_working_day(d("2016-03-17")),
    );
    // Seven working days from Tuesday 15 March 2011 skip Thursday 17.
    check(
        "entro 7 giorni lavorativi",
        Ok(d("2011-03-25")),
        national.add_working_days(d("2011-03-15"), 7),
    );
}

#[test]
fn national_holidays_of_every_year_match_the_laws() {
    for year in FIRST_YEAR..=LAST_YEAR {
        let got: BTreeSet<NaiveDate> = holidays(year).iter().map(|h| h.date).collect();
        check(
            &format!("national holidays of {year}"),
            expected_national(year),
            got,
        );
        assert!(holidays(year).iter().all(|h| h.scope == Scope::National));
    }
}

#[test]
fn every_day_from_1978_to_2200_is_working_exactly_when_the_laws_say() {
    // The national calendar and a sede's calendar (Milano: 7 December) against the
    // independent rules, one day at a time: this checks the precomputed tables bit by bit.
    let milano = sede("milano");
    let national = Calendar::national();
    for year in FIRST_YEAR..=LAST_YEAR {
        let expected = expected_national(year);
        let mut day = NaiveDate::from_ymd_opt(year, 1, 1).unwrap();
        while day.year() == year {
            let weekend = matches!(day.weekday(), Weekday::Sat | Weekday::Sun);
            let working = !weekend && !expected.contains(&day);
            assert_eq!(national.is_working_day(day), Ok(working), "national {day}");
            let sant_ambrogio = day.month() == 12 && day.day() == 7;
            assert_eq!(
                milano.is_working_day(day),
                Ok(working && !sant_ambrogio),
                "milano {day}"
            );
            day = day.succ_opt().unwrap();
        }
    }
}

#[test]
fn known_holiday_lists() {
    // (year, the national holidays as MM-DD), from the laws and the year's Easter.
    let table: &[(i32, &[&str])] = &[
        // 1980: no Epifania (L. 54/1977); Festa della Repubblica on Sunday 1 June; Easter 6 April.
        (
            1980,
            &[
                "01-01", "04-07", "04-25", "05-01", "06-01", "08-15", "11-01", "12-08", "12-25",
                "12-26",
            ],
        ),
        // 1986: Epifania is back (DPR 792/1985); Easter 30 March.
        (
            1986,
            &[
                "01-01", "01-06", "03-31", "04-25", "05-01", "06-01", "08-15", "11-01", "12-08",
                "12-25", "12-26",
            ],
        ),
        // 2000: last year of the first-Sunday rule (4 June); Easter 23 April.
        (
            2000,
            &[
                "01-01", "01-06", "04-24", "04-25", "05-01", "06-04", "08-15", "11-01", "12-08",
                "12-25", "12-26",
            ],
        ),
        // 2001: 2 June again (L. 336/2000); Easter 15 April.
        (
            2001,
            &[
                "01-01", "01-06", "04-16", "04-25", "05-01", "06-02", "08-15", "11-01", "12-08",
                "12-25", "12-26",
            ],
        ),
        // 2025: no 4 October yet; Easter 20 April, Easter Monday 21 April.
        (
            2025,
            &[
                "01-01", "01-06", "04-21", "04-25", "05-01", "06-02", "08-15", "11-01", "12-08",
                "12-25", "12-26",
            ],
        ),
        // 2026: San Francesco d'Assisi (L. 151/2025); Easter 5 April.
        (
            2026,
            &[
                "01-01", "01-06", "04-06", "04-25", "05-01", "06-02", "08-15", "10-04", "11-01",
                "12-08", "12-25", "12-26",
            ],
        ),
        // 2027: Easter 28 March; 4 October on a Monday.
        (
            2027,
            &[
                "01-01", "01-06", "03-29", "04-25", "05-01", "06-02", "08-15", "10-04", "11-01",
                "12-08", "12-25", "12-26",
            ],
        ),
    ];
    for (year, days) in table {
        let got: Vec<String> = holidays(*year)
            .iter()
            .map(|h| h.date.format("%m-%d").to_string())
            .collect();
        check(
            &format!("holidays of {year}"),
            days.iter().map(|s| s.to_string()).collect::<Vec<_>>(),
            got,
        );
    }
}

#[test]
fn holiday_names_and_sources() {
    // (date, calendar, Italian name, English name, scope, source)
    let table = [
        (
            "2011-03-17",
            "",
            "150° anniversario dell'Unità d'Italia",
            "150th anniversary of the unification of Italy",
            Scope::National,
            "D.L. 5/2011, L. 47/2011",
        ),
        (
            "2026-01-06",
            "",
            "Epifania",
            "Epiphany",
            Scope::National,
            "DPR 792/1985",
        ),
        (
            "2026-04-06",
            "",
            "Lunedì dell'Angelo",
            "Easter Monday",
            Scope::National,
            "L. 260/1949",
        ),
        (
            "2026-06-02",
            "",
            "Festa della Repubblica",
            "Republic Day",
            Scope::National,
            "L. 336/2000",
        ),
        (
            "1990-06-03",
            "",
            "Festa della Repubblica (prima domenica di giugno)",
            "Republic Day (first Sunday of June)",
            Scope::National,
            "L. 54/1977",
        ),
        (
            "2026-10-04",
            "",
            "San Francesco d'Assisi",
            "Saint Francis of Assisi",
            Scope::National,
            "L. 151/2025",
        ),
        (
            "2026-12-07",
            "milano",
            "Sant'Ambrogio, patrono di Milano",
            "Saint Ambrose, patron saint of Milano",
            Scope::Local,
            "Festa patronale del Comune di Milano",
        ),
        (
            "2026-06-29",
            "roma",
            "Santi Pietro e Paolo, patrono di Roma",
            "Saints Peter and Paul, patron saint of Roma",
            Scope::Local,
            "DPR 28/12/1985 n. 792",
        ),
        // Bologna's San Petronio falls on the national San Francesco from 2026: the national name wins.
        (
            "2026-10-04",
            "bologna",
            "San Francesco d'Assisi",
            "Saint Francis of Assisi",
            Scope::National,
            "L. 151/2025",
        ),
        (
            "2025-10-04",
            "bologna",
            "San Petronio, patrono di Bologna",
            "Saint Petronius, patron saint of Bologna",
            Scope::Local,
            "Festa patronale del Comune di Bologna",
        ),
    ];
    for (date, id, it, en, scope, source) in table {
        let cal = if id.is_empty() {
            Calendar::national()
        } else {
            sede(id)
        };
        let h = cal
            .holiday(d(date))
            .unwrap_or_else(|| panic!("{date} {id}: no holiday"));
        check(
            &format!("{date} {id}"),
            (it, en, scope, source),
            (h.name(Lang::It), h.name(Lang::En), h.scope, h.source),
        );
    }
}

#[test]
fn days_that_are_not_holidays_any_more() {
    // Each is a Monday-to-Friday in the given year: a working day under the national calendar.
    let table = [
        ("1984-01-06", "Epifania 1977–1985 (L. 54/1977)"),
        ("2026-03-19", "San Giuseppe (L. 54/1977)"),
        ("2026-05-14", "Ascensione (L. 54/1977)"),
        ("2026-06-04", "Corpus Domini (L. 54/1977)"),
        (
            "2026-06-29",
            "Santi Pietro e Paolo outside Roma (L. 54/1977)",
        ),
        ("2026-11-04", "4 novembre (L. 27/2024)"),
        ("1998-06-02", "2 giugno 1977–2000 (L. 54/1977)"),
        ("2024-10-04", "4 ottobre before 2026"),
    ];
    for (date, why) in table {
        check(why, Ok(true), Calendar::national().is_working_day(d(date)));
    }
}

// ---------------------------------------------------------------------------------------
// Local closures.

#[test]
fn the_embedded_patron_data_is_valid() {
    check(
        "patroni.json",
        Ok(()),
        calendar::local::check_embedded_data(),
    );
}

#[test]
fn every_sede_of_the_documents_and_every_provincial_capital_is_known() {
    let required = [
        // Named in the documents: 000 (Siena), 001 (Bologna), 002 §1.2 (Milano), 003 §1.2 (Torino).
        "siena",
        "bologna",
        "milano",
        "milano-centro",
        "milano-nord",
        "milano-sud",
        "milano-est",
        "sesto-san-giovanni",
        "legnano",
        "torino",
        "torino-nord",
        "moncalieri",
        "ivrea",
        "pinerolo",
        "collegno",
        // Emilia-Romagna
        "ferrara",
        "forli",
        "cesena",
        "modena",
        "parma",
        "piacenza",
        "ravenna",
        "reggio-emilia",
        "rimini",
        // Lombardia
        "bergamo",
        "brescia",
        "como",
        "cremona",
        "lecco",
        "lodi",
        "mantova",
        "monza",
        "pavia",
        "sondrio",
        "varese",
        // Piemonte
        "alessandria",
        "asti",
        "biella",
        "cuneo",
        "novara",
        "verbania",
        "vercelli",
        // Toscana
        "arezzo",
        "firenze",
        "grosseto",
        "livorno",
        "lucca",
        "massa",
        "carrara",
        "pisa",
        "pistoia",
        "prato",
        // Lazio
        "roma",
    ];
    for id in required {
        let cal = sede(id);
        check(&format!("{id} id"), Some(id), cal.sede_id());
    }
}

#[test]
fn patron_days_for_given_years() {
    // (sede, year, the patron day): fixed days, the movable ones computed, and agencies
    // inside a city with the city's day. Movable dates confirmed by the pages cited in
    // patroni.json (Asti: Tuesday 2 May 2023, Tuesday 3 May 2022; Pinerolo: Monday 27
    // August 2012; Collegno: Sunday 20 July 2025, 19 July 2020, 15 July 2018).
    let table = [
        ("milano-nord", 2026, "2026-12-07"),
        ("torino-nord", 2026, "2026-06-24"),
        ("sesto-san-giovanni", 2026, "2026-06-24"),
        ("legnano", 2026, "2026-11-05"),
        ("moncalieri", 2026, "2026-07-15"),
        ("ivrea", 2026, "2026-07-07"),
        ("siena", 2026, "2026-12-01"),
        ("roma", 2026, "2026-06-29"),
        ("forli", 2026, "2026-02-04"),
        ("asti", 2022, "2022-05-03"),
        ("asti", 2023, "2023-05-02"),
        ("asti", 2026, "2026-05-05"),
        ("pinerolo", 2012, "2012-08-27"),
        ("pinerolo", 2026, "2026-08-31"),
        ("pinerolo", 2027, "2027-08-30"),
        ("collegno", 2018, "2018-07-15"),
        ("collegno", 2020, "2020-07-19"),
        ("collegno", 2025, "2025-07-20"),
    ];
    for (id, year, date) in table {
        let local: Vec<NaiveDate> = sede(id)
            .holidays(year)
            .iter()
            .filter(|h| h.scope == Scope::Local)
            .map(|h| h.date)
            .collect();
        check(&format!("{id} {year}"), vec![d(date)], local);
    }
    // Verbania's San Vittore is the whole city's patron from 1992.
    check(
        "verbania 1990",
        0,
        sede("verbania")
            .holidays(1990)
            .iter()
            .filter(|h| h.scope == Scope::Local)
            .count(),
    );
    check(
        "verbania 1992",
        1,
        sede("verbania")
            .holidays(1992)
            .iter()
            .filter(|h| h.scope == Scope::Local)
            .count(),
    );
}

#[test]
fn a_patron_day_on_a_national_holiday_is_listed_after_it() {
    let list = sede("prato").holidays(2026);
    let boxing: Vec<Scope> = list
        .iter()
        .filter(|h| h.date == d("2026-12-26"))
        .map(|h| h.scope)
        .collect();
    check(
        "Prato, 26 December",
        vec![Scope::National, Scope::Local],
        boxing,
    );
}

#[test]
fn sedi_are_found_by_id_or_name() {
    let table = [
        ("milano-nord", Some("milano-nord")),
        ("Milano Nord", Some("milano-nord")),
        ("  MILANO_SUD ", Some("milano-sud")),
        ("Forlì", Some("forli")),
        ("Reggio Emilia", Some("reggio-emilia")),
        ("Sesto San Giovanni", Some("sesto-san-giovanni")),
        ("", None),
        ("napoli", None),
        ("milano; drop table", None),
        ("🙂", None),
    ];
    for (input, expected) in table {
        check(
            input,
            expected,
            Calendar::for_sede(input).and_then(|c| c.sede_id()),
        );
    }
    assert!(Calendar::for_sede(&"m".repeat(100_000)).is_none());
}

#[test]
fn labels_say_which_calendar_was_used() {
    let table = [
        ("", Lang::It, "Calendario nazionale"),
        ("", Lang::En, "National calendar"),
        ("milano", Lang::It, "Calendario nazionale + Sant'Ambrogio, patrono di Milano (7 dicembre)"),
        ("milano", Lang::En, "National calendar + Saint Ambrose, patron saint of Milano (7 December)"),
        ("asti", Lang::It, "Calendario nazionale + San Secondo, patrono di Asti (primo martedì di maggio)"),
        ("pinerolo", Lang::It, "Calendario nazionale + San Donato, patrono di Pinerolo (il giorno dopo l'ultima domenica di agosto)"),
        ("pinerolo", Lang::En, "National calendar + Saint Donatus, patron saint of Pinerolo (the day after the last Sunday of August)"),
        ("collegno", Lang::It, "Calendario nazionale + San Lorenzo, patrono di Collegno (terza domenica di luglio)"),
    ];
    for (id, lang, expected) in table {
        let cal = if id.is_empty() {
            Calendar::national()
        } else {
            sede(id)
        };
        check(id, expected.to_string(), cal.label(lang));
    }
}

// ---------------------------------------------------------------------------------------
// Counting.

#[test]
fn entro_n_giorni_lavorativi() {
    // (calendar, sent, n, due, why). Sources: Milano §2 A (7 working days, DURC 5) and E
    // (20 working days), Torino §2.6 A and E, ER (10 and 5 working days for quesiti).
    let table = [
        ("", "2026-12-24", 7, "2027-01-07", "Christmas Eve 2026 (Thursday): 25, 26, 1 and 6 January skipped"),
        ("", "2025-12-24", 7, "2026-01-08", "Christmas Eve 2025 (Wednesday)"),
        ("", "2026-01-03", 7, "2026-01-14", "Saturday 3 January 2026: Monday 5 is day 1, Epifania skipped (numpy's default lands on the 15th)"),
        ("", "2026-01-04", 1, "2026-01-05", "a Sunday: the next working day is day 1"),
        ("", "2027-10-01", 7, "2027-10-13", "Friday 1 October 2027, Monday 4 October is San Francesco"),
        ("", "2027-10-01", 5, "2027-10-11", "the same for DURC (5 working days, Milano §2 A)"),
        ("", "2027-10-01", 20, "2027-11-02", "the whole process (Milano E): 1 November skipped"),
        ("", "2026-04-02", 3, "2026-04-08", "Easter: Monday 6 April skipped"),
        ("", "2026-08-13", 2, "2026-08-17", "August: 15 is a Saturday in 2026"),
        ("", "2027-08-13", 2, "2027-08-17", "August 2027: Ferragosto on a Sunday"),
        ("", "2026-12-04", 7, "2026-12-16", "national: 7 December is a working day"),
        ("milano", "2026-12-04", 7, "2026-12-17", "Milano: Sant'Ambrogio closes the office"),
        ("milano-nord", "2026-12-04", 7, "2026-12-17", "an agency in Milano has Milano's patron"),
        ("torino", "2026-06-23", 1, "2026-06-25", "Torino: San Giovanni, Wednesday 24 June"),
        ("torino-nord", "2026-06-23", 1, "2026-06-25", "Torino Nord too"),
        ("moncalieri", "2026-06-23", 1, "2026-06-24", "Moncalieri is its own comune (15 July)"),
        ("moncalieri", "2026-07-14", 1, "2026-07-16", "Moncalieri: Beato Bernardo, 15 July"),
        ("roma", "2026-06-26", 1, "2026-06-30", "Roma: Santi Pietro e Paolo, Monday 29 June"),
        ("", "2026-06-26", 1, "2026-06-29", "29 June is a working day elsewhere"),
        ("asti", "2026-05-04", 1, "2026-05-06", "Asti: first Tuesday of May"),
        ("pinerolo", "2026-08-28", 1, "2026-09-01", "Pinerolo: Monday after the last Sunday of August"),
        ("", "2026-01-05", 0, "2026-01-05", "n = 0 on a working day: the day itself"),
        ("", "2026-01-03", 0, "2026-01-05", "n = 0 on a Saturday: the day the office receives it"),
        ("", "2026-01-07", -1, "2026-01-05", "one working day back skips Epifania"),
        ("", "2026-01-04", -1, "2026-01-02", "back from a Sunday"),
        ("", "2026-12-31", 1, "2027-01-04", "across the year end"),
    ];
    for (id, sent, n, due, why) in table {
        let cal = if id.is_empty() {
            Calendar::national()
        } else {
            sede(id)
        };
        check(why, Ok(d(due)), cal.add_working_days(d(sent), n));
    }
}

#[test]
fn counting_between_is_the_inverse_of_adding() {
    let cals = [
        Calendar::national(),
        sede("milano"),
        sede("asti"),
        sede("roma"),
    ];
    // A deterministic spread of start dates and counts.
    let mut seed: u64 = 0x5eed;
    for _ in 0..4000 {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let start = d("1978-01-01") + Duration::days((seed >> 33) as i64 % 80_000);
        let n = ((seed >> 20) % 400) as i32 - 100;
        for cal in &cals {
            let Ok(due) = cal.add_working_days(start, n) else {
                continue;
            };
            if n > 0 {
                check(
                    &format!("between {start} and +{n}"),
                    Ok(n),
                    cal.working_days_between(start, due),
                );
                check(
                    &format!("back from {due} by {n}"),
                    Ok(true),
                    cal.add_working_days(due, -n).map(|b| b <= start),
                );
            }
        }
    }
}

/// The n-th working day after (or before) `start` by walking one day at a time over the
/// independent statement of the rules.
fn naive_add(start: NaiveDate, n: i32) -> NaiveDate {
    let working = |day: NaiveDate| {
        !matches!(day.weekday(), Weekday::Sat | Weekday::Sun)
            && !expected_national(day.year()).contains(&day)
    };
    let step = if n < 0 { -1 } else { 1 };
    let mut day = start;
    if n == 0 {
        while !working(day) {
            day += Duration::days(1);
        }
        return day;
    }
    let mut left = n.abs();
    while left > 0 {
        day += Duration::days(step);
        if working(day) {
            left -= 1;
        }
    }
    day
}

#[test]
fn adding_matches_a_naive_walk_over_the_laws() {
    let mut seed: u64 = 42;
    for _ in 0..300 {
        seed = seed
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        let start = d("1979-01-01") + Duration::days((seed >> 33) as i64 % 80_000);
        let n = ((seed >> 16) % 61) as i32 - 30;
        check(
            &format!("{start} {n:+}"),
            Ok(naive_add(start, n)),
            Calendar::national().add_working_days(start, n),
        );
    }
    // The largest count accepted, both ways.
    check(
        "+10000",
        Ok(naive_add(d("1978-01-02"), 10_000)),
        Calendar::national().add_working_days(d("1978-01-02"), 10_000),
    );
    check(
        "-10000",
        Ok(naive_add(d("2200-12-30"), -10_000)),
        Calendar::national().add_working_days(d("2200-12-30"), -10_000),
    );
}

#[test]
fn working_days_between() {
    // (from, to, count): working days after `from` up to and including `to`.
    let table = [
        (
            "2026-01-02",
            "2026-01-09",
            4,
            "Epifania skipped: 5, 7, 8, 9",
        ),
        ("2026-01-09", "2026-01-02", -4, "reversed"),
        ("2026-01-05", "2026-01-05", 0, "same day"),
        ("2026-01-03", "2026-01-04", 0, "a weekend"),
        (
            "2026-01-01",
            "2026-12-31",
            254,
            "all of 2026: 261 weekdays minus 7 holidays on weekdays",
        ),
        (
            "2025-12-31",
            "2026-12-31",
            254,
            "the same, from the day before",
        ),
    ];
    for (from, to, n, why) in table {
        check(
            why,
            Ok(n),
            Calendar::national().working_days_between(d(from), d(to)),
        );
    }
}

#[test]
fn terms_in_calendar_days_move_off_closed_days() {
    // (calendar, event, days, nominal end, due, why). Siena: "entro quattro giorni"; ER:
    // appointment "entro 10 giorni".
    let table = [
        (
            "",
            "2026-12-22",
            4,
            "2026-12-26",
            "2026-12-28",
            "ends on Santo Stefano (a Saturday): Monday",
        ),
        (
            "",
            "2026-12-21",
            4,
            "2026-12-25",
            "2026-12-28",
            "ends on Christmas (Friday): Monday",
        ),
        (
            "",
            "2026-01-05",
            4,
            "2026-01-09",
            "2026-01-09",
            "ends on a Friday: stays",
        ),
        (
            "",
            "2026-01-06",
            4,
            "2026-01-10",
            "2026-01-12",
            "ends on a Saturday: Monday",
        ),
        (
            "",
            "2027-09-24",
            10,
            "2027-10-04",
            "2027-10-05",
            "ends on San Francesco 2027 (Monday)",
        ),
        (
            "siena",
            "2026-11-27",
            4,
            "2026-12-01",
            "2026-12-02",
            "Siena: ends on Sant'Ansano",
        ),
        (
            "",
            "2026-11-27",
            4,
            "2026-12-01",
            "2026-12-01",
            "the same term elsewhere",
        ),
        ("", "2026-01-05", 0, "2026-01-05", "2026-01-05", "zero days"),
    ];
    for (id, event, days, nominal, due, why) in table {
        let cal = if id.is_empty() {
            Calendar::national()
        } else {
            sede(id)
        };
        let t = cal.term_calendar_days(d(event), days).unwrap();
        check(
            why,
            (d(nominal), d(due), nominal != due),
            (t.nominal, t.due, t.moved()),
        );
    }
}

#[test]
fn day_kinds() {
    let table = [
        ("2026-01-05", "working"),
        ("2026-01-03", "saturday"),
        ("2026-01-04", "sunday"),
        ("2026-01-06", "Epifania"),
        ("2026-04-05", "sunday"),
        ("2027-04-25", "Festa della Liberazione"),
    ];
    for (date, expected) in table {
        let kind = match Calendar::national().day_kind(d(date)).unwrap() {
            DayKind::Working => "working",
            DayKind::Saturday => "saturday",
            DayKind::Sunday => "sunday",
            DayKind::Holiday(h) => h.name_it,
        };
        check(date, expected, kind);
    }
}

#[test]
fn out_of_range_and_huge_counts_are_errors_with_findings() {
    let cal = Calendar::national();
    let table: [(Result<NaiveDate, CalendarError>, CalendarError, &str); 6] = [
        (
            cal.add_working_days(d("1977-12-30"), 1),
            CalendarError::DateOutOfRange(d("1977-12-30")),
            "calendar.out-of-range",
        ),
        (
            cal.add_working_days(d("2201-01-01"), 1),
            CalendarError::DateOutOfRange(d("2201-01-01")),
            "calendar.out-of-range",
        ),
        (
            cal.add_working_days(d("2200-12-29"), 5),
            CalendarError::ResultOutOfRange,
            "calendar.out-of-range",
        ),
        (
            cal.add_working_days(d("1978-01-03"), -5),
            CalendarError::ResultOutOfRange,
            "calendar.out-of-range",
        ),
        (
            cal.add_working_days(d("2026-01-05"), 10_001),
            CalendarError::TooManyDays(10_001),
            "calendar.too-many-days",
        ),
        (
            cal.add_working_days(d("2026-01-05"), i32::MIN),
            CalendarError::TooManyDays(i64::from(i32::MIN)),
            "calendar.too-many-days",
        ),
    ];
    for (result, error, code) in table {
        check(code, Err(error), result);
        let f = error.finding(instrada::field::Field::input("date"), Lang::It);
        check("code", code, f.code);
        assert!(f.is_error() && !f.message.is_empty() && f.field_id() == Some("date"));
        assert!(!error
            .finding(instrada::field::Field::input("date"), Lang::En)
            .message
            .is_empty());
    }
    check(
        "is_working_day out of range",
        Err(CalendarError::DateOutOfRange(d("1900-01-01"))),
        cal.is_working_day(d("1900-01-01")),
    );
    check(
        "term beyond 2200",
        Err(CalendarError::ResultOutOfRange),
        cal.term_calendar_days(d("2200-12-30"), 5),
    );
    check(
        "term too long",
        Err(CalendarError::TooManyDays(10_001)),
        cal.term_calendar_days(d("2026-01-05"), 10_001),
    );
}

#[test]
fn every_sede_has_a_patron_day_in_every_year() {
    for (s, p) in calendar::sedi() {
        for year in [FIRST_YEAR, 2026, LAST_YEAR] {
            let applies = p.from.is_none_or(|from| year >= from);
            check(&format!("{} {year}", s.id), applies, p.date(year).is_some());
        }
        assert!(!p.source.is_empty(), "{}: source", s.id);
    }
}
