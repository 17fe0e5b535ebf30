//! Composing an entry, shared by write, edit, prompt and path: the details from the command
//! line, the one editor flow, the one rule for text that cannot be saved, the save itself,
//! the questions asked afterwards on a terminal, and the safety note.
//!
//! The rule: every text mend has read is kept as a draft when it cannot be saved, whatever
//! the reason (the journal would not open, the save failed, the text is too big or not
//! UTF-8, the editor failed, mend was stopped). [`keep`] is the one place that does it, and
//! its error says where the text went.

use std::io::Write;

use anyhow::{Result, anyhow, bail};
use chrono::Utc;

use crate::app::App;
use crate::cli::EntryDetails;
use crate::drafts::{self, Keep};
use crate::editor::{self, Edited, Template};
use crate::feelings::vocabulary;
use crate::model::{NewEntry, normalize_labels};
use crate::store::Journal;
use crate::store::entries::EntryUpdate;
use crate::text::{self, Refusal};
use crate::{analysis, ask, dates};

/// Reads the shared entry options (date, mood, feelings, tags) into an entry without text.
pub fn details(d: &EntryDetails, app: &App) -> Result<NewEntry> {
    let when = match &d.date {
        Some(text) => dates::parse_when(text, app.now)?,
        None => dates::When {
            day: app.now.date_naive(),
            at: None,
        },
    };
    Ok(NewEntry {
        at: when.at.map(|t| t.with_timezone(&Utc)),
        mood: d.mood,
        feelings: vocabulary().resolve_all(&d.feelings)?,
        tags: normalize_labels(&d.tags),
        ..NewEntry::on(when.day)
    })
}

/// Keeps `raw` (with the details of `entry`) as a draft and builds the error that tells the
/// person what happened and where the text is. `replaces` names the entry an edit was for.
pub fn keep(
    app: &App,
    entry: &NewEntry,
    raw: &[u8],
    replaces: Option<i64>,
    what_happened: &str,
) -> anyhow::Error {
    let kept = Keep {
        entry,
        raw,
        replaces,
    };
    match drafts::save_somewhere(&app.paths.draft_dirs(), &kept, app.now_utc()) {
        Ok(path) => anyhow!(
            "{what_happened} — your text is kept in {}; `mend drafts recover {}` saves it once the problem is fixed",
            path.display(),
            path.display()
        ),
        Err(reasons) => {
            // Last resort: the words go to the terminal so they can still be copied.
            eprintln!(
                "----- your text -----\n{}\n---------------------",
                String::from_utf8_lossy(raw)
            );
            anyhow!(
                "{what_happened}, and no draft could be written either ({reasons}) — your text is printed above; copy it somewhere safe"
            )
        }
    }
}

/// Keeps an entry's body as a draft (see [`keep`]).
pub fn keep_as_draft(app: &App, entry: &NewEntry, what_happened: &str) -> anyhow::Error {
    keep(app, entry, entry.body.as_bytes(), None, what_happened)
}

/// Turns `raw` into the body of `base` (trimmed, size-checked, `#tags` added). `Ok(None)`
/// means there was nothing to save; a text that is refused for any other reason is kept as a
/// draft and the error says where.
pub fn accept(
    app: &App,
    mut base: NewEntry,
    raw: &[u8],
    replaces: Option<i64>,
) -> Result<Option<NewEntry>> {
    match text::body(raw) {
        Ok(body) => {
            base.tags = text::tags(&base.tags, &body);
            base.body = body;
            Ok(Some(base))
        }
        Err(Refusal::Empty) => Ok(None),
        Err(refused) => Err(keep(app, &base, raw, replaces, &refused.describe())),
    }
}

/// Saves the entry; when that fails, keeps the text as a draft and says where.
pub fn save_or_keep(journal: &Journal, app: &App, entry: &NewEntry) -> Result<i64> {
    let id = journal.insert(entry, app.now_utc()).map_err(|e| {
        let reason = crate::store::plain_message(&e);
        keep_as_draft(app, entry, &format!("could not save the entry: {reason}"))
    })?;
    note_clock(journal, app, id, entry);
    Ok(id)
}

