//! The thought record as one entry (scripted with --answer and --field, walked on a
//! pseudo-terminal, exported and imported back), multi-day path steps, and the one count of
//! prompt answers by theme.

mod common;

use std::fs;

use common::pty::{expect, finish, lock, send_to_list, spawn_plain};
use common::{TestEnv, assert_one_line_error, saved_id};
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use serde_json::Value;

const SENTENCE: &str = "Fear 8, jealousy 7, shame 4 for feeling it.";

/// The ten answers of a record, in question order.
const ANSWERS: [&str; 10] = [
    "He was an hour late and didn't text.",
    "He doesn't care about me.",
    "80%",
    SENTENCE,
    "He forgot to call last week too.",
    "His phone was dead | he came straight home.",
    "He was stuck, and he still came home to me.",
    "6",
    "3/10",
    "fear 3, jealousy 2, shame 4",
];

fn record_args(answers: &[&'static str]) -> Vec<&'static str> {
    let mut args = vec!["path", "start", "thought-record"];
    for a in answers {
        args.extend_from_slice(&["--answer", a]);
    }
    args
}

fn run(env: &TestEnv, args: &[&str]) -> std::process::Output {
    env.cmd().args(args).write_stdin("").output().unwrap()
}

#[test]
fn a_scripted_record_is_one_entry_with_every_word_as_written() {
    let env = TestEnv::new();
    let out = env.stdout_of(&record_args(&ANSWERS));
    let id = saved_id(&out);
    // The before and after of belief and feelings close the record.
    assert!(out.contains("Before → after"), "{out}");
    assert!(out.contains("belief in the thought   80 → 30"), "{out}");
    assert!(out.contains("jealousy                70 → 20"), "{out}");
    assert!(out.contains("belief in the balanced thought: 60"), "{out}");

    let entries = env.list_json();
    assert_eq!(entries.len(), 1, "one sitting, one entry");
    let e = &entries[0];
    assert_eq!(e["id"], id);
    assert_eq!(e["path"]["id"], "thought-record");
    assert_eq!(e["prompt"]["theme"], "support");
    let f = &e["fields"];
    assert_eq!(f["kind"], "thought-record");
    assert_eq!(f["situation"], ANSWERS[0]);
    assert_eq!(f["thought"], ANSWERS[1]);
    assert_eq!(f["belief"]["text"], "80%");
    assert_eq!(f["belief"]["value"], 80);
    assert_eq!(f["feelings"]["text"], SENTENCE);
    let ratings: Vec<(String, u64)> = f["feelings"]["ratings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["name"].as_str().unwrap().to_string(),
                r["value"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        ratings,
        [
            ("fear".into(), 80),
            ("jealousy".into(), 70),
            ("shame".into(), 40)
        ]
    );
    assert_eq!(f["evidence_against"], ANSWERS[5]);
    assert_eq!(f["balanced_belief"]["value"], 60);
    assert_eq!(f["belief_after"]["value"], 30);
    assert_eq!(f["feelings_after"]["ratings"][1]["value"], 20);
    // The entry's text is the writer's words, the sentence untouched.
    assert!(e["body"].as_str().unwrap().contains(SENTENCE));
    assert_eq!(
        e["feelings"],
        serde_json::json!(["fear", "jealousy", "shame"])
    );

    let shown = env.stdout_of(&["show", &id.to_string()]);
    assert!(shown.contains(SENTENCE), "{shown}");
    assert!(shown.contains("6 (read as 60 of 100)"), "{shown}");
    assert_eq!(shown.matches(SENTENCE).count(), 1, "{shown}");
    let listed = env.stdout_of(&["list"]);
    assert_eq!(listed.matches("Thought record").count(), 1, "{listed}");
    let status = env.stdout_of(&["path", "status", "thought-record"]);
    assert!(status.contains(&format!("entry {id}")), "{status}");

    // The views of docs/schema.md read the same record as columns.
    let db = env.sql();
    let (situation, belief, after): (String, i64, i64) = db
        .query_row(
            "SELECT situation, belief, belief_after FROM thought_records WHERE entry_id = ?",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
        )
        .unwrap();
    assert_eq!((situation.as_str(), belief, after), (ANSWERS[0], 80, 30));
    let feelings: Vec<(String, i64, Option<i64>)> = db
        .prepare("SELECT feeling, before, after FROM thought_feelings WHERE entry_id = ? ORDER BY position")
        .unwrap()
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    assert_eq!(
        feelings,
        [
            ("fear".to_string(), 80, Some(30)),
            ("jealousy".to_string(), 70, Some(20)),
            ("shame".to_string(), 40, Some(40))
        ]
    );
}

#[test]
fn fields_by_name_and_answers_in_order_fill_the_same_record() {
    let env = TestEnv::new();
    let by_order = saved_id(&env.stdout_of(&record_args(&ANSWERS[..4])));
    let names = ["situation", "thought", "belief", "feelings"];
    let pairs: Vec<String> = names
        .iter()
        .zip(ANSWERS)
        .map(|(n, a)| format!("{n}={a}"))
        .collect();
    let mut args = vec!["path", "next", "thought-record"];
    for p in pairs.iter().rev() {
        args.extend_from_slice(&["--field", p]);
    }
    let by_name = saved_id(&env.stdout_of(&args));
    assert_eq!(
        env.show_json(by_order)["fields"],
        env.show_json(by_name)["fields"]
    );
    // --answer and --field together: answers first, named fields after.
    let mixed = saved_id(&env.stdout_of(&[
        "path",
        "start",
        "thought-record",
        "--answer",
        "At the party.",
        "--answer",
        "Everyone is judging me.",
        "--field",
        "belief-after=20%",
        "--mood",
        "2",
    ]));
    let e = env.show_json(mixed);
    assert_eq!(e["fields"]["belief_after"]["value"], 20);
    assert!(e["fields"].get("belief").is_none());
    assert_eq!(e["mood"], 2);
}

#[test]
fn every_rating_form_means_the_same_on_the_0_to_100_scale() {
    let env = TestEnv::new();
    let mut wrong = Vec::new();
    for (form, want) in [
        ("8", 80),
        ("8/10", 80),
        ("80%", 80),
        ("80", 80),
        ("8 out of 10", 80),
        ("10", 100),
        ("0", 0),
        ("75%", 75),
    ] {
        let belief = format!("belief={form}");
        let out = run(
            &env,
            &[
                "path",
                "start",
                "thought-record",
                "--field",
                "situation=s",
                "--field",
                "thought=t",
                "--field",
                &belief,
            ],
        );
        if !out.status.success() {
            wrong.push(format!("{form}: {}", String::from_utf8_lossy(&out.stderr)));
            continue;
        }
        let id = saved_id(&String::from_utf8_lossy(&out.stdout));
        let f = &env.show_json(id)["fields"]["belief"];
        if f["value"] != want || f["text"] != form {
            wrong.push(format!("{form}: stored {f}, wanted {want}"));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn unreadable_ratings_and_bad_fields_are_refused_and_nothing_is_saved() {
    let env = TestEnv::new();
    let base = [
        "path",
        "start",
        "thought-record",
        "--field",
        "situation=s",
        "--field",
        "thought=t",
    ];
    let mut wrong = Vec::new();
    for (extra, says) in [
        ("belief=very much", "belief"),
        ("belief=7 or 8", "more than one number"),
        ("balanced-belief=150", "more than 100"),
        ("feelings=fear 8, hope", "\"hope\" has no rating"),
        ("feelings-after=8", "which feeling"),
        ("mood=3", "no field \"mood\""),
        ("situation", "NAME=TEXT"),
        ("thought=again", "given twice"),
    ] {
        let mut args = base.to_vec();
        args.extend_from_slice(&["--field", extra]);
        let out = run(&env, &args);
        if out.status.code() != Some(1) {
            wrong.push(format!("{extra}: exit {:?}", out.status.code()));
            continue;
        }
        let err = assert_one_line_error(&out.stderr);
        if !err.contains(says) {
            wrong.push(format!("{extra}: {err}"));
        }
    }
    for args in [
        vec!["path", "start", "thought-record"],
        vec![
            "path",
            "start",
            "thought-record",
            "--field",
            "situation=only this",
        ],
    ] {
        let out = run(&env, &args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_one_line_error(&out.stderr);
    }
    let too_many = [ANSWERS.as_slice(), &["one more"]].concat();
    let out = run(&env, &record_args(&too_many));
    assert_eq!(out.status.code(), Some(1));
    assert!(assert_one_line_error(&out.stderr).contains("10 questions"));
    assert!(wrong.is_empty(), "{wrong:#?}");
    assert_eq!(env.count_rows(), 0, "nothing may be saved");
}

/// The cells of every table row in a Markdown document, read by a CommonMark parser with
/// tables.
fn table_rows(md: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row: Vec<String> = Vec::new();
    let mut cell: Option<String> = None;
    for event in Parser::new_ext(md, Options::ENABLE_TABLES) {
        match event {
            Event::Start(Tag::TableCell) => cell = Some(String::new()),
            Event::End(TagEnd::TableCell) => row.push(cell.take().unwrap_or_default()),
            Event::End(TagEnd::TableRow | TagEnd::TableHead) => rows.push(std::mem::take(&mut row)),
            Event::Text(t) | Event::Code(t) => {
                if let Some(c) = cell.as_mut() {
                    c.push_str(&t);
                }
            }
            Event::InlineHtml(h) | Event::Html(h) if h.as_ref() == "<br>" => {
                if let Some(c) = cell.as_mut() {
                    c.push('\n');
                }
            }
            _ => {}
        }
    }
    rows
}

#[test]
fn a_record_exports_as_one_table_and_imports_back_exactly() {
    let a = TestEnv::new();
    a.write(&["An ordinary day."]);
    let id = saved_id(&a.stdout_of(&record_args(&ANSWERS)));

    let md = a.stdout_of(&["export"]);
    let rows = table_rows(&md);
    assert_eq!(rows.len(), 11, "a header and ten fields: {md}");
    let value = |label: &str| {
        rows.iter()
            .find(|r| r[0] == label)
            .unwrap_or_else(|| panic!("no row {label}: {md}"))[1]
            .clone()
    };
    assert_eq!(value("Feelings"), SENTENCE);
    assert_eq!(value("Evidence against"), ANSWERS[5]);
    assert_eq!(value("Belief in it"), "80%");
    assert_eq!(md.matches("feeling it.").count(), 1, "printed once: {md}");

    let json = a.stdout_of(&["export", "--format", "json"]);
    let file = a.root().join("journal.json");
    fs::write(&file, &json).unwrap();
    let b = TestEnv::new();
    b.stdout_of(&["import", file.to_str().unwrap()]);
    assert_eq!(b.stdout_of(&["export", "--format", "json"]), json);
    assert_eq!(b.show_json(id)["fields"], a.show_json(id)["fields"]);
    assert_eq!(b.stdout_of(&["export"]), md);

    // An export whose record was tampered with is refused whole, not half-read.
    let mut doc: Value = serde_json::from_str(&json).unwrap();
    let entry = doc["entries"]
        .as_array_mut()
        .unwrap()
        .iter_mut()
        .find(|e| e["fields"].is_object())
        .unwrap();
    entry["fields"]["belief"]["value"] = Value::from(180);
    fs::write(&file, doc.to_string()).unwrap();
    let c = TestEnv::new();
    let out = run(&c, &["import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("above 100"));
    assert_eq!(c.count_rows(), 0);
}

#[test]
fn multi_day_steps_keep_their_question_as_the_prompt_not_in_the_text() {
    let env = TestEnv::new();
    env.stdout_of(&["path", "start", "forgiveness"]);
    let first = saved_id(&env.stdout_of(&[
        "path",
        "next",
        "--answer",
        "I keep replaying the night I found out.",
        "--answer",
        "Maybe a little.",
    ]));
    let second = saved_id(&env.stdout_of(&["path", "next", "--answer", "Less than before."]));
    assert_ne!(first, second);
    let entries = env.list_json();
    assert_eq!(entries.len(), 2, "one entry per step");
    for e in &entries {
        let question = e["prompt"]["text"].as_str().unwrap();
        assert!(!question.is_empty());
        assert!(
            e["prompt"]["id"]
                .as_str()
                .unwrap()
                .starts_with("forgiveness/")
        );
        assert!(
            !e["body"].as_str().unwrap().contains(question),
            "the question is in the text: {e}"
        );
        assert_eq!(e["path"]["id"], "forgiveness");
    }
    assert!(
        entries[0]["body"]
            .as_str()
            .unwrap()
            .starts_with("I keep replaying the night I found out.")
    );
    assert_ne!(entries[0]["prompt"]["text"], entries[1]["prompt"]["text"]);
}

#[test]
fn prompts_themes_and_summary_count_answers_by_theme_alike() {
    let env = TestEnv::new();
    for (theme, text) in [
        ("forgiveness", "Letting go is slow."),
        ("forgiveness", "A little lighter today."),
        ("boundaries", "I said no to checking his phone."),
    ] {
        env.stdout_of(&["prompt", "--theme", theme, "--another", "--answer", text]);
    }
    env.stdout_of(&["path", "start", "forgiveness"]);
    env.stdout_of(&["path", "next", "--answer", "A step on the path."]);
    env.stdout_of(&record_args(&ANSWERS[..2]));
    let gone = saved_id(&env.stdout_of(&["prompt", "--theme", "support", "--answer", "Gone."]));
    env.stdout_of(&["delete", &gone.to_string(), "--yes"]);

    let themes: Vec<(String, u64)> = env
        .json_of(&["prompts", "themes", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .filter(|t| t["answers"].as_u64().unwrap() > 0)
        .map(|t| {
            (
                t["id"].as_str().unwrap().to_string(),
                t["answers"].as_u64().unwrap(),
            )
        })
        .collect();
    let summary = env.json_of(&["summary", "--json"]);
    let mut by_summary: Vec<(String, u64)> = summary["prompts"]["answered_by_theme"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| {
            (
                t["theme"].as_str().unwrap().to_string(),
                t["count"].as_u64().unwrap(),
            )
        })
        .collect();
    by_summary.sort();
    let mut by_themes = themes.clone();
    by_themes.sort();
    assert_eq!(by_themes, by_summary);
    assert!(
        by_themes.contains(&("forgiveness".to_string(), 3)),
        "{by_themes:?}"
    );
    assert!(
        by_themes.contains(&("support".to_string(), 1)),
        "{by_themes:?}"
    );
    // The text of `mend prompts themes` shows the same number.
    let text = env.stdout_of(&["prompts", "themes"]);
    let line = text.lines().find(|l| l.starts_with("forgiveness")).unwrap();
    assert!(line.contains("  3 answered"), "{line}");
}

#[test]
fn a_record_is_walked_in_one_sitting_on_a_terminal() {
    let _guard = lock();
    let env = TestEnv::new();
    let mut s = spawn_plain(&env, &["path", "start", "thought-record"]);
    let answers = [
        ("What was happening", "He was an hour late and didn't text."),
        (
            "What thought went through your mind",
            "He doesn't care about me.",
        ),
        ("How strongly do you believe", "very"),
        ("there is no number", "80%"),
        ("What feelings came", "fear 8, hope"),
        ("\"hope\" has no rating", SENTENCE),
        ("What facts, not guesses", "He forgot last week too."),
        ("What facts don't fit", "His phone was dead."),
        ("fairer, more balanced", "He was stuck; he still came home."),
        ("believe this balanced thought", "6"),
        ("believe your first thought now", "3/10"),
        (
            "each of the feelings you named now",
            "fear 3, jealousy 2, shame 4",
        ),
    ];
    for (question, typed) in answers {
        expect(&mut s, question);
        s.send_line(typed).unwrap();
    }
    // Feelings came from the record; the mood is still asked, and Enter skips it.
    // The before and after come first (ASCII only: the terminal reader is byte-wise).
    expect(&mut s, "belief in the thought   80");
    expect(&mut s, "belief in the balanced thought: 60");
    expect(&mut s, "How did the day feel?");
    s.send("\r").unwrap();
    s.flush().unwrap();
    expect(&mut s, "Saved entry 1");
    let (code, rest) = finish(&mut s);
    assert_eq!(code, 0, "{rest}");
    let entries = env.list_json();
    assert_eq!(entries.len(), 1);
    let f = &entries[0]["fields"];
    assert_eq!(f["feelings"]["text"], SENTENCE);
    assert_eq!(f["belief"]["text"], "80%");
    assert_eq!(f["situation"], "He was an hour late and didn't text.");
    assert_eq!(f["feelings_after"]["ratings"][0]["value"], 30);
}

#[test]
fn an_interrupted_walk_keeps_what_was_answered_as_a_draft() {
    let _guard = lock();
    let env = TestEnv::new();
    let mut s = spawn_plain(&env, &["path", "start", "thought-record"]);
    expect(&mut s, "What was happening");
    s.send_line("At dinner with his friends.").unwrap();
    expect(&mut s, "What thought went through your mind");
    expect(&mut s, "your words");
    // Half an answer typed, then Ctrl-C: the half is kept too.
    send_to_list(&mut s, "He would rather be with th");
    expect(&mut s, "rather be with th");
    s.send_control('c').unwrap();
    let (code, rest) = finish(&mut s);
    assert_eq!(code, 1, "{rest}");
    assert!(rest.contains("kept in"), "{rest}");
    assert_eq!(env.count_rows(), 0);
    let drafts = env.draft_files();
    assert_eq!(drafts.len(), 1, "exit {code}; {rest}");
    let kept = fs::read_to_string(&drafts[0]).unwrap();
    assert!(kept.contains("At dinner with his friends."), "{kept}");
    assert!(kept.contains("He would rather be with th"), "{kept}");
    // Recovering the draft brings the words back as an entry.
    let recovered = env.stdout_of(&["drafts", "recover", drafts[0].to_str().unwrap()]);
    let id = saved_id(&recovered);
    assert!(
        env.show_json(id)["body"]
            .as_str()
            .unwrap()
            .contains("At dinner with his friends.")
    );
    // A finished walk leaves no draft behind.
    env.stdout_of(&record_args(&ANSWERS));
    assert_eq!(env.draft_files().len(), 0);
}
