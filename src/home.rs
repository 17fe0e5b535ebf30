//! What bare `mend` shows on a terminal: today at a glance (written or not, the run of days,
//! today's question, the next step of a path under way) and a few commands to try. Computed
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
    let mut paths = Vec::new();
    for run in journal.active_runs()? {
        let Some(path) = library.path(&run.path_id) else {
            continue;
        };
        let done = journal.run_steps(run.id)?.len();
        if done < path.steps.len() {
            paths.push(PathNext {
                id: path.id.clone(),
                title: path.title.clone(),
                step: done + 1,
                steps: path.steps.len(),
            });
        }
    }
    Ok(Home {
        today,
        today_entries,
        run_of_days: journal.current_streak(today)?,
        prompt,
        paths,
    })
}