/// Records the clock the entry was written on (see `store::zones`). The entry is safe
/// already; should this fail, its time is shown on the reader's clock instead.
pub fn note_clock(journal: &Journal, app: &App, id: i64, entry: &NewEntry) {
    use chrono::{Local, Offset, TimeZone};
    let offset = match entry.at {
        Some(at) => Local.offset_from_utc_datetime(&at.naive_utc()).fix(),
        None => app.now.offset().fix(),
    };
    let _ = journal.set_written_offset(id, offset);
}

/// Applies `change` to entry `id`; when that fails and the change carries new text, keeps the
/// text as a draft (recovering it replaces the entry's text) and says where.
pub fn update_or_keep(
    journal: &Journal,
    app: &App,
    id: i64,
    change: &EntryUpdate,
    details: &NewEntry,
) -> Result<()> {
    journal.update(id, change, app.now_utc()).map_err(|e| {
        let reason = crate::store::plain_message(&e);
        let what = format!("could not save the change to entry {id}: {reason}");
        match &change.body {
            Some(body) => keep(app, details, body.as_bytes(), Some(id), &what),
            None => anyhow!("{what} — the entry is as it was; try again once the problem is fixed"),
        }
    })
}

/// What the one editor flow hands back when the editor did its work.
#[derive(Debug, PartialEq, Eq)]
pub enum Written {
    Text(String),
    Empty,
    Unchanged,
}

/// The one editor flow (write, edit, prompt, path): opens `template` in the person's editor
/// and returns what was written. Whatever could not be taken as it is (a failing editor,
/// text that is not UTF-8, mend stopped while the editor was open) is kept as a draft with
/// the details of `draft`, and the error says where. `replaces` names an edited entry.
pub fn in_editor(
    app: &App,
    template: &Template,
    draft: &NewEntry,
    replaces: Option<i64>,
) -> Result<Written> {
    let command = editor::editor_command(app.config.editor.as_deref());
    // Said when nothing new was written, and when what was written is kept as a draft.
    let (untouched, unsaved) = match replaces {
        Some(id) => (
            format!("entry {id} was left as it was"),
            format!("entry {id} was left as it was"),
        ),
        None => (
            "nothing was saved".to_string(),
            "it was not saved as an entry".to_string(),
        ),
    };
    match editor::edit(&command, &app.paths.scratch, template)? {
        Edited::Text(text) => Ok(Written::Text(text)),
        Edited::Empty => Ok(Written::Empty),
        Edited::Unchanged => Ok(Written::Unchanged),
        Edited::NotUtf8 { raw, at } => Err(keep(
            app,
            draft,
            &raw,
            replaces,
            &format!(
                "your editor saved text that is not valid UTF-8 (a stray byte at position {at}), so {unsaved}; mend keeps the bytes rather than guess at them"
            ),
        )),
        Edited::Failed { status, raw: None } => {
            bail!("the editor {command:?} {status} and left no new text — {untouched}")
        }
        Edited::Failed {
            status,
            raw: Some(raw),
        } => Err(keep(
            app,
            draft,
            &raw,
            replaces,
            &format!("the editor {command:?} {status}, so {unsaved}"),
        )),
        Edited::Interrupted { signal, raw: None } => bail!(
            "stopped by {} while your editor was open, before anything new was written — {untouched}",
            signal.name()
        ),
        Edited::Interrupted {
            signal,
            raw: Some(raw),
        } => Err(keep(
            app,
            draft,
            &raw,
            replaces,
            &format!(
                "stopped by {} while your editor was open, so {unsaved}",
                signal.name()
            ),
        )),
    }
}

