//! Everything `mend summary` reads: aggregates grouped in SQL over the day index and the
//! stored analysis (never the text itself, apart from milestones' first lines), and the
//! entry ids behind an insight. Entries in the trash are never counted.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::types::Value;
use rusqlite::{Row, params, params_from_iter};

use super::Journal;

/// Count, sum and sum of squares of the moods in a group.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct MoodSums {
    pub n: u32,
    pub sum: i64,
    pub sumsq: i64,
}

/// One day: how many entries, and their moods.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayRow {
    pub day: NaiveDate,
    pub entries: u32,
    pub mood: MoodSums,
}

/// A trust sign or theme on one day: entries touching it, and their moods.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SignalDay {
    /// "sign" or "theme".
    pub kind: String,
    pub name: String,
    pub day: NaiveDate,
    pub entries: u32,
    pub mood: MoodSums,
}

/// A feeling, tag or prompt theme: entries with it (each once), and their moods.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LabelRow {
    pub name: String,
    /// Whether the row counts the period itself (true) or the one before (false).
    pub current: bool,
    pub entries: u32,
    pub mood: MoodSums,
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

/// An entry tagged win or progress, with the start of its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MilestoneRow {
    pub id: i64,
    pub day: NaiveDate,
    pub head: String,
}

/// Which entries an insight rests on. All but `Signal` are limited to entries with a mood.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Evidence {
    /// Every entry with a mood.
    Mood,
    /// Entries with a trust sign or theme ("sign" / "theme", name).
    Signal(String, String),
    Tag(String),
    /// Chosen or found in the text.
    Feeling(String),
    Theme(String),
    Prompt,
    /// 0 = Sunday … 6 = Saturday, as SQLite's `strftime('%w')`.
    Weekday(u32),
}

const LIVE: &str = "e.deleted_at IS NULL AND e.day BETWEEN ?1 AND ?2";
const MOOD_SUMS: &str =
    "count(e.mood), coalesce(sum(e.mood), 0), coalesce(sum(e.mood * e.mood), 0)";

fn day_at(row: &Row, index: usize) -> rusqlite::Result<NaiveDate> {
    let text: String = row.get(index)?;
    NaiveDate::parse_from_str(&text, "%Y-%m-%d").map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(index, rusqlite::types::Type::Text, Box::new(e))
    })
}

fn mood_at(row: &Row, first: usize) -> rusqlite::Result<MoodSums> {
    Ok(MoodSums {
        n: row.get(first)?,
        sum: row.get(first + 1)?,
        sumsq: row.get(first + 2)?,
    })
}

