//! From the form's values to findings and guidance, by calling the pure core directly (not
//! through the JavaScript bindings). No DOM here: this file is the widget's only link to the
//! rules, so what the widget shows is exactly what the core says.

use chrono::NaiveDate;

use crate::catalog::profile::Profile;
use crate::catalog::titolario::Titolario;
use crate::cf::{self, CheckOptions};
use crate::dates;
use crate::finding::{Finding, Lang, Severity};
use crate::suggest::Suggestion;

use super::fields::Kind;
use super::i18n;
use super::panel::{ChannelView, TimelineView};
use super::request;

/// Which groups of checks are on (all by default). A portal that only wants the codice
/// fiscale checked passes `checks: { picker: false, review: false, channel: false,
/// timeline: false }`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Checks {
    /// The codice fiscale (and matricola) checks and the decoded data.
    pub(crate) codice_fiscale: bool,
    /// The object picker and the check that the object is in the titolario.
    pub(crate) picker: bool,
    /// The review of the request (generic object misuse, subject, mailboxes).
    pub(crate) review: bool,
    /// The channel advice.
    pub(crate) channel: bool,
    /// The response dates and the .ics download.
    pub(crate) timeline: bool,
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

/// The widget's settings, read once at attach time.
#[derive(Clone, Debug)]
pub(crate) struct Config {
    pub(crate) lang: Lang,
    /// "Today": from the options, or the browser's clock (the core never reads it).
    pub(crate) today: NaiveDate,
    /// The protocol profile's id as given (`milano`, `torino`, `siena`, `emilia-romagna`).
    pub(crate) profile: Option<String>,
    /// The profile itself, found from the id or from the sede at first use (reading the
    /// profiles takes tens of milliseconds: not while the page starts).
    pub(crate) protocol: std::cell::OnceCell<Option<&'static Profile>>,
    /// A sede of the profile, for its local closures and its mailboxes.
    pub(crate) sede: Option<String>,
    /// The label of the .ics events' titles (the portal's practice number), when given.
    pub(crate) label: Option<String>,
    pub(crate) checks: Checks,
    /// The portal's own values mapped onto instrada's (`options.values`): (field, portal
    /// value, instrada value).
    pub(crate) values: Vec<(String, String, String)>,
}

impl Config {
    /// The instrada value the `values` option gives for a portal's value of `field`: the
    /// exact value first, then without case and surrounding spaces.
    pub(crate) fn mapped(&self, field: &str, portal: &str) -> Option<&str> {
        let of_field = || self.values.iter().filter(move |(f, _, _)| f == field);
        of_field()
            .find(|(_, p, _)| p == portal)
            .or_else(|| of_field().find(|(_, p, _)| p.trim().eq_ignore_ascii_case(portal.trim())))
            .map(|(_, _, v)| v.as_str())
    }

    /// The profile's sedi, as (id, name): what a `sede` field lists, and the names messages
    /// use for them.
    pub(crate) fn sedi(&self) -> Vec<(String, String)> {
        self.protocol()
            .map(|p| {
                p.sedi
                    .iter()
                    .map(|s| (s.id.clone(), s.name.clone()))
                    .collect()
            })
            .unwrap_or_default()
    }

    /// The sede to use: the form's `sede` field when it names one, else the option.
    pub(crate) fn sede_of(&self, values: &Values) -> Option<String> {
        let own = values.get(Kind::Sede).trim();
        if values.has(Kind::Sede) && !own.is_empty() {
            Some(own.to_string())
        } else {
            self.sede.clone()
        }
    }

    /// The profile, found from the id or from the sede; `None` when neither names a known
    /// profile (the codice fiscale checks still run, and one console warning says so).
    pub(crate) fn protocol(&self) -> Option<&'static Profile> {
        *self.protocol.get_or_init(|| {
            let found = match (&self.profile, &self.sede) {
                (Some(id), _) => crate::catalog::profile::profile(id),
                (None, Some(s)) => crate::catalog::profile::profile_for_sede(s, self.today),
                (None, None) => None,
            };
            if found.is_none() && (self.profile.is_some() || self.sede.is_some()) {
                super::warn("the profile (or sede) is not one instrada knows; only the codice fiscale and the fields are checked.");
            }
            found
        })
    }
}

/// The form's values, one slot per [`Kind`], and which fields the form has.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Values {
    pub(crate) text: [String; Kind::COUNT],
    pub(crate) present: [bool; Kind::COUNT],
    pub(crate) required: [bool; Kind::COUNT],
    /// The field holds a portal value instrada does not know (its text is then empty): the
    /// checks that need it stay silent, and it is not "missing" either.
    pub(crate) unknown: [bool; Kind::COUNT],
}

impl Values {
    pub(crate) fn get(&self, kind: Kind) -> &str {
        self.text
            .get(kind.index())
            .map(String::as_str)
            .unwrap_or("")
    }
    pub(crate) fn has(&self, kind: Kind) -> bool {
        self.present.get(kind.index()).copied().unwrap_or(false)
    }
    fn required(&self, kind: Kind) -> bool {
        self.required.get(kind.index()).copied().unwrap_or(false)
    }
    pub(crate) fn unknown(&self, kind: Kind) -> bool {
        self.unknown.get(kind.index()).copied().unwrap_or(false)
    }
}

