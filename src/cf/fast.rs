//! The fast path of [`is_valid`](super::is_valid): byte tables, no allocation, no decoding
//! of the place registry (a bit per possible place code says whether it exists). It must agree with [`person::scan`](super::person::scan) and
//! [`numeric::is_valid`](super::numeric::is_valid) (a test compares them on thousands of
//! codes); it exists because `is_valid` is called on every keystroke and in bulk.

use super::input::normalize_into;
use super::person::Parsed;
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

/// The first letters a Belfiore code can have, in the order of [`KNOWN_PLACES`].
const PLACE_LETTERS: &[u8; 12] = b"ABCDEFGHILMZ";

/// Whether `letter` + `number` (1–999, omocodia undone) is a code of the place registry
/// (any period: the full check warns, it does not refuse, a place outside its validity).
#[inline]
fn known_place(letter: u8, number: u16) -> bool {
    let upper = letter.to_ascii_uppercase();
    let Some(l) = PLACE_LETTERS.iter().position(|&x| x == upper) else {
        return false;
    };
    if !(1..=999).contains(&number) {
        return false;
    }
    let slot = l * 999 + usize::from(number) - 1;
    KNOWN_PLACES
        .get(slot / 64)
        .is_some_and(|w| w & (1u64 << (slot % 64)) != 0)
}

