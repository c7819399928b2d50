//! What a portal shows of a profile at a date: its cassetti with their titolari (only the
//! objects available at the date), the routing rules in force, the sedi with their
//! mailboxes, the terms, the escalation contacts of the date, the telephone lines.

use chrono::NaiveDate;
use std::sync::Arc;

use super::{
    Channel, DayUnit, Gestione, Kind, Level, Mailbox, MailboxKind, Party, Profile, TermKind,
    Weekday,
};
use crate::catalog::titolario;
use crate::finding::{Lang, Source};
use crate::wire::{Json, ToWire};

/// A profile in a list.
#[derive(Clone, Debug)]
pub struct Summary {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Territory.
    pub territory: String,
    /// Issuer.
    pub issuer: String,
    /// Source file.
    pub document: String,
    /// Title of the document.
    pub title: String,
    /// Date of the document, `YYYY-MM-DD`.
    pub date: String,
    /// First day in force.
    pub from: String,
    /// Last day in force.
    pub until: Option<String>,
    /// Last day of the trial.
    pub trial_until: Option<String>,
    /// Inherited profiles.
    pub inherits: Vec<String>,
    /// Sede ids.
    pub sedi: Vec<String>,
    /// Whether it ships with the widget (else the portal loaded it).
    pub built_in: bool,
}

/// The summary of a profile.
pub fn summary(p: &Profile, built_in: bool, lang: Lang) -> Summary {
    Summary {
        id: p.id.clone(),
        name: p.name.get(lang).to_string(),
        territory: p.territory.get(lang).to_string(),
        issuer: p.issuer.clone(),
        document: p.document.file.clone(),
        title: p.document.title.clone(),
        date: crate::dates::iso(p.document.date),
        from: crate::dates::iso(p.effective.from),
        until: p.effective.until.map(crate::dates::iso),
        trial_until: p.trial_until.map(crate::dates::iso),
        inherits: p.inherits.clone(),
        sedi: p.sedi.iter().map(|s| s.id.clone()).collect(),
        built_in,
    }
}

/// An object of a titolario.
#[derive(Clone, Debug)]
pub struct ObjectView {
    /// Id.
    pub id: String,
    /// Label as in the menu.
    pub label: String,
    /// Tempo soglia (ER table).
    pub tempo_soglia: Option<titolario::TempoSoglia>,
    /// Whether it is the generic object.
    pub generic: bool,
}

/// A class with its objects.
#[derive(Clone, Debug)]
pub struct ClassView {
    /// Class id.
    pub id: String,
    /// Class label.
    pub label: String,
    /// Chosen directly (the class has no sub-objects).
    pub direct: bool,
    /// Its objects available at the date.
    pub objects: Vec<ObjectView>,
}

/// A cassetto with its titolario.
#[derive(Clone, Debug)]
pub struct CassettoView {
    /// Cassetto id.
    pub cassetto: String,
    /// Name.
    pub name: String,
    /// The gestioni that use it.
    pub gestioni: Vec<Gestione>,
    /// Whether its Comunicazione bidirezionale is active.
    pub bidirezionale: bool,
    /// Where to click.
    pub menu: Option<String>,
    /// Titolario id.
    pub titolario: Option<String>,
    /// Why the object list is missing, when it is.
    pub list_missing: Option<String>,
    /// The titolario the objects come from when the own list is missing.
    pub objects_from: Option<String>,
    /// The objects available at the date, by class.
    pub classes: Vec<ClassView>,
    /// The profile that offers it (an inherited one for the GDP cassetto).
    pub profile: String,
    /// Source.
    pub source: Source,
}

/// A routing rule in force.
#[derive(Clone, Debug)]
pub struct ChannelView {
    /// Rule id.
    pub rule: String,
    /// The profile it comes from.
    pub profile: String,
    /// Gestioni (empty: all).
    pub gestioni: Vec<Gestione>,
    /// Kinds of request.
    pub kinds: Vec<Kind>,
    /// Channel.
    pub channel: Channel,
    /// Only as an alternative.
    pub alternative_only: bool,
    /// Why.
    pub why: String,
    /// Source.
    pub source: Source,
}

/// A mailbox.
#[derive(Clone, Debug)]
pub struct MailboxView {
    /// Address.
    pub address: String,
    /// PEC or e-mail.
    pub kind: MailboxKind,
    /// Uses.
    pub uses: Vec<String>,
    /// Note.
    pub note: Option<String>,
    /// Source.
    pub source: Source,
}

fn mailbox(m: &Mailbox, lang: Lang) -> MailboxView {
    MailboxView {
        address: m.address.clone(),
        kind: m.kind,
        uses: m.uses.clone(),
        note: m.note.as_ref().map(|n| n.get(lang).to_string()),
        source: m.source.clone(),
    }
}

