//! The response timeline, profile by profile, against the documents: one line per case
//! (profile, request, sending date → every entry with its date and the section of the
//! document that produced it), the edge days of the calendar (Christmas Eve, Saturday
//! 3 January 2026, Friday 1 October 2027 before the new San Francesco holiday), the
//! requests that get no guaranteed date, bad input, and the iCalendar export read back.
//!
//! The expected dates were counted by hand and checked with an independent script (Python's
//! `datetime`, the same holidays), not with the crate's calendar.

use crate::ics;
use chrono::{NaiveDate, NaiveTime};
use instrada::catalog::profile::{load_profile, Kind, Previous};
use instrada::finding::{Lang, Severity};
use instrada::timeline::{
    filename, timeline, to_ics, to_ics_with, EntryKind, IcsOptions, Status, Timeline,
    TimelineRequest,
};

fn d(s: &str) -> NaiveDate {
    NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
}

#[track_caller]
fn check<T: PartialEq + std::fmt::Debug>(what: &str, expected: T, actual: T) {
    assert!(
        expected == actual,
        "{what}\n  expected: {expected:?}\n  actual:   {actual:?}"
    );
}

/// A request from `profile`, `sent` and `"key=value; …"` (sede, cassetto, object, kind,
/// notice, time, today, reference, regional, first (request), previous, lang).
fn request(profile: &str, sent: &str, spec: &str) -> TimelineRequest {
    let mut r = TimelineRequest {
        profile: profile.into(),
        sent: d(sent),
        ..TimelineRequest::default()
    };
    for part in spec.split(';').map(str::trim).filter(|p| !p.is_empty()) {
        let (k, v) = part.split_once('=').unwrap_or((part, ""));
        match k {
            "sede" => r.sede = Some(v.into()),
            "cassetto" => r.cassetto = Some(v.into()),
            "object" => r.object = Some(v.into()),
            "kind" => r.kind = Some(Kind::parse(v).unwrap()),
            "notice" => r.notice = Some(d(v)),
            "time" => r.time = Some(NaiveTime::parse_from_str(v, "%H:%M").unwrap()),
            "today" => r.today = Some(d(v)),
            "reference" => r.reference = Some(v.into()),
            "regional" => r.regional = true,
            "first" => r.first_request = Some(d(v)),
            "previous" => r.previous = Some(Previous::parse(v).unwrap()),
            "en" => r.lang = Lang::En,
            other => panic!("unknown key {other}"),
        }
    }
    r
}

fn codes(t: &Timeline) -> Vec<&'static str> {
    t.findings.iter().map(|f| f.code).collect()
}

/// Each entry: (id, date or "-" for none, document number, words of the section).
type Expected = &'static [(&'static str, &'static str, &'static str, &'static str)];

/// (why, profile, sent, request, guaranteed, entries, findings that must be there).
type Case = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    bool,
    Expected,
    &'static [&'static str],
);

