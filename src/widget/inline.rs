//! Inline messages and the error summary, in GOV.UK's validation pattern with Bootstrap
//! Italia's classes: the same text inline and in the summary, `aria-describedby` pointing at
//! what is shown, `aria-invalid` and `is-invalid` while an error is shown, and
//! `setCustomValidity` always in step with the errors (shown or not) so the portal's own
//! `checkValidity()` tells the truth.

use crate::text::Join;
use web_sys::{Document, Element};

use crate::finding::{Finding, Lang};
use crate::form::display::{self, Shown};
use crate::form::messages::{self, Label};

use super::dom::{self, Control};
use super::fields::{Field, Kind};

/// The text last written into each of a field's three elements (errors, warnings,
/// guidance), so nothing is rewritten, and nothing re-announced, when nothing changed.
#[derive(Clone, Debug, Default)]
pub(crate) struct Rendered([String; 3]);

/// Writes the field's errors, warnings and guidance into its elements, and its state into
/// the control's ARIA attributes and classes. `guidance` is live; `view.shown` follows the
/// validation pattern. `meaning` says what a proposed value means (the person a codice
/// fiscale describes), shown next to its «Usa».
///
/// The corrections of a codice fiscale are proposals, not warnings: the error says what is
/// wrong in a line, and below it, after the field in the keyboard order, the first proposal
/// with what it means and its «Usa»; the others behind «Altre proposte» (a `<details>`), so
/// that the error takes few lines and does not push the next field out of view.
pub(crate) fn render_field(
    doc: &Document,
    field: &Field,
    view: &mut Shown,
    rendered: &mut Rendered,
    guidance: &[(String, Option<String>)],
    lang: Lang,
    meaning: &dyn Fn(&str) -> Option<String>,
) {
    let proposals_here = field.kind == Kind::CodiceFiscale;
    let current = field.value();
    let undo = view
        .undo
        .as_ref()
        .filter(|(_, applied)| *applied == current)
        .cloned();
    if undo.is_none() {
        view.undo = None;
    }
    let display::Messages {
        errors,
        warnings,
        proposals,
    } = display::messages(field.kind, view);
    let rendered = &mut rendered.0;

    let mut sig = signature(
        errors
            .iter()
            .map(|f| (f.message.as_str(), f.suggestion.as_deref())),
    );
    sig.push_str(&proposals.joined("\u{1}"));
    if sig != rendered[0] {
        field.error.replace_children_with_node_0();
        for f in &errors {
            let message = display::shown_message(field.kind, f);
            dom::append(
                &field.error,
                &line(doc, Label::ErrorPrefix.text(lang), message),
            );
            if let (Some(value), false) = (&f.suggestion, proposals_here) {
                dom::append(&field.error, &use_button(doc, field, value, lang));
            }
        }
        if !proposals.is_empty() {
            dom::append(
                &field.error,
                &proposal_block(doc, field, &proposals, lang, meaning),
            );
        }
        rendered[0] = sig;
    }
    let sig = signature(
        warnings
            .iter()
            .map(|f| (f.message.as_str(), f.suggestion.as_deref())),
    );
    if sig != rendered[1] {
        field.warning.replace_children_with_node_0();
        for f in &warnings {
            dom::append(
                &field.warning,
                &line(doc, Label::WarningPrefix.text(lang), &f.message),
            );
            if let Some(value) = &f.suggestion {
                dom::append(&field.warning, &use_button(doc, field, value, lang));
            }
        }
        rendered[1] = sig;
    }
    let mut sig = signature(guidance.iter().map(|(m, s)| (m.as_str(), s.as_deref())));
    if let Some((before, _)) = &undo {
        sig.push('\u{3}');
        sig.push_str(before);
    }
    if sig != rendered[2] {
        field.guidance.replace_children_with_node_0();
        if let Some((before, _)) = &undo {
            dom::append(&field.guidance, &undo_line(doc, field, before, lang));
        }
        for (message, suggestion) in guidance {
            dom::append(
                &field.guidance,
                &dom::el(doc, "p", "instrada-line", Some(message)),
            );
            if let Some(value) = suggestion {
                dom::append(&field.guidance, &use_button(doc, field, value, lang));
            }
        }
        rendered[2] = sig;
    }
    let guidance_on = !guidance.is_empty() || undo.is_some();

    let has_error = !errors.is_empty();
    for (element, on) in [
        (&field.error, has_error),
        (&field.warning, !warnings.is_empty()),
        (&field.guidance, guidance_on),
    ] {
        dom::show(element, on);
        dom::token(&field.control, "aria-describedby", &element.id(), on);
    }
    if has_error {
        dom::set(&field.control, "aria-invalid", "true");
    } else if field.control.get_attribute("aria-invalid").as_deref() == Some("true") {
        let _ = field.control.remove_attribute("aria-invalid");
    }
    dom::class(&field.control, "is-invalid", has_error);
    dom::class(
        &field.control,
        "instrada-has-warning",
        !warnings.is_empty() && !has_error,
    );
}

/// Keeps the control's custom validity in step with its current errors (shown or not): the
/// messages joined, or empty when there are none.
pub(crate) fn sync_validity(control: &Control, errors: &[&Finding]) {
    let mut message = String::new();
    for (i, f) in errors.iter().enumerate() {
        if i > 0 {
            message.push(' ');
        }
        message.push_str(&f.message);
    }
    control.set_custom_validity(&message);
}

/// One line of a message: a visually hidden prefix ("Errore:") for screen readers, then the
/// text.
fn line(doc: &Document, prefix: &str, message: &str) -> Element {
    let p = dom::el(doc, "p", "instrada-line", None);
    dom::append(
        &p,
        &dom::el(
            doc,
            "span",
            "visually-hidden instrada-visually-hidden",
            Some(prefix),
        ),
    );
    let _ = p.append_with_str_1(" ");
    let _ = p.append_with_str_1(message);
    p
}

