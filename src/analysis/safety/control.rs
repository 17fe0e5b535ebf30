//! Control and monitoring between partners: permission refused, money, keys and phone taken,
//! messages and location checked, choices dictated, doors locked, money in the writer's name,
//! an allowance, a hand at a throat. Says who controls whom.

use super::grammar::{Reader, Target, Who};
use super::harm::Harm;

/// Control and monitoring: "won't let me see my friends", "takes my money", "checks my
/// location", "controls what I wear", "makes me unlock my phone", "locked me in".
pub fn read(r: &Reader, harm: &mut Harm) {
    // "He took my phone off me at dinner as a joke"
    if r.has_word("joke") || r.has_word("jokingly") {
        return;
    }
    let c = &r.w.control;
    let consent = c.consent.any(r.s);
    for i in 0..r.s.len() {
        let w = r.word(i);
        if matches!(w, "let" | "letting" | "lets") {
            let mut subject = r.subject(i);
            if subject.who == Who::Unknown {
                // "he punishes me by not letting me eat"
                subject.who = r.clause_subject(i);
            }
            let refused = subject.negated || r.word(i.wrapping_sub(2)).starts_with("refus");
            let target = r.person_after(i);
            if refused && c.let_verbs.at(r.s, i + 2).is_some() && subject.who != Who::Other {
                harm.note(
                    subject.who,
                    target == Target::Writer,
                    target == Target::Victim,
                );
            }
        }
        if w == "allowed"
            && matches!(r.word(i.wrapping_sub(1)), "not" | "only")
            && (r.word(i + 1) == "to" && c.let_verbs.at(r.s, i + 2).is_some()
                || r.word(i + 1) == "out")
        {
            allowed(r, i, harm);
        }
        if matches!(w, "allow" | "allows") {
            let subject = r.subject(i);
            let target = r.person_after(i);
            let to = if r.word(i + 1) == "my" { i + 3 } else { i + 2 };
            if subject.negated
                && r.word(to) == "to"
                && c.let_verbs.at(r.s, to + 1).is_some()
                && subject.who != Who::Other
            {
                harm.note(
                    subject.who,
                    target == Target::Writer,
                    target == Target::Victim,
                );
            }
        }
        if let Some(n) = c.take_verbs.at(r.s, i) {
            let mut k = i + n;
            while matches!(r.word(k), "away" | "all") {
                k += 1;
            }
            let whose = r.word(k);
            // "my whole paycheck", "her new phone"
            let o = if c.owned_adjectives.has(r.word(k + 1)) {
                k + 2
            } else {
                k + 1
            };
            // "took my phone to call a taxi" is a purpose; "to check my messages" is not.
            let purpose = |k: usize| {
                r.word(k) == "to"
                    && c.check_verbs.at(r.s, k + 1).is_none()
                    && !matches!(r.word(k + 1), "stop" | "keep" | "make" | "punish" | "teach")
            };
            if let Some(m) = c.take_objects.at(r.s, o)
                && c.not_objects.at(r.s, o + m).is_none()
                && !purpose(o + m)
            {
                let subject = r.subject(i);
                if !subject.negated && subject.who != Who::Other {
                    harm.note(
                        subject.who,
                        whose == "my",
                        matches!(whose, "her" | "his" | "their"),
                    );
                }
            }
        }
        if let Some(n) = c.check_verbs.at(r.s, i) {
            let mut k = i + n;
            while matches!(r.word(k), "all" | "through" | "on" | "of") {
                k += 1;
            }
            let mut whose = r.word(k);
            let mut object = c.check_objects.at(r.s, k + 1).is_some();
            if whose == "my" && r.w.people.victims.has(r.word(k + 1)) {
                // "tracking my wife's phone"
                whose = "her";
                object = c.check_objects.at(r.s, k + 2).is_some();
            }
            if matches!(whose, "every" | "each") && c.check_objects.at(r.s, k + 1).is_some() {
                // "reads every message I send"
                whose = if r.word(k + 2) == "i" { "my" } else { whose };
                object = true;
            }
            if whose == "the" && object && (k + 2..k + 5).any(|j| r.word(j) == "my") {
                // "checks the mileage on my car"
                whose = "my";
            }
            if matches!(whose, "where" | "who" | "what") && r.word(k + 1) == "i" {
                // "checks where I am"
                whose = "my";
                object = true;
            }
            let subject = r.subject(i);
            if consent || subject.negated || subject.in_question(r) {
                continue;
            }
            match subject.who {
                Who::Partner if whose == "my" && object || whose == "everything" => {
                    harm.harmed = true
                }
                Who::Writer if matches!(whose, "her" | "his" | "their") && object => {
                    let strong = ["monitor", "track", "spy", "hack"]
                        .iter()
                        .any(|p| w.starts_with(p));
                    harm.harming |= strong || c.intense.any(r.s);
                }
                _ => {}
            }
        }
        if c.control_verbs.has(w) {
            controlled(r, i, harm);
        }
        if c.make_verbs.has(w) {
            let target = r.person_after(i);
            let k = if r.word(i + 1) == "my" { i + 3 } else { i + 2 };
            let to = if r.word(k) == "to" { k + 1 } else { k };
            let forced =
                w.starts_with("forc") || w.starts_with("coerc") || w.starts_with("pressur");
            let subject = r.subject(i);
            if !subject.negated
                && (forced || c.made_to.at(r.s, to).is_some() || c.made_to.at(r.s, k).is_some())
            {
                harm.note(
                    subject.who,
                    target == Target::Writer,
                    target == Target::Victim,
                );
            }
        }
        if w == "ask"
            && (i.saturating_sub(3)..i)
                .any(|j| matches!(r.word(j), "have" | "has" | "must" | "need" | "got"))
            && c.ask_permission.find(r.s, i + 2, i + 6).is_some()
        {
            let (target, _) = r.object(i);
            harm.harmed |= target == Target::Victim;
        }
    }
    for (start, n) in c.trap.all(r.s) {
        let phrase = &r.s.words[start..start + n];
        let has = |x: &str| phrase.iter().any(|w| w == x);
        let subject = r.subject(start);
        if subject.negated {
            continue;
        }
        let after = r.word(start + n);
        let to_writer = has("me")
            || has("my") && !has("hand")
            || after == "me"
            || !has("her") && !has("him") && !has("my");
        let to_victim = !has("me") && (!has("my") || has("hand")) && after != "me";
        harm.note(
            subject.who,
            to_writer && subject.who != Who::Writer,
            to_victim,
        );
    }
    allowance(r, harm);
    withheld(r, harm);
    in_my_name(r, harm);
    at_throat(r, harm);
    for (start, n) in c.trap_things.all(r.s) {
        let phrase = &r.s.words[start..start + n];
        // "a tracker taped under my car": whose thing it is, within the clause.
        let mine = phrase.iter().any(|w| w == "my")
            || (start + n..start + n + 5).any(|k| r.s.same_clause(start, k) && r.word(k) == "my");
        let who = match r.word(start.wrapping_sub(1)) {
            "his" | "her" | "their" => Who::Partner,
            "my" => Who::Writer,
            _ => r.clause_subject(start),
        };
        // "I found a tracker under my car": put there by someone else.
        let found = (0..start).any(|k| r.w.control.found.has(r.word(k)));
        let who = if mine && who == Who::Writer && found {
            Who::Other
        } else {
            who
        };
        let theirs = phrase.iter().any(|w| w == "her" || w == "his")
            || (start + n..start + n + 5)
                .any(|k| r.s.same_clause(start, k) && matches!(r.word(k), "her" | "his"));
        harm.note(who, mine || !theirs, !mine);
    }
}

