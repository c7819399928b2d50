//! Reading a profile from JSON and checking it: [`super::read`] reports the shape (with
//! line, column and field), then [`validate`] checks what the shape cannot say (dates in order, known cassetti and
//! titolari, e-mail syntax, sources present, references between entries). Every problem is
//! collected, each naming the field by its path in the profile.

use chrono::NaiveDate;

use super::read::{read, ReadError};
use super::{vocab::Gestione, Channel, Mailbox, MailboxKind, Profile, Text, CASSETTI};
use crate::catalog::titolario;
use crate::field::Field;
use crate::finding::{Finding, Lang, Source};
use crate::json;

/// Longest profile JSON accepted (the built-ins are about 20 KB each).
pub const MAX_JSON: usize = 256 * 1024;

/// The `uses` a mailbox may have besides the gestione ids.
const USES: [&str; 9] = [
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

/// In a rule's `mailbox`: the boxes whose `uses` has the gestione being routed.
pub const GESTIONE_PLACEHOLDER: &str = "{gestione}";

/// The domain of INPS's certified mailboxes.
pub const INPS_PEC_DOMAIN: &str = "@postacert.inps.gov.it";

/// Parses and validates; `known` are the ids other profiles already have (for `inherits`).
pub fn parse_and_validate(json: &str, known: &[&str], lang: Lang) -> Result<Profile, Vec<Finding>> {
    let profile = read(json).map_err(|e| vec![json_error(json, e, lang)])?;
    let errors = validate(&profile, known, lang);
    if errors.is_empty() {
        Ok(profile)
    } else {
        Err(errors)
    }
}

/// The finding of a profile that cannot be read: line and column, the field when the
/// syntax is right but the shape is not, and the reason in serde's words.
fn json_error(json: &str, e: ReadError, lang: Lang) -> Finding {
    let (line, column) = json::line_column(json, e.at);
    let position = json.get(..e.at).map_or(0, |before| before.chars().count());
    let ReadError { field, reason, .. } = e;
    let finding = if field.is_empty() {
        Finding::error(
            "profile.json",
            lang.pick(
                format!("Il profilo non si legge alla riga {line}, colonna {column}: {}. Correggi il JSON in quel punto.", reason.render(Lang::It)),
                format!("The profile cannot be read at line {line}, column {column}: {reason}. Fix the JSON there."),
            ),
        )
    } else {
        Finding::error(
            "profile.json",
            lang.pick(
                format!("Il profilo non si legge alla riga {line}, colonna {column}, in «{field}»: {}. Correggi il JSON in quel punto.", reason.render(Lang::It)),
                format!("The profile cannot be read at line {line}, column {column}, in “{field}”: {reason}. Fix the JSON there."),
            ),
        )
        .field(Field::input(field))
    };
    finding.at(position)
}

struct Check<'a> {
    lang: Lang,
    out: Vec<Finding>,
    profile: &'a Profile,
}

