//! `mend drafts`: texts kept when saving failed — list, show, recover, discard.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};

use crate::app::App;
use crate::cli::DraftsAction;
use crate::drafts::{self, Draft};
use crate::render::terminal::first_words;
use crate::store::Journal;

/// `journal` is opened only for `recover`, the one action that writes an entry.
pub fn run(
    journal: Option<&Journal>,
    app: &App,
    action: Option<DraftsAction>,
    out: &mut dyn Write,
) -> Result<()> {
    match action.unwrap_or(DraftsAction::List) {
        DraftsAction::List => {
            let all = all_drafts(app)?;
            if all.is_empty() {
                writeln!(out, "No drafts: every text you wrote was saved.")?;
                return Ok(());
            }
            for (n, d) in all.iter().enumerate() {
                writeln!(
                    out,
                    "{:>3}  {}  {}\n     {}",
                    app.style.bold(&(n + 1).to_string()),
                    d.entry.day,
                    app.style.text(&first_words(&d.entry.body, 60)),
                    app.style.dim(&d.path.display().to_string())
                )?;
            }
            writeln!(out, "`mend drafts recover N` saves one as an entry.")?;
        }
        DraftsAction::Show { draft } => {
            let d = pick(app, &draft)?;
            writeln!(out, "{}", app.style.text(&d.entry.body))?;
        }
        DraftsAction::Recover { draft } => {
            let d = pick(app, &draft)?;
            let journal = journal.context("the journal is needed to recover a draft")?;
            let id = journal.insert(&d.entry, app.now_utc()).map_err(|e| {
                anyhow::anyhow!(
                    "could not save the draft as an entry ({}) — the draft stays in {}; try again once the problem is fixed",
                    crate::store::plain_message(&e),
                    d.path.display()
                )
            })?;
            fs::remove_file(&d.path).with_context(|| {
                format!(
                    "entry {id} was saved, but the draft {} could not be removed",
                    d.path.display()
                )
            })?;
            writeln!(out, "Saved entry {id} from the draft; the draft is gone.")?;
        }
        DraftsAction::Discard { draft } => {
            let d = pick(app, &draft)?;
            fs::remove_file(&d.path)
                .with_context(|| format!("removing the draft {}", d.path.display()))?;
            writeln!(out, "Discarded the draft {}.", d.path.display())?;
        }
    }
    Ok(())
}

fn all_drafts(app: &App) -> Result<Vec<Draft>> {
    let mut all = Vec::new();
    for dir in app.paths.all_draft_dirs() {
        all.extend(drafts::list(&dir)?);
    }
    Ok(all)
}

/// A draft by its number in `mend drafts`, or by its path.
fn pick(app: &App, which: &str) -> Result<Draft> {
    if let Ok(n) = which.trim().parse::<usize>() {
        let all = all_drafts(app)?;
        return match n.checked_sub(1).and_then(|i| all.get(i)) {
            Some(d) => Ok(d.clone()),
            None => bail!("there is no draft {n} — `mend drafts` lists them"),
        };
    }
    let path = PathBuf::from(which);
    if !Path::new(&path).is_file() {
        bail!("there is no draft at {which} — `mend drafts` lists them");
    }
    let entry = drafts::load(&path)?;
    Ok(Draft { path, entry })
}
