//! The fast path of [`is_valid`](super::is_valid): byte tables, no allocation, no decoding
//! of the place registry (a bit per possible place code says whether it exists: `places`). It must agree with [`person::scan`](super::person::scan) and
//! [`numeric::is_valid`](super::numeric::is_valid) (a test compares them on thousands of
//! codes); it exists because `is_valid` is called on every keystroke and in bulk.

use super::input::normalize_into;
use super::tables::{CLASS, DIGIT, EVEN, MONTH, ODD};

/// Days of each month, February with 29.
const MONTH_DAYS: [u8; 13] = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/// A person's code (16 ASCII bytes, any case): the same rules as `person::scan`.
#[inline]
fn person(c: &[u8; 16]) -> bool {
    let class = |i: usize| CLASS[c[i] as usize];
    // Letters at 0–5 and 15, month at 8, place letter at 11.
    if c[..6].iter().any(|&b| CLASS[b as usize] & 1 == 0)
        || class(15) & 1 == 0
        || class(8) & 16 == 0
        || class(11) & 32 == 0
    {
        return false;
    }
    let d = |i: usize| DIGIT[c[i] as usize];
    let (y1, y2, d1, d2, p1, p2, p3) = (d(6), d(7), d(9), d(10), d(12), d(13), d(14));
    if (y1 | y2 | d1 | d2 | p1 | p2 | p3) == 255
        || y1 > 9
        || y2 > 9
        || d1 > 9
        || d2 > 9
        || p1 > 9
        || p2 > 9
        || p3 > 9
    {
        return false;
    }
    if p1 == 0 && p2 == 0 && p3 == 0 {
        return false;
    }
    // A place code in no registry is refused here as the full check refuses it
    // (`cf.place-unknown`): the two answers must agree for every input (issue 13).
    if !known_place(
        c[11],
        u16::from(p1) * 100 + u16::from(p2) * 10 + u16::from(p3),
    ) {
        return false;
    }
    let day = d1 * 10 + d2;
    let day = match day {
        1..=31 => day,
        41..=71 => day - 40,
        _ => return false,
    };
    let month = MONTH[c[8] as usize];
    if day > MONTH_DAYS[month as usize] || (month == 2 && day == 29 && (y1 * 10 + y2) % 4 != 0) {
        return false;
    }
    let mut sum = 0u32;
    let mut i = 0;
    while i < 15 {
        sum += ODD[c[i] as usize] as u32 + EVEN[c[i + 1] as usize] as u32;
        i += 2;
    }
    // i = 14 added c[15] as an even position: take it back out.
    sum -= EVEN[c[15] as usize] as u32;
    (b'A' + (sum % 26) as u8) == c[15].to_ascii_uppercase()
}

/// Whether `letter` + `number` (1–999, omocodia undone) is a code of the place registry
/// (any period: the full check warns, it does not refuse, a place outside its validity).
/// The bit per possible code that `build.rs` writes from `src/data/places.txt` (1.5 KB, in
/// the module even when the registry itself is a file fetched later): no decoding.
#[inline]
fn known_place(letter: u8, number: u16) -> bool {
    super::places::slot_exists(letter, number)
}

/// An 11-digit code: the same rules as `numeric::is_valid`.
#[inline]
fn numeric(c: &[u8]) -> bool {
    if c.len() != 11 || c.iter().any(|&b| CLASS[b as usize] & 2 == 0) {
        return false;
    }
    let n = |r: std::ops::Range<usize>| c[r].iter().fold(0u32, |n, &b| n * 10 + (b - b'0') as u32);
    let (serial, office) = (n(0..7), n(7..10));
    if serial == 0 {
        return false;
    }
    let entity =
        matches!(office, 1..=100 | 120 | 121 | 888 | 999) && (serial < 8_000_000 || office <= 95);
    if !entity && !matches!(office, 0 | 151..=245 | 301..=766 | 900..=950) {
        return false;
    }
    let mut sum = 0u32;
    for (i, &b) in c[..10].iter().enumerate() {
        let d = (b - b'0') as u32;
        sum += if i % 2 == 0 {
            d
        } else if d > 4 {
            d * 2 - 9
        } else {
            d * 2
        };
    }
    (10 - sum % 10) % 10 == (c[10] - b'0') as u32
}

/// See [`is_valid`](super::is_valid).
pub(crate) fn is_valid(input: &str) -> bool {
    let bytes = input.as_bytes();
    // The common case: exactly the code, in ASCII.
    if bytes.len() == 16 {
        if let Ok(c) = <&[u8; 16]>::try_from(bytes) {
            if c.iter().all(|&b| CLASS[b as usize] & 3 != 0) {
                return person(c);
            }
        }
    }
    if bytes.len() == 11 && numeric(bytes) {
        return true;
    }
    // Separators, full-width characters, invisible characters: normalise first.
    let mut buf = [0u8; 16];
    match normalize_into(input, &mut buf) {
        Some(16) => person(&buf),
        Some(11) => numeric(&buf[..11]),
        _ => false,
    }
}

/// The fields of a code whose structure and check character are right.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Parsed {
    /// Last two digits of the year.
    pub yy: u32,
    pub month: u32,
    pub day: u32,
    pub female: bool,
    /// The place code with omocodia undone (`H501`).
    pub place: [u8; 4],
    /// Whether any of the seven numeric positions holds an omocodia letter.
    pub omocode: bool,
}

/// The fields of a code that passes [`person`], read with the tables; `None` otherwise.
pub(crate) fn parse(c: &[u8; 16]) -> Option<Parsed> {
    if !person(c) {
        return None;
    }
    let d = |i: usize| DIGIT[c[i] as usize] as u32;
    let day = d(9) * 10 + d(10);
    let mut omocode = false;
    for &i in &[6, 7, 9, 10, 12, 13, 14] {
        omocode |= !c[i].is_ascii_digit();
    }
    Some(Parsed {
        yy: d(6) * 10 + d(7),
        month: MONTH[c[8] as usize] as u32,
        day: if day > 40 { day - 40 } else { day },
        female: day > 40,
        place: [
            c[11].to_ascii_uppercase(),
            b'0' + d(12) as u8,
            b'0' + d(13) as u8,
            b'0' + d(14) as u8,
        ],
        omocode,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_places_are_the_registry() {
        for &letter in b"ABCDEFGHILMZ" {
            for n in 0..=1000u16 {
                let code = format!("{}{n:03}", letter as char);
                let known = crate::cf::places::lookup_code(&code).is_some();
                assert_eq!(known_place(letter, n), known, "{code}");
                assert_eq!(known_place(letter.to_ascii_lowercase(), n), known, "{code}");
            }
        }
        assert!(known_place(b'h', 501) && !known_place(b'Z', 0) && !known_place(b'J', 1));
    }
}
