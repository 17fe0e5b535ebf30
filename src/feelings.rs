//! The feelings vocabulary (lexicon/feelings.toml): families, names, and the word forms that
//! point to each name.

use std::sync::OnceLock;

use anyhow::{Result, bail};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Vocabulary {
    #[serde(rename = "family")]
    pub families: Vec<Family>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Family {
    pub id: String,
    pub label: String,
    pub feelings: Vec<Feeling>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Feeling {
    pub name: String,
    #[serde(default)]
    pub forms: Vec<String>,
}

/// The vocabulary built into the binary, parsed on first use only.
pub fn vocabulary() -> &'static Vocabulary {
    static VOCABULARY: OnceLock<Vocabulary> = OnceLock::new();
    VOCABULARY.get_or_init(|| {
        toml::from_str(include_str!("../lexicon/feelings.toml"))
            .expect("the built-in feelings vocabulary is valid (checked by a unit test)")
    })
}

impl Vocabulary {
    pub fn feelings(&self) -> impl Iterator<Item = (&Family, &Feeling)> {
        self.families
            .iter()
            .flat_map(|f| f.feelings.iter().map(move |feeling| (f, feeling)))
    }

    /// The stored name for what a person typed: a name ("anger") or a form ("angry").
    pub fn resolve(&self, word: &str) -> Result<String> {
        let word = word.trim().to_lowercase();
        for (_, feeling) in self.feelings() {
            if feeling.name == word || feeling.forms.iter().any(|f| f == &word) {
                return Ok(feeling.name.clone());
            }
        }
        let mut scored: Vec<(f64, &str)> = self
            .feelings()
            .flat_map(|(_, f)| {
                let word = word.as_str();
                std::iter::once(f.name.as_str())
                    .chain(f.forms.iter().map(String::as_str))
                    .map(move |candidate| (strsim::jaro_winkler(word, candidate), f.name.as_str()))
            })
            .collect();
        scored.sort_by(|a, b| b.0.total_cmp(&a.0));
        let mut suggestions: Vec<&str> = Vec::new();
        for (score, name) in scored {
            if score < 0.75 || suggestions.len() == 3 {
                break;
            }
            if !suggestions.contains(&name) {
                suggestions.push(name);
            }
        }
        if suggestions.is_empty() {
            bail!(
                "\"{word}\" is not in the feelings list — `mend feelings` shows every word you can use"
            );
        }
        bail!(
            "\"{word}\" is not in the feelings list — did you mean {}? (`mend feelings` shows them all)",
            suggestions.join(", ")
        )
    }

    /// Resolves a list of feelings (comma lists allowed), keeping order and dropping repeats.
    pub fn resolve_all<S: AsRef<str>>(&self, words: &[S]) -> Result<Vec<String>> {
        let mut out = Vec::new();
        for word in crate::model::normalize_labels(words) {
            let name = self.resolve(&word)?;
            if !out.contains(&name) {
                out.push(name);
            }
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vocabulary_is_rich_and_unambiguous() {
        let v = vocabulary();
        assert!(v.families.len() >= 10);
        let names: Vec<&str> = v.feelings().map(|(_, f)| f.name.as_str()).collect();
        assert!(names.len() >= 40, "{} feelings", names.len());
        let mut all: Vec<&str> = v
            .feelings()
            .flat_map(|(_, f)| {
                std::iter::once(f.name.as_str()).chain(f.forms.iter().map(String::as_str))
            })
            .collect();
        let total = all.len();
        all.sort_unstable();
        all.dedup();
        assert_eq!(all.len(), total, "a word appears twice in the vocabulary");
        for word in [
            "sadness",
            "anger",
            "betrayal",
            "jealousy",
            "hope",
            "relief",
            "gratitude",
            "doubt",
        ] {
            assert!(names.contains(&word), "{word} missing");
        }
    }

    #[test]
    fn resolves_forms_and_suggests_near_misses() {
        let v = vocabulary();
        assert_eq!(v.resolve("Jealous").unwrap(), "jealousy");
        assert_eq!(v.resolve("betrayed").unwrap(), "betrayal");
        let err = v.resolve("angr").unwrap_err().to_string();
        assert!(
            err.contains("did you mean") && err.contains("anger"),
            "{err}"
        );
        assert_eq!(
            v.resolve_all(&["anger, sadness", "angry"]).unwrap(),
            vec!["anger", "sadness"]
        );
    }
}
