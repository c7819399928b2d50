//! The place registry built from the ANPR archive (src/data/places.*, scripts/gen_places.py).

use chrono::NaiveDate;
use instrada::cf::places::{self, find_by_name, lookup_code, search};

fn d(y: i32, m: u32, g: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, g).unwrap()
}

#[test]
fn registry_holds_all_codes_and_its_date() {
    // ANPR archive in python-codicefiscale 0.12.1: 10 086 codes (comuni and states,
    // current and ceased), last change 21/02/2026.
    assert_eq!(places::len(), 10_086);
    assert_eq!(places::registry_date(), d(2026, 2, 21));
}

#[test]
fn lookup_by_code() {
    // (code, name, province, foreign, first valid day, last valid day)
    let table = [
        ("H501", "Roma", "RM", false, d(1884, 9, 11), None),
        ("h501", "Roma", "RM", false, d(1884, 9, 11), None),
        ("F205", "Milano", "MI", false, d(1873, 6, 23), None),
        (
            "A562",
            "San Giuliano Terme",
            "PI",
            false,
            d(1861, 3, 17),
            None,
        ),
        // Suppressed comuni (fusions of 2017 and of 1927).
        (
            "A031",
            "Acquacanina",
            "MC",
            false,
            d(1861, 3, 17),
            Some(d(2016, 12, 31)),
        ),
        (
            "A036",
            "Acqualunga",
            "BS",
            false,
            d(1861, 3, 17),
            Some(d(1927, 12, 31)),
        ),
        // Created after 1992 (split from Roma).
        ("M297", "Fiumicino", "RM", false, d(1992, 4, 4), None),
        // Foreign states, current and ceased.
        ("Z112", "Germania", "EE", true, d(1900, 1, 1), None),
        (
            "Z105",
            "Cecoslovacchia",
            "EE",
            true,
            d(1900, 1, 1),
            Some(d(1993, 1, 1)),
        ),
        (
            "Z135",
            "Unione Repubbliche Socialiste Sovietiche",
            "EE",
            true,
            d(1900, 1, 1),
            Some(d(1992, 3, 31)),
        ),
    ];
    for (code, name, province, foreign, from, until) in table {
        let p = lookup_code(code).unwrap_or_else(|| panic!("{code}"));
        assert_eq!(p.code(), code.to_ascii_uppercase());
        assert_eq!(p.name(), name, "{code}");
        assert_eq!(p.province(), province, "{code}");
        assert_eq!(p.is_foreign(), foreign, "{code}");
        assert_eq!(p.valid_from(), from, "{code}");
        assert_eq!(p.valid_until(), until, "{code}");
    }
    for bad in ["A030", "N001", "A000", "H50", "H5011", "", "😀😀", "Z999"] {
        assert!(lookup_code(bad).is_none(), "{bad}");
    }
}

#[test]
fn periods_and_names_over_time() {
    // Abano (A001) became Abano Terme on 14/11/1924.
    let abano: Vec<_> = lookup_code("A001").unwrap().periods().collect();
    assert_eq!(abano.len(), 2);
    assert_eq!(
        (abano[0].name, abano[0].from, abano[0].until),
        ("Abano", d(1866, 11, 19), Some(d(1924, 11, 13)))
    );
    assert_eq!(
        (abano[1].name, abano[1].from, abano[1].until),
        ("Abano Terme", d(1924, 11, 14), None)
    );
    // Priverno (G698) was Piperno until 08/09/1928.
    let g698 = lookup_code("G698").unwrap();
    assert_eq!(g698.name_on(d(1913, 9, 10)), "Piperno");
    assert_eq!(g698.name_on(d(2000, 1, 1)), "Priverno");
    assert_eq!(g698.names().collect::<Vec<_>>(), ["Piperno", "Priverno"]);
    // Peglio (CO, G415) was suppressed from 1928 to 1948: a gap.
    let peglio = lookup_code("G415").unwrap();
    assert!(peglio.valid_on(d(1920, 1, 1)));
    assert!(!peglio.valid_on(d(1935, 1, 1)));
    assert!(peglio.valid_on(d(1950, 1, 1)));
    // D588: the archive has Marne and Filago on the same days until 1928; Marne until
    // 09/09/1958, then Filago.
    let d588 = lookup_code("D588").unwrap();
    assert_eq!(d588.name_on(d(1950, 1, 1)), "Marne");
    assert_eq!(d588.name_on(d(1960, 1, 1)), "Filago");
    // The other language of bilingual comuni.
    assert_eq!(lookup_code("A952").unwrap().alt_name(), Some("Bozen"));
    assert_eq!(lookup_code("H501").unwrap().alt_name(), None);
}

#[test]
fn find_by_name_folds_and_filters_by_date() {
    let codes = |name: &str, on: Option<NaiveDate>| {
        find_by_name(name, on)
            .iter()
            .map(|p| p.code())
            .collect::<Vec<_>>()
    };
    // (name, date, codes)
    let table: &[(&str, Option<NaiveDate>, &[&str])] = &[
        ("Roma", None, &["H501"]),
        ("  ROMA ", None, &["H501"]),
        ("san giuliano terme", None, &["A562"]),
        ("Bagni San Giuliano", None, &["A562"]),
        ("Bozen", None, &["A952"]),
        ("Germania", None, &["Z112"]),
        ("Stati Uniti d'America", None, &["Z404"]),
        // Castro: C337 (BG) since 1861, M261 (LE) since 1975.
        ("Castro", None, &["C337", "M261"]),
        ("Castro", Some(d(1970, 1, 1)), &["C337"]),
        ("Castro", Some(d(1980, 1, 1)), &["C337", "M261"]),
        ("Castro (LE)", None, &["M261"]),
        ("castro (le)", Some(d(1980, 1, 1)), &["M261"]),
        // None valid on the date: all are returned, the caller decides.
        ("Fiumicino", Some(d(1980, 1, 1)), &["M297"]),
        ("Atlantide", None, &[]),
        ("", None, &[]),
        ("😀", None, &[]),
    ];
    for (name, on, expected) in table {
        assert_eq!(&codes(name, *on), expected, "{name} {on:?}");
    }
}

#[test]
fn search_by_prefix() {
    let found: Vec<_> = search("Fiumic", Some(d(2000, 1, 1)), 5)
        .iter()
        .map(|p| p.name())
        .collect();
    assert!(found.contains(&"Fiumicino"), "{found:?}");
    assert!(search("", None, 5).is_empty());
    assert!(search("Roma", None, 0).is_empty());
    assert!(search("San", None, 3).len() == 3);
}
