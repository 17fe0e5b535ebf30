//! What the path engine reads of a walk beyond its runs: each answered step with its day
//! and structured data (the 0–10 checks live in the step's `entries.data`), and writing that
//! data once a session's closing check is given.

use anyhow::Result;
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::params;

use super::Journal;
use super::entries::timestamp;

/// One answered step of a walk.
#[derive(Debug, Clone, PartialEq)]
pub struct StepEntry {
    pub step: String,
    pub entry: i64,
    pub day: NaiveDate,
    pub data: Option<serde_json::Value>,
}

impl Journal {
    /// The steps answered in a walk (entries outside the trash), in the order they were written.
    pub fn walk_steps(&self, run: i64) -> Result<Vec<StepEntry>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT path_step, id, day, data FROM entries \
             WHERE path_run = ? AND deleted_at IS NULL ORDER BY day, created, id",
        )?;
        let rows = stmt.query_map([run], |r| {
            Ok((
                r.get::<_, Option<String>>(0)?.unwrap_or_default(),
                r.get::<_, i64>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<String>>(3)?,
            ))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (step, entry, day, data) = row?;
            let Ok(day) = NaiveDate::parse_from_str(&day, "%Y-%m-%d") else {
                continue;
            };
            out.push(StepEntry {
                step,
                entry,
                day,
                data: data.and_then(|d| serde_json::from_str(&d).ok()),
            });
        }
        Ok(out)
    }

    /// Replaces an entry's structured data (a session's check once its closing rating is given).
    pub fn set_entry_data(
        &self,
        id: i64,
        data: &serde_json::Value,
        now: DateTime<Utc>,
    ) -> Result<()> {
        let text = serde_json::to_string(data)?;
        self.write(|tx| {
            tx.execute(
                "UPDATE entries SET data = ?, updated = ? WHERE id = ?",
                params![text, timestamp(now), id],
            )?;
            Ok(())
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{NewEntry, PathStep};
    use chrono::TimeZone;

    #[test]
    fn a_walks_steps_come_with_their_day_and_data_and_data_can_be_set() {
        let j = Journal::open_in_memory().unwrap();
        let now = Utc.with_ymd_and_hms(2026, 11, 21, 12, 0, 0).unwrap();
        let run = j.start_run("expressive-writing", now).unwrap();
        let step = |day: &str, step: &str| NewEntry {
            body: "Written.".into(),
            path: Some(PathStep {
                id: "expressive-writing".into(),
                run,
                step: step.into(),
            }),
            fields: Some(serde_json::json!({"kind": "check", "measure": "distress", "before": 7})),
            ..NewEntry::on(day.parse().unwrap())
        };
        let second = j.insert(&step("2026-11-20", "day-two"), now).unwrap();
        j.insert(&step("2026-11-19", "day-one"), now).unwrap();
        let walk = j.walk_steps(run).unwrap();
        let steps: Vec<&str> = walk.iter().map(|s| s.step.as_str()).collect();
        assert_eq!(steps, ["day-one", "day-two"], "in the order of their days");
        assert_eq!(walk[1].day, "2026-11-20".parse::<NaiveDate>().unwrap());
        assert_eq!(walk[1].data.as_ref().unwrap()["before"], 7);

        let later = Utc.with_ymd_and_hms(2026, 11, 21, 13, 0, 0).unwrap();
        let data =
            serde_json::json!({"kind": "check", "measure": "distress", "before": 7, "after": 4});
        j.set_entry_data(second, &data, later).unwrap();
        assert_eq!(j.walk_steps(run).unwrap()[1].data, Some(data.clone()));
        let entry = j.get(second, false).unwrap().unwrap();
        assert_eq!(entry.fields, Some(data));
        assert_eq!(entry.updated, later);
    }
}
