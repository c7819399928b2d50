//! The calendar's JavaScript API in a real browser: any JavaScript value in, a plain object
//! with findings out, never a throw; and an .ics built through `toIcs` and read back.

use crate::ics;
use instrada::bindings::calendar::{
    add_working_days, holidays, is_working_day, sedi, term_calendar_days, to_ics,
    working_days_between,
};
use js_sys::{Array, Object};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

use crate::js;
use js::*;

#[wasm_bindgen_test]
fn add_working_days_good_input() {
    let milano = obj(&[("sede", s("milano"))]);
    // (date, n, options, expected date)
    let table: Vec<(JsValue, JsValue, JsValue, &str)> = vec![
        (s("2026-12-24"), n(7.0), JsValue::UNDEFINED, "2027-01-07"),
        (s("03/01/2026"), n(7.0), JsValue::NULL, "2026-01-14"),
        (s("2027-10-01"), s("5"), JsValue::UNDEFINED, "2027-10-11"),
        (s("2026-12-04"), n(7.0), milano.clone(), "2026-12-17"),
        (
            s("2026-12-04"),
            n(7.0),
            obj(&[("sede", s("Milano Nord"))]),
            "2026-12-17",
        ),
        (
            s("2026-12-04"),
            n(7.0),
            obj(&[("sede", s(""))]),
            "2026-12-16",
        ),
        (s("2026-01-07"), n(-1.0), JsValue::UNDEFINED, "2026-01-05"),
        // A count typed in a form field arrives as text, in any way a number is written
        // (6 January is a holiday).
        (s("2026-01-07"), s(" -1 "), JsValue::UNDEFINED, "2026-01-05"),
        (s("2026-01-05"), s("7"), JsValue::UNDEFINED, "2026-01-15"),
        (s("2026-01-05"), s("+7.0"), JsValue::UNDEFINED, "2026-01-15"),
        (
            s("2026-01-05"),
            s("0.7e1"),
            JsValue::UNDEFINED,
            "2026-01-15",
        ),
        (
            js_sys::Date::new_with_year_month_day(2026, 0, 3).into(),
            n(7.0),
            JsValue::UNDEFINED,
            "2026-01-14",
        ),
    ];
    for (date, days, options, expected) in table {
        let r = add_working_days(date.clone(), days, Some(options));
        check(
            &format!("{date:?}"),
            Some(expected.to_string()),
            get(&r, "date").as_string(),
        );
        check("no findings", Vec::<String>::new(), codes(&r));
    }
    let r = add_working_days(s("2026-12-04"), n(7.0), Some(milano));
    let cal = get(&r, "calendar");
    check(
        "sede",
        Some("milano".to_string()),
        get(&cal, "sede").as_string(),
    );
    assert!(get(&cal, "label")
        .as_string()
        .unwrap()
        .contains("Sant'Ambrogio"));
    let r = add_working_days(s("2026-12-04"), n(7.0), None);
    check(
        "national",
        true,
        get(&get(&r, "calendar"), "sede").is_null(),
    );
}

#[wasm_bindgen_test]
fn results_are_independent_objects_with_a_shared_frozen_calendar() {
    let a = add_working_days(s("2026-01-05"), n(1.0), None);
    let b = add_working_days(s("2026-01-05"), n(1.0), None);
    Array::from(&get(&a, "findings")).push(&n(1.0));
    check(
        "findings are fresh arrays",
        0,
        Array::from(&get(&b, "findings")).length(),
    );
    check(
        "calendar is frozen",
        true,
        Object::is_frozen(get(&a, "calendar").unchecked_ref::<Object>()),
    );
    let json = js_sys::JSON::stringify(&b).unwrap().as_string().unwrap();
    check(
        "JSON shape",
        r#"{"date":"2026-01-07","calendar":{"sede":null,"label":"Calendario nazionale"},"findings":[]}"#,
        json.as_str(),
    );
}

