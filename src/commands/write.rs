//! `mend write`: a new entry from arguments, standard input or the editor.

use std::io::{IsTerminal, Write};

use anyhow::{Result, bail};
use chrono::Utc;

use crate::app::App;
use crate::cli::{EntryDetails, WriteArgs};
use crate::editor::{self, Edited};
use crate::feelings::vocabulary;
use crate::model::{NewEntry, hashtags, normalize_labels};
use crate::store::Journal;
use crate::{compose, dates};

/// `warn-arguments = true`: the one-line reminder when text comes as arguments.
pub const ARGUMENTS_REMINDER: &str = "mend: a reminder — text given as arguments can be seen by other programs and stays in your shell's history; `mend write` alone opens your editor";

pub fn run(journal: &Journal, app: &App, args: WriteArgs, out: &mut dyn Write) -> Result<()> {
    let mut entry = details(&args.details, app)?;
    let from_editor = args.text.is_empty() && std::io::stdin().is_terminal();
    entry.body = if !args.text.is_empty() {
        if app.config.warn_arguments == Some(true) {
            eprintln!("{ARGUMENTS_REMINDER}");
        }
        args.text.join(" ")
    } else if from_editor {
        match write_in_editor(app, &entry)? {
            Some(text) => text,
            None => return Ok(()),
        }
    } else {
        super::read_stdin()?
    };
    let body = entry.body.trim_end();
    if body.trim().is_empty() {
        bail!(
            "there is no text to save — write it after `mend write`, pipe it in, or run `mend write` on a terminal to use your editor"
        );
    }
    entry.body = body.to_string();
    if entry.body.len() > super::MAX_TEXT_BYTES {
        bail!(
            "the text is over {} MB — split it into several entries",
            super::MAX_TEXT_BYTES / (1024 * 1024)
        );
    }
    entry.tags = normalize_labels(entry.tags.iter().cloned().chain(hashtags(&entry.body)));

    let id = compose::save_or_keep(journal, app, &entry)?;
    compose::finish(journal, app, id, &entry, out)
}

/// Reads the shared entry options (date, mood, feelings, tags) into an entry without text.
pub fn details(d: &EntryDetails, app: &App) -> Result<NewEntry> {
    let when = match &d.date {
        Some(text) => dates::parse_when(text, app.now)?,
        None => dates::When {
            day: app.now.date_naive(),
            at: None,
        },
    };
    Ok(NewEntry {
        at: when.at.map(|t| t.with_timezone(&Utc)),
        mood: d.mood,
        feelings: vocabulary().resolve_all(&d.feelings)?,
        tags: normalize_labels(&d.tags),
        ..NewEntry::on(when.day)
    })
}

/// Opens the editor for a new entry. `None` means nothing was written (and that was said).
fn write_in_editor(app: &App, entry: &NewEntry) -> Result<Option<String>> {
    let notes = vec![
        format!("Writing for {}.", entry.day.format("%A %-d %B %Y")),
        "Write above the line; everything from the line down is removed.".to_string(),
        "Save and close the editor to keep your entry. Leave it empty to keep nothing.".to_string(),
        "#words in your text are saved as tags.".to_string(),
    ];
    let command = editor::editor_command(app.config.editor.as_deref());
    match editor::edit(&command, &app.paths.scratch, &[], "", &notes)? {
        Edited::Text(text) => Ok(Some(text)),
        Edited::Empty | Edited::Unchanged => {
            eprintln!("Nothing was written, so nothing was saved.");
            Ok(None)
        }
        Edited::Failed { status, text: None } => {
            bail!("the editor {command:?} {status} and left no text — nothing was saved")
        }
        Edited::Failed {
            status,
            text: Some(text),
        } => {
            let draft = NewEntry {
                body: text,
                ..entry.clone()
            };
            Err(compose::keep_as_draft(
                app,
                &draft,
                &format!("the editor {command:?} {status}"),
            ))
        }
    }
}
