//! The term matcher: one pass over an entry's words that finds the lexicon's terms and
//! counts matches per group, with negation. The terms are compiled when mend is built
//! (`terms`, run by build.rs), so the tables here are data in the binary and nothing is built
//! when a command starts.

use super::negators::is_negator;
use super::table::Table;
#[cfg(test)]
use super::terms::Compiler;
use super::tokens::Tokens;

/// A negator followed by one of these intensifies rather than denies: "can't stop checking his
/// phone" and "not only jealous" are still checking and jealousy.
const NOT_NEGATING_AFTER: &[&str] = &["stop", "help", "only", "just"];

/// How many words before a match a negator may stand.
const NEGATION_WINDOW: usize = 3;

/// One term: its words (`words[words.0..words.1]` of the matcher) and what a match is.
#[derive(Debug)]
pub struct Term {
    pub words: (u32, u32),
    /// The last word matches any word that starts with it.
    pub prefix_last: bool,
    pub group: u32,
    pub negatable: bool,
    /// How the reader treats a match (see `reading::Class`); the matcher only carries it.
    pub class: u8,
}

/// One match: where it starts, how many words it spans, its group and class, and whether a
/// negator stands before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub start: usize,
    pub len: usize,
    pub group: u32,
    pub class: u8,
    pub negated: bool,
}

/// Compiled term lists (see `terms::Compiled`, which these are written from). Every term
/// belongs to a group (a feeling, a sign, a marker…); scanning counts matches per group.
#[derive(Debug)]
pub struct Matcher {
    /// Every term's words, joined by spaces, one term a line; the tables' keys are spans of it.
    pub text: &'static str,
    /// Each word's span `(at, len)` in `text`, term after term.
    pub words: &'static [(u32, u32)],
    pub terms: &'static [Term],
    /// Terms indexed by their first word, when that word is matched exactly: one-word terms
    /// and phrases whose second word is a prefix in the range of `first`, longer phrases by
    /// their first two words in `by_pair`, so that a common first word ("i", "to", "his")
    /// tries only the phrases its next word can start.
    pub by_word: Table,
    /// For each first word: the range of `ids` tried on it, and whether `by_pair` has
    /// phrases starting with it.
    pub first: &'static [(u32, u32, bool)],
    /// `first second` → index in `ranges`.
    pub by_pair: Table,
    /// One-word prefix terms of at least `key` bytes, by their first `key` bytes: a word is
    /// looked up once, not once per prefix length. → index in `ranges`.
    pub by_prefix: Table,
    /// `terms::KEY`.
    pub key: usize,
    pub ranges: &'static [(u32, u32)],
    /// Lists of terms, by their index in `terms`, each in the order the terms were added.
    pub ids: &'static [u32],
    /// One-word prefix terms shorter than `key`, tried on every word (a range of `ids`).
    pub short_prefixes: (u32, u32),
    pub groups: usize,
    /// Whether a phrase may match across a sentence break.
    pub phrases_cross_breaks: bool,
}

impl Matcher {
    /// A matcher of `terms` (`(term, group)`, negation on), compiled as build.rs compiles the
    /// lexicons.
    #[cfg(test)]
    pub fn of(terms: &[(&str, u32)], phrases_cross_breaks: bool) -> Matcher {
        let mut c = Compiler::default();
        for (term, group) in terms {
            c.add(term, *group, true, 0).unwrap();
        }
        let c = c.finish();
        let terms = c.terms.into_iter().map(|t| Term {
            words: t.words,
            prefix_last: t.prefix_last,
            group: t.group,
            negatable: t.negatable,
            class: t.class,
        });
        Matcher {
            text: String::leak(c.text),
            words: Vec::leak(c.words),
            terms: Vec::leak(terms.collect()),
            by_word: Table {
                slots: Vec::leak(c.by_word),
            },
            first: Vec::leak(c.first),
            by_pair: Table {
                slots: Vec::leak(c.by_pair),
            },
            by_prefix: Table {
                slots: Vec::leak(c.by_prefix),
            },
            key: super::terms::KEY,
            ranges: Vec::leak(c.ranges),
            ids: Vec::leak(c.ids),
            short_prefixes: c.short,
            groups: c.groups as usize,
            phrases_cross_breaks,
        }
    }

