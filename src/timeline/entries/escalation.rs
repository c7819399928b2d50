//! Escalation: levels B and C (when, to whom, with what), the contact lists in force and
//! their changes.

use super::*;

impl<'a> Builder<'a> {
    pub(super) fn level(&self, level: Level) -> Option<(&'a Profile, &'a EscalationLevel)> {
        self.ctx
            .chain
            .iter()
            .find_map(|p| p.escalation_level(level).map(|l| (*p, l)))
    }

    /// The contacts of `level` in force on `when` (the day the reminder is sent), filtered
    /// by sede.
    pub(super) fn recipients(
        &self,
        p: &'a Profile,
        level: Level,
        when: NaiveDate,
    ) -> (Vec<Recipient>, Option<&'a ContactList>) {
        let lang = self.lang();
        let Some(list) = p.escalation_list(level, when) else {
            return (Vec::new(), None);
        };
        let sede = self.ctx.cal.sede_id();
        let for_sede = |c: &&crate::catalog::profile::Contact| {
            sede.is_none_or(|s| c.sedi.is_empty() || c.sedi.iter().any(|x| x == s))
        };
        let recipient = |c: &crate::catalog::profile::Contact, cc: bool| Recipient {
            address: c.address.clone(),
            cc,
            role: c.role.as_ref().map(|r| r.get(lang).to_string()),
            sedi: c.sedi.clone(),
        };
        // Loops, not collect over filtered and mapped iterators: one copy less of each in
        // the module (issue 15). The sede's contacts, else all of them, then the copies.
        let mut out = Vec::new();
        for c in &list.to {
            if for_sede(&c) {
                out.push(recipient(c, false));
            }
        }
        if out.is_empty() {
            for c in &list.to {
                out.push(recipient(c, false));
            }
        }
        for c in &list.cc {
            out.push(recipient(c, true));
        }
        (out, Some(list))
    }

    /// "Scrivi a x, in copia a y, indicando …" for an escalation.
    pub(super) fn write_to(&self, recipients: &[Recipient], level: &EscalationLevel) -> String {
        let lang = self.lang();
        let (mut to, mut cc) = (Vec::new(), Vec::new());
        for r in recipients {
            if r.cc { &mut cc } else { &mut to }.push(r.address.as_str());
        }
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
        let mut needs = Vec::new();
        for r in &level.requires {
            needs.push(requirement(*r, lang));
        }
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
    pub(super) fn escalation(
        &mut self,
        due: NaiveDate,
        rule: &Due,
        process: Option<(NaiveDate, &'a Term)>,
    ) {
        let (ctx, lang) = (self.ctx, self.lang());
        let Some((pb, level_b)) = self.level(Level::B) else {
            return;
        };
        let answered = ctx.req.previous.filter(|p| p.answered_unsatisfactorily());
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
    pub(super) fn escalation_level(
        &mut self,
        (id, level): (EntryId, Level),
        (profile, esc): (&'a Profile, &'a EscalationLevel),
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
    pub(super) fn level_b_rule(
        &self,
        outcome: Previous,
    ) -> Option<&'a crate::catalog::profile::Rule> {
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
    pub(super) fn escalation_not_for(
        &mut self,
        outcome: Previous,
        p: &'a Profile,
        esc: &'a EscalationLevel,
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
    pub(super) fn next_working_day_from(&mut self, d: NaiveDate) -> Option<NaiveDate> {
        self.ctx
            .cal
            .add_working_days(d, 0)
            .map_err(|e| self.fail(e))
            .ok()
    }

    /// A finding when the contact list changed between the first contact and `when`, the
    /// day the reminder is sent: the entry uses the newer list, the finding names the
    /// older one so that nobody writes to it from memory.
    pub(super) fn contacts_updated(&mut self, p: &'a Profile, level: Level, when: NaiveDate) {
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
        let addresses = |l: &'a ContactList| -> Vec<&'a str> {
            let mut out = Vec::new();
            for c in &l.to {
                if sede.is_none_or(|s| c.sedi.is_empty() || c.sedi.iter().any(|x| x == s)) {
                    out.push(c.address.as_str());
                }
            }
            for c in &l.cc {
                out.push(c.address.as_str());
            }
            out
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
