//! Reading and writing dates. The core never reads the clock: "today" is always a parameter.
//!
//! Dates and times are read and written by hand ([`date_from`], [`time_from`], [`iso`],
//! [`hm`], …) rather than with chrono's `parse_from_str` and `format`: chrono's strftime
//! machinery weighs 10 to 13 KB gzip in the wasm (measured), for a few fixed formats. chrono
//! stays for the calendar arithmetic. [`scan`] reads exactly what `parse_from_str` reads
//! with the same formats (the tests compare them).

use chrono::{Datelike, NaiveDate, NaiveDateTime, NaiveTime, Timelike};

use crate::finding::{Finding, Lang};

pub mod messages;

use messages::DateProblem;
pub use messages::{human, month_name};

/// The years a date argument may have (the calendar itself covers 1978–2200).
pub const YEARS: std::ops::RangeInclusive<i32> = 1800..=2200;

/// Reads a date written `YYYY-MM-DD` (the form of `<input type="date">`), or `DD/MM/YYYY`
/// as Italians write it. Anything else, or a date that does not exist, is a finding that says
/// which form is expected.
pub fn parse_date(
    input: &str,
    field: impl Into<crate::field::Field>,
    lang: Lang,
) -> Result<NaiveDate, Finding> {
    let s = input.trim();
    let parsed = if s.len() > 10 {
        None
    } else if s.as_bytes().get(4) == Some(&b'-') {
        date_from(s, "%Y-%m-%d")
    } else {
        date_from(s, "%d/%m/%Y")
    };
    match parsed {
        Some(d) if YEARS.contains(&d.year()) => Ok(d),
        _ => Err(DateProblem::Invalid { given: s }.finding(field, lang)),
    }
}

/// The numbers of `s` read with `format` as chrono's `parse_from_str` reads them, for the
/// fields `%Y %m %d %H %M %S` and literal characters: a number may follow whitespace, a
/// year has one to four digits (any number of them after a `+` or `-`), the other fields
/// one or two, and nothing may follow the format. Returns year, month, day, hour, minute and
/// second (0 when the format lacks the field); `None` when `s` does not fit `format`.
pub fn scan(s: &str, format: &str) -> Option<[i64; 6]> {
    let mut out = [0i64; 6];
    let mut s = s;
    let mut f = format.chars();
    while let Some(c) = f.next() {
        if c != '%' {
            s = s.strip_prefix(c)?;
            continue;
        }
        let field = match f.next()? {
            'Y' => 0,
            'm' => 1,
            'd' => 2,
            'H' => 3,
            'M' => 4,
            'S' => 5,
            _ => return None,
        };
        s = s.trim_start();
        let (sign, rest, max) = match (field, s.as_bytes().first()) {
            (0, Some(b'-')) => (-1, s.get(1..)?, usize::MAX),
            (0, Some(b'+')) => (1, s.get(1..)?, usize::MAX),
            (0, _) => (1, s, 4),
            _ => (1, s, 2),
        };
        let len = rest
            .bytes()
            .take(max)
            .take_while(u8::is_ascii_digit)
            .count();
        if len == 0 {
            return None;
        }
        let (digits, tail) = rest.split_at(len);
        let n = digits.bytes().try_fold(0i64, |n, b| {
            n.checked_mul(10)?.checked_add(i64::from(b - b'0'))
        })?;
        *out.get_mut(field)? = sign * n;
        s = tail;
    }
    s.is_empty().then_some(out)
}

/// The date `s` holds in `format` (see [`scan`]), if it exists.
pub fn date_from(s: &str, format: &str) -> Option<NaiveDate> {
    let [y, m, d, ..] = scan(s, format)?;
    NaiveDate::from_ymd_opt(
        i32::try_from(y).ok()?,
        u32::try_from(m).ok()?,
        u32::try_from(d).ok()?,
    )
}

/// The date and time `s` holds in `format` (see [`scan`]), if they exist. Second 60 is a
/// leap second, as chrono reads it.
pub fn datetime_from(s: &str, format: &str) -> Option<NaiveDateTime> {
    let [y, m, d, hh, mm, ss] = scan(s, format)?;
    let date = NaiveDate::from_ymd_opt(
        i32::try_from(y).ok()?,
        u32::try_from(m).ok()?,
        u32::try_from(d).ok()?,
    )?;
    Some(date.and_time(time(hh, mm, ss)?))
}