/// What the checks found and what the panels show.
#[derive(Debug, Default)]
pub(crate) struct Outcome {
    /// Every finding; each names its field.
    pub(crate) findings: Vec<Finding>,
    /// The decoded codice fiscale, as a sentence ("Nato il … a …").
    pub(crate) person: Option<String>,
    /// The titolario of the chosen cassetto (what the picker lists).
    pub(crate) titolario: Option<&'static Titolario>,
    /// Why the profile's own list is not the one shown, when it is not.
    pub(crate) titolario_note: Option<String>,
    /// Objects the description points to, best first.
    pub(crate) suggestions: Vec<Suggestion>,
    /// The day the request is sent (the `data-invio` field, or today).
    pub(crate) sent: NaiveDate,
    /// The channel advice for the chosen gestione.
    pub(crate) channel: Option<ChannelView>,
    /// The dates INPS must answer by.
    pub(crate) timeline: Option<TimelineView>,
    /// The channel is an e-mail (institutional or PEC): a mounted form shows its subject and
    /// recipient fields.
    pub(crate) mail: bool,
    /// Every mailbox of the route, the sede's own first (a mounted form lists them in the
    /// recipient field).
    pub(crate) addresses: Vec<String>,
}

impl Outcome {
    /// Whether any finding is an error (only errors block a submission).
    pub(crate) fn has_errors(&self) -> bool {
        self.findings.iter().any(Finding::is_error)
    }
}

