//! The words of the catalog: every problem a profile a portal loads can have
//! (`profile.*`), every problem of finding a titolario or a cassetto (`catalog.*`), and the
//! notes of the object suggestion by titolario (`suggest.*`), Italian and English side by
//! side. The checks only say which [`Problem`] they met; this module renders it in the
//! language asked for, and only in that one.

use chrono::NaiveDate;

use super::profile::{CASSETTI, INPS_PEC_DOMAIN, MAX_JSON};
use crate::dates::{clip, iso, it as it_date};
use crate::field::{Field, FormField};
use crate::finding::{Finding, Lang, Severity};
use crate::json::Reason;

/// The `uses` a mailbox may have besides the gestione ids (named in the message).
pub(crate) const USES: [&str; 9] = [
    "domande",
    "urgente",
    "residuale",
    "durc",
    "appuntamento",
    "accentramento",
    "quesiti",
    "solleciti",
    "assistenza-informatica",
];

/// What a check of the catalog met, with the data the message needs. `field` is the path
/// of the entry in the profile (`rules[2].kinds`).
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Problem {
    /// The profile's JSON cannot be read: where, the field when the syntax is right, why.
    Json {
        line: usize,
        column: usize,
        field: String,
        reason: Reason,
    },
    TooLarge {
        bytes: usize,
    },
    IdTaken {
        id: String,
    },
    /// A profile passed as a JavaScript object whose JSON is over the text limit.
    ObjectTooLarge,
    /// A profile passed as a JavaScript object that `JSON.stringify` cannot write.
    NotJson,
    /// No profile passed.
    JsonMissing,
    MissingSource {
        field: String,
    },
    /// The document has no file or no title.
    MissingDocument,
    MissingText {
        field: String,
    },
    DatesOutOfOrder {
        field: String,
        from: NaiveDate,
        until: NaiveDate,
    },
    /// Escalation lists not in date order.
    ListsOutOfOrder {
        field: String,
    },
    BadId {
        field: String,
        id: String,
    },
    BadEmail {
        field: String,
        address: String,
    },
    /// A `pec` mailbox outside the INPS PEC domain.
    PecOutsideDomain {
        field: String,
    },
    /// An `email` mailbox in the INPS PEC domain.
    EmailIsPec {
        field: String,
    },
    MailboxNoUse {
        field: String,
    },
    UnknownUse {
        field: String,
        value: String,
    },
    UnknownCassetto {
        field: String,
        value: String,
    },
    UnknownSede {
        field: String,
        sede: String,
    },
    UnknownInherits {
        field: String,
        id: String,
    },
    UnknownTitolarioOf {
        field: String,
        id: String,
    },
    TitolarioCassetto {
        field: String,
        titolario: String,
        belongs_to: String,
        cassetto: String,
    },
    CassettoNoGestioni {
        field: String,
    },
    RuleNoKinds {
        field: String,
    },
    /// An escalation rule without its level, or without the profile's contacts for it.
    EscalationMissing {
        rule: String,
    },
    UnknownRule {
        field: String,
        id: String,
    },
    BadDays {
        field: String,
    },
    EscalationNoList {
        field: String,
    },
    EscalationNoRecipient {
        field: String,
    },
    BadHours {
        field: String,
    },
    NoDays {
        field: String,
    },
    DuplicateId {
        field: String,
        id: String,
    },
    BadCode {
        field: String,
        code: String,
    },
    BadMatch {
        field: String,
    },
    /// `catalog.*`: no date given to `catalog()` (the latest rules are shown).
    DateMissing,
    /// No profile id given; `known` lists the ids.
    ProfileMissing {
        known: String,
    },
    UnknownProfile {
        id: String,
        known: String,
    },
    /// No titolario id given; `known` lists them.
    TitolarioMissing {
        known: String,
    },
    UnknownTitolario {
        id: String,
        known: String,
    },
    CassettoMissing {
        offered: String,
    },
    UnknownCassettoOf {
        profile: String,
        id: String,
        offered: String,
    },
    ProfileNotInForce {
        date: NaiveDate,
        name_it: String,
        name_en: String,
    },
    CassettoNotInForce {
        date: NaiveDate,
        profile: String,
        id: String,
    },
    /// `suggest.*` of a cassetto whose object list is in no document.
    NoTitolario {
        name_it: String,
        name_en: String,
    },
    ListFromSeeAlso {
        list_it: String,
        list_en: String,
        other_it: String,
        other_en: String,
    },
    ListMissing {
        list_it: String,
        list_en: String,
    },
    EmptyText,
    TextTruncated {
        max: usize,
    },
    NoMatch,
    BadLimit,
    /// The built-in profiles and titolari (the package's `instrada-catalog.txt`) are on
    /// their way.
    DataPending,
    /// They could not be had.
    DataUnavailable,
}

