//! The safety note's learned reader (src/analysis/safety/learned.rs): trained here, on
//! development sentences only, into `lexicon/safety-model.tsv`. Its sentences are every
//! `tests/fixtures/safety/dev*.tsv` line with its label, and every sentence of
//! `tests/fixtures/analysis/dev*.tsv` as one that calls for no note (everyday writing about
//! trust, full of checking, doubt and hurt feelings), except those the rules read as danger:
//! monitoring a partner's phone is both a trust sign and control, and the model is not taught
//! that it is safe. Never a held-out file.
//!
//! - `cargo test --release --test safety_model -- --ignored train` trains it again and writes
//!   the file (deterministic).
//! - `LEAVE_OUT=dev16.tsv cargo test --release --test safety_model -- --ignored cross_check`
//!   trains without one safety development file (and a seventh of the everyday sentences) and
//!   prints what the rules alone, and the rules with the model at several thresholds (for the
//!   harm notes and for self-harm), limits of the direction check and vetoes, read in it: how
//!   each was chosen.
//!
//! The model is a logistic regression per concern (tests/common/linear.rs) with C = 16.

mod common;

use std::path::{Path, PathBuf};

use common::corpus::{fixture_files, load};
use common::linear::{self, Model};
use mend::analysis::learned::{Extra, feature_names, window_feature_names};
use mend::analysis::{
    Concern, SAFETY_DIRECTION, SAFETY_SELF_HARM_THRESHOLD, SAFETY_VETO, SafetyDirection,
    SafetyModelRead, safety_concerns_by_rules, safety_join_with,
};

const MODEL: &str = "lexicon/safety-model.tsv";
/// Inverse penalty strength, as in common logistic-regression libraries.
const C: f64 = 16.0;
/// The chance at which a harm concern is read (self-harm has its own,
/// `SAFETY_SELF_HARM_THRESHOLD`), chosen by `cross_check` with each of the newest development
/// files left out in turn: the lowest threshold tried at which the model adds under one false
/// alarm in a hundred everyday trust sentences (an entry is several sentences, and every one of
/// them is read). First chosen on `dev17.tsv` to `dev22.tsv` (at most 7 in 875 at 0.85, 8 to 12
/// at 0.8; it was 0.9 before), and chosen again, unchanged, on `dev26.tsv` to `dev36.tsv`.
const CHOSEN_THRESHOLD: f64 = 0.85;
const COLUMNS: [Concern; 3] = [Concern::SelfHarm, Concern::Harmed, Concern::HarmingOthers];

const HEADER: &str = "\
# The safety note's learned reader (src/analysis/safety/learned.rs). Written by
# `cargo test --release --test safety_model -- --ignored train` from the development
# sentences in tests/fixtures/safety/dev*.tsv and the everyday sentences of
# tests/fixtures/analysis/dev*.tsv (never a held-out file); do not edit.
# Written for mend; MIT licence.
# Rows: corpus (the sentences' fingerprint), threshold (the chance at which a concern is
# read), bias (one per concern), then each feature: its name (w: a word, b: two words in a
# row), its idf and its weight for self-harm, being harmed and harming others.
";

/// One labelled sentence: the concern it calls for (or none) and its text.
struct Case {
    concern: Option<Concern>,
    text: String,
}

fn safety_cases(path: &Path) -> Vec<Case> {
    let text = std::fs::read_to_string(path).unwrap();
    text.lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|line| {
            let (label, sentence) = line.split_once('\t').expect("label<TAB>sentence");
            let concern = match label.trim() {
                "self-harm" => Some(Concern::SelfHarm),
                "harmed" => Some(Concern::Harmed),
                "harming-others" => Some(Concern::HarmingOthers),
                "none" => None,
                other => panic!("{}: unknown label {other:?}", path.display()),
            };
            Case {
                concern,
                text: sentence.to_string(),
            }
        })
        .collect()
}

