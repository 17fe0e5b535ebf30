//! The broad recognisers: the widest kinds, read after every narrower rule so that a fresh
//! wording of a known danger is still caught. Each is a kind of meaning with its roles, not a
//! phrase: any injury verb done by the writer to the writer's own body; a means named and
//! dwelt on; a wish that everything stop, in any words; a partner or an ex as the doer of any
//! act of harm, watching or control with the writer as the one it is done to (or whose things
//! it is done to), and the same act by the writer on a partner; a price set on the writer's
//! choices ("if I…, he…"); the writer's whereabouts kept by an ex. When in doubt between danger
//! and an idiom the note is shown; the guards are kinds too (a thing or a child as doer, a
//! game, a kitchen, a screen, a web "follow"). Word classes are `[broad]` in
//! lexicon/safety.toml; each is indexed once and every rule is one pass over the sentence
//! with a window of a few words.

use std::sync::OnceLock;

use super::{Class, Stems, classes, doer, inflects, irregular, writer_unwritten};
use crate::analysis::safety::grammar::{Reader, Who};
use crate::analysis::safety::harm::Harm;
use crate::analysis::safety::text::Sentence;
use crate::analysis::safety::words::words;

struct Broad {
    injure: Class,
    bumps: Class,
    severity: Class,
    means: Class,
    dwelling: Class,
    ordinary_use: Class,
    wanting: Class,
    to_stop: Class,
    vanish: Class,
    woke_sorry: Class,
    acts: Class,
    plain_harm: Class,
    watching: Class,
    private: Class,
    glance: Class,
    constancy: Class,
    control_cues: Class,
    covert_cues: Class,
    not_private: Class,
    online: Class,
    things_thrown: Class,
    anger: Class,
    punish: Class,
    whereabouts: Class,
    with_person: Class,
    malice: Class,
    insults: Class,
    say_to: Class,
    leverage: Class,
    fear_response: Class,
    temper: Class,
    befall: Class,
    hopeless_life: Class,
    tired_of: Class,
    frightening_things: Class,
    turns_violent: Class,
    breathless: Class,
    overdose: Class,
    relapse: Class,
    bequest: Class,
    lethal: Class,
    seek: Class,
    easy_way: Class,
    pictured: Class,
    made_to: Class,
    impersonation: Class,
    blocking: Class,
    scares: Class,
    own_marks: Class,
    goodbye: Class,
    goodbye_things: Class,
    leaving_do: Class,
    unseen: Class,
    flood_units: Class,
    flood_counts: Class,
    escape_ready: Class,
    /// The first words of every class that can start a finding.
    triggers: Stems,
}

fn broad() -> &'static Broad {
    static BROAD: OnceLock<Broad> = OnceLock::new();
    BROAD.get_or_init(|| {
        let b = &words().broad;
        let mut triggers = Vec::new();
        for set in [
            &b.injure,
            &b.means,
            &b.to_stop,
            &b.vanish,
            &b.woke_sorry,
            &b.acts,
            &b.things_thrown,
            &b.whereabouts,
            &b.with_person,
            &b.punish,
            &b.insults,
            &b.leverage,
            &b.temper,
            &b.befall,
            &b.hopeless_life,
            &b.tired_of,
            &b.turns_violent,
            &b.breathless,
            &b.overdose,
            &b.bequest,
            &b.lethal,
            &b.easy_way,
            &b.pictured,
            &b.impersonation,
            &b.blocking,
            &b.scares,
            &b.own_marks,
            &b.goodbye,
            &b.unseen,
            &b.flood_units,
            &b.escape_ready,
        ] {
            triggers.extend(set.single_words().chain(set.first_words()));
        }
        triggers.extend([
            "planning",
            "plasters",
            "bandages",
            "front",
            "allowed",
            "eggshells",
            "awake",
            "let",
            "was",
            "got",
            "gets",
            "is",
            "been",
            "point",
        ]);
        Broad {
            injure: Class::of(&b.injure),
            bumps: Class::of(&b.bumps),
            severity: Class::of(&b.severity),
            means: Class::of(&b.means),
            dwelling: Class::of(&b.dwelling),
            ordinary_use: Class::of(&b.ordinary_use),
            wanting: Class::of(&b.wanting),
            to_stop: Class::of(&b.to_stop),
            vanish: Class::of(&b.vanish),
            woke_sorry: Class::of(&b.woke_sorry),
            acts: Class::of(&b.acts),
            plain_harm: Class::of(&b.plain_harm),
            watching: Class::of(&b.watching),
            private: Class::of(&b.private),
            glance: Class::of(&b.glance),
            constancy: Class::of(&b.constancy),
            control_cues: Class::of(&b.control_cues),
            covert_cues: Class::of(&b.covert_cues),
            not_private: Class::of(&b.not_private),
            online: Class::of(&b.online),
            things_thrown: Class::of(&b.things_thrown),
            anger: Class::of(&b.anger),
            punish: Class::of(&b.punish),
            whereabouts: Class::of(&b.whereabouts),
            with_person: Class::of(&b.with_person),
            malice: Class::of(&b.malice),
            insults: Class::of(&b.insults),
            say_to: Class::of(&b.say_to),
            leverage: Class::of(&b.leverage),
            fear_response: Class::of(&b.fear_response),
            temper: Class::of(&b.temper),
            befall: Class::of(&b.befall),
            hopeless_life: Class::of(&b.hopeless_life),
            tired_of: Class::of(&b.tired_of),
            frightening_things: Class::of(&b.frightening_things),
            turns_violent: Class::of(&b.turns_violent),
            breathless: Class::of(&b.breathless),
            overdose: Class::of(&b.overdose),
            relapse: Class::of(&b.relapse),
            bequest: Class::of(&b.bequest),
            lethal: Class::of(&b.lethal),
            seek: Class::of(&b.seek),
            easy_way: Class::of(&b.easy_way),
            pictured: Class::of(&b.pictured),
            made_to: Class::of(&b.made_to),
            impersonation: Class::of(&b.impersonation),
            blocking: Class::of(&b.blocking),
            scares: Class::of(&b.scares),
            own_marks: Class::of(&b.own_marks),
            goodbye: Class::of(&b.goodbye),
            goodbye_things: Class::of(&b.goodbye_things),
            leaving_do: Class::of(&b.leaving_do),
            unseen: Class::of(&b.unseen),
            flood_units: Class::of(&b.flood_units),
            flood_counts: Class::of(&b.flood_counts),
            escape_ready: Class::of(&b.escape_ready),
            triggers: Stems::of(triggers.into_iter()),
        }
    })
}

