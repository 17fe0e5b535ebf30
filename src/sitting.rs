//! A sitting: several questions answered one after another and saved as one entry (a
//! thought record, a review). Each answer is read key by key, so Ctrl-C halfway through
//! keeps what was typed; the answers so far are kept in one draft, rewritten after every
//! answer (so words survive a walk cut short, even a closed terminal) and removed once the
//! entry is saved. What cannot be saved stays a draft, and the error says where.

use std::fs;
use std::path::PathBuf;

use anyhow::{Error, anyhow};

use crate::app::App;
use crate::model::NewEntry;
use crate::store::Journal;
use crate::{ask, compose, drafts, store};

/// What a sitting fills, one answer at a time.
pub trait Answers {
    /// What one question fills.
    type Field: Copy;

    /// Takes the words typed for `field`. `Err` says why they cannot be read (the question
    /// is asked again); `Ok(Some(line))` is a line to show, e.g. how a rating was read.
    fn take(&mut self, field: Self::Field, words: &str) -> Result<Option<String>, String>;

    /// What an answer left empty does.
    fn if_empty(&self, _field: Self::Field) -> Empty {
        Empty::Skip
    }

    /// The answers so far, labelled, as a draft's text; `None` while nothing is written.
    fn draft(&self) -> Option<String>;
}

/// What an empty answer does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Empty {
    /// The question is skipped.
    Skip,
    /// The question is asked again, after this line.
    AskAgain(&'static str),
    /// The sitting ends with nothing written.
    Ends,
}

/// How a question was answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Asked {
    /// Answered or skipped, and the draft is up to date.
    Answered,
    /// Left empty where that ends the sitting.
    Ended,
}

/// The draft that holds a sitting's answers while it goes on, and the words its messages use.
pub struct Sitting<'a> {
    app: &'a App,
    /// The entry the draft is kept as (day, mood, feelings and tags given).
    day: NewEntry,
    /// "the review", "the thought record".
    what: &'static str,
    /// The command that begins again, e.g. "mend review".
    again: &'static str,
    kept: Option<PathBuf>,
}

impl<'a> Sitting<'a> {
    pub fn new(app: &'a App, day: NewEntry, what: &'static str, again: &'static str) -> Self {
        Sitting {
            app,
            day,
            what,
            again,
            kept: None,
        }
    }

    /// Asks one question on the line `line` until its answer is taken, and keeps the draft.
    /// Ctrl-C keeps what was typed (when it reads) and stops the sitting with an error
    /// saying where the answers are.
    pub fn ask<A: Answers>(
        &mut self,
        answers: &mut A,
        field: A::Field,
        line: &str,
    ) -> Result<Asked, Error> {
        loop {
            let typed = match ask::line(line) {
                Ok(t) if t.stopped => {
                    if !t.text.trim().is_empty() && answers.take(field, &t.text).is_ok() {
                        self.keep(answers);
                    }
                    return Err(self.stopped("interrupted"));
                }
                Ok(t) => t.text,
                Err(e) => return Err(self.stopped(&e.to_string())),
            };
            if typed.trim().is_empty() {
                match answers.if_empty(field) {
                    Empty::Skip => {}
                    Empty::AskAgain(why) => {
                        eprintln!("  {why}");
                        continue;
                    }
                    Empty::Ends => return Ok(Asked::Ended),
                }
            }
            match answers.take(field, &typed) {
                Ok(shown) => {
                    if let Some(shown) = shown {
                        eprintln!("{}", self.app.style.dim(&format!("  {shown}")));
                    }
                    self.keep(answers);
                    return Ok(Asked::Answered);
                }
                Err(why) => eprintln!("  {why}"),
            }
        }
    }

    /// Rewrites the draft with the answers so far.
    pub fn keep(&mut self, answers: &impl Answers) {
        let Some(body) = answers.draft() else {
            return;
        };
        let draft = NewEntry {
            body,
            fields: None,
            path: None,
            ..self.day.clone()
        };
        let keep = drafts::Keep {
            entry: &draft,
            raw: draft.body.as_bytes(),
            replaces: None,
        };
        // When no draft can be written the sitting goes on; the save at the end says more.
        if let Ok(path) =
            drafts::save_somewhere(&self.app.paths.draft_dirs(), &keep, self.app.now_utc())
            && let Some(old) = self.kept.replace(path)
        {
            let _ = fs::remove_file(old);
        }
    }

    /// Removes the draft: the entry is saved, or nothing was written.
    pub fn discard(&mut self) {
        if let Some(path) = self.kept.take() {
            let _ = fs::remove_file(path);
        }
    }

    /// The sitting ended early (`why`: "interrupted", or what went wrong).
    pub fn stopped(&self, why: &str) -> Error {
        let what = self.what;
        match &self.kept {
            Some(path) => anyhow!(
                "{what} was stopped ({why}) before it was saved — your answers so far are kept in {}; `mend drafts recover {}` saves them as an entry",
                path.display(),
                path.display()
            ),
            None => anyhow!(
                "{what} was stopped ({why}) before anything was written — nothing was saved; `{}` begins again",
                self.again
            ),
        }
    }

    /// Saves `entry` (the sitting's answers) and removes the draft. When the save fails the
    /// answers stay a draft and the error says where.
    pub fn save(
        &mut self,
        journal: &Journal,
        entry: &NewEntry,
        answers: &impl Answers,
    ) -> Result<i64, Error> {
        match journal.insert(entry, self.app.now_utc()) {
            Ok(id) => {
                self.discard();
                Ok(id)
            }
            Err(e) => {
                let reason = store::plain_message(&e);
                let what = self.what;
                if let Some(kept) = &self.kept {
                    return Err(anyhow!(
                        "could not save {what}: {reason} — your answers are kept in {}; `mend drafts recover {}` saves them once the problem is fixed",
                        kept.display(),
                        kept.display()
                    ));
                }
                let draft = NewEntry {
                    body: answers.draft().unwrap_or_default(),
                    fields: None,
                    path: None,
                    ..entry.clone()
                };
                Err(compose::keep_as_draft(
                    self.app,
                    &draft,
                    &format!("could not save {what}: {reason}"),
                ))
            }
        }
    }
}
