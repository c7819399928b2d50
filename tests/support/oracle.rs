//! The independent oracle of the codice fiscale and the deterministic generator the tests and
//! the fuzz targets share (included with `#[path]`): written again from the decree, not from
//! `src/cf`, so that a test does not trust the code it tests, and written once, so that two
//! copies cannot disagree.
//!
//! - [`check_char`]: the check character of a person's code (DM 23 dicembre 1976, allegato:
//!   the odd and even tables), for letters and digits alike (omocodia letters included).
//! - [`check_digit`]: the check digit of an 11-digit code (DM 23 dicembre 1976, art. 7, as
//!   for a partita IVA: the Luhn sum of the first ten digits).
//! - [`Rng`]: SplitMix64 with a fixed seed, so the same cases run every time and a failure
//!   prints its input.

#![allow(dead_code)]

/// SplitMix64: a tiny, well-mixed deterministic generator.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number below `n`.
    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    /// An index below `n`.
    pub fn index(&mut self, n: usize) -> usize {
        self.below(n as u64) as usize
    }
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// The check character of the first 15 characters of a person's code (upper-case ASCII
/// letters and digits).
pub fn check_char(first15: &[u8]) -> u8 {
    // The odd positions' values of A–Z; a digit counts as the letter in its place (0 as A).
    const ODD: [u32; 26] = [
        1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24,
        23,
    ];
    let sum: u32 = first15
        .iter()
        .take(15)
        .enumerate()
        .map(|(i, &c)| {
            let v = if c.is_ascii_digit() {
                c - b'0'
            } else {
                c - b'A'
            } as usize;
            // Positions are 1-based in the decree: index 0 is the first, odd, position.
            if i % 2 == 0 {
                ODD[v]
            } else {
                v as u32
            }
        })
        .sum();
    b'A' + (sum % 26) as u8
}

/// The check digit of the first ten digits of an 11-digit code.
pub fn check_digit(first10: &[u32]) -> u32 {
    let mut sum = 0;
    for (i, &x) in first10.iter().take(10).enumerate() {
        sum += if i % 2 == 0 {
            x
        } else if x > 4 {
            x * 2 - 9
        } else {
            x * 2
        };
    }
    (10 - sum % 10) % 10
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_codes() {
        // A person's code often used as the example, and the Agenzia delle Entrate's own
        // codice fiscale (06363391001).
        assert_eq!(check_char(b"RSSMRA85T10A562"), b'S');
        assert_eq!(check_digit(&[0, 6, 3, 6, 3, 3, 9, 1, 0, 0]), 1);
    }
}
