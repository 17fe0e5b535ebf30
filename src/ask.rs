//! Questions asked on a terminal (dialoguer, drawn on stderr). Only called when both stdin
//! and stderr are terminals; every question can be skipped with Enter or Esc.

use std::io::IsTerminal;

use anyhow::Result;
use dialoguer::console::Term;
use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};
use dialoguer::{Confirm, MultiSelect, Select};

use crate::feelings::vocabulary;
use crate::model::{MOOD_WORDS, Mood};

/// True when a person is there to answer: stdin and stderr are both terminals.
pub fn interactive() -> bool {
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}

fn theme(color: bool) -> Box<dyn Theme> {
    if color {
        Box::new(ColorfulTheme::default())
    } else {
        Box::new(SimpleTheme)
    }
}

/// Mood 1–5, or `None` when skipped.
pub fn mood(color: bool) -> Result<Option<Mood>> {
    let mut items = vec!["skip".to_string()];
    items.extend(
        MOOD_WORDS
            .iter()
            .enumerate()
            .map(|(i, w)| format!("{} {}", i + 1, w.replace('-', " "))),
    );
    let theme = theme(color);
    let chosen = Select::with_theme(theme.as_ref())
        .with_prompt("How did the day feel? (Enter skips)")
        .items(&items)
        .default(0)
        .interact_on_opt(&Term::stderr())?;
    Ok(chosen.filter(|&i| i > 0).and_then(|i| Mood::new(i as u8)))
}

/// Feelings from the vocabulary, grouped by family; empty when skipped.
pub fn feelings(color: bool) -> Result<Vec<String>> {
    let vocab = vocabulary();
    let names: Vec<&str> = vocab.feelings().map(|(_, f)| f.name.as_str()).collect();
    let labels: Vec<String> = vocab
        .feelings()
        .map(|(family, f)| format!("{:<24} {}", family.label, f.name))
        .collect();
    let theme = theme(color);
    let chosen = MultiSelect::with_theme(theme.as_ref())
        .with_prompt("Which feelings were there? (Space chooses, Enter finishes)")
        .items(&labels)
        .max_length(12)
        .interact_on_opt(&Term::stderr())?;
    Ok(chosen
        .unwrap_or_default()
        .into_iter()
        .map(|i| names[i].to_string())
        .collect())
}

/// A yes/no question, "no" unless answered.
pub fn confirm(question: &str, color: bool) -> Result<bool> {
    let theme = theme(color);
    Ok(Confirm::with_theme(theme.as_ref())
        .with_prompt(question)
        .default(false)
        .interact_on_opt(&Term::stderr())?
        .unwrap_or(false))
}

/// A passphrase typed without echo; `None` when nothing was typed.
pub fn passphrase(prompt: &str) -> Result<Option<String>> {
    let typed = dialoguer::Password::new()
        .with_prompt(prompt)
        .allow_empty_password(true)
        .interact_on(&Term::stderr())?;
    Ok(Some(typed).filter(|p| !p.is_empty()))
}

/// A new passphrase, typed twice so a typo cannot lock the journal away.
pub fn new_passphrase() -> Result<Option<String>> {
    let typed = dialoguer::Password::new()
        .with_prompt("New passphrase")
        .with_confirmation(
            "The same passphrase again",
            "The two did not match; please try again",
        )
        .allow_empty_password(true)
        .interact_on(&Term::stderr())?;
    Ok(Some(typed).filter(|p| !p.is_empty()))
}

/// One of `items`, or `None` when skipped (Esc).
pub fn choose(question: &str, items: &[&str], color: bool) -> Result<Option<usize>> {
    let theme = theme(color);
    Ok(Select::with_theme(theme.as_ref())
        .with_prompt(question)
        .items(items)
        .default(0)
        .interact_on_opt(&Term::stderr())?)
}

/// A line of text; empty when nothing was typed.
pub fn line(question: &str, color: bool) -> Result<String> {
    let theme = theme(color);
    Ok(dialoguer::Input::<String>::with_theme(theme.as_ref())
        .with_prompt(question)
        .allow_empty(true)
        .interact_text_on(&Term::stderr())?)
}
