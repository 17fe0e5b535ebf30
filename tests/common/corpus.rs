//! The labelled sentences of `tests/fixtures/analysis`, read the same way by every test that
//! needs them: the corpus test, and the trainer of the learned reader.

use std::path::{Path, PathBuf};

use mend::analysis::Perspective;

/// The files of `tests/fixtures/<kind>` whose names start with `prefix` (`dev`, `heldout`),
/// sorted; none is an empty list.
pub fn fixture_files(kind: &str, prefix: &str) -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(kind);
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{} is missing: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|x| x == "tsv")
                && p.file_name()
                    .is_some_and(|n| n.to_string_lossy().starts_with(prefix))
        })
        .collect();
    files.sort();
    files
}

/// One labelled sentence.
pub struct Case {
    pub line: usize,
    pub perspective: Perspective,
    pub writer: Vec<String>,
    pub partner: Vec<String>,
    pub feelings: Vec<String>,
    pub text: String,
}

fn list(field: &str) -> Vec<String> {
    if field == "-" {
        return Vec::new();
    }
    let mut v: Vec<String> = field.split(',').map(|s| s.trim().to_string()).collect();
    v.sort();
    v
}

/// The sentences of one analysis corpus file; a malformed line fails with its place.
pub fn load(path: &Path) -> Vec<Case> {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("the corpus file {} is missing: {e}", path.display()));
    let mut cases = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(
            f.len(),
            5,
            "{}:{}: five tab-separated fields",
            path.display(),
            n + 1
        );
        let perspective = match f[0] {
            "hurt" => Perspective::Hurt,
            "rebuilding" => Perspective::Rebuilding,
            other => panic!("{}:{}: perspective {other:?}", path.display(), n + 1),
        };
        cases.push(Case {
            line: n + 1,
            perspective,
            writer: list(f[1]),
            partner: list(f[2]),
            feelings: list(f[3]),
            text: f[4].to_string(),
        });
    }
    assert!(!cases.is_empty(), "{} has no sentences", path.display());
    cases
}
