//! Means kept and dwelt on, everything taken at once, a step in front of something moving,
//! wishes that everything stop, waking sorry to have woken, and marks covered with a story.
use super::*;

/// A means named and dwelt on, by the writer: "there's a rope in the garage and I keep
/// thinking about it", "Counting the pills again", "Stood on the balcony ledge for ten
/// minutes", "the knife was in my hand for a long time". Kitchens, hobbies and prescriptions
/// are the ordinary use.
pub(super) fn means_dwelt_on(r: &Reader, b: &Broad) -> bool {
    if !writer_present(r) || has_harm_doer(r) {
        return false;
    }
    let Some(m) = (0..r.s.len()).find(|&i| b.means.at(r.s, i).is_some()) else {
        return false;
    };
    if b.hidden_purpose.any(r.s) {
        return true;
    }
    // A kitchen or a pack just before the means names it ("the kitchen knife", "a pack of
    // blades"); elsewhere it is the ordinary use.
    let ordinary = (0..r.s.len()).any(|i| {
        b.ordinary_use
            .at(r.s, i)
            .is_some_and(|n| !(i + n <= m && m <= i + n + 2))
    });
    if ordinary {
        return false;
    }
    let mlen = b.means.at(r.s, m).unwrap_or(1);
    (0..r.s.len()).any(|i| {
        (i < m || i >= m + mlen) && b.dwelling.at(r.s, i).is_some() && !r.negated_before(i)
    })
}

/// Everything taken at once: "I'm going to take the lot", "Want to take all of them and
/// sleep".
pub(super) fn taken_by_the_lot(r: &Reader) -> bool {
    let children = [
        "kids", "children", "boys", "girls", "dogs", "class", "bags", "boxes",
    ];
    if children.iter().any(|w| r.has_word(w)) {
        return false;
    }
    (0..r.s.len()).any(|v| {
        if base_of(r.word(v), &["take", "swallow", "down", "neck"]).is_none() {
            return false;
        }
        let rest: Vec<&str> = (v + 1..(v + 4).min(r.s.len())).map(|k| r.word(k)).collect();
        let n = match rest.as_slice() {
            ["the", "lot", ..] | ["them", "all", ..] | ["everything", ..] => 2,
            ["all", "of", "them", ..] | ["all", "of", "it", ..] => 3,
            _ => return false,
        };
        let n = if rest[0] == "everything" { 1 } else { n };
        let end = v + 1 + n;
        r.clause_ends(end)
            || matches!(
                r.word(end),
                "and" | "tonight" | "now" | "at" | "then" | "if" | "when" | "before"
            )
    })
}

/// Stepping, walking or throwing oneself in front of something moving.
pub(super) fn in_front_of(r: &Reader) -> bool {
    (0..r.s.len()).any(|i| {
        r.word(i) == "in"
            && r.word(i + 1) == "front"
            && r.word(i + 2) == "of"
            && i > 0
            && (r.word(i - 1) == "myself"
                || base_of(r.word(i - 1), &["step", "walk", "jump", "run", "lie"]).is_some())
    }) && writer_present(r)
}

/// A wish that everything stop, or that the writer slip away, in any words: "i just want
/// everything to stop, permanently", "thinking how easy it would be to slide under and stay
/// there".
pub(super) fn wished_to_stop(r: &Reader, b: &Broad) -> bool {
    if !writer_present(r) {
        return false;
    }
    let wish = (0..r.s.len()).find(|&i| b.wanting.at(r.s, i).is_some() && !r.negated_before(i));
    // "want it all to stop", not "want it all to stop raining"
    let stop = (0..r.s.len()).any(|i| {
        b.to_stop
            .at(r.s, i)
            .is_some_and(|n| !r.word(i + n).ends_with("ing") || r.word(i + n) == "breathing")
    });
    let thinking = r.has_word("easy")
        || r.has_word("thinking")
        || r.has_word("planning")
        || r.has_word("decided")
        || r.has_word("imagine")
        || r.has_word("imagining")
        || wish.is_some();
    let gone = (0..r.s.len()).any(|i| b.vanish.at(r.s, i).is_some());
    wish.is_some() && stop || thinking && gone
}

/// Waking sorry to have woken: "woke up disappointed I did".
pub(super) fn woke_sorry(r: &Reader, b: &Broad) -> bool {
    (0..r.s.len()).any(|i| {
        matches!(r.word(i), "woke" | "wake" | "waking" | "woken")
            && (i + 1..i + 6).any(|k| {
                // "disappointed I did", "angry that I woke up", "sad to be alive", not "angry
                // that the alarm didn't go off"
                b.woke_sorry.has(r.word(k))
                    && (k + 1..k + 5).any(|m| {
                        r.word(m) == "i"
                            && matches!(
                                r.word(m + 1),
                                "woke" | "did" | "am" | "was" | "survived" | "made"
                            )
                            || r.word(m) == "to" && matches!(r.word(m + 1), "wake" | "be")
                            || matches!(r.word(m), "still" | "alive")
                    })
            })
    })
}

/// Dressings or marks on the writer's body, covered with a story: "found the plasters on my
/// arms and I lied and said it was the cat".
pub(super) fn marks_covered(r: &Reader) -> bool {
    let dressed = (0..r.s.len()).any(|i| {
        matches!(
            r.word(i),
            "plasters" | "bandages" | "cuts" | "scars" | "burns" | "scratches" | "marks"
        ) && r.word(i + 1) == "on"
            && r.word(i + 2) == "my"
            && r.w.body.parts.has(r.word(i + 3))
    });
    dressed
        && (r.has_word("lied") || r.has_word("pretended") || r.has_word("hid"))
        && !has_harm_doer(r)
}
