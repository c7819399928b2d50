//! The subject line of an e-mail to INPS: what it must hold (Milano §2: "SEMPRE e IN OGNI
//! CASO" the contributor's codice fiscale, the gestione and a short content; Torino §2.5 the
//! same; Siena: matricola and/or codice fiscale and the problem; Milano DURC box: the
//! requester's codice fiscale), and composing one that does.

use crate::field::{Field, FormField};
use serde::Deserialize;

use crate::catalog::profile::{Gestione, SubjectPart};
use crate::dates::clip;
use crate::finding::{Finding, Lang, Source};
use crate::text::fold_words;

/// Longest useful content in a composed subject, in characters.
const MAX_CONTENT: usize = 120;

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
        Some(stem) => padded.contains(&format!(" {stem}")),
        None => padded.contains(&format!(" {word} ")),
    }
}

/// The gestioni a text names.
pub fn gestioni_named(padded: &str) -> Vec<Gestione> {
    Gestione::ALL
        .into_iter()
        .filter(|g| g.subject_words().iter().any(|w| has_word(padded, w)))
        .collect()
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
    let gestione_words: Vec<&str> = Gestione::ALL
        .iter()
        .flat_map(|g| g.subject_words().iter().copied())
        .collect();
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
    let err = |code: &'static str, it: String, en: String| {
        Finding::error(code, lang.pick(it, en))
            .field(FormField::OggettoEmail)
            .source(source.clone())
    };
    if subject.is_empty() {
        out.push(err(
            "review.subject-missing",
            format!(
                "Scrivi l'oggetto dell'e-mail: deve contenere {}.",
                describe(parts, Lang::It)
            ),
            format!(
                "Write the e-mail subject: it must hold {}.",
                describe(parts, Lang::En)
            ),
        ));
        return out;
    }
    let found = ids(subject);
    let padded = format!(" {} ", fold_words(subject));
    for part in parts {
        match part {
            SubjectPart::CodiceFiscale => {
                if found.cf.is_empty() {
                    out.push(match found.bad_cf.first() {
                        Some(bad) => err(
                            "review.subject-cf-invalid",
                            format!("Il codice fiscale nell'oggetto, {}, non supera il controllo: correggilo (16 caratteri o 11 cifre).", clip(bad)),
                            format!("The codice fiscale in the subject, {}, fails its check: correct it (16 characters or 11 digits).", clip(bad)),
                        ),
                        None => err(
                            "review.subject-cf-missing",
                            "Scrivi nell'oggetto il codice fiscale del contribuente.".into(),
                            "Put the contributor's codice fiscale in the subject.".into(),
                        ),
                    });
                } else if let Some(cf) = cf.map(normalise_cf).filter(|c| crate::cf::is_valid(c)) {
                    if !found.cf.contains(&cf) {
                        out.push(
                            Finding::warning(
                                "review.subject-cf-different",
                                lang.pick(
                                    format!("Il codice fiscale nell'oggetto ({}) è diverso da quello del contribuente ({cf}): controlla quale è giusto.", found.cf.join(", ")),
                                    format!("The codice fiscale in the subject ({}) differs from the contributor's ({cf}): check which is right.", found.cf.join(", ")),
                                ),
                            )
                            .field(FormField::OggettoEmail)
                            .source(source.clone()),
                        );
                    }
                }
            }
            SubjectPart::CodiceFiscaleOMatricola => {
                if found.cf.is_empty() && found.matricola.is_empty() {
                    out.push(err(
                        "review.subject-id-missing",
                        "Scrivi nell'oggetto la matricola aziendale o il codice fiscale del contribuente.".into(),
                        "Put the matricola aziendale or the contributor's codice fiscale in the subject.".into(),
                    ));
                }
            }
            SubjectPart::Gestione => {
                let named = gestioni_named(&padded);
                if named.is_empty() {
                    out.push(err(
                        "review.subject-gestione-missing",
                        format!("Scrivi nell'oggetto la gestione previdenziale del contribuente (ad esempio «{}»).", gestione.unwrap_or(Gestione::Domestici).subject_label()),
                        format!("Put the contributor's gestione in the subject (for example “{}”).", gestione.unwrap_or(Gestione::Domestici).subject_label()),
                    ));
                } else if let Some(g) = gestione.filter(|g| !named.contains(g)) {
                    out.push(
                        Finding::warning(
                            "review.subject-gestione-other",
                            lang.pick(
                                format!("L'oggetto nomina la gestione «{}», ma la richiesta è per {}: correggi l'oggetto o la gestione.", named.iter().map(|n| n.subject_label()).collect::<Vec<_>>().join(", "), g.label(Lang::It)),
                                format!("The subject names “{}”, but the request is for {}: correct the subject or the gestione.", named.iter().map(|n| n.subject_label()).collect::<Vec<_>>().join(", "), g.label(Lang::En)),
                            ),
                        )
                        .field(FormField::OggettoEmail)
                        .source(source.clone()),
                    );
                }
            }
            SubjectPart::Contenuto => {
                if content_words(&padded) == 0 {
                    out.push(err(
                        "review.subject-content-missing",
                        "Aggiungi all'oggetto il contenuto sintetico della richiesta (ad esempio «sollecito rimborso», «contestazione avviso bonario»).".into(),
                        "Add a short statement of the request to the subject (for example “sollecito rimborso”, “contestazione avviso bonario”).".into(),
                    ));
                }
            }
        }
    }
    if let Some(prefix) = prefix {
        if !fold_words(subject).starts_with(&fold_words(prefix)) {
            out.push(
                Finding::warning(
                    "review.subject-prefix",
                    lang.pick(
                        format!("Inizia l'oggetto con «{prefix}»."),
                        format!("Start the subject with “{prefix}”."),
                    ),
                )
                .field(FormField::OggettoEmail)
                .source(source.clone()),
            );
        }
    }
    if subject.chars().count() > 250 {
        out.push(
            Finding::warning(
                "review.subject-long",
                lang.pick(
                    "L'oggetto è molto lungo: tienilo breve (codice fiscale, gestione, contenuto) e metti i dettagli nel testo.",
                    "The subject is very long: keep it short (codice fiscale, gestione, content) and put the details in the body.",
                ),
            )
            .field(FormField::OggettoEmail),
        );
    }
    out
}

