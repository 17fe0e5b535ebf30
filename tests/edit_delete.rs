//! Changing and removing entries: `edit`, `delete`, `trash` and `restore`.

mod common;

use std::fs;

use common::{TestEnv, assert_entry_shape, assert_one_line_error, assert_time, mode, strings};
use serde_json::Value;

fn one_entry() -> (TestEnv, i64) {
    let env = TestEnv::new();
    let id = env.write(&[
        "--mood",
        "2",
        "--feel",
        "hurt,doubt",
        "--tag",
        "partner",
        "The first version of the text.",
    ]);
    (env, id)
}

#[test]
fn edit_in_the_editor_changes_the_text() {
    let (mut env, id) = one_entry();
    env.set_now("2026-11-21T16:30:00Z");
    env.editor_writes("A better version, after a #walk.\n");
    let out = env.cmd().args(["edit", &id.to_string()]).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).contains(&format!("Updated entry {id}")));
    let entry = env.show_json(id);
    assert_eq!(entry["body"], "A better version, after a #walk.");
    assert_time(&entry["updated"], "2026-11-21T16:30:00Z");
    assert_time(&entry["created"], "2026-11-21T15:00:00Z");
    // Details are kept; the new inline tag is added.
    assert_eq!(entry["mood"], 2);
    let mut tags = strings(&entry["tags"]);
    tags.sort();
    assert_eq!(tags, ["partner", "walk"]);
    let mut feelings = strings(&entry["feelings"]);
    feelings.sort();
    assert_eq!(feelings, ["doubt", "hurt"]);
}

#[test]
fn the_editor_gets_the_current_text() {
    let (env, id) = one_entry();
    // An editor that copies what it was given, then appends a line above the cut line.
    let copy = env.root().join("seen.md");
    env.set_editor_script(&format!(
        "cp \"$1\" '{}'\nprintf 'Only this.\\n' > \"$1\"\n",
        copy.display()
    ));
    env.cmd().args(["edit", &id.to_string()]).assert().success();
    let seen = fs::read_to_string(&copy).unwrap();
    assert!(seen.contains("The first version of the text."), "{seen}");
    assert_eq!(env.show_json(id)["body"], "Only this.");
}

#[test]
fn edit_with_unchanged_text_says_no_changes() {
    let (env, id) = one_entry();
    env.editor_unchanged();
    let before = env.show_json(id);
    let out = env.cmd().args(["edit", &id.to_string()]).output().unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("No changes"), "{err}");
    assert!(!String::from_utf8_lossy(&out.stdout).contains("Updated"));
    assert_eq!(env.show_json(id), before);
}

