//! `mend list`: entries oldest first, filtered by day, feeling, tag and mood.

use std::io::Write;

use anyhow::Result;

use crate::app::App;
use crate::cli::ListArgs;
use crate::render::terminal;
use crate::store::Journal;

pub fn run(journal: &Journal, app: &App, args: ListArgs, out: &mut dyn Write) -> Result<()> {
    let mut filter = super::filter(&args.filter, app)?;
    filter.limit = args.number;
    let mut count = 0usize;
    if args.json {
        // Streamed, so a long journal never has to fit in memory at once.
        write!(out, "[")?;
        journal.for_each_entry(&filter, |entry| {
            if count > 0 {
                write!(out, ",")?;
            }
            writeln!(out)?;
            serde_json::to_writer_pretty(&mut *out, &entry)?;
            count += 1;
            Ok(())
        })?;
        writeln!(out, "{}]", if count > 0 { "\n" } else { "" })?;
        return Ok(());
    }
    journal.for_each_entry(&filter, |entry| {
        count += 1;
        if args.short {
            terminal::entry_short(out, &entry, &app.style)
        } else {
            let offset = journal.written_offset(entry.id)?;
            terminal::entry_with(out, &entry, offset, &app.style)
        }
    })?;
    if count == 0 {
        eprintln!("No entries match. `mend write` adds one.");
    }
    Ok(())
}
