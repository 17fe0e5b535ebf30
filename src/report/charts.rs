//! The mood charts and the feelings chart: weekly mood as a line that breaks where a week
//! has no mood, mood by weekday as bars, and feelings as bars with the period before as a
//! marker. Each returns a whole section (sentence, SVG, table).

use crate::config::WeekStart;
use crate::summary::model::{Summary, WeekdayMood};
use crate::summary::words;

use super::svg::{Chart, MOOD_WORDS, esc, figure, mood_with_n, one, plural, px, short_day, table};

const WIDTH: f64 = 880.0;
/// Feelings drawn (the table lists them all).
const FEELINGS_SHOWN: usize = 12;

/// Weekly mood: a line through the weeks with a mood, broken where a week has none; weeks
/// with no writing at all are shaded.
pub fn mood_over_time(s: &Summary) -> String {
    let weeks = &s.mood.weekly;
    let k = weeks.len().max(1);
    let (left, right, top, plot_h) = (104.0, 84.0, 14.0, 180.0);
    let plot_w = WIDTH - left - right;
    let base = top + plot_h;
    let band = plot_w / k as f64;
    let x = |i: usize| left + (i as f64 + 0.5) * band;
    let y = |m: f64| top + (5.0 - m) / 4.0 * plot_h;
    let show_n = k <= 26;
    let height = base + if show_n { 52.0 } else { 34.0 };

    let sentence = match s.mood.average {
        Some(_) => {
            // The summary's own words, so the report and `mend summary` say the same.
            let mut text = format!(
                "{} (moods from 1 to 5). {}",
                words::mood_line(s),
                words::mood_trend_line(s.mood.trend)
            );
            let noted: Vec<_> = weeks.iter().filter(|w| w.average.is_some()).collect();
            let high = noted.iter().max_by(|a, b| by_average(a.average, b.average));
            let low = noted.iter().min_by(|a, b| by_average(a.average, b.average));
            if let (Some(h), Some(l), true) = (high, low, noted.len() > 1) {
                text.push_str(&format!(
                    " The highest week began {} ({}, n={}); the lowest began {} ({}, n={}).",
                    short_day(h.week_start),
                    one(h.average.unwrap_or(0.0)),
                    h.n,
                    short_day(l.week_start),
                    one(l.average.unwrap_or(0.0)),
                    l.n
                ));
            }
            let gaps = weeks.iter().filter(|w| w.average.is_none()).count() as u32;
            if gaps > 0 {
                text.push_str(&format!(
                    " The line breaks for the {} without a mood.",
                    plural(gaps, "week", "weeks")
                ));
            }
            text
        }
        None => "No mood was noted in this period, so there is no line to draw.".to_string(),
    };
    let mut c = Chart::new(
        "mood",
        WIDTH as u32,
        height as u32,
        "Mood by week, from 1 (very low) to 5 (very good)",
        &sentence,
    );
    for (i, w) in weeks.iter().enumerate() {
        if w.entries == 0 {
            let tip = format!("Week of {}: nothing written", short_day(w.week_start));
            c.rect(left + i as f64 * band, top, band, plot_h, "gap", Some(&tip));
        }
    }
    for m in 1..=5 {
        let yy = y(f64::from(m));
        c.line(left, yy, left + plot_w, yy, "grid");
        let label = format!("{m} {}", MOOD_WORDS[m as usize - 1]);
        c.text(left - 10.0, yy + 4.0, "axis", "end", &label);
    }
    if let Some(avg) = s.mood.average {
        let ya = y(avg);
        c.line(left, ya, left + plot_w, ya, "average");
        c.text(left + plot_w + 6.0, ya - 3.0, "note", "start", "average");
        c.text(left + plot_w + 6.0, ya + 11.0, "note", "start", &one(avg));
    }
    // The line: a new subpath after every week without a mood.
    let mut d = String::new();
    let mut drawing = false;
    for (i, w) in weeks.iter().enumerate() {
        match w.average {
            Some(a) => {
                d.push_str(&format!(
                    "{}{} {} ",
                    if drawing { "L" } else { "M" },
                    px(x(i)),
                    px(y(a))
                ));
                drawing = true;
            }
            None => drawing = false,
        }
    }
    if !d.is_empty() {
        c.raw(&format!(
            "<path class=\"mood-line\" d=\"{}\"/>",
            d.trim_end()
        ));
    }
    let r = if k > 60 { 2.5 } else { 4.5 };
    for (i, w) in weeks.iter().enumerate() {
        if let Some(a) = w.average {
            c.raw(&format!(
                "<circle class=\"point\" cx=\"{}\" cy=\"{}\" r=\"{r}\" data-week=\"{}\">\
                 <title>Week of {}: mood {} (n={})</title></circle>",
                px(x(i)),
                px(y(a)),
                w.week_start,
                esc(&short_day(w.week_start)),
                one(a),
                w.n
            ));
        }
    }
    let step = k.div_ceil(12);
    for (i, w) in weeks.iter().enumerate() {
        if i % step == 0 {
            c.text(
                x(i),
                base + 18.0,
                "axis",
                "middle",
                &short_day(w.week_start),
            );
        }
        if show_n {
            c.text(x(i), base + 34.0, "n", "middle", &format!("n={}", w.n));
        }
    }
    if s.mood.n == 0 {
        c.text(
            left + plot_w / 2.0,
            top + plot_h / 2.0,
            "empty",
            "middle",
            "No mood noted in this period",
        );
    }
    let rows: Vec<Vec<String>> = weeks
        .iter()
        .map(|w| {
            vec![
                w.week_start.to_string(),
                w.entries.to_string(),
                w.n.to_string(),
                w.average.map_or("—".to_string(), one),
            ]
        })
        .collect();
    let numbers = table(
        "Mood by week (weeks start on the period's first day)",
        &["Week of", "Entries", "With a mood (n)", "Average mood"],
        &rows,
    );
    let mut sentence_out = sentence.clone();
    if !show_n {
        sentence_out.push_str(" Each week's n is in the table.");
    }
    figure(
        "mood",
        "Mood over time",
        &sentence_out,
        &c.finish(),
        &numbers,
    )
}

