//! The review: scripted runs, a walk on a pseudo-terminal (and Ctrl-C in the middle of one),
//! one entry with its fields through show, export and import, the summary's tally of
//! intentions kept, and the nudge on the review day.

mod common;

use std::fs;

use common::pty::{DOWN, finish, keys, lock, spawn};
use common::{TestEnv, assert_one_line_error};
use serde_json::Value;

/// Sunday 22 November 2026, the default review day (weeks start on Monday).
const SUNDAY: &str = "2026-11-22T20:00:00Z";
const NEXT_SUNDAY: &str = "2026-11-29T20:00:00Z";

fn run(env: &TestEnv, args: &[&str]) -> std::process::Output {
    env.cmd().args(args).output().unwrap()
}

fn ok(env: &TestEnv, args: &[&str]) -> String {
    let out = run(env, args);
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// The fields of the newest entry.
fn last_fields(env: &TestEnv) -> Value {
    env.json_of(&["show", "last", "--json"])["fields"].clone()
}

fn week_of_writing(env: &mut TestEnv) {
    for day in 16..=21 {
        env.set_now(&format!("2026-11-{day}T19:00:00Z"));
        env.write(&["--mood", "3", "We talked tonight and I felt some hope."]);
    }
    env.set_now(SUNDAY);
}

fn config(env: &TestEnv, text: &str) {
    let dir = env.root().join("xdg-config").join("mend");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("config.toml"), text).unwrap();
}

