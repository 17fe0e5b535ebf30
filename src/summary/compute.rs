//! Building a `Summary` from the period's rows (see `data`): counts, moods, trust signs,
//! themes, feelings, tags and prompts; then the trend and difference rules decide what may
//! be claimed, and `insights` words the claims.

use std::collections::BTreeMap;

use anyhow::Result;
use chrono::{DateTime, Local};

use super::data::{Data, FIRST_HALF, Marks};
use super::days::Days;
use super::insights;
use super::model::*;
use super::mood;
use super::period::Period;
use super::rules::{self, Finding, LabelDays, LabelKind, Question};
use super::stats::round2;
use super::suggest;
use crate::analysis::{Label, sign_labels, theme_labels};
use crate::prompts::Library;
use crate::render::terminal::first_words;
use crate::store::Journal;
use crate::store::summary::Source;

/// How many milestones a summary lists (the most recent); `milestones_total` counts all.
const MILESTONES: usize = 50;

/// Entries with a label, now and before, and per half of the period.
struct Tally {
    current: u32,
    previous: u32,
    halves: [u32; 2],
}

impl Tally {
    fn new(data: &Data, marks: &Marks) -> Tally {
        let mut t = Tally {
            current: 0,
            previous: 0,
            halves: [0; 2],
        };
        for &(p, n) in &marks.days {
            if data.is_current(p) {
                t.current += n;
                t.halves[usize::from(data.segment[p] != FIRST_HALF)] += n;
            } else {
                t.previous += n;
            }
        }
        t
    }
}

/// The summary of `period`, compared with the period before, using the built-in prompts.
/// The entry point for other commands (export); `mend summary` itself passes the library
/// with the person's own prompts to `compute_with`.
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
    let mut data = Data::load(journal, &period, &previous)?;
    let (lo, hi) = data.id_range();
    let exact = |data: &mut Data, source: Source, name: &str| -> Result<()> {
        if !data.is_exact(source, name) {
            let ids = journal.summary_label_ids(source, name, lo, hi)?;
            data.set_exact(source, name, &ids);
        }
        Ok(())
    };
    for tag in ["win", "progress"] {
        exact(&mut data, Source::Tag, tag)?;
    }
    let (mut summary, assessment) = statistics_assessed(&data, &period, &previous, library);
    // The journal keeps labels counted by day; the entries behind the labels an insight
    // names are read one by one, and the insights gathered again with them.
    let named = insights::labels_named(&assessment);
    if named.iter().any(|(s, n)| !data.is_exact(*s, n)) {
        for (source, name) in &named {
            exact(&mut data, *source, name)?;
        }
        summary.insights = insights::gather(&data, &assessment, &summary);
    }
    let current: Vec<usize> = data.current().collect();
    let milestone_positions: Vec<usize> = ["win", "progress"]
        .iter()
        .filter_map(|t| data.tags.get(*t))
        .filter_map(|m| m.positions.as_ref())
        .flatten()
        .copied()
        .filter(|&p| data.is_current(p))
        .collect::<std::collections::BTreeSet<usize>>()
        .into_iter()
        .collect();
    let recent = &milestone_positions[milestone_positions.len().saturating_sub(MILESTONES)..];
    let ids: Vec<i64> = recent.iter().map(|&p| data.entries[p].id).collect();
    let heads: BTreeMap<i64, String> = journal.summary_heads(&ids)?.into_iter().collect();
    summary.streak.current = journal.current_streak(period.to)?;
    summary.language = mood::language(
        journal.summary_language(period.from, period.to)?,
        journal.summary_language(previous.from, previous.to)?,
    );
    summary.prompts =
        suggest::prompts(journal, library, &data, &current, &period, now.date_naive())?;
    summary.milestones = recent
        .iter()
        .filter_map(|&p| {
            let e = &data.entries[p];
            Some(Milestone {
                id: e.id,
                day: e.day,
                text: first_words(heads.get(&e.id)?, 120),
            })
        })
        .collect();
    summary.milestones_total = milestone_positions.len() as u32;
    summary.practices = super::practices::compute(journal, &period)?;
    Ok(summary)
}

