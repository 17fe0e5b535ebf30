//! Looking after the journal file: integrity checks (pages, search index, analysis, schema,
//! unreadable rows, leftovers of interrupted conversions) and online backups.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::{Context, Result, anyhow, bail};
use rusqlite::Connection;
use rusqlite::backup::Backup;
use serde::Serialize;

use super::entries::Unreadable;
use super::schema::{self, Finding};
use super::{Journal, cipher, swap};

/// The outcome of `mend check`.
#[derive(Debug, Clone, Serialize)]
pub struct Health {
    /// "ok", or SQLite's findings.
    pub integrity: Vec<String>,
    /// Whether the full-text index matches the entries.
    pub search_index_ok: bool,
    pub entries: i64,
    /// Entries analysed by an older mend or not at all.
    pub stale_analysis: usize,
    /// Where the schema differs from what the migrations create.
    pub schema: Vec<Finding>,
    /// Entries whose rows cannot be read back.
    pub unreadable: Vec<Unreadable>,
    /// Files of interrupted conversions that opening the journal removed.
    pub leftovers_removed: Vec<PathBuf>,
    /// Files of interrupted (or running) conversions still beside the journal.
    pub leftovers: Vec<PathBuf>,
}

impl Health {
    pub fn ok(&self) -> bool {
        self.integrity == ["ok"]
            && self.search_index_ok
            && self.stale_analysis == 0
            && self.schema.is_empty()
            && self.unreadable.is_empty()
            && self.leftovers.is_empty()
    }
}

impl Journal {
    pub fn check(&self) -> Result<Health> {
        let conn = self.conn();
        let mut stmt = conn.prepare("PRAGMA integrity_check")?;
        let integrity = stmt
            .query_map([], |r| r.get::<_, String>(0))?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let search_index_ok = conn
            .execute(
                "INSERT INTO entries_fts (entries_fts, rank) VALUES ('integrity-check', 1)",
                [],
            )
            .is_ok();
        let entries = conn.query_row("SELECT count(*) FROM entries", [], |r| r.get(0))?;
        Ok(Health {
            integrity,
            search_index_ok,
            entries,
            stale_analysis: self.stale_analysis()?.len(),
            schema: schema::compare(conn)?,
            unreadable: self.unreadable_entries()?,
            leftovers_removed: self.cleaned().to_vec(),
            leftovers: swap::leftovers(self.path()),
        })
    }

    /// Copies the journal to `target` with SQLite's online backup (safe while others write),
    /// via a temporary file in the target's folder that is renamed into place when complete.
    pub fn backup_to(&self, target: &Path, force: bool) -> Result<()> {
        if target.exists() && !force {
            bail!(
                "{} already exists — add --force to replace it",
                target.display()
            );
        }
        if target.is_dir() {
            bail!(
                "{} is a folder — give a file name for the backup",
                target.display()
            );
        }
        let dir = target
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let temp = tempfile::Builder::new()
            .prefix(".mend-backup-")
            .tempfile_in(dir)
            .with_context(|| {
                format!(
                    "creating the backup in {} — check that you may write there",
                    dir.display()
                )
            })?
            .into_temp_path();
        {
            let mut dest = Connection::open(&temp)?;
            // An encrypted journal is backed up encrypted, with the same passphrase.
            if let Some(key) = self.key() {
                cipher::apply_key(&dest, key)?;
            }
            let backup = Backup::new(self.conn(), &mut dest)?;
            backup
                .run_to_completion(256, Duration::from_millis(10), None)
                .map_err(|e| anyhow!("copying the journal: {e}"))?;
            drop(backup);
            let check: String = dest.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
            if check != "ok" {
                bail!("the backup did not check out ({check}) — nothing was written");
            }
            // A backup is a single file: no WAL beside it.
            dest.query_row("PRAGMA journal_mode = DELETE", [], |_| Ok(()))?;
        }
        fs::set_permissions(&temp, fs::Permissions::from_mode(0o600))?;
        fs::File::open(&temp)?.sync_all()?;
        temp.persist(target)
            .map_err(|e| anyhow!("putting the backup at {}: {e}", target.display()))?;
        if let Ok(d) = fs::File::open(dir) {
            let _ = d.sync_all();
        }
        Ok(())
    }
}