/// (profile, sent, request, level entry, recipients as (address, cc)).
type Contacts = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static [(&'static str, bool)],
);

#[test]
fn each_profile_against_its_document() {
    #[rustfmt::skip]
    let table: &[Case] = &[
        // (why, profile, sent, request, guaranteed, entries, findings that must be there)

        // Milano 002 §2 A (7 working days), B, C (instrada's reading), E (20 working days), F.
        ("002 §2 A–F, Christmas Eve 2025, Milano calendar", "milano", "2025-12-24", "sede=milano", true, &[
            ("risposta", "2026-01-08", "002", "2 A"), ("livello-b", "2026-01-09", "002", "2 B"),
            ("livello-c", "2026-01-21", "002", "2 C"), ("processo", "2026-01-27", "002", "2 E"),
            ("intermediario-risposta", "-", "002", "2 F")], &[]),
        ("002 §2 A, Sant'Ambrogio and the Immacolata skipped", "milano", "2026-12-04", "sede=milano", true, &[
            ("risposta", "2026-12-17", "002", "2 A"), ("livello-b", "2026-12-18", "002", "2 B"),
            ("livello-c", "2026-12-31", "002", "2 C"), ("processo", "2027-01-08", "002", "2 E"),
            ("intermediario-risposta", "-", "002", "2 F")], &[]),
        ("002 §2 A, no sede: national calendar keeps 7 December", "milano", "2026-12-04", "", true, &[
            ("risposta", "2026-12-16", "002", "2 A"), ("livello-b", "2026-12-17", "002", "2 B"),
            ("livello-c", "2026-12-30", "002", "2 C"), ("processo", "2027-01-07", "002", "2 E"),
            ("intermediario-risposta", "-", "002", "2 F")], &["timeline.national-calendar"]),
        ("002 §2 A Durc 5 days, sent Saturday 3 January 2026 (list of Torino 2017)", "milano", "2026-01-03", "sede=milano-nord; cassetto=aziende-dm; object=Durc", true, &[
            ("risposta", "2026-01-12", "002", "2 A"), ("livello-b", "2026-01-13", "002", "2 B"),
            ("livello-c", "2026-01-21", "002", "2 C"), ("processo", "2026-02-02", "002", "2 E"),
            ("intermediario-risposta", "-", "002", "2 F")], &["timeline.sent-on-closed-day", "timeline.object-from-other-list"]),
        ("002 §2 A and I: a DURC communication, 5 working days and 5 days", "milano", "2026-01-07", "sede=milano; kind=durc", true, &[
            ("risposta-preavviso-durc", "2026-01-12", "002", "2 I"), ("risposta", "2026-01-14", "002", "2 A"),
            ("livello-b", "2026-01-15", "002", "2 B"), ("livello-c", "2026-01-23", "002", "2 C"),
            ("processo", "2026-02-04", "002", "2 E"), ("intermediario-risposta", "-", "002", "2 F")], &[]),
        ("002 §2 F: the intermediary answers INPS in 7 working days", "milano", "2026-01-07", "sede=milano; notice=2026-01-09", true, &[
            ("risposta", "2026-01-16", "002", "2 A"), ("livello-b", "2026-01-19", "002", "2 B"),
            ("intermediario-risposta", "2026-01-20", "002", "2 F"), ("livello-c", "2026-01-29", "002", "2 C"),
            ("processo", "2026-02-04", "002", "2 E")], &[]),
        ("002 §2: service requests have no guaranteed time", "milano", "2026-01-07", "sede=milano; kind=domanda-non-telematizzata", false, &[
            ("risposta", "-", "002", ""), ("intermediario-risposta", "-", "002", "2 F")], &["timeline.no-term"]),
        ("002 §2: «altro» guarantees no answer", "milano", "2026-01-07", "sede=milano; cassetto=committenti-gs; object=altro", false, &[
            ("risposta", "-", "003", "2.2"), ("intermediario-risposta", "-", "002", "2 F")], &["timeline.not-guaranteed"]),

        // Torino 003 §2.6 A (7 working days), B/C with the 2017 list, then the 2021 update.
        ("003 §2.6 A–E, a week before the 19/07/2021 update: 2017 list", "torino", "2021-07-12", "sede=torino", true, &[
            ("risposta", "2021-07-21", "003", "2.6 A"), ("livello-b", "2021-07-22", "003", "2.6 B"),
            ("livello-c", "2021-08-03", "003", "2.6 C"), ("processo", "2021-08-09", "003", "2.6 E")], &["timeline.contacts-updated"]),
        ("003 §2.6, from the update of 19/07/2021", "torino", "2021-07-19", "sede=torino", true, &[
            ("risposta", "2021-07-28", "003", "2.6 A"), ("livello-b", "2021-07-29", "003", "2.6 B"),
            ("livello-c", "2021-08-10", "003", "2.6 C"), ("processo", "2021-08-16", "003", "2.6 E")], &[]),
        ("003 §2.6 A, San Giovanni (24 June) closes Torino", "torino", "2026-06-23", "sede=torino", true, &[
            ("risposta", "2026-07-03", "003", "2.6 A"), ("livello-b", "2026-07-06", "003", "2.6 B"),
            ("livello-c", "2026-07-16", "003", "2.6 C"), ("processo", "2026-07-22", "003", "2.6 E")], &[]),
        ("003 §2.6 A, Saturday 3 January 2026, national calendar", "torino", "2026-01-03", "cassetto=aziende-dm; object=Note rettifica", true, &[
            ("risposta", "2026-01-14", "003", "2.6 A"), ("livello-b", "2026-01-15", "003", "2.6 B"),
            ("livello-c", "2026-01-27", "003", "2.6 C"), ("processo", "2026-02-02", "003", "2.6 E")], &["timeline.sent-on-closed-day"]),
        ("003 §2.1: «Non specificato» guarantees no answer", "torino", "2026-01-07", "sede=torino; cassetto=aziende-dm; object=non specificato", false, &[
            ("risposta", "-", "003", "2.1")], &["timeline.not-guaranteed"]),

        // Emilia Romagna 001: tempi soglia of the table (working days), appointments,
        // call-back, quesiti normativi.
        ("001 table: Note rettifica 25, Friday 1 October 2027 before Monday 4 October", "emilia-romagna", "2027-10-01", "sede=bologna; cassetto=aziende-dm; object=Note rettifica", true, &[
            ("risposta", "2027-11-09", "001", "classe UNIEMENS")], &["timeline.trial-ended"]),
        ("001 table: Durc 5, San Francesco from 2026 (L. 151/2025)", "emilia-romagna", "2027-10-01", "object=Durc", true, &[
            ("risposta", "2027-10-11", "001", "classe Durc")], &[]),
        ("001 table: UniEmens trasmessi 10, Christmas Eve, Sant'Ilario closes Parma", "emilia-romagna", "2025-12-24", "sede=parma; object=uniemens trasmessi", true, &[
            ("risposta", "2026-01-14", "001", "classe UNIEMENS")], &[]),
        ("001 table: no object, no date", "emilia-romagna", "2025-12-24", "cassetto=aziende-dm", false, &[
            ("risposta", "-", "001", "")], &["timeline.object-needed", "timeline.no-term"]),
        ("001 agenda: appointment within 10 days, moved off Saturday", "emilia-romagna", "2025-12-24", "kind=appuntamento", true, &[
            ("appuntamento", "2026-01-05", "001", "AGENDA APPUNTAMENTI")], &[]),
        ("001 telephone: call-back the next working day", "emilia-romagna", "2025-12-24", "kind=urgente", true, &[
            ("richiamata", "2025-12-29", "001", "CONTATTI TELEFONICI")], &[]),
        ("001 telephone: Friday 1 October 2027, call-back Tuesday", "emilia-romagna", "2027-10-01", "kind=urgente", true, &[
            ("richiamata", "2027-10-05", "001", "CONTATTI TELEFONICI")], &[]),
        ("001 quesiti: provincial 10 working days, reminder, regional on receipt", "emilia-romagna", "2025-12-24", "kind=quesito-normativo", true, &[
            ("quesito-provinciale", "2026-01-13", "001", "ASSISTENZA NORMATIVA"), ("sollecito-quesito", "2026-01-14", "001", "ASSISTENZA NORMATIVA"),
            ("quesito-regionale", "-", "001", "ASSISTENZA NORMATIVA")], &[]),
        ("001 quesiti: the CODER to the regional Direzione, 5 working days", "emilia-romagna", "2025-12-24", "kind=quesito-normativo; regional", true, &[
            ("quesito-regionale", "2026-01-05", "001", "ASSISTENZA NORMATIVA")], &[]),

        // Siena 000: no response time; 4 days for the intermediary (DURC, istanze); phone.
        ("000 DURC: 4 days to fix the anomalies", "siena", "2026-01-07", "kind=durc; notice=2026-01-08", false, &[
            ("intermediario-durc", "2026-01-12", "000", "DURC"), ("risposta", "-", "000", "")], &["timeline.no-term"]),
        ("000 DURC: the 4th day is Sant'Ansano in Siena", "siena", "2026-11-25", "sede=siena; kind=durc; notice=2026-11-27", false, &[
            ("intermediario-durc", "2026-12-02", "000", "DURC"), ("risposta", "-", "000", "")], &[]),
        ("000 ISTANZE: 4 days from Christmas Eve end on a Sunday", "siena", "2025-12-22", "kind=domanda-non-telematizzata; notice=2025-12-24", false, &[
            ("intermediario-istanze", "2025-12-29", "000", "ISTANZE"), ("risposta", "-", "000", "")], &[]),
        ("000 ISTANZE without INPS's date: no date yet", "siena", "2025-12-22", "kind=riesame", false, &[
            ("risposta", "-", "000", ""), ("intermediario-istanze", "-", "000", "ISTANZE")], &[]),
        ("000 phone line Mon–Thu 11–12: New Year's Day at 12:30", "siena", "2026-01-01", "kind=urgente; time=12:30", false, &[
            ("telefono", "2026-01-05", "000", "TELEFONICHE"), ("richiamata", "-", "000", "")], &[]),
        ("000 phone line: Monday after 12:00, Epiphany, then Wednesday", "siena", "2026-01-05", "kind=urgente; time=12:30", false, &[
            ("telefono", "2026-01-07", "000", "TELEFONICHE"), ("richiamata", "-", "000", "")], &[]),
        ("000 phone line: Monday before 12:00, the same day", "siena", "2026-01-05", "kind=urgente; time=10:00", false, &[
            ("telefono", "2026-01-05", "000", "TELEFONICHE"), ("richiamata", "-", "000", "")], &[]),
        ("000: employers book in the cassetto's agenda, not by phone", "siena", "2026-01-05", "kind=appuntamento; cassetto=aziende-dm", false, &[
            ("appuntamento", "-", "000", "")], &[]),

        // Circolare 34/2023 §3.1: appointment only after the thresholds, or a «non accolta».
        ("004 §3.1: thresholds not listed, no date", "nazionale-gdp", "2024-03-01", "cassetto=dipendenti-pubblici; object=Note di rettifica", false, &[
            ("risposta", "-", "004", ""), ("appuntamento-possibile", "-", "004", "3.1")], &["timeline.no-term"]),
        ("004 §3.1 with Milano's 5 days for the DURC (002 §2 A)", "milano", "2024-03-01", "cassetto=dipendenti-pubblici; object=Durc", true, &[
            ("risposta", "2024-03-08", "002", "2 A"), ("livello-b", "2024-03-11", "002", "2 B"),
            ("appuntamento-possibile", "2024-03-11", "004", "3.1"), ("livello-c", "2024-03-19", "002", "2 C"),
            ("processo", "2024-03-29", "002", "2 E"), ("intermediario-risposta", "-", "002", "2 F")], &[]),
    ];
    run_cases(table);
}

/// Checks each case: no errors, the entries with their dates and sources, the findings.
fn run_cases(table: &[Case]) {
    for (why, profile, sent, spec, guaranteed, expected, must) in table {
        let t = timeline(&request(profile, sent, spec));
        let errors: Vec<_> = t
            .findings
            .iter()
            .filter(|f| f.is_error())
            .map(|f| &f.message)
            .collect();
        check(&format!("{why}: no errors"), Vec::<&String>::new(), errors);
        let got: Vec<(&str, String)> = t
            .entries
            .iter()
            .map(|e| (e.id.id(), e.date.map_or("-".to_string(), |x| x.to_string())))
            .collect();
        let want: Vec<(&str, String)> = expected
            .iter()
            .map(|(id, date, ..)| (*id, date.to_string()))
            .collect();
        check(&format!("{why}: entries and dates"), want, got);
        for (e, (id, _, doc, section)) in t.entries.iter().zip(expected.iter()) {
            assert!(
                e.rule.document.starts_with(&format!("{doc}_")) && e.rule.section.contains(section),
                "{why}: {id} cites {:?} {:?}, expected {doc} «{section}»",
                e.rule.document,
                e.rule.section
            );
            assert!(
                !e.title.is_empty() && !e.explanation.is_empty(),
                "{why}: {id} has words"
            );
        }
        check(&format!("{why}: guaranteed"), *guaranteed, t.guaranteed);
        for code in *must {
            assert!(
                codes(&t).contains(code),
                "{why}: finding {code} missing in {:?}",
                codes(&t)
            );
        }
    }
}

#[test]
fn the_calendar_used_is_named() {
    let table = [
        (
            "milano",
            "sede=milano",
            "Calendario nazionale + Sant'Ambrogio, patrono di Milano (7 dicembre)",
            Some("milano"),
        ),
        (
            "milano",
            "sede=Milano Nord",
            "Calendario nazionale + Sant'Ambrogio, patrono di Milano (7 dicembre)",
            Some("milano-nord"),
        ),
        (
            "torino",
            "sede=torino-nord",
            "Calendario nazionale + San Giovanni Battista, patrono di Torino (24 giugno)",
            Some("torino-nord"),
        ),
        ("siena", "", "Calendario nazionale", None),
        (
            "milano",
            "sede=milano; en",
            "National calendar + Saint Ambrose, patron saint of Milano (7 December)",
            Some("milano"),
        ),
    ];
    for (profile, spec, label, sede) in table {
        let t = timeline(&request(profile, "2026-12-04", spec));
        check(spec, label, t.calendar_label.as_str());
        check(spec, sede, t.sede.as_deref());
    }
}

#[test]
fn counting_starts_on_the_next_working_day() {
    // (profile, sent, spec, counting from)
    let table = [
        ("milano", "2026-01-03", "", "2026-01-05"), // Saturday
        ("milano", "2025-12-24", "", "2025-12-24"), // a working day
        ("milano", "2025-12-25", "", "2025-12-29"), // Christmas, Santo Stefano, weekend
        ("milano", "2026-12-07", "sede=milano", "2026-12-09"), // Sant'Ambrogio, Immacolata
        ("torino", "2027-10-02", "", "2027-10-05"), // Saturday before San Francesco
    ];
    for (profile, sent, spec, from) in table {
        let t = timeline(&request(profile, sent, spec));
        check(sent, Some(d(from)), t.counting_from);
        check(
            sent,
            sent != from,
            codes(&t).contains(&"timeline.sent-on-closed-day"),
        );
    }
}

#[test]
fn escalation_contacts_follow_the_sede_and_the_date() {
    // (profile, sent, spec, level entry, expected (address, cc))
    let table: &[Contacts] = &[
        (
            "milano",
            "2026-01-07",
            "sede=milano-nord",
            "livello-b",
            &[("Giusep.carbone@inps.it", false)],
        ),
        (
            "milano",
            "2026-01-07",
            "sede=legnano",
            "livello-b",
            &[("Antonio.cirnelli@inps.it", false)],
        ),
        (
            "milano",
            "2026-01-07",
            "sede=milano-centro",
            "livello-b",
            &[("Antonio.cirnelli@inps.it", false)],
        ),
        (
            "milano",
            "2026-01-07",
            "sede=milano",
            "livello-c",
            &[
                ("urp.milano@inps.it", false),
                ("camilla.cosi@inps.it", true),
            ],
        ),
        // Torino: the list in force on the escalation date, not on the first request's date
        // (issue 13). Levels B and C dated before 19/07/2021: 2017 list (003 §2.6 B, C) …
        (
            "torino",
            "2021-06-01",
            "sede=torino-nord",
            "livello-b",
            &[("beniamino.gallo@inps.it", false)],
        ),
        (
            "torino",
            "2021-06-01",
            "sede=pinerolo",
            "livello-b",
            &[("natalina.cotardo@inps.it", false)],
        ),
        (
            "torino",
            "2021-06-01",
            "sede=torino",
            "livello-c",
            &[
                ("urp.torino@inps.it", false),
                ("maura.bertone@inps.it", true),
            ],
        ),
        // … a request of 12/07/2021 whose level B (22/07) falls after the update: the 2021
        // list, which the old answer (the list of the sending date) got wrong …
        (
            "torino",
            "2021-07-12",
            "sede=torino-nord",
            "livello-b",
            &[("roberta.lanzavecchia@inps.it", false)],
        ),
        (
            "torino",
            "2021-07-12",
            "sede=torino",
            "livello-c",
            &[
                ("urp.torino@inps.it", false),
                ("sergio.longo@inps.it", false),
            ],
        ),
        // … a sollecito sent on 20/07/2021 for a first request of 05/07/2021 (2017 list then):
        // the reminder goes to the list of its own day.
        (
            "torino",
            "2021-07-20",
            "sede=torino-nord; kind=sollecito; first=2021-07-05",
            "livello-b",
            &[("roberta.lanzavecchia@inps.it", false)],
        ),
        // … the 2021 list from that day (update of 19/07/2021, points B and C).
        (
            "torino",
            "2021-07-19",
            "sede=torino-nord",
            "livello-b",
            &[("roberta.lanzavecchia@inps.it", false)],
        ),
        (
            "torino",
            "2021-07-19",
            "sede=pinerolo",
            "livello-b",
            &[("elena.martina@inps.it", false)],
        ),
        (
            "torino",
            "2021-07-19",
            "sede=torino",
            "livello-c",
            &[
                ("urp.torino@inps.it", false),
                ("sergio.longo@inps.it", false),
            ],
        ),
    ];
    for (profile, sent, spec, id, want) in table {
        let t = timeline(&request(profile, sent, spec));
        let e = t.entries.iter().find(|e| e.id == *id).unwrap();
        let got: Vec<(&str, bool)> = e
            .recipients
            .iter()
            .map(|r| (r.address.as_str(), r.cc))
            .collect();
        check(&format!("{profile} {sent} {spec} {id}"), want.to_vec(), got);
        assert!(
            e.explanation.contains(want[0].0),
            "{spec}: the explanation names the address"
        );
    }
    // Without a sede, every manager is listed with the sedi each one answers for.
    let t = timeline(&request("milano", "2026-01-07", ""));
    let b = t.entries.iter().find(|e| e.id == "livello-b").unwrap();
    check("all Milano managers", 6, b.recipients.len());
    assert!(b.recipients.iter().all(|r| !r.sedi.is_empty()));
    // The finding names the new Torino contacts, and the old ones no longer to use, when
    // level B falls after the update.
    let t = timeline(&request("torino", "2021-07-12", "sede=torino-nord"));
    let f = t
        .findings
        .iter()
        .find(|f| f.code == "timeline.contacts-updated")
        .unwrap();
    assert!(
        f.message.contains("roberta.lanzavecchia@inps.it")
            && f.message.contains("beniamino.gallo@inps.it"),
        "{}",
        f.message
    );
    check(
        "update source",
        "003_78822a7178531fb3.txt",
        f.source.as_ref().unwrap().document.as_str(),
    );
}

/// The national baseline (issue 13): without a territorial profile, no guaranteed date and
/// no escalation contacts, said plainly; the sede's calendar still counts.
#[test]
fn the_national_baseline_guarantees_no_date() {
    for (profile, spec) in [
        ("", ""),
        ("", "sede=firenze"),
        ("nazionale", "cassetto=aziende-dm; object=Note rettifica"),
        ("", "kind=sollecito; first=2026-01-02"),
    ] {
        let t = timeline(&request(profile, "2026-01-07", spec));
        check(
            &format!("{spec}: profile"),
            Some("nazionale"),
            t.profile.as_deref(),
        );
        check(&format!("{spec}: guaranteed"), false, t.guaranteed);
        assert!(
            t.entries.iter().all(|e| !e.id.id().starts_with("livello")),
            "{spec}"
        );
        let no_term = t
            .findings
            .iter()
            .find(|f| f.code == "timeline.no-term")
            .unwrap();
        assert!(
            no_term.message.contains("accordi locali"),
            "{}",
            no_term.message
        );
        assert!(
            t.findings.iter().all(|f| !f.is_error()),
            "{spec}: {:?}",
            t.findings
        );
    }
    // A sede of the four keeps its protocol: Milano Nord's 7 working days (002 §2 A).
    let t = timeline(&request("", "2026-12-04", "sede=Milano Nord"));
    check("sede of Milano", Some("milano"), t.profile.as_deref());
    check(
        "Sant'Ambrogio counted",
        Some(d("2026-12-17")),
        t.entries
            .iter()
            .find(|e| e.id == "risposta")
            .and_then(|e| e.date),
    );
    // The national calendar, or the sede's (Firenze: San Giovanni, 24 June).
    let t = timeline(&request("", "2026-06-23", "sede=firenze"));
    check("Firenze calendar", Some("firenze"), t.sede.as_deref());
    // The GDP rules of circ. 34/2023 are inherited.
    let t = timeline(&request(
        "",
        "2024-03-01",
        "cassetto=dipendenti-pubblici; object=Note di rettifica",
    ));
    assert!(t
        .entries
        .iter()
        .any(|e| e.id == "appuntamento-possibile" && e.rule.document.starts_with("004_")));
}

/// Solleciti (issue 13, issue 14 «Solleciti and escalations»): the first request's date and
/// outcome. Expected dates counted with an independent script (Python `datetime`, national
/// holidays plus San Giovanni for Torino).
#[test]
fn solleciti_count_from_the_first_request() {
    #[rustfmt::skip]
    let table: &[Case] = &[
        // 003 §2.6 A/B/C/E: answer due 7 working days from the first request (Wed 07/01),
        // level B the next working day, the whole process 20 working days from the first
        // contact (E: "dalla data di primo contatto").
        ("003 §2.6 E: a sollecito of 20/01 for a first request of 07/01", "torino", "2026-01-20", "sede=torino; kind=sollecito; first=2026-01-07", true, &[
            ("risposta", "2026-01-16", "003", "2.6 A"), ("livello-b", "2026-01-19", "003", "2.6 B"),
            ("livello-c", "2026-01-29", "003", "2.6 C"), ("processo", "2026-02-04", "003", "2.6 E")], &[]),
        ("003 §2.6 B: «non sia ritenuta esaustiva» opens level B on the sollecito's day", "torino", "2026-01-20", "sede=torino; kind=sollecito; first=2026-01-07; previous=non-esaustiva", true, &[
            ("risposta", "2026-01-16", "003", "2.6 A"), ("livello-b", "2026-01-20", "003", "2.6 B"),
            ("livello-c", "2026-01-30", "003", "2.6 C"), ("processo", "2026-02-04", "003", "2.6 E")], &[]),
        ("003 §2.6 B: «non accolta» read as not exhaustive", "torino", "2026-01-20", "sede=torino; kind=sollecito; first=2026-01-07; previous=non-accolta", true, &[
            ("risposta", "2026-01-16", "003", "2.6 A"), ("livello-b", "2026-01-20", "003", "2.6 B"),
            ("livello-c", "2026-01-30", "003", "2.6 C"), ("processo", "2026-02-04", "003", "2.6 E")], &[]),
        ("003 §2.6 B: «senza-risposta» is «scaduta»", "torino", "2026-01-20", "sede=torino; kind=sollecito; first=2026-01-07; previous=senza-risposta", true, &[
            ("risposta", "2026-01-16", "003", "2.6 A"), ("livello-b", "2026-01-19", "003", "2.6 B"),
            ("livello-c", "2026-01-29", "003", "2.6 C"), ("processo", "2026-02-04", "003", "2.6 E")], &[]),
        // 002 §2 B: Milano's level B is for a late answer only ("la risposta tardi").
        ("002 §2 B: a non-exhaustive answer has no escalation date in Milano", "milano", "2026-01-20", "sede=milano; kind=sollecito; first=2026-01-07; previous=non-esaustiva", true, &[
            ("risposta", "2026-01-16", "002", "2 A"), ("processo", "2026-02-04", "002", "2 E"),
            ("intermediario-risposta", "-", "002", "2 F")], &["timeline.escalation-not-for-outcome"]),
        ("002 §2 E: Milano sollecito, 20 working days from the first contact", "milano", "2026-01-20", "sede=milano; kind=sollecito; first=2026-01-07", true, &[
            ("risposta", "2026-01-16", "002", "2 A"), ("livello-b", "2026-01-19", "002", "2 B"),
            ("livello-c", "2026-01-29", "002", "2 C"), ("processo", "2026-02-04", "002", "2 E"),
            ("intermediario-risposta", "-", "002", "2 F")], &[]),
        // A first request after the sollecito is ignored, with a warning.
        ("first request after the sollecito: ignored", "torino", "2026-01-07", "sede=torino; kind=sollecito; first=2026-01-20", true, &[
            ("risposta", "2026-01-16", "003", "2.6 A"), ("livello-b", "2026-01-19", "003", "2.6 B"),
            ("livello-c", "2026-01-29", "003", "2.6 C"), ("processo", "2026-02-04", "003", "2.6 E")], &["timeline.first-request-after-sent"]),
    ];
    run_cases(table);
    // Without the first request the sollecito is the first contact, and the entry says so.
    let t = timeline(&request(
        "torino",
        "2026-01-20",
        "sede=torino; kind=sollecito",
    ));
    let p = t.entries.iter().find(|e| e.id == "processo").unwrap();
    assert!(p.reading.as_deref().unwrap().contains("prima richiesta"));
    // With it, the answer's title says whose answer it is, and the reading of level B
    // quotes the clause's section.
    let t = timeline(&request(
        "torino",
        "2026-01-20",
        "sede=torino; kind=sollecito; first=2026-01-07; previous=non-esaustiva",
    ));
    let get = |id: &str| t.entries.iter().find(|e| e.id == id).unwrap();
    check(
        "title",
        "Risposta dell'INPS alla prima richiesta",
        get("risposta").title.as_str(),
    );
    assert!(get("livello-b")
        .reading
        .as_deref()
        .unwrap()
        .contains("2.6 B"));
    check(
        "level B recipient of the sede (2021 list)",
        vec!["nicola.vitiello@inps.it"],
        get("livello-b")
            .recipients
            .iter()
            .map(|r| r.address.as_str())
            .collect::<Vec<_>>(),
    );
}

#[test]
fn readings_are_kept_apart_from_the_documents_rules() {
    let t = timeline(&request("milano", "2025-12-24", "sede=milano"));
    let get = |id: &str| t.entries.iter().find(|e| e.id == id).unwrap();
    check(
        "the document's own term has no reading",
        None,
        get("risposta").reading.as_deref(),
    );
    for id in ["livello-b", "livello-c"] {
        let r = get(id).reading.as_deref().unwrap();
        assert!(r.contains("instrada"), "{id}: {r}");
    }
    assert!(get("livello-c")
        .reading
        .as_deref()
        .unwrap()
        .contains("20/01/2026"));
    // The ER unit, the Milano DURC extension, the calendar-day units are readings.
    let er = timeline(&request("emilia-romagna", "2027-10-01", "object=Durc"));
    assert!(er.entries[0]
        .reading
        .as_deref()
        .unwrap()
        .contains("giorni lavorativi"));
    let durc = timeline(&request("milano", "2026-01-07", "kind=durc"));
    let r = durc.entries.iter().find(|e| e.id == "risposta").unwrap();
    assert!(r.reading.as_deref().unwrap().contains("«Durc»"));
    let siena = timeline(&request(
        "siena",
        "2026-01-07",
        "kind=durc; notice=2026-01-08",
    ));
    assert!(siena.entries[0]
        .reading
        .as_deref()
        .unwrap()
        .contains("quattro giorni"));
    // The days not counted are named in the explanation.
    let e = get("risposta");
    for name in [
        "Natale (25/12/2025)",
        "Santo Stefano (26/12/2025)",
        "Capodanno (01/01/2026)",
        "Epifania (06/01/2026)",
    ] {
        assert!(e.explanation.contains(name), "{name} in {}", e.explanation);
    }
}

#[test]
fn level_c_never_passes_the_limit_of_the_whole_exchange() {
    // A portal's profile with a 15-working-day answer: level B's own 15 days would end
    // after the 20-day limit, so level C opens the working day after that limit.
    let json = r#"{
      "id": "test-lungo", "name": {"it": "Prova", "en": "Test"}, "territory": {"it": "Prova", "en": "Test"},
      "issuer": "test", "document": {"file": "test.txt", "title": "Prova", "date": "2020-01-01"},
      "effective": {"from": "2020-01-01"},
      "terms": [
        {"kind": "risposta", "days": 15, "unit": "lavorativi", "by": "inps", "label": {"it": "Risposta", "en": "Answer"}, "source": {"document": "test.txt", "section": "A"}},
        {"kind": "processo", "days": 20, "unit": "lavorativi", "by": "inps", "label": {"it": "Processo", "en": "Process"}, "source": {"document": "test.txt", "section": "E"}}
      ],
      "escalation": [
        {"level": "B", "when": {"it": "In ritardo.", "en": "Late."}, "lists": [{"from": "2020-01-01", "to": [{"address": "b@inps.it"}], "source": {"document": "test.txt", "section": "B"}}], "source": {"document": "test.txt", "section": "B"}},
        {"level": "C", "when": {"it": "Ancora.", "en": "Still."}, "lists": [{"from": "2020-01-01", "to": [{"address": "c@inps.it"}], "source": {"document": "test.txt", "section": "C"}}], "source": {"document": "test.txt", "section": "C"}}
      ]
    }"#;
    let loaded = load_profile(json, Lang::En);
    assert!(loaded.ok, "{:?}", loaded.errors);
    // Monday 2 March 2026: answer 15 wd → Mon 23 March; B Tue 24 March; limit 20 wd → Mon
    // 30 March; B's own 15 days → Wed 15 April (Easter Monday 6 April), C would be Thu 16.
    let t = timeline(&request("test-lungo", "2026-03-02", ""));
    let got: Vec<(&str, String)> = t
        .entries
        .iter()
        .map(|e| (e.id.id(), e.date.unwrap().to_string()))
        .collect();
    check(
        "capped level C",
        vec![
            ("risposta", "2026-03-23".to_string()),
            ("livello-b", "2026-03-24".to_string()),
            ("processo", "2026-03-30".to_string()),
            ("livello-c", "2026-03-31".to_string()),
        ],
        got,
    );
    let c = t.entries.iter().find(|e| e.id == "livello-c").unwrap();
    assert!(
        c.reading.as_deref().unwrap().contains("intero processo"),
        "{:?}",
        c.reading
    );
}

