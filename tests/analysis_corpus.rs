//! The analysis against hand-labelled sentences (tests/fixtures/analysis): precision and recall
//! of the writer's current signs, each sign, the partner's signs and the feelings found in text,
//! on the development set and on the held-out set written before the reader was tuned.
//! `MEND_CORPUS_VERBOSE=1` prints every sentence read wrongly.

use std::collections::BTreeMap;
use std::path::PathBuf;

mod common;

use common::corpus::{Case, fixture_files, load};
use mend::analysis::{Holder, Perspective, ReadingKind, Time, analyse_as};

const SIGNS: [&str; 5] = ["doubt", "jealousy", "reassurance", "avoidance", "checking"];

#[derive(Default, Clone, Copy)]
struct Tally {
    tp: u32,
    fp: u32,
    fn_: u32,
}

impl Tally {
    fn add(&mut self, expected: &[String], found: &[String], name: Option<&str>) {
        let keep = |v: &[String]| -> Vec<String> {
            v.iter()
                .filter(|x| name.is_none_or(|n| n == x.as_str()))
                .cloned()
                .collect()
        };
        let (e, f) = (keep(expected), keep(found));
        for x in &f {
            if e.contains(x) {
                self.tp += 1;
            } else {
                self.fp += 1;
            }
        }
        self.fn_ += e.iter().filter(|x| !f.contains(x)).count() as u32;
    }

    fn precision(&self) -> f64 {
        if self.tp + self.fp == 0 {
            1.0
        } else {
            f64::from(self.tp) / f64::from(self.tp + self.fp)
        }
    }

    fn recall(&self) -> f64 {
        if self.tp + self.fn_ == 0 {
            1.0
        } else {
            f64::from(self.tp) / f64::from(self.tp + self.fn_)
        }
    }
}

/// The targets (precision and recall at least), by measure.
fn targets(key: &str) -> Option<(f64, f64)> {
    match key {
        "writer signs" | "feelings" => Some((0.85, 0.85)),
        "partner signs" => None,
        _ => Some((0.75, 0.75)),
    }
}

/// Evaluates one set, prints its table, and returns what falls below `floor` (the least
/// precision and recall each measure must reach).
fn evaluate(
    name: &str,
    paths: &[PathBuf],
    floor: &dyn Fn(&str) -> Option<(f64, f64)>,
) -> Vec<String> {
    let cases: Vec<(String, Case)> = paths
        .iter()
        .flat_map(|p| {
            let file = p.file_stem().unwrap().to_string_lossy().into_owned();
            load(p).into_iter().map(move |c| (file.clone(), c))
        })
        .collect();
    // Held-out sentences are never printed: that would invite tuning on them.
    // Only the whole development set prints its misses, so that each is printed once.
    let verbose = std::env::var_os("MEND_CORPUS_VERBOSE").is_some() && name == "development";
    let mut t: BTreeMap<&str, Tally> = BTreeMap::new();
    for (file, case) in &cases {
        let a = analyse_as(&case.text, Some(case.perspective));
        let mut writer: Vec<String> = a.signs.iter().map(|c| c.name.clone()).collect();
        writer.sort();
        let mut partner: Vec<String> = a
            .readings
            .iter()
            .filter(|r| {
                r.kind == ReadingKind::Sign && r.holder == Holder::Partner && r.time == Time::Now
            })
            .map(|r| r.name.clone())
            .collect();
        partner.sort();
        partner.dedup();
        t.entry("writer signs")
            .or_default()
            .add(&case.writer, &writer, None);
        for sign in SIGNS {
            t.entry(sign)
                .or_default()
                .add(&case.writer, &writer, Some(sign));
        }
        t.entry("partner signs")
            .or_default()
            .add(&case.partner, &partner, None);
        t.entry("feelings")
            .or_default()
            .add(&case.feelings, &a.feelings, None);
        if verbose
            && (writer != case.writer || partner != case.partner || a.feelings != case.feelings)
        {
            println!(
                "{file}:{} {:?}\n  signs {:?} (want {:?}), partner {:?} (want {:?}), feelings {:?} (want {:?})",
                case.line,
                case.text,
                writer,
                case.writer,
                partner,
                case.partner,
                a.feelings,
                case.feelings
            );
        }
    }
    println!("\n{name} set: {} sentences", cases.len());
    println!("| measure | precision | recall | tp | fp | fn |");
    println!("|---|---|---|---|---|---|");
    let order = [
        "writer signs",
        "doubt",
        "jealousy",
        "reassurance",
        "avoidance",
        "checking",
        "partner signs",
        "feelings",
    ];
    let mut failures = Vec::new();
    for key in order {
        let x = t[key];
        println!(
            "| {key} | {:.2} | {:.2} | {} | {} | {} |",
            x.precision(),
            x.recall(),
            x.tp,
            x.fp,
            x.fn_
        );
        if let Some((precision, recall)) = floor(key)
            && (x.precision() < precision || x.recall() < recall)
        {
            failures.push(format!(
                "{name} {key}: precision {:.2}, recall {:.2} (at least {precision:.2} and {recall:.2} wanted)",
                x.precision(),
                x.recall()
            ));
        }
    }
    failures
}

