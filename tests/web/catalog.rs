#![cfg(feature = "catalog")]
//! Browser tests of the catalog bindings: any JavaScript value in, a plain object with
//! findings out, never a throw.

use instrada::bindings::catalog::{suggest_objects, suggest_objects_in, titolari_js, titolario_js};
use js_sys::Array;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

use crate::js;
use js::*;

fn array(value: &JsValue) -> Vec<JsValue> {
    Array::from(value).iter().collect()
}

fn codes(result: &JsValue) -> Vec<String> {
    array(&get(result, "findings"))
        .iter()
        .filter_map(|f| get(f, "code").as_string())
        .collect()
}

/// The object `id` of a titolario view, searched in every classe.
fn object_of(view: &JsValue, id: &str) -> JsValue {
    array(&get(view, "classes"))
        .iter()
        .flat_map(|c| array(&get(c, "objects")))
        .find(|o| get(o, "id").as_string().as_deref() == Some(id))
        .unwrap_or(JsValue::UNDEFINED)
}

#[wasm_bindgen_test]
fn titolari_lists_every_titolario_whatever_the_options() {
    for (options, lang_name) in [
        (
            JsValue::UNDEFINED,
            "Cassetto previdenziale aziende con dipendenti (DM) — Emilia Romagna 2019",
        ),
        (
            JsValue::NULL,
            "Cassetto previdenziale aziende con dipendenti (DM) — Emilia Romagna 2019",
        ),
        (
            obj(&[("lang", s("en"))]),
            "Employers' contribution drawer (DM) — Emilia Romagna 2019",
        ),
        (
            obj(&[("lang", s("klingon"))]),
            "Cassetto previdenziale aziende con dipendenti (DM) — Emilia Romagna 2019",
        ),
    ] {
        let r = titolari_js(options.clone());
        let list = array(&get(&r, "titolari"));
        assert_eq!(list.len(), 9);
        assert_eq!(
            get(&list[0], "name").as_string().as_deref(),
            Some(lang_name)
        );
        // A language that is neither Italian nor English is said (and Italian is used).
        let klingon = get(&options, "lang").as_string().as_deref() == Some("klingon");
        let expected: &[&str] = if klingon {
            &["input.unknown-lang"]
        } else {
            &[]
        };
        assert_eq!(codes(&r), expected);
    }
    let r = titolari_js(JsValue::from_f64(42.0));
    assert_eq!(array(&get(&r, "titolari")).len(), 9);
    assert_eq!(codes(&r), ["input.not-object"]);
    let gs = array(&get(&titolari_js(JsValue::UNDEFINED), "titolari"))
        .into_iter()
        .find(|t| get(t, "id").as_string().as_deref() == Some("committenti-gs"))
        .expect("committenti-gs");
    assert!(get(&gs, "listMissing").as_string().is_some());
    assert_eq!(get(&gs, "generic").as_string().as_deref(), Some("altro"));
}

#[wasm_bindgen_test]
fn titolario_is_a_tree_with_thresholds_statuses_and_availability() {
    let r = titolario_js(s("aziende-dm-er-2019"), obj(&[("date", s("2019-07-04"))]));
    assert!(codes(&r).is_empty(), "{:?}", codes(&r));
    let view = get(&r, "titolario");
    assert_eq!(array(&get(&view, "classes")).len(), 18);
    let durc = object_of(&view, "durc");
    assert_eq!(get(&get(&durc, "tempoSoglia"), "days").as_f64(), Some(5.0));
    assert_eq!(
        get(&get(&durc, "tempoSoglia"), "unit")
            .as_string()
            .as_deref(),
        Some("working-days")
    );
    assert_eq!(get(&durc, "available").as_bool(), Some(true));
    let ns = object_of(&view, "non-specificato");
    assert_eq!(
        get(&ns, "status").as_string().as_deref(),
        Some("eliminated")
    );
    assert_eq!(get(&ns, "available").as_bool(), Some(false));
    // The note is instrada's reading of the table's "ELIMINATO" (issue 5), with why.
    let note = get(&ns, "note");
    assert!(get(&note, "text")
        .as_string()
        .is_some_and(|n| n.contains("ELIMINATO")));
    assert_eq!(get(&note, "kind").as_string().as_deref(), Some("reading"));
    assert!(get(&note, "why").as_string().is_some_and(|w| !w.is_empty()));
    // 003 §2.1: "Gestione separata" inibito dal 06/10/2015; dates as Italians write them too.
    for (date, available) in [("05/10/2015", true), ("2015-10-06", false)] {
        let r = titolario_js(s("aziende-dm-torino-2017"), obj(&[("date", s(date))]));
        let gs = object_of(&get(&r, "titolario"), "gestione-separata");
        assert_eq!(get(&gs, "available").as_bool(), Some(available), "{date}");
        assert_eq!(
            get(&gs, "removed").as_string().as_deref(),
            Some("2015-10-06")
        );
    }
}

