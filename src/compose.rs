//! Saving a composed entry, shared by write, prompt and path: the save itself (or a draft
//! when it fails), the questions asked afterwards on a terminal, and the safety note.

use std::io::Write;

use anyhow::{Result, anyhow};

use crate::app::App;
use crate::model::NewEntry;
use crate::store::Journal;
use crate::store::entries::EntryUpdate;
use crate::{analysis, ask, drafts};

/// Saves the entry; when that fails, keeps the text as a draft and says where.
pub fn save_or_keep(journal: &Journal, app: &App, entry: &NewEntry) -> Result<i64> {
    journal.insert(entry, app.now_utc()).map_err(|e| {
        let reason = crate::store::plain_message(&e);
        keep_as_draft(app, entry, &format!("could not save the entry: {reason}"))
    })
}

/// Keeps `entry` as a draft and builds the error that tells the person where it is.
pub fn keep_as_draft(app: &App, entry: &NewEntry, what_happened: &str) -> anyhow::Error {
    match drafts::save_somewhere(&app.paths.draft_dirs(), entry, app.now_utc()) {
        Ok(path) => anyhow!(
            "{what_happened} — your text is kept in {}; `mend drafts recover {}` saves it once the problem is fixed",
            path.display(),
            path.display()
        ),
        Err(reasons) => {
            // Last resort: the words go to the terminal so they can still be copied.
            eprintln!(
                "----- your text -----\n{}\n---------------------",
                entry.body
            );
            anyhow!(
                "{what_happened}, and no draft could be written either ({reasons}) — your text is printed above; copy it somewhere safe"
            )
        }
    }
}

/// After an entry is safely saved: on a terminal, asks for the mood and feelings that were
/// not given; then says it was saved, with the safety note when the text calls for it.
pub fn finish(
    journal: &Journal,
    app: &App,
    id: i64,
    entry: &NewEntry,
    out: &mut dyn Write,
) -> Result<()> {
    if ask::interactive() && (entry.mood.is_none() || entry.feelings.is_empty()) {
        let mut change = EntryUpdate::default();
        if entry.mood.is_none() {
            change.mood = ask::mood(app.style.color).ok().flatten().map(Some);
        }
        if entry.feelings.is_empty() {
            let chosen = ask::feelings(app.style.color).unwrap_or_default();
            if !chosen.is_empty() {
                change.feelings = Some(chosen);
            }
        }
        if !change.is_empty() {
            journal.update(id, &change, app.now_utc())?;
        }
    }
    writeln!(
        out,
        "Saved entry {id} for {}.",
        entry.day.format("%A %-d %B %Y")
    )?;
    safety_note(app, &entry.body);
    Ok(())
}

/// Prints the safety notes the text calls for (on stderr, so they are seen even when output is
/// piped): one for thoughts of suicide or self-harm, one for being harmed or controlled, one for
/// harming a partner. `safety-note = false` in the config switches them off; a text there is
/// shown instead. Nothing is sent anywhere.
pub fn safety_note(app: &App, text: &str) {
    use crate::config::SafetyNote;
    let custom = match &app.config.safety_note {
        Some(SafetyNote::Shown(false)) => return,
        Some(SafetyNote::Text(own)) => Some(own.as_str()),
        Some(SafetyNote::Shown(true)) | None => None,
    };
    let concerns = analysis::safety_concerns(text);
    let notes: Vec<&str> = match custom {
        Some(own) if !concerns.is_empty() => vec![own],
        Some(_) => Vec::new(),
        None => concerns
            .into_iter()
            .map(analysis::safety_note_text)
            .collect(),
    };
    for note in notes {
        eprintln!("\n{}\n", app.style.bold(note.trim()));
    }
}
