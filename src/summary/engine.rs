//! The tests behind every claim: permutation tests that respect how days follow each other.
//!
//! Days next to each other are alike (a hard week is hard all week), so a test that shuffles
//! single days would see patterns in noise. Here the unit that is shuffled keeps that carry-over:
//! whole weeks move together when the question is about time (a trend, or this period against
//! the one before), and a label is shuffled only among the days of the same week when the
//! question is what goes with better days (so a slow rise of mood cannot be credited to a tag
//! that arrived late). Every statistic is a sum, which keeps each shuffle cheap.
//!
//! p-values come from random shuffles with a fixed seed per test (a summary is the same every
//! time it is made), stopped early once a test has clearly failed (Besag and Clifford's
//! sequential p-value). With very many units the permutation distribution is replaced by the
//! normal distribution with its exact permutation mean and variance.

/// Shuffles at most this many times for a test that could be claimed: enough for p-values of
/// 5·10⁻⁵, below what the Holm correction asks of the first of a hundred tests at 1% (more
/// tests than that raise it: see `budget`).
pub const MAX_SHUFFLES: u32 = 19_999;
/// Every test first shuffles at most this many times; only a test still without 20 hits
/// that could be claimed goes on (with the same seed, so its p-value is exactly what one run
/// of the full length gives). Others keep p = (hits + 1) / 1,000: still a valid p-value,
/// only coarser.
pub const FIRST_SHUFFLES: u32 = 999;
/// Stop once this many shuffles were at least as extreme as what was seen.
const STOP_AFTER: u32 = 20;
/// From this many units (weeks, or weeks that hold both kinds of day) the normal
/// approximation of the permutation distribution is used instead of shuffling.
pub const NORMAL_FROM: usize = 150;
/// A test the normal approximation (with the permutation's exact mean and variance) puts
/// above this p-value is not shuffled: it is five times the largest p-value Holm's method
/// can ever claim at the family's level of 2%, so shuffling could not change what is claimed;
/// its p-value is the approximation's, and `--explain` says so.
pub const SHUFFLE_BELOW: f64 = 0.1;

/// How a p-value was found, for `--explain`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    Shuffled,
    Normal,
}

/// A small, fast generator (SplitMix64): reproducible from its seed.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// A seed from a test's name, so each test has its own fixed sequence.
    pub fn named(name: &str) -> Rng {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in name.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        Rng(h)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in [0, 1).
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A standard normal draw (Box–Muller).
    pub fn normal(&mut self) -> f64 {
        let u = self.unit().max(1e-300);
        let v = self.unit();
        (-2.0 * u.ln()).sqrt() * (std::f64::consts::TAU * v).cos()
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }
}

/// Shuffles enough for a family of `tests` at level `alpha`: the smallest p-value a test can
/// reach, 1 / (shuffles + 1), stays at half of what Holm asks of the first test or below.
pub fn budget(tests: usize, alpha: f64) -> u32 {
    let needed = (2.0 * tests as f64 / alpha).ceil() as u32;
    MAX_SHUFFLES.max(needed.saturating_sub(1))
}

/// The sequential p-value: shuffle until `STOP_AFTER` draws are as extreme as `observed`
/// (then p = hits / draws), or `budget` draws (then p = (hits + 1) / (draws + 1)).
fn shuffled(
    observed: f64,
    rng: &mut Rng,
    budget: u32,
    mut draw: impl FnMut(&mut Rng) -> f64,
) -> Tested {
    let limit = observed.abs() * (1.0 - 1e-9) - 1e-12;
    let mut hits = 0u32;
    for i in 1..=budget {
        if draw(rng).abs() >= limit {
            hits += 1;
            if hits >= STOP_AFTER {
                return Tested {
                    p: f64::from(hits) / f64::from(i),
                    method: Method::Shuffled,
                    settled: true,
                };
            }
        }
    }
    Tested {
        p: f64::from(hits + 1) / f64::from(budget + 1),
        method: Method::Shuffled,
        settled: false,
    }
}

/// Two-sided normal p-value of `t` with permutation variance `var`.
fn normal_p(t: f64, var: f64) -> f64 {
    if var <= 1e-12 {
        return if t.abs() > 1e-9 { 0.0 } else { 1.0 };
    }
    super::stats::erfc(t.abs() / (2.0 * var).sqrt())
}

