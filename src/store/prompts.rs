//! What the journal knows about prompts and guided paths: answers so far, and path runs.

use std::collections::{BTreeMap, HashMap};

use anyhow::{Result, bail};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{OptionalExtension, params};

use super::Journal;
use super::entries::timestamp;

/// One prompt's answers: how many and on which day the last one was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Answered {
    pub theme: Option<String>,
    pub count: u32,
    pub last_day: NaiveDate,
}

/// Answers to the prompts of one theme (path steps and thought records included).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ThemeTally {
    /// Entries that answer a prompt of the theme.
    pub answers: u32,
    /// Different prompts of the theme answered.
    pub prompts: u32,
}

/// A walk of a guided path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PathRun {
    pub id: i64,
    pub path_id: String,
    pub started: String,
    pub ended: Option<String>,
    pub outcome: Option<String>,
}

impl Journal {
    /// Prompt answers by theme between `from` (from the start when `None`) and `to`, both
    /// days included, entries in the trash left out. The one count behind `mend prompts
    /// themes`, `mend summary` and the report, so they always agree.
    pub fn answers_by_theme(
        &self,
        from: Option<NaiveDate>,
        to: NaiveDate,
    ) -> Result<BTreeMap<String, ThemeTally>> {
        let mut stmt = self.conn().prepare_cached(
            // The period's answers from their own index (migration 0013) rather than the day
            // index SQLite would pick, which reads every entry's row in the period.
            "SELECT prompt_theme, count(*), count(DISTINCT prompt_id) FROM entries \
             INDEXED BY entries_theme_answers WHERE prompt_id IS NOT NULL AND prompt_theme IS NOT NULL AND deleted_at IS NULL \
             AND day BETWEEN ?1 AND ?2 GROUP BY prompt_theme",
        )?;
        let from = from.map_or_else(|| "0000-01-01".to_string(), |d| d.to_string());
        let rows = stmt.query_map(params![from, to.to_string()], |r| {
            Ok((
                r.get::<_, String>(0)?,
                ThemeTally {
                    answers: r.get(1)?,
                    prompts: r.get(2)?,
                },
            ))
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Every prompt answered before `before` (entries outside the trash), by prompt id.
    pub fn answered_prompts(&self, before: NaiveDate) -> Result<HashMap<String, Answered>> {
        let mut stmt = self.conn().prepare(
            "SELECT prompt_id, max(prompt_theme), count(*), max(day) FROM entries \
             WHERE prompt_id IS NOT NULL AND deleted_at IS NULL AND day < ? GROUP BY prompt_id",
        )?;
        let rows = stmt.query_map([before.to_string()], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, Option<String>>(1)?,
                r.get::<_, u32>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?;
        let mut out = HashMap::new();
        for row in rows {
            let (id, theme, count, last) = row?;
            if let Ok(last_day) = NaiveDate::parse_from_str(&last, "%Y-%m-%d") {
                out.insert(
                    id,
                    Answered {
                        theme,
                        count,
                        last_day,
                    },
                );
            }
        }
        Ok(out)
    }

    /// For each of `prompts` (id and theme), the last day before `before` it was answered:
    /// one index seek per prompt, quick enough for `mend nudge` at a shell's start.
    /// `count` is 1 here (answered at least once); `answered_prompts` counts exactly.
    pub fn prompt_history<'a>(
        &self,
        prompts: impl IntoIterator<Item = (&'a str, &'a str)>,
        before: NaiveDate,
    ) -> Result<HashMap<String, Answered>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT max(day) FROM entries WHERE prompt_id = ? AND deleted_at IS NULL AND day < ?",
        )?;
        let before = before.to_string();
        let mut out = HashMap::new();
        for (id, theme) in prompts {
            let last: Option<String> = stmt.query_row(params![id, before], |r| r.get(0))?;
            if let Some(last_day) =
                last.and_then(|d| NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
            {
                out.insert(
                    id.to_string(),
                    Answered {
                        theme: Some(theme.to_string()),
                        count: 1,
                        last_day,
                    },
                );
            }
        }
        Ok(out)
    }

    /// The entry answering `prompt_id` on `day`, if there is one.
    pub fn answer_on(&self, prompt_id: &str, day: NaiveDate) -> Result<Option<i64>> {
        Ok(self
            .conn()
            .query_row(
                "SELECT id FROM entries WHERE prompt_id = ? AND day = ? AND deleted_at IS NULL ORDER BY id LIMIT 1",
                params![prompt_id, day.to_string()],
                |r| r.get(0),
            )
            .optional()?)
    }

    /// The unfinished walks of guided paths, oldest first.
    pub fn active_runs(&self) -> Result<Vec<PathRun>> {
        self.runs("WHERE ended IS NULL ORDER BY id")
    }

    /// The latest walk of a path, finished or not.
    pub fn latest_run(&self, path_id: &str) -> Result<Option<PathRun>> {
        let mut stmt = self.conn().prepare(
            "SELECT id, path_id, started, ended, outcome FROM path_runs WHERE path_id = ? ORDER BY id DESC LIMIT 1",
        )?;
        Ok(stmt.query_row([path_id], run_from_row).optional()?)
    }

    fn runs(&self, tail: &str) -> Result<Vec<PathRun>> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT id, path_id, started, ended, outcome FROM path_runs {tail}"
        ))?;
        Ok(stmt
            .query_map([], run_from_row)?
            .collect::<rusqlite::Result<_>>()?)
    }

    pub fn start_run(&self, path_id: &str, now: DateTime<Utc>) -> Result<i64> {
        self.write(|tx| {
            let active: Option<i64> = tx
                .query_row(
                    "SELECT id FROM path_runs WHERE path_id = ? AND ended IS NULL",
                    [path_id],
                    |r| r.get(0),
                )
                .optional()?;
            if active.is_some() {
                bail!("you are already walking the {path_id} path — `mend path next {path_id}` continues it");
            }
            tx.execute(
                "INSERT INTO path_runs (path_id, started) VALUES (?, ?)",
                params![path_id, timestamp(now)],
            )?;
            Ok(tx.last_insert_rowid())
        })
    }

    /// Ends a walk, as "finished" or "stopped".
    pub fn end_run(&self, run: i64, outcome: &str, now: DateTime<Utc>) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "UPDATE path_runs SET ended = ?, outcome = ? WHERE id = ? AND ended IS NULL",
                params![timestamp(now), outcome, run],
            )?;
            Ok(())
        })
    }

    /// The steps answered in a walk (entries outside the trash), with their entry ids.
    pub fn run_steps(&self, run: i64) -> Result<Vec<(String, i64)>> {
        let mut stmt = self.conn().prepare(
            "SELECT path_step, id FROM entries WHERE path_run = ? AND deleted_at IS NULL ORDER BY day, created, id",
        )?;
        Ok(stmt
            .query_map([run], |r| {
                Ok((
                    r.get::<_, Option<String>>(0)?.unwrap_or_default(),
                    r.get(1)?,
                ))
            })?
            .collect::<rusqlite::Result<_>>()?)
    }
}

