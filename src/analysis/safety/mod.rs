//! Whether an entry should be followed by a safety note, and which one: thoughts of suicide
//! or self-harm, being harmed or controlled by someone, or harming a partner.
//!
//! The reader works on structure, not strings: who does what to whom within a clause
//! (`grammar`), read sentence by sentence over word lists kept as data
//! (lexicon/safety.toml, `words`). When in doubt between danger and an idiom it says yes: a
//! needless note costs less than a missed one. docs/safety.md tells the rules and the
//! measured recall and false alarms. Cheap on purpose: no sentiment model, one pass per rule,
//! and after the rules one linear model read from a table built into mend (`learned`).

mod control;
mod families;
mod frames;
mod grammar;
mod harm;
mod learned;
mod notes;
mod self_harm;
mod signs;
mod stalking;
mod text;
mod words;

use serde::Serialize;

pub use learned::{Read as LearnedRead, SELF_HARM_THRESHOLD};
pub use notes::{import_line, note_text};

/// What a text calls for, in the order the notes are shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Concern {
    /// Thoughts of suicide, or self-harm.
    SelfHarm,
    /// Being hurt, threatened, controlled or followed by someone.
    Harmed,
    /// Describing harm done to a partner.
    HarmingOthers,
}

/// The concerns a text raises, each once, in `Concern` order. The note for someone harmed and
/// the note for someone harming are never both given: when a text says both ("he hit me and I
/// hit him back"), the writer is first of all someone being hurt.
///
/// The rules speak first; the learned reader (`learned`) adds what they did not find, and a
/// harm note only where they gave none, and sets one of theirs aside only when all but sure it
/// is not that danger (`veto`).
pub fn concerns(text: &str) -> Vec<Concern> {
    join(&concerns_by_rules(text), learned::read(text))
}

/// How sure the learned reader must be before it turns the rules' harm note around: its chance
/// of the other direction in some sentence reaches `turn`, and its chance of the rules' own
/// direction stays under `keep` in every sentence.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Direction {
    pub turn: f32,
    pub keep: f32,
}

/// Chosen on the development sentences, each newest file left out of the model in turn
/// (`cross_check` in tests/safety_model.rs; docs/safety.md, "Who does what to whom"): first
/// 0.8 / 0.2; with `dev26.tsv` to `dev36.tsv` each left out, 0.7 / 0.3 read one more harm
/// sentence of each kind right and gave two fewer the other harm note, and nothing worse.
pub const DIRECTION: Direction = Direction {
    turn: 0.7,
    keep: 0.3,
};

/// The rules' concerns joined with the learned reader's: it adds self-harm, and a harm note only
/// where the rules gave neither. The trainer joins an unbuilt model the same way.
pub fn join(rules: &[Concern], model: LearnedRead) -> Vec<Concern> {
    join_with(rules, model, Some(DIRECTION), Some(VETO))
}

/// The chance under which the learned reader sets a concern of the rules aside: it must be
/// this sure, in every stretch of the text, that the words are not that danger. Chosen on the
/// development sentences, each of the eight newest files left out of the model in turn
/// (`cross_check` in tests/safety_model.rs; docs/safety.md, "When the reader is sure it is not
/// danger"): the highest tried at which the rules kept every danger sentence of theirs but
/// one in 2,266, while a quarter of their false alarms (a friend's story, the dog's bite, a
/// night long over) went: 103 in 1,252 everyday sentences against 135 with no veto. Chosen
/// again, unchanged, with each of the eleven newest files left out: the highest tried that
/// costs the rules under one danger sentence in a thousand (2 of 2,890; 139 needless notes in
/// 1,748 against 186).
pub const VETO: f32 = 0.05;

/// The concerns whose chance reached `below` in some stretch of the text. The rules read
/// words; a model that has learned from thousands of sentences whose story it is (a friend's,
/// a film's, the cat's) may be all but sure that the words are not the writer's danger, and
/// then the note is not shown. Anything less sure keeps the note: a needless note costs less
/// than a missed one. Being harmed and harming are weighed together, so that a note the rules
/// read the wrong way round is turned (`join_with`), never dropped.
fn veto(concerns: Vec<Concern>, model: LearnedRead, below: f32) -> Vec<Concern> {
    let [self_harm, harmed, harming] = model.most;
    let harm = harmed.max(harming);
    concerns
        .into_iter()
        .filter(|&c| match c {
            Concern::SelfHarm => self_harm >= below,
            Concern::Harmed | Concern::HarmingOthers => harm >= below,
        })
        .collect()
}

