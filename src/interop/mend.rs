//! mend's own JSON export: written entry by entry (never the whole journal in memory), and
//! read back exactly.

use std::collections::HashMap;
use std::io::Write;

use anyhow::Result;
use chrono::{DateTime, FixedOffset, Utc};
use serde_json::Value;

use super::{
    Object, Problem, Record, check_body_size, get, kind, parse_day, parse_time, required_text,
    text, text_list,
};
use crate::feelings::vocabulary;
use crate::model::{Entry, Mood, NewEntry, PathStep, PromptRef, normalize_labels};
use crate::moments::Moment;
use crate::store::analysis::Override;
use crate::store::entries::timestamp;
use crate::store::interop::Imported;

/// The value of the top-level `"format"` key.
pub const FORMAT: &str = "mend";
/// The version of the export format this mend writes (and the newest it reads). Version 2
/// added the moment log and each entry's `written_offset`; version 1 files read as before.
pub const VERSION: u64 = 2;

/// Streams `{"format": "mend", "version": 2, "exported": ..., "entries": [...]}`, laid out
/// exactly as a pretty-printer would lay out the whole document.
pub struct JsonWriter<W: Write> {
    out: W,
    count: usize,
    /// Whether the entry list is closed (the moments follow it).
    closed: bool,
    /// The clock each entry was written on, by entry id (`store::zones`).
    offsets: HashMap<i64, FixedOffset>,
}

impl<W: Write> JsonWriter<W> {
    pub fn begin(mut out: W, exported: DateTime<Utc>) -> Result<JsonWriter<W>> {
        write!(
            out,
            "{{\n  \"format\": \"{FORMAT}\",\n  \"version\": {VERSION},\n  \"exported\": \"{}\",\n  \"entries\": [",
            timestamp(exported)
        )?;
        Ok(JsonWriter {
            out,
            count: 0,
            closed: false,
            offsets: HashMap::new(),
        })
    }

    /// The clocks the entries were written on, written as each entry's `written_offset`.
    pub fn with_offsets(mut self, offsets: HashMap<i64, FixedOffset>) -> Self {
        self.offsets = offsets;
        self
    }

    pub fn entry(&mut self, entry: &Entry) -> Result<()> {
        self.corrected_entry(entry, &[])
    }

    /// An entry with the corrections its writer made to its reading (`mend edit --not-sign`,
    /// `--not-feel`), written after the entry's own fields when there are any.
    pub fn corrected_entry(&mut self, entry: &Entry, corrections: &[Override]) -> Result<()> {
        #[derive(serde::Serialize)]
        struct Corrected<'a> {
            #[serde(flatten)]
            entry: &'a Entry,
            /// Minutes east of UTC, as the journal keeps it.
            #[serde(skip_serializing_if = "Option::is_none")]
            written_offset: Option<i32>,
            #[serde(skip_serializing_if = "<[_]>::is_empty")]
            corrections: &'a [Override],
        }
        let written_offset = self
            .offsets
            .get(&entry.id)
            .map(|o| o.local_minus_utc() / 60);
        let text = serde_json::to_string_pretty(&Corrected {
            entry,
            written_offset,
            corrections,
        })?;
        // JSON text holds no raw line breaks inside strings, so indenting by line is safe.
        self.out
            .write_all(if self.count == 0 { b"\n" } else { b",\n" })?;
        for (i, line) in text.lines().enumerate() {
            if i > 0 {
                self.out.write_all(b"\n")?;
            }
            self.out.write_all(b"    ")?;
            self.out.write_all(line.as_bytes())?;
        }
        self.count += 1;
        Ok(())
    }

    fn close_entries(&mut self) -> Result<()> {
        if !self.closed {
            self.closed = true;
            self.out
                .write_all(if self.count == 0 { b"]" } else { b"\n  ]" })?;
        }
        Ok(())
    }

    /// The moment log, after the entries, as `"moments": [...]` (left out when empty, so
    /// an export without moments reads as before).
    pub fn moments(&mut self, moments: &[Moment]) -> Result<()> {
        if moments.is_empty() {
            return Ok(());
        }
        self.close_entries()?;
        self.out.write_all(b",\n  \"moments\": [")?;
        for (i, moment) in moments.iter().enumerate() {
            self.out.write_all(if i == 0 { b"\n" } else { b",\n" })?;
            let text = serde_json::to_string_pretty(moment)?;
            let indented: Vec<String> = text.lines().map(|l| format!("    {l}")).collect();
            self.out.write_all(indented.join("\n").as_bytes())?;
        }
        self.out.write_all(b"\n  ]")?;
        Ok(())
    }

    /// Closes the document and hands back the output.
    pub fn finish(mut self) -> Result<W> {
        self.close_entries()?;
        self.out.write_all(b"\n}\n")?;
        Ok(self.out)
    }
}

