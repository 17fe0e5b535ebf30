//! The feelings vocabulary (lexicon/feelings.toml): families, names, and the word forms that
//! point to each name. Turned into Rust when mend is built (build/lexicons.rs, which refuses a
//! file that does not have this shape), so nothing is parsed when a command runs.

use anyhow::{Result, bail};

#[derive(Debug)]
pub struct Vocabulary {
    pub families: &'static [Family],
}

#[derive(Debug)]
pub struct Family {
    pub id: &'static str,
    pub label: &'static str,
    pub feelings: &'static [Feeling],
}

#[derive(Debug)]
pub struct Feeling {
    pub name: &'static str,
    pub forms: &'static [&'static str],
}

include!(concat!(env!("OUT_DIR"), "/feelings.rs"));

/// The vocabulary built into the binary.
pub fn vocabulary() -> &'static Vocabulary {
    &VOCABULARY
}

impl Vocabulary {
    pub fn feelings(&self) -> impl Iterator<Item = (&'static Family, &'static Feeling)> {
        self.families
            .iter()
            .flat_map(|f| f.feelings.iter().map(move |feeling| (f, feeling)))
    }

    /// The stored name for what a person typed: a name ("anger") or a form ("angry").
    pub fn resolve(&self, word: &str) -> Result<String> {
        let word = word.trim().to_lowercase();
        for (_, feeling) in self.feelings() {
            if feeling.name == word || feeling.forms.iter().any(|f| *f == word) {
                return Ok(feeling.name.to_string());
            }
        }
        let mut scored: Vec<(f64, &str)> = self
            .feelings()
            .flat_map(|(_, f)| {
                let word = word.as_str();
                std::iter::once(f.name)
                    .chain(f.forms.iter().copied())
                    .map(move |candidate| (strsim::jaro_winkler(word, candidate), f.name))
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
        let names: Vec<&str> = v.feelings().map(|(_, f)| f.name).collect();
        assert!(names.len() >= 40, "{} feelings", names.len());
        let mut all: Vec<&str> = v
            .feelings()
            .flat_map(|(_, f)| std::iter::once(f.name).chain(f.forms.iter().copied()))
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
