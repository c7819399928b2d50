//! Every word of the form and the widget, Italian first and English complete, both side by
//! side: the interface's labels ([`Label`]), the findings the form itself reports
//! ([`Problem`], codes `field.*`, `input.checked-in-part`, `widget.*`) and the sentences of
//! its guidance (the decoded person, the channel and timeline panels, the picker). The
//! findings of the rules come from the core already in the right language; nothing here
//! restates a rule.
//!
//! Wording follows GOV.UK: say what to do with the field's own words, no "non valido" alone,
//! no "attenzione!", no blame.

use chrono::NaiveDate;

use crate::catalog::profile::SubjectPart;
use crate::catalog::titolario::{Oggetto, Status, Titolario, Unit};
use crate::cf;
use crate::dates;
use crate::field::FormField;
use crate::finding::{Finding, Lang};
use crate::text::Join;

/// A fixed label of the interface.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Label {
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
    /// The button that puts back what was typed before a «Usa».
    Undo,
    /// The disclosure of the reasons.
    Why,
}

impl Label {
    /// The label in `lang`.
    pub fn text(self, lang: Lang) -> &'static str {
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
        pick(lang, it, en)
    }
}

/// The findings the form reports itself (the rules' findings come from the core).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem<'a> {
    /// `field.required`: a required field is empty.
    Required(FormField),
    /// `input.checked-in-part`: a field longer than the widget reads (a paste of megabytes);
    /// `length` is the whole text's.
    CheckedInPart { field: FormField, length: usize },
    /// `widget.subject-proposed`: the subject the rule asks for, offered to the subject field.
    SubjectProposed(&'a str),
    /// `widget.recipient-proposed`: the mailbox to write to, offered to an empty recipient.
    RecipientProposed(&'a str),
    /// `widget.sede-calendar`: which calendar a sede's dates are counted on; `label` is the
    /// calendar's (`Calendar::label`), `None` for a sede without a patron day in the data.
    SedeCalendar { label: Option<&'a str> },
    /// `widget.catalog-unavailable`: the protocols' data (a lazy file) could not be loaded.
    CatalogUnavailable,
}

impl Problem<'_> {
    /// The stable code.
    pub fn code(&self) -> &'static str {
        match self {
            Problem::Required(_) => "field.required",
            Problem::CheckedInPart { .. } => "input.checked-in-part",
            Problem::SubjectProposed(_) => "widget.subject-proposed",
            Problem::RecipientProposed(_) => "widget.recipient-proposed",
            Problem::SedeCalendar { .. } => "widget.sede-calendar",
            Problem::CatalogUnavailable => "widget.catalog-unavailable",
        }
    }

    /// The finding, its message in `lang`: an error for an empty required field, a warning
    /// for a text checked in part (never an error: the text is the person's and is submitted
    /// whole), guidance for the rest (with the value offered, never applied unasked).
    pub fn finding(&self, lang: Lang) -> Finding {
        let code = self.code();
        match *self {
            Problem::Required(field) => Finding::error(code, required(field, lang)).field(field),
            Problem::CheckedInPart { field, length } => {
                let max = field.max_chars();
                let message = match lang {
                    Lang::It => format!("Il testo è lungo {} caratteri: instrada ne controlla solo i primi {}. Il resto resta com'è e viene inviato così come l'hai scritto; se non serve, accorcialo.", grouped(length, '.'), grouped(max, '.')),
                    Lang::En => format!("The text is {} characters long: instrada checks only the first {}. The rest stays as it is and is sent exactly as you typed it; shorten it if it is not needed.", grouped(length, ','), grouped(max, ',')),
                };
                Finding::warning(code, message).field(field)
            }
            Problem::SubjectProposed(subject) => {
                Finding::info(code, proposed_subject(subject, lang))
                    .field(FormField::OggettoEmail)
                    .suggest(subject)
            }
            Problem::RecipientProposed(address) => {
                let message = match lang {
                    Lang::It => format!("Casella da usare: «{address}»."),
                    Lang::En => format!("Mailbox to use: “{address}”."),
                };
                Finding::info(code, message)
                    .field(FormField::Destinatario)
                    .suggest(address)
            }
            Problem::SedeCalendar { label } => {
                // "Calendario nazionale + …" inside a sentence: "sul calendario nazionale + …".
                let label = match label {
                    Some(l) => {
                        let mut l = l.to_string();
                        if let Some(first) = l.get_mut(..1) {
                            first.make_ascii_lowercase();
                        }
                        l
                    }
                    None => pick(lang,
                        "Calendario nazionale (la festa del patrono di questa sede non è tra i dati di instrada)",
                        "National calendar (this sede's patron day is not in instrada's data)",
                    )
                    .to_string(),
                };
                let lead = pick(lang, "Date contate sul", "Dates counted on the");
                Finding::info(code, format!("{lead} {label}.")).field(FormField::Sede)
            }
            Problem::CatalogUnavailable => {
                let message = pick(lang,
                    "Canale, oggetto e scadenze non sono disponibili: i dati dei protocolli non si sono caricati. Il modulo si compila e si invia lo stesso; per riaverli ricarica la pagina.",
                    "The channel, object and dates are unavailable: the protocols' data did not load. The form can still be filled in and sent; reload the page to get them back.",
                );
                Finding::warning(code, message).field(FormField::Gestione)
            }
        }
    }
}

