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
//!
//! The keywords are compiled once per titolario, at its first suggestion, into an [`Index`]
//! of their distinct words; a description is then read once, each of its words compared
//! only with the keyword words that share its first two characters, and each keyword looks
//! only at the places where its first word was found: the work grows with the text, not
//! with the text times the keywords (a whole review of a 200-word description takes about
//! 0.15 ms through the wasm module in Node, `benches/review.mjs`).
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

use std::sync::OnceLock;

use chrono::NaiveDate;

use crate::catalog::titolario::{self, Oggetto, TempoSoglia, Titolario};
use crate::text::{fold_char, fold_words, fold_words_by};

mod index;
use index::{Index, Text};

/// The index of `t` when it is one of the embedded titolari, built at its first use and
/// kept for the run (they live as long, at fixed addresses); `None` for a titolario the
/// caller read itself ([`Titolario::from_json`]), which gets an index built for the call.
/// The cache is the suggestion engine's own, so the catalog knows nothing of it.
fn cached(t: &Titolario) -> Option<&'static Index> {
    static INDEXES: OnceLock<Vec<OnceLock<Index>>> = OnceLock::new();
    let all = titolario::titolari();
    let at = all.iter().position(|x| std::ptr::eq(x, t))?;
    let slots = INDEXES.get_or_init(|| {
        let mut slots = Vec::new();
        for _ in all {
            slots.push(OnceLock::new());
        }
        slots
    });
    Some(slots.get(at)?.get_or_init(|| Index::build(&all[at])))
}

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
#[derive(Clone, Debug, PartialEq, Eq)]
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

/// As the serde derive wrote it: no threshold is `null`.
impl crate::wire::ToWire for Suggestion {
    fn write(&self, out: &mut crate::wire::Json) {
        out.begin_object();
        out.field_str("object", &self.object);
        out.field_str("label", &self.label);
        out.field_str("labelEn", &self.label_en);
        out.field_str("classe", &self.classe);
        out.field_int("score", i64::from(self.score));
        out.key("matched");
        out.strs(&self.matched);
        out.key("tempoSoglia");
        self.tempo_soglia.write(out);
        out.end_object();
    }
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
    // Fewer bytes than the limit means fewer characters: no need to count them.
    // Where the character after the first MAX_SCAN_CHARS starts (a character starts at
    // each byte that is not a continuation byte): a loop, not char_indices().nth (issue 15).
    let mut end = None;
    if text.len() > MAX_SCAN_CHARS {
        let mut chars = 0;
        for (i, b) in text.bytes().enumerate() {
            if b & 0xC0 != 0x80 {
                if chars == MAX_SCAN_CHARS {
                    end = Some(i);
                    break;
                }
                chars += 1;
            }
        }
    }
    let capped = end.and_then(|e| text.get(..e)).unwrap_or(text);
    let folded = fold_words(capped);
    if folded.is_empty() {
        return Vec::new();
    }
    let built;
    let index = match cached(t) {
        Some(index) => index,
        None => {
            built = Index::build(t);
            &built
        }
    };
    let text = Text::read(index, &folded);

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
        let (score, matched) = entry.score(&text);
        if score >= MIN_SCORE {
            found.push(suggestion(obj, score, matched));
        }
    }
    // Loops, not iterator chains collected into vectors: one copy less of each adapter in
    // the module (issue 15).
    let mut scores = Vec::new();
    let mut slots = Vec::new();
    for s in found {
        scores.push(s.score);
        slots.push(Some(s));
    }
    let mut best = Vec::new();
    for i in by_weight_desc(&scores) {
        if best.len() == limit {
            break;
        }
        if let Some(s) = slots.get_mut(i).and_then(Option::take) {
            best.push(s);
        }
    }
    best
}

/// Positions of `keys`, greatest first, ties in their original order. Every ranking of this
/// module goes through this one sort: a sort per element type would add code to the wasm.
fn by_weight_desc(keys: &[u32]) -> Vec<usize> {
    // The complement of the key above its position: ascending order is greatest key first,
    // then position (the one u64 sort of the crate, `text::sort_u64`).
    let mut order = Vec::with_capacity(keys.len());
    for (k, i) in keys.iter().zip(0u32..) {
        order.push(u64::from(u32::MAX - k) << 32 | u64::from(i));
    }
    crate::text::sort_u64(&mut order);
    let mut at = Vec::with_capacity(order.len());
    for x in order {
        at.push((x & 0xFFFF_FFFF) as usize);
    }
    at
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
const STOPWORDS: [&str; 62] = [
    "a", "ad", "al", "alla", "alle", "allo", "ai", "agli", "all", "c", "che", "con", "col", "d",
    "da", "dal", "dalla", "dalle", "dallo", "dai", "dagli", "dall", "del", "della", "delle",
    "dello", "dei", "degli", "dell", "di", "e", "ed", "il", "in", "l", "la", "le", "lo", "gli",
    "i", "nel", "nella", "nelle", "nello", "nei", "negli", "nell", "o", "per", "su", "sul",
    "sulla", "sulle", "sui", "un", "una", "uno", "n", "nr", "num", "tra", "fra",
];

/// A word of up to 8 bytes as a number, so that a sorted table can be searched by it.
const fn pack(w: &[u8]) -> u64 {
    let mut n = 0u64;
    let mut i = 0;
    while i < w.len() && i < 8 {
        n = (n << 8) | w[i] as u64;
        i += 1;
    }
    n
}

/// [`STOPWORDS`] packed and sorted, built at compile time.
const STOP_KEYS: [u64; STOPWORDS.len()] = {
    let mut keys = [0u64; STOPWORDS.len()];
    let mut i = 0;
    while i < keys.len() {
        keys[i] = pack(STOPWORDS[i].as_bytes());
        i += 1;
    }
    // Insertion sort: a const fn cannot call `sort`.
    let mut i = 1;
    while i < keys.len() {
        let mut j = i;
        while j > 0 && keys[j - 1] > keys[j] {
            let t = keys[j];
            keys[j] = keys[j - 1];
            keys[j - 1] = t;
            j -= 1;
        }
        i += 1;
    }
    keys
};

/// Whether `w` (folded) is one of the [`STOPWORDS`]: every word of a description asks, so
/// a binary search over numbers rather than a chain of string comparisons.
fn is_stopword(w: &str) -> bool {
    // None is longer than five letters: most words of a text are, and stop here.
    w.len() <= 5 && STOP_KEYS.binary_search(&pack(w.as_bytes())).is_ok()
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
