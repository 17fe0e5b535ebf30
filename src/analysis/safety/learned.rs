//! The safety note's second reader: a linear model learned from the labelled development
//! sentences (`tests/fixtures/safety/dev*.tsv`, and the trust corpus's everyday sentences as
//! sentences that call for nothing), read over every sentence after the rules. The rules read
//! who does what to whom and know the idioms, but a person in danger finds words no list
//! holds; measured on sentences neither had seen, the model found many the rules missed
//! without more false alarms (docs/safety.md). It adds a concern the rules did not find, and
//! between the two harm notes it adds one only where the rules gave neither; it overrules them
//! only on who acts on whom (`safety::join_with`) and on words it is sure are not the writer's
//! danger (`safety::veto`), and only when all but sure.
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

/// The chance at which a harm concern is read (chosen when the model was trained; see the
/// file).
pub const THRESHOLD: f32 = table::THRESHOLD;

/// The chance at which thoughts of self-harm are read: lower than the harm notes', because
/// they are said sideways more often than any harm ("sorted the dog out with my sister, she
/// won't have to worry"), and a needless note costs less than a missed one. Chosen by
/// `cross_check` in tests/safety_model.rs with each of the eight newest development files left
/// out in turn, by the harm threshold's rule: the lowest tried at which the model adds under
/// one false alarm in a hundred everyday trust sentences. At 0.75 it found 648 of their 760
/// self-harm sentences against 617 at 0.85, with 103 false alarms in their 1,252 everyday
/// sentences against 91, and about 10 in 1,190 everyday trust sentences against 7; at 0.65 it
/// found 676, but with about 16 in 1,190. Chosen again, unchanged, with the eleven newest
/// files left out: 871 of 996 at 0.75, 904 at 0.65 but with 14 to 18 in 1,190.
pub const SELF_HARM_THRESHOLD: f32 = 0.75;

/// What the model read in a text: thoughts of self-harm in some sentence, and the harm note
/// its sentences lean to (being harmed wins over harming, as with the rules).
#[derive(Debug, Default, Clone, Copy, PartialEq)]
pub struct Read {
    pub self_harm: bool,
    pub harm: Option<Concern>,
    /// The highest chance of each concern (in `COLUMNS` order: self-harm, being harmed,
    /// harming) in any one stretch: what the direction check and the veto in `join` weigh.
    pub most: [f32; 3],
}

impl Read {
    /// Adds what one stretch's chances (in `COLUMNS` order) say, self-harm read at
    /// `self_harm` and the harm notes at `threshold`.
    pub fn add(&mut self, chance: [f32; 3], self_harm: f32, threshold: f32) {
        for (most, c) in self.most.iter_mut().zip(chance) {
            *most = most.max(c);
        }
        self.self_harm |= chance[0] >= self_harm;
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
            SELF_HARM_THRESHOLD,
            THRESHOLD,
        );
    }
    out
}