#[test]
fn requests_that_cannot_be_answered() {
    // (profile, sent, spec, finding code, field)
    let table = [
        (
            "roma",
            "2026-01-07",
            "",
            "timeline.unknown-profile",
            "profile",
        ),
        (
            "milano",
            "1970-01-01",
            "",
            "calendar.out-of-range",
            "data-invio",
        ),
        (
            "milano",
            "2201-01-01",
            "",
            "calendar.out-of-range",
            "data-invio",
        ),
        (
            "milano",
            "2017-12-29",
            "",
            "timeline.profile-not-in-force",
            "data-invio",
        ),
        (
            "nazionale-gdp",
            "2023-03-30",
            "",
            "timeline.profile-not-in-force",
            "data-invio",
        ),
        (
            "milano",
            "2026-01-07",
            "sede=atlantide",
            "timeline.unknown-sede",
            "sede",
        ),
        (
            "milano",
            "2026-01-07",
            "sede=torino",
            "timeline.sede-not-in-profile",
            "sede",
        ),
        (
            "milano",
            "2026-01-07",
            "cassetto=agricoli",
            "timeline.unknown-cassetto",
            "gestione",
        ),
        (
            "milano",
            "2022-05-02",
            "cassetto=dipendenti-pubblici",
            "timeline.unknown-cassetto",
            "gestione",
        ),
        (
            "torino",
            "2026-01-07",
            "cassetto=aziende-dm; object=Bonus Natale",
            "timeline.unknown-object",
            "oggetto",
        ),
        (
            "milano",
            "2026-01-07",
            "object=rimborso",
            "timeline.cassetto-needed",
            "gestione",
        ),
        (
            "siena",
            "2026-01-07",
            "object=Durc",
            "timeline.unknown-object",
            "oggetto",
        ),
        (
            "emilia-romagna",
            "2026-01-07",
            "cassetto=aziende-dm; object=Non Specificato",
            "timeline.object-not-offered",
            "oggetto",
        ),
        (
            "emilia-romagna",
            "2026-01-07",
            "cassetto=aziende-dm; object=Posta Ibrida",
            "timeline.object-not-offered",
            "oggetto",
        ),
        (
            "torino",
            "2026-01-07",
            "cassetto=aziende-dm; object=Gestione separata",
            "timeline.object-not-offered",
            "oggetto",
        ),
        (
            "milano",
            "2026-01-07",
            "notice=1900-01-01",
            "calendar.out-of-range",
            "data-richiesta",
        ),
    ];
    for (profile, sent, spec, code, field) in table {
        let t = timeline(&request(profile, sent, spec));
        let f = t.findings.iter().find(|f| f.is_error());
        let f = f.unwrap_or_else(|| panic!("{profile} {sent} {spec}: no error in {:?}", codes(&t)));
        check(
            &format!("{profile} {sent} {spec}"),
            (code, Some(field)),
            (f.code, f.field_id()),
        );
        assert!(
            t.entries.is_empty(),
            "{spec}: no dates for a request with errors"
        );
        assert!(!t.guaranteed);
        assert!(!f.message.is_empty() && !f.message.contains("non valido"));
    }
    // Every problem is said at once.
    let t = timeline(&request(
        "milano",
        "2026-01-07",
        "sede=atlantide; cassetto=agricoli; notice=1900-01-01",
    ));
    check(
        "all the problems",
        vec![
            "timeline.unknown-sede",
            "timeline.unknown-cassetto",
            "calendar.out-of-range",
        ],
        t.findings
            .iter()
            .filter(|f| f.is_error())
            .map(|f| f.code)
            .collect::<Vec<_>>(),
    );
    // A term the calendar cannot reach: one finding, no panic, no invented date.
    let t = timeline(&request("milano", "2200-12-20", ""));
    check(
        "2200",
        vec!["calendar.out-of-range"],
        t.findings
            .iter()
            .filter(|f| f.is_error())
            .map(|f| f.code)
            .collect(),
    );
    assert!(t.entries.iter().all(|e| e.date.is_none()));
    // Huge or strange text is refused with a finding, never a panic.
    for text in [
        "x".repeat(100_000),
        "😀🇮🇹".into(),
        "\u{202E}\u{200B}".into(),
        "\0".into(),
    ] {
        let mut r = request("torino", "2026-01-07", "cassetto=aziende-dm");
        r.object = Some(text.clone());
        let t = timeline(&r);
        check(
            "odd object",
            Some("timeline.unknown-object"),
            t.findings.iter().find(|f| f.is_error()).map(|f| f.code),
        );
        assert!(t.findings.iter().all(|f| f.message.chars().count() < 1000));
        let mut r = request("torino", "2026-01-07", "");
        r.sede = Some(text);
        let t = timeline(&r);
        check(
            "odd sede",
            Some("timeline.unknown-sede"),
            t.findings.iter().find(|f| f.is_error()).map(|f| f.code),
        );
    }
}

