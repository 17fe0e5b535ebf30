//! `mend path`: guided paths — list (grouped by where they come from), start, next step (with
//! the path's 0–10 check around each session), status (what is due by each path's cadence),
//! stop. When is decided in `prompts::walk`, checks are kept by `prompts::checks`.

use std::io::Write;

use anyhow::{Result, bail};
use chrono::NaiveDate;
use serde::Serialize;

use crate::app::App;
use crate::cli::{AnswerArgs, PathAction};
use crate::model::{NewEntry, PathStep, PromptRef};
use crate::prompts::Library;
use crate::prompts::answer::{self, Answering, Question};
use crate::prompts::cadence::{Cadence, When};
use crate::prompts::checks::{self, Check};
use crate::prompts::library::{GuidedPath, PathKind};
use crate::prompts::record::{self, Given};
use crate::prompts::thought::{self, ThoughtRecord};
use crate::prompts::walk::{self, Place};
use crate::render::layout;
use crate::store::Journal;
use crate::store::prompts::PathRun;
use crate::{ask, render};

#[derive(Serialize)]
struct PathStatus<'a> {
    id: &'a str,
    title: &'a str,
    kind: PathKind,
    steps: usize,
    answered: usize,
    walking: bool,
    next_step: Option<&'a str>,
    cadence: Cadence,
    again: Option<Cadence>,
    check: Option<crate::prompts::cadence::Measure>,
    based_on: Option<&'a str>,
}

/// The ratings given on the command line for one session.
#[derive(Clone, Copy, Default)]
struct Ratings {
    before: Option<u8>,
    after: Option<u8>,
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
            before,
            after,
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
            next(
                journal,
                app,
                run,
                path,
                answer,
                Ratings { before, after },
                out,
            )
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

/// How a path is walked, in a few words: "weekly, closeness 0–10 before and after".
fn rhythm(path: &GuidedPath) -> String {
    let mut parts = vec![match path.cadence {
        Cadence::Sitting => "in one sitting".to_string(),
        c => format!("a step {}", every(c)),
    }];
    if let Some(again) = path.again {
        parts.push(format!("again {}", every(again)));
    }
    if let Some(m) = path.check {
        parts.push(format!("{} 0–10 before and after", m.name()));
    }
    parts.join(", ")
}

/// "every day", "every week", "every 4 months", "every year".
fn every(c: Cadence) -> String {
    match c {
        Cadence::Days(1) => "every day".into(),
        Cadence::Days(7) => "every week".into(),
        Cadence::Months(12) => "every year".into(),
        Cadence::Months(1) => "every month".into(),
        other => other.to_string(),
    }
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
            Some(run) => {
                let place = walk::place(journal, path, run.id)?;
                (place.answered, place.next.map(|(_, s)| s.id.as_str()))
            }
            None => (0, None),
        };
        shown.push(PathStatus {
            id: &path.id,
            title: &path.title,
            kind: path.kind,
            steps: path.steps.len(),
            answered,
            walking: run.is_some(),
            next_step: next,
            cadence: path.cadence,
            again: path.again,
            check: path.check,
            based_on: path.based_on.as_deref(),
        });
    }
    if json {
        return render::json(out, &shown);
    }
    let groups = [
        (PathKind::Guides, "From the guides"),
        (PathKind::Research, "From research"),
        (
            PathKind::Record,
            "Records, in one sitting (scripts fill them with --field)",
        ),
    ];
    for (kind, heading) in groups {
        let members: Vec<_> = library
            .paths
            .iter()
            .zip(&shown)
            .filter(|(p, _)| p.kind == kind)
            .collect();
        if members.is_empty() {
            continue;
        }
        writeln!(out, "{}\n", app.style.bold(heading))?;
        for (path, s) in members {
            let state = if path.kind == PathKind::Record {
                "as often as you like".to_string()
            } else if s.walking {
                format!("walking: {} of {} steps done", s.answered, s.steps)
            } else {
                format!("{} steps, {}", s.steps, rhythm(path))
            };
            // Padded by what is seen, wrapped under the title (render::layout).
            let id = format!("  {}", app.style.bold(&path.id));
            let cells = [layout::Cell::left(&id, 28)];
            let width = layout::out_width();
            let title = format!("{}  {}", path.title, app.style.dim(&format!("({state})")));
            writeln!(out, "{}", layout::row(&cells, 1, &title, width))?;
            let dim = |t: &str| app.style.dim(t);
            writeln!(
                out,
                "{}",
                layout::under(&cells, 1, &path.description, width, &dim)
            )?;
            if let Some(based_on) = &path.based_on {
                let after = format!("After {based_on}.");
                writeln!(out, "{}", layout::under(&cells, 1, &after, width, &dim))?;
            }
        }
        writeln!(out)?;
    }
    let hint = "`mend path start NAME` begins one (and says what is known of it); `mend path next` takes the next step.";
    writeln!(out, "{}", layout::wrap(hint, layout::out_width(), ""))?;
    Ok(())
}

