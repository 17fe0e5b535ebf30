//! Insights: one sentence for each claim the rule allowed (the words come from `words`, the
//! one place every output takes them from), with the entries it rests on and the evidence
//! behind it; and a note for each label that cannot be told apart from a change of mood.

use std::collections::BTreeMap;

use super::data::{Data, Marks};
use super::model::{Evidence, Insight, InsightKind, Summary};
use super::rules::{Assessment, Finding, GroupKind, LabelKind, Question};
use super::words;
use crate::store::summary::Source;

/// The insights of `summary`, in a stable order: mood, trust signs, themes, feelings, then
/// what goes with better days (largest first), then the notes.
pub fn gather(data: &Data, assessment: &Assessment, s: &Summary) -> Vec<Insight> {
    let before = words::before(s).unwrap_or_else(|| "the period before".to_string());
    let with_mood = |p: &usize| data.is_current(*p) && data.mood(*p).is_some();
    let map_of = |kind: LabelKind| -> &BTreeMap<String, Marks> {
        match kind {
            LabelKind::Sign => &data.signs,
            LabelKind::Theme => &data.themes,
            LabelKind::Feeling => &data.feelings,
            LabelKind::Tag => &data.tags,
        }
    };
    // The label's own entries when known one by one (the summary reads them for every label
    // it names), else every entry of the days with it.
    let label_positions = |kind: LabelKind, name: &str| -> Vec<usize> {
        let Some(marks) = map_of(kind).get(name) else {
            return Vec::new();
        };
        let all: Vec<usize> = match &marks.positions {
            Some(p) => p.clone(),
            None => marks
                .days
                .iter()
                .flat_map(|&(a, _)| data.same_day(a))
                .collect(),
        };
        all.into_iter().filter(|&p| data.is_current(p)).collect()
    };
    let label_name = |kind: LabelKind, name: &str| -> String {
        let listed = match kind {
            LabelKind::Sign => &s.signs,
            LabelKind::Theme => &s.themes,
            _ => return words::capitalise(name),
        };
        listed
            .iter()
            .find(|t| t.name == name)
            .map_or_else(|| words::capitalise(name), |t| t.label.clone())
    };
    let mut ranked: Vec<(u8, f64, Insight)> = Vec::new();
    let mut push =
        |order: u8, size: f64, kind, text: String, positions: Vec<usize>, f: Option<&Finding>| {
            let (entries, days) = data.evidence(positions.into_iter());
            ranked.push((
                order,
                size,
                Insight {
                    kind,
                    text,
                    entries,
                    days,
                    evidence: f.map(evidence),
                },
            ));
        };
    for f in assessment.claims() {
        match &f.question {
            Question::MoodTrend => push(
                0,
                0.0,
                InsightKind::MoodTrend,
                words::mood_trend_claim(f),
                data.current().filter(with_mood).collect(),
                Some(f),
            ),
            Question::MoodChange => push(
                1,
                0.0,
                InsightKind::MoodChange,
                words::mood_change_claim(f, &before),
                data.current().filter(with_mood).collect(),
                Some(f),
            ),
            Question::Trend(kind, name) | Question::Change(kind, name) => {
                let trend = matches!(f.question, Question::Trend(..));
                let (order, insight_kind) = match (kind, trend) {
                    (LabelKind::Sign, true) => (2, InsightKind::SignTrend),
                    (LabelKind::Sign, false) => (3, InsightKind::SignChange),
                    (LabelKind::Theme, true) => (4, InsightKind::ThemeTrend),
                    (LabelKind::Theme, false) => (5, InsightKind::ThemeChange),
                    (_, true) => (6, InsightKind::FeelingTrend),
                    (_, false) => (7, InsightKind::FeelingChange),
                };
                let label = label_name(*kind, name);
                let text = if trend {
                    words::rate_trend_claim(&label, f)
                } else {
                    words::rate_change_claim(&label, f, &before)
                };
                push(
                    order,
                    0.0,
                    insight_kind,
                    text,
                    label_positions(*kind, name),
                    Some(f),
                );
            }
            Question::With(group, name) => {
                let label = match group {
                    GroupKind::Theme => label_name(LabelKind::Theme, name).to_lowercase(),
                    _ => name.clone(),
                };
                let positions: Vec<usize> = match group {
                    GroupKind::Tag => label_positions(LabelKind::Tag, name),
                    GroupKind::Feeling => label_positions(LabelKind::Feeling, name),
                    GroupKind::Theme => label_positions(LabelKind::Theme, name),
                    GroupKind::Weekday => {
                        let day = super::mood::WEEKDAYS.iter().position(|d| d == name);
                        data.current()
                            .filter(|&p| Some(data.weekday(p)) == day)
                            .collect()
                    }
                    GroupKind::Prompt => data
                        .current()
                        .filter(|&p| data.entries[p].answered)
                        .collect(),
                };
                let positions = positions.into_iter().filter(with_mood).collect();
                push(
                    8,
                    -f.effect.abs(),
                    InsightKind::MoodWith,
                    words::mood_with_claim(*group, &label, f),
                    positions,
                    Some(f),
                );
            }
        }
    }
    for t in &assessment.tangles {
        let claimed = assessment
            .claims()
            .any(|f| matches!(&f.question, Question::With(g, n) if *g == t.group && *n == t.name));
        if claimed {
            continue;
        }
        let (kind, label) = match t.group {
            GroupKind::Tag => (Some(LabelKind::Tag), t.name.clone()),
            GroupKind::Feeling => (Some(LabelKind::Feeling), t.name.clone()),
            GroupKind::Theme => (
                Some(LabelKind::Theme),
                label_name(LabelKind::Theme, &t.name),
            ),
            _ => (None, t.name.clone()),
        };
        let positions = match kind {
            Some(k) => label_positions(k, &t.name),
            None => data
                .current()
                .filter(|&p| data.entries[p].answered)
                .collect(),
        };
        push(
            9,
            0.0,
            InsightKind::CannotSeparate,
            words::tangle_note(t.group, &label, t.late, t.mood_rose),
            positions,
            None,
        );
    }
    ranked.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    ranked.into_iter().map(|(_, _, i)| i).collect()
}

