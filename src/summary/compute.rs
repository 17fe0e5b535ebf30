//! Building a `Summary` from the journal's stored rows: day aggregates, signals, feelings,
//! tags, prompts and language markers, each one grouped query; then the trend and
//! difference rules decide what may be claimed.

use std::collections::BTreeMap;

use anyhow::Result;
use chrono::{DateTime, Datelike, Duration, Local, NaiveDate};

use super::insights;
use super::model::*;
use super::period::Period;
use super::stats::{self, DifferenceTest, Moments, TrendTest, Weekly};
use crate::analysis::{sign_labels, theme_labels};
use crate::prompts::Library;
use crate::prompts::select::{self, Wanted};
use crate::render::terminal::first_words;
use crate::store::Journal;
use crate::store::summary::{DayRow, LabelRow, LanguageSums, MoodSums};

const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

/// Rounds a figure for display and JSON: two decimals are plenty for moods and rates.
pub fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

fn moments(m: MoodSums) -> Moments {
    Moments::new(m.n, m.sum as f64, m.sumsq as f64)
}

fn mean(m: &Moments) -> Option<f64> {
    m.mean().map(round2)
}

/// Where a day falls in the period: its week, and its half.
struct Frame {
    from: NaiveDate,
    second_from: NaiveDate,
    weeks: usize,
}

impl Frame {
    fn new(period: &Period) -> Frame {
        Frame {
            from: period.from,
            second_from: period.halves().1.0,
            weeks: (period.days() as usize).div_ceil(7),
        }
    }

    fn week(&self, day: NaiveDate) -> usize {
        ((day - self.from).num_days().max(0) / 7) as usize
    }

    fn half(&self, day: NaiveDate) -> usize {
        usize::from(day >= self.second_from)
    }
}

/// How often a sign or theme came up: now, before, per week and per half of the period.
#[derive(Default)]
struct Tally {
    current: u32,
    previous: u32,
    weeks: Vec<u32>,
    halves: [u32; 2],
    mood: Moments,
}

/// Per-week and per-half entry counts, for turning tallies into rates.
struct Exposure {
    weeks: Vec<u32>,
    halves: [u32; 2],
}

impl Tally {
    fn test(&self, exposure: &Exposure) -> TrendTest {
        let weekly: Weekly = exposure
            .weeks
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
            .map(|(w, n)| {
                let hits = self.weeks.get(w).copied().unwrap_or(0);
                (w as f64, f64::from(hits) / f64::from(*n))
            })
            .collect();
        stats::rate_trend(
            &weekly,
            (self.halves[0], exposure.halves[0]),
            (self.halves[1], exposure.halves[1]),
        )
    }
}

