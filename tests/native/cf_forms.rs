//! Computing a code from the form (encode), comparing a code with the form (cross_check),
//! and the matricola aziendale INPS. Rules: DM 23 dicembre 1976 (letters of surname and
//! name, date, place); issue 3 (messages, fields).

use chrono::NaiveDate;
use instrada::cf::{check, check_matricola, cross_check, encode, CheckOptions, Fields};
use instrada::finding::{Lang, Severity};

fn fields(surname: &str, name: &str, birth: &str, sex: &str, place: &str) -> Fields {
    let opt = |s: &str| (!s.is_empty()).then(|| s.to_string());
    // A place that looks like a code is passed as a code, otherwise as a name.
    let is_code = place.len() == 4 && place[1..].bytes().all(|b| b.is_ascii_digit());
    Fields {
        surname: opt(surname),
        name: opt(name),
        birth_date: opt(birth),
        sex: opt(sex),
        place_code: if is_code { opt(place) } else { None },
        place_name: if is_code { None } else { opt(place) },
    }
}

fn today() -> CheckOptions {
    CheckOptions {
        today: NaiveDate::from_ymd_opt(2026, 1, 15),
        lang: Lang::It,
    }
}

#[test]
fn encode_computes_the_code() {
    // (surname, name, birth, sex, place, code). Codes from tests/cf.rs have their check
    // character computed there; the others here (odd positions / even positions / mod 26).
    let table = [
        (
            "Rossi",
            "Mario",
            "1985-12-10",
            "M",
            "A562",
            "RSSMRA85T10A562S",
        ),
        (
            "Rossi",
            "Mario",
            "10/12/1985",
            "m",
            "San Giuliano Terme",
            "RSSMRA85T10A562S",
        ),
        // Woman born on 29 February 1992 in Roma: day 69.
        (
            "Bianchi",
            "Laura",
            "1992-02-29",
            "F",
            "Roma",
            "BNCLRA92B69H501D",
        ),
        // Born abroad; "ü" folds to U.
        (
            "Müller",
            "Hans",
            "1980-01-01",
            "M",
            "Germania",
            "MLLHNS80A01Z112Z",
        ),
        // A comune suppressed in 2016, by name.
        (
            "Rossi",
            "Giuseppe",
            "1970-01-01",
            "M",
            "Acquacanina",
            "RSSGPP70A01A031G",
        ),
        // Castro in 1970 is only C337 (BG); in 1980 the province is needed.
        (
            "Verdi",
            "Giuseppe",
            "1970-01-01",
            "M",
            "Castro",
            "VRDGPP70A01C337B",
        ),
        (
            "Verdi",
            "Giuseppe",
            "1980-01-01",
            "M",
            "Castro (LE)",
            "VRDGPP80A01M261X",
        ),
        // Name with 4+ consonants (G, V, N, N: 1st, 3rd, 4th); surname with apostrophe and
        // space; a bilingual comune by its German name (Bolzano, A952).
        // odd D7 C5 N20 7:17 L4 1:0 9:21 2:5 = 79; even L11 G6 N13 5 4 A0 5 = 44; 123 → T.
        (
            "De Luca",
            "Giovanni",
            "1975-07-01",
            "F",
            "Bozen",
            "DLCGNN75L41A952T",
        ),
        // Short surname and name: vowels, then X.
        // odd B0 X25 O11 0:1 A1 1:0 5:13 1:0 = 51; even O14 F5 X23 0 0 H7 0 = 49; 100 → W.
        ("Bo", "Fo", "2000-01-01", "M", "H501", "BOXFOX00A01H501W"),
        // odd A1 X25 C5 0:1 A1 1:0 2:5 5:13 = 51; even I8 L11 U20 1 0 F5 0 = 45; 96 → S.
        ("Ai", "Luca", "2001-01-01", "M", "F205", "AIXLCU01A01F205S"),
        // Vowels after consonants; "ë" folds to E.
        // odd M18 L4 O11 9:21 H17 5:13 1:0 2:5 = 89; even L11 Z25 E4 5 5 Z25 1 = 76; 165 → J.
        (
            "Müller",
            "Zoë",
            "1995-06-15",
            "F",
            "Z112",
            "MLLZOE95H55Z112J",
        ),
        // Name with 5 consonants: C R S T N → C S T.
        // odd B0 C5 S12 8:19 M18 8:19 2:5 5:13 = 91; even N13 C2 T19 8 4 F5 0 = 51; 142 → M.
        (
            "Bianchi",
            "Cristina",
            "1988-08-08",
            "F",
            "F205",
            "BNCCST88M48F205M",
        ),
        // D'Angelo; Alessandra: L S S N D R → L S N.
        // odd D7 G15 S12 9:21 A1 1:0 5:13 1:0 = 69; even N13 L11 N13 0 4 H7 0 = 48; 117 → N.
        (
            "D'Angelo",
            "Alessandra",
            "1990-01-01",
            "F",
            "H501",
            "DNGLSN90A41H501N",
        ),
    ];
    for (surname, name, birth, sex, place, code) in table {
        let r = encode(&fields(surname, name, birth, sex, place), Lang::It);
        assert_eq!(
            r.code.as_deref(),
            Some(code),
            "{surname} {name}: {:#?}",
            r.findings
        );
        assert!(r.findings.iter().all(|f| !f.is_error()), "{code}");
        assert!(check(code, &today()).valid(), "{code} must pass check");
    }
}

