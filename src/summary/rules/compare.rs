//! The two comparisons every question is one of: two sides of days (halves of the period,
//! or the period against the one before), and days with something against the other days of
//! the same weeks. Each gives one finding with its sides, size check and leave-one-day-out
//! check, and the input its permutation test runs on.

use super::carry::{
    block_length, block_sums, carry_over, carry_over_detrended, spread, spread_rho,
};
use super::{
    BUNCHED, Finding, GroupKind, LENGTH_CHANGE, MIN_DAYS, MIN_MOOD_DIFFERENCE, MIN_MOOD_SHIFT,
    MIN_RATE_FACTOR, MIN_RATE_SHIFT, MIN_WEEKS, Question, Sample, Tangle, TestKind, knob,
};
use crate::summary::days::Days;
use crate::summary::engine::{self, Rng, Stratum};

pub(super) fn mean(v: &[f64]) -> f64 {
    if v.is_empty() {
        0.0
    } else {
        v.iter().sum::<f64>() / v.len() as f64
    }
}

/// With any one value left out of either side, does `b − a` keep its sign and stay at
/// least `min` in size (and, for rates, the factor)?
pub(super) fn steady_sides(a: &[f64], b: &[f64], min: f64, rate: bool) -> bool {
    let (sa, sb) = (a.iter().sum::<f64>(), b.iter().sum::<f64>());
    let (na, nb) = (a.len() as f64, b.len() as f64);
    let direction = (sb / nb - sa / na).signum();
    let ok = |ma: f64, mb: f64| {
        let d = (mb - ma) * direction;
        d >= min - 1e-9 && (!rate || ma.max(mb) >= MIN_RATE_FACTOR * ma.min(mb))
    };
    a.iter().all(|v| ok((sa - v) / (na - 1.0), sb / nb))
        && b.iter().all(|v| ok(sa / na, (sb - v) / (nb - 1.0)))
}

pub(super) fn large_rate(a: f64, b: f64) -> bool {
    let (low, high) = (a.min(b), a.max(b));
    high - low >= MIN_RATE_SHIFT - 1e-9 && high >= MIN_RATE_FACTOR * low
}

/// Mean words per analysed day on each side, when most days were analysed; whether length
/// changed enough to compare per word.
pub(super) fn length_changed(days: &Days, side: &dyn Fn(usize) -> Option<usize>) -> bool {
    let mut words = [0.0f64; 2];
    let mut analysed = [0u32; 2];
    let mut all = [0u32; 2];
    for i in 0..days.len() {
        if let Some(s) = side(i) {
            all[s] += 1;
            if days.analysed[i] {
                analysed[s] += 1;
                words[s] += days.words[i];
            }
        }
    }
    if (0..2).any(|s| analysed[s] == 0 || f64::from(analysed[s]) < 0.8 * f64::from(all[s])) {
        return false;
    }
    let (a, b) = (
        words[0] / f64::from(analysed[0]),
        words[1] / f64::from(analysed[1]),
    );
    a.min(b) > 0.0 && a.max(b) >= LENGTH_CHANGE * a.min(b)
}

/// Presence made comparable across lengths: each day's presence minus its chance if the label
/// came up at one steady rate per word (1 − e^(−λ·words), λ chosen to match the total).
pub(super) fn per_word(days: &Days, idx: &[usize], present: &[bool]) -> Vec<f64> {
    let hits = idx.iter().filter(|&&i| present[i]).count() as f64;
    let share = hits / idx.len().max(1) as f64;
    let expected = |lambda: f64| -> f64 {
        idx.iter()
            .map(|&i| {
                if days.analysed[i] {
                    1.0 - (-lambda * days.words[i]).exp()
                } else {
                    share
                }
            })
            .sum()
    };
    let (mut lo, mut hi) = (0.0f64, 1.0f64);
    while expected(hi) < hits && hi < 1e6 {
        hi *= 2.0;
    }
    for _ in 0..60 {
        let mid = (lo + hi) / 2.0;
        if expected(mid) < hits {
            lo = mid
        } else {
            hi = mid
        }
    }
    let lambda = (lo + hi) / 2.0;
    idx.iter()
        .map(|&i| {
            let chance = if days.analysed[i] {
                1.0 - (-lambda * days.words[i]).exp()
            } else {
                share
            };
            f64::from(u8::from(present[i])) - chance
        })
        .collect()
}

