//! `mend export`: entries to Markdown or JSON, to stdout, a file, or one file per day/month/entry.
//! Entries are written as they are read, never gathered all at once; files appear whole or
//! not at all (docs/export.md).

use std::io::{IsTerminal, Write};
use std::path::Path;

use anyhow::{Result, bail};

use crate::app::App;
use crate::cli::{ExportArgs, ExportFormat, Split};
use crate::interop::files::AtomicFile;
use crate::interop::markdown::{self, Writer};
use crate::interop::mend::JsonWriter;
use crate::interop::split::{self, Per};
use crate::progress;
use crate::render::shown::Shown;
use crate::store::{Filter, Journal};

use super::plural;

const PRIVATE_NOTE: &str =
    "It is plain text that anyone with the file can read: keep it somewhere private.";

pub fn run(journal: &Journal, app: &App, args: ExportArgs, out: &mut dyn Write) -> Result<()> {
    let filter = super::filter(&args.filter, app)?;
    match (args.format, args.split, &args.output) {
        (ExportFormat::Json, Some(_), _) => bail!(
            "--split writes Markdown files; a JSON export is one file — use `mend export --format json -o journal.json`"
        ),
        (_, Some(split), Some(dir)) => split_markdown(journal, app, &args, &filter, split, dir),
        (_, Some(_), None) => bail!("--split needs a folder to write into — add -o FOLDER"),
        (format, None, Some(path)) if path.as_os_str() != "-" => {
            let mut file = AtomicFile::create(path, args.force)?;
            let written = write_one(journal, app, &args, &filter, format, &mut file)?;
            file.commit()?;
            eprintln!(
                "Exported {} to {}. {PRIVATE_NOTE}",
                written.describe(),
                path.display()
            );
            Ok(())
        }
        (format, None, _) => {
            if std::io::stdout().is_terminal() {
                // Entry text may hide escape sequences; on a terminal they are shown, not obeyed.
                let mut shown = Shown::new(out);
                write_one(journal, app, &args, &filter, format, &mut shown)?;
                shown.flush()?;
            } else {
                write_one(journal, app, &args, &filter, format, out)?;
            }
            if journal.is_encrypted() && std::io::stderr().is_terminal() {
                eprintln!(
                    "mend: your journal is encrypted, but this export is not. {PRIVATE_NOTE}"
                );
            }
            Ok(())
        }
    }
}

/// How many entries an export wrote.
#[derive(Debug, Default)]
struct Written {
    entries: u64,
    trashed: u64,
}

impl Written {
    fn describe(&self) -> String {
        let mut text = plural(self.entries as usize, "entry", "entries");
        if self.trashed > 0 {
            text.push_str(&format!(" ({} in the trash)", self.trashed));
        }
        text
    }
}

fn write_one(
    journal: &Journal,
    app: &App,
    args: &ExportArgs,
    filter: &Filter,
    format: ExportFormat,
    out: &mut dyn Write,
) -> Result<Written> {
    match format {
        ExportFormat::Md => write_markdown(journal, app, args, filter, out),
        ExportFormat::Json => {
            if args.with_summary {
                eprintln!("mend: --with-summary adds to Markdown exports only; the JSON has none");
            }
            write_json(journal, app, filter, out)
        }
    }
}

/// The whole journal (as filtered) as one Markdown document.
fn write_markdown(
    journal: &Journal,
    app: &App,
    args: &ExportArgs,
    filter: &Filter,
    out: &mut dyn Write,
) -> Result<Written> {
    let overview = journal.export_overview(filter)?;
    let mut doc = Writer::new(out).with_offsets(journal.written_offsets()?);
    doc.block("# mend journal")?;
    let count = plural(overview.count as usize, "entry", "entries");
    doc.block(&match (overview.first, overview.last) {
        (Some(first), Some(last)) if first == last => {
            format!("{} · {count}", markdown::long_day(first))
        }
        (Some(first), Some(last)) => {
            format!(
                "{} – {} · {count}",
                markdown::long_day(first),
                markdown::long_day(last)
            )
        }
        _ => "No entries to export.".to_string(),
    })?;
    if let Some(only) = describe_filter(filter) {
        doc.block(&only)?;
    }
    if args.with_summary
        && let Some(summary) = summary_section(journal, app, filter)?
    {
        doc.block(&summary)?;
    }
    let bar = progress::bar(overview.count, "Exporting");
    let mut written = Written::default();
    journal.for_each_entry(filter, |entry| {
        doc.entry(&entry)?;
        written.entries += 1;
        bar.inc(1);
        Ok(())
    })?;
    bar.finish_and_clear();
    if let Some(moments) = crate::interop::moments::markdown(&moments_of(journal, filter)?) {
        doc.block(&moments)?;
    }
    doc.into_inner().flush()?;
    Ok(written)
}

