//! The object picker: the titolario of the chosen cassetto as a native `<select>` grouped by
//! classe (`<optgroup>`), with a search box that narrows it, the tempo soglia in each
//! option, removed objects marked and disabled, and the objects the description points to
//! in a first group that follows the typing.
//!
//! A native select keeps keyboard and screen-reader behaviour the platform's own. When the
//! portal's `oggetto` field is a `<select>`, the picker fills it (leaving the portal's own
//! options, e.g. the placeholder, in place); when it is a text input, the picker adds its
//! own select next to it and choosing there writes the label into the input (an explicit
//! action of the person).

use crate::text::Join;
use chrono::NaiveDate;
use web_sys::{Document, Element};

use crate::catalog::titolario::{Oggetto, Titolario};
use crate::finding::Lang;
use crate::form::messages::{self, Label};
use crate::suggest::Suggestion;
use crate::text::fold_words;

use super::dom::{self, Control};
use super::fields::Field;

/// The picker's elements.
pub(crate) struct Picker {
    /// The container (search box, own select in text mode, status lines).
    pub(crate) root: Element,
    /// The search box.
    pub(crate) search: Control,
    /// The select the titolario is listed in: the field itself, or the picker's own.
    pub(crate) select: Control,
    /// True when the select is the picker's own (the field is a text input).
    pub(crate) own_select: bool,
    source: Element,
    status: Element,
}

/// What the picker currently lists, to rebuild only what changed.
#[derive(Debug, Default)]
pub(crate) struct PickerView {
    titolario: Option<&'static str>,
    sent: Option<NaiveDate>,
    suggested: Vec<String>,
    query: String,
}

impl Picker {
    /// Builds the picker for the `oggetto` field and places it after the field's messages.
    pub(crate) fn build(doc: &Document, prefix: &str, field: &Field, lang: Lang) -> Picker {
        let own_select = field.control.tag_name() != "SELECT";
        let root = dom::el(doc, "div", "instrada-picker", None);
        root.set_id(&format!("{prefix}-picker"));
        dom::show(&root, false);

        let source = dom::el(doc, "div", "form-text instrada-picker-source", None);
        dom::append(&root, &source);

        let status_id = format!("{prefix}-picker-status");
        let search_id = format!("{prefix}-picker-search");
        let label = dom::label(
            doc,
            "instrada-label",
            Label::PickerSearch.text(lang),
            &search_id,
        );
        let search = dom::el(doc, "input", "form-control instrada-picker-search", None);
        search.set_id(&search_id);
        dom::set(&search, "type", "search");
        dom::set(&search, "autocomplete", "off");
        dom::set(&search, "spellcheck", "false");
        dom::set(&search, "aria-describedby", &status_id);
        // Owned by the widget: the form never submits it, the portal never sees it.
        dom::set(&search, "data-instrada-picker", "search");
        dom::append(&root, &label);
        dom::append(&root, &search);

        let select: Control = if own_select {
            let select_id = format!("{prefix}-picker-select");
            let label = dom::label(
                doc,
                "instrada-label",
                Label::PickerSelect.text(lang),
                &select_id,
            );
            let select = dom::el(
                doc,
                "select",
                "form-control form-select instrada-picker-select",
                None,
            );
            select.set_id(&select_id);
            dom::set(&select, "data-instrada-picker", "select");
            dom::option(doc, &select, "", Some(Label::PickerChoose.text(lang)));
            dom::append(&root, &label);
            dom::append(&root, &select);
            wasm_bindgen::JsCast::unchecked_into(select)
        } else {
            field.control.clone()
        };

        let status = dom::el(doc, "p", "form-text instrada-picker-status", None);
        status.set_id(&status_id);
        dom::set(&status, "role", "status");
        dom::append(&root, &status);

        let _ = field.guidance.after_with_node_1(&root);
        Picker {
            root,
            search: wasm_bindgen::JsCast::unchecked_into(search),
            select,
            own_select,
            source,
            status,
        }
    }