    fn ids(&self, (start, end): (u32, u32)) -> &'static [u32] {
        &self.ids[start as usize..end as usize]
    }

    fn word(&self, (at, len): (u32, u32)) -> &'static str {
        &self.text[at as usize..(at + len) as usize]
    }

    fn matches_at(&self, term: &Term, tokens: &Tokens, start: usize) -> bool {
        let words = &self.words[term.words.0 as usize..term.words.1 as usize];
        if start + words.len() > tokens.len() {
            return false;
        }
        let last = words.len() - 1;
        words.iter().enumerate().all(|(k, &word)| {
            let i = start + k;
            if k > 0 && !self.phrases_cross_breaks && tokens.break_before(i) {
                return false;
            }
            let token = tokens.get(i);
            if k == last && term.prefix_last {
                token.starts_with(self.word(word))
            } else {
                token == self.word(word)
            }
        })
    }

    /// Matches per group (indexed by group number, `groups` long at least). Within one group,
    /// overlapping matches count once: the leftmost, then the longest. (Used by the tests.)
    #[cfg(test)]
    pub fn count(&self, tokens: &Tokens, groups: usize) -> Vec<u32> {
        let mut counts = vec![0; groups.max(self.groups)];
        for hit in self.hits(tokens) {
            if !hit.negated {
                counts[hit.group as usize] += 1;
            }
        }
        counts
    }

    /// Every match in text order; within one group overlapping matches are kept once (the
    /// leftmost, then the longest). Negated matches are included, marked.
    pub fn hits(&self, tokens: &Tokens) -> Vec<Hit> {
        let mut found = Vec::new();
        // (start, words, term)
        let mut hits: Vec<(usize, usize, u32)> = Vec::new();
        for i in 0..tokens.len() {
            let at = hits.len();
            let word = tokens.get(i);
            let first = self
                .by_word
                .get(self.text, word.as_bytes())
                .map(|f| self.first[f as usize]);
            let second = first
                .filter(|f| f.2 && i + 1 < tokens.len())
                .and_then(|_| self.by_pair.get_pair(self.text, word, tokens.get(i + 1)))
                .map(|r| self.ids(self.ranges[r as usize]));
            let exact = first
                .map(|f| self.ids((f.0, f.1)))
                .into_iter()
                .flatten()
                .chain(second.into_iter().flatten());
            let prefixed = word
                .as_bytes()
                .get(..self.key)
                .and_then(|k| self.by_prefix.get(self.text, k))
                .map(|r| self.ids(self.ranges[r as usize]))
                .into_iter()
                .flatten();
            for &id in exact.chain(prefixed).chain(self.ids(self.short_prefixes)) {
                let term = &self.terms[id as usize];
                if self.matches_at(term, tokens, i) {
                    hits.push((i, (term.words.1 - term.words.0) as usize, id));
                }
            }
            hits[at..].sort_unstable_by_key(|h| std::cmp::Reverse(h.1));
        }
        let mut covered_until = vec![0usize; self.groups];
        for (start, len, id) in hits {
            let term = &self.terms[id as usize];
            let group = term.group as usize;
            if start < covered_until[group] {
                continue;
            }
            covered_until[group] = start + len;
            found.push(Hit {
                start,
                len,
                group: term.group,
                class: term.class,
                negated: term.negatable && negated(tokens, start),
            });
        }
        found
    }
}