/// `join`, with the direction check and the veto given (`None`: the rules' direction always
/// stands; no concern of theirs is set aside).
///
/// The rules read who acts on whom from the clause, and sometimes read it backwards (the
/// writer watching an ex "after she blocked me" read as the ex's control). When the model,
/// which has learned the two voices from thousands of sentences, is all but sure of the other
/// direction and all but sure it is not the rules', its direction is taken.
pub fn join_with(
    rules: &[Concern],
    model: LearnedRead,
    direction: Option<Direction>,
    below: Option<f32>,
) -> Vec<Concern> {
    let has = |c: Concern| rules.contains(&c);
    let harm_by_rules = has(Concern::Harmed) || has(Concern::HarmingOthers);
    let from_model = |c: Concern| !harm_by_rules && model.harm == Some(c);
    let [_, harmed_most, harming_most] = model.most;
    let (mut harmed, mut harming) = (
        has(Concern::Harmed) || from_model(Concern::Harmed),
        has(Concern::HarmingOthers) || from_model(Concern::HarmingOthers),
    );
    if let Some(d) = direction {
        if harmed && harming_most >= d.turn && harmed_most < d.keep {
            (harmed, harming) = (false, true);
        } else if harming && !harmed && harmed_most >= d.turn && harming_most < d.keep {
            (harmed, harming) = (true, false);
        }
    }
    let joined = listed(has(Concern::SelfHarm) || model.self_harm, harmed, harming);
    match below {
        Some(below) => veto(joined, model, below),
        None => joined,
    }
}

/// The concerns the rules alone find, in `Concern` order: what the learned reader is trained
/// beside (an everyday sentence of the trust corpus the rules read as danger is not taught to
/// it as safe).
pub fn concerns_by_rules(text: &str) -> Vec<Concern> {
    let (self_harm, harmed, harming) = by_rules(text);
    listed(self_harm, harmed, harming)
}

/// The concerns in `Concern` order; being harmed wins over harming.
fn listed(self_harm: bool, harmed: bool, harming: bool) -> Vec<Concern> {
    [
        (self_harm, Concern::SelfHarm),
        (harmed, Concern::Harmed),
        (harming && !harmed, Concern::HarmingOthers),
    ]
    .into_iter()
    .filter_map(|(yes, c)| yes.then_some(c))
    .collect()
}

/// What the rules read: thoughts of self-harm, being harmed, harming.
fn by_rules(text: &str) -> (bool, bool, bool) {
    let words = words::words();
    let (mut self_harm, mut harmed, mut harming) = (false, false, false);
    let sentences = text::sentences(text);
    // "i want to die lol. like actually not joking this time": a joke denied anywhere in the
    // text takes the joke away from every sentence of it. Looked for only once a sentence
    // reads as a joke, so most texts never pay for it.
    let mut earnest = None;
    let denied_joke = || {
        sentences.iter().any(|s| {
            s.words.windows(2).any(|p| {
                matches!(
                    (p[0].as_str(), p[1].as_str()),
                    ("not", "joking" | "kidding")
                        | ("no", "joke")
                        | ("mean", "it")
                        | ("am", "serious")
                )
            })
        })
    };
    for (n, sentence) in sentences.iter().enumerate() {
        if !words.triggers.any(sentence)
            && !frames::triggered(sentence)
            && !frames::broad_triggered(sentence)
        {
            continue;
        }
        let mut reader = grammar::Reader::new(sentence, words);
        if reader.humour && *earnest.get_or_insert_with(denied_joke) {
            reader.humour = false;
        }
        if reader.elsewhere {
            continue;
        }
        if reader.creature {
            self_harm |= self_harm::thought(&reader);
            continue;
        }
        self_harm |= self_harm::read(&reader)
            || families::self_harm(&reader)
            || self_harm::stopped_medicine(&reader, sentences.get(n + 1))
            || frames::self_harm(&reader, sentences.get(n + 1))
            || frames::broad_self_harm(&reader, sentences.get(n + 1));
        let mut harm = harm::read(&reader);
        frames::harm(&reader, &mut harm);
        frames::broad_harm(&reader, &mut harm);
        harmed |= harm.harmed;
        harming |= harm.harming;
        if self_harm && harmed {
            break;
        }
    }
    (self_harm, harmed, harming)
}

#[cfg(test)]
mod tests {
    use super::{
        Concern, DIRECTION, LearnedRead, VETO, concerns, concerns_by_rules, join_with, veto,
    };

    #[test]
    fn concerns_are_told_apart() {
        assert_eq!(concerns("I want to die."), [Concern::SelfHarm]);
        assert_eq!(concerns("He hit me again."), [Concern::Harmed]);
        assert_eq!(concerns("I shoved him."), [Concern::HarmingOthers]);
        assert_eq!(
            concerns("He hit me and I want to die"),
            [Concern::SelfHarm, Concern::Harmed]
        );
        assert_eq!(concerns("He hit me. So I hit him back."), [Concern::Harmed]);
        assert_eq!(
            concerns("i want to die lol. not joking this time"),
            [Concern::SelfHarm]
        );
        assert_eq!(concerns("I SELF-HARMED last night"), [Concern::SelfHarm]);
        assert_eq!(concerns(""), []);
    }

