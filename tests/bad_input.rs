//! Bad input of every kind: one calm line on stderr, a non-zero exit, no panic, nothing added.

mod common;

use std::fs;
use std::os::unix::ffi::OsStrExt;

use common::{TestEnv, assert_one_line_error};

/// A journal holding one entry, so "nothing added" can be checked.
fn journal() -> TestEnv {
    let env = TestEnv::new();
    env.write(&["the only entry"]);
    env
}

/// Runs `mend ARGS` with `stdin`; expects a failure with `code`, one line on stderr, nothing added.
fn refused(env: &TestEnv, args: &[&str], stdin: &[u8], code: i32) -> String {
    let before = env.count_rows();
    let out = env.cmd().args(args).write_stdin(stdin).output().unwrap();
    assert_eq!(out.status.code(), Some(code), "mend {args:?}");
    let err = assert_one_line_error(&out.stderr);
    assert_eq!(env.count_rows(), before, "mend {args:?} added something");
    err
}

#[test]
fn an_impossible_day() {
    let env = journal();
    let err = refused(&env, &["write", "--date", "feb 30", "text"], b"", 1);
    assert!(err.contains("feb 30"), "{err}");
    refused(&env, &["write", "--date", "2021-02-30", "text"], b"", 1);
    refused(&env, &["write", "--date", "2026-13-01", "text"], b"", 1);
}

#[test]
fn an_unreadable_day() {
    let env = journal();
    let err = refused(&env, &["write", "--date", "asdf", "text"], b"", 1);
    assert!(err.contains("asdf") && err.contains(" — "), "{err}");
    refused(&env, &["write", "--date", "", "text"], b"", 1);
    refused(&env, &["list", "--from", "asdf"], b"", 1);
    refused(
        &env,
        &["write", "--date", "99999999999 days ago", "text"],
        b"",
        1,
    );
}

#[test]
fn a_mood_out_of_range() {
    let env = journal();
    for mood in ["0", "9", "-1", "99999999999999999999", "great"] {
        let flag = format!("--mood={mood}");
        let args = ["write", flag.as_str(), "text"];
        let before = env.count_rows();
        let out = env.cmd().args(args).write_stdin("").output().unwrap();
        let code = out.status.code();
        assert!(
            code == Some(1) || code == Some(2),
            "--mood {mood}: {code:?}"
        );
        let err = assert_one_line_error(&out.stderr);
        assert!(err.contains("mood"), "--mood {mood}: {err}");
        assert_eq!(env.count_rows(), before);
    }
}

#[test]
fn an_unknown_option_is_a_usage_error() {
    let env = journal();
    let err = refused(&env, &["write", "--bogus", "text"], b"", 2);
    assert!(err.contains("--bogus"), "{err}");
    refused(&env, &["frobnicate"], b"", 2);
    refused(&env, &["list", "-n", "many"], b"", 2);
    refused(&env, &["show"], b"", 2);
    refused(&env, &["delete"], b"", 2);
    refused(&env, &["edit", "one"], b"", 2);
    refused(&env, &["--color", "sometimes", "list"], b"", 2);
}

#[test]
fn invalid_utf8_on_stdin() {
    let env = journal();
    let err = refused(&env, &["write"], b"valid start \xff\xfe then junk", 1);
    assert!(err.contains("UTF-8"), "{err}");
}

#[test]
fn invalid_utf8_in_arguments() {
    let env = journal();
    let before = env.count_rows();
    let bad = std::ffi::OsStr::from_bytes(b"caf\xe9");
    let out = env
        .cmd()
        .arg("write")
        .arg(bad)
        .write_stdin("")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert_one_line_error(&out.stderr);
    assert_eq!(env.count_rows(), before);
}

#[test]
fn a_ten_megabyte_entry_round_trips() {
    let env = TestEnv::new();
    let line = "We talked about everything, again and again, until it was late.\n";
    let mut text = line.repeat(10 * 1024 * 1024 / line.len() + 1);
    text.truncate(10 * 1024 * 1024);
    let text = text.trim_end().to_string();
    let id = env.write_stdin(&[], &text);
    let entry = env.show_json(id);
    let body = entry["body"].as_str().unwrap();
    assert_eq!(body.len(), text.len());
    assert!(body == text, "the body differs from what was written");
}

#[test]
fn db_pointing_at_a_folder() {
    let env = journal();
    let folder = env.root().join("a-folder");
    fs::create_dir(&folder).unwrap();
    let path = folder.display().to_string();
    let err = refused(&env, &["--db", &path, "write", "text"], b"", 1);
    assert!(err.contains("folder"), "{err}");
    assert_eq!(
        fs::read_dir(&folder).unwrap().count(),
        0,
        "nothing was created inside"
    );
}

#[test]
fn db_at_an_unwritable_place() {
    let env = journal();
    refused(&env, &["--db", "/proc/mend.db", "write", "text"], b"", 1);
    refused(&env, &["--db", "/proc/mend.db", "list"], b"", 1);
    assert!(!std::path::Path::new("/proc/mend.db").exists());
}

#[test]
fn db_pointing_at_a_device() {
    let env = journal();
    refused(&env, &["--db", "/dev/null", "list"], b"", 1);
}

