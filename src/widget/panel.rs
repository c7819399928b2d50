//! The guidance panels: the channel to use (after the gestione) and the dates INPS must
//! answer by, with their reasons and a button that downloads them as an .ics file (after the
//! date of sending). Both are live guidance: they follow the form as it is filled. What they
//! say is `crate::form::view`'s; this file writes it into the page.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlFormElement};

use crate::finding::Lang;
use crate::form::messages::{self, Label};
use crate::form::view::{ChannelView, DateLine, TimelineView};
use crate::form::{Config, Outcome};

use super::dom;
use super::fields::{Field, Kind};

/// The two panels' elements.
pub(crate) struct Panels {
    channel: Panel,
    timeline: Panel,
    download: Element,
}

/// What the panels last showed.
#[derive(Debug, Default)]
pub(crate) struct PanelsView {
    channel: Option<ChannelView>,
    timeline: Option<TimelineView>,
}

struct Panel {
    root: Element,
    body: Element,
}

impl Panel {
    fn build(doc: &Document, id: &str, class: &str, title: &str) -> Panel {
        let root = dom::el(doc, "section", &format!("instrada-panel {class}"), None);
        root.set_id(id);
        let heading = dom::el(doc, "h2", "instrada-panel-title", Some(title));
        heading.set_id(&format!("{id}-title"));
        dom::set(&root, "aria-labelledby", &heading.id());
        let body = dom::el(doc, "div", "instrada-panel-body", None);
        dom::append(&root, &heading);
        dom::append(&root, &body);
        dom::show(&root, false);
        Panel { root, body }
    }
}

impl Panels {
    /// Builds the (hidden) panels and places them: the channel after the gestione field, the
    /// timeline after the date of sending; where the form has no such field, before its
    /// submit button.
    pub(crate) fn build(
        doc: &Document,
        prefix: &str,
        form: &HtmlFormElement,
        fields: &[Field],
        cfg: &Config,
    ) -> Panels {
        let lang = cfg.lang;
        let channel = Panel::build(
            doc,
            &format!("{prefix}-channel"),
            "instrada-channel",
            Label::ChannelTitle.text(lang),
        );
        // The channel changes with the gestione: read it politely when it does.
        dom::set(&channel.body, "aria-live", "polite");
        let timeline = Panel::build(
            doc,
            &format!("{prefix}-timeline"),
            "instrada-timeline",
            Label::TimelineTitle.text(lang),
        );
        let download = dom::button(
            doc,
            "btn btn-outline-primary btn-sm instrada-ics",
            Label::TimelineDownload.text(lang),
            "ics",
        );
        let _ = timeline.root.append_child(&download);
        for (panel, kind, on) in [
            (&channel, Kind::Gestione, cfg.checks.channel),
            (&timeline, Kind::DataInvio, cfg.checks.timeline),
        ] {
            if !on {
                continue;
            }
            match fields.iter().find(|f| f.kind == kind) {
                Some(f) => {
                    let _ = f.guidance.after_with_node_1(&panel.root);
                }
                None => place_before_submit(form, &panel.root),
            }
        }
        Panels {
            channel,
            timeline,
            download,
        }
    }

    /// Shows the outcome's channel and timeline (each only when it changed).
    pub(crate) fn render(
        &self,
        doc: &Document,
        view: &mut PanelsView,
        outcome: &Outcome,
        cfg: &Config,
    ) {
        let lang = cfg.lang;
        if view.channel != outcome.channel {
            self.channel.body.replace_children_with_node_0();
            if let Some(c) = &outcome.channel {
                dom::append(
                    &self.channel.body,
                    &dom::el(doc, "p", "instrada-channel-headline", Some(&c.headline)),
                );
                for line in &c.lines {
                    dom::append(
                        &self.channel.body,
                        &dom::el(doc, "p", "form-text instrada-line", Some(line)),
                    );
                }
                if !c.reasons.is_empty() {
                    dom::append(&self.channel.body, &why(doc, &c.reasons, lang));
                }
            }
            dom::show(&self.channel.root, outcome.channel.is_some());
            view.channel = outcome.channel.clone();
        }
        if view.timeline != outcome.timeline {
            self.timeline.body.replace_children_with_node_0();
            if let Some(t) = &outcome.timeline {
                let list = dom::el(doc, "ul", "instrada-dates", None);
                for d in &t.dates {
                    dom::append(&list, &date_line(doc, d, lang));
                }
                let body = &self.timeline.body;
                dom::append(body, &list);
                for note in &t.notes {
                    dom::append(
                        body,
                        &dom::el(doc, "p", "instrada-line instrada-note", Some(note)),
                    );
                }
                if !t.reasons.is_empty() {
                    dom::append(body, &why(doc, &t.reasons, lang));
                }
            }
            let downloadable = outcome.timeline.as_ref().is_some_and(|t| t.downloadable);
            dom::show(&self.download, downloadable);
            dom::show(&self.timeline.root, outcome.timeline.is_some());
            view.timeline = outcome.timeline.clone();
        }
    }