#[wasm_bindgen_test]
fn titolario_answers_bad_input_with_findings() {
    for (id, options, code, has_view) in [
        (
            JsValue::UNDEFINED,
            JsValue::UNDEFINED,
            "catalog.titolario-missing",
            false,
        ),
        (
            s("   "),
            JsValue::UNDEFINED,
            "catalog.titolario-missing",
            false,
        ),
        (
            s("aziende-dm-napoli"),
            JsValue::UNDEFINED,
            "catalog.unknown-titolario",
            false,
        ),
        (
            JsValue::from_f64(12345.0),
            JsValue::UNDEFINED,
            "catalog.unknown-titolario",
            false,
        ),
        (obj(&[]), JsValue::UNDEFINED, "input.not-text", false),
        (
            s("😀\u{202E}\0"),
            JsValue::UNDEFINED,
            "catalog.unknown-titolario",
            false,
        ),
        (
            s("aziende-dm-er-2019"),
            obj(&[("date", s("31/02/2020"))]),
            "date.invalid",
            true,
        ),
        (
            s("aziende-dm-er-2019"),
            obj(&[("date", JsValue::from_f64(7.0))]),
            "input.bad-field",
            true,
        ),
        (s("aziende-dm-er-2019"), s("oggi"), "input.not-object", true),
    ] {
        let r = titolario_js(id, options);
        assert!(
            codes(&r).contains(&code.to_string()),
            "{code}: {:?}",
            codes(&r)
        );
        assert_eq!(get(&r, "titolario").is_object(), has_view, "{code}");
    }
}

#[wasm_bindgen_test]
fn suggestions_come_ranked_and_explained() {
    let r = suggest_objects_in(
        s("aziende-dm-er-2019"),
        s("Sollecito rimborso F24 a credito mese di marzo"),
        JsValue::UNDEFINED,
    );
    assert!(codes(&r).is_empty(), "{:?}", codes(&r));
    let list = array(&get(&r, "suggestions"));
    assert!(!list.is_empty() && list.len() <= 5);
    assert_eq!(
        get(&list[0], "object").as_string().as_deref(),
        Some("rimborsi-compensazioni-dmp-rtp-dmv")
    );
    assert!(array(&get(&list[0], "matched"))
        .iter()
        .any(|m| m.as_string().is_some_and(|m| m.contains("rimborso"))));
    assert_eq!(
        get(&get(&list[0], "tempoSoglia"), "days").as_f64(),
        Some(15.0)
    );
    let two = suggest_objects_in(
        s("aziende-dm-er-2019"),
        s("rimborso F24 compensazione pagamento"),
        obj(&[("limit", JsValue::from_f64(2.0))]),
    );
    assert!(array(&get(&two, "suggestions")).len() <= 2);
}

