//! `mend report`: one self-contained HTML file describing a period — mood over time, a year
//! of days as a calendar, mood by weekday, feelings against the period before, themes and
//! trust signs week by week, and the insights with the entries they rest on. Inline CSS and
//! hand-written SVG only: no script, no font or image from anywhere, so it works offline and
//! prints. Every chart has a text alternative and a table with the same numbers; everything
//! taken from the journal is escaped.
//!
//! Also here: `terminal_calendar`, a small heatmap of the last twelve weeks for a terminal.

mod charts;
mod heatmap;
mod page;
mod practices;
mod signals;
mod svg;
mod terminal;

use std::collections::BTreeSet;

use anyhow::Result;
use chrono::{Datelike, Duration, NaiveDate};

use crate::config::WeekStart;
use crate::store::Journal;
use crate::store::report::{Glimpse, WeekSignal};
use crate::summary::model::Summary;

pub use crate::store::report::DayMood;
pub use page::{html, period_words};
pub use terminal::{terminal_calendar, terminal_calendar_ending};

/// Weeks in the year calendar.
pub const CALENDAR_WEEKS: u32 = 53;
/// How many entries an insight lists with their first words (the rest by id and day).
pub const GLIMPSES_PER_INSIGHT: usize = 40;

/// Everything the page shows, read before any of it is written.
pub struct ReportData {
    pub summary: Summary,
    /// Every day of the calendar: the 53 weeks ending on the period's last day.
    pub days: Vec<DayMood>,
    /// Entries with each trust sign and theme, per week of the period.
    pub weekly: Vec<WeekSignal>,
    /// The entries the insights rest on (the first ones of each insight).
    pub glimpses: Vec<Glimpse>,
    /// The day the report was made.
    pub made: NaiveDate,
    pub week_start: WeekStart,
    /// Discreet mode: a title (the browser tab, the window list) that tells nothing.
    pub discreet: bool,
}

impl ReportData {
    pub fn load(
        journal: &Journal,
        summary: Summary,
        made: NaiveDate,
        week_start: WeekStart,
    ) -> Result<ReportData> {
        let to = summary.period.to;
        let days = journal.day_moods(calendar_start(to, CALENDAR_WEEKS, week_start), to)?;
        let weekly = journal.weekly_signals(summary.period.from, to)?;
        let ids: BTreeSet<i64> = summary
            .insights
            .iter()
            .flat_map(|i| i.entries.iter().take(GLIMPSES_PER_INSIGHT).copied())
            .collect();
        let glimpses = journal.glimpses(&ids.into_iter().collect::<Vec<_>>())?;
        Ok(ReportData {
            summary,
            days,
            weekly,
            glimpses,
            made,
            week_start,
            discreet: false,
        })
    }
}

/// Days from the start of `day`'s week (0 on the first day of the week).
pub fn week_offset(day: NaiveDate, week_start: WeekStart) -> i64 {
    i64::from(match week_start {
        WeekStart::Monday => day.weekday().num_days_from_monday(),
        WeekStart::Sunday => day.weekday().num_days_from_sunday(),
    })
}

/// The first day of a calendar of `weeks` columns whose last column holds `last`.
pub fn calendar_start(last: NaiveDate, weeks: u32, week_start: WeekStart) -> NaiveDate {
    let back = week_offset(last, week_start) + 7 * i64::from(weeks.saturating_sub(1));
    last.checked_sub_signed(Duration::days(back))
        .unwrap_or(NaiveDate::MIN)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn calendars_start_on_the_first_day_of_a_week() {
        let sat: NaiveDate = "2026-11-21".parse().unwrap();
        let start = calendar_start(sat, 53, WeekStart::Monday);
        assert_eq!(start, "2025-11-17".parse::<NaiveDate>().unwrap());
        assert_eq!(start.weekday(), chrono::Weekday::Mon);
        assert_eq!((sat - start).num_days(), 52 * 7 + 5);
        let start = calendar_start(sat, 53, WeekStart::Sunday);
        assert_eq!(start.weekday(), chrono::Weekday::Sun);
        assert_eq!((sat - start).num_days(), 52 * 7 + 6);
    }
}
