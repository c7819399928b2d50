//! The fields a finding is about: one type for the whole crate.
//!
//! A finding marks either a field of the portal's form ([`FormField`], named as in
//! `data-instrada-field`, the integrator's guide's list) or, for what only the JavaScript API
//! takes (a profile's JSON, an option, a calendar event), the property or path of the input
//! the caller wrote ([`Field::Input`]). A concept the form has is always named by its form
//! field, whichever function reports it: the object is `oggetto` in `review()`, `timeline()`
//! and the widget alike, and the widget reads the field back without a table of spellings.

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
    /// (`FIELDS`, in this enum's order), so the integrator's guide, checked
    /// against that list, names exactly the widget's fields.
    pub fn name(self) -> &'static str {
        FIELDS.get(self.index()).map(|f| f.name).unwrap_or("")
    }

    /// The closed list of values the field accepts, if any.
    pub fn choices(self) -> Choices {
        FIELDS
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

/// Which closed list of values a field accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Choices {
    /// Free text, a date or an address: not mapped.
    Free,
    /// The gestioni ([`crate::catalog::profile::Gestione`]).
    Gestione,
    /// The kinds of request ([`crate::catalog::profile::Kind`]).
    Tipo,
    /// How the earlier request went ([`crate::vocabulary::OUTCOMES`]).
    EsitoPrecedente,
    /// The sedi of the protocol profile in use (their ids, from the profile's data).
    Sede,
    /// `M` or `F`, as the codice fiscale writes it.
    Sesso,
}

/// One field a portal can bind with `data-instrada-field`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldInfo {
    /// The name in `data-instrada-field` and in findings' `field`.
    pub name: &'static str,
    /// What it holds, in Italian.
    pub it: &'static str,
    /// What it holds, in English.
    pub en: &'static str,
    /// The values it accepts.
    pub choices: Choices,
}

const fn field(
    name: &'static str,
    it: &'static str,
    en: &'static str,
    choices: Choices,
) -> FieldInfo {
    FieldInfo {
        name,
        it,
        en,
        choices,
    }
}

/// Every field, in the order of the widget's own list (its `Kind`): the widget reads its field
/// names from here, so the two cannot drift apart.
pub const FIELDS: [FieldInfo; 19] = [
    field(
        "codice-fiscale",
        "Codice fiscale del contribuente (persona o azienda)",
        "The contributor's codice fiscale (person or company)",
        Choices::Free,
    ),
    field(
        "matricola",
        "Matricola INPS dell'azienda (10 cifre)",
        "The company's INPS matricola (10 digits)",
        Choices::Free,
    ),
    field(
        "gestione",
        "Gestione (cassetto) del contribuente",
        "The contributor's gestione (cassetto)",
        Choices::Gestione,
    ),
    field(
        "tipo",
        "Tipo di richiesta (una comunicazione quando il modulo non ha il campo)",
        "Kind of request (a communication when the form has no such field)",
        Choices::Tipo,
    ),
    field(
        "oggetto",
        "Oggetto scelto dal titolario del cassetto",
        "The object chosen from the cassetto's titolario",
        Choices::Free,
    ),
    field(
        "descrizione",
        "Descrizione della richiesta",
        "The description of the request",
        Choices::Free,
    ),
    field(
        "oggetto-email",
        "Oggetto della e-mail (canali e-mail e PEC)",
        "The e-mail subject (e-mail and PEC channels)",
        Choices::Free,
    ),
    field(
        "destinatario",
        "Indirizzo a cui si scrive",
        "The address the request is sent to",
        Choices::Free,
    ),
    field(
        "mittente",
        "Indirizzo da cui si scrive (PEC o no)",
        "The address the request is sent from (PEC or not)",
        Choices::Free,
    ),
    field(
        "data-invio",
        "Data di invio (da qui partono i tempi di risposta)",
        "Date of sending (the response times start from it)",
        Choices::Free,
    ),
    field(
        "data-richiesta",
        "Data in cui INPS ha chiesto qualcosa all'intermediario",
        "The day INPS asked the intermediary for something",
        Choices::Free,
    ),
    field(
        "cognome",
        "Cognome, confrontato con il codice fiscale",
        "Surname, checked against the codice fiscale",
        Choices::Free,
    ),
    field(
        "nome",
        "Nome, confrontato con il codice fiscale",
        "Given name, checked against the codice fiscale",
        Choices::Free,
    ),
    field(
        "data-nascita",
        "Data di nascita, confrontata con il codice fiscale",
        "Date of birth, checked against the codice fiscale",
        Choices::Free,
    ),
    field(
        "sesso",
        "Sesso, confrontato con il codice fiscale",
        "Sex, checked against the codice fiscale",
        Choices::Sesso,
    ),
    field(
        "luogo-nascita",
        "Luogo di nascita, confrontato con il codice fiscale",
        "Place of birth, checked against the codice fiscale",
        Choices::Free,
    ),
    field(
        "sede",
        "Sede INPS competente (calendario e caselle)",
        "The competent INPS sede (calendar and mailboxes)",
        Choices::Sede,
    ),
    field(
        "data-prima-richiesta",
        "Data della prima richiesta, per un sollecito (i termini contano da qui)",
        "Date of the first request, for a reminder (the limits count from it)",
        Choices::Free,
    ),
    field(
        "esito-precedente",
        "Esito della richiesta precedente, per un sollecito",
        "How the earlier request went, for a reminder",
        Choices::EsitoPrecedente,
    ),
];
