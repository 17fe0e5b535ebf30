//! Natural-language days ("yesterday", "last monday", "3 days ago", "may 3", "2024-05-01"),
//! always read relative to an injected `now`.

use anyhow::{Result, bail};
use chrono::{DateTime, Datelike, Local, NaiveDate, NaiveTime, TimeZone};
use interim::{Dialect, parse_date_string};

/// A day, and the moment on it when a time of day was given ("yesterday at 18:30").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct When {
    pub day: NaiveDate,
    pub at: Option<DateTime<Local>>,
}

const HINT: &str =
    "try a form like 2024-05-01, today, yesterday, \"last monday\", \"3 days ago\" or \"may 3\"";

/// Reads a day that has already happened. Phrases without a year that land in the future
/// ("dec 28" in January, "friday" on a Wednesday) mean the most recent such day.
pub fn parse_when(input: &str, now: DateTime<Local>) -> Result<When> {
    let text = normalize(input);
    if text.is_empty() {
        bail!("the date is empty — {HINT}");
    }
    let today = now.date_naive();
    let has_time = mentions_time(&text);
    if has_time {
        check_times(&text, input)?;
    }
    let mut when = parse_any(&text, now).ok_or_else(|| unreadable(input))?;
    if when.day > today
        && !mentions_year(&text)
        && !text.starts_with("next")
        && text != "tomorrow"
        && let Some(earlier) = parse_any(&format!("last {text}"), now).filter(|w| w.day <= today)
    {
        when = earlier;
    }
    if when.day > today {
        bail!(
            "{} is in the future — mend keeps entries for days that have already happened",
            when.day.format("%A %-d %B %Y")
        );
    }
    if !has_time {
        when.at = None;
    }
    if let Some(at) = when.at
        && at > now
    {
        bail!(
            "{} is later than now — give a time that has already passed",
            at.format("%H:%M on %-d %B")
        );
    }
    Ok(when)
}

/// Reads a day for filtering (`--on`, `--from`, `--to`), where a future day is allowed.
pub fn parse_day(input: &str, now: DateTime<Local>) -> Result<NaiveDate> {
    let text = normalize(input);
    if text.is_empty() {
        bail!("the date is empty — {HINT}");
    }
    let when = parse_any(&text, now).ok_or_else(|| unreadable(input))?;
    if when.day > now.date_naive()
        && !mentions_year(&text)
        && let Some(earlier) = parse_any(&format!("last {text}"), now)
    {
        return Ok(earlier.day);
    }
    Ok(when.day)
}

fn unreadable(input: &str) -> anyhow::Error {
    anyhow::anyhow!("could not read {:?} as a date — {HINT}", input.trim())
}

fn normalize(input: &str) -> String {
    let mut lowered = input.trim().to_lowercase();
    // "2026-10-07T21:30" is a day and a time, as "2026-10-07 21:30" is.
    let b = lowered.as_bytes();
    if b.len() > 11 && looks_like_iso(&lowered) && b[10] == b't' && b[11].is_ascii_digit() {
        lowered.replace_range(10..11, " ");
    }
    let words: Vec<&str> = lowered
        .split_whitespace()
        .filter(|w| *w != "at" && *w != "on")
        .collect();
    words.join(" ")
}

fn mentions_time(text: &str) -> bool {
    text.contains(':')
        || text.split_whitespace().any(|w| {
            (w.ends_with("am") || w.ends_with("pm"))
                && w.trim_end_matches("am")
                    .trim_end_matches("pm")
                    .chars()
                    .any(|c| c.is_ascii_digit())
        })
}

/// interim rolls impossible times over into the next day ("25:00"); refuse them instead.
fn check_times(text: &str, input: &str) -> Result<()> {
    for word in text.split_whitespace() {
        let (clock, twelve_hour) = match word.strip_suffix("am").or_else(|| word.strip_suffix("pm"))
        {
            Some(rest) => (rest, true),
            None if word.contains(':') => (word, false),
            None => continue,
        };
        let parts: Vec<&str> = clock.split([':', '.']).collect();
        let numbers: Option<Vec<u32>> = parts.iter().map(|p| p.parse().ok()).collect();
        let valid = match numbers.as_deref() {
            Some([h, rest @ ..]) if rest.len() <= 2 && rest.iter().all(|n| *n < 60) => {
                if twelve_hour {
                    (1..=12).contains(h)
                } else {
                    *h < 24
                }
            }
            _ => false,
        };
        if !valid {
            bail!(
                "{:?} has a time that does not exist ({word}) — write it like 18:30 or 6:30pm",
                input.trim()
            );
        }
    }
    Ok(())
}

