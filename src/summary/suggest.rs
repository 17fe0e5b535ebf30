//! Prompts in the period: answers by theme, and a question from the theme explored least,
//! chosen the way `mend prompt --theme THEME` chooses today.

use std::collections::BTreeMap;

use anyhow::Result;
use chrono::NaiveDate;

use super::data::Data;
use super::model::{LeastExplored, PromptChoice, Prompts, ThemeAnswers};
use super::period::Period;
use crate::prompts::Library;
use crate::prompts::select::{self, Wanted};
use crate::store::Journal;

pub fn prompts(
    journal: &Journal,
    library: &Library,
    data: &Data,
    current: &[usize],
    period: &Period,
    today: NaiveDate,
) -> Result<Prompts> {
    let answered = current
        .iter()
        .filter(|&&p| data.entries[p].answered)
        .count() as u32;
    // The same count `mend prompts themes` shows (one query in store/).
    let tallies = journal.answers_by_theme(Some(period.from), period.to)?;
    let by_theme: BTreeMap<&str, u32> = tallies
        .iter()
        .map(|(theme, t)| (theme.as_str(), t.answers))
        .collect();
    let mut answered_by_theme: Vec<ThemeAnswers> = by_theme
        .iter()
        .map(|(theme, count)| ThemeAnswers {
            theme: theme.to_string(),
            count: *count,
        })
        .collect();
    answered_by_theme.sort_by(|a, b| b.count.cmp(&a.count).then(a.theme.cmp(&b.theme)));
    Ok(Prompts {
        answered,
        answered_by_theme,
        least_explored: least_explored(journal, library, &by_theme, today)?,
    })
}

/// The theme with the fewest answers in the period; ties go to the theme answered least
/// recently (never answered first), as `mend prompt` orders themes. Its prompt is the one
/// `mend prompt --theme THEME` shows today.
fn least_explored(
    journal: &Journal,
    library: &Library,
    counts: &BTreeMap<&str, u32>,
    today: NaiveDate,
) -> Result<Option<LeastExplored>> {
    let count_of = |theme: &str| counts.get(theme).copied().unwrap_or(0);
    let Some(least) = library.themes.iter().map(|t| count_of(&t.id)).min() else {
        return Ok(None);
    };
    // Only the last day each prompt was answered matters for ordering themes.
    // Merged prompts' old ids and path steps that repeat a prompt count as answers to it.
    let last = select::history(journal, &library.prompts, today.succ_opt().unwrap_or(today))?;
    let Some(theme) = select::candidates(&library.prompts, &Wanted::default(), &last, today)
        .into_iter()
        .find(|p| count_of(&p.theme) == least)
        .map(|p| p.theme.clone())
    else {
        return Ok(None);
    };
    let wanted = Wanted {
        theme: Some(&theme),
        ..Wanted::default()
    };
    // The same choice `mend prompt --theme THEME` makes today.
    let Some(prompt) = select::for_today(journal, &library.prompts, &wanted, today)?
        .into_iter()
        .next()
    else {
        return Ok(None);
    };
    Ok(Some(LeastExplored {
        title: library
            .themes
            .iter()
            .find(|t| t.id == theme)
            .map_or_else(|| theme.clone(), |t| t.title.clone()),
        count: count_of(&theme),
        prompt: PromptChoice {
            id: prompt.id.clone(),
            text: prompt.text.clone(),
        },
        theme,
    }))
}
