//! The term matcher: lexicon terms compiled once, and one pass over an entry's words that
//! counts matches per group, with negation.

// foldhash (Zlib licence): every word of an entry is looked up once per prefix length, and
// std's SipHash made these look-ups a good part of an analysis.
use foldhash::{HashMap, HashMapExt};

use super::tokens::Tokens;

/// Words that cancel a match when they appear shortly before it. The apostrophe-less spellings
/// are here because people type them that way.
const NEGATORS: &[&str] = &[
    "not",
    "no",
    "never",
    "don't",
    "dont",
    "doesn't",
    "doesnt",
    "didn't",
    "didnt",
    "isn't",
    "isnt",
    "wasn't",
    "wasnt",
    "aren't",
    "arent",
    "weren't",
    "werent",
    "without",
    "hardly",
    "cannot",
    "can't",
    "cant",
    "won't",
    "wont",
    "nor",
    "neither",
    "couldn't",
    "couldnt",
    "wouldn't",
    "wouldnt",
    "shouldn't",
    "shouldnt",
    "haven't",
    "havent",
    "hasn't",
    "hasnt",
    "hadn't",
    "hadnt",
    "ain't",
];

/// A negator followed by one of these intensifies rather than denies: "can't stop checking his
/// phone" and "not only jealous" are still checking and jealousy.
const NOT_NEGATING_AFTER: &[&str] = &["stop", "help", "only", "just"];

/// How many words before a match a negator may stand.
const NEGATION_WINDOW: usize = 3;

pub fn is_negator(word: &str) -> bool {
    NEGATORS.contains(&word)
}

#[derive(Debug)]
struct Term {
    words: Box<[Box<str>]>,
    /// The last word matches any word that starts with it.
    prefix_last: bool,
    group: u32,
    negatable: bool,
    /// How the reader treats a match (see `reading::Class`); the matcher only carries it.
    class: u8,
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

impl Term {
    fn matches_at(&self, tokens: &Tokens, start: usize, phrases_cross_breaks: bool) -> bool {
        if start + self.words.len() > tokens.len() {
            return false;
        }
        let last = self.words.len() - 1;
        self.words.iter().enumerate().all(|(k, word)| {
            let i = start + k;
            if k > 0 && !phrases_cross_breaks && tokens.break_before(i) {
                return false;
            }
            let token = tokens.get(i);
            if k == last && self.prefix_last {
                token.starts_with(&**word)
            } else {
                token == &**word
            }
        })
    }
}

/// The terms that start with one word.
#[derive(Debug, Default)]
struct FirstWord {
    rest: Vec<u32>,
    by_second: HashMap<Box<str>, Vec<u32>>,
}

/// Compiled term lists. Every term belongs to a group (a feeling, a sign, a marker…); scanning
/// counts matches per group.
#[derive(Debug)]
pub struct Matcher {
    terms: Vec<Term>,
    /// Terms indexed by their first word, when that word is matched exactly: one-word terms
    /// and phrases whose second word is a prefix in `rest`, longer phrases by their second
    /// word too, so that a common first word ("i", "to", "his") tries only the phrases its
    /// next word can start.
    by_word: HashMap<Box<str>, FirstWord>,
    /// One-word prefix terms of at least `KEY` bytes, indexed by their first `KEY` bytes: a
    /// word is looked up once, not once per prefix length.
    by_prefix: HashMap<u32, Vec<u32>>,
    /// One-word prefix terms shorter than that, tried on every word.
    short_prefixes: Vec<u32>,
    groups: usize,
    phrases_cross_breaks: bool,
}

impl Matcher {
    /// `phrases_cross_breaks`: whether a phrase may match across a sentence break.
    pub fn new(phrases_cross_breaks: bool) -> Matcher {
        Matcher {
            terms: Vec::new(),
            by_word: HashMap::new(),
            by_prefix: HashMap::new(),
            short_prefixes: Vec::new(),
            groups: 0,
            phrases_cross_breaks,
        }
    }

    /// Adds one term (README syntax) to `group`. With `negation`, a negator shortly before a
    /// match cancels it, unless the term itself starts with a negator ("don't trust").
    #[cfg(test)]
    pub fn add(&mut self, term: &str, group: u32, negation: bool) -> Result<(), String> {
        self.add_classed(term, group, negation, 0)
    }

    /// As `add`, with a class the reader uses to decide what the match means.
    pub fn add_classed(
        &mut self,
        term: &str,
        group: u32,
        negation: bool,
        class: u8,
    ) -> Result<(), String> {
        let (body, prefix_last) = match term.strip_suffix('*') {
            Some(body) => (body, true),
            None => (term, false),
        };
        if body.contains('*') {
            return Err(format!("term {term:?}: `*` is allowed only at the end"));
        }
        if prefix_last && !body.ends_with(|c: char| c.is_alphanumeric()) {
            return Err(format!("term {term:?}: `*` must follow a word"));
        }
        let words: Box<[Box<str>]> = Tokens::new(body).iter().map(Box::from).collect();
        if words.is_empty() {
            return Err(format!("term {term:?} has no words"));
        }
        let id = u32::try_from(self.terms.len()).map_err(|_| "too many terms".to_string())?;
        if prefix_last && words.len() == 1 {
            match key(&words[0]) {
                Some(k) => self.by_prefix.entry(k).or_default().push(id),
                None => self.short_prefixes.push(id),
            }
        } else {
            let first = self.by_word.entry(words[0].clone()).or_default();
            if words.len() >= 2 && !(words.len() == 2 && prefix_last) {
                first
                    .by_second
                    .entry(words[1].clone())
                    .or_default()
                    .push(id);
            } else {
                first.rest.push(id);
            }
        }
        let negatable = negation && !is_negator(&words[0]);
        self.groups = self.groups.max(group as usize + 1);
        self.terms.push(Term {
            words,
            prefix_last,
            group,
            negatable,
            class,
        });
        Ok(())
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
            let first = self.by_word.get(word);
            let second = first
                .filter(|f| !f.by_second.is_empty() && i + 1 < tokens.len())
                .and_then(|f| f.by_second.get(tokens.get(i + 1)));
            let exact = first
                .map(|f| f.rest.as_slice())
                .into_iter()
                .flatten()
                .chain(second.into_iter().flatten());
            let prefixed = key(word)
                .and_then(|k| self.by_prefix.get(&k))
                .into_iter()
                .flatten();
            for &id in exact.chain(prefixed).chain(&self.short_prefixes) {
                let term = &self.terms[id as usize];
                if term.matches_at(tokens, i, self.phrases_cross_breaks) {
                    hits.push((i, term.words.len(), id));
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

/// How many leading bytes of a prefix term index it.
const KEY: usize = 4;

/// The first `KEY` bytes of a word as one number, when it has that many.
fn key(word: &str) -> Option<u32> {
    let b = word.as_bytes().get(..KEY)?;
    Some(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
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
        let mut m = Matcher::new(cross);
        for (term, group) in terms {
            m.add(term, *group, true).unwrap();
        }
        m
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
        let mut m = Matcher::new(false);
        assert!(m.add("a*b", 0, true).is_err());
        assert!(m.add("*", 0, true).is_err());
        assert!(m.add("--", 0, true).is_err());
        assert!(m.add("word *", 0, true).is_err());
    }
}
