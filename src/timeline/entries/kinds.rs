//! The rules of particular requests and parties: the GDP appointment after an expired
//! request, the DURC exchange (Milano §2 A and §2 I), the quesiti normativi, the
//! intermediary's own deadlines and the dedicated phone line.

use super::*;

impl Builder<'_> {
    /// An appointment that becomes possible once the thresholds passed without an answer
    /// (circ. 34/2023 §3.1, Gestione dipendenti pubblici): a rule of the profile for
    /// appointments after an expired request, for the cassetto's gestione.
    pub(super) fn appointment_after(&mut self, due: Option<(NaiveDate, &Due)>) {
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
    pub(super) fn durc_exchange(&mut self, due: &Source) {
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
    pub(super) fn preavviso_durc(&mut self) {
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
    pub(super) fn quesito(&mut self) -> bool {
        let (ctx, lang) = (self.ctx, self.lang());
        if ctx.req.regional {
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
        // A loop, not `all_mailboxes().find(..)` as clippy would have it: the closure's
        // own copy of the search's adapters is what the loop saves (issue 15).
        #[allow(clippy::manual_find)]
        let mailbox = ctx.chain.iter().find_map(|p| {
            for (_, m) in p.all_mailboxes() {
                if m.serves("solleciti") {
                    return Some(m);
                }
            }
            None
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
    pub(super) fn intermediary(&mut self) {
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
            let counted = match ctx.req.notice {
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
    pub(super) fn phone(&mut self) {
        let (ctx, lang) = (self.ctx, self.lang());
        if !matches!(ctx.kind, Kind::Urgente | Kind::Appuntamento) {
            return;
        }
        let gestioni = ctx.gestioni();
        let matches = |gs: &[crate::catalog::profile::Gestione]| {
            gs.is_empty() || gestioni.is_empty() || gestioni.iter().any(|g| gs.contains(g))
        };
        // One walk over the rules in force for the kind, not two flat_map + filter + any:
        // one copy less of their adapters in the module (issue 15).
        let (mut by_phone, mut by_agenda) = (false, false);
        for p in &ctx.chain {
            for r in &p.rules {
                if !(r.kinds.contains(&ctx.kind) && r.in_force(p.effective.from, ctx.sent)) {
                    continue;
                }
                by_phone |= r.channel == Channel::Telefono && matches(&r.gestioni);
                by_agenda |= !gestioni.is_empty()
                    && r.channel == Channel::Agenda
                    && r.previous.is_empty()
                    && gestioni.iter().any(|g| r.gestioni.contains(g));
            }
        }
        if !by_phone || by_agenda {
            return;
        }
        let Some(line) = ctx.chain.iter().find_map(|p| p.phone.first()) else {
            return;
        };
        let date = self.next_opening(line);
        let mut days: Vec<&str> = Vec::new();
        for d in &line.days {
            days.push(short_weekday(d.chrono(), lang));
        }
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
                    at: ctx.req.time,
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
    pub(super) fn next_opening(&self, line: &PhoneLine) -> Option<NaiveDate> {
        let ctx = self.ctx;
        let close = dates::time_from(&line.to, "%H:%M");
        let mut d = ctx.sent;
        // Three weeks always hold an opening day (unless the line has no days at all).
        for i in 0..21 {
            let open_day = ctx.cal.is_working_day(d).unwrap_or(false)
                && line.days.iter().any(|w| w.chrono() == d.weekday());
            let in_time = i > 0 || ctx.req.time.zip(close).is_none_or(|(t, c)| t < c);
            if open_day && in_time {
                return Some(d);
            }
            d = d.succ_opt()?;
        }
        None
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