/// The time of day `s` holds in `format` (see [`scan`]; e.g. `"%H:%M"`), if it exists.
/// Second 60 is a leap second, as chrono reads it.
pub fn time_from(s: &str, format: &str) -> Option<NaiveTime> {
    let [.., hh, mm, ss] = scan(s, format)?;
    time(hh, mm, ss)
}

fn time(hh: i64, mm: i64, ss: i64) -> Option<NaiveTime> {
    let (hh, mm, ss) = (
        u32::try_from(hh).ok()?,
        u32::try_from(mm).ok()?,
        u32::try_from(ss).ok()?,
    );
    if ss == 60 {
        NaiveTime::from_hms_nano_opt(hh, mm, 59, 1_000_000_000)
    } else {
        NaiveTime::from_hms_opt(hh, mm, ss)
    }
}

/// Appends `n` in at least `width` digits (the numbers of dates and times), by hand:
/// `format!` goes through the formatting machinery, and dates are written on the path of
/// every check.
fn push_num(out: &mut String, n: u32, width: usize) {
    let mut digits = [b'0'; 10];
    let (mut n, mut len) = (n, 0);
    while n > 0 || len < width.min(10) {
        if let Some(slot) = digits.get_mut(9 - len) {
            *slot = b'0' + (n % 10) as u8;
        }
        n /= 10;
        len += 1;
        if len == 10 {
            break;
        }
    }
    for &d in digits.get(10 - len..).unwrap_or(&[]) {
        out.push(d as char);
    }
}

/// `09:05`, as chrono's `%H:%M` writes a time.
pub fn hm(t: NaiveTime) -> String {
    let mut s = String::with_capacity(5);
    push_num(&mut s, t.hour(), 2);
    s.push(':');
    push_num(&mut s, t.minute(), 2);
    s
}

/// The year as chrono's `%Y` writes it: four digits from 0 to 9999, else signed.
fn push_year(out: &mut String, y: i32) {
    if !(0..10_000).contains(&y) {
        out.push(if y < 0 { '-' } else { '+' });
    }
    push_num(out, y.unsigned_abs(), 4);
}

/// Year, month and day joined by `sep`: `ymd(d, "-")` is [`iso`], `ymd(d, "")` is the
/// iCalendar `DATE` form `20261005`.
pub fn ymd(d: NaiveDate, sep: &str) -> String {
    let mut s = String::with_capacity(10);
    push_year(&mut s, d.year());
    s.push_str(sep);
    push_num(&mut s, d.month(), 2);
    s.push_str(sep);
    push_num(&mut s, d.day(), 2);
    s
}

/// The UTC date-time of iCalendar, `20261005T090000Z` (a leap second is written `60`).
pub fn ics_stamp(t: NaiveDateTime) -> String {
    let mut s = ymd(t.date(), "");
    s.push('T');
    push_num(&mut s, t.hour(), 2);
    push_num(&mut s, t.minute(), 2);
    push_num(&mut s, t.second() + t.nanosecond() / 1_000_000_000, 2);
    s.push('Z');
    s
}

/// `2026-10-05` → `"2026-10-05"`.
pub fn iso(d: NaiveDate) -> String {
    ymd(d, "-")
}

/// `2026-10-05` → `"05/10/2026"`, as Italian forms show dates.
pub fn it(d: NaiveDate) -> String {
    let mut s = String::with_capacity(10);
    push_num(&mut s, d.day(), 2);
    s.push('/');
    push_num(&mut s, d.month(), 2);
    s.push('/');
    push_year(&mut s, d.year());
    s
}

