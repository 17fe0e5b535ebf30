//! The one place text is fitted to a terminal: words wrapped at the terminal's width (never
//! broken mid-word unless a single word is wider than the line) and columns padded by the
//! width a reader sees, not by the bytes of colour codes. Every screen goes through here, so
//! a coloured terminal lines up exactly as piped output does.
//!
//! Output that is not a terminal is never wrapped: files and pipes get lines as they are.

use std::io::IsTerminal;

use dialoguer::console::{self, Alignment, Term};

/// Where a piece of text is going, for its width.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stream {
    Stdout,
    Stderr,
}

/// The width to wrap to on `stream`: the terminal's columns (`COLUMNS` wins when set), or
/// `None` when the stream is not a terminal.
pub fn width(stream: Stream) -> Option<usize> {
    let terminal = match stream {
        Stream::Stdout => std::io::stdout().is_terminal(),
        Stream::Stderr => std::io::stderr().is_terminal(),
    };
    if !terminal {
        return None;
    }
    if let Some(cols) = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.trim().parse::<usize>().ok())
        .filter(|&c| c > 0)
    {
        return Some(cols);
    }
    let term = match stream {
        Stream::Stdout => Term::stdout(),
        Stream::Stderr => Term::stderr(),
    };
    term.size_checked()
        .map(|(_, cols)| usize::from(cols))
        .filter(|&c| c > 0)
}

/// The width of standard output when it is a terminal.
pub fn out_width() -> Option<usize> {
    width(Stream::Stdout)
}

/// The width of standard error (where questions are drawn) when it is a terminal.
pub fn err_width() -> Option<usize> {
    width(Stream::Stderr)
}

/// The width a reader sees: colour codes count for nothing, wide characters for two.
pub fn measure(text: &str) -> usize {
    console::measure_text_width(text)
}

/// `text` padded with spaces on the right to `width` seen columns.
pub fn pad_right(text: &str, width: usize) -> String {
    console::pad_str(text, width, Alignment::Left, None).into_owned()
}

/// `text` padded with spaces on the left to `width` seen columns.
pub fn pad_left(text: &str, width: usize) -> String {
    console::pad_str(text, width, Alignment::Right, None).into_owned()
}

/// `text` wrapped at word boundaries to `width`, every line after the first indented by
/// `indent` (the first line carries its own lead). Line breaks already in the text are kept.
/// With no width (not a terminal), the text is returned as it is.
pub fn wrap(text: &str, width: Option<usize>, indent: &str) -> String {
    wrap_with(text, width, "", indent)
}

/// Like [`wrap`], with `first` before the first line (its width counted).
pub fn wrap_with(text: &str, width: Option<usize>, first: &str, indent: &str) -> String {
    let Some(width) = width else {
        return format!("{first}{text}");
    };
    // Never narrower than a few words, even in a tiny window.
    let width = width.max(measure(indent) + 20);
    let options = textwrap::Options::new(width)
        .initial_indent(first)
        .subsequent_indent(indent)
        .break_words(true);
    textwrap::fill(text, &options)
}

/// Each line of `text` wrapped on its own, its continuation lines indented as the line is
/// (and two more under a list item's bullet), so indented answers and lists stay readable.
pub fn wrap_lines(text: &str, width: Option<usize>) -> String {
    if width.is_none() {
        return text.to_string();
    }
    let mut out = Vec::new();
    for line in text.split('\n') {
        let body = line.trim_start();
        let lead = &line[..line.len() - body.len()];
        let bullet = ["- ", "* ", "· ", "• "]
            .iter()
            .find(|b| body.starts_with(**b))
            .map_or(0, |b| measure(b));
        let indent = format!("{lead}{}", " ".repeat(bullet));
        if body.is_empty() {
            out.push(line.to_string());
        } else {
            out.push(wrap_with(body, width, lead, &indent));
        }
    }
    out.join("\n")
}

/// One cell of a table row: its text and the seen width it is padded to.
#[derive(Debug, Clone, Copy)]
pub struct Cell<'a> {
    pub text: &'a str,
    pub width: usize,
    /// Numbers line up on the right.
    pub right: bool,
}