/// A p-value and how it was found.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tested {
    pub p: f64,
    pub method: Method,
    /// False when the shuffles ran out before `STOP_AFTER` hits: more shuffles could give a
    /// smaller p-value.
    pub settled: bool,
}

/// What a shuffled test needs to be run again with a larger budget.
#[derive(Debug, Clone)]
pub enum Input {
    /// Block sums, and how much wider carry-over between blocks spreads the statistic.
    Trend(Vec<(f64, f64)>, f64),
    Split(Vec<f64>, Vec<bool>, f64),
    Within(Vec<Stratum>),
}

impl Input {
    /// The test on these inputs, its shuffles seeded by `name`.
    pub fn run(&self, name: &str, budget: u32) -> Tested {
        let mut rng = Rng::named(name);
        match self {
            Input::Trend(points, spread) => week_trend(points, *spread, &mut rng, budget),
            Input::Split(sums, chosen, spread) => {
                week_split(sums, chosen, *spread, &mut rng, budget)
            }
            Input::Within(strata) => within_weeks(strata, &mut rng, budget),
        }
    }
}

/// Does the value drift with time? Each point is (week index, sum over that week of each
/// day's value minus the mean of all days), for the weeks with data. The statistic
/// Σ index·sum is compared with the same sum after shuffling whole weeks. `spread` (1 or
/// more) is how much wider than the shuffles the statistic spreads because neighbouring
/// blocks are alike: what was seen is divided by its square root before it is compared.
pub fn week_trend(points: &[(f64, f64)], spread: f64, rng: &mut Rng, budget: u32) -> Tested {
    let n = points.len();
    let centre = points.iter().map(|p| p.0).sum::<f64>() / n.max(1) as f64;
    let c: Vec<f64> = points.iter().map(|p| p.0 - centre).collect();
    let sums: Vec<f64> = points.iter().map(|p| p.1).collect();
    let observed: f64 =
        c.iter().zip(&sums).map(|(a, b)| a * b).sum::<f64>() / spread.max(1.0).sqrt();
    let mean_s = sums.iter().sum::<f64>() / n.max(1) as f64;
    let ss: f64 = sums.iter().map(|s| (s - mean_s).powi(2)).sum();
    let cc: f64 = c.iter().map(|x| x * x).sum();
    let normal = normal_p(observed, ss * cc / (n as f64 - 1.0).max(1.0));
    if n >= NORMAL_FROM || normal > SHUFFLE_BELOW {
        return Tested {
            p: normal,
            method: Method::Normal,
            settled: true,
        };
    }
    // The centred positions in time shuffled in place: the same draws and the same products
    // as shuffling indices into them.
    let mut shuffled_c = c;
    shuffled(observed, rng, budget, |rng| {
        for i in (1..n).rev() {
            shuffled_c.swap(i, rng.below(i + 1));
        }
        shuffled_c.iter().zip(&sums).map(|(c, s)| c * s).sum()
    })
}

/// Is the value different in some weeks (`chosen`) than in the others? `sums` as for
/// `week_trend`; the statistic Σ over chosen weeks is compared with the same sum over as many
/// weeks chosen at random; `spread` as for `week_trend`.
pub fn week_split(
    sums: &[f64],
    chosen: &[bool],
    spread: f64,
    rng: &mut Rng,
    budget: u32,
) -> Tested {
    let shrink = spread.max(1.0).sqrt();
    let n = sums.len();
    let k = chosen.iter().filter(|c| **c).count();
    let observed: f64 = sums
        .iter()
        .zip(chosen)
        .filter(|(_, c)| **c)
        .map(|(s, _)| s)
        .sum();
    {
        let mean_s = sums.iter().sum::<f64>() / n.max(1) as f64;
        let ss: f64 = sums.iter().map(|s| (s - mean_s).powi(2)).sum();
        let (kf, nf) = (k as f64, n as f64);
        let expected = kf * mean_s;
        let var = kf * (nf - kf) / (nf * (nf - 1.0)).max(1.0) * ss;
        let normal = normal_p((observed - expected) / shrink, var);
        if n >= NORMAL_FROM || normal > SHUFFLE_BELOW {
            return Tested {
                p: normal,
                method: Method::Normal,
                settled: true,
            };
        }
    }
    let total: f64 = sums.iter().sum();
    let expected = total * k as f64 / n as f64;
    // The sums themselves are shuffled (the same draws as shuffling indices into them).
    let mut order: Vec<f64> = sums.to_vec();
    shuffled((observed - expected) / shrink, rng, budget, |rng| {
        let mut s = 0.0;
        for i in 0..k {
            let j = i + rng.below(n - i);
            order.swap(i, j);
            s += order[i];
        }
        s - expected
    })
}

