//! Reading the fields of a JSON object by hand, from a parsed [`serde_json::Value`].
//!
//! Why not `#[derive(Deserialize)]`: serde_json compiles its deserializer once per struct
//! and per `Vec` of structs, several KB of wasm each. Parsing to `Value` is one
//! deserialisation for every file, and the reading below is a handful of small functions.
//! An error names the field's path (`classes[2].objects[0].soglia`) and says what was
//! expected, in serde's words ("missing field `cassetto`", "unknown field `nome`").

use serde_json::{Map, Value};

/// A field that could not be read: its path and the reason.
pub(crate) type Fail = (String, String);

/// The fields of one JSON object, read one by one; [`Fields::end`] refuses the fields that
/// were not read.
pub(crate) struct Fields<'a> {
    map: &'a Map<String, Value>,
    /// Path of the object, ending with `.` (empty for the top level).
    at: String,
    read: Vec<&'static str>,
}

impl<'a> Fields<'a> {
    /// The fields of `value`, which must be an object; `at` is its path, ending with `.`.
    pub(crate) fn of(value: &'a Value, at: String) -> Result<Self, Fail> {
        match value.as_object() {
            Some(map) => Ok(Fields {
                map,
                at,
                read: Vec::new(),
            }),
            None => Err((
                at.trim_end_matches('.').to_string(),
                format!("expected an object, found {}", kind(value)),
            )),
        }
    }

    /// The path of the field `key`.
    pub(crate) fn path(&self, key: &str) -> String {
        format!("{}{key}", self.at)
    }

    /// The field's value; absent and `null` are both `None`.
    pub(crate) fn get(&mut self, key: &'static str) -> Option<&'a Value> {
        self.read.push(key);
        self.map.get(key).filter(|v| !v.is_null())
    }

    fn wrong(&self, key: &str, expected: &str, found: &Value) -> Fail {
        (
            self.path(key),
            format!("expected {expected}, found {}", kind(found)),
        )
    }

    /// An optional string.
    pub(crate) fn opt_str(&mut self, key: &'static str) -> Result<Option<String>, Fail> {
        match self.get(key) {
            None => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(v) => Err(self.wrong(key, "a string", v)),
        }
    }

    /// A string that must be there.
    pub(crate) fn str(&mut self, key: &'static str) -> Result<String, Fail> {
        self.opt_str(key)?
            .ok_or_else(|| (self.path(key), format!("missing field `{key}`")))
    }

    /// A list of strings; absent is empty.
    pub(crate) fn strings(&mut self, key: &'static str) -> Result<Vec<String>, Fail> {
        let list = self.list(key, false)?;
        let mut out = Vec::with_capacity(list.len());
        for (i, v) in list.iter().enumerate() {
            match v.as_str() {
                Some(s) => out.push(s.to_string()),
                None => {
                    return Err((
                        format!("{}[{i}]", self.path(key)),
                        format!("expected a string, found {}", kind(v)),
                    ))
                }
            }
        }
        Ok(out)
    }

    /// A list of values; absent is empty unless `required`.
    pub(crate) fn list(&mut self, key: &'static str, required: bool) -> Result<&'a [Value], Fail> {
        match self.get(key) {
            None if required => Err((self.path(key), format!("missing field `{key}`"))),
            None => Ok(&[]),
            Some(Value::Array(a)) => Ok(a),
            Some(v) => Err(self.wrong(key, "a list", v)),
        }
    }

    /// A true/false flag; absent is false.
    pub(crate) fn flag(&mut self, key: &'static str) -> Result<bool, Fail> {
        match self.get(key) {
            None => Ok(false),
            Some(Value::Bool(b)) => Ok(*b),
            Some(v) => Err(self.wrong(key, "true or false", v)),
        }
    }

    /// An optional whole number from 0 to `u32::MAX`.
    pub(crate) fn opt_u32(&mut self, key: &'static str) -> Result<Option<u32>, Fail> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => match v.as_u64().and_then(|n| u32::try_from(n).ok()) {
                Some(n) => Ok(Some(n)),
                None => Err(self.wrong(key, "a whole number from 0", v)),
            },
        }
    }

    /// An optional whole number of the `i64` range.
    pub(crate) fn opt_i64(&mut self, key: &'static str) -> Result<Option<i64>, Fail> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => match v.as_i64() {
                Some(n) => Ok(Some(n)),
                None => Err(self.wrong(key, "a whole number", v)),
            },
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
        match self.map.keys().find(|k| !self.read.contains(&k.as_str())) {
            Some(k) => Err((self.path(k), format!("unknown field `{k}`"))),
            None => Ok(()),
        }
    }
}

/// What a JSON value is, for a message.
fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true or false",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}
