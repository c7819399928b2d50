//! The words of the timeline: dates with their weekday, lengths of terms, and how a date
//! follows from a term (which days were not counted and why).

use crate::text::Join;
use chrono::{Datelike, NaiveDate, Weekday};

use crate::calendar::{Calendar, DayKind};
use crate::catalog::profile::Requirement;
use crate::catalog::titolario::Unit;
use crate::dates;
use crate::finding::Lang;

use super::Text;

/// `mercoledì 24/12/2025`, `Wednesday 24 Dec 2025`.
pub(in crate::timeline) fn day(d: NaiveDate, lang: Lang) -> String {
    format!("{} {}", weekday(d.weekday(), lang), dates::human(d, lang))
}

fn weekday(w: Weekday, lang: Lang) -> &'static str {
    match (w, lang) {
        (Weekday::Mon, Lang::It) => "lunedì",
        (Weekday::Tue, Lang::It) => "martedì",
        (Weekday::Wed, Lang::It) => "mercoledì",
        (Weekday::Thu, Lang::It) => "giovedì",
        (Weekday::Fri, Lang::It) => "venerdì",
        (Weekday::Sat, Lang::It) => "sabato",
        (Weekday::Sun, Lang::It) => "domenica",
        (Weekday::Mon, Lang::En) => "Monday",
        (Weekday::Tue, Lang::En) => "Tuesday",
        (Weekday::Wed, Lang::En) => "Wednesday",
        (Weekday::Thu, Lang::En) => "Thursday",
        (Weekday::Fri, Lang::En) => "Friday",
        (Weekday::Sat, Lang::En) => "Saturday",
        (Weekday::Sun, Lang::En) => "Sunday",
    }
}

/// `«a», «b», «c»` (at most 12, then `…`).
pub(in crate::timeline) fn list(items: &[String]) -> String {
    let mut out: Vec<String> = Vec::new();
    for item in items {
        let quoted = format!("«{item}»");
        if !out.contains(&quoted) {
            out.push(quoted);
        }
    }
    if out.len() > 12 {
        out.truncate(12);
        out.push("…".into());
    }
    out.joined(", ")
}

/// `7 giorni lavorativi`, `1 working day`, `10 giorni di calendario`.
pub(in crate::timeline) fn length(days: u32, unit: Unit, lang: Lang) -> String {
    let one = days == 1;
    let words = match (unit, lang, one) {
        (Unit::WorkingDays, Lang::It, true) => "giorno lavorativo",
        (Unit::WorkingDays, Lang::It, false) => "giorni lavorativi",
        (Unit::CalendarDays, Lang::It, true) => "giorno di calendario",
        (Unit::CalendarDays, Lang::It, false) => "giorni di calendario",
        (Unit::WorkingDays, Lang::En, true) => "working day",
        (Unit::WorkingDays, Lang::En, false) => "working days",
        (Unit::CalendarDays, Lang::En, true) => "calendar day",
        (Unit::CalendarDays, Lang::En, false) => "calendar days",
    };
    format!("{days} {words}")
}

/// Whether the office is closed on `d`, and why when the weekday does not say it: `" (Natale)"`
/// for a holiday, `""` for a Saturday or Sunday; `None` on a working day.
pub(in crate::timeline) fn closed_because(
    cal: &Calendar,
    d: NaiveDate,
    lang: Lang,
) -> Option<String> {
    match cal.day_kind(d).ok()? {
        DayKind::Working => None,
        DayKind::Saturday | DayKind::Sunday => Some(String::new()),
        DayKind::Holiday(h) => Some(format!(" ({})", h.name(lang))),
    }
}

/// How a working-day term from `from` ends on `date`: the start on a closed day and the
/// holidays not counted on weekdays in between.
pub(in crate::timeline) fn working_count(
    cal: &Calendar,
    from: NaiveDate,
    days: u32,
    date: NaiveDate,
    lang: Lang,
) -> String {
    let mut out = Text::WorkingCount { days, from }.render(lang);
    if let Some(why) = closed_because(cal, from, lang) {
        if let Ok(start) = cal.add_working_days(from, 0) {
            out.push_str(&Text::StartsOnClosedDay { why: &why, start }.render(lang));
        }
    }
    let skipped = holidays_between(cal, from, date, lang);
    if !skipped.is_empty() {
        out.push_str(&Text::NotCounted.render(lang));
        out.push_str(&skipped.joined(", "));
    }
    out.push('.');
    out
}

/// How a calendar-day term from `from` ends: its nominal day and, when the office is closed
/// then, the working day it moves to.
pub(in crate::timeline) fn calendar_count(
    cal: &Calendar,
    from: NaiveDate,
    days: u32,
    nominal: NaiveDate,
    due: NaiveDate,
    lang: Lang,
) -> String {
    let mut out = Text::CalendarCount {
        days,
        from,
        nominal,
    }
    .render(lang);
    if nominal != due {
        let why = closed_because(cal, nominal, lang).unwrap_or_default();
        out.push_str(&Text::MovesTo { why: &why, due }.render(lang));
    }
    out.push('.');
    out
}

/// The named holidays on weekdays after `from` up to `to`: the days that moved the date.
/// Bounded: a term is at most a few weeks, and the walk stops after a year.
fn holidays_between(cal: &Calendar, from: NaiveDate, to: NaiveDate, lang: Lang) -> Vec<String> {
    from.iter_days()
        .skip(1)
        .take_while(|d| *d <= to)
        .take(366)
        .filter(|d| !matches!(d.weekday(), Weekday::Sat | Weekday::Sun))
        .filter_map(|d| cal.holiday(d))
        .map(|h| format!("{} ({})", h.name(lang), dates::human(h.date, lang)))
        .collect()
}

/// What an escalation must carry, in the documents' words.
pub(in crate::timeline) fn requirement(r: Requirement, lang: Lang) -> &'static str {
    match (r, lang) {
        (Requirement::CodiceFiscale, Lang::It) => "il codice fiscale",
        (Requirement::CodiceFiscale, Lang::En) => "the codice fiscale",
        (Requirement::Matricola, Lang::It) => "la matricola aziendale",
        (Requirement::Matricola, Lang::En) => "the matricola aziendale",
        (Requirement::Riferimento, Lang::It) => {
            "gli estremi della comunicazione rimasta senza risposta"
        }
        (Requirement::Riferimento, Lang::En) => "the references of the unanswered communication",
        (Requirement::CopiaCassetti, Lang::It) => "la copia dei cassetti inevasi",
        (Requirement::CopiaCassetti, Lang::En) => "a copy of the unanswered cassetto messages",
    }
}

/// `a, b e c` / `a, b and c`.
pub(in crate::timeline) fn and_list(items: &[&str], lang: Lang) -> String {
    match items {
        [] => String::new(),
        [one] => (*one).to_string(),
        [init @ .., last] => format!("{} {} {last}", init.joined(", "), Text::And.render(lang)),
    }
}