/// The day an entry is about, as shown in messages, when it can be read.
pub fn label(o: &Object) -> Option<String> {
    o.get("day").and_then(Value::as_str).map(super::shorten)
}

/// The row of `interop::formats::FORMATS` for mend's own exports.
pub struct Importer;

impl super::importer::JsonEntries for Importer {
    fn declares(&self) -> Option<&'static str> {
        Some(FORMAT)
    }

    fn looks_like(&self, entry: &Object) -> bool {
        entry.contains_key("uuid") && entry.contains_key("day")
    }

    fn label(&self, entry: &Object) -> Option<String> {
        label(entry)
    }

    fn record(&self, entry: &Object, _: &super::importer::Options) -> Result<Record, Problem> {
        record(entry)
    }
}

/// The largest entry number an import keeps. A journal numbers its entries upwards from the
/// largest it holds, so an id near SQLite's limit would make every later save fail.
pub const MAX_ID: i64 = 1_000_000_000;

/// An exported entry number: a whole number from 1 to [`MAX_ID`].
fn entry_number(v: &Value) -> Result<i64, Problem> {
    match v.as_i64() {
        Some(id) if (1..=MAX_ID).contains(&id) => Ok(id),
        Some(id) => Err(format!(
            "\"id\" {id} is outside the entry numbers mend keeps (1 to {MAX_ID}); remove it or give a smaller one"
        )),
        None if v.is_u64() || v.is_f64() && v.as_f64().is_some_and(|f| f.fract() == 0.0) => {
            Err(format!(
                "\"id\" {v} is outside the entry numbers mend keeps (1 to {MAX_ID}); remove it or give a smaller one"
            ))
        }
        None => Err(format!("\"id\" must be a whole number, not {}", kind(v))),
    }
}

