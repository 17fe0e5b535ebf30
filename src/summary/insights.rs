//! Insights: one plain sentence for each claimed pattern (a trend of mood, a trust sign or a
//! theme; a difference in mood), with the entries it rests on.

use std::collections::BTreeMap;

use super::data::Data;
use super::model::{Insight, MoodSummary, MoodWith, SignalCount, Summary, Trend};

/// The sentences of every claim in `summary`, in a stable order: mood, signs, themes, then
/// differences (largest first), each with the period's entries it rests on.
pub fn gather(data: &Data, summary: &Summary) -> Vec<Insight> {
    let current_with_mood = |p: &usize| data.is_current(*p) && data.mood(*p).is_some();
    let mut out = Vec::new();
    let mut push = |kind: &str, text: String, positions: Vec<usize>| {
        let (entries, days) = data.evidence(positions.into_iter());
        out.push(Insight {
            kind: kind.to_string(),
            text,
            entries,
            days,
        });
    };
    if let Some(text) = mood_trend(&summary.mood) {
        push(
            "mood-trend",
            text,
            data.current().filter(current_with_mood).collect(),
        );
    }
    for (kind, list, map) in [
        ("sign-trend", &summary.signs, &data.signs),
        ("theme-trend", &summary.themes, &data.themes),
    ] {
        for signal in list {
            if let Some(text) = signal_trend(signal) {
                let positions = map.get(&signal.name).map_or(&[][..], Vec::as_slice);
                let current = positions.iter().copied().filter(|&p| data.is_current(p));
                push(kind, text, current.collect());
            }
        }
    }
    for m in summary.mood_with.iter().filter(|m| m.claimed) {
        let label = summary
            .themes
            .iter()
            .find(|t| m.kind == "theme" && t.name == m.name)
            .map_or(m.name.as_str(), |t| t.label.as_str());
        let labelled = |map: &BTreeMap<String, Vec<usize>>| -> Vec<usize> {
            map.get(&m.name)
                .map(|v| v.iter().copied().filter(current_with_mood).collect())
                .unwrap_or_default()
        };
        let positions: Vec<usize> = match m.kind.as_str() {
            "tag" => labelled(&data.tags),
            "feeling" => labelled(&data.feelings),
            "theme" => labelled(&data.themes),
            "weekday" => {
                let day = WEEKDAY_NAMES.iter().position(|(d, _)| *d == m.name);
                data.current()
                    .filter(current_with_mood)
                    .filter(|&p| Some(data.weekday(p)) == day)
                    .collect()
            }
            _ => data
                .current()
                .filter(current_with_mood)
                .filter(|&p| data.entries[p].answered)
                .collect(),
        };
        push("mood-with", mood_with(m, label), positions);
    }
    out
}

const WEEKDAY_NAMES: [(&str, &str); 7] = [
    ("Mon", "Mondays"),
    ("Tue", "Tuesdays"),
    ("Wed", "Wednesdays"),
    ("Thu", "Thursdays"),
    ("Fri", "Fridays"),
    ("Sat", "Saturdays"),
    ("Sun", "Sundays"),
];

fn one(x: Option<f64>) -> String {
    x.map_or_else(|| "–".to_string(), |v| format!("{v:.1}"))
}

fn mood_trend(mood: &MoodSummary) -> Option<String> {
    let word = match mood.trend {
        Trend::Up => "higher",
        Trend::Down => "lower",
        _ => return None,
    };
    Some(format!(
        "Your mood was {word} in the second half of this period ({}, then {}; n={} and {})",
        one(mood.first_half.average),
        one(mood.second_half.average),
        mood.first_half.n,
        mood.second_half.n
    ))
}

fn signal_trend(s: &SignalCount) -> Option<String> {
    let word = match s.trend {
        Trend::Up => "more",
        Trend::Down => "less",
        _ => return None,
    };
    Some(format!(
        "{} came up {word} often in the second half of this period (in {} of {} entries, then in {} of {})",
        s.label,
        s.first_half.count,
        s.first_half.entries,
        s.second_half.count,
        s.second_half.entries
    ))
}

fn mood_with(m: &MoodWith, label: &str) -> String {
    let word = if m.difference > 0.0 {
        "higher"
    } else {
        "lower"
    };
    let figures = format!(
        "{:.1} vs {:.1} (n={} vs {})",
        m.mood_with, m.mood_without, m.n_with, m.n_without
    );
    match m.kind.as_str() {
        "tag" => format!("Entries tagged {} had a {word} mood: {figures}", m.name),
        "feeling" => format!(
            "Entries with the feeling {} had a {word} mood: {figures}",
            m.name
        ),
        "theme" => format!(
            "Entries touching on {} had a {word} mood: {figures}",
            label.to_lowercase()
        ),
        "weekday" => {
            let days = WEEKDAY_NAMES
                .iter()
                .find(|(d, _)| *d == m.name)
                .map_or(m.name.as_str(), |(_, plural)| plural);
            format!("{days} had a {word} mood than other days: {figures}")
        }
        _ => format!("Entries answering a prompt had a {word} mood than other entries: {figures}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(kind: &str, name: &str, difference: f64) -> MoodWith {
        MoodWith {
            kind: kind.into(),
            name: name.into(),
            mood_with: 3.0 + difference,
            mood_without: 3.0,
            n_with: 12,
            n_without: 30,
            difference,
            claimed: true,
        }
    }

    #[test]
    fn sentences_carry_their_figures() {
        assert_eq!(
            mood_with(&with("tag", "walk", 1.1), "walk"),
            "Entries tagged walk had a higher mood: 4.1 vs 3.0 (n=12 vs 30)"
        );
        assert_eq!(
            mood_with(&with("weekday", "Sun", -1.0), "Sun"),
            "Sundays had a lower mood than other days: 2.0 vs 3.0 (n=12 vs 30)"
        );
    }
}
