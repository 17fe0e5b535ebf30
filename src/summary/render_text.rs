//! The summary for the terminal: warm headings, short lines, a weekly mood sparkline, and
//! under `--explain` the entries each insight rests on.

use std::io::Write;

use anyhow::Result;

use super::model::{InsightKind, Summary};
use super::words;
use crate::render::terminal::Style;

/// How many days `--explain` lists under an insight before summing up the rest.
const EXPLAIN_MAX: usize = 30;
/// How many feelings and themes the terminal view lists (JSON has them all).
const TOP: usize = 8;

/// `calendar` is a small heatmap of recent days, shown under the mood on a colour terminal.
pub fn text(
    out: &mut dyn Write,
    s: &Summary,
    style: &Style,
    explain: bool,
    calendar: Option<&str>,
) -> Result<()> {
    let heading = |out: &mut dyn Write, title: &str| -> Result<()> {
        writeln!(out)?;
        writeln!(out, "{}", style.bold(&style.accent(title)))?;
        Ok(())
    };
    let compare = words::before(s).is_some();
    writeln!(out, "{}", style.bold(&words::heading(s)))?;

    heading(out, "Writing")?;
    writeln!(out, "  {}", words::writing_line(s))?;
    if let Some(line) = words::streak_line(s) {
        writeln!(out, "  {line}")?;
    }
    if s.entries == 0 {
        writeln!(out)?;
        writeln!(
            out,
            "Nothing written in this period yet. When there is, patterns will show here."
        )?;
        return closing(out, style);
    }
    if !s.enough_writing {
        writeln!(out, "  {}", style.dim(words::TOO_LITTLE))?;
    }

    heading(out, "Mood")?;
    writeln!(out, "  {}", words::mood_line(s))?;
    if s.mood.n > 0 {
        let (marks, per) = words::sparkline(&s.mood.weekly);
        let note = if per == 1 {
            "each mark a week, oldest first; · no mood noted".to_string()
        } else {
            format!("each mark {per} weeks, oldest first; · no mood noted")
        };
        writeln!(out, "  {}  {}", style.accent(&marks), style.dim(&note))?;
        writeln!(out, "  {}", words::mood_trend_line(s.mood.trend))?;
        let width = crate::render::layout::out_width();
        // A day and its figures stay together on one line (no-break spaces inside each).
        let days: Vec<String> = words::weekday_parts(s)
            .iter()
            .map(|p| match width {
                Some(_) => p.replace(' ', "\u{a0}"),
                None => p.clone(),
            })
            .collect();
        let days = days.join(" · ");
        let line = crate::render::layout::wrap_with(&days, width, "  By weekday: ", "    ");
        writeln!(out, "{line}")?;
    }
    if let Some(calendar) = calendar {
        writeln!(out)?;
        for line in calendar.lines() {
            writeln!(out, "  {line}")?;
        }
    }

    if !s.feelings.is_empty() {
        heading(out, "Feelings")?;
        writeln!(
            out,
            "  {}",
            style.dim("entries with each feeling, chosen or found in your words")
        )?;
        let shown: Vec<_> = s
            .feelings
            .iter()
            .filter(|f| f.count > 0)
            .take(TOP)
            .collect();
        if shown.is_empty() {
            writeln!(out, "  None named in this period.")?;
        }
        let width = shown
            .iter()
            .map(|f| f.name.chars().count())
            .max()
            .unwrap_or(0);
        for f in shown {
            let mut line = format!(
                "  {:width$}  {}",
                style.text(&f.name),
                words::count_change(&f.rate, f.count, f.previous, compare)
            );
            if let Some(phrase) = words::signal_trend(f.rate.trend) {
                line.push_str(&format!(" · {phrase}"));
            }
            writeln!(out, "{line}")?;
        }
    }

    let themes: Vec<_> = s.themes.iter().filter(|t| t.count > 0).take(TOP).collect();
    if !themes.is_empty() {
        heading(out, "Themes")?;
        signal_lines(out, &themes, compare, style)?;
    }
    heading(out, "Trust signs")?;
    writeln!(
        out,
        "  {}",
        style.dim("entries where these came up in your words")
    )?;
    let signs = s.signs_seen();
    if signs.is_empty() {
        writeln!(out, "  None of the trust signs mend looks for came up.")?;
    } else {
        signal_lines(out, &signs, compare, style)?;
    }

    let claimed = s.insights_of(InsightKind::MoodWith);
    if !claimed.is_empty() {
        heading(out, "What goes with better days")?;
        for i in claimed {
            writeln!(out, "  {}", style.text(&i.text))?;
        }
    }

    if s.language.n > 0 {
        heading(out, "Language")?;
        let (n_line, rows) = words::language_rows(&s.language, words::before(s).as_deref());
        writeln!(out, "  {}", style.dim(&n_line))?;
        let width = rows
            .iter()
            .map(|(l, _)| l.chars().count())
            .max()
            .unwrap_or(0);
        for (label, value) in rows {
            writeln!(out, "  {label:width$}  {value}")?;
        }
    }

    heading(out, "Prompts")?;
    if s.prompts.answered_by_theme.is_empty() {
        writeln!(out, "  No prompts answered in this period.")?;
    } else {
        let parts: Vec<String> = s
            .prompts
            .answered_by_theme
            .iter()
            .map(|t| format!("{} {}", style.text(&t.theme), t.count))
            .collect();
        writeln!(
            out,
            "  Answered {}: {}",
            s.prompts.answered,
            parts.join(" · ")
        )?;
    }
    if let Some(least) = &s.prompts.least_explored {
        writeln!(
            out,
            "  Least explored: {} ({}). If you'd like a question: {}",
            style.text(&least.title),
            words::plural(least.count, "answer", "answers"),
            style.bold(&format!("mend prompt --theme {}", least.theme))
        )?;
        writeln!(out, "    {}", style.dim(&style.text(&least.prompt.text)))?;
    }

    if !s.milestones.is_empty() {
        heading(out, "Milestones")?;
        for m in &s.milestones {
            writeln!(
                out,
                "  {}  {}  {}",
                style.dim(&format!("{:>5}", m.id)),
                m.day.format("%-d %b"),
                style.text(&m.text)
            )?;
        }
    }

    super::practices::text(out, s, style, explain)?;
    heading(out, "Insights")?;
    if !s.enough_writing {
        writeln!(out, "  {}", words::TOO_LITTLE)?;
    } else if s.insights.is_empty() {
        writeln!(out, "  {}", words::NOTHING_STOOD_OUT)?;
    }
    for insight in &s.insights {
        writeln!(out, "  • {}", style.text(&insight.text))?;
        if explain {
            if let Some(e) = &insight.evidence {
                writeln!(out, "    {}", style.dim(&words::evidence_line(e, s.tests)))?;
            }
            writeln!(
                out,
                "    {}",
                style.dim(&words::by_day(&insight.entries, &insight.days, EXPLAIN_MAX))
            )?;
        }
    }
    if !explain && !s.insights.is_empty() {
        writeln!(
            out,
            "  {}",
            style.dim("mend summary --explain shows the entries each one rests on.")
        )?;
    }
    closing(out, style)
}

fn signal_lines(
    out: &mut dyn Write,
    list: &[&super::model::SignalCount],
    compare: bool,
    style: &Style,
) -> Result<()> {
    let width = list
        .iter()
        .map(|t| t.label.chars().count())
        .max()
        .unwrap_or(0);
    for t in list {
        let mut line = format!(
            "  {:width$}  {}",
            style.text(&t.label),
            words::count_change(&t.rate, t.count, t.previous, compare)
        );
        if let Some(phrase) = words::signal_trend(t.rate.trend) {
            line.push_str(&format!(" · {phrase}"));
        }
        writeln!(out, "{line}")?;
    }
    Ok(())
}

fn closing(out: &mut dyn Write, style: &Style) -> Result<()> {
    writeln!(out)?;
    for line in words::CLOSING.lines() {
        writeln!(out, "{}", style.dim(line))?;
    }
    Ok(())
}
