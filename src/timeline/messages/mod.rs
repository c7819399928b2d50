//! Every word of the timeline, in one place: the problems its findings report (each with its
//! stable code, severity and field), the titles of its entries, and the sentences its
//! explanations, readings and calendar events are written with. Each is rendered in the
//! requested language only; both languages stand side by side in one `match`, so a wording
//! change or a third language is an edit here, not a hunt through the rules.
//!
//! The rules (`resolve`, `entries`, `export`, `bindings::timeline`) say *what* happened with
//! typed data; this module says it to a person. Dates keep the documents' habit: Italian
//! findings write the plain date (`24/12/2025`), English ones the weekday too.

use crate::text::Join;
use chrono::NaiveDate;

use crate::catalog::profile::{Kind, Level, Previous};
use crate::catalog::titolario::{Oggetto, Status, Titolario};
use crate::dates::{clip, it};
use crate::field::{Field, FormField};
use crate::finding::{Finding, Lang, Severity};

mod text;
pub(super) mod words;

pub(crate) use text::{object_label, Text};

use words::{and_list, day, list};

/// What a finding of the timeline reports, with the data its message needs.
#[derive(Clone, Debug)]
pub(crate) enum Problem<'a> {
    /// `input.not-object`: the request is not an object (the JavaScript API).
    NotObject,
    /// `timeline.no-sent`: no sending date.
    NoSent,
    /// `timeline.unknown-kind`: `kind` is not a kind of request.
    UnknownKind { given: &'a str },
    /// `timeline.unknown-previous`: `previous` is not an outcome.
    UnknownPrevious { given: &'a str },
    /// `timeline.bad-time`: `time` is not `HH:MM`.
    BadTime { given: &'a str },
    /// `timeline.nothing-to-export`: no dated entry for the `.ics`.
    NothingToExport,
    /// `timeline.profile-not-in-force`.
    ProfileNotInForce {
        profile: &'a str,
        from: NaiveDate,
        until: Option<NaiveDate>,
        sent: NaiveDate,
    },
    /// `timeline.trial-ended`.
    TrialEnded { profile: &'a str, until: NaiveDate },
    /// `timeline.first-request-after-sent`.
    FirstRequestAfterSent { first: NaiveDate, sent: NaiveDate },
    /// `timeline.notice-before-sent`.
    NoticeBeforeSent { notice: NaiveDate, sent: NaiveDate },
    /// `timeline.sent-after-today`.
    SentAfterToday { sent: NaiveDate, today: NaiveDate },
    /// `timeline.national-profile`.
    NationalProfile,
    /// `timeline.unknown-profile`.
    UnknownProfile { given: &'a str, known: &'a [String] },
    /// `timeline.national-calendar`.
    NationalCalendar { sedi: &'a [String] },
    /// `timeline.unknown-sede`: `sedi` are the profile's, `None` for a profile without
    /// territory.
    UnknownSede {
        given: &'a str,
        sedi: Option<&'a [String]>,
    },
    /// `timeline.sede-not-in-profile`.
    SedeNotInProfile {
        sede: &'a str,
        profile: &'a str,
        sedi: &'a [String],
    },
    /// `timeline.unknown-cassetto`.
    UnknownCassetto {
        given: &'a str,
        profile: &'a str,
        ids: &'a [String],
    },
    /// `timeline.cassetto-not-in-force`.
    CassettoNotInForce {
        cassetto: &'a str,
        from: Option<NaiveDate>,
        until: Option<NaiveDate>,
        sent: NaiveDate,
    },
    /// `timeline.object-unchecked`.
    ObjectUnchecked { cassetto: &'a str, given: &'a str },
    /// `timeline.cassetto-needed`.
    CassettoNeeded { given: &'a str, ids: &'a [String] },
    /// `timeline.object-from-other-list`.
    ObjectFromOtherList {
        own: Option<&'a Titolario>,
        object: &'a str,
        list: &'a Titolario,
    },
    /// `timeline.unknown-object`: `cassetto` is the one given, `menu` its titolario.
    UnknownObject {
        given: &'a str,
        cassetto: Option<&'a str>,
        menu: Option<&'a Titolario>,
    },
    /// `timeline.object-not-offered`.
    ObjectNotOffered {
        titolario: &'a Titolario,
        object: &'a Oggetto,
        sent: NaiveDate,
    },
    /// `timeline.sent-on-closed-day`: `why` is the holiday in brackets, empty for a
    /// weekend ([`words::closed_because`]).
    SentOnClosedDay {
        sent: NaiveDate,
        start: NaiveDate,
        why: &'a str,
    },
    /// `timeline.no-term`: also the explanation of the entry without a date.
    NoTerm {
        profile: &'a str,
        kind: Kind,
        cassetto: Option<&'a str>,
        /// A service request (the protocols' times are those of communications).
        service: bool,
        /// The national baseline: times and contacts are local agreements.
        local: bool,
    },
    /// `timeline.object-needed`.
    ObjectNeeded { cassetto: &'a str },
    /// `timeline.not-guaranteed`: the generic object.
    NotGuaranteed { object: &'a str },
    /// `timeline.escalation-not-for-outcome`.
    EscalationNotForOutcome {
        outcome: Previous,
        profile: &'a str,
        cite: &'a str,
    },
    /// `timeline.contacts-updated`.
    ContactsUpdated {
        level: Level,
        from: NaiveDate,
        when: NaiveDate,
        new: &'a [&'a str],
        old: &'a [&'a str],
    },
}

impl Problem<'_> {
    /// The finding, with its code, severity, field and message (the caller adds the source).
    pub(crate) fn finding(&self, lang: Lang) -> Finding {
        use Problem::*;
        let (code, severity, field): (&'static str, Severity, Option<Field>) = match self {
            NotObject => (
                "input.not-object",
                Severity::Error,
                Some(Field::input("request")),
            ),
            NoSent => (
                "timeline.no-sent",
                Severity::Error,
                Some(FormField::DataInvio.into()),
            ),
            UnknownKind { .. } => (
                "timeline.unknown-kind",
                Severity::Error,
                Some(FormField::Tipo.into()),
            ),
            UnknownPrevious { .. } => (
                "timeline.unknown-previous",
                Severity::Error,
                Some(FormField::EsitoPrecedente.into()),
            ),
            BadTime { .. } => (
                "timeline.bad-time",
                Severity::Error,
                Some(Field::input("time")),
            ),
            NothingToExport => ("timeline.nothing-to-export", Severity::Info, None),
            ProfileNotInForce { .. } => (
                "timeline.profile-not-in-force",
                Severity::Error,
                Some(FormField::DataInvio.into()),
            ),
            TrialEnded { .. } => ("timeline.trial-ended", Severity::Warning, None),
            FirstRequestAfterSent { .. } => (
                "timeline.first-request-after-sent",
                Severity::Warning,
                Some(FormField::DataPrimaRichiesta.into()),
            ),
            NoticeBeforeSent { .. } => (
                "timeline.notice-before-sent",
                Severity::Warning,
                Some(Field::input("notice")),
            ),
            SentAfterToday { .. } => (
                "timeline.sent-after-today",
                Severity::Info,
                Some(FormField::DataInvio.into()),
            ),
            NationalProfile => (
                "timeline.national-profile",
                Severity::Info,
                Some(Field::input("profile")),
            ),
            UnknownProfile { .. } => (
                "timeline.unknown-profile",
                Severity::Error,
                Some(Field::input("profile")),
            ),
            NationalCalendar { .. } => (
                "timeline.national-calendar",
                Severity::Info,
                Some(FormField::Sede.into()),
            ),
            UnknownSede { .. } => (
                "timeline.unknown-sede",
                Severity::Error,
                Some(FormField::Sede.into()),
            ),
            SedeNotInProfile { .. } => (
                "timeline.sede-not-in-profile",
                Severity::Error,
                Some(FormField::Sede.into()),
            ),
            UnknownCassetto { .. } => (
                "timeline.unknown-cassetto",
                Severity::Error,
                Some(FormField::Gestione.into()),
            ),
            CassettoNotInForce { .. } => (
                "timeline.cassetto-not-in-force",
                Severity::Error,
                Some(FormField::Gestione.into()),
            ),
            ObjectUnchecked { .. } => (
                "timeline.object-unchecked",
                Severity::Warning,
                Some(FormField::Oggetto.into()),
            ),
            CassettoNeeded { .. } => (
                "timeline.cassetto-needed",
                Severity::Error,
                Some(FormField::Gestione.into()),
            ),
            ObjectFromOtherList { .. } => (
                "timeline.object-from-other-list",
                Severity::Info,
                Some(FormField::Oggetto.into()),
            ),
            UnknownObject { .. } => (
                "timeline.unknown-object",
                Severity::Error,
                Some(FormField::Oggetto.into()),
            ),
            ObjectNotOffered { .. } => (
                "timeline.object-not-offered",
                Severity::Error,
                Some(FormField::Oggetto.into()),
            ),
            SentOnClosedDay { .. } => (
                "timeline.sent-on-closed-day",
                Severity::Info,
                Some(FormField::DataInvio.into()),
            ),
            NoTerm { .. } => ("timeline.no-term", Severity::Info, None),
            ObjectNeeded { .. } => (
                "timeline.object-needed",
                Severity::Info,
                Some(FormField::Oggetto.into()),
            ),
            NotGuaranteed { .. } => (
                "timeline.not-guaranteed",
                Severity::Warning,
                Some(FormField::Oggetto.into()),
            ),
            EscalationNotForOutcome { .. } => {
                ("timeline.escalation-not-for-outcome", Severity::Info, None)
            }
            ContactsUpdated { .. } => ("timeline.contacts-updated", Severity::Info, None),
        };
        let message = self.message(lang);
        let finding = match severity {
            Severity::Error => Finding::error(code, message),
            Severity::Warning => Finding::warning(code, message),
            Severity::Info => Finding::info(code, message),
        };
        match field {
            Some(field) => finding.field(field),
            None => finding,
        }
    }

    /// The message alone.
    pub(crate) fn message(&self, lang: Lang) -> String {
        use Lang::{En, It};
        use Problem::*;
        match *self {
            NotObject => match lang {
                It => "Passa la richiesta come oggetto JavaScript, con almeno «profile» (per esempio \"milano\") e «sent» (la data di invio).".into(),
                En => "Pass the request as a JavaScript object, with at least “profile” (for example \"milano\") and “sent” (the sending date).".into(),
            },
            NoSent => match lang {
                It => "Indica in «sent» la data di invio della richiesta, nel formato AAAA-MM-GG o GG/MM/AAAA.".into(),
                En => "Give in “sent” the day the request is sent, as YYYY-MM-DD or DD/MM/YYYY.".into(),
            },
            UnknownKind { given } => {
                let mut ids = Vec::new();
                for k in Kind::ALL {
                    ids.push(k.id());
                }
                match lang {
                    It => format!("«{}» non è un tipo di richiesta: indica uno di questi: {}.", clip(given), ids.joined(", ")),
                    En => format!("“{}” is not a kind of request: give one of these: {}.", clip(given), ids.joined(", ")),
                }
            }
            UnknownPrevious { given } => {
                let mut ids = Vec::new();
                for p in Previous::ALL {
                    ids.push(p.id());
                }
                match lang {
                    It => format!("«{}» non è un esito della richiesta precedente: indica uno di questi: {}, senza-risposta.", clip(given), ids.joined(", ")),
                    En => format!("“{}” is not an outcome of the earlier request: give one of these: {}, senza-risposta.", clip(given), ids.joined(", ")),
                }
            }
            BadTime { given } => match lang {
                It => format!("«{}» non è un'ora: scrivi l'ora di invio nel formato HH:MM, per esempio 09:30.", clip(given)),
                En => format!("“{}” is not a time: write the sending time as HH:MM, for example 09:30.", clip(given)),
            },
            NothingToExport => match lang {
                It => "Nessuna data da esportare: per questa richiesta il protocollo non fissa date (vedi le altre segnalazioni).".into(),
                En => "No date to export: the protocol sets no date for this request (see the other findings).".into(),
            },
            ProfileNotInForce { profile, from, until: Some(until), sent } => match lang {
                It => format!("Il profilo «{profile}» vale dal {} al {}: una richiesta inviata il {} non è coperta. Controlla la data di invio o scegli il profilo in vigore a quella data.", it(from), it(until), it(sent)),
                En => format!("The profile “{profile}” applies from {} to {}: a request sent on {} is not covered. Check the sending date or choose the profile in force on that date.", day(from, lang), day(until, lang), day(sent, lang)),
            },
            ProfileNotInForce { profile, from, until: None, sent } => match lang {
                It => format!("Il profilo «{profile}» vale dal {}: una richiesta inviata il {} non è coperta. Controlla la data di invio o scegli il profilo in vigore a quella data.", it(from), it(sent)),
                En => format!("The profile “{profile}” applies from {}: a request sent on {} is not covered. Check the sending date or choose the profile in force on that date.", day(from, lang), day(sent, lang)),
            },
            TrialEnded { profile, until } => match lang {
                It => format!("Il protocollo «{profile}» era sperimentale fino al {}: verifica con l'Ordine se è stato prorogato. Le date sono calcolate con le sue regole.", it(until)),
                En => format!("The protocol “{profile}” was a trial until {}: check with the Ordine whether it was extended. The dates follow its rules.", day(until, lang)),
            },
            FirstRequestAfterSent { first, sent } => match lang {
                It => format!("La data della prima richiesta ({}) è successiva all'invio del sollecito ({}): è stata ignorata, le date partono dall'invio. Controlla le due date.", it(first), it(sent)),
                En => format!("The first request's date ({}) is after the reminder is sent ({}): it was ignored, the dates count from the sending date. Check both dates.", day(first, lang), day(sent, lang)),
            },
            NoticeBeforeSent { notice, sent } => match lang {
                It => format!("La data in cui l'INPS ti ha contattato ({}) è precedente all'invio della richiesta ({}): controlla le due date.", it(notice), it(sent)),
                En => format!("The day INPS got in touch ({}) is before the request was sent ({}): check both dates.", day(notice, lang), day(sent, lang)),
            },
            SentAfterToday { sent, today } => match lang {
                It => format!("La data di invio ({}) è dopo oggi ({}): le date sono una previsione.", it(sent), it(today)),
                En => format!("The sending date ({}) is after today ({}): the dates are a forecast.", day(sent, lang), day(today, lang)),
            },
            NationalProfile => match lang {
                It => "Nessun protocollo territoriale indicato o competente per la sede: le date seguono le regole nazionali (profilo «nazionale»), che non fissano tempi di risposta né contatti per i solleciti.".into(),
                En => "No territorial protocol given or competent for the sede: the dates follow the national rules (profile “nazionale”), which set no response times and no escalation contacts.".into(),
            },
            UnknownProfile { given, known } => match lang {
                It => format!("«{}» non è un profilo conosciuto: indica uno di questi: {}.", clip(given), list(known)),
                En => format!("“{}” is not a known profile: give one of these: {}.", clip(given), list(known)),
            },
            NationalCalendar { sedi } => match lang {
                It => format!("Date calcolate con il calendario nazionale: indica la sede ({}) per contare anche la festa del patrono.", list(sedi)),
                En => format!("Dates computed with the national calendar: give the sede ({}) to count its patron day too.", list(sedi)),
            },
            UnknownSede { given, sedi: Some(sedi) } => match lang {
                It => format!("«{}» non è una sede conosciuta: indica una di queste: {}, oppure lascia vuoto per il calendario nazionale.", clip(given), list(sedi)),
                En => format!("“{}” is not a known sede: give one of these: {}, or leave it empty for the national calendar.", clip(given), list(sedi)),
            },
            UnknownSede { given, sedi: None } => match lang {
                It => format!("«{}» non è una sede conosciuta: indica l'identificativo di una sede, per esempio «milano» o «torino-nord», oppure lascia vuoto per il calendario nazionale.", clip(given)),
                En => format!("“{}” is not a known sede: give a sede's id, for example “milano” or “torino-nord”, or leave it empty for the national calendar.", clip(given)),
            },
            SedeNotInProfile { sede, profile, sedi } => match lang {
                It => format!("La sede «{sede}» non è tra le sedi del profilo «{profile}»: indica una di queste: {}.", list(sedi)),
                En => format!("The sede “{sede}” is not one of the profile “{profile}”: give one of these: {}.", list(sedi)),
            },
            UnknownCassetto { given, profile, ids } => match lang {
                It => format!("«{}» non è un cassetto del profilo «{profile}»: indica uno di questi: {}.", clip(given), list(ids)),
                En => format!("“{}” is not a cassetto of the profile “{profile}”: give one of these: {}.", clip(given), list(ids)),
            },
            CassettoNotInForce { cassetto, from, until, sent } => match (from, until) {
                (Some(from), _) if sent < from => match lang {
                    It => format!("Il «{cassetto}» c'è dal {}: una richiesta inviata il {} non poteva passare da lì. Controlla la data di invio.", it(from), it(sent)),
                    En => format!("The “{cassetto}” exists from {}: a request sent on {} could not go through it. Check the sending date.", day(from, lang), day(sent, lang)),
                },
                (_, Some(until)) => match lang {
                    It => format!("Il «{cassetto}» era offerto fino al {}: una richiesta inviata il {} non può passare da lì.", it(until), it(sent)),
                    En => format!("The “{cassetto}” was offered until {}: a request sent on {} cannot go through it.", day(until, lang), day(sent, lang)),
                },
                _ => match lang {
                    It => format!("Il «{cassetto}» non è offerto il {}.", it(sent)),
                    En => format!("The “{cassetto}” is not offered on {}.", day(sent, lang)),
                },
            },
            ObjectUnchecked { cassetto, given } => match lang {
                It => format!("L'elenco degli oggetti del «{cassetto}» non è nei documenti: l'oggetto «{}» non si può controllare e non ha un tempo soglia. Le date seguono i tempi del profilo.", clip(given)),
                En => format!("The object list of the “{cassetto}” is not in the documents: the object “{}” cannot be checked and has no threshold. The dates follow the profile's times.", clip(given)),
            },
            CassettoNeeded { given, ids } => match lang {
                It => format!("L'oggetto «{}» è nei menu di più cassetti ({}): indica il cassetto.", clip(given), list(ids)),
                En => format!("The object “{}” is in the menus of several cassetti ({}): give the cassetto.", clip(given), list(ids)),
            },
            ObjectFromOtherList { own, object, list } => match lang {
                It => format!("L'elenco degli oggetti di «{}» non è nel documento: «{object}» è stato trovato nell'elenco «{}».", own.map_or("", |x| x.name.as_str()), list.name),
                En => format!("The object list of “{}” is not in the document: “{object}” was found in the list “{}”.", own.map_or("", |x| x.name_en.as_str()), list.name_en),
            },
            UnknownObject { given, cassetto, menu } => match (cassetto, menu) {
                (Some(c), None) => match lang {
                    It => format!("L'elenco degli oggetti del «{c}» non è nei documenti: l'oggetto «{}» non si può controllare. Lascia vuoto l'oggetto per i tempi del profilo.", clip(given)),
                    En => format!("The object list of the “{c}” is not in the documents: the object “{}” cannot be checked. Leave the object empty for the profile's times.", clip(given)),
                },
                (_, Some(t)) => {
                    let example = t.objects().find(|o| o.status == Status::Active && !o.generic);
                    match lang {
                        It => format!("«{}» non è un oggetto del menu «{}»: scrivi l'oggetto come è nel menu del cassetto{}.", clip(given), t.name, example.map(|o| format!(", per esempio «{}»", o.label)).unwrap_or_default()),
                        En => format!("“{}” is not an object of the menu “{}”: write the object as the cassetto's menu does{}.", clip(given), t.name_en, example.map(|o| format!(", for example “{}”", o.label)).unwrap_or_default()),
                    }
                }
                (None, None) => match lang {
                    It => format!("«{}» non è un oggetto dei menu dei cassetti del profilo: indica il cassetto e scrivi l'oggetto come è nel suo menu.", clip(given)),
                    En => format!("“{}” is not an object of the profile's cassetti menus: give the cassetto and write the object as its menu does.", clip(given)),
                },
            },
            ObjectNotOffered { titolario: t, object: o, sent } => {
                let name = match lang {
                    It => &t.name,
                    En => &t.name_en,
                };
                match (o.status, o.from, o.removed) {
                    (Status::Eliminated, ..) => match lang {
                        It => format!("L'oggetto «{}» è ELIMINATO nel titolario «{name}»: scegli l'oggetto specifico che corrisponde alla richiesta.", o.label),
                        En => format!("The object “{}” is ELIMINATO (removed) in the titolario “{name}”: choose the specific object that fits the request.", o.label),
                    },
                    (Status::Legacy, ..) => match lang {
                        It => format!("L'oggetto «{}» è tra gli «Oggetti precedenti» di «{name}»: non si sceglie per nuove comunicazioni e non ha un tempo soglia. Scegli un oggetto attuale.", o.label),
                        En => format!("The object “{}” is one of the “Oggetti precedenti” (former objects) of “{name}”: it is not chosen for new communications and has no threshold. Choose a current object.", o.label),
                    },
                    (_, Some(from), _) if sent < from => match lang {
                        It => format!("L'oggetto «{}» c'è dal {}: per una richiesta inviata il {} non era nel menu.", o.label, it(from), it(sent)),
                        En => format!("The object “{}” exists from {}: for a request sent on {} it was not in the menu.", o.label, day(from, lang), day(sent, lang)),
                    },
                    (_, _, Some(removed)) => match lang {
                        It => format!("L'oggetto «{}» è inibito dal {}: per una richiesta inviata il {} scegli un altro oggetto.", o.label, it(removed), it(sent)),
                        En => format!("The object “{}” is blocked from {}: for a request sent on {} choose another object.", o.label, day(removed, lang), day(sent, lang)),
                    },
                    _ => match lang {
                        It => format!("L'oggetto «{}» non è nel menu il {}: scegli un altro oggetto.", o.label, it(sent)),
                        En => format!("The object “{}” is not in the menu on {}: choose another object.", o.label, day(sent, lang)),
                    },
                }
            }
            SentOnClosedDay { sent, start, why } => match lang {
                It => format!("Il giorno di invio, {}, gli uffici sono chiusi{why}: i termini in giorni lavorativi si contano dal primo giorno lavorativo, {}, che è il giorno 1.", day(sent, lang), day(start, lang)),
                En => format!("On the sending day, {}, the offices are closed{why}: terms in working days count from the first working day, {}, which is day 1.", day(sent, lang), day(start, lang)),
            },
            NoTerm { profile, kind, cassetto, service, local } => {
                let what = kind.label(lang);
                let mut text = match lang {
                    It => format!(
                        "Il profilo «{profile}» non fissa un tempo di risposta per {what}{}: nessuna data è garantita.{}",
                        cassetto.map(|p| format!(" nel «{p}»")).unwrap_or_default(),
                        if service { " I tempi garantiti dei protocolli riguardano la comunicazione elettronica." } else { "" },
                    ),
                    En => format!(
                        "The profile “{profile}” sets no response time for {what}{}: no date is guaranteed.{}",
                        cassetto.map(|p| format!(" in the “{p}”")).unwrap_or_default(),
                        if service { " The protocols' guaranteed times are those of electronic communication." } else { "" },
                    ),
                };
                if local {
                    text.push_str(match lang {
                        It => " I tempi garantiti di risposta e i contatti per i solleciti di livello B e C sono accordi locali dei protocolli provinciali (Milano §2, Torino §2.6): fuori da quei territori non ce ne sono. Chiedi alla sede competente se esiste un protocollo con l'Ordine.",
                        En => " Guaranteed response times and the contacts for level B and C reminders are local agreements of the provincial protocols (Milano §2, Torino §2.6): outside those territories there are none. Ask the competent office whether there is a protocol with the Ordine.",
                    });
                }
                text
            }
            ObjectNeeded { cassetto } => match lang {
                It => format!("Il menu del «{cassetto}» dà un tempo soglia per ogni oggetto: indica l'oggetto per calcolare la data della risposta."),
                En => format!("The menu of the “{cassetto}” gives a threshold for each object: give the object to compute the answer date."),
            },
            NotGuaranteed { object } => match lang {
                It => format!("Con l'oggetto generico «{object}» nessuna data di risposta è garantita: se un oggetto del menu corrisponde alla richiesta, sceglilo."),
                En => format!("With the generic object “{object}” no answer date is guaranteed: if an object of the menu fits the request, choose it."),
            },
            EscalationNotForOutcome { outcome, profile, cite } => {
                let what = match (outcome, lang) {
                    (Previous::NonAccolta, It) => "con esito «non accolta»",
                    (Previous::NonAccolta, En) => "with the outcome “non accolta”",
                    (_, It) => "non esaustiva",
                    (_, En) => "not exhaustive",
                };
                match lang {
                    It => format!("Il protocollo «{profile}» prevede il sollecito di livello B solo quando la risposta tarda ({cite}): per una risposta {what} non c'è una data di sollecito. Scrivi di nuovo con il canale ordinario, spiegando perché la risposta non basta."),
                    En => format!("The protocol “{profile}” provides a level B reminder only when the answer is late ({cite}): for an answer {what} there is no escalation date. Write again through the ordinary channel, explaining why the answer is not enough."),
                }
            }
            ContactsUpdated { level, from, when, new, old } => {
                let name = match level {
                    Level::B => "B",
                    Level::C => "C",
                };
                match lang {
                    It => format!("I contatti del livello {name} sono stati aggiornati il {}, dopo la richiesta e prima di {}: valgono quelli in vigore il giorno del sollecito, {}, non più {}.", it(from), day(when, lang), and_list(new, lang), and_list(old, lang)),
                    En => format!("The level {name} contacts were updated on {}, after the request and before {}: the ones in force on the day of the reminder apply, {}, no longer {}.", day(from, lang), day(when, lang), and_list(new, lang), and_list(old, lang)),
                }
            }
        }
    }
}

/// One example finding for every code the timeline (and its JavaScript API) can emit, with
/// realistic data: the list of codes portals program against (`docs/findings.md`).
pub fn examples(lang: Lang) -> Vec<Finding> {
    use crate::catalog::titolario::titolario;
    let d = |y, m, dd| NaiveDate::from_ymd_opt(y, m, dd).unwrap_or_default();
    let milano = "Protocollo INPS Milano – Ordine CDL Milano";
    let sedi = ["milano".to_string(), "milano-nord".to_string()];
    let cassetti = [
        "aziende-dm".to_string(),
        "artigiani-commercianti".to_string(),
    ];
    let known = [
        "milano".to_string(),
        "torino".to_string(),
        "nazionale".to_string(),
    ];
    let torino = titolario("aziende-dm-torino-2017");
    let own = titolario("aziende-dm-milano-2018");
    let er = titolario("aziende-dm-er-2019");
    let eliminated = er.and_then(|t| t.object("non-specificato").map(|o| (t, o)));
    let mut problems = vec![
        Problem::NotObject,
        Problem::NoSent,
        Problem::UnknownKind { given: "lettera" },
        Problem::UnknownPrevious { given: "forse" },
        Problem::BadTime { given: "25:99" },
        Problem::NothingToExport,
        Problem::ProfileNotInForce {
            profile: milano,
            from: d(2018, 1, 1),
            until: None,
            sent: d(2015, 3, 2),
        },
        Problem::TrialEnded {
            profile: "Protocollo INPS Siena",
            until: d(2024, 12, 31),
        },
        Problem::FirstRequestAfterSent {
            first: d(2026, 12, 10),
            sent: d(2026, 12, 4),
        },
        Problem::NoticeBeforeSent {
            notice: d(2026, 12, 1),
            sent: d(2026, 12, 4),
        },
        Problem::SentAfterToday {
            sent: d(2026, 12, 4),
            today: d(2026, 12, 1),
        },
        Problem::NationalProfile,
        Problem::UnknownProfile {
            given: "lombardia",
            known: &known,
        },
        Problem::NationalCalendar { sedi: &sedi },
        Problem::UnknownSede {
            given: "Milano Centro",
            sedi: Some(&sedi),
        },
        Problem::SedeNotInProfile {
            sede: "Torino Nord",
            profile: milano,
            sedi: &sedi,
        },
        Problem::UnknownCassetto {
            given: "agricoli",
            profile: milano,
            ids: &cassetti,
        },
        Problem::CassettoNotInForce {
            cassetto: "Cassetto bidirezionale Aziende DM",
            from: Some(d(2018, 1, 1)),
            until: None,
            sent: d(2017, 6, 1),
        },
        Problem::ObjectUnchecked {
            cassetto: "Cassetto bidirezionale Lavoratori domestici",
            given: "Variazione rapporto",
        },
        Problem::CassettoNeeded {
            given: "Durc",
            ids: &cassetti,
        },
        Problem::UnknownObject {
            given: "Contributi vari",
            cassetto: Some("Cassetto bidirezionale Aziende DM"),
            menu: torino,
        },
        Problem::SentOnClosedDay {
            sent: d(2026, 12, 5),
            start: d(2026, 12, 9),
            why: "",
        },
        Problem::NoTerm {
            profile: "Regole nazionali",
            kind: Kind::Comunicazione,
            cassetto: None,
            service: false,
            local: true,
        },
        Problem::ObjectNeeded {
            cassetto: "Cassetto bidirezionale Aziende DM",
        },
        Problem::NotGuaranteed {
            object: "Non specificato",
        },
        Problem::EscalationNotForOutcome {
            outcome: Previous::NonEsaustiva,
            profile: milano,
            cite: "«Protocollo» (Milano), § 2 B",
        },
        Problem::ContactsUpdated {
            level: Level::B,
            from: d(2021, 7, 19),
            when: d(2021, 7, 26),
            new: &["direzione.torino@inps.it"],
            old: &["torino@inps.it"],
        },
    ];
    if let (Some(list), Some(object)) = (torino, torino.and_then(|t| t.objects().next())) {
        problems.push(Problem::ObjectFromOtherList {
            own,
            object: &object.label,
            list,
        });
    }
    if let Some((titolario, object)) = eliminated {
        problems.push(Problem::ObjectNotOffered {
            titolario,
            object,
            sent: d(2026, 12, 4),
        });
    }
    problems.iter().map(|p| p.finding(lang)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::timeline::EntryId;

    #[test]
    fn every_entry_has_an_id_and_a_title() {
        for id in EntryId::ALL {
            assert_eq!(EntryId::parse(id.id()), Some(id));
            assert!(!id.title(Lang::It).is_empty() && !id.title(Lang::En).is_empty());
        }
    }
}
