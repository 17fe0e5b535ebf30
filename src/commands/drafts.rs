//! `mend drafts`: texts kept when saving failed — list, show, recover, discard. Only files
//! in mend's drafts folders (and editor files left in its private folder) are touched.

use std::fs;
use std::io::Write;

use anyhow::{Context, Result, bail};

use crate::app::App;
use crate::cli::DraftsAction;
use crate::drafts::{self, Draft};
use crate::render::terminal::first_words;
use crate::store::Journal;
use crate::store::entries::EntryUpdate;

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
                let what = if d.leftover {
                    app.style
                        .dim(" (left open in an editor when mend was stopped)")
                } else if d.not_utf8_at().is_some() {
                    app.style.dim(" (not valid UTF-8: kept byte for byte)")
                } else if let Some(id) = d.replaces {
                    app.style.dim(&format!(" (new text for entry {id})"))
                } else {
                    String::new()
                };
                writeln!(
                    out,
                    "{:>3}  {}  {}{}\n     {}",
                    app.style.bold(&(n + 1).to_string()),
                    d.entry.day,
                    app.style.text(&first_words(&d.entry.body, 60)),
                    what,
                    app.style.dim(&d.path.display().to_string())
                )?;
            }
            writeln!(out, "`mend drafts recover N` saves one as an entry.")?;
        }
        DraftsAction::Show { draft } => {
            let d = pick(app, &draft)?;
            writeln!(out, "{}", app.style.text(&d.entry.body))?;
            if let Some(at) = d.not_utf8_at() {
                eprintln!(
                    "This draft is not valid UTF-8 (from byte {at}); what is shown is a best guess, the file keeps the exact bytes."
                );
            }
        }
        DraftsAction::Recover { draft } => {
            let d = pick(app, &draft)?;
            if let Some(at) = d.not_utf8_at() {
                bail!(
                    "the draft {} is not valid UTF-8 (a stray byte at position {at}), and mend does not guess at it — open it in an editor, save it as UTF-8, then recover it again",
                    d.path.display()
                );
            }
            let journal = journal.context("the journal is needed to recover a draft")?;
            let saved = |e: anyhow::Error| {
                anyhow::anyhow!(
                    "could not save the draft ({}) — the draft stays in {}; try again once the problem is fixed",
                    crate::store::plain_message(&e),
                    d.path.display()
                )
            };
            let mut entry = d.entry.clone();
            entry.tags = crate::text::tags(&entry.tags, &entry.body);
            let live = match d.replaces {
                Some(id) => journal.get(id, false)?.filter(|e| e.deleted.is_none()),
                None => None,
            };
            let message = match live {
                Some(current) => {
                    let change = EntryUpdate {
                        body: Some(entry.body.clone()),
                        tags: Some(entry.tags.clone()),
                        ..EntryUpdate::default()
                    };
                    journal
                        .update(current.id, &change, app.now_utc())
                        .map_err(saved)?;
                    format!("Entry {} now has the text of the draft", current.id)
                }
                None => {
                    let id = journal.insert(&entry, app.now_utc()).map_err(saved)?;
                    format!("Saved entry {id} from the draft")
                }
            };
            fs::remove_file(&d.path).with_context(|| {
                format!(
                    "{message}, but the draft {} could not be removed",
                    d.path.display()
                )
            })?;
            writeln!(out, "{message}; the draft is gone.")?;
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

/// Every draft, then every editor file left behind: `mend drafts` says all was saved only
/// when there is neither.
fn all_drafts(app: &App) -> Result<Vec<Draft>> {
    let mut all = Vec::new();
    for dir in app.paths.all_draft_dirs() {
        all.extend(drafts::list(&dir)?);
    }
    all.extend(drafts::leftovers(&app.paths.scratch, app.now.date_naive())?);
    Ok(all)
}

/// A draft by its number in `mend drafts`, or by its path inside a drafts folder.
fn pick(app: &App, which: &str) -> Result<Draft> {
    if let Ok(n) = which.trim().parse::<usize>() {
        let all = all_drafts(app)?;
        return match n.checked_sub(1).and_then(|i| all.get(i)) {
            Some(d) => Ok(d.clone()),
            None => bail!("there is no draft {n} — `mend drafts` lists them"),
        };
    }
    drafts::at(
        std::path::Path::new(which),
        &app.paths.all_draft_dirs(),
        &app.paths.scratch,
        app.now.date_naive(),
    )
}
