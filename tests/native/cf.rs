//! The codice fiscale engine, table-driven. Rules: DM 23 dicembre 1976 (structure, check
//! character, omocodia), DPR 605/1973 art. 3 (11-digit codes), and issue 3 of the project.
//!
//! Test codes whose check character is not from a published source were computed by hand;
//! the sums are in the comments (odd positions with the odd table, even positions with
//! their value, total mod 26 → letter), e.g. for the well-known textbook example:
//!
//! RSSMRA85T10A562S (Mario Rossi, 10/12/1985, San Giuliano Terme):
//!   odd  R8 S12 R8 8:19 T14 0:1 5:13 2:5 = 80; even S18 M12 A0 5 1 A0 6 = 42;
//!   122 mod 26 = 18 → S.

use chrono::NaiveDate;
use instrada::cf::{check, check_with, is_valid, CheckOptions, Fields, Kind, Sex, MAX_SUGGESTIONS};
use instrada::finding::{Lang, Severity};

use crate::cases::{CF_TODAY, CF_VALID, CF_WRONG};

fn d(y: i32, m: u32, g: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, g).unwrap()
}

fn opts(today: NaiveDate) -> CheckOptions {
    CheckOptions {
        today: Some(today),
        lang: Lang::It,
    }
}

/// The fixed "today" of these tests.
fn today() -> NaiveDate {
    CF_TODAY.parse().unwrap()
}

fn codes(report: &instrada::cf::CfReport, s: Severity) -> Vec<&'static str> {
    report
        .findings
        .iter()
        .filter(|f| f.severity == s)
        .map(|f| f.code)
        .collect()
}

// ---------------------------------------------------------------------------------------
// Valid codes and what they decode to
// ---------------------------------------------------------------------------------------

struct Decoded {
    code: &'static str,
    birth: (i32, u32, u32),
    sex: Sex,
    place: &'static str,
    name: &'static str,
    province: &'static str,
    omocode: bool,
}

