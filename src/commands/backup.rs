//! `mend backup FILE`: a safe copy of the journal, taken while it may be in use.

use std::io::Write;
use std::path::Path;

use anyhow::Result;

use crate::store::Journal;

pub fn run(journal: &Journal, file: &Path, force: bool, out: &mut dyn Write) -> Result<()> {
    journal.backup_to(file, force)?;
    let note = if journal.is_encrypted() {
        " (encrypted, with the same passphrase)"
    } else {
        ""
    };
    writeln!(out, "Backed up the journal to {}{note}.", file.display())?;
    Ok(())
}
