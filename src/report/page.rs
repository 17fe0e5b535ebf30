//! The page around the charts: a kind header, the period at a glance, the chart sections,
//! the insights with the entries they rest on, milestones, and the note that this is not
//! therapy. One string of HTML with its style inline.

use std::collections::HashMap;
use std::fmt::Write;

use chrono::Datelike;

use crate::store::report::Glimpse;
use crate::summary::model::{Insight, Summary};

use super::signals::{self, Kind};
use super::svg::{BEFORE, MOOD_FILLS, esc, full_day, long_day, plural};
use super::{GLIMPSES_PER_INSIGHT, ReportData, charts, heatmap};

/// How the period was chosen, in words: "the last 30 days (23 Oct – 21 Nov 2026)",
/// "all your writing (…)", or just the dates for `--from`/`--to`.
pub fn period_words(s: &Summary) -> String {
    let dates = range(s);
    let code = s.period.span.as_deref().unwrap_or("");
    let (n, unit) = code.split_at(code.len().saturating_sub(1));
    let many = |one: &str, many: &str| {
        if n == "1" {
            format!("the last {one}")
        } else {
            format!("the last {n} {many}")
        }
    };
    let words = match (code, unit) {
        ("all", _) => "all your writing".to_string(),
        ("1d", _) => "today".to_string(),
        (_, "d") => many("day", "days"),
        (_, "w") => many("week", "weeks"),
        (_, "m") => many("month", "months"),
        (_, "y") => many("year", "years"),
        _ => return dates,
    };
    format!("{words} ({dates})")
}

/// "1 Nov – 30 Nov 2026", "23 Oct 2025 – 21 Nov 2026", or one day.
fn range(s: &Summary) -> String {
    let (from, to) = (s.period.from, s.period.to);
    if from == to {
        to.format("%-d %b %Y").to_string()
    } else if from.year() == to.year() {
        format!("{} – {}", from.format("%-d %b"), to.format("%-d %b %Y"))
    } else {
        format!("{} – {}", from.format("%-d %b %Y"), to.format("%-d %b %Y"))
    }
}

/// "the 30 days before", or `None` when there is nothing before to compare with: the same
/// words as the summary's.
fn before(s: &Summary) -> Option<String> {
    crate::summary::words::before(s)
}

