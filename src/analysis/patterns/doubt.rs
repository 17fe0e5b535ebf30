//! Doubt by a sentence's shape: the partner's account judged made up or not believed.

use crate::analysis::matcher::Hit;
use crate::analysis::reading::Class;
use crate::analysis::tokens::Tokens;
use crate::analysis::words;

use super::{ahead, hit, sentence_around};

/// What someone tells as an account of themselves: a story, an excuse, a version of events.
pub(super) fn is_story(w: &str) -> bool {
    matches!(
        w,
        "story"
            | "stories"
            | "reason"
            | "reasons"
            | "timeline"
            | "details"
            | "excuse"
            | "excuses"
            | "version"
            | "account"
            | "explanation"
            | "explanations"
            | "alibi"
            | "word"
            | "words"
            | "answers"
    )
}

/// Words that judge an account made up: it changes, it is polished, it has gaps.
pub(super) fn judges_story(w: &str) -> bool {
    matches!(
        w,
        "changing"
            | "changes"
            | "changed"
            | "shifting"
            | "shifts"
            | "polished"
            | "rehearsed"
            | "edited"
            | "scripted"
            | "convenient"
            | "flimsy"
            | "thin"
            | "gaps"
            | "holes"
            | "vague"
            | "neat"
            | "tidy"
            | "inconsistent"
            | "contradicts"
            | "contradicted"
            | "fishy"
            | "dodgy"
            | "weird"
            | "odd"
    )
}

/// "His version of Friday keeps changing", "her excuses sound more polished every week",
/// "whatever excuse he gives, I won't believe it": the partner's account (theirs by a
/// possessive, or told by them), then a word that judges it made up, or its belief denied.
/// The match is the judgment, so whose it is comes from its clause: mostly the writer's.
pub(super) fn story_judged(t: &Tokens, i: usize, group: u32) -> Option<Hit> {
    let w = t.get(i);
    let denied_belief = w == "believe"
        && (i.saturating_sub(3)..i).any(|k| crate::analysis::negators::is_negator(t.get(k)))
        && ahead(t, i, 1).next().is_some_and(|n| t.get(n) == "it");
    let lie = is_lie(t, i);
    if !lie && !judges_story(w) && !denied_belief {
        return None;
    }
    let (ss, _) = sentence_around(t, i);
    // "Sam's 'late shifts' are a lie", "his excuses are all lies": whatever of theirs is
    // called a lie.
    if lie {
        let copula = (i.saturating_sub(3).max(ss)..i)
            .any(|k| matches!(t.get(k), "is" | "are" | "was" | "were" | "sounds" | "sound"));
        let theirs = (ss..i).any(|k| {
            let w = t.get(k);
            matches!(w, "his" | "her" | "their")
                || (t.capital(k) && w.ends_with("'s") && words::who(w).is_none())
        });
        if copula && theirs {
            return Some(hit(t, i, i + 1, group, Class::Sign));
        }
    }
    if !judges_story(w) && !denied_belief {
        return None;
    }
    let story = (ss..i).rev().find(|&k| is_story(t.get(k)))?;
    // "his version", "the story he tells", "every word out of her mouth".
    let theirs = (story.saturating_sub(3).max(ss)..story)
        .any(|k| matches!(t.get(k), "his" | "her" | "their"))
        || ahead(t, story, 3).any(|k| matches!(t.get(k), "he" | "she" | "his" | "her"));
    theirs.then(|| {
        let mut h = hit(t, i, i + 1, group, Class::Sign);
        // "I won't believe it" is the doubt itself, not a denial of it.
        if denied_belief {
            h.negated = false;
        }
        h
    })
}

/// A word that calls an account untrue: "a lie", "all lies", "bullshit", "made up".
pub(super) fn is_lie(t: &Tokens, i: usize) -> bool {
    match t.get(i) {
        "lie" | "lies" | "bullshit" | "bs" | "rubbish" | "nonsense" | "fiction" | "fake" => true,
        "made" => ahead(t, i, 1).next().is_some_and(|n| t.get(n) == "up"),
        _ => false,
    }
}
