//! The codice fiscale API as JavaScript sees it, in headless Chromium: any JS value in,
//! a plain object out, never an exception.

use instrada::bindings::cf::{
    check_codice_fiscale, check_matricola, cross_check_codice_fiscale, encode_codice_fiscale,
    is_valid_codice_fiscale, preload_places,
};
use js_sys::{Array, Object};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

use crate::cases::{CF_TODAY, CF_VALID, CF_WRONG};
use crate::js::{get, obj, s, show};

/// One helper that prints the whole object when a field is not what is expected.
fn expect(v: &JsValue, path: &str, expected: JsValue) {
    let got = get(v, path);
    assert!(
        Object::is(&got, &expected)
            || (got.as_string().is_some() && got.as_string() == expected.as_string()),
        "{path}: expected {expected:?}, got {got:?} in {}",
        show(v)
    );
}

fn len(v: &JsValue, path: &str) -> u32 {
    get(v, path)
        .dyn_into::<Array>()
        .map(|a| a.length())
        .unwrap_or(u32::MAX)
}

fn today() -> JsValue {
    obj(&[("today", s(CF_TODAY))])
}

/// The registry can be decoded in idle-sized steps (if another test has not already
/// decoded it: tests share the module); it is complete after at most 217 KB.
#[wasm_bindgen_test]
fn preload_in_steps() {
    let mut steps = 0;
    while !preload_places(JsValue::from_f64(16_384.0)) {
        steps += 1;
        assert!(
            steps < 20,
            "the registry should be complete after about 14 steps"
        );
    }
    assert!(preload_places(JsValue::UNDEFINED));
    assert!(preload_places(JsValue::from_f64(1.0)));
    assert!(preload_places(s("garbage")));
}

#[wasm_bindgen_test]
fn valid_person_code_decodes() {
    let r = check_codice_fiscale(s("rssmra85t10a562s"), today());
    expect(&r, "valid", JsValue::TRUE);
    expect(&r, "normalized", s("RSSMRA85T10A562S"));
    expect(&r, "kind", s("person"));
    expect(&r, "person.birthDate", s("1985-12-10"));
    expect(&r, "person.sex", s("M"));
    expect(&r, "person.placeCode", s("A562"));
    expect(&r, "person.placeName", s("San Giuliano Terme"));
    expect(&r, "person.province", s("PI"));
    expect(&r, "person.omocode", JsValue::FALSE);
    expect(&r, "infos.0.code", s("cf.normalized"));
    assert_eq!(len(&r, "errors"), 0);
    assert_eq!(len(&r, "warnings"), 0);
}

/// The shared case tables (`tests/support/cases.rs`, whose rules `tests/native/cf.rs`
/// checks): the same answers cross the boundary, every error with its code, position, field
/// and a message.
#[wasm_bindgen_test]
fn table_of_codes() {
    for (input, kind) in CF_VALID {
        let r = check_codice_fiscale(s(input), today());
        expect(&r, "valid", JsValue::TRUE);
        expect(&r, "kind", s(kind));
        assert_eq!(len(&r, "errors"), 0, "{input}");
    }
    for (input, errors) in CF_WRONG {
        let r = check_codice_fiscale(s(input), today());
        expect(&r, "valid", JsValue::FALSE);
        expect(&r, "kind", JsValue::NULL);
        assert_eq!(
            len(&r, "errors") as usize,
            errors.len(),
            "{input:?}: {}",
            show(&r)
        );
        for (i, (code, position)) in errors.iter().enumerate() {
            expect(&r, &format!("errors.{i}.code"), s(code));
            expect(&r, &format!("errors.{i}.field"), s("codice-fiscale"));
            let at = get(&r, &format!("errors.{i}.position"));
            assert_eq!(
                at.as_f64().map(|p| p as usize),
                *position,
                "{input:?} error {i}"
            );
            assert!(
                get(&r, &format!("errors.{i}.message"))
                    .as_string()
                    .unwrap()
                    .len()
                    > 30
            );
        }
    }
    let r = check_codice_fiscale(s("RSSMRA80A01M297R"), today());
    expect(&r, "warnings.0.code", s("cf.place-not-valid-at-birth"));
    expect(&r, "person.birthDate", s("1980-01-01"));
    let r = check_codice_fiscale(s("RSSMRA85X10A562S"), today());
    expect(&r, "errors.1.suggestion", s("RSSMRA85T10A562S"));
    expect(&r, "errors.1.position", JsValue::from_f64(15.0));
}