/// "he controls what I wear", "I was controlling her spending".
fn controlled(r: &Reader, i: usize, harm: &mut Harm) {
    let c = &r.w.control;
    let subject = r.subject(i);
    if subject.negated {
        return;
    }
    let mut k = i + 1;
    while matches!(r.word(k), "all" | "over") {
        k += 1;
    }
    let next = r.word(k);
    let wh = matches!(next, "what" | "who" | "where" | "how" | "when" | "whether");
    match subject.who {
        Who::Partner => {
            let about_me = wh && r.word(k + 1) == "i"
                || next == "me"
                || next == "my" && !r.w.body.parts.has(r.word(k + 1))
                || !wh && c.control_objects.has(next)
                || next == "the" && c.control_objects.has(r.word(k + 1));
            harm.harmed |= about_me;
        }
        Who::Writer => {
            let about_them = wh && matches!(r.word(k + 1), "she" | "he" | "they")
                || matches!(next, "her" | "his" | "their" | "him" | "them");
            harm.harming |= about_them;
        }
        _ => {}
    }
}

/// "not allowed out", "not allowed to see": the writer's rule for a partner when the writer
/// says it ("I told her she isn't allowed out"), otherwise a rule laid on the writer.
fn allowed(r: &Reader, i: usize, harm: &mut Harm) {
    let by_writer = r.reporter(i) == Some(Who::Writer)
        || (0..i).any(|k| {
            matches!(r.word(k), "deciding" | "decide" | "decided" | "decides")
                && r.subject(k).who == Who::Writer
        });
    match r.clause_subject(i) {
        Who::Writer if !by_writer && !rules_elsewhere(r) => harm.harmed = true,
        Who::Partner if by_writer && r.subject(i).who != Who::Writer => harm.harming = true,
        _ if by_writer => harm.harming = true,
        _ => {}
    }
}