/// The summary of the period for `--with-summary`: the one place where a summary joins the
/// export, as Markdown placed after the title. The period is the export's own `--from`/`--to`
/// (the whole journal when they are not given); its headings sit one level down.
fn summary_section(journal: &Journal, app: &App, filter: &Filter) -> Result<Option<String>> {
    let today = app.now.date_naive();
    let from = match filter.from {
        Some(from) => from,
        None => match journal.first_entry_day()? {
            Some(first) => first,
            None => return Ok(None),
        },
    };
    let to = filter.to.unwrap_or(today).max(from);
    let library = crate::prompts::load_library(app);
    let summary = crate::summary::compute_with(
        journal,
        crate::summary::period::Period::range(from, to)?,
        app.now,
        &library,
    )?;
    let shifted: Vec<String> = crate::summary::markdown(&summary)
        .lines()
        .map(|line| {
            if line.starts_with('#') {
                format!("#{line}")
            } else {
                line.to_string()
            }
        })
        .collect();
    Ok(Some(shifted.join("\n") + "\n"))
}

/// The moments an export carries. Moments belong to days, not to entries: they follow
/// --from/--to, and are left out when the export picks entries by what is in them.
fn moments_of(journal: &Journal, filter: &Filter) -> Result<Vec<crate::moments::Moment>> {
    let by_content = !filter.feelings.is_empty()
        || !filter.tags.is_empty()
        || filter.mood_min.is_some()
        || filter.mood_max.is_some()
        || filter.theme.is_some()
        || filter.limit.is_some();
    if by_content {
        return Ok(Vec::new());
    }
    journal.moments(filter.from, filter.to)
}

/// One Markdown file per day, month or entry, each with front matter, in the folder `dir`.
fn split_markdown(
    journal: &Journal,
    app: &App,
    args: &ExportArgs,
    filter: &Filter,
    split: Split,
    dir: &Path,
) -> Result<()> {
    let summary = if args.with_summary {
        summary_section(journal, app, filter)?
    } else {
        None
    };
    let per = match split {
        Split::Day => Per::Day,
        Split::Month => Per::Month,
        Split::Entry => Per::Entry,
    };
    let moments = crate::interop::moments::markdown(&moments_of(journal, filter)?);
    let beside = split::Beside {
        moments: moments.as_deref(),
        summary: summary.as_deref(),
    };
    match split::write(journal, filter, per, dir, args.force, &beside)? {
        None => eprintln!("No entries to export, so nothing was written."),
        Some(written) => eprintln!(
            "Exported {} to {} in {}. {PRIVATE_NOTE}",
            plural(written.entries, "entry", "entries"),
            plural(written.files, "file", "files"),
            dir.display()
        ),
    }
    Ok(())
}

/// Every entry, the trash included, in mend's JSON export format.
fn write_json(
    journal: &Journal,
    app: &App,
    filter: &Filter,
    out: &mut dyn Write,
) -> Result<Written> {
    let overview = journal.export_overview(filter)?;
    let trashed = journal.trashed_ids(filter)?;
    let bar = progress::bar(overview.count + trashed.len() as u64, "Exporting");
    let mut json = JsonWriter::begin(out, app.now_utc())?.with_offsets(journal.written_offsets()?);
    let mut written = Written::default();
    journal.for_each_entry(filter, |entry| {
        json.corrected_entry(&entry, &journal.corrections(entry.id)?)?;
        written.entries += 1;
        bar.inc(1);
        Ok(())
    })?;
    for id in trashed {
        // An entry purged meanwhile is simply not exported.
        if let Some(entry) = journal.get(id, true)? {
            json.corrected_entry(&entry, &journal.corrections(entry.id)?)?;
            written.entries += 1;
            written.trashed += 1;
            bar.inc(1);
        }
    }
    json.moments(&moments_of(journal, filter)?)?;
    json.finish()?.flush()?;
    bar.finish_and_clear();
    Ok(written)
}

/// The filters other than the period, in words, for the top of the document.
fn describe_filter(filter: &Filter) -> Option<String> {
    let mut parts = Vec::new();
    if !filter.feelings.is_empty() {
        parts.push(format!("feelings {}", filter.feelings.join(" or ")));
    }
    if !filter.tags.is_empty() {
        let tags: Vec<String> = filter.tags.iter().map(|t| format!("#{t}")).collect();
        parts.push(format!("tags {}", tags.join(" or ")));
    }
    match (filter.mood_min, filter.mood_max) {
        (Some(a), Some(b)) => parts.push(format!("mood {a} to {b}")),
        (Some(a), None) => parts.push(format!("mood {a} or more")),
        (None, Some(b)) => parts.push(format!("mood {b} or less")),
        (None, None) => {}
    }
    if let Some(theme) = &filter.theme {
        parts.push(format!("prompts on {theme}"));
    }
    (!parts.is_empty())
        .then(|| markdown::inline(&format!("Only entries with {}", parts.join("; "))))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_are_described() {
        let f = Filter {
            feelings: vec!["hope".into()],
            tags: vec!["partner".into(), "walk".into()],
            mood_max: Some(2),
            ..Filter::default()
        };
        assert_eq!(
            describe_filter(&f).unwrap(),
            "Only entries with feelings hope; tags \\#partner or \\#walk; mood 2 or less"
        );
        assert!(describe_filter(&Filter::default()).is_none());
    }
}
