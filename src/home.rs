//! What bare `mend` shows on a terminal: today at a glance (written or not, the run of days,
//! today's question, the next step of a path under way and when it is due) and a few commands to try. Computed
//! here, printed by `commands::home`.

use anyhow::Result;
use chrono::NaiveDate;
use serde::Serialize;

use crate::prompts::Library;
use crate::prompts::select::{self, Wanted};
use crate::store::{Filter, Journal};

#[derive(Debug, Serialize)]
pub struct Home {
    pub today: NaiveDate,
    /// Entries written about today.
    pub today_entries: usize,
    /// Days in a row with an entry, up to today (or yesterday, while today is still open).
    pub run_of_days: u32,
    /// Today's prompt, the one `mend prompt` offers.
    pub prompt: Option<String>,
    /// Paths under way and the step each goes on with.
    pub paths: Vec<PathNext>,
}

#[derive(Debug, Serialize)]
pub struct PathNext {
    pub id: String,
    pub title: String,
    /// 1-based number of the step that comes next.
    pub step: usize,
    pub steps: usize,
    /// The day it is due by the path's cadence (it may be past).
    pub due: NaiveDate,
    /// A new walk of a finished path meant to be walked again.
    pub again: bool,
}

pub fn compute(
    journal: &Journal,
    library: &Library,
    wanted: &Wanted,
    today: NaiveDate,
) -> Result<Home> {
    let today_entries = journal
        .list(&Filter {
            from: Some(today),
            to: Some(today),
            ..Filter::default()
        })?
        .len();
    let prompt = select::for_today(journal, &library.prompts, wanted, today)?
        .first()
        .map(|p| p.text.clone());
    // Steps of walks under way, and finished paths whose next walk is due by today.
    let paths = crate::prompts::walk::upcoming(journal, library, today)?
        .into_iter()
        .filter(|d| !d.again || d.is_due(today))
        .map(|d| PathNext {
            id: d.path,
            title: d.title,
            step: d.step,
            steps: d.steps,
            due: d.due,
            again: d.again,
        })
        .collect();
    Ok(Home {
        today,
        today_entries,
        run_of_days: journal.current_streak(today)?,
        prompt,
        paths,
    })
}
