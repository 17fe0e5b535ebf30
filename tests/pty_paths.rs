//! The paths from research on a real pseudo-terminal, as a person walks them: the rating
//! before a session, the answer in the editor, the follow-ups, the rating after, mood and
//! feelings, step after step to the closing reflection and its before-and-after table. A
//! rating that does not fit is asked again, and Ctrl-C at a rating keeps what was saved. A
//! path walked in one sitting goes from step to step in one `mend path next`.

mod common;

use std::time::Duration;

use common::TestEnv;
use common::pty::{CTRL_C, ENTER, expect, lock, send, spawn_plain};
use rexpect::ReadUntil;
use rexpect::process::WaitStatus;

/// What one step showed, and how it ended.
struct Step {
    code: i32,
    screen: String,
    before_asked: bool,
    after_asked: bool,
}

/// Takes one step: the ratings answered `before` and `after`, every follow-up, mood and
/// feelings skipped with Enter.
fn take_step(env: &TestEnv, path: &str, before: &str, after: &str) -> Step {
    let mut s = spawn_plain(env, &["path", "next", path]);
    let mut step = Step {
        code: -1,
        screen: String::new(),
        before_asked: false,
        after_asked: false,
    };
    loop {
        let found = s
            .exp_any(vec![
                ReadUntil::String("skips)\r\n> ".into()),
                ReadUntil::String("How did the day feel?".into()),
                ReadUntil::String("Which feelings were there?".into()),
                ReadUntil::EOF,
            ])
            .unwrap_or_else(|e| panic!("waiting for a question: {e}; so far {}", step.screen));
        step.screen.push_str(&found.0);
        step.screen.push_str(&found.1);
        if found.1.starts_with("skips") {
            // The question is the line the "(Enter skips)" ends.
            let last = found.0.rsplit('\n').next().unwrap_or_default();
            if last.contains("Before you begin") {
                step.before_asked = true;
                send(&mut s, &format!("{before}\r"));
            } else if last.contains("Now that you have finished") {
                step.after_asked = true;
                send(&mut s, &format!("{after}\r"));
            } else {
                send(&mut s, ENTER);
            }
        } else if found.1.starts_with("How") || found.1.starts_with("Which") {
            std::thread::sleep(Duration::from_millis(300));
            send(&mut s, ENTER);
        } else {
            step.code = match s.process().wait().expect("waiting for mend") {
                WaitStatus::Exited(_, code) => code,
                other => panic!("mend ended with {other:?}: {}", step.screen),
            };
            return step;
        }
    }
}