/// A sede.
#[derive(Clone, Debug)]
pub struct SedeView {
    /// Id.
    pub id: String,
    /// Name.
    pub name: String,
    /// Mailboxes.
    pub mailboxes: Vec<MailboxView>,
}

/// A term.
#[derive(Clone, Debug)]
pub struct TermView {
    /// Which.
    pub kind: TermKind,
    /// Days.
    pub days: u32,
    /// Unit.
    pub unit: DayUnit,
    /// Who.
    pub by: Party,
    /// What.
    pub label: String,
    /// Note.
    pub note: Option<String>,
    /// Source.
    pub source: Source,
}

/// An escalation level with the contacts of the date.
#[derive(Clone, Debug)]
pub struct EscalationView {
    /// B or C.
    pub level: Level,
    /// When.
    pub when: String,
    /// The list's start.
    pub list_from: String,
    /// Recipients: (address, sedi).
    pub to: Vec<ContactView>,
    /// In copy.
    pub cc: Vec<ContactView>,
    /// Source of the list.
    pub source: Source,
}

/// A contact.
#[derive(Clone, Debug)]
pub struct ContactView {
    /// Address.
    pub address: String,
    /// Sedi.
    pub sedi: Vec<String>,
    /// Role.
    pub role: Option<String>,
}

/// A telephone line.
#[derive(Clone, Debug)]
pub struct PhoneView {
    /// Number.
    pub number: String,
    /// Days.
    pub days: Vec<Weekday>,
    /// From.
    pub from: String,
    /// To.
    pub to: String,
    /// Purpose.
    pub purpose: String,
    /// Source.
    pub source: Source,
}

/// A listed request.
#[derive(Clone, Debug)]
pub struct ListedView {
    /// Label.
    pub label: String,
    /// Source.
    pub source: Source,
}

/// A profile at a date.
#[derive(Clone, Debug)]
pub struct CatalogView {
    /// The profile.
    pub profile: Summary,
    /// The date, `YYYY-MM-DD`.
    pub date: String,
    /// Whether the profile is in force at the date.
    pub in_force: bool,
    /// Cassetti offered at the date (inherited ones too).
    pub cassetti: Vec<CassettoView>,
    /// Routing rules in force (inherited ones too).
    pub channels: Vec<ChannelView>,
    /// Sedi.
    pub sedi: Vec<SedeView>,
    /// Mailboxes of the whole territory.
    pub mailboxes: Vec<MailboxView>,
    /// Terms in force.
    pub terms: Vec<TermView>,
    /// Escalation levels with the contacts of the date.
    pub escalation: Vec<EscalationView>,
    /// Telephone lines.
    pub phone: Vec<PhoneView>,
    /// Online-only requests as listed.
    pub online_only: Vec<ListedView>,
    /// Old mailboxes no longer read.
    pub dead_mailboxes: Vec<String>,
}

