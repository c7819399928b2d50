//! Reading the facts a form passes: every field is optional text, and what cannot be read
//! becomes a finding that names the field, never a refusal.

use super::messages::Problem;
use crate::field::FormField;
use chrono::NaiveDate;
use serde::Deserialize;
use std::sync::Arc;

use crate::catalog::profile::{self, Gestione, Kind, Level, Previous, Profile};
use crate::finding::{Finding, Lang};

/// The facts a form knows, as the portal passes them: every field is text and optional, so
/// that a wrong value becomes a finding that names the field rather than a refusal.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct Facts {
    /// Profile id (`"milano"`); may be left out when `sede` is given.
    pub profile: Option<String>,
    /// Sede id (`"milano-nord"`): the competent office of the contributor.
    pub sede: Option<String>,
    /// Gestione id (`"aziende-dm"`, `"domestici"`, …).
    pub gestione: Option<String>,
    /// Kind of request (`"comunicazione"`, `"durc"`, `"appuntamento"`, …).
    pub kind: Option<String>,
    /// The date of sending, `YYYY-MM-DD` or `DD/MM/YYYY`.
    pub date: Option<String>,
    /// What the request is about, in the user's words.
    pub description: Option<String>,
    /// How the earlier request went (`"scaduta"` or `"senza-risposta"`, `"non-accolta"`,
    /// `"non-esaustiva"`, …).
    pub previous: Option<String>,
    /// The escalation level asked for (`"B"`, `"C"`).
    pub level: Option<String>,
    /// Whether the request is about accentramento (`"true"`/`"false"`, `"si"`/`"no"`):
    /// Torino 003 §2.5 has an exclusive box for it. Left out: read from the description.
    pub accentramento: Option<String>,
    /// The contribution period the request is about, `MM/YYYY` or `YYYY-MM` (Torino 003
    /// §2.5: the sport e spettacolo box serves periods up to 12/2014).
    pub period: Option<String>,
}

/// The facts once read: what could be understood, and what could not (as findings).
#[derive(Clone, Debug)]
pub struct Resolved {
    /// The profile, when it could be found.
    pub profile: Option<Arc<Profile>>,
    /// The sede, when given and part of the profile.
    pub sede: Option<String>,
    /// The gestione.
    pub gestione: Option<Gestione>,
    /// The kind of request.
    pub kind: Option<Kind>,
    /// The date the rules are read at.
    pub date: NaiveDate,
    /// Whether the date was given (otherwise the latest rules are used).
    pub dated: bool,
    /// How the earlier request went.
    pub previous: Previous,
    /// The escalation level asked for.
    pub level: Option<Level>,
    /// Whether the request is about accentramento, when the form said so.
    pub accentramento: Option<bool>,
    /// The contribution period (year, month), when given.
    pub period: Option<(i32, u32)>,
    /// What could not be read.
    pub findings: Vec<Finding>,
}

/// The date used when none is given: the latest rules of every profile.
pub(crate) fn latest() -> NaiveDate {
    NaiveDate::from_ymd_opt(2100, 1, 1).unwrap_or(NaiveDate::MAX)
}

