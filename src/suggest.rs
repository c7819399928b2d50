//! Object suggestion: from the free-text description of a request ("Sollecito rimborso F24 a
//! credito mese di marzo"), the objects of a titolario that fit it, best first, each with the
//! words that matched.
//!
//! The knowledge is **data**: every object of `src/data/titolari/*.json` carries
//!
//! - `keywords`: words and phrases, matched on whole words of the text after folding
//!   (case, accents and punctuation with [`fold_words`]) and after dropping Italian
//!   articles and prepositions (so "avviso di addebito" matches "avvisi addebito*").
//!   In a keyword, spaces separate words, `*` ends a word prefix (`rimbors*` matches
//!   "rimborso" and "rimborsi") and `|` separates alternatives for one word
//!   (`rateizz*|dilazion* avvis*`). A keyword weighs [`WORD`] per word;
//! - `strong`: the same syntax, for distinctive words ("durc", "casco", "codeline"): each
//!   weighs [`STRONG`] more;
//! - `patterns`: regular expressions over the folded text with one space before and after
//!   it (so `" a1 "` is a whole word), ASCII only: the crate's `regex` is built without
//!   Unicode tables, so `(?-u)` is prefixed for you and `\b`, `\d`, `\w` are the ASCII
//!   classes. A pattern weighs [`PATTERN`]. Use them for co-occurrence
//!   (`rateizz.*bonari`) and codes (a cartella number).
//!
//! The words of the object's label count too, a little ([`LABEL`] per word stem), so that
//! typing the label itself finds the object. An object needs [`MIN_SCORE`] to be proposed.
//! Patterns are compiled once per titolario, at its first suggestion.
//!
//! Only the first [`MAX_SCAN_CHARS`] characters of the text are read: a description is a
//! few lines, and a pasted megabyte must not freeze the page.
//!
//! ```
//! use instrada::catalog::titolario::titolario;
//! use instrada::suggest::suggest;
//!
//! let er = titolario("aziende-dm-er-2019").unwrap();
//! let s = suggest(er, "Sollecito rimborso F24 a credito mese di marzo", None, 3);
//! assert_eq!(s[0].label, "Rimborsi/compensazioni DMP/RTP/DMVpassivi");
//! assert!(s[0].matched.iter().any(|m| m.contains("rimborso")));
//! ```

use chrono::NaiveDate;
use regex::Regex;
use serde::Serialize;

use crate::catalog::titolario::{Oggetto, TempoSoglia, Titolario};
use crate::text::fold_words;

/// Characters of the description that are read; the rest is ignored.
pub const MAX_SCAN_CHARS: usize = 20_000;
/// Weight of each word of a keyword.
pub const WORD: u32 = 10;
/// Extra weight of a `strong` keyword.
pub const STRONG: u32 = 15;
/// Weight of a pattern.
pub const PATTERN: u32 = 20;
/// Weight of each word stem of the object's label found in the text.
pub const LABEL: u32 = 4;
/// Least score for an object to be proposed.
pub const MIN_SCORE: u32 = 10;

/// One proposed object.
#[derive(Clone, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Suggestion {
    /// The object's id in the titolario.
    pub object: String,
    /// The object's label, as the document writes it.
    pub label: String,
    /// The object's English label.
    pub label_en: String,
    /// The label of its classe.
    pub classe: String,
    /// How well it fits: the sum of the weights of what matched. Comparable only within one
    /// call.
    pub score: u32,
    /// The words of the (folded) text that matched, most weighty first.
    pub matched: Vec<String>,
    /// The object's threshold, if the titolario gives one.
    pub tempo_soglia: Option<TempoSoglia>,
}

/// The objects of `t` that fit `text`, best first, at most `limit`.
///
/// The generic object ("Non Specificato", "altro") is never proposed: the point is to find
/// a specific one. Objects not available on `date` (see
/// [`Titolario::is_available`]; without a date, as the list stands) are not proposed either.
/// Empty text, or text with no word that points to an object, gives an empty list.
pub fn suggest(
    t: &Titolario,
    text: &str,
    date: Option<NaiveDate>,
    limit: usize,
) -> Vec<Suggestion> {
    if limit == 0 {
        return Vec::new();
    }
    let capped = match text.char_indices().nth(MAX_SCAN_CHARS) {
        Some((end, _)) => &text[..end],
        None => text,
    };
    let folded = fold_words(capped);
    if folded.is_empty() {
        return Vec::new();
    }
    let padded = format!(" {folded} ");
    let words: Vec<&str> = folded.split(' ').filter(|w| !is_stopword(w)).collect();
    let index = t.suggest_index.get_or_init(|| Index::build(t));

    let mut found: Vec<(usize, Suggestion)> = Vec::new();
    for (rank, entry) in index.entries.iter().enumerate() {
        let Some(obj) = t
            .classes
            .get(entry.classe)
            .and_then(|c| c.objects.get(entry.object))
        else {
            continue;
        };
        if !obj.is_available(date) {
            continue;
        }
        let (score, matched) = entry.score(&words, &padded);
        if score >= MIN_SCORE {
            found.push((rank, suggestion(obj, score, matched)));
        }
    }
    found.sort_by(|(ra, a), (rb, b)| b.score.cmp(&a.score).then(ra.cmp(rb)));
    found.into_iter().take(limit).map(|(_, s)| s).collect()
}

