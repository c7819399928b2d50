//! The JSON reader's messages: why a JSON text, or one field of it, could not be read, as a
//! typed reason rendered in either language by one `match` with both side by side. The
//! English is serde_json's words (a portal author may look them up); the Italian says the
//! same. The reasons reach people inside `profile.json` and `titolario.*` findings, whose
//! examples are in `catalog::messages`.

use crate::text::Join;
use std::fmt;

use crate::finding::Lang;

/// What a value is, or what was expected, in a reason.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum What {
    Value,
    Object,
    List,
    Str,
    Number,
    WholeNumber,
    WholeFrom0,
    Bool,
    Null,
}

impl What {
    fn words(self, lang: Lang) -> &'static str {
        let (it, en) = match self {
            What::Value => ("un valore", "a value"),
            What::Object => ("un oggetto", "an object"),
            What::List => ("una lista", "a list"),
            What::Str => ("un testo", "a string"),
            What::Number => ("un numero", "a number"),
            What::WholeNumber => ("un numero intero", "a whole number"),
            What::WholeFrom0 => ("un numero intero da 0 in su", "a whole number from 0"),
            What::Bool => ("true o false", "true or false"),
            What::Null => ("null", "null"),
        };
        lang.pick(it, en)
    }
}

/// Why a JSON text or a field could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Reason {
    /// The text ends inside a value of this kind.
    Eof(What),
    /// No value where one must be.
    ExpectedValue,
    /// No `:` after a key.
    ExpectedColon,
    /// No `,` nor the closing bracket (`}` or `]`) after an element.
    ExpectedCommaOr(char),
    KeyNotString,
    Trailing,
    Recursion,
    InvalidEscape,
    InvalidNumber,
    ControlCharacter,
    /// Half a surrogate pair in a `\u` escape: the leading half, or the trailing one.
    LoneSurrogate {
        leading: bool,
    },
    /// A key written twice in one object.
    Duplicate(String),
    /// A field that must be there is not.
    Missing(String),
    /// A field the object does not have; with the fields it has, when they are said.
    UnknownField {
        key: String,
        expected: Vec<String>,
    },
    /// A value outside a closed list of names.
    UnknownVariant {
        value: String,
        expected: Vec<String>,
    },
    /// A value of the wrong kind.
    WrongKind {
        expected: What,
        found: What,
    },
    /// A whole number too large or too small for the field.
    OutOfRange(i64),
    /// A text that is not a date written `YYYY-MM-DD` (clipped).
    NotADate(String),
    /// A text with nothing but spaces where something must be said.
    Empty,
    /// A field that belongs to a note of another kind (`why` on a `document` note).
    NoteKind {
        goes_with: &'static str,
        kind: String,
    },
}

impl Reason {
    /// A field of kind `found` where `expected` was due.
    pub(crate) fn wrong(found: &super::Json, expected: What) -> Reason {
        Reason::WrongKind {
            expected,
            found: super::kind(found),
        }
    }

