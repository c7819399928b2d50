//! `timeline::timeline` on arbitrary requests (real or arbitrary profile, sede, cassetto and
//! object; any kind; any sending date and time, first request, previous outcome, notice and
//! today chrono holds), and its .ics export read back.
//!
//! Properties: never a panic; every finding has a code and a message; the export is read
//! back by the crate's reader with one event per dated entry, on the entry's date, with
//! lines of at most 75 octets.
#![no_main]

use chrono::{NaiveDate, NaiveTime};
use instrada::catalog::profile::{Kind, Previous};
use instrada::finding::Lang;
#[path = "../../tests/support/ics.rs"]
mod ics;
use instrada::timeline::{timeline, to_ics, TimelineRequest};
use instrada_fuzz::{vocab, Input};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let v = vocab();
    let mut input = Input::new(data);
    let start = NaiveDate::from_ymd_opt(1975, 1, 1).unwrap();
    let req = TimelineRequest {
        profile: input.field(&v.profiles).unwrap_or_default(),
        sede: input.field(&v.sedi),
        cassetto: input.field(&v.cassetti),
        object: input.field(&v.objects),
        kind: match input.byte() % 12 {
            10 | 11 => None,
            k => Kind::ALL.get(usize::from(k)).copied(),
        },
        sent: input.date_near(start, 83_000),
        time: input
            .bool()
            .then(|| {
                NaiveTime::from_hms_opt(
                    u32::from(input.byte() % 24),
                    u32::from(input.byte() % 60),
                    0,
                )
            })
            .flatten(),
        notice: input.bool().then(|| input.date_near(start, 83_000)),
        first_request: input.bool().then(|| input.date_near(start, 83_000)),
        previous: match input.byte() % 8 {
            k @ 0..=5 => Some(Previous::ALL[usize::from(k)]),
            _ => None,
        },
        regional: input.bool(),
        reference: input.field(&v.codes),
        today: input.bool().then(|| input.date_near(start, 83_000)),
        lang: if input.bool() { Lang::En } else { Lang::It },
    };
    let t = timeline(&req);
    for f in &t.findings {
        assert!(
            f.code.contains('.') && !f.message.trim().is_empty(),
            "{f:?}"
        );
    }
    let stamp = NaiveDate::from_ymd_opt(2026, 1, 15)
        .unwrap()
        .and_hms_opt(9, 0, 0)
        .unwrap();
    let text = to_ics(&t, stamp);
    for line in text.split_terminator("\r\n") {
        assert!(line.len() <= 75 && !line.contains(['\r', '\n']), "{line:?}");
    }
    let read = ics::read_events(&text).unwrap_or_else(|e| panic!("{e:?} in {text:?}"));
    let dated: Vec<NaiveDate> = t.entries.iter().filter_map(|e| e.date).collect();
    assert_eq!(read.iter().map(|r| r.date).collect::<Vec<_>>(), dated);
    let _ = instrada::timeline::filename(&t);
});
