//! The moment log's table (migration 0008).

use anyhow::{Result, anyhow};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::Journal;
use super::entries::timestamp;
use crate::moments::{Moment, NewMoment, Reached, Response};

impl Journal {
    /// Logs a moment in its own write transaction and returns its id.
    pub fn insert_moment(&self, new: &NewMoment, now: DateTime<Utc>) -> Result<i64> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO moments (uuid, day, created, reached, response, text) \
                 VALUES (?, ?, ?, ?, ?, ?)",
                params![
                    uuid::Uuid::new_v4().to_string(),
                    new.day.to_string(),
                    timestamp(new.at.unwrap_or(now)),
                    new.reached.as_str(),
                    new.response.as_str(),
                    new.text,
                ],
            )?;
            Ok(tx.last_insert_rowid())
        })
    }

    /// Whether a moment with this uuid is in the journal.
    pub fn has_moment(&self, uuid: &str) -> Result<bool> {
        moment_taken(self.conn(), uuid)
    }

    /// Moments between two days (both included, either open), oldest first.
    pub fn moments(&self, from: Option<NaiveDate>, to: Option<NaiveDate>) -> Result<Vec<Moment>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT id, uuid, day, created, reached, response, text FROM moments \
             WHERE day >= ?1 AND day <= ?2 ORDER BY day, created, id",
        )?;
        let from = from.map_or("0000-00-00".to_string(), |d| d.to_string());
        let to = to.map_or("9999-99-99".to_string(), |d| d.to_string());
        let rows = stmt.query_map([from, to], moment)?;
        rows.map(|r| r.map_err(|e| anyhow!(e))).collect()
    }
}

/// What `mend check` says of the moment log: how many moments, and the ids of rows that
/// cannot be read as one (changed by hand outside mend).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MomentHealth {
    pub count: u64,
    pub unreadable: Vec<i64>,
}

impl Journal {
    pub fn check_moments(&self) -> Result<MomentHealth> {
        let mut stmt = self.conn().prepare(
            "SELECT id, uuid, day, created, reached, response, text FROM moments ORDER BY id",
        )?;
        let mut rows = stmt.query([])?;
        let mut health = MomentHealth::default();
        while let Some(row) = rows.next()? {
            health.count += 1;
            if moment(row).is_err() {
                health.unreadable.push(row.get(0)?);
            }
        }
        Ok(health)
    }
}

/// Whether a moment with this uuid is in the journal.
pub fn moment_taken(conn: &Connection, uuid: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM moments WHERE uuid = ?")?
        .query_row([uuid], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Saves an imported moment inside an open transaction, with its own uuid, day and time.
/// Returns false (and saves nothing) when a moment with its uuid is already here.
pub fn insert_imported_moment(conn: &Connection, m: &Moment) -> Result<bool> {
    if moment_taken(conn, &m.uuid)? {
        return Ok(false);
    }
    conn.prepare_cached(
        "INSERT INTO moments (uuid, day, created, reached, response, text) \
         VALUES (?, ?, ?, ?, ?, ?)",
    )?
    .execute(params![
        m.uuid,
        m.day.to_string(),
        timestamp(m.created),
        m.reached.as_str(),
        m.response.as_str(),
        m.text,
    ])?;
    Ok(true)
}

fn moment(row: &Row) -> rusqlite::Result<Moment> {
    let bad = |i: usize, what: &str| {
        rusqlite::Error::FromSqlConversionFailure(
            i,
            rusqlite::types::Type::Text,
            format!("not a moment's {what}").into(),
        )
    };
    let day: String = row.get(2)?;
    let created: String = row.get(3)?;
    let reached: String = row.get(4)?;
    let response: String = row.get(5)?;
    Ok(Moment {
        id: row.get(0)?,
        uuid: row.get(1)?,
        day: day.parse().map_err(|_| bad(2, "day"))?,
        created: DateTime::parse_from_rfc3339(&created)
            .map_err(|_| bad(3, "time"))?
            .with_timezone(&Utc),
        reached: Reached::parse(&reached).ok_or_else(|| bad(4, "reacher"))?,
        response: Response::parse(&response).ok_or_else(|| bad(5, "response"))?,
        text: row.get(6)?,
    })
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    #[test]
    fn moments_are_kept_and_listed_by_day() {
        let dir = tempfile::tempdir().unwrap();
        let journal = Journal::open(&dir.path().join("j.db")).unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 21, 15, 0, 0).unwrap();
        let day = |d: &str| d.parse::<NaiveDate>().unwrap();
        for (d, reached, response, text) in [
            (
                "2026-11-21",
                Reached::Partner,
                Response::Toward,
                "asked about my day",
            ),
            ("2026-11-19", Reached::Me, Response::Away, "showed a photo"),
        ] {
            journal
                .insert_moment(
                    &NewMoment {
                        day: day(d),
                        at: None,
                        reached,
                        response,
                        text: text.into(),
                    },
                    now,
                )
                .unwrap();
        }
        let all = journal.moments(None, None).unwrap();
        assert_eq!(all.len(), 2);
        assert_eq!(all[0].text, "showed a photo");
        assert_eq!(all[1].reached, Reached::Partner);
        let recent = journal.moments(Some(day("2026-11-20")), None).unwrap();
        assert_eq!(recent.len(), 1);
        assert_eq!(recent[0].response, Response::Toward);

        assert_eq!(
            journal.check_moments().unwrap().unreadable,
            Vec::<i64>::new()
        );
        journal
            .conn()
            .execute("UPDATE moments SET created = 'soon' WHERE id = 1", [])
            .unwrap();
        let health = journal.check_moments().unwrap();
        assert_eq!((health.count, health.unreadable), (2, vec![1]));
    }
}