#[wasm_bindgen_test]
fn suggestions_answer_bad_input_with_findings() {
    let long = "a".repeat((1 << 20) + 1);
    let medium = format!("DURC irregolare {}", "parola ".repeat(4000));
    for (id, text, options, code) in [
        (
            s("aziende-dm-er-2019"),
            JsValue::UNDEFINED,
            JsValue::UNDEFINED,
            "suggest.empty-text",
        ),
        (
            s("aziende-dm-er-2019"),
            JsValue::NULL,
            JsValue::UNDEFINED,
            "suggest.empty-text",
        ),
        (
            s("aziende-dm-er-2019"),
            s("😀😀 \0 שלום"),
            JsValue::UNDEFINED,
            "suggest.no-match",
        ),
        (
            s("aziende-dm-er-2019"),
            obj(&[]),
            JsValue::UNDEFINED,
            "input.not-text",
        ),
        (
            s("aziende-dm-er-2019"),
            s(&long),
            JsValue::UNDEFINED,
            "input.too-long",
        ),
        (
            s("aziende-dm-er-2019"),
            s(&medium),
            JsValue::UNDEFINED,
            "suggest.text-truncated",
        ),
        (
            s("aziende-dm-er-2019"),
            s("DURC"),
            obj(&[("limit", JsValue::from_f64(-3.0))]),
            "suggest.bad-limit",
        ),
        (
            s("aziende-dm-er-2019"),
            s("DURC"),
            obj(&[("limit", JsValue::from_f64(f64::NAN))]),
            "suggest.bad-limit",
        ),
        (
            s("aziende-dm-er-2019"),
            s("DURC"),
            obj(&[("limit", s("tre"))]),
            "input.bad-field",
        ),
        (
            s("aziende-dm-er-2019"),
            s("DURC"),
            obj(&[("date", s("ieri"))]),
            "date.invalid",
        ),
        (
            s("nessuno"),
            s("DURC"),
            JsValue::UNDEFINED,
            "catalog.unknown-titolario",
        ),
        (
            JsValue::NULL,
            s("DURC"),
            JsValue::UNDEFINED,
            "catalog.titolario-missing",
        ),
        (
            s("committenti-gs"),
            s("rimborso"),
            JsValue::UNDEFINED,
            "suggest.list-missing",
        ),
        (
            s("aziende-dm-milano-2018"),
            s("DURC irregolare"),
            JsValue::UNDEFINED,
            "suggest.list-from-see-also",
        ),
    ] {
        let r = suggest_objects_in(id, text, options);
        assert!(
            codes(&r).contains(&code.to_string()),
            "{code}: {:?}",
            codes(&r)
        );
        assert!(Array::is_array(&get(&r, "suggestions")), "{code}");
    }
    // Milano's aziende list is missing: the Torino list of the same cassetto answers.
    let r = suggest_objects_in(
        s("aziende-dm-milano-2018"),
        s("DURC irregolare"),
        obj(&[("lang", s("en"))]),
    );
    assert_eq!(
        get(&r, "titolario").as_string().as_deref(),
        Some("aziende-dm-torino-2017")
    );
    assert_eq!(
        get(&array(&get(&r, "suggestions"))[0], "object")
            .as_string()
            .as_deref(),
        Some("durc")
    );
    // A date before the GDP cassetto existed (004: 31/03/2023) gives nothing to propose.
    let r = suggest_objects_in(
        s("dipendenti-pubblici-2023"),
        s("DURC irregolare"),
        obj(&[("date", s("2023-01-10"))]),
    );
    assert!(array(&get(&r, "suggestions")).is_empty());
}

