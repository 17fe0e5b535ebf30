//! What export and import need from the journal beyond the everyday queries: counts and keys
//! for planning an export, the ids of trashed entries, uuid look-ups, and saving an entry with
//! its original identity, times, trash state and guided-path link.

use std::collections::HashMap;

use anyhow::{Context, Result};
use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{Connection, OptionalExtension, params, params_from_iter};

use super::Journal;
use super::analysis::{Override, correct};
use super::entries::{Filter, Stamp, insert_analysed, push_filter, timestamp};
use crate::analysis::Analysis;
use crate::model::{NewEntry, PathStep};

/// How many entries (outside the trash) an export covers, and the days they span.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Overview {
    pub count: u64,
    pub first: Option<NaiveDate>,
    pub last: Option<NaiveDate>,
}

/// An entry as another journal (or program) kept it, ready to be saved here as it was.
#[derive(Debug, Clone, PartialEq)]
pub struct Imported {
    pub uuid: String,
    /// Day, text, mood, feelings, tags, prompt, fields, and the path link with the run
    /// number of the journal it came from.
    pub entry: NewEntry,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
    /// Set for entries that were in the trash.
    pub deleted: Option<DateTime<Utc>>,
    /// Signs and feelings the writer said were misread (mend exports only).
    pub corrections: Vec<Override>,
    /// The clock the entry was written on (mend exports only; see `zones`).
    pub written_offset: Option<chrono::FixedOffset>,
}

/// The path runs made during one import: (path id, run number in the source) → run here.
/// When the journal is being restored (it was empty), runs keep their numbers where free.
#[derive(Debug, Default)]
pub struct RunMap {
    runs: HashMap<(String, i64), i64>,
    keep_numbers: bool,
}

impl RunMap {
    pub fn new(keep_numbers: bool) -> RunMap {
        RunMap {
            runs: HashMap::new(),
            keep_numbers,
        }
    }
}