/// One example finding for every code the form reports itself, with realistic data, for the
/// list of finding codes (`docs/findings.md`). `field.native` carries the browser's own
/// message for a constraint of the portal's control (here Chromium's).
pub fn examples(lang: Lang) -> Vec<Finding> {
    let mut out: Vec<Finding> = [
        Problem::Required(FormField::CodiceFiscale),
        Problem::CheckedInPart {
            field: FormField::Descrizione,
            length: 1_048_576,
        },
        Problem::SubjectProposed("RSSMRA85T10A562S - Aziende DM - Richiesta di rimborso"),
        Problem::RecipientProposed("direzione.provinciale.milano@postacert.inps.gov.it"),
        Problem::SedeCalendar {
            label: Some("Calendario nazionale + Sant'Ambrogio, patrono di Milano (7 dicembre)"),
        },
        Problem::CatalogUnavailable,
    ]
    .iter()
    .map(|p| p.finding(lang))
    .collect();
    let native = pick(
        lang,
        "Includi un simbolo \"@\" nell'indirizzo email.",
        "Please include an '@' in the email address.",
    );
    out.push(Finding::error("field.native", native).field(FormField::Mittente));
    out
}

/// `it` or `en`: the one place the form chooses between its two languages.
fn pick<T>(lang: Lang, it: T, en: T) -> T {
    match lang {
        Lang::It => it,
        Lang::En => en,
    }
}

/// `n` with its thousands separated (`20.000` in Italian, `20,000` in English).
fn grouped(n: usize, separator: char) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(separator);
        }
        out.push(c);
    }
    out
}

/// "Usa «X»": the button that applies a suggested value (never applied without it).
pub fn use_value(value: &str, lang: Lang) -> String {
    match lang {
        Lang::It => format!("Usa «{value}»"),
        Lang::En => format!("Use “{value}”"),
    }
}

/// The title of the codice fiscale proposals.
pub fn proposals_title(n: usize, lang: Lang) -> &'static str {
    match (lang, n) {
        (Lang::It, 1) => "Codice proposto:",
        (Lang::It, _) => "Codici proposti:",
        (Lang::En, 1) => "Proposed code:",
        (Lang::En, _) => "Proposed codes:",
    }
}

/// The disclosure of the further proposals: "Altre 2 proposte".
pub fn more_proposals(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::It, 1) => "Un'altra proposta".to_string(),
        (Lang::It, _) => format!("Altre {n} proposte"),
        (Lang::En, 1) => "One more proposal".to_string(),
        (Lang::En, _) => format!("{n} more proposals"),
    }
}

