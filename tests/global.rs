//! Behaviour shared by every command: private files, colour, escaping, closed pipes and help.

mod common;

use std::io::{BufRead, BufReader, Read};
use std::process::Stdio;

use common::{TestEnv, mode};

#[test]
fn the_journal_and_its_folder_are_private() {
    let env = TestEnv::new();
    assert!(!env.data_dir().exists());
    env.write(&["first words"]);
    assert_eq!(mode(&env.db()), 0o600, "journal file");
    assert_eq!(mode(&env.data_dir()), 0o700, "journal folder");
    for suffix in ["-wal", "-shm"] {
        let companion = std::path::PathBuf::from(format!("{}{suffix}", env.db().display()));
        if companion.exists() {
            assert_eq!(mode(&companion), 0o600, "{}", companion.display());
        }
    }
}

#[test]
fn the_write_ahead_log_is_private_too() {
    let env = TestEnv::new();
    env.write(&["first words"]);
    // Hold a connection open, so the -wal and -shm files outlive mend's own connection.
    let conn = env.sql();
    let n: i64 = conn
        .query_row("SELECT count(*) FROM entries", [], |r| r.get(0))
        .unwrap();
    assert_eq!(n, 1);
    env.write(&["second words"]);
    let wal = std::path::PathBuf::from(format!("{}-wal", env.db().display()));
    let shm = std::path::PathBuf::from(format!("{}-shm", env.db().display()));
    assert!(wal.exists(), "the journal is in WAL mode");
    assert_eq!(mode(&wal), 0o600);
    assert_eq!(mode(&shm), 0o600);
    assert_eq!(mode(&env.db()), 0o600);
    drop(conn);
}

#[test]
fn a_loosened_journal_is_made_private_again() {
    use std::os::unix::fs::PermissionsExt;
    let env = TestEnv::new();
    env.write(&["first words"]);
    std::fs::set_permissions(env.db(), std::fs::Permissions::from_mode(0o644)).unwrap();
    env.cmd().arg("list").assert().success();
    assert_eq!(mode(&env.db()), 0o600);
}

#[test]
fn nothing_is_written_outside_the_test_folder() {
    let env = TestEnv::new();
    env.write(&["first words"]);
    env.cmd().arg("list").assert().success();
    // Only the journal folder was created; the home folder stays empty.
    assert_eq!(std::fs::read_dir(env.home()).unwrap().count(), 0);
}

#[test]
fn color_always_and_never() {
    let env = TestEnv::new();
    env.write(&["--mood", "3", "--tag", "walk", "A coloured day"]);
    let always = env.stdout_of(&["--color", "always", "list"]);
    assert!(always.contains("\x1b["), "{always:?}");
    assert!(always.contains("A coloured day"));
    let short = env.stdout_of(&["list", "--short", "--color", "always"]);
    assert!(short.contains("\x1b["), "{short:?}");
    let never = env.stdout_of(&["--color", "never", "list"]);
    assert!(!never.contains('\x1b'), "{never:?}");
    assert!(never.contains("A coloured day"));
    // Auto with a pipe: no colour.
    let auto = env.stdout_of(&["list"]);
    assert!(!auto.contains('\x1b'), "{auto:?}");
    // JSON never carries colour.
    let json = env.stdout_of(&["--color", "always", "list", "--json"]);
    assert!(!json.contains('\x1b'), "{json:?}");
    serde_json::from_str::<serde_json::Value>(&json).unwrap();
}

#[test]
fn color_always_in_search_highlights() {
    let env = TestEnv::new();
    env.write(&["We talked about trust"]);
    let text = env.stdout_of(&["--color", "always", "search", "trust"]);
    assert!(text.contains("\x1b["), "{text:?}");
    assert!(!text.contains("**trust**"), "{text:?}");
    assert!(!text.contains('\u{e000}'), "{text:?}");
}

