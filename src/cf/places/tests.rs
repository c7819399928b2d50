//! The in-place reader against the former eager parser, kept here as the reference: every
//! code of `src/data/places.txt` gives the same code, province, names, other-language name
//! and periods both ways.

use std::borrow::Cow;

use super::registry::EMBEDDED;
use super::*;

/// A code as the former parser built it (sessions 1–5: the whole text decoded and parsed
/// into these at first use).
struct Reference {
    code: [u8; 4],
    province: [u8; 2],
    names: Vec<String>,
    alt: Option<String>,
    periods: Vec<RawPeriod>,
}

fn section(text: &str, name: &str) -> String {
    let marker = format!("%{name}\n");
    let start = text.find(&marker).expect("section") + marker.len();
    let end = text[start..]
        .find("\n%")
        .map(|e| start + e + 1)
        .unwrap_or(text.len());
    text[start..end].to_string()
}

/// The former `build`, unchanged but for what it returns.
fn reference(text: &str) -> Vec<Reference> {
    let names_text = section(text, "names");
    let alt_text = section(text, "alt");
    let time_text = section(text, "time");
    let day_of = |y, m, d| {
        NaiveDate::from_ymd_opt(y, m, d)
            .map(|d| to_days(d) as u32)
            .unwrap_or(0)
    };
    let default_comune = day_of(1861, 3, 17);
    let default_state = day_of(1900, 1, 1);
    let mut alt_lines = alt_text.split('\n');
    let mut time_lines = time_text.lines();
    let mut out = Vec::new();
    for (slot, line) in names_text.split('\n').enumerate() {
        if line.is_empty() {
            continue;
        }
        let letter = CODE_LETTERS.as_bytes()[slot / 999];
        let n = slot % 999 + 1;
        let code = [
            letter,
            b'0' + (n / 100) as u8,
            b'0' + (n / 10 % 10) as u8,
            b'0' + (n % 10) as u8,
        ];
        let names = line.split('|').map(String::from).collect();
        let alt = alt_lines.next().filter(|a| !a.is_empty()).map(String::from);
        let time = time_lines.next().unwrap_or("");
        let mut items = time.split(' ').peekable();
        let prov = items.next().unwrap_or("").as_bytes();
        let province = [
            prov.first().copied().unwrap_or(b'?'),
            prov.get(1).copied().unwrap_or(b'?'),
        ];
        let mut periods: Vec<RawPeriod> = Vec::new();
        if items.peek().is_none_or(|i| i.starts_with('-')) {
            let from = if letter == b'Z' {
                default_state
            } else {
                default_comune
            };
            periods.push(RawPeriod {
                from,
                until: OPEN,
                name: 0,
            });
        }
        for item in items {
            if let Some(end) = item.strip_prefix('-') {
                if let (Some(p), Some(d)) = (periods.last_mut(), parse_b36(end)) {
                    p.until = d;
                }
                continue;
            }
            let (day, name) = match item.split_once('=') {
                Some((d, n)) => (d, n.parse::<u16>().ok()),
                None => (item, None),
            };
            let Some(from) = parse_b36(day) else { continue };
            let prev_name = periods.last().map(|p| p.name).unwrap_or(0);
            if let Some(last) = periods.last_mut() {
                if last.until == OPEN {
                    last.until = from.saturating_sub(1);
                }
            }
            periods.push(RawPeriod {
                from,
                until: OPEN,
                name: name.unwrap_or(prev_name),
            });
        }
        out.push(Reference {
            code,
            province,
            names,
            alt,
            periods,
        });
    }
    out
}