fn describe(parts: &[SubjectPart], lang: Lang) -> String {
    let words: Vec<&str> = parts
        .iter()
        .map(|p| match (p, lang) {
            (SubjectPart::CodiceFiscale, Lang::It) => "il codice fiscale del contribuente",
            (SubjectPart::CodiceFiscale, Lang::En) => "the contributor's codice fiscale",
            (SubjectPart::CodiceFiscaleOMatricola, Lang::It) => {
                "la matricola aziendale o il codice fiscale"
            }
            (SubjectPart::CodiceFiscaleOMatricola, Lang::En) => {
                "the matricola aziendale or the codice fiscale"
            }
            (SubjectPart::Gestione, Lang::It) => "la gestione previdenziale",
            (SubjectPart::Gestione, Lang::En) => "the gestione",
            (SubjectPart::Contenuto, Lang::It) => "il contenuto sintetico della richiesta",
            (SubjectPart::Contenuto, Lang::En) => "a short statement of the request",
        })
        .collect();
    match lang {
        Lang::It => join(&words, " e "),
        Lang::En => join(&words, " and "),
    }
}

fn join(words: &[&str], last: &str) -> String {
    match words.split_last() {
        None => String::new(),
        Some((l, [])) => l.to_string(),
        Some((l, rest)) => format!("{}{last}{l}", rest.join(", ")),
    }
}

