//! The summary as plain data: what `compute` returns, what `--json` prints (the shape is
//! documented in docs/summary.md and only ever grows), and what the renderers read.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

pub use super::rules::{GroupKind, TestKind, Trend};

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
    /// False when the period holds too little writing for any pattern (fewer than 14 days
    /// written).
    pub enough_writing: bool,
    /// How many tests this summary ran: the family Holm's correction is taken over.
    #[serde(default)]
    pub tests: u32,
    /// Moments turned toward and intentions kept (summary/practices.rs).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub practices: Option<super::practices::Practices>,
}

impl Summary {
    /// The trust signs worth a line: seen in this period or in the one before.
    pub fn signs_seen(&self) -> Vec<&SignalCount> {
        self.signs
            .iter()
            .filter(|t| t.count > 0 || t.previous > 0)
            .collect()
    }

    /// The insights of one kind, in order.
    pub fn insights_of(&self, kind: InsightKind) -> Vec<&Insight> {
        self.insights.iter().filter(|i| i.kind == kind).collect()
    }

    /// The claims (every insight but the notes that something cannot be told apart).
    pub fn claims(&self) -> impl Iterator<Item = &Insight> {
        self.insights
            .iter()
            .filter(|i| i.kind != InsightKind::CannotSeparate)
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
    /// Days with a mood (a day's mood is the mean of its entries'), now and before.
    #[serde(default)]
    pub days: u32,
    #[serde(default)]
    pub previous_days: u32,
    /// The average of the days' moods, now and before: what changes are judged on.
    #[serde(default)]
    pub day_average: Option<f64>,
    #[serde(default)]
    pub previous_day_average: Option<f64>,
    pub trend: Trend,
    /// Against the period before: "up", "down", "flat" or "unknown".
    #[serde(default = "unknown")]
    pub change: Trend,
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
    /// Days with a mood in this half.
    #[serde(default)]
    pub days: u32,
}

fn unknown() -> Trend {
    Trend::Unknown
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
    #[serde(flatten)]
    pub rate: Rate,
}

/// How often something came up as a share of days, now and before, and which way it moved.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Rate {
    /// Days with it, now and before.
    pub days: u32,
    pub previous_days: u32,
    /// Days with it out of the days written, now and before.
    pub share: Option<f64>,
    pub previous_share: Option<f64>,
    /// Entries with it per 1,000 words written (analysed entries only), now and before.
    pub per_1000_words: Option<f64>,
    pub previous_per_1000_words: Option<f64>,
    /// Within the period (second half against the first).
    pub trend: Trend,
    /// Against the period before.
    pub change: Trend,
}

/// A trust sign or a theme: entries touching it, now and before, and its direction.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SignalCount {
    pub name: String,
    pub label: String,
    pub count: u32,
    pub previous: u32,
    /// Day shares, per 1,000 words, the trend and the change against the period before.
    #[serde(flatten)]
    pub rate: Rate,
    /// Entries with it in the first half of the period, and entries written then.
    pub first_half: HalfCount,
    pub second_half: HalfCount,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct HalfCount {
    pub count: u32,
    pub entries: u32,
    /// Days with it, and days written, in this half.
    #[serde(default)]
    pub days_with: u32,
    #[serde(default)]
    pub days: u32,
}

/// Mean mood of days with something versus the other days with a mood.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MoodWith {
    pub kind: GroupKind,
    pub name: String,
    pub mood_with: f64,
    pub mood_without: f64,
    /// Days on each side.
    pub n_with: u32,
    pub n_without: u32,
    /// `mood_with − mood_without`.
    pub difference: f64,
    /// The difference within the same weeks: what is tested.
    #[serde(default)]
    pub within_weeks: f64,
    #[serde(default = "one")]
    pub p: f64,
    #[serde(default = "one")]
    pub p_adjusted: f64,
    /// False when its days bunch into one half of the period, so that it cannot be told
    /// apart from a change of mood over time.
    #[serde(default)]
    pub separable: bool,
    /// Whether the difference passes the rule and is called one.
    pub claimed: bool,
}

fn one() -> f64 {
    1.0
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

/// What an insight says.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum InsightKind {
    MoodTrend,
    SignTrend,
    ThemeTrend,
    FeelingTrend,
    MoodChange,
    SignChange,
    ThemeChange,
    FeelingChange,
    MoodWith,
    /// Not a claim: something came at the same time as a change of mood, so mend cannot
    /// tell which goes with which.
    CannotSeparate,
}

/// One claimed pattern (or one note that two things cannot be told apart), with the entries
/// it rests on.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Insight {
    pub kind: InsightKind,
    pub text: String,
    /// Entry ids, oldest first.
    pub entries: Vec<i64>,
    /// The day of each entry in `entries`, in the same order.
    pub days: Vec<NaiveDate>,
    /// How sure the claim is (absent for notes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<Evidence>,
}

/// The test behind a claim, its corrected p-value and a 90% interval for the difference.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub test: TestKind,
    /// The test in words.
    pub method: String,
    pub p: f64,
    /// After Holm's correction over the summary's `tests`.
    pub p_adjusted: f64,
    /// The difference claimed (mood points, or a share of days).
    pub difference: f64,
    /// A bootstrap 90% interval for it, over days.
    pub interval: [f64; 2],
    /// Days on each side (first half and second; before and now; with and without).
    pub days: [u32; 2],
    /// Rates were compared per word, because entries grew longer or shorter.
    pub per_word: bool,
}
