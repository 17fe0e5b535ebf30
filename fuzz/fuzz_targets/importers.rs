//! Any bytes as an export in each format mend imports: records or problems, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use mend::interop::formats::FORMATS;
use mend::interop::importer::Options;
use mend::interop::source::Source;

fuzz_target!(|data: &[u8]| {
    let wanted = std::iter::once(None).chain(FORMATS.iter().map(|s| Some(s.format)));
    for wanted in wanted {
        let _ = Source::from_bytes("fuzz.json", data.to_vec()).entries(wanted, &Options::default(), &|_| {}, &mut |_| true);
    }
});
