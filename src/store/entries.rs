//! Entries, their feelings and tags: saving, reading back, listing and changing them.
//! Search lives in `search.rs`, the trash in `trash.rs`.

use anyhow::{Context, Result, bail};
use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, params, params_from_iter};

use super::Journal;
use crate::model::{Entry, Mood, NewEntry, PathStep, PromptRef};

// Kept here too so that callers naming `entries::MATCH_START` and the like keep working.
pub use super::search::{MATCH_END, MATCH_START};

/// Which entries a listing, export or search covers. Empty fields do not filter.
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    /// Entries with any of these feelings.
    pub feelings: Vec<String>,
    /// Entries with any of these tags.
    pub tags: Vec<String>,
    pub mood_min: Option<u8>,
    pub mood_max: Option<u8>,
    pub theme: Option<String>,
    /// Only the last `limit` entries (still returned oldest first).
    pub limit: Option<usize>,
}

/// Changes to an existing entry; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct EntryUpdate {
    pub body: Option<String>,
    pub day: Option<NaiveDate>,
    pub mood: Option<Option<Mood>>,
    pub feelings: Option<Vec<String>>,
    pub tags: Option<Vec<String>>,
}

impl Filter {
    /// True when nothing narrows the entries (a limit aside).
    pub fn is_empty(&self) -> bool {
        self.from.is_none()
            && self.to.is_none()
            && self.feelings.is_empty()
            && self.tags.is_empty()
            && self.mood_min.is_none()
            && self.mood_max.is_none()
            && self.theme.is_none()
            && self.limit.is_none()
    }
}

impl EntryUpdate {
    pub fn is_empty(&self) -> bool {
        self.body.is_none()
            && self.day.is_none()
            && self.mood.is_none()
            && self.feelings.is_none()
            && self.tags.is_none()
    }
}

pub(super) const COLUMNS: &str = "e.id, e.uuid, e.day, e.created, e.updated, e.mood, e.prompt_id, \
                       e.prompt_text, e.prompt_theme, e.body, e.deleted_at, \
                       (SELECT r.path_id FROM path_runs r WHERE r.id = e.path_run), e.path_run, \
                       e.path_step, e.data";

pub fn timestamp(t: DateTime<Utc>) -> String {
    t.to_rfc3339_opts(SecondsFormat::Millis, true)
}

fn parse_timestamp(text: &str, column: usize) -> rusqlite::Result<DateTime<Utc>> {
    DateTime::parse_from_rfc3339(text)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| {
            rusqlite::Error::FromSqlConversionFailure(
                column,
                rusqlite::types::Type::Text,
                Box::new(e),
            )
        })
}

/// An entry whose stored row cannot be turned back into an entry (a time that is not a
/// time, say): named with its id, so that a person can find it.
#[derive(Debug, Clone, serde::Serialize, thiserror::Error)]
#[error(
    "entry {id} cannot be read: its {column} is not valid — `mend check` lists such entries; restore them from a backup or export"
)]
pub struct Unreadable {
    pub id: i64,
    pub column: &'static str,
}

/// The column names of `COLUMNS`, by position, for messages.
const COLUMN_NAMES: [&str; 15] = [
    "id",
    "uuid",
    "day",
    "created",
    "updated",
    "mood",
    "prompt",
    "prompt text",
    "prompt theme",
    "text",
    "deleted time",
    "path",
    "path run",
    "path step",
    "answers",
];

pub(super) fn entry_from_row(row: &Row) -> rusqlite::Result<Entry> {
    decode_entry(row).map_err(|e| {
        let column = match &e {
            rusqlite::Error::FromSqlConversionFailure(i, ..)
            | rusqlite::Error::InvalidColumnType(i, ..)
            | rusqlite::Error::IntegralValueOutOfRange(i, _) => *i,
            _ => return e,
        };
        match row.get::<_, i64>(0) {
            // The one variant that carries an error of mend's own and shows only its text.
            Ok(id) => rusqlite::Error::ToSqlConversionFailure(Box::new(Unreadable {
                id,
                column: COLUMN_NAMES.get(column).copied().unwrap_or("data"),
            })),
            Err(_) => e,
        }
    })
}