/// Every place of places.txt, read in place, is the place the former parser built: code,
/// province, names, other-language name, periods, and the answers derived from them
/// (latest name, name and validity on dates around each period's ends).
#[test]
fn every_place_reads_as_the_former_parser_built_it() {
    let all = reference(EMBEDDED);
    assert_eq!(all.len(), 10_086);
    assert_eq!(len(), all.len());
    for (i, r) in all.iter().enumerate() {
        let code = std::str::from_utf8(&r.code).unwrap();
        let p = lookup_code(code).unwrap_or_else(|| panic!("{code}"));
        assert_eq!(p.index(), i, "{code}");
        assert_eq!(p.code(), code);
        assert_eq!(p.province().as_bytes(), r.province, "{code}");
        assert_eq!(p.names().collect::<Vec<_>>(), r.names, "{code}");
        assert_eq!(p.alt_name(), r.alt.as_deref(), "{code}");
        assert_eq!(p.raw_periods().collect::<Vec<_>>(), r.periods, "{code}");
        assert!(code_exists(code), "{code}");
        // The derived answers, as the former code computed them from its vectors.
        let name_at = |n: u16| r.names.get(n as usize).map_or("", |s| s.as_str());
        let last = r.periods.last().map_or(0, |p| p.name);
        assert_eq!(p.name(), name_at(last), "{code}");
        let mut days: Vec<u32> = vec![0, 40_000];
        for q in &r.periods {
            days.extend([q.from.saturating_sub(1), q.from, q.from + 1]);
            if q.until != OPEN {
                days.extend([q.until, q.until + 1]);
            }
        }
        for day in days {
            let date = from_days(day);
            let d = to_days(date);
            let idx = r
                .periods
                .iter()
                .rposition(|q| q.from as i64 <= d)
                .unwrap_or(0);
            let name = r.periods.get(idx).map_or(0, |q| q.name);
            assert_eq!(p.name_on(date), name_at(name), "{code} {date}");
            let valid = r
                .periods
                .iter()
                .any(|q| q.from as i64 <= d && (q.until == OPEN || d <= q.until as i64));
            assert_eq!(p.valid_on(date), valid, "{code} {date}");
        }
    }
}

/// The bit per code that build.rs writes says exactly which codes the text has.
#[test]
fn the_bits_of_build_rs_are_the_codes_of_the_text() {
    let mut existing = 0;
    for (l, letter) in CODE_LETTERS.chars().enumerate() {
        for n in 0..=1000 {
            let code = format!("{letter}{n:03}");
            let known = lookup_code(&code).is_some();
            assert_eq!(code_exists(&code), known, "{code}");
            existing += usize::from(known);
            let _ = l;
        }
    }
    assert_eq!(existing, len());
    for bad in ["", "H50", "H5011", "N001", "A000", "😀😀", "h501x"] {
        assert!(!code_exists(bad), "{bad}");
    }
    assert!(code_exists("h501"));
}

/// The day constants are the days they say.
#[test]
fn day_numbers_count_from_the_epoch() {
    for (y, m, d) in [(1861, 1, 1), (1900, 3, 1), (1985, 12, 10), (2026, 2, 21)] {
        let date = NaiveDate::from_ymd_opt(y, m, d).unwrap();
        assert_eq!(to_days(date), (date - epoch()).num_days(), "{date}");
    }
    let day = |y, m, d| to_days(NaiveDate::from_ymd_opt(y, m, d).unwrap()) as u32;
    assert_eq!(DEFAULT_COMUNE, day(1861, 3, 17));
    assert_eq!(DEFAULT_STATE, day(1900, 1, 1));
}

/// A text of another build of the data, or a damaged one, is refused with a reason.
#[test]
fn another_or_damaged_text_is_refused() {
    let cases = [
        (
            EMBEDDED.replace("@registry-date 2026-02-21", "@registry-date 2026-03-01"),
            "places file is of 2026-03-01",
        ),
        (EMBEDDED.replace("\n%alt\n", "\n%other\n"), "no section alt"),
        // One code less (Roma's line emptied).
        (EMBEDDED.replacen("\nRoma\n", "\n\n", 1), "lacks codes"),
        (String::new(), "no date"),
        ("garbage".to_string(), "no date"),
    ];
    for (text, reason) in cases {
        let err = Registry::read(Cow::Owned(text)).err().expect(reason);
        assert!(err.contains(reason), "{err}");
    }
    assert!(Registry::read(Cow::Borrowed(EMBEDDED)).is_ok());
}

// ---------------------------------------------------------------------------------------
// The shipped file: names front-coded by build/places.rs, expanded by `registry::expand`
// ---------------------------------------------------------------------------------------

/// The encoder of build.rs, to test it against the reader.
#[allow(dead_code)]
#[path = "../../../build/places.rs"]
mod encoder;

/// The package's file, as build.rs writes it for scripts/build.sh.
static SHIPPED: &str = include_str!(concat!(env!("OUT_DIR"), "/instrada-places.txt"));

/// From `@registry-date` on: the sections, without the header's comments.
fn sections(text: &str) -> &str {
    &text[text.find("\n@registry-date ").expect("date line")..]
}

