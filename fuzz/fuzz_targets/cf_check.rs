//! `cf::check`, `cf::is_valid` and `cf::check_matricola` on any text: never a panic, and the
//! fast path agrees with the full check.
//!
//! Properties: a code `check` finds valid is `is_valid`; a code `is_valid` accepts has no
//! error in `check` but those `is_valid` does not look for (place registry, century against
//! today); checking the normalised text gives the same answer; a suggested correction is
//! itself valid; an 11-digit code is valid by both or by neither; every finding has a code,
//! a message and (but infos about today) the field; a valid code has the check character or
//! digit of the independent oracle in `tests/support/oracle.rs`.
#![no_main]

use chrono::NaiveDate;
use instrada::cf::{check, check_matricola, is_valid, CfReport, CheckOptions, Kind};
use instrada::finding::{Lang, Severity};
use libfuzzer_sys::fuzz_target;

// The independent oracle the native tests use too (the decree's tables, written again).
use instrada_fuzz::oracle;

/// Errors only the full check can find: the fast path does not look the place up nor choose
/// the century against today.
const FULL_CHECK_ONLY: [&str; 3] = ["cf.place-unknown", "cf.birth-in-future", "cf.leap-day"];

fn sound(r: &CfReport, what: &str) {
    for f in &r.findings {
        assert!(
            f.code.starts_with("cf.") && !f.message.is_empty(),
            "{what}: {f:?}"
        );
        assert!(
            f.field.is_some() || f.severity == Severity::Info,
            "{what}: finding without a field {f:?}"
        );
    }
    assert_eq!(r.valid(), r.kind.is_some(), "{what}: kind without validity");
    assert_eq!(r.person.is_some(), r.kind == Some(Kind::Person), "{what}");
}

fuzz_target!(|data: &[u8]| {
    let (head, rest) = data.split_at(data.len().min(2));
    let today = match head {
        [a, b] => NaiveDate::from_ymd_opt(1978 + i32::from(*a % 250), 1 + u32::from(*b % 12), 15),
        _ => None,
    };
    let lang = if data.first().is_some_and(|b| b & 0x80 != 0) {
        Lang::En
    } else {
        Lang::It
    };
    let text = String::from_utf8_lossy(rest);
    let options = CheckOptions { today, lang };

    let report = check(&text, &options);
    sound(&report, "check");
    let fast = is_valid(&text);
    if report.valid() {
        assert!(fast, "check says valid, is_valid does not: {text:?}");
        if let Some(p) = &report.person {
            assert!(
                today.is_none_or(|t| p.birth_date <= t),
                "birth after today: {text:?}"
            );
        }
    }
    // A code found valid has the check character (or digit) the decree's tables give.
    if report.valid() {
        let b = report.normalized.as_bytes();
        match report.kind {
            Some(Kind::Person) => {
                assert_eq!(
                    oracle::check_char(&b[..15]),
                    b[15],
                    "check character of {text:?}"
                )
            }
            Some(_) => {
                let digits: Vec<u32> = b.iter().map(|d| u32::from(d - b'0')).collect();
                assert_eq!(
                    oracle::check_digit(&digits[..10]),
                    digits[10],
                    "check digit of {text:?}"
                );
            }
            None => {}
        }
    }
    if fast {
        let extra: Vec<&str> = report
            .errors()
            .map(|f| f.code)
            .filter(|c| !FULL_CHECK_ONLY.contains(c))
            .collect();
        assert!(
            extra.is_empty(),
            "is_valid accepts {text:?}, check finds {extra:?}"
        );
    }
    if report.normalized.len() == 11 && report.normalized.bytes().all(|b| b.is_ascii_digit()) {
        assert_eq!(report.valid(), fast, "11 digits {text:?}");
    }

    // The normalised code reads the same.
    let again = check(&report.normalized, &options);
    assert_eq!(
        again.valid(),
        report.valid(),
        "normalised {:?}",
        report.normalized
    );
    assert_eq!(again.person, report.person);
    assert_eq!(again.normalized, report.normalized);

    // A suggestion is a code the user may accept: it must be one the check accepts.
    for s in report
        .findings
        .iter()
        .filter_map(|f| f.suggestion.as_deref())
    {
        let accepted = check(s, &options);
        assert!(
            accepted.errors().next().is_none(),
            "suggestion {s:?} for {text:?} has errors {:?}",
            accepted.errors().map(|f| f.code).collect::<Vec<_>>()
        );
    }

    // The same bytes as digits: the 11-digit paths.
    let digits: String = rest
        .iter()
        .take(11)
        .map(|b| char::from(b'0' + b % 10))
        .collect();
    let numeric = check(&digits, &options);
    sound(&numeric, "numeric");
    assert_eq!(numeric.valid(), is_valid(&digits), "11 digits {digits:?}");

    let m = check_matricola(&text, lang);
    for f in &m.findings {
        assert!(!f.message.is_empty() && !f.code.is_empty(), "{f:?}");
    }
    if m.valid {
        assert!(m.normalized.len() == 10 && m.normalized.bytes().all(|b| b.is_ascii_digit()));
    }
});
