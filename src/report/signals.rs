//! Themes and trust signs week by week: small multiples, one row per theme or sign, each a
//! strip of weekly bars on the same scale and the same weeks, with its total and the count
//! from the period before beside it.

use std::collections::HashMap;

use chrono::Duration;

use crate::store::report::WeekSignal;
use crate::summary::model::{SignalCount, Summary};
use crate::summary::words;

use super::svg::{Chart, figure, plural, short_day, table};

const WIDTH: f64 = 880.0;
/// Themes drawn (the table lists every theme of the period).
const THEMES_SHOWN: usize = 8;

/// Which chart: trust signs or themes.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Signs,
    Themes,
}

impl Kind {
    fn key(self) -> &'static str {
        match self {
            Kind::Signs => "sign",
            Kind::Themes => "theme",
        }
    }
}

/// The section for trust signs (all of them, always) or themes (those of the period).
pub fn section(s: &Summary, weekly: &[WeekSignal], kind: Kind, before: Option<&str>) -> String {
    let weeks = s.mood.weekly.len();
    let listed: Vec<&SignalCount> = match kind {
        Kind::Signs => s.signs.iter().collect(),
        Kind::Themes => s.themes.iter().filter(|t| t.count > 0).collect(),
    };
    let shown: Vec<&SignalCount> = match kind {
        Kind::Signs => listed.clone(),
        Kind::Themes => listed.iter().take(THEMES_SHOWN).copied().collect(),
    };
    // name → count per week.
    let mut per_week: HashMap<&str, Vec<u32>> = HashMap::new();
    for w in weekly.iter().filter(|w| w.kind == kind.key()) {
        let row = per_week
            .entry(w.name.as_str())
            .or_insert_with(|| vec![0; weeks]);
        if let Some(slot) = row.get_mut(w.week as usize) {
            *slot = w.count;
        }
    }
    let series = |name: &str| -> Vec<u32> {
        per_week
            .get(name)
            .cloned()
            .unwrap_or_else(|| vec![0; weeks])
    };
    let max = shown
        .iter()
        .flat_map(|sc| series(&sc.name))
        .max()
        .unwrap_or(0)
        .max(1);

    let (id, heading, what) = match kind {
        Kind::Signs => ("signs", "Trust signs over time", "trust sign"),
        Kind::Themes => ("themes", "Themes over time", "theme"),
    };
    let mut sentence = match kind {
        Kind::Signs => String::from(
            "Entries each week with words of the five trust signs mend looks for (each entry counts once).",
        ),
        Kind::Themes => String::from(
            "Entries each week touching each theme found in your words or in the prompts you answered.",
        ),
    };
    let present: Vec<&&SignalCount> = listed.iter().filter(|sc| sc.count > 0).collect();
    if present.is_empty() {
        sentence.push_str(&format!(" No {what} came up in this period."));
    } else {
        let parts: Vec<String> = present
            .iter()
            .take(3)
            .map(|sc| format!("{} in {}", sc.label, plural(sc.count, "entry", "entries")))
            .collect();
        sentence.push_str(&format!(" {} of {} entries.", parts.join(", "), s.entries));
    }
    for sc in &listed {
        if let Some(note) = words::over_period(sc.rate.trend) {
            sentence.push_str(&format!(" {} {note}.", sc.label));
        }
    }
    if listed.len() > shown.len() {
        sentence.push_str(&format!(
            " The {} most frequent are drawn; the table lists all {}.",
            shown.len(),
            listed.len()
        ));
    }

    let (label_x, strip_x, strip_w, row_h, top) = (170.0, 182.0, 520.0, 44.0, 8.0);
    let band = strip_w / weeks.max(1) as f64;
    let bar_max = row_h - 16.0;
    let rows_h = row_h * shown.len().max(1) as f64;
    let mut c = Chart::new(
        id,
        WIDTH as u32,
        (top + rows_h + 30.0) as u32,
        &format!("Entries per week with each {what}"),
        &sentence,
    );
    if shown.is_empty() {
        c.text(
            WIDTH / 2.0,
            top + 24.0,
            "empty",
            "middle",
            &format!("No {what} came up in this period"),
        );
    }
    for (r, sc) in shown.iter().enumerate() {
        let base = top + r as f64 * row_h + row_h - 6.0;
        c.text(label_x, base - 4.0, "label", "end", &sc.label);
        c.line(strip_x, base, strip_x + strip_w, base, "baseline");
        for (w, n) in series(&sc.name).iter().enumerate() {
            let week_start = s.period.from + Duration::days(7 * w as i64);
            let entries = s.mood.weekly.get(w).map_or(0, |wm| wm.entries);
            if *n == 0 {
                continue;
            }
            let h = bar_max * f64::from(*n) / f64::from(max);
            let tip = format!(
                "{}, week of {}: {} of {}",
                sc.label,
                short_day(week_start),
                n,
                plural(entries, "entry", "entries")
            );
            c.rect(
                strip_x + w as f64 * band + band * 0.15,
                base - h,
                band * 0.7,
                h,
                "bar",
                Some(&tip),
            );
        }
        let total = match before {
            Some(_) => format!("{} (before: {})", sc.count, sc.previous),
            None => sc.count.to_string(),
        };
        c.text(
            strip_x + strip_w + 14.0,
            base - 4.0,
            "value",
            "start",
            &total,
        );
    }
    let step = weeks.max(1).div_ceil(10);
    let axis_y = top + rows_h + 14.0;
    for w in (0..weeks).step_by(step) {
        let week_start = s.period.from + Duration::days(7 * w as i64);
        c.text(
            strip_x + (w as f64 + 0.5) * band,
            axis_y,
            "axis",
            "middle",
            &short_day(week_start),
        );
    }
    if present
        .iter()
        .any(|sc| shown.iter().any(|x| x.name == sc.name))
    {
        c.text(
            strip_x + strip_w + 14.0,
            axis_y,
            "note",
            "start",
            &format!("tallest bar: {}", plural(max, "entry", "entries")),
        );
    }

    // The table: one row per week, one column per theme or sign, and the totals.
    let mut head: Vec<String> = vec!["Week of".into(), "Entries".into()];
    head.extend(listed.iter().map(|sc| sc.label.clone()));
    let columns: Vec<Vec<u32>> = listed.iter().map(|sc| series(&sc.name)).collect();
    let mut rows: Vec<Vec<String>> = (0..weeks)
        .map(|w| {
            let mut row = vec![
                (s.period.from + Duration::days(7 * w as i64)).to_string(),
                s.mood.weekly.get(w).map_or(0, |wm| wm.entries).to_string(),
            ];
            row.extend(columns.iter().map(|col| col[w].to_string()));
            row
        })
        .collect();
    let mut total = vec!["This period".to_string(), s.entries.to_string()];
    total.extend(listed.iter().map(|sc| sc.count.to_string()));
    rows.push(total);
    if before.is_some() {
        let mut prev = vec![
            "The period before".to_string(),
            s.previous_entries.to_string(),
        ];
        prev.extend(listed.iter().map(|sc| sc.previous.to_string()));
        rows.push(prev);
    }
    let head_refs: Vec<&str> = head.iter().map(String::as_str).collect();
    let numbers = table(
        &format!("Entries per week with each {what}"),
        &head_refs,
        &rows,
    );
    figure(id, heading, &sentence, &c.finish(), &numbers)
}
