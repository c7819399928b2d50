//! Reading the facts a form passes: every field is optional text, and what cannot be read
//! becomes a finding that names the field, never a refusal.

use chrono::NaiveDate;
use serde::Deserialize;

use crate::catalog::profile::{self, Gestione, Kind, Level, Previous, Profile};
use crate::dates::clip;
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
}

/// The facts once read: what could be understood, and what could not (as findings).
#[derive(Clone, Debug)]
pub struct Resolved {
    /// The profile, when it could be found.
    pub profile: Option<&'static Profile>,
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
            Some(d) => match crate::dates::parse_date(d, "data", lang) {
                Ok(d) => (d, true),
                Err(f) => {
                    findings.push(f);
                    (latest(), false)
                }
            },
            None => {
                findings.push(
                    Finding::warning(
                        "route.date-missing",
                        lang.pick(
                            "Indica la data di invio: senza data valgono le regole più recenti di ogni protocollo.",
                            "Give the sending date: without it the latest rules of each protocol apply.",
                        ),
                    )
                    .field("data"),
                );
                (latest(), false)
            }
        };

        let sede_lower = blank(&self.sede).map(str::to_ascii_lowercase);
        let sede_in = sede_lower.as_deref();
        let mut sede = sede_in.map(String::from);
        let profile_lower = blank(&self.profile).map(str::to_ascii_lowercase);
        let profile = match profile_lower.as_deref() {
            Some(id) => {
                let p = profile::profile(id);
                if p.is_none() {
                    findings.push(
                        Finding::error(
                            "route.unknown-profile",
                            lang.pick(
                                format!(
                                    "Il profilo «{}» non esiste: scegli uno tra {}.",
                                    clip(id),
                                    profile_ids()
                                ),
                                format!(
                                    "There is no profile “{}”: choose one of {}.",
                                    clip(id),
                                    profile_ids()
                                ),
                            ),
                        )
                        .field("profilo"),
                    );
                }
                if let (Some(p), Some(s)) = (p, sede_in) {
                    if p.sede(s).is_none() {
                        findings.push(
                            Finding::error(
                                "route.sede-not-in-profile",
                                lang.pick(
                                    format!("La sede «{}» non fa parte del profilo {}: scegli una tra {}.", clip(s), p.id, sede_ids(p)),
                                    format!("The sede “{}” is not part of the profile {}: choose one of {}.", clip(s), p.id, sede_ids(p)),
                                ),
                            )
                            .field("sede"),
                        );
                        sede = None;
                    }
                }
                p
            }
            None => match sede_in {
                Some(s) => {
                    let p = profile::profile_for_sede(s, date);
                    if p.is_none() {
                        sede = None;
                        findings.push(
                            Finding::error(
                                "route.unknown-sede",
                                lang.pick(
                                    format!("Nessun protocollo in vigore alla data copre la sede «{}»: scegli il profilo o una sede tra quelle elencate.", clip(s)),
                                    format!("No protocol in force at the date covers the sede “{}”: choose the profile or a listed sede.", clip(s)),
                                ),
                            )
                            .field("sede"),
                        );
                    }
                    p
                }
                None => {
                    findings.push(
                        Finding::error(
                            "route.profile-missing",
                            lang.pick(
                                format!("Scegli il protocollo del territorio (profilo) o la sede competente: profili disponibili {}.", profile_ids()),
                                format!("Choose the territory's protocol (profile) or the competent sede: available profiles {}.", profile_ids()),
                            ),
                        )
                        .field("profilo"),
                    );
                    None
                }
            },
        };

        let gestione = match blank(&self.gestione) {
            Some(g) => {
                let parsed = Gestione::parse(g);
                if parsed.is_none() {
                    findings.push(
                        Finding::error(
                            "route.unknown-gestione",
                            lang.pick(
                                format!(
                                    "La gestione «{}» non è tra quelle previste: usa una tra {}.",
                                    clip(g),
                                    gestione_ids()
                                ),
                                format!(
                                    "The gestione “{}” is not a known one: use one of {}.",
                                    clip(g),
                                    gestione_ids()
                                ),
                            ),
                        )
                        .field("gestione"),
                    );
                }
                parsed
            }
            None => {
                findings.push(
                    Finding::error(
                        "route.gestione-missing",
                        lang.pick(
                            "Scegli la gestione previdenziale del contribuente (ad esempio aziende con dipendenti, lavoratori domestici).",
                            "Choose the contributor's gestione (for example employers with employees, domestic employers).",
                        ),
                    )
                    .field("gestione"),
                );
                None
            }
        };

        let kind = match blank(&self.kind) {
            Some(k) => {
                let parsed = Kind::parse(k);
                if parsed.is_none() {
                    findings.push(
                        Finding::error(
                            "route.unknown-kind",
                            lang.pick(
                                format!("Il tipo di richiesta «{}» non è tra quelli previsti: usa uno tra {}.", clip(k), kind_ids()),
                                format!("The kind of request “{}” is not a known one: use one of {}.", clip(k), kind_ids()),
                            ),
                        )
                        .field("tipo"),
                    );
                }
                parsed
            }
            None => {
                findings.push(
                    Finding::error(
                        "route.kind-missing",
                        lang.pick(
                            "Scegli il tipo di richiesta (ad esempio comunicazione, sollecito, DURC, appuntamento).",
                            "Choose the kind of request (for example communication, reminder, DURC, appointment).",
                        ),
                    )
                    .field("tipo"),
                );
                None
            }
        };

        let previous = match blank(&self.previous) {
            Some(s) => Previous::parse(s).unwrap_or_else(|| {
                findings.push(
                    Finding::warning(
                        "route.unknown-previous",
                        lang.pick(
                            format!("L'esito della richiesta precedente «{}» non è tra quelli previsti ({}): è stato ignorato.", clip(s), previous_ids()),
                            format!("The earlier request's outcome “{}” is not a known one ({}): it was ignored.", clip(s), previous_ids()),
                        ),
                    )
                    .field("esito-precedente"),
                );
                Previous::Nessuna
            }),
            None => Previous::Nessuna,
        };
        let level = blank(&self.level).and_then(|s| {
            let l = Level::parse(s);
            if l.is_none() {
                findings.push(
                    Finding::warning(
                        "route.unknown-level",
                        lang.pick(
                            format!("Il livello «{}» non esiste: i livelli di sollecito sono B e C; è stato ignorato.", clip(s)),
                            format!("There is no level “{}”: escalation levels are B and C; it was ignored.", clip(s)),
                        ),
                    )
                    .field("livello"),
                );
            }
            l
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
            findings,
        }
    }
}

fn profile_ids() -> String {
    profile::profiles()
        .iter()
        .map(|p| p.id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn sede_ids(p: &Profile) -> String {
    p.sedi
        .iter()
        .map(|s| s.id.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

fn gestione_ids() -> String {
    Gestione::ALL
        .iter()
        .map(|g| g.id())
        .collect::<Vec<_>>()
        .join(", ")
}

fn previous_ids() -> String {
    Previous::ALL
        .iter()
        .map(|p| p.id())
        .collect::<Vec<_>>()
        .join(", ")
}

fn kind_ids() -> String {
    Kind::ALL
        .iter()
        .map(|k| k.id())
        .collect::<Vec<_>>()
        .join(", ")
}
