//! `mend path`: guided paths — list, start, next step, status, stop.

use std::collections::HashSet;
use std::io::Write;

use anyhow::{Result, bail};
use serde::Serialize;

use crate::app::App;
use crate::cli::{AnswerArgs, PathAction};
use crate::model::{PathStep, PromptRef};
use crate::prompts::Library;
use crate::prompts::answer::{self, Answering, Question};
use crate::prompts::library::GuidedPath;
use crate::prompts::record::{self, Given};
use crate::prompts::thought::{self, ThoughtRecord};
use crate::render::layout;
use crate::store::Journal;
use crate::store::prompts::PathRun;
use crate::{ask, render};

#[derive(Serialize)]
struct PathStatus<'a> {
    id: &'a str,
    title: &'a str,
    steps: usize,
    answered: usize,
    walking: bool,
    next_step: Option<&'a str>,
}

pub fn run(journal: &Journal, app: &App, action: PathAction, out: &mut dyn Write) -> Result<()> {
    let library = crate::prompts::load_library(app);
    match action {
        PathAction::List { json } => list(journal, app, &library, json, out),
        PathAction::Start {
            name,
            fields,
            answer,
        } => {
            let path = find(&library, &name)?;
            if path.id == thought::PATH_ID {
                return thought_record(journal, app, path, answer, fields, out);
            }
            if !fields.is_empty() || !answer.answer.is_empty() {
                bail!(
                    "`mend path start {name}` only begins the path — answer its first step with `mend path next {name} --answer \"...\"`"
                );
            }
            start(journal, app, path, out)
        }
        PathAction::Next {
            name,
            fields,
            answer,
        } => {
            if let Some(path) = name.as_deref().map(|n| find(&library, n)).transpose()?
                && path.id == thought::PATH_ID
            {
                return thought_record(journal, app, path, answer, fields, out);
            }
            let (run, path) = active(journal, &library, name.as_deref())?;
            if path.id == thought::PATH_ID {
                return thought_record(journal, app, path, answer, fields, out);
            }
            if !fields.is_empty() {
                bail!(
                    "--field fills a thought record — `mend path start thought-record --field NAME=TEXT` makes one"
                );
            }
            next(journal, app, run, path, answer, out)
        }
        PathAction::Status { name, json } => {
            status(journal, app, &library, name.as_deref(), json, out)
        }
        PathAction::Stop { name } => {
            let (run, path) = active(journal, &library, name.as_deref())?;
            journal.end_run(run.id, "stopped", app.now_utc())?;
            writeln!(
                out,
                "Stopped the {} path. Your answers stay in your journal; `mend path start {}` begins it again whenever you like.",
                path.title, path.id
            )?;
            Ok(())
        }
    }
}

fn find<'l>(library: &'l Library, name: &str) -> Result<&'l GuidedPath> {
    library.path(name).ok_or_else(|| {
        let known: Vec<&str> = library.paths.iter().map(|p| p.id.as_str()).collect();
        anyhow::anyhow!(
            "there is no path {name:?} — choose one of: {}",
            known.join(", ")
        )
    })
}

/// The steps of `run` already answered, and the first one that is not.
fn progress<'p>(
    journal: &Journal,
    path: &'p GuidedPath,
    run: i64,
) -> Result<(usize, Option<(usize, &'p crate::prompts::library::Step)>)> {
    let done: HashSet<String> = journal
        .run_steps(run)?
        .into_iter()
        .map(|(step, _)| step)
        .collect();
    let answered = path.steps.iter().filter(|s| done.contains(&s.id)).count();
    let next = path
        .steps
        .iter()
        .enumerate()
        .find(|(_, s)| !done.contains(&s.id));
    Ok((answered, next))
}

/// The walk a command is about: the named path's, or the only one under way.
fn active<'l>(
    journal: &Journal,
    library: &'l Library,
    name: Option<&str>,
) -> Result<(PathRun, &'l GuidedPath)> {
    let runs = journal.active_runs()?;
    let run = match name {
        Some(name) => {
            let path = find(library, name)?;
            match runs.into_iter().find(|r| r.path_id == path.id) {
                Some(run) => run,
                None => bail!(
                    "you are not walking the {name} path — `mend path start {name}` begins it"
                ),
            }
        }
        None => match runs.len() {
            0 => bail!(
                "you are not walking a guided path — `mend path list` shows them, `mend path start NAME` begins one"
            ),
            1 => runs.into_iter().next().expect("one run"),
            _ => {
                let names: Vec<String> = runs.iter().map(|r| r.path_id.clone()).collect();
                bail!(
                    "you are walking {} — say which, e.g. `mend path next {}`",
                    names.join(" and "),
                    names[0]
                )
            }
        },
    };
    let path = find(library, &run.path_id)?;
    Ok((run, path))
}

