//! The widget's own words, Italian first and English complete. The findings' messages come
//! from the core already in the right language; this file holds only the interface's labels.
//!
//! Wording follows GOV.UK: say what to do with the field's own words, no "non valido" alone,
//! no "attenzione!", no blame.

use crate::finding::Lang;

use crate::catalog::profile::SubjectPart;

use super::fields::Kind;

/// A fixed label of the interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Label {
    /// Title of the error summary (GOV.UK: "There is a problem").
    SummaryTitle,
    /// Visually hidden prefix of an inline error, read by screen readers before the message.
    ErrorPrefix,
    /// Visually hidden prefix of an inline warning.
    WarningPrefix,
    /// Picker: the search box's label.
    PickerSearch,
    /// Picker: the select's label.
    PickerSelect,
    /// Picker: the first, empty option.
    PickerChoose,
    /// Picker: the group of objects proposed from the description.
    PickerSuggested,
    /// Picker: the group of objects that can no longer be chosen.
    PickerRemoved,
    /// Picker: the status line when the search matches nothing.
    PickerNoMatch,
    /// Channel panel title.
    ChannelTitle,
    /// Timeline panel title.
    TimelineTitle,
    /// Timeline: the download button.
    TimelineDownload,
    /// The submit button of a mounted form.
    Submit,
    /// The first, empty option of the gestione select of a mounted form.
    ChooseGestione,
    /// The first, empty option of a sede select the widget fills.
    ChooseSede,
    /// A mounted form's note that nothing leaves the browser.
    PrivacyNote,
    Undo,
    Why,
}

impl Label {
    /// The label in `lang`.
    pub(crate) fn text(self, lang: Lang) -> &'static str {
        use Label::*;
        let (it, en) = match self {
            SummaryTitle => ("C'è un problema", "There is a problem"),
            ErrorPrefix => ("Errore:", "Error:"),
            WarningPrefix => ("Avviso:", "Warning:"),
            PickerSearch => ("Cerca nel titolario", "Search the titolario"),
            PickerSelect => (
                "Oggetti del titolario, per classe",
                "Objects of the titolario, by class",
            ),
            PickerChoose => ("Scegli l'oggetto", "Choose the object"),
            PickerSuggested => (
                "Suggeriti dalla descrizione",
                "Suggested by the description",
            ),
            PickerRemoved => ("Non più disponibili", "No longer available"),
            PickerNoMatch => (
                "Nessun oggetto corrisponde alla ricerca: prova con un'altra parola.",
                "No object matches the search: try another word.",
            ),
            ChannelTitle => ("Canale da usare", "Channel to use"),
            TimelineTitle => (
                "Entro quando deve rispondere INPS",
                "When INPS must answer by",
            ),
            TimelineDownload => (
                "Scarica le scadenze nel calendario (.ics)",
                "Download the dates for your calendar (.ics)",
            ),
            Submit => ("Invia la comunicazione", "Send the request"),
            ChooseGestione => ("Scegli la gestione", "Choose the gestione"),
            ChooseSede => ("Scegli la sede", "Choose the sede"),
            Undo => ("Annulla", "Undo"),
            Why => ("Perché?", "Why?"),
            PrivacyNote => (
                "I controlli avvengono nel browser: nulla di quanto scrivi lascia questa pagina.",
                "The checks run in your browser: nothing you type leaves this page.",
            ),
        };
        lang.pick(it, en)
    }
}

/// "Usa «X»": the button that applies a suggested value (never applied without it).
pub(crate) fn use_value(value: &str, lang: Lang) -> String {
    match lang {
        Lang::It => format!("Usa «{value}»"),
        Lang::En => format!("Use “{value}”"),
    }
}

/// "N giorni lavorativi" for a threshold.
/// The title of the codice fiscale proposals.
pub(crate) fn proposals_title(n: usize, lang: Lang) -> &'static str {
    match (lang, n) {
        (Lang::It, 1) => "Codice proposto:",
        (Lang::It, _) => "Codici proposti:",
        (Lang::En, 1) => "Proposed code:",
        (Lang::En, _) => "Proposed codes:",
    }
}

