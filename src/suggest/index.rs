//! The suggestion index of a titolario: its keywords cut into tokens, the tokens filed by
//! the first letters they can match, and a description read against them once.

use super::*;
use crate::text::Join;

/// One word of a keyword: alternatives, each a whole word or a prefix.
#[derive(Clone, Debug, PartialEq, Eq)]
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

/// A token of the index, by its position in [`Index::tokens`].
type TokenId = u32;

#[derive(Clone, Debug)]
struct Keyword {
    tokens: Vec<TokenId>,
    weight: u32,
}

#[derive(Clone, Debug)]
pub(super) struct Entry {
    pub(super) classe: usize,
    pub(super) object: usize,
    keywords: Vec<Keyword>,
    /// Phrases that must all appear, anywhere and in any order ("rateizz* + bonari*").
    all_of: Vec<Vec<Vec<TokenId>>>,
    codes: Vec<Vec<TokenId>>,
    /// The label's word stems, as prefix tokens (whole-word ones when they hold a digit).
    stems: Vec<TokenId>,
}

/// The characters of folded words: a digit or a lower-case ASCII letter, one class each.
const CLASSES: usize = 36;
/// A word is filed by its first two characters' classes, the second one [`CLASSES`] when
/// the word has a single character.
const CELLS: usize = CLASSES * (CLASSES + 1);

fn class(b: u8) -> Option<usize> {
    match b {
        b'0'..=b'9' => Some(usize::from(b - b'0')),
        b'a'..=b'z' => Some(10 + usize::from(b - b'a')),
        _ => None,
    }
}

/// The classes a character of a keyword stands for: itself, or all digits (`#`) or all
/// letters (`@`).
fn classes(b: u8) -> std::ops::Range<usize> {
    match b {
        b'#' => 0..10,
        b'@' => 10..CLASSES,
        _ => class(b).map_or(0..0, |c| c..c + 1),
    }
}

/// The cell of a folded word (see [`CELLS`]).
fn cell(word: &str) -> Option<usize> {
    let w = word.as_bytes();
    let first = class(*w.first()?)?;
    let second = match w.get(1) {
        Some(&b) => class(b)?,
        None => CLASSES,
    };
    Some(first * (CLASSES + 1) + second)
}

/// The compiled suggestion data of one titolario, built once and kept in the titolario: the
/// distinct words of every keyword, code and label stem (tokens), the tokens a word may
/// match by its first character, and per object its keywords as token lists.
///
/// A description is matched word by word against the few tokens that can match a word
/// with its first two characters (see `Text::read`); the keywords then only look at the
/// places where their first token matched. The work grows with the length of the text, not
/// with the text times the keywords.
#[derive(Clone, Debug, Default)]
pub(crate) struct Index {
    tokens: Vec<Token>,
    /// For each [`cell`], the tokens that can match a word in it, ascending.
    cells: Vec<Vec<TokenId>>,
    pub(super) entries: Vec<Entry>,
}