impl Journal {
    /// Count and day span of the entries outside the trash that `filter` selects.
    pub fn export_overview(&self, filter: &Filter) -> Result<Overview> {
        let mut sql = String::from(
            "SELECT count(*), min(e.day), max(e.day) FROM entries e WHERE e.deleted_at IS NULL",
        );
        let mut args = Vec::new();
        push_filter(filter, &mut sql, &mut args);
        let (count, first, last): (i64, Option<String>, Option<String>) =
            self.conn().query_row(&sql, params_from_iter(args), |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?))
            })?;
        let day = |d: Option<String>| d.and_then(|d| d.parse::<NaiveDate>().ok());
        Ok(Overview {
            count: u64::try_from(count).unwrap_or(0),
            first: day(first),
            last: day(last),
        })
    }

    /// Id and day of each entry outside the trash that `filter` selects, in export order
    /// (day, time written, id): enough to name the files of a split export before writing.
    pub fn export_keys(&self, filter: &Filter) -> Result<Vec<(i64, NaiveDate)>> {
        let mut sql = String::from("SELECT e.id, e.day FROM entries e WHERE e.deleted_at IS NULL");
        let mut args = Vec::new();
        push_filter(filter, &mut sql, &mut args);
        sql.push_str(" ORDER BY e.day, e.created, e.id");
        let mut stmt = self.conn().prepare(&sql)?;
        let rows = stmt.query_map(params_from_iter(args), |r| {
            Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))
        })?;
        let mut out = Vec::new();
        for row in rows {
            let (id, day) = row?;
            let day = day
                .parse::<NaiveDate>()
                .with_context(|| format!("entry {id} has an unreadable day {day:?}"))?;
            out.push((id, day));
        }
        Ok(out)
    }

    /// Ids of the entries in the trash that `filter` selects, in day order.
    pub fn trashed_ids(&self, filter: &Filter) -> Result<Vec<i64>> {
        let mut sql = String::from("SELECT e.id FROM entries e WHERE e.deleted_at IS NOT NULL");
        let mut args = Vec::new();
        push_filter(filter, &mut sql, &mut args);
        sql.push_str(" ORDER BY e.day, e.created, e.id");
        let mut stmt = self.conn().prepare(&sql)?;
        Ok(stmt
            .query_map(params_from_iter(args), |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Whether an entry with this uuid is in the journal (the trash included).
    pub fn has_uuid(&self, uuid: &str) -> Result<bool> {
        uuid_taken(self.conn(), uuid)
    }
}

/// Indexing many entries for search, one statement at a time, makes the full-text index
/// write (and merge) a small segment per entry. For a large import the indexing trigger is
/// set aside and the new entries are indexed together at the end, in the same transaction
/// (so a failure anywhere leaves the journal as it was).
pub struct BulkIndex {
    trigger: String,
    after: i64,
}

impl BulkIndex {
    pub fn begin(conn: &Connection) -> Result<BulkIndex> {
        let trigger: String = conn.query_row(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'entries_fts_insert'",
            [],
            |r| r.get(0),
        )?;
        let after: i64 =
            conn.query_row("SELECT coalesce(max(id), 0) FROM entries", [], |r| r.get(0))?;
        conn.execute_batch("DROP TRIGGER entries_fts_insert")?;
        Ok(BulkIndex { trigger, after })
    }

    pub fn finish(self, conn: &Connection) -> Result<()> {
        conn.execute(
            "INSERT INTO entries_fts (rowid, body) SELECT id, body FROM entries WHERE id > ?",
            [self.after],
        )
        .context("indexing the imported entries for search")?;
        conn.execute_batch(&self.trigger)?;
        Ok(())
    }
}

/// Whether an entry with this uuid is in the journal (the trash included).
pub fn uuid_taken(conn: &Connection, uuid: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM entries WHERE uuid = ?")?
        .query_row([uuid], |_| Ok(()))
        .optional()?
        .is_some())
}

/// Saves an imported entry inside an open transaction and returns its new id: with its
/// original identity, times and trash state, indexed and analysed like any other. `keep_id`
/// is the number to give it (the caller checks it is free). A path link is moved to a
/// finished run made for it here; the entry's corrections are recorded with it.
pub fn insert_imported(
    conn: &Connection,
    item: &Imported,
    runs: &mut RunMap,
    analysis: &Analysis,
    keep_id: Option<i64>,
) -> Result<i64> {
    let mut new = item.entry.clone();
    if let Some(path) = &item.entry.path {
        let run = run_for(conn, runs, path, item.created)?;
        new.path = Some(PathStep {
            id: path.id.clone(),
            run,
            step: path.step.clone(),
        });
    }
    let stamp = Stamp {
        id: keep_id,
        uuid: &item.uuid,
        created: item.created,
        updated: item.updated,
        deleted: item.deleted,
    };
    let id = insert_analysed(conn, &new, &stamp, analysis)?;
    for c in &item.corrections {
        correct(conn, id, c.kind, &c.name)?;
    }
    if let Some(offset) = item.written_offset {
        conn.prepare_cached("UPDATE entries SET written_offset = ? WHERE id = ?")?
            .execute(params![offset.local_minus_utc() / 60, id])?;
    }
    Ok(id)
}

/// Whether the journal has never held an entry: an import into it restores the numbering of
/// the journal it came from.
pub fn never_written(conn: &Connection) -> Result<bool> {
    Ok(conn.query_row(
        "SELECT NOT EXISTS (SELECT 1 FROM entries) \
         AND NOT EXISTS (SELECT 1 FROM sqlite_sequence WHERE name = 'entries' AND seq > 0)",
        [],
        |r| r.get(0),
    )?)
}

/// Whether entry number `id` is taken (the trash included).
pub fn id_taken(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT 1 FROM entries WHERE id = ?")?
        .query_row([id], |_| Ok(()))
        .optional()?
        .is_some())
}

