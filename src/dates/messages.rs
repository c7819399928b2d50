//! The words of dates: the problem of a date that cannot be read, and the names of the
//! months, in the language asked for. The example of `date.invalid` is among the calendar's
//! (`calendar::messages::examples`), whose functions take dates.

use chrono::{Datelike, NaiveDate};

use super::{clip, it, push_num, push_year};
use crate::finding::{Finding, Lang};

/// Why a date argument or field cannot be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DateProblem<'a> {
    /// Not `YYYY-MM-DD` nor `DD/MM/YYYY`, not a day of the calendar, or out of 1800–2200;
    /// `given` is what was typed, trimmed (empty: nothing).
    Invalid { given: &'a str },
}

impl DateProblem<'_> {
    /// The finding, about `field`.
    pub fn finding(self, field: impl Into<crate::field::Field>, lang: Lang) -> Finding {
        let DateProblem::Invalid { given } = self;
        #[rustfmt::skip]
        let message = match (given.is_empty(), lang) {
            (true, Lang::It) => "Inserisci la data nel formato AAAA-MM-GG o GG/MM/AAAA.".to_string(),
            (true, Lang::En) => "Enter the date as YYYY-MM-DD or DD/MM/YYYY.".to_string(),
            (false, Lang::It) => format!("«{}» non è una data esistente: scrivila nel formato AAAA-MM-GG o GG/MM/AAAA, tra il 1800 e il 2200.", clip(given)),
            (false, Lang::En) => format!("“{}” is not a real date: write it as YYYY-MM-DD or DD/MM/YYYY, between 1800 and 2200.", clip(given)),
        };
        Finding::error("date.invalid", message).field(field)
    }
}

/// The month's name, 1-based (`"?"` for a number that is no month): `gennaio` …
/// `dicembre` (lower case, as Italian writes them), `January` … `December`.
pub fn month_name(month: u32, lang: Lang) -> &'static str {
    const IT: [&str; 12] = [
        "gennaio",
        "febbraio",
        "marzo",
        "aprile",
        "maggio",
        "giugno",
        "luglio",
        "agosto",
        "settembre",
        "ottobre",
        "novembre",
        "dicembre",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let table = lang.pick(&IT, &EN);
    month
        .checked_sub(1)
        .and_then(|i| table.get(i as usize))
        .copied()
        .unwrap_or("?")
}

/// The date as a person reads it in the language: `05/10/2026` or `5 Oct 2026`.
pub fn human(d: NaiveDate, lang: Lang) -> String {
    match lang {
        Lang::It => it(d),
        Lang::En => {
            let mut s = String::with_capacity(11);
            push_num(&mut s, d.day(), 1);
            s.push(' ');
            s.push_str(month_name(d.month(), Lang::En).get(..3).unwrap_or(""));
            s.push(' ');
            push_year(&mut s, d.year());
            s
        }
    }
}
