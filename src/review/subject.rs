//! The subject line of an e-mail to INPS: what it must hold (Milano §2: "SEMPRE e IN OGNI
//! CASO" the contributor's codice fiscale, the gestione and a short content; Torino §2.5 the
//! same; Siena: matricola and/or codice fiscale and the problem; Milano DURC box: the
//! requester's codice fiscale), and composing one that does.

use super::messages::Problem;
use crate::text::Join;
use serde::Deserialize;

use crate::catalog::profile::{Gestione, SubjectPart};
use crate::finding::{Finding, Lang, Source};
use crate::text::fold_words;

use super::MAX_CONTENT;

/// The identifiers found in a text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Ids {
    /// Valid codici fiscali (upper case).
    pub cf: Vec<String>,
    /// Tokens shaped like a codice fiscale that fail its check.
    pub bad_cf: Vec<String>,
    /// Ten-digit tokens (matricola aziendale).
    pub matricola: Vec<String>,
}

/// Finds codici fiscali (16 characters or 11 digits) and matricole (10 digits) in a text.
pub fn ids(text: &str) -> Ids {
    let mut out = Ids::default();
    for token in text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|t| !t.is_empty())
        .take(2_000)
    {
        let digits = token.bytes().filter(u8::is_ascii_digit).count();
        let upper = token.to_ascii_uppercase();
        match token.len() {
            16 if digits > 0 || crate::cf::is_valid(&upper) => {
                if crate::cf::is_valid(&upper) {
                    out.cf.push(upper);
                } else {
                    out.bad_cf.push(upper);
                }
            }
            11 if digits == 11 => {
                if crate::cf::is_valid(token) {
                    out.cf.push(upper);
                } else {
                    out.bad_cf.push(upper);
                }
            }
            10 if digits == 10 => out.matricola.push(upper),
            _ => {}
        }
    }
    out
}

/// Whether the folded, space-padded text holds `word` (a trailing `*` accepts any ending).
pub fn has_word(padded: &str, word: &str) -> bool {
    match word.strip_suffix('*') {
        Some(stem) => crate::text::contains(padded, &format!(" {stem}")),
        None => crate::text::contains(padded, &format!(" {word} ")),
    }
}

/// The gestioni a text names.
pub fn gestioni_named(padded: &str) -> Vec<Gestione> {
    // Loops, not iterator chains collected, in this file: one copy less of each adapter in
    // the module (issue 15).
    let mut named = Vec::new();
    for g in Gestione::ALL {
        if g.subject_words().iter().any(|w| has_word(padded, w)) {
            named.push(g);
        }
    }
    named
}

/// Words that say nothing about the content.
const FILLER: [&str; 21] = [
    "codice",
    "fiscale",
    "matricola",
    "matr",
    "gestione",
    "inps",
    "oggetto",
    "fwd",
    "rif",
    "del",
    "della",
    "per",
    "lavoratori",
    "lavoratore",
    "datori",
    "datore",
    "lavoro",
    "aziende",
    "azienda",
    "dipendenti",
    "contribuente",
];

/// How many words of content a subject has once identifiers and gestione are set aside.
pub fn content_words(padded: &str) -> usize {
    let mut gestione_words: Vec<&str> = Vec::new();
    for g in Gestione::ALL {
        gestione_words.extend_from_slice(g.subject_words());
    }
    padded
        .split(' ')
        .filter(|w| w.len() >= 3 && !w.bytes().any(|b| b.is_ascii_digit()))
        .filter(|w| !FILLER.contains(w))
        .filter(|w| {
            !gestione_words.iter().any(|g| {
                g.trim_end_matches('*') == *w
                    || (g.ends_with('*') && w.starts_with(g.trim_end_matches('*')))
            })
        })
        .count()
}

