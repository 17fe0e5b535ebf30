//! Filling in a thought record in one sitting: question by question on a terminal (an
//! unreadable rating is asked again), or from `--answer` (in question order) and
//! `--field NAME=TEXT` in a script (an unreadable rating is refused). The record is then
//! saved as one entry, and what was answered is kept as a draft if that fails.

use std::io::Write;

use anyhow::{Result, bail};

use super::library::GuidedPath;
use super::thought::{Field, Kind, Question, STEP, ThoughtRecord, changes_text, questions};
use crate::app::App;
use crate::cli::AnswerArgs;
use crate::model::{NewEntry, PathStep, PromptRef, hashtags, normalize_labels};
use crate::render::layout;
use crate::sitting::{Answers, Asked, Empty, Sitting};
use crate::store::Journal;
use crate::{ask, compose};

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

/// The sitting a record is filled in: its draft is kept as an entry of `day` (with the
/// mood, feelings and tags given).
pub fn sitting(app: &App, day: NewEntry) -> Sitting<'_> {
    Sitting::new(
        app,
        day,
        "the thought record",
        "mend path start thought-record",
    )
}

impl Answers for ThoughtRecord {
    type Field = Field;

    fn take(&mut self, field: Field, words: &str) -> Result<Option<String>, String> {
        self.set(field, words).map_err(|why| why.to_string())?;
        // A bare "6" is 60 of 100: say so, so a different meaning can be fixed.
        Ok(self.shown(field).filter(|s| s.ends_with("of 100)")))
    }

    fn if_empty(&self, field: Field) -> Empty {
        match field {
            Field::Situation => Empty::Ends,
            Field::Thought => Empty::AskAgain("a few words are needed here"),
            _ => Empty::Skip,
        }
    }

    fn draft(&self) -> Option<String> {
        Some(draft_text(self)).filter(|t| !t.is_empty())
    }
}

/// Asks every question on the terminal. `Ok(None)` when the situation is left empty
/// (nothing was written). Answers are kept in the sitting's draft as they come.
pub fn on_terminal(
    app: &App,
    path: &GuidedPath,
    sitting: &mut Sitting,
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
        if sitting.ask(&mut record, q.field, &format!("{}: ", answer_line(q)))? == Asked::Ended {
            eprintln!(
                "Nothing was written, so nothing was saved. The record will be here when you are ready."
            );
            return Ok(None);
        }
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

/// Saves the record as one entry of `base` (which carries the day, mood, feelings and tags
/// given), linked to the walk `run`. Returns the entry id.
pub fn save(
    journal: &Journal,
    app: &App,
    path: &GuidedPath,
    run: i64,
    record: &ThoughtRecord,
    base: NewEntry,
    sitting: &mut Sitting,
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
    let id = sitting.save(journal, &entry, record)?;
    compose::note_clock(journal, app, id, &entry);
    Ok((id, entry))
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

/// A thought record, filled in one sitting and saved as one entry: on a terminal question
/// by question, or from `--answer` and `--field` in a script.
pub fn walk(
    journal: &Journal,
    app: &App,
    path: &GuidedPath,
    args: AnswerArgs,
    fields: Vec<String>,
    out: &mut dyn Write,
) -> Result<()> {
    let base = crate::compose::details(&args.details, app)?;
    let given = Given {
        answers: args.answer,
        fields,
    };
    let mut sitting = sitting(app, base.clone());
    let filled = if !given.is_empty() {
        from_script(path, &given)?
    } else if ask::interactive() {
        match on_terminal(app, path, &mut sitting)? {
            Some(filled) => filled,
            None => {
                sitting.discard();
                return Ok(());
            }
        }
    } else {
        bail!(
            "a thought record is filled in on a terminal, or with --field NAME=TEXT (or --answer in order) in a script — e.g. mend path start thought-record --field situation=\"...\" --field thought=\"...\""
        );
    };
    // A walk left open by an older mend, when a record took several entries, is closed.
    for open in journal.active_runs()? {
        if open.path_id == path.id {
            journal.end_run(open.id, "stopped", app.now_utc())?;
        }
    }
    let run = journal.start_run(&path.id, app.now_utc())?;
    let (id, entry) = match save(journal, app, path, run, &filled, base, &mut sitting) {
        Ok(saved) => saved,
        Err(e) => {
            let _ = journal.end_run(run, "stopped", app.now_utc());
            return Err(e);
        }
    };
    journal.end_run(run, "finished", app.now_utc())?;
    print_changes(out, app, &filled)?;
    // Shown before the mood question, which is asked on the terminal.
    out.flush()?;
    crate::compose::finish(journal, app, id, &entry, out)
}
