//! A small JSON reader for the data embedded in the crate (protocol profiles, titolari,
//! patron days) and for the profiles a portal loads, and [`Fields`] to read an object's
//! fields by hand.
//!
//! Why not serde_json: its deserializer is compiled once per struct and per `Vec` of
//! structs (several KB of wasm each), and parsing into `serde_json::Value` still brings its
//! number parsing and error machinery: measured, reading `patroni.json` with serde_json
//! cost the shipped package about 16 KB gzip. This reader is one small function per JSON
//! kind. It reads standard JSON (RFC 8259): numbers are kept as integers when they are
//! ones (the data only has whole numbers), or else as written; objects keep their order
//! and refuse a repeated key; nesting is capped at [`MAX_DEPTH`]. An error says what was
//! expected and where ("EOF while parsing an object at line 1 column 1"); a field error
//! names the field's path (`classes[2].objects[0].soglia`) in serde's words ("missing
//! field `cassetto`", "unknown field `nome`"), and [`locate`] finds that path in the text
//! to say on which line it is. Profiles read with serde_json and derived deserializers
//! cost the full (catalog) build 31 KB gzip more than with this reader.

mod fields;
mod messages;

pub(crate) use fields::{Fail, Fields};
pub(crate) use messages::{Reason, What};

/// Deepest nesting of lists and objects accepted (the data nests 4 levels).
pub const MAX_DEPTH: usize = 64;

/// A JSON value.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Json {
    Null,
    Bool(bool),
    /// A number written without fraction or exponent that fits an `i64`.
    Int(i64),
    /// Any other number, as written.
    Number(String),
    Str(String),
    List(Vec<Json>),
    /// Keys in the order written, each once.
    Object(Vec<(String, Json)>),
}

/// Parses one JSON document; an error says what and where ("… at line 1 column 1").
pub(crate) fn parse(text: &str) -> Result<Json, String> {
    parse_at(text).map_err(|(at, what)| {
        let (line, column) = line_column(text, at);
        format!("{what} at line {line} column {column}")
    })
}

/// Parses one JSON document; an error is the byte offset where it was found and what it is.
pub(crate) fn parse_at(text: &str) -> Result<Json, Syntax> {
    let mut p = Parser {
        text,
        at: 0,
        depth: 0,
    };
    let value = p.value()?;
    p.blank();
    if p.at < text.len() {
        return Err(p.error(Reason::Trailing));
    }
    Ok(value)
}

/// A syntax error: the byte offset where it was found, and what it is.
pub(crate) type Syntax = (usize, Reason);

/// The line and column (1-based, in characters) of the byte offset `at` of `text`.
pub(crate) fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = text.get(..at).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let start = crate::text::rfind_byte(before, b'\n').map_or(0, |i| i + 1);
    let column = before[start..].chars().count().max(1);
    (line, column)
}

/// The byte offset of the value at `path` (`rules[0].gestioni[1]`, as [`Fields`] writes
/// paths) in `text`, or of the deepest part of the path found; to say where a field error
/// is. `text` is a document [`parse`] has read.
pub(crate) fn locate(text: &str, path: &str) -> usize {
    let mut p = Parser {
        text,
        at: 0,
        depth: 0,
    };
    p.blank();
    let mut found = p.at;
    // `a.b[2].c`: a key, then its indices, part by part.
    for part in path.split('.').filter(|s| !s.is_empty()) {
        let (key, indices) = part.split_once('[').unwrap_or((part, ""));
        if !key.is_empty() {
            if p.step(Ok(key)).is_none() {
                return found;
            }
            found = p.at;
        }
        for i in indices.split('[').filter(|i| !i.is_empty()) {
            let Ok(i) = i.trim_end_matches(']').parse::<usize>() else {
                return found;
            };
            if p.step(Err(i)).is_none() {
                return found;
            }
            found = p.at;
        }
    }
    found
}

struct Parser<'t> {
    text: &'t str,
    at: usize,
    depth: usize,
}

