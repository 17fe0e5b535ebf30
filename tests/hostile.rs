//! Hostile input, everywhere: every subcommand with bad dates, huge numbers, empty strings,
//! invalid UTF-8, oversized input, and journals that are folders, pipes, garbage, damaged or
//! from a newer mend. Each must end with one line on stderr and a non-zero exit, never a
//! panic, and the journal must keep every entry.

mod common;

use std::ffi::OsString;
use std::fs;
use std::os::unix::ffi::OsStringExt;

use common::TestEnv;

fn journal_with_entries() -> TestEnv {
    let env = TestEnv::new();
    env.write(&[
        "First entry about trust.",
        "--mood",
        "3",
        "--feel",
        "hope",
        "--tag",
        "partner",
    ]);
    env.write(&["Second entry.", "--date", "yesterday"]);
    env.write(&["Third entry.", "--date", "2025-11-21"]);
    env
}

fn state(env: &TestEnv) -> (i64, String) {
    let conn = env.sql();
    let count = conn
        .query_row("SELECT count(*) FROM entries", [], |r| r.get(0))
        .unwrap();
    let check = conn
        .query_row("PRAGMA integrity_check", [], |r| r.get(0))
        .unwrap();
    (count, check)
}

/// Runs mend and checks the shape of its refusal.
fn refuse(env: &TestEnv, args: Vec<OsString>, stdin: Vec<u8>) {
    let out = env.cmd().args(&args).write_stdin(stdin).output().unwrap();
    let shown: Vec<String> = args
        .iter()
        .map(|a| a.to_string_lossy().chars().take(40).collect())
        .collect();
    assert!(!out.status.success(), "{shown:?} should fail");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        !stderr.contains("panicked") && !stderr.contains("inside mend"),
        "{shown:?}: {stderr}"
    );
    let lines: Vec<&str> = stderr.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(
        lines.len(),
        1,
        "{shown:?}: one line expected, got {stderr:?}"
    );
    assert!(lines[0].starts_with("mend: "), "{shown:?}: {stderr}");
}

fn os(args: &[&str]) -> Vec<OsString> {
    args.iter().map(OsString::from).collect()
}

const CASES: &[&[&str]] = &[
    &["write", "--date", "feb 30", "x"],
    &["write", "--date", "", "x"],
    &["write", "--date", "99999999999999 days ago", "x"],
    &["write", "--mood", "99999999999999999999", "x"],
    &["write", "--mood", "", "x"],
    &["write", "--feel", "", "x", "--feel", "nonsense"],
    &["write", "   "],
    &["list", "-n", "-1"],
    &["list", "-n", "99999999999999999999999"],
    &["list", "--from", "asdf"],
    &["list", "--from", "2026-01-02", "--to", "2026-01-01"],
    &["list", "--mood-min", "6"],
    &["list", "--feel", "not-a-feeling"],
    &["show", "99999999999999999999"],
    &["show", "0"],
    &["show", ""],
    &["show", "-99"],
    &["search", ""],
    &["search", "\"unclosed"],
    &["search", "NEAR("],
    &["search", "*"],
    &["search", "x", "-n", "-3"],
    &["edit", "999"],
    &["edit", "1", "--date", "tomorrow"],
    &["edit", "1", "--text", ""],
    &["edit", "1", "--mood", "0"],
    &["delete", "999", "--yes"],
    &["delete", "1"],
    &["restore", "1"],
    &["trash", "--bogus"],
    &["on-this-day", "--date", "asdf"],
    &["drafts", "show", "99"],
    &["drafts", "recover", "/nonexistent/draft.md"],
    &["drafts", "discard", ""],
    &["prompt", "--theme", "nope", "--show"],
    &["prompt", "--perspective", "sideways"],
    &["prompts", "show", "x/y"],
    &["path", "start", "nope"],
    &["path", "next"],
    &["path", "stop"],
    &["summary", "--since", "0d"],
    &["summary", "--since", "999999999999y"],
    &["summary", "--since", "fortnight"],
    &["summary", "--from", "asdf"],
    &["export", "--format", "pdf"],
    &["export", "-o", "/proc/mend-export.md"],
    &["export", "--split", "day", "-o", "/dev/null"],
    &["import", "/nonexistent/file.json"],
    &["import", ""],
    &["backup", "/proc/mend-backup.db"],
    &["backup", ""],
    &["man", "/proc/mend-man"],
    &["completions", "nope"],
    &["config", "nope"],
    &["reindex", "--bogus"],
    &["check", "extra"],
    &["passphrase"],
    &["decrypt"],
    &["init"],
    &["feelings", "--bogus"],
    &["nope"],
];

