//! `mend moments`: the logged moments, and how many of them were turned toward.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use crate::app::App;
use crate::cli::MomentsArgs;
use crate::dates;
use crate::moments::{Moment, Reached, Tally};
use crate::render;
use crate::store::Journal;
use dialoguer::console::{Alignment, pad_str};

#[derive(Serialize)]
struct Listing<'a> {
    moments: &'a [Moment],
    tally: Tally,
}

pub fn run(journal: &Journal, app: &App, args: MomentsArgs, out: &mut dyn Write) -> Result<()> {
    let from = args
        .from
        .as_deref()
        .map(|d| dates::parse_day(d, app.now))
        .transpose()?;
    let to = args
        .to
        .as_deref()
        .map(|d| dates::parse_day(d, app.now))
        .transpose()?;
    let moments = journal.moments(from, to)?;
    let tally = Tally::of(&moments);
    if args.json {
        return render::json(
            out,
            &Listing {
                moments: &moments,
                tally,
            },
        );
    }
    if moments.is_empty() {
        writeln!(
            out,
            "No moments logged yet. `mend moment` logs one: a small reach for connection and how it was met."
        )?;
        return Ok(());
    }
    let style = &app.style;
    writeln!(
        out,
        "{}",
        style.dim(&format!(
            "{:<15}  {:<7}  {:<7}  what",
            "day", "reached", "met"
        ))
    )?;
    for m in &moments {
        // Padding is measured on the plain text, so coloured columns line up as piped ones do.
        let day = pad_str(
            &m.day.format("%a %-d %b %Y").to_string(),
            15,
            Alignment::Left,
            None,
        )
        .into_owned();
        let who = match m.reached {
            Reached::Me => "you",
            Reached::Partner => "partner",
        };
        writeln!(
            out,
            "{}  {:<7}  {:<7}  {}",
            style.accent(&day),
            who,
            m.response.as_str(),
            style.text(&m.text)
        )?;
    }
    writeln!(
        out,
        "\nTurned toward: {} of {} ({}%). Away: {}. Against: {}.",
        tally.toward,
        tally.total(),
        (100 * tally.toward + tally.total() / 2) / tally.total().max(1),
        tally.away,
        tally.against
    )?;
    Ok(())
}