/// Weeks per stratum of a within-week comparison (1; the simulations may try more).
pub(super) fn stratum_weeks() -> usize {
    knob("SIMULATE_STRATUM", 1)
}

pub(super) fn weeks_with_data(days: &Days, idx: &[usize]) -> usize {
    let mut seen = vec![false; days.blocks];
    for &i in idx {
        seen[days.block[i]] = true;
    }
    seen.iter().filter(|s| **s).count()
}

/// One question asked of two sides of days (halves of the period, or before and now).
/// `values` are what the sides are compared on (mood, or presence 0/1); `tested` what the
/// test sees (the same, or presence adjusted for length).
pub(super) struct TwoSides {
    pub(super) idx: Vec<usize>,
    pub(super) values: Vec<f64>,
    pub(super) tested: Vec<f64>,
    pub(super) second: Vec<bool>,
}

impl TwoSides {
    fn split(&self) -> (Vec<f64>, Vec<f64>) {
        let (mut a, mut b) = (Vec::new(), Vec::new());
        for (v, s) in self.values.iter().zip(&self.second) {
            if *s { b.push(*v) } else { a.push(*v) }
        }
        (a, b)
    }
}

pub(super) fn two_sided(
    days: &Days,
    question: Question,
    sides: TwoSides,
    rate: bool,
    length_adjusted: bool,
) -> Option<Finding> {
    let (a, b) = sides.split();
    if (a.len() as u32) < MIN_DAYS || (b.len() as u32) < MIN_DAYS {
        return None;
    }
    if rate && (sides.values.iter().sum::<f64>() as u32) < MIN_DAYS {
        return None;
    }
    let (ma, mb) = (mean(&a), mean(&b));
    let effect = mb - ma;
    let change = matches!(question, Question::MoodChange | Question::Change(..));
    let mut rng = Rng::named(&format!("{question:?}"));
    let block;
    let (test, tested, input) = if change {
        let (first, second): (Vec<usize>, Vec<usize>) =
            sides.idx.iter().partition(|&&i| !days.is_current(i));
        if weeks_with_data(days, &first) < MIN_WEEKS || weeks_with_data(days, &second) < MIN_WEEKS {
            return None;
        }
        let carry = carry_over(&sides.tested, &sides.second);
        let length = block_length(carry);
        block = length;
        let points = block_sums(days, &sides.idx, &sides.tested, length);
        let chosen: Vec<bool> = points
            .iter()
            .map(|(b, _)| *b as usize >= days.first_block(length))
            .collect();
        let sums: Vec<f64> = points.iter().map(|p| p.1).collect();
        // Each day weighs what its block weighs in the statistic: its side's share taken out.
        let k = chosen.iter().filter(|c| **c).count() as f64 / chosen.len().max(1) as f64;
        let day_blocks: Vec<usize> = sides
            .idx
            .iter()
            .map(|&i| days.block_of(i, length))
            .collect();
        let first = days.first_block(length);
        let weights: Vec<f64> = day_blocks
            .iter()
            .map(|&b| f64::from(u8::from(b >= first)) - k)
            .collect();
        let spread = spread(spread_rho(carry), &weights, &day_blocks);
        let tested = engine::week_split(&sums, &chosen, spread, &mut rng, engine::FIRST_SHUFFLES);
        let input = (!tested.settled).then_some(engine::Input::Split(sums, chosen, spread));
        (TestKind::WeekSplit, tested, input)
    } else {
        if weeks_with_data(days, &sides.idx) < 2 * MIN_WEEKS {
            return None;
        }
        let carry = carry_over(&sides.tested, &sides.second);
        let length = block_length(carry);
        block = length;
        let points = block_sums(days, &sides.idx, &sides.tested, length);
        // Each day weighs what its block weighs in the statistic: its distance from the
        // middle block.
        let centre = points.iter().map(|p| p.0).sum::<f64>() / points.len().max(1) as f64;
        let day_blocks: Vec<usize> = sides
            .idx
            .iter()
            .map(|&i| days.block_of(i, length))
            .collect();
        let weights: Vec<f64> = day_blocks.iter().map(|&b| b as f64 - centre).collect();
        let time: Vec<f64> = sides.idx.iter().map(|&i| days.offset[i] as f64).collect();
        let spread = spread(
            spread_rho(carry_over_detrended(&sides.tested, &time)),
            &weights,
            &day_blocks,
        );
        let tested = engine::week_trend(&points, spread, &mut rng, engine::FIRST_SHUFFLES);
        let input = (!tested.settled).then_some(engine::Input::Trend(points, spread));
        (TestKind::WeekTrend, tested, input)
    };
    let min = if rate { MIN_RATE_SHIFT } else { MIN_MOOD_SHIFT };
    let large = if rate {
        large_rate(ma, mb)
    } else {
        effect.abs() >= min - 1e-9
    };
    // The tested statistic must point the same way as the difference shown.
    let agrees = {
        let (ta, tb) = sides
            .tested
            .iter()
            .zip(&sides.second)
            .fold(
                (0.0, 0.0),
                |(x, y), (v, s)| if *s { (x, y + v) } else { (x + v, y) },
            );
        let (na, nb) = (a.len() as f64, b.len() as f64);
        (tb / nb - ta / na) * effect > 0.0
    };
    Some(Finding {
        question,
        test,
        method: tested.method,
        p: tested.p,
        p_adjusted: 1.0,
        effect,
        sides: [(a.len() as u32, ma), (b.len() as u32, mb)],
        large: large && agrees,
        steady: steady_sides(&a, &b, min, rate),
        separable: true,
        length_adjusted,
        claimed: false,
        interval: None,
        block,
        sample: Sample::Sides(a, b),
        input,
        settled: tested.settled,
    })
}

