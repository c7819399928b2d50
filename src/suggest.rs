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
//!   "rimborso" and "rimborsi"), `|` separates alternatives for one word
//!   (`rateizz*|dilazion* avvis*`), and within a word `#` stands for one digit and `@` for
//!   one letter (`#@` matches "7b", `0##` matches "068", `#*` any word that starts with a
//!   digit). A keyword weighs [`WORD`] per word;
//! - `strong`: the same syntax, for distinctive words ("durc", "casco", "codeline"): each
//!   weighs [`STRONG`] more;
//! - `allOf`: phrases of the same syntax joined by `+` that must all appear, anywhere and
//!   in any order (`"rateizz*|dilazion* + bonari*"`: an instalment plan *and* an avviso
//!   bonario). One weighs [`PATTERN`];
//! - `codes`: the shape of a code, in the same syntax, for what words cannot describe: a
//!   cartella number (`0## 19##|20## #####*` matches "068 2019 00123456"), a codice
//!   autorizzazione (`c a #@` matches "c.a. 7B"). A code is matched on the words as
//!   written, articles and prepositions included (the "c" and "a" of "c.a."). The codes of
//!   an object are the shapes of one code: together they weigh [`PATTERN`] once. (There is
//!   no regular-expression engine: it would cost the page about 94 KB gzip for the three
//!   codes the data needs.)
//!
//! The words of the object's label count too, a little ([`LABEL`] per word stem), so that
//! typing the label itself finds the object. An object needs [`MIN_SCORE`] to be proposed.
//! The keywords are split into words once per titolario, at its first suggestion.
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
use serde::Serialize;

use crate::catalog::titolario::{Oggetto, TempoSoglia, Titolario};
use crate::text::{fold_char, fold_words, fold_words_by};

/// Characters of the description that are read; the rest is ignored.
pub const MAX_SCAN_CHARS: usize = 20_000;
/// Weight of each word of a keyword.
pub const WORD: u32 = 10;
/// Extra weight of a `strong` keyword.
pub const STRONG: u32 = 15;
/// Weight of an `allOf` entry or of a code.
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
    let all: Vec<&str> = folded.split(' ').collect();
    let words: Vec<&str> = all.iter().copied().filter(|w| !is_stopword(w)).collect();
    let index = t.suggest_index.get_or_init(|| Index::build(t));

    let mut found: Vec<Suggestion> = Vec::new();
    for entry in &index.entries {
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
        let (score, matched) = entry.score(&words, &all);
        if score >= MIN_SCORE {
            found.push(suggestion(obj, score, matched));
        }
    }
    let scores: Vec<u32> = found.iter().map(|s| s.score).collect();
    let mut found: Vec<Option<Suggestion>> = found.into_iter().map(Some).collect();
    by_weight_desc(&scores)
        .into_iter()
        .filter_map(|i| found.get_mut(i).and_then(Option::take))
        .take(limit)
        .collect()
}

/// Positions of `keys`, greatest first, ties in their original order. Every ranking of this
/// module goes through this one sort: a sort per element type would add code to the wasm.
fn by_weight_desc(keys: &[u32]) -> Vec<usize> {
    let mut order: Vec<(std::cmp::Reverse<u32>, usize)> = keys
        .iter()
        .map(|k| std::cmp::Reverse(*k))
        .zip(0..)
        .collect();
    order.sort_unstable();
    order.into_iter().map(|(_, i)| i).collect()
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
            let (a, w) = (a.as_bytes(), word.as_bytes());
            let len_ok = if *prefix {
                w.len() >= a.len()
            } else {
                w.len() == a.len()
            };
            // `#` one digit, `@` one letter; the words are folded to lower-case ASCII.
            len_ok
                && a.iter().zip(w).all(|(&a, &w)| match a {
                    b'#' => w.is_ascii_digit(),
                    b'@' => w.is_ascii_lowercase(),
                    _ => a == w,
                })
        })
    }
}

#[derive(Clone, Debug)]
struct Keyword {
    tokens: Vec<Token>,
    weight: u32,
}

/// Phrases that must all appear, anywhere and in any order ("rateizz* + bonari*").
#[derive(Clone, Debug)]
struct AllOf {
    parts: Vec<Vec<Token>>,
}

#[derive(Clone, Debug)]
struct Entry {
    classe: usize,
    object: usize,
    keywords: Vec<Keyword>,
    all_of: Vec<AllOf>,
    codes: Vec<Vec<Token>>,
    stems: Vec<String>,
}

/// The compiled suggestion data of one titolario (keywords and codes split into words,
/// label stems), built once and kept in the titolario.
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
                let all_of = o
                    .all_of
                    .iter()
                    .map(|k| AllOf {
                        parts: k.split('+').filter_map(|p| phrase(p, false)).collect(),
                    })
                    .filter(|a| a.parts.len() > 1)
                    .collect();
                let mut written: Vec<Option<Keyword>> = o
                    .keywords
                    .iter()
                    .filter_map(|k| keyword(k, 0))
                    .chain(o.strong.iter().filter_map(|k| keyword(k, STRONG)))
                    .map(Some)
                    .collect();
                // Weightiest first (then longer phrases), so that a weaker keyword whose
                // words are all claimed by a weightier one adds nothing.
                let keys: Vec<u32> = written
                    .iter()
                    .flatten()
                    .map(|k| {
                        k.weight
                            .saturating_mul(64)
                            .saturating_add(k.tokens.len().min(63) as u32)
                    })
                    .collect();
                let keywords: Vec<Keyword> = by_weight_desc(&keys)
                    .into_iter()
                    .filter_map(|i| written.get_mut(i).and_then(Option::take))
                    .collect();
                let codes = o.codes.iter().filter_map(|c| phrase(c, true)).collect();
                entries.push(Entry {
                    classe: ci,
                    object: oi,
                    keywords,
                    all_of,
                    codes,
                    stems: stems(&o.label),
                });
            }
        }
        Index { entries }
    }
}

