//! The summary as plain data: what `compute` returns, what `--json` prints (the shape is
//! documented in docs/summary.md and only ever grows), and what the renderers read.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use super::rules::Trend;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub period: PeriodInfo,
    pub previous: Range,
    /// Entries in the period (the trash never counts).
    pub entries: u32,
    /// Entries in the previous period.
    pub previous_entries: u32,
    pub days_written: u32,
    pub streak: Streak,
    pub mood: MoodSummary,
    pub feelings: Vec<FeelingCount>,
    pub themes: Vec<SignalCount>,
    pub signs: Vec<SignalCount>,
    pub mood_with: Vec<MoodWith>,
    pub language: Language,
    pub prompts: Prompts,
    /// The most recent 50 milestones of the period, oldest first.
    pub milestones: Vec<Milestone>,
    /// How many milestones the period has in all.
    pub milestones_total: u32,
    pub insights: Vec<Insight>,
    /// False when the period holds too little writing for any pattern (fewer than 10 entries).
    pub enough_writing: bool,
}

impl Summary {
    /// The trust signs worth a line: seen in this period or in the one before.
    pub fn signs_seen(&self) -> Vec<&SignalCount> {
        self.signs
            .iter()
            .filter(|t| t.count > 0 || t.previous > 0)
            .collect()
    }

    /// The insights of one kind ("mood-with", …), in order.
    pub fn insights_of(&self, kind: &str) -> Vec<&Insight> {
        self.insights.iter().filter(|i| i.kind == kind).collect()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PeriodInfo {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub days: u32,
    /// How the period was chosen: "30d", "12w", "6m", "1y", "all", or null for --from/--to.
    pub span: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Range {
    pub from: NaiveDate,
    pub to: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Streak {
    /// Consecutive days written up to the period's last day (or the day before it).
    pub current: u32,
    /// The longest run of consecutive days written within the period.
    pub longest: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MoodSummary {
    pub average: Option<f64>,
    /// Entries with a mood.
    pub n: u32,
    pub previous_average: Option<f64>,
    pub previous_n: u32,
    pub trend: Trend,
    pub first_half: Half,
    pub second_half: Half,
    pub by_weekday: Vec<WeekdayMood>,
    pub weekly: Vec<WeekMood>,
}

/// A half of the period: its days, and the mood noted in it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Half {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub average: Option<f64>,
    pub n: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WeekdayMood {
    /// "Mon" … "Sun".
    pub weekday: String,
    pub average: Option<f64>,
    pub n: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WeekMood {
    /// The first day of the week; weeks count in sevens from the period's first day.
    pub week_start: NaiveDate,
    pub average: Option<f64>,
    pub n: u32,
    /// Entries that week, with or without a mood.
    pub entries: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FeelingCount {
    pub name: String,
    /// Entries in the period with this feeling (chosen or found in the text), each once.
    pub count: u32,
    pub previous: u32,
}

/// A trust sign or a theme: entries touching it, now and before, and its direction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SignalCount {
    pub name: String,
    pub label: String,
    pub count: u32,
    pub previous: u32,
    pub trend: Trend,
    /// Entries with it in the first half of the period, and entries written then.
    pub first_half: HalfCount,
    pub second_half: HalfCount,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HalfCount {
    pub count: u32,
    pub entries: u32,
}

/// Mean mood of entries with something versus the other entries with a mood.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MoodWith {
    /// "feeling", "tag", "theme", "prompt" or "weekday".
    pub kind: String,
    pub name: String,
    pub mood_with: f64,
    pub mood_without: f64,
    pub n_with: u32,
    pub n_without: u32,
    pub difference: f64,
    /// Whether the difference passes the rule and is called one.
    pub claimed: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Language {
    /// Entries with a stored analysis, in the period and the one before.
    pub n: u32,
    pub previous_n: u32,
    pub words_per_entry: Measure,
    /// The rest are per 100 words.
    pub insight: Measure,
    pub causal: Measure,
    pub absolutist: Measure,
    pub positive: Measure,
    pub negative: Measure,
    pub i_words: Measure,
    pub we_words: Measure,
    /// "I" words for each "we" word.
    pub i_we_ratio: Measure,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Measure {
    pub value: Option<f64>,
    pub previous: Option<f64>,
    /// value − previous, only when both periods have at least 5 entries.
    pub change: Option<f64>,
    pub n: u32,
    pub previous_n: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Prompts {
    /// Entries answering a prompt in the period.
    pub answered: u32,
    pub answered_by_theme: Vec<ThemeAnswers>,
    pub least_explored: Option<LeastExplored>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ThemeAnswers {
    pub theme: String,
    pub count: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LeastExplored {
    pub theme: String,
    pub title: String,
    /// Answers to this theme's prompts in the period.
    pub count: u32,
    pub prompt: PromptChoice,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PromptChoice {
    pub id: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Milestone {
    pub id: i64,
    pub day: NaiveDate,
    /// The entry's first line.
    pub text: String,
}

/// One claimed pattern, with the entries it rests on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Insight {
    /// "mood-trend", "sign-trend", "theme-trend" or "mood-with".
    pub kind: String,
    pub text: String,
    /// Entry ids, oldest first.
    pub entries: Vec<i64>,
    /// The day of each entry in `entries`, in the same order.
    pub days: Vec<NaiveDate>,
}