#[wasm_bindgen_test]
fn add_working_days_bad_input_gives_findings_never_a_throw() {
    let long = "2".repeat(2_000_000);
    // (date, n, options, expected code)
    let table: Vec<(JsValue, JsValue, JsValue, &str)> = vec![
        (
            JsValue::UNDEFINED,
            n(7.0),
            JsValue::UNDEFINED,
            "date.invalid",
        ),
        (JsValue::NULL, n(7.0), JsValue::UNDEFINED, "date.invalid"),
        (s(""), n(7.0), JsValue::UNDEFINED, "date.invalid"),
        (s("2026-02-30"), n(7.0), JsValue::UNDEFINED, "date.invalid"),
        // The quick reading of YYYY-MM-DD (cal_pack) leaves these to the long way.
        (s("1799-12-31"), n(7.0), JsValue::UNDEFINED, "date.invalid"),
        (s("2201-01-01"), n(7.0), JsValue::UNDEFINED, "date.invalid"),
        (
            s("２０２６-01-05"),
            n(7.0),
            JsValue::UNDEFINED,
            "date.invalid",
        ),
        (s("domani 🙂"), n(7.0), JsValue::UNDEFINED, "date.invalid"),
        (
            s("\u{0}\u{202E}2026-01-05"),
            n(7.0),
            JsValue::UNDEFINED,
            "date.invalid",
        ),
        (s(&long), n(7.0), JsValue::UNDEFINED, "input.too-long"),
        (obj(&[]), n(7.0), JsValue::UNDEFINED, "input.not-text"),
        (
            js_sys::Date::new(&s("not a date")).into(),
            n(7.0),
            JsValue::UNDEFINED,
            "date.invalid",
        ),
        (
            s("1900-01-01"),
            n(7.0),
            JsValue::UNDEFINED,
            "calendar.out-of-range",
        ),
        (
            s("2200-12-30"),
            n(7.0),
            JsValue::UNDEFINED,
            "calendar.out-of-range",
        ),
        (
            s("2026-01-05"),
            n(10_001.0),
            JsValue::UNDEFINED,
            "calendar.too-many-days",
        ),
        (
            s("2026-01-05"),
            n(-1e300),
            JsValue::UNDEFINED,
            "calendar.not-a-whole-number",
        ),
        (
            s("2026-01-05"),
            n(f64::NAN),
            JsValue::UNDEFINED,
            "calendar.not-a-whole-number",
        ),
        (
            s("2026-01-05"),
            n(f64::INFINITY),
            JsValue::UNDEFINED,
            "calendar.not-a-whole-number",
        ),
        (
            s("2026-01-05"),
            n(2.5),
            JsValue::UNDEFINED,
            "calendar.not-a-whole-number",
        ),
        (
            s("2026-01-05"),
            s("sette"),
            JsValue::UNDEFINED,
            "calendar.not-a-whole-number",
        ),
        (
            s("2026-01-05"),
            s("2.5"),
            JsValue::UNDEFINED,
            "calendar.not-a-whole-number",
        ),
        (
            s("2026-01-05"),
            s("7.00000000000000001"),
            JsValue::UNDEFINED,
            "calendar.not-a-whole-number",
        ),
        (
            s("2026-01-05"),
            JsValue::UNDEFINED,
            JsValue::UNDEFINED,
            "calendar.not-a-whole-number",
        ),
        (
            s("2026-01-05"),
            n(7.0),
            obj(&[("sede", s("atlantide"))]),
            "calendar.unknown-sede",
        ),
        (
            s("2026-01-05"),
            n(7.0),
            obj(&[("sede", n(3.0))]),
            "input.bad-field",
        ),
        (s("2026-01-05"), n(7.0), s("milano"), "input.not-object"),
    ];
    for (date, days, options, code) in table {
        let r = add_working_days(date, days, Some(options));
        check(code, vec![code.to_string()], codes(&r));
        check("no date", true, get(&r, "date").is_null());
    }
}

