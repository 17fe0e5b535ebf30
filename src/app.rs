//! What every command is handed besides the journal: settings, the clock, output style and
//! the places mend keeps its files. Resolved once in `main`.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use chrono::{DateTime, Local, Utc};

use crate::render::terminal::Style;

#[derive(Debug, Clone)]
pub struct Paths {
    pub db: PathBuf,
    /// Where drafts of failed saves go: beside the journal.
    pub drafts: PathBuf,
    /// A private folder for the editor's temp files.
    pub scratch: PathBuf,
    /// The person's own prompt files.
    pub prompts: PathBuf,
}

impl Paths {
    /// `flag` is `--db`, which clap also fills from MEND_DB.
    pub fn resolve(flag: Option<PathBuf>) -> Result<Paths> {
        let db = match flag {
            Some(p) => p,
            None => default_dir()?.join("journal.db"),
        };
        if db.as_os_str().is_empty() {
            bail!("the journal path is empty — give a file path with --db or MEND_DB");
        }
        let home = db
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let scratch = match std::env::var_os("XDG_RUNTIME_DIR").filter(|v| !v.is_empty()) {
            Some(run) => PathBuf::from(run).join("mend"),
            None => home.join(".scratch"),
        };
        let prompts = dirs::config_dir()
            .map(|d| d.join("mend").join("prompts"))
            .unwrap_or_else(|| home.join("prompts"));
        Ok(Paths {
            prompts,
            drafts: home.join("drafts"),
            scratch,
            db,
        })
    }

    /// Folders to try for a draft, best first: beside the journal, then the default place.
    pub fn draft_dirs(&self) -> Vec<PathBuf> {
        let mut dirs = vec![self.drafts.clone()];
        if let Ok(default) = default_dir() {
            let fallback = default.join("drafts");
            if fallback != self.drafts {
                dirs.push(fallback);
            }
        }
        dirs
    }
}

fn default_dir() -> Result<PathBuf> {
    dirs::data_dir()
        .map(|d| d.join("mend"))
        .context("could not find your data folder (is $HOME set?) — give the journal's path with --db or MEND_DB")
}

/// Settings from the config file.
#[derive(Debug, Clone, Default)]
pub struct Config {
    pub editor: Option<String>,
    /// Replaces the built-in safety note.
    pub safety_note: Option<String>,
}

/// The moment a command runs. MEND_NOW (RFC 3339) pins it, for reproducible scripts and tests.
pub fn now() -> Result<DateTime<Local>> {
    match std::env::var("MEND_NOW") {
        Ok(text) if !text.trim().is_empty() => DateTime::parse_from_rfc3339(text.trim())
            .map(|t| t.with_timezone(&Local))
            .with_context(|| format!("MEND_NOW={text:?} is not a time like 2026-11-21T18:30:00Z — unset it to use the clock")),
        _ => Ok(Local::now()),
    }
}

/// Everything a command needs besides the journal.
pub struct App {
    pub config: Config,
    pub now: DateTime<Local>,
    pub style: Style,
    pub paths: Paths,
}

impl App {
    pub fn now_utc(&self) -> DateTime<Utc> {
        self.now.with_timezone(&Utc)
    }
}
