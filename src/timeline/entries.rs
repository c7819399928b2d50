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
use crate::dates::{self, it};
use crate::finding::{Finding, Lang, Source};

use super::resolve::Ctx;
use super::words::{
    and_list, calendar_count, closed_because, day, length, requirement, working_count,
};
use super::{Entry, EntryKind, Recipient, TermLength};

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
            b.no_term("risposta");
            false
        }
        Kind::Appuntamento => b.simple_term(TermKind::Appuntamento, "appuntamento"),
        Kind::Urgente => b.simple_term(TermKind::Richiamata, "richiamata"),
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

fn entry(
    id: &'static str,
    kind: EntryKind,
    lang: Lang,
    explanation: String,
    rule: Source,
) -> Entry {
    Entry {
        id,
        date: None,
        kind,
        title: title(id, lang).to_string(),
        explanation,
        reading: None,
        rule,
        term: None,
        recipients: Vec::new(),
        status: None,
    }
}

fn title(id: &str, lang: Lang) -> &'static str {
    match id {
        "risposta" => lang.pick("Risposta dell'INPS", "INPS's answer"),
        "livello-b" => lang.pick("Sollecito di livello B", "Level B reminder"),
        "livello-c" => lang.pick(
            "Segnalazione di livello C all'URP",
            "Level C escalation to the URP",
        ),
        "processo" => lang.pick(
            "Fine dell'intero processo comunicativo",
            "End of the whole exchange",
        ),
        "intermediario-risposta" => lang.pick("La tua risposta all'INPS", "Your answer to INPS"),
        "intermediario-durc" => lang.pick(
            "Sistemazione delle anomalie del DURC",
            "Fixing the DURC anomalies",
        ),
        "intermediario-istanze" => lang.pick("Sistemazione dell'istanza", "Fixing the application"),
        "risposta-preavviso-durc" => lang.pick(
            "Risposta dell'INPS al riscontro sul preavviso DURC",
            "INPS's answer to your reply on the DURC preavviso",
        ),
        "appuntamento" => lang.pick("Fissazione dell'appuntamento", "Appointment set"),
        "appuntamento-possibile" => {
            lang.pick("Appuntamento prenotabile", "Appointment can be booked")
        }
        "richiamata" => lang.pick(
            "Richiamata dell'operatore INPS",
            "INPS operator's call-back",
        ),
        "quesito-provinciale" => lang.pick(
            "Risposta della Direzione provinciale al quesito",
            "Direzione provinciale's answer to the quesito",
        ),
        "quesito-regionale" => lang.pick(
            "Risposta della Direzione regionale al quesito",
            "Direzione regionale's answer to the quesito",
        ),
        "sollecito-quesito" => lang.pick("Sollecito del quesito", "Reminder about the quesito"),
        "telefono" => lang.pick("Linea telefonica dedicata", "Dedicated phone line"),
        _ => "",
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
            Finding::info(
                "timeline.sent-on-closed-day",
                lang.pick(
                    format!("Il giorno di invio, {}, gli uffici sono chiusi{why}: i termini in giorni lavorativi si contano dal primo giorno lavorativo, {}, che è il giorno 1.", day(sent, lang), day(start, lang)),
                    format!("On the sending day, {}, the offices are closed{why}: terms in working days count from the first working day, {}, which is day 1.", day(sent, lang), day(start, lang)),
                ),
            )
            .field(FormField::DataInvio),
        );
    }

    /// The term of an entry of the request's own kind, counted from the sending date.
    fn simple_term(&mut self, kind: TermKind, id: &'static str) -> bool {
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
    fn no_term(&mut self, id: &'static str) {
        let (ctx, lang) = (self.ctx, self.lang());
        let name = ctx.root.name.get(lang);
        let what = ctx.kind.label(lang);
        let place = ctx.cassetto.map(|c| c.name.get(lang).to_string());
        let service = matches!(
            ctx.kind,
            Kind::Domanda | Kind::DomandaTelematizzata | Kind::DomandaNonTelematizzata
        );
        let text = lang.pick(
            format!(
                "Il profilo «{name}» non fissa un tempo di risposta per {what}{}: nessuna data è garantita.{}",
                place.as_ref().map(|p| format!(" nel «{p}»")).unwrap_or_default(),
                if service { " I tempi garantiti dei protocolli riguardano la comunicazione elettronica." } else { "" },
            ),
            format!(
                "The profile “{name}” sets no response time for {what}{}: no date is guaranteed.{}",
                place.as_ref().map(|p| format!(" in the “{p}”")).unwrap_or_default(),
                if service { " The protocols' guaranteed times are those of electronic communication." } else { "" },
            ),
        );
        // The national baseline (no territory's times, no escalation contacts): say that
        // those are local agreements rather than leave the reader guessing (issue 13).
        let local = !service
            && ctx.term(TermKind::Risposta).is_none()
            && self.level(Level::B).is_none()
            && ctx.chain.iter().all(|p| p.sedi.is_empty());
        let text = if local {
            format!(
                "{text}{}",
                lang.pick(
                    " I tempi garantiti di risposta e i contatti per i solleciti di livello B e C sono accordi locali dei protocolli provinciali (Milano §2, Torino §2.6): fuori da quei territori non ce ne sono. Chiedi alla sede competente se esiste un protocollo con l'Ordine.",
                    " Guaranteed response times and the contacts for level B and C reminders are local agreements of the provincial protocols (Milano §2, Torino §2.6): outside those territories there are none. Ask the competent office whether there is a protocol with the Ordine.",
                )
            )
        } else {
            text
        };
        let source = Source::new(ctx.root.document.file.clone(), "");
        self.findings
            .push(Finding::info("timeline.no-term", text.clone()).source(source.clone()));
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
            self.no_term("risposta");
            self.appointment_after(None);
            return false;
        };
        let start = ctx.first_contact();
        let Some((date, how)) = self.count(start, due.days, due.unit) else {
            return false;
        };
        let first = ctx.first_request.map(|f| {
            lang.pick(
                format!("Per la prima richiesta, inviata {}: ", day(f, lang)),
                format!("For the first request, sent on {}: ", day(f, lang)),
            )
        });
        let mut e = entry(
            "risposta",
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
            e.title = lang
                .pick(
                    "Risposta dell'INPS alla prima richiesta",
                    "INPS's answer to the first request",
                )
                .to_string();
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
                what: lang.pick(
                    format!("Tempo soglia di definizione dell'oggetto «{}» ({})", o.label, o.classe),
                    format!("Threshold for settling the object “{}” ({})", o.label_en, o.classe),
                ),
                extra: String::new(),
                reading: (soglia.unit == Unit::WorkingDays).then(|| {
                    lang.pick(
                        "La tabella non dice se i tempi soglia sono giorni lavorativi o di calendario: instrada li conta come giorni lavorativi, come tutti i tempi di risposta degli altri protocolli.",
                        "The table does not say whether the thresholds are working or calendar days: instrada counts working days, like every response time of the other protocols.",
                    )
                    .to_string()
                }),
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
            Some(t) if !durc_object => (
                t,
                Some(lang.pick(
                    "Il documento fissa questo tempo per i cassetti con oggetto «Durc»: instrada lo applica anche alle altre comunicazioni sul DURC.",
                    "The document sets this time for cassetto messages with the object “Durc”: instrada applies it to other DURC communications too.",
                ).to_string()),
            ),
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
                Finding::info(
                    "timeline.object-needed",
                    lang.pick(
                        format!("Il menu del «{}» dà un tempo soglia per ogni oggetto: indica l'oggetto per calcolare la data della risposta.", c.name.get(lang)),
                        format!("The menu of the “{}” gives a threshold for each object: give the object to compute the answer date.", c.name.get(lang)),
                    ),
                )
                .field(FormField::Oggetto)
                .source(c.source.clone()),
            );
        }
    }

    /// The generic object: no date is guaranteed.
    fn generic(&mut self, o: &Oggetto) {
        let lang = self.lang();
        let text = lang.pick(
            format!("L'oggetto generico «{}» si usa solo quando nessun oggetto predefinito corrisponde alla comunicazione, e il suo uso improprio non consente di garantire una risposta in tempi certi: nessuna data è garantita.", o.label),
            format!("The generic object “{}” is only for communications that no predefined object fits, and its improper use means no answer can be guaranteed in a set time: no date is guaranteed.", o.label),
        );
        self.findings.push(
            Finding::warning(
                "timeline.not-guaranteed",
                lang.pick(
                    format!("Con l'oggetto generico «{}» nessuna data di risposta è garantita: se un oggetto del menu corrisponde alla richiesta, sceglilo.", o.label),
                    format!("With the generic object “{}” no answer date is guaranteed: if an object of the menu fits the request, choose it.", o.label),
                ),
            )
            .field(FormField::Oggetto)
            .source(o.source.clone()),
        );
        self.entries.push(entry(
            "risposta",
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
        let first = ctx.first_request.map(|f| {
            lang.pick(
                format!(
                    " Il primo contatto è la prima richiesta, inviata {}.",
                    day(f, lang)
                ),
                format!(
                    " The first contact is the first request, sent on {}.",
                    day(f, lang)
                ),
            )
        });
        let mut e = entry(
            "processo",
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
            (ctx.kind == Kind::Sollecito && ctx.first_request.is_none()).then(|| {
                lang.pick(
                    "Per un sollecito il primo contatto è la comunicazione sollecitata: senza la data della prima richiesta instrada conta dalla data di invio del sollecito, quindi se la prima comunicazione è precedente anche il termine lo è. Indica la data della prima richiesta per contare da quella.",
                    "For a reminder the first contact is the communication it reminds of: without the first request's date instrada counts from the reminder's sending date, so if the first communication is earlier the limit is earlier too. Give the first request's date to count from it.",
                )
                .to_string()
            })
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
            lang.pick(
                " Scrivi al responsabile della sede competente, tra quelli elencati",
                " Write to the manager of the competent sede, among those listed",
            )
            .to_string()
        } else if to.is_empty() {
            String::new()
        } else {
            format!(
                " {} {}",
                lang.pick("Scrivi a", "Write to"),
                and_list(&to, lang)
            )
        };
        if !cc.is_empty() {
            out.push_str(&format!(
                ", {} {}",
                lang.pick("in copia a", "copying"),
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
                lang.pick("indicando", "giving"),
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
                    Previous::NonAccolta => lang.pick(
                        "La risposta è arrivata con esito «non accolta»: instrada la tratta come una risposta non ritenuta esaustiva, per cui il sollecito di livello B è possibile subito, dal giorno del sollecito.",
                        "The answer came with the outcome “non accolta”: instrada treats it as an answer not considered exhaustive, so the level B reminder is possible at once, from the reminder's date.",
                    ),
                    _ => lang.pick(
                        "La risposta è arrivata ma non è esaustiva: il documento non chiede di attendere, per cui il sollecito di livello B è possibile subito, dal giorno del sollecito.",
                        "The answer came but is not exhaustive: the document asks for no wait, so the level B reminder is possible at once, from the reminder's date.",
                    ),
                };
                (b, format!("{how} ({})", cite(&rule.source, lang)))
            }
            None => {
                let Some(b) = self.next_working_day(due) else {
                    return;
                };
                (b, lang.pick(
                    format!("Il documento non fissa il giorno: per instrada la risposta è in ritardo dal giorno lavorativo successivo al termine di {}.", day(due, lang)),
                    format!("The document sets no day: for instrada the answer is late from the working day after the term of {}.", day(due, lang)),
                ))
            }
        };
        self.escalation_level(("livello-b", Level::B), (pb, level_b), b, reading);

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
        let mut reading = lang.pick(
            format!("Il documento non fissa un termine per la risposta del livello B: instrada gli concede lo stesso tempo della prima risposta ({}) dal primo giorno utile per il sollecito, {}, cioè fino a {}; il livello C è quindi possibile da {}.", length(rule.days, rule.unit, lang), day(b, lang), day(b_due, lang), day(by_b, lang)),
            format!("The document sets no term for level B's answer: instrada gives it the same time as the first answer ({}) from the first day the reminder is possible, {}, that is until {}; level C is then possible from {}.", length(rule.days, rule.unit, lang), day(b, lang), day(b_due, lang), day(by_b, lang)),
        );
        if let Some((p, term)) = process.filter(|_| c < by_b) {
            reading.push_str(&lang.pick(
                format!(" Ma l'intero processo va definito entro {} ({}): il livello C è possibile già da {}.", day(p, lang), cite(&term.source, lang), day(c, lang)),
                format!(" But the whole exchange must be settled by {} ({}): level C is possible from {}.", day(p, lang), cite(&term.source, lang), day(c, lang)),
            ));
        }
        self.escalation_level(("livello-c", Level::C), (pc, level_c), c, reading);
    }

    /// The entry of an escalation level: possible from `date`, to whom (the profile's
    /// contact list), and instrada's `reading` of when.
    fn escalation_level(
        &mut self,
        (id, level): (&'static str, Level),
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
        let what = match outcome {
            Previous::NonAccolta => {
                lang.pick("con esito «non accolta»", "with the outcome “non accolta”")
            }
            _ => lang.pick("non esaustiva", "not exhaustive"),
        };
        self.findings.push(
            Finding::info(
                "timeline.escalation-not-for-outcome",
                lang.pick(
                    format!("Il protocollo «{}» prevede il sollecito di livello B solo quando la risposta tarda ({}): per una risposta {what} non c'è una data di sollecito. Scrivi di nuovo con il canale ordinario, spiegando perché la risposta non basta.", p.name.get(lang), cite(&esc.source, lang)),
                    format!("The protocol “{}” provides a level B reminder only when the answer is late ({}): for an answer {what} there is no escalation date. Write again through the ordinary channel, explaining why the answer is not enough.", p.name.get(lang), cite(&esc.source, lang)),
                ),
            )
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
        let name = match level {
            Level::B => "B",
            Level::C => "C",
        };
        self.findings.push(
            Finding::info(
                "timeline.contacts-updated",
                lang.pick(
                    format!("I contatti del livello {name} sono stati aggiornati il {}, dopo la richiesta e prima di {}: valgono quelli in vigore il giorno del sollecito, {}, non più {}.", it(new.from), day(when, lang), and_list(&new_to, lang), and_list(&old_to, lang)),
                    format!("The level {name} contacts were updated on {}, after the request and before {}: the ones in force on the day of the reminder apply, {}, no longer {}.", day(new.from, lang), day(when, lang), and_list(&new_to, lang), and_list(&old_to, lang)),
                ),
            )
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
            "appuntamento-possibile",
            EntryKind::YouMay,
            lang,
            rule.why.get(lang).to_string(),
            rule.source.clone(),
        );
        match due {
            Some((date, d)) => {
                e.date = self.next_working_day(date);
                e.reading = Some(lang.pick(
                    format!("I tempi soglia «individuati dall'Istituto» non sono elencati nel documento: instrada usa il tempo di risposta di questa richiesta ({}, {}), quindi l'appuntamento è prenotabile dal giorno lavorativo successivo a {}. Con una risposta «non accolta» è prenotabile subito.", length(d.days, d.unit, lang), cite(&d.source, lang), day(date, lang)),
                    format!("The thresholds “individuati dall'Istituto” are not listed in the document: instrada uses this request's response time ({}, {}), so the appointment can be booked from the working day after {}. With a “non accolta” answer it can be booked at once.", length(d.days, d.unit, lang), cite(&d.source, lang), day(date, lang)),
                ));
            }
            None => {
                e.reading = Some(lang.pick(
                    "I tempi soglia «individuati dall'Istituto» non sono elencati nei documenti: la data non si può calcolare. Con una risposta «non accolta» l'appuntamento è prenotabile subito.",
                    "The thresholds “individuati dall'Istituto” are not listed in the documents: the date cannot be computed. With a “non accolta” answer the appointment can be booked at once.",
                ).to_string());
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
        let pos = |id: &str| self.entries.iter().position(|e| e.id == id);
        let (Some(i), Some(j)) = (pos("risposta-preavviso-durc"), pos("risposta")) else {
            return;
        };
        if *due != durc.source {
            return;
        }
        let (reply, message) = (self.entries[i].date, self.entries[j].date);
        let on = |d: Option<NaiveDate>| d.map(|d| day(d, lang)).unwrap_or_default();
        let (it, en) = (
            format!(" Vale per il tuo riscontro a un preavviso di accertamento, inviato con il cassetto o con la PEC; per un altro messaggio sul DURC nel cassetto vale il termine del § {} ({}).", durc.source.section, on(message)),
            format!(" It applies to your reply to a preavviso di accertamento, sent through the cassetto or by PEC; for any other DURC message in the cassetto the § {} term applies ({}).", durc.source.section, on(message)),
        );
        let e = &mut self.entries[i];
        e.title = lang
            .pick(
                "Risposta dell'INPS al riscontro sul preavviso",
                "INPS's answer to your reply to the preavviso",
            )
            .to_string();
        e.explanation.push_str(lang.pick(&it, &en));
        let section = e.rule.section.clone();
        let (it, en) = (
            format!(" Vale per un messaggio sul DURC nel cassetto; se rispondi a un preavviso di accertamento vale il termine del § {section} ({}).", on(reply)),
            format!(" It applies to a DURC message in the cassetto; if you are replying to a preavviso di accertamento the § {section} term applies ({}).", on(reply)),
        );
        let e = &mut self.entries[j];
        e.title = lang
            .pick(
                "Risposta dell'INPS al messaggio «Durc»",
                "INPS's answer to the “Durc” message",
            )
            .to_string();
        e.explanation.push_str(lang.pick(&it, &en));
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
            lang.pick(
                format!(
                    " Prima, l'INPS invia il preavviso entro {} dal DURC negativo.",
                    length(p.days, unit_of(p.unit), lang)
                ),
                format!(
                    " Before that, INPS sends the preavviso within {} of the negative DURC.",
                    length(p.days, unit_of(p.unit), lang)
                ),
            )
        });
        let (extra, reading) = note_parts(term, lang);
        let mut e = entry(
            "risposta-preavviso-durc",
            EntryKind::InpsDeadline,
            lang,
            format!(
                "{}{}: {}.{extra}{} {how}",
                term.label.get(lang),
                lang.pick(
                    ", se questa è la tua risposta al preavviso",
                    ", if this is your reply to the preavviso"
                ),
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
            return self.simple_term(TermKind::QuesitoRegionale, "quesito-regionale");
        }
        let provincial = ctx.term(TermKind::QuesitoProvinciale);
        if !self.simple_term(TermKind::QuesitoProvinciale, "quesito-provinciale") {
            return false;
        }
        if let Some(regional) = ctx.term(TermKind::QuesitoRegionale) {
            let unit = unit_of(regional.unit);
            let mut e = entry(
                "quesito-regionale",
                EntryKind::InpsDeadline,
                lang,
                lang.pick(
                    format!("Se la Direzione provinciale trasmette il quesito alla Direzione regionale (e ne informa l'Ordine), la Direzione regionale risponde entro {} dal ricevimento: la data dipende da quando lo riceve.", length(regional.days, unit, lang)),
                    format!("If the Direzione provinciale forwards the quesito to the Direzione regionale (and tells the Ordine), the Direzione regionale answers within {} of receiving it: the date depends on when it receives it.", length(regional.days, unit, lang)),
                ),
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
            .find(|e| e.id == "quesito-provinciale")
            .and_then(|e| e.date);
        let mailbox = ctx.chain.iter().find_map(|p| {
            p.all_mailboxes()
                .find(|(_, m)| m.serves("solleciti"))
                .map(|(_, m)| m)
        });
        if let (Some(due), Some(m), Some(_)) = (due, mailbox, provincial) {
            let date = self.next_working_day(due);
            let mut e = entry(
                "sollecito-quesito",
                EntryKind::YouMay,
                lang,
                m.note
                    .as_ref()
                    .map(|n| n.get(lang).to_string())
                    .unwrap_or_default(),
                m.source.clone(),
            );
            e.date = date;
            e.reading = Some(lang.pick(
                format!("Il documento non fissa il giorno: per instrada la risposta è in ritardo dal giorno lavorativo successivo al termine di {}.", day(due, lang)),
                format!("The document sets no day: for instrada the answer is late from the working day after the term of {}.", day(due, lang)),
            ));
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
            (TermKind::IntermediarioDurc, "intermediario-durc", durc),
            (
                TermKind::IntermediarioIstanze,
                "intermediario-istanze",
                istanza,
            ),
            (
                TermKind::IntermediarioRisposta,
                "intermediario-risposta",
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
                None => lang
                    .pick(
                        "Indica il giorno in cui l'INPS ti ha contattato per calcolare la scadenza.",
                        "Give the day INPS got in touch with you to compute the deadline.",
                    )
                    .to_string(),
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
        let mut text = lang.pick(
            format!(
                "{} Numero {}, {} dalle {} alle {}.",
                line.purpose.get(lang),
                line.number,
                days.join(", "),
                line.from,
                line.to
            ),
            format!(
                "{} Number {}, {} from {} to {}.",
                line.purpose.get(lang),
                line.number,
                days.join(", "),
                line.from,
                line.to
            ),
        );
        if let Some(d) = date.filter(|d| *d != ctx.sent) {
            let at = ctx
                .time
                .map(|t| format!(" {}", dates::hm(t)))
                .unwrap_or_default();
            text.push_str(&lang.pick(
                format!(
                    " Il {}{} la linea è chiusa: la prima apertura è {}.",
                    it(ctx.sent),
                    if at.is_empty() {
                        String::new()
                    } else {
                        format!(" alle{at}")
                    },
                    day(d, lang)
                ),
                format!(
                    " On {}{} the line is closed: it next opens on {}.",
                    day(ctx.sent, lang),
                    if at.is_empty() {
                        String::new()
                    } else {
                        format!(" at{at}")
                    },
                    day(d, lang)
                ),
            ));
        }
        let mut e = entry(
            "telefono",
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
        Some(l) if l.from > p.effective.from => lang.pick(
            format!(
                " Contatti in vigore dal {} ({}).",
                it(l.from),
                l.source.section
            ),
            format!(
                " Contacts in force from {} ({}).",
                crate::dates::human(l.from, lang),
                l.source.section
            ),
        ),
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
