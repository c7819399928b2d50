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

/// A request to route, typed: what [`Facts::read`] makes of a form's text, and what the
/// widget builds from the values it already holds (a date is a date, not text to parse
/// back).
#[derive(Clone, Debug)]
pub struct Request {
    /// The profile, when it could be found.
    pub profile: Option<Arc<Profile>>,
    /// The sede, when given and part of the profile.
    pub sede: Option<String>,
    /// The gestione.
    pub gestione: Option<Gestione>,
    /// The kind of request.
    pub kind: Option<Kind>,
    /// The date of sending; without it the latest rules are used.
    pub date: Option<NaiveDate>,
    /// How the earlier request went.
    pub previous: Previous,
    /// The escalation level asked for.
    pub level: Option<Level>,
    /// Whether the request is about accentramento, when the form said so (else the
    /// description tells).
    pub accentramento: Option<bool>,
    /// The contribution period (year, month), when given.
    pub period: Option<(i32, u32)>,
    /// What the request is about, in the user's words (empty when not said).
    pub description: String,
}

impl Request {
    /// The date the rules are read at: the date of sending, else the latest rules.
    pub fn on(&self) -> NaiveDate {
        self.date.unwrap_or_else(latest)
    }
}

/// The date used when none is given: the latest rules of every profile.
pub(crate) fn latest() -> NaiveDate {
    NaiveDate::from_ymd_opt(2100, 1, 1).unwrap_or(NaiveDate::MAX)
}

/// A field's text, trimmed; `None` when missing or blank.
fn blank(s: Option<&str>) -> Option<&str> {
    s.map(str::trim).filter(|s| !s.is_empty())
}

impl Facts {
    /// Reads the facts: the typed request, and a finding for each field that cannot be
    /// understood (in the order of the fields read).
    pub fn read(&self, lang: Lang) -> (Request, Vec<Finding>) {
        let mut read = Reader::new(lang);
        let date = read.date(self.date.as_deref());
        let (profile, sede) = read.place(
            self.profile.as_deref(),
            self.sede.as_deref(),
            date.unwrap_or_else(latest),
        );
        let request = Request {
            profile,
            sede,
            gestione: read.gestione(self.gestione.as_deref()),
            kind: read.kind(self.kind.as_deref()),
            date,
            previous: read.previous(self.previous.as_deref()),
            level: read.level(self.level.as_deref()),
            accentramento: read.accentramento(self.accentramento.as_deref()),
            period: read.period(self.period.as_deref()),
            description: blank(self.description.as_deref())
                .unwrap_or_default()
                .to_string(),
        };
        (request, read.findings)
    }
}

/// The text front door, one field at a time: each reading turns a form's text into the
/// typed value and keeps a finding for what it cannot understand. [`Facts::read`] reads
/// every field; the widget, which holds typed values, reads only those it has as text.
pub struct Reader {
    lang: Lang,
    /// What could not be read, in the order the fields were read.
    pub findings: Vec<Finding>,
}

impl Reader {
    /// A reader whose findings are said in `lang`.
    pub fn new(lang: Lang) -> Reader {
        Reader {
            lang,
            findings: Vec::new(),
        }
    }

    fn say(&mut self, problem: Problem<'_>) {
        self.findings.push(problem.finding(self.lang));
    }

    /// The date of sending, `YYYY-MM-DD` or `DD/MM/YYYY`.
    pub fn date(&mut self, s: Option<&str>) -> Option<NaiveDate> {
        match blank(s) {
            Some(d) => match crate::dates::parse_date(d, FormField::DataInvio, self.lang) {
                Ok(d) => Some(d),
                Err(f) => {
                    self.findings.push(f);
                    None
                }
            },
            None => {
                self.say(Problem::DateMissing);
                None
            }
        }
    }

    /// The profile and the sede, from their ids (the sede may be a name, or a sede of the
    /// national calendar); `date` chooses among a sede's profiles.
    pub fn place(
        &mut self,
        profile: Option<&str>,
        sede: Option<&str>,
        date: NaiveDate,
    ) -> (Option<Arc<Profile>>, Option<String>) {
        let lang = self.lang;
        let findings = &mut self.findings;
        let sede_in = blank(sede);
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
        let named = blank(profile).filter(|id| {
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
                            national_info(findings, Some(s));
                            national()
                        }
                        // A sede instrada has no calendar for (most of Italy's agencies):
                        // the national rules and the national calendar, said plainly.
                        None if crate::text::id_key(s).is_some() => {
                            sede = crate::text::id_key(s);
                            national_info(findings, Some(s));
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
                    national_info(findings, None);
                    national()
                }
            },
        };
        (profile, sede)
    }

    /// A field of a closed list: `missing` said when blank, `unknown` when `parse` does not
    /// understand the text.
    fn field<'s, T>(
        &mut self,
        s: Option<&'s str>,
        missing: Option<Problem<'s>>,
        parse: impl Fn(&str) -> Option<T>,
        unknown: impl Fn(&'s str) -> Problem<'s>,
    ) -> Option<T> {
        let Some(s) = blank(s) else {
            if let Some(p) = missing {
                self.say(p);
            }
            return None;
        };
        let parsed = parse(s);
        if parsed.is_none() {
            self.say(unknown(s));
        }
        parsed
    }

    /// The gestione id (`"aziende-dm"`); missing is a finding too.
    pub fn gestione(&mut self, s: Option<&str>) -> Option<Gestione> {
        let missing = Some(Problem::GestioneMissing);
        self.field(s, missing, Gestione::parse, |gestione| {
            Problem::UnknownGestione { gestione }
        })
    }

    /// The kind of request (`"durc"`); missing is a finding too.
    pub fn kind(&mut self, s: Option<&str>) -> Option<Kind> {
        let missing = Some(Problem::KindMissing);
        self.field(s, missing, Kind::parse, |kind| Problem::UnknownKind {
            kind,
        })
    }

    /// How the earlier request went; none when not said or not understood.
    pub fn previous(&mut self, s: Option<&str>) -> Previous {
        self.field(s, None, Previous::parse, |previous| {
            Problem::UnknownPrevious { previous }
        })
        .unwrap_or(Previous::Nessuna)
    }

    /// The escalation level (`"B"`, `"C"`).
    pub fn level(&mut self, s: Option<&str>) -> Option<Level> {
        self.field(s, None, Level::parse, |level| Problem::UnknownLevel {
            level,
        })
    }

    /// Whether the request is about accentramento (`"true"`/`"false"`, `"si"`/`"no"`).
    pub fn accentramento(&mut self, s: Option<&str>) -> Option<bool> {
        let flag = |s: &str| match crate::text::fold_words(s).as_str() {
            "true" | "si" | "yes" | "1" => Some(true),
            "false" | "no" | "0" => Some(false),
            _ => None,
        };
        self.field(s, None, flag, |value| Problem::UnknownAccentramento {
            value,
        })
    }

    /// The contribution period, `MM/YYYY` or `YYYY-MM`.
    pub fn period(&mut self, s: Option<&str>) -> Option<(i32, u32)> {
        self.field(s, None, parse_period, |period| Problem::UnknownPeriod {
            period,
        })
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
