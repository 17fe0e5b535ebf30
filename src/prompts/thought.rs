//! The thought record: one entry whose fields (situation, thought, belief, feelings,
//! evidence, a balanced thought, and the re-ratings) are kept as structured data in the
//! entry's `fields`. The writer's words are stored exactly as typed; ratings are read from
//! them only when there is one clear reading ("8", "8/10", "80%" and "80" are all 80 on the
//! 0–100 scale CBT practice uses), and an unclear rating is refused, never guessed.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::ratings::{read_feelings, read_rating};
use crate::feelings::vocabulary;
use crate::prompts::library::GuidedPath;

/// The id of the thought-record path in `prompts/paths.toml`.
pub const PATH_ID: &str = "thought-record";
/// The `path_step` of the one entry a thought record is.
pub const STEP: &str = "record";

/// One field of a thought record, in the order the record asks them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Situation,
    Thought,
    Belief,
    Feelings,
    EvidenceFor,
    EvidenceAgainst,
    BalancedThought,
    BalancedBelief,
    BeliefAfter,
    FeelingsAfter,
}

/// What a field holds: the writer's words, one rating, or feelings each with a rating.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Text,
    Rating,
    Ratings,
}

impl Field {
    pub const ALL: [Field; 10] = [
        Field::Situation,
        Field::Thought,
        Field::Belief,
        Field::Feelings,
        Field::EvidenceFor,
        Field::EvidenceAgainst,
        Field::BalancedThought,
        Field::BalancedBelief,
        Field::BeliefAfter,
        Field::FeelingsAfter,
    ];

    /// The name used by `--field NAME=TEXT`.
    pub fn name(self) -> &'static str {
        match self {
            Field::Situation => "situation",
            Field::Thought => "thought",
            Field::Belief => "belief",
            Field::Feelings => "feelings",
            Field::EvidenceFor => "evidence-for",
            Field::EvidenceAgainst => "evidence-against",
            Field::BalancedThought => "balanced-thought",
            Field::BalancedBelief => "balanced-belief",
            Field::BeliefAfter => "belief-after",
            Field::FeelingsAfter => "feelings-after",
        }
    }

    /// The label shown beside the answer in tables.
    pub fn label(self) -> &'static str {
        match self {
            Field::Situation => "Situation",
            Field::Thought => "Thought that came",
            Field::Belief => "Belief in it",
            Field::Feelings => "Feelings",
            Field::EvidenceFor => "Evidence for",
            Field::EvidenceAgainst => "Evidence against",
            Field::BalancedThought => "A more balanced thought",
            Field::BalancedBelief => "Belief in the balanced thought",
            Field::BeliefAfter => "Belief in the first thought, afterwards",
            Field::FeelingsAfter => "Feelings afterwards",
        }
    }

    pub fn kind(self) -> Kind {
        match self {
            Field::Belief | Field::BalancedBelief | Field::BeliefAfter => Kind::Rating,
            Field::Feelings | Field::FeelingsAfter => Kind::Ratings,
            _ => Kind::Text,
        }
    }

    /// A record needs at least these two; the rest may be left out.
    pub fn required(self) -> bool {
        matches!(self, Field::Situation | Field::Thought)
    }

    pub fn from_name(name: &str) -> Option<Field> {
        let name = name.trim().to_lowercase().replace('_', "-");
        Field::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The question asked when the path file has none for this field.
    fn fallback_question(self) -> &'static str {
        match self {
            Field::Situation => "What was happening when the worry started?",
            Field::Thought => "What thought went through your mind?",
            Field::Belief => "How strongly do you believe it, from 0 to 100?",
            Field::Feelings => "What feelings came with it, and how strong is each, from 0 to 10?",
            Field::EvidenceFor => "What facts seem to support the thought?",
            Field::EvidenceAgainst => "What facts don't fit the thought?",
            Field::BalancedThought => "What is a fairer, more balanced way to see it?",
            Field::BalancedBelief => "How much do you believe the balanced thought, from 0 to 100?",
            Field::BeliefAfter => "How much do you believe the first thought now, from 0 to 100?",
            Field::FeelingsAfter => "How strong is each of those feelings now, from 0 to 10?",
        }
    }
}