#[wasm_bindgen_test]
fn messages_follow_the_language() {
    let it = add_working_days(
        s("2026-01-05"),
        n(7.0),
        Some(obj(&[("sede", s("atlantide"))])),
    );
    let en = add_working_days(
        s("2026-01-05"),
        n(7.0),
        Some(obj(&[("sede", s("atlantide")), ("lang", s("en"))])),
    );
    let msg = |r: &JsValue| {
        get(&Array::from(&get(r, "findings")).get(0), "message")
            .as_string()
            .unwrap()
    };
    assert!(
        msg(&it).contains("non è una sede conosciuta"),
        "{}",
        msg(&it)
    );
    assert!(msg(&en).contains("is not a known sede"), "{}", msg(&en));
}

#[wasm_bindgen_test]
fn is_working_day_results() {
    // (date, options, workingDay, day, holiday name)
    let table: Vec<(&str, JsValue, bool, &str, Option<&str>)> = vec![
        ("2026-01-05", JsValue::UNDEFINED, true, "working", None),
        ("2026-01-03", JsValue::UNDEFINED, false, "saturday", None),
        ("2026-01-04", JsValue::UNDEFINED, false, "sunday", None),
        (
            "2027-10-04",
            JsValue::UNDEFINED,
            false,
            "holiday",
            Some("San Francesco d'Assisi"),
        ),
        (
            "2027-10-04",
            obj(&[("lang", s("en"))]),
            false,
            "holiday",
            Some("Saint Francis of Assisi"),
        ),
        (
            "2026-12-07",
            obj(&[("sede", s("milano"))]),
            false,
            "holiday",
            Some("Sant'Ambrogio, patrono di Milano"),
        ),
        ("2026-12-07", JsValue::UNDEFINED, true, "working", None),
        ("2026-11-04", JsValue::UNDEFINED, true, "working", None),
    ];
    for (date, options, working, day, name) in table {
        let r = is_working_day(s(date), Some(options));
        check(date, Some(working), get(&r, "workingDay").as_bool());
        check(date, Some(day.to_string()), get(&r, "day").as_string());
        check(
            date,
            name.map(str::to_string),
            get(&get(&r, "holiday"), "name").as_string(),
        );
    }
    let bad = is_working_day(n(20260105.0), None);
    check(
        "a number is read as text",
        vec!["date.invalid".to_string()],
        codes(&bad),
    );
    check("no answer", true, get(&bad, "workingDay").is_null());
}

#[wasm_bindgen_test]
fn holidays_and_sedi() {
    let r = holidays(n(2026.0), Some(obj(&[("sede", s("bologna"))])));
    let list = Array::from(&get(&r, "holidays"));
    check(
        "2026 in Bologna: 12 national + San Petronio",
        13,
        list.length(),
    );
    let fourth: Vec<(String, String)> = list
        .iter()
        .filter(|h| get(h, "date").as_string().as_deref() == Some("2026-10-04"))
        .map(|h| {
            (
                get(&h, "scope").as_string().unwrap(),
                get(&h, "source").as_string().unwrap(),
            )
        })
        .collect();
    check(
        "4 October",
        vec![
            ("national".to_string(), "L. 151/2025".to_string()),
            (
                "local".to_string(),
                "Festa patronale del Comune di Bologna".to_string(),
            ),
        ],
        fourth,
    );
    for (year, code) in [
        (n(1977.0), "calendar.out-of-range"),
        (n(2201.0), "calendar.out-of-range"),
        (s("duemila"), "calendar.not-a-whole-number"),
        (JsValue::NULL, "calendar.not-a-whole-number"),
    ] {
        let r = holidays(year, None);
        check(code, vec![code.to_string()], codes(&r));
        check("empty list", 0, Array::from(&get(&r, "holidays")).length());
    }
    let all = Array::from(&sedi(None));
    assert!(all.length() >= 53, "{} sedi", all.length());
    let asti = all
        .iter()
        .find(|x| get(x, "id").as_string().as_deref() == Some("asti"))
        .unwrap();
    check(
        "asti",
        Some("primo martedì di maggio".to_string()),
        get(&asti, "patronDay").as_string(),
    );
    check("asti fixed", true, get(&asti, "fixedDay").is_null());
    let milano = all
        .iter()
        .find(|x| get(x, "id").as_string().as_deref() == Some("milano-nord"))
        .unwrap();
    check(
        "milano-nord",
        Some("12-07".to_string()),
        get(&milano, "fixedDay").as_string(),
    );
}

