//! The guidance panels' contents, ready to show: the channel to use and the dates INPS must
//! answer by, with their reasons. The widget's `panel` writes them into the page.

use crate::dates;
use crate::finding::{Finding, Lang, Severity};
use crate::text::Join;
use crate::timeline::{Recipient, Timeline};

use super::messages;

/// The channel advice, ready to show.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ChannelView {
    /// One sentence: the channel and where to find it.
    pub headline: String,
    /// Further lines a person acts on (where, the address, the subject's contents).
    pub lines: Vec<String>,
    /// Why (the rule and its source): behind «Perché?».
    pub reasons: Vec<String>,
}

/// One line of the timeline's first part: a date and what happens by then, with whom.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct DateLine {
    /// `YYYY-MM-DD`, for `<time datetime>` (empty: no date).
    pub iso: String,
    /// What happens ("Risposta dell'INPS entro").
    pub label: String,
    /// The date as the person reads it, or why there is none.
    pub human: String,
    /// The addresses to write to (each selectable on its own), and those in copy.
    pub to: Vec<String>,
    pub cc: Vec<String>,
}

/// The timeline, ready to show: the dates first, a line each; the reasons behind «Perché?».
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TimelineView {
    pub dates: Vec<DateLine>,
    /// What a person must know to trust the dates (warnings): visible.
    pub notes: Vec<String>,
    /// The rule, the arithmetic and instrada's reading of each date, the calendar, the
    /// other notes: behind «Perché?».
    pub reasons: Vec<String>,
    /// Whether there is a date to put in a calendar.
    pub downloadable: bool,
}

/// The timeline panel from the core's timeline: the answer due, level B and level C (with
/// their addresses), the end of the process, each on one line, then any other dated entry;
/// the rule, the arithmetic and instrada's reading of each behind «Perché?».
/// `note` words a finding of the timeline for this form.
pub fn timeline_view(
    t: &Timeline,
    lang: Lang,
    note: &dyn Fn(&Finding) -> String,
) -> Option<TimelineView> {
    if t.entries.is_empty() && t.findings.is_empty() {
        return None;
    }
    let mut dates = Vec::new();
    let mut reasons = Vec::new();
    // Milano §2 A and §2 I: the DURC's two answers are told apart by their titles.
    let durc_pair = t.entries.iter().any(|e| e.id == "risposta-preavviso-durc");
    for e in &t.entries {
        let key = matches!(
            e.id.id(),
            "risposta" | "livello-b" | "livello-c" | "processo"
        );
        if key || e.date.is_some() {
            let address = |r: &Recipient| {
                // Without a sede every agency's contact is listed: say whose each is.
                match (&r.sedi[..], t.sede.is_some()) {
                    ([], _) | (_, true) => r.address.clone(),
                    (sedi, false) => format!("{} ({})", r.address, sedi.joined(", ")),
                }
            };
            // A loop, not two filter + map + collect: one copy less of the adapters in the
            // module (issue 15).
            let (mut to, mut cc) = (Vec::new(), Vec::new());
            for r in &e.recipients {
                if r.cc { &mut cc } else { &mut to }.push(address(r));
            }
            dates.push(DateLine {
                iso: e.date.map(dates::iso).unwrap_or_default(),
                label: if durc_pair && e.id == "risposta" {
                    format!("{}:", e.title)
                } else {
                    messages::date_label(e.id.id(), &e.title, e.date.is_some(), lang)
                },
                human: messages::date_human(e.date, lang),
                to,
                cc,
            });
        }
        reasons.push(messages::date_reason(
            &e.title,
            &e.explanation,
            e.reading.as_deref(),
            lang,
        ));
    }
    reasons.push(messages::calendar_reason(&t.calendar_label, lang));
    let mut notes = Vec::new();
    for f in &t.findings {
        if f.severity != Severity::Info || t.entries.is_empty() {
            notes.push(note(f));
        } else {
            reasons.push(note(f));
        }
    }
    Some(TimelineView {
        dates,
        notes,
        reasons,
        downloadable: t.entries.iter().any(|e| e.date.is_some()),
    })
}
