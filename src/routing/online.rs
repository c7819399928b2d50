//! Recognising a listed request (the L. 122/2010 online-only lists, the PEC examples) in a
//! free-text description. The lists' `match` groups are written in folded words (see
//! [`crate::text::fold_words`]); a group matches when each of its terms does, a term when
//! one of its `|` alternatives appears as whole words (a trailing `*` accepts any ending).

use crate::catalog::profile::Listed;
use crate::text::fold_words;

/// Longest description read, in bytes: a request is described in a few hundred words;
/// beyond this the text is cut (at a character boundary) rather than scanned.
pub const MAX_DESCRIPTION: usize = 20_000;

/// A listed request found in a description.
#[derive(Clone, Debug)]
pub struct Hit<'a> {
    /// The item.
    pub item: &'a Listed,
    /// The words of the description that matched, in the order of the terms.
    pub words: Vec<String>,
}

/// The description folded and padded with spaces, ready for [`find`].
pub fn prepare(description: &str) -> String {
    let mut cut = description.len().min(MAX_DESCRIPTION);
    while !description.is_char_boundary(cut) {
        cut -= 1;
    }
    let folded = fold_words(description.get(..cut).unwrap_or(""));
    format!(" {folded} ")
}

/// The listed item that best matches the prepared text (most terms matched), if any.
pub fn find<'a>(items: &'a [Listed], prepared: &str) -> Option<Hit<'a>> {
    let mut best: Option<Hit<'a>> = None;
    for item in items {
        for group in &item.matches {
            // Every term must match (a loop: `collect::<Option<_>>` compiles its adapters
            // for this one use).
            let mut words: Vec<String> = Vec::with_capacity(group.len());
            for term in group {
                match term_match(term, prepared) {
                    Some(w) => words.push(w),
                    None => break,
                }
            }
            if words.len() == group.len()
                && best.as_ref().is_none_or(|b| words.len() > b.words.len())
            {
                best = Some(Hit { item, words });
            }
        }
    }
    best
}

/// The words of `prepared` that match one alternative of `term`.
fn term_match(term: &str, prepared: &str) -> Option<String> {
    term.split('|').find_map(|alt| {
        let alt = alt.trim();
        let prefix = alt.ends_with('*');
        let phrase = fold_words(alt.trim_end_matches('*'));
        if phrase.is_empty() {
            return None;
        }
        let needle = format!(" {phrase}");
        let mut from = 0;
        while let Some(i) = prepared
            .get(from..)
            .and_then(|rest| crate::text::find(rest, &needle))
        {
            let start = from + i + 1;
            let end = start + phrase.len();
            let next = prepared.as_bytes().get(end).copied();
            if next == Some(b' ') {
                return Some(phrase);
            }
            if prefix {
                // Extend to the end of the word, to show what was actually written.
                let word_end = prepared
                    .get(end..)
                    .and_then(|r| r.find(' '))
                    .map_or(prepared.len(), |j| end + j);
                return prepared.get(start..word_end).map(String::from);
            }
            from = start;
        }
        None
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::Source;

    fn item(groups: &[&[&str]]) -> Listed {
        Listed {
            label: "x".into(),
            matches: groups
                .iter()
                .map(|g| g.iter().map(|s| s.to_string()).collect())
                .collect(),
            source: Source::new("d", "s"),
        }
    }

    #[test]
    fn whole_words_prefixes_and_groups() {
        let items = [item(&[&["rimborso|restituzione", "domestic*|colf"]])];
        for (text, expected) in [
            (
                "Rimborso contributi della colf",
                Some(vec!["rimborso", "colf"]),
            ),
            (
                "restituzione contributi lavoratrice domestica",
                Some(vec!["restituzione", "domestica"]),
            ),
            ("rimborsone colf", None),
            ("rimborso per l'azienda", None),
            ("", None),
        ] {
            let hit = find(&items, &prepare(text));
            assert_eq!(
                hit.map(|h| h.words),
                expected.map(|v| v.iter().map(|s| s.to_string()).collect::<Vec<_>>()),
                "{text}"
            );
        }
    }

    #[test]
    fn huge_input_is_cut_on_a_char_boundary() {
        let text = "è".repeat(MAX_DESCRIPTION);
        assert!(prepare(&text).len() <= MAX_DESCRIPTION + 2);
    }
}
