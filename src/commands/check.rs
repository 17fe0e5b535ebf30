//! `mend check`: is the journal whole, is its search index right, is its analysis current, is
//! its schema only what mend made, can every entry be read, and did an interrupted
//! conversion leave anything beside it?

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
    let schema_ok = health.schema.is_empty();
    writeln!(out, "schema    {}", mark(schema_ok))?;
    for finding in health.schema.iter().take(20) {
        writeln!(out, "          {}", app.style.text(&finding.to_string()))?;
    }
    writeln!(out, "rows      {}", mark(health.unreadable.is_empty()))?;
    for bad in health.unreadable.iter().take(20) {
        writeln!(
            out,
            "          entry {}: its {} cannot be read",
            bad.id, bad.column
        )?;
    }
    // The moment log and the reviews' fields: rows mend can no longer read as what they say.
    let moments = journal.check_moments()?;
    let reviews = journal.unreadable_reviews()?;
    let practices_ok = moments.unreadable.is_empty() && reviews.is_empty();
    writeln!(out, "moments   {} {}", moments.count, mark(practices_ok))?;
    for id in moments.unreadable.iter().take(20) {
        writeln!(out, "          moment {id} cannot be read")?;
    }
    for id in reviews.iter().take(20) {
        writeln!(
            out,
            "          entry {id}: its review fields cannot be read"
        )?;
    }
    if !health.leftovers_removed.is_empty() || !health.leftovers.is_empty() {
        writeln!(out, "leftovers {}", mark(health.leftovers.is_empty()))?;
        for file in &health.leftovers_removed {
            writeln!(
                out,
                "          removed {} (left by an interrupted encrypt, decrypt or passphrase change)",
                app.style.text(&file.display().to_string())
            )?;
        }
        for file in &health.leftovers {
            writeln!(
                out,
                "          still there: {} (a conversion may be running; if not, remove it)",
                app.style.text(&file.display().to_string())
            )?;
        }
    }
    if !health.ok() || !practices_ok {
        out.flush()?;
        bail!(
            "the journal needs attention (see above) — `mend reindex` refreshes the analysis; for damage or a schema mend did not make, restore a backup"
        );
    }
    Ok(())
}
