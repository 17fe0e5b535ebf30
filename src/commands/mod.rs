//! One module per subcommand, each with a `run()`; shared helpers for reading text and
//! building filters live here.

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
pub mod search;
pub mod show;
pub mod summary;
pub mod trash;
pub mod write;

use std::io::Read;

use anyhow::{Context, Result, bail};

use crate::app::App;
use crate::cli::FilterArgs;
use crate::dates;
use crate::feelings::vocabulary;
use crate::model::normalize_labels;
use crate::store::Filter;

/// The largest entry mend accepts, far above any real day's writing.
pub const MAX_TEXT_BYTES: usize = 20 * 1024 * 1024;

/// Reads all of standard input as UTF-8 text, refusing what no entry should hold.
pub fn read_stdin() -> Result<String> {
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .take(MAX_TEXT_BYTES as u64 + 1)
        .read_to_end(&mut bytes)
        .context("reading the text from standard input")?;
    if bytes.len() > MAX_TEXT_BYTES {
        bail!(
            "the text on standard input is over {} MB — split it into several entries",
            MAX_TEXT_BYTES / (1024 * 1024)
        );
    }
    String::from_utf8(bytes).map_err(|e| {
        anyhow::anyhow!(
            "the text on standard input is not valid UTF-8 (a stray byte at position {}) — save it as UTF-8 and try again",
            e.utf8_error().valid_up_to()
        )
    })
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
        feelings: vocabulary().resolve_all(&args.feelings)?,
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
