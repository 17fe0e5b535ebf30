//! Encryption at rest: an encrypted journal keeps no plaintext anywhere — not in the file,
//! its WAL, the data folder, drafts or the editor's temp files — and tells a wrong passphrase
//! apart from a file that is no journal.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{TestEnv, assert_one_line_error, saved_id};
use rexpect::session::spawn_command;

const PASS: &str = common::PASSPHRASE;

fn encrypted_env() -> TestEnv {
    TestEnv::encrypted()
}

/// Every file under `dir`, but the fake editor's own source text.
fn files(dir: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let Ok(read) = fs::read_dir(dir) else {
        return found;
    };
    for entry in read.flatten() {
        let path = entry.path();
        if path.is_dir() {
            found.extend(files(&path));
        } else if !path.ends_with("editor-text.txt") && !path.ends_with("editor.sh") {
            found.push(path);
        }
    }
    found
}

fn holding(dir: &Path, marker: &str) -> Vec<PathBuf> {
    files(dir)
        .into_iter()
        .filter(|p| common::file_holds(p, marker, false))
        .collect()
}

#[test]
fn no_plaintext_is_left_anywhere() {
    let env = encrypted_env();
    let with_pass = |args: &[&str], stdin: &str| {
        let out = env
            .cmd()
            .args(args)
            .env("MEND_PASSPHRASE", PASS)
            .write_stdin(stdin)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).to_string()
    };
    with_pass(&["write", "QUOKKAMARKER from the arguments"], "");
    with_pass(&["write"], "QUOKKAMARKER from standard input\n");

    // And through the editor, on a real terminal.
    env.editor_writes("QUOKKAMARKER from the editor\n");
    let mut cmd = env.std_cmd();
    cmd.env("TERM", "xterm")
        .env("MEND_PASSPHRASE", PASS)
        .args(["--color", "never", "write", "--mood", "3", "--feel", "hope"]);
    let mut s = spawn_command(cmd, Some(10_000)).expect("a pseudo-terminal");
    s.exp_string("Saved entry").unwrap();
    s.exp_eof().unwrap();

    let found = with_pass(&["search", "QUOKKAMARKER", "--json"], "");
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&found)
            .unwrap()
            .as_array()
            .unwrap()
            .len(),
        3
    );
    let leaks = holding(env.root(), "QUOKKAMARKER");
    assert!(leaks.is_empty(), "plaintext found in {leaks:?}");
    assert!(
        !holding(env.root(), "SQLite format 3")
            .iter()
            .any(|p| p == &env.db())
    );
}

#[test]
fn a_failed_save_of_an_encrypted_journal_keeps_its_draft_in_the_private_folder() {
    let env = encrypted_env();
    // Make saves fail: a trigger added through a keyed connection.
    {
        let conn = common::open_sqlite(&env.db()).unwrap();
        conn.pragma_update(None, "key", PASS).unwrap();
        conn.execute_batch(
            "CREATE TRIGGER block BEFORE INSERT ON entries BEGIN SELECT RAISE(ABORT, 'disk trouble'); END;",
        )
        .unwrap();
    }
    let out = env
        .cmd()
        .args(["write", "WOMBATMARKER precious words"])
        .env("MEND_PASSPHRASE", PASS)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = assert_one_line_error(&out.stderr);
    let private = env.root().join("run").join("mend");
    assert!(err.contains(&private.display().to_string()), "{err}");
    let leaks = holding(env.root(), "WOMBATMARKER");
    assert!(leaks.iter().all(|p| p.starts_with(&private)), "{leaks:?}");
    assert!(!leaks.is_empty(), "the draft is kept");
}

#[test]
fn a_wrong_passphrase_is_named_and_changes_nothing() {
    let env = encrypted_env();
    let out = env
        .cmd()
        .args(["write", "first"])
        .env("MEND_PASSPHRASE", PASS)
        .output()
        .unwrap();
    let id = saved_id(&String::from_utf8_lossy(&out.stdout));
    let before = fs::read(env.db()).unwrap();

    let out = env
        .cmd()
        .args(["write", "second"])
        .env("MEND_PASSPHRASE", "wrong passphrase!")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = assert_one_line_error(&out.stderr);
    assert!(err.contains("passphrase"), "{err}");
    assert_eq!(fs::read(env.db()).unwrap(), before, "nothing was changed");

    let out = env
        .cmd()
        .args(["list"])
        .env_remove("MEND_PASSPHRASE")
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(assert_one_line_error(&out.stderr).contains("encrypted"));

    // A passphrase file works for scripts.
    let file = env.root().join("pass.txt");
    fs::write(&file, format!("{PASS}\n")).unwrap();
    let out = env
        .cmd()
        .args([
            "--passphrase-file",
            file.to_str().unwrap(),
            "show",
            &id.to_string(),
            "--json",
        ])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    // A file of random bytes is not mistaken for a journal with a wrong passphrase.
    let garbage = env.root().join("garbage.db");
    fs::write(
        &garbage,
        (0..3000u32)
            .map(|i| (i * 7919 % 251) as u8)
            .collect::<Vec<_>>(),
    )
    .unwrap();
    let out = env
        .cmd()
        .args(["--db", garbage.to_str().unwrap(), "list"])
        .output()
        .unwrap();
    assert!(assert_one_line_error(&out.stderr).contains("not a mend journal"));
}

