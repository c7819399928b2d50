//! The texts of the review's problems: each in Italian and English side by side, rendered
//! in the language asked for only.

use crate::catalog::profile::{Gestione, SubjectPart};
use crate::catalog::titolario::{TempoSoglia, Unit};
use crate::dates::clip;
use crate::finding::Lang;
use crate::text::Join;

use super::Problem;
use crate::review::proposal::Proposal;
use crate::review::MAX_CONTENT;
use crate::routing::online::MAX_DESCRIPTION;

impl Problem<'_> {
    /// The message, in `lang` only.
    pub(crate) fn message(&self, lang: Lang) -> String {
        use Lang::{En, It};
        use Problem::*;
        match (*self, lang) {
            (DescriptionCut, It) => format!("La descrizione è lunga: sono stati letti i primi {MAX_DESCRIPTION} caratteri."),
            (DescriptionCut, En) => format!("The description is long: the first {MAX_DESCRIPTION} characters were read."),
            (CfInvalid { cf, reason }, It) => format!("Correggi il codice fiscale del contribuente «{}»: {reason}", clip(cf)),
            (CfInvalid { cf, reason }, En) => format!("Correct the contributor's codice fiscale “{}”: {reason}", clip(cf)),
            (MatricolaFormat { reason }, _) => reason.to_string(),
            (UnknownChannel { channel }, It) => format!("Il canale «{}» non è tra quelli previsti: è stato ignorato.", clip(channel)),
            (UnknownChannel { channel }, En) => format!("The channel “{}” is not a known one: it was ignored.", clip(channel)),
            (CassettoWrong { name, chosen }, It) => format!("Per questa richiesta si usa «{}», non il cassetto «{}».", name, clip(chosen)),
            (CassettoWrong { name, chosen }, En) => format!("This request goes through “{}”, not the cassetto “{}”.", name, clip(chosen)),
            (SenderInvalid { sender }, It) => format!("«{}» non è un indirizzo e-mail: controlla il mittente.", clip(sender)),
            (SenderInvalid { sender }, En) => format!("“{}” is not an e-mail address: check the sender.", clip(sender)),
            (SenderNotPec, It) => "Invia da una casella PEC: da un'e-mail non certificata l'istanza non sarà gestita. Controlla che il mittente sia una PEC.".into(),
            (SenderNotPec, En) => "Send from a PEC mailbox: from a non-certified e-mail the application will not be handled. Check the sender is a PEC.".into(),

            (OnlineOnly { label: Some(l), chosen }, It) => format!("«{l}» si presenta solo dai servizi online di www.inps.it (L. 122/2010): inviata con {} non sarebbe gestita.", chosen.label(It)),
            (OnlineOnly { label: Some(l), chosen }, En) => format!("“{l}” can only be submitted through the online services of www.inps.it (L. 122/2010): sent by {} it would not be handled.", chosen.label(En)),
            (OnlineOnly { label: None, chosen }, It) => format!("Questa domanda si presenta solo dai servizi online di www.inps.it (L. 122/2010): inviata con {} non sarebbe gestita.", chosen.label(It)),
            (OnlineOnly { label: None, chosen }, En) => format!("This request can only be submitted through the online services of www.inps.it (L. 122/2010): sent by {} it would not be handled.", chosen.label(En)),
            (PecUrgentOnly, It) => "La Comunicazione bidirezionale del cassetto è il canale esclusivo per la trattazione ordinaria delle pratiche; la PEC si usa per segnalazioni urgenti connesse a situazioni particolari (per esempio uno sgravio davanti a imminenti procedure esecutive, solleciti motivati di istanze). Se la richiesta non è urgente, inviala con la Comunicazione bidirezionale.".into(),
            (PecUrgentOnly, En) => "The cassetto's Comunicazione bidirezionale is the exclusive channel for ordinary matters; the PEC is for urgent reports in particular situations (for example a write-off before imminent enforcement, reasoned reminders about applications). If the request is not urgent, send it through the Comunicazione bidirezionale.".into(),
            (ResidualNotAllowed { best }, It) => format!("La casella e-mail si usa solo, in via residuale, per argomenti non previsti nel titolario; questa richiesta ha un oggetto nel cassetto: «{}». Inviala con la Comunicazione bidirezionale.", best),
            (ResidualNotAllowed { best }, En) => format!("The e-mail box is only a last resort for topics outside the titolario; this request has an object in the cassetto: “{}”. Send it through the Comunicazione bidirezionale.", best),
            (Residual, It) => "La casella e-mail si usa solo in via residuale, per argomenti non previsti nel titolario del cassetto: se un oggetto del cassetto corrisponde, usa la Comunicazione bidirezionale.".into(),
            (Residual, En) => "The e-mail box is only a last resort, for topics outside the cassetto's titolario: if an object of the cassetto fits, use the Comunicazione bidirezionale.".into(),
            (UseCassetto { agenda, name, menu, chosen, why }, It) => format!(
                "Questa richiesta va inviata con {} di «{name}»{}, non con {}. {why}",
                if agenda { "l'Agenda appuntamenti" } else { "la Comunicazione bidirezionale" },
                in_brackets(menu),
                chosen.label(It)
            ),
            (UseCassetto { agenda, name, menu, chosen, why }, En) => format!(
                "This request goes through the {} of “{name}”{}, not by {}. {why}",
                if agenda { "Agenda appuntamenti" } else { "Comunicazione bidirezionale" },
                in_brackets(menu),
                chosen.label(En)
            ),
            (UseOrdine { chosen, why }, It) => format!("Questa richiesta passa dall'Ordine provinciale, non da {}: rivolgiti al tuo Ordine. {}", chosen.label(It), why),
            (UseOrdine { chosen, why }, En) => format!("This request goes through the provincial Ordine, not by {}: contact your Ordine. {}", chosen.label(En), why),
            (ChannelOther { route, chosen, why }, It) => format!("Il protocollo indica {} per questa richiesta, non {}. {}", route.label(It), chosen.label(It), why),
            (ChannelOther { route, chosen, why }, En) => format!("The protocol names {} for this request, not {}. {}", route.label(En), chosen.label(En), why),

            (AppointmentVague { words }, It) => format!("Descrivi nel dettaglio la questione da discutere ({words} parole ora): l'appuntamento è per questioni nuove, complesse, irrisolte, e il funzionario deve potersi preparare."),
            (AppointmentVague { words }, En) => format!("Describe the matter in detail ({words} words now): appointments are for new, complex, unresolved matters, and the official must be able to prepare."),
            (BookingCfMissing, It) => "Indica il codice fiscale dell'azienda come richiedente e, nelle note, i dati del contribuente (codice fiscale, matricola aziendale).".into(),
            (BookingCfMissing, En) => "Give the company's codice fiscale as requester and, in the notes, the contributor's details (codice fiscale, matricola aziendale).".into(),
            (BookingMatricolaMissing, It) => "Indica nelle note la matricola aziendale, per individuare il contribuente.".into(),
            (BookingMatricolaMissing, En) => "Give the matricola aziendale in the notes, to identify the contributor.".into(),
            (AppointmentNoAct, It) => "Indica i dati identificativi dell'atto (ad esempio numero della cartella, avviso bonario o di addebito con il periodo) e cosa chiedi nel merito (contestazione, pagamento già effettuato, errore nella notifica, dilazione…).".into(),
            (AppointmentNoAct, En) => "Give the act's identifiers (for example the cartella number, the avviso bonario or di addebito with its period) and what you ask (challenge, payment already made, notification error, instalments…).".into(),
            (AppointmentNamedOfficial, It) => "Non chiedere un determinato funzionario: l'appuntamento è con l'ufficio competente. Togli il nome dalla richiesta.".into(),
            (AppointmentNamedOfficial, En) => "Do not ask for a specific official: the appointment is with the competent office. Remove the name from the request.".into(),
            (AppointmentNotFor, It) => "Solleciti, richieste di informazioni e segnalazioni di malfunzionamento non si trattano con un appuntamento: inviali con la comunicazione elettronica.".into(),
            (AppointmentNotFor, En) => "Reminders, requests for information and reports of malfunctions are not handled by appointment: send them by electronic communication.".into(),
            (EscalationCfMissing, It) => "Indica il codice fiscale del contribuente: senza i dati analitici la segnalazione ai livelli superiori non può essere gestita.".into(),
            (EscalationCfMissing, En) => "Give the contributor's codice fiscale: without the details an escalation cannot be handled.".into(),
            (EscalationMatricolaMissing, It) => "Indica la matricola aziendale: senza i dati analitici la segnalazione ai livelli superiori non può essere gestita.".into(),
            (EscalationMatricolaMissing, En) => "Give the matricola aziendale: without the details an escalation cannot be handled.".into(),
            (EscalationReferenceMissing, It) => "Indica gli estremi della comunicazione rimasta senza risposta (numero della Comunicazione bidirezionale o data e oggetto dell'e-mail).".into(),
            (EscalationReferenceMissing, En) => "Give the details of the unanswered communication (number of the Comunicazione bidirezionale, or date and subject of the e-mail).".into(),
            (EscalationAttach, It) => "Allega copia dei cassetti inevasi.".into(),
            (EscalationAttach, En) => "Attach a copy of the unanswered cassetto messages.".into(),

            (TitolarioUnknown { cassetto, object: None }, It) => format!("L'elenco degli oggetti di «{}» non è nei documenti: l'oggetto scelto non può essere controllato.", cassetto),
            (TitolarioUnknown { cassetto, object: None }, En) => format!("The object list of “{}” is not in the documents: the chosen object cannot be checked.", cassetto),
            (TitolarioUnknown { cassetto, object: Some(o) }, It) => format!("L'elenco degli oggetti di «{}» non è nei documenti: l'oggetto «{}» non può essere controllato.", cassetto, clip(o)),
            (TitolarioUnknown { cassetto, object: Some(o) }, En) => format!("The object list of “{}” is not in the documents: the object “{}” cannot be checked.", cassetto, clip(o)),
            (TitolarioSeeAlso { cassetto, name, .. }, It) => format!("Il documento del territorio non riporta l'elenco degli oggetti di «{}»: gli oggetti sono presi da «{}», dello stesso cassetto nazionale. Verifica nel menu del cassetto.", cassetto, name),
            (TitolarioSeeAlso { cassetto, name_en, .. }, En) => format!("The territory's document does not list the objects of “{}”: they are taken from “{}”, of the same national cassetto. Check the cassetto's menu.", cassetto, name_en),
            (ObjectMissing { best }, It) => format!("Scegli l'oggetto della comunicazione dal menu del cassetto.{}", best_fit(best, It)),
            (ObjectMissing { best }, En) => format!("Choose the communication's object from the cassetto's menu.{}", best_fit(best, En)),
            (ObjectUnknown { object, cassetto, best }, It) => format!("«{}» non è un oggetto del menu di «{}»: scegline uno dall'elenco.{}", clip(object), cassetto, best_fit(best, It)),
            (ObjectUnknown { object, cassetto, best }, En) => format!("“{}” is not an object of the “{}” menu: choose one from the list.{}", clip(object), cassetto, best_fit(best, En)),
            (ObjectNotYet { object, from, best }, It) => format!("L'oggetto «{}» è nel menu dal {}: alla data scelta non c'era.{}", object, crate::dates::it(from), best_fit(best, It)),
            (ObjectNotYet { object, from, best }, En) => format!("The object “{}” is in the menu from {}: it did not exist at the chosen date.{}", object, crate::dates::iso(from), best_fit(best, En)),
            (ObjectRemoved { object, on, best }, It) => format!("L'oggetto «{}» è stato inibito dal {}: non si può più scegliere.{}", object, crate::dates::it(on), best_fit(best, It)),
            (ObjectRemoved { object, on, best }, En) => format!("The object “{}” was disabled on {}: it can no longer be chosen.{}", object, crate::dates::iso(on), best_fit(best, En)),
            (GenericEliminated { object, best }, It) => format!("L'oggetto generico «{}» è stato eliminato da questo titolario: scegli l'oggetto specifico della richiesta.{}", object, best_fit(best, It)),
            (GenericEliminated { object, best }, En) => format!("The generic object “{}” was eliminated from this titolario: choose the request's specific object.{}", object, best_fit(best, En)),
            (ObjectLegacy { object, best }, It) => format!("«{}» è tra gli oggetti precedenti: resta per le comunicazioni passate, non si sceglie per una nuova.{}", object, best_fit(best, It)),
            (ObjectLegacy { object, best }, En) => format!("“{}” is one of the former objects: it stays for past communications and is not chosen for a new one.{}", object, best_fit(best, En)),
            (ObjectEliminated { object, best }, It) => format!("L'oggetto «{}» non è più tra quelli che si possono scegliere.{}", object, best_fit(best, It)),
            (ObjectEliminated { object, best }, En) => format!("The object “{}” can no longer be chosen.{}", object, best_fit(best, En)),
            (GenericObject { object, best: b }, It) => format!("Hai scelto «{}», ma per questa richiesta c'è un oggetto specifico: «{}» (parole trovate: {}). Con l'oggetto generico la risposta non ha tempi garantiti: scegli l'oggetto specifico.", object, b.label, quoted(&b.matched, It)),
            (GenericObject { object, best: b }, En) => format!("You chose “{}”, but this request has a specific object: “{}” (words found: {}). With the generic object the answer has no guaranteed time: choose the specific object.", object, label_en(b), quoted(&b.matched, En)),
            (GenericUnchecked { cassetto, object }, It) => format!("L'elenco degli oggetti di «{}» non è nei documenti: usa «{}» solo se nessun oggetto del menu corrisponde, altrimenti la risposta non ha tempi garantiti.", cassetto, object),
            (GenericUnchecked { cassetto, object }, En) => format!("The object list of “{}” is not in the documents: use “{}” only if no object of the menu fits, otherwise the answer has no guaranteed time.", cassetto, object),
            (GenericNoDescription { object }, It) => format!("Descrivi la richiesta: «{}» va usato solo se nessun oggetto specifico corrisponde, e con la descrizione si può verificarlo.", object),
            (GenericNoDescription { object }, En) => format!("Describe the request: “{}” is only for requests no specific object fits, and the description lets us check that.", object),
            (GenericOk { object }, It) => format!("Nessun oggetto specifico corrisponde alla descrizione: «{}» è la scelta prevista. Esponi la richiesta in modo chiaro e completo.", object),
            (GenericOk { object }, En) => format!("No specific object matches the description: “{}” is the expected choice. Set out the request clearly and in full.", object),
            (ObjectOtherFits { object, best: b }, It) => format!("La descrizione corrisponde meglio a «{}» (parole trovate: {}): controlla che «{}» sia l'oggetto giusto.", b.label, quoted(&b.matched, It), object),
            (ObjectOtherFits { object, best: b }, En) => format!("The description matches “{}” better (words found: {}): check that “{}” is the right object.", label_en(b), quoted(&b.matched, En), object),
            (TempoSoglia { object, soglia }, It) => format!("Per «{}» il tempo soglia di definizione è di {}.", object, soglia_words(&soglia, It)),
            (TempoSoglia { object, soglia }, En) => format!("For “{}” the threshold for a decision is {}.", object, soglia_words(&soglia, En)),

            (RecipientInvalid { raw }, It) => format!("«{}» non è un indirizzo e-mail: scrivilo come nome@dominio.it.", clip(raw.trim())),
            (RecipientInvalid { raw }, En) => format!("“{}” is not an e-mail address: write it as name@domain.it.", clip(raw.trim())),
            (RecipientDead { a, pattern }, It) => format!("La casella {a} è tra le vecchie e-mail istituzionali ({}) che non sono più prese in carico: la richiesta non avrebbe seguito. Usa il canale indicato.", pattern),
            (RecipientDead { a, pattern }, En) => format!("{a} is one of the old institutional boxes ({}) that are no longer read: the request would get no reply. Use the channel shown.", pattern),
            (EscalationFirstContact { a, level }, It) => format!("{a} è un contatto per i solleciti di livello {}: si scrive lì solo quando la risposta tarda oltre il tempo garantito. Per il primo contatto usa il canale indicato.", level),
            (EscalationFirstContact { a, level }, En) => format!("{a} is a level {} escalation contact: write there only when the answer is later than the guaranteed time. For the first contact use the channel shown.", level),
            (EscalationOutdated { a, level, replaced_on }, It) => format!("{a} non è più nell'elenco dei contatti di livello {}: l'elenco è stato sostituito{}. Scrivi al contatto indicato per la tua sede.", level, replaced_on.map(|d| format!(" dal {}", crate::dates::it(d))).unwrap_or_default()),
            (EscalationOutdated { a, level, replaced_on }, En) => format!("{a} is no longer in the level {} contact list: the list was replaced{}. Write to the contact shown for your office.", level, replaced_on.map(|d| format!(" on {}", crate::dates::iso(d))).unwrap_or_default()),
            (EscalationSede { a, level }, It) => format!("{a} è il contatto di livello {} di un'altra sede: scrivi a quello della sede competente.", level),
            (EscalationSede { a, level }, En) => format!("{a} is the level {} contact of another office: write to the competent office's one.", level),
            (RecipientWrong { box_, addresses }, It) => format!("{} non è la casella per questa richiesta: scrivi a {}.", box_, addresses),
            (RecipientWrong { box_, addresses }, En) => format!("{} is not the box for this request: write to {}.", box_, addresses),
            (RecipientPersonal { a, .. }, It) => format!("{a} sembra la casella personale di un funzionario: le caselle dei singoli operatori non sono prese in carico. Usa il canale indicato."),
            (RecipientPersonal { a, .. }, En) => format!("{a} looks like an official's personal box: individual officials' boxes are not read. Use the channel shown."),
            (RecipientNotListed { a }, It) => format!("{a} non è tra le caselle indicate nel protocollo: le richieste inviate ad altre caselle non sono prese in considerazione. Usa il canale indicato."),
            (RecipientNotListed { a }, En) => format!("{a} is not among the boxes the protocol lists: requests sent to other boxes are not considered. Use the channel shown."),
            (RecipientUnknown { a }, It) => format!("{a} non è tra le caselle del protocollo: verifica che sia quella giusta."),
            (RecipientUnknown { a }, En) => format!("{a} is not among the protocol's boxes: check it is the right one."),
            (RecipientNotInps { a }, It) => format!("{a} non è una casella dell'INPS: controlla il destinatario."),
            (RecipientNotInps { a }, En) => format!("{a} is not an INPS box: check the recipient."),
            (RecipientNotPec { a }, It) => format!("Questa richiesta va inviata via PEC a un indirizzo @postacert.inps.gov.it: {a} non è una PEC e la richiesta non sarebbe gestita."),
            (RecipientNotPec { a }, En) => format!("This request must go by PEC to an @postacert.inps.gov.it address: {a} is not a PEC and the request would not be handled."),

            (SubjectMissing { parts }, It) => format!("Scrivi l'oggetto dell'e-mail: deve contenere {}.", describe(parts, It)),
            (SubjectMissing { parts }, En) => format!("Write the e-mail subject: it must hold {}.", describe(parts, En)),
            (SubjectCfInvalid { cf }, It) => format!("Il codice fiscale nell'oggetto, {}, non supera il controllo: correggilo (16 caratteri o 11 cifre).", clip(cf)),
            (SubjectCfInvalid { cf }, En) => format!("The codice fiscale in the subject, {}, fails its check: correct it (16 characters or 11 digits).", clip(cf)),
            (SubjectCfMissing, It) => "Scrivi nell'oggetto il codice fiscale del contribuente.".into(),
            (SubjectCfMissing, En) => "Put the contributor's codice fiscale in the subject.".into(),
            (SubjectCfDifferent { found, cf }, It) => format!("Il codice fiscale nell'oggetto ({found}) è diverso da quello del contribuente ({cf}): controlla quale è giusto."),
            (SubjectCfDifferent { found, cf }, En) => format!("The codice fiscale in the subject ({found}) differs from the contributor's ({cf}): check which is right."),
            (SubjectIdMissing, It) => "Scrivi nell'oggetto la matricola aziendale o il codice fiscale del contribuente.".into(),
            (SubjectIdMissing, En) => "Put the matricola aziendale or the contributor's codice fiscale in the subject.".into(),
            (SubjectGestioneMissing { example }, It) => format!("Scrivi nell'oggetto la gestione previdenziale del contribuente (ad esempio «{}»).", example.subject_label()),
            (SubjectGestioneMissing { example }, En) => format!("Put the contributor's gestione in the subject (for example “{}”).", example.subject_label()),
            (SubjectGestioneOther { named, gestione }, It) => format!("L'oggetto nomina la gestione «{}», ma la richiesta è per {}: correggi l'oggetto o la gestione.", named, gestione.label(It)),
            (SubjectGestioneOther { named, gestione }, En) => format!("The subject names “{}”, but the request is for {}: correct the subject or the gestione.", named, gestione.label(En)),
            (SubjectContentMissing, It) => "Aggiungi all'oggetto il contenuto sintetico della richiesta (ad esempio «sollecito rimborso», «contestazione avviso bonario»).".into(),
            (SubjectContentMissing, En) => "Add a short statement of the request to the subject (for example “sollecito rimborso”, “contestazione avviso bonario”).".into(),
            (SubjectPrefix { prefix }, It) => format!("Inizia l'oggetto con «{prefix}»."),
            (SubjectPrefix { prefix }, En) => format!("Start the subject with “{prefix}”."),
            (SubjectLong, It) => "L'oggetto è molto lungo: tienilo breve (codice fiscale, gestione, contenuto) e metti i dettagli nel testo.".into(),
            (SubjectLong, En) => "The subject is very long: keep it short (codice fiscale, gestione, content) and put the details in the body.".into(),

            (ComposeCfInvalid { cf }, It) => format!("Il codice fiscale «{}» non supera il controllo: deve avere 16 caratteri o 11 cifre con il carattere di controllo giusto.", clip(cf)),
            (ComposeCfInvalid { cf }, En) => format!("The codice fiscale “{}” fails its check: it must have 16 characters or 11 digits with the right check character.", clip(cf)),
            (ComposeCfMissing, It) => "Inserisci il codice fiscale del contribuente.".into(),
            (ComposeCfMissing, En) => "Enter the contributor's codice fiscale.".into(),
            (ComposeMatricolaFormat { matricola }, It) => format!("La matricola aziendale INPS ha 10 cifre: «{}» non ha questa forma, controllala.", clip(matricola)),
            (ComposeMatricolaFormat { matricola }, En) => format!("The INPS matricola aziendale has 10 digits: “{}” does not, check it.", clip(matricola)),
            (ComposeUnknownGestione { gestione }, It) => format!("La gestione «{}» non è tra quelle previste: usa una tra {}.", clip(gestione), Gestione::ALL.map(|g| g.id()).joined(", ")),
            (ComposeUnknownGestione { gestione }, En) => format!("The gestione “{}” is not a known one: use one of {}.", clip(gestione), Gestione::ALL.map(|g| g.id()).joined(", ")),
            (ComposeGestioneMissing, It) => "Scegli la gestione previdenziale del contribuente.".into(),
            (ComposeGestioneMissing, En) => "Choose the contributor's gestione.".into(),
            (ComposeContentMissing, It) => "Scrivi in poche parole il contenuto della richiesta (ad esempio «sollecito rimborso»).".into(),
            (ComposeContentMissing, En) => "Write the content of the request in a few words (for example “sollecito rimborso”).".into(),
            (ComposeContentShortened, It) => format!("Il contenuto è stato accorciato a {MAX_CONTENT} caratteri: metti i dettagli nel testo dell'e-mail."),
            (ComposeContentShortened, En) => format!("The content was shortened to {MAX_CONTENT} characters: put the details in the e-mail body."),
        }
    }
}

