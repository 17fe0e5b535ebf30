//! The phrasing the text and Markdown views share: warm, plain, descriptive sentences, each
//! figure with its n. Nothing here judges; it only says what the writing shows.

use chrono::{Datelike, NaiveDate};

use super::model::{Language, Measure, Summary, Trend, WeekMood};

/// The line every summary ends with.
pub const CLOSING: &str = "This describes what you wrote, not who you are. It is not a diagnosis;\n\
if things feel heavy, a counsellor or someone you trust can help.";

/// Said when the period holds too little to see any pattern.
pub const TOO_LITTLE: &str = "There is not enough writing here yet to see patterns — they start to \
show after about ten entries. Everything you write counts.";

pub const NOTHING_STOOD_OUT: &str =
    "Nothing stood out clearly enough to call it a pattern this time. That is common, and fine.";

/// "1 Nov – 30 Nov 2026", "23 Oct 2025 – 21 Nov 2026", or "21 Nov 2026" for one day.
pub fn range(from: NaiveDate, to: NaiveDate) -> String {
    if from == to {
        to.format("%-d %b %Y").to_string()
    } else if from.year() == to.year() {
        format!("{} – {}", from.format("%-d %b"), to.format("%-d %b %Y"))
    } else {
        format!("{} – {}", from.format("%-d %b %Y"), to.format("%-d %b %Y"))
    }
}

fn unit(n: &str, one: &str, many: &str) -> String {
    if n == "1" {
        one.to_string()
    } else {
        format!("{n} {many}")
    }
}

/// The title and the phrase for the period before, from the span code ("30d", "all", …).
fn span_words(s: &Summary) -> (String, Option<String>) {
    let code = s.period.span.as_deref().unwrap_or("");
    let (n, kind) = code.split_at(code.len().saturating_sub(1));
    let (title, before) = match (kind, code) {
        (_, "all") => return ("All your writing".into(), None),
        ("d", _) if n == "1" => ("Today".to_string(), "the day before".to_string()),
        ("d", _) => (format!("Last {n} days"), format!("the {n} days before")),
        ("w", _) => (
            format!("Last {}", unit(n, "week", "weeks")),
            format!("the {} before", unit(n, "week", "weeks")),
        ),
        ("m", _) => (
            format!("Last {}", unit(n, "month", "months")),
            format!("the {} before", unit(n, "month", "months")),
        ),
        ("y", _) => (
            format!("Last {}", unit(n, "year", "years")),
            format!("the {} before", unit(n, "year", "years")),
        ),
        _ => (
            format!(
                "{} ({} days)",
                range(s.period.from, s.period.to),
                s.period.days
            ),
            format!("the {} days before", s.period.days),
        ),
    };
    (title, Some(before))
}

/// "Last 30 days", "All your writing", "1 Nov – 30 Nov 2026 (30 days)".
pub fn title(s: &Summary) -> String {
    span_words(s).0
}

/// "the 30 days before", or `None` when there is nothing before to compare with.
pub fn before(s: &Summary) -> Option<String> {
    span_words(s).1.filter(|_| s.previous_entries > 0)
}

/// The line under a Markdown title: the dates (unless the title has them) and what the
/// period is compared with.
pub fn subtitle(s: &Summary) -> Option<String> {
    let dates = s
        .period
        .span
        .is_some()
        .then(|| range(s.period.from, s.period.to));
    match (dates, before(s)) {
        (Some(d), Some(b)) => Some(format!("{d}, compared with {b}.")),
        (Some(d), None) => Some(format!("{d}.")),
        (None, Some(b)) => Some(format!("Compared with {b}.")),
        (None, None) => None,
    }
}

/// The opening line.
pub fn heading(s: &Summary) -> String {
    let title = title(s);
    let dates = if s.period.span.is_some() {
        format!("{title} ({})", range(s.period.from, s.period.to))
    } else {
        title
    };
    match before(s) {
        Some(b) => format!("{dates}, compared with {b}"),
        None => dates,
    }
}

