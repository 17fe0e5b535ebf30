//! Shared set-up for the end-to-end tests: a private temporary home for every test, a fixed
//! clock, and a fake editor, so that mend never touches the real journal or the real clock.

#![allow(dead_code)]

pub mod corpus;
pub mod linear;
pub mod pty;

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;

/// "Now" for every test: Saturday 21 November 2026, 15:00 UTC.
pub const NOW: &str = "2026-11-21T15:00:00Z";

/// The path of the mend binary under test.
pub fn mend_bin() -> &'static str {
    env!("CARGO_BIN_EXE_mend")
}

/// A test that cannot run here (a tool or permission is missing) says so and returns, but
/// under CI (`CI=true`) it fails instead: CI must never pass by skipping.
pub fn skip(reason: &str) {
    if std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "false" && v != "0") {
        panic!("this test cannot run here, and CI must not pass by skipping it: {reason}");
    }
    eprintln!("skipped: {reason}");
}

/// The passphrase of every encrypted test journal.
pub const PASSPHRASE: &str = "a long enough passphrase";

/// Whether the file at `path` holds `marker` in its bytes (in any letter case when
/// `any_case`: the search index keeps words in lower case).
pub fn file_holds(path: &Path, marker: &str, any_case: bool) -> bool {
    let mut bytes = fs::read(path).unwrap_or_default();
    let mut marker = marker.as_bytes().to_vec();
    if any_case {
        bytes.make_ascii_lowercase();
        marker.make_ascii_lowercase();
    }
    bytes.windows(marker.len()).any(|w| w == marker.as_slice())
}

/// The keys every entry has in `--json` output, in no particular order.
pub const ENTRY_KEYS: [&str; 10] = [
    "id", "uuid", "day", "created", "updated", "mood", "feelings", "tags", "prompt", "body",
];

/// A private world for one test: journal, home, data, config and runtime folders, the clock
/// and the editor all live inside one temporary folder.
pub struct TestEnv {
    pub dir: TempDir,
    now: String,
}

impl Default for TestEnv {
    fn default() -> Self {
        Self::new()
    }
}

impl TestEnv {
    pub fn new() -> TestEnv {
        let dir = tempfile::Builder::new()
            .prefix("mend-test-")
            .tempdir()
            .expect("creating a temporary folder");
        for sub in ["home", "xdg-data", "xdg-config", "run"] {
            fs::create_dir_all(dir.path().join(sub)).unwrap();
        }
        fs::set_permissions(dir.path().join("run"), fs::Permissions::from_mode(0o700)).unwrap();
        let env = TestEnv {
            dir,
            now: NOW.to_string(),
        };
        // By default the editor changes nothing.
        env.set_editor_script("exit 0\n");
        // The writer's side is known, so the first-run question is not asked (tests of it
        // call `forget_perspective`); `any` offers every prompt.
        env.set_config("perspective = \"any\"\n");
        env
    }

    /// A test world with a new encrypted journal (passphrase `PASSPHRASE`).
    pub fn encrypted() -> TestEnv {
        let env = TestEnv::new();
        let out = env
            .cmd()
            .args(["init", "--encrypt"])
            .env("MEND_PASSPHRASE", PASSPHRASE)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        env
    }

    /// The config file mend reads.
    pub fn config_path(&self) -> PathBuf {
        self.root()
            .join("xdg-config")
            .join("mend")
            .join("config.toml")
    }

    /// Replaces the config file with `text`.
    pub fn set_config(&self, text: &str) {
        let path = self.config_path();
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(path, text).unwrap();
    }

    /// No config file: as on a fresh machine, where mend asks once which side the writer is on.
    pub fn forget_perspective(&self) {
        let _ = fs::remove_file(self.config_path());
    }

    pub fn root(&self) -> &Path {
        self.dir.path()
    }

    /// The journal file (`MEND_DB`).
    pub fn db(&self) -> PathBuf {
        self.root().join("data").join("journal.db")
    }

    /// The folder the journal lives in.
    pub fn data_dir(&self) -> PathBuf {
        self.root().join("data")
    }

    /// Where drafts beside the journal go.
    pub fn drafts_dir(&self) -> PathBuf {
        self.data_dir().join("drafts")
    }

    pub fn home(&self) -> PathBuf {
        self.root().join("home")
    }

    pub fn xdg_data(&self) -> PathBuf {
        self.root().join("xdg-data")
    }

    /// Changes "now" for the commands built after this call.
    pub fn set_now(&mut self, now: &str) {
        self.now = now.to_string();
    }

    fn editor_path(&self) -> PathBuf {
        self.root().join("editor.sh")
    }

    fn editor_text_path(&self) -> PathBuf {
        self.root().join("editor-text.txt")
    }

    /// The fake editor's body: a `sh` script that gets the file to edit as `$1`.
    /// It is run as `sh SCRIPT`, so it never needs to be executable (and is never "busy").
    pub fn set_editor_script(&self, script: &str) {
        fs::write(self.editor_path(), format!("#!/bin/sh\n{script}")).unwrap();
    }

