//! The built-in word lists (lexicon/*.toml), compiled into one matcher when mend is built
//! (build/lexicons.rs): the `Lexicon` is a static, and nothing of it is parsed or filled when a
//! command runs.

use super::matcher::{Matcher, Term};
use super::patterns::Groups;
use super::reading::Class;
use super::table::{Slot, Table};

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
    /// The feelings' names, in the vocabulary's order.
    pub feelings: &'static [&'static str],
    /// The signs' ids, in signs.toml order.
    pub signs: &'static [&'static str],
    /// The themes' ids, in themes.toml order.
    pub themes: &'static [&'static str],
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

include!(concat!(env!("OUT_DIR"), "/lexicon.rs"));

/// The analysis lexicon.
pub fn lexicon() -> &'static Lexicon {
    &LEXICON
}

/// Each sign's id, label and description, in signs.toml order.
pub fn sign_labels() -> &'static [(&'static str, &'static str, &'static str)] {
    SIGN_LABELS
}

/// Each theme's id and label, in themes.toml order.
pub fn theme_labels() -> &'static [(&'static str, &'static str)] {
    THEME_LABELS
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::tokens::Tokens;

    #[test]
    fn all_lexicons_compile() {
        let lexicon = lexicon();
        assert!(lexicon.feelings.len() >= 40);
        assert_eq!(
            lexicon.signs,
            ["doubt", "jealousy", "reassurance", "avoidance", "checking"]
        );
        assert_eq!(lexicon.groups(), lexicon.matcher.groups);
        assert_eq!(WRITTEN.len(), lexicon.matcher.terms.len());
        assert!(WRITTEN.len() > 1000);
    }

    /// The build compiled each term with the tokeniser text is read with.
    #[test]
    fn each_term_has_the_words_the_tokeniser_reads() {
        let m = &lexicon().matcher;
        for (term, (list, written)) in m.terms.iter().zip(WRITTEN) {
            let words: Vec<&str> = m.words[term.words.0 as usize..term.words.1 as usize]
                .iter()
                .map(|&(at, len)| &m.text[at as usize..(at + len) as usize])
                .collect();
            let body = written.strip_suffix('*').unwrap_or(written);
            let read: Vec<String> = Tokens::new(body).iter().map(String::from).collect();
            assert_eq!(words, read, "{list}: {written:?}");
            assert_eq!(
                term.prefix_last,
                written.ends_with('*'),
                "{list}: {written:?}"
            );
        }
    }

    /// Every term, written out as text, is found there as a match of its group.
    #[test]
    fn each_term_matches_its_own_words() {
        let m = &lexicon().matcher;
        for (term, (list, written)) in m.terms.iter().zip(WRITTEN) {
            let text = written.strip_suffix('*').unwrap_or(written);
            let tokens = Tokens::new(text);
            let hits = m.hits(&tokens);
            assert!(
                hits.iter().any(|h| h.start == 0
                    && h.len == tokens.len()
                    && h.group == term.group
                    && !h.negated),
                "{list}: {written:?} is not found in its own words ({hits:?})"
            );
        }
    }

    #[test]
    fn theme_ids_are_the_prompt_themes() {
        let known = crate::prompts::library::THEMES;
        assert_eq!(theme_labels().len(), known.len());
        for (id, _) in theme_labels() {
            assert!(known.contains(id), "unknown theme {id}");
            let list = format!("theme {id}");
            assert!(
                WRITTEN.iter().any(|(l, _)| *l == list),
                "theme {id} has no terms"
            );
        }
    }

    #[test]
    fn no_list_repeats_a_term() {
        let mut seen = std::collections::HashSet::new();
        for (list, term) in WRITTEN {
            assert!(seen.insert((list, term)), "{list} repeats {term:?}");
        }
    }
}
