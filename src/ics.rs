//! iCalendar (RFC 5545) for deadlines: a writer of all-day events with reminders. (The small
//! reader that reads files back lives with the tests and the fuzz targets, its only users:
//! `tests/support/ics.rs`.)
//!
//! The writer is deterministic: no clock (the `DTSTAMP` is a parameter) and no randomness
//! (each `UID` is derived from the event's key or content), so the same deadlines always
//! give the same file, and a calendar application that imports it twice updates the events
//! instead of duplicating them. Text is escaped (`\\`, `\;`, `\,`, `\n`), control characters
//! are dropped, lines are folded at 75 octets without splitting a UTF-8 character, and lines
//! end with CRLF.
//!
//! ```
//! use chrono::NaiveDate;
//! use instrada::ics::{self, Event, IcsCalendar, Reminder};
//!
//! let due = NaiveDate::from_ymd_opt(2026, 12, 17).unwrap();
//! let cal = IcsCalendar {
//!     name: "Scadenze INPS".into(),
//!     events: vec![Event::new(due, "Risposta INPS attesa entro oggi").reminder(Reminder::days_before_at(1, 9, 0))],
//! };
//! let stamp = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap().and_hms_opt(9, 0, 0).unwrap();
//! let text = ics::write(&cal, stamp);
//! assert!(text.contains("DTSTART;VALUE=DATE:20261217\r\n"));
//! assert!(text.contains("SUMMARY:Risposta INPS attesa entro oggi\r\n"));
//! ```

use std::fmt::Write as _;

use chrono::{Days, NaiveDate, NaiveDateTime};

use crate::dates;

/// The product identifier written in every file.
pub const PRODID: &str = "-//instrada//instrada//IT";

/// Longest line, in octets, before folding (RFC 5545 §3.1).
const FOLD_AT: usize = 75;

/// A calendar to write: a name and all-day events.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IcsCalendar {
    /// Shown by calendar applications as the calendar's name (`X-WR-CALNAME`); empty to omit.
    pub name: String,
    /// The events, written in this order.
    pub events: Vec<Event>,
}

/// An all-day event: a deadline.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Event {
    /// The day (DTSTART;VALUE=DATE; DTEND is the next day).
    pub date: NaiveDate,
    /// One line for the calendar's grid.
    pub summary: String,
    /// Longer text (the rule, its source, the calendar used); empty to omit.
    pub description: String,
    /// A stable identity for the event (for example `"risposta-inps"` plus the request's
    /// reference): when set, the UID is derived from it alone, so a recomputed date updates
    /// the same event; when empty, the UID is derived from the date, summary and description.
    pub key: String,
    /// Reminders before (or on) the day.
    pub reminders: Vec<Reminder>,
}

impl Event {
    /// An event with a summary and nothing else.
    pub fn new(date: NaiveDate, summary: impl Into<String>) -> Event {
        Event {
            date,
            summary: summary.into(),
            description: String::new(),
            key: String::new(),
            reminders: Vec::new(),
        }
    }

    /// Sets the description.
    pub fn description(mut self, text: impl Into<String>) -> Event {
        self.description = text.into();
        self
    }

    /// Sets the key the UID is derived from.
    pub fn key(mut self, key: impl Into<String>) -> Event {
        self.key = key.into();
        self
    }

    /// Adds a reminder.
    pub fn reminder(mut self, reminder: Reminder) -> Event {
        self.reminders.push(reminder);
        self
    }

    /// The UID written for this event (before de-duplication within one file).
    pub fn uid(&self) -> String {
        let hash = if self.key.is_empty() {
            let mut h = Fnv::new();
            h.write(self.date.to_string().as_bytes());
            h.write(&[0]);
            h.write(self.summary.as_bytes());
            h.write(&[0]);
            h.write(self.description.as_bytes());
            h.finish()
        } else {
            let mut h = Fnv::new();
            h.write(b"key\0");
            h.write(self.key.as_bytes());
            h.finish()
        };
        format!("{hash:016x}@instrada")
    }
}

/// A reminder (VALARM with ACTION:DISPLAY), relative to the start of the all-day event,
/// that is midnight at the beginning of the day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reminder {
    /// Minutes before the start of the day; negative for a time on the day itself
    /// (-540 = 09:00 on the day).
    pub minutes_before: i32,
}

impl Reminder {
    /// `days` days before the day, at `hour:minute` (`days_before_at(1, 9, 0)` = the day
    /// before at 09:00; `days_before_at(0, 9, 0)` = on the day at 09:00).
    pub fn days_before_at(days: u32, hour: u32, minute: u32) -> Reminder {
        let minutes = i64::from(days.min(366)) * 1440
            - i64::from(hour.min(23)) * 60
            - i64::from(minute.min(59));
        Reminder {
            minutes_before: minutes as i32,
        }
    }

