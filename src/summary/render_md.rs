//! The summary as CommonMark: headings and lists only (no tables, which CommonMark lacks),
//! with everything that came from the journal escaped. `mend export --with-summary` reuses it.

use std::fmt::Write;

use super::model::{InsightKind, SignalCount, Summary};
use super::words;

/// The summary as a Markdown document starting with a level-1 heading (export reuses it).
pub fn markdown(summary: &Summary) -> String {
    markdown_with(summary, false)
}

/// As `markdown`, listing under each insight the entries it rests on when `explain`.
pub fn markdown_with(s: &Summary, explain: bool) -> String {
    let mut md = String::new();
    let compare = words::before(s).is_some();
    // Writing to a String cannot fail.
    let _ = render(&mut md, s, compare, explain);
    md
}

fn render(md: &mut String, s: &Summary, compare: bool, explain: bool) -> std::fmt::Result {
    writeln!(md, "# Summary: {}", escape(&words::title(s)))?;
    if let Some(line) = words::subtitle(s) {
        writeln!(md)?;
        writeln!(md, "{}", escape(&line))?;
    }

    section(md, "Writing")?;
    writeln!(md, "- {}", escape(&words::writing_line(s)))?;
    if let Some(line) = words::streak_line(s) {
        writeln!(md, "- {}", escape(&line))?;
    }
    if s.entries == 0 {
        writeln!(md)?;
        writeln!(
            md,
            "Nothing written in this period yet. When there is, patterns will show here."
        )?;
        return closing(md);
    }
    if !s.enough_writing {
        writeln!(md)?;
        writeln!(md, "{}", escape(words::TOO_LITTLE))?;
    }

    section(md, "Mood")?;
    writeln!(md, "- {}", escape(&words::mood_line(s)))?;
    if s.mood.n > 0 {
        let (marks, per) = words::sparkline(&s.mood.weekly);
        let each = if per == 1 {
            "each mark a week".to_string()
        } else {
            format!("each mark {per} weeks")
        };
        writeln!(
            md,
            "- Weekly, oldest first ({each}; · no mood noted): `{marks}`"
        )?;
        writeln!(md, "- {}", escape(words::mood_trend_line(s.mood.trend)))?;
        writeln!(
            md,
            "- By weekday: {}",
            escape(&words::weekday_parts(s).join(", "))
        )?;
    }

    let feelings: Vec<_> = s.feelings.iter().filter(|f| f.count > 0).collect();
    if !feelings.is_empty() {
        section(md, "Feelings")?;
        writeln!(
            md,
            "Entries with each feeling, chosen or found in the text."
        )?;
        writeln!(md)?;
        for f in feelings {
            let mut line = words::count_change(&f.rate, f.count, f.previous, compare);
            if let Some(phrase) = words::signal_trend(f.rate.trend) {
                line.push_str(&format!(", {phrase}"));
            }
            writeln!(md, "- {}: {}", escape(&f.name), escape(&line))?;
        }
    }
    let themes: Vec<_> = s.themes.iter().filter(|t| t.count > 0).collect();
    if !themes.is_empty() {
        section(md, "Themes")?;
        signal_items(md, &themes, compare)?;
    }
    section(md, "Trust signs")?;
    let signs = s.signs_seen();
    if signs.is_empty() {
        writeln!(md, "None of the trust signs mend looks for came up.")?;
    } else {
        signal_items(md, &signs, compare)?;
    }

    let claimed = s.insights_of(InsightKind::MoodWith);
    if !claimed.is_empty() {
        section(md, "What goes with better days")?;
        for i in claimed {
            writeln!(md, "- {}", escape(&i.text))?;
        }
    }

    if s.language.n > 0 {
        section(md, "Language")?;
        let (n_line, rows) = words::language_rows(&s.language, words::before(s).as_deref());
        writeln!(md, "{}", escape(&n_line))?;
        writeln!(md)?;
        for (label, value) in rows {
            writeln!(md, "- {}: {}", escape(label), escape(&value))?;
        }
    }

    section(md, "Prompts")?;
    if s.prompts.answered_by_theme.is_empty() {
        writeln!(md, "No prompts answered in this period.")?;
    } else {
        for t in &s.prompts.answered_by_theme {
            writeln!(md, "- {}: {}", escape(&t.theme), t.count)?;
        }
    }
    if let Some(least) = &s.prompts.least_explored {
        writeln!(md)?;
        writeln!(
            md,
            "Least explored: {} ({}). If you'd like a question: `mend prompt --theme {}`",
            escape(&least.title),
            words::plural(least.count, "answer", "answers"),
            least.theme.replace('`', "")
        )?;
        writeln!(md)?;
        writeln!(md, "> {}", escape(&least.prompt.text))?;
    }

    if !s.milestones.is_empty() {
        section(md, "Milestones")?;
        for m in &s.milestones {
            writeln!(
                md,
                "- {} (entry {}): {}",
                m.day.format("%-d %b %Y"),
                m.id,
                escape(&m.text)
            )?;
        }
    }

    super::practices::markdown(md, s, explain)?;
    section(md, "Insights")?;
    if !s.enough_writing {
        writeln!(md, "{}", escape(words::TOO_LITTLE))?;
    } else if s.insights.is_empty() {
        writeln!(md, "{}", escape(words::NOTHING_STOOD_OUT))?;
    }
    for insight in &s.insights {
        writeln!(md, "- {}", escape(&insight.text))?;
        if explain {
            if let Some(e) = &insight.evidence {
                writeln!(md, "  - {}", escape(&words::evidence_line(e, s.tests)))?;
            }
            writeln!(
                md,
                "  - {}",
                escape(&words::by_day(&insight.entries, &insight.days, usize::MAX))
            )?;
        }
    }
    closing(md)
}

fn section(md: &mut String, title: &str) -> std::fmt::Result {
    writeln!(md)?;
    writeln!(md, "## {title}")?;
    writeln!(md)
}

fn signal_items(md: &mut String, list: &[&SignalCount], compare: bool) -> std::fmt::Result {
    for t in list {
        let mut line = words::count_change(&t.rate, t.count, t.previous, compare);
        if let Some(phrase) = words::signal_trend(t.rate.trend) {
            line.push_str(&format!(", {phrase}"));
        }
        writeln!(md, "- {}: {}", escape(&t.label), escape(&line))?;
    }
    Ok(())
}

fn closing(md: &mut String) -> std::fmt::Result {
    writeln!(md)?;
    writeln!(md, "---")?;
    writeln!(md)?;
    writeln!(md, "*{}*", escape(words::CLOSING))
}

/// Inline text that came from the journal or the word lists: every character CommonMark
/// could read as markup is backslash-escaped, and line breaks become spaces.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '&' | '#' | '!' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_in_journal_text_is_escaped() {
        assert_eq!(
            escape("a *b* [c](d) <e> `f`"),
            r"a \*b\* \[c\](d) \<e\> \`f\`"
        );
        assert_eq!(escape("two\nlines"), "two lines");
    }
}
