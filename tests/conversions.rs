//! Encrypt, decrypt and passphrase while other mends write, when they are killed half-way,
//! through a symbolic link, and what they leave behind: every entry reported as saved is in
//! the journal afterwards, and no plaintext copy remains beside an encrypted journal.

mod common;

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::thread::JoinHandle;
use std::time::Duration;

use common::{Rng, TestEnv, assert_one_line_error, saved_id};

const P1: &str = "the first long passphrase";
const P2: &str = "the second long passphrase";

/// What the writers saw: entries reported saved (id and text), and failures (stderr).
#[derive(Default)]
struct Seen {
    confirmed: Vec<(i64, String)>,
    failures: Vec<String>,
}

/// Mends writing one entry after another until told to stop. Each reads the passphrase from
/// `pass.txt` (rewritten by the test as the journal changes) and has MEND_PASSPHRASE = P1
/// for a journal encrypted while it waits.
struct Writers {
    stop: Arc<AtomicBool>,
    threads: Vec<JoinHandle<Seen>>,
}

impl Writers {
    fn start(env: &TestEnv, count: usize) -> Writers {
        let stop = Arc::new(AtomicBool::new(false));
        let pass = pass_file(env);
        let threads = (0..count)
            .map(|w| {
                let stop = Arc::clone(&stop);
                let base = env.std_cmd();
                let program = base.get_program().to_owned();
                let envs: Vec<(String, String)> = env.envs();
                let dir = env.root().to_path_buf();
                let pass = pass.clone();
                std::thread::spawn(move || {
                    let mut seen = Seen::default();
                    let mut i = 0;
                    while !stop.load(Ordering::Relaxed) {
                        let text = format!("writer {w} entry {i} keeps its words");
                        i += 1;
                        let mut cmd = Command::new(&program);
                        cmd.envs(envs.iter().map(|(k, v)| (k, v)))
                            .env_remove("VISUAL")
                            .env("MEND_PASSPHRASE", P1)
                            .current_dir(&dir)
                            .arg("--passphrase-file")
                            .arg(&pass)
                            .args(["write", &text])
                            .stdin(Stdio::null());
                        let out = cmd.output().unwrap();
                        let stdout = String::from_utf8_lossy(&out.stdout);
                        if stdout.contains("Saved entry") {
                            seen.confirmed.push((saved_id(&stdout), text));
                        } else {
                            seen.failures
                                .push(String::from_utf8_lossy(&out.stderr).to_string());
                        }
                    }
                    seen
                })
            })
            .collect();
        Writers { stop, threads }
    }

    fn stop(self) -> Seen {
        self.stop.store(true, Ordering::Relaxed);
        let mut all = Seen::default();
        for t in self.threads {
            let seen = t.join().unwrap();
            all.confirmed.extend(seen.confirmed);
            all.failures.extend(seen.failures);
        }
        all
    }
}

fn pass_file(env: &TestEnv) -> PathBuf {
    env.root().join("pass.txt")
}

fn set_pass(env: &TestEnv, pass: &str) {
    let temp = env.root().join("pass.txt.new");
    fs::write(&temp, format!("{pass}\n")).unwrap();
    fs::rename(temp, pass_file(env)).unwrap();
}

/// Runs mend with `args` and the passphrases given, expecting success.
fn run(env: &TestEnv, args: &[&str], pass: Option<&str>, new: Option<&str>) -> String {
    let mut cmd = env.cmd();
    cmd.args(args).write_stdin("");
    if let Some(p) = pass {
        cmd.env("MEND_PASSPHRASE", p);
    }
    if let Some(p) = new {
        cmd.env("MEND_NEW_PASSPHRASE", p);
    }
    let out = cmd.output().unwrap();
    assert!(
        out.status.success(),
        "mend {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).to_string()
}

/// Id → text of every entry of a journal, opened with `key` (None: plain).
fn entries(path: &Path, key: Option<&str>) -> Option<HashMap<i64, String>> {
    let conn = common::open_sqlite(path).ok()?;
    if let Some(k) = key {
        conn.pragma_update(None, "key", k).ok()?;
    }
    let mut stmt = conn.prepare("SELECT id, body FROM entries").ok()?;
    let rows = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .ok()?
        .collect::<rusqlite::Result<HashMap<i64, String>>>()
        .ok()?;
    let check: String = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .ok()?;
    assert_eq!(check, "ok", "the journal is whole");
    Some(rows)
}

/// Which of plain, P1 and P2 opens the journal now.
fn current_key(path: &Path) -> Option<&'static str> {
    for key in [None, Some(P1), Some(P2)] {
        if entries(path, key).is_some() {
            return key;
        }
    }
    panic!("the journal opens with none of the passphrases");
}