#[wasm_bindgen_test]
fn between_and_terms() {
    let r = working_days_between(s("2026-01-02"), s("2026-01-09"), None);
    check("between", Some(4.0), get(&r, "workingDays").as_f64());
    let r = working_days_between(s("2026-01-02"), s("1900-01-01"), None);
    check(
        "to out of range",
        vec!["calendar.out-of-range".to_string()],
        codes(&r),
    );
    check(
        "field",
        Some("to".to_string()),
        get(&Array::from(&get(&r, "findings")).get(0), "field").as_string(),
    );
    let t = term_calendar_days(s("2026-12-22"), n(4.0), None);
    check(
        "term",
        (
            Some("2026-12-28".to_string()),
            Some("2026-12-26".to_string()),
            Some(true),
        ),
        (
            get(&t, "date").as_string(),
            get(&t, "nominal").as_string(),
            get(&t, "moved").as_bool(),
        ),
    );
    let t = term_calendar_days(s("2026-12-22"), n(-4.0), None);
    check(
        "negative term",
        vec!["calendar.negative-term".to_string()],
        codes(&t),
    );
}

#[wasm_bindgen_test]
fn an_ics_built_in_the_browser_reads_back() {
    let reminders: JsValue = Array::of1(&obj(&[("daysBefore", n(1.0)), ("hour", n(9.0))])).into();
    let events = Array::of2(
        &obj(&[
            ("date", s("2026-12-17")),
            (
                "summary",
                s("Risposta INPS, entro 7 giorni lavorativi; Milano §2 A"),
            ),
            (
                "description",
                s("Calendario nazionale + Sant'Ambrogio\nriga 2 🙂"),
            ),
            ("key", s("risposta")),
            ("reminders", reminders),
        ]),
        &obj(&[("date", s("31/12/2026")), ("summary", s(&"è".repeat(120)))]),
    );
    let input = obj(&[
        ("name", s("Scadenze")),
        ("stamp", s("2026-12-04T09:30:00.000Z")),
        ("events", events.into()),
    ]);
    let r = to_ics(input, None);
    check("findings", Vec::<String>::new(), codes(&r));
    let text = get(&r, "ics").as_string().unwrap();
    assert!(text.contains("DTSTAMP:20261204T093000Z\r\n"));
    assert!(text.split("\r\n").all(|l| l.len() <= 75));
    let back = ics::read_events(&text).unwrap();
    check(
        "dates",
        vec!["2026-12-17".to_string(), "2026-12-31".to_string()],
        back.iter().map(|e| e.date.to_string()).collect(),
    );
    check(
        "summary",
        "Risposta INPS, entro 7 giorni lavorativi; Milano §2 A",
        back[0].summary.as_str(),
    );
    check(
        "description",
        "Calendario nazionale + Sant'Ambrogio\nriga 2 🙂",
        back[0].description.as_str(),
    );
    check("long summary", "è".repeat(120), back[1].summary.clone());
    check(
        "reminder",
        vec!["-PT15H".to_string()],
        back[0].triggers.clone(),
    );
}

