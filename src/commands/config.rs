//! `mend config path|show`: where the config file is, and the settings in effect.

use std::io::Write;

use anyhow::Result;

use crate::app::App;
use crate::cli::ConfigAction;

pub fn run(app: &App, action: ConfigAction, out: &mut dyn Write) -> Result<()> {
    match action {
        ConfigAction::Path => writeln!(out, "{}", app.paths.config.display())?,
        ConfigAction::Show => {
            let state = if app.paths.config.exists() {
                ""
            } else {
                " (not created yet: these are the defaults)"
            };
            writeln!(out, "# {}{state}", app.paths.config.display())?;
            let text = toml::to_string(&app.config)?;
            if text.trim().is_empty() {
                writeln!(
                    out,
                    "# nothing set; see `mend config --help` for the settings"
                )?;
            } else {
                write!(out, "{text}")?;
            }
        }
    }
    Ok(())
}
