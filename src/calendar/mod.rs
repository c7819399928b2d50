//! The Italian working-day calendar and the arithmetic of "entro N giorni lavorativi".
//!
//! A [`Calendar`] is the national calendar ([`Calendar::national`]) or a sede's calendar
//! ([`Calendar::for_sede`]): national public holidays plus the patron saint's day of the
//! comune where the office is. Offices work Monday to Friday; a **working day** is a Monday
//! to Friday that is not a holiday of the calendar.
//!
//! The calendar covers **1978 to 2200** (from the calendar of L. 54/1977; see `national` for
//! the history of each holiday). A date outside that range is a [`CalendarError`], never a
//! silent guess.
//!
//! # The counting conventions (each written once, in `working.rs`)
//!
//! - **"Entro N giorni lavorativi"** ([`Calendar::add_working_days`]): the day of the event is
//!   not counted (art. 2963 c.c., art. 155 c.p.c.); the deadline is the N-th working day
//!   *after* the event. An event on a Saturday, Sunday or holiday therefore starts the count
//!   on the next working day, which is day 1 (not day 0: numpy's default `roll='forward'` and
//!   the `bdays` crate land one day late there).
//! - **Subtracting** (negative N) counts the same way backwards.
//! - **Counting** ([`Calendar::working_days_between`]): working days after `from` up to and
//!   including `to`, so that `add_working_days(from, working_days_between(from, to)) == to`
//!   whenever `to` is a working day after `from`.
//! - **A term in calendar days** ([`Calendar::term_calendar_days`]) that ends on a day when
//!   the office is closed (Saturday, Sunday, holiday, patron day) moves to the next working
//!   day. The civil rules move terms that end on a holiday (art. 2963 c.c., art. 155 c.p.c.),
//!   and art. 155 c.p.c. (as amended by L. 263/2005) treats Saturday the same way; the
//!   protocols count the offices' working days, which excludes Saturday too.
//!
//! ```
//! use chrono::NaiveDate;
//! use instrada::calendar::Calendar;
//!
//! let milano = Calendar::for_sede("milano").unwrap();
//! // A request sent on Friday 4 December 2026: 7 working days, skipping Sant'Ambrogio
//! // (Monday 7) and the Immacolata (Tuesday 8).
//! let sent = NaiveDate::from_ymd_opt(2026, 12, 4).unwrap();
//! assert_eq!(milano.add_working_days(sent, 7), Ok(NaiveDate::from_ymd_opt(2026, 12, 17).unwrap()));
//! // The national calendar keeps 7 December as a working day.
//! assert_eq!(Calendar::national().add_working_days(sent, 7), Ok(NaiveDate::from_ymd_opt(2026, 12, 16).unwrap()));
//! ```

mod easter;
pub mod local;
pub mod messages;
mod national;
mod working;

use std::sync::OnceLock;

use chrono::{Datelike, NaiveDate, Weekday};

use crate::finding::{Finding, Lang, Source};

pub use easter::{easter_monday, easter_sunday};
pub use local::{Patron, PatronRule, Sede};
pub use messages::{ArgProblem, IcsProblem, Whole};
pub use working::Term;

/// First year the calendar covers (the calendar of L. 54/1977 in force).
pub const FIRST_YEAR: i32 = 1978;
/// Last year the calendar covers.
pub const LAST_YEAR: i32 = 2200;
/// The largest number of days accepted by the arithmetic (about 40 years of working days):
/// larger counts are refused early instead of walking the calendar.
pub const MAX_DAYS: i64 = 10_000;

/// One bit per day of the year (ordinal 0–365): set when the office is closed (Saturday,
/// Sunday, holiday). Six words hold a leap year; the bits past the year's end are set.
pub(crate) type YearMask = [u64; 6];

/// Whether a holiday is the same everywhere in Italy or closes only the offices of one
/// comune.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Scope {
    /// A national public holiday.
    National,
    /// A local closure: the patron saint's day of the comune (and Roma's 29 June).
    Local,
}

/// A holiday of a calendar, with its Italian name, its English name and its legal source.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Holiday {
    /// The day.
    pub date: NaiveDate,
    /// Italian name (`Lunedì dell'Angelo`, `Sant'Ambrogio, patrono di Milano`).
    pub name_it: &'static str,
    /// English name.
    pub name_en: &'static str,
    /// National or local.
    pub scope: Scope,
    /// The law or the local rule that makes it a holiday (`L. 151/2025`).
    pub source: &'static str,
}

impl Holiday {
    /// The name in a language.
    pub fn name(&self, lang: Lang) -> &'static str {
        messages::holiday_name(self, lang)
    }
}