impl Index {
    pub(super) fn build(t: &Titolario) -> Index {
        let mut index = Index::default();
        for (ci, c) in t.classes.iter().enumerate() {
            for (oi, o) in c.objects.iter().enumerate() {
                if o.generic {
                    continue;
                }
                // Loops, not iterator chains collected into vectors: one copy less of each
                // adapter in the module (issue 15).
                let mut all_of = Vec::new();
                for k in &o.all_of {
                    let mut parts = Vec::new();
                    for p in k.split('+') {
                        if let Some(p) = phrase(p, false) {
                            parts.push(index.intern_all(p));
                        }
                    }
                    if parts.len() > 1 {
                        all_of.push(parts);
                    }
                }
                let mut written: Vec<Option<Keyword>> = Vec::new();
                for (list, extra) in [(&o.keywords, 0), (&o.strong, STRONG)] {
                    for k in list {
                        let Some(tokens) = phrase(k, false) else {
                            continue;
                        };
                        let Ok(n) = u32::try_from(tokens.len()) else {
                            continue;
                        };
                        written.push(Some(Keyword {
                            tokens: index.intern_all(tokens),
                            weight: n * WORD + extra,
                        }));
                    }
                }
                // Weightiest first (then longer phrases), so that a weaker keyword whose
                // words are all claimed by a weightier one adds nothing.
                let mut keys = Vec::new();
                for k in written.iter().flatten() {
                    keys.push(
                        k.weight
                            .saturating_mul(64)
                            .saturating_add(k.tokens.len().min(63) as u32),
                    );
                }
                let mut keywords = Vec::new();
                for i in by_weight_desc(&keys) {
                    if let Some(k) = written.get_mut(i).and_then(Option::take) {
                        keywords.push(k);
                    }
                }
                let mut codes = Vec::new();
                for c in &o.codes {
                    if let Some(p) = phrase(c, true) {
                        codes.push(index.intern_all(p));
                    }
                }
                let mut label_stems = Vec::new();
                for stem in stems(&o.label) {
                    let prefix = !stem.bytes().any(|b| b.is_ascii_digit());
                    label_stems.push(index.intern(Token {
                        alts: vec![(stem, prefix)],
                    }));
                }
                index.entries.push(Entry {
                    classe: ci,
                    object: oi,
                    keywords,
                    all_of,
                    codes,
                    stems: label_stems,
                });
            }
        }
        index.cells = vec![Vec::new(); CELLS];
        for (id, token) in (0..).zip(&index.tokens) {
            for (alt, prefix) in &token.alts {
                let a = alt.as_bytes();
                let Some(&first) = a.first() else { continue };
                let second = match a.get(1) {
                    Some(&b) => classes(b),
                    // "a*" fits any second character, or none; "a" only a one-letter word.
                    None if *prefix => 0..CLASSES + 1,
                    None => CLASSES..CLASSES + 1,
                };
                for c0 in classes(first) {
                    for c1 in second.clone() {
                        let Some(list) = index.cells.get_mut(c0 * (CLASSES + 1) + c1) else {
                            continue;
                        };
                        if list.last() != Some(&id) {
                            list.push(id);
                        }
                    }
                }
            }
        }
        index
    }

    /// The id of `token`, added if new. Linear, once per titolario: a few hundred tokens.
    fn intern(&mut self, token: Token) -> TokenId {
        if let Some(i) = self.tokens.iter().position(|t| *t == token) {
            return i as TokenId;
        }
        self.tokens.push(token);
        (self.tokens.len() - 1) as TokenId
    }

    fn intern_all(&mut self, tokens: Vec<Token>) -> Vec<TokenId> {
        let mut ids = Vec::with_capacity(tokens.len());
        for t in tokens {
            ids.push(self.intern(t));
        }
        ids
    }
}

/// The words of the phrases of the data, folded, stopwords dropped (unless `keep_stopwords`,
/// for codes); `None` if none is left.
fn phrase(text: &str, keep_stopwords: bool) -> Option<Vec<Token>> {
    // Plain loops, not iterator chains: the same tokens in the same order, without an
    // adapter (`FlatMap`, `Filter`, `collect`) compiled for each step (issue 15).
    let mut tokens: Vec<Token> = Vec::new();
    for word in text.split_whitespace() {
        let mut alts: Vec<(String, bool)> = Vec::new();
        for alt in word.split('|') {
            let prefix = alt.ends_with('*');
            let folded = fold_words_by(alt.trim_end_matches('*'), fold_keyword_char);
            // "dell'", "c.15": folding may split one written word in two; keep both.
            let mut f = String::new();
            let mut first = true;
            for w in folded.split(' ') {
                if keep_stopwords || !is_stopword(w) {
                    if !first {
                        f.push(' ');
                    }
                    f.push_str(w);
                    first = false;
                }
            }
            if !f.is_empty() {
                alts.push((f, prefix));
            }
        }
        if !alts.is_empty() {
            tokens.extend(split_compound(Token { alts }));
        }
    }
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
            let mut out: Vec<Token> = Vec::new();
            for p in word.split(' ') {
                out.push(Token {
                    alts: vec![(p.to_string(), false)],
                });
            }
            // The last word keeps the prefix mark of the whole.
            if let Some((_, last)) = out.last_mut().and_then(|t| t.alts.first_mut()) {
                *last = *prefix;
            }
            out
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

/// A sequence of words with, for each, the tokens it matches, and for each token the
/// places where it appears.
#[derive(Default)]
struct Words<'a> {
    words: Vec<&'a str>,
    /// The tokens matched by word `i` are `ids[start[i]..start[i + 1]]`, ascending.
    start: Vec<u32>,
    ids: Vec<TokenId>,
    /// Every (token, place) match, in the order of the text.
    pairs: Vec<(TokenId, u32)>,
    /// Token `t` appears at the places `at[first[t]..first[t + 1]]`, first place first
    /// (filled by a count per token rather than a sort: no sort code for the wasm).
    first: Vec<u32>,
    at: Vec<u32>,
}

