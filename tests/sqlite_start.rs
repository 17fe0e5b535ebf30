//! SQLite started from many threads at once: every connection gets SQLCipher's functions.
//!
//! SQLite marks itself started before SQLCipher's own start-up (which registers
//! `sqlcipher_export` for each later connection) has finished, so a thread that opened a
//! connection in that moment got one without it, and encrypting could fail. `store::start`
//! makes the other threads wait. The race happens once per process, so the check runs in
//! fresh processes, many times: without the fix about one process in eight lost it.

use std::process::Command;
use std::sync::{Arc, Barrier};

const THREADS: usize = 8;
const PROCESSES: usize = 30;

#[test]
#[ignore = "run by `each_thread_gets_sqlcipher_export`, once per fresh process"]
fn first_connections_from_many_threads() {
    let barrier = Arc::new(Barrier::new(THREADS));
    let threads: Vec<_> = (0..THREADS)
        .map(|_| {
            let barrier = Arc::clone(&barrier);
            std::thread::spawn(move || {
                barrier.wait();
                mend::store::start();
                let conn = rusqlite::Connection::open_in_memory().unwrap();
                conn.query_row(
                    "SELECT count(*) FROM pragma_function_list WHERE name = 'sqlcipher_export'",
                    [],
                    |r| r.get::<_, i64>(0),
                )
                .unwrap()
            })
        })
        .collect();
    let without = threads
        .into_iter()
        .map(|t| t.join().unwrap())
        .filter(|&found| found == 0)
        .count();
    assert_eq!(
        without, 0,
        "{without} of {THREADS} connections lack sqlcipher_export"
    );
}

#[test]
fn each_thread_gets_sqlcipher_export() {
    let me = std::env::current_exe().unwrap();
    for run in 0..PROCESSES {
        let out = Command::new(&me)
            .args([
                "--exact",
                "first_connections_from_many_threads",
                "--ignored",
                "--test-threads=1",
            ])
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "process {run}: {}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}
