//! Reading a profile from JSON and checking it: [`super::read`] reports the shape (with
//! line, column and field), then [`validate`] checks what the shape cannot say (dates in order, known cassetti and
//! titolari, e-mail syntax, sources present, references between entries). Every problem is
//! collected, each naming the field by its path in the profile.

use crate::text::Join;
use chrono::NaiveDate;

use super::read::{read, ReadError};
use super::{vocab::Gestione, Channel, Mailbox, MailboxKind, Profile, Text, CASSETTI};
use crate::catalog::messages::{Problem, USES};
use crate::catalog::titolario;
use crate::finding::{Finding, Lang, Source};
use crate::json;

/// Longest profile JSON accepted (the built-ins are about 20 KB each).
pub const MAX_JSON: usize = 256 * 1024;

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
/// syntax is right but the shape is not, and the reason.
fn json_error(json: &str, e: ReadError, lang: Lang) -> Finding {
    let (line, column) = json::line_column(json, e.at);
    let position = json.get(..e.at).map_or(0, |before| before.chars().count());
    let ReadError { field, reason, .. } = e;
    Problem::Json {
        line,
        column,
        field,
        reason,
    }
    .finding(lang)
    .at(position)
}

struct Check<'a> {
    lang: Lang,
    out: Vec<Finding>,
    profile: &'a Profile,
}