fn decode_entry(row: &Row) -> rusqlite::Result<Entry> {
    let day: String = row.get(2)?;
    let day = NaiveDate::parse_from_str(&day, "%Y-%m-%d").map_err(|e| {
        rusqlite::Error::FromSqlConversionFailure(2, rusqlite::types::Type::Text, Box::new(e))
    })?;
    let prompt_id: Option<String> = row.get(6)?;
    let deleted: Option<String> = row.get(10)?;
    Ok(Entry {
        id: row.get(0)?,
        uuid: row.get(1)?,
        day,
        created: parse_timestamp(&row.get::<_, String>(3)?, 3)?,
        updated: parse_timestamp(&row.get::<_, String>(4)?, 4)?,
        mood: row.get::<_, Option<u8>>(5)?.and_then(Mood::new),
        prompt: match prompt_id {
            Some(id) => Some(PromptRef {
                id,
                text: row.get::<_, Option<String>>(7)?.unwrap_or_default(),
                theme: row.get(8)?,
            }),
            None => None,
        },
        body: row.get(9)?,
        feelings: Vec::new(),
        tags: Vec::new(),
        deleted: deleted
            .as_deref()
            .map(|t| parse_timestamp(t, 10))
            .transpose()?,
        path: match (
            row.get::<_, Option<String>>(11)?,
            row.get::<_, Option<i64>>(12)?,
        ) {
            (Some(id), Some(run)) => Some(PathStep {
                id,
                run,
                step: row.get::<_, Option<String>>(13)?.unwrap_or_default(),
            }),
            _ => None,
        },
        fields: row
            .get::<_, Option<String>>(14)?
            .and_then(|text| serde_json::from_str(&text).ok()),
    })
}