fn list(
    journal: &Journal,
    app: &App,
    library: &Library,
    json: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let runs = journal.active_runs()?;
    let mut shown = Vec::new();
    for path in &library.paths {
        let run = runs.iter().find(|r| r.path_id == path.id);
        let (answered, next) = match run {
            Some(run) => progress(journal, path, run.id)?,
            None => (0, None),
        };
        shown.push(PathStatus {
            id: &path.id,
            title: &path.title,
            steps: path.steps.len(),
            answered,
            walking: run.is_some(),
            next_step: next.map(|(_, s)| s.id.as_str()),
        });
    }
    if json {
        return render::json(out, &shown);
    }
    for (path, s) in library.paths.iter().zip(&shown) {
        let state = if path.id == thought::PATH_ID {
            "one sitting, as often as you like".to_string()
        } else if s.walking {
            format!("walking: {} of {} steps done", s.answered, s.steps)
        } else {
            format!("{} steps", s.steps)
        };
        // Padded by what is seen, wrapped under the title (render::layout).
        let id = app.style.bold(&path.id);
        let cells = [layout::Cell::left(&id, 16)];
        let width = layout::out_width();
        let title = format!("{}  {}", path.title, app.style.dim(&format!("({state})")));
        writeln!(out, "{}", layout::row(&cells, 1, &title, width))?;
        let dim = |t: &str| app.style.dim(t);
        writeln!(
            out,
            "{}",
            layout::under(&cells, 1, &path.description, width, &dim)
        )?;
    }
    let hint = "`mend path start NAME` begins one; take a step a day with `mend path next`.";
    writeln!(out, "\n{}", layout::wrap(hint, layout::out_width(), ""))?;
    Ok(())
}

fn start(journal: &Journal, app: &App, path: &GuidedPath, out: &mut dyn Write) -> Result<()> {
    journal.start_run(&path.id, app.now_utc())?;
    writeln!(out, "{}", app.style.bold(&path.title))?;
    writeln!(out, "{}\n", path.description)?;
    if let Some(first) = path.steps.first() {
        writeln!(
            out,
            "Step 1 of {}: {}",
            path.steps.len(),
            app.style.bold(&first.title)
        )?;
        writeln!(out, "{}\n", first.text)?;
    }
    writeln!(
        out,
        "Answer it with `mend path next` whenever you are ready. There is no hurry."
    )?;
    Ok(())
}

/// Answers the next step of a multi-day path: one entry per step, the step's question
/// stored as the entry's prompt (never in its text).
fn next(
    journal: &Journal,
    app: &App,
    run: PathRun,
    path: &GuidedPath,
    args: AnswerArgs,
    out: &mut dyn Write,
) -> Result<()> {
    let Some((index, step)) = progress(journal, path, run.id)?.1 else {
        journal.end_run(run.id, "finished", app.now_utc())?;
        writeln!(out, "Every step of {} is answered.", path.title)?;
        return Ok(());
    };
    if stepped_today(journal, app, run.id)? {
        eprintln!(
            "You already took a step on this path today. Steps often sink in better a day apart, but go on if it feels right."
        );
    }
    let mut base = crate::compose::details(&args.details, app)?;
    base.prompt = Some(PromptRef {
        id: format!("{}/{}", path.id, step.id),
        text: step.text.clone(),
        theme: Some(path.theme.clone()),
    });
    base.path = Some(PathStep {
        id: path.id.clone(),
        run: run.id,
        step: step.id.clone(),
    });
    let question = Question {
        heading: format!(
            "{} · step {} of {}: {}",
            path.title,
            index + 1,
            path.steps.len(),
            step.title
        ),
        text: &step.text,
        follow_ups: &step.follow_ups,
        field: None,
    };
    let how = Answering {
        answers: args.answer,
        inline: args.inline,
        ask_details: true,
    };
    if answer::answer(journal, app, &question, base, how, out)?.is_none() {
        return Ok(());
    }
    match progress(journal, path, run.id)?.1 {
        Some((i, following)) => writeln!(
            out,
            "Next, step {} of {}: {}. `mend path next` when you are ready.",
            i + 1,
            path.steps.len(),
            following.title
        )?,
        None => {
            journal.end_run(run.id, "finished", app.now_utc())?;
            writeln!(
                out,
                "You have walked the whole {} path. That took care and courage.",
                path.title
            )?;
        }
    }
    Ok(())
}