#[wasm_bindgen_test]
fn suggestions_by_profile_and_cassetto() {
    let durc = "Il DURC risulta irregolare per un versamento già effettuato";
    let u = JsValue::UNDEFINED;
    // (profile, cassetto, text, options, titolario answering, first object, code expected)
    #[rustfmt::skip]
    let cases: Vec<(JsValue, JsValue, &str, JsValue, &str, &str, &str)> = vec![
        // 001 table: the Emilia Romagna list, with its thresholds.
        (s("emilia-romagna"), s("aziende-dm"), "Sollecito rimborso F24 a credito", u.clone(), "aziende-dm-er-2019", "rimborsi-compensazioni-dmp-rtp-dmv", ""),
        // 003 §2.1: the Torino titolario; the profile id is read loosely.
        (s(" Torino "), s("aziende-dm"), durc, obj(&[("date", s("2024-03-04"))]), "aziende-dm-torino-2017", "durc", ""),
        // 004 §3.1: dipendenti pubblici come from nazionale-gdp, which Torino inherits.
        (s("torino"), s("dipendenti-pubblici"), durc, obj(&[("date", s("2024-03-04"))]), "dipendenti-pubblici-2023", "durc", ""),
        // 002 Addendum: Milano's aziende list is blank; the Torino list of the same cassetto.
        (s("milano"), s("aziende-dm"), durc, u.clone(), "aziende-dm-torino-2017", "durc", "suggest.list-from-see-also"),
        // 002 §2: the committenti GS list was an image.
        (s("milano"), s("committenti-gs"), "rimborso", u.clone(), "committenti-gs", "", "suggest.list-missing"),
        // 000: Siena 2012 lists no objects.
        (s("siena"), s("aziende-dm"), durc, u.clone(), "", "", "suggest.no-titolario"),
        // 004 §2.1: no GDP cassetto before 31/03/2023.
        (s("torino"), s("dipendenti-pubblici"), durc, obj(&[("date", s("2022-01-10"))]), "", "", "catalog.cassetto-not-in-force"),
        // 003: Torino's protocol starts on 13/07/2017.
        (s("torino"), s("aziende-dm"), durc, obj(&[("date", s("2016-01-10"))]), "", "", "catalog.profile-not-in-force"),
        // What a form may pass by mistake.
        (u.clone(), s("aziende-dm"), durc, u.clone(), "", "", "catalog.profile-missing"),
        (JsValue::NULL, s("aziende-dm"), durc, u.clone(), "", "", "catalog.profile-missing"),
        (s("napoli"), s("aziende-dm"), durc, u.clone(), "", "", "catalog.unknown-profile"),
        (JsValue::from_f64(42.0), s("aziende-dm"), durc, u.clone(), "", "", "catalog.unknown-profile"),
        (obj(&[]), s("aziende-dm"), durc, u.clone(), "", "", "input.not-text"),
        (s("torino"), u.clone(), durc, u.clone(), "", "", "catalog.cassetto-missing"),
        (s("torino"), s("marittimi"), durc, u.clone(), "", "", "catalog.unknown-cassetto"),
        (s("torino"), JsValue::from_f64(7.0), durc, u.clone(), "", "", "catalog.unknown-cassetto"),
        (s("torino"), JsValue::TRUE, durc, u.clone(), "", "", "input.not-text"),
        (s(&"x".repeat(5000)), s("aziende-dm"), durc, u.clone(), "", "", "catalog.unknown-profile"),
        (s("torino"), s("aziende-dm"), "", u.clone(), "aziende-dm-torino-2017", "", "suggest.empty-text"),
        (s("torino"), s("aziende-dm"), "😀 \0 \u{202E}שלום", u.clone(), "aziende-dm-torino-2017", "", "suggest.no-match"),
        (s("torino"), s("aziende-dm"), durc, JsValue::from_f64(3.0), "aziende-dm-torino-2017", "durc", "input.not-object"),
        (s("torino"), s("aziende-dm"), durc, obj(&[("date", s("31/02/2024"))]), "aziende-dm-torino-2017", "durc", "date.invalid"),
    ];
    for (profile, cassetto, text, options, titolario, first, code) in cases {
        let r = suggest_objects(profile, cassetto, s(text), options);
        let got = codes(&r);
        if code.is_empty() {
            assert!(got.is_empty(), "{text}: {got:?}");
        } else {
            assert!(got.contains(&code.to_string()), "{code}: {got:?}");
        }
        assert_eq!(
            get(&r, "titolario").as_string().unwrap_or_default(),
            titolario,
            "{code}"
        );
        let list = array(&get(&r, "suggestions"));
        assert_eq!(
            list.first()
                .and_then(|o| get(o, "object").as_string())
                .unwrap_or_default(),
            first,
            "{code}"
        );
        for f in array(&get(&r, "findings")) {
            assert!(get(&f, "message")
                .as_string()
                .is_some_and(|m| !m.is_empty()));
        }
    }
    // The words that matched explain the proposal; English on request.
    let r = suggest_objects(
        s("emilia-romagna"),
        s("aziende-dm"),
        s(durc),
        obj(&[("lang", s("en")), ("limit", JsValue::from_f64(1.0))]),
    );
    let list = array(&get(&r, "suggestions"));
    assert_eq!(list.len(), 1);
    assert!(array(&get(&list[0], "matched"))
        .iter()
        .any(|m| m.as_string().is_some_and(|m| m.contains("durc"))));
    let bad = suggest_objects(
        s("torino"),
        s("marittimi"),
        s(durc),
        obj(&[("lang", s("en"))]),
    );
    assert!(array(&get(&bad, "findings"))
        .iter()
        .any(|f| get(f, "message")
            .as_string()
            .is_some_and(|m| m.contains("one of aziende-dm"))));
}

#[wasm_bindgen_test]
fn nothing_throws_whatever_comes_in() {
    let odd = || -> Vec<JsValue> {
        vec![
            JsValue::UNDEFINED,
            JsValue::NULL,
            JsValue::from_f64(-1.0),
            JsValue::from_f64(1e308),
            JsValue::from_f64(f64::NAN),
            JsValue::TRUE,
            s(""),
            s("😀\u{202E}\0"),
            s(&"x".repeat(2_000_000)),
            Array::of2(&JsValue::from_f64(1.0), &s("a")).into(),
            obj(&[
                ("date", JsValue::from_f64(3.0)),
                ("limit", s("x")),
                ("lang", JsValue::NULL),
            ]),
            js_sys::Function::new_no_args("return 1").into(),
        ]
    };
    for v in odd() {
        for out in [
            suggest_objects(v.clone(), v.clone(), v.clone(), v.clone()),
            suggest_objects(s("torino"), s("aziende-dm"), v.clone(), v.clone()),
            suggest_objects_in(v.clone(), v.clone(), v.clone()),
            titolario_js(v.clone(), v.clone()),
            titolari_js(v.clone()),
        ] {
            assert!(out.is_object());
            assert!(Array::is_array(&get(&out, "findings")));
            for f in array(&get(&out, "findings")) {
                assert!(get(&f, "code").as_string().is_some_and(|c| c.contains('.')));
                assert!(get(&f, "message")
                    .as_string()
                    .is_some_and(|m| !m.is_empty()));
            }
        }
    }
}
