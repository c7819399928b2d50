//! What each field shows, by GOV.UK's validation pattern: guidance is live; errors and
//! warnings appear when the person leaves a field they changed, or tries to submit; while
//! they type, a message on display may go away or be reworded, never appear.

use crate::field::FormField;
use crate::finding::{Finding, Severity};

use super::config::Values;
use super::evaluate::Outcome;

/// What caused a look at the form, which decides what is put on display.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trigger {
    /// First look at the form: guidance, and the warnings of the fields that already hold a
    /// value (a draft, autofill, the browser's back); never errors.
    Start,
    /// `refresh()`: the same as the first look, and the portal is told of the change.
    Review,
    /// The person typed in field `usize` (its place in the form's fields): guidance
    /// follows, shown messages may only go away.
    Input(usize),
    /// The person left field `usize` after changing it (or picked in a select).
    Commit(usize),
    /// A submission (or `validate()`): everything is shown.
    Submit,
    /// The person typed in one of the portal's own controls (not a field of the form).
    Portal,
}

impl Trigger {
    /// While the person types: the review and the dates of the last look stand.
    pub fn live(self) -> bool {
        matches!(self, Trigger::Input(_) | Trigger::Portal)
    }
}

/// What one field has on display.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Shown {
    /// The person typed in the field since they last left it.
    pub dirty: bool,
    /// The field's errors and warnings are on display (it was left after a change, or a
    /// submission was tried).
    pub visited: bool,
    /// The findings on display (errors and warnings of this field).
    pub shown: Vec<Finding>,
    /// The last «Usa» applied to the field: (what was typed before, what was applied). An
    /// «Annulla» puts the first back while the field still holds the second.
    pub undo: Option<(String, String)>,
}

impl Shown {
    /// The errors on display.
    pub fn errors(&self) -> impl Iterator<Item = &Finding> {
        self.shown.iter().filter(|f| f.is_error())
    }
}

/// Decides what each field shows after `trigger`: `fields` are the form's fields in its
/// order, `shown` what each has on display (updated), `outcome` what the checks say now.
pub fn display(
    fields: &[FormField],
    shown: &mut [Shown],
    outcome: &Outcome,
    values: &Values,
    trigger: Trigger,
) {
    for (i, (&kind, view)) in fields.iter().zip(shown.iter_mut()).enumerate() {
        let show_all = match trigger {
            Trigger::Submit => true,
            Trigger::Commit(j) => j == i || view.visited,
            Trigger::Input(_) | Trigger::Start | Trigger::Review | Trigger::Portal => false,
        };
        let start = matches!(trigger, Trigger::Start | Trigger::Review);
        if !(start || show_all || view.visited || !view.shown.is_empty()) {
            continue;
        }
        // At the start, a value already there (a draft, autofill, the browser's back, an
        // update) gets its warnings at once, as if typed and left; its errors wait for the
        // person (GOV.UK). What was on display stays, said again. While typing, a message
        // may go away (the problem is fixed) or be reworded, never appear. Once the field
        // is left (or at submit), all of them.
        let all = show_all && !start;
        let filled = start && (!values.get(kind).trim().is_empty() || values.unknown(kind));
        // One loop for the three cases, not a filter + collect for each: one copy less of
        // each adapter in the module (issue 15).
        let mut codes = Vec::new();
        for f in &view.shown {
            codes.push(f.code);
        }
        let mut kept = Vec::new();
        for f in &outcome.findings {
            if f.marks(kind)
                && f.severity != Severity::Info
                && (all || codes.contains(&f.code) || (filled && f.severity == Severity::Warning))
            {
                kept.push(f.clone());
            }
        }
        view.shown = kept;
        if all {
            view.visited = true;
            if trigger == Trigger::Commit(i) || trigger == Trigger::Submit {
                view.dirty = false;
            }
        }
    }
}

/// Sorts findings in the order of the form's fields (as the summary lists them); those of
/// no field of the form last.
pub fn in_form_order(findings: &mut [Finding], fields: &[FormField]) {
    crate::text::sort_small_by_key(findings, |f| {
        fields
            .iter()
            .position(|&k| f.marks(k))
            .unwrap_or(usize::MAX)
    });
}

/// A field's live guidance: its information findings (with the value each offers), the
/// decoded person first under the codice fiscale.
pub fn guidance(kind: FormField, outcome: &Outcome) -> Vec<(String, Option<String>)> {
    let mut out = Vec::new();
    if kind == FormField::CodiceFiscale {
        if let Some(person) = &outcome.person {
            out.push((person.clone(), None));
        }
    }
    for f in &outcome.findings {
        if f.marks(kind) && f.severity == Severity::Info {
            out.push((f.message.clone(), f.suggestion.clone()));
        }
    }
    out
}

/// A field's messages on display, sorted for the page.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Messages<'a> {
    pub errors: Vec<&'a Finding>,
    pub warnings: Vec<&'a Finding>,
    /// The codes proposed for a wrong codice fiscale, each once: not warnings but proposals
    /// below the error, the first with its «Usa», the others behind «Altre proposte».
    pub proposals: Vec<&'a str>,
}

/// Sorts what a field has on display into errors, warnings and (for the codice fiscale)
/// proposals.
pub fn messages(kind: FormField, shown: &Shown) -> Messages<'_> {
    let proposals_here = kind == FormField::CodiceFiscale;
    let (mut errors, mut warnings) = (Vec::new(), Vec::new());
    for f in &shown.shown {
        if f.is_error() {
            errors.push(f);
        } else if !(proposals_here && f.code == "cf.alternative") {
            warnings.push(f);
        }
    }
    let mut proposals: Vec<&str> = Vec::new();
    if proposals_here && !errors.is_empty() {
        // The errors' proposals, then the alternatives', each once: loops, not a chain
        // (issue 15).
        for f in &errors {
            if let Some(code) = f.suggestion.as_deref() {
                if !proposals.contains(&code) {
                    proposals.push(code);
                }
            }
        }
        for f in &shown.shown {
            if let Some(code) = f
                .suggestion
                .as_deref()
                .filter(|_| f.code == "cf.alternative")
            {
                if !proposals.contains(&code) {
                    proposals.push(code);
                }
            }
        }
    }
    Messages {
        errors,
        warnings,
        proposals,
    }
}

/// The words of a finding as the field and the summary show them: a codice fiscale's error
/// without the sentence that proposes a correction (the proposals have their own lines).
pub fn shown_message(kind: FormField, f: &Finding) -> &str {
    if kind == FormField::CodiceFiscale {
        crate::cf::without_proposal(&f.message)
    } else {
        &f.message
    }
}