/// The "Usa «…»" button of a suggestion: applying it is the person's explicit action.
fn use_button(doc: &Document, field: &Field, value: &str, lang: Lang) -> Element {
    let b = dom::button(
        doc,
        "btn btn-outline-primary btn-sm instrada-use",
        &messages::use_value(value, lang),
        "use",
    );
    dom::set(&b, "data-instrada-target", field.kind.name());
    dom::set(&b, "data-instrada-value", value);
    b
}

/// The proposals for a codice fiscale: the first with what it means and its «Usa», the
/// others behind a disclosure.
fn proposal_block(
    doc: &Document,
    field: &Field,
    codes: &[&str],
    lang: Lang,
    meaning: &dyn Fn(&str) -> Option<String>,
) -> Element {
    let block = dom::el(doc, "div", "instrada-proposals", None);
    let title = dom::el(
        doc,
        "p",
        "instrada-proposals-title",
        Some(messages::proposals_title(codes.len(), lang)),
    );
    dom::append(&block, &title);
    // «Usa «CODE»» then the person the code describes; the button is described by it, so
    // that a screen reader hears whose code it is before applying it.
    let item = |(i, code): (usize, &&str)| {
        let li = dom::el(doc, "li", "instrada-proposal", None);
        let b = use_button(doc, field, code, lang);
        dom::append(&li, &b);
        if let Some(m) = meaning(code) {
            let id = format!("{}-proposal-{i}", field.id);
            let span = dom::el(doc, "span", "instrada-proposal-meaning", Some(&m));
            span.set_id(&id);
            dom::set(&b, "aria-describedby", &id);
            let _ = li.append_with_str_1(" ");
            dom::append(&li, &span);
        }
        li
    };
    let first = dom::el(doc, "ul", "instrada-proposal-list", None);
    if let Some(code) = codes.first() {
        dom::append(&first, &item((0, code)));
    }
    dom::append(&block, &first);
    if codes.len() > 1 {
        let more = dom::el(doc, "details", "instrada-more", None);
        dom::append(
            &more,
            &dom::el(
                doc,
                "summary",
                "instrada-more-summary",
                Some(&messages::more_proposals(codes.len() - 1, lang)),
            ),
        );
        let list = dom::el(doc, "ul", "instrada-proposal-list", None);
        for (i, code) in codes.iter().enumerate().skip(1) {
            dom::append(&list, &item((i, code)));
        }
        dom::append(&more, &list);
        dom::append(&block, &more);
    }
    block
}

/// "Hai usato la proposta al posto di «…». [Annulla]": one step back to what was typed.
fn undo_line(doc: &Document, field: &Field, before: &str, lang: Lang) -> Element {
    let p = dom::el(
        doc,
        "p",
        "instrada-line instrada-undo",
        Some(&messages::used_instead(before, lang)),
    );
    let _ = p.append_with_str_1(" ");
    let b = dom::button(
        doc,
        "btn btn-outline-secondary btn-sm instrada-undo-button",
        Label::Undo.text(lang),
        "undo",
    );
    dom::set(&b, "data-instrada-target", field.kind.name());
    dom::append(&p, &b);
    p
}

fn signature<'a>(items: impl Iterator<Item = (&'a str, Option<&'a str>)>) -> String {
    let mut s = String::new();
    for (m, v) in items {
        s.push_str(m);
        s.push('\u{1}');
        s.push_str(v.unwrap_or(""));
        s.push('\u{2}');
    }
    s
}

/// The error summary: built on the first blocked submission, at the top of the form.
pub(crate) struct Summary {
    pub(crate) root: Element,
    list: Element,
    rendered: String,
}

impl Summary {
    /// Builds the (detached) summary. GOV.UK's structure: a focusable container holding a
    /// `role="alert"` block with the title and one link per error.
    pub(crate) fn build(doc: &Document, prefix: &str, lang: Lang) -> Summary {
        let root = dom::el(doc, "div", "alert alert-danger instrada-summary", None);
        root.set_id(&format!("{prefix}-summary"));
        dom::set(&root, "tabindex", "-1");
        let alert = dom::el(doc, "div", "", None);
        dom::set(&alert, "role", "alert");
        let title = dom::el(
            doc,
            "h2",
            "instrada-summary-title",
            Some(Label::SummaryTitle.text(lang)),
        );
        title.set_id(&format!("{prefix}-summary-title"));
        dom::set(&root, "aria-labelledby", &title.id());
        let list = dom::el(doc, "ul", "instrada-summary-list", None);
        dom::append(&alert, &title);
        dom::append(&alert, &list);
        dom::append(&root, &alert);
        Summary {
            root,
            list,
            rendered: String::new(),
        }
    }

    /// Lists `items` (control id, message), one link each, in the form's order.
    pub(crate) fn render(&mut self, doc: &Document, items: &[(String, String)]) {
        let sig = signature(items.iter().map(|(id, m)| (m.as_str(), Some(id.as_str()))));
        if sig == self.rendered {
            return;
        }
        self.list.replace_children_with_node_0();
        for (id, message) in items {
            let li = dom::el(doc, "li", "", None);
            let a = dom::el(doc, "a", "instrada-summary-link", Some(message));
            dom::set(&a, "href", &format!("#{id}"));
            dom::set(&a, "data-instrada-action", "focus");
            dom::set(&a, "data-instrada-target", id);
            dom::append(&li, &a);
            dom::append(&self.list, &li);
        }
        self.rendered = sig;
    }
}
