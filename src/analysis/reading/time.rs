//! When a match holds: now, stopped or long past, or only imagined.

use crate::analysis::tokens::Tokens;
use crate::analysis::words;

use super::{Reader, Time};

impl Reader<'_> {
    /// When a match holds.
    pub(super) fn time(&self, start: usize) -> Time {
        let cs = self.clause_start(start);
        let (ss, se) = (self.sentence_start(start), self.sentence_end(start));
        for j in cs..start {
            let next = if j + 1 < self.t.len() {
                self.w(j + 1)
            } else {
                ""
            };
            match (self.w(j), next) {
                ("used", "to")
                | ("no", "longer")
                | ("gave" | "given" | "giving", "up")
                // "I'm over the jealousy"
                | ("i'm" | "im" | "am", "over")
                | ("stopped", _)
                // "I'm done checking his phone"
                | ("done", "checking" | "snooping" | "asking" | "avoiding" | "being" | "going" | "looking")
                | ("quit", _) => return Time::Stopped,
                _ => {}
            }
        }
        // "I haven't … in weeks".
        let perfect_not = (ss..start).find(|&j| {
            matches!(
                self.w(j),
                "haven't" | "havent" | "hasn't" | "hasnt" | "hadn't" | "hadnt"
            )
        });
        if let Some(p) = perfect_not
            && !(p..start).any(|j| matches!(self.w(j), "and" | "but"))
            && (p..se.saturating_sub(1)).any(|j| {
                matches!(self.w(j), "in" | "for")
                    && matches!(
                        self.w(j + 1),
                        "weeks" | "months" | "days" | "ages" | "years" | "a" | "while"
                    )
            })
        {
            return Time::Stopped;
        }
        // "It's been a month since I looked".
        if matches!(self.w(ss), "it's" | "its")
            && ss + 1 < se
            && self.w(ss + 1) == "been"
            && (ss..start).any(|j| self.w(j) == "since")
        {
            return Time::Stopped;
        }
        // "I was jealous of everyone she worked with. That's gone now."
        if self.undone_after(se) {
            return Time::Stopped;
        }
        // Long past, unless a "but" or a word of now stands between.
        let now_words = |i: usize| {
            matches!(
                self.w(i),
                "but" | "now" | "still" | "again" | "today" | "tonight" | "anymore"
            )
        };
        // Marks of the long past are found once per entry (`past_marks`), not per match.
        let first = self.past.partition_point(|&(j, _)| (j as usize) < ss);
        for &(j, retro) in &self.past[first..] {
            let j = j as usize;
            if j >= se {
                break;
            }
            // "…, but that has passed" looks back past its own "but".
            let (a, b) = if j < start { (j, start) } else { (start, j) };
            if retro || !(a..b).any(now_words) {
                return Time::Stopped;
            }
        }
        // Conditions and wishes.
        // "I asked her over and over if …" is a question, not a condition.
        if matches!(self.w(cs), "if" | "unless")
            && !(cs.saturating_sub(6).max(ss)..cs).any(|v| words::asks(self.w(v)))
        {
            return Time::Hypothetical;
        }
        if matches!(self.w(ss), "if" | "imagine" | "suppose") {
            return Time::Hypothetical;
        }
        for j in cs..start {
            let w = self.w(j);
            // "She wanted me to tell her": a request, made now.
            if words::wishes(w) && !words::is_object(self.w(j + 1)) {
                return Time::Hypothetical;
            }
            // "I'd be jealous", "once I'd have checked his phone"
            if matches!(w, "i'd" | "he'd" | "she'd" | "we'd" | "they'd")
                && j + 1 < start
                && matches!(self.w(j + 1), "be" | "feel" | "love" | "have")
            {
                return Time::Hypothetical;
            }
        }
        Time::Now
    }
}

impl Reader<'_> {
    /// The sentence starting at `next` says the one before it is over: "That's gone now",
    /// "that has changed", "not anymore".
    pub(super) fn undone_after(&self, next: usize) -> bool {
        let n = self.t.len();
        let at = |i: usize| if i < n { self.w(i) } else { "" };
        if next >= n || !self.t.break_before(next) {
            return false;
        }
        let (a, b, c) = (at(next), at(next + 1), at(next + 2));
        matches!(
            (a, b, c),
            (
                "that's" | "thats",
                "gone" | "changed" | "over" | "behind" | "done" | "passed",
                _
            ) | (
                "that",
                "has" | "is",
                "changed" | "gone" | "over" | "passed" | "behind"
            ) | ("that", "changed" | "passed", _)
                | ("not", "anymore" | "any", _)
                | ("those", "days", _)
                | ("that", "was", "then")
        )
    }
}

/// Every mark of the long past in the text, with whether it looks back over a "but": a word
/// pair (or three words) inside one sentence.
pub(super) fn past_marks(t: &Tokens, sentence_end: &[u32]) -> Vec<(u32, bool)> {
    let mut out = Vec::new();
    for (j, &se) in sentence_end.iter().enumerate() {
        let se = se as usize;
        if j + 1 >= se {
            continue;
        }
        let pair = (t.get(j), t.get(j + 1));
        let third = if j + 2 < se { t.get(j + 2) } else { "" };
        let past = matches!(
            (pair.0, pair.1, third),
            ("before", "the", "affair")
                | ("before", "all", "this")
                | ("before", "i", "found")
                | ("has", "passed", _)
                | ("is", "behind", "me")
                | ("the", "first", "year" | "months" | "weeks" | "years")
                | ("back", "in", _)
                | ("i", "was", "younger")
                | ("as", "a", "kid" | "child" | "teenager")
                | ("my", "last", "relationship")
                | ("was", "a", "time")
                | ("first", "got", "together")
                | ("we", "first", "met")
        ) || matches!(
            pair,
            ("years", "ago")
                | ("year", "ago")
                | ("months", "ago")
                | ("last", "year" | "spring" | "summer" | "autumn" | "winter")
                | ("back", "then")
                | ("early", "days")
                | ("at", "first")
                | ("the", "beginning")
                | ("those", "days")
                | ("growing", "up")
        );
        if past {
            let retro = matches!(pair, ("has", "passed") | ("is", "behind"));
            out.push((j as u32, retro));
        }
    }
    out
}
