//! The titles of the entries and the sentences of their explanations, readings and
//! calendar events (the findings' messages are in the parent module).

use crate::text::Join;
use chrono::{NaiveDate, NaiveTime};

use crate::catalog::titolario::{Oggetto, Unit};
use crate::dates::{self, it};
use crate::finding::Lang;

use super::super::EntryId;
use super::words::{day, length};

impl EntryId {
    /// The entry's short title.
    pub fn title(self, lang: Lang) -> &'static str {
        use EntryId::*;
        use Lang::{En, It};
        match (self, lang) {
            (Risposta, It) => "Risposta dell'INPS",
            (Risposta, En) => "INPS's answer",
            (LivelloB, It) => "Sollecito di livello B",
            (LivelloB, En) => "Level B reminder",
            (LivelloC, It) => "Segnalazione di livello C all'URP",
            (LivelloC, En) => "Level C escalation to the URP",
            (Processo, It) => "Fine dell'intero processo comunicativo",
            (Processo, En) => "End of the whole exchange",
            (IntermediarioRisposta, It) => "La tua risposta all'INPS",
            (IntermediarioRisposta, En) => "Your answer to INPS",
            (IntermediarioDurc, It) => "Sistemazione delle anomalie del DURC",
            (IntermediarioDurc, En) => "Fixing the DURC anomalies",
            (IntermediarioIstanze, It) => "Sistemazione dell'istanza",
            (IntermediarioIstanze, En) => "Fixing the application",
            (RispostaPreavvisoDurc, It) => "Risposta dell'INPS al riscontro sul preavviso DURC",
            (RispostaPreavvisoDurc, En) => "INPS's answer to your reply on the DURC preavviso",
            (Appuntamento, It) => "Fissazione dell'appuntamento",
            (Appuntamento, En) => "Appointment set",
            (AppuntamentoPossibile, It) => "Appuntamento prenotabile",
            (AppuntamentoPossibile, En) => "Appointment can be booked",
            (Richiamata, It) => "Richiamata dell'operatore INPS",
            (Richiamata, En) => "INPS operator's call-back",
            (QuesitoProvinciale, It) => "Risposta della Direzione provinciale al quesito",
            (QuesitoProvinciale, En) => "Direzione provinciale's answer to the quesito",
            (QuesitoRegionale, It) => "Risposta della Direzione regionale al quesito",
            (QuesitoRegionale, En) => "Direzione regionale's answer to the quesito",
            (SollecitoQuesito, It) => "Sollecito del quesito",
            (SollecitoQuesito, En) => "Reminder about the quesito",
            (Telefono, It) => "Linea telefonica dedicata",
            (Telefono, En) => "Dedicated phone line",
        }
    }
}

