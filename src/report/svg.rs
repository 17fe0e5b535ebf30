//! Small helpers for hand-written HTML and SVG: escaping, the colour palette, number and
//! date wording, and the frame every chart shares (a `role="img"` SVG with a title and a
//! description, a sentence for everyone, and a table with the same numbers).
//!
//! The markup is kept well-formed XML as well as HTML (every element closed, only the five
//! XML entities), so the tests can read the whole page with an XML parser.

use std::fmt::Write;

use chrono::NaiveDate;

/// Mood 1 (very low) … 5 (very good): a blue sequential scale that stays readable for
/// colour-blind readers (lightness carries the order, not hue).
pub const MOOD_FILLS: [&str; 5] = ["#c6dbef", "#9ecae1", "#6baed6", "#3182bd", "#08519c"];
/// The one accent beside blue: orange, told apart from blue by every kind of colour vision.
pub const BEFORE: &str = "#d95f02";

pub const MOOD_WORDS: [&str; 5] = ["very low", "low", "okay", "good", "very good"];

/// Text made safe for HTML and XML: `& < > " '` become entities, and control characters
/// (other than newline and tab) become U+FFFD, since neither format may carry them.
pub fn esc(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\n' | '\t' => out.push(c),
            c if c.is_control() || matches!(c, '\u{FFFE}' | '\u{FFFF}') => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// The CSS class of a mood: `m1` … `m5` (an average is rounded to the nearest step).
pub fn mood_class(mood: f64) -> String {
    format!("m{}", mood_step(mood))
}

/// 1 … 5 for an average mood.
pub fn mood_step(mood: f64) -> usize {
    mood.round().clamp(1.0, 5.0) as usize
}

/// One decimal: "3.4".
pub fn one(x: f64) -> String {
    format!("{x:.1}")
}

/// A coordinate: at most one decimal, no trailing ".0".
pub fn px(x: f64) -> String {
    let r = (x * 10.0).round() / 10.0;
    if r.fract() == 0.0 {
        format!("{}", r as i64)
    } else {
        format!("{r:.1}")
    }
}

pub fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// "3 Nov".
pub fn short_day(d: NaiveDate) -> String {
    d.format("%-d %b").to_string()
}

/// "Tue 3 Nov 2026".
pub fn long_day(d: NaiveDate) -> String {
    d.format("%a %-d %b %Y").to_string()
}

/// "3 November 2026".
pub fn full_day(d: NaiveDate) -> String {
    d.format("%-d %B %Y").to_string()
}

/// "3.4 (n=12)" or "no mood noted".
pub fn mood_with_n(average: Option<f64>, n: u32) -> String {
    match average {
        Some(a) if n > 0 => format!("{} (n={n})", one(a)),
        _ => "no mood noted".to_string(),
    }
}

/// A chart: the SVG element with its title and description, ready for shapes.
pub struct Chart {
    pub out: String,
}

impl Chart {
    /// Opens `<svg role="img">` labelled by its `<title>` and described by its `<desc>`.
    pub fn new(id: &str, width: u32, height: u32, title: &str, desc: &str) -> Chart {
        let mut out = String::new();
        let _ = write!(
            out,
            "<svg class=\"chart\" id=\"{id}-svg\" role=\"img\" viewBox=\"0 0 {width} {height}\" \
             aria-labelledby=\"{id}-title\" aria-describedby=\"{id}-desc\">\
             <title id=\"{id}-title\">{}</title><desc id=\"{id}-desc\">{}</desc>",
            esc(title),
            esc(desc)
        );
        Chart { out }
    }

    pub fn text(&mut self, x: f64, y: f64, class: &str, anchor: &str, content: &str) {
        let _ = write!(
            self.out,
            "<text x=\"{}\" y=\"{}\" class=\"{class}\" text-anchor=\"{anchor}\">{}</text>",
            px(x),
            px(y),
            esc(content)
        );
    }

    pub fn line(&mut self, x1: f64, y1: f64, x2: f64, y2: f64, class: &str) {
        let _ = write!(
            self.out,
            "<line x1=\"{}\" y1=\"{}\" x2=\"{}\" y2=\"{}\" class=\"{class}\"/>",
            px(x1),
            px(y1),
            px(x2),
            px(y2)
        );
    }

    /// A rectangle; `tip` becomes its `<title>` (shown on hover).
    pub fn rect(&mut self, x: f64, y: f64, w: f64, h: f64, class: &str, tip: Option<&str>) {
        let _ = write!(
            self.out,
            "<rect x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" class=\"{class}\"",
            px(x),
            px(y),
            px(w.max(0.0)),
            px(h.max(0.0))
        );
        match tip {
            Some(t) => {
                let _ = write!(self.out, "><title>{}</title></rect>", esc(t));
            }
            None => self.out.push_str("/>"),
        }
    }

    /// Raw markup (already escaped by the caller).
    pub fn raw(&mut self, markup: &str) {
        self.out.push_str(markup);
    }

    pub fn finish(mut self) -> String {
        self.out.push_str("</svg>");
        self.out
    }
}

/// A table: a caption, header cells, and rows of cells (all plain text, escaped here). The
/// first cell of each row is a row header.
pub fn table(caption: &str, head: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = String::from("<div class=\"table-wrap\"><table>");
    let _ = write!(out, "<caption>{}</caption><thead><tr>", esc(caption));
    for h in head {
        let _ = write!(out, "<th scope=\"col\">{}</th>", esc(h));
    }
    out.push_str("</tr></thead><tbody>");
    for row in rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            if i == 0 {
                let _ = write!(out, "<th scope=\"row\">{}</th>", esc(cell));
            } else {
                let _ = write!(out, "<td>{}</td>", esc(cell));
            }
        }
        out.push_str("</tr>");
    }
    out.push_str("</tbody></table></div>");
    out
}

/// A section holding one chart: heading, the sentence that says what it shows, the chart,
/// and its numbers in a table under a disclosure.
pub fn figure(id: &str, heading: &str, sentence: &str, chart: &str, numbers: &str) -> String {
    format!(
        "<section class=\"card\" id=\"{id}\" aria-labelledby=\"{id}-h\">\
         <h2 id=\"{id}-h\">{}</h2><p class=\"lead\">{}</p>\
         <figure>{chart}</figure>\
         <details class=\"numbers\"><summary>The numbers</summary>{numbers}</details></section>\n",
        esc(heading),
        esc(sentence)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_markup_and_control_characters() {
        assert_eq!(
            esc("<script>alert('x') & \"y\"</script>"),
            "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;"
        );
        assert_eq!(esc("a\u{1b}[31mb\u{0}"), "a\u{FFFD}[31mb\u{FFFD}");
        assert_eq!(esc("line\nnext\ttab"), "line\nnext\ttab");
    }

    #[test]
    fn numbers_and_moods() {
        assert_eq!(px(12.0), "12");
        assert_eq!(px(12.34), "12.3");
        assert_eq!(mood_class(3.49), "m3");
        assert_eq!(mood_class(4.5), "m5");
        assert_eq!(mood_with_n(Some(3.25), 4), "3.2 (n=4)");
        assert_eq!(mood_with_n(None, 0), "no mood noted");
        let t = table("c", &["a", "b"], &[vec!["<x>".into(), "1".into()]]);
        assert!(t.contains("<th scope=\"row\">&lt;x&gt;</th><td>1</td>"));
    }
}
