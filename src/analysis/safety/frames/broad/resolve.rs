//! The broad recognisers of resolve: a plan kept without its object, a wish that the writer's
//! own body or life stop, a way out weighed as the easier one, everything done with, and the
//! writer's people said to be better off without the writer. Each reads roles (whose plan,
//! whose heart, what is compared), not a sentence's words.

use super::*;

/// Weekdays and parts of a day: a time a plan may be set for.
const DAYS: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "tonight",
    "tomorrow",
    "tmrw",
    "weekend",
    "night",
    "week",
    "later",
];

/// The writer's people, as a whole: who would be better off.
const LOVED: &[&str] = &[
    "kids",
    "children",
    "boys",
    "girls",
    "family",
    "everyone",
    "everybody",
    "they",
    "people",
    "son",
    "daughter",
    "sons",
    "daughters",
    "parents",
    "friends",
    "mum",
    "dad",
    "husband",
    "wife",
    "partner",
];

pub(super) fn read(r: &Reader, next: Option<&Sentence>) -> bool {
    let b = broad();
    planned(r)
        || wished_body_stop(r)
        || way_easier(r)
        || others_better_off(r)
        || last_of_mine(r, b)
        || letters_left(r, b, next)
        || lingered_at_height(r, b, next)
}

/// "my last night", "my last weekend": the writer's own time said to be the last, not "my last
/// day at work".
fn last_of_mine(r: &Reader, b: &Broad) -> bool {
    (1..r.s.len()).any(|i| {
        r.word(i - 1) == "my"
            && r.word(i) == "last"
            && matches!(
                r.word(i + 1),
                "night" | "day" | "week" | "weekend" | "christmas" | "birthday" | "morning"
            )
            && (r.clause_ends(i + 2) || matches!(r.word(i + 2), "alive" | "here" | "on" | "ever"))
    }) && !b.leaving_do.any(r.s)
}

/// Whether a class is found in this sentence or the next, when the next is short and follows on
/// ("wrote letters to both boys tonight. just in case.").
fn here_or_next(r: &Reader, class: &Class, next: Option<&Sentence>) -> bool {
    class.any(r.s) || next.is_some_and(|n| n.words.len() <= 8 && class.any(n))
}

/// Letters or notes written to the writer's people against not being there: "wrote letters to
/// both boys tonight. just in case", "left a note for my sister in case something happens".
fn letters_left(r: &Reader, b: &Broad, next: Option<&Sentence>) -> bool {
    let written = (0..r.s.len()).any(|v| {
        base_of(
            r.word(v),
            &["write", "wrote", "written", "leave", "left", "record"],
        )
        .is_some()
            && (v + 1..v + 4).any(|k| b.goodbye_things.has(r.word(k)))
    });
    let against_absence = |s: &Sentence| {
        b.precaution.any(s)
            || (1..s.len()).any(|k| {
                s.word(k - 1) == "in"
                    && s.word(k) == "case"
                    && (k + 1 >= s.len()
                        || !s.same_clause(k, k + 1)
                        || matches!(s.word(k + 1), "something" | "anything" | "i"))
            })
    };
    written
        && writer_present(r)
        && !b.leaving_do.any(r.s)
        && (against_absence(r.s) || next.is_some_and(|n| n.words.len() <= 8 && against_absence(n)))
}

/// A place a life may be ended from, lingered at or thought of after: "drove past the bridge and
/// slowed right down. thought about it properly this time".
fn lingered_at_height(r: &Reader, b: &Broad, next: Option<&Sentence>) -> bool {
    b.heights.any(r.s)
        && writer_present(r)
        && !r.w.context.media.any(r.s)
        && !b.ordinary_use.any(r.s)
        && here_or_next(r, &b.lingering, next)
}

/// Whether the writer is the doer in the few words before `i`, in its clause ("I've got a…",
/// "I am…").
fn writer_before(r: &Reader, i: usize) -> bool {
    (i.saturating_sub(4)..i).any(|j| r.s.same_clause(j, i) && r.word(j) == "i") || opens_at(r, i)
}