/// The run here for a path walk of the source journal, made (as finished) on first use; its
/// start and end stretch to cover the entries linked to it.
fn run_for(
    conn: &Connection,
    runs: &mut RunMap,
    path: &PathStep,
    at: DateTime<Utc>,
) -> Result<i64> {
    let at = timestamp(at);
    let key = (path.id.clone(), path.run);
    if let Some(&run) = runs.runs.get(&key) {
        conn.prepare_cached(
            "UPDATE path_runs SET started = min(started, ?1), ended = max(ended, ?1) WHERE id = ?2",
        )?
        .execute(params![at, run])?;
        return Ok(run);
    }
    let keep = runs.keep_numbers
        && path.run > 0
        && conn
            .prepare_cached("SELECT 1 FROM path_runs WHERE id = ?")?
            .query_row([path.run], |_| Ok(()))
            .optional()?
            .is_none();
    conn.prepare_cached(
        "INSERT INTO path_runs (id, path_id, started, ended, outcome) \
         VALUES (?1, ?2, ?3, ?3, 'finished')",
    )?
    .execute(params![keep.then_some(path.run), path.id, at])
    .context("recording the guided path of an imported entry")?;
    let run = conn.last_insert_rowid();
    runs.runs.insert(key, run);
    Ok(run)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Mood, PromptRef};
    use chrono::TimeZone;

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 21, 12, 0, 0).unwrap()
    }

    fn entry(
        day: &str,
        mood: u8,
        feelings: &[&str],
        tags: &[&str],
        theme: Option<&str>,
    ) -> NewEntry {
        NewEntry {
            body: format!("A day: {day}"),
            mood: Mood::new(mood),
            feelings: feelings.iter().map(|s| s.to_string()).collect(),
            tags: tags.iter().map(|s| s.to_string()).collect(),
            prompt: theme.map(|t| PromptRef {
                id: format!("{t}/a"),
                text: "Q?".into(),
                theme: Some(t.into()),
            }),
            ..NewEntry::on(day.parse().unwrap())
        }
    }

    /// The counts here must agree with what the listing streams, for every kind of filter.
    #[test]
    fn overview_and_keys_agree_with_the_listing() {
        let j = Journal::open_in_memory().unwrap();
        j.insert(
            &entry("2026-11-01", 2, &["hope"], &["partner"], None),
            now(),
        )
        .unwrap();
        j.insert(
            &entry("2026-11-03", 4, &["anger"], &[], Some("trust")),
            now(),
        )
        .unwrap();
        j.insert(
            &entry("2026-10-30", 5, &[], &["walk", "partner"], None),
            now(),
        )
        .unwrap();
        let gone = j
            .insert(
                &entry("2026-11-02", 3, &["hope"], &["partner"], None),
                now(),
            )
            .unwrap();
        j.trash_entries(&[gone], now()).unwrap();

        let d = |s: &str| Some(s.parse::<NaiveDate>().unwrap());
        let filters = [
            Filter::default(),
            Filter {
                from: d("2026-11-01"),
                ..Filter::default()
            },
            Filter {
                to: d("2026-11-01"),
                ..Filter::default()
            },
            Filter {
                feelings: vec!["hope".into(), "anger".into()],
                ..Filter::default()
            },
            Filter {
                tags: vec!["partner".into()],
                ..Filter::default()
            },
            Filter {
                mood_min: Some(3),
                mood_max: Some(4),
                ..Filter::default()
            },
            Filter {
                theme: Some("trust".into()),
                ..Filter::default()
            },
        ];
        for filter in &filters {
            let listed = j.list(filter).unwrap();
            let overview = j.export_overview(filter).unwrap();
            assert_eq!(overview.count as usize, listed.len(), "{filter:?}");
            assert_eq!(overview.first, listed.first().map(|e| e.day), "{filter:?}");
            assert_eq!(overview.last, listed.last().map(|e| e.day), "{filter:?}");
            let keys = j.export_keys(filter).unwrap();
            let ids: Vec<i64> = listed.iter().map(|e| e.id).collect();
            assert_eq!(keys.iter().map(|k| k.0).collect::<Vec<_>>(), ids);
        }
        assert_eq!(j.trashed_ids(&Filter::default()).unwrap(), vec![gone]);
        assert!(
            j.trashed_ids(&Filter {
                tags: vec!["walk".into()],
                ..Filter::default()
            })
            .unwrap()
            .is_empty()
        );
    }

    #[test]
    fn imported_entries_keep_their_identity_times_and_path() {
        let j = Journal::open_in_memory().unwrap();
        let at = |h: u32| Utc.with_ymd_and_hms(2024, 5, 1, h, 0, 0).unwrap();
        let mut runs = RunMap::new(false);
        let item = |uuid: &str, hour: u32, deleted: bool| Imported {
            uuid: uuid.into(),
            entry: NewEntry {
                path: Some(PathStep {
                    id: "thought-record".into(),
                    run: 42,
                    step: "situation".into(),
                }),
                body: "Late again.".into(),
                ..NewEntry::on("2024-05-01".parse().unwrap())
            },
            created: at(hour),
            updated: at(hour + 1),
            deleted: deleted.then(|| at(hour + 2)),
            corrections: Vec::new(),
            written_offset: None,
        };
        let (a, b) = j
            .write(|tx| {
                let analysis = crate::analysis::analyse("Late again.");
                let a = insert_imported(tx, &item("u-1", 8, false), &mut runs, &analysis, None)?;
                let b =
                    insert_imported(tx, &item("u-2", 10, true), &mut runs, &analysis, Some(40))?;
                Ok((a, b))
            })
            .unwrap();
        let a = j.get(a, false).unwrap().unwrap();
        assert_eq!((a.created, a.updated, a.deleted), (at(8), at(9), None));
        assert_eq!(b, 40);
        let b = j.get(b, true).unwrap().unwrap();
        assert_eq!(b.deleted, Some(at(12)));
        let (pa, pb) = (a.path.unwrap(), b.path.unwrap());
        assert_eq!(pa, pb);
        assert_eq!(pa.id, "thought-record");
        let run = j.latest_run("thought-record").unwrap().unwrap();
        assert_eq!(run.id, pa.run);
        assert_eq!(run.outcome.as_deref(), Some("finished"));
        assert_eq!(run.started, timestamp(at(8)));
        assert_eq!(run.ended.as_deref(), Some(timestamp(at(10)).as_str()));
        assert!(j.has_uuid("u-1").unwrap());
        assert!(!j.has_uuid("u-3").unwrap());
    }
}
