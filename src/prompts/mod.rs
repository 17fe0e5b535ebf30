//! Guided reflection: the prompt library, today's prompt, guided paths, and the answer flow
//! they share. Loading the library and printing a prompt live here so that `prompt`,
//! `prompts` and `path` share them without calling each other.

pub mod answer;
pub mod cadence;
pub mod checks;
pub mod library;
pub mod overview;
pub mod ratings;
pub mod record;
pub mod select;
pub mod step;
pub mod thought;
pub mod walk;

use std::io::Write;

use anyhow::Result;

pub use library::{Context, Library, Perspective, Prompt};

use crate::app::App;
use crate::render::layout;
use crate::render::terminal::Style;

/// The library with the person's own prompts; problems in their files are reported once.
pub fn load_library(app: &App) -> Library {
    let library = Library::load(&app.paths.prompts);
    for warning in &library.warnings {
        eprintln!(
            "mend: skipped your prompt file {warning} — fix it and the prompts in it come back"
        );
    }
    library
}

/// A prompt as text: theme, question, follow-ups.
pub fn print_prompt(
    out: &mut dyn Write,
    prompt: &Prompt,
    theme_title: &str,
    style: &Style,
) -> Result<()> {
    let width = layout::out_width();
    let heading = format!("{theme_title} · {}", prompt.id);
    writeln!(out, "{}", style.dim(&layout::wrap(&heading, width, "")))?;
    writeln!(
        out,
        "{}",
        style.bold(&layout::wrap(&prompt.text, width, ""))
    )?;
    for follow_up in &prompt.follow_ups {
        writeln!(
            out,
            "{}",
            layout::wrap_with(follow_up, width, "  · ", "    ")
        )?;
    }
    Ok(())
}
