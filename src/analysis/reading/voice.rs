//! Whose words a match stands in: the writer's own, a quotation, or a report of what
//! someone said, asked or thinks.

use crate::analysis::matcher::negated;
use crate::analysis::words::{self, Who};

use super::{Reader, Voice};

impl Reader<'_> {
    /// Whose words a match stands in.
    pub(super) fn voice(&self, start: usize) -> Voice {
        let n = self.t.len();
        if self.t.quoted(start) {
            let mut qs = start;
            while qs > 0 && self.t.quoted(qs - 1) {
                qs -= 1;
            }
            let mut qe = start;
            while qe < n && self.t.quoted(qe) {
                qe += 1;
            }
            let who_at = |i: usize| (i < n).then(|| words::who(self.w(i))).flatten();
            let says = |i: usize| i < n && words::reports(self.w(i));
            // "Texted him at lunch: "…"", "I said to him quietly, "…"": the subject of a verb
            // of saying a few words before the quotation, the writer when none is written.
            let ss = self.sentence_start(qs);
            let sends =
                |j: usize| says(j) || matches!(self.w(j), "text" | "texts" | "messaged" | "begged");
            let lead = (ss..qs).rev().take(6).find(|&j| sends(j)).and_then(|v| {
                if v == ss {
                    return Some(Who::Writer);
                }
                let mut s = v - 1;
                if s > ss && words::is_adverb(self.w(s)) {
                    s -= 1;
                }
                let w = self.w(s);
                words::who(w).filter(|_| !words::is_object(w))
            });
            // After a lead-in, a new sentence after the quotation is no speech tag
            // ("do you still want this?" He said yes).
            let speaker = if lead.is_some() && qe < n && self.t.break_before(qe) {
                lead
            } else if says(qe) && who_at(qe + 1).is_some() {
                who_at(qe + 1)
            } else if who_at(qe).is_some() && says(qe + 1) {
                who_at(qe)
            } else if words::possessor(self.w(qe.min(n - 1))).is_some()
                && who_at(qe + 1).is_some()
                && says(qe + 2)
            {
                who_at(qe + 1)
            } else if qs >= 2 && says(qs - 1) && who_at(qs - 2).is_some() {
                who_at(qs - 2)
            } else if qs >= 3
                && says(qs - 2)
                && words::is_object(self.w(qs - 1))
                && who_at(qs - 3).is_some()
            {
                // "I told him, "…"", "she asked me, "…""
                who_at(qs - 3)
            } else {
                lead
            };
            return Voice::Quote { speaker, start: qs };
        }
        let ss = self.sentence_start(start);
        // "When he says he was at the gym I assume he's lying": a report does not reach into
        // the main clause after a "when" clause.
        let cs = self.clause_start(start);
        let main = cs > ss
            && words::is_nominative(self.w(cs))
            && !words::introduces(self.w(cs - 1))
            && !self.t.clause_before(cs);
        let mut j = start;
        while j > ss {
            j -= 1;
            let w = self.w(j);
            if self.t.quoted(j) || words::coordinates(w) || (main && j < cs) {
                break;
            }
            // "Whatever he says, I …": what is said is a thing, not a report.
            let said_thing = || {
                j >= ss + 2
                    && matches!(
                        self.w(j - 2),
                        "what"
                            | "whatever"
                            | "everything"
                            | "nothing"
                            | "anything"
                            | "story"
                            | "stories"
                            | "excuse"
                            | "excuses"
                            | "thing"
                            | "word"
                            | "lie"
                            | "lies"
                    )
            };
            if words::reports(w) && !said_thing() && self.opens_report(j) {
                match self.subject(j, 0).0 {
                    // "I told him I was jealous" is the writer's own; an outer "he said"
                    // still makes it his account.
                    Who::Writer | Who::Thing | Who::Empty => continue,
                    who => {
                        return Voice::Report {
                            reporter: who,
                            verb: j,
                        };
                    }
                }
            }
        }
        Voice::Own
    }

    /// A reporting verb followed by what was said ("said I", "asked me if", "accused me of"),
    /// not by a plain object ("she mentioned her old boss").
    pub(super) fn opens_report(&self, verb: usize) -> bool {
        let n = self.t.len();
        let opens = |i: usize| {
            i < n
                && (self.t.clause_before(i)
                    || matches!(self.w(i), "that" | "if" | "whether" | "of" | "to")
                    || matches!(
                        words::who(self.w(i)),
                        Some(Who::Writer | Who::Partner | Who::Empty)
                    ) && !matches!(self.w(i), "me" | "him" | "us" | "them"))
        };
        let mut next = verb + 1;
        while next < n && matches!(self.w(next), "again" | "still" | "once" | "repeatedly") {
            next += 1;
        }
        if next >= n {
            return false;
        }
        if opens(next) && !(self.w(next) == "her" && next + 1 < n && !opens(next + 1)) {
            return true;
        }
        if matches!(self.w(next), "me" | "him" | "her" | "us" | "them") && opens(next + 1) {
            return true;
        }
        // "asked me three times tonight whether …"
        (next..(next + 6).min(n))
            .take_while(|&i| !self.t.break_before(i))
            .any(|i| matches!(self.w(i), "if" | "whether"))
    }

    /// A match inside "if …" after a negated asking verb: "I didn't ask him if he still loves
    /// me" is no request for reassurance.
    pub(super) fn asked_not(&self, start: usize) -> bool {
        let cs = self.clause_start(start);
        if !matches!(self.w(cs), "if" | "whether") || cs == 0 {
            return false;
        }
        (cs.saturating_sub(3)..cs).any(|v| words::asks(self.w(v)) && negated(self.t, v))
    }

    /// A verb of keeping shortly before a "to myself" kind of term, in the clause, itself not
    /// negated ("I didn't keep it to myself").
    pub(super) fn kept_before(&self, start: usize) -> bool {
        let cs = self.clause_start(start);
        (start.saturating_sub(6).max(cs)..start)
            .any(|j| words::keeps(self.w(j)) && !negated(self.t, j))
    }

    /// A verb of looking shortly before a "his phone" kind of term, in the clause.
    pub(super) fn look_verb(&self, start: usize) -> Option<usize> {
        let cs = self.clause_start(start);
        (start.saturating_sub(4).max(cs)..start).rev().find(|&j| {
            let w = self.w(j);
            let next = if j + 1 < start { self.w(j + 1) } else { "" };
            words::looks(w)
                // "asked to see my texts", "asked for my passcode"
                || (w == "see" && j > cs && self.w(j - 1) == "to")
                // "wants to know where I am", "asking where I was", "needs me to share my
                // location"
                || (matches!(w, "know" | "share") && j > cs && self.w(j - 1) == "to")
                || (matches!(w, "asking" | "asks" | "asked") && j + 1 == start)
                || w == "sharing"
                || (words::demands(w) && next == "for")
        })
    }

    /// The verb of asking a question clause depends on ("she asks every night if …"): the
    /// nearest before the clause, in the sentence, within a few words.
    pub(super) fn ask_verb(&self, start: usize, floor: usize) -> Option<usize> {
        let cs = self.clause_start(start);
        if !matches!(self.w(cs), "if" | "whether") || cs == 0 {
            return None;
        }
        let ss = self.sentence_start(start).max(floor);
        (cs.saturating_sub(8).max(ss)..cs)
            .rev()
            .find(|&j| words::asks(self.w(j)) && !negated(self.t, j))
    }
}
