//! Daylio CSV exports end to end: both column layouts, told apart by their header or named
//! with --format, moods through --mood-map, and files that import nothing when one row is bad.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use rstest::rstest;
use serde_json::Value;

use common::{TestEnv, assert_one_line_error};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn import(env: &TestEnv, file: &Path, extra: &[&str]) -> String {
    let mut args = vec!["import", file.to_str().unwrap()];
    args.extend_from_slice(extra);
    env.stdout_of(&args)
}

/// Runs `mend import`, expects one line on stderr and exit code 1, and returns the line.
fn refused(env: &TestEnv, file: &Path, extra: &[&str]) -> String {
    let out = env
        .cmd()
        .arg("import")
        .arg(file)
        .args(extra)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1), "{extra:?}");
    assert_one_line_error(&out.stderr)
}

/// The entry written on `day`, from `mend list --json`.
fn on(entries: &[Value], day: &str) -> Value {
    entries
        .iter()
        .find(|e| e["day"] == day)
        .unwrap_or_else(|| panic!("no entry on {day}"))
        .clone()
}

#[rstest]
#[case::named("daylio-export.csv", &["--format", "daylio"], 7)]
#[case::told_by_its_header("daylio-export.csv", &[], 7)]
#[case::older_layout_named("daylio-export-old.csv", &["--format", "daylio"], 3)]
#[case::older_layout_by_header("daylio-export-old.csv", &[], 3)]
fn a_daylio_export_imports_once(#[case] file: &str, #[case] extra: &[&str], #[case] count: usize) {
    let env = TestEnv::new();
    let report = import(&env, &fixture(file), extra);
    assert!(
        report.contains(&format!("{count} imported, 0 already in the journal")),
        "{report}"
    );
    assert_eq!(env.list_json().len(), count);
    for e in &env.list_json() {
        common::assert_entry_shape(e);
    }
    // The same rows again are the same entries.
    let again = import(&env, &fixture(file), extra);
    assert!(
        again.contains(&format!("0 imported, {count} already in the journal")),
        "{again}"
    );
}

#[test]
fn rows_become_entries_with_mood_tags_body_and_time() {
    let env = TestEnv::new();
    import(&env, &fixture("daylio-export.csv"), &[]);
    let entries = env.list_json();

    let walk = on(&entries, "2024-05-06");
    assert_eq!(walk["mood"], 4);
    assert_eq!(
        common::strings(&walk["tags"]),
        vec!["partner", "talk", "walk"]
    );
    assert_eq!(
        walk["body"],
        "After the walk\n\nWe walked by the river and he told me about the messages before I asked.\nIt helped that he brought it up himself."
    );
    common::assert_time(&walk["created"], "2024-05-06T21:40:00Z");

    let fear = on(&entries, "2024-05-04");
    assert_eq!(fear["mood"], 1);
    assert!(
        fear["body"]
            .as_str()
            .unwrap()
            .starts_with("The old fear\n\nWent through the bank statement again, line by line.")
    );
    let dinner = on(&entries, "2024-05-03");
    assert_eq!(dinner["mood"], 5);
    assert!(
        dinner["body"].as_str().unwrap().contains("\"the old me\""),
        "{dinner}"
    );
    // A #tag in the note joins the activities.
    let session = on(&entries, "2024-05-01");
    assert_eq!(
        common::strings(&session["tags"]),
        vec!["counselling", "partner", "therapy"]
    );
    // A day with a mood and an activity but no note is still an entry.
    let quiet = on(&entries, "2024-04-30");
    assert_eq!(quiet["mood"], 3);
    assert_eq!(quiet["body"], "");
    common::assert_time(&quiet["created"], "2024-04-30T22:45:00Z");

    let old = TestEnv::new();
    import(&old, &fixture("daylio-export-old.csv"), &[]);
    let entries = old.list_json();
    let cooked = on(&entries, "2019-06-12");
    assert_eq!(cooked["mood"], 4);
    assert_eq!(common::strings(&cooked["tags"]), vec!["cooking", "partner"]);
    common::assert_time(&cooked["created"], "2019-06-12T21:20:00Z");
    assert_eq!(on(&entries, "2019-06-11")["mood"], 2);
}

