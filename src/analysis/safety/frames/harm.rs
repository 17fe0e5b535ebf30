//! Harm between people read as kinds, each both ways (the writer harmed, or the writer
//! harming): force on a body or a throat, a weapon held, things broken, a means of living taken
//! or doled out, a private life watched, anger as the price of staying in touch, a parting
//! followed by someone turning up or finding a new address, a threat of loss, sex pressed after
//! a no, and fear made on purpose.

use super::{Classes, classes, doer, victim_after};
use crate::analysis::safety::grammar::{Reader, Target, Who};
use crate::analysis::safety::harm::Harm;

mod control;
use control::{after_parting, means, price_of_contact, threat_of_loss, told_cannot, watched};

pub fn read(r: &Reader, harm: &mut Harm) {
    let c = classes();
    if !r.games && !r.humour {
        force(r, c, harm);
        weapon(r, c, harm);
        broken(r, c, harm);
        coercion(r, c, harm);
        frightened(r, c, harm);
    }
    means(r, c, harm);
    watched(r, c, harm);
    price_of_contact(r, c, harm);
    after_parting(r, c, harm);
    threat_of_loss(r, c, harm);
    told_cannot(r, c, harm);
    super::signs::read(r, harm);
}

/// The one an act is done to, looking a little past the verb: "squeezed my neck", "gripped
/// his face", "threw my mug at Chris", "shoved me into the radiator".
fn patient(r: &Reader, v: usize) -> Target {
    let (t, _) = r.object(v);
    if t != Target::Nothing {
        return t;
    }
    for k in v + 1..v + 6 {
        if !r.s.same_clause(v, k) {
            break;
        }
        // "broke two of my fingers", "punched the steering wheel and then him"
        if r.word(k) == "of" && r.word(k + 1) == "my" && r.w.body.parts.has(r.word(k + 2)) {
            return Target::WriterBody;
        }
        if r.word(k) == "then"
            && matches!(r.word(k + 1), "him" | "her")
            && (r.clause_ends(k + 2)
                || matches!(
                    r.word(k + 2),
                    "when" | "and" | "as" | "because" | "until" | "so"
                ))
        {
            return Target::Victim;
        }
        if r.word(k) == "at" {
            return match r.word(k + 1) {
                "me" => Target::Writer,
                "my" if r.w.people.victims.has(r.word(k + 2)) => Target::Victim,
                "him" | "her" | "them" => Target::Victim,
                _ if r.is_name(k + 1) => Target::Victim,
                _ => Target::Nothing,
            };
        }
    }
    Target::Nothing
}

/// Records the act of `who` on `target`.
fn note(harm: &mut Harm, who: Who, target: Target) {
    harm.note(who, target.writer(), target.victim());
}

