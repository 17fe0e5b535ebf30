//! The config file (`<config folder>/mend/config.toml`): every setting optional, unknown keys
//! refused with their line and column so a typo never silently does nothing.

use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use serde::{Deserialize, Serialize};

use crate::cli::ColorChoice;
use crate::prompts::{Context, Perspective};

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum WeekStart {
    #[default]
    Monday,
    Sunday,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Colour {
    Auto,
    Always,
    Never,
}

impl From<Colour> for ColorChoice {
    fn from(c: Colour) -> ColorChoice {
        match c {
            Colour::Auto => ColorChoice::Auto,
            Colour::Always => ColorChoice::Always,
            Colour::Never => ColorChoice::Never,
        }
    }
}

/// `review-day`: the day `mend nudge` suggests `mend review` on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReviewDay {
    Monday,
    Tuesday,
    Wednesday,
    Thursday,
    Friday,
    Saturday,
    Sunday,
}

impl From<ReviewDay> for chrono::Weekday {
    fn from(d: ReviewDay) -> chrono::Weekday {
        use chrono::Weekday::*;
        match d {
            ReviewDay::Monday => Mon,
            ReviewDay::Tuesday => Tue,
            ReviewDay::Wednesday => Wed,
            ReviewDay::Thursday => Thu,
            ReviewDay::Friday => Fri,
            ReviewDay::Saturday => Sat,
            ReviewDay::Sunday => Sun,
        }
    }
}

/// `safety-note`: `true` (the default) shows the built-in notes, `false` none, and a text is
/// shown instead of them (as the setting has always allowed).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum SafetyNote {
    Shown(bool),
    Text(String),
}

/// Settings from the config file. Every field is optional; the defaults are what mend does
/// without a config file.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct Config {
    /// The editor command, e.g. "nvim" or "code --wait"; before $VISUAL and $EDITOR.
    pub editor: Option<String>,
    /// auto, always or never (the --color flag wins).
    pub color: Option<Colour>,
    /// The first day of the week in summaries and calendars.
    pub week_start: Option<WeekStart>,
    /// The summary's default period, e.g. "30d", "12w", "6m", "1y".
    pub summary_period: Option<String>,
    /// `false` switches the safety notes off; a text replaces them.
    pub safety_note: Option<SafetyNote>,
    /// Whose prompts `mend prompt` prefers: hurt, rebuilding or any.
    pub perspective: Option<Perspective>,
    /// Which relationship prompts are about: romantic, friendship, work or any.
    pub context: Option<Context>,
    /// Whether `mend nudge` says anything (default true).
    pub nudge: Option<bool>,
    /// Lines that others may glimpse (the nudge, the report's title) say nothing about
    /// relationships or trust (default false; `--discreet` for one command).
    pub discreet: Option<bool>,
    /// Whether `mend write "text"` reminds that arguments are visible to other programs and
    /// kept in shell history (default false).
    pub warn_arguments: Option<bool>,
    /// The day `mend nudge` suggests the weekly review (default the week's last day).
    pub review_day: Option<ReviewDay>,
}

impl Config {
    pub fn discreet(&self) -> bool {
        self.discreet == Some(true)
    }

    /// Reads the config file; a missing file means the defaults.
    pub fn load(path: &Path) -> Result<Config> {
        let text = match std::fs::read_to_string(path) {
            Ok(text) => text,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Config::default()),
            Err(e) => bail!(
                "could not read the config file {}: {e} — check its permissions",
                path.display()
            ),
        };
        Config::parse(&text, path)
    }

    pub fn parse(text: &str, path: &Path) -> Result<Config> {
        toml::from_str(text).map_err(|e| {
            let (line, column) = e.span().map_or((1, 1), |s| line_column(text, s.start));
            anyhow::anyhow!(
                "{}:{line}:{column}: {} — fix the config file or see `mend config show` for the settings",
                path.display(),
                e.message().trim().replace('\n', " ")
            )
        })
    }
}

fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let before = &text[..offset.min(text.len())];
    let line = before.matches('\n').count() + 1;
    let column = before.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    (line, column)
}

/// Where the config file lives.
pub fn default_path() -> Option<PathBuf> {
    dirs::config_dir().map(|d| d.join("mend").join("config.toml"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_settings_and_refuses_unknown_keys_with_their_place() {
        let path = Path::new("config.toml");
        let c = Config::parse("editor = \"nano\"\nweek-start = \"sunday\"\nnudge = false\nperspective = \"rebuilding\"\n", path)
            .unwrap();
        assert_eq!(c.editor.as_deref(), Some("nano"));
        assert_eq!(c.week_start, Some(WeekStart::Sunday));
        assert_eq!(c.nudge, Some(false));
        assert_eq!(c.perspective, Some(Perspective::Rebuilding));
        let err = Config::parse("editor = \"nano\"\n  colour = \"never\"\n", path)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("config.toml:2:3:"), "{err}");
        let err = Config::parse("color = \"sometimes\"\n", path)
            .unwrap_err()
            .to_string();
        assert!(err.starts_with("config.toml:1:9:"), "{err}");
        assert_eq!(Config::parse("", path).unwrap(), Config::default());
    }
}
