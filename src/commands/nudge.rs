//! `mend nudge`: one gentle line for a shell's startup file. It must be quick and silent when
//! it has nothing to say: no lexicon, no prompt library unless a prompt will be shown.

use std::io::Write;
use std::path::Path;

use anyhow::Result;

use crate::app::App;
use crate::prompts::Library;
use crate::prompts::select::{self, Wanted};
use crate::store::Journal;

pub fn run(app: &App, out: &mut dyn Write) -> Result<()> {
    if app.config.nudge == Some(false) {
        return Ok(());
    }
    let Some(journal) = Journal::open_existing(&app.paths.db)? else {
        return Ok(());
    };
    let today = app.now.date_naive();
    if journal.wrote_on(today)? {
        return Ok(());
    }
    let library = if Path::new(&app.paths.prompts).is_dir() {
        Library::load(&app.paths.prompts)
    } else {
        Library::built_in()
    };
    let wanted = Wanted {
        theme: None,
        perspective: app.config.perspective,
        context: app.config.context,
    };
    if let Some(prompt) = select::for_today(&journal, &library.prompts, &wanted, today)?.first() {
        writeln!(
            out,
            "mend · nothing written today yet. If you'd like a question: {} (mend prompt)",
            prompt.text
        )?;
    }
    Ok(())
}