/// After an entry is safely saved: on a terminal, asks for the mood and feelings that were
/// not given, saving each answer as soon as it is given; then says it was saved, with the
/// safety note when the text calls for it. Ctrl-C at a question keeps what was answered
/// before it and says plainly what was not asked.
pub fn finish(
    journal: &Journal,
    app: &App,
    id: i64,
    entry: &NewEntry,
    out: &mut dyn Write,
) -> Result<()> {
    if ask::interactive() && (entry.mood.is_none() || entry.feelings.is_empty()) {
        // The first question mend asks: which side the writer is on (once, then saved).
        if app.config.perspective.is_none() {
            match crate::settings::perspective(app) {
                // This entry was read before the answer: read it again from that side.
                Ok(Some(p)) => {
                    let _ = journal.reanalyse(&[id], Some(p), |_| {});
                }
                Ok(None) => {}
                Err(e) if ask::stopped(&e) => {
                    safety_note(app, &entry.body);
                    bail!(
                        "stopped at the first question — entry {id} is saved; no mood or feelings were added (`mend edit {id} --mood N --feel …` adds them)"
                    )
                }
                Err(e) => return Err(e),
            }
        }
        let mut mood_chosen = None;
        if entry.mood.is_none() {
            match ask::mood(app.style.color) {
                Ok(Some(mood)) => {
                    let change = EntryUpdate {
                        mood: Some(Some(mood)),
                        ..EntryUpdate::default()
                    };
                    update_or_keep(journal, app, id, &change, entry)?;
                    mood_chosen = Some(mood);
                }
                Ok(None) => {}
                Err(e) if ask::stopped(&e) => {
                    safety_note(app, &entry.body);
                    bail!(
                        "stopped at the mood question — entry {id} is saved; no mood or feelings were added (`mend edit {id} --mood N --feel …` adds them)"
                    )
                }
                Err(e) => return Err(e),
            }
        }
        if entry.feelings.is_empty() {
            match ask::feelings(app.style.color) {
                Ok(chosen) if !chosen.is_empty() => {
                    let change = EntryUpdate {
                        feelings: Some(chosen),
                        ..EntryUpdate::default()
                    };
                    update_or_keep(journal, app, id, &change, entry)?;
                }
                Ok(_) => {}
                Err(e) if ask::stopped(&e) => {
                    safety_note(app, &entry.body);
                    let mood = match mood_chosen.or(entry.mood) {
                        Some(m) => format!(
                            " with the mood you chose ({} {})",
                            m.value(),
                            crate::model::MOOD_WORDS[usize::from(m.value()) - 1]
                        ),
                        None => String::new(),
                    };
                    bail!(
                        "stopped at the feelings question — entry {id} is saved{mood}; no feelings were added (`mend edit {id} --feel …` adds them)"
                    )
                }
                Err(e) => return Err(e),
            }
        }
    }
    writeln!(
        out,
        "Saved entry {id} for {}.",
        entry.day.format("%A %-d %B %Y")
    )?;
    saved_note(journal, app, entry, out)?;
    safety_note(app, &entry.body);
    Ok(())
}

/// The line after "Saved": the entry's words and the run of days (one sentence for every
/// flow, worded in `render::terminal::saved_note`).
pub fn saved_note(
    journal: &Journal,
    app: &App,
    entry: &NewEntry,
    out: &mut dyn Write,
) -> Result<()> {
    let words = entry.body.split_whitespace().count();
    let run = journal.current_streak(app.now.date_naive())?;
    writeln!(out, "{}", crate::render::terminal::saved_note(words, run))?;
    Ok(())
}

/// Prints the safety notes the text calls for (on stderr, so they are seen even when output is
/// piped): one for thoughts of suicide or self-harm, one for being harmed or controlled, one for
/// harming a partner. `safety-note = false` in the config switches them off; a text there is
/// shown instead. Nothing is sent anywhere.
pub fn safety_note(app: &App, text: &str) {
    use crate::config::SafetyNote;
    let custom = match &app.config.safety_note {
        Some(SafetyNote::Shown(false)) => return,
        Some(SafetyNote::Text(own)) => Some(own.as_str()),
        Some(SafetyNote::Shown(true)) | None => None,
    };
    let concerns = analysis::safety_concerns(text);
    let notes: Vec<&str> = match custom {
        Some(own) if !concerns.is_empty() => vec![own],
        Some(_) => Vec::new(),
        None => concerns
            .into_iter()
            .map(analysis::safety_note_text)
            .collect(),
    };
    for note in notes {
        eprintln!("\n{}\n", app.style.bold(note.trim()));
    }
}

/// After a prompt that gently checks on safety ("does anything leave you afraid or
/// controlled?"): the resources for someone harmed are shown even when the answer itself
/// raised no note, once (never twice), and not when `safety-note = false`.
pub fn safety_resources(app: &App, answer: &str) {
    use crate::config::SafetyNote;
    if matches!(app.config.safety_note, Some(SafetyNote::Shown(false)))
        || !analysis::safety_concerns(answer).is_empty()
    {
        return;
    }
    let note = match &app.config.safety_note {
        Some(SafetyNote::Text(own)) => own.as_str(),
        _ => analysis::safety_note_text(analysis::Concern::Harmed),
    };
    eprintln!("\n{}\n", app.style.bold(note.trim()));
}
