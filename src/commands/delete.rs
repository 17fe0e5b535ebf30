//! `mend delete ID...`: moves entries to the trash, after asking on a terminal.

use std::io::Write;

use anyhow::{Result, bail};

use crate::app::App;
use crate::ask;
use crate::cli::DeleteArgs;
use crate::render::terminal::first_words;
use crate::store::Journal;

/// How long deleted entries stay restorable.
pub const TRASH_DAYS: i64 = 30;

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
        .map(|&id| super::show::find(journal, id))
        .collect::<Result<Vec<_>>>()?;
    if !args.yes {
        if !ask::interactive() {
            bail!("deleting needs a yes — run it on a terminal to be asked, or add --yes");
        }
        for e in &entries {
            eprintln!(
                "  {}  {}  {}",
                e.id,
                e.day,
                app.style.text(&first_words(&e.body, 50))
            );
        }
        let question = format!(
            "Move {} to the trash? (restorable for {TRASH_DAYS} days)",
            super::plural(entries.len(), "entry", "entries")
        );
        if !ask::confirm(&question, app.style.color)? {
            eprintln!("Nothing was deleted.");
            return Ok(());
        }
    }
    journal.trash_entries(&ids, app.now_utc())?;
    let list = ids.iter().map(i64::to_string).collect::<Vec<_>>().join(" ");
    writeln!(
        out,
        "Moved {} to the trash. `mend restore {list}` brings {} back within {TRASH_DAYS} days.",
        super::plural(ids.len(), "entry", "entries"),
        if ids.len() == 1 { "it" } else { "them" }
    )?;
    Ok(())
}