/// The summary of `period`, compared with the period before, using the built-in prompts.
/// The entry point for other commands (export); `mend summary` itself passes the library
/// with the person's own prompts to `compute_with`.
#[allow(dead_code)]
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
    let frame = Frame::new(&period);
    let days = journal.summary_days(previous.from, period.to)?;
    let (current_days, previous_days): (Vec<&DayRow>, Vec<&DayRow>) =
        days.iter().partition(|d| period.contains(d.day));

    let entries: u32 = current_days.iter().map(|d| d.entries).sum();
    let previous_entries: u32 = previous_days.iter().map(|d| d.entries).sum();
    let mut exposure = Exposure {
        weeks: vec![0; frame.weeks],
        halves: [0; 2],
    };
    for d in &current_days {
        exposure.weeks[frame.week(d.day)] += d.entries;
        exposure.halves[frame.half(d.day)] += d.entries;
    }

    let (mood, mood_test, weekday_moods) =
        mood_summary(&period, &frame, &current_days, &previous_days);
    let total_mood = current_days.iter().fold(Moments::default(), |mut m, d| {
        m.add(moments(d.mood));
        m
    });

    // Trust signs and themes.
    let mut tallies: BTreeMap<(String, String), Tally> = BTreeMap::new();
    for row in journal.summary_signals(previous.from, period.to)? {
        let tally = tallies.entry((row.kind, row.name)).or_default();
        if period.contains(row.day) {
            tally.current += row.entries;
            tally.weeks.resize(frame.weeks, 0);
            tally.weeks[frame.week(row.day)] += row.entries;
            tally.halves[frame.half(row.day)] += row.entries;
            tally.mood.add(moments(row.mood));
        } else {
            tally.previous += row.entries;
        }
    }
    for sign in sign_labels() {
        tallies.entry(("sign".into(), sign.id)).or_default();
    }
    let mut trend_tests = vec![mood_test];
    let mut signal_tests = Vec::new();
    for ((kind, name), tally) in &tallies {
        let test = tally.test(&exposure);
        if tally.current > 0 {
            trend_tests.push(test);
        }
        signal_tests.push((kind.clone(), name.clone(), test));
    }
    let trend_alpha = stats::family_alpha(trend_tests.iter().filter(|t| t.enough).count());
    let mut mood = mood;
    mood.trend = mood_test.verdict(trend_alpha);

    let sign_names = sign_labels();
    let theme_names = theme_labels();
    let label_of = |kind: &str, name: &str| -> String {
        let listed = if kind == "sign" {
            &sign_names
        } else {
            &theme_names
        };
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
    for (kind, name, test) in signal_tests {
        let tally = &tallies[&(kind.clone(), name.clone())];
        let count = SignalCount {
            label: label_of(&kind, &name),
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
        } else if count.count > 0 || count.previous > 0 {
            themes.push(count);
        }
    }
    // Signs in the word lists' order; themes most frequent first.
    let sign_order = |name: &str| {
        sign_names
            .iter()
            .position(|s| s.id == name)
            .unwrap_or(usize::MAX)
    };
    signs.sort_by_key(|s| (sign_order(&s.name), s.name.clone()));
    themes.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(b.previous.cmp(&a.previous))
            .then(a.name.cmp(&b.name))
    });

    // Feelings, tags, prompts.
    let mut feeling_rows: BTreeMap<String, (u32, u32, Moments)> = BTreeMap::new();
    for row in journal.summary_feelings(previous.from, period.to, period.from)? {
        let slot = feeling_rows.entry(row.name).or_default();
        if row.current {
            slot.0 += row.entries;
            slot.2.add(moments(row.mood));
        } else {
            slot.1 += row.entries;
        }
    }
    let mut feelings: Vec<FeelingCount> = feeling_rows
        .iter()
        .map(|(name, (count, previous, _))| FeelingCount {
            name: name.clone(),
            count: *count,
            previous: *previous,
        })
        .collect();
    feelings.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(b.previous.cmp(&a.previous))
            .then(a.name.cmp(&b.name))
    });
    let tags = journal.summary_tags(period.from, period.to)?;
    let prompt_rows = journal.summary_prompts(period.from, period.to)?;

    // What goes with better days.
    let mut groups: Vec<(&str, String, Moments)> = Vec::new();
    for (name, (_, _, m)) in &feeling_rows {
        groups.push(("feeling", name.clone(), *m));
    }
    for row in &tags {
        groups.push(("tag", row.name.clone(), moments(row.mood)));
    }
    for ((kind, name), tally) in &tallies {
        if kind == "theme" {
            groups.push(("theme", name.clone(), tally.mood));
        }
    }
    let answered_mood = prompt_rows.iter().fold(Moments::default(), |mut m, r| {
        m.add(moments(r.mood));
        m
    });
    groups.push(("prompt", "answered a prompt".into(), answered_mood));
    for (i, m) in weekday_moods.iter().enumerate() {
        groups.push(("weekday", WEEKDAYS[i].into(), *m));
    }
    let tests: Vec<(&str, String, Moments, DifferenceTest)> = groups
        .into_iter()
        .map(|(kind, name, with)| {
            let test = DifferenceTest::new(&with, &total_mood.without(with));
            (kind, name, with, test)
        })
        .filter(|(_, _, _, t)| t.enough)
        .collect();
    let difference_alpha = stats::family_alpha(tests.len());
    let mut mood_with: Vec<MoodWith> = tests
        .into_iter()
        .filter_map(|(kind, name, with, test)| {
            let without = total_mood.without(with);
            Some(MoodWith {
                kind: kind.to_string(),
                name,
                mood_with: round2(with.mean()?),
                mood_without: round2(without.mean()?),
                n_with: with.n,
                n_without: without.n,
                difference: round2(test.difference),
                claimed: test.claimed(difference_alpha),
            })
        })
        .collect();
    mood_with.sort_by(|a, b| {
        b.claimed
            .cmp(&a.claimed)
            .then(b.difference.abs().total_cmp(&a.difference.abs()))
            .then(a.kind.cmp(&b.kind))
            .then(a.name.cmp(&b.name))
    });

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
        previous_entries,
        days_written: current_days.len() as u32,
        streak: Streak {
            current: journal.current_streak(period.to)?,
            longest: longest_run(current_days.iter().map(|d| d.day)),
        },
        mood,
        feelings,
        themes,
        signs,
        mood_with,
        language: language(journal.summary_language(previous.from, period.to, period.from)?),
        prompts: prompts(journal, library, &prompt_rows, now.date_naive())?,
        milestones: journal
            .summary_milestones(period.from, period.to)?
            .into_iter()
            .map(|m| Milestone {
                id: m.id,
                day: m.day,
                text: first_words(&m.head, 120),
            })
            .collect(),
        insights: Vec::new(),
        enough_writing: entries >= stats::MIN_POINTS,
    };
    summary.insights = insights::gather(journal, &period, &summary)?;
    Ok(summary)
}