#[test]
fn warnings_do_not_stop_the_timeline() {
    // (profile, sent, spec, code, severity)
    let table = [
        (
            "emilia-romagna",
            "2021-07-05",
            "object=Durc",
            "timeline.trial-ended",
            Severity::Warning,
        ),
        (
            "milano",
            "2026-01-07",
            "notice=2026-01-02",
            "timeline.notice-before-sent",
            Severity::Warning,
        ),
        (
            "milano",
            "2026-01-07",
            "today=2026-01-02",
            "timeline.sent-after-today",
            Severity::Info,
        ),
        (
            "emilia-romagna",
            "2026-01-07",
            "cassetto=artigiani-commercianti; object=altro",
            "timeline.object-unchecked",
            Severity::Warning,
        ),
    ];
    for (profile, sent, spec, code, severity) in table {
        let t = timeline(&request(profile, sent, spec));
        let f = t
            .findings
            .iter()
            .find(|f| f.code == code)
            .unwrap_or_else(|| panic!("{spec}: {:?}", codes(&t)));
        check(spec, severity, f.severity);
        assert!(!t.entries.is_empty(), "{spec}: the timeline goes on");
    }
}

#[test]
fn status_against_today() {
    let t = timeline(&request(
        "milano",
        "2025-12-24",
        "sede=milano; today=2026-01-09",
    ));
    let got: Vec<(&str, Option<Status>)> =
        t.entries.iter().map(|e| (e.id.id(), e.status)).collect();
    check(
        "status",
        vec![
            ("risposta", Some(Status::Passed)),
            ("livello-b", Some(Status::Today)),
            ("livello-c", Some(Status::Upcoming)),
            ("processo", Some(Status::Upcoming)),
            ("intermediario-risposta", None),
        ],
        got,
    );
    let kinds: Vec<EntryKind> = t.entries.iter().map(|e| e.kind).collect();
    check(
        "kinds",
        vec![
            EntryKind::InpsDeadline,
            EntryKind::YouMay,
            EntryKind::YouMay,
            EntryKind::InpsDeadline,
            EntryKind::YourDeadline,
        ],
        kinds,
    );
}

