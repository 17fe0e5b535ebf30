//! Building a `Summary` from the period's rows (see `data`): counts, moods, trust signs,
//! themes, feelings, tags and prompts; then the trend and difference rules decide what may
//! be claimed, and `insights` words the claims.

use std::collections::BTreeMap;

use anyhow::Result;
use chrono::{DateTime, Local};

use super::data::{Data, FIRST_HALF};
use super::insights;
use super::model::*;
use super::mood::{self, WEEKDAYS};
use super::period::Period;
use super::rules::{self, DifferenceTest, TrendTest, Weekly};
use super::stats::Moments;
use super::suggest;
use crate::analysis::{Label, sign_labels, theme_labels};
use crate::prompts::Library;
use crate::render::terminal::first_words;
use crate::store::Journal;

/// How many milestones a summary lists (the most recent); `milestones_total` counts all.
const MILESTONES: usize = 50;

/// Rounds a figure for display and JSON: two decimals are plenty for moods and rates.
pub fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// Entries written per week and per half of the period: what sign and theme rates divide by.
pub struct Exposure {
    pub weeks: Vec<u32>,
    pub halves: [u32; 2],
}

/// How often a sign or theme came up: now, before, per week and per half of the period.
struct Tally {
    current: u32,
    previous: u32,
    weeks: Vec<u32>,
    halves: [u32; 2],
}

impl Tally {
    fn new(data: &Data, positions: &[usize]) -> Tally {
        let mut t = Tally {
            current: 0,
            previous: 0,
            weeks: vec![0; data.weeks],
            halves: [0; 2],
        };
        for &p in positions {
            if data.is_current(p) {
                t.current += 1;
                t.weeks[data.week[p] as usize] += 1;
                t.halves[usize::from(data.segment[p] != FIRST_HALF)] += 1;
            } else {
                t.previous += 1;
            }
        }
        t
    }

    fn test(&self, exposure: &Exposure) -> TrendTest {
        let weekly: Weekly = exposure
            .weeks
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .map(|(w, n)| (w as f64, f64::from(self.weeks[w]) / f64::from(*n)))
            .collect();
        rules::rate_trend(
            &weekly,
            (self.halves[0], exposure.halves[0]),
            (self.halves[1], exposure.halves[1]),
        )
    }
}

/// The summary of `period`, compared with the period before, using the built-in prompts.
/// The entry point for other commands (export); `mend summary` itself passes the library
/// with the person's own prompts to `compute_with`.
pub fn compute(journal: &Journal, period: Period, now: DateTime<Local>) -> Result<Summary> {
    compute_with(journal, period, now, &Library::built_in())
}

