//! The journal's nouns: entries, moods and prompt links, with the one JSON shape they share.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// How the day felt, 1 (very low) to 5 (very good).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct Mood(u8);

pub const MOOD_WORDS: [&str; 5] = ["very-low", "low", "okay", "good", "very-good"];

impl Mood {
    pub fn new(value: u8) -> Option<Mood> {
        (1..=5).contains(&value).then_some(Mood(value))
    }

    pub fn value(self) -> u8 {
        self.0
    }

    /// The plain word for this mood, e.g. "very low".
    pub fn label(self) -> String {
        MOOD_WORDS[usize::from(self.0 - 1)].replace('-', " ")
    }

    /// Accepts a number 1–5 or one of the mood words (spaces, hyphens and case ignored).
    pub fn parse(input: &str) -> Result<Mood, String> {
        let cleaned: String = input
            .trim()
            .to_lowercase()
            .chars()
            .map(|c| if c == ' ' || c == '_' { '-' } else { c })
            .collect();
        if let Ok(n) = cleaned.parse::<i64>() {
            return u8::try_from(n).ok().and_then(Mood::new).ok_or_else(|| {
                format!("mood {n} is out of range — use 1 (very low) to 5 (very good)")
            });
        }
        let found = match cleaned.as_str() {
            "ok" | "okay" | "neutral" => Some(3),
            other => MOOD_WORDS
                .iter()
                .position(|w| *w == other)
                .map(|i| i as u8 + 1),
        };
        found.and_then(Mood::new).ok_or_else(|| {
            format!(
                "\"{}\" is not a mood — use 1–5 or one of: {}",
                input.trim(),
                MOOD_WORDS.join(", ")
            )
        })
    }
}

impl TryFrom<u8> for Mood {
    type Error = String;
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        Mood::new(value).ok_or_else(|| format!("mood {value} is out of range 1–5"))
    }
}

impl From<Mood> for u8 {
    fn from(m: Mood) -> u8 {
        m.0
    }
}

/// The prompt an entry answered, with its text as it was shown at the time.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PromptRef {
    pub id: String,
    pub text: String,
    pub theme: Option<String>,
}

/// The guided-path step an entry answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PathStep {
    /// The path, e.g. `thought-record`.
    pub id: String,
    /// Which walk of the path (a person may walk a path more than once).
    pub run: i64,
    pub step: String,
}

/// What a person is about to save: everything but the identity the journal assigns.
#[derive(Debug, Clone, PartialEq)]
pub struct NewEntry {
    pub day: NaiveDate,
    /// The moment the entry is dated at; `None` means "now".
    pub at: Option<DateTime<Utc>>,
    pub body: String,
    pub mood: Option<Mood>,
    pub feelings: Vec<String>,
    pub tags: Vec<String>,
    pub prompt: Option<PromptRef>,
    pub path: Option<PathStep>,
    /// Structured answers (the thought record's fields).
    pub fields: Option<serde_json::Value>,
}

impl NewEntry {
    /// An entry of `day` with nothing in it yet.
    pub fn on(day: NaiveDate) -> NewEntry {
        NewEntry {
            day,
            at: None,
            body: String::new(),
            mood: None,
            feelings: Vec::new(),
            tags: Vec::new(),
            prompt: None,
            path: None,
            fields: None,
        }
    }
}

/// A saved entry, in the one shape shared by `--json` output everywhere.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub id: i64,
    pub uuid: String,
    pub day: NaiveDate,
    pub created: DateTime<Utc>,
    pub updated: DateTime<Utc>,
    pub mood: Option<Mood>,
    pub feelings: Vec<String>,
    pub tags: Vec<String>,
    pub prompt: Option<PromptRef>,
    #[serde(default)]
    pub path: Option<PathStep>,
    #[serde(default)]
    pub fields: Option<serde_json::Value>,
    pub body: String,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub deleted: Option<DateTime<Utc>>,
}

/// Tags written inline as `#word` in the text. A `#` followed by a space is a Markdown
/// heading, and a number alone (`#1`) is usually a count, so neither is a tag.
pub fn hashtags(text: &str) -> Vec<String> {
    let mut tags = Vec::new();
    let mut prev: Option<char> = None;
    let chars = text.char_indices();
    for (i, c) in chars {
        let starts_tag = c == '#' && prev.is_none_or(|p| p.is_whitespace() || p == '(');
        prev = Some(c);
        if !starts_tag {
            continue;
        }
        let rest = &text[i + 1..];
        let end = rest
            .char_indices()
            .find(|(_, ch)| !(ch.is_alphanumeric() || *ch == '_' || *ch == '-'))
            .map_or(rest.len(), |(j, _)| j);
        let word = rest[..end].trim_end_matches('-');
        if !word.is_empty() && !word.chars().all(|ch| ch.is_ascii_digit()) {
            tags.push(word.to_lowercase());
        }
    }
    tags
}

/// Lower-cases, trims and de-duplicates a list of labels, keeping first-seen order.
pub fn normalize_labels<I, S>(items: I) -> Vec<String>
where
    I: IntoIterator<Item = S>,
    S: AsRef<str>,
{
    let mut out: Vec<String> = Vec::new();
    for item in items {
        for part in item.as_ref().split(',') {
            let label = part.trim().trim_start_matches('#').trim().to_lowercase();
            if !label.is_empty() && !out.contains(&label) {
                out.push(label);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mood_accepts_numbers_and_words() {
        assert_eq!(Mood::parse("4").unwrap().value(), 4);
        assert_eq!(Mood::parse("very low").unwrap().value(), 1);
        assert_eq!(Mood::parse("Very-Good").unwrap().value(), 5);
        assert_eq!(Mood::parse("okay").unwrap().value(), 3);
        assert!(Mood::parse("0").is_err());
        assert!(Mood::parse("9").is_err());
        assert!(Mood::parse("99999999999999999999").is_err());
        assert!(Mood::parse("great").is_err());
    }

    #[test]
    fn hashtags_skip_headings_and_numbers() {
        let text = "# Heading\nWe talked #partner and #Trust-work. Issue #12, a#b (#walk)";
        assert_eq!(hashtags(text), vec!["partner", "trust-work", "walk"]);
    }

    #[test]
    fn labels_are_normalized() {
        assert_eq!(
            normalize_labels(["Partner, work", "#partner", " "]),
            vec!["partner", "work"]
        );
    }
}
