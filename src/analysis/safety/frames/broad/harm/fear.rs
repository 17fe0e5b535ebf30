//! Threats, fear and force between partners that no blow on the body names: a pet hurt, a
//! threat told, force in the passive, violence near the writer, put-downs, temper and fear.

use super::*;

/// A partner's violence on a pet: "He kicked the dog to make a point and looked at me".
pub(super) fn pets(r: &Reader, harm: &mut Harm) {
    if r.humour || r.accident {
        return;
    }
    for v in 0..r.s.len() {
        if !broad().plain_harm.has(r.word(v)) || named(r, v) != Some(Who::Partner) {
            continue;
        }
        let pet = (v + 1..v + 4).any(|k| r.w.people.animals.has(r.word(k)));
        let ball = (v + 1..v + 4).any(|k| matches!(r.word(k), "ball" | "toy" | "stick"));
        if pet && !ball {
            harm.harmed = true;
        }
    }
}

/// The writer's threat, told: "I told her I'd take the dog and she'd never see him again".
pub(super) fn told_threat(r: &Reader, b: &Broad, harm: &mut Harm) {
    let Some(t) = (0..r.s.len()).find(|&i| {
        matches!(r.word(i), "told" | "said" | "threatened" | "warned")
            && i > 0
            && r.word(i - 1) == "i"
    }) else {
        return;
    };
    let threat = (t + 1..r.s.len()).any(|k| {
        b.punish.at(r.s, k).is_some()
            && matches!(
                r.word(k),
                "never"
                    | "regret"
                    | "regrets"
                    | "be"
                    | "pay"
                    | "make"
                    | "take"
                    | "lose"
                    | "burn"
                    | "destroy"
                    | "get"
            )
            && !r.negated_before(k)
    }) && (t + 1..r.s.len())
        .any(|k| matches!(r.word(k), "she" | "he" | "her" | "him"));
    if threat && !r.w.grammar.trivial.any(r.s) && !r.humour {
        harm.harming = true;
    }
}

/// "puts me down in front of his friends", "putting my girlfriend down": a put-down as a verb.
/// Not a baby put down for a nap, nor an animal at the vet.
pub(super) fn put_down_phrasal(r: &Reader, harm: &mut Harm) {
    if r.humour || r.w.people.animals.any(r.s) || r.has_word("vet") || r.has_word("baby") {
        return;
    }
    for v in 0..r.s.len() {
        if base_of(r.word(v), &["put"]).is_none() {
            continue;
        }
        let (side, k) = side_after(r, v);
        let down = (k + 1..k + 3).find(|&j| r.word(j) == "down");
        let Some(d) = down else { continue };
        if matches!(r.word(d + 1), "for" | "as" | "on" | "gently" | "carefully") {
            continue;
        }
        note(harm, agent(r, v), side);
    }
}

/// The writer as the one force was done to, in the passive: "was shoved into the bookcase by
/// liam", "got my hair pulled so hard a clump came out". A thing as the doer ("by a ball") or
/// an accident is none.
pub(super) fn passive_force(r: &Reader, harm: &mut Harm) {
    if r.accident || r.w.context.protective.any(r.s) {
        return;
    }
    let c = classes();
    for v in 1..r.s.len() {
        if !c.force.has(r.word(v))
            || !(r.word(v).ends_with("ed") || irregular(r.word(v)) != r.word(v))
        {
            continue;
        }
        // "was shoved", "got shoved", "got my hair pulled"
        let aux = |j: usize| matches!(r.word(j), "was" | "were" | "got" | "get" | "been" | "being");
        let patient_writer = if aux(v - 1) {
            (0..v - 1).all(|j| {
                r.w.grammar.skip.has(r.word(j)) || r.word(j) == "i" || r.word(j).ends_with("ly")
            })
        } else {
            v >= 3
                && r.word(v - 3) == "got"
                && r.word(v - 2) == "my"
                && r.w.body.parts.has(r.word(v - 1))
        };
        if !patient_writer {
            continue;
        }
        let by = (v + 1..r.s.len()).find(|&k| r.word(k) == "by");
        // "by liam", "by my husband"; not "by some drunk bloke" (a stranger's violence is for
        // the narrower rules) nor "by the ball"
        let by_person = by.is_some_and(|k| {
            let w = r.word(k + 1);
            let known = r.w.people.partners.has(w)
                || w == "my" && r.w.people.partners.has(r.word(k + 2))
                || w == "my" && r.w.people.others.has(r.word(k + 2));
            let name = w.len() > 2
                && !r.w.grammar.skip.has(w)
                && !r.w.people.not_names.has(w)
                && !matches!(
                    w,
                    "a" | "an" | "the" | "some" | "accident" | "mistake" | "his" | "her"
                )
                && (r.clause_ends(k + 2)
                    || r.w.grammar.skip.has(r.word(k + 2))
                    || r.word(k + 2) == "and");
            known || name
        });
        let forced = (v + 1..r.s.len()).any(|k| {
            matches!(r.word(k), "hard" | "purple" | "until" | "till")
                || matches!(r.word(k), "into" | "against") && r.surface_near(k + 1)
                || c.force_marks.has(r.word(k))
                || r.w.body.marks.at(r.s, k).is_some()
        });
        if by_person || forced {
            harm.harmed = true;
        }
    }
}

