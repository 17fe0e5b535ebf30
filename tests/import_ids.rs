//! Identity in imported files: entry numbers outside a sane range are refused before anything
//! is written, and a uuid repeated inside one file is reported, not counted as an entry that
//! is already in the journal.

mod common;

use common::{TestEnv, assert_one_line_error};
use serde_json::json;

fn entry(id: serde_json::Value, uuid: &str, day: &str, body: &str) -> serde_json::Value {
    json!({
        "id": id,
        "uuid": uuid,
        "day": day,
        "created": format!("{day}T10:00:00Z"),
        "updated": format!("{day}T10:00:00Z"),
        "mood": 3,
        "feelings": [],
        "tags": [],
        "prompt": null,
        "body": body,
    })
}

fn file(env: &TestEnv, name: &str, entries: Vec<serde_json::Value>) -> String {
    let doc = json!({"format": "mend", "version": 1, "exported": "2026-11-20T10:00:00Z", "entries": entries});
    let path = env.root().join(name);
    std::fs::write(&path, doc.to_string()).unwrap();
    path.display().to_string()
}

const U1: &str = "11111111-1111-4111-8111-111111111111";
const U2: &str = "22222222-2222-4222-8222-222222222222";
const U3: &str = "33333333-3333-4333-8333-333333333333";

#[test]
fn entry_numbers_out_of_range_are_refused_naming_the_entry() {
    for bad in [
        json!(9223372036854775807i64),
        json!(18446744073709551615u64),
        json!(0),
        json!(-4),
        json!(1_000_000_001),
    ] {
        let env = TestEnv::new();
        let path = file(
            &env,
            "big.json",
            vec![
                entry(json!(1), U1, "2026-11-01", "A first day."),
                entry(bad.clone(), U2, "2026-11-02", "A day with a huge number."),
            ],
        );
        let out = env.cmd().args(["import", &path]).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{bad}");
        let err = assert_one_line_error(&out.stderr);
        assert!(err.contains("entry 2"), "{bad}: {err}");
        assert!(err.contains("2026-11-02"), "{bad}: {err}");
        assert!(err.contains("\"id\""), "{bad}: {err}");
        assert!(err.contains("nothing was imported"), "{bad}: {err}");
        assert_eq!(env.count_rows(), 0, "{bad}: nothing was written");
        // The journal still takes new entries.
        env.write(&["Written after the refused import."]);
    }
    // The largest allowed number is kept, and later saves still work.
    let env = TestEnv::new();
    let path = file(
        &env,
        "edge.json",
        vec![entry(
            json!(1_000_000_000),
            U1,
            "2026-11-01",
            "Numbered high.",
        )],
    );
    env.cmd().args(["import", &path]).assert().success();
    let id = env.write(&["The next one."]);
    assert_eq!(id, 1_000_000_001);
}

#[test]
fn a_uuid_repeated_in_one_file_is_reported() {
    let env = TestEnv::new();
    env.write(&["Already here."]);
    // The same uuid with other words: a problem, named with both entries.
    let path = file(
        &env,
        "twice.json",
        vec![
            entry(json!(1), U1, "2026-11-01", "The first words."),
            entry(json!(2), U2, "2026-11-02", "Other words."),
            entry(json!(3), U1, "2026-11-03", "Different words, same uuid."),
        ],
    );
    let out = env.cmd().args(["import", &path]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = assert_one_line_error(&out.stderr);
    assert!(err.contains("entry 3"), "{err}");
    assert!(err.contains("entry 1"), "{err}");
    assert!(err.contains(U1), "{err}");
    assert_eq!(env.count_rows(), 1, "nothing was imported");

    // --skip-invalid imports the others and says what it skipped.
    let out = env
        .cmd()
        .args(["import", "--skip-invalid", &path])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("entry 3"));
    assert!(String::from_utf8_lossy(&out.stdout).contains("2 imported"));

    // The very same entry twice is kept once and counted as a repeat, not as "already there".
    let env = TestEnv::new();
    let same = entry(json!(1), U3, "2026-11-01", "Exported twice.");
    let path = file(&env, "same.json", vec![same.clone(), same]);
    let said = env.stdout_of(&["import", &path]);
    assert!(
        said.contains("1 imported, 0 already in the journal"),
        "{said}"
    );
    assert!(said.contains("1 entry repeated in the file"), "{said}");
    let dry = env.stdout_of(&["import", "--dry-run", &path]);
    assert!(dry.contains("0 would be imported, 1 already"), "{dry}");
    assert!(dry.contains("1 entry repeated in the file"), "{dry}");
}
