//! Durability under stress: processes killed mid-save, many writers at once, and a full disk.
//! After each ordeal the journal must be whole and hold every entry whose save was reported.

mod common;

use std::io::Read;
use std::process::{Command, Stdio};
use std::time::Duration;

use common::{Rng, TestEnv};

fn integrity(env: &TestEnv) -> String {
    env.sql()
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap()
}

fn bodies(env: &TestEnv) -> Vec<String> {
    let conn = env.sql();
    let mut stmt = conn.prepare("SELECT body FROM entries").unwrap();
    stmt.query_map([], |r| r.get(0))
        .unwrap()
        .map(Result::unwrap)
        .collect()
}

/// Starts a command, kills it with SIGKILL after `after`, and returns what it printed.
fn run_and_kill(mut cmd: Command, after: Duration) -> String {
    let mut child = cmd
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(after);
    let _ = child.kill();
    let _ = child.wait();
    let mut printed = String::new();
    if let Some(mut out) = child.stdout.take() {
        let _ = out.read_to_string(&mut printed);
    }
    printed
}

#[test]
fn writes_killed_at_random_moments_lose_nothing_that_was_reported() {
    let env = TestEnv::new();
    env.write(&["The first entry, before the storm."]);
    // How long one save takes here (it varies with the build and the machine's load), so
    // the kills land anywhere from start-up to just after the save, with some saves done.
    let mut took: Vec<Duration> = (0..3)
        .map(|_| {
            let start = std::time::Instant::now();
            env.write(&["Timing a save."]);
            start.elapsed()
        })
        .collect();
    took.sort();
    let window = (took[1].as_micros() as u64 * 3 / 2).max(5_000);
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    let mut reported = vec!["The first entry, before the storm.".to_string()];
    let runs = 200;
    for n in 0..runs {
        let text = format!("Entry {n}: words that must survive {}", rng.next());
        let mut cmd = env.std_cmd();
        cmd.args(["write", "--feel", "hope", &text])
            .stdin(Stdio::null());
        let printed = run_and_kill(cmd, Duration::from_micros(rng.below(window)));
        if printed.contains("Saved entry") {
            reported.push(text);
        }
        assert_eq!(integrity(&env), "ok", "after run {n}");
        let saved = bodies(&env);
        for text in &reported {
            assert!(
                saved.contains(text),
                "run {n}: a reported entry is missing: {text}"
            );
        }
    }
    // The journal still works normally afterwards.
    env.write(&["After the storm."]);
    assert_eq!(
        env.json_of(&["search", "storm", "--json"])
            .as_array()
            .unwrap()
            .len(),
        2
    );
    assert!(reported.len() > 1, "some saves should have completed");
}

#[test]
fn imports_killed_at_random_moments_are_all_or_nothing() {
    let env = TestEnv::new();
    env.write(&["Written before any import."]);
    // Each file holds 150 entries of its own, so what is there tells which imports landed.
    let file_for = |n: usize| {
        let entries: Vec<serde_json::Value> = (0..150)
            .map(|i| {
                serde_json::json!({
                    "uuid": format!("00000000-0000-4000-8000-{:06}{:06}", n, i),
                    "day": "2026-11-01",
                    "created": "2026-11-01T10:00:00Z",
                    "updated": "2026-11-01T10:00:00Z",
                    "mood": 3,
                    "feelings": ["hope"],
                    "tags": ["import"],
                    "prompt": null,
                    "body": format!("Import {n}, entry {i}: a day of talking things through."),
                })
            })
            .collect();
        let file = env.root().join(format!("import-{n}.json"));
        let doc = serde_json::json!({"format": "mend", "version": 1, "exported": "2026-11-01T10:00:00Z", "entries": entries});
        std::fs::write(&file, doc.to_string()).unwrap();
        file
    };
    // One import, timed, so the kills land from start-up to just after the commit.
    let timing = file_for(999);
    let start = std::time::Instant::now();
    env.cmd().arg("import").arg(&timing).assert().success();
    let window = (start.elapsed().as_micros() as u64 * 6 / 5).max(5_000);

    let mut rng = Rng(0x5eed_0000_1111_2222);
    let runs = 60;
    let mut imported_files = 0;
    for n in 0..runs {
        let file = file_for(n);
        let mut cmd = env.std_cmd();
        cmd.arg("import").arg(&file).stdin(Stdio::null());
        let printed = run_and_kill(cmd, Duration::from_micros(rng.below(window)));
        assert_eq!(integrity(&env), "ok", "after import run {n}");
        let conn = env.sql();
        let landed: i64 = conn
            .query_row(
                "SELECT count(*) FROM entries WHERE body LIKE ?",
                [format!("Import {n}, %")],
                |r| r.get(0),
            )
            .unwrap();
        assert!(
            landed == 0 || landed == 150,
            "run {n}: {landed} of 150 entries: an import is all or nothing"
        );
        if printed.contains("imported") {
            assert_eq!(landed, 150, "run {n}: a reported import is missing entries");
        }
        if landed == 150 {
            imported_files += 1;
        }
        let searchable: i64 = conn
            .query_row(
                "SELECT count(*) FROM entries_fts WHERE entries_fts MATCH ?",
                [format!("\"Import {n}\"")],
                |r| r.get(0),
            )
            .unwrap();
        assert_eq!(
            searchable, landed,
            "run {n}: the search index matches the entries"
        );
    }
    assert!(bodies(&env).contains(&"Written before any import.".to_string()));
    eprintln!("{imported_files} of {runs} imports finished before their kill");
}

