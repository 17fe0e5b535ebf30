//! Inputs that once crashed a fuzz target (kept in tests/fuzz-regressions/<target>/) go
//! through the same code again: each must now give a result or an error, never a panic.
//! Each target's folder also holds hand-written hostile inputs, so none of these tests is empty.

use std::fs;
use std::path::Path;

use chrono::{Local, TimeZone};
use mend::interop::formats::FORMATS;
use mend::interop::importer::Options;
use mend::interop::source::Source;
use mend::prompts::Library;

fn inputs(target: &str) -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fuzz-regressions")
        .join(target);
    // A missing or empty folder would make the test pass while testing nothing.
    let read = fs::read_dir(&dir).unwrap_or_else(|e| {
        panic!(
            "the inputs of {target} ({}) cannot be read: {e}",
            dir.display()
        )
    });
    let inputs: Vec<Vec<u8>> = read
        .flatten()
        .map(|e| fs::read(e.path()).unwrap())
        .collect();
    assert!(!inputs.is_empty(), "{} holds no input", dir.display());
    inputs
}

#[test]
fn dates() {
    let now = Local.with_ymd_and_hms(2026, 11, 21, 15, 0, 0).unwrap();
    for data in inputs("dates") {
        let text = String::from_utf8_lossy(&data);
        let _ = mend::dates::parse_when(&text, now);
        let _ = mend::dates::parse_day(&text, now);
    }
}

#[test]
fn prompt_toml() {
    for data in inputs("prompt_toml") {
        let mut library = Library::built_in();
        if let Err(reason) = library.add_file("mine.toml", &String::from_utf8_lossy(&data)) {
            assert!(reason.starts_with("mine.toml:"), "{reason}");
        }
    }
}

#[test]
fn importers() {
    for data in inputs("importers") {
        // Detection, then each format of the table in turn.
        let wanted = std::iter::once(None).chain(FORMATS.iter().map(|s| Some(s.format)));
        for wanted in wanted {
            let _ = Source::from_bytes("fuzz.json", data.clone()).entries(
                wanted,
                &Options::default(),
                &|_| {},
                &mut |_| true,
            );
        }
    }
}
