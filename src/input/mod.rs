//! What the boundary says about a JavaScript value it cannot read: the `input.*` findings.
//!
//! `bindings` reads what JavaScript passes leniently (a number where a code is expected is
//! read as its digits, `null` as empty), and what it cannot read becomes one of these
//! problems, rendered in `messages` in the caller's language. They live in the core, not in
//! `bindings`, so that their words are tested natively and listed in `docs/findings.md`.

pub mod messages;

use crate::field::Field;
use crate::finding::{Finding, Lang};

/// The kind of value a field needed, as a person names it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Expected {
    Text,
    List,
    Bool,
    Object,
    Number,
    /// What the documentation gives (when the reader's words say nothing clearer).
    Documented,
}

impl Expected {
    /// What serde's message says was expected (`invalid type: …, expected a string`).
    pub fn from_serde(message: &str) -> Expected {
        // The text after the last "expected " (what `rsplit_once` gives: the words cannot
        // overlap themselves), found byte by byte: `rsplit_once` with a text links the
        // Two-Way searcher's backward search for this one use (issue 15).
        const WORD: &[u8] = b"expected ";
        let bytes = message.as_bytes();
        let expected = (0..bytes.len())
            .rev()
            .find(|&i| bytes[i..].starts_with(WORD))
            .and_then(|i| message.get(i + WORD.len()..))
            .map_or("", |e| e.trim_end_matches('.'));
        match expected {
            "a string" | "a borrowed string" | "a character" => Expected::Text,
            "a sequence" => Expected::List,
            "a boolean" => Expected::Bool,
            e if e.starts_with("struct ") || e.starts_with("a map") => Expected::Object,
            e if matches!(e.get(..1), Some("f" | "i" | "u"))
                && e.len() > 1
                && e[1..].bytes().all(|b| b.is_ascii_digit()) =>
            {
                Expected::Number
            }
            _ => Expected::Documented,
        }
    }
}

/// A value passed from JavaScript that cannot be read. `what` is the argument's name as the
/// documentation gives it (`options`, `facts`), `path` the property inside it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum InputProblem {
    /// A number where a code is expected, and not one whose digits could be it.
    NumberNotCode,
    /// A text over the limit (`length` characters, UTF-16 units).
    TooLong { length: usize, max: usize },
    /// Neither text nor a number nor empty.
    NotText,
    /// `what` is not a plain object.
    NotObject { what: String },
    /// `options` is not a plain object, and the defaults are used.
    NotObjectDefaults,
    /// The request of `timeline()` is not an object.
    RequestNotObject,
    /// `what` holds a text over the limit.
    TextInsideTooLong { what: String, max: usize },
    /// A property of `what` has the wrong type (`path` empty when no single one does).
    WrongType {
        what: String,
        path: String,
        expected: Expected,
    },
    /// `options.today` is not a `YYYY-MM-DD` text.
    TodayNotDate,
    /// `what` throws when it is read (a getter, a Proxy trap).
    Unreadable { what: String },
    /// `lang` is neither `it` nor `en`; `given` is what was passed, when it is text.
    UnknownLang { given: Option<String> },
}

impl InputProblem {
    /// The finding, in `lang`, marking the argument (or the property) concerned.
    pub fn finding(&self, lang: Lang) -> Finding {
        let field = match self {
            InputProblem::NotObject { what }
            | InputProblem::TextInsideTooLong { what, .. }
            | InputProblem::WrongType { what, .. }
            | InputProblem::Unreadable { what } => Some(what.as_str()),
            InputProblem::NotObjectDefaults | InputProblem::TodayNotDate => Some("options"),
            InputProblem::RequestNotObject => Some("request"),
            InputProblem::UnknownLang { .. } => Some("lang"),
            InputProblem::NumberNotCode | InputProblem::TooLong { .. } | InputProblem::NotText => {
                None
            }
        };
        let finding = messages::finding(self, lang);
        match field {
            Some(f) => finding.field(Field::input(f)),
            None => finding,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_words_name_the_kind_needed() {
        for (message, expected) in [
            (
                "invalid type: integer `3`, expected a string",
                Expected::Text,
            ),
            ("invalid type: map, expected a sequence", Expected::List),
            (
                "invalid type: string \"x\", expected a boolean",
                Expected::Bool,
            ),
            (
                "invalid type: string \"x\", expected struct Facts",
                Expected::Object,
            ),
            ("invalid type: string \"x\", expected u32", Expected::Number),
            (
                "invalid type: string \"x\", expected f64.",
                Expected::Number,
            ),
            ("invalid value: expected u", Expected::Documented),
            ("something else", Expected::Documented),
        ] {
            assert_eq!(Expected::from_serde(message), expected, "{message}");
        }
    }
}
