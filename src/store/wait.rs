//! Waiting for the journal when another mend holds it: a fairer busy handler and the
//! patience a save is given before its text is kept as a draft instead.

use std::cell::Cell;
use std::time::{Duration, Instant};

use rusqlite::{Connection, ErrorCode};

/// How long one statement waits for a lock before SQLite reports the journal busy.
pub const STATEMENT_PATIENCE: Duration = Duration::from_secs(5);

/// How long a write transaction keeps trying to begin. A save gives up only after this, so a
/// `mend write` started while a long import or reindex runs still lands.
pub const WRITE_PATIENCE: Duration = Duration::from_secs(30);

/// Waits shorter than this count as "just arrived" in the busy handler.
const NEWCOMER: Duration = Duration::from_millis(50);

thread_local! {
    static WAIT_STARTED: Cell<Option<Instant>> = const { Cell::new(None) };
}

/// Installs [`busy`] on `conn`.
pub fn install(conn: &mut Connection) -> rusqlite::Result<()> {
    conn.busy_handler(Some(busy))
}

/// SQLite's own busy timeout backs off to 100 ms sleeps, so a writer that has waited long
/// polls rarely and keeps losing the lock to newcomers polling every millisecond. Here the
/// order is turned round: newcomers poll every 5 ms, anyone who has waited longer every
/// millisecond, which lets many concurrent writers through in roughly the order they came.
fn busy(count: i32) -> bool {
    let now = Instant::now();
    let started = WAIT_STARTED.with(|s| {
        if count == 0 || s.get().is_none() {
            s.set(Some(now));
        }
        s.get().unwrap_or(now)
    });
    let waited = now.duration_since(started);
    if waited >= STATEMENT_PATIENCE {
        return false;
    }
    let pause = if waited < NEWCOMER {
        Duration::from_millis(5)
    } else {
        Duration::from_millis(1)
    };
    std::thread::sleep(pause);
    true
}

/// Whether `err` means another connection holds the lock.
pub fn is_busy(err: &rusqlite::Error) -> bool {
    matches!(
        err.sqlite_error_code(),
        Some(ErrorCode::DatabaseBusy) | Some(ErrorCode::DatabaseLocked)
    )
}

/// Calls `attempt` until it succeeds, fails for another reason than a busy journal, or
/// [`WRITE_PATIENCE`] has passed.
pub fn patiently<T>(mut attempt: impl FnMut() -> rusqlite::Result<T>) -> rusqlite::Result<T> {
    let start = Instant::now();
    loop {
        match attempt() {
            Err(e) if is_busy(&e) && start.elapsed() < WRITE_PATIENCE => continue,
            other => return other,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rusqlite::{Transaction, TransactionBehavior};

    #[test]
    fn a_second_writer_waits_then_gets_through() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j.db");
        let first = Connection::open(&path).unwrap();
        first
            .execute_batch("PRAGMA journal_mode=WAL; CREATE TABLE t(x);")
            .unwrap();
        let holder = std::thread::spawn(move || {
            first
                .execute_batch("BEGIN IMMEDIATE; INSERT INTO t VALUES (1);")
                .unwrap();
            std::thread::sleep(Duration::from_millis(300));
            first.execute_batch("COMMIT").unwrap();
        });
        std::thread::sleep(Duration::from_millis(50));
        let mut second = Connection::open(&path).unwrap();
        install(&mut second).unwrap();
        let started = Instant::now();
        let tx = patiently(|| Transaction::new_unchecked(&second, TransactionBehavior::Immediate));
        let tx = tx.unwrap();
        tx.execute("INSERT INTO t VALUES (2)", []).unwrap();
        tx.commit().unwrap();
        assert!(started.elapsed() >= Duration::from_millis(150));
        holder.join().unwrap();
        let n: i64 = second
            .query_row("SELECT count(*) FROM t", [], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 2);
    }
}
