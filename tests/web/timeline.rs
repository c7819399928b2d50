#![cfg(feature = "catalog")]
//! The timeline's JavaScript API in a real browser: any JavaScript value in, a plain object
//! with findings out, never a throw; the dates of each profile with their sources; and an
//! .ics built through `timelineIcs`, turned into a download Blob, and read back.

use crate::ics;
use instrada::bindings::timeline::{timeline, timeline_ics};
use js_sys::{Array, Date, Object};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

use crate::js;
use js::*;

/// `(id, date or "-")` of each entry.
fn entries(result: &JsValue) -> Vec<(String, String)> {
    Array::from(&get(result, "entries"))
        .iter()
        .map(|e| {
            (
                get(&e, "id").as_string().unwrap_or_default(),
                get(&e, "date").as_string().unwrap_or_else(|| "-".into()),
            )
        })
        .collect()
}

#[wasm_bindgen_test]
fn dates_of_each_profile() {
    // (request, entry, date, document, section)
    let table: Vec<(JsValue, &str, &str, &str, &str)> = vec![
        (
            obj(&[
                ("profile", s("milano")),
                ("sede", s("milano")),
                ("sent", s("2025-12-24")),
            ]),
            "risposta",
            "2026-01-08",
            "002_16d6e432ed698fc3.txt",
            "2 A",
        ),
        (
            obj(&[
                ("profile", s("milano")),
                ("sede", s("milano")),
                ("sent", s("24/12/2025")),
            ]),
            "processo",
            "2026-01-27",
            "002_16d6e432ed698fc3.txt",
            "2 E",
        ),
        (
            obj(&[
                ("profile", s("milano")),
                ("sede", s("milano-nord")),
                ("cassetto", s("aziende-dm")),
                ("object", s("Durc")),
                ("sent", s("2026-01-03")),
            ]),
            "risposta",
            "2026-01-12",
            "002_16d6e432ed698fc3.txt",
            "2 A",
        ),
        (
            obj(&[
                ("profile", s("torino")),
                ("sede", s("torino")),
                ("sent", s("2021-07-12")),
            ]),
            "livello-b",
            "2021-07-22",
            "003_78822a7178531fb3.txt",
            "2.6 B",
        ),
        (
            obj(&[
                ("profile", s("emilia-romagna")),
                ("sede", s("bologna")),
                ("object", s("Note rettifica")),
                ("sent", s("2027-10-01")),
            ]),
            "risposta",
            "2027-11-09",
            "001_d4b51664bcfb40f6.txt",
            "Tabella tempi soglia, classe UNIEMENS",
        ),
        (
            obj(&[
                ("profile", s("emilia-romagna")),
                ("kind", s("urgente")),
                ("sent", s("2027-10-01")),
            ]),
            "richiamata",
            "2027-10-05",
            "001_d4b51664bcfb40f6.txt",
            "CONTATTI TELEFONICI E PROBLEMATICHE URGENTI",
        ),
        (
            obj(&[
                ("profile", s("siena")),
                ("kind", s("durc")),
                ("sent", s("2026-01-07")),
                ("notice", s("2026-01-08")),
            ]),
            "intermediario-durc",
            "2026-01-12",
            "000_30f97537163db067.txt",
            "DURC",
        ),
        (
            obj(&[
                ("profile", s("siena")),
                ("kind", s("URGENTE")),
                ("sent", s("2026-01-05")),
                ("time", s("12:30")),
            ]),
            "telefono",
            "2026-01-07",
            "000_30f97537163db067.txt",
            "NUMERO DEDICATI ALLE RISPOSTE TELEFONICHE",
        ),
        (
            obj(&[
                ("profile", s("milano")),
                ("cassetto", s("dipendenti-pubblici")),
                ("object", s("Durc")),
                ("sent", s("2024-03-01")),
            ]),
            "appuntamento-possibile",
            "2024-03-11",
            "004_42f457ca74ab71b1.txt",
            "3.1",
        ),
    ];
    for (request, id, date, document, section) in table {
        let result = timeline(request);
        check(id, Vec::<String>::new(), errors(&result));
        let entry = Array::from(&get(&result, "entries"))
            .iter()
            .find(|e| get(e, "id").as_string().as_deref() == Some(id))
            .unwrap_or_else(|| panic!("{id} missing in {:?}", entries(&result)));
        check(id, Some(date.to_string()), get(&entry, "date").as_string());
        let rule = get(&entry, "rule");
        check(
            id,
            Some(document.to_string()),
            get(&rule, "document").as_string(),
        );
        check(
            id,
            Some(section.to_string()),
            get(&rule, "section").as_string(),
        );
        // Optional fields are null, never undefined.
        assert!(get(&entry, "reading").is_null() || get(&entry, "reading").is_string());
        assert!(get(&entry, "status").is_null());
    }
}