#[test]
fn valid_person_codes_decode() {
    let table = [
        // The textbook example (sum in the header).
        Decoded {
            code: "RSSMRA85T10A562S",
            birth: (1985, 12, 10),
            sex: Sex::M,
            place: "A562",
            name: "San Giuliano Terme",
            province: "PI",
            omocode: false,
        },
        // Omocodia only on the tens of the year (the leftmost numeric position, 8→U):
        // odd R8 S12 R8 U16 T14 0:1 5:13 2:5 = 77; even 42; 119 mod 26 = 15 → P.
        Decoded {
            code: "RSSMRAU5T10A562P",
            birth: (1985, 12, 10),
            sex: Sex::M,
            place: "A562",
            name: "San Giuliano Terme",
            province: "PI",
            omocode: true,
        },
        // Omocodia only on the tens of the day (1→M): odd 80; even S18 M12 A0 5 M12 A0 6 = 53;
        // 133 mod 26 = 3 → D.
        Decoded {
            code: "RSSMRA85TM0A562D",
            birth: (1985, 12, 10),
            sex: Sex::M,
            place: "A562",
            name: "San Giuliano Terme",
            province: "PI",
            omocode: true,
        },
        // Omocodia only on the middle digit of the place (6→S): odd 80; even 18+12+0+5+1+0+S18
        // = 54; 134 mod 26 = 4 → E.
        Decoded {
            code: "RSSMRA85T10A5S2E",
            birth: (1985, 12, 10),
            sex: Sex::M,
            place: "A562",
            name: "San Giuliano Terme",
            province: "PI",
            omocode: true,
        },
        // The rightmost digit only (2→N): odd 8+12+8+19+14+1+13+N20 = 95; even 42; 137 mod 26 = 7 → H.
        Decoded {
            code: "RSSMRA85T10A56NH",
            birth: (1985, 12, 10),
            sex: Sex::M,
            place: "A562",
            name: "San Giuliano Terme",
            province: "PI",
            omocode: true,
        },
        // All seven: odd 8+12+8+U16+T14+L4+R8+N20 = 90; even 18+12+0+R17+M12+0+S18 = 77;
        // 167 mod 26 = 11 → L.
        Decoded {
            code: "RSSMRAURTMLARSNL",
            birth: (1985, 12, 10),
            sex: Sex::M,
            place: "A562",
            name: "San Giuliano Terme",
            province: "PI",
            omocode: true,
        },
        // A woman born on 29 February of a leap year (day 29 + 40 = 69), Roma:
        // odd B0 C5 R8 9:21 B0 9:21 5:13 1:0 = 68; even N13 L11 A0 2 6 H7 0 = 39; 107 mod 26 = 3 → D.
        Decoded {
            code: "BNCLRA92B69H501D",
            birth: (1992, 2, 29),
            sex: Sex::F,
            place: "H501",
            name: "Roma",
            province: "RM",
            omocode: false,
        },
        // Born abroad, Germany (Z112):
        // odd M18 L4 N20 8:19 A1 1:0 1:0 2:5 = 67; even L11 H7 S18 0 0 Z25 1 = 62;
        // 129 mod 26 = 25 → Z.
        Decoded {
            code: "MLLHNS80A01Z112Z",
            birth: (1980, 1, 1),
            sex: Sex::M,
            place: "Z112",
            name: "Germania",
            province: "EE",
            omocode: false,
        },
        // Born in a comune suppressed on 31/12/2016 (Acquacanina, MC, A031), in 1970:
        // odd R8 S12 P3 7:17 A1 1:0 0:1 1:0 = 42; even S18 G6 P15 0 0 A0 3 = 42;
        // 84 mod 26 = 6 → G.
        Decoded {
            code: "RSSGPP70A01A031G",
            birth: (1970, 1, 1),
            sex: Sex::M,
            place: "A031",
            name: "Acquacanina",
            province: "MC",
            omocode: false,
        },
        // Born in 1920 in Acqualunga (BS, A036), a comune that ceased on 31/12/1927: the
        // recent century (2020) does not fit the place, the older one does.
        // odd 8+12+8+2:5+E9+1:0+0:1+6:15 = 59; even 18+12+0+0+1+0+3 = 34; 93 mod 26 = 15 → P.
        Decoded {
            code: "RSSMRA20E10A036P",
            birth: (1920, 5, 10),
            sex: Sex::M,
            place: "A036",
            name: "Acqualunga",
            province: "BS",
            omocode: false,
        },
        // "13" is read as 2013: Priverno (G698, "Piperno" until 1928) is valid in 2013.
        // odd V10 D7 P3 1:0 P3 0:1 6:15 8:19 = 58; even R17 G6 P15 3 1 G6 9 = 57; 115 mod 26 = 11 → L.
        Decoded {
            code: "VRDGPP13P10G698L",
            birth: (2013, 9, 10),
            sex: Sex::M,
            place: "G698",
            name: "Priverno",
            province: "LT",
            omocode: false,
        },
    ];
    for t in table {
        let r = check(t.code, &opts(today()));
        assert!(r.valid(), "{}: {:#?}", t.code, r.findings);
        assert_eq!(r.kind, Some(Kind::Person), "{}", t.code);
        let p = r.person.as_ref().expect("decoded");
        assert_eq!(
            p.birth_date,
            d(t.birth.0, t.birth.1, t.birth.2),
            "{}",
            t.code
        );
        assert_eq!(p.sex, t.sex, "{}", t.code);
        assert_eq!(p.place_code, t.place, "{}", t.code);
        assert_eq!(p.place_name.as_deref(), Some(t.name), "{}", t.code);
        assert_eq!(p.province.as_deref(), Some(t.province), "{}", t.code);
        assert_eq!(p.omocode, t.omocode, "{}", t.code);
        assert!(is_valid(t.code), "fast path {}", t.code);
        assert_eq!(
            codes(&r, Severity::Info).contains(&"cf.omocode"),
            t.omocode,
            "{}",
            t.code
        );
    }
}

