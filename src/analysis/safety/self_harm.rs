//! Thoughts of suicide and acts of self-harm: thoughts and acts named, wishes to die, life
//! negated ("I don't want to live"), "end it" with a time word, and methods and places.

use super::grammar::{Reader, Who};

pub fn read(r: &Reader) -> bool {
    thoughts(r) || acts(r) || wishes(r) || lives(r) || end_it(r) || means(r)
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
        let negated = !suicid && r.negated_before(start);
        let hyperbole = killing && sh.kill_idioms.at(r.s, start + n).is_some();
        !(exempt || negated || hyperbole)
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
        !r.negated_before(start)
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
        if sh.death_idioms.at(r.s, d + n).is_some() || r.word(d + n) == "than" {
            return false;
        }
        if r.word(d) == "death" && !matches!(r.word(d.wrapping_sub(1)), "about" | "of") {
            return false;
        }
        let wish = (d.saturating_sub(7)..d)
            .rev()
            .find(|&j| r.s.same_clause(j, d) && sh.wishes.has(r.word(j)));
        let Some(j) = wish else { return false };
        let someone_else = (j + 1..d).any(|k| {
            matches!(
                r.word(k),
                "him" | "her" | "them" | "he" | "she" | "they" | "it" | "you" | "this" | "that"
            )
        });
        !someone_else && !r.negated_before(j)
    })
}

/// "I don't want to live", "I can't go on", "I hope I don't wake up".
fn lives(r: &Reader) -> bool {
    let sh = &r.w.self_harm;
    sh.lives.all(r.s).any(|(l, n)| {
        let negated = (l.saturating_sub(4)..l)
            .any(|k| r.s.same_clause(k, l) && r.w.grammar.negators.has(r.word(k)));
        if !negated {
            return false;
        }
        let writer = (l.saturating_sub(8)..l).any(|k| r.s.same_clause(k, l) && r.word(k) == "i");
        let phrase = r.s.words[l..l + n].join(" ");
        let next = r.word(l + n);
        match phrase.as_str() {
            "wake up" => sh.wishes.any(r.s),
            "be here" | "be around" => {
                writer
                    && (r.clause_ends(l + n)
                        || matches!(
                            next,
                            "anymore" | "any" | "forever" | "tomorrow" | "now" | "tonight"
                        ))
            }
            _ => writer && sh.life_idioms.at(r.s, l + n).is_none(),
        }
    })
}

/// "I'm going to end it tonight": "end it" with a time word, or alone after a wish, and not
/// about the relationship ("end it with him").
fn end_it(r: &Reader) -> bool {
    let g = &r.w.grammar;
    (0..r.s.len()).any(|i| {
        if !matches!(r.word(i), "end" | "ending") || r.word(i + 1) != "it" {
            return false;
        }
        let after = i + 2;
        let we = (0..i).any(|k| r.s.same_clause(k, i) && r.word(k) == "we");
        if we || g.relationship.find(r.s, after, after + 3).is_some() {
            return false;
        }
        g.time_words.find(r.s, after, after + 4).is_some()
            || r.clause_ends(after)
                && (i.saturating_sub(6)..i)
                    .any(|k| r.s.same_clause(k, i) && r.w.self_harm.wishes.has(r.word(k)))
                && !r.negated_before(i)
    })
}

/// Means and places: pills or blades hidden, standing on a bridge, stepping in front of a
/// train, driving into a tree.
fn means(r: &Reader) -> bool {
    let sh = &r.w.self_harm;
    let writer = r.has_word("i") || r.has_word("myself");
    if !writer || r.has_word("we") {
        return false;
    }
    if sh.methods.any(r.s) && sh.hiding.any(r.s) {
        return true;
    }
    if sh.places.any(r.s) && sh.place_verbs.any(r.s) {
        return true;
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
