//! Deleting for real: `mend delete --purge`, `mend trash empty` and the trash's 30-day expiry
//! remove the text from the journal's bytes. Each test writes a marker word, purges it, and
//! searches every file at the journal's place for it.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{TestEnv, assert_one_line_error};

/// Files in the journal's folder (the journal, its log and shared memory, anything beside
/// it) whose bytes hold `marker`, in any letter case (the search index keeps words in lower
/// case).
fn holding(dir: &Path, marker: &str) -> Vec<PathBuf> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).unwrap().flatten() {
        if entry.path().is_dir() {
            continue;
        }
        if common::file_holds(&entry.path(), marker, true) {
            found.push(entry.path());
        }
    }
    found
}

/// Writes entries around one with `marker` and returns its id. A reader is kept open while
/// writing, so the log is not folded away on close and the words sit in it too.
fn journal_with(env: &TestEnv, marker: &str) -> i64 {
    env.write(&["A day before, nothing special.", "--tag", "before"]);
    let id = env.write(&[
        &format!("{marker} is the word nobody else may read. #{marker}"),
        "--feel",
        "hope",
    ]);
    env.write(&["A day after, walking by the river."]);
    assert!(
        !holding(&env.data_dir(), marker).is_empty(),
        "the marker is in the journal's files before the purge"
    );
    id
}

fn assert_gone(env: &TestEnv, marker: &str) {
    let left = holding(&env.data_dir(), marker);
    eprintln!(
        "files holding {marker} after the purge: {} ({left:?})",
        left.len()
    );
    assert!(left.is_empty(), "{marker} is still in {left:?}");
    let found = env.json_of(&["search", marker, "--json"]);
    assert!(found.as_array().unwrap().is_empty());
    assert_eq!(env.list_json().len(), 2, "the other entries stay");
    assert!(env.stdout_of(&["check"]).contains("integrity ok"));
    assert!(
        env.json_of(&["search", "river", "--json"])
            .as_array()
            .unwrap()
            .len()
            == 1,
        "search still works"
    );
}

#[test]
fn delete_purge_removes_the_text_from_every_journal_file() {
    let env = TestEnv::new();
    let id = journal_with(&env, "Zanzibarmarker");
    // Without a yes (and no terminal to ask on) nothing happens.
    let out = env
        .cmd()
        .args(["delete", "--purge", &id.to_string()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_one_line_error(&out.stderr);
    assert_eq!(env.list_json().len(), 3);

    let said = env.stdout_of(&["delete", "--purge", "--yes", &id.to_string()]);
    assert!(said.contains("for good"), "{said}");
    assert_gone(&env, "Zanzibarmarker");
    let out = env
        .cmd()
        .args(["restore", &id.to_string()])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "a purged entry cannot come back"
    );
}

#[test]
fn trash_empty_removes_the_text_from_every_journal_file() {
    let env = TestEnv::new();
    let id = journal_with(&env, "Timbuktumarker");
    env.stdout_of(&["delete", "--yes", &id.to_string()]);
    assert!(
        !holding(&env.data_dir(), "Timbuktumarker").is_empty(),
        "the trash keeps the text"
    );
    let said = env.stdout_of(&["trash", "empty", "--yes"]);
    assert!(said.contains("Removed 1 entry for good"), "{said}");
    assert_gone(&env, "Timbuktumarker");
    assert!(env.stdout_of(&["trash"]).contains("The trash is empty"));
}

#[test]
fn the_trash_expiry_removes_the_text_from_every_journal_file() {
    let mut env = TestEnv::new();
    let id = journal_with(&env, "Ouagadougoumarker");
    env.stdout_of(&["delete", "--yes", &id.to_string()]);
    env.set_now("2026-12-23T15:00:00Z");
    let listed = env.stdout_of(&["trash"]);
    assert!(listed.contains("The trash is empty"), "{listed}");
    assert_gone(&env, "Ouagadougoumarker");
}

#[test]
fn purging_an_encrypted_journal_keeps_it_encrypted_and_whole() {
    let env = TestEnv::new();
    let pass = "a long enough passphrase";
    let id = env.write(&["Entry to purge."]);
    env.write(&["Entry to keep."]);
    let out = env
        .cmd()
        .arg("encrypt")
        .env("MEND_PASSPHRASE", pass)
        .output()
        .unwrap();
    assert!(out.status.success());
    let out = env
        .cmd()
        .args(["delete", "--purge", "--yes", &id.to_string()])
        .env("MEND_PASSPHRASE", pass)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(holding(&env.data_dir(), "SQLite format 3").is_empty());
    let out = env
        .cmd()
        .args(["list", "--json"])
        .env("MEND_PASSPHRASE", pass)
        .output()
        .unwrap();
    let listed = String::from_utf8_lossy(&out.stdout);
    assert!(listed.contains("Entry to keep") && !listed.contains("Entry to purge"));
}
