//! Guided reflection end to end: today's prompt and its rotation, answering (scripted and on
//! a terminal), the library commands, own prompt files, guided paths and the safety note.

mod common;

use std::collections::HashSet;
use std::fs;

use common::{TestEnv, saved_id};
use rexpect::session::spawn_command;
use rstest::rstest;
use serde_json::Value;

fn today_prompt(env: &TestEnv, extra: &[&str]) -> Value {
    let mut args = vec!["prompt", "--json"];
    args.extend_from_slice(extra);
    env.json_of(&args)
}

/// Answers today's prompt (with `extra` options) and returns the new entry.
fn answer(env: &TestEnv, extra: &[&str], text: &str) -> Value {
    let mut args = vec!["prompt"];
    args.extend_from_slice(extra);
    args.extend_from_slice(&["--answer", text]);
    let id = saved_id(&env.stdout_of(&args));
    env.show_json(id)
}

fn day(n: u32) -> String {
    // Days counted from 1 October 2026.
    let d = chrono::NaiveDate::from_ymd_opt(2026, 10, 1).unwrap()
        + chrono::Duration::days(i64::from(n));
    format!("{d}T15:00:00Z")
}

#[test]
fn the_daily_prompt_is_stable_all_day_and_changes_with_the_days() {
    let mut env = TestEnv::new();
    let first = today_prompt(&env, &[]);
    assert_eq!(first, today_prompt(&env, &[]), "same prompt twice in a day");
    env.set_now("2026-11-21T23:59:00Z");
    assert_eq!(
        first["id"],
        today_prompt(&env, &[])["id"],
        "same prompt late in the day"
    );

    let mut seen = HashSet::new();
    for n in 0..10 {
        env.set_now(&day(n));
        seen.insert(today_prompt(&env, &[])["id"].as_str().unwrap().to_string());
    }
    assert!(seen.len() >= 8, "ten days gave {} prompts", seen.len());

    let another = today_prompt(&env, &["--another"]);
    assert_ne!(another["id"], today_prompt(&env, &[])["id"]);
}

#[test]
fn answering_links_the_entry_and_keeps_the_choice_for_the_day() {
    let env = TestEnv::new();
    let shown = today_prompt(&env, &["--theme", "forgiveness"]);
    let entry = answer(
        &env,
        &["--theme", "forgiveness", "--mood", "3"],
        "It costs me sleep.",
    );
    assert_eq!(entry["prompt"]["id"], shown["id"]);
    assert_eq!(entry["prompt"]["text"], shown["text"]);
    assert_eq!(entry["prompt"]["theme"], "forgiveness");
    assert_eq!(entry["mood"], 3);
    assert_eq!(entry["body"], "It costs me sleep.");
    // Answering does not move today's prompt on.
    assert_eq!(
        today_prompt(&env, &["--theme", "forgiveness"])["id"],
        shown["id"]
    );
}

#[test]
fn follow_up_answers_are_kept_under_their_questions() {
    let env = TestEnv::new();
    let shown = today_prompt(&env, &["--theme", "forgiveness"]);
    let follow_up = shown["follow_ups"][0]
        .as_str()
        .expect("this prompt has a follow-up");
    let out = env.stdout_of(&[
        "prompt",
        "--theme",
        "forgiveness",
        "--answer",
        "First answer.",
        "--answer",
        "Second answer.",
    ]);
    let body = env.show_json(saved_id(&out))["body"]
        .as_str()
        .unwrap()
        .to_string();
    assert!(body.starts_with("First answer."), "{body}");
    assert!(
        body.contains(&format!("**{follow_up}**\n\nSecond answer.")),
        "{body}"
    );
}

