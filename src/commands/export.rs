//! `mend export`: entries to Markdown or JSON, to stdout, a file, or one file per day/month/entry.
//! Entries are written as they are read, never gathered all at once; files appear whole or
//! not at all (docs/export.md).

use std::collections::HashSet;
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use chrono::{Local, NaiveDate};

use crate::app::App;
use crate::cli::{ExportArgs, ExportFormat, Split};
use crate::interop::files::{self, AtomicFile};
use crate::interop::frontmatter::Facts;
use crate::interop::markdown::{self, Writer};
use crate::interop::mend::JsonWriter;
use crate::model::Entry;
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
    let mut doc = Writer::new(out);
    doc.block("# mend journal")?;
    let count = plural(overview.count as usize, "entry", "entries");
    doc.block(&match (overview.first, overview.last) {
        (Some(first), Some(last)) if first == last => format!("{} · {count}", long_day(first)),
        (Some(first), Some(last)) => {
            format!("{} – {} · {count}", long_day(first), long_day(last))
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
    let mut json = JsonWriter::begin(out, app.now_utc())?;
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
    json.finish()?.flush()?;
    bar.finish_and_clear();
    Ok(written)
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
    // Name every file first, so that nothing is written when one of them is in the way.
    let keys = journal.export_keys(filter)?;
    if keys.is_empty() {
        eprintln!("No entries to export, so nothing was written.");
        return Ok(());
    }
    let mut names: Vec<PathBuf> = Vec::new();
    let mut seen = HashSet::new();
    for (id, day) in &keys {
        let name = file_name(split, *id, *day);
        if seen.insert(name.clone()) {
            names.push(dir.join(name));
        }
    }
    if !args.force {
        let taken: Vec<&PathBuf> = names.iter().filter(|p| p.exists()).collect();
        if let Some(first) = taken.first() {
            let more = match taken.len() {
                1 => String::new(),
                n => format!(" (and {} more)", n - 1),
            };
            bail!(
                "{} already exists{more} — add --force to replace what is there (nothing was written)",
                first.display()
            );
        }
    }
    files::ensure_folder(dir)?;

    let bar = progress::bar(keys.len() as u64, "Exporting");
    let mut unit: Option<Unit> = None;
    let mut files_written = 0usize;
    let mut count = 0u64;
    journal.for_each_entry(filter, |entry| {
        let name = file_name(split, entry.id, entry.day);
        if unit.as_ref().is_some_and(|u| u.name != name)
            && let Some(done) = unit.take()
        {
            done.write(dir, split, args.force)?;
            files_written += 1;
        }
        unit.get_or_insert_with(|| Unit::new(name, &entry, split))
            .add(&entry)?;
        count += 1;
        bar.inc(1);
        Ok(())
    })?;
    if let Some(done) = unit {
        done.write(dir, split, args.force)?;
        files_written += 1;
    }
    if let Some(summary) = summary {
        // The period's summary sits beside the entries as summary.md.
        let mut file = AtomicFile::create(&dir.join("summary.md"), args.force)?;
        file.write_all(summary.as_bytes())?;
        file.commit()?;
        files_written += 1;
    }
    bar.finish_and_clear();
    eprintln!(
        "Exported {} to {} in {}. {PRIVATE_NOTE}",
        plural(count as usize, "entry", "entries"),
        plural(files_written, "file", "files"),
        dir.display()
    );
    Ok(())
}

/// `2026-11-21.md`, `2026-11.md` or `2026-11-21-12.md`.
fn file_name(split: Split, id: i64, day: NaiveDate) -> String {
    match split {
        Split::Day => format!("{}.md", day.format("%Y-%m-%d")),
        Split::Month => format!("{}.md", day.format("%Y-%m")),
        Split::Entry => format!("{}-{id}.md", day.format("%Y-%m-%d")),
    }
}

/// The file being gathered: its entries' Markdown and facts (a day's or a month's worth).
struct Unit {
    name: String,
    title: String,
    month: Option<String>,
    facts: Facts,
    doc: Writer<Vec<u8>>,
}

impl Unit {
    fn new(name: String, first: &Entry, split: Split) -> Unit {
        let (title, month) = match split {
            Split::Day => (long_day(first.day), None),
            Split::Month => (
                first.day.format("%B %Y").to_string(),
                Some(first.day.format("%Y-%m").to_string()),
            ),
            Split::Entry => (
                format!(
                    "{}, {}",
                    long_day(first.day),
                    first.created.with_timezone(&Local).format("%H:%M")
                ),
                None,
            ),
        };
        Unit {
            name,
            title,
            month,
            facts: Facts::default(),
            doc: Writer::new(Vec::new()),
        }
    }

    fn add(&mut self, entry: &Entry) -> Result<()> {
        self.facts.add(entry);
        self.doc.entry(entry)
    }

    fn write(self, dir: &Path, split: Split, force: bool) -> Result<()> {
        let front = match split {
            Split::Entry if self.facts.count() == 1 => self.facts.for_entry(),
            _ => self.facts.for_group(self.month.as_deref()),
        };
        let mut file = AtomicFile::create(&dir.join(&self.name), force)?;
        let mut head = Writer::new(&mut file);
        head.raw(&front)?;
        head.block(&format!("# {}", self.title))?;
        file.write_all(b"\n")?;
        file.write_all(&self.doc.into_inner())?;
        file.commit()
    }
}

/// "Saturday 21 November 2026".
fn long_day(day: NaiveDate) -> String {
    day.format("%A %-d %B %Y").to_string()
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
    fn files_are_named_by_date() {
        let day: NaiveDate = "2026-11-21".parse().unwrap();
        assert_eq!(file_name(Split::Day, 3, day), "2026-11-21.md");
        assert_eq!(file_name(Split::Month, 3, day), "2026-11.md");
        assert_eq!(file_name(Split::Entry, 3, day), "2026-11-21-3.md");
    }

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
