//! The fixed tables of the codice fiscale (DM 23 dicembre 1976, allegati): month letters,
//! omocodia letters, the odd/even values of the check character; and the office codes of
//! the 11-digit code.

use super::Kind;

/// Month letters, January to December.
pub(crate) const MONTHS: &[u8; 12] = b"ABCDEHLMPRST";

/// The letters that replace the digits 0–9 in codes with omocodia.
pub(crate) const OMOCODIA: &[u8; 10] = b"LMNPQRSTUV";

/// The seven positions (0-based) that hold digits, or their omocodia letters: year (6, 7),
/// day (9, 10) and the three digits of the place code (12, 13, 14).
pub(crate) const NUMERIC_POSITIONS: [usize; 7] = [6, 7, 9, 10, 12, 13, 14];

/// Value of a character in an odd position (1st, 3rd, … 15th), for A..Z; a digit counts
/// as the letter with the same index (0 = A).
const ODD26: [u8; 26] = [
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
];

/// Per byte: bit 0 letter A–Z/a–z, bit 1 digit, bit 2 ASCII separator ignored in codes
/// (space, tab, CR, LF, VT, FF, `-`, `.`, `_`, `/`), bit 3 omocodia letter, bit 4 month
/// letter, bit 5 place letter (A–I, L, M, Z). Lower-case letters have the bits of their
/// upper case.
pub(crate) const CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut c = 0;
    while c < 256 {
        let b = c as u8;
        let up = b.to_ascii_uppercase();
        let mut v = 0;
        if up.is_ascii_uppercase() {
            v |= 1;
            let mut i = 0;
            while i < 10 {
                if OMOCODIA[i] == up {
                    v |= 8;
                }
                i += 1;
            }
            let mut i = 0;
            while i < 12 {
                if MONTHS[i] == up {
                    v |= 16;
                }
                i += 1;
            }
            if matches!(up, b'A'..=b'I' | b'L' | b'M' | b'Z') {
                v |= 32;
            }
        }
        if b.is_ascii_digit() {
            v |= 2;
        }
        if matches!(
            b,
            b' ' | b'\t' | b'\r' | b'\n' | 0x0B | 0x0C | b'-' | b'.' | b'_' | b'/'
        ) {
            v |= 4;
        }
        t[c] = v;
        c += 1;
    }
    t
};

/// The digit a numeric position stands for (digits and omocodia letters), else 255.
pub(crate) const DIGIT: [u8; 256] = {
    let mut t = [255u8; 256];
    let mut d = 0;
    while d < 10 {
        t[b'0' as usize + d] = d as u8;
        t[OMOCODIA[d] as usize] = d as u8;
        t[OMOCODIA[d].to_ascii_lowercase() as usize] = d as u8;
        d += 1;
    }
    t
};

/// Per byte, the value `by_index[i]` of the `i`-th letter (either case) and of the digit
/// `i`: the two check-character tables differ only in the values, not in which bytes count.
const fn letters_and_digits(by_index: [u8; 26]) -> [u8; 256] {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 26 {
        t[b'A' as usize + i] = by_index[i];
        t[b'a' as usize + i] = by_index[i];
        if i < 10 {
            t[b'0' as usize + i] = by_index[i];
        }
        i += 1;
    }
    t
}

/// Value of a character in an odd position of the check-character sum.
pub(crate) const ODD: [u8; 256] = letters_and_digits(ODD26);

/// Value of a character in an even position (A–Z 0–25, digits 0–9).
pub(crate) const EVEN: [u8; 256] = letters_and_digits([
    0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
]);

/// Month number (1–12) of a month letter, else 0.
pub(crate) const MONTH: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 12 {
        t[MONTHS[i] as usize] = i as u8 + 1;
        t[MONTHS[i].to_ascii_lowercase() as usize] = i as u8 + 1;
        i += 1;
    }
    t
};

