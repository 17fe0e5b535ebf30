//! The period a summary covers (`--since 30d|12w|6m|1y|all`, or `--from`/`--to`), and the
//! equal-length period just before it.

use anyhow::{Result, bail};
use chrono::{DateTime, Duration, Local, Months, NaiveDate};

use crate::dates;

const HINT: &str = "try 30d, 12w, 6m or 1y";
/// Longer spans are refused as typing mistakes (a century is plenty).
const MAX_DAYS: i64 = 36_600;

/// How the period was asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    Days(u32),
    Weeks(u32),
    Months(u32),
    Years(u32),
    /// From the first entry.
    All,
    /// `--from`/`--to`.
    Range,
}

impl Span {
    /// "30d", "12w", "6m", "1y", "all", or `None` for an explicit range.
    pub fn code(&self) -> Option<String> {
        match self {
            Span::Days(n) => Some(format!("{n}d")),
            Span::Weeks(n) => Some(format!("{n}w")),
            Span::Months(n) => Some(format!("{n}m")),
            Span::Years(n) => Some(format!("{n}y")),
            Span::All => Some("all".to_string()),
            Span::Range => None,
        }
    }

    /// Reads `--since`: a number followed by d, w, m or y (or the words), or "all".
    pub fn parse(input: &str) -> Result<Span> {
        let text = input.trim().to_lowercase();
        if text == "all" {
            return Ok(Span::All);
        }
        let digits: String = text.chars().take_while(char::is_ascii_digit).collect();
        let unit = text[digits.len()..].trim();
        let Ok(n) = digits.parse::<u32>() else {
            bail!("could not read --since {:?} — {HINT}", input.trim());
        };
        if n == 0 {
            bail!("--since {:?} covers no days — {HINT}", input.trim());
        }
        let span = match unit {
            "d" | "day" | "days" => Span::Days(n),
            "w" | "week" | "weeks" => Span::Weeks(n),
            "m" | "month" | "months" => Span::Months(n),
            "y" | "year" | "years" => Span::Years(n),
            _ => bail!("could not read --since {:?} — {HINT}", input.trim()),
        };
        let days = match span {
            Span::Days(n) => i64::from(n),
            Span::Weeks(n) => i64::from(n) * 7,
            Span::Months(n) => i64::from(n) * 31,
            Span::Years(n) => i64::from(n) * 366,
            _ => 0,
        };
        if days > MAX_DAYS {
            bail!(
                "--since {:?} is longer than a century — {HINT}, or all",
                input.trim()
            );
        }
        Ok(span)
    }
}

/// Inclusive days `from..=to`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub span: Span,
}

impl Period {
    /// The last `span` ending on `today`; `first_entry` is asked only for "all".
    pub fn since(
        span: Span,
        today: NaiveDate,
        first_entry: impl FnOnce() -> Result<Option<NaiveDate>>,
    ) -> Result<Period> {
        let back = |months: u32| {
            today
                .checked_sub_months(Months::new(months))
                .map(|d| d + Duration::days(1))
        };
        let from = match span {
            Span::Days(n) => today.checked_sub_signed(Duration::days(i64::from(n) - 1)),
            Span::Weeks(n) => today.checked_sub_signed(Duration::days(i64::from(n) * 7 - 1)),
            Span::Months(n) => back(n),
            Span::Years(n) => back(n.saturating_mul(12)),
            Span::All => Some(first_entry()?.unwrap_or(today).min(today)),
            Span::Range => Some(today),
        };
        let Some(from) = from else {
            bail!("that period reaches before the calendar begins — {HINT}");
        };
        Ok(Period {
            from,
            to: today,
            span,
        })
    }

    /// The period asked for on the command line: `--since`, else `--from`/`--to`, else the
    /// configured default span, else the last 30 days.
    pub fn choose(
        since: Option<&str>,
        from: Option<&str>,
        to: Option<&str>,
        default_span: Option<&str>,
        now: DateTime<Local>,
        first_entry: impl FnOnce() -> Result<Option<NaiveDate>>,
    ) -> Result<Period> {
        let today = now.date_naive();
        match (since, from, to) {
            (Some(since), _, _) => Period::since(Span::parse(since)?, today, first_entry),
            (None, None, None) => {
                let span = match default_span {
                    Some(text) => Span::parse(text)
                        .map_err(|e| anyhow::anyhow!("summary-period in the config file: {e}"))?,
                    None => Span::Days(30),
                };
                Period::since(span, today, first_entry)
            }
            (None, from, to) => Period::between(from, to, now),
        }
    }