/// One entry of a mend export, checked field by field.
pub fn record(o: &Object) -> Result<Record, Problem> {
    let uuid_text = required_text(o, "uuid")?;
    let uuid = uuid::Uuid::parse_str(uuid_text)
        .map_err(|_| format!("uuid {:?} is not a UUID", super::shorten(uuid_text)))?
        .hyphenated()
        .to_string();
    let order = match get(o, "id") {
        None => None,
        Some(v) => Some(entry_number(v)?),
    };
    let day = parse_day(required_text(o, "day")?, "day")?;
    let created = parse_time(required_text(o, "created")?, "created")?;
    let updated = match text(o, "updated")? {
        Some(t) => parse_time(t, "updated")?,
        None => created,
    };
    let deleted = text(o, "deleted")?
        .map(|t| parse_time(t, "deleted"))
        .transpose()?;
    let mood = match get(o, "mood") {
        None => None,
        Some(v) => Some(
            v.as_u64()
                .and_then(|n| u8::try_from(n).ok())
                .and_then(Mood::new)
                .ok_or_else(|| format!("mood must be 1–5 or null, not {v}"))?,
        ),
    };
    let mut feelings = Vec::new();
    for word in text_list(o, "feelings")? {
        let name = vocabulary().resolve(&word).map_err(|_| {
            format!(
                "feeling {:?} is not in mend's feelings list (`mend feelings` shows them)",
                super::shorten(&word)
            )
        })?;
        if !feelings.contains(&name) {
            feelings.push(name);
        }
    }
    let tags = normalize_labels(text_list(o, "tags")?);
    let body = match o.get("body") {
        Some(Value::String(s)) => s.clone(),
        None => return Err("\"body\" is missing".into()),
        Some(other) => return Err(format!("\"body\" must be text, not {}", kind(other))),
    };
    check_body_size(&body)?;
    let prompt = match get(o, "prompt") {
        None => None,
        Some(Value::Object(p)) => Some(PromptRef {
            id: required_text(p, "id")
                .map_err(|e| format!("in \"prompt\": {e}"))?
                .to_string(),
            text: text(p, "text")
                .map_err(|e| format!("in \"prompt\": {e}"))?
                .unwrap_or_default()
                .to_string(),
            theme: text(p, "theme")
                .map_err(|e| format!("in \"prompt\": {e}"))?
                .map(str::to_string),
        }),
        Some(other) => {
            return Err(format!(
                "\"prompt\" must be an object or null, not {}",
                kind(other)
            ));
        }
    };
    let path = match get(o, "path") {
        None => None,
        Some(Value::Object(p)) => {
            let within = |e: Problem| format!("in \"path\": {e}");
            Some(PathStep {
                id: required_text(p, "id").map_err(within)?.to_string(),
                run: get(p, "run")
                    .and_then(Value::as_i64)
                    .ok_or_else(|| "in \"path\": \"run\" must be a whole number".to_string())?,
                step: text(p, "step")
                    .map_err(within)?
                    .unwrap_or_default()
                    .to_string(),
            })
        }
        Some(other) => {
            return Err(format!(
                "\"path\" must be an object or null, not {}",
                kind(other)
            ));
        }
    };
    let fields = match get(o, "fields") {
        None => None,
        Some(v @ Value::Object(_)) => {
            // A thought record comes back exactly as it was exported, or not at all.
            crate::prompts::thought::ThoughtRecord::check_fields(v)?;
            crate::prompts::checks::check_fields(v)?;
            crate::review::Review::check_fields(v)?;
            Some(v.clone())
        }
        Some(other) => {
            return Err(format!(
                "\"fields\" must be an object or null, not {}",
                kind(other)
            ));
        }
    };
    let corrections = corrections(o)?;
    let written_offset = match get(o, "written_offset") {
        None => None,
        Some(v) => Some(
            v.as_i64()
                .and_then(|m| i32::try_from(m).ok())
                .and_then(|m| FixedOffset::east_opt(m.checked_mul(60)?))
                .ok_or_else(|| {
                    format!(
                        "\"written_offset\" must be whole minutes east of UTC, from -1439 to 1439, not {v}"
                    )
                })?,
        ),
    };
    Ok(Record {
        item: Imported {
            uuid,
            entry: NewEntry {
                day,
                at: Some(created),
                body,
                mood,
                feelings,
                tags,
                prompt,
                path,
                fields,
            },
            created,
            updated,
            deleted,
            corrections,
            written_offset,
        },
        order,
    })
}

