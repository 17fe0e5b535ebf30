//! The prompt library read as an editor would: no two prompts asking the same thing, every
//! prompt with a follow-up, every context and both perspectives served, path steps that repeat
//! a prompt linked to it, no sentence taken from the guides.
//!
//! Echoes are found by content-word overlap: each question (without its follow-ups) becomes
//! the set of its content words (lower-case, stop words dropped, plural and -ing/-ed endings
//! trimmed), and two questions overlap by the Jaccard index of their sets. Two library prompts
//! may overlap by at most [`ECHO`]; a path step that overlaps a library prompt by more than
//! [`STEP_ECHO`] must name that prompt (`prompt = "…"` in paths.toml) so one rest covers both.
//!
//! `cargo test --test library overlap_report -- --ignored --nocapture` prints the closest
//! pairs: the script the editing started from.

use std::collections::{BTreeSet, HashMap};
use std::path::{Path, PathBuf};

use mend::prompts::library::{Context, Library, Perspective, Prompt, THEMES};

/// Two library prompts sharing more than this share of content words ask the same thing.
const ECHO: f64 = 0.4;
/// A path step this close to a library prompt repeats it and must be linked to it.
const STEP_ECHO: f64 = 0.4;
/// Each context (friendship, work, romantic) has at least this many prompts of its own.
const PER_CONTEXT: usize = 15;

const STOP: &[&str] = &[
    "a",
    "about",
    "after",
    "again",
    "all",
    "also",
    "am",
    "an",
    "and",
    "any",
    "anyone",
    "anything",
    "are",
    "as",
    "at",
    "be",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "done",
    "each",
    "even",
    "ever",
    "for",
    "from",
    "get",
    "had",
    "has",
    "have",
    "how",
    "however",
    "i",
    "if",
    "in",
    "into",
    "is",
    "it",
    "its",
    "just",
    "let",
    "like",
    "little",
    "lot",
    "make",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "my",
    "no",
    "not",
    "now",
    "of",
    "on",
    "one",
    "only",
    "or",
    "other",
    "others",
    "our",
    "out",
    "over",
    "own",
    "rather",
    "really",
    "right",
    "same",
    "say",
    "seem",
    "should",
    "so",
    "some",
    "someone",
    "something",
    "still",
    "such",
    "than",
    "that",
    "the",
    "their",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "thing",
    "things",
    "this",
    "those",
    "through",
    "time",
    "to",
    "today",
    "too",
    "up",
    "us",
    "very",
    "want",
    "was",
    "way",
    "ways",
    "we",
    "week",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "within",
    "without",
    "would",
    "yet",
    "you",
    "your",
    "yours",
    "yourself",
    "person",
    "partner",
];

/// The content words of a question, lightly stemmed.
fn content_words(text: &str) -> BTreeSet<String> {
    text.to_lowercase()
        .replace('\u{2019}', "'")
        .split(|c: char| !(c.is_ascii_alphanumeric() || c == '\''))
        .map(|w| w.trim_matches('\'').trim_end_matches("'s"))
        .filter(|w| !w.is_empty() && !w.contains('\'') && !STOP.contains(w))
        .map(stem)
        .collect()
}

fn stem(word: &str) -> String {
    for suffix in ["ing", "ed", "es", "s"] {
        if let Some(root) = word.strip_suffix(suffix)
            && root.len() >= 4
        {
            return root.to_string();
        }
    }
    word.to_string()
}

fn overlap(a: &BTreeSet<String>, b: &BTreeSet<String>) -> f64 {
    let shared = a.intersection(b).count();
    let all = a.union(b).count();
    if all == 0 {
        0.0
    } else {
        shared as f64 / all as f64
    }
}

/// Every pair of library prompts, closest first.
fn prompt_pairs(lib: &Library) -> Vec<(f64, &Prompt, &Prompt)> {
    let words: Vec<_> = lib.prompts.iter().map(|p| content_words(&p.text)).collect();
    let mut pairs = Vec::new();
    for i in 0..lib.prompts.len() {
        for j in i + 1..lib.prompts.len() {
            pairs.push((
                overlap(&words[i], &words[j]),
                &lib.prompts[i],
                &lib.prompts[j],
            ));
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0));
    pairs
}

/// For each path step, the library prompt closest to it.
fn step_matches(lib: &Library) -> Vec<(f64, String, Option<String>, &Prompt)> {
    let words: Vec<_> = lib.prompts.iter().map(|p| content_words(&p.text)).collect();
    let mut out = Vec::new();
    for path in &lib.paths {
        for step in &path.steps {
            let own = content_words(&step.text);
            let (best, i) = words
                .iter()
                .enumerate()
                .map(|(i, w)| (overlap(&own, w), i))
                .max_by(|a, b| a.0.total_cmp(&b.0))
                .unwrap();
            out.push((
                best,
                format!("{}/{}", path.id, step.id),
                step.prompt.clone(),
                &lib.prompts[i],
            ));
        }
    }
    out.sort_by(|a, b| b.0.total_cmp(&a.0));
    out
}