fn suggestion(obj: &Oggetto, score: u32, matched: Vec<String>) -> Suggestion {
    Suggestion {
        object: obj.id.clone(),
        label: obj.label.clone(),
        label_en: obj.label_en.clone(),
        classe: obj.classe.clone(),
        score,
        matched,
        tempo_soglia: obj.tempo_soglia,
    }
}

/// Italian articles, prepositions and conjunctions (folded), dropped from both the text and
/// the keywords before matching, plus "n"/"nr" of "n. 123".
fn is_stopword(w: &str) -> bool {
    matches!(
        w,
        "a" | "ad"
            | "al"
            | "alla"
            | "alle"
            | "allo"
            | "ai"
            | "agli"
            | "all"
            | "c"
            | "che"
            | "con"
            | "col"
            | "d"
            | "da"
            | "dal"
            | "dalla"
            | "dalle"
            | "dallo"
            | "dai"
            | "dagli"
            | "dall"
            | "del"
            | "della"
            | "delle"
            | "dello"
            | "dei"
            | "degli"
            | "dell"
            | "di"
            | "e"
            | "ed"
            | "il"
            | "in"
            | "l"
            | "la"
            | "le"
            | "lo"
            | "gli"
            | "i"
            | "nel"
            | "nella"
            | "nelle"
            | "nello"
            | "nei"
            | "negli"
            | "nell"
            | "o"
            | "per"
            | "su"
            | "sul"
            | "sulla"
            | "sulle"
            | "sui"
            | "un"
            | "una"
            | "uno"
            | "n"
            | "nr"
            | "num"
            | "tra"
            | "fra"
    )
}

/// Label words too common to tell objects apart.
fn is_weak_label_word(w: &str) -> bool {
    matches!(
        w,
        "richiesta"
            | "invio"
            | "altre"
            | "altro"
            | "dati"
            | "documento"
            | "legge"
            | "assunzione"
            | "art"
            | "etc"
            | "modello"
            | "aziende"
            | "gestione"
    )
}

/// One word of a keyword: alternatives, each a whole word or a prefix.
#[derive(Clone, Debug)]
struct Token {
    alts: Vec<(String, bool)>,
}

impl Token {
    fn matches(&self, word: &str) -> bool {
        self.alts.iter().any(|(a, prefix)| {
            if *prefix {
                word.starts_with(a.as_str())
            } else {
                word == a
            }
        })
    }
}

#[derive(Clone, Debug)]
struct Keyword {
    tokens: Vec<Token>,
    weight: u32,
}

#[derive(Clone, Debug)]
struct Entry {
    classe: usize,
    object: usize,
    keywords: Vec<Keyword>,
    patterns: Vec<Regex>,
    stems: Vec<String>,
}

/// The compiled suggestion data of one titolario (keywords split into words, patterns
/// compiled, label stems), built once and kept in the titolario.
#[derive(Clone, Debug, Default)]
pub struct Index {
    entries: Vec<Entry>,
}

impl Index {
    fn build(t: &Titolario) -> Index {
        let mut entries = Vec::new();
        for (ci, c) in t.classes.iter().enumerate() {
            for (oi, o) in c.objects.iter().enumerate() {
                if o.generic {
                    continue;
                }
                let mut keywords: Vec<Keyword> = o
                    .keywords
                    .iter()
                    .filter_map(|k| keyword(k, 0))
                    .chain(o.strong.iter().filter_map(|k| keyword(k, STRONG)))
                    .collect();
                // Longer phrases first, so that their words are claimed before single words.
                keywords.sort_by(|a, b| {
                    b.tokens
                        .len()
                        .cmp(&a.tokens.len())
                        .then(b.weight.cmp(&a.weight))
                });
                let patterns = o.patterns.iter().filter_map(|p| compile(p)).collect();
                entries.push(Entry {
                    classe: ci,
                    object: oi,
                    keywords,
                    patterns,
                    stems: stems(&o.label),
                });
            }
        }
        Index { entries }
    }
}