pub(crate) fn blank(s: &Option<String>) -> Option<&str> {
    s.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

impl Facts {
    /// Reads the facts, collecting a finding for each field that cannot be understood.
    pub fn resolve(&self, lang: Lang) -> Resolved {
        let mut findings = Vec::new();
        let (date, dated) = match blank(&self.date) {
            Some(d) => match crate::dates::parse_date(d, FormField::DataInvio, lang) {
                Ok(d) => (d, true),
                Err(f) => {
                    findings.push(f);
                    (latest(), false)
                }
            },
            None => {
                findings.push(Problem::DateMissing.finding(lang));
                (latest(), false)
            }
        };

        let sede_in = blank(&self.sede);
        let mut sede = sede_in.map(String::from);
        // A sede of the national calendar (any comune's agency): where no territorial
        // profile covers it, the national baseline answers with its calendar.
        let calendar_sede =
            |s: &str| crate::calendar::Calendar::for_sede(s).and_then(|c| c.sede_id());
        let national = || profile::profile(profile::NATIONAL);
        let national_info = |findings: &mut Vec<Finding>, sede: Option<&str>| {
            findings.push(Problem::NationalProfile { sede }.finding(lang));
        };
        // The national baseline named with a sede of a territorial protocol (the widget's
        // default profile, then a sede chosen): the territory's protocol applies.
        let named = blank(&self.profile).filter(|id| {
            let territorial = sede_in.and_then(|s| profile::profile_for_sede(s, date));
            !(profile::profile(id).is_some_and(|p| p.id == profile::NATIONAL)
                && territorial.is_some())
        });
        let profile = match named {
            Some(id) => {
                let p = profile::profile(id);
                if p.is_none() {
                    let known = super::messages::profile_ids();
                    findings.push(Problem::UnknownProfile { id, known: &known }.finding(lang));
                }
                if let (Some(p), Some(s)) = (&p, sede_in) {
                    let chain = crate::routing::chain(p);
                    let own = chain.iter().find_map(|q| q.sede(s)).map(|x| x.id.clone());
                    let territorial = chain.iter().any(|q| !q.sedi.is_empty());
                    match own {
                        Some(id) => sede = Some(id),
                        // A profile without sedi (the national ones) takes any sede of the
                        // calendar.
                        None if !territorial && calendar_sede(s).is_some() => {
                            sede = calendar_sede(s).map(String::from);
                        }
                        None => {
                            findings.push(
                                Problem::SedeNotInProfile {
                                    sede: s,
                                    profile: p,
                                }
                                .finding(lang),
                            );
                            sede = None;
                        }
                    }
                }
                p
            }
            None => match sede_in {
                Some(s) => match profile::profile_for_sede(s, date) {
                    Some(p) => {
                        sede = p.sede(s).map(|x| x.id.clone());
                        Some(p)
                    }
                    None => match calendar_sede(s) {
                        Some(id) => {
                            sede = Some(id.to_string());
                            national_info(&mut findings, Some(s));
                            national()
                        }
                        // A sede instrada has no calendar for (most of Italy's agencies):
                        // the national rules and the national calendar, said plainly.
                        None if crate::text::id_key(s).is_some() => {
                            sede = crate::text::id_key(s);
                            national_info(&mut findings, Some(s));
                            findings.push(Problem::SedeCalendarUnknown { sede: s }.finding(lang));
                            national()
                        }
                        None => {
                            sede = None;
                            findings.push(Problem::UnknownSede { sede: s }.finding(lang));
                            None
                        }
                    },
                },
                None => {
                    national_info(&mut findings, None);
                    national()
                }
            },
        };

        let gestione = match blank(&self.gestione) {
            Some(g) => {
                let parsed = Gestione::parse(g);
                if parsed.is_none() {
                    findings.push(Problem::UnknownGestione { gestione: g }.finding(lang));
                }
                parsed
            }
            None => {
                findings.push(Problem::GestioneMissing.finding(lang));
                None
            }
        };

        let kind = match blank(&self.kind) {
            Some(k) => {
                let parsed = Kind::parse(k);
                if parsed.is_none() {
                    findings.push(Problem::UnknownKind { kind: k }.finding(lang));
                }
                parsed
            }
            None => {
                findings.push(Problem::KindMissing.finding(lang));
                None
            }
        };

        let previous = match blank(&self.previous) {
            Some(s) => Previous::parse(s).unwrap_or_else(|| {
                findings.push(Problem::UnknownPrevious { previous: s }.finding(lang));
                Previous::Nessuna
            }),
            None => Previous::Nessuna,
        };
        let level = blank(&self.level).and_then(|s| {
            let l = Level::parse(s);
            if l.is_none() {
                findings.push(Problem::UnknownLevel { level: s }.finding(lang));
            }
            l
        });

        let accentramento = blank(&self.accentramento).and_then(|s| {
            let b = match crate::text::fold_words(s).as_str() {
                "true" | "si" | "yes" | "1" => Some(true),
                "false" | "no" | "0" => Some(false),
                _ => None,
            };
            if b.is_none() {
                findings.push(Problem::UnknownAccentramento { value: s }.finding(lang));
            }
            b
        });
        let period = blank(&self.period).and_then(|s| {
            let p = parse_period(s);
            if p.is_none() {
                findings.push(Problem::UnknownPeriod { period: s }.finding(lang));
            }
            p
        });

        Resolved {
            profile,
            sede,
            gestione,
            kind,
            date,
            dated,
            previous,
            level,
            accentramento,
            period,
            findings,
        }
    }
}

/// A contribution period, `MM/YYYY` (`12/2014`, `1/2015`) or `YYYY-MM` (`2014-12`).
pub(crate) fn parse_period(s: &str) -> Option<(i32, u32)> {
    let s = s.trim();
    let (y, m) = if let Some((m, y)) = s.split_once('/') {
        (y, m)
    } else {
        s.split_once('-')?
    };
    let digits = |t: &str, n: std::ops::RangeInclusive<usize>| {
        n.contains(&t.len()) && t.bytes().all(|b| b.is_ascii_digit())
    };
    if !digits(y, 4..=4) || !digits(m, 1..=2) {
        return None;
    }
    let (y, m) = (y.parse::<i32>().ok()?, m.parse::<u32>().ok()?);
    ((1..=12).contains(&m) && (1900..=2200).contains(&y)).then_some((y, m))
}
