//! The small statistics behind every claim: means and variances from running sums,
//! Spearman's rank correlation, Welch's t-test and a two-proportion test, with the
//! distribution functions they need.

/// Rounds a figure for display and JSON: two decimals are plenty for moods and rates.
pub fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
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
pub fn erfc(x: f64) -> f64 {
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
