//! Answering a question (a prompt or a path step): in the editor, inline, from `--answer`
//! or standard input; then its follow-ups; then mood and feelings. The main answer is saved
//! before any follow-up is asked, and each follow-up as soon as it is answered, so an
//! interrupted session keeps what was written; what cannot be saved is kept as a draft.

use std::io::{IsTerminal, Write};

use anyhow::{Result, bail};

use crate::app::App;
use crate::compose::{self, Written};
use crate::editor::Template;
use crate::model::NewEntry;
use crate::render::layout;
use crate::store::Journal;
use crate::store::entries::EntryUpdate;
use crate::{ask, text};

/// The question and how it is answered.
pub struct Question<'a> {
    /// A short line naming what this is, e.g. "Today's prompt · Forgiveness"; empty when it
    /// is already on the screen.
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
    base: NewEntry,
    how: Answering,
    out: &mut dyn Write,
) -> Result<Option<i64>> {
    answer_then(journal, app, question, base, how, &mut |_, _| Ok(()), out)
}

/// As [`answer`], with `then` called once the answer and its follow-ups are saved and before
/// mood and feelings are asked (a path's closing check goes there).
pub fn answer_then(
    journal: &Journal,
    app: &App,
    question: &Question,
    base: NewEntry,
    how: Answering,
    then: &mut dyn FnMut(i64, &mut NewEntry) -> Result<()>,
    out: &mut dyn Write,
) -> Result<Option<i64>> {
    let scripted = !how.answers.is_empty() || !std::io::stdin().is_terminal();
    let raw = if let Some(first) = how.answers.first() {
        first.clone().into_bytes()
    } else if scripted {
        text::read_stdin()?
    } else if how.inline {
        let width = layout::err_width();
        // An empty heading is one already on the screen (a path step's, above its rating).
        if !question.heading.is_empty() {
            eprintln!(
                "{}",
                app.style.dim(&layout::wrap(&question.heading, width, ""))
            );
        }
        eprintln!(
            "{}\n",
            app.style.bold(&layout::wrap(question.text, width, ""))
        );
        match read_inline(app, &base)? {
            Some(text) => text.into_bytes(),
            None => Vec::new(),
        }
    } else {
        match compose::in_editor(app, &template(question), &base, None)? {
            Written::Text(text) => text.into_bytes(),
            Written::Empty | Written::Unchanged => Vec::new(),
        }
    };
    let Some(mut entry) = compose::accept(app, base, &raw, None)? else {
        if how.answers.is_empty() && scripted {
            bail!("the answer is empty — give it with --answer \"...\" or on standard input");
        }
        eprintln!(
            "Nothing was written, so nothing was saved. The question will be here when you are ready."
        );
        return Ok(None);
    };
    if let Some(field) = question.field {
        entry.fields = Some(super::thought::field_value(field, &entry.body));
    }
    // Scripted follow-up answers are part of the first save.
    for (q, a) in question.follow_ups.iter().zip(how.answers.iter().skip(1)) {
        append_follow_up(&mut entry, q, a);
    }
    let id = compose::save_or_keep(journal, app, &entry)?;

    if !scripted && ask::interactive() {
        follow_ups(journal, app, id, question, &mut entry)?;
    }
    then(id, &mut entry)?;
    if how.ask_details {
        compose::finish(journal, app, id, &entry, out)?;
    } else {
        writeln!(out, "Saved entry {id}.")?;
        compose::saved_note(journal, app, &entry, out)?;
        compose::safety_note(app, &entry.body);
    }
    Ok(Some(id))
}

/// The editor's template for a question: an empty first line, the question below the
/// scissors line.
pub fn template(question: &Question) -> Template {
    let mut comments = vec![
        String::new(),
        question.heading.clone(),
        String::new(),
        question.text.to_string(),
    ];
    for follow_up in question.follow_ups {
        comments.push(format!("  · {follow_up}"));
    }
    comments.push(String::new());
    comments.push(
        "Write your answer on the first line; everything from the scissors line down is removed."
            .to_string(),
    );
    comments
        .push("Save and close the editor to keep it. Leave it empty to keep nothing.".to_string());
    if !question.follow_ups.is_empty() {
        comments.push("The follow-up questions come after this, one at a time.".to_string());
    }
    Template {
        text: String::new(),
        comments,
    }
}

/// Asks each follow-up on the terminal, saving each reply as soon as it is given. Ctrl-C
/// keeps what was typed for the question at hand and stops there.
fn follow_ups(
    journal: &Journal,
    app: &App,
    id: i64,
    question: &Question,
    entry: &mut NewEntry,
) -> Result<()> {
    for q in question.follow_ups {
        let asked = layout::wrap(&format!("{q} (Enter skips)"), layout::err_width(), "");
        let reply = ask::line(&format!("{asked}\n> "))?;
        let typed = !reply.text.trim().is_empty();
        if typed {
            append_follow_up(entry, q, &reply.text);
            let change = EntryUpdate {
                body: Some(entry.body.clone()),
                tags: Some(entry.tags.clone()),
                ..EntryUpdate::default()
            };
            compose::update_or_keep(journal, app, id, &change, entry)?;
        }
        if reply.stopped {
            compose::safety_note(app, &entry.body);
            let kept = if typed {
                " and what you typed for that question"
            } else {
                ""
            };
            bail!(
                "stopped at a follow-up question — entry {id} is saved with your answer{kept}; the questions after it, mood and feelings were not asked"
            );
        }
    }
    Ok(())
}

/// Follow-up answers follow the main answer as a bold question and a paragraph.
fn append_follow_up(entry: &mut NewEntry, question: &str, reply: &str) {
    let reply = reply.trim();
    if !reply.is_empty() {
        entry
            .body
            .push_str(&format!("\n\n**{}**\n\n{reply}", question.trim()));
        entry.tags = text::tags(&entry.tags, &entry.body);
    }
}

/// Lines typed at the terminal until an empty line. Ctrl-C keeps what was typed as a draft.
fn read_inline(app: &App, base: &NewEntry) -> Result<Option<String>> {
    let how = "Write your answer. An empty line finishes. Ctrl-C keeps what you typed as a draft.";
    eprintln!("{}", layout::wrap(how, layout::err_width(), ""));
    let typed = ask::paragraph()?;
    if typed.stopped {
        if typed.text.trim().is_empty() {
            bail!("stopped before anything was typed — nothing was saved");
        }
        return Err(compose::keep(
            app,
            base,
            typed.text.as_bytes(),
            None,
            "stopped while you were typing your answer, so it was not saved as an entry",
        ));
    }
    Ok(Some(typed.text))
}
