//! The split export: one Markdown file per day, month or entry, each with front matter
//! (docs/export.md), written whole or not at all, and none when one of them is in the way.

use std::collections::HashSet;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{Result, bail};
use chrono::{Local, NaiveDate};

use super::files::{self, AtomicFile};
use super::frontmatter::Facts;
use super::markdown::{self, Writer};
use crate::model::Entry;
use crate::progress;
use crate::store::{Filter, Journal};

/// How entries are gathered into files.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Per {
    Day,
    Month,
    Entry,
}

/// What a split export wrote.
#[derive(Debug, Default)]
pub struct Written {
    pub entries: usize,
    pub files: usize,
}

/// What sits beside the entries' files, when there is any.
pub struct Beside<'a> {
    /// The moment log, as moments.md.
    pub moments: Option<&'a str>,
    /// The period's summary, as summary.md.
    pub summary: Option<&'a str>,
}

/// Writes one Markdown file per day, month or entry of `filter`'s entries, each with front
/// matter, into `dir`, and what goes `beside` them. Every name is
/// checked first, so nothing is written when one of them is taken (unless `force`).
/// `None` when there are no entries, and nothing was written.
pub fn write(
    journal: &Journal,
    filter: &Filter,
    per: Per,
    dir: &Path,
    force: bool,
    beside: &Beside,
) -> Result<Option<Written>> {
    let keys = journal.export_keys(filter)?;
    if keys.is_empty() {
        return Ok(None);
    }
    let mut names: Vec<PathBuf> = Vec::new();
    let mut seen = HashSet::new();
    for (id, day) in &keys {
        let name = file_name(per, *id, *day);
        if seen.insert(name.clone()) {
            names.push(dir.join(name));
        }
    }
    if !force {
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
    let mut written = Written::default();
    journal.for_each_entry(filter, |entry| {
        let name = file_name(per, entry.id, entry.day);
        if unit.as_ref().is_some_and(|u| u.name != name)
            && let Some(done) = unit.take()
        {
            done.write(dir, per, force)?;
            written.files += 1;
        }
        unit.get_or_insert_with(|| Unit::new(name, &entry, per))
            .add(&entry)?;
        written.entries += 1;
        bar.inc(1);
        Ok(())
    })?;
    if let Some(done) = unit {
        done.write(dir, per, force)?;
        written.files += 1;
    }
    for (name, text) in [
        ("moments.md", beside.moments),
        ("summary.md", beside.summary),
    ] {
        if let Some(text) = text {
            let mut file = AtomicFile::create(&dir.join(name), force)?;
            file.write_all(text.as_bytes())?;
            file.commit()?;
            written.files += 1;
        }
    }
    bar.finish_and_clear();
    Ok(Some(written))
}

/// `2026-11-21.md`, `2026-11.md` or `2026-11-21-12.md`.
fn file_name(per: Per, id: i64, day: NaiveDate) -> String {
    match per {
        Per::Day => format!("{}.md", day.format("%Y-%m-%d")),
        Per::Month => format!("{}.md", day.format("%Y-%m")),
        Per::Entry => format!("{}-{id}.md", day.format("%Y-%m-%d")),
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
    fn new(name: String, first: &Entry, per: Per) -> Unit {
        let (title, month) = match per {
            Per::Day => (markdown::long_day(first.day), None),
            Per::Month => (
                first.day.format("%B %Y").to_string(),
                Some(first.day.format("%Y-%m").to_string()),
            ),
            Per::Entry => (
                format!(
                    "{}, {}",
                    markdown::long_day(first.day),
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

    fn write(self, dir: &Path, per: Per, force: bool) -> Result<()> {
        let front = match per {
            Per::Entry if self.facts.count() == 1 => self.facts.for_entry(),
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn files_are_named_by_date() {
        let day: NaiveDate = "2026-11-21".parse().unwrap();
        assert_eq!(file_name(Per::Day, 3, day), "2026-11-21.md");
        assert_eq!(file_name(Per::Month, 3, day), "2026-11.md");
        assert_eq!(file_name(Per::Entry, 3, day), "2026-11-21-3.md");
    }
}
