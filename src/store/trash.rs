//! The trash: entries set aside, brought back, listed, and purged for good.

use anyhow::Result;
use chrono::{DateTime, Utc};
use rusqlite::params;

use super::Journal;
use super::entries::{COLUMNS, attach_labels, entry_from_row, timestamp};
use crate::model::Entry;

impl Journal {
    /// How long deleted entries stay restorable: delete promises it, trash shows it, and
    /// the commands that touch the trash purge what has been there longer.
    pub const TRASH_DAYS: i64 = 30;

    /// Moves entries to the trash. Returns the ids that were not found (or already there).
    pub fn trash_entries(&self, ids: &[i64], now: DateTime<Utc>) -> Result<Vec<i64>> {
        self.write(|tx| {
            let mut missing = Vec::new();
            for &id in ids {
                let changed = tx.execute(
                    "UPDATE entries SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL",
                    params![timestamp(now), id],
                )?;
                if changed == 0 {
                    missing.push(id);
                }
            }
            Ok(missing)
        })
    }

    /// Brings entries back from the trash. Returns the ids that were not in it.
    pub fn restore_entries(&self, ids: &[i64]) -> Result<Vec<i64>> {
        self.write(|tx| {
            let mut missing = Vec::new();
            for &id in ids {
                let changed = tx.execute(
                    "UPDATE entries SET deleted_at = NULL WHERE id = ? AND deleted_at IS NOT NULL",
                    [id],
                )?;
                if changed == 0 {
                    missing.push(id);
                }
            }
            Ok(missing)
        })
    }

    /// Entries in the trash, most recently deleted first.
    pub fn trashed(&self) -> Result<Vec<Entry>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(&format!(
            "SELECT {COLUMNS} FROM entries e WHERE e.deleted_at IS NOT NULL ORDER BY e.deleted_at DESC, e.id DESC"
        ))?;
        let mut entries = stmt
            .query_map([], entry_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for e in &mut entries {
            attach_labels(conn, e)?;
        }
        Ok(entries)
    }

    /// Removes for good what has been in the trash since before `cutoff`, text and all.
    pub fn purge_trash(&self, cutoff: DateTime<Utc>) -> Result<usize> {
        self.purge(super::purge::Purge::TrashedBefore(cutoff))
    }
}