    /// Offers `ics` as a file download, without any request: a `blob:` URL clicked at once
    /// and revoked right after.
    pub(crate) fn download_ics(doc: &Document, name: &str, ics: &str) {
        let parts = js_sys::Array::of1(&JsValue::from_str(ics));
        let options = web_sys::BlobPropertyBag::new();
        options.set_type("text/calendar;charset=utf-8");
        let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
            return;
        };
        let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
            return;
        };
        let a = dom::el(doc, "a", "", None);
        dom::set(&a, "href", &url);
        dom::set(&a, "download", name);
        a.unchecked_ref::<web_sys::HtmlElement>().click();
        // The download reads the blob after this call returns: free it a little later.
        let revoke = Closure::once_into_js(move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        });
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(
                revoke.unchecked_ref(),
                10_000,
            );
        }
    }

    /// Removes the panels from the page.
    pub(crate) fn remove(&self) {
        self.channel.root.remove();
        self.timeline.root.remove();
    }
}

/// One date: "Sollecito (livello B) dal 02/12/2026: a@inps.it, b@inps.it", each address
/// selected whole by a click (to copy it).
fn date_line(doc: &Document, d: &DateLine, lang: Lang) -> Element {
    let li = dom::el(doc, "li", "instrada-date", None);
    dom::append(
        &li,
        &dom::el(doc, "span", "instrada-date-label", Some(&d.label)),
    );
    let _ = li.append_with_str_1(" ");
    let day = if d.iso.is_empty() {
        dom::el(doc, "span", "instrada-date-day", Some(&d.human))
    } else {
        let time = dom::el(doc, "time", "instrada-date-day", Some(&d.human));
        dom::set(&time, "datetime", &d.iso);
        time
    };
    dom::append(&li, &day);
    for (list, lead) in [&d.to, &d.cc]
        .into_iter()
        .zip(messages::address_leads(lang))
    {
        if list.is_empty() {
            continue;
        }
        let _ = li.append_with_str_1(lead);
        for (i, address) in list.iter().enumerate() {
            if i > 0 {
                let _ = li.append_with_str_1(", ");
            }
            dom::append(
                &li,
                &dom::el(doc, "span", "instrada-address", Some(address)),
            );
        }
    }
    li
}

/// «Perché?»: the reasons, closed until asked for.
fn why(doc: &Document, reasons: &[String], lang: Lang) -> Element {
    let details = dom::el(doc, "details", "instrada-why", None);
    dom::append(
        &details,
        &dom::el(
            doc,
            "summary",
            "instrada-why-summary",
            Some(Label::Why.text(lang)),
        ),
    );
    for r in reasons {
        dom::append(&details, &dom::el(doc, "p", "instrada-line", Some(r)));
    }
    details
}

/// Puts `e` before the form's first submit button, or at its end.
pub(crate) fn place_before_submit(form: &HtmlFormElement, e: &Element) {
    let submit = form
        .query_selector("button[type=submit], input[type=submit], button:not([type])")
        .ok()
        .flatten();
    match submit {
        Some(b) => {
            let _ = b.before_with_node_1(e);
        }
        None => {
            let _ = form.append_child(e);
        }
    }
}