impl Problem {
    /// The finding of this problem in `lang`, with the field it marks (a source, where the
    /// caller knows one, is added by the caller).
    pub(crate) fn finding(&self, lang: Lang) -> Finding {
        let (code, severity, message) = words(self, lang);
        let f = Finding::new(code, severity, message);
        use Problem as P;
        match self {
            P::Json { field, .. } if field.is_empty() => f,
            P::Json { field, .. }
            | P::MissingSource { field }
            | P::MissingText { field }
            | P::DatesOutOfOrder { field, .. }
            | P::ListsOutOfOrder { field }
            | P::BadId { field, .. }
            | P::BadEmail { field, .. }
            | P::PecOutsideDomain { field }
            | P::EmailIsPec { field }
            | P::MailboxNoUse { field }
            | P::UnknownUse { field, .. }
            | P::UnknownCassetto { field, .. }
            | P::UnknownSede { field, .. }
            | P::UnknownInherits { field, .. }
            | P::UnknownTitolarioOf { field, .. }
            | P::TitolarioCassetto { field, .. }
            | P::CassettoNoGestioni { field }
            | P::RuleNoKinds { field }
            | P::UnknownRule { field, .. }
            | P::BadDays { field }
            | P::EscalationNoList { field }
            | P::EscalationNoRecipient { field }
            | P::BadHours { field }
            | P::NoDays { field }
            | P::DuplicateId { field, .. }
            | P::BadCode { field, .. }
            | P::BadMatch { field } => f.field(Field::input(field.as_str())),
            P::EscalationMissing { rule } => f.field(Field::input(format!("{rule}.escalation"))),
            P::MissingDocument => f.field(Field::input("document")),
            P::IdTaken { .. } => f.field(Field::input("id")),
            P::TooLarge { .. } | P::DataPending | P::DataUnavailable => f,
            P::ObjectTooLarge | P::NotJson | P::JsonMissing => f.field(Field::input("json")),
            P::DateMissing => f.field(Field::input("date")),
            P::ProfileMissing { .. } | P::UnknownProfile { .. } => {
                f.field(Field::input("profileId"))
            }
            P::TitolarioMissing { .. } | P::UnknownTitolario { .. } => {
                f.field(Field::input("titolario"))
            }
            P::CassettoMissing { .. }
            | P::UnknownCassettoOf { .. }
            | P::CassettoNotInForce { .. }
            | P::NoTitolario { .. } => f.field(FormField::Gestione),
            P::ProfileNotInForce { .. } => f.field(Field::input("profileId")),
            P::ListFromSeeAlso { .. } | P::ListMissing { .. } => f,
            P::EmptyText | P::TextTruncated { .. } | P::NoMatch => f.field(FormField::Descrizione),
            P::BadLimit => f.field(Field::input("limit")),
        }
    }
}