#[test]
fn edit_emptied_in_the_editor_changes_nothing() {
    let (env, id) = one_entry();
    env.editor_writes("\n\n");
    let before = env.show_json(id);
    let out = env.cmd().args(["edit", &id.to_string()]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_one_line_error(&out.stderr);
    assert_eq!(env.show_json(id), before);
}

/// The path named in "... kept in PATH; ..." or "... kept in PATH ...".
fn draft_path_in(message: &str) -> std::path::PathBuf {
    let rest = message
        .split("kept in ")
        .nth(1)
        .unwrap_or_else(|| panic!("no draft named in {message:?}"));
    let path: String = rest
        .chars()
        .take_while(|c| !c.is_whitespace() && *c != ';')
        .collect();
    std::path::PathBuf::from(path)
}

#[test]
fn a_failing_editor_keeps_the_text_as_a_draft() {
    let (env, id) = one_entry();
    env.editor_writes_then_fails("Words I do not want to lose.\n", 3);
    let before = env.show_json(id);
    let out = env.cmd().args(["edit", &id.to_string()]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = assert_one_line_error(&out.stderr);
    assert!(err.contains("status 3"), "{err}");
    let draft = draft_path_in(&err);
    assert!(
        draft.is_file(),
        "the draft {} should exist: {err}",
        draft.display()
    );
    assert_eq!(mode(&draft), 0o600);
    let kept = fs::read_to_string(&draft).unwrap();
    assert!(kept.contains("Words I do not want to lose."), "{kept}");
    assert_eq!(env.show_json(id), before, "the entry is left as it was");
    let listed = env.stdout_of(&["drafts"]);
    assert!(listed.contains("Words I do not want to lose."), "{listed}");
}

#[test]
fn a_failing_editor_that_wrote_nothing_keeps_no_draft() {
    let (env, id) = one_entry();
    env.set_editor_script("exit 4\n");
    let before = env.show_json(id);
    let out = env.cmd().args(["edit", &id.to_string()]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = assert_one_line_error(&out.stderr);
    assert!(err.contains("status 4"), "{err}");
    assert_eq!(env.show_json(id), before);
    assert!(env.draft_files().is_empty());
}

#[test]
fn edit_flags_change_only_what_they_name() {
    let (env, id) = one_entry();
    let sid = id.to_string();
    env.cmd()
        .args(["edit", &sid, "--mood", "4"])
        .assert()
        .success();
    let e = env.show_json(id);
    assert_eq!(e["mood"], 4);
    assert_eq!(e["body"], "The first version of the text.");

    env.cmd()
        .args(["edit", &sid, "--mood", "very-low"])
        .assert()
        .success();
    assert_eq!(env.show_json(id)["mood"], 1);

    env.cmd()
        .args(["edit", &sid, "--no-mood"])
        .assert()
        .success();
    assert_eq!(env.show_json(id)["mood"], Value::Null);

    env.cmd()
        .args(["edit", &sid, "--feel", "relief,jealous"])
        .assert()
        .success();
    let mut feelings = strings(&env.show_json(id)["feelings"]);
    feelings.sort();
    assert_eq!(feelings, ["jealousy", "relief"]);

    env.cmd()
        .args(["edit", &sid, "--tag", "walk,talk"])
        .assert()
        .success();
    let mut tags = strings(&env.show_json(id)["tags"]);
    tags.sort();
    assert_eq!(tags, ["talk", "walk"]);

    env.cmd()
        .args(["edit", &sid, "--feel", ""])
        .assert()
        .success();
    assert_eq!(env.show_json(id)["feelings"], serde_json::json!([]));
    env.cmd()
        .args(["edit", &sid, "--tag", ""])
        .assert()
        .success();
    assert_eq!(env.show_json(id)["tags"], serde_json::json!([]));

    env.cmd()
        .args(["edit", &sid, "--date", "last monday"])
        .assert()
        .success();
    assert_eq!(env.show_json(id)["day"], "2026-11-16");

    env.cmd()
        .args(["edit", &sid, "--text", "Replaced from the command line."])
        .assert()
        .success();
    let e = env.show_json(id);
    assert_eq!(e["body"], "Replaced from the command line.");
    assert_eq!(e["day"], "2026-11-16");
    assert_eq!(env.count_rows(), 1);
}

#[test]
fn edit_flags_do_not_open_the_editor() {
    let (env, id) = one_entry();
    let marker = env.root().join("editor-ran");
    env.set_editor_script(&format!("touch '{}'\n", marker.display()));
    env.cmd()
        .args(["edit", &id.to_string(), "--mood", "3"])
        .assert()
        .success();
    assert!(
        !marker.exists(),
        "the editor should not run when flags say what to change"
    );
}

#[test]
fn edit_text_from_stdin() {
    let (env, id) = one_entry();
    env.cmd()
        .args(["edit", &id.to_string(), "--text", "-"])
        .write_stdin("Read from a pipe\nwith two lines #evening\n")
        .assert()
        .success();
    let e = env.show_json(id);
    assert_eq!(e["body"], "Read from a pipe\nwith two lines #evening");
    let mut tags = strings(&e["tags"]);
    tags.sort();
    assert_eq!(tags, ["evening", "partner"]);
}

#[test]
fn edit_to_empty_text_is_refused() {
    let (env, id) = one_entry();
    let before = env.show_json(id);
    let out = env
        .cmd()
        .args(["edit", &id.to_string(), "--text", "   "])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_one_line_error(&out.stderr);
    assert_eq!(env.show_json(id), before);
}

#[test]
fn edit_to_a_future_day_is_refused() {
    let (env, id) = one_entry();
    let out = env
        .cmd()
        .args(["edit", &id.to_string(), "--date", "tomorrow"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_one_line_error(&out.stderr);
    assert_eq!(env.show_json(id)["day"], "2026-11-21");
}

#[test]
fn edit_a_missing_id() {
    let (env, _) = one_entry();
    let out = env
        .cmd()
        .args(["edit", "42", "--mood", "3"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = assert_one_line_error(&out.stderr);
    assert!(err.contains("42"), "{err}");
    let out = env.cmd().args(["edit", "42"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_one_line_error(&out.stderr);
}

#[test]
fn edit_mood_and_no_mood_conflict() {
    let (env, id) = one_entry();
    let out = env
        .cmd()
        .args(["edit", &id.to_string(), "--mood", "3", "--no-mood"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert_one_line_error(&out.stderr);
    assert_eq!(env.show_json(id)["mood"], 2);
}

#[test]
fn delete_with_yes_moves_to_the_trash() {
    let (env, id) = one_entry();
    let keep = env.write(&["Another entry about the first version"]);
    let out = env
        .cmd()
        .args(["delete", &id.to_string(), "--yes"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Moved 1 entry to the trash"), "{text}");
    assert!(text.contains(&format!("mend restore {id}")), "{text}");
    assert_eq!(env.list_ids(&[]), vec![keep]);
    let hits = env.json_of(&["search", "version", "--json"]);
    let hit_ids: Vec<i64> = hits
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_i64().unwrap())
        .collect();
    assert_eq!(hit_ids, vec![keep]);
    // Still in the file, in the trash.
    assert_eq!(env.count_rows(), 2);
}

#[test]
fn delete_without_yes_off_a_terminal_deletes_nothing() {
    let (env, id) = one_entry();
    let out = env
        .cmd()
        .args(["delete", &id.to_string()])
        .write_stdin("y\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = assert_one_line_error(&out.stderr);
    assert!(err.contains("--yes"), "{err}");
    assert_eq!(env.list_ids(&[]), vec![id]);
}

#[test]
fn a_missing_id_among_several_deletes_nothing() {
    let (env, id) = one_entry();
    let other = env.write(&["second"]);
    let out = env
        .cmd()
        .args(["delete", &id.to_string(), "99", &other.to_string(), "--yes"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = assert_one_line_error(&out.stderr);
    assert!(err.contains("99"), "{err}");
    assert_eq!(env.list_ids(&[]), vec![id, other]);
    assert_eq!(env.stdout_of(&["trash"]).trim(), "The trash is empty.");
}

#[test]
fn deleting_several_at_once() {
    let (env, id) = one_entry();
    let other = env.write(&["second"]);
    let third = env.write(&["third"]);
    let out = env
        .cmd()
        .args(["delete", &id.to_string(), &other.to_string(), "-y"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("Moved 2 entries"));
    assert_eq!(env.list_ids(&[]), vec![third]);
}

#[test]
fn a_repeated_id_is_counted_once() {
    let (env, id) = one_entry();
    let other = env.write(&["second"]);
    let (a, b) = (id.to_string(), other.to_string());
    let out = env
        .cmd()
        .args(["delete", &a, &b, &a, "--yes"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("Moved 2 entries"), "{text}");
    let suggested = text
        .split("mend restore ")
        .nth(1)
        .and_then(|rest| rest.split('`').next())
        .unwrap_or_else(|| panic!("no restore suggestion in {text}"));
    assert_eq!(suggested, format!("{a} {b}"), "{text}");
}

#[test]
fn deleting_a_trashed_entry_again_is_refused() {
    let (env, id) = one_entry();
    env.cmd()
        .args(["delete", &id.to_string(), "--yes"])
        .assert()
        .success();
    let out = env
        .cmd()
        .args(["delete", &id.to_string(), "--yes"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = assert_one_line_error(&out.stderr);
    assert!(err.contains("trash"), "{err}");
}

#[test]
fn trash_lists_what_was_deleted() {
    let (env, id) = one_entry();
    let other = env.write(&["Still here"]);
    env.cmd()
        .args(["delete", &id.to_string(), "--yes"])
        .assert()
        .success();
    let text = env.stdout_of(&["trash"]);
    assert!(text.contains("The first version of the text."), "{text}");
    assert!(text.contains("kept until 21 Dec 2026"), "{text}");
    assert!(!text.contains("Still here"), "{text}");
    let json = env.json_of(&["trash", "--json"]);
    let trashed = json.as_array().unwrap();
    let ids: Vec<i64> = trashed.iter().map(|e| e["id"].as_i64().unwrap()).collect();
    assert_eq!(ids, vec![id]);
    assert_ne!(id, other);
    assert_entry_shape(&trashed[0]);
    // Entries in the trash say when they were deleted.
    assert_time(&trashed[0]["deleted"], "2026-11-21T15:00:00Z");
}

#[test]
fn restore_brings_an_entry_back_whole() {
    let (env, id) = one_entry();
    let before = env.show_json(id);
    env.cmd()
        .args(["delete", &id.to_string(), "--yes"])
        .assert()
        .success();
    let out = env
        .cmd()
        .args(["restore", &id.to_string()])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains(&format!("Restored entry {id}")));
    let after = env.show_json(id);
    assert_eq!(after["body"], before["body"]);
    assert_eq!(after["mood"], before["mood"]);
    assert_eq!(after["feelings"], before["feelings"]);
    assert_eq!(after["tags"], before["tags"]);
    assert_eq!(after["uuid"], before["uuid"]);
    assert_eq!(env.list_ids(&["--tag", "partner"]), vec![id]);
    assert_eq!(env.list_ids(&["--feel", "hurt"]), vec![id]);
    assert_eq!(env.stdout_of(&["trash"]).trim(), "The trash is empty.");
    let hits = env.json_of(&["search", "version", "--json"]);
    assert_eq!(hits.as_array().unwrap().len(), 1);
}

#[test]
fn restore_of_an_id_not_in_the_trash() {
    let (env, id) = one_entry();
    for target in [id.to_string(), "77".to_string()] {
        let out = env.cmd().args(["restore", &target]).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "restore {target}");
        let err = assert_one_line_error(&out.stderr);
        assert!(
            err.contains(&target) && err.contains("not in the trash"),
            "{err}"
        );
    }
    assert_eq!(env.list_ids(&[]), vec![id]);
}

#[test]
fn the_trash_is_emptied_after_30_days() {
    let mut env = TestEnv::new();
    env.set_now("2026-10-01T09:00:00Z");
    let old = env.write(&["Written in October"]);
    env.cmd()
        .args(["delete", &old.to_string(), "--yes"])
        .assert()
        .success();

    // 29 days later it is still there.
    env.set_now("2026-10-30T09:00:00Z");
    let text = env.stdout_of(&["trash"]);
    assert!(text.contains("Written in October"), "{text}");

    // 31 days later it is gone for good.
    env.set_now("2026-11-01T09:00:00Z");
    let text = env.stdout_of(&["trash"]);
    assert!(!text.contains("Written in October"), "{text}");
    assert!(text.contains("The trash is empty."), "{text}");
    assert_eq!(env.count_rows(), 0);
    let out = env
        .cmd()
        .args(["restore", &old.to_string()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let out = env.cmd().args(["show", &old.to_string()]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = assert_one_line_error(&out.stderr);
    assert!(!err.contains("restore"), "{err}");
}

#[test]
fn restore_also_forgets_entries_older_than_30_days() {
    let mut env = TestEnv::new();
    env.set_now("2026-10-01T09:00:00Z");
    let old = env.write(&["Written in October"]);
    env.cmd()
        .args(["delete", &old.to_string(), "--yes"])
        .assert()
        .success();
    env.set_now("2026-11-21T15:00:00Z");
    let out = env
        .cmd()
        .args(["restore", &old.to_string()])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_one_line_error(&out.stderr);
    assert!(env.list_json().is_empty());
}

#[test]
fn visual_wins_over_editor() {
    let (env, id) = one_entry();
    env.editor_writes("from EDITOR\n");
    let visual = env.root().join("visual.sh");
    fs::write(&visual, "#!/bin/sh\nprintf 'from VISUAL\\n' > \"$1\"\n").unwrap();
    env.cmd()
        .env("VISUAL", format!("sh '{}'", visual.display()))
        .args(["edit", &id.to_string()])
        .assert()
        .success();
    assert_eq!(env.show_json(id)["body"], "from VISUAL");
}

#[test]
fn the_editor_works_on_a_private_file_that_is_removed_afterwards() {
    let (env, id) = one_entry();
    let seen = env.root().join("seen.txt");
    env.set_editor_script(&format!(
        "stat -c '%a' \"$1\" > '{seen}'\nstat -c '%a' \"$(dirname \"$1\")\" >> '{seen}'\nprintf 'changed\\n' > \"$1\"\n",
        seen = seen.display()
    ));
    env.cmd().args(["edit", &id.to_string()]).assert().success();
    let modes = fs::read_to_string(&seen).unwrap();
    let modes: Vec<&str> = modes.lines().collect();
    assert_eq!(modes, ["600", "700"], "the file and its folder are private");
    let scratch = env.root().join("run").join("mend");
    let left: Vec<_> = fs::read_dir(&scratch).unwrap().flatten().collect();
    assert!(
        left.is_empty(),
        "temporary files were left behind: {left:?}"
    );
    assert_eq!(env.show_json(id)["body"], "changed");
}

#[test]
fn the_edit_template_is_stripped() {
    let (env, id) = one_entry();
    // An editor that changes the text but keeps mend's notes below it.
    env.set_editor_script(
        "sed -i 's/first version/second version/' \"$1\"\nprintf '# a heading of my own\\n' | cat - \"$1\" > \"$1.new\" && mv \"$1.new\" \"$1\"\n",
    );
    env.cmd().args(["edit", &id.to_string()]).assert().success();
    assert_eq!(
        env.show_json(id)["body"],
        "# a heading of my own\nThe second version of the text."
    );
}

#[test]
fn editing_a_trashed_entry_points_to_restore() {
    let (env, id) = one_entry();
    env.cmd()
        .args(["delete", &id.to_string(), "--yes"])
        .assert()
        .success();
    let out = env
        .cmd()
        .args(["edit", &id.to_string(), "--mood", "5"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = assert_one_line_error(&out.stderr);
    assert!(err.contains(&format!("mend restore {id}")), "{err}");
    env.cmd()
        .args(["restore", &id.to_string()])
        .assert()
        .success();
    assert_eq!(env.show_json(id)["mood"], 2);
}
