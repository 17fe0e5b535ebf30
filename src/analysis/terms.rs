//! Lexicon terms (lexicon/README.md syntax) compiled into the matcher's tables. build.rs runs
//! this on the word lists when mend is built (build/lexicons.rs), with the tokeniser mend reads
//! text with, so a term's words are the words a text must have; the tests compile their own
//! terms with it. A term that cannot be compiled fails the build.

use std::collections::HashMap;

use crate::analysis::negators::is_negator;
use crate::analysis::table::{self, Slot};
use crate::analysis::tokens::Tokens;

/// How many leading bytes of a one-word prefix term index it: a word is looked up once by its
/// first bytes, not once per prefix length.
pub const KEY: usize = 4;

/// One compiled term: its words (`words[words.0..words.1]`), and what a match of it is.
#[derive(Debug, Clone)]
pub struct Term {
    pub words: (u32, u32),
    /// The last word matches any word that starts with it.
    pub prefix_last: bool,
    pub group: u32,
    /// A negator shortly before a match cancels it.
    pub negatable: bool,
    pub class: u8,
}

/// Terms compiled so far, in the order they were added (the order matches are tried in).
#[derive(Debug, Default)]
pub struct Compiler {
    /// Every term's words, joined by spaces, one term a line.
    pub text: String,
    /// Each word's span `(at, len)` in `text`, term after term.
    pub words: Vec<(u32, u32)>,
    pub terms: Vec<Term>,
    /// Exactly matched first words: their span, the terms tried on the word itself, and
    /// whether phrases are indexed by the word after it too.
    first: Vec<((u32, usize), Vec<u32>, bool)>,
    first_of: HashMap<String, usize>,
    /// The first two words of longer phrases, as one key `first second`.
    pairs: Vec<((u32, usize), Vec<u32>)>,
    pair_of: HashMap<String, usize>,
    /// One-word prefix terms of at least `KEY` bytes, by those bytes.
    prefixes: Vec<((u32, usize), Vec<u32>)>,
    prefix_of: HashMap<Vec<u8>, usize>,
    /// Shorter one-word prefix terms, tried on every word.
    short: Vec<u32>,
}

/// The matcher's tables, ready to be written as Rust or read by a test.
#[derive(Debug)]
pub struct Compiled {
    pub text: String,
    pub words: Vec<(u32, u32)>,
    pub terms: Vec<Term>,
    /// First word → index in `first`: the range of `ids` tried on it, and whether `by_pair`
    /// holds phrases starting with it.
    pub by_word: Vec<Slot>,
    pub first: Vec<(u32, u32, bool)>,
    /// `first second` → index in `ranges`.
    pub by_pair: Vec<Slot>,
    /// A prefix's first `KEY` bytes → index in `ranges`.
    pub by_prefix: Vec<Slot>,
    pub ranges: Vec<(u32, u32)>,
    pub ids: Vec<u32>,
    /// The range of `ids` tried on every word.
    pub short: (u32, u32),
    pub groups: u32,
}

impl Compiler {
    /// Adds one term to `group`. With `negation`, a negator shortly before a match cancels
    /// it, unless the term itself starts with a negator ("don't trust").
    pub fn add(&mut self, term: &str, group: u32, negation: bool, class: u8) -> Result<(), String> {
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
        let tokens = Tokens::new(body);
        let words: Vec<&str> = tokens.iter().collect();
        if words.is_empty() {
            return Err(format!("term {term:?} has no words"));
        }
        let id = u32::try_from(self.terms.len()).map_err(|_| "too many terms".to_string())?;
        let start = self.words.len() as u32;
        if !self.text.is_empty() {
            self.text.push('\n');
        }
        let line = self.text.len() as u32;
        for (k, w) in words.iter().enumerate() {
            if k > 0 {
                self.text.push(' ');
            }
            self.words.push((self.text.len() as u32, w.len() as u32));
            self.text.push_str(w);
        }
        let span = |k: usize| (self.words[start as usize + k].0, words[k].len());
        if prefix_last && words.len() == 1 {
            if words[0].len() >= KEY {
                let key = words[0].as_bytes()[..KEY].to_vec();
                let at = (line, KEY);
                let n = *self.prefix_of.entry(key).or_insert_with(|| {
                    self.prefixes.push((at, Vec::new()));
                    self.prefixes.len() - 1
                });
                self.prefixes[n].1.push(id);
            } else {
                self.short.push(id);
            }
        } else {
            let at = span(0);
            let n = *self
                .first_of
                .entry(words[0].to_string())
                .or_insert_with(|| {
                    self.first.push((at, Vec::new(), false));
                    self.first.len() - 1
                });
            if words.len() >= 2 && !(words.len() == 2 && prefix_last) {
                self.first[n].2 = true;
                let key = format!("{} {}", words[0], words[1]);
                let at = (line, key.len());
                let p = *self.pair_of.entry(key).or_insert_with(|| {
                    self.pairs.push((at, Vec::new()));
                    self.pairs.len() - 1
                });
                self.pairs[p].1.push(id);
            } else {
                self.first[n].1.push(id);
            }
        }
        self.terms.push(Term {
            words: (start, self.words.len() as u32),
            prefix_last,
            group,
            negatable: negation && !is_negator(words[0]),
            class,
        });
        Ok(())
    }

    /// The tables of the terms added.
    pub fn finish(self) -> Compiled {
        let mut ids = Vec::new();
        let mut range = |list: &[u32]| {
            let start = ids.len() as u32;
            ids.extend_from_slice(list);
            (start, ids.len() as u32)
        };
        let first: Vec<(u32, u32, bool)> = self
            .first
            .iter()
            .map(|(_, list, pairs)| {
                let (s, e) = range(list);
                (s, e, *pairs)
            })
            .collect();
        let mut ranges = Vec::new();
        let mut keys = |lists: &[((u32, usize), Vec<u32>)]| -> Vec<(u32, usize, u32)> {
            lists
                .iter()
                .map(|(at, list)| {
                    ranges.push(range(list));
                    (at.0, at.1, ranges.len() as u32 - 1)
                })
                .collect()
        };
        let pair_keys = keys(&self.pairs);
        let prefix_keys = keys(&self.prefixes);
        let short = range(&self.short);
        let word_keys: Vec<(u32, usize, u32)> = self
            .first
            .iter()
            .enumerate()
            .map(|(n, (at, _, _))| (at.0, at.1, n as u32))
            .collect();
        let groups = self.terms.iter().map(|t| t.group + 1).max().unwrap_or(0);
        Compiled {
            by_word: table::lay_out(&self.text, &word_keys),
            by_pair: table::lay_out(&self.text, &pair_keys),
            by_prefix: table::lay_out(&self.text, &prefix_keys),
            text: self.text,
            words: self.words,
            terms: self.terms,
            first,
            ranges,
            ids,
            short,
            groups,
        }
    }
}
