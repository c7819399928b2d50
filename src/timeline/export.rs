//! The timeline as an iCalendar file: one all-day event per dated entry, with reminders,
//! a description that carries the rule, its source and the calendar used, and a UID keyed
//! by profile + request + entry so that a new export updates the same events.

use crate::text::Join;
use chrono::NaiveDateTime;

use crate::dates;
use crate::ics::{self, Event, IcsCalendar, Reminder};

use super::messages::Text;
use super::{EntryKind, Timeline};

/// What a caller may add to the calendar file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IcsOptions {
    /// A label for the events' titles (SUMMARY), e.g. the portal's practice number: "Risposta
    /// dell'INPS — Pratica 2026/118". Without it the title names the request by the caller's
    /// reference, else the object or the kind. Nothing of the person (their codice fiscale)
    /// goes into a title unless the caller puts it here: calendars are shared and synced.
    pub label: Option<String>,
}

/// Writes the dated entries of `t` as iCalendar text (RFC 5545), as [`to_ics_with`] without
/// options. `stamp` is the `DTSTAMP`
/// (UTC): the library never reads the clock, the caller gives it (the bindings use the
/// request's `today`, else its sending date). Entries without a date are left out; a
/// timeline without dated entries gives a calendar without events (check
/// `t.entries` first to offer a download only when there is something in it).
pub fn to_ics(t: &Timeline, stamp: NaiveDateTime) -> String {
    to_ics_with(t, stamp, &IcsOptions::default())
}

/// Writes the dated entries of `t` as iCalendar text (RFC 5545), with `options`.
pub fn to_ics_with(t: &Timeline, stamp: NaiveDateTime, options: &IcsOptions) -> String {
    let lang = t.lang;
    let label = options
        .label
        .as_deref()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(|l| l.chars().take(80).collect::<String>());
    let context = label.as_deref().unwrap_or(&t.context);
    let profile = t.profile.as_deref().unwrap_or("");
    // A loop, not filter_map + collect: one copy less of each adapter in the module
    // (issue 15).
    let mut events = Vec::new();
    for e in &t.entries {
        let Some(date) = e.date else {
            continue;
        };
        let mut description = e.explanation.clone();
        if let Some(r) = &e.reading {
            description.push_str(&format!("\n{} {r}", Text::IcsReading.render(lang)));
        }
        let (mut to, mut cc) = (Vec::new(), Vec::new());
        for r in &e.recipients {
            if r.cc { &mut cc } else { &mut to }.push(r.address.as_str());
        }
        if !to.is_empty() {
            description.push_str(&format!(
                "\n{} {}",
                Text::IcsTo.render(lang),
                to.joined(", ")
            ));
        }
        if !cc.is_empty() {
            description.push_str(&format!(
                "\n{} {}",
                Text::IcsCc.render(lang),
                cc.joined(", ")
            ));
        }
        let source = crate::catalog::profile::cite(&e.rule, lang);
        description.push_str(&format!("\n{} {source}", Text::IcsSource.render(lang)));
        description.push_str(&format!(
            "\n{} {}",
            Text::IcsCalendar.render(lang),
            t.calendar_label
        ));
        if let Some(sent) = t.sent {
            description.push_str(&format!(
                "\n{} {} ({})",
                Text::IcsSent.render(lang),
                dates::human(sent, lang),
                t.profile_name
            ));
        }
        let mut event = Event::new(date, format!("{} — {context}", e.title))
            .description(description)
            .key(format!("{profile}|{}|{}", t.key, e.id.id()))
            .reminder(Reminder::days_before_at(0, 9, 0));
        if e.kind == EntryKind::YourDeadline {
            // The intermediary's own deadlines are short (4 days in Siena): warn the day
            // before too.
            event = event.reminder(Reminder::days_before_at(1, 9, 0));
        }
        events.push(event);
    }
    let mut name = Text::IcsName.render(lang);
    if !t.territory.is_empty() {
        name.push_str(" — ");
        name.push_str(&t.territory);
    }
    ics::write(&IcsCalendar { name, events }, stamp)
}

/// A file name for the download: `scadenze-inps-milano-2025-12-24.ics`.
pub fn filename(t: &Timeline) -> String {
    let profile: String = t
        .profile
        .as_deref()
        .unwrap_or("")
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || *c == '-')
        .take(40)
        .collect();
    let sent = t.sent.map(dates::iso).unwrap_or_default();
    let mut name = String::from("scadenze-inps");
    for p in [profile.as_str(), sent.as_str()] {
        if !p.is_empty() {
            name.push('-');
            name.push_str(p);
        }
    }
    name.push_str(".ics");
    name
}
