//! The import pipeline: the file is parsed on one thread, its entries analysed on others,
//! and saved in turn inside one write transaction, all or nothing unless invalid entries are
//! to be skipped. Entries already in the journal (same uuid) are left alone; in a journal
//! that has never held an entry, a mend export keeps its entry numbers.

use std::collections::HashMap;
use std::hash::{DefaultHasher, Hash, Hasher};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::mpsc::{Receiver, sync_channel};
use std::thread::{Scope, ScopedJoinHandle};

use anyhow::{Context, Result, bail};
use indicatif::ProgressBar;

use super::formats::Format;
use super::importer::{Item, Options};
use super::source::Source;
use super::stream::MomentItem;
use super::{Problem, Record};
use crate::analysis::{Analysis, analyse, safety_concerns};
use crate::moments::Moment;
use crate::store::Journal;
use crate::store::interop::{
    BulkIndex, RunMap, id_taken, insert_imported, never_written, uuid_taken,
};
use crate::store::moments::insert_imported_moment;

/// What an import is asked to do.
pub struct Plan<'a> {
    /// The format given with --format; `None` tells it from the file.
    pub wanted: Option<Format>,
    pub options: Options,
    /// Import the valid entries and pass each problem to `skipped`.
    pub skip_invalid: bool,
    /// Read and check everything, change nothing.
    pub dry_run: bool,
    /// Whether to notice an entry that would have raised a safety note.
    pub notice_concerns: bool,
    /// Told about each entry skipped (with --skip-invalid), as it happens.
    pub skipped: &'a (dyn Fn(&str) + Sync),
}

/// Imports `source` into `journal` as `plan` says; `bar` shows the bytes read.
pub fn import(journal: &Journal, source: Source, plan: &Plan, bar: &ProgressBar) -> Result<Tally> {
    let name = source.name.clone();
    let watch = Watch {
        name: &name,
        skip_invalid: plan.skip_invalid,
        skipped: plan.skipped,
        failing: AtomicBool::new(false),
        read: AtomicU64::new(0),
        bar,
    };
    let concern = AtomicBool::new(false);
    let tally = std::thread::scope(|scope| -> Result<Tally> {
        let pipe = Pipeline::start(
            scope,
            source,
            plan.wanted,
            &plan.options,
            !plan.dry_run,
            &watch,
        );
        if plan.dry_run {
            let mut tally =
                watch.consume(pipe, |record, _| Ok(!journal.has_uuid(&record.item.uuid)?))?;
            for m in std::mem::take(&mut tally.moments) {
                tally.count_moment(!journal.has_moment(&m.uuid)?);
            }
            return Ok(tally);
        }
        journal.write(|tx| {
            let restoring = never_written(tx)?;
            let mut runs = RunMap::new(restoring);
            let bulk = BulkIndex::begin(tx)?;
            let mut tally = watch.consume(pipe, |record, analysis| {
                if uuid_taken(tx, &record.item.uuid)? {
                    return Ok(false);
                }
                let keep_id = match record.order {
                    Some(id) if restoring && id > 0 && !id_taken(tx, id)? => Some(id),
                    _ => None,
                };
                let analysis = analysis.unwrap_or_else(|| analyse(&record.item.entry.body));
                insert_imported(tx, &record.item, &mut runs, &analysis, keep_id)?;
                if plan.notice_concerns
                    && !concern.load(Ordering::Relaxed)
                    && !safety_concerns(&record.item.entry.body).is_empty()
                {
                    concern.store(true, Ordering::Relaxed);
                }
                Ok(true)
            })?;
            bulk.finish(tx)?;
            // The moments of a mend export, saved after its entries in the same transaction.
            for m in std::mem::take(&mut tally.moments) {
                tally.count_moment(insert_imported_moment(tx, &m)?);
            }
            Ok(tally)
        })
    });
    let mut tally = tally?;
    tally.concern = concern.load(Ordering::Relaxed);
    Ok(tally)
}