/// Force on a body with a mark or a throat: "squeezed my neck till I blacked out", "gripped my
/// arm so hard there are four finger marks", "My dad, who I live with, shoved me into the
/// radiator", "Gripped his face and squeezed until he stopped talking".
fn force(r: &Reader, c: &Classes, harm: &mut Harm) {
    // "I hurt him last night and I can't take it back": a hurt at a time is a deed.
    for v in 0..r.s.len() {
        if r.word(v) == "hurt" && !r.negated_before(v) && !r.w.grammar.emotional.any(r.s) {
            let at_time = (v + 2..v + 5).any(|k| {
                matches!(r.word(k), "yesterday" | "tonight" | "earlier" | "again")
                    || r.word(k) == "last" && r.word(k + 1) == "night"
                    || r.word(k) == "this" && r.word(k + 1) == "morning"
            });
            let target = patient(r, v);
            if at_time && target != Target::Nothing {
                note(harm, doer(r, v), target);
            }
        }
    }
    for v in 0..r.s.len() {
        if !c.force.has(r.word(v)) || r.negated_before(v) {
            continue;
        }
        if r.first_aid(v) {
            continue;
        }
        let target = patient(r, v);
        if target == Target::Nothing {
            continue;
        }
        let who = doer(r, v);
        let rest = v + 1..(v + 10).min(r.s.len());
        let throat = rest.clone().any(|k| c.airway.has(r.word(k)) && k <= v + 3);
        // Blows that are harm whatever they land on: "punched… then him".
        let blow = [
            "punch", "slap", "kick", "chok", "strangl", "headbutt", "stab", "thump", "whack",
            "batter",
        ]
        .iter()
        .any(|p| r.word(v).starts_with(p));
        let marked = rest.clone().any(|k| c.force_marks.has(r.word(k)))
            || rest.clone().any(|k| matches!(r.word(k), "until" | "till"))
            || r.w.body.marks.any(r.s);
        let place = r.physical_after(v + 2) || r.physical_after(v + 3) || r.surface_near(v + 2);
        let w = r.word(v);
        let gentle = [
            "hold", "held", "pull", "press", "grab", "squeez", "cut", "burn", "floor", "trip",
        ]
        .iter()
        .any(|p| w.starts_with(p));
        let (_, end) = r.object(v);
        let relative =
            r.subject(v).who == Who::Unknown && who != Who::Unknown && who != Who::Writer;
        let thrown_at = ["throw", "threw", "hurl"].iter().any(|p| w.starts_with(p))
            && r.object(v).0 == Target::Nothing;
        // An idiom after the object: "twisted my arm to come", "pushed me out of my comfort zone".
        let end = end.max(v + 1);
        let idiom = (end..end + 2)
            .any(|k| matches!(r.word(k), "to" | "into" | "too" | "with" | "out" | "under"))
            && !r.surface_near(end + 1)
            && !throat;
        let hurt = throat
            || target.body() && (marked || !gentle) && !idiom
            || place && relative && !idiom
            || thrown_at
            || blow && r.object(v).0 == Target::Nothing && !idiom;
        if !hurt || r.w.context.protective.any(r.s) || r.accident && !throat {
            continue;
        }
        if who == Who::Writer && target.victim() || who.is_person() && target.writer() {
            note(harm, who, target);
        }
    }
}

/// "He held a knife the whole time he talked to me… I didn't dare move", "she came at me with
/// scissors", "I pulled a knife on him".
fn weapon(r: &Reader, c: &Classes, harm: &mut Harm) {
    let s = r.s;
    let Some(k) = c.weapons.find(s, 0, s.len()) else {
        return;
    };
    if r.accident || r.has_word("chopping") || r.has_word("cooking") {
        return;
    }
    let Some(v) = (0..k).rev().take(4).find(|&j| c.wield.has(r.word(j))) else {
        return;
    };
    let who = doer(r, v);
    let at_me = r.has_word("me") || r.has_word("dare") || r.has_word("scared");
    let at_them = victim_after(r, k, 3).is_some() || r.has_word("on");
    match who {
        Who::Partner | Who::Other if at_me && !r.negated_before(v) => harm.harmed = true,
        Who::Writer if at_them && !r.negated_before(v) => harm.harming = true,
        _ => {}
    }
}

/// Things broken at someone: "I snapped her phone in half when she tried to call her brother",
/// "Aaron smashed the bedroom door in because I'd locked it", "threw my plate at the wall".
fn broken(r: &Reader, c: &Classes, harm: &mut Harm) {
    for v in 0..r.s.len() {
        if !c.destroy.has(r.word(v)) || r.negated_before(v) || r.accident {
            continue;
        }
        let Some(t) = (v + 1..v + 5).find(|&k| c.belongings.has(r.word(k))) else {
            continue;
        };
        if !r.s.same_clause(v, t) {
            continue;
        }
        let owner = r.word(t - 1);
        let owner2 = r.word(t.saturating_sub(2));
        let who = doer(r, v);
        let door_in = matches!(r.word(t), "door" | "window")
            && (matches!(r.word(t + 1), "in" | "down" | "off") || r.has_word("locked"));
        let at_wall = r.word(t + 1) == "at" && r.surface_near(t + 2);
        match who {
            Who::Partner | Who::Other if owner == "my" || owner2 == "my" || door_in || at_wall => {
                harm.harmed = true
            }
            Who::Writer
                if matches!(owner, "her" | "his" | "their")
                    || r.is_name(t - 1)
                    || matches!(owner2, "her" | "his") =>
            {
                // One's own phone thrown in a temper is not this; theirs is.
                harm.harming = true
            }
            _ => {}
        }
    }
}

