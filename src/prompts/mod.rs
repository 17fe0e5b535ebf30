//! Guided reflection: the prompt library, today's prompt, guided paths, and the answer flow
//! they share.

pub mod answer;
pub mod library;
pub mod ratings;
pub mod record;
pub mod select;
pub mod thought;

pub use library::{Context, Library, Perspective, Prompt};
