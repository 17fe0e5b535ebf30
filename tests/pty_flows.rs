//! The guided and editor flows on a real pseudo-terminal, with the real questions: a naive
//! writer who types at the cursor in every flow, and Ctrl-C (or a signal) at every question
//! and halfway through an answer. Nothing typed is lost, and nothing mend wrote is saved.

mod common;

use common::pty::{CTRL_C, DOWN, ENTER, expect, finish, lock, send, send_to_list, spawn_plain};
use common::{TestEnv, strings};
use rexpect::ReadUntil;
use rexpect::process::{Signal, WaitStatus};
use rexpect::session::PtySession;
use serde_json::Value;
use std::fs;
use std::path::PathBuf;

const SHOW_CURSOR: &str = "\x1b[?25h";
const SCISSORS: &str = "# ------------------------ >8 ------------------------";

/// An editor as a naive writer uses it: `typed` goes in at the cursor (line 1), with no
/// newline, and the file is saved. The file as mend wrote it is copied aside first.
fn naive_editor(env: &TestEnv, typed: &str) -> PathBuf {
    let seen = env.root().join("template-seen.txt");
    fs::write(env.root().join("typed.txt"), typed).unwrap();
    env.set_editor_script(&format!(
        "cp \"$1\" '{seen}'\ncat '{typed}' \"$1\" > \"$1.new\"\nmv \"$1.new\" \"$1\"\n",
        seen = seen.display(),
        typed = env.root().join("typed.txt").display()
    ));
    seen
}

/// Answers whatever comes (follow-ups, mood, feelings) with Enter, to the end.
fn enter_through(s: &mut PtySession) -> (i32, String) {
    let mut seen = String::new();
    loop {
        let found = s
            .exp_any(vec![
                ReadUntil::String("skips)\r\n> ".into()),
                ReadUntil::String("How did the day feel?".into()),
                ReadUntil::String("Which feelings were there?".into()),
                ReadUntil::EOF,
            ])
            .unwrap_or_else(|e| panic!("waiting for a question: {e}; so far {seen}"));
        seen.push_str(&found.0);
        seen.push_str(&found.1);
        if found.1.starts_with("skips") {
            send(s, ENTER);
        } else if found.1.starts_with("How") || found.1.starts_with("Which") {
            send_to_list(s, ENTER);
        } else {
            let code = match s.process().wait().expect("waiting for mend") {
                WaitStatus::Exited(_, code) => code,
                other => panic!("mend ended with {other:?}: {seen}"),
            };
            return (code, seen);
        }
    }
}