/// The valid codes of the table the browser tests share: valid, of their kind, for the full
/// check and the fast path alike.
#[test]
fn the_shared_valid_codes_are_valid_of_their_kind() {
    for (code, kind) in CF_VALID {
        let r = check(code, &opts(today()));
        assert!(r.valid(), "{code}: {:#?}", r.findings);
        let expected = match *kind {
            "person" => Kind::Person,
            "entity" => Kind::Entity,
            _ => Kind::Temporary,
        };
        assert_eq!(r.kind, Some(expected), "{code}");
        assert!(is_valid(code), "fast path {code}");
    }
}

// ---------------------------------------------------------------------------------------
// Wrong codes: every problem, with its code and position
// ---------------------------------------------------------------------------------------

#[test]
fn wrong_codes_report_every_problem() {
    for (input, expected) in CF_WRONG {
        let expected = *expected;
        let r = check(input, &opts(today()));
        let got: Vec<(&str, Option<usize>)> = r.errors().map(|f| (f.code, f.position)).collect();
        assert_eq!(&got, expected, "{input:?}: {:#?}", r.findings);
        assert!(!r.valid(), "{input:?}");
        assert_eq!(r.kind, None, "{input:?}");
        assert!(r.person.is_none(), "{input:?}");
        // The fast path agrees, a place code in no registry included (issue 13).
        assert!(!is_valid(input), "fast path {input:?}");
        for f in r.errors() {
            assert_eq!(f.field_id(), Some("codice-fiscale"), "{input:?}");
            // GOV.UK: never "non valido" alone; every message says what to do.
            assert!(!f.message.contains("non valido"), "{}", f.message);
            assert!(f.message.len() > 40, "{}", f.message);
        }
    }
}

#[test]
fn check_character_message_names_the_expected_one() {
    let r = check("RSSMRA85T10A562X", &opts(today()));
    assert!(
        r.findings[0].message.contains("«S»"),
        "{}",
        r.findings[0].message
    );
    let r = check("80078750588", &opts(today()));
    assert!(
        r.findings[0].message.contains("dovrebbe essere 7"),
        "{}",
        r.findings[0].message
    );
}

#[test]
fn unknown_place_names_the_registry_date() {
    let r = check("RSSMRA85T10A030Z", &opts(today()));
    assert!(
        r.findings[0].message.contains("21/02/2026"),
        "{}",
        r.findings[0].message
    );
}

// ---------------------------------------------------------------------------------------
// Valid codes with warnings and infos
// ---------------------------------------------------------------------------------------

#[test]
fn place_created_after_birth_is_a_warning_not_an_error() {
    // Fiumicino (M297) exists from 04/04/1992; the code says born there on 01/01/1980.
    // odd R8 S12 R8 8:19 A1 1:0 M18? — odd positions R S R 8 A 1 M 9? no: 1-based odd are
    // R,S,R,8,A,1,2,7 → 8+12+8+19+1+0+5+17 = 70; even S M A 0 0 M 9 → 18+12+0+0+0+12+9 = 51;
    // 121 mod 26 = 17 → R.
    let r = check("RSSMRA80A01M297R", &opts(today()));
    assert!(r.valid(), "{:#?}", r.findings);
    assert_eq!(
        codes(&r, Severity::Warning),
        ["cf.place-not-valid-at-birth"]
    );
    let p = r.person.unwrap();
    assert_eq!(p.birth_date, d(1980, 1, 1));
    assert_eq!(p.place_name.as_deref(), Some("Fiumicino"));
    assert!(
        r.findings[0].message.contains("04/04/1992"),
        "{}",
        r.findings[0].message
    );
    assert!(is_valid("RSSMRA80A01M297R"));
}