/// Rules of a workplace or a school: "not allowed to wear jeans at work".
fn rules_elsewhere(r: &Reader) -> bool {
    r.w.control.rules_elsewhere.any(r.s)
}

/// "gives me an allowance", "I give her an allowance so she has to ask me".
fn allowance(r: &Reader, harm: &mut Harm) {
    for i in 0..r.s.len() {
        if r.w.control.allowances.at(r.s, i).is_none() {
            continue;
        }
        let Some(k) = (i.saturating_sub(4)..i).find(|&k| {
            matches!(r.word(k), "me" | "her" | "him" | "them")
                || r.word(k) == "my" && r.w.people.victims.has(r.word(k + 1))
        }) else {
            continue;
        };
        let to_writer = r.word(k) == "me";
        let who = r.clause_subject(k);
        if who == Who::Partner || who == Who::Writer {
            harm.note(who, to_writer, !to_writer);
        }
    }
}

/// "I won't give her the car keys unless…", "he won't give me my passport back".
fn withheld(r: &Reader, harm: &mut Harm) {
    let c = &r.w.control;
    for i in 0..r.s.len() {
        if !matches!(r.word(i), "give" | "gives" | "giving") || !r.negated_before(i) {
            continue;
        }
        let target = r.person_after(i);
        let mut k = i + 2;
        if matches!(r.word(k), "the" | "my" | "her" | "his" | "back") {
            k += 1;
        }
        let o = if c.owned_adjectives.has(r.word(k)) {
            k + 1
        } else {
            k
        };
        if c.take_objects.at(r.s, o).is_none() {
            continue;
        }
        let who = match r.subject(i).who {
            Who::Unknown => r.clause_subject(i),
            who => who,
        };
        // "she'll sell the car if i dont give her my card pin": the writer's refusal is only
        // the condition of someone else's threat.
        let condition = (i.saturating_sub(3)..=i).any(|j| r.writer_in_condition(j));
        if who == Who::Writer && condition {
            continue;
        }
        harm.note(who, target == Target::Writer, target == Target::Victim);
    }
}

/// "opened credit cards in my name": debt put on the writer, or on a partner by the writer.
fn in_my_name(r: &Reader, harm: &mut Harm) {
    for i in 0..r.s.len() {
        if r.word(i) != "in" || r.word(i + 2) != "name" {
            continue;
        }
        let whose = r.word(i + 1);
        let money = (i.saturating_sub(4)..i).any(|k| r.w.control.debts.has(r.word(k)));
        if !money {
            continue;
        }
        let who = r.clause_subject(i);
        match (who, whose) {
            (Who::Partner, "my") => harm.harmed = true,
            (Who::Writer, "her" | "his" | "their") => harm.harming = true,
            _ => {}
        }
    }
}

/// "put my hands on her neck", "his hand over my mouth": a hand at a throat or a mouth.
fn at_throat(r: &Reader, harm: &mut Harm) {
    for i in 0..r.s.len() {
        if !matches!(r.word(i), "hand" | "hands") {
            continue;
        }
        let prep = r.word(i + 1);
        if !matches!(
            prep,
            "on" | "around" | "round" | "over" | "across" | "against"
        ) {
            continue;
        }
        let whose = r.word(i + 2);
        let part = if r.word(i + 3) == "own" { i + 4 } else { i + 3 };
        if !r.w.control.airway.has(r.word(part)) {
            continue;
        }
        let owner = match r.word(i.wrapping_sub(1)) {
            "my" => Who::Writer,
            "his" | "her" | "their" => Who::Partner,
            _ => r.clause_subject(i),
        };
        if r.negated_before(i) {
            continue;
        }
        harm.note(
            owner,
            whose == "my",
            matches!(whose, "her" | "his" | "their"),
        );
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::safety::{Concern, concerns};

    #[test]
    fn control_goes_to_the_right_writer() {
        for (text, want) in [
            ("My husband gives me an allowance.", Concern::Harmed),
            (
                "I give her an allowance so she has to ask me.",
                Concern::HarmingOthers,
            ),
            ("She opened credit cards in my name.", Concern::Harmed),
            (
                "I told her she isn't allowed out with her friends.",
                Concern::HarmingOthers,
            ),
            ("He says I'm not allowed to see my sister.", Concern::Harmed),
            (
                "I put my hand over her mouth to stop her shouting.",
                Concern::HarmingOthers,
            ),
            (
                "I've been tracking my wife's phone without telling her.",
                Concern::HarmingOthers,
            ),
        ] {
            assert_eq!(concerns(text), [want], "{text:?}");
        }
    }
}