/// A code, the options beyond `today`, the suggestions expected in order.
type Case<'a> = (&'a str, &'a [(&'a str, JsValue)], &'a [&'a str]);

/// Suggestions: the likeliest on the error, up to two more as `cf.alternative` warnings,
/// each a button's worth (`suggestion`), narrowed by the form's fields when given.
#[wasm_bindgen_test]
fn suggestions_for_a_wrong_code() {
    // (code, options beyond `today`, [errors.0.suggestion, warnings.0.suggestion, …])
    let rossi = [
        ("surname", s("Rossi")),
        ("name", s("Mario")),
        ("birthDate", s("1985-12-10")),
        ("sex", s("M")),
        ("placeName", s("San Giuliano Terme")),
    ];
    let table: [Case; 4] = [
        // Day digits swapped, or the check character wrong: first the code of the person
        // typed (born on the 1st, check character «Q»), then the swap back, then a year.
        (
            "RSSMRA85T01A562S",
            &[],
            &["RSSMRA85T01A562Q", "RSSMRA85T10A562S", "RSSMRA95T01A562S"],
        ),
        // Only the check character is wrong: the form leaves one candidate.
        ("RSSMRA85T10A562T", &rossi, &["RSSMRA85T10A562S"]),
        // Lower case, separators and the form: the same answer.
        ("rssmra 85t10 a562t", &rossi, &["RSSMRA85T10A562S"]),
        // INPS with a wrong check digit: three candidates, the right one among them.
        (
            "80078750588",
            &[],
            &["08078750588", "80078750587", "80078750488"],
        ),
    ];
    for (code, extra, expected) in table {
        let mut pairs = vec![("today", s("2026-01-15"))];
        pairs.extend(extra.iter().cloned());
        let r = check_codice_fiscale(s(code), obj(&pairs));
        expect(&r, "valid", JsValue::FALSE);
        expect(&r, "errors.0.suggestion", s(expected[0]));
        assert_eq!(
            len(&r, "warnings"),
            expected.len() as u32 - 1,
            "{}",
            show(&r)
        );
        for (i, want) in expected.iter().enumerate().skip(1) {
            expect(&r, &format!("warnings.{}.code", i - 1), s("cf.alternative"));
            expect(&r, &format!("warnings.{}.suggestion", i - 1), s(want));
            expect(&r, &format!("warnings.{}.severity", i - 1), s("warning"));
        }
    }
    // A form field that cannot be read does not hide the check: the code is still judged.
    let r = check_codice_fiscale(
        s("RSSMRA85T10A562S"),
        obj(&[
            ("today", s("2026-01-15")),
            ("surname", JsValue::from_f64(3.0)),
        ]),
    );
    assert!(
        get(&r, "valid").is_truthy() || len(&r, "errors") > 0,
        "{}",
        show(&r)
    );
}