/// Mood on days with `with` against the other days of the same weeks (period days only).
pub(super) fn within(
    days: &Days,
    group: GroupKind,
    name: &str,
    with: &[bool],
) -> (Option<Finding>, Option<Tangle>) {
    let idx: Vec<usize> = days.current().filter(|&i| days.mood[i].is_some()).collect();
    let mut weeks: Vec<Vec<(f64, bool)>> = vec![Vec::new(); days.blocks];
    for &i in &idx {
        weeks[(days.block[i] - days.first_current_block) / stratum_weeks()]
            .push((days.mood[i].unwrap_or(0.0), with[i]));
    }
    let informative: Vec<&Vec<(f64, bool)>> = weeks
        .iter()
        .filter(|w| {
            let k = w.iter().filter(|d| d.1).count();
            k > 0 && k < w.len()
        })
        .collect();
    let k_total: usize = informative
        .iter()
        .map(|w| w.iter().filter(|d| d.1).count())
        .sum();
    let n_total: usize = informative.iter().map(|w| w.len()).sum();
    // The raw means, over all the period's days with a mood.
    let (mut sw, mut nw, mut so, mut no) = (0.0, 0u32, 0.0, 0u32);
    for &i in &idx {
        let m = days.mood[i].unwrap_or(0.0);
        if with[i] {
            sw += m;
            nw += 1;
        } else {
            so += m;
            no += 1;
        }
    }
    if (k_total as u32) < MIN_DAYS || ((n_total - k_total) as u32) < MIN_DAYS {
        return (None, None);
    }
    let (mw, mo) = (sw / f64::from(nw), so / f64::from(no));
    let stats: Vec<(f64, f64, f64, f64)> = informative
        .iter()
        .map(|w| {
            let (mut sx, mut k, mut s) = (0.0, 0.0, 0.0);
            for (m, x) in w.iter() {
                s += m;
                if *x {
                    sx += m;
                    k += 1.0;
                }
            }
            (sx, k, s, w.len() as f64)
        })
        .collect();
    let effect = stratified(&stats);
    let strata: Vec<Stratum> = informative
        .iter()
        .map(|w| {
            let m = w.iter().map(|d| d.0).sum::<f64>() / w.len() as f64;
            Stratum {
                residuals: w.iter().map(|d| d.0 - m).collect(),
                with: w.iter().map(|d| d.1).collect(),
            }
        })
        .collect();
    let question = Question::With(group, name.to_string());
    let tested = engine::within_weeks(
        &strata,
        &mut Rng::named(&format!("{question:?}")),
        engine::FIRST_SHUFFLES,
    );
    let input = (!tested.settled).then_some(engine::Input::Within(strata));
    // Leave any one day out: only its week's part of the sums changes.
    let part = |(sx, k, s, n): (f64, f64, f64, f64)| -> (f64, f64) {
        if k > 0.0 && k < n {
            (sx - k * s / n, k * (n - k) / n)
        } else {
            (0.0, 0.0)
        }
    };
    let (t_all, w_all) = stats.iter().fold((0.0, 0.0), |(t, w), &x| {
        let (a, b) = part(x);
        (t + a, w + b)
    });
    let steady = stats.iter().enumerate().all(|(wi, &(sx, k, s, n))| {
        let (t_w, w_w) = part((sx, k, s, n));
        informative[wi].iter().all(|&(m, x)| {
            let without = if x {
                (sx - m, k - 1.0, s - m, n - 1.0)
            } else {
                (sx, k, s - m, n - 1.0)
            };
            let (t2, w2) = part(without);
            let (t, w) = (t_all - t_w + t2, w_all - w_w + w2);
            let e = if w > 0.0 { t / w } else { 0.0 };
            e * effect.signum() >= MIN_MOOD_DIFFERENCE - 1e-9
        })
    });
    let large = effect.abs() >= MIN_MOOD_DIFFERENCE - 1e-9 && (mw - mo) * effect > 0.0;
    // Bunched into one half of the period?
    let (mut first_with, mut second_with, mut first_all, mut second_all) =
        (0.0f64, 0.0f64, 0.0f64, 0.0f64);
    for i in days.current() {
        let late = days.in_second_half(i);
        if late {
            second_all += 1.0
        } else {
            first_all += 1.0
        }
        if with[i] {
            if late {
                second_with += 1.0
            } else {
                first_with += 1.0
            }
        }
    }
    let share_late = second_with / (first_with + second_with).max(1.0);
    let written_late = second_all / (first_all + second_all).max(1.0);
    let bunched = group != GroupKind::Weekday && (share_late - written_late).abs() >= BUNCHED;
    let mut tangle = None;
    if bunched && (mw - mo).abs() >= MIN_MOOD_DIFFERENCE {
        let halves: (Vec<f64>, Vec<f64>) = (
            idx.iter()
                .filter(|&&i| days.in_first_half(i))
                .map(|&i| days.mood[i].unwrap_or(0.0))
                .collect(),
            idx.iter()
                .filter(|&&i| days.in_second_half(i))
                .map(|&i| days.mood[i].unwrap_or(0.0))
                .collect(),
        );
        let rise = mean(&halves.1) - mean(&halves.0);
        let late = share_late > written_late;
        // The tangle is real when the pooled difference is what the mood's movement alone
        // would give: late and higher with a rise, or early and higher with a fall.
        if rise.abs() >= MIN_MOOD_SHIFT && ((mw - mo) * rise > 0.0) == late {
            tangle = Some(Tangle {
                group,
                name: name.to_string(),
                late,
                mood_rose: rise > 0.0,
            });
        }
    }
    let finding = Finding {
        question,
        test: TestKind::WithinWeeks,
        method: tested.method,
        p: tested.p,
        p_adjusted: 1.0,
        effect,
        sides: [(nw, mw), (no, mo)],
        large,
        steady,
        separable: !bunched,
        length_adjusted: false,
        claimed: false,
        interval: None,
        block: 7,
        sample: Sample::Weeks(stats),
        input,
        settled: tested.settled,
    };
    (Some(finding), tangle)
}

/// The within-week difference: Σ (sum with − days with × week mean) over
/// Σ days with × days without / days, weeks without both sides carrying no weight.
pub(super) fn stratified(stats: &[(f64, f64, f64, f64)]) -> f64 {
    let (mut t, mut w) = (0.0, 0.0);
    for &(sx, k, s, n) in stats {
        if k > 0.0 && k < n {
            t += sx - k * s / n;
            w += k * (n - k) / n;
        }
    }
    if w > 0.0 { t / w } else { 0.0 }
}
