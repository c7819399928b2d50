//! The words of the calendar (`calendar.*`, `ics.*`): its findings, Italian and English side by
//! side, and the names a result shows (the calendar's label, a holiday's name, a patron day
//! in words). The rules report typed problems ([`CalendarError`], [`ArgProblem`],
//! [`IcsProblem`]); only this module writes sentences.

use chrono::{NaiveDate, Weekday};

use super::{CalendarError, Holiday, Patron, PatronRule, FIRST_YEAR, LAST_YEAR, MAX_DAYS};
use crate::dates::{self, clip, month_name};
use crate::field::{Field, FormField};
use crate::finding::{Finding, Lang, Source};

/// An argument of the calendar functions that cannot be used (the JavaScript API).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ArgProblem<'a> {
    /// `options.sede` names no known sede.
    UnknownSede { given: &'a str },
    /// `field` is not a whole number; `of` says what it counts.
    NotWholeNumber { field: &'a str, of: Whole },
    /// The year of `holidays()` is outside the calendar.
    YearOutOfRange,
    /// `days` of `termCalendarDays()` is negative.
    NegativeTerm,
}

/// What a whole-number argument counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Whole {
    Days,
    Year,
}

/// A problem of the input of `toIcs()`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IcsProblem {
    /// No input at all.
    NoInput,
    /// `stamp` is not a UTC date and time from 1970 on.
    Stamp,
    /// More events than the file holds (`max`); `given` were passed.
    TooManyEvents { given: usize, max: usize },
    /// Event `event` has no summary.
    NoSummary { event: usize },
    /// Event `event` has a summary or description over `max` characters.
    TextTooLong { event: usize, max: usize },
}

/// The finding of a [`CalendarError`] (without its field: [`CalendarError::finding`] adds it).
pub(super) fn calendar_error(e: &CalendarError, lang: Lang) -> Finding {
    let first = format!("01/01/{FIRST_YEAR}");
    let last = format!("31/12/{LAST_YEAR}");
    let (code, message) = match (*e, lang) {
        (CalendarError::DateOutOfRange(d), Lang::It) => ("calendar.out-of-range", format!("Il calendario dei giorni lavorativi va dal {first} al {last}: inserisci una data in questo intervallo al posto del {}.", dates::it(d))),
        (CalendarError::DateOutOfRange(d), Lang::En) => ("calendar.out-of-range", format!("The working-day calendar runs from {first} to {last}: enter a date in that range instead of {}.", dates::human(d, lang))),
        (CalendarError::ResultOutOfRange, Lang::It) => ("calendar.out-of-range", format!("Il risultato cadrebbe fuori dal calendario dei giorni lavorativi (dal {first} al {last}): usa un numero di giorni più piccolo.")),
        (CalendarError::ResultOutOfRange, Lang::En) => ("calendar.out-of-range", format!("The result would fall outside the working-day calendar ({first} to {last}): use a smaller number of days.")),
        (CalendarError::TooManyDays(n), Lang::It) => ("calendar.too-many-days", format!("Il numero di giorni deve essere compreso tra -{MAX_DAYS} e {MAX_DAYS}: hai indicato {n}.")),
        (CalendarError::TooManyDays(n), Lang::En) => ("calendar.too-many-days", format!("The number of days must be between -{MAX_DAYS} and {MAX_DAYS}: you gave {n}.")),
    };
    Finding::error(code, message)
}

