//! `mend nudge`: one gentle line for a shell's startup file. It must be quick and silent when
//! it has nothing to say. Opening the journal (and SQLCipher's crypto library with it) costs
//! a few milliseconds, so the day's answer is kept in a small file beside the journal and
//! reused until the day or the journal's files change.

use std::fs;
use std::io::Write;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use anyhow::Result;

use crate::app::App;
use crate::prompts::Library;
use crate::prompts::select::{self, Wanted};
use crate::store::Journal;

pub fn run(app: &App, out: &mut dyn Write) -> Result<()> {
    if app.config.nudge == Some(false) || !app.paths.db.is_file() {
        return Ok(());
    }
    let cache = cache_path(&app.paths.db);
    let key = cache_key(app);
    if let Ok(saved) = fs::read_to_string(&cache)
        && let Some((saved_key, line)) = saved.split_once('\n')
        && saved_key == key
    {
        write!(out, "{line}")?;
        return Ok(());
    }
    let line = {
        let Some(journal) = Journal::open_existing(&app.paths.db)? else {
            return Ok(());
        };
        compute(app, &journal)?
    };
    // The journal is closed now (its log folded in), so its files are as the next nudge
    // will find them.
    let key = cache_key(app);
    let _ = remember(&cache, &format!("{key}\n{line}"));
    write!(out, "{line}")?;
    Ok(())
}

/// The line for today, or nothing when something was written today.
fn compute(app: &App, journal: &Journal) -> Result<String> {
    let today = app.now.date_naive();
    let library = if Path::new(&app.paths.prompts).is_dir() {
        Library::load(&app.paths.prompts)
    } else {
        Library::built_in()
    };
    // A path step due by its cadence is worth a line even on a day already written.
    if let Some(due) = crate::prompts::walk::upcoming(journal, &library, today)?
        .into_iter()
        .find(|d| d.is_due(today))
    {
        if app.config.discreet() {
            return Ok(DISCREET_DUE.to_string());
        }
        return Ok(format!(
            "mend · {} ({})\n",
            due.sentence(today),
            due.command()
        ));
    }
    if let Some(line) = review_line(app, journal, today)? {
        return Ok(line.to_string());
    }
    if journal.wrote_on(today)? {
        return Ok(String::new());
    }
    if app.config.discreet() {
        // A line on a shared screen that anyone may glimpse: no prompt, no subject.
        return Ok(DISCREET_LINE.to_string());
    }
    let wanted = Wanted {
        theme: None,
        perspective: app.config.perspective,
        context: app.config.context,
    };
    Ok(
        match select::for_today(journal, &library.prompts, &wanted, today)?.first() {
            Some(prompt) => format!(
                "mend · nothing written today yet. If you'd like a question: {} (mend prompt)\n",
                prompt.text
            ),
            None => String::new(),
        },
    )
}

/// On the review day, until a review has been written in the last seven days: the
/// suggestion to do one (even when something else was written today).
fn review_line(
    app: &App,
    journal: &Journal,
    today: chrono::NaiveDate,
) -> Result<Option<&'static str>> {
    if !crate::review::is_review_day(&app.config, today)
        || !journal
            .reviews_between(today - chrono::Duration::days(6), today)?
            .is_empty()
    {
        return Ok(None);
    }
    Ok(Some(if app.config.discreet() {
        "journal: the weekly look back is due\n"
    } else {
        "mend · it's review day: a few minutes on the week, and one intention for the next (mend review)\n"
    }))
}

/// The nudge of discreet mode: true of any journal, telling nothing of what it holds.
pub const DISCREET_LINE: &str = "journal: nothing written today\n";

/// Discreet mode's line when a path step is due: it names no path.
pub const DISCREET_DUE: &str = "journal: a step is due today\n";

/// What the remembered line depends on: the day, the journal's files and discreet mode.
fn cache_key(app: &App) -> String {
    format!(
        "{} {}{}",
        app.now.date_naive(),
        journal_stamp(&app.paths.db),
        if app.config.discreet() {
            " discreet"
        } else {
            ""
        }
    ) + if crate::review::is_review_day(&app.config, app.now.date_naive()) {
        " review-day"
    } else {
        ""
    }
}

fn cache_path(db: &Path) -> PathBuf {
    let mut name = db.as_os_str().to_owned();
    name.push(".nudge");
    PathBuf::from(name)
}

/// Sizes and modification times of the journal and its log: any save changes one of them.
fn journal_stamp(db: &Path) -> String {
    let mut wal = db.as_os_str().to_owned();
    wal.push("-wal");
    [db.to_path_buf(), PathBuf::from(wal)]
        .iter()
        .map(|p| match fs::metadata(p) {
            Ok(m) => {
                let modified = m
                    .modified()
                    .ok()
                    .and_then(|t| t.duration_since(UNIX_EPOCH).ok())
                    .map_or(0, |d| d.as_nanos());
                format!("{}:{modified}", m.len())
            }
            Err(_) => "-".to_string(),
        })
        .collect::<Vec<_>>()
        .join(",")
}

fn remember(path: &Path, text: &str) -> std::io::Result<()> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut temp = tempfile::Builder::new()
        .prefix(".nudge-")
        .permissions(fs::Permissions::from_mode(0o600))
        .tempfile_in(dir)?;
    temp.write_all(text.as_bytes())?;
    temp.persist(path).map_err(|e| e.error)?;
    Ok(())
}
