//! One module per subcommand, each with a `run()`; shared helpers for building filters, and
//! for keeping a command's text when the journal cannot be opened, live here.

pub mod backup;
pub mod check;
pub mod cipher;
pub mod completions;
pub mod config;
pub mod delete;
pub mod drafts;
pub mod edit;
pub mod export;
pub mod feelings;
pub mod home;
pub mod import;
pub mod list;
pub mod man;
pub mod moment;
pub mod moments;
pub mod nudge;
pub mod on_this_day;
pub mod path;
pub mod paths;
pub mod prompt;
pub mod prompts;
pub mod reindex;
pub mod report;
pub mod restore;
pub mod review;
pub mod search;
pub mod show;
pub mod summary;
pub mod trash;
pub mod write;

use std::io::IsTerminal;

use anyhow::{Result, bail};

use crate::app::App;
use crate::cli::{AnswerArgs, Command, FilterArgs, PathAction, PathArgs, Sub};
use crate::feelings::vocabulary;
use crate::model::{NewEntry, normalize_labels};
use crate::store::{Filter, Journal};
use crate::{dates, text};

/// When the journal could not be opened, keeps the text the command was given (its
/// arguments, its `--answer`s, or what was piped in) as a draft, by the one rule in
/// `compose::keep`. Returns the error to report: the draft's place when something was kept,
/// else `error` as it was.
pub fn keep_unopened(app: &mut App, command: &Command, error: anyhow::Error) -> anyhow::Error {
    let piped = || {
        if std::io::stdin().is_terminal() {
            None
        } else {
            text::read_stdin().ok()
        }
    };
    let (details, raw, replaces) = match command {
        Command::Write(Sub(args)) if !args.text.is_empty() => (
            Some(&args.details),
            Some(args.text.join(" ").into_bytes()),
            None,
        ),
        Command::Write(Sub(args)) => (Some(&args.details), piped(), None),
        Command::Edit(Sub(args)) => match args.text.as_deref() {
            Some("-") => (None, piped(), args.id.as_id()),
            Some(text) => (None, Some(text.as_bytes().to_vec()), args.id.as_id()),
            None => (None, None, None),
        },
        Command::Prompt(Sub(args)) if !args.show && !args.json => (
            Some(&args.answer.details),
            answers(&args.answer, piped),
            None,
        ),
        Command::Path(Sub(PathArgs {
            action: PathAction::Next { answer, .. },
        })) => (Some(&answer.details), answers(answer, piped), None),
        Command::Review(Sub(args)) => {
            let given: Vec<&str> = args
                .answer
                .iter()
                .chain(&args.fields)
                .map(String::as_str)
                .collect();
            (None, Some(given.join("\n\n").into_bytes()), None)
        }
        Command::Moment(Sub(args)) if !args.text.is_empty() => {
            (None, Some(args.text.join(" ").into_bytes()), None)
        }
        _ => (None, None, None),
    };
    let Some(raw) = raw.filter(|r| !r.trim_ascii().is_empty()) else {
        return error;
    };
    // Whether the journal is encrypted is not known when it did not open: unless it is
    // plainly an unencrypted SQLite file, its drafts stay in the private folder.
    app.paths.private = !looks_plain(&app.paths.db);
    let entry = details
        .and_then(|d| crate::compose::details(d, app).ok())
        .unwrap_or_else(|| NewEntry::on(app.now.date_naive()));
    let reason = crate::store::plain_message(&error);
    crate::compose::keep(
        app,
        &entry,
        &raw,
        replaces,
        &format!("could not open the journal: {reason}"),
    )
}

/// True when `db` starts like an unencrypted SQLite file.
fn looks_plain(db: &std::path::Path) -> bool {
    use std::io::Read;
    let mut header = [0u8; 16];
    // Only a regular file is opened: a FIFO would wait for a writer for ever.
    if !std::fs::metadata(db).is_ok_and(|m| m.is_file()) {
        return false;
    }
    std::fs::File::open(db)
        .and_then(|mut f| f.read_exact(&mut header))
        .is_ok_and(|()| &header == b"SQLite format 3\0")
}

/// The answers of a prompt or path step as one text, as they would have been saved.
fn answers(args: &AnswerArgs, piped: impl Fn() -> Option<Vec<u8>>) -> Option<Vec<u8>> {
    if args.answer.is_empty() {
        return piped();
    }
    Some(args.answer.join("\n\n").into_bytes())
}

/// Turns the list options into a journal filter, reading days relative to `now`.
pub fn filter(args: &FilterArgs, app: &App) -> Result<Filter> {
    let day = |d: &Option<String>| {
        d.as_deref()
            .map(|d| dates::parse_day(d, app.now))
            .transpose()
    };
    let mut filter = Filter {
        from: day(&args.from)?,
        to: day(&args.to)?,
        // The vocabulary is parsed only when asked for: most listings name no feeling.
        feelings: if args.feelings.is_empty() {
            Vec::new()
        } else {
            vocabulary().resolve_all(&args.feelings)?
        },
        tags: normalize_labels(&args.tags),
        mood_min: args.mood_min.map(|m| m.value()),
        mood_max: args.mood_max.map(|m| m.value()),
        theme: args.theme.as_ref().map(|t| t.trim().to_lowercase()),
        ..Filter::default()
    };
    if let Some(on) = day(&args.on)? {
        filter.from = Some(on);
        filter.to = Some(on);
    }
    if let (Some(from), Some(to)) = (filter.from, filter.to)
        && from > to
    {
        bail!("--from {from} is after --to {to} — swap them");
    }
    if let (Some(min), Some(max)) = (filter.mood_min, filter.mood_max)
        && min > max
    {
        bail!("--mood-min {min} is above --mood-max {max} — swap them");
    }
    Ok(filter)
}

/// "1 entry", "3 entries".
pub fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The summary of the period asked for (`--since`, or `--from`/`--to`, else the configured
/// default): what `mend summary` prints and `mend report` draws (built here,
/// as the filter is, from options several commands share).
pub fn summary_for(
    journal: &Journal,
    app: &App,
    period: &crate::cli::PeriodArgs,
) -> Result<crate::summary::model::Summary> {
    let period = crate::summary::period::Period::choose(
        period.since.as_deref(),
        period.from.as_deref(),
        period.to.as_deref(),
        app.config.summary_period.as_deref(),
        app.now,
        || journal.first_entry_day(),
    )?;
    let library = crate::prompts::load_library(app);
    crate::summary::compute_with(journal, period, app.now, &library)
}
