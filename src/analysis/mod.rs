//! Write-time text analysis: pure functions from text to measurements, no I/O.

mod lexicons;
mod matcher;
mod safety;
mod tokens;

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
// The vader-parity crate's code is MIT or Apache-2.0; the VADER lexicon it embeds is
// Hutto and Gilbert's, under the MIT licence.
use vader_parity::SentimentIntensityAnalyzer;

use lexicons::{Marker, lexicon};
use tokens::Tokens;

/// Bumped whenever a change to the code or the word lists could change an `Analysis`, so
/// stored analyses can be told apart from fresh ones.
pub const ANALYSER_VERSION: u32 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub version: u32,
    /// VADER compound score, -1 (negative) to 1 (positive).
    pub valence: f64,
    /// Words as the lexicons count them (see `tokens`).
    pub words: u32,
    /// Feeling names from the vocabulary, sorted.
    pub feelings: Vec<String>,
    /// Signs found, in signs.toml order.
    pub signs: Vec<Count>,
    /// Themes touched, in themes.toml order.
    pub themes: Vec<Count>,
    pub markers: Markers,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count {
    pub name: String,
    pub count: u32,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Markers {
    pub insight: u32,
    pub causal: u32,
    pub absolutist: u32,
    pub positive: u32,
    pub negative: u32,
    pub i: u32,
    pub we: u32,
}

pub use safety::{Concern, import_line as safety_import_line, note_text as safety_note_text};

/// A trust sign or theme as the word lists describe it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    pub id: String,
    pub label: String,
    pub description: String,
}

/// The trust signs, in the order of signs.toml.
pub fn sign_labels() -> Vec<Label> {
    lexicons::signs_file()
        .map(|f| {
            f.signs
                .into_iter()
                .map(|s| Label {
                    id: s.id,
                    label: s.label,
                    description: s.description,
                })
                .collect()
        })
        .unwrap_or_default()
}

/// The themes, in the order of themes.toml.
pub fn theme_labels() -> Vec<Label> {
    lexicons::themes_file()
        .map(|f| {
            f.themes
                .into_iter()
                .map(|t| Label {
                    id: t.id,
                    label: t.label,
                    description: String::new(),
                })
                .collect()
        })
        .unwrap_or_default()
}

/// What the text calls for a safety note about, in the order the notes are shown.
/// Cheap: it never loads the sentiment model.
pub fn safety_concerns(text: &str) -> Vec<Concern> {
    safety::concerns(text)
}

/// Built on the first analysis, not at start-up: parsing VADER's lexicon is the costliest
/// step, and most commands never need it.
fn vader() -> &'static SentimentIntensityAnalyzer {
    static VADER: OnceLock<SentimentIntensityAnalyzer> = OnceLock::new();
    VADER.get_or_init(SentimentIntensityAnalyzer::new)
}