/// Fear of a partner said in other words: "the way he looks at me when I talk to other men
/// scares me".
pub(super) fn scared_by(r: &Reader, b: &Broad, harm: &mut Harm) {
    let Some(p) = (0..r.s.len()).find(|&i| b.scares.at(r.s, i).is_some()) else {
        return;
    };
    let about_him = (0..p).any(|j| {
        matches!(r.word(j), "he" | "she" | "his" | "her")
            || r.w.people.partners.has(r.word(j)) && r.word(j) != "they"
    });
    let things = [
        "film",
        "movie",
        "spiders",
        "spider",
        "heights",
        "exam",
        "exams",
        "dark",
        "future",
        "love",
        "how much",
        "news",
        "interview",
        "flying",
        "dentist",
        "surgery",
        "results",
        "money",
        "bills",
        "job",
        "test",
        "baby",
        "wedding",
        "driving",
        "sea",
        "drives",
        "driver",
    ];
    if about_him
        && !things.iter().any(|w| r.has_word(w))
        && !r.humour
        && !r.w.context.media.any(r.s)
    {
        harm.harmed = true;
    }
}

/// Violence near the writer without a blow: "he punches walls and throws chairs", "gets
/// physical when she's been drinking", a hold "until I couldn't breathe".
pub(super) fn frightening(r: &Reader, b: &Broad, harm: &mut Harm) {
    for v in 0..r.s.len() {
        let w = r.word(v);
        // The shared grammar's doer: "screamed until she cried and then punched the wall" is
        // the writer's act.
        let who = doer(r, v);
        if who != Who::Partner || r.negated_before(v) {
            continue;
        }
        let beat_things = base_of(
            w,
            &["punch", "kick", "smash", "throw", "slam", "hurl", "break"],
        )
        .is_some()
            && (v + 1..v + 4).any(|k| b.frightening_things.at(r.s, k).is_some())
            && writer_present(r);
        // "gets physical when she's been drinking", not "got physical therapy"
        let turns = base_of(w, &["get", "become", "turn"]).is_some()
            && (v + 1..v + 3).any(|k| {
                b.turns_violent.has(r.word(k))
                    && (r.clause_ends(k + 1)
                        || matches!(
                            r.word(k + 1),
                            "when"
                                | "with"
                                | "if"
                                | "after"
                                | "again"
                                | "and"
                                | "at"
                                | "towards"
                                | "sometimes"
                                | "whenever"
                                | "because"
                                | "once"
                        ))
            });
        let breath = r.word(v + 1) == "me"
            && !r.humour
            && (classes().force.has(w) || base_of(w, &["put", "hold", "sit", "lie"]).is_some())
            && (v + 2..r.s.len()).any(|k| b.breathless.at(r.s, k).is_some());
        // "grabbed the steering wheel and tried to crash us"
        let us = base_of(w, &["crash", "kill", "drown"]).is_some()
            && r.word(v + 1) == "us"
            && !r.humour
            && !r.w.grammar.trivial.any(r.s);
        if beat_things || turns || breath || us {
            harm.harmed = true;
        }
    }
    purpose(r, harm);
}

/// An act done to punish or frighten someone: "He kicked the dog to punish me", "I hid her
/// keys to teach her a lesson".
pub(super) fn purpose(r: &Reader, harm: &mut Harm) {
    for i in 0..r.s.len() {
        if r.word(i) != "to"
            || base_of(
                r.word(i + 1),
                &[
                    "punish",
                    "scare",
                    "frighten",
                    "terrify",
                    "hurt",
                    "upset",
                    "teach",
                    "control",
                    "humiliate",
                ],
            )
            .is_none()
        {
            continue;
        }
        if r.negated_before(i) || r.w.grammar.emotional.any(r.s) {
            continue;
        }
        let side = match r.word(i + 2) {
            "me" => Side::Writer,
            "him" | "her" | "them" => Side::Victim,
            _ if r.is_name(i + 2) => Side::Victim,
            _ => continue,
        };
        let who = (0..i).find_map(|j| match r.who_at(j) {
            Some(w @ (Who::Partner | Who::Writer)) => Some(w),
            _ => None,
        });
        if let Some(who) = who {
            note(harm, who, side);
        }
    }
}

