//! Case tables shared by the native tests (`tests/native/`, which check the rules) and the
//! browser tests (`tests/web/`, which check that the same answers cross the boundary intact):
//! one table, so that the two suites cannot drift apart. Included with `#[path]`.

#![allow(dead_code)]

/// The day the codice fiscale cases are checked on (`today`).
pub const CF_TODAY: &str = "2026-01-15";

/// Valid codes and their kind (`person`, `entity`, `temporary`).
pub const CF_VALID: &[(&str, &str)] = &[
    ("RSSMRA85T10A562S", "person"), // the textbook example
    ("RSSMRAURTMLARSNL", "person"), // omocodia on all 7 positions
    ("RSSMRAU5T10A562P", "person"), // omocodia on the leftmost only
    ("BNCLRA92B69H501D", "person"), // a woman born on 29/02/1992
    ("MLLHNS80A01Z112Z", "person"), // born in Germany
    ("RSSGPP70A01A031G", "person"), // a suppressed comune
    ("RSSMRA80A01M297R", "person"), // a place created after birth: a warning only
    ("61492729001", "temporary"),
    ("80078750587", "entity"), // INPS's own
];

/// An error the codice fiscale check reports: its code and its position (0-based in the
/// normalised code), in the order they are reported.
pub type CfErrors = &'static [(&'static str, Option<usize>)];

/// Wrong codes and every error each gives (check characters computed by hand in the
/// comments, DM 23 dicembre 1976).
pub const CF_WRONG: &[(&str, CfErrors)] = &[
    ("", &[("cf.empty", None)]),
    (" - . ", &[("cf.empty", None)]),
    ("RSSMRA85T10A562", &[("cf.length", None)]),
    ("RSSMRA85T10A562SS", &[("cf.length", None)]),
    ("8007875058", &[("cf.length", None)]),
    // Month letter X does not exist (DM 1976: A B C D E H L M P R S T); the check
    // character of RSSMRA85X10A562 is D (odd 80 with X25 instead of T14 → 91, even 42;
    // 133 mod 26 = 3).
    (
        "RSSMRA85X10A562S",
        &[("cf.month", Some(8)), ("cf.check-character", Some(15))],
    ),
    // Day 35: neither 01–31 nor 41–71. Check character G is right (odd 92, even 44).
    ("RSSMRA85T35A562G", &[("cf.day", Some(9))]),
    // 30 February (odd 66, even 44, 110 mod 26 = 6 → G).
    ("RSSMRA85B30A562G", &[("cf.day-of-month", Some(9))]),
    // 31 April (odd 72, even 44, 116 mod 26 = 12 → M).
    ("RSSMRA85D31A562M", &[("cf.day-of-month", Some(9))]),
    // 29 February 1993 (or 1893, 2093): never a leap year (odd 68, even 40 → E).
    ("BNCLRA93B69H501E", &[("cf.leap-day", Some(9))]),
    // Place code 000 (odd 64, even 36, 100 mod 26 = 22 → W).
    ("RSSMRA85T10A000W", &[("cf.place-zero", Some(12))]),
    // N cannot start a Belfiore code (odd 80, even 55, 135 mod 26 = 5 → F).
    ("RSSMRA85T10N562F", &[("cf.place-letter", Some(11))]),
    // A digit among the surname letters (odd 80, even 34 → K).
    ("RSS4RA85T10A562K", &[("cf.letter-expected", Some(3))]),
    // X is not an omocodia letter (odd 80, even 60 → K).
    ("RSSMRA8XT10A562K", &[("cf.digit-expected", Some(7))]),
    // Check character only.
    ("RSSMRA85T10A562X", &[("cf.check-character", Some(15))]),
    // A030 is in no registry (odd 64, even 39, 103 mod 26 = 25 → Z).
    ("RSSMRA85T10A030Z", &[("cf.place-unknown", Some(11))]),
    // Characters that can never be in a code.
    ("RSSMRA85T10A56@S", &[("cf.character", Some(14))]),
    ("RSSMRA85T10A562\u{0}", &[("cf.check-character", Some(15))]),
    ("RSSMRA85T10A562😀", &[("cf.check-character", Some(15))]),
    ("RSSMRÀ85T10A562S", &[("cf.character", Some(5))]),
    // Several problems at once.
    (
        "123MRA85X35N000S",
        &[
            ("cf.letter-expected", Some(0)),
            ("cf.letter-expected", Some(1)),
            ("cf.letter-expected", Some(2)),
            ("cf.month", Some(8)),
            ("cf.place-letter", Some(11)),
            ("cf.day", Some(9)),
            ("cf.check-character", Some(15)),
        ],
    ),
    // 11 characters: digits only.
    ("8007875058A", &[("cf.digit-expected", Some(10))]),
    ("00000000000", &[("cf.serial-zero", Some(0))]),
    // Serial 0000000 with a valid office and check digit: never issued.
    ("00000000042", &[("cf.serial-zero", Some(0))]),
    // Office 130: neither an entity's nor a temporary code's (Luhn digit 4 is right).
    ("12345671304", &[("cf.office", Some(7))]),
    // Serial from 8000000 with office 099: only 001–095 (Luhn digit 1 is right).
    ("80078750991", &[("cf.office-serial", Some(7))]),
    // INPS's code with the last digit wrong.
    ("80078750588", &[("cf.check-digit", Some(10))]),
];
