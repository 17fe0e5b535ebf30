//! Thoughts of suicide and acts of self-harm: thoughts and acts named, wishes to die, life
//! negated ("I don't want to live"), "end it" with a time word, and methods and places.

use super::frames::classes;
use super::grammar::{Reader, Who};
use super::signs;
use super::text::Sentence;

pub fn read(r: &Reader) -> bool {
    // "My therapist asked if I think about hurting myself, and I said no."
    if r.has_word("asked") && r.w.context.denied.any(r.s) {
        return false;
    }
    thoughts(r)
        || acts(r)
        || on_my_body(r)
        || bled(r)
        || wishes(r)
        || lives(r)
        || end_it(r)
        || means(r)
        || signs::read(r)
}

/// The writer's own thoughts of dying and acts named as theirs ("I cut myself"), without
/// marks on the body read as self-harm: all that is read in a sentence about an animal's or a
/// child's doing (`Reader::creature`), where a bite mark is the animal's.
pub fn thought(r: &Reader) -> bool {
    thoughts(r) || wishes(r) || lives(r) || end_it(r) || acts(r)
}

/// "I've been burning my arm", "I scratched my legs until…": a cut, a burn or a blow the writer
/// gives their own body. Blows ("hit my head") need a sign of intent; an accident is not one.
fn on_my_body(r: &Reader) -> bool {
    let sh = &r.w.self_harm;
    if r.accident {
        return false;
    }
    (0..r.s.len()).any(|v| {
        let w = r.word(v);
        // "scratched at my arms"
        let v = if r.word(v + 1) == "at" { v + 1 } else { v };
        if !sh.self_verbs.has(w) || r.word(v + 1) != "my" {
            return false;
        }
        let part = if sh.self_harm_parts.has(r.word(v + 2)) {
            v + 2
        } else if sh.self_harm_parts.has(r.word(v + 3)) {
            v + 3
        } else {
            return false;
        };
        if r.clause_subject(v) != Who::Writer || r.negated_before(v) {
            return false;
        }
        let blunt = [
            "hit", "punch", "bang", "bash", "bit", "pull", "rip", "tear", "tore", "pick",
        ]
        .iter()
        .any(|p| w.starts_with(p));
        let after = r.word(part + 1);
        let accident = matches!(
            after,
            "on" | "while" | "when" | "opening" | "chopping" | "slicing" | "shaving"
        );
        let intent = [
            "until",
            "till",
            "purpose",
            "repeatedly",
            "punish",
            "again",
            "over",
        ]
        .iter()
        .any(|x| r.s.words[part..].iter().any(|y| y == x))
            || sh.habit.find(r.s, part, r.s.len()).is_some();
        let habit = sh.habit.find(r.s, part, r.s.len()).is_some();
        // "banging my head on the wall until I see stars": a blow kept up is meant.
        let kept_up = r.s.words[part..]
            .iter()
            .any(|y| matches!(y.as_str(), "until" | "till" | "purpose"));
        (!accident || habit || kept_up) && (!blunt || intent)
    })
}

/// "I punched the wall until my knuckles bled": harm that ends in blood, by the writer.
fn bled(r: &Reader) -> bool {
    (0..r.s.len()).any(|i| {
        matches!(r.word(i), "until" | "till")
            && (i + 1..i + 6)
                .any(|k| matches!(r.word(k), "bled" | "bleed" | "bleeding" | "blood" | "raw"))
            && r.clause_subject(i) == Who::Writer
            && !r.accident
    })
}

