//! The per-day label counts `mend summary` reads (`day_labels`, schema.md): for each day,
//! how many entries outside the trash carry each trust sign, theme, feeling and tag, packed
//! a week to a row. The table is kept by triggers (migration 0013) wherever entries or their
//! labels change, so a summary of years reads one row per week and label rather than one per
//! entry and label; the entries behind the few labels an insight names are read on their
//! own.

use std::collections::HashMap;

use anyhow::Result;
use chrono::{Datelike, NaiveDate};
use rusqlite::params;

use super::Journal;
use super::summary::Source;

/// One day's count of entries with one label.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayLabel {
    pub day: NaiveDate,
    /// Index into `DayLabels::names`.
    pub name: u32,
    pub entries: u32,
}

/// The counts of a window of days, in day order, with each label's name stored once.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DayLabels {
    /// (source, name); feelings chosen and found are one, as `Source::ChosenFeeling`.
    pub names: Vec<(Source, String)>,
    pub rows: Vec<DayLabel>,
}

/// The Julian day number of `day` (as SQLite's `julianday` gives it at noon).
fn julian(day: NaiveDate) -> i64 {
    i64::from(day.num_days_from_ce()) + 1_721_425
}

fn day_of(jdn: i64) -> Option<NaiveDate> {
    NaiveDate::from_num_days_from_ce_opt(i32::try_from(jdn - 1_721_425).ok()?)
}

fn source_of(kind: i64) -> Option<Source> {
    Some(match kind {
        0 => Source::Sign,
        1 => Source::Theme,
        2 => Source::ChosenFeeling,
        3 => Source::Tag,
        _ => return None,
    })
}

impl Journal {
    /// Every (day, label) count of `from..=to`, in day order.
    pub fn summary_day_labels(&self, from: NaiveDate, to: NaiveDate) -> Result<DayLabels> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT week, kind, name, days FROM day_labels WHERE week BETWEEN ?1 AND ?2",
        )?;
        let (first, last) = (julian(from), julian(to));
        let mut rows = stmt.query(params![first / 7, last / 7])?;
        let mut out = DayLabels::default();
        // One map per kind, looked up by the row's own text: no allocation per row.
        let mut index: [HashMap<String, u32>; 4] = Default::default();
        // Rows come by week; within a week they are put in day order before being kept.
        let mut week: Vec<(i64, u32, u32)> = Vec::new();
        let mut current_week = i64::MIN;
        let flush = |week: &mut Vec<(i64, u32, u32)>, out: &mut DayLabels| {
            week.sort_by_key(|w| w.0);
            for &(jdn, name, entries) in week.iter() {
                if let Some(day) = day_of(jdn) {
                    out.rows.push(DayLabel { day, name, entries });
                }
            }
            week.clear();
        };
        while let Some(row) = rows.next()? {
            let w: i64 = row.get(0)?;
            if w != current_week {
                flush(&mut week, &mut out);
                current_week = w;
            }
            let kind: i64 = row.get(1)?;
            let Some(source) = source_of(kind) else {
                continue;
            };
            let name = row.get_ref(2)?.as_str()?;
            let names = &mut index[kind as usize];
            let at = match names.get(name) {
                Some(&i) => i,
                None => {
                    let i = out.names.len() as u32;
                    out.names.push((source, name.to_string()));
                    names.insert(name.to_string(), i);
                    i
                }
            };
            let days: i64 = row.get(3)?;
            for d in 0..7 {
                let entries = ((days >> (9 * d)) & 511) as u32;
                let jdn = w * 7 + d;
                if entries > 0 && (first..=last).contains(&jdn) {
                    week.push((jdn, at, entries));
                }
            }
        }
        flush(&mut week, &mut out);
        Ok(out)
    }

    /// The ids in `lo..=hi` of the entries carrying one label (feelings chosen or found).
    /// Ids may include entries in the trash or outside the window: callers keep their own.
    pub fn summary_label_ids(
        &self,
        source: Source,
        name: &str,
        lo: i64,
        hi: i64,
    ) -> Result<Vec<i64>> {
        let sql = match source {
            Source::Sign => {
                "SELECT entry_id FROM entry_signals WHERE kind = 'sign' AND name = ?1 \
                 AND entry_id BETWEEN ?2 AND ?3"
            }
            Source::Theme => {
                "SELECT entry_id FROM entry_signals WHERE kind = 'theme' AND name = ?1 \
                 AND entry_id BETWEEN ?2 AND ?3"
            }
            Source::FoundFeeling | Source::ChosenFeeling => {
                "SELECT entry_id FROM entry_feelings WHERE feeling = ?1 \
                 AND entry_id BETWEEN ?2 AND ?3 UNION \
                 SELECT entry_id FROM entry_signals WHERE kind = 'feeling' AND name = ?1 \
                 AND entry_id BETWEEN ?2 AND ?3"
            }
            Source::Tag => {
                "SELECT entry_id FROM entry_tags WHERE tag = ?1 AND entry_id BETWEEN ?2 AND ?3"
            }
        };
        let mut stmt = self.conn().prepare_cached(sql)?;
        let ids = stmt.query_map(params![name, lo, hi], |r| r.get(0))?;
        Ok(ids.collect::<rusqlite::Result<_>>()?)
    }
}

#[cfg(test)]
mod tests {
    use rusqlite::Connection;