/// The line that offers to undo a «Usa».
pub fn used_instead(before: &str, lang: Lang) -> String {
    let before = dates::clip(before);
    match (lang, before.trim().is_empty()) {
        (Lang::It, false) => format!("Hai usato la proposta al posto di «{before}»."),
        (Lang::En, false) => format!("You used the proposal instead of “{before}”."),
        (Lang::It, true) => "Hai usato la proposta.".to_string(),
        (Lang::En, true) => "You used the proposal.".to_string(),
    }
}

/// "N giorni lavorativi" for a threshold.
pub fn working_days(n: u32, lang: Lang) -> String {
    match (lang, n) {
        (Lang::It, 1) => "1 giorno lavorativo".to_string(),
        (Lang::It, _) => format!("{n} giorni lavorativi"),
        (Lang::En, 1) => "1 working day".to_string(),
        (Lang::En, _) => format!("{n} working days"),
    }
}

/// The picker's status line: how many objects the search or the description selects.
pub fn picker_status(shown: usize, suggested: usize, lang: Lang) -> String {
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

/// The picker's line naming the list: "Titolario: …".
pub fn titolario_line(t: &Titolario, lang: Lang) -> String {
    ["Titolario: ", pick(lang, &t.name, &t.name_en), "."].joined("")
}

/// A classe's label in the language (the titolario's data gives both).
pub fn classe_label<'a>(it: &'a str, en: &'a str, lang: Lang) -> &'a str {
    pick(lang, it, en)
}

/// What follows an object's label in the picker: why it cannot be chosen, that it is the
/// generic one, or its tempo soglia.
pub fn object_tail(o: &Oggetto, available: bool, lang: Lang) -> Option<String> {
    match (available, o.status, o.removed) {
        (false, _, Some(d)) => Some(match lang {
            Lang::It => format!("non più disponibile dal {}", dates::it(d)),
            Lang::En => format!("no longer available since {}", dates::human(d, lang)),
        }),
        (false, Status::Eliminated, _) => Some(pick(lang, "eliminato", "eliminated").to_string()),
        // The label's capital is ASCII: `str::to_lowercase` would link Unicode's case
        // tables (about 7 KB gzip) for one letter.
        (false, _, _) => Some(Label::PickerRemoved.text(lang).to_ascii_lowercase()),
        (true, _, _) if o.generic => Some(
            pick(
                lang,
                "solo se nessun altro oggetto è pertinente",
                "only when no other object fits",
            )
            .to_string(),
        ),
        (true, _, _) => o.tempo_soglia.map(|t| match t.unit {
            Unit::WorkingDays => working_days(t.days, lang),
            Unit::CalendarDays => match lang {
                Lang::It => format!("{} giorni", t.days),
                Lang::En => format!("{} days", t.days),
            },
        }),
    }
}

/// The label of a field in a mounted form.
pub fn field_label(kind: FormField, lang: Lang) -> &'static str {
    use FormField::*;
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
    pick(lang, it, en)
}

/// The hint under a field in a mounted form (empty: no hint).
pub fn field_hint(kind: FormField, lang: Lang) -> &'static str {
    use FormField::*;
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
    pick(lang, it, en)
}

/// The message for an empty required field: what to do, with the field's words.
fn required(kind: FormField, lang: Lang) -> &'static str {
    use FormField::*;
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
    pick(lang, it, en)
}

/// What an e-mail subject must hold, in words.
pub fn subject_part(part: SubjectPart, lang: Lang) -> &'static str {
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
    pick(lang, it, en)
}

/// What a valid code says: the person, or the kind of 11-digit code.
pub fn described(report: &cf::CfReport, lang: Lang) -> String {
    match (report.kind, &report.person) {
        (_, Some(p)) => person(p, lang),
        (Some(cf::Kind::Temporary), None) => pick(
            lang,
            "Codice fiscale provvisorio di una persona (11 cifre).",
            "A person's temporary codice fiscale (11 digits).",
        )
        .to_string(),
        _ => pick(
            lang,
            "Codice fiscale di un'azienda o di un ente (11 cifre, come la partita IVA).",
            "The codice fiscale of a company or an entity (11 digits, as its partita IVA).",
        )
        .to_string(),
    }
}