/// The view of `p` (with the profiles it inherits, `chain`) at `date`.
pub fn catalog_view(
    chain: &[Arc<Profile>],
    date: NaiveDate,
    built_in: bool,
    lang: Lang,
) -> Option<CatalogView> {
    let p = chain.first()?;
    let mut cassetti = Vec::new();
    for q in chain {
        for k in q.cassetti.iter().filter(|k| k.in_force(date)) {
            if cassetti
                .iter()
                .any(|c: &CassettoView| c.cassetto == k.cassetto)
            {
                continue;
            }
            let own = k.titolario.as_deref().and_then(titolario::titolario);
            // A missing list falls back to the same national cassetto's list of another
            // document (Milano 2018 → Torino 2017); `objectsFrom` says so.
            let fallback = own
                .and_then(|t| t.list_missing.as_ref().and(t.see_also.as_deref()))
                .and_then(titolario::titolario);
            let t = fallback.or(own);
            let mut classes: Vec<ClassView> = Vec::new();
            if let Some(t) = t {
                for o in t.objects().filter(|o| t.is_available(o, Some(date))) {
                    let view = ObjectView {
                        id: o.id.clone(),
                        label: if lang == Lang::En && !o.label_en.is_empty() {
                            o.label_en.clone()
                        } else {
                            o.label.clone()
                        },
                        tempo_soglia: o.tempo_soglia,
                        generic: o.generic || t.generic.as_deref() == Some(o.id.as_str()),
                    };
                    match classes.iter_mut().find(|c| c.id == o.classe_id) {
                        Some(c) => c.objects.push(view),
                        None => classes.push(ClassView {
                            direct: t.classes.iter().any(|c| c.id == o.classe_id && c.direct),
                            id: o.classe_id.clone(),
                            label: if lang == Lang::En {
                                t.classes
                                    .iter()
                                    .find(|c| c.id == o.classe_id)
                                    .map_or(o.classe.clone(), |c| c.label_en.clone())
                            } else {
                                o.classe.clone()
                            },
                            objects: vec![view],
                        }),
                    }
                }
            }
            cassetti.push(CassettoView {
                cassetto: k.cassetto.clone(),
                name: k.name.get(lang).to_string(),
                gestioni: k.gestioni.clone(),
                bidirezionale: k.bidirezionale,
                menu: k.menu.as_ref().map(|m| m.get(lang).to_string()),
                titolario: k.titolario.clone(),
                list_missing: own.and_then(|t| {
                    if lang == Lang::En {
                        t.list_missing_en.clone().or(t.list_missing.clone())
                    } else {
                        t.list_missing.clone()
                    }
                }),
                objects_from: fallback.map(|f| f.id.clone()),
                classes,
                profile: q.id.clone(),
                source: k.source.clone(),
            });
        }
    }
    let channels = chain
        .iter()
        .flat_map(|q| {
            q.rules
                .iter()
                .filter(move |r| r.in_force(q.effective.from, date))
                .map(move |r| (q, r))
        })
        .map(|(q, r)| ChannelView {
            rule: r.id.clone(),
            profile: q.id.clone(),
            gestioni: r.gestioni.clone(),
            kinds: r.kinds.clone(),
            channel: r.channel,
            alternative_only: r.alternative_only,
            why: r.why.get(lang).to_string(),
            source: r.source.clone(),
        })
        .collect();
    let escalation = p
        .escalation
        .iter()
        .filter_map(|e| {
            let l = p.escalation_list(e.level, date)?;
            let c = |c: &super::Contact| ContactView {
                address: c.address.clone(),
                sedi: c.sedi.clone(),
                role: c.role.as_ref().map(|r| r.get(lang).to_string()),
            };
            Some(EscalationView {
                level: e.level,
                when: e.when.get(lang).to_string(),
                list_from: crate::dates::iso(l.from),
                to: l.to.iter().map(c).collect(),
                cc: l.cc.iter().map(c).collect(),
                source: l.source.clone(),
            })
        })
        .collect();
    Some(CatalogView {
        profile: summary(p, built_in, lang),
        date: crate::dates::iso(date),
        in_force: p.in_force(date),
        cassetti,
        channels,
        sedi: p
            .sedi
            .iter()
            .map(|s| SedeView {
                id: s.id.clone(),
                name: s.name.clone(),
                mailboxes: s.mailboxes.iter().map(|m| mailbox(m, lang)).collect(),
            })
            .collect(),
        mailboxes: p.mailboxes.iter().map(|m| mailbox(m, lang)).collect(),
        terms: p
            .terms
            .iter()
            .filter(|t| t.from.is_none_or(|f| f <= date) && t.until.is_none_or(|u| date <= u))
            .map(|t| TermView {
                kind: t.kind,
                days: t.days,
                unit: t.unit,
                by: t.by,
                label: t.label.get(lang).to_string(),
                note: t.note.as_ref().map(|n| n.get(lang).to_string()),
                source: t.source.clone(),
            })
            .collect(),
        escalation,
        phone: p
            .phone
            .iter()
            .map(|ph| PhoneView {
                number: ph.number.clone(),
                days: ph.days.clone(),
                from: ph.from.clone(),
                to: ph.to.clone(),
                purpose: ph.purpose.get(lang).to_string(),
                source: ph.source.clone(),
            })
            .collect(),
        online_only: p
            .online_only
            .iter()
            .flat_map(|o| o.items.iter())
            .map(|i| ListedView {
                label: i.label.trim_end_matches(';').to_string(),
                source: i.source.clone(),
            })
            .collect(),
        dead_mailboxes: p.dead_mailboxes.iter().map(|d| d.pattern.clone()).collect(),
    })
}

// How each view is written on the wire: the property names and shapes of the TypeScript
// declarations (`ProfileSummary`, `CatalogView`, …); an optional property is left out when
// absent, as the serde derive did.

impl ToWire for Summary {
    fn write(&self, out: &mut Json) {
        out.begin_object();
        out.field_str("id", &self.id);
        out.field_str("name", &self.name);
        out.field_str("territory", &self.territory);
        out.field_str("issuer", &self.issuer);
        out.field_str("document", &self.document);
        out.field_str("title", &self.title);
        out.field_str("date", &self.date);
        out.field_str("from", &self.from);
        out.field_str_if("until", self.until.as_deref());
        out.field_str_if("trialUntil", self.trial_until.as_deref());
        out.key("inherits");
        out.strs(&self.inherits);
        out.key("sedi");
        out.strs(&self.sedi);
        out.field_bool("builtIn", self.built_in);
        out.end_object();
    }
}

impl ToWire for ObjectView {
    fn write(&self, out: &mut Json) {
        out.begin_object();
        out.field_str("id", &self.id);
        out.field_str("label", &self.label);
        if let Some(t) = &self.tempo_soglia {
            out.key("tempoSoglia");
            t.write(out);
        }
        out.field_bool("generic", self.generic);
        out.end_object();
    }
}

