//! Privacy from the people and programs around the journal: no core dumps, no control
//! sequences obeyed from an export on a terminal, a reminder that an encrypted journal's
//! export is plain text, discreet mode, and the reminder that arguments are visible.

mod common;

use std::fs;

use common::TestEnv;
use rexpect::session::{PtySession, spawn_command};

const PASS: &str = common::PASSPHRASE;

fn spawn(env: &TestEnv, args: &[&str], extra: &[(&str, &str)]) -> PtySession {
    let mut cmd = env.std_cmd();
    cmd.env("TERM", "xterm").args(args);
    for (k, v) in extra {
        cmd.env(k, v);
    }
    spawn_command(cmd, Some(10_000)).expect("starting mend on a pseudo-terminal")
}

fn config(env: &TestEnv, text: &str) {
    let dir = env.root().join("xdg-config/mend");
    fs::create_dir_all(&dir).unwrap();
    fs::write(dir.join("config.toml"), text).unwrap();
}

#[test]
fn mend_allows_no_core_dump() {
    let env = TestEnv::new();
    // The editor runs while mend waits for it: it reads its parent's limits.
    let limits = env.root().join("limits.txt");
    env.set_editor_script(&format!(
        "cat /proc/$PPID/limits > '{}'\necho 'An entry.' > \"$1\"\n",
        limits.display()
    ));
    let mut session = spawn(&env, &["write", "--mood", "3", "--feel", "calm"], &[]);
    session
        .exp_string("Saved entry")
        .expect("the entry is saved");
    let limits = fs::read_to_string(limits).expect("the editor saw mend's limits");
    let core = limits
        .lines()
        .find(|l| l.starts_with("Max core file size"))
        .expect("a core limit line");
    let fields: Vec<&str> = core.split_whitespace().collect();
    assert_eq!(&fields[4..6], ["0", "0"], "{core}");
}

#[test]
fn export_to_a_terminal_shows_control_sequences_and_pipes_keep_them() {
    let env = TestEnv::new();
    let hidden = "Before\u{1b}]0;owned\u{7}\u{1b}[2J after.";
    env.write(&[hidden]);

    let piped = env.cmd().args(["export"]).output().unwrap();
    assert!(piped.status.success());
    let piped = String::from_utf8(piped.stdout).unwrap();
    assert!(
        piped.contains(hidden),
        "a pipe gets the exact text: {piped:?}"
    );

    let mut session = spawn(&env, &["export"], &[]);
    let shown = session.exp_eof().unwrap();
    assert!(
        shown.contains("Before^[]0;owned^G^[[2J after."),
        "{shown:?}"
    );
    assert!(
        !shown.contains("\u{1b}]0;owned"),
        "a title change reached the terminal"
    );
}

#[test]
fn exporting_an_encrypted_journal_to_standard_output_says_it_is_plain_text() {
    let env = TestEnv::new();
    let init = env
        .cmd()
        .args(["init", "--encrypt"])
        .env("MEND_PASSPHRASE", PASS)
        .output()
        .unwrap();
    if !init.status.success() {
        let why = String::from_utf8_lossy(&init.stderr);
        assert!(
            why.contains("without encryption"),
            "could not make an encrypted journal: {why}"
        );
        common::skip("this build has no encryption");
        return;
    }
    let out = env
        .cmd()
        .args(["write", "A private line."])
        .env("MEND_PASSPHRASE", PASS)
        .output()
        .unwrap();
    assert!(out.status.success());

    // Piped, with nobody at a terminal: the export alone, no note.
    let piped = env
        .cmd()
        .args(["export"])
        .env("MEND_PASSPHRASE", PASS)
        .output()
        .unwrap();
    assert!(piped.status.success());
    assert!(String::from_utf8_lossy(&piped.stdout).contains("A private line."));
    assert!(
        piped.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&piped.stderr)
    );

    let mut session = spawn(&env, &["export"], &[("MEND_PASSPHRASE", PASS)]);
    let shown = session.exp_eof().unwrap();
    assert!(shown.contains("A private line."));
    assert!(
        shown.contains("your journal is encrypted, but this export is not"),
        "{shown}"
    );

    // A plain journal's export says nothing of the kind.
    let plain = TestEnv::new();
    plain.write(&["Plain."]);
    let mut session = spawn(&plain, &["export"], &[]);
    assert!(!session.exp_eof().unwrap().contains("encrypted"));
}

#[test]
fn discreet_mode_keeps_the_nudge_plain() {
    let env = TestEnv::new();
    env.write(&["--date", "yesterday", "Yesterday's words."]);
    let nudge = |extra: &[&str]| {
        let out = env.cmd().args(extra).arg("nudge").output().unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let usual = nudge(&[]);
    assert!(usual.contains("mend prompt"), "{usual}");

    assert_eq!(nudge(&["--discreet"]), "journal: nothing written today\n");
    // The remembered line of one mode is never shown in the other.
    assert_eq!(nudge(&[]), usual);

    config(&env, "perspective = \"any\"\ndiscreet = true\n");
    assert_eq!(nudge(&[]), "journal: nothing written today\n");
    config(&env, "perspective = \"any\"\ndiscreet = false\n");
    assert_eq!(nudge(&[]), usual);
}

#[test]
fn arguments_are_said_to_be_visible() {
    let env = TestEnv::new();
    let help = env.stdout_of(&["write", "--help"]);
    assert!(help.contains("shell's history"), "{help}");

    let out = env.cmd().args(["write", "Quiet words."]).output().unwrap();
    assert!(out.status.success());
    assert!(!String::from_utf8_lossy(&out.stderr).contains("reminder"));

    config(&env, "warn-arguments = true\n");
    let out = env.cmd().args(["write", "Quiet words."]).output().unwrap();
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("shell's history"), "{err}");

    // Piped text needs no reminder.
    let out = env
        .cmd()
        .arg("write")
        .write_stdin("Piped words.")
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(out.stderr.is_empty());
}

#[test]
fn discreet_mode_keeps_the_report_title_plain() {
    let env = TestEnv::new();
    env.write(&["Words for the report."]);
    let title = |extra: &[&str], file: &str| {
        let path = env.root().join(file);
        let out = env
            .cmd()
            .args(extra)
            .args(["report", "-o"])
            .arg(&path)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let html = fs::read_to_string(path).unwrap();
        let start = html.find("<title>").unwrap() + "<title>".len();
        let end = html.find("</title>").unwrap();
        html[start..end].to_string()
    };
    assert!(title(&[], "usual.html").contains("mend"));
    assert_eq!(title(&["--discreet"], "discreet.html"), "Notes");
    config(&env, "perspective = \"any\"\ndiscreet = true\n");
    assert_eq!(title(&[], "configured.html"), "Notes");
}
