//! Progress bars for long work, drawn on stderr and only when a person is watching.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A bar for `len` steps, or a hidden one when stderr is not a terminal or the work is small.
pub fn bar(len: u64, message: &str) -> ProgressBar {
    if len < 500 || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template("{msg} {bar:30} {pos}/{len} ({eta} left)") {
        bar.set_style(style);
    }
    bar.set_message(message.to_string());
    bar
}

/// A bar for reading `len` bytes (hidden for small files, unknown sizes, or no terminal).
pub fn bytes(len: Option<u64>, message: &str) -> ProgressBar {
    let Some(len) = len.filter(|&l| l >= 4 << 20) else {
        return ProgressBar::hidden();
    };
    if !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    if let Ok(style) =
        ProgressStyle::with_template("{msg} {bar:30} {bytes}/{total_bytes} ({eta} left)")
    {
        bar.set_style(style);
    }
    bar.set_message(message.to_string());
    bar
}
