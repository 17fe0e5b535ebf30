//! The broad recognisers of self-harm: the writer's own injury, means and plans, and wishes
//! that everything stop, in any words.

use super::*;

mod kept;
use kept::{
    in_front_of, marks_covered, means_dwelt_on, taken_by_the_lot, wished_to_stop, woke_sorry,
};

mod injury;
use injury::{bled_until, blows_on_things, own_injury};

pub fn self_harm(r: &Reader, next: Option<&Sentence>) -> bool {
    #[cfg(test)]
    if OFF.load(std::sync::atomic::Ordering::Relaxed) {
        return false;
    }
    if r.games || r.has_word("asked") && r.w.context.denied.any(r.s) {
        return false;
    }
    let b = broad();
    own_injury(r, b)
        || means_dwelt_on(r, b)
        || taken_by_the_lot(r)
        || in_front_of(r)
        || wished_to_stop(r, b)
        || woke_sorry(r, b)
        || marks_covered(r)
        || super::resolve::read(r, next)
        || blows_on_things(r)
        || hoped_to_befall(r, b)
        || life_without_worth(r, b)
        || wants_to_crash(r)
        || returned_to(r, b)
        || dose_exceeded(r, b)
        || bequest(r, b)
        || lethal_sought(r, b)
        || easy_way(r, b)
        || pictured(r, b)
        || own_marks(r, b)
        || bled_until(r, b)
        || drive_into(r)
        || goodbye_written(r, b)
        || done_unseen(r, b)
}

/// The writer going into the water or off a height: "i'm going to drive into the reservoir
/// tomorrow", "walk into the sea". Not a swim, a paddle or a pool.
fn drive_into(r: &Reader) -> bool {
    let c = classes();
    let leisure = [
        "swim",
        "swimming",
        "paddle",
        "paddleboard",
        "kayak",
        "wetsuit",
        "surf",
        "dip",
        "pool",
        "holiday",
        "fishing",
    ];
    if leisure.iter().any(|w| r.has_word(w)) || !writer_present(r) || r.games {
        return false;
    }
    (0..r.s.len()).any(|v| {
        base_of(
            r.word(v),
            &["drive", "walk", "jump", "step", "run", "throw"],
        )
        .is_some()
            && matches!(r.word(v + 1), "into" | "off" | "in" | "myself")
            && (v + 2..v + 6).any(|k| {
                (c.waters.has(r.word(k)) && r.word(k) != "water")
                    || c.heights.has(r.word(k)) && r.word(v + 1) == "off"
                    || matches!(r.word(k), "traffic" | "oncoming")
            })
            && named(r, v).or_else(|| opens_at(r, v).then_some(Who::Writer)) == Some(Who::Writer)
    })
}

/// Marks the writer says are the writer's own: "the bruises on my thighs are from me".
fn own_marks(r: &Reader, b: &Broad) -> bool {
    let marks = (0..r.s.len()).any(|i| {
        matches!(
            r.word(i),
            "bruises" | "cuts" | "scars" | "burns" | "marks" | "scratches" | "bruise" | "cut"
        ) && (i + 1..i + 5).any(|k| r.word(k) == "my" && r.w.body.parts.has(r.word(k + 1)))
    });
    // "from me falling off my bike": an accident told
    let told = (0..r.s.len())
        .any(|i| r.word(i) == "from" && r.word(i + 1) == "me" && r.word(i + 2).ends_with("ing"));
    marks
        && b.own_marks.any(r.s)
        && !told
        && !r.accident
        && !has_harm_doer(r)
        && !["say", "says", "said", "tell", "tells"]
            .iter()
            .any(|w| r.has_word(w))
}

/// A goodbye written out and kept: "typed out a goodbye text and saved it in drafts".
fn goodbye_written(r: &Reader, b: &Broad) -> bool {
    (0..r.s.len()).any(|i| {
        b.goodbye.has(r.word(i))
            && (r.word(i) != "last" || (i + 1..i + 3).any(|k| r.word(k) == "goodbye"))
            && (i + 1..i + 3).any(|k| b.goodbye_things.has(r.word(k)))
    }) && writer_present(r)
        && !b.leaving_do.any(r.s)
}

