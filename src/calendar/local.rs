//! Local closures: the patron saint's day of the comune where an office is, and the INPS
//! sedi known to instrada. The data is `src/data/patroni.json`, embedded at build time and
//! read once, at first use.
//!
//! A sede's id is the lowercase ASCII kebab-case of the office's name (`milano-nord`,
//! `sesto-san-giovanni`, `forli`): the contract with the protocol profiles. Every comune in
//! the data is a sede; the agencies inside a city (`milano-nord`, `torino-nord`, …) are sedi
//! with the city's patron day.

use std::sync::OnceLock;

use chrono::{Datelike, Days, NaiveDate, Weekday};
use serde::Deserialize;

use crate::finding::Lang;
use crate::text::fold_char;

use super::YearMask;

/// When a patron day falls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PatronRule {
    /// The same day every year.
    Fixed {
        /// 1–12.
        month: u32,
        /// 1–31.
        day: u32,
    },
    /// The `nth` `weekday` of `month` (`nth` = -1: the last), moved by `offset` days (the
    /// Monday after the last Sunday of August is `nth: -1, weekday: Sun, offset: 1`).
    Nth {
        /// 1–12.
        month: u32,
        /// The day of the week counted.
        weekday: Weekday,
        /// 1–4, or -1 for the last.
        nth: i8,
        /// Days added after counting (0–6).
        offset: u8,
    },
}

impl PatronRule {
    /// The day in `year`.
    pub fn date(&self, year: i32) -> Option<NaiveDate> {
        match *self {
            PatronRule::Fixed { month, day } => NaiveDate::from_ymd_opt(year, month, day),
            PatronRule::Nth {
                month,
                weekday,
                nth,
                offset,
            } => {
                let base = if nth < 0 {
                    last_weekday_of_month(year, month, weekday)?
                } else {
                    NaiveDate::from_weekday_of_month_opt(year, month, weekday, nth as u8)?
                };
                base.checked_add_days(Days::new(u64::from(offset)))
            }
        }
    }

    /// The rule in words: `7 dicembre`, `primo martedì di maggio`.
    pub fn describe(&self, lang: Lang) -> String {
        match *self {
            PatronRule::Fixed { month, day } => format!("{day} {}", month_name(month, lang)),
            PatronRule::Nth {
                month,
                weekday,
                nth,
                offset,
            } => {
                // Domenica is the only feminine day name: "la prima domenica", "il primo martedì".
                let feminine = weekday == Weekday::Sun;
                let (ordinal, article) = match (nth, lang, feminine) {
                    (1, Lang::It, false) => ("primo", "il "),
                    (2, Lang::It, false) => ("secondo", "il "),
                    (3, Lang::It, false) => ("terzo", "il "),
                    (4, Lang::It, false) => ("quarto", "il "),
                    (_, Lang::It, false) => ("ultimo", "l'"),
                    (1, Lang::It, true) => ("prima", "la "),
                    (2, Lang::It, true) => ("seconda", "la "),
                    (3, Lang::It, true) => ("terza", "la "),
                    (4, Lang::It, true) => ("quarta", "la "),
                    (_, Lang::It, true) => ("ultima", "l'"),
                    (1, Lang::En, _) => ("first", "the "),
                    (2, Lang::En, _) => ("second", "the "),
                    (3, Lang::En, _) => ("third", "the "),
                    (4, Lang::En, _) => ("fourth", "the "),
                    (_, Lang::En, _) => ("last", "the "),
                };
                let day = weekday_name(weekday, lang);
                let month = month_name(month, lang);
                let counted = match lang {
                    Lang::It => format!("{ordinal} {day} di {month}"),
                    Lang::En => format!("{ordinal} {day} of {month}"),
                };
                match (offset, lang) {
                    (0, _) => counted,
                    (1, Lang::It) => format!("il giorno dopo {article}{counted}"),
                    (1, Lang::En) => format!("the day after {article}{counted}"),
                    (n, Lang::It) => format!("{n} giorni dopo {article}{counted}"),
                    (n, Lang::En) => format!("{n} days after {article}{counted}"),
                }
            }
        }
    }
}

fn last_weekday_of_month(year: i32, month: u32, weekday: Weekday) -> Option<NaiveDate> {
    let first_next = if month == 12 {
        NaiveDate::from_ymd_opt(year + 1, 1, 1)?
    } else {
        NaiveDate::from_ymd_opt(year, month + 1, 1)?
    };
    let last = first_next.pred_opt()?;
    let back = (7 + last.weekday().num_days_from_monday() - weekday.num_days_from_monday()) % 7;
    last.checked_sub_days(Days::new(u64::from(back)))
}