    /// `--from`/`--to`, read like mend's other date options. A missing end is today; a
    /// missing start is 30 days before the end.
    pub fn between(from: Option<&str>, to: Option<&str>, now: DateTime<Local>) -> Result<Period> {
        let to_day = match to {
            Some(t) => dates::parse_day(t, now)?,
            None => now.date_naive(),
        };
        let from_day = match from {
            Some(f) => dates::parse_day(f, now)?,
            None => to_day - Duration::days(29),
        };
        Period::range(from_day, to_day)
    }

    /// The days `from..=to` (what export uses for its own `--from`/`--to`).
    pub fn range(from: NaiveDate, to: NaiveDate) -> Result<Period> {
        if from > to {
            bail!("--from {from} is after --to {to} — swap them");
        }
        if (to - from).num_days() >= MAX_DAYS {
            bail!("that period is longer than a century — {HINT}, or all");
        }
        Ok(Period {
            from,
            to,
            span: Span::Range,
        })
    }

    pub fn days(&self) -> u32 {
        u32::try_from((self.to - self.from).num_days() + 1).unwrap_or(u32::MAX)
    }

    /// The same number of days just before.
    pub fn previous(&self) -> Period {
        let length = Duration::days(i64::from(self.days()));
        let to = self.from.pred_opt().unwrap_or(self.from);
        let from = self
            .from
            .checked_sub_signed(length)
            .unwrap_or(NaiveDate::MIN);
        Period {
            from,
            to,
            span: self.span,
        }
    }

    /// The two halves; the second gets the extra day of an odd length.
    pub fn halves(&self) -> ((NaiveDate, NaiveDate), (NaiveDate, NaiveDate)) {
        let first_len = i64::from(self.days() / 2);
        let second_from = self.from + Duration::days(first_len);
        let first_to = second_from.pred_opt().unwrap_or(self.from);
        ((self.from, first_to), (second_from, self.to))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn since(text: &str) -> Period {
        Period::since(Span::parse(text).unwrap(), day("2026-11-21"), || {
            Ok(Some(day("2026-03-04")))
        })
        .unwrap()
    }

    #[test]
    fn spans_end_today() {
        let p = since("30d");
        assert_eq!(
            (p.from, p.to, p.days()),
            (day("2026-10-23"), day("2026-11-21"), 30)
        );
        assert_eq!(since("12w").days(), 84);
        assert_eq!(since("6m").from, day("2026-05-22"));
        let year = since("1y");
        assert_eq!((year.from, year.days()), (day("2025-11-22"), 365));
        assert_eq!(since(" 2 weeks ").days(), 14);
        assert_eq!(since("all").from, day("2026-03-04"));
        let prev = since("30d").previous();
        assert_eq!((prev.from, prev.to), (day("2026-09-23"), day("2026-10-22")));
        assert_eq!(prev.days(), 30);
    }

    #[test]
    fn bad_spans_are_refused_with_a_hint() {
        for bad in ["", "30", "d", "0d", "3x", "-3d", "1000y", "thirty days"] {
            let err = Span::parse(bad).unwrap_err().to_string();
            assert!(err.contains("try 30d, 12w, 6m or 1y"), "{bad}: {err}");
        }
    }

    #[test]
    fn ranges_are_inclusive_and_halved() {
        let now = Local.with_ymd_and_hms(2026, 11, 21, 15, 0, 0).unwrap();
        let p = Period::between(Some("2026-11-01"), Some("2026-11-30"), now).unwrap();
        assert_eq!(p.days(), 30);
        let ((a, b), (c, d)) = p.halves();
        assert_eq!(
            (a, b, c, d),
            (
                day("2026-11-01"),
                day("2026-11-15"),
                day("2026-11-16"),
                day("2026-11-30")
            )
        );
        assert!(Period::between(Some("2026-11-30"), Some("2026-11-01"), now).is_err());
        let p = Period::between(None, Some("2026-11-10"), now).unwrap();
        assert_eq!((p.from, p.days()), (day("2026-10-12"), 30));
        let one = Period::between(Some("today"), None, now).unwrap();
        assert_eq!(one.days(), 1);
        // A single day: the first half is empty, the second is the day.
        let ((a, b), (c, d)) = one.halves();
        assert!(b < a && c == d);
    }
}