impl Check<'_> {
    fn report(&mut self, problem: Problem) {
        self.out.push(problem.finding(self.lang));
    }

    fn source(&mut self, field: &str, source: &Source) {
        if source.document.trim().is_empty() {
            self.report(Problem::MissingSource {
                field: field.into(),
            });
        }
    }

    fn text(&mut self, field: &str, text: &Text) {
        if text.it.trim().is_empty() {
            self.report(Problem::MissingText {
                field: field.into(),
            });
        }
    }

    fn order(&mut self, field: &str, from: Option<NaiveDate>, until: Option<NaiveDate>) {
        if let (Some(from), Some(until)) = (from, until) {
            if until < from {
                self.report(Problem::DatesOutOfOrder {
                    field: field.into(),
                    from,
                    until,
                });
            }
        }
    }

    fn id(&mut self, field: &str, id: &str) {
        if !is_id(id) {
            self.report(Problem::BadId {
                field: field.into(),
                id: id.into(),
            });
        }
    }

    fn email(&mut self, field: &str, address: &str) {
        if !is_email(address) {
            self.report(Problem::BadEmail {
                field: field.into(),
                address: address.into(),
            });
        }
    }

    fn mailbox(&mut self, field: &str, m: &Mailbox) {
        self.email(&at(field, ".address"), &m.address);
        for (i, a) in m.aliases.iter().enumerate() {
            self.email(&item(field, ".aliases", i), a);
        }
        let certified = m.address.to_ascii_lowercase().ends_with(INPS_PEC_DOMAIN);
        match (m.kind, certified) {
            (MailboxKind::Pec, false) => self.report(Problem::PecOutsideDomain {
                field: at(field, ".address"),
            }),
            (MailboxKind::Email, true) => self.report(Problem::EmailIsPec {
                field: at(field, ".kind"),
            }),
            _ => {}
        }
        if m.uses.is_empty() {
            self.report(Problem::MailboxNoUse {
                field: at(field, ".uses"),
            });
        }
        for (i, u) in m.uses.iter().enumerate() {
            self.use_token(&item(field, ".uses", i), u);
        }
        self.source(&at(field, ".source"), &m.source);
    }

    fn use_token(&mut self, field: &str, u: &str) {
        if !USES.contains(&u) && Gestione::parse(u).is_none_or(|g| g.id() != u) {
            self.report(Problem::UnknownUse {
                field: field.into(),
                value: u.into(),
            });
        }
    }

    fn cassetto(&mut self, field: &str, cassetto: &str) {
        if !CASSETTI.contains(&cassetto) {
            self.report(Problem::UnknownCassetto {
                field: field.into(),
                value: cassetto.into(),
            });
        }
    }

    fn sede_ref(&mut self, field: &str, sede: &str) {
        if self.profile.sede(sede).is_none() {
            self.report(Problem::UnknownSede {
                field: field.into(),
                sede: sede.into(),
            });
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
        c.report(Problem::MissingDocument);
    }
    for (i, u) in p.document.updates.iter().enumerate() {
        c.source(&at(&item("", "document.updates", i), ".source"), &u.source);
        if u.date < p.document.date {
            c.order(
                &at(&item("", "document.updates", i), ".date"),
                Some(p.document.date),
                Some(u.date),
            );
        }
    }
    c.order("effective", Some(p.effective.from), p.effective.until);
    c.order("trialUntil", Some(p.effective.from), p.trial_until);
    for (i, id) in p.inherits.iter().enumerate() {
        if id == &p.id || !known.contains(&id.as_str()) {
            c.report(Problem::UnknownInherits {
                field: item("", "inherits", i),
                id: id.clone(),
            });
        }
    }

    let mut seen: Vec<&str> = Vec::new();
    for (i, s) in p.sedi.iter().enumerate() {
        c.id(&at(&item("", "sedi", i), ".id"), &s.id);
        if seen.contains(&s.id.as_str()) {
            duplicate(&mut c, &at(&item("", "sedi", i), ".id"), &s.id);
        }
        seen.push(&s.id);
        for (j, m) in s.mailboxes.iter().enumerate() {
            c.mailbox(&item(&item("", "sedi", i), ".mailboxes", j), m);
        }
    }
    for (j, m) in p.mailboxes.iter().enumerate() {
        c.mailbox(&item("", "mailboxes", j), m);
    }

    for (i, k) in p.cassetti.iter().enumerate() {
        let f = item("", "cassetti", i);
        c.cassetto(&at(&f, ".cassetto"), &k.cassetto);
        if let Some(t) = &k.titolario {
            match titolario::titolario(t) {
                None => c.report(Problem::UnknownTitolarioOf {
                    field: at(&f, ".titolario"),
                    id: t.clone(),
                }),
                Some(tt) if tt.cassetto != k.cassetto => c.report(Problem::TitolarioCassetto {
                    field: at(&f, ".titolario"),
                    titolario: t.clone(),
                    belongs_to: tt.cassetto.clone(),
                    cassetto: k.cassetto.clone(),
                }),
                Some(_) => {}
            }
        }
        if k.gestioni.is_empty() {
            c.report(Problem::CassettoNoGestioni {
                field: at(&f, ".gestioni"),
            });
        }
        c.text(&at(&f, ".name"), &k.name);
        c.order(&f, k.from, k.until);
        c.source(&at(&f, ".source"), &k.source);
    }

    // A loop, not map + collect: one copy less of the adapters in the module (issue 15).
    let mut rule_ids = Vec::new();
    for r in &p.rules {
        rule_ids.push(r.id.as_str());
    }
    for (i, r) in p.rules.iter().enumerate() {
        let f = item("", "rules", i);
        c.id(&at(&f, ".id"), &r.id);
        if rule_ids.iter().position(|x| *x == r.id) != Some(i) {
            duplicate(&mut c, &at(&f, ".id"), &r.id);
        }
        if r.kinds.is_empty() {
            c.report(Problem::RuleNoKinds {
                field: at(&f, ".kinds"),
            });
        }
        c.order(&f, r.from.or(Some(p.effective.from)), r.until);
        if let Some(u) = r.mailbox.as_deref().filter(|u| *u != GESTIONE_PLACEHOLDER) {
            c.use_token(&at(&f, ".mailbox"), u);
        }
        for (j, a) in r.addresses.iter().enumerate() {
            c.email(&item(&f, ".addresses", j), a);
        }
        if let Some(k) = &r.cassetto {
            c.cassetto(&at(&f, ".cassetto"), k);
        }
        if r.channel == Channel::Escalation {
            match r.escalation {
                Some(level) if p.escalation_level(level).is_some() => {}
                _ => c.report(Problem::EscalationMissing { rule: f.clone() }),
            }
        }
        for (j, a) in r.alternatives.iter().enumerate() {
            if !rule_ids.contains(&a.as_str()) || a == &r.id {
                c.report(Problem::UnknownRule {
                    field: item(&f, ".alternatives", j),
                    id: a.clone(),
                });
            }
        }
        c.text(&at(&f, ".why"), &r.why);
        for (j, n) in r.notes.iter().enumerate() {
            note(&mut c, &item(&f, ".notes", j), n);
        }
        c.source(&at(&f, ".source"), &r.source);
    }
    for (j, n) in p.notes.iter().enumerate() {
        note(&mut c, &item("", "notes", j), n);
    }

    if let Some(o) = &p.online_only {
        c.source("onlineOnly.source", &o.source);
        for (i, l) in o.items.iter().enumerate() {
            listed(&mut c, &item("", "onlineOnly.items", i), l);
        }
    }
    for (i, l) in p.pec_examples.iter().enumerate() {
        listed(&mut c, &item("", "pecExamples", i), l);
    }

    for (i, t) in p.terms.iter().enumerate() {
        let f = item("", "terms", i);
        if t.days == 0 || t.days > 366 {
            c.report(Problem::BadDays {
                field: at(&f, ".days"),
            });
        }
        c.text(&at(&f, ".label"), &t.label);
        c.order(&f, t.from, t.until);
        c.source(&at(&f, ".source"), &t.source);
    }

    for (i, e) in p.escalation.iter().enumerate() {
        let f = item("", "escalation", i);
        if p.escalation.iter().position(|x| x.level == e.level) != Some(i) {
            duplicate(&mut c, &at(&f, ".level"), e.level.id());
        }
        if e.lists.is_empty() {
            c.report(Problem::EscalationNoList {
                field: at(&f, ".lists"),
            });
        }
        for (j, l) in e.lists.iter().enumerate() {
            let lf = item(&f, ".lists", j);
            if j > 0 && e.lists.get(j - 1).is_some_and(|prev| prev.from >= l.from) {
                c.report(Problem::ListsOutOfOrder {
                    field: at(&lf, ".from"),
                });
            }
            if l.from < p.effective.from {
                c.order(&at(&lf, ".from"), Some(p.effective.from), Some(l.from));
            }
            if l.to.is_empty() {
                c.report(Problem::EscalationNoRecipient {
                    field: at(&lf, ".to"),
                });
            }
            for (k, ct) in l.to.iter().chain(l.cc.iter()).enumerate() {
                c.email(&at(&item(&lf, ".contacts", k), ".address"), &ct.address);
                for (s, sede) in ct.sedi.iter().enumerate() {
                    c.sede_ref(&item(&item(&lf, ".contacts", k), ".sedi", s), sede);
                }
            }
            c.source(&at(&lf, ".source"), &l.source);
        }
        c.text(&at(&f, ".when"), &e.when);
        c.source(&at(&f, ".source"), &e.source);
    }

    for (i, ph) in p.phone.iter().enumerate() {
        let f = item("", "phone", i);
        match (hhmm(&ph.from), hhmm(&ph.to)) {
            (Some(a), Some(b)) if a < b => {}
            _ => c.report(Problem::BadHours { field: f.clone() }),
        }
        if ph.days.is_empty() {
            c.report(Problem::NoDays {
                field: at(&f, ".days"),
            });
        }
        c.source(&at(&f, ".source"), &ph.source);
    }
    for (i, d) in p.dead_mailboxes.iter().enumerate() {
        let f = item("", "deadMailboxes", i);
        if !is_email(&crate::text::replace(&d.pattern, "{sede}", "sede")) {
            c.email(&at(&f, ".pattern"), &d.pattern);
        }
        c.source(&at(&f, ".source"), &d.source);
    }
    if let Some(mp) = &p.mailbox_policy {
        c.source("mailboxPolicy.source", &mp.source);
    }
    c.out
}

