//! `mend import`: entries from a mend JSON export, jrnl, or Day One.

use std::io::Write;

use anyhow::{Result, bail};

use crate::app::App;
use crate::cli::ImportArgs;
use crate::store::Journal;

pub fn run(_journal: &Journal, _app: &App, _args: ImportArgs, _out: &mut dyn Write) -> Result<()> {
    bail!("import is not available yet")
}
