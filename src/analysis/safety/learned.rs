//! The safety note's second reader: a linear model learned from the labelled development
//! sentences (`tests/fixtures/safety/dev*.tsv`, and the trust corpus's everyday sentences as
//! sentences that call for nothing), read over every sentence after the rules. The rules read
//! who does what to whom and know the idioms, but a person in danger finds words no list
//! holds; measured on sentences neither had seen, the model found many the rules missed
//! without more false alarms (docs/safety.md). It never overrules the rules: it only adds a
//! concern they did not find, and between the two harm notes it adds one only where the rules
//! gave neither, so the rules' reading of who acts on whom stands.
//!
//! Trained by `tests/safety_model.rs` into `lexicon/safety-model.tsv`; the arithmetic is the
//! trust signs' (`analysis::learned`), without the perspective.

use super::Concern;
use crate::analysis::learned::{Extra, Table, sentences};
use crate::analysis::tokens::Tokens;

/// The concerns the model reads, in the order of its weight columns.
pub const COLUMNS: [Concern; 3] = [Concern::SelfHarm, Concern::Harmed, Concern::HarmingOthers];

// Generated numbers, some of which happen to be close to a named constant.
#[allow(clippy::approx_constant)]
mod table {
    include!(concat!(env!("OUT_DIR"), "/safety_model.rs"));
}

static MODEL: Table<3> = Table {
    threshold: table::THRESHOLD,
    bias: table::BIAS,
    rows: &table::ROWS,
    slots: &table::SLOTS,
};

/// The chance at which a concern is read (chosen when the model was trained; see the file).
pub const THRESHOLD: f32 = table::THRESHOLD;

/// What the model read in a text: thoughts of self-harm in some sentence, and the harm note
/// its sentences lean to (being harmed wins over harming, as with the rules).
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Read {
    pub self_harm: bool,
    pub harm: Option<Concern>,
}

/// Reads every sentence of `text`.
pub fn read(text: &str) -> Read {
    let tokens = Tokens::new(text);
    let mut out = Read::default();
    for range in sentences(&tokens) {
        let c = MODEL.read(&tokens, range, Extra::Nothing).chance;
        out.self_harm |= c[0] >= THRESHOLD;
        // In one sentence, the harm note with the higher chance, if it reaches the threshold.
        let (k, chance) = if c[1] >= c[2] { (1, c[1]) } else { (2, c[2]) };
        if chance >= THRESHOLD && out.harm != Some(Concern::Harmed) {
            out.harm = Some(COLUMNS[k]);
        }
    }
    out
}
