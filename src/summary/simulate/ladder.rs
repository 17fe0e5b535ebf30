//! How large each planted pattern must be for mend to find it in nine 120-day journals out of
//! ten: the same journals as the measured table (the same seeds), with the pattern planted
//! at today's size and at larger ones, the rule unchanged. `bench/simulate` writes the table
//! into docs/summary.md between its `ladder` markers.

use crate::prompts::Library;
use crate::summary::period::Span;

use super::{Kind, PLANTED, found, generate_sized, planted_question, runs_for, seed, wanted};

/// Days in every journal of the ladder: the target length.
const LENGTH: i64 = 120;

/// One size of a planted pattern, in `generate_sized`'s units, and what it is in words.
pub(super) struct Step {
    pub size: f64,
    pub words: &'static str,
}

/// The sizes tried for each planted kind, smallest first: today's and larger ones (for the
/// worse period, found at today's size in every journal, smaller ones).
pub(super) fn steps(kind: Kind) -> &'static [Step] {
    match kind {
        Kind::MoodTrend => &[
            Step {
                size: 1.2,
                words: "+1.2 points over four months (2.4 → 3.6 on average): a so-so stretch becoming a fairly good one",
            },
            Step {
                size: 1.5,
                words: "+1.5 points (2.25 → 3.75)",
            },
            Step {
                size: 1.8,
                words: "+1.8 points (2.1 → 3.9): mostly 2s becoming mostly 4s",
            },
            Step {
                size: 2.4,
                words: "+2.4 points (1.8 → 4.2): mostly bad days becoming mostly good ones",
            },
        ],
        Kind::Weekday => &[
            Step {
                size: 1.2,
                words: "Sundays 1.2 points better: a 3 day becoming a 4",
            },
            Step {
                size: 1.5,
                words: "1.5 points better: half the Sundays a 4, half a 5",
            },
            Step {
                size: 1.8,
                words: "1.8 points better: most Sundays a 5",
            },
            Step {
                size: 2.4,
                words: "2.4 points better: nearly every Sunday a 5",
            },
        ],
        Kind::Tag => &[
            Step {
                size: 1.0,
                words: "walk days 1 point better: a 3 day becoming a 4",
            },
            Step {
                size: 1.25,
                words: "1.25 points better",
            },
            Step {
                size: 1.5,
                words: "1.5 points better: a 3 day becoming a 4 or a 5",
            },
            Step {
                size: 2.0,
                words: "2 points better: a 3 day becoming a 5",
            },
        ],
        Kind::SignFalling => &[
            Step {
                size: 0.5,
                words: "doubt in 50% of entries at first, 10% at the end: every other entry becoming one in ten",
            },
            Step {
                size: 0.6,
                words: "60% → 10% of entries",
            },
            Step {
                size: 0.7,
                words: "70% → 10%: most entries becoming one in ten",
            },
            Step {
                size: 0.8,
                words: "80% → 10%: four entries in five becoming one in ten",
            },
            Step {
                size: 0.9,
                words: "90% → 10%: almost every entry becoming one in ten",
            },
        ],
        Kind::FeelingFading => &[
            Step {
                size: 0.6,
                words: "resentment on 60% of days at first, 5% at the end: most days becoming almost none",
            },
            Step {
                size: 0.7,
                words: "70% → 5% of days",
            },
            Step {
                size: 0.8,
                words: "80% → 5%: four days in five becoming almost none",
            },
            Step {
                size: 0.9,
                words: "90% → 5%: nearly every day becoming almost none",
            },
            Step {
                size: 0.95,
                words: "95% → 5%: every day but one in twenty becoming almost none",
            },
        ],
        Kind::PeriodWorse => &[
            Step {
                size: 0.5,
                words: "the last 60 days 0.5 points worse than the 60 before: half a point, one day in two a step lower",
            },
            Step {
                size: 0.75,
                words: "0.75 points worse",
            },
            Step {
                size: 1.0,
                words: "1 point worse: a 3 day becoming a 2",
            },
            Step {
                size: 1.5,
                words: "1.5 points worse: the issue's 2.2 against 3.7",
            },
        ],
        _ => &[],
    }
}