/// The last suggestions and review, and what they were computed from: typing in a field
/// they do not read does not recompute them.
#[derive(Debug, Default)]
pub(crate) struct Memo {
    pub(crate) suggest_key: Option<(&'static str, String, NaiveDate)>,
    pub(crate) suggestions: Vec<Suggestion>,
    pub(crate) request_key: Vec<String>,
    pub(crate) request: request::Computed,
}

/// Runs every check that is on over `values`; `live` while the person types (see
/// `request::evaluate`).
pub(crate) fn evaluate(cfg: &Config, values: &Values, live: bool, memo: &mut Memo) -> Outcome {
    let mut out = Outcome::default();
    let lang = cfg.lang;
    for kind in Kind::ALL {
        if values.has(kind)
            && values.required(kind)
            && !values.unknown(kind)
            && values.get(kind).trim().is_empty()
        {
            out.findings
                .push(Finding::error("field.required", i18n::required(kind, lang)).field(kind));
        }
    }
    if cfg.checks.codice_fiscale {
        codice_fiscale(cfg, values, &mut out);
    }
    let sent = sending_date(cfg, values, &mut out.findings);
    out.sent = sent;
    let mut dated = vec![Kind::DataRichiesta, Kind::DataPrimaRichiesta];
    if !cfg.checks.codice_fiscale {
        // With the codice fiscale checks on, the cross-check reads the birth date.
        dated.push(Kind::DataNascita);
    }
    for kind in dated {
        let text = values.get(kind);
        if values.has(kind) && !text.trim().is_empty() {
            if let Err(f) = dates::parse_date(text, kind, lang) {
                out.findings.push(f);
            }
        }
    }
    request::evaluate(cfg, values, sent, live, memo, &mut out);
    let sede = values.get(Kind::Sede).trim();
    if values.has(Kind::Sede) && !sede.is_empty() && cfg.checks.timeline {
        out.findings
            .push(request::calendar_of(sede, lang).field(Kind::Sede));
    }
    // One message per failure: when the core says more precisely what an empty field needs
    // ("Scegli l'oggetto … dal menu del cassetto", with a proposal), its words replace the
    // generic "required" message.
    let precise: Vec<crate::field::Field> = out
        .findings
        .iter()
        .filter(|f| f.is_error() && f.code != "field.required")
        .filter_map(|f| f.field.clone())
        .collect();
    out.findings.retain(|f| {
        f.code != "field.required" || !f.field.as_ref().is_some_and(|x| precise.contains(x))
    });
    out
}

/// The codice fiscale: every problem (with the fixes the core proposes), the offer to write
/// it as read, the decoded person as live guidance, and the cross-check with the person's
/// other fields when the form has them; then the matricola.
fn codice_fiscale(cfg: &Config, values: &Values, out: &mut Outcome) {
    let lang = cfg.lang;
    let typed = values.get(Kind::CodiceFiscale);
    let options = CheckOptions {
        today: Some(cfg.today),
        lang,
    };
    if values.has(Kind::CodiceFiscale) && !typed.trim().is_empty() {
        let other = |k: Kind| {
            Some(values.get(k).to_string()).filter(|v| values.has(k) && !v.trim().is_empty())
        };
        let fields = cf::Fields {
            surname: other(Kind::Cognome),
            name: other(Kind::Nome),
            birth_date: other(Kind::DataNascita),
            sex: other(Kind::Sesso),
            place_code: None,
            place_name: other(Kind::LuogoNascita),
        };
        // The form's fields also rank the corrections offered for a wrong code.
        let report = cf::check_with(typed, &options, &fields);
        if report
            .person
            .as_ref()
            .is_some_and(|p| p.place_name.is_none())
        {
            // Checked without the list of places: have it come now, not at the next idle.
            super::fetch_places();
        }
        let valid = report.valid();
        let described_person = valid.then(|| described(&report, lang));
        for mut f in report.findings {
            // Guidance on a code still being typed ("read as RSS…" at every keystroke) would
            // be read out by screen readers again and again: infos wait for a valid code.
            if f.severity == Severity::Info && !valid {
                continue;
            }
            if f.field.is_none() {
                f.field = Some(Kind::CodiceFiscale.into());
            }
            // "Read as RSSMRA…": offer to write it so, never do it unasked.
            if f.code == "cf.normalized" && valid && f.suggestion.is_none() {
                f.suggestion = Some(report.normalized.clone());
            }
            out.findings.push(f);
        }
        out.person = described_person;
        if valid && fields != cf::Fields::default() {
            out.findings
                .extend(cf::cross_check(typed, &fields, &options));
        }
    }
    let matricola = values.get(Kind::Matricola);
    if values.has(Kind::Matricola) && !matricola.trim().is_empty() {
        let report = cf::check_matricola(matricola, lang);
        for mut f in report.findings {
            f.field = Some(Kind::Matricola.into());
            if f.code.ends_with("normalized") && report.valid && f.suggestion.is_none() {
                f.suggestion = Some(report.normalized.clone());
            }
            out.findings.push(f);
        }
    }
}

/// What a valid code says: the person, or the kind of 11-digit code.
fn described(report: &cf::CfReport, lang: Lang) -> String {
    match (report.kind, &report.person) {
        (_, Some(p)) => person(p, lang),
        (Some(cf::Kind::Temporary), None) => lang
            .pick(
                "Codice fiscale provvisorio di una persona (11 cifre).",
                "A person's temporary codice fiscale (11 digits).",
            )
            .to_string(),
        _ => lang
            .pick(
                "Codice fiscale di un'azienda o di un ente (11 cifre, come la partita IVA).",
                "The codice fiscale of a company or an entity (11 digits, as its partita IVA).",
            )
            .to_string(),
    }
}

/// What a proposed codice fiscale means, shown next to its «Usa» before it is applied;
/// `None` when it is not a valid code.
pub(crate) fn meaning(code: &str, today: NaiveDate, lang: Lang) -> Option<String> {
    let options = CheckOptions {
        today: Some(today),
        lang,
    };
    let report = cf::check(code, &options);
    report.valid().then(|| described(&report, lang))
}

/// "Nato il 10/12/1985 a San Giuliano Terme (PI)." ("all'estero: Germania" for a foreign
/// state, which takes an article in Italian that the registry does not give).
fn person(p: &cf::Person, lang: Lang) -> String {
    let abroad = p.province.as_deref() == Some("EE");
    let place = match (&p.place_name, &p.province) {
        (Some(n), Some(pr)) if !abroad => format!("{n} ({pr})"),
        (Some(n), _) => n.clone(),
        // The registry's file has not arrived (the line is written again when it does), or
        // could not be had: the code, and why there is no name.
        (None, _) => match (cf::places::absence(), lang) {
            (Some(cf::places::Absence::Loading), Lang::It) => {
                format!("{} (nome del luogo in arrivo)", p.place_code)
            }
            (Some(cf::places::Absence::Loading), Lang::En) => {
                format!("{} (place name on its way)", p.place_code)
            }
            (_, Lang::It) => format!("{} (nome del luogo non disponibile)", p.place_code),
            (_, Lang::En) => format!("{} (place name unavailable)", p.place_code),
        },
    };
    let date = dates::human(p.birth_date, lang);
    let born = match (lang, p.sex) {
        (Lang::It, cf::Sex::M) => "Nato",
        (Lang::It, cf::Sex::F) => "Nata",
        (Lang::En, _) => "Born",
    };
    let mut s = match (lang, abroad) {
        (Lang::It, false) => format!("{born} il {date} a {place}."),
        (Lang::It, true) => format!("{born} il {date} all'estero: {place}."),
        (Lang::En, _) => format!("{born} on {date} in {place}."),
    };
    if lang == Lang::En {
        s.pop();
        s.push_str(if p.sex == cf::Sex::M {
            ", male."
        } else {
            ", female."
        });
    }
    if p.omocode {
        s.push_str(lang.pick(" Codice con omocodia.", " An omocodia code."));
    }
    s
}

/// The day the request is sent: the `data-invio` field, or today when the form has none or
/// it is empty (the timeline starts from there).
fn sending_date(cfg: &Config, values: &Values, findings: &mut Vec<Finding>) -> NaiveDate {
    let text = values.get(Kind::DataInvio);
    if !values.has(Kind::DataInvio) || text.trim().is_empty() {
        return cfg.today;
    }
    match dates::parse_date(text, Kind::DataInvio, cfg.lang) {
        Ok(d) => d,
        Err(f) => {
            findings.push(f);
            cfg.today
        }
    }
}