const STYLE: &str = r#"
:root { --ink: #1f2933; --muted: #52606d; --line: #d9e2ec; --bg: #f5f7fa; --blue: #2f6fab; }
* { box-sizing: border-box; }
body { margin: 0; background: var(--bg); color: var(--ink);
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
main { max-width: 940px; margin: 0 auto; padding: 36px 20px 56px; }
header h1 { font-size: 1.85rem; font-weight: 600; margin: 0 0 6px; letter-spacing: -0.01em; }
header p { margin: 0; color: var(--muted); }
h2 { font-size: 1.2rem; font-weight: 600; margin: 0 0 6px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 12px;
  padding: 20px 24px; margin: 18px 0; }
.lead { color: var(--muted); margin: 0 0 12px; max-width: 70ch; }
.glance { display: grid; grid-template-columns: repeat(auto-fit, minmax(170px, 1fr)); gap: 12px; margin: 22px 0 0; }
.glance div { background: #fff; border: 1px solid var(--line); border-radius: 10px; padding: 12px 16px; }
.glance b { display: block; font-size: 1.5rem; font-weight: 600; }
.glance span { color: var(--muted); font-size: 0.9rem; }
.notice { background: #eef4fb; border-color: #c9dcf0; }
figure { margin: 0; }
svg.chart { width: 100%; height: auto; display: block; overflow: visible; }
svg text { font-family: inherit; font-size: 12px; fill: var(--muted); }
svg text.label { font-size: 13px; fill: var(--ink); }
svg text.value { font-size: 12px; fill: var(--ink); }
svg text.n { font-size: 11px; fill: #7b8794; }
svg text.note { font-size: 11px; fill: #7b8794; }
svg text.empty { font-size: 14px; fill: var(--muted); }
.grid { stroke: #e4e7eb; stroke-width: 1; }
.baseline { stroke: #bcccdc; stroke-width: 1; }
.average { stroke: #7b8794; stroke-width: 1; stroke-dasharray: 4 4; }
.gap { fill: #f3f4f6; }
.mood-line { fill: none; stroke: #3182bd; stroke-width: 2.5; stroke-linejoin: round; stroke-linecap: round; }
.point { fill: #08519c; stroke: #fff; stroke-width: 1.5; }
.bar { fill: #3182bd; }
.before-mark { stroke: BEFORE; stroke-width: 3; stroke-linecap: round; }
.period { stroke: #7b8794; stroke-width: 2; }
.day { stroke: none; }
.nw { fill: #ebedf0; }
.nm { fill: #fff; stroke: #7b8794; stroke-width: 1.2; }
.m1 { fill: M1; } .m2 { fill: M2; } .m3 { fill: M3; } .m4 { fill: M4; } .m5 { fill: M5; }
details { margin-top: 10px; }
summary { cursor: pointer; color: var(--blue); font-size: 0.95rem; }
.table-wrap { overflow-x: auto; margin-top: 8px; }
table { border-collapse: collapse; font-size: 0.88rem; font-variant-numeric: tabular-nums; }
caption { text-align: left; color: var(--muted); padding: 4px 0 6px; }
th, td { padding: 3px 12px 3px 0; border-bottom: 1px solid #edf0f3; text-align: right; vertical-align: top; }
th:first-child, td:first-child { text-align: left; }
table.entries th, table.entries td { text-align: left; }
table.entries td:nth-child(2) { white-space: nowrap; }
thead th { color: var(--muted); font-weight: 600; }
tbody th { font-weight: 500; }
ol.insights { padding-left: 1.2em; margin: 0; }
ol.insights > li { margin: 0 0 14px; }
.ids { color: var(--muted); font-size: 0.88rem; }
ul.milestones { padding-left: 1.2em; margin: 0; }
footer { margin-top: 28px; color: var(--muted); font-size: 0.95rem; max-width: 70ch; }
footer p { margin: 0 0 10px; }
@media print {
  body { background: #fff; font-size: 11pt; }
  main { max-width: none; padding: 0; }
  .card { border: none; padding: 0; margin: 0 0 18px; }
  .glance div { break-inside: avoid; }
  figure, .lead, li { break-inside: avoid; }
  h2, .lead { break-after: avoid; }
  details.numbers { display: none; }
  details.evidence::details-content { content-visibility: visible; display: block; }
  details.evidence > summary { list-style: none; color: var(--muted); }
}
"#;

fn style() -> String {
    let mut css = STYLE.replace("stroke: BEFORE", &format!("stroke: {BEFORE}"));
    for (i, fill) in MOOD_FILLS.iter().enumerate() {
        css = css.replace(&format!("fill: M{};", i + 1), &format!("fill: {fill};"));
    }
    css
}

/// The whole report as one HTML document.
pub fn html(data: &ReportData) -> String {
    let s = &data.summary;
    let before = before(s);
    let mut out = String::with_capacity(64 * 1024);
    let title = if s.period.from == s.period.to {
        format!("What you wrote on {}", full_day(s.period.to))
    } else {
        format!(
            "What you wrote between {} and {}",
            if s.period.from.year() == s.period.to.year() {
                s.period.from.format("%-d %B").to_string()
            } else {
                full_day(s.period.from)
            },
            full_day(s.period.to)
        )
    };
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"/>\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\
         <meta name=\"robots\" content=\"noindex\"/>\
         <title>{}</title><style>{}</style></head>\n<body><main>\n",
        esc(&if data.discreet {
            // Seen in tabs and window lists: nothing of the subject, nor mend's name.
            "Notes".to_string()
        } else {
            format!("{title} — mend")
        }),
        style()
    );
    let mut sub = String::new();
    let words = period_words(s);
    sub.push_str(&capitalise(&words));
    if let Some(b) = &before {
        let _ = write!(sub, ", compared with {b}");
    }
    let _ = write!(sub, ". Made by mend on {}.", full_day(data.made));
    let _ = writeln!(
        out,
        "<header><h1>{}</h1><p>{}</p>{}</header>",
        esc(&title),
        esc(&sub),
        glance(s, before.is_some())
    );
    if s.entries == 0 {
        out.push_str(
            "<section class=\"card notice\"><p>Nothing was written in this period yet. When \
             there is, the charts below fill in. Every entry counts, however short.</p></section>\n",
        );
    } else if !s.enough_writing {
        out.push_str(
            "<section class=\"card notice\"><p>There is not much writing here yet, so this report \
             only shows what is there and names no patterns — they start to show after about two \
             weeks of days written. Everything you write counts.</p></section>\n",
        );
    }
    out.push_str(&charts::mood_over_time(s));
    out.push_str(&heatmap::year(s, &data.days, data.week_start));
    out.push_str(&charts::mood_by_weekday(s, data.week_start));
    out.push_str(&charts::feelings(s, before.as_deref()));
    out.push_str(&signals::section(
        s,
        &data.weekly,
        Kind::Themes,
        before.as_deref(),
    ));
    out.push_str(&signals::section(
        s,
        &data.weekly,
        Kind::Signs,
        before.as_deref(),
    ));
    out.push_str(&super::practices::section(s));
    out.push_str(&insights(s, &data.glimpses));
    out.push_str(&milestones(s));
    out.push_str(FOOTER);
    out.push_str("</main></body></html>\n");
    out
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The period at a glance: entries, days written, mood, longest run.
fn glance(s: &Summary, compare: bool) -> String {
    let tile = |value: String, what: String| {
        format!(
            "<div><b>{}</b><span>{}</span></div>",
            esc(&value),
            esc(&what)
        )
    };
    let mut out = String::from("<div class=\"glance\">");
    let entries_note = if compare {
        format!("entries (before: {})", s.previous_entries)
    } else {
        "entries".to_string()
    };
    out.push_str(&tile(s.entries.to_string(), entries_note));
    out.push_str(&tile(
        s.days_written.to_string(),
        format!("of {} written", plural(s.period.days, "day", "days")),
    ));
    let mood = match s.mood.average {
        Some(a) => format!("{a:.1}"),
        None => "—".to_string(),
    };
    let mood_note = match (compare, s.mood.previous_average) {
        (true, Some(p)) => format!(
            "average mood, n={} (before: {p:.1}, n={})",
            s.mood.n, s.mood.previous_n
        ),
        _ => format!("average mood, n={}", s.mood.n),
    };
    out.push_str(&tile(mood, mood_note));
    out.push_str(&tile(
        s.streak.longest.to_string(),
        "longest run of days in a row".to_string(),
    ));
    out.push_str("</div>");
    out
}

/// Each insight with the entries it rests on: id, day, mood, tags and first words.
fn insights(s: &Summary, glimpses: &[Glimpse]) -> String {
    let mut out = String::from(
        "<section class=\"card\" id=\"insights\" aria-labelledby=\"insights-h\">\
         <h2 id=\"insights-h\">What stood out</h2>",
    );
    if !s.enough_writing {
        out.push_str(
            "<p class=\"lead\">Patterns are only named once at least two weeks of days are \
             written in a period, so none are named here.</p></section>\n",
        );
        return out;
    }
    if s.insights.is_empty() {
        let _ = writeln!(
            out,
            "<p class=\"lead\">{}</p></section>",
            esc(crate::summary::words::NOTHING_STOOD_OUT)
        );
        return out;
    }
    out.push_str(
        "<p class=\"lead\">mend names a pattern only when there is enough writing behind it. \
         Under each one are the entries it rests on, so you can read them again.</p>\
         <ol class=\"insights\">",
    );
    let by_id: HashMap<i64, &Glimpse> = glimpses.iter().map(|g| (g.id, g)).collect();
    for insight in &s.insights {
        out.push_str(&insight_item(insight, &by_id, s.tests));
    }
    out.push_str("</ol></section>\n");
    out
}

fn insight_item(insight: &Insight, by_id: &HashMap<i64, &Glimpse>, tests: u32) -> String {
    let n = insight.entries.len() as u32;
    let how = insight.evidence.as_ref().map_or(String::new(), |e| {
        format!(
            "<p class=\"ids\">{}</p>",
            esc(&crate::summary::words::evidence_line(e, tests))
        )
    });
    let mut out = format!(
        "<li><p>{}</p>{how}<details class=\"evidence\"><summary>The {} it rests on</summary>",
        esc(&insight.text),
        plural(n, "entry", "entries")
    );
    let rows: Vec<String> = insight
        .entries
        .iter()
        .take(GLIMPSES_PER_INSIGHT)
        .filter_map(|id| by_id.get(id))
        .map(|g| {
            let tags: Vec<String> = g.tags.iter().map(|t| format!("#{t}")).collect();
            let words = crate::render::terminal::first_words(&g.head, 90);
            format!(
                "<tr><th scope=\"row\">{}</th><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                g.id,
                esc(&long_day(g.day)),
                g.mood.map_or("—".to_string(), |m| m.to_string()),
                esc(&tags.join(" ")),
                esc(&words)
            )
        })
        .collect();
    let _ = write!(
        out,
        "<div class=\"table-wrap\"><table class=\"entries\"><caption>Entries behind this (id, day, mood, tags, first words)</caption>\
         <thead><tr><th scope=\"col\">Entry</th><th scope=\"col\">Day</th><th scope=\"col\">Mood</th>\
         <th scope=\"col\">Tags</th><th scope=\"col\">First words</th></tr></thead><tbody>{}</tbody></table></div>",
        rows.join("")
    );
    if insight.entries.len() > GLIMPSES_PER_INSIGHT {
        let rest: Vec<String> = insight
            .entries
            .iter()
            .zip(&insight.days)
            .skip(GLIMPSES_PER_INSIGHT)
            .map(|(id, day)| format!("#{id} ({day})"))
            .collect();
        let _ = write!(
            out,
            "<p class=\"ids\">And {}: {}</p>",
            plural(rest.len() as u32, "more", "more"),
            esc(&rest.join(", "))
        );
    }
    out.push_str("</details></li>");
    out
}

/// Entries tagged win or progress.
fn milestones(s: &Summary) -> String {
    if s.milestones.is_empty() {
        return String::new();
    }
    let mut out = String::from(
        "<section class=\"card\" id=\"milestones\" aria-labelledby=\"milestones-h\">\
         <h2 id=\"milestones-h\">Wins and progress</h2>",
    );
    let _ = write!(
        out,
        "<p class=\"lead\">Entries you tagged win or progress ({}).</p><ul class=\"milestones\">",
        s.milestones_total
    );
    for m in &s.milestones {
        let _ = write!(
            out,
            "<li>{} — {} <span class=\"ids\">(entry {})</span></li>",
            esc(&long_day(m.day)),
            esc(&m.text),
            m.id
        );
    }
    if s.milestones_total as usize > s.milestones.len() {
        let _ = write!(
            out,
            "<li class=\"ids\">and {} earlier</li>",
            s.milestones_total as usize - s.milestones.len()
        );
    }
    out.push_str("</ul></section>\n");
    out
}

const FOOTER: &str = "<footer>\
<p>This report describes what you wrote; it does not say who you are, and it is not a diagnosis. \
mend is a journal, not therapy. If things feel heavy, a counsellor or therapist, or someone you \
trust, can help in ways a journal cannot. If you are in danger or thinking of harming yourself, \
please call your local emergency number or a crisis line now.</p>\
<p>Everything here came from the journal on your computer, and this file holds your words in \
plain text. Keep it somewhere private, and delete copies you no longer need.</p>\
</footer>\n";
