//! Deleting for real: entries removed for good (`mend trash empty`, `mend delete --purge`,
//! and the trash's expiry) are taken out of the file's bytes, not only out of its tables.
//! A person who shares the computer must not find the words with a text search of the file.

use anyhow::{Context, Result};
use chrono::{DateTime, Utc};
use rusqlite::types::Value;
use rusqlite::{OptionalExtension, params_from_iter};

use super::entries::timestamp;
use super::{Journal, wait};

/// Which entries a purge removes.
pub enum Purge<'a> {
    /// These ids, in the trash or not.
    Ids(&'a [i64]),
    /// Everything in the trash.
    Trash,
    /// What has been in the trash since before this moment.
    TrashedBefore(DateTime<Utc>),
}

impl Purge<'_> {
    fn condition(&self) -> (String, Vec<Value>) {
        match self {
            Purge::Ids(ids) => (
                format!("id IN ({})", vec!["?"; ids.len()].join(", ")),
                ids.iter().map(|&id| Value::Integer(id)).collect(),
            ),
            Purge::Trash => ("deleted_at IS NOT NULL".into(), Vec::new()),
            Purge::TrashedBefore(cutoff) => (
                "deleted_at IS NOT NULL AND deleted_at < ?".into(),
                vec![Value::Text(timestamp(*cutoff))],
            ),
        }
    }
}

impl Journal {
    /// Removes the entries `which` selects for good and scrubs their text from the file.
    /// Returns how many were removed.
    pub fn purge(&self, which: Purge) -> Result<usize> {
        let (condition, args) = which.condition();
        if let Purge::Ids(ids) = which
            && ids.is_empty()
        {
            return Ok(0);
        }
        // Reading first keeps the usual case (nothing to purge) free of the write lock.
        let waiting: Option<i64> = self
            .conn()
            .query_row(
                &format!("SELECT 1 FROM entries WHERE {condition} LIMIT 1"),
                params_from_iter(args.iter()),
                |r| r.get(0),
            )
            .optional()?;
        if waiting.is_none() {
            return Ok(0);
        }
        let removed = self.write(|tx| {
            // Freed space is overwritten with zeros rather than left holding the old text.
            tx.pragma_update(None, "secure_delete", "ON")?;
            let removed = tx.execute(
                &format!("DELETE FROM entries WHERE {condition}"),
                params_from_iter(args.iter()),
            )?;
            // Deleting from the full-text index only records that the words are gone; merging
            // its segments rewrites them without those words.
            tx.execute(
                "INSERT INTO entries_fts (entries_fts) VALUES ('optimize')",
                [],
            )
            .context("clearing the removed words from the search index")?;
            Ok(removed)
        })?;
        self.scrub()?;
        Ok(removed)
    }

    /// Rewrites the file without free pages (VACUUM, its working copy in memory so no
    /// temporary file holds the journal), then folds the log into the file and empties it
    /// (its frames hold earlier versions of the pages).
    fn scrub(&self) -> Result<()> {
        let conn = self.conn();
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        wait::patiently(|| conn.execute_batch("VACUUM"))
            .map_err(|e| super::describe_write_error(self.path(), e))
            .context("rewriting the journal without the removed entries")?;
        // When another mend is still reading an older state the log cannot be emptied yet;
        // it is when the last mend closes the journal.
        wait::patiently(|| conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(())))
            .map_err(|e| super::describe_write_error(self.path(), e))?;
        Ok(())
    }
}