#[wasm_bindgen_test]
fn dates_as_javascript_dates_and_flags() {
    // new Date(2025, 11, 24): its local calendar day.
    let sent = Date::new_with_year_month_day(2025, 11, 24);
    let today = Date::new_with_year_month_day(2026, 0, 9);
    let result = timeline(obj(&[
        ("profile", s("milano")),
        ("sede", s("Milano")),
        ("sent", sent.into()),
        ("today", today.into()),
        ("lang", s("en")),
    ]));
    check(
        "sent",
        Some("2025-12-24".to_string()),
        get(&result, "sent").as_string(),
    );
    check(
        "lang",
        Some("en".to_string()),
        get(&result, "lang").as_string(),
    );
    let first = Array::from(&get(&result, "entries")).get(0);
    check(
        "status",
        Some("passed".to_string()),
        get(&first, "status").as_string(),
    );
    check(
        "kind",
        Some("inps-deadline".to_string()),
        get(&first, "kind").as_string(),
    );
    check(
        "title",
        Some("INPS's answer".to_string()),
        get(&first, "title").as_string(),
    );
    check(
        "guaranteed",
        Some(true),
        get(&result, "guaranteed").as_bool(),
    );
    let regional = timeline(obj(&[
        ("profile", s("emilia-romagna")),
        ("kind", s("quesito-normativo")),
        ("regional", JsValue::TRUE),
        ("sent", s("2025-12-24")),
    ]));
    check(
        "regional",
        vec![("quesito-regionale".to_string(), "2026-01-05".to_string())],
        entries(&regional),
    );
    // A number where a date is expected, an invalid Date.
    let bad = timeline(obj(&[
        ("profile", s("milano")),
        ("sent", JsValue::from_f64(20251224.0)),
    ]));
    check(
        "number as date",
        vec!["date.invalid".to_string()],
        codes(&bad),
    );
    let bad = timeline(obj(&[
        ("profile", s("milano")),
        ("sent", Date::new(&JsValue::from_f64(f64::NAN)).into()),
    ]));
    check(
        "invalid Date",
        vec!["date.invalid".to_string()],
        codes(&bad),
    );
}

#[wasm_bindgen_test]
fn a_sollecito_counts_from_the_first_request() {
    // Torino 003 §2.6 B and E: `firstRequest` (text or a Date) and `previous`.
    for first in [
        s("07/01/2026"),
        Date::new_with_year_month_day(2026, 0, 7).into(),
    ] {
        let result = timeline(obj(&[
            ("profile", s("torino")),
            ("sede", s("torino")),
            ("kind", s("sollecito")),
            ("sent", s("2026-01-20")),
            ("firstRequest", first),
            ("previous", s("non-esaustiva")),
        ]));
        check(
            "003 §2.6 A, B, C, E",
            vec![
                ("risposta".to_string(), "2026-01-16".to_string()),
                ("livello-b".to_string(), "2026-01-20".to_string()),
                ("livello-c".to_string(), "2026-01-30".to_string()),
                ("processo".to_string(), "2026-02-04".to_string()),
            ],
            entries(&result),
        );
    }
    let bad = timeline(obj(&[
        ("profile", s("torino")),
        ("kind", s("sollecito")),
        ("sent", s("2026-01-20")),
        ("previous", s("forse")),
        ("firstRequest", s("ieri")),
    ]));
    let mut got = codes(&bad);
    got.sort();
    check(
        "unknown outcome, bad date",
        vec![
            "date.invalid".to_string(),
            "timeline.unknown-previous".to_string(),
        ],
        got,
    );
}

