//! Self-harm told by what was done or planned rather than named: a tool held to the writer's
//! body, tablets swallowed by the number, a method looked up, a life said not to reach a time
//! ahead ("I won't be here by Christmas"), a plan made alone, and cutting spoken of plainly.

use super::grammar::{Reader, Who};

pub fn read(r: &Reader) -> bool {
    tool_on_body(r)
        || swallowed(r)
        || looked_up(r)
        || not_reaching(r)
        || alone_plan(r)
        || cutting(r)
        || punished(r)
        || farewell(r)
        || stopped(r)
        || on_purpose(r)
        || without_me(r)
        || if_i_died(r)
        || into_the_water(r)
        || wished_hit(r)
        || note_written(r)
}

/// "everyone would get on fine without me", "they'd be happier without me".
fn without_me(r: &Reader) -> bool {
    let words = &r.s.words;
    let at = words
        .windows(2)
        .position(|p| p[0] == "without" && p[1] == "me");
    at.is_some_and(|i| {
        (0..i).any(|k| r.word(k) == "would")
            && !matches!(
                r.word(i + 2),
                "for" | "while" | "when" | "at" | "this" | "on" | "tonight"
            )
    })
}

/// "if I crashed on the way home it wouldn't be the worst thing".
fn if_i_died(r: &Reader) -> bool {
    let sh = &r.w.self_harm;
    let befell = (0..r.s.len()).any(|i| {
        r.word(i) == "if" && r.word(i + 1) == "i" && sh.befall.find(r.s, i + 2, i + 5).is_some()
    });
    befell && sh.indifferent.any(r.s)
}

/// "walking into the sea and carrying on walking", "walk into traffic and that'll be it".
fn into_the_water(r: &Reader) -> bool {
    let sh = &r.w.self_harm;
    (0..r.s.len()).any(|i| {
        ["walk", "step", "wade", "swim", "run"]
            .iter()
            .any(|p| r.word(i).starts_with(p))
            && matches!(r.word(i + 1), "into" | "out")
            && sh.deep.find(r.s, i + 2, i + 6).is_some()
            && by_writer(r, i)
            && !r.has_word("we")
            && !r.negated_before(i)
    })
}

/// "I wish a car would just hit me": a wish to be struck.
fn wished_hit(r: &Reader) -> bool {
    let sh = &r.w.self_harm;
    (0..r.s.len()).any(|i| {
        sh.wishes.has(r.word(i))
            && sh.vehicles.find(r.s, i + 1, i + 5).is_some_and(|(v, n)| {
                (v + n..v + n + 4).any(|k| {
                    matches!(
                        r.word(k),
                        "hit" | "hits" | "run" | "runs" | "knock" | "knocks" | "kill" | "kills"
                    ) && (r.word(k + 1) == "me" || r.word(k + 2) == "me")
                })
            })
    })
}

/// "Started writing the note tonight."
fn note_written(r: &Reader) -> bool {
    (0..r.s.len()).any(|i| {
        ["writ", "wrote"].iter().any(|p| r.word(i).starts_with(p))
            && matches!(r.word(i + 1), "the" | "my")
            && matches!(r.word(i + 2), "note" | "letter" | "letters" | "notes")
            && (r.clause_ends(i + 3) || r.w.grammar.time_words.at(r.s, i + 3).is_some())
            && by_writer(r, i)
    })
}

/// "I wrote letters to the kids and put them in the drawer for after".
fn farewell(r: &Reader) -> bool {
    let letters = (0..r.s.len()).any(|i| {
        (matches!(
            r.word(i),
            "letter" | "letters" | "note" | "notes" | "message" | "messages"
        ) || r.word(i) == "will" && r.word(i.wrapping_sub(1)) == "my")
            && by_writer(r, i)
    });
    // "just in case the post is slow" is a precaution; "just in case." is a farewell.
    let farewell = r.w.self_harm.farewell.all(r.s).any(|(start, n)| {
        r.s.words[start..start + n] != ["in", "case"] || r.clause_ends(start + n)
    });
    letters && farewell && !r.has_word("we")
}

/// "Everything would be quieter if I just stopped": stopping, with nothing stopped.
fn stopped(r: &Reader) -> bool {
    (0..r.s.len()).any(|i| {
        r.word(i) == "stopped"
            && r.clause_ends(i + 1)
            && (r.word(i.wrapping_sub(1)) == "i"
                || r.word(i.wrapping_sub(1)) == "just" && r.word(i.wrapping_sub(2)) == "i")
            && (i.saturating_sub(4)..i).any(|k| r.word(k) == "if")
    })
}

