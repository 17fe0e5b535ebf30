//! Thoughts of suicide and self-harm told in paraphrase: a thought that comes to a means, no
//! point in going on, tired of being here, a plan of place and time, a search for a means, a
//! farewell made as if for the last time, blows on the writer's own body.

use super::super::grammar::{Reader, Who};

/// Whether a thought of suicide or self-harm is told in one of the broad families.
pub fn read(r: &Reader) -> bool {
    if r.games || r.humour || r.has_word("we") {
        return false;
    }
    thought_of_means(r)
        || all_of_them(r)
        || pointless(r)
        || tired_of_being(r)
        || not_come_back(r)
        || distrust(r)
        || blows_on_myself(r)
        || planned_when(r)
        || ending_things(r)
        || searched(r)
        || funeral(r)
        || hoped_to_befall(r)
        || goodbye(r)
}

/// Whether the doer of what happens at `i` is the writer (written or the diary's unwritten I).
fn writer_at(r: &Reader, i: usize) -> bool {
    match r.clause_subject(i) {
        Who::Writer => true,
        // "It would be so easy to…": a sentence that names no one is the writer's own.
        Who::Unknown => {
            r.unwritten_writer()
                || r.has_word("i")
                || r.has_word("myself")
                || (0..r.s.len()).all(|k| r.who_at(k).is_none())
        }
        _ => false,
    }
}

/// A means of self-harm at `k`: a method, a tool, a place to fall from, jumping or stepping off,
/// turning the wheel.
fn means_at(r: &Reader, k: usize) -> bool {
    let sh = &r.w.self_harm;
    let w = r.word(k);
    sh.methods.at(r.s, k).is_some()
        || sh.tools.at(r.s, k).is_some() && !matches!(w, "glass" | "mirror" | "match" | "matches")
        || sh.places.at(r.s, k).is_some() && !sh.sightseeing.any(r.s)
        || w.starts_with("jump") && !matches!(r.word(k + 1), "on" | "in" | "into" | "at" | "for")
        || matches!(w, "step" | "stepping" | "stepped")
            && r.word(k + 1) == "off"
            && r.w.self_harm.places.find(r.s, k + 2, k + 5).is_some()
        || matches!(w, "turning" | "turn" | "swerving" | "swerve") && r.word(k + 2) == "wheel"
        || matches!(w, "overdose" | "overdosing" | "od" | "hanging" | "drowning")
}

/// "thought about the pills again", "I think about jumping a lot lately", "every time I'm in the
/// bathroom I think about the blades", "thought about just turning the wheel": a thought of the
/// writer's that comes to a means.
fn thought_of_means(r: &Reader) -> bool {
    (0..r.s.len()).any(|i| {
        let w = r.word(i);
        let thinking = matches!(
            w,
            "think" | "thinks" | "thought" | "thinking" | "picture" | "picturing" | "imagine"
        ) || w.starts_with("imagin")
            || w.starts_with("fantasi")
            || w.starts_with("obsess")
            || matches!(
                w,
                "easy"
                    | "tempting"
                    | "tempted"
                    | "want"
                    | "wanted"
                    | "wants"
                    | "wish"
                    | "wished"
                    | "wishing"
                    | "hope"
                    | "hoping"
                    | "urge"
                    | "considering"
                    | "considered"
            );
        thinking
            && !r.negated_before(i)
            && writer_at(r, i)
            && (i + 1..i + 6).any(|k| r.s.same_clause(i, k) && means_at(r, k))
    })
}

/// "I'm going to take all of them tonight": every tablet, with a time.
fn all_of_them(r: &Reader) -> bool {
    (0..r.s.len()).any(|i| {
        matches!(
            r.word(i),
            "take" | "taking" | "took" | "swallow" | "swallowing" | "swallowed"
        ) && (r.word(i + 1) == "all" && r.word(i + 2) == "of" && r.word(i + 3) == "them"
            || r.word(i + 1) == "them" && r.word(i + 2) == "all")
            && r.w.grammar.time_words.find(r.s, i + 3, i + 8).is_some()
            && writer_at(r, i)
    })
}

