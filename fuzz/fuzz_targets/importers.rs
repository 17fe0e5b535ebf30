//! Any bytes as an export in each format mend imports: records or problems, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mend::cli::ImportFormat;
use mend::interop::Object;
use mend::interop::source::{Input, parse};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let input = Input { name: "fuzz.json".into(), text: text.into() };
    for wanted in [ImportFormat::Auto, ImportFormat::Mend, ImportFormat::Jrnl, ImportFormat::Dayone] {
        if let Ok(export) = parse(&input, wanted) {
            for raw in export.entries {
                if let Ok(object) = serde_json::from_str::<Object>(raw.get()) {
                    let _ = export.format.label(&object);
                    let _ = export.format.record(&object);
                }
            }
        }
    }
});