#[wasm_bindgen_test]
fn any_value_gives_findings_never_a_throw() {
    let long = "x".repeat(2_000_000);
    // (request, finding codes)
    let table: Vec<(JsValue, Vec<&str>)> = vec![
        (JsValue::UNDEFINED, vec!["input.not-object"]),
        (JsValue::NULL, vec!["input.not-object"]),
        (JsValue::from_f64(42.0), vec!["input.not-object"]),
        (s("milano"), vec!["input.not-object"]),
        // Issue 13: without a profile the national baseline answers; only `sent` is needed.
        (Array::new().into(), vec!["timeline.no-sent"]),
        (obj(&[]), vec!["timeline.no-sent"]),
        (obj(&[("profile", s("milano"))]), vec!["timeline.no-sent"]),
        (
            obj(&[("profile", s("roma")), ("sent", s("2026-01-07"))]),
            vec!["timeline.unknown-profile"],
        ),
        (
            obj(&[("profile", s("😀")), ("sent", s("2026-01-07"))]),
            vec!["timeline.unknown-profile"],
        ),
        (
            obj(&[("profile", s(&long)), ("sent", s("2026-01-07"))]),
            vec!["input.too-long"],
        ),
        (
            obj(&[("profile", JsValue::TRUE), ("sent", s("2026-01-07"))]),
            vec!["input.not-text"],
        ),
        (
            obj(&[("profile", s("milano")), ("sent", s("2026-02-30"))]),
            vec!["date.invalid"],
        ),
        (
            obj(&[("profile", s("milano")), ("sent", s("1900-01-01"))]),
            vec!["calendar.out-of-range"],
        ),
        (
            obj(&[
                ("profile", s("milano")),
                ("sent", s("2026-01-07")),
                ("kind", s("telegramma")),
            ]),
            vec!["timeline.unknown-kind"],
        ),
        (
            obj(&[
                ("profile", s("milano")),
                ("sent", s("2026-01-07")),
                ("time", s("25:99")),
            ]),
            vec!["timeline.bad-time"],
        ),
        (
            obj(&[
                ("profile", s("milano")),
                ("sent", s("2026-01-07")),
                ("sede", s("\u{202E}milano\0")),
            ]),
            vec!["timeline.unknown-sede"],
        ),
        (
            obj(&[
                ("profile", s("milano")),
                ("sent", s("2026-01-07")),
                ("object", s(&"durc ".repeat(10_000))),
            ]),
            vec!["timeline.national-calendar", "timeline.unknown-object"],
        ),
        (
            obj(&[
                ("profile", s("emilia-romagna")),
                ("sent", s("2026-01-07")),
                ("object", s("Non specificato")),
            ]),
            vec![
                "timeline.trial-ended",
                "timeline.national-calendar",
                "timeline.object-not-offered",
            ],
        ),
    ];
    for (i, (request, want)) in table.into_iter().enumerate() {
        let result = timeline(request.clone());
        check(
            &format!("case {i}"),
            want.iter().map(|c| c.to_string()).collect::<Vec<_>>(),
            codes(&result),
        );
        check(
            &format!("case {i}: no entries"),
            0,
            Array::from(&get(&result, "entries")).length(),
        );
        let ics = timeline_ics(request);
        assert!(get(&ics, "ics").is_null(), "case {i}: no file");
        assert!(!codes(&ics).is_empty(), "case {i}: says why");
    }
    // Fields that cannot be read and fields the core refuses are reported together.
    let both = timeline(obj(&[
        ("profile", s("milano")),
        ("sent", s("2026-01-07")),
        ("kind", s("telegramma")),
        ("sede", s("atlantide")),
    ]));
    check(
        "every problem at once",
        vec![
            "timeline.unknown-kind".to_string(),
            "timeline.unknown-sede".to_string(),
        ],
        codes(&both),
    );
    // A getter that throws is read as a missing field.
    let tricky = obj(&[("sent", s("2026-01-07"))]);
    let getter = js_sys::Function::new_no_args("throw new Error('no')");
    let descriptor = obj(&[("get", getter.into())]);
    let target: &Object = tricky.unchecked_ref();
    Object::define_property(target, &s("profile"), descriptor.unchecked_ref::<Object>());
    let result = timeline(tricky);
    check(
        "throwing getter: the national baseline",
        Some("nazionale".to_string()),
        get(&result, "profile").as_string(),
    );
    assert!(codes(&result).contains(&"timeline.national-profile".to_string()));
}

