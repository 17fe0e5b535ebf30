//! The paths from research, walked from a script: every step of each path with its 0–10
//! checks, on the days its cadence sets; what `nudge`, `path status` and the home screen say
//! is due, with injected dates; the before-and-after table; the checks kept through export and
//! import and shown by the `path_checks` view.

mod common;

use chrono::{Days, Months, NaiveDate};
use common::{TestEnv, assert_one_line_error, saved_id};
use rexpect::session::spawn_command;
use serde_json::Value;

/// (path, steps, how far apart sessions are, measure, walked in one sitting)
const PATHS: [(&str, usize, Gap, &str); 7] = [
    ("after-an-incident", 6, Gap::Sitting, "distress"),
    ("atone-attune-attach", 7, Gap::Days(7), "closeness"),
    ("atone-attune-attach-hurt", 7, Gap::Days(7), "closeness"),
    ("affair-recovery", 8, Gap::Days(7), "distress"),
    ("expressive-writing", 5, Gap::Days(1), "distress"),
    ("outside-view", 4, Gap::Months(4), "distress"),
    ("check-up", 5, Gap::Sitting, "closeness"),
];

#[derive(Clone, Copy, Debug)]
enum Gap {
    Sitting,
    Days(u64),
    Months(u32),
}

impl Gap {
    fn after(self, day: NaiveDate) -> NaiveDate {
        match self {
            Gap::Sitting => day,
            Gap::Days(n) => day + Days::new(n),
            Gap::Months(n) => day.checked_add_months(Months::new(n)).unwrap(),
        }
    }
}

fn at(day: NaiveDate) -> String {
    format!("{day}T09:00:00Z")
}

fn start_day() -> NaiveDate {
    "2026-11-02".parse().unwrap()
}

/// Walks every step of `path` from a script, on the days its cadence sets, with a rating
/// before and after each session. Returns the last day and the last step's output.
fn walk(env: &mut TestEnv, path: &str, steps: usize, gap: Gap) -> (NaiveDate, String) {
    let mut day = start_day();
    env.set_now(&at(day));
    env.stdout_of(&["path", "start", path]);
    let mut last = String::new();
    for n in 0..steps {
        let closing = n == steps - 1;
        let sitting = matches!(gap, Gap::Sitting);
        let before = !closing && (!sitting || n == 0);
        let after = !closing && (!sitting || n == steps - 2);
        let answer = format!("Answer to step {} of {path}.", n + 1);
        let mut args = vec!["path", "next", path, "--answer", &answer];
        let (b, a) = ((8 - n % 5).to_string(), (6 - n % 5).to_string());
        if before {
            args.extend(["--before", &b]);
        }
        if after {
            args.extend(["--after", &a]);
        }
        last = env.stdout_of(&args);
        if !closing && n + 2 < steps {
            day = gap.after(day);
            env.set_now(&at(day));
        }
    }
    (day, last)
}

