//! The small statistics behind every claim: means from running sums, Spearman's rank
//! correlation, Welch's t-test, a two-proportion test, and the trend and difference rules
//! (thresholds documented in docs/summary.md and in `summary`'s module comment).

use serde::{Deserialize, Serialize};

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

/// Count, sum and sum of squares: enough for a mean and a variance, and they add up.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Moments {
    pub n: u32,
    pub sum: f64,
    pub sumsq: f64,
}

impl Moments {
    pub fn new(n: u32, sum: f64, sumsq: f64) -> Moments {
        Moments { n, sum, sumsq }
    }

    #[cfg(test)]
    pub fn of(values: &[f64]) -> Moments {
        values.iter().fold(Moments::default(), |mut m, &v| {
            m.n += 1;
            m.sum += v;
            m.sumsq += v * v;
            m
        })
    }

    pub fn add(&mut self, other: Moments) {
        self.n += other.n;
        self.sum += other.sum;
        self.sumsq += other.sumsq;
    }

    /// What is left of `self` without the part `other` (which must be inside it).
    pub fn without(self, other: Moments) -> Moments {
        Moments {
            n: self.n.saturating_sub(other.n),
            sum: self.sum - other.sum,
            sumsq: self.sumsq - other.sumsq,
        }
    }

    pub fn mean(&self) -> Option<f64> {
        (self.n > 0).then(|| self.sum / f64::from(self.n))
    }

    /// The sample variance (n − 1 in the denominator).
    pub fn variance(&self) -> Option<f64> {
        if self.n < 2 {
            return None;
        }
        let n = f64::from(self.n);
        Some(((self.sumsq - self.sum * self.sum / n) / (n - 1.0)).max(0.0))
    }
}

/// Ranks from 1, ties sharing their average rank.
pub fn ranks(values: &[f64]) -> Vec<f64> {
    let mut order: Vec<usize> = (0..values.len()).collect();
    order.sort_by(|&a, &b| values[a].total_cmp(&values[b]));
    let mut out = vec![0.0; values.len()];
    let mut i = 0;
    while i < order.len() {
        let mut j = i;
        while j + 1 < order.len() && values[order[j + 1]] == values[order[i]] {
            j += 1;
        }
        let rank = (i + j) as f64 / 2.0 + 1.0;
        for &k in &order[i..=j] {
            out[k] = rank;
        }
        i = j + 1;
    }
    out
}

fn pearson(x: &[f64], y: &[f64]) -> Option<f64> {
    let n = x.len() as f64;
    let (mx, my) = (x.iter().sum::<f64>() / n, y.iter().sum::<f64>() / n);
    let (mut sxy, mut sxx, mut syy) = (0.0, 0.0, 0.0);
    for (a, b) in x.iter().zip(y) {
        sxy += (a - mx) * (b - my);
        sxx += (a - mx) * (a - mx);
        syy += (b - my) * (b - my);
    }
    (sxx > 0.0 && syy > 0.0).then(|| (sxy / (sxx * syy).sqrt()).clamp(-1.0, 1.0))
}

/// Spearman's rank correlation; `None` with fewer than three pairs or when either side is
/// constant (there is no order to follow).
pub fn spearman(x: &[f64], y: &[f64]) -> Option<f64> {
    if x.len() != y.len() || x.len() < 3 {
        return None;
    }
    pearson(&ranks(x), &ranks(y))
}

/// Two-sided p-value of Welch's t-test for the means of `a` and `b`.
pub fn welch_p(a: &Moments, b: &Moments) -> Option<f64> {
    let (ma, mb) = (a.mean()?, b.mean()?);
    let (va, vb) = (a.variance()?, b.variance()?);
    let (na, nb) = (f64::from(a.n), f64::from(b.n));
    let (sa, sb) = (va / na, vb / nb);
    let se2 = sa + sb;
    if se2 <= 1e-12 {
        // Both sides without any spread: a difference is as clear as it can be.
        return Some(if (ma - mb).abs() > 1e-9 { 0.0 } else { 1.0 });
    }
    let t = (ma - mb) / se2.sqrt();
    let denominator = sa * sa / (na - 1.0) + sb * sb / (nb - 1.0);
    let df = if denominator > 0.0 {
        se2 * se2 / denominator
    } else {
        na + nb - 2.0
    };
    Some(student_t_two_sided(t, df))
}

