//! `mend moment`: logs a small moment of reaching for connection, from flags or a quick form.

use std::io::Write;

use anyhow::{Result, bail};
use chrono::Utc;

use crate::app::App;
use crate::cli::MomentArgs;
use crate::moments::{NewMoment, Reached, Response};
use crate::store::Journal;
use crate::{ask, dates};

const REACHED: [(&str, Reached); 2] = [
    ("I reached out", Reached::Me),
    ("My partner reached out", Reached::Partner),
];

const RESPONSES: [(&str, Response); 3] = [
    (
        "Turned toward — noticed and answered, even briefly",
        Response::Toward,
    ),
    ("Turned away — missed or ignored", Response::Away),
    (
        "Turned against — met with irritation or hostility",
        Response::Against,
    ),
];

pub fn run(journal: &Journal, app: &App, args: MomentArgs, out: &mut dyn Write) -> Result<()> {
    let when = match &args.date {
        Some(text) => dates::parse_when(text, app.now)?,
        None => dates::When {
            day: app.now.date_naive(),
            at: None,
        },
    };
    let mut text = args.text.join(" ").trim().to_string();
    let (reached, response) = match (args.by, args.response) {
        (Some(by), Some(response)) => (by, response),
        _ if !ask::interactive() => bail!(
            "a moment needs --by (me or partner) and --response (toward, away or against) — e.g. `mend moment --by partner --response toward \"asked about my day\"`"
        ),
        (by, response) => {
            let by = match by {
                Some(by) => by,
                None => match pick("Who reached out?", &REACHED, app)? {
                    Some(by) => by,
                    None => return nothing_logged(out),
                },
            };
            let response = match response {
                Some(r) => r,
                None => match pick("How was it met?", &RESPONSES, app)? {
                    Some(r) => r,
                    None => return nothing_logged(out),
                },
            };
            (by, response)
        }
    };
    if text.is_empty() && ask::interactive() {
        let typed = ask::line("What was it? (a line is enough) ")?;
        if typed.stopped {
            return nothing_logged(out);
        }
        text = typed.text.trim().to_string();
    }
    if text.is_empty() {
        bail!("the moment needs a few words — say what it was, e.g. \"asked about my day\"");
    }
    let moment = NewMoment {
        day: when.day,
        at: when.at.map(|t| t.with_timezone(&Utc)),
        reached,
        response,
        text,
    };
    let id = journal.insert_moment(&moment, app.now_utc())?;
    writeln!(
        out,
        "Logged moment {id} for {}: {}, {}.",
        moment.day.format("%A %-d %B"),
        reached.describe(),
        response.describe()
    )?;
    Ok(())
}

fn pick<T: Copy>(question: &str, options: &[(&str, T)], app: &App) -> Result<Option<T>> {
    let labels: Vec<&str> = options.iter().map(|(label, _)| *label).collect();
    Ok(ask::choose(question, &labels, app.style.color)?.map(|i| options[i].1))
}

fn nothing_logged(out: &mut dyn Write) -> Result<()> {
    writeln!(out, "Nothing was logged.")?;
    Ok(())
}
