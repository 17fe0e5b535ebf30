//! The year as a calendar: 53 weeks of days ending on the period's last day, one column per
//! week, coloured by the day's mood. Days written without a mood are outlined; days without
//! writing are light grey.

use chrono::{Datelike, Duration, NaiveDate};

use crate::config::WeekStart;
use crate::summary::model::Summary;

use super::svg::{Chart, MOOD_WORDS, figure, full_day, long_day, mood_class, one, plural, table};
use super::{DayMood, week_offset};

const STEP: f64 = 15.0;
const CELL: f64 = 12.0;
const LEFT: f64 = 40.0;
const TOP: f64 = 22.0;

/// The CSS class of a day: `nw` not written, `nm` written without a mood, `m1` … `m5`.
pub fn day_class(day: &DayMood) -> String {
    match (day.entries, day.mood) {
        (0, _) => "nw".to_string(),
        (_, None) => "nm".to_string(),
        (_, Some(m)) => mood_class(m),
    }
}

fn day_tip(day: &DayMood) -> String {
    let when = long_day(day.day);
    match (day.entries, day.mood) {
        (0, _) => format!("{when}: nothing written"),
        (n, None) => format!("{when}: {}, no mood noted", plural(n, "entry", "entries")),
        (n, Some(m)) => format!("{when}: {}, mood {}", plural(n, "entry", "entries"), one(m)),
    }
}

pub fn year(s: &Summary, days: &[DayMood], week_start: WeekStart) -> String {
    let (Some(first), Some(last)) = (days.first(), days.last()) else {
        return String::new();
    };
    let start = first.day - Duration::days(week_offset(first.day, week_start));
    let column = |d: NaiveDate| ((d - start).num_days() / 7) as f64;
    let row = |d: NaiveDate| week_offset(d, week_start) as f64;
    let written: Vec<&DayMood> = days.iter().filter(|d| d.entries > 0).collect();
    let with_mood = written.iter().filter(|d| d.mood.is_some()).count() as u32;
    let sentence = format!(
        "Each square is a day of the {} weeks up to {}. You wrote on {} of {} days, {} with a mood. \
         Squares are coloured by the day's average mood, from pale blue (very low) to deep blue \
         (very good); days written without a mood are outlined, and days without writing are \
         light grey.",
        super::CALENDAR_WEEKS,
        full_day(last.day),
        written.len(),
        days.len(),
        with_mood
    );
    let grid_h = 7.0 * STEP;
    let height = TOP + grid_h + 62.0;
    let mut c = Chart::new(
        "calendar",
        (LEFT + f64::from(super::CALENDAR_WEEKS) * STEP + 4.0) as u32,
        height as u32,
        "A year of days, coloured by mood",
        &sentence,
    );
    // Month names above the column holding the month's first day; the first column is
    // named only when the next month starts well after it.
    let starts: Vec<&DayMood> = days.iter().filter(|d| d.day.day() == 1).collect();
    if starts.first().is_none_or(|d| column(d.day) >= 3.0) {
        c.text(
            LEFT,
            TOP - 8.0,
            "axis",
            "start",
            &first.day.format("%b").to_string(),
        );
    }
    for d in starts {
        let x = LEFT + column(d.day) * STEP;
        c.text(
            x,
            TOP - 8.0,
            "axis",
            "start",
            &d.day.format("%b").to_string(),
        );
    }
    // Row labels: every other weekday.
    for r in (0..7).step_by(2) {
        let d = start + Duration::days(r);
        c.text(
            LEFT - 8.0,
            TOP + r as f64 * STEP + CELL - 2.0,
            "axis",
            "end",
            &d.format("%a").to_string(),
        );
    }
    for d in days {
        let x = LEFT + column(d.day) * STEP;
        let y = TOP + row(d.day) * STEP;
        c.raw(&format!(
            "<rect x=\"{x}\" y=\"{y}\" width=\"{CELL}\" height=\"{CELL}\" rx=\"2\" class=\"day {}\" \
             data-day=\"{}\" data-entries=\"{}\"><title>{}</title></rect>",
            day_class(d),
            d.day,
            d.entries,
            super::svg::esc(&day_tip(d))
        ));
    }
    // A bracket under the weeks of the report's period, when it is shorter than the year.
    let grid_end = TOP + grid_h;
    if s.period.from > first.day {
        let x1 = LEFT + column(s.period.from) * STEP;
        let x2 = LEFT + column(last.day) * STEP + CELL;
        c.line(x1, grid_end + 4.0, x2, grid_end + 4.0, "period");
        c.text(x2, grid_end + 18.0, "note", "end", "this report's period");
    }
    // Legend.
    let ly = grid_end + 30.0;
    let mut x = LEFT;
    c.text(x, ly + 10.0, "axis", "start", MOOD_WORDS[0]);
    x += 58.0;
    for m in 1..=5 {
        c.rect(
            x,
            ly,
            CELL,
            CELL,
            &format!("day m{m}"),
            Some(&format!("mood {m}: {}", MOOD_WORDS[m - 1])),
        );
        x += STEP;
    }
    c.text(x + 4.0, ly + 10.0, "axis", "start", MOOD_WORDS[4]);
    x += 96.0;
    c.rect(x, ly, CELL, CELL, "day nm", None);
    c.text(
        x + STEP + 2.0,
        ly + 10.0,
        "axis",
        "start",
        "written, no mood",
    );
    x += 140.0;
    c.rect(x, ly, CELL, CELL, "day nw", None);
    c.text(x + STEP + 2.0, ly + 10.0, "axis", "start", "not written");

    let rows: Vec<Vec<String>> = written
        .iter()
        .map(|d| {
            vec![
                d.day.to_string(),
                d.entries.to_string(),
                d.mood.map_or("—".to_string(), one),
            ]
        })
        .collect();
    let numbers = table(
        "Days written (days not listed had no writing)",
        &["Day", "Entries", "Average mood"],
        &rows,
    );
    figure(
        "calendar",
        "The year in days",
        &sentence,
        &c.finish(),
        &numbers,
    )
}
