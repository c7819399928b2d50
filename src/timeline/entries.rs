//! The entries of a timeline, rule by rule. Which rules apply depends on the kind of
//! request; each entry's date is computed with the request's calendar, in the unit the data
//! gives, and carries the rule's source. See the module's decisions for the readings.

use crate::field::FormField;
use chrono::{Datelike, NaiveDate};

use crate::calendar::CalendarError;
use crate::catalog::profile::{
    cite, Channel, ContactList, DayUnit, EscalationLevel, Kind, Level, PhoneLine, Previous,
    Profile, Term, TermKind,
};
use crate::catalog::titolario::{Oggetto, Unit};
use crate::dates;
use crate::finding::{Finding, Lang, Source};

use super::messages::{Problem, Text};
use super::resolve::Ctx;
use super::words::{and_list, calendar_count, closed_because, length, requirement, working_count};
use super::{Entry, EntryId, EntryKind, Recipient, TermLength};

/// The entries of the request, earliest first, and whether an answer date is guaranteed.
pub(super) fn build(ctx: &Ctx, findings: &mut Vec<Finding>) -> (Vec<Entry>, bool) {
    let mut b = Builder {
        ctx,
        findings,
        entries: Vec::new(),
        calendar_failed: false,
    };
    b.sent_on_closed_day();
    let guaranteed = match ctx.kind {
        Kind::Comunicazione | Kind::Sollecito | Kind::Riesame | Kind::Durc => b.communication(),
        Kind::Domanda | Kind::DomandaTelematizzata | Kind::DomandaNonTelematizzata => {
            b.no_term(EntryId::Risposta);
            false
        }
        Kind::Appuntamento => b.simple_term(TermKind::Appuntamento, EntryId::Appuntamento),
        Kind::Urgente => b.simple_term(TermKind::Richiamata, EntryId::Richiamata),
        Kind::QuesitoNormativo => b.quesito(),
    };
    b.intermediary();
    b.phone();
    let mut entries = b.entries;
    sort_by_date(&mut entries);
    (entries, guaranteed)
}

/// Earliest first; entries without a date last; the order they were made in on the same
/// day (level B before the appointment it opens). A handful of entries: an insertion sort
/// keeps the general sort's code (a few KB per type) out of the wasm module.
fn sort_by_date(entries: &mut [Entry]) {
    let key = |e: &Entry| (e.date.is_none(), e.date);
    for i in 1..entries.len() {
        let mut j = i;
        while j > 0 && entries.get(j - 1).map(key) > entries.get(j).map(key) {
            entries.swap(j - 1, j);
            j -= 1;
        }
    }
}

struct Builder<'a> {
    ctx: &'a Ctx,
    findings: &'a mut Vec<Finding>,
    entries: Vec<Entry>,
    calendar_failed: bool,
}

/// The rule that makes the answer due.
struct Due {
    days: u32,
    unit: Unit,
    /// The document's rule, in words.
    what: String,
    /// What the document adds (a note of the profile), with a leading space.
    extra: String,
    /// instrada's reading, if any.
    reading: Option<String>,
    source: Source,
}

fn unit_of(u: DayUnit) -> Unit {
    match u {
        DayUnit::Lavorativi => Unit::WorkingDays,
        DayUnit::Calendario => Unit::CalendarDays,
    }
}

fn entry(id: EntryId, kind: EntryKind, lang: Lang, explanation: String, rule: Source) -> Entry {
    Entry {
        id,
        date: None,
        kind,
        title: id.title(lang).to_string(),
        explanation,
        reading: None,
        rule,
        term: None,
        recipients: Vec::new(),
        status: None,
    }
}

/// A term's note is instrada's reading when it explains the unit ("il documento dice «entro
/// 3 gg», senza «lavorativi»"): every calendar-day term of the profiles has such a note.
/// Other notes (Torino's "a regime", Milano F's consequences) are the document's own words.
fn note_parts(term: &Term, lang: Lang) -> (String, Option<String>) {
    match (&term.note, term.unit) {
        (None, _) => (String::new(), None),
        (Some(n), DayUnit::Calendario) => (String::new(), Some(n.get(lang).to_string())),
        (Some(n), DayUnit::Lavorativi) => (format!(" {}", n.get(lang)), None),
    }
}