fn start(journal: &Journal, app: &App, path: &GuidedPath, out: &mut dyn Write) -> Result<()> {
    journal.start_run(&path.id, app.now_utc())?;
    writeln!(out, "{}", app.style.bold(&path.title))?;
    writeln!(out, "{}\n", path.description)?;
    if let Some(based_on) = &path.based_on {
        writeln!(out, "Based on {based_on}.")?;
    }
    if let Some(evidence) = &path.evidence {
        writeln!(out, "What is known: {evidence}\n")?;
    }
    writeln!(
        out,
        "{}\n",
        app.style
            .dim(&format!("{} steps, {}.", path.steps.len(), rhythm(path)))
    )?;
    if let Some(first) = path.steps.first() {
        writeln!(
            out,
            "Step 1 of {}: {}",
            path.steps.len(),
            app.style.bold(&first.title)
        )?;
        if let Some(framing) = &first.framing {
            writeln!(out, "{}", app.style.dim(framing))?;
        }
        writeln!(out, "{}\n", first.text)?;
    }
    writeln!(
        out,
        "Answer it with `mend path next {}` whenever you are ready. There is no hurry.",
        path.id
    )?;
    Ok(())
}

/// Answers the next step of a multi-day path: one entry per step, the step's question
/// stored as the entry's prompt (never in its text), the session's check in its data.
fn next(
    journal: &Journal,
    app: &App,
    run: PathRun,
    path: &GuidedPath,
    mut args: AnswerArgs,
    mut given: Ratings,
    out: &mut dyn Write,
) -> Result<()> {
    // On a terminal, a path walked in one sitting goes straight on to its next step.
    while one_step(journal, app, &run, path, &mut args, given, out)? {
        given = Ratings::default();
        writeln!(out)?;
        out.flush()?;
    }
    Ok(())
}

