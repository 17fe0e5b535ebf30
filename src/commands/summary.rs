//! `mend summary`: patterns over a period, compared with the period before.

use std::io::Write;

use anyhow::{Result, bail};

use crate::app::App;
use crate::cli::SummaryArgs;
use crate::store::Journal;

pub fn run(_journal: &Journal, _app: &App, _args: SummaryArgs, _out: &mut dyn Write) -> Result<()> {
    bail!("summary is not available yet")
}
