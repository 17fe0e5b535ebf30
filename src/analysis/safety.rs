//! Safety phrases (lexicon/safety.toml): whether an entry should be followed by a short note
//! pointing to crisis help. Cheap on purpose: no sentiment model is loaded for it.

use super::Concern;
use super::lexicons::safety_matcher;
use super::tokens::Tokens;

/// Negation is not applied: a note shown by mistake costs far less than one missed.
pub fn concerns(text: &str) -> Vec<Concern> {
    let counts = safety_matcher().count(&Tokens::new(text), 2);
    [Concern::SelfHarm, Concern::Abuse]
        .into_iter()
        .zip(counts)
        .filter(|&(_, n)| n > 0)
        .map(|(concern, _)| concern)
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::analysis::lexicons::safety_file;
    use crate::analysis::{Concern, safety_concerns};

    #[test]
    fn every_example_raises_a_concern_and_no_idiom_does() {
        let tests = safety_file().unwrap().tests;
        for example in &tests.examples {
            assert!(
                !safety_concerns(example).is_empty(),
                "no concern for {example:?}"
            );
        }
        for idiom in &tests.non_examples {
            assert_eq!(safety_concerns(idiom), [], "concern for {idiom:?}");
        }
    }

    #[test]
    fn concerns_are_told_apart_and_not_negated() {
        assert_eq!(safety_concerns("I want to die."), [Concern::SelfHarm]);
        assert_eq!(safety_concerns("He hit me again."), [Concern::Abuse]);
        assert_eq!(
            safety_concerns("He hit me and I want to die"),
            [Concern::SelfHarm, Concern::Abuse]
        );
        assert_eq!(
            safety_concerns("I don\u{2019}t want to be here anymore"),
            [Concern::SelfHarm]
        );
        assert_eq!(
            safety_concerns("I'm not suicidal, I think"),
            [Concern::SelfHarm]
        );
        assert_eq!(
            safety_concerns("I SELF-HARMED last year"),
            [Concern::SelfHarm]
        );
        assert_eq!(safety_concerns(""), []);
    }
}