/// One bit per possible Belfiore code, A001 … Z999 (the letters of [`PLACE_LETTERS`], 999
/// numbers each): set when the place registry (`src/data/places.txt`, section `%names`)
/// has the code. 1.5 KB, so that the fast path needs no decoding of the registry; the test
/// `known_places_are_the_registry` compares it with the registry bit by bit and prints the
/// table again when the registry is regenerated.
#[rustfmt::skip]
const KNOWN_PLACES: [u64; 188] = [
    0xffffffefdfffffff, 0xfffffffffffffeff, 0xdfffdffff7fbef7f, 0xffffff7fffffffff,
    0xffffffffffffffff, 0x7ffffcffffffffff, 0xffffffbfffffffff, 0xffffffffffffffff,
    0xfffffdefffffffff, 0xf7ff97fbffffffff, 0xffffffff7fffffff, 0xfffff7ffffffffff,
    0xcfffdfff7fffffbf, 0xffdfbbfff7ffffff, 0xfffff9dffefeffff, 0xdfffffffffffdfff,
    0xdffffffffeffffbf, 0xfdfffeffdffffffe, 0xffffdffffffeffff, 0xffdfffefffff5fff,
    0xf63458fffdfdffff, 0xfffffffffefdfbff, 0xffbffdfffffffbf9, 0xfffffffffffffffd,
    0xffffffffffefbbff, 0xfdffffffffdfffff, 0xfffffffdfffdffff, 0xfffffffffffeffff,
    0xff7ff7ffffdffff7, 0xff7fffffffffffff, 0xf7fbfff7dfbffcff, 0xff6ccd2a2c1ffffe,
    0xfbffeddffffffff7, 0xff7feff7ffffffff, 0xef3ffbfdffffffff, 0xfffffffffffd3fff,
    0xdfffffffffdfdfff, 0xbffefefeefff7ffa, 0xff7ffbfdfdfeffff, 0xfffffffffffffffe,
    0xfffffffffffffe7f, 0xfeffffdffff07fff, 0xffffdffffffffffb, 0xffdf7fffffefffff,
    0xffffefffbeffffff, 0xfffffffffbfeffef, 0xffdfffbbfffffffe, 0xf3fefffffe3ff7ff,
    0xffdfff7fbfffffff, 0xfffbffbfffffffff, 0xffffffefffffffff, 0xffffffffffffff7f,
    0xfffdffffff9fffff, 0xffffffffffffffff, 0xffff7effffffffff, 0xfefffffefffff9ff,
    0xf7ffffbfffffffff, 0xfffffef7ffffffbf, 0xffffffdfffffffff, 0xfffffbffffffffff,
    0xeefdffffffffffff, 0xffff5fffefdfffbf, 0xfffffffeffefff7f, 0xeffffffffffffdff,
    0xfeffffefffbfff7f, 0xfffffffedfffffff, 0xffffffbf7dfffffb, 0xf7ffffffffffff7d,
    0xfffffffff3ffffde, 0xfffffffeffffffff, 0xffffffffefffffff, 0x7fffbfffbbffefff,
    0xfdffffdfffffffff, 0xfeffffffffffffff, 0xffffffffbfff7fff, 0xfffffefffffdffff,
    0xfff7fffffffdefff, 0x7fffffefffffffff, 0xfffffeefffffffff, 0xffffffdfefffffff,
    0xff8ffedffffefff7, 0xff7fafffffffff7f, 0xffffffffffffffff, 0xfffefffff3fffff7,
    0xbddfff6f7fffff3f, 0xffffefffffffffdd, 0xdfffefffdfeff7ff, 0xfeffff7feffffdfd,
    0xfdffbff7ffefffdf, 0xfffbffffffffffff, 0xfbffff7bbfdeefff, 0xffffffffffffffff,
    0xffffaffffffffdff, 0xffbffffffffffffd, 0xffffffefffff7fff, 0xfffffffffffdbfef,
    0xffffffffffdff7ff, 0xfffbffffbeefffff, 0xffff7bffffffffff, 0xbfffffdfff6deeff,
    0xf7fffffffffeffbf, 0xe6ffffffbffffffb, 0xffffffffffffffff, 0xfedfffffffffffff,
    0xbffffffffffeffff, 0xffffffffffffffff, 0xffffefffffffffff, 0xffffe19f8fffdffb,
    0xffefff7dfff7ffff, 0xfdfe7fffffdf7fff, 0xfffffffff7fffff7, 0xfffefffed8ffffed,
    0xdffbff7dffffffff, 0xffffffffffffefff, 0xffffffffffffbf9f, 0xffffffffffffffba,
    0xfff7ffdf7ffffff7, 0xfffffffbaefffff7, 0xfdf7fff7ffffff7f, 0xfffff7ffffffffff,
    0xfffffffffffffeff, 0xdfffffeffffffd3f, 0xffffffdfffffefff, 0xffff7ffffeffffff,
    0xf7fdff7fffd6ffff, 0xfbffbdfbf7ffffbf, 0xffffffbffaffff6b, 0xfdffffffff7fedef,
    0xffffffffb7fff7ff, 0xebffffffbffffff3, 0xfff7ffdffffffffb, 0xffffffffffefffaf,
    0xfff7ffffffffffff, 0xffffffffffffffff, 0xfffffffffffffffd, 0xf7fffbeffbff7fff,
    0xfffffbffffffffff, 0xfffffffddfffe7ff, 0xfffdffffffffffff, 0xdfefffffdfffdfff,
    0xdfffffff3fffffff, 0xffffffffffffffff, 0xffdfffff7fffffff, 0xefffffffffffffff,
    0xfffffaffdffefffe, 0xbffffffffffffbff, 0xfbfffffffffff6ef, 0xdfffffffee7fffff,
    0xe7bffdffefffdfff, 0xffbfbfffffffffff, 0xfffffffffffffdff, 0xfffffffbfffffbff,
    0xffffffffefffffff, 0xe7f3fffffffffffd, 0xffffffe7fffff7fd, 0xffffbffefefffbff,
    0xdefffffffffddbb3, 0xffffffbfffffffff, 0xffefffeeff7fbfff, 0x000000000ffbffff,
    0xf77fdbfffffffffc, 0xffffffffffffffff, 0x1fffffffffffffff, 0x0000000000000000,
    0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000,
    0x0000000000000000, 0x0000000000000000, 0x0000000000000000, 0x0000000000000000,
    0x0000000000000000, 0x71dffebfdfff0000, 0xfff0000000003fe7, 0x0000fffcf3f3ffbe,
    0x7ffe7fffe7000000, 0xb0000000103effbf, 0x0000000000000001, 0x5f5dfefe00000000,
    0x0000000000000003, 0x000000000007d7f0, 0x8828190000000000, 0x0000000000000ff5,
    0x0000000000000000, 0x0080000000000000, 0x0000000000000000, 0x0000000000000000,
];

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
        let mut table = [0u64; 188];
        for (l, &letter) in PLACE_LETTERS.iter().enumerate() {
            for n in 1..=999u16 {
                let code = format!("{}{n:03}", letter as char);
                if crate::cf::places::lookup_code(&code).is_some() {
                    let slot = l * 999 + usize::from(n) - 1;
                    table[slot / 64] |= 1 << (slot % 64);
                }
            }
        }
        let printed: Vec<String> = table.iter().map(|w| format!("0x{w:016x}")).collect();
        assert!(
            table == KNOWN_PLACES,
            "the place registry changed: replace KNOWN_PLACES with\n{}",
            printed.join(", ")
        );
        assert!(known_place(b'h', 501) && !known_place(b'Z', 0) && !known_place(b'J', 1));
    }
}
