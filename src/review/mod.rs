//! The review: a ritual in one sitting at the end of a week (or a month, or a year). A few
//! lines on the period, taken only from what the summary itself would say; whether the last
//! review's intention was kept; one prompt, from the theme most present in the period or
//! the one explored least; and a new intention. It is saved as one entry: `entries.data`
//! holds the structured fields (`"kind": "review"`), the body the same words as text.

use anyhow::{Result, bail};
use chrono::{Datelike, Duration, Months, NaiveDate, Weekday};
use clap::ValueEnum;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use crate::config::{Config, WeekStart};

pub mod prepare;
pub mod walk;

/// The value of `kind` in a review's `entries.data`.
pub const KIND: &str = "review";

/// How long a review looks back.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Span {
    Week,
    Month,
    Year,
}

impl Span {
    /// The first day a review on `today` looks back to (`today` included).
    pub fn from(self, today: NaiveDate) -> NaiveDate {
        match self {
            Span::Week => today - Duration::days(6),
            Span::Month => today
                .checked_sub_months(Months::new(1))
                .map_or(today - Duration::days(29), |d| d + Duration::days(1)),
            Span::Year => today
                .checked_sub_months(Months::new(12))
                .map_or(today - Duration::days(364), |d| d + Duration::days(1)),
        }
    }

    /// "week", "month", "year".
    pub fn word(self) -> &'static str {
        match self {
            Span::Week => "week",
            Span::Month => "month",
            Span::Year => "year",
        }
    }
}

/// Whether the last intention was kept.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Kept {
    Yes,
    Partly,
    No,
}

impl Kept {
    pub const ALL: [Kept; 3] = [Kept::Yes, Kept::Partly, Kept::No];

    pub fn as_str(self) -> &'static str {
        match self {
            Kept::Yes => "yes",
            Kept::Partly => "partly",
            Kept::No => "no",
        }
    }

    pub fn parse(text: &str) -> Option<Kept> {
        match text.trim().to_lowercase().as_str() {
            "yes" | "y" | "kept" => Some(Kept::Yes),
            "partly" | "part" | "partially" | "some" => Some(Kept::Partly),
            "no" | "n" | "not" => Some(Kept::No),
            _ => None,
        }
    }

    /// The words shown in the review's text: "Kept: yes".
    pub fn label(self) -> &'static str {
        match self {
            Kept::Yes => "yes",
            Kept::Partly => "partly",
            Kept::No => "not this time",
        }
    }
}

/// Why the review's prompt was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Why {
    /// The theme came up in more of the period's entries than any other.
    MostPresent,
    /// The theme explored least (in the period, then least recently).
    LeastExplored,
}

/// The prompt a review asked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Asked {
    pub id: String,
    pub theme: String,
    pub text: String,
    pub why: Why,
    /// The reason in words, e.g. "boundaries came up in 3 of the week's 5 entries".
    pub reason: String,
}

/// The intention the previous review set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Previous {
    /// The entry that holds it.
    pub entry: i64,
    pub day: NaiveDate,
    pub intention: String,
}

/// A review, as stored in `entries.data` (and exported within the entry's `fields`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// Always "review".
    pub kind: String,
    pub span: Span,
    pub from: NaiveDate,
    pub to: NaiveDate,
    /// The lines on the period, as they were shown.
    pub overview: Vec<String>,
    #[serde(default)]
    pub previous: Option<Previous>,
    #[serde(default)]
    pub kept: Option<Kept>,
    /// A sentence on how the last intention went.
    #[serde(default)]
    pub kept_note: Option<String>,
    #[serde(default)]
    pub prompt: Option<Asked>,
    #[serde(default)]
    pub answer: Option<String>,
    #[serde(default)]
    pub intention: Option<String>,
}

/// The questions a review asks, in order: what `--answer` fills and `--field` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Kept,
    KeptNote,
    Answer,
    Intention,
}

impl Field {
    pub const ALL: [Field; 4] = [
        Field::Kept,
        Field::KeptNote,
        Field::Answer,
        Field::Intention,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Field::Kept => "kept",
            Field::KeptNote => "how",
            Field::Answer => "answer",
            Field::Intention => "intention",
        }
    }

    pub fn from_name(name: &str) -> Option<Field> {
        let name = name.trim().to_lowercase().replace('_', "-");
        Field::ALL
            .into_iter()
            .find(|f| f.name() == name || (*f == Field::KeptNote && name == "kept-note"))
    }
}

impl Review {
    /// A review of `span` ending on `to`, with nothing answered yet.
    pub fn new(span: Span, to: NaiveDate, overview: Vec<String>) -> Review {
        Review {
            kind: KIND.to_string(),
            span,
            from: span.from(to),
            to,
            overview,
            previous: None,
            kept: None,
            kept_note: None,
            prompt: None,
            answer: None,
            intention: None,
        }
    }

