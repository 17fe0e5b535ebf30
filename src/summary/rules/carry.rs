//! Carry-over between days: how long a shuffled block must be so that neighbouring blocks
//! are nearly independent, and how much wider a statistic spreads than shuffling blocks
//! assumes when they are not (rule 3 in docs/summary.md).

use super::compare::mean;
use super::{CARRY_OVER, knob};
use crate::summary::days::Days;

/// Block sums of `values - mean` for the days `idx`, as (block, sum) for blocks with data,
/// blocks being `length` days long.
pub(super) fn block_sums(
    days: &Days,
    idx: &[usize],
    values: &[f64],
    length: usize,
) -> Vec<(f64, f64)> {
    let m = mean(values);
    // Days are in order, so their blocks only grow: sums are gathered in one pass.
    let mut sums: Vec<(f64, f64)> = Vec::new();
    let mut last = usize::MAX;
    for (&i, v) in idx.iter().zip(values) {
        let b = days.block_of(i, length);
        if b != last {
            sums.push((b as f64, 0.0));
            last = b;
        }
        if let Some(s) = sums.last_mut() {
            s.1 += v - m;
        }
    }
    sums
}

/// The lag-1 correlation of residuals in day order, and how many days it rests on; `None` when
/// they do not vary.
fn lag_one(r: &[f64]) -> Option<(f64, usize)> {
    let ss: f64 = r.iter().map(|x| x * x).sum();
    if ss <= 1e-12 {
        return None;
    }
    let lag: f64 = r.windows(2).map(|w| w[0] * w[1]).sum();
    Some((lag / ss, r.len()))
}

/// The carry-over between consecutive days written: the lag-1 correlation of `values` after
/// taking out each side's mean, and how many days it rests on. `None` when there is too
/// little to measure (then the longest blocks are used).
pub(super) fn carry_over(values: &[f64], second: &[bool]) -> Option<(f64, usize)> {
    let n = values.len();
    if n < 3 {
        return None;
    }
    let (mut sa, mut na, mut sb, mut nb) = (0.0f64, 0.0f64, 0.0f64, 0.0f64);
    for (v, s) in values.iter().zip(second) {
        if *s {
            sb += v;
            nb += 1.0;
        } else {
            sa += v;
            na += 1.0;
        }
    }
    let (ma, mb) = (sa / na.max(1.0), sb / nb.max(1.0));
    let r: Vec<f64> = values
        .iter()
        .zip(second)
        .map(|(v, s)| v - if *s { mb } else { ma })
        .collect();
    lag_one(&r)
}

/// The carry-over between consecutive days written, for a trend: the lag-1 correlation of
/// `values` after taking out the straight line that fits them best over `time` (so a trend,
/// which is what is tested, does not pass for carry-over), and how many days it rests on.
pub(super) fn carry_over_detrended(values: &[f64], time: &[f64]) -> Option<(f64, usize)> {
    let n = values.len();
    if n < 4 {
        return None;
    }
    let (mt, mv) = (mean(time), mean(values));
    let (mut stv, mut stt) = (0.0f64, 0.0f64);
    for (t, v) in time.iter().zip(values) {
        stv += (t - mt) * (v - mv);
        stt += (t - mt) * (t - mt);
    }
    let slope = if stt > 1e-12 { stv / stt } else { 0.0 };
    let r: Vec<f64> = time
        .iter()
        .zip(values)
        .map(|(t, v)| v - mv - slope * (t - mt))
        .collect();
    lag_one(&r)
}

/// How many days a shuffled block must span so that carry-over between blocks is small: the
/// lag-1 correlation of consecutive days, raised by two standard errors so that noise in it
/// errs towards longer blocks, must fall below 0.05 over a block. One day when days are
/// independent, a week at most.
pub(super) fn block_length(carry: Option<(f64, usize)>) -> usize {
    let Some((rho, n)) = carry else {
        return 7;
    };
    let rho = (rho + carry_margin() / (n as f64).sqrt()).clamp(0.0, 0.99);
    (1..=7)
        .find(|&l| rho.powi(l as i32) <= CARRY_OVER)
        .unwrap_or(7)
}