#[test]
fn english_is_complete() {
    let specs = [
        (
            "milano",
            "2025-12-24",
            "sede=milano; kind=durc; notice=2026-01-08; en",
        ),
        ("torino", "2021-07-12", "sede=torino; en"),
        ("emilia-romagna", "2025-12-24", "kind=quesito-normativo; en"),
        ("emilia-romagna", "2025-12-24", "object=Note rettifica; en"),
        ("siena", "2026-01-01", "kind=urgente; time=12:30; en"),
        (
            "milano",
            "2024-03-01",
            "cassetto=dipendenti-pubblici; object=Durc; en",
        ),
        (
            "torino",
            "2026-01-03",
            "cassetto=aziende-dm; object=Non specificato; en",
        ),
    ];
    // Italian words of instrada's own sentences that must not leak into English.
    let italian = [
        "giorni lavorativi",
        " dopo ",
        "Scrivi ",
        "non si contano",
        "nessuna data",
        "Il documento",
        "uffici",
    ];
    for (profile, sent, spec) in specs {
        let t = timeline(&request(profile, sent, spec));
        let texts = t
            .entries
            .iter()
            .flat_map(|e| {
                [
                    e.title.clone(),
                    e.explanation.clone(),
                    e.reading.clone().unwrap_or_default(),
                ]
            })
            .chain(t.findings.iter().map(|f| f.message.clone()));
        for text in texts {
            for word in italian {
                assert!(!text.contains(word), "{spec}: «{word}» in {text}");
            }
        }
    }
}