/// Files at the journal's place that hold `marker`: the journal, its log and shared memory,
/// and any conversion copy beside it.
fn journal_files_holding(dir: &Path, marker: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).unwrap().flatten() {
        let name = entry.file_name().to_string_lossy().to_string();
        if !(name.starts_with("journal.db") || name.starts_with(".mend-")) {
            continue;
        }
        if common::file_holds(&entry.path(), marker, false) {
            found.push(entry.path());
        }
    }
    found
}

fn leftovers(dir: &Path) -> Vec<String> {
    fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().to_string())
        .filter(|n| n.starts_with(".mend-convert-"))
        .collect()
}

/// Every failure a writer printed is one calm line, never raw driver text.
fn assert_calm(failures: &[String]) {
    for f in failures {
        assert_one_line_error(f.as_bytes());
        for raw in ["PRAGMA", "file is not a database", "disk I/O error", "SQL"] {
            assert!(!f.contains(raw), "raw driver text in {f:?}");
        }
    }
}

fn assert_all_there(seen: &Seen, journal: &HashMap<i64, String>) -> usize {
    let mut lost = 0;
    for (id, text) in &seen.confirmed {
        if journal.get(id) != Some(text) {
            lost += 1;
            eprintln!("lost: entry {id} {text:?} (now {:?})", journal.get(id));
        }
    }
    lost
}

#[test]
fn writers_keep_every_saved_entry_through_encrypt_passphrase_and_decrypt() {
    let env = TestEnv::new();
    env.write(&["CASSOWARYMARKER written before any conversion"]);
    set_pass(&env, P1);
    let writers = Writers::start(&env, 10);
    let pause = || std::thread::sleep(Duration::from_millis(400));
    let mut conversions = 0;
    let mut plaintext_after_encrypt = Vec::new();
    for _ in 0..3 {
        pause();
        set_pass(&env, P1);
        run(&env, &["encrypt"], Some(P1), None);
        conversions += 1;
        plaintext_after_encrypt.extend(journal_files_holding(&env.data_dir(), "CASSOWARYMARKER"));
        pause();
        run(&env, &["passphrase"], Some(P1), Some(P2));
        conversions += 1;
        set_pass(&env, P2);
        pause();
        run(&env, &["decrypt"], Some(P2), None);
        conversions += 1;
    }
    pause();
    let seen = writers.stop();
    let journal = entries(&env.db(), None).expect("a plain journal at the end");
    let lost = assert_all_there(&seen, &journal);
    eprintln!(
        "conversions: {conversions}, writers: 10, entries confirmed: {}, entries lost: {lost}, \
         failed saves: {}, journal files holding the marker after encrypt: {}",
        seen.confirmed.len(),
        seen.failures.len(),
        plaintext_after_encrypt.len()
    );
    let mut kinds: HashMap<String, usize> = HashMap::new();
    for f in &seen.failures {
        let kind: String = f
            .replace(env.root().to_str().unwrap(), "")
            .chars()
            .take(90)
            .collect();
        *kinds.entry(kind).or_default() += 1;
    }
    eprintln!("failed saves by message: {kinds:#?}");
    assert_eq!(lost, 0, "every entry reported saved is in the journal");
    assert!(seen.confirmed.len() > 30, "the writers got through");
    assert_calm(&seen.failures);
    assert!(
        plaintext_after_encrypt.is_empty(),
        "plaintext after encrypt: {plaintext_after_encrypt:?}"
    );
    assert!(leftovers(&env.data_dir()).is_empty());
}

/// Starts a command, kills it with SIGKILL after `after`.
fn run_and_kill(mut cmd: Command, after: Duration) {
    let mut child = cmd
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(after);
    let _ = child.kill();
    let _ = child.wait();
}

