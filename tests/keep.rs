//! Nothing read is lost: every text mend has read is kept as a draft when it cannot be
//! saved, whatever the reason; a signal while the editor is open keeps the editor's text;
//! the editor never sees a passphrase; `mend drafts` touches only its own drafts.

mod common;

use std::fs;
use std::path::PathBuf;
use std::process::Stdio;
use std::time::{Duration, Instant};

use common::{TestEnv, assert_one_line_error};

const PASS: &str = common::PASSPHRASE;

/// Every draft file, in every folder mend may keep one (the private folder included).
fn drafts_anywhere(env: &TestEnv) -> Vec<PathBuf> {
    let mut found = env.draft_files();
    if let Ok(read) = fs::read_dir(env.root().join("run").join("mend").join("drafts")) {
        found.extend(read.flatten().map(|e| e.path()));
    }
    found.sort();
    found
}

/// The text of the only draft, after its details block, byte for byte.
fn only_draft_text(env: &TestEnv) -> Vec<u8> {
    let drafts = drafts_anywhere(env);
    assert_eq!(drafts.len(), 1, "one draft expected: {drafts:?}");
    let bytes = fs::read(&drafts[0]).unwrap();
    let end = bytes
        .windows(5)
        .position(|w| w == b"\n---\n")
        .expect("a details block")
        + 5;
    bytes[end..].strip_suffix(b"\n").unwrap().to_vec()
}

/// Runs mend with `args` and `stdin`; returns the exit code and stderr.
fn run(env: &TestEnv, args: &[&str], stdin: &[u8], extra: &[(&str, &str)]) -> (i32, String) {
    let mut cmd = env.cmd();
    cmd.args(args).write_stdin(stdin.to_vec());
    for (k, v) in extra {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).to_string(),
    )
}

fn encrypted_env() -> TestEnv {
    TestEnv::encrypted()
}

