//! What a portal shows of a profile at a date: its cassetti with their titolari (only the
//! objects available at the date), the routing rules in force, the sedi with their
//! mailboxes, the terms, the escalation contacts of the date, the telephone lines.
//!
//! Written on the wire straight from the profile (the property names and shapes of the
//! TypeScript declarations `ProfileSummary`, `CatalogView`, …): a copy of each profile type
//! in a view struct only to be written once was the same fields twice, and the code of both
//! in the wasm. An optional property is left out when absent, as the serde derive did.

use chrono::NaiveDate;
use std::sync::Arc;

use super::{Cassetto, Contact, ContactList, Mailbox, PhoneLine, Profile, Rule, Term};
use crate::catalog::titolario::{self, Classe, Titolario};
use crate::finding::Lang;
use crate::wire::{Json, ToWire};

/// A profile in a list, as `profiles()` answers it.
#[derive(Clone, Debug)]
pub struct Summary {
    profile: Arc<Profile>,
    built_in: bool,
    lang: Lang,
}

/// The summary of a profile; `built_in`: whether it ships with the widget (else the portal
/// loaded it).
pub fn summary(p: &Arc<Profile>, built_in: bool, lang: Lang) -> Summary {
    Summary {
        profile: Arc::clone(p),
        built_in,
        lang,
    }
}

/// A profile (with the profiles it inherits) at a date, as `catalog()` answers it.
#[derive(Clone, Debug)]
pub struct CatalogView {
    summary: Summary,
    /// The profile first, then those it inherits.
    chain: Vec<Arc<Profile>>,
    date: NaiveDate,
}

/// The view of `p` (with the profiles it inherits, `chain`) at `date`.
pub fn catalog_view(
    chain: &[Arc<Profile>],
    date: NaiveDate,
    built_in: bool,
    lang: Lang,
) -> Option<CatalogView> {
    Some(CatalogView {
        summary: summary(chain.first()?, built_in, lang),
        chain: chain.to_vec(),
        date,
    })
}

impl ToWire for Summary {
    fn write(&self, out: &mut Json) {
        let (p, lang) = (&self.profile, self.lang);
        out.begin_object();
        out.field_str("id", &p.id);
        out.field_str("name", p.name.get(lang));
        out.field_str("territory", p.territory.get(lang));
        out.field_str("issuer", &p.issuer);
        out.field_str("document", &p.document.file);
        out.field_str("title", &p.document.title);
        out.field_str("date", &crate::dates::iso(p.document.date));
        out.field_str("from", &crate::dates::iso(p.effective.from));
        out.field_str_if("until", p.effective.until.map(crate::dates::iso).as_deref());
        out.field_str_if(
            "trialUntil",
            p.trial_until.map(crate::dates::iso).as_deref(),
        );
        out.key("inherits");
        out.strs(&p.inherits);
        array(out, "sedi");
        for s in &p.sedi {
            out.str(&s.id);
        }
        out.end_array();
        out.field_bool("builtIn", self.built_in);
        out.end_object();
    }
}

impl ToWire for CatalogView {
    fn write(&self, out: &mut Json) {
        // Plain loops, not iterator chains handed to `field_each`: each chain was its own
        // iterator code in the wasm.
        let (p, date, lang) = (&self.summary.profile, self.date, self.summary.lang);
        out.begin_object();
        out.key("profile");
        self.summary.write(out);
        out.field_str("date", &crate::dates::iso(date));
        out.field_bool("inForce", p.in_force(date));
        // A cassetto offered by the profile and by one it inherits is the profile's own.
        let mut seen: Vec<&str> = Vec::new();
        array(out, "cassetti");
        for q in &self.chain {
            for k in q.cassetti.iter().filter(|k| k.in_force(date)) {
                if !seen.contains(&k.cassetto.as_str()) {
                    cassetto(out, q, k, date, lang);
                }
                seen.push(&k.cassetto);
            }
        }
        out.end_array();
        array(out, "channels");
        for q in &self.chain {
            for r in q
                .rules
                .iter()
                .filter(|r| r.in_force(q.effective.from, date))
            {
                channel(out, q, r, lang);
            }
        }
        out.end_array();
        array(out, "sedi");
        for s in &p.sedi {
            out.begin_object();
            out.field_str("id", &s.id);
            out.field_str("name", &s.name);
            mailboxes(out, &s.mailboxes, lang);
            out.end_object();
        }
        out.end_array();
        mailboxes(out, &p.mailboxes, lang);
        array(out, "terms");
        for t in p
            .terms
            .iter()
            .filter(|t| super::within(t.from, t.until, date))
        {
            term(out, t, lang);
        }
        out.end_array();
        array(out, "escalation");
        for e in &p.escalation {
            if let Some(l) = p.escalation_list(e.level, date) {
                out.begin_object();
                out.field_str("level", e.level.id());
                out.field_str("when", e.when.get(lang));
                contact_list(out, l, lang);
                out.end_object();
            }
        }
        out.end_array();
        array(out, "phone");
        for ph in &p.phone {
            phone(out, ph, lang);
        }
        out.end_array();
        array(out, "onlineOnly");
        for i in p.online_only.iter().flat_map(|o| o.items.iter()) {
            out.begin_object();
            out.field_str("label", i.label.trim_end_matches(';'));
            out.key("source");
            i.source.write(out);
            out.end_object();
        }
        out.end_array();
        array(out, "deadMailboxes");
        for d in &p.dead_mailboxes {
            out.str(&d.pattern);
        }
        out.end_array();
        out.end_object();
    }
}