/// The shipped file expands to the sections of src/data/places.txt byte for byte, keeps its
/// licence lines, and every place read from it is the place the former parser built from
/// places.txt.
#[test]
fn the_shipped_file_reads_as_places_txt() {
    assert!(SHIPPED.len() < EMBEDDED.len() * 9 / 10, "front-coded");
    for line in EMBEDDED.lines().take_while(|l| *l != "#") {
        assert!(SHIPPED.lines().any(|l| l == line), "{line}");
    }
    let expanded = registry::expand(SHIPPED.to_string()).unwrap();
    assert_eq!(sections(&expanded), sections(EMBEDDED));
    // Not read as it is: only once expanded.
    let err = Registry::read(Cow::Borrowed(SHIPPED)).err().unwrap();
    assert!(err.contains("no section names"), "{err}");
    // Places borrow a `'static` registry (kept, not leaked: tests/native/architecture.rs).
    static READ: OnceLock<Registry> = OnceLock::new();
    let reg = READ.get_or_init(|| Registry::read(Cow::Owned(expanded)).expect("the shipped file"));
    let all = reference(EMBEDDED);
    assert_eq!(reg.codes.len(), all.len());
    for (i, r) in all.iter().enumerate() {
        let p = Place { reg, i: i as u32 };
        let code = std::str::from_utf8(&r.code).unwrap();
        assert_eq!(p.code(), code);
        assert_eq!(p.province().as_bytes(), r.province, "{code}");
        assert_eq!(p.names().collect::<Vec<_>>(), r.names, "{code}");
        assert_eq!(p.alt_name(), r.alt.as_deref(), "{code}");
        assert_eq!(p.raw_periods().collect::<Vec<_>>(), r.periods, "{code}");
    }
    // The canonical text passes through unchanged.
    assert_eq!(registry::expand(EMBEDDED.to_string()).unwrap(), EMBEDDED);
}

/// Front-coding then expanding gives the names back, and the encoding is the one the reader
/// documents: the shared prefix counted in bytes, cut back to a character boundary, counted
/// across the names of a line and across empty lines, nothing written for 0.
#[test]
fn front_coded_names_round_trip() {
    let cases = [
        ("Abano|Abano Terme\nAbbadia", "Abano|5 Terme\n2badia"),
        // Empty lines stay empty and are not the previous name.
        ("\n\nAbc\n\n\nAbd\n", "\n\nAbc\n\n\n2d\n"),
        // A name equal to the previous one: the count alone.
        ("Roma|Roma\nRoma", "Roma|4\n4"),
        // è is C3 A8 and é C3 A9: the shared C3 is not counted.
        ("Aè|Aé|Aé", "Aè|1é|3"),
        (
            "Città|Cittàdella|Città di Castello",
            "Città|6della|6 di Castello",
        ),
        ("È|Èze|Ez", "È|2ze|Ez"),
        (
            "Sant'Angelo|Sant'Anna\nSan Dona'",
            "Sant'Angelo|7na\n3 Dona'",
        ),
        ("Bozen|Bolzano||Bolzano", "Bozen|2lzano||7"),
        ("", ""),
    ];
    for (names, coded) in cases {
        assert_eq!(encoder::front_code(names), coded, "{names:?}");
        let shipped = format!("@x\n%names-fc\n{coded}\n%alt\n");
        let expanded = registry::expand(shipped).unwrap();
        assert_eq!(
            expanded,
            format!("@x\n%names\n{names}\n%alt\n"),
            "{names:?}"
        );
    }
}

/// A damaged front-coded text is refused with a reason, never read as other names.
#[test]
fn damaged_front_coded_names_are_refused() {
    let damaged = |names: &str| registry::expand(format!("@x\n%names-fc\n{names}\n%alt\n"));
    let cases = [
        // A count with no previous name.
        ("3Abano", "line 0 of names"),
        // A count beyond the previous name.
        ("Roma\n\n5a", "line 2 of names"),
        ("Roma|99999999999999999999999999x", "line 0 of names"),
        // A count inside a character: à is two bytes, 4 and 5 of Città.
        ("Città\n5x", "line 1 of names"),
        ("Città\n|Cit|5", "line 1 of names"),
    ];
    for (names, reason) in cases {
        let err = damaged(names).err().unwrap_or_else(|| panic!("{names:?}"));
        assert!(
            err.contains("damaged") && err.contains(reason),
            "{names:?}: {err}"
        );
    }
    assert!(damaged("Città\n4x|6").is_err());
    assert!(damaged("Città\n4x|5").is_ok());
    // Damage the reader of the lines finds once expanded: the shipped file with a section
    // missing, or with a line more in its names (a code this module does not have).
    for (text, reason) in [
        (SHIPPED.replace("\n%alt\n", "\n%other\n"), "no section alt"),
        (SHIPPED.replacen("|5 Terme\n", "|5 Terme\n\n", 1), "names"),
    ] {
        let err = registry::expand(text)
            .and_then(|t| Registry::read(Cow::Owned(t)).map(|_| ()))
            .expect_err(reason);
        assert!(err.contains(reason), "{err}");
    }
}