/// The finding of an argument problem, marking the argument (or the form's sede).
pub fn arg(p: &ArgProblem, lang: Lang) -> Finding {
    use Lang::{En, It};
    let (code, message) = match (p, lang) {
        (ArgProblem::UnknownSede { given }, It) => ("calendar.unknown-sede", format!("«{}» non è una sede conosciuta: indica l'identificativo di una sede dell'elenco sedi(), per esempio «milano» o «torino-nord», oppure lascia vuoto per il calendario nazionale.", clip(given))),
        (ArgProblem::UnknownSede { given }, En) => ("calendar.unknown-sede", format!("“{}” is not a known sede: give the id of a sede listed by sedi(), for example “milano” or “torino-nord”, or leave it empty for the national calendar.", clip(given))),
        (ArgProblem::NotWholeNumber { field, of }, It) => ("calendar.not-a-whole-number", format!("«{field}» deve essere un numero intero: {}.", match of { Whole::Days => "il numero di giorni, per esempio 7", Whole::Year => "l'anno, per esempio 2026" })),
        (ArgProblem::NotWholeNumber { field, of }, En) => ("calendar.not-a-whole-number", format!("“{field}” must be a whole number: {}.", match of { Whole::Days => "the number of days, for example 7", Whole::Year => "the year, for example 2026" })),
        (ArgProblem::YearOutOfRange, It) => ("calendar.out-of-range", format!("Indica un anno tra il {FIRST_YEAR} e il {LAST_YEAR}: il calendario dei giorni lavorativi copre questi anni.")),
        (ArgProblem::YearOutOfRange, En) => ("calendar.out-of-range", format!("Give a year between {FIRST_YEAR} and {LAST_YEAR}: the working-day calendar covers those years.")),
        (ArgProblem::NegativeTerm, It) => ("calendar.negative-term", "«days» deve essere zero o un numero positivo di giorni di calendario, per esempio 10.".to_string()),
        (ArgProblem::NegativeTerm, En) => ("calendar.negative-term", "“days” must be zero or a positive number of calendar days, for example 10.".to_string()),
    };
    let finding = Finding::error(code, message);
    match p {
        ArgProblem::UnknownSede { .. } => finding.field(FormField::Sede),
        ArgProblem::NotWholeNumber { field, .. } => finding.field(Field::input(*field)),
        ArgProblem::YearOutOfRange => finding
            .field(Field::input("year"))
            .source(Source::new("L. 54/1977", "")),
        ArgProblem::NegativeTerm => finding.field(Field::input("days")),
    }
}

/// The finding of a problem of `toIcs()`'s input, marking the property concerned.
pub fn ics(p: IcsProblem, lang: Lang) -> Finding {
    use Lang::{En, It};
    let (code, message) = match (p, lang) {
        (IcsProblem::NoInput, It) => ("ics.no-input", "Passa un oggetto con «stamp» (data e ora UTC) ed «events» (le scadenze).".to_string()),
        (IcsProblem::NoInput, En) => ("ics.no-input", "Pass an object with “stamp” (UTC date and time) and “events” (the deadlines).".to_string()),
        (IcsProblem::Stamp, It) => ("ics.stamp", "Indica in «stamp» la data e l'ora UTC di creazione del file nel formato AAAA-MM-GGTHH:MM:SS (per esempio new Date().toISOString()).".to_string()),
        (IcsProblem::Stamp, En) => ("ics.stamp", "Give in “stamp” the UTC date and time the file is made, as YYYY-MM-DDTHH:MM:SS (for example new Date().toISOString()).".to_string()),
        (IcsProblem::TooManyEvents { given, max }, It) => ("ics.too-many-events", format!("Il file può contenere al massimo {max} scadenze: ne hai passate {given}.")),
        (IcsProblem::TooManyEvents { given, max }, En) => ("ics.too-many-events", format!("The file can hold at most {max} deadlines: you passed {given}.")),
        (IcsProblem::NoSummary { .. }, It) => ("ics.no-summary", "Scrivi il titolo della scadenza in «summary».".to_string()),
        (IcsProblem::NoSummary { .. }, En) => ("ics.no-summary", "Write the deadline's title in “summary”.".to_string()),
        (IcsProblem::TextTooLong { max, .. }, It) => ("ics.text-too-long", format!("Titolo e descrizione possono avere al massimo {max} caratteri ciascuno: accorciali.")),
        (IcsProblem::TextTooLong { max, .. }, En) => ("ics.text-too-long", format!("Title and description can have at most {max} characters each: shorten them.")),
    };
    let field = match p {
        IcsProblem::NoInput => Field::input("input"),
        IcsProblem::Stamp => Field::input("stamp"),
        IcsProblem::TooManyEvents { .. } => Field::input("events"),
        IcsProblem::NoSummary { event } => Field::input(format!("events[{event}].summary")),
        IcsProblem::TextTooLong { event, .. } => Field::input(format!("events[{event}]")),
    };
    Finding::error(code, message).field(field)
}

/// Which calendar this is, for a person: `Calendario nazionale` or `Calendario nazionale +
/// Sant'Ambrogio, patrono di Milano (7 dicembre)`.
pub(super) fn label(patron: Option<&Patron>, lang: Lang) -> String {
    let national = match lang {
        Lang::It => "Calendario nazionale",
        Lang::En => "National calendar",
    };
    match patron {
        None => national.to_string(),
        Some(p) => {
            let holiday = match lang {
                Lang::It => &p.holiday_it,
                Lang::En => &p.holiday_en,
            };
            format!("{national} + {holiday} ({})", patron_day(&p.rule, lang))
        }
    }
}