/// Opens the array of the property `key`.
fn array(out: &mut Json, key: &str) {
    out.key(key);
    out.begin_array();
}

/// The property `mailboxes`.
fn mailboxes(out: &mut Json, list: &[Mailbox], lang: Lang) {
    array(out, "mailboxes");
    for m in list {
        mailbox(out, m, lang);
    }
    out.end_array();
}

/// A cassetto offered by `q` at `date`, with the objects of its titolario available then.
fn cassetto(out: &mut Json, q: &Profile, k: &Cassetto, date: NaiveDate, lang: Lang) {
    let own = k.titolario.as_deref().and_then(titolario::titolario);
    // A missing list falls back to the same national cassetto's list of another document
    // (Milano 2018 → Torino 2017); `objectsFrom` says so.
    let fallback = own
        .and_then(|t| t.list_missing.as_ref().and(t.see_also.as_deref()))
        .and_then(titolario::titolario);
    out.begin_object();
    out.field_str("cassetto", &k.cassetto);
    out.field_str("name", k.name.get(lang));
    out.field_list("gestioni", &k.gestioni);
    out.field_bool("bidirezionale", k.bidirezionale);
    out.field_str_if("menu", k.menu.as_ref().map(|m| m.get(lang)));
    out.field_str_if("titolario", k.titolario.as_deref());
    let list_missing = own.and_then(|t| {
        let en = t.list_missing_en.as_deref().filter(|_| lang == Lang::En);
        en.or(t.list_missing.as_deref())
    });
    out.field_str_if("listMissing", list_missing);
    out.field_str_if("objectsFrom", fallback.map(|f| f.id.as_str()));
    // The classes with an object available at the date, each with those objects.
    array(out, "classes");
    if let Some(t) = fallback.or(own) {
        for c in &t.classes {
            if c.objects.iter().any(|o| o.is_available(Some(date))) {
                classe(out, t, c, date, lang);
            }
        }
    }
    out.end_array();
    out.field_str("profile", &q.id);
    out.key("source");
    k.source.write(out);
    out.end_object();
}

fn classe(out: &mut Json, t: &Titolario, c: &Classe, date: NaiveDate, lang: Lang) {
    out.begin_object();
    out.field_str("id", &c.id);
    out.field_str("label", lang.pick(&c.label, &c.label_en));
    out.field_bool("direct", c.direct);
    array(out, "objects");
    for o in c.objects.iter().filter(|o| o.is_available(Some(date))) {
        out.begin_object();
        out.field_str("id", &o.id);
        let en = Some(o.label_en.as_str()).filter(|l| lang == Lang::En && !l.is_empty());
        out.field_str("label", en.unwrap_or(&o.label));
        if let Some(t) = &o.tempo_soglia {
            out.key("tempoSoglia");
            t.write(out);
        }
        let generic = o.generic || t.generic.as_deref() == Some(o.id.as_str());
        out.field_bool("generic", generic);
        out.end_object();
    }
    out.end_array();
    out.end_object();
}

/// A routing rule of `q` in force.
fn channel(out: &mut Json, q: &Profile, r: &Rule, lang: Lang) {
    out.begin_object();
    out.field_str("rule", &r.id);
    out.field_str("profile", &q.id);
    out.field_list("gestioni", &r.gestioni);
    out.field_list("kinds", &r.kinds);
    out.field_str("channel", r.channel.id());
    out.field_bool("alternativeOnly", r.alternative_only);
    out.field_str("why", r.why.get(lang));
    out.key("source");
    r.source.write(out);
    out.end_object();
}

fn mailbox(out: &mut Json, m: &Mailbox, lang: Lang) {
    out.begin_object();
    out.field_str("address", &m.address);
    out.field_str("kind", m.kind.id());
    out.key("uses");
    out.strs(&m.uses);
    out.field_str_if("note", m.note.as_ref().map(|n| n.get(lang)));
    out.key("source");
    m.source.write(out);
    out.end_object();
}

fn term(out: &mut Json, t: &Term, lang: Lang) {
    out.begin_object();
    out.field_str("kind", t.kind.id());
    out.field_int("days", i64::from(t.days));
    out.field_str("unit", t.unit.id());
    out.field_str("by", t.by.id());
    out.field_str("label", t.label.get(lang));
    out.field_str_if("note", t.note.as_ref().map(|n| n.get(lang)));
    out.key("source");
    t.source.write(out);
    out.end_object();
}

/// The properties of the contact list of the date, inside an escalation level.
fn contact_list(out: &mut Json, l: &ContactList, lang: Lang) {
    out.field_str("listFrom", &crate::dates::iso(l.from));
    let contact = |out: &mut Json, c: &Contact| {
        out.begin_object();
        out.field_str("address", &c.address);
        out.key("sedi");
        out.strs(&c.sedi);
        out.field_str_if("role", c.role.as_ref().map(|r| r.get(lang)));
        out.end_object();
    };
    for (key, list) in [("to", &l.to), ("cc", &l.cc)] {
        array(out, key);
        for c in list {
            contact(out, c);
        }
        out.end_array();
    }
    out.key("source");
    l.source.write(out);
}

fn phone(out: &mut Json, ph: &PhoneLine, lang: Lang) {
    out.begin_object();
    out.field_str("number", &ph.number);
    out.field_list("days", &ph.days);
    out.field_str("from", &ph.from);
    out.field_str("to", &ph.to);
    out.field_str("purpose", ph.purpose.get(lang));
    out.key("source");
    ph.source.write(out);
    out.end_object();
}