/// The fields a step of the thought-record path fills: its own question first, then one per
/// follow-up question.
fn step_fields(step_field: &str) -> &'static [Field] {
    match step_field {
        "situation" => &[Field::Situation],
        "thought" => &[Field::Thought, Field::Belief],
        "feelings" => &[Field::Feelings],
        "evidence-for" => &[Field::EvidenceFor],
        "evidence-against" => &[Field::EvidenceAgainst],
        "balanced-thought" => &[Field::BalancedThought, Field::BalancedBelief],
        "re-rate" => &[Field::BeliefAfter, Field::FeelingsAfter],
        _ => &[],
    }
}

/// One question of the record as it is asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    pub field: Field,
    /// The step it belongs to, e.g. "The thought", and its place (1-based) among the steps.
    pub step_title: String,
    pub step: usize,
    pub text: String,
}

/// Every question of the record, in order: each step's question, then its follow-ups. This
/// is also the order `--answer` fills.
pub fn questions(path: &GuidedPath) -> Vec<Question> {
    let mut out: Vec<Question> = Vec::new();
    for (i, step) in path.steps.iter().enumerate() {
        let fields = step.field.as_deref().map_or(&[][..], step_fields);
        for (j, field) in fields.iter().enumerate() {
            let text = if j == 0 {
                Some(step.text.as_str())
            } else {
                step.follow_ups.get(j - 1).map(String::as_str)
            };
            out.push(Question {
                field: *field,
                step_title: step.title.clone(),
                step: i + 1,
                text: text.unwrap_or(field.fallback_question()).to_string(),
            });
        }
    }
    // A field the path file forgot is still asked, at its place in the record.
    for field in Field::ALL {
        if !out.iter().any(|q| q.field == field) {
            let at = out
                .iter()
                .position(|q| q.field > field)
                .unwrap_or(out.len());
            out.insert(
                at,
                Question {
                    field,
                    step_title: field.label().to_string(),
                    step: out.get(at).map_or(path.steps.len(), |q| q.step),
                    text: field.fallback_question().to_string(),
                },
            );
        }
    }
    out
}

/// The record's kind, so a record can be told from other structured answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum RecordKind {
    ThoughtRecord,
}

/// A rating as written, and what it was read as (0–100).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rating {
    pub text: String,
    pub value: u8,
}

/// One feeling of a feelings answer: its name, the words it was written in, its rating.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rated {
    pub name: String,
    pub words: String,
    pub value: u8,
}

/// A feelings answer as written, and the feelings read from it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Feelings {
    pub text: String,
    pub ratings: Vec<Rated>,
}

/// A whole thought record, as stored in an entry's `fields` (documented in docs/json.md).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThoughtRecord {
    pub kind: RecordKind,
    pub situation: String,
    pub thought: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub belief: Option<Rating>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feelings: Option<Feelings>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence_for: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence_against: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub balanced_thought: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub balanced_belief: Option<Rating>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub belief_after: Option<Rating>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub feelings_after: Option<Feelings>,
}

impl Default for ThoughtRecord {
    fn default() -> Self {
        ThoughtRecord {
            kind: RecordKind::ThoughtRecord,
            situation: String::new(),
            thought: String::new(),
            belief: None,
            feelings: None,
            evidence_for: None,
            evidence_against: None,
            balanced_thought: None,
            balanced_belief: None,
            belief_after: None,
            feelings_after: None,
        }
    }
}

/// Why an answer could not be read; the message says what to write instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unreadable(pub String);