fn mentions_year(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_digit())
        .any(|digits| digits.len() == 4)
}

fn parse_any(text: &str, now: DateTime<Local>) -> Option<When> {
    // A day followed by a time of day ("2026-10-06 21:30", "6 oct 9pm", "yesterday 18:30"):
    // the day is read on its own, so every form of day takes a time the same way.
    if let Some((day_text, clock)) = text.rsplit_once(' ')
        && let Some(time) = clock_time(clock)
        && let Some(day) = parse_any(day_text, now)
    {
        let at = Local
            .from_local_datetime(&day.day.and_time(time))
            .earliest()?;
        return Some(When {
            day: day.day,
            at: Some(at),
        });
    }
    // Full ISO dates are read strictly, so 2021-02-30 is an error rather than a guess.
    if let Ok(day) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Some(When { day, at: None });
    }
    if looks_like_iso(text) {
        return None;
    }
    // "feb 29" without a year is the most recent one, which is rarely this year.
    if named_month_day(text) == Some((2, 29)) && !mentions_year(text) {
        let day = (0..8)
            .filter_map(|back| NaiveDate::from_ymd_opt(now.year() - back, 2, 29))
            .find(|d| *d <= now.date_naive())?;
        return Some(When { day, at: None });
    }
    // interim asserts (panics) on a word of 16 letters or more after a number, and only
    // ever reads ASCII: such text is no date it knows, so it never gets there.
    if !text.is_ascii()
        || text
            .split(|c: char| !c.is_ascii_alphabetic())
            .any(|w| w.len() >= 16)
    {
        return None;
    }
    let parsed = match text {
        "today" | "now" => now,
        _ => parse_date_string(text, now, Dialect::Uk).ok()?,
    };
    // interim rolls impossible days over ("feb 30" → march 2); a day that changed month
    // from what was written is refused instead.
    if let Some((month, day)) = named_month_day(text)
        && (parsed.month() != month || parsed.day() != day)
    {
        return None;
    }
    Some(When {
        day: parsed.date_naive(),
        at: Some(parsed),
    })
}

/// A time of day as people write it: 21:30, 21:30:15, 9pm, 9:30pm, 21.30.
fn clock_time(word: &str) -> Option<NaiveTime> {
    let (clock, half) = match word.strip_suffix("am") {
        Some(rest) => (rest, Some(0)),
        None => match word.strip_suffix("pm") {
            Some(rest) => (rest, Some(12)),
            None => (word, None),
        },
    };
    if half.is_none() && !clock.contains([':', '.']) {
        return None;
    }
    let parts: Vec<u32> = clock
        .split([':', '.'])
        .map(|p| {
            (!p.is_empty() && p.len() <= 2)
                .then(|| p.parse().ok())
                .flatten()
        })
        .collect::<Option<_>>()?;
    let (hour, minute, second) = match parts.as_slice() {
        [h] => (*h, 0, 0),
        [h, m] => (*h, *m, 0),
        [h, m, s] => (*h, *m, *s),
        _ => return None,
    };
    let hour = match half {
        Some(add) if (1..=12).contains(&hour) => hour % 12 + add,
        Some(_) => return None,
        None => hour,
    };
    NaiveTime::from_hms_opt(hour, minute, second)
}

fn looks_like_iso(text: &str) -> bool {
    let b = text.as_bytes();
    b.len() >= 8 && b[..4].iter().all(u8::is_ascii_digit) && b[4] == b'-'
}

const MONTHS: [&str; 12] = [
    "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
];

