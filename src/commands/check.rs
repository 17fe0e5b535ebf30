//! `mend check`: is the journal whole, is its search index right, is its analysis current?

use std::io::Write;

use anyhow::{Result, bail};

use crate::app::App;
use crate::store::Journal;

pub fn run(journal: &Journal, app: &App, out: &mut dyn Write) -> Result<()> {
    let health = journal.check()?;
    let mark = |ok: bool| {
        if ok {
            app.style.accent("ok")
        } else {
            app.style.bold("problem")
        }
    };
    let intact = health.integrity == ["ok"];
    writeln!(
        out,
        "journal   {}  {}",
        journal.path().display(),
        if journal.is_encrypted() {
            "(encrypted)"
        } else {
            ""
        }
    )?;
    writeln!(out, "entries   {}", health.entries)?;
    writeln!(out, "integrity {}", mark(intact))?;
    for finding in health.integrity.iter().filter(|_| !intact).take(10) {
        writeln!(out, "          {finding}")?;
    }
    writeln!(out, "search    {}", mark(health.search_index_ok))?;
    writeln!(
        out,
        "analysis  {}",
        if health.stale_analysis == 0 {
            mark(true)
        } else {
            format!("{} entries need `mend reindex`", health.stale_analysis)
        }
    )?;
    if !health.ok() {
        out.flush()?;
        bail!(
            "the journal needs attention (see above) — `mend reindex` refreshes the analysis; for damage, restore a backup"
        );
    }
    Ok(())
}