#[test]
fn ics_export_reads_back() {
    let req = request(
        "milano",
        "2025-12-24",
        "sede=milano; notice=2026-01-08; reference=INPS.5100.2025.0012345",
    );
    let t = timeline(&req);
    let stamp = d("2025-12-24").and_hms_opt(0, 0, 0).unwrap();
    let text = to_ics(&t, stamp);
    let events = ics::read_events(&text).unwrap();
    let got: Vec<String> = events.iter().map(|e| e.date.to_string()).collect();
    check(
        "one event per dated entry",
        vec![
            "2026-01-08",
            "2026-01-09",
            "2026-01-19",
            "2026-01-21",
            "2026-01-27",
        ],
        got.iter().map(String::as_str).collect(),
    );
    assert!(text.contains("DTSTAMP:20251224T000000Z\r\n"));
    assert!(text.contains("X-WR-CALNAME:Scadenze INPS — Area metropolitana di Milano\r\n"));
    for e in &events {
        check("all-day", Some(e.date.succ_opt().unwrap()), e.end);
        assert!(
            e.summary.ends_with("— INPS.5100.2025.0012345"),
            "{}",
            e.summary
        );
        // The document by its title and section, never its file name (issue 14).
        assert!(
            e.description.contains("Fonte: «Allegato 1 al Protocollo: Sistema dei Canali di Presentazione delle Domande di Servizio, Comunicazione elettronica e Confronto Diretto» (") && e.description.contains("), § 2 "),
            "{}",
            e.description
        );
        assert!(!e.description.contains(".txt"), "{}", e.description);
        assert!(
            e.description
                .contains("Calendario: Calendario nazionale + Sant'Ambrogio"),
            "{}",
            e.description
        );
    }
    let b = &events[1];
    assert!(b
        .description
        .contains("Destinatari: Gherardo.chiancone@inps.it"));
    assert!(b.description.contains("Lettura di instrada:"));
    check(
        "INPS deadline: on the day at 09:00",
        vec!["PT9H".to_string()],
        events[0].triggers.clone(),
    );
    let own = events
        .iter()
        .find(|e| e.summary.starts_with("La tua risposta"))
        .unwrap();
    check(
        "your deadline: the day before too",
        vec!["PT9H".to_string(), "-PT15H".to_string()],
        own.triggers.clone(),
    );
    // Lines are folded at 75 octets, end with CRLF, and commas are escaped.
    assert!(text.split("\r\n").all(|l| l.len() <= 75));
    assert!(!text.replace("\r\n", "").contains('\n'));
    assert!(text.contains("\\,"));
    // UIDs: distinct, stable across exports, the same when only the sede (and so the dates)
    // changes, different for another request.
    let uids: Vec<String> = events.iter().map(|e| e.uid.clone()).collect();
    let mut unique = uids.clone();
    unique.sort();
    unique.dedup();
    check("distinct UIDs", uids.len(), unique.len());
    check(
        "same export, same UIDs",
        text.clone(),
        to_ics(&timeline(&req), stamp),
    );
    let december = request("milano", "2026-12-04", "sede=milano; reference=R-1");
    let mut national = december.clone();
    national.sede = None;
    let (a, b) = (
        ics::read_events(&to_ics(&timeline(&december), stamp)).unwrap(),
        ics::read_events(&to_ics(&timeline(&national), stamp)).unwrap(),
    );
    check(
        "the UID survives a new calendar",
        a[0].uid.clone(),
        b[0].uid.clone(),
    );
    check(
        "…while the date moved",
        (d("2026-12-17"), d("2026-12-16")),
        (a[0].date, b[0].date),
    );
    let mut other = req.clone();
    other.reference = Some("INPS.5100.2025.0099999".into());
    let other = ics::read_events(&to_ics(&timeline(&other), stamp)).unwrap();
    assert!(other.iter().all(|e| !uids.contains(&e.uid)));
    // The file name for the download.
    check(
        "filename",
        "scadenze-inps-milano-2025-12-24.ics",
        filename(&t).as_str(),
    );
    // No dated entry: a calendar without events, still well formed.
    let none = timeline(&request(
        "nazionale-gdp",
        "2024-03-01",
        "cassetto=dipendenti-pubblici",
    ));
    check(
        "no events",
        0,
        ics::read_events(&to_ics(&none, stamp)).unwrap().len(),
    );
    // English.
    let en = timeline(&request("torino", "2021-07-12", "sede=torino; en"));
    let text = to_ics(&en, stamp);
    assert!(text.contains("X-WR-CALNAME:INPS deadlines — Province of Turin"));
    let events = ics::read_events(&text).unwrap();
    assert!(
        events[0].description.contains("Source: «") && events[0].description.contains("§ 2.6 A"),
        "{}",
        events[0].description
    );
    assert!(!events[0].description.contains(".txt"));
    // A label the portal passes (its practice number) titles every event, in place of the
    // reference; without it no title carries anything of the person.
    let labelled = to_ics_with(
        &en,
        stamp,
        &IcsOptions {
            label: Some("  Pratica 2026/118 ".into()),
        },
    );
    let events = ics::read_events(&labelled).unwrap();
    assert!(!events.is_empty());
    for e in &events {
        assert!(e.summary.ends_with(" — Pratica 2026/118"), "{}", e.summary);
    }
}

