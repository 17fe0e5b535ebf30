//! Any text as a person's own prompt file: merged or refused with `file:line: reason`.
#![no_main]

use std::sync::OnceLock;

use libfuzzer_sys::fuzz_target;
use mend::prompts::Library;

fn built_in() -> &'static Library {
    static LIBRARY: OnceLock<Library> = OnceLock::new();
    LIBRARY.get_or_init(Library::built_in)
}

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let mut library = built_in().clone();
        let before = library.prompts.len();
        match library.add_file("mine.toml", text) {
            Ok(()) => assert!(library.prompts.len() >= before),
            Err(reason) => {
                assert!(reason.starts_with("mine.toml:"), "{reason}");
                assert_eq!(library.prompts.len(), before, "a refused file adds nothing");
            }
        }
    }
});