#[test]
fn scripts_answer_on_stdin_and_an_empty_stdin_only_shows_the_prompt() {
    let env = TestEnv::new();
    let out = env.cmd().args(["prompt"]).write_stdin("").output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains('?'), "the prompt is printed: {text}");
    assert_eq!(env.count_rows(), 0, "nothing saved");

    let out = env
        .cmd()
        .args(["prompt", "--theme", "boundaries"])
        .write_stdin("An answer from a pipe.\n")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let entry = env.show_json(saved_id(&String::from_utf8_lossy(&out.stdout)));
    assert_eq!(entry["prompt"]["theme"], "boundaries");
    assert_eq!(entry["body"], "An answer from a pipe.");
}

#[test]
fn no_prompt_returns_within_sixty_days_while_others_remain() {
    let mut env = TestEnv::new();
    // One answer a day for 60 days: the library holds far more than 60 prompts, so none of
    // them may come back inside the rest.
    for n in 0..60 {
        env.set_now(&day(n));
        env.stdout_of(&["prompt", "--answer", "An answer."]);
    }
    let entries = env.list_json();
    assert_eq!(entries.len(), 60);
    let mut first_day = std::collections::HashMap::new();
    for e in &entries {
        let id = e["prompt"]["id"].as_str().unwrap().to_string();
        let day = e["day"].as_str().unwrap().to_string();
        if let Some(earlier) = first_day.insert(id.clone(), day.clone()) {
            panic!("{id} answered on {earlier} came back on {day}");
        }
    }
}

#[test]
fn a_path_step_that_repeats_a_prompt_rests_it_too() {
    let mut env = TestEnv::new();
    env.set_now(&day(0));
    env.stdout_of(&["path", "start", "root-causes"]);
    env.stdout_of(&["path", "next", "--answer", "Mostly doubting."]);
    let out = env.stdout_of(&["path", "next", "--answer", "When I was nine."]);
    let step = env.show_json(saved_id(&out));
    assert_eq!(step["path"]["step"], "first-memory");
    // The step asks what root-causes/when-it-started asks: that prompt rests as well.
    for n in 1..12 {
        env.set_now(&day(n));
        let entry = answer(&env, &["--theme", "root-causes"], "An answer.");
        assert_ne!(
            entry["prompt"]["id"], "root-causes/when-it-started",
            "day {n}: answered on the path yesterday or before"
        );
    }
}