/// "Do it" where no one will see: "Nobody would find me for days if I did it on a Friday",
/// "i'm going to do it this weekend when everyone's away".
fn done_unseen(r: &Reader, b: &Broad) -> bool {
    let doing = (0..r.s.len()).any(|i| {
        matches!(r.word(i), "do" | "did" | "doing")
            && r.word(i + 1) == "it"
            && (i.saturating_sub(5)..i).any(|j| r.word(j) == "i")
    });
    doing && b.unseen.any(r.s) && !r.w.context.media.any(r.s)
}

/// The writer's things left to others: "wrote down who should get my cat".
fn bequest(r: &Reader, b: &Broad) -> bool {
    writer_present(r) && b.bequest.any(r.s) && !r.has_word("holiday") && !r.has_word("away")
        || b.bequest.any(r.s) && (r.has_word("gone") || r.has_word("will"))
}

/// A lethal measure looked up: "i keep googling how long it takes to bleed out".
fn lethal_sought(r: &Reader, b: &Broad) -> bool {
    let Some(i) = (0..r.s.len()).find(|&i| b.seek.at(r.s, i).is_some()) else {
        return false;
    };
    let animals = [
        "dog", "cat", "dogs", "cats", "plant", "plants", "fish", "mice", "wasps", "bee", "sting",
        "allergic", "snake", "spider",
    ];
    // "how many it would take", not "how many it would take to fill the pool"
    (i + 1..r.s.len()).any(|k| {
        b.lethal
            .at(r.s, k)
            .is_some_and(|n| r.word(k) != "how" || r.word(k + n) != "to")
    }) && !animals.iter().any(|a| r.has_word(a))
        && !r.w.context.media.any(r.s)
}

/// A way said to be easy: "it would be so easy to just keep driving into the sea".
fn easy_way(r: &Reader, b: &Broad) -> bool {
    (0..r.s.len()).any(|i| {
        // "so easy to…", "thought about just letting go of the wheel"
        (matches!(
            r.word(i),
            "easy" | "easier" | "tempting" | "simple" | "quick"
        ) && r.word(i + 1) == "to"
            || (base_of(r.word(i), &["think"]).is_some()
                || matches!(r.word(i), "thought" | "thoughts"))
                && matches!(r.word(i + 1), "about" | "of"))
            && (i + 2..i + 6).any(|k| {
                // "ending it with him", "ending it early and going home" end something else
                b.easy_way.at(r.s, k).is_some_and(|n| {
                    !matches!(
                        r.word(k + n),
                        "to" | "conclusions" | "in" | "with" | "early" | "between"
                    )
                })
            })
    })
}

/// The writer pictured dead or falling: "keep picturing myself at the bottom of the stairs".
fn pictured(r: &Reader, b: &Broad) -> bool {
    (0..r.s.len()).any(|i| {
        base_of(
            r.word(i),
            &["picture", "imagine", "visualise", "visualize", "see"],
        )
        .is_some()
            && r.word(i + 1) == "myself"
            && (i + 2..i + 6).any(|k| b.pictured.at(r.s, k).is_some())
            && !r.has_word("old")
            && !r.has_word("retired")
    })
}

/// The writer wanting the crash or the drowning: "Part of me wants to crash the car".
fn wants_to_crash(r: &Reader) -> bool {
    let b = broad();
    (0..r.s.len()).any(|i| {
        b.wanting.has(r.word(i))
            && !r.negated_before(i)
            && r.word(i + 1) == "to"
            && (base_of(r.word(i + 2), &["crash", "drive", "swerve"]).is_some()
                && (i + 3..i + 6)
                    .any(|k| matches!(r.word(k), "car" | "into" | "off" | "wall" | "tree"))
                || base_of(r.word(i + 2), &["drown", "overdose"]).is_some())
            && (0..i).any(|k| matches!(r.word(k), "i" | "me"))
    })
}