/// A negator within the few words before `start`, in the same sentence and clause.
pub fn negated(tokens: &Tokens, start: usize) -> bool {
    let mut i = start;
    for _ in 0..NEGATION_WINDOW {
        if i == 0 || tokens.break_before(i) || tokens.clause_before(i) {
            return false;
        }
        i -= 1;
        if is_negator(tokens.get(i)) && !NOT_NEGATING_AFTER.contains(&tokens.get(i + 1)) {
            return true;
        }
    }
    // "I don't need him to reassure me", "I didn't want to avoid it": a negated need or wish
    // reaches a little further.
    for _ in NEGATION_WINDOW..NEGATION_WINDOW + 2 {
        if i == 0 || tokens.break_before(i) || tokens.clause_before(i) {
            return false;
        }
        i -= 1;
        if is_negator(tokens.get(i))
            && matches!(
                tokens.get(i + 1),
                "need" | "needed" | "want" | "wanted" | "have"
            )
        {
            return true;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matcher(terms: &[(&str, u32)], cross: bool) -> Matcher {
        Matcher::of(terms, cross)
    }

    #[test]
    fn matches_words_prefixes_and_phrases() {
        let m = matcher(
            &[
                ("jealous", 0),
                ("forgiv*", 1),
                ("second guess*", 2),
                ("mad at", 3),
            ],
            false,
        );
        let count = |text: &str| m.count(&Tokens::new(text), 4);
        assert_eq!(count("Jealous, so jealous. Jealousy"), [2, 0, 0, 0]);
        assert_eq!(count("forgive forgiven forgiving forgave"), [0, 3, 0, 0]);
        assert_eq!(count("second-guessing myself; second guess"), [0, 0, 2, 0]);
        assert_eq!(count("mad at him, mad, at"), [0, 0, 0, 2]);
        assert_eq!(count("I was mad. At least I said so"), [0, 0, 0, 0]);
        assert_eq!(count("mad him at"), [0, 0, 0, 0]);
    }

    #[test]
    fn phrases_may_cross_breaks_when_asked() {
        let m = matcher(&[("want to die", 0)], true);
        assert_eq!(m.count(&Tokens::new("I want to... die"), 1), [1]);
    }

    #[test]
    fn overlapping_matches_in_one_group_count_once() {
        let m = matcher(
            &[
                ("guilt", 0),
                ("guilt-ridden", 0),
                ("lying to me", 1),
                ("caught him lying", 1),
            ],
            false,
        );
        assert_eq!(m.count(&Tokens::new("guilt-ridden and guilt"), 2), [2, 0]);
        assert_eq!(m.count(&Tokens::new("caught him lying to me"), 2), [0, 1]);
    }

    #[test]
    fn negation_cancels_within_three_words_and_one_sentence() {
        let m = matcher(
            &[("jealous", 0), ("his phone", 1), ("don't trust", 2)],
            false,
        );
        let count = |text: &str| m.count(&Tokens::new(text), 3);
        assert_eq!(count("I'm not jealous"), [0, 0, 0]);
        assert_eq!(count("never was I jealous"), [0, 0, 0]);
        assert_eq!(count("never was I really jealous"), [1, 0, 0]);
        assert_eq!(count("It was not. Jealous again"), [1, 0, 0]);
        assert_eq!(count("I dont feel jealous"), [0, 0, 0]);
        assert_eq!(count("I can't stop checking his phone"), [0, 1, 0]);
        assert_eq!(count("I don't trust him"), [0, 0, 1]);
        assert_eq!(count("I never said I don't trust him"), [0, 0, 1]);
    }

    #[test]
    fn bad_terms_are_rejected() {
        let mut c = Compiler::default();
        assert!(c.add("a*b", 0, true, 0).is_err());
        assert!(c.add("*", 0, true, 0).is_err());
        assert!(c.add("--", 0, true, 0).is_err());
        assert!(c.add("word *", 0, true, 0).is_err());
        assert!(c.add("word*", 0, true, 0).is_ok());
    }
}