/// "kill myself", "suicidal", "better off without me": unless negated or hyperbole
/// ("killing myself at work").
fn thoughts(r: &Reader) -> bool {
    let sh = &r.w.self_harm;
    sh.thoughts.all(r.s).any(|(start, n)| {
        let phrase = &r.s.words[start..start + n];
        let suicid = phrase[0].starts_with("suicid");
        let killing = phrase.iter().any(|w| w.starts_with("kill"));
        let exempt = suicid
            && matches!(
                r.word(start + 1),
                "prevention" | "awareness" | "helpline" | "hotline" | "line"
            );
        let negated = if suicid {
            // "I don't have any thoughts of suicide" is a no; "I'm not suicidal, I think" is not.
            (start.saturating_sub(5)..start)
                .any(|k| r.s.same_clause(k, start) && r.w.grammar.negators.has(r.word(k)))
                && !r.w.context.hedges.any(r.s)
        } else {
            r.negated_before(start)
        };
        let hyperbole = killing && sh.kill_idioms.at(r.s, start + n).is_some()
            // "Overdosed on chocolate buttons": on something that is no medicine.
            || phrase[0].starts_with("overdos")
                && r.word(start + n) == "on"
                && !super::frames::is_medicine(r.word(start + n + 1));
        // "overdose management for my exam", "how to recognise an opioid overdose": a
        // subject studied or treated, not an act.
        let topic = phrase[0].starts_with("overdos")
            && (sh.overdose_topics.has(r.word(start + n))
                || (start.saturating_sub(4)..start).any(|k| sh.treating.has(r.word(k))));
        !(exempt || negated || hyperbole || topic || r.held_by_another(start))
    })
}

/// "I cut myself", "scratched my arms until they bled", "urge to cut": not an accident, and
/// an act on "my" arm is the writer's own.
fn acts(r: &Reader) -> bool {
    if r.accident {
        return false;
    }
    r.w.self_harm.acts.all(r.s).any(|(start, n)| {
        let phrase = &r.s.words[start..start + n];
        let on_my_body = phrase.iter().any(|w| w == "my");
        let bled = phrase[0] == "until" || phrase[0] == "till";
        // "I cut myself a slice of cake": done for the writer, not to them.
        let for_me = phrase.last().is_some_and(|w| w == "myself")
            && matches!(r.word(start + n), "a" | "an" | "some" | "another" | "the");
        !for_me
            && !r.negated_before(start)
            && (!on_my_body || r.clause_subject(start) == Who::Writer)
            && (!bled || r.has_word("i"))
    })
}

/// "I want to die", "I wish I could disappear forever", "thinking about dying": a death after a
/// wish in the clause, with no one else between them ("I want him dead") and no idiom after
/// ("die of embarrassment", "dying to see it").
fn wishes(r: &Reader) -> bool {
    let sh = &r.w.self_harm;
    if r.humour {
        return false;
    }
    sh.deaths.all(r.s).any(|(d, n)| {
        // "easier to die than keep doing this" is about a life; "rather die than sing" is not.
        let than = r.word(d + n) == "than"
            && !(d + n + 1..d + n + 4).any(|k| sh.going_on.at(r.s, k).is_some());
        let open =
            matches!(r.word(d), "disappear" | "vanish" | "out") || r.word(d).starts_with("it");
        // Idioms follow a bare death ("die of embarrassment"), not "the plane goes down on…".
        let idiom = (n == 1 || r.word(d) == "be") && sh.death_idioms.at(r.s, d + n).is_some();
        if idiom || than || open && !r.clause_ends(d + n) {
            return false;
        }
        if r.word(d) == "death" && !matches!(r.word(d.wrapping_sub(1)), "about" | "of") {
            return false;
        }
        let wish = (d.saturating_sub(7)..d)
            .rev()
            .find(|&j| r.s.same_clause(j, d) && sh.wishes.has(r.word(j)));
        let Some(j) = wish else { return false };
        if r.held_by_another(j) {
            return false;
        }
        // "I thought I might die" is fear of dying, not a wish.
        if matches!(r.word(j), "thought" | "think" | "thinking")
            && r.word(j + 1) == "i"
            && matches!(r.word(j + 2), "might" | "would" | "could" | "was" | "am")
        {
            return false;
        }
        // "want it all to stop for good" is the writer's own; "want it to die down" is not.
        let stop = r.word(d) == "stop";
        let someone_else = (j + 1..d).any(|k| {
            matches!(
                r.word(k),
                "him" | "her" | "them" | "he" | "she" | "they" | "you" | "this" | "that"
            ) || r.word(k) == "it" && !stop
        });
        // "wouldn't mind if I died": the negation makes the wish.
        let negated = r.negated_before(j) != (r.word(j) == "mind");
        // "I want to disappear", not "I want my debt to disappear".
        let only_me = !matches!(r.word(d), "disappear" | "vanish")
            || (j + 1..d).all(|k| r.w.grammar.skip.has(r.word(k)) || r.word(k) == "i");
        if !only_me {
            return false;
        }
        !someone_else && !negated
    })
}

