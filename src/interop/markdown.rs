//! The Markdown export: a title, one `##` heading per day, one `###` heading per entry, then
//! the entry's details, prompt, thought record and text. Entry text is Markdown too, so it is
//! adjusted just enough that it cannot change the document's outline: its headings move below
//! the entry's, and what would swallow or restructure what follows is escaped or closed.

use std::io::Write;

use anyhow::Result;
use chrono::{Local, NaiveDate};
use pulldown_cmark::{Event, Options, Parser, Tag};

use crate::model::Entry;
use crate::prompts::thought::{self, ThoughtRecord};

/// Entry headings are level 3; headings in entry text start one level below.
const SHIFT: usize = 3;
const LOWEST_BODY_LEVEL: usize = SHIFT + 1;
/// Rounds of fixing before falling back to showing the text as a code block.
const MAX_PASSES: usize = 32;

/// Writes blocks separated by one blank line, starting a day heading whenever the day changes.
pub struct Writer<W: Write> {
    out: W,
    blank_before: bool,
    day: Option<NaiveDate>,
    /// The clock each entry was written on, by id (`store::zones`).
    offsets: std::collections::HashMap<i64, chrono::FixedOffset>,
}

impl<W: Write> Writer<W> {
    pub fn new(out: W) -> Writer<W> {
        Writer {
            out,
            blank_before: false,
            day: None,
            offsets: Default::default(),
        }
    }

    /// Entry times shown on the clocks they were written on.
    pub fn with_offsets(
        mut self,
        offsets: std::collections::HashMap<i64, chrono::FixedOffset>,
    ) -> Writer<W> {
        self.offsets = offsets;
        self
    }

    /// Text written as it is (front matter), with a blank line after it.
    pub fn raw(&mut self, text: &str) -> Result<()> {
        self.out.write_all(text.as_bytes())?;
        self.blank_before = true;
        Ok(())
    }

    /// One block of Markdown; it is separated from the one before by a blank line.
    pub fn block(&mut self, text: &str) -> Result<()> {
        if self.blank_before {
            self.out.write_all(b"\n")?;
        }
        self.out.write_all(text.as_bytes())?;
        if !text.ends_with('\n') {
            self.out.write_all(b"\n")?;
        }
        self.blank_before = true;
        Ok(())
    }

    pub fn entry(&mut self, entry: &Entry) -> Result<()> {
        if self.day != Some(entry.day) {
            self.block(&day_heading(entry.day))?;
            self.day = Some(entry.day);
        }
        self.block(&entry_heading(entry, self.offsets.get(&entry.id).copied()))?;
        if let Some(details) = details(entry) {
            self.block(&details)?;
        }
        // A thought record is shown as its table; its text (the same words) only when it
        // was edited afterwards.
        let record = ThoughtRecord::from_fields(entry.fields.as_ref());
        // A review is shown as its whole sitting (with the text when edited afterwards),
        // which holds the prompt it asked: the prompt is not given twice.
        let review = record
            .is_none()
            .then(|| crate::review::shown_text(entry.fields.as_ref(), &entry.body))
            .flatten();
        if let Some(prompt) = entry.prompt.as_ref().filter(|_| review.is_none()) {
            self.block(&format!("> **Prompt:** {}", inline(&prompt.text)))?;
        }
        if let Some(record) = &record {
            self.block(&thought::table(record, inline))?;
        }
        if let Some(review) = review {
            return self.block(&body(&review));
        }
        let text = body(&entry.body);
        let same = record
            .as_ref()
            .is_some_and(|r| r.body().trim() == entry.body.trim());
        if !text.is_empty() && !same {
            self.block(&text)?;
        }
        Ok(())
    }

    pub fn into_inner(self) -> W {
        self.out
    }
}

/// `## 2026-11-21 (Saturday)`.
pub fn day_heading(day: NaiveDate) -> String {
    format!("## {}", day.format("%Y-%m-%d (%A)"))
}

/// `### 18:30`: the time the entry was written at, on the clock it was written on when that
/// is known (`offset`), as `mend show` says it (`render::terminal::written_at`).
pub fn entry_heading(entry: &Entry, offset: Option<chrono::FixedOffset>) -> String {
    let viewer = *entry.created.with_timezone(&Local).offset();
    format!(
        "### {}",
        crate::render::terminal::written_at(entry, offset, viewer)
    )
}