impl<'a> Words<'a> {
    fn with_capacity(n: usize) -> Words<'a> {
        Words {
            words: Vec::with_capacity(n),
            start: Vec::with_capacity(n),
            ids: Vec::with_capacity(n),
            pairs: Vec::with_capacity(n),
            first: Vec::new(),
            at: Vec::new(),
        }
    }

    fn push(&mut self, word: &'a str, ids: &[TokenId]) {
        let at = self.words.len() as u32;
        self.words.push(word);
        self.ids.extend_from_slice(ids);
        self.start.push(self.ids.len() as u32);
        for &id in ids {
            self.pairs.push((id, at));
        }
    }

    /// Files the places of every token (`tokens`: how many the index has).
    fn finish(&mut self, tokens: usize) {
        let mut first = vec![0u32; tokens + 1];
        for &(t, _) in &self.pairs {
            if let Some(n) = first.get_mut(t as usize + 1) {
                *n += 1;
            }
        }
        let mut sum = 0;
        for n in &mut first {
            sum += *n;
            *n = sum;
        }
        let mut next = first.clone();
        let mut at = vec![0u32; self.pairs.len()];
        for &(t, place) in &self.pairs {
            if let Some(slot) = next.get_mut(t as usize) {
                if let Some(a) = at.get_mut(*slot as usize) {
                    *a = place;
                }
                *slot += 1;
            }
        }
        self.first = first;
        self.at = at;
    }

    fn has(&self, i: usize, token: TokenId) -> bool {
        let from = match i.checked_sub(1) {
            Some(p) => self.start.get(p).copied().unwrap_or(0),
            None => 0,
        } as usize;
        let to = self.start.get(i).copied().unwrap_or(0) as usize;
        self.ids
            .get(from..to)
            .is_some_and(|ids| ids.contains(&token))
    }

    /// Where `token` appears, first place first.
    fn places_of(&self, token: TokenId) -> &[u32] {
        let t = token as usize;
        match (self.first.get(t), self.first.get(t + 1)) {
            (Some(&from), Some(&to)) => self.at.get(from as usize..to as usize).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// The places where the phrase `tokens` appears, first one first.
    fn places<'s>(&'s self, tokens: &'s [TokenId]) -> impl Iterator<Item = usize> + 's {
        let n = tokens.len();
        let starts = tokens.first().map_or(&[][..], |&f| self.places_of(f));
        starts.iter().map(|&i| i as usize).filter(move |&i| {
            i + n <= self.words.len()
                && (1..n).all(|j| tokens.get(j).is_some_and(|&t| self.has(i + j, t)))
        })
    }

    /// The first place where the phrase appears, as text.
    fn find(&self, tokens: &[TokenId]) -> Option<String> {
        let i = self.places(tokens).next()?;
        self.words.get(i..i + tokens.len()).map(|w| w.joined(" "))
    }
}

/// A description read against an index: its words with the tokens each matches, once
/// without the stopwords (for keywords, phrases and label stems) and once with them (for
/// codes, "c.a. 7B").
pub(super) struct Text<'a> {
    words: Words<'a>,
    all: Words<'a>,
}

