//! How far apart a path's sessions are meant to be, and the 0–10 check a path may ask at
//! the start and end of each session. Both are read from the path files as plain words
//! (`cadence = "every 4 months"`, `check = "distress"`), so the files stay readable.

use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};

/// The time between two sessions of a path (or between two walks of a repeated path).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cadence {
    /// Every step in one sitting: the next is due as soon as one is answered.
    Sitting,
    /// A number of days (1 is daily, 7 weekly).
    Days(u32),
    /// A number of calendar months (12 is yearly).
    Months(u32),
}

impl Cadence {
    /// The day a session is due after one on `day`. A month that has no such day (31 Jan
    /// plus a month) ends on its last day.
    pub fn after(self, day: NaiveDate) -> NaiveDate {
        match self {
            Cadence::Sitting => day,
            Cadence::Days(n) => day + chrono::Days::new(u64::from(n)),
            Cadence::Months(n) => day.checked_add_months(Months::new(n)).unwrap_or(day),
        }
    }

    /// Reads "in one sitting", "daily", "weekly", "yearly" or "every N days|weeks|months|years".
    pub fn parse(text: &str) -> Result<Cadence, String> {
        let words: Vec<String> = text.split_whitespace().map(str::to_lowercase).collect();
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        let every = |n: &str, unit: &str| -> Option<Cadence> {
            let n: u32 = n.parse().ok().filter(|n| *n > 0 && *n <= 400)?;
            match unit.trim_end_matches('s') {
                "day" => Some(Cadence::Days(n)),
                "week" => Some(Cadence::Days(n * 7)),
                "month" => Some(Cadence::Months(n)),
                "year" => Some(Cadence::Months(n * 12)),
                _ => None,
            }
        };
        let found = match words.as_slice() {
            ["in", "one", "sitting"] | ["sitting"] => Some(Cadence::Sitting),
            ["daily"] => Some(Cadence::Days(1)),
            ["weekly"] => Some(Cadence::Days(7)),
            ["yearly"] => Some(Cadence::Months(12)),
            ["every", unit] => every("1", unit),
            ["every", n, unit] => every(n, unit),
            _ => None,
        };
        found.ok_or_else(|| {
            format!(
                "{text:?} is not a cadence — use \"in one sitting\", \"daily\", \"weekly\", \"yearly\" or \"every N days\" (weeks, months, years)"
            )
        })
    }
}

impl std::fmt::Display for Cadence {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {
            Cadence::Sitting => write!(f, "in one sitting"),
            Cadence::Days(1) => write!(f, "daily"),
            Cadence::Days(7) => write!(f, "weekly"),
            Cadence::Days(n) if n % 7 == 0 => write!(f, "every {} weeks", n / 7),
            Cadence::Days(n) => write!(f, "every {n} days"),
            Cadence::Months(12) => write!(f, "yearly"),
            Cadence::Months(n) if n % 12 == 0 => write!(f, "every {} years", n / 12),
            Cadence::Months(1) => write!(f, "monthly"),
            Cadence::Months(n) => write!(f, "every {n} months"),
        }
    }
}

impl Serialize for Cadence {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Cadence {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Cadence::parse(&text).map_err(serde::de::Error::custom)
    }
}

/// What a path's 0–10 check asks about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Measure {
    Distress,
    Closeness,
    Mood,
}

impl Measure {
    /// Its name in a sentence, e.g. "distress".
    pub fn name(self) -> &'static str {
        match self {
            Measure::Distress => "distress",
            Measure::Closeness => "closeness",
            Measure::Mood => "mood",
        }
    }

    /// The question, with what its ends mean.
    pub fn question(self, when: When) -> String {
        let now = match when {
            When::Before => "Before you begin",
            When::After => "Now that you have finished",
        };
        let ask = match self {
            Measure::Distress => {
                "how much distress do you feel, from 0 (none) to 10 (the most you can imagine)?"
            }
            Measure::Closeness => {
                "how close do you feel to your partner, from 0 (not at all) to 10 (as close as you can imagine)?"
            }
            Measure::Mood => {
                "how is your mood, from 0 (as low as it gets) to 10 (as good as it gets)?"
            }
        };
        format!("{now}: {ask}")
    }

    /// What 0 and 10 mean, for a table's heading.
    pub fn scale(self) -> &'static str {
        match self {
            Measure::Distress => "0 none, 10 the most",
            Measure::Closeness => "0 not at all close, 10 as close as can be",
            Measure::Mood => "0 as low as it gets, 10 as good as it gets",
        }
    }
}

/// Which end of a session a check is asked at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    Before,
    After,
}

/// Reads a 0–10 rating as typed: "7", " 7 ", "7/10".
pub fn rating(text: &str) -> Result<u8, String> {
    let t = text.trim();
    let t = t.strip_suffix("/10").unwrap_or(t).trim();
    match t.parse::<u8>() {
        Ok(n) if n <= 10 => Ok(n),
        _ => Err(format!("{:?} is not a number from 0 to 10", text.trim())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn cadences_read_and_print_as_words() {
        let cases = [
            ("in one sitting", Cadence::Sitting, "in one sitting"),
            ("daily", Cadence::Days(1), "daily"),
            ("every 3 days", Cadence::Days(3), "every 3 days"),
            ("weekly", Cadence::Days(7), "weekly"),
            ("every 2 weeks", Cadence::Days(14), "every 2 weeks"),
            ("every 4 months", Cadence::Months(4), "every 4 months"),
            ("Every Month", Cadence::Months(1), "monthly"),
            ("yearly", Cadence::Months(12), "yearly"),
            ("every 2 years", Cadence::Months(24), "every 2 years"),
        ];
        let mut failed = Vec::new();
        for (text, want, shown) in cases {
            match Cadence::parse(text) {
                Ok(c) if c == want && c.to_string() == shown => {}
                other => failed.push(format!("{text}: {other:?}")),
            }
        }
        assert!(failed.is_empty(), "{failed:?}");
        for bad in ["fortnightly", "every 0 days", "every x days", "", "every 3"] {
            assert!(Cadence::parse(bad).is_err(), "{bad} was read");
        }
    }

    #[test]
    fn due_days_follow_the_calendar() {
        assert_eq!(Cadence::Sitting.after(day("2026-03-01")), day("2026-03-01"));
        assert_eq!(Cadence::Days(1).after(day("2026-02-28")), day("2026-03-01"));
        assert_eq!(Cadence::Days(7).after(day("2026-12-29")), day("2027-01-05"));
        assert_eq!(
            Cadence::Months(4).after(day("2026-10-31")),
            day("2027-02-28"),
            "a month without the day ends on its last day"
        );
        assert_eq!(
            Cadence::Months(12).after(day("2028-02-29")),
            day("2029-02-28")
        );
    }

    #[test]
    fn ratings_are_whole_numbers_from_0_to_10() {
        assert_eq!(rating(" 7 "), Ok(7));
        assert_eq!(rating("0"), Ok(0));
        assert_eq!(rating("10/10"), Ok(10));
        for bad in ["11", "-1", "seven", "7.5", ""] {
            assert!(rating(bad).is_err(), "{bad} was read");
        }
    }
}
