//! Appointments and escalations: what they must carry. Torino §3.1 lists the booking data
//! (the company's codice fiscale as requester, the contributor's identifiers, the gestione,
//! the object with the act's identifiers); Siena, ER and Milano §3.1 ask for a detailed
//! description, and Milano §3.1 forbids asking for a named official. Escalations are not
//! handled without the data that identify the unanswered communication (Milano §2 D,
//! Torino §2.6 D).

use crate::catalog::profile::{BookingPart, Gestione, Requirement};
use crate::field::{Field, FormField};
use crate::finding::{Finding, Lang, Source};
use crate::review::subject::{has_word, ids};
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
        out.push(src(Finding::warning(
            "review.appointment-vague",
            lang.pick(
                format!("Descrivi nel dettaglio la questione da discutere ({words} parole ora): l'appuntamento è per questioni nuove, complesse, irrisolte, e il funzionario deve potersi preparare."),
                format!("Describe the matter in detail ({words} words now): appointments are for new, complex, unresolved matters, and the official must be able to prepare."),
            ),
        )
        .field(FormField::Descrizione)));
    }
    let cf_given = a.cf.is_some_and(|c| !c.trim().is_empty()) || !ids(a.description).cf.is_empty();
    if (a.booking.contains(&BookingPart::Richiedente)
        || a.booking.contains(&BookingPart::Identificativi))
        && !cf_given
    {
        out.push(src(Finding::error(
            "review.booking-cf-missing",
            lang.pick(
                "Indica il codice fiscale dell'azienda come richiedente e, nelle note, i dati del contribuente (codice fiscale, matricola aziendale).",
                "Give the company's codice fiscale as requester and, in the notes, the contributor's details (codice fiscale, matricola aziendale).",
            ),
        )
        .field(FormField::CodiceFiscale)));
    }
    let matricola_given = a.matricola.is_some_and(|m| !m.trim().is_empty())
        || !ids(a.description).matricola.is_empty();
    if a.booking.contains(&BookingPart::Identificativi)
        && a.gestione == Some(Gestione::AziendeDm)
        && !matricola_given
    {
        out.push(src(Finding::warning(
            "review.booking-matricola-missing",
            lang.pick(
                "Indica nelle note la matricola aziendale, per individuare il contribuente.",
                "Give the matricola aziendale in the notes, to identify the contributor.",
            ),
        )
        .field(FormField::Matricola)));
    }
    if a.booking.contains(&BookingPart::AttoEOggetto) && !has_act_identifier(&padded) {
        out.push(src(Finding::warning(
            "review.appointment-no-act",
            lang.pick(
                "Indica i dati identificativi dell'atto (ad esempio numero della cartella, avviso bonario o di addebito con il periodo) e cosa chiedi nel merito (contestazione, pagamento già effettuato, errore nella notifica, dilazione…).",
                "Give the act's identifiers (for example the cartella number, the avviso bonario or di addebito with its period) and what you ask (challenge, payment already made, notification error, instalments…).",
            ),
        )
        .field(FormField::Descrizione)));
    }
    if a.notes.contains(&"route.appointment-no-named-official")
        && NAMED.iter().any(|n| padded.contains(&format!(" {n}")))
    {
        out.push(src(Finding::warning(
            "review.appointment-named-official",
            lang.pick(
                "Non chiedere un determinato funzionario: l'appuntamento è con l'ufficio competente. Togli il nome dalla richiesta.",
                "Do not ask for a specific official: the appointment is with the competent office. Remove the name from the request.",
            ),
        )
        .field(FormField::Descrizione)));
    }
    if a.notes.contains(&"route.appointment-not-for-info")
        && NOT_FOR_APPOINTMENT.iter().any(|w| has_word(&padded, w))
    {
        out.push(src(Finding::warning(
            "review.appointment-not-for",
            lang.pick(
                "Solleciti, richieste di informazioni e segnalazioni di malfunzionamento non si trattano con un appuntamento: inviali con la comunicazione elettronica.",
                "Reminders, requests for information and reports of malfunctions are not handled by appointment: send them by electronic communication.",
            ),
        )
        .field(FormField::Tipo)));
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
            Requirement::CodiceFiscale if !given(e.cf) && found.cf.is_empty() => out.push(src(Finding::error(
                "review.escalation-cf-missing",
                lang.pick(
                    "Indica il codice fiscale del contribuente: senza i dati analitici la segnalazione ai livelli superiori non può essere gestita.",
                    "Give the contributor's codice fiscale: without the details an escalation cannot be handled.",
                ),
            )
            .field(FormField::CodiceFiscale))),
            Requirement::Matricola if e.gestione == Some(Gestione::AziendeDm) && !given(e.matricola) && found.matricola.is_empty() => {
                out.push(src(Finding::error(
                    "review.escalation-matricola-missing",
                    lang.pick(
                        "Indica la matricola aziendale: senza i dati analitici la segnalazione ai livelli superiori non può essere gestita.",
                        "Give the matricola aziendale: without the details an escalation cannot be handled.",
                    ),
                )
                .field(FormField::Matricola)))
            }
            Requirement::Riferimento if !given(e.reference) => out.push(src(Finding::warning(
                "review.escalation-reference-missing",
                lang.pick(
                    "Indica gli estremi della comunicazione rimasta senza risposta (numero della Comunicazione bidirezionale o data e oggetto dell'e-mail).",
                    "Give the details of the unanswered communication (number of the Comunicazione bidirezionale, or date and subject of the e-mail).",
                ),
            )
            .field(Field::input("riferimento")))),
            Requirement::CopiaCassetti => out.push(src(Finding::info(
                "review.escalation-attach",
                lang.pick("Allega copia dei cassetti inevasi.", "Attach a copy of the unanswered cassetto messages."),
            )
            .field(Field::input("allegati")))),
            _ => {}
        }
    }
    out
}