#[wasm_bindgen_test]
fn the_generic_object_gets_no_date() {
    let result = timeline(obj(&[
        ("profile", s("torino")),
        ("cassetto", s("aziende-dm")),
        ("object", s("Non specificato")),
        ("sent", s("2026-01-07")),
    ]));
    check(
        "guaranteed",
        Some(false),
        get(&result, "guaranteed").as_bool(),
    );
    check(
        "entries",
        vec![("risposta".to_string(), "-".to_string())],
        entries(&result),
    );
    assert!(codes(&result).contains(&"timeline.not-guaranteed".to_string()));
    let ics = timeline_ics(obj(&[
        ("profile", s("torino")),
        ("cassetto", s("aziende-dm")),
        ("object", s("Non specificato")),
        ("sent", s("2026-01-07")),
    ]));
    assert!(get(&ics, "ics").is_null());
    assert!(codes(&ics).contains(&"timeline.nothing-to-export".to_string()));
}

#[wasm_bindgen_test]
fn timeline_ics_builds_a_calendar_that_reads_back() {
    let request = obj(&[
        ("profile", s("milano")),
        ("sede", s("milano")),
        ("sent", s("2025-12-24")),
        ("notice", s("2026-01-08")),
        ("reference", s("INPS.5100; «prot.» 12, ü 🙂")),
        ("today", s("2025-12-27")),
    ]);
    let result = timeline_ics(request.clone());
    check("findings", Vec::<String>::new(), codes(&result));
    check(
        "filename",
        Some("scadenze-inps-milano-2025-12-24.ics".to_string()),
        get(&result, "filename").as_string(),
    );
    let text = get(&result, "ics").as_string().unwrap();
    assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(
        text.contains("DTSTAMP:20251227T000000Z\r\n"),
        "the stamp is the request's today"
    );
    assert!(
        text.split("\r\n").all(|l| l.len() <= 75),
        "folded at 75 octets"
    );
    let events = ics::read_events(&text).unwrap();
    let dates: Vec<String> = events.iter().map(|e| e.date.to_string()).collect();
    check(
        "events",
        vec![
            "2026-01-08",
            "2026-01-09",
            "2026-01-19",
            "2026-01-21",
            "2026-01-27",
        ],
        dates.iter().map(String::as_str).collect(),
    );
    for e in &events {
        assert!(
            e.summary.ends_with("— INPS.5100; «prot.» 12, ü 🙂"),
            "escaped and read back: {}",
            e.summary
        );
        // The document by its title and section, not its file name (issue 14).
        assert!(
            e.description.contains("Fonte: «Allegato 1 al Protocollo"),
            "{}",
            e.description
        );
        assert!(!e.description.contains(".txt"), "{}", e.description);
        assert!(!e.triggers.is_empty());
    }
    // A label the portal passes titles the events (the reference still keys their UIDs);
    // one that is not text is said, and left out.
    let labelled = obj(&[
        ("profile", s("milano")),
        ("sede", s("milano")),
        ("sent", s("2025-12-24")),
        ("reference", s("INPS.5100; «prot.» 12, ü 🙂")),
        ("label", s("Pratica 2025/77")),
        ("today", s("2025-12-27")),
    ]);
    let result = timeline_ics(labelled);
    check("findings", Vec::<String>::new(), codes(&result));
    let events = ics::read_events(&get(&result, "ics").as_string().unwrap()).unwrap();
    assert!(!events.is_empty());
    for e in &events {
        assert!(e.summary.ends_with(" — Pratica 2025/77"), "{}", e.summary);
    }
    let bad = obj(&[
        ("profile", s("milano")),
        ("sent", s("2025-12-24")),
        ("label", Object::new().into()),
    ]);
    let result = timeline_ics(bad);
    assert!(
        codes(&result).iter().any(|c| c.starts_with("input.")),
        "{:?}",
        codes(&result)
    );
    // The same request gives the same file (stable UIDs, no clock).
    check(
        "deterministic",
        Some(text.clone()),
        get(&timeline_ics(request), "ics").as_string(),
    );
    // The page turns it into a download without any network request.
    let parts = Array::of1(&s(&text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/calendar;charset=utf-8");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).unwrap();
    check(
        "blob type",
        "text/calendar;charset=utf-8".to_string(),
        blob.type_(),
    );
    check("blob size: UTF-8 bytes", text.len() as f64, blob.size());
    let url = web_sys::Url::create_object_url_with_blob(&blob).unwrap();
    assert!(url.starts_with("blob:"));
    web_sys::Url::revoke_object_url(&url).unwrap();
}