impl Check<'_> {
    fn err(&mut self, code: &'static str, field: &str, it: String, en: String) {
        self.out
            .push(Finding::error(code, self.lang.pick(it, en)).field(Field::input(field)));
    }

    fn source(&mut self, field: &str, source: &Source) {
        if source.document.trim().is_empty() {
            self.err(
                "profile.missing-source",
                field,
                format!("«{field}»: indica il documento da cui viene la regola (document) e la sezione (section)."),
                format!("“{field}”: give the document the rule comes from (document) and its section (section)."),
            );
        }
    }

    fn text(&mut self, field: &str, text: &Text) {
        if text.it.trim().is_empty() {
            self.err(
                "profile.missing-text",
                field,
                format!("«{field}»: scrivi il testo in italiano (it)."),
                format!("“{field}”: write the Italian text (it)."),
            );
        }
    }

    fn order(&mut self, field: &str, from: Option<NaiveDate>, until: Option<NaiveDate>) {
        if let (Some(f), Some(u)) = (from, until) {
            if u < f {
                self.err(
                    "profile.dates-out-of-order",
                    field,
                    format!("«{field}»: la data finale {} viene prima di quella iniziale {}: scambiale o correggile.", crate::dates::it(u), crate::dates::it(f)),
                    format!("“{field}”: the end date {} comes before the start date {}: swap or fix them.", crate::dates::iso(u), crate::dates::iso(f)),
                );
            }
        }
    }

    fn id(&mut self, field: &str, id: &str) {
        if !is_id(id) {
            self.err(
                "profile.bad-id",
                field,
                format!("«{field}»: l'id «{}» deve avere da 1 a 64 caratteri tra lettere minuscole, cifre e trattini.", crate::dates::clip(id)),
                format!("“{field}”: the id “{}” must have 1 to 64 characters among lower-case letters, digits and hyphens.", crate::dates::clip(id)),
            );
        }
    }

    fn email(&mut self, field: &str, address: &str) {
        if !is_email(address) {
            self.err(
                "profile.bad-email",
                field,
                format!(
                    "«{field}»: «{}» non è un indirizzo e-mail: scrivilo come nome@dominio.it.",
                    crate::dates::clip(address)
                ),
                format!(
                    "“{field}”: “{}” is not an e-mail address: write it as name@domain.it.",
                    crate::dates::clip(address)
                ),
            );
        }
    }

    fn mailbox(&mut self, field: &str, m: &Mailbox) {
        self.email(&format!("{field}.address"), &m.address);
        for (i, a) in m.aliases.iter().enumerate() {
            self.email(&format!("{field}.aliases[{i}]"), a);
        }
        let certified = m.address.to_ascii_lowercase().ends_with(INPS_PEC_DOMAIN);
        match (m.kind, certified) {
            (MailboxKind::Pec, false) => self.err(
                "profile.pec-domain",
                &format!("{field}.address"),
                format!("«{field}»: una PEC dell'INPS termina con {INPS_PEC_DOMAIN}; correggi l'indirizzo o usa kind \"email\"."),
                format!("“{field}”: an INPS PEC address ends with {INPS_PEC_DOMAIN}; fix the address or use kind \"email\"."),
            ),
            (MailboxKind::Email, true) => self.err(
                "profile.pec-domain",
                &format!("{field}.kind"),
                format!("«{field}»: l'indirizzo è una PEC ({INPS_PEC_DOMAIN}): usa kind \"pec\"."),
                format!("“{field}”: the address is a PEC ({INPS_PEC_DOMAIN}): use kind \"pec\"."),
            ),
            _ => {}
        }
        if m.uses.is_empty() {
            self.err(
                "profile.mailbox-no-use",
                &format!("{field}.uses"),
                format!("«{field}»: indica a cosa serve la casella (uses)."),
                format!("“{field}”: say what the mailbox is for (uses)."),
            );
        }
        for (i, u) in m.uses.iter().enumerate() {
            self.use_token(&format!("{field}.uses[{i}]"), u);
        }
        self.source(&format!("{field}.source"), &m.source);
    }

    fn use_token(&mut self, field: &str, u: &str) {
        if !USES.contains(&u) && Gestione::parse(u).is_none_or(|g| g.id() != u) {
            self.err(
                "profile.unknown-use",
                field,
                format!(
                    "«{field}»: «{}» non è un uso noto: usa l'id di una gestione o uno tra {}.",
                    crate::dates::clip(u),
                    USES.join(", ")
                ),
                format!(
                    "“{field}”: “{}” is not a known use: use a gestione id or one of {}.",
                    crate::dates::clip(u),
                    USES.join(", ")
                ),
            );
        }
    }

    fn cassetto(&mut self, field: &str, cassetto: &str) {
        if !CASSETTI.contains(&cassetto) {
            self.err(
                "profile.unknown-cassetto",
                field,
                format!(
                    "«{field}»: «{}» non è un cassetto noto: usa uno tra {}.",
                    crate::dates::clip(cassetto),
                    CASSETTI.join(", ")
                ),
                format!(
                    "“{field}”: “{}” is not a known cassetto: use one of {}.",
                    crate::dates::clip(cassetto),
                    CASSETTI.join(", ")
                ),
            );
        }
    }

    fn sede_ref(&mut self, field: &str, sede: &str) {
        if self.profile.sede(sede).is_none() {
            self.err(
                "profile.unknown-sede",
                field,
                format!("«{field}»: la sede «{}» non è tra le sedi del profilo: aggiungila in sedi o correggi l'id.", crate::dates::clip(sede)),
                format!("“{field}”: the sede “{}” is not among the profile's sedi: add it to sedi or fix the id.", crate::dates::clip(sede)),
            );
        }
    }
}

