//! Inline messages and the error summary, in GOV.UK's validation pattern with Bootstrap
//! Italia's classes: the same text inline and in the summary, `aria-describedby` pointing at
//! what is shown, `aria-invalid` and `is-invalid` while an error is shown, and
//! `setCustomValidity` always in step with the errors (shown or not) so the portal's own
//! `checkValidity()` tells the truth.

use web_sys::{Document, Element};

use crate::finding::{Finding, Lang};

use super::dom::{self, Control};
use super::fields::Field;
use super::i18n::{self, Label};

/// What is currently shown for one field, and the text last written into each of its
/// three elements (so nothing is rewritten, and nothing re-announced, when nothing changed).
#[derive(Debug, Default)]
pub(crate) struct FieldView {
    /// The person typed in the field since they last left it.
    pub(crate) dirty: bool,
    /// The field's errors and warnings are on display (it was left after a change, or a
    /// submission was tried).
    pub(crate) visited: bool,
    /// The findings on display (errors and warnings of this field).
    pub(crate) shown: Vec<Finding>,
    rendered: [String; 3],
}

impl FieldView {
    /// The errors on display.
    pub(crate) fn errors(&self) -> impl Iterator<Item = &Finding> {
        self.shown.iter().filter(|f| f.is_error())
    }
}

/// Writes the field's errors, warnings and guidance into its elements, and its state into
/// the control's ARIA attributes and classes. `guidance` is live; `view.shown` follows the
/// validation pattern.
pub(crate) fn render_field(
    doc: &Document,
    field: &Field,
    view: &mut FieldView,
    guidance: &[(String, Option<String>)],
    lang: Lang,
) {
    let errors: Vec<&Finding> = view.shown.iter().filter(|f| f.is_error()).collect();
    let warnings: Vec<&Finding> = view.shown.iter().filter(|f| !f.is_error()).collect();
    let rendered = &mut view.rendered;

    let sig = signature(
        errors
            .iter()
            .map(|f| (f.message.as_str(), f.suggestion.as_deref())),
    );
    if sig != rendered[0] {
        field.error.replace_children_with_node_0();
        for f in &errors {
            dom::append(
                &field.error,
                &line(doc, Label::ErrorPrefix.text(lang), &f.message),
            );
            if let Some(value) = &f.suggestion {
                dom::append(&field.error, &use_button(doc, field, value, lang));
            }
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
    let sig = signature(guidance.iter().map(|(m, s)| (m.as_str(), s.as_deref())));
    if sig != rendered[2] {
        field.guidance.replace_children_with_node_0();
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

    let has_error = !errors.is_empty();
    for (element, on) in [
        (&field.error, has_error),
        (&field.warning, !warnings.is_empty()),
        (&field.guidance, !guidance.is_empty()),
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
    let message = errors
        .iter()
        .map(|f| f.message.as_str())
        .collect::<Vec<_>>()
        .join(" ");
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
        &i18n::use_value(value, lang),
        "use",
    );
    dom::set(&b, "data-instrada-target", field.kind.name());
    dom::set(&b, "data-instrada-value", value);
    b
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
