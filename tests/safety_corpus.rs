//! The safety corpus (tests/fixtures/safety): a development set the reader was tuned on and a
//! held-out set written separately and read once. Prints recall per label and false alarms on
//! everyday sentences for each set, and fails below the targets in docs/safety.md. A missing
//! file fails the test.

use std::collections::BTreeMap;
use std::path::Path;

use mend::analysis::{Concern, safety_concerns};

const LABELS: [&str; 4] = ["self-harm", "harmed", "harming-others", "none"];

fn expected(label: &str) -> Option<Concern> {
    match label {
        "self-harm" => Some(Concern::SelfHarm),
        "harmed" => Some(Concern::Harmed),
        "harming-others" => Some(Concern::HarmingOthers),
        _ => None,
    }
}

#[derive(Default)]
struct Score {
    total: usize,
    hit: usize,
    misses: Vec<String>,
}

struct Report {
    scores: BTreeMap<&'static str, Score>,
    confused: Vec<String>,
}

fn evaluate(name: &str) -> Report {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/safety")
        .join(name);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{} is missing or unreadable: {e}", path.display()));
    let mut scores: BTreeMap<&'static str, Score> =
        LABELS.iter().map(|&l| (l, Score::default())).collect();
    let mut confused = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let (label, sentence) = line
            .split_once('\t')
            .unwrap_or_else(|| panic!("{name}:{}: no tab between label and sentence", n + 1));
        let label = LABELS
            .iter()
            .copied()
            .find(|&l| l == label.trim())
            .unwrap_or_else(|| panic!("{name}:{}: unknown label {label:?}", n + 1));
        let found = safety_concerns(sentence);
        let score = scores.get_mut(label).expect("every label has a score");
        score.total += 1;
        let right = match expected(label) {
            Some(want) => found.contains(&want),
            None => found.is_empty(),
        };
        if right {
            score.hit += 1;
        } else {
            score.misses.push(format!("{sentence}  -> {found:?}"));
        }
        let wrong_note = match label {
            "harmed" => found.contains(&Concern::HarmingOthers),
            "harming-others" => found.contains(&Concern::Harmed),
            _ => false,
        };
        if wrong_note {
            confused.push(format!("{label}: {sentence} -> {found:?}"));
        }
    }
    Report { scores, confused }
}

fn percent(hit: usize, total: usize) -> f64 {
    if total == 0 {
        0.0
    } else {
        100.0 * hit as f64 / total as f64
    }
}

/// Prints the figures and returns what falls short of the targets.
fn check(name: &str) -> Vec<String> {
    let report = evaluate(name);
    let mut failures = Vec::new();
    println!("== {name}");
    for label in LABELS {
        let s = &report.scores[label];
        if label == "none" {
            let alarms = s.total - s.hit;
            let rate = percent(alarms, s.total);
            println!(
                "  none: false alarms {alarms}/{} = {rate:.1}% (target <= 5%)",
                s.total
            );
            if rate > 5.0 || s.total == 0 {
                failures.push(format!("{name}: false alarms {rate:.1}% > 5%"));
            }
        } else {
            let recall = percent(s.hit, s.total);
            let target = if label == "harming-others" {
                90.0
            } else {
                95.0
            };
            println!(
                "  {label}: recall {}/{} = {recall:.1}% (target >= {target}%)",
                s.hit, s.total
            );
            if recall < target || s.total == 0 {
                failures.push(format!("{name}: {label} recall {recall:.1}% < {target}%"));
            }
        }
        // Held-out sentences stay unseen: printing them would invite tuning on them.
        if !name.starts_with("heldout") {
            for miss in &s.misses {
                println!("    missed/alarm [{label}] {miss}");
            }
        }
    }
    for c in &report.confused {
        if name.starts_with("heldout") {
            println!("  CONFUSED (a sentence of the held-out set)");
        } else {
            println!("  CONFUSED {c}");
        }
        failures.push(format!("{name}: wrong note: {c}"));
    }
    failures
}

#[test]
fn development_set_meets_the_targets() {
    let failures = check("dev.tsv");
    assert!(failures.is_empty(), "{failures:#?}");
}

/// The targets on the held-out set. Not met yet (docs/safety.md gives the measured
/// figures), so it is run by hand: `cargo test --test safety_corpus -- --ignored`.
#[test]
#[ignore = "the held-out targets are not met yet; see docs/safety.md"]
fn held_out_set_meets_the_targets() {
    let failures = check("heldout.tsv");
    assert!(failures.is_empty(), "{failures:#?}");
}

/// What the held-out set measured when the detector was frozen: no change may do worse, and
/// the two harm notes are never swapped.
#[test]
fn held_out_set_does_not_fall_below_what_was_measured() {
    let report = evaluate("heldout.tsv");
    let recall = |label: &str| {
        let s = &report.scores[label];
        percent(s.hit, s.total)
    };
    let none = &report.scores["none"];
    let alarms = percent(none.total - none.hit, none.total);
    println!(
        "held-out: self-harm {:.1}%, harmed {:.1}%, harming-others {:.1}%, false alarms {alarms:.1}%",
        recall("self-harm"),
        recall("harmed"),
        recall("harming-others")
    );
    assert!(recall("self-harm") >= 48.8, "self-harm recall fell");
    assert!(recall("harmed") >= 76.4, "harmed recall fell");
    assert!(
        recall("harming-others") >= 67.6,
        "harming-others recall fell"
    );
    assert!(alarms <= 5.0, "false alarms {alarms:.1}% over 5%");
    assert!(report.confused.is_empty(), "a harm note was swapped");
}
