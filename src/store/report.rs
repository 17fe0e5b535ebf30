//! The queries behind `mend report` (and the terminal calendar), beyond what the summary
//! reads: mood and entries per day, trust signs and themes per week, and a glimpse of the
//! entries an insight rests on. Entries in the trash are never counted.

use std::collections::BTreeMap;

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{OptionalExtension, params};

use super::Journal;

/// One day: how many entries were written about it and their average mood (`None` when
/// none of them has a mood, or nothing was written).
#[derive(Debug, Clone, PartialEq)]
pub struct DayMood {
    pub day: NaiveDate,
    pub entries: u32,
    pub mood: Option<f64>,
}

/// Entries of one week of a period that carry a trust sign or a theme.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WeekSignal {
    /// "sign" or "theme".
    pub kind: String,
    pub name: String,
    /// The week of the period, counted in sevens from its first day (0 is the first week).
    pub week: u32,
    /// Entries that week with it, each once.
    pub count: u32,
}

/// What the report shows of one entry: its day, mood, tags and first words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Glimpse {
    pub id: i64,
    pub day: NaiveDate,
    pub mood: Option<u8>,
    pub tags: Vec<String>,
    /// The first 200 characters of the text.
    pub head: String,
}

fn day_of(text: &str) -> rusqlite::Result<NaiveDate> {
    text.parse().map_err(|e: chrono::ParseError| {
        rusqlite::Error::FromSqlConversionFailure(
            0,
            rusqlite::types::Type::Text,
            format!("{text:?} is not a day: {e}").into(),
        )
    })
}

impl Journal {
    /// Every day of `from..=to` in order, written or not (`entries` is 0 for a day without
    /// writing), with the average mood of the day's entries that have one.
    pub fn day_moods(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<DayMood>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT day, count(*), avg(mood) FROM entries \
             WHERE deleted_at IS NULL AND day BETWEEN ?1 AND ?2 GROUP BY day",
        )?;
        let rows = stmt.query_map(params![from.to_string(), to.to_string()], |r| {
            let day: String = r.get(0)?;
            Ok((
                day_of(&day)?,
                (r.get::<_, u32>(1)?, r.get::<_, Option<f64>>(2)?),
            ))
        })?;
        let written: BTreeMap<NaiveDate, (u32, Option<f64>)> =
            rows.collect::<rusqlite::Result<_>>()?;
        let mut out = Vec::new();
        let mut day = from;
        while day <= to {
            let (entries, mood) = written.get(&day).copied().unwrap_or((0, None));
            out.push(DayMood { day, entries, mood });
            match day.succ_opt() {
                Some(next) => day = next,
                None => break,
            }
        }
        Ok(out)
    }

    /// For each trust sign and theme, the entries with it in each week of `from..=to`
    /// (weeks counted in sevens from `from`, as the summary counts them). Weeks without it
    /// are left out.
    pub fn weekly_signals(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<WeekSignal>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT s.kind, s.name, \
                    CAST((julianday(e.day) - julianday(?1)) AS INTEGER) / 7 AS week, \
                    count(DISTINCT e.id) \
             FROM entries e JOIN entry_signals s ON s.entry_id = e.id \
             WHERE e.deleted_at IS NULL AND e.day BETWEEN ?1 AND ?2 \
               AND s.kind IN ('sign', 'theme') \
             GROUP BY s.kind, s.name, week ORDER BY s.kind, s.name, week",
        )?;
        let rows = stmt.query_map(params![from.to_string(), to.to_string()], |r| {
            Ok(WeekSignal {
                kind: r.get(0)?,
                name: r.get(1)?,
                week: r.get(2)?,
                count: r.get(3)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The day, mood, tags and first words of each entry in `ids` that is still there (in
    /// the order of `ids`).
    pub fn glimpses(&self, ids: &[i64]) -> Result<Vec<Glimpse>> {
        let conn = self.conn();
        let mut entry = conn.prepare_cached(
            "SELECT day, mood, substr(body, 1, 200) FROM entries \
             WHERE id = ?1 AND deleted_at IS NULL",
        )?;
        let mut tags =
            conn.prepare_cached("SELECT tag FROM entry_tags WHERE entry_id = ?1 ORDER BY tag")?;
        let mut out = Vec::with_capacity(ids.len());
        for &id in ids {
            let found = entry
                .query_row([id], |r| {
                    let day: String = r.get(0)?;
                    Ok((day_of(&day)?, r.get(1)?, r.get::<_, String>(2)?))
                })
                .optional()?;
            let Some((day, mood, head)) = found else {
                continue;
            };
            let tags = tags
                .query_map([id], |r| r.get(0))?
                .collect::<rusqlite::Result<Vec<String>>>()?;
            out.push(Glimpse {
                id,
                day,
                mood,
                tags,
                head,
            });
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Mood, NewEntry};

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn days_weeks_and_glimpses() {
        let j = Journal::open_in_memory().unwrap();
        let save = |d: &str, mood: Option<u8>, body: &str, tags: &[&str]| -> i64 {
            let mut e = NewEntry::on(day(d));
            e.body = body.to_string();
            e.mood = mood.and_then(Mood::new);
            e.tags = tags.iter().map(|t| t.to_string()).collect();
            j.insert(&e, chrono::Utc::now()).unwrap()
        };
        let a = save(
            "2026-11-01",
            Some(2),
            "I felt jealous and checked his phone.",
            &["night"],
        );
        save("2026-11-01", Some(4), "We talked.", &[]);
        save("2026-11-03", None, "Quiet day.", &[]);
        let b = save(
            "2026-11-09",
            Some(5),
            "Jealous again, but I said so.",
            &["b", "a"],
        );

        let days = j.day_moods(day("2026-10-31"), day("2026-11-04")).unwrap();
        assert_eq!(days.len(), 5);
        assert_eq!((days[0].entries, days[0].mood), (0, None));
        assert_eq!((days[1].entries, days[1].mood), (2, Some(3.0)));
        assert_eq!((days[3].entries, days[3].mood), (1, None));

        let weekly = j
            .weekly_signals(day("2026-11-01"), day("2026-11-14"))
            .unwrap();
        let jealousy: Vec<(u32, u32)> = weekly
            .iter()
            .filter(|w| w.kind == "sign" && w.name == "jealousy")
            .map(|w| (w.week, w.count))
            .collect();
        assert_eq!(jealousy, vec![(0, 1), (1, 1)], "{weekly:?}");

        let g = j.glimpses(&[b, 999, a]).unwrap();
        assert_eq!(g.len(), 2);
        assert_eq!(g[0].tags, vec!["a".to_string(), "b".to_string()]);
        assert_eq!(g[1].mood, Some(2));
        assert!(g[1].head.starts_with("I felt jealous"));
    }
}