/// "thought about crashing the car on the motorway on purpose".
fn on_purpose(r: &Reader) -> bool {
    let drive = (0..r.s.len()).any(|i| {
        ["crash", "swerv", "steer", "drive", "driving", "drove"]
            .iter()
            .any(|p| r.word(i).starts_with(p))
            && by_writer(r, i)
    });
    let wished_off = (0..r.s.len()).any(|i| {
        ["drive", "driving", "swerv", "steer", "crash"]
            .iter()
            .any(|p| r.word(i).starts_with(p))
            && (i.saturating_sub(3)..i).any(|k| r.w.self_harm.wishes.has(r.word(k)))
            && r.word(i + 1) == "off"
            && matches!(
                r.word(i + 3),
                "road" | "cliff" | "bridge" | "edge" | "motorway"
            )
    });
    let meant = wished_off
        || r.has_word("deliberately")
        || r.s
            .words
            .windows(2)
            .any(|p| p[0] == "on" && p[1] == "purpose");
    drive && meant && !r.has_word("we")
}

/// Whether the writer does what the clause at `i` says: "I", or a diary sentence's unwritten I.
fn by_writer(r: &Reader, i: usize) -> bool {
    match r.clause_subject(i) {
        Who::Writer => true,
        // "My plan is to do it when…": no doer before, and the sentence is the writer's own.
        Who::Unknown => r.unwritten_writer() || r.word(0) == "my",
        _ => false,
    }
}

/// "Pressed the lighter to my wrist", "held the knife against my arm", "the cable round my neck".
fn tool_on_body(r: &Reader) -> bool {
    let sh = &r.w.self_harm;
    if r.accident {
        return false;
    }
    // "the lighter to my wrist", and "carved his name into my arm with a compass"
    sh.tools.all(r.s).any(|(t, n)| {
        (t.saturating_sub(8)..t + n + 8).any(|k| {
            r.s.same_clause(t, k)
                && sh.onto.has(r.word(k))
                && r.word(k + 1) == "my"
                && (sh.self_harm_parts.has(r.word(k + 2))
                    || r.word(k + 2) == "own" && sh.self_harm_parts.has(r.word(k + 3)))
        }) && by_writer(r, t)
    })
}

/// "Took six of my sleeping tablets", "swallowed a load of pills", "swallowed the whole bottle".
fn swallowed(r: &Reader) -> bool {
    let sh = &r.w.self_harm;
    (0..r.s.len()).any(|i| {
        let w = r.word(i);
        if !sh.swallow_verbs.has(w) || r.negated_before(i) || !by_writer(r, i) {
            return false;
        }
        let amount = (i + 1..i + 5).any(|k| sh.amounts.has(r.word(k)) || many(r.word(k)));
        let method = sh.methods.find(r.s, i + 1, i + 9).is_some()
            || sh.medicine_stores.find(r.s, i + 1, i + 9).is_some();
        let whole = (i + 1..i + 4)
            .any(|k| matches!(r.word(k), "whole" | "entire") && sh.containers.has(r.word(k + 1)));
        amount && method || whole && !w.starts_with("tak") && w != "took"
    })
}

/// A number of tablets beyond a dose: five or more, in figures or words.
fn many(w: &str) -> bool {
    w.parse::<u32>().is_ok_and(|n| n >= 5)
        || matches!(
            w,
            "five"
                | "six"
                | "seven"
                | "eight"
                | "nine"
                | "ten"
                | "eleven"
                | "twelve"
                | "fifteen"
                | "twenty"
                | "thirty"
                | "forty"
                | "fifty"
                | "dozen"
        )
}

/// "Googled how many paracetamol it would take", "how tall the multi-storey is", "how much
/// insulin would be too much".
fn looked_up(r: &Reader) -> bool {
    let sh = &r.w.self_harm;
    (0..r.s.len()).any(|i| {
        if r.word(i) == "how" {
            let next = r.word(i + 1);
            if matches!(next, "many" | "much") {
                // "how many paracetamol", "which pills and how many"
                return sh.methods.find(r.s, i.saturating_sub(4), i + 5).is_some();
            }
            if matches!(next, "tall" | "high" | "far" | "deep" | "long") {
                return sh.places.find(r.s, i + 2, i + 8).is_some();
            }
        }
        matches!(r.word(i), "lethal" | "fatal" | "deadly")
            && sh.methods.find(r.s, i.saturating_sub(4), i + 5).is_some()
    })
}

/// A life said not to reach a time ahead: "I can't see myself still being here next year",
/// "no way I'm still around next month", "I won't be anyone's problem anymore", "I won't need
/// them after this weekend", "driving to the cliffs and not coming back".
fn not_reaching(r: &Reader) -> bool {
    let sh = &r.w.self_harm;
    let g = &r.w.grammar;
    let words = &r.s.words;
    let writer = words.iter().any(|w| w == "i" || w == "myself");
    if !writer {
        return false;
    }
    let negated_earlier =
        |i: usize| (0..i).any(|k| g.negators.has(r.word(k)) || r.word(k) == "doubt");
    (0..r.s.len()).any(|i| {
        let w = r.word(i);
        // "can't see myself making it to Christmas"
        if w == "see" && r.word(i + 1) == "myself" && r.negated_before(i) {
            return sh.reaching.find(r.s, i + 2, i + 6).is_some()
                || g.horizons.find(r.s, i + 2, i + 8).is_some();
        }
        // "still being here next year", "make it to Christmas", "around by the end of"
        if sh.reaching.at(r.s, i).is_some() && negated_earlier(i) {
            // "I don't plan on seeing next Christmas", not "won't see you next week".
            let reach = if matches!(w, "see" | "seeing") { 2 } else { 7 };
            return g.horizons.find(r.s, i + 1, i + reach).is_some();
        }
        // "I won't need them after this weekend"
        if matches!(w, "need" | "needing" | "needed") && r.negated_before(i) && by_writer(r, i) {
            return (i + 1..i + 5).any(|k| {
                matches!(r.word(k), "after" | "anymore" | "where")
                    || r.word(k) == "them" && r.clause_ends(k + 1)
            }) && (sh.giving.any(r.s) || r.has_word("gave"));
        }
        // "not coming back", with a place to fall from
        if sh.deaths.at(r.s, i).is_some() && r.word(i).starts_with("not")
            || matches!(w, "never") && r.word(i + 1) == "coming"
        {
            return sh.places.any(r.s);
        }
        false
    }) || sh.no_burden.any(r.s)
}

