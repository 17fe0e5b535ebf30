//! `mend delete ID...`: moves entries to the trash, after asking on a terminal; with
//! `--purge`, removes them for good, text and all, from the journal file itself.

use std::io::Write;

use anyhow::{Result, bail};

use crate::app::App;
use crate::ask;
use crate::cli::DeleteArgs;
use crate::model::Entry;
use crate::render::terminal::first_words;
use crate::store::Journal;
use crate::store::purge::Purge;

pub fn run(journal: &Journal, app: &App, args: DeleteArgs, out: &mut dyn Write) -> Result<()> {
    let mut ids: Vec<i64> = Vec::new();
    for entry_ref in &args.ids {
        let id = entry_ref.resolve(journal)?;
        if !ids.contains(&id) {
            ids.push(id);
        }
    }
    // Check them all first, so a typo in one id deletes nothing.
    let entries = ids
        .iter()
        .map(|&id| {
            if args.purge {
                // Purging also takes entries that are already in the trash.
                crate::refs::find_any(journal, id)
            } else {
                crate::refs::find(journal, id)
            }
        })
        .collect::<Result<Vec<_>>>()?;
    let count = super::plural(entries.len(), "entry", "entries");
    let question = if args.purge {
        format!(
            "Remove {count} for good? The text is erased from the journal file; this cannot be undone"
        )
    } else {
        let days = Journal::TRASH_DAYS;
        format!("Move {count} to the trash? (restorable for {days} days)")
    };
    if !args.yes && !confirmed(app, &entries, &question)? {
        eprintln!("Nothing was deleted.");
        return Ok(());
    }
    if args.purge {
        journal.purge(Purge::Ids(&ids))?;
        writeln!(
            out,
            "Removed {count} for good; the text is no longer in the journal file."
        )?;
        return Ok(());
    }
    journal.trash_entries(&ids, app.now_utc())?;
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(" ");
    writeln!(
        out,
        "Moved {count} to the trash. `mend restore {list}` brings {} back within {} days.",
        if ids.len() == 1 { "it" } else { "them" },
        Journal::TRASH_DAYS
    )?;
    Ok(())
}

/// Shows the entries and asks `question` on a terminal; elsewhere a yes must be given.
pub(super) fn confirmed(app: &App, entries: &[Entry], question: &str) -> Result<bool> {
    if !ask::interactive() {
        bail!("deleting needs a yes — run it on a terminal to be asked, or add --yes");
    }
    for e in entries {
        eprintln!(
            "  {}  {}  {}",
            e.id,
            e.day,
            app.style.text(&first_words(&e.body, 50))
        );
    }
    ask::confirm(question, app.style.color)
}