/// "I don't see the point of any of it anymore", "what's the point of carrying on": no point
/// in living, going on or any of it.
fn pointless(r: &Reader) -> bool {
    let sh = &r.w.self_harm;
    (0..r.s.len()).any(|i| {
        if r.word(i) != "point" {
            return false;
        }
        let asked = (i.saturating_sub(4)..i)
            .any(|k| matches!(r.word(k), "what" | "whats") || r.w.grammar.negators.has(r.word(k)));
        let of_life = (i + 1..i + 7).any(|k| {
            sh.going_on.at(r.s, k).is_some()
                || matches!(
                    r.word(k),
                    "living" | "life" | "alive" | "existing" | "anything" | "trying"
                )
                || r.word(k) == "any" && r.word(k + 1) == "of" && r.word(k + 2) == "it"
                || r.word(k) == "it" && r.word(k + 1) == "all"
                || r.word(k) == "being" && matches!(r.word(k + 1), "here" | "alive" | "around")
        });
        asked && of_life
    })
}

/// "so tired of being here", "sick of being alive", "done with living".
fn tired_of_being(r: &Reader) -> bool {
    (0..r.s.len()).any(|i| {
        matches!(r.word(i), "tired" | "sick" | "done" | "exhausted" | "weary")
            && matches!(r.word(i + 1), "of" | "with")
            && match r.word(i + 2) {
                "living" | "existing" | "life" | "breathing" => true,
                "being" => matches!(r.word(i + 3), "here" | "alive" | "around" | "me"),
                "it" => r.word(i + 3) == "all" && r.clause_ends(i + 4),
                _ => false,
            }
            && !r.negated_before(i)
            && writer_at(r, i)
    })
}

/// "wish I could just go to sleep and not have to come back", "wish I didn't have to come up".
fn not_come_back(r: &Reader) -> bool {
    let sh = &r.w.self_harm;
    (0..r.s.len()).any(|i| {
        r.word(i) == "come"
            && matches!(r.word(i + 1), "back" | "up")
            && r.clause_ends(i + 2)
            && (i.saturating_sub(4)..i).any(|k| r.w.grammar.negators.has(r.word(k)))
            && (0..i).any(|k| sh.wishes.has(r.word(k)) && r.word(k) != "going")
            && r.has_word("i")
            && (0..r.s.len()).all(|k| !matches!(r.word(k), "he" | "she" | "they" | "you"))
    })
}

/// "I keep away from the knife drawer because I don't trust myself".
fn distrust(r: &Reader) -> bool {
    let trust = (1..r.s.len())
        .any(|i| r.word(i) == "trust" && r.word(i + 1) == "myself" && r.negated_before(i));
    trust && (0..r.s.len()).any(|k| means_at(r, k) || matches!(r.word(k), "drawer" | "cabinet"))
}

/// "I punch myself in the legs when the anxiety gets too much", "banged my head against the
/// wall until I saw stars": a blow the writer gives their own body.
fn blows_on_myself(r: &Reader) -> bool {
    const BLOWS: &[&str] = &[
        "hit", "punch", "bang", "bash", "slap", "smack", "scratch", "claw", "bit", "pinch", "burn",
        "burnt", "starv", "whack", "thump",
    ];
    if r.accident {
        return false;
    }
    (0..r.s.len()).any(|v| {
        let w = r.word(v);
        if !BLOWS.iter().any(|p| w.starts_with(p)) || r.negated_before(v) || !writer_at(r, v) {
            return false;
        }
        let at = if r.word(v + 1) == "at" { v + 2 } else { v + 1 };
        let onto_me = r.word(at) == "myself"
            || r.word(at) == "my" && r.w.self_harm.self_harm_parts.has(r.word(at + 1));
        // "burnt myself on the oven" and "banged my head on the cupboard" are accidents,
        // unless a blow is repeated, meant or bound to a feeling.
        let meant = (at..r.s.len()).any(|k| {
            matches!(
                r.word(k),
                "until" | "till" | "purpose" | "punish" | "punishment" | "again" | "repeatedly"
            ) || r.word(k) == "when" && !matches!(r.word(k + 1), "i" | "opening" | "taking")
                || r.word(k) == "because" && r.word(k + 1) == "i"
        }) || r.w.self_harm.habit.find(r.s, at, r.s.len()).is_some();
        onto_me && meant && !matches!(r.word(at + 1), "up" | "out")
    })
}

