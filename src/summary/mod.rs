//! `mend summary`'s engine: patterns over a period, computed from stored rows only (the
//! entries' day, mood, feelings, tags and prompt, and the analysis saved when each entry
//! was written — no text is analysed again), then rendered as terminal text, Markdown or
//! JSON. Computing never prints.
//!
//! Honest statistics: mend describes, it does not diagnose, and it only claims a pattern
//! with enough writing behind it. The rule (also in docs/summary.md):
//!
//! - Every comparison needs at least 5 data points on each side (`rules::MIN_N`).
//! - Fewer than 10 entries in the period: no claims at all, and a kind word instead.
//! - A trend (mood, a trust sign or a theme going up or down within the period) needs at
//!   least 4 weeks with data and at least 10 data points. Weeks count in sevens from the
//!   period's first day; the weekly value is the mean mood, or the share of that week's
//!   entries with the sign or theme. It is claimed only when all of these hold: Spearman's
//!   rank correlation between week and weekly value is at least 0.3 in size; the two halves
//!   of the period differ in the same direction by enough to matter (0.5 mood points; for
//!   rates 10 percentage points and a factor of 1.5); and that halves difference is
//!   significant (Welch's t-test for mood, a two-proportion z-test for rates) at 1% divided
//!   by the number of trends tested in the summary (Bonferroni). Otherwise the trend is
//!   "flat" when there is enough data and "unknown" when there is not.
//! - A difference in mood with versus without a feeling, tag, theme, prompt answer or
//!   weekday is claimed only with at least 5 entries with a mood on each side, a gap of at
//!   least 0.75 mood points, and Welch's t-test significant at 1% divided by the number of
//!   comparisons made (Bonferroni).
//!
//! The unit tests in `rules` simulate journals of pure noise and check that claims stay rare.

mod compute;
mod data;
mod insights;
pub mod model;
mod mood;
pub mod period;
mod render_md;
mod render_text;
pub mod rules;
pub mod stats;
mod suggest;
#[cfg(test)]
mod tests;
mod words;

// `compute` and `markdown` are also what export uses.
pub use compute::{compute, compute_with};
pub use render_md::{markdown, markdown_with};
pub use render_text::text;