/// The sentences of the entries' explanations and readings, of the counting of days and of
/// the calendar events, with their data.
#[derive(Clone, Debug)]
pub(crate) enum Text<'a> {
    /// The title of the answer to the first request of a sollecito.
    FirstRequestAnswerTitle,
    /// The title of the §2 I entry when both DURC terms are shown.
    PreavvisoReplyTitle,
    /// The title of the §2 A answer when both DURC terms are shown.
    DurcMessageTitle,
    /// `Per la prima richiesta, inviata …: `.
    ForFirstRequest {
        first: NaiveDate,
    },
    /// The object's tempo soglia, as the rule of the answer.
    Threshold {
        object: &'a Oggetto,
    },
    /// instrada's reading of the tempi soglia's unit.
    ThresholdUnitReading,
    /// instrada's reading of the DURC time applied to other DURC communications.
    DurcTermReading,
    /// The explanation of the generic object's entry.
    GenericObject {
        object: &'a str,
    },
    /// ` Il primo contatto è la prima richiesta, inviata ….`
    FirstContact {
        first: NaiveDate,
    },
    /// instrada's reading of a sollecito without the first request's date.
    SollecitoFirstContactReading,
    /// ` Scrivi al responsabile della sede competente, tra quelli elencati`.
    WriteToManager,
    /// `Scrivi a`.
    WriteTo,
    /// `in copia a`.
    Copying,
    /// `indicando`.
    Giving,
    /// Level B at once after a «non accolta» answer.
    NonAccoltaReading,
    /// Level B at once after an answer that is not exhaustive.
    NotExhaustiveReading,
    /// Late from the working day after `due`.
    LateFrom {
        due: NaiveDate,
    },
    /// instrada's reading of level C.
    LevelCReading {
        days: u32,
        unit: Unit,
        b: NaiveDate,
        b_due: NaiveDate,
        by_b: NaiveDate,
    },
    /// Level C earlier, by the limit of the whole exchange.
    LevelCByProcess {
        process: NaiveDate,
        cite: &'a str,
        c: NaiveDate,
    },
    /// instrada's reading of the GDP appointment's date.
    AppointmentReading {
        days: u32,
        unit: Unit,
        cite: &'a str,
        due: NaiveDate,
    },
    /// The GDP appointment without a date.
    AppointmentNoDate,
    /// The §2 I entry names the §2 A term.
    PreavvisoReplyNote {
        section: &'a str,
        message: Option<NaiveDate>,
    },
    /// The §2 A entry names the §2 I term.
    DurcMessageNote {
        section: &'a str,
        reply: Option<NaiveDate>,
    },
    /// ` Prima, l'INPS invia il preavviso entro … dal DURC negativo.`
    PreavvisoBefore {
        days: u32,
        unit: Unit,
    },
    /// `, se questa è la tua risposta al preavviso`.
    IfReplyToPreavviso,
    /// The regional Direzione's term, from a receipt only it knows.
    QuesitoRegional {
        days: u32,
        unit: Unit,
    },
    /// Give the day INPS got in touch.
    GiveNotice,
    /// A phone line and its hours.
    PhoneLine {
        purpose: &'a str,
        number: &'a str,
        days: &'a [&'a str],
        from: &'a str,
        to: &'a str,
    },
    /// The line is closed at the sending time.
    PhoneClosed {
        sent: NaiveDate,
        at: Option<NaiveTime>,
        next: NaiveDate,
    },
    /// ` Contatti in vigore dal … (§).`
    ContactsFrom {
        from: NaiveDate,
        section: &'a str,
    },
    /// `7 giorni lavorativi dopo …`.
    WorkingCount {
        days: u32,
        from: NaiveDate,
    },
    /// The term starts on a closed day: the first working day is day 1.
    StartsOnClosedDay {
        why: &'a str,
        start: NaiveDate,
    },
    /// `; non si contano `.
    NotCounted,
    /// `10 giorni di calendario dopo …: …`.
    CalendarCount {
        days: u32,
        from: NaiveDate,
        nominal: NaiveDate,
    },
    /// The calendar-day term ends on a closed day and moves.
    MovesTo {
        why: &'a str,
        due: NaiveDate,
    },
    /// `e` / `and`.
    And,
    /// The calendar event's lines.
    IcsReading,
    IcsTo,
    IcsCc,
    IcsSource,
    IcsCalendar,
    IcsSent,
    /// The calendar's name.
    IcsName,
}