/// Whether a sentence holds a word some broad recogniser starts from (a look-up a word).
pub fn triggered(s: &Sentence) -> bool {
    #[cfg(test)]
    if OFF.load(std::sync::atomic::Ordering::Relaxed) {
        return false;
    }
    let t = &broad().triggers;
    s.words.iter().any(|w| t.has(w))
}

/// Who is on the receiving end of an act.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Side {
    /// Me, or my things.
    Writer,
    /// Him, her, a name, or their things.
    Victim,
    /// Myself: the writer's own act on the writer.
    Myself,
    None,
}

/// The one an act at `v` is done to, or whose things it is done to, within a few words of the
/// clause: "times me", "unlocking my phone", "deleted her friends' numbers", "grabbed Priya's
/// arm", "made him unfollow".
fn side_after(r: &Reader, v: usize) -> (Side, usize) {
    for k in v + 1..v + 8 {
        if !r.s.same_clause(v, k) {
            break;
        }
        let w = r.word(k);
        // "the old photos of my ex": what a thing shows, not whose it is; "hid the messages
        // from her": whom it is kept from, not whose it is.
        if r.word(k - 1) == "of" && r.word(k - 2) != "out" && !r.w.body.parts.has(r.word(k + 1))
            || r.word(k - 1) == "from" && matches!(w, "her" | "him" | "them")
        {
            continue;
        }
        let side = match w {
            "me" => Side::Writer,
            "myself" => Side::Myself,
            "my" if r.word(k + 1) == "own" => Side::Myself,
            "my" if r.w.people.victims.has(r.word(k + 1)) => Side::Victim,
            "my" => Side::Writer,
            "him" | "her" | "his" | "their" | "them" => Side::Victim,
            // "the", "a" or a verb between: keep looking
            _ if r.is_name(k) && !r.w.people.others.has(w) => Side::Victim,
            _ => continue,
        };
        return (side, k);
    }
    (Side::None, v)
}

/// The doer of the act at `v`: the nearest person to its left in the clause ("I check",
/// "find him unlocking", "Marco makes"), else the shared grammar's doer.
fn agent(r: &Reader, v: usize) -> Who {
    named(r, v).unwrap_or_else(|| doer(r, v))
}

/// The doer of the act at `v` when one is written before it in the clause.
fn named(r: &Reader, v: usize) -> Option<Who> {
    for j in (v.saturating_sub(8)..v).rev() {
        if !r.s.same_clause(j, v) {
            break;
        }
        let w = r.word(j);
        // Over "and" the shared grammar knows whose verb it is ("until she cried and then
        // punched…").
        if w == "and" {
            return None;
        }
        if w == "i" {
            return Some(Who::Writer);
        }
        if matches!(w, "him" | "her") && j + 1 == v && r.word(v).ends_with("ing") {
            return Some(Who::Partner);
        }
        if matches!(w, "me" | "him" | "her" | "them" | "my") {
            // an object before the verb: "made me…", the doer is further left
            continue;
        }
        if let Some(who) = r.who_at(j) {
            return Some(if who == Who::We { Who::Unknown } else { who });
        }
        // The diary's lower-case name opening the sentence before a verb: "theo checks my…".
        if j == 0 && lowercase_name(r) {
            return Some(Who::Partner);
        }
    }
    None
}

/// Whether the sentence opens with a lower-case word that reads as a name: not a known word of
/// the lists, and followed by a verb in the third person or the past.
fn lowercase_name(r: &Reader) -> bool {
    let w = r.word(0);
    let next = r.word(1);
    let g = &r.w.grammar;
    let people = &r.w.people;
    w.len() > 2
        && !r.s.cap.first().copied().unwrap_or(false)
        && w.chars().all(|c| c.is_alphabetic())
        && !g.skip.has(w)
        && !people.not_names.has(w)
        && !people.others.has(w)
        && !people.animals.has(w)
        && !matches!(
            w,
            "the"
                | "my"
                | "our"
                | "your"
                | "his"
                | "her"
                | "their"
                | "its"
                | "got"
                | "was"
                | "been"
                | "had"
                | "work"
                | "dinner"
                | "lunch"
                | "mum"
                | "dad"
                | "baby"
                | "kids"
                | "everything"
                | "nothing"
                | "someone"
                | "anyone"
        )
        && !w.ends_with("ing")
        && !w.ends_with("ed")
        && (next.ends_with('s') && !next.ends_with("ss")
            || next.ends_with("ed")
            || g.skip.has(next))
        && !matches!(next, "is" | "was" | "are" | "were" | "has" | "this" | "its")
}