/// A plan for when no one is there: "when the house is empty, I'm going to do it", "I made a
/// plan tonight and it scared me how calm I felt", "I'm planning to jump on Saturday".
fn alone_plan(r: &Reader) -> bool {
    let sh = &r.w.self_harm;
    let words = &r.s.words;
    let do_it = words
        .windows(2)
        .position(|p| p[0] == "do" && p[1] == "it")
        .is_some_and(|i| by_writer(r, i) && !r.negated_before(i));
    if do_it && sh.alone.any(r.s) {
        return true;
    }
    let plan = (0..r.s.len()).any(|i| {
        matches!(
            r.word(i),
            "made" | "make" | "making" | "have" | "got" | "had"
        ) && matches!(r.word(i + 1), "a" | "the")
            && r.word(i + 2) == "plan"
            && !matches!(r.word(i + 3), "for" | "to" | "with" | "about" | "of" | "b")
            && by_writer(r, i)
    });
    if plan && sh.plan_cues.any(r.s) {
        return true;
    }
    (1..r.s.len()).any(|i| {
        if r.word(i) != "jump" {
            return false;
        }
        let wished = sh.wishes.has(r.word(i - 1))
            || r.word(i - 1) == "to" && i >= 2 && sh.wishes.has(r.word(i - 2));
        let g = &r.w.grammar;
        let open = r.clause_ends(i + 1)
            || matches!(r.word(i + 1), "off" | "from")
                && sh.places.find(r.s, i + 2, i + 6).is_some()
            || g.horizons.find(r.s, i + 1, i + 4).is_some()
            || g.time_words.find(r.s, i + 1, i + 3).is_some();
        wished && open && by_writer(r, i) && !r.negated_before(i) && !r.games
    })
}

/// "I used to cut, and the urge is back", "Relapsed: three weeks clean and I ruined it with a
/// razor": cutting without an object, or a blade with the words of recovery.
fn cutting(r: &Reader) -> bool {
    let sh = &r.w.self_harm;
    if r.accident {
        return false;
    }
    let bare_cut = (0..r.s.len()).any(|i| {
        matches!(r.word(i), "cut" | "cutting" | "cuts")
            && (r.clause_ends(i + 1) || sh.after_cut.has(r.word(i + 1)))
            && by_writer(r, i)
            && !r.negated_before(i)
    });
    bare_cut
        || sh.recovery.any(r.s) && sh.tools.any(r.s) && r.has_word("i")
        || sh.recovery.any(r.s) && r.has_word("cut")
}

/// "Not eating is the only punishment that feels big enough", "I deserve the pain".
fn punished(r: &Reader) -> bool {
    let words = &r.s.words;
    let punish = words
        .iter()
        .any(|w| w.starts_with("punish") || w == "deserve");
    let how = words
        .iter()
        .any(|w| w.starts_with("eat") || w == "eaten" || w.starts_with("starv") || w == "pain");
    punish && how && r.has_word("i")
}

#[cfg(test)]
mod tests {
    use crate::analysis::safety::{Concern, concerns};

    #[test]
    fn acts_and_plans_told_by_what_was_done() {
        for text in [
            "Pressed the hot lighter to my wrist.",
            "Took six of my sleeping tablets with wine.",
            "I googled how many paracetamol it would take.",
            "I can't see myself still being here next year.",
            "When the house is empty I'm going to do it.",
            "I used to cut when I was nineteen and the urge is back.",
        ] {
            assert_eq!(concerns(text), [Concern::SelfHarm], "{text:?}");
        }
    }

    #[test]
    fn everyday_doses_and_plans_raise_nothing() {
        for text in [
            "I took two paracetamol for my headache.",
            "I made a plan for the weekend.",
            "I cut the cake and we sang.",
            "I want to jump on the trampoline with the kids.",
            "I won't see you next week, I'm away.",
            "I sat on the edge of my bed crying.",
            "I took the whole box of chocolates to the party.",
            "I'd rather die than go back to that restaurant.",
        ] {
            assert_eq!(concerns(text), [], "{text:?}");
        }
    }
}
