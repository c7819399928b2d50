//! Reading the options a portal passes to `attach`/`mount`, leniently: a missing or
//! unreadable option falls back to the form's `data-instrada-*` attribute, then to the
//! default, with one console warning for what could not be read. Nothing throws.

use chrono::NaiveDate;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlFormElement;

use crate::dates;
use crate::finding::Lang;

use crate::form::{Checks, Config};

use super::page::warn;

/// Options of `mount` that `attach` does not have: where the built form submits.
#[derive(Clone, Debug, Default)]
pub(crate) struct MountExtras {
    pub(crate) action: Option<String>,
    pub(crate) method: Option<String>,
}

/// The widget's settings from `options`, then the form's attributes, then the defaults.
pub(crate) fn read(options: &JsValue, form: Option<&HtmlFormElement>) -> Config {
    let attr = |name: &str| {
        form.and_then(|f| f.get_attribute(name))
            .filter(|v| !v.trim().is_empty())
    };
    let profile = text(options, "profile").or_else(|| attr("data-instrada"));
    let sede = text(options, "sede").or_else(|| attr("data-instrada-sede"));
    let lang = match text(options, "lang").or_else(|| attr("data-instrada-lang")) {
        None => Lang::It,
        Some(l) => Lang::parse(&l).unwrap_or_else(|| {
            warn("the language must be \"it\" or \"en\"; Italian is used.");
            Lang::It
        }),
    };
    let today = today(options).or_else(|| {
        attr("data-instrada-today").and_then(|t| {
            dates::parse_date(&t, crate::field::Field::input("today"), Lang::En)
                .map_err(|_| warn("data-instrada-today must be a date written YYYY-MM-DD; the browser's date is used."))
                .ok()
        })
    });
    let today = today.unwrap_or_else(browser_today);
    let sede = known_sede(sede);
    // The national baseline by default (issue 13), unless a sede names the territory (its
    // protocol is then found from it, as before); a sede chosen later still selects its
    // territory's protocol in the core (route, timeline).
    let profile = profile.map(|p| p.trim().to_ascii_lowercase()).or_else(|| {
        sede.is_none()
            .then(|| crate::catalog::profile::NATIONAL.to_string())
    });
    Config {
        lang,
        today,
        profile,
        protocol: std::cell::OnceCell::new(),
        sede,
        label: text(options, "label").or_else(|| attr("data-instrada-label")),
        checks: checks(options, attr("data-instrada-checks")),
        values: values(options),
        notify: warn,
    }
}

/// `update()`'s options over the widget's current settings: what `options` gives replaces the
/// setting, what it leaves out stays (the form's attributes are not read again).
pub(crate) fn update(current: &Config, options: &JsValue) -> Config {
    let mut cfg = current.clone();
    if let Some(p) = text(options, "profile") {
        cfg.profile = Some(p.trim().to_ascii_lowercase());
    }
    if field(options, "sede").is_some() {
        // An empty sede is a choice too: back to the national calendar.
        cfg.sede = known_sede(text(options, "sede"));
    }
    if let Some(l) = text(options, "lang") {
        match Lang::parse(&l) {
            Some(lang) => cfg.lang = lang,
            None => warn("the language must be \"it\" or \"en\"; it was not changed."),
        }
    }
    if let Some(t) = today(options) {
        cfg.today = t;
    }
    if field(options, "checks").is_some() {
        cfg.checks = checks(options, None);
    }
    if field(options, "values").is_some() {
        cfg.values = values(options);
    }
    // The profile is found again from the new settings.
    cfg.protocol = std::cell::OnceCell::new();
    cfg
}

/// A sede given as an option, when instrada knows it (its calendar or a profile); otherwise the integrator is
/// told on the console and the national calendar is used (the person never sees the id).
fn known_sede(sede: Option<String>) -> Option<String> {
    let sede = sede.map(|s| s.trim().to_ascii_lowercase())?;
    // A sede of a profile a portal loaded may have no calendar of its own: still a sede.
    // While the profiles' file is on its way the sede is kept: it cannot be checked yet.
    if crate::calendar::Calendar::for_sede(&sede).is_some()
        || crate::catalog::data::absence().is_some()
        || crate::catalog::profile::profiles()
            .iter()
            .any(|p| p.sede(&sede).is_some())
    {
        return Some(sede);
    }
    warn(&format!(
        "the sede \"{}\" is not one instrada knows (the integrator's guide lists them); the dates use the national calendar.",
        dates::clip(&sede)
    ));
    None
}

