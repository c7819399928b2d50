//! JavaScript API of the titolari and of the object suggestion: `titolari`, `titolario`,
//! `suggestObjects` (by profile and cassetto, as a form knows them) and `suggestObjectsIn`
//! (by titolario id).
//!
//! Every function takes `JsValue`s and answers a plain object with `findings`; none throws.

use crate::field::Field;
use crate::text::Join;
use chrono::NaiveDate;
use serde::Deserialize;
use std::sync::Arc;
use wasm_bindgen::prelude::*;

use super::{lang_of, object_arg, text_arg, wire_js};
use crate::catalog::messages::Problem;
use crate::catalog::profile::{Cassetto, Profile};
use crate::catalog::titolario::{self, Titolario, TitolarioView};
use crate::dates::parse_date;
use crate::finding::{Finding, Lang};
use crate::suggest::{suggest, Suggestion, MAX_SCAN_CHARS};
use crate::wire::{Json, ToWire};

#[wasm_bindgen(typescript_custom_section)]
const TS: &str = include_str!("catalog.d.ts");

/// Options of `titolario` (`lang` is read by `lang_of`; unknown fields are ignored).
#[derive(Default, Deserialize)]
#[serde(default)]
struct TitolarioOptions {
    date: Option<String>,
}

/// Options of `suggestObjects` and `suggestObjectsIn`.
#[derive(Default, Deserialize)]
#[serde(default)]
struct SuggestOptions {
    date: Option<String>,
    limit: Option<f64>,
}

/// `{ titolari, findings }` of `titolari`, or `{ titolario?, findings }` of `titolario`
/// (one writer for both answers keeps the wasm small).
struct TitolariResult<'a> {
    key: &'static str,
    list: &'a [TitolarioView<'a>],
    findings: &'a [Finding],
}

impl ToWire for TitolariResult<'_> {
    fn write(&self, out: &mut Json) {
        out.begin_object();
        if self.key == "titolari" {
            out.field_list(self.key, self.list);
        } else if let Some(one) = self.list.first() {
            out.key(self.key);
            one.write(out);
        }
        out.field_list("findings", self.findings);
        out.end_object();
    }
}

fn titolari_result(key: &'static str, list: &[TitolarioView], findings: &[Finding]) -> JsValue {
    wire_js(&TitolariResult {
        key,
        list,
        findings,
    })
}

struct SuggestResult<'a> {
    titolario: Option<&'a str>,
    suggestions: Vec<Suggestion>,
    findings: Vec<Finding>,
}

impl ToWire for SuggestResult<'_> {
    fn write(&self, out: &mut Json) {
        out.begin_object();
        out.field_str_if("titolario", self.titolario);
        out.field_list("suggestions", &self.suggestions);
        out.field_list("findings", &self.findings);
        out.end_object();
    }
}

/// The titolario with this id, or a finding that lists the known ids.
fn find_titolario(id: Option<String>, lang: Lang) -> Result<&'static Titolario, Finding> {
    if let Some(f) = super::places::catalog_pending(lang) {
        return Err(f);
    }
    let known = || {
        // Loops, not iterator chains collected, in this file: one copy less of each
        // adapter in the module (issue 15).
        let mut ids = Vec::new();
        for t in titolario::titolari() {
            ids.push(t.id.as_str());
        }
        ids.joined(", ")
    };
    let Some(id) = id.map(|s| s.trim().to_string()).filter(|s| !s.is_empty()) else {
        return Err(Problem::TitolarioMissing { known: known() }.finding(lang));
    };
    titolario::titolario(&id)
        .ok_or_else(|| Problem::UnknownTitolario { id, known: known() }.finding(lang))
}

/// Reads the optional `date` option; a date that cannot be read is left out, with the
/// finding that says why.
fn date_option(date: Option<&str>, lang: Lang, findings: &mut Vec<Finding>) -> Option<NaiveDate> {
    let date = date.map(str::trim).filter(|s| !s.is_empty())?;
    parse_date(date, Field::input("date"), lang)
        .map_err(|f| findings.push(f))
        .ok()
}

/// Lists the embedded titolari: `titolari({ lang })`.
#[wasm_bindgen(js_name = titolari, unchecked_return_type = "TitolariResult")]
pub fn titolari_js(
    #[wasm_bindgen(unchecked_optional_param_type = "LangOptions")] options: JsValue,
) -> JsValue {
    let note = super::lang_note(Some(&options));
    super::with_lang_note(titolari_js_result(options), note)
}

/// [`titolari_js`] before its language note.
fn titolari_js_result(options: JsValue) -> JsValue {
    let lang = lang_of(&options);
    let mut findings = Vec::new();
    if !options.is_undefined() && !options.is_null() && !options.is_object() {
        findings.push(not_an_options_object(lang));
    }
    findings.extend(super::places::catalog_pending(lang));
    let mut list: Vec<TitolarioView> = Vec::new();
    for t in titolario::titolari() {
        list.push(t.summary(lang));
    }
    titolari_result("titolari", &list, &findings)
}

