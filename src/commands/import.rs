//! `mend import`: entries from a mend JSON export, jrnl, Day One or Daylio. The work is
//! `interop::import`'s; this reads the arguments and reports what was done.

use std::io::Write;

use anyhow::{Result, bail};

use crate::analysis::safety_import_line;
use crate::app::App;
use crate::cli::ImportArgs;
use crate::config::SafetyNote;
use crate::interop::formats::Format;
use crate::interop::import::{Plan, import};
use crate::interop::importer::Options;
use crate::interop::moods::MoodMap;
use crate::interop::source;
use crate::progress;
use crate::store::Journal;

use super::plural;

pub fn run(journal: &Journal, app: &App, args: ImportArgs, out: &mut dyn Write) -> Result<()> {
    let wanted = args.format.0;
    let options = Options {
        moods: match &args.mood_map {
            Some(_) if wanted.is_some_and(|f| f != Format::Daylio) => {
                bail!("--mood-map is for Daylio exports — leave it out, or use --format daylio")
            }
            Some(spec) => MoodMap::with(spec).map_err(|e| anyhow::anyhow!(e))?,
            None => MoodMap::default(),
        },
    };
    let source = source::open(&args.file, wanted)?;
    let name = source.name.clone();
    let bar = progress::bytes(source.size, "Importing");
    let skipped = |problem: &str| bar.suspend(|| eprintln!("Skipped {problem}"));
    let plan = Plan {
        wanted,
        options,
        skip_invalid: args.skip_invalid,
        dry_run: args.dry_run,
        notice_concerns: !matches!(app.config.safety_note, Some(SafetyNote::Shown(false))),
        skipped: &skipped,
    };
    let tally = import(journal, source, &plan, &bar);
    bar.finish_and_clear();
    let tally = tally?;
    if tally.entries == 0 && tally.new_moments + tally.old_moments == 0 {
        writeln!(out, "{name} has no entries, so there is nothing to import.")?;
        return Ok(());
    }
    let mut report = format!(
        "{} {}, {} already in the journal",
        tally.new,
        if args.dry_run {
            "would be imported"
        } else {
            "imported"
        },
        tally.already
    );
    if tally.trashed > 0 {
        report.push_str(&format!(
            " ({} of the new ones in the trash, as they were)",
            tally.trashed
        ));
    }
    if tally.repeated > 0 {
        report.push_str(&format!(
            ", {} repeated in the file (the same uuid and text, kept once)",
            plural(tally.repeated, "entry", "entries")
        ));
    }
    if tally.new_moments + tally.old_moments > 0 {
        report.push_str(&format!(
            "; moments: {} {}, {} already in the journal",
            tally.new_moments,
            if args.dry_run {
                "would be imported"
            } else {
                "imported"
            },
            tally.old_moments
        ));
    }
    if tally.skipped > 0 {
        report.push_str(&format!(
            ", {} skipped",
            plural(tally.skipped, "entry", "entries")
        ));
    }
    if args.dry_run {
        writeln!(out, "Dry run, nothing was changed — {name}: {report}.")?;
    } else {
        writeln!(out, "{name}: {report}.")?;
    }
    if tally.concern {
        eprintln!("\n{}\n", app.style.bold(safety_import_line()));
    }
    Ok(())
}
