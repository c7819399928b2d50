//! Suggestions for a wrong code: one swap of two adjacent characters, or one mistyped
//! character, that makes the code valid and plausible (a real date, a place that existed
//! on it). A suggestion is made only when exactly one such correction exists, and it is
//! never applied: it travels in [`Finding::suggestion`](crate::finding::Finding) for the
//! user to accept.
//!
//! A suggestion needs two signals: besides the check character, something else must be
//! wrong (a structural problem, a place that does not exist or did not exist on the birth
//! date). When only the check character disagrees with an otherwise plausible code, any
//! single character can be changed to fit it, and a swap that fits happens by chance
//! almost half the time: a guess would be wrong about three times in four, so none is
//! made. When a problem points to positions (a letter where a digit goes, a month letter
//! that is none, an unknown place), the characters allowed there are tried, and swaps.
//! Between candidates, one without omocodia letters beats ones with them (omocodes are
//! rare).
//!
//! For 11-digit codes a swap is suggested only when it also repairs a wrong office code:
//! with a wrong check digit alone, a swap that happens to fit is right about one time in
//! ten (a single wrong digit explains the same code in eleven ways).

use chrono::NaiveDate;

use super::person::{date_of, scan, Problem};
use super::tables::{check_char, luhn_digit, MONTHS, NUMERIC_POSITIONS};
use crate::finding::Lang;

/// A correction that makes the code valid.
pub(crate) struct Fix {
    pub code: String,
    kind: Kind,
}

enum Kind {
    /// Characters at `i` and `i + 1` swapped.
    Swap(usize),
    /// The character at `i` replaced (old, new).
    Replace(usize, char, char),
}

impl Fix {
    /// One sentence that says what changes, to append to the finding's message.
    pub fn describe(&self, lang: Lang) -> String {
        let code = &self.code;
        match self.kind {
            Kind::Swap(i) => match lang {
                Lang::It => format!("Se due caratteri sono stati invertiti: scambiando il {}° e il {}° il codice diventa «{code}», che è corretto. Verifica che sia quello del contribuente.", i + 1, i + 2),
                Lang::En => format!("If two characters were swapped: exchanging characters {} and {} gives “{code}”, which is correct. Make sure it is the contributor's.", i + 1, i + 2),
            },
            Kind::Replace(i, old, new) => match lang {
                Lang::It => format!("Con «{new}» al {}° posto invece di «{old}» il codice diventa «{code}», che è corretto. Verifica che sia quello del contribuente.", i + 1),
                Lang::En => format!("With “{new}” instead of “{old}” as character {} the code becomes “{code}”, which is correct. Make sure it is the contributor's.", i + 1),
            },
        }
    }
}

fn text(code: &[u8]) -> String {
    code.iter().map(|&b| b as char).collect()
}

/// Whether a 16-character candidate is valid and plausible.
fn plausible_person(code: &[u8; 16], today: NaiveDate) -> bool {
    // Most candidates fail the check character: test it before anything else.
    if check_char(&code[..15]) != Some(code[15]) {
        return false;
    }
    let Some(parsed) = scan(code, &mut |_| {}) else {
        return false;
    };
    date_of(&parsed, today).is_some_and(|d| d.place.is_some() && !d.outside_validity)
}

/// The characters that may stand at a position of a person's code.
fn alphabet(pos: usize) -> &'static [u8] {
    match pos {
        0..=5 | 15 => b"ABCDEFGHIJKLMNOPQRSTUVWXYZ",
        8 => MONTHS,
        11 => b"ABCDEFGHILMZ",
        _ => b"0123456789LMNPQRSTUV",
    }
}

fn only<T>(mut found: Vec<T>) -> Option<T> {
    (found.len() == 1).then(|| found.pop()).flatten()
}

/// A unique correction of a person's code with the given problems, if there is one.
pub(crate) fn person(code: &[u8; 16], problems: &[Problem], today: NaiveDate) -> Option<Fix> {
    let mut positions: Vec<usize> = Vec::new();
    let mut structural = 0;
    for p in problems {
        let at: &[usize] = match p {
            Problem::Character(i) | Problem::LetterExpected(i) | Problem::DigitExpected(i) => {
                &[*i][..]
            }
            Problem::Month => &[8],
            Problem::Day | Problem::DayOfMonth => &[9, 10],
            Problem::LeapDay => &[6, 7, 9, 10],
            Problem::PlaceLetter => &[11],
            Problem::PlaceZero => &[12, 13, 14],
            Problem::CheckChar { .. } => continue,
        };
        structural += 1;
        positions.extend_from_slice(at);
    }
    if structural > 1 {
        // Two problems are one slip only if a swap explains both (e.g. "8T5" for "85T").
        positions.clear();
    }
    if structural == 0 {
        // Only the check character disagrees: look further only if the code, with its check
        // character put right, is implausible (unknown place, or not valid on the date).
        let Some(Problem::CheckChar { expected }) = problems.first() else {
            return None;
        };
        let mut fixed = *code;
        fixed[15] = *expected;
        if plausible_person(&fixed, today) {
            return None;
        }
        positions.extend(6..15);
    }
    let mut found: Vec<Fix> = Vec::new();
    let push = |c: [u8; 16], kind: Kind, found: &mut Vec<Fix>| {
        let code = text(&c);
        if !found.iter().any(|f| f.code == code) {
            found.push(Fix { code, kind });
        }
    };
    for i in 0..15 {
        if code[i] != code[i + 1] && code[i] != 0 && code[i + 1] != 0 {
            let mut c = *code;
            c.swap(i, i + 1);
            if plausible_person(&c, today) {
                push(c, Kind::Swap(i), &mut found);
            }
        }
    }
    for &i in &positions {
        for &b in alphabet(i) {
            if b == code[i] {
                continue;
            }
            let mut c = *code;
            c[i] = b;
            if plausible_person(&c, today) {
                let old = if code[i] == 0 { '?' } else { code[i] as char };
                push(c, Kind::Replace(i, old, b as char), &mut found);
            }
        }
    }
    // Omocodes are rare: a candidate without omocodia letters is far likelier than one
    // with them, so it wins if it is the only one.
    let plain = |f: &Fix| {
        f.code
            .bytes()
            .enumerate()
            .all(|(i, b)| !NUMERIC_POSITIONS.contains(&i) || b.is_ascii_digit())
    };
    if found.iter().filter(|f| plain(f)).count() == 1 {
        found.retain(plain);
    }
    only(found)
}

/// Whether an 11-digit candidate is valid (check digit and office code).
fn plausible_numeric(code: &[u8; 11]) -> bool {
    luhn_digit(&code[..10]) == Some(code[10]) && super::numeric::office_kind(code).is_some()
}

/// A unique swap of adjacent digits that makes an 11-digit code valid, looked for only when
/// the office code is wrong too.
pub(crate) fn numeric(code: &[u8; 11]) -> Option<Fix> {
    if super::numeric::office_kind(code).is_some() {
        return None;
    }
    let mut found: Vec<Fix> = Vec::new();
    for i in 0..10 {
        if code[i] != code[i + 1] {
            let mut c = *code;
            c.swap(i, i + 1);
            if plausible_numeric(&c) {
                found.push(Fix {
                    code: text(&c),
                    kind: Kind::Swap(i),
                });
            }
        }
    }
    only(found)
}
