//! `mend write`: text from arguments and standard input, dates, moods, feelings and tags.

mod common;

use common::{TestEnv, assert_one_line_error, assert_time, strings};

#[test]
fn writes_text_from_arguments() {
    let env = TestEnv::new();
    let out = env
        .cmd()
        .args([
            "write",
            "We talked tonight.",
            "It went better than I feared.",
        ])
        .write_stdin("")
        .output()
        .unwrap();
    assert!(out.status.success());
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("Saved entry 1 for Saturday 21 November 2026"),
        "{stdout}"
    );
    let entry = env.show_json(1);
    assert_eq!(
        entry["body"],
        "We talked tonight. It went better than I feared."
    );
    assert_eq!(entry["day"], "2026-11-21");
    assert_time(&entry["created"], "2026-11-21T15:00:00Z");
    assert_eq!(entry["mood"], serde_json::Value::Null);
    assert_eq!(env.count_rows(), 1);
}

#[test]
fn writes_text_from_stdin() {
    let env = TestEnv::new();
    let id = env.write_stdin(&[], "A line from a pipe.\nAnd a second line.\n\n");
    let entry = env.show_json(id);
    assert_eq!(entry["body"], "A line from a pipe.\nAnd a second line.");
}

#[test]
fn stdin_keeps_markdown_and_unicode() {
    let env = TestEnv::new();
    let text = "# A heading\n\n- one\n- two\n\nCafé — “quoted” 💬 日本語";
    let id = env.write_stdin(&[], text);
    assert_eq!(env.show_json(id)["body"], text);
}

fn day_for(phrase: &str) -> String {
    let env = TestEnv::new();
    let id = env.write(&["--date", phrase, "dated words"]);
    env.show_json(id)["day"].as_str().unwrap().to_string()
}

#[test]
fn date_phrases_give_the_expected_day() {
    // Now is Saturday 21 November 2026, 15:00 UTC.
    let cases = [
        ("today", "2026-11-21"),
        ("yesterday", "2026-11-20"),
        ("last monday", "2026-11-16"),
        ("3 days ago", "2026-11-18"),
        ("2024-05-01", "2024-05-01"),
        ("may 3", "2026-05-03"),
        ("yesterday at 18:30", "2026-11-20"),
    ];
    for (phrase, expected) in cases {
        assert_eq!(day_for(phrase), expected, "--date {phrase:?}");
    }
}

#[test]
fn a_time_of_day_is_kept() {
    let env = TestEnv::new();
    let id = env.write(&["--date", "yesterday at 18:30", "evening words"]);
    let entry = env.show_json(id);
    assert_eq!(entry["day"], "2026-11-20");
    assert_time(&entry["created"], "2026-11-20T18:30:00Z");
}

#[test]
fn a_future_day_is_refused() {
    let env = TestEnv::new();
    for phrase in ["tomorrow", "2030-01-01", "next friday"] {
        let out = env
            .cmd()
            .args(["write", "--date", phrase, "from the future"])
            .write_stdin("")
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(1), "--date {phrase}");
        let err = assert_one_line_error(&out.stderr);
        assert!(err.contains("future"), "--date {phrase}: {err}");
    }
    assert_eq!(env.count_rows(), 0);
}

#[test]
fn a_later_time_today_is_refused() {
    let env = TestEnv::new();
    let out = env
        .cmd()
        .args(["write", "--date", "today at 23:00", "too early"])
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_one_line_error(&out.stderr);
    assert_eq!(env.count_rows(), 0);
}

#[test]
fn mood_as_number_and_as_word() {
    let env = TestEnv::new();
    let a = env.write(&["--mood", "4", "a good day"]);
    let b = env.write(&["--mood", "very-good", "a very good day"]);
    let c = env.write(&["-m", "very low", "a hard day"]);
    assert_eq!(env.show_json(a)["mood"], 4);
    assert_eq!(env.show_json(b)["mood"], 5);
    assert_eq!(env.show_json(c)["mood"], 1);
}

#[test]
fn feelings_by_name_and_by_form() {
    let env = TestEnv::new();
    let a = env.write(&["--feel", "anger,sadness", "a heavy day"]);
    let b = env.write(&["--feel", "jealous", "saw the messages"]);
    let c = env.write(&[
        "--feel", "Hurt", "--feel", "betrayed", "-f", "hope", "mixed",
    ]);
    let mut fa = strings(&env.show_json(a)["feelings"]);
    fa.sort();
    assert_eq!(fa, ["anger", "sadness"]);
    assert_eq!(strings(&env.show_json(b)["feelings"]), ["jealousy"]);
    let mut fc = strings(&env.show_json(c)["feelings"]);
    fc.sort();
    assert_eq!(fc, ["betrayal", "hope", "hurt"]);
}

#[test]
fn an_unknown_feeling_is_refused_with_suggestions() {
    let env = TestEnv::new();
    let out = env
        .cmd()
        .args(["write", "--feel", "angr", "some text"])
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = assert_one_line_error(&out.stderr);
    assert!(err.contains("angr") && err.contains("anger"), "{err}");
    assert_eq!(env.count_rows(), 0);
}

