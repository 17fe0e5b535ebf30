//! Answering a question (a prompt or a path step): in the editor, inline, from `--answer`
//! or standard input; then its follow-ups; then mood and feelings. The main answer is saved
//! before any follow-up is asked, so an interrupted session keeps what was written.

use std::io::{BufRead, IsTerminal, Write};

use anyhow::{Result, bail};
use dialoguer::Input;
use dialoguer::console::Term;

use crate::app::App;
use crate::editor::{self, Edited};
use crate::model::{NewEntry, hashtags, normalize_labels};
use crate::store::Journal;
use crate::store::entries::EntryUpdate;
use crate::{ask, compose};

/// The question and how it is answered.
pub struct Question<'a> {
    /// A short line naming what this is, e.g. "Today's prompt · Forgiveness".
    pub heading: String,
    pub text: &'a str,
    pub follow_ups: &'a [String],
    /// For structured steps: the field the main answer fills.
    pub field: Option<&'a str>,
}

pub struct Answering {
    /// `--answer` values: the answer, then one per follow-up.
    pub answers: Vec<String>,
    pub inline: bool,
    /// Ask for mood and feelings afterwards (on a terminal, when not given).
    pub ask_details: bool,
}

/// Gets the answer and saves it as `base` (which carries the prompt link and details).
/// Returns the entry id, or `None` when nothing was written.
pub fn answer(
    journal: &Journal,
    app: &App,
    question: &Question,
    mut base: NewEntry,
    how: Answering,
    out: &mut dyn Write,
) -> Result<Option<i64>> {
    let scripted = !how.answers.is_empty() || !std::io::stdin().is_terminal();
    let main = if let Some(first) = how.answers.first() {
        first.clone()
    } else if scripted {
        crate::commands::read_stdin()?
    } else {
        eprintln!("{}", app.style.dim(&question.heading));
        eprintln!("{}\n", app.style.bold(question.text));
        if how.inline {
            read_inline()?
        } else {
            in_editor(app, question)?.unwrap_or_default()
        }
    };
    let main = main.trim_end().to_string();
    if main.trim().is_empty() {
        if how.answers.is_empty() && scripted {
            bail!("the answer is empty — give it with --answer \"...\" or on standard input");
        }
        eprintln!(
            "Nothing was written, so nothing was saved. The question will be here when you are ready."
        );
        return Ok(None);
    }
    if let Some(field) = question.field {
        base.fields = Some(super::thought::field_value(field, &main));
    }
    // Scripted follow-up answers are part of the first save.
    let mut body = main;
    for (q, a) in question.follow_ups.iter().zip(how.answers.iter().skip(1)) {
        append_follow_up(&mut body, q, a);
    }
    base.body = body;
    base.tags = normalize_labels(base.tags.iter().cloned().chain(hashtags(&base.body)));
    let id = compose::save_or_keep(journal, app, &base)?;

    if !scripted && ask::interactive() && !question.follow_ups.is_empty() {
        let before = base.body.clone();
        for q in question.follow_ups {
            let reply: String = Input::new()
                .with_prompt(format!("{q} (Enter skips)"))
                .allow_empty(true)
                .interact_text_on(&Term::stderr())
                .unwrap_or_default();
            if !reply.trim().is_empty() {
                append_follow_up(&mut base.body, q, &reply);
            }
        }
        if base.body != before {
            base.tags = normalize_labels(base.tags.iter().cloned().chain(hashtags(&base.body)));
            let change = EntryUpdate {
                body: Some(base.body.clone()),
                tags: Some(base.tags.clone()),
                ..EntryUpdate::default()
            };
            journal.update(id, &change, app.now_utc())?;
        }
    }
    if how.ask_details {
        compose::finish(journal, app, id, &base, out)?;
    } else {
        writeln!(out, "Saved entry {id}.")?;
        compose::safety_note(app, &base.body);
    }
    Ok(Some(id))
}

/// Follow-up answers follow the main answer as a bold question and a paragraph.
fn append_follow_up(body: &mut String, question: &str, reply: &str) {
    let reply = reply.trim();
    if !reply.is_empty() {
        body.push_str(&format!("\n\n**{}**\n\n{reply}", question.trim()));
    }
}

/// Lines typed at the terminal until an empty line (or end of input).
fn read_inline() -> Result<String> {
    eprintln!("Write your answer. An empty line finishes.");
    let mut text = String::new();
    let stdin = std::io::stdin();
    for line in stdin.lock().lines() {
        let line = line?;
        if line.trim().is_empty() {
            break;
        }
        text.push_str(&line);
        text.push('\n');
    }
    Ok(text)
}

fn in_editor(app: &App, question: &Question) -> Result<Option<String>> {
    let header = vec![question.heading.clone(), question.text.to_string()];
    let mut notes = vec![
        "Write your answer above the line; everything from the line down is removed.".to_string(),
        "Save and close the editor to keep it. Leave it empty to keep nothing.".to_string(),
    ];
    if !question.follow_ups.is_empty() {
        notes.push("A few follow-up questions come after this, one at a time.".to_string());
    }
    let command = editor::editor_command(app.config.editor.as_deref());
    match editor::edit(&command, &app.paths.scratch, &header, "", &notes)? {
        Edited::Text(text) => Ok(Some(text)),
        Edited::Empty | Edited::Unchanged => Ok(None),
        Edited::Failed { status, text: None } => {
            bail!("the editor {command:?} {status} and left no text — nothing was saved")
        }
        Edited::Failed {
            status,
            text: Some(text),
        } => {
            let draft = NewEntry {
                body: text,
                ..NewEntry::on(app.now.date_naive())
            };
            Err(compose::keep_as_draft(
                app,
                &draft,
                &format!("the editor {command:?} {status}"),
            ))
        }
    }
}
