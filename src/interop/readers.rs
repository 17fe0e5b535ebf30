//! Which reader reads each format of the table, and telling the formats apart: a JSON
//! document by what it says of itself, the keys before its entries, or its first entry;
//! a text file by its first line.

use serde_json::Value;

use super::Object;
use super::formats::{FORMATS, Format};
use super::importer::Reader;

/// The reader of `format`.
pub fn reader(format: Format) -> Reader {
    match format {
        Format::Mend => Reader::Json(&super::mend::Importer),
        Format::DayOne => Reader::Json(&super::dayone::Importer),
        Format::Jrnl => Reader::Json(&super::jrnl::Importer),
        Format::Daylio => Reader::Text(&super::daylio::Importer),
    }
}

/// The JSON format that what was read so far shows: a declared "format", a key only one
/// format has, or the look of the first entry.
pub fn detect_json(
    declared: Option<&Value>,
    keys: &[String],
    first: Option<&Object>,
) -> Option<Format> {
    // In the table's order, which is the order they are asked in.
    let json = || {
        FORMATS.iter().filter_map(|s| match reader(s.format) {
            Reader::Json(r) => Some((s.format, r)),
            Reader::Text(_) => None,
        })
    };
    if let Some(declared) = declared {
        // A document that says what it is is believed, even when it names no format of ours.
        let name = declared.as_str()?;
        return json()
            .find(|(_, r)| r.declares() == Some(name))
            .map(|(f, _)| f);
    }
    if let Some((f, _)) =
        json().find(|(_, r)| r.top_key().is_some_and(|k| keys.iter().any(|s| s == k)))
    {
        return Some(f);
    }
    let first = first?;
    json().find(|(_, r)| r.looks_like(first)).map(|(f, _)| f)
}

/// Whether a top-level key is one some format is recognised by (the only keys worth keeping).
pub fn is_telling_key(key: &str) -> bool {
    FORMATS.iter().any(|s| match reader(s.format) {
        Reader::Json(r) => r.top_key() == Some(key),
        Reader::Text(_) => false,
    })
}

/// The text format whose header this first line is.
pub fn detect_text(line: &str) -> Option<Format> {
    FORMATS.iter().find_map(|s| match reader(s.format) {
        Reader::Text(r) if r.is_header(line) => Some(s.format),
        _ => None,
    })
}