#[test]
fn a_scripted_review_is_one_entry_and_the_next_one_asks_about_its_intention() {
    let mut env = TestEnv::new();
    week_of_writing(&mut env);
    let said = ok(
        &env,
        &[
            "review",
            "--field",
            "answer=That I can ask for quiet.",
            "--field",
            "intention=Ask before assuming",
        ],
    );
    assert!(
        said.starts_with("Saved your review of the week as entry 7."),
        "{said}"
    );
    let fields = last_fields(&env);
    assert_eq!(fields["kind"], "review");
    assert_eq!(fields["span"], "week");
    assert_eq!(fields["from"], "2026-11-16");
    assert_eq!(fields["intention"], "Ask before assuming");
    assert!(fields["previous"].is_null());
    // The period's lines say only what the summary says: counts, and no pattern in a week.
    let overview: Vec<&str> = fields["overview"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(overview[0], "6 entries on 6 of 7 days.", "{overview:?}");
    assert!(
        overview
            .iter()
            .any(|l| l.contains("for mend to call anything a pattern")),
        "{overview:?}"
    );
    // The entry's text is the writer's words only; show gives the whole sitting.
    let entry = env.json_of(&["show", "last", "--json"]);
    assert_eq!(
        entry["body"],
        "That I can ask for quiet.\n\nAsk before assuming"
    );
    let shown = env.stdout_of(&["show", "last"]);
    assert!(
        shown.contains("Review of the week, 16 November to 22 November 2026"),
        "{shown}"
    );
    assert!(shown.contains("Intention for the next week:** Ask before assuming"));
    assert_eq!(shown.matches("Ask before assuming").count(), 1, "{shown}");
    // The prompt the review asked is shown once, with its answer, not again above the text.
    let asked = fields["prompt"]["text"].as_str().unwrap();
    assert_eq!(shown.matches(asked).count(), 1, "{shown}");
    assert_eq!(
        shown.matches("That I can ask for quiet.").count(),
        1,
        "{shown}"
    );
    let md = env.stdout_of(&["export"]);
    assert_eq!(md.matches(asked).count(), 1, "{md}");

    env.set_now(NEXT_SUNDAY);
    ok(
        &env,
        &[
            "review",
            "--answer",
            "partly",
            "--answer",
            "Twice I asked; once I did not.",
            "--answer",
            "",
            "--answer",
            "Walk together on Saturday",
        ],
    );
    let fields = last_fields(&env);
    assert_eq!(fields["previous"]["intention"], "Ask before assuming");
    assert_eq!(fields["previous"]["entry"], 7);
    assert_eq!(fields["kept"], "partly");
    assert_eq!(fields["kept_note"], "Twice I asked; once I did not.");
    assert!(fields["answer"].is_null());
    let shown = env.stdout_of(&["show", "last"]);
    assert!(shown.contains("**Kept:** partly"), "{shown}");

    // The summary counts the reviews and how the intentions went.
    let summary = env.json_of(&["summary", "--json"]);
    let intentions = &summary["practices"]["intentions"];
    assert_eq!(intentions["reviews"], 2, "{intentions}");
    assert_eq!(intentions["set"], 2);
    assert_eq!(intentions["partly"], 1);
    let text = env.stdout_of(&["summary"]);
    assert!(
        text.contains("Reviews: 2; 2 set an intention; of 1 earlier intentions looked back on, kept 0, partly 1, not kept 0."),
        "{text}"
    );
    // The view of migration 0011 shows them as columns.
    let kept: String = env
        .sql()
        .query_row(
            "SELECT kept FROM reviews WHERE previous_intention = 'Ask before assuming'",
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(kept, "partly");
    // mend check reads review fields.
    ok(&env, &["check"]);
}

#[test]
fn scripts_that_cannot_be_a_review_are_refused_and_nothing_is_saved() {
    let mut env = TestEnv::new();
    week_of_writing(&mut env);
    let cases: [&[&str]; 6] = [
        &["review"],
        &["review", "--field", "kept=yes"],
        &["review", "--field", "mood=4"],
        &["review", "--field", "intention"],
        &["review", "--answer", "a", "--answer", "b", "--answer", "c"],
        &["review", "--field", "intention=", "--field", "answer= "],
    ];
    let mut failures = Vec::new();
    for args in cases {
        let out = run(&env, args);
        if out.status.code() != Some(1) {
            failures.push(format!("{args:?}: exit {:?}", out.status.code()));
            continue;
        }
        assert_one_line_error(&out.stderr);
    }
    assert!(failures.is_empty(), "{failures:#?}");
    assert_eq!(env.count_rows(), 6);
    ok(&env, &["review", "--field", "intention=One small thing"]);
    let out = run(&env, &["review", "--field", "kept=maybe"]);
    assert_eq!(out.status.code(), Some(1));
    let line = assert_one_line_error(&out.stderr);
    assert!(line.contains("not yes, partly or no"), "{line}");
    let out = run(&env, &["review", "--month", "--year"]);
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn reviews_and_moments_come_back_from_an_export() {
    let mut env = TestEnv::new();
    week_of_writing(&mut env);
    ok(
        &env,
        &[
            "moment",
            "--by",
            "partner",
            "--response",
            "toward",
            "Brought me tea",
        ],
    );
    ok(
        &env,
        &[
            "moment",
            "--by",
            "me",
            "--response",
            "against",
            "Snapped back",
        ],
    );
    ok(
        &env,
        &["review", "--field", "intention=Ask before assuming"],
    );
    let json_path = env.root().join("journal.json");
    ok(
        &env,
        &[
            "export",
            "--format",
            "json",
            "-o",
            json_path.to_str().unwrap(),
        ],
    );
    let md = env.stdout_of(&["export"]);
    assert_eq!(md.matches("Review of the week").count(), 1, "{md}");
    assert!(md.contains("## Moments"), "{md}");
    assert!(
        md.contains("Your partner reached out, turned toward: Brought me tea"),
        "{md}"
    );

    let other = TestEnv::new();
    let said = ok(&other, &["import", json_path.to_str().unwrap()]);
    assert!(
        said.contains("7 imported") && said.contains("moments: 2 imported"),
        "{said}"
    );
    let before = env.json_of(&["show", "last", "--json"]);
    let after = other.json_of(&["show", "last", "--json"]);
    for key in ["uuid", "day", "created", "body", "fields", "prompt"] {
        assert_eq!(before[key], after[key], "{key}");
    }
    let theirs = env.json_of(&["moments", "--json"]);
    let ours = other.json_of(&["moments", "--json"]);
    assert_eq!(theirs["moments"], ours["moments"]);
    // A second import finds everything already there.
    let again = ok(&other, &["import", json_path.to_str().unwrap()]);
    assert!(
        again.contains("0 imported, 7 already") && again.contains("moments: 0 imported, 2 already"),
        "{again}"
    );
    // An export chosen by what entries hold carries no moments.
    let tagged = env.stdout_of(&["export", "--format", "json", "--mood-min", "3"]);
    let tagged: Value = serde_json::from_str(&tagged).unwrap();
    assert!(tagged.get("moments").is_none());
}

#[test]
fn a_broken_moment_fails_the_import_unless_skipped() {
    let env = TestEnv::new();
    let file = env.root().join("bad.json");
    fs::write(
        &file,
        r#"{"format": "mend", "version": 1, "entries": [], "moments": [
            {"uuid": "6f1c1f3e-2a6b-4a57-9a4e-0d1f6b2b9e10", "day": "2026-11-20",
             "created": "2026-11-20T10:00:00Z", "reached": "partner", "response": "toward",
             "text": "kept"},
            {"uuid": "7f1c1f3e-2a6b-4a57-9a4e-0d1f6b2b9e10", "day": "2026-11-20",
             "created": "2026-11-20T10:00:00Z", "reached": "neighbour", "response": "toward",
             "text": "bad"}]}"#,
    )
    .unwrap();
    let out = run(&env, &["import", file.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let line = assert_one_line_error(&out.stderr);
    assert!(
        line.contains("moment 2 (2026-11-20)") && line.contains("me or partner"),
        "{line}"
    );
    assert_eq!(
        env.json_of(&["moments", "--json"])["moments"],
        serde_json::json!([])
    );
    let said = ok(&env, &["import", "--skip-invalid", file.to_str().unwrap()]);
    assert!(said.contains("moments: 1 imported"), "{said}");
}

#[test]
fn the_nudge_suggests_the_review_on_the_review_day_only_until_it_is_done() {
    let mut env = TestEnv::new();
    env.write(&["Something written."]);
    let nudge = |env: &TestEnv, now: &str| {
        let out = env
            .cmd()
            .arg("nudge")
            .env("MEND_NOW", now)
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    // Sunday is the last day of a week that starts on Monday.
    let sunday = nudge(&env, SUNDAY);
    assert!(
        sunday.contains("review day") && sunday.contains("mend review"),
        "{sunday}"
    );
    let saturday = nudge(&env, "2026-11-28T09:00:00Z");
    assert!(!saturday.contains("review"), "{saturday}");
    config(&env, "review-day = \"saturday\"\n");
    let saturday = nudge(&env, "2026-11-28T09:00:00Z");
    assert!(saturday.contains("mend review"), "{saturday}");
    config(&env, "week-start = \"sunday\"\n");
    assert!(nudge(&env, "2026-11-28T09:00:00Z").contains("mend review"));
    assert!(!nudge(&env, "2026-11-29T09:00:00Z").contains("mend review"));
    config(&env, "discreet = true\n");
    let discreet = nudge(&env, SUNDAY);
    assert_eq!(discreet, "journal: the weekly look back is due\n");
    config(&env, "");
    // Once reviewed, the review day says nothing of it.
    env.set_now(SUNDAY);
    ok(&env, &["review", "--field", "intention=Rest"]);
    assert_eq!(nudge(&env, SUNDAY), "");
    assert!(nudge(&env, "2026-12-06T20:00:00Z").contains("mend review"));
    let bad = {
        config(&env, "review-day = \"someday\"\n");
        env.cmd().args(["config", "show"]).output().unwrap()
    };
    assert_eq!(bad.status.code(), Some(1));
}

// ---- on a pseudo-terminal ----

#[test]
fn the_review_walked_on_a_terminal() {
    let _guard = lock();
    let mut env = TestEnv::new();
    week_of_writing(&mut env);
    ok(
        &env,
        &["review", "--field", "intention=Ask before assuming"],
    );
    env.set_now(NEXT_SUNDAY);
    env.write(&["A quiet day."]);
    let mut s = spawn(&env, &["--color", "never", "review"]);
    s.exp_string("Your week: 23 November to 29 November 2026")
        .unwrap();
    s.exp_string("1 entry on 1 of 7 days").unwrap();
    s.exp_string("you meant to: Ask before assuming").unwrap();
    // Down to "Partly".
    keys(&mut s, "Skip this question", &format!("{DOWN}\r"));
    keys(
        &mut s,
        "a sentence on how it went",
        "Mostly, after Tuesday.\r",
    );
    keys(
        &mut s,
        "your words (Enter skips)",
        "I could say it sooner.\r",
    );
    keys(&mut s, "One intention for the next week", "");
    keys(&mut s, "your words (Enter skips)", "Say it sooner\r");
    s.exp_string("Saved your review of the week as entry")
        .unwrap();
    let (code, rest) = finish(&mut s);
    assert_eq!(code, 0, "{rest}");
    let fields = last_fields(&env);
    assert_eq!(fields["kept"], "partly");
    assert_eq!(fields["kept_note"], "Mostly, after Tuesday.");
    assert_eq!(fields["answer"], "I could say it sooner.");
    assert_eq!(fields["intention"], "Say it sooner");
    assert!(fields["prompt"]["text"].is_string());
    assert!(
        env.draft_files().is_empty(),
        "the draft is removed once saved"
    );
}

#[test]
fn ctrl_c_in_the_middle_of_a_review_keeps_every_word() {
    let _guard = lock();
    let mut env = TestEnv::new();
    week_of_writing(&mut env);
    let mut s = spawn(&env, &["--color", "never", "review"]);
    keys(&mut s, "your words (Enter skips)", "Hearing him out.\r");
    keys(&mut s, "One intention for the next week", "");
    keys(&mut s, "your words (Enter skips)", "Walk on Satur");
    s.exp_string("Walk on Satur").unwrap();
    s.send_control('c').unwrap();
    let (code, rest) = finish(&mut s);
    assert_eq!(code, 1, "{rest}");
    assert!(rest.contains("kept in"), "{rest}");
    assert_eq!(env.count_rows(), 6, "nothing saved");
    let drafts = env.draft_files();
    assert_eq!(drafts.len(), 1, "{rest}");
    let kept = fs::read_to_string(&drafts[0]).unwrap();
    assert!(kept.contains("Hearing him out."), "{kept}");
    assert!(kept.contains("Walk on Satur"), "{kept}");
}

#[test]
fn a_review_left_empty_saves_nothing() {
    let _guard = lock();
    let mut env = TestEnv::new();
    week_of_writing(&mut env);
    let mut s = spawn(&env, &["--color", "never", "review"]);
    keys(&mut s, "your words (Enter skips)", "\r");
    keys(&mut s, "One intention for the next week", "");
    keys(&mut s, "your words (Enter skips)", "\r");
    s.exp_string("Nothing was written, so nothing was saved")
        .unwrap();
    let (code, _) = finish(&mut s);
    assert_eq!(code, 0);
    assert_eq!(env.count_rows(), 6);
    assert!(env.draft_files().is_empty());
}

#[test]
fn the_report_shows_the_moments_turned_toward() {
    let env = TestEnv::new();
    env.write(&["A day."]);
    ok(
        &env,
        &[
            "moment",
            "--by",
            "me",
            "--response",
            "toward",
            "<b>Hugged</b>",
        ],
    );
    let file = env.root().join("report.html");
    ok(&env, &["report", "-o", file.to_str().unwrap()]);
    let html = fs::read_to_string(&file).unwrap();
    assert!(html.contains("id=\"practices\""), "{html}");
    assert!(html.contains("Moments turned toward: 1 of 1 (100%), on 1 day."));
    assert!(html.contains("id=\"moments-svg\""));
    assert!(!html.contains("<b>Hugged</b>"));
}

#[test]
fn a_scripted_review_or_moment_is_kept_when_the_journal_will_not_open() {
    for args in [
        &["review", "--field", "intention=Keep these words"][..],
        &[
            "moment",
            "--by",
            "me",
            "--response",
            "toward",
            "Keep",
            "this",
            "moment",
        ][..],
    ] {
        let env = TestEnv::new();
        fs::create_dir_all(env.data_dir()).unwrap();
        fs::write(env.db(), vec![0x5a; 8192]).unwrap();
        let out = run(&env, args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let line = assert_one_line_error(&out.stderr);
        assert!(line.contains("could not open the journal"), "{line}");
        // Not plainly a SQLite file, so its drafts stay in the private folder.
        let mut drafts = env.draft_files();
        if let Ok(read) = fs::read_dir(env.root().join("run").join("mend").join("drafts")) {
            drafts.extend(read.flatten().map(|e| e.path()));
        }
        assert_eq!(drafts.len(), 1, "{args:?}: {line}");
        let kept = fs::read_to_string(&drafts[0]).unwrap();
        let words = args.last().unwrap().trim_start_matches("intention=");
        assert!(kept.contains(words), "{kept}");
    }
}