/// The disclosure of the further proposals: "Altre 2 proposte".
pub(crate) fn more_proposals(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::It, 1) => "Un'altra proposta".to_string(),
        (Lang::It, _) => format!("Altre {n} proposte"),
        (Lang::En, 1) => "One more proposal".to_string(),
        (Lang::En, _) => format!("{n} more proposals"),
    }
}

/// The line that offers to undo a «Usa».
pub(crate) fn used_instead(before: &str, lang: Lang) -> String {
    let before = crate::dates::clip(before);
    match (lang, before.trim().is_empty()) {
        (Lang::It, false) => format!("Hai usato la proposta al posto di «{before}»."),
        (Lang::En, false) => format!("You used the proposal instead of “{before}”."),
        (Lang::It, true) => "Hai usato la proposta.".to_string(),
        (Lang::En, true) => "You used the proposal.".to_string(),
    }
}

pub(crate) fn working_days(n: u32, lang: Lang) -> String {
    match (lang, n) {
        (Lang::It, 1) => "1 giorno lavorativo".to_string(),
        (Lang::It, _) => format!("{n} giorni lavorativi"),
        (Lang::En, 1) => "1 working day".to_string(),
        (Lang::En, _) => format!("{n} working days"),
    }
}

/// The picker's status line: how many objects the search or the description selects.
pub(crate) fn picker_status(shown: usize, suggested: usize, lang: Lang) -> String {
    match lang {
        Lang::It => match suggested {
            0 => format!("{shown} oggetti nell'elenco."),
            1 => format!("{shown} oggetti nell'elenco; 1 suggerito dalla descrizione."),
            _ => format!("{shown} oggetti nell'elenco; {suggested} suggeriti dalla descrizione."),
        },
        Lang::En => match suggested {
            0 => format!("{shown} objects in the list."),
            1 => format!("{shown} objects in the list; 1 suggested by the description."),
            _ => format!("{shown} objects in the list; {suggested} suggested by the description."),
        },
    }
}

/// The label of a field in a mounted form.
pub(crate) fn field_label(kind: Kind, lang: Lang) -> &'static str {
    use Kind::*;
    let (it, en) = match kind {
        CodiceFiscale => (
            "Codice fiscale del contribuente",
            "Contributor's codice fiscale",
        ),
        Matricola => ("Matricola INPS dell'azienda", "Company's INPS matricola"),
        Gestione => ("Gestione (cassetto)", "Gestione (cassetto)"),
        Tipo => ("Tipo di richiesta", "Kind of request"),
        Oggetto => ("Oggetto della comunicazione", "Object of the request"),
        Descrizione => ("Descrizione della richiesta", "Description of the request"),
        OggettoEmail => ("Oggetto della e-mail", "E-mail subject"),
        Destinatario => ("Indirizzo del destinatario", "Recipient's address"),
        Mittente => ("Indirizzo PEC del mittente", "Sender's PEC address"),
        DataInvio => ("Data di invio", "Date of sending"),
        DataRichiesta => ("Data della richiesta di INPS", "Date of INPS's request"),
        Cognome => ("Cognome", "Surname"),
        Nome => ("Nome", "Given name"),
        DataNascita => ("Data di nascita", "Date of birth"),
        Sesso => ("Sesso", "Sex"),
        LuogoNascita => ("Luogo di nascita", "Place of birth"),
        Sede => ("Sede INPS competente", "Competent INPS sede"),
        DataPrimaRichiesta => ("Data della prima richiesta", "Date of the first request"),
        EsitoPrecedente => (
            "Esito della richiesta precedente",
            "Outcome of the earlier request",
        ),
    };
    lang.pick(it, en)
}

