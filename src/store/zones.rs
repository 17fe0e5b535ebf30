//! The clock each entry was written on (its UTC offset), kept beside the entry so that its
//! time is shown as the writer saw it, in whatever time zone the journal is read.

use std::collections::HashMap;

use anyhow::Result;
use chrono::FixedOffset;
use rusqlite::params;

use super::Journal;

impl Journal {
    /// Records that entry `id` was written on a clock `offset` from UTC.
    pub fn set_written_offset(&self, id: i64, offset: FixedOffset) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "UPDATE entries SET written_offset = ? WHERE id = ?",
                params![offset.local_minus_utc() / 60, id],
            )?;
            Ok(())
        })
    }

    /// The clock entry `id` was written on, when it was recorded.
    pub fn written_offset(&self, id: i64) -> Result<Option<FixedOffset>> {
        let minutes: Option<i32> = self
            .conn()
            .prepare_cached("SELECT written_offset FROM entries WHERE id = ?")?
            .query_row([id], |row| row.get(0))
            .or_else(|e| match e {
                rusqlite::Error::QueryReturnedNoRows => Ok(None),
                e => Err(e),
            })?;
        Ok(minutes.and_then(|m| FixedOffset::east_opt(m * 60)))
    }

    /// Every recorded clock, by entry id (for exports, which stream many entries).
    pub fn written_offsets(&self) -> Result<HashMap<i64, FixedOffset>> {
        let mut stmt = self
            .conn()
            .prepare("SELECT id, written_offset FROM entries WHERE written_offset IS NOT NULL")?;
        let rows = stmt.query_map([], |row| Ok((row.get::<_, i64>(0)?, row.get::<_, i32>(1)?)))?;
        let mut offsets = HashMap::new();
        for row in rows {
            let (id, minutes) = row?;
            if let Some(offset) = FixedOffset::east_opt(minutes * 60) {
                offsets.insert(id, offset);
            }
        }
        Ok(offsets)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::NewEntry;

    #[test]
    fn the_writers_clock_is_kept_per_entry() {
        let dir = tempfile::tempdir().unwrap();
        let j = Journal::open(&dir.path().join("j.db")).unwrap();
        let now = chrono::Utc::now();
        let mut e = NewEntry::on(now.date_naive());
        e.body = "words".into();
        let a = j.insert(&e, now).unwrap();
        let b = j.insert(&e, now).unwrap();
        assert_eq!(j.written_offset(a).unwrap(), None);
        let tokyo = FixedOffset::east_opt(9 * 3600).unwrap();
        j.set_written_offset(a, tokyo).unwrap();
        assert_eq!(j.written_offset(a).unwrap(), Some(tokyo));
        assert_eq!(j.written_offset(b).unwrap(), None);
        assert_eq!(j.written_offsets().unwrap().get(&a), Some(&tokyo));
        assert_eq!(j.written_offset(999).unwrap(), None);
    }
}