/// What an import did (or, in a dry run, would do).
#[derive(Debug, Default)]
pub struct Tally {
    /// Entries in the file, good or not.
    pub entries: usize,
    pub new: usize,
    pub already: usize,
    /// New entries that were in the trash where they came from, and are in it here.
    pub trashed: usize,
    pub skipped: usize,
    /// Entries whose uuid, day, time and text repeat an earlier entry of the same file.
    pub repeated: usize,
    /// Whether an imported entry would have raised a safety note.
    pub concern: bool,
    /// The good moments of a mend export, saved after the entries; then how many were new.
    moments: Vec<Moment>,
    pub new_moments: usize,
    pub old_moments: usize,
}

impl Tally {
    fn count_moment(&mut self, new: bool) {
        if new {
            self.new_moments += 1;
        } else {
            self.old_moments += 1;
        }
    }
}

/// The uuids met so far in the file, with the entry that first had each and a fingerprint
/// of what it said, so a repeat inside the file is not mistaken for an entry already in the
/// journal, and two different entries under one uuid are not merged silently.
#[derive(Default)]
struct Uuids {
    seen: HashMap<u128, (usize, u64)>,
}

/// What a repeated uuid means.
enum Repeat {
    /// The same entry again.
    Same,
    /// Another entry under a uuid already used: a problem.
    Different(Problem),
}

impl Uuids {
    fn check(&mut self, name: &str, number: usize, record: &Record) -> Option<Repeat> {
        let item = &record.item;
        let key = uuid::Uuid::parse_str(&item.uuid).map_or(0, |u| u.as_u128());
        let mut hasher = DefaultHasher::new();
        (&item.entry.day, &item.created, &item.entry.body).hash(&mut hasher);
        let print = hasher.finish();
        match self.seen.get(&key) {
            None => {
                self.seen.insert(key, (number, print));
                None
            }
            Some(&(_, first_print)) if first_print == print => Some(Repeat::Same),
            Some(&(first, _)) => Some(Repeat::Different(format!(
                "{name}: entry {number}: its uuid {} is also entry {first}'s, with other words (each entry needs a uuid of its own)",
                item.uuid
            ))),
        }
    }
}

/// An entry of the file with its analysis (made unless it has a problem or the import is
/// failing anyway).
struct Done {
    number: usize,
    record: Result<Record, Problem>,
    analysis: Option<Analysis>,
}

/// The file is parsed on one thread and its entries analysed on up to four more, while the
/// caller saves them: analysis is the costliest part of an import and needs nothing from the
/// journal. Entry `k` goes to worker `k % n`, and each worker hands its results back in order
/// through a small bounded channel, so memory stays flat however large the file.
struct Pipeline<'scope> {
    lanes: Vec<Receiver<Done>>,
    next: usize,
    parser: ScopedJoinHandle<'scope, Result<(usize, Vec<MomentItem>)>>,
}

impl<'scope> Pipeline<'scope> {
    fn start(
        scope: &'scope Scope<'scope, '_>,
        source: Source,
        wanted: Option<Format>,
        options: &'scope Options,
        analysing: bool,
        watch: &'scope Watch,
    ) -> Pipeline<'scope> {
        // The saving thread is the one every entry waits for: leave it a core of its own.
        let workers = std::thread::available_parallelism()
            .map_or(1, |n| n.get())
            .saturating_sub(1)
            .clamp(1, 4);
        let mut inputs = Vec::with_capacity(workers);
        let mut lanes = Vec::with_capacity(workers);
        for _ in 0..workers {
            let (give, take) = sync_channel::<Item>(64);
            let (hand_back, lane) = sync_channel::<Done>(64);
            scope.spawn(move || {
                for item in take {
                    let analysis = match &item.record {
                        Ok(r) if analysing && !watch.failing.load(Ordering::Relaxed) => {
                            Some(analyse(&r.item.entry.body))
                        }
                        _ => None,
                    };
                    let done = Done {
                        number: item.number,
                        record: item.record,
                        analysis,
                    };
                    if hand_back.send(done).is_err() {
                        // The import stopped; nobody is waiting for the rest.
                        break;
                    }
                }
            });
            inputs.push(give);
            lanes.push(lane);
        }
        let parser = scope.spawn(move || {
            let mut k = 0;
            let mut moments = Vec::new();
            let entries = source.entries_and_moments(
                wanted,
                options,
                &|bytes| watch.read.store(bytes, Ordering::Relaxed),
                &mut |item| {
                    let sent = inputs[k % inputs.len()].send(item).is_ok();
                    k += 1;
                    sent
                },
                &mut |moment| moments.push(moment),
            )?;
            Ok((entries, moments))
        });
        Pipeline {
            lanes,
            next: 0,
            parser,
        }
    }

    /// The next entry of the file, in order.
    fn next(&mut self) -> Option<Done> {
        let done = self.lanes[self.next % self.lanes.len()].recv().ok()?;
        self.next += 1;
        Some(done)
    }

    /// How many entries the file had and its moments, or what was wrong with it as a whole.
    fn finish(self) -> Result<(usize, Vec<MomentItem>)> {
        drop(self.lanes);
        match self.parser.join() {
            Ok(result) => result,
            Err(_) => bail!("reading the import stopped unexpectedly — nothing was imported"),
        }
    }
}

