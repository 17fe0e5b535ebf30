//! Filling in a thought record in one sitting: question by question on a terminal (an
//! unreadable rating is asked again), or from `--answer` (in question order) and
//! `--field NAME=TEXT` in a script (an unreadable rating is refused). The record is then
//! saved as one entry, and what was answered is kept as a draft if that fails.

use std::fs;
use std::io::Write;
use std::path::PathBuf;

use anyhow::{Result, bail};

use super::library::GuidedPath;
use super::thought::{Field, Kind, Question, STEP, ThoughtRecord, changes_text, questions};
use crate::app::App;
use crate::model::{NewEntry, PathStep, PromptRef, hashtags, normalize_labels};
use crate::render::layout;
use crate::store::Journal;
use crate::{compose, drafts, store};

/// What a script gave: `--answer` values in question order, and `--field NAME=TEXT`s.
#[derive(Debug, Default)]
pub struct Given {
    pub answers: Vec<String>,
    pub fields: Vec<String>,
}

impl Given {
    pub fn is_empty(&self) -> bool {
        self.answers.is_empty() && self.fields.is_empty()
    }
}

/// The field names, for messages.
fn field_names() -> String {
    Field::ALL.map(Field::name).join(", ")
}

/// Builds the record from a script's answers. Every problem is refused with what to do.
pub fn from_script(path: &GuidedPath, given: &Given) -> Result<ThoughtRecord> {
    let asked = questions(path);
    if given.answers.len() > asked.len() {
        bail!(
            "a thought record has {} questions, but {} answers were given — --answer fills them in order: {}",
            asked.len(),
            given.answers.len(),
            field_names()
        );
    }
    let mut record = ThoughtRecord::default();
    let mut set: Vec<Field> = Vec::new();
    let mut fill = |field: Field, words: &str| -> Result<()> {
        if set.contains(&field) {
            bail!(
                "{} was given twice — give each field once, with --answer in order or --field",
                field.name()
            );
        }
        set.push(field);
        if let Err(why) = record.set(field, words) {
            bail!("could not read {}: {why}; nothing was saved", field.name());
        }
        Ok(())
    };
    for (q, words) in asked.iter().zip(&given.answers) {
        fill(q.field, words)?;
    }
    for pair in &given.fields {
        let Some((name, words)) = pair.split_once('=') else {
            bail!("--field {pair:?} has no \"=\" — write it as NAME=TEXT, e.g. --field belief=80%");
        };
        let Some(field) = Field::from_name(name) else {
            bail!(
                "a thought record has no field {:?} — use one of: {}",
                name.trim(),
                field_names()
            );
        };
        fill(field, words)?;
    }
    let missing = record.missing();
    if !missing.is_empty() {
        let names: Vec<&str> = missing.iter().map(|f| f.name()).collect();
        bail!(
            "a thought record needs at least a situation and a thought, and {} is missing — e.g. --field situation=\"...\" --field thought=\"...\"; nothing was saved",
            names.join(" and ")
        );
    }
    Ok(record)
}

/// The short line the answer is typed on (the question itself stands above it, so a long
/// question wrapping on a narrow terminal cannot confuse the redraw).
fn answer_line(q: &Question) -> &'static str {
    match q.field.kind() {
        _ if q.field.required() => "  your words",
        Kind::Text => "  your words (Enter skips)",
        Kind::Rating => "  how strongly: 8, 8/10 or 80% (Enter skips)",
        Kind::Ratings => "  e.g. fear 8, shame 4 (Enter skips)",
    }
}

/// The draft that holds a walk's answers while it goes on: rewritten after every answer,
/// so words survive even when the walk is cut short (Ctrl-C, a closed terminal), and
/// removed once the record is saved.
pub struct Progress<'a> {
    app: &'a App,
    day: NewEntry,
    pub path: Option<PathBuf>,
}