impl<'a> Text<'a> {
    pub(super) fn read(index: &Index, folded: &'a str) -> Text<'a> {
        // One growth at most: the words of a text are about one in six of its bytes.
        let expected = folded.len() / 6 + 1;
        let mut text = Text {
            words: Words::with_capacity(expected),
            all: Words::with_capacity(expected),
        };
        let mut ids: Vec<TokenId> = Vec::new();
        for word in folded.split(' ') {
            ids.clear();
            let candidates = cell(word).and_then(|c| index.cells.get(c));
            for &id in candidates.into_iter().flatten() {
                if index
                    .tokens
                    .get(id as usize)
                    .is_some_and(|t| t.matches(word))
                {
                    ids.push(id);
                }
            }
            text.all.push(word, &ids);
            if !is_stopword(word) {
                text.words.push(word, &ids);
            }
        }
        text.words.finish(index.tokens.len());
        text.all.finish(index.tokens.len());
        text
    }
}

impl Entry {
    pub(super) fn score(&self, text: &Text) -> (u32, Vec<String>) {
        let words = &text.words;
        let mut score = 0;
        let mut matched: Vec<(u32, String)> = Vec::new();
        let mut covered: Vec<(usize, usize)> = Vec::new();
        for k in &self.keywords {
            let n = k.tokens.len();
            // A keyword counts for the share of its words that no weightier keyword claimed:
            // "cassa integrazione ordinaria" after "cassa integrazione" adds a third.
            let fresh = |i: usize| {
                (i..i + n)
                    .filter(|p| !covered.iter().any(|&(s, e)| s <= *p && *p < e))
                    .count()
            };
            let hit = words
                .places(&k.tokens)
                .map(|i| (i, fresh(i)))
                .find(|&(_, new)| new > 0);
            if let Some((i, new)) = hit {
                covered.push((i, i + n));
                // n ≤ words in a keyword, a handful: the conversion cannot fail.
                let weight =
                    k.weight * u32::try_from(new).unwrap_or(0) / u32::try_from(n).unwrap_or(1);
                score += weight;
                let phrase = words.words.get(i..i + n).unwrap_or(&[]).joined(" ");
                matched.push((weight, phrase));
            }
        }
        for parts in &self.all_of {
            let mut found = Vec::new();
            for part in parts {
                match words.find(part) {
                    Some(f) => found.push(f),
                    None => break,
                }
            }
            if found.len() == parts.len() {
                score += PATTERN;
                matched.push((PATTERN, found.joined(" … ")));
            }
        }
        // The codes of an object are the shapes of one code: the first that matches counts.
        if let Some(found) = self.codes.iter().find_map(|code| text.all.find(code)) {
            score += PATTERN;
            matched.push((PATTERN, ends(&found)));
        }
        for &stem in &self.stems {
            if let Some(w) = words
                .places(&[stem])
                .next()
                .and_then(|i| words.words.get(i))
            {
                score += LABEL;
                matched.push((LABEL, (*w).to_string()));
            }
        }
        if matched.is_empty() {
            return (score, Vec::new());
        }
        let mut weights = Vec::new();
        let mut texts = Vec::new();
        for (w, m) in matched {
            weights.push(w);
            texts.push(Some(m));
        }
        let mut matched = texts;
        let mut out: Vec<String> = Vec::new();
        for m in by_weight_desc(&weights)
            .into_iter()
            .filter_map(|i| matched.get_mut(i).and_then(Option::take))
        {
            if m.is_empty() || out.iter().any(|o| crate::text::contains(o, &m)) {
                continue;
            }
            // "cassa integrazione ordinaria" replaces "cassa integrazione".
            out.retain(|o| !crate::text::contains(&m, o));
            out.push(m);
        }
        (score, out)
    }
}

/// The words a code matched, for the explanation: both ends, with "…" between them when
/// the code spans more than two words ("068 … 00123456").
fn ends(found: &str) -> String {
    let mut words: Vec<&str> = Vec::new();
    for w in found.split(' ') {
        words.push(w);
    }
    match words.as_slice() {
        [first, _, .., last] => format!("{first} … {last}"),
        _ => found.to_string(),
    }
}
