//! The review in one sitting on a terminal: the period's lines, then each question in turn,
//! answers read key by key so Ctrl-C keeps what was half typed. Every answer is kept in a
//! draft as it comes (rewritten each time, removed once the review is saved), and the
//! review is saved as one entry.

use std::fs;
use std::path::PathBuf;

use anyhow::{Result, anyhow};

use super::{Field, Kept, Review};
use crate::app::App;
use crate::model::{NewEntry, PromptRef, hashtags, normalize_labels};
use crate::store::Journal;
use crate::{ask, compose, drafts, store};

/// The draft that holds a sitting's answers while it goes on.
pub struct Progress<'a> {
    app: &'a App,
    path: Option<PathBuf>,
}

impl<'a> Progress<'a> {
    pub fn new(app: &'a App) -> Progress<'a> {
        Progress { app, path: None }
    }

    fn keep(&mut self, review: &Review) {
        if !review.has_words() {
            return;
        }
        let draft = NewEntry {
            body: review.draft_text(),
            ..NewEntry::on(review.to)
        };
        let keep = drafts::Keep {
            entry: &draft,
            raw: draft.body.as_bytes(),
            replaces: None,
        };
        // When no draft can be written the sitting goes on; the save at the end says more.
        if let Ok(path) =
            drafts::save_somewhere(&self.app.paths.draft_dirs(), &keep, self.app.now_utc())
            && let Some(old) = self.path.replace(path)
        {
            let _ = fs::remove_file(old);
        }
    }

    /// Removes the draft: the review is saved, or nothing was written.
    pub fn discard(&mut self) {
        if let Some(path) = self.path.take() {
            let _ = fs::remove_file(path);
        }
    }

    fn stopped(&self, what: &str) -> anyhow::Error {
        match &self.path {
            Some(path) => anyhow!(
                "the review was stopped ({what}) before it was saved — your answers so far are kept in {}; `mend drafts recover {}` saves them as an entry",
                path.display(),
                path.display()
            ),
            None => anyhow!(
                "the review was stopped ({what}) before anything was written — nothing was saved; `mend review` begins again"
            ),
        }
    }
}

/// The period's lines, as the sitting opens (on standard error, with the questions).
pub fn show_period(app: &App, review: &Review) {
    let style = &app.style;
    eprintln!(
        "{}",
        style.bold(&format!(
            "Your {}: {} to {}",
            review.span.word(),
            review.from.format("%-d %B"),
            review.to.format("%-d %B %Y")
        ))
    );
    for line in &review.overview {
        eprintln!("  {}", style.text(line));
    }
    eprintln!();
}

/// Asks every question. `Ok(false)` when nothing at all was answered.
pub fn on_terminal(app: &App, review: &mut Review, progress: &mut Progress) -> Result<bool> {
    let style = &app.style;
    show_period(app, review);
    if let Some(previous) = review.previous.clone() {
        eprintln!(
            "{}",
            style.bold(&format!(
                "Last time ({}) you meant to: {}",
                previous.day.format("%-d %B"),
                style.text(&previous.intention)
            ))
        );
        let items = [
            "Yes, I kept it",
            "Partly",
            "Not this time",
            "Skip this question",
        ];
        match ask::choose("Did you keep it?", &items, style.color) {
            Ok(Some(i)) if i < Kept::ALL.len() => review.kept = Some(Kept::ALL[i]),
            Ok(_) => {}
            Err(e) => return Err(progress.stopped(&reason(&e))),
        }
        progress.keep(review);
        answer(
            app,
            review,
            Field::KeptNote,
            "  a sentence on how it went (Enter skips): ",
            progress,
        )?;
        eprintln!();
    }
    if let Some(prompt) = review.prompt.clone() {
        eprintln!("{}", style.bold(&prompt.text));
        eprintln!("{}", style.dim(&format!("  ({})", prompt.reason)));
        answer(
            app,
            review,
            Field::Answer,
            "  your words (Enter skips): ",
            progress,
        )?;
        eprintln!();
    }
    eprintln!(
        "{}",
        style.bold(&format!(
            "One intention for the next {}: a small thing you mean to do",
            review.span.word()
        ))
    );
    answer(
        app,
        review,
        Field::Intention,
        "  your words (Enter skips): ",
        progress,
    )?;
    Ok(review.has_words())
}

fn answer(
    _app: &App,
    review: &mut Review,
    field: Field,
    line: &str,
    progress: &mut Progress,
) -> Result<()> {
    match ask::line(line) {
        Ok(typed) => {
            // Text fields take any words, so setting cannot fail.
            let _ = review.set(field, &typed.text);
            progress.keep(review);
            if typed.stopped {
                return Err(progress.stopped("interrupted"));
            }
            Ok(())
        }
        Err(e) => Err(progress.stopped(&e.to_string())),
    }
}

fn reason(e: &anyhow::Error) -> String {
    if ask::stopped(e) {
        "interrupted".to_string()
    } else {
        e.to_string()
    }
}

/// Saves the review as one entry and returns its id (and the entry). When the save fails,
/// the answers are kept as a draft and the error says where.
pub fn save(
    journal: &Journal,
    app: &App,
    review: &Review,
    progress: &mut Progress,
) -> Result<(i64, NewEntry)> {
    let body = review.body();
    let entry = NewEntry {
        // A prompt answered in the review rests like any answered prompt.
        prompt: review
            .prompt
            .as_ref()
            .filter(|_| review.answer.is_some())
            .map(|p| PromptRef {
                id: p.id.clone(),
                text: p.text.clone(),
                theme: Some(p.theme.clone()),
            }),
        tags: normalize_labels(hashtags(&body)),
        fields: Some(review.to_value()),
        body,
        ..NewEntry::on(review.to)
    };
    match journal.insert(&entry, app.now_utc()) {
        Ok(id) => {
            progress.discard();
            Ok((id, entry))
        }
        Err(e) => {
            let reason = store::plain_message(&e);
            if let Some(kept) = &progress.path {
                return Err(anyhow!(
                    "could not save the review: {reason} — your answers are kept in {}; `mend drafts recover {}` saves them once the problem is fixed",
                    kept.display(),
                    kept.display()
                ));
            }
            let draft = NewEntry {
                body: review.draft_text(),
                fields: None,
                ..entry
            };
            Err(compose::keep_as_draft(
                app,
                &draft,
                &format!("could not save the review: {reason}"),
            ))
        }
    }
}
