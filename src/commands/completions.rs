//! `mend completions SHELL`: a completion script for the shell, from the clap definitions.

use std::io::Write;

use crate::cli;
use anyhow::Result;

pub fn run(shell: clap_complete::Shell, out: &mut dyn Write) -> Result<()> {
    // clap_complete panics when its writer fails; build the script in memory so a closed
    // pipe is an ordinary write error.
    let mut script = Vec::new();
    clap_complete::generate(shell, &mut cli::whole_command(), "mend", &mut script);
    out.write_all(&script)?;
    Ok(())
}
