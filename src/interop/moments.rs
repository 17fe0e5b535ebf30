//! The moment log in mend's JSON export: a `"moments"` list after the entries, each moment
//! in the shape `mend moments --json` prints, read back exactly (same uuid, day and time).

use serde_json::Value;

use super::{Problem, check_body_size, kind, parse_day, parse_time, required_text};
use crate::moments::{Moment, Reached, Response, Tally};

/// The day of a moment as shown in messages, when it can be read.
pub fn label(v: &Value) -> Option<String> {
    v.get("day").and_then(Value::as_str).map(super::shorten)
}

/// One moment of an export, checked field by field. Its `id` is not kept: the journal it
/// joins numbers it.
pub fn record(v: &Value) -> Result<Moment, Problem> {
    let Value::Object(o) = v else {
        return Err(format!("a moment must be a JSON object, not {}", kind(v)));
    };
    let uuid_text = required_text(o, "uuid")?;
    let uuid = uuid::Uuid::parse_str(uuid_text)
        .map_err(|_| format!("uuid {:?} is not a UUID", super::shorten(uuid_text)))?
        .hyphenated()
        .to_string();
    let reached = required_text(o, "reached")?;
    let reached = Reached::parse(reached).ok_or_else(|| {
        format!(
            "\"reached\" must be me or partner, not {:?}",
            super::shorten(reached)
        )
    })?;
    let response = required_text(o, "response")?;
    let response = Response::parse(response).ok_or_else(|| {
        format!(
            "\"response\" must be toward, away or against, not {:?}",
            super::shorten(response)
        )
    })?;
    let text = required_text(o, "text")?.to_string();
    check_body_size(&text)?;
    Ok(Moment {
        id: 0,
        uuid,
        day: parse_day(required_text(o, "day")?, "day")?,
        created: parse_time(required_text(o, "created")?, "created")?,
        reached,
        response,
        text,
    })
}

/// The moment log as a Markdown section for the export: a line per moment and the count
/// turned toward. `None` when there are no moments.
pub fn markdown(moments: &[Moment]) -> Option<String> {
    if moments.is_empty() {
        return None;
    }
    let tally = Tally::of(moments);
    let mut md = String::from("## Moments\n\n");
    md.push_str(&format!(
        "Small moments of reaching for connection, and how they were met: {} of {} turned toward.\n\n",
        tally.toward,
        tally.total()
    ));
    for m in moments {
        md.push_str(&format!(
            "- {} · {}, {}: {}\n",
            m.day.format("%Y-%m-%d (%a)"),
            capitalised(m.reached.describe()),
            m.response.describe(),
            super::markdown::inline(&m.text)
        ));
    }
    Some(md)
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn moments_read_back_and_problems_are_named() {
        let good = json!({"id": 4, "uuid": "6f1c1f3e-2a6b-4a57-9a4e-0d1f6b2b9e10",
            "day": "2026-11-21", "created": "2026-11-21T10:00:00Z", "reached": "partner",
            "response": "toward", "text": "asked about my day"});
        let m = record(&good).unwrap();
        assert_eq!(
            (m.reached, m.response),
            (Reached::Partner, Response::Toward)
        );
        assert_eq!(label(&good).as_deref(), Some("2026-11-21"));
        let bad = |key: &str, value: Value| {
            let mut v = good.clone();
            v[key] = value;
            record(&v).unwrap_err()
        };
        assert!(bad("reached", json!("them")).contains("me or partner"));
        assert!(bad("response", json!("ignored")).contains("toward, away or against"));
        assert!(bad("day", json!("2026-02-30")).contains("not a real date"));
        assert!(bad("text", json!(3)).contains("must be text"));
        assert!(bad("uuid", json!("x")).contains("not a UUID"));
        assert!(record(&json!(3)).unwrap_err().contains("JSON object"));

        let md = markdown(&[m]).unwrap();
        assert!(md.starts_with("## Moments\n"), "{md}");
        assert!(md.contains("1 of 1 turned toward"), "{md}");
        assert!(
            md.contains(
                "- 2026-11-21 (Sat) · Your partner reached out, turned toward: asked about my day"
            ),
            "{md}"
        );
        assert_eq!(markdown(&[]), None);
    }
}
