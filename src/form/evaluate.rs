//! From the form's values to findings and guidance, by calling the pure core directly (not
//! through the JavaScript bindings): what the widget shows is exactly what the core says.

use chrono::NaiveDate;

use crate::catalog::titolario::Titolario;
use crate::cf::{self, CheckOptions};
use crate::dates;
use crate::field::FormField as Kind;
use crate::finding::{Finding, Severity};
use crate::suggest::{self, Suggestion};

use super::config::{Config, Values};
use super::messages::{self, Problem};
use super::request::{self, Computed};
use super::view::{ChannelView, TimelineView};

/// How many objects the description may propose in the picker.
const SUGGESTIONS: usize = 5;

/// What the checks found and what the panels show.
#[derive(Debug, Default)]
pub struct Outcome {
    /// Every finding; each names its field.
    pub findings: Vec<Finding>,
    /// The decoded codice fiscale, as a sentence ("Nato il … a …").
    pub person: Option<String>,
    /// The titolario of the chosen cassetto (what the picker lists).
    pub titolario: Option<&'static Titolario>,
    /// Why the profile's own list is not the one shown, when it is not.
    pub titolario_note: Option<String>,
    /// Objects the description points to, best first.
    pub suggestions: Vec<Suggestion>,
    /// The day the request is sent (the `data-invio` field, or today).
    pub sent: NaiveDate,
    /// The channel advice for the chosen gestione.
    pub channel: Option<ChannelView>,
    /// The dates INPS must answer by.
    pub timeline: Option<TimelineView>,
    /// The channel is an e-mail (institutional or PEC): a mounted form shows its subject and
    /// recipient fields.
    pub mail: bool,
    /// Every mailbox of the route, the sede's own first (a mounted form lists them in the
    /// recipient field).
    pub addresses: Vec<String>,
}

impl Outcome {
    /// Whether any finding is an error (only errors block a submission).
    pub fn has_errors(&self) -> bool {
        self.findings.iter().any(Finding::is_error)
    }
}

/// The last suggestions and review, and what they were computed from: typing in a field
/// they do not read does not recompute them.
#[derive(Debug, Default)]
pub struct Memo {
    suggest_key: Option<(&'static str, String, NaiveDate)>,
    suggestions: Vec<Suggestion>,
    request_key: Vec<String>,
    request: Computed,
}

/// Runs every check that is on over `values`. `live` while the person types: the review
/// and the dates of the last look then stand (see [`request_part`]).
pub fn evaluate(cfg: &Config, values: &Values, live: bool, memo: &mut Memo) -> Outcome {
    let mut out = Outcome::default();
    let lang = cfg.lang;
    for kind in Kind::ALL {
        if values.has(kind)
            && values.required(kind)
            && !values.unknown(kind)
            && values.get(kind).trim().is_empty()
        {
            out.findings.push(Problem::Required(kind).finding(lang));
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
    request_part(cfg, values, sent, live, memo, &mut out);
    let sede = values.get(Kind::Sede).trim();
    if values.has(Kind::Sede) && !sede.is_empty() && cfg.checks.timeline {
        out.findings.push(request::calendar_of(sede, lang));
    }
    // One message per failure: when the core says more precisely what an empty field needs
    // ("Scegli l'oggetto … dal menu del cassetto", with a proposal), its words replace the
    // generic "required" message.
    // Loops, not iterator chains collected, in this file: one copy less of each adapter in
    // the module (issue 15).
    let mut precise: Vec<crate::field::Field> = Vec::new();
    for f in &out.findings {
        if f.is_error() && f.code != "field.required" {
            if let Some(x) = &f.field {
                precise.push(x.clone());
            }
        }
    }
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
        let valid = report.valid();
        let described_person = valid.then(|| messages::described(&report, lang));
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

/// What a proposed codice fiscale means, shown next to its «Usa» before it is applied;
/// `None` when it is not a valid code.
pub fn meaning(code: &str, cfg: &Config) -> Option<String> {
    let options = CheckOptions {
        today: Some(cfg.today),
        lang: cfg.lang,
    };
    let report = cf::check(code, &options);
    report
        .valid()
        .then(|| messages::described(&report, cfg.lang))
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

/// Adds the picker's titolario and suggestions, the review's findings, the channel and the
/// timeline to `out`. The review and the timeline are recomputed only when what they read
/// changed.
fn request_part(
    cfg: &Config,
    values: &Values,
    sent: NaiveDate,
    live: bool,
    memo: &mut Memo,
    out: &mut Outcome,
) {
    let gestione = values.get(Kind::Gestione).trim();
    // The protocols' data could not be had (a file of the package that failed): said once,
    // at the gestione, instead of a channel, an object and dates that never come.
    if !gestione.is_empty()
        && (cfg.checks.picker || cfg.checks.review || cfg.checks.channel || cfg.checks.timeline)
        && crate::catalog::data::absence() == Some(crate::catalog::data::Absence::Unavailable)
    {
        out.findings
            .push(Problem::CatalogUnavailable.finding(cfg.lang));
        return;
    }
    if !gestione.is_empty() && (cfg.checks.picker || cfg.checks.review) {
        let (t, note) = request::titolario_for(cfg, gestione);
        out.titolario = t;
        // With the review on, its own finding says which list is shown and why.
        if cfg.protocol().is_none() || !cfg.checks.review {
            out.titolario_note = note;
        }
        if let Some(t) = t {
            let key = (
                t.id.as_str(),
                values.get(Kind::Descrizione).to_string(),
                sent,
            );
            if memo.suggest_key.as_ref() != Some(&key) {
                memo.suggestions = suggest::suggest(t, &key.1, Some(sent), SUGGESTIONS);
                memo.suggest_key = Some(key);
            }
            out.suggestions = memo.suggestions.clone();
        }
    }
    // The channel, the review and the dates need the gestione (and a kind instrada knows);
    // until then the profile is not even read (it takes a while, and the page is starting).
    if gestione.is_empty()
        || values.unknown(Kind::Tipo)
        || !(cfg.checks.review || cfg.checks.channel || cfg.checks.timeline)
        || cfg.protocol().is_none()
    {
        return;
    }
    let mut key: Vec<String> = Vec::new();
    for k in Kind::ALL {
        if !matches!(
            k,
            Kind::Cognome | Kind::Nome | Kind::DataNascita | Kind::Sesso | Kind::LuogoNascita
        ) {
            key.push(if values.has(k) {
                values.get(k).to_string()
            } else {
                "\u{0}".into()
            });
        }
    }
    key.push(dates::iso(sent));
    // While the person types, the review and the dates of the last look stand (their
    // messages only change when a field is left, and the panels follow at once then): the
    // review reads every field and is the costly part of a keystroke.
    let reuse = live && !memo.request_key.is_empty();
    if !reuse && memo.request_key != key {
        memo.request = request::compute(cfg, values, sent);
        memo.request_key = key;
    }
    let c = &memo.request;
    out.findings.extend(c.findings.iter().cloned());
    // Which list the picker shows, and why, is the picker's to say, behind its «Perché?»:
    // a reason, not something to act on (issue 14, "say less").
    if let Some(i) = out
        .findings
        .iter()
        .position(|f| f.code == "review.titolario-see-also")
    {
        out.titolario_note = Some(out.findings.remove(i).message);
    }
    out.channel = c.channel.clone();
    out.mail = c.mail;
    out.addresses = c.addresses.clone();
    out.timeline = c.timeline.clone();
}
