//! The learned readers: linear models learned from labelled development sentences, read
//! after the rules and only where they found nothing. The rules read structure (who, when,
//! which sense) and are right when they speak, but fresh phrasing slips past any list; measured
//! on sentences neither had seen, the two together found far more than the rules alone
//! (docs/summary.md, "How the text is read"; docs/safety.md).
//!
//! Each sentence becomes a bag of features (its words, its pairs of consecutive words, and for
//! the trust signs the journal's perspective), weighted by tf-idf and scaled to length one;
//! each column (a sign, or a safety concern) has a weight per feature and a bias, and its
//! chance is the logistic of the sum. The weights are data, written by the trainers
//! (`tests/signs_model.rs` into `lexicon/signs-model.tsv` for the writer's trust signs,
//! `tests/safety_model.rs` into `lexicon/safety-model.tsv` for the safety note) and turned into
//! lookup tables when mend is built (`build/linear_models.rs`), so nothing is parsed when a
//! command runs. This module holds the signs' table; the safety note's is in
//! `safety::learned`.

use super::Perspective;
use super::tokens::Tokens;

/// The signs the model reads, in the order of its weight columns (the ids of
/// `lexicon/signs.toml`).
pub const SIGNS: [&str; 5] = ["doubt", "jealousy", "reassurance", "avoidance", "checking"];

// Generated numbers, some of which happen to be close to a named constant.
#[allow(clippy::approx_constant)]
mod table {
    include!(concat!(env!("OUT_DIR"), "/signs_model.rs"));
}

/// One model's weights as built from its file (`build/linear_models.rs` writes one of these per
/// model): `K` columns.
pub struct Table<const K: usize> {
    pub threshold: f32,
    pub bias: [f32; K],
    pub rows: &'static [(u64, (f32, [f32; K]))],
    pub slots: &'static [u32],
}

/// The trust signs' model.
pub use table::MODEL as SIGNS_MODEL;

/// What a model sees besides the words of a sentence.
#[derive(Debug, Clone, Copy)]
pub enum Extra {
    /// The journal's perspective (the trust signs: the same words mean other things in the
    /// two voices).
    Perspective(Option<Perspective>),
    /// Nothing (the safety note).
    Nothing,
}

/// FNV-1a over the parts of a feature's name, as if they were one string: the same hash
/// `build/linear_models.rs` gives the names in the model file.
pub fn hash(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for b in part.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    }
    h
}

/// The words a feature stands for (`None` for the perspective).
type Words = Option<std::ops::Range<usize>>;

/// Calls `f` with the parts of every feature of the words `range` (a few sentences), and the
/// words it stands for (`None` for the perspective): each word, each pair of consecutive words
/// in one sentence, and the perspective when the model sees it.
fn each_feature(
    tokens: &Tokens,
    range: std::ops::Range<usize>,
    extra: Extra,
    f: &mut dyn FnMut(&[&str], Words),
) {
    for i in range.clone() {
        f(&["w:", tokens.get(i)], Some(i..i + 1));
        if i + 1 < range.end && !tokens.break_before(i + 1) {
            f(
                &["b:", tokens.get(i), " ", tokens.get(i + 1)],
                Some(i..i + 2),
            );
        }
    }
    if let Extra::Perspective(perspective) = extra {
        let p = match perspective {
            Some(Perspective::Rebuilding) => "rebuilding",
            _ => "hurt",
        };
        f(&["p:", p], None);
    }
}

/// The sentences of `tokens`, as ranges of words.
fn sentences(tokens: &Tokens) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for i in 1..=tokens.len() {
        if i == tokens.len() || tokens.break_before(i) {
            if i > start {
                out.push(start..i);
            }
            start = i;
        }
    }
    out
}

/// How many words the models read at once, at most (unless one sentence is longer).
const WINDOW: usize = 40;

