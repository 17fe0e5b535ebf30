//! Any bytes as an export in each format mend imports: records or problems, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mend::cli::ImportFormat;
use mend::interop::source::Source;

fuzz_target!(|data: &[u8]| {
    for wanted in [ImportFormat::Auto, ImportFormat::Mend, ImportFormat::Jrnl, ImportFormat::Dayone] {
        let _ = Source::from_bytes("fuzz.json", data.to_vec()).entries(wanted, &|_| {}, &mut |_| true);
    }
});
