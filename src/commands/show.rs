//! `mend show ID|DATE`: one entry in full, or every entry of a day.

use std::io::Write;

use anyhow::{Result, bail};

use crate::app::App;
use crate::cli::ShowArgs;
use crate::dates;
use crate::refs::EntryRef;
use crate::render::{self, terminal};
use crate::store::{Filter, Journal};

pub fn run(journal: &Journal, app: &App, args: ShowArgs, out: &mut dyn Write) -> Result<()> {
    let target = args.target.trim();
    if let Ok(entry_ref) = EntryRef::parse(target) {
        let entry = find(journal, entry_ref.resolve(journal)?)?;
        return if args.json {
            render::json(out, &entry)
        } else {
            terminal::entry(out, &entry, &app.style)
        };
    }
    let day = dates::parse_day(target, app.now)?;
    let entries = journal.list(&Filter {
        from: Some(day),
        to: Some(day),
        ..Filter::default()
    })?;
    if args.json {
        return render::json(out, &entries);
    }
    if entries.is_empty() {
        bail!(
            "nothing was written on {} — `mend list --short` shows the days you wrote",
            day.format("%A %-d %B %Y")
        );
    }
    for entry in &entries {
        terminal::entry(out, entry, &app.style)?;
    }
    Ok(())
}

/// An entry by id, with a helpful message when it is missing or in the trash.
pub fn find(journal: &Journal, id: i64) -> Result<crate::model::Entry> {
    match journal.get(id, true)? {
        Some(e) if e.deleted.is_some() => {
            bail!("entry {id} is in the trash — `mend restore {id}` brings it back")
        }
        Some(e) => Ok(e),
        None => bail!("there is no entry {id} — `mend list --short` shows the ids"),
    }
}