#[test]
fn every_research_path_is_walked_on_a_terminal_to_its_before_and_after() {
    let _guard = lock();
    // (path, steps, walked in one sitting)
    let paths = [
        ("after-an-incident", 6, true),
        ("atone-attune-attach", 7, false),
        ("atone-attune-attach-hurt", 7, false),
        ("affair-recovery", 8, false),
        ("expressive-writing", 5, false),
        ("outside-view", 4, false),
        ("check-up", 5, true),
    ];
    let mut failed = Vec::new();
    for (path, steps, sitting) in paths {
        let env = TestEnv::new();
        env.editor_writes("What I wrote for this step.\n");
        env.stdout_of(&["path", "start", path]);
        let mut last = String::new();
        // In one sitting, one `mend path next` walks every step.
        let spawns = if sitting { 1 } else { steps };
        for n in 0..spawns {
            let closing = n == steps - 1;
            let step = take_step(&env, path, "6", "3");
            let wanted_before = sitting || !closing;
            let wanted_after = sitting || !closing;
            let asked = step.screen.matches("Before you begin").count();
            if sitting && asked != 1 {
                failed.push(format!("{path}: the rating before asked {asked} times"));
            }
            if step.code != 0
                || step.before_asked != wanted_before
                || step.after_asked != wanted_after
            {
                failed.push(format!(
                    "{path} step {}: code {}, before {} after {}: {}",
                    n + 1,
                    step.code,
                    step.before_asked,
                    step.after_asked,
                    step.screen
                ));
                break;
            }
            last = step.screen;
        }
        let sessions = if sitting { 1 } else { steps - 1 };
        // The terminal's bytes are read one by one, so the arrow between the two is not
        // matched; the row is its day, the rating before and the one after.
        let rows = last
            .lines()
            .filter(|l| l.contains("Nov 2026") && l.contains(" 6 ") && l.trim_end().ends_with(" 3"))
            .count();
        if !last.contains("You have walked the whole of") || rows != sessions {
            failed.push(format!("{path}: {rows} rows of {sessions}: {last}"));
        }
    }
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn the_closing_reflection_shows_the_ratings_above_its_question() {
    let _guard = lock();
    let env = TestEnv::new();
    let seen = env.root().join("seen.txt");
    env.set_editor_script(&format!(
        "cp \"$1\" '{}'\nprintf 'Written.\\n' > \"$1\"\n",
        seen.display()
    ));
    env.stdout_of(&["path", "start", "check-up"]);
    // The whole sitting in one go; the editor keeps the last template it was given.
    let step = take_step(&env, "check-up", "4", "7");
    assert_eq!(step.code, 0, "{}", step.screen);
    // Mood is asked once in the sitting (the answered question is redrawn as "… skip").
    assert_eq!(
        step.screen.matches("How did the day feel? skip").count(),
        1,
        "{}",
        step.screen
    );
    assert_eq!(env.list_json().len(), 5);
    let template = std::fs::read_to_string(&seen).unwrap();
    assert!(
        template.contains("# Your closeness before and after each session"),
        "{template}"
    );
    assert!(
        template.contains(" 4 → 7"),
        "the ratings so far: {template}"
    );
    assert!(
        template.contains("# A last look at this year's check-up."),
        "the step's framing: {template}"
    );
}

#[test]
fn a_rating_that_does_not_fit_is_asked_again_and_ctrl_c_keeps_what_was_saved() {
    let _guard = lock();
    let env = TestEnv::new();
    env.editor_writes("The first day's writing.\n");
    env.stdout_of(&["path", "start", "expressive-writing"]);

    // Ctrl-C at the first rating: nothing is saved.
    let mut s = spawn_plain(&env, &["path", "next"]);
    expect(&mut s, "Before you begin");
    expect(&mut s, "> ");
    send(&mut s, CTRL_C);
    let rest = s.exp_eof().unwrap();
    assert!(rest.contains("nothing was saved"), "{rest}");
    assert!(env.list_json().is_empty());

    // "12" and "lots" are asked again; 7 is kept. Ctrl-C at the rating after: the answer stays.
    let mut s = spawn_plain(&env, &["path", "next"]);
    expect(&mut s, "Before you begin");
    expect(&mut s, "> ");
    send(&mut s, "12\r");
    expect(&mut s, "\"12\" is not a number from 0 to 10");
    expect(&mut s, "> ");
    send(&mut s, "lots\r");
    expect(&mut s, "\"lots\" is not a number from 0 to 10");
    expect(&mut s, "> ");
    send(&mut s, "7\r");
    expect(&mut s, "Now that you have finished");
    expect(&mut s, "> ");
    send(&mut s, CTRL_C);
    let rest = s.exp_eof().unwrap();
    assert!(
        rest.contains("stopped at the rating after the session"),
        "{rest}"
    );
    let entries = env.list_json();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0]["body"], "The first day's writing.");
    assert_eq!(
        entries[0]["fields"],
        serde_json::json!({"kind": "check", "measure": "distress", "before": 7})
    );
}

#[test]
fn an_inline_step_shows_its_heading_once() {
    let _guard = lock();
    let env = TestEnv::new();
    env.stdout_of(&["path", "start", "expressive-writing"]);
    let mut s = spawn_plain(&env, &["path", "next", "--inline"]);
    let mut screen = expect(&mut s, "Before you begin");
    screen.push_str(&expect(&mut s, "> "));
    send(&mut s, "6\r");
    screen.push_str(&expect(&mut s, "An empty line finishes."));
    send(&mut s, "What I wrote today.\r");
    std::thread::sleep(Duration::from_millis(200));
    send(&mut s, ENTER);
    screen.push_str(&expect(&mut s, "Now that you have finished"));
    let heading = "step 1 of 5: Day one: the experience";
    assert_eq!(screen.matches(heading).count(), 1, "{screen}");
    // The step's question is shown once too.
    assert_eq!(
        screen
            .matches("Which experience in this relationship")
            .count(),
        1,
        "{screen}"
    );
}