#[test]
fn conversions_killed_at_random_moments_while_writers_run_lose_nothing() {
    let env = TestEnv::new();
    env.write(&["EMUMARKER before the kills"]);
    set_pass(&env, P1);
    // How long a conversion takes here, so the kills land anywhere in one.
    let start = std::time::Instant::now();
    run(&env, &["encrypt"], Some(P1), None);
    run(&env, &["decrypt"], Some(P1), None);
    let window = (start.elapsed().as_micros() as u64 * 3 / 4).max(5_000);

    let writers = Writers::start(&env, 4);
    let mut rng = Rng(0x5eed_c0de_0000_0011);
    let kills = 40;
    let mut key = None;
    let mut found_leftovers = 0;
    let mut plaintext_beside_encrypted = 0;
    for n in 0..kills {
        let mut cmd = env.std_cmd();
        cmd.stdin(Stdio::null());
        match key {
            None => {
                cmd.env("MEND_PASSPHRASE", P1).arg("encrypt");
            }
            Some(k) if rng.chance(50) => {
                let other = if k == P1 { P2 } else { P1 };
                cmd.env("MEND_PASSPHRASE", k)
                    .env("MEND_NEW_PASSPHRASE", other)
                    .arg("passphrase");
            }
            Some(k) => {
                cmd.env("MEND_PASSPHRASE", k).arg("decrypt");
            }
        }
        run_and_kill(cmd, Duration::from_micros(rng.below(window)));
        key = current_key(&env.db());
        set_pass(&env, key.unwrap_or(P1));
        found_leftovers += leftovers(&env.data_dir()).len();
        if key.is_some() && !journal_files_holding(&env.data_dir(), "EMUMARKER").is_empty() {
            // Only a killed decrypt's copy may hold plaintext, and the next mend removes it.
            plaintext_beside_encrypted += 1;
        }
        let _ = n;
    }
    std::thread::sleep(Duration::from_millis(300));
    let seen = writers.stop();
    // The next mend to open the journal removes what the killed conversions left.
    let mut check = env.cmd();
    check.arg("check").write_stdin("");
    if let Some(k) = key {
        check.env("MEND_PASSPHRASE", k);
    }
    let checked = check.output().unwrap();
    assert!(
        checked.status.success(),
        "{}",
        String::from_utf8_lossy(&checked.stderr)
    );
    assert!(leftovers(&env.data_dir()).is_empty(), "leftovers removed");
    let journal = entries(&env.db(), key).unwrap();
    let lost = assert_all_there(&seen, &journal);
    eprintln!(
        "kills: {kills}, writers: 4, entries confirmed: {}, entries lost: {lost}, failed saves: {}, \
         conversion leftovers seen after kills: {found_leftovers} (all removed), \
         times plaintext was beside an encrypted journal right after a kill: {plaintext_beside_encrypted}",
        seen.confirmed.len(),
        seen.failures.len()
    );
    assert_eq!(lost, 0);
    assert!(!seen.confirmed.is_empty());
    if key.is_some() {
        assert!(journal_files_holding(&env.data_dir(), "EMUMARKER").is_empty());
    }
}

#[test]
fn a_killed_decrypt_leaves_nothing_after_the_next_mend() {
    let env = TestEnv::new();
    env.write(&["KIWIMARKER a plain secret"]);
    run(&env, &["encrypt"], Some(P1), None);
    // What a decrypt killed after its copy: a plaintext copy beside the encrypted journal.
    let copy = env.data_dir().join(".mend-convert-AbC123");
    {
        let conn = common::open_sqlite(&env.db()).unwrap();
        conn.pragma_update(None, "key", P1).unwrap();
        conn.execute(
            "ATTACH DATABASE ?1 AS plain KEY ''",
            [copy.to_str().unwrap()],
        )
        .unwrap();
        conn.query_row("SELECT sqlcipher_export('plain')", [], |_| Ok(()))
            .unwrap();
        conn.execute("DETACH DATABASE plain", []).unwrap();
    }
    assert_eq!(
        journal_files_holding(&env.data_dir(), "KIWIMARKER").len(),
        1
    );
    let out = run(&env, &["check"], Some(P1), None);
    assert!(out.contains(".mend-convert-AbC123"), "{out}");
    assert!(out.contains("removed"), "{out}");
    assert!(!copy.exists());
    assert!(journal_files_holding(&env.data_dir(), "KIWIMARKER").is_empty());
}