impl<'a> Cell<'a> {
    pub fn left(text: &'a str, width: usize) -> Cell<'a> {
        Cell {
            text,
            width,
            right: false,
        }
    }

    pub fn right(text: &'a str, width: usize) -> Cell<'a> {
        Cell {
            text,
            width,
            right: true,
        }
    }
}

/// One table row: the cells padded by seen width and separated by `gap` spaces, then `tail`
/// wrapped at the terminal's width with its continuation lines starting under it.
pub fn row(cells: &[Cell], gap: usize, tail: &str, width: Option<usize>) -> String {
    row_painted(cells, gap, tail, width, &|t| t.to_string())
}

/// [`row`] with the tail painted line by line after wrapping (so no colour runs across the
/// indent of the next line).
pub fn row_painted(
    cells: &[Cell],
    gap: usize,
    tail: &str,
    width: Option<usize>,
    paint: &dyn Fn(&str) -> String,
) -> String {
    hanging(&lead(cells, gap), tail, width, paint)
}

/// Text under a row's tail: indented as far as the row's cells reach, wrapped the same way.
pub fn under(
    cells: &[Cell],
    gap: usize,
    text: &str,
    width: Option<usize>,
    paint: &dyn Fn(&str) -> String,
) -> String {
    let indent = " ".repeat(measure(&lead(cells, gap)));
    hanging(&indent, text, width, paint)
}

/// The fewest columns text is wrapped into beside a row's cells; with less, it goes below.
const NARROWEST: usize = 24;

/// `lead`, then `text` wrapped into the room left of `width`, each further line indented to
/// where the text began.
fn hanging(lead: &str, text: &str, width: Option<usize>, paint: &dyn Fn(&str) -> String) -> String {
    let Some(width) = width else {
        return format!("{lead}{}", paint(text)).trim_end().to_string();
    };
    let mut start = measure(lead);
    let mut out = Vec::new();
    let mut lead = lead;
    if width.saturating_sub(start) < NARROWEST {
        // Too little room beside the cells: the text goes below them, a little indented.
        if !lead.trim().is_empty() {
            out.push(lead.trim_end().to_string());
        }
        start = start.min(4);
        lead = &lead[..0];
    }
    let room = width.saturating_sub(start).max(NARROWEST);
    let indent = " ".repeat(start);
    let lead = if lead.is_empty() {
        indent.as_str()
    } else {
        lead
    };
    for (i, line) in lines(text, room).iter().enumerate() {
        let before = if i == 0 { lead } else { indent.as_str() };
        out.push(format!("{before}{}", paint(line)).trim_end().to_string());
    }
    out.join("\n")
}

/// One line per row whatever the width: the cells, then `tail` cut at a word boundary (with
/// an ellipsis) so the line fits.
pub fn row_cut(cells: &[Cell], gap: usize, tail: &str, width: Option<usize>) -> String {
    let lead = lead(cells, gap);
    let Some(width) = width else {
        return format!("{lead}{tail}");
    };
    let room = width.saturating_sub(measure(&lead)).max(10);
    format!("{lead}{}", cut_at_word(tail, room))
}

/// `text` cut to `max` seen columns at a word boundary, with an ellipsis when cut (inside a
/// word only when its first word alone is wider than `max`).
pub fn cut_at_word(text: &str, max: usize) -> String {
    if measure(text) <= max {
        return text.to_string();
    }
    let room = max.saturating_sub(1).max(1);
    let options = textwrap::Options::new(room).break_words(false);
    match textwrap::wrap(text, options).first() {
        Some(first) if measure(first) <= room && !first.trim().is_empty() => {
            format!("{}…", first.trim_end())
        }
        _ => truncate(text, max),
    }
}

fn lead(cells: &[Cell], gap: usize) -> String {
    let mut lead = String::new();
    for cell in cells {
        if cell.right {
            lead.push_str(&pad_left(cell.text, cell.width));
        } else {
            lead.push_str(&pad_right(cell.text, cell.width));
        }
        lead.push_str(&" ".repeat(gap));
    }
    lead
}

/// `text` as lines of at most `width` (for table cells); one empty line for empty text.
pub fn lines(text: &str, width: usize) -> Vec<String> {
    let width = width.max(8);
    let wrapped: Vec<String> = textwrap::wrap(text, width)
        .into_iter()
        .map(|l| l.into_owned())
        .collect();
    if wrapped.is_empty() {
        vec![String::new()]
    } else {
        wrapped
    }
}

/// Cuts `text` to `max` seen columns with an ellipsis, colour codes kept intact.
pub fn truncate(text: &str, max: usize) -> String {
    console::truncate_str(text, max, "…").into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colour_codes_do_not_count() {
        let coloured = "\x1b[1m12\x1b[0m";
        assert_eq!(measure(coloured), 2);
        assert_eq!(pad_left(coloured, 5), format!("   {coloured}"));
        assert_eq!(pad_right("ab", 4), "ab  ");
        assert_eq!(measure(&pad_right(coloured, 6)), 6);
    }

    #[test]
    fn words_are_never_broken_at_the_edge() {
        let text = "What would you like to do differently the next time this happens, and what directions would help?";
        for width in [40, 60, 80] {
            let wrapped = wrap(text, Some(width), "  ");
            for line in wrapped.lines() {
                assert!(measure(line) <= width, "{line:?} is wider than {width}");
            }
            let words: Vec<&str> = wrapped.split_whitespace().collect();
            let original: Vec<&str> = text.split_whitespace().collect();
            assert_eq!(words, original, "a word was broken at width {width}");
        }
        assert_eq!(wrap(text, None, "  "), text);
    }

    #[test]
    fn colour_inside_wrapped_text_is_not_counted() {
        let text = format!("\x1b[1m{}\x1b[0m", "word ".repeat(30).trim_end());
        for line in wrap(&text, Some(30), "").lines() {
            assert!(measure(line) <= 30, "{line:?}");
        }
    }

    #[test]
    fn kept_line_breaks_and_the_first_lead() {
        assert_eq!(
            wrap_with("one two\nthree", Some(40), "> ", "  "),
            "> one two\n  three"
        );
        assert_eq!(lines("", 10), vec![String::new()]);
        assert_eq!(lines("alpha beta gamma", 11), vec!["alpha beta", "gamma"]);
    }

    #[test]
    fn indented_lines_keep_their_indent_when_wrapped() {
        let text = "Situation\n  we argued about the phone again late at night after dinner\n- a list item that goes on and on past the edge";
        let wrapped = wrap_lines(text, Some(30));
        let lines: Vec<&str> = wrapped.lines().collect();
        assert_eq!(lines[0], "Situation");
        assert!(lines[1].starts_with("  we"), "{lines:?}");
        assert!(
            lines[2].starts_with("  ") && !lines[2].starts_with("   "),
            "{lines:?}"
        );
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("  ") && !l.starts_with("- ") && l.contains("past")),
            "{lines:?}"
        );
        assert_eq!(wrap_lines(text, None), text);
    }

    #[test]
    fn rows_align_by_what_is_seen() {
        let bold = "\x1b[1m7\x1b[0m";
        let plain = row(&[Cell::right("7", 5)], 2, "text", Some(60));
        let coloured = row(&[Cell::right(bold, 5)], 2, "text", Some(60));
        assert_eq!(console::strip_ansi_codes(&coloured), plain);
        assert_eq!(plain, "    7  text");
        let long = row(
            &[Cell::left("name", 6)],
            1,
            "one two three four five six seven eight nine ten eleven twelve",
            Some(40),
        );
        assert!(long.lines().count() > 1);
        for line in long.lines().skip(1) {
            assert!(
                line.starts_with("       ") && !line.starts_with("        "),
                "{line:?}"
            );
        }
        let cut = row_cut(
            &[Cell::left("id", 3)],
            1,
            "alpha beta gamma delta",
            Some(20),
        );
        assert_eq!(cut, "id  alpha beta…");
        // Too narrow beside the cells: the text goes below them.
        let narrow = row(&[Cell::left("name", 20)], 1, "one two three", Some(30));
        assert_eq!(narrow, "name\n    one two three");
        assert!(measure(&cut) <= 20);
    }
}