#[test]
fn renamed_moods_need_a_map_and_an_unknown_one_is_named_with_its_line() {
    let env = TestEnv::new();
    let file = fixture("daylio-renamed.csv");
    let line = refused(&env, &file, &[]);
    assert!(
        line.contains("line 2 (2024-06-02)") && line.contains("\"hopeful\""),
        "{line}"
    );
    assert!(
        line.contains("--mood-map") && line.contains("nothing was imported"),
        "{line}"
    );
    assert_eq!(env.count_rows(), 0);

    // A map that misses one label still imports nothing, and names the one it misses.
    let line = refused(&env, &file, &["--mood-map", "hopeful=4,okay=3"]);
    assert!(
        line.contains("line 4") && line.contains("\"rough\""),
        "{line}"
    );
    assert_eq!(env.count_rows(), 0);

    let report = import(&env, &file, &["--mood-map", "hopeful=4, okay=3, Rough=2"]);
    assert!(report.contains("3 imported"), "{report}");
    let entries = env.list_json();
    assert_eq!(on(&entries, "2024-06-02")["mood"], 4);
    assert_eq!(on(&entries, "2024-06-01")["mood"], 3);
    assert_eq!(on(&entries, "2024-05-31")["mood"], 2);
}

#[rstest]
#[case::not_a_pair(&["--mood-map", "great"], "label=mood")]
#[case::mood_out_of_range(&["--mood-map", "great=9"], "great=9")]
#[case::no_label(&["--mood-map", "=3"], "no label")]
#[case::for_another_format(&["--format", "jrnl", "--mood-map", "great=5"], "Daylio")]
fn a_bad_mood_map_is_refused_before_reading(#[case] extra: &[&str], #[case] says: &str) {
    let env = TestEnv::new();
    let line = refused(&env, &fixture("daylio-renamed.csv"), extra);
    assert!(line.contains(says), "{line}");
    assert_eq!(env.count_rows(), 0);
}

#[rstest]
#[case::a_date_that_does_not_exist("2024-02-30,Feb 30,Friday,10:00,good,,,x", "2024-02-30")]
#[case::a_time_that_does_not_exist("2024-02-01,Feb 1,Thursday,25:00,good,,,x", "25:00")]
#[case::a_mood_nobody_named("2024-02-01,Feb 1,Thursday,10:00,splendid,,,x", "\"splendid\"")]
fn one_bad_row_imports_nothing(#[case] row: &str, #[case] named: &str) {
    let env = TestEnv::new();
    let file = env.root().join("export.csv");
    let good = "2024-02-02,Feb 2,Friday,09:00,good,walk,,A good start.";
    fs::write(
        &file,
        format!(
            "full_date,date,weekday,time,mood,activities,note_title,note\n{good}\n{row}\n{good}x\n"
        ),
    )
    .unwrap();
    let line = refused(&env, &file, &[]);
    assert!(
        line.contains("export.csv: line 3") && line.contains(named),
        "{line}"
    );
    assert!(line.contains("nothing was imported"), "{line}");
    assert_eq!(env.count_rows(), 0);
    // With --skip-invalid the good rows go in and the bad one is named.
    let out = env
        .cmd()
        .args(["import", "--skip-invalid"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(out.status.success());
    let report = String::from_utf8_lossy(&out.stdout);
    assert!(
        report.contains("2 imported") && report.contains("1 entry skipped"),
        "{report}"
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 3"));
}

#[test]
fn a_csv_without_the_columns_is_refused() {
    let env = TestEnv::new();
    let file = env.root().join("other.csv");
    fs::write(&file, "date,mood\n2024-05-01,good\n").unwrap();
    let line = refused(&env, &file, &["--format", "daylio"]);
    assert!(
        line.contains("other.csv") && line.contains("column"),
        "{line}"
    );
    // Without --format, a CSV that is not Daylio's is not mistaken for one.
    let line = refused(&env, &file, &[]);
    assert!(
        line.contains("not valid JSON") && line.contains("Daylio"),
        "{line}"
    );
    assert_eq!(env.count_rows(), 0);
}
