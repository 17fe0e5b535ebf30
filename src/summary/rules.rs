//! The rules that decide what may be claimed: the thresholds, the trend rule (weekly rank
//! correlation, halves, significance) and the with/without difference rule, each judged
//! within its family of tests (Bonferroni). Documented in docs/summary.md and in `summary`'s
//! module comment.

use serde::{Deserialize, Serialize};

use super::stats::{Moments, spearman, two_proportions_p, welch_p};

/// The fewest data points on each side of any comparison.
pub const MIN_N: u32 = 5;
/// A trend needs at least this many weeks that have data…
pub const MIN_WEEKS: usize = 4;
/// …and at least this many data points in all.
pub const MIN_POINTS: u32 = 10;
/// The weakest rank correlation between week and weekly value that counts as the weeks
/// agreeing on a direction.
pub const MIN_RHO: f64 = 0.3;
/// The smallest change in mean mood between the halves that counts as a rise or fall.
pub const MIN_MOOD_SHIFT: f64 = 0.5;
/// The smallest change in a rate between the halves (10 percentage points)…
pub const MIN_RATE_SHIFT: f64 = 0.10;
/// …which must also be at least this factor (higher rate / lower rate).
pub const MIN_RATE_FACTOR: f64 = 1.5;
/// The smallest difference in mean mood, with versus without, that is called a difference.
pub const MIN_MOOD_DIFFERENCE: f64 = 0.75;
/// The chance of a false claim allowed for a whole family of tests (Bonferroni): one in a
/// hundred, stricter than the usual 5%, because a person reads a summary again and again.
pub const FAMILY_ALPHA: f64 = 0.01;

/// The significance level for each of `tests` tests, so the family stays at `FAMILY_ALPHA`.
pub fn family_alpha(tests: usize) -> f64 {
    FAMILY_ALPHA / tests.max(1) as f64
}

/// Which way something moved over a period, if it clearly did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Trend {
    Up,
    Down,
    /// Enough data, and no clear direction.
    Flat,
    /// Not enough data to say.
    Unknown,
}

/// Everything the trend rule looks at, gathered before the family size is known.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrendTest {
    /// Enough weeks, points and entries in each half.
    pub enough: bool,
    /// Spearman's rho between week index and weekly value.
    pub rho: Option<f64>,
    /// Second half minus first half (mood points, or rate).
    pub shift: f64,
    /// Whether the shift is large enough to matter.
    pub large: bool,
    /// Significance of the halves comparison.
    pub p: f64,
}

impl TrendTest {
    /// Up or down only when rank correlation, halves and significance all agree.
    pub fn verdict(&self, alpha: f64) -> Trend {
        if !self.enough {
            return Trend::Unknown;
        }
        match self.rho {
            Some(rho)
                if rho.abs() >= MIN_RHO
                    && self.large
                    && self.p < alpha
                    && (rho > 0.0) == (self.shift > 0.0) =>
            {
                if rho > 0.0 {
                    Trend::Up
                } else {
                    Trend::Down
                }
            }
            _ => Trend::Flat,
        }
    }
}

/// A weekly series: (week index, value) for the weeks that have data.
pub type Weekly = Vec<(f64, f64)>;

fn weekly_rho(weekly: &Weekly) -> Option<f64> {
    let (x, y): (Vec<f64>, Vec<f64>) = weekly.iter().copied().unzip();
    spearman(&x, &y)
}

/// The trend of a mean (mood): weekly averages, and the two halves of the period.
pub fn mean_trend(weekly: &Weekly, first: Moments, second: Moments) -> TrendTest {
    let enough = weekly.len() >= MIN_WEEKS
        && first.n + second.n >= MIN_POINTS
        && first.n >= MIN_N
        && second.n >= MIN_N;
    let shift = match (first.mean(), second.mean()) {
        (Some(a), Some(b)) => b - a,
        _ => 0.0,
    };
    TrendTest {
        enough,
        rho: weekly_rho(weekly),
        shift,
        large: shift.abs() >= MIN_MOOD_SHIFT,
        p: welch_p(&first, &second).unwrap_or(1.0),
    }
}