/// Checks what serde cannot; returns every problem found.
pub fn validate(p: &Profile, known: &[&str], lang: Lang) -> Vec<Finding> {
    let mut c = Check {
        lang,
        out: Vec::new(),
        profile: p,
    };
    c.id("id", &p.id);
    c.text("name", &p.name);
    c.text("territory", &p.territory);
    if p.document.file.trim().is_empty() || p.document.title.trim().is_empty() {
        c.err(
            "profile.missing-source",
            "document",
            "«document»: indica il file (file) e il titolo (title) del documento.".into(),
            "“document”: give the document's file (file) and title (title).".into(),
        );
    }
    for (i, u) in p.document.updates.iter().enumerate() {
        c.source(&format!("document.updates[{i}].source"), &u.source);
        if u.date < p.document.date {
            c.order(
                &format!("document.updates[{i}].date"),
                Some(p.document.date),
                Some(u.date),
            );
        }
    }
    c.order("effective", Some(p.effective.from), p.effective.until);
    c.order("trialUntil", Some(p.effective.from), p.trial_until);
    for (i, id) in p.inherits.iter().enumerate() {
        if id == &p.id || !known.contains(&id.as_str()) {
            c.err(
                "profile.unknown-inherits",
                &format!("inherits[{i}]"),
                format!("«inherits[{i}]»: «{}» non è un altro profilo registrato: usa l'id di un profilo esistente.", crate::dates::clip(id)),
                format!("“inherits[{i}]”: “{}” is not another registered profile: use the id of an existing profile.", crate::dates::clip(id)),
            );
        }
    }

    let mut seen: Vec<&str> = Vec::new();
    for (i, s) in p.sedi.iter().enumerate() {
        c.id(&format!("sedi[{i}].id"), &s.id);
        if seen.contains(&s.id.as_str()) {
            duplicate(&mut c, &format!("sedi[{i}].id"), &s.id);
        }
        seen.push(&s.id);
        for (j, m) in s.mailboxes.iter().enumerate() {
            c.mailbox(&format!("sedi[{i}].mailboxes[{j}]"), m);
        }
    }
    for (j, m) in p.mailboxes.iter().enumerate() {
        c.mailbox(&format!("mailboxes[{j}]"), m);
    }

    for (i, k) in p.cassetti.iter().enumerate() {
        let f = format!("cassetti[{i}]");
        c.cassetto(&format!("{f}.cassetto"), &k.cassetto);
        if let Some(t) = &k.titolario {
            match titolario::titolario(t) {
                None => c.err(
                    "profile.unknown-titolario",
                    &format!("{f}.titolario"),
                    format!("«{f}.titolario»: «{}» non è un titolario noto: usa l'id di un titolario esistente o togli il campo.", crate::dates::clip(t)),
                    format!("“{f}.titolario”: “{}” is not a known titolario: use the id of an existing one or remove the field.", crate::dates::clip(t)),
                ),
                Some(tt) if tt.cassetto != k.cassetto => c.err(
                    "profile.titolario-cassetto",
                    &format!("{f}.titolario"),
                    format!("«{f}.titolario»: il titolario «{t}» è del cassetto «{}», non di «{}».", tt.cassetto, k.cassetto),
                    format!("“{f}.titolario”: the titolario “{t}” belongs to the cassetto “{}”, not “{}”.", tt.cassetto, k.cassetto),
                ),
                Some(_) => {}
            }
        }
        if k.gestioni.is_empty() {
            c.err(
                "profile.cassetto-no-gestioni",
                &format!("{f}.gestioni"),
                format!("«{f}.gestioni»: indica le gestioni che usano il cassetto."),
                format!("“{f}.gestioni”: list the gestioni that use the cassetto."),
            );
        }
        c.text(&format!("{f}.name"), &k.name);
        c.order(&f, k.from, k.until);
        c.source(&format!("{f}.source"), &k.source);
    }

    let rule_ids: Vec<&str> = p.rules.iter().map(|r| r.id.as_str()).collect();
    for (i, r) in p.rules.iter().enumerate() {
        let f = format!("rules[{i}]");
        c.id(&format!("{f}.id"), &r.id);
        if rule_ids.iter().position(|x| *x == r.id) != Some(i) {
            duplicate(&mut c, &format!("{f}.id"), &r.id);
        }
        if r.kinds.is_empty() {
            c.err(
                "profile.rule-no-kinds",
                &format!("{f}.kinds"),
                format!("«{f}.kinds»: indica almeno un tipo di richiesta."),
                format!("“{f}.kinds”: give at least one kind of request."),
            );
        }
        c.order(&f, r.from.or(Some(p.effective.from)), r.until);
        if let Some(u) = r.mailbox.as_deref().filter(|u| *u != GESTIONE_PLACEHOLDER) {
            c.use_token(&format!("{f}.mailbox"), u);
        }
        for (j, a) in r.addresses.iter().enumerate() {
            c.email(&format!("{f}.addresses[{j}]"), a);
        }
        if let Some(k) = &r.cassetto {
            c.cassetto(&format!("{f}.cassetto"), k);
        }
        if r.channel == Channel::Escalation {
            match r.escalation {
                Some(level) if p.escalation_level(level).is_some() => {}
                _ => c.err(
                    "profile.escalation-missing",
                    &format!("{f}.escalation"),
                    format!("«{f}»: una regola di escalation indica il livello (escalation) e il profilo deve averne i contatti (escalation)."),
                    format!("“{f}”: an escalation rule gives the level (escalation) and the profile must have its contacts (escalation)."),
                ),
            }
        }
        for (j, a) in r.alternatives.iter().enumerate() {
            if !rule_ids.contains(&a.as_str()) || a == &r.id {
                c.err(
                    "profile.unknown-rule",
                    &format!("{f}.alternatives[{j}]"),
                    format!("«{f}.alternatives[{j}]»: «{}» non è l'id di un'altra regola del profilo.", crate::dates::clip(a)),
                    format!("“{f}.alternatives[{j}]”: “{}” is not the id of another rule of the profile.", crate::dates::clip(a)),
                );
            }
        }
        c.text(&format!("{f}.why"), &r.why);
        for (j, n) in r.notes.iter().enumerate() {
            note(&mut c, &format!("{f}.notes[{j}]"), n);
        }
        c.source(&format!("{f}.source"), &r.source);
    }
    for (j, n) in p.notes.iter().enumerate() {
        note(&mut c, &format!("notes[{j}]"), n);
    }

    if let Some(o) = &p.online_only {
        c.source("onlineOnly.source", &o.source);
        for (i, l) in o.items.iter().enumerate() {
            listed(&mut c, &format!("onlineOnly.items[{i}]"), l);
        }
    }
    for (i, l) in p.pec_examples.iter().enumerate() {
        listed(&mut c, &format!("pecExamples[{i}]"), l);
    }

    for (i, t) in p.terms.iter().enumerate() {
        let f = format!("terms[{i}]");
        if t.days == 0 || t.days > 366 {
            c.err(
                "profile.bad-days",
                &format!("{f}.days"),
                format!("«{f}.days»: i giorni devono essere tra 1 e 366."),
                format!("“{f}.days”: days must be between 1 and 366."),
            );
        }
        c.text(&format!("{f}.label"), &t.label);
        c.order(&f, t.from, t.until);
        c.source(&format!("{f}.source"), &t.source);
    }

    for (i, e) in p.escalation.iter().enumerate() {
        let f = format!("escalation[{i}]");
        if p.escalation.iter().position(|x| x.level == e.level) != Some(i) {
            duplicate(
                &mut c,
                &format!("{f}.level"),
                if e.level == super::Level::B { "B" } else { "C" },
            );
        }
        if e.lists.is_empty() {
            c.err(
                "profile.escalation-no-list",
                &format!("{f}.lists"),
                format!("«{f}.lists»: indica almeno un elenco di contatti con la sua data."),
                format!("“{f}.lists”: give at least one list of contacts with its date."),
            );
        }
        for (j, l) in e.lists.iter().enumerate() {
            let lf = format!("{f}.lists[{j}]");
            if j > 0 && e.lists.get(j - 1).is_some_and(|prev| prev.from >= l.from) {
                c.err(
                    "profile.dates-out-of-order",
                    &format!("{lf}.from"),
                    format!("«{lf}.from»: gli elenchi vanno in ordine di data, ciascuno dopo il precedente."),
                    format!("“{lf}.from”: lists go in date order, each after the previous one."),
                );
            }
            if l.from < p.effective.from {
                c.order(&format!("{lf}.from"), Some(p.effective.from), Some(l.from));
            }
            if l.to.is_empty() {
                c.err(
                    "profile.escalation-no-list",
                    &format!("{lf}.to"),
                    format!("«{lf}.to»: indica almeno un destinatario."),
                    format!("“{lf}.to”: give at least one recipient."),
                );
            }
            for (k, ct) in l.to.iter().chain(l.cc.iter()).enumerate() {
                c.email(&format!("{lf}.contacts[{k}].address"), &ct.address);
                for (s, sede) in ct.sedi.iter().enumerate() {
                    c.sede_ref(&format!("{lf}.contacts[{k}].sedi[{s}]"), sede);
                }
            }
            c.source(&format!("{lf}.source"), &l.source);
        }
        c.text(&format!("{f}.when"), &e.when);
        c.source(&format!("{f}.source"), &e.source);
    }

    for (i, ph) in p.phone.iter().enumerate() {
        let f = format!("phone[{i}]");
        match (hhmm(&ph.from), hhmm(&ph.to)) {
            (Some(a), Some(b)) if a < b => {}
            _ => c.err(
                "profile.bad-hours",
                &f,
                format!("«{f}»: scrivi gli orari come HH:MM, l'apertura prima della chiusura."),
                format!("“{f}”: write the hours as HH:MM, opening before closing."),
            ),
        }
        if ph.days.is_empty() {
            c.err(
                "profile.bad-hours",
                &format!("{f}.days"),
                format!("«{f}.days»: indica i giorni in cui il numero risponde."),
                format!("“{f}.days”: give the days the number answers."),
            );
        }
        c.source(&format!("{f}.source"), &ph.source);
    }
    for (i, d) in p.dead_mailboxes.iter().enumerate() {
        let f = format!("deadMailboxes[{i}]");
        if !is_email(&d.pattern.replace("{sede}", "sede")) {
            c.email(&format!("{f}.pattern"), &d.pattern);
        }
        c.source(&format!("{f}.source"), &d.source);
    }
    if let Some(mp) = &p.mailbox_policy {
        c.source("mailboxPolicy.source", &mp.source);
    }
    c.out
}

