//! Living with mend: shell completions, man pages, the nudge line, the config file and
//! `mend paths`.

mod common;

use std::fs;

use common::{TestEnv, assert_one_line_error};

fn config_file(env: &TestEnv, text: &str) {
    let dir = env.root().join("xdg-config/mend");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("config.toml"), text).unwrap();
}

#[test]
fn completions_for_every_shell() {
    let env = TestEnv::new();
    for (shell, marker) in [
        ("bash", "_mend()"),
        ("zsh", "#compdef mend"),
        ("fish", "complete -c mend"),
        ("elvish", "edit:completion:arg-completer[mend]"),
        ("powershell", "Register-ArgumentCompleter"),
    ] {
        let script = env.stdout_of(&["completions", shell]);
        assert!(script.contains(marker), "{shell}: no {marker:?}");
        assert!(
            script.contains("on-this-day"),
            "{shell} completes subcommands"
        );
    }
    let out = env.cmd().args(["completions", "tcsh"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn man_pages_for_every_subcommand() {
    let env = TestEnv::new();
    let dir = env.root().join("man");
    let out = env.stdout_of(&["man", dir.to_str().unwrap()]);
    assert!(out.contains("man pages"), "{out}");
    for page in [
        "mend.1",
        "mend-write.1",
        "mend-summary.1",
        "mend-path-next.1",
        "mend-drafts-recover.1",
    ] {
        let text = fs::read_to_string(dir.join(page)).unwrap_or_else(|e| panic!("{page}: {e}"));
        assert!(text.contains(".TH"), "{page} is a man page");
    }
    assert!(
        fs::read_to_string(dir.join("mend-write.1"))
            .unwrap()
            .contains("mood")
    );
}

#[test]
fn the_nudge_speaks_only_when_nothing_was_written_today() {
    let mut env = TestEnv::new();
    // No journal yet: silence, and no journal is created.
    let out = env.cmd().arg("nudge").output().unwrap();
    assert!(out.status.success() && out.stdout.is_empty() && out.stderr.is_empty());
    assert!(!env.db().exists());

    env.write(&["Written today."]);
    assert_eq!(env.stdout_of(&["nudge"]), "");

    env.set_now("2026-11-23T08:00:00Z");
    let line = env.stdout_of(&["nudge"]);
    assert_eq!(line.lines().count(), 1, "{line}");
    assert!(line.contains('?') && line.contains("mend prompt"), "{line}");
    // The answer is remembered for the day, until the journal changes.
    assert_eq!(env.stdout_of(&["nudge"]), line);
    env.write(&["Written on the new day."]);
    assert_eq!(
        env.stdout_of(&["nudge"]),
        "",
        "a save makes the nudge go quiet"
    );
    env.set_now("2026-11-24T08:00:00Z");
    assert!(
        env.stdout_of(&["nudge"]).contains("mend prompt"),
        "a new day, a new line"
    );

    config_file(&env, "nudge = false\n");
    assert_eq!(env.stdout_of(&["nudge"]), "");
    // A broken config file must not disturb a shell's start.
    config_file(&env, "nudge = \"maybe\"\n");
    let out = env.cmd().arg("nudge").output().unwrap();
    assert!(out.status.success() && out.stdout.is_empty() && out.stderr.is_empty());
}

#[test]
fn the_config_file_is_read_and_typos_are_pointed_at() {
    let env = TestEnv::new();
    let path = env.stdout_of(&["config", "path"]);
    assert!(
        path.trim().ends_with("xdg-config/mend/config.toml"),
        "{path}"
    );

    config_file(
        &env,
        "editor = \"nano\"\ncolor = \"always\"\nperspective = \"rebuilding\"\n",
    );
    let shown = env.stdout_of(&["config", "show"]);
    assert!(shown.contains("editor = \"nano\""), "{shown}");
    env.write(&["Some words."]);
    assert!(
        env.stdout_of(&["list"]).contains("\x1b["),
        "color = always from the config"
    );
    assert!(
        !env.stdout_of(&["--color", "never", "list"])
            .contains("\x1b["),
        "the flag wins"
    );
    for _ in 0..3 {
        let p = env.json_of(&["prompt", "--json"]);
        assert_ne!(
            p["perspective"], "hurt",
            "the preferred perspective is used: {p}"
        );
    }

    config_file(&env, "editor = \"nano\"\n  colour = \"never\"\n");
    let out = env.cmd().args(["list"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = assert_one_line_error(&out.stderr);
    assert!(
        err.contains("config.toml:2:3:") && err.contains("colour"),
        "{err}"
    );
}

#[test]
fn paths_say_where_things_are_and_why() {
    let env = TestEnv::new();
    let places = env.json_of(&["paths", "--json"]);
    let find = |name: &str| {
        places
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == name)
            .unwrap()
            .clone()
    };
    assert_eq!(find("journal")["path"], env.db().display().to_string());
    assert_eq!(find("journal")["from"], "environment");
    assert_eq!(find("config")["from"], "default");
    let other = env.root().join("other.db");
    let places = env.json_of(&["--db", other.to_str().unwrap(), "paths", "--json"]);
    assert_eq!(places[0]["from"], "flag");
    assert_eq!(places[0]["path"], other.display().to_string());
}
