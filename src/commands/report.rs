//! `mend report`: a self-contained HTML report of a period.

use std::io::Write;

use anyhow::{Result, bail};

use crate::app::App;
use crate::cli::ReportArgs;
use crate::store::Journal;

pub fn run(_journal: &Journal, _app: &App, _args: ReportArgs, _out: &mut dyn Write) -> Result<()> {
    bail!("the report is not available yet")
}
