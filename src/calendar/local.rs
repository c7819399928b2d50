//! Local closures: the patron saint's day of the comune where an office is, and the INPS
//! sedi known to instrada. The data is `src/data/patroni.json`: `build.rs` writes it into the
//! module as statics (`build/patroni.rs`), turned into the registry once, at first use;
//! [`check_embedded_data`] reads the file as written, validates it and checks that the statics
//! say the same.
//!
//! A sede's id is the lowercase ASCII kebab-case of the office's name (`milano-nord`,
//! `sesto-san-giovanni`, `forli`): the contract with the protocol profiles. Every comune in
//! the data is a sede; the agencies inside a city (`milano-nord`, `torino-nord`, …) are sedi
//! with the city's patron day.

use std::sync::OnceLock;

use chrono::{Datelike, Days, NaiveDate, Weekday};

use crate::finding::Lang;
use crate::json::{self, Fail, Fields, Json};

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
        super::messages::patron_day(self, lang)
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
    /// What fixes the day (`Festa patronale del Comune di …`, or a law). (How the day was
    /// checked is the file's `verified` note, for the people who keep the data.)
    pub source: String,
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

/// The shared normaliser of sede and profile ids ([`crate::text::id_key`]).
pub(crate) fn kebab(s: &str) -> Option<String> {
    crate::text::id_key(s)
}

/// `patroni.json` as written (read by hand: see `catalog::titolario::json` for why).
struct RawData {
    comuni: Vec<RawComune>,
    agenzie: Vec<RawAgenzia>,
}

struct RawComune {
    id: String,
    name: String,
    region: String,
    saint: String,
    saint_en: String,
    rule: RawRule,
    from: Option<i32>,
    source: String,
    verified: String,
}

struct RawRule {
    month: u32,
    day: Option<u32>,
    weekday: Option<String>,
    nth: Option<i8>,
    offset: Option<u8>,
}

struct RawAgenzia {
    id: String,
    name: String,
    comune: String,
    document: Option<String>,
}

impl RawData {
    /// The fields the registry uses; others (`about`) are ignored.
    fn read(v: &Json) -> Result<RawData, Fail> {
        let mut f = Fields::of(v, String::new())?;
        let comuni = f.list("comuni", true)?;
        let agenzie = f.list("agenzie", true)?;
        // Plain loops, not `collect::<Result<_, _>>()`: the same first error, without an
        // iterator adapter compiled for each list (issue 15).
        let mut raw = RawData {
            comuni: Vec::with_capacity(comuni.len()),
            agenzie: Vec::with_capacity(agenzie.len()),
        };
        for (i, c) in comuni.iter().enumerate() {
            raw.comuni.push(RawComune::read(c, f.item("comuni", i))?);
        }
        for (i, a) in agenzie.iter().enumerate() {
            raw.agenzie.push(RawAgenzia::read(a, f.item("agenzie", i))?);
        }
        Ok(raw)
    }
}

impl RawComune {
    fn read(v: &Json, at: String) -> Result<RawComune, Fail> {
        let mut f = Fields::of(v, at)?;
        let rule = f.get("rule").ok_or_else(|| f.missing("rule"))?;
        Ok(RawComune {
            id: f.str("id")?,
            name: f.str("name")?,
            region: f.str("region")?,
            saint: f.str("saint")?,
            saint_en: f.str("saint_en")?,
            rule: RawRule::read(rule, f.sub("rule"))?,
            from: small(&mut f, "from")?,
            source: f.str("source")?,
            verified: f.str("verified")?,
        })
    }
}

impl RawAgenzia {
    fn read(v: &Json, at: String) -> Result<RawAgenzia, Fail> {
        let mut f = Fields::of(v, at)?;
        Ok(RawAgenzia {
            id: f.str("id")?,
            name: f.str("name")?,
            comune: f.str("comune")?,
            document: f.opt_str("document")?,
        })
    }
}

/// An optional whole number that must fit `T` (`i32`, `u32`, `i8`, `u8`).
fn small<T: TryFrom<i64>>(f: &mut Fields<'_>, key: &'static str) -> Result<Option<T>, Fail> {
    match f.opt_i64(key)? {
        None => Ok(None),
        Some(n) => T::try_from(n)
            .map(Some)
            .map_err(|_| (f.path(key), crate::json::Reason::OutOfRange(n))),
    }
}