/// The path of `key` in the entry at `path` (`rules[0]` and `.why`): a concatenation, not a
/// `format!` at each of the checks' sixty paths.
fn at(path: &str, key: &str) -> String {
    [path, key].joined("")
}

/// The path of the `i`-th element of the list `key` in the entry at `path`.
fn item(path: &str, key: &str, i: usize) -> String {
    format!("{path}{key}[{i}]")
}

fn duplicate(c: &mut Check, field: &str, id: &str) {
    c.report(Problem::DuplicateId {
        field: field.into(),
        id: id.into(),
    });
}

fn note(c: &mut Check, field: &str, n: &super::Note) {
    if !is_code(&n.code) {
        c.report(Problem::BadCode {
            field: at(field, ".code"),
            code: n.code.clone(),
        });
    }
    c.text(&at(field, ".text"), &n.text);
    c.order(field, n.from, n.until);
    c.source(&at(field, ".source"), &n.source);
}

fn listed(c: &mut Check, field: &str, l: &super::Listed) {
    if l.label.trim().is_empty()
        || l.matches.is_empty()
        || l.matches
            .iter()
            .any(|g| g.is_empty() || g.iter().any(|t| t.trim().is_empty()))
    {
        c.report(Problem::BadMatch {
            field: field.into(),
        });
    }
    c.source(&at(field, ".source"), &l.source);
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
        && !crate::text::contains(local, "..")
        && local
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"._%+-".contains(&b));
    let mut labels: Vec<&str> = Vec::new();
    for l in domain.split('.') {
        labels.push(l);
    }
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