#[test]
fn every_subcommand_refuses_bad_arguments_in_one_line() {
    let env = journal_with_entries();
    let before = state(&env);
    for args in CASES {
        refuse(&env, os(args), Vec::new());
    }
    assert_eq!(state(&env), before, "nothing was lost or added");
}

#[test]
fn invalid_utf8_in_arguments_and_on_stdin() {
    let env = journal_with_entries();
    let before = state(&env);
    let bad = OsString::from_vec(vec![b'a', 0xff, 0xfe, b'b']);
    for prefix in [
        &["write"][..],
        &["write", "--date"],
        &["write", "--feel"],
        &["list", "--from"],
        &["show"],
        &["search"],
        &["edit", "1", "--text"],
        &["prompt", "--theme"],
        &["summary", "--since"],
        &["import"],
    ] {
        // (File names may be any bytes on Linux, so -o and --db accept them.)
        let mut args = os(prefix);
        args.push(bad.clone());
        refuse(&env, args, Vec::new());
    }
    for args in [
        &["write"][..],
        &["prompt", "--theme", "feelings"],
        &["edit", "1", "--text", "-"],
        &["import", "-"],
    ] {
        refuse(&env, os(args), vec![0xff, 0xfe, 0xfd, b'\n']);
    }
    assert_eq!(state(&env), before);
}

#[test]
fn fifty_megabytes_on_stdin_are_refused_calmly() {
    let env = journal_with_entries();
    let before = state(&env);
    let big = vec![b'a'; 50 * 1024 * 1024];
    for args in [
        &["write"][..],
        &["import", "-"],
        &["edit", "1", "--text", "-"],
    ] {
        refuse(&env, os(args), big.clone());
    }
    assert_eq!(state(&env), before);
}

#[test]
fn journals_that_are_not_journals_are_left_alone() {
    let env = journal_with_entries();
    let root = env.root();
    let folder = root.join("a-folder");
    fs::create_dir(&folder).unwrap();
    let fifo = root.join("a-fifo");
    assert!(
        std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success()
    );
    let garbage = root.join("garbage.db");
    fs::write(
        &garbage,
        (0..10_000u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect::<Vec<_>>(),
    )
    .unwrap();
    let newer = root.join("newer.db");
    fs::copy(env.db(), &newer).unwrap();
    common::open_sqlite(&newer)
        .unwrap()
        .pragma_update(None, "user_version", 999)
        .unwrap();
    let damaged = root.join("damaged.db");
    {
        let conn = common::open_sqlite(&env.db()).unwrap();
        conn.execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
            .unwrap();
    }
    // The schema lives on the first page, after the 100-byte header: every command needs it.
    let mut bytes = fs::read(env.db()).unwrap();
    assert!(bytes.len() > 4096);
    for b in &mut bytes[100..4096] {
        *b = 0x5a;
    }
    fs::write(&damaged, &bytes).unwrap();

    let commands: &[&[&str]] = &[
        &["list"],
        &["write", "words"],
        &["search", "trust"],
        &["show", "1"],
        &["summary"],
        &["export"],
        &["prompt", "--show"],
        &["check"],
        &["backup", "/tmp/mend-hostile-never-written.db"],
        &["encrypt"],
    ];
    for db in [&folder, &fifo, &garbage, &newer, &damaged] {
        // Reading a FIFO would wait for a writer: only regular files are compared.
        let before = if db.is_file() {
            fs::read(db).ok()
        } else {
            None
        };
        for command in commands {
            let mut args = os(&["--db", db.to_str().unwrap()]);
            args.extend(os(command));
            let out = env
                .cmd()
                .args(&args)
                .env("MEND_PASSPHRASE", "a long passphrase")
                .write_stdin("")
                .output()
                .unwrap();
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert!(!out.status.success(), "{db:?} {command:?} should fail");
            assert!(!stderr.contains("panicked"), "{db:?} {command:?}: {stderr}");
            assert_eq!(stderr.lines().count(), 1, "{db:?} {command:?}: {stderr}");
            assert!(stderr.starts_with("mend: "), "{db:?} {command:?}: {stderr}");
        }
        if db.is_file() {
            assert_eq!(fs::read(db).ok(), before, "{db:?} was changed");
        }
    }
    assert!(!std::path::Path::new("/tmp/mend-hostile-never-written.db").exists());
}
