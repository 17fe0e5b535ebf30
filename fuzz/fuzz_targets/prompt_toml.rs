//! Any text as a person's own prompt file: merged or refused with `file:line: reason`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mend::prompts::Library;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let mut library = Library::built_in();
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
