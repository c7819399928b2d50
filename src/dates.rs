//! Reading and writing dates. The core never reads the clock: "today" is always a parameter.

use chrono::{Datelike, NaiveDate};

use crate::finding::{Finding, Lang};

/// Reads a date written `YYYY-MM-DD` (the form of `<input type="date">`), or `DD/MM/YYYY`
/// as Italians write it. Anything else, or a date that does not exist, is a finding that says
/// which form is expected.
pub fn parse_date(input: &str, field: &str, lang: Lang) -> Result<NaiveDate, Finding> {
    let s = input.trim();
    let parsed = if s.len() > 10 {
        None
    } else if s.as_bytes().get(4) == Some(&b'-') {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").ok()
    } else {
        NaiveDate::parse_from_str(s, "%d/%m/%Y").ok()
    };
    match parsed {
        Some(d) if (1800..=2200).contains(&d.year()) => Ok(d),
        _ => Err(Finding::error(
            "date.invalid",
            if s.is_empty() {
                lang.pick("Inserisci la data nel formato AAAA-MM-GG o GG/MM/AAAA.", "Enter the date as YYYY-MM-DD or DD/MM/YYYY.")
                    .to_string()
            } else {
                lang.pick(
                    format!("«{}» non è una data esistente: scrivila nel formato AAAA-MM-GG o GG/MM/AAAA, tra il 1800 e il 2200.", clip(s)),
                    format!("“{}” is not a real date: write it as YYYY-MM-DD or DD/MM/YYYY, between 1800 and 2200.", clip(s)),
                )
            },
        )
        .field(field)),
    }
}

/// `2026-10-05` → `"2026-10-05"`.
pub fn iso(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// `2026-10-05` → `"05/10/2026"`, as Italian forms show dates.
pub fn it(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// The date as a person reads it in the language: `05/10/2026` or `5 Oct 2026`.
pub fn human(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::It => it(d),
        Lang::En => d.format("%-d %b %Y").to_string(),
    }
}

/// At most 40 characters of what the user typed, for quoting it back in a message.
pub fn clip(s: &str) -> String {
    let mut out: String = s.chars().take(40).collect();
    if s.chars().nth(40).is_some() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_both_forms_and_rejects_the_rest() {
        let d = NaiveDate::from_ymd_opt(2024, 2, 29).unwrap();
        assert_eq!(parse_date("2024-02-29", "x", Lang::It), Ok(d));
        assert_eq!(parse_date(" 29/02/2024 ", "x", Lang::It), Ok(d));
        for bad in [
            "2023-02-29",
            "31/04/2024",
            "",
            "domani",
            "2024-13-01",
            "1700-01-01",
            "2024-02-29T10:00",
        ] {
            let f = parse_date(bad, "data-invio", Lang::It).unwrap_err();
            assert_eq!(f.code, "date.invalid", "{bad}");
            assert_eq!(f.field.as_deref(), Some("data-invio"));
        }
    }

    #[test]
    fn formats() {
        let d = NaiveDate::from_ymd_opt(2026, 10, 5).unwrap();
        assert_eq!(iso(d), "2026-10-05");
        assert_eq!(it(d), "05/10/2026");
        assert_eq!(human(d, Lang::En), "5 Oct 2026");
        assert_eq!(clip(&"x".repeat(50)).chars().count(), 41);
    }
}