#[test]
fn century_follows_today_then_the_place() {
    // (code, today, birth year) — RSSMRA04A01M297D: odd 52, even 55, 107 mod 26 = 3 → D.
    let table = [
        ("RSSMRA04A01M297D", d(2026, 1, 15), 2004),
        // Before 01/01/2004, "04" can only be 1904: Fiumicino did not exist, so a warning.
        ("RSSMRA04A01M297D", d(2003, 12, 31), 1904),
        ("RSSMRA85T10A562S", d(2026, 1, 15), 1985),
        // Today is the limit: born today is fine.
        ("RSSMRA85T10A562S", d(1985, 12, 10), 1985),
        ("RSSMRA85T10A562S", d(1985, 12, 9), 1885),
        ("RSSMRA20E10A036P", d(2026, 1, 15), 1920),
    ];
    for (code, today, year) in table {
        let r = check(code, &opts(today));
        assert!(r.valid(), "{code} {today}: {:#?}", r.findings);
        assert_eq!(
            r.person.unwrap().birth_date.format("%Y").to_string(),
            year.to_string(),
            "{code} {today}"
        );
    }
    let r = check("RSSMRA20E10A036P", &opts(today()));
    assert_eq!(codes(&r, Severity::Info), ["cf.century-from-place"]);
}

#[test]
fn without_today_the_registry_date_is_used_and_said() {
    let r = check("RSSMRA85T10A562S", &CheckOptions::default());
    assert!(r.valid());
    assert_eq!(codes(&r, Severity::Info), ["cf.today-assumed"]);
    assert!(
        r.findings[0].message.contains("21/02/2026"),
        "{}",
        r.findings[0].message
    );
}

#[test]
fn input_is_read_forgivingly_and_the_reading_is_said() {
    let table = [
        ("rssmra85t10a562s", "RSSMRA85T10A562S"),
        ("RSS MRA 85T10 A562S", "RSSMRA85T10A562S"),
        ("RSS-MRA-85T10-A562S", "RSSMRA85T10A562S"),
        ("RSS.MRA.85T10.A562S", "RSSMRA85T10A562S"),
        ("\u{200B}RSSMRA85T10A562S\u{FEFF}", "RSSMRA85T10A562S"),
        ("\u{202E}RSSMRA85T10A562S", "RSSMRA85T10A562S"),
        ("\tRSSMRA85T10A562S\n", "RSSMRA85T10A562S"),
        ("ＲＳＳＭＲＡ８５Ｔ１０Ａ５６２Ｓ", "RSSMRA85T10A562S"),
        ("800 787 505 87", "80078750587"),
    ];
    for (input, normalized) in table {
        let r = check(input, &opts(today()));
        assert!(r.valid(), "{input:?}: {:#?}", r.findings);
        assert_eq!(r.normalized, normalized);
        assert_eq!(r.findings[0].code, "cf.normalized", "{input:?}");
        assert!(is_valid(input), "fast path {input:?}");
    }
    // Already clean: nothing to say.
    assert!(check("RSSMRA85T10A562S", &opts(today()))
        .findings
        .is_empty());
}

// ---------------------------------------------------------------------------------------
// 11-digit codes
// ---------------------------------------------------------------------------------------

#[test]
fn numeric_codes() {
    let table = [
        // INPS (Luhn: odd 8+0+8+5+5 = 26, even 0+14→5+14→5+0+16→7 = 17, 43 → 7).
        ("80078750587", Kind::Entity),
        // Agenzia delle Entrate, office 100.
        ("06363391001", Kind::Entity),
        // A real temporary code of a person (office 900).
        ("61492729001", Kind::Temporary),
        // Office 200 lies in 151–245: temporary.
        ("12345672005", Kind::Temporary),
    ];
    for (code, kind) in table {
        let r = check(code, &opts(today()));
        assert!(r.valid(), "{code}: {:#?}", r.findings);
        assert_eq!(r.kind, Some(kind), "{code}");
        assert!(r.person.is_none());
        assert!(is_valid(code), "fast path {code}");
        assert_eq!(
            codes(&r, Severity::Info).contains(&"cf.temporary"),
            kind == Kind::Temporary,
            "{code}"
        );
    }
}

// ---------------------------------------------------------------------------------------
// Suggestions
// ---------------------------------------------------------------------------------------

/// The form fields of a test case: surname, name, birth date, sex, place name.
type Form = Option<(
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
)>;