/// A codice fiscale as written in a subject: upper case, without spaces or separators.
pub fn normalise_cf(s: &str) -> String {
    s.chars()
        .filter(|c| !crate::text::is_ignorable_in_code(*c))
        .map(crate::text::upper_latin1)
        .collect()
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
    let mut findings = Vec::new();
    let mut parts: Vec<String> = Vec::new();
    let src = Source::new("002_16d6e432ed698fc3.txt", "2");
    match input
        .codice_fiscale
        .as_deref()
        .map(normalise_cf)
        .filter(|c| !c.is_empty())
    {
        Some(cf) if crate::cf::is_valid(&cf) => parts.push(cf),
        Some(cf) => {
            findings.push(
                Finding::error(
                    "subject.cf-invalid",
                    lang.pick(
                        format!("Il codice fiscale «{}» non supera il controllo: deve avere 16 caratteri o 11 cifre con il carattere di controllo giusto.", clip(&cf)),
                        format!("The codice fiscale “{}” fails its check: it must have 16 characters or 11 digits with the right check character.", clip(&cf)),
                    ),
                )
                .field(FormField::CodiceFiscale),
            );
            parts.push(cf.chars().take(16).collect());
        }
        None => findings.push(
            Finding::error(
                "subject.cf-missing",
                lang.pick(
                    "Inserisci il codice fiscale del contribuente.",
                    "Enter the contributor's codice fiscale.",
                ),
            )
            .field(FormField::CodiceFiscale)
            .source(src.clone()),
        ),
    }
    if let Some(m) = input
        .matricola
        .as_deref()
        .map(normalise_cf)
        .filter(|m| !m.is_empty())
    {
        if m.len() != 10 || !m.bytes().all(|b| b.is_ascii_digit()) {
            findings.push(
                Finding::warning(
                    "subject.matricola-format",
                    lang.pick(
                        format!("La matricola aziendale INPS ha 10 cifre: «{}» non ha questa forma, controllala.", clip(&m)),
                        format!("The INPS matricola aziendale has 10 digits: “{}” does not, check it.", clip(&m)),
                    ),
                )
                .field(FormField::Matricola),
            );
        }
        parts.push(format!(
            "matricola {}",
            m.chars().take(20).collect::<String>()
        ));
    }
    match input
        .gestione
        .as_deref()
        .map(str::trim)
        .filter(|g| !g.is_empty())
    {
        Some(g) => match Gestione::parse(g) {
            Some(g) => parts.push(g.subject_label().to_string()),
            None => findings.push(
                Finding::error(
                    "subject.unknown-gestione",
                    lang.pick(
                        format!(
                            "La gestione «{}» non è tra quelle previste: usa una tra {}.",
                            clip(g),
                            Gestione::ALL.map(|g| g.id()).join(", ")
                        ),
                        format!(
                            "The gestione “{}” is not a known one: use one of {}.",
                            clip(g),
                            Gestione::ALL.map(|g| g.id()).join(", ")
                        ),
                    ),
                )
                .field(FormField::Gestione),
            ),
        },
        None => findings.push(
            Finding::error(
                "subject.gestione-missing",
                lang.pick(
                    "Scegli la gestione previdenziale del contribuente.",
                    "Choose the contributor's gestione.",
                ),
            )
            .field(FormField::Gestione)
            .source(src.clone()),
        ),
    }
    let content: String = input
        .content
        .as_deref()
        .unwrap_or("")
        .split(|c: char| c.is_whitespace() || c.is_control())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    if content.is_empty() {
        findings.push(
            Finding::error(
                "subject.content-missing",
                lang.pick(
                    "Scrivi in poche parole il contenuto della richiesta (ad esempio «sollecito rimborso»).",
                    "Write the content of the request in a few words (for example “sollecito rimborso”).",
                ),
            )
            .field(Field::input("content"))
            .source(src),
        );
    } else if content.chars().count() > MAX_CONTENT {
        let mut cut: String = content.chars().take(MAX_CONTENT).collect();
        if let Some(i) = cut.rfind(' ') {
            cut.truncate(i);
        }
        cut.push('…');
        findings.push(
            Finding::info(
                "subject.content-shortened",
                lang.pick(
                    format!("Il contenuto è stato accorciato a {MAX_CONTENT} caratteri: metti i dettagli nel testo dell'e-mail."),
                    format!("The content was shortened to {MAX_CONTENT} characters: put the details in the e-mail body."),
                ),
            )
            .field(Field::input("content")),
        );
        parts.push(cut);
    } else {
        parts.push(content);
    }
    Composed {
        ok: !findings.iter().any(Finding::is_error),
        subject: parts.join(" - "),
        findings,
    }
}