#[test]
fn encode_warns_when_the_place_did_not_exist_yet() {
    let r = encode(
        &fields("Rossi", "Mario", "1980-01-01", "M", "Fiumicino"),
        Lang::It,
    );
    assert_eq!(r.code.as_deref(), Some("RSSMRA80A01M297R"));
    assert_eq!(
        r.findings.iter().map(|f| f.code).collect::<Vec<_>>(),
        ["cf.place-not-valid-at-birth"]
    );
    assert_eq!(r.findings[0].field_id(), Some("luogo-nascita"));
}

#[test]
fn encode_reports_every_unusable_field() {
    // (fields, [(code, field)])
    let table: Vec<(Fields, Vec<(&str, &str)>)> = vec![
        (
            Fields::default(),
            vec![
                ("cf.surname-missing", "cognome"),
                ("cf.name-missing", "nome"),
                ("cf.birth-date-missing", "data-nascita"),
                ("cf.sex-missing", "sesso"),
                ("cf.place-missing", "luogo-nascita"),
            ],
        ),
        (
            fields("R0ssi", "😀", "31/02/1990", "X", "H5O1"),
            vec![
                ("cf.surname-character", "cognome"),
                ("cf.name-character", "nome"),
                ("date.invalid", "data-nascita"),
                ("cf.sex-invalid", "sesso"),
                ("cf.place-name-unknown", "luogo-nascita"),
            ],
        ),
        (
            fields("'-.", "Mario", "1985-12-10", "M", "A030"),
            vec![
                ("cf.surname-letters", "cognome"),
                ("cf.place-code-unknown", "luogo-nascita"),
            ],
        ),
        (
            fields("Rossi", "Mario", "1985-12-10", "M", "Castro"),
            vec![("cf.place-ambiguous", "luogo-nascita")],
        ),
        (
            Fields {
                place_code: Some("12".into()),
                ..fields("Rossi", "Mario", "1985-12-10", "M", "")
            },
            vec![("cf.place-code-format", "luogo-nascita")],
        ),
        (
            fields(&"A".repeat(300), "Mario", "1985-12-10", "M", "H501"),
            vec![("cf.surname-too-long", "cognome")],
        ),
    ];
    for (f, expected) in table {
        let r = encode(&f, Lang::It);
        assert_eq!(r.code, None, "{f:?}");
        let got: Vec<(&str, &str)> = r
            .findings
            .iter()
            .map(|x| (x.code, x.field_id().unwrap_or("")))
            .collect();
        assert_eq!(got, expected, "{f:?}");
        assert!(r.findings.iter().all(|x| x.severity == Severity::Error));
    }
    let r = encode(
        &fields("Rossi", "Mario", "1985-12-10", "M", "Castro"),
        Lang::It,
    );
    assert!(
        r.findings[0].message.contains("Castro (BG, C337)"),
        "{}",
        r.findings[0].message
    );
}