/// Sex pressed after a no: "He kept going even when I said no", "I kept on at my wife for sex
/// when she said she was too tired… till she gave in".
fn coercion(r: &Reader, c: &Classes, harm: &mut Harm) {
    let s = r.s;
    // "Woke up with him on top of me again and I just lay there till it was over."
    let on_top = s.words.windows(4).any(|p| p == ["on", "top", "of", "me"]);
    let unwilling = [
        "woke",
        "asleep",
        "froze",
        "over",
        "lay",
        "pretended",
        "crying",
    ]
    .iter()
    .any(|w| r.has_word(w));
    if on_top && unwilling && (r.has_word("him") || r.has_word("her") || r.has_word("he")) {
        harm.harmed = true;
    }
    // "He drove really fast on purpose with me in the car screaming for him to slow down"
    let on_purpose = s.words.windows(2).any(|p| p == ["on", "purpose"]);
    let terror = [
        "screaming",
        "scream",
        "terrified",
        "begging",
        "begged",
        "slow",
        "crying",
        "scare",
    ]
    .iter()
    .any(|w| r.has_word(w));
    let first = (0..s.len()).find_map(|k| r.who_at(k));
    if on_purpose && terror && r.has_word("me") {
        match first {
            Some(Who::Partner | Who::Other) => harm.harmed = true,
            Some(Who::Writer) if r.has_word("her") || r.has_word("him") => harm.harming = true,
            _ => {}
        }
    }
    let Some(no) = c.refusal.find(s, 0, s.len()) else {
        return;
    };
    let Some(p) = c.persist.find(s, 0, s.len()) else {
        return;
    };
    let refuser = (0..no).rev().find_map(|k| r.who_at(k));
    let presser = doer(r, p);
    let sexual = r.has_word("sex") || r.has_word("bed") || r.has_word("no") || r.has_word("touch");
    if !sexual {
        return;
    }
    match (refuser, presser) {
        (Some(Who::Writer), Who::Partner | Who::Other) => harm.harmed = true,
        (Some(Who::Partner), Who::Writer) => harm.harming = true,
        (Some(Who::Writer), Who::Unknown) if r.word(p) != "made" => harm.harmed = true,
        _ => {}
    }
    if refuser == Some(Who::Partner) && (r.has_word("gave") || r.has_word("wouldn't")) {
        harm.harming |= r.has_word("i");
    }
}

/// Fear made on purpose: "I wanted him scared", "to teach him a lesson", "drove at him".
fn frightened(r: &Reader, c: &Classes, harm: &mut Harm) {
    let s = r.s;
    for i in 0..s.len() {
        let w = r.word(i);
        let wanted = matches!(
            w,
            "wanted" | "want" | "meant" | "teach" | "taught" | "make" | "made"
        );
        let writer = doer(r, i) == Who::Writer || w == "teach" && super::writer_unwritten(r);
        if !wanted || !writer {
            continue;
        }
        let victim = matches!(r.word(i + 1), "him" | "her" | "them") || r.is_name(i + 1);
        let fear = (i + 2..i + 5).any(|k| c.frighten.at(s, k).is_some());
        if victim && fear && !r.negated_before(i) {
            harm.harming = true;
        }
    }
    // "Locked Jake out on the balcony".
    for i in 0..s.len() {
        if r.word(i).starts_with("lock") && matches!(r.word(i + 2), "out" | "in" | "outside") {
            let to = r.word(i + 1);
            let who = doer(r, i);
            if who == Who::Writer && (matches!(to, "him" | "her") || r.is_name(i + 1)) {
                harm.harming = true;
            } else if to == "me" && who.is_person() {
                harm.harmed = true;
            }
        }
    }
    // "Drove at him", "drove straight at her".
    for i in 0..s.len() {
        if r.word(i).starts_with("drov") || r.word(i) == "drive" || r.word(i) == "swerved" {
            let at = (i + 1..i + 3).find(|&k| r.word(k) == "at");
            if let Some(a) = at {
                let who = doer(r, i);
                match r.word(a + 1) {
                    "me" if who.is_person() => harm.harmed = true,
                    "him" | "her" if who == Who::Writer => harm.harming = true,
                    _ => {}
                }
            }
        }
    }
}