/// What kind of day a date is for an office.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DayKind {
    /// Monday to Friday, not a holiday: the office works.
    Working,
    /// A Saturday that is not a holiday.
    Saturday,
    /// A Sunday that is not a named holiday.
    Sunday,
    /// A named holiday (on any day of the week).
    Holiday(Holiday),
}

/// Why a date computation has no answer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CalendarError {
    /// The date given is outside the years the calendar covers (1978–2200).
    DateOutOfRange(NaiveDate),
    /// The answer would fall outside the years the calendar covers.
    ResultOutOfRange,
    /// The number of days is larger than [`MAX_DAYS`] in absolute value.
    TooManyDays(i64),
}

impl CalendarError {
    /// The finding that tells a person what to do. `field` names the form field or argument
    /// (`data-invio`, `n`).
    pub fn finding(&self, field: impl Into<crate::field::Field>, lang: Lang) -> Finding {
        messages::calendar_error(self, lang)
            .field(field)
            .source(Source::new("L. 54/1977", ""))
    }
}

/// A working-day calendar: national, or national plus a sede's patron day. Cheap to copy;
/// the per-year tables behind it are built once, at first use.
#[derive(Clone, Copy, Debug)]
pub struct Calendar {
    local: Option<(&'static Sede, &'static Patron)>,
}

impl PartialEq for Calendar {
    fn eq(&self, other: &Calendar) -> bool {
        self.sede_id() == other.sede_id()
    }
}

impl Eq for Calendar {}

impl Default for Calendar {
    fn default() -> Calendar {
        Calendar::national()
    }
}

impl Calendar {
    /// The national calendar: Monday to Friday minus the national holidays.
    pub fn national() -> Calendar {
        Calendar { local: None }
    }

    /// The calendar of a sede: national holidays plus the patron day of the comune where the
    /// office is. `id` is the sede's id (`milano-nord`) or its name (`Milano Nord`, `Forlì`);
    /// `None` when no sede has it (see [`sedi`]).
    pub fn for_sede(id: &str) -> Option<Calendar> {
        local::registry()
            .find(id)
            .map(|found| Calendar { local: Some(found) })
    }

    /// The sede, for a sede's calendar.
    pub fn sede(&self) -> Option<&'static Sede> {
        self.local.map(|(s, _)| s)
    }

    /// The patron whose day this calendar adds, for a sede's calendar.
    pub fn patron(&self) -> Option<&'static Patron> {
        self.local.map(|(_, p)| p)
    }

    /// The sede's id, or `None` for the national calendar.
    pub fn sede_id(&self) -> Option<&'static str> {
        self.sede().map(|s| s.id.as_str())
    }

    /// Which calendar this is, for a person: every computed date must say it.
    /// `Calendario nazionale` or `Calendario nazionale + Sant'Ambrogio, patrono di Milano (7 dicembre)`.
    pub fn label(&self, lang: Lang) -> String {
        messages::label(self.local.map(|(_, p)| p), lang)
    }

    /// The holidays of a year, sorted by date: the national ones, then (for a sede) the
    /// patron day. A patron day on a national holiday (Biella and Prato on 26 December,
    /// Bologna and Massa on 4 October from 2026) is listed as well, after the national one.
    /// Sundays are holidays too but are not listed by name.
    pub fn holidays(&self, year: i32) -> Vec<Holiday> {
        // A loop, not filter_map + collect: one copy less of the adapters in the module
        // (issue 15).
        let mut out: Vec<Holiday> = Vec::new();
        for r in national::RULES {
            if let Some(date) = r.date(year) {
                out.push(Holiday {
                    date,
                    name_it: r.name_it,
                    name_en: r.name_en,
                    scope: Scope::National,
                    source: r.source,
                });
            }
        }
        if let Some(h) = self.local_holiday(year) {
            out.push(h);
        }
        // Stable: the national holiday stays first on a shared day. An insertion sort: a year
        // has a dozen holidays, and core's stable sort adds about 3 KB of wasm per type.
        for i in 1..out.len() {
            let mut j = i;
            while j > 0 && out.get(j - 1).map(|h| h.date) > out.get(j).map(|h| h.date) {
                out.swap(j - 1, j);
                j -= 1;
            }
        }
        out
    }

    /// The named holiday on a day, if any (the national one when a patron day coincides).
    pub fn holiday(&self, date: NaiveDate) -> Option<Holiday> {
        national::RULES
            .iter()
            .find(|r| r.matches(date))
            .map(|r| Holiday {
                date,
                name_it: r.name_it,
                name_en: r.name_en,
                scope: Scope::National,
                source: r.source,
            })
            .or_else(|| self.local_holiday(date.year()).filter(|h| h.date == date))
    }

    fn local_holiday(&self, year: i32) -> Option<Holiday> {
        let (_, p) = self.local?;
        Some(Holiday {
            date: p.date(year)?,
            name_it: &p.holiday_it,
            name_en: &p.holiday_en,
            scope: Scope::Local,
            source: &p.source,
        })
    }

    /// What kind of day `date` is.
    pub fn day_kind(&self, date: NaiveDate) -> Result<DayKind, CalendarError> {
        check_date(date)?;
        Ok(match (self.holiday(date), date.weekday()) {
            (Some(h), _) => DayKind::Holiday(h),
            (None, Weekday::Sat) => DayKind::Saturday,
            (None, Weekday::Sun) => DayKind::Sunday,
            (None, _) => DayKind::Working,
        })
    }

    /// Whether the office works on `date` (Monday to Friday, not a holiday).
    pub fn is_working_day(&self, date: NaiveDate) -> Result<bool, CalendarError> {
        check_date(date)?;
        Ok(!working::closed(
            self.year_mask(date.year()),
            date.ordinal0(),
        ))
    }

    /// The per-year non-working-day table of this calendar.
    pub(crate) fn masks(&self) -> &'static [YearMask] {
        match self.local {
            None => national_masks(),
            Some((_, p)) => p.masks.get_or_init(|| build_masks(Some(p))),
        }
    }

    /// The non-working days of `year` (all days closed outside the covered range, which
    /// callers check first).
    pub(crate) fn year_mask(&self, year: i32) -> &'static YearMask {
        const CLOSED: YearMask = [u64::MAX; 6];
        usize::try_from(year - FIRST_YEAR)
            .ok()
            .and_then(|i| self.masks().get(i))
            .unwrap_or(&CLOSED)
    }
}