#[test]
fn db_pointing_at_a_text_file() {
    let env = journal();
    let file = env.root().join("notes.txt");
    let content = "My shopping list.\nMilk\nBread\n".repeat(20);
    fs::write(&file, &content).unwrap();
    let path = file.display().to_string();
    let err = refused(&env, &["--db", &path, "write", "text"], b"", 1);
    assert!(err.contains("not a mend journal"), "{err}");
    refused(&env, &["--db", &path, "list"], b"", 1);
    assert_eq!(fs::read_to_string(&file).unwrap(), content);
    // A short file too (shorter than a database header).
    fs::write(&file, "hi").unwrap();
    refused(&env, &["--db", &path, "list"], b"", 1);
    assert_eq!(fs::read_to_string(&file).unwrap(), "hi");
}

#[test]
fn db_of_another_application() {
    let env = journal();
    let other = env.root().join("other-app.db");
    {
        let conn = common::open_sqlite(&other).unwrap();
        conn.execute_batch(
            "CREATE TABLE contacts (name TEXT, phone TEXT);
             INSERT INTO contacts VALUES ('Sam', '555-0100');",
        )
        .unwrap();
    }
    let before = fs::read(&other).unwrap();
    let path = other.display().to_string();
    let err = refused(&env, &["--db", &path, "write", "text"], b"", 1);
    assert!(err.contains("not a mend journal"), "{err}");
    refused(&env, &["--db", &path, "list"], b"", 1);
    assert_eq!(
        fs::read(&other).unwrap(),
        before,
        "the other app's file is unchanged"
    );
    let wal = env.root().join("other-app.db-wal");
    assert!(
        !wal.exists(),
        "mend must not switch another app's database to WAL"
    );
}

#[test]
fn db_of_another_application_with_an_application_id() {
    let env = journal();
    let other = env.root().join("tagged.db");
    {
        let conn = common::open_sqlite(&other).unwrap();
        conn.execute_batch("PRAGMA application_id = 1234;").unwrap();
    }
    let before = fs::read(&other).unwrap();
    let err = refused(
        &env,
        &["--db", &other.display().to_string(), "list"],
        b"",
        1,
    );
    assert!(err.contains("not a mend journal"), "{err}");
    assert_eq!(fs::read(&other).unwrap(), before);
}

#[test]
fn a_journal_from_a_newer_mend() {
    let env = journal();
    env.sql()
        .execute_batch("PRAGMA user_version = 99;")
        .unwrap();
    let before = fs::read(env.db()).unwrap();
    for args in [vec!["list"], vec!["write", "text"], vec!["show", "1"]] {
        let err = refused(&env, &args, b"", 1);
        assert!(err.contains("newer"), "mend {args:?}: {err}");
    }
    assert_eq!(fs::read(env.db()).unwrap(), before, "nothing was changed");
    let version: i64 = env
        .sql()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    assert_eq!(version, 99);
}

#[test]
fn a_bad_clock_setting() {
    let env = journal();
    let before = env.count_rows();
    let out = env
        .cmd()
        .env("MEND_NOW", "not a time")
        .args(["write", "text"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = assert_one_line_error(&out.stderr);
    assert!(err.contains("MEND_NOW"), "{err}");
    assert_eq!(env.count_rows(), before);
}

#[test]
fn a_missing_editor_is_reported() {
    // `edit` with no flags opens the editor; one that cannot start is an error, not a panic.
    let env = journal();
    let out = env
        .cmd()
        .env("EDITOR", "/no/such/editor")
        .args(["edit", "1"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = assert_one_line_error(&out.stderr);
    assert!(err.contains("/no/such/editor"), "{err}");
    assert_eq!(env.show_json(1)["body"], "the only entry");
}

#[test]
fn huge_and_odd_numbers() {
    let env = journal();
    refused(&env, &["show", "99999999999999999999999"], b"", 1);
    refused(
        &env,
        &["edit", "99999999999999999999", "--mood", "1"],
        b"",
        2,
    );
    refused(&env, &["show", "0"], b"", 1);
    refused(&env, &["delete", "0", "--yes"], b"", 2);
    refused(&env, &["restore", "-5"], b"", 2);
}

#[test]
fn strange_text_is_kept_exactly() {
    let env = TestEnv::new();
    let text =
        "Robert'); DROP TABLE entries;--\n\"quotes\" and NUL-free \\ backslashes\t\u{202e}rtl";
    let id = env.write_stdin(&[], text);
    assert_eq!(env.show_json(id)["body"], text);
    assert_eq!(env.list_json().len(), 1);
}

#[test]
fn an_empty_mend_db_means_the_default_place() {
    let env = TestEnv::new();
    let out = env.cmd().env("MEND_DB", "").arg("list").output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(env.xdg_data().join("mend").join("journal.db").exists());
}

#[test]
fn errors_never_echo_raw_control_characters() {
    let env = journal();
    let esc = "x\x1b[31mred\x07";
    let path = format!("/tmp/{esc}");
    for args in [
        vec!["write", "--feel", esc, "text"],
        vec!["write", "--mood", esc, "text"],
        vec!["write", "--date", esc, "text"],
        vec!["list", "--feel", esc],
        vec!["show", esc],
        vec!["search", esc, "\""],
        vec!["--color", esc, "list"],
        vec!["drafts", "show", &path],
        vec!["drafts", "discard", &path],
    ] {
        let out = env.cmd().args(&args).write_stdin("").output().unwrap();
        assert!(!out.status.success(), "mend {args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            !err.contains('\x1b') && !err.contains('\x07'),
            "mend {args:?} echoed a raw control character: {err:?}"
        );
    }
    assert_eq!(env.count_rows(), 1);
}
