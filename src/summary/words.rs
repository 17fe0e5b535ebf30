//! The phrasing every output shares (terminal text, Markdown and the HTML report): warm,
//! plain, descriptive sentences, each figure with its n in days. Nothing here judges; it only
//! says what the writing shows. The claims' sentences are made here too, once, and carried
//! in each insight's `text`.

use chrono::{Datelike, NaiveDate};

use super::model::{Evidence, Language, Measure, Summary, Trend, WeekMood};
use super::rules::{Finding, GroupKind};

/// The line every summary ends with.
pub const CLOSING: &str = "This describes what you wrote, not who you are. It is not a diagnosis;\n\
if things feel heavy, a counsellor or someone you trust can help.";

/// Said when the period holds too little to see any pattern.
pub const TOO_LITTLE: &str = "There is not enough writing here yet to see patterns — they start to \
show after about two weeks of days written. Everything you write counts.";

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
    let days = |d: u32, n: u32| {
        if d == n {
            plural(d, "day", "days")
        } else {
            format!(
                "{} ({})",
                plural(d, "day", "days"),
                plural(n, "entry", "entries")
            )
        }
    };
    let mut line = format!(
        "Average {} over {}",
        one(m.day_average.or(m.average)),
        days(m.days, m.n)
    );
    if let Some(b) = before(s).filter(|_| m.previous_n > 0) {
        line.push_str(&format!(
            "; {b}: {} over {}",
            one(m.previous_day_average.or(m.previous_average)),
            days(m.previous_days, m.previous_n)
        ));
    }
    match m.change {
        Trend::Up => line.push_str(" — higher than before"),
        Trend::Down => line.push_str(" — lower than before"),
        _ => {}
    }
    line
}

pub fn mood_trend_line(trend: Trend) -> &'static str {
    match trend {
        Trend::Up => "Higher in the second half of the period.",
        Trend::Down => "Lower in the second half of the period.",
        Trend::Flat => "No clear rise or fall over these weeks.",
        Trend::Unknown => {
            "Not enough days with a mood yet to see a direction (that needs 7 days in each half, over 4 weeks)."
        }
    }
}

pub fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn days_word(n: u32) -> &'static str {
    if n == 1 { "day" } else { "days" }
}

fn percent(share: f64) -> String {
    format!("{:.0}%", share * 100.0)
}

/// "Your mood was higher in the second half of this period: 2.8, then 3.6 (40 and 42 days)".
pub fn mood_trend_claim(f: &Finding) -> String {
    let word = if f.effect > 0.0 { "higher" } else { "lower" };
    let ([a, b], [na, nb]) = ([f.sides[0].1, f.sides[1].1], [f.sides[0].0, f.sides[1].0]);
    format!(
        "Your mood was {word} in the second half of this period: {a:.1}, then {b:.1} ({na} and {nb} {})",
        days_word(nb)
    )
}

/// "Your mood was lower than in the 30 days before: 2.2 vs 3.7 (21 and 24 days)".
pub fn mood_change_claim(f: &Finding, before: &str) -> String {
    let word = if f.effect > 0.0 { "higher" } else { "lower" };
    format!(
        "Your mood was {word} than in {before}: {:.1} vs {:.1} ({} and {} {})",
        f.sides[1].1,
        f.sides[0].1,
        f.sides[1].0,
        f.sides[0].0,
        days_word(f.sides[0].0)
    )
}

fn per_word_note(f: &Finding) -> &'static str {
    if f.length_adjusted {
        "; judged per word, as entries changed in length"
    } else {
        ""
    }
}

/// "Doubt came up less often in the second half of this period: on 40% of days, then 12%
/// (of 60 and 60 days)".
pub fn rate_trend_claim(label: &str, f: &Finding) -> String {
    let word = if f.effect > 0.0 { "more" } else { "less" };
    format!(
        "{label} came up {word} often in the second half of this period: on {} of days, then {} (of {} and {} days{})",
        percent(f.sides[0].1),
        percent(f.sides[1].1),
        f.sides[0].0,
        f.sides[1].0,
        per_word_note(f)
    )
}

/// "Resentment came up less often than in the 60 days before: on 8% of days vs 45% (of 52
/// and 55 days)".
pub fn rate_change_claim(label: &str, f: &Finding, before: &str) -> String {
    let word = if f.effect > 0.0 { "more" } else { "less" };
    format!(
        "{label} came up {word} often than in {before}: on {} of days vs {} (of {} and {} days{})",
        percent(f.sides[1].1),
        percent(f.sides[0].1),
        f.sides[1].0,
        f.sides[0].0,
        per_word_note(f)
    )
}

const WEEKDAY_PLURALS: [(&str, &str); 7] = [
    ("Mon", "Mondays"),
    ("Tue", "Tuesdays"),
    ("Wed", "Wednesdays"),
    ("Thu", "Thursdays"),
    ("Fri", "Fridays"),
    ("Sat", "Saturdays"),
    ("Sun", "Sundays"),
];

/// "Days tagged walk had a higher mood: 4.1 vs 3.0 (12 vs 30 days)".
pub fn mood_with_claim(group: GroupKind, label: &str, f: &Finding) -> String {
    let word = if f.effect > 0.0 { "higher" } else { "lower" };
    let figures = format!(
        "{:.1} vs {:.1} ({} vs {} days)",
        f.sides[0].1, f.sides[1].1, f.sides[0].0, f.sides[1].0
    );
    match group {
        GroupKind::Tag => format!("Days tagged {label} had a {word} mood: {figures}"),
        GroupKind::Feeling => format!("Days with the feeling {label} had a {word} mood: {figures}"),
        GroupKind::Theme => format!("Days touching on {label} had a {word} mood: {figures}"),
        GroupKind::Weekday => {
            let days = WEEKDAY_PLURALS
                .iter()
                .find(|(d, _)| *d == label)
                .map_or(label, |(_, plural)| plural);
            format!("{days} had a {word} mood than other days of the same weeks: {figures}")
        }
        GroupKind::Prompt => {
            format!("Days you answered a prompt had a {word} mood than other days: {figures}")
        }
    }
}

