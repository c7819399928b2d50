//! What the readers of the profiles ([`super::profile`]) and of the titolari
//! ([`super::titolario`]) both read in a JSON object: [`Obj`], the fields of one object read
//! into plain values, the first error of the whole document kept aside.
//!
//! Why not a `Result` per field: a struct built with `?` after each field drops, on each
//! error path, every field built before it, and a `collect::<Result<Vec<_>, _>>()` per
//! list of each type is one iterator chain per type; in the wasm that was most of the
//! readers' code. Here reading goes on after an error with empty values (an empty string,
//! list, a vocabulary's first value, 1970-01-01), each error after the first is dropped,
//! and the document's reader returns the first one: the error the reading that stopped at
//! it returned, as reading goes on in the same order.

use chrono::NaiveDate;

use crate::json::{Fail, Fields, Json, Reason, What};

/// The first error met in the document being read, if any.
pub(crate) type Sink = Option<Fail>;

/// The fields of one JSON object; a field that cannot be read is an error in the sink and
/// an empty value.
pub(crate) struct Obj<'a, 's> {
    f: Fields<'a>,
    sink: &'s mut Sink,
}

/// Keeps `e` unless an error came before it.
pub(crate) fn fail(sink: &mut Sink, e: Fail) {
    if sink.is_none() {
        *sink = Some(e);
    }
}

impl<'a, 's> Obj<'a, 's> {
    /// The fields of `v` (at path `at`, ending with `.`), which must be an object whose
    /// keys are among `keys` when given (a stranger is said before any other problem).
    pub(crate) fn new(sink: &'s mut Sink, v: &'a Json, at: String, keys: Option<&[&str]>) -> Self {
        let f = match keys {
            Some(keys) => Fields::known(v, at, keys),
            None => Fields::of(v, at),
        };
        let f = match f {
            Ok(f) => f,
            Err(e) => {
                fail(sink, e);
                Fields::none()
            }
        };
        Obj { f, sink }
    }

    /// The sink, to read an object inside this one.
    pub(crate) fn sink(&mut self) -> &mut Sink {
        self.sink
    }

    /// Keeps an error of a field.
    pub(crate) fn fail(&mut self, e: Fail) {
        fail(self.sink, e);
    }

    /// The path of the field `key`.
    pub(crate) fn path(&self, key: &str) -> String {
        self.f.path(key)
    }

    /// The field's value; absent and `null` are both `None`.
    pub(crate) fn get(&mut self, key: &'static str) -> Option<&'a Json> {
        self.f.get(key)
    }

    /// The error of a field that must be there and is not.
    pub(crate) fn missing(&mut self, key: &str) {
        let e = self.f.missing(key);
        self.fail(e);
    }

    fn or<T: Default>(&mut self, r: Result<T, Fail>) -> T {
        r.unwrap_or_else(|e| {
            self.fail(e);
            T::default()
        })
    }

    /// An optional string.
    pub(crate) fn opt_str(&mut self, key: &'static str) -> Option<String> {
        let r = self.f.opt_str(key);
        self.or(r)
    }

    /// A string that must be there.
    pub(crate) fn str(&mut self, key: &'static str) -> String {
        let r = self.f.str(key);
        self.or(r)
    }

    /// A list of strings; absent is empty.
    pub(crate) fn strings(&mut self, key: &'static str) -> Vec<String> {
        let r = self.f.strings(key);
        self.or(r)
    }

    /// A list of values; absent is empty unless `required`.
    pub(crate) fn list(&mut self, key: &'static str, required: bool) -> &'a [Json] {
        let r = self.f.list(key, required);
        self.or(r)
    }

    /// A true/false flag; absent is false.
    pub(crate) fn flag(&mut self, key: &'static str) -> bool {
        let r = self.f.flag(key);
        self.or(r)
    }

    /// An optional true/false flag.
    pub(crate) fn opt_flag(&mut self, key: &'static str) -> Option<bool> {
        let r = self.f.opt_flag(key);
        self.or(r)
    }

    /// An optional whole number from 0 to `u32::MAX`.
    pub(crate) fn opt_u32(&mut self, key: &'static str) -> Option<u32> {
        let r = self.f.opt_u32(key);
        self.or(r)
    }

    /// A date written `YYYY-MM-DD`, if the field is there.
    pub(crate) fn date(&mut self, key: &'static str) -> Option<NaiveDate> {
        let s = self.opt_str(key)?;
        let parsed = if s.len() == 10 {
            crate::dates::date_from(&s, "%Y-%m-%d")
        } else {
            None
        };
        if parsed.is_none() {
            let e = (self.path(key), Reason::NotADate(crate::dates::clip(&s)));
            self.fail(e);
        }
        parsed
    }

    /// A date that must be there.
    pub(crate) fn day(&mut self, key: &'static str) -> NaiveDate {
        let d = self.date(key);
        if d.is_none() && self.sink.is_none() {
            self.missing(key);
        }
        d.unwrap_or_default()
    }

    /// A field that holds an object, which must be there (read from `null` when it is not,
    /// after the error that says so).
    pub(crate) fn one<T>(
        &mut self,
        key: &'static str,
        read: fn(&mut Sink, &Json, String) -> T,
    ) -> T {
        let v = self.get(key);
        if v.is_none() {
            self.missing(key);
        }
        read(self.sink, v.unwrap_or(&Json::Null), self.f.sub(key))
    }

    /// A field that may hold an object.
    pub(crate) fn maybe<T>(
        &mut self,
        key: &'static str,
        read: fn(&mut Sink, &Json, String) -> T,
    ) -> Option<T> {
        let v = self.get(key)?;
        Some(read(self.sink, v, self.f.sub(key)))
    }

    /// A list of objects; absent is empty unless `required`.
    pub(crate) fn many<T>(
        &mut self,
        key: &'static str,
        required: bool,
        read: fn(&mut Sink, &Json, String) -> T,
    ) -> Vec<T> {
        let list = self.list(key, required);
        let mut out = Vec::with_capacity(list.len());
        for (i, v) in list.iter().enumerate() {
            out.push(read(self.sink, v, self.f.item(key, i)));
        }
        out
    }

    /// Refuses a field that was not read (serde's `deny_unknown_fields`).
    pub(crate) fn end(self) {
        if let Err(e) = self.f.end() {
            fail(self.sink, e);
        }
    }
}

/// The index of the string `v` (at path `at`) in `names`, a closed list; 0 after an error.
pub(crate) fn name_index(sink: &mut Sink, v: &Json, at: &str, names: &[&str]) -> usize {
    let Json::Str(s) = v else {
        fail(sink, (at.to_string(), Reason::wrong(v, What::Str)));
        return 0;
    };
    match names.iter().position(|name| name == s) {
        Some(i) => i,
        None => {
            fail(
                sink,
                (
                    at.to_string(),
                    Reason::UnknownVariant {
                        value: crate::dates::clip(s),
                        expected: names.iter().map(|name| name.to_string()).collect(),
                    },
                ),
            );
            0
        }
    }
}