    /// The questions this review asks: whether the last intention was kept only when there
    /// was one, and the prompt's answer only when there is a prompt.
    pub fn fields(&self) -> Vec<Field> {
        Field::ALL
            .into_iter()
            .filter(|f| match f {
                Field::Kept | Field::KeptNote => self.previous.is_some(),
                Field::Answer => self.prompt.is_some(),
                Field::Intention => true,
            })
            .collect()
    }

    /// Sets one answer (empty words clear it). `kept` must read as yes, partly or no.
    pub fn set(&mut self, field: Field, words: &str) -> Result<(), String> {
        let words = words.trim();
        let text = (!words.is_empty()).then(|| words.to_string());
        match field {
            Field::Kept if words.is_empty() => self.kept = None,
            Field::Kept => {
                self.kept = Some(
                    Kept::parse(words)
                        .ok_or_else(|| format!("{words:?} is not yes, partly or no"))?,
                )
            }
            Field::KeptNote => self.kept_note = text,
            Field::Answer => self.answer = text,
            Field::Intention => self.intention = text,
        }
        Ok(())
    }

    /// Whether anything was written in the sitting.
    pub fn has_words(&self) -> bool {
        self.kept.is_some()
            || self.kept_note.is_some()
            || self.answer.is_some()
            || self.intention.is_some()
    }

    pub fn to_value(&self) -> Value {
        serde_json::to_value(self).expect("a review is plain data")
    }

    /// The review held in an entry's fields, when they are one.
    pub fn from_fields(fields: Option<&Value>) -> Option<Review> {
        let fields = fields?;
        if fields.get("kind").and_then(Value::as_str) != Some(KIND) {
            return None;
        }
        serde_json::from_value(fields.clone()).ok()
    }

    /// Checks imported fields that claim to be a review: they must be one exactly.
    pub fn check_fields(fields: &Value) -> Result<(), String> {
        if fields.get("kind").and_then(Value::as_str) != Some(KIND) {
            return Ok(());
        }
        serde_json::from_value::<Review>(fields.clone())
            .map(|_| ())
            .map_err(|e| format!("in \"fields\": not a review as mend writes one: {e}"))
    }

    /// The entry's text: only the writer's own words (how the intention went, the answer,
    /// the new intention), a paragraph each, so search and analysis read what was written
    /// and not mend's lines about the period.
    pub fn body(&self) -> String {
        [&self.kept_note, &self.answer, &self.intention]
            .into_iter()
            .flatten()
            .cloned()
            .collect::<Vec<_>>()
            .join("\n\n")
    }

    /// The whole sitting as Markdown: what `show` and the Markdown export print for a
    /// review entry.
    pub fn shown(&self) -> String {
        let mut parts = vec![format!(
            "**Review of the {}, {} to {}**",
            self.span.word(),
            self.from.format("%-d %B"),
            self.to.format("%-d %B %Y")
        )];
        if !self.overview.is_empty() {
            parts.push(
                self.overview
                    .iter()
                    .map(|l| format!("- {l}"))
                    .collect::<Vec<_>>()
                    .join("\n"),
            );
        }
        if let Some(previous) = &self.previous {
            let mut kept = format!("**Last intention:** {}", previous.intention);
            if let Some(k) = self.kept {
                kept.push_str(&format!("  \n**Kept:** {}", k.label()));
            }
            if let Some(note) = &self.kept_note {
                kept.push_str(&format!("\n\n{note}"));
            }
            parts.push(kept);
        }
        if let Some(prompt) = &self.prompt {
            let mut asked = format!("**{}**", prompt.text);
            if let Some(answer) = &self.answer {
                asked.push_str(&format!("\n\n{answer}"));
            }
            parts.push(asked);
        }
        if let Some(intention) = &self.intention {
            parts.push(format!(
                "**Intention for the next {}:** {intention}",
                self.span.word()
            ));
        }
        parts.join("\n\n")
    }

    /// What a draft keeps when the sitting is cut short: every answer, labelled.
    pub fn draft_text(&self) -> String {
        self.shown()
    }
}

/// A review entry as shown: the sitting from its fields, and the text too when it was
/// edited afterwards (so nothing is hidden). `None` when the entry is not a review.
pub fn shown_text(fields: Option<&Value>, body: &str) -> Option<String> {
    let review = Review::from_fields(fields)?;
    let mut text = review.shown();
    if body.trim() != review.body().trim() {
        text.push_str("\n\n");
        text.push_str(body.trim_end());
    }
    text.push('\n');
    Some(text)
}

/// The day a review is suggested on: `review-day` in the config, else the week's last day.
pub fn review_day(config: &Config) -> Weekday {
    match (config.review_day, config.week_start) {
        (Some(day), _) => day.into(),
        (None, Some(WeekStart::Sunday)) => Weekday::Sat,
        (None, _) => Weekday::Sun,
    }
}

/// Whether `today` is the review day.
pub fn is_review_day(config: &Config, today: NaiveDate) -> bool {
    today.weekday() == review_day(config)
}

