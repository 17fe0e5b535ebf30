//! The path engine's sense of time: where a walk stands, and when its next step is due by the
//! path's cadence (or, for a path meant to be walked again, when the next walk is). `mend
//! path`, the home screen and `mend nudge` all ask here, so they always agree.

use std::collections::HashSet;

use anyhow::{Result, bail};
use chrono::NaiveDate;
use serde::Serialize;

use super::cadence::Cadence;
use super::library::{GuidedPath, Library, PathKind, Step};
use crate::store::Journal;
use crate::store::prompts::PathRun;
use crate::store::walks::StepEntry;

/// Where one walk stands.
pub struct Place<'p> {
    /// Steps answered so far.
    pub answered: usize,
    /// The first step not yet answered, with its index.
    pub next: Option<(usize, &'p Step)>,
    /// The answered steps, in the order they were written.
    pub steps: Vec<StepEntry>,
}

impl Place<'_> {
    /// The day the latest answered step was written about.
    pub fn last_day(&self) -> Option<NaiveDate> {
        self.steps.iter().map(|s| s.day).max()
    }
}

pub fn place<'p>(journal: &Journal, path: &'p GuidedPath, run: i64) -> Result<Place<'p>> {
    let steps = journal.walk_steps(run)?;
    let done: HashSet<&str> = steps.iter().map(|s| s.step.as_str()).collect();
    let answered = path
        .steps
        .iter()
        .filter(|s| done.contains(s.id.as_str()))
        .count();
    let next = path
        .steps
        .iter()
        .enumerate()
        .find(|(_, s)| !done.contains(s.id.as_str()));
    Ok(Place {
        answered,
        next,
        steps,
    })
}

/// The day the next step of a walk is due: at once when nothing is answered yet, the same day
/// for the closing reflection and for paths walked in one sitting, otherwise one cadence after
/// the latest step.
pub fn due_on(path: &GuidedPath, place: &Place, today: NaiveDate) -> Option<NaiveDate> {
    let (_, step) = place.next?;
    let Some(last) = place.last_day() else {
        return Some(today);
    };
    Some(if step.closing {
        last
    } else {
        path.cadence.after(last)
    })
}

/// What is coming on one path: the next step of a walk under way, or the next walk of a path
/// meant to be walked again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Due {
    pub path: String,
    pub title: String,
    /// 1-based number of the step that comes next (1 for a walk due again).
    pub step: usize,
    pub steps: usize,
    pub step_title: String,
    /// The day it is due (it may be past).
    pub due: NaiveDate,
    /// A new walk of a finished path, rather than the next step of one under way.
    pub again: bool,
}

impl Due {
    pub fn is_due(&self, today: NaiveDate) -> bool {
        self.due <= today
    }

    /// "Step 3 of Four days of expressive writing is due today".
    pub fn sentence(&self, today: NaiveDate) -> String {
        let when = when(self.due, today);
        if self.again {
            format!("{} is due again {when}", self.title)
        } else {
            format!("Step {} of {} is due {when}", self.step, self.title)
        }
    }

    /// The command that takes it.
    pub fn command(&self) -> String {
        if self.again {
            format!("mend path start {}", self.path)
        } else {
            format!("mend path next {}", self.path)
        }
    }
}

/// "today", "tomorrow", "on Thursday 6 November" (with the year when it is another), or
/// "since …" for a day gone by.
pub fn when(day: NaiveDate, today: NaiveDate) -> String {
    let named = |d: NaiveDate| {
        if d.format("%Y").to_string() == today.format("%Y").to_string() {
            d.format("%A %-d %B").to_string()
        } else {
            d.format("%A %-d %B %Y").to_string()
        }
    };
    match (day - today).num_days() {
        0 => "today".to_string(),
        1 => "tomorrow".to_string(),
        n if n < 0 => format!("since {}", named(day)),
        _ => format!("on {}", named(day)),
    }
}

/// The next step of every walk under way, and the next walk of each finished path that is
/// meant to be walked again, soonest first.
pub fn upcoming(journal: &Journal, library: &Library, today: NaiveDate) -> Result<Vec<Due>> {
    let mut out = Vec::new();
    let active = journal.active_runs()?;
    for run in &active {
        if let Some(due) = of_run(journal, library, run, today)? {
            out.push(due);
        }
    }
    for path in &library.paths {
        let Some(again) = path.again else {
            continue;
        };
        if active.iter().any(|r| r.path_id == path.id) {
            continue;
        }
        if let Some(due) = again_due(journal, path, again)? {
            out.push(due);
        }
    }
    out.sort_by_key(|d| d.due);
    Ok(out)
}

/// The next step of one walk under way.
pub fn of_run(
    journal: &Journal,
    library: &Library,
    run: &PathRun,
    today: NaiveDate,
) -> Result<Option<Due>> {
    let Some(path) = library.path(&run.path_id) else {
        return Ok(None);
    };
    if path.kind == PathKind::Record {
        // A record is filled in at once; it is never left waiting.
        return Ok(None);
    }
    let place = place(journal, path, run.id)?;
    let (Some((index, step)), Some(due)) = (place.next, due_on(path, &place, today)) else {
        return Ok(None);
    };
    Ok(Some(Due {
        path: path.id.clone(),
        title: path.title.clone(),
        step: index + 1,
        steps: path.steps.len(),
        step_title: step.title.clone(),
        due,
        again: false,
    }))
}

