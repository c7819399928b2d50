//! The wire format of results: JSON text written by hand, which `bindings` turns into a plain
//! JavaScript object with one `JSON.parse`.
//!
//! Why not serde's `Serialize` with serde-wasm-bindgen: its derives and the serializer's
//! generic code cost about 15 KB brotli of the module (issue 15, measured by deletion), and a
//! result written as text and parsed once by the engine is faster than an object built
//! property by property across the boundary. Inputs still come in through serde (the
//! design's decision); only results go out through here. This module is pure (no `JsValue`)
//! and tested natively; each result type says how it is written with [`ToWire`], next to the
//! type, in the same field names and shapes the TypeScript declarations give.
//!
//! The writer tracks only whether a separator is due, so it cannot check the nesting: each
//! `begin_*` must be matched by its `end_*`, as each `key` by one value. Every writer is a
//! small non-generic function, so the code stays small whatever the number of result types.

use chrono::{Datelike, NaiveDate};

use crate::finding::{Finding, Lang, Severity, Source};

/// A JSON text being written.
#[derive(Default)]
pub struct Json {
    text: String,
    /// Whether a value was just written at this level, so the next one needs a comma.
    comma: bool,
}

impl Json {
    pub fn new() -> Json {
        Json::default()
    }

    /// The text written.
    pub fn finish(self) -> String {
        self.text
    }

    fn separate(&mut self) {
        if self.comma {
            self.text.push(',');
        }
    }

    /// Opens an object or an array (`bracket`): a value at this level, the first at the next.
    fn open(&mut self, bracket: char) {
        self.separate();
        self.text.push(bracket);
        self.comma = false;
    }

    /// Closes what [`Json::open`] opened: the next value at this level needs a comma.
    fn close(&mut self, bracket: char) {
        self.text.push(bracket);
        self.comma = true;
    }

    pub fn begin_object(&mut self) {
        self.open('{');
    }

    pub fn end_object(&mut self) {
        self.close('}');
    }

    pub fn begin_array(&mut self) {
        self.open('[');
    }

    pub fn end_array(&mut self) {
        self.close(']');
    }

    /// The key of the next value of an object.
    pub fn key(&mut self, key: &str) {
        self.separate();
        self.quoted(key);
        self.text.push(':');
        self.comma = false;
    }

    pub fn str(&mut self, value: &str) {
        self.separate();
        self.quoted(value);
        self.comma = true;
    }

    pub fn int(&mut self, value: i64) {
        self.separate();
        self.text.push_str(itoa(value).as_str());
        self.comma = true;
    }

    pub fn bool(&mut self, value: bool) {
        self.separate();
        self.text.push_str(if value { "true" } else { "false" });
        self.comma = true;
    }

    pub fn null(&mut self) {
        self.separate();
        self.text.push_str("null");
        self.comma = true;
    }

    /// A date as `YYYY-MM-DD` (years 0–9999, the only ones instrada reads).
    pub fn date(&mut self, value: NaiveDate) {
        self.str(&iso_date(value));
    }

    /// `key: "value"`.
    pub fn field_str(&mut self, key: &str, value: &str) {
        self.key(key);
        self.str(value);
    }

    /// `key: "value"`, or `key: null` when there is none (a property the TypeScript types
    /// declare as `string | null`).
    pub fn field_str_or_null(&mut self, key: &str, value: Option<&str>) {
        self.key(key);
        match value {
            Some(value) => self.str(value),
            None => self.null(),
        }
    }

    /// `key: "value"`, or nothing when there is none (an optional property).
    pub fn field_str_if(&mut self, key: &str, value: Option<&str>) {
        if let Some(value) = value {
            self.field_str(key, value);
        }
    }

    pub fn field_int(&mut self, key: &str, value: i64) {
        self.key(key);
        self.int(value);
    }

    pub fn field_bool(&mut self, key: &str, value: bool) {
        self.key(key);
        self.bool(value);
    }

    pub fn field_date(&mut self, key: &str, value: NaiveDate) {
        self.key(key);
        self.date(value);
    }

    /// `key: [..]` of every item.
    pub fn field_list<T: ToWire>(&mut self, key: &str, items: &[T]) {
        self.key(key);
        self.list(items);
    }

    /// `[..]` of every item.
    pub fn list<T: ToWire>(&mut self, items: &[T]) {
        self.begin_array();
        for item in items {
            item.write(self);
        }
        self.end_array();
    }

    /// `["a","b"]`.
    pub fn strs<S: AsRef<str>>(&mut self, items: &[S]) {
        self.begin_array();
        for item in items {
            self.str(item.as_ref());
        }
        self.end_array();
    }

    fn quoted(&mut self, value: &str) {
        self.text.push('"');
        for c in value.chars() {
            match c {
                '"' => self.text.push_str("\\\""),
                '\\' => self.text.push_str("\\\\"),
                '\n' => self.text.push_str("\\n"),
                '\r' => self.text.push_str("\\r"),
                '\t' => self.text.push_str("\\t"),
                // Other control characters, and the two line separators JavaScript source once
                // refused, escaped as \u00XX / \u2028.
                c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                    const HEX: &[u8; 16] = b"0123456789abcdef";
                    let n = c as u32;
                    self.text.push_str("\\u");
                    for shift in [12, 8, 4, 0] {
                        self.text.push(HEX[((n >> shift) & 0xf) as usize] as char);
                    }
                }
                c => self.text.push(c),
            }
        }
        self.text.push('"');
    }
}