/// "Nato il 10/12/1985 a San Giuliano Terme (PI)." ("all'estero: Germania" for a foreign
/// state, which takes an article in Italian that the registry does not give).
fn person(p: &cf::Person, lang: Lang) -> String {
    let abroad = p.province.as_deref() == Some("EE");
    let place = match (&p.place_name, &p.province) {
        (Some(n), Some(pr)) if !abroad => format!("{n} ({pr})"),
        (Some(n), _) => n.clone(),
        // The registry's file has not arrived (the line is written again when it does), or
        // could not be had: the code, and why there is no name.
        (None, _) => match (cf::places::absence(), lang) {
            (Some(cf::places::Absence::Loading), Lang::It) => {
                format!("{} (nome del luogo in arrivo)", p.place_code)
            }
            (Some(cf::places::Absence::Loading), Lang::En) => {
                format!("{} (place name on its way)", p.place_code)
            }
            (_, Lang::It) => format!("{} (nome del luogo non disponibile)", p.place_code),
            (_, Lang::En) => format!("{} (place name unavailable)", p.place_code),
        },
    };
    let date = dates::human(p.birth_date, lang);
    let born = match (lang, p.sex) {
        (Lang::It, cf::Sex::M) => "Nato",
        (Lang::It, cf::Sex::F) => "Nata",
        (Lang::En, _) => "Born",
    };
    let mut s = match (lang, abroad) {
        (Lang::It, false) => format!("{born} il {date} a {place}."),
        (Lang::It, true) => format!("{born} il {date} all'estero: {place}."),
        (Lang::En, _) => format!("{born} on {date} in {place}."),
    };
    if lang == Lang::En {
        s.pop();
        s.push_str(if p.sex == cf::Sex::M {
            ", male."
        } else {
            ", female."
        });
    }
    if p.omocode {
        s.push_str(pick(lang, " Codice con omocodia.", " An omocodia code."));
    }
    s
}

/// "Oggetto proposto: «…».", in the subject's guidance and in the channel panel.
fn proposed_subject(subject: &str, lang: Lang) -> String {
    match lang {
        Lang::It => format!("Oggetto proposto: «{subject}»."),
        Lang::En => format!("Suggested subject: “{subject}”."),
    }
}

