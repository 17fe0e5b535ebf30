//! The practices in a summary: the share of logged moments turned toward, over time, and
//! how often reviews' intentions were kept. Descriptive only. The same rules as the rest of
//! the summary decide whether a change of the share may be claimed: days are the unit (a
//! day's value is the share of that day's moments turned toward), at least `MIN_DAYS` days
//! with moments and `MIN_WEEKS` weeks on each side, a shift of at least `MIN_RATE_SHIFT`
//! that survives leaving out any one day, and a permutation test shuffling whole weeks,
//! with Holm's correction over this section's two questions at `FAMILY_ALPHA`.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Write;

use anyhow::Result;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::engine::{self, Rng};
use super::model::{Evidence, Summary, TestKind, Trend};
use super::period::Period;
use super::rules::{FAMILY_ALPHA, MIN_DAYS, MIN_RATE_SHIFT, MIN_WEEKS};
use super::words;
use crate::moments::{Moment, Response};
use crate::render::terminal::Style;
use crate::review::Kept;
use crate::store::Journal;

/// Bootstrap draws for a claimed shift's 90% interval.
const BOOTSTRAP: usize = 1000;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Practices {
    pub moments: MomentShare,
    pub intentions: Intentions,
}

/// The moments of the period (and the one before) and the share turned toward.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MomentShare {
    pub total: u32,
    pub toward: u32,
    pub away: u32,
    pub against: u32,
    /// Days with a moment logged.
    pub days: u32,
    /// Turned toward, of all moments logged (None without moments).
    pub share: Option<f64>,
    pub previous_total: u32,
    pub previous_toward: u32,
    pub previous_days: u32,
    pub previous_share: Option<f64>,
    /// Weeks from the period's first day, in sevens.
    pub weekly: Vec<WeekShare>,
    /// Second half against the first, and the period against the one before: `unknown`
    /// when the data cannot carry a comparison, `up`/`down` only when claimed.
    pub trend: Trend,
    pub change: Trend,
    /// The claimed shifts, in words, with their evidence.
    pub claims: Vec<ShareClaim>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WeekShare {
    pub week_start: NaiveDate,
    pub moments: u32,
    pub toward: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShareClaim {
    pub text: String,
    pub evidence: Evidence,
}

/// Reviews written in the period and whether the intention before each was kept.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Intentions {
    pub reviews: u32,
    /// Reviews that set a new intention.
    pub set: u32,
    pub kept: u32,
    pub partly: u32,
    pub not_kept: u32,
}

/// The practices of `period`, or `None` when neither period holds a moment or a review.
pub fn compute(journal: &Journal, period: &Period) -> Result<Option<Practices>> {
    let previous = period.previous();
    let moments = journal.moments(Some(previous.from), Some(period.to))?;
    let reviews = journal.reviews_between(period.from, period.to)?;
    if moments.is_empty() && reviews.is_empty() {
        return Ok(None);
    }
    let mut intentions = Intentions::default();
    for saved in &reviews {
        intentions.reviews += 1;
        intentions.set += u32::from(saved.review.intention.is_some());
        match saved.review.kept {
            Some(Kept::Yes) => intentions.kept += 1,
            Some(Kept::Partly) => intentions.partly += 1,
            Some(Kept::No) => intentions.not_kept += 1,
            None => {}
        }
    }
    Ok(Some(Practices {
        moments: share(&moments, period, &previous),
        intentions,
    }))
}

/// Each day's share of moments turned toward, by day.
fn day_shares<'a>(moments: impl Iterator<Item = &'a Moment>) -> BTreeMap<NaiveDate, f64> {
    let mut counts: BTreeMap<NaiveDate, (u32, u32)> = BTreeMap::new();
    for m in moments {
        let c = counts.entry(m.day).or_default();
        c.0 += u32::from(m.response == Response::Toward);
        c.1 += 1;
    }
    counts
        .into_iter()
        .map(|(d, (t, n))| (d, f64::from(t) / f64::from(n)))
        .collect()
}