impl Builder<'_> {
    fn lang(&self) -> Lang {
        self.ctx.lang
    }

    /// The day `days` of `unit` after `from`, and how it follows. A date the calendar
    /// cannot reach gives one finding (once per timeline) and `None`.
    fn count(&mut self, from: NaiveDate, days: u32, unit: Unit) -> Option<(NaiveDate, String)> {
        let (cal, lang) = (&self.ctx.cal, self.ctx.lang);
        let result = match unit {
            Unit::WorkingDays => cal
                .add_working_days(from, i32::try_from(days).unwrap_or(i32::MAX))
                .map(|d| (d, working_count(cal, from, days, d, lang))),
            Unit::CalendarDays => cal.term_calendar_days(from, days).map(|t| {
                (
                    t.due,
                    calendar_count(cal, from, days, t.nominal, t.due, lang),
                )
            }),
        };
        result.map_err(|e| self.fail(e)).ok()
    }

    fn next_working_day(&mut self, d: NaiveDate) -> Option<NaiveDate> {
        self.ctx
            .cal
            .next_working_day(d)
            .map_err(|e| self.fail(e))
            .ok()
    }

    fn fail(&mut self, e: CalendarError) {
        if !self.calendar_failed {
            self.calendar_failed = true;
            self.findings
                .push(e.finding(FormField::DataInvio, self.lang()));
        }
    }

    fn sent_on_closed_day(&mut self) {
        let (cal, sent, lang) = (&self.ctx.cal, self.ctx.sent, self.lang());
        let Some(why) = closed_because(cal, sent, lang) else {
            return;
        };
        let Ok(start) = cal.add_working_days(sent, 0) else {
            return;
        };
        self.findings.push(
            Problem::SentOnClosedDay {
                sent,
                start,
                why: &why,
            }
            .finding(lang),
        );
    }

    /// The term of an entry of the request's own kind, counted from the sending date.
    fn simple_term(&mut self, kind: TermKind, id: EntryId) -> bool {
        let Some(term) = self.ctx.term(kind) else {
            self.no_term(id);
            return false;
        };
        let lang = self.lang();
        let Some((date, how)) = self.count(self.ctx.sent, term.days, unit_of(term.unit)) else {
            return false;
        };
        let (extra, reading) = note_parts(term, lang);
        let mut e = entry(
            id,
            EntryKind::InpsDeadline,
            lang,
            format!(
                "{}: {}.{extra} {how}",
                term.label.get(lang),
                length(term.days, unit_of(term.unit), lang)
            ),
            term.source.clone(),
        );
        e.date = Some(date);
        e.reading = reading;
        e.term = Some(TermLength {
            days: term.days,
            unit: unit_of(term.unit),
        });
        self.entries.push(e);
        true
    }

    /// An entry without a date: the profile sets no term for this request.
    fn no_term(&mut self, id: EntryId) {
        let (ctx, lang) = (self.ctx, self.lang());
        let name = ctx.root.name.get(lang);
        let place = ctx.cassetto.map(|c| c.name.get(lang).to_string());
        let service = matches!(
            ctx.kind,
            Kind::Domanda | Kind::DomandaTelematizzata | Kind::DomandaNonTelematizzata
        );
        // The national baseline (no territory's times, no escalation contacts): say that
        // those are local agreements rather than leave the reader guessing (issue 13).
        let local = !service
            && ctx.term(TermKind::Risposta).is_none()
            && self.level(Level::B).is_none()
            && ctx.chain.iter().all(|p| p.sedi.is_empty());
        let problem = Problem::NoTerm {
            profile: name,
            kind: ctx.kind,
            cassetto: place.as_deref(),
            service,
            local,
        };
        let text = problem.message(lang);
        let source = Source::new(ctx.root.document.file.clone(), "");
        self.findings
            .push(problem.finding(lang).source(source.clone()));
        self.entries
            .push(entry(id, EntryKind::InpsDeadline, lang, text, source));
    }

    /// A communication (comunicazione, sollecito, riesame, DURC): answer, escalation,
    /// whole exchange.
    fn communication(&mut self) -> bool {
        let (ctx, lang) = (self.ctx, self.lang());
        if ctx.kind == Kind::Durc {
            self.preavviso_durc();
        }
        let object = ctx.object.map(|(_, o)| o);
        if let Some(o) = object.filter(|o| o.generic) {
            self.generic(o);
            return false;
        }
        let Some(due) = self.due_rule(object) else {
            if object.is_none() {
                self.object_needed();
            }
            self.no_term(EntryId::Risposta);
            self.appointment_after(None);
            return false;
        };
        let start = ctx.first_contact();
        let Some((date, how)) = self.count(start, due.days, due.unit) else {
            return false;
        };
        let first = ctx
            .first_request
            .map(|first| Text::ForFirstRequest { first }.render(lang));
        let mut e = entry(
            EntryId::Risposta,
            EntryKind::InpsDeadline,
            lang,
            format!(
                "{}{}: {}.{} {how}",
                first.unwrap_or_default(),
                due.what,
                length(due.days, due.unit, lang),
                due.extra
            ),
            due.source.clone(),
        );
        if ctx.first_request.is_some() {
            e.title = Text::FirstRequestAnswerTitle.render(lang);
        }
        e.date = Some(date);
        e.reading = due.reading.clone();
        e.term = Some(TermLength {
            days: due.days,
            unit: due.unit,
        });
        self.entries.push(e);
        self.durc_exchange(&due.source);
        let process = self.process();
        self.escalation(date, &due, process);
        self.appointment_after(Some((date, &due)));
        true
    }

    /// Which rule makes the answer due: the object's tempo soglia, the profile's DURC time,
    /// the profile's maximum.
    fn due_rule(&self, object: Option<&Oggetto>) -> Option<Due> {
        let (ctx, lang) = (self.ctx, self.lang());
        if let Some((o, soglia)) = object.and_then(|o| o.tempo_soglia.map(|s| (o, s))) {
            return Some(Due {
                days: soglia.days,
                unit: soglia.unit,
                what: Text::Threshold { object: o }.render(lang),
                extra: String::new(),
                reading: (soglia.unit == Unit::WorkingDays)
                    .then(|| Text::ThresholdUnitReading.render(lang)),
                source: o.source.clone(),
            });
        }
        let durc_object = object.is_some_and(|o| o.id == "durc");
        let durc = if durc_object || ctx.kind == Kind::Durc {
            ctx.term(TermKind::RispostaDurc)
        } else {
            None
        };
        let (term, reading) = match durc {
            Some(t) if !durc_object => (t, Some(Text::DurcTermReading.render(lang))),
            Some(t) => (t, None),
            None => (ctx.term(TermKind::Risposta)?, None),
        };
        let (extra, note_reading) = note_parts(term, lang);
        Some(Due {
            days: term.days,
            unit: unit_of(term.unit),
            what: term.label.get(lang).to_string(),
            extra,
            reading: reading.or(note_reading),
            source: term.source.clone(),
        })
    }

    /// Without an object, when a menu of the profile gives a threshold per object (Emilia
    /// Romagna): say that the object decides the date.
    fn object_needed(&mut self) {
        let (ctx, lang) = (self.ctx, self.lang());
        let with_thresholds = |c: &&crate::catalog::profile::Cassetto| {
            c.titolario
                .as_deref()
                .and_then(crate::catalog::titolario::titolario)
                .is_some_and(|t| t.objects().any(|o| o.tempo_soglia.is_some()))
        };
        let cassetto = match ctx.cassetto {
            Some(c) => Some(c).filter(with_thresholds),
            None => ctx.root.cassetti.iter().find(with_thresholds),
        };
        if let Some(c) = cassetto {
            self.findings.push(
                Problem::ObjectNeeded {
                    cassetto: c.name.get(lang),
                }
                .finding(lang)
                .source(c.source.clone()),
            );
        }
    }

    /// The generic object: no date is guaranteed.
    fn generic(&mut self, o: &Oggetto) {
        let lang = self.lang();
        let text = Text::GenericObject { object: &o.label }.render(lang);
        self.findings.push(
            Problem::NotGuaranteed { object: &o.label }
                .finding(lang)
                .source(o.source.clone()),
        );
        self.entries.push(entry(
            EntryId::Risposta,
            EntryKind::InpsDeadline,
            lang,
            text,
            o.source.clone(),
        ));
    }

    /// The 20-working-day limit of the whole exchange, from the first contact.
    fn process(&mut self) -> Option<(NaiveDate, &'static Term)> {
        let (ctx, lang) = (self.ctx, self.lang());
        let term = ctx.term(TermKind::Processo)?;
        let unit = unit_of(term.unit);
        let (date, how) = self.count(ctx.first_contact(), term.days, unit)?;
        let (extra, reading) = note_parts(term, lang);
        let first = ctx
            .first_request
            .map(|first| Text::FirstContact { first }.render(lang));
        let mut e = entry(
            EntryId::Processo,
            EntryKind::InpsDeadline,
            lang,
            format!(
                "{}: {}.{extra}{} {how}",
                term.label.get(lang),
                length(term.days, unit, lang),
                first.unwrap_or_default()
            ),
            term.source.clone(),
        );
        e.date = Some(date);
        e.reading = reading.or_else(|| {
            (ctx.kind == Kind::Sollecito && ctx.first_request.is_none())
                .then(|| Text::SollecitoFirstContactReading.render(lang))
        });
        e.term = Some(TermLength {
            days: term.days,
            unit,
        });
        self.entries.push(e);
        Some((date, term))
    }

    fn level(&self, level: Level) -> Option<(&'static Profile, &'static EscalationLevel)> {
        self.ctx
            .chain
            .iter()
            .find_map(|p| p.escalation_level(level).map(|l| (*p, l)))
    }

    /// The contacts of `level` in force on `when` (the day the reminder is sent), filtered
    /// by sede.
    fn recipients(
        &self,
        p: &'static Profile,
        level: Level,
        when: NaiveDate,
    ) -> (Vec<Recipient>, Option<&'static ContactList>) {
        let lang = self.lang();
        let Some(list) = p.escalation_list(level, when) else {
            return (Vec::new(), None);
        };
        let sede = self.ctx.cal.sede_id();
        let for_sede = |c: &&crate::catalog::profile::Contact| {
            sede.is_none_or(|s| c.sedi.is_empty() || c.sedi.iter().any(|x| x == s))
        };
        let mut to: Vec<_> = list.to.iter().filter(for_sede).collect();
        if to.is_empty() {
            to = list.to.iter().collect();
        }
        let recipient = |c: &crate::catalog::profile::Contact, cc: bool| Recipient {
            address: c.address.clone(),
            cc,
            role: c.role.as_ref().map(|r| r.get(lang).to_string()),
            sedi: c.sedi.clone(),
        };
        let mut out: Vec<Recipient> = to.into_iter().map(|c| recipient(c, false)).collect();
        out.extend(list.cc.iter().map(|c| recipient(c, true)));
        (out, Some(list))
    }

    /// "Scrivi a x, in copia a y, indicando …" for an escalation.
    fn write_to(&self, recipients: &[Recipient], level: &EscalationLevel) -> String {
        let lang = self.lang();
        let to: Vec<&str> = recipients
            .iter()
            .filter(|r| !r.cc)
            .map(|r| r.address.as_str())
            .collect();
        let cc: Vec<&str> = recipients
            .iter()
            .filter(|r| r.cc)
            .map(|r| r.address.as_str())
            .collect();
        let mut out = if to.len() > 1 && self.ctx.cal.sede_id().is_none() {
            Text::WriteToManager.render(lang)
        } else if to.is_empty() {
            String::new()
        } else {
            format!(" {} {}", Text::WriteTo.render(lang), and_list(&to, lang))
        };
        if !cc.is_empty() {
            out.push_str(&format!(
                ", {} {}",
                Text::Copying.render(lang),
                and_list(&cc, lang)
            ));
        }
        let needs: Vec<&str> = level
            .requires
            .iter()
            .map(|r| requirement(*r, lang))
            .collect();
        if !needs.is_empty() {
            out.push_str(&format!(
                ", {} {}",
                Text::Giving.render(lang),
                and_list(&needs, lang)
            ));
        }
        if !out.is_empty() {
            out.push('.');
        }
        out
    }

    /// Level B from the working day after the answer was due; level C once level B had the
    /// same time, or after the limit of the whole exchange.
    fn escalation(
        &mut self,
        due: NaiveDate,
        rule: &Due,
        process: Option<(NaiveDate, &'static Term)>,
    ) {
        let (ctx, lang) = (self.ctx, self.lang());
        let Some((pb, level_b)) = self.level(Level::B) else {
            return;
        };
        let answered = ctx.previous.filter(|p| p.answered_unsatisfactorily());
        let (b, reading) = match answered {
            Some(outcome) => {
                let Some(rule) = self.level_b_rule(outcome) else {
                    self.escalation_not_for(outcome, pb, level_b);
                    return;
                };
                // The answer arrived and is not exhaustive: level B needs no waiting.
                let Some(b) = self.next_working_day_from(ctx.sent) else {
                    return;
                };
                let how = match outcome {
                    Previous::NonAccolta => Text::NonAccoltaReading,
                    _ => Text::NotExhaustiveReading,
                }
                .render(lang);
                (b, format!("{how} ({})", cite(&rule.source, lang)))
            }
            None => {
                let Some(b) = self.next_working_day(due) else {
                    return;
                };
                (b, Text::LateFrom { due }.render(lang))
            }
        };
        self.escalation_level((EntryId::LivelloB, Level::B), (pb, level_b), b, reading);

        let Some((pc, level_c)) = self.level(Level::C) else {
            return;
        };
        let Some((b_due, _)) = self.count(b, rule.days, rule.unit) else {
            return;
        };
        let Some(by_b) = self.next_working_day(b_due) else {
            return;
        };
        let Some(after_b) = self.next_working_day(b) else {
            return;
        };
        let by_process = match process {
            Some((p, _)) => self.next_working_day(p),
            None => None,
        };
        let c = by_process.map_or(by_b, |p| by_b.min(p.max(after_b)));
        let mut reading = Text::LevelCReading {
            days: rule.days,
            unit: rule.unit,
            b,
            b_due,
            by_b,
        }
        .render(lang);
        if let Some((p, term)) = process.filter(|_| c < by_b) {
            let cite = cite(&term.source, lang);
            reading.push_str(
                &Text::LevelCByProcess {
                    process: p,
                    cite: &cite,
                    c,
                }
                .render(lang),
            );
        }
        self.escalation_level((EntryId::LivelloC, Level::C), (pc, level_c), c, reading);
    }

    /// The entry of an escalation level: possible from `date`, to whom (the profile's
    /// contact list), and instrada's `reading` of when.
    fn escalation_level(
        &mut self,
        (id, level): (EntryId, Level),
        (profile, esc): (&'static Profile, &'static EscalationLevel),
        date: NaiveDate,
        reading: String,
    ) {
        let lang = self.lang();
        // The list in force on the day the reminder is sent: the escalation date, or the
        // sollecito's own date when it is sent later than that.
        let when = date.max(self.ctx.sent);
        let (recipients, list) = self.recipients(profile, level, when);
        let mut e = entry(
            id,
            EntryKind::YouMay,
            lang,
            format!(
                "{}{}{}",
                esc.when.get(lang),
                self.write_to(&recipients, esc),
                list_date(list, profile, lang)
            ),
            esc.source.clone(),
        );
        e.date = Some(date);
        e.reading = Some(reading);
        e.recipients = recipients;
        self.entries.push(e);
        self.contacts_updated(profile, level, when);
    }

    /// The level B rule of the chain in force at the sending date that admits `outcome`.
    fn level_b_rule(&self, outcome: Previous) -> Option<&'static crate::catalog::profile::Rule> {
        let ctx = self.ctx;
        ctx.chain.iter().find_map(|p| {
            p.rules.iter().find(|r| {
                r.escalation == Some(Level::B)
                    && r.previous.contains(&outcome)
                    && r.in_force(p.effective.from, ctx.sent)
            })
        })
    }

    /// The profile's level B is for late answers only: an answer that came but does not
    /// satisfy is not a reason for it.
    fn escalation_not_for(
        &mut self,
        outcome: Previous,
        p: &'static Profile,
        esc: &'static EscalationLevel,
    ) {
        let lang = self.lang();
        let cite = cite(&esc.source, lang);
        self.findings.push(
            Problem::EscalationNotForOutcome {
                outcome,
                profile: p.name.get(lang),
                cite: &cite,
            }
            .finding(lang)
            .source(esc.source.clone()),
        );
    }

    /// `d` when the offices are open, else the next working day.
    fn next_working_day_from(&mut self, d: NaiveDate) -> Option<NaiveDate> {
        self.ctx
            .cal
            .add_working_days(d, 0)
            .map_err(|e| self.fail(e))
            .ok()
    }

    /// A finding when the contact list changed between the first contact and `when`, the
    /// day the reminder is sent: the entry uses the newer list, the finding names the
    /// older one so that nobody writes to it from memory.
    fn contacts_updated(&mut self, p: &'static Profile, level: Level, when: NaiveDate) {
        let lang = self.lang();
        let (Some(old), Some(new)) = (
            p.escalation_list(level, self.ctx.first_contact()),
            p.escalation_list(level, when),
        ) else {
            return;
        };
        if new.from <= old.from {
            return;
        }
        let sede = self.ctx.cal.sede_id();
        let addresses = |l: &'static ContactList| -> Vec<&'static str> {
            l.to.iter()
                .filter(|c| sede.is_none_or(|s| c.sedi.is_empty() || c.sedi.iter().any(|x| x == s)))
                .chain(l.cc.iter())
                .map(|c| c.address.as_str())
                .collect()
        };
        let (new_to, old_to) = (addresses(new), addresses(old));
        self.findings.push(
            Problem::ContactsUpdated {
                level,
                from: new.from,
                when,
                new: &new_to,
                old: &old_to,
            }
            .finding(lang)
            .source(new.source.clone()),
        );
    }

    /// An appointment that becomes possible once the thresholds passed without an answer
    /// (circ. 34/2023 §3.1, Gestione dipendenti pubblici): a rule of the profile for
    /// appointments after an expired request, for the cassetto's gestione.
    fn appointment_after(&mut self, due: Option<(NaiveDate, &Due)>) {
        let (ctx, lang) = (self.ctx, self.lang());
        let gestioni = ctx.gestioni();
        let found = ctx.chain.iter().find_map(|p| {
            p.rules.iter().find(|r| {
                r.kinds.contains(&Kind::Appuntamento)
                    && r.previous.contains(&Previous::Scaduta)
                    && r.in_force(p.effective.from, ctx.sent)
                    && (r.gestioni.is_empty() || gestioni.iter().any(|g| r.gestioni.contains(g)))
            })
        });
        let Some(rule) = found else {
            return;
        };
        let mut e = entry(
            EntryId::AppuntamentoPossibile,
            EntryKind::YouMay,
            lang,
            rule.why.get(lang).to_string(),
            rule.source.clone(),
        );
        match due {
            Some((date, d)) => {
                e.date = self.next_working_day(date);
                let cite = cite(&d.source, lang);
                e.reading = Some(
                    Text::AppointmentReading {
                        days: d.days,
                        unit: d.unit,
                        cite: &cite,
                        due: date,
                    }
                    .render(lang),
                );
            }
            None => {
                e.reading = Some(Text::AppointmentNoDate.render(lang));
            }
        }
        self.entries.push(e);
    }

    /// Milano §2 A and §2 I: two «5 gg» of one DURC exchange, a day or two apart (working
    /// days for a cassetto message with the object «Durc», calendar days for the reply to a
    /// preavviso di accertamento, «sia tramite cassetto che tramite PEC»). Each entry's title
    /// and explanation say which applies to what, and name the other's date.
    fn durc_exchange(&mut self, due: &Source) {
        let lang = self.lang();
        let Some(durc) = self.ctx.term(TermKind::RispostaDurc) else {
            return;
        };
        let pos = |id: EntryId| self.entries.iter().position(|e| e.id == id);
        let (Some(i), Some(j)) = (pos(EntryId::RispostaPreavvisoDurc), pos(EntryId::Risposta))
        else {
            return;
        };
        if *due != durc.source {
            return;
        }
        let (reply, message) = (self.entries[i].date, self.entries[j].date);
        let note = Text::PreavvisoReplyNote {
            section: &durc.source.section,
            message,
        }
        .render(lang);
        let e = &mut self.entries[i];
        e.title = Text::PreavvisoReplyTitle.render(lang);
        e.explanation.push_str(&note);
        let section = e.rule.section.clone();
        let note = Text::DurcMessageNote {
            section: &section,
            reply,
        }
        .render(lang);
        let e = &mut self.entries[j];
        e.title = Text::DurcMessageTitle.render(lang);
        e.explanation.push_str(&note);
    }

    /// Milano §2 I: INPS answers the consultant's reply to a preavviso di accertamento.
    fn preavviso_durc(&mut self) {
        let (ctx, lang) = (self.ctx, self.lang());
        let Some(term) = ctx.term(TermKind::RispostaPreavvisoDurc) else {
            return;
        };
        let unit = unit_of(term.unit);
        let Some((date, how)) = self.count(ctx.sent, term.days, unit) else {
            return;
        };
        let before = ctx.term(TermKind::PreavvisoDurc).map(|p| {
            Text::PreavvisoBefore {
                days: p.days,
                unit: unit_of(p.unit),
            }
            .render(lang)
        });
        let (extra, reading) = note_parts(term, lang);
        let mut e = entry(
            EntryId::RispostaPreavvisoDurc,
            EntryKind::InpsDeadline,
            lang,
            format!(
                "{}{}: {}.{extra}{} {how}",
                term.label.get(lang),
                Text::IfReplyToPreavviso.render(lang),
                length(term.days, unit, lang),
                before.unwrap_or_default(),
            ),
            term.source.clone(),
        );
        e.date = Some(date);
        e.reading = reading;
        e.term = Some(TermLength {
            days: term.days,
            unit,
        });
        self.entries.push(e);
    }

    /// Quesiti normativi: the provincial Direzione, the regional one, the reminder.
    fn quesito(&mut self) -> bool {
        let (ctx, lang) = (self.ctx, self.lang());
        if ctx.regional {
            return self.simple_term(TermKind::QuesitoRegionale, EntryId::QuesitoRegionale);
        }
        let provincial = ctx.term(TermKind::QuesitoProvinciale);
        if !self.simple_term(TermKind::QuesitoProvinciale, EntryId::QuesitoProvinciale) {
            return false;
        }
        if let Some(regional) = ctx.term(TermKind::QuesitoRegionale) {
            let unit = unit_of(regional.unit);
            let mut e = entry(
                EntryId::QuesitoRegionale,
                EntryKind::InpsDeadline,
                lang,
                Text::QuesitoRegional {
                    days: regional.days,
                    unit,
                }
                .render(lang),
                regional.source.clone(),
            );
            e.term = Some(TermLength {
                days: regional.days,
                unit,
            });
            self.entries.push(e);
        }
        let due = self
            .entries
            .iter()
            .find(|e| e.id == EntryId::QuesitoProvinciale)
            .and_then(|e| e.date);
        let mailbox = ctx.chain.iter().find_map(|p| {
            p.all_mailboxes()
                .find(|(_, m)| m.serves("solleciti"))
                .map(|(_, m)| m)
        });
        if let (Some(due), Some(m), Some(_)) = (due, mailbox, provincial) {
            let date = self.next_working_day(due);
            let mut e = entry(
                EntryId::SollecitoQuesito,
                EntryKind::YouMay,
                lang,
                m.note
                    .as_ref()
                    .map(|n| n.get(lang).to_string())
                    .unwrap_or_default(),
                m.source.clone(),
            );
            e.date = date;
            e.reading = Some(Text::LateFrom { due }.render(lang));
            e.recipients = vec![Recipient {
                address: m.address.clone(),
                cc: false,
                role: None,
                sedi: Vec::new(),
            }];
            self.entries.push(e);
        }
        true
    }

    /// The intermediary's own deadlines, counted from the day INPS got in touch.
    fn intermediary(&mut self) {
        let (ctx, lang) = (self.ctx, self.lang());
        let durc = ctx.kind == Kind::Durc || ctx.object.is_some_and(|(_, o)| o.id == "durc");
        let istanza = matches!(
            ctx.kind,
            Kind::Domanda
                | Kind::DomandaTelematizzata
                | Kind::DomandaNonTelematizzata
                | Kind::Riesame
        );
        let any = !matches!(
            ctx.kind,
            Kind::Appuntamento | Kind::Urgente | Kind::QuesitoNormativo
        );
        let wanted = [
            (
                TermKind::IntermediarioDurc,
                EntryId::IntermediarioDurc,
                durc,
            ),
            (
                TermKind::IntermediarioIstanze,
                EntryId::IntermediarioIstanze,
                istanza,
            ),
            (
                TermKind::IntermediarioRisposta,
                EntryId::IntermediarioRisposta,
                any,
            ),
        ];
        for (kind, id, applies) in wanted {
            let Some(term) = ctx.term(kind).filter(|_| applies) else {
                continue;
            };
            let unit = unit_of(term.unit);
            let counted = match ctx.notice {
                Some(notice) => self.count(notice, term.days, unit),
                None => None,
            };
            let (extra, reading) = note_parts(term, lang);
            let how = match &counted {
                Some((_, how)) => how.clone(),
                None => Text::GiveNotice.render(lang),
            };
            let mut e = entry(
                id,
                EntryKind::YourDeadline,
                lang,
                format!(
                    "{}: {}.{extra} {how}",
                    term.label.get(lang),
                    length(term.days, unit, lang)
                ),
                term.source.clone(),
            );
            e.date = counted.map(|(d, _)| d);
            e.reading = reading;
            e.term = Some(TermLength {
                days: term.days,
                unit,
            });
            self.entries.push(e);
        }
    }

    /// A dedicated phone line for urgent matters and appointments (Siena): when it is next
    /// open. Not for a gestione whose appointments go through the cassetto's agenda.
    fn phone(&mut self) {
        let (ctx, lang) = (self.ctx, self.lang());
        if !matches!(ctx.kind, Kind::Urgente | Kind::Appuntamento) {
            return;
        }
        let gestioni = ctx.gestioni();
        let matches = |gs: &[crate::catalog::profile::Gestione]| {
            gs.is_empty() || gestioni.is_empty() || gestioni.iter().any(|g| gs.contains(g))
        };
        let rules = || {
            ctx.chain.iter().flat_map(|p| {
                p.rules.iter().filter(move |r| {
                    r.kinds.contains(&ctx.kind) && r.in_force(p.effective.from, ctx.sent)
                })
            })
        };
        let by_phone = rules().any(|r| r.channel == Channel::Telefono && matches(&r.gestioni));
        let by_agenda = !gestioni.is_empty()
            && rules().any(|r| {
                r.channel == Channel::Agenda
                    && r.previous.is_empty()
                    && gestioni.iter().any(|g| r.gestioni.contains(g))
            });
        if !by_phone || by_agenda {
            return;
        }
        let Some(line) = ctx.chain.iter().find_map(|p| p.phone.first()) else {
            return;
        };
        let date = self.next_opening(line);
        let days: Vec<&str> = line
            .days
            .iter()
            .map(|d| short_weekday(d.chrono(), lang))
            .collect();
        let mut text = Text::PhoneLine {
            purpose: line.purpose.get(lang),
            number: &line.number,
            days: &days,
            from: &line.from,
            to: &line.to,
        }
        .render(lang);
        if let Some(next) = date.filter(|d| *d != ctx.sent) {
            text.push_str(
                &Text::PhoneClosed {
                    sent: ctx.sent,
                    at: ctx.time,
                    next,
                }
                .render(lang),
            );
        }
        let mut e = entry(
            EntryId::Telefono,
            EntryKind::YouMay,
            lang,
            text,
            line.source.clone(),
        );
        e.date = date;
        self.entries.push(e);
    }

    /// The first day from the sending date (at its time, if given) on which the line is
    /// open: a working day of the calendar among the line's days, before closing time.
    fn next_opening(&self, line: &PhoneLine) -> Option<NaiveDate> {
        let ctx = self.ctx;
        let close = dates::time_from(&line.to, "%H:%M");
        let mut d = ctx.sent;
        // Three weeks always hold an opening day (unless the line has no days at all).
        for i in 0..21 {
            let open_day = ctx.cal.is_working_day(d).unwrap_or(false)
                && line.days.iter().any(|w| w.chrono() == d.weekday());
            let in_time = i > 0 || ctx.time.zip(close).is_none_or(|(t, c)| t < c);
            if open_day && in_time {
                return Some(d);
            }
            d = d.succ_opt()?;
        }
        None
    }
}

/// `" Contatti in vigore dal 19/07/2021."` when the list is not the profile's first.
fn list_date(list: Option<&ContactList>, p: &Profile, lang: Lang) -> String {
    match list {
        Some(l) if l.from > p.effective.from => Text::ContactsFrom {
            from: l.from,
            section: &l.source.section,
        }
        .render(lang),
        _ => String::new(),
    }
}

fn short_weekday(w: chrono::Weekday, lang: Lang) -> &'static str {
    use chrono::Weekday::*;
    match (w, lang) {
        (Mon, Lang::It) => "lun",
        (Tue, Lang::It) => "mar",
        (Wed, Lang::It) => "mer",
        (Thu, Lang::It) => "gio",
        (Fri, Lang::It) => "ven",
        (Sat, Lang::It) => "sab",
        (Sun, Lang::It) => "dom",
        (Mon, Lang::En) => "Mon",
        (Tue, Lang::En) => "Tue",
        (Wed, Lang::En) => "Wed",
        (Thu, Lang::En) => "Thu",
        (Fri, Lang::En) => "Fri",
        (Sat, Lang::En) => "Sat",
        (Sun, Lang::En) => "Sun",
    }
}