/// "I've planned where and when", "worked out how and when": a plan of place and time, alone.
fn planned_when(r: &Reader) -> bool {
    (0..r.s.len()).any(|i| {
        let plan = r.word(i).starts_with("plan")
            || r.word(i) == "decided"
            || r.word(i) == "worked" && r.word(i + 1) == "out";
        let asks = (i + 1..i + 6)
            .filter(|&k| matches!(r.word(k), "where" | "when" | "how"))
            .count();
        plan && asks >= 2 && writer_at(r, i)
    })
}

/// "Been thinking about ending things.", "I want to end everything": an end with nothing and
/// no one named after it.
fn ending_things(r: &Reader) -> bool {
    let sh = &r.w.self_harm;
    (0..r.s.len()).any(|i| {
        matches!(r.word(i), "end" | "ending")
            && (matches!(r.word(i + 1), "things" | "everything")
                || r.word(i + 1) == "it" && r.word(i + 2) == "all")
            && (r.clause_ends(i + 2) || r.clause_ends(i + 3) && r.word(i + 2) == "all")
            && (i.saturating_sub(6)..i).any(|k| sh.wishes.has(r.word(k)))
            && !r.negated_before(i)
    })
}

/// "googled the tallest building near me and whether the roof is open", "looked up which
/// tablets": a search that comes to a means.
fn searched(r: &Reader) -> bool {
    (0..r.s.len()).any(|i| {
        let w = r.word(i);
        let search = w.starts_with("googl")
            || w.starts_with("research")
            || w.starts_with("search")
            || matches!(w, "looked" | "looking" | "look") && r.word(i + 1) == "up";
        search
            && writer_at(r, i)
            && (i + 1..i + 12).any(|k| means_at(r, k) || r.word(k) == "tallest")
    })
}

/// "I wonder if anyone would come to my funeral", "planning my own funeral".
fn funeral(r: &Reader) -> bool {
    (1..r.s.len()).any(|i| {
        r.word(i) == "funeral"
            && (r.word(i - 1) == "my"
                || r.word(i - 1) == "own" && r.word(i.wrapping_sub(2)) == "my")
            && (r.has_word("would")
                || r.has_word("wonder")
                || r.s.words.iter().any(|w| w.starts_with("plan")))
    })
}

/// "drove really fast on the motorway hoping something would happen", "hope something hits
/// me": a wish that harm come by itself.
fn hoped_to_befall(r: &Reader) -> bool {
    (0..r.s.len()).any(|i| {
        matches!(
            r.word(i),
            "hope" | "hoping" | "hoped" | "wish" | "wishing" | "praying"
        ) && r.word(i + 1) == "something"
            && (i + 2..i + 6).any(|k| {
                r.word(k).starts_with("happen") && r.clause_ends(k + 1)
                    || matches!(r.word(k), "hit" | "hits" | "kill" | "kills")
                        && r.word(k + 1) == "me"
            })
            && writer_at(r, i)
    })
}

/// "said goodbye to the dog properly tonight in case": a farewell, made as if for the last time.
fn goodbye(r: &Reader) -> bool {
    (0..r.s.len()).any(|i| {
        r.word(i).starts_with("goodbye")
            && (i.saturating_sub(2)..i).any(|k| matches!(r.word(k), "said" | "say" | "saying"))
            && (i + 1..i + 9).any(|k| {
                r.word(k) == "properly"
                    || r.word(k) == "case" && r.word(k - 1) == "in" && r.clause_ends(k + 1)
                    || r.word(k) == "last" && r.word(k + 1) == "time"
                    || r.word(k) == "for" && r.word(k + 1) == "good"
            })
            && writer_at(r, i)
    })
}