/// `" (menu)"`, or nothing.
fn in_brackets(menu: Option<&str>) -> String {
    menu.map(|m| format!(" ({m})")).unwrap_or_default()
}

/// The object's label in English, where the titolario gives one.
fn label_en(b: &Proposal) -> &str {
    if b.label_en.is_empty() {
        &b.label
    } else {
        &b.label_en
    }
}

/// The sentence that names the object fitting the description, appended to a message.
fn best_fit(best: Option<&Proposal>, lang: Lang) -> String {
    match (best, lang) {
        (None, _) => String::new(),
        (Some(b), Lang::It) => format!(
            " Oggetto che corrisponde alla descrizione: «{}» (parole trovate: {}).",
            b.label,
            quoted(&b.matched, Lang::It)
        ),
        (Some(b), Lang::En) => format!(
            " Object that matches the description: “{}” (words found: {}).",
            label_en(b),
            quoted(&b.matched, Lang::En)
        ),
    }
}

/// Words in the language's quotation marks, separated by commas.
fn quoted(list: &[String], lang: Lang) -> String {
    let (open, close) = match lang {
        Lang::It => ("«", "»"),
        Lang::En => ("“", "”"),
    };
    let mut out = String::new();
    for (i, w) in list.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        out.extend([open, w.as_str(), close]);
    }
    out
}

