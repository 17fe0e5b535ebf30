//! Entries of `jrnl --export json`:
//! `{"tags": {"@a": 1}, "entries": [{"title", "body", "date", "time", "tags", "starred"}]}`.

use chrono::NaiveTime;
use serde_json::Value;
use uuid::Uuid;

use super::{
    Found, Object, Problem, Record, check_body_size, derived_uuid, get, kind, local_moment,
    parse_day, text, text_list,
};

/// Namespace of the uuids made for jrnl entries (which have none of their own): the same
/// entry always gets the same uuid, so importing a file twice adds nothing the second time.
const NAMESPACE: Uuid = Uuid::from_u128(0x5d0c_7c1e_2b6a_4f43_9a55_86c1_3e0f_d2a7);

/// The entry's date as shown in messages.
pub fn label(o: &Object) -> Option<String> {
    o.get("date").and_then(Value::as_str).map(super::shorten)
}

/// The row of `interop::formats::FORMATS` for jrnl.
pub struct Importer;

impl super::importer::JsonEntries for Importer {
    fn top_key(&self) -> Option<&'static str> {
        Some("tags")
    }

    fn looks_like(&self, entry: &Object) -> bool {
        entry.contains_key("date") && entry.contains_key("time")
    }

    fn label(&self, entry: &Object) -> Option<String> {
        label(entry)
    }

    fn record(&self, entry: &Object, _: &super::importer::Options) -> Result<Record, Problem> {
        record(entry)
    }
}

pub fn record(o: &Object) -> Result<Record, Problem> {
    let date_text = super::required_text(o, "date")?;
    let day = parse_day(date_text, "date")?;
    let time_text = super::required_text(o, "time")?;
    let time = NaiveTime::parse_from_str(time_text, "%H:%M")
        .or_else(|_| NaiveTime::parse_from_str(time_text, "%H:%M:%S"))
        .map_err(|_| {
            format!(
                "time {:?} is not a time of day such as 18:30",
                super::shorten(time_text)
            )
        })?;
    let title = text(o, "title")?.unwrap_or_default();
    let body = text(o, "body")?.unwrap_or_default();
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
    let text = join(title, body);
    check_body_size(&text)?;
    let tags: Vec<String> = text_list(o, "tags")?
        .iter()
        .map(|t| t.trim().trim_start_matches(['@', '#']).to_string())
        .collect();
    let created = local_moment(day.and_time(time));
    Ok(Record::found(Found {
        uuid: derived_uuid(&NAMESPACE, &[date_text, time_text, title, body]),
        day,
        created,
        updated: created,
        body: text,
        mood: None,
        tags,
        starred,
    }))
}

/// jrnl splits an entry into its first sentence (the title) and the rest.
fn join(title: &str, body: &str) -> String {
    let (title, body) = (title.trim(), body.trim_end());
    match (title.is_empty(), body.trim().is_empty()) {
        (_, true) => title.to_string(),
        (true, false) => body.to_string(),
        (false, false) => format!("{title}\n\n{body}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn obj(v: Value) -> Object {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn reads_a_jrnl_entry() {
        let e = obj(serde_json::json!({
            "title": "We talked.", "body": "It went better than I feared. #walk\n",
            "date": "2024-05-01", "time": "18:30", "tags": ["@Partner", "#walk"], "starred": true
        }));
        let r = record(&e).unwrap();
        let item = &r.item;
        assert_eq!(
            item.entry.body,
            "We talked.\n\nIt went better than I feared. #walk"
        );
        assert_eq!(item.entry.day.to_string(), "2024-05-01");
        assert_eq!(item.entry.tags, vec!["partner", "walk", "starred"]);
        assert_eq!(item.created, item.updated);
        // The same entry gives the same uuid; another one does not.
        assert_eq!(record(&e).unwrap().item.uuid, item.uuid);
        let mut other = e.clone();
        other["body"] = "Something else".into();
        assert_ne!(record(&other).unwrap().item.uuid, item.uuid);
    }

    #[test]
    fn refuses_what_is_not_a_jrnl_entry() {
        let bad = |v: Value| record(&obj(v)).unwrap_err();
        assert_eq!(
            bad(serde_json::json!({"date": "2021-02-30", "time": "10:00", "title": "x"})),
            "date 2021-02-30 is not a real date"
        );
        assert!(
            bad(serde_json::json!({"date": "2021-02-03", "time": "25:00", "title": "x"}))
                .contains("time of day")
        );
        assert!(
            bad(serde_json::json!({"date": "2021-02-03", "time": "10:00", "title": 3}))
                .contains("must be text")
        );
        assert_eq!(
            bad(serde_json::json!({"time": "10:00"})),
            "\"date\" is missing"
        );
    }
}
