//! `mend path`: guided paths — list (grouped by where they come from), start, next step (with
//! the path's 0–10 check around each session), status (what is due by each path's cadence),
//! stop. The work is in `prompts`: `step` takes steps, `overview` lists and tells where walks
//! stand, `walk` decides when, `record` walks the thought record.

use std::io::Write;

use anyhow::{Result, bail};

use crate::app::App;
use crate::cli::PathAction;
use crate::prompts::step::{self, Ratings};
use crate::prompts::walk::{active, find};
use crate::prompts::{overview, record, thought};
use crate::store::Journal;

pub fn run(journal: &Journal, app: &App, action: PathAction, out: &mut dyn Write) -> Result<()> {
    let library = crate::prompts::load_library(app);
    match action {
        PathAction::List { json } => overview::list(journal, app, &library, json, out),
        PathAction::Start {
            name,
            fields,
            answer,
        } => {
            let path = find(&library, &name)?;
            if path.id == thought::PATH_ID {
                return record::walk(journal, app, path, answer, fields, out);
            }
            if !fields.is_empty() || !answer.answer.is_empty() {
                bail!(
                    "`mend path start {name}` only begins the path — answer its first step with `mend path next {name} --answer \"...\"`"
                );
            }
            step::start(journal, app, path, out)
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
                return record::walk(journal, app, path, answer, fields, out);
            }
            let (run, path) = active(journal, &library, name.as_deref())?;
            if path.id == thought::PATH_ID {
                return record::walk(journal, app, path, answer, fields, out);
            }
            if !fields.is_empty() {
                bail!(
                    "--field fills a thought record — `mend path start thought-record --field NAME=TEXT` makes one"
                );
            }
            step::next(
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
            overview::status(journal, app, &library, name.as_deref(), json, out)
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
