//! `mend review`: the weekly (or monthly, or yearly) review in one sitting, on a terminal or
//! from a script's `--answer`s and `--field`s, saved as one entry.

use std::io::Write;

use anyhow::{Result, bail};

use crate::app::App;
use crate::cli::ReviewArgs;
use crate::review::walk;
use crate::review::{Span, fill_from_script, prepare::prepare};
use crate::store::Journal;
use crate::{ask, compose};

pub fn run(journal: &Journal, app: &App, args: ReviewArgs, out: &mut dyn Write) -> Result<()> {
    let span = match (args.month, args.year) {
        (true, _) => Span::Month,
        (_, true) => Span::Year,
        _ => Span::Week,
    };
    let library = crate::prompts::load_library(app);
    let mut review = prepare(journal, app, &library, span)?;
    let mut sitting = walk::sitting(app, &review);
    if !args.answer.is_empty() || !args.fields.is_empty() {
        fill_from_script(&mut review, &args.answer, &args.fields)?;
    } else if ask::interactive() {
        if !walk::on_terminal(app, &mut review, &mut sitting)? {
            sitting.discard();
            writeln!(
                out,
                "Nothing was written, so nothing was saved. The review will be here when you are ready."
            )?;
            return Ok(());
        }
    } else {
        let asked: Vec<&str> = review.fields().iter().map(|f| f.name()).collect();
        bail!(
            "a review is done on a terminal, or with --answer (in order: {}) or --field NAME=TEXT in a script — e.g. mend review --field intention=\"...\"",
            asked.join(", ")
        );
    }
    let (id, entry) = walk::save(journal, &review, &mut sitting)?;
    writeln!(
        out,
        "Saved your review of the {} as entry {id}.",
        span.word()
    )?;
    if let Some(intention) = &review.intention {
        writeln!(
            out,
            "{}",
            app.style
                .dim(&format!("Your intention: {}", app.style.text(intention)))
        )?;
    }
    compose::safety_note(app, &entry.body);
    Ok(())
}