/// The trend of a rate (entries with a sign among all entries): weekly rates, and `hits`
/// of `n` entries in each half.
pub fn rate_trend(weekly: &Weekly, first: (u32, u32), second: (u32, u32)) -> TrendTest {
    let ((x1, n1), (x2, n2)) = (first, second);
    let enough = weekly.len() >= MIN_WEEKS && n1 + n2 >= MIN_POINTS && n1 >= MIN_N && n2 >= MIN_N;
    let rate = |x: u32, n: u32| {
        if n == 0 {
            0.0
        } else {
            f64::from(x) / f64::from(n)
        }
    };
    let (r1, r2) = (rate(x1, n1), rate(x2, n2));
    let (low, high) = (r1.min(r2), r1.max(r2));
    TrendTest {
        enough,
        rho: weekly_rho(weekly),
        shift: r2 - r1,
        large: high - low >= MIN_RATE_SHIFT - 1e-9 && high >= MIN_RATE_FACTOR * low,
        p: two_proportions_p(x1, n1, x2, n2).unwrap_or(1.0),
    }
}

/// A with/without comparison of mean mood.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct DifferenceTest {
    pub enough: bool,
    pub difference: f64,
    pub p: f64,
}

impl DifferenceTest {
    pub fn new(with: &Moments, without: &Moments) -> DifferenceTest {
        let difference = match (with.mean(), without.mean()) {
            (Some(a), Some(b)) => a - b,
            _ => 0.0,
        };
        DifferenceTest {
            enough: with.n >= MIN_N && without.n >= MIN_N,
            difference,
            p: welch_p(with, without).unwrap_or(1.0),
        }
    }