/// A whole number as decimal text, without `core::fmt` (whose machinery a `format!` of an
/// integer links).
fn itoa(value: i64) -> String {
    let mut digits = [0u8; 20];
    let mut n = value.unsigned_abs();
    let mut at = digits.len();
    loop {
        at -= 1;
        digits[at] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    let mut out = String::with_capacity(21);
    if value < 0 {
        out.push('-');
    }
    out.extend(digits[at..].iter().map(|&d| d as char));
    out
}

/// `YYYY-MM-DD`, zero-padded.
pub fn iso_date(date: NaiveDate) -> String {
    let mut out = String::with_capacity(10);
    let (y, m, d) = (date.year().clamp(0, 9999) as u32, date.month(), date.day());
    for (n, width) in [(y, 4), (m, 2), (d, 2)] {
        if !out.is_empty() {
            out.push('-');
        }
        let text = itoa(i64::from(n));
        for _ in text.len()..width {
            out.push('0');
        }
        out.push_str(&text);
    }
    out
}

/// How a result is written on the wire.
pub trait ToWire {
    fn write(&self, out: &mut Json);

    /// The JSON text of this value.
    fn to_wire(&self) -> String {
        let mut out = Json::new();
        self.write(&mut out);
        out.finish()
    }
}

impl<T: ToWire + ?Sized> ToWire for &T {
    fn write(&self, out: &mut Json) {
        (**self).write(out)
    }
}

impl<T: ToWire> ToWire for [T] {
    fn write(&self, out: &mut Json) {
        out.list(self)
    }
}

impl<T: ToWire> ToWire for Vec<T> {
    fn write(&self, out: &mut Json) {
        out.list(self)
    }
}

impl<T: ToWire> ToWire for Option<T> {
    fn write(&self, out: &mut Json) {
        match self {
            Some(value) => value.write(out),
            None => out.null(),
        }
    }
}

impl ToWire for str {
    fn write(&self, out: &mut Json) {
        out.str(self)
    }
}

impl ToWire for String {
    fn write(&self, out: &mut Json) {
        out.str(self)
    }
}

impl ToWire for bool {
    fn write(&self, out: &mut Json) {
        out.bool(*self)
    }
}

impl ToWire for NaiveDate {
    fn write(&self, out: &mut Json) {
        out.date(*self)
    }
}

impl ToWire for Lang {
    fn write(&self, out: &mut Json) {
        out.str(match self {
            Lang::It => "it",
            Lang::En => "en",
        })
    }
}

impl ToWire for Severity {
    fn write(&self, out: &mut Json) {
        out.str(match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        })
    }
}

impl ToWire for Source {
    fn write(&self, out: &mut Json) {
        out.begin_object();
        out.field_str("document", &self.document);
        out.field_str("section", &self.section);
        out.end_object();
    }
}

/// As `Finding`'s serde derive wrote it: the optional parts are left out when absent.
impl ToWire for Finding {
    fn write(&self, out: &mut Json) {
        out.begin_object();
        out.field_str("code", self.code);
        out.key("severity");
        self.severity.write(out);
        out.field_str("message", &self.message);
        if let Some(position) = self.position {
            out.field_int("position", position as i64);
        }
        out.field_str_if("field", self.field_id());
        out.field_str_if("suggestion", self.suggestion.as_deref());
        if let Some(source) = &self.source {
            out.key("source");
            source.write(out);
        }
        out.end_object();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn findings_are_written_as_the_serde_derive_wrote_them() {
        let plain = Finding::error("cf.length", "Troppo corto");
        assert_eq!(
            plain.to_wire(),
            r#"{"code":"cf.length","severity":"error","message":"Troppo corto"}"#
        );
        let full = Finding::warning("route.x", "a \"b\"\n\\ c\u{1}")
            .at(3)
            .field(crate::field::FormField::Oggetto)
            .suggest("Z")
            .source(Source::new("002.txt", "2 B"));
        let text = full.to_wire();
        assert_eq!(
            text,
            r#"{"code":"route.x","severity":"warning","message":"a \"b\"\n\\ c\u0001","position":3,"field":"oggetto","suggestion":"Z","source":{"document":"002.txt","section":"2 B"}}"#
        );
        // The text is JSON a standard reader takes back to the same strings.
        let back: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(back["message"], "a \"b\"\n\\ c\u{1}");
        assert_eq!(back["position"], 3);
    }

    #[test]
    fn lists_options_numbers_and_dates() {
        let mut out = Json::new();
        out.begin_object();
        out.field_list("findings", &[Finding::info("a.b", "x")]);
        out.field_str_or_null("sede", None);
        out.field_str_if("skipped", None);
        out.field_int("n", -1234567890123);
        out.field_int("zero", 0);
        out.field_bool("ok", true);
        out.field_date("due", NaiveDate::from_ymd_opt(207, 3, 9).unwrap());
        out.key("names");
        out.strs(&["à", "\u{2028}"]);
        out.key("maybe");
        Some(String::from("y")).write(&mut out);
        out.end_object();
        assert_eq!(
            out.finish(),
            r#"{"findings":[{"code":"a.b","severity":"info","message":"x"}],"sede":null,"n":-1234567890123,"zero":0,"ok":true,"due":"0207-03-09","names":["à","\u2028"],"maybe":"y"}"#
        );
        assert_eq!(itoa(i64::MIN), i64::MIN.to_string());
    }
}
