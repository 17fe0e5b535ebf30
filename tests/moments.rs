//! The moment log: scripted and on a terminal, listed with how many were turned toward.

mod common;

use common::pty::{DOWN, expect, finish, keys, lock, spawn_plain};
use common::{TestEnv, assert_one_line_error};

fn log(env: &TestEnv, args: &[&str]) -> String {
    let out = env.cmd().arg("moment").args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[test]
fn moments_are_logged_from_flags_and_listed_with_the_share_turned_toward() {
    let env = TestEnv::new();
    let said = log(
        &env,
        &[
            "--by",
            "partner",
            "--response",
            "toward",
            "Asked how my day went",
        ],
    );
    assert_eq!(
        said.trim(),
        "Logged moment 1 for Saturday 21 November: your partner reached out, turned toward."
    );
    log(
        &env,
        &[
            "--by",
            "me",
            "--response",
            "away",
            "--date",
            "yesterday",
            "Showed a photo",
        ],
    );
    log(
        &env,
        &[
            "--by",
            "me",
            "--response",
            "toward",
            "Made tea for both of us",
        ],
    );

    let listing = env.stdout_of(&["moments"]);
    let lines: Vec<&str> = listing.lines().collect();
    assert!(
        lines[1].starts_with("Fri 20 Nov 2026  you      away     Showed a photo"),
        "{listing}"
    );
    assert!(
        listing.contains("Turned toward: 2 of 3 (67%). Away: 1. Against: 0."),
        "{listing}"
    );

    let json = env.json_of(&["moments", "--json"]);
    assert_eq!(json["moments"].as_array().unwrap().len(), 3);
    assert_eq!(json["moments"][0]["reached"], "me");
    assert_eq!(json["moments"][0]["response"], "away");
    assert_eq!(json["tally"]["toward"], 2);

    let recent = env.json_of(&["moments", "--from", "today", "--json"]);
    assert_eq!(recent["moments"].as_array().unwrap().len(), 2);
}

#[test]
fn a_script_must_say_who_and_how() {
    let env = TestEnv::new();
    for args in [
        &["A moment"][..],
        &["--by", "me", "A moment"][..],
        &["--by", "me", "--response", "toward"][..],
    ] {
        let out = env.cmd().arg("moment").args(args).output().unwrap();
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        assert_one_line_error(&out.stderr);
    }
    let out = env
        .cmd()
        .args(["moment", "--by", "me", "--response", "sideways", "x"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        env.json_of(&["moments", "--json"])["moments"]
            .as_array()
            .unwrap()
            .is_empty()
    );
}

#[test]
fn the_quick_form_on_a_terminal() {
    let _guard = lock();
    let env = TestEnv::new();
    let mut s = spawn_plain(&env, &["moment"]);
    // Down to "My partner reached out", then down twice to "Turned against".
    keys(&mut s, "My partner reached out", &format!("{DOWN}\r"));
    keys(&mut s, "Turned against", &format!("{DOWN}{DOWN}\r"));
    keys(
        &mut s,
        "What was it?",
        "Snapped when I asked about the weekend\r",
    );
    expect(&mut s, "Logged moment 1");
    let (code, rest) = finish(&mut s);
    assert_eq!(code, 0, "{rest}");
    let json = env.json_of(&["moments", "--json"]);
    let m = &json["moments"][0];
    assert_eq!(m["reached"], "partner");
    assert_eq!(m["response"], "against");
    assert_eq!(m["text"], "Snapped when I asked about the weekend");
}