    /// Claimed only with enough on both sides, a large enough gap, and significance.
    pub fn claimed(&self, alpha: f64) -> bool {
        self.enough && self.difference.abs() >= MIN_MOOD_DIFFERENCE - 1e-9 && self.p < alpha
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator (xorshift) for simulated journals.
    struct Rng(u64);
    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            self.0
        }
        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
        fn chance(&mut self, p: f64) -> bool {
            (self.next() % 1_000_000) as f64 / 1_000_000.0 < p
        }
    }

    #[test]
    fn a_clear_fall_is_down_and_too_little_is_unknown() {
        let weekly: Weekly = (0..8)
            .map(|w| (w as f64, if w < 4 { 0.6 } else { 0.25 }))
            .collect();
        let t = rate_trend(&weekly, (17, 28), (7, 28));
        assert_eq!(t.verdict(0.05), Trend::Down);
        // The same with only three weeks of data is not enough.
        let t = rate_trend(&weekly[..3].to_vec(), (17, 28), (7, 28));
        assert_eq!(t.verdict(0.05), Trend::Unknown);
        // Halves that disagree with the weekly order: no claim.
        let t = rate_trend(&weekly, (7, 28), (17, 28));
        assert_eq!(t.verdict(0.05), Trend::Flat);
        // A rise of mood.
        let weekly: Weekly = (0..6).map(|w| (w as f64, 2.5 + 0.3 * w as f64)).collect();
        let first = Moments::of(&[2.0, 3.0, 2.0, 3.0, 3.0, 2.0, 3.0, 2.0]);
        let second = Moments::of(&[4.0, 4.0, 3.0, 5.0, 4.0, 4.0, 3.0, 4.0]);
        assert_eq!(mean_trend(&weekly, first, second).verdict(0.05), Trend::Up);
        // Fewer than five moods in a half.
        let few = Moments::of(&[4.0, 4.0, 5.0, 4.0]);
        assert_eq!(
            mean_trend(&weekly, first, few).verdict(0.05),
            Trend::Unknown
        );
    }

    #[test]
    fn differences_need_five_on_each_side_and_a_real_gap() {
        let with = Moments::of(&[5.0, 4.0, 5.0, 4.0]);
        let without = Moments::of(&[2.0, 3.0, 2.0, 3.0, 2.0, 3.0]);
        assert!(!DifferenceTest::new(&with, &without).enough);
        let with = Moments::of(&[5.0, 4.0, 5.0, 4.0, 5.0]);
        let t = DifferenceTest::new(&with, &without);
        assert!(t.claimed(0.05), "{t:?}");
        // Significant but small: not called a difference.
        let big_a = Moments::of(&vec![3.5; 200]);
        let mut big_b = Moments::of(&vec![3.0; 100]);
        big_b.add(Moments::of(&vec![3.1; 100]));
        let t = DifferenceTest::new(&big_a, &big_b);
        assert!(t.p < 0.001 && !t.claimed(0.05), "{t:?}");
    }

    /// One noisy weekly rate series over `days` (one entry a day), `r1` then `r2`.
    fn rate_series(rng: &mut Rng, days: usize, r1: f64, r2: f64) -> TrendTest {
        let mut weeks = vec![(0u32, 0u32); days.div_ceil(7)];
        let mut halves = [(0u32, 0u32); 2];
        for day in 0..days {
            let half = usize::from(day >= days / 2);
            let hit = u32::from(rng.chance(if half == 0 { r1 } else { r2 }));
            weeks[day / 7].0 += hit;
            weeks[day / 7].1 += 1;
            halves[half].0 += hit;
            halves[half].1 += 1;
        }
        let weekly: Weekly = weeks
            .iter()
            .enumerate()
            .map(|(i, (x, n))| (i as f64, f64::from(*x) / f64::from(*n)))
            .collect();
        rate_trend(&weekly, halves[0], halves[1])
    }

    /// Random journals (moods uniform, signs and themes at rates that never change) should
    /// almost never give a claim: the whole point of the rule.
    #[test]
    fn noise_rarely_gives_a_claim() {
        let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
        let runs = 1000;
        for days in [60, 120, 365] {
            let mut claims = 0;
            for _ in 0..runs {
                // Mood: one entry a day, uniform 1–5.
                let mut weeks = vec![Vec::new(); days / 7 + 1];
                let mut halves = [Moments::default(); 2];
                for day in 0..days {
                    let mood = 1.0 + rng.below(5) as f64;
                    weeks[day / 7].push(mood);
                    halves[usize::from(day >= days / 2)].add(Moments::of(&[mood]));
                }
                let weekly: Weekly = weeks
                    .iter()
                    .enumerate()
                    .filter(|(_, v)| !v.is_empty())
                    .map(|(i, v)| (i as f64, v.iter().sum::<f64>() / v.len() as f64))
                    .collect();
                let mut tests = vec![mean_trend(&weekly, halves[0], halves[1])];
                // Five signs and thirteen themes, each at its own steady rate.
                for _ in 0..18 {
                    let rate = 0.05 + rng.below(55) as f64 / 100.0;
                    tests.push(rate_series(&mut rng, days, rate, rate));
                }
                let alpha = family_alpha(tests.iter().filter(|t| t.enough).count());
                if tests
                    .iter()
                    .any(|t| matches!(t.verdict(alpha), Trend::Up | Trend::Down))
                {
                    claims += 1;
                }
            }
            assert!(
                claims * 100 <= runs * 2,
                "{claims} of {runs} noise journals over {days} days gave a trend"
            );
        }

        // And a real halving over a year is found nearly always.
        let found = (0..200)
            .filter(|_| {
                rate_series(&mut rng, 365, 0.6, 0.3).verdict(family_alpha(19)) == Trend::Down
            })
            .count();
        assert!(
            found >= 180,
            "a halving over a year was found {found} times in 200"
        );

        // With/without: twenty random tags against uniform moods.
        let mut claims = 0;
        let runs = 1000;
        for _ in 0..runs {
            let moods: Vec<f64> = (0..120).map(|_| 1.0 + rng.below(5) as f64).collect();
            let total = Moments::of(&moods);
            let tests: Vec<DifferenceTest> = (0..20)
                .map(|_| {
                    let with: Vec<f64> =
                        moods.iter().copied().filter(|_| rng.chance(0.2)).collect();
                    let with = Moments::of(&with);
                    DifferenceTest::new(&with, &total.without(with))
                })
                .collect();
            let alpha = family_alpha(tests.iter().filter(|t| t.enough).count());
            if tests.iter().any(|t| t.claimed(alpha)) {
                claims += 1;
            }
        }
        assert!(
            claims * 100 <= runs * 2,
            "{claims} of {runs} noise journals gave a difference"
        );
    }
}
