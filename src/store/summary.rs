//! Everything `mend summary` reads, in a few narrow queries: the entries of a window (id,
//! day, mood, prompt) from a covering index, which entries carry each feeling, tag, trust
//! sign and theme, and sums of the stored language markers. The text itself is only read for
//! milestones' first lines. Entries in the trash are never counted.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::Journal;

/// One entry of the window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EntryRow {
    pub id: i64,
    pub day: NaiveDate,
    pub mood: Option<u8>,
    /// Whether it answers a prompt, and the prompt's theme.
    pub answered: bool,
    pub theme: Option<String>,
}

/// Where a label comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Source {
    /// Found in the text at write time (`entry_signals`).
    Sign,
    Theme,
    FoundFeeling,
    /// Chosen with `--feel` (`entry_feelings`).
    ChosenFeeling,
    Tag,
}

/// The entries carrying one label. Ids may include entries outside the window or in the
/// trash: callers keep only the ids of their window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelIds {
    pub source: Source,
    pub name: String,
    pub ids: Vec<i64>,
}

/// The language markers summed over a period's analysed entries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct LanguageSums {
    pub entries: u32,
    pub words: i64,
    pub insight: i64,
    pub causal: i64,
    pub absolutist: i64,
    pub positive: i64,
    pub negative: i64,
    pub i: i64,
    pub we: i64,
}

const LIVE: &str = "e.deleted_at IS NULL AND e.day BETWEEN ?1 AND ?2";

/// "YYYY-MM-DD" without the general date parser: this runs once per entry.
pub(crate) fn parse_day(text: &str) -> Option<NaiveDate> {
    let b = text.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    NaiveDate::from_ymd_opt(num(0..4)? as i32, num(5..7)?, num(8..10)?)
}

pub(super) fn day_at(row: &Row, index: usize) -> rusqlite::Result<NaiveDate> {
    let text = row.get_ref(index)?.as_str()?;
    parse_day(text).ok_or_else(|| {
        rusqlite::Error::FromSqlConversionFailure(
            index,
            rusqlite::types::Type::Text,
            format!("{text:?} is not a day").into(),
        )
    })
}

impl Journal {
    /// The first day written about, outside the trash.
    pub fn first_entry_day(&self) -> Result<Option<NaiveDate>> {
        let text: Option<String> = self.conn().query_row(
            "SELECT min(day) FROM entries WHERE deleted_at IS NULL",
            [],
            |r| r.get(0),
        )?;
        Ok(text.as_deref().and_then(parse_day))
    }

