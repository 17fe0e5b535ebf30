//! The safety note's second reader: a linear model learned from the labelled development
//! sentences (`tests/fixtures/safety/dev*.tsv`, and the trust corpus's everyday sentences as
//! sentences that call for nothing), read over every sentence after the rules. The rules read
//! who does what to whom and know the idioms, but a person in danger finds words no list
//! holds; measured on sentences neither had seen, the model found many the rules missed
//! without more false alarms (docs/safety.md). It adds a concern the rules did not find, and
//! between the two harm notes it adds one only where the rules gave neither; it overrules them
//! only on who acts on whom, and only when all but sure (`safety::join_with`).
//!
//! Trained by `tests/safety_model.rs` into `lexicon/safety-model.tsv`; the arithmetic is the
//! trust signs' (`analysis::learned`), without the perspective.

use super::Concern;
use crate::analysis::learned::{Extra, windows};
use crate::analysis::tokens::Tokens;

/// The concerns the model reads, in the order of its weight columns.
pub const COLUMNS: [Concern; 3] = [Concern::SelfHarm, Concern::Harmed, Concern::HarmingOthers];

// Generated numbers, some of which happen to be close to a named constant.
#[allow(clippy::approx_constant)]
mod table {
    include!(concat!(env!("OUT_DIR"), "/safety_model.rs"));
}

/// The chance at which a concern is read (chosen when the model was trained; see the file).
pub const THRESHOLD: f32 = table::THRESHOLD;

/// What the model read in a text: thoughts of self-harm in some sentence, and the harm note
/// its sentences lean to (being harmed wins over harming, as with the rules).
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Read {
    pub self_harm: bool,
    pub harm: Option<Concern>,
    /// The highest chance of being harmed, and of harming, in any one sentence: what the
    /// direction check in `join` weighs.
    pub most: [f32; 2],
}

impl Read {
    /// Adds what one sentence's chances (in `COLUMNS` order) say at `threshold`.
    pub fn add(&mut self, chance: [f32; 3], threshold: f32) {
        self.most[0] = self.most[0].max(chance[1]);
        self.most[1] = self.most[1].max(chance[2]);
        self.self_harm |= chance[0] >= threshold;
        // In one sentence, the harm note with the higher chance, if it reaches the threshold.
        let (k, c) = if chance[1] >= chance[2] {
            (1, chance[1])
        } else {
            (2, chance[2])
        };
        if c >= threshold && self.harm != Some(Concern::Harmed) {
            self.harm = Some(COLUMNS[k]);
        }
    }
}

/// Reads every sentence of `text`.
pub fn read(text: &str) -> Read {
    let tokens = Tokens::new(text);
    let mut out = Read::default();
    for range in windows(&tokens) {
        out.add(
            table::MODEL.read(&tokens, range, Extra::Nothing).chance,
            THRESHOLD,
        );
    }
    out
}
