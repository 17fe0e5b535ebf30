//! Stalking and hounding: turning up at the writer's places, following, waiting outside,
//! messages from new numbers and accounts, calls without end. Says who follows whom.

use super::grammar::{Reader, Who};
use super::harm::Harm;

/// Stalking: turning up at the writer's places, following, messages from new numbers.
pub fn read(r: &Reader, harm: &mut Harm) {
    let st = &r.w.stalking;
    let benign = st.benign.any(r.s);
    // After a break-up any place will do: "my ex keeps turning up outside the school".
    let apart = st.apart.any(r.s);
    let place_at = |k: usize| {
        st.places.at(r.s, k).is_some()
            || r.w.control.owned_adjectives.has(r.word(k)) && st.places.at(r.s, k + 1).is_some()
    };
    for (start, n) in st.appear.all(r.s) {
        let mut subject = r.subject(start);
        if subject.who == Who::Unknown {
            subject.who = r.clause_subject(start);
        }
        if subject.negated || benign || subject.who == Who::Other {
            continue;
        }
        let place = (start + n..start + n + 5).find(|&k| {
            (matches!(r.word(k), "my" | "her" | "his" | "their") || apart && r.word(k) == "the")
                && (place_at(k + 1) || r.word(k) == "my" && place_at(k + 2))
        });
        if let Some(k) = place {
            // "I sat outside my ex's flat" is the writer at the ex's door.
            let mine = !r.my_persons(k)
                && (r.word(k) == "my" || r.word(k) == "the" && subject.who != Who::Writer);
            harm.note(subject.who, mine, !mine);
        }
    }
    for i in 0..r.s.len() {
        // "he sits in his car outside my house"
        if r.word(i) == "outside"
            && r.word(i + 1) == "my"
            && !r.my_persons(i + 1)
            && place_at(i + 2)
            && !benign
            && (r.clause_subject(i) == Who::Partner
                || (i.saturating_sub(4)..i).any(|k| matches!(r.word(k), "his" | "her")))
        {
            harm.harmed = true;
        }
        if st.follow.has(r.word(i)) && !benign {
            let subject = r.subject(i);
            let next = r.word(i + 1);
            let online = st.online.at(r.s, i + 2).is_some();
            // "he follows behind in his car", "I followed her to the gym without her knowing"
            match subject.who {
                _ if subject.negated => {}
                Who::Partner if matches!(next, "me" | "behind" | "after") && !online => {
                    harm.harmed = true
                }
                Who::Writer
                    if matches!(next, "her" | "him" | "them")
                        && !online
                        && (r.w.control.intense.any(r.s) || apart || st.secretly.any(r.s)) =>
                {
                    harm.harming = true
                }
                _ => {}
            }
        }
    }
    for (start, n) in st.persistent.all(r.s) {
        let phrase = &r.s.words[start..start + n];
        let mine = phrase
            .iter()
            .any(|w| matches!(w.as_str(), "me" | "i" | "my"));
        let idiom = st.not_stalking.find(r.s, start, start + n + 3).is_some();
        // "my friend's ex is stalking her": someone else's danger, told by a friend.
        let someone_else = matches!(r.word(start + n), "her" | "him" | "them")
            && !mine
            && r.clause_subject(start) != Who::Writer;
        if someone_else {
            continue;
        }
        if st.online.at(r.s, start + n).is_some() || r.negated_before(start) || benign || idiom {
            continue;
        }
        // A sister who follows the writer around the house is not a stalker; a stranger who
        // follows the writer home may be.
        let other_counts = phrase.iter().any(|w| w == "home") || phrase[0].starts_with("stalk");
        let mut who = r.clause_subject(start);
        // "I've sent my ex messages from a new number": the ex is the one sent to.
        if who == Who::Partner {
            let p = (0..start).rev().find(|&k| r.who_at(k).is_some());
            let contact = |k: usize| {
                let w = r.word(k);
                [
                    "sent", "send", "text", "messag", "call", "rang", "ring", "email", "dm",
                ]
                .iter()
                .any(|v| w.starts_with(v))
            };
            // "Messaged my ex from a new account": the diary's unwritten I.
            if let Some(p) = p
                && r.word(p.wrapping_sub(1)) == "my"
                && ((0..p).any(|k| r.who_at(k) == Some(Who::Writer))
                    || contact(0)
                        && (r.word(0).ends_with("ed") || matches!(r.word(0), "sent" | "rang")))
                && (0..p).any(contact)
            {
                who = Who::Writer;
            }
        }
        match who {
            Who::Partner => harm.harmed = true,
            Who::Other => harm.harmed |= other_counts,
            Who::Writer => harm.harming |= !mine,
            _ => {
                harm.harmed |=
                    phrase[0].starts_with("stalk") || phrase[0] == "fake" || phrase[0] == "new"
            }
        }
    }
}

/// Calling and texting without end: "calls over and over", "rings me every five minutes".
pub fn hounding(r: &Reader, harm: &mut Harm) {
    let st = &r.w.stalking;
    for i in 0..r.s.len() {
        if !st.contact.has(r.word(i)) {
            continue;
        }
        let k = if r.word(i + 1) == "me" { i + 2 } else { i + 1 };
        if st.relentless.at(r.s, k).is_none() {
            continue;
        }
        let subject = r.subject(i);
        if !subject.negated && subject.who == Who::Partner {
            harm.harmed = true;
        }
    }
}