    /// An editor that replaces the whole file with `text` and exits 0.
    pub fn editor_writes(&self, text: &str) {
        fs::write(self.editor_text_path(), text).unwrap();
        let script = format!("cat '{}' > \"$1\"\n", self.editor_text_path().display());
        self.set_editor_script(&script);
    }

    /// An editor that replaces the whole file with `text`, then exits with `code`.
    pub fn editor_writes_then_fails(&self, text: &str, code: i32) {
        fs::write(self.editor_text_path(), text).unwrap();
        let script = format!(
            "cat '{}' > \"$1\"\nexit {code}\n",
            self.editor_text_path().display()
        );
        self.set_editor_script(&script);
    }

    /// An editor that leaves the file as it was and exits 0.
    pub fn editor_unchanged(&self) {
        self.set_editor_script("exit 0\n");
    }

    /// The `EDITOR` value: the fake editor script run by `sh`.
    pub fn editor_command(&self) -> String {
        format!("sh '{}'", self.editor_path().display())
    }

    /// Every environment variable a mend process gets.
    pub fn envs(&self) -> Vec<(String, String)> {
        let p = |path: PathBuf| path.display().to_string();
        vec![
            ("MEND_DB".into(), p(self.db())),
            ("HOME".into(), p(self.home())),
            ("XDG_DATA_HOME".into(), p(self.xdg_data())),
            ("XDG_CONFIG_HOME".into(), p(self.root().join("xdg-config"))),
            ("XDG_RUNTIME_DIR".into(), p(self.root().join("run"))),
            ("MEND_NOW".into(), self.now.clone()),
            ("TZ".into(), "UTC".into()),
            ("EDITOR".into(), self.editor_command()),
            // Output on a pseudo-terminal is read as it is; the pager has its own test.
            ("PAGER".into(), "cat".into()),
        ]
    }

    /// Variables removed from every mend process.
    pub const REMOVED: [&'static str; 7] = [
        "VISUAL",
        "NO_COLOR",
        "LANG",
        "LC_ALL",
        "CLICOLOR_FORCE",
        "MEND_PAGER",
        "LESS",
    ];

    /// A `mend` command with the test's environment.
    pub fn cmd(&self) -> Command {
        let mut cmd = Command::new(mend_bin());
        for key in Self::REMOVED {
            cmd.env_remove(key);
        }
        cmd.envs(self.envs()).current_dir(self.root());
        cmd
    }

    /// The same as [`TestEnv::cmd`], as a plain `std::process::Command` (for pipes and ptys).
    pub fn std_cmd(&self) -> std::process::Command {
        let mut cmd = std::process::Command::new(mend_bin());
        for key in Self::REMOVED {
            cmd.env_remove(key);
        }
        cmd.envs(self.envs()).current_dir(self.root());
        cmd
    }

    /// Runs `mend write ARGS` (stdin empty), expects success and returns the new id.
    pub fn write(&self, args: &[&str]) -> i64 {
        let out = self
            .cmd()
            .arg("write")
            .args(args)
            .write_stdin("")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "mend write {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        saved_id(&String::from_utf8_lossy(&out.stdout))
    }

    /// Runs `mend write ARGS` with `stdin` as the text, expects success and returns the new id.
    pub fn write_stdin(&self, args: &[&str], stdin: &str) -> i64 {
        let out = self
            .cmd()
            .arg("write")
            .args(args)
            .write_stdin(stdin)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "mend write {args:?} (stdin) failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        saved_id(&String::from_utf8_lossy(&out.stdout))
    }

