//! `mend report`: a self-contained HTML report of a period, written atomically as a private
//! file (0600) that replaces an existing one only with --force.

use std::io::Write;
use std::path::Path;

use anyhow::{Result, bail};

use crate::app::App;
use crate::cli::ReportArgs;
use crate::interop::files::{AtomicFile, check_free};
use crate::report::{self, ReportData};
use crate::store::Journal;

pub fn run(journal: &Journal, app: &App, args: ReportArgs, out: &mut dyn Write) -> Result<()> {
    let path = args.output.as_path();
    if path == Path::new("-") {
        bail!(
            "the report is written to a file, not to standard output — give its name with -o, e.g. -o report.html"
        );
    }
    if path.is_dir() {
        bail!(
            "{} is a folder — give a file name with -o, e.g. -o {}",
            path.display(),
            path.join("report.html").display()
        );
    }
    // Refuse early, before any work, when the file is there and --force was not given.
    check_free(path, args.force)?;

    // The same period and summary `mend summary` would give.
    let summary = super::summary_for(journal, app, &args.period)?;
    let week_start = app.config.week_start.unwrap_or_default();
    let mut data = ReportData::load(journal, summary, app.now.date_naive(), week_start)?;
    data.discreet = app.config.discreet();
    let html = report::html(&data);

    let mut file = AtomicFile::create(path, args.force)?;
    file.write_all(html.as_bytes())?;
    file.commit()?;
    writeln!(
        out,
        "Wrote the report for {} to {} — it holds your words in plain text; keep it private.",
        report::period_words(&data.summary),
        path.display()
    )?;
    Ok(())
}