/// One step; true when the sitting goes on to the next one.
fn one_step(
    journal: &Journal,
    app: &App,
    run: &PathRun,
    path: &GuidedPath,
    args: &mut AnswerArgs,
    given: Ratings,
    out: &mut dyn Write,
) -> Result<bool> {
    let today = app.now.date_naive();
    let place = walk::place(journal, path, run.id)?;
    let Some((index, step)) = place.next else {
        journal.end_run(run.id, "finished", app.now_utc())?;
        writeln!(out, "Every step of {} is answered.", path.title)?;
        return Ok(false);
    };
    let (asks_before, asks_after) = (path.checks_before(index), path.checks_after(index));
    for (flag, value, asks) in [
        ("--before", given.before, asks_before),
        ("--after", given.after, asks_after),
    ] {
        if value.is_some() && !asks {
            let why = match path.check {
                None => format!("the {} path asks no 0–10 check", path.id),
                Some(_) => format!(
                    "step {} of {} asks no rating {}",
                    index + 1,
                    path.title,
                    flag.trim_start_matches('-')
                ),
            };
            bail!("{why} — leave out {flag}");
        }
    }
    if let Some(due) = walk::due_on(path, &place, today)
        && due > today
    {
        eprintln!(
            "This step is due {} (the path goes {}). Go on now if it feels right.",
            walk::when(due, today),
            every(path.cadence)
        );
    }
    let heading = {
        let mut lines = vec![format!(
            "{} · step {} of {}: {}",
            path.title,
            index + 1,
            path.steps.len(),
            step.title
        )];
        lines.extend(step.framing.clone());
        if step.closing
            && let (Some(measure), sessions) = checks::sessions(&place.steps)
            && !sessions.is_empty()
        {
            lines.push(String::new());
            lines.extend(checks::table_lines(measure, &sessions));
        }
        lines.join("\n")
    };
    let scripted = !args.answer.is_empty() || !std::io::IsTerminal::is_terminal(&std::io::stdin());
    let on_terminal = !scripted && ask::interactive();
    let measure = path.check;
    let mut check = measure.map(|measure| Check {
        measure,
        before: given.before,
        after: given.after,
    });
    let mut heading_shown = false;
    if let Some(c) = check.as_mut()
        && asks_before
        && c.before.is_none()
        && on_terminal
    {
        eprintln!(
            "{}\n",
            app.style
                .dim(&layout::wrap(&heading, layout::err_width(), ""))
        );
        heading_shown = true;
        match checks::ask_rating(c.measure, When::Before) {
            Ok(r) => {
                c.before = r;
                eprintln!();
            }
            Err(e) if ask::stopped(&e) => {
                bail!("stopped before the step began — nothing was saved")
            }
            Err(e) => return Err(e),
        }
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
    base.fields = check
        .filter(|c| c.before.is_some() || c.after.is_some())
        .map(Check::to_data);
    let question = Question {
        // Typed inline, the heading already above the rating is not drawn again.
        heading: if heading_shown && args.inline {
            String::new()
        } else {
            heading
        },
        text: &step.text,
        follow_ups: &step.follow_ups,
        field: None,
    };
    let sitting = path.cadence == Cadence::Sitting;
    let how = Answering {
        answers: std::mem::take(&mut args.answer),
        inline: args.inline,
        // In one sitting, mood and feelings are asked once, with the last step.
        ask_details: !sitting || index + 1 == path.steps.len(),
    };
    // The session's closing rating, asked once the answer and its follow-ups are saved.
    let mut after = |id: i64, entry: &mut NewEntry| -> Result<()> {
        let Some(mut c) = check else { return Ok(()) };
        if !asks_after || c.after.is_some() || !on_terminal {
            return Ok(());
        }
        match checks::ask_rating(c.measure, When::After) {
            Ok(Some(r)) => {
                c.after = Some(r);
                if c.measure == crate::prompts::cadence::Measure::Distress
                    && c.before.is_some_and(|b| r > b)
                {
                    eprintln!(
                        "Feeling more stirred up right after writing is common, and it usually settles within hours. Be gentle with yourself today."
                    );
                }
                let data = c.to_data();
                journal.set_entry_data(id, &data, app.now_utc())?;
                entry.fields = Some(data);
                Ok(())
            }
            Ok(None) => Ok(()),
            Err(e) if ask::stopped(&e) => {
                crate::compose::safety_note(app, &entry.body);
                bail!(
                    "stopped at the rating after the session — entry {id} is saved with your answer; no rating after it, mood or feelings were added"
                )
            }
            Err(e) => Err(e),
        }
    };
    if answer::answer_then(journal, app, &question, base, how, &mut after, out)?.is_none() {
        return Ok(false);
    }
    let place = walk::place(journal, path, run.id)?;
    match place.next {
        Some(_) if sitting && on_terminal => return Ok(true),
        Some((i, following)) => {
            let due = walk::due_on(path, &place, today).unwrap_or(today);
            let when = if following.closing || path.cadence == Cadence::Sitting {
                "now, or whenever you are ready".to_string()
            } else {
                walk::when(due, today)
            };
            writeln!(
                out,
                "Next, step {} of {}: {} — due {when}. `mend path next {}` takes it.",
                i + 1,
                path.steps.len(),
                following.title,
                path.id
            )?;
        }
        None => {
            journal.end_run(run.id, "finished", app.now_utc())?;
            ended(out, app, path, &place, today)?;
        }
    }
    Ok(false)
}

/// The end of a walk: its before-and-after ratings, a word of thanks, and when it is due
/// again for a path meant to be repeated.
fn ended(
    out: &mut dyn Write,
    app: &App,
    path: &GuidedPath,
    place: &Place,
    today: NaiveDate,
) -> Result<()> {
    writeln!(
        out,
        "\nYou have walked the whole of {}. That took care and courage.",
        path.title
    )?;
    if let (Some(measure), sessions) = checks::sessions(&place.steps)
        && !sessions.is_empty()
    {
        writeln!(out)?;
        checks::print_table(out, app, measure, &sessions)?;
    }
    if let (Some(again), Some(last)) = (path.again, place.last_day()) {
        writeln!(
            out,
            "\nIt is meant to be walked again {}: the next one is due {} (`mend nudge` and `mend` will remind you).",
            every(again),
            walk::when(again.after(last), today)
        )?;
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
    let mut sitting = record::sitting(app, base.clone());
    let filled = if !given.is_empty() {
        record::from_script(path, &given)?
    } else if ask::interactive() {
        match record::on_terminal(app, path, &mut sitting)? {
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
    let (id, entry) = match record::save(journal, app, path, run, &filled, base, &mut sitting) {
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
    let today = app.now.date_naive();
    let mut runs: Vec<PathRun> = match name {
        Some(name) => {
            let path = find(library, name)?;
            journal.latest_run(&path.id)?.into_iter().collect()
        }
        None => journal.active_runs()?,
    };
    if name.is_none() {
        // Paths meant to be walked again, finished and not begun anew: when the next is due.
        for path in library.paths.iter().filter(|p| p.again.is_some()) {
            if !runs.iter().any(|r| r.path_id == path.id)
                && let Some(run) = journal.latest_run(&path.id)?
                && run.outcome.as_deref() == Some("finished")
            {
                runs.push(run);
            }
        }
    }
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
    let upcoming = walk::upcoming(journal, library, today)?;
    let mut shown = Vec::new();
    for (n, run) in runs.iter().enumerate() {
        let path = find(library, &run.path_id)?;
        let place = walk::place(journal, path, run.id)?;
        let mut answered = place.answered;
        let record = walk_record(journal, run.id)?;
        if record.is_some() {
            // A thought record answers every step in its one entry.
            answered = path.steps.len();
        }
        let due = upcoming
            .iter()
            .find(|d| d.path == path.id && d.again == run.ended.is_some());
        let (measure, sessions) = checks::sessions(&place.steps);
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
                "next_step": place.next.map(|(_, s)| s.id.clone()),
                "cadence": path.cadence,
                "due": due.filter(|d| !d.again).map(|d| d.due),
                "due_again": due.filter(|d| d.again).map(|d| d.due),
                "check": measure.map(|m| serde_json::json!({"measure": m, "sessions": sessions})),
                "entries": place.steps.iter().map(|s| serde_json::json!({"step": s.step, "entry": s.entry})).collect::<Vec<_>>(),
            }));
            continue;
        }
        if n > 0 {
            writeln!(out)?;
        }
        if let Some(found) = &record {
            let ids: Vec<String> = place.steps.iter().map(|s| s.entry.to_string()).collect();
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
        let state = match (&run.outcome, run.ended.is_some()) {
            (Some(outcome), true) => format!(", {outcome}"),
            _ => String::new(),
        };
        writeln!(
            out,
            "{} — {} of {} steps{state}",
            app.style.bold(&path.title),
            answered,
            path.steps.len()
        )?;
        for (i, step) in path.steps.iter().enumerate() {
            let entry = place.steps.iter().find(|s| s.step == step.id);
            let mark = match entry {
                Some(s) => format!("✓ entry {}", s.entry),
                None if place.next.is_some_and(|(n, _)| n == i) && run.ended.is_none() => {
                    "next".to_string()
                }
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
        if let Some(measure) = measure
            && !sessions.is_empty()
        {
            checks::print_table(out, app, measure, &sessions)?;
        }
        if let Some(due) = due {
            writeln!(
                out,
                "{}. `{}` when you are ready.",
                due.sentence(today),
                due.command()
            )?;
        }
    }
    if json {
        return render::json(out, &shown);
    }
    Ok(())
}
