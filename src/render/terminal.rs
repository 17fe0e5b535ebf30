//! Entries on a terminal: full, one-line and search-hit views, with optional colour and
//! escaping of control characters hidden in entry text.

use std::io::{IsTerminal, Write};

use anyhow::Result;
use chrono::{FixedOffset, Local};

use crate::cli::ColorChoice;
use crate::model::Entry;
use crate::render::layout;
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

    /// Each line painted on its own, so a pager or a wrapped screen never carries a colour
    /// past the end of a line.
    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            text.split('\n')
                .map(|line| format!("\x1b[{code}m{line}\x1b[0m"))
                .collect::<Vec<_>>()
                .join("\n")
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

/// An entry in full: heading, details, the prompt it answered, and the text. The time is
/// shown on the clock of the zone it was written in when that is known (see [`written_at`]).
pub fn entry(out: &mut dyn Write, entry: &Entry, style: &Style) -> Result<()> {
    entry_with(out, entry, None, style)
}

/// [`entry`], with the UTC offset the entry was written at (`None`: not recorded).
pub fn entry_with(
    out: &mut dyn Write,
    entry: &Entry,
    offset: Option<FixedOffset>,
    style: &Style,
) -> Result<()> {
    let width = layout::out_width();
    let heading = format!(
        "{} · {} · {}",
        entry.id,
        entry.day.format("%A %-d %B %Y"),
        written_at(entry, offset, viewer_offset(entry))
    );
    writeln!(
        out,
        "{}",
        style.bold(&style.accent(&layout::wrap(&heading, width, "  ")))
    )?;
    if let Some(details) = details_line(entry) {
        writeln!(
            out,
            "{}",
            style.dim(&layout::wrap(&style.text(&details), width, "  "))
        )?;
    }
    let review = crate::review::shown_text(entry.fields.as_ref(), &entry.body);
    // A review's sitting shows the prompt it asked beside its answer: not twice.
    if let Some(prompt) = entry.prompt.as_ref().filter(|_| review.is_none()) {
        writeln!(
            out,
            "{}",
            style.dim(&layout::wrap_with(
                &style.text(&prompt.text),
                width,
                "> ",
                "  "
            ))
        )?;
    }
    writeln!(out)?;
    let record = crate::prompts::thought::shown_text(entry.fields.as_ref(), &entry.body).or(review);
    let text = record.as_deref().unwrap_or(&entry.body);
    writeln!(
        out,
        "{}",
        layout::wrap_lines(&style.text(text.trim_end()), width)
    )?;
    writeln!(out)?;
    Ok(())
}

/// The viewer's UTC offset at the moment the entry was written.
fn viewer_offset(entry: &Entry) -> FixedOffset {
    *entry.created.with_timezone(&Local).offset()
}

/// When an entry was written, as its heading says it: the time on the clock of `offset` (the
/// zone it was written in, else the viewer's `fallback`), so that day and time always agree.
/// An entry dated to another day than the one it was written on (`--date yesterday`) has no
/// time of its own that day: it says when it was written instead.
pub fn written_at(entry: &Entry, offset: Option<FixedOffset>, fallback: FixedOffset) -> String {
    let zone = offset.unwrap_or(fallback);
    let local = entry.created.with_timezone(&zone);
    let mut shown = if local.date_naive() == entry.day {
        local.format("%H:%M").to_string()
    } else {
        format!("written {}", local.format("%a %-d %b %Y %H:%M"))
    };
    // Written in another zone than the viewer's: name the clock the time is on.
    if offset.is_some() && zone != fallback {
        shown.push_str(&format!(" (UTC{})", zone));
    }
    shown
}

/// One line per entry: id, day, mood dots and the first words, cut at a word to fit the
/// terminal; columns padded by what is seen, so colour does not move them.
pub fn entry_short(out: &mut dyn Write, entry: &Entry, style: &Style) -> Result<()> {
    let first = first_words(&entry.body, 60);
    let tags: String = entry.tags.iter().map(|t| format!(" #{t}")).collect();
    let id = style.bold(&entry.id.to_string());
    let day = entry.day.to_string();
    let dots = style.accent(&mood_dots(entry));
    let cells = [
        layout::Cell::right(&id, 5),
        layout::Cell::left(&day, 10),
        layout::Cell::left(&dots, 5),
    ];
    let width = layout::out_width();
    let lead_width = 5 + 2 + 10 + 2 + 5 + 2;
    let text = style.text(&first);
    let tags = style.text(&tags);
    // The words first; tags only where there is room for them.
    let line = match width {
        Some(w) if lead_width + layout::measure(&text) + layout::measure(&tags) > w => {
            layout::row_cut(&cells, 2, &text, width)
        }
        _ => layout::row(&cells, 2, &format!("{text}{}", style.dim(&tags)), None),
    };
    writeln!(out, "{line}")?;
    Ok(())
}

/// What is said after an entry is saved: its length and the run of days written up to
/// today. Counted, never judged: a short entry is an entry.
pub fn saved_note(words: usize, run_of_days: u32) -> String {
    let words = match words {
        1 => "1 word".to_string(),
        n => format!("{n} words"),
    };
    match run_of_days {
        0 => format!("{words}."),
        1 => format!("{words} · the first day of a run."),
        n => format!("{words} · {n} days in a row."),
    }
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
    // At most `max` characters of words, then the ellipsis.
    layout::cut_at_word(line, max + 1)
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
    fn the_saved_note_counts_words_and_days() {
        assert_eq!(saved_note(1, 0), "1 word.");
        assert_eq!(saved_note(42, 1), "42 words · the first day of a run.");
        assert_eq!(saved_note(42, 3), "42 words · 3 days in a row.");
    }

    #[test]
    fn first_words_cut_politely() {
        assert_eq!(first_words("\n\n  Hello there  \nmore", 60), "Hello there");
        assert_eq!(first_words("abcdef", 3), "abc…");
        assert_eq!(first_words("we talked about it", 12), "we talked…");
    }
}
