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
    hidden_purpose: Class,
    identity: Class,
    heights: Class,
    lingering: Class,
    precaution: Class,
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
            &b.heights,
            &b.goodbye_things,
        ] {
            triggers.extend(set.single_words().chain(set.first_words()));
        }
        triggers.extend([
            "planning",
            "dug",
            "into",
            "last",
            "told",
            "tell",
            "times",
            "plan",
            "planned",
            "wish",
            "wished",
            "wishing",
            "better",
            "ending",
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
            hidden_purpose: Class::of(&b.hidden_purpose),
            identity: Class::of(&b.identity),
            heights: Class::of(&b.heights),
            lingering: Class::of(&b.lingering),
            precaution: Class::of(&b.precaution),
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

mod harm;
mod resolve;
mod self_harm;

pub use harm::harm;
pub use self_harm::self_harm;

/// Turns the broad layer off, so that a test can measure what it costs and adds.
#[cfg(test)]
pub static OFF: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);

#[cfg(test)]
mod tests;
