//! `mend trash`: what was deleted and how long it stays restorable.

use std::io::Write;

use anyhow::Result;
use chrono::Duration;

use crate::app::App;
use crate::cli::TrashArgs;
use crate::render::{self, terminal::first_words};
use crate::store::Journal;

use super::delete::TRASH_DAYS;

pub fn run(journal: &Journal, app: &App, args: TrashArgs, out: &mut dyn Write) -> Result<()> {
    journal.purge_trash(app.now_utc() - Duration::days(TRASH_DAYS))?;
    let entries = journal.trashed()?;
    if args.json {
        return render::json(out, &entries);
    }
    if entries.is_empty() {
        writeln!(out, "The trash is empty.")?;
        return Ok(());
    }
    for e in &entries {
        let deleted = e.deleted.unwrap_or(e.updated);
        let until = (deleted + Duration::days(TRASH_DAYS)).with_timezone(&chrono::Local);
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
    writeln!(out, "`mend restore ID` brings an entry back.")?;
    Ok(())
}
