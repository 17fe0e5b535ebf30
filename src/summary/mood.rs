//! Mood over the period (average, halves, weekdays, weeks, and the test for its trend),
//! days written and runs of days, and the language markers.

use chrono::{Duration, NaiveDate};

use super::data::{Data, FIRST_HALF};
use super::days::Days;
use super::model::*;
use super::period::Period;
use super::rules;
use super::stats::{Moments, round2};
use crate::store::summary::LanguageSums;

pub const WEEKDAYS: [&str; 7] = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];

fn mean(m: &Moments) -> Option<f64> {
    m.mean().map(round2)
}

/// The mood section (its trend and change still `Unknown`: the caller decides them with the
/// other tests).
pub fn summary(period: &Period, data: &Data, current: &[usize], days: &Days) -> MoodSummary {
    let mut weeks = vec![(Moments::default(), 0u32); data.weeks];
    let mut weekdays = [Moments::default(); 7];
    let mut halves = [Moments::default(); 2];
    let mut total = Moments::default();
    let mut before = Moments::default();
    for (p, e) in data.entries.iter().enumerate() {
        let m = e.mood.map_or(Moments::default(), |v| {
            let v = f64::from(v);
            Moments::new(1, v, v * v)
        });
        if !data.is_current(p) {
            before.add(m);
            continue;
        }
        let week = &mut weeks[data.week[p] as usize];
        week.0.add(m);
        week.1 += 1;
        weekdays[data.weekday(p)].add(m);
        halves[usize::from(data.segment[p] != FIRST_HALF)].add(m);
        total.add(m);
    }
    debug_assert_eq!(current.len() as u32, weeks.iter().map(|w| w.1).sum::<u32>());
    // Days with a mood: now, before, and in each half.
    let mut day_moods = [Moments::default(); 2];
    let mut half_days = [0u32; 2];
    for i in 0..days.len() {
        if let Some(m) = days.mood[i] {
            day_moods[usize::from(days.is_current(i))].add(Moments::new(1, m, m * m));
            if days.is_current(i) {
                half_days[usize::from(days.in_second_half(i))] += 1;
            }
        }
    }
    let ((a, b), (c, d)) = period.halves();
    let half = |from, to, m: &Moments, days: u32| Half {
        from,
        to,
        average: mean(m),
        n: m.n,
        days,
    };
    MoodSummary {
        average: mean(&total),
        n: total.n,
        previous_average: mean(&before),
        previous_n: before.n,
        days: day_moods[1].n,
        previous_days: day_moods[0].n,
        day_average: mean(&day_moods[1]),
        previous_day_average: mean(&day_moods[0]),
        trend: Trend::Unknown,
        change: Trend::Unknown,
        first_half: half(a, b, &halves[0], half_days[0]),
        second_half: half(c, d, &halves[1], half_days[1]),
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
    }
}

fn days(data: &Data, current: &[usize]) -> Vec<NaiveDate> {
    let mut days: Vec<NaiveDate> = current.iter().map(|&p| data.entries[p].day).collect();
    days.dedup();
    days
}

pub fn days_written(data: &Data, current: &[usize]) -> u32 {
    days(data, current).len() as u32
}

/// The longest run of consecutive days written in the period.
pub fn longest_run(data: &Data, current: &[usize]) -> u32 {
    run_of(&days(data, current))
}

fn run_of(days: &[NaiveDate]) -> u32 {
    let (mut best, mut run, mut last): (u32, u32, Option<NaiveDate>) = (0, 0, None);
    for &day in days {
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

pub fn language(current: LanguageSums, before: LanguageSums) -> Language {
    let measure = |f: &dyn Fn(&LanguageSums) -> Option<f64>| {
        let (value, previous) = (f(&current), f(&before));
        let comparable = current.entries >= rules::MIN_N && before.entries >= rules::MIN_N;
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn runs_count_consecutive_days() {
        let d = |s: &str| s.parse::<NaiveDate>().unwrap();
        let days = [
            d("2026-11-01"),
            d("2026-11-02"),
            d("2026-11-03"),
            d("2026-11-05"),
            d("2026-11-06"),
        ];
        assert_eq!(run_of(&days), 3);
        assert_eq!(run_of(&[]), 0);
    }

    #[test]
    fn language_compares_only_with_enough_entries() {
        let sums = |entries, words, we| LanguageSums {
            entries,
            words,
            insight: words / 50,
            i: 10,
            we,
            ..LanguageSums::default()
        };
        let l = language(sums(6, 600, 5), sums(4, 400, 0));
        assert_eq!(l.insight.value, Some(2.0));
        assert_eq!(l.insight.change, None);
        assert_eq!(l.i_we_ratio.value, Some(2.0));
        assert_eq!(l.i_we_ratio.previous, None);
        let l = language(sums(6, 600, 5), sums(5, 1000, 5));
        assert_eq!(l.words_per_entry.change, Some(-100.0));
    }
}