/// "The tag walk began around the time your mood rose; mend cannot tell them apart."
pub fn tangle_note(group: GroupKind, label: &str, late: bool, mood_rose: bool) -> String {
    let subject = match group {
        GroupKind::Tag => format!("The tag {label}"),
        GroupKind::Feeling => format!("The feeling {label}"),
        GroupKind::Theme => format!("The theme {label}"),
        GroupKind::Prompt => "Answering prompts".to_string(),
        GroupKind::Weekday => label.to_string(),
    };
    let began = if late { "began" } else { "eased off" };
    let moved = if mood_rose { "rose" } else { "fell" };
    format!("{subject} {began} around the time your mood {moved}; mend cannot tell them apart")
}

/// Under `--explain`: the test, its corrected p-value and the interval.
pub fn evidence_line(e: &Evidence, tests: u32) -> String {
    let points = |x: f64| format!("{x:+.2}");
    format!(
        "{}; p = {} after Holm's correction over {} {} (p = {} before); difference {} (90% interval {} to {}){}",
        capitalise(&e.method),
        p_value(e.p_adjusted),
        tests,
        if tests == 1 { "test" } else { "tests" },
        p_value(e.p),
        points(e.difference),
        points(e.interval[0]),
        points(e.interval[1]),
        if e.per_word {
            "; rates compared per word"
        } else {
            ""
        }
    )
}

fn p_value(p: f64) -> String {
    if p < 0.0001 {
        "< 0.0001".to_string()
    } else {
        format!("{p:.4}")
    }
}

/// Under `--explain`: the entries grouped by day, "2026-11-02: 12, 13 · 2026-11-05: 15".
pub fn by_day(entries: &[i64], days: &[NaiveDate], max_days: usize) -> String {
    let mut groups: Vec<(NaiveDate, Vec<i64>)> = Vec::new();
    for (id, day) in entries.iter().zip(days) {
        match groups.last_mut() {
            Some((d, ids)) if d == day => ids.push(*id),
            _ => groups.push((*day, vec![*id])),
        }
    }
    let shown: Vec<String> = groups
        .iter()
        .take(max_days)
        .map(|(d, ids)| {
            let ids: Vec<String> = ids.iter().map(i64::to_string).collect();
            format!("{d}: {}", ids.join(", "))
        })
        .collect();
    let mut text = format!(
        "rests on {} over {} {}: {}",
        if entries.len() == 1 {
            "1 entry".to_string()
        } else {
            format!("{} entries", entries.len())
        },
        groups.len(),
        days_word(groups.len() as u32),
        shown.join(" · ")
    );
    if groups.len() > max_days {
        text.push_str(&format!(
            " · and {} more days (all are listed by --json)",
            groups.len() - max_days
        ));
    }
    text
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

/// "12 entries on 9 days (30% of days)  ↑ from 3 (10%)" — the arrow only when the change
/// of the share of days passed the test; otherwise "(before: 3, 10%)". Just the counts with
/// nothing before.
pub fn count_change(rate: &super::model::Rate, count: u32, previous: u32, compare: bool) -> String {
    let now = format!(
        "{} on {}{}",
        plural(count, "entry", "entries"),
        plural(rate.days, "day", "days"),
        rate.share
            .map_or(String::new(), |v| format!(" ({})", percent(v)))
    );
    if !compare {
        return now;
    }
    let before = format!(
        "{previous}{}",
        rate.previous_share
            .map_or(String::new(), |v| format!(", {}", percent(v)))
    );
    match rate.change {
        Trend::Up => format!("{now}  ↑ from {before}"),
        Trend::Down => format!("{now}  ↓ from {before}"),
        _ => format!("{now}  (before: {before})"),
    }
}

/// The phrase for a direction within the period, when one is claimed.
pub fn signal_trend(trend: Trend) -> Option<&'static str> {
    match trend {
        Trend::Up => Some("more often in the second half"),
        Trend::Down => Some("less often in the second half"),
        _ => None,
    }
}

/// The phrase for a direction over the period, as the HTML report words it.
pub fn over_period(trend: Trend) -> Option<&'static str> {
    match trend {
        Trend::Up => Some("came up more often in the second half of the period"),
        Trend::Down => Some("came up less often in the second half of the period"),
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
    fn arrows_come_from_the_test_not_the_counts() {
        let rate = |change| super::super::model::Rate {
            days: 9,
            previous_days: 3,
            share: Some(0.3),
            previous_share: Some(0.28),
            per_1000_words: None,
            previous_per_1000_words: None,
            trend: Trend::Flat,
            change,
        };
        assert_eq!(
            count_change(&rate(Trend::Flat), 12, 8, true),
            "12 entries on 9 days (30%)  (before: 8, 28%)"
        );
        assert_eq!(
            count_change(&rate(Trend::Up), 12, 8, true),
            "12 entries on 9 days (30%)  ↑ from 8, 28%"
        );
        assert_eq!(
            count_change(&rate(Trend::Flat), 12, 8, false),
            "12 entries on 9 days (30%)"
        );
    }

    #[test]
    fn explain_groups_entries_by_day() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        assert_eq!(
            by_day(
                &[1, 2, 5],
                &[d("2026-11-01"), d("2026-11-01"), d("2026-11-03")],
                10
            ),
            "rests on 3 entries over 2 days: 2026-11-01: 1, 2 · 2026-11-03: 5"
        );
    }
}
