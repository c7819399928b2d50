//! Working-day arithmetic over the per-year tables of a [`Calendar`]. The conventions are
//! stated once in the parent module's documentation; each function here says which one it
//! implements.
//!
//! The walk is a bit test per day over a precomputed table: no allocation, no date
//! arithmetic per step, which keeps `add_working_days(date, 20)` well under a microsecond.

use chrono::{Datelike, Days, NaiveDate};

use super::{check_date, Calendar, CalendarError, YearMask, FIRST_YEAR, LAST_YEAR, MAX_DAYS};

/// Whether day `ordinal0` (0-based day of the year) is closed in `mask`.
pub(crate) fn closed(mask: &YearMask, ordinal0: u32) -> bool {
    let i = ordinal0 as usize;
    mask.get(i / 64).is_some_and(|w| w & (1 << (i % 64)) != 0)
}

fn days_in_year(year: i32) -> u32 {
    if NaiveDate::from_ymd_opt(year, 2, 29).is_some() {
        366
    } else {
        365
    }
}

/// A calendar-day term: where it ends nominally and when it is due once moved off a closed
/// day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Term {
    /// The event's date plus the number of calendar days.
    pub nominal: NaiveDate,
    /// `nominal`, or the next working day when the office is closed on `nominal`.
    pub due: NaiveDate,
}

impl Term {
    /// Whether the term was moved off a closed day.
    pub fn moved(&self) -> bool {
        self.nominal != self.due
    }
}

impl Calendar {
    /// "Entro `n` giorni lavorativi" from `date`: the `n`-th working day after `date` (the
    /// event's day is not counted; on a closed day the count starts with the next working
    /// day, which is day 1). `n = 0` gives `date` itself when it is a working day, or else the
    /// next working day: the day the office receives what was sent. A negative `n` counts
    /// backwards: the `|n|`-th working day before `date`.
    ///
    /// Fails for a date outside 1978–2200, for `|n|` over [`MAX_DAYS`], and when the answer
    /// would leave the covered years.
    pub fn add_working_days(&self, date: NaiveDate, n: i32) -> Result<NaiveDate, CalendarError> {
        check_date(date)?;
        if i64::from(n).abs() > MAX_DAYS {
            return Err(CalendarError::TooManyDays(i64::from(n)));
        }
        let masks = self.masks();
        let mut year = date.year();
        let mut mask = mask_of(masks, year)?;
        let mut day = date.ordinal0();
        let mut len = days_in_year(year);
        if n == 0 {
            // Roll forward to a working day (no-op when `date` is one).
            while closed(mask, day) {
                step_forward(masks, &mut year, &mut mask, &mut day, &mut len)?;
            }
            return from_ordinal(year, day);
        }
        if n > 0 {
            return nth_open_after(masks, year, day, n.unsigned_abs());
        }
        let mut remaining = n.unsigned_abs();
        while remaining > 0 {
            step_back(masks, &mut year, &mut mask, &mut day)?;
            if !closed(mask, day) {
                remaining -= 1;
            }
        }
        from_ordinal(year, day)
    }

    /// The first working day after `date` (a call-back "entro la successiva giornata
    /// lavorativa"): `add_working_days(date, 1)`.
    pub fn next_working_day(&self, date: NaiveDate) -> Result<NaiveDate, CalendarError> {
        self.add_working_days(date, 1)
    }

