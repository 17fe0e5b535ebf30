//! Getting entries out of mend and into it: the Markdown and JSON exports, the files they are
//! written to (one, or one per day, month or entry), and the import: the table of formats
//! it reads (mend, jrnl, Day One, Daylio), the guard every file passes through, and the
//! pipeline that saves what was read. The commands (`commands::export`, `commands::import`)
//! read the arguments and report. The file formats are documented in docs/export.md.

pub mod daylio;
pub mod dayone;
pub mod files;
pub mod formats;
pub mod frontmatter;
pub mod guard;
pub mod import;
pub mod importer;
pub mod jrnl;
pub mod markdown;
pub mod mend;
pub mod moments;
pub mod moods;
pub mod readers;
pub mod source;
pub mod split;
pub mod stream;

use chrono::{DateTime, NaiveDate, TimeZone, Utc};
use serde_json::{Map, Value};

use crate::store::interop::Imported;

/// A JSON object, as entries in every format are.
pub type Object = Map<String, Value>;

/// An entry read from an import file, ready to be saved.
#[derive(Debug, Clone)]
pub struct Record {
    pub item: Imported,
    /// The entry's id in the journal it came from (mend exports only): entries are added in
    /// this order, so a journal restored into an empty file keeps its numbering.
    pub order: Option<i64>,
}

/// Why one entry cannot be imported, in words for the person importing.
pub type Problem = String;

/// The value under `key`, treating `null` as absent.
fn get<'a>(o: &'a Object, key: &str) -> Option<&'a Value> {
    o.get(key).filter(|v| !v.is_null())
}

/// A JSON type in plain words, for messages.
fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "true/false",
        Value::Number(_) => "a number",
        Value::String(_) => "text",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

/// Optional text under `key`.
fn text<'a>(o: &'a Object, key: &str) -> Result<Option<&'a str>, Problem> {
    match get(o, key) {
        None => Ok(None),
        Some(Value::String(s)) => Ok(Some(s)),
        Some(other) => Err(format!("\"{key}\" must be text, not {}", kind(other))),
    }
}

/// Text that must be there.
fn required_text<'a>(o: &'a Object, key: &str) -> Result<&'a str, Problem> {
    text(o, key)?.ok_or_else(|| format!("\"{key}\" is missing"))
}

/// A list of text values (absent or null is an empty list).
fn text_list(o: &Object, key: &str) -> Result<Vec<String>, Problem> {
    match get(o, key) {
        None => Ok(Vec::new()),
        Some(Value::Array(items)) => items
            .iter()
            .map(|item| match item {
                Value::String(s) => Ok(s.clone()),
                other => Err(format!(
                    "\"{key}\" must be a list of text, but holds {}",
                    kind(other)
                )),
            })
            .collect(),
        Some(other) => Err(format!("\"{key}\" must be a list, not {}", kind(other))),
    }
}

/// A calendar day written exactly `YYYY-MM-DD` that exists (2021-02-30 does not).
pub fn parse_day(text: &str, what: &str) -> Result<NaiveDate, Problem> {
    let b = text.as_bytes();
    let shaped = b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit());
    if !shaped {
        return Err(format!(
            "{what} {:?} is not a day written YYYY-MM-DD",
            shorten(text)
        ));
    }
    NaiveDate::parse_from_str(text, "%Y-%m-%d")
        .map_err(|_| format!("{what} {text} is not a real date"))
}

/// An RFC 3339 time such as 2026-11-21T18:30:00Z, in UTC.
pub fn parse_time(text: &str, what: &str) -> Result<DateTime<Utc>, Problem> {
    DateTime::parse_from_rfc3339(text.trim())
        .map(|t| t.with_timezone(&Utc))
        .map_err(|_| {
            format!(
                "{what} {:?} is not an RFC 3339 time such as 2026-11-21T18:30:00Z",
                shorten(text)
            )
        })
}

/// Refuses entry text no entry should hold.
fn check_body_size(body: &str) -> Result<(), Problem> {
    let max = crate::text::MAX_TEXT_BYTES;
    if body.len() > max {
        return Err(format!(
            "the text is over {} MB, more than mend keeps in one entry",
            max / (1024 * 1024)
        ));
    }
    Ok(())
}