fn share(moments: &[Moment], period: &Period, previous: &Period) -> MomentShare {
    let (now, before): (Vec<&Moment>, Vec<&Moment>) =
        moments.iter().partition(|m| m.day >= period.from);
    let count = |list: &[&Moment], r: Response| list.iter().filter(|m| m.response == r).count();
    let ratio = |t: usize, n: usize| (n > 0).then(|| super::stats::round2(t as f64 / n as f64));
    let toward = count(&now, Response::Toward);
    let previous_toward = count(&before, Response::Toward);
    let current_days = day_shares(now.iter().copied());
    let previous_days = day_shares(before.iter().copied());

    let mut weekly: Vec<WeekShare> = Vec::new();
    let mut start = period.from;
    while start <= period.to {
        let end = start + chrono::Duration::days(6);
        let week: Vec<&&Moment> = now
            .iter()
            .filter(|m| m.day >= start && m.day <= end)
            .collect();
        weekly.push(WeekShare {
            week_start: start,
            moments: week.len() as u32,
            toward: week
                .iter()
                .filter(|m| m.response == Response::Toward)
                .count() as u32,
        });
        start = end + chrono::Duration::days(1);
    }

    // The two questions: the second half against the first, and now against before.
    let ((_, first_end), (second_start, _)) = period.halves();
    let first: Vec<(NaiveDate, f64)> = current_days
        .iter()
        .filter(|(d, _)| **d <= first_end)
        .map(|(d, v)| (*d, *v))
        .collect();
    let second: Vec<(NaiveDate, f64)> = current_days
        .iter()
        .filter(|(d, _)| **d >= second_start)
        .map(|(d, v)| (*d, *v))
        .collect();
    let all_now: Vec<(NaiveDate, f64)> = current_days.iter().map(|(d, v)| (*d, *v)).collect();
    let all_before: Vec<(NaiveDate, f64)> = previous_days.iter().map(|(d, v)| (*d, *v)).collect();
    let tested = [
        compare(&first, period.from, &second, second_start, "moments-trend"),
        compare(
            &all_before,
            previous.from,
            &all_now,
            period.from,
            "moments-change",
        ),
    ];
    let p: Vec<f64> = tested
        .iter()
        .map(|t| t.as_ref().map_or(1.0, |t| t.p))
        .collect();
    let adjusted = engine::holm(&p);
    let mut trends = [Trend::Unknown; 2];
    let mut claims = Vec::new();
    for (i, t) in tested.into_iter().enumerate() {
        let Some(t) = t else { continue };
        if adjusted[i] > FAMILY_ALPHA || !t.robust {
            trends[i] = Trend::Flat;
            continue;
        }
        trends[i] = if t.difference > 0.0 {
            Trend::Up
        } else {
            Trend::Down
        };
        let (more, side, other) = match (i, t.difference > 0.0) {
            (0, up) => (up, "in the second half of the period", "the first"),
            (_, up) => (up, "in this period", "the one before"),
        };
        claims.push(ShareClaim {
            text: format!(
                "{} of the moments you logged were turned toward {side} than in {other} (about {:.0}% of each day's moments against {:.0}%).",
                if more { "More" } else { "Fewer" },
                t.means[1] * 100.0,
                t.means[0] * 100.0
            ),
            evidence: Evidence {
                test: TestKind::WeekSplit,
                method: format!(
                    "a permutation test shuffling whole weeks between the two sides{}",
                    if matches!(t.method, engine::Method::Normal) {
                        " (normal approximation, many weeks)"
                    } else {
                        " (fixed seed)"
                    }
                ),
                p: t.p,
                p_adjusted: adjusted[i],
                difference: super::stats::round2(t.difference),
                interval: t.interval.map(super::stats::round2),
                days: t.days,
                per_word: false,
            },
        });
    }
    MomentShare {
        total: now.len() as u32,
        toward: toward as u32,
        away: count(&now, Response::Away) as u32,
        against: count(&now, Response::Against) as u32,
        days: current_days.len() as u32,
        share: ratio(toward, now.len()),
        previous_total: before.len() as u32,
        previous_toward: previous_toward as u32,
        previous_days: previous_days.len() as u32,
        previous_share: ratio(previous_toward, before.len()),
        weekly,
        trend: trends[0],
        change: trends[1],
        claims,
    }
}

/// One comparison of day shares: `a` (from `a_start`) against `b` (from `b_start`).
struct Compared {
    p: f64,
    method: engine::Method,
    /// Mean day share on each side, and b − a.
    means: [f64; 2],
    difference: f64,
    interval: [f64; 2],
    days: [u32; 2],
    /// The shift stays at least `MIN_RATE_SHIFT`, the same way, without any one day.
    robust: bool,
}

