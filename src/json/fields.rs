//! [`Fields`]: the fields of one JSON object read by hand, by name, each error naming the
//! field's path (`classes[2].objects[0].soglia`) and a typed [`Reason`].

use super::{strings, Json, Reason, What};

/// A field that could not be read: its path and the reason.
pub(crate) type Fail = (String, Reason);

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
                Reason::wrong(value, What::Object),
            )),
        }
    }

    /// No fields, at no path: what is read after an object that is not one.
    pub(crate) fn none() -> Fields<'static> {
        Fields {
            map: &[],
            at: String::new(),
            read: Vec::new(),
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
                Reason::UnknownField {
                    key: k.clone(),
                    expected: keys.iter().map(|k| k.to_string()).collect(),
                },
            )),
            None => Ok(f),
        }
    }

    /// The error of a field that must be there and is not.
    pub(crate) fn missing(&self, key: &str) -> Fail {
        (self.path(key), Reason::Missing(key.to_string()))
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
    pub(crate) fn wrong(&self, key: &str, expected: What, found: &Json) -> Fail {
        (self.path(key), Reason::wrong(found, expected))
    }

    /// An optional string.
    pub(crate) fn opt_str(&mut self, key: &'static str) -> Result<Option<String>, Fail> {
        match self.get(key) {
            None => Ok(None),
            Some(Json::Str(s)) => Ok(Some(s.clone())),
            Some(v) => Err(self.wrong(key, What::Str, v)),
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
            Some(v) => Err(self.wrong(key, What::List, v)),
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
            Some(v) => Err(self.wrong(key, What::Bool, v)),
        }
    }

    /// An optional whole number from 0 to `u32::MAX`.
    pub(crate) fn opt_u32(&mut self, key: &'static str) -> Result<Option<u32>, Fail> {
        match self.get(key) {
            None => Ok(None),
            Some(v) => match v {
                Json::Int(n) => u32::try_from(*n)
                    .map(Some)
                    .map_err(|_| self.wrong(key, What::WholeFrom0, v)),
                _ => Err(self.wrong(key, What::WholeFrom0, v)),
            },
        }
    }

    /// An optional whole number of the `i64` range.
    pub(crate) fn opt_i64(&mut self, key: &'static str) -> Result<Option<i64>, Fail> {
        match self.get(key) {
            None => Ok(None),
            Some(Json::Int(n)) => Ok(Some(*n)),
            Some(v) => Err(self.wrong(key, What::WholeNumber, v)),
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
            Some((k, _)) => Err((
                self.path(k),
                Reason::UnknownField {
                    key: k.clone(),
                    expected: Vec::new(),
                },
            )),
            None => Ok(()),
        }
    }
}
