//! Per-entry analysis rows: written with the entry in the same transaction, read by summary,
//! and recomputed by `mend reindex` when the analyser changes. `entry_signals` holds the
//! writer's current signs and feelings (what the summary counts), less the writer's own
//! corrections; `entry_readings` holds every reading with whose it is and when.

use anyhow::Result;
use rusqlite::{Connection, OptionalExtension, params};
use serde::Serialize;

use super::Journal;
use crate::analysis::{
    ANALYSER_VERSION, Analysis, Count, Holder, Markers, Perspective, ReadingKind, Time, analyse_as,
};

/// Stores the analysis of entry `id`, replacing any earlier one. The answered prompt's theme
/// counts as one mention of that theme. Signs and feelings the writer said were misread
/// (`entry_overrides`) are left out of `entry_signals`.
pub(crate) fn save(
    conn: &Connection,
    id: i64,
    a: &Analysis,
    prompt_theme: Option<&str>,
) -> Result<()> {
    let overrides = overrides(conn, id)?;
    let overridden =
        |kind: ReadingKind, name: &str| overrides.iter().any(|o| o.kind == kind && o.name == name);
    let m = &a.markers;
    conn.prepare_cached(
        "INSERT OR REPLACE INTO entry_analysis (entry_id, version, valence, words, insight, causal, \
         absolutist, positive, negative, i_words, we_words, accountability) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )?
    .execute(params![
        id, a.version, a.valence, a.words, m.insight, m.causal, m.absolutist, m.positive, m.negative, m.i, m.we,
        a.accountability
    ])?;
    conn.prepare_cached("DELETE FROM entry_readings WHERE entry_id = ?")?
        .execute([id])?;
    let mut reading = conn.prepare_cached(
        "INSERT INTO entry_readings (entry_id, seq, kind, name, holder, time, words, counted, \
         learned) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )?;
    for (seq, r) in a.readings.iter().enumerate() {
        let counted = r.is_writers_current()
            && r.kind != ReadingKind::Accountability
            && !overridden(r.kind, &r.name);
        reading.execute(params![
            id,
            seq as i64,
            r.kind.as_str(),
            r.name,
            r.holder.as_str(),
            r.time.as_str(),
            r.words,
            counted,
            r.learned
        ])?;
    }
    conn.prepare_cached("DELETE FROM entry_signals WHERE entry_id = ?")?
        .execute([id])?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO entry_signals (entry_id, kind, name, count) VALUES (?, ?, ?, ?) \
         ON CONFLICT (entry_id, kind, name) DO UPDATE SET count = count + excluded.count",
    )?;
    for feeling in a
        .feelings
        .iter()
        .filter(|f| !overridden(ReadingKind::Feeling, f))
    {
        insert.execute(params![id, "feeling", feeling, 1])?;
    }
    for sign in a
        .signs
        .iter()
        .filter(|s| !overridden(ReadingKind::Sign, &s.name))
    {
        insert.execute(params![id, "sign", sign.name, sign.count])?;
    }
    for theme in &a.themes {
        insert.execute(params![id, "theme", theme.name, theme.count])?;
    }
    if let Some(theme) = prompt_theme {
        insert.execute(params![id, "theme", theme, 1])?;
    }
    Ok(())
}

/// A correction: this sign or feeling was misread in this entry. Exported and imported with
/// the entry in mend's JSON format (`"corrections"`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Override {
    pub kind: ReadingKind,
    pub name: String,
}

/// A column this module wrote from one of the analysis's kinds, read back; anything else in it
/// (a journal edited by hand) is an error that names the column, never a panic.
fn column<T>(r: &rusqlite::Row, i: usize, parse: fn(&str) -> Option<T>) -> rusqlite::Result<T> {
    let text: String = r.get(i)?;
    parse(&text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            i,
            rusqlite::types::Type::Text,
            format!("unknown value {text:?}").into(),
        )
    })
}

