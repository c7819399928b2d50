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
        return Err(p.error("trailing characters"));
    }
    Ok(value)
}

/// A syntax error: the byte offset where it was found, and what it is.
pub(crate) type Syntax = (usize, String);

/// The line and column (1-based, in characters) of the byte offset `at` of `text`.
pub(crate) fn line_column(text: &str, at: usize) -> (usize, usize) {
    let before = text.get(..at).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let column = before
        .rsplit('\n')
        .next()
        .unwrap_or("")
        .chars()
        .count()
        .max(1);
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
    fn error(&self, what: &str) -> Syntax {
        (self.at, what.to_string())
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

    fn eof_or(&self, what: &str, parsing: &str) -> Syntax {
        if self.at >= self.text.len() {
            self.error(&format!("EOF while parsing {parsing}"))
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
                for (word, value) in [
                    ("null", Json::Null),
                    ("true", Json::Bool(true)),
                    ("false", Json::Bool(false)),
                ] {
                    if self
                        .text
                        .get(self.at..)
                        .is_some_and(|t| t.starts_with(word))
                    {
                        self.at += word.len();
                        return Ok(value);
                    }
                }
                Err(self.eof_or("expected value", "a value"))
            }
        }
    }

    /// An object (`{…}`) or a list (`[…]`).
    fn nested(&mut self, object: bool) -> Result<Json, Syntax> {
        let (close, parsing) = if object {
            (b'}', "an object")
        } else {
            (b']', "a list")
        };
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            return Err(self.error("recursion limit exceeded"));
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
                        return Err(self.eof_or("key must be a string", parsing));
                    }
                    let key = self.string()?;
                    if fields.iter().any(|(k, _)| *k == key) {
                        return Err(self.error(&format!("duplicate field `{key}`")));
                    }
                    self.blank();
                    if self.peek() != Some(b':') {
                        return Err(self.eof_or("expected `:`", parsing));
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
                        return Err(self.eof_or(
                            if object {
                                "expected `,` or `}`"
                            } else {
                                "expected `,` or `]`"
                            },
                            parsing,
                        ))
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
                        _ => return Err(self.eof_or("invalid escape", "a string")),
                    };
                    self.at += 1;
                    out.push(c);
                }
                Some(_) => {
                    return Err(self
                        .error("control character (\\u0000-\\u001F) found while parsing a string"))
                }
                None => return Err(self.error("EOF while parsing a string")),
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
                    return Err(self.error("lone leading surrogate in hex escape"));
                }
                0x10000 + ((first - 0xD800) << 10) + (second - 0xDC00)
            } else {
                return Err(self.error("lone leading surrogate in hex escape"));
            }
        } else {
            first
        };
        char::from_u32(code).ok_or_else(|| self.error("lone trailing surrogate in hex escape"))
    }

    fn hex4(&mut self) -> Result<u32, Syntax> {
        let digits = self.text.get(self.at..self.at + 4).unwrap_or("");
        match u32::from_str_radix(digits, 16) {
            Ok(n) if digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_hexdigit()) => {
                self.at += 4;
                Ok(n)
            }
            _ => Err(self.eof_or("invalid escape", "a string")),
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
            return Err(self.eof_or("invalid number", "a value"));
        }
        if self.at - int_start > 1 && self.text.as_bytes().get(int_start) == Some(&b'0') {
            return Err(self.error("invalid number"));
        }
        let mut whole = true;
        if self.peek() == Some(b'.') {
            self.at += 1;
            whole = false;
            if digits(self) == 0 {
                return Err(self.eof_or("invalid number", "a value"));
            }
        }
        if matches!(self.peek(), Some(b'e' | b'E')) {
            self.at += 1;
            whole = false;
            if matches!(self.peek(), Some(b'+' | b'-')) {
                self.at += 1;
            }
            if digits(self) == 0 {
                return Err(self.eof_or("invalid number", "a value"));
            }
        }
        let written = self.text.get(start..self.at).unwrap_or("");
        Ok(match written.parse::<i64>() {
            Ok(n) if whole => Json::Int(n),
            _ => Json::Number(written.to_string()),
        })
    }
}

/// A field that could not be read: its path and the reason.
pub(crate) type Fail = (String, String);

/// The fields of one JSON object, read one by one; [`Fields::end`] refuses the fields that
/// were not read.
pub(crate) struct Fields<'a> {
    map: &'a [(String, Json)],
    /// Path of the object, ending with `.` (empty for the top level).
    at: String,
    read: Vec<&'static str>,
}