/// Every ESC in `text` must start one of mend's own colour codes, never one from the body.
fn assert_no_escape_from_body(text: &str) {
    assert!(
        !text.contains("\x1b[31m"),
        "raw escape from the body: {text:?}"
    );
    assert!(!text.contains('\x07'), "raw bell from the body: {text:?}");
}

#[test]
fn control_characters_in_entries_are_escaped_on_colour_output() {
    let env = TestEnv::new();
    let body = "Red \x1b[31malert\x1b[0m and a bell \x07 here";
    env.write_stdin(&["--tag", "\x1b[31mtag"], body);
    let list = env.stdout_of(&["--color", "always", "list"]);
    assert!(list.contains("alert"), "{list:?}");
    assert!(
        list.contains("^[[31m"),
        "the escape is shown visibly: {list:?}"
    );
    assert_no_escape_from_body(&list);
    for args in [
        vec!["--color", "always", "list", "--short"],
        vec!["--color", "always", "show", "1"],
        vec!["--color", "always", "search", "bell"],
    ] {
        let text = env.stdout_of(&args);
        assert!(text.contains("alert"), "{args:?}: {text:?}");
        assert_no_escape_from_body(&text);
    }
    // JSON keeps the text exactly (escaped as JSON).
    assert_eq!(env.show_json(1)["body"], body);
}

#[test]
fn control_characters_in_the_trash_listing_are_escaped() {
    let env = TestEnv::new();
    env.write_stdin(&[], "Gone \x1b[31mred\x1b[0m");
    env.cmd().args(["delete", "1", "--yes"]).assert().success();
    let text = env.stdout_of(&["--color", "always", "trash"]);
    assert!(text.contains("red"), "{text:?}");
    assert_no_escape_from_body(&text);
}

/// Starts `mend ARGS` with stdout piped, reads one line, closes the pipe and waits.
fn read_one_line_then_close(env: &TestEnv, args: &[&str]) -> (std::process::ExitStatus, String) {
    let mut child = env
        .std_cmd()
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stdout = child.stdout.take().unwrap();
    let mut reader = BufReader::new(stdout);
    let mut line = String::new();
    reader.read_line(&mut line).unwrap();
    assert!(!line.is_empty(), "mend {args:?} printed nothing");
    drop(reader);
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let status = child.wait().unwrap();
    (status, stderr)
}

/// A journal whose every listing is far larger than a pipe buffer: four entries of about
/// 40 KB today, and 2000 short ones yesterday (added in SQL to keep the test fast; the schema's
/// triggers keep the search index in step).
fn big_journal() -> TestEnv {
    let env = TestEnv::new();
    let paragraph = "We talked for a long time about the walk and what comes next. ".repeat(650);
    for n in 0..4 {
        env.write_stdin(&[], &format!("Entry {n}\n{paragraph}"));
    }
    env.sql()
        .execute_batch(
            "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2000)
             INSERT INTO entries (uuid, day, created, updated, body)
             SELECT printf('00000000-0000-4000-8000-%012d', i), '2026-11-20',
                    '2026-11-20T12:00:00.000Z', '2026-11-20T12:00:00.000Z',
                    printf('Short entry number %d about the walk', i)
             FROM n;",
        )
        .unwrap();
    env
}

/// `mend ARGS | head -1` must end with status 0 and say nothing on stderr.
fn assert_quiet_on_closed_pipe(args: &[&str]) {
    let env = big_journal();
    let (status, stderr) = read_one_line_then_close(&env, args);
    assert!(
        status.success(),
        "mend {args:?} | head -1: {status:?}, stderr {stderr:?}"
    );
    assert_eq!(stderr, "", "mend {args:?} | head -1 should be quiet");
}

#[test]
fn a_closed_pipe_ends_list_quietly() {
    assert_quiet_on_closed_pipe(&["list"]);
}

#[test]
fn a_closed_pipe_ends_list_short_quietly() {
    assert_quiet_on_closed_pipe(&["list", "--short"]);
}

