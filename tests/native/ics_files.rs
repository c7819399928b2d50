//! The iCalendar writer (RFC 5545) and its reader: escaping, folding at 75 octets without
//! splitting a UTF-8 character, CRLF, all-day dates, reminders, stable UIDs, and round trips.

use crate::ics;
use chrono::{NaiveDate, NaiveDateTime};
use ics::{escape, parse, read_events, unescape, unfold, Event, IcsCalendar, IcsError, Reminder};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

fn stamp() -> NaiveDateTime {
    d("2026-12-04").and_hms_opt(9, 30, 0).unwrap()
}

#[track_caller]
fn check<T: PartialEq + std::fmt::Debug>(what: &str, expected: T, actual: T) {
    assert!(
        expected == actual,
        "{what}\n  expected: {expected:?}\n  actual:   {actual:?}"
    );
}

fn sample() -> IcsCalendar {
    IcsCalendar {
        name: "Scadenze INPS, Milano; 2026".into(),
        events: vec![
            Event::new(d("2026-12-17"), "Risposta INPS (7 giorni lavorativi, Milano §2 A)")
                .description("Inviata il 04/12/2026.\nCalendario nazionale + Sant'Ambrogio, patrono di Milano (7 dicembre)")
                .key("risposta-inps")
                .reminder(Reminder::days_before_at(1, 9, 0))
                .reminder(Reminder::days_before_at(0, 9, 0)),
            Event::new(d("2026-12-31"), "Fine del processo: 20 giorni lavorativi, livello C → URP"),
        ],
    }
}

#[test]
fn escaping() {
    let table = [
        ("plain", "plain"),
        ("a,b", "a\\,b"),
        ("a;b", "a\\;b"),
        ("a\\b", "a\\\\b"),
        ("riga 1\nriga 2", "riga 1\\nriga 2"),
        ("riga 1\r\nriga 2", "riga 1\\nriga 2"),
        ("riga 1\rriga 2", "riga 1\\nriga 2"),
        ("NUL\0 e BEL\u{7}", "NUL e BEL"),
        ("tab\there", "tab\there"),
        ("è già; così, \\n", "è già\\; così\\, \\\\n"),
    ];
    for (input, escaped) in table {
        check(input, escaped.to_string(), escape(input));
    }
    // Unescaping gives back the text (control characters aside, newlines as \n).
    for text in ["a,b;c\\d", "x\ny", "\\\\\\", "fine\\", "è 🙂 ü"] {
        check(text, text.to_string(), unescape(&escape(text)));
    }
    check(
        "\\N is a newline too",
        "a\nb".to_string(),
        unescape("a\\Nb"),
    );
    check(
        "unknown escapes stay",
        "a\\qb".to_string(),
        unescape("a\\qb"),
    );
}