/// Milano 002 §2 A («cassetti aventi ad oggetto "Durc"»: 5 gg lavorativi) and §2 I (the
/// answer to the consultant's reply to a preavviso, «sia tramite cassetto che tramite PEC»,
/// «entro i successivi 5 gg»): one exchange, each entry's title saying which it is, each
/// explanation naming the other's date.
#[test]
fn milano_durc_two_five_days_are_told_apart() {
    for lang in [Lang::It, Lang::En] {
        let t = timeline(&TimelineRequest {
            profile: "milano".into(),
            sede: Some("milano-nord".into()),
            cassetto: Some("aziende-dm".into()),
            kind: Some(Kind::Durc),
            sent: d("2024-05-03"),
            lang,
            ..Default::default()
        });
        let find = |id: &str| t.entries.iter().find(|e| e.id == id).unwrap();
        let (reply, message) = (find("risposta-preavviso-durc"), find("risposta"));
        check("002 §2 I date", Some(d("2024-05-08")), reply.date);
        check("002 §2 A date", Some(d("2024-05-10")), message.date);
        check("002 §2 I", "2 I", reply.rule.section.as_str());
        check("002 §2 A", "2 A", message.rule.section.as_str());
        assert_ne!(reply.title, message.title, "002 §2 A vs §2 I");
        let (rw, mw) = match lang {
            Lang::It => (["preavviso"], ["«Durc»"]),
            Lang::En => (["preavviso"], ["“Durc”"]),
        };
        assert!(
            rw.iter().all(|w| reply.title.contains(w)),
            "{}",
            reply.title
        );
        assert!(
            mw.iter().all(|w| message.title.contains(w)),
            "{}",
            message.title
        );
        assert!(
            reply.title.split_whitespace().count() <= 8
                && message.title.split_whitespace().count() <= 8
        );
        // Adjacent, and each names the other's rule and date.
        let i = t
            .entries
            .iter()
            .position(|e| e.id == "risposta-preavviso-durc")
            .unwrap();
        check("one exchange", "risposta", t.entries[i + 1].id.id());
        let (ten, eight) = match lang {
            Lang::It => ("10/05/2024).", "08/05/2024)."),
            Lang::En => ("10 May 2024).", "8 May 2024)."),
        };
        assert!(
            reply.explanation.contains("§ 2 A") && reply.explanation.ends_with(ten),
            "{}",
            reply.explanation
        );
        assert!(
            message.explanation.contains("§ 2 I") && message.explanation.ends_with(eight),
            "{}",
            message.explanation
        );
        assert!(reply.explanation.contains("PEC"), "{}", reply.explanation);
    }
    // A comunicazione has neither pairing nor the §2 I entry.
    let t = timeline(&TimelineRequest {
        profile: "milano".into(),
        cassetto: Some("aziende-dm".into()),
        sent: d("2024-05-03"),
        ..Default::default()
    });
    assert!(t.entries.iter().all(|e| e.id != "risposta-preavviso-durc"));
    check(
        "title",
        "Risposta dell'INPS",
        t.entries
            .iter()
            .find(|e| e.id == "risposta")
            .unwrap()
            .title
            .as_str(),
    );
}