/// "I don't want to live", "I can't go on", "I hope I don't wake up".
fn lives(r: &Reader) -> bool {
    let sh = &r.w.self_harm;
    sh.lives.all(r.s).any(|(l, n)| {
        let negated = (l.saturating_sub(6)..l)
            .any(|k| r.s.same_clause(k, l) && r.w.grammar.negators.has(r.word(k)));
        if !negated || r.held_by_another(l) {
            return false;
        }
        // The writer's own life: an "I" before it, or a bare "not to exist".
        let writer = (0..l).any(|k| r.word(k) == "i") || r.word(l.wrapping_sub(1)) == "to";
        let phrase = r.s.words[l..l + n].join(" ");
        let next = r.word(l + n);
        match phrase.as_str() {
            "make it" => sh.wishes.any(r.s) && r.has_word("if") && !r.has_word("we"),
            "wake up" => {
                sh.wishes.any(r.s)
                    && !matches!(
                        next,
                        "this" | "early" | "on" | "for" | "at" | "so" | "because"
                    )
                    && !r.has_word("tired")
            }
            // "I wish I just wasn't around"
            "here" | "around" => {
                r.clause_subject(l) == Who::Writer && sh.wishes.any(r.s) && r.clause_ends(l + n)
            }
            "be here" | "be around" => {
                writer
                    && (r.clause_ends(l + n)
                        || matches!(
                            next,
                            "anymore" | "any" | "forever" | "tomorrow" | "now" | "tonight"
                        )
                        || r.w.grammar.horizons.find(r.s, l + n, l + n + 4).is_some()
                        || r.w.grammar.time_words.find(r.s, l + n, l + n + 4).is_some())
            }
            _ => {
                // "I don't want to go on like this with the arguments" is about the rows.
                let about_something = (l + n..l + n + 5).any(|k| {
                    // "I don't want to live without him" is about a life.
                    let without_someone =
                        r.word(k) == "without" && r.w.people.victims.has(r.word(k + 1));
                    r.s.same_clause(l, k)
                        && !without_someone
                        && sh.life_idioms.at(r.s, k).is_some()
                        && !matches!(r.word(k), "a" | "the" | "to" | "for")
                        || k == l + n && !without_someone && sh.life_idioms.at(r.s, k).is_some()
                });
                // "I don't want to go on like this, arguing about the same three things".
                let rows = r.word(l + n) == "like"
                    && r.word(l + n + 1) == "this"
                    && matches!(
                        r.word(l + n + 2),
                        "arguing" | "fighting" | "rowing" | "bickering" | "with"
                    );
                writer && !about_something && !rows
            }
        }
    })
}

/// "I'm going to end it tonight": "end it" with a time word, or alone after a wish, and not
/// about the relationship ("end it with him").
fn end_it(r: &Reader) -> bool {
    let g = &r.w.grammar;
    // "my mind keeps telling me to just end it": the writer's own thoughts urging.
    let urged = r.w.self_harm.inner_voice.any(r.s);
    (0..r.s.len()).any(|i| {
        if !matches!(r.word(i), "end" | "ending" | "ended") || r.word(i + 1) != "it" {
            return false;
        }
        // "if I just ended it": a life, not a relationship, unless one is named.
        let if_i = (i.saturating_sub(4)..i).any(|k| r.word(k) == "if" && r.word(k + 1) == "i");
        if r.word(i) == "ended" && !if_i {
            return false;
        }
        if r.held_by_another(i) {
            return false;
        }
        let after = i + 2;
        let we = (0..i).any(|k| r.s.same_clause(k, i) && r.word(k) == "we");
        if we || g.relationship.find(r.s, after, after + 3).is_some() {
            return false;
        }
        g.time_words.find(r.s, after, after + 4).is_some()
            || urged
            || if_i && r.clause_ends(after)
            || r.clause_ends(after)
                && (i.saturating_sub(16)..i)
                    .any(|k| r.s.same_clause(k, i) && r.w.self_harm.wishes.has(r.word(k)))
                && !r.negated_before(i)
    })
}