#[wasm_bindgen_test]
fn any_js_value_gives_a_result_never_an_exception() {
    let huge = s(&"A".repeat(1 << 20));
    let too_huge = s(&"A".repeat((1 << 20) + 1));
    let values: Vec<(JsValue, &str)> = vec![
        (JsValue::UNDEFINED, "cf.empty"),
        (JsValue::NULL, "cf.empty"),
        (JsValue::from_f64(42.0), "cf.length"),
        (JsValue::from_f64(f64::NAN), "input.not-text"),
        (JsValue::from_f64(-1e300), "input.not-text"),
        (JsValue::TRUE, "input.not-text"),
        (Object::new().into(), "input.not-text"),
        (Array::new().into(), "input.not-text"),
        (huge, "cf.too-long"),
        (too_huge, "input.too-long"),
        (s("😀"), "cf.length"),
        (s("\u{0}"), "cf.length"),
        (s("\u{202E}gnirts"), "cf.length"),
    ];
    for (v, code) in values {
        let r = check_codice_fiscale(v.clone(), JsValue::UNDEFINED);
        expect(&r, "valid", JsValue::FALSE);
        expect(&r, "kind", JsValue::NULL);
        expect(&r, "errors.0.code", s(code));
        assert!(!is_valid_codice_fiscale(v.clone()));
        let e = encode_codice_fiscale(v.clone());
        expect(&e, "code", JsValue::NULL);
        assert!(len(&e, "errors") >= 1, "{}", show(&e));
        let m = check_matricola(v.clone(), v.clone());
        expect(&m, "valid", JsValue::FALSE);
        let x = cross_check_codice_fiscale(v.clone(), v);
        assert!(x.is_instance_of::<Array>(), "{}", show(&x));
    }
}

#[wasm_bindgen_test]
fn options_are_read_leniently() {
    let code = s("RSSMRA85T10A562S");
    // (options, expected first info or warning code)
    let r = check_codice_fiscale(code.clone(), JsValue::UNDEFINED);
    expect(&r, "valid", JsValue::TRUE);
    expect(&r, "infos.0.code", s("cf.today-assumed"));
    let r = check_codice_fiscale(code.clone(), obj(&[("today", s("ieri"))]));
    expect(&r, "valid", JsValue::TRUE);
    expect(&r, "warnings.0.code", s("cf.today-invalid"));
    let r = check_codice_fiscale(code.clone(), obj(&[("today", JsValue::from_f64(5.0))]));
    expect(&r, "valid", JsValue::TRUE);
    expect(&r, "warnings.0.code", s("input.bad-field"));
    let r = check_codice_fiscale(code.clone(), s("not an object"));
    expect(&r, "valid", JsValue::TRUE);
    expect(&r, "warnings.0.code", s("input.not-object"));
    let r = check_codice_fiscale(
        s("RSSMRA85X10A562S"),
        obj(&[("lang", s("en")), ("today", s("2026-01-15"))]),
    );
    assert!(get(&r, "errors.0.message")
        .as_string()
        .unwrap()
        .starts_with("Character 9"));
    // An 11-digit code passed as a number keeps its leading zero.
    let r = check_codice_fiscale(JsValue::from_f64(6363391001.0), today());
    expect(&r, "valid", JsValue::TRUE);
    expect(&r, "normalized", s("06363391001"));
}

#[wasm_bindgen_test]
fn fast_path() {
    for (v, ok) in [
        (s("RSSMRA85T10A562S"), true),
        (s("rss-mra-85t10-a562s"), true),
        (s("RSSMRA85T10A56NH"), true),
        (s("80078750587"), true),
        (JsValue::from_f64(80078750587.0), true),
        (JsValue::from_f64(6363391001.0), true),
        (s("rssmra85t10a562s"), true),
        (s("RSSMRA85B30A562G"), false),
        (s("RSSMRA85T10A562X"), false),
        (s("ÀSSMRA85T10A562S"), false),
        (s("ＲＳＳＭＲＡ８５Ｔ１０Ａ５６２Ｓ"), true),
        (s("8007875058"), false),
        (JsValue::from_f64(1.5), false),
        (JsValue::UNDEFINED, false),
    ] {
        assert_eq!(is_valid_codice_fiscale(v.clone()), ok, "{v:?}");
    }
}

