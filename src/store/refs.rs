//! Finding an entry by counting back from the newest (`mend edit last`, `mend show -2`).

use anyhow::Result;
use rusqlite::OptionalExtension;

use super::Journal;

impl Journal {
    /// The id of the `nth` newest entry outside the trash (1 is the newest), in the order
    /// `mend list` shows them.
    pub fn newest_id(&self, nth: u32) -> Result<Option<i64>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT id FROM entries WHERE deleted_at IS NULL \
                 ORDER BY day DESC, created DESC, id DESC LIMIT 1 OFFSET ?",
                [i64::from(nth.max(1)) - 1],
                |row| row.get(0),
            )
            .optional()?)
    }
}

#[cfg(test)]
mod tests {
    use chrono::{NaiveDate, TimeZone, Utc};

    use crate::model::NewEntry;
    use crate::store::Journal;

    #[test]
    fn counts_back_by_day_and_time() {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::open(&dir.path().join("j.db")).unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 21, 15, 0, 0).unwrap();
        let entry = |day: &str, body: &str| {
            let e = NewEntry {
                body: body.into(),
                ..NewEntry::on(NaiveDate::parse_from_str(day, "%Y-%m-%d").unwrap())
            };
            journal.insert(&e, now).unwrap()
        };
        let today = entry("2026-11-21", "today");
        // Written later, but about an earlier day.
        let earlier = entry("2026-11-19", "two days ago");
        assert_eq!(journal.newest_id(1).unwrap(), Some(today));
        assert_eq!(journal.newest_id(2).unwrap(), Some(earlier));
        assert_eq!(journal.newest_id(3).unwrap(), None);
    }
}
