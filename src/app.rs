//! What every command is handed besides the journal: settings, the clock, output style and
//! the places mend keeps its files. Resolved once in `main`.

use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use chrono::{DateTime, Local, Utc};

use crate::config::Config;
use crate::render::terminal::Style;

/// Where a path came from, for `mend paths`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Source {
    Default,
    Environment,
    Flag,
}

#[derive(Debug, Clone)]
pub struct Paths {
    pub db: PathBuf,
    pub db_source: Source,
    pub config_source: Source,
    /// Where drafts of failed saves go: beside the journal.
    pub drafts: PathBuf,
    /// A private folder for the editor's temp files.
    pub scratch: PathBuf,
    /// The person's own prompt files.
    pub prompts: PathBuf,
    /// The config file.
    pub config: PathBuf,
    /// Set for an encrypted journal: its drafts must stay in the private scratch folder.
    pub private: bool,
}

impl Paths {
    /// The journal is `--db`, else MEND_DB (when not empty), else the default place.
    pub fn resolve(flag: Option<PathBuf>) -> Result<Paths> {
        let from_env = std::env::var_os("MEND_DB")
            .filter(|v| !v.is_empty())
            .map(PathBuf::from);
        let (db, db_source) = match (flag, from_env) {
            (Some(p), _) => (p, Source::Flag),
            (None, Some(p)) => (p, Source::Environment),
            (None, None) => (default_dir()?.join("journal.db"), Source::Default),
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
        let (config, config_source) =
            match std::env::var_os("MEND_CONFIG").filter(|v| !v.is_empty()) {
                Some(p) => (PathBuf::from(p), Source::Environment),
                None => (
                    crate::config::default_path().unwrap_or_else(|| home.join("config.toml")),
                    Source::Default,
                ),
            };
        Ok(Paths {
            db_source,
            config_source,
            config,
            prompts,
            drafts: home.join("drafts"),
            scratch,
            db,
            private: false,
        })
    }

    /// Every folder that may hold drafts, for listing them.
    pub fn all_draft_dirs(&self) -> Vec<PathBuf> {
        Paths {
            private: false,
            ..self.clone()
        }
        .draft_dirs()
    }

    /// Folders to try for a draft, best first: beside the journal, then the default place.
    pub fn draft_dirs(&self) -> Vec<PathBuf> {
        if self.private {
            return vec![self.scratch.join("drafts")];
        }
        let mut dirs = vec![self.drafts.clone()];
        if let Ok(default) = default_dir() {
            let fallback = default.join("drafts");
            if fallback != self.drafts {
                dirs.push(fallback);
            }
        }
        // Last: the private folder, which often lives on another file system (a full disk
        // beside the journal need not lose the text).
        dirs.push(self.scratch.join("drafts"));
        dirs
    }
}

fn default_dir() -> Result<PathBuf> {
    dirs::data_dir()
        .map(|d| d.join("mend"))
        .context("could not find your data folder (is $HOME set?) — give the journal's path with --db or MEND_DB")
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
