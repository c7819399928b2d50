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

/// Lower-case ASCII words of a free text: accents folded, apostrophes and punctuation turned
/// into spaces, runs of spaces collapsed. "L'Agibilità  n.5" → "l agibilita n 5".
pub fn fold_words(text: &str) -> String {
    fold_words_by(text, fold_char)
}

/// [`fold_words`] with another folding of each character (`None`: a separator), e.g. one
/// that also keeps the wildcards of a keyword. A function pointer, not a generic: one copy
/// of the loop in the wasm.
pub(crate) fn fold_words_by(text: &str, fold: fn(char) -> Option<char>) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for c in text.chars() {
        match fold(c) {
            Some(f) => {
                if pending_space && !out.is_empty() {
                    out.push(' ');
                }
                pending_space = false;
                out.push(f);
            }
            None => pending_space = true,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn ignorable_characters_in_codes() {
        for c in [' ', '-', '.', '\u{200B}', '\u{FEFF}', '\u{202E}', '\t'] {
            assert!(is_ignorable_in_code(c), "{c:?}");
        }
        for c in ['A', '0', '😀', 'é'] {
            assert!(!is_ignorable_in_code(c), "{c:?}");
        }
    }
}