impl ToWire for ClassView {
    fn write(&self, out: &mut Json) {
        out.begin_object();
        out.field_str("id", &self.id);
        out.field_str("label", &self.label);
        out.field_bool("direct", self.direct);
        out.field_list("objects", &self.objects);
        out.end_object();
    }
}

impl ToWire for CassettoView {
    fn write(&self, out: &mut Json) {
        out.begin_object();
        out.field_str("cassetto", &self.cassetto);
        out.field_str("name", &self.name);
        out.field_list("gestioni", &self.gestioni);
        out.field_bool("bidirezionale", self.bidirezionale);
        out.field_str_if("menu", self.menu.as_deref());
        out.field_str_if("titolario", self.titolario.as_deref());
        out.field_str_if("listMissing", self.list_missing.as_deref());
        out.field_str_if("objectsFrom", self.objects_from.as_deref());
        out.field_list("classes", &self.classes);
        out.field_str("profile", &self.profile);
        out.key("source");
        self.source.write(out);
        out.end_object();
    }
}

impl ToWire for ChannelView {
    fn write(&self, out: &mut Json) {
        out.begin_object();
        out.field_str("rule", &self.rule);
        out.field_str("profile", &self.profile);
        out.field_list("gestioni", &self.gestioni);
        out.field_list("kinds", &self.kinds);
        out.field_str("channel", self.channel.id());
        out.field_bool("alternativeOnly", self.alternative_only);
        out.field_str("why", &self.why);
        out.key("source");
        self.source.write(out);
        out.end_object();
    }
}

impl ToWire for MailboxView {
    fn write(&self, out: &mut Json) {
        out.begin_object();
        out.field_str("address", &self.address);
        out.field_str("kind", self.kind.id());
        out.key("uses");
        out.strs(&self.uses);
        out.field_str_if("note", self.note.as_deref());
        out.key("source");
        self.source.write(out);
        out.end_object();
    }
}

impl ToWire for SedeView {
    fn write(&self, out: &mut Json) {
        out.begin_object();
        out.field_str("id", &self.id);
        out.field_str("name", &self.name);
        out.field_list("mailboxes", &self.mailboxes);
        out.end_object();
    }
}

impl ToWire for TermView {
    fn write(&self, out: &mut Json) {
        out.begin_object();
        out.field_str("kind", self.kind.id());
        out.field_int("days", i64::from(self.days));
        out.field_str("unit", self.unit.id());
        out.field_str("by", self.by.id());
        out.field_str("label", &self.label);
        out.field_str_if("note", self.note.as_deref());
        out.key("source");
        self.source.write(out);
        out.end_object();
    }
}

impl ToWire for EscalationView {
    fn write(&self, out: &mut Json) {
        out.begin_object();
        out.field_str("level", self.level.id());
        out.field_str("when", &self.when);
        out.field_str("listFrom", &self.list_from);
        out.field_list("to", &self.to);
        out.field_list("cc", &self.cc);
        out.key("source");
        self.source.write(out);
        out.end_object();
    }
}

impl ToWire for ContactView {
    fn write(&self, out: &mut Json) {
        out.begin_object();
        out.field_str("address", &self.address);
        out.key("sedi");
        out.strs(&self.sedi);
        out.field_str_if("role", self.role.as_deref());
        out.end_object();
    }
}

impl ToWire for PhoneView {
    fn write(&self, out: &mut Json) {
        out.begin_object();
        out.field_str("number", &self.number);
        out.field_list("days", &self.days);
        out.field_str("from", &self.from);
        out.field_str("to", &self.to);
        out.field_str("purpose", &self.purpose);
        out.key("source");
        self.source.write(out);
        out.end_object();
    }
}

impl ToWire for ListedView {
    fn write(&self, out: &mut Json) {
        out.begin_object();
        out.field_str("label", &self.label);
        out.key("source");
        self.source.write(out);
        out.end_object();
    }
}

impl ToWire for CatalogView {
    fn write(&self, out: &mut Json) {
        out.begin_object();
        out.key("profile");
        self.profile.write(out);
        out.field_str("date", &self.date);
        out.field_bool("inForce", self.in_force);
        out.field_list("cassetti", &self.cassetti);
        out.field_list("channels", &self.channels);
        out.field_list("sedi", &self.sedi);
        out.field_list("mailboxes", &self.mailboxes);
        out.field_list("terms", &self.terms);
        out.field_list("escalation", &self.escalation);
        out.field_list("phone", &self.phone);
        out.field_list("onlineOnly", &self.online_only);
        out.key("deadMailboxes");
        out.strs(&self.dead_mailboxes);
        out.end_object();
    }
}
