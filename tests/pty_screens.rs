//! Screens on real pseudo-terminals of 60 and 100 columns with colour on: every line fits,
//! no word is broken at the edge, coloured columns line up as plain ones do, a wrapped reply
//! is drawn once; the feelings filter and the mood digits; the first-run question of which
//! side the writer is on.

mod common;

use common::pty::{DOWN, ENTER, SPACE, expect, finish, lock, send, spawn_at};
use common::{TestEnv, strings};
use serde_json::Value;
use std::fs;

/// What a screen shows: colour codes removed, line ends made plain. The pseudo-terminal's
/// reader hands back one char per byte; they are read as UTF-8 again first.
fn seen(raw: &str) -> String {
    let text = if raw.chars().all(|c| (c as u32) < 256) {
        let bytes: Vec<u8> = raw.chars().map(|c| c as u32 as u8).collect();
        String::from_utf8_lossy(&bytes).into_owned()
    } else {
        raw.to_string()
    };
    let mut out = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\x1b' {
            if chars.peek() == Some(&'[') {
                chars.next();
                for d in chars.by_ref() {
                    if ('@'..='~').contains(&d) {
                        break;
                    }
                }
            }
            continue;
        }
        if c != '\r' {
            out.push(c);
        }
    }
    out
}

/// The whole output of a command that asks nothing, on a terminal `cols` wide.
fn screen(env: &TestEnv, cols: usize, args: &[&str]) -> String {
    let mut s = spawn_at(env, cols, args);
    let (code, out) = finish(&mut s);
    assert_eq!(code, 0, "{args:?}: {out}");
    out
}

fn assert_fits(what: &str, text: &str, cols: usize) {
    for line in text.lines() {
        let width = line.chars().count();
        assert!(
            width <= cols,
            "{what}: a line of {width} columns on a {cols}-column terminal: {line:?}"
        );
    }
}

/// Every word of `source` is somewhere whole in `shown` (a word broken at the edge is not).
fn assert_words_whole(what: &str, shown: &str, source: &str) {
    let shown_words: std::collections::HashSet<&str> = shown.split_whitespace().collect();
    for word in source.split_whitespace() {
        assert!(
            shown_words.contains(word),
            "{what}: the word {word:?} was broken or lost:\n{shown}"
        );
    }
}

fn some_entries(env: &TestEnv) {
    for i in 1..=12 {
        env.write(&[
            "--mood",
            "3",
            &format!(
                "Entry {i}: we talked about the phone and what felt different in the directions we took #phone #night"
            ),
        ]);
    }
}

#[test]
fn screens_fit_60_and_100_columns_with_colour_and_line_up_as_plain_ones() {
    let _guard = lock();
    let env = TestEnv::new();
    some_entries(&env);
    env.write(&["--date", "yesterday", "Short one."]);
    let themes = env.json_of(&["prompts", "themes", "--json"]);
    let descriptions: Vec<String> = themes
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["description"].as_str().unwrap().to_string())
        .collect();
    let paths = env.json_of(&["path", "list", "--json"]);
    assert!(paths.as_array().is_some_and(|p| !p.is_empty()));

    for cols in [60, 100] {
        for args in [
            &["list", "--short"][..],
            &["prompts", "themes"][..],
            &["path", "list"][..],
            &["list", "-n", "2"][..],
        ] {
            let mut coloured_args = vec!["--color", "always", "--no-pager"];
            coloured_args.extend_from_slice(args);
            let coloured = screen(&env, cols, &coloured_args);
            assert!(coloured.contains("\x1b["), "{args:?}: colour was asked for");
            let mut plain_args = vec!["--color", "never", "--no-pager"];
            plain_args.extend_from_slice(args);
            let plain = seen(&screen(&env, cols, &plain_args));
            let coloured = seen(&coloured);
            assert_fits(&format!("{args:?} at {cols}"), &coloured, cols);
            // Padding counted without colour codes: the same columns either way.
            assert_eq!(
                coloured, plain,
                "{args:?} at {cols}: colour moved the columns"
            );
        }
        // Ids right-aligned in one column, days after them.
        let short = seen(&screen(
            &env,
            cols,
            &["--color", "always", "list", "--short"],
        ));
        for line in short.lines().filter(|l| l.contains("2026-")) {
            assert_eq!(line.find("2026-"), Some(7), "{line:?}");
        }
        let shown = seen(&screen(
            &env,
            cols,
            &["--color", "always", "prompts", "themes"],
        ));
        for d in &descriptions {
            assert_words_whole(&format!("prompts themes at {cols}"), &shown, d);
        }
    }
}

