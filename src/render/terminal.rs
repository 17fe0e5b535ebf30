//! Entries on a terminal: full, one-line and search-hit views, with optional colour and
//! escaping of control characters hidden in entry text.

use std::io::{IsTerminal, Write};

use anyhow::Result;
use chrono::Local;

use crate::cli::ColorChoice;
use crate::model::Entry;
use crate::store::entries::{MATCH_END, MATCH_START};

/// How output is decorated: colour, and whether control characters must be escaped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Style {
    pub color: bool,
    pub escape: bool,
}

impl Style {
    /// `auto` colours only when NO_COLOR is unset and stdout is a terminal.
    pub fn detect(choice: ColorChoice) -> Style {
        let terminal = std::io::stdout().is_terminal();
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        let color = match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => terminal && !no_color,
        };
        // Text bound for something that interprets escape sequences must not carry its own.
        Style {
            color,
            escape: terminal || color,
        }
    }

    #[cfg(test)]
    pub fn plain() -> Style {
        Style {
            color: false,
            escape: false,
        }
    }

    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_string()
        }
    }

    pub fn bold(&self, text: &str) -> String {
        self.paint("1", text)
    }

    pub fn dim(&self, text: &str) -> String {
        self.paint("2", text)
    }

    pub fn accent(&self, text: &str) -> String {
        self.paint("36", text)
    }

    pub fn highlight(&self, text: &str) -> String {
        if self.color {
            self.paint("1;33", text)
        } else {
            format!("**{text}**")
        }
    }

    /// Entry text made safe for a terminal: control characters (other than newline and tab)
    /// are shown as visible escapes instead of being obeyed.
    pub fn text(&self, text: &str) -> String {
        if !self.escape {
            return text.to_string();
        }
        let mut out = String::with_capacity(text.len());
        for c in text.chars() {
            push_shown(&mut out, c);
        }
        out
    }
}

/// Appends `c` as a terminal should show it: newline and tab as they are, other control
/// characters as visible escapes (`^[`, `^?`, `\u{9b}`) that the terminal cannot obey.
pub fn push_shown(out: &mut String, c: char) {
    match c {
        '\n' | '\t' => out.push(c),
        c if (c as u32) < 0x20 => {
            out.push('^');
            out.push(char::from(b'@' + c as u8));
        }
        '\u{7f}' => out.push_str("^?"),
        c if ('\u{80}'..='\u{9f}').contains(&c) => {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        }
        c => out.push(c),
    }
}

fn mood_dots(entry: &Entry) -> String {
    match entry.mood {
        Some(m) => {
            let n = usize::from(m.value());
            format!("{}{}", "●".repeat(n), "○".repeat(5 - n))
        }
        None => "·····".to_string(),
    }
}

/// The details line: mood, feelings and tags, or nothing when there are none.
pub fn details_line(entry: &Entry) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(m) = entry.mood {
        parts.push(format!("mood {} ({})", m.label(), m.value()));
    }
    if !entry.feelings.is_empty() {
        parts.push(format!("feeling {}", entry.feelings.join(", ")));
    }
    if !entry.tags.is_empty() {
        parts.push(format!(
            "tags {}",
            entry
                .tags
                .iter()
                .map(|t| format!("#{t}"))
                .collect::<Vec<_>>()
                .join(" ")
        ));
    }
    (!parts.is_empty()).then(|| parts.join(" · "))
}

/// An entry in full: heading, details, the prompt it answered, and the text.
pub fn entry(out: &mut dyn Write, entry: &Entry, style: &Style) -> Result<()> {
    let created = entry.created.with_timezone(&Local);
    let heading = format!(
        "{} · {} · {}",
        entry.id,
        entry.day.format("%A %-d %B %Y"),
        created.format("%H:%M")
    );
    writeln!(out, "{}", style.bold(&style.accent(&heading)))?;
    if let Some(details) = details_line(entry) {
        writeln!(out, "{}", style.dim(&style.text(&details)))?;
    }
    if let Some(prompt) = &entry.prompt {
        writeln!(
            out,
            "{}",
            style.dim(&format!("> {}", style.text(&prompt.text)))
        )?;
    }
    writeln!(out)?;
    let record = crate::prompts::thought::shown_text(entry.fields.as_ref(), &entry.body)
        .or_else(|| crate::review::shown_text(entry.fields.as_ref(), &entry.body));
    let text = record.as_deref().unwrap_or(&entry.body);
    writeln!(out, "{}", style.text(text.trim_end()))?;
    writeln!(out)?;
    Ok(())
}

/// One line per entry: id, day, mood dots and the first words.
pub fn entry_short(out: &mut dyn Write, entry: &Entry, style: &Style) -> Result<()> {
    let first = first_words(&entry.body, 60);
    let tags: String = entry.tags.iter().map(|t| format!(" #{t}")).collect();
    writeln!(
        out,
        "{:>5}  {}  {}  {}{}",
        style.bold(&entry.id.to_string()),
        entry.day,
        style.accent(&mood_dots(entry)),
        style.text(&first),
        style.dim(&style.text(&tags))
    )?;
    Ok(())
}

/// A search result: the entry's line, then the snippet with the matches highlighted.
pub fn search_hit(out: &mut dyn Write, entry: &Entry, snippet: &str, style: &Style) -> Result<()> {
    writeln!(
        out,
        "{}  {}  {}",
        style.bold(&entry.id.to_string()),
        style.accent(&entry.day.format("%a %-d %b %Y").to_string()),
        style.dim(
            &details_line(entry)
                .map(|d| style.text(&d))
                .unwrap_or_default()
        )
    )?;
    let one_line = snippet.split_whitespace().collect::<Vec<_>>().join(" ");
    writeln!(out, "    {}", highlight_snippet(&one_line, style))?;
    Ok(())
}

/// Replaces the snippet's match markers with the style's highlight.
pub fn highlight_snippet(snippet: &str, style: &Style) -> String {
    let mut out = String::new();
    let mut rest = snippet;
    while let Some(start) = rest.find(MATCH_START) {
        out.push_str(&style.text(&rest[..start]));
        let after = &rest[start + MATCH_START.len_utf8()..];
        let end = after.find(MATCH_END).unwrap_or(after.len());
        out.push_str(&style.highlight(&style.text(&after[..end])));
        rest = after.get(end + MATCH_END.len_utf8()..).unwrap_or("");
    }
    out.push_str(&style.text(rest));
    out
}

/// The first `max` characters of the first non-empty line, with an ellipsis when cut.
pub fn first_words(body: &str, max: usize) -> String {
    let line = body
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty())
        .unwrap_or("");
    let mut cut: String = line.chars().take(max).collect();
    if line.chars().count() > max {
        cut = cut.trim_end().to_string();
        cut.push('…');
    }
    cut
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_made_visible() {
        let s = Style {
            color: false,
            escape: true,
        };
        assert_eq!(s.text("a\x1b[31mb\tc\nd\u{9b}"), "a^[[31mb\tc\nd\\u{9b}");
        assert_eq!(Style::plain().text("a\x1bb"), "a\x1bb");
    }

    #[test]
    fn snippets_are_highlighted() {
        let snippet = format!("we {MATCH_START}talked{MATCH_END} late");
        assert_eq!(
            highlight_snippet(&snippet, &Style::plain()),
            "we **talked** late"
        );
    }

    #[test]
    fn first_words_cut_politely() {
        assert_eq!(first_words("\n\n  Hello there  \nmore", 60), "Hello there");
        assert_eq!(first_words("abcdef", 3), "abc…");
    }
}
