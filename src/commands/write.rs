//! `mend write`: a new entry from arguments, standard input or the editor.

use std::io::{IsTerminal, Write};

use anyhow::{Result, bail};

use crate::app::App;
use crate::cli::WriteArgs;
use crate::compose::{self, Written};
use crate::editor::Template;
use crate::store::Journal;
use crate::text;

/// `warn-arguments = true`: the one-line reminder when text comes as arguments.
pub const ARGUMENTS_REMINDER: &str = "mend: a reminder — text given as arguments can be seen by other programs and stays in your shell's history; `mend write` alone opens your editor";

pub fn run(journal: &Journal, app: &App, args: WriteArgs, out: &mut dyn Write) -> Result<()> {
    let base = compose::details(&args.details, app)?;
    let raw = if !args.text.is_empty() {
        if app.config.warn_arguments == Some(true) {
            eprintln!("{ARGUMENTS_REMINDER}");
        }
        args.text.join(" ").into_bytes()
    } else if std::io::stdin().is_terminal() {
        let template = Template {
            text: String::new(),
            comments: vec![
                format!("Writing for {}.", base.day.format("%A %-d %B %Y")),
                "Write on the first line; everything from the scissors line down is removed."
                    .to_string(),
                "Save and close the editor to keep your entry. Leave it empty to keep nothing."
                    .to_string(),
                "#words in your text are saved as tags.".to_string(),
            ],
        };
        match compose::in_editor(app, &template, &base, None)? {
            Written::Text(text) => text.into_bytes(),
            Written::Empty | Written::Unchanged => {
                eprintln!("Nothing was written, so nothing was saved.");
                return Ok(());
            }
        }
    } else {
        text::read_stdin()?
    };
    let Some(entry) = compose::accept(app, base, &raw, None)? else {
        bail!(
            "there is no text to save — write it after `mend write`, pipe it in, or run `mend write` on a terminal to use your editor"
        );
    };
    let id = compose::save_or_keep(journal, app, &entry)?;
    compose::finish(journal, app, id, &entry, out)
}
