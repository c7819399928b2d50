//! Suggestions for a wrong code: the codes that one swap of two adjacent characters, or one
//! mistyped character, would make valid, ranked, at most [`MAX_SUGGESTIONS`]. They are
//! never applied: each travels in [`Finding::suggestion`](crate::finding::Finding) for the
//! user to accept (the widget shows it as a button).
//!
//! The candidates, their ranking and their number are described at [`MAX_SUGGESTIONS`].

use chrono::NaiveDate;

use super::messages::Edit;
use super::tables::{check_char, luhn_digit, EVEN, MONTHS, NUMERIC_POSITIONS, ODD};
use super::{decode, Decoded};

/// The most suggestions offered for one wrong code (see [`check`](super::check)).
///
/// **Which candidates.** For a person's code, every swap of two adjacent characters and
/// every replacement of one character by one the position allows (a letter in the name
/// parts, a month letter, a digit or omocodia letter, a place letter, the check character)
/// that gives a code [`super::decode`] accepts: right structure and check character, a
/// real date up to `today`, a place in the registry. For an 11-digit code, every swap and
/// every replacement of one digit that gives the right check digit and an office code that
/// exists.
///
/// **Ranking**, best first, each criterion deciding only ties of the ones before:
///
/// 1. agreement with the other fields of the form, when the caller gives them (fewer
///    `cf.mismatch-*` findings of [`super::cross_check`] first; when some candidate agrees
///    with every field, the ones that do not are dropped);
/// 2. the place was valid on the birth date in the most recent century that fits
///    `today` (a birth in the century before, or in a comune that did not exist yet, is
///    possible but rarer);
/// 3. no omocodia letter where a digit was typed (omocodes are a small minority);
/// 4. the kind of slip: a swap of adjacent characters first (a specific swap is far more
///    likely than a specific wrong character), then a replacement by a look-alike or a
///    neighbouring key (`0`/`O`, `5`/`S`, `E`/`R`…), then the check character itself, then
///    any other replacement;
/// 5. position in the code.
///
/// **The first proposal** (the one on the error, which a hurried user takes) is chosen
/// apart: after criteria 1 and 2, a candidate that describes the same person as the typed
/// code (when its first fifteen characters describe a plausible one: a real date, a place
/// in the registry valid then, the most recent century) comes before one that describes
/// somebody else (another sex, birth date or place), and among those the check character
/// itself comes first: it is the fix the check character's own message names, and it
/// changes nothing the code says. A correction never hands the user another person's code
/// first unless the form's fields say it is theirs. The others follow in rank. So
/// `RSSMRA85T10A562T` (only the check character wrong) proposes `RSSMRA85T10A562S` first;
/// `RSSMRA85T01A562S` (day digits swapped, or a wrong check character: the code cannot
/// tell) proposes the code of the man born on the 1st first and the swap back to the 10th
/// second, each saying what it means.
///
/// **How many.** At most three: enough to hold the right code most of the time when the
/// form's other fields narrow them, few enough to read. When only the check character
/// disagrees and nothing narrows the candidates, there are about a dozen candidates (each
/// of the six name letters can be changed to fit): the check character comes first, and
/// each says what the corrected code means (sex, birth date and place) for the user to
/// recognise.
pub const MAX_SUGGESTIONS: usize = 3;

/// A correction that makes the code valid.
pub(crate) struct Fix {
    pub code: String,
    pub edit: Edit,
    /// What a corrected person's code says.
    pub meaning: Option<Decoded>,
}