/// As `compute`, choosing the suggested prompt from `library`.
pub fn compute_with(
    journal: &Journal,
    period: Period,
    now: DateTime<Local>,
    library: &Library,
) -> Result<Summary> {
    let previous = period.previous();
    let data = Data::load(journal, &period, &previous)?;
    let current: Vec<usize> = data.current().collect();
    let entries = current.len() as u32;
    let mut exposure = Exposure {
        weeks: vec![0; data.weeks],
        halves: [0; 2],
    };
    for &p in &current {
        exposure.weeks[data.week[p] as usize] += 1;
        exposure.halves[usize::from(data.segment[p] != FIRST_HALF)] += 1;
    }
    let (mut mood, mood_test) = mood::summary(&period, &data, &current);
    let total_mood = data.moods(current.iter().copied());

    // Trust signs (all of them, in the word lists' order) and themes (those that came up).
    let sign_names = sign_labels();
    let theme_names = theme_labels();
    let mut signal_tests: Vec<(&str, String, Tally, TrendTest)> = Vec::new();
    let mut sign_ids: Vec<String> = sign_names.iter().map(|s| s.id.clone()).collect();
    sign_ids.extend(
        data.signs
            .keys()
            .filter(|k| !sign_ids.contains(k))
            .cloned()
            .collect::<Vec<_>>(),
    );
    for name in sign_ids {
        let tally = Tally::new(&data, data.signs.get(&name).map_or(&[], Vec::as_slice));
        let test = tally.test(&exposure);
        signal_tests.push(("sign", name, tally, test));
    }
    for (name, positions) in &data.themes {
        let tally = Tally::new(&data, positions);
        let test = tally.test(&exposure);
        signal_tests.push(("theme", name.clone(), tally, test));
    }
    // Bonferroni over every trend that could be claimed: mood, and signs and themes that
    // came up in the period with enough data around them.
    let tested = 1 + signal_tests
        .iter()
        .filter(|(_, _, tally, test)| tally.current > 0 && test.enough)
        .count();
    let trend_alpha = rules::family_alpha(tested);
    mood.trend = mood_test.verdict(trend_alpha);

    let label_of = |listed: &[Label], name: &str| -> String {
        listed
            .iter()
            .find(|l| l.id == name)
            .map(|l| l.label.clone())
            .or_else(|| {
                library
                    .themes
                    .iter()
                    .find(|t| t.id == name)
                    .map(|t| t.title.clone())
            })
            .unwrap_or_else(|| name.to_string())
    };
    let (mut signs, mut themes) = (Vec::new(), Vec::new());
    for (kind, name, tally, test) in signal_tests {
        let count = SignalCount {
            label: label_of(
                if kind == "sign" {
                    &sign_names
                } else {
                    &theme_names
                },
                &name,
            ),
            name,
            count: tally.current,
            previous: tally.previous,
            trend: test.verdict(trend_alpha),
            first_half: HalfCount {
                count: tally.halves[0],
                entries: exposure.halves[0],
            },
            second_half: HalfCount {
                count: tally.halves[1],
                entries: exposure.halves[1],
            },
        };
        if kind == "sign" {
            signs.push(count);
        } else {
            themes.push(count);
        }
    }
    themes.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(b.previous.cmp(&a.previous))
            .then(a.name.cmp(&b.name))
    });

    let mut feelings: Vec<FeelingCount> = data
        .feelings
        .iter()
        .map(|(name, positions)| {
            let now = positions.iter().filter(|&&p| data.is_current(p)).count() as u32;
            FeelingCount {
                name: name.clone(),
                count: now,
                previous: positions.len() as u32 - now,
            }
        })
        .collect();
    feelings.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(b.previous.cmp(&a.previous))
            .then(a.name.cmp(&b.name))
    });

    let mood_with = differences(&data, &current, total_mood);
    let milestone_positions: Vec<usize> = ["win", "progress"]
        .iter()
        .filter_map(|t| data.tags.get(*t))
        .flatten()
        .copied()
        .filter(|&p| data.is_current(p))
        .collect::<std::collections::BTreeSet<usize>>()
        .into_iter()
        .collect();
    let recent = &milestone_positions[milestone_positions.len().saturating_sub(MILESTONES)..];
    let ids: Vec<i64> = recent.iter().map(|&p| data.entries[p].id).collect();
    let heads: BTreeMap<i64, String> = journal.summary_heads(&ids)?.into_iter().collect();

    let mut summary = Summary {
        period: PeriodInfo {
            from: period.from,
            to: period.to,
            days: period.days(),
            span: period.span.code(),
        },
        previous: Range {
            from: previous.from,
            to: previous.to,
        },
        entries,
        previous_entries: data.entries.len() as u32 - entries,
        days_written: mood::days_written(&data, &current),
        streak: Streak {
            current: journal.current_streak(period.to)?,
            longest: mood::longest_run(&data, &current),
        },
        mood,
        feelings,
        themes,
        signs,
        mood_with,
        language: mood::language(
            journal.summary_language(period.from, period.to)?,
            journal.summary_language(previous.from, previous.to)?,
        ),
        prompts: suggest::prompts(journal, library, &data, &current, &period, now.date_naive())?,
        milestones: recent
            .iter()
            .filter_map(|&p| {
                let e = &data.entries[p];
                Some(Milestone {
                    id: e.id,
                    day: e.day,
                    text: first_words(heads.get(&e.id)?, 120),
                })
            })
            .collect(),
        milestones_total: milestone_positions.len() as u32,
        insights: Vec::new(),
        enough_writing: entries >= rules::MIN_POINTS,
    };
    summary.insights = insights::gather(&data, &summary);
    Ok(summary)
}

/// Mood with versus without each feeling, tag, theme, prompt answers and weekday: only the
/// comparisons with enough entries on both sides, claimed ones first, then by size.
fn differences(data: &Data, current: &[usize], total: Moments) -> Vec<MoodWith> {
    let now =
        |positions: &[usize]| data.moods(positions.iter().copied().filter(|&p| data.is_current(p)));
    let mut groups: Vec<(&str, String, Moments)> = Vec::new();
    for (kind, map) in [
        ("feeling", &data.feelings),
        ("tag", &data.tags),
        ("theme", &data.themes),
    ] {
        for (name, positions) in map {
            groups.push((kind, name.clone(), now(positions)));
        }
    }
    let answered = data.moods(
        current
            .iter()
            .copied()
            .filter(|&p| data.entries[p].answered),
    );
    groups.push(("prompt", "answered".into(), answered));
    for (i, day) in WEEKDAYS.iter().enumerate() {
        let on_day = data.moods(current.iter().copied().filter(|&p| data.weekday(p) == i));
        groups.push(("weekday", day.to_string(), on_day));
    }
    let tests: Vec<(&str, String, Moments, DifferenceTest)> = groups
        .into_iter()
        .map(|(kind, name, with)| {
            let test = DifferenceTest::new(&with, &total.without(with));
            (kind, name, with, test)
        })
        .filter(|(_, _, _, t)| t.enough)
        .collect();
    let alpha = rules::family_alpha(tests.len());
    let mut out: Vec<MoodWith> = tests
        .into_iter()
        .filter_map(|(kind, name, with, test)| {
            let without = total.without(with);
            Some(MoodWith {
                kind: kind.to_string(),
                name,
                mood_with: round2(with.mean()?),
                mood_without: round2(without.mean()?),
                n_with: with.n,
                n_without: without.n,
                difference: round2(test.difference),
                claimed: test.claimed(alpha),
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.claimed
            .cmp(&a.claimed)
            .then(b.difference.abs().total_cmp(&a.difference.abs()))
            .then(a.kind.cmp(&b.kind))
            .then(a.name.cmp(&b.name))
    });
    out
}