/// The trust corpus's sentences that the rules read no danger in, as sentences for no note.
fn everyday_cases(files: &[PathBuf]) -> Vec<Case> {
    files
        .iter()
        .flat_map(|p| load(p))
        .filter(|c| safety_concerns_by_rules(&c.text).is_empty())
        .map(|c| Case {
            concern: None,
            text: c.text,
        })
        .collect()
}

fn training_files() -> Vec<PathBuf> {
    let mut files = fixture_files("safety", "dev");
    files.extend(fixture_files("analysis", "dev"));
    files
}

fn model_path() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(MODEL)
}

fn names(case: &Case) -> Vec<String> {
    feature_names(&case.text, Extra::Nothing)
}

fn train(cases: &[Case]) -> Model {
    let sentences: Vec<Vec<String>> = cases.iter().map(names).collect();
    let labels: Vec<Vec<bool>> = cases
        .iter()
        .map(|c| COLUMNS.iter().map(|&k| c.concern == Some(k)).collect())
        .collect();
    linear::train(&sentences, &labels, C)
}

#[test]
fn the_model_is_trained_on_the_development_sentences() {
    linear::assert_trained(
        &model_path(),
        &training_files(),
        CHOSEN_THRESHOLD,
        "safety_model",
    );
}

#[test]
#[ignore = "a tool: trains the model and writes lexicon/safety-model.tsv"]
fn train_the_model() {
    let mut cases: Vec<Case> = fixture_files("safety", "dev")
        .iter()
        .flat_map(|p| safety_cases(p))
        .collect();
    cases.extend(everyday_cases(&fixture_files("analysis", "dev")));
    let model = train(&cases);
    let file = linear::write(
        &model,
        HEADER,
        &linear::fingerprint(&training_files()),
        CHOSEN_THRESHOLD,
    );
    std::fs::write(model_path(), file).unwrap();
    println!(
        "trained on {} sentences: {} features",
        cases.len(),
        model.features.len()
    );
}

/// How one cross-check row reads: the harm notes' threshold (`None`: the rules alone), the
/// self-harm threshold, the direction check and the veto.
#[derive(Debug, Clone, Copy)]
struct Setting {
    threshold: Option<f64>,
    self_harm: f64,
    direction: Option<SafetyDirection>,
    veto: Option<f32>,
}

/// What the rules and the model read in one text at `setting` (no threshold: the rules alone),
/// joined as mend joins them (`safety_join`), over the same stretches of a few sentences.
fn read(model: &Model, text: &str, setting: Setting) -> Vec<Concern> {
    let rules = safety_concerns_by_rules(text);
    let Some(threshold) = setting.threshold else {
        return rules;
    };
    let mut read = SafetyModelRead::default();
    for bag in window_feature_names(text, Extra::Nothing) {
        let p = linear::chances(model, &bag);
        read.add(
            [p[0], p[1], p[2]].map(|c| c as f32),
            setting.self_harm as f32,
            threshold as f32,
        );
    }
    safety_join_with(&rules, read, setting.direction, setting.veto)
}

