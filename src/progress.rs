//! Progress bars for long work, drawn on stderr and only when a person is watching.

use std::io::IsTerminal;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

/// A bar for `len` steps, or a hidden one when stderr is not a terminal or the work is small.
pub fn bar(len: u64, message: &str) -> ProgressBar {
    drawn(
        Some(len).filter(|&l| l >= 500),
        "{msg} {bar:30} {pos}/{len} ({eta} left)",
        message,
    )
}

/// A bar for reading `len` bytes (hidden for small files, unknown sizes, or no terminal).
pub fn bytes(len: Option<u64>, message: &str) -> ProgressBar {
    drawn(
        len.filter(|&l| l >= 4 << 20),
        "{msg} {bar:30} {bytes}/{total_bytes} ({eta} left)",
        message,
    )
}

fn drawn(len: Option<u64>, template: &str, message: &str) -> ProgressBar {
    let Some(len) = len.filter(|_| std::io::stderr().is_terminal()) else {
        return ProgressBar::hidden();
    };
    let bar = ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr());
    if let Ok(style) = ProgressStyle::with_template(template) {
        bar.set_style(style);
    }
    bar.set_message(message.to_string());
    bar
}
