//! Text folding shared by the checks: what the user typed is never changed in place, these
//! functions build the comparable form next to it.

/// Characters that are invisible or only separate groups: ignored in codes.
pub fn is_ignorable_in_code(c: char) -> bool {
    c.is_whitespace()
        || matches!(
            c,
            '-' | '.' | '_' | '/' | '\u{00AD}' // soft hyphen
                | '\u{200B}'..='\u{200F}'      // zero-width space/joiners, LRM, RLM
                | '\u{202A}'..='\u{202E}'      // bidi embeddings and overrides
                | '\u{2060}'..='\u{2064}'      // word joiner, invisible operators
                | '\u{2066}'..='\u{2069}'      // bidi isolates
                | '\u{FEFF}'                   // byte order mark
        )
}

/// Folds a letter with an accent (or a fullwidth form) to its ASCII base letter, if any.
pub fn fold_char(c: char) -> Option<char> {
    let folded = match c {
        'A'..='Z' | 'a'..='z' | '0'..='9' => c,
        'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' | 'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' => 'a',
        'È' | 'É' | 'Ê' | 'Ë' | 'è' | 'é' | 'ê' | 'ë' => 'e',
        'Ì' | 'Í' | 'Î' | 'Ï' | 'ì' | 'í' | 'î' | 'ï' => 'i',
        'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'ò' | 'ó' | 'ô' | 'õ' | 'ö' => 'o',
        'Ù' | 'Ú' | 'Û' | 'Ü' | 'ù' | 'ú' | 'û' | 'ü' => 'u',
        'Ç' | 'ç' => 'c',
        'Ñ' | 'ñ' => 'n',
        'Ý' | 'ý' | 'ÿ' => 'y',
        '\u{FF21}'..='\u{FF3A}' => (b'a' + (c as u32 - 0xFF21) as u8) as char,
        '\u{FF41}'..='\u{FF5A}' => (b'a' + (c as u32 - 0xFF41) as u8) as char,
        '\u{FF10}'..='\u{FF19}' => (b'0' + (c as u32 - 0xFF10) as u8) as char,
        _ => return None,
    };
    Some(folded.to_ascii_lowercase())
}

