//! Browser tests of the routing JS API (`profiles`, `catalog`, `route`, `review`,
//! `composeSubject`, `loadProfile`) in a real headless Chromium: any JavaScript value goes
//! in, a plain object comes out, nothing throws.
#![cfg(feature = "catalog")]

use instrada::bindings::routing::{
    catalog, compose_subject, load_profile, profiles, review, route,
};
use js_sys::{Array, Object, Reflect, JSON};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

use crate::js::{get, show};

fn text(v: &JsValue, path: &str) -> String {
    get(v, path)
        .as_string()
        .unwrap_or_else(|| panic!("{path} is not text in {}", show(v)))
}

fn obj(json: &str) -> JsValue {
    JSON::parse(json).expect("test JSON")
}

fn codes(v: &JsValue, list: &str) -> Vec<String> {
    let arr: Array = get(v, list)
        .dyn_into()
        .unwrap_or_else(|_| panic!("{list} is not an array in {}", show(v)));
    arr.iter().map(|f| text(&f, "code")).collect()
}

/// Asserts with both values shown.
fn expect<A: std::fmt::Debug + PartialEq<E>, E: std::fmt::Debug>(
    what: &str,
    actual: A,
    expected: E,
) {
    assert!(
        actual == expected,
        "{what}\n  expected: {expected:?}\n  actual:   {actual:?}"
    );
}