#[wasm_bindgen_test]
fn encode_and_cross_check() {
    let fields = obj(&[
        ("surname", s("Bianchi")),
        ("name", s("Laura")),
        ("birthDate", s("1992-02-29")),
        ("sex", s("F")),
        ("placeName", s("Roma")),
    ]);
    let r = encode_codice_fiscale(fields.clone());
    expect(&r, "code", s("BNCLRA92B69H501D"));
    assert_eq!(len(&r, "errors"), 0);
    let x = cross_check_codice_fiscale(s("BNCLRA92B69H501D"), fields);
    assert_eq!(x.dyn_into::<Array>().unwrap().length(), 0);
    let x = cross_check_codice_fiscale(
        s("RSSMRA85T10A562S"),
        obj(&[
            ("birthDate", s("12/10/1985")),
            ("sex", s("F")),
            ("today", s("2026-01-15")),
        ]),
    );
    expect(&x, "0.code", s("cf.mismatch-birth-date"));
    expect(&x, "0.field", s("data-nascita"));
    expect(&x, "1.code", s("cf.mismatch-sex"));
    let r = encode_codice_fiscale(obj(&[("surname", JsValue::from_f64(3.0))]));
    expect(&r, "code", JsValue::NULL);
    expect(&r, "errors.0.code", s("input.bad-field"));
    let r = encode_codice_fiscale(obj(&[]));
    expect(&r, "errors.0.code", s("cf.surname-missing"));
    assert_eq!(len(&r, "errors"), 5);
}

#[wasm_bindgen_test]
fn matricola() {
    let r = check_matricola(s("12345 67890"), JsValue::UNDEFINED);
    expect(&r, "valid", JsValue::TRUE);
    expect(&r, "normalized", s("1234567890"));
    expect(&r, "infos.0.code", s("matricola.normalized"));
    let r = check_matricola(s("RSSMRA85T10A562S"), obj(&[("lang", s("en"))]));
    expect(&r, "errors.0.code", s("matricola.codice-fiscale"));
    assert!(get(&r, "errors.0.message")
        .as_string()
        .unwrap()
        .starts_with("This looks like"));
    assert_eq!(len(&r, "warnings"), 0, "{}", show(&r));
    // Options it cannot use are said, and the matricola is still checked (in Italian).
    for (options, warning) in [
        (obj(&[("lang", s("de"))]), "input.unknown-lang"),
        (
            obj(&[("lang", JsValue::from_f64(5.0))]),
            "input.unknown-lang",
        ),
        (s("en"), "input.not-object"),
        (Array::new().into(), "input.not-object"),
    ] {
        let r = check_matricola(s("12345 67890"), options);
        expect(&r, "valid", JsValue::TRUE);
        expect(&r, "warnings.0.code", s(warning));
        assert_eq!(len(&r, "warnings"), 1, "{}", show(&r));
        assert!(get(&r, "infos.0.message")
            .as_string()
            .unwrap()
            .starts_with("Matricola letta come"));
    }
}

/// The fast path reads the code its own way (packed by a JavaScript helper): it must agree
/// with the full check on every code that does not depend on the registry.
#[wasm_bindgen_test]
fn fast_path_agrees_with_full_check() {
    let bases = [
        "RSSMRA85T10A562S",
        "BNCLRA92B69H501D",
        "RSSMRAURTMLARSNL",
        "80078750587",
        "61492729001",
    ];
    let alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZa@";
    let mut compared = 0;
    for base in bases {
        for i in 0..base.len() {
            for c in alphabet.chars() {
                let mut code: Vec<char> = base.chars().collect();
                code[i] = c;
                let code: String = code.into_iter().collect();
                let full = check_codice_fiscale(s(&code), today());
                if get(&full, "errors.0.code").as_string().as_deref() == Some("cf.place-unknown") {
                    continue;
                }
                let valid = get(&full, "valid").as_bool().unwrap();
                assert_eq!(
                    is_valid_codice_fiscale(s(&code)),
                    valid,
                    "{code}: {}",
                    show(&full)
                );
                compared += 1;
            }
        }
    }
    assert!(compared > 1500, "{compared}");
}

