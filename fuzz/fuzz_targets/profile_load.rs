//! `catalog::profile::load_profile` on any text, as a portal's profile JSON: never a panic,
//! and every refusal says where (the field's path, or the JSON line and column).
//!
//! A profile that loads is registered for the process' lifetime (at most 32); the ids the
//! mutations produce are few, so the registry stays small.
#![no_main]

use instrada::catalog::profile::{load_profile, MAX_JSON};
use instrada::finding::{Lang, Severity};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    let lang = if json.len() % 2 == 0 {
        Lang::It
    } else {
        Lang::En
    };
    let loaded = load_profile(json, lang);
    assert_eq!(loaded.ok, loaded.errors.is_empty(), "{:?}", loaded.errors);
    for f in &loaded.errors {
        assert_eq!(f.severity, Severity::Error, "{f:?}");
        assert!(
            f.code.starts_with("profile.") && !f.message.is_empty(),
            "{f:?}"
        );
        // Where: a field, a position in the JSON, or the whole text.
        assert!(
            f.field_id().is_some_and(|p| !p.is_empty())
                || f.position.is_some_and(|p| p <= json.chars().count())
                || f.code == "profile.too-large",
            "a refusal that does not say where: {f:?}"
        );
    }
    if json.len() > MAX_JSON {
        assert!(!loaded.ok);
    }
});