/// `*Mood: good (4) · Feelings: hope, relief · Tags: #partner*`, or nothing.
pub fn details(entry: &Entry) -> Option<String> {
    let mut parts = Vec::new();
    if let Some(m) = entry.mood {
        parts.push(format!("Mood: {} ({})", m.label(), m.value()));
    }
    if !entry.feelings.is_empty() {
        let words: Vec<String> = entry.feelings.iter().map(|f| inline(f)).collect();
        parts.push(format!("Feelings: {}", words.join(", ")));
    }
    if !entry.tags.is_empty() {
        let tags: Vec<String> = entry
            .tags
            .iter()
            .map(|t| format!("#{}", inline(t)))
            .collect();
        parts.push(format!("Tags: {}", tags.join(" ")));
    }
    (!parts.is_empty()).then(|| format!("*{}*", parts.join(" · ")))
}

/// Text for inside a line (a label, a prompt): on one line, with the characters that
/// Markdown would read as formatting or HTML escaped.
pub fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, word) in text.split_whitespace().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        for c in word.chars() {
            if matches!(
                c,
                '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&' | '$'
            ) {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// Entry text made safe to place under an entry heading, changing as little as possible:
/// headings move down three levels (`# x` becomes `#### x`), a line that would underline the
/// paragraph above into a heading gets a backslash (`\---`), HTML blocks start with `&lt;`
/// instead of `<`, and a code fence left open is closed. What cannot be fixed that way is
/// shown as a code block, word for word.
pub fn body(text: &str) -> String {
    let text = normalize(text);
    let mut fixed = text.clone();
    for pass in 0..=MAX_PASSES {
        let Some(edits) = problems(&fixed, pass == 0) else {
            break;
        };
        if edits.is_empty() {
            return fixed;
        }
        if pass == MAX_PASSES {
            break;
        }
        apply(&mut fixed, edits);
    }
    verbatim(&text)
}

/// Line breaks as `\n`, no blank lines at either end, no trailing spaces at the end.
fn normalize(text: &str) -> String {
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut lines: Vec<&str> = text.trim_end().split('\n').collect();
    while lines.first().is_some_and(|l| l.trim().is_empty()) {
        lines.remove(0);
    }
    lines.join("\n")
}

/// A change to the text: replace `remove` bytes at `at` with `insert`.
struct Edit {
    at: usize,
    remove: usize,
    insert: String,
}

fn apply(text: &mut String, mut edits: Vec<Edit>) {
    edits.sort_by_key(|e| std::cmp::Reverse(e.at));
    let mut last = usize::MAX;
    for e in edits {
        // Two edits at one place would come from one construct seen twice; keep one.
        if e.at == last {
            continue;
        }
        text.replace_range(e.at..e.at + e.remove, &e.insert);
        last = e.at;
    }
}

fn leading_blanks(text: &str) -> usize {
    text.len() - text.trim_start_matches([' ', '\t']).len()
}

/// What in `text` would break the document's outline, as edits that fix it. On the first
/// pass every ATX heading moves down; later passes move only the headings that earlier edits
/// uncovered (those still above the entry's level). `None` when no edit can fix it.
fn problems(text: &str, first: bool) -> Option<Vec<Edit>> {
    let mut edits = Vec::new();
    for (event, range) in Parser::new_ext(text, Options::empty()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                let level = level as usize;
                let start = range.start + leading_blanks(&text[range.clone()]);
                let hashes = text[start..].len() - text[start..].trim_start_matches('#').len();
                let after = text[start + hashes..].chars().next();
                let atx =
                    hashes == level && after.is_none_or(|c| c == ' ' || c == '\t' || c == '\n');
                if atx {
                    if first || level < LOWEST_BODY_LEVEL {
                        let new = (level + SHIFT).min(6);
                        edits.push(Edit {
                            at: start,
                            remove: hashes,
                            insert: "#".repeat(new),
                        });
                    }
                } else if let Some(at) = underline(text, range) {
                    edits.push(Edit {
                        at,
                        remove: 0,
                        insert: "\\".into(),
                    });
                }
            }
            Event::Start(Tag::HtmlBlock) => {
                let start = range.start + leading_blanks(&text[range.clone()]);
                if text[start..].starts_with('<') {
                    edits.push(Edit {
                        at: start,
                        remove: 1,
                        insert: "&lt;".into(),
                    });
                }
            }
            _ => {}
        }
    }
    if edits.is_empty()
        && let Some(fix) = open_end(text)
    {
        edits.push(fix?);
    }
    Some(edits)
}

