//! Broad rules for whole families of phrasing that the narrower rules of `self_harm`, `signs`,
//! `harm`, `control` and `stalking` miss: the same danger told in everyday paraphrase. Each rule
//! names a slot of meaning rather than a phrase ("the writer thinks about a means", "someone
//! acts so that the writer cannot call anyone", "a hand laid on the writer's body"), and says
//! who does it to whom, so the harmed and harming notes stay apart.

mod acts;
mod self_harm;
mod writer;

use super::grammar::Reader;
use super::harm::Harm;

pub use self_harm::read as self_harm;

/// Broad harm rules: hands laid on, done "so I couldn't…", told where the writer is, devices,
/// accounts, put-downs, a court order broken, the writer's own threats and intrusions.
pub fn harm(r: &Reader, harm: &mut Harm) {
    acts::hands_on(r, harm);
    acts::so_cannot(r, harm);
    acts::must_report(r, harm);
    acts::devices(r, harm);
    acts::accounts(r, harm);
    acts::put_downs(r, harm);
    acts::court_order(r, harm);
    acts::many_messages(r, harm);
    acts::dread_of_return(r, harm);
    acts::find_where(r, harm);
    writer::written_threats(r, harm);
    writer::intrusion(r, harm);
    writer::destroyed(r, harm);
    writer::screamed_at(r, harm);
    writer::made_to(r, harm);
    acts::marks_explained(r, harm);
    acts::locked_away(r, harm);
    writer::suicide_as_threat(r, harm);
    writer::recognised(r, harm);
    acts::accused(r, harm);
    acts::made_sure(r, harm);
    writer::followed_and_waited(r, harm);
    writer::not_let(r, harm);
}

/// Words the rules above cannot do without (the sentence filter in `words` reads them).
pub const TRIGGERS: &[&str] = &[
    "think",
    "thinks",
    "thought",
    "thinking",
    "picture",
    "picturing",
    "point",
    "tired",
    "sick",
    "done",
    "exhausted",
    "weary",
    "come",
    "trust",
    "myself",
    "planned",
    "plan",
    "planning",
    "decided",
    "worked",
    "things",
    "everything",
    "funeral",
    "something",
    "goodbye",
    "put",
    "puts",
    "putting",
    "laid",
    "lay",
    "so",
    "have",
    "has",
    "had",
    "camera",
    "cameras",
    "tracker",
    "trackers",
    "airtag",
    "spyware",
    "recorder",
    "gps",
    "bug",
    "bugged",
    "order",
    "injunction",
    "messages",
    "texts",
    "calls",
    "times",
    "what",
    "how",
    "find",
    "finding",
    "found",
    "posted",
    "posts",
    "shared",
    "leaked",
    "told",
    "tell",
    "said",
    "warned",
    "read",
    "reads",
    "reading",
    "went",
    "through",
    "made",
    "make",
    "makes",
    "forced",
    "forces",
    "says",
    "tells",
    "claims",
    "saw",
    "up",
    "needing",
    "needed",
    "easy",
    "tempting",
    "tempted",
];

/// Word beginnings the rules above look for.
pub const TRIGGER_PREFIXES: &[&str] = &[
    "imagin", "fantasi", "obsess", "googl", "research", "search", "password", "logging", "watch",
    "smash", "destroy", "scream", "yell", "shout", "lock", "recogni", "punch", "slap", "scratch",
    "bang", "burn", "hit", "end",
];

#[cfg(test)]
mod tests {
    use crate::analysis::safety::{Concern, concerns};

    #[test]
    fn families_of_paraphrase_are_read() {
        for (text, want) in [
            ("thought about the pills again tonight", Concern::SelfHarm),
            ("What's the point of carrying on.", Concern::SelfHarm),
            (
                "I punch myself in the legs when it gets too much.",
                Concern::SelfHarm,
            ),
            ("He put his hands on me again.", Concern::Harmed),
            ("Was pushed down the stairs by my husband.", Concern::Harmed),
            ("She hid my keys so I couldn't leave.", Concern::Harmed),
            (
                "I keep her card so she can't spend anything.",
                Concern::HarmingOthers,
            ),
            ("I told him I'd ruin his life.", Concern::HarmingOthers),
        ] {
            assert_eq!(concerns(text), [want], "{text:?}");
        }
    }

    #[test]
    fn the_same_words_in_everyday_use_raise_nothing() {
        for text in [
            "He put his hand on my belly to feel the baby kick.",
            "I'm scared of what she'll think of the cake.",
            "He said he'd take the kids to the park so I could rest.",
            "I read her messages out loud because she asked me to.",
            "Sam keeps my spare keys in case I lock myself out.",
            "I want to jump on the trampoline with the kids.",
        ] {
            assert_eq!(concerns(text), [], "{text:?}");
        }
    }
}
