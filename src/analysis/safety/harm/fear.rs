//! Fear of a partner and its signs, and marks left on a body, read for whose they are.
use super::*;

/// Fear of a partner: "I'm afraid of my husband", "scared of what he'll do", "she's afraid of
/// me", "he scares me", "I flinch when he…".
pub(super) fn fear(r: &Reader, harm: &mut Harm) {
    let f = &r.w.fear;
    for i in 0..r.s.len() {
        let w = r.word(i);
        if !f.words.has(w) {
            continue;
        }
        let who = r.clause_subject(i);
        // "I genuinely feared for my life on the big roundabout" while a daughter learns to drive.
        if r.negated_before(i) || r.humour {
            continue;
        }
        // "I'm afraid to fall asleep before he does"
        if r.word(i + 1) == "to"
            && f.acts.at(r.s, i + 2).is_some()
            && writer_or(who) == Who::Writer
            && partner_named(r)
        {
            harm.harmed = true;
        }
        if w.starts_with("flinch") || w.starts_with("cower") || w.starts_with("hid") {
            let partner_later = (i + 1..r.s.len())
                .any(|k| r.who_at(k) == Some(Who::Partner) || r.w.people.victims.has(r.word(k)));
            let writer_later = (i + 1..r.s.len()).any(|k| matches!(r.word(k), "i" | "me" | "my"));
            match who {
                Who::Writer | Who::Unknown => harm.harmed |= partner_later,
                Who::Partner => harm.harming |= writer_later,
                _ => {}
            }
            continue;
        }
        if r.word(i + 1) == "of" {
            let k = i + 2;
            let person_at = |k: usize| {
                let x = r.word(k);
                r.w.people.victims.has(x)
                    || r.w.people.partners.has(x) && !matches!(x, "he" | "she" | "they")
                    || r.is_name(k)
            };
            let (person, after) = if r.word(k) == "my" && person_at(k + 1) {
                (true, k + 2)
            } else {
                (person_at(k), k + 1)
            };
            let writer_afraid = writer_or(who) == Who::Writer;
            if person && !r.word(after).ends_with("ing") {
                harm.harmed |= writer_afraid;
            }
            if r.word(k) == "me" && who == Who::Partner {
                harm.harming = true;
            }
            // "scared of what I might do to myself" is the writer's own danger.
            if r.word(k) == "what"
                && r.word(k + 1) != "i"
                && f.what_they_do.find(r.s, k + 2, k + 6).is_some()
            {
                harm.harmed |= writer_afraid;
            }
        }
        if f.for_safety.at(r.s, i + 1).is_some() {
            harm.harmed |= writer_or(who) == Who::Writer;
        }
        let (target, _) = r.object(i);
        harm.note(
            r.subject(i).who,
            target == Target::Writer,
            target == Target::Victim,
        );
    }
}

/// Whether a partner is named anywhere in the sentence (not "they", which may be anyone).
fn partner_named(r: &Reader) -> bool {
    (0..r.s.len()).any(|k| {
        let w = r.word(k);
        matches!(w, "he" | "she" | "him" | "her")
            || w != "they" && r.w.people.partners.has(w)
            || r.w.people.victims.has(w) && w != "them"
    })
}

/// Signs of living in fear of a partner: "I walk on eggshells because of how he reacts", "I
/// hide in the bathroom when he gets like this".
pub(super) fn fear_signs(r: &Reader, harm: &mut Harm) {
    let f = &r.w.fear;
    if !partner_named(r) {
        return;
    }
    for (start, _) in f.signs.all(r.s) {
        match r.clause_subject(start) {
            Who::Writer | Who::Unknown => harm.harmed = true,
            Who::Partner if r.has_word("me") => harm.harming = true,
            _ => {}
        }
    }
    for i in 0..r.s.len() {
        if f.hide.has(r.word(i))
            && matches!(
                r.word(i + 1),
                "in" | "from" | "under" | "behind" | "upstairs"
            )
            && r.clause_subject(i) == Who::Writer
            && !r.negated_before(i)
            && !r.games
        {
            harm.harmed = true;
        }
    }
}

/// A fear word with no doer named is the writer's ("so scared of him").
fn writer_or(who: Who) -> Who {
    match who {
        Who::Unknown | Who::Writer => Who::Writer,
        other => other,
    }
}

/// Marks on the writer's body where a partner is named: "the bruises on my neck are from him".
pub(super) fn marks(r: &Reader, harm: &mut Harm) {
    if r.accident || r.games || !r.w.body.marks.any(r.s) {
        return;
    }
    let mine = (0..r.s.len()).any(|i| {
        r.word(i) == "me"
            || r.word(i) == "my" && r.w.body.parts.has(r.word(i + 1))
            || r.word(i) == "from" && r.w.people.victims.has(r.word(i + 1))
            || r.word(i) == "from" && r.word(i + 1) == "my" && r.w.people.victims.has(r.word(i + 2))
    });
    let partner = (0..r.s.len()).any(|i| {
        matches!(r.word(i), "he" | "she" | "him" | "her")
            || r.w.people.partners.has(r.word(i)) && r.word(i) != "they"
    });
    harm.harmed |= mine && partner;
}