/// Whether `b` is `a` with one character replaced or two adjacent ones swapped.
fn one_slip(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let diff: Vec<usize> = (0..a.len().min(b.len()))
        .filter(|&i| a[i] != b[i])
        .collect();
    a.len() == b.len()
        && match diff[..] {
            [_] => true,
            [i, j] => j == i + 1 && a[i] == b[j] && a[j] == b[i],
            _ => false,
        }
}

#[test]
fn suggestions_are_the_single_slips_that_make_the_code_valid_ranked() {
    // (typed code, form fields, the suggestions offered in order: the first on the error,
    // the others as `cf.alternative` warnings; "" for one the test does not pin down)
    let table: [(&str, Form, &[&str]); 14] = [
        // Day digits swapped (10 → 01), or only the check character wrong: the code cannot
        // tell. The first proposal keeps the person the code describes (a man born on
        // 01/12/1985: the check character «Q»), the swap back to the 10th comes second,
        // then a year digit that also fits.
        (
            "RSSMRA85T01A562S",
            None,
            &["RSSMRA85T01A562Q", "RSSMRA85T10A562S", "RSSMRA95T01A562S"],
        ),
        // The same code when the form says he was born on the 10th: the swap back first.
        (
            "RSSMRA85T01A562S",
            Some(("Rossi", "Mario", "10/12/1985", "M", "San Giuliano Terme")),
            &["RSSMRA85T10A562S"],
        ),
        // Only the check character is wrong, no form: the right check character first (the
        // one the check character's message names), whatever else also fits.
        ("RSSMRA85T10A562T", None, &["RSSMRA85T10A562S", "", ""]),
        ("MRTNNA80A41H501X", None, &["MRTNNA80A41H501W", "", ""]),
        // Place digits swapped into a code that never existed (A073): the swap back, to
        // A703 (Bassano del Grappa), first.
        ("RSSMRA85T10A073S", None, &["RSSMRA85T10A703S", "", ""]),
        // Month letter mistyped: only T fits the check character.
        ("RSSMRA85X10A562S", None, &["RSSMRA85T10A562S"]),
        // Year digit and month letter swapped: the swap back, then a month that fits.
        (
            "RSSMRA8T510A562S",
            None,
            &["RSSMRA85T10A562S", "RSSMRA8TB10A562S"],
        ),
        // A character that cannot be there: one digit fits.
        ("RSSMRA85T10A56@S", None, &["RSSMRA85T10A562S"]),
        // A mistyped place digit (3 for its neighbouring key 2) comes first: the code as
        // typed says born in Bagno (AQ) in 1885, a comune that existed only then, not a
        // plausible person to keep.
        ("RSSMRA85T10A563S", None, &["RSSMRA85T10A562S", "", ""]),
        // A woman born on 29/02/1992 in Roma, place digits swapped (H510 is Romanò
        // Brianza, valid only in 1892 as the code reads): the swap back first.
        ("BNCLRA92B69H510D", None, &["BNCLRA92B69H501D", "", ""]),
        // Only the check character is wrong: a dozen single changes fit; the form's other
        // fields leave exactly the right one.
        (
            "RSSMRA85T10A562T",
            Some(("Rossi", "Mario", "10/12/1985", "M", "San Giuliano Terme")),
            &["RSSMRA85T10A562S"],
        ),
        (
            "MRTNNA80A41H501X",
            Some(("Martini", "Anna", "01/01/1980", "F", "Roma")),
            &["MRTNNA80A41H501W"],
        ),
        // INPS with a wrong check digit: the right one is among the three offered.
        (
            "80078750588",
            None,
            &["08078750588", "80078750587", "80078750488"],
        ),
        // A real temporary code with two serial digits swapped (27 → 72): two swaps fit
        // (the first two digits too), the first in the code comes first.
        ("61497229001", None, &["16497229001", "61492729001", ""]),
    ];
    for (input, form, expected) in table {
        let fields = form
            .map(|(surname, name, birth, sex, place)| Fields {
                surname: Some(surname.into()),
                name: Some(name.into()),
                birth_date: Some(birth.into()),
                sex: Some(sex.into()),
                place_name: Some(place.into()),
                ..Default::default()
            })
            .unwrap_or_default();
        let r = check_with(input, &opts(today()), &fields);
        assert!(!r.valid(), "{input}");
        let offered: Vec<&str> = r
            .findings
            .iter()
            .filter_map(|f| f.suggestion.as_deref())
            .collect();
        assert_eq!(offered.len(), expected.len(), "{input}: {:#?}", r.findings);
        assert!(offered.len() <= MAX_SUGGESTIONS);
        for (got, want) in offered.iter().zip(expected) {
            if !want.is_empty() {
                assert_eq!(got, want, "{input}: {:#?}", r.findings);
            }
        }
        // The first is on an error, the others are `cf.alternative` warnings; each is a
        // valid code one slip away, and none is applied.
        let carriers: Vec<(Severity, &str)> = r
            .findings
            .iter()
            .filter(|f| f.suggestion.is_some())
            .map(|f| (f.severity, f.code))
            .collect();
        assert_eq!(carriers[0].0, Severity::Error, "{input}");
        assert!(
            carriers[1..]
                .iter()
                .all(|c| *c == (Severity::Warning, "cf.alternative")),
            "{input}"
        );
        assert_eq!(r.normalized, input);
        for s in &offered {
            assert!(
                check(s, &opts(today())).valid(),
                "suggestion {s} must be valid"
            );
            assert!(one_slip(input, s), "{input} → {s}");
        }
    }
}

