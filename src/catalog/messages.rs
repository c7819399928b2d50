//! The words of the catalog: every problem a profile a portal loads can have
//! (`profile.*`), every problem of finding a titolario or a cassetto (`catalog.*`), and the
//! notes of the object suggestion by titolario (`suggest.*`), Italian and English side by
//! side. The checks only say which [`Problem`] they met; this module renders it in the
//! language asked for, and only in that one.

use crate::text::Join;
use std::fmt::{self, Write as _};

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
    use Problem as P;
    use Severity::{Error, Info, Warning};
    match p {
        P::Json { line, column, field, reason } if field.is_empty() => ("profile.json", Error, fill(lang.pick("Il profilo non si legge alla riga {}, colonna {}: {}. Correggi il JSON in quel punto.", "The profile cannot be read at line {}, column {}: {}. Fix the JSON there."), &[&line, &column, &reason.render(lang)])),
        P::Json { line, column, field, reason } => ("profile.json", Error, fill(lang.pick("Il profilo non si legge alla riga {}, colonna {}, in «{}»: {}. Correggi il JSON in quel punto.", "The profile cannot be read at line {}, column {}, in “{}”: {}. Fix the JSON there."), &[&line, &column, &field, &reason.render(lang)])),
        P::TooLarge { bytes } => ("profile.too-large", Error, fill(lang.pick("Il profilo è troppo grande ({} byte): il massimo è {}.", "The profile is too large ({} bytes): the maximum is {}."), &[&bytes, &MAX_JSON])),
        P::IdTaken { id } => ("profile.id-taken", Error, fill(lang.pick("«{}» è l'id di un profilo incluso: scegli un altro id per il profilo del portale.", "“{}” is the id of a built-in profile: choose another id for the portal's profile."), &[&id])),
        P::ObjectTooLarge => ("profile.too-large", Error, lang.pick("Il profilo è troppo grande.", "The profile is too large.").into()),
        P::NotJson => ("profile.json", Error, lang.pick("Il profilo non si può convertire in JSON: passa il testo JSON.", "The profile cannot be turned into JSON: pass the JSON text.").into()),
        P::JsonMissing => ("profile.json-missing", Error, lang.pick("Passa il profilo come testo JSON.", "Pass the profile as JSON text.").into()),
        P::MissingSource { field } => ("profile.missing-source", Error, fill(lang.pick("«{}»: indica il documento da cui viene la regola (document) e la sezione (section).", "“{}”: give the document the rule comes from (document) and its section (section)."), &[&field])),
        P::MissingDocument => ("profile.missing-source", Error, lang.pick("«document»: indica il file (file) e il titolo (title) del documento.", "“document”: give the document's file (file) and title (title).").into()),
        P::MissingText { field } => ("profile.missing-text", Error, fill(lang.pick("«{}»: scrivi il testo in italiano (it).", "“{}”: write the Italian text (it)."), &[&field])),
        P::DatesOutOfOrder { field, from, until } => ("profile.dates-out-of-order", Error, fill(lang.pick("«{}»: la data finale {} viene prima di quella iniziale {}: scambiale o correggile.", "“{}”: the end date {} comes before the start date {}: swap or fix them."), &[&field, &day(lang, *until), &day(lang, *from)])),
        P::ListsOutOfOrder { field } => ("profile.dates-out-of-order", Error, fill(lang.pick("«{}»: gli elenchi vanno in ordine di data, ciascuno dopo il precedente.", "“{}”: lists go in date order, each after the previous one."), &[&field])),
        P::BadId { field, id } => ("profile.bad-id", Error, fill(lang.pick("«{}»: l'id «{}» deve avere da 1 a 64 caratteri tra lettere minuscole, cifre e trattini.", "“{}”: the id “{}” must have 1 to 64 characters among lower-case letters, digits and hyphens."), &[&field, &clip(id)])),
        P::BadEmail { field, address } => ("profile.bad-email", Error, fill(lang.pick("«{}»: «{}» non è un indirizzo e-mail: scrivilo come nome@dominio.it.", "“{}”: “{}” is not an e-mail address: write it as name@domain.it."), &[&field, &clip(address)])),
        P::PecOutsideDomain { field } => ("profile.pec-domain", Error, fill(lang.pick("«{}»: una PEC dell'INPS termina con {}; correggi l'indirizzo o usa kind \"email\".", "“{}”: an INPS PEC address ends with {}; fix the address or use kind \"email\"."), &[&mailbox_of(field), &INPS_PEC_DOMAIN])),
        P::EmailIsPec { field } => ("profile.pec-domain", Error, fill(lang.pick("«{}»: l'indirizzo è una PEC ({}): usa kind \"pec\".", "“{}”: the address is a PEC ({}): use kind \"pec\"."), &[&mailbox_of(field), &INPS_PEC_DOMAIN])),
        P::MailboxNoUse { field } => ("profile.mailbox-no-use", Error, fill(lang.pick("«{}»: indica a cosa serve la casella (uses).", "“{}”: say what the mailbox is for (uses)."), &[&mailbox_of(field)])),
        P::UnknownUse { field, value } => ("profile.unknown-use", Error, fill(lang.pick("«{}»: «{}» non è un uso noto: usa l'id di una gestione o uno tra {}.", "“{}”: “{}” is not a known use: use a gestione id or one of {}."), &[&field, &clip(value), &USES.joined(", ")])),
        P::UnknownCassetto { field, value } => ("profile.unknown-cassetto", Error, fill(lang.pick("«{}»: «{}» non è un cassetto noto: usa uno tra {}.", "“{}”: “{}” is not a known cassetto: use one of {}."), &[&field, &clip(value), &CASSETTI.joined(", ")])),
        P::UnknownSede { field, sede } => ("profile.unknown-sede", Error, fill(lang.pick("«{}»: la sede «{}» non è tra le sedi del profilo: aggiungila in sedi o correggi l'id.", "“{}”: the sede “{}” is not among the profile's sedi: add it to sedi or fix the id."), &[&field, &clip(sede)])),
        P::UnknownInherits { field, id } => ("profile.unknown-inherits", Error, fill(lang.pick("«{}»: «{}» non è un altro profilo registrato: usa l'id di un profilo esistente.", "“{}”: “{}” is not another registered profile: use the id of an existing profile."), &[&field, &clip(id)])),
        P::UnknownTitolarioOf { field, id } => ("profile.unknown-titolario", Error, fill(lang.pick("«{}»: «{}» non è un titolario noto: usa l'id di un titolario esistente o togli il campo.", "“{}”: “{}” is not a known titolario: use the id of an existing one or remove the field."), &[&field, &clip(id)])),
        P::TitolarioCassetto { field, titolario, belongs_to, cassetto } => ("profile.titolario-cassetto", Error, fill(lang.pick("«{}»: il titolario «{}» è del cassetto «{}», non di «{}».", "“{}”: the titolario “{}” belongs to the cassetto “{}”, not “{}”."), &[&field, &titolario, &belongs_to, &cassetto])),
        P::CassettoNoGestioni { field } => ("profile.cassetto-no-gestioni", Error, fill(lang.pick("«{}»: indica le gestioni che usano il cassetto.", "“{}”: list the gestioni that use the cassetto."), &[&field])),
        P::RuleNoKinds { field } => ("profile.rule-no-kinds", Error, fill(lang.pick("«{}»: indica almeno un tipo di richiesta.", "“{}”: give at least one kind of request."), &[&field])),
        P::EscalationMissing { rule } => ("profile.escalation-missing", Error, fill(lang.pick("«{}»: una regola di escalation indica il livello (escalation) e il profilo deve averne i contatti (escalation).", "“{}”: an escalation rule gives the level (escalation) and the profile must have its contacts (escalation)."), &[&rule])),
        P::UnknownRule { field, id } => ("profile.unknown-rule", Error, fill(lang.pick("«{}»: «{}» non è l'id di un'altra regola del profilo.", "“{}”: “{}” is not the id of another rule of the profile."), &[&field, &clip(id)])),
        P::BadDays { field } => ("profile.bad-days", Error, fill(lang.pick("«{}»: i giorni devono essere tra 1 e 366.", "“{}”: days must be between 1 and 366."), &[&field])),
        P::EscalationNoList { field } => ("profile.escalation-no-list", Error, fill(lang.pick("«{}»: indica almeno un elenco di contatti con la sua data.", "“{}”: give at least one list of contacts with its date."), &[&field])),
        P::EscalationNoRecipient { field } => ("profile.escalation-no-list", Error, fill(lang.pick("«{}»: indica almeno un destinatario.", "“{}”: give at least one recipient."), &[&field])),
        P::BadHours { field } => ("profile.bad-hours", Error, fill(lang.pick("«{}»: scrivi gli orari come HH:MM, l'apertura prima della chiusura.", "“{}”: write the hours as HH:MM, opening before closing."), &[&field])),
        P::NoDays { field } => ("profile.bad-hours", Error, fill(lang.pick("«{}»: indica i giorni in cui il numero risponde.", "“{}”: give the days the number answers."), &[&field])),
        P::DuplicateId { field, id } => ("profile.duplicate-id", Error, fill(lang.pick("«{}»: «{}» è già usato da un'altra voce: ogni id deve essere unico.", "“{}”: “{}” is already used by another entry: each id must be unique."), &[&field, &clip(id)])),
        P::BadCode { field, code } => ("profile.bad-code", Error, fill(lang.pick("«{}»: il codice «{}» deve avere la forma area.parole-col-trattino (es. route.pec-only).", "“{}”: the code “{}” must have the form area.kebab-case (e.g. route.pec-only)."), &[&field, &clip(code)])),
        P::BadMatch { field } => ("profile.bad-match", Error, fill(lang.pick("«{}»: scrivi l'etichetta (label) e almeno un gruppo di termini non vuoti (match).", "“{}”: write the label and at least one group of non-empty terms (match)."), &[&field])),
        P::DateMissing => ("catalog.date-missing", Info, lang.pick("Senza data il catalogo mostra le regole più recenti: passa la data di oggi per vedere quelle in vigore.", "Without a date the catalog shows the latest rules: pass today's date to see those in force.").into()),
        P::ProfileMissing { known } => ("catalog.profile-missing", Error, fill(lang.pick("Indica il profilo del protocollo: uno tra {}.", "Give the protocol profile: one of {}."), &[&known])),
        P::UnknownProfile { id, known } => ("catalog.unknown-profile", Error, fill(lang.pick("Il profilo «{}» non esiste: scegli uno tra {}.", "There is no profile “{}”: choose one of {}."), &[&clip(id), &known])),
        P::TitolarioMissing { known } => ("catalog.titolario-missing", Error, fill(lang.pick("Indica l'identificativo del titolario: uno tra {}.", "Give the titolario id: one of {}."), &[&known])),
        P::UnknownTitolario { id, known } => ("catalog.unknown-titolario", Error, fill(lang.pick("Non esiste un titolario «{}»: usa uno tra {}.", "There is no titolario “{}”: use one of {}."), &[&clip(id), &known])),
        P::CassettoMissing { offered } => ("catalog.cassetto-missing", Error, fill(lang.pick("Indica il cassetto: uno tra {}.", "Give the cassetto: one of {}."), &[&offered])),
        P::UnknownCassettoOf { profile, id, offered } => ("catalog.unknown-cassetto", Error, fill(lang.pick("Il profilo «{}» non ha il cassetto «{}»: usa uno tra {}.", "The profile “{}” has no cassetto “{}”: use one of {}."), &[&profile, &clip(id), &offered])),
        P::ProfileNotInForce { date, name_it, name_en } => ("catalog.profile-not-in-force", Error, fill(lang.pick("Alla data {} il protocollo «{}» non è in vigore: scegli il profilo valido alla data.", "On {} the protocol “{}” is not in force: choose the profile valid at the date."), &[&day(lang, *date), lang.pick(name_it, name_en)])),
        P::CassettoNotInForce { date, profile, id } => ("catalog.cassetto-not-in-force", Error, fill(lang.pick("Alla data {} il profilo «{}» non offre il cassetto «{}»: controlla la data.", "On {} the profile “{}” does not offer the cassetto “{}”: check the date."), &[&day(lang, *date), &profile, &id])),
        P::NoTitolario { name_it, name_en } => ("suggest.no-titolario", Info, fill(lang.pick("L'elenco degli oggetti di «{}» non è nei documenti: nessun oggetto da proporre.", "The object list of “{}” is not in the documents: no object to suggest."), &[lang.pick(name_it, name_en)])),
        P::ListFromSeeAlso { list_it, list_en, other_it, other_en } => ("suggest.list-from-see-also", Info, fill(lang.pick("L'elenco degli oggetti di «{}» non è nei documenti: le proposte vengono dall'elenco «{}» dello stesso cassetto.", "The object list of “{}” is not in the documents: the suggestions come from the list “{}” of the same drawer."), &[lang.pick(list_it, list_en), lang.pick(other_it, other_en)])),
        P::ListMissing { list_it, list_en } => ("suggest.list-missing", Info, fill(lang.pick("L'elenco degli oggetti di «{}» non è nei documenti: nessun oggetto da proporre.", "The object list of “{}” is not in the documents: no object to suggest."), &[lang.pick(list_it, list_en)])),
        P::EmptyText => ("suggest.empty-text", Info, lang.pick("Scrivi una descrizione della richiesta per ricevere una proposta di oggetto.", "Write a description of the request to get a suggested object.").into()),
        P::TextTruncated { max } => ("suggest.text-truncated", Info, fill(lang.pick("Per proporre l'oggetto sono stati letti i primi {} caratteri della descrizione.", "Only the first {} characters of the description were read to suggest the object."), &[&max])),
        P::NoMatch => ("suggest.no-match", Info, lang.pick("Nessun oggetto dell'elenco corrisponde alle parole della descrizione: scegli l'oggetto dal menu, descrivendo la richiesta con le parole dell'atto (es. avviso bonario, cartella, DURC, F24).", "No object of the list matches the words of the description: choose the object from the menu, describing the request with the words of the document (e.g. avviso bonario, cartella, DURC, F24).").into()),
        P::BadLimit => ("suggest.bad-limit", Warning, lang.pick("«limit» deve essere un numero intero da 1 a 50: uso 5.", "“limit” must be a whole number from 1 to 50: using 5.").into()),
        P::DataPending => ("catalog.data-pending", Warning, lang.pick("I profili e i titolari di instrada (instrada-catalog.txt) sono in arrivo: attendi ready() e chiedi di nuovo.", "instrada's profiles and titolari (instrada-catalog.txt) are on their way: await ready() and ask again.").into()),
        P::DataUnavailable => ("catalog.data-unavailable", Warning, lang.pick("I profili e i titolari di instrada non sono disponibili: il file instrada-catalog.txt non si è potuto caricare. Pubblicalo accanto al modulo e permettine l'indirizzo in connect-src della CSP.", "instrada's profiles and titolari are unavailable: the file instrada-catalog.txt could not be loaded. Serve it next to the module and allow its address in the CSP's connect-src.").into()),
    }
}

/// `template` with each `{}` replaced by the next of `args`: one message, both languages'
/// templates side by side, and one writer for all of them (a `format!` per message and
/// language was one formatting call each in the wasm).
fn fill(template: &str, args: &[&dyn fmt::Display]) -> String {
    let mut out = String::new();
    let mut rest = template;
    let mut args = args.iter();
    while let Some((part, tail)) = crate::text::split_once(rest, "{}") {
        out.push_str(part);
        if let Some(arg) = args.next() {
            let _ = write!(out, "{arg}");
        }
        rest = tail;
    }
    out.push_str(rest);
    out
}

/// A date in a message: Italian (`31/03/2023`) or ISO.
fn day(lang: Lang, d: NaiveDate) -> String {
    match lang {
        Lang::It => it_date(d),
        Lang::En => iso(d),
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