/// Where the `===` or `---` underlining a setext heading starts.
fn underline(text: &str, range: std::ops::Range<usize>) -> Option<usize> {
    let part = text[range.clone()].trim_end_matches([' ', '\t', '\n']);
    let last = part.chars().last().filter(|c| *c == '=' || *c == '-')?;
    let run = part.len() - part.trim_end_matches(last).len();
    Some(range.start + part.len() - run)
}

/// Whether something in `text` runs on into whatever follows it (a heading written after it
/// would not be a heading); if so, the fence that closes it, or `Some(None)` when it is not an
/// open fence.
fn open_end(text: &str) -> Option<Option<Edit>> {
    let probe = format!("{text}\n\n### end\n");
    let probe_at = text.len() + 2;
    let mut last_fence = None;
    for (event, range) in Parser::new_ext(&probe, Options::empty()).into_offset_iter() {
        match event {
            Event::Start(Tag::Heading { .. }) if range.start == probe_at => return None,
            Event::Start(Tag::CodeBlock(pulldown_cmark::CodeBlockKind::Fenced(_))) => {
                last_fence = Some(range.start + leading_blanks(&probe[range.clone()]));
            }
            _ => {}
        }
    }
    let Some(rest) = last_fence.map(|at| &text[at..]) else {
        return Some(None);
    };
    let Some(c) = rest.chars().next().filter(|c| *c == '`' || *c == '~') else {
        return Some(None);
    };
    let n = rest.len() - rest.trim_start_matches(c).len();
    Some(Some(Edit {
        at: text.len(),
        remove: 0,
        insert: format!("\n{}", c.to_string().repeat(n)),
    }))
}