/// The one normaliser of sede and profile ids, shared by every function (`route`,
/// `timeline`, `addWorkingDays`, `review`, …): `"Milano Nord"`, `"milano-nord"`,
/// `"MILANO_NORD"` → `"milano-nord"`; `"Forlì"` → `"forli"`; `"Reggio nell'Emilia"` →
/// `"reggio-nell-emilia"`. `None` for text that cannot be an id (empty, other punctuation,
/// or longer than any sede's name could be), so that it is refused alike everywhere.
pub fn id_key(s: &str) -> Option<String> {
    if s.len() > 64 {
        return None;
    }
    let mut out = String::with_capacity(s.len());
    for c in s.trim().chars() {
        match fold_char(c) {
            Some(a) if a.is_ascii_alphanumeric() => out.push(a.to_ascii_lowercase()),
            _ if c == '-' || c == '_' || c == '\'' || c == '’' || c.is_whitespace() => {
                if !out.is_empty() && !out.ends_with('-') {
                    out.push('-');
                }
            }
            _ => return None,
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    (!out.is_empty()).then_some(out)
}

/// Lower-case ASCII words of a free text: accents folded, apostrophes and punctuation turned
/// into spaces, runs of spaces collapsed. "L'Agibilità  n.5" → "l agibilita n 5".
pub fn fold_words(text: &str) -> String {
    fold_words_by(text, fold_char)
}

/// [`fold_words`] with another folding of each character (`None`: a separator), e.g. one
/// that also keeps the wildcards of a keyword. A function pointer, not a generic: one copy
/// of the loop in the wasm.
pub(crate) fn fold_words_by(text: &str, fold: fn(char) -> Option<char>) -> String {
    // Bytes, not `String::push`: the review folds every description it reads, and with the
    // size-optimised build a call per character was most of the cost. Text is mostly ASCII.
    let mut out: Vec<u8> = Vec::with_capacity(text.len());
    let mut pending_space = false;
    let mut rest = text;
    while let Some(&b) = rest.as_bytes().first() {
        let c = if b.is_ascii() {
            rest = rest.get(1..).unwrap_or("");
            char::from(b)
        } else {
            let mut chars = rest.chars();
            let Some(c) = chars.next() else { break };
            rest = chars.as_str();
            c
        };
        match fold(c) {
            Some(f) => {
                if pending_space && !out.is_empty() {
                    out.push(b' ');
                }
                pending_space = false;
                match u8::try_from(f) {
                    Ok(a) if a.is_ascii() => out.push(a),
                    _ => out.extend_from_slice(f.encode_utf8(&mut [0; 4]).as_bytes()),
                }
            }
            None => pending_space = true,
        }
    }
    // Whole characters were written: the bytes are UTF-8.
    String::from_utf8(out).unwrap_or_default()
}

/// Whether [`fold_words`] of `text` is `folded`, comparing as it folds, without building the
/// folded string, and stopping at the first difference (a lookup by label compares the
/// wanted text with every label of a list).
pub fn folds_to(text: &str, folded: &str) -> bool {
    let mut want = folded.bytes();
    let mut pending_space = false;
    let mut started = false;
    for c in text.chars() {
        match fold_char(c) {
            Some(f) => {
                if pending_space && started && want.next() != Some(b' ') {
                    return false;
                }
                pending_space = false;
                started = true;
                // `fold_char` gives ASCII.
                if want.next() != u8::try_from(f).ok() {
                    return false;
                }
            }
            None => pending_space = true,
        }
    }
    want.next().is_none()
}

/// A whole number below 1e15 in magnitude written as text the way Rust's `f64` parser reads
/// numbers (`12`, ` +12 `, `12.0`, `1.2e1`, `1200e-2`), from its exact decimal value. Not
/// through `f64`: its parser (about 13 KB gzip of code and tables) would also round noise
/// such as `3.00000000000000001` or `1e-400` to a whole number, which this refuses.
pub fn whole_number(text: &str) -> Option<i64> {
    let s = text.trim();
    let (negative, s) = match s.as_bytes().first() {
        Some(b'-') => (true, s.get(1..)?),
        Some(b'+') => (false, s.get(1..)?),
        _ => (false, s),
    };
    let (mantissa, exponent) = match s.find(['e', 'E']) {
        Some(i) => (s.get(..i)?, Some(s.get(i + 1..)?)),
        None => (s, None),
    };
    let (int, frac) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let all_digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit());
    if (int.is_empty() && frac.is_empty()) || !all_digits(int) || !all_digits(frac) {
        return None;
    }
    // The text is at most a few dozen characters: any exponent beyond ±10⁴ means the same.
    let exponent: i64 = match exponent {
        None => 0,
        Some(e) => {
            let (sign, digits) = match e.as_bytes().first() {
                Some(b'-') => (-1, e.get(1..)?),
                Some(b'+') => (1, e.get(1..)?),
                _ => (1, e),
            };
            if digits.is_empty() || !all_digits(digits) {
                return None;
            }
            sign * digits
                .bytes()
                .fold(0i64, |n, b| (n * 10 + i64::from(b - b'0')).min(10_000))
        }
    };
    // value = digits × 10^shift, leading zeros dropped.
    // A loop, not chain + skip_while + collect: one copy less of the adapters (issue 15).
    let mut digits: Vec<u8> = Vec::new();
    for b in int.bytes().chain(frac.bytes()) {
        if !(digits.is_empty() && b == b'0') {
            digits.push(b);
        }
    }
    let shift = exponent - i64::try_from(frac.len()).ok()?;
    let kept = if shift >= 0 {
        digits.len()
    } else {
        // The digits after the decimal point must all be zeros.
        let cut = digits.len().saturating_sub(usize::try_from(-shift).ok()?);
        if digits.get(cut..)?.iter().any(|&b| b != b'0') {
            return None;
        }
        cut
    };
    let zeros = usize::try_from(shift.max(0)).ok()?;
    // Below 1e15: at most 15 digits once the zeros of the exponent are added.
    if kept > 0 && kept + zeros > 15 {
        return None;
    }
    let head = digits.get(..kept)?;
    let n = head.iter().fold(0i64, |n, &b| n * 10 + i64::from(b - b'0'))
        * 10i64.pow(if kept == 0 { 0 } else { zeros as u32 });
    Some(if negative { -n } else { n })
}

/// The capital of an ASCII or Latin-1 letter (`a` → `A`, `à` → `À`), any other character as
/// it is. For codes, where a letter outside them cannot be right anyway: `char::to_uppercase`
/// links Unicode's case tables (about 4 KB brotli of the module, issue 15) for nothing.
pub fn upper_latin1(c: char) -> char {
    match c {
        'a'..='z' | 'à'..='ö' | 'ø'..='þ' => char::from_u32(c as u32 - 0x20).unwrap_or(c),
        _ => c,
    }
}

/// Sorts `v` by `key`, stably (equal keys keep their order), by insertion. The lists the
/// module sorts at run time are short (the findings of one form, the places of one name, the
/// fixes of one code); the standard library's stable sort costs about 2.5 KB of wasm for
/// each element type it sorts, this loop a few hundred bytes (issue 15). Not for long lists:
/// it is quadratic.
pub fn sort_small_by_key<T, K: Ord>(v: &mut [T], mut key: impl FnMut(&T) -> K) {
    for i in 1..v.len() {
        let mut j = i;
        while j > 0 && key(&v[j - 1]) > key(&v[j]) {
            v.swap(j - 1, j);
            j -= 1;
        }
    }
}

/// Sorts `v` ascending by heapsort: one small copy in the wasm whatever calls it, and
/// O(n log n) on any input (a portal's titolario may be long). A caller that packs its key
/// and the element's position into each number (`suggest::by_weight_desc`) sorts stably.
pub fn sort_u64(v: &mut [u64]) {
    heap_sort(v);
}

/// Sorts `v` ascending by heapsort, not stably: for lists whose elements are all distinct
/// (where every sort gives the same order), long or short. The standard library's unstable
/// sort (ipnsort, its quicksort, heapsort and small sorts) costs about 2.5 KB of wasm for
/// each element type; this loop a few hundred bytes (issue 15).
pub fn heap_sort<T: Ord>(v: &mut [T]) {
    fn sift<T: Ord>(v: &mut [T], mut root: usize, end: usize) {
        loop {
            let mut child = 2 * root + 1;
            if child >= end {
                return;
            }
            if child + 1 < end && v[child] < v[child + 1] {
                child += 1;
            }
            if v[root] >= v[child] {
                return;
            }
            v.swap(root, child);
            root = child;
        }
    }
    let n = v.len();
    for i in (0..n / 2).rev() {
        sift(v, i, n);
    }
    for end in (1..n).rev() {
        v.swap(0, end);
        sift(v, 0, end);
    }
}

/// Where `needle` first is in `hay`, as `hay.find(needle)` answers. A text pattern in std's
/// `find`, `contains`, `split`, `split_once` or `replace` links the Two-Way searcher (about
/// 2.5 KB of wasm, issue 15); the texts searched here are short (a message, an address, a
/// subject) or searched once (the places file's section markers), where comparing at each
/// byte is quick enough. A match of a whole UTF-8 `needle` starts and ends on character
/// boundaries, so the position is `find`'s.
pub fn find(hay: &str, needle: &str) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = n.split_first() else {
        return Some(0);
    };
    let mut i = 0;
    while i + n.len() <= h.len() {
        if h[i] == first && h[i + 1..i + n.len()] == *rest {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Whether `needle` is in `hay` (`hay.contains(needle)`, by [`find`]).
pub fn contains(hay: &str, needle: &str) -> bool {
    find(hay, needle).is_some()
}

/// `hay.split_once(needle)`, by [`find`].
pub fn split_once<'a>(hay: &'a str, needle: &str) -> Option<(&'a str, &'a str)> {
    let i = find(hay, needle)?;
    Some((&hay[..i], &hay[i + needle.len()..]))
}

/// `hay.replace(from, to)`, by [`find`].
pub fn replace(hay: &str, from: &str, to: &str) -> String {
    if from.is_empty() {
        // As std: `to` before every character and at the end (and no endless loop).
        let mut out = String::from(to);
        for c in hay.chars() {
            out.push(c);
            out.push_str(to);
        }
        return out;
    }
    let mut out = String::new();
    let mut rest = hay;
    while let Some((head, tail)) = split_once(rest, from) {
        out.push_str(head);
        out.push_str(to);
        rest = tail;
    }
    out.push_str(rest);
    out
}

/// Where the ASCII byte `b` last is in `s`, as `s.rfind(b as char)` answers (an ASCII byte
/// is never inside another character): std's search from the end (`rfind`, `rsplit` with
/// a character: its reverse searcher and `memrchr`) for four uses (issue 15).
pub fn rfind_byte(s: &str, b: u8) -> Option<usize> {
    let bytes = s.as_bytes();
    let mut i = bytes.len();
    while i > 0 {
        i -= 1;
        if bytes[i] == b {
            return Some(i);
        }
    }
    None
}

/// `parts.join(sep)`, and `concat()` as `joined("")`: the same text. std's join is
/// `join_generic_copy`, about 1.1 KB of wasm for each kind of part (`String`, `&str`), with
/// its copies specialised by separator length; this loop is a tenth of that (issue 15).
pub trait Join {
    /// The parts with `sep` between each two.
    fn joined(&self, sep: &str) -> String;
}

impl<S: AsRef<str>> Join for [S] {
    fn joined(&self, sep: &str) -> String {
        let mut out = String::new();
        for (i, part) in self.iter().enumerate() {
            if i > 0 {
                out.push_str(sep);
            }
            out.push_str(part.as_ref());
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_searches_and_joins_agree_with_std() {
        let hays = [
            "",
            "a",
            "aaa",
            "abcabc",
            "èàè",
            "x--y--",
            "RSS MRA 85T10",
            "{sede}@{sede}.it",
            "😀a😀",
        ];
        let needles = [
            "", "a", "aa", "bc", "àè", "--", " ", "{sede}", "😀", "zz", "abcabcd",
        ];
        for hay in hays {
            for needle in needles {
                assert_eq!(find(hay, needle), hay.find(needle), "{hay:?} {needle:?}");
                assert_eq!(
                    contains(hay, needle),
                    hay.contains(needle),
                    "{hay:?} {needle:?}"
                );
                assert_eq!(
                    split_once(hay, needle),
                    hay.split_once(needle),
                    "{hay:?} {needle:?}"
                );
                assert_eq!(
                    replace(hay, needle, "<>"),
                    hay.replace(needle, "<>"),
                    "{hay:?} {needle:?}"
                );
            }
            for b in [b'a', b'-', b' ', b'.'] {
                assert_eq!(rfind_byte(hay, b), hay.rfind(b as char), "{hay:?} {b}");
            }
        }
        for parts in [&[][..], &["a"][..], &["a", "", "b"][..], &["è", "😀"][..]] {
            for sep in ["", ", ", "|"] {
                assert_eq!(parts.joined(sep), parts.join(sep), "{parts:?} {sep:?}");
            }
        }
        let mut v = vec![5, 3, 9, 1, 7, 2, 8];
        heap_sort(&mut v);
        assert_eq!(v, [1, 2, 3, 5, 7, 8, 9]);
    }

    #[test]
    fn upper_latin1_agrees_with_unicode_on_latin1_and_keeps_the_rest() {
        // Wherever Unicode's capital of a Latin-1 letter is one Latin-1 letter, the same.
        for c in (0u32..=0xFF).filter_map(char::from_u32) {
            let mut unicode = c.to_uppercase();
            let (Some(u), None) = (unicode.next(), unicode.next()) else {
                assert_eq!(upper_latin1(c), c, "{c:?} (ß) is kept");
                continue;
            };
            if u as u32 <= 0xFF {
                assert_eq!(upper_latin1(c), u, "{c:?}");
            } else {
                assert_eq!(upper_latin1(c), c, "{c:?} (µ, ÿ) is kept");
            }
        }
        for c in ['÷', '×', 'Ａ', 'ａ', 'ω', '😀', '1'] {
            let expected = if c == 'ａ' || c == 'ω' {
                c
            } else {
                c.to_uppercase().next().unwrap()
            };
            assert_eq!(upper_latin1(c), expected, "{c:?}");
        }
    }

    #[test]
    fn sort_u64_sorts() {
        let mut seed = 7u64;
        for n in [0, 1, 2, 3, 10, 100, 1000] {
            let input: Vec<u64> = (0..n)
                .map(|_| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    seed >> (seed % 60)
                })
                .collect();
            let mut ours = input.clone();
            sort_u64(&mut ours);
            let mut std = input;
            std.sort_unstable();
            assert_eq!(ours, std);
        }
    }

    #[test]
    fn sort_small_by_key_is_stable_and_sorted() {
        for input in [
            vec![],
            vec![(1, 'a')],
            vec![(3, 'a'), (1, 'b'), (3, 'c'), (0, 'd'), (1, 'e')],
            (0..40)
                .map(|i| (i * 7 % 5, char::from(b'a' + i as u8 % 26)))
                .collect(),
        ] {
            let mut ours = input.clone();
            sort_small_by_key(&mut ours, |p| p.0);
            let mut std = input.clone();
            std.sort_by_key(|p| p.0);
            assert_eq!(ours, std, "{input:?}");
        }
    }

    #[test]
    fn folds_accents_punctuation_and_case() {
        for (input, expected) in [
            ("L'Agibilità  n.5", "l agibilita n 5"),
            ("  DURC!! ", "durc"),
            ("perché più", "perche piu"),
            ("", ""),
            ("😀", ""),
            ("Ｆ２４", "f24"),
        ] {
            assert_eq!(fold_words(input), expected, "input {input:?}");
        }
    }

    #[test]
    fn whole_numbers_read_as_f64_reads_them() {
        // Rust's f64 parser is the reference wherever the exact value is a whole number.
        for s in [
            "12",
            " +12 ",
            "-12",
            "12.0",
            "12.",
            "1.2e1",
            "1200e-2",
            "1E3",
            "0",
            "-0",
            "000",
            "0.0",
            ".0",
            "0e5",
            "999999999999999",
            "-999999999999999",
            "99999999999999.9e1",
            "1e14",
            "1e+14",
            "100000000000000e-0",
            "0000000000000000000005",
        ] {
            let expected = s.trim().parse::<f64>().unwrap();
            assert_eq!(whole_number(s), Some(expected as i64), "{s:?}");
        }
        for s in [
            "",
            " ",
            "+",
            "-",
            ".",
            "e5",
            ".e5",
            "1e",
            "1e+",
            "1.5",
            "0.5",
            "1e-1",
            "12a",
            "0x10",
            "1_000",
            "inf",
            "-infinity",
            "NaN",
            "1e15",
            "1000000000000000",
            "999999999999999.5",
            "--5",
            "+-5",
            "1.2.3",
            "1e5e5",
            "١٢",
            "１２",
            "1e99999999999",
            "12 3",
        ] {
            assert_eq!(whole_number(s), None, "{s:?}");
        }
        // Where f64 rounds noise to a whole number, the exact value is refused.
        for s in ["3.00000000000000001", "1e-400"] {
            assert_eq!(whole_number(s), None, "{s:?}");
        }
    }

    #[test]
    fn ignorable_characters_in_codes() {
        for c in [' ', '-', '.', '\u{200B}', '\u{FEFF}', '\u{202E}', '\t'] {
            assert!(is_ignorable_in_code(c), "{c:?}");
        }
        for c in ['A', '0', '😀', 'é'] {
            assert!(!is_ignorable_in_code(c), "{c:?}");
        }
    }
}