    #[test]
    fn idioms_raise_nothing() {
        for text in [
            "This commute is killing me.",
            "She beat me at tennis.",
            "The baby kicks me all night.",
            "He takes my phone charger.",
            "My manager controls my schedule.",
            "We watched a documentary about abuse.",
            "I nearly died of embarrassment.",
        ] {
            assert_eq!(concerns(text), [], "{text:?}");
        }
    }

    #[test]
    fn an_animal_or_a_child_is_not_the_one_the_notes_are_for() {
        for text in [
            "The puppy bit my ankle so hard it bled.",
            "Ferret bit me again.",
            "The horse threw me in the arena and I've got a bruise on my hip.",
            "My toddler kicked me in the face at bath time.",
        ] {
            assert_eq!(concerns_by_rules(text), [], "{text:?}");
        }
        // Anyone else named, even by a pronoun, may be the one who hurts; thoughts of dying
        // are read whatever the sentence is about.
        for (text, want) in [
            (
                "My kids watched him push me into the wall.",
                Concern::Harmed,
            ),
            (
                "The dog bit me and then my husband hit me.",
                Concern::Harmed,
            ),
            (
                "My daughter found me after I cut myself.",
                Concern::SelfHarm,
            ),
            ("The dog died and I want to die too.", Concern::SelfHarm),
            ("She hit me with the TV remote.", Concern::Harmed),
            ("Sam's ex hit me outside the pub.", Concern::Harmed),
            (
                "I shoved him off because he had me pinned against the fridge.",
                Concern::Harmed,
            ),
            ("He came at me with the belt again.", Concern::Harmed),
        ] {
            assert!(concerns_by_rules(text).contains(&want), "{text:?}");
        }
    }

    #[test]
    fn someone_elses_partner_is_their_story() {
        for text in [
            "Ben's ex keeps threatening to post his photos online.",
            "My sister's ex turned up at her work again.",
            "My boss came at me with questions about the budget.",
        ] {
            assert_eq!(concerns_by_rules(text), [], "{text:?}");
        }
    }

    #[test]
    fn the_model_turns_the_harm_note_only_when_all_but_sure() {
        let read = |harmed, harming| LearnedRead {
            most: [0.0, harmed, harming],
            ..LearnedRead::default()
        };
        let rules = [Concern::Harmed];
        let sure = read(0.05, 0.95);
        assert_eq!(join_with(&rules, sure, None, None), [Concern::Harmed]);
        assert_eq!(
            join_with(&rules, sure, Some(DIRECTION), None),
            [Concern::HarmingOthers]
        );
        // Not sure enough either way: the rules' direction stands.
        assert_eq!(
            join_with(&rules, read(0.3, 0.95), Some(DIRECTION), None),
            [Concern::Harmed]
        );
        assert_eq!(
            join_with(&rules, read(0.05, 0.6), Some(DIRECTION), None),
            [Concern::Harmed]
        );
        assert_eq!(
            join_with(
                &[Concern::HarmingOthers],
                read(0.95, 0.05),
                Some(DIRECTION),
                None
            ),
            [Concern::Harmed]
        );
        // Self-harm is never turned.
        assert_eq!(
            join_with(&[Concern::SelfHarm], sure, Some(DIRECTION), None),
            [Concern::SelfHarm]
        );
    }

    #[test]
    fn the_model_sets_a_rule_aside_only_when_all_but_sure() {
        let read = |most| LearnedRead {
            most,
            ..LearnedRead::default()
        };
        let rules = vec![Concern::SelfHarm, Concern::Harmed];
        assert_eq!(veto(rules.clone(), read([0.01, 0.01, 0.01]), VETO), []);
        assert_eq!(
            veto(rules.clone(), read([0.3, 0.01, 0.01]), VETO),
            [Concern::SelfHarm]
        );
        // Sure it is not being harmed, unsure it is not harming: a harm note, never dropped
        // for its direction.
        assert_eq!(
            veto(rules, read([0.01, 0.01, 0.4]), VETO),
            [Concern::Harmed]
        );
    }

    #[test]
    fn characters_of_several_bytes_are_never_cut() {
        // The last two bytes of "𑎎" are the same, like a doubled consonant's.
        for text in ["𑎎", "𑎎ed", "𑎎s", "he 𑎎ed me", "i 𑎎ing", "𑎎es her"] {
            let _ = concerns(text);
        }
    }
}