/// The part of a text VADER scores: the first 64 KiB (about ten thousand words). Its cost
/// grows with length while its single number stops changing, and a 10 MB entry must still
/// save in moments.
fn sentiment_sample(text: &str) -> &str {
    const LIMIT: usize = 64 * 1024;
    if text.len() <= LIMIT {
        return text;
    }
    let mut end = LIMIT;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

pub fn analyse(text: &str) -> Analysis {
    let lexicon = lexicon();
    let tokens = Tokens::new(text);
    let counts = lexicon.matcher.count(&tokens, lexicon.groups());
    let mut feelings: Vec<String> = lexicon
        .feelings
        .iter()
        .zip(&counts)
        .filter(|&(_, &n)| n > 0)
        .map(|(name, _)| name.to_string())
        .collect();
    feelings.sort_unstable();
    feelings.dedup();
    let found = |ids: &[String], first_group: usize| -> Vec<Count> {
        ids.iter()
            .enumerate()
            .map(|(i, id)| Count {
                name: id.clone(),
                count: counts[first_group + i],
            })
            .filter(|c| c.count > 0)
            .collect()
    };
    let marker = |m: Marker| counts[lexicon.marker_group(m)];
    Analysis {
        version: ANALYSER_VERSION,
        // An entry of emoji alone has no words but still has a tone for VADER.
        valence: if text.trim().is_empty() {
            0.0
        } else {
            vader().polarity_scores(sentiment_sample(text)).compound
        },
        words: u32::try_from(tokens.len()).unwrap_or(u32::MAX),
        feelings,
        signs: found(&lexicon.signs, lexicon.sign_group(0)),
        themes: found(&lexicon.themes, lexicon.theme_group(0)),
        markers: Markers {
            insight: marker(Marker::Insight),
            causal: marker(Marker::Causal),
            absolutist: marker(Marker::Absolutist),
            positive: marker(Marker::Positive),
            negative: marker(Marker::Negative),
            i: marker(Marker::I),
            we: marker(Marker::We),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feelings(text: &str) -> Vec<String> {
        analyse(text).feelings
    }

    fn signs(text: &str) -> Vec<(String, u32)> {
        analyse(text)
            .signs
            .into_iter()
            .map(|c| (c.name, c.count))
            .collect()
    }

    fn has_theme(text: &str, theme: &str) -> bool {
        analyse(text).themes.iter().any(|c| c.name == theme)
    }

    #[test]
    fn finds_feelings_by_name_and_form() {
        assert_eq!(
            feelings("I felt so jealous when she texted him"),
            ["jealousy"]
        );
        assert_eq!(feelings("I was betrayed"), ["betrayal"]);
        assert_eq!(feelings("I'm so mad at him"), ["anger"]);
        assert_eq!(
            feelings("Grief, and then anger. Lonely, lonelier."),
            ["anger", "grief", "loneliness"]
        );
        assert_eq!(feelings("guilt-ridden all week"), ["guilt"]);
    }

    #[test]
    fn negated_feelings_are_not_found() {
        assert_eq!(feelings("I'm not jealous"), Vec::<String>::new());
        assert_eq!(feelings("I am not feeling betrayed"), Vec::<String>::new());
        assert_eq!(feelings("I wasn't angry. I was sad."), ["sadness"]);
    }

    #[test]
    fn phrases_match_only_consecutive_words_in_one_sentence() {
        assert_eq!(
            feelings("I was so mad. At least he listened."),
            Vec::<String>::new()
        );
        assert_eq!(feelings("mad, at him"), ["anger"]);
        assert_eq!(feelings("mad about him at work"), Vec::<String>::new());
    }

    #[test]
    fn finds_signs_of_trust_issues() {
        assert_eq!(
            signs("I checked his phone again"),
            [("checking".to_string(), 1)]
        );
        assert_eq!(signs("I never checked his phone"), []);
        assert_eq!(signs("I don't trust him"), [("doubt".to_string(), 1)]);
        assert_eq!(
            signs("I dont trust him and I'm not sure I can believe her"),
            [("doubt".to_string(), 2)]
        );
        assert_eq!(
            signs("I kept asking if she still loves me"),
            [("reassurance".to_string(), 2)]
        );
        assert_eq!(
            signs("Jealous again. I can't stop checking her phone"),
            [("jealousy".to_string(), 1), ("checking".to_string(), 1)]
        );
    }

    #[test]
    fn links_themes() {
        assert!(has_theme(
            "We talked for hours and I felt heard",
            "communication"
        ));
        assert!(has_theme("I want to forgive him", "forgiveness"));
        assert!(has_theme("It reminds me of my dad", "root-causes"));
        assert!(!has_theme("I don't want to forgive him", "forgiveness"));
        assert!(analyse("The weather was grey.").themes.is_empty());
    }

    #[test]
    fn counts_markers() {
        let m = analyse("He always lies and he never listens. Everything is ruined.").markers;
        assert_eq!(m.absolutist, 3);
        let m = analyse(
            "I think we are fine; my worry is mine, our plan is ours. I'm sure we'll manage.",
        )
        .markers;
        assert_eq!((m.i, m.we), (4, 4));
        let m = analyse("I got angry because he lied, and I realise why.").markers;
        assert_eq!((m.causal, m.insight), (2, 1));
        let m = analyse("I was happy, not sad.").markers;
        assert_eq!((m.positive, m.negative), (1, 0));
    }

    #[test]
    fn valence_follows_the_tone() {
        assert!(analyse("Today was wonderful. I feel loved, calm and grateful.").valence > 0.3);
        assert!(analyse("I feel awful, betrayed and hopeless. I hate this.").valence < -0.3);
        assert_eq!(analyse("").valence, 0.0);
        assert_eq!(analyse("  \n").words, 0);
        let emoji = analyse("\u{1F60A}");
        assert!(emoji.words == 0 && emoji.valence > 0.3, "{emoji:?}");
    }

    #[test]
    fn analysis_is_versioned_counted_and_serialisable() {
        let a = analyse("I don't trust him. I checked his phone because I was jealous.");
        assert_eq!(a.version, ANALYSER_VERSION);
        assert_eq!(a.words, 12);
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(serde_json::from_str::<Analysis>(&json).unwrap(), a);
    }
}
