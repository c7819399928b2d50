//! From the form's values to findings and guidance, by calling the pure core directly (not
//! through the JavaScript bindings). No DOM here: this file is the widget's only link to the
//! rules, so what the widget shows is exactly what the core says.

use chrono::NaiveDate;

use crate::catalog::titolario::{self, Titolario};
use crate::cf::{self, CheckOptions};
use crate::dates;
use crate::finding::{Finding, Lang, Severity};
use crate::suggest::{self, Suggestion};

use super::fields::Kind;
use super::i18n;
use super::panel::{ChannelView, TimelineView};

/// How many objects the description may propose in the picker.
const SUGGESTIONS: usize = 5;

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
    /// A sede of the profile, for its local closures (the timeline's calendar).
    #[allow(dead_code)] // read by the timeline once `crate::timeline` is in the core
    pub(crate) sede: Option<String>,
    pub(crate) checks: Checks,
}

/// The form's values, one slot per [`Kind`], and which fields the form has.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Values {
    pub(crate) text: [String; Kind::COUNT],
    pub(crate) present: [bool; Kind::COUNT],
    pub(crate) required: [bool; Kind::COUNT],
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
}

impl Outcome {
    /// Whether any finding is an error (only errors block a submission).
    pub(crate) fn has_errors(&self) -> bool {
        self.findings.iter().any(Finding::is_error)
    }
}