/// `None` when the data cannot carry the comparison (too few days or weeks on a side).
fn compare(
    a: &[(NaiveDate, f64)],
    a_start: NaiveDate,
    b: &[(NaiveDate, f64)],
    b_start: NaiveDate,
    seed: &str,
) -> Option<Compared> {
    let weeks = |side: &[(NaiveDate, f64)], start: NaiveDate| -> BTreeMap<i64, Vec<f64>> {
        let mut w: BTreeMap<i64, Vec<f64>> = BTreeMap::new();
        for (d, v) in side {
            w.entry((*d - start).num_days().div_euclid(7))
                .or_default()
                .push(*v);
        }
        w
    };
    let (wa, wb) = (weeks(a, a_start), weeks(b, b_start));
    if (a.len() as u32) < MIN_DAYS
        || (b.len() as u32) < MIN_DAYS
        || wa.len() < MIN_WEEKS
        || wb.len() < MIN_WEEKS
    {
        return None;
    }
    let mean = |s: &[f64]| s.iter().sum::<f64>() / s.len() as f64;
    let va: Vec<f64> = a.iter().map(|x| x.1).collect();
    let vb: Vec<f64> = b.iter().map(|x| x.1).collect();
    let (ma, mb) = (mean(&va), mean(&vb));
    let difference = mb - ma;
    let grand = (va.iter().sum::<f64>() + vb.iter().sum::<f64>()) / (va.len() + vb.len()) as f64;
    let mut sums = Vec::new();
    let mut chosen = Vec::new();
    for (w, side) in [(&wa, false), (&wb, true)] {
        for values in w.values() {
            sums.push(values.iter().map(|v| v - grand).sum());
            chosen.push(side);
        }
    }
    let mut rng = Rng::named(seed);
    let tested = engine::week_split(&sums, &chosen, 1.0, &mut rng, engine::MAX_SHUFFLES);
    // Leaving out any one day must keep the shift large enough and the same way.
    let without = |values: &[f64], i: usize| {
        (values.iter().sum::<f64>() - values[i]) / (values.len() - 1) as f64
    };
    let holds = |d: f64| d.abs() >= MIN_RATE_SHIFT && d.signum() == difference.signum();
    let robust = holds(difference)
        && (0..va.len()).all(|i| holds(mb - without(&va, i)))
        && (0..vb.len()).all(|i| holds(without(&vb, i) - ma));
    let mut draws: Vec<f64> = (0..BOOTSTRAP)
        .map(|_| {
            let pick = |v: &[f64], rng: &mut Rng| {
                (0..v.len()).map(|_| v[rng.below(v.len())]).sum::<f64>() / v.len() as f64
            };
            pick(&vb, &mut rng) - pick(&va, &mut rng)
        })
        .collect();
    Some(Compared {
        p: tested.p,
        method: tested.method,
        means: [ma, mb],
        difference,
        interval: engine::interval90(&mut draws),
        days: [va.len() as u32, vb.len() as u32],
        robust,
    })
}

/// The lines of the section, shared by the terminal and Markdown.
pub fn lines(s: &Summary, explain: bool) -> Vec<String> {
    let Some(p) = &s.practices else {
        return Vec::new();
    };
    let m = &p.moments;
    let mut out = Vec::new();
    let pct = |x: Option<f64>| x.map_or("–".to_string(), |v| format!("{:.0}%", v * 100.0));
    if m.total > 0 || m.previous_total > 0 {
        let mut line = format!(
            "Moments turned toward: {} of {} ({}), on {}",
            m.toward,
            m.total,
            pct(m.share),
            words::plural(m.days, "day", "days")
        );
        if let Some(before) = words::before(s) {
            line.push_str(&format!(
                "; {before}: {} of {} ({})",
                m.previous_toward,
                m.previous_total,
                pct(m.previous_share)
            ));
        }
        out.push(line + ".");
        if m.total > 0 {
            let weeks: Vec<String> = m
                .weekly
                .iter()
                .map(|w| {
                    if w.moments == 0 {
                        "·".to_string()
                    } else {
                        format!("{}/{}", w.toward, w.moments)
                    }
                })
                .collect();
            out.push(format!("By week, toward of logged: {}", weeks.join("  ")));
        }
        for claim in &m.claims {
            out.push(claim.text.clone());
            if explain {
                out.push(format!("  {}", words::evidence_line(&claim.evidence, 2)));
            }
        }
        if m.claims.is_empty() {
            out.push(
                if m.trend == Trend::Unknown && m.change == Trend::Unknown {
                    format!(
                        "Too few days with moments to say whether this changed (a change needs {MIN_DAYS} days with moments, over {MIN_WEEKS} weeks, on each side)."
                    )
                } else {
                    "No clear change in the share turned toward.".to_string()
                },
            );
        }
        out.push(
            "This counts what you logged; it does not predict where the relationship is going."
                .to_string(),
        );
    }
    let i = &p.intentions;
    if i.reviews > 0 {
        let answered = i.kept + i.partly + i.not_kept;
        let mut line = format!("Reviews: {}; {} set an intention", i.reviews, i.set);
        if answered > 0 {
            line.push_str(&format!(
                "; of {} earlier intentions looked back on, kept {}, partly {}, not kept {}",
                answered, i.kept, i.partly, i.not_kept
            ));
        }
        out.push(line + ".");
    }
    out
}