#[test]
fn encrypting_through_a_symlink_converts_the_real_file() {
    let env = TestEnv::new();
    env.write(&["WALLABYMARKER behind a link"]);
    let link = env.root().join("link.db");
    std::os::unix::fs::symlink(env.db(), &link).unwrap();
    let out = env
        .cmd()
        .args(["--db", link.to_str().unwrap(), "encrypt"])
        .env("MEND_PASSPHRASE", P1)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8_lossy(&out.stdout);
    assert!(
        said.contains(&env.db().display().to_string()),
        "names the real file: {said}"
    );
    assert!(
        fs::symlink_metadata(&link)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    assert!(journal_files_holding(&env.data_dir(), "WALLABYMARKER").is_empty());
    assert!(
        journal_files_holding(env.root(), "WALLABYMARKER").is_empty(),
        "no plain copy at the link either"
    );
    let listed = run(
        &env,
        &["--db", link.to_str().unwrap(), "list", "--json"],
        Some(P1),
        None,
    );
    assert!(listed.contains("WALLABYMARKER"));
}

#[test]
fn the_losing_side_of_two_passphrase_changes_says_so_calmly() {
    let env = TestEnv::new();
    env.write(&["An entry."]);
    run(&env, &["encrypt"], Some(P1), None);
    // Hold the write lock so both changes are waiting when it is let go.
    let holder = common::open_sqlite(&env.db()).unwrap();
    holder.pragma_update(None, "key", P1).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let spawn = |new: &str| {
        let mut cmd = env.std_cmd();
        cmd.env("MEND_PASSPHRASE", P1)
            .env("MEND_NEW_PASSPHRASE", new)
            .arg("passphrase")
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        cmd.spawn().unwrap()
    };
    let a = spawn(P2);
    let b = spawn("a third long passphrase");
    std::thread::sleep(Duration::from_millis(700));
    holder.execute_batch("ROLLBACK").unwrap();
    drop(holder);
    let outs = [a.wait_with_output().unwrap(), b.wait_with_output().unwrap()];
    let won: Vec<_> = outs.iter().filter(|o| o.status.success()).collect();
    assert_eq!(won.len(), 1, "one change wins");
    let lost = outs.iter().find(|o| !o.status.success()).unwrap();
    let err = assert_one_line_error(&lost.stderr);
    assert!(!err.contains("PRAGMA"), "{err}");
    assert!(err.contains("passphrase"), "{err}");
    assert!(err.contains("nothing was changed"), "{err}");
}

#[test]
fn a_writer_still_using_the_old_passphrase_says_so_calmly_and_keeps_its_text() {
    let env = TestEnv::new();
    env.write(&["An entry."]);
    run(&env, &["encrypt"], Some(P1), None);
    let holder = common::open_sqlite(&env.db()).unwrap();
    holder.pragma_update(None, "key", P1).unwrap();
    holder.execute_batch("BEGIN IMMEDIATE").unwrap();
    let mut change = env.std_cmd();
    change
        .env("MEND_PASSPHRASE", P1)
        .env("MEND_NEW_PASSPHRASE", P2)
        .arg("passphrase")
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let change = change.spawn().unwrap();
    // The change has waited longest, so it goes first when the lock is let go.
    std::thread::sleep(Duration::from_millis(500));
    let mut writer = env.std_cmd();
    writer
        .env("MEND_PASSPHRASE", P1)
        .args(["write", "LYREBIRDMARKER written with the old passphrase"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped());
    let writer = writer.spawn().unwrap();
    std::thread::sleep(Duration::from_millis(500));
    holder.execute_batch("ROLLBACK").unwrap();
    drop(holder);
    let change = change.wait_with_output().unwrap();
    assert!(
        change.status.success(),
        "{}",
        String::from_utf8_lossy(&change.stderr)
    );
    let writer = writer.wait_with_output().unwrap();
    let saved = String::from_utf8_lossy(&writer.stdout).contains("Saved entry");
    let journal = entries(&env.db(), Some(P2)).unwrap();
    if saved {
        // It got in before the change: then the entry moved with the journal.
        assert!(journal.values().any(|b| b.contains("LYREBIRDMARKER")));
    } else {
        let err = assert_one_line_error(&writer.stderr);
        eprintln!("the writer with the old passphrase: {err}");
        assert!(err.contains("passphrase"), "{err}");
        assert!(!err.contains("file is not a database"), "{err}");
        assert!(err.contains("kept in"), "the text is kept: {err}");
    }
}
