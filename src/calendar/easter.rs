//! Easter Sunday by the Gregorian computus.
//!
//! Easter Monday ("Lunedì dell'Angelo", L. 260/1949) is the only national holiday that moves,
//! and a few patron days are counted from it. The algorithm is the "anonymous Gregorian"
//! one published by Meeus (Astronomical Algorithms, ch. 8) after Jones (1876) and Butcher
//! (1877): integer arithmetic only, valid for every Gregorian year (from 1583). The tests
//! check it against a differently written method (Gauss with Lichtenberg's corrections) and
//! a table of known dates, so a slip in either shows.

use chrono::NaiveDate;

/// Easter Sunday of a Gregorian year (1583 and later), or `None` before the Gregorian
/// calendar or past chrono's range.
///
/// ```
/// use chrono::NaiveDate;
/// use instrada::calendar::easter_sunday;
/// assert_eq!(easter_sunday(2026), NaiveDate::from_ymd_opt(2026, 4, 5));
/// ```
pub fn easter_sunday(year: i32) -> Option<NaiveDate> {
    if year < 1583 {
        return None;
    }
    let a = year % 19; // place in the 19-year Metonic cycle
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3; // solar and lunar century corrections
    let h = (19 * a + b - d - g + 15) % 30; // epact: age of the moon
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7; // days to the next Sunday
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, month as u32, day as u32)
}

/// Easter Monday, the national holiday ("Lunedì dell'Angelo").
pub fn easter_monday(year: i32) -> Option<NaiveDate> {
    easter_sunday(year).and_then(|d| d.succ_opt())
}