/// Builds a review from a script's answers, in the order the questions are asked, and
/// `--field NAME=TEXT`s. Every problem is refused with what to do.
pub fn fill_from_script(review: &mut Review, answers: &[String], fields: &[String]) -> Result<()> {
    let asked = review.fields();
    let names = || {
        asked
            .iter()
            .map(|f| f.name())
            .collect::<Vec<_>>()
            .join(", ")
    };
    if answers.len() > asked.len() {
        bail!(
            "this review asks {} questions, but {} answers were given — --answer fills them in order: {}",
            asked.len(),
            answers.len(),
            names()
        );
    }
    let mut set: Vec<Field> = Vec::new();
    let mut fill = |review: &mut Review, field: Field, words: &str| -> Result<()> {
        if set.contains(&field) {
            bail!(
                "{} was given twice — give each answer once, with --answer in order or --field",
                field.name()
            );
        }
        if !asked.contains(&field) {
            let why = match field {
                Field::Kept | Field::KeptNote => "no earlier review set an intention",
                _ => "this review has no prompt",
            };
            bail!(
                "{} cannot be answered here: {why} — this review asks: {}",
                field.name(),
                names()
            );
        }
        set.push(field);
        if let Err(why) = review.set(field, words) {
            bail!(
                "could not read {}: {why} — give yes, partly or no (nothing was saved)",
                field.name()
            );
        }
        Ok(())
    };
    for (field, words) in asked.iter().zip(answers) {
        fill(review, *field, words)?;
    }
    for pair in fields {
        let Some((name, words)) = pair.split_once('=') else {
            bail!(
                "--field {pair:?} has no \"=\" — write it as NAME=TEXT, e.g. --field intention=\"...\""
            );
        };
        let Some(field) = Field::from_name(name) else {
            bail!(
                "a review has no field {:?} — use one of: kept, how, answer, intention",
                name.trim()
            );
        };
        fill(review, field, words)?;
    }
    if !review.has_words() {
        bail!(
            "nothing was given to save — e.g. mend review --field intention=\"...\" (this review asks: {})",
            names()
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn with_previous() -> Review {
        let mut r = Review::new(Span::Week, day("2026-11-22"), vec!["3 entries".into()]);
        r.previous = Some(Previous {
            entry: 4,
            day: day("2026-11-15"),
            intention: "Ask before assuming".into(),
        });
        r.prompt = Some(Asked {
            id: "boundaries/a".into(),
            theme: "boundaries".into(),
            text: "What did you need?".into(),
            why: Why::LeastExplored,
            reason: "explored least".into(),
        });
        r
    }

    #[test]
    fn spans_look_back_to_the_right_day() {
        assert_eq!(Span::Week.from(day("2026-11-22")), day("2026-11-16"));
        assert_eq!(Span::Month.from(day("2026-03-31")), day("2026-03-01"));
        assert_eq!(Span::Year.from(day("2026-11-22")), day("2025-11-23"));
    }

    #[test]
    fn scripts_fill_in_order_or_by_name_and_problems_are_refused() {
        let mut r = with_previous();
        let answers = ["partly".to_string(), "Twice, not always.".to_string()];
        fill_from_script(&mut r, &answers, &["intention=Slow down".to_string()]).unwrap();
        assert_eq!(r.kept, Some(Kept::Partly));
        assert_eq!(r.kept_note.as_deref(), Some("Twice, not always."));
        assert_eq!(r.intention.as_deref(), Some("Slow down"));
        assert!(r.shown().contains("**Kept:** partly"), "{}", r.shown());
        assert_eq!(r.body(), "Twice, not always.\n\nSlow down");

        let err = |answers: &[&str], fields: &[&str], r: &mut Review| {
            let a: Vec<String> = answers.iter().map(|s| s.to_string()).collect();
            let f: Vec<String> = fields.iter().map(|s| s.to_string()).collect();
            fill_from_script(r, &a, &f).unwrap_err().to_string()
        };
        assert!(err(&["maybe"], &[], &mut with_previous()).contains("not yes, partly or no"));
        assert!(err(&["yes"], &["kept=no"], &mut with_previous()).contains("given twice"));
        assert!(err(&[], &["mood=4"], &mut with_previous()).contains("no field"));
        assert!(err(&[], &[], &mut with_previous()).contains("nothing was given"));
        let mut first = Review::new(Span::Week, day("2026-11-22"), vec![]);
        assert!(err(&[], &["kept=yes"], &mut first).contains("no earlier review"));
        assert!(err(&["a", "b"], &[], &mut first).contains("asks 1 questions"));
    }

    #[test]
    fn fields_round_trip_and_other_kinds_pass() {
        let mut r = with_previous();
        r.set(Field::Intention, "Listen first").unwrap();
        let v = r.to_value();
        assert_eq!(v["kind"], "review");
        assert_eq!(Review::from_fields(Some(&v)), Some(r));
        Review::check_fields(&v).unwrap();
        let mut bad = v.clone();
        bad["kept"] = "often".into();
        assert!(
            Review::check_fields(&bad)
                .unwrap_err()
                .contains("not a review")
        );
        Review::check_fields(&serde_json::json!({"kind": "thought-record"})).unwrap();
    }
}