/// Compiles a pattern of the data (ASCII mode). A pattern that does not compile is left out;
/// the tests compile every pattern of the embedded data.
pub fn compile(pattern: &str) -> Option<Regex> {
    Regex::new(&format!("(?-u){pattern}")).ok()
}

fn keyword(text: &str, extra: u32) -> Option<Keyword> {
    let tokens: Vec<Token> = text
        .split_whitespace()
        .filter_map(|word| {
            let alts: Vec<(String, bool)> = word
                .split('|')
                .filter_map(|alt| {
                    let prefix = alt.ends_with('*');
                    let f = fold_words(alt.trim_end_matches('*'));
                    // "dell'", "c.15": folding may split one written word in two; keep both.
                    let f = f
                        .split(' ')
                        .filter(|w| !is_stopword(w))
                        .collect::<Vec<_>>()
                        .join(" ");
                    (!f.is_empty()).then_some((f, prefix))
                })
                .collect();
            (!alts.is_empty()).then_some(Token { alts })
        })
        .flat_map(split_compound)
        .collect();
    let n = u32::try_from(tokens.len()).ok()?;
    (n > 0).then_some(Keyword {
        tokens,
        weight: n * WORD + extra,
    })
}

/// A token whose single alternative folded into several words ("c.15" → "c 15") becomes
/// several tokens.
fn split_compound(t: Token) -> Vec<Token> {
    match t.alts.as_slice() {
        [(word, prefix)] if word.contains(' ') => {
            let parts: Vec<&str> = word.split(' ').collect();
            let last = parts.len().saturating_sub(1);
            parts
                .iter()
                .enumerate()
                .map(|(i, p)| Token {
                    alts: vec![(p.to_string(), *prefix && i == last)],
                })
                .collect()
        }
        _ => vec![t],
    }
}

/// Word stems of a label: long words lose their final vowels ("Avvisi bonari" →
/// "avvis", "bonar"), so that singular and plural meet; words with digits stay whole.
fn stems(label: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in fold_words(label).split(' ') {
        if is_stopword(w) || is_weak_label_word(w) {
            continue;
        }
        let stem = if w.bytes().any(|b| b.is_ascii_digit()) {
            if w.len() < 3 {
                continue;
            }
            w.to_string()
        } else {
            if w.len() < 4 {
                continue;
            }
            let trimmed = w.trim_end_matches(['a', 'e', 'i', 'o']);
            if trimmed.len() >= 4 {
                trimmed.to_string()
            } else {
                w.to_string()
            }
        };
        if !out.contains(&stem) {
            out.push(stem);
        }
    }
    out
}

impl Entry {
    fn score(&self, words: &[&str], padded: &str) -> (u32, Vec<String>) {
        let mut score = 0;
        let mut matched: Vec<(u32, String)> = Vec::new();
        let mut covered: Vec<(usize, usize)> = Vec::new();
        for k in &self.keywords {
            let n = k.tokens.len();
            if n == 0 || n > words.len() {
                continue;
            }
            let hit = (0..=words.len() - n).find(|&i| {
                let claimed = covered.iter().any(|&(s, e)| s <= i && i + n <= e);
                !claimed
                    && k.tokens
                        .iter()
                        .zip(&words[i..i + n])
                        .all(|(t, w)| t.matches(w))
            });
            if let Some(i) = hit {
                covered.push((i, i + n));
                score += k.weight;
                matched.push((k.weight, words[i..i + n].join(" ")));
            }
        }
        for p in &self.patterns {
            if let Some(m) = p.find(padded) {
                score += PATTERN;
                matched.push((PATTERN, m.as_str().trim().to_string()));
            }
        }
        for stem in &self.stems {
            let hit = if stem.bytes().any(|b| b.is_ascii_digit()) {
                words.iter().find(|w| *w == stem)
            } else {
                words.iter().find(|w| w.starts_with(stem.as_str()))
            };
            if let Some(w) = hit {
                score += LABEL;
                matched.push((LABEL, (*w).to_string()));
            }
        }
        matched.sort_by_key(|m| std::cmp::Reverse(m.0));
        let mut out: Vec<String> = Vec::new();
        for (_, m) in matched {
            if !m.is_empty() && !out.iter().any(|o| o.contains(&m)) {
                out.push(m);
            }
        }
        (score, out)
    }
}
