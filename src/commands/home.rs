//! Bare `mend` on a terminal: the home screen (see `crate::home`).

use std::io::Write;

use anyhow::Result;

use crate::app::App;
use crate::home::{self, Home};
use crate::prompts::select::Wanted;
use crate::render::layout;
use crate::store::Journal;

pub fn run(journal: &Journal, app: &App, out: &mut dyn Write) -> Result<()> {
    let library = crate::prompts::load_library(app);
    let wanted = Wanted {
        theme: None,
        perspective: app.config.perspective,
        context: app.config.context,
    };
    let home = home::compute(journal, &library, &wanted, app.now.date_naive())?;
    render(out, app, &home)
}

fn render(out: &mut dyn Write, app: &App, home: &Home) -> Result<()> {
    let style = &app.style;
    let width = layout::out_width();
    writeln!(
        out,
        "{}",
        style.bold(&home.today.format("%A %-d %B %Y").to_string())
    )?;
    let written = match home.today_entries {
        0 => "Nothing written today yet.".to_string(),
        n => format!("You wrote {} today.", super::plural(n, "entry", "entries")),
    };
    let run = match home.run_of_days {
        0 | 1 => String::new(),
        n => format!(" {n} days in a row."),
    };
    writeln!(
        out,
        "{}",
        layout::wrap(&format!("{written}{run}"), width, "")
    )?;
    if let Some(prompt) = &home.prompt {
        let line = format!("Today's question: {}", style.text(prompt));
        writeln!(out, "\n{}", layout::wrap(&line, width, "  "))?;
    }
    for path in &home.paths {
        let (what, command) = if path.again {
            (format!("{} is due again", style.text(&path.title)), "start")
        } else {
            (
                format!("Step {} of {} is due", path.step, style.text(&path.title)),
                "next",
            )
        };
        let line = format!(
            "{what} {} (mend path {command} {})",
            crate::prompts::walk::when(path.due, home.today),
            path.id
        );
        writeln!(out, "{}", layout::wrap(&line, width, "  "))?;
    }
    writeln!(out, "\nTry:")?;
    let first = if home.today_entries == 0 {
        ("mend write", "write today's entry in your editor")
    } else {
        ("mend list -n 5", "read your last few entries")
    };
    for (command, what) in [
        first,
        ("mend prompt", "answer today's question"),
        ("mend summary", "see how the last 30 days went"),
    ] {
        let lead = format!("  {}  ", style.accent(&format!("{command:<14}")));
        let indent = " ".repeat(layout::measure(&lead));
        writeln!(out, "{}", layout::wrap_with(what, width, &lead, &indent))?;
    }
    Ok(())
}
