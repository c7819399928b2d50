//! What the readers of the profiles ([`super::profile`]) and of the titolari
//! ([`super::titolario`]) both read in a JSON object: a field that may hold an object, and a
//! list of objects, each read by the type's own function with its path.

use crate::json::{Fail, Fields, Json};

/// A field that may hold an object.
pub(crate) fn maybe<T>(
    f: &mut Fields,
    key: &'static str,
    read: fn(&Json, String) -> Result<T, Fail>,
) -> Result<Option<T>, Fail> {
    f.get(key).map(|v| read(v, f.sub(key))).transpose()
}

/// A list of objects; absent is empty unless `required`.
pub(crate) fn many<T>(
    f: &mut Fields,
    key: &'static str,
    required: bool,
    read: fn(&Json, String) -> Result<T, Fail>,
) -> Result<Vec<T>, Fail> {
    let list = f.list(key, required)?;
    list.iter()
        .enumerate()
        .map(|(i, v)| read(v, f.item(key, i)))
        .collect()
}
