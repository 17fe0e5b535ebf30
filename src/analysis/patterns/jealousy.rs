//! Jealousy by a sentence's shape: what it does to the writer to see the partner with
//! someone they may be drawn to.

use crate::analysis::matcher::Hit;
use crate::analysis::reading::Class;
use crate::analysis::tokens::Tokens;
use crate::analysis::words;

use super::{ahead, hit, sentence_around};

/// Someone the partner may be drawn to: the new girl, a guy at the gym, an ex, a colleague.
pub(super) fn is_rival(w: &str) -> bool {
    matches!(
        w,
        "woman"
            | "women"
            | "girl"
            | "girls"
            | "girl's"
            | "guy"
            | "guys"
            | "guy's"
            | "man"
            | "men"
            | "ex"
            | "ex's"
            | "coworker"
            | "colleague"
            | "trainer"
            | "instructor"
            | "flatmate"
            | "buddy"
    )
}

/// Where something stings: "it kills me", "I hate how", "I can't stand it", "I felt sick",
/// "my chest went tight", "my stomach drops", "I feel insecure".
pub(super) fn stings_at(t: &Tokens, i: usize) -> Option<usize> {
    let w = t.get(i);
    // The words around are read only for the few words that need them.
    let prev = || {
        if i > 0 && !t.break_before(i) {
            t.get(i - 1)
        } else {
            ""
        }
    };
    let next = || ahead(t, i, 1).next().map_or("", |n| t.get(n));
    let end = match w {
        "hate" | "hated"
            if matches!(
                next(),
                "it" | "how" | "that" | "when" | "watching" | "seeing"
            ) =>
        {
            i + 1
        }
        "stings" | "stung" | "burns" | "kills" | "killed" | "bothers" | "bugs" | "upsets"
        | "seething" | "seethe" | "fuming" | "livid" | "dreading" | "dread" | "pang" | "pangs" => {
            i + 1
        }
        "green" if words::links(prev()) => i + 1,
        "eats" | "ate" if next() == "at" => i + 2,
        "stand" if matches!(prev(), "can't" | "cant" | "cannot" | "couldn't" | "couldnt") => i + 1,
        "sick" | "insecure" | "threatened" | "small" if words::links(prev()) || prev() == "and" => {
            i + 1
        }
        "chest" | "stomach" | "knot" | "tenses" | "tensed" => i + 1,
        _ => return None,
    };
    Some(end)
}

/// "Seeing him laugh with the new girl at work made my chest go tight", "it kills me that she
/// still follows him": in one sentence, something that stings, the partner, and someone the
/// partner may be drawn to. Read as the sign's own words: whose the sting is comes from its
/// clause (mostly the writer's; "he hates it when I talk to other guys" is his).
pub(super) fn rival_stings(t: &Tokens, i: usize, group: u32) -> Option<Hit> {
    let end = stings_at(t, i)?;
    let (ss, se) = sentence_around(t, i);
    // Someone drawn to: a rival's word, or a man and a woman both named by pronouns ("it
    // stings every time he laughs at her messages").
    let gender = |k: usize| match t.get(k) {
        "he" | "him" | "his" | "he's" | "he'd" | "himself" => 1u8,
        "she" | "her" | "hers" | "she's" | "she'd" | "herself" => 2,
        _ => 0,
    };
    let genders = (ss..se)
        .filter(|&k| k < i || k >= end)
        .fold(0u8, |g, k| g | gender(k));
    let rival = genders == 3 || (ss..se).any(|k| is_rival(t.get(k)));
    let partner = (ss..se).filter(|&k| k < i || k >= end).any(|k| {
        matches!(
            t.get(k),
            "he" | "she" | "him" | "his" | "her" | "he's" | "she's"
        )
    });
    // "my whole body tenses up": the writer's.
    let start = (i.saturating_sub(3).max(ss)..i)
        .find(|&k| t.get(k) == "my" && !(k + 1..=i).any(|m| t.clause_before(m)))
        .unwrap_or(i);
    let mut h = hit(t, start, end, group, Class::Sign);
    h.negated = crate::analysis::matcher::negated(t, i);
    // "I can't stand it" is no denial.
    if t.get(i) == "stand" {
        h.negated = false;
    }
    (rival && partner).then_some(h)
}