/// A thought record, filled in one sitting and saved as one entry: on a terminal question
/// by question, or from `--answer` and `--field` in a script.
fn thought_record(
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
    let mut progress = record::Progress::new(app, base.clone());
    let filled = if !given.is_empty() {
        record::from_script(path, &given)?
    } else if ask::interactive() {
        match record::on_terminal(app, path, &mut progress)? {
            Some(filled) => filled,
            None => {
                progress.discard();
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
    let (id, entry) = match record::save(journal, app, path, run, &filled, base, &mut progress) {
        Ok(saved) => saved,
        Err(e) => {
            let _ = journal.end_run(run, "stopped", app.now_utc());
            return Err(e);
        }
    };
    journal.end_run(run, "finished", app.now_utc())?;
    record::print_changes(out, app, &filled)?;
    // Shown before the mood question, which is asked on the terminal.
    out.flush()?;
    crate::compose::finish(journal, app, id, &entry, out)
}

fn stepped_today(journal: &Journal, app: &App, run: i64) -> Result<bool> {
    let today = app.now.date_naive();
    for (_, id) in journal.run_steps(run)? {
        if journal.get(id, false)?.is_some_and(|e| e.day == today) {
            return Ok(true);
        }
    }
    Ok(false)
}

/// The thought record a walk made, when it made one.
fn walk_record(journal: &Journal, run: i64) -> Result<Option<ThoughtRecord>> {
    for (_, id) in journal.run_steps(run)? {
        if let Some(entry) = journal.get(id, false)?
            && let Some(found) = ThoughtRecord::from_fields(entry.fields.as_ref())
        {
            return Ok(Some(found));
        }
    }
    Ok(None)
}

fn status(
    journal: &Journal,
    app: &App,
    library: &Library,
    name: Option<&str>,
    json: bool,
    out: &mut dyn Write,
) -> Result<()> {
    let runs: Vec<PathRun> = match name {
        Some(name) => {
            let path = find(library, name)?;
            journal.latest_run(&path.id)?.into_iter().collect()
        }
        None => journal.active_runs()?,
    };
    if runs.is_empty() {
        if json {
            return render::json(out, &Vec::<()>::new());
        }
        writeln!(
            out,
            "You are not walking a guided path right now. `mend path list` shows them."
        )?;
        return Ok(());
    }
    let mut shown = Vec::new();
    for run in &runs {
        let path = find(library, &run.path_id)?;
        let steps = journal.run_steps(run.id)?;
        let (mut answered, next) = progress(journal, path, run.id)?;
        let record = walk_record(journal, run.id)?;
        if record.is_some() {
            // A thought record answers every step in its one entry.
            answered = path.steps.len();
        }
        if json {
            shown.push(serde_json::json!({
                "id": path.id,
                "title": path.title,
                "run": run.id,
                "started": run.started,
                "ended": run.ended,
                "outcome": run.outcome,
                "steps": path.steps.len(),
                "answered": answered,
                "next_step": next.map(|(_, s)| s.id.clone()),
                "entries": steps.iter().map(|(step, id)| serde_json::json!({"step": step, "entry": id})).collect::<Vec<_>>(),
            }));
            continue;
        }
        if let Some(found) = &record {
            let ids: Vec<String> = steps.iter().map(|(_, id)| id.to_string()).collect();
            writeln!(
                out,
                "{} — entry {} (`mend show {}` shows it in full)",
                app.style.bold(&path.title),
                ids.join(", "),
                ids.join(" ")
            )?;
            record::print_changes(out, app, found)?;
            continue;
        }
        writeln!(
            out,
            "{} — {} of {} steps",
            app.style.bold(&path.title),
            answered,
            path.steps.len()
        )?;
        for (i, step) in path.steps.iter().enumerate() {
            let entry = steps.iter().find(|(s, _)| s == &step.id).map(|(_, id)| *id);
            let mark = match entry {
                Some(id) => format!("✓ entry {id}"),
                None if next.is_some_and(|(n, _)| n == i) => "next".to_string(),
                None => String::new(),
            };
            writeln!(
                out,
                "  {}. {:<40} {}",
                i + 1,
                step.title,
                app.style.dim(&mark)
            )?;
        }
    }
    if json {
        return render::json(out, &shown);
    }
    Ok(())
}