#[test]
fn the_first_proposal_keeps_the_person_the_code_describes() {
    // Every valid code of this file with each wrong check character (25 each): the first
    // proposal is the code itself, with its check character, never another person's.
    let valid = [
        "RSSMRA85T10A562S",
        "MRTNNA80A41H501W",
        "BNCGLI90A41F205H",
        "BNCLRA92B69H501D",
    ];
    for code in valid {
        assert!(check(code, &opts(today())).valid(), "{code}");
        for wrong in 'A'..='Z' {
            let typed = format!("{}{wrong}", &code[..15]);
            if typed == code {
                continue;
            }
            let r = check(&typed, &opts(today()));
            let first = r.findings.iter().find_map(|f| f.suggestion.as_deref());
            assert_eq!(first, Some(code), "{typed}: {:#?}", r.findings);
        }
    }
    // A swap that changes the person (10 → 01 in the day): without the form the first
    // keeps the typed person (born on the 1st), and the message says what each means.
    let r = check("RSSMRA85T01A562S", &opts(today()));
    let offered: Vec<&str> = r
        .findings
        .iter()
        .filter(|f| f.suggestion.is_some())
        .map(|f| f.message.as_str())
        .collect();
    assert!(offered[0].contains("nato il 01/12/1985"), "{}", offered[0]);
    assert!(offered[1].contains("nato il 10/12/1985"), "{}", offered[1]);
}

#[test]
fn suggestion_messages_say_what_changes_and_what_the_code_means() {
    // (typed, language, words the best suggestion's message must contain)
    let table = [
        ("RSSMRA8T510A562S", Lang::It, "scambiando l'8° e il 9° carattere: indica un uomo nato il 10/12/1985 a San Giuliano Terme (PI)"),
        ("RSSMRA8T510A562S", Lang::En, "exchanging characters 8 and 9: a man born on 10 Dec 1985 in San Giuliano Terme (PI)"),
        ("RSSMRA85T10A562T", Lang::It, "dovrebbe essere «S» e non «T»"),
        ("RSSMRA85T10A562T", Lang::It, "Forse è «RSSMRA85T10A562S», con «S» al 16° posto invece di «T»: indica un uomo nato il 10/12/1985 a San Giuliano Terme (PI)"),
        ("RSSMRA85X10A562S", Lang::It, "con «T» al 9° posto invece di «X»"),
        ("RSSMRA85T10A56@S", Lang::It, "con «2» al 15° posto invece di «@»"),
        ("BNCLRA92B69H510D", Lang::It, "indica una donna nata il 29/02/1992 a Roma (RM)"),
    ];
    for (input, lang, words) in table {
        let r = check(
            input,
            &CheckOptions {
                today: Some(today()),
                lang,
            },
        );
        let f = r
            .findings
            .iter()
            .find(|f| f.suggestion.is_some())
            .expect(input);
        assert!(f.message.contains(words), "{input}: {}", f.message);
    }
}

