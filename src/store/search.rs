//! Full-text search over entries: ranking, snippets, and advice when a query is not understood.

use anyhow::{Result, anyhow};
use rusqlite::types::Value;
use rusqlite::{params, params_from_iter};

use super::Journal;
use super::entries::{COLUMNS, Filter, attach_labels, entry_from_row, push_filter};
use crate::model::Entry;

/// How many of the most recent matches a search ranks when a query matches very many.
pub const SEARCH_WINDOW: i64 = 2000;

/// One search result: the entry and a snippet with matches wrapped in `MATCH_START`/`MATCH_END`.
#[derive(Debug, Clone)]
pub struct SearchHit {
    pub entry: Entry,
    pub snippet: String,
}

/// Markers the snippet puts around matched words; renderers turn them into colour or `**`.
pub const MATCH_START: char = '\u{E000}';
pub const MATCH_END: char = '\u{E001}';

impl Journal {
    /// Full-text search (FTS5 query syntax), best matches (bm25) first. When more than
    /// `SEARCH_WINDOW` entries match and no other filter narrows the search, the best are
    /// chosen among the most recent `SEARCH_WINDOW` matches: ranking every mention of a
    /// common word costs more than it tells.
    pub fn search(&self, query: &str, filter: &Filter) -> Result<Vec<SearchHit>> {
        let conn = self.conn();
        let unfiltered = Filter {
            limit: None,
            ..filter.clone()
        }
        .is_empty();
        let window = if unfiltered {
            let matches: i64 = conn
                .query_row(
                    "SELECT count(*) FROM entries_fts WHERE entries_fts MATCH ?",
                    [query],
                    |r| r.get(0),
                )
                .map_err(|e| describe_query_error(query, e))?;
            (matches > SEARCH_WINDOW).then_some(SEARCH_WINDOW)
        } else {
            None
        };
        let recent = match window {
            Some(n) => format!(" ORDER BY rowid DESC LIMIT {n}"),
            None => String::new(),
        };
        // Ranks are computed in the full-text query; entries are joined only for its hits.
        let mut sql = format!(
            "SELECT {COLUMNS} FROM (SELECT rowid AS hit, bm25(entries_fts) AS score \
             FROM entries_fts WHERE entries_fts MATCH ?{recent}) h \
             JOIN entries e ON e.id = h.hit WHERE e.deleted_at IS NULL"
        );
        let mut args = vec![Value::Text(query.to_string())];
        push_filter(filter, &mut sql, &mut args);
        sql.push_str(" ORDER BY h.score, e.day DESC");
        if let Some(limit) = filter.limit {
            sql.push_str(" LIMIT ?");
            args.push(Value::Integer(i64::try_from(limit).unwrap_or(i64::MAX)));
        }
        let run = || -> rusqlite::Result<Vec<Entry>> {
            let mut stmt = conn.prepare(&sql)?;
            let rows = stmt.query_map(params_from_iter(args.iter()), entry_from_row)?;
            rows.collect()
        };
        let entries = run().map_err(|e| describe_query_error(query, e))?;
        // Snippets only for the hits shown.
        let mut snippet = conn.prepare_cached(
            "SELECT snippet(entries_fts, 0, char(57344), char(57345), '…', 16) \
             FROM entries_fts WHERE entries_fts MATCH ? AND rowid = ?",
        )?;
        let mut hits = Vec::with_capacity(entries.len());
        for mut entry in entries {
            attach_labels(conn, &mut entry)?;
            let text: String = snippet
                .query_row(params![query, entry.id], |r| r.get(0))
                .map_err(|e| describe_query_error(query, e))?;
            hits.push(SearchHit {
                entry,
                snippet: text,
            });
        }
        Ok(hits)
    }
}

/// FTS5 reports query mistakes as SQL errors; turn them into advice about the query.
fn describe_query_error(query: &str, err: rusqlite::Error) -> anyhow::Error {
    // The query is the only outside input to this statement, so a plain SQL error
    // (SQLITE_ERROR) here is the query's fault: fts5 syntax, an unknown column, "*" alone.
    let missing_index = err.to_string().contains("entries_fts")
        || matches!(
            err.sqlite_error_code(),
            Some(rusqlite::ErrorCode::DatabaseCorrupt)
        );
    if missing_index {
        anyhow!(
            "the journal's search index is missing or damaged — run `mend check` to see what is wrong"
        )
    } else if err.sqlite_error_code() == Some(rusqlite::ErrorCode::Unknown) {
        anyhow!(
            "could not understand the search {query:?} — use plain words, \"a phrase in quotes\", word*, or AND / OR / NOT between words"
        )
    } else {
        anyhow!(err).context("searching the journal")
    }
}