#[test]
fn the_file_has_the_required_shape() {
    let text = ics::write(&sample(), stamp());
    assert!(
        text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//instrada//instrada//IT\r\n")
    );
    assert!(text.ends_with("END:VCALENDAR\r\n"));
    // CRLF everywhere: no bare LF, no bare CR.
    check("bare LF", 0, text.replace("\r\n", "").matches('\n').count());
    check("bare CR", 0, text.replace("\r\n", "").matches('\r').count());
    for expected in [
        "DTSTAMP:20261204T093000Z\r\n",
        "DTSTART;VALUE=DATE:20261217\r\n",
        "DTEND;VALUE=DATE:20261218\r\n",
        "DTSTART;VALUE=DATE:20261231\r\n",
        "DTEND;VALUE=DATE:20270101\r\n",
        "X-WR-CALNAME:Scadenze INPS\\, Milano\\; 2026\r\n",
        "BEGIN:VALARM\r\nACTION:DISPLAY\r\n",
        "TRIGGER:-PT15H\r\n",
        "TRIGGER:PT9H\r\n",
        "TRANSP:TRANSPARENT\r\n",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    check("events", 2, text.matches("BEGIN:VEVENT").count());
    check("alarms", 2, text.matches("BEGIN:VALARM").count());
}

#[test]
fn lines_are_folded_at_75_octets_without_splitting_characters() {
    let long = [
        "a".repeat(200),
        "è".repeat(100),                 // 2 octets each
        "€".repeat(90),                  // 3 octets each
        "🙂".repeat(60),                 // 4 octets each
        format!("x{}", "🙂".repeat(40)), // misaligned
        "a,".repeat(80),                 // escapes lengthen the line
    ];
    for summary in long {
        let cal = IcsCalendar {
            name: String::new(),
            events: vec![Event::new(d("2026-01-05"), summary.clone())],
        };
        let text = ics::write(&cal, stamp());
        for physical in text.split("\r\n") {
            assert!(
                physical.len() <= 75,
                "{} octets: {physical:?}",
                physical.len()
            );
        }
        // `text` is a `String`, so no line can hold half a character; the round trip
        // proves the folds join back exactly.
        check(
            "round trip",
            summary,
            read_events(&text).unwrap().remove(0).summary,
        );
    }
}

#[test]
fn round_trip() {
    let cal = IcsCalendar {
        name: "x".into(),
        events: vec![
            Event::new(d("2026-01-05"), "Virgola, punto e virgola; barra \\ e a capo\nseconda riga")
                .description("Descrizione con «virgolette», emoji 🙂, RTL \u{05D0}\u{05D1} e tab\tfine.\r\nAltra riga")
                .reminder(Reminder::days_before_at(2, 8, 30)),
            Event::new(d("2200-12-31"), "L'ultimo giorno del calendario"),
        ],
    };
    let text = ics::write(&cal, stamp());
    let back = read_events(&text).unwrap();
    check("count", 2, back.len());
    for (written, read) in cal.events.iter().zip(&back) {
        check("date", written.date, read.date);
        check("end", written.date.succ_opt(), read.end);
        check(
            "summary",
            written.summary.replace("\r\n", "\n"),
            read.summary.clone(),
        );
        check(
            "description",
            written.description.replace("\r\n", "\n"),
            read.description.clone(),
        );
        check(
            "triggers",
            written
                .reminders
                .iter()
                .map(|r| r.trigger())
                .collect::<Vec<_>>(),
            read.triggers.clone(),
        );
    }
    check(
        "a 2-day, 8:30 reminder",
        vec!["-P1DT15H30M".to_string()],
        back[0].triggers.clone(),
    );
}

#[test]
fn triggers() {
    // (days before, hour, minute, TRIGGER)
    let table = [
        (1, 9, 0, "-PT15H"),
        (2, 9, 0, "-P1DT15H"),
        (0, 9, 0, "PT9H"),
        (0, 0, 0, "PT0M"),
        (2, 0, 0, "-P2D"),
        (1, 0, 30, "-PT23H30M"),
        (7, 18, 45, "-P6DT5H15M"),
        (0, 23, 59, "PT23H59M"),
    ];
    for (days, hour, minute, expected) in table {
        check(
            expected,
            expected.to_string(),
            Reminder::days_before_at(days, hour, minute).trigger(),
        );
    }
}

#[test]
fn uids_are_stable_and_derived_from_content_or_key() {
    let a = ics::write(&sample(), stamp());
    let b = ics::write(&sample(), stamp());
    check("same input, same file", a.clone(), b);
    let uids = |text: &str| {
        read_events(text)
            .unwrap()
            .into_iter()
            .map(|e| e.uid)
            .collect::<Vec<_>>()
    };
    let later = ics::write(&sample(), d("2027-01-01").and_hms_opt(0, 0, 0).unwrap());
    check("another DTSTAMP keeps the UIDs", uids(&a), uids(&later));
    // A key keeps the UID when the date is recomputed; without a key the content decides.
    let mut moved = sample();
    moved.events[0].date = d("2026-12-18");
    moved.events[1].date = d("2027-01-04");
    let (before, after) = (uids(&a), uids(&ics::write(&moved, stamp())));
    check("keyed event", before[0].clone(), after[0].clone());
    assert_ne!(
        before[1], after[1],
        "unkeyed event changes with its content"
    );
    // Two identical events still get distinct UIDs.
    let twice = IcsCalendar {
        name: String::new(),
        events: vec![
            Event::new(d("2026-01-05"), "x"),
            Event::new(d("2026-01-05"), "x"),
        ],
    };
    let u = uids(&ics::write(&twice, stamp()));
    assert_ne!(u[0], u[1]);
    assert!(u.iter().all(|x| x.ends_with("@instrada")));
}

#[test]
fn unfolding() {
    check(
        "CRLF + space",
        vec!["ABCDEF".to_string()],
        unfold("ABC\r\n DEF\r\n"),
    );
    check(
        "LF + tab",
        vec!["ABCDEF".to_string(), "X:1".to_string()],
        unfold("ABC\n\tDEF\nX:1"),
    );
    check(
        "blank lines dropped",
        vec!["A:1".to_string(), "B:2".to_string()],
        unfold("A:1\r\n\r\nB:2\r\n"),
    );
}

#[test]
fn the_reader_never_panics_and_says_what_is_wrong() {
    let table: &[(&str, IcsError)] = &[
        ("", IcsError::NotACalendar),
        ("BEGIN:VCALENDAR", IcsError::Unbalanced(0)),
        ("END:VCALENDAR", IcsError::Unbalanced(1)),
        ("BEGIN:VCALENDAR\r\nEND:VEVENT", IcsError::Unbalanced(2)),
        (
            "BEGIN:VCALENDAR\r\nno colon here\r\nEND:VCALENDAR",
            IcsError::NoColon(2),
        ),
        (":value", IcsError::NoColon(1)),
        ("BEGIN:VEVENT\r\nEND:VEVENT", IcsError::NotACalendar),
        (
            "BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:x\r\nEND:VEVENT\r\nEND:VCALENDAR",
            IcsError::BadEvent(1),
        ),
    ];
    for (text, error) in table {
        let got = parse(text).and_then(|_| read_events(text).map(|_| ()));
        check(text, Err(error.clone()), got);
    }
    let deep = "BEGIN:X\r\n".repeat(100);
    assert!(matches!(parse(&deep), Err(IcsError::TooDeep(_))));
    // Quoted parameters may hold ':' and ';'.
    let cal = parse("BEGIN:VCALENDAR\r\nX-A;P=\"a:b;c\";Q=1:the value\r\nEND:VCALENDAR").unwrap();
    let p = cal.property("X-A").unwrap();
    check(
        "params",
        vec![
            ("P".to_string(), "a:b;c".to_string()),
            ("Q".to_string(), "1".to_string()),
        ],
        p.params.clone(),
    );
    check("value", "the value", p.value.as_str());
    // Arbitrary bytes-as-text do not panic.
    for junk in [
        "\u{0}\u{1}:",
        "BEGIN:\r\nEND:",
        ";;;:::",
        "BEGIN:VCALENDAR\r\n \r\n\t\r\nEND:VCALENDAR",
        "é:\r\n è",
    ] {
        let _ = parse(junk);
        let _ = read_events(junk);
    }
}