/// Italian or English month name, 1-based.
pub(crate) fn month_name(month: u32, lang: Lang) -> &'static str {
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

fn weekday_name(weekday: Weekday, lang: Lang) -> &'static str {
    const IT: [&str; 7] = [
        "lunedì",
        "martedì",
        "mercoledì",
        "giovedì",
        "venerdì",
        "sabato",
        "domenica",
    ];
    const EN: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    lang.pick(&IT, &EN)[weekday.num_days_from_monday() as usize]
}

/// A comune's patron day: the local closure of the offices there.
#[derive(Debug)]
pub struct Patron {
    /// The comune's id (`sesto-san-giovanni`).
    pub comune_id: String,
    /// The comune's name (`Sesto San Giovanni`).
    pub comune: String,
    /// The region (`Lombardia`).
    pub region: String,
    /// The saint, in Italian (`San Giovanni Battista`).
    pub saint: String,
    /// The saint, in English.
    pub saint_en: String,
    /// When the day falls.
    pub rule: PatronRule,
    /// First year it applies (when the data knows one).
    pub from: Option<i32>,
    /// What fixes the day (`Festa patronale del Comune di …`, or a law).
    pub source: String,
    /// How the day was checked when the data was written.
    pub verified: String,
    /// `San Giovanni Battista, patrono di Sesto San Giovanni`: the holiday's Italian name.
    pub holiday_it: String,
    /// `San Giovanni Battista, patron saint of Sesto San Giovanni`.
    pub holiday_en: String,
    /// Non-working days per year (national + this patron day), built at first use.
    pub(crate) masks: OnceLock<Vec<YearMask>>,
}

impl Patron {
    /// The patron day in `year`, if the rule applies that year.
    pub fn date(&self, year: i32) -> Option<NaiveDate> {
        if self.from.is_some_and(|from| year < from) {
            return None;
        }
        self.rule.date(year)
    }
}

/// An INPS office: a Direzione (provinciale, metropolitana) or an agency.
#[derive(Debug)]
pub struct Sede {
    /// The stable id (`milano-nord`).
    pub id: String,
    /// The office's name as the documents write it (`Milano Nord`).
    pub name: String,
    /// The source document that names the office, when one does.
    pub document: Option<String>,
    pub(crate) patron: usize,
}

/// All sedi and their patrons.
#[derive(Debug)]
pub struct Registry {
    pub(crate) patrons: Vec<Patron>,
    pub(crate) sedi: Vec<Sede>,
}

impl Registry {
    /// The sedi, in the data's order (comuni by region, then agencies).
    pub fn sedi(&'static self) -> impl Iterator<Item = (&'static Sede, &'static Patron)> {
        self.sedi
            .iter()
            .filter_map(|s| Some((s, self.patrons.get(s.patron)?)))
    }

    /// Looks a sede up by id (`milano-nord`) or name (`Milano Nord`, `Forlì`): case, accents,
    /// spaces, underscores and apostrophes are folded to the id's kebab-case.
    pub fn find(&'static self, id_or_name: &str) -> Option<(&'static Sede, &'static Patron)> {
        let key = kebab(id_or_name)?;
        let sede = self.sedi.iter().find(|s| s.id == key)?;
        Some((sede, self.patrons.get(sede.patron)?))
    }
}