/// The mood section, the test for its trend (decided later, with the family), and the
/// moods per weekday (Monday first).
fn mood_summary(
    period: &Period,
    frame: &Frame,
    current: &[&DayRow],
    previous: &[&DayRow],
) -> (MoodSummary, TrendTest, [Moments; 7]) {
    let mut weeks = vec![(Moments::default(), 0u32); frame.weeks];
    let mut weekdays = [Moments::default(); 7];
    let mut halves = [Moments::default(); 2];
    let mut total = Moments::default();
    for d in current {
        let m = moments(d.mood);
        let week = &mut weeks[frame.week(d.day)];
        week.0.add(m);
        week.1 += d.entries;
        weekdays[d.day.weekday().num_days_from_monday() as usize].add(m);
        halves[frame.half(d.day)].add(m);
        total.add(m);
    }
    let before = previous.iter().fold(Moments::default(), |mut m, d| {
        m.add(moments(d.mood));
        m
    });
    let weekly_points: Weekly = weeks
        .iter()
        .enumerate()
        .filter_map(|(w, (m, _))| m.mean().map(|avg| (w as f64, avg)))
        .collect();
    let test = stats::mean_trend(&weekly_points, halves[0], halves[1]);
    let ((a, b), (c, d)) = period.halves();
    let summary = MoodSummary {
        average: mean(&total),
        n: total.n,
        previous_average: mean(&before),
        previous_n: before.n,
        trend: Trend::Unknown,
        first_half: Half {
            from: a,
            to: b,
            average: mean(&halves[0]),
            n: halves[0].n,
        },
        second_half: Half {
            from: c,
            to: d,
            average: mean(&halves[1]),
            n: halves[1].n,
        },
        by_weekday: weekdays
            .iter()
            .enumerate()
            .map(|(i, m)| WeekdayMood {
                weekday: WEEKDAYS[i].to_string(),
                average: mean(m),
                n: m.n,
            })
            .collect(),
        weekly: weeks
            .iter()
            .enumerate()
            .map(|(w, (m, entries))| WeekMood {
                week_start: period.from + Duration::days(7 * w as i64),
                average: mean(m),
                n: m.n,
                entries: *entries,
            })
            .collect(),
    };
    (summary, test, weekdays)
}

