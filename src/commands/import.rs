//! `mend import`: entries from a mend JSON export, jrnl, or Day One. Every entry is checked
//! before anything is saved, and everything is saved in one transaction: all or nothing,
//! unless --skip-invalid. Entries already in the journal (same uuid) are left alone.

use std::collections::HashSet;
use std::io::Write;
use std::sync::mpsc::{Receiver, sync_channel};
use std::thread::Scope;

use anyhow::{Context, Result, bail};

use crate::analysis::{Analysis, analyse};
use crate::app::App;
use crate::cli::ImportArgs;
use crate::interop::source::{self, Input};
use crate::interop::{Object, Record};
use crate::progress;
use crate::store::Journal;
use crate::store::interop::{BulkIndex, RunMap, insert_imported, uuid_taken};

use super::plural;

pub fn run(journal: &Journal, app: &App, args: ImportArgs, out: &mut dyn Write) -> Result<()> {
    let inputs = source::read(&args.file, args.format)?;
    let name = if args.file.as_os_str() == "-" {
        "standard input".to_string()
    } else {
        args.file.display().to_string()
    };
    let (records, problems) = read_records(&inputs, &args)?;
    if records.is_empty() && problems.is_empty() {
        writeln!(out, "{name} has no entries, so there is nothing to import.")?;
        return Ok(());
    }
    if let Some(first) = problems.first()
        && !args.skip_invalid
    {
        let more = match problems.len() {
            1 => " (--skip-invalid imports the other entries)".to_string(),
            n => format!(" ({n} entries have problems; --skip-invalid imports the others)"),
        };
        bail!("{first} — nothing was imported{more}");
    }
    for problem in &problems {
        eprintln!("Skipped {problem}");
    }

    let mut seen = HashSet::new();
    let mut tally = Tally::default();
    if args.dry_run {
        for r in &records {
            let uuid = r.item.uuid.as_str();
            if !seen.insert(uuid) || journal.has_uuid(uuid)? {
                tally.already += 1;
            } else {
                tally.add(r);
            }
        }
    } else {
        let bar = progress::bar(records.len() as u64, "Importing");
        let now = app.now_utc();
        tally = std::thread::scope(|scope| {
            let analyses = analyse_alongside(scope, &records);
            journal.write(|tx| {
                let mut tally = Tally::default();
                let mut runs = RunMap::default();
                let bulk = BulkIndex::begin(tx)?;
                for (i, r) in records.iter().enumerate() {
                    let analysis = analyses.next(i)?;
                    let uuid = r.item.uuid.as_str();
                    if !seen.insert(uuid) || uuid_taken(tx, uuid)? {
                        tally.already += 1;
                    } else {
                        insert_imported(tx, &r.item, &mut runs, now, &analysis).with_context(
                            || format!("saving entry {} of {name} — nothing was imported", i + 1),
                        )?;
                        tally.add(r);
                    }
                    bar.inc(1);
                }
                bulk.finish(tx)?;
                Ok(tally)
            })
        })?;
        bar.finish_and_clear();
    }

    let mut report = format!(
        "{} {}, {} already in the journal",
        tally.new,
        if args.dry_run {
            "would be imported"
        } else {
            "imported"
        },
        tally.already
    );
    if tally.trashed > 0 {
        report.push_str(&format!(
            " ({} of the new ones in the trash, as they were)",
            tally.trashed
        ));
    }
    if !problems.is_empty() {
        report.push_str(&format!(
            ", {} skipped",
            plural(problems.len(), "entry", "entries")
        ));
    }
    if args.dry_run {
        writeln!(out, "Dry run, nothing was changed — {name}: {report}.")?;
    } else {
        writeln!(out, "{name}: {report}.")?;
    }
    Ok(())
}

/// Analyses the records on worker threads while the caller saves them: analysis is the
/// costliest part of an import and needs nothing from the journal. Record `i` goes to worker
/// `i % n`; each worker hands its results over in order through a small bounded channel, so
/// memory stays flat however long the import.
struct Analyses {
    channels: Vec<Receiver<Analysis>>,
}

impl Analyses {
    fn next(&self, i: usize) -> Result<Analysis> {
        self.channels[i % self.channels.len()].recv().map_err(|_| {
            anyhow::anyhow!("the text analysis stopped unexpectedly — nothing was imported")
        })
    }
}

fn analyse_alongside<'scope>(
    scope: &'scope Scope<'scope, '_>,
    records: &'scope [Record],
) -> Analyses {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .clamp(1, 4);
    let channels = (0..workers)
        .map(|w| {
            let (send, receive) = sync_channel(256);
            scope.spawn(move || {
                for r in records.iter().skip(w).step_by(workers) {
                    if send.send(analyse(&r.item.entry.body)).is_err() {
                        // The import stopped; nobody is waiting for the rest.
                        break;
                    }
                }
            });
            receive
        })
        .collect();
    Analyses { channels }
}

#[derive(Debug, Default)]
struct Tally {
    new: usize,
    already: usize,
    trashed: usize,
}

impl Tally {
    fn add(&mut self, r: &Record) {
        self.new += 1;
        if r.item.deleted.is_some() {
            self.trashed += 1;
        }
    }
}

/// Every entry of every input, checked: the good ones in the order to add them, and a
/// "FILE: entry N (date): reason" line for each bad one.
fn read_records(inputs: &[Input], args: &ImportArgs) -> Result<(Vec<Record>, Vec<String>)> {
    let mut records = Vec::new();
    let mut problems = Vec::new();
    for input in inputs {
        let export = source::parse(input, args.format)?;
        let mut batch = Vec::with_capacity(export.entries.len());
        for (i, raw) in export.entries.iter().enumerate() {
            let (label, result) = match serde_json::from_str::<Object>(raw.get()) {
                Ok(o) => (export.format.label(&o), export.format.record(&o)),
                Err(_) => (None, Err("an entry must be a JSON object".to_string())),
            };
            match result {
                Ok(record) => batch.push(record),
                Err(reason) => {
                    let label = label.map(|l| format!(" ({l})")).unwrap_or_default();
                    problems.push(format!("{}: entry {}{label}: {reason}", input.name, i + 1));
                }
            }
        }
        // mend exports list entries by day; adding them in the order of their original ids
        // gives an empty journal the numbering the exported one had.
        if batch.iter().all(|r| r.order.is_some()) {
            batch.sort_by_key(|r| r.order);
        }
        records.extend(batch);
    }
    Ok((records, problems))
}