    /// The reason in `lang`.
    pub(crate) fn render(&self, lang: Lang) -> String {
        let it = lang == Lang::It;
        let pick = |i, e| lang.pick(i, e);
        match self {
            Reason::Eof(what) => [
                pick("il testo finisce a metà di ", "EOF while parsing "),
                what.words(lang),
            ]
            .joined(""),
            Reason::ExpectedValue => pick("manca un valore", "expected value").into(),
            Reason::ExpectedColon => pick("manca `:`", "expected `:`").into(),
            Reason::ExpectedCommaOr(close) => {
                let close = if *close == '}' { "}`" } else { "]`" };
                [pick("manca `,` o `", "expected `,` or `"), close].joined("")
            }
            Reason::KeyNotString => pick(
                "il nome di un campo va scritto tra virgolette",
                "key must be a string",
            )
            .into(),
            Reason::Trailing => pick(
                "dopo la fine del JSON c'è altro testo",
                "trailing characters",
            )
            .into(),
            Reason::Recursion => pick(
                "troppi livelli di oggetti e liste uno dentro l'altro",
                "recursion limit exceeded",
            )
            .into(),
            Reason::InvalidEscape => pick(
                "una sequenza con «\\» che il JSON non ammette",
                "invalid escape",
            )
            .into(),
            Reason::InvalidNumber => pick(
                "un numero scritto in una forma che il JSON non ammette",
                "invalid number",
            )
            .into(),
            Reason::ControlCharacter => pick(
                "un carattere di controllo (\\u0000-\\u001F) dentro un testo: scrivilo con \\u",
                "control character (\\u0000-\\u001F) found while parsing a string",
            )
            .into(),
            Reason::LoneSurrogate { leading } => match (it, leading) {
                (true, _) => "una sequenza \\u che da sola non è un carattere (metà di una coppia)",
                (false, true) => "lone leading surrogate in hex escape",
                (false, false) => "lone trailing surrogate in hex escape",
            }
            .into(),
            Reason::Duplicate(key) => {
                let key = quoted(key);
                match lang {
                    Lang::It => ["il campo ", &key, " compare due volte"].joined(""),
                    Lang::En => ["duplicate field ", &key].joined(""),
                }
            }
            Reason::Missing(key) => {
                [pick("manca il campo ", "missing field "), &quoted(key)].joined("")
            }
            Reason::UnknownField { key, expected } => {
                let key = quoted(key);
                match (lang, expected.is_empty()) {
                    (Lang::It, true) => ["il campo ", &key, " non è previsto"].joined(""),
                    (Lang::It, false) => [
                        "il campo ",
                        &key,
                        " non è previsto (campi ammessi: ",
                        &one_of(expected, lang),
                        ")",
                    ]
                    .joined(""),
                    (Lang::En, true) => ["unknown field ", &key].joined(""),
                    (Lang::En, false) => [
                        "unknown field ",
                        &key,
                        ", expected ",
                        &one_of(expected, lang),
                    ]
                    .joined(""),
                }
            }
            Reason::UnknownVariant { value, expected } => {
                let value = quoted(value);
                let names = one_of(expected, lang);
                match lang {
                    Lang::It => [
                        "il valore ",
                        &value,
                        " non è ammesso (valori ammessi: ",
                        &names,
                        ")",
                    ]
                    .joined(""),
                    Lang::En => ["unknown variant ", &value, ", expected ", &names].joined(""),
                }
            }
            Reason::WrongKind { expected, found } => [
                pick("serve ", "expected "),
                expected.words(lang),
                pick(", c'è ", ", found "),
                found.words(lang),
            ]
            .joined(""),
            Reason::NotADate(text) => [
                "«",
                text,
                pick(
                    "» non è una data scritta AAAA-MM-GG",
                    "» is not a date written YYYY-MM-DD",
                ),
            ]
            .joined(""),
            Reason::OutOfRange(n) => [
                n.to_string().as_str(),
                pick(" è fuori dall'intervallo ammesso", " is out of range"),
            ]
            .joined(""),
            Reason::Empty => pick("è vuoto", "is empty").into(),
            Reason::NoteKind { goes_with, kind } => [
                pick("va con una nota di tipo ", "goes with a note of kind "),
                goes_with,
                pick(", non ", ", not "),
                kind,
            ]
            .joined(""),
        }
    }
}

/// In English: the words written in serde_json's, for logs and the embedded data's checks.
impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.render(Lang::En))
    }
}

fn quoted(name: &str) -> String {
    ["`", name, "`"].joined("")
}

