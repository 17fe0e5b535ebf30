//! What a reader of an import format implements: `JsonEntries` for a JSON document with a
//! list of entries (mend, jrnl, Day One; `stream` walks the document), `TextRows` for a text
//! file told apart by its first line (Daylio's CSV). Readers hand on `Item`s.

use std::io::Read;

use anyhow::Result;

use super::moods::MoodMap;
use super::{Object, Problem, Record};

/// What a person may tell the readers beyond the file itself.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// Daylio's mood labels and the moods they mean.
    pub moods: MoodMap,
}

/// One entry of the file: ready to save, or the line that says why it cannot be.
#[derive(Debug)]
pub struct Item {
    /// Its place in its file, from 1.
    pub number: usize,
    /// The problem reads "FILE: entry N (date): reason" (or "FILE: line N …" for text).
    pub record: Result<Record, Problem>,
}

/// A format whose file is one JSON document holding a list of entries (`stream` walks it
/// and hands each entry over in turn).
pub trait JsonEntries: Sync {
    /// The top-level "format" its exports write about themselves, if they do.
    fn declares(&self) -> Option<&'static str> {
        None
    }
    /// A top-level key, met before the entries, that only its exports have.
    fn top_key(&self) -> Option<&'static str> {
        None
    }
    /// Whether the first entry looks like one of its entries.
    fn looks_like(&self, entry: &Object) -> bool;
    /// The entry's day or date as shown in messages, when it can be read.
    fn label(&self, entry: &Object) -> Option<String>;
    /// The entry as a record, or why it cannot be one.
    fn record(&self, entry: &Object, options: &Options) -> Result<Record, Problem>;
}

/// A format whose file is text recognised by its first line (a CSV header, say).
pub trait TextRows: Sync {
    /// Whether this first line (without a byte-order mark) is its header.
    fn is_header(&self, line: &str) -> bool;
    /// Reads every entry of `text`, handing each to `emit` in order (which returns false to
    /// stop). Returns how many there were; a problem with the file as a whole is an error.
    fn read(
        &self,
        name: &str,
        text: &mut dyn Read,
        options: &Options,
        emit: &mut dyn FnMut(Item) -> bool,
    ) -> Result<usize>;
}

/// How a format's files are read.
#[derive(Clone, Copy)]
pub enum Reader {
    Json(&'static dyn JsonEntries),
    Text(&'static dyn TextRows),
}