fn label_row(row: &Row) -> rusqlite::Result<LabelRow> {
    Ok(LabelRow {
        name: row.get::<_, Option<String>>(0)?.unwrap_or_default(),
        current: row.get(1)?,
        entries: row.get(2)?,
        mood: mood_at(row, 3)?,
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
        Ok(text.and_then(|t| NaiveDate::parse_from_str(&t, "%Y-%m-%d").ok()))
    }

    /// Entries and moods per day written, `from..=to`, oldest first.
    pub fn summary_days(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<DayRow>> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT e.day, count(*), {MOOD_SUMS} FROM entries e WHERE {LIVE} \
             GROUP BY e.day ORDER BY e.day"
        ))?;
        let rows = stmt.query_map(params![from.to_string(), to.to_string()], |r| {
            Ok(DayRow {
                day: day_at(r, 0)?,
                entries: r.get(1)?,
                mood: mood_at(r, 2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Trust signs and themes per day, `from..=to`.
    pub fn summary_signals(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<SignalDay>> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT s.kind, s.name, e.day, count(*), {MOOD_SUMS} \
             FROM entries e JOIN entry_signals s ON s.entry_id = e.id \
             WHERE {LIVE} AND s.kind IN ('sign', 'theme') GROUP BY s.kind, s.name, e.day"
        ))?;
        let rows = stmt.query_map(params![from.to_string(), to.to_string()], |r| {
            Ok(SignalDay {
                kind: r.get(0)?,
                name: r.get(1)?,
                day: day_at(r, 2)?,
                entries: r.get(3)?,
                mood: mood_at(r, 4)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Feelings, chosen or found in the text (an entry counts once per feeling), over
    /// `from..=to`; rows from `split` on are `current`.
    pub fn summary_feelings(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        split: NaiveDate,
    ) -> Result<Vec<LabelRow>> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT name, day >= ?3, count(*), count(mood), coalesce(sum(mood), 0), \
             coalesce(sum(mood * mood), 0) FROM ( \
               SELECT e.id, e.day, e.mood, f.feeling AS name \
               FROM entries e JOIN entry_feelings f ON f.entry_id = e.id WHERE {LIVE} \
               UNION \
               SELECT e.id, e.day, e.mood, s.name \
               FROM entries e JOIN entry_signals s ON s.entry_id = e.id AND s.kind = 'feeling' \
               WHERE {LIVE}) \
             GROUP BY name, day >= ?3"
        ))?;
        let rows = stmt.query_map(
            params![from.to_string(), to.to_string(), split.to_string()],
            label_row,
        )?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Tags over `from..=to` (all `current`).
    pub fn summary_tags(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<LabelRow>> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT t.tag, 1, count(*), {MOOD_SUMS} \
             FROM entries e JOIN entry_tags t ON t.entry_id = e.id WHERE {LIVE} GROUP BY t.tag"
        ))?;
        let rows = stmt.query_map(params![from.to_string(), to.to_string()], label_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Prompt answers by theme over `from..=to` (all `current`; an empty name for answers
    /// without a theme).
    pub fn summary_prompts(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<LabelRow>> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT e.prompt_theme, 1, count(*), {MOOD_SUMS} FROM entries e \
             WHERE {LIVE} AND e.prompt_id IS NOT NULL GROUP BY e.prompt_theme"
        ))?;
        let rows = stmt.query_map(params![from.to_string(), to.to_string()], label_row)?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Language markers of the entries before `split` and from `split` on, within
    /// `from..=to`. Entries without a stored analysis are left out.
    pub fn summary_language(
        &self,
        from: NaiveDate,
        to: NaiveDate,
        split: NaiveDate,
    ) -> Result<(LanguageSums, LanguageSums)> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT e.day >= ?3, count(*), sum(a.words), sum(a.insight), sum(a.causal), \
             sum(a.absolutist), sum(a.positive), sum(a.negative), sum(a.i_words), \
             sum(a.we_words) FROM entries e JOIN entry_analysis a ON a.entry_id = e.id \
             WHERE {LIVE} GROUP BY e.day >= ?3"
        ))?;
        let mut rows = stmt.query(params![from.to_string(), to.to_string(), split.to_string()])?;
        let (mut before, mut current) = (LanguageSums::default(), LanguageSums::default());
        while let Some(r) = rows.next()? {
            let sums = LanguageSums {
                entries: r.get(1)?,
                words: r.get(2)?,
                insight: r.get(3)?,
                causal: r.get(4)?,
                absolutist: r.get(5)?,
                positive: r.get(6)?,
                negative: r.get(7)?,
                i: r.get(8)?,
                we: r.get(9)?,
            };
            if r.get::<_, bool>(0)? {
                current = sums;
            } else {
                before = sums;
            }
        }
        Ok((current, before))
    }

    /// Entries tagged win or progress, `from..=to`, oldest first, with their first 400
    /// characters.
    pub fn summary_milestones(&self, from: NaiveDate, to: NaiveDate) -> Result<Vec<MilestoneRow>> {
        let mut stmt = self.conn().prepare(&format!(
            "SELECT e.id, e.day, substr(e.body, 1, 400) FROM entries e WHERE {LIVE} \
             AND e.id IN (SELECT entry_id FROM entry_tags WHERE tag IN ('win', 'progress')) \
             ORDER BY e.day, e.created, e.id"
        ))?;
        let rows = stmt.query_map(params![from.to_string(), to.to_string()], |r| {
            Ok(MilestoneRow {
                id: r.get(0)?,
                day: day_at(r, 1)?,
                head: r.get(2)?,
            })
        })?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// The entries an insight rests on, `from..=to`, oldest first.
    pub fn summary_evidence(
        &self,
        evidence: &Evidence,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Vec<(i64, NaiveDate)>> {
        let mut args = vec![Value::Text(from.to_string()), Value::Text(to.to_string())];
        let mut condition = |sql: &str, values: Vec<Value>| {
            args.extend(values);
            sql.to_string()
        };
        let text = |s: &str| Value::Text(s.to_string());
        let tail = match evidence {
            Evidence::Mood => condition("e.mood IS NOT NULL", vec![]),
            Evidence::Signal(kind, name) => condition(
                "e.id IN (SELECT entry_id FROM entry_signals WHERE kind = ?3 AND name = ?4)",
                vec![text(kind), text(name)],
            ),
            Evidence::Tag(tag) => condition(
                "e.mood IS NOT NULL AND e.id IN (SELECT entry_id FROM entry_tags WHERE tag = ?3)",
                vec![text(tag)],
            ),
            Evidence::Feeling(name) => condition(
                "e.mood IS NOT NULL AND (e.id IN (SELECT entry_id FROM entry_feelings WHERE feeling = ?3) \
                 OR e.id IN (SELECT entry_id FROM entry_signals WHERE kind = 'feeling' AND name = ?3))",
                vec![text(name)],
            ),
            Evidence::Theme(name) => condition(
                "e.mood IS NOT NULL AND e.id IN (SELECT entry_id FROM entry_signals WHERE kind = 'theme' AND name = ?3)",
                vec![text(name)],
            ),
            Evidence::Prompt => condition("e.mood IS NOT NULL AND e.prompt_id IS NOT NULL", vec![]),
            Evidence::Weekday(w) => condition(
                "e.mood IS NOT NULL AND strftime('%w', e.day) = ?3",
                vec![text(&w.to_string())],
            ),
        };
        let mut stmt = self.conn().prepare(&format!(
            "SELECT e.id, e.day FROM entries e WHERE {LIVE} AND {tail} ORDER BY e.day, e.created, e.id"
        ))?;
        let rows = stmt.query_map(params_from_iter(args), |r| Ok((r.get(0)?, day_at(r, 1)?)))?;
        Ok(rows.collect::<rusqlite::Result<_>>()?)
    }

    /// Consecutive days written that end on `to` or the day before it (0 when neither has
    /// an entry).
    pub fn current_streak(&self, to: NaiveDate) -> Result<u32> {
        let mut stmt = self.conn().prepare(
            "SELECT DISTINCT day FROM entries WHERE deleted_at IS NULL AND day <= ?1 ORDER BY day DESC",
        )?;
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
}
