//! The fixed tables of the codice fiscale (DM 23 dicembre 1976, allegati): month letters,
//! omocodia letters, the odd/even values of the check character.

/// Month letters, January to December.
pub(crate) const MONTHS: &[u8; 12] = b"ABCDEHLMPRST";

/// The letters that replace the digits 0–9 in codes with omocodia.
pub(crate) const OMOCODIA: &[u8; 10] = b"LMNPQRSTUV";

/// The seven positions (0-based) that hold digits, or their omocodia letters: year (6, 7),
/// day (9, 10) and the three digits of the place code (12, 13, 14).
pub(crate) const NUMERIC_POSITIONS: [usize; 7] = [6, 7, 9, 10, 12, 13, 14];

/// Value of a character in an odd position (1st, 3rd, … 15th), for A..Z; a digit counts
/// as the letter with the same index (0 = A).
const ODD: [u8; 26] = [
    1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23,
];

/// Index 0–25 of an ASCII letter or digit (digits count as A–J), or `None`.
#[inline]
fn index(c: u8) -> Option<usize> {
    match c {
        b'0'..=b'9' => Some((c - b'0') as usize),
        b'A'..=b'Z' => Some((c - b'A') as usize),
        _ => None,
    }
}

/// The check character of the first 15 characters (upper-case ASCII letters and digits),
/// or `None` if one of them is neither.
pub(crate) fn check_char(first15: &[u8]) -> Option<u8> {
    let mut sum = 0u32;
    for (i, &c) in first15.iter().take(15).enumerate() {
        let v = index(c)?;
        sum += if i % 2 == 0 { ODD[v] as u32 } else { v as u32 };
    }
    Some(b'A' + (sum % 26) as u8)
}

/// The digit a numeric position stands for: itself, or the digit of an omocodia letter.
#[inline]
pub(crate) fn digit_value(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        _ => OMOCODIA.iter().position(|&l| l == c).map(|d| d as u8),
    }
}

/// Month number 1–12 of a month letter.
#[inline]
pub(crate) fn month_of(c: u8) -> Option<u32> {
    MONTHS.iter().position(|&l| l == c).map(|m| m as u32 + 1)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_characters_of_published_examples() {
        // RSSMRA85T10A562S: computed by hand in tests/cf.rs.
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