/// A value from a file, cut short and made printable for a one-line message.
pub fn shorten(text: &str) -> String {
    let mut out: String = text
        .chars()
        .take(40)
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    if text.chars().count() > 40 {
        out.push('…');
    }
    out
}

/// One entry as another journal's export holds it: what mend keeps of it.
pub struct Found {
    pub uuid: String,
    pub day: NaiveDate,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
    pub body: String,
    pub mood: Option<crate::model::Mood>,
    /// The tags the source gave; the body's `#tags` join them.
    pub tags: Vec<String>,
    /// Marked as a favourite in the source (jrnl, Day One): tagged `starred`, last.
    pub starred: bool,
}

impl Record {
    /// The entry an importer of another journal's format makes of what it found: a new
    /// entry, not in the trash, with no corrections and no known clock (one builder for
    /// jrnl, Day One and Daylio, so a field mend adds is set in one place).
    pub fn found(found: Found) -> Record {
        let mut tags = found.tags;
        tags.extend(crate::model::hashtags(&found.body));
        if found.starred {
            tags.push("starred".into());
        }
        Record {
            item: Imported {
                uuid: found.uuid,
                entry: crate::model::NewEntry {
                    at: Some(found.created),
                    body: found.body,
                    mood: found.mood,
                    tags: crate::model::normalize_labels(tags),
                    ..crate::model::NewEntry::on(found.day)
                },
                created: found.created,
                updated: found.updated,
                deleted: None,
                corrections: Vec::new(),
                written_offset: None,
            },
            order: None,
        }
    }
}

/// The uuid of an entry whose format gives none, made from what identifies it in the file:
/// the same entry always gets the same one, so importing a file again finds it there.
fn derived_uuid(namespace: &uuid::Uuid, identity: &[&str]) -> String {
    uuid::Uuid::new_v5(namespace, identity.join("\u{1f}").as_bytes())
        .hyphenated()
        .to_string()
}

/// A wall-clock time on this computer as a moment; a time skipped by a clock change is read
/// an hour later.
fn local_moment(at: chrono::NaiveDateTime) -> DateTime<Utc> {
    chrono::Local
        .from_local_datetime(&at)
        .earliest()
        .or_else(|| {
            chrono::Local
                .from_local_datetime(&(at + chrono::Duration::hours(1)))
                .earliest()
        })
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| Utc.from_utc_datetime(&at))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_must_be_real_and_well_formed() {
        assert_eq!(
            parse_day("2024-02-29", "day").unwrap().to_string(),
            "2024-02-29"
        );
        let e = parse_day("2021-02-30", "day").unwrap_err();
        assert_eq!(e, "day 2021-02-30 is not a real date");
        for bad in ["2021-2-3", "21-02-03", "2021/02/03", "2021-02-03T00:00", ""] {
            assert!(parse_day(bad, "day").is_err(), "{bad}");
        }
    }

    #[test]
    fn times_are_rfc3339() {
        let t = parse_time("2024-05-01T20:30:00+02:00", "created").unwrap();
        assert_eq!(t.to_rfc3339(), "2024-05-01T18:30:00+00:00");
        assert!(parse_time("yesterday", "created").is_err());
        assert!(parse_time("2024-05-01 18:30", "created").is_err());
    }

    #[test]
    fn values_are_checked_by_type() {
        let o: Object =
            serde_json::from_str(r#"{"a": "x", "b": 3, "c": ["p", "q"], "d": [1], "n": null}"#)
                .unwrap();
        assert_eq!(text(&o, "a").unwrap(), Some("x"));
        assert_eq!(text(&o, "n").unwrap(), None);
        assert_eq!(
            text(&o, "b").unwrap_err(),
            "\"b\" must be text, not a number"
        );
        assert_eq!(required_text(&o, "z").unwrap_err(), "\"z\" is missing");
        assert_eq!(text_list(&o, "c").unwrap(), vec!["p", "q"]);
        assert!(text_list(&o, "d").is_err());
        assert!(text_list(&o, "missing").unwrap().is_empty());
        assert_eq!(shorten(&"x".repeat(50)).chars().count(), 41);
    }
}