#[wasm_bindgen_test]
fn to_ics_bad_input() {
    let one = |date: &str, summary: &str| -> JsValue {
        Array::of1(&obj(&[("date", s(date)), ("summary", s(summary))])).into()
    };
    let table: Vec<(JsValue, &str)> = vec![
        (JsValue::UNDEFINED, "ics.no-input"),
        (s("text"), "input.not-object"),
        (obj(&[("events", one("2026-01-05", "x"))]), "ics.stamp"),
        (
            obj(&[("stamp", s("ieri")), ("events", one("2026-01-05", "x"))]),
            "ics.stamp",
        ),
        // A year iCalendar cannot write (four digits), or before any file was made.
        (
            obj(&[
                ("stamp", s("-0001-01-05T00:00:00Z")),
                ("events", one("2026-01-05", "x")),
            ]),
            "ics.stamp",
        ),
        (
            obj(&[
                ("stamp", s("0000-01-05T00:00:00Z")),
                ("events", one("2026-01-05", "x")),
            ]),
            "ics.stamp",
        ),
        (
            obj(&[
                ("stamp", s("2026-01-05T00:00:00Z")),
                ("events", one("2026-13-05", "x")),
            ]),
            "date.invalid",
        ),
        (
            obj(&[
                ("stamp", s("2026-01-05T00:00:00Z")),
                ("events", one("2026-01-05", "  ")),
            ]),
            "ics.no-summary",
        ),
        (
            obj(&[
                ("stamp", s("2026-01-05T00:00:00Z")),
                ("events", one("2026-01-05", &"x".repeat(5000))),
            ]),
            "ics.text-too-long",
        ),
        (
            obj(&[("stamp", s("2026-01-05T00:00:00Z")), ("events", s("nope"))]),
            "input.bad-field",
        ),
    ];
    for (input, code) in table {
        let r = to_ics(input, None);
        check(code, vec![code.to_string()], codes(&r));
        check("no file", true, get(&r, "ics").is_null());
    }
    // A field of the wrong type: the message names its path and the kind it needs.
    let reminder = obj(&[("daysBefore", s("due"))]);
    let event = obj(&[
        ("date", s("2026-01-05")),
        ("summary", s("x")),
        ("reminders", Array::of1(&reminder).into()),
    ]);
    for (events, path, kind) in [
        (
            Array::of2(
                &obj(&[("date", s("2026-01-05")), ("summary", s("x"))]),
                &event,
            )
            .into(),
            "«events[1].reminders[0].daysBefore»",
            "serve un numero",
        ),
        (
            Array::of1(&obj(&[("date", n(5.0)), ("summary", s("x"))])).into(),
            "«events[0].date»",
            "serve un testo",
        ),
        (obj(&[("a", n(1.0))]), "«events»", "serve una lista"),
    ] {
        let r = to_ics(
            obj(&[("stamp", s("2026-01-05T00:00:00Z")), ("events", events)]),
            None,
        );
        let message = get(&Array::from(&get(&r, "findings")).get(0), "message")
            .as_string()
            .unwrap_or_default();
        check(path, true, message.contains(path) && message.contains(kind));
    }
    let many = Array::new();
    for _ in 0..501 {
        many.push(&obj(&[("date", s("2026-01-05")), ("summary", s("x"))]));
    }
    let r = to_ics(
        obj(&[
            ("stamp", s("2026-01-05T00:00:00Z")),
            ("events", many.into()),
        ]),
        None,
    );
    check(
        "too many",
        vec!["ics.too-many-events".to_string()],
        codes(&r),
    );
}

/// A `lang` that is neither Italian nor English gives Italian messages and says so
/// (`input.unknown-lang`), whatever the function; a known one, in any case, says nothing.
#[wasm_bindgen_test]
fn an_unknown_language_is_said() {
    for (lang, said) in [
        (s("de"), true),
        (n(5.0), true),
        (s("EN"), false),
        (s("it"), false),
        (JsValue::NULL, false),
    ] {
        let options = || obj(&[("lang", lang.clone())]);
        let results = [
            holidays(n(2026.0), Some(options())),
            is_working_day(s("2026-10-04"), Some(options())),
            add_working_days(s("2026-10-01"), n(7.0), Some(options())),
            working_days_between(s("2026-10-01"), s("2026-10-12"), Some(options())),
            term_calendar_days(s("2026-10-01"), n(30.0), Some(options())),
        ];
        for r in results {
            let has = codes(&r).contains(&"input.unknown-lang".to_string());
            check(&format!("{lang:?}: {:?}", codes(&r)), said, has);
        }
    }
}