/// A patron saint's name in a language.
pub fn saint(p: &Patron, lang: Lang) -> &str {
    match lang {
        Lang::It => &p.saint,
        Lang::En => &p.saint_en,
    }
}

/// A holiday's name in a language.
pub(super) fn holiday_name(h: &Holiday, lang: Lang) -> &'static str {
    match lang {
        Lang::It => h.name_it,
        Lang::En => h.name_en,
    }
}

/// A patron day's rule in words: `7 dicembre`, `primo martedì di maggio`.
pub(super) fn patron_day(rule: &PatronRule, lang: Lang) -> String {
    match *rule {
        PatronRule::Fixed { month, day } => format!("{day} {}", month_name(month, lang)),
        PatronRule::Nth {
            month,
            weekday,
            nth,
            offset,
        } => {
            // Domenica is the only feminine day name: "la prima domenica", "il primo martedì".
            let feminine = weekday == Weekday::Sun;
            let (ordinal, article) = match (nth, lang, feminine) {
                (1, Lang::It, false) => ("primo", "il "),
                (2, Lang::It, false) => ("secondo", "il "),
                (3, Lang::It, false) => ("terzo", "il "),
                (4, Lang::It, false) => ("quarto", "il "),
                (_, Lang::It, false) => ("ultimo", "l'"),
                (1, Lang::It, true) => ("prima", "la "),
                (2, Lang::It, true) => ("seconda", "la "),
                (3, Lang::It, true) => ("terza", "la "),
                (4, Lang::It, true) => ("quarta", "la "),
                (_, Lang::It, true) => ("ultima", "l'"),
                (1, Lang::En, _) => ("first", "the "),
                (2, Lang::En, _) => ("second", "the "),
                (3, Lang::En, _) => ("third", "the "),
                (4, Lang::En, _) => ("fourth", "the "),
                (_, Lang::En, _) => ("last", "the "),
            };
            let day = weekday_name(weekday, lang);
            let month = month_name(month, lang);
            let counted = match lang {
                Lang::It => format!("{ordinal} {day} di {month}"),
                Lang::En => format!("{ordinal} {day} of {month}"),
            };
            match (offset, lang) {
                (0, _) => counted,
                (1, Lang::It) => format!("il giorno dopo {article}{counted}"),
                (1, Lang::En) => format!("the day after {article}{counted}"),
                (n, Lang::It) => format!("{n} giorni dopo {article}{counted}"),
                (n, Lang::En) => format!("{n} days after {article}{counted}"),
            }
        }
    }
}

fn weekday_name(weekday: Weekday, lang: Lang) -> &'static str {
    const IT: [&str; 7] = [
        "lunedì",
        "martedì",
        "mercoledì",
        "giovedì",
        "venerdì",
        "sabato",
        "domenica",
    ];
    const EN: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    lang.pick(&IT, &EN)[weekday.num_days_from_monday() as usize]
}

/// One finding of every code the calendar functions give (`calendar.*`, `date.*`, `ics.*`),
/// with realistic data, for the list of findings (`docs/findings.md`).
pub fn examples(lang: Lang) -> Vec<Finding> {
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
    vec![
        CalendarError::DateOutOfRange(day(1975, 3, 1)).finding(Field::input("date"), lang),
        CalendarError::TooManyDays(20_000).finding(Field::input("n"), lang),
        arg(&ArgProblem::UnknownSede { given: "atlantide" }, lang),
        arg(
            &ArgProblem::NotWholeNumber {
                field: "n",
                of: Whole::Days,
            },
            lang,
        ),
        arg(&ArgProblem::NegativeTerm, lang),
        dates::parse_date("31/02/2026", Field::input("date"), lang)
            .err()
            .unwrap_or_else(|| Finding::error("date.invalid", "")),
        ics(IcsProblem::NoInput, lang),
        ics(IcsProblem::Stamp, lang),
        ics(
            IcsProblem::TooManyEvents {
                given: 501,
                max: 500,
            },
            lang,
        ),
        ics(IcsProblem::NoSummary { event: 0 }, lang),
        ics(
            IcsProblem::TextTooLong {
                event: 0,
                max: 4000,
            },
            lang,
        ),
    ]
}
