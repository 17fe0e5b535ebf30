//! The habits people bring from jrnl and Day One: `last` and `-1` for an entry, dates with a
//! time in every form, clap's detail kept in one-line errors, and a home screen for bare
//! `mend` on a terminal.

mod common;

use common::{TestEnv, assert_one_line_error};
use rexpect::session::spawn_command;

#[test]
fn last_and_counting_back_name_entries() {
    let env = TestEnv::new();
    let older = env.write(&["--date", "yesterday", "Older words."]);
    let newer = env.write(&["Newer words."]);

    assert_eq!(env.json_of(&["show", "last", "--json"])["id"], newer);
    assert_eq!(env.json_of(&["show", "-1", "--json"])["id"], newer);
    assert_eq!(env.json_of(&["show", "-2", "--json"])["id"], older);

    let out = env.stdout_of(&["edit", "last", "--mood", "4"]);
    assert_eq!(out.trim(), format!("Updated entry {newer}."));
    assert_eq!(env.show_json(newer)["mood"], 4);
    env.stdout_of(&["edit", "-2", "--mood", "2"]);
    assert_eq!(env.show_json(older)["mood"], 2);

    let out = env.cmd().args(["show", "-3"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(assert_one_line_error(&out.stderr).contains("fewer than 3 entries"));

    let out = env.stdout_of(&["delete", "-1", "--yes"]);
    assert!(out.contains(&format!("mend restore {newer}")), "{out}");
    // With the newest in the trash, `last` is the one before.
    assert_eq!(env.json_of(&["show", "last", "--json"])["id"], older);
}

#[test]
fn dates_with_a_time_in_every_form() {
    let mut env = TestEnv::new();
    env.set_now("2026-11-21T15:00:00Z");
    for (given, day, time) in [
        ("2026-10-06 21:30", "2026-10-06", "21:30"),
        ("2026-10-06 at 21:30", "2026-10-06", "21:30"),
        ("2026-10-07T21:30", "2026-10-07", "21:30"),
        ("6 oct at 9pm", "2026-10-06", "21:00"),
        ("oct 6 at 21:30", "2026-10-06", "21:30"),
    ] {
        let id = env.write(&["--date", given, "An evening."]);
        let entry = env.show_json(id);
        assert_eq!(entry["day"], day, "{given}");
        let created = entry["created"].as_str().unwrap();
        assert!(created.contains(&format!("T{time}")), "{given}: {created}");
    }
}

#[test]
fn usage_errors_name_what_is_missing_and_suggest() {
    let env = TestEnv::new();
    for (args, wanted) in [
        (&["wrte"][..], "did you mean `mend write`?"),
        (&["edit"][..], "<ID>"),
        (
            &["write", "--moood", "3", "x"][..],
            "did you mean `--mood`?",
        ),
        (&["edit", "nonsense"][..], "`last`"),
    ] {
        let out = env.cmd().args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let line = assert_one_line_error(&out.stderr);
        assert!(line.contains(wanted), "{args:?}: {line}");
        assert!(!line.contains("invalid digit"), "{args:?}: {line}");
    }
}

#[test]
fn bare_mend_is_a_home_screen_on_a_terminal_and_a_usage_error_elsewhere() {
    let env = TestEnv::new();
    let out = env.cmd().output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(assert_one_line_error(&out.stderr).contains("mend write"));

    let mut cmd = env.std_cmd();
    cmd.env("TERM", "xterm");
    let mut session = spawn_command(cmd, Some(10_000)).unwrap();
    let screen = session.exp_eof().unwrap();
    assert!(screen.contains("Saturday 21 November 2026"), "{screen}");
    assert!(screen.contains("Nothing written today yet."), "{screen}");
    assert!(screen.contains("Today's question: "), "{screen}");
    for command in ["mend write", "mend prompt", "mend summary"] {
        assert!(screen.contains(command), "{screen}");
    }

    env.write(&["--date", "yesterday", "One."]);
    env.write(&["Two."]);
    let mut cmd = env.std_cmd();
    cmd.env("TERM", "xterm");
    let mut session = spawn_command(cmd, Some(10_000)).unwrap();
    let screen = session.exp_eof().unwrap();
    assert!(
        screen.contains("You wrote 1 entry today. 2 days in a row."),
        "{screen}"
    );
    assert!(screen.contains("mend list -n 5"), "{screen}");

    // At 60 columns with colour on, every line fits and no word is cut at the edge.
    let mut cmd = env.std_cmd();
    cmd.env("TERM", "xterm")
        .env("COLUMNS", "60")
        .env("CLICOLOR_FORCE", "1");
    let mut session = spawn_command(cmd, Some(10_000)).unwrap();
    let screen = session.exp_eof().unwrap();
    let plain = strip_ansi(&screen);
    let question = plain
        .split("Today's question: ")
        .nth(1)
        .and_then(|rest| rest.split("\n\n").next())
        .expect("a question on the home screen")
        .to_string();
    for line in plain.lines() {
        assert!(line.trim_end().chars().count() <= 60, "too wide: {line:?}");
    }
    let joined: Vec<&str> = question.split_whitespace().collect();
    let prompt = env.stdout_of(&["prompt"]);
    for word in joined {
        assert!(prompt.contains(word), "{word:?} is cut in {question:?}");
    }
}

/// `text` without colour codes.
fn strip_ansi(text: &str) -> String {
    let mut plain = String::new();
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\u{1b}' {
            for d in chars.by_ref() {
                if d.is_ascii_alphabetic() {
                    break;
                }
            }
        } else if c != '\r' {
            plain.push(c);
        }
    }
    plain
}