/// The (month, day) of phrases such as "may 3", "3 may" or "february 30".
fn named_month_day(text: &str) -> Option<(u32, u32)> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let month_of = |w: &str| {
        let w = w.trim_end_matches(',');
        (w.len() >= 3)
            .then(|| MONTHS.iter().position(|m| w.starts_with(m)))
            .flatten()
            .map(|i| i as u32 + 1)
    };
    let day_of = |w: &str| {
        w.trim_end_matches(|c: char| c.is_ascii_alphabetic() || c == ',')
            .parse::<u32>()
            .ok()
            .filter(|d| (1..=31).contains(d))
    };
    for pair in words.windows(2) {
        if let (Some(m), Some(d)) = (month_of(pair[0]), day_of(pair[1])) {
            return Some((m, d));
        }
        if let (Some(d), Some(m)) = (day_of(pair[0]), month_of(pair[1])) {
            return Some((m, d));
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    /// Saturday 21 November 2026, 15:00 local time.
    fn now() -> DateTime<Local> {
        Local.with_ymd_and_hms(2026, 11, 21, 15, 0, 0).unwrap()
    }

    fn day(input: &str) -> String {
        parse_when(input, now()).unwrap().day.to_string()
    }

    #[test]
    fn reads_every_documented_phrase() {
        assert_eq!(day("today"), "2026-11-21");
        assert_eq!(day("Today"), "2026-11-21");
        assert_eq!(day("yesterday"), "2026-11-20");
        assert_eq!(day("last monday"), "2026-11-16");
        assert_eq!(day("3 days ago"), "2026-11-18");
        assert_eq!(day("2024-05-01"), "2024-05-01");
        assert_eq!(day("may 3"), "2026-05-03");
        assert_eq!(day("3 may"), "2026-05-03");
        assert_eq!(day("yesterday at 18:30"), "2026-11-20");
    }

    #[test]
    fn keeps_the_time_only_when_given() {
        let w = parse_when("yesterday at 18:30", now()).unwrap();
        assert_eq!(
            w.at.unwrap().format("%Y-%m-%d %H:%M").to_string(),
            "2026-11-20 18:30"
        );
        assert_eq!(parse_when("yesterday", now()).unwrap().at, None);
        assert_eq!(parse_when("2024-05-01", now()).unwrap().at, None);
    }

    #[test]
    fn a_day_in_any_form_takes_a_time() {
        let at = |input: &str| {
            parse_when(input, now())
                .unwrap_or_else(|e| panic!("{input}: {e}"))
                .at
                .map(|t| t.format("%Y-%m-%d %H:%M").to_string())
        };
        for (input, expected) in [
            ("2026-10-06 21:30", "2026-10-06 21:30"),
            ("2026-10-06 at 21:30", "2026-10-06 21:30"),
            ("2026-10-07T21:30", "2026-10-07 21:30"),
            ("2026-10-07t21:30:15", "2026-10-07 21:30"),
            ("6 oct at 9pm", "2026-10-06 21:00"),
            ("oct 6 at 21:30", "2026-10-06 21:30"),
            ("6 october 9:15am", "2026-10-06 09:15"),
            ("yesterday 18:30", "2026-11-20 18:30"),
            ("last monday at 12am", "2026-11-16 00:00"),
            ("today at 12pm", "2026-11-21 12:00"),
        ] {
            assert_eq!(at(input).as_deref(), Some(expected), "{input}");
        }
        for bad in [
            "2026-10-06 25:00",
            "2026-10-06 21:75",
            "6 oct 13pm",
            "2026-02-30 10:00",
        ] {
            assert!(parse_when(bad, now()).is_err(), "{bad} should be refused");
        }
    }

    #[test]
    fn phrases_without_a_year_mean_the_past() {
        assert_eq!(day("dec 28"), "2025-12-28");
        assert_eq!(day("friday"), "2026-11-20");
        assert_eq!(day("feb 29"), "2024-02-29");
    }

    #[test]
    fn refuses_the_future_and_nonsense() {
        for bad in ["tomorrow", "2030-01-01", "next friday", "today at 23:00"] {
            let err = parse_when(bad, now()).unwrap_err().to_string();
            assert!(
                err.contains("future") || err.contains("later than now"),
                "{bad}: {err}"
            );
        }
        for bad in [
            "feb 30",
            "asdf",
            "",
            "2021-02-30",
            "2026-13-01",
            "   ",
            "99999999999 days ago",
            "yesterday at 25:00",
            "yesterday at 13pm",
            "monday at 25:00",
            "yesterday at 18:75",
            // Found by fuzzing: interim panics on a long word after a number.
            "s3msundyeaturapmrpm\0st\0\0\0",
            "3 abcdefghijklmnopq",
        ] {
            assert!(parse_when(bad, now()).is_err(), "{bad} should be refused");
        }
    }

    #[test]
    fn filter_days_may_be_in_the_future() {
        assert_eq!(
            parse_day("2030-01-01", now()).unwrap().to_string(),
            "2030-01-01"
        );
        assert_eq!(
            parse_day("last monday", now()).unwrap().to_string(),
            "2026-11-16"
        );
    }
}