fn duplicate(c: &mut Check, field: &str, id: &str) {
    c.err(
        "profile.duplicate-id",
        field,
        format!(
            "«{field}»: «{}» è già usato da un'altra voce: ogni id deve essere unico.",
            crate::dates::clip(id)
        ),
        format!(
            "“{field}”: “{}” is already used by another entry: each id must be unique.",
            crate::dates::clip(id)
        ),
    );
}

fn note(c: &mut Check, field: &str, n: &super::Note) {
    if !is_code(&n.code) {
        c.err(
            "profile.bad-code",
            &format!("{field}.code"),
            format!("«{field}.code»: il codice «{}» deve avere la forma area.parole-col-trattino (es. route.pec-only).", crate::dates::clip(&n.code)),
            format!("“{field}.code”: the code “{}” must have the form area.kebab-case (e.g. route.pec-only).", crate::dates::clip(&n.code)),
        );
    }
    c.text(&format!("{field}.text"), &n.text);
    c.order(field, n.from, n.until);
    c.source(&format!("{field}.source"), &n.source);
}

fn listed(c: &mut Check, field: &str, l: &super::Listed) {
    if l.label.trim().is_empty()
        || l.matches.is_empty()
        || l.matches
            .iter()
            .any(|g| g.is_empty() || g.iter().any(|t| t.trim().is_empty()))
    {
        c.err(
            "profile.bad-match",
            field,
            format!("«{field}»: scrivi l'etichetta (label) e almeno un gruppo di termini non vuoti (match)."),
            format!("“{field}”: write the label and at least one group of non-empty terms (match)."),
        );
    }
    c.source(&format!("{field}.source"), &l.source);
}

fn hhmm(s: &str) -> Option<(u32, u32)> {
    let (h, m) = s.split_once(':')?;
    let (h, m): (u32, u32) = (h.parse().ok()?, m.parse().ok()?);
    (h < 24 && m < 60 && s.len() == 5).then_some((h, m))
}

fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
        && !s.starts_with('-')
        && !s.ends_with('-')
}

fn is_code(s: &str) -> bool {
    match s.split_once('.') {
        Some((area, rest)) => is_id(area) && is_id(rest),
        None => false,
    }
}

/// Whether `s` is an e-mail address in the plain form mailboxes are written in documents
/// (`local@domain.tld`, ASCII). Not RFC 5322 in full: quoted local parts and IP literals
/// do not occur in INPS addresses and are refused.
pub fn is_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..")
        && local
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._%+-".contains(&b));
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && domain.len() <= 253
        && labels.iter().all(|l| {
            !l.is_empty()
                && l.len() <= 63
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.bytes().all(|b| b.is_ascii_alphabetic()));
    local_ok && domain_ok
}