fn run_from_row(r: &rusqlite::Row) -> rusqlite::Result<PathRun> {
    Ok(PathRun {
        id: r.get(0)?,
        path_id: r.get(1)?,
        started: r.get(2)?,
        ended: r.get(3)?,
        outcome: r.get(4)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{NewEntry, PromptRef};
    use chrono::TimeZone;

    fn answer(j: &Journal, day: &str, prompt: Option<(&str, &str)>) -> i64 {
        let entry = NewEntry {
            body: format!("An answer on {day}."),
            prompt: prompt.map(|(id, theme)| PromptRef {
                id: id.into(),
                text: "Q?".into(),
                theme: Some(theme.into()),
            }),
            ..NewEntry::on(day.parse().unwrap())
        };
        j.insert(
            &entry,
            Utc.with_ymd_and_hms(2026, 11, 21, 12, 0, 0).unwrap(),
        )
        .unwrap()
    }

    #[test]
    fn answers_by_theme_count_entries_and_prompts_within_the_days() {
        let j = Journal::open_in_memory().unwrap();
        answer(&j, "2026-11-01", Some(("forgiveness/a", "forgiveness")));
        answer(&j, "2026-11-10", Some(("forgiveness/a", "forgiveness")));
        answer(&j, "2026-11-12", Some(("forgiveness/step", "forgiveness")));
        answer(&j, "2026-11-12", Some(("thought-record", "support")));
        answer(&j, "2026-11-12", None);
        let gone = answer(&j, "2026-11-12", Some(("support/b", "support")));
        j.trash_entries(
            &[gone],
            Utc.with_ymd_and_hms(2026, 11, 21, 12, 0, 0).unwrap(),
        )
        .unwrap();

        let all = j
            .answers_by_theme(None, "2026-11-21".parse().unwrap())
            .unwrap();
        assert_eq!(
            all["forgiveness"],
            ThemeTally {
                answers: 3,
                prompts: 2
            }
        );
        assert_eq!(all["support"].answers, 1, "the trash does not count");
        assert_eq!(all.len(), 2);
        let part = j
            .answers_by_theme(
                Some("2026-11-05".parse().unwrap()),
                "2026-11-10".parse().unwrap(),
            )
            .unwrap();
        assert_eq!(part["forgiveness"].answers, 1, "both ends are included");
        assert!(!part.contains_key("support"));
    }
}