impl std::fmt::Display for Unreadable {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl ThoughtRecord {
    /// Sets a field from the writer's words (kept as they are, less surrounding blank
    /// space). Empty words clear an optional field. Ratings must be readable.
    pub fn set(&mut self, field: Field, words: &str) -> Result<(), Unreadable> {
        let words = words.trim();
        let text = (!words.is_empty()).then(|| words.to_string());
        let rating = |t: &Option<String>| -> Result<Option<Rating>, Unreadable> {
            t.as_ref()
                .map(|t| {
                    read_rating(t).map(|value| Rating {
                        text: t.clone(),
                        value,
                    })
                })
                .transpose()
        };
        let feelings = |t: &Option<String>| -> Result<Option<Feelings>, Unreadable> {
            t.as_ref()
                .map(|t| {
                    read_feelings(t).map(|ratings| Feelings {
                        text: t.clone(),
                        ratings,
                    })
                })
                .transpose()
        };
        match field {
            Field::Situation => self.situation = text.unwrap_or_default(),
            Field::Thought => self.thought = text.unwrap_or_default(),
            Field::Belief => self.belief = rating(&text)?,
            Field::Feelings => self.feelings = feelings(&text)?,
            Field::EvidenceFor => self.evidence_for = text,
            Field::EvidenceAgainst => self.evidence_against = text,
            Field::BalancedThought => self.balanced_thought = text,
            Field::BalancedBelief => self.balanced_belief = rating(&text)?,
            Field::BeliefAfter => self.belief_after = rating(&text)?,
            Field::FeelingsAfter => self.feelings_after = feelings(&text)?,
        }
        Ok(())
    }

    /// The writer's words for a field, as typed.
    pub fn get(&self, field: Field) -> Option<&str> {
        let text = match field {
            Field::Situation => Some(self.situation.as_str()),
            Field::Thought => Some(self.thought.as_str()),
            Field::Belief => self.belief.as_ref().map(|r| r.text.as_str()),
            Field::Feelings => self.feelings.as_ref().map(|f| f.text.as_str()),
            Field::EvidenceFor => self.evidence_for.as_deref(),
            Field::EvidenceAgainst => self.evidence_against.as_deref(),
            Field::BalancedThought => self.balanced_thought.as_deref(),
            Field::BalancedBelief => self.balanced_belief.as_ref().map(|r| r.text.as_str()),
            Field::BeliefAfter => self.belief_after.as_ref().map(|r| r.text.as_str()),
            Field::FeelingsAfter => self.feelings_after.as_ref().map(|f| f.text.as_str()),
        };
        text.filter(|t| !t.is_empty())
    }

    /// A field's words as shown: a rating also says how it was read, unless it was
    /// written as that number already ("80" or "80%").
    pub fn shown(&self, field: Field) -> Option<String> {
        let words = self.get(field)?;
        let rating = match field {
            Field::Belief => self.belief.as_ref(),
            Field::BalancedBelief => self.balanced_belief.as_ref(),
            Field::BeliefAfter => self.belief_after.as_ref(),
            _ => None,
        };
        Some(match rating {
            Some(r) if words != r.value.to_string() && words != format!("{}%", r.value) => {
                format!("{words} (read as {} of 100)", r.value)
            }
            _ => words.to_string(),
        })
    }

    /// The required fields still empty.
    pub fn missing(&self) -> Vec<Field> {
        Field::ALL
            .into_iter()
            .filter(|f| f.required() && self.get(*f).is_none())
            .collect()
    }

    /// The record as it is stored in an entry's `fields`.
    pub fn to_value(&self) -> Value {
        serde_json::to_value(self).expect("a thought record is plain data")
    }

    /// The record held in an entry's `fields`, when they are one.
    pub fn from_fields(fields: Option<&Value>) -> Option<ThoughtRecord> {
        let fields = fields?;
        if fields.get("kind").and_then(Value::as_str) != Some("thought-record") {
            return None;
        }
        serde_json::from_value(fields.clone()).ok()
    }

