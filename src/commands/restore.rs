//! `mend restore ID...`: brings entries back from the trash.

use std::io::Write;

use anyhow::{Result, bail};

use crate::app::App;
use crate::cli::RestoreArgs;
use crate::store::Journal;

pub fn run(journal: &Journal, app: &App, args: RestoreArgs, out: &mut dyn Write) -> Result<()> {
    journal.purge_trash(app.now_utc() - chrono::Duration::days(Journal::TRASH_DAYS))?;
    let missing = journal.restore_entries(&args.ids)?;
    let restored: Vec<String> = args
        .ids
        .iter()
        .filter(|id| !missing.contains(id))
        .map(i64::to_string)
        .collect();
    if !restored.is_empty() {
        writeln!(out, "Restored entry {}.", restored.join(", "))?;
    }
    if !missing.is_empty() {
        let list = missing
            .iter()
            .map(i64::to_string)
            .collect::<Vec<_>>()
            .join(", ");
        bail!("entry {list} is not in the trash — `mend trash` lists what can be restored");
    }
    Ok(())
}
