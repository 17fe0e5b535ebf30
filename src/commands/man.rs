//! `mend man DIR`: a man page for mend and for every subcommand, from the clap definitions.

use std::fs;
use std::io::Write;
use std::path::Path;

use crate::cli;
use anyhow::{Context, Result};

pub fn run(dir: &Path, out: &mut dyn Write) -> Result<()> {
    fs::create_dir_all(dir).with_context(|| {
        format!(
            "creating {} — choose a folder you can write to",
            dir.display()
        )
    })?;
    let mut command = cli::whole_command();
    command.build();
    let mut written = 0;
    write_pages(&command, "mend", dir, &mut written)?;
    writeln!(out, "Wrote {written} man pages to {}.", dir.display())?;
    Ok(())
}

fn write_pages(command: &clap::Command, name: &str, dir: &Path, written: &mut usize) -> Result<()> {
    let page = command.clone().name(name.to_string());
    let mut buffer = Vec::new();
    clap_mangen::Man::new(page).render(&mut buffer)?;
    let path = dir.join(format!("{name}.1"));
    fs::write(&path, buffer).with_context(|| format!("writing {}", path.display()))?;
    *written += 1;
    for sub in command.get_subcommands().filter(|s| s.get_name() != "help") {
        write_pages(sub, &format!("{name}-{}", sub.get_name()), dir, written)?;
    }
    Ok(())
}