/// The files of one kind (`dev` or `heldout`) in tests/fixtures/analysis, sorted, perhaps
/// none.
fn files(prefix: &str) -> Vec<PathBuf> {
    fixture_files("analysis", prefix)
}

/// The development files (`dev*.tsv`): the reader is tuned on these. `dev2.tsv`, `dev3.tsv`
/// and `dev5.tsv` are the first three held-out sets, each measured once and then made
/// development data; `dev4.tsv` and `dev6.tsv` are rounds written and labelled before the
/// reader first read them.
fn development() -> Vec<PathBuf> {
    let paths = files("dev");
    assert!(!paths.is_empty(), "no dev*.tsv in tests/fixtures/analysis");
    paths
}

/// The held-out set (`heldout*.tsv`): written and labelled by others, never read to tune the
/// reader. Between sets (the last one has become development data and the next is not yet
/// added) there is none, and there is nothing to hold to: `None`, said on standard output.
/// CI must measure one.
fn held_out() -> Option<Vec<PathBuf>> {
    let paths = files("heldout");
    if paths.is_empty() {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "no held-out set (heldout*.tsv) in tests/fixtures/analysis: CI must measure one"
        );
        println!(
            "no held-out set (heldout*.tsv) in tests/fixtures/analysis: nothing to hold to; \
             see tests/fixtures/analysis/README.md"
        );
        return None;
    }
    Some(paths)
}

/// What the held-out set measured on its first run, as (precision, recall): no change may do
/// worse. Whenever a new held-out set replaces the last (which then becomes the newest
/// `dev*.tsv`), read it once (`cargo test --release --test analysis_corpus -- --nocapture`)
/// before any change, and write its figures here and in docs/summary.md.
const HELD_OUT_FLOOR: &[(&str, f64, f64)] = &[
    // The tenth held-out set (labelled by its writer and again, blind, by a second person; the
    // rows that disagreed settled by the definitions before it was read) as version 9 ships:
    // the rules and the learned reader, trained to `dev21.tsv`, read at 0.55 over stretches of
    // a few sentences.
    ("writer signs", 0.88, 0.89),
    ("doubt", 0.88, 0.83),
    ("jealousy", 0.88, 0.88),
    ("reassurance", 0.86, 0.91),
    ("avoidance", 0.88, 0.88),
    ("checking", 0.89, 0.94),
    ("partner signs", 0.72, 0.53),
    ("feelings", 0.95, 0.90),
];

#[test]
fn development_set_meets_the_targets() {
    let failures = evaluate("development", &development(), &targets);
    // The rounds read last are printed on their own too: the whole set's figures can hide a
    // round the reader has not learnt.
    // By the round's number, not its name: "dev10" sorts before "dev4".
    let round = |p: &PathBuf| {
        p.file_stem()
            .and_then(|s| s.to_str()?.strip_prefix("dev")?.parse::<u32>().ok())
    };
    for path in development()
        .into_iter()
        .filter(|p| round(p).is_some_and(|n| n >= 4))
    {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        evaluate(&name, &[path], &|_: &str| None);
    }
    assert!(failures.is_empty(), "{failures:#?}");
}

// Nine held-out sets in a row were read below the targets on their one run and are
// development data now (the last, `dev19.tsv`, at 0.80 / 0.78 for the writer's signs); the
// tenth, `heldout.tsv`, met them (docs/summary.md), so the targets are held on every run.
#[test]
fn held_out_set_meets_the_targets() {
    let Some(paths) = held_out() else {
        return;
    };
    let failures = evaluate("held-out", &paths, &targets);
    assert!(failures.is_empty(), "{failures:#?}");
}

/// No change may do worse on the held-out set than `HELD_OUT_FLOOR`.
#[test]
fn held_out_set_does_not_fall_below_what_was_measured() {
    let Some(paths) = held_out() else {
        return;
    };
    let measured = |key: &str| {
        HELD_OUT_FLOOR
            .iter()
            .find(|(k, _, _)| *k == key)
            .map(|&(_, p, r)| (p, r))
    };
    // Two decimals were written down; a hair below them is the same figure.
    let floor = |key: &str| measured(key).map(|(p, r)| (p - 0.006, r - 0.006));
    let failures = evaluate("held-out", &paths, &floor);
    assert!(failures.is_empty(), "{failures:#?}");
}

/// Prints what the reader makes of `MEND_READ` (with `MEND_READ_AS=rebuilding` for the
/// rebuilding perspective): `MEND_READ='…' cargo test --test analysis_corpus read_one --
/// --ignored --nocapture`.
#[test]
#[ignore = "a tool for reading one sentence by hand"]
fn read_one() {
    let text = std::env::var("MEND_READ").expect("MEND_READ holds the sentence to read");
    let perspective = match std::env::var("MEND_READ_AS").as_deref() {
        Ok("rebuilding") => Perspective::Rebuilding,
        _ => Perspective::Hurt,
    };
    for r in analyse_as(&text, Some(perspective)).readings {
        println!(
            "{:?} {} {:?} {:?} {:?}",
            r.kind, r.name, r.holder, r.time, r.words
        );
    }
}
