//! Invariant 8, data half: the vendored files hash to the digests recorded in
//! `data/PROVENANCE` at stage 0, so a "cleaned up" lexicon cannot drift in
//! silently, and the upstream license text ships with its copyright line.

use sha2::{Digest, Sha256};

const PROVENANCE: &str = include_str!("../data/PROVENANCE");
const SDIST_SHA256: &str = "5d7c06e027fc8b99238edb0d53d970cf97066ef97654009890b83703849632f9";

const FILES: [(&str, &[u8]); 5] = [
    (
        "vader_lexicon.txt",
        include_bytes!("../data/vader_lexicon.txt"),
    ),
    (
        "casing_tables.tsv",
        include_bytes!("../data/casing_tables.tsv"),
    ),
    (
        "emoji_utf8_lexicon.txt",
        include_bytes!("../data/emoji_utf8_lexicon.txt"),
    ),
    (
        "rules_tables.tsv",
        include_bytes!("../data/rules_tables.tsv"),
    ),
    ("LICENSE-VADER", include_bytes!("../data/LICENSE-VADER")),
];

fn recorded_digest(name: &str) -> Option<String> {
    for line in PROVENANCE.lines() {
        let mut parts = line.split_whitespace();
        if parts.next() == Some("sha256") {
            if let (Some(digest), Some(file)) = (parts.next(), parts.next()) {
                if file == name {
                    return Some(digest.to_string());
                }
            }
        }
    }
    None
}

#[test]
fn every_vendored_file_hashes_to_its_recorded_digest() {
    for (name, bytes) in FILES {
        let recorded = recorded_digest(name);
        assert!(recorded.is_some(), "no PROVENANCE digest for {name}");
        let computed = format!("{:x}", Sha256::digest(bytes));
        assert_eq!(
            recorded.unwrap_or_default(),
            computed,
            "{name} does not match its stage-0 digest"
        );
    }
    // Four digest lines, no fifth file drifting in unrecorded.
    let digest_lines = PROVENANCE
        .lines()
        .filter(|l| l.split_whitespace().next() == Some("sha256"))
        .count();
    assert_eq!(digest_lines, FILES.len());
}

#[test]
fn provenance_pins_the_sdist() {
    let expected = format!("sdist sha256: {SDIST_SHA256}");
    assert!(
        PROVENANCE.lines().any(|l| l == expected),
        "PROVENANCE does not pin the vaderSentiment 3.3.2 sdist digest"
    );
}

/// The casing tables carry their own pin: PROVENANCE names the interpreter
/// and Unicode versions they were recorded from, and the vendored file's
/// header must state the same two versions.
#[test]
fn provenance_pins_the_casing_oracle_versions() {
    assert!(
        PROVENANCE
            .lines()
            .any(|l| l == "interpreter, CPython 3.14.6 with Unicode data 16.0.0 (unicodedata"),
        "PROVENANCE does not name the casing oracle interpreter"
    );
    let table = String::from_utf8_lossy(
        FILES
            .iter()
            .find(|(name, _)| *name == "casing_tables.tsv")
            .map(|(_, bytes)| *bytes)
            .unwrap_or_default(),
    )
    .to_string();
    assert!(table.lines().any(|l| l == "# cpython\t3.14.6"));
    assert!(table.lines().any(|l| l == "# unidata\t16.0.0"));
}

#[test]
fn upstream_license_ships_with_its_copyright_line() {
    let license = String::from_utf8_lossy(
        FILES
            .iter()
            .find(|(name, _)| *name == "LICENSE-VADER")
            .map(|(_, bytes)| *bytes)
            .unwrap_or_default(),
    )
    .to_string();
    assert!(license.lines().any(|l| l == "The MIT License (MIT)"));
    assert!(license
        .lines()
        .any(|l| l == "Copyright (c) 2016 C.J. Hutto"));
}

#[test]
fn crate_licenses_ship_at_the_root() {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let mit = std::fs::read_to_string(root.join("LICENSE-MIT")).unwrap_or_default();
    let apache = std::fs::read_to_string(root.join("LICENSE-APACHE")).unwrap_or_default();
    assert!(mit.lines().any(|l| l == "Copyright (c) 2026 Justin Jones"));
    assert!(apache.lines().any(|l| l.trim_start() == "Apache License"));
}
