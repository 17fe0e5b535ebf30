//! Per-entry analysis rows: written with the entry in the same transaction, read by summary,
//! and recomputed by `mend reindex` when the analyser changes.

use anyhow::Result;
use rusqlite::{Connection, params};

use super::Journal;
use crate::analysis::{ANALYSER_VERSION, Analysis, analyse};

/// Stores the analysis of entry `id`, replacing any earlier one. The answered prompt's theme
/// counts as one mention of that theme.
pub(crate) fn save(
    conn: &Connection,
    id: i64,
    a: &Analysis,
    prompt_theme: Option<&str>,
) -> Result<()> {
    let m = &a.markers;
    conn.prepare_cached(
        "INSERT OR REPLACE INTO entry_analysis (entry_id, version, valence, words, insight, causal, \
         absolutist, positive, negative, i_words, we_words) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )?
    .execute(params![
        id, a.version, a.valence, a.words, m.insight, m.causal, m.absolutist, m.positive, m.negative, m.i, m.we
    ])?;
    conn.prepare_cached("DELETE FROM entry_signals WHERE entry_id = ?")?
        .execute([id])?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO entry_signals (entry_id, kind, name, count) VALUES (?, ?, ?, ?) \
         ON CONFLICT (entry_id, kind, name) DO UPDATE SET count = count + excluded.count",
    )?;
    for feeling in &a.feelings {
        insert.execute(params![id, "feeling", feeling, 1])?;
    }
    for sign in &a.signs {
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

impl Journal {
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
    pub fn reanalyse(&self, ids: &[i64], mut progress: impl FnMut(usize)) -> Result<usize> {
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
                    analysed.push((id, analyse(&body), theme));
                }
            }
            self.write(|tx| {
                for (id, analysis, theme) in &analysed {
                    save(tx, *id, analysis, theme.as_deref())?;
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
        assert_eq!(j.reanalyse(&[id], |_| {}).unwrap(), 1);
        assert!(j.stale_analysis().unwrap().is_empty());
    }
}
