//! What `mend path list` and `mend path status` show: the paths grouped by where they come
//! from with how each is walked, and where each walk stands, what it has answered, its
//! before-and-after and when its next step (or its next walk) is due.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use super::Library;
use super::cadence::{Cadence, Measure};
use super::checks;
use super::library::PathKind;
use super::record;
use super::step::rhythm;
use super::thought::ThoughtRecord;
use super::walk::{self, find};
use crate::app::App;
use crate::render;
use crate::render::layout;
use crate::store::Journal;
use crate::store::prompts::PathRun;

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
    check: Option<Measure>,
    based_on: Option<&'a str>,
}

pub fn list(
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

pub fn status(
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