/// One titolario as a tree: `titolario(id, { date, lang })`. Each object says whether it can
/// be chosen at `date` (as the list stands, without a date), its threshold and its status.
#[wasm_bindgen(js_name = titolario, unchecked_return_type = "TitolarioResult")]
pub fn titolario_js(
    #[wasm_bindgen(unchecked_param_type = "string")] id: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "TitolarioOptions")] options: JsValue,
) -> JsValue {
    let note = super::lang_note(Some(&options));
    super::with_lang_note(titolario_js_result(id, options), note)
}

/// [`titolario_js`] before its language note.
fn titolario_js_result(id: JsValue, options: JsValue) -> JsValue {
    let lang = lang_of(&options);
    let mut findings = Vec::new();
    let opts: TitolarioOptions = object_arg(options, "options", lang).unwrap_or_else(|f| {
        findings.push(f);
        TitolarioOptions::default()
    });
    let date = date_option(opts.date.as_deref(), lang, &mut findings);
    let id = text_arg(&id, "titolario", lang).unwrap_or_else(|f| {
        findings.push(f);
        None
    });
    let view = match find_titolario(id, lang) {
        Ok(t) => Some(t.tree(date, lang)),
        Err(f) => {
            findings.push(f);
            None
        }
    };
    titolari_result("titolario", view.as_slice(), &findings)
}

/// The objects of a titolario that fit a free-text description:
/// `suggestObjectsIn(titolarioId, text, { date, limit, lang })`. When the titolario's list
/// is missing from the documents and it names a `seeAlso` list, the suggestions come from
/// that list and a finding says so.
#[wasm_bindgen(js_name = suggestObjectsIn, unchecked_return_type = "SuggestResult")]
pub fn suggest_objects_in(
    #[wasm_bindgen(js_name = titolarioId, unchecked_param_type = "string")] titolario_id: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "SuggestOptions")] options: JsValue,
) -> JsValue {
    let note = super::lang_note(Some(&options));
    super::with_lang_note(suggest_objects_in_result(titolario_id, text, options), note)
}

/// [`suggest_objects_in`] before its language note.
fn suggest_objects_in_result(titolario_id: JsValue, text: JsValue, options: JsValue) -> JsValue {
    let lang = lang_of(&options);
    let mut findings = Vec::new();
    let id = text_arg(&titolario_id, "titolario", lang).unwrap_or_else(|f| {
        findings.push(f);
        None
    });
    let t = match find_titolario(id, lang) {
        Ok(t) => t,
        Err(f) => {
            findings.push(f);
            return wire_js(&SuggestResult {
                titolario: None,
                suggestions: Vec::new(),
                findings,
            });
        }
    };
    let (date, limit) = read_options(options, lang, &mut findings);
    wire_js(&suggest_in(t, text, date, limit, lang, findings))
}

/// The objects of a profile's cassetto that fit a free-text description:
/// `suggestObjects(profileId, cassetto, text, { date, limit, lang })`. The profile (or one
/// it inherits, e.g. `nazionale-gdp` for `dipendenti-pubblici`) says which titolario the
/// cassetto uses; with a date, the cassetto offered on that date.
#[wasm_bindgen(js_name = suggestObjects, unchecked_return_type = "SuggestResult")]
pub fn suggest_objects(
    #[wasm_bindgen(js_name = profileId, unchecked_param_type = "string")] profile_id: JsValue,
    #[wasm_bindgen(unchecked_param_type = "Cassetto | string")] cassetto: JsValue,
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    #[wasm_bindgen(unchecked_optional_param_type = "SuggestOptions")] options: JsValue,
) -> JsValue {
    let note = super::lang_note(Some(&options));
    super::with_lang_note(
        suggest_objects_result(profile_id, cassetto, text, options),
        note,
    )
}

/// [`suggest_objects`] before its language note.
fn suggest_objects_result(
    profile_id: JsValue,
    cassetto: JsValue,
    text: JsValue,
    options: JsValue,
) -> JsValue {
    let lang = lang_of(&options);
    let mut findings = Vec::new();
    let (date, limit) = read_options(options, lang, &mut findings);
    let mut read = |v: &JsValue, field: &str| {
        text_arg(v, field, lang).unwrap_or_else(|f| {
            findings.push(f);
            None
        })
    };
    let (profile_id, cassetto) = (read(&profile_id, "profileId"), read(&cassetto, "cassetto"));
    let found = super::routing::find_profile(profile_id.as_deref(), lang)
        .and_then(|p| find_cassetto(&p, cassetto.as_deref(), date, lang));
    match found {
        Ok(t) => wire_js(&suggest_in(t, text, date, limit, lang, findings)),
        Err(f) => {
            findings.push(f);
            wire_js(&SuggestResult {
                titolario: None,
                suggestions: Vec::new(),
                findings,
            })
        }
    }
}

