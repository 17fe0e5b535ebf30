//! Writing in `$VISUAL`/`$EDITOR` on a private temp file. The template is the one git uses
//! for `commit --cleanup=scissors`: the text (empty for a new entry, so the cursor starts on
//! an empty first line) comes first, and everything mend adds (the question, the step, the
//! hints) stands below a scissors line as comments. Whatever is above the scissors line is
//! kept exactly as typed, with two trims only: blank lines before the first written line,
//! and whitespace at the very end. The scissors line and everything after it are removed.
//!
//! The editor's outcome is reported, never guessed: a failing editor, text that is not
//! UTF-8 and a signal while the editor is open all hand the raw bytes back, so the caller
//! can keep them as a draft. The editor never sees mend's passphrases.

use std::fs;
use std::io::Write;
use std::os::unix::fs::DirBuilderExt;
use std::path::Path;
use std::process::{Command, ExitStatus};
use std::time::{Duration, Instant};

use anyhow::{Context, Result, bail};

use crate::interrupt::{self, Signal};

/// The scissors line: it and everything below it are removed.
pub const CUT_LINE: &str = "# ------------------------ >8 ------------------------";

/// The width comment lines are wrapped to, after their "# ": 78 columns in all.
const COMMENT_WIDTH: usize = 76;

/// Environment variables the editor must not inherit.
const SECRETS: [&str; 2] = ["MEND_PASSPHRASE", "MEND_NEW_PASSPHRASE"];

/// How long an editor gets to close by itself after mend was asked to stop.
const GRACE: Duration = Duration::from_secs(2);

/// What the editor is opened with: the text to start from and the comment lines shown below
/// the scissors line (the question, the step, the hints).
#[derive(Debug, Clone, Default)]
pub struct Template {
    pub text: String,
    pub comments: Vec<String>,
}

impl Template {
    /// The file the editor opens: the text (or an empty first line), a blank line, the
    /// scissors line, and the comments.
    pub fn render(&self) -> String {
        let mut file = String::new();
        file.push_str(&self.text);
        if !self.text.ends_with('\n') {
            file.push('\n');
        }
        file.push('\n');
        file.push_str(CUT_LINE);
        file.push('\n');
        file.push_str("# Do not move or remove the line above: it and all below it are removed.\n");
        for comment in &self.comments {
            if comment.trim().is_empty() {
                file.push_str("#\n");
            }
            // Wrapped as a commit template is, so no editor shows a question cut mid-word.
            let wrapped = crate::render::layout::wrap_lines(comment, Some(COMMENT_WIDTH));
            for line in wrapped.lines() {
                file.push_str(format!("# {line}").trim_end());
                file.push('\n');
            }
        }
        file
    }

    /// The text a person wrote in the rendered template, as bytes (they may not be UTF-8).
    pub fn strip(&self, written: &[u8]) -> Vec<u8> {
        let cut = cut_at(written).unwrap_or(written.len());
        let mut kept = &written[..cut];
        // Blank lines before the first written line are the template's, not the writer's.
        while let Some(end) = kept.iter().position(|&b| b == b'\n') {
            if kept[..end].iter().all(|b| b.is_ascii_whitespace()) {
                kept = &kept[end + 1..];
            } else {
                break;
            }
        }
        let end = kept
            .iter()
            .rposition(|b| !b.is_ascii_whitespace())
            .map_or(0, |i| i + 1);
        let mut kept = kept[..end].to_vec();
        if cut_at(written).is_none() {
            // The scissors line was deleted: our comment lines may still be there at the end.
            kept = strip_comments(&kept, self);
        }
        kept
    }
}

/// Where the kept text ends: the start of the scissors line, or the scissors themselves when
/// text was typed in front of them on the same line (that text is kept).
fn cut_at(written: &[u8]) -> Option<usize> {
    let needle = CUT_LINE.as_bytes();
    let mut start = 0;
    for line in written.split_inclusive(|&b| b == b'\n') {
        let trimmed = line.trim_ascii_end();
        if trimmed == needle {
            return Some(start);
        }
        if trimmed.ends_with(needle) {
            return Some(start + trimmed.len() - needle.len());
        }
        start += line.len();
    }
    None
}

/// Removes trailing lines that are exactly the comments mend wrote.
fn strip_comments(kept: &[u8], template: &Template) -> Vec<u8> {
    let rendered = template.render();
    let ours: Vec<&str> = rendered.lines().skip_while(|l| *l != CUT_LINE).collect();
    let mut lines: Vec<&[u8]> = kept.split(|&b| b == b'\n').collect();
    while lines.last().is_some_and(|l| {
        l.trim_ascii().is_empty() || ours.iter().any(|o| o.as_bytes() == l.trim_ascii_end())
    }) {
        lines.pop();
    }
    lines.join(&b'\n')
}