fn note(harm: &mut Harm, who: Who, side: Side) {
    match (who, side) {
        (Who::Partner | Who::Other, Side::Writer) => harm.harmed = true,
        (Who::Writer, Side::Victim) => harm.harming = true,
        _ => {}
    }
}

/// Whether the word before `v` makes it a passive ("were cut", "got hit"): the doer is not the
/// subject.
fn passive_at(r: &Reader, v: usize) -> bool {
    v > 0
        && matches!(
            r.word(v - 1),
            "was" | "were" | "been" | "got" | "get" | "is" | "are" | "be" | "being"
        )
        && (r.word(v).ends_with("ed") || irregular(r.word(v)) != r.word(v))
}

/// Whether only auxiliaries and adverbs stand before the verb at `v` in its sentence: the
/// diary's unwritten doer ("Grabbed my wrist…", "Then bit my arm…"), not "My toddler bit…".
fn opens_at(r: &Reader, v: usize) -> bool {
    (0..v).all(|j| r.w.grammar.skip.has(r.word(j)) || r.word(j).ends_with("ly"))
}

/// The base form of a word among `bases`, through its inflections ("inspects" is inspect).
fn base_of(w: &str, bases: &[&'static str]) -> Option<&'static str> {
    bases.iter().copied().find(|&base| {
        inflects(
            w,
            |s| s == base,
            |s| base.strip_suffix('e') == Some(s),
            |s| base.strip_suffix('y') == Some(s),
        )
    })
}

fn writer_present(r: &Reader) -> bool {
    // "Counting the pills again", "Thinking of stepping…": a capitalised verb opening the
    // sentence is the diary's unwritten I, not a name.
    let opens_with_verb = r.word(0).ends_with("ing") && r.word(0).len() > 4;
    opens_with_verb
        || r.s
            .words
            .iter()
            .any(|w| matches!(w.as_str(), "i" | "me" | "my" | "myself"))
        || writer_unwritten(r)
}

fn has_partner(r: &Reader) -> bool {
    (0..r.s.len()).any(|i| matches!(r.who_at(i), Some(Who::Partner)))
}

// ---------------------------------------------------------------------------------------------
// Self-harm

#[cfg(test)]
pub static OFF: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

pub fn self_harm(r: &Reader) -> bool {
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
        || planning(r)
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
                    "with" | "about" | "over" | "for" | "of" | "against" | "on"
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
    if b.ordinary_use.any(r.s) || !writer_present(r) || has_harm_doer(r) {
        return false;
    }
    let Some(m) = (0..r.s.len()).find(|&i| b.means.at(r.s, i).is_some()) else {
        return false;
    };
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

/// A plan without its object: "I'm planning."
fn planning(r: &Reader) -> bool {
    let n = r.s.len();
    n >= 3 && r.word(n - 1) == "planning" && r.word(n - 2) == "am" && r.word(n - 3) == "i" && n <= 5
}

// ---------------------------------------------------------------------------------------------
// Harm between partners

pub fn harm(r: &Reader, harm: &mut Harm) {
    #[cfg(test)]
    if OFF.load(std::sync::atomic::Ordering::Relaxed) {
        return;
    }
    if r.games {
        return;
    }
    let b = broad();
    acts(r, b, harm);
    thrown(r, b, harm);
    price(r, b, harm);
    whereabouts(r, b, harm);
    with_person(r, b, harm);
    put_down(r, b, harm);
    leverage(r, b, harm);
    temper_and_fear(r, b, harm);
    allowed(r, harm);
    frightening(r, b, harm);
    passive_force(r, harm);
    flood(r, b, harm);
    kept_awake(r, harm);
    watched_things(r, b, harm);
    posing(r, b, harm);
    barred(r, b, harm);
    scared_by(r, b, harm);
    not_let(r, harm);
    put_down_phrasal(r, harm);
    stopped_from(r, harm);
    pets(r, harm);
    must_ask(r, b, harm);
    told_threat(r, b, harm);
}

/// A partner's violence on a pet: "He kicked the dog to make a point and looked at me".
fn pets(r: &Reader, harm: &mut Harm) {
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

/// One partner made to ask, show or give up: "she has to ask me", "I had to delete every male
/// contact in my phone while he watched", "She won't give me back my passport".
fn must_ask(r: &Reader, b: &Broad, harm: &mut Harm) {
    for i in 0..r.s.len() {
        if !(matches!(r.word(i), "has" | "have" | "had" | "must") && r.word(i + 1) == "to") {
            continue;
        }
        let doer = i.checked_sub(1).map(|j| r.word(j));
        let verb = i + 2;
        if matches!(doer, Some("he" | "she"))
            && base_of(r.word(verb), &["ask", "beg", "tell", "show"]).is_some()
            && r.word(verb + 1) == "me"
        {
            harm.harming = true;
        }
        if doer == Some("i")
            && b.made_to.at(r.s, verb).is_some()
            && !r.has_word("myself")
            && has_partner(r)
        {
            harm.harmed = true;
        }
    }
    for i in 0..r.s.len() {
        if base_of(r.word(i), &["give"]).is_some()
            && (i.saturating_sub(3)..i).any(|j| matches!(r.word(j), "not" | "never"))
            && r.word(i + 1) == "me"
            && (i + 2..i + 6).any(|k| b.private.at(r.s, k).is_some())
            && named(r, i) == Some(Who::Partner)
        {
            harm.harmed = true;
        }
    }
}

/// The writer's threat, told: "I told her I'd take the dog and she'd never see him again".
fn told_threat(r: &Reader, b: &Broad, harm: &mut Harm) {
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
fn put_down_phrasal(r: &Reader, harm: &mut Harm) {
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

/// Someone kept from going or seeing: "I stopped her from going to her mum's funeral".
fn stopped_from(r: &Reader, harm: &mut Harm) {
    for v in 0..r.s.len() {
        if base_of(r.word(v), &["stop", "prevent", "ban", "forbid", "keep"]).is_none() {
            continue;
        }
        let side = match r.word(v + 1) {
            "me" => Side::Writer,
            "her" | "him" => Side::Victim,
            _ => continue,
        };
        let going = r.word(v + 2) == "from"
            && matches!(
                r.word(v + 3),
                "going"
                    | "seeing"
                    | "leaving"
                    | "visiting"
                    | "talking"
                    | "working"
                    | "calling"
                    | "meeting"
                    | "driving"
                    | "getting"
                    | "having"
                    | "spending"
                    | "studying"
                    | "wearing"
                    | "attending"
                    | "speaking"
                    | "contacting"
            );
        if going && !r.w.context.protective.any(r.s) {
            note(harm, agent(r, v), side);
        }
    }
}

/// The writer as the one force was done to, in the passive: "was shoved into the bookcase by
/// liam", "got my hair pulled so hard a clump came out". A thing as the doer ("by a ball") or
/// an accident is none.
fn passive_force(r: &Reader, harm: &mut Harm) {
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

/// Messages or calls by the dozen: "I sent him 60 texts in an hour", "he rang me forty times".
fn flood(r: &Reader, b: &Broad, harm: &mut Harm) {
    for i in 0..r.s.len() {
        let w = r.word(i);
        let many = w.parse::<u32>().is_ok_and(|n| n >= 20) || b.flood_counts.at(r.s, i).is_some();
        // Calls out of worry are not a flood.
        let worried = [
            "worried",
            "worry",
            "emergency",
            "hospital",
            "missing",
            "panicking",
            "christmas",
            "birthday",
        ]
        .iter()
        .any(|x| r.has_word(x));
        let window = [
            "hour",
            "day",
            "night",
            "overnight",
            "row",
            "morning",
            "reply",
            "replied",
            "answer",
            "answered",
            "blocked",
            "since",
        ]
        .iter()
        .any(|x| r.has_word(x));
        if worried || !window {
            continue;
        }
        if !many || !(i + 1..i + 4).any(|k| b.flood_units.at(r.s, k).is_some()) {
            continue;
        }
        let Some(v) = (0..i).rev().find(|&v| {
            base_of(
                r.word(v),
                &[
                    "send", "text", "call", "ring", "message", "leave", "email", "phone",
                ],
            )
            .is_some()
        }) else {
            continue;
        };
        let (side, _) = side_after(r, v);
        note(harm, agent(r, v), side);
    }
}

/// Sleep kept from the writer: "kept me awake till 4am shouting about money".
fn kept_awake(r: &Reader, harm: &mut Harm) {
    for v in 0..r.s.len() {
        if base_of(r.word(v), &["keep", "wake"]).is_none() || r.word(v + 1) != "me" {
            continue;
        }
        let awake = matches!(r.word(v + 2), "awake" | "up");
        let anger = (v + 3..r.s.len()).any(|k| {
            matches!(
                r.word(k),
                "shouting" | "screaming" | "yelling" | "arguing" | "interrogating" | "questioning"
            ) || matches!(r.word(k), "till" | "until") && r.word(k + 1).ends_with("am")
        });
        if awake && anger && named(r, v) != Some(Who::Writer) && !r.has_word("baby") {
            harm.harmed = true;
        }
    }
}

/// The writer's private things watched, in the passive: "my phone gets checked every single
/// night".
fn watched_things(r: &Reader, b: &Broad, harm: &mut Harm) {
    for i in 0..r.s.len() {
        if r.word(i) != "my" || b.private.at(r.s, i + 1).is_none() {
            continue;
        }
        let n = b.private.at(r.s, i + 1).unwrap_or(1);
        let aux = i + 1 + n;
        if !matches!(
            r.word(aux),
            "gets" | "is" | "was" | "get" | "got" | "are" | "were"
        ) {
            continue;
        }
        let v = aux + 1;
        let watched = base_of(
            r.word(v),
            &[
                "check", "read", "search", "track", "go", "monitor", "record",
            ],
        )
        .is_some();
        let official = [
            "security", "airport", "customs", "border", "work", "school", "office", "police",
            "gym", "doctor", "hospital", "bank",
        ]
        .iter()
        .any(|w| r.has_word(w));
        if watched && b.constancy.any(r.s) && !r.has_word("i") && !official {
            harm.harmed = true;
        }
    }
}

/// Pretending to be the writer to reach the writer's people, or the writer pretending to be a
/// partner.
fn posing(r: &Reader, b: &Broad, harm: &mut Harm) {
    let Some(p) = (0..r.s.len()).find(|&i| b.impersonation.at(r.s, i).is_some()) else {
        return;
    };
    let n = b.impersonation.at(r.s, p).unwrap_or(1);
    let side = if r.word(p + n - 1) == "me" {
        Side::Writer
    } else {
        Side::Victim
    };
    let who = (0..p)
        .rev()
        .find_map(|j| r.who_at(j))
        .unwrap_or(Who::Unknown);
    note(harm, who, side);
}

/// A way out barred: "every time i go to leave he stands in the doorway".
fn barred(r: &Reader, b: &Broad, harm: &mut Harm) {
    let Some(p) = (0..r.s.len()).find(|&i| b.blocking.at(r.s, i).is_some()) else {
        return;
    };
    // Someone's leaving, barred: "when i go to leave", "so she couldn't get out".
    let leaving = (0..r.s.len()).any(|k| {
        base_of(r.word(k), &["leave", "go", "get", "escape", "walk"]).is_some()
            && (k.saturating_sub(4)..k)
                .any(|j| matches!(r.word(j), "i" | "me" | "she" | "he" | "her" | "him"))
    });
    let fond = ["kiss", "hug", "wave", "goodbye", "cuddle", "smile", "joke"]
        .iter()
        .any(|w| r.has_word(w));
    if !leaving || fond || r.w.context.protective.any(r.s) {
        return;
    }
    let who = (0..p).rev().find_map(|j| match r.who_at(j) {
        Some(Who::Writer) if j + 1 < p && r.word(j + 1) == "go" => None,
        other => other,
    });
    match who {
        Some(Who::Partner | Who::Other) => harm.harmed = true,
        Some(Who::Writer)
            if (0..r.s.len()).any(|k| matches!(r.word(k), "she" | "he" | "her" | "him")) =>
        {
            harm.harming = true
        }
        _ => {}
    }
}

/// Fear of a partner said in other words: "the way he looks at me when I talk to other men
/// scares me".
fn scared_by(r: &Reader, b: &Broad, harm: &mut Harm) {
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

/// Leaving or going out forbidden to a partner by the writer: "i wouldn't let sarah leave until
/// she unlocked her phone".
fn not_let(r: &Reader, harm: &mut Harm) {
    for i in 0..r.s.len() {
        // "I don't give her access to our joint account anymore"
        if base_of(r.word(i), &["give"]).is_some()
            && (i.saturating_sub(3)..i).any(|j| matches!(r.word(j), "not" | "never"))
            && (i.saturating_sub(5)..i).any(|j| r.word(j) == "i")
            && matches!(r.word(i + 1), "her" | "him")
            && (i + 2..i + 7).any(|k| broad().private.at(r.s, k).is_some() || r.word(k) == "access")
        {
            harm.harming = true;
        }
        if r.word(i) != "let"
            || !(i.saturating_sub(3)..i).any(|j| matches!(r.word(j), "not" | "never"))
        {
            continue;
        }
        if !(i.saturating_sub(5)..i).any(|j| r.word(j) == "i") {
            continue;
        }
        let person = r.word(i + 1);
        let verb = r.word(i + 2);
        let victim = matches!(person, "her" | "him")
            || !r.w.grammar.skip.has(person)
                && !matches!(
                    person,
                    "me" | "myself" | "it" | "that" | "this" | "them" | "the" | "go"
                )
                && !r.w.people.others.has(person);
        let goes = base_of(
            verb,
            &[
                "leave", "go", "see", "out", "sleep", "eat", "talk", "call", "drive", "work",
            ],
        )
        .is_some();
        if victim && goes {
            harm.harming = true;
        }
    }
}

/// Violence near the writer without a blow: "he punches walls and throws chairs", "gets
/// physical when she's been drinking", a hold "until I couldn't breathe".
fn frightening(r: &Reader, b: &Broad, harm: &mut Harm) {
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
fn purpose(r: &Reader, harm: &mut Harm) {
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
fn put_down(r: &Reader, b: &Broad, harm: &mut Harm) {
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

/// Something kept to be used against someone: "keeps screenshots of everything I say to use
/// against me".
fn leverage(r: &Reader, b: &Broad, harm: &mut Harm) {
    let Some(l) = (0..r.s.len()).find(|&i| b.leverage.at(r.s, i).is_some()) else {
        return;
    };
    let side = if r.word(l + 1) == "me" || r.word(l + 1) == "my" {
        Side::Writer
    } else {
        Side::Victim
    };
    let held = (0..l).find(|&v| {
        base_of(
            r.word(v),
            &[
                "use",
                "hold",
                "keep",
                "save",
                "screenshot",
                "record",
                "film",
                "throw",
                "bring",
            ],
        )
        .is_some()
    });
    if let Some(v) = held {
        note(harm, agent(r, v), side);
    }
}

/// One side's temper, and the other side's fear: "I lose my temper and she ends up crying and
/// locking herself in the bathroom", "when he loses it I hide".
fn temper_and_fear(r: &Reader, b: &Broad, harm: &mut Harm) {
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

/// The writer's permissions, kept by a partner: "He tells me what I'm allowed to eat";
/// walking on eggshells.
fn allowed(r: &Reader, harm: &mut Harm) {
    let work = [
        "work", "boss", "manager", "school", "office", "gym", "teacher", "doctor", "rules",
        "policy", "uniform", "hospital", "nurse", "diet", "pool", "library", "landlord",
    ];
    if work.iter().any(|w| r.has_word(w)) {
        return;
    }
    let permitted = (0..r.s.len())
        .any(|i| r.word(i) == "allowed" && (i.saturating_sub(4)..i).any(|j| r.word(j) == "i"));
    let partner = (0..r.s.len())
        .any(|i| matches!(r.who_at(i), Some(Who::Partner)) && !matches!(r.word(i), "they"));
    let ready = broad().escape_ready.any(r.s);
    if permitted && partner || (r.has_word("eggshells") || ready) && writer_present(r) {
        harm.harmed = true;
    }
}

/// A doer and an act of harm, watching or control, with the one it is done to: "he times me",
/// "find him unlocking my phone", "he's been recording my drives", "She controls every
/// penny", "I check her location every twenty minutes", "I deleted her friends' numbers",
/// "I grabbed Priya's arm". Plain harm needs only the one acted on; watching needs a person's
/// private things or a sign of secrecy or constancy; a look needs that sign too.
fn acts(r: &Reader, b: &Broad, harm: &mut Harm) {
    let constant = b.constancy.any(r.s);
    let protective = r.w.context.protective.any(r.s);
    for v in 0..r.s.len() {
        if b.acts.at(r.s, v).is_none() || passive_at(r, v) || r.negated_before(v) {
            continue;
        }
        // "the time she spends", "every time", "stopped asking", "quit going through": a noun,
        // or an act given up.
        if v > 0
            && matches!(
                r.word(v - 1),
                "the"
                    | "a"
                    | "an"
                    | "this"
                    | "that"
                    | "every"
                    | "each"
                    | "my"
                    | "his"
                    | "her"
                    | "our"
                    | "your"
                    | "their"
                    | "some"
                    | "any"
                    | "no"
                    | "less"
                    | "more"
                    | "first"
                    | "last"
                    | "next"
                    | "stopped"
                    | "stop"
                    | "quit"
                    | "quitting"
                    | "stopping"
            )
        {
            continue;
        }
        let who = agent(r, v);
        if !matches!(who, Who::Partner | Who::Writer) {
            continue;
        }
        let (mut side, k) = side_after(r, v);
        if side == Side::Myself {
            continue;
        }
        // Private things found after the verb.
        let private = (v + 1..v + 9)
            .take_while(|&j| r.s.same_clause(v, j))
            .any(|j| b.private.at(r.s, j).is_some());
        if side == Side::None && private && who == Who::Partner && (writer_present(r) || constant) {
            side = Side::Writer;
        }
        // "secretly recording our conversations… to catch him out"
        if side != Side::Victim
            && private
            && who == Who::Writer
            && (v + 1..v + 4).any(|j| r.word(j) == "our")
            && (v + 1..r.s.len()).any(|j| matches!(r.word(j), "him" | "her"))
        {
            side = Side::Victim;
        }
        if side == Side::None {
            continue;
        }
        let verb = r.word(v);
        let plain = b.plain_harm.has(verb);
        if plain {
            // A shove off a wall is force even with a laugh in the sentence.
            let placed = (k + 1..k + 4).any(|j| {
                matches!(r.word(j), "off" | "into" | "against" | "down" | "across")
                    && r.surface_near(j + 1)
            });
            if protective || r.humour && !b.malice.any(r.s) && !placed {
                continue;
            }
            // Force on a body, with a sign that it was force: "grabbed my wrist so hard in the
            // car park there's still a mark", "I grabbed Priya's arm when she tried to leave".
            let body = (k..k + 3).any(|j| r.w.body.parts.has(r.word(j)));
            let airway = (k..k + 3).any(|j| classes().airway.has(r.word(j)));
            let forced = (k + 1..r.s.len()).any(|j| {
                matches!(r.word(j), "hard" | "harder" | "until" | "till" | "tight")
                    || b.fear_response.at(r.s, j).is_some()
                    || classes().force_marks.has(r.word(j))
                    || r.w.body.marks.at(r.s, j).is_some()
            }) || (k + 1..r.s.len()).any(|j| {
                // held back from leaving: "when she tried to leave the room"
                base_of(r.word(j), &["try"]).is_some()
                    && r.word(j + 1) == "to"
                    && base_of(
                        r.word(j + 2),
                        &["leave", "go", "get", "stand", "walk", "run"],
                    )
                    .is_some()
            });
            if !(body && (forced || airway) || placed && r.word(k) == "me") {
                continue;
            }
            // The diary's unwritten doer, acting on the writer's body: someone else.
            let who = match named(r, v) {
                None if side == Side::Writer && opens_at(r, v) => Who::Partner,
                None if side == Side::Writer => continue,
                _ => who,
            };
            note(harm, who, side);
            continue;
        }
        if !b.watching.has(verb) || r.humour {
            continue;
        }
        // "I made her cancel her trip", "makes me ask permission"
        if base_of(verb, &["make", "force"]).is_some()
            && matches!(r.word(k), "me" | "him" | "her")
            && k == v + 1
            && b.made_to.at(r.s, k + 1).is_some()
            && ((k + 2..k + 6).any(|j| matches!(r.word(j), "my" | "her" | "his" | "their"))
                || base_of(
                    r.word(k + 1),
                    &[
                        "kneel", "beg", "ask", "account", "sleep", "choose", "unfollow",
                        "unfriend", "block", "delete", "hand", "forward", "transfer", "unlock",
                        "quit",
                    ],
                )
                .is_some())
        {
            note(harm, who, side);
            continue;
        }
        // Making someone do something is read by what they are made to do, above; going is
        // watching only when it goes through something.
        if base_of(verb, &["make", "force"]).is_some()
            || base_of(verb, &["go"]).is_some() && r.word(v + 1) != "through"
        {
            continue;
        }
        // "he times me", not "for the hundredth time whether he…her"
        let direct = k == v + 1 && matches!(r.word(k), "me" | "him" | "her");
        let online = base_of(
            verb,
            &["follow", "watch", "see", "look", "check", "read", "listen"],
        )
        .is_some()
            && (v + 1..v + 8).any(|j| b.online.at(r.s, j).is_some());
        if online {
            continue;
        }
        // "my phone charger"
        if (v + 1..v + 7).any(|j| b.not_private.at(r.s, j).is_some()) {
            continue;
        }
        let glance = b.glance.has(verb);
        let errand = base_of(verb, &["take", "keep", "move", "cut", "stop", "make"]).is_some();
        if errand && !b.control_cues.any(r.s) {
            continue;
        }
        let reaches = private
            || direct
                && base_of(
                    verb,
                    &[
                        "time",
                        "inspect",
                        "interrogate",
                        "monitor",
                        "track",
                        "record",
                        "film",
                        "control",
                        "isolate",
                        "frisk",
                        "search",
                        "follow",
                        "question",
                        "photograph",
                        "spy",
                    ],
                )
                .is_some();
        // The writer's look at a partner's things is the doubt mend's readers work through,
        // left to the older rules, unless it is secret or by the minute.
        let enough = if who == Who::Writer && glance && !errand {
            b.covert_cues.any(r.s)
        } else {
            !glance || constant || errand
        };
        if reaches && enough {
            note(harm, who, side);
        }
    }
}

/// Things thrown in anger: "she throws things when she's angry, … right past my head".
fn thrown(r: &Reader, b: &Broad, harm: &mut Harm) {
    for v in 0..r.s.len() {
        if base_of(r.word(v), &["throw", "hurl", "fling", "chuck"]).is_none() {
            continue;
        }
        let who = agent(r, v);
        // "I threw her clothes out the window": someone's things thrown out.
        let (side, k) = side_after(r, v);
        let owned = matches!(side, Side::Writer | Side::Victim)
            && classes().belongings.at(r.s, k + 1).is_some()
            && (k + 2..k + 5).any(|j| {
                matches!(
                    r.word(j),
                    "out" | "away" | "off" | "bin" | "window" | "street" | "fire"
                )
            });
        if owned {
            note(harm, who, side);
            continue;
        }
        if !(v + 1..v + 4).any(|j| b.things_thrown.at(r.s, j).is_some()) {
            continue;
        }
        let Some(a) = (0..r.s.len()).find(|&i| b.anger.at(r.s, i).is_some()) else {
            continue;
        };
        let toward = (a..a + 4).find_map(|j| match r.word(j) {
            "my" | "me" => Some(Side::Writer),
            "his" | "her" | "him" => Some(Side::Victim),
            _ => None,
        });
        let side = toward.unwrap_or(match who {
            Who::Partner => Side::Writer,
            _ => Side::None,
        });
        note(harm, who, side);
    }
}

/// A price set on the writer's choices: "If I don't sleep with him he sulks for days and says
/// I owe him", "if I tell anyone about the marks he'll say I did them myself".
fn price(r: &Reader, b: &Broad, harm: &mut Harm) {
    let s = r.s;
    let Some(c) = (0..s.len()).find(|&i| {
        matches!(r.word(i), "if" | "whenever" | "unless")
            && matches!(r.word(i + 1), "i" | "he" | "she" | "you")
            || r.word(i) == "time" && r.word(i + 1) == "i" && i > 0 && r.word(i - 1) == "every"
    }) else {
        return;
    };
    let trivial = r.w.grammar.trivial.any(s);
    // "he took the kids' passports and says I'll never see them if I leave": the partner
    // before the condition, the price anywhere.
    // "if I leave", "if I keep talking back", "if I book that trip"
    let leaving = r.word(c + 1) == "i"
        && (c + 2..c + 5).any(|k| {
            r.w.grammar.threat_conditions.has(r.word(k))
                || base_of(r.word(k), &["book", "visit", "see", "keep", "talk", "go"]).is_some()
        });
    let before = (0..c).any(|j| matches!(r.who_at(j), Some(Who::Partner)) && r.word(j) != "they");
    // The price lies outside the condition: not "asking if I'm going to leave him".
    let cond_end = (c + 2..s.len())
        .find(|&k| {
            r.who_at(k).is_some()
                || !r.s.same_clause(c, k)
                || matches!(r.word(k), "nobody" | "no" | "then")
        })
        .unwrap_or(s.len());
    let priced = (0..s.len()).any(|k| {
        !(c..cond_end).contains(&k) && b.punish.at(s, k).is_some() && !r.negated_before(k)
    });
    if leaving && before && !trivial && priced {
        harm.harmed = true;
        return;
    }
    // "I told him if he goes to the party I'll make sure he regrets it": the writer's price.
    let theirs = matches!(r.word(c + 1), "he" | "she" | "you");
    if matches!(r.word(c), "if" | "unless" | "whenever") && theirs && !trivial {
        // Leaving, screaming or sulking is the writer's own; a threat is harm or a price.
        let harmful = |k: usize| {
            b.punish.at(s, k).is_some()
                && base_of(
                    r.word(k),
                    &[
                        "leave", "scream", "shout", "yell", "sulk", "ignore", "not", "silent",
                        "call", "tell", "report",
                    ],
                )
                .is_none()
        };
        let mine = (c + 2..s.len()).any(|j| {
            r.word(j) == "i"
                && matches!(r.word(j + 1), "will" | "would" | "am")
                && (j + 2..(j + 7).min(s.len())).any(harmful)
        });
        if mine {
            harm.harming = true;
        }
        return;
    }
    for j in c + 2..s.len() {
        if !matches!(r.who_at(j), Some(Who::Partner)) || matches!(r.word(j), "they") {
            continue;
        }
        let found = (j + 1..(j + 6).min(s.len())).find(|&k| b.punish.at(s, k).is_some());
        if let Some(k) = found {
            let violent = classes().force.has(r.word(k)) || r.word(k) == "kill";
            if violent || !trivial {
                harm.harmed = true;
            }
        }
        break;
    }
}

/// The writer's whereabouts kept by an ex or a partner after a parting, or watched: "since the
/// breakup he's been messaging my friends asking where I am", "My ex knows which gym class I
/// go to and now he's there every Tuesday, staring".
fn whereabouts(r: &Reader, b: &Broad, harm: &mut Harm) {
    let someone = has_partner(r) || r.has_word("him") || r.has_word("her");
    if !b.whereabouts.any(r.s) || !(someone || classes().breakup.any(r.s)) {
        return;
    }
    let parted = classes().breakup.any(r.s)
        || b.constancy.any(r.s)
        || r.has_word("keeps")
        || r.has_word("friends")
        || r.has_word("staring");
    if parted {
        harm.harmed = true;
    }
}

/// Force on a thing someone is in or on, or danger made with them in it: "I kicked the chair
/// she was sitting on", "He drove really fast on purpose with me in the car".
fn with_person(r: &Reader, b: &Broad, harm: &mut Harm) {
    let Some(p) = (0..r.s.len()).find(|&i| b.with_person.at(r.s, i).is_some()) else {
        return;
    };
    let side = match r.word(p) {
        "i" | "with" if r.word(p + 1) == "me" || r.word(p) == "i" => Side::Writer,
        "with" if r.word(p + 1) == "the" => Side::Writer,
        _ => Side::Victim,
    };
    let forced = (0..r.s.len())
        .find(|&v| (b.plain_harm.has(r.word(v)) || classes().force.has(r.word(v))) && v < p);
    let malice = b.malice.any(r.s);
    if forced.is_none() && !malice {
        return;
    }
    let v = forced.unwrap_or(0);
    let who = if forced.is_some() {
        agent(r, v)
    } else {
        (0..p).find_map(|i| r.who_at(i)).unwrap_or(Who::Unknown)
    };
    note(harm, who, side);
}

#[cfg(test)]
mod tests {
    use std::sync::atomic::Ordering;
    use std::time::Instant;

    use crate::analysis::{Concern, safety_concerns as concerns};

    #[test]
    fn broad_kinds_are_read_both_ways() {
        for (text, want) in [
            (
                "I bit my own arm hard enough to leave teeth marks.",
                vec![Concern::SelfHarm],
            ),
            (
                "there's a rope in the garage and I keep thinking about it",
                vec![Concern::SelfHarm],
            ),
            (
                "i just want everything to stop, permanently",
                vec![Concern::SelfHarm],
            ),
            (
                "Every time I go to the shop he times me.",
                vec![Concern::Harmed],
            ),
            (
                "She controls every penny, I get pocket money on Fridays.",
                vec![Concern::Harmed],
            ),
            (
                "the way he looks at me when I talk to other men scares me",
                vec![Concern::Harmed],
            ),
            (
                "I check her location every twenty minutes.",
                vec![Concern::HarmingOthers],
            ),
            (
                "I deleted her friends' numbers from her phone while she slept.",
                vec![Concern::HarmingOthers],
            ),
            (
                "I told him if he goes to the party I'll make sure he regrets it.",
                vec![Concern::HarmingOthers],
            ),
        ] {
            assert_eq!(concerns(text), want, "{text:?}");
        }
    }

    #[test]
    fn broad_guards_hold() {
        for text in [
            "He takes my phone charger every morning.",
            "I cut myself a slice of cake.",
            "I carry a knife for work, I'm a chef.",
            "He times my runs with his watch.",
            "I checked my ex's instagram once, out of curiosity.",
            "I want it all to stop raining.",
            "I finally deleted the old photos of my ex, it felt good.",
            "I made him apologise to his mum.",
            "It scares me how much I love her.",
        ] {
            assert_eq!(concerns(text), [], "{text:?}");
        }
    }

    /// What the broad recognisers cost: every development sentence of both corpora read with
    /// them and without, in turn. `cargo test --release --lib broad_cost -- --ignored
    /// --nocapture`.
    #[test]
    #[ignore = "a measurement, run by hand"]
    fn broad_cost() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut sentences = Vec::new();
        for dir in ["safety", "analysis"] {
            for e in std::fs::read_dir(root.join(dir)).unwrap().flatten() {
                let name = e.file_name().into_string().unwrap_or_default();
                if !name.ends_with(".tsv") {
                    continue;
                }
                let text = std::fs::read_to_string(e.path()).unwrap();
                for line in text.lines().filter(|l| !l.starts_with('#')) {
                    if let Some(s) = line.rsplit('\t').next() {
                        sentences.push(s.to_string());
                    }
                }
            }
        }
        let run = |off: bool| {
            super::OFF.store(off, Ordering::Relaxed);
            let start = Instant::now();
            let mut n = 0;
            for _ in 0..5 {
                for s in &sentences {
                    n += concerns(s).len();
                }
            }
            super::OFF.store(false, Ordering::Relaxed);
            (start.elapsed(), n)
        };
        run(false);
        for _ in 0..3 {
            let (with, a) = run(false);
            let (without, b) = run(true);
            println!(
                "{} sentences x5: with the broad recognisers {with:?} ({a} notes), without {without:?} ({b} notes), {:.2}x",
                sentences.len(),
                with.as_secs_f64() / without.as_secs_f64()
            );
        }
    }
}