/// One week of a within-week comparison: each day's value minus the week's mean, and which
/// days have the thing compared.
#[derive(Debug, Clone)]
pub struct Stratum {
    pub residuals: Vec<f64>,
    pub with: Vec<bool>,
}

/// Is the value higher on days with something than on the other days of the same weeks?
/// The statistic Σ residuals of the days with it is compared with the same sum after
/// shuffling which days have it, within each week. Weeks where every day (or no day) has it
/// carry no information and should be left out by the caller.
pub fn within_weeks(strata: &[Stratum], rng: &mut Rng, budget: u32) -> Tested {
    let observed: f64 = strata
        .iter()
        .flat_map(|s| s.residuals.iter().zip(&s.with))
        .filter(|(_, w)| **w)
        .map(|(r, _)| r)
        .sum();
    {
        let var: f64 = strata
            .iter()
            .map(|s| {
                let n = s.residuals.len() as f64;
                let k = s.with.iter().filter(|w| **w).count() as f64;
                let ss: f64 = s.residuals.iter().map(|r| r * r).sum();
                if n < 2.0 {
                    0.0
                } else {
                    k * (n - k) / (n * (n - 1.0)) * ss
                }
            })
            .sum();
        let normal = normal_p(observed, var);
        if strata.len() >= NORMAL_FROM || normal > SHUFFLE_BELOW {
            return Tested {
                p: normal,
                method: Method::Normal,
                settled: true,
            };
        }
    }
    // Residuals sum to zero in each week, so the days with it can be drawn as the smaller
    // side (the sum over the other side is its negative). Every week's residuals sit in one
    // buffer, and a shuffle is one run over its draws (most weeks draw one or two days, so a
    // loop per week would cost more than its draws): the same draws, and the same sums in
    // the same order, as shuffling each week on its own.
    let mut values: Vec<f64> = Vec::with_capacity(strata.iter().map(|s| s.residuals.len()).sum());
    let mut draws: Vec<Draw> = Vec::new();
    for s in strata {
        let k = s.with.iter().filter(|w| **w).count();
        let n = s.residuals.len();
        let (take, sign) = if k <= n - k { (k, 1.0) } else { (n - k, -1.0) };
        let start = values.len();
        values.extend_from_slice(&s.residuals);
        for i in 0..take {
            draws.push(Draw {
                at: start + i,
                span: n - i,
                last: (i + 1 == take).then_some(sign),
            });
        }
    }
    shuffled(observed, rng, budget, |rng| {
        let mut total = 0.0;
        let mut s = 0.0;
        for d in &draws {
            values.swap(d.at, d.at + rng.below(d.span));
            s += values[d.at];
            if let Some(sign) = d.last {
                total += sign * s;
                s = 0.0;
            }
        }
        total
    })
}

/// One day drawn in a within-week shuffle: its place in the week's buffer, how many days
/// remain to draw it from, and, for a week's last draw, the sign its sum is added with.
struct Draw {
    at: usize,
    span: usize,
    last: Option<f64>,
}

/// Holm's step-down correction: the adjusted p-values, in the order given.
pub fn holm(p: &[f64]) -> Vec<f64> {
    holm_weighted(p, &vec![1.0; p.len()])
}

/// Holm's step-down correction with weights fixed in advance (Holm 1979, weighted): the
/// hypotheses are taken in order of p / weight, and each is rejected at level α when
/// p ≤ α · its weight / the weights of those not yet rejected. The chance of any false
/// rejection stays at α whatever the weights, as long as they do not depend on the p-values;
/// equal weights give the ordinary Holm correction. Returns the adjusted p-values (the
/// smallest α at which each would be rejected), in the order given.
pub fn holm_weighted(p: &[f64], w: &[f64]) -> Vec<f64> {
    let m = p.len();
    let mut order: Vec<usize> = (0..m).collect();
    order.sort_by(|&a, &b| (p[a] / w[a]).total_cmp(&(p[b] / w[b])));
    let mut remaining: f64 = w.iter().sum();
    let mut adjusted = vec![1.0; m];
    let mut running: f64 = 0.0;
    for &i in &order {
        running = running.max((p[i] * remaining / w[i]).min(1.0));
        adjusted[i] = running;
        remaining -= w[i];
    }
    adjusted
}