/// The code, severity and message of `p` in `lang`.
#[rustfmt::skip]
fn words(p: &Problem, lang: Lang) -> (&'static str, Severity, String) {
    use Lang::{En, It};
    use Problem as P;
    use Severity::{Error, Info, Warning};
    match (p, lang) {
        (P::Json { line, column, field, reason }, It) if field.is_empty() => ("profile.json", Error, format!("Il profilo non si legge alla riga {line}, colonna {column}: {}. Correggi il JSON in quel punto.", reason.render(It))),
        (P::Json { line, column, field, reason }, En) if field.is_empty() => ("profile.json", Error, format!("The profile cannot be read at line {line}, column {column}: {reason}. Fix the JSON there.")),
        (P::Json { line, column, field, reason }, It) => ("profile.json", Error, format!("Il profilo non si legge alla riga {line}, colonna {column}, in «{field}»: {}. Correggi il JSON in quel punto.", reason.render(It))),
        (P::Json { line, column, field, reason }, En) => ("profile.json", Error, format!("The profile cannot be read at line {line}, column {column}, in “{field}”: {reason}. Fix the JSON there.")),
        (P::TooLarge { bytes }, It) => ("profile.too-large", Error, format!("Il profilo è troppo grande ({bytes} byte): il massimo è {MAX_JSON}.")),
        (P::TooLarge { bytes }, En) => ("profile.too-large", Error, format!("The profile is too large ({bytes} bytes): the maximum is {MAX_JSON}.")),
        (P::IdTaken { id }, It) => ("profile.id-taken", Error, format!("«{id}» è l'id di un profilo incluso: scegli un altro id per il profilo del portale.")),
        (P::IdTaken { id }, En) => ("profile.id-taken", Error, format!("“{id}” is the id of a built-in profile: choose another id for the portal's profile.")),
        (P::ObjectTooLarge, It) => ("profile.too-large", Error, "Il profilo è troppo grande.".into()),
        (P::ObjectTooLarge, En) => ("profile.too-large", Error, "The profile is too large.".into()),
        (P::NotJson, It) => ("profile.json", Error, "Il profilo non si può convertire in JSON: passa il testo JSON.".into()),
        (P::NotJson, En) => ("profile.json", Error, "The profile cannot be turned into JSON: pass the JSON text.".into()),
        (P::JsonMissing, It) => ("profile.json-missing", Error, "Passa il profilo come testo JSON.".into()),
        (P::JsonMissing, En) => ("profile.json-missing", Error, "Pass the profile as JSON text.".into()),
        (P::MissingSource { field }, It) => ("profile.missing-source", Error, format!("«{field}»: indica il documento da cui viene la regola (document) e la sezione (section).")),
        (P::MissingSource { field }, En) => ("profile.missing-source", Error, format!("“{field}”: give the document the rule comes from (document) and its section (section).")),
        (P::MissingDocument, It) => ("profile.missing-source", Error, "«document»: indica il file (file) e il titolo (title) del documento.".into()),
        (P::MissingDocument, En) => ("profile.missing-source", Error, "“document”: give the document's file (file) and title (title).".into()),
        (P::MissingText { field }, It) => ("profile.missing-text", Error, format!("«{field}»: scrivi il testo in italiano (it).")),
        (P::MissingText { field }, En) => ("profile.missing-text", Error, format!("“{field}”: write the Italian text (it).")),
        (P::DatesOutOfOrder { field, from, until }, It) => ("profile.dates-out-of-order", Error, format!("«{field}»: la data finale {} viene prima di quella iniziale {}: scambiale o correggile.", it_date(*until), it_date(*from))),
        (P::DatesOutOfOrder { field, from, until }, En) => ("profile.dates-out-of-order", Error, format!("“{field}”: the end date {} comes before the start date {}: swap or fix them.", iso(*until), iso(*from))),
        (P::ListsOutOfOrder { field }, It) => ("profile.dates-out-of-order", Error, format!("«{field}»: gli elenchi vanno in ordine di data, ciascuno dopo il precedente.")),
        (P::ListsOutOfOrder { field }, En) => ("profile.dates-out-of-order", Error, format!("“{field}”: lists go in date order, each after the previous one.")),
        (P::BadId { field, id }, It) => ("profile.bad-id", Error, format!("«{field}»: l'id «{}» deve avere da 1 a 64 caratteri tra lettere minuscole, cifre e trattini.", clip(id))),
        (P::BadId { field, id }, En) => ("profile.bad-id", Error, format!("“{field}”: the id “{}” must have 1 to 64 characters among lower-case letters, digits and hyphens.", clip(id))),
        (P::BadEmail { field, address }, It) => ("profile.bad-email", Error, format!("«{field}»: «{}» non è un indirizzo e-mail: scrivilo come nome@dominio.it.", clip(address))),
        (P::BadEmail { field, address }, En) => ("profile.bad-email", Error, format!("“{field}”: “{}” is not an e-mail address: write it as name@domain.it.", clip(address))),
        (P::PecOutsideDomain { field }, It) => ("profile.pec-domain", Error, format!("«{}»: una PEC dell'INPS termina con {INPS_PEC_DOMAIN}; correggi l'indirizzo o usa kind \"email\".", mailbox_of(field))),
        (P::PecOutsideDomain { field }, En) => ("profile.pec-domain", Error, format!("“{}”: an INPS PEC address ends with {INPS_PEC_DOMAIN}; fix the address or use kind \"email\".", mailbox_of(field))),
        (P::EmailIsPec { field }, It) => ("profile.pec-domain", Error, format!("«{}»: l'indirizzo è una PEC ({INPS_PEC_DOMAIN}): usa kind \"pec\".", mailbox_of(field))),
        (P::EmailIsPec { field }, En) => ("profile.pec-domain", Error, format!("“{}”: the address is a PEC ({INPS_PEC_DOMAIN}): use kind \"pec\".", mailbox_of(field))),
        (P::MailboxNoUse { field }, It) => ("profile.mailbox-no-use", Error, format!("«{}»: indica a cosa serve la casella (uses).", mailbox_of(field))),
        (P::MailboxNoUse { field }, En) => ("profile.mailbox-no-use", Error, format!("“{}”: say what the mailbox is for (uses).", mailbox_of(field))),
        (P::UnknownUse { field, value }, It) => ("profile.unknown-use", Error, format!("«{field}»: «{}» non è un uso noto: usa l'id di una gestione o uno tra {}.", clip(value), USES.join(", "))),
        (P::UnknownUse { field, value }, En) => ("profile.unknown-use", Error, format!("“{field}”: “{}” is not a known use: use a gestione id or one of {}.", clip(value), USES.join(", "))),
        (P::UnknownCassetto { field, value }, It) => ("profile.unknown-cassetto", Error, format!("«{field}»: «{}» non è un cassetto noto: usa uno tra {}.", clip(value), CASSETTI.join(", "))),
        (P::UnknownCassetto { field, value }, En) => ("profile.unknown-cassetto", Error, format!("“{field}”: “{}” is not a known cassetto: use one of {}.", clip(value), CASSETTI.join(", "))),
        (P::UnknownSede { field, sede }, It) => ("profile.unknown-sede", Error, format!("«{field}»: la sede «{}» non è tra le sedi del profilo: aggiungila in sedi o correggi l'id.", clip(sede))),
        (P::UnknownSede { field, sede }, En) => ("profile.unknown-sede", Error, format!("“{field}”: the sede “{}” is not among the profile's sedi: add it to sedi or fix the id.", clip(sede))),
        (P::UnknownInherits { field, id }, It) => ("profile.unknown-inherits", Error, format!("«{field}»: «{}» non è un altro profilo registrato: usa l'id di un profilo esistente.", clip(id))),
        (P::UnknownInherits { field, id }, En) => ("profile.unknown-inherits", Error, format!("“{field}”: “{}” is not another registered profile: use the id of an existing profile.", clip(id))),
        (P::UnknownTitolarioOf { field, id }, It) => ("profile.unknown-titolario", Error, format!("«{field}»: «{}» non è un titolario noto: usa l'id di un titolario esistente o togli il campo.", clip(id))),
        (P::UnknownTitolarioOf { field, id }, En) => ("profile.unknown-titolario", Error, format!("“{field}”: “{}” is not a known titolario: use the id of an existing one or remove the field.", clip(id))),
        (P::TitolarioCassetto { field, titolario, belongs_to, cassetto }, It) => ("profile.titolario-cassetto", Error, format!("«{field}»: il titolario «{titolario}» è del cassetto «{belongs_to}», non di «{cassetto}».")),
        (P::TitolarioCassetto { field, titolario, belongs_to, cassetto }, En) => ("profile.titolario-cassetto", Error, format!("“{field}”: the titolario “{titolario}” belongs to the cassetto “{belongs_to}”, not “{cassetto}”.")),
        (P::CassettoNoGestioni { field }, It) => ("profile.cassetto-no-gestioni", Error, format!("«{field}»: indica le gestioni che usano il cassetto.")),
        (P::CassettoNoGestioni { field }, En) => ("profile.cassetto-no-gestioni", Error, format!("“{field}”: list the gestioni that use the cassetto.")),
        (P::RuleNoKinds { field }, It) => ("profile.rule-no-kinds", Error, format!("«{field}»: indica almeno un tipo di richiesta.")),
        (P::RuleNoKinds { field }, En) => ("profile.rule-no-kinds", Error, format!("“{field}”: give at least one kind of request.")),
        (P::EscalationMissing { rule }, It) => ("profile.escalation-missing", Error, format!("«{rule}»: una regola di escalation indica il livello (escalation) e il profilo deve averne i contatti (escalation).")),
        (P::EscalationMissing { rule }, En) => ("profile.escalation-missing", Error, format!("“{rule}”: an escalation rule gives the level (escalation) and the profile must have its contacts (escalation).")),
        (P::UnknownRule { field, id }, It) => ("profile.unknown-rule", Error, format!("«{field}»: «{}» non è l'id di un'altra regola del profilo.", clip(id))),
        (P::UnknownRule { field, id }, En) => ("profile.unknown-rule", Error, format!("“{field}”: “{}” is not the id of another rule of the profile.", clip(id))),
        (P::BadDays { field }, It) => ("profile.bad-days", Error, format!("«{field}»: i giorni devono essere tra 1 e 366.")),
        (P::BadDays { field }, En) => ("profile.bad-days", Error, format!("“{field}”: days must be between 1 and 366.")),
        (P::EscalationNoList { field }, It) => ("profile.escalation-no-list", Error, format!("«{field}»: indica almeno un elenco di contatti con la sua data.")),
        (P::EscalationNoList { field }, En) => ("profile.escalation-no-list", Error, format!("“{field}”: give at least one list of contacts with its date.")),
        (P::EscalationNoRecipient { field }, It) => ("profile.escalation-no-list", Error, format!("«{field}»: indica almeno un destinatario.")),
        (P::EscalationNoRecipient { field }, En) => ("profile.escalation-no-list", Error, format!("“{field}”: give at least one recipient.")),
        (P::BadHours { field }, It) => ("profile.bad-hours", Error, format!("«{field}»: scrivi gli orari come HH:MM, l'apertura prima della chiusura.")),
        (P::BadHours { field }, En) => ("profile.bad-hours", Error, format!("“{field}”: write the hours as HH:MM, opening before closing.")),
        (P::NoDays { field }, It) => ("profile.bad-hours", Error, format!("«{field}»: indica i giorni in cui il numero risponde.")),
        (P::NoDays { field }, En) => ("profile.bad-hours", Error, format!("“{field}”: give the days the number answers.")),
        (P::DuplicateId { field, id }, It) => ("profile.duplicate-id", Error, format!("«{field}»: «{}» è già usato da un'altra voce: ogni id deve essere unico.", clip(id))),
        (P::DuplicateId { field, id }, En) => ("profile.duplicate-id", Error, format!("“{field}”: “{}” is already used by another entry: each id must be unique.", clip(id))),
        (P::BadCode { field, code }, It) => ("profile.bad-code", Error, format!("«{field}»: il codice «{}» deve avere la forma area.parole-col-trattino (es. route.pec-only).", clip(code))),
        (P::BadCode { field, code }, En) => ("profile.bad-code", Error, format!("“{field}”: the code “{}” must have the form area.kebab-case (e.g. route.pec-only).", clip(code))),
        (P::BadMatch { field }, It) => ("profile.bad-match", Error, format!("«{field}»: scrivi l'etichetta (label) e almeno un gruppo di termini non vuoti (match).")),
        (P::BadMatch { field }, En) => ("profile.bad-match", Error, format!("“{field}”: write the label and at least one group of non-empty terms (match).")),
        (P::DateMissing, It) => ("catalog.date-missing", Info, "Senza data il catalogo mostra le regole più recenti: passa la data di oggi per vedere quelle in vigore.".into()),
        (P::DateMissing, En) => ("catalog.date-missing", Info, "Without a date the catalog shows the latest rules: pass today's date to see those in force.".into()),
        (P::ProfileMissing { known }, It) => ("catalog.profile-missing", Error, format!("Indica il profilo del protocollo: uno tra {known}.")),
        (P::ProfileMissing { known }, En) => ("catalog.profile-missing", Error, format!("Give the protocol profile: one of {known}.")),
        (P::UnknownProfile { id, known }, It) => ("catalog.unknown-profile", Error, format!("Il profilo «{}» non esiste: scegli uno tra {known}.", clip(id))),
        (P::UnknownProfile { id, known }, En) => ("catalog.unknown-profile", Error, format!("There is no profile “{}”: choose one of {known}.", clip(id))),
        (P::TitolarioMissing { known }, It) => ("catalog.titolario-missing", Error, format!("Indica l'identificativo del titolario: uno tra {known}.")),
        (P::TitolarioMissing { known }, En) => ("catalog.titolario-missing", Error, format!("Give the titolario id: one of {known}.")),
        (P::UnknownTitolario { id, known }, It) => ("catalog.unknown-titolario", Error, format!("Non esiste un titolario «{}»: usa uno tra {known}.", clip(id))),
        (P::UnknownTitolario { id, known }, En) => ("catalog.unknown-titolario", Error, format!("There is no titolario “{}”: use one of {known}.", clip(id))),
        (P::CassettoMissing { offered }, It) => ("catalog.cassetto-missing", Error, format!("Indica il cassetto: uno tra {offered}.")),
        (P::CassettoMissing { offered }, En) => ("catalog.cassetto-missing", Error, format!("Give the cassetto: one of {offered}.")),
        (P::UnknownCassettoOf { profile, id, offered }, It) => ("catalog.unknown-cassetto", Error, format!("Il profilo «{profile}» non ha il cassetto «{}»: usa uno tra {offered}.", clip(id))),
        (P::UnknownCassettoOf { profile, id, offered }, En) => ("catalog.unknown-cassetto", Error, format!("The profile “{profile}” has no cassetto “{}”: use one of {offered}.", clip(id))),
        (P::ProfileNotInForce { date, name_it, .. }, It) => ("catalog.profile-not-in-force", Error, format!("Alla data {} il protocollo «{name_it}» non è in vigore: scegli il profilo valido alla data.", it_date(*date))),
        (P::ProfileNotInForce { date, name_en, .. }, En) => ("catalog.profile-not-in-force", Error, format!("On {} the protocol “{name_en}” is not in force: choose the profile valid at the date.", iso(*date))),
        (P::CassettoNotInForce { date, profile, id }, It) => ("catalog.cassetto-not-in-force", Error, format!("Alla data {} il profilo «{profile}» non offre il cassetto «{id}»: controlla la data.", it_date(*date))),
        (P::CassettoNotInForce { date, profile, id }, En) => ("catalog.cassetto-not-in-force", Error, format!("On {} the profile “{profile}” does not offer the cassetto “{id}”: check the date.", iso(*date))),
        (P::NoTitolario { name_it, .. }, It) => ("suggest.no-titolario", Info, format!("L'elenco degli oggetti di «{name_it}» non è nei documenti: nessun oggetto da proporre.")),
        (P::NoTitolario { name_en, .. }, En) => ("suggest.no-titolario", Info, format!("The object list of “{name_en}” is not in the documents: no object to suggest.")),
        (P::ListFromSeeAlso { list_it, other_it, .. }, It) => ("suggest.list-from-see-also", Info, format!("L'elenco degli oggetti di «{list_it}» non è nei documenti: le proposte vengono dall'elenco «{other_it}» dello stesso cassetto.")),
        (P::ListFromSeeAlso { list_en, other_en, .. }, En) => ("suggest.list-from-see-also", Info, format!("The object list of “{list_en}” is not in the documents: the suggestions come from the list “{other_en}” of the same drawer.")),
        (P::ListMissing { list_it, .. }, It) => ("suggest.list-missing", Info, format!("L'elenco degli oggetti di «{list_it}» non è nei documenti: nessun oggetto da proporre.")),
        (P::ListMissing { list_en, .. }, En) => ("suggest.list-missing", Info, format!("The object list of “{list_en}” is not in the documents: no object to suggest.")),
        (P::EmptyText, It) => ("suggest.empty-text", Info, "Scrivi una descrizione della richiesta per ricevere una proposta di oggetto.".into()),
        (P::EmptyText, En) => ("suggest.empty-text", Info, "Write a description of the request to get a suggested object.".into()),
        (P::TextTruncated { max }, It) => ("suggest.text-truncated", Info, format!("Per proporre l'oggetto sono stati letti i primi {max} caratteri della descrizione.")),
        (P::TextTruncated { max }, En) => ("suggest.text-truncated", Info, format!("Only the first {max} characters of the description were read to suggest the object.")),
        (P::NoMatch, It) => ("suggest.no-match", Info, "Nessun oggetto dell'elenco corrisponde alle parole della descrizione: scegli l'oggetto dal menu, descrivendo la richiesta con le parole dell'atto (es. avviso bonario, cartella, DURC, F24).".into()),
        (P::NoMatch, En) => ("suggest.no-match", Info, "No object of the list matches the words of the description: choose the object from the menu, describing the request with the words of the document (e.g. avviso bonario, cartella, DURC, F24).".into()),
        (P::BadLimit, It) => ("suggest.bad-limit", Warning, "«limit» deve essere un numero intero da 1 a 50: uso 5.".into()),
        (P::BadLimit, En) => ("suggest.bad-limit", Warning, "“limit” must be a whole number from 1 to 50: using 5.".into()),
        (P::DataPending, It) => ("catalog.data-pending", Warning, "I profili e i titolari di instrada (instrada-catalog.txt) sono in arrivo: attendi ready() e chiedi di nuovo.".into()),
        (P::DataPending, En) => ("catalog.data-pending", Warning, "instrada's profiles and titolari (instrada-catalog.txt) are on their way: await ready() and ask again.".into()),
        (P::DataUnavailable, It) => ("catalog.data-unavailable", Warning, "I profili e i titolari di instrada non sono disponibili: il file instrada-catalog.txt non si è potuto caricare. Pubblicalo accanto al modulo e permettine l'indirizzo in connect-src della CSP.".into()),
        (P::DataUnavailable, En) => ("catalog.data-unavailable", Warning, "instrada's profiles and titolari are unavailable: the file instrada-catalog.txt could not be loaded. Serve it next to the module and allow its address in the CSP's connect-src.".into()),
    }
}