/// A line of the channel panel.
#[derive(Clone, Copy, Debug)]
pub enum ChannelLine<'a> {
    /// The route's other mailboxes.
    Also(&'a [String]),
    /// Where, in the cassetto's menu.
    Where(&'a str),
    /// What the e-mail's subject must hold.
    SubjectHolds(&'a [SubjectPart]),
    /// The subject the rule asks for.
    Subject(&'a str),
    /// The addresses in copy.
    Copy(&'a [&'a str]),
    /// instrada's reading, where the document does not state the rule.
    Reading(&'a str),
}

/// A line of the channel panel in `lang`.
pub fn channel_line(line: ChannelLine<'_>, lang: Lang) -> String {
    match line {
        ChannelLine::Also(addresses) => {
            let addresses = addresses.joined(", ");
            format!("{} {addresses}.", pick(lang, "Anche:", "Also:"))
        }
        ChannelLine::Where(menu) => format!("{} {menu}.", pick(lang, "Dove:", "Where:")),
        ChannelLine::SubjectHolds(parts) => {
            let parts: Vec<&str> = parts.iter().map(|s| subject_part(*s, lang)).collect();
            let parts = parts.joined(", ");
            let label = pick(lang, "Nell'oggetto della e-mail:", "In the e-mail subject:");
            format!("{label} {parts}.")
        }
        ChannelLine::Subject(s) => proposed_subject(s, lang),
        ChannelLine::Copy(cc) => {
            let cc = cc.joined(", ");
            format!("{} {cc}.", pick(lang, "In copia:", "In copy:"))
        }
        ChannelLine::Reading(reading) => match lang {
            Lang::It => format!("Lettura di instrada: {reading}"),
            Lang::En => format!("instrada's reading: {reading}"),
        },
    }
}

/// "Regola: Protocollo di Milano, § 2 A." (`section` empty: no section).
pub fn rule_line(name: &str, section: &str, lang: Lang) -> String {
    match (lang, section.is_empty()) {
        (Lang::It, false) => format!("Regola: {name}, § {section}."),
        (Lang::En, false) => format!("Rule: {name}, § {section}."),
        (Lang::It, true) => format!("Regola: {name}."),
        (Lang::En, true) => format!("Rule: {name}."),
    }
}

/// "Dates on the national calendar", naming the sedi (at most four names; `more` when there
/// are others) when the form can take one.
pub fn national_calendar(names: &[&str], more: bool, sede_field: bool, lang: Lang) -> String {
    let more = if more { ", …" } else { "" };
    match (lang, sede_field && !names.is_empty()) {
        (Lang::It, true) => format!("Date calcolate con il calendario nazionale: scegli la sede ({}{more}) per contare anche la festa del patrono.", names.joined(", ")),
        (Lang::En, true) => format!("Dates computed on the national calendar: choose the sede ({}{more}) to count its patron day too.", names.joined(", ")),
        (Lang::It, false) => "Date calcolate con il calendario nazionale, senza la festa del patrono della sede.".to_string(),
        (Lang::En, false) => "Dates computed on the national calendar, without the sede's patron day.".to_string(),
    }
}

/// Why the picker lists another titolario than the cassetto's own: the document's reason
/// (`own.list_missing`), and which list is shown.
pub fn titolario_note(why: &str, own: &Titolario, other: &Titolario, lang: Lang) -> String {
    match lang {
        Lang::It => format!("{why} L'elenco mostrato è quello di «{}».", other.name),
        Lang::En => format!(
            "{} The list shown is “{}”.",
            own.list_missing_en.as_deref().unwrap_or(why),
            other.name_en
        ),
    }
}

/// The label of a date line of the timeline: what happens, by or from the date (`title`, the
/// entry's own, for the others or when there is no date).
pub fn date_label(id: &str, title: &str, dated: bool, lang: Lang) -> String {
    let (it, en) = match id {
        _ if !dated => return format!("{}:", title.trim_end_matches('.')),
        "risposta" => ("Risposta dell'INPS entro", "INPS answers by"),
        "livello-b" => ("Sollecito (livello B) dal", "Reminder (level B) from"),
        "livello-c" => ("Segnalazione (livello C) dal", "Escalation (level C) from"),
        "processo" => (
            "Fine dell'intero processo entro",
            "The whole process ends by",
        ),
        _ => return format!("{}:", title.trim_end_matches('.')),
    };
    pick(lang, it, en).to_string()
}

/// The date of a date line as the person reads it, or that there is none.
pub fn date_human(date: Option<NaiveDate>, lang: Lang) -> String {
    match date {
        Some(d) => dates::human(d, lang),
        None => pick(lang, "nessuna data garantita", "no guaranteed date").to_string(),
    }
}

/// A date's reason behind «Perché?»: "Title: explanation (Lettura di instrada: …)".
pub fn date_reason(title: &str, explanation: &str, reading: Option<&str>, lang: Lang) -> String {
    let mut why = format!("{}: {}", title.trim_end_matches('.'), explanation);
    if let Some(reading) = reading {
        why.push(' ');
        why.push_str(&match lang {
            Lang::It => format!("(Lettura di instrada: {reading})"),
            Lang::En => format!("(instrada's reading: {reading})"),
        });
    }
    why
}

/// "Calendario: …." behind the timeline's «Perché?».
pub fn calendar_reason(label: &str, lang: Lang) -> String {
    format!(
        "{} {}.",
        pick(lang, "Calendario:", "Calendar:"),
        label.trim_end_matches('.')
    )
}

/// The leads of a date line's addresses: those to write to, and those in copy.
pub fn address_leads(lang: Lang) -> [&'static str; 2] {
    [": ", pick(lang, "; in copia ", "; cc ")]
}