impl<'a> Progress<'a> {
    pub fn new(app: &'a App, day: NewEntry) -> Progress<'a> {
        Progress {
            app,
            day,
            path: None,
        }
    }

    fn keep(&mut self, record: &ThoughtRecord) {
        let draft = NewEntry {
            body: draft_text(record),
            fields: None,
            path: None,
            ..self.day.clone()
        };
        // When no draft can be written the walk goes on; the save at the end says more.
        let keep = drafts::Keep {
            entry: &draft,
            raw: draft.body.as_bytes(),
            replaces: None,
        };
        if let Ok(path) =
            drafts::save_somewhere(&self.app.paths.draft_dirs(), &keep, self.app.now_utc())
            && let Some(old) = self.path.replace(path)
        {
            let _ = fs::remove_file(old);
        }
    }

    /// Removes the draft: the record is saved, or nothing was written.
    pub fn discard(&mut self) {
        if let Some(path) = self.path.take() {
            let _ = fs::remove_file(path);
        }
    }
}

/// Asks every question on the terminal. `Ok(None)` when the situation is left empty
/// (nothing was written). Answers are kept in `progress` as they come.
pub fn on_terminal(
    app: &App,
    path: &GuidedPath,
    progress: &mut Progress,
) -> Result<Option<ThoughtRecord>> {
    let asked = questions(path);
    let mut record = ThoughtRecord::default();
    let mut last_step = 0;
    let width = layout::err_width();
    eprintln!("{}", app.style.bold(&layout::wrap(&path.title, width, "")));
    eprintln!(
        "{}\n",
        app.style.dim(&layout::wrap(&path.description, width, ""))
    );
    for q in &asked {
        // No balanced thought, nothing to rate.
        if q.field == Field::BalancedBelief && record.get(Field::BalancedThought).is_none() {
            continue;
        }
        if q.step != last_step {
            last_step = q.step;
            let step = format!("Step {} of {}: {}", q.step, path.steps.len(), q.step_title);
            eprintln!("{}", app.style.dim(&layout::wrap(&step, width, "")));
        }
        eprintln!("{}", app.style.bold(&layout::wrap(&q.text, width, "")));
        if q.field == Field::FeelingsAfter
            && let Some(before) = &record.feelings
        {
            let named: Vec<String> = before
                .ratings
                .iter()
                .map(|r| format!("{} {}", r.name, f64::from(r.value) / 10.0))
                .collect();
            let before = layout::wrap_with(&named.join(", "), width, "  before: ", "    ");
            eprintln!("{}", app.style.dim(&before));
        }
        loop {
            // Read key by key, so Ctrl-C halfway through an answer keeps what was typed.
            let typed = match crate::ask::line(&format!("{}: ", answer_line(q))) {
                Ok(t) if t.stopped => {
                    if !t.text.trim().is_empty() && record.set(q.field, &t.text).is_ok() {
                        progress.keep(&record);
                    }
                    return Err(interrupted(progress, "interrupted"));
                }
                Ok(t) => t.text,
                Err(e) => return Err(interrupted(progress, &e.to_string())),
            };
            if q.field == Field::Thought && typed.trim().is_empty() {
                eprintln!("  a few words are needed here");
                continue;
            }
            if q.field == Field::Situation && typed.trim().is_empty() {
                eprintln!(
                    "Nothing was written, so nothing was saved. The record will be here when you are ready."
                );
                return Ok(None);
            }
            match record.set(q.field, &typed) {
                Ok(()) => {
                    // A bare "6" is 60 of 100: say so, so a different meaning can be fixed.
                    if let Some(shown) = record.shown(q.field).filter(|s| s.ends_with("of 100)")) {
                        eprintln!("{}", app.style.dim(&format!("  {shown}")));
                    }
                    break;
                }
                Err(why) => eprintln!("  {why}"),
            }
        }
        progress.keep(&record);
        eprintln!();
    }
    Ok(Some(record))
}

/// The words of a record with their labels, for a draft: drafts keep text, so every
/// answer (ratings too) goes into it.
fn draft_text(record: &ThoughtRecord) -> String {
    Field::ALL
        .into_iter()
        .filter_map(|f| record.get(f).map(|w| format!("**{}**\n\n{w}", f.label())))
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn interrupted(progress: &Progress, what: &str) -> anyhow::Error {
    match &progress.path {
        Some(path) => anyhow::anyhow!(
            "the thought record was stopped ({what}) before it was saved — your answers so far are kept in {}; `mend drafts recover {}` saves them as an entry",
            path.display(),
            path.display()
        ),
        None => anyhow::anyhow!(
            "the thought record was stopped ({what}) before anything was written — nothing was saved; `mend path start thought-record` begins again"
        ),
    }
}

/// Saves the record as one entry of `base` (which carries the day, mood, feelings and tags
/// given), linked to the walk `run`. Returns the entry id.
pub fn save(
    journal: &Journal,
    app: &App,
    path: &GuidedPath,
    run: i64,
    record: &ThoughtRecord,
    base: NewEntry,
    progress: &mut Progress,
) -> Result<(i64, NewEntry)> {
    let mut entry = base;
    entry.body = record.body();
    entry.prompt = Some(PromptRef {
        id: path.id.clone(),
        text: path.title.clone(),
        theme: Some(path.theme.clone()),
    });
    entry.path = Some(PathStep {
        id: path.id.clone(),
        run,
        step: STEP.to_string(),
    });
    entry.fields = Some(record.to_value());
    entry.feelings = normalize_labels(
        entry
            .feelings
            .iter()
            .cloned()
            .chain(record.known_feelings()),
    );
    entry.tags = normalize_labels(entry.tags.iter().cloned().chain(hashtags(&entry.body)));
    match journal.insert(&entry, app.now_utc()) {
        Ok(id) => {
            compose::note_clock(journal, app, id, &entry);
            progress.discard();
            Ok((id, entry))
        }
        Err(e) => {
            let reason = store::plain_message(&e);
            if let Some(kept) = &progress.path {
                return Err(anyhow::anyhow!(
                    "could not save the thought record: {reason} — your answers are kept in {}; `mend drafts recover {}` saves them once the problem is fixed",
                    kept.display(),
                    kept.display()
                ));
            }
            let draft = NewEntry {
                body: draft_text(record),
                fields: None,
                path: None,
                ..entry
            };
            Err(compose::keep_as_draft(
                app,
                &draft,
                &format!("could not save the thought record: {reason}"),
            ))
        }
    }
}

/// The closing lines: the before/after of belief and feelings.
pub fn print_changes(out: &mut dyn Write, app: &App, record: &ThoughtRecord) -> Result<()> {
    match changes_text(record) {
        Some(text) => {
            let mut lines = text.lines();
            if let Some(first) = lines.next() {
                writeln!(out, "\n{}", app.style.bold(first))?;
            }
            let width = layout::out_width();
            for line in lines {
                writeln!(out, "{}", layout::wrap_lines(&app.style.text(line), width))?;
            }
            writeln!(out)?;
        }
        None => writeln!(out)?,
    }
    Ok(())
}