/// The mailbox a field of it belongs to (`sedi[0].mailboxes[1].address` →
/// `sedi[0].mailboxes[1]`): the mailbox checks name the mailbox, and mark the field.
fn mailbox_of(field: &str) -> &str {
    field
        .strip_suffix(".address")
        .or_else(|| field.strip_suffix(".kind"))
        .or_else(|| field.strip_suffix(".uses"))
        .unwrap_or(field)
}

/// One example finding for every code the catalog can emit (and every distinct message),
/// with realistic data: the list of codes portals program against (`docs/findings.md`).
pub fn examples(lang: Lang) -> Vec<Finding> {
    let s = |x: &str| x.to_string();
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default();
    let known = s("aziende-dm-er-2019, committenti-gs, dipendenti-pubblici-2023");
    let offered = s("aziende-dm, dipendenti-pubblici");
    [
        Problem::Json {
            line: 3,
            column: 14,
            field: String::new(),
            reason: Reason::ExpectedCommaOr('}'),
        },
        Problem::Json {
            line: 12,
            column: 30,
            field: s("rules[0].kinds[1]"),
            reason: Reason::UnknownVariant {
                value: s("mail"),
                expected: vec![s("domanda"), s("comunicazione"), s("sollecito")],
            },
        },
        Problem::TooLarge { bytes: 300_000 },
        Problem::ObjectTooLarge,
        Problem::NotJson,
        Problem::JsonMissing,
        Problem::IdTaken { id: s("milano") },
        Problem::MissingSource {
            field: s("rules[2].source"),
        },
        Problem::MissingDocument,
        Problem::MissingText { field: s("name") },
        Problem::DatesOutOfOrder {
            field: s("effective"),
            from: day(2024, 3, 1),
            until: day(2023, 12, 31),
        },
        Problem::ListsOutOfOrder {
            field: s("escalation[0].lists[1].from"),
        },
        Problem::BadId {
            field: s("id"),
            id: s("Portale Nord"),
        },
        Problem::BadEmail {
            field: s("mailboxes[0].address"),
            address: s("direzione.inps.it"),
        },
        Problem::PecOutsideDomain {
            field: s("mailboxes[0].address"),
        },
        Problem::EmailIsPec {
            field: s("mailboxes[1].kind"),
        },
        Problem::MailboxNoUse {
            field: s("mailboxes[0].uses"),
        },
        Problem::UnknownUse {
            field: s("mailboxes[0].uses[0]"),
            value: s("reclami"),
        },
        Problem::UnknownCassetto {
            field: s("cassetti[0].cassetto"),
            value: s("aziende"),
        },
        Problem::UnknownSede {
            field: s("escalation[0].lists[0].contacts[0].sedi[0]"),
            sede: s("milano-est"),
        },
        Problem::UnknownInherits {
            field: s("inherits[0]"),
            id: s("nazionale-gdpp"),
        },
        Problem::UnknownTitolarioOf {
            field: s("cassetti[0].titolario"),
            id: s("aziende-dm-2030"),
        },
        Problem::TitolarioCassetto {
            field: s("cassetti[0].titolario"),
            titolario: s("committenti-gs"),
            belongs_to: s("committenti-gs"),
            cassetto: s("aziende-dm"),
        },
        Problem::CassettoNoGestioni {
            field: s("cassetti[0].gestioni"),
        },
        Problem::RuleNoKinds {
            field: s("rules[0].kinds"),
        },
        Problem::EscalationMissing {
            rule: s("rules[4]"),
        },
        Problem::UnknownRule {
            field: s("rules[1].alternatives[0]"),
            id: s("pec-generale"),
        },
        Problem::BadDays {
            field: s("terms[0].days"),
        },
        Problem::EscalationNoList {
            field: s("escalation[0].lists"),
        },
        Problem::EscalationNoRecipient {
            field: s("escalation[0].lists[0].to"),
        },
        Problem::BadHours {
            field: s("phone[0]"),
        },
        Problem::NoDays {
            field: s("phone[0].days"),
        },
        Problem::DuplicateId {
            field: s("rules[3].id"),
            id: s("pec-domande"),
        },
        Problem::BadCode {
            field: s("notes[0].code"),
            code: s("Nota PEC"),
        },
        Problem::BadMatch {
            field: s("pecExamples[0]"),
        },
        Problem::DateMissing,
        Problem::ProfileMissing {
            known: s("siena, emilia-romagna, milano, torino, nazionale-gdp, nazionale"),
        },
        Problem::UnknownProfile {
            id: s("Tornio"),
            known: s("siena, emilia-romagna, milano, torino, nazionale-gdp, nazionale"),
        },
        Problem::TitolarioMissing {
            known: known.clone(),
        },
        Problem::UnknownTitolario {
            id: s("aziende-2019"),
            known,
        },
        Problem::CassettoMissing {
            offered: offered.clone(),
        },
        Problem::UnknownCassettoOf {
            profile: s("torino"),
            id: s("domestici"),
            offered,
        },
        Problem::ProfileNotInForce {
            date: day(2016, 5, 2),
            name_it: s("Torino"),
            name_en: s("Turin"),
        },
        Problem::CassettoNotInForce {
            date: day(2016, 5, 2),
            profile: s("torino"),
            id: s("dipendenti-pubblici"),
        },
        Problem::NoTitolario {
            name_it: s("Cassetto domestici"),
            name_en: s("Domestic employers' cassetto"),
        },
        Problem::ListFromSeeAlso {
            list_it: s("Aziende con dipendenti — Milano 2018"),
            list_en: s("Employers — Milan 2018"),
            other_it: s("Aziende con dipendenti — Torino 2017"),
            other_en: s("Employers — Turin 2017"),
        },
        Problem::ListMissing {
            list_it: s("Aziende con dipendenti — Milano 2018"),
            list_en: s("Employers — Milan 2018"),
        },
        Problem::EmptyText,
        Problem::TextTruncated { max: 4000 },
        Problem::NoMatch,
        Problem::BadLimit,
        Problem::DataPending,
        Problem::DataUnavailable,
    ]
    .iter()
    .map(|p| p.finding(lang))
    .collect()
}