/// Two-sided p-value of the two-proportion z-test (pooled), `x` of `n` on each side.
pub fn two_proportions_p(x1: u32, n1: u32, x2: u32, n2: u32) -> Option<f64> {
    if n1 == 0 || n2 == 0 {
        return None;
    }
    let (n1f, n2f) = (f64::from(n1), f64::from(n2));
    let pooled = f64::from(x1 + x2) / (n1f + n2f);
    let se = (pooled * (1.0 - pooled) * (1.0 / n1f + 1.0 / n2f)).sqrt();
    if se <= 0.0 {
        return Some(1.0);
    }
    let z = (f64::from(x2) / n2f - f64::from(x1) / n1f) / se;
    Some(erfc(z.abs() / std::f64::consts::SQRT_2))
}

fn student_t_two_sided(t: f64, df: f64) -> f64 {
    if !t.is_finite() {
        return 0.0;
    }
    incomplete_beta(df / 2.0, 0.5, df / (df + t * t)).clamp(0.0, 1.0)
}

/// ln Γ(x) for x > 0 (Lanczos approximation, g = 7).
fn ln_gamma(x: f64) -> f64 {
    const G: [f64; 9] = [
        0.999_999_999_999_809_9,
        676.520_368_121_885_1,
        -1_259.139_216_722_402_8,
        771.323_428_777_653_1,
        -176.615_029_162_140_6,
        12.507_343_278_686_905,
        -0.138_571_095_265_720_12,
        9.984_369_578_019_572e-6,
        1.505_632_735_149_311_6e-7,
    ];
    if x < 0.5 {
        let pi = std::f64::consts::PI;
        return (pi / (pi * x).sin()).ln() - ln_gamma(1.0 - x);
    }
    let x = x - 1.0;
    let mut a = G[0];
    let t = x + 7.5;
    for (i, g) in G.iter().enumerate().skip(1) {
        a += g / (x + i as f64);
    }
    0.5 * (2.0 * std::f64::consts::PI).ln() + (x + 0.5) * t.ln() - t + a.ln()
}

/// The regularised incomplete beta function I_x(a, b).
fn incomplete_beta(a: f64, b: f64, x: f64) -> f64 {
    if x <= 0.0 {
        return 0.0;
    }
    if x >= 1.0 {
        return 1.0;
    }
    let front =
        (ln_gamma(a + b) - ln_gamma(a) - ln_gamma(b) + a * x.ln() + b * (1.0 - x).ln()).exp();
    if x < (a + 1.0) / (a + b + 2.0) {
        front * beta_fraction(a, b, x) / a
    } else {
        1.0 - front * beta_fraction(b, a, 1.0 - x) / b
    }
}

/// The continued fraction for the incomplete beta function (modified Lentz).
fn beta_fraction(a: f64, b: f64, x: f64) -> f64 {
    const TINY: f64 = 1e-300;
    let (qab, qap, qam) = (a + b, a + 1.0, a - 1.0);
    let mut c = 1.0;
    let mut d = 1.0 - qab * x / qap;
    if d.abs() < TINY {
        d = TINY;
    }
    d = 1.0 / d;
    let mut h = d;
    for m in 1..300 {
        let m = f64::from(m);
        let m2 = 2.0 * m;
        let aa = m * (b - m) * x / ((qam + m2) * (a + m2));
        d = 1.0 + aa * d;
        d = if d.abs() < TINY { TINY } else { d };
        c = 1.0 + aa / c;
        c = if c.abs() < TINY { TINY } else { c };
        d = 1.0 / d;
        h *= d * c;
        let aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
        d = 1.0 + aa * d;
        d = if d.abs() < TINY { TINY } else { d };
        c = 1.0 + aa / c;
        c = if c.abs() < TINY { TINY } else { c };
        d = 1.0 / d;
        let step = d * c;
        h *= step;
        if (step - 1.0).abs() < 3e-14 {
            break;
        }
    }
    h
}

