//! What a review shows before it asks anything: lines on the period taken from the summary
//! of the same days (so a review never claims what the summary would not), the last
//! intention, and the prompt, from the theme most present in the period or, when none
//! leads, the theme explored least.

use anyhow::Result;

use super::{Asked, Previous, Review, Span, Why};
use crate::app::App;
use crate::moments::Tally;
use crate::prompts::Library;
use crate::prompts::select::{self, Wanted};
use crate::store::Journal;
use crate::summary::model::Summary;
use crate::summary::period::Period;
use crate::summary::words;

/// How many named feelings the overview mentions.
const FEELINGS: usize = 3;

/// The review of `span` ending today, with the period's lines, the last intention and the
/// prompt filled in and nothing answered.
pub fn prepare(journal: &Journal, app: &App, library: &Library, span: Span) -> Result<Review> {
    let today = app.now.date_naive();
    let from = span.from(today);
    let summary =
        crate::summary::compute_with(journal, Period::range(from, today)?, app.now, library)?;
    let moments = Tally::of(&journal.moments(Some(from), Some(today))?);
    let mut review = Review::new(span, today, overview(&summary, moments, span));
    review.previous = journal.last_intention(today)?.map(|saved| Previous {
        entry: saved.entry,
        day: saved.day,
        intention: saved.review.intention.unwrap_or_default(),
    });
    review.prompt = prompt(journal, app, library, &summary, span)?;
    Ok(review)
}

/// The period in a few lines: counts the summary shows, and only the patterns it claims.
pub fn overview(s: &Summary, moments: Tally, span: Span) -> Vec<String> {
    let mut lines = vec![words::capitalise(&words::writing_line(s)) + "."];
    if s.entries == 0 {
        lines.push(format!("Nothing was written this {}.", span.word()));
    } else {
        if s.mood.n > 0 {
            lines.push(format!(
                "Mood: {}.",
                words::mood_line(s).trim_end_matches('.')
            ));
        }
        let named: Vec<String> = s
            .feelings
            .iter()
            .filter(|f| f.count > 0)
            .take(FEELINGS)
            .map(|f| {
                format!(
                    "{} ({})",
                    f.name,
                    words::plural(f.count, "entry", "entries")
                )
            })
            .collect();
        if !named.is_empty() {
            lines.push(format!("Feelings named most: {}.", named.join(", ")));
        }
    }
    if moments.total() > 0 {
        lines.push(format!(
            "Moments logged: {}, {} turned toward.",
            moments.total(),
            moments.toward
        ));
    }
    let claims: Vec<&str> = s.claims().map(|i| i.text.as_str()).collect();
    if !claims.is_empty() {
        lines.extend(claims.iter().map(|c| c.to_string()));
    } else if s.entries > 0 && !s.enough_writing {
        lines.push(format!(
            "Too little writing this {} for mend to call anything a pattern (it needs about two weeks of days written); these are counts only.",
            span.word()
        ));
    } else if s.entries > 0 {
        lines.push(words::NOTHING_STOOD_OUT.to_string());
    }
    lines
}

/// The theme that came up in the most entries of the period, when one leads with at least
/// two; else the theme explored least, as the summary suggests it.
fn prompt(
    journal: &Journal,
    app: &App,
    library: &Library,
    s: &Summary,
    span: Span,
) -> Result<Option<Asked>> {
    let mut present: Vec<_> = s.themes.iter().filter(|t| t.count >= 2).collect();
    present.sort_by_key(|t| std::cmp::Reverse(t.count));
    let leader = match present.as_slice() {
        [first, second, ..] if first.count == second.count => None,
        [first, ..] => Some(*first),
        [] => None,
    };
    let today = app.now.date_naive();
    if let Some(theme) = leader {
        let wanted = Wanted {
            theme: Some(&theme.name),
            perspective: app.config.perspective,
            context: app.config.context,
        };
        if let Some(p) = select::for_today(journal, &library.prompts, &wanted, today)?.first() {
            return Ok(Some(Asked {
                id: p.id.clone(),
                theme: p.theme.clone(),
                text: p.text.clone(),
                why: Why::MostPresent,
                reason: format!(
                    "{} came up in {} of the {}'s {}",
                    theme.label,
                    theme.count,
                    span.word(),
                    words::plural(s.entries, "entry", "entries")
                ),
            }));
        }
    }
    Ok(s.prompts.least_explored.as_ref().and_then(|least| {
        let p = library.prompt(&least.prompt.id)?;
        Some(Asked {
            id: p.id.clone(),
            theme: p.theme.clone(),
            text: p.text.clone(),
            why: Why::LeastExplored,
            reason: format!("{} is the theme you have explored least", least.title),
        })
    }))
}