/// The text word for word as a code block, fenced with more tildes than it holds in a row.
fn verbatim(text: &str) -> String {
    let mut longest = 0;
    let mut run = 0;
    for c in text.chars() {
        run = if c == '~' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "~".repeat((longest + 1).max(3));
    format!("{fence}\n{text}\n{fence}")
}

/// "Saturday 21 November 2026".
pub fn long_day(day: NaiveDate) -> String {
    day.format("%A %-d %B %Y").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::Strategy;
    use pulldown_cmark::HeadingLevel;

    /// (level, text) of every heading, and whether the final probe heading survived.
    fn headings(doc: &str) -> Vec<(usize, String)> {
        let mut out = Vec::new();
        let mut current: Option<(usize, String)> = None;
        for event in Parser::new_ext(doc, Options::empty()) {
            match event {
                Event::Start(Tag::Heading { level, .. }) => {
                    current = Some((level as usize, String::new()));
                }
                Event::Text(t) | Event::Code(t) => {
                    if let Some((_, s)) = current.as_mut() {
                        s.push_str(&t);
                    }
                }
                Event::End(pulldown_cmark::TagEnd::Heading(_)) => out.extend(current.take()),
                _ => {}
            }
        }
        out
    }

    fn check(text: &str) -> String {
        let fixed = body(text);
        let doc = format!("### entry\n\n{fixed}\n\n### next\n");
        let hs = headings(&doc);
        assert_eq!(hs.first(), Some(&(3, "entry".to_string())), "{doc}");
        assert_eq!(hs.last(), Some(&(3, "next".to_string())), "{doc}");
        for (level, t) in &hs[1..hs.len() - 1] {
            assert!(*level >= 4, "heading {t:?} at level {level} in {doc}");
        }
        let html = Parser::new_ext(&doc, Options::empty())
            .any(|e| matches!(e, Event::Start(Tag::HtmlBlock)));
        assert!(!html, "an HTML block in {doc}");
        fixed
    }

    #[test]
    fn headings_move_below_the_entry() {
        assert_eq!(check("# Title\ntext"), "#### Title\ntext");
        assert_eq!(
            check("## a\n### b\n#### c\n###### d"),
            "##### a\n###### b\n###### c\n###### d"
        );
        assert_eq!(
            check("#\n#hashtag not a heading"),
            "####\n#hashtag not a heading"
        );
        assert_eq!(check("> # quoted"), "> #### quoted");
        assert_eq!(check("- # in a list"), "- #### in a list");
        assert_eq!(
            check("- a\n  - b\n\n    # deep"),
            "- a\n  - b\n\n    #### deep"
        );
        assert_eq!(
            check("```\n# not a heading\n```"),
            "```\n# not a heading\n```"
        );
        assert_eq!(check("    # indented code"), "    # indented code");
        assert_eq!(HeadingLevel::H4 as usize, 4);
    }

    #[test]
    fn underlines_and_rules_keep_their_text() {
        assert_eq!(check("Title\n---\nmore"), "Title\n\\---\nmore");
        assert_eq!(check("Title\n==="), "Title\n\\===");
        assert_eq!(check("> a\n> ---"), "> a\n> \\---");
        assert_eq!(check("a\n\n---\n\nb"), "a\n\n---\n\nb");
        assert_eq!(check("---"), "---");
        assert_eq!(check("#x\n==="), "#x\n\\===");
    }

    #[test]
    fn html_blocks_are_shown_not_obeyed() {
        assert_eq!(check("<div>\nhi\n</div>"), "&lt;div>\nhi\n&lt;/div>");
        assert_eq!(
            check("<!-- never closed\n\nmore"),
            "&lt;!-- never closed\n\nmore"
        );
        assert_eq!(check("<div>\n# x\n</div>"), "&lt;div>\n#### x\n&lt;/div>");
        assert_eq!(check("<script>\n\n# x"), "&lt;script>\n\n#### x");
        assert_eq!(check("a <b>bold</b> inline"), "a <b>bold</b> inline");
    }

    #[test]
    fn open_fences_are_closed() {
        assert_eq!(check("```rust\nfn x() {}"), "```rust\nfn x() {}\n```");
        assert_eq!(check("~~~~\n# x\n~~~"), "~~~~\n# x\n~~~\n~~~~");
        assert_eq!(check("> ```\n> code"), "> ```\n> code");
        assert_eq!(check("- ```\n  code"), "- ```\n  code");
    }

    #[test]
    fn text_is_tidied_only_at_its_ends() {
        assert_eq!(check("\n\n  \nHello\r\nthere\r\n\n  "), "Hello\nthere");
        assert_eq!(check(""), "");
        assert_eq!(verbatim("a ~~~ b"), "~~~~\na ~~~ b\n~~~~");
    }

    const PIECES: [&str; 34] = [
        "# h",
        "## h",
        "###### h",
        "#",
        "#x",
        "---",
        "===",
        "***",
        "- - -",
        "  ---  ",
        "text",
        "<div>",
        "</div>",
        "<!--",
        "-->",
        "<pre>",
        "</pre>",
        "<script>",
        "<?php",
        "<![CDATA[",
        "```",
        "```rust",
        "~~~",
        "````",
        "> ",
        "> # q",
        "> ```",
        "- ",
        "- # l",
        "1. ",
        "    # code",
        "",
        "\\",
        "[a]: /b",
    ];

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(2000))]

        #[test]
        fn no_text_can_break_the_outline(
            lines in proptest::collection::vec(
                proptest::prop_oneof![
                    proptest::sample::select(PIECES.to_vec()).prop_map(str::to_string),
                    proptest::collection::vec(proptest::sample::select(PIECES.to_vec()), 1..4)
                        .prop_map(|p| p.concat()),
                    "\\PC{0,12}",
                ],
                0..14,
            )
        ) {
            check(&lines.join("\n"));
        }
    }

    #[test]
    fn inline_text_cannot_format() {
        assert_eq!(
            inline("a *b*\n<c> #d [e]"),
            "a \\*b\\* \\<c\\> \\#d \\[e\\]"
        );
    }
}
