//! A small mood calendar for the terminal: the last twelve weeks, seven rows (Mon … Sun),
//! one column per week. With colour, each day is a block on a blue scale (256-colour ANSI);
//! without, its rounded mood as a digit. `○` marks a day written without a mood, `·` a day
//! without writing.

use std::collections::HashMap;

use chrono::{Datelike, Duration, NaiveDate};

use crate::render::terminal::Style;

use super::DayMood;
use super::svg::mood_step;

/// Weeks shown by `terminal_calendar`.
pub const TERMINAL_WEEKS: u32 = 12;

/// 256-colour codes for mood 1 … 5: light to deep blue, readable on dark and light
/// backgrounds and for colour-blind readers.
const MOOD_CODES: [u8; 5] = [153, 111, 75, 33, 25];
const GREY: u8 = 245;
const FAINT: u8 = 240;

fn paint(style: &Style, code: u8, text: &str) -> String {
    if style.color {
        format!("\x1b[38;5;{code}m{text}\x1b[0m")
    } else {
        text.to_string()
    }
}

/// The last twelve weeks of `days`, ending with the week of its latest day. `days` is what
/// `Journal::day_moods` returns (every day of a range, written or not); days missing from
/// it are shown blank. Empty input gives an empty string.
pub fn terminal_calendar(days: &[DayMood], style: &Style) -> String {
    match days.iter().map(|d| d.day).max() {
        Some(last) => terminal_calendar_ending(days, last, TERMINAL_WEEKS, style),
        None => String::new(),
    }
}

/// `weeks` columns (Monday to Sunday) ending with the week that holds `last`; days after
/// `last` are left blank.
pub fn terminal_calendar_ending(
    days: &[DayMood],
    last: NaiveDate,
    weeks: u32,
    style: &Style,
) -> String {
    let weeks = weeks.max(1);
    let by_day: HashMap<NaiveDate, &DayMood> = days.iter().map(|d| (d.day, d)).collect();
    let back = i64::from(last.weekday().num_days_from_monday()) + 7 * i64::from(weeks - 1);
    let Some(start) = last.checked_sub_signed(Duration::days(back)) else {
        return String::new();
    };
    let mut out = String::new();

    // Month names over the column where each month begins (two characters per column);
    // the first column is named after its own month when no month begins right after it.
    let mut labels: Vec<(usize, String)> = Vec::new();
    for w in 0..weeks as usize {
        let monday = start + Duration::days(7 * w as i64);
        if let Some(first) = (0..7)
            .map(|i| monday + Duration::days(i))
            .find(|d| d.day() == 1)
        {
            labels.push((w, first.format("%b").to_string()));
        }
    }
    if labels.first().is_none_or(|(w, _)| *w >= 2) {
        labels.insert(0, (0, start.format("%b").to_string()));
    }
    let mut header = String::from("    ");
    for (w, name) in labels {
        let at = 4 + 2 * w;
        if header.chars().count() <= at {
            header.push_str(&" ".repeat(at - header.chars().count()));
            header.push_str(&name);
        }
    }
    out.push_str(&header);
    out.push('\n');

    for row in 0..7 {
        let name = (start + Duration::days(row)).format("%a").to_string();
        let mut line = format!("{name} ");
        for w in 0..weeks {
            let day = start + Duration::days(7 * i64::from(w) + row);
            let cell = match by_day.get(&day) {
                _ if day > last => " ".to_string(),
                None => " ".to_string(),
                Some(d) if d.entries == 0 => paint(style, FAINT, "·"),
                Some(DayMood { mood: None, .. }) => paint(style, GREY, "○"),
                Some(DayMood { mood: Some(m), .. }) => {
                    let step = mood_step(*m);
                    if style.color {
                        paint(style, MOOD_CODES[step - 1], "■")
                    } else {
                        step.to_string()
                    }
                }
            };
            line.push_str(&cell);
            line.push(' ');
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }

    let legend = if style.color {
        let blocks: Vec<String> = MOOD_CODES.iter().map(|c| paint(style, *c, "■")).collect();
        format!(
            "    very low {} very good   {} no mood   {} not written",
            blocks.join(" "),
            paint(style, GREY, "○"),
            paint(style, FAINT, "·")
        )
    } else {
        "    1 very low … 5 very good   ○ no mood   · not written".to_string()
    };
    out.push_str(&legend);
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn days() -> Vec<DayMood> {
        let from = day("2026-08-01");
        (0..113)
            .map(|i| {
                let d = from + Duration::days(i);
                let (entries, mood) = match i % 4 {
                    0 => (0, None),
                    1 => (1, None),
                    2 => (2, Some(1.4)),
                    _ => (1, Some(4.6)),
                };
                DayMood {
                    day: d,
                    entries,
                    mood,
                }
            })
            .collect()
    }

    #[test]
    fn plain_calendar_has_seven_rows_of_twelve_weeks() {
        let plain = Style {
            color: false,
            escape: false,
        };
        let text = terminal_calendar(&days(), &plain);
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 9, "{text}");
        assert_eq!(lines[0], "    Sep     Oct     Nov", "{text}");
        assert!(
            lines[1].starts_with("Mon ") && lines[7].starts_with("Sun "),
            "{text}"
        );
        // 2026-11-21 (the last day) is a Saturday: Sunday's last column is blank.
        let sun: Vec<&str> = lines[7][4..].split(' ').collect();
        assert_eq!(lines[1][4..].split(' ').count(), 12, "{text}");
        assert!(sun.len() == 11, "{text}");
        for mark in ["1", "5", "○", "·"] {
            assert!(text.contains(mark), "{mark} in {text}");
        }
        assert!(!text.contains('\x1b'));
        assert_eq!(terminal_calendar(&[], &plain), "");
    }

    #[test]
    fn colour_calendar_uses_the_256_colour_scale() {
        let colour = Style {
            color: true,
            escape: true,
        };
        let text = terminal_calendar(&days(), &colour);
        assert!(text.contains("\x1b[38;5;153m■"), "{text:?}");
        assert!(text.contains("\x1b[38;5;25m■"), "{text:?}");
        assert_eq!(text.lines().count(), 9);
    }
}
