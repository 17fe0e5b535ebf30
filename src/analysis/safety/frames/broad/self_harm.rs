//! The broad recognisers of self-harm: the writer's own injury, means and plans, and wishes
//! that everything stop, in any words.

use super::*;

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

/// The writer's own injury kept up till it bled: "i keep scratching the same spot until it
/// bleeds".
fn bled_until(r: &Reader, b: &Broad) -> bool {
    if r.accident || has_harm_doer(r) || classes().grooming.any(r.s) {
        return false;
    }
    (0..r.s.len()).any(|v| {
        b.injure.at(r.s, v).is_some()
            && named(r, v).or_else(|| opens_at(r, v).then_some(Who::Writer)) == Some(Who::Writer)
            && (v + 1..(v + 8).min(r.s.len())).any(|k| {
                matches!(r.word(k), "until" | "till")
                    && matches!(r.word(k + 1), "it" | "they" | "i" | "there")
                    && matches!(
                        r.word(k + 2),
                        "bled"
                            | "bleeds"
                            | "bleed"
                            | "bleeding"
                            | "blistered"
                            | "blisters"
                            | "was"
                            | "were"
                            | "is"
                            | "are"
                    )
                    && (k + 2..k + 5).any(|j| {
                        matches!(
                            r.word(j),
                            "bled"
                                | "bleeds"
                                | "bleed"
                                | "bleeding"
                                | "blistered"
                                | "blisters"
                                | "raw"
                                | "blood"
                        )
                    })
            })
    })
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
    (i + 1..r.s.len()).any(|k| b.lethal.at(r.s, k).is_some())
        && !animals.iter().any(|a| r.has_word(a))
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
            || base_of(r.word(i), &["think"]).is_some() && matches!(r.word(i + 1), "about" | "of"))
            && (i + 2..i + 6).any(|k| {
                b.easy_way.at(r.s, k).is_some()
                    && !matches!(r.word(k + 1), "to" | "conclusions" | "in")
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

/// The writer's blows on a wall or a door until the writer's own body gives: "I punched the
/// wall until my knuckles split", "banged my head against the door till it bled". Beside a
/// partner ("the wall beside her") it is for the harm rules.
fn blows_on_things(r: &Reader) -> bool {
    let body = |w: &str| {
        r.w.body.parts.has(w) || matches!(w, "knuckles" | "fist" | "fists" | "forehead" | "skull")
    };
    let given = |w: &str| {
        matches!(
            w,
            "split"
                | "bled"
                | "bleed"
                | "bleeding"
                | "bruised"
                | "broke"
                | "raw"
                | "swelled"
                | "swollen"
                | "cracked"
                | "hurt"
                | "throbbed"
                | "numb"
        )
    };
    let near_partner = (0..r.s.len()).any(|i| {
        matches!(r.word(i), "beside" | "next" | "near" | "behind" | "by")
            && (i + 1..i + 4).any(|k| matches!(r.word(k), "her" | "him" | "them" | "his"))
    });
    if near_partner || r.accident {
        return false;
    }
    (0..r.s.len()).any(|v| {
        if base_of(
            r.word(v),
            &[
                "punch", "hit", "bang", "headbutt", "smash", "slam", "thump", "bash",
            ],
        )
        .is_none()
        {
            return false;
        }
        let who = named(r, v).or_else(|| opens_at(r, v).then_some(Who::Writer));
        if who != Some(Who::Writer) {
            return false;
        }
        let against = (v + 1..v + 5).any(|k| {
            r.w.body.surfaces.at(r.s, k).is_some() || matches!(r.word(k), "mirror" | "brick")
        });
        let gave = (v + 1..r.s.len()).any(|k| {
            r.word(k) == "my" && body(r.word(k + 1)) && (k + 2..k + 4).any(|j| given(r.word(j)))
        }) || (v + 1..r.s.len()).any(|k| {
            matches!(r.word(k), "until" | "till") && (k + 1..k + 5).any(|j| given(r.word(j)))
        });
        against && gave
    })
}

/// Any injury verb done by the writer to the writer's own body: "I bit my own arm hard
/// enough to leave marks", "pulled my hair out in clumps", "hit myself on the head". A bump or
/// a habit needs a sign of force, repetition or purpose; an accident or grooming is none.
fn own_injury(r: &Reader, b: &Broad) -> bool {
    if r.accident || classes().grooming.any(r.s) {
        return false;
    }
    // Someone else's hands ("bruises on my arms from where he held me") are for the harm rules.
    let other_doer = has_harm_doer(r);
    (0..r.s.len()).any(|v| {
        if b.injure.at(r.s, v).is_none() || passive_at(r, v) || r.negated_before(v) {
            return false;
        }
        // "the bruises", "have cuts": a noun, not an act
        if v > 0
            && matches!(
                r.word(v - 1),
                "the" | "a" | "an" | "some" | "have" | "has" | "had" | "no" | "these" | "those"
            )
        {
            return false;
        }
        let (side, k) = side_after(r, v);
        // "cut myself a slice of cake"
        if side == Side::Myself && matches!(r.word(k + 1), "a" | "an" | "some") {
            return false;
        }
        let body_at = |j: usize| {
            r.s.same_clause(v, j)
                && r.word(j) == "my"
                && (r.w.body.parts.has(r.word(j + 1)) || r.w.body.parts.has(r.word(j + 2)))
        };
        // "my arm", "my left arm", "my nails into my wrist"
        let found = (k..k + 6).find(|&j| body_at(j));
        let own = match side {
            // "my own arm", not "the door on my own finger"
            Side::Myself => {
                r.word(k) == "myself"
                    || k == v + 1
                    || matches!(r.word(k - 1), "then" | "and" | "into")
            }
            Side::Writer => found.is_some(),
            _ => false,
        };
        if !own || other_doer && r.word(k) != "myself" {
            return false;
        }
        let who = named(r, v).or_else(|| opens_at(r, v).then_some(Who::Writer));
        if who != Some(Who::Writer) {
            return false;
        }
        let k = found.unwrap_or(k);
        let part = if r.word(k + 1) == "own" { k + 2 } else { k + 1 };
        let hair = matches!(r.word(part), "hair" | "nails" | "fringe" | "beard");
        // "cut my hair", "pulling my hair out over this spreadsheet": grooming, frustration.
        if hair
            && (base_of(r.word(v), &["pull", "rip", "tear"]).is_none()
                || (k..k + 6).any(|j| r.word(j) == "over"))
        {
            return false;
        }
        let intent = classes().intent.any(r.s);
        // "cut my hand on a broken glass": what it struck is a thing, by accident.
        let struck = (part + 1..part + 3).any(|j| r.word(j) == "on")
            && (part + 2..part + 4).any(|j| matches!(r.word(j), "a" | "the" | "some"));
        if struck && !intent {
            return false;
        }
        // "until it bled", not "until it was smooth"
        let until_hurt = (k..r.s.len()).any(|j| {
            matches!(r.word(j), "until" | "till")
                && (j + 1..j + 5).any(|m| {
                    matches!(
                        r.word(m),
                        "bled"
                            | "bleed"
                            | "bleeds"
                            | "bleeding"
                            | "hurt"
                            | "hurts"
                            | "stung"
                            | "stings"
                            | "marks"
                            | "bruised"
                            | "raw"
                            | "red"
                            | "numb"
                            | "burned"
                            | "burnt"
                            | "broke"
                            | "split"
                            | "purple"
                            | "blistered"
                            | "scream"
                            | "cried"
                            | "cry"
                    )
                })
        });
        // "Scratched \"liar\" into my own arm": carved in
        let carved = r.word(k - 1) == "into";
        let signed = (k..r.s.len()).any(|j| b.severity.at(r.s, j).is_some())
            || until_hurt
            || carved
            || intent
            || r.w.body.marks.any(r.s);
        (!b.bumps.has(r.word(v)) && !hair) || signed
    })
}

/// A means named and dwelt on, by the writer: "there's a rope in the garage and I keep
/// thinking about it", "Counting the pills again", "Stood on the balcony ledge for ten
/// minutes", "the knife was in my hand for a long time". Kitchens, hobbies and prescriptions
/// are the ordinary use.
fn means_dwelt_on(r: &Reader, b: &Broad) -> bool {
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
        b.ordinary_use.at(r.s, i).is_some_and(|n| !(i + n <= m && m <= i + n + 2))
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
fn taken_by_the_lot(r: &Reader) -> bool {
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
fn in_front_of(r: &Reader) -> bool {
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
fn wished_to_stop(r: &Reader, b: &Broad) -> bool {
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
fn woke_sorry(r: &Reader, b: &Broad) -> bool {
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
fn marks_covered(r: &Reader) -> bool {
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

/// A partner doing something with force or a threat: "He threatened me with a knife".
fn has_harm_doer(r: &Reader) -> bool {
    (0..r.s.len()).any(|i| {
        matches!(r.word(i), "he" | "she")
            && (i + 1..i + 3)
                .any(|k| classes().force.has(r.word(k)) || r.word(k).starts_with("threat"))
    })
}