/// How much wider a block statistic Σ weight · (day's value − mean) spreads than shuffling
/// whole blocks assumes, when consecutive days carry over with correlation `rho` (the days
/// taken in order, each day's weight being its block's). Shuffling blocks keeps the
/// carry-over inside each block, but neighbouring blocks are alike too: the last days of one
/// and the first of the next. The ratio of the statistic's variance with that carry-over
/// between blocks to its variance without it, never below 1: p-values are worked out on the
/// statistic divided by its square root. One pass over the days (ρ^distance summed as it
/// goes), so it costs no more than the block sums.
pub(super) fn spread(rho: f64, weights: &[f64], blocks: &[usize]) -> f64 {
    if rho <= 0.0 || weights.len() < 2 {
        return 1.0;
    }
    let rho = rho.min(0.95);
    let (mut all, mut inside) = (0.0f64, 0.0f64);
    let (mut carried_all, mut carried_inside) = (0.0f64, 0.0f64);
    for i in 0..weights.len() {
        if i > 0 {
            carried_all = rho * (carried_all + weights[i - 1]);
            carried_inside = if blocks[i] == blocks[i - 1] {
                rho * (carried_inside + weights[i - 1])
            } else {
                0.0
            };
        }
        let w = weights[i];
        all += w * w + 2.0 * w * carried_all;
        inside += w * w + 2.0 * w * carried_inside;
    }
    if inside <= 1e-12 {
        1.0
    } else {
        (all / inside).max(1.0)
    }
}

/// The carry-over `spread` allows for: the measured lag-1 correlation raised by this many
/// standard errors (the simulations may try others: `SIMULATE_SPREAD_MARGIN`; -9 or less
/// there turns the allowance off).
pub(super) fn spread_rho(carry: Option<(f64, usize)>) -> f64 {
    let margin = knob("SIMULATE_SPREAD_MARGIN", SPREAD_MARGIN);
    match carry {
        Some((rho, n)) if margin > -9.0 => rho + margin / (n as f64).sqrt(),
        _ => 0.0,
    }
}

/// Standard errors added to the measured carry-over for `spread`.
pub const SPREAD_MARGIN: f64 = 0.0;

/// Standard errors added to the measured carry-over before the block length is chosen.
pub(super) fn carry_margin() -> f64 {
    knob("SIMULATE_MARGIN", 2.0)
}

#[cfg(test)]
mod spread_tests {
    use super::*;

    #[test]
    fn independent_days_spread_as_the_shuffles_assume() {
        let weights: Vec<f64> = (0..60).map(|d| f64::from(d / 5) - 5.5).collect();
        let blocks: Vec<usize> = (0..60).map(|d| d / 5).collect();
        assert_eq!(spread(0.0, &weights, &blocks), 1.0);
        assert_eq!(spread(-0.2, &weights, &blocks), 1.0);
    }

    #[test]
    fn carry_over_between_blocks_widens_a_trend() {
        // Blocks of 5 days, weights rising by block: neighbouring blocks add covariance.
        let weights: Vec<f64> = (0..60).map(|d| f64::from(d / 5) - 5.5).collect();
        let blocks: Vec<usize> = (0..60).map(|d| d / 5).collect();
        let mild = spread(0.3, &weights, &blocks);
        let strong = spread(0.7, &weights, &blocks);
        assert!(mild > 1.05 && mild < 1.3, "{mild}");
        assert!(strong > mild, "{strong}");
        // Single-day blocks: the whole AR(1) variance inflation, (1 + ρ) / (1 − ρ) at most.
        let days: Vec<usize> = (0..60).collect();
        let w: Vec<f64> = (0..60).map(|d| f64::from(d) - 29.5).collect();
        let single = spread(0.3, &w, &days);
        assert!(single > 1.5 && single < 1.3 / 0.7, "{single}");
    }

    #[test]
    fn a_trend_alone_is_not_carry_over() {
        let time: Vec<f64> = (0..100).map(f64::from).collect();
        let values: Vec<f64> = time
            .iter()
            .map(|t| t * 0.05 + if (*t as i64) % 2 == 0 { 1.0 } else { -1.0 })
            .collect();
        let (rho, n) = carry_over_detrended(&values, &time).unwrap();
        assert_eq!(n, 100);
        assert!(rho < -0.9, "{rho}");
    }
}