/// The hint under a field in a mounted form (empty: no hint).
pub(crate) fn field_hint(kind: Kind, lang: Lang) -> &'static str {
    use Kind::*;
    let (it, en) = match kind {
        CodiceFiscale => (
            "16 caratteri per le persone, 11 cifre per aziende ed enti. Spazi e minuscole non contano.",
            "16 characters for persons, 11 digits for companies and bodies. Spaces and case do not matter.",
        ),
        Matricola => ("10 cifre, come nel cassetto previdenziale.", "10 digits, as in the cassetto previdenziale."),
        Descrizione => (
            "Esponi la richiesta in modo puntuale, con i riferimenti (matricola, periodo, numero dell'avviso o della cartella).",
            "State the request precisely, with its references (matricola, period, number of the notice or of the cartella).",
        ),
        DataInvio => ("La data in cui invii la comunicazione.", "The day you send the request."),
        OggettoEmail => (
            "Il protocollo chiede che l'oggetto riporti i dati indicati qui sopra, nel riquadro del canale.",
            "The protocol asks the subject to hold what the channel box above lists.",
        ),
        Destinatario => (
            "La casella indicata nel riquadro del canale, qui sopra.",
            "The mailbox the channel box above names.",
        ),
        Sede => (
            "La sede del territorio del contribuente: decide il calendario (la festa del patrono) e le caselle.",
            "The office of the contributor's territory: it decides the calendar (the patron day) and the mailboxes.",
        ),
        DataPrimaRichiesta => (
            "Per un sollecito: il giorno in cui hai inviato la prima richiesta.",
            "For a reminder: the day you sent the first request.",
        ),
        _ => ("", ""),
    };
    lang.pick(it, en)
}

/// The message for an empty required field: what to do, with the field's words.
pub(crate) fn required(kind: Kind, lang: Lang) -> &'static str {
    use Kind::*;
    let (it, en) = match kind {
        CodiceFiscale => (
            "Inserisci il codice fiscale del contribuente",
            "Enter the contributor's codice fiscale",
        ),
        Tipo => ("Scegli il tipo di richiesta", "Choose the kind of request"),
        Matricola => (
            "Inserisci la matricola INPS dell'azienda",
            "Enter the company's INPS matricola",
        ),
        Gestione => (
            "Scegli la gestione del contribuente",
            "Choose the contributor's gestione",
        ),
        Oggetto => (
            "Scegli l'oggetto della comunicazione",
            "Choose the object of the request",
        ),
        Descrizione => ("Descrivi la richiesta", "Describe the request"),
        OggettoEmail => (
            "Inserisci l'oggetto della e-mail",
            "Enter the e-mail subject",
        ),
        Destinatario => (
            "Inserisci l'indirizzo del destinatario",
            "Enter the recipient's address",
        ),
        Mittente => (
            "Inserisci l'indirizzo PEC da cui scrivi",
            "Enter the PEC address you write from",
        ),
        DataInvio => ("Inserisci la data di invio", "Enter the date of sending"),
        DataRichiesta => (
            "Inserisci la data della richiesta di INPS",
            "Enter the date of INPS's request",
        ),
        Cognome => ("Inserisci il cognome", "Enter the surname"),
        Nome => ("Inserisci il nome", "Enter the given name"),
        DataNascita => ("Inserisci la data di nascita", "Enter the date of birth"),
        Sesso => ("Scegli il sesso", "Choose the sex"),
        LuogoNascita => ("Inserisci il luogo di nascita", "Enter the place of birth"),
        Sede => (
            "Scegli la sede INPS competente",
            "Choose the competent INPS sede",
        ),
        DataPrimaRichiesta => (
            "Inserisci la data della prima richiesta",
            "Enter the date of the first request",
        ),
        EsitoPrecedente => (
            "Scegli l'esito della richiesta precedente",
            "Choose the outcome of the earlier request",
        ),
    };
    lang.pick(it, en)
}

/// What an e-mail subject must hold, in words.
pub(crate) fn subject_part(part: SubjectPart, lang: Lang) -> &'static str {
    let (it, en) = match part {
        SubjectPart::CodiceFiscale => (
            "il codice fiscale del contribuente",
            "the contributor's codice fiscale",
        ),
        SubjectPart::CodiceFiscaleOMatricola => (
            "il codice fiscale o la matricola",
            "the codice fiscale or the matricola",
        ),
        SubjectPart::Gestione => ("la gestione previdenziale", "the gestione previdenziale"),
        SubjectPart::Contenuto => ("il contenuto in breve", "the content in short"),
    };
    lang.pick(it, en)
}
