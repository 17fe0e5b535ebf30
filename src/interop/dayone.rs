//! Entries of a Day One JSON export (Journal.json, alone or inside the export .zip):
//! `{"metadata": {...}, "entries": [{"uuid", "creationDate", "modifiedDate", "text", "tags",
//! "starred", "timeZone"}]}`.

use chrono::{DateTime, FixedOffset, Local, NaiveDate, Utc};
use serde_json::Value;

use super::{
    Found, Object, Problem, Record, check_body_size, get, kind, parse_time, text, text_list,
};

/// The entry's creation date as shown in messages.
pub fn label(o: &Object) -> Option<String> {
    o.get("creationDate")
        .and_then(Value::as_str)
        .map(|t| super::shorten(t.get(..10).unwrap_or(t)))
}

/// The row of `interop::formats::FORMATS` for Day One.
pub struct Importer;

impl super::importer::JsonEntries for Importer {
    fn top_key(&self) -> Option<&'static str> {
        Some("metadata")
    }

    fn looks_like(&self, entry: &Object) -> bool {
        entry.contains_key("creationDate")
    }

    fn label(&self, entry: &Object) -> Option<String> {
        label(entry)
    }

    fn record(&self, entry: &Object, _: &super::importer::Options) -> Result<Record, Problem> {
        record(entry)
    }
}

/// The date at `at` in the IANA zone `name` ("Europe/Berlin"), from the system's time zone
/// database (/usr/share/zoneinfo), which the system keeps up to date. A copy of the database
/// compiled into mend would cost every command its start-up: its tens of thousands of
/// pointers are relocated each time mend starts (see BENCHMARKS.md, "Start-up"). Only a
/// zone's name is looked up, never a path or a rule.
fn day_in_zone(at: DateTime<Utc>, name: &str) -> Option<NaiveDate> {
    let plain = |part: &str| {
        !part.is_empty()
            && part != "."
            && part != ".."
            && part
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"_-+.".contains(&b))
    };
    if name.len() > 64 || !name.split('/').all(plain) {
        return None;
    }
    // The leading ':' reads the zone's file only, never a POSIX rule such as "EST5EDT".
    let zone = tz::TimeZone::from_posix_tz(&format!(":{name}")).ok()?;
    let offset = zone.find_local_time_type(at.timestamp()).ok()?.ut_offset();
    Some(
        at.with_timezone(&FixedOffset::east_opt(offset)?)
            .date_naive(),
    )
}

pub fn record(o: &Object) -> Result<Record, Problem> {
    let uuid_text = super::required_text(o, "uuid")?;
    let uuid = uuid::Uuid::parse_str(uuid_text)
        .map_err(|_| format!("uuid {:?} is not a UUID", super::shorten(uuid_text)))?
        .hyphenated()
        .to_string();
    let created = parse_time(super::required_text(o, "creationDate")?, "creationDate")?;
    let updated = match text(o, "modifiedDate")? {
        Some(t) => parse_time(t, "modifiedDate")?,
        None => created,
    };
    // The day is the date where the entry was written; without a zone Day One knows, the
    // date on this computer's clock.
    let day = match text(o, "timeZone")?.and_then(|z| day_in_zone(created, z)) {
        Some(day) => day,
        None => created.with_timezone(&Local).date_naive(),
    };
    let body = unescape(text(o, "text")?.unwrap_or_default().trim_end());
    check_body_size(&body)?;
    let starred = match get(o, "starred") {
        None => false,
        Some(Value::Bool(b)) => *b,
        Some(other) => {
            return Err(format!(
                "\"starred\" must be true or false, not {}",
                kind(other)
            ));
        }
    };
    let tags = text_list(o, "tags")?;
    Ok(Record::found(Found {
        uuid,
        day,
        created,
        updated,
        body,
        mood: None,
        tags,
        starred,
    }))
}

/// Day One writes Markdown with punctuation escaped (`Hello\.`, `\(see\)`); mend keeps text
/// as the person typed it.
pub fn unescape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if c == '\\'
            && let Some(&next) = chars.peek()
            && next.is_ascii_punctuation()
        {
            out.push(next);
            chars.next();
            continue;
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unescapes_day_one_markdown() {
        assert_eq!(
            unescape(r"We talked\. It helped\! A \- list \(really\) C:\\path \n \# x"),
            r"We talked. It helped! A - list (really) C:\path \n # x"
        );
        assert_eq!(unescape("trailing \\"), "trailing \\");
    }

    #[test]
    fn reads_an_entry_in_its_time_zone() {
        let o: Object = serde_json::from_value(serde_json::json!({
            "uuid": "6A2C3F0E9B8D4C7AA1B2C3D4E5F60718",
            "creationDate": "2024-05-01T22:30:00Z",
            "modifiedDate": "2024-05-02T08:00:00Z",
            "text": "Late talk\\. #night",
            "tags": ["Partner"],
            "starred": true,
            "timeZone": "Europe/Berlin"
        }))
        .unwrap();
        let r = record(&o).unwrap().item;
        assert_eq!(r.uuid, "6a2c3f0e-9b8d-4c7a-a1b2-c3d4e5f60718");
        // 22:30 UTC is already the next day in Berlin.
        assert_eq!(r.entry.day.to_string(), "2024-05-02");
        assert_eq!(r.entry.body, "Late talk. #night");
        assert_eq!(r.entry.tags, vec!["partner", "night", "starred"]);
        assert_eq!(r.updated.to_rfc3339(), "2024-05-02T08:00:00+00:00");
    }

    #[test]
    fn zones_come_from_the_system_database_and_only_by_name() {
        let at = "2024-05-01T23:30:00Z".parse::<DateTime<Utc>>().unwrap();
        let day = |zone| day_in_zone(at, zone).map(|d| d.to_string());
        assert_eq!(day("America/New_York").as_deref(), Some("2024-05-01"));
        assert_eq!(day("Europe/Berlin").as_deref(), Some("2024-05-02"));
        assert_eq!(day("Asia/Kolkata").as_deref(), Some("2024-05-02"));
        assert_eq!(day("UTC").as_deref(), Some("2024-05-01"));
        for not_a_zone in [
            "",
            "Mars/Olympus_Mons",
            "/etc/localtime",
            "../zoneinfo/UTC",
            "EST5",
        ] {
            assert_eq!(day(not_a_zone), None, "{not_a_zone:?}");
        }
    }
}