/// Fills in feelings and tags; two small indexed look-ups per entry.
pub(super) fn attach_labels(conn: &Connection, entry: &mut Entry) -> rusqlite::Result<()> {
    let mut feelings = conn
        .prepare_cached("SELECT feeling FROM entry_feelings WHERE entry_id = ? ORDER BY feeling")?;
    entry.feelings = feelings
        .query_map([entry.id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut tags =
        conn.prepare_cached("SELECT tag FROM entry_tags WHERE entry_id = ? ORDER BY tag")?;
    entry.tags = tags
        .query_map([entry.id], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    Ok(())
}

fn set_labels(
    conn: &Connection,
    id: i64,
    table: &str,
    column: &str,
    labels: &[String],
) -> Result<()> {
    conn.prepare_cached(&format!("DELETE FROM {table} WHERE entry_id = ?"))?
        .execute([id])?;
    let mut insert = conn.prepare_cached(&format!(
        "INSERT OR IGNORE INTO {table} (entry_id, {column}) VALUES (?, ?)"
    ))?;
    for label in labels {
        insert.execute(params![id, label])?;
    }
    Ok(())
}

/// Appends the filter's conditions to `sql` and its values to `args`.
pub(super) fn push_filter(filter: &Filter, sql: &mut String, args: &mut Vec<Value>) {
    if let Some(from) = filter.from {
        sql.push_str(" AND e.day >= ?");
        args.push(Value::Text(from.to_string()));
    }
    if let Some(to) = filter.to {
        sql.push_str(" AND e.day <= ?");
        args.push(Value::Text(to.to_string()));
    }
    if let Some(min) = filter.mood_min {
        sql.push_str(" AND e.mood >= ?");
        args.push(Value::Integer(min.into()));
    }
    if let Some(max) = filter.mood_max {
        sql.push_str(" AND e.mood <= ?");
        args.push(Value::Integer(max.into()));
    }
    if let Some(theme) = &filter.theme {
        sql.push_str(" AND e.prompt_theme = ?");
        args.push(Value::Text(theme.clone()));
    }
    for (values, table, column) in [
        (&filter.feelings, "entry_feelings", "feeling"),
        (&filter.tags, "entry_tags", "tag"),
    ] {
        if values.is_empty() {
            continue;
        }
        let marks = vec!["?"; values.len()].join(", ");
        sql.push_str(&format!(
            " AND EXISTS (SELECT 1 FROM {table} l WHERE l.entry_id = e.id AND l.{column} IN ({marks}))"
        ));
        args.extend(values.iter().cloned().map(Value::Text));
    }
}

impl Journal {
    /// Saves a new entry in its own write transaction and returns its id.
    pub fn insert(&self, new: &NewEntry, now: DateTime<Utc>) -> Result<i64> {
        // Analysis is the slow part of a save: it is done before the write lock is taken.
        let analysis = crate::analysis::analyse(&new.body);
        let uuid = uuid::Uuid::new_v4().to_string();
        let stamp = Stamp {
            id: None,
            uuid: &uuid,
            created: new.at.unwrap_or(now),
            updated: now,
            deleted: None,
        };
        self.write(|tx| insert_analysed(tx, new, &stamp, &analysis))
    }

    /// One entry by id; entries in the trash only when `include_deleted`.
    pub fn get(&self, id: i64, include_deleted: bool) -> Result<Option<Entry>> {
        let conn = self.conn();
        let mut entry = conn
            .query_row(
                &format!("SELECT {COLUMNS} FROM entries e WHERE e.id = ?"),
                [id],
                entry_from_row,
            )
            .optional()?;
        if let Some(e) = &mut entry {
            if e.deleted.is_some() && !include_deleted {
                return Ok(None);
            }
            attach_labels(conn, e)?;
        }
        Ok(entry)
    }

    /// Calls `f` with each matching entry, oldest first, without holding them all in memory.
    pub fn for_each_entry(
        &self,
        filter: &Filter,
        mut f: impl FnMut(Entry) -> Result<()>,
    ) -> Result<()> {
        let conn = self.conn();
        let mut sql = format!("SELECT {COLUMNS} FROM entries e WHERE e.deleted_at IS NULL");
        let mut args = Vec::new();
        push_filter(filter, &mut sql, &mut args);
        let newest_first = filter.limit.is_some();
        if let Some(limit) = filter.limit {
            // The last N entries: take them newest first, then turn them around below. The
            // limit is written into the statement (a number, never text from outside): bound
            // as a parameter, it made SQLite prepare the statement a second time on its first
            // step, to plan with the value, a fifth of what `list -n 10` did beyond opening.
            let limit = i64::try_from(limit).unwrap_or(i64::MAX);
            sql.push_str(&format!(
                " ORDER BY e.day DESC, e.created DESC, e.id DESC LIMIT {limit}"
            ));
        } else {
            sql.push_str(" ORDER BY e.day, e.created, e.id");
        }
        let mut stmt = conn.prepare(&sql)?;
        let mut rows = stmt.query(params_from_iter(args))?;
        if newest_first {
            let mut entries = Vec::new();
            while let Some(row) = rows.next()? {
                entries.push(entry_from_row(row)?);
            }
            for mut entry in entries.into_iter().rev() {
                attach_labels(conn, &mut entry)?;
                f(entry)?;
            }
        } else {
            while let Some(row) = rows.next()? {
                let mut entry = entry_from_row(row)?;
                attach_labels(conn, &mut entry)?;
                f(entry)?;
            }
        }
        Ok(())
    }

    pub fn list(&self, filter: &Filter) -> Result<Vec<Entry>> {
        let mut out = Vec::new();
        self.for_each_entry(filter, |e| {
            out.push(e);
            Ok(())
        })?;
        Ok(out)
    }

    /// Whether any entry (outside the trash) is about `day`.
    pub fn wrote_on(&self, day: NaiveDate) -> Result<bool> {
        Ok(self
            .conn()
            .query_row(
                "SELECT 1 FROM entries WHERE day = ? AND deleted_at IS NULL LIMIT 1",
                [day.to_string()],
                |_| Ok(()),
            )
            .optional()?
            .is_some())
    }

    /// Entries written on this month and day in earlier years, oldest first.
    pub fn on_this_day(&self, day: NaiveDate) -> Result<Vec<Entry>> {
        let conn = self.conn();
        let mut stmt = conn.prepare(&format!(
            "SELECT {COLUMNS} FROM entries e WHERE e.deleted_at IS NULL \
             AND substr(e.day, 6, 5) = ? AND e.day < ? ORDER BY e.day, e.created, e.id"
        ))?;
        let month_day = day.format("%m-%d").to_string();
        let first_of_year = format!("{}-01-01", day.format("%Y"));
        let mut entries = stmt
            .query_map(params![month_day, first_of_year], entry_from_row)?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        for e in &mut entries {
            attach_labels(conn, e)?;
        }
        Ok(entries)
    }

    pub fn update(&self, id: i64, change: &EntryUpdate, now: DateTime<Utc>) -> Result<()> {
        // As with inserts, the text is analysed before the write lock is taken.
        let analysed = change.body.as_deref().map(crate::analysis::analyse);
        self.write(|tx| {
            let exists: Option<i64> = tx
                .query_row(
                    "SELECT id FROM entries WHERE id = ? AND deleted_at IS NULL",
                    [id],
                    |r| r.get(0),
                )
                .optional()?;
            if exists.is_none() {
                bail!("there is no entry {id} — `mend list --short` shows the ids");
            }
            if let Some(body) = &change.body {
                tx.execute(
                    "UPDATE entries SET body = ? WHERE id = ?",
                    params![body, id],
                )?;
                let theme: Option<String> =
                    tx.query_row("SELECT prompt_theme FROM entries WHERE id = ?", [id], |r| {
                        r.get(0)
                    })?;
                let analysis = analysed.as_ref().expect("analysed above with the body");
                super::analysis::save(tx, id, analysis, theme.as_deref())?;
            }
            if let Some(day) = change.day {
                tx.execute(
                    "UPDATE entries SET day = ? WHERE id = ?",
                    params![day.to_string(), id],
                )?;
            }
            if let Some(mood) = change.mood {
                tx.execute(
                    "UPDATE entries SET mood = ? WHERE id = ?",
                    params![mood.map(Mood::value), id],
                )?;
            }
            if let Some(feelings) = &change.feelings {
                set_labels(tx, id, "entry_feelings", "feeling", feelings)?;
            }
            if let Some(tags) = &change.tags {
                set_labels(tx, id, "entry_tags", "tag", tags)?;
            }
            super::summary_days::touch_entry(tx, id)?;
            tx.execute(
                "UPDATE entries SET updated = ? WHERE id = ?",
                params![timestamp(now), id],
            )?;
            Ok(())
        })
    }

    /// Entries (the trash included) whose rows cannot be read back, for `mend check`.
    pub fn unreadable_entries(&self) -> Result<Vec<Unreadable>> {
        let mut stmt = self
            .conn()
            .prepare(&format!("SELECT {COLUMNS} FROM entries e ORDER BY e.id"))?;
        let mut rows = stmt.query([])?;
        let mut found = Vec::new();
        while let Some(row) = rows.next()? {
            if let Err(rusqlite::Error::ToSqlConversionFailure(e)) = entry_from_row(row)
                && let Some(u) = e.downcast_ref::<Unreadable>()
            {
                found.push(u.clone());
            }
        }
        Ok(found)
    }
}

/// Who an entry is and when it was written: everything a save adds to what was written.
pub(crate) struct Stamp<'a> {
    /// `None` lets the journal number the entry.
    pub id: Option<i64>,
    pub uuid: &'a str,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
    pub deleted: Option<DateTime<Utc>>,
}

/// Inserts one entry and its analysis inside an open transaction.
pub(crate) fn insert_analysed(
    conn: &Connection,
    new: &NewEntry,
    stamp: &Stamp,
    analysis: &crate::analysis::Analysis,
) -> Result<i64> {
    let prompt = new.prompt.as_ref();
    conn.prepare_cached(
        "INSERT INTO entries (id, uuid, day, created, updated, deleted_at, body, mood, prompt_id, \
         prompt_text, prompt_theme, path_run, path_step, data) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )?
    .execute(params![
        stamp.id,
        stamp.uuid,
        new.day.to_string(),
        timestamp(stamp.created),
        timestamp(stamp.updated),
        stamp.deleted.map(timestamp),
        new.body,
        new.mood.map(Mood::value),
        prompt.map(|p| &p.id),
        prompt.map(|p| &p.text),
        prompt.and_then(|p| p.theme.as_ref()),
        new.path.as_ref().map(|p| p.run),
        new.path.as_ref().map(|p| &p.step),
        new.fields.as_ref().map(|f| f.to_string()),
    ])
    .context("saving the entry")?;
    let id = conn.last_insert_rowid();
    set_labels(conn, id, "entry_feelings", "feeling", &new.feelings)?;
    set_labels(conn, id, "entry_tags", "tag", &new.tags)?;
    super::analysis::save(conn, id, analysis, prompt.and_then(|p| p.theme.as_deref()))?;
    Ok(id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn entry(day: &str, body: &str) -> NewEntry {
        NewEntry {
            body: body.into(),
            mood: Mood::new(3),
            feelings: vec!["hope".into()],
            tags: vec!["partner".into()],
            ..NewEntry::on(day.parse().unwrap())
        }
    }

    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 21, 12, 0, 0).unwrap()
    }

    #[test]
    fn insert_list_search_update_trash_restore() {
        let j = Journal::open_in_memory().unwrap();
        let a = j
            .insert(&entry("2026-11-20", "We talked about the phone."), now())
            .unwrap();
        let b = j
            .insert(&entry("2026-11-18", "A quiet walk together."), now())
            .unwrap();
        let all = j.list(&Filter::default()).unwrap();
        assert_eq!(all.iter().map(|e| e.id).collect::<Vec<_>>(), vec![b, a]);
        assert_eq!(all[0].feelings, vec!["hope"]);

        let last = j
            .list(&Filter {
                limit: Some(1),
                ..Filter::default()
            })
            .unwrap();
        assert_eq!(last[0].id, a);

        let hits = j.search("phone", &Filter::default()).unwrap();
        assert_eq!(hits.len(), 1);
        assert!(hits[0].snippet.contains(MATCH_START));
        assert!(j.search("\"unclosed", &Filter::default()).is_err());

        j.update(
            a,
            &EntryUpdate {
                body: Some("We talked about trust.".into()),
                ..Default::default()
            },
            now(),
        )
        .unwrap();
        assert!(j.search("phone", &Filter::default()).unwrap().is_empty());
        assert_eq!(j.search("trust", &Filter::default()).unwrap().len(), 1);

        assert!(j.trash_entries(&[a, 999], now()).unwrap() == vec![999]);
        assert!(j.get(a, false).unwrap().is_none());
        assert!(j.search("trust", &Filter::default()).unwrap().is_empty());
        assert_eq!(j.trashed().unwrap().len(), 1);
        assert!(j.restore_entries(&[a]).unwrap().is_empty());
        assert_eq!(j.search("trust", &Filter::default()).unwrap().len(), 1);

        j.trash_entries(&[b], now()).unwrap();
        assert_eq!(
            j.purge_trash(now() + chrono::Duration::days(31)).unwrap(),
            1
        );
        assert!(j.get(b, true).unwrap().is_none());
    }
}