#[test]
fn text_is_kept_when_the_journal_cannot_be_opened() {
    // (what is wrong with the journal, how the text arrives)
    let cases: Vec<(&str, Vec<&str>, &[u8])> = vec![
        ("damaged", vec!["write"], b"Piped words on a bad day.\n"),
        (
            "damaged",
            vec!["write", "Words", "given", "as", "arguments"],
            b"",
        ),
        (
            "damaged",
            vec!["prompt", "--answer", "An answer to keep"],
            b"",
        ),
        ("damaged", vec!["prompt"], b"A piped answer to keep\n"),
        (
            "wrong passphrase",
            vec!["write"],
            b"Piped past a wrong passphrase.\n",
        ),
        (
            "wrong passphrase",
            vec!["edit", "1", "--text", "-"],
            b"New words for entry one.\n",
        ),
    ];
    let mut failures = Vec::new();
    for (trouble, args, stdin) in cases {
        let (env, extra) = if trouble == "damaged" {
            let env = TestEnv::new();
            fs::create_dir_all(env.data_dir()).unwrap();
            fs::write(env.db(), vec![0x5a; 8192]).unwrap();
            (env, vec![])
        } else {
            let env = encrypted_env();
            let (code, err) = run(&env, &["write", "First"], b"", &[("MEND_PASSPHRASE", PASS)]);
            assert_eq!(code, 0, "{err}");
            (env, vec![("MEND_PASSPHRASE", "not the passphrase at all")])
        };
        let (code, err) = run(&env, &args, stdin, &extra);
        let expected: Vec<u8> = if stdin.is_empty() {
            let words: Vec<&str> = args
                .iter()
                .skip(1)
                .copied()
                .filter(|a| !a.starts_with("--"))
                .collect();
            words.join(" ").into_bytes()
        } else {
            // Piped text is kept byte for byte, its last newline included.
            stdin.to_vec()
        };
        let drafts = drafts_anywhere(&env);
        let ok = code == 1
            && err.contains("could not open the journal")
            && drafts.len() == 1
            && err.contains(&drafts[0].display().to_string())
            && only_draft_text(&env) == expected;
        if !ok {
            failures.push(format!(
                "{trouble} {args:?}: code {code}, {err}, drafts {drafts:?}"
            ));
        }
        if trouble == "wrong passphrase" && drafts.len() == 1 {
            // The journal is encrypted, so its drafts stay in the private folder.
            assert!(drafts[0].starts_with(env.root().join("run")), "{drafts:?}");
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn text_too_big_is_kept_whole() {
    let env = TestEnv::new();
    let mut text = "A very long day. ".repeat(1_300_000).into_bytes();
    text.extend_from_slice(b"The end.");
    assert!(text.len() > 20 * 1024 * 1024);
    let (code, err) = run(&env, &["write"], &text, &[]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("over the 20 MB"), "{err}");
    assert_eq!(only_draft_text(&env), text);
    assert!(env.list_json().is_empty());
}

#[test]
fn text_that_is_not_utf8_is_kept_byte_for_byte_and_never_saved_with_replacements() {
    let env = TestEnv::new();
    let text = b"Caf\xe9 with her, latin-1 from an old file.".to_vec();
    let (code, err) = run(&env, &["write"], &text, &[]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("not valid UTF-8"), "{err}");
    assert_eq!(only_draft_text(&env), text);
    assert!(env.list_json().is_empty());
    // Recovering it refuses to guess, and the draft stays.
    let (code, err) = run(&env, &["drafts", "recover", "1"], b"", &[]);
    assert_eq!(code, 1);
    assert!(err.contains("not valid UTF-8"), "{err}");
    assert_eq!(drafts_anywhere(&env).len(), 1);
    assert!(env.list_json().is_empty());
}

#[test]
fn an_editor_that_writes_invalid_utf8_keeps_the_bytes_and_the_entry() {
    let env = TestEnv::new();
    let id = env.write(&["The entry as it was."]);
    env.set_editor_script("printf 'Na\\357ve bytes from the editor\\n' > \"$1\"\n");
    let (code, err) = run(&env, &["edit", &id.to_string()], b"", &[]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("not valid UTF-8"), "{err}");
    assert!(err.contains("entry 1 was left as it was"), "{err}");
    assert_eq!(only_draft_text(&env), b"Na\xefve bytes from the editor");
    assert_eq!(env.show_json(id)["body"], "The entry as it was.");
}

#[test]
fn a_failed_edit_keeps_the_new_text_and_recovering_it_updates_the_entry() {
    let env = TestEnv::new();
    let id = env.write(&["Old words."]);
    env.sql()
        .execute_batch(
            "CREATE TRIGGER block BEFORE UPDATE ON entries BEGIN SELECT RAISE(ABORT, 'disk trouble'); END;",
        )
        .unwrap();
    env.editor_writes("New words I rewrote carefully.\n");
    let (code, err) = run(&env, &["edit", &id.to_string()], b"", &[]);
    assert_eq!(code, 1, "{err}");
    assert_one_line_error(err.as_bytes());
    assert!(err.contains("disk trouble"), "{err}");
    assert_eq!(only_draft_text(&env), b"New words I rewrote carefully.");
    // The same with --text.
    let (code, err) = run(
        &env,
        &["edit", &id.to_string(), "--text", "Other words."],
        b"",
        &[],
    );
    assert_eq!(code, 1, "{err}");
    assert_eq!(drafts_anywhere(&env).len(), 2);
    env.sql().execute_batch("DROP TRIGGER block;").unwrap();
    let out = env.stdout_of(&["drafts", "recover", "1"]);
    assert!(
        out.contains("Entry 1 now has the text of the draft"),
        "{out}"
    );
    assert_eq!(env.show_json(id)["body"], "New words I rewrote carefully.");
    assert_eq!(env.list_json().len(), 1, "no second entry");
}

/// Starts `mend edit 1` with an editor that writes `text` and then waits; returns the child
/// once the editor has written.
fn editing(env: &TestEnv, text: &str) -> std::process::Child {
    let marker = env.root().join("editor-started");
    env.set_editor_script(&format!(
        "printf '{text}' > \"$1\"\ntouch '{}'\nexec sleep 30\n",
        marker.display()
    ));
    let child = env
        .std_cmd()
        .args(["edit", "1"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while !marker.exists() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the editor never started"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    child
}

fn scratch_files(env: &TestEnv) -> Vec<PathBuf> {
    fs::read_dir(env.root().join("run").join("mend"))
        .map(|r| {
            r.flatten()
                .map(|e| e.path())
                .filter(|p| p.is_file())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn a_signal_while_the_editor_is_open_turns_its_file_into_a_private_draft() {
    let mut failures = Vec::new();
    for (name, signal) in [
        ("TERM", libc_signal::TERM),
        ("HUP", libc_signal::HUP),
        ("INT", libc_signal::INT),
    ] {
        let env = TestEnv::new();
        env.write(&["Before."]);
        let child = editing(&env, "Half written when the lid closed.");
        assert!(!scratch_files(&env).is_empty(), "the editor's file exists");
        send_signal(child.id(), signal);
        let out = child.wait_with_output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr).to_string();
        let drafts = drafts_anywhere(&env);
        let ok = out.status.code() == Some(1)
            && drafts.len() == 1
            && only_draft_text(&env) == b"Half written when the lid closed."
            && err.contains(&drafts[0].display().to_string())
            && scratch_files(&env).is_empty()
            && common::mode(&drafts[0]) == 0o600;
        if !ok {
            failures.push(format!(
                "SIG{name}: {:?} {err} drafts {drafts:?} left {:?}",
                out.status,
                scratch_files(&env)
            ));
        }
        let list = env.stdout_of(&["drafts"]);
        if list.contains("every text you wrote was saved") {
            failures.push(format!("SIG{name}: drafts says all was saved: {list}"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// The few signal numbers the test sends (Linux).
mod libc_signal {
    pub const HUP: i32 = 1;
    pub const INT: i32 = 2;
    pub const TERM: i32 = 15;
}

fn send_signal(pid: u32, signal: i32) {
    let status = std::process::Command::new("kill")
        .args([format!("-{signal}"), pid.to_string()])
        .status()
        .unwrap();
    assert!(status.success());
}

#[test]
fn the_editor_never_sees_a_passphrase() {
    let env = TestEnv::new();
    let id = env.write(&["Before."]);
    let seen = env.root().join("seen.txt");
    env.set_editor_script(&format!(
        "printf '[%s][%s]' \"$MEND_PASSPHRASE\" \"$MEND_NEW_PASSPHRASE\" > '{}'\nprintf 'After.' > \"$1\"\n",
        seen.display()
    ));
    let (code, err) = run(
        &env,
        &["edit", &id.to_string()],
        b"",
        &[
            ("MEND_PASSPHRASE", "secret one"),
            ("MEND_NEW_PASSPHRASE", "secret two"),
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(fs::read_to_string(&seen).unwrap(), "[][]");
    assert_eq!(env.show_json(id)["body"], "After.");
}

#[test]
fn drafts_discard_and_recover_touch_only_drafts() {
    let env = TestEnv::new();
    env.write(&["An entry, so the journal exists."]);
    let note = env.root().join("my-note.md");
    let text = "---\nmend-draft: 1\nday: 2026-11-20\n---\nMy own note, not a draft.\n";
    fs::write(&note, text).unwrap();
    // Even a file named like a draft, outside the drafts folders, is not one.
    let lookalike = env.root().join("draft-20261120-000000-000.md");
    fs::write(&lookalike, text).unwrap();
    for path in [&note, &lookalike] {
        for action in ["discard", "recover", "show"] {
            let (code, err) = run(
                &env,
                &["drafts", action, &path.display().to_string()],
                b"",
                &[],
            );
            assert_eq!(code, 1, "{action} {}: {err}", path.display());
            assert_one_line_error(err.as_bytes());
            assert!(err.contains("not one of mend's drafts"), "{err}");
            assert_eq!(fs::read_to_string(path).unwrap(), text);
        }
    }
    assert_eq!(env.list_json().len(), 1);
}

#[test]
fn drafts_does_not_say_all_was_saved_while_an_editor_file_is_left() {
    let env = TestEnv::new();
    let out = env.stdout_of(&["drafts"]);
    assert!(out.contains("every text you wrote was saved"), "{out}");
    // What a mend killed outright (kill -9) while the editor was open leaves behind.
    let scratch = env.root().join("run").join("mend");
    fs::create_dir_all(&scratch).unwrap();
    let left = scratch.join("entry-abc123.md");
    fs::write(&left, "Words from before the crash.\n\n# ------------------------ >8 ------------------------\n# hints\n").unwrap();
    let out = env.stdout_of(&["drafts"]);
    assert!(!out.contains("every text you wrote was saved"), "{out}");
    assert!(out.contains("Words from before the crash."), "{out}");
    let out = env.stdout_of(&["drafts", "recover", "1"]);
    assert!(out.contains("Saved entry"), "{out}");
    assert!(!left.exists());
    assert_eq!(env.list_json()[0]["body"], "Words from before the crash.");
}

#[test]
fn nanos_rescued_buffer_is_the_draft_and_is_not_left_behind() {
    let env = TestEnv::new();
    env.write(&["Before."]);
    // nano writes an unsaved buffer to FILE.save when the terminal closes.
    let marker = env.root().join("editor-started");
    env.set_editor_script(&format!(
        "printf 'Never saved with ^O.' > \"$1.save\"\ntouch '{}'\nexec sleep 30\n",
        marker.display()
    ));
    let child = env
        .std_cmd()
        .args(["edit", "1"])
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while !marker.exists() {
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "the editor never started"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    send_signal(child.id(), libc_signal::HUP);
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains("entry 1 was left as it was"), "{err}");
    assert_eq!(only_draft_text(&env), b"Never saved with ^O.");
    assert!(scratch_files(&env).is_empty(), "{:?}", scratch_files(&env));
    assert_eq!(env.show_json(1)["body"], "Before.");
}

#[test]
fn text_is_kept_when_the_journal_stays_locked() {
    let env = TestEnv::new();
    env.write(&["Before the lock."]);
    // Another program holds the journal locked for longer than mend waits.
    let conn = env.sql();
    conn.execute_batch(
        "PRAGMA locking_mode=EXCLUSIVE; BEGIN EXCLUSIVE; UPDATE entries SET body = body;",
    )
    .unwrap();
    let (code, err) = run(
        &env,
        &["write"],
        b"Written while the journal was locked.\n",
        &[],
    );
    drop(conn);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("kept in"), "{err}");
    assert_eq!(
        only_draft_text(&env),
        b"Written while the journal was locked.\n"
    );
}
