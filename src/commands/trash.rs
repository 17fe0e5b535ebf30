//! `mend trash`: what was deleted and how long it stays restorable; `mend trash empty`
//! removes it all for good, text and all, from the journal file itself.

use std::io::Write;

use anyhow::Result;
use chrono::Duration;

use crate::app::App;
use crate::cli::{TrashAction, TrashArgs};
use crate::render::{self, terminal::first_words};
use crate::store::Journal;
use crate::store::purge::Purge;

pub fn run(journal: &Journal, app: &App, args: TrashArgs, out: &mut dyn Write) -> Result<()> {
    journal.purge_trash(app.now_utc() - Duration::days(Journal::TRASH_DAYS))?;
    let entries = journal.trashed()?;
    if let Some(TrashAction::Empty { yes }) = args.action {
        if entries.is_empty() {
            writeln!(out, "The trash is already empty.")?;
            return Ok(());
        }
        let count = super::plural(entries.len(), "entry", "entries");
        let question = format!(
            "Remove {count} in the trash for good? The text is erased from the journal file; this cannot be undone"
        );
        if !yes && !super::delete::confirmed(app, &entries, &question)? {
            eprintln!("Nothing was removed.");
            return Ok(());
        }
        let removed = journal.purge(Purge::Trash)?;
        writeln!(
            out,
            "Removed {} for good; the text is no longer in the journal file.",
            super::plural(removed, "entry", "entries")
        )?;
        return Ok(());
    }
    if args.json {
        return render::json(out, &entries);
    }
    if entries.is_empty() {
        writeln!(out, "The trash is empty.")?;
        return Ok(());
    }
    for e in &entries {
        let deleted = e.deleted.unwrap_or(e.updated);
        let until = (deleted + Duration::days(Journal::TRASH_DAYS)).with_timezone(&chrono::Local);
        writeln!(
            out,
            "{:>5}  {}  {}  {}",
            app.style.bold(&e.id.to_string()),
            e.day,
            app.style
                .dim(&format!("kept until {}", until.format("%-d %b %Y"))),
            app.style.text(&first_words(&e.body, 50))
        )?;
    }
    writeln!(
        out,
        "`mend restore ID` brings an entry back; `mend trash empty` removes them for good."
    )?;
    Ok(())
}
