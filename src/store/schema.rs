//! What the journal's schema should be: exactly what the migrations create. `mend check`
//! compares `sqlite_master` with it, so that a trigger added from outside (one that empties
//! the journal on the next edit, or copies every entry elsewhere), a table replaced by a view
//! or a missing index does not pass as "ok".

use std::collections::BTreeMap;

use anyhow::Result;
use rusqlite::Connection;
use serde::Serialize;

use super::migrate;

/// How an object of the journal's schema differs from what the migrations create.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Difference {
    /// Not made by mend (a trigger, table, view or index from elsewhere).
    Unexpected,
    /// Made by the migrations but not in the journal.
    Missing,
    /// The same name, but another kind of object or another definition.
    Changed,
}

/// One difference: the object's kind (table, index, trigger, view) and name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    pub difference: Difference,
    pub kind: String,
    pub name: String,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let what = match self.difference {
            Difference::Unexpected => "not made by mend",
            Difference::Missing => "missing",
            Difference::Changed => "changed",
        };
        write!(f, "{} {} is {what}", self.kind, self.name)
    }
}

/// Name → (kind, definition) of every object in `conn`'s main schema.
fn objects(conn: &Connection) -> Result<BTreeMap<String, (String, Option<String>)>> {
    let mut stmt = conn.prepare("SELECT type, name, sql FROM main.sqlite_master")?;
    let rows = stmt.query_map([], |r| Ok((r.get(1)?, (r.get(0)?, r.get(2)?))))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The objects the migrations create, built in memory.
fn expected() -> Result<BTreeMap<String, (String, Option<String>)>> {
    let conn = Connection::open_in_memory()?;
    migrate::apply(&conn, 0)?;
    objects(&conn)
}

/// Statistics tables SQLite itself may add (ANALYZE, PRAGMA optimize) are not findings.
fn sqlite_own(name: &str) -> bool {
    name.starts_with("sqlite_stat")
}

/// Every difference between the journal's schema and the migrations'.
pub fn compare(conn: &Connection) -> Result<Vec<Finding>> {
    let want = expected()?;
    let have = objects(conn)?;
    let mut findings = Vec::new();
    for (name, (kind, sql)) in &have {
        let difference = match want.get(name) {
            None if sqlite_own(name) => continue,
            None => Difference::Unexpected,
            Some(expected) if expected != &(kind.clone(), sql.clone()) => Difference::Changed,
            Some(_) => continue,
        };
        findings.push(Finding {
            difference,
            kind: kind.clone(),
            name: name.clone(),
        });
    }
    for (name, (kind, _)) in &want {
        if !have.contains_key(name) {
            findings.push(Finding {
                difference: Difference::Missing,
                kind: kind.clone(),
                name: name.clone(),
            });
        }
    }
    Ok(findings)
}

/// The tables every mend journal has; a file marked as a journal without them is damaged.
/// (The search index is not among them: without it the journal can still be read, and
/// `mend check` says what is wrong.)
pub fn missing_tables(conn: &Connection) -> Result<Vec<&'static str>> {
    const TABLES: [&str; 6] = [
        "entries",
        "entry_feelings",
        "entry_tags",
        "path_runs",
        "entry_analysis",
        "entry_signals",
    ];
    // A view in a table's place is left for `mend check` to name. One pass over the schema
    // for all of them: every journal's open asks this.
    let mut stmt = conn.prepare_cached(
        "SELECT name FROM main.sqlite_master WHERE type IN ('table', 'view') \
         AND name IN (?, ?, ?, ?, ?, ?)",
    )?;
    let present = stmt
        .query_map(TABLES, |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<String>>>()?;
    Ok(TABLES
        .into_iter()
        .filter(|t| !present.iter().any(|p| p == t))
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_foreign_trigger_and_a_view_in_place_of_a_table_are_found() {
        let conn = Connection::open_in_memory().unwrap();
        migrate::apply(&conn, 0).unwrap();
        assert!(compare(&conn).unwrap().is_empty());
        assert!(missing_tables(&conn).unwrap().is_empty());
        conn.execute_batch(
            "CREATE TRIGGER wipe AFTER UPDATE ON entries BEGIN DELETE FROM entries; END;
             DROP TABLE entry_tags;
             CREATE VIEW entry_tags AS SELECT 1 AS entry_id, 'x' AS tag;",
        )
        .unwrap();
        let found = compare(&conn).unwrap();
        let has =
            |d: Difference, name: &str| found.iter().any(|f| f.difference == d && f.name == name);
        assert!(has(Difference::Unexpected, "wipe"), "{found:?}");
        assert!(has(Difference::Changed, "entry_tags"), "{found:?}");
        assert!(has(Difference::Missing, "entry_tags_by_tag"), "{found:?}");
        assert!(missing_tables(&conn).unwrap().is_empty());
        conn.execute_batch("DROP VIEW entry_tags").unwrap();
        assert_eq!(missing_tables(&conn).unwrap(), vec!["entry_tags"]);
    }
}