/// The stretches of text the models read: consecutive sentences joined while they stay within
/// `WINDOW` words, or one longer sentence. The models learned from labelled lines of one to
/// three sentences read as one bag, and read a sentence alone far worse: "He remembers." after
/// "He says he doesn't remember." means doubt only beside it. Measured on development files
/// left out of training, reading sentence by sentence found a few more signs at a cost of about
/// a tenth in precision (docs/summary.md).
pub fn windows(tokens: &Tokens) -> Vec<std::ops::Range<usize>> {
    let mut out: Vec<std::ops::Range<usize>> = Vec::new();
    for s in sentences(tokens) {
        match out.last_mut() {
            Some(last) if s.end - last.start <= WINDOW => last.end = s.end,
            _ => out.push(s),
        }
    }
    out
}

/// The feature names of a whole text (every sentence's), for the trainers.
pub fn feature_names(text: &str, extra: Extra) -> Vec<String> {
    window_feature_names(text, extra).concat()
}

/// The feature names of each stretch of a text the models read (`windows`), as mend reads it.
pub fn window_feature_names(text: &str, extra: Extra) -> Vec<Vec<String>> {
    let tokens = Tokens::new(text);
    windows(&tokens)
        .into_iter()
        .map(|range| {
            let mut out = Vec::new();
            each_feature(&tokens, range, extra, &mut |parts, _| {
                out.push(parts.concat())
            });
            out
        })
        .collect()
}

/// What a model read in one sentence: for each column, its chance, and the words that weighed
/// most towards it (what `mend show --why` quotes).
pub struct SentenceChances<const K: usize> {
    pub chance: [f32; K],
    pub strongest: [Words; K],
}

impl<const K: usize> Table<K> {
    /// One feature's row: its idf and its weight for each column.
    fn row(&self, h: u64) -> Option<&'static (f32, [f32; K])> {
        let mask = self.slots.len() - 1;
        let mut slot = (h as usize) & mask;
        loop {
            let index = self.slots[slot];
            if index == u32::MAX {
                return None;
            }
            let (key, ref weights) = self.rows[index as usize];
            if key == h {
                return Some(weights);
            }
            slot = (slot + 1) & mask;
        }
    }

    /// The chance of each column in the sentence `range`.
    pub fn read(
        &self,
        tokens: &Tokens,
        range: std::ops::Range<usize>,
        extra: Extra,
    ) -> SentenceChances<K> {
        // Term counts first (a feature twice in one sentence is rare, so a short list serves).
        let mut counts: Vec<(u64, u32, Words)> = Vec::with_capacity(2 * range.len() + 1);
        each_feature(tokens, range, extra, &mut |parts, words| {
            let h = hash(parts);
            match counts.iter_mut().find(|c| c.0 == h) {
                Some(c) => c.1 += 1,
                None => counts.push((h, 1, words)),
            }
        });
        let mut sums = [0f32; K];
        let mut strongest: [(f32, Words); K] = std::array::from_fn(|_| (0.0, None));
        let mut norm = 0f32;
        for (h, n, words) in counts {
            let Some((idf, weights)) = self.row(h) else {
                continue;
            };
            let x = (1.0 + (n as f32).ln()) * idf;
            norm += x * x;
            for k in 0..K {
                let c = x * weights[k];
                sums[k] += c;
                if words.is_some() && c > strongest[k].0 {
                    strongest[k] = (c, words.clone());
                }
            }
        }
        let norm = norm.sqrt();
        let chance = std::array::from_fn(|k| {
            let s = self.bias[k] + if norm > 0.0 { sums[k] / norm } else { 0.0 };
            1.0 / (1.0 + (-s).exp())
        });
        SentenceChances {
            chance,
            strongest: strongest.map(|s| s.1),
        }
    }
}

/// The trust signs' chances in the sentence `range`.
pub fn read(
    tokens: &Tokens,
    range: std::ops::Range<usize>,
    perspective: Option<Perspective>,
) -> SentenceChances<5> {
    SIGNS_MODEL.read(tokens, range, Extra::Perspective(perspective))
}

/// A sign is read from a sentence when its chance reaches this (chosen on the development
/// sentences; see the model file).
pub const THRESHOLD: f32 = table::THRESHOLD;
