//! Naming an entry on the command line: its id (`12`), or counting back from the newest
//! (`last` or `-1` for the newest, `-2` for the one before), as jrnl and Day One users expect.

use std::fmt;

use anyhow::{Result, bail};

use crate::model::Entry;
use crate::store::Journal;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntryRef {
    Id(i64),
    /// 1 is the newest entry, 2 the one before it, …
    Newest(u32),
}

impl EntryRef {
    /// The clap value parser: the words people type for an entry.
    pub fn parse(text: &str) -> Result<EntryRef, String> {
        let text = text.trim();
        if text.eq_ignore_ascii_case("last") {
            return Ok(EntryRef::Newest(1));
        }
        if let Some(back) = text.strip_prefix('-') {
            return match back.parse::<u32>() {
                Ok(n) if n >= 1 => Ok(EntryRef::Newest(n)),
                _ => Err(format!(
                    "{text:?} is not an entry — use an id such as 12, `last`, or -1 for the newest, -2 for the one before"
                )),
            };
        }
        match text.parse::<i64>() {
            Ok(id) if id >= 1 => Ok(EntryRef::Id(id)),
            _ => Err(format!(
                "{text:?} is not an entry — use an id such as 12 (`mend list --short` shows them), `last`, or -1, -2, …"
            )),
        }
    }

    /// The id when it was given as one (`last` needs the journal to be known).
    pub fn as_id(self) -> Option<i64> {
        match self {
            EntryRef::Id(id) => Some(id),
            EntryRef::Newest(_) => None,
        }
    }

    /// The entry's id; counting back goes by the entries' days and times, the trash aside.
    pub fn resolve(self, journal: &Journal) -> Result<i64> {
        match self {
            EntryRef::Id(id) => Ok(id),
            EntryRef::Newest(n) => match journal.newest_id(n)? {
                Some(id) => Ok(id),
                None if n == 1 => {
                    bail!("there are no entries yet — `mend write` starts the first")
                }
                None => {
                    bail!("there are fewer than {n} entries — `mend list --short` shows them all")
                }
            },
        }
    }
}

/// An entry outside the trash by id, with a helpful message when it is missing or in the
/// trash: the one wording for show, edit and delete.
pub fn find(journal: &Journal, id: i64) -> Result<Entry> {
    match find_any(journal, id)? {
        e if e.deleted.is_some() => {
            bail!("entry {id} is in the trash — `mend restore {id}` brings it back")
        }
        e => Ok(e),
    }
}

/// An entry by id, in the trash or not (purging takes both).
pub fn find_any(journal: &Journal, id: i64) -> Result<Entry> {
    match journal.get(id, true)? {
        Some(e) => Ok(e),
        None => bail!("there is no entry {id} — `mend list --short` shows the ids"),
    }
}

impl fmt::Display for EntryRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            EntryRef::Id(id) => write!(f, "{id}"),
            EntryRef::Newest(1) => write!(f, "last"),
            EntryRef::Newest(n) => write!(f, "-{n}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_ids_last_and_counting_back() {
        assert_eq!(EntryRef::parse("12"), Ok(EntryRef::Id(12)));
        assert_eq!(EntryRef::parse("last"), Ok(EntryRef::Newest(1)));
        assert_eq!(EntryRef::parse("LAST"), Ok(EntryRef::Newest(1)));
        assert_eq!(EntryRef::parse("-1"), Ok(EntryRef::Newest(1)));
        assert_eq!(EntryRef::parse("-3"), Ok(EntryRef::Newest(3)));
        for bad in ["", "0", "-0", "abc", "1.5", "-x", "99999999999999999999"] {
            let err = EntryRef::parse(bad).unwrap_err();
            assert!(err.contains(" — "), "{bad}: {err}");
        }
    }
}
