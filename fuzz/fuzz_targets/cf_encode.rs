//! `cf::encode` and `cf::cross_check` on fields decoded from the bytes (real place codes and
//! names, dates 1800–2200 in both forms, and arbitrary text for every field).
//!
//! Properties: every code `encode` computes is valid (`is_valid` and `check`); `check`
//! decodes it back to the same birth date, sex and place; `cross_check` of the code against
//! the very fields reports no disagreement; every omocode variant (the subset of the seven
//! numeric positions given by the input) is valid and decodes to the same person; a field
//! that prevents the code is an error naming that field.
#![no_main]

use chrono::{Datelike, Days, NaiveDate};
use instrada::cf::{self, field, places, CheckOptions, Fields, Sex};
use instrada::finding::{Lang, Severity};
use instrada_fuzz::{omocode, Input};
use libfuzzer_sys::fuzz_target;

const NAMES: [&str; 12] = [
    "Rossi",
    "Mario",
    "De Luca",
    "D'Angelo",
    "Fo",
    "Li",
    "Ng",
    "Àlvarez-Núñez",
    "O'Neil",
    "Maria Luisa",
    "Zoë",
    "Xu",
];

fn name(input: &mut Input) -> Option<String> {
    match input.byte() % 4 {
        0 => None,
        1 => Some(NAMES[input.index(NAMES.len())].to_string()),
        _ => Some(input.text()),
    }
}

fuzz_target!(|data: &[u8]| {
    let mut input = Input::new(data);
    let lang = if input.bool() { Lang::En } else { Lang::It };
    let surname = name(&mut input);
    let first = name(&mut input);
    let start = NaiveDate::from_ymd_opt(1800, 1, 1).unwrap();
    let birth = input.date_near(start, 146_461); // to 2200-12-31
    let birth_date = match input.byte() % 8 {
        0 => None,
        1 => Some(input.text()),
        2 | 3 => Some(instrada::dates::it(birth)),
        _ => Some(instrada::dates::iso(birth)),
    };
    let sex = match input.byte() % 8 {
        0 => None,
        1 => Some(input.text()),
        2 => Some("femmina".to_string()),
        3 | 4 => Some("F".to_string()),
        _ => Some("M".to_string()),
    };
    // A Belfiore-shaped code: most of them are real places.
    let letter = places::CODE_LETTERS.as_bytes()[input.index(places::CODE_LETTERS.len())];
    let code = format!("{}{:03}", char::from(letter), input.u32() % 1000);
    let place = places::lookup_code(&code);
    let (place_code, place_name) = match input.byte() % 8 {
        0 => (None, None),
        1 => (Some(input.text()), None),
        2 => (None, Some(input.text())),
        3 => (None, place.map(|p| p.name_on(birth).to_string())),
        4 => (
            None,
            place.map(|p| format!("{} ({})", p.name_on(birth), p.province())),
        ),
        _ => (Some(code.to_ascii_lowercase()), None),
    };
    let fields = Fields {
        surname,
        name: first,
        birth_date,
        sex,
        place_code,
        place_name,
    };
    let mask = input.byte();
    let later = input.u32() % 36_000; // under a century after the birth

    let encoded = cf::encode(&fields, lang);
    for f in &encoded.findings {
        assert!(
            (f.code.starts_with("cf.") || f.code.starts_with("date.")) && !f.message.is_empty(),
            "{f:?}"
        );
        let fld = f.field.as_ref().and_then(|x| x.form());
        assert!(
            [
                field::SURNAME,
                field::NAME,
                field::BIRTH_DATE,
                field::SEX,
                field::PLACE
            ]
            .map(Some)
            .contains(&fld),
            "finding without the field: {f:?}"
        );
    }
    let errors = encoded
        .findings
        .iter()
        .filter(|f| f.severity == Severity::Error)
        .count();
    let Some(code) = encoded.code else {
        assert!(errors > 0, "no code and no error: {fields:?}");
        return;
    };
    assert_eq!(errors, 0, "a code and an error: {fields:?}");
    assert!(
        cf::is_valid(&code),
        "encoded {code} is not valid: {fields:?}"
    );

    let birth = instrada::dates::parse_date(
        fields.birth_date.as_deref().unwrap_or(""),
        field::BIRTH_DATE,
        lang,
    )
    .expect("encode read the date");
    let today = birth
        .checked_add_days(Days::new(u64::from(later)))
        .unwrap_or(birth);
    let options = CheckOptions {
        today: Some(today),
        lang,
    };
    let report = cf::check(&code, &options);
    assert!(
        report.errors().next().is_none(),
        "encoded {code} has errors {:?} (today {today})",
        report.findings
    );
    // A warning (the place was not valid on the birth date) may move the century.
    if encoded.findings.is_empty() {
        let person = report.person.as_ref().expect("a person");
        assert_eq!(person.birth_date, birth, "{code} today {today}");
        let sex = Sex::parse(fields.sex.as_deref().unwrap_or("")).expect("encode read it");
        assert_eq!(person.sex, sex);
        assert_eq!(person.place_code, code[11..15]);
        let found = cf::cross_check(&code, &fields, &options);
        assert!(
            found.iter().all(|f| f.severity == Severity::Info),
            "cross_check {code} against its own fields: {found:?}"
        );

        let variant = omocode(&code, mask & 0x7F);
        assert!(cf::is_valid(&variant), "omocode {variant} of {code}");
        let v = cf::check(&variant, &options);
        let vp = v
            .person
            .as_ref()
            .unwrap_or_else(|| panic!("{variant}: {:?}", v.findings));
        assert_eq!(
            (vp.birth_date, vp.sex, &vp.place_code),
            (person.birth_date, person.sex, &person.place_code),
            "omocode {variant} of {code}"
        );
        assert_eq!(vp.omocode, mask & 0x7F != 0);
        let found = cf::cross_check(&variant, &fields, &options);
        assert!(
            found.iter().all(|f| f.severity == Severity::Info),
            "cross_check {variant} against the fields of {code}: {found:?}"
        );
        assert!(birth.year() >= 1800);
    }
});