/// Everything a summary says that comes from the rows alone (the simulations call this
/// directly): counts, moods, rates, the tests and the insights. Streak, language, prompts
/// and milestones are left empty for `compute_with` to fill from the journal.
#[cfg(test)]
pub(crate) fn statistics(
    data: &Data,
    period: &Period,
    previous: &Period,
    library: &Library,
) -> Summary {
    statistics_assessed(data, period, previous, library).0
}

/// The same, with every test the rule ran (the simulations look inside).
pub(crate) fn statistics_assessed(
    data: &Data,
    period: &Period,
    previous: &Period,
    library: &Library,
) -> (Summary, rules::Assessment) {
    let current: Vec<usize> = data.current().collect();
    let entries = current.len() as u32;
    let days = Days::new(data, period, previous);
    let mut mood = mood::summary(period, data, &current, &days);

    // Trust signs (all of them, in the word lists' order), themes and feelings that came up.
    let sign_names = sign_labels();
    let theme_names = theme_labels();
    let mut sign_ids: Vec<String> = sign_names.iter().map(|s| s.id.clone()).collect();
    sign_ids.extend(
        data.signs
            .keys()
            .filter(|k| !sign_ids.contains(k))
            .cloned()
            .collect::<Vec<_>>(),
    );
    let empty = Marks::default();
    let mut labels: Vec<(LabelKind, &str, &Marks)> = Vec::new();
    for name in &sign_ids {
        labels.push((
            LabelKind::Sign,
            name,
            data.signs.get(name).unwrap_or(&empty),
        ));
    }
    for (kind, map) in [
        (LabelKind::Theme, &data.themes),
        (LabelKind::Feeling, &data.feelings),
        (LabelKind::Tag, &data.tags),
    ] {
        for (name, positions) in map {
            labels.push((kind, name, positions));
        }
    }
    let label_days: Vec<LabelDays> = labels
        .iter()
        .map(|(kind, name, marks)| LabelDays {
            kind: *kind,
            name,
            days: days.presence(&marks.anchors()),
        })
        .collect();
    let answered_positions: Vec<usize> = (0..data.entries.len())
        .filter(|&p| data.entries[p].answered)
        .collect();
    let answered = days.presence(&answered_positions);
    let assessment = rules::assess(&days, &label_days, &answered, true);
    let verdict =
        |q: &Question| -> Trend { assessment.find(q).map_or(Trend::Unknown, Finding::trend) };
    mood.trend = verdict(&Question::MoodTrend);
    mood.change = verdict(&Question::MoodChange);

    let words = WordTotals::new(data, &days);
    let rate_of = |kind: LabelKind, name: &str, present: &[bool], tally: &Tally| -> Rate {
        let (mut now, mut before) = (0u32, 0u32);
        for (i, p) in present.iter().enumerate() {
            if *p {
                if days.is_current(i) {
                    now += 1;
                } else {
                    before += 1;
                }
            }
        }
        let share = |x: u32, n: u32| (n > 0).then(|| round2(f64::from(x) / f64::from(n)));
        Rate {
            days: now,
            previous_days: before,
            share: share(now, words.days[1]),
            previous_share: share(before, words.days[0]),
            per_1000_words: words.per_1000(tally.current, 1),
            previous_per_1000_words: words.per_1000(tally.previous, 0),
            trend: verdict(&Question::Trend(kind, name.to_string())),
            change: verdict(&Question::Change(kind, name.to_string())),
        }
    };
    let label_of = |listed: &[Label], name: &str| -> String {
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
    let (halves_entries, halves_days) = halves_written(data, &days);
    let (mut signs, mut themes, mut feelings) = (Vec::new(), Vec::new(), Vec::new());
    for ((kind, name, marks), ld) in labels.iter().zip(&label_days) {
        let tally = Tally::new(data, marks);
        let rate = rate_of(*kind, name, &ld.days, &tally);
        let half_days = |second: bool| {
            days.current()
                .filter(|&i| ld.days[i] && days.in_second_half(i) == second)
                .count() as u32
        };
        match kind {
            LabelKind::Feeling => {
                if tally.current + tally.previous > 0 {
                    feelings.push(FeelingCount {
                        name: name.to_string(),
                        count: tally.current,
                        previous: tally.previous,
                        rate,
                    });
                }
            }
            LabelKind::Sign | LabelKind::Theme => {
                let count = SignalCount {
                    label: label_of(
                        if *kind == LabelKind::Sign {
                            &sign_names
                        } else {
                            &theme_names
                        },
                        name,
                    ),
                    name: name.to_string(),
                    count: tally.current,
                    previous: tally.previous,
                    rate,
                    first_half: HalfCount {
                        count: tally.halves[0],
                        entries: halves_entries[0],
                        days_with: half_days(false),
                        days: halves_days[0],
                    },
                    second_half: HalfCount {
                        count: tally.halves[1],
                        entries: halves_entries[1],
                        days_with: half_days(true),
                        days: halves_days[1],
                    },
                };
                if *kind == LabelKind::Sign {
                    signs.push(count);
                } else {
                    themes.push(count);
                }
            }
            LabelKind::Tag => {}
        }
    }
    themes.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(b.previous.cmp(&a.previous))
            .then(a.name.cmp(&b.name))
    });
    feelings.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(b.previous.cmp(&a.previous))
            .then(a.name.cmp(&b.name))
    });

    let mut mood_with: Vec<MoodWith> = assessment
        .findings
        .iter()
        .filter_map(|f| match &f.question {
            Question::With(kind, name) => Some(MoodWith {
                kind: *kind,
                name: name.clone(),
                mood_with: round2(f.sides[0].1),
                mood_without: round2(f.sides[1].1),
                n_with: f.sides[0].0,
                n_without: f.sides[1].0,
                difference: round2(f.sides[0].1 - f.sides[1].1),
                within_weeks: round2(f.effect),
                p: f.p,
                p_adjusted: f.p_adjusted,
                separable: f.separable,
                claimed: f.claimed,
            }),
            _ => None,
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
        previous_entries: data.entries.len() as u32 - entries,
        days_written: mood::days_written(data, &current),
        streak: Streak {
            current: 0,
            longest: mood::longest_run(data, &current),
        },
        mood,
        feelings,
        themes,
        signs,
        mood_with,
        language: mood::language(Default::default(), Default::default()),
        prompts: Prompts {
            answered: 0,
            answered_by_theme: Vec::new(),
            least_explored: None,
        },
        milestones: Vec::new(),
        milestones_total: 0,
        insights: Vec::new(),
        enough_writing: days.current().count() as u32 >= rules::MIN_DAYS_WRITTEN,
        tests: assessment.tests(),
        practices: None,
    };
    summary.insights = insights::gather(data, &assessment, &summary);
    (summary, assessment)
}

/// Entries and days written in each half of the period.
fn halves_written(data: &Data, days: &Days) -> ([u32; 2], [u32; 2]) {
    let mut entries = [0u32; 2];
    for p in data.current() {
        entries[usize::from(data.segment[p] != FIRST_HALF)] += 1;
    }
    let mut written = [0u32; 2];
    for i in days.current() {
        written[usize::from(days.in_second_half(i))] += 1;
    }
    (entries, written)
}

/// Days written and words of analysed entries, before (0) and now (1).
struct WordTotals {
    days: [u32; 2],
    words: [f64; 2],
}

impl WordTotals {
    fn new(data: &Data, days: &Days) -> WordTotals {
        let mut t = WordTotals {
            days: [0; 2],
            words: [0.0; 2],
        };
        for i in 0..days.len() {
            t.days[usize::from(days.is_current(i))] += 1;
        }
        for (p, w) in data.words.iter().enumerate() {
            if let Some(w) = w {
                t.words[usize::from(data.is_current(p))] += f64::from(*w);
            }
        }
        t
    }

    fn per_1000(&self, entries: u32, side: usize) -> Option<f64> {
        (self.words[side] > 0.0).then(|| round2(1000.0 * f64::from(entries) / self.words[side]))
    }
}