    /// Lists `t` (or hides the picker without one), the suggestions first, and selects the
    /// field's current value.
    #[allow(clippy::too_many_arguments)]
    pub(crate) fn update(
        &self,
        view: &mut PickerView,
        doc: &Document,
        lang: Lang,
        t: Option<&'static Titolario>,
        note: Option<&str>,
        suggestions: &[Suggestion],
        sent: NaiveDate,
        value: &str,
    ) {
        dom::show(&self.root, t.is_some());
        let Some(t) = t else {
            if view.titolario.take().is_some() {
                self.clear();
            }
            return;
        };
        let kept = if self.own_select {
            None
        } else {
            Some(self.select.value())
        };
        // Loops, not iterator chains collected, in this file: one copy less of each adapter
        // in the module (issue 15).
        let mut suggested: Vec<String> = Vec::new();
        for s in suggestions {
            suggested.push(s.object.clone());
        }
        let rebuild = view.titolario != Some(t.id.as_str()) || view.sent != Some(sent);
        if rebuild || view.suggested != suggested {
            self.clear();
            if !suggested.is_empty() {
                let group = dom::el(doc, "optgroup", "instrada-suggested", None);
                dom::set(
                    &group,
                    "label",
                    &format!(
                        "{} ({})",
                        Label::PickerSuggested.text(lang),
                        suggested.len()
                    ),
                );
                dom::set(&group, "data-instrada-option", "suggested");
                for s in suggestions {
                    if let Some(o) = t.object(&s.object) {
                        dom::append(&group, &option(doc, o, sent, lang, true));
                    }
                }
                dom::append(&self.select, &group);
            }
            for classe in &t.classes {
                if classe.direct {
                    for o in &classe.objects {
                        dom::append(&self.select, &option(doc, o, sent, lang, false));
                    }
                    continue;
                }
                let group = dom::el(doc, "optgroup", "", None);
                dom::set(
                    &group,
                    "label",
                    messages::classe_label(&classe.label, &classe.label_en, lang),
                );
                dom::set(&group, "data-instrada-option", "classe");
                for o in &classe.objects {
                    dom::append(&group, &option(doc, o, sent, lang, false));
                }
                dom::append(&self.select, &group);
            }
            view.titolario = Some(t.id.as_str());
            view.sent = Some(sent);
            view.suggested = suggested;
            let source = messages::titolario_line(t, lang);
            // The list's name in a line; why it is this list behind «Perché?».
            self.source.replace_children_with_node_0();
            let _ = self.source.append_with_str_1(&source);
            if let Some(note) = note {
                let why = dom::el(doc, "details", "instrada-why", None);
                dom::append(
                    &why,
                    &dom::el(
                        doc,
                        "summary",
                        "instrada-why-summary",
                        Some(Label::Why.text(lang)),
                    ),
                );
                dom::append(&why, &dom::el(doc, "span", "instrada-line", Some(note)));
                let _ = self.source.append_with_str_1(" ");
                dom::append(&self.source, &why);
            }
            let query = std::mem::take(&mut view.query);
            self.filter(view, &query, lang);
        }
        // Keep the selection: the field's own value (select mode), or the object the text
        // input names (text mode).
        let wanted = match kept {
            Some(v) => v,
            None => t.object(value).map(|o| o.label.clone()).unwrap_or_default(),
        };
        if self.select.value() != wanted {
            self.select.set_value(&wanted);
        }
    }

    /// Shows only the options whose label or classe contains every word of `query`
    /// (folded: case and accents do not matter), and says how many are left.
    pub(crate) fn filter(&self, view: &mut PickerView, query: &str, lang: Lang) {
        let mut words: Vec<String> = Vec::new();
        for w in fold_words(query).split(' ') {
            if !w.is_empty() {
                words.push(w.to_string());
            }
        }
        let folded = words.joined(" ");
        if folded == view.query && !folded.is_empty() {
            return;
        }
        view.query = folded;
        let mut visible = 0;
        for o in dom::all(&self.select, "option[data-instrada-search]") {
            let hay = o.get_attribute("data-instrada-search").unwrap_or_default();
            let on = words.iter().all(|w| crate::text::contains(&hay, w));
            dom::show(&o, on);
            if on && o.get_attribute("data-instrada-option").as_deref() != Some("suggested") {
                visible += 1;
            }
        }
        for g in dom::all(&self.select, "optgroup[data-instrada-option]") {
            let any = g
                .query_selector("option:not([hidden])")
                .ok()
                .flatten()
                .is_some();
            dom::show(&g, any);
        }
        let status = if words.is_empty() {
            String::new()
        } else if visible == 0 {
            Label::PickerNoMatch.text(lang).to_string()
        } else {
            messages::picker_status(visible, 0, lang)
        };
        dom::set_text(&self.status, &status);
    }

    /// Removes the options the picker added (the portal's own stay).
    fn clear(&self) {
        for n in dom::all(&self.select, ":scope > [data-instrada-option]") {
            n.remove();
        }
    }

    /// Removes everything the picker added to the page.
    pub(crate) fn remove(&self) {
        self.clear();
        self.root.remove();
    }
}

/// One `<option>`: the label, the threshold or why it cannot be chosen, and the folded text
/// the search looks in.
fn option(doc: &Document, o: &Oggetto, sent: NaiveDate, lang: Lang, suggested: bool) -> Element {
    let label = o.label.as_str();
    let mut text = if suggested {
        format!("{label} ({})", o.classe)
    } else {
        label.to_string()
    };
    let available = o.is_available(Some(sent));
    let tail = messages::object_tail(o, available, lang);
    if let Some(tail) = tail {
        text.push_str(" — ");
        text.push_str(&tail);
    }
    let e = dom::el(doc, "option", "", Some(&text));
    dom::set(&e, "value", label);
    dom::set(
        &e,
        "data-instrada-option",
        if suggested { "suggested" } else { "object" },
    );
    dom::set(
        &e,
        "data-instrada-search",
        &fold_words(&format!("{label} {} {}", o.classe, o.label_en)),
    );
    if !available {
        dom::set(&e, "disabled", "");
    }
    e
}