impl RawRule {
    fn read(v: &Json, at: String) -> Result<RawRule, Fail> {
        let mut f = Fields::of(v, at)?;
        Ok(RawRule {
            month: small(&mut f, "month")?.ok_or_else(|| f.missing("month"))?,
            day: small(&mut f, "day")?,
            weekday: f.opt_str("weekday")?,
            nth: small(&mut f, "nth")?,
            offset: small(&mut f, "offset")?,
        })
    }

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
    let value = json::parse(json).map_err(|e| format!("patroni.json: {e}"))?;
    let raw = RawData::read(&value)
        .map_err(|(field, reason)| format!("patroni.json: field `{field}`: {reason}"))?;
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
        if c.source.trim().is_empty() || c.verified.trim().is_empty() {
            return Err(format!(
                "patroni.json: «{}» must say what fixes its day (`source`) and how that was \
                 verified (`verified`)",
                c.id
            ));
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

/// A comune of `patroni.json` as `build.rs` writes it (`OUT_DIR/patroni.rs`).
struct Comune {
    id: &'static str,
    name: &'static str,
    region: &'static str,
    saint: &'static str,
    saint_en: &'static str,
    rule: PatronRule,
    from: Option<i32>,
    source: &'static str,
}

/// An agency of `patroni.json` as `build.rs` writes it.
struct Agenzia {
    id: &'static str,
    name: &'static str,
    comune: &'static str,
    document: Option<&'static str>,
}

include!(concat!(env!("OUT_DIR"), "/patroni.rs"));

/// The registry the module carries: the statics of `build.rs`, in the file's order. An
/// agency whose comune is missing (the test over the file makes sure none is) is left out,
/// and is then an unknown sede, which the callers report as a finding, rather than a panic.
pub fn registry() -> &'static Registry {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY.get_or_init(|| {
        let mut patrons = Vec::with_capacity(COMUNI.len());
        let mut sedi = Vec::with_capacity(COMUNI.len() + AGENZIE.len());
        for (i, c) in COMUNI.iter().enumerate() {
            sedi.push(Sede {
                id: c.id.to_string(),
                name: c.name.to_string(),
                document: None,
                patron: i,
            });
            patrons.push(Patron {
                holiday_it: format!("{}, patrono di {}", c.saint, c.name),
                holiday_en: format!("{}, patron saint of {}", c.saint_en, c.name),
                comune_id: c.id.to_string(),
                comune: c.name.to_string(),
                region: c.region.to_string(),
                saint: c.saint.to_string(),
                saint_en: c.saint_en.to_string(),
                rule: c.rule,
                from: c.from,
                source: c.source.to_string(),
                masks: OnceLock::new(),
            });
        }
        for a in &AGENZIE {
            if let Some(patron) = COMUNI.iter().position(|c| c.id == a.comune) {
                sedi.push(Sede {
                    id: a.id.to_string(),
                    name: a.name.to_string(),
                    document: a.document.map(str::to_string),
                    patron,
                });
            }
        }
        Registry { patrons, sedi }
    })
}

/// Reads `src/data/patroni.json` as written, validates it, and checks that the module's
/// registry (the statics of `build.rs`) is what it says, sede by sede and field by field;
/// returns the first difference, for the test suite.
#[doc(hidden)]
pub fn check_embedded_data() -> Result<(), String> {
    let file = parse(include_str!("../data/patroni.json"))?;
    let module = registry();
    if file.sedi.len() != module.sedi.len() {
        return Err(format!(
            "the module has {} sedi, patroni.json {}",
            module.sedi.len(),
            file.sedi.len()
        ));
    }
    for (f, m) in file.sedi.iter().zip(&module.sedi) {
        let (fp, mp) = (&file.patrons[f.patron], &module.patrons[m.patron]);
        let same = f.id == m.id
            && f.name == m.name
            && f.document == m.document
            && fp.comune_id == mp.comune_id
            && fp.comune == mp.comune
            && fp.region == mp.region
            && fp.saint == mp.saint
            && fp.saint_en == mp.saint_en
            && fp.rule == mp.rule
            && fp.from == mp.from
            && fp.source == mp.source
            && fp.holiday_it == mp.holiday_it
            && fp.holiday_en == mp.holiday_en;
        if !same {
            return Err(format!(
                "the module's sede «{}» is not the one of patroni.json:\n\
                 {m:?} {mp:?}\n{f:?} {fp:?}",
                m.id
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ONE: &str = r#"{"about": "x", "comuni": [{"id": "siena", "name": "Siena", "region": "Toscana",
        "saint": "Sant'Ansano", "saint_en": "Saint Ansanus", "rule": {"month": 12, "day": 1},
        "source": "s", "verified": "v"}], "agenzie": []}"#;

    #[test]
    fn a_broken_file_names_the_field_and_the_reason() {
        assert!(parse(ONE).is_ok(), "{:?}", parse(ONE).err());
        // (what to replace, with what, words of the error)
        for (from, to, error) in [
            (
                r#""day": 1"#,
                r#""day": "1""#,
                "comuni[0].rule.day`: expected a whole number",
            ),
            (
                r#""month": 12"#,
                r#""month": -12"#,
                "comuni[0].rule.month`: -12 is out of range",
            ),
            (
                r#""month": 12, "#,
                "",
                "comuni[0].rule.month`: missing field `month`",
            ),
            (
                r#""saint": "Sant'Ansano", "#,
                "",
                "comuni[0].saint`: missing field `saint`",
            ),
            (
                r#""name": "Siena""#,
                r#""name": null"#,
                "missing field `name`",
            ),
            (
                r#""agenzie": []"#,
                r#""agenzie": {}"#,
                "agenzie`: expected a list",
            ),
            (
                r#""agenzie": []"#,
                r#""agenzie": [7]"#,
                "agenzie[0]`: expected an object",
            ),
            (
                r#""day": 1"#,
                r#""day": 32"#,
                "the rule of «siena» is not valid",
            ),
            (
                r#""id": "siena""#,
                r#""id": "Siena""#,
                "not a kebab-case id",
            ),
            (r#"}], "agenzie""#, r#"}, "agenzie""#, "line 3"),
        ] {
            assert!(ONE.contains(from), "test setup: {from}");
            let e = parse(&ONE.replacen(from, to, 1)).err().unwrap_or_default();
            assert!(e.starts_with("patroni.json: "), "{to}: {e}");
            assert!(e.contains(error), "{to}: {e}");
        }
    }
}