/// Checks a subject line against what the rule asks. `cf` is the draft's codice fiscale,
/// when given; `gestione` the draft's.
pub fn check(
    subject: &str,
    parts: &[SubjectPart],
    prefix: Option<&str>,
    cf: Option<&str>,
    gestione: Option<Gestione>,
    source: &Source,
    lang: Lang,
) -> Vec<Finding> {
    let mut out = Vec::new();
    let subject = subject.trim();
    if parts.is_empty() && prefix.is_none() {
        return out;
    }
    let err = |p: Problem| p.finding(lang).source(source.clone());
    if subject.is_empty() {
        out.push(err(Problem::SubjectMissing { parts }));
        return out;
    }
    let found = ids(subject);
    let padded = format!(" {} ", fold_words(subject));
    for part in parts {
        match part {
            SubjectPart::CodiceFiscale => {
                if found.cf.is_empty() {
                    out.push(match found.bad_cf.first() {
                        Some(bad) => err(Problem::SubjectCfInvalid { cf: bad }),
                        None => err(Problem::SubjectCfMissing),
                    });
                } else if let Some(cf) = cf.map(normalise_cf).filter(|c| crate::cf::is_valid(c)) {
                    if !found.cf.contains(&cf) {
                        out.push(err(Problem::SubjectCfDifferent {
                            found: &found.cf.joined(", "),
                            cf: &cf,
                        }));
                    }
                }
            }
            SubjectPart::CodiceFiscaleOMatricola => {
                if found.cf.is_empty() && found.matricola.is_empty() {
                    out.push(err(Problem::SubjectIdMissing));
                }
            }
            SubjectPart::Gestione => {
                let named = gestioni_named(&padded);
                if named.is_empty() {
                    out.push(err(Problem::SubjectGestioneMissing {
                        example: gestione.unwrap_or(Gestione::Domestici),
                    }));
                } else if let Some(g) = gestione.filter(|g| !named.contains(g)) {
                    let mut labels = Vec::new();
                    for n in &named {
                        labels.push(n.subject_label());
                    }
                    out.push(err(Problem::SubjectGestioneOther {
                        named: &labels.joined(", "),
                        gestione: g,
                    }));
                }
            }
            SubjectPart::Contenuto => {
                if content_words(&padded) == 0 {
                    out.push(err(Problem::SubjectContentMissing));
                }
            }
        }
    }
    if let Some(prefix) = prefix {
        if !fold_words(subject).starts_with(&fold_words(prefix)) {
            out.push(err(Problem::SubjectPrefix { prefix }));
        }
    }
    if subject.chars().count() > 250 {
        out.push(Problem::SubjectLong.finding(lang));
    }
    out
}

/// A codice fiscale as written in a subject: upper case, without spaces or separators.
pub fn normalise_cf(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if !crate::text::is_ignorable_in_code(c) {
            out.push(crate::text::upper_latin1(c));
        }
    }
    out
}

/// What [`compose_subject`] needs. Every field is optional text, so that a missing one is a
/// finding rather than a refusal.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct SubjectInput {
    /// The contributor's codice fiscale.
    pub codice_fiscale: Option<String>,
    /// The gestione id (`"domestici"`).
    pub gestione: Option<String>,
    /// What the request is about, in a few words.
    pub content: Option<String>,
    /// The matricola aziendale (aziende con dipendenti).
    pub matricola: Option<String>,
}

/// The answer of [`compose_subject`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Composed {
    /// Whether every required part was there.
    pub ok: bool,
    /// The subject, with what could be composed.
    pub subject: String,
    /// What is missing or was changed.
    pub findings: Vec<Finding>,
}

impl crate::wire::ToWire for Composed {
    fn write(&self, out: &mut crate::wire::Json) {
        out.begin_object();
        out.field_bool("ok", self.ok);
        out.field_str("subject", &self.subject);
        out.field_list("findings", &self.findings);
        out.end_object();
    }
}