#[test]
#[ignore = "a report for editing, not a check"]
fn overlap_report() {
    let lib = Library::built_in();
    println!("closest prompt pairs (echo threshold {ECHO}):");
    for (score, a, b) in prompt_pairs(&lib).into_iter().take(60) {
        println!(
            "{score:.2}  {}  ~  {}\n      {}\n      {}",
            a.id, b.id, a.text, b.text
        );
    }
    println!("\npath steps and their closest prompt (link threshold {STEP_ECHO}):");
    for (score, step, linked, p) in step_matches(&lib) {
        println!(
            "{score:.2}  {step} -> {} (linked: {})",
            p.id,
            linked.as_deref().unwrap_or("-")
        );
    }
}

#[test]
fn no_two_prompts_ask_the_same_thing() {
    let lib = Library::built_in();
    let echoes: Vec<String> = prompt_pairs(&lib)
        .into_iter()
        .take_while(|(score, ..)| *score > ECHO)
        .map(|(score, a, b)| format!("{score:.2} {} ~ {}", a.id, b.id))
        .collect();
    assert!(
        echoes.is_empty(),
        "echoes above {ECHO}:\n{}",
        echoes.join("\n")
    );
}

#[test]
fn path_steps_that_repeat_a_prompt_are_linked_to_it() {
    let lib = Library::built_in();
    let mut faults = Vec::new();
    for path in &lib.paths {
        for step in &path.steps {
            if let Some(id) = &step.prompt
                && !lib.prompts.iter().any(|p| &p.id == id)
            {
                faults.push(format!("{}/{}: no prompt {id}", path.id, step.id));
            }
        }
    }
    for (score, step, linked, p) in step_matches(&lib) {
        if score > STEP_ECHO && linked.is_none() {
            faults.push(format!("{score:.2} {step} repeats {} unlinked", p.id));
        }
    }
    // A step's entries carry `path/step` as their prompt id: it must not be a library id.
    for path in &lib.paths {
        for step in &path.steps {
            let id = format!("{}/{}", path.id, step.id);
            if lib.prompts.iter().any(|p| p.id == id) {
                faults.push(format!("{id} is both a step and a prompt"));
            }
        }
    }
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

#[test]
fn merged_ids_still_find_their_prompt() {
    let lib = Library::built_in();
    let ids: Vec<&str> = lib.prompts.iter().map(|p| p.id.as_str()).collect();
    let mut seen = HashMap::new();
    for p in &lib.prompts {
        for old in &p.answered_as {
            assert!(
                !ids.contains(&old.as_str()),
                "{old} is merged yet still a prompt"
            );
            if let Some(other) = seen.insert(old.clone(), p.id.clone()) {
                assert!(
                    lib.paths
                        .iter()
                        .any(|path| old.starts_with(&format!("{}/", path.id))),
                    "{old} merged into both {other} and {}",
                    p.id
                );
            }
            assert_eq!(lib.prompt(old).unwrap().id, p.id);
        }
    }
}

#[test]
fn every_prompt_and_step_has_a_follow_up() {
    let lib = Library::built_in();
    let bare: Vec<&str> = lib
        .prompts
        .iter()
        .filter(|p| p.follow_ups.is_empty())
        .map(|p| p.id.as_str())
        .collect();
    assert!(bare.is_empty(), "no follow-up: {bare:?}");
    for path in &lib.paths {
        for step in &path.steps {
            // A structured step (the thought record's) may end its question with an example.
            for q in std::iter::once(&step.text).chain(&step.follow_ups) {
                assert!(
                    q.ends_with('?') || (step.field.is_some() && q.contains('?')),
                    "{}/{}: {q}",
                    path.id,
                    step.id
                );
            }
        }
    }
    for p in &lib.prompts {
        for q in &p.follow_ups {
            assert!(q.ends_with('?'), "{}: {q}", p.id);
        }
    }
}

#[test]
fn every_context_has_prompts_of_its_own() {
    let lib = Library::built_in();
    for context in [Context::Romantic, Context::Friendship, Context::Work] {
        let n = lib.prompts.iter().filter(|p| p.context == context).count();
        assert!(
            n >= PER_CONTEXT,
            "{context:?} has {n} prompts, needs {PER_CONTEXT}"
        );
    }
}

#[test]
fn every_theme_speaks_to_both_perspectives() {
    let lib = Library::built_in();
    for theme in THEMES {
        for perspective in [Perspective::Hurt, Perspective::Rebuilding] {
            assert!(
                lib.prompts
                    .iter()
                    .any(|p| p.theme == theme && p.perspective == perspective),
                "{theme} has no prompt of its own for {perspective:?}"
            );
        }
    }
}

#[test]
fn prompts_name_people_plainly_and_open_the_question() {
    let lib = Library::built_in();
    let mut faults = Vec::new();
    let closed = [
        "Do ", "Does ", "Is ", "Are ", "Have ", "Has ", "Can ", "Could ", "Did ", "Was ", "Were ",
        "Would ", "Will ",
    ];
    for p in &lib.prompts {
        let all = std::iter::once(&p.text).chain(&p.follow_ups);
        if all
            .clone()
            .any(|q| q.to_lowercase().contains("the other person"))
        {
            faults.push(format!("{}: says \"the other person\"", p.id));
        }
        if closed.iter().any(|c| p.text.starts_with(c)) {
            faults.push(format!("{}: opens with a yes-or-no question", p.id));
        }
        if p.text.contains("partner") && p.context != Context::Romantic {
            faults.push(format!("{}: says \"your partner\" outside romantic", p.id));
        }
        if p.text.len() > 200 {
            faults.push(format!("{}: longer than 200 characters", p.id));
        }
    }
    assert!(faults.is_empty(), "{}", faults.join("\n"));
}

#[test]
fn the_gaps_are_filled() {
    let lib = Library::built_in();
    let safety: Vec<&Prompt> = lib
        .prompts
        .iter()
        .filter(|p| p.shows_safety_resources())
        .collect();
    assert!(!safety.is_empty(), "a gentle safety check");
    for p in &safety {
        assert!(
            p.text.contains("afraid") || p.text.contains("control"),
            "{}",
            p.text
        );
    }
    let about = |words: &[&str], perspective: Perspective| {
        lib.prompts
            .iter()
            .filter(|p| {
                p.perspective == perspective
                    && words.iter().any(|w| p.text.to_lowercase().contains(w))
            })
            .count()
    };
    for (what, words, perspective) in [
        (
            "the same questions again",
            &["same question", "again and again"][..],
            Perspective::Rebuilding,
        ),
        ("ending contact", &["contact"][..], Perspective::Rebuilding),
        (
            "a decision to leave",
            &["leave", "end the relationship"][..],
            Perspective::Rebuilding,
        ),
        (
            "self-blame",
            &["blame yourself", "your fault", "self-blame"][..],
            Perspective::Hurt,
        ),
        (
            "intrusive images",
            &["image", "picture"][..],
            Perspective::Hurt,
        ),
    ] {
        assert!(
            about(words, perspective) >= 2,
            "fewer than two prompts on {what}"
        );
    }
    let transparency = lib
        .prompts
        .iter()
        .filter(|p| {
            let t = p.text.to_lowercase();
            t.contains("surveil") || t.contains("checking") || t.contains("control")
        })
        .count();
    assert!(
        transparency >= 3,
        "transparency against surveillance: {transparency}"
    );
}

/// The guides beside the repository (in the main checkout or a sibling checkout).
fn guides_dir() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    [
        root.join("../shared/guides"),
        root.join("../../shared/guides"),
    ]
    .into_iter()
    .find(|d| d.join("README.md").exists())
}

