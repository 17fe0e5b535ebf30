//! Any text as a date, against a fixed "now": a result or an error, never a panic.
#![no_main]

use chrono::{Local, TimeZone};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        let now = Local.with_ymd_and_hms(2026, 11, 21, 15, 0, 0).unwrap();
        if let Ok(when) = mend::dates::parse_when(text, now) {
            assert!(when.day <= now.date_naive(), "{text:?} gave a future day");
        }
        let _ = mend::dates::parse_day(text, now);
    }
});