/// A plan the writer has, with no object but a time: "I'm planning.", "I've got a plan for
/// friday if nothing changes", "I have a plan now". A plan with its content ("a plan for the
/// garden", "planning a party", "a plan with the girls") is an errand.
fn planned(r: &Reader) -> bool {
    (0..r.s.len()).any(|i| {
        let w = r.word(i);
        let noun = w == "plan" && matches!(r.word(i.wrapping_sub(1)), "a" | "my" | "the");
        let verb = matches!(w, "planning" | "planned") && r.word(i.wrapping_sub(1)) != "the";
        if !(noun || verb) || !writer_before(r, i.saturating_sub(usize::from(noun))) {
            return false;
        }
        let mut k = i + 1;
        // "for friday", "for tonight", "for the weekend"
        if r.word(k) == "for" {
            let t = if r.word(k + 1) == "the" { k + 2 } else { k + 1 };
            if !DAYS.contains(&r.word(t)) || !r.s.same_clause(i, t) {
                return false;
            }
            k = t + 1;
        } else if DAYS.contains(&r.word(k)) || r.word(k) == "now" {
            k += 1;
        }
        // A bare plan ("I'm planning.") ends its clause; a plan for a time ("a plan for the
        // weekend") needs the writer's resolve after it: "if nothing changes", "and I think I
        // mean it this time".
        let resolve = (k..k + 8).any(|j| {
            let (a, b) = (r.word(j), r.word(j + 1));
            matches!(
                (a, b),
                ("mean", "it") | ("this", "time") | ("for", "real") | ("no", "going")
            ) || a == "nothing" && matches!(b, "changes" | "improves" | "gets" | "helps")
        });
        resolve || k == i + 1 && r.clause_ends(k)
    })
}

/// A wish that the writer's own heart, breath or life would stop: "wish my heart would just
/// stop by itself", "I wish I would just not wake up". Not "wish the rain would stop" nor "wish
/// I could stop snacking".
fn wished_body_stop(r: &Reader) -> bool {
    (0..r.s.len()).any(|i| {
        if !matches!(
            r.word(i),
            "wish" | "wished" | "wishing" | "hope" | "pray" | "praying"
        ) {
            return false;
        }
        let k = i + 1;
        let owner = match (r.word(k), r.word(k + 1)) {
            ("my", "heart" | "breathing" | "life" | "body" | "lungs") => k + 2,
            ("i", _) => k + 1,
            _ => return false,
        };
        let mut m = owner;
        if !matches!(r.word(m), "would" | "could" | "will" | "might") {
            return false;
        }
        m += 1;
        while matches!(r.word(m), "just" | "simply" | "quietly" | "finally") {
            m += 1;
        }
        let stops = matches!(r.word(m), "stop" | "give" | "end" | "pack")
            && !r.word(m + 1).ends_with("ing")
            && !matches!(
                r.word(m + 1),
                "him" | "her" | "them" | "it" | "the" | "my" | "being"
            )
            && (owner > k + 1 || r.clause_ends(m + 1) || r.word(m + 1) == "by");
        let not_wake = r.word(m) == "not" && matches!(r.word(m + 1), "wake" | "exist" | "be");
        stops || not_wake
    })
}

/// A way out weighed as the easier or kinder course: "to end it would be more easy than to
/// explain", "ending it would be kinder".
fn way_easier(r: &Reader) -> bool {
    (0..r.s.len()).any(|i| {
        let infinitive = r.word(i) == "to" && r.word(i + 1) == "end" && r.word(i + 2) == "it";
        let gerund = r.word(i) == "ending" && r.word(i + 1) == "it";
        if !(infinitive || gerund) || r.word(i + 3) == "with" {
            return false;
        }
        let start = if infinitive { i + 3 } else { i + 2 };
        (start..start + 5).any(|k| {
            r.s.same_clause(i, k)
                && matches!(
                    r.word(k),
                    "easy" | "easier" | "simpler" | "kinder" | "better" | "best" | "relief"
                )
        })
    }) && writer_present(r)
}

/// The writer's people said to be better off without the writer: "the children would be better
/// off with my sister than with me", "they'd all be better off if I wasn't here".
fn others_better_off(r: &Reader) -> bool {
    (0..r.s.len()).any(|i| {
        if r.word(i) != "better" || r.word(i + 1) != "off" {
            return false;
        }
        // "I'd be better off quitting" is the writer's own gain.
        let mine = (i.saturating_sub(4)..i).any(|j| r.s.same_clause(j, i) && r.word(j) == "i");
        let after = |k: usize| r.s.same_clause(i, k);
        let without_me = (i + 2..i + 10).any(|k| {
            after(k)
                && (r.word(k) == "without" && r.word(k + 1) == "me"
                    || r.word(k) == "than" && (r.word(k + 1) == "me" || r.word(k + 2) == "me"))
        });
        // Those who would be better off are the writer's people, not a team or a firm.
        let people = (i.saturating_sub(6)..i).any(|j| {
            r.s.same_clause(j, i)
                && (matches!(r.who_at(j), Some(Who::Partner | Who::Other))
                    || LOVED.contains(&r.word(j)))
        });
        !mine && people && without_me
    })
}
