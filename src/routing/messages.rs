//! The words of routing: every problem the routing reports, and every explanation of a step
//! it cannot give, written here in Italian and English side by side. The rules only say
//! which [`Problem`] they met; this module renders it in the language asked for, and only in
//! that one.

use crate::text::Join;
use chrono::NaiveDate;

use crate::catalog::profile::{self, Gestione, Kind, Previous, Profile};
use crate::dates::clip;
use crate::field::{Field, FormField};
use crate::finding::{Finding, Lang, Severity};

/// What routing met that the form should know, with the data the message needs.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Problem<'a> {
    /// No sending date: the latest rules apply.
    DateMissing,
    /// No territorial protocol: the national baseline answers (`sede`: the one given).
    NationalProfile {
        sede: Option<&'a str>,
    },
    /// No profile with this id; `known`: the ids there are ([`profile_ids`]).
    UnknownProfile {
        id: &'a str,
        known: &'a str,
    },
    /// The sede is not one of the profile's.
    SedeNotInProfile {
        sede: &'a str,
        profile: &'a Profile,
    },
    /// A sede without a calendar of its own.
    SedeCalendarUnknown {
        sede: &'a str,
    },
    /// Neither a sede nor a comune.
    UnknownSede {
        sede: &'a str,
    },
    UnknownGestione {
        gestione: &'a str,
    },
    GestioneMissing,
    UnknownKind {
        kind: &'a str,
    },
    KindMissing,
    UnknownPrevious {
        previous: &'a str,
    },
    UnknownLevel {
        level: &'a str,
    },
    UnknownAccentramento {
        value: &'a str,
    },
    UnknownPeriod {
        period: &'a str,
    },
    /// The profile is not in force at the date: it ended on `ended`, or starts later.
    ProfileNotInForce {
        profile: &'a Profile,
        ended: Option<NaiveDate>,
    },
    /// The protocol names no channel for this kind and gestione.
    NotCovered {
        kind: Kind,
        gestione: Gestione,
    },
    /// Torino's sport e spettacolo box serves periods up to 12/2014 only.
    SportAfter2014 {
        year: i32,
        month: u32,
    },
    /// A request of another kind whose text names an online-only request.
    OnlineOnlyRequest {
        label: &'a str,
        kind: Kind,
    },
    /// A `domanda` found in the online-only list: `declared` when the form said it was not
    /// online (a warning), else an information.
    OnlineListed {
        label: &'a str,
        declared: bool,
    },
    /// A `domanda` matching nothing of the (incomplete) list.
    OnlineListIncomplete {
        r#where: &'a profile::Text,
    },
    /// A mail channel with no address in the document.
    NoAddress,
    /// Several boxes, no sede to choose one.
    PickSede,
}

/// Why a step has no channel (its `why`).
#[derive(Clone, Copy, Debug)]
pub(crate) enum NoChannel<'a> {
    /// The input was not an object.
    Refused,
    /// Profile, gestione or kind are missing or unknown.
    Incomplete,
    /// The protocol names no channel for the case.
    NotCovered {
        profile: &'a Profile,
        kind: Kind,
        gestione: Gestione,
    },
}

/// The notes of a profile that instrada acts on, by their code. Their words are the
/// profile's (`docs/findings.md` lists every built-in note with its example there); what
/// this crate does with them is the rules': the code is named once, here.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ActedNote {
    /// «Non specificato» misused: the review's object check says precisely when.
    GenericObject,
    /// Torino's sport e spettacolo box serves periods up to 12/2014: with the period known,
    /// routing replaces the note with the answer.
    SportSpettacoloPeriod,
    /// The same clause, as a rule's own note: dropped when the period is known.
    SportUntil2014,
    /// An appointment cannot ask for a named official: the review looks for one.
    AppointmentNoNamedOfficial,
    /// Appointments are not for information: the review looks for such a request.
    AppointmentNotForInfo,
}