#[test]
fn cross_check_reports_each_field_that_disagrees() {
    let code = "RSSMRA85T10A562S";
    // (fields, [(code, field)])
    let table: Vec<(Fields, Vec<(&str, &str)>)> = vec![
        (fields("Rossi", "Mario", "1985-12-10", "M", "A562"), vec![]),
        (
            fields("Rossi", "Maria", "10/12/1985", "M", "San Giuliano Terme"),
            vec![],
        ),
        (fields("", "", "", "", ""), vec![]),
        (
            fields("Bianchi", "", "", "", ""),
            vec![("cf.mismatch-surname", "cognome")],
        ),
        (
            fields("", "Marco", "", "", ""),
            vec![("cf.mismatch-name", "nome")],
        ),
        (
            fields("", "", "12/10/1985", "", ""),
            vec![("cf.mismatch-birth-date", "data-nascita")],
        ),
        (
            fields("", "", "", "F", ""),
            vec![("cf.mismatch-sex", "sesso")],
        ),
        (
            fields("", "", "", "", "Pisa"),
            vec![("cf.mismatch-place", "luogo-nascita")],
        ),
        (
            fields("", "", "", "", "H501"),
            vec![("cf.mismatch-place", "luogo-nascita")],
        ),
        (
            fields("Bianchi", "Marco", "1985-10-12", "F", "G702"),
            vec![
                ("cf.mismatch-surname", "cognome"),
                ("cf.mismatch-name", "nome"),
                ("cf.mismatch-birth-date", "data-nascita"),
                ("cf.mismatch-sex", "sesso"),
                ("cf.mismatch-place", "luogo-nascita"),
            ],
        ),
        (
            fields("", "", "not a date", "?", "Atlantide"),
            vec![
                ("date.invalid", "data-nascita"),
                ("cf.sex-invalid", "sesso"),
                ("cf.place-name-unknown", "luogo-nascita"),
            ],
        ),
    ];
    for (f, expected) in table {
        let found = cross_check(code, &f, &today());
        let got: Vec<(&str, &str)> = found
            .iter()
            .map(|x| (x.code, x.field_id().unwrap_or("")))
            .collect();
        assert_eq!(got, expected, "{f:?}: {found:#?}");
        for x in found.iter().filter(|x| x.code.starts_with("cf.mismatch")) {
            assert_eq!(x.severity, Severity::Warning);
        }
    }
    let found = cross_check(code, &fields("", "", "12/10/1985", "", ""), &today());
    assert!(
        found[0]
            .message
            .contains("il 10/12/1985, il modulo dice 12/10/1985"),
        "{}",
        found[0].message
    );
}

#[test]
fn cross_check_accepts_every_omocode_variant() {
    let f = fields("Rossi", "Mario", "1985-12-10", "M", "A562");
    for code in [
        "RSSMRA85T10A562S",
        "RSSMRAU5T10A562P",
        "RSSMRA85TM0A562D",
        "RSSMRA85T10A5S2E",
        "RSSMRA85T10A56NH",
        "RSSMRAURTMLARSNL",
    ] {
        assert_eq!(cross_check(code, &f, &today()), vec![], "{code}");
    }
}

#[test]
fn cross_check_needs_a_valid_personal_code() {
    let f = fields("Rossi", "Mario", "1985-12-10", "M", "A562");
    for code in ["RSSMRA85T10A562X", "", "80078750587", "61492729001"] {
        let found = cross_check(code, &f, &today());
        assert_eq!(
            found.iter().map(|x| x.code).collect::<Vec<_>>(),
            ["cf.cross-check-skipped"],
            "{code}"
        );
        assert_eq!(found[0].severity, Severity::Info);
    }
}

#[test]
fn matricola_form_only() {
    let long = "1".repeat(100_000);
    // (input, valid, normalized, error codes)
    let table: Vec<(&str, bool, &str, Vec<&str>)> = vec![
        ("1234567890", true, "1234567890", vec![]),
        (" 12345-67890 ", true, "1234567890", vec![]),
        ("", false, "", vec!["matricola.empty"]),
        ("123456789", false, "123456789", vec!["matricola.length"]),
        (
            "12345A7890",
            false,
            "12345A7890",
            vec!["matricola.digit-expected"],
        ),
        (
            "RSSMRA85T10A562S",
            false,
            "RSSMRA85T10A562S",
            vec!["matricola.codice-fiscale"],
        ),
        (
            "80078750587",
            false,
            "80078750587",
            vec!["matricola.codice-fiscale"],
        ),
        (&long, false, "", vec!["matricola.too-long"]),
    ];
    for (input, valid, normalized, errors) in table {
        let r = check_matricola(input, Lang::It);
        assert_eq!(r.valid, valid, "{input:.20}");
        if !normalized.is_empty() {
            assert_eq!(r.normalized, normalized);
        }
        let got: Vec<&str> = r
            .findings
            .iter()
            .filter(|f| f.is_error())
            .map(|f| f.code)
            .collect();
        assert_eq!(got, errors, "{input:.20}");
        assert!(r.findings.iter().all(|f| f.field_id() == Some("matricola")));
    }
    let r = check_matricola(" 12345-67890 ", Lang::It);
    assert_eq!(r.findings[0].code, "matricola.normalized");
    assert_eq!(
        check_matricola("12345A7890", Lang::It).findings[0].position,
        Some(5)
    );
}
