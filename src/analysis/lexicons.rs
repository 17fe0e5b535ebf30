//! The built-in word lists (lexicon/*.toml): their file formats, and the matchers compiled
//! from them once, on first use.

use std::sync::OnceLock;

use serde::Deserialize;

use super::matcher::Matcher;
use super::patterns::Groups;
use super::reading::Class;

const SIGNS: &str = include_str!("../../lexicon/signs.toml");
const THEMES: &str = include_str!("../../lexicon/themes.toml");
const MARKERS: &str = include_str!("../../lexicon/markers.toml");

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SignsFile {
    #[serde(rename = "sign")]
    pub signs: Vec<Sign>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sign {
    pub id: String,
    pub label: String,
    pub description: String,
    pub terms: Vec<String>,
    #[serde(default)]
    pub vague: Vec<String>,
    #[serde(default)]
    pub suspected: Vec<String>,
    #[serde(default)]
    pub looking: Vec<String>,
    #[serde(default)]
    pub looking_mine: Vec<String>,
    #[serde(default)]
    pub triggers: Vec<String>,
    #[serde(default)]
    pub asked: Vec<String>,
    #[serde(default)]
    pub kept: Vec<String>,
    #[serde(default)]
    pub honesty: Vec<String>,
    #[serde(default)]
    pub credence: Vec<String>,
    #[serde(default)]
    pub withheld: Vec<String>,
}

impl Sign {
    /// Every list of the sign with the class its matches are read as.
    pub fn lists(&self) -> [(&Vec<String>, Class); 11] {
        [
            (&self.terms, Class::Sign),
            (&self.vague, Class::Vague),
            (&self.suspected, Class::Suspected),
            (&self.looking, Class::Looking),
            (&self.looking_mine, Class::LookingMine),
            (&self.triggers, Class::Trigger),
            (&self.asked, Class::Asked),
            (&self.kept, Class::Kept),
            (&self.honesty, Class::Honesty),
            (&self.credence, Class::Credence),
            (&self.withheld, Class::Withheld),
        ]
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ThemesFile {
    #[serde(rename = "theme")]
    pub themes: Vec<Theme>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Theme {
    pub id: String,
    pub label: String,
    pub terms: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TermList {
    pub terms: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MarkersFile {
    pub insight: TermList,
    pub causal: TermList,
    pub absolutist: TermList,
    pub positive: TermList,
    pub negative: TermList,
    pub first_singular: TermList,
    pub first_plural: TermList,
    pub accountability: TermList,
}

impl MarkersFile {
    /// The lists in `Marker` order, each with whether negation applies to it.
    fn lists(&self) -> [(&TermList, bool); MARKER_COUNT] {
        [
            (&self.insight, false),
            (&self.causal, false),
            (&self.absolutist, false),
            (&self.positive, true),
            (&self.negative, true),
            (&self.first_singular, false),
            (&self.first_plural, false),
        ]
    }
}

/// Marker lists, in the order of their groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Marker {
    Insight,
    Causal,
    Absolutist,
    Positive,
    Negative,
    I,
    We,
}

pub const MARKER_COUNT: usize = 7;

/// Everything `analyse` matches, in one matcher so an entry is scanned once. Groups are laid
/// out as feelings, then signs, then themes, then markers, then accountability.
#[derive(Debug)]
pub struct Lexicon {
    pub matcher: Matcher,
    pub feelings: Vec<&'static str>,
    pub signs: Vec<String>,
    pub themes: Vec<String>,
    /// The groups of the signs `patterns` finds.
    pub pattern_groups: Groups,
}

impl Lexicon {
    pub fn groups(&self) -> usize {
        self.accountability_group() + 1
    }

    pub fn accountability_group(&self) -> usize {
        self.feelings.len() + self.signs.len() + self.themes.len() + MARKER_COUNT
    }

    pub fn sign_group(&self, i: usize) -> usize {
        self.feelings.len() + i
    }

    pub fn theme_group(&self, i: usize) -> usize {
        self.feelings.len() + self.signs.len() + i
    }

    pub fn marker_group(&self, marker: Marker) -> usize {
        self.feelings.len() + self.signs.len() + self.themes.len() + marker as usize
    }
}

pub fn parse<'a, T: Deserialize<'a>>(name: &str, source: &'a str) -> Result<T, String> {
    toml::from_str(source).map_err(|e| format!("lexicon/{name}: {e}"))
}

pub fn signs_file() -> Result<SignsFile, String> {
    parse("signs.toml", SIGNS)
}

pub fn themes_file() -> Result<ThemesFile, String> {
    parse("themes.toml", THEMES)
}

pub fn markers_file() -> Result<MarkersFile, String> {
    parse("markers.toml", MARKERS)
}

fn group(n: usize) -> Result<u32, String> {
    u32::try_from(n).map_err(|_| "too many groups".to_string())
}

fn add_all<'a>(
    matcher: &mut Matcher,
    file: &str,
    terms: impl IntoIterator<Item = &'a String>,
    group: u32,
    negation: bool,
) -> Result<(), String> {
    add_classed(matcher, file, terms, group, negation, |_| Class::Plain)
}

fn add_classed<'a>(
    matcher: &mut Matcher,
    file: &str,
    terms: impl IntoIterator<Item = &'a String>,
    group: u32,
    negation: bool,
    class: impl Fn(&str) -> Class,
) -> Result<(), String> {
    for term in terms {
        matcher
            .add_classed(term, group, negation, class(term) as u8)
            .map_err(|e| format!("lexicon/{file}: {e}"))?;
    }
    Ok(())
}

/// How a feeling's word is read: most name the feeling outright; some have everyday senses,
/// some name what one person did to another, and trust, love, doubt and suspicion have their
/// own tests (see `reading`).
fn feeling_class(name: &str, term: &str) -> Class {
    match name {
        "trust" => return Class::FeelingTrust,
        "love" => return Class::FeelingLove,
        "doubt" | "suspicion" => return Class::FeelingAboutPartner,
        _ => {}
    }
    match term {
        "close to" | "connected" | "settled" | "alone" | "empty" | "hollow" | "drained"
        | "tense" | "tension" | "safe" | "safer" | "protected" | "secure" | "grounded"
        | "accepted" | "understood" | "valued" | "crushed" | "torn" | "invisible" | "unseen"
        | "overlooked" | "upbeat" | "encouraged" | "lighter" | "relaxed" | "warmth" | "tender"
        | "shut down" | "detached" | "numb" | "intimate" | "appreciate" | "appreciated"
        | "fed up" | "on edge" | "dread" => Class::FeelingVague,
        "hurt" | "hurting" | "betrayed" | "betray" | "betraying" | "cheated on" | "deceived"
        | "lied to" | "rejected" | "pushed away" | "abandoned" | "deserted" | "left behind"
        | "let down" | "neglected" | "ignored" | "disappointed" | "humiliated" => {
            Class::FeelingObject
        }
        _ => Class::Feeling,
    }
}

pub fn build_lexicon() -> Result<Lexicon, String> {
    let vocabulary = crate::feelings::vocabulary();
    let signs = signs_file()?;
    let themes = themes_file()?;
    let markers = markers_file()?;
    let mut lexicon = Lexicon {
        matcher: Matcher::new(false),
        feelings: Vec::new(),
        signs: signs.signs.iter().map(|s| s.id.clone()).collect(),
        themes: themes.themes.iter().map(|t| t.id.clone()).collect(),
        pattern_groups: Groups {
            doubt: 0,
            jealousy: 0,
            reassurance: 0,
            avoidance: 0,
            checking: 0,
        },
    };
    let sign_group = |id: &str, lexicon: &Lexicon| -> Result<u32, String> {
        let i = lexicon
            .signs
            .iter()
            .position(|s| s == id)
            .ok_or_else(|| format!("lexicon/signs.toml: no sign {id:?}"))?;
        group(lexicon.feelings.len() + i)
    };
    for (_, feeling) in vocabulary.feelings() {
        let g = group(lexicon.feelings.len())?;
        lexicon.feelings.push(feeling.name.as_str());
        let terms = std::iter::once(&feeling.name).chain(&feeling.forms);
        let name = feeling.name.as_str();
        add_classed(&mut lexicon.matcher, "feelings.toml", terms, g, true, |t| {
            feeling_class(name, t)
        })?;
    }
    lexicon.pattern_groups = Groups {
        doubt: sign_group("doubt", &lexicon)?,
        jealousy: sign_group("jealousy", &lexicon)?,
        reassurance: sign_group("reassurance", &lexicon)?,
        avoidance: sign_group("avoidance", &lexicon)?,
        checking: sign_group("checking", &lexicon)?,
    };
    for (i, sign) in signs.signs.iter().enumerate() {
        let g = group(lexicon.sign_group(i))?;
        for (terms, class) in sign.lists() {
            add_classed(&mut lexicon.matcher, "signs.toml", terms, g, true, |_| {
                class
            })?;
        }
    }
    for (i, theme) in themes.themes.iter().enumerate() {
        let g = group(lexicon.theme_group(i))?;
        add_all(&mut lexicon.matcher, "themes.toml", &theme.terms, g, true)?;
    }
    let kinds = [
        Marker::Insight,
        Marker::Causal,
        Marker::Absolutist,
        Marker::Positive,
        Marker::Negative,
        Marker::I,
        Marker::We,
    ];
    for (kind, (list, negation)) in kinds.into_iter().zip(markers.lists()) {
        let g = group(lexicon.marker_group(kind))?;
        add_all(
            &mut lexicon.matcher,
            "markers.toml",
            &list.terms,
            g,
            negation,
        )?;
    }
    let g = group(lexicon.accountability_group())?;
    add_classed(
        &mut lexicon.matcher,
        "markers.toml",
        &markers.accountability.terms,
        g,
        true,
        |_| Class::Accountability,
    )?;
    Ok(lexicon)
}

/// The analysis lexicon, compiled on first use.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        build_lexicon().expect("the built-in lexicons are valid (checked by a unit test)")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_lexicons_parse_and_compile() {
        let lexicon = build_lexicon().unwrap();
        assert!(lexicon.feelings.len() >= 40);
        assert_eq!(
            lexicon.signs,
            ["doubt", "jealousy", "reassurance", "avoidance", "checking"]
        );
    }

    #[test]
    fn theme_ids_are_the_prompt_themes() {
        let known = crate::prompts::library::THEMES;
        let themes = themes_file().unwrap();
        assert_eq!(themes.themes.len(), known.len());
        for theme in &themes.themes {
            assert!(
                known.contains(&theme.id.as_str()),
                "unknown theme {}",
                theme.id
            );
            assert!(!theme.terms.is_empty(), "theme {} has no terms", theme.id);
        }
    }

    #[test]
    fn no_list_repeats_a_term() {
        let signs = signs_file().unwrap();
        let themes = themes_file().unwrap();
        let markers = markers_file().unwrap();
        let mut lists: Vec<(&str, &Vec<String>)> = Vec::new();
        for sign in &signs.signs {
            lists.extend(sign.lists().map(|(l, _)| (sign.id.as_str(), l)));
        }
        lists.push(("accountability", &markers.accountability.terms));
        lists.extend(themes.themes.iter().map(|t| (t.id.as_str(), &t.terms)));
        lists.extend(markers.lists().map(|(l, _)| ("markers", &l.terms)));
        for (name, terms) in lists {
            let mut sorted: Vec<&String> = terms.iter().collect();
            sorted.sort();
            for pair in sorted.windows(2) {
                assert_ne!(pair[0], pair[1], "{name} repeats a term");
            }
        }
    }
}