impl Parser<'_> {
    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn blank(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.at += 1;
        }
    }

    /// `what` at the current place.
    fn error(&self, what: Reason) -> Syntax {
        (self.at, what)
    }

    /// From the start of an object or a list, goes to the start of the value of the key
    /// (`Ok`) or of the index (`Err`); `None` when it is not there.
    fn step(&mut self, step: Result<&str, usize>) -> Option<()> {
        let object = self.peek() == Some(b'{');
        if self.peek() != Some(if step.is_ok() { b'{' } else { b'[' }) {
            return None;
        }
        self.at += 1;
        let mut i = 0;
        loop {
            self.blank();
            if object {
                if self.peek() != Some(b'"') {
                    return None;
                }
                let key = self.string().ok()?;
                self.blank();
                if self.peek() != Some(b':') {
                    return None;
                }
                self.at += 1;
                self.blank();
                if step == Ok(key.as_str()) {
                    return Some(());
                }
            } else if step == Err(i) {
                return Some(());
            }
            self.value().ok()?;
            self.blank();
            if self.peek() != Some(b',') {
                return None;
            }
            self.at += 1;
            i += 1;
        }
    }

    fn eof_or(&self, what: Reason, parsing: What) -> Syntax {
        if self.at >= self.text.len() {
            self.error(Reason::Eof(parsing))
        } else {
            self.error(what)
        }
    }

    fn value(&mut self) -> Result<Json, Syntax> {
        self.blank();
        match self.peek() {
            Some(b'{') => self.nested(true),
            Some(b'[') => self.nested(false),
            Some(b'"') => self.string().map(Json::Str),
            Some(b'-' | b'0'..=b'9') => self.number(),
            _ => {
                // A match on the word, not a loop over (word, value) pairs: the pairs were
                // three values built and dropped at each call.
                let rest = self.text.get(self.at..).unwrap_or("");
                let (len, value) = if rest.starts_with("null") {
                    (4, Json::Null)
                } else if rest.starts_with("true") {
                    (4, Json::Bool(true))
                } else if rest.starts_with("false") {
                    (5, Json::Bool(false))
                } else {
                    return Err(self.eof_or(Reason::ExpectedValue, What::Value));
                };
                self.at += len;
                Ok(value)
            }
        }
    }

    /// An object (`{…}`) or a list (`[…]`).
    fn nested(&mut self, object: bool) -> Result<Json, Syntax> {
        let (close, parsing) = if object {
            (b'}', What::Object)
        } else {
            (b']', What::List)
        };
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error(Reason::Recursion));
        }
        self.at += 1;
        let mut items: Vec<Json> = Vec::new();
        let mut fields: Vec<(String, Json)> = Vec::new();
        self.blank();
        if self.peek() == Some(close) {
            self.at += 1;
        } else {
            loop {
                self.blank();
                if object {
                    if self.peek() != Some(b'"') {
                        return Err(self.eof_or(Reason::KeyNotString, parsing));
                    }
                    let key = self.string()?;
                    if fields.iter().any(|(k, _)| *k == key) {
                        return Err(self.error(Reason::Duplicate(key)));
                    }
                    self.blank();
                    if self.peek() != Some(b':') {
                        return Err(self.eof_or(Reason::ExpectedColon, parsing));
                    }
                    self.at += 1;
                    let value = self.value()?;
                    fields.push((key, value));
                } else {
                    items.push(self.value()?);
                }
                self.blank();
                match self.peek() {
                    Some(b',') => self.at += 1,
                    Some(c) if c == close => {
                        self.at += 1;
                        break;
                    }
                    _ => {
                        return Err(self.eof_or(Reason::ExpectedCommaOr(char::from(close)), parsing))
                    }
                }
            }
        }
        self.depth -= 1;
        Ok(if object {
            Json::Object(fields)
        } else {
            Json::List(items)
        })
    }

    fn string(&mut self) -> Result<String, Syntax> {
        self.at += 1; // the opening quote
        let mut out = String::new();
        loop {
            let rest = self.text.get(self.at..).unwrap_or("");
            // Copy the run up to the next quote, backslash or control character at once.
            let run = rest
                .bytes()
                .position(|b| b == b'"' || b == b'\\' || b < 0x20)
                .unwrap_or(rest.len());
            out.push_str(rest.get(..run).unwrap_or(""));
            self.at += run;
            match self.peek() {
                Some(b'"') => {
                    self.at += 1;
                    return Ok(out);
                }
                Some(b'\\') => {
                    self.at += 1;
                    let c = match self.peek() {
                        Some(b'"') => '"',
                        Some(b'\\') => '\\',
                        Some(b'/') => '/',
                        Some(b'b') => '\u{8}',
                        Some(b'f') => '\u{c}',
                        Some(b'n') => '\n',
                        Some(b'r') => '\r',
                        Some(b't') => '\t',
                        Some(b'u') => {
                            self.at += 1;
                            let c = self.unicode_escape()?;
                            out.push(c);
                            continue;
                        }
                        _ => return Err(self.eof_or(Reason::InvalidEscape, What::Str)),
                    };
                    self.at += 1;
                    out.push(c);
                }
                Some(_) => return Err(self.error(Reason::ControlCharacter)),
                None => return Err(self.error(Reason::Eof(What::Str))),
            }
        }
    }

    /// The character of `\uXXXX` (the `\u` read), a surrogate pair taking two escapes.
    fn unicode_escape(&mut self) -> Result<char, Syntax> {
        let first = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&first) {
            if self
                .text
                .get(self.at..)
                .is_some_and(|t| t.starts_with("\\u"))
            {
                self.at += 2;
                let second = self.hex4()?;
                if !(0xDC00..0xE000).contains(&second) {
                    return Err(self.error(Reason::LoneSurrogate { leading: true }));
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            } else {
                return Err(self.error(Reason::LoneSurrogate { leading: true }));
            }
        } else {
            first
        };
        char::from_u32(code).ok_or_else(|| self.error(Reason::LoneSurrogate { leading: false }))
    }

    fn hex4(&mut self) -> Result<u32, Syntax> {
        let digits = self.text.get(self.at..self.at + 4).unwrap_or("");
        match u32::from_str_radix(digits, 16) {
            Ok(n) if digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_hexdigit()) => {
                self.at += 4;
                Ok(n)
            }
            _ => Err(self.eof_or(Reason::InvalidEscape, What::Str)),
        }
    }

    fn number(&mut self) -> Result<Json, Syntax> {
        let start = self.at;
        let digits = |p: &mut Self| {
            let from = p.at;
            while p.peek().is_some_and(|b| b.is_ascii_digit()) {
                p.at += 1;
            }
            p.at - from
        };
        if self.peek() == Some(b'-') {
            self.at += 1;
        }
        let int_start = self.at;
        if digits(self) == 0 {
            return Err(self.eof_or(Reason::InvalidNumber, What::Value));
        }
        if self.at - int_start > 1 && self.text.as_bytes().get(int_start) == Some(&b'0') {
            return Err(self.error(Reason::InvalidNumber));
        }
        let mut whole = true;
        if self.peek() == Some(b'.') {
            self.at += 1;
            whole = false;
            if digits(self) == 0 {
                return Err(self.eof_or(Reason::InvalidNumber, What::Value));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            whole = false;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if digits(self) == 0 {
                return Err(self.eof_or(Reason::InvalidNumber, What::Value));
            }
        }
        let written = self.text.get(start..self.at).unwrap_or("");
        Ok(match written.parse::<i64>() {
            Ok(n) if whole => Json::Int(n),
            _ => Json::Number(written.to_string()),
        })
    }
}

