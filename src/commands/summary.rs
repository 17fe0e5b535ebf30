//! `mend summary`: patterns over a period, compared with the period before, as text,
//! Markdown or JSON.

use std::io::Write;

use anyhow::Result;

use crate::app::App;
use crate::cli::{SummaryArgs, SummaryFormat};
use crate::render;
use crate::store::Journal;
use crate::summary;

pub fn run(journal: &Journal, app: &App, args: SummaryArgs, out: &mut dyn Write) -> Result<()> {
    let summary = super::summary_for(journal, app, &args.period)?;
    let format = if args.json {
        SummaryFormat::Json
    } else {
        args.format
    };
    match format {
        SummaryFormat::Json => render::json(out, &summary),
        SummaryFormat::Md => {
            out.write_all(summary::markdown_with(&summary, args.explain).as_bytes())?;
            Ok(())
        }
        SummaryFormat::Text => {
            // The calendar needs colour to be read; plain output keeps the sparkline only.
            let calendar = if app.style.color {
                let end = summary.period.to;
                let days = journal.day_moods(end - chrono::Duration::days(83), end)?;
                Some(crate::report::terminal_calendar(&days, &app.style))
            } else {
                None
            };
            // On a terminal, every line wrapped at words to its width (render::layout).
            let Some(width) = render::layout::out_width() else {
                return summary::text(out, &summary, &app.style, args.explain, calendar.as_deref());
            };
            let mut text = Vec::new();
            summary::text(
                &mut text,
                &summary,
                &app.style,
                args.explain,
                calendar.as_deref(),
            )?;
            let text = String::from_utf8_lossy(&text);
            writeln!(
                out,
                "{}",
                render::layout::wrap_lines(text.trim_end_matches('\n'), Some(width))
            )?;
            Ok(())
        }
    }
}