impl<'a> Fields<'a> {
    /// The fields of `value`, which must be an object; `at` is its path, ending with `.`.
    pub(crate) fn of(value: &'a Json, at: String) -> Result<Self, Fail> {
        match value {
            Json::Object(map) => Ok(Fields {
                map,
                at,
                read: Vec::new(),
            }),
            _ => Err((
                at.trim_end_matches('.').to_string(),
                format!("expected an object, found {}", kind(value)),
            )),
        }
    }

    /// Like [`Fields::of`], but a key outside `keys` is refused at once, before any other
    /// problem of the object: a misspelt key is the likely cause of a missing field, as
    /// serde's `deny_unknown_fields` reports a key met first.
    pub(crate) fn known(value: &'a Json, at: String, keys: &[&str]) -> Result<Self, Fail> {
        let f = Fields::of(value, at)?;
        match f.map.iter().find(|(k, _)| !keys.contains(&k.as_str())) {
            Some((k, _)) => Err((
                f.path(k),
                format!("unknown field `{k}`, expected {}", one_of(keys)),
            )),
            None => Ok(f),
        }
    }

    /// The error of a field that must be there and is not.
    pub(crate) fn missing(&self, key: &str) -> Fail {
        (self.path(key), format!("missing field `{key}`"))
    }

    /// The path of the field `key`.
    pub(crate) fn path(&self, key: &str) -> String {
        format!("{}{key}", self.at)
    }

    /// The field's value; absent and `null` are both `None`.
    pub(crate) fn get(&mut self, key: &'static str) -> Option<&'a Json> {
        self.read.push(key);
        self.map
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v)
            .filter(|v| **v != Json::Null)
    }

    /// The error of a field whose value is not of the `expected` kind.
    pub(crate) fn wrong(&self, key: &str, expected: &str, found: &Json) -> Fail {
        (self.path(key), invalid_type(found, expected))
    }

    /// An optional string.
    pub(crate) fn opt_str(&mut self, key: &'static str) -> Result<Option<String>, Fail> {
        match self.get(key) {
            None => Ok(None),
            Some(Json::Str(s)) => Ok(Some(s.clone())),
            Some(v) => Err(self.wrong(key, "a string", v)),
        }
    }

    /// A string that must be there.
    pub(crate) fn str(&mut self, key: &'static str) -> Result<String, Fail> {
        self.opt_str(key)?.ok_or_else(|| self.missing(key))
    }

    /// A list of strings; absent is empty.
    pub(crate) fn strings(&mut self, key: &'static str) -> Result<Vec<String>, Fail> {
        let list = self.list(key, false)?;
        strings(list, &self.path(key))
    }

    /// A list of values; absent is empty unless `required`.
    pub(crate) fn list(&mut self, key: &'static str, required: bool) -> Result<&'a [Json], Fail> {
        match self.get(key) {
            None if required => Err(self.missing(key)),
            None => Ok(&[]),
            Some(Json::List(a)) => Ok(a),
            Some(v) => Err(self.wrong(key, "a list", v)),
        }
    }

    /// A true/false flag; absent is false.
    pub(crate) fn flag(&mut self, key: &'static str) -> Result<bool, Fail> {
        Ok(self.opt_flag(key)?.unwrap_or(false))
    }

    /// An optional true/false flag.
    pub(crate) fn opt_flag(&mut self, key: &'static str) -> Result<Option<bool>, Fail> {
        match self.get(key) {
            None => Ok(None),
            Some(Json::Bool(b)) => Ok(Some(*b)),
            Some(v) => Err(self.wrong(key, "true or false", v)),
        }
    }

    /// An optional whole number from 0 to `u32::MAX`.
    pub(crate) fn opt_u32(&mut self, key: &'static str) -> Result<Option<u32>, Fail> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => match v {
                Json::Int(n) => u32::try_from(*n)
                    .map(Some)
                    .map_err(|_| self.wrong(key, "a whole number from 0", v)),
                _ => Err(self.wrong(key, "a whole number from 0", v)),
            },
        }
    }

    /// An optional whole number of the `i64` range.
    pub(crate) fn opt_i64(&mut self, key: &'static str) -> Result<Option<i64>, Fail> {
        match self.get(key) {
            None => Ok(None),
            Some(Json::Int(n)) => Ok(Some(*n)),
            Some(v) => Err(self.wrong(key, "a whole number", v)),
        }
    }

    /// The path of the object in the field `key`, for [`Fields::of`].
    pub(crate) fn sub(&self, key: &str) -> String {
        format!("{}{key}.", self.at)
    }

    /// The path of the `i`-th element of the list `key`, for [`Fields::of`].
    pub(crate) fn item(&self, key: &str, i: usize) -> String {
        format!("{}{key}[{i}].", self.at)
    }

    /// Refuses a field that was not read (serde's `deny_unknown_fields`).
    pub(crate) fn end(self) -> Result<(), Fail> {
        match self
            .map
            .iter()
            .find(|(k, _)| !self.read.contains(&k.as_str()))
        {
            Some((k, _)) => Err((self.path(k), format!("unknown field `{k}`"))),
            None => Ok(()),
        }
    }
}

