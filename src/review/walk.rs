//! The review in one sitting on a terminal: the period's lines, then each question in turn,
//! answers read key by key so Ctrl-C keeps what was half typed. Every answer is kept in a
//! draft as it comes (rewritten each time, removed once the review is saved), and the
//! review is saved as one entry.

use anyhow::Result;

use super::{Field, Kept, Review};
use crate::app::App;
use crate::ask;
use crate::model::{NewEntry, PromptRef, hashtags, normalize_labels};
use crate::sitting::{Answers, Sitting};
use crate::store::Journal;

/// The sitting a review is made in: its draft is kept as an entry of the review's day.
pub fn sitting<'a>(app: &'a App, review: &Review) -> Sitting<'a> {
    Sitting::new(app, NewEntry::on(review.to), "the review", "mend review")
}

impl Answers for Review {
    type Field = Field;

    fn take(&mut self, field: Field, words: &str) -> Result<Option<String>, String> {
        self.set(field, words).map(|()| None)
    }

    fn draft(&self) -> Option<String> {
        self.has_words().then(|| self.draft_text())
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
pub fn on_terminal(app: &App, review: &mut Review, sitting: &mut Sitting) -> Result<bool> {
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
            Err(e) => return Err(sitting.stopped(&reason(&e))),
        }
        sitting.keep(review);
        sitting.ask(
            review,
            Field::KeptNote,
            "  a sentence on how it went (Enter skips): ",
        )?;
        eprintln!();
    }
    if let Some(prompt) = review.prompt.clone() {
        eprintln!("{}", style.bold(&prompt.text));
        eprintln!("{}", style.dim(&format!("  ({})", prompt.reason)));
        sitting.ask(review, Field::Answer, "  your words (Enter skips): ")?;
        eprintln!();
    }
    eprintln!(
        "{}",
        style.bold(&format!(
            "One intention for the next {}: a small thing you mean to do",
            review.span.word()
        ))
    );
    sitting.ask(review, Field::Intention, "  your words (Enter skips): ")?;
    Ok(review.has_words())
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
pub fn save(journal: &Journal, review: &Review, sitting: &mut Sitting) -> Result<(i64, NewEntry)> {
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
    let id = sitting.save(journal, &entry, review)?;
    Ok((id, entry))
}