// ---------------------------------------------------------------------------------------
// Languages and hostile input
// ---------------------------------------------------------------------------------------

#[test]
fn english_messages() {
    let r = check(
        "RSSMRA85X10A562S",
        &CheckOptions {
            today: Some(today()),
            lang: Lang::En,
        },
    );
    assert!(
        r.findings[0]
            .message
            .starts_with("Character 9 is the month of birth"),
        "{}",
        r.findings[0].message
    );
    let r = check(
        "",
        &CheckOptions {
            today: Some(today()),
            lang: Lang::En,
        },
    );
    assert!(r.findings[0]
        .message
        .starts_with("Enter the codice fiscale"));
}

#[test]
fn hostile_input_gives_findings_never_a_panic() {
    let long = "A".repeat(1 << 20);
    let mixed: String = "RSSMRA85T10A562S😀\u{0}\u{202E}".repeat(10_000);
    let table: [(&str, &str); 8] = [
        (&long, "cf.too-long"),
        (&mixed, "cf.too-long"),
        ("😀", "cf.length"),
        ("\u{0}", "cf.length"),
        ("١٢٣٤٥٦٧٨٩٠١", "cf.digit-expected"),
        ("שלום", "cf.length"),
        ("-1", "cf.length"),
        ("1e308", "cf.length"),
    ];
    for (input, code) in table {
        let r = check(input, &opts(today()));
        assert_eq!(
            r.errors().next().map(|f| f.code),
            Some(code),
            "{:?}",
            input.chars().take(20).collect::<String>()
        );
        assert!(r.normalized.chars().count() <= 65);
        assert!(!is_valid(input));
    }
}

/// The fast path agrees with the full check on every code that does not depend on the
/// registry or on today's date: all single-character changes of valid codes.
#[test]
fn fast_path_agrees_with_full_check() {
    let bases = [
        "RSSMRA85T10A562S",
        "BNCLRA92B69H501D",
        "MLLHNS80A01Z112Z",
        "RSSMRAURTMLARSNL",
        "80078750587",
        "61492729001",
    ];
    let alphabet = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    let mut compared = 0;
    for base in bases {
        for i in 0..base.len() {
            for &b in alphabet {
                let mut code = base.as_bytes().to_vec();
                code[i] = b;
                let code = String::from_utf8(code).unwrap();
                let r = check(&code, &opts(today()));
                // Place codes in no registry included (issue 13).
                assert_eq!(is_valid(&code), r.valid(), "{code}: {:#?}", r.findings);
                compared += 1;
            }
        }
    }
    assert!(compared > 2000, "{compared}");
}

/// `decode` says whether the full check would have nothing to report but omocodia, and
/// gives that finding exactly as the full check writes it (the JavaScript fast path shows
/// it without running the full check).
#[test]
fn decode_gives_the_omocode_info_of_the_full_check() {
    // (code, only omocodia to say)
    let table = [
        ("RSSMRAURTMLARSNL", true),  // omocodia on all 7 positions
        ("RSSMRAU5T10A562P", true),  // on the leftmost only
        ("RSSMRA85T10A562S", false), // plain: nothing to say
        ("RSSMRA80A01M297R", false), // place created after birth: a warning
        ("RSSMRA20E10A036P", false), // the older century, from the place: an info
    ];
    for lang in [Lang::It, Lang::En] {
        for (code, only) in table {
            let d = instrada::cf::decode(code, today()).unwrap();
            assert_eq!(d.omocode_only(), only, "{code}");
            let report = check(
                code,
                &CheckOptions {
                    today: Some(today()),
                    lang,
                },
            );
            let expected = if only { report.findings.first() } else { None };
            assert_eq!(d.omocode_info(lang).as_ref(), expected, "{code} {lang:?}");
            if only {
                assert_eq!(report.findings.len(), 1, "{code}");
            }
        }
    }
}