fn keyword(text: &str, extra: u32) -> Option<Keyword> {
    let tokens = phrase(text, false)?;
    let n = u32::try_from(tokens.len()).ok()?;
    Some(Keyword {
        tokens,
        weight: n * WORD + extra,
    })
}

/// The words of a phrase of the data, folded, stopwords dropped (unless `keep_stopwords`, for
/// codes); `None` if none is left.
fn phrase(text: &str, keep_stopwords: bool) -> Option<Vec<Token>> {
    let tokens: Vec<Token> = text
        .split_whitespace()
        .filter_map(|word| {
            let alts: Vec<(String, bool)> = word
                .split('|')
                .filter_map(|alt| {
                    let prefix = alt.ends_with('*');
                    let f = fold_words_by(alt.trim_end_matches('*'), fold_keyword_char);
                    // "dell'", "c.15": folding may split one written word in two; keep both.
                    let f = f
                        .split(' ')
                        .filter(|w| keep_stopwords || !is_stopword(w))
                        .collect::<Vec<_>>()
                        .join(" ");
                    (!f.is_empty()).then_some((f, prefix))
                })
                .collect();
            (!alts.is_empty()).then_some(Token { alts })
        })
        .flat_map(split_compound)
        .collect();
    (!tokens.is_empty()).then_some(tokens)
}

/// [`fold_char`], keeping the wildcards `#` (a digit) and `@` (a letter).
fn fold_keyword_char(c: char) -> Option<char> {
    match c {
        '#' | '@' => Some(c),
        _ => fold_char(c),
    }
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
    /// `words` are the folded words of the text without stopwords, `all` with them.
    fn score(&self, words: &[&str], all: &[&str]) -> (u32, Vec<String>) {
        let mut score = 0;
        let mut matched: Vec<(u32, String)> = Vec::new();
        let mut covered: Vec<(usize, usize)> = Vec::new();
        for k in &self.keywords {
            let n = k.tokens.len();
            if n == 0 || n > words.len() {
                continue;
            }
            // A keyword counts for the share of its words that no weightier keyword claimed:
            // "cassa integrazione ordinaria" after "cassa integrazione" adds a third.
            let fresh = |i: usize| {
                (i..i + n)
                    .filter(|p| !covered.iter().any(|&(s, e)| s <= *p && *p < e))
                    .count()
            };
            let hit = (0..=words.len() - n)
                .filter(|&i| {
                    k.tokens
                        .iter()
                        .zip(&words[i..i + n])
                        .all(|(t, w)| t.matches(w))
                })
                .map(|i| (i, fresh(i)))
                .find(|&(_, new)| new > 0);
            if let Some((i, new)) = hit {
                covered.push((i, i + n));
                // n ≤ words in a keyword, a handful: the conversion cannot fail.
                let weight =
                    k.weight * u32::try_from(new).unwrap_or(0) / u32::try_from(n).unwrap_or(1);
                score += weight;
                matched.push((weight, words[i..i + n].join(" ")));
            }
        }
        for a in &self.all_of {
            let found: Option<Vec<String>> = a.parts.iter().map(|part| find(part, words)).collect();
            if let Some(found) = found {
                score += PATTERN;
                matched.push((PATTERN, found.join(" … ")));
            }
        }
        // The codes of an object are the shapes of one code: the first that matches counts.
        if let Some(found) = self.codes.iter().find_map(|code| find(code, all)) {
            score += PATTERN;
            matched.push((PATTERN, ends(&found)));
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
        let weights: Vec<u32> = matched.iter().map(|(w, _)| *w).collect();
        let mut matched: Vec<Option<String>> = matched.into_iter().map(|(_, m)| Some(m)).collect();
        let mut out: Vec<String> = Vec::new();
        for m in by_weight_desc(&weights)
            .into_iter()
            .filter_map(|i| matched.get_mut(i).and_then(Option::take))
        {
            if m.is_empty() || out.iter().any(|o| o.contains(&m)) {
                continue;
            }
            // "cassa integrazione ordinaria" replaces "cassa integrazione".
            out.retain(|o| !m.contains(o.as_str()));
            out.push(m);
        }
        (score, out)
    }
}

/// The first place where a phrase appears in the words, as text.
fn find(tokens: &[Token], words: &[&str]) -> Option<String> {
    let n = tokens.len();
    if n == 0 || n > words.len() {
        return None;
    }
    (0..=words.len() - n)
        .find(|&i| {
            tokens
                .iter()
                .zip(&words[i..i + n])
                .all(|(t, w)| t.matches(w))
        })
        .map(|i| words[i..i + n].join(" "))
}

/// The words a code matched, for the explanation: both ends, with "…" between them when
/// the code spans more than two words ("068 … 00123456").
fn ends(found: &str) -> String {
    let words: Vec<&str> = found.split(' ').collect();
    match words.as_slice() {
        [first, _, .., last] => format!("{first} … {last}"),
        _ => found.to_string(),
    }
}