impl Text<'_> {
    pub(crate) fn render(&self, lang: Lang) -> String {
        use Lang::{En, It};
        use Text::*;
        let fixed = |it: &str, en: &str| match lang {
            It => it.to_string(),
            En => en.to_string(),
        };
        match *self {
            FirstRequestAnswerTitle => fixed("Risposta dell'INPS alla prima richiesta", "INPS's answer to the first request"),
            PreavvisoReplyTitle => fixed("Risposta dell'INPS al riscontro sul preavviso", "INPS's answer to your reply to the preavviso"),
            DurcMessageTitle => fixed("Risposta dell'INPS al messaggio «Durc»", "INPS's answer to the “Durc” message"),
            ForFirstRequest { first } => match lang {
                It => format!("Per la prima richiesta, inviata {}: ", day(first, lang)),
                En => format!("For the first request, sent on {}: ", day(first, lang)),
            },
            Threshold { object: o } => match lang {
                It => format!("Tempo soglia di definizione dell'oggetto «{}» ({})", o.label, o.classe),
                En => format!("Threshold for settling the object “{}” ({})", o.label_en, o.classe),
            },
            ThresholdUnitReading => fixed(
                "La tabella non dice se i tempi soglia sono giorni lavorativi o di calendario: instrada li conta come giorni lavorativi, come tutti i tempi di risposta degli altri protocolli.",
                "The table does not say whether the thresholds are working or calendar days: instrada counts working days, like every response time of the other protocols.",
            ),
            DurcTermReading => fixed(
                "Il documento fissa questo tempo per i cassetti con oggetto «Durc»: instrada lo applica anche alle altre comunicazioni sul DURC.",
                "The document sets this time for cassetto messages with the object “Durc”: instrada applies it to other DURC communications too.",
            ),
            GenericObject { object } => match lang {
                It => format!("L'oggetto generico «{object}» si usa solo quando nessun oggetto predefinito corrisponde alla comunicazione, e il suo uso improprio non consente di garantire una risposta in tempi certi: nessuna data è garantita."),
                En => format!("The generic object “{object}” is only for communications that no predefined object fits, and its improper use means no answer can be guaranteed in a set time: no date is guaranteed."),
            },
            FirstContact { first } => match lang {
                It => format!(" Il primo contatto è la prima richiesta, inviata {}.", day(first, lang)),
                En => format!(" The first contact is the first request, sent on {}.", day(first, lang)),
            },
            SollecitoFirstContactReading => fixed(
                "Per un sollecito il primo contatto è la comunicazione sollecitata: senza la data della prima richiesta instrada conta dalla data di invio del sollecito, quindi se la prima comunicazione è precedente anche il termine lo è. Indica la data della prima richiesta per contare da quella.",
                "For a reminder the first contact is the communication it reminds of: without the first request's date instrada counts from the reminder's sending date, so if the first communication is earlier the limit is earlier too. Give the first request's date to count from it.",
            ),
            WriteToManager => fixed(" Scrivi al responsabile della sede competente, tra quelli elencati", " Write to the manager of the competent sede, among those listed"),
            WriteTo => fixed("Scrivi a", "Write to"),
            Copying => fixed("in copia a", "copying"),
            Giving => fixed("indicando", "giving"),
            NonAccoltaReading => fixed(
                "La risposta è arrivata con esito «non accolta»: instrada la tratta come una risposta non ritenuta esaustiva, per cui il sollecito di livello B è possibile subito, dal giorno del sollecito.",
                "The answer came with the outcome “non accolta”: instrada treats it as an answer not considered exhaustive, so the level B reminder is possible at once, from the reminder's date.",
            ),
            NotExhaustiveReading => fixed(
                "La risposta è arrivata ma non è esaustiva: il documento non chiede di attendere, per cui il sollecito di livello B è possibile subito, dal giorno del sollecito.",
                "The answer came but is not exhaustive: the document asks for no wait, so the level B reminder is possible at once, from the reminder's date.",
            ),
            LateFrom { due } => match lang {
                It => format!("Il documento non fissa il giorno: per instrada la risposta è in ritardo dal giorno lavorativo successivo al termine di {}.", day(due, lang)),
                En => format!("The document sets no day: for instrada the answer is late from the working day after the term of {}.", day(due, lang)),
            },
            LevelCReading { days, unit, b, b_due, by_b } => match lang {
                It => format!("Il documento non fissa un termine per la risposta del livello B: instrada gli concede lo stesso tempo della prima risposta ({}) dal primo giorno utile per il sollecito, {}, cioè fino a {}; il livello C è quindi possibile da {}.", length(days, unit, lang), day(b, lang), day(b_due, lang), day(by_b, lang)),
                En => format!("The document sets no term for level B's answer: instrada gives it the same time as the first answer ({}) from the first day the reminder is possible, {}, that is until {}; level C is then possible from {}.", length(days, unit, lang), day(b, lang), day(b_due, lang), day(by_b, lang)),
            },
            LevelCByProcess { process, cite, c } => match lang {
                It => format!(" Ma l'intero processo va definito entro {} ({cite}): il livello C è possibile già da {}.", day(process, lang), day(c, lang)),
                En => format!(" But the whole exchange must be settled by {} ({cite}): level C is possible from {}.", day(process, lang), day(c, lang)),
            },
            AppointmentReading { days, unit, cite, due } => match lang {
                It => format!("I tempi soglia «individuati dall'Istituto» non sono elencati nel documento: instrada usa il tempo di risposta di questa richiesta ({}, {cite}), quindi l'appuntamento è prenotabile dal giorno lavorativo successivo a {}. Con una risposta «non accolta» è prenotabile subito.", length(days, unit, lang), day(due, lang)),
                En => format!("The thresholds “individuati dall'Istituto” are not listed in the document: instrada uses this request's response time ({}, {cite}), so the appointment can be booked from the working day after {}. With a “non accolta” answer it can be booked at once.", length(days, unit, lang), day(due, lang)),
            },
            AppointmentNoDate => fixed(
                "I tempi soglia «individuati dall'Istituto» non sono elencati nei documenti: la data non si può calcolare. Con una risposta «non accolta» l'appuntamento è prenotabile subito.",
                "The thresholds “individuati dall'Istituto” are not listed in the documents: the date cannot be computed. With a “non accolta” answer the appointment can be booked at once.",
            ),
            PreavvisoReplyNote { section, message } => {
                let on = message.map(|d| day(d, lang)).unwrap_or_default();
                match lang {
                    It => format!(" Vale per il tuo riscontro a un preavviso di accertamento, inviato con il cassetto o con la PEC; per un altro messaggio sul DURC nel cassetto vale il termine del § {section} ({on})."),
                    En => format!(" It applies to your reply to a preavviso di accertamento, sent through the cassetto or by PEC; for any other DURC message in the cassetto the § {section} term applies ({on})."),
                }
            }
            DurcMessageNote { section, reply } => {
                let on = reply.map(|d| day(d, lang)).unwrap_or_default();
                match lang {
                    It => format!(" Vale per un messaggio sul DURC nel cassetto; se rispondi a un preavviso di accertamento vale il termine del § {section} ({on})."),
                    En => format!(" It applies to a DURC message in the cassetto; if you are replying to a preavviso di accertamento the § {section} term applies ({on})."),
                }
            }
            PreavvisoBefore { days, unit } => match lang {
                It => format!(" Prima, l'INPS invia il preavviso entro {} dal DURC negativo.", length(days, unit, lang)),
                En => format!(" Before that, INPS sends the preavviso within {} of the negative DURC.", length(days, unit, lang)),
            },
            IfReplyToPreavviso => fixed(", se questa è la tua risposta al preavviso", ", if this is your reply to the preavviso"),
            QuesitoRegional { days, unit } => match lang {
                It => format!("Se la Direzione provinciale trasmette il quesito alla Direzione regionale (e ne informa l'Ordine), la Direzione regionale risponde entro {} dal ricevimento: la data dipende da quando lo riceve.", length(days, unit, lang)),
                En => format!("If the Direzione provinciale forwards the quesito to the Direzione regionale (and tells the Ordine), the Direzione regionale answers within {} of receiving it: the date depends on when it receives it.", length(days, unit, lang)),
            },
            GiveNotice => fixed(
                "Indica il giorno in cui l'INPS ti ha contattato per calcolare la scadenza.",
                "Give the day INPS got in touch with you to compute the deadline.",
            ),
            PhoneLine { purpose, number, days, from, to } => match lang {
                It => format!("{purpose} Numero {number}, {} dalle {from} alle {to}.", days.joined(", ")),
                En => format!("{purpose} Number {number}, {} from {from} to {to}.", days.joined(", ")),
            },
            PhoneClosed { sent, at, next } => {
                let at = at.map(|t| format!(" {}", dates::hm(t))).unwrap_or_default();
                match lang {
                    It => format!(
                        " Il {}{} la linea è chiusa: la prima apertura è {}.",
                        it(sent),
                        if at.is_empty() { String::new() } else { format!(" alle{at}") },
                        day(next, lang)
                    ),
                    En => format!(
                        " On {}{} the line is closed: it next opens on {}.",
                        day(sent, lang),
                        if at.is_empty() { String::new() } else { format!(" at{at}") },
                        day(next, lang)
                    ),
                }
            }
            ContactsFrom { from, section } => match lang {
                It => format!(" Contatti in vigore dal {} ({section}).", it(from)),
                En => format!(" Contacts in force from {} ({section}).", dates::human(from, lang)),
            },
            WorkingCount { days, from } => match lang {
                It => format!("{} dopo {}", length(days, Unit::WorkingDays, lang), day(from, lang)),
                En => format!("{} after {}", length(days, Unit::WorkingDays, lang), day(from, lang)),
            },
            StartsOnClosedDay { why, start } => match lang {
                It => format!(", giorno di chiusura degli uffici{why}: il primo giorno lavorativo, {}, è il giorno 1", day(start, lang)),
                En => format!(", a day the offices are closed{why}: the first working day, {}, is day 1", day(start, lang)),
            },
            NotCounted => fixed("; non si contano ", "; not counted: "),
            CalendarCount { days, from, nominal } => match lang {
                It => format!("{} dopo {}: {}", length(days, Unit::CalendarDays, lang), day(from, lang), day(nominal, lang)),
                En => format!("{} after {}: {}", length(days, Unit::CalendarDays, lang), day(from, lang), day(nominal, lang)),
            },
            MovesTo { why, due } => match lang {
                It => format!(", giorno di chiusura degli uffici{why}: il termine slitta al primo giorno lavorativo, {}", day(due, lang)),
                En => format!(", a day the offices are closed{why}: the term moves to the next working day, {}", day(due, lang)),
            },
            And => fixed("e", "and"),
            IcsReading => fixed("Lettura di instrada:", "instrada's reading:"),
            IcsTo => fixed("Destinatari:", "To:"),
            IcsCc => fixed("In copia:", "Cc:"),
            IcsSource => fixed("Fonte:", "Source:"),
            IcsCalendar => fixed("Calendario:", "Calendar:"),
            IcsSent => fixed("Richiesta inviata il", "Request sent on"),
            IcsName => fixed("Scadenze INPS", "INPS deadlines"),
        }
    }
}

/// An object's label in the language (the titolario gives both).
pub(crate) fn object_label(o: &Oggetto, lang: Lang) -> &str {
    match lang {
        Lang::It => &o.label,
        Lang::En => &o.label_en,
    }
}
