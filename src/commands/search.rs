//! `mend search`: full-text search with highlighted snippets, best matches first.

use std::io::Write;

use anyhow::{Result, bail};
use serde::Serialize;

use crate::app::App;
use crate::cli::SearchArgs;
use crate::model::Entry;
use crate::render::{self, terminal};
use crate::store::Journal;
use crate::store::entries::{MATCH_END, MATCH_START};

/// A search result in JSON: the entry shape plus the snippet, matches wrapped in `**`.
#[derive(Serialize)]
struct Hit<'a> {
    #[serde(flatten)]
    entry: &'a Entry,
    snippet: String,
}

pub fn run(journal: &Journal, app: &App, args: SearchArgs, out: &mut dyn Write) -> Result<()> {
    let query = args.query.join(" ");
    if query.trim().is_empty() {
        bail!("the search is empty — give a word or \"a phrase\" to look for");
    }
    let mut filter = super::filter(&args.filter, app)?;
    filter.limit = Some(args.number);
    let hits = journal.search(&query, &filter)?;
    if args.json {
        let shaped: Vec<Hit> = hits
            .iter()
            .map(|h| Hit {
                entry: &h.entry,
                snippet: h.snippet.replace([MATCH_START, MATCH_END], "**"),
            })
            .collect();
        return render::json(out, &shaped);
    }
    if hits.is_empty() {
        eprintln!("No entries match {query:?}.");
        return Ok(());
    }
    for hit in &hits {
        terminal::search_hit(out, &hit.entry, &hit.snippet, &app.style)?;
    }
    Ok(())
}