    /// Checks imported `fields` that claim to be a thought record: they must be one exactly.
    pub fn check_fields(fields: &Value) -> Result<(), String> {
        if fields.get("kind").and_then(Value::as_str) != Some("thought-record") {
            return Ok(());
        }
        let record: ThoughtRecord = serde_json::from_value(fields.clone())
            .map_err(|e| format!("in \"fields\": not a thought record as mend writes one: {e}"))?;
        let ratings = [
            &record.belief,
            &record.balanced_belief,
            &record.belief_after,
        ];
        let feelings = [&record.feelings, &record.feelings_after];
        let too_high = ratings
            .iter()
            .filter_map(|r| r.as_ref())
            .any(|r| r.value > 100)
            || feelings
                .iter()
                .filter_map(|f| f.as_ref())
                .flat_map(|f| &f.ratings)
                .any(|r| r.value > 100);
        if too_high {
            return Err("in \"fields\": a rating is above 100".to_string());
        }
        Ok(())
    }

    /// The entry's text: the writer's words in the record's order, a paragraph each, so
    /// search and analysis read them. Ratings alone are left out.
    pub fn body(&self) -> String {
        Field::ALL
            .into_iter()
            .filter(|f| f.kind() != Kind::Rating)
            .filter_map(|f| self.get(f))
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    /// The named feelings that are in mend's feelings list, for the entry's feelings.
    pub fn known_feelings(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for r in self.feelings.iter().flat_map(|f| &f.ratings) {
            if let Ok(name) = vocabulary().resolve(&r.name)
                && !out.contains(&name)
            {
                out.push(name);
            }
        }
        out
    }

    /// Before and after: belief in the first thought, then each feeling named, with the
    /// after value when it was re-rated.
    pub fn changes(&self) -> Vec<Change> {
        let mut out = Vec::new();
        if self.belief.is_some() || self.belief_after.is_some() {
            out.push(Change {
                what: "belief in the thought".to_string(),
                before: self.belief.as_ref().map(|r| r.value),
                after: self.belief_after.as_ref().map(|r| r.value),
            });
        }
        let after = self.feelings_after.as_ref().map_or(&[][..], |f| &f.ratings);
        let before = self.feelings.as_ref().map_or(&[][..], |f| &f.ratings);
        for b in before {
            out.push(Change {
                what: b.name.clone(),
                before: Some(b.value),
                after: after.iter().find(|a| a.name == b.name).map(|a| a.value),
            });
        }
        for a in after {
            if !before.iter().any(|b| b.name == a.name) {
                out.push(Change {
                    what: a.name.clone(),
                    before: None,
                    after: Some(a.value),
                });
            }
        }
        out
    }
}

/// One line of the before/after comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub what: String,
    pub before: Option<u8>,
    pub after: Option<u8>,
}

/// The before/after lines shown at the end of a record and by `mend show`.
pub fn changes_text(record: &ThoughtRecord) -> Option<String> {
    let changes = record.changes();
    if changes.is_empty() && record.balanced_belief.is_none() {
        return None;
    }
    let width = changes
        .iter()
        .map(|c| c.what.chars().count())
        .max()
        .unwrap_or(0);
    let show = |v: Option<u8>| v.map_or_else(|| "–".to_string(), |v| v.to_string());
    let mut out = String::from("Before → after (0–100)\n");
    for c in &changes {
        out.push_str(&format!(
            "  {:<width$}  {:>3} → {}\n",
            c.what,
            show(c.before),
            show(c.after)
        ));
    }
    if let Some(b) = &record.balanced_belief {
        out.push_str(&format!("  belief in the balanced thought: {}\n", b.value));
    }
    Some(out)
}

/// One structured answer outside a thought record (a path step with a `field`): kept under
/// the field's name, as written.
pub fn field_value(field: &str, answer: &str) -> Value {
    serde_json::json!({ field: answer.trim() })
}

/// The record as a Markdown table (GitHub-style pipe table, which CommonMark parsers with
/// tables read): one row per answered field, in the record's order. Line breaks inside an
/// answer become `<br>`; characters Markdown would read as formatting are escaped.
pub fn table(record: &ThoughtRecord, cell: impl Fn(&str) -> String) -> String {
    let mut out = String::from("| Thought record | Your words |\n| --- | --- |\n");
    for field in Field::ALL {
        if let Some(words) = record.shown(field) {
            let value: Vec<String> = words.lines().map(&cell).collect();
            out.push_str(&format!("| {} | {} |\n", field.label(), value.join("<br>")));
        }
    }
    out
}

/// The record for a terminal: each answered field under its label, then before/after.
pub fn terminal_text(record: &ThoughtRecord) -> String {
    let mut out = String::new();
    for field in Field::ALL {
        if let Some(words) = record.shown(field) {
            out.push_str(field.label());
            out.push('\n');
            for line in words.lines() {
                out.push_str("  ");
                out.push_str(line);
                out.push('\n');
            }
        }
    }
    if let Some(changes) = changes_text(record) {
        out.push('\n');
        out.push_str(&changes);
    }
    out
}

/// What `mend show` prints for an entry's text: the record when the entry is one (and its
/// text is still the record's), otherwise `None`.
pub fn shown_text(fields: Option<&Value>, body: &str) -> Option<String> {
    let record = ThoughtRecord::from_fields(fields)?;
    let mut text = terminal_text(&record);
    if body.trim() != record.body().trim() {
        // The text was edited after the record was made: show it too, so nothing is hidden.
        text.push('\n');
        text.push_str(body.trim_end());
        text.push('\n');
    }
    Some(text)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prompts::Library;

    #[test]
    fn the_built_in_path_asks_every_field_once_in_order() {
        let lib = Library::built_in();
        let path = lib.path(PATH_ID).unwrap();
        let qs = questions(path);
        let fields: Vec<Field> = qs.iter().map(|q| q.field).collect();
        assert_eq!(fields, Field::ALL);
        // Every question comes from the path file, none from the fallbacks.
        for q in &qs {
            assert_ne!(q.text, q.field.fallback_question(), "{:?}", q.field);
        }
    }

    #[test]
    fn a_record_round_trips_through_its_json_and_describes_its_changes() {
        let mut r = ThoughtRecord::default();
        for (field, words) in [
            (Field::Situation, "He was late | again\nand didn't text."),
            (Field::Thought, "He doesn't care."),
            (Field::Belief, "80%"),
            (
                Field::Feelings,
                "Fear 8, jealousy 7, shame 4 for feeling it.",
            ),
            (Field::BalancedThought, "He was driving."),
            (Field::BalancedBelief, "6"),
            (Field::BeliefAfter, "3/10"),
            (Field::FeelingsAfter, "fear 3, jealousy 2, calm 5"),
        ] {
            r.set(field, words).unwrap();
        }
        let value = r.to_value();
        assert_eq!(value["kind"], "thought-record");
        assert_eq!(ThoughtRecord::from_fields(Some(&value)), Some(r.clone()));
        ThoughtRecord::check_fields(&value).unwrap();
        let changes = r.changes();
        assert_eq!(changes[0].before, Some(80));
        assert_eq!(changes[0].after, Some(30));
        assert_eq!(
            changes.iter().find(|c| c.what == "shame").unwrap().after,
            None
        );
        assert_eq!(
            changes.iter().find(|c| c.what == "calm").unwrap().before,
            None
        );
        assert!(
            r.body()
                .starts_with("He was late | again\nand didn't text.\n\nHe doesn't care.")
        );
        assert!(!r.body().contains("80%"));
        assert_eq!(r.known_feelings(), ["fear", "jealousy", "shame"]);
        let table = table(&r, |s| s.replace('|', "\\|"));
        assert!(table.contains("| Situation | He was late \\| again<br>and didn't text. |"));
    }

    #[test]
    fn imported_fields_must_be_a_whole_record() {
        let mut v = ThoughtRecord {
            situation: "s".into(),
            thought: "t".into(),
            ..ThoughtRecord::default()
        }
        .to_value();
        v["belief"] = serde_json::json!({"text": "8", "value": 180});
        assert!(ThoughtRecord::check_fields(&v).is_err());
        v["belief"] = serde_json::json!("8");
        assert!(ThoughtRecord::check_fields(&v).is_err());
        assert!(ThoughtRecord::check_fields(&serde_json::json!({"other": 1})).is_ok());
    }
}
