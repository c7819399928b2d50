//! The form's settings ([`Config`], [`Checks`]) and its values ([`Values`]).

use chrono::NaiveDate;
use std::sync::Arc;

use crate::catalog::profile::Profile;
use crate::field::FormField;
use crate::finding::Lang;

/// Which groups of checks are on (all by default). A portal that only wants the codice
/// fiscale checked passes `checks: { picker: false, review: false, channel: false,
/// timeline: false }`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Checks {
    /// The codice fiscale (and matricola) checks and the decoded data.
    pub codice_fiscale: bool,
    /// The object picker and the check that the object is in the titolario.
    pub picker: bool,
    /// The review of the request (generic object misuse, subject, mailboxes).
    pub review: bool,
    /// The channel advice.
    pub channel: bool,
    /// The response dates and the .ics download.
    pub timeline: bool,
}

impl Default for Checks {
    fn default() -> Checks {
        Checks {
            codice_fiscale: true,
            picker: true,
            review: true,
            channel: true,
            timeline: true,
        }
    }
}

/// The form's settings (the widget reads them once at attach time).
#[derive(Clone, Debug)]
pub struct Config {
    pub lang: Lang,
    /// "Today": from the options, or the browser's clock (the core never reads it).
    pub today: NaiveDate,
    /// The protocol profile's id as given (`milano`, `torino`, `siena`, `emilia-romagna`).
    pub profile: Option<String>,
    /// The profile itself, found from the id or from the sede at first use (reading the
    /// profiles takes tens of milliseconds: not while the page starts).
    pub protocol: std::cell::OnceCell<Option<Arc<Profile>>>,
    /// A sede of the profile, for its local closures and its mailboxes.
    pub sede: Option<String>,
    /// The label of the .ics events' titles (the portal's practice number), when given.
    pub label: Option<String>,
    pub checks: Checks,
    /// The portal's own values mapped onto instrada's (`options.values`): (field, portal
    /// value, instrada value).
    pub values: Vec<(String, String, String)>,
    /// Where a note for the integrator goes (the widget: the console), e.g. that the profile
    /// is not one instrada knows. Never the person's data.
    pub notify: fn(&str),
}

impl Config {
    /// The settings of a form in `lang` on `today`, every check on, the national profile.
    pub fn new(lang: Lang, today: NaiveDate) -> Config {
        Config {
            lang,
            today,
            profile: Some(crate::catalog::profile::NATIONAL.to_string()),
            protocol: std::cell::OnceCell::new(),
            sede: None,
            label: None,
            checks: Checks::default(),
            values: Vec::new(),
            notify: |_| {},
        }
    }

    /// The instrada value the `values` option gives for a portal's value of `field`: the
    /// exact value first, then without case and surrounding spaces.
    pub fn mapped(&self, field: &str, portal: &str) -> Option<&str> {
        let of_field = || self.values.iter().filter(move |(f, _, _)| f == field);
        of_field()
            .find(|(_, p, _)| p == portal)
            .or_else(|| of_field().find(|(_, p, _)| p.trim().eq_ignore_ascii_case(portal.trim())))
            .map(|(_, _, v)| v.as_str())
    }

    /// The profile's sedi, as (id, name): what a `sede` field lists, and the names messages
    /// use for them.
    pub fn sedi(&self) -> Vec<(String, String)> {
        // Before the profiles' file arrives, the built-in profile's sedi as the module knows
        // them: a form lists them as soon as it is attached.
        if crate::catalog::data::absence().is_some() {
            return crate::catalog::data::sedi_of(self.profile.as_deref(), self.sede.as_deref());
        }
        // A loop, not map + collect: one copy less of the adapters in the module (issue 15).
        let mut out = Vec::new();
        if let Some(p) = self.protocol() {
            for s in &p.sedi {
                out.push((s.id.clone(), s.name.clone()));
            }
        }
        out
    }

    /// The sede to use: the form's `sede` field when it names one, else the option.
    pub fn sede_of(&self, values: &Values) -> Option<String> {
        let own = values.get(FormField::Sede).trim();
        if values.has(FormField::Sede) && !own.is_empty() {
            Some(own.to_string())
        } else {
            self.sede.clone()
        }
    }

    /// The profile, found from the id or from the sede; `None` when neither names a known
    /// profile (the codice fiscale checks still run, and one note to the integrator says so).
    pub fn protocol(&self) -> Option<&Profile> {
        // While the built-ins' file is on its way, not known yet (and not "unknown"): found
        // at the first call after it arrives.
        if crate::catalog::data::absence().is_some() {
            return None;
        }
        self.protocol
            .get_or_init(|| {
            let found = match (&self.profile, &self.sede) {
                (Some(id), _) => crate::catalog::profile::profile(id),
                (None, Some(s)) => crate::catalog::profile::profile_for_sede(s, self.today),
                (None, None) => None,
            };
            if found.is_none() && (self.profile.is_some() || self.sede.is_some()) {
                (self.notify)("the profile (or sede) is not one instrada knows; only the codice fiscale and the fields are checked.");
            }
            found
        })
            .as_deref()
    }
}

/// The form's values, one slot per [`FormField`], and which fields the form has.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Values {
    pub text: [String; FormField::COUNT],
    pub present: [bool; FormField::COUNT],
    pub required: [bool; FormField::COUNT],
    /// The field holds a portal value instrada does not know (its text is then empty): the
    /// checks that need it stay silent, and it is not "missing" either.
    pub unknown: [bool; FormField::COUNT],
}

impl Values {
    /// The field's text (empty when the form has no such field).
    pub fn get(&self, kind: FormField) -> &str {
        self.text
            .get(kind.index())
            .map(String::as_str)
            .unwrap_or("")
    }
    /// Whether the form has the field (and it is enabled).
    pub fn has(&self, kind: FormField) -> bool {
        self.present.get(kind.index()).copied().unwrap_or(false)
    }
    /// Whether the field is required.
    pub fn required(&self, kind: FormField) -> bool {
        self.required.get(kind.index()).copied().unwrap_or(false)
    }
    /// Whether the field holds a portal value instrada does not know.
    pub fn unknown(&self, kind: FormField) -> bool {
        self.unknown.get(kind.index()).copied().unwrap_or(false)
    }
    /// Sets a field the form has: its text, whether it is required, whether its value is
    /// one instrada does not know.
    pub fn set(&mut self, kind: FormField, text: String, required: bool, unknown: bool) {
        let i = kind.index();
        if let (Some(t), Some(p), Some(r), Some(u)) = (
            self.text.get_mut(i),
            self.present.get_mut(i),
            self.required.get_mut(i),
            self.unknown.get_mut(i),
        ) {
            *t = text;
            *p = true;
            *r = required;
            *u = unknown;
        }
    }
}