/// `options.values`: `{ field: { portalValue: instradaValue } }`, as (field, portal value,
/// instrada value). Names of fields instrada does not know, and values that are not text,
/// are left out with one console warning each.
fn values(options: &JsValue) -> Vec<(String, String, String)> {
    let mut out = Vec::new();
    let Some(obj) = field(options, "values").filter(JsValue::is_object) else {
        if field(options, "values").is_some() {
            warn("options.values must be an object such as { gestione: { DM: \"aziende-dm\" } }; it was ignored.");
        }
        return out;
    };
    let Ok(fields) = js_sys::Reflect::own_keys(&obj) else {
        return out;
    };
    for name in fields.iter().filter_map(|k| k.as_string()) {
        let Some(info) = crate::vocabulary::field_info(&name) else {
            warn(&format!(
                "options.values names a field instrada does not know (\"{}\"); it was ignored.",
                dates::clip(&name)
            ));
            continue;
        };
        let Some(map) = field(&obj, &name).filter(JsValue::is_object) else {
            continue;
        };
        let Ok(keys) = js_sys::Reflect::own_keys(&map) else {
            continue;
        };
        for key in keys.iter().filter_map(|k| k.as_string()) {
            match field(&map, &key).and_then(|v| v.as_string()) {
                Some(target) => out.push((info.name.to_string(), key, target)),
                None => warn(&format!(
                    "options.values.{}[\"{}\"] must be text (an instrada value); it was ignored.",
                    info.name,
                    dates::clip(&key)
                )),
            }
        }
    }
    out
}

/// `action` and `method` of `mount`'s options.
pub(crate) fn mount_extras(options: &JsValue) -> MountExtras {
    MountExtras {
        action: text(options, "action"),
        method: text(options, "method"),
    }
}

/// `options[name]` as non-empty text.
fn text(options: &JsValue, name: &str) -> Option<String> {
    field(options, name)
        .and_then(|v| v.as_string())
        .filter(|s| !s.trim().is_empty())
}

fn field(options: &JsValue, name: &str) -> Option<JsValue> {
    if !options.is_object() {
        return None;
    }
    js_sys::Reflect::get(options, &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

/// `options.today`: a `YYYY-MM-DD` (or `DD/MM/YYYY`) string, or a `Date`.
fn today(options: &JsValue) -> Option<NaiveDate> {
    let value = field(options, "today")?;
    if let Some(date) = value.dyn_ref::<js_sys::Date>() {
        let d = NaiveDate::from_ymd_opt(
            date.get_full_year() as i32,
            date.get_month() + 1,
            date.get_date(),
        );
        if d.is_none() {
            warn("options.today is an invalid Date; the browser's date is used.");
        }
        return d;
    }
    let parsed = value
        .as_string()
        .and_then(|s| dates::parse_date(&s, crate::field::Field::input("today"), Lang::En).ok());
    if parsed.is_none() {
        warn("options.today must be a date written YYYY-MM-DD or a Date; the browser's date is used.");
    }
    parsed
}

/// Today by the browser's clock, in the person's time zone. Only the widget reads the clock:
/// the core always receives the date as a parameter.
fn browser_today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    .unwrap_or_default()
}

/// `options.checks` (`{ codiceFiscale, picker, review, channel, timeline }`, each true by
/// default), or the form's `data-instrada-checks` (the names of the checks that are on,
/// separated by spaces).
fn checks(options: &JsValue, attr: Option<String>) -> Checks {
    let mut c = Checks::default();
    type Slot = fn(&mut Checks) -> &mut bool;
    let names: [(&str, Slot); 5] = [
        ("codiceFiscale", |c| &mut c.codice_fiscale),
        ("picker", |c| &mut c.picker),
        ("review", |c| &mut c.review),
        ("channel", |c| &mut c.channel),
        ("timeline", |c| &mut c.timeline),
    ];
    if let Some(obj) = field(options, "checks") {
        for (name, slot) in names {
            if let Some(on) = field(&obj, name).and_then(|v| v.as_bool()) {
                *slot(&mut c) = on;
            }
        }
    } else if let Some(list) = attr {
        let on: Vec<String> = list
            .split_ascii_whitespace()
            .map(|s| s.to_ascii_lowercase())
            .collect();
        for (name, slot) in names {
            *slot(&mut c) = on.iter().any(|n| *n == name.to_ascii_lowercase());
        }
    }
    c
}
