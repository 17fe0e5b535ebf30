//! The thought record's structured fields: reading "anger 7, shame 4" into rated feelings,
//! and laying a finished record out as a table.

use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

use crate::feelings::vocabulary;

/// A feeling with its intensity, 0–10 when given.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rated {
    pub name: String,
    pub intensity: Option<u8>,
}

/// The rows of a thought record, in order, with the labels shown beside them.
pub const ROWS: [(&str, &str); 7] = [
    ("situation", "Situation"),
    ("thought", "Thought that came"),
    ("feelings", "Feelings (0-10)"),
    ("evidence-for", "Evidence for"),
    ("evidence-against", "Evidence against"),
    ("balanced-thought", "A more balanced thought"),
    ("re-rate", "Feelings afterwards (0-10)"),
];

/// The JSON stored for one answered field. Rating fields hold a list of rated feelings.
pub fn field_value(field: &str, answer: &str) -> Value {
    if field == "feelings" || field == "re-rate" {
        json!({ field: parse_ratings(answer) })
    } else {
        json!({ field: answer.trim() })
    }
}

/// Reads "anger 7, sadness: 5/10; shame" — feelings named in the vocabulary (or in the
/// person's own words) with an optional 0–10 intensity.
pub fn parse_ratings(text: &str) -> Vec<Rated> {
    let mut out = Vec::new();
    for part in text.split([',', ';', '\n']) {
        let part = part.trim();
        if part.is_empty() {
            continue;
        }
        let mut words: Vec<&str> = Vec::new();
        let mut intensity = None;
        for token in part.split(|c: char| c.is_whitespace() || c == ':' || c == '=' || c == '-') {
            let token = token.trim_end_matches("/10").trim_end_matches('%');
            if token.is_empty() {
                continue;
            }
            match token.parse::<u32>() {
                Ok(n) if intensity.is_none() => intensity = Some(n.min(10) as u8),
                Ok(_) => {}
                Err(_) => words.push(token),
            }
        }
        if words.is_empty() {
            continue;
        }
        let raw = words.join(" ").to_lowercase();
        let name = vocabulary().resolve(&raw).unwrap_or(raw);
        out.push(Rated { name, intensity });
    }
    out
}

/// A field's value as one line of text for the table.
pub fn describe(value: &Value) -> String {
    match value {
        Value::String(s) => s.split_whitespace().collect::<Vec<_>>().join(" "),
        Value::Array(items) => items
            .iter()
            .filter_map(|item| serde_json::from_value::<Rated>(item.clone()).ok())
            .map(|r| match r.intensity {
                Some(i) => format!("{} {i}", r.name),
                None => r.name,
            })
            .collect::<Vec<_>>()
            .join(", "),
        other => other.to_string(),
    }
}

/// A Markdown table of the record's answered fields, in the order of `ROWS`. `fields` is
/// the merged JSON of the record's entries.
pub fn table(fields: &serde_json::Map<String, Value>) -> Option<String> {
    let rows: Vec<(&str, String)> = ROWS
        .iter()
        .filter_map(|(key, label)| fields.get(*key).map(|v| (*label, describe(v))))
        .collect();
    if rows.is_empty() {
        return None;
    }
    let cell = |s: &str| s.replace('|', "\\|");
    let mut out = String::from("| Step | Your answer |\n| --- | --- |\n");
    for (label, value) in rows {
        out.push_str(&format!("| {} | {} |\n", cell(label), cell(&value)));
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ratings_are_read_generously() {
        let r = parse_ratings("Jealous 8, sadness: 5/10; a knot in my stomach 3\nhope");
        assert_eq!(
            r,
            vec![
                Rated {
                    name: "jealousy".into(),
                    intensity: Some(8)
                },
                Rated {
                    name: "sadness".into(),
                    intensity: Some(5)
                },
                Rated {
                    name: "a knot in my stomach".into(),
                    intensity: Some(3)
                },
                Rated {
                    name: "hope".into(),
                    intensity: None
                },
            ]
        );
        assert_eq!(parse_ratings("anger 70")[0].intensity, Some(10));
        assert!(parse_ratings(" , ;").is_empty());
    }

    #[test]
    fn values_are_stored_and_described() {
        let v = field_value("feelings", "anger 7, shame 4");
        assert_eq!(describe(&v["feelings"]), "anger 7, shame 4");
        let s = field_value("situation", "  He was late\nagain ");
        assert_eq!(describe(&s["situation"]), "He was late again");
    }

    #[test]
    fn table_keeps_the_record_order_and_escapes_pipes() {
        let mut fields = serde_json::Map::new();
        for v in [
            field_value("thought", "a | b"),
            field_value("situation", "late"),
            field_value("re-rate", "anger 3"),
        ] {
            fields.extend(v.as_object().unwrap().clone());
        }
        let t = table(&fields).unwrap();
        let lines: Vec<&str> = t.lines().collect();
        assert_eq!(lines[2], "| Situation | late |");
        assert_eq!(lines[3], "| Thought that came | a \\| b |");
        assert_eq!(lines[4], "| Feelings afterwards (0-10) | anger 3 |");
    }
}
