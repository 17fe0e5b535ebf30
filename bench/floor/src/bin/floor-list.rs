//! The floor for `mend list -n 10`: open the journal given as the first argument (WAL, as mend
//! does) and print the ten newest entries, one line each, and nothing else.

use std::io::{self, Write};

fn main() -> rusqlite::Result<()> {
    let path = std::env::args().nth(1).expect("usage: floor-list JOURNAL");
    let conn = rusqlite::Connection::open(path)?;
    conn.pragma_update(None, "journal_mode", "WAL")?;
    let mut stmt = conn.prepare(
        "SELECT id, day, body FROM entries WHERE deleted_at IS NULL \
         ORDER BY day DESC, created DESC, id DESC LIMIT 10",
    )?;
    let mut rows = stmt.query([])?;
    let mut out = io::stdout().lock();
    while let Some(row) = rows.next()? {
        let id: i64 = row.get(0)?;
        let day: String = row.get(1)?;
        let body: String = row.get(2)?;
        let first = body.lines().next().unwrap_or("");
        let _ = writeln!(out, "{id:>6}  {day}  {first}");
    }
    Ok(())
}
