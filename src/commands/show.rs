//! `mend show ID|DATE`: one entry in full, or every entry of a day; `--json` adds what the
//! analysis read in it, and `--why` says in words which words were read as what.

use std::io::Write;

use anyhow::{Result, bail};
use serde::Serialize;

use crate::analysis::{Holder, ReadingKind, Time};
use crate::app::App;
use crate::cli::ShowArgs;
use crate::dates;
use crate::model::Entry;
use crate::refs::{self, EntryRef};
use crate::render::{self, terminal};
use crate::store::analysis::{StoredAnalysis, StoredReading};
use crate::store::{Filter, Journal};

/// An entry with its stored analysis: the entry's JSON shape plus one `analysis` field.
#[derive(Serialize)]
struct Shown {
    #[serde(flatten)]
    entry: Entry,
    analysis: Option<StoredAnalysis>,
}

pub fn run(journal: &Journal, app: &App, args: ShowArgs, out: &mut dyn Write) -> Result<()> {
    let target = args.target.trim();
    let entry_ref = EntryRef::parse(target).ok();
    let entries = if let Some(entry_ref) = entry_ref {
        vec![refs::find(journal, entry_ref.resolve(journal)?)?]
    } else {
        let day = dates::parse_day(target, app.now)?;
        let entries = journal.list(&Filter {
            from: Some(day),
            to: Some(day),
            ..Filter::default()
        })?;
        if entries.is_empty() && !args.json {
            bail!(
                "nothing was written on {} — `mend list --short` shows the days you wrote",
                day.format("%A %-d %B %Y")
            );
        }
        entries
    };
    let one = entry_ref.is_some();
    if args.json {
        let mut shown = Vec::with_capacity(entries.len());
        for entry in entries {
            let analysis = journal.stored_analysis(entry.id)?;
            shown.push(Shown { entry, analysis });
        }
        return match (one, shown.pop()) {
            (true, Some(s)) => render::json(out, &s),
            (_, last) => {
                shown.extend(last);
                render::json(out, &shown)
            }
        };
    }
    for entry in &entries {
        let offset = journal.written_offset(entry.id)?;
        terminal::entry_with(out, entry, offset, &app.style)?;
        if args.why {
            why(out, entry.id, journal.stored_analysis(entry.id)?.as_ref())?;
        }
    }
    Ok(())
}

/// Whose a reading is, in the words `--why` uses.
fn whose(r: &StoredReading) -> &'static str {
    match r.holder {
        Holder::Writer => "yours",
        Holder::Partner => "your partner's",
        Holder::Other => "someone else's",
    }
}

fn when(r: &StoredReading) -> &'static str {
    match r.time {
        Time::Now => "now",
        Time::Stopped => "in the past or stopped",
        Time::Hypothetical => "only imagined or wished",
    }
}

/// Which words were read as which sign or feeling, and whether each counts in the summary.
fn why(out: &mut dyn Write, id: i64, analysis: Option<&StoredAnalysis>) -> Result<()> {
    let Some(a) = analysis else {
        writeln!(
            out,
            "Entry {id} has not been analysed yet — `mend reindex` reads it.\n"
        )?;
        return Ok(());
    };
    writeln!(out, "What mend read in entry {id}:")?;
    if a.readings.is_empty() {
        writeln!(out, "  No trust signs or feelings were found in the words.")?;
    }
    for r in &a.readings {
        let what = match r.kind {
            ReadingKind::Sign => format!("the sign {}", r.name),
            ReadingKind::Feeling => format!("the feeling {}", r.name),
            ReadingKind::Accountability => "owning what happened (accountability)".to_string(),
        };
        let counted = if r.counted {
            "counted"
        } else if r.is_writers_current()
            && a.overrides
                .iter()
                .any(|o| o.kind == r.kind && o.name == r.name)
        {
            "not counted: you said it was misread"
        } else if r.kind == ReadingKind::Accountability {
            "counted as accountability"
        } else {
            "not counted"
        };
        // The learned reader weighs a whole sentence; the words quoted are what weighed most.
        let how = if r.learned {
            ", from the sentence as a whole"
        } else {
            ""
        };
        writeln!(
            out,
            "  \"{}\" → {what}: {}, {}{how} ({counted})",
            r.words,
            whose(r),
            when(r)
        )?;
    }
    if !a.themes.is_empty() {
        let themes: Vec<&str> = a.themes.iter().map(|t| t.name.as_str()).collect();
        writeln!(out, "  Themes: {}.", themes.join(", "))?;
    }
    writeln!(
        out,
        "  Tone: {:+.2} (from -1, very negative, to +1, very positive).",
        a.sentiment
    )?;
    if let Some(first) = a.readings.iter().find(|r| r.counted) {
        let flag = if first.kind == ReadingKind::Sign {
            "not-sign"
        } else {
            "not-feel"
        };
        writeln!(
            out,
            "  If something was misread, `mend edit {id} --{flag} {}` stops it counting.",
            first.name
        )?;
    }
    writeln!(out)?;
    Ok(())
}