#[test]
fn encrypt_rekey_decrypt_and_backup_keep_every_entry() {
    let env = TestEnv::new();
    env.write(&["PLATYPUSMARKER before encryption", "--feel", "hope"]);
    let run = |args: &[&str], envs: &[(&str, &str)]| {
        let mut cmd = env.cmd();
        cmd.args(args).write_stdin("");
        for (k, v) in envs {
            cmd.env(k, v);
        }
        let out = cmd.output().unwrap();
        assert!(
            out.status.success(),
            "{args:?}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).to_string()
    };
    run(&["encrypt"], &[("MEND_PASSPHRASE", PASS)]);
    assert!(
        holding(env.root(), "PLATYPUSMARKER").is_empty(),
        "no plain copy remains"
    );
    let listed = run(&["list", "--json"], &[("MEND_PASSPHRASE", PASS)]);
    assert!(listed.contains("PLATYPUSMARKER before encryption") && listed.contains("hope"));

    let backup = env.root().join("backup.db");
    run(
        &["backup", backup.to_str().unwrap()],
        &[("MEND_PASSPHRASE", PASS)],
    );
    assert_eq!(common::mode(&backup), 0o600);
    assert!(
        holding(env.root(), "PLATYPUSMARKER").is_empty(),
        "the backup is encrypted too"
    );
    let listed = run(
        &["--db", backup.to_str().unwrap(), "list", "--json"],
        &[("MEND_PASSPHRASE", PASS)],
    );
    assert!(listed.contains("PLATYPUSMARKER"));
    let again = env
        .cmd()
        .args(["backup", backup.to_str().unwrap()])
        .env("MEND_PASSPHRASE", PASS)
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(1), "no overwrite without --force");

    run(
        &["passphrase"],
        &[
            ("MEND_PASSPHRASE", PASS),
            ("MEND_NEW_PASSPHRASE", "another long passphrase"),
        ],
    );
    let old = env
        .cmd()
        .args(["list"])
        .env("MEND_PASSPHRASE", PASS)
        .output()
        .unwrap();
    assert_eq!(old.status.code(), Some(1));
    run(
        &["check"],
        &[("MEND_PASSPHRASE", "another long passphrase")],
    );
    run(
        &["decrypt"],
        &[("MEND_PASSPHRASE", "another long passphrase")],
    );
    assert!(run(&["search", "PLATYPUSMARKER"], &[]).contains("PLATYPUSMARKER"));
    assert!(
        fs::read(env.db())
            .unwrap()
            .starts_with(b"SQLite format 3\0")
    );
}

#[test]
fn init_asks_for_the_passphrase_twice_on_a_terminal() {
    let env = TestEnv::new();
    let mut cmd = env.std_cmd();
    cmd.env("TERM", "xterm")
        .env_remove("MEND_PASSPHRASE")
        .args(["init", "--encrypt"]);
    let mut s = spawn_command(cmd, Some(10_000)).expect("a pseudo-terminal");
    s.exp_string("New passphrase").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(200));
    s.send_line("typed on a terminal").unwrap();
    s.flush().unwrap();
    s.exp_string("The same passphrase again").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(200));
    s.send_line("typed on a terminal").unwrap();
    s.flush().unwrap();
    s.exp_string("Created an encrypted journal").unwrap();
    s.exp_eof().unwrap();
    let out = env
        .cmd()
        .args(["list"])
        .env("MEND_PASSPHRASE", "typed on a terminal")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn the_check_finds_a_damaged_search_index() {
    let env = TestEnv::new();
    env.write(&["An entry to index."]);
    assert!(env.stdout_of(&["check"]).contains("integrity ok"));
    env.sql()
        .execute(
            "INSERT INTO entries_fts (rowid, body) VALUES (999, 'a ghost')",
            [],
        )
        .unwrap();
    let out = env.cmd().args(["check"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stdout).contains("search    problem"));
}

/// libcrypto is opened only for a keyed journal (src/store/lazy_crypto.c): the dynamic loader's
/// own record of the files it loads (LD_DEBUG=files) names it for an encrypted journal, and
/// never for a plain one, where it would only slow every command's start.
#[cfg(mend_lazy_crypto)]
#[test]
fn libcrypto_is_loaded_for_an_encrypted_journal_only() {
    let loaded = |env: &TestEnv| {
        let out = env
            .std_cmd()
            .args(["list", "--no-pager"])
            .env("MEND_PASSPHRASE", PASS)
            .env("LD_DEBUG", "files")
            .output()
            .unwrap();
        assert!(out.status.success(), "{out:?}");
        String::from_utf8_lossy(&out.stderr).contains("libcrypto")
    };
    let plain = TestEnv::new();
    plain.write(&["A plain entry."]);
    assert!(!loaded(&plain), "a plain journal loaded libcrypto");
    let encrypted = encrypted_env();
    assert!(
        loaded(&encrypted),
        "an encrypted journal did not load libcrypto"
    );
}