impl ActedNote {
    /// The note's code in the profiles.
    pub const fn code(self) -> &'static str {
        match self {
            ActedNote::GenericObject => "route.generic-object",
            ActedNote::SportSpettacoloPeriod => "route.sport-spettacolo-period",
            ActedNote::SportUntil2014 => "route.sport-until-2014",
            ActedNote::AppointmentNoNamedOfficial => "route.appointment-no-named-official",
            ActedNote::AppointmentNotForInfo => "route.appointment-not-for-info",
        }
    }

    /// Whether `f` is this note.
    pub fn is(self, f: &Finding) -> bool {
        f.code == self.code()
    }
}

/// Whether `code` is one of the findings that say a request is made online only (or may
/// be): the review then does not say it again for the object.
pub(crate) fn says_online(code: &str) -> bool {
    matches!(
        code,
        "route.online-only-request"
            | "route.online-listed"
            | "route.online-only"
            | "route.online-list-incomplete"
    )
}

impl Problem<'_> {
    /// The stable code.
    pub(crate) fn code(&self) -> &'static str {
        match self {
            Problem::DateMissing => "route.date-missing",
            Problem::NationalProfile { .. } => "route.national-profile",
            Problem::UnknownProfile { .. } => "route.unknown-profile",
            Problem::SedeNotInProfile { .. } => "route.sede-not-in-profile",
            Problem::SedeCalendarUnknown { .. } => "route.sede-calendar-unknown",
            Problem::UnknownSede { .. } => "route.unknown-sede",
            Problem::UnknownGestione { .. } => "route.unknown-gestione",
            Problem::GestioneMissing => "route.gestione-missing",
            Problem::UnknownKind { .. } => "route.unknown-kind",
            Problem::KindMissing => "route.kind-missing",
            Problem::UnknownPrevious { .. } => "route.unknown-previous",
            Problem::UnknownLevel { .. } => "route.unknown-level",
            Problem::UnknownAccentramento { .. } => "route.unknown-accentramento",
            Problem::UnknownPeriod { .. } => "route.unknown-period",
            Problem::ProfileNotInForce { .. } => "route.profile-not-in-force",
            Problem::NotCovered { .. } => "route.not-covered",
            Problem::SportAfter2014 { .. } => "route.sport-spettacolo-after-2014",
            Problem::OnlineOnlyRequest { .. } => "route.online-only-request",
            Problem::OnlineListed {
                declared: false, ..
            } => "route.online-listed",
            Problem::OnlineListed { declared: true, .. } => "route.online-only",
            Problem::OnlineListIncomplete { .. } => "route.online-list-incomplete",
            Problem::NoAddress => "route.no-address",
            Problem::PickSede => "route.pick-sede",
        }
    }

    fn severity(&self) -> Severity {
        match self {
            Problem::UnknownProfile { .. }
            | Problem::SedeNotInProfile { .. }
            | Problem::UnknownSede { .. }
            | Problem::UnknownGestione { .. }
            | Problem::GestioneMissing
            | Problem::UnknownKind { .. }
            | Problem::KindMissing
            | Problem::ProfileNotInForce { .. } => Severity::Error,
            Problem::NationalProfile { .. }
            | Problem::OnlineListed {
                declared: false, ..
            }
            | Problem::OnlineListIncomplete { .. }
            | Problem::PickSede => Severity::Info,
            _ => Severity::Warning,
        }
    }

    /// The form field the finding marks, when it marks one.
    fn field(&self) -> Option<Field> {
        Some(match self {
            Problem::DateMissing | Problem::ProfileNotInForce { .. } => FormField::DataInvio.into(),
            Problem::NationalProfile { .. } | Problem::UnknownProfile { .. } => {
                Field::input("profilo")
            }
            Problem::SedeNotInProfile { .. }
            | Problem::SedeCalendarUnknown { .. }
            | Problem::UnknownSede { .. }
            | Problem::PickSede => FormField::Sede.into(),
            Problem::UnknownGestione { .. } | Problem::GestioneMissing => {
                FormField::Gestione.into()
            }
            Problem::UnknownKind { .. } | Problem::KindMissing => FormField::Tipo.into(),
            Problem::UnknownPrevious { .. } => FormField::EsitoPrecedente.into(),
            Problem::UnknownLevel { .. } => Field::input("livello"),
            Problem::UnknownAccentramento { .. } => Field::input("accentramento"),
            Problem::UnknownPeriod { .. } | Problem::SportAfter2014 { .. } => {
                Field::input("periodo")
            }
            Problem::NoAddress => FormField::Destinatario.into(),
            Problem::NotCovered { .. }
            | Problem::OnlineOnlyRequest { .. }
            | Problem::OnlineListed { .. }
            | Problem::OnlineListIncomplete { .. } => return None,
        })
    }

    /// The finding, in `lang`: code, severity, message and the field it marks. The caller
    /// adds the source.
    pub(crate) fn finding(&self, lang: Lang) -> Finding {
        let f = Finding::new(self.code(), self.severity(), self.message(lang));
        match self.field() {
            Some(field) => f.field(field),
            None => f,
        }
    }

    /// The message, in `lang` only.
    pub(crate) fn message(&self, lang: Lang) -> String {
        use Lang::{En, It};
        match (*self, lang) {
            (Problem::DateMissing, It) => "Indica la data di invio: senza data valgono le regole più recenti di ogni protocollo.".into(),
            (Problem::DateMissing, En) => "Give the sending date: without it the latest rules of each protocol apply.".into(),
            (Problem::NationalProfile { sede: Some(s) }, It) => format!("Nessun protocollo territoriale copre la sede «{}»: valgono le regole nazionali (profilo «nazionale»), senza tempi garantiti né contatti per i solleciti, che sono accordi locali.", clip(s)),
            (Problem::NationalProfile { sede: Some(s) }, En) => format!("No territorial protocol covers the sede “{}”: the national rules apply (profile “nazionale”), without guaranteed times or escalation contacts, which are local agreements.", clip(s)),
            (Problem::NationalProfile { sede: None }, It) => format!("Nessun protocollo territoriale indicato: valgono le regole nazionali (profilo «nazionale»). Per Siena, Emilia Romagna, Milano e Torino scegli il profilo o la sede ({}).", profile_ids()),
            (Problem::NationalProfile { sede: None }, En) => format!("No territorial protocol given: the national rules apply (profile “nazionale”). For Siena, Emilia Romagna, Milano and Torino choose the profile or the sede ({}).", profile_ids()),
            (Problem::UnknownProfile { id, known }, It) => format!("Il profilo «{}» non esiste: scegli uno tra {known}.", clip(id)),
            (Problem::UnknownProfile { id, known }, En) => format!("There is no profile “{}”: choose one of {known}.", clip(id)),
            (Problem::SedeNotInProfile { sede, profile: p }, It) => format!("La sede «{}» non fa parte del profilo {}: scegli una tra {}.", clip(sede), p.id, sede_ids(p)),
            (Problem::SedeNotInProfile { sede, profile: p }, En) => format!("The sede “{}” is not part of the profile {}: choose one of {}.", clip(sede), p.id, sede_ids(p)),
            (Problem::SedeCalendarUnknown { sede }, It) => format!("instrada non conosce la festa del patrono della sede «{}»: le date si contano con il calendario nazionale. Controlla il nome della sede.", clip(sede)),
            (Problem::SedeCalendarUnknown { sede }, En) => format!("instrada does not know the patron day of the sede “{}”: dates are counted on the national calendar. Check the sede's name.", clip(sede)),
            (Problem::UnknownSede { sede }, It) => format!("«{}» non è una sede conosciuta: scrivi il nome del comune o della sede (per esempio «Milano Nord», «Napoli») o scegli il profilo.", clip(sede)),
            (Problem::UnknownSede { sede }, En) => format!("“{}” is not a known sede: write the name of the comune or the office (for example “Milano Nord”, “Napoli”) or choose the profile.", clip(sede)),
            (Problem::UnknownGestione { gestione }, It) => format!("La gestione «{}» non è tra quelle previste: usa una tra {}.", clip(gestione), gestione_ids()),
            (Problem::UnknownGestione { gestione }, En) => format!("The gestione “{}” is not a known one: use one of {}.", clip(gestione), gestione_ids()),
            (Problem::GestioneMissing, It) => "Scegli la gestione previdenziale del contribuente (ad esempio aziende con dipendenti, lavoratori domestici).".into(),
            (Problem::GestioneMissing, En) => "Choose the contributor's gestione (for example employers with employees, domestic employers).".into(),
            (Problem::UnknownKind { kind }, It) => format!("Il tipo di richiesta «{}» non è tra quelli previsti: usa uno tra {}.", clip(kind), kind_ids()),
            (Problem::UnknownKind { kind }, En) => format!("The kind of request “{}” is not a known one: use one of {}.", clip(kind), kind_ids()),
            (Problem::KindMissing, It) => "Scegli il tipo di richiesta (ad esempio comunicazione, sollecito, DURC, appuntamento).".into(),
            (Problem::KindMissing, En) => "Choose the kind of request (for example communication, reminder, DURC, appointment).".into(),
            (Problem::UnknownPrevious { previous }, It) => format!("L'esito della richiesta precedente «{}» non è tra quelli previsti ({}): è stato ignorato.", clip(previous), previous_ids()),
            (Problem::UnknownPrevious { previous }, En) => format!("The earlier request's outcome “{}” is not a known one ({}): it was ignored.", clip(previous), previous_ids()),
            (Problem::UnknownLevel { level }, It) => format!("Il livello «{}» non esiste: i livelli di sollecito sono B e C; è stato ignorato.", clip(level)),
            (Problem::UnknownLevel { level }, En) => format!("There is no level “{}”: escalation levels are B and C; it was ignored.", clip(level)),
            (Problem::UnknownAccentramento { value }, It) => format!("«accentramento» vale true o false, non «{}»: è stato ignorato e la richiesta è letta dalla descrizione.", clip(value)),
            (Problem::UnknownAccentramento { value }, En) => format!("“accentramento” is true or false, not “{}”: it was ignored and the request is read from the description.", clip(value)),
            (Problem::UnknownPeriod { period }, It) => format!("Il periodo contributivo «{}» non è leggibile: scrivilo come MM/AAAA (12/2014) o AAAA-MM (2014-12).", clip(period)),
            (Problem::UnknownPeriod { period }, En) => format!("The contribution period “{}” cannot be read: write it as MM/YYYY (12/2014) or YYYY-MM (2014-12).", clip(period)),
            (Problem::ProfileNotInForce { profile: p, ended: Some(u) }, It) => format!("Il protocollo «{}» non è più in vigore dal {}: scegli il profilo valido alla data.", p.name.get(It), crate::dates::it(u)),
            (Problem::ProfileNotInForce { profile: p, ended: Some(u) }, En) => format!("The protocol “{}” is no longer in force since {}: choose the profile valid at the date.", p.name.get(En), crate::dates::iso(u)),
            (Problem::ProfileNotInForce { profile: p, ended: None }, It) => format!("Il protocollo «{}» si applica dal {}: per una data precedente scegli un altro profilo.", p.name.get(It), crate::dates::it(p.effective.from)),
            (Problem::ProfileNotInForce { profile: p, ended: None }, En) => format!("The protocol “{}” applies from {}: for an earlier date choose another profile.", p.name.get(En), crate::dates::iso(p.effective.from)),
            (Problem::NotCovered { kind, gestione }, It) => format!("Il protocollo non prevede un canale per {} di {}.", kind.label(It), gestione.label(It)),
            (Problem::NotCovered { kind, gestione }, En) => format!("The protocol names no channel for a {} of {}.", kind.label(En), gestione.label(En)),
            (Problem::SportAfter2014 { year: y, month: m }, It) => format!("Il protocollo indica una casella per la Gestione lavoratori dello sport e dello spettacolo solo «per periodi contributivi fino al 12/2014 (circ. 154 del 3/12/2014)»: per il periodo {m:02}/{y} il documento non indica un canale. Chiedi alla sede competente."),
            (Problem::SportAfter2014 { year: y, month: m }, En) => format!("The protocol names a box for sport and entertainment only “per periodi contributivi fino al 12/2014 (circ. 154 del 3/12/2014)”: for the period {m:02}/{y} the document names no channel. Ask the competent office."),
            (Problem::OnlineOnlyRequest { label, kind }, It) => format!("«{label}» è tra le domande che l'INPS ha telematizzato in via esclusiva (L. 122/2010): la domanda si presenta solo dai servizi online di www.inps.it, qualunque sia il tipo di richiesta scelto. Con {} invia solo ciò che non è la domanda stessa (documenti, chiarimenti, solleciti su una domanda già presentata).", kind.label(It)),
            (Problem::OnlineOnlyRequest { label, kind }, En) => format!("“{label}” is among the requests INPS made online-only (L. 122/2010): the request itself is submitted only through the online services of www.inps.it, whatever kind of request was chosen. As a {} send only what is not the request itself (documents, clarifications, reminders about a request already submitted).", kind.label(En)),
            (Problem::OnlineListed { label, .. }, It) => format!("«{label}» è tra le domande che l'INPS ha telematizzato in via esclusiva (L. 122/2010): presentala solo dai servizi online di www.inps.it, non via PEC o e-mail."),
            (Problem::OnlineListed { label, .. }, En) => format!("“{label}” is among the requests INPS made online-only (L. 122/2010): submit it only through the online services of www.inps.it, not by PEC or e-mail."),
            (Problem::OnlineListIncomplete { r#where }, It) => format!("La descrizione non corrisponde a nessuna domanda telematizzata elencata nel protocollo; l'elenco non è completo: prima di inviarla via PEC verifica su {} che non esista il servizio online.", r#where.get(It)),
            (Problem::OnlineListIncomplete { r#where }, En) => format!("The description matches none of the online-only requests listed in the protocol; the list is not complete: before sending it by PEC check at {} that there is no online service.", r#where.get(En)),
            (Problem::NoAddress, It) => "Il documento non riporta l'indirizzo da usare in questo caso: chiedilo alla sede competente e verificalo nell'elenco pubblicato dall'INPS.".into(),
            (Problem::NoAddress, En) => "The document does not give the address to use in this case: ask the competent office and check it in INPS's published list.".into(),
            (Problem::PickSede, It) => "Scrivi alla casella della sede competente per il territorio del contribuente: indica la sede per avere un solo indirizzo.".into(),
            (Problem::PickSede, En) => "Write to the box of the office competent for the contributor's territory: give the sede to get one address.".into(),
        }
    }
}

impl NoChannel<'_> {
    /// The step's `why`, in `lang` only.
    pub(crate) fn why(&self, lang: Lang) -> String {
        use Lang::{En, It};
        match (*self, lang) {
            (NoChannel::Refused, It) => "Passa i dati della richiesta come oggetto.".into(),
            (NoChannel::Refused, En) => "Pass the request's data as an object.".into(),
            (NoChannel::Incomplete, It) => "Completa i dati richiesti per sapere quale canale usare.".into(),
            (NoChannel::Incomplete, En) => "Complete the required data to know which channel to use.".into(),
            (NoChannel::NotCovered { profile: p, kind, gestione }, It) => format!("Il protocollo «{}» non indica un canale per {} ({}): chiedi alla sede competente o al tuo Ordine.", p.name.get(It), kind.label(It), gestione.label(It)),
            (NoChannel::NotCovered { profile: p, kind, gestione }, En) => format!("The protocol “{}” names no channel for {} ({}): ask the competent office or your Ordine.", p.name.get(En), kind.label(En), gestione.label(En)),
        }
    }
}

/// One example finding for every code routing can emit, with realistic data: the list of
/// codes portals program against (`docs/findings.md`).
pub fn examples(lang: Lang) -> Vec<Finding> {
    let torino = profile::profile("torino");
    let milano = profile::profile("milano");
    let mut out = vec![
        Problem::DateMissing,
        Problem::NationalProfile { sede: Some("Bari") },
        // The built-in ids, whatever a portal has loaded in this run.
        Problem::UnknownProfile {
            id: "Tornio",
            known: "siena, emilia-romagna, milano, torino, nazionale-gdp, nazionale",
        },
    ];
    if let Some(p) = &torino {
        out.push(Problem::SedeNotInProfile {
            sede: "milano-nord",
            profile: p,
        });
    }
    out.extend([
        Problem::SedeCalendarUnknown {
            sede: "Roccacannuccia",
        },
        Problem::UnknownSede { sede: "Atlantide" },
        Problem::UnknownGestione {
            gestione: "marziani",
        },
        Problem::GestioneMissing,
        Problem::UnknownKind { kind: "lettera" },
        Problem::KindMissing,
        Problem::UnknownPrevious { previous: "forse" },
        Problem::UnknownLevel { level: "D" },
        Problem::UnknownAccentramento { value: "boh" },
        Problem::UnknownPeriod { period: "dicembre" },
    ]);
    if let Some(p) = &milano {
        out.push(Problem::ProfileNotInForce {
            profile: p,
            ended: None,
        });
    }
    out.extend([
        Problem::NotCovered {
            kind: Kind::QuesitoNormativo,
            gestione: Gestione::Domestici,
        },
        Problem::SportAfter2014 {
            year: 2016,
            month: 3,
        },
        Problem::OnlineOnlyRequest {
            label: "Assegno per il nucleo familiare",
            kind: Kind::Comunicazione,
        },
        Problem::OnlineListed {
            label: "Assegno per il nucleo familiare",
            declared: false,
        },
        Problem::OnlineListed {
            label: "Assegno per il nucleo familiare",
            declared: true,
        },
    ]);
    if let Some(o) = milano.as_ref().and_then(|p| p.online_only.as_ref()) {
        out.push(Problem::OnlineListIncomplete {
            r#where: &o.r#where,
        });
    }
    out.extend([Problem::NoAddress, Problem::PickSede]);
    out.iter().map(|p| p.finding(lang)).collect()
}

/// The ids of every profile, the built-in ones and those the portal loaded: `a, b, c`.
pub(super) fn profile_ids() -> String {
    join(profile::profiles().iter().map(|p| p.id.as_str()))
}

fn sede_ids(p: &Profile) -> String {
    join(p.sedi.iter().map(|s| s.id.as_str()))
}

fn gestione_ids() -> String {
    join(Gestione::ALL.iter().map(|g| g.id()))
}

fn previous_ids() -> String {
    join(Previous::ALL.iter().map(|p| p.id()))
}

fn kind_ids() -> String {
    join(Kind::ALL.iter().map(|k| k.id()))
}

/// `a, b, c`.
fn join<'a>(ids: impl Iterator<Item = &'a str>) -> String {
    ids.collect::<Vec<_>>().joined(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_online_codes_are_those_of_the_online_problems() {
        let online: Vec<&str> = examples(Lang::It)
            .iter()
            .map(|f| f.code)
            .filter(|c| says_online(c))
            .collect();
        assert_eq!(
            online,
            [
                "route.online-only-request",
                "route.online-listed",
                "route.online-only",
                "route.online-list-incomplete"
            ]
        );
    }

    #[test]
    fn every_acted_note_is_a_note_of_a_built_in_profile() {
        for note in [
            ActedNote::GenericObject,
            ActedNote::SportSpettacoloPeriod,
            ActedNote::SportUntil2014,
            ActedNote::AppointmentNoNamedOfficial,
            ActedNote::AppointmentNotForInfo,
        ] {
            assert!(
                profile::profiles().iter().any(|p| p
                    .notes
                    .iter()
                    .chain(p.rules.iter().flat_map(|r| &r.notes))
                    .any(|n| n.code == note.code())),
                "{note:?}"
            );
        }
    }
}