/// Means and places: pills or blades hidden, standing on a bridge, stepping in front of a
/// train, driving into a tree.
fn means(r: &Reader) -> bool {
    let sh = &r.w.self_harm;
    if r.has_word("we") {
        return false;
    }
    let words = &r.s.words;
    let in_front = words.windows(3).position(|w| w == ["in", "front", "of"]);
    if let Some(k) = in_front
        && sh.vehicles.find(r.s, k + 3, k + 6).is_some()
        && (k.saturating_sub(4)..k).any(|j| {
            ["jump", "step", "throw", "lie", "lying", "walk"]
                .iter()
                .any(|p| r.word(j).starts_with(p))
        })
    {
        return true;
    }
    let writer = r.has_word("i") || r.has_word("myself") || r.unwritten_writer();
    if !writer {
        return false;
    }
    // "took a whole packet of tablets", "swallowed all of them"
    let swallowed = words.iter().enumerate().any(|(i, w)| {
        matches!(
            w.as_str(),
            "took" | "take" | "taken" | "taking" | "swallowed" | "swallow" | "downed"
        ) && (i + 1..i + 4).any(|k| {
            matches!(
                r.word(k),
                "all"
                    | "handful"
                    | "whole"
                    | "bottle"
                    | "box"
                    | "packet"
                    | "lots"
                    | "loads"
                    | "rest"
                    | "many"
            )
        }) && sh.methods.find(r.s, i + 1, i + 8).is_some()
    });
    if swallowed {
        return true;
    }
    // "I used a razor on my arm"
    let blade_on_me = sh.methods.all(r.s).any(|(m, n)| {
        (m + n..m + n + 3).any(|k| {
            matches!(r.word(k), "on" | "to" | "into" | "against" | "across")
                && r.word(k + 1) == "my"
                && sh.self_harm_parts.has(r.word(k + 2))
        })
    });
    if blade_on_me && !r.accident {
        return true;
    }
    if sh.methods.any(r.s) && sh.hiding.any(r.s) {
        return true;
    }
    let high_place = sh.places.any(r.s) && !sh.not_places.any(r.s) && !sh.sightseeing.any(r.s);
    if high_place && (sh.place_verbs.any(r.s) || sh.place_visits.any(r.s) && sh.place_cues.any(r.s))
    {
        return true;
    }
    let words = &r.s.words;
    words.iter().enumerate().any(|(i, w)| {
        matches!(
            w.as_str(),
            "drive"
                | "driving"
                | "drove"
                | "crash"
                | "crashing"
                | "crashed"
                | "swerve"
                | "swerving"
                | "steer"
                | "steering"
        ) && (i + 1..i + 6)
            .any(|k| r.word(k) == "into" && sh.crash_targets.find(r.s, k + 1, k + 4).is_some())
    })
}

/// "Skipped my lithium all week... That's sort of the point", "threw the antidepressants in
/// the bin. If my heart wants to quit, let it": the writer's medicine stopped, with a word in
/// the sentence or the next that it is meant to end a life. Stopping for side effects is not.
pub fn stopped_medicine(r: &Reader, next: Option<&Sentence>) -> bool {
    let sh = &r.w.self_harm;
    let words = &r.s.words;
    let stop = sh.medicine_stopped.any(r.s)
        || words.iter().enumerate().any(|(i, w)| {
            w == "refill" && r.negated_before(i)
                || w == "threw" && (i + 1..i + 6).any(|k| r.word(k) == "bin")
        });
    let medicine = words.iter().any(|w| classes().medicines.has(w));
    stop && medicine && (sh.meant_to_end.any(r.s) || next.is_some_and(|s| sh.meant_to_end.any(s)))
}
