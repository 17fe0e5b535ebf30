//! `mend on-this-day`: what was written on this date in earlier years.

use std::io::Write;

use anyhow::Result;
use chrono::Datelike;

use crate::app::App;
use crate::cli::OnThisDayArgs;
use crate::dates;
use crate::render::{self, terminal};
use crate::store::Journal;

pub fn run(journal: &Journal, app: &App, args: OnThisDayArgs, out: &mut dyn Write) -> Result<()> {
    let day = match &args.date {
        Some(d) => dates::parse_day(d, app.now)?,
        None => app.now.date_naive(),
    };
    let entries = journal.on_this_day(day)?;
    if args.json {
        return render::json(out, &entries);
    }
    if entries.is_empty() {
        writeln!(
            out,
            "Nothing was written on {} in earlier years.",
            day.format("%-d %B")
        )?;
        return Ok(());
    }
    let mut last_year = None;
    for entry in &entries {
        if last_year != Some(entry.day.year()) {
            let years = day.year() - entry.day.year();
            let ago = super::plural(years as usize, "year ago", "years ago");
            writeln!(
                out,
                "{}",
                app.style
                    .bold(&format!("{ago} — {}", entry.day.format("%A %-d %B %Y")))
            )?;
            last_year = Some(entry.day.year());
        }
        terminal::entry(out, entry, &app.style)?;
    }
    Ok(())
}