/// A closed list of names: in English serde's words ("`a`", "`a` or `b`", "one of `a`,
/// `b`, `c`"), in Italian the names only ("`a`, `b`").
pub(crate) fn one_of<S: AsRef<str>>(names: &[S], lang: Lang) -> String {
    // A loop, not map + collect: one copy less of the adapters for each kind of name
    // (issue 15).
    let mut quoted_names: Vec<String> = Vec::with_capacity(names.len());
    for n in names {
        quoted_names.push(quoted(n.as_ref()));
    }
    let quoted = quoted_names;
    match (lang, quoted.as_slice()) {
        (_, []) => match lang {
            Lang::It => "nessuno".into(),
            Lang::En => "nothing".into(),
        },
        (_, [one]) => one.clone(),
        (Lang::En, [a, b]) => [a.as_str(), " or ", b].joined(""),
        (Lang::En, _) => ["one of ", &quoted.joined(", ")].joined(""),
        (Lang::It, _) => quoted.joined(", "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn every_reason_in_both_languages() {
        // (reason, English as serde_json words it, Italian)
        for (reason, en, it) in [
            (
                Reason::Missing("name".into()),
                "missing field `name`",
                "manca il campo `name`",
            ),
            (
                Reason::UnknownField {
                    key: "nome".into(),
                    expected: names(&["id", "name"]),
                },
                "unknown field `nome`, expected `id` or `name`",
                "il campo `nome` non è previsto (campi ammessi: `id`, `name`)",
            ),
            (
                Reason::UnknownField {
                    key: "x".into(),
                    expected: names(&["id", "name", "until"]),
                },
                "unknown field `x`, expected one of `id`, `name`, `until`",
                "il campo `x` non è previsto (campi ammessi: `id`, `name`, `until`)",
            ),
            (
                Reason::UnknownField {
                    key: "x".into(),
                    expected: Vec::new(),
                },
                "unknown field `x`",
                "il campo `x` non è previsto",
            ),
            (
                Reason::UnknownVariant {
                    value: "fax".into(),
                    expected: names(&["pec", "email"]),
                },
                "unknown variant `fax`, expected `pec` or `email`",
                "il valore `fax` non è ammesso (valori ammessi: `pec`, `email`)",
            ),
            (
                Reason::Duplicate("id".into()),
                "duplicate field `id`",
                "il campo `id` compare due volte",
            ),
            (
                Reason::WrongKind {
                    expected: What::WholeFrom0,
                    found: What::Number,
                },
                "expected a whole number from 0, found a number",
                "serve un numero intero da 0 in su, c'è un numero",
            ),
            (
                Reason::WrongKind {
                    expected: What::Str,
                    found: What::Bool,
                },
                "expected a string, found true or false",
                "serve un testo, c'è true o false",
            ),
            (Reason::ExpectedValue, "expected value", "manca un valore"),
            (
                Reason::ExpectedCommaOr('}'),
                "expected `,` or `}`",
                "manca `,` o `}`",
            ),
            (
                Reason::ExpectedCommaOr(']'),
                "expected `,` or `]`",
                "manca `,` o `]`",
            ),
            (Reason::ExpectedColon, "expected `:`", "manca `:`"),
            (
                Reason::Eof(What::Object),
                "EOF while parsing an object",
                "il testo finisce a metà di un oggetto",
            ),
            (
                Reason::NotADate("01/02/2024".into()),
                "«01/02/2024» is not a date written YYYY-MM-DD",
                "«01/02/2024» non è una data scritta AAAA-MM-GG",
            ),
        ] {
            assert_eq!(reason.render(Lang::En), en);
            assert_eq!(reason.to_string(), en);
            assert_eq!(reason.render(Lang::It), it);
        }
        for (list, en, it) in [
            (&["a"][..], "`a`", "`a`"),
            (&["a", "b"][..], "`a` or `b`", "`a`, `b`"),
            (
                &["a", "b", "c"][..],
                "one of `a`, `b`, `c`",
                "`a`, `b`, `c`",
            ),
        ] {
            assert_eq!(one_of(list, Lang::En), en);
            assert_eq!(one_of(list, Lang::It), it);
        }
    }
}
