//! `mend edit ID`: the text in the editor, or details changed with flags. New text that
//! cannot be saved is kept as a draft; recovering it replaces the entry's text.

use std::io::Write;

use anyhow::{Result, bail};

use crate::app::App;
use crate::cli::EditArgs;
use crate::compose::{self, Written};
use crate::editor::Template;
use crate::feelings::vocabulary;
use crate::model::{Entry, NewEntry, normalize_labels};
use crate::store::Journal;
use crate::store::entries::EntryUpdate;
use crate::{dates, text};

pub fn run(journal: &Journal, app: &App, args: EditArgs, out: &mut dyn Write) -> Result<()> {
    let id = args.id.resolve(journal)?;
    let current = crate::refs::find(journal, id)?;
    // Corrections of the reading (--not-sign, --not-feel) are recorded first; alone they
    // change nothing else and open no editor.
    let corrections = crate::analysis::resolve_corrections(&args.not_sign, &args.not_feel)?;
    // Only what was read as the writer's can be taken back: a correction of nothing read is
    // said and not recorded, since it would change nothing.
    let stored = if corrections.is_empty() {
        None
    } else {
        journal.stored_analysis(id)?
    };
    let mut noted = 0;
    for (kind, name) in &corrections {
        if !stored
            .as_ref()
            .is_none_or(|a| a.read_as_writers(*kind, name))
        {
            writeln!(
                out,
                "Entry {id} has no {} {name} read in its words as yours, so there is nothing to take back.",
                kind.as_str()
            )?;
            continue;
        }
        journal.add_override(id, *kind, name)?;
        noted += 1;
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
    // The details a draft of the new text carries, should it come to that.
    let details = NewEntry {
        mood: change.mood.unwrap_or(current.mood),
        feelings: change
            .feelings
            .clone()
            .unwrap_or_else(|| current.feelings.clone()),
        tags: change.tags.clone().unwrap_or_else(|| current.tags.clone()),
        prompt: current.prompt.clone(),
        ..NewEntry::on(change.day.unwrap_or(current.day))
    };
    let raw = match &args.text {
        Some(t) if t == "-" => Some(text::read_stdin()?),
        Some(t) => Some(t.clone().into_bytes()),
        None if change.is_empty() && !corrections.is_empty() => {
            if noted > 0 {
                writeln!(out, "Noted: entry {id} no longer counts that reading.")?;
            }
            return Ok(());
        }
        None if change.is_empty() => match edit_in_editor(app, &current, &details)? {
            Some(text) => Some(text.into_bytes()),
            None => return Ok(()),
        },
        None => None,
    };
    if let Some(raw) = raw {
        let Some(edited) = compose::accept(app, details.clone(), &raw, Some(id))? else {
            bail!(
                "the new text is empty, so entry {id} was left as it was — `mend delete {id}` removes an entry"
            );
        };
        // Tags written inline are added; tags are never dropped silently by an edit.
        change.tags = Some(edited.tags);
        change.body = Some(edited.body);
    }
    compose::update_or_keep(journal, app, id, &change, &details)?;
    writeln!(out, "Updated entry {id}.")?;
    if let Some(body) = &change.body {
        compose::safety_note(app, body);
    }
    Ok(())
}

/// The entry's text in the editor; `None` when nothing changed (and that was said).
fn edit_in_editor(app: &App, entry: &Entry, details: &NewEntry) -> Result<Option<String>> {
    let template = Template {
        text: entry.body.clone(),
        comments: vec![
            format!(
                "Editing entry {} of {}.",
                entry.id,
                entry.day.format("%A %-d %B %Y")
            ),
            "Everything from the scissors line down is removed. Save and close to keep your changes."
                .to_string(),
        ],
    };
    match compose::in_editor(app, &template, details, Some(entry.id))? {
        Written::Text(text) => Ok(Some(text)),
        Written::Unchanged => {
            eprintln!("No changes: entry {} is as it was.", entry.id);
            Ok(None)
        }
        Written::Empty => bail!(
            "the text was emptied, so entry {} was left as it was — `mend delete {}` removes an entry",
            entry.id,
            entry.id
        ),
    }
}