/// The weekdays in the order the person's week runs.
fn ordered(by_weekday: &[WeekdayMood], week_start: WeekStart) -> Vec<&WeekdayMood> {
    let mut days: Vec<&WeekdayMood> = by_weekday.iter().collect();
    if week_start == WeekStart::Sunday && days.len() == 7 {
        days.rotate_right(1);
    }
    days
}

/// Average mood for each day of the week, as bars with their n.
pub fn mood_by_weekday(s: &Summary, week_start: WeekStart) -> String {
    let days = ordered(&s.mood.by_weekday, week_start);
    let (left, right, top, plot_h) = (104.0, 36.0, 22.0, 160.0);
    let plot_w = WIDTH - left - right;
    let base = top + plot_h;
    let band = plot_w / 7.0;
    let y = |m: f64| base - m / 5.0 * plot_h;
    let with_mood: Vec<&&WeekdayMood> = days.iter().filter(|d| d.n > 0).collect();
    let mut sentence =
        String::from("Average mood on each day of the week, with how many entries had a mood (n).");
    let high = with_mood
        .iter()
        .max_by(|a, b| by_average(a.average, b.average));
    let low = with_mood
        .iter()
        .min_by(|a, b| by_average(a.average, b.average));
    if let (Some(h), Some(l), true) = (high, low, with_mood.len() > 1) {
        sentence.push_str(&format!(
            " Highest on {}: {}; lowest on {}: {}.",
            h.weekday,
            mood_with_n(h.average, h.n),
            l.weekday,
            mood_with_n(l.average, l.n)
        ));
    } else if with_mood.is_empty() {
        sentence.push_str(" No mood was noted in this period.");
    }
    let mut c = Chart::new(
        "weekday",
        WIDTH as u32,
        (base + 46.0) as u32,
        "Average mood by day of the week",
        &sentence,
    );
    for m in 1..=5 {
        let yy = y(f64::from(m));
        c.line(left, yy, left + plot_w, yy, "grid");
        c.text(
            left - 10.0,
            yy + 4.0,
            "axis",
            "end",
            &format!("{m} {}", MOOD_WORDS[m as usize - 1]),
        );
    }
    c.line(left, base, left + plot_w, base, "baseline");
    for (i, d) in days.iter().enumerate() {
        let cx = left + (i as f64 + 0.5) * band;
        let bw = band * 0.5;
        match d.average.filter(|_| d.n > 0) {
            Some(a) => {
                let tip = format!("{}: mood {} (n={})", d.weekday, one(a), d.n);
                c.rect(cx - bw / 2.0, y(a), bw, base - y(a), "bar", Some(&tip));
                c.text(cx, y(a) - 6.0, "value", "middle", &one(a));
            }
            None => c.text(cx, base - 8.0, "note", "middle", "no mood"),
        }
        c.text(cx, base + 18.0, "axis", "middle", &d.weekday);
        c.text(cx, base + 34.0, "n", "middle", &format!("n={}", d.n));
    }
    let rows: Vec<Vec<String>> = days
        .iter()
        .map(|d| {
            vec![
                d.weekday.clone(),
                d.average.filter(|_| d.n > 0).map_or("—".to_string(), one),
                d.n.to_string(),
            ]
        })
        .collect();
    let numbers = table(
        "Average mood by day of the week",
        &["Weekday", "Average mood", "Entries with a mood (n)"],
        &rows,
    );
    figure(
        "weekdays",
        "Mood by day of the week",
        &sentence,
        &c.finish(),
        &numbers,
    )
}