/// The titolario of the cassetto `id` in the profile or the profiles it inherits (the one
/// offered on `date`, when given), or the finding that says why there is none.
fn find_cassetto(
    p: &Arc<Profile>,
    id: Option<&str>,
    date: Option<NaiveDate>,
    lang: Lang,
) -> Result<&'static Titolario, Finding> {
    let chain = crate::routing::chain(p);
    let offered = || {
        let mut ids: Vec<&str> = Vec::new();
        for c in chain.iter().flat_map(|q| q.cassetti.iter()) {
            if !ids.contains(&c.cassetto.as_str()) {
                ids.push(&c.cassetto);
            }
        }
        ids.joined(", ")
    };
    let Some(id) = id.map(str::trim).filter(|s| !s.is_empty()) else {
        return Err(Problem::CassettoMissing { offered: offered() }.finding(lang));
    };
    let mut all: Vec<&Cassetto> = Vec::new();
    for q in &chain {
        for c in &q.cassetti {
            if c.cassetto.eq_ignore_ascii_case(id) {
                all.push(c);
            }
        }
    }
    let Some(&first) = all.first() else {
        return Err(Problem::UnknownCassettoOf {
            profile: p.id.clone(),
            id: id.into(),
            offered: offered(),
        }
        .finding(lang));
    };
    if let Some(date) = date.filter(|d| !p.in_force(*d)) {
        return Err(Problem::ProfileNotInForce {
            date,
            name_it: p.name.get(Lang::It).into(),
            name_en: p.name.get(Lang::En).into(),
        }
        .finding(lang)
        .source(crate::routing::doc_source(p)));
    }
    let k = match date {
        None => first,
        Some(d) => all.iter().copied().find(|c| c.in_force(d)).ok_or_else(|| {
            Problem::CassettoNotInForce {
                date: d,
                profile: p.id.clone(),
                id: id.into(),
            }
            .finding(lang)
            .source(first.source.clone())
        })?,
    };
    k.titolario
        .as_deref()
        .and_then(titolario::titolario)
        .ok_or_else(|| {
            Problem::NoTitolario {
                name_it: k.name.get(Lang::It).into(),
                name_en: k.name.get(Lang::En).into(),
            }
            .finding(lang)
            .source(k.source.clone())
        })
}

/// Reads the options of the suggestion functions: the date and the number of suggestions.
fn read_options(
    options: JsValue,
    lang: Lang,
    findings: &mut Vec<Finding>,
) -> (Option<NaiveDate>, usize) {
    let opts: SuggestOptions = object_arg(options, "options", lang).unwrap_or_else(|f| {
        findings.push(f);
        SuggestOptions::default()
    });
    let date = date_option(opts.date.as_deref(), lang, findings);
    let limit = match opts.limit {
        None => 5,
        Some(n) if n.is_finite() && n >= 1.0 => n.min(50.0) as usize,
        Some(_) => {
            findings.push(Problem::BadLimit.finding(lang));
            5
        }
    };
    (date, limit)
}

/// Shared by `suggestObjects` and `suggestObjectsIn`.
fn suggest_in(
    t: &'static Titolario,
    text: JsValue,
    date: Option<NaiveDate>,
    limit: usize,
    lang: Lang,
    mut findings: Vec<Finding>,
) -> SuggestResult<'static> {
    let text = text_arg(&text, "descrizione", lang).unwrap_or_else(|f| {
        findings.push(f);
        None
    });
    let mut list = t;
    if t.list_missing.is_some() {
        let problem = match t.see_also.as_deref().and_then(titolario::titolario) {
            Some(other) => {
                list = other;
                Problem::ListFromSeeAlso {
                    list_it: t.name.clone(),
                    list_en: t.name_en.clone(),
                    other_it: other.name.clone(),
                    other_en: other.name_en.clone(),
                }
            }
            None => Problem::ListMissing {
                list_it: t.name.clone(),
                list_en: t.name_en.clone(),
            },
        };
        findings.push(problem.finding(lang).source(t.source.clone()));
    }
    let text = text.unwrap_or_default();
    let suggestions = if text.trim().is_empty() {
        findings.push(Problem::EmptyText.finding(lang));
        Vec::new()
    } else {
        if text.len() > MAX_SCAN_CHARS && text.chars().count() > MAX_SCAN_CHARS {
            findings.push(
                Problem::TextTruncated {
                    max: MAX_SCAN_CHARS,
                }
                .finding(lang),
            );
        }
        let s = suggest(list, &text, date, limit);
        if s.is_empty() && list.list_missing.is_none() {
            findings.push(Problem::NoMatch.finding(lang));
        }
        s
    };
    SuggestResult {
        titolario: Some(list.id.as_str()),
        suggestions,
        findings,
    }
}

fn not_an_options_object(lang: Lang) -> Finding {
    crate::input::InputProblem::NotObjectDefaults.finding(lang)
}