/// The section for the terminal (nothing when there is nothing to say).
pub fn text(out: &mut dyn Write, s: &Summary, style: &Style, explain: bool) -> Result<()> {
    let lines = lines(s, explain);
    if lines.is_empty() {
        return Ok(());
    }
    writeln!(out)?;
    writeln!(out, "{}", style.bold(&style.accent("Practices")))?;
    for line in lines {
        writeln!(out, "  {}", style.text(&line))?;
    }
    Ok(())
}

/// The section in Markdown.
pub fn markdown(md: &mut String, s: &Summary, explain: bool) -> std::fmt::Result {
    let lines = lines(s, explain);
    if lines.is_empty() {
        return Ok(());
    }
    writeln!(md)?;
    writeln!(md, "## Practices")?;
    writeln!(md)?;
    for line in lines {
        writeln!(md, "- {}", super::render_md::escape(line.trim()))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{TimeZone, Utc};

    fn moment(day: NaiveDate, toward: bool) -> Moment {
        Moment {
            id: 0,
            uuid: String::new(),
            day,
            created: Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).unwrap(),
            reached: crate::moments::Reached::Partner,
            response: if toward {
                Response::Toward
            } else {
                Response::Away
            },
            text: String::new(),
        }
    }

    fn period() -> Period {
        Period::range("2026-09-01".parse().unwrap(), "2026-11-29".parse().unwrap()).unwrap()
    }

    /// Moments on every `every`th day, turned toward with the chance `first` in the first
    /// half and `second` in the second (decided by a fixed pattern, so the test is stable).
    fn journal_of(every: i64, first: f64, second: f64) -> Vec<Moment> {
        let p = period();
        let ((_, first_end), _) = p.halves();
        let mut out = Vec::new();
        let mut rng = Rng::new(7);
        let mut d = p.from;
        while d <= p.to {
            let chance = if d <= first_end { first } else { second };
            out.push(moment(d, rng.chance(chance)));
            d += chrono::Duration::days(every);
        }
        out
    }

    #[test]
    fn a_clear_rise_is_claimed_with_its_evidence() {
        let p = period();
        let s = share(&journal_of(1, 0.3, 0.9), &p, &p.previous());
        assert_eq!(s.trend, Trend::Up, "{s:?}");
        assert_eq!(s.change, Trend::Unknown, "nothing logged before");
        assert_eq!(s.claims.len(), 1);
        let e = &s.claims[0].evidence;
        assert!(e.p_adjusted <= FAMILY_ALPHA && e.interval[0] > 0.0, "{e:?}");
        assert!(s.claims[0].text.starts_with("More of the moments"));
    }

    #[test]
    fn no_change_and_too_little_are_not_claimed() {
        let p = period();
        let steady = share(&journal_of(1, 0.6, 0.6), &p, &p.previous());
        assert_eq!(steady.trend, Trend::Flat, "{steady:?}");
        assert!(steady.claims.is_empty());
        // A moment every ten days: too few days on each side to say anything.
        let sparse = share(&journal_of(10, 0.0, 1.0), &p, &p.previous());
        assert_eq!(sparse.trend, Trend::Unknown);
        assert!(sparse.claims.is_empty());
        assert_eq!(sparse.total, 9);
    }
}