/// The code as text. Its bytes are ASCII (`person::check` and `numeric::check` keep only
/// ASCII letters and digits, and zero), each one character: what `from_utf8_lossy` gave,
/// without linking it (issue 15).
fn text(code: &[u8]) -> String {
    // Loops, not map + collect, in this file: one copy less of each adapter in the module
    // (issue 15).
    let mut s = String::with_capacity(code.len());
    for &b in code {
        s.push(char::from(b));
    }
    s
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

/// Per byte: 0, or 16 × keyboard row + column + 1 for the keys of the number row and
/// the three letter rows (the same on Italian and English keyboards).
const KEYS: [u8; 256] = {
    const ROWS: [&[u8]; 4] = [b"1234567890", b"QWERTYUIOP", b"ASDFGHJKL", b"ZXCVBNM"];
    let mut t = [0u8; 256];
    let mut r = 0;
    while r < 4 {
        let mut c = 0;
        while c < ROWS[r].len() {
            t[ROWS[r][c] as usize] = (16 * r + c + 1) as u8;
            c += 1;
        }
        r += 1;
    }
    t
};

/// Look-alikes and neighbouring keys on the same row: the likeliest mistyped characters.
fn near(a: u8, b: u8) -> bool {
    const LOOK_ALIKE: [[u8; 2]; 10] = [
        *b"0O", *b"0D", *b"0Q", *b"1I", *b"1L", *b"2Z", *b"5S", *b"6G", *b"8B", *b"UV",
    ];
    let (ka, kb) = (KEYS[a as usize], KEYS[b as usize]);
    (ka != 0 && kb != 0 && ka.abs_diff(kb) == 1)
        || LOOK_ALIKE.contains(&[a, b])
        || LOOK_ALIKE.contains(&[b, a])
}

/// The weight of a character at a position of the check-character sum, `None` if it is
/// not an ASCII upper-case letter or digit.
fn weight(pos: usize, b: u8) -> Option<u32> {
    if !(b.is_ascii_uppercase() || b.is_ascii_digit()) {
        return None;
    }
    Some(if pos % 2 == 0 {
        ODD[b as usize]
    } else {
        EVEN[b as usize]
    } as u32)
}

/// The ranking key of a candidate, smallest first: form fields it disagrees with, born in
/// an older century or where the place was not valid, new omocodia letter, kind of slip,
/// position.
type Rank = (usize, bool, bool, u8, usize);

/// The letter and the digit with each weight in an odd position (1st, 3rd, …), `0` where
/// no digit has it: the inverse of the check character's odd table.
const ODD_INVERSE: [[u8; 2]; 26] = {
    let mut t = [[0u8; 2]; 26];
    let mut b = b'A';
    while b <= b'Z' {
        t[ODD[b as usize] as usize][0] = b;
        b += 1;
    }
    let mut b = b'0';
    while b <= b'9' {
        t[ODD[b as usize] as usize][1] = b;
        b += 1;
    }
    t
};

/// The letter and the digit whose weight at `pos` is `w` (`0` where there is none).
fn with_weight(pos: usize, w: u32) -> [u8; 2] {
    let w = (w % 26) as usize;
    if pos % 2 == 1 {
        // Even positions count a letter by its index and a digit by its value.
        [b'A' + w as u8, if w < 10 { b'0' + w as u8 } else { 0 }]
    } else {
        ODD_INVERSE.get(w).copied().unwrap_or([0, 0])
    }
}

/// A candidate found by [`person`], before ranking.
struct Candidate {
    code: [u8; 16],
    edit: Edit,
    decoded: Decoded,
}

/// The suggestions for a person's code (16 upper-case bytes, 0 where a character is not
/// an ASCII letter or digit), best first, at most [`MAX_SUGGESTIONS`]. `typed` are the
/// characters as read (to quote the one replaced); `conflicts` counts the form fields a
/// candidate disagrees with (`None`: no form to compare with).
pub(crate) fn person(
    code: &[u8; 16],
    typed: &[char],
    today: NaiveDate,
    conflicts: Option<&dyn Fn(&str) -> usize>,
) -> Vec<Fix> {
    let mut found: Vec<Candidate> = Vec::new();
    let decoded = |c: &[u8; 16]| decode(std::str::from_utf8(c).ok()?, today);
    // A change in the name letters or of the check character leaves date and place as
    // they are: the code with the check character its first fifteen give is decoded once
    // for all of them.
    let mut weights: Vec<Option<u32>> = Vec::with_capacity(15);
    let (mut unknown, mut sum) = (0, 0u32);
    for (i, &c) in code.iter().enumerate().take(15) {
        let w = weight(i, c);
        match w {
            Some(w) => sum += w,
            None => unknown += 1,
        }
        weights.push(w);
    }
    let base = if unknown == 0 {
        let mut c = *code;
        c[15] = b'A' + (sum % 26) as u8;
        decoded(&c)
    } else {
        None
    };
    let consider = |c: [u8; 16], edit: Edit, found: &mut Vec<Candidate>| {
        // Replacements are chosen to fit the check character; swaps must be checked.
        let fits = match edit {
            Edit::Replace(..) => true,
            // Only the two swapped characters change their weights.
            Edit::Swap(i) if unknown == 0 && i < 14 => {
                let w = |p: usize, b: u8| weight(p, b).unwrap_or(0);
                let new = sum + w(i, c[i]) + w(i + 1, c[i + 1]);
                let old = w(i, code[i]) + w(i + 1, code[i + 1]);
                c[15].is_ascii_uppercase() && (new - old) % 26 == (c[15] - b'A') as u32
            }
            Edit::Swap(_) => check_char(&c[..15]) == Some(c[15]),
        };
        if !fits || found.iter().any(|f| f.code == c) {
            return;
        }
        let same_meaning = unknown == 0
            && match edit {
                Edit::Replace(i, _, _) => i == 15 || (i < 6 && code[i].is_ascii_uppercase()),
                Edit::Swap(i) => i < 5,
            };
        let meaning = if same_meaning { base } else { decoded(&c) };
        if let Some(decoded) = meaning {
            found.push(Candidate {
                code: c,
                edit,
                decoded,
            });
        }
    };
    // Replacements, with the check sum kept up to date instead of recomputed: of the
    // characters a position allows, only those that give the typed check character are
    // tried (about one in 26), and the check character itself is the one the other
    // fifteen give.
    let target = code[15]
        .is_ascii_uppercase()
        .then(|| (code[15] - b'A') as u32);
    for i in 0..16 {
        let old = code[i];
        let old_char = typed.get(i).copied().unwrap_or('?');
        if i == 15 {
            if unknown == 0 {
                let expected = b'A' + (sum % 26) as u8;
                if expected != old {
                    let mut c = *code;
                    c[15] = expected;
                    consider(c, Edit::Replace(15, old_char, expected as char), &mut found);
                }
            }
            continue;
        }
        let own = weights.get(i).copied().flatten();
        let others_known = unknown == usize::from(own.is_none());
        let (Some(target), true) = (target, others_known) else {
            continue;
        };
        // The weight the new character needs, and the (at most two) characters with it.
        let need = (target + 26 * 26 - (sum - own.unwrap_or(0)) % 26) % 26;
        for b in with_weight(i, need) {
            if b != old && alphabet(i).contains(&b) {
                let mut c = *code;
                c[i] = b;
                consider(c, Edit::Replace(i, old_char, b as char), &mut found);
            }
        }
    }
    for i in 0..15 {
        if code[i] != code[i + 1] && code[i] != 0 && code[i + 1] != 0 {
            let mut c = *code;
            c.swap(i, i + 1);
            consider(c, Edit::Swap(i), &mut found);
        }
    }
    // The person the typed code describes (its first fifteen with the check character they
    // give): a plausible one, born in the most recent century where the place existed.
    let typed_person = base
        .filter(|d| !d.outside_validity && !d.century_from_place)
        .map(|d| (d.sex, d.birth_date, d.place.code()));
    let mut ranked: Vec<(Rank, Candidate)> = Vec::with_capacity(found.len());
    for cand in found {
        let ranked_one = {
            let disagree =
                conflicts.map_or(0, |f| f(std::str::from_utf8(&cand.code).unwrap_or("")));
            let new_letter = NUMERIC_POSITIONS
                .iter()
                .any(|&p| code[p].is_ascii_digit() && !cand.code[p].is_ascii_digit());
            let (slip, pos) = match cand.edit {
                Edit::Swap(i) => (0, i),
                Edit::Replace(i, old, new) if near(old as u8, new as u8) => (1, i),
                Edit::Replace(15, _, _) => (2, 15),
                Edit::Replace(i, _, _) => (3, i),
            };
            let older = cand.decoded.outside_validity || cand.decoded.century_from_place;
            let key = (disagree, older, new_letter, slip, pos);
            (key, cand)
        };
        ranked.push(ranked_one);
    }
    crate::text::sort_small_by_key(&mut ranked, |(key, _)| *key);
    if ranked.first().is_some_and(|(key, _)| key.0 == 0) {
        ranked.retain(|(key, _)| key.0 == 0);
    }
    // The first proposal: the same person as typed before another one, and among those the
    // check character (criteria 3 and 4); the form's fields and a plausible birth still
    // come first. The others keep their rank.
    let first = ranked
        .iter()
        .enumerate()
        .min_by_key(|(i, (key, cand))| {
            let d = &cand.decoded;
            let other_person =
                typed_person.is_some_and(|t| t != (d.sex, d.birth_date, d.place.code()));
            let not_check = !matches!(cand.edit, Edit::Replace(15, _, _));
            (key.0, key.1, other_person, not_check, *i)
        })
        .map(|(i, _)| i);
    if let Some(i) = first {
        let best = ranked.remove(i);
        ranked.insert(0, best);
    }
    ranked.truncate(MAX_SUGGESTIONS);
    let mut fixes = Vec::with_capacity(ranked.len());
    for (_, cand) in ranked {
        fixes.push(Fix {
            code: text(&cand.code),
            edit: cand.edit,
            meaning: Some(cand.decoded),
        });
    }
    fixes
}

/// Whether an 11-digit candidate is valid: a serial that is not all zero, the check digit,
/// the office code (the same rules as `numeric::check`; the cf_check fuzz target found a
/// suggestion with a zero serial).
fn plausible_numeric(code: &[u8; 11]) -> bool {
    code[..7].iter().any(|&b| b != b'0')
        && luhn_digit(&code[..10]) == Some(code[10])
        && super::tables::office_kind(code).is_some()
}

/// The suggestions for an 11-digit code with a wrong check digit or office code: swaps of
/// adjacent digits first, then the check digit, then other single digits; at most
/// [`MAX_SUGGESTIONS`].
pub(crate) fn numeric(code: &[u8; 11]) -> Vec<Fix> {
    let mut found: Vec<(u8, Fix)> = Vec::new();
    let mut consider = |c: [u8; 11], edit: Edit, rank: u8| {
        let t = text(&c);
        if plausible_numeric(&c) && !found.iter().any(|(_, f)| f.code == t) {
            found.push((
                rank,
                Fix {
                    code: t,
                    edit,
                    meaning: None,
                },
            ));
        }
    };
    for i in 0..10 {
        if code[i] != code[i + 1] {
            let mut c = *code;
            c.swap(i, i + 1);
            consider(c, Edit::Swap(i), 0);
        }
    }
    for i in (0..11).rev() {
        for b in b'0'..=b'9' {
            if b != code[i] {
                let mut c = *code;
                c[i] = b;
                let rank = if near(code[i], b) {
                    1
                } else if i == 10 {
                    2
                } else {
                    3
                };
                consider(c, Edit::Replace(i, code[i] as char, b as char), rank);
            }
        }
    }
    crate::text::sort_small_by_key(&mut found, |(rank, _)| *rank);
    found.truncate(MAX_SUGGESTIONS);
    let mut fixes = Vec::with_capacity(found.len());
    for (_, f) in found {
        fixes.push(f);
    }
    fixes
}