    /// Runs mend with `args`, expects success and returns its standard output.
    pub fn stdout_of(&self, args: &[&str]) -> String {
        let out = self.cmd().args(args).write_stdin("").output().unwrap();
        assert!(
            out.status.success(),
            "mend {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).expect("mend's output is UTF-8")
    }

    /// Runs mend with `args`, expects success and parses its standard output as JSON.
    pub fn json_of(&self, args: &[&str]) -> Value {
        let text = self.stdout_of(args);
        serde_json::from_str(&text)
            .unwrap_or_else(|e| panic!("mend {args:?}: not JSON ({e}): {text}"))
    }

    /// `mend list --json` (plus `extra` options) as a vector of entries.
    pub fn list_json_with(&self, extra: &[&str]) -> Vec<Value> {
        let mut args = vec!["list", "--json"];
        args.extend_from_slice(extra);
        match self.json_of(&args) {
            Value::Array(entries) => entries,
            other => panic!("mend list --json gave no array: {other}"),
        }
    }

    /// `mend list --json` as a vector of entries.
    pub fn list_json(&self) -> Vec<Value> {
        self.list_json_with(&[])
    }

    /// The ids `mend list --json` (plus `extra` options) gives, in order.
    pub fn list_ids(&self, extra: &[&str]) -> Vec<i64> {
        self.list_json_with(extra)
            .iter()
            .map(|e| e["id"].as_i64().unwrap())
            .collect()
    }

    /// `mend show ID --json`.
    pub fn show_json(&self, id: i64) -> Value {
        self.json_of(&["show", &id.to_string(), "--json"])
    }

    /// How many entries the journal file holds, the trash included (read directly).
    pub fn count_rows(&self) -> i64 {
        if !self.db().exists() {
            return 0;
        }
        let conn = open_sqlite(&self.db()).unwrap();
        conn.query_row("SELECT count(*) FROM entries", [], |r| r.get(0))
            .unwrap_or(0)
    }

    /// Opens the journal file directly (it must exist).
    pub fn sql(&self) -> rusqlite::Connection {
        assert!(self.db().exists(), "the journal should exist by now");
        open_sqlite(&self.db()).unwrap()
    }

    /// Draft files in the drafts folder beside the journal.
    pub fn draft_files(&self) -> Vec<PathBuf> {
        let mut found = Vec::new();
        for dir in [
            self.drafts_dir(),
            self.xdg_data().join("mend").join("drafts"),
        ] {
            if let Ok(read) = fs::read_dir(&dir) {
                for e in read.flatten() {
                    let name = e.file_name().to_string_lossy().to_string();
                    if name.starts_with("draft-") && name.ends_with(".md") {
                        found.push(e.path());
                    }
                }
            }
        }
        found.sort();
        found
    }
}

/// Opens an SQLite file directly, in this test process, after starting SQLite the way mend's
/// store does (`store::start`), so no test thread gets a connection without SQLCipher's
/// functions.
pub fn open_sqlite(path: &Path) -> rusqlite::Result<rusqlite::Connection> {
    mend::store::start();
    rusqlite::Connection::open(path)
}

/// The id in "Saved entry N ...".
pub fn saved_id(stdout: &str) -> i64 {
    let rest = stdout
        .split("Saved entry ")
        .nth(1)
        .unwrap_or_else(|| panic!("no \"Saved entry N\" in {stdout:?}"));
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits
        .parse()
        .unwrap_or_else(|_| panic!("no id after \"Saved entry\" in {stdout:?}"))
}

/// Checks the shape of a failure: exactly one line on stderr, starting "mend: ", no panic.
pub fn assert_one_line_error(stderr: &[u8]) -> String {
    let text = String::from_utf8_lossy(stderr).to_string();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines.len(),
        1,
        "expected exactly one line on stderr, got: {text:?}"
    );
    assert!(
        lines[0].starts_with("mend: "),
        "stderr should start with \"mend: \": {text:?}"
    );
    assert!(!text.contains("panicked"), "mend panicked: {text}");
    assert!(
        lines[0].contains(" — "),
        "an error says what went wrong — and what to do: {text:?}"
    );
    assert!(
        !text.contains("something went wrong inside mend"),
        "mend hit a bug: {text}"
    );
    text
}

/// Checks that a JSON time field is the instant `expected` (RFC 3339; precision may vary).
pub fn assert_time(value: &Value, expected: &str) {
    let text = value
        .as_str()
        .unwrap_or_else(|| panic!("not a time string: {value}"));
    let got = chrono::DateTime::parse_from_rfc3339(text)
        .unwrap_or_else(|e| panic!("{text} is not RFC 3339: {e}"));
    let want = chrono::DateTime::parse_from_rfc3339(expected).unwrap();
    assert_eq!(got, want, "{text} should be {expected}");
    assert!(text.ends_with('Z'), "{text} should be in UTC");
}

/// Checks that `entry` has every documented key (more may be added, never fewer).
pub fn assert_entry_shape(entry: &Value) {
    let obj = entry
        .as_object()
        .unwrap_or_else(|| panic!("an entry is a JSON object: {entry}"));
    for key in ENTRY_KEYS {
        assert!(obj.contains_key(key), "{key} missing in {entry}");
    }
    assert!(entry["id"].is_i64(), "{entry}");
    assert!(entry["uuid"].is_string(), "{entry}");
    assert!(entry["day"].is_string(), "{entry}");
    assert!(entry["mood"].is_null() || entry["mood"].is_u64(), "{entry}");
    assert!(
        entry["feelings"].is_array() && entry["tags"].is_array(),
        "{entry}"
    );
    assert!(entry["body"].is_string(), "{entry}");
    for key in ["created", "updated"] {
        let t = entry[key].as_str().unwrap();
        chrono::DateTime::parse_from_rfc3339(t).unwrap_or_else(|e| panic!("{key} {t}: {e}"));
    }
}

/// The permission bits of a path.
pub fn mode(path: &Path) -> u32 {
    fs::metadata(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
        .permissions()
        .mode()
        & 0o777
}

/// The string values of a JSON array field.
pub fn strings(value: &Value) -> Vec<String> {
    value
        .as_array()
        .unwrap_or_else(|| panic!("not an array: {value}"))
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect()
}

/// A small deterministic generator (xorshift), so every run does the same thing and a
/// failure can be replayed.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }

    pub fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}
