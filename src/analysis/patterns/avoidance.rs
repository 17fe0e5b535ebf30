//! Pulling away by a sentence's shape: a way out taken whenever the other one starts to
//! talk.

use crate::analysis::matcher::Hit;
use crate::analysis::reading::Class;
use crate::analysis::tokens::Tokens;
use crate::analysis::words::{self, Who};

use super::{ahead, hit, sentence_around};

/// Words that start a conversation: "tries to talk", "brings up", "mentions", "asks about".
pub(super) fn starts_talk(t: &Tokens, k: usize) -> bool {
    let w = t.get(k);
    let next = ahead(t, k, 1).next().map_or("", |n| t.get(n));
    matches!(
        w,
        "mention" | "mentions" | "mentioned" | "raise" | "raises" | "raised"
    ) || (matches!(w, "bring" | "brings" | "brought" | "bringing")
        && ahead(t, k, 3).any(|n| t.get(n) == "up"))
        || (matches!(w, "ask" | "asks" | "asked") && next == "about")
        || (matches!(w, "talk" | "talking" | "conversation") && k > 0)
}

/// Words that open a clause of "every time": when, whenever, as soon as.
pub(super) fn opens_when(t: &Tokens, k: usize) -> bool {
    match t.get(k) {
        "when" | "whenever" => true,
        "time" | "moment" | "minute" => k > 0 && matches!(t.get(k - 1), "every" | "each" | "the"),
        "soon" => k > 0 && t.get(k - 1) == "as",
        _ => false,
    }
}

/// A way out: leaving, going off, starting something else, putting something on.
pub(super) fn way_out_at(t: &Tokens, i: usize) -> Option<usize> {
    let w = t.get(i);
    // The verbs of the match below: most words are none, told before the next is read.
    if !matches!(
        w,
        "go" | "goes"
            | "went"
            | "get"
            | "gets"
            | "got"
            | "storm"
            | "storms"
            | "stormed"
            | "walk"
            | "walks"
            | "walked"
            | "leave"
            | "leaves"
            | "left"
            | "start"
            | "starts"
            | "started"
            | "put"
            | "puts"
            | "pretend"
            | "pretends"
            | "pretended"
            | "pretending"
            | "turn"
            | "turns"
            | "turned"
            | "find"
            | "finds"
            | "found"
            | "pick"
            | "picks"
            | "picked"
            | "grab"
            | "grabs"
            | "grabbed"
    ) {
        return None;
    }
    let next = ahead(t, i, 1).next();
    let nw = next.map_or("", |n| t.get(n));
    let end = match (w, nw) {
        ("go" | "goes" | "went", "for" | "upstairs" | "outside" | "out" | "off" | "to") => {
            next? + 1
        }
        ("get" | "gets" | "got", "up") => next? + 1,
        ("storm" | "storms" | "stormed" | "walk" | "walks" | "walked", "out" | "off" | "away") => {
            next? + 1
        }
        ("leave" | "leaves" | "left", _) => i + 1,
        ("start" | "starts" | "started", n) if n.len() > 4 && n.ends_with("ing") => next? + 1,
        // "put the telly on"
        ("put" | "puts", _) => ahead(t, i, 3).find(|&n| t.get(n) == "on")? + 1,
        ("pretend" | "pretends" | "pretended" | "pretending", "to") => next? + 1,
        ("turn" | "turns" | "turned", "on" | "away" | "up") => next? + 1,
        ("find" | "finds" | "found", "something") => next? + 1,
        ("pick" | "picks" | "picked" | "grab" | "grabs" | "grabbed", _)
            if ahead(t, i, 3).any(|n| t.get(n) == "phone") =>
        {
            i + 1
        }
        _ => return None,
    };
    Some(end)
}

/// "Whenever she tries to talk about the affair I start cleaning the kitchen", "he goes for a
/// drive whenever I bring it up": in one sentence, a clause of "when" or "every time" in
/// which one of them starts to talk, and a way out taken by the other. Read as the sign's own
/// words, so whose it is comes from the clause of the way out.
pub(super) fn way_out(t: &Tokens, i: usize, group: u32) -> Option<Hit> {
    let end = way_out_at(t, i)?;
    // The sentence around it.
    let (ss, se) = sentence_around(t, i);
    // The "when" clause: a when-word, then within a few words a start of talk, and the way
    // out not inside it.
    let when = (ss..se).find(|&k| opens_when(t, k))?;
    let talk = (when + 1..se.min(when + 8)).find(|&k| starts_talk(t, k))?;
    if (when..=talk + 3).contains(&i) {
        return None;
    }
    // Two people: the one who starts to talk is not the one who leaves.
    let talker = (when + 1..talk).rev().find_map(|k| words::who(t.get(k)))?;
    let leaver = if i > when {
        (talk + 1..i).rev().find_map(|k| words::who(t.get(k)))
    } else {
        (ss..i).rev().find_map(|k| words::who(t.get(k)))
    }?;
    let side = |w: Who| matches!(w, Who::Writer | Who::Partner).then_some(w);
    if side(talker)? == side(leaver)? {
        return None;
    }
    Some(hit(t, i, end, group, Class::Sign))
}
