//! Taking a guided path's steps: beginning a walk (its first step shown), answering the next
//! step with the path's 0–10 check around the session, going straight on in a path walked
//! in one sitting, and the end of a walk with its before-and-after. When a step is due is
//! decided in `walk`, checks are kept by `checks`.

use std::io::Write;

use anyhow::{Result, bail};
use chrono::NaiveDate;

use super::answer::{self, Answering, Question};
use super::cadence::{Cadence, Measure, When};
use super::checks::{self, Check};
use super::library::GuidedPath;
use super::walk::{self, Place};
use crate::app::App;
use crate::ask;
use crate::cli::AnswerArgs;
use crate::model::{NewEntry, PathStep, PromptRef};
use crate::render::layout;
use crate::store::Journal;
use crate::store::prompts::PathRun;

/// The ratings given on the command line for one session.
#[derive(Clone, Copy, Default)]
pub struct Ratings {
    pub before: Option<u8>,
    pub after: Option<u8>,
}

/// How a path is walked, in a few words: "weekly, closeness 0–10 before and after".
pub fn rhythm(path: &GuidedPath) -> String {
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
pub fn every(c: Cadence) -> String {
    match c {
        Cadence::Days(1) => "every day".into(),
        Cadence::Days(7) => "every week".into(),
        Cadence::Months(12) => "every year".into(),
        Cadence::Months(1) => "every month".into(),
        other => other.to_string(),
    }
}

pub fn start(journal: &Journal, app: &App, path: &GuidedPath, out: &mut dyn Write) -> Result<()> {
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
pub fn next(
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
                if c.measure == Measure::Distress && c.before.is_some_and(|b| r > b) {
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