/// The complementary error function (Chebyshev fit, relative error below 1.2e-7).
fn erfc(x: f64) -> f64 {
    let z = x.abs();
    let t = 1.0 / (1.0 + 0.5 * z);
    let poly = -z * z - 1.265_512_23
        + t * (1.000_023_68
            + t * (0.374_091_96
                + t * (0.096_784_18
                    + t * (-0.186_288_06
                        + t * (0.278_868_07
                            + t * (-1.135_203_98
                                + t * (1.488_515_87 + t * (-0.822_152_23 + t * 0.170_872_77))))))));
    let r = t * poly.exp();
    if x >= 0.0 { r } else { 2.0 - r }
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

    fn close(a: f64, b: f64, eps: f64) -> bool {
        (a - b).abs() < eps
    }

    #[test]
    fn ranks_share_ties() {
        assert_eq!(ranks(&[10.0, 20.0, 20.0, 5.0]), vec![2.0, 3.5, 3.5, 1.0]);
    }

    #[test]
    fn spearman_follows_order_not_size() {
        let x = [1.0, 2.0, 3.0, 4.0, 5.0];
        assert!(close(
            spearman(&x, &[1.0, 4.0, 9.0, 16.0, 100.0]).unwrap(),
            1.0,
            1e-12
        ));
        assert!(close(
            spearman(&x, &[5.0, 4.0, 3.0, 2.0, 1.0]).unwrap(),
            -1.0,
            1e-12
        ));
        // A known value: d² = 0+1+1+4+4... computed by hand as 1 − 6·Σd²/(n(n²−1)).
        let r = spearman(&x, &[2.0, 1.0, 4.0, 3.0, 5.0]).unwrap();
        assert!(close(r, 0.8, 1e-12), "{r}");
        assert_eq!(spearman(&x, &[3.0; 5]), None);
        assert_eq!(spearman(&[1.0, 2.0], &[1.0, 2.0]), None);
    }

    #[test]
    fn moments_give_mean_and_variance() {
        let m = Moments::of(&[2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0]);
        assert_eq!(m.mean(), Some(5.0));
        assert!(close(m.variance().unwrap(), 32.0 / 7.0, 1e-12));
        let part = Moments::of(&[2.0, 4.0]);
        assert_eq!(
            m.without(part),
            Moments::of(&[4.0, 4.0, 5.0, 5.0, 7.0, 9.0])
        );
        assert_eq!(Moments::default().mean(), None);
    }

    #[test]
    fn p_values_match_tables() {
        // t = 2.228 with 10 degrees of freedom is the 5% two-sided critical value.
        assert!(close(student_t_two_sided(2.228, 10.0), 0.05, 1e-3));
        assert!(close(student_t_two_sided(0.0, 7.0), 1.0, 1e-9));
        // z = 1.96 is the 5% two-sided critical value.
        assert!(close(erfc(1.96 / std::f64::consts::SQRT_2), 0.05, 1e-4));
        assert!(close(ln_gamma(5.0), 24f64.ln(), 1e-10));
        assert!(two_proportions_p(30, 60, 15, 60).unwrap() < 0.01);
        assert!(two_proportions_p(10, 60, 11, 60).unwrap() > 0.5);
        let a = Moments::of(&[4.0, 5.0, 4.0, 5.0, 4.0, 4.0]);
        let b = Moments::of(&[2.0, 3.0, 3.0, 2.0, 3.0, 3.0]);
        assert!(welch_p(&a, &b).unwrap() < 0.001);
        assert_eq!(welch_p(&a, &Moments::of(&[3.0])), None);
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