#[test]
fn every_research_path_walks_from_a_script_and_ends_with_its_before_and_after() {
    let mut failed = Vec::new();
    for (path, steps, gap, measure) in PATHS {
        let mut env = TestEnv::new();
        let (_, last) = walk(&mut env, path, steps, gap);
        let mut problems = Vec::new();
        if !last.contains("You have walked the whole of") {
            problems.push("no closing words".to_string());
        }
        let heading = format!("Your {measure} before and after each session");
        if !last.contains(&heading) {
            problems.push(format!("no table: {last}"));
        }
        let sessions = if matches!(gap, Gap::Sitting) {
            1
        } else {
            steps - 1
        };
        let rows = last.lines().filter(|l| l.contains(" → ")).count();
        if rows != sessions {
            problems.push(format!("{rows} rows, wanted {sessions}"));
        }
        let status = env.json_of(&["path", "status", path, "--json"]);
        if status[0]["outcome"] != "finished" || status[0]["answered"] != steps {
            problems.push(format!("status {}", status[0]));
        }
        let kept = status[0]["check"]["sessions"]
            .as_array()
            .map_or(0, Vec::len);
        if kept != sessions || status[0]["check"]["measure"] != measure {
            problems.push(format!("check {}", status[0]["check"]));
        }
        if !problems.is_empty() {
            failed.push(format!("{path}: {problems:?}"));
        }
    }
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn a_step_keeps_its_check_in_its_fields_and_its_question_as_its_prompt() {
    let mut env = TestEnv::new();
    env.set_now(&at(start_day()));
    env.stdout_of(&["path", "start", "expressive-writing"]);
    let out = env.stdout_of(&[
        "path",
        "next",
        "--before",
        "7",
        "--answer",
        "It was the night I found the messages.",
        "--after",
        "8",
    ]);
    assert!(
        out.contains("step 2 of 5: Day two: going deeper — due tomorrow"),
        "{out}"
    );
    let entry = env.show_json(saved_id(&out));
    assert_eq!(
        entry["fields"],
        serde_json::json!({"kind": "check", "measure": "distress", "before": 7, "after": 8})
    );
    assert_eq!(entry["prompt"]["id"], "expressive-writing/day-one");
    assert_eq!(entry["body"], "It was the night I found the messages.");
    // A rating skipped is simply absent.
    env.set_now(&at(start_day() + Days::new(1)));
    let out = env.stdout_of(&["path", "next", "--before", "6", "--answer", "Again."]);
    assert_eq!(
        env.show_json(saved_id(&out))["fields"],
        serde_json::json!({"kind": "check", "measure": "distress", "before": 6})
    );
    let rows: Vec<(String, i64, Option<i64>)> = env
        .sql()
        .prepare("SELECT step, before, after FROM path_checks ORDER BY entry_id")
        .unwrap()
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .unwrap()
        .map(Result::unwrap)
        .collect();
    assert_eq!(
        rows,
        [
            ("day-one".to_string(), 7, Some(8)),
            ("day-two".to_string(), 6, None)
        ]
    );
}

#[test]
fn ratings_that_do_not_fit_are_refused_in_one_line() {
    let env = TestEnv::new();
    env.stdout_of(&["path", "start", "forgiveness"]);
    let out = env
        .cmd()
        .args(["path", "next", "--before", "5", "--answer", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let line = assert_one_line_error(&out.stderr);
    assert!(
        line.contains("asks no 0–10 check — leave out --before"),
        "{line}"
    );

    env.stdout_of(&["path", "start", "check-up"]);
    let out = env
        .cmd()
        .args(["path", "next", "check-up", "--after", "5", "--answer", "x"])
        .output()
        .unwrap();
    let line = assert_one_line_error(&out.stderr);
    assert!(
        line.contains("step 1 of A yearly relationship check-up asks no rating after"),
        "{line}"
    );

    let out = env
        .cmd()
        .args([
            "path", "next", "check-up", "--before", "11", "--answer", "x",
        ])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2), "out of range is a usage error");
    assert!(String::from_utf8_lossy(&out.stderr).contains("0..=10"));
    assert_eq!(env.list_json().len(), 0, "nothing was saved");
}

/// The home screen, as bare `mend` shows it on a terminal.
fn home(env: &TestEnv) -> String {
    let mut cmd = env.std_cmd();
    cmd.env("TERM", "xterm");
    let mut session = spawn_command(cmd, Some(10_000)).unwrap();
    session.exp_eof().unwrap()
}

#[test]
fn nudge_home_and_status_say_when_the_next_step_is_due() {
    let mut env = TestEnv::new();
    let day1 = start_day();
    env.set_now(&at(day1));
    env.stdout_of(&["path", "start", "expressive-writing"]);
    assert_eq!(
        env.stdout_of(&["nudge"]),
        "mend · Step 1 of Four days of expressive writing is due today (mend path next expressive-writing)\n"
    );
    env.stdout_of(&["path", "next", "--answer", "Day one."]);
    // Written today, and the next step is tomorrow's: nothing to say.
    assert_eq!(env.stdout_of(&["nudge"]), "");
    let status = env.stdout_of(&["path", "status"]);
    assert!(
        status.contains("Step 2 of Four days of expressive writing is due tomorrow."),
        "{status}"
    );
    assert!(home(&env).contains("Step 2 of Four days of expressive writing is due tomorrow"));

    env.set_now(&at(day1 + Days::new(1)));
    assert_eq!(
        env.stdout_of(&["nudge"]),
        "mend · Step 2 of Four days of expressive writing is due today (mend path next expressive-writing)\n"
    );
    assert!(home(&env).contains(
        "Step 2 of Four days of expressive writing is due today (mend path next expressive-writing)"
    ));
    env.set_now(&at(day1 + Days::new(3)));
    let status = env.json_of(&["path", "status", "--json"]);
    assert_eq!(status[0]["due"], "2026-11-03");
    assert!(
        env.stdout_of(&["nudge"])
            .contains("is due since Tuesday 3 November")
    );
    // Taking a step early is allowed, with a word about when it was due.
    env.set_now(&at(day1 + Days::new(3)));
    env.stdout_of(&["path", "next", "--answer", "Day two."]);
    let out = env
        .cmd()
        .args(["path", "next", "--answer", "Day three, early."])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(
        String::from_utf8_lossy(&out.stderr)
            .contains("This step is due tomorrow (the path goes every day)")
    );
}

#[test]
fn the_outside_view_is_due_every_four_months_and_the_check_up_every_year() {
    let mut env = TestEnv::new();
    let day1 = start_day();
    env.set_now(&at(day1));
    env.stdout_of(&["path", "start", "outside-view"]);
    let out = env.stdout_of(&["path", "next", "--answer", "We argued about the phone."]);
    assert!(out.contains("due on Tuesday 2 March 2027"), "{out}");
    env.set_now(&at("2027-03-01".parse().unwrap()));
    assert!(!env.stdout_of(&["nudge"]).contains("Step 2"), "not due yet");
    env.set_now(&at("2027-03-02".parse().unwrap()));
    assert_eq!(
        env.stdout_of(&["nudge"]),
        "mend · Step 2 of Seeing a conflict from the outside is due today (mend path next outside-view)\n"
    );

    let mut env = TestEnv::new();
    let (last, out) = walk(&mut env, "check-up", 5, Gap::Sitting);
    assert_eq!(last, day1, "one sitting");
    assert!(
        out.contains("the next one is due on Tuesday 2 November 2027"),
        "{out}"
    );
    env.set_now(&at("2027-11-01".parse().unwrap()));
    let status = env.json_of(&["path", "status", "--json"]);
    assert_eq!(status[0]["due_again"], "2027-11-02");
    assert!(!home(&env).contains("check-up is due"));
    env.set_now(&at("2027-11-02".parse().unwrap()));
    assert_eq!(
        env.stdout_of(&["nudge"]),
        "mend · A yearly relationship check-up is due again today (mend path start check-up)\n"
    );
    assert!(
        home(&env).contains(
            "A yearly relationship check-up is due again today (mend path start check-up)"
        )
    );
    let status = env.stdout_of(&["path", "status"]);
    assert!(
        status.contains("A yearly relationship check-up is due again today."),
        "{status}"
    );
    env.stdout_of(&["path", "start", "check-up"]);
    assert!(
        env.stdout_of(&["nudge"])
            .starts_with("mend · Step 1 of A yearly relationship check-up is due today")
    );
}

#[test]
fn checks_survive_export_and_import_and_the_table_comes_back() {
    let mut env = TestEnv::new();
    walk(&mut env, "expressive-writing", 5, Gap::Days(1));
    let exported = env.stdout_of(&["export", "--format", "json"]);
    let file = env.root().join("journal.json");
    std::fs::write(&file, &exported).unwrap();
    let fresh = TestEnv::new();
    fresh.stdout_of(&["import", file.to_str().unwrap()]);

    let rows = |env: &TestEnv| -> Vec<(String, String, i64, i64)> {
        env.sql()
            .prepare("SELECT day, step, before, after FROM path_checks ORDER BY day, entry_id")
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)))
            .unwrap()
            .map(Result::unwrap)
            .collect()
    };
    assert_eq!(rows(&env).len(), 4);
    assert_eq!(rows(&fresh), rows(&env));
    let again = fresh.stdout_of(&["export", "--format", "json"]);
    let entries = |text: &str| -> Vec<Value> {
        let doc: Value = serde_json::from_str(text).unwrap();
        doc["entries"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["fields"].clone())
            .collect()
    };
    assert_eq!(entries(&again), entries(&exported));
    let status = fresh.stdout_of(&["path", "status", "expressive-writing"]);
    assert!(status.contains("  4. "), "{status}");
    assert!(status.contains(" → "), "{status}");

    // A check that is not one as mend writes it is refused, with the file left unimported.
    let bad = exported.replacen("\"before\": 8", "\"before\": 11", 1);
    assert_ne!(bad, exported);
    std::fs::write(&file, &bad).unwrap();
    let other = TestEnv::new();
    let out = other
        .cmd()
        .args(["import", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let line = assert_one_line_error(&out.stderr);
    assert!(line.contains("not a 0–10 check"), "{line}");
    assert!(other.list_json().is_empty());
}