/// Composes a subject line that holds what Milano §2 and Torino §2.5 ask: the codice
/// fiscale, the matricola when given, the gestione in the documents' words, and the
/// content, separated by " - ". The gestione label stays Italian (INPS staff read it);
/// `lang` is the language of the findings.
///
/// ```
/// use instrada::finding::Lang;
/// use instrada::review::{compose_subject, SubjectInput};
///
/// let c = compose_subject(
///     &SubjectInput {
///         codice_fiscale: Some("rssmra80a01h501u".into()),
///         gestione: Some("domestici".into()),
///         content: Some("  sollecito   rimborso ".into()),
///         matricola: None,
///     },
///     Lang::It,
/// );
/// assert_eq!(c.subject, "RSSMRA80A01H501U - Lavoratori domestici - sollecito rimborso");
/// assert!(c.ok);
/// ```
pub fn compose_subject(input: &SubjectInput, lang: Lang) -> Composed {
    let gestione = match input.gestione.as_deref().map(str::trim) {
        Some(g) if !g.is_empty() => Gestione::parse(g)
            .ok_or_else(|| Problem::ComposeUnknownGestione { gestione: g }.finding(lang)),
        _ => Err(Problem::ComposeGestioneMissing
            .finding(lang)
            .source(subject_source())),
    };
    compose(
        input.codice_fiscale.as_deref(),
        input.matricola.as_deref(),
        gestione,
        input.content.as_deref().unwrap_or(""),
        lang,
    )
}

/// Milano §2, where the parts of a subject are listed.
fn subject_source() -> Source {
    Source::new("002_16d6e432ed698fc3.txt", "2")
}

/// [`compose_subject`] over a typed gestione (or the finding that says why there is none):
/// the review composes from the gestione it holds, without writing it as text to read back.
pub(crate) fn compose(
    cf: Option<&str>,
    matricola: Option<&str>,
    gestione: Result<Gestione, Finding>,
    content: &str,
    lang: Lang,
) -> Composed {
    let mut findings = Vec::new();
    let mut parts: Vec<String> = Vec::new();
    match cf.map(normalise_cf).filter(|c| !c.is_empty()) {
        Some(cf) if crate::cf::is_valid(&cf) => parts.push(cf),
        Some(cf) => {
            findings.push(Problem::ComposeCfInvalid { cf: &cf }.finding(lang));
            parts.push(cf.chars().take(16).collect());
        }
        None => findings.push(
            Problem::ComposeCfMissing
                .finding(lang)
                .source(subject_source()),
        ),
    }
    if let Some(m) = matricola.map(normalise_cf).filter(|m| !m.is_empty()) {
        if m.len() != 10 || !m.bytes().all(|b| b.is_ascii_digit()) {
            findings.push(Problem::ComposeMatricolaFormat { matricola: &m }.finding(lang));
        }
        parts.push(format!(
            "matricola {}",
            m.chars().take(20).collect::<String>()
        ));
    }
    match gestione {
        Ok(g) => parts.push(g.subject_label().to_string()),
        Err(f) => findings.push(f),
    }
    let mut joined = String::new();
    for w in content.split(|c: char| c.is_whitespace() || c.is_control()) {
        if !w.is_empty() {
            if !joined.is_empty() {
                joined.push(' ');
            }
            joined.push_str(w);
        }
    }
    let content = joined;
    if content.is_empty() {
        findings.push(
            Problem::ComposeContentMissing
                .finding(lang)
                .source(subject_source()),
        );
    } else if content.chars().count() > MAX_CONTENT {
        let mut cut: String = content.chars().take(MAX_CONTENT).collect();
        if let Some(i) = crate::text::rfind_byte(&cut, b' ') {
            cut.truncate(i);
        }
        cut.push('…');
        findings.push(Problem::ComposeContentShortened.finding(lang));
        parts.push(cut);
    } else {
        parts.push(content);
    }
    Composed {
        ok: !findings.iter().any(Finding::is_error),
        subject: parts.joined(" - "),
        findings,
    }
}