#[test]
fn a_closed_pipe_ends_list_json_quietly() {
    assert_quiet_on_closed_pipe(&["list", "--json"]);
}

#[test]
fn a_closed_pipe_ends_show_quietly() {
    assert_quiet_on_closed_pipe(&["show", "today"]);
}

#[test]
fn a_closed_pipe_ends_show_json_quietly() {
    assert_quiet_on_closed_pipe(&["show", "today", "--json"]);
}

#[test]
fn a_closed_pipe_ends_search_quietly() {
    assert_quiet_on_closed_pipe(&["search", "walk", "-n", "5000"]);
}

#[test]
fn a_closed_pipe_ends_search_json_quietly() {
    assert_quiet_on_closed_pipe(&["search", "walk", "-n", "5000", "--json"]);
}

#[test]
fn help_has_examples() {
    let env = TestEnv::new();
    let top = env.stdout_of(&["--help"]);
    assert!(top.contains("Examples"), "{top}");
    for command in [
        "write",
        "list",
        "show",
        "search",
        "edit",
        "delete",
        "restore",
        "trash",
        "on-this-day",
        "drafts",
        "feelings",
    ] {
        assert!(top.contains(command), "mend --help should list {command}");
        let out = env.cmd().args([command, "--help"]).output().unwrap();
        assert_eq!(out.status.code(), Some(0), "mend {command} --help");
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains("Examples"), "mend {command} --help: {text}");
        assert!(
            text.contains(&format!("mend {command}")),
            "mend {command} --help: {text}"
        );
    }
    assert!(!env.db().exists(), "help must not create a journal");
}

#[test]
fn version_is_printed() {
    let env = TestEnv::new();
    let text = env.stdout_of(&["--version"]);
    assert!(text.starts_with("mend "), "{text}");
}

#[test]
fn feelings_lists_the_vocabulary() {
    let env = TestEnv::new();
    let text = env.stdout_of(&["feelings"]);
    for word in ["anger", "jealousy", "hope", "betrayal"] {
        assert!(text.contains(word), "{word}: {text}");
    }
    let json = env.json_of(&["feelings", "--json"]);
    let families = json.as_array().unwrap();
    assert!(families.len() >= 10);
    assert!(
        families
            .iter()
            .all(|f| f["feelings"].is_array() && f["label"].is_string())
    );
    assert!(!env.db().exists(), "listing feelings needs no journal");
}

/// Starts `n` `mend write` processes at once and returns how many succeeded, with the errors.
fn parallel_writes(env: &TestEnv, n: usize) -> (usize, Vec<String>) {
    let children: Vec<_> = (0..n)
        .map(|i| {
            env.std_cmd()
                .args(["write", &format!("written at the same time, number {i}")])
                .stdin(Stdio::null())
                .stdout(Stdio::piped())
                .stderr(Stdio::piped())
                .spawn()
                .unwrap()
        })
        .collect();
    let mut ok = 0;
    let mut errors = Vec::new();
    for child in children {
        let out = child.wait_with_output().unwrap();
        if out.status.success() {
            ok += 1;
        } else {
            errors.push(String::from_utf8_lossy(&out.stderr).to_string());
        }
    }
    (ok, errors)
}

#[test]
fn writers_at_the_same_time_all_succeed() {
    let env = TestEnv::new();
    env.write(&["the first entry"]);
    let (ok, errors) = parallel_writes(&env, 8);
    assert_eq!(ok, 8, "{errors:?}");
    assert_eq!(env.list_json().len(), 9);
}

#[test]
fn first_writers_at_the_same_time_all_succeed() {
    for _ in 0..5 {
        let env = TestEnv::new();
        let (ok, errors) = parallel_writes(&env, 12);
        assert_eq!(ok, 12, "{errors:?}");
        assert_eq!(env.list_json().len(), 12);
    }
}