fn overrides(conn: &Connection, id: i64) -> Result<Vec<Override>> {
    let mut stmt = conn.prepare_cached(
        "SELECT kind, name FROM entry_overrides WHERE entry_id = ? ORDER BY kind, name",
    )?;
    Ok(stmt
        .query_map([id], |r| {
            Ok(Override {
                kind: column(r, 0, ReadingKind::parse)?,
                name: r.get(1)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?)
}

/// Records a correction inside an open transaction (the entry's analysis already saved): the
/// sign or feeling stops counting at once and stays out of every later analysis.
pub(crate) fn correct(conn: &Connection, id: i64, kind: ReadingKind, name: &str) -> Result<()> {
    let kind = kind.as_str();
    conn.prepare_cached(
        "INSERT OR IGNORE INTO entry_overrides (entry_id, kind, name) VALUES (?, ?, ?)",
    )?
    .execute(params![id, kind, name])?;
    conn.prepare_cached("DELETE FROM entry_signals WHERE entry_id = ? AND kind = ? AND name = ?")?
        .execute(params![id, kind, name])?;
    conn.prepare_cached(
        "UPDATE entry_readings SET counted = 0 WHERE entry_id = ? AND kind = ? AND name = ?",
    )?
    .execute(params![id, kind, name])?;
    super::summary_days::touch_entry(conn, id)?;
    Ok(())
}

/// One stored reading, as `mend show --json` and `--why` present it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredReading {
    pub kind: ReadingKind,
    pub name: String,
    pub holder: Holder,
    pub time: Time,
    pub words: String,
    /// Counted in the summary: the writer's own, now, and not corrected.
    pub counted: bool,
    /// Found by the learned reader rather than by the rules.
    pub learned: bool,
}

/// The analysis stored for one entry.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StoredAnalysis {
    pub version: u32,
    /// VADER compound score, -1 (negative) to 1 (positive).
    pub sentiment: f64,
    pub words: u32,
    /// The writer's current feelings found in the text (after corrections).
    pub feelings: Vec<String>,
    /// The writer's current signs (after corrections).
    pub signs: Vec<Count>,
    pub themes: Vec<Count>,
    pub markers: Markers,
    pub accountability: u32,
    pub readings: Vec<StoredReading>,
    pub overrides: Vec<Override>,
}

impl StoredReading {
    /// Read as the writer's own, and still so (counted unless corrected).
    pub fn is_writers_current(&self) -> bool {
        self.holder == Holder::Writer && self.time == Time::Now
    }
}

impl StoredAnalysis {
    /// Whether `name` was read in the words as the writer's own current sign or feeling: only
    /// such a reading can be taken back by a correction.
    pub fn read_as_writers(&self, kind: ReadingKind, name: &str) -> bool {
        let counted = match kind {
            ReadingKind::Sign => self.signs.iter().any(|c| c.name == name),
            _ => self.feelings.iter().any(|f| f == name),
        };
        counted
            || self
                .readings
                .iter()
                .any(|r| r.kind == kind && r.name == name && r.is_writers_current())
    }
}

impl Journal {
    /// The analysis stored for entry `id`, if it has one.
    pub fn stored_analysis(&self, id: i64) -> Result<Option<StoredAnalysis>> {
        let conn = self.conn();
        let head = conn
            .query_row(
                "SELECT version, valence, words, insight, causal, absolutist, positive, negative, \
                 i_words, we_words, accountability FROM entry_analysis WHERE entry_id = ?",
                [id],
                |r| {
                    Ok((
                        r.get::<_, u32>(0)?,
                        r.get::<_, f64>(1)?,
                        r.get::<_, u32>(2)?,
                        Markers {
                            insight: r.get(3)?,
                            causal: r.get(4)?,
                            absolutist: r.get(5)?,
                            positive: r.get(6)?,
                            negative: r.get(7)?,
                            i: r.get(8)?,
                            we: r.get(9)?,
                        },
                        r.get::<_, u32>(10)?,
                    ))
                },
            )
            .optional()?;
        let Some((version, sentiment, words, markers, accountability)) = head else {
            return Ok(None);
        };
        let mut signals = conn.prepare_cached(
            "SELECT kind, name, count FROM entry_signals WHERE entry_id = ? ORDER BY kind, name",
        )?;
        let (mut feelings, mut signs, mut themes) = (Vec::new(), Vec::new(), Vec::new());
        for row in signals.query_map([id], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, u32>(2)?,
            ))
        })? {
            let (kind, name, count) = row?;
            match kind.as_str() {
                "feeling" => feelings.push(name),
                "sign" => signs.push(Count { name, count }),
                _ => themes.push(Count { name, count }),
            }
        }
        let mut stmt = conn.prepare_cached(
            "SELECT kind, name, holder, time, words, counted, learned FROM entry_readings \
             WHERE entry_id = ? ORDER BY seq",
        )?;
        let readings = stmt
            .query_map([id], |r| {
                Ok(StoredReading {
                    kind: column(r, 0, ReadingKind::parse)?,
                    name: r.get(1)?,
                    holder: column(r, 2, Holder::parse)?,
                    time: column(r, 3, Time::parse)?,
                    words: r.get(4)?,
                    counted: r.get(5)?,
                    learned: r.get(6)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Some(StoredAnalysis {
            version,
            sentiment,
            words,
            feelings,
            signs,
            themes,
            markers,
            accountability,
            readings,
            overrides: overrides(conn, id)?,
        }))
    }

    /// Records that `name` (a sign id or a feeling name) was misread in entry `id`: it stops
    /// counting at once, and every later analysis of the entry leaves it out too.
    pub fn add_override(&self, id: i64, kind: ReadingKind, name: &str) -> Result<()> {
        self.write(|tx| correct(tx, id, kind, name))
    }

    /// The corrections recorded for entry `id`, by kind and name.
    pub fn corrections(&self, id: i64) -> Result<Vec<Override>> {
        overrides(self.conn(), id)
    }

    /// Entries whose analysis is missing or was made by another analyser version.
    pub fn stale_analysis(&self) -> Result<Vec<i64>> {
        let mut stmt = self.conn().prepare(
            "SELECT e.id FROM entries e LEFT JOIN entry_analysis a ON a.entry_id = e.id \
             WHERE a.entry_id IS NULL OR a.version != ? ORDER BY e.id",
        )?;
        Ok(stmt
            .query_map([ANALYSER_VERSION], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Every entry id, trash included (its analysis is kept current too).
    pub fn all_ids(&self) -> Result<Vec<i64>> {
        let mut stmt = self.conn().prepare("SELECT id FROM entries ORDER BY id")?;
        Ok(stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?)
    }

    /// Re-analyses the given entries in batches, each its own short transaction: the text is
    /// analysed before the write lock is taken, so other writers are never kept waiting long.
    pub fn reanalyse(
        &self,
        ids: &[i64],
        perspective: Option<Perspective>,
        mut progress: impl FnMut(usize),
    ) -> Result<usize> {
        let mut done = 0;
        for batch in ids.chunks(500) {
            let mut analysed = Vec::with_capacity(batch.len());
            {
                let mut read = self
                    .conn()
                    .prepare_cached("SELECT body, prompt_theme FROM entries WHERE id = ?")?;
                for &id in batch {
                    let (body, theme): (String, Option<String>) =
                        read.query_row([id], |r| Ok((r.get(0)?, r.get(1)?)))?;
                    analysed.push((id, analyse_as(&body, perspective), theme));
                }
            }
            self.write(|tx| {
                for (id, analysis, theme) in &analysed {
                    save(tx, *id, analysis, theme.as_deref())?;
                    super::summary_days::touch_entry(tx, *id)?;
                }
                Ok(())
            })?;
            done += batch.len();
            progress(done);
        }
        Ok(done)
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{NewEntry, PromptRef};
    use crate::store::Journal;

    #[test]
    fn entries_are_analysed_when_saved_and_edited() {
        let j = Journal::open_in_memory().unwrap();
        let now = chrono::Utc::now();
        let entry = NewEntry {
            body: "I checked his phone again. I felt so jealous.".into(),
            prompt: Some(PromptRef {
                id: "forgiveness/x".into(),
                text: "?".into(),
                theme: Some("forgiveness".into()),
            }),
            ..NewEntry::on("2026-11-20".parse().unwrap())
        };
        let id = j.insert(&entry, now).unwrap();
        let signals = |j: &Journal| -> Vec<(String, String)> {
            let mut stmt = j
                .conn()
                .prepare(
                    "SELECT kind, name FROM entry_signals WHERE entry_id = ? ORDER BY kind, name",
                )
                .unwrap();
            stmt.query_map([id], |r| Ok((r.get(0).unwrap(), r.get(1).unwrap())))
                .unwrap()
                .map(Result::unwrap)
                .collect()
        };
        let found = signals(&j);
        assert!(
            found.contains(&("sign".into(), "checking".into())),
            "{found:?}"
        );
        assert!(
            found.contains(&("feeling".into(), "jealousy".into())),
            "{found:?}"
        );
        assert!(
            found.contains(&("theme".into(), "forgiveness".into())),
            "{found:?}"
        );

        let change = crate::store::entries::EntryUpdate {
            body: Some("A calm walk together.".into()),
            ..Default::default()
        };
        j.update(id, &change, now).unwrap();
        let found = signals(&j);
        assert!(!found.iter().any(|(_, n)| n == "jealousy"), "{found:?}");
        assert!(j.stale_analysis().unwrap().is_empty());
        j.conn().execute("DELETE FROM entry_analysis", []).unwrap();
        assert_eq!(j.stale_analysis().unwrap(), vec![id]);
        assert_eq!(j.reanalyse(&[id], None, |_| {}).unwrap(), 1);
        assert!(j.stale_analysis().unwrap().is_empty());
    }
}