/// `"corrections": [{"kind": "sign", "name": "jealousy"}, …]`: signs and feelings the writer
/// said were misread, each checked against the signs and feelings mend knows.
fn corrections(o: &Object) -> Result<Vec<Override>, Problem> {
    let items = match get(o, "corrections") {
        None => return Ok(Vec::new()),
        Some(Value::Array(items)) => items,
        Some(other) => {
            return Err(format!(
                "\"corrections\" must be a list, not {}",
                kind(other)
            ));
        }
    };
    let mut out: Vec<Override> = Vec::new();
    for item in items {
        let Value::Object(c) = item else {
            return Err(format!(
                "\"corrections\" must hold objects with \"kind\" and \"name\", not {}",
                kind(item)
            ));
        };
        let within = |e: Problem| format!("in \"corrections\": {e}");
        let name = required_text(c, "name").map_err(within)?.to_string();
        let (signs, feelings) = match required_text(c, "kind").map_err(within)? {
            "sign" => (vec![name], Vec::new()),
            "feeling" => (Vec::new(), vec![name]),
            other => {
                return Err(format!(
                    "in \"corrections\": kind {:?} is neither \"sign\" nor \"feeling\"",
                    super::shorten(other)
                ));
            }
        };
        let resolved = crate::analysis::resolve_corrections(&signs, &feelings)
            .map_err(|e| format!("in \"corrections\": {e}"))?;
        for (kind, name) in resolved {
            let c = Override { kind, name };
            if !out.contains(&c) {
                out.push(c);
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn sample(id: i64, body: &str, deleted: bool) -> Entry {
        let t = Utc.with_ymd_and_hms(2026, 11, 21, 18, 30, 0).unwrap();
        Entry {
            id,
            uuid: "7d4c2a8e-3b1f-4c55-9a0e-2f61c9b0d7aa".into(),
            day: "2026-11-21".parse().unwrap(),
            created: t,
            updated: t,
            mood: Mood::new(4),
            feelings: vec!["hope".into()],
            tags: vec!["partner".into()],
            prompt: None,
            path: None,
            fields: None,
            body: body.into(),
            deleted: deleted.then_some(t),
        }
    }

    #[test]
    fn the_stream_is_the_pretty_document() {
        let t = Utc.with_ymd_and_hms(2026, 11, 21, 15, 0, 0).unwrap();
        let mut w = JsonWriter::begin(Vec::new(), t).unwrap();
        let entries = [sample(1, "a\nb \"q\"", false), sample(2, "", true)];
        for e in &entries {
            w.entry(e).unwrap();
        }
        let text = String::from_utf8(w.finish().unwrap()).unwrap();
        let expected = serde_json::to_string_pretty(&serde_json::json!({
            "format": "mend",
            "version": 2,
            "exported": "2026-11-21T15:00:00.000Z",
            "entries": entries,
        }))
        .unwrap();
        // serde_json sorts keys here; compare values, then the layout of the entries.
        let ours: Value = serde_json::from_str(&text).unwrap();
        assert_eq!(ours, serde_json::from_str::<Value>(&expected).unwrap());
        assert!(text.starts_with("{\n  \"format\": \"mend\",\n  \"version\": 2,\n"));
        assert!(text.contains("\n    {\n      \"id\": 1,\n"), "{text}");
        assert!(text.ends_with("    }\n  ]\n}\n"));

        let moment = Moment {
            id: 3,
            uuid: "6f1c1f3e-2a6b-4a57-9a4e-0d1f6b2b9e10".into(),
            day: "2026-11-21".parse().unwrap(),
            created: t,
            reached: crate::moments::Reached::Partner,
            response: crate::moments::Response::Toward,
            text: "asked \"how\"".into(),
        };
        for entries in [&entries[..], &[]] {
            let mut w = JsonWriter::begin(Vec::new(), t).unwrap();
            for e in entries {
                w.entry(e).unwrap();
            }
            w.moments(std::slice::from_ref(&moment)).unwrap();
            let text = String::from_utf8(w.finish().unwrap()).unwrap();
            let expected = serde_json::json!({
                "format": "mend",
                "version": 2,
                "exported": "2026-11-21T15:00:00.000Z",
                "entries": entries,
                "moments": [&moment],
            });
            assert_eq!(serde_json::from_str::<Value>(&text).unwrap(), expected);
            assert!(text.ends_with("    }\n  ]\n}\n"), "{text}");
        }

        let empty = JsonWriter::begin(Vec::new(), t).unwrap().finish().unwrap();
        let empty: Value = serde_json::from_slice(&empty).unwrap();
        assert_eq!(empty["entries"], serde_json::json!([]));
    }

    #[test]
    fn records_round_trip_and_problems_are_named() {
        let e = sample(7, "We talked.", true);
        let o = serde_json::to_value(&e).unwrap();
        let r = record(o.as_object().unwrap()).unwrap();
        assert_eq!(r.order, Some(7));
        assert_eq!(r.item.uuid, e.uuid);
        assert_eq!(r.item.deleted, e.deleted);
        assert_eq!(r.item.entry.body, "We talked.");

        let bad = |patch: Value| {
            let mut o = serde_json::to_value(&e).unwrap();
            for (k, v) in patch.as_object().unwrap() {
                o[k] = v.clone();
            }
            record(o.as_object().unwrap()).unwrap_err()
        };
        use serde_json::json;
        assert_eq!(
            bad(json!({"day": "2021-02-30"})),
            "day 2021-02-30 is not a real date"
        );
        assert_eq!(bad(json!({"mood": 7})), "mood must be 1–5 or null, not 7");
        assert!(bad(json!({"feelings": ["zzzz"]})).contains("not in mend's feelings list"));
        assert_eq!(
            bad(json!({"body": 5})),
            "\"body\" must be text, not a number"
        );
        assert!(bad(json!({"created": "later"})).contains("RFC 3339"));
        assert!(bad(json!({"uuid": "x"})).contains("not a UUID"));
        assert!(bad(json!({"path": {"id": "p"}})).contains("run"));
    }
}