/// The days of a threshold in words.
pub fn soglia_words(t: &TempoSoglia, lang: Lang) -> String {
    match (t.unit, lang) {
        (Unit::WorkingDays, Lang::It) => format!("{} giorni lavorativi", t.days),
        (Unit::WorkingDays, Lang::En) => format!("{} working days", t.days),
        (Unit::CalendarDays, Lang::It) => format!("{} giorni di calendario", t.days),
        (Unit::CalendarDays, Lang::En) => format!("{} calendar days", t.days),
    }
}

/// What a subject must hold, in words: "il codice fiscale del contribuente e la gestione".
fn describe(parts: &[SubjectPart], lang: Lang) -> String {
    let words: Vec<&str> = parts
        .iter()
        .map(|p| match (p, lang) {
            (SubjectPart::CodiceFiscale, Lang::It) => "il codice fiscale del contribuente",
            (SubjectPart::CodiceFiscale, Lang::En) => "the contributor's codice fiscale",
            (SubjectPart::CodiceFiscaleOMatricola, Lang::It) => {
                "la matricola aziendale o il codice fiscale"
            }
            (SubjectPart::CodiceFiscaleOMatricola, Lang::En) => {
                "the matricola aziendale or the codice fiscale"
            }
            (SubjectPart::Gestione, Lang::It) => "la gestione previdenziale",
            (SubjectPart::Gestione, Lang::En) => "the gestione",
            (SubjectPart::Contenuto, Lang::It) => "il contenuto sintetico della richiesta",
            (SubjectPart::Contenuto, Lang::En) => "a short statement of the request",
        })
        .collect();
    let last = match lang {
        Lang::It => " e ",
        Lang::En => " and ",
    };
    match words.split_last() {
        None => String::new(),
        Some((l, [])) => l.to_string(),
        Some((l, rest)) => format!("{}{last}{l}", rest.joined(", ")),
    }
}