/// What came back from the editor.
#[derive(Debug, PartialEq, Eq)]
pub enum Edited {
    /// New text, template removed.
    Text(String),
    /// Nothing written.
    Empty,
    /// The text is what it was before.
    Unchanged,
    /// Text that is not UTF-8: the raw bytes, template removed, and where the first bad byte is.
    NotUtf8 { raw: Vec<u8>, at: usize },
    /// The editor exited with an error; what it left behind (template removed), if anything.
    Failed {
        status: String,
        raw: Option<Vec<u8>>,
    },
    /// mend was asked to stop while the editor was open; what the file held, if anything.
    Interrupted {
        signal: Signal,
        raw: Option<Vec<u8>>,
    },
}

/// The editor to run: the configured one, then $VISUAL, then $EDITOR, then vi.
pub fn editor_command(configured: Option<&str>) -> String {
    configured
        .map(str::to_string)
        .or_else(|| std::env::var("VISUAL").ok())
        .or_else(|| std::env::var("EDITOR").ok())
        .map(|e| e.trim().to_string())
        .filter(|e| !e.is_empty())
        .unwrap_or_else(|| "vi".to_string())
}

/// Opens `template` in the editor inside the private `scratch` folder, and reports what came
/// back. The temp file is removed before this returns, whatever happened.
pub fn edit(command: &str, scratch: &Path, template: &Template) -> Result<Edited> {
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(scratch)
        .with_context(|| {
            format!(
                "creating the private folder {} for the editor",
                scratch.display()
            )
        })?;
    let words = shell_words::split(command)
        .with_context(|| format!("reading the editor command {command:?}"))?;
    let Some((program, args)) = words.split_first() else {
        bail!("the editor command is empty — set $VISUAL or $EDITOR");
    };
    // Signals are noted from here on, so none can end mend between creating the temp file
    // and removing it.
    let _guard = interrupt::guard(interrupt::Noted::All);
    // tempfile creates the file 0600 and removes it when dropped, so no copy of the text
    // outlives this function.
    let mut file = tempfile::Builder::new()
        .prefix("entry-")
        .suffix(".md")
        .tempfile_in(scratch)
        .with_context(|| format!("creating a temporary file in {}", scratch.display()))?;
    file.write_all(template.render().as_bytes())?;
    file.as_file().sync_all()?;

    let mut editor = Command::new(program);
    editor.args(args).arg(file.path());
    for name in SECRETS {
        editor.env_remove(name);
    }
    let mut child = editor.spawn().with_context(|| {
        format!("could not start the editor {program:?} — set $VISUAL or $EDITOR to an editor that is installed")
    })?;
    let outcome = wait(&mut child)?;

    let mut written = fs::read(file.path()).context("reading back the text from the editor")?;
    if outcome.is_err() {
        // nano saves an unsaved buffer as FILE.save when it is sent SIGHUP or SIGTERM: that
        // is the newest text, and it must not be left behind either.
        let rescued = std::path::PathBuf::from(format!("{}.save", file.path().display()));
        if let Ok(newer) = fs::read(&rescued) {
            written = newer;
            let _ = fs::remove_file(&rescued);
        }
    }
    drop(file);
    let raw = template.strip(&written);
    let unchanged = raw == template.text.trim_end().as_bytes();
    let something = (!raw.trim_ascii().is_empty() && !unchanged).then(|| raw.clone());
    let status = match outcome {
        Err(signal) => {
            return Ok(Edited::Interrupted {
                signal,
                raw: something,
            });
        }
        Ok(status) => status,
    };
    if !status.success() {
        let status = status.code().map_or_else(
            || "was stopped by a signal".to_string(),
            |c| format!("exited with status {c}"),
        );
        return Ok(Edited::Failed {
            status,
            raw: something,
        });
    }
    Ok(match String::from_utf8(raw) {
        Err(e) => Edited::NotUtf8 {
            at: e.utf8_error().valid_up_to(),
            raw: e.into_bytes(),
        },
        Ok(text) if text.trim().is_empty() => Edited::Empty,
        Ok(_) if unchanged => Edited::Unchanged,
        Ok(text) => Edited::Text(text),
    })
}