pub fn plural(n: u32, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

pub fn writing_line(s: &Summary) -> String {
    let mut line = format!(
        "{} on {} of {}",
        plural(s.entries, "entry", "entries"),
        s.days_written,
        plural(s.period.days, "day", "days")
    );
    if let Some(b) = before(s) {
        line.push_str(&format!(
            " ({b}: {})",
            plural(s.previous_entries, "entry", "entries")
        ));
    }
    line
}

/// Streaks, said without pressure; `None` when there is no run worth mentioning.
pub fn streak_line(s: &Summary) -> Option<String> {
    // A period chosen with --from/--to may end in the past.
    let when = if s.period.span.is_some() {
        "recently"
    } else {
        "up to the end of this period"
    };
    let current = (s.streak.current >= 2)
        .then(|| format!("You wrote on {} days in a row {when}.", s.streak.current));
    let longest = (s.streak.longest >= 2 && s.streak.longest > s.streak.current).then(|| {
        format!(
            "Your longest run in this period was {} days.",
            s.streak.longest
        )
    });
    match (current, longest) {
        (None, None) => None,
        (a, b) => Some([a, b].into_iter().flatten().collect::<Vec<_>>().join(" ")),
    }
}

pub fn one(x: Option<f64>) -> String {
    x.map_or_else(|| "–".to_string(), |v| format!("{v:.1}"))
}

pub fn mood_line(s: &Summary) -> String {
    let m = &s.mood;
    if m.n == 0 {
        return "No mood noted in this period.".to_string();
    }
    let mut line = format!("Average {} (n={})", one(m.average), m.n);
    if let Some(b) = before(s).filter(|_| m.previous_n > 0) {
        line.push_str(&format!(
            "; {b}: {} (n={})",
            one(m.previous_average),
            m.previous_n
        ));
    }
    line
}

pub fn mood_trend_line(trend: Trend) -> &'static str {
    match trend {
        Trend::Up => "Higher in the second half of the period.",
        Trend::Down => "Lower in the second half of the period.",
        Trend::Flat => "No clear rise or fall over these weeks.",
        Trend::Unknown => {
            "Not enough weeks with a mood yet to see a direction (that needs 4 weeks and 10 moods)."
        }
    }
}

/// Weekday averages with their n, for days that have a mood.
pub fn weekday_parts(s: &Summary) -> Vec<String> {
    s.mood
        .by_weekday
        .iter()
        .filter(|w| w.n > 0)
        .map(|w| format!("{} {} (n={})", w.weekday, one(w.average), w.n))
        .collect()
}

const BARS: [char; 8] = ['▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// One mark per week (or per group of weeks for long periods), oldest first: ▁ (1) to
/// █ (5), and · for weeks without a mood. Returns the marks and the weeks per mark.
pub fn sparkline(weekly: &[WeekMood]) -> (String, usize) {
    let per = weekly.len().div_ceil(52).max(1);
    let marks = weekly
        .chunks(per)
        .map(|chunk| {
            let n: u32 = chunk.iter().map(|w| w.n).sum();
            let sum: f64 = chunk
                .iter()
                .map(|w| w.average.unwrap_or(0.0) * f64::from(w.n))
                .sum();
            if n == 0 {
                '·'
            } else {
                let level = ((sum / f64::from(n) - 1.0) / 4.0 * 7.0).round();
                BARS[level.clamp(0.0, 7.0) as usize]
            }
        })
        .collect();
    (marks, per)
}

/// "12  ↓ from 18", "3  ↑ from 0", "5  same as before", or just "12" with nothing before.
pub fn count_change(count: u32, previous: u32, compare: bool) -> String {
    if !compare {
        return count.to_string();
    }
    match count.cmp(&previous) {
        std::cmp::Ordering::Greater => format!("{count}  ↑ from {previous}"),
        std::cmp::Ordering::Less => format!("{count}  ↓ from {previous}"),
        std::cmp::Ordering::Equal => format!("{count}  same as before"),
    }
}

/// The phrase for a sign's or theme's direction within the period, when one is claimed.
pub fn signal_trend(trend: Trend) -> Option<&'static str> {
    match trend {
        Trend::Up => Some("more often in the second half"),
        Trend::Down => Some("less often in the second half"),
        _ => None,
    }
}