/// Quotes, backslashes and control characters in the input travel through the result
/// (messages quote the character; `normalized` keeps it) without breaking it.
#[wasm_bindgen_test]
fn awkward_characters_survive_the_result() {
    for (input, c) in [
        ("RSSMRA85T10A56\"S", "\""),
        ("RSSMRA85T10A56\\S", "\\"),
        ("RSSMRA85T10A56\u{1}S", "\u{1}"),
        ("RSSMRA85T10A56\u{7f}S", "\u{7f}"),
    ] {
        let r = check_codice_fiscale(s(input), today());
        expect(&r, "valid", JsValue::FALSE);
        expect(&r, "normalized", s(input));
        expect(&r, "errors.0.code", s("cf.character"));
        let message = get(&r, "errors.0.message").as_string().unwrap();
        assert!(message.contains(&format!("«{c}»")), "{message}");
        expect(&r, "errors.0.suggestion", s("RSSMRA85T10A562S"));
    }
}

/// An unknown `lang` is a warning; the code is still checked (in Italian).
#[wasm_bindgen_test]
fn an_unknown_language_is_a_warning() {
    let options = obj(&[("today", s("2026-01-15")), ("lang", s("de"))]);
    let r = check_codice_fiscale(s("RSSMRA85T10A562S"), options);
    expect(&r, "valid", JsValue::TRUE);
    expect(&r, "warnings.0.code", s("input.unknown-lang"));
    let known = obj(&[("today", s("2026-01-15")), ("lang", s("en"))]);
    let r = check_codice_fiscale(s("RSSMRA85T10A562S"), known);
    assert_eq!(len(&r, "warnings"), 0, "{}", show(&r));
}

/// A valid code's result is put together from numbers and texts kept on the JavaScript side
/// (`cf_out`), without the full check; a code with omocodia letters too (its `cf.omocode`
/// message is sent once per place and language). The result must say exactly what the core's
/// full check says, on the first use of a place and after it, in both languages.
#[wasm_bindgen_test]
fn quick_result_is_the_full_checks() {
    use instrada::cf::{check, CheckOptions};
    use instrada::finding::{Lang, Severity};
    let codes = [
        "RSSMRA85T10A562S", // plain
        "RSSMRAURTMLARSNL", // omocodia on all 7 positions
        "RSSMRAU5T10A562P", // omocodia on the leftmost only
        "MLLHNS80A01Z1MNZ", // omocodia in a foreign state's code
        "BNCLRA92B69H5L1O", // a woman born on 29/02/1992 in Rome, omocodia in the place
        "RSSMRA80A01M297R", // place created after birth: a warning (full check)
        "RSSMRA20E10A036P", // the older century, from the place: an info (full check)
    ];
    let today = chrono::NaiveDate::from_ymd_opt(2026, 1, 15).unwrap();
    for lang in [Lang::It, Lang::En] {
        let tag = if lang == Lang::En { "en" } else { "it" };
        let options = || obj(&[("today", s("2026-01-15")), ("lang", s(tag))]);
        for code in codes {
            let core = check(
                code,
                &CheckOptions {
                    today: Some(today),
                    lang,
                },
            );
            assert!(core.valid(), "{code}: {:#?}", core.findings);
            let person = core.person.as_ref().unwrap();
            for round in 0..2 {
                let r = check_codice_fiscale(s(code), options());
                let at = format!("{code} ({tag}, round {round}): {}", show(&r));
                for (list, severity) in [
                    ("errors", Severity::Error),
                    ("warnings", Severity::Warning),
                    ("infos", Severity::Info),
                ] {
                    let expected: Vec<_> = core
                        .findings
                        .iter()
                        .filter(|f| f.severity == severity)
                        .collect();
                    let got = get(&r, list);
                    let got = if got.is_undefined() {
                        "[]".to_string()
                    } else {
                        show(&got)
                    };
                    assert_eq!(got, serde_json::to_string(&expected).unwrap(), "{at}");
                }
                expect(&r, "valid", JsValue::TRUE);
                expect(&r, "normalized", s(code));
                expect(&r, "person.birthDate", s(&person.birth_date.to_string()));
                expect(&r, "person.placeCode", s(&person.place_code));
                expect(
                    &r,
                    "person.placeName",
                    s(person.place_name.as_deref().unwrap()),
                );
                expect(
                    &r,
                    "person.province",
                    s(person.province.as_deref().unwrap()),
                );
                expect(&r, "person.omocode", JsValue::from_bool(person.omocode));
            }
        }
    }
}