#[test]
#[ignore = "a tool: trains without one development file and reads it with the rules and the model"]
fn cross_check() {
    let left_out = std::env::var("LEAVE_OUT").unwrap_or_else(|_| "dev14.tsv".into());
    let (test, rest): (Vec<_>, Vec<_>) =
        fixture_files("safety", "dev").into_iter().partition(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy() == left_out)
        });
    assert!(!test.is_empty(), "no development file {left_out}");
    let mut cases: Vec<Case> = rest.iter().flat_map(|p| safety_cases(p)).collect();
    // Every seventh everyday sentence is left out with it, to count false alarms on.
    let everyday = everyday_cases(&fixture_files("analysis", "dev"));
    let (everyday_test, everyday_train): (Vec<_>, Vec<_>) = everyday
        .into_iter()
        .enumerate()
        .partition(|(i, _)| i % 7 == 0);
    cases.extend(everyday_train.into_iter().map(|(_, c)| c));
    let model = train(&cases);
    let test: Vec<Case> = test.iter().flat_map(|p| safety_cases(p)).collect();
    let chosen = Setting {
        threshold: Some(CHOSEN_THRESHOLD),
        self_harm: f64::from(SAFETY_SELF_HARM_THRESHOLD),
        direction: Some(SAFETY_DIRECTION),
        veto: Some(SAFETY_VETO),
    };
    let at = |threshold| Setting {
        threshold: Some(threshold),
        ..chosen
    };
    let self_harm_at = |self_harm| Setting {
        self_harm,
        ..chosen
    };
    let turn = |turn, keep| Setting {
        direction: Some(SafetyDirection { turn, keep }),
        ..chosen
    };
    let veto = |veto| Setting { veto, ..chosen };
    // SHOW=1: what the chosen setting reads wrong in the file left out, sentence by sentence.
    if std::env::var_os("SHOW").is_some() {
        for case in &test {
            let found = read(&model, &case.text, chosen);
            let right = match case.concern {
                Some(want) => found.contains(&want),
                None => found.is_empty(),
            };
            if !right {
                println!("  wrong [{:?}] -> {found:?} | {}", case.concern, case.text);
            }
        }
    }
    for setting in [
        Setting {
            threshold: None,
            ..chosen
        },
        at(0.95),
        at(0.9),
        at(0.85),
        at(0.8),
        at(0.75),
        self_harm_at(0.85),
        self_harm_at(0.75),
        self_harm_at(0.65),
        self_harm_at(0.55),
        Setting {
            direction: None,
            ..chosen
        },
        turn(0.95, 0.05),
        turn(0.8, 0.2),
        turn(0.7, 0.3),
        turn(0.6, 0.4),
        veto(None),
        veto(Some(0.02)),
        veto(Some(0.05)),
        veto(Some(0.1)),
        veto(Some(0.2)),
    ] {
        let mut line = format!(
            "{left_out} at {:?}, self-harm at {:.2}, direction {:?}, veto {:?}:",
            setting.threshold, setting.self_harm, setting.direction, setting.veto
        );
        for want in COLUMNS {
            let of: Vec<&Case> = test.iter().filter(|c| c.concern == Some(want)).collect();
            let hit = of
                .iter()
                .filter(|c| read(&model, &c.text, setting).contains(&want))
                .count();
            line.push_str(&format!(" {want:?} {hit}/{}", of.len()));
        }
        let none: Vec<&Case> = test.iter().filter(|c| c.concern.is_none()).collect();
        let alarms = none
            .iter()
            .filter(|c| !read(&model, &c.text, setting).is_empty())
            .count();
        let swapped = test
            .iter()
            .filter(|c| {
                let found = read(&model, &c.text, setting);
                (c.concern == Some(Concern::Harmed)
                    && found.contains(&Concern::HarmingOthers)
                    && !found.contains(&Concern::Harmed))
                    || (c.concern == Some(Concern::HarmingOthers)
                        && found.contains(&Concern::Harmed))
            })
            .count();
        let everyday_alarms = everyday_test
            .iter()
            .filter(|(_, c)| !read(&model, &c.text, setting).is_empty())
            .count();
        line.push_str(&format!(
            "; false alarms {alarms}/{}, on everyday trust sentences {everyday_alarms}/{}; \
             the other harm note {swapped}",
            none.len(),
            everyday_test.len()
        ));
        println!("{line}");
    }
}

/// A tool for reading sentences one by one: `EXPLAIN=FILE` (one sentence a line, or
/// `label<TAB>sentence`) prints what the rules alone and the rules joined with the shipped
/// model read in each.
#[test]
#[ignore = "a tool: prints the rules' and the shipped reader's concerns for each line of $EXPLAIN"]
fn explain() {
    let Ok(path) = std::env::var("EXPLAIN") else {
        return;
    };
    for line in std::fs::read_to_string(path).unwrap().lines() {
        let text = line.rsplit('\t').next().unwrap_or(line);
        let rules = safety_concerns_by_rules(text);
        let shipped = mend::analysis::safety_concerns(text);
        println!("rules {rules:?} shipped {shipped:?} | {text}");
    }
}