/// The longest run of consecutive days in `days` (which must be sorted).
fn longest_run(days: impl Iterator<Item = NaiveDate>) -> u32 {
    let (mut best, mut run, mut last): (u32, u32, Option<NaiveDate>) = (0, 0, None);
    for day in days {
        run = if last.and_then(|l| l.succ_opt()) == Some(day) {
            run + 1
        } else {
            1
        };
        best = best.max(run);
        last = Some(day);
    }
    best
}

fn language((current, before): (LanguageSums, LanguageSums)) -> Language {
    let measure = |f: &dyn Fn(&LanguageSums) -> Option<f64>| {
        let (value, previous) = (f(&current), f(&before));
        let comparable = current.entries >= stats::MIN_N && before.entries >= stats::MIN_N;
        Measure {
            value: value.map(round2),
            previous: previous.map(round2),
            change: match (value, previous) {
                (Some(v), Some(p)) if comparable => Some(round2(v - p)),
                _ => None,
            },
            n: current.entries,
            previous_n: before.entries,
        }
    };
    let per_100 = |pick: fn(&LanguageSums) -> i64| {
        move |s: &LanguageSums| (s.words > 0).then(|| 100.0 * pick(s) as f64 / s.words as f64)
    };
    Language {
        n: current.entries,
        previous_n: before.entries,
        words_per_entry: measure(&|s| {
            (s.entries > 0).then(|| s.words as f64 / f64::from(s.entries))
        }),
        insight: measure(&per_100(|s| s.insight)),
        causal: measure(&per_100(|s| s.causal)),
        absolutist: measure(&per_100(|s| s.absolutist)),
        positive: measure(&per_100(|s| s.positive)),
        negative: measure(&per_100(|s| s.negative)),
        i_words: measure(&per_100(|s| s.i)),
        we_words: measure(&per_100(|s| s.we)),
        i_we_ratio: measure(&|s| (s.we > 0).then(|| s.i as f64 / s.we as f64)),
    }
}

/// Answers by theme, and a question from the theme explored least in the period (ties go to
/// the theme answered least recently, as `mend prompt` orders them).
fn prompts(
    journal: &Journal,
    library: &Library,
    rows: &[LabelRow],
    today: NaiveDate,
) -> Result<Prompts> {
    let mut answered_by_theme: Vec<ThemeAnswers> = rows
        .iter()
        .filter(|r| !r.name.is_empty())
        .map(|r| ThemeAnswers {
            theme: r.name.clone(),
            count: r.entries,
        })
        .collect();
    answered_by_theme.sort_by(|a, b| b.count.cmp(&a.count).then(a.theme.cmp(&b.theme)));
    let count_of = |theme: &str| {
        answered_by_theme
            .iter()
            .find(|t| t.theme == theme)
            .map_or(0, |t| t.count)
    };
    let history = journal.answered_prompts(today)?;
    let least = library.themes.iter().map(|t| count_of(&t.id)).min();
    let theme = least.and_then(|least| {
        select::candidates(&library.prompts, &Wanted::default(), &history, today)
            .into_iter()
            .find(|p| count_of(&p.theme) == least)
            .map(|p| p.theme.clone())
    });
    let least_explored = theme.and_then(|theme| {
        let wanted = Wanted {
            theme: Some(&theme),
            ..Wanted::default()
        };
        let prompt = select::candidates(&library.prompts, &wanted, &history, today)
            .into_iter()
            .next()?;
        Some(LeastExplored {
            title: library
                .themes
                .iter()
                .find(|t| t.id == theme)
                .map_or_else(|| theme.clone(), |t| t.title.clone()),
            count: count_of(&theme),
            prompt: PromptChoice {
                id: prompt.id.clone(),
                text: prompt.text.clone(),
            },
            theme,
        })
    });
    Ok(Prompts {
        answered: rows.iter().map(|r| r.entries).sum(),
        answered_by_theme,
        least_explored,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longest_run_counts_consecutive_days() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let days = [
            d("2026-11-01"),
            d("2026-11-02"),
            d("2026-11-03"),
            d("2026-11-05"),
            d("2026-11-06"),
        ];
        assert_eq!(longest_run(days.into_iter()), 3);
        assert_eq!(longest_run(std::iter::empty()), 0);
    }
}
