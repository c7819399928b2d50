//! Appointments and escalations: what they must carry. Torino §3.1 lists the booking data
//! (the company's codice fiscale as requester, the contributor's identifiers, the gestione,
//! the object with the act's identifiers); Siena, ER and Milano §3.1 ask for a detailed
//! description, and Milano §3.1 forbids asking for a named official. Escalations are not
//! handled without the data that identify the unanswered communication (Milano §2 D,
//! Torino §2.6 D).

use super::messages::Problem;
use crate::catalog::profile::{BookingPart, Gestione, Requirement};
use crate::finding::{Finding, Lang, Source};
use crate::review::subject::{has_word, ids};
use crate::routing::messages::ActedNote;
use crate::text::fold_words;

/// Fewer words than this is not "in detail".
pub const MIN_DETAIL_WORDS: usize = 15;

/// Whether the description names an act or a period: a number of 4 or more digits (a
/// cartella, an avviso, a year), or a month.
pub fn has_act_identifier(padded: &str) -> bool {
    padded
        .split(' ')
        .any(|w| w.bytes().filter(u8::is_ascii_digit).count() >= 4)
        || (1..=12).any(|m| has_word(padded, crate::dates::month_name(m, Lang::It)))
}

/// Phrases that ask for a named official.
const NAMED: [&str; 12] = [
    "con il dott",
    "con la dott",
    "con il dottor",
    "con la dottoressa",
    "con il sig",
    "con la sig",
    "con il signor",
    "con la signora",
    "con il funzionario",
    "con la funzionaria",
    "stesso funzionario",
    "stessa funzionaria",
];

/// Words of things that are not for an appointment (Milano §3.1, Torino §3.1).
const NOT_FOR_APPOINTMENT: [&str; 4] = [
    "sollecit*",
    "malfunzionament*",
    "non funziona",
    "errore del programma",
];

/// What the appointment checks need.
pub struct Appointment<'a> {
    /// The description (free text).
    pub description: &'a str,
    /// The draft's codice fiscale.
    pub cf: Option<&'a str>,
    /// The draft's matricola.
    pub matricola: Option<&'a str>,
    /// The gestione.
    pub gestione: Option<Gestione>,
    /// What the booking must hold (from the rule).
    pub booking: &'a [BookingPart],
    /// Codes of the notes of the chosen rule (they switch checks on).
    pub notes: &'a [&'a str],
    /// The rule's source.
    pub source: Option<Source>,
}

/// Checks an appointment request.
pub fn appointment(a: &Appointment, lang: Lang) -> Vec<Finding> {
    let mut out = Vec::new();
    let padded = format!(" {} ", fold_words(a.description));
    let words = padded.split(' ').filter(|w| w.len() >= 2).count();
    let src = |f: Finding| match &a.source {
        Some(s) => f.source(s.clone()),
        None => f,
    };
    let needs_detail = a.booking.contains(&BookingPart::Dettaglio)
        || a.booking.contains(&BookingPart::AttoEOggetto);
    if needs_detail && words < MIN_DETAIL_WORDS {
        out.push(src(Problem::AppointmentVague { words }.finding(lang)));
    }
    let cf_given = a.cf.is_some_and(|c| !c.trim().is_empty()) || !ids(a.description).cf.is_empty();
    if (a.booking.contains(&BookingPart::Richiedente)
        || a.booking.contains(&BookingPart::Identificativi))
        && !cf_given
    {
        out.push(src(Problem::BookingCfMissing.finding(lang)));
    }
    let matricola_given = a.matricola.is_some_and(|m| !m.trim().is_empty())
        || !ids(a.description).matricola.is_empty();
    if a.booking.contains(&BookingPart::Identificativi)
        && a.gestione == Some(Gestione::AziendeDm)
        && !matricola_given
    {
        out.push(src(Problem::BookingMatricolaMissing.finding(lang)));
    }
    if a.booking.contains(&BookingPart::AttoEOggetto) && !has_act_identifier(&padded) {
        out.push(src(Problem::AppointmentNoAct.finding(lang)));
    }
    if a.notes
        .contains(&ActedNote::AppointmentNoNamedOfficial.code())
        && NAMED
            .iter()
            .any(|n| crate::text::contains(&padded, &format!(" {n}")))
    {
        out.push(src(Problem::AppointmentNamedOfficial.finding(lang)));
    }
    if a.notes.contains(&ActedNote::AppointmentNotForInfo.code())
        && NOT_FOR_APPOINTMENT.iter().any(|w| has_word(&padded, w))
    {
        out.push(src(Problem::AppointmentNotFor.finding(lang)));
    }
    out
}

/// What the escalation checks need.
pub struct Escalation<'a> {
    /// Everything the user wrote (subject, description), to find identifiers in.
    pub text: &'a str,
    /// The draft's codice fiscale.
    pub cf: Option<&'a str>,
    /// The draft's matricola.
    pub matricola: Option<&'a str>,
    /// The identifier of the unanswered communication.
    pub reference: Option<&'a str>,
    /// The gestione.
    pub gestione: Option<Gestione>,
    /// What the level requires.
    pub requires: &'a [Requirement],
    /// The rule's source.
    pub source: Option<Source>,
}

/// Checks an escalation (sollecito to level B or C).
pub fn escalation(e: &Escalation, lang: Lang) -> Vec<Finding> {
    let mut out = Vec::new();
    let found = ids(e.text);
    let src = |f: Finding| match &e.source {
        Some(s) => f.source(s.clone()),
        None => f,
    };
    let given = |s: Option<&str>| s.is_some_and(|x| !x.trim().is_empty());
    for r in e.requires {
        match r {
            Requirement::CodiceFiscale if !given(e.cf) && found.cf.is_empty() => {
                out.push(src(Problem::EscalationCfMissing.finding(lang)))
            }
            Requirement::Matricola
                if e.gestione == Some(Gestione::AziendeDm)
                    && !given(e.matricola)
                    && found.matricola.is_empty() =>
            {
                out.push(src(Problem::EscalationMatricolaMissing.finding(lang)))
            }
            Requirement::Riferimento if !given(e.reference) => {
                out.push(src(Problem::EscalationReferenceMissing.finding(lang)))
            }
            Requirement::CopiaCassetti => out.push(src(Problem::EscalationAttach.finding(lang))),
            _ => {}
        }
    }
    out
}
