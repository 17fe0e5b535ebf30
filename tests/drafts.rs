//! Drafts: a save that fails keeps the text on disk, privately, until it is recovered.

mod common;

use std::fs;
use std::path::PathBuf;

use common::{TestEnv, assert_one_line_error, mode};

const BLOCK: &str =
    "CREATE TRIGGER block BEFORE INSERT ON entries BEGIN SELECT RAISE(ABORT, 'disk trouble'); END;";

/// A journal whose inserts fail, as if the disk were in trouble.
fn failing_journal() -> TestEnv {
    let env = TestEnv::new();
    env.cmd().arg("list").assert().success();
    env.sql().execute_batch(BLOCK).unwrap();
    env
}

fn unblock(env: &TestEnv) {
    env.sql().execute_batch("DROP TRIGGER block;").unwrap();
}

/// The draft path named in the error: "... kept in PATH; ...".
fn draft_path_in(message: &str) -> PathBuf {
    let rest = message
        .split("kept in ")
        .nth(1)
        .unwrap_or_else(|| panic!("no draft named in {message:?}"));
    PathBuf::from(
        rest.chars()
            .take_while(|c| !c.is_whitespace() && *c != ';')
            .collect::<String>(),
    )
}

/// Runs `mend write ARGS` against a failing journal; returns the draft it names.
fn failed_write(env: &TestEnv, args: &[&str]) -> PathBuf {
    let out = env
        .cmd()
        .arg("write")
        .args(args)
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = assert_one_line_error(&out.stderr);
    assert!(err.contains("disk trouble"), "the cause is named: {err}");
    draft_path_in(&err)
}

#[test]
fn a_failed_save_leaves_a_private_draft() {
    let env = failing_journal();
    let draft = failed_write(&env, &["precious words"]);
    assert!(draft.is_file(), "{} should exist", draft.display());
    assert_eq!(mode(&draft), 0o600);
    assert_eq!(mode(draft.parent().unwrap()), 0o700);
    let kept = fs::read_to_string(&draft).unwrap();
    assert!(kept.contains("precious words"), "{kept}");
    assert_eq!(env.count_rows(), 0);
}

#[test]
fn a_draft_is_listed_and_recovered() {
    let env = failing_journal();
    let draft = failed_write(
        &env,
        &[
            "--date",
            "yesterday",
            "--mood",
            "2",
            "--feel",
            "hurt",
            "--tag",
            "partner",
            "precious words",
        ],
    );
    unblock(&env);

    let listed = env.stdout_of(&["drafts"]);
    assert!(listed.contains("precious words"), "{listed}");
    assert!(listed.contains(&draft.display().to_string()), "{listed}");
    assert!(listed.contains("2026-11-20"), "{listed}");

    let out = env.cmd().args(["drafts", "recover", "1"]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let id = common::saved_id(&String::from_utf8_lossy(&out.stdout));
    assert!(!draft.exists(), "the draft file is removed once saved");

    let entries = env.list_json();
    assert_eq!(entries.len(), 1);
    let e = &entries[0];
    assert_eq!(e["id"], id);
    assert_eq!(e["body"], "precious words");
    assert_eq!(e["day"], "2026-11-20");
    assert_eq!(e["mood"], 2);
    assert_eq!(e["feelings"], serde_json::json!(["hurt"]));
    assert_eq!(e["tags"], serde_json::json!(["partner"]));
    assert!(env.stdout_of(&["list"]).contains("precious words"));

    let listed = env.stdout_of(&["drafts"]);
    assert!(listed.contains("No drafts"), "{listed}");
}

#[test]
fn a_draft_from_stdin_keeps_every_line() {
    let env = failing_journal();
    let text = "Line one\n\n---\nA line that looks like front matter\nlast line";
    let out = env.cmd().arg("write").write_stdin(text).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let draft = draft_path_in(&assert_one_line_error(&out.stderr));
    unblock(&env);
    assert_eq!(env.stdout_of(&["drafts", "show", "1"]).trim_end(), text);
    env.cmd()
        .args(["drafts", "recover", &draft.display().to_string()])
        .assert()
        .success();
    assert_eq!(env.show_json(1)["body"], text);
}

#[test]
fn recovering_while_saving_still_fails_keeps_the_draft() {
    let env = failing_journal();
    let draft = failed_write(&env, &["precious words"]);
    let out = env.cmd().args(["drafts", "recover", "1"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.starts_with("mend: ") && err.contains("disk trouble"),
        "{err}"
    );
    assert!(draft.is_file(), "the draft must survive a failed recovery");
    assert_eq!(env.count_rows(), 0);
}

#[test]
fn a_failed_recovery_explains_itself() {
    let env = failing_journal();
    failed_write(&env, &["precious words"]);
    let out = env.cmd().args(["drafts", "recover", "1"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = assert_one_line_error(&out.stderr);
    assert!(!err.contains("Error code"), "{err}");
    assert!(
        err.contains("draft"),
        "says the draft is still there: {err}"
    );
}

#[test]
fn drafts_show_and_discard() {
    let mut env = failing_journal();
    let first = failed_write(&env, &["first kept text"]);
    env.set_now("2026-11-21T15:05:00Z");
    let second = failed_write(&env, &["second kept text"]);
    assert_ne!(first, second);
    let listed = env.stdout_of(&["drafts", "list"]);
    assert!(
        listed.contains("first kept text") && listed.contains("second kept text"),
        "{listed}"
    );

    let shown = env.stdout_of(&["drafts", "show", "1"]);
    assert_eq!(shown.trim_end(), "first kept text");
    let shown = env.stdout_of(&["drafts", "show", &second.display().to_string()]);
    assert_eq!(shown.trim_end(), "second kept text");

    env.cmd()
        .args(["drafts", "discard", "1"])
        .assert()
        .success();
    assert!(!first.exists());
    assert!(second.exists());
    let listed = env.stdout_of(&["drafts"]);
    assert!(
        !listed.contains("first kept text") && listed.contains("second kept text"),
        "{listed}"
    );
    assert_eq!(env.count_rows(), 0, "discarding saves nothing");
}

#[test]
fn a_missing_draft_number_is_an_error() {
    let env = TestEnv::new();
    for action in ["show", "recover", "discard"] {
        let out = env.cmd().args(["drafts", action, "3"]).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "drafts {action} 3");
        let err = assert_one_line_error(&out.stderr);
        assert!(err.contains("no draft 3"), "{err}");
    }
    let listed = env.stdout_of(&["drafts"]);
    assert!(listed.contains("No drafts"), "{listed}");
}

#[test]
fn drafts_of_the_same_second_are_listed_oldest_first() {
    let env = failing_journal();
    failed_write(&env, &["first kept text"]);
    failed_write(&env, &["second kept text"]);
    let listed = env.stdout_of(&["drafts"]);
    let first = listed.find("first kept text").expect("first draft listed");
    let second = listed
        .find("second kept text")
        .expect("second draft listed");
    assert!(first < second, "{listed}");
    assert_eq!(
        env.stdout_of(&["drafts", "show", "1"]).trim_end(),
        "first kept text"
    );
}
