//! The interactive flow, driven through a real pseudo-terminal: the editor, the mood and
//! feelings questions, and the delete confirmation.

mod common;

use common::pty::{DOWN, ENTER, SPACE, expect, finish, lock, send, spawn, start};
use common::{TestEnv, strings};
use serde_json::Value;

/// The feeling names in the order the question lists them.
fn feeling_names(env: &TestEnv) -> Vec<String> {
    env.json_of(&["feelings", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|family| strings(&family["feelings"]))
        .collect()
}

#[test]
fn write_on_a_terminal_uses_the_editor_then_asks_mood_and_feelings() {
    let _guard = lock();
    let env = TestEnv::new();
    env.editor_writes("Written in the editor.\nWe talked about the #phone.\n");
    let names = feeling_names(&env);

    let mut s = spawn(&env, &["--color", "never", "write"]);
    expect(&mut s, "How did the day feel?");
    for _ in 0..4 {
        send(&mut s, DOWN);
    }
    send(&mut s, ENTER);
    expect(&mut s, "Which feelings were there?");
    // Choose the first and the third feeling.
    send(&mut s, SPACE);
    send(&mut s, DOWN);
    send(&mut s, DOWN);
    send(&mut s, SPACE);
    send(&mut s, ENTER);
    expect(&mut s, "Saved entry 1");
    let (code, _) = finish(&mut s);
    assert_eq!(code, 0);

    let entry = env.show_json(1);
    assert_eq!(
        entry["body"],
        "Written in the editor.\nWe talked about the #phone."
    );
    assert_eq!(entry["mood"], 4);
    let mut feelings = strings(&entry["feelings"]);
    feelings.sort();
    let mut expected = vec![names[0].clone(), names[2].clone()];
    expected.sort();
    assert_eq!(feelings, expected);
    assert_eq!(strings(&entry["tags"]), ["phone"]);
}

#[test]
fn enter_skips_both_questions() {
    let _guard = lock();
    let env = TestEnv::new();
    env.editor_writes("Nothing to rate today.\n");
    let mut s = spawn(&env, &["--color", "never", "write"]);
    expect(&mut s, "How did the day feel?");
    send(&mut s, ENTER);
    expect(&mut s, "Which feelings were there?");
    send(&mut s, ENTER);
    expect(&mut s, "Saved entry 1");
    let (code, _) = finish(&mut s);
    assert_eq!(code, 0);
    let entry = env.show_json(1);
    assert_eq!(entry["body"], "Nothing to rate today.");
    assert_eq!(entry["mood"], Value::Null);
    assert_eq!(entry["feelings"], serde_json::json!([]));
}

#[test]
fn given_mood_and_feelings_are_not_asked_again() {
    let _guard = lock();
    let env = TestEnv::new();
    let mut s = spawn(
        &env,
        &[
            "--color",
            "never",
            "write",
            "--mood",
            "2",
            "--feel",
            "hurt",
            "Text on the command line",
        ],
    );
    let (code, output) = finish(&mut s);
    assert_eq!(code, 0, "{output}");
    assert!(output.contains("Saved entry 1"), "{output}");
    assert!(!output.contains("How did the day feel?"), "{output}");
    assert!(!output.contains("Which feelings"), "{output}");
    let entry = env.show_json(1);
    assert_eq!(entry["mood"], 2);
    assert_eq!(strings(&entry["feelings"]), ["hurt"]);
    assert_eq!(entry["body"], "Text on the command line");
}

#[test]
fn questions_work_with_colour_too() {
    let _guard = lock();
    let env = TestEnv::new();
    env.editor_writes("In colour.\n");
    let mut s = spawn(&env, &["write"]);
    expect(&mut s, "How did the day feel?");
    send(&mut s, DOWN);
    send(&mut s, DOWN);
    send(&mut s, ENTER);
    expect(&mut s, "Which feelings were there?");
    send(&mut s, ENTER);
    expect(&mut s, "Saved entry 1");
    let (code, _) = finish(&mut s);
    assert_eq!(code, 0);
    let entry = env.show_json(1);
    assert_eq!(entry["mood"], 2);
    assert_eq!(entry["body"], "In colour.");
}

#[test]
fn the_editor_template_is_stripped() {
    let _guard = lock();
    let env = TestEnv::new();
    // An editor that writes above the template mend put in the file, keeping the template.
    let script = "printf 'Above the line.\\n' > \"$1.new\"\ncat \"$1\" >> \"$1.new\"\nmv \"$1.new\" \"$1\"\n";
    env.set_editor_script(script);
    let mut s = spawn(
        &env,
        &["--color", "never", "write", "--mood", "3", "--feel", "hope"],
    );
    expect(&mut s, "Saved entry 1");
    let (code, _) = finish(&mut s);
    assert_eq!(code, 0);
    assert_eq!(env.show_json(1)["body"], "Above the line.");
}

#[test]
fn an_empty_editor_saves_nothing() {
    let _guard = lock();
    let env = TestEnv::new();
    env.editor_unchanged();
    let mut s = spawn(&env, &["--color", "never", "write"]);
    expect(&mut s, "nothing was saved");
    let (code, output) = finish(&mut s);
    assert_eq!(code, 0, "{output}");
    assert!(env.list_json().is_empty());
}

#[test]
fn a_failing_editor_keeps_a_draft() {
    let _guard = lock();
    let env = TestEnv::new();
    env.editor_writes_then_fails("Half a thought I want to keep.\n", 3);
    let mut s = spawn(&env, &["--color", "never", "write"]);
    let before = expect(&mut s, "status 3");
    let (code, after) = finish(&mut s);
    let output = format!("{before}status 3{after}");
    assert_eq!(code, 1, "{output}");
    assert!(env.list_json().is_empty());
    let drafts = env.draft_files();
    assert_eq!(drafts.len(), 1, "{drafts:?}");
    assert!(
        output.contains(&drafts[0].display().to_string()),
        "the message names the draft: {output}"
    );
    let kept = std::fs::read_to_string(&drafts[0]).unwrap();
    assert!(kept.contains("Half a thought I want to keep."), "{kept}");
    assert_eq!(common::mode(&drafts[0]), 0o600);
}

#[test]
fn delete_on_a_terminal_asks_first() {
    let _guard = lock();
    let env = TestEnv::new();
    let id = env.write(&["An entry to think twice about"]);

    let mut s = spawn(&env, &["--color", "never", "delete", &id.to_string()]);
    expect(&mut s, "Move 1 entry to the trash?");
    send(&mut s, "n");
    expect(&mut s, "Nothing was deleted.");
    let (code, _) = finish(&mut s);
    assert_eq!(code, 0);
    assert_eq!(env.list_ids(&[]), vec![id]);

    let mut s = spawn(&env, &["--color", "never", "delete", &id.to_string()]);
    expect(&mut s, "Move 1 entry to the trash?");
    send(&mut s, "y");
    expect(&mut s, "Moved 1 entry to the trash");
    let (code, _) = finish(&mut s);
    assert_eq!(code, 0);
    assert!(env.list_ids(&[]).is_empty());
    let trash = env.json_of(&["trash", "--json"]);
    assert_eq!(trash.as_array().unwrap().len(), 1);
}

#[test]
fn delete_on_a_terminal_defaults_to_no() {
    let _guard = lock();
    let env = TestEnv::new();
    let id = env.write(&["Keep me"]);
    let mut s = spawn(&env, &["--color", "never", "delete", &id.to_string()]);
    expect(&mut s, "Move 1 entry to the trash?");
    send(&mut s, ENTER);
    expect(&mut s, "Nothing was deleted.");
    let (code, _) = finish(&mut s);
    assert_eq!(code, 0);
    assert_eq!(env.list_ids(&[]), vec![id]);
}

#[test]
fn interrupting_a_question_keeps_the_entry() {
    let _guard = lock();
    let env = TestEnv::new();
    env.editor_writes("Saved before any question.\n");
    let mut s = spawn(&env, &["--color", "never", "write"]);
    expect(&mut s, "How did the day feel?");
    send(&mut s, "\x03");
    let _ = s.exp_eof();
    let _ = s.process().wait();
    let entry = env.show_json(1);
    assert_eq!(entry["body"], "Saved before any question.");
    assert_eq!(entry["mood"], Value::Null);
}

/// Runs `mend ARGS` on a terminal to the end and returns its exit code and output.
fn run_on_terminal(env: &TestEnv, extra_env: &[(&str, &str)], args: &[&str]) -> (i32, String) {
    let _guard = lock();
    let mut cmd = env.std_cmd();
    cmd.env("TERM", "xterm").args(args);
    for (k, v) in extra_env {
        cmd.env(k, v);
    }
    let mut s = start(cmd);
    finish(&mut s)
}

#[test]
fn a_terminal_gets_colour_unless_no_color_is_set() {
    let env = TestEnv::new();
    env.write(&["--mood", "4", "A day in colour"]);
    let (code, out) = run_on_terminal(&env, &[], &["list"]);
    assert_eq!(code, 0);
    assert!(out.contains("A day in colour"), "{out:?}");
    assert!(out.contains("\x1b["), "auto colours on a terminal: {out:?}");
    let (code, out) = run_on_terminal(&env, &[("NO_COLOR", "1")], &["list"]);
    assert_eq!(code, 0);
    assert!(out.contains("A day in colour"), "{out:?}");
    assert!(!out.contains('\x1b'), "NO_COLOR turns colour off: {out:?}");
}

#[test]
fn control_characters_are_escaped_on_a_terminal() {
    let env = TestEnv::new();
    env.write_stdin(&[], "Careful \x1b]0;new title\x07 and \x1b[2J cleared");
    for args in [
        vec!["--color", "never", "list"],
        vec!["--color", "never", "show", "1"],
        vec!["--color", "never", "list", "--short"],
        vec!["--color", "never", "search", "careful"],
    ] {
        let (code, out) = run_on_terminal(&env, &[], &args);
        assert_eq!(code, 0, "{args:?}");
        assert!(out.contains("Careful"), "{args:?}: {out:?}");
        assert!(
            !out.contains('\x1b'),
            "{args:?} let a raw escape through: {out:?}"
        );
        assert!(
            !out.contains('\x07'),
            "{args:?} let a raw bell through: {out:?}"
        );
    }
}

#[test]
fn only_the_missing_question_is_asked() {
    let _guard = lock();
    let env = TestEnv::new();
    let mut s = spawn(
        &env,
        &[
            "--color",
            "never",
            "write",
            "--mood",
            "5",
            "A very good day",
        ],
    );
    let before = expect(&mut s, "Which feelings were there?");
    assert!(!before.contains("How did the day feel?"), "{before}");
    send(&mut s, SPACE);
    send(&mut s, ENTER);
    expect(&mut s, "Saved entry 1");
    let (code, _) = finish(&mut s);
    assert_eq!(code, 0);
    let entry = env.show_json(1);
    assert_eq!(entry["mood"], 5);
    assert_eq!(
        strings(&entry["feelings"]),
        [feeling_names(&env)[0].clone()]
    );
}

#[test]
fn escape_skips_a_question() {
    let _guard = lock();
    let env = TestEnv::new();
    let mut s = spawn(&env, &["--color", "never", "write", "Skipped with Escape"]);
    expect(&mut s, "How did the day feel?");
    send(&mut s, DOWN);
    send(&mut s, "\x1b");
    expect(&mut s, "Which feelings were there?");
    send(&mut s, SPACE);
    send(&mut s, "\x1b");
    expect(&mut s, "Saved entry 1");
    let (code, _) = finish(&mut s);
    assert_eq!(code, 0);
    let entry = env.show_json(1);
    assert_eq!(entry["mood"], Value::Null);
    assert_eq!(entry["feelings"], serde_json::json!([]));
}