fn odd_values() -> Vec<JsValue> {
    vec![
        JsValue::UNDEFINED,
        JsValue::NULL,
        JsValue::from_f64(0.0),
        JsValue::from_f64(-1.0),
        JsValue::from_f64(1e308),
        JsValue::from_f64(f64::NAN),
        JsValue::TRUE,
        JsValue::from_str(""),
        JsValue::from_str("😀\u{202E}\0"),
        JsValue::from_str(&"x".repeat(2_000_000)),
        Array::of2(&JsValue::from_f64(1.0), &JsValue::from_str("a")).into(),
        Object::new().into(),
        js_sys::Function::new_no_args("return 1").into(),
        obj(r#"{"profile": {"a": 1}, "gestione": [1], "kind": 12, "date": null, "lang": 7}"#),
    ]
}

#[wasm_bindgen_test]
fn profiles_lists_the_built_ins() {
    let list: Array = profiles(JsValue::UNDEFINED).dyn_into().unwrap();
    let ids: Vec<String> = list.iter().map(|p| text(&p, "id")).collect();
    for id in [
        "siena",
        "emilia-romagna",
        "milano",
        "torino",
        "nazionale-gdp",
    ] {
        assert!(ids.iter().any(|x| x == id), "{id} in {ids:?}");
    }
    let milano = list.iter().find(|p| text(p, "id") == "milano").unwrap();
    expect("builtIn", get(&milano, "builtIn").as_bool(), Some(true));
    expect("from", text(&milano, "from"), "2018-01-01");
    let en: Array = profiles(obj(r#"{"lang":"en"}"#)).dyn_into().unwrap();
    assert!(
        text(&en.get(0), "name").contains("vademecum"),
        "{}",
        show(&en.get(0))
    );
}

#[wasm_bindgen_test]
fn catalog_shows_the_profile_at_the_date() {
    let c = catalog(JsValue::from_str("torino"), obj(r#"{"date":"2024-01-10"}"#));
    expect("ok", get(&c, "ok").as_bool(), Some(true));
    let cassetti: Array = get(&c, "catalog.cassetti").dyn_into().unwrap();
    let dm = cassetti
        .iter()
        .find(|k| text(k, "cassetto") == "aziende-dm")
        .unwrap();
    let labels: Vec<String> = Array::from(&get(&dm, "classes"))
        .iter()
        .flat_map(|cl| {
            Array::from(&get(&cl, "objects"))
                .iter()
                .map(|o| text(&o, "label"))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(labels.iter().any(|l| l == "Non Specificato"), "{labels:?}");
    assert!(
        !labels.iter().any(|l| l.contains("Gestione separata")),
        "003 §2.1: removed on 06/10/2015"
    );
    // The GDP cassetto is inherited from circolare 34/2023.
    assert!(cassetti
        .iter()
        .any(|k| text(&k, "cassetto") == "dipendenti-pubblici"));
    expect(
        "escalation B list of 2024",
        text(&c, "catalog.escalation.0.to.0.address"),
        "nicola.vitiello@inps.it",
    );
    let old = catalog(JsValue::from_str("torino"), obj(r#"{"date":"20/03/2020"}"#));
    expect(
        "escalation B list of 2020",
        text(&old, "catalog.escalation.0.to.0.address"),
        "elena.martina@inps.it",
    );
    let before = catalog(JsValue::from_str("torino"), obj(r#"{"date":"2016-01-01"}"#));
    expect(
        "inForce",
        get(&before, "catalog.inForce").as_bool(),
        Some(false),
    );
    // Bad input: a finding, never an exception.
    let bad = catalog(JsValue::from_f64(42.0), JsValue::from_str("x"));
    expect("ok", get(&bad, "ok").as_bool(), Some(false));
    assert!(codes(&bad, "findings").contains(&"catalog.unknown-profile".to_string()));
    let no_date = catalog(JsValue::from_str("siena"), JsValue::UNDEFINED);
    assert!(codes(&no_date, "findings").contains(&"catalog.date-missing".to_string()));
    let bad_date = catalog(JsValue::from_str("siena"), obj(r#"{"date": 5}"#));
    expect(
        "ok with a bad option",
        get(&bad_date, "ok").as_bool(),
        Some(true),
    );
    assert!(!codes(&bad_date, "findings").is_empty());
}

#[wasm_bindgen_test]
fn route_answers_with_a_plain_object() {
    let r = route(obj(
        r#"{"sede":"milano-nord","gestione":"aziende-dm","kind":"durc","date":"2024-05-06"}"#,
    ));
    expect("channel", text(&r, "channel"), "email");
    expect(
        "address",
        text(&r, "addresses.0.address"),
        "preavvisodiaccertamento.milanonord@inps.it",
    );
    expect("subject", text(&r, "subject.0"), "codice-fiscale");
    expect(
        "source",
        text(&r, "source.document"),
        "002_16d6e432ed698fc3.txt",
    );
    let online = route(obj(
        r#"{"profile":"torino","gestione":"aziende-dm","kind":"domanda","date":"2024-05-06","description":"domanda di cassa integrazione"}"#,
    ));
    expect("online", text(&online, "channel"), "servizi-online");
    expect(
        "listed",
        text(&online, "listed.label"),
        "Domande di cassa integrazione",
    );
    let en = route(obj(
        r#"{"profile":"emilia-romagna","gestione":"domestici","kind":"quesito-normativo","date":"2024-05-06","lang":"en"}"#,
    ));
    assert!(text(&en, "why").contains("Ordine"), "{}", show(&en));
    // Wrong types name the field.
    let r = route(obj(
        r#"{"profile":"milano","gestione":{"x":1},"kind":"comunicazione","date":"2024-05-06"}"#,
    ));
    let f = Array::from(&get(&r, "findings"))
        .iter()
        .find(|f| text(f, "code") == "input.not-text")
        .unwrap();
    expect("field", text(&f, "field"), "gestione");
    // A number is read as its text (an id can't be one, so it is an unknown gestione).
    let r = route(obj(
        r#"{"profile":"milano","gestione":12,"kind":"comunicazione","date":"2024-05-06"}"#,
    ));
    assert!(codes(&r, "findings").contains(&"route.unknown-gestione".to_string()));
    let r = route(JsValue::from_str("milano"));
    expect(
        "refused",
        codes(&r, "findings"),
        vec!["input.not-object".to_string()],
    );
}

#[wasm_bindgen_test]
fn review_flags_the_generic_object_and_proposes() {
    let r = review(obj(
        r#"{"profile":"torino","gestione":"aziende-dm","kind":"comunicazione","date":"2024-03-04","object":"Non specificato","description":"Il DURC risulta irregolare per un versamento già effettuato"}"#,
    ));
    assert!(
        codes(&r, "findings").contains(&"review.generic-object".to_string()),
        "{}",
        show(&r)
    );
    expect(
        "best object",
        text(&r, "objects.0.label"),
        "Durc (Documento di regolarità contributiva)",
    );
    assert!(Array::from(&get(&r, "objects.0.matched")).length() > 0);
    expect("route inside", text(&r, "route.channel"), "bidirezionale");
    let dead = review(obj(
        r#"{"profile":"torino","gestione":"domestici","kind":"comunicazione","date":"2024-03-04","recipient":"Anagraficaflussi.torino@inps.it"}"#,
    ));
    expect("ok", get(&dead, "ok").as_bool(), Some(false));
    assert!(codes(&dead, "findings").contains(&"review.recipient-dead".to_string()));
    let subject = review(obj(
        r#"{"profile":"milano","sede":"legnano","gestione":"domestici","kind":"comunicazione","date":"2024-03-04","recipient":"Direzione.legnano@inps.it","codiceFiscale":"RSSMRA80A01H501U","subject":"sollecito rimborso"}"#,
    ));
    expect(
        "proposed subject",
        text(&subject, "subject"),
        "RSSMRA80A01H501U - Lavoratori domestici - sollecito rimborso",
    );
    let r = review(JsValue::NULL);
    expect("ok", get(&r, "ok").as_bool(), Some(false));
    // Issue 13: no profile is the national baseline, said as an info.
    assert!(codes(&r, "findings").contains(&"route.national-profile".to_string()));
}

#[wasm_bindgen_test]
fn compose_subject_and_its_findings() {
    let c = compose_subject(obj(
        r#"{"codiceFiscale":"rssmra80a01h501u","gestione":"agricoli","content":"contestazione avviso bonario"}"#,
    ));
    expect(
        "subject",
        text(&c, "subject"),
        "RSSMRA80A01H501U - Agricoli - contestazione avviso bonario",
    );
    expect("ok", get(&c, "ok").as_bool(), Some(true));
    let c = compose_subject(JsValue::UNDEFINED);
    expect("ok", get(&c, "ok").as_bool(), Some(false));
    expect(
        "codes",
        codes(&c, "findings"),
        vec![
            "subject.cf-missing".to_string(),
            "subject.gestione-missing".to_string(),
            "subject.content-missing".to_string(),
        ],
    );
    let c = compose_subject(obj(
        r#"{"codiceFiscale":12345670017,"gestione":"aziende-dm","content":"DURC","lang":"en"}"#,
    ));
    expect(
        "a numeric codice fiscale",
        text(&c, "subject"),
        "12345670017 - Aziende con dipendenti - DURC",
    );
}

#[wasm_bindgen_test]
fn load_profile_registers_or_explains() {
    let json = r#"{"id":"portale-web","name":{"it":"Portale"},"territory":{"it":"Prova"},"issuer":"Prova","document":{"file":"p.pdf","title":"P","date":"2024-01-01"},"effective":{"from":"2024-01-01"},"inherits":["nazionale-gdp"]}"#;
    let ok = load_profile(JsValue::from_str(json), JsValue::UNDEFINED);
    expect("ok", get(&ok, "ok").as_bool(), Some(true));
    expect("id", text(&ok, "id"), "portale-web");
    let list: Array = profiles(JsValue::UNDEFINED).dyn_into().unwrap();
    let mine = list
        .iter()
        .find(|p| text(p, "id") == "portale-web")
        .unwrap();
    expect("builtIn", get(&mine, "builtIn").as_bool(), Some(false));
    // An object is accepted too.
    let as_object = load_profile(
        obj(&json.replace("portale-web", "portale-web-2")),
        JsValue::UNDEFINED,
    );
    expect("ok", get(&as_object, "ok").as_bool(), Some(true));
    // Errors name the place and the reason.
    let bad = load_profile(
        JsValue::from_str("{\n  \"id\": \"x\",\n  \"colore\": 1\n}"),
        obj(r#"{"lang":"en"}"#),
    );
    expect("ok", get(&bad, "ok").as_bool(), Some(false));
    expect("code", text(&bad, "errors.0.code"), "profile.json");
    assert!(
        text(&bad, "errors.0.message").contains("line 3"),
        "{}",
        show(&bad)
    );
    let taken = load_profile(
        JsValue::from_str(&json.replace("portale-web", "milano")),
        JsValue::UNDEFINED,
    );
    expect("code", text(&taken, "errors.0.code"), "profile.id-taken");
    let missing = load_profile(JsValue::UNDEFINED, JsValue::UNDEFINED);
    expect(
        "code",
        text(&missing, "errors.0.code"),
        "profile.json-missing",
    );
    assert_eq!(Array::from(&get(&missing, "warnings")).length(), 0);
    // Options it cannot use are said, in `warnings`; the profile is loaded all the same,
    // and its errors are in Italian.
    for (i, (options, warning)) in [
        (obj(r#"{"lang":"de"}"#), "input.unknown-lang"),
        (obj(r#"{"lang":5}"#), "input.unknown-lang"),
        (JsValue::from_str("en"), "input.not-object"),
    ]
    .into_iter()
    .enumerate()
    {
        let id = format!("portale-opzioni-{i}");
        let r = load_profile(
            JsValue::from_str(&json.replace("portale-web", &id)),
            options,
        );
        expect("ok", get(&r, "ok").as_bool(), Some(true));
        expect("warning", text(&r, "warnings.0.code"), warning);
        assert_eq!(
            Array::from(&get(&r, "warnings")).length(),
            1,
            "{}",
            show(&r)
        );
    }
    let bad = load_profile(JsValue::from_str("{"), obj(r#"{"lang":"de"}"#));
    expect(
        "warning",
        text(&bad, "warnings.0.code"),
        "input.unknown-lang",
    );
    assert!(
        text(&bad, "errors.0.message").starts_with("Il profilo"),
        "{}",
        show(&bad)
    );
}

#[wasm_bindgen_test]
fn nothing_throws_whatever_comes_in() {
    for v in odd_values() {
        for out in [
            route(v.clone()),
            review(v.clone()),
            compose_subject(v.clone()),
            load_profile(v.clone(), v.clone()),
            catalog(v.clone(), v.clone()),
        ] {
            assert!(out.is_object(), "{}", show(&out));
            let list = ["findings", "errors"]
                .iter()
                .map(|k| get(&out, k))
                .find(Array::is_array)
                .expect("findings or errors");
            for f in Array::from(&list).iter() {
                assert!(text(&f, "code").contains('.'));
                assert!(!text(&f, "message").is_empty());
            }
        }
        assert!(Array::is_array(&profiles(v.clone())));
    }
    // Every field of a draft may be odd at once.
    let long = "😀".repeat(300_000);
    let d = Object::new();
    for k in [
        "profile",
        "sede",
        "gestione",
        "cassetto",
        "kind",
        "date",
        "channel",
        "object",
        "description",
        "subject",
        "recipient",
        "sender",
        "codiceFiscale",
        "matricola",
        "reference",
        "previous",
        "level",
    ] {
        Reflect::set(&d, &JsValue::from_str(k), &JsValue::from_str(&long)).unwrap();
    }
    let r = review(d.into());
    expect("ok", get(&r, "ok").as_bool(), Some(false));
}

/// Torino 003 §2.5 through the bindings: `accentramento` as a JS boolean, the period as
/// `period` or `periodo`.
#[wasm_bindgen_test]
fn route_takes_accentramento_and_the_period() {
    let r = route(obj(
        r#"{"profile":"torino","sede":"torino","gestione":"aziende-dm","kind":"comunicazione","date":"2024-05-06","accentramento":true}"#,
    ));
    expect(
        "003 §2.5 accentramento",
        text(&r, "addresses.0.address"),
        "Direzione.torino@inps.it",
    );
    let r = route(obj(
        r#"{"profile":"torino","sede":"torino","gestione":"sport-spettacolo","kind":"comunicazione","date":"2024-05-06","periodo":"2019-03"}"#,
    ));
    expect("003 §2.5 after 12/2014", text(&r, "channel"), "nessuno");
    assert!(
        codes(&r, "findings").contains(&"route.sport-spettacolo-after-2014".to_string()),
        "{}",
        show(&r)
    );
    let r = route(obj(
        r#"{"profile":"torino","sede":"torino","gestione":"sport-spettacolo","kind":"comunicazione","date":"2024-05-06","period":"11/2014"}"#,
    ));
    expect(
        "003 §2.5 up to 12/2014",
        text(&r, "addresses.0.address"),
        "Direzione.torino@inps.it",
    );
}