    /// The counts recomputed from the entries and their labels.
    const RECOUNT: &str = "
        SELECT e.day, CASE s.kind WHEN 'sign' THEN 0 ELSE 1 END, s.name, count(*)
        FROM entries e JOIN entry_signals s ON s.entry_id = e.id
        WHERE e.deleted_at IS NULL AND s.kind IN ('sign', 'theme') GROUP BY 1, 2, 3
        UNION ALL
        SELECT e.day, 2, f.name, count(*) FROM entries e JOIN (
            SELECT entry_id, feeling AS name FROM entry_feelings
            UNION SELECT entry_id, name FROM entry_signals WHERE kind = 'feeling'
        ) f ON f.entry_id = e.id WHERE e.deleted_at IS NULL GROUP BY 1, 2, 3
        UNION ALL
        SELECT e.day, 3, t.tag, count(*) FROM entries e JOIN entry_tags t ON t.entry_id = e.id
        WHERE e.deleted_at IS NULL GROUP BY 1, 2, 3
        ORDER BY 1, 2, 3";

    fn rows(conn: &Connection, sql: &str) -> Vec<(String, i64, String, i64)> {
        let mut stmt = conn.prepare(sql).unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    fn agrees(conn: &Connection, step: &str) {
        // The packed weeks unpacked into days, as `summary_day_labels` reads them.
        let kept = rows(
            conn,
            "WITH RECURSIVE d(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM d WHERE i < 6)
             SELECT date(week * 7 + i - 0.5), kind, name, (days >> (9 * i)) & 511
             FROM day_labels, d WHERE (days >> (9 * i)) & 511 > 0 ORDER BY 1, 2, 3",
        );
        assert_eq!(kept, rows(conn, RECOUNT), "after {step}");
    }

    fn entry(conn: &Connection, id: i64, day: &str) {
        conn.execute(
            "INSERT INTO entries (id, uuid, day, created, updated, body) \
             VALUES (?1, ?1, ?2, 'c', 'u', 'b')",
            rusqlite::params![id, day],
        )
        .unwrap();
    }

    /// Days are numbered as SQLite's `julianday` numbers them, so weeks agree with the triggers.
    #[test]
    fn julian_days_match_sqlite() {
        let conn = Connection::open_in_memory().unwrap();
        for text in ["1999-11-21", "2026-11-21", "2024-02-29"] {
            let jdn: i64 = conn
                .query_row("SELECT CAST(julianday(?1) + 0.5 AS INTEGER)", [text], |r| {
                    r.get(0)
                })
                .unwrap();
            let day = chrono::NaiveDate::parse_from_str(text, "%Y-%m-%d").unwrap();
            assert_eq!(super::julian(day), jdn);
            assert_eq!(super::day_of(jdn), Some(day));
        }
    }

    /// Every way an entry or its labels change keeps the counts equal to a recount.
    #[test]
    fn the_triggers_keep_the_counts_exact() {
        let conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "foreign_keys", "ON").unwrap();
        crate::store::migrate::apply(&conn, 0).unwrap();
        let steps: &[(&str, &str)] = &[
            ("a first entry", ""),
            (
                "labels",
                "INSERT INTO entry_tags VALUES (1, 'walk');
                 INSERT INTO entry_feelings VALUES (1, 'calm');
                 INSERT INTO entry_signals VALUES (1, 'feeling', 'calm', 2);
                 INSERT INTO entry_signals VALUES (1, 'sign', 'doubt', 1);
                 INSERT INTO entry_signals VALUES (1, 'theme', 'boundaries', 1);",
            ),
            (
                "a second entry the same day",
                "INSERT INTO entries (id, uuid, day, created, updated, body)
                     VALUES (2, 2, '2026-11-01', 'c', 'u', 'b');
                 INSERT INTO entry_signals VALUES (2, 'feeling', 'calm', 1);
                 INSERT INTO entry_tags VALUES (2, 'walk');",
            ),
            (
                "a chosen feeling taken off while still found",
                "DELETE FROM entry_feelings WHERE entry_id = 1",
            ),
            (
                "a reindex",
                "DELETE FROM entry_signals WHERE entry_id = 1;
                 INSERT INTO entry_signals VALUES (1, 'sign', 'jealousy', 1);",
            ),
            (
                "moved to another day",
                "UPDATE entries SET day = '2026-11-03' WHERE id = 2",
            ),
            (
                "trashed",
                "UPDATE entries SET deleted_at = 'now' WHERE id = 1",
            ),
            (
                "a label changed in the trash",
                "INSERT INTO entry_tags VALUES (1, 'gym')",
            ),
            (
                "restored",
                "UPDATE entries SET deleted_at = NULL WHERE id = 1",
            ),
            ("deleted for good", "DELETE FROM entries WHERE id = 2"),
            (
                "deleted from the trash",
                "UPDATE entries SET deleted_at = 'now' WHERE id = 1;
                 DELETE FROM entries WHERE id = 1;",
            ),
        ];
        for (step, sql) in steps {
            if step == &"a first entry" {
                entry(&conn, 1, "2026-11-01");
            } else {
                conn.execute_batch(sql).unwrap();
            }
            agrees(&conn, step);
        }
        assert!(rows(&conn, "SELECT week, kind, name, days FROM day_labels").is_empty());
    }
}
