//! The fields a finding is about: one type for the whole crate.
//!
//! A finding marks either a field of the portal's form ([`FormField`], named as in
//! `data-instrada-field`, the integrator's guide's list) or, for what only the JavaScript API
//! takes (a profile's JSON, an option, a calendar event), the property or path of the input
//! the caller wrote ([`Field::Input`]). A concept the form has is always named by its form
//! field, whichever function reports it: the object is `oggetto` in `review()`, `timeline()`
//! and the widget alike, and the widget reads the field back without a table of spellings.

use crate::vocabulary::Choices;

/// The fields of a portal's form instrada understands, named as in `data-instrada-field="…"`:
/// the widget binds them, and every check names the one it is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FormField {
    /// `codice-fiscale`: the contributor's codice fiscale (person or company).
    CodiceFiscale,
    /// `matricola`: the company's INPS matricola (10 digits).
    Matricola,
    /// `gestione`: the contributor's gestione (value: a gestione or cassetto id,
    /// `aziende-dm`, `agricoli`, …).
    Gestione,
    /// `tipo`: the kind of request (`comunicazione`, `sollecito`, `durc`, …); a
    /// communication when the form has no such field.
    Tipo,
    /// `oggetto`: the object chosen from the cassetto's titolario.
    Oggetto,
    /// `descrizione`: the free text of the request.
    Descrizione,
    /// `oggetto-email`: the subject of an e-mail (institutional mailbox channels).
    OggettoEmail,
    /// `destinatario`: the address the request is sent to.
    Destinatario,
    /// `mittente`: the address the request is sent from (PEC or not).
    Mittente,
    /// `data-invio`: the day the request is sent (starts the response times).
    DataInvio,
    /// `data-richiesta`: the day INPS asked the intermediary for something (Milano F).
    DataRichiesta,
    /// `cognome`, `nome`, `data-nascita`, `sesso`, `luogo-nascita`: the person's data, checked
    /// against the codice fiscale.
    Cognome,
    /// See [`FormField::Cognome`].
    Nome,
    /// See [`FormField::Cognome`].
    DataNascita,
    /// See [`FormField::Cognome`].
    Sesso,
    /// See [`FormField::Cognome`].
    LuogoNascita,
    /// `sede`: the competent INPS sede (its calendar and its mailboxes); a `<select>` left
    /// empty by the portal is filled with the profile's sedi.
    Sede,
    /// `data-prima-richiesta`: the day of the first request, for a sollecito (the limits of
    /// the escalation count from it).
    DataPrimaRichiesta,
    /// `esito-precedente`: how the earlier request went (`senza-risposta`, `non-accolta`,
    /// `non-esaustiva`, …).
    EsitoPrecedente,
}

impl FormField {
    /// Every field, in the order messages are listed in the error summary when a portal's
    /// form does not say otherwise (the summary follows the form's own order).
    pub const ALL: [FormField; 19] = [
        FormField::CodiceFiscale,
        FormField::Matricola,
        FormField::Cognome,
        FormField::Nome,
        FormField::DataNascita,
        FormField::Sesso,
        FormField::LuogoNascita,
        FormField::Sede,
        FormField::Gestione,
        FormField::Tipo,
        FormField::DataPrimaRichiesta,
        FormField::EsitoPrecedente,
        FormField::Oggetto,
        FormField::Descrizione,
        FormField::Mittente,
        FormField::Destinatario,
        FormField::OggettoEmail,
        FormField::DataInvio,
        FormField::DataRichiesta,
    ];

    /// The name used in `data-instrada-field` and in findings' `field`: the vocabulary's
    /// (`crate::vocabulary::FIELDS`, in this enum's order), so the integrator's guide, checked
    /// against that list, names exactly the widget's fields.
    pub fn name(self) -> &'static str {
        crate::vocabulary::FIELDS
            .get(self.index())
            .map(|f| f.name)
            .unwrap_or("")
    }

    /// The closed list of values the field accepts, if any.
    pub fn choices(self) -> Choices {
        crate::vocabulary::FIELDS
            .get(self.index())
            .map(|f| f.choices)
            .unwrap_or(Choices::Free)
    }

    /// Reads a `data-instrada-field` value (case and surrounding spaces ignored).
    pub fn parse(name: &str) -> Option<FormField> {
        let name = name.trim().to_ascii_lowercase();
        FormField::ALL.into_iter().find(|k| k.name() == name)
    }

    /// Index in value arrays.
    pub fn index(self) -> usize {
        self as usize
    }

    /// Number of kinds (length of value arrays).
    pub const COUNT: usize = 19;

    /// How much of the field's text the widget reads and checks (UTF-16 units): enough for
    /// any real value, so that what a paste costs is bounded. The rest stays in the field
    /// as typed and is submitted with it; `input.checked-in-part` says so. README,
    /// "Bounded cost".
    pub fn max_chars(self) -> usize {
        match self {
            // A request's text: a few pages.
            FormField::Descrizione => 20_000,
            // Codes, dates and the values of choices: a valid one is at most 16 characters.
            FormField::CodiceFiscale
            | FormField::Matricola
            | FormField::Gestione
            | FormField::Tipo
            | FormField::Sesso
            | FormField::DataInvio
            | FormField::DataRichiesta
            | FormField::DataPrimaRichiesta
            | FormField::EsitoPrecedente
            | FormField::DataNascita => 100,
            // Names, addresses, an object's label, an e-mail's subject.
            FormField::Oggetto
            | FormField::OggettoEmail
            | FormField::Destinatario
            | FormField::Mittente
            | FormField::Cognome
            | FormField::Nome
            | FormField::Sede
            | FormField::LuogoNascita => 1_000,
        }
    }
}

/// What a finding is about.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum Field {
    /// A field of the portal's form.
    Form(FormField),
    /// A property (or a path, `events[2].summary`) of what the caller passed to a function of
    /// the JavaScript API, for what the form has no field.
    Input(String),
}

impl Field {
    /// A property or path of the caller's input.
    pub fn input(path: impl Into<String>) -> Field {
        Field::Input(path.into())
    }

    /// The name sent in findings' `field`.
    pub fn id(&self) -> &str {
        match self {
            Field::Form(f) => f.name(),
            Field::Input(path) => path,
        }
    }

    /// The form field, if it is one.
    pub fn form(&self) -> Option<FormField> {
        match self {
            Field::Form(f) => Some(*f),
            Field::Input(_) => None,
        }
    }
}

impl From<FormField> for Field {
    fn from(f: FormField) -> Field {
        Field::Form(f)
    }
}

impl serde::Serialize for Field {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.id())
    }
}
