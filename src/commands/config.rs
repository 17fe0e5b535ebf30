//! `mend config path|show|set`: where the config file is, the settings in effect, and
//! changing one of them.

use std::io::Write;

use anyhow::Result;

use crate::app::App;
use crate::cli::ConfigAction;

pub fn run(app: &App, action: ConfigAction, out: &mut dyn Write) -> Result<()> {
    match action {
        ConfigAction::Path => writeln!(out, "{}", app.paths.config.display())?,
        ConfigAction::Set { key, value } => {
            crate::settings::set(&app.paths.config, key.trim(), &value)?;
            writeln!(
                out,
                "Set {} = {} in {}.",
                key.trim(),
                value.trim(),
                app.paths.config.display()
            )?;
        }
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