/// When a finished path is due to be walked again: one `again` after its last walk's last step.
fn again_due(journal: &Journal, path: &GuidedPath, again: Cadence) -> Result<Option<Due>> {
    let Some(run) = journal.latest_run(&path.id)? else {
        return Ok(None);
    };
    if run.outcome.as_deref() != Some("finished") {
        return Ok(None);
    }
    let last = journal.walk_steps(run.id)?.iter().map(|s| s.day).max();
    let Some(last) = last else {
        return Ok(None);
    };
    Ok(Some(Due {
        path: path.id.clone(),
        title: path.title.clone(),
        step: 1,
        steps: path.steps.len(),
        step_title: path
            .steps
            .first()
            .map(|s| s.title.clone())
            .unwrap_or_default(),
        due: again.after(last),
        again: true,
    }))
}

/// The path called `name`, or a line naming those there are.
pub fn find<'l>(library: &'l Library, name: &str) -> Result<&'l GuidedPath> {
    library.path(name).ok_or_else(|| {
        let known: Vec<&str> = library.paths.iter().map(|p| p.id.as_str()).collect();
        anyhow::anyhow!(
            "there is no path {name:?} — choose one of: {}",
            known.join(", ")
        )
    })
}

/// The walk a command is about: the named path's, or the only one under way.
pub fn active<'l>(
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{NewEntry, PathStep};
    use chrono::{TimeZone, Utc};

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn take(j: &Journal, path: &str, run: i64, step: &str, on: &str) {
        let entry = NewEntry {
            body: "An answer.".into(),
            path: Some(PathStep {
                id: path.into(),
                run,
                step: step.into(),
            }),
            ..NewEntry::on(day(on))
        };
        j.insert(&entry, Utc.with_ymd_and_hms(2026, 11, 1, 12, 0, 0).unwrap())
            .unwrap();
    }

    fn now() -> chrono::DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 1, 12, 0, 0).unwrap()
    }

    #[test]
    fn each_cadence_sets_the_next_steps_day() {
        let lib = Library::built_in();
        let j = Journal::open_in_memory().unwrap();
        let today = day("2026-11-01");
        // (path, steps taken with their days, the day the next is due)
        type Case<'a> = (&'a str, &'a [(&'a str, &'a str)], &'a str);
        let cases: [Case; 6] = [
            ("expressive-writing", &[], "2026-11-01"),
            (
                "expressive-writing",
                &[("day-one", "2026-11-01")],
                "2026-11-02",
            ),
            (
                "affair-recovery",
                &[("impact", "2026-11-01"), ("holding-steady", "2026-11-03")],
                "2026-11-10",
            ),
            (
                "outside-view",
                &[("first-sitting", "2026-11-01")],
                "2027-03-01",
            ),
            ("check-up", &[("the-year", "2026-11-01")], "2026-11-01"),
            (
                "expressive-writing",
                &[
                    ("day-one", "2026-11-01"),
                    ("day-two", "2026-11-02"),
                    ("day-three", "2026-11-03"),
                    ("day-four", "2026-11-04"),
                ],
                // The closing reflection is due with the last session.
                "2026-11-04",
            ),
        ];
        let mut failed = Vec::new();
        for (path, taken, want) in cases {
            for open in j.active_runs().unwrap() {
                j.end_run(open.id, "stopped", now()).unwrap();
            }
            let run = j.start_run(path, now()).unwrap();
            for (step, on) in taken {
                take(&j, path, run, step, on);
            }
            let due = upcoming(&j, &lib, today).unwrap();
            let got: Vec<(String, NaiveDate)> =
                due.iter().map(|d| (d.path.clone(), d.due)).collect();
            if got != [(path.to_string(), day(want))] {
                failed.push(format!("{path} after {taken:?}: {got:?}, wanted {want}"));
            }
        }
        assert!(failed.is_empty(), "{failed:#?}");
    }

    #[test]
    fn a_finished_repeating_path_is_due_again_and_a_stopped_one_is_not() {
        let lib = Library::built_in();
        let j = Journal::open_in_memory().unwrap();
        let run = j.start_run("check-up", now()).unwrap();
        for step in [
            "the-year",
            "strengths",
            "concerns",
            "one-thing",
            "looking-back",
        ] {
            take(&j, "check-up", run, step, "2026-11-01");
        }
        j.end_run(run, "finished", now()).unwrap();
        let stopped = j.start_run("expressive-writing", now()).unwrap();
        j.end_run(stopped, "stopped", now()).unwrap();
        let due = upcoming(&j, &lib, day("2027-11-01")).unwrap();
        assert_eq!(due.len(), 1, "{due:?}");
        assert!(due[0].again);
        assert_eq!(due[0].due, day("2027-11-01"));
        assert_eq!(
            due[0].sentence(day("2027-11-01")),
            "A yearly relationship check-up is due again today"
        );
        assert_eq!(due[0].command(), "mend path start check-up");
        assert!(!due[0].is_due(day("2027-10-31")));
        // Walking it again replaces the reminder with the walk's own next step.
        j.start_run("check-up", now()).unwrap();
        let due = upcoming(&j, &lib, day("2027-11-01")).unwrap();
        assert_eq!((due[0].again, due[0].step), (false, 1));
    }

    #[test]
    fn the_day_is_said_plainly() {
        let today = day("2026-11-05");
        assert_eq!(when(today, today), "today");
        assert_eq!(when(day("2026-11-06"), today), "tomorrow");
        assert_eq!(when(day("2026-11-12"), today), "on Thursday 12 November");
        assert_eq!(when(day("2027-03-05"), today), "on Friday 5 March 2027");
        assert_eq!(when(day("2026-11-03"), today), "since Tuesday 3 November");
        let due = Due {
            path: "expressive-writing".into(),
            title: "Four days of expressive writing".into(),
            step: 3,
            steps: 5,
            step_title: "Day three".into(),
            due: today,
            again: false,
        };
        assert_eq!(
            due.sentence(today),
            "Step 3 of Four days of expressive writing is due today"
        );
    }
}