/// `"Milano Nord"` → `"milano-nord"`, `"Forlì"` → `"forli"`. `None` for text that cannot be
/// an id (empty, or longer than any sede's name could be).
pub(crate) fn kebab(s: &str) -> Option<String> {
    if s.len() > 64 {
        return None;
    }
    let mut out = String::with_capacity(s.len());
    for c in s.trim().chars() {
        match fold_char(c) {
            Some(a) if a.is_ascii_alphanumeric() => out.push(a.to_ascii_lowercase()),
            _ if c == '-' || c == '_' || c == '\'' || c == '’' || c.is_whitespace() => {
                if !out.is_empty() && !out.ends_with('-') {
                    out.push('-');
                }
            }
            _ => return None,
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    (!out.is_empty()).then_some(out)
}

#[derive(Deserialize)]
struct RawData {
    comuni: Vec<RawComune>,
    agenzie: Vec<RawAgenzia>,
}

#[derive(Deserialize)]
struct RawComune {
    id: String,
    name: String,
    region: String,
    saint: String,
    saint_en: String,
    rule: RawRule,
    #[serde(default)]
    from: Option<i32>,
    source: String,
    verified: String,
}

#[derive(Deserialize)]
struct RawRule {
    month: u32,
    #[serde(default)]
    day: Option<u32>,
    #[serde(default)]
    weekday: Option<String>,
    #[serde(default)]
    nth: Option<i8>,
    #[serde(default)]
    offset: Option<u8>,
}

#[derive(Deserialize)]
struct RawAgenzia {
    id: String,
    name: String,
    comune: String,
    #[serde(default)]
    document: Option<String>,
}

impl RawRule {
    fn parse(&self) -> Option<PatronRule> {
        if !(1..=12).contains(&self.month) {
            return None;
        }
        match (self.day, &self.weekday) {
            (Some(day), None) => {
                // 2024 is a leap year: the day must exist in some year.
                NaiveDate::from_ymd_opt(2024, self.month, day)?;
                Some(PatronRule::Fixed {
                    month: self.month,
                    day,
                })
            }
            (None, Some(w)) => {
                let weekday = match w.as_str() {
                    "mon" => Weekday::Mon,
                    "tue" => Weekday::Tue,
                    "wed" => Weekday::Wed,
                    "thu" => Weekday::Thu,
                    "fri" => Weekday::Fri,
                    "sat" => Weekday::Sat,
                    "sun" => Weekday::Sun,
                    _ => return None,
                };
                let nth = self.nth?;
                let offset = self.offset.unwrap_or(0);
                ((1..=4).contains(&nth) || nth == -1).then_some(())?;
                (offset < 7).then_some(())?;
                Some(PatronRule::Nth {
                    month: self.month,
                    weekday,
                    nth,
                    offset,
                })
            }
            _ => None,
        }
    }
}

/// Parses the data. An entry that does not make sense is reported by name, so that the
/// test over the embedded file says which one to fix.
pub(crate) fn parse(json: &str) -> Result<Registry, String> {
    let raw: RawData = serde_json::from_str(json).map_err(|e| format!("patroni.json: {e}"))?;
    let mut patrons = Vec::with_capacity(raw.comuni.len());
    let mut sedi = Vec::with_capacity(raw.comuni.len() + raw.agenzie.len());
    for c in raw.comuni {
        let rule = c
            .rule
            .parse()
            .ok_or_else(|| format!("patroni.json: the rule of «{}» is not valid", c.id))?;
        if kebab(&c.id).as_deref() != Some(c.id.as_str()) {
            return Err(format!("patroni.json: «{}» is not a kebab-case id", c.id));
        }
        sedi.push(Sede {
            id: c.id.clone(),
            name: c.name.clone(),
            document: None,
            patron: patrons.len(),
        });
        patrons.push(Patron {
            holiday_it: format!("{}, patrono di {}", c.saint, c.name),
            holiday_en: format!("{}, patron saint of {}", c.saint_en, c.name),
            comune_id: c.id,
            comune: c.name,
            region: c.region,
            saint: c.saint,
            saint_en: c.saint_en,
            rule,
            from: c.from,
            source: c.source,
            verified: c.verified,
            masks: OnceLock::new(),
        });
    }
    for a in raw.agenzie {
        let patron = patrons
            .iter()
            .position(|p| p.comune_id == a.comune)
            .ok_or_else(|| {
                format!(
                    "patroni.json: the comune «{}» of «{}» is not listed",
                    a.comune, a.id
                )
            })?;
        if kebab(&a.id).as_deref() != Some(a.id.as_str()) {
            return Err(format!("patroni.json: «{}» is not a kebab-case id", a.id));
        }
        sedi.push(Sede {
            id: a.id,
            name: a.name,
            document: a.document,
            patron,
        });
    }
    for (i, s) in sedi.iter().enumerate() {
        if sedi[..i].iter().any(|t| t.id == s.id) {
            return Err(format!("patroni.json: «{}» is listed twice", s.id));
        }
    }
    Ok(Registry { patrons, sedi })
}

/// The embedded registry. Should the embedded file ever fail to parse (the test suite
/// makes sure it does not), the registry is empty: every sede is then unknown, which the
/// callers report as a finding, rather than a panic.
pub fn registry() -> &'static Registry {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY.get_or_init(|| {
        parse(include_str!("../data/patroni.json")).unwrap_or(Registry {
            patrons: Vec::new(),
            sedi: Vec::new(),
        })
    })
}

/// Parses the embedded data and returns the error, for the test suite.
#[doc(hidden)]
pub fn check_embedded_data() -> Result<(), String> {
    parse(include_str!("../data/patroni.json")).map(|_| ())
}