#[test]
fn tags_repeatable_and_comma_separated() {
    let env = TestEnv::new();
    let id = env.write(&[
        "--tag",
        "partner",
        "--tag",
        "Walk, evening",
        "-t",
        "#talk",
        "text",
    ]);
    let mut tags = strings(&env.show_json(id)["tags"]);
    tags.sort();
    assert_eq!(tags, ["evening", "partner", "talk", "walk"]);
}

#[test]
fn hashtags_in_the_text_become_tags_but_headings_do_not() {
    let env = TestEnv::new();
    let text = "# Heading\nWe went for a #walk and talked about #Trust-work.\nIssue #12 (#evening)";
    let id = env.write_stdin(&["--tag", "partner"], text);
    let entry = env.show_json(id);
    let mut tags = strings(&entry["tags"]);
    tags.sort();
    assert_eq!(tags, ["evening", "partner", "trust-work", "walk"]);
    // The text itself is kept exactly, heading included.
    assert_eq!(entry["body"], text);
}

#[test]
fn empty_text_is_refused_and_nothing_is_saved() {
    let env = TestEnv::new();
    // No arguments and an empty pipe.
    let out = env.cmd().arg("write").write_stdin("").output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = assert_one_line_error(&out.stderr);
    assert!(err.contains("no text"), "{err}");
    // Only blank space.
    let out = env
        .cmd()
        .arg("write")
        .write_stdin("  \n\t\n")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_one_line_error(&out.stderr);
    // An empty argument.
    let out = env
        .cmd()
        .args(["write", ""])
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_one_line_error(&out.stderr);
    assert_eq!(env.count_rows(), 0);
    assert!(env.list_json().is_empty());
}

#[test]
fn never_asks_when_not_on_a_terminal() {
    // No mood or feelings given and no terminal: mend must save at once, without waiting.
    let env = TestEnv::new();
    let out = env
        .cmd()
        .args(["write", "no questions please"])
        .write_stdin("")
        .timeout(std::time::Duration::from_secs(20))
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let entry = env.show_json(1);
    assert_eq!(entry["mood"], serde_json::Value::Null);
    assert_eq!(entry["feelings"], serde_json::json!([]));
}

#[test]
fn each_entry_gets_its_own_uuid() {
    let env = TestEnv::new();
    let a = env.write(&["one"]);
    let b = env.write(&["two"]);
    let ua = env.show_json(a)["uuid"].as_str().unwrap().to_string();
    let ub = env.show_json(b)["uuid"].as_str().unwrap().to_string();
    assert_eq!(ua.len(), 36, "{ua}");
    assert_ne!(ua, ub);
    assert_eq!(b, a + 1);
}

#[test]
fn more_date_phrases() {
    let cases = [
        ("3 may", "2026-05-03"),
        ("May 3, 2024", "2024-05-03"),
        ("friday", "2026-11-20"),
        ("2 weeks ago", "2026-11-07"),
        ("Dec 28", "2025-12-28"),
        ("2024-02-29", "2024-02-29"),
        ("  Yesterday  ", "2026-11-20"),
    ];
    for (phrase, expected) in cases {
        assert_eq!(day_for(phrase), expected, "--date {phrase:?}");
    }
}

#[test]
fn the_day_follows_the_local_time_zone() {
    // 20:00 UTC on Saturday is already Sunday 05:00 in Tokyo (UTC+9, written as a POSIX rule).
    let env = TestEnv::new();
    let out = env
        .cmd()
        .env("TZ", "JST-9")
        .env("MEND_NOW", "2026-11-21T20:00:00Z")
        .args(["write", "late evening, early morning"])
        .write_stdin("")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("Sunday 22 November 2026"));
    let entry = env.show_json(1);
    assert_eq!(entry["day"], "2026-11-22");
    assert_time(&entry["created"], "2026-11-21T20:00:00Z");
}

#[test]
fn an_impossible_time_of_day_is_refused() {
    let env = TestEnv::new();
    for phrase in [
        "yesterday at 25:00",
        "yesterday at 24:00",
        "yesterday at 13pm",
        "monday at 25:00",
    ] {
        let out = env
            .cmd()
            .args(["write", "--date", phrase, "text"])
            .write_stdin("")
            .output()
            .unwrap();
        assert_eq!(
            out.status.code(),
            Some(1),
            "--date {phrase:?} should be refused"
        );
        assert_one_line_error(&out.stderr);
    }
    assert_eq!(env.count_rows(), 0);
}

#[test]
fn text_after_a_double_dash_may_start_with_a_dash() {
    let env = TestEnv::new();
    let id = env.write(&["--mood", "3", "--", "-- not a flag", "--tag"]);
    let entry = env.show_json(id);
    assert_eq!(entry["body"], "-- not a flag --tag");
    assert_eq!(entry["tags"], serde_json::json!([]));
}
