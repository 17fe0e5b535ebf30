//! Writing in `$VISUAL`/`$EDITOR` on a private temp file, with a commented template that is
//! stripped again. The editor's outcome is reported, never guessed: a failing editor's text
//! is handed back so the caller can keep it as a draft.

use std::fs;
use std::io::Write;
use std::os::unix::fs::DirBuilderExt;
use std::path::Path;
use std::process::Command;

use anyhow::{Context, Result, bail};

/// Everything from this line down is instructions, removed before saving.
pub const CUT_LINE: &str = "# ------------------------ >8 ------------------------";

/// What came back from the editor.
#[derive(Debug, PartialEq, Eq)]
pub enum Edited {
    /// New text, template removed.
    Text(String),
    /// Nothing written.
    Empty,
    /// The text is what it was before.
    Unchanged,
    /// The editor exited with an error; the text it left behind, if any, is here.
    Failed {
        status: String,
        text: Option<String>,
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

/// Opens `initial` in the editor inside the private `scratch` folder. `header` lines are shown
/// above the text and `notes` below the cut line; both are removed from what comes back.
pub fn edit(
    command: &str,
    scratch: &Path,
    header: &[String],
    initial: &str,
    notes: &[String],
) -> Result<Edited> {
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
    // tempfile creates the file 0600 and removes it when dropped, so no copy of the text
    // outlives this function.
    let mut file = tempfile::Builder::new()
        .prefix("entry-")
        .suffix(".md")
        .tempfile_in(scratch)
        .with_context(|| format!("creating a temporary file in {}", scratch.display()))?;
    let mut template = String::new();
    for line in header {
        template.push_str(&format!("# {line}\n"));
    }
    if !header.is_empty() {
        template.push('\n');
    }
    template.push_str(initial);
    if !initial.ends_with('\n') {
        template.push('\n');
    }
    template.push('\n');
    template.push_str(CUT_LINE);
    template.push('\n');
    for line in notes {
        template.push_str(&format!("# {line}\n"));
    }
    file.write_all(template.as_bytes())?;
    file.as_file().sync_all()?;

    let words = shell_words::split(command)
        .with_context(|| format!("reading the editor command {command:?}"))?;
    let Some((program, args)) = words.split_first() else {
        bail!("the editor command is empty — set $VISUAL or $EDITOR");
    };
    let status = Command::new(program)
        .args(args)
        .arg(file.path())
        .status()
        .with_context(|| {
            format!("could not start the editor {program:?} — set $VISUAL or $EDITOR to an editor that is installed")
        })?;

    let raw = fs::read(file.path()).context("reading back the text from the editor")?;
    let written = String::from_utf8_lossy(&raw);
    let text = strip_template(&written, header);
    if !status.success() {
        let status = status.code().map_or_else(
            || "was stopped by a signal".to_string(),
            |c| format!("exited with status {c}"),
        );
        let kept = (!text.is_empty() && text != initial.trim_end()).then_some(text);
        return Ok(Edited::Failed { status, text: kept });
    }
    Ok(if text.is_empty() {
        Edited::Empty
    } else if text == initial.trim_end() {
        Edited::Unchanged
    } else {
        Edited::Text(text)
    })
}

/// Removes the header lines we wrote, everything from the cut line down, and trailing space.
pub fn strip_template(written: &str, header: &[String]) -> String {
    let mut lines: Vec<&str> = written.lines().collect();
    if let Some(cut) = lines.iter().position(|l| l.trim_end() == CUT_LINE) {
        lines.truncate(cut);
    }
    let mut start = 0;
    for expected in header {
        if lines
            .get(start)
            .is_some_and(|l| l.trim_end() == format!("# {expected}").trim_end())
        {
            start += 1;
        }
    }
    let body = lines[start..].join("\n");
    body.trim_matches(|c| c == '\n' || c == '\r')
        .trim_end()
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn template_is_stripped_but_markdown_kept() {
        let header = vec!["What did today ask of you?".to_string()];
        let written = format!(
            "# What did today ask of you?\n\n# My heading\nSome words.\n\n{CUT_LINE}\n# notes\n"
        );
        assert_eq!(
            strip_template(&written, &header),
            "# My heading\nSome words."
        );
        assert_eq!(strip_template(&format!("\n\n{CUT_LINE}\n# x"), &[]), "");
    }

    #[test]
    fn editor_outcomes() {
        let dir = tempfile::tempdir().unwrap();
        let scratch = dir.path().join("scratch");
        let ok = edit("sh -c 'echo hello >> \"$0\"'", &scratch, &[], "", &[]).unwrap();
        // The appended line lands after the cut line, so nothing was written above it.
        assert_eq!(ok, Edited::Empty);
        let replaced = edit(
            "sh -c 'printf \"new words\\n\" > \"$0\"'",
            &scratch,
            &[],
            "old",
            &[],
        )
        .unwrap();
        assert_eq!(replaced, Edited::Text("new words".into()));
        assert_eq!(
            edit("true", &scratch, &[], "old", &[]).unwrap(),
            Edited::Unchanged
        );
        let failed = edit(
            "sh -c 'printf \"kept\" > \"$0\"; exit 3'",
            &scratch,
            &[],
            "",
            &[],
        )
        .unwrap();
        assert_eq!(
            failed,
            Edited::Failed {
                status: "exited with status 3".into(),
                text: Some("kept".into())
            }
        );
        assert!(edit("/no/such/editor", &scratch, &[], "", &[]).is_err());
        assert_eq!(
            fs::read_dir(&scratch).unwrap().count(),
            0,
            "temp files are removed"
        );
    }
}
