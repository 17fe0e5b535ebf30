//! `mend summary`'s engine: patterns over a period, computed from stored rows only (the
//! entries' day, mood, feelings, tags and prompt, and the analysis saved when each entry
//! was written — no text is analysed again), then rendered as terminal text, Markdown or
//! JSON. Computing never prints.
//!
//! Honest statistics: mend describes, it does not diagnose, and it only claims a pattern the
//! data can carry. Days are the unit (`days`); every question is a permutation test that
//! keeps the carry-over between days (`engine`); all the tests of one summary are corrected
//! together (Holm) and a claim must also be large enough and survive leaving out any one day
//! (`rules`). The full rule is in docs/summary.md; `simulate` checks it on generated journals.

mod compute;
mod data;
mod days;
pub mod engine;
mod insights;
pub mod model;
mod mood;
pub mod period;
pub mod practices;
mod render_md;
mod render_text;
pub mod rules;
#[cfg(test)]
mod simulate;
pub mod stats;
mod suggest;
#[cfg(test)]
mod tests;
pub mod words;

// `compute` and `markdown` are also what export uses.
pub use compute::{compute, compute_with};
pub use render_md::{markdown, markdown_with};
pub use render_text::text;