    /// The TRIGGER value: `-PT15H` (15 hours before the day starts = 09:00 the day before),
    /// `-P1DT15H` (09:00 two days before),
    /// `PT9H` (09:00 on the day).
    pub fn trigger(&self) -> String {
        let total = i64::from(self.minutes_before);
        let sign = if total > 0 { "-" } else { "" };
        let m = total.unsigned_abs();
        let (days, hours, minutes) = (m / 1440, m % 1440 / 60, m % 60);
        let mut out = format!("{sign}P");
        if days > 0 {
            let _ = write!(out, "{days}D");
        }
        if hours > 0 || minutes > 0 || days == 0 {
            out.push('T');
            if hours > 0 {
                let _ = write!(out, "{hours}H");
            }
            if minutes > 0 || hours == 0 {
                let _ = write!(out, "{minutes}M");
            }
        }
        out
    }
}

/// Writes the calendar as iCalendar text. `stamp` is the DTSTAMP (UTC): when the file is
/// made, given by the caller because the core never reads the clock.
pub fn write(calendar: &IcsCalendar, stamp: NaiveDateTime) -> String {
    let mut out = String::with_capacity(256 + calendar.events.len() * 400);
    let stamp = dates::ics_stamp(stamp);
    line(&mut out, "BEGIN:VCALENDAR");
    line(&mut out, "VERSION:2.0");
    line(&mut out, &format!("PRODID:{PRODID}"));
    line(&mut out, "CALSCALE:GREGORIAN");
    line(&mut out, "METHOD:PUBLISH");
    if !calendar.name.is_empty() {
        line(
            &mut out,
            &format!("X-WR-CALNAME:{}", escape(&calendar.name)),
        );
    }
    let mut seen: Vec<String> = Vec::with_capacity(calendar.events.len());
    for event in &calendar.events {
        // Two identical events would share a UID; the later ones get a counter.
        let base = event.uid();
        let same = seen.iter().filter(|u| **u == base).count();
        let uid = if same == 0 {
            base.clone()
        } else {
            crate::text::replace(&base, "@instrada", &format!("-{same}@instrada"))
        };
        seen.push(base);
        line(&mut out, "BEGIN:VEVENT");
        line(&mut out, &format!("UID:{uid}"));
        line(&mut out, &format!("DTSTAMP:{stamp}"));
        line(
            &mut out,
            &format!("DTSTART;VALUE=DATE:{}", dates::ymd(event.date, "")),
        );
        if let Some(next) = event.date.checked_add_days(Days::new(1)) {
            line(
                &mut out,
                &format!("DTEND;VALUE=DATE:{}", dates::ymd(next, "")),
            );
        }
        line(&mut out, &format!("SUMMARY:{}", escape(&event.summary)));
        if !event.description.is_empty() {
            line(
                &mut out,
                &format!("DESCRIPTION:{}", escape(&event.description)),
            );
        }
        // A deadline does not make the person busy.
        line(&mut out, "TRANSP:TRANSPARENT");
        for reminder in &event.reminders {
            line(&mut out, "BEGIN:VALARM");
            line(&mut out, "ACTION:DISPLAY");
            line(&mut out, &format!("DESCRIPTION:{}", escape(&event.summary)));
            line(&mut out, &format!("TRIGGER:{}", reminder.trigger()));
            line(&mut out, "END:VALARM");
        }
        line(&mut out, "END:VEVENT");
    }
    line(&mut out, "END:VCALENDAR");
    out
}

/// Escapes a TEXT value (RFC 5545 §3.3.11): backslash, semicolon, comma and newlines; other
/// control characters (which TEXT may not hold) are dropped.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                // CRLF is one line break.
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Appends one content line, folded at 75 octets (continuation lines start with a space,
/// which counts), never inside a UTF-8 character, each ended by CRLF.
fn line(out: &mut String, content: &str) {
    let mut rest = content;
    let mut limit = FOLD_AT;
    loop {
        if rest.len() <= limit {
            out.push_str(rest);
            out.push_str("\r\n");
            return;
        }
        let mut cut = limit;
        while !rest.is_char_boundary(cut) {
            cut -= 1;
        }
        out.push_str(&rest[..cut]);
        out.push_str("\r\n ");
        rest = &rest[cut..];
        limit = FOLD_AT - 1;
    }
}

/// FNV-1a, 64 bits: a small, stable hash for UIDs (not for security).
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}