    /// The entries of `from..=to`, in day order.
    pub fn summary_entries(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<EntryRow>> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT e.id, e.day, e.mood, e.prompt_id IS NOT NULL, e.prompt_theme FROM entries e \
             WHERE {LIVE} ORDER BY e.day, e.id"
        ))?;
        let rows = stmt.query_map(params![from.to_string(), to.to_string()], |r| {
            Ok(EntryRow {
                id: r.get(0)?,
                day: day_at(r, 1)?,
                mood: r.get(2)?,
                answered: r.get(3)?,
                theme: r.get(4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Which entries with ids in `lo..=hi` carry each trust sign, theme, feeling (found or
    /// chosen) and tag. Each label is one range read on its (label, entry) index, so the cost
    /// follows the window rather than the journal; the labels themselves are found by
    /// skipping from one to the next along the same index.
    pub fn summary_labels(&self, lo: i64, hi: i64) -> Result<Vec<LabelIds>> {
        let conn = self.conn();
        let mut out = Vec::new();
        // (source, table, label column, condition); the conditions are constants.
        let tables = [
            (Source::Sign, "entry_signals", "name", "kind = 'sign'"),
            (Source::Theme, "entry_signals", "name", "kind = 'theme'"),
            (
                Source::FoundFeeling,
                "entry_signals",
                "name",
                "kind = 'feeling'",
            ),
            (Source::ChosenFeeling, "entry_feelings", "feeling", "1"),
            (Source::Tag, "entry_tags", "tag", "1"),
        ];
        for (source, table, column, scope) in tables {
            let mut first =
                conn.prepare_cached(&format!("SELECT min({column}) FROM {table} WHERE {scope}"))?;
            let mut next = conn.prepare_cached(&format!(
                "SELECT {column} FROM {table} WHERE {scope} AND {column} > ?1 \
                 ORDER BY {column} LIMIT 1"
            ))?;
            let mut ids = conn.prepare_cached(&format!(
                "SELECT group_concat(entry_id) FROM {table} \
                 WHERE {scope} AND {column} = ?1 AND entry_id BETWEEN ?2 AND ?3"
            ))?;
            let mut name: Option<String> = first.query_row([], |r| r.get(0))?;
            while let Some(current) = name {
                let list: Option<String> = ids.query_row(params![current, lo, hi], |r| r.get(0))?;
                name = next.query_row([&current], |r| r.get(0)).optional()?;
                if let Some(list) = list {
                    out.push(LabelIds {
                        source,
                        name: current,
                        ids: list.split(',').filter_map(|id| id.parse().ok()).collect(),
                    });
                }
            }
        }
        Ok(out)
    }

    /// Words of each analysed entry with an id in `lo..=hi` (callers keep their window's).
    pub fn summary_words(&self, lo: i64, hi: i64) -> Result<Vec<(i64, u32)>> {
        let mut stmt = self.conn().prepare_cached(
            "SELECT entry_id, words FROM entry_analysis WHERE entry_id BETWEEN ?1 AND ?2",
        )?;
        let rows = stmt.query_map(params![lo, hi], |r| Ok((r.get(0)?, r.get(1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Language markers summed over the analysed entries of `from..=to`. Entries without a
    /// stored analysis are left out.
    pub fn summary_language(&self, from: NaiveDate, to: NaiveDate) -> Result<LanguageSums> {
        // One row a day from the stored counts, rather than one an entry.
        if let Some(sums) = self.summary_days_language(from, to)? {
            return Ok(sums);
        }
        self.summary_language_joined(from, to)
    }

    /// The same, from the entries and their analyses.
    pub(crate) fn summary_language_joined(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<LanguageSums> {
        let sums = self.conn().query_row(
            &format!(
                "SELECT count(*), total(a.words), total(a.insight), total(a.causal), \
                 total(a.absolutist), total(a.positive), total(a.negative), total(a.i_words), \
                 total(a.we_words) FROM entries e CROSS JOIN entry_analysis a ON a.entry_id = e.id \
                 WHERE {LIVE}"
            ),
            params![from.to_string(), to.to_string()],
            language_sums,
        )?;
        Ok(sums)
    }

    /// The first 400 characters of each entry in `ids` (skipping ids that are gone).
    pub fn summary_heads(&self, ids: &[i64]) -> Result<Vec<(i64, String)>> {
        let mut stmt = self
            .conn()
            .prepare_cached("SELECT substr(body, 1, 400) FROM entries WHERE id = ?")?;
        let mut out = Vec::with_capacity(ids.len());
        for &id in ids {
            if let Some(head) = stmt.query_row([id], |r| r.get::<_, String>(0)).optional()? {
                out.push((id, head));
            }
        }
        Ok(out)
    }

    /// Consecutive days written that end on `to` or the day before it (0 when neither has
    /// an entry).
    pub fn current_streak(&self, to: NaiveDate) -> Result<u32> {
        if self.summary_days_fresh_to(to)? {
            return super::summary_runs::streak(self.conn(), to);
        }
        // Something wrote without `Journal::write`: the runs may be behind the entries.
        walk_streak(self.conn(), LIVE_DAYS, to)
    }
}

/// The days with entries outside the trash up to `?1`, latest first.
const LIVE_DAYS: &str =
    "SELECT DISTINCT day FROM entries WHERE deleted_at IS NULL AND day <= ?1 ORDER BY day DESC";

/// The streak counted by walking back one day at a time over `days` (a query of days up to
/// `?1`, latest first), as long as the run is.
pub(super) fn walk_streak(conn: &Connection, days: &str, to: NaiveDate) -> Result<u32> {
    let mut stmt = conn.prepare_cached(days)?;
    let mut rows = stmt.query([to.to_string()])?;
    let mut expected: Option<NaiveDate> = None;
    let mut streak = 0;
    while let Some(row) = rows.next()? {
        let day = day_at(row, 0)?;
        match expected {
            None if day == to || Some(day) == to.pred_opt() => {}
            None => return Ok(0),
            Some(want) if day == want => {}
            Some(_) => break,
        }
        streak += 1;
        expected = day.pred_opt();
        if expected.is_none() {
            break;
        }
    }
    Ok(streak)
}

/// A row of the nine language sums (entries, words, then the markers in `LanguageSums`
/// order), whether counted from the entries or from the stored days.
pub(super) fn language_sums(r: &rusqlite::Row) -> rusqlite::Result<LanguageSums> {
    let n = |i: usize| r.get::<_, f64>(i).map(|v| v as i64);
    Ok(LanguageSums {
        entries: n(0)? as u32,
        words: n(1)?,
        insight: n(2)?,
        causal: n(3)?,
        absolutist: n(4)?,
        positive: n(5)?,
        negative: n(6)?,
        i: n(7)?,
        we: n(8)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_parse_quickly_and_strictly() {
        assert_eq!(
            parse_day("2026-11-21"),
            NaiveDate::from_ymd_opt(2026, 11, 21)
        );
        assert_eq!(parse_day("2026-02-30"), None);
        assert_eq!(parse_day("2026-1-21x"), None);
        assert_eq!(parse_day("20261121"), None);
    }
}