#[test]
fn a_naive_writer_keeps_exactly_their_words_in_every_flow() {
    let _guard = lock();
    let typed = "I just started typing. # not a heading, #hope · step 1 of 6";
    // (flow, set-up, arguments, expected body)
    let flows: Vec<(&str, Vec<&str>, Vec<&str>, String)> = vec![
        ("write", vec![], vec!["write"], typed.to_string()),
        (
            "prompt",
            vec![],
            vec!["prompt", "--theme", "forgiveness"],
            typed.to_string(),
        ),
        (
            "path",
            vec!["path", "start", "forgiveness"],
            vec!["path", "next"],
            typed.to_string(),
        ),
        (
            "edit",
            vec!["write", "Old words."],
            vec!["edit", "1"],
            format!("{typed}Old words."),
        ),
    ];
    let mut failures = Vec::new();
    for (name, setup, args, expected) in flows {
        let env = TestEnv::new();
        if !setup.is_empty() {
            env.stdout_of(&setup);
        }
        let seen = naive_editor(&env, typed);
        let mut s = spawn_plain(&env, &args);
        let (code, output) = enter_through(&mut s);
        let template = fs::read_to_string(&seen).unwrap_or_default();
        let first_line = template.lines().next().unwrap_or("").to_string();
        let entries = env.list_json();
        let body = entries
            .last()
            .map(|e| e["body"].as_str().unwrap_or("").to_string())
            .unwrap_or_default();
        let below = template.split(SCISSORS).nth(1).unwrap_or("");
        let above = template.split(SCISSORS).next().unwrap_or("");
        let mut problems = Vec::new();
        if code != 0 {
            problems.push(format!("exit {code}: {output}"));
        }
        if body != expected {
            problems.push(format!("body {body:?}, expected {expected:?}"));
        }
        if name != "edit" && !first_line.is_empty() {
            problems.push(format!("line 1 is {first_line:?}, not empty"));
        }
        if name != "edit" && above.contains('#') {
            problems.push(format!("something of mend's above the scissors: {above:?}"));
        }
        if !below.lines().skip(1).all(|l| l.starts_with('#')) {
            problems.push(format!(
                "a line below the scissors is not a comment: {below:?}"
            ));
        }
        if entries.len() != 1 {
            problems.push(format!("{} entries", entries.len()));
        }
        if let Some(e) = entries.last()
            && name != "write"
            && name != "edit"
        {
            // The question is linked, never part of the text.
            let question = e["prompt"]["text"].as_str().unwrap_or("");
            if question.is_empty() || body.contains(question) {
                problems.push(format!("question {question:?} and body {body:?}"));
            }
            // Comment lines are wrapped: compare the words, not the lines.
            let words = |t: &str| {
                t.split_whitespace()
                    .filter(|w| *w != "#")
                    .collect::<Vec<_>>()
                    .join(" ")
            };
            if !words(below).contains(&words(question.lines().next().unwrap_or(""))) {
                problems.push(format!("the question is not below the scissors: {below}"));
            }
        }
        if let Some(e) = entries.last()
            && !strings(&e["tags"]).contains(&"hope".to_string())
        {
            problems.push(format!("#hope not a tag: {}", e["tags"]));
        }
        if !problems.is_empty() {
            failures.push(format!("{name}: {problems:#?}"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

/// The only draft's text, after its details block.
fn only_draft_text(env: &TestEnv) -> String {
    let mut drafts = env.draft_files();
    if let Ok(read) = fs::read_dir(env.root().join("run").join("mend").join("drafts")) {
        drafts.extend(read.flatten().map(|e| e.path()));
    }
    assert_eq!(drafts.len(), 1, "one draft expected: {drafts:?}");
    let text = fs::read_to_string(&drafts[0]).unwrap();
    let body = text.split_once("\n---\n").expect("a details block").1;
    body.strip_suffix('\n').unwrap_or(body).to_string()
}

fn drafts_listing(env: &TestEnv) -> String {
    env.stdout_of(&["drafts"])
}

#[test]
fn ctrl_c_halfway_through_an_inline_answer_keeps_every_word_as_a_draft() {
    let _guard = lock();
    let env = TestEnv::new();
    let mut s = spawn_plain(&env, &["prompt", "--theme", "forgiveness", "--inline"]);
    expect(&mut s, "An empty line finishes.");
    send(&mut s, "The first line, finished.\r");
    send(&mut s, "and half a second lin");
    expect(&mut s, "half a second lin");
    send(&mut s, CTRL_C);
    let (code, output) = finish(&mut s);
    assert_eq!(code, 1, "{output}");
    assert!(output.contains("kept in"), "it says where: {output}");
    assert_eq!(
        only_draft_text(&env),
        "The first line, finished.\nand half a second lin"
    );
    assert!(env.list_json().is_empty());
    let listing = drafts_listing(&env);
    assert!(
        !listing.contains("every text you wrote was saved"),
        "{listing}"
    );
    assert!(listing.contains("The first line, finished."), "{listing}");
    // The draft is recovered with its prompt link.
    let out = env.stdout_of(&["drafts", "recover", "1"]);
    assert!(out.contains("Saved entry 1"), "{out}");
    let entry = env.show_json(1);
    assert_eq!(
        entry["body"],
        "The first line, finished.\nand half a second lin"
    );
    assert!(
        entry["prompt"]["id"]
            .as_str()
            .unwrap()
            .starts_with("forgiveness/")
    );
}

#[test]
fn ctrl_c_before_typing_keeps_nothing_and_says_so() {
    let _guard = lock();
    let env = TestEnv::new();
    let mut s = spawn_plain(&env, &["prompt", "--inline"]);
    expect(&mut s, "An empty line finishes.");
    send(&mut s, CTRL_C);
    let (code, output) = finish(&mut s);
    assert_eq!(code, 1, "{output}");
    assert!(output.contains("nothing was saved"), "{output}");
    assert!(env.draft_files().is_empty());
    assert!(drafts_listing(&env).contains("every text you wrote was saved"));
}

#[test]
fn a_signal_while_typing_an_inline_answer_keeps_it() {
    let _guard = lock();
    for signal in [Signal::SIGTERM, Signal::SIGHUP] {
        let env = TestEnv::new();
        let mut s = spawn_plain(&env, &["prompt", "--inline"]);
        expect(&mut s, "An empty line finishes.");
        send(&mut s, "Typed before the window closed");
        expect(&mut s, "window closed");
        s.process_mut().signal(signal).unwrap();
        let rest = s.exp_eof().unwrap_or_default();
        let status = s.process().wait().unwrap();
        assert!(
            matches!(status, WaitStatus::Exited(_, 1)),
            "{signal:?}: {status:?} {rest}"
        );
        assert_eq!(
            only_draft_text(&env),
            "Typed before the window closed",
            "{signal:?}"
        );
    }
}

#[test]
fn ctrl_c_halfway_through_a_follow_up_keeps_the_answer_and_the_half_reply() {
    let _guard = lock();
    let env = TestEnv::new();
    let mut s = spawn_plain(&env, &["prompt", "--theme", "forgiveness", "--inline"]);
    expect(&mut s, "An empty line finishes.");
    send(&mut s, "My main answer.\r\r");
    expect(&mut s, "skips)\r\n> ");
    send(&mut s, "half a repl");
    expect(&mut s, "half a repl");
    send(&mut s, CTRL_C);
    let (code, output) = finish(&mut s);
    assert_eq!(code, 1, "{output}");
    assert!(
        output.contains("stopped at a follow-up question"),
        "{output}"
    );
    assert!(
        output.contains("mood and feelings were not asked"),
        "{output}"
    );
    let entry = &env.list_json()[0];
    let body = entry["body"].as_str().unwrap();
    assert!(body.starts_with("My main answer.\n\n**"), "{body}");
    assert!(body.ends_with("**\n\nhalf a repl"), "{body}");
    assert!(env.draft_files().is_empty());
}

#[test]
fn ctrl_c_at_each_question_keeps_what_came_before_and_shows_the_cursor() {
    let _guard = lock();
    let mut failures = Vec::new();
    // Ctrl-C at the mood question.
    {
        let env = TestEnv::new();
        env.editor_writes("Saved before any question.\n");
        let mut s = spawn_plain(&env, &["write"]);
        expect(&mut s, "How did the day feel?");
        send_to_list(&mut s, CTRL_C);
        let (code, output) = finish(&mut s);
        let entry = env.show_json(1);
        if code != 1
            || !output.contains("stopped at the mood question")
            || !output.contains(SHOW_CURSOR)
            || entry["mood"] != Value::Null
            || entry["body"] != "Saved before any question."
        {
            failures.push(format!("mood: {code} {output:?} {entry}"));
        }
    }
    // Ctrl-C at the feelings question, after a mood was chosen.
    {
        let env = TestEnv::new();
        env.editor_writes("A mood, then Ctrl-C.\n");
        let mut s = spawn_plain(&env, &["write"]);
        expect(&mut s, "How did the day feel?");
        send_to_list(&mut s, &format!("{DOWN}{DOWN}{DOWN}{DOWN}{ENTER}"));
        expect(&mut s, "Which feelings were there?");
        send_to_list(&mut s, &format!(" {CTRL_C}"));
        let (code, output) = finish(&mut s);
        let entry = env.show_json(1);
        if code != 1
            || !output.contains("stopped at the feelings question")
            || !output.contains("with the mood you chose")
            || !output.contains(SHOW_CURSOR)
            || entry["mood"] != 4
            || entry["feelings"] != serde_json::json!([])
        {
            failures.push(format!("feelings: {code} {output:?} {entry}"));
        }
    }
    // Ctrl-C at the delete confirmation: nothing is deleted, the cursor is back.
    {
        let env = TestEnv::new();
        env.write(&["Keep me"]);
        let mut s = spawn_plain(&env, &["delete", "1"]);
        expect(&mut s, "Move 1 entry to the trash?");
        send_to_list(&mut s, CTRL_C);
        let (code, output) = finish(&mut s);
        if code == 0 || !output.contains(SHOW_CURSOR) || env.list_ids(&[]) != vec![1] {
            failures.push(format!("delete: {code} {output:?}"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

#[test]
fn ctrl_c_while_the_editor_is_open_keeps_its_text() {
    let _guard = lock();
    let env = TestEnv::new();
    // An editor that has written and is still open; Ctrl-C reaches it and mend alike.
    env.set_editor_script("printf 'Written, then Ctrl-C.' > \"$1\"\necho editing\nexec sleep 30\n");
    let mut s = spawn_plain(&env, &["write"]);
    expect(&mut s, "editing");
    send(&mut s, CTRL_C);
    let (code, output) = finish(&mut s);
    assert_eq!(code, 1, "{output}");
    assert!(output.contains("while your editor was open"), "{output}");
    assert_eq!(only_draft_text(&env), "Written, then Ctrl-C.");
    let scratch: Vec<_> = fs::read_dir(env.root().join("run").join("mend"))
        .unwrap()
        .flatten()
        .filter(|e| e.path().is_file())
        .collect();
    assert!(
        scratch.is_empty(),
        "the editor's file is removed: {scratch:?}"
    );
}

#[test]
fn sigterm_at_a_question_still_ends_mend_at_once_with_the_entry_saved() {
    let _guard = lock();
    let env = TestEnv::new();
    env.editor_writes("Saved, then the session ended.\n");
    let mut s = spawn_plain(&env, &["write"]);
    expect(&mut s, "How did the day feel?");
    s.process_mut().signal(Signal::SIGTERM).unwrap();
    let _ = s.exp_eof();
    let status = s.process().wait().unwrap();
    assert!(
        matches!(status, WaitStatus::Signaled(_, Signal::SIGTERM, _)),
        "{status:?}"
    );
    assert_eq!(env.show_json(1)["body"], "Saved, then the session ended.");
}