#[test]
fn long_output_goes_through_the_pager_on_a_terminal_only() {
    let env = TestEnv::new();
    env.write(&["Words for the pager."]);
    let pager = env.root().join("pager.sh");
    std::fs::write(&pager, "echo \"PAGED LESS=$LESS\"\ncat\n").unwrap();
    let pager_command = format!("sh '{}'", pager.display());

    let on_terminal = |args: &[&str]| {
        let mut cmd = env.std_cmd();
        cmd.env("TERM", "xterm")
            .env("PAGER", &pager_command)
            .env_remove("LESS")
            .args(args);
        let mut session = spawn_command(cmd, Some(10_000)).unwrap();
        session.exp_eof().unwrap()
    };
    let shown = on_terminal(&["list"]);
    assert!(shown.contains("PAGED LESS=FRX"), "{shown}");
    assert!(shown.contains("Words for the pager."), "{shown}");

    let shown = on_terminal(&["list", "--no-pager"]);
    assert!(!shown.contains("PAGED"), "{shown}");
    assert!(shown.contains("Words for the pager."), "{shown}");

    // Piped output never meets the pager.
    let out = env
        .cmd()
        .env("PAGER", &pager_command)
        .arg("list")
        .output()
        .unwrap();
    let out = String::from_utf8(out.stdout).unwrap();
    assert!(
        !out.contains("PAGED") && out.contains("Words for the pager."),
        "{out}"
    );
}

#[test]
fn saving_says_the_words_and_the_run_of_days() {
    let mut env = TestEnv::new();
    env.set_now("2026-11-20T20:00:00Z");
    let out = env.stdout_of(&["write", "One two three."]);
    assert!(out.contains("Saved entry 1"), "{out}");
    assert!(out.contains("3 words · the first day of a run."), "{out}");
    env.set_now("2026-11-21T20:00:00Z");
    let out = env.stdout_of(&["write", "Again today, a few more words here."]);
    assert!(out.contains("7 words · 2 days in a row."), "{out}");
    // A prompt answered from a script says the same.
    let out = env.stdout_of(&["prompt", "--answer", "Only this."]);
    assert!(out.contains("2 words · 2 days in a row."), "{out}");
}

/// `mend ARGS` with the journal read in time zone `tz`.
fn in_zone(env: &TestEnv, tz: &str, args: &[&str]) -> String {
    let out = env.cmd().env("TZ", tz).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn a_days_entries_come_in_time_order_and_day_and_time_agree_in_any_zone() {
    let mut env = TestEnv::new();
    env.set_now("2026-10-07T12:00:00+02:00");
    let write = |args: &[&str]| {
        let out = env
            .cmd()
            .env("TZ", "Europe/Berlin")
            .arg("write")
            .args(args)
            .output()
            .unwrap();
        assert!(out.status.success());
    };
    write(&["--date", "yesterday at 21:30", "Late words."]);
    write(&["--date", "yesterday at 08:00", "Early words."]);
    write(&["--date", "yesterday at 13:15", "Midday words."]);

    // Time order, not id order, in list, show and export.
    let list = in_zone(&env, "Europe/Berlin", &["list", "--short"]);
    let order: Vec<&str> = list
        .lines()
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(order, ["2", "3", "1"], "{list}");
    let ids: Vec<i64> = env
        .json_of(&["show", "2026-10-06", "--json"])
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_i64().unwrap())
        .collect();
    assert_eq!(ids, [2, 3, 1]);

    for tz in ["Europe/Berlin", "Asia/Tokyo", "America/Los_Angeles", "UTC"] {
        let shown = in_zone(&env, tz, &["show", "2026-10-06"]);
        // Written at 21:30 on a Berlin evening: read anywhere, it is still Tuesday's 21:30.
        assert!(
            shown.contains("1 · Tuesday 6 October 2026 · 21:30"),
            "TZ={tz}: {shown}"
        );
        let heads: Vec<&str> = shown.lines().filter(|l| l.contains(" · Tuesday")).collect();
        assert_eq!(heads.len(), 3, "TZ={tz}: {shown}");
        assert!(
            heads[0].contains("08:00") && heads[1].contains("13:15"),
            "TZ={tz}: {heads:?}"
        );
        // Read elsewhere, the clock it was written on is named.
        assert_eq!(
            shown.contains("(UTC+02:00)"),
            tz != "Europe/Berlin",
            "TZ={tz}: {shown}"
        );
        let md = in_zone(&env, tz, &["export"]);
        let times: Vec<&str> = md.lines().filter(|l| l.starts_with("### ")).collect();
        assert_eq!(times.len(), 3, "{md}");
        assert!(
            times[0].starts_with("### 08:00") && times[2].starts_with("### 21:30"),
            "TZ={tz}: {times:?}"
        );
    }

    // An entry dated to another day than it was written on says when it was written.
    write(&["--date", "2026-10-05", "Remembered later."]);
    let shown = in_zone(&env, "Europe/Berlin", &["show", "2026-10-05"]);
    assert!(
        shown.contains("Monday 5 October 2026 · written Wed 7 Oct 2026 12:00"),
        "{shown}"
    );
}
