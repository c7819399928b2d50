//! JS API of protocol profiles, routing and review: `profiles`, `catalog`, `route`,
//! `review`, `composeSubject`, `loadProfile`. Every function takes `JsValue`s, reads them
//! field by field (a field of the wrong type is a finding that names it), and returns a
//! plain object; nothing throws.

use crate::field::Field;
use crate::text::Join;
use chrono::NaiveDate;
use std::sync::Arc;
use wasm_bindgen::prelude::*;

use super::{lang_of, object_arg, text_arg, to_js, wire_js, MAX_TEXT};
use crate::catalog::messages::Problem as CatalogProblem;
use crate::catalog::profile::{self, view};
use crate::finding::{Finding, Lang};
use crate::review::{self, Composed, Draft, Review, SubjectInput, Texts};
use crate::routing::{self, Facts, Route};

#[wasm_bindgen(typescript_custom_section)]
const TS_ROUTING: &str = include_str!("routing.d.ts");

/// Reads one text field of an object; a wrong type is a finding naming the field.
fn field(obj: &JsValue, name: &str, lang: Lang, findings: &mut Vec<Finding>) -> Option<String> {
    if !obj.is_object() {
        return None;
    }
    let value = js_sys::Reflect::get(obj, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
    match text_arg(&value, name, lang) {
        Ok(v) => v,
        Err(f) => {
            findings.push(f);
            None
        }
    }
}

/// A yes/no field: a JS boolean, or text ("true", "si", "no") read by the core.
fn flag(obj: &JsValue, name: &str, lang: Lang, findings: &mut Vec<Finding>) -> Option<String> {
    if obj.is_object() {
        let v = js_sys::Reflect::get(obj, &JsValue::from_str(name)).unwrap_or(JsValue::UNDEFINED);
        if let Some(b) = v.as_bool() {
            return Some(b.to_string());
        }
    }
    field(obj, name, lang, findings)
}

/// The contribution period: `period`, or its Italian name `periodo`.
fn period(obj: &JsValue, lang: Lang, findings: &mut Vec<Finding>) -> Option<String> {
    field(obj, "period", lang, findings).or_else(|| field(obj, "periodo", lang, findings))
}

/// `undefined`/`null` are an empty object; anything else that is not an object is a finding.
fn not_object(value: &JsValue, what: &str, lang: Lang) -> Option<Finding> {
    if super::unreadable(value) {
        return Some(super::unreadable_finding(what, lang));
    }
    if value.is_undefined()
        || value.is_null()
        || (value.is_object() && !value.is_function() && !super::is_array(value))
    {
        return None;
    }
    Some(crate::input::InputProblem::NotObject { what: what.into() }.finding(lang))
}

/// Lists the protocol profiles (built-in and loaded by the portal).
#[wasm_bindgen(js_name = profiles, unchecked_return_type = "ProfileSummary[]")]
pub fn profiles(
    #[wasm_bindgen(unchecked_optional_param_type = "LangOptions")] options: JsValue,
) -> JsValue {
    let lang = lang_of(&options);
    // Until the catalog's file is there, the list holds no built-in profile (`ready()`).
    super::places::need_catalog();
    // Loops, not iterator chains collected, in this file: one copy less of each adapter in
    // the module (issue 15).
    let all = profile::profiles();
    let mut list: Vec<view::Summary> = Vec::new();
    for p in &all {
        list.push(view::summary(p, profile::is_built_in(&p.id), lang));
    }
    super::wire_js(&list)
}

/// The options of `catalog`.
#[derive(Default, serde::Deserialize)]
#[serde(default)]
struct CatalogOptions {
    date: Option<String>,
}

struct CatalogResult {
    ok: bool,
    findings: Vec<Finding>,
    catalog: Option<view::CatalogView>,
}

impl crate::wire::ToWire for CatalogResult {
    fn write(&self, out: &mut crate::wire::Json) {
        out.begin_object();
        out.field_bool("ok", self.ok);
        out.field_list("findings", &self.findings);
        if let Some(catalog) = &self.catalog {
            out.key("catalog");
            catalog.write(out);
        }
        out.end_object();
    }
}

/// A profile at a date: its cassetti with their titolari (objects available at the date),
/// channels, sedi and mailboxes, terms, escalation contacts of the date, telephone lines.
#[wasm_bindgen(js_name = catalog, unchecked_return_type = "CatalogResult")]
pub fn catalog(
    #[wasm_bindgen(js_name = profileId, unchecked_param_type = "string")] profile_id: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "CatalogOptions")] options: JsValue,
) -> JsValue {
    let note = super::lang_note(Some(&options));
    super::with_lang_note(catalog_result(profile_id, options), note)
}

/// [`catalog`] before its language note.
fn catalog_result(profile_id: JsValue, options: JsValue) -> JsValue {
    let lang = lang_of(&options);
    let mut findings = Vec::new();
    let id = text_arg(&profile_id, "profileId", lang).unwrap_or_else(|f| {
        findings.push(f);
        None
    });
    let options: CatalogOptions = object_arg(options, "options", lang).unwrap_or_else(|f| {
        findings.push(f);
        CatalogOptions::default()
    });
    let date = match options
        .date
        .as_deref()
        .map(str::trim)
        .filter(|d| !d.is_empty())
    {
        Some(d) => match crate::dates::parse_date(d, Field::input("date"), lang) {
            Ok(d) => Some(d),
            Err(f) => {
                findings.push(f);
                None
            }
        },
        None => None,
    };
    let date = date.unwrap_or_else(|| {
        findings.push(CatalogProblem::DateMissing.finding(lang));
        NaiveDate::from_ymd_opt(2100, 1, 1).unwrap_or(NaiveDate::MAX)
    });
    let p = match find_profile(id.as_deref(), lang) {
        Ok(p) => p,
        Err(f) => {
            findings.push(f);
            return super::wire_js(&CatalogResult {
                ok: false,
                findings,
                catalog: None,
            });
        }
    };
    let chain = routing::chain(&p);
    let view = view::catalog_view(&chain, date, profile::is_built_in(&p.id), lang);
    super::wire_js(&CatalogResult {
        ok: view.is_some(),
        findings,
        catalog: view,
    })
}

/// The profile with this id (built in or loaded), or the finding that lists the known ids.
pub(super) fn find_profile(id: Option<&str>, lang: Lang) -> Result<Arc<profile::Profile>, Finding> {
    if let Some(f) = super::places::catalog_pending(lang) {
        return Err(f);
    }
    let ids = || {
        let all = profile::profiles();
        let mut ids = Vec::new();
        for p in &all {
            ids.push(p.id.as_str());
        }
        ids.joined(", ")
    };
    let Some(id) = id.map(str::trim).filter(|s| !s.is_empty()) else {
        return Err(CatalogProblem::ProfileMissing { known: ids() }.finding(lang));
    };
    // Forms write ids loosely ("Torino"); the ids of the data are lower-case.
    profile::profile(id)
        .or_else(|| profile::profile(&id.to_ascii_lowercase()))
        .ok_or_else(|| {
            CatalogProblem::UnknownProfile {
                id: id.to_string(),
                known: ids(),
            }
            .finding(lang)
        })
}

/// The answer of a function of one object that may carry `lang` (`route`, `review`,
/// `composeSubject`): its refusal when the argument is not an object, else `answer` of it,
/// which is given the findings of the fields of the wrong type; then the language note.
fn answer_object<T: crate::wire::ToWire>(
    arg: JsValue,
    what: &str,
    refused: impl FnOnce(Finding, Lang) -> T,
    answer: impl FnOnce(&JsValue, Lang, Vec<Finding>) -> T,
) -> JsValue {
    let note = super::lang_note(Some(&arg));
    let lang = lang_of(&arg);
    // `route`, `review` need the built-in profiles (`composeSubject` does not, but asking
    // for them early does no harm: it is the first need of a page that composes).
    super::places::need_catalog();
    let result = match not_object(&arg, what, lang) {
        Some(f) => refused(f, lang),
        None => answer(&arg, lang, Vec::new()),
    };
    super::with_lang_note(wire_js(&result), note)
}

/// Which channel, address or cassetto menu to use, what the subject or booking must hold,
/// and why.
#[wasm_bindgen(js_name = route, unchecked_return_type = "RouteResult")]
pub fn route(#[wasm_bindgen(unchecked_param_type = "RouteFacts")] facts: JsValue) -> JsValue {
    answer_object(
        facts,
        "facts",
        Route::refused,
        |facts, lang, mut findings| {
            let mut get = |name: &str| field(facts, name, lang, &mut findings);
            let f = Facts {
                profile: get("profile"),
                sede: get("sede"),
                gestione: get("gestione"),
                kind: get("kind"),
                date: get("date"),
                description: get("description"),
                previous: get("previous"),
                level: get("level"),
                accentramento: flag(facts, "accentramento", lang, &mut findings),
                period: period(facts, lang, &mut findings),
            };
            let mut r = routing::route(&f, lang);
            crate::finding::prepend(&mut r.findings, findings);
            r
        },
    )
}

/// Reviews a draft request: channel, recipient, subject line, object, appointment and
/// escalation data.
#[wasm_bindgen(js_name = review, unchecked_return_type = "ReviewResult")]
pub fn review(#[wasm_bindgen(unchecked_param_type = "ReviewDraft")] draft: JsValue) -> JsValue {
    answer_object(
        draft,
        "draft",
        Review::refused,
        |draft, lang, mut findings| {
            let mut get = |name: &str| field(draft, name, lang, &mut findings);
            // The order of the readings is the order of the findings of wrongly typed fields:
            // the portal's order, not the one of the types that hold them.
            let (profile, sede, gestione) = (get("profile"), get("sede"), get("gestione"));
            let (cassetto, kind, date) = (get("cassetto"), get("kind"), get("date"));
            let (channel, object, description) =
                (get("channel"), get("object"), get("description"));
            let (subject, recipient, sender) = (get("subject"), get("recipient"), get("sender"));
            let (codice_fiscale, matricola) = (get("codiceFiscale"), get("matricola"));
            let (reference, previous, level) = (get("reference"), get("previous"), get("level"));
            let d = Draft {
                facts: Facts {
                    profile,
                    sede,
                    gestione,
                    kind,
                    date,
                    description,
                    previous,
                    level,
                    accentramento: flag(draft, "accentramento", lang, &mut findings),
                    period: period(draft, lang, &mut findings),
                },
                channel,
                texts: Texts {
                    cassetto,
                    object,
                    subject,
                    recipient,
                    sender,
                    codice_fiscale,
                    matricola,
                    reference,
                },
            };
            let mut r = review::review(&d, lang);
            r.ok &= findings.is_empty();
            crate::finding::prepend(&mut r.findings, findings);
            r
        },
    )
}

/// Composes a subject line with the codice fiscale, the gestione and the content (Milano §2,
/// Torino §2.5).
#[wasm_bindgen(js_name = composeSubject, unchecked_return_type = "SubjectResult")]
pub fn compose_subject(
    #[wasm_bindgen(unchecked_param_type = "SubjectRequest")] input: JsValue,
) -> JsValue {
    let refused = |f, _| Composed {
        ok: false,
        subject: String::new(),
        findings: vec![f],
    };
    answer_object(input, "input", refused, |input, lang, mut findings| {
        let mut get = |name: &str| field(input, name, lang, &mut findings);
        let i = SubjectInput {
            codice_fiscale: get("codiceFiscale"),
            gestione: get("gestione"),
            content: get("content"),
            matricola: get("matricola"),
        };
        let mut c = review::compose_subject(&i, lang);
        c.ok &= findings.is_empty();
        crate::finding::prepend(&mut c.findings, findings);
        c
    })
}

/// Registers a portal's own profile (JSON text, or an object) for the page's lifetime.
#[wasm_bindgen(js_name = loadProfile, unchecked_return_type = "LoadResult")]
pub fn load_profile(
    #[wasm_bindgen(unchecked_param_type = "string | object")] json: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "LangOptions")] options: JsValue,
) -> JsValue {
    let lang = lang_of(&options);
    let result = load_profile_result(json, lang);
    let warnings = js_sys::Array::new();
    for w in &super::option_warnings(&options, lang) {
        warnings.push(&to_js(w));
    }
    // `to_js` makes a plain object, where setting a property cannot fail (and should it
    // ever give `null`, there is nothing to add the warnings to).
    let _ = js_sys::Reflect::set(&result, &JsValue::from_str("warnings"), &warnings);
    result
}

fn load_profile_result(json: JsValue, lang: Lang) -> JsValue {
    // The core refuses while the built-ins are absent; this starts their fetch.
    super::places::need_catalog();
    let refused = |f: Finding| {
        super::wire_js(&profile::Loaded {
            ok: false,
            id: None,
            errors: vec![f],
        })
    };
    let text = if json.is_object() && !json.is_function() {
        match js_sys::JSON::stringify(&json)
            .ok()
            .and_then(|s| s.as_string())
        {
            Some(s) if s.len() <= MAX_TEXT => s,
            Some(_) => return refused(CatalogProblem::ObjectTooLarge.finding(lang)),
            None => return refused(CatalogProblem::NotJson.finding(lang)),
        }
    } else {
        match text_arg(&json, "json", lang) {
            Ok(Some(s)) => s,
            Ok(None) => return refused(CatalogProblem::JsonMissing.finding(lang)),
            Err(f) => return refused(f),
        }
    };
    super::wire_js(&profile::load_profile(&text, lang))
}