/// A put-down said to someone: "She calls me stupid in front of the kids", "I told him he's
/// worthless". The name must be said of the one spoken to ("I told him I feel worthless" is
/// the writer's own feeling).
pub(super) fn put_down(r: &Reader, b: &Broad, harm: &mut Harm) {
    if r.humour || r.w.grammar.trivial.any(r.s) {
        return;
    }
    for v in 0..r.s.len() {
        if !b.say_to.has(r.word(v)) || r.negated_before(v) {
            continue;
        }
        let who = agent(r, v);
        let (side, k) = side_after(r, v);
        if !matches!(side, Side::Writer | Side::Victim) || r.word(k) == "my" {
            continue;
        }
        let Some(n) = (k + 1..k + 5).find(|&j| b.insults.at(r.s, j).is_some()) else {
            continue;
        };
        let between_ok = (k + 1..n).all(|j| {
            let w = r.word(j);
            let pronoun_ok = match side {
                Side::Writer => !matches!(w, "he" | "she"),
                _ => w != "i",
            };
            pronoun_ok
                && matches!(
                    w,
                    "he" | "she"
                        | "you"
                        | "i"
                        | "is"
                        | "are"
                        | "am"
                        | "was"
                        | "were"
                        | "a"
                        | "an"
                        | "so"
                        | "such"
                        | "the"
                        | "fucking"
                        | "just"
                        | "completely"
                        | "totally"
                        | "being"
                        | "that"
                        | "useless"
                        | "stupid"
                        | "fat"
                )
        });
        if between_ok {
            note(harm, who, side);
        }
    }
}

/// One side's temper, and the other side's fear: "I lose my temper and she ends up crying and
/// locking herself in the bathroom", "when he loses it I hide".
pub(super) fn temper_and_fear(r: &Reader, b: &Broad, harm: &mut Harm) {
    // A temper named, or things broken by a named doer ("I smashed every plate in the kitchen
    // while she hid in the bedroom").
    let named_temper = (0..r.s.len()).find(|&i| b.temper.at(r.s, i).is_some());
    let broke = || {
        (0..r.s.len()).find(|&v| {
            classes().destroy.has(r.word(v))
                && matches!(named(r, v), Some(Who::Writer | Who::Partner))
        })
    };
    let Some(t) = named_temper.or_else(broke) else {
        return;
    };
    let tlen = if named_temper.is_some() {
        b.temper.at(r.s, t).unwrap_or(1)
    } else {
        1
    };
    let writer_temper = if named_temper.is_some() {
        (t..t + tlen).any(|k| matches!(r.word(k), "i" | "my"))
    } else {
        named(r, t) == Some(Who::Writer)
    };
    // "My rage scares my wife"
    for v in t + tlen..(t + tlen + 3).min(r.s.len()) {
        if base_of(r.word(v), &["scare", "frighten", "terrify"]).is_some() {
            let (side, _) = side_after(r, v);
            match (writer_temper, side) {
                (true, Side::Victim) => harm.harming = true,
                (false, Side::Writer) => harm.harmed = true,
                _ => {}
            }
        }
    }
    for f in 0..r.s.len() {
        if (t..t + tlen).contains(&f) || b.fear_response.at(r.s, f).is_none() {
            continue;
        }
        // Tears after something broken may be sorrow for the thing.
        if named_temper.is_none() && base_of(r.word(f), &["cry"]).is_some() {
            continue;
        }
        let person = (f.saturating_sub(4)..f)
            .rev()
            .find_map(|j| match r.word(j) {
                "i" | "me" => Some(Side::Writer),
                "he" | "she" | "him" | "her" => Some(Side::Victim),
                _ if r.is_name(j) => Some(Side::Victim),
                _ => None,
            });
        match (writer_temper, person) {
            (true, Some(Side::Victim)) => harm.harming = true,
            (false, Some(Side::Writer)) if has_partner(r) => harm.harmed = true,
            _ => {}
        }
    }
}