/// What the saving side shares with the readers: the progress, and whether the import is
/// already bound to fail (then nothing more is analysed, only checked).
struct Watch<'a> {
    name: &'a str,
    skip_invalid: bool,
    skipped: &'a (dyn Fn(&str) + Sync),
    failing: AtomicBool,
    read: AtomicU64,
    bar: &'a ProgressBar,
}

impl Watch<'_> {
    /// One entry or moment that cannot be imported: reported and passed over with
    /// --skip-invalid, otherwise the first one is kept for the message and the readers stop
    /// analysing (the import is bound to fail).
    fn problem(&self, problem: Problem, tally: &mut Tally, first: &mut Option<Problem>) {
        tally.skipped += 1;
        if self.skip_invalid {
            (self.skipped)(&problem);
        } else if first.is_none() {
            *first = Some(problem);
            self.failing.store(true, Ordering::Relaxed);
        }
    }

    /// Hands each good entry to `save` (which says whether it was new), and counts. One bad
    /// entry fails the whole import unless --skip-invalid, but the rest of the file is still
    /// read so the message can say how many have problems.
    fn consume(
        &self,
        mut pipe: Pipeline,
        mut save: impl FnMut(&Record, Option<Analysis>) -> Result<bool>,
    ) -> Result<Tally> {
        let mut tally = Tally::default();
        let mut first_problem = None;
        let mut uuids = Uuids::default();
        while let Some(done) = pipe.next() {
            if done.number % 256 == 0 {
                self.bar.set_position(self.read.load(Ordering::Relaxed));
            }
            let record = match done.record {
                Ok(record) => match uuids.check(self.name, done.number, &record) {
                    None => Ok(record),
                    Some(Repeat::Same) => {
                        tally.repeated += 1;
                        continue;
                    }
                    Some(Repeat::Different(problem)) => Err(problem),
                },
                Err(problem) => Err(problem),
            };
            match record {
                Err(problem) => self.problem(problem, &mut tally, &mut first_problem),
                Ok(_) if first_problem.is_some() => {}
                Ok(record) => {
                    let new = save(&record, done.analysis).with_context(|| {
                        format!(
                            "saving entry {} of {} — nothing was imported",
                            done.number, self.name
                        )
                    })?;
                    if !new {
                        tally.already += 1;
                    } else {
                        tally.new += 1;
                        if record.item.deleted.is_some() {
                            tally.trashed += 1;
                        }
                    }
                }
            }
        }
        let (entries, moments) = pipe.finish()?;
        tally.entries = entries;
        for moment in moments {
            match moment {
                Ok(m) => tally.moments.push(m),
                Err(problem) => self.problem(problem, &mut tally, &mut first_problem),
            }
        }
        if let Some(first) = first_problem {
            let more = match tally.skipped {
                1 => " (--skip-invalid imports the other entries)".to_string(),
                n => format!(" ({n} entries have problems; --skip-invalid imports the others)"),
            };
            bail!("{first} — nothing was imported{more}");
        }
        Ok(tally)
    }
}