/// The Italian of a reason written by this reader or by the profile reader. The reasons are
/// written in English, in serde_json's words (a portal author may look them up); the Italian
/// message of a profile that cannot be read says the same in Italian. Every template written
/// in this file and in `catalog::profile::read` has its Italian here (a test checks them);
/// anything else is returned as it is.
pub(crate) fn reason_it(en: &str) -> String {
    if let Some(rest) = en.strip_prefix("missing field ") {
        return ["manca il campo ", rest].concat();
    }
    if let Some(rest) = en.strip_prefix("unknown field ") {
        return match rest.split_once(", expected ") {
            Some((key, expected)) => [
                "il campo ",
                key,
                " non è previsto (campi ammessi: ",
                &list_it(expected),
                ")",
            ]
            .concat(),
            None => ["il campo ", rest, " non è previsto"].concat(),
        };
    }
    if let Some(rest) = en.strip_prefix("unknown variant ") {
        if let Some((value, expected)) = rest.split_once(", expected ") {
            return [
                "il valore ",
                value,
                " non è ammesso (valori ammessi: ",
                &list_it(expected),
                ")",
            ]
            .concat();
        }
    }
    if let Some(rest) = en.strip_prefix("duplicate field ") {
        return ["il campo ", rest, " compare due volte"].concat();
    }
    if let Some(rest) = en.strip_prefix("EOF while parsing ") {
        return ["il testo finisce a metà di ", kind_it(rest)].concat();
    }
    if let Some(rest) = en.strip_prefix("expected ") {
        if let Some((expected, found)) = rest.split_once(", found ") {
            return ["serve ", kind_it(expected), ", c'è ", kind_it(found)].concat();
        }
        if rest.starts_with('`') {
            return ["manca ", &rest.replace("` or `", "` o `")].concat();
        }
        return ["manca ", kind_it(rest)].concat();
    }
    if let Some(rest) = en.strip_prefix('«') {
        if let Some(text) = rest.strip_suffix("» is not a date written YYYY-MM-DD") {
            return ["«", text, "» non è una data scritta AAAA-MM-GG"].concat();
        }
    }
    let it = match en {
        "trailing characters" => "dopo la fine del JSON c'è altro testo",
        "recursion limit exceeded" => "troppi livelli di oggetti e liste uno dentro l'altro",
        "key must be a string" => "il nome di un campo va scritto tra virgolette",
        "invalid escape" => "una sequenza con «\\» che il JSON non ammette",
        "invalid number" => "un numero scritto in una forma che il JSON non ammette",
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            "un carattere di controllo (\\u0000-\\u001F) dentro un testo: scrivilo con \\u"
        }
        "lone leading surrogate in hex escape" | "lone trailing surrogate in hex escape" => {
            "una sequenza \\u che da sola non è un carattere (metà di una coppia)"
        }
        _ => en,
    };
    it.to_string()
}

/// "one of `a`, `b`, `c`" and "`a` or `b`" → "`a`, `b`, `c`" and "`a`, `b`".
fn list_it(en: &str) -> String {
    en.strip_prefix("one of ")
        .unwrap_or(en)
        .replace("` or `", "`, `")
}

/// The Italian of the kinds of value named in the reasons.
fn kind_it(en: &str) -> &str {
    match en {
        "a string" => "un testo",
        "a list" => "una lista",
        "an object" => "un oggetto",
        "a number" => "un numero",
        "a value" | "value" => "un valore",
        "a whole number" => "un numero intero",
        "a whole number from 0" => "un numero intero da 0 in su",
        "true or false" => "true o false",
        other => other,
    }
}

