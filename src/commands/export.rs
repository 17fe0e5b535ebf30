//! `mend export`: entries to Markdown or JSON, to stdout, a file, or one file per day/month/entry.

use std::io::Write;

use anyhow::{Result, bail};

use crate::app::App;
use crate::cli::ExportArgs;
use crate::store::Journal;

pub fn run(_journal: &Journal, _app: &App, _args: ExportArgs, _out: &mut dyn Write) -> Result<()> {
    bail!("export is not available yet")
}
