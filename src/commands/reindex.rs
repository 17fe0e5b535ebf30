//! `mend reindex`: analyse entries again after the analyser changed (or all of them).

use std::io::Write;

use anyhow::Result;

use crate::app::App;
use crate::cli::ReindexArgs;
use crate::progress;
use crate::store::Journal;

pub fn run(journal: &Journal, app: &App, args: ReindexArgs, out: &mut dyn Write) -> Result<()> {
    let ids = if args.all {
        journal.all_ids()?
    } else {
        journal.stale_analysis()?
    };
    if ids.is_empty() {
        writeln!(out, "Every entry's analysis is up to date.")?;
        return Ok(());
    }
    let bar = progress::bar(ids.len() as u64, "Analysing");
    let done = journal.reanalyse(&ids, app.config.perspective, |n| bar.set_position(n as u64))?;
    bar.finish_and_clear();
    writeln!(out, "Analysed {}.", super::plural(done, "entry", "entries"))?;
    Ok(())
}