/// The last suggestions and what they were computed from: typing in another field does not
/// recompute them.
#[derive(Debug, Default)]
pub(crate) struct Memo {
    key: Option<(&'static str, String, NaiveDate)>,
    suggestions: Vec<Suggestion>,
}

/// Runs every check that is on over `values`.
pub(crate) fn evaluate(cfg: &Config, values: &Values, memo: &mut Memo) -> Outcome {
    let mut out = Outcome::default();
    let lang = cfg.lang;
    for kind in Kind::ALL {
        if values.has(kind) && values.required(kind) && values.get(kind).trim().is_empty() {
            out.findings.push(
                Finding::error("field.required", i18n::required(kind, lang)).field(kind.name()),
            );
        }
    }
    if cfg.checks.codice_fiscale {
        codice_fiscale(cfg, values, &mut out);
    }
    let sent = sending_date(cfg, values, &mut out.findings);
    out.sent = sent;
    let mut dated = vec![Kind::DataRichiesta];
    if !cfg.checks.codice_fiscale {
        // With the codice fiscale checks on, the cross-check reads the birth date.
        dated.push(Kind::DataNascita);
    }
    for kind in dated {
        let text = values.get(kind);
        if values.has(kind) && !text.trim().is_empty() {
            if let Err(f) = dates::parse_date(text, kind.name(), lang) {
                out.findings.push(f);
            }
        }
    }
    if cfg.checks.picker || cfg.checks.review {
        objects(cfg, values, sent, memo, &mut out);
    }
    out
}

/// The codice fiscale: every problem (with the fixes the core proposes), the offer to write
/// it as read, the decoded person as live guidance, and the cross-check with the person's
/// other fields when the form has them; then the matricola.
fn codice_fiscale(cfg: &Config, values: &Values, out: &mut Outcome) {
    let lang = cfg.lang;
    let name = Kind::CodiceFiscale.name();
    let typed = values.get(Kind::CodiceFiscale);
    let options = CheckOptions {
        today: Some(cfg.today),
        lang,
    };
    if values.has(Kind::CodiceFiscale) && !typed.trim().is_empty() {
        let report = cf::check(typed, &options);
        let valid = report.valid();
        for mut f in report.findings {
            // Guidance on a code still being typed ("read as RSS…" at every keystroke) would
            // be read out by screen readers again and again: infos wait for a valid code.
            if f.severity == Severity::Info && !valid {
                continue;
            }
            if f.field.is_none() {
                f.field = Some(name.to_string());
            }
            // "Read as RSSMRA…": offer to write it so, never do it unasked.
            if f.code == "cf.normalized" && valid && f.suggestion.is_none() {
                f.suggestion = Some(report.normalized.clone());
            }
            out.findings.push(f);
        }
        if valid {
            out.person = Some(match (report.kind, &report.person) {
                (_, Some(p)) => person(p, lang),
                (Some(cf::Kind::Temporary), None) => lang
                    .pick("Codice fiscale provvisorio di una persona (11 cifre).", "A person's temporary codice fiscale (11 digits).")
                    .to_string(),
                _ => lang
                    .pick("Codice fiscale di un'azienda o di un ente (11 cifre, come la partita IVA).", "The codice fiscale of a company or an entity (11 digits, as its partita IVA).")
                    .to_string(),
            });
        }
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
        if valid && fields != cf::Fields::default() {
            out.findings
                .extend(cf::cross_check(typed, &fields, &options));
        }
    }
    let matricola = values.get(Kind::Matricola);
    if values.has(Kind::Matricola) && !matricola.trim().is_empty() {
        let report = cf::check_matricola(matricola, lang);
        for mut f in report.findings {
            f.field = Some(Kind::Matricola.name().to_string());
            if f.code.ends_with("normalized") && report.valid && f.suggestion.is_none() {
                f.suggestion = Some(report.normalized.clone());
            }
            out.findings.push(f);
        }
    }
}

/// "Nato il 10/12/1985 a San Giuliano Terme (PI)." ("all'estero: Germania" for a foreign
/// state, which takes an article in Italian that the registry does not give).
fn person(p: &cf::Person, lang: Lang) -> String {
    let abroad = p.province.as_deref() == Some("EE");
    let place = match (&p.place_name, &p.province) {
        (Some(n), Some(pr)) if !abroad => format!("{n} ({pr})"),
        (Some(n), _) => n.clone(),
        (None, _) => p.place_code.clone(),
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
    match dates::parse_date(text, Kind::DataInvio.name(), cfg.lang) {
        Ok(d) => d,
        Err(f) => {
            findings.push(f);
            cfg.today
        }
    }
}

/// Builds, ahead of time, the suggestion index of the titolario a cassetto would list.
pub(crate) fn warm(cfg: &Config, cassetto: &str) {
    if let (Some(t), _) = titolario_for(cfg.profile.as_deref(), cassetto, cfg.lang) {
        let _ = suggest::suggest(t, "avviso", None, 1);
    }
}

/// The gestioni a mounted form offers: (cassetto id, name in the language).
pub(crate) fn gestioni(cfg: &Config) -> Vec<(String, String)> {
    titolario::CASSETTI
        .iter()
        .map(|&id| {
            let (it, en) = match id {
                "aziende-dm" => (
                    "Aziende con dipendenti (DM)",
                    "Employers with employees (DM)",
                ),
                "committenti-gs" => (
                    "Committenti della Gestione separata",
                    "Gestione separata clients (committenti)",
                ),
                "liberi-professionisti" => (
                    "Liberi professionisti (Gestione separata)",
                    "Self-employed professionals (Gestione separata)",
                ),
                "artigiani-commercianti" => ("Artigiani e commercianti", "Craftsmen and traders"),
                _ => ("Gestione dipendenti pubblici", "Public employees (GDP)"),
            };
            (id.to_string(), cfg.lang.pick(it, en).to_string())
        })
        .collect()
}

/// The titolario a profile uses for a cassetto. Until the protocol profiles are in the
/// catalog, the profile's own list is the titolario of the cassetto whose id names the
/// profile's territory, else the cassetto's national list; a list the documents do not
/// reproduce falls back to its `see_also` (with a note saying so).
pub(crate) fn titolario_for(
    profile: Option<&str>,
    cassetto: &str,
    lang: Lang,
) -> (Option<&'static Titolario>, Option<String>) {
    let all = titolario::titolari();
    let territory = match profile.unwrap_or("") {
        "emilia-romagna" => "-er-",
        p => p,
    };
    let own = all
        .iter()
        .filter(|t| t.cassetto == cassetto)
        .find(|t| !territory.is_empty() && format!("{}-", t.id).contains(territory))
        .or_else(|| {
            all.iter()
                .find(|t| t.cassetto == cassetto && t.list_missing.is_none())
        })
        .or_else(|| all.iter().find(|t| t.cassetto == cassetto));
    let Some(own) = own else {
        return (None, None);
    };
    match (
        &own.list_missing,
        own.see_also.as_deref().and_then(titolario::titolario),
    ) {
        (Some(why), Some(other)) => {
            let why = match lang {
                Lang::It => why.clone(),
                Lang::En => own.list_missing_en.clone().unwrap_or_else(|| why.clone()),
            };
            let note = match lang {
                Lang::It => format!("{why} L'elenco mostrato è quello di «{}».", other.name),
                Lang::En => format!("{why} The list shown is “{}”.", other.name_en),
            };
            (Some(other), Some(note))
        }
        _ => (Some(own), None),
    }
}

/// The object picker's list, the suggestions from the description, and the checks on the
/// chosen object.
fn objects(cfg: &Config, values: &Values, sent: NaiveDate, memo: &mut Memo, out: &mut Outcome) {
    let cassetto = values.get(Kind::Gestione).trim();
    if cassetto.is_empty() {
        return;
    }
    let (t, note) = titolario_for(cfg.profile.as_deref(), cassetto, cfg.lang);
    let Some(t) = t else {
        return;
    };
    out.titolario = Some(t);
    out.titolario_note = note;
    let description = values.get(Kind::Descrizione);
    let key = (t.id.as_str(), description.to_string(), sent);
    if memo.key.as_ref() != Some(&key) {
        memo.suggestions = suggest::suggest(t, description, Some(sent), SUGGESTIONS);
        memo.key = Some(key);
    }
    out.suggestions = memo.suggestions.clone();

    let chosen = values.get(Kind::Oggetto).trim();
    if chosen.is_empty() {
        return;
    }
    let lang = cfg.lang;
    let Some(obj) = t.object(chosen) else {
        if cfg.checks.picker {
            out.findings.push(
                Finding::warning(
                    "oggetto.not-in-titolario",
                    match lang {
                        Lang::It => format!("«{}» non è un oggetto del titolario «{}»: scegli l'oggetto dall'elenco.", dates::clip(chosen), t.name),
                        Lang::En => format!("“{}” is not an object of the titolario “{}”: choose the object from the list.", dates::clip(chosen), t.name_en),
                    },
                )
                .field(Kind::Oggetto.name()),
            );
        }
        return;
    };
    if !obj.is_available(Some(sent)) && !obj.generic {
        let since = obj.removed.map(dates::it);
        out.findings.push(
            Finding::error(
                "oggetto.unavailable",
                match (lang, since) {
                    (Lang::It, Some(d)) => format!("L'oggetto «{}» non si può più scegliere dal {d}: scegli un altro oggetto del titolario.", obj.label),
                    (Lang::It, None) => format!("L'oggetto «{}» non è più nel titolario: scegli un altro oggetto.", obj.label),
                    (Lang::En, Some(d)) => format!("The object “{}” can no longer be chosen since {d}: choose another object of the titolario.", obj.label),
                    (Lang::En, None) => format!("The object “{}” is no longer in the titolario: choose another object.", obj.label),
                },
            )
            .field(Kind::Oggetto.name())
            .source(obj.source.clone()),
        );
    }
    if obj.generic && cfg.checks.review {
        generic_misuse(cfg, t, obj, &out.suggestions, &mut out.findings);
    }
}

/// The generic object ("Non Specificato", "altro") chosen where a specific one fits: say
/// which one, and that the response time is not guaranteed otherwise (Milano §2, Torino
/// §2.1, §2.2, §2.4). Eliminated generic objects (Emilia Romagna 2019) are an error.
fn generic_misuse(
    cfg: &Config,
    t: &Titolario,
    generic: &titolario::Oggetto,
    suggestions: &[Suggestion],
    findings: &mut Vec<Finding>,
) {
    let lang = cfg.lang;
    let best = suggestions.first();
    if !generic.is_available(None) {
        let mut message = match lang {
            Lang::It => format!("«{}» è eliminato dal titolario «{}»: scegli l'oggetto che corrisponde alla richiesta.", generic.label, t.name),
            Lang::En => format!("“{}” was eliminated from the titolario “{}”: choose the object that fits the request.", generic.label, t.name_en),
        };
        if let Some(best) = best {
            message.push_str(&match lang {
                Lang::It => format!(" Dalla descrizione: «{}» ({}).", best.label, best.classe),
                Lang::En => format!(" From the description: “{}” ({}).", best.label, best.classe),
            });
        }
        let mut f = Finding::error("oggetto.generic-eliminated", message)
            .field(Kind::Oggetto.name())
            .source(generic.source.clone());
        if let Some(best) = best {
            f = f.suggest(best.label.clone());
        }
        findings.push(f);
        return;
    }
    let Some(best) = best else {
        return;
    };
    let why = best.matched.first().map(String::as_str).unwrap_or("");
    let mut f = Finding::warning(
        "oggetto.generic-misused",
        match lang {
            Lang::It => format!(
                "Hai scelto «{}», ma la descrizione parla di «{why}»: usa l'oggetto «{}» ({}). Con «{}» la risposta non ha tempi garantiti.",
                generic.label, best.label, best.classe, generic.label
            ),
            Lang::En => format!(
                "You chose “{}”, but the description is about “{why}”: use the object “{}” ({}). With “{}” the answer has no guaranteed time.",
                generic.label, best.label_en, best.classe, generic.label
            ),
        },
    )
    .field(Kind::Oggetto.name())
    .suggest(best.label.clone())
    .source(generic.source.clone());
    if generic.source.document.is_empty() {
        f.source = None;
    }
    findings.push(f);
}

/// The timeline as an iCalendar file (empty when there are no dates).
pub(crate) fn ics(cfg: &Config, values: &Values) -> String {
    let _ = (cfg, values);
    String::new()
}
