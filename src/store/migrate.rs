//! Numbered schema migrations on `PRAGMA user_version`; only ever appended to.

use anyhow::{Context, Result, bail};
use rusqlite::Connection;

/// Each migration moves the schema from version `index` to `index + 1`.
const MIGRATIONS: &[&str] = &[
    include_str!("migrations/0001_entries.sql"),
    include_str!("migrations/0002_paths.sql"),
    include_str!("migrations/0003_analysis.sql"),
    include_str!("migrations/0004_summary.sql"),
    include_str!("migrations/0005_prompt_history.sql"),
    include_str!("migrations/0006_thought_records.sql"),
    include_str!("migrations/0007_readings.sql"),
    include_str!("migrations/0008_moments.sql"),
    include_str!("migrations/0009_path_checks.sql"),
    include_str!("migrations/0010_written_offset.sql"),
    include_str!("migrations/0011_reviews.sql"),
    include_str!("migrations/0012_summary_indexes.sql"),
    include_str!("migrations/0013_summary_days.sql"),
    include_str!("migrations/0014_learned_readings.sql"),
    include_str!("migrations/0015_summary_runs.sql"),
];

/// The schema version this build writes.
pub const LATEST: i64 = MIGRATIONS.len() as i64;

/// Brings the schema from `current` up to date. Runs inside the caller's transaction, so a
/// failure leaves the file as it was.
pub fn apply(conn: &Connection, current: i64) -> Result<()> {
    refuse_newer(current)?;
    for (index, sql) in MIGRATIONS.iter().enumerate().skip(current as usize) {
        conn.execute_batch(sql)
            .with_context(|| format!("applying schema migration {}", index + 1))?;
    }
    conn.pragma_update(None, "user_version", LATEST)?;
    Ok(())
}

/// A journal from a newer mend may hold data this build would misread or damage.
pub fn refuse_newer(version: i64) -> Result<()> {
    if version > LATEST {
        bail!(
            "this journal was written by a newer mend (schema {version}; this mend knows up to {LATEST}) — update mend to open it; nothing was changed"
        );
    }
    Ok(())
}

pub fn user_version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |row| row.get(0))?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn migrates_an_empty_database_and_is_idempotent() {
        let conn = Connection::open_in_memory().unwrap();
        apply(&conn, 0).unwrap();
        assert_eq!(user_version(&conn).unwrap(), LATEST);
        apply(&conn, LATEST).unwrap();
        let tables: i64 = conn
            .query_row(
                "SELECT count(*) FROM sqlite_master WHERE name = 'entries'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(tables, 1);
    }

    #[test]
    fn refuses_a_newer_schema() {
        let conn = Connection::open_in_memory().unwrap();
        let err = apply(&conn, LATEST + 1).unwrap_err().to_string();
        assert!(err.contains("newer mend"), "{err}");
    }
}