/// Self-harm taken up again: "I've started cutting again after two years clean".
fn returned_to(r: &Reader, b: &Broad) -> bool {
    if r.accident || classes().grooming.any(r.s) || !writer_present(r) {
        return false;
    }
    (0..r.s.len()).any(|v| {
        matches!(
            r.word(v),
            "cutting" | "burning" | "harming" | "scratching" | "purging"
        ) && (r.clause_ends(v + 1)
            || b.relapse.at(r.s, v + 1).is_some()
            || r.has_word("relapsed")
            || r.has_word("clean"))
            && (0..r.s.len()).any(|k| b.relapse.at(r.s, k).is_some())
    })
}

/// More of a medicine than meant: "I took way more of my tablets than I'm meant to".
fn dose_exceeded(r: &Reader, b: &Broad) -> bool {
    writer_present(r)
        && (0..r.s.len()).any(|i| {
            classes().medicines.has(r.word(i)) && r.word(i) != "sleeping"
                || matches!(r.word(i), "dose" | "prescribed")
        })
        && (0..r.s.len()).any(|i| b.overdose.at(r.s, i).is_some())
        && !r.has_word("forgot")
}

/// Harm wished or hoped to befall the writer: "I keep wishing I'd get hit by a bus", "hope I
/// don't wake up". Not a wish for someone else ("wish he would…").
fn hoped_to_befall(r: &Reader, b: &Broad) -> bool {
    if r.humour {
        return false;
    }
    let wish = &classes().wish;
    (0..r.s.len()).any(|i| {
        if !wish.has(r.word(i)) || r.negated_before(i) {
            return false;
        }
        let end = (i + 12).min(r.s.len());
        let Some(f) = (i + 1..end).find(|&k| b.befall.at(r.s, k).is_some()) else {
            return false;
        };
        let writer = (i + 1..f + 3).any(|k| matches!(r.word(k), "i" | "me" | "my"));
        let other = (i + 1..f).any(|k| {
            matches!(
                r.word(k),
                "he" | "she" | "they" | "him" | "her" | "them" | "you"
            ) || r.is_name(k)
        });
        writer && !other
    })
}

/// Life said to be without worth, or the fight given up, by the writer: "Life just feels
/// pointless and I'm tired of fighting it", "Some days I just don't see a way out".
fn life_without_worth(r: &Reader, b: &Broad) -> bool {
    if !writer_present(r) || r.humour {
        return false;
    }
    // "tired of fighting", not "tired of fighting with the council", "a way out of this
    // overdraft"
    let tired = (0..r.s.len()).any(|i| {
        b.tired_of.at(r.s, i).is_some_and(|n| {
            // "tired of fighting with the council", "not afraid to die on this hill"; a plain
            // deed ("let myself bleed for a while") needs no such guard
            let fight = !matches!(
                r.word(i),
                "let" | "watched" | "ways" | "how" | "where" | "the" | "doing" | "do"
            );
            !fight
                || !matches!(
                    r.word(i + n),
                    "with" | "about" | "over" | "for" | "of" | "against" | "on" | "at" | "in"
                )
        })
    });
    let life = (0..r.s.len()).any(|i| {
        matches!(r.word(i), "life" | "living" | "existence")
            && !(i > 0
                && matches!(
                    r.word(i - 1),
                    "work"
                        | "social"
                        | "love"
                        | "battery"
                        | "shelf"
                        | "night"
                        | "sex"
                        | "home"
                        | "student"
                        | "city"
                        | "real"
                        | "dating"
                        | "family"
                ))
            && (i + 1..i + 5).any(|k| {
                // "pointless without my morning coffee": a hyperbole of a want
                r.s.same_clause(i, k)
                    && b.hopeless_life.at(r.s, k).is_some()
                    && !(k + 1..k + 3).any(|j| r.word(j) == "without")
            })
    });
    tired || life
}

/// A partner doing something with force or a threat: "He threatened me with a knife".
fn has_harm_doer(r: &Reader) -> bool {
    (0..r.s.len()).any(|i| {
        matches!(r.word(i), "he" | "she")
            && (i + 1..i + 3)
                .any(|k| classes().force.has(r.word(k)) || r.word(k).starts_with("threat"))
    })
}