/// Feelings in this period as bars, with the period before as an orange mark.
pub fn feelings(s: &Summary, before: Option<&str>) -> String {
    let listed: Vec<_> = s
        .feelings
        .iter()
        .filter(|f| f.count > 0 || (before.is_some() && f.previous > 0))
        .collect();
    let shown = &listed[..listed.len().min(FEELINGS_SHOWN)];
    let (label_x, bar_x, bar_w, row_h, top) = (170.0, 182.0, 540.0, 30.0, 40.0);
    let max = shown
        .iter()
        .map(|f| f.count.max(if before.is_some() { f.previous } else { 0 }))
        .max()
        .unwrap_or(0)
        .max(1);
    let scale = |n: u32| bar_x + bar_w * f64::from(n) / f64::from(max);
    let named: Vec<_> = listed.iter().filter(|f| f.count > 0).collect();
    let mut sentence = String::from(
        "How many entries held each feeling, chosen by you or found in your words (each entry counts once).",
    );
    match named.as_slice() {
        [] => sentence.push_str(" No feelings were named in this period."),
        [first, rest @ ..] => {
            sentence.push_str(&format!(
                " Most often: {} ({} of {}).",
                first.name,
                first.count,
                plural(s.entries, "entry", "entries")
            ));
            if let Some(second) = rest.first() {
                sentence.push_str(&format!(" Then {} ({}).", second.name, second.count));
            }
        }
    }
    if let Some(b) = before {
        sentence.push_str(&format!(" The orange mark shows the count in {b}."));
    }
    if listed.len() > shown.len() {
        sentence.push_str(&format!(
            " The {} most frequent are drawn; the table lists all {}.",
            shown.len(),
            listed.len()
        ));
    }
    let height = top + row_h * shown.len().max(1) as f64 + 10.0;
    let mut c = Chart::new(
        "feelings",
        WIDTH as u32,
        height as u32,
        "Entries with each feeling, this period and the period before",
        &sentence,
    );
    c.rect(bar_x, 8.0, 14.0, 14.0, "bar", None);
    c.text(bar_x + 20.0, 19.0, "axis", "start", "this period");
    if let Some(b) = before {
        c.line(bar_x + 132.0, 6.0, bar_x + 132.0, 24.0, "before-mark");
        c.text(bar_x + 142.0, 19.0, "axis", "start", b);
    }
    if shown.is_empty() {
        c.text(
            WIDTH / 2.0,
            top + 18.0,
            "empty",
            "middle",
            "No feelings named in this period",
        );
    }
    for (i, f) in shown.iter().enumerate() {
        let ry = top + i as f64 * row_h;
        c.text(label_x, ry + 14.0, "label", "end", &f.name);
        let tip = format!(
            "{}: {} this period",
            f.name,
            plural(f.count, "entry", "entries")
        );
        c.rect(
            bar_x,
            ry + 2.0,
            scale(f.count) - bar_x,
            16.0,
            "bar",
            Some(&tip),
        );
        let value = match before {
            Some(_) => format!("{} (before: {})", f.count, f.previous),
            None => f.count.to_string(),
        };
        c.text(bar_x + bar_w + 14.0, ry + 14.0, "value", "start", &value);
        if before.is_some() {
            let mx = scale(f.previous);
            c.raw(&format!(
                "<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" class=\"before-mark\">\
                 <title>{3}: {4} before</title></line>",
                px(mx),
                px(ry - 2.0),
                px(ry + 22.0),
                esc(&f.name),
                plural(f.previous, "entry", "entries")
            ));
        }
    }
    let rows: Vec<Vec<String>> = listed
        .iter()
        .map(|f| {
            let change = i64::from(f.count) - i64::from(f.previous);
            vec![
                f.name.clone(),
                f.count.to_string(),
                f.previous.to_string(),
                if change > 0 {
                    format!("+{change}")
                } else {
                    change.to_string()
                },
            ]
        })
        .collect();
    let numbers = table(
        &format!(
            "Entries with each feeling (n = {} entries this period, {} before)",
            s.entries, s.previous_entries
        ),
        &["Feeling", "This period", "The period before", "Change"],
        &rows,
    );
    figure("feelings", "Feelings", &sentence, &c.finish(), &numbers)
}

/// Orders averages for the highest and lowest; a missing one sorts below any figure and a
/// NaN cannot panic the report (`total_cmp` orders every float).
fn by_average(a: Option<f64>, b: Option<f64>) -> std::cmp::Ordering {
    match (a, b) {
        (Some(a), Some(b)) => a.total_cmp(&b),
        _ => a.is_some().cmp(&b.is_some()),
    }
}

#[cfg(test)]
mod tests {
    use super::by_average;
    use std::cmp::Ordering;

    #[test]
    fn averages_order_without_panicking_on_nan_or_none() {
        assert_eq!(by_average(Some(2.0), Some(3.5)), Ordering::Less);
        assert_eq!(by_average(None, Some(1.0)), Ordering::Less);
        assert_eq!(by_average(Some(1.0), None), Ordering::Greater);
        assert_eq!(by_average(None, None), Ordering::Equal);
        // `partial_cmp` would give `None` here and the report would panic.
        assert_ne!(by_average(Some(f64::NAN), Some(1.0)), Ordering::Equal);
    }
}