#[test]
fn a_long_follow_up_reply_wraps_and_is_drawn_once() {
    let _guard = lock();
    let env = TestEnv::new();
    let dir = env.root().join("xdg-config/mend/prompts");
    fs::create_dir_all(&dir).unwrap();
    fs::write(
        dir.join("mine.toml"),
        "theme = \"evenings\"\ntitle = \"Evenings\"\n\n[[prompt]]\nid = \"evenings/one\"\ntext = \"What happened this evening, and what would you like to do differently the next time a talk like this one starts to go wrong?\"\nfollow_ups = [\"Which words from the other person stayed with you afterwards, and what directions did they seem to point you in?\"]\n",
    )
    .unwrap();
    let reply = "zebra ".repeat(14);
    let mut s = spawn_at(
        &env,
        60,
        &[
            "--color", "always", "prompt", "--theme", "evenings", "--inline", "--mood", "3",
            "--feel", "calm",
        ],
    );
    let asked = seen(&expect(&mut s, "An empty line finishes."));
    assert_fits("the prompt", &asked, 60);
    assert_words_whole(
        "the prompt",
        &asked,
        "What happened this evening, and what would you like to do differently the next time",
    );
    send(&mut s, "The main answer.\r\r");
    let before = seen(&expect(&mut s, "> "));
    assert_fits("the follow-up", &before, 60);
    assert_words_whole(
        "the follow-up",
        &before,
        "Which words from the other person stayed with you afterwards, and what directions",
    );
    // Typed past the edge, then two characters taken back across it and typed again.
    send(&mut s, reply.trim_end());
    send(&mut s, "\x7f\x7fra");
    send(&mut s, ENTER);
    let (code, rest) = finish(&mut s);
    assert_eq!(code, 0, "{rest}");
    let out = seen(&rest);
    // The reply's echo appears once: nothing draws it again.
    let echoed = out.matches("zebra").count();
    assert!(
        (13..=14).contains(&echoed),
        "the reply was drawn {echoed} times over: {out}"
    );
    assert_eq!(
        out.matches("Saved entry").count(),
        1,
        "the save was reported more than once: {out}"
    );
    let entry = env.show_json(1);
    let body = entry["body"].as_str().unwrap();
    assert_eq!(body.matches("zebra").count(), 14, "{body}");
    assert!(body.contains(reply.trim_end()), "{body}");
}

#[test]
fn the_feelings_question_filters_as_you_type_and_the_mood_takes_a_digit() {
    let _guard = lock();
    for cols in [60, 100] {
        let env = TestEnv::new();
        env.editor_writes("A quiet evening.\n");
        let mut s = spawn_at(&env, cols, &["--color", "always", "write"]);
        expect(&mut s, "How did the day feel?");
        send(&mut s, "4");
        send(&mut s, ENTER);
        expect(&mut s, "Which feelings were there?");
        send(&mut s, "hop");
        expect(&mut s, "hope");
        send(&mut s, SPACE);
        // Clear the filter, find another feeling by a word it is known by.
        send(&mut s, "\x7f\x7f\x7f");
        send(&mut s, "jeal");
        expect(&mut s, "jealousy");
        send(&mut s, SPACE);
        send(&mut s, ENTER);
        expect(&mut s, "Saved entry 1");
        let (code, out) = finish(&mut s);
        assert_eq!(code, 0, "{out}");
        let entry = env.show_json(1);
        assert_eq!(entry["mood"], 4, "at {cols} columns");
        let mut feelings = strings(&entry["feelings"]);
        feelings.sort();
        assert_eq!(feelings, ["hope", "jealousy"], "at {cols} columns");
    }
}

#[test]
fn the_first_question_asks_once_which_side_the_writer_is_on() {
    let _guard = lock();
    let env = TestEnv::new();
    env.forget_perspective();
    // Scripts are never asked, and nothing is saved for them.
    env.write(&["From a script."]);
    assert!(!env.config_path().exists());
    let p = env.json_of(&["prompt", "--json"]);
    assert_eq!(p["perspective"], "any", "until a side is chosen: {p}");

    env.editor_writes("I told her the truth about the messages. I'm sorry.\n");
    let mut s = spawn_at(&env, 80, &["--color", "always", "write"]);
    expect(&mut s, "Which side of the story are you writing from?");
    send(&mut s, DOWN);
    send(&mut s, ENTER);
    expect(&mut s, "config set perspective");
    expect(&mut s, "How did the day feel?");
    send(&mut s, ENTER);
    expect(&mut s, "Which feelings were there?");
    send(&mut s, ENTER);
    expect(&mut s, "Saved entry 2");
    let (code, out) = finish(&mut s);
    assert_eq!(code, 0, "{out}");
    let config = fs::read_to_string(env.config_path()).unwrap();
    assert_eq!(config, "perspective = \"rebuilding\"\n");

    // Asked once: the next write goes straight to the mood.
    let mut s = spawn_at(&env, 80, &["--color", "never", "write"]);
    let before = expect(&mut s, "How did the day feel?");
    assert!(!before.contains("Which side"), "{before}");
    send(&mut s, ENTER);
    expect(&mut s, "Which feelings were there?");
    send(&mut s, ENTER);
    let (code, _) = finish(&mut s);
    assert_eq!(code, 0);

    // And it can be changed.
    env.cmd()
        .args(["config", "set", "perspective", "hurt"])
        .assert()
        .success();
    let p: Value = env.json_of(&["prompt", "--json"]);
    assert_ne!(p["perspective"], "rebuilding", "{p}");
}
