//! The report's practices: the share of logged moments turned toward, week by week (bars
//! with each week's count, and the same numbers in a table), with only the changes the
//! summary claims, and how often reviews' intentions were kept.

use std::fmt::Write;

use crate::summary::model::Summary;
use crate::summary::practices;

use super::svg::{Chart, esc, short_day, table};

const WIDTH: f64 = 880.0;

/// The section, or nothing when the period has no moments and no reviews.
pub fn section(s: &Summary) -> String {
    let Some(p) = &s.practices else {
        return String::new();
    };
    let lines = practices::lines(s, false);
    if lines.is_empty() {
        return String::new();
    }
    let mut out = String::from(
        "<section class=\"card\" id=\"practices\" aria-labelledby=\"practices-h\">\
         <h2 id=\"practices-h\">Small moments and reviews</h2>",
    );
    out.push_str("<ul class=\"lead\">");
    for line in &lines {
        let _ = write!(out, "<li>{}</li>", esc(line));
    }
    out.push_str("</ul>");
    let m = &p.moments;
    if m.total > 0 {
        let (left, right, top, plot_h) = (56.0, 16.0, 18.0, 120.0);
        let plot_w = WIDTH - left - right;
        let base = top + plot_h;
        let band = plot_w / m.weekly.len().max(1) as f64;
        let mut c = Chart::new(
            "moments",
            WIDTH as u32,
            (base + 40.0) as u32,
            "Moments turned toward, week by week",
            "For each week, the share of the moments you logged that were turned toward, with how many were logged (n).",
        );
        for pct in [0, 50, 100] {
            let y = base - f64::from(pct) / 100.0 * plot_h;
            c.line(left, y, left + plot_w, y, "grid");
            c.text(left - 8.0, y + 4.0, "axis", "end", &format!("{pct}%"));
        }
        for (i, w) in m.weekly.iter().enumerate() {
            let cx = left + (i as f64 + 0.5) * band;
            if w.moments > 0 {
                let share = f64::from(w.toward) / f64::from(w.moments);
                let h = share * plot_h;
                let tip = format!(
                    "week of {}: {} of {} turned toward",
                    short_day(w.week_start),
                    w.toward,
                    w.moments
                );
                c.rect(cx - band * 0.3, base - h, band * 0.6, h, "bar", Some(&tip));
            }
            c.text(cx, base + 16.0, "n", "middle", &format!("n={}", w.moments));
            if m.weekly.len() <= 14 || i % 2 == 0 {
                c.text(cx, base + 32.0, "axis", "middle", &short_day(w.week_start));
            }
        }
        let rows: Vec<Vec<String>> = m
            .weekly
            .iter()
            .map(|w| {
                vec![
                    short_day(w.week_start),
                    w.moments.to_string(),
                    w.toward.to_string(),
                    if w.moments == 0 {
                        "—".to_string()
                    } else {
                        format!("{:.0}%", 100.0 * f64::from(w.toward) / f64::from(w.moments))
                    },
                ]
            })
            .collect();
        let _ = write!(
            out,
            "<figure>{}</figure><details class=\"numbers\"><summary>The numbers</summary>{}</details>",
            c.finish(),
            table(
                "Moments logged and turned toward, by week",
                &["Week of", "Logged", "Turned toward", "Share"],
                &rows
            )
        );
    }
    out.push_str("</section>\n");
    out
}