/// The check character of the first 15 characters (upper-case ASCII letters and digits),
/// or `None` if one of them is neither.
pub(crate) fn check_char(first15: &[u8]) -> Option<u8> {
    if first15.len() < 15 {
        return None;
    }
    let mut sum = 0u32;
    let mut i = 0;
    while i < 15 {
        let c = first15[i];
        if !c.is_ascii_digit() && !c.is_ascii_uppercase() {
            return None;
        }
        sum += if i % 2 == 0 {
            ODD[c as usize]
        } else {
            EVEN[c as usize]
        } as u32;
        i += 1;
    }
    Some(b'A' + (sum % 26) as u8)
}

/// The digit a numeric position stands for: itself, or the digit of an omocodia letter.
#[inline]
pub(crate) fn digit_value(c: u8) -> Option<u8> {
    match DIGIT[c as usize] {
        255 => None,
        d => Some(d),
    }
}

/// Month number 1–12 of a month letter.
#[inline]
pub(crate) fn month_of(c: u8) -> Option<u32> {
    match MONTH[c as usize] {
        0 => None,
        m => Some(m as u32),
    }
}

/// Whether `c` can start a Belfiore code: A–I, L, M (comuni) or Z (foreign states).
#[inline]
pub(crate) fn is_place_letter(c: u8) -> bool {
    matches!(c, b'A'..=b'I' | b'L' | b'M' | b'Z')
}

/// Days in a month; February has 29 when `leap_possible`.
pub(crate) fn month_len(month: u32, leap_possible: bool) -> u32 {
    match month {
        2 => 28 + leap_possible as u32,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The Luhn-style check digit of the first 10 digits of an 11-digit code.
pub(crate) fn luhn_digit(first10: &[u8]) -> Option<u8> {
    let mut sum = 0u32;
    for (i, &c) in first10.iter().take(10).enumerate() {
        if !c.is_ascii_digit() {
            return None;
        }
        let d = (c - b'0') as u32;
        sum += if i % 2 == 0 {
            d
        } else if d * 2 > 9 {
            d * 2 - 9
        } else {
            d * 2
        };
    }
    Some(b'0' + ((10 - sum % 10) % 10) as u8)
}

/// What the office code (digits 8–10) says the code is, or `None` if no office has it.
///
/// Companies and entities: 001–100, 120, 121, 888, 999; for serials from 8000000 (the
/// codes of entities that are not companies) only 001–095. Temporary codes of persons:
/// 000, 151–245, 301–766, 900–950.
pub(crate) fn office_kind(code: &[u8; 11]) -> Option<Kind> {
    let num = |r: std::ops::Range<usize>| {
        code[r].iter().try_fold(0u32, |n, &b| {
            b.is_ascii_digit().then(|| n * 10 + (b - b'0') as u32)
        })
    };
    let serial = num(0..7)?;
    let office = num(7..10)?;
    let entity = matches!(office, 1..=100 | 120 | 121 | 888 | 999);
    if entity && (serial < 8_000_000 || office <= 95) {
        return Some(Kind::Entity);
    }
    if matches!(office, 0 | 151..=245 | 301..=766 | 900..=950) {
        return Some(Kind::Temporary);
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_characters_of_published_examples() {
        // RSSMRA85T10A562S: computed by hand in tests/native/cf.rs.
        assert_eq!(check_char(b"RSSMRA85T10A562"), Some(b'S'));
        // Omocodia letters count as letters: RSSMRA85T10A56N has a different check.
        assert_eq!(check_char(b"RSSMRA85T10A56N"), Some(b'H'));
        assert_eq!(check_char(b"RSSMR@85T10A562"), None);
    }

    #[test]
    fn luhn_of_real_codes() {
        assert_eq!(luhn_digit(b"8007875058"), Some(b'7')); // INPS 80078750587
        assert_eq!(luhn_digit(b"6149272900"), Some(b'1')); // temporary 61492729001
    }
}