    /// The working days after `from` up to and including `to`; negative when `to` is before
    /// `from` (then: after `to` up to and including `from`, with a minus sign). The inverse
    /// of [`Calendar::add_working_days`] for a working day `to`.
    pub fn working_days_between(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<i32, CalendarError> {
        check_date(from)?;
        check_date(to)?;
        if to < from {
            return self.working_days_between(to, from).map(|n| -n);
        }
        let masks = self.masks();
        let mut count = 0i32;
        // Whole years between are counted with popcounts; the ends are walked.
        for year in from.year()..=to.year() {
            let mask = mask_of(masks, year)?;
            let first = if year == from.year() {
                from.ordinal0() + 1
            } else {
                0
            };
            let last = if year == to.year() {
                to.ordinal0()
            } else {
                days_in_year(year) - 1
            };
            if first > last {
                continue;
            }
            if first == 0 && last == days_in_year(year) - 1 {
                // The bits past the year's end are set (closed): 384 bits in all.
                let closed_days: u32 = mask.iter().map(|w| w.count_ones()).sum();
                count += (384 - closed_days) as i32;
            } else {
                count += (first..=last).filter(|&d| !closed(mask, d)).count() as i32;
            }
        }
        Ok(count)
    }

    /// A term of `days` calendar days from `date` ("entro 10 giorni", "entro quattro
    /// giorni"): the event's day is not counted, and a term that ends on a day the office
    /// is closed (Saturday, Sunday, holiday, patron day) is due on the next working day.
    pub fn term_calendar_days(&self, date: NaiveDate, days: u32) -> Result<Term, CalendarError> {
        check_date(date)?;
        if i64::from(days) > MAX_DAYS {
            return Err(CalendarError::TooManyDays(i64::from(days)));
        }
        let nominal = date
            .checked_add_days(Days::new(u64::from(days)))
            .ok_or(CalendarError::ResultOutOfRange)?;
        if nominal.year() > LAST_YEAR {
            return Err(CalendarError::ResultOutOfRange);
        }
        let due = self
            .add_working_days(nominal, 0)
            .map_err(|_| CalendarError::ResultOutOfRange)?;
        Ok(Term { nominal, due })
    }
}

/// The `n`-th working day (n ≥ 1) strictly after day `day` of `year`, a 64-day word at a
/// time: whole words are skipped with a popcount, and the answer is picked inside its word.
fn nth_open_after(
    masks: &'static [YearMask],
    mut year: i32,
    day: u32,
    n: u32,
) -> Result<NaiveDate, CalendarError> {
    let mut remaining = n;
    let mut mask = mask_of(masks, year)?;
    let mut word = (day / 64) as usize;
    // Open days of the first word, after `day` only.
    let after = day % 64;
    let mut open = !mask.get(word).copied().unwrap_or(u64::MAX)
        & if after == 63 {
            0
        } else {
            u64::MAX << (after + 1)
        };
    loop {
        let count = open.count_ones();
        if count >= remaining {
            // Drop the lowest `remaining - 1` open days; the next one is the answer.
            for _ in 1..remaining {
                open &= open - 1;
            }
            let ordinal0 = word as u32 * 64 + open.trailing_zeros();
            return from_ordinal(year, ordinal0);
        }
        remaining -= count;
        word += 1;
        if word == mask.len() {
            year += 1;
            mask = mask_of(masks, year)?;
            word = 0;
        }
        open = !mask.get(word).copied().unwrap_or(u64::MAX);
    }
}

fn mask_of(masks: &'static [YearMask], year: i32) -> Result<&'static YearMask, CalendarError> {
    usize::try_from(year - FIRST_YEAR)
        .ok()
        .and_then(|i| masks.get(i))
        .ok_or(CalendarError::ResultOutOfRange)
}

fn step_forward(
    masks: &'static [YearMask],
    year: &mut i32,
    mask: &mut &'static YearMask,
    day: &mut u32,
    len: &mut u32,
) -> Result<(), CalendarError> {
    *day += 1;
    if *day >= *len {
        *year += 1;
        *mask = mask_of(masks, *year)?;
        *day = 0;
        *len = days_in_year(*year);
    }
    Ok(())
}

fn step_back(
    masks: &'static [YearMask],
    year: &mut i32,
    mask: &mut &'static YearMask,
    day: &mut u32,
) -> Result<(), CalendarError> {
    if *day == 0 {
        *year -= 1;
        *mask = mask_of(masks, *year)?;
        *day = days_in_year(*year) - 1;
    } else {
        *day -= 1;
    }
    Ok(())
}

fn from_ordinal(year: i32, ordinal0: u32) -> Result<NaiveDate, CalendarError> {
    NaiveDate::from_yo_opt(year, ordinal0 + 1).ok_or(CalendarError::ResultOutOfRange)
}
