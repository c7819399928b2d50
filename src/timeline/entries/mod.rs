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

use super::messages::words::{
    and_list, calendar_count, closed_because, length, requirement, working_count,
};
use super::messages::{Problem, Text};
use super::resolve::Ctx;
use super::{Entry, EntryId, EntryKind, Recipient, TermLength};

mod escalation;
mod kinds;

/// The entries of the request, earliest first, and whether an answer date is guaranteed.
pub(super) fn build(ctx: &Ctx<'_>, findings: &mut Vec<Finding>) -> (Vec<Entry>, bool) {
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
    ctx: &'a Ctx<'a>,
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

impl<'a> Builder<'a> {
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
    fn process(&mut self) -> Option<(NaiveDate, &'a Term)> {
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
}