/// The national holidays of a year (see [`Calendar::holidays`]).
pub fn holidays(year: i32) -> Vec<Holiday> {
    Calendar::national().holidays(year)
}

/// Every known sede with its patron, in the data's order.
pub fn sedi() -> impl Iterator<Item = (&'static Sede, &'static Patron)> {
    local::registry().sedi()
}

/// Whether a date is inside the covered years.
pub(crate) fn check_date(date: NaiveDate) -> Result<(), CalendarError> {
    if (FIRST_YEAR..=LAST_YEAR).contains(&date.year()) {
        Ok(())
    } else {
        Err(CalendarError::DateOutOfRange(date))
    }
}

fn national_masks() -> &'static [YearMask] {
    static NATIONAL: OnceLock<Vec<YearMask>> = OnceLock::new();
    NATIONAL.get_or_init(|| build_masks(None))
}

fn build_masks(patron: Option<&Patron>) -> Vec<YearMask> {
    // A loop, not map + collect: one copy less of the adapters in the module (issue 15).
    let mut masks = Vec::new();
    for year in FIRST_YEAR..=LAST_YEAR {
        masks.push({
            let mut mask = [0u64; 6];
            let mut set = |d: NaiveDate| {
                let i = d.ordinal0() as usize;
                if let Some(word) = mask.get_mut(i / 64) {
                    *word |= 1 << (i % 64);
                }
            };
            // Weekends: walk from the first Saturday of the year in steps of 7.
            if let Some(jan1) = NaiveDate::from_ymd_opt(year, 1, 1) {
                let to_saturday = (5 + 7 - jan1.weekday().num_days_from_monday()) % 7;
                let mut d = jan1 + chrono::Days::new(u64::from(to_saturday));
                while d.year() == year {
                    set(d);
                    if let Some(sunday) = d.succ_opt().filter(|s| s.year() == year) {
                        set(sunday);
                    }
                    d = d + chrono::Days::new(7);
                }
            }
            for rule in national::RULES {
                if let Some(d) = rule.date(year) {
                    set(d);
                }
            }
            if let Some(d) = patron.and_then(|p| p.date(year)) {
                set(d);
            }
            // The bits past the year's end (365 or 366 to 383) are closed days too, so
            // that the word-at-a-time walk never counts them.
            let len = if NaiveDate::from_ymd_opt(year, 2, 29).is_some() {
                366
            } else {
                365
            };
            for i in len..384 {
                if let Some(word) = mask.get_mut(i / 64) {
                    *word |= 1 << (i % 64);
                }
            }
            mask
        });
    }
    masks
}