/// Waits for the editor, or for a signal to mend. After a signal the editor gets a moment to
/// close by itself (a closed terminal reaches it too) before it is stopped.
fn wait(child: &mut std::process::Child) -> Result<Result<ExitStatus, Signal>> {
    loop {
        if let Some(status) = child.try_wait().context("waiting for the editor")? {
            // Ctrl-C on the terminal reaches the editor too, and may end it first.
            return Ok(interrupt::take().map_or(Ok(status), Err));
        }
        if let Some(signal) = interrupt::take() {
            // First a moment to close by itself, then a polite SIGTERM (an editor restores
            // the terminal on it), and only then SIGKILL.
            if !exits_within(child, GRACE)? {
                let pid = rustix::process::Pid::from_child(child);
                let _ = rustix::process::kill_process(pid, rustix::process::Signal::TERM);
                if !exits_within(child, GRACE)? {
                    let _ = child.kill();
                    let _ = child.wait();
                }
            }
            return Ok(Err(signal));
        }
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// True when the editor ends within `time`.
fn exits_within(child: &mut std::process::Child, time: Duration) -> Result<bool> {
    let deadline = Instant::now() + time;
    while Instant::now() < deadline {
        if child
            .try_wait()
            .context("waiting for the editor")?
            .is_some()
        {
            return Ok(true);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    Ok(false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn template(text: &str) -> Template {
        Template {
            text: text.to_string(),
            comments: vec![
                "What did today ask of you?".to_string(),
                "Save and close to keep it.".to_string(),
            ],
        }
    }

    #[test]
    fn the_first_line_is_empty_and_everything_mend_adds_is_below_the_scissors() {
        let rendered = template("").render();
        let lines: Vec<&str> = rendered.lines().collect();
        assert_eq!(lines[0], "");
        assert_eq!(lines[2], CUT_LINE);
        assert!(lines[3..].iter().all(|l| l.starts_with('#')), "{rendered}");
    }

    #[test]
    fn what_is_typed_above_the_scissors_is_kept_exactly() {
        let t = template("");
        let rendered = t.render();
        // A naive user types at the cursor, without a newline, on line 1.
        let typed = format!("I forgave a little today.{rendered}");
        assert_eq!(t.strip(typed.as_bytes()), b"I forgave a little today.");
        // Markdown headings, leading spaces and inner blank lines are the writer's own.
        let typed = format!("# My heading\n  indented\n\n\nlast  {rendered}");
        assert_eq!(
            t.strip(typed.as_bytes()),
            b"# My heading\n  indented\n\n\nlast"
        );
        // Text typed on the scissors line itself is kept, the scissors are not.
        let typed = rendered.replace(CUT_LINE, &format!("late words{CUT_LINE}"));
        assert_eq!(t.strip(typed.as_bytes()), b"late words");
        // Nothing typed: nothing kept.
        assert_eq!(t.strip(rendered.as_bytes()), b"");
    }

    #[test]
    fn long_comment_lines_are_wrapped_at_words() {
        let question = "Which feelings are sitting side by side in you today, even though they seem to pull in different directions?";
        let t = Template {
            text: String::new(),
            comments: vec![question.to_string(), format!("  · {question}")],
        };
        let rendered = t.render();
        for line in rendered.lines() {
            assert!(line.chars().count() <= 78, "{line:?}");
        }
        assert!(rendered.contains("# Which feelings are sitting side by side in you today, even though they seem\n# to pull in different directions?"), "{rendered}");
        assert!(rendered.contains("#   · Which feelings"), "{rendered}");
        assert!(rendered.contains("\n#     "), "{rendered}");
        // What a person types is still all that is kept.
        assert_eq!(t.strip(format!("Mine.\n{rendered}").as_bytes()), b"Mine.");
        let no_scissors = rendered.replace(CUT_LINE, "");
        assert_eq!(
            t.strip(format!("Mine.\n{no_scissors}").as_bytes()),
            b"Mine."
        );
    }

    #[test]
    fn a_deleted_scissors_line_does_not_let_the_comments_leak() {
        let t = template("");
        let rendered = t.render();
        let typed = format!("Mine.\n{}", rendered.replace(&format!("{CUT_LINE}\n"), ""));
        assert_eq!(t.strip(typed.as_bytes()), b"Mine.");
    }

    #[test]
    fn editor_outcomes() {
        let dir = tempfile::tempdir().unwrap();
        let scratch = dir.path().join("scratch");
        let empty = Template::default();
        let ok = edit("sh -c 'echo hello >> \"$0\"'", &scratch, &empty).unwrap();
        // The appended line lands after the scissors line, so nothing was written above it.
        assert_eq!(ok, Edited::Empty);
        let prepended = edit(
            "sh -c 'printf hello > \"$0.x\"; cat \"$0\" >> \"$0.x\"; mv \"$0.x\" \"$0\"'",
            &scratch,
            &empty,
        )
        .unwrap();
        assert_eq!(prepended, Edited::Text("hello".into()));
        let old = template("old");
        let replaced = edit("sh -c 'printf \"new words\\n\" > \"$0\"'", &scratch, &old).unwrap();
        assert_eq!(replaced, Edited::Text("new words".into()));
        assert_eq!(edit("true", &scratch, &old).unwrap(), Edited::Unchanged);
        let failed = edit("sh -c 'printf \"kept\" > \"$0\"; exit 3'", &scratch, &empty).unwrap();
        assert_eq!(
            failed,
            Edited::Failed {
                status: "exited with status 3".into(),
                raw: Some(b"kept".to_vec())
            }
        );
        let bad = edit("sh -c 'printf \"caf\\351\" > \"$0\"'", &scratch, &empty).unwrap();
        assert_eq!(
            bad,
            Edited::NotUtf8 {
                raw: b"caf\xe9".to_vec(),
                at: 3
            }
        );
        assert!(edit("/no/such/editor", &scratch, &empty).is_err());
        assert_eq!(
            fs::read_dir(&scratch).unwrap().count(),
            0,
            "temp files are removed"
        );
    }
}