#[test]
fn twenty_writers_at_once_all_get_through() {
    let env = TestEnv::new();
    env.write(&["Created before the rush."]);
    let writers: Vec<_> = (0..20)
        .map(|w| {
            let cmds: Vec<Command> = (0..50)
                .map(|i| {
                    let mut cmd = env.std_cmd();
                    cmd.args(["write", &format!("writer {w} entry {i}")])
                        .stdin(Stdio::null());
                    cmd
                })
                .collect();
            std::thread::spawn(move || {
                let mut failures = Vec::new();
                for mut cmd in cmds {
                    let out = cmd.output().unwrap();
                    if !out.status.success() {
                        failures.push(String::from_utf8_lossy(&out.stderr).to_string());
                    }
                }
                failures
            })
        })
        .collect();
    let failures: Vec<String> = writers
        .into_iter()
        .flat_map(|t| t.join().unwrap())
        .collect();
    assert!(
        failures.is_empty(),
        "{} failed, e.g. {:?}",
        failures.len(),
        failures.first()
    );
    let saved = bodies(&env);
    assert_eq!(saved.len(), 1001);
    for w in 0..20 {
        for i in 0..50 {
            assert!(saved.contains(&format!("writer {w} entry {i}")));
        }
    }
    assert_eq!(integrity(&env), "ok");
}

/// Unmounts the small disk when the test ends, however it ends.
struct Unmount(std::path::PathBuf);

impl Drop for Unmount {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(&self.0).status();
    }
}

/// Mounts a 512 KiB disk at the journal's folder. Only root may; elsewhere the test is
/// skipped, except in CI, where it must run.
fn small_disk(env: &TestEnv) -> Option<Unmount> {
    let mount = env.data_dir();
    std::fs::create_dir_all(&mount).unwrap();
    let mounted = Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=512k", "tmpfs"])
        .arg(&mount)
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !mounted {
        common::skip("mounting a small tmpfs is not allowed here (needs root)");
        return None;
    }
    Some(Unmount(mount))
}

/// Fills what is left of the disk holding `dir`.
fn fill(dir: &std::path::Path) {
    use std::io::Write;
    let mut f = std::fs::File::create(dir.join("filler")).unwrap();
    let block = [b'x'; 4096];
    while f.write_all(&block).and_then(|_| f.flush()).is_ok() {}
    let mut small = [b'y'; 1];
    while f.write_all(&small).and_then(|_| f.flush()).is_ok() {
        small[0] = b'y';
    }
}

#[test]
fn a_full_disk_keeps_the_text_and_the_journal() {
    let env = TestEnv::new();
    let Some(_unmount) = small_disk(&env) else {
        return;
    };

    let chunk = "A long day, written out in full. ".repeat(300);
    let mut saved = Vec::new();
    let mut failure = None;
    for n in 0..200 {
        let text = format!("{n} {chunk}");
        let out = env
            .cmd()
            .args(["write", &text])
            .write_stdin("")
            .output()
            .unwrap();
        if out.status.success() {
            saved.push(text);
        } else {
            failure = Some((text, String::from_utf8_lossy(&out.stderr).to_string()));
            break;
        }
    }
    let (lost_text, message) = failure.expect("the small disk should fill up");
    assert_eq!(message.lines().count(), 1, "{message}");
    assert!(message.starts_with("mend: "), "{message}");
    assert!(message.contains("full"), "{message}");
    assert!(message.contains("kept in"), "{message}");
    assert!(!message.contains("panicked"), "{message}");
    let drafts = env.draft_files();
    assert!(!drafts.is_empty(), "a draft was kept: {message}");
    let draft = std::fs::read_to_string(&drafts[0]).unwrap();
    assert!(
        draft.contains(lost_text.trim_end()),
        "the draft holds the text"
    );

    assert_eq!(integrity(&env), "ok");
    let now_saved = bodies(&env);
    for text in &saved {
        assert!(now_saved.contains(&text.trim_end().to_string()));
    }
}

#[test]
fn a_full_disk_still_reads_and_every_save_says_the_disk_is_full() {
    let env = TestEnv::new();
    let Some(_unmount) = small_disk(&env) else {
        return;
    };
    env.write(&["Written while there was room.", "--tag", "room"]);
    env.write(&["A second entry, also with room."]);
    // Between commands a journal has no shared-memory file; on a full disk none can be made.
    assert!(!env.data_dir().join("journal.db-shm").exists());
    fill(&env.data_dir());

    for args in [
        vec!["list", "--json"],
        vec!["show", "1", "--json"],
        vec!["search", "room", "--json"],
        vec!["summary"],
    ] {
        let out = env.cmd().args(&args).write_stdin("").output().unwrap();
        assert!(
            out.status.success(),
            "mend {args:?} on a full disk: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert!(
        env.stdout_of(&["list"])
            .contains("Written while there was room.")
    );

    // Piped text, arguments, and edits: each failure says the disk is full, in one line.
    let attempts: [(&[&str], &str); 3] = [
        (&["write"], "Piped words on a full disk.\n"),
        (&["write", "Words from the arguments on a full disk."], ""),
        (&["edit", "1", "--mood", "4"], ""),
    ];
    for (args, stdin) in attempts {
        let out = env.cmd().args(args).write_stdin(stdin).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = common::assert_one_line_error(&out.stderr);
        assert!(
            err.contains("disk") && err.contains("full"),
            "{args:?}: {err}"
        );
        assert!(!err.contains("I/O"), "{args:?}: {err}");
    }
    let drafts = env.draft_files();
    assert!(
        drafts.iter().any(|d| std::fs::read_to_string(d)
            .unwrap()
            .contains("Piped words on a full disk.")),
        "the piped text is kept as a draft: {drafts:?}"
    );

    // With room again, everything works as before.
    std::fs::remove_file(env.data_dir().join("filler")).unwrap();
    env.write(&["Room again."]);
    assert_eq!(integrity(&env), "ok");
    assert_eq!(bodies(&env).len(), 3);
}
