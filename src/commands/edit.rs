//! `mend edit ID`: the text in the editor, or details changed with flags.

use std::io::Write;

use anyhow::{Result, bail};

use crate::app::App;
use crate::cli::EditArgs;
use crate::dates;
use crate::editor::{self, Edited};
use crate::feelings::vocabulary;
use crate::model::{NewEntry, hashtags, normalize_labels};
use crate::store::Journal;
use crate::store::entries::EntryUpdate;

pub fn run(journal: &Journal, app: &App, args: EditArgs, out: &mut dyn Write) -> Result<()> {
    let current = super::show::find(journal, args.id)?;
    // Corrections of the reading (--not-sign, --not-feel) are recorded first; alone they
    // change nothing else and open no editor.
    let corrections = crate::analysis::resolve_corrections(&args.not_sign, &args.not_feel)?;
    for (kind, name) in &corrections {
        journal.add_override(args.id, kind, name)?;
    }
    let mut change = EntryUpdate {
        day: args
            .date
            .as_deref()
            .map(|d| dates::parse_when(d, app.now))
            .transpose()?
            .map(|w| w.day),
        mood: if args.no_mood {
            Some(None)
        } else {
            args.mood.map(Some)
        },
        feelings: args
            .feelings
            .as_ref()
            .map(|f| vocabulary().resolve_all(f))
            .transpose()?,
        tags: args.tags.as_ref().map(normalize_labels),
        body: None,
    };
    let new_text = match &args.text {
        Some(t) if t == "-" => Some(super::read_stdin()?),
        Some(t) => Some(t.clone()),
        None if change.is_empty() && !corrections.is_empty() => {
            writeln!(
                out,
                "Noted: entry {} no longer counts that reading.",
                args.id
            )?;
            return Ok(());
        }
        None if change.is_empty() => match edit_in_editor(app, &current)? {
            Some(text) => Some(text),
            None => return Ok(()),
        },
        None => None,
    };
    if let Some(text) = new_text {
        let text = text.trim_end().to_string();
        if text.trim().is_empty() {
            bail!(
                "the new text is empty, so entry {} was left as it was — `mend delete {}` removes an entry",
                args.id,
                args.id
            );
        }
        // Tags written inline are added; tags are never dropped silently by an edit.
        let mut tags = change.tags.clone().unwrap_or_else(|| current.tags.clone());
        tags.extend(hashtags(&text));
        change.tags = Some(normalize_labels(tags));
        change.body = Some(text);
    }
    journal.update(args.id, &change, app.now_utc())?;
    writeln!(out, "Updated entry {}.", args.id)?;
    if let Some(body) = &change.body {
        crate::compose::safety_note(app, body);
    }
    Ok(())
}

fn edit_in_editor(app: &App, entry: &crate::model::Entry) -> Result<Option<String>> {
    let notes = vec![
        format!(
            "Editing entry {} of {}.",
            entry.id,
            entry.day.format("%A %-d %B %Y")
        ),
        "Everything from the line above down is removed. Save and close to keep your changes."
            .to_string(),
    ];
    let command = editor::editor_command(app.config.editor.as_deref());
    match editor::edit(&command, &app.paths.scratch, &[], &entry.body, &notes)? {
        Edited::Text(text) => Ok(Some(text)),
        Edited::Unchanged => {
            eprintln!("No changes: entry {} is as it was.", entry.id);
            Ok(None)
        }
        Edited::Empty => bail!(
            "the text was emptied, so entry {} was left as it was — `mend delete {}` removes an entry",
            entry.id,
            entry.id
        ),
        Edited::Failed { status, text: None } => {
            bail!(
                "the editor {command:?} {status} — entry {} was left as it was",
                entry.id
            )
        }
        Edited::Failed {
            status,
            text: Some(text),
        } => {
            let draft = NewEntry {
                body: text,
                mood: entry.mood,
                feelings: entry.feelings.clone(),
                tags: entry.tags.clone(),
                prompt: entry.prompt.clone(),
                ..NewEntry::on(entry.day)
            };
            Err(crate::compose::keep_as_draft(
                app,
                &draft,
                &format!(
                    "the editor {command:?} {status}, so entry {} was left as it was",
                    entry.id
                ),
            ))
        }
    }
}
