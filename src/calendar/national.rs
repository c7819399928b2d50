//! The national public holidays, as data: each rule says when the day falls, the years in
//! which it applied, its Italian and English names, and the law that set it.
//!
//! The history that matters from 1978 on (the calendar of L. 5/3/1977 n. 54):
//! - L. 54/1977 removed Epifania, San Giuseppe (19 March), Ascensione, Corpus Domini and
//!   Santi Pietro e Paolo (29 June), and moved the Festa della Repubblica to the first Sunday
//!   of June and the Festa dell'Unità nazionale (4 November) to the first Sunday of November.
//! - DPR 28/12/1985 n. 792 restored Epifania from 1986 (and kept 29 June for Roma only: a
//!   local closure, see `local`).
//! - L. 20/11/2000 n. 336 brought the Festa della Repubblica back to 2 June from 2001.
//! - D.L. 22/2/2011 n. 5, converted by L. 21/4/2011 n. 47, made 17 March 2011, the 150th
//!   anniversary of the unification of Italy, a national holiday for that year only (a
//!   one-off day: `from` and `until` are both 2011).
//! - L. 8/10/2025 n. 151 made 4 October (San Francesco d'Assisi) a national holiday again
//!   from 2026.
//! - 4 November stays a day without civil effects (L. 1/3/2024 n. 27): not a holiday. Its
//!   first-Sunday celebration was never a holiday either, so it is not listed.
//!
//! Every Sunday is a holiday too (L. 260/1949, art. 2); Sundays are not listed by name.

use chrono::{Datelike, NaiveDate, Weekday};

use super::easter::easter_monday;

/// When a national holiday falls in a given year.
#[derive(Clone, Copy, Debug)]
pub(crate) enum When {
    /// The same day every year.
    Fixed { month: u32, day: u32 },
    /// The day after Easter Sunday.
    EasterMonday,
    /// The first Sunday of June (Festa della Repubblica 1977–2000).
    FirstSundayOfJune,
}

/// One national holiday and the years in which it applied.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Rule {
    pub when: When,
    /// First year (inclusive) in which the rule applies.
    pub from: i32,
    /// Last year (inclusive) in which the rule applies.
    pub until: i32,
    pub name_it: &'static str,
    pub name_en: &'static str,
    pub source: &'static str,
}

const ALWAYS: i32 = i32::MAX;

const fn fixed(month: u32, day: u32) -> When {
    When::Fixed { month, day }
}

/// The rules in calendar order. Years before 1978 are given where the law is certain; the
/// calendar is only promised (and tested) from 1978.
pub(crate) const RULES: &[Rule] = &[
    Rule {
        when: fixed(1, 1),
        from: 1949,
        until: ALWAYS,
        name_it: "Capodanno",
        name_en: "New Year's Day",
        source: "L. 260/1949",
    },
    Rule {
        when: fixed(1, 6),
        from: 1949,
        until: 1976,
        name_it: "Epifania",
        name_en: "Epiphany",
        source: "L. 260/1949",
    },
    Rule {
        when: fixed(1, 6),
        from: 1986,
        until: ALWAYS,
        name_it: "Epifania",
        name_en: "Epiphany",
        source: "DPR 792/1985",
    },
    Rule {
        when: When::EasterMonday,
        from: 1949,
        until: ALWAYS,
        name_it: "Lunedì dell'Angelo",
        name_en: "Easter Monday",
        source: "L. 260/1949",
    },
    Rule {
        when: fixed(3, 17),
        from: 2011,
        until: 2011,
        name_it: "150° anniversario dell'Unità d'Italia",
        name_en: "150th anniversary of the unification of Italy",
        source: "D.L. 5/2011, L. 47/2011",
    },
    Rule {
        when: fixed(4, 25),
        from: 1949,
        until: ALWAYS,
        name_it: "Festa della Liberazione",
        name_en: "Liberation Day",
        source: "L. 260/1949",
    },
    Rule {
        when: fixed(5, 1),
        from: 1949,
        until: ALWAYS,
        name_it: "Festa del Lavoro",
        name_en: "Labour Day",
        source: "L. 260/1949",
    },
    Rule {
        when: fixed(6, 2),
        from: 1949,
        until: 1976,
        name_it: "Festa della Repubblica",
        name_en: "Republic Day",
        source: "L. 260/1949",
    },
    Rule {
        when: When::FirstSundayOfJune,
        from: 1977,
        until: 2000,
        name_it: "Festa della Repubblica (prima domenica di giugno)",
        name_en: "Republic Day (first Sunday of June)",
        source: "L. 54/1977",
    },
    Rule {
        when: fixed(6, 2),
        from: 2001,
        until: ALWAYS,
        name_it: "Festa della Repubblica",
        name_en: "Republic Day",
        source: "L. 336/2000",
    },
    Rule {
        when: fixed(8, 15),
        from: 1949,
        until: ALWAYS,
        name_it: "Assunzione di Maria (Ferragosto)",
        name_en: "Assumption Day (Ferragosto)",
        source: "L. 260/1949",
    },
    Rule {
        when: fixed(10, 4),
        from: 2026,
        until: ALWAYS,
        name_it: "San Francesco d'Assisi",
        name_en: "Saint Francis of Assisi",
        source: "L. 151/2025",
    },
    Rule {
        when: fixed(11, 1),
        from: 1949,
        until: ALWAYS,
        name_it: "Ognissanti",
        name_en: "All Saints' Day",
        source: "L. 260/1949",
    },
    Rule {
        when: fixed(12, 8),
        from: 1949,
        until: ALWAYS,
        name_it: "Immacolata Concezione",
        name_en: "Immaculate Conception",
        source: "L. 260/1949",
    },
    Rule {
        when: fixed(12, 25),
        from: 1949,
        until: ALWAYS,
        name_it: "Natale",
        name_en: "Christmas Day",
        source: "L. 260/1949",
    },
    Rule {
        when: fixed(12, 26),
        from: 1949,
        until: ALWAYS,
        name_it: "Santo Stefano",
        name_en: "Saint Stephen's Day",
        source: "L. 260/1949",
    },
];

impl Rule {
    /// The day this rule gives in `year`, if it applies that year.
    pub(crate) fn date(&self, year: i32) -> Option<NaiveDate> {
        if year < self.from || year > self.until {
            return None;
        }
        match self.when {
            When::Fixed { month, day } => NaiveDate::from_ymd_opt(year, month, day),
            When::EasterMonday => easter_monday(year),
            When::FirstSundayOfJune => {
                NaiveDate::from_weekday_of_month_opt(year, 6, Weekday::Sun, 1)
            }
        }
    }

    /// Whether this rule makes `date` a holiday. Cheap for fixed days (no date is built).
    pub(crate) fn matches(&self, date: NaiveDate) -> bool {
        match self.when {
            When::Fixed { month, day } => {
                date.month() == month
                    && date.day() == day
                    && (self.from..=self.until).contains(&date.year())
            }
            _ => self.date(date.year()) == Some(date),
        }
    }
}
