//! Dates in profile JSON are `"YYYY-MM-DD"` strings. chrono's serde support is not enabled
//! in this crate (one feature less to ship), so the two directions are written here.

use chrono::NaiveDate;
use serde::{de::Error, Deserialize, Deserializer, Serializer};

pub fn serialize<S: Serializer>(date: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_str(&crate::dates::iso(*date))
}

pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    let s = String::deserialize(d)?;
    parse(&s).ok_or_else(|| {
        D::Error::custom(format!(
            "«{}» is not a date written YYYY-MM-DD",
            crate::dates::clip(&s)
        ))
    })
}

fn parse(s: &str) -> Option<NaiveDate> {
    if s.len() != 10 {
        return None;
    }
    NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
}

pub mod option {
    use super::*;

    pub fn serialize<S: Serializer>(date: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
        match date {
            Some(d) => super::serialize(d, s),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
        match Option::<String>::deserialize(d)? {
            None => Ok(None),
            Some(s) => parse(&s).map(Some).ok_or_else(|| {
                D::Error::custom(format!(
                    "«{}» is not a date written YYYY-MM-DD",
                    crate::dates::clip(&s)
                ))
            }),
        }
    }
}
