//! Reading what the user typed: case, spaces, hyphens, dots and invisible characters are
//! ignored, full-width letters and digits are read as ASCII. Nothing is rewritten in place:
//! the normalised form is returned next to the input, and the caller says so when it
//! differs.

use crate::text::is_ignorable_in_code;

/// Significant characters kept at most; anything longer cannot be a code and is reported
/// as too long without reading further.
pub(crate) const MAX_SIGNIFICANT: usize = 64;

/// What [`normalize`] read. Kept on the stack: a code is short, and anything longer than
/// [`MAX_SIGNIFICANT`] is cut there.
pub(crate) struct Normalized {
    buf: [char; MAX_SIGNIFICANT],
    len: usize,
    /// More than [`MAX_SIGNIFICANT`] significant characters (reading stopped there).
    pub too_long: bool,
    /// Whether the normalised text differs from the input.
    pub changed: bool,
}

impl Normalized {
    /// The significant characters, upper-case; characters that are neither ASCII letters
    /// nor digits are kept as they are (the check reports them).
    pub fn chars(&self) -> &[char] {
        &self.buf[..self.len]
    }

    pub fn text(&self) -> String {
        let chars = self.chars();
        if !self.too_long && chars.iter().all(char::is_ascii) {
            return chars.iter().map(|&c| c as u8 as char).collect::<String>();
        }
        let mut s = String::with_capacity(self.len + 3);
        s.extend(chars);
        if self.too_long {
            s.push('…');
        }
        s
    }

    fn push(&mut self, c: char) {
        self.buf[self.len] = c;
        self.len += 1;
    }
}

/// Upper-case ASCII for an ASCII or full-width letter or digit.
#[inline]
pub(crate) fn fold_code_char(c: char) -> Option<u8> {
    match c {
        'a'..='z' | 'A'..='Z' | '0'..='9' => Some(c.to_ascii_uppercase() as u8),
        '\u{FF21}'..='\u{FF3A}' => Some(b'A' + (c as u32 - 0xFF21) as u8),
        '\u{FF41}'..='\u{FF5A}' => Some(b'A' + (c as u32 - 0xFF41) as u8),
        '\u{FF10}'..='\u{FF19}' => Some(b'0' + (c as u32 - 0xFF10) as u8),
        _ => None,
    }
}

pub(crate) fn normalize(input: &str) -> Normalized {
    let mut n = Normalized {
        buf: ['\0'; MAX_SIGNIFICANT],
        len: 0,
        too_long: false,
        changed: false,
    };
    // The common case, a code typed as it should be: no character needs a second look.
    let bytes = input.as_bytes();
    if bytes.len() <= MAX_SIGNIFICANT
        && bytes
            .iter()
            .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit())
    {
        for &b in bytes {
            n.push(b as char);
        }
        return n;
    }
    for c in input.chars() {
        if is_ignorable_in_code(c) {
            n.changed = true;
            continue;
        }
        if n.len == MAX_SIGNIFICANT {
            n.too_long = true;
            n.changed = true;
            break;
        }
        match fold_code_char(c) {
            Some(b) => {
                n.changed |= b as char != c;
                n.push(b as char);
            }
            None => n.push(c),
        }
    }
    n
}

/// The non-allocating form used by the fast path: the significant characters as ASCII
/// bytes in `buf`; `None` if there are more than `N` or one is not a letter or digit.
#[inline]
pub(crate) fn normalize_into<const N: usize>(input: &str, buf: &mut [u8; N]) -> Option<usize> {
    let mut n = 0;
    for c in input.chars() {
        if c.is_ascii_alphanumeric() {
            *buf.get_mut(n)? = c.to_ascii_uppercase() as u8;
            n += 1;
        } else if is_ignorable_in_code(c) {
            continue;
        } else {
            *buf.get_mut(n)? = fold_code_char(c)?;
            n += 1;
        }
    }
    Some(n)
}