/// The 5th and 95th percentiles of `values` (sorted in place): a 90% interval.
pub fn interval90(values: &mut [f64]) -> [f64; 2] {
    if values.is_empty() {
        return [f64::NAN, f64::NAN];
    }
    values.sort_by(f64::total_cmp);
    let at = |q: f64| values[((values.len() - 1) as f64 * q).round() as usize];
    [at(0.05), at(0.95)]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn holm_steps_down() {
        let adj = holm(&[0.01, 0.04, 0.03, 0.5]);
        assert_eq!(adj, vec![0.04, 0.09, 0.09, 0.5]);
    }

    #[test]
    fn weighted_holm_spends_each_weight() {
        // Equal weights are Holm's method.
        let p = [0.01, 0.04, 0.03, 0.5];
        assert_eq!(holm_weighted(&p, &[2.0; 4]), holm(&p));
        // Half the level on the first test: 0.01 · 1 / 0.5 = 0.02; then the rest share
        // what is left (0.5 of weight): 0.03 · 0.5 / (1/6) = 0.09, 0.04 · (1/3) / (1/6).
        let w = [0.5, 1.0 / 6.0, 1.0 / 6.0, 1.0 / 6.0];
        let adj = holm_weighted(&p, &w);
        let expected = [0.02, 0.09, 0.09, 0.5];
        for (a, e) in adj.iter().zip(expected) {
            assert!((a - e).abs() < 1e-12, "{adj:?}");
        }
    }

    #[test]
    fn a_clear_trend_is_found_and_noise_is_not() {
        let rising: Vec<(f64, f64)> = (0..17)
            .map(|b| (f64::from(b), f64::from(b) - 8.0))
            .collect();
        assert!(week_trend(&rising, 1.0, &mut Rng::new(1), MAX_SHUFFLES).p < 1e-4);
        let mut rng = Rng::new(7);
        let mut small = 0;
        for _ in 0..200 {
            let sums: Vec<(f64, f64)> = (0..17).map(|b| (f64::from(b), rng.normal())).collect();
            if week_trend(&sums, 1.0, &mut rng, MAX_SHUFFLES).p < 0.05 {
                small += 1;
            }
        }
        // About 5% by construction.
        assert!((2..=22).contains(&small), "{small}");
    }

    #[test]
    fn normal_and_shuffled_agree_roughly() {
        let mut rng = Rng::new(3);
        let sums: Vec<(f64, f64)> = (0..160)
            .map(|b| (f64::from(b), rng.normal() + 0.004 * f64::from(b)))
            .collect();
        let normal = week_trend(&sums, 1.0, &mut rng, MAX_SHUFFLES).p;
        let few = &sums[..NORMAL_FROM - 1];
        let shuffled = week_trend(few, 1.0, &mut rng, MAX_SHUFFLES).p;
        assert!(normal > 0.0 && shuffled > 0.0);
    }

    #[test]
    fn a_longer_run_continues_the_first_one() {
        // The same seed: the first shuffles are the same, so going on is one long run.
        let rising: Vec<(f64, f64)> = (0..17)
            .map(|b| {
                (
                    f64::from(b),
                    f64::from(b) - 8.0 + if b % 3 == 0 { 6.0 } else { 0.0 },
                )
            })
            .collect();
        let input = Input::Trend(rising, 1.0);
        let short = input.run("t", FIRST_SHUFFLES);
        let long = input.run("t", MAX_SHUFFLES);
        assert!(!short.settled);
        assert!((short.p - 1.0 / 1000.0).abs() < 1e-12, "{}", short.p);
        assert!(long.p < short.p);
        assert!(budget(10, 0.01) == MAX_SHUFFLES && budget(500, 0.01) >= 99_999);
    }

    #[test]
    fn within_weeks_sees_a_same_week_difference() {
        let strata: Vec<Stratum> = (0..12)
            .map(|_| {
                let with = vec![true, false, false, true, false, false, false];
                let values: Vec<f64> = with.iter().map(|w| if *w { 4.0 } else { 3.0 }).collect();
                let mean = values.iter().sum::<f64>() / 7.0;
                Stratum {
                    residuals: values.iter().map(|v| v - mean).collect(),
                    with,
                }
            })
            .collect();
        assert!(within_weeks(&strata, &mut Rng::new(5), MAX_SHUFFLES).p < 1e-3);
    }
}