#[test]
fn no_run_of_five_words_comes_from_the_guides() {
    let Some(dir) = guides_dir() else {
        assert!(
            std::env::var("CI").as_deref() != Ok("true"),
            "the guides are needed to check originality"
        );
        eprintln!("the guides are not beside the repository: originality not checked");
        return;
    };
    let words = |text: &str| -> Vec<String> {
        text.to_lowercase()
            .replace('\u{2019}', "'")
            .split(|c: char| !(c.is_alphanumeric() || c == '\''))
            .filter(|w| !w.is_empty())
            .map(str::to_string)
            .collect()
    };
    let mut runs = std::collections::HashSet::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let w = words(&std::fs::read_to_string(path).unwrap());
            for run in w.windows(5) {
                runs.insert(run.join(" "));
            }
        }
    }
    let lib = Library::built_in();
    let questions = lib.prompts.iter().flat_map(|p| {
        std::iter::once(&p.text)
            .chain(&p.follow_ups)
            .map(move |q| (&p.id, q))
    });
    let mut copied = Vec::new();
    for (id, q) in questions {
        for run in words(q).windows(5) {
            let run = run.join(" ");
            if runs.contains(&run) {
                copied.push(format!("{id}: \"{run}\""));
            }
        }
    }
    assert!(copied.is_empty(), "{}", copied.join("\n"));
}