#[test]
fn the_least_recently_explored_theme_comes_first() {
    let mut env = TestEnv::new();
    let themes: Vec<String> = env
        .json_of(&["prompts", "themes", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t["id"].as_str().unwrap().to_string())
        .collect();
    // Every theme but "boundaries" answered in the last weeks.
    let mut n = 0;
    for theme in themes.iter().filter(|t| *t != "boundaries") {
        env.set_now(&day(n));
        answer(&env, &["--theme", theme], "An answer.");
        n += 1;
    }
    env.set_now(&day(n + 1));
    assert_eq!(today_prompt(&env, &[])["theme"], "boundaries");
}

#[test]
fn filters_are_honoured() {
    let mut env = TestEnv::new();
    for n in 0..6 {
        env.set_now(&day(n));
        let p = today_prompt(&env, &["--perspective", "rebuilding"]);
        assert_ne!(p["perspective"], "hurt", "{p}");
        let p = today_prompt(&env, &["--context", "work", "--theme", "signs"]);
        assert!(p["context"] == "work" || p["context"] == "any", "{p}");
        assert_eq!(p["theme"], "signs");
    }
    let out = env
        .cmd()
        .args(["prompt", "--theme", "nope", "--show"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    common::assert_one_line_error(&out.stderr);
}

#[test]
fn the_library_can_be_listed_shown_and_counted() {
    let env = TestEnv::new();
    let all = env.json_of(&["prompts", "--json"]);
    let all = all.as_array().unwrap();
    assert!(all.len() >= 150);
    // Every missing key is named at once.
    let missing: Vec<&str> = [
        "id",
        "theme",
        "text",
        "follow_ups",
        "perspective",
        "context",
        "source",
    ]
    .into_iter()
    .filter(|key| all[0].get(key).is_none())
    .collect();
    assert!(missing.is_empty(), "missing: {missing:?}");
    let forgiveness = env.json_of(&["prompts", "--theme", "forgiveness", "--json"]);
    assert!(
        forgiveness
            .as_array()
            .unwrap()
            .iter()
            .all(|p| p["theme"] == "forgiveness")
    );

    let id = all[0]["id"].as_str().unwrap();
    let shown = env.stdout_of(&["prompts", "show", id]);
    assert!(shown.contains(all[0]["text"].as_str().unwrap()));
    let missing = env
        .cmd()
        .args(["prompts", "show", "nope/nope"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(1));

    answer(&env, &["--theme", "progress"], "A small win.");
    let themes = env.json_of(&["prompts", "themes", "--json"]);
    let progress = themes
        .as_array()
        .unwrap()
        .iter()
        .find(|t| t["id"] == "progress")
        .unwrap();
    assert_eq!(progress["answered"], 1);
    assert!(progress["prompts"].as_u64().unwrap() >= 8);
}

#[test]
fn a_merged_prompt_is_found_by_its_old_id() {
    let env = TestEnv::new();
    // feelings/sleep-mood-energy was merged into betrayal/how-it-affected-you; older journals
    // still name it.
    let shown = env.json_of(&["prompts", "show", "feelings/sleep-mood-energy", "--json"]);
    assert_eq!(shown["id"], "betrayal/how-it-affected-you");
    let all = env.json_of(&["prompts", "--json"]);
    assert!(
        all.as_array()
            .unwrap()
            .iter()
            .all(|p| p["id"] != "feelings/sleep-mood-energy"),
        "a merged id is not listed"
    );
}

#[test]
fn own_prompt_files_are_merged_and_broken_ones_reported() {
    let env = TestEnv::new();
    let dir = env.root().join("xdg-config/mend/prompts");
    fs::create_dir_all(&dir).unwrap();
    fs::write(
        dir.join("mine.toml"),
        "theme = \"gratitude\"\ntitle = \"Gratitude\"\n\n[[prompt]]\nid = \"gratitude/small-things\"\ntext = \"Which small thing went well today?\"\n",
    )
    .unwrap();
    fs::write(
        dir.join("broken.toml"),
        "theme = \"feelings\"\n\n[[prompt]]\nid = 3\n",
    )
    .unwrap();
    let out = env
        .cmd()
        .args(["prompt", "--theme", "gratitude", "--json"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let prompt: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(prompt["id"], "gratitude/small-things");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("broken.toml:4:"), "{stderr}");
}

#[test]
fn a_path_is_walked_across_several_days() {
    let mut env = TestEnv::new();
    env.set_now(&day(0));
    let start = env.stdout_of(&["path", "start", "forgiveness"]);
    assert!(start.contains("Step 1 of 6"), "{start}");
    let again = env
        .cmd()
        .args(["path", "start", "forgiveness"])
        .output()
        .unwrap();
    assert_eq!(again.status.code(), Some(1), "a path is not started twice");

    let mut ids = Vec::new();
    for n in 0..6 {
        env.set_now(&day(n));
        let out = env.stdout_of(&["path", "next", "--answer", &format!("Step answer {n}")]);
        ids.push(saved_id(&out));
        if n < 5 {
            let status = env.json_of(&["path", "status", "--json"]);
            assert_eq!(status[0]["answered"], n + 1);
        } else {
            assert!(out.contains("whole"), "{out}");
        }
    }
    let steps: Vec<String> = ids
        .iter()
        .map(|id| {
            env.show_json(*id)["path"]["step"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(steps[0], "acknowledge");
    assert_eq!(
        steps.iter().collect::<HashSet<_>>().len(),
        6,
        "six different steps"
    );
    let first = env.show_json(ids[0]);
    assert_eq!(first["path"]["id"], "forgiveness");
    assert_eq!(first["prompt"]["theme"], "forgiveness");
    assert_eq!(first["day"], "2026-10-01");
    let status = env.stdout_of(&["path", "status"]);
    assert!(status.contains("not walking"), "{status}");

    let none = env
        .cmd()
        .args(["path", "next"])
        .write_stdin("")
        .output()
        .unwrap();
    assert_eq!(none.status.code(), Some(1));
    common::assert_one_line_error(&none.stderr);
}

/// What `mend write TEXT` says on standard error.
fn note_after_writing(text: &str) -> String {
    let env = TestEnv::new();
    let out = env
        .cmd()
        .args(["write", text])
        .write_stdin("")
        .output()
        .unwrap();
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stderr).into_owned()
}

#[rstest]
#[case::wanting_to_die("Some days I want to die.")]
#[case::a_way_to_die("I keep thinking about how to kill myself.")]
#[case::being_hit("He hit me again last night and I am scared.")]
fn the_safety_note_appears_for_crisis_language(#[case] text: &str) {
    let stderr = note_after_writing(text);
    assert!(
        stderr.contains("emergency number"),
        "no note for {text:?}: {stderr}"
    );
    assert!(stderr.contains("not a crisis service"), "{stderr}");
}

#[rstest]
#[case::a_deadline("This deadline is killing me.")]
#[case::getting_on("We hit it off at dinner.")]
#[case::laughing("I died laughing at his joke.")]
#[case::a_battery("My phone battery died on the train.")]
fn no_safety_note_for_a_figure_of_speech(#[case] text: &str) {
    let stderr = note_after_writing(text);
    assert!(
        !stderr.contains("emergency"),
        "a note for {text:?}: {stderr}"
    );
}

#[test]
fn answers_to_prompts_are_checked_for_the_safety_note_too() {
    let env = TestEnv::new();
    let out = env
        .cmd()
        .args(["prompt", "--answer", "I don't want to be here anymore."])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stderr).contains("emergency number"));
}

#[test]
fn answering_on_a_terminal_asks_each_follow_up() {
    let env = TestEnv::new();
    let shown = today_prompt(&env, &["--theme", "forgiveness"]);
    let follow_ups: Vec<String> = shown["follow_ups"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f.as_str().unwrap().to_string())
        .collect();
    assert!(!follow_ups.is_empty());

    let mut cmd = env.std_cmd();
    cmd.env("TERM", "xterm").args([
        "--color",
        "never",
        "prompt",
        "--theme",
        "forgiveness",
        "--inline",
    ]);
    let mut s = spawn_command(cmd, Some(10_000)).expect("a pseudo-terminal");
    s.exp_string("An empty line finishes.").unwrap();
    s.send_line("My main answer on a terminal.").unwrap();
    s.send_line("").unwrap();
    s.exp_string(follow_ups[0].as_str()).unwrap();
    s.send_line("A follow-up answer.").unwrap();
    for follow_up in &follow_ups[1..] {
        // Each follow-up is waited for by its own words, so no key is typed ahead of it.
        s.exp_string(follow_up.as_str()).unwrap();
        s.exp_string("> ").unwrap();
        std::thread::sleep(std::time::Duration::from_millis(100));
        s.send_line("").unwrap();
    }
    // The questions switch the terminal to raw mode only once drawn, which may drop keys
    // typed before: give them a moment.
    s.exp_string("5 very good").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    s.send("\r").unwrap();
    s.flush().unwrap();
    s.exp_string("Which feelings were there?").unwrap();
    std::thread::sleep(std::time::Duration::from_millis(300));
    s.send("\r").unwrap();
    s.flush().unwrap();
    s.exp_string("Saved entry").unwrap();
    s.exp_eof().unwrap();

    let entry = &env.list_json()[0];
    let body = entry["body"].as_str().unwrap();
    assert!(body.starts_with("My main answer on a terminal."), "{body}");
    assert!(
        body.contains(&format!("**{}**\n\nA follow-up answer.", follow_ups[0])),
        "{body}"
    );
    assert_eq!(entry["prompt"]["id"], shown["id"]);
    assert!(entry["mood"].is_null());
}