/// What a person reads (titles, explanations, readings, findings) names a document by its
/// title and section, never by the file name the data cites it with (issue 14, .ics
/// DESCRIPTION; the readings behind «Perché?» too).
#[test]
fn what_a_person_reads_never_names_a_source_file() {
    let specs = [
        (
            "torino",
            "sede=torino; kind=sollecito; first=2026-01-07; previous=non-esaustiva",
        ),
        ("torino", "sede=torino-nord; kind=comunicazione"),
        ("torino", "sede=torino; kind=appuntamento"),
        (
            "milano",
            "sede=milano; kind=sollecito; first=2026-01-07; previous=non-esaustiva",
        ),
        ("milano", "sede=milano-nord; kind=comunicazione"),
        ("milano", "sede=milano-nord; kind=durc"),
        ("emilia-romagna", "sede=bologna; kind=comunicazione"),
        ("siena", "kind=comunicazione"),
        ("nazionale", "kind=comunicazione"),
    ];
    for (profile, spec) in specs {
        for lang in ["", "; en"] {
            let t = timeline(&request(profile, "2026-01-20", &format!("{spec}{lang}")));
            let mut texts: Vec<&str> = t.findings.iter().map(|f| f.message.as_str()).collect();
            for e in &t.entries {
                texts.extend([e.title.as_str(), e.explanation.as_str()]);
                texts.extend(e.reading.as_deref());
            }
            for text in texts {
                assert!(!text.contains(".txt"), "{profile} {spec}{lang}: {text}");
            }
        }
    }
}

/// The cassetto is read with the one id normaliser every function shares (`text::id_key`):
/// case, spaces and underscores do not matter, as in `route` and `review`; text that cannot
/// be an id matches nothing and is said.
#[test]
fn the_cassetto_is_read_as_every_id_is() {
    for (given, found) in [
        ("aziende-dm", true),
        ("Aziende DM", true),
        ("AZIENDE_DM", true),
        (" aziende-dm ", true),
        ("aziende.dm", false),
        ("aziende/dm", false),
    ] {
        let t = timeline(&request(
            "milano",
            "2026-01-07",
            &format!("cassetto={given}"),
        ));
        let unknown = t
            .findings
            .iter()
            .any(|f| f.code == "timeline.unknown-cassetto");
        check(given, found, !unknown);
        if found {
            check(given, Some("aziende-dm"), t.cassetto.as_deref());
        }
    }
}