/// The strings of `list`, a list at the path `at` (`match[2]`): an element that is not a
/// string is an error at its own path (`match[2][0]`).
pub(crate) fn strings(list: &[Json], at: &str) -> Result<Vec<String>, Fail> {
    list.iter()
        .enumerate()
        .map(|(i, v)| match v {
            Json::Str(s) => Ok(s.clone()),
            _ => Err((format!("{at}[{i}]"), Reason::wrong(v, What::Str))),
        })
        .collect()
}

/// What a JSON value is, for a message.
fn kind(v: &Json) -> What {
    match v {
        Json::Null => What::Null,
        Json::Bool(_) => What::Bool,
        Json::Int(_) | Json::Number(_) => What::Number,
        Json::Str(_) => What::Str,
        Json::List(_) => What::List,
        Json::Object(_) => What::Object,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Lang;

    fn s(x: &str) -> Json {
        Json::Str(x.to_string())
    }

    #[test]
    fn reads_standard_json() {
        for (text, expected) in [
            ("null", Json::Null),
            (" true ", Json::Bool(true)),
            ("false", Json::Bool(false)),
            ("0", Json::Int(0)),
            ("-12", Json::Int(-12)),
            ("1.5", Json::Number("1.5".into())),
            ("2e3", Json::Number("2e3".into())),
            ("-0.0E-1", Json::Number("-0.0E-1".into())),
            (
                "99999999999999999999",
                Json::Number("99999999999999999999".into()),
            ),
            (r#""""#, s("")),
            (r#""Sant'Ansano""#, s("Sant'Ansano")),
            (r#""a\"b\\c\/d\n\t\r\b\f""#, s("a\"b\\c/d\n\t\r\u{8}\u{c}")),
            (r#""\u00e0 \u20AC \ud83d\ude00""#, s("à € 😀")),
            ("\"à😀\"", s("à😀")),
            ("[]", Json::List(vec![])),
            (
                "[1, [2], {}]",
                Json::List(vec![
                    Json::Int(1),
                    Json::List(vec![Json::Int(2)]),
                    Json::Object(vec![]),
                ]),
            ),
            (
                r#" { "b" : 1 , "a" : [ ] } "#,
                Json::Object(vec![
                    ("b".into(), Json::Int(1)),
                    ("a".into(), Json::List(vec![])),
                ]),
            ),
        ] {
            assert_eq!(parse(text), Ok(expected), "{text}");
        }
    }

    #[test]
    fn refuses_what_is_not_json_and_says_where() {
        for (text, error) in [
            ("", "EOF while parsing a value at line 1 column 1"),
            ("{", "EOF while parsing an object at line 1 column 1"),
            ("[1,", "EOF while parsing a value"),
            ("[1 2]", "expected `,` or `]` at line 1 column 3"),
            ("{\n  \"a\" 1}", "expected `:` at line 2 column 6"),
            ("{\"a\": 1,}", "key must be a string"),
            ("{a: 1}", "key must be a string"),
            ("{\"a\": 1, \"a\": 2}", "duplicate field `a`"),
            ("\"abc", "EOF while parsing a string"),
            ("\"a\nb\"", "control character"),
            (r#""\x""#, "invalid escape"),
            (r#""\u12""#, "invalid escape"),
            (r#""\ud83d""#, "lone leading surrogate"),
            (r#""\ud83d\u0041""#, "lone leading surrogate"),
            (r#""\ude00""#, "lone trailing surrogate"),
            ("01", "invalid number"),
            ("-", "EOF while parsing a value"),
            ("-x", "invalid number"),
            ("[1.]", "invalid number"),
            ("[1e]", "invalid number"),
            ("+1", "expected value"),
            ("tru", "expected value"),
            ("NaN", "expected value"),
            ("1 2", "trailing characters"),
            ("{} x", "trailing characters"),
        ] {
            let e = parse(text).expect_err(text);
            assert!(e.contains(error), "{text:?}: {e}");
        }
        // Deep nesting is an error, not a stack overflow.
        let deep = "[".repeat(100_000);
        assert!(parse(&deep).expect_err("deep").contains("recursion limit"));
        let ok = format!("{}{}", "[".repeat(MAX_DEPTH), "]".repeat(MAX_DEPTH));
        assert!(parse(&ok).is_ok());
    }

    #[test]
    fn every_syntax_reason_has_its_italian() {
        // The reasons the parser gives for broken text: each said in Italian too.
        for text in [
            "",
            "{",
            "[1 2]",
            "{\"a\" 1}",
            "{\"a\": 1, \"a\": 2}",
            "[1] x",
            "\"\\q\"",
            "\"\u{1}\"",
            "-",
            "{1: 2}",
            "\"\\ud800\"",
            &"[".repeat(MAX_DEPTH + 1),
        ] {
            let (_, reason) = parse_at(text).expect_err(text);
            let (it, en) = (reason.render(Lang::It), reason.render(Lang::En));
            assert_ne!(it, en, "{text:?}: {en}");
        }
    }

    #[test]
    fn any_text_gives_a_value_or_an_error_never_a_panic() {
        let sample =
            r#"{"a": [1, -2.5e3, "x\u00e0\ud83d\ude00\n", true, null], "b": {"c": "é😀"}}"#;
        assert!(parse(sample).is_ok());
        // Every cut of a document, at every character boundary.
        for (i, _) in sample.char_indices() {
            let _ = parse(&sample[..i]);
        }
        // Pseudo-random texts over the characters JSON gives meaning to.
        let alphabet: Vec<char> = "{}[]:,\"\\u0123456789abcdefEe.+-ntrl é😀\n"
            .chars()
            .collect();
        let mut seed: u64 = 7;
        for _ in 0..20_000 {
            let text: String = (0..24)
                .map(|_| {
                    seed = seed.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
                    alphabet[(seed >> 33) as usize % alphabet.len()]
                })
                .collect();
            let _ = parse(&text);
        }
    }

    #[test]
    fn known_fields_refuse_a_stranger_first_in_serde_s_words() {
        let v = parse(r#"{"id": "x", "nome": 1}"#).unwrap();
        let (at, reason) = Fields::known(&v, "top.".into(), &["id", "name", "until"])
            .err()
            .unwrap();
        assert_eq!(
            (at.as_str(), reason.to_string().as_str()),
            (
                "top.nome",
                "unknown field `nome`, expected one of `id`, `name`, `until`"
            )
        );
        assert!(Fields::known(&v, String::new(), &["id", "nome"]).is_ok());
    }

    #[test]
    fn a_path_is_located_in_the_text() {
        let text = "{\"a\": [1, {\"b\": \"x\", \"c\": [true, null]}], \"d\": {}}";
        assert!(parse(text).is_ok());
        // (path, what stands at the offset found)
        for (path, at) in [
            ("", "{\"a\""),
            ("a", "[1,"),
            ("a[0]", "1,"),
            ("a[1].b", "\"x\""),
            ("a[1].c[1]", "null"),
            ("d", "{}}"),
            // Missing parts: the deepest part found.
            ("a[1].zz", "{\"b\""),
            ("a[7]", "[1,"),
            ("d.e", "{}}"),
            ("a[x]", "[1,"),
        ] {
            let found = locate(text, path);
            assert!(text[found..].starts_with(at), "{path}: {}", &text[found..]);
        }
        // A syntax error's offset.
        assert_eq!(parse_at("[1, x]").unwrap_err(), (4, Reason::ExpectedValue));
        assert_eq!(line_column("a\nbc", 3), (2, 1));
    }

    #[test]
    fn fields_are_read_by_name_and_unknown_ones_refused() {
        let v = parse(r#"{"id": "x", "n": 7, "big": -1, "list": ["a", 1], "flag": true, "no": null, "extra": 1}"#)
            .unwrap();
        let mut f = Fields::of(&v, "top.".into()).unwrap();
        assert_eq!(f.str("id"), Ok("x".into()));
        assert_eq!(f.opt_u32("n"), Ok(Some(7)));
        assert_eq!(f.opt_i64("big"), Ok(Some(-1)));
        assert!(f
            .opt_u32("big")
            .unwrap_err()
            .1
            .to_string()
            .contains("whole number from 0"));
        assert_eq!(f.strings("list").unwrap_err().0, "top.list[1]");
        assert_eq!(f.flag("flag"), Ok(true));
        assert_eq!(f.opt_str("no"), Ok(None));
        assert_eq!(
            f.str("missing").unwrap_err().1,
            Reason::Missing("missing".into())
        );
        assert_eq!(
            f.opt_str("n").unwrap_err().1.to_string(),
            "expected a string, found a number"
        );
        let (at, reason) = f.end().unwrap_err();
        assert_eq!(
            (at.as_str(), reason.to_string().as_str()),
            ("top.extra", "unknown field `extra`")
        );
        assert!(Fields::of(&Json::Int(1), "x.".into()).is_err());
    }
}