/// What is said of a value of the wrong kind: "expected a string, found a list".
pub(crate) fn invalid_type(found: &Json, expected: &str) -> String {
    format!("expected {expected}, found {}", kind(found))
}

/// The strings of `list`, a list at the path `at` (`match[2]`): an element that is not a
/// string is an error at its own path (`match[2][0]`).
pub(crate) fn strings(list: &[Json], at: &str) -> Result<Vec<String>, Fail> {
    list.iter()
        .enumerate()
        .map(|(i, v)| match v {
            Json::Str(s) => Ok(s.clone()),
            _ => Err((format!("{at}[{i}]"), invalid_type(v, "a string"))),
        })
        .collect()
}

/// serde's words for a closed list of names: "`a`", "`a` or `b`", "one of `a`, `b`, `c`".
pub(crate) fn one_of(names: &[&str]) -> String {
    match names {
        [] => "nothing".to_string(),
        [one] => format!("`{one}`"),
        [a, b] => format!("`{a}` or `{b}`"),
        _ => format!("one of `{}`", names.join("`, `")),
    }
}

/// What a JSON value is, for a message.
fn kind(v: &Json) -> &'static str {
    match v {
        Json::Null => "null",
        Json::Bool(_) => "true or false",
        Json::Int(_) | Json::Number(_) => "a number",
        Json::Str(_) => "a string",
        Json::List(_) => "a list",
        Json::Object(_) => "an object",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
    fn every_reason_has_its_italian() {
        // Each template this reader and the profile reader write, as they write it.
        for (en, it) in [
            ("missing field `name`", "manca il campo `name`"),
            (
                "unknown field `nome`, expected one of `id`, `name`",
                "il campo `nome` non è previsto (campi ammessi: `id`, `name`)",
            ),
            (
                "unknown field `x`, expected `document` or `section`",
                "il campo `x` non è previsto (campi ammessi: `document`, `section`)",
            ),
            ("unknown field `x`", "il campo `x` non è previsto"),
            (
                "unknown variant `fax`, expected `pec` or `email`",
                "il valore `fax` non è ammesso (valori ammessi: `pec`, `email`)",
            ),
            ("duplicate field `id`", "il campo `id` compare due volte"),
            (
                "expected a whole number from 0, found a number",
                "serve un numero intero da 0 in su, c'è un numero",
            ),
            (
                "expected a string, found true or false",
                "serve un testo, c'è true o false",
            ),
            ("expected value", "manca un valore"),
            ("expected `,` or `}`", "manca `,` o `}`"),
            (
                "EOF while parsing an object",
                "il testo finisce a metà di un oggetto",
            ),
            (
                "«01/02/2024» is not a date written YYYY-MM-DD",
                "«01/02/2024» non è una data scritta AAAA-MM-GG",
            ),
        ] {
            assert_eq!(reason_it(en), it);
        }
        // The reasons the parser gives for broken text: none is left in English.
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
            let (_, en) = parse_at(text).expect_err(text);
            let it = reason_it(&en);
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
        let e = Fields::known(&v, "top.".into(), &["id", "name", "until"]).err();
        assert_eq!(
            e,
            Some((
                "top.nome".into(),
                "unknown field `nome`, expected one of `id`, `name`, `until`".into()
            ))
        );
        assert!(Fields::known(&v, String::new(), &["id", "nome"]).is_ok());
        for (names, said) in [
            (&["a"][..], "`a`"),
            (&["a", "b"][..], "`a` or `b`"),
            (&["a", "b", "c"][..], "one of `a`, `b`, `c`"),
        ] {
            assert_eq!(one_of(names), said);
        }
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
        assert_eq!(
            parse_at("[1, x]").unwrap_err(),
            (4, "expected value".into())
        );
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
            .contains("whole number from 0"));
        assert_eq!(f.strings("list").unwrap_err().0, "top.list[1]");
        assert_eq!(f.flag("flag"), Ok(true));
        assert_eq!(f.opt_str("no"), Ok(None));
        assert_eq!(f.str("missing").unwrap_err().1, "missing field `missing`");
        assert_eq!(
            f.opt_str("n").unwrap_err().1,
            "expected a string, found a number"
        );
        assert_eq!(
            f.end(),
            Err(("top.extra".into(), "unknown field `extra`".into()))
        );
        assert!(Fields::of(&Json::Int(1), "x.".into()).is_err());
    }
}