/// The labels an insight of `assessment` names (claims and notes), as the store knows them.
pub fn labels_named(assessment: &Assessment) -> Vec<(Source, String)> {
    let of_label = |kind: LabelKind| match kind {
        LabelKind::Sign => Source::Sign,
        LabelKind::Theme => Source::Theme,
        LabelKind::Feeling => Source::ChosenFeeling,
        LabelKind::Tag => Source::Tag,
    };
    let of_group = |group: GroupKind| match group {
        GroupKind::Feeling => Some(Source::ChosenFeeling),
        GroupKind::Tag => Some(Source::Tag),
        GroupKind::Theme => Some(Source::Theme),
        GroupKind::Prompt | GroupKind::Weekday => None,
    };
    let mut out: Vec<(Source, String)> = Vec::new();
    for f in assessment.claims() {
        match &f.question {
            Question::Trend(kind, name) | Question::Change(kind, name) => {
                out.push((of_label(*kind), name.clone()))
            }
            Question::With(group, name) => out.extend(of_group(*group).map(|s| (s, name.clone()))),
            Question::MoodTrend | Question::MoodChange => {}
        }
    }
    for t in &assessment.tangles {
        out.extend(of_group(t.group).map(|s| (s, t.name.clone())));
    }
    out.sort();
    out.dedup();
    out
}

fn evidence(f: &Finding) -> Evidence {
    let r = |x: f64| (x * 1000.0).round() / 1000.0;
    let interval = f.interval.unwrap_or([f.effect, f.effect]);
    Evidence {
        test: f.test,
        method: f.test.describe(f.method, f.block),
        p: f.p,
        p_adjusted: f.p_adjusted,
        difference: r(f.effect),
        interval: [r(interval[0]), r(interval[1])],
        days: [f.sides[0].0, f.sides[1].0],
        per_word: f.length_adjusted,
    }
}
