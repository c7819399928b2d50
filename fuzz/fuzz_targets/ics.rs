//! The iCalendar writer on arbitrary events (any text in the name, summary, description and
//! key; any date chrono holds; any reminder), read back by the crate's reader; and the reader
//! on the raw bytes.
//!
//! Properties: the reader gives back every event (date, end, summary, description and
//! reminders, the text as the writer keeps it: control characters dropped, line breaks as
//! `\n`); the UIDs are distinct; every line ends with CRLF and has at most 75 octets; no
//! bare CR or LF. Dates outside the years 0000–9999 cannot be written in RFC 5545 (a DATE
//! has four digits): for them only "no panic" is asserted.
#![no_main]

use chrono::{Datelike, NaiveDate};
#[path = "../../tests/support/ics.rs"]
mod ics;
use ics::{Event, IcsCalendar, Reminder};
use instrada_fuzz::Input;
use libfuzzer_sys::fuzz_target;

/// What the writer keeps of a text: control characters but tab dropped, CRLF and CR as LF.
fn kept(text: &str) -> String {
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push('\n');
            }
            '\n' | '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

fn representable(d: NaiveDate) -> bool {
    (0..=9999).contains(&d.year())
}

fuzz_target!(|data: &[u8]| {
    // The reader on anything.
    let _ = ics::read_events(&String::from_utf8_lossy(data));

    let mut input = Input::new(data);
    let name = input.text();
    let stamp = input
        .date_near(NaiveDate::from_ymd_opt(1978, 1, 1).unwrap(), 80_000)
        .and_hms_opt(
            u32::from(input.byte() % 24),
            u32::from(input.byte() % 60),
            0,
        )
        .unwrap();
    let mut events = Vec::new();
    while !input.is_empty() && events.len() < 8 {
        let date = input.date_near(NaiveDate::from_ymd_opt(1978, 1, 1).unwrap(), 81_000);
        let mut e = Event::new(date, input.text()).description(input.text());
        if input.bool() {
            e = e.key(input.text());
        }
        for _ in 0..input.byte() % 4 {
            e = match input.byte() % 2 {
                0 => e.reminder(Reminder {
                    minutes_before: input.i32(),
                }),
                _ => e.reminder(Reminder::days_before_at(
                    input.u32(),
                    input.u32(),
                    input.u32(),
                )),
            };
        }
        if input.bool() {
            // An exact copy: its UID must still be distinct.
            let copy = e.clone();
            events.push(e);
            events.push(copy);
        } else {
            events.push(e);
        }
    }
    let calendar = IcsCalendar { name, events };
    let text = ics::write(&calendar, stamp);

    assert!(text.ends_with("\r\n"));
    for line in text.split_terminator("\r\n") {
        assert!(line.len() <= 75, "line of {} octets: {line:?}", line.len());
        assert!(!line.contains(['\r', '\n']), "bare line break in {line:?}");
    }

    let read = ics::read_events(&text);
    if !calendar.events.iter().all(|e| representable(e.date)) {
        return;
    }
    let read = read.unwrap_or_else(|e| panic!("{e:?} reading back {text:?}"));
    assert_eq!(read.len(), calendar.events.len());
    let mut uids: Vec<&str> = read.iter().map(|r| r.uid.as_str()).collect();
    uids.sort_unstable();
    uids.dedup();
    assert_eq!(uids.len(), read.len(), "duplicate UIDs");
    for (e, r) in calendar.events.iter().zip(&read) {
        assert_eq!(r.date, e.date);
        let next = e.date.succ_opt().filter(|n| representable(*n));
        assert_eq!(r.end, next, "DTEND of {}", e.date);
        assert_eq!(r.summary, kept(&e.summary));
        assert_eq!(r.description, kept(&e.description));
        let triggers: Vec<String> = e.reminders.iter().map(Reminder::trigger).collect();
        assert_eq!(r.triggers, triggers);
    }
    // The calendar's name: on its own (unfolded) line.
    let written_name = ics::unfold(&text)
        .iter()
        .find_map(|l| l.strip_prefix("X-WR-CALNAME:").map(ics::unescape));
    assert_eq!(written_name.unwrap_or_default(), kept(&calendar.name));
});
