//! The writer's own injury, in any injury verb: blows on the body, blows on things until the
//! body gives, and a wound kept up until it bled.
use super::*;

/// A form of bleeding or blistering.
fn bleeding(word: &str) -> bool {
    matches!(
        word,
        "bled" | "bleeds" | "bleed" | "bleeding" | "blistered" | "blisters"
    )
}

/// The writer's own injury kept up till it bled: "i keep scratching the same spot until it
/// bleeds".
pub(super) fn bled_until(r: &Reader, b: &Broad) -> bool {
    if r.accident || has_harm_doer(r) || classes().grooming.any(r.s) {
        return false;
    }
    (0..r.s.len()).any(|v| {
        b.injure.at(r.s, v).is_some()
            && named(r, v).or_else(|| opens_at(r, v).then_some(Who::Writer)) == Some(Who::Writer)
            && (v + 1..(v + 8).min(r.s.len())).any(|k| {
                matches!(r.word(k), "until" | "till")
                    && matches!(r.word(k + 1), "it" | "they" | "i" | "there")
                    && (bleeding(r.word(k + 2))
                        || matches!(r.word(k + 2), "was" | "were" | "is" | "are"))
                    && (k + 2..k + 5)
                        .any(|j| bleeding(r.word(j)) || matches!(r.word(j), "raw" | "blood"))
            })
    })
}

/// The writer's blows on a wall or a door until the writer's own body gives: "I punched the
/// wall until my knuckles split", "banged my head against the door till it bled". Beside a
/// partner ("the wall beside her") it is for the harm rules.
pub(super) fn blows_on_things(r: &Reader) -> bool {
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
pub(super) fn own_injury(r: &Reader, b: &Broad) -> bool {
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