fn measure(m: &Measure, per_100: bool) -> String {
    let Some(v) = m.value else {
        return "–".to_string();
    };
    let mut text = if per_100 {
        format!("{v:.1} per 100 words")
    } else {
        format!("{v:.1}")
    };
    if let Some(p) = m.previous.filter(|_| m.previous_n > 0) {
        text.push_str(&format!(" (before {p:.1})"));
    }
    text
}

/// The language section: a line about n, then (label, figure) rows.
pub fn language_rows(
    l: &Language,
    before_words: Option<&str>,
) -> (String, Vec<(&'static str, String)>) {
    let n_line = match before_words.filter(|_| l.previous_n > 0) {
        Some(b) => format!(
            "From {} with a stored analysis ({b}: {}).",
            plural(l.n, "entry", "entries"),
            l.previous_n
        ),
        None => format!(
            "From {} with a stored analysis.",
            plural(l.n, "entry", "entries")
        ),
    };
    let ratio = match l.i_we_ratio.value {
        Some(v) => {
            let mut t = format!("{v:.1} to 1");
            if let Some(p) = l.i_we_ratio.previous.filter(|_| l.previous_n > 0) {
                t.push_str(&format!(" (before {p:.1} to 1)"));
            }
            t
        }
        None => "no \"we\" words yet".to_string(),
    };
    let rows = vec![
        ("Words per entry", measure(&l.words_per_entry, false)),
        ("Insight words", measure(&l.insight, true)),
        ("Cause words", measure(&l.causal, true)),
        ("Absolute words", measure(&l.absolutist, true)),
        ("Positive words", measure(&l.positive, true)),
        ("Negative words", measure(&l.negative, true)),
        ("\"I\" to \"we\"", ratio),
    ];
    (n_line, rows)
}

/// "rests on entries 12 (2026-11-02), 15 (2026-11-05)", the first `max` of them.
pub fn rests_on(entries: &[i64], days: &[NaiveDate], max: usize) -> String {
    let shown: Vec<String> = entries
        .iter()
        .zip(days)
        .take(max)
        .map(|(id, day)| format!("{id} ({day})"))
        .collect();
    let mut text = format!(
        "rests on {} {}",
        if entries.len() == 1 {
            "entry"
        } else {
            "entries"
        },
        shown.join(", ")
    );
    if entries.len() > max {
        text.push_str(&format!(
            ", and {} more (all are listed by --json)",
            entries.len() - max
        ));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    fn week(average: Option<f64>, n: u32) -> WeekMood {
        WeekMood {
            week_start: "2026-11-01".parse().unwrap(),
            average,
            n,
            entries: n,
        }
    }

    #[test]
    fn sparkline_marks_levels_and_gaps() {
        let weeks = [
            week(Some(1.0), 2),
            week(None, 0),
            week(Some(3.0), 1),
            week(Some(5.0), 4),
        ];
        assert_eq!(sparkline(&weeks), ("▁·▅█".to_string(), 1));
        let long: Vec<WeekMood> = (0..104).map(|_| week(Some(3.0), 1)).collect();
        let (marks, per) = sparkline(&long);
        assert_eq!((marks.chars().count(), per), (52, 2));
    }

    #[test]
    fn ranges_read_naturally() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(
            range(d("2026-11-01"), d("2026-11-30")),
            "1 Nov – 30 Nov 2026"
        );
        assert_eq!(
            range(d("2025-11-22"), d("2026-11-21")),
            "22 Nov 2025 – 21 Nov 2026"
        );
        assert_eq!(range(d("2026-11-21"), d("2026-11-21")), "21 Nov 2026");
    }

    #[test]
    fn counts_show_their_change() {
        assert_eq!(count_change(12, 18, true), "12  ↓ from 18");
        assert_eq!(count_change(3, 0, true), "3  ↑ from 0");
        assert_eq!(count_change(3, 0, false), "3");
    }
}
