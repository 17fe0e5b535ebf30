use std::sync::atomic::Ordering;
use std::time::Instant;

use crate::analysis::{Concern, safety_concerns_by_rules as concerns};

#[test]
fn broad_kinds_are_read_both_ways() {
    for (text, want) in [
        (
            "I bit my own arm hard enough to leave teeth marks.",
            vec![Concern::SelfHarm],
        ),
        (
            "there's a rope in the garage and I keep thinking about it",
            vec![Concern::SelfHarm],
        ),
        (
            "i just want everything to stop, permanently",
            vec![Concern::SelfHarm],
        ),
        (
            "Every time I go to the shop he times me.",
            vec![Concern::Harmed],
        ),
        (
            "She controls every penny, I get pocket money on Fridays.",
            vec![Concern::Harmed],
        ),
        (
            "the way he looks at me when I talk to other men scares me",
            vec![Concern::Harmed],
        ),
        (
            "I check her location every twenty minutes.",
            vec![Concern::HarmingOthers],
        ),
        (
            "I deleted her friends' numbers from her phone while she slept.",
            vec![Concern::HarmingOthers],
        ),
        (
            "I told him if he goes to the party I'll make sure he regrets it.",
            vec![Concern::HarmingOthers],
        ),
    ] {
        assert_eq!(concerns(text), want, "{text:?}");
    }
}

#[test]
fn broad_guards_hold() {
    for text in [
        "He takes my phone charger every morning.",
        "I cut myself a slice of cake.",
        "I carry a knife for work, I'm a chef.",
        "He times my runs with his watch.",
        "I checked my ex's instagram once, out of curiosity.",
        "I want it all to stop raining.",
        "I finally deleted the old photos of my ex, it felt good.",
        "I made him apologise to his mum.",
        "It scares me how much I love her.",
    ] {
        assert_eq!(concerns(text), [], "{text:?}");
    }
}

/// What the broad recognisers cost: every development sentence of both corpora read with
/// them and without, in turn. `cargo test --release --lib broad_cost -- --ignored
/// --nocapture`.
#[test]
#[ignore = "a measurement, run by hand"]
fn broad_cost() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut sentences = Vec::new();
    for dir in ["safety", "analysis"] {
        for e in std::fs::read_dir(root.join(dir)).unwrap().flatten() {
            let name = e.file_name().into_string().unwrap_or_default();
            if !name.ends_with(".tsv") {
                continue;
            }
            let text = std::fs::read_to_string(e.path()).unwrap();
            for line in text.lines().filter(|l| !l.starts_with('#')) {
                if let Some(s) = line.rsplit('\t').next() {
                    sentences.push(s.to_string());
                }
            }
        }
    }
    let run = |off: bool| {
        super::OFF.store(off, Ordering::Relaxed);
        let start = Instant::now();
        let mut n = 0;
        for _ in 0..5 {
            for s in &sentences {
                n += concerns(s).len();
            }
        }
        super::OFF.store(false, Ordering::Relaxed);
        (start.elapsed(), n)
    };
    run(false);
    for _ in 0..3 {
        let (with, a) = run(false);
        let (without, b) = run(true);
        println!(
            "{} sentences x5: with the broad recognisers {with:?} ({a} notes), without {without:?} ({b} notes), {:.2}x",
            sentences.len(),
            with.as_secs_f64() / without.as_secs_f64()
        );
    }
}