/// One size of one planted kind, measured.
pub(super) struct Rung {
    pub kind: Kind,
    pub what: &'static str,
    pub span: Span,
    pub step: &'static Step,
    pub found: usize,
    pub wrong: usize,
    pub ceiling: usize,
    pub runs: usize,
}

/// Every size of every planted kind, `runs` journals each (the rows `ladder:KIND`).
pub(super) fn run(runs: usize) -> Vec<Rung> {
    let library = Library::built_in();
    let mut out = Vec::new();
    for (k, (kind, what, span)) in PLANTED.iter().enumerate() {
        let name = format!("ladder:{kind:?}");
        if !wanted(&name) {
            continue;
        }
        let runs = runs_for(&name, runs);
        for step in steps(*kind) {
            let (mut hits, mut wrong, mut ceiling) = (0, 0, 0);
            for r in 0..runs {
                // The seeds of the measured table: today's size gives its 120-day row.
                let j = generate_sized(*kind, LENGTH, seed(100 + k, r), step.size);
                let (s, a) = super::summarise_assessed(&j, *span, &library);
                hits += usize::from(found(*kind, &s));
                wrong += usize::from(super::backwards(*kind, &s));
                ceiling += usize::from(a.find(&planted_question(*kind)).is_some_and(|f| {
                    f.p < crate::summary::rules::FAMILY_ALPHA && f.large && f.steady && f.separable
                }));
            }
            out.push(Rung {
                kind: *kind,
                what,
                span: *span,
                step,
                found: hits,
                wrong,
                ceiling,
                runs,
            });
        }
    }
    out
}

fn percent(n: usize, of: usize) -> f64 {
    100.0 * n as f64 / of.max(1) as f64
}

/// The ladder as two Markdown tables: every size measured, then for each kind the smallest
/// size found in at least 90% of the journals.
pub(super) fn table(rungs: &[Rung]) -> String {
    let mut out = String::from(
        "| planted (120-day journals) | summary | size | found | the wrong way round | at best |\n|---|---|---|---|---|---|\n",
    );
    for r in rungs {
        out.push_str(&format!(
            "| {} | {} | {} | {:.1}% ({} of {}) | {} | {:.1}% |\n",
            r.what,
            super::span_name(r.span),
            r.step.words,
            percent(r.found, r.runs),
            r.found,
            r.runs,
            r.wrong,
            percent(r.ceiling, r.runs),
        ));
    }
    out.push_str(
        "\n| planted | found at today's size | smallest size found in ≥ 90% of 120-day journals |\n|---|---|---|\n",
    );
    let mut kinds: Vec<Kind> = Vec::new();
    for r in rungs {
        if !kinds.contains(&r.kind) {
            kinds.push(r.kind);
        }
    }
    for kind in kinds {
        let of_kind: Vec<&Rung> = rungs.iter().filter(|r| r.kind == kind).collect();
        let today = of_kind
            .iter()
            .find(|r| r.step.size == super::today_size(kind))
            .unwrap_or(&of_kind[0]);
        let smallest = of_kind
            .iter()
            .find(|r| r.found * 10 >= r.runs * 9)
            .map(|r| format!("{} ({:.1}%)", r.step.words, percent(r.found, r.runs)))
            .unwrap_or_else(|| "none of the sizes tried".into());
        out.push_str(&format!(
            "| {} | {:.1}% | {} |\n",
            today.what,
            percent(today.found, today.runs),
            smallest
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_planted_kind_has_todays_size_and_others() {
        for (kind, _, _) in PLANTED {
            let steps = steps(kind);
            assert!(steps.len() >= 4, "{kind:?}");
            let today = super::super::today_size(kind);
            assert!(steps.iter().any(|s| s.size == today), "{kind:?}");
            assert!(steps.windows(2).all(|w| w[0].size < w[1].size), "{kind:?}");
        }
    }
}
