//! `mend check` trusts nothing: a schema that is not what the migrations made, rows that
//! cannot be read, a missing search index and a half-made journal are reported in one calm
//! line each (with a non-zero exit), never as SQLite's words or a statement.

mod common;

use common::{TestEnv, assert_one_line_error};

/// Runs `mend check`, expects it to find a problem, and returns what it printed.
fn check_fails(env: &TestEnv) -> String {
    let out = env.cmd().arg("check").output().unwrap();
    assert_eq!(out.status.code(), Some(1), "check should fail");
    assert_one_line_error(&out.stderr);
    String::from_utf8_lossy(&out.stdout).to_string()
}

fn no_driver_text(err: &str) {
    for raw in [
        "SELECT",
        "CREATE",
        "INSERT",
        "Conversion error",
        "at offset",
        "PRAGMA",
        "no such column",
    ] {
        assert!(!err.contains(raw), "raw driver text {raw:?} in {err:?}");
    }
}

#[test]
fn foreign_objects_in_the_schema_are_reported() {
    // Each case on its own journal, so one failure does not hide the others.
    let cases: [(&str, &str, &str); 4] = [
        (
            "a trigger that empties the journal on the next edit",
            "CREATE TRIGGER tidy AFTER UPDATE ON entries BEGIN DELETE FROM entries; END;",
            "trigger tidy is not made by mend",
        ),
        (
            "a trigger that copies every new entry elsewhere",
            "CREATE TABLE copies (body TEXT);
             CREATE TRIGGER mirror AFTER INSERT ON entries BEGIN INSERT INTO copies VALUES (new.body); END;",
            "trigger mirror is not made by mend",
        ),
        (
            "a table replaced by a view",
            "DROP TABLE entry_tags; CREATE VIEW entry_tags AS SELECT 1 AS entry_id, 'x' AS tag;",
            "view entry_tags is changed",
        ),
        (
            "a missing index",
            "DROP INDEX entries_by_day;",
            "index entries_by_day is missing",
        ),
    ];
    let mut failures = Vec::new();
    for (what, sql, expected) in cases {
        let env = TestEnv::new();
        env.write(&["An entry.", "--tag", "walk"]);
        assert!(env.stdout_of(&["check"]).contains("schema    ok"), "{what}");
        env.sql().execute_batch(sql).unwrap();
        let out = env.cmd().arg("check").output().unwrap();
        let printed = String::from_utf8_lossy(&out.stdout);
        if out.status.code() != Some(1) || !printed.contains(expected) {
            failures.push(format!(
                "{what}: exit {:?}, printed {printed}",
                out.status.code()
            ));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn an_unreadable_row_is_named_by_check_and_fails_export_naming_the_entry() {
    let env = TestEnv::new();
    env.write(&["A first entry."]);
    let bad = env.write(&["An entry whose time gets damaged."]);
    env.sql()
        .execute(
            "UPDATE entries SET created = 'sometime on tuesday' WHERE id = ?",
            [bad],
        )
        .unwrap();
    let printed = check_fails(&env);
    assert!(
        printed.contains(&format!("entry {bad}: its created cannot be read")),
        "{printed}"
    );
    let file = env.root().join("out.json");
    let out = env
        .cmd()
        .args(["export", "--format", "json", "-o", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = assert_one_line_error(&out.stderr);
    assert!(err.contains(&format!("entry {bad}")), "{err}");
    no_driver_text(&err);
    assert!(!file.exists(), "no half export is left");
    let out = env.cmd().args(["list"]).output().unwrap();
    let err = assert_one_line_error(&out.stderr);
    assert!(err.contains(&format!("entry {bad}")), "{err}");
}

#[test]
fn search_without_its_index_suggests_check() {
    let env = TestEnv::new();
    env.write(&["Words to find."]);
    env.sql().execute_batch("DROP TABLE entries_fts;").unwrap();
    let out = env.cmd().args(["search", "words"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = assert_one_line_error(&out.stderr);
    assert!(err.contains("mend check"), "{err}");
    no_driver_text(&err);
    // Reading still works, and check says what is missing.
    assert!(env.stdout_of(&["list"]).contains("Words to find."));
    let printed = check_fails(&env);
    assert!(
        printed.contains("table entries_fts is missing"),
        "{printed}"
    );
    // A save cannot index its text, and says so calmly.
    let out = env
        .cmd()
        .args(["write", "More words."])
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = assert_one_line_error(&out.stderr);
    no_driver_text(&err);
}

#[test]
fn a_journal_with_part_of_its_schema_is_named_calmly() {
    let env = TestEnv::new();
    env.write(&["An entry."]);
    let version: i64 = env
        .sql()
        .query_row("PRAGMA user_version", [], |r| r.get(0))
        .unwrap();
    for (what, sql) in [
        (
            "tables gone",
            "DROP TABLE entry_signals; DROP TABLE entry_analysis;",
        ),
        (
            "an older version with newer tables",
            "PRAGMA user_version = 2;",
        ),
    ] {
        let env = TestEnv::new();
        env.write(&["An entry."]);
        env.sql().execute_batch(sql).unwrap();
        let out = env.cmd().args(["list"]).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{what}");
        let err = assert_one_line_error(&out.stderr);
        assert!(err.contains("marked as a mend journal"), "{what}: {err}");
        no_driver_text(&err);
    }
    assert!(version > 2);
}
