//! mend on a pseudo-terminal (rexpect), as a person at a terminal runs it: started with the
//! test's environment, keys sent, the screen waited for, and the exit code read at the end.

use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

use rexpect::process::WaitStatus;
use rexpect::session::{PtySession, spawn_command};

use super::{TestEnv, mend_bin};

/// Generous, so a busy machine does not make these tests flaky.
pub const TIMEOUT_MS: u64 = 10_000;

pub const ENTER: &str = "\r";
pub const DOWN: &str = "\x1b[B";
pub const SPACE: &str = " ";
pub const CTRL_C: &str = "\x03";

/// Pseudo-terminal sessions fork; one at a time keeps them simple and predictable.
static ONE_AT_A_TIME: Mutex<()> = Mutex::new(());

/// Held for the length of a test that uses a pseudo-terminal.
pub fn lock() -> MutexGuard<'static, ()> {
    ONE_AT_A_TIME
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Starts `cmd` (mend with its arguments and environment) on a new pseudo-terminal.
pub fn start(cmd: std::process::Command) -> PtySession {
    spawn_command(cmd, Some(TIMEOUT_MS)).unwrap_or_else(|e| {
        panic!("could not start mend on a pseudo-terminal (is /dev/ptmx available?): {e}")
    })
}

/// Starts `mend ARGS` on a new pseudo-terminal with the test's environment.
pub fn spawn(env: &TestEnv, args: &[&str]) -> PtySession {
    let mut cmd = env.std_cmd();
    cmd.env("TERM", "xterm").args(args);
    start(cmd)
}

/// As [`spawn`], without colour, so the screen can be matched as plain text.
pub fn spawn_plain(env: &TestEnv, args: &[&str]) -> PtySession {
    let mut cmd = env.std_cmd();
    cmd.env("TERM", "xterm")
        .args(["--color", "never"])
        .args(args);
    start(cmd)
}

/// `mend ARGS` on a pseudo-terminal `cols` wide (set with stty, as a resized window is).
pub fn spawn_at(env: &TestEnv, cols: usize, args: &[&str]) -> PtySession {
    let mut cmd = std::process::Command::new("sh");
    for key in TestEnv::REMOVED {
        cmd.env_remove(key);
    }
    cmd.envs(env.envs())
        .env("TERM", "xterm")
        .env_remove("COLUMNS")
        .current_dir(env.root())
        .arg("-c")
        .arg(format!("stty cols {cols} rows 50 && exec \"$0\" \"$@\""))
        .arg(mend_bin())
        .args(args);
    start(cmd)
}

pub fn send(s: &mut PtySession, keys: &str) {
    s.send(keys).expect("sending keys to mend");
    s.flush().expect("sending keys to mend");
}

/// Keys for a question that switches the terminal to raw mode once drawn (a list, a typed
/// answer): sent after a pause, since keys typed before may be dropped.
pub fn send_to_list(s: &mut PtySession, keys: &str) {
    std::thread::sleep(Duration::from_millis(300));
    send(s, keys);
}

/// Waits for `text`; what came before it.
pub fn expect(s: &mut PtySession, text: &str) -> String {
    s.exp_string(text)
        .unwrap_or_else(|e| panic!("waiting for {text:?} on the terminal: {e}"))
}

/// Waits for `drawn`, then types `keys` as [`send_to_list`] does.
pub fn keys(s: &mut PtySession, drawn: &str, keys: &str) {
    expect(s, drawn);
    send_to_list(s, keys);
}

/// Everything until the end, and the exit code.
pub fn finish(s: &mut PtySession) -> (i32, String) {
    let rest = s
        .exp_eof()
        .unwrap_or_else(|e| panic!("waiting for mend to end: {e}"));
    match s.process().wait().expect("waiting for mend") {
        WaitStatus::Exited(_, code) => (code, rest),
        other => panic!("mend ended with {other:?}; last output: {rest}"),
    }
}