/// At most 40 characters of what the user typed, for quoting it back in a message.
pub fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().count() > 40 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::field::FormField;

    #[test]
    fn reads_both_forms_and_rejects_the_rest() {
        let d = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
        assert_eq!(
            parse_date("2024-02-29", FormField::DataInvio, Lang::It),
            Ok(d)
        );
        assert_eq!(
            parse_date(" 29/02/2024 ", FormField::DataInvio, Lang::It),
            Ok(d)
        );
        for bad in [
            "2023-02-29",
            "31/04/2024",
            "",
            "domani",
            "2024-13-01",
            "1700-01-01",
            "2024-02-29T10:00",
        ] {
            let f = parse_date(bad, FormField::DataInvio, Lang::It).unwrap_err();
            assert_eq!(f.code, "date.invalid", "{bad}");
            assert_eq!(f.field_id(), Some("data-invio"));
        }
    }

    /// Odd inputs that chrono's `parse_from_str` accepts or refuses: the hand-written
    /// reader must agree with it on every one.
    const ODD: &[&str] = &[
        "2024-02-29",
        "2024-2-9",
        "2024- 2- 9",
        "2024-02-29 ",
        " 2024-02-29",
        "2024-02-299",
        "2024-13-01",
        "2024-00-10",
        "2024-01-00",
        "0202-01-01",
        "+2024-01-01",
        "-0001-01-01",
        "+02024-1-1",
        "20240101",
        "2024011",
        "202401",
        "29/02/2024",
        "1/2/2024",
        "01/02/24",
        "1/1/+2024",
        "1/1/ 2024",
        "1/1/02024",
        "31/04/2024",
        "",
        "-",
        "//",
        "2024-01-01T10:00",
        "12:30",
        "１/1/2024",
        "2024\u{3000}-1-1",
        "99999999999999999999-1-1",
        "1/1/-2024",
        "2024-01-01T23:59:60",
        "2024-01-01T10:15:60",
        "2024-01-01T24:00:00",
        "2024-01-01T10:60:00",
        "2024-01-01T1:2:3",
        "2024-01-01T10:00:00Z",
        "2024-01-01 10:00:00",
        "20261005T090000",
        "2024-\u{3000}1-1",
        "1/\t2/2024",
        "2024-1-\u{85}1",
        "9:05",
        "09:05",
        " 9: 5",
        "23:59:60",
        "24:00",
        "12:60",
        "12:30:",
        "12:30:1",
        "12:30:01 ",
        "-1:00",
    ];

    #[test]
    fn reads_as_chrono_reads() {
        for s in ODD {
            for f in ["%Y-%m-%d", "%d/%m/%Y", "%Y%m%d"] {
                assert_eq!(
                    date_from(s, f),
                    NaiveDate::parse_from_str(s, f).ok(),
                    "{s:?} {f}"
                );
            }
            for f in ["%H:%M", "%H:%M:%S"] {
                assert_eq!(
                    time_from(s, f),
                    NaiveTime::parse_from_str(s, f).ok(),
                    "{s:?} {f}"
                );
            }
            for f in ["%Y-%m-%dT%H:%M:%S", "%Y%m%dT%H%M%S"] {
                assert_eq!(
                    datetime_from(s, f),
                    NaiveDateTime::parse_from_str(s, f).ok(),
                    "{s:?} {f}"
                );
            }
        }
    }

    #[test]
    fn writes_as_chrono_writes() {
        for (y, m, d) in [
            (2026, 10, 5),
            (1800, 1, 1),
            (2200, 12, 31),
            (999, 3, 4),
            (0, 1, 1),
            (-1, 12, 31),
            (10_000, 1, 1),
            (-262_000, 1, 1),
        ] {
            let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
            assert_eq!(iso(date), date.format("%Y-%m-%d").to_string());
            assert_eq!(it(date), date.format("%d/%m/%Y").to_string());
            assert_eq!(ymd(date, ""), date.format("%Y%m%d").to_string());
            assert_eq!(human(date, Lang::En), date.format("%-d %b %Y").to_string());
            let leap = date.and_hms_nano_opt(23, 59, 59, 1_500_000_000).unwrap();
            for t in [date.and_hms_opt(9, 5, 0).unwrap(), leap] {
                assert_eq!(ics_stamp(t), t.format("%Y%m%dT%H%M%SZ").to_string());
                assert_eq!(hm(t.time()), t.format("%H:%M").to_string());
            }
        }
        for m in 1..=12 {
            let date = NaiveDate::from_ymd_opt(2026, m, 17).unwrap();
            assert_eq!(human(date, Lang::En), date.format("%-d %b %Y").to_string());
        }
    }

    #[test]
    fn formats() {
        let d = NaiveDate::from_ymd_opt(2026, 10, 5).unwrap();
        assert_eq!(iso(d), "2026-10-05");
        assert_eq!(it(d), "05/10/2026");
        assert_eq!(human(d, Lang::En), "5 Oct 2026");
        assert_eq!(clip(&"x".repeat(50)).chars().count(), 41);
    }
}
