//! Whose a match is in the writer's own words: the subject before it, the one it is done
//! to, names and persons.

use crate::analysis::words::{self, Who};

use super::{Class, Holder, Reader};

impl Reader<'_> {
    /// The holder of a match in the writer's own words (or a quotation of the writer).
    pub(super) fn own_holder(
        &self,
        class: Class,
        start: usize,
        end: usize,
        floor: usize,
    ) -> Option<Holder> {
        let as_holder = |who: Who| match who {
            Who::Writer => Some(Holder::Writer),
            Who::Partner => Some(Holder::Partner),
            Who::Other => Some(Holder::Other),
            // "It's hard to trust him": the writer's.
            Who::Empty => Some(Holder::Writer),
            Who::Thing => None,
        };
        match class {
            // "She asked if I was still in touch with him": a question, not a suspicion.
            Class::Suspected if self.ask_verb(start, floor).is_some() => None,
            // "I'm worried he's lying", "something feels off": the one suspected is in the
            // words, the one who suspects is the writer.
            Class::Suspected
                if words::who(self.w(start))
                    .is_some_and(|w| matches!(w, Who::Partner | Who::Thing | Who::Empty)) =>
            {
                Some(Holder::Writer)
            }
            Class::Suspected => match self.subject(start, floor).0 {
                // "I stopped hiding things": the writer's own secrecy, not a suspicion.
                Who::Writer => None,
                Who::Other => Some(Holder::Other),
                _ => Some(Holder::Writer),
            },
            // "His story doesn't add up", "I don't think he's telling me everything": the
            // writer's doubt; the writer's own honesty is no doubt at all.
            // "She said my story didn't add up": the writer's own account, judged by another.
            Class::Honesty
                if (self.clause_start(start).max(floor)..start)
                    .rev()
                    .find_map(|j| words::possessor(self.w(j)))
                    == Some(Who::Writer) =>
            {
                None
            }
            Class::Honesty => match self.honesty_subject(start, floor) {
                Who::Writer => None,
                Who::Other => Some(Holder::Other),
                Who::Partner => Some(Holder::Writer),
                // "The numbers don't add up" is no doubt of anyone; "his story" is, and "my
                // story" is someone else's doubt of the writer.
                Who::Thing | Who::Empty => {
                    let ss = self.sentence_start(start).max(floor);
                    let owner = (ss..start).rev().find_map(|j| words::possessor(self.w(j)));
                    let partner = (ss..start).any(|j| words::relational(self.w(j)));
                    (owner != Some(Who::Writer) && partner).then_some(Holder::Writer)
                }
            },
            Class::Credence | Class::Withheld => match self.subject(start, floor).0 {
                Who::Thing => None,
                Who::Empty if class == Class::Withheld => None,
                who => as_holder(who),
            },
            Class::Looking | Class::LookingMine => {
                let verb = self.look_verb(start)?;
                let who = self.subject(verb, floor).0;
                match (class, who) {
                    (Class::Looking, Who::Writer) => Some(Holder::Writer),
                    (Class::LookingMine, Who::Partner) => Some(Holder::Partner),
                    _ => None,
                }
            }
            Class::Asked => {
                let verb = self.ask_verb(start, floor)?;
                as_holder(self.subject(verb, floor).0)
            }
            Class::Trigger => match self.subject(start, floor) {
                (Who::Writer, true) => Some(Holder::Writer),
                // "I hate it when she flirts": what it does to the writer.
                _ if (self.sentence_start(start).max(floor)..self.clause_start(start))
                    .any(|j| words::smarts(self.w(j))) =>
                {
                    Some(Holder::Writer)
                }
                _ => None,
            },
            Class::FeelingObject => match self.object(end) {
                Some(Who::Thing) => None,
                Some(who) => as_holder(who),
                None => match self.subject(start, floor).0 {
                    Who::Thing | Who::Empty => Some(Holder::Writer),
                    who => as_holder(who),
                },
            },
            Class::FeelingTrust => {
                if !self.says_trust(start, end) {
                    return None;
                }
                as_holder(self.subject(start, floor).0)
            }
            Class::FeelingLove => {
                // "still love me?": being loved, not loving.
                if end < self.t.len() && matches!(self.w(end), "me" | "us") {
                    return None;
                }
                let person_after = end < self.t.len() && self.is_person(end);
                let linked = self.linked(start);
                if self.w(start) != "in" && !person_after && !linked {
                    return None;
                }
                as_holder(self.subject(start, floor).0)
            }
            Class::FeelingVague => {
                // "close to him", not "close to finishing".
                let needs_person = self.w(end - 1) == "to";
                if !self.linked(start)
                    || (needs_person && !(end < self.t.len() && self.is_person(end)))
                {
                    return None;
                }
                match self.subject(start, floor).0 {
                    // "It was close to midnight", "the kitchen felt empty".
                    Who::Thing | Who::Empty => None,
                    who => as_holder(who),
                }
            }
            _ => {
                // "still loves me", "reassure me": the writer is the one the term is about.
                if class != Class::Accountability
                    && !class.is_feeling()
                    && self.term_has_writer(start, end)
                {
                    return Some(Holder::Writer);
                }
                // "Everything he does irritates me": the one it does it to.
                if class.is_feeling() && end < self.t.len() && self.w(end) == "me" {
                    return Some(Holder::Writer);
                }
                match self.subject(start, floor).0 {
                    // "The guilt is heavy": the writer's feeling; "something about her story
                    // doesn't add up": the writer's doubt.
                    Who::Thing => Some(Holder::Writer),
                    who => as_holder(who),
                }
            }
        }
    }

    /// The term names the writer as the one it is about: "still loves me", "am i enough"
    /// ("asked me again" names the writer only as the one asked).
    pub(super) fn term_has_writer(&self, start: usize, end: usize) -> bool {
        // "to check I was there", "so I don't have to": whose it is comes from the clause.
        match self.w(start) {
            "to" => return false,
            "so" => return start + 1 < end && matches!(self.w(start + 1), "i" | "we"),
            _ => {}
        }
        (start..end).any(|i| matches!(self.w(i), "my" | "myself" | "i"))
            || self.w(end - 1) == "me"
            // "reassure me"
            || (self.w(start).starts_with("reassur") && end < self.t.len() && self.w(end) == "me")
    }

    pub(super) fn is_person(&self, i: usize) -> bool {
        let w = self.w(i);
        matches!(words::who(w), Some(Who::Partner))
            || w == "each"
            || (w == "my" && i + 1 < self.t.len() && words::is_partner_noun(self.w(i + 1)))
    }

    /// A linking word ("felt", "so", "am") within the three words before, in the clause.
    pub(super) fn linked(&self, start: usize) -> bool {
        let cs = self.clause_start(start);
        (start.saturating_sub(3).max(cs)..start).any(|j| words::links(self.w(j)))
    }

    /// "I trust him", "starting to trust her", "I can rely on him": trust said of someone.
    pub(super) fn says_trust(&self, start: usize, end: usize) -> bool {
        let cs = self.clause_start(start);
        let mut p = start;
        while p > cs && words::is_adverb(self.w(p - 1)) {
            p -= 1;
        }
        let writer_at = |i: usize| matches!(self.w(i), "i" | "we" | "i'm" | "im");
        let before_ok = self.w(start) == "can"
            || (p > cs
                && (writer_at(p - 1)
                    // "I can trust him", "I could trust her today"
                    || (matches!(self.w(p - 1), "can" | "could") && p - 1 > cs && writer_at(p - 2))
                    || (self.w(p - 1) == "to" && p - 1 > cs && words::begins(self.w(p - 2)))));
        let after_ok = end < self.t.len()
            && !self.t.break_before(end)
            && (self.is_person(end) || self.w(end) == "that");
        before_ok && after_ok
    }

    /// The person (or thing) right after a verb-like feeling term: "hurt her", "lied to me".
    pub(super) fn object(&self, end: usize) -> Option<Who> {
        if end >= self.t.len() || self.t.break_before(end) || self.t.clause_before(end) {
            return None;
        }
        let w = self.w(end);
        match words::who(w) {
            Some(Who::Writer) if matches!(w, "me" | "us") => Some(Who::Writer),
            Some(Who::Partner) if matches!(w, "him" | "her" | "them" | "you") => Some(Who::Partner),
            _ if words::is_partner_noun(w) => Some(Who::Partner),
            _ if matches!(w, "my" | "our" | "the" | "a" | "this" | "his") => {
                if w == "my" && end + 1 < self.t.len() && words::is_partner_noun(self.w(end + 1)) {
                    Some(Who::Partner)
                } else {
                    Some(Who::Thing)
                }
            }
            _ => None,
        }
    }

    /// The subject of the clause a match stands in: the nearest person word before it in the
    /// clause, else the first of an earlier clause of the sentence, else the writer. The flag
    /// says whether it was written (true) or assumed (false).
    pub(super) fn subject(&self, start: usize, floor: usize) -> (Who, bool) {
        let cs = self.clause_start(start).max(floor);
        let mut j = start;
        // "his story" before the match: a thing, unless a person stands before it ("he rang
        // my office to check").
        let mut thing = false;
        while j > cs {
            j -= 1;
            let w = self.w(j);
            if let Some(owner) = words::possessor(w) {
                // "her phone" is hers; "I texted her just to hear", "I ask her to promise":
                // before a purpose, "her" is the one spoken to.
                let purpose = w == "her" && matches!(self.w(start), "to" | "just");
                if j + 1 == start && !purpose {
                    return (owner, true);
                }
                if purpose {
                    continue;
                }
                // "her story" is hers, a thing; "asked her about it" is her.
                if w != "her" || !words::follows_object(self.w(j + 1)) {
                    thing = true;
                    continue;
                }
            }
            // "I give him one-word answers": the one given to is no subject.
            if matches!(w, "him" | "her" | "them" | "me")
                && j > cs
                && matches!(
                    self.w(j - 1),
                    "give" | "gives" | "gave" | "giving" | "sent" | "send" | "showed" | "show"
                )
            {
                continue;
            }
            // "I texted him at lunch asking", "keeping her at arm's length": an object before
            // a preposition is no subject.
            if words::is_object(w)
                && j + 1 < start
                && matches!(
                    self.w(j + 1),
                    "at" | "in" | "on" | "for" | "with" | "from" | "after" | "during" | "over"
                )
            {
                continue;
            }
            // "what he says", "the way he looks at her": a person inside a noun phrase.
            if j > cs
                && j + 1 < start
                && matches!(
                    self.w(j - 1),
                    "what" | "whatever" | "everything" | "nothing" | "anything" | "way"
                )
                && words::who(w).is_some_and(|x| x != Who::Thing)
            {
                thing = true;
                break;
            }
            // "every", "some", "any" name no subject ("she has every right to be").
            if matches!(w, "every" | "some" | "any" | "each") {
                continue;
            }
            if words::is_article(w) && !(j == cs && w == "that") {
                // "the old doubt", "a pang of jealousy": the phrase is the match itself.
                if start - j <= 2 || (j + 1..start).any(|k| self.w(k) == "of") {
                    continue;
                }
                thing = true;
                continue;
            }
            // "he needed me to promise", "she asked me for reassurance": the one who needed
            // or asked is the subject.
            if w == "me" && j + 1 < self.t.len() && matches!(self.w(j + 1), "to" | "for") {
                continue;
            }
            // "I called him at lunch just to hear": the caller, not the one called.
            if words::is_object(w)
                && ((j + 1..start).any(|k| self.w(k) == "to")
                    || self.w(start) == "to"
                    || (self.w(start) == "just"
                        && start + 1 < self.t.len()
                        && self.w(start + 1) == "to"))
            {
                continue;
            }
            if let Some(who) = words::who(w) {
                return (who, true);
            }
            if self.is_name(j) {
                // "Need Sam to promise", "begged Marco to say": the one asked is no subject.
                let asked = j > cs
                    && self.w(j + 1) == "to"
                    && matches!(
                        self.w(j - 1),
                        "need"
                            | "needed"
                            | "needs"
                            | "want"
                            | "wanted"
                            | "wants"
                            | "asked"
                            | "ask"
                            | "begged"
                            | "beg"
                            | "got"
                            | "get"
                    );
                if asked {
                    continue;
                }
                return (Who::Partner, true);
            }
        }
        if thing {
            return (Who::Thing, true);
        }
        // Earlier clauses of the sentence, nearest first, in the same voice.
        let ss = self.sentence_start(start).max(floor);
        let quoted = self.t.quoted(start);
        let mut c = self.clause_start(start);
        while c > ss {
            let prev = self.clause_start(c - 1);
            // "… while he was in the shower and then asked him": the subject of a coordinated
            // clause is not that of a "while" clause between.
            if prev > ss && words::subordinates(self.w(prev)) && words::coordinates(self.w(c)) {
                c = prev;
                continue;
            }
            for i in prev..c {
                if self.t.quoted(i) != quoted {
                    break;
                }
                let w = self.w(i);
                if words::possessor(w).is_some() && w != "her" {
                    return match self.w(i + 1) {
                        n if words::is_partner_noun(n) => (Who::Partner, true),
                        n if words::is_other_person(n) => (Who::Other, true),
                        _ => (Who::Thing, true),
                    };
                }
                if let Some(who) = words::who(w) {
                    return (who, true);
                }
                if self.is_name(i) {
                    return (Who::Partner, true);
                }
                if words::is_article(w) {
                    return (Who::Thing, true);
                }
            }
            c = prev;
        }
        (Who::Writer, false)
    }

    /// A name, taken to be the partner's ("Tom went quiet"): a capitalised word that is no
    /// known word, a day or a month; at the start of a sentence only before a verb.
    pub(super) fn is_name(&self, i: usize) -> bool {
        let w = self.w(i);
        if !self.t.capital(i)
            || words::who(w).is_some()
            || words::is_calendar(w)
            || words::everyday(w)
        {
            return false;
        }
        if i == self.sentence_start(i) || self.t.clause_before(i) {
            let next = if i + 1 < self.t.len() && !self.t.break_before(i + 1) {
                self.w(i + 1)
            } else {
                ""
            };
            // "Marco's sleeping in the spare room": "'s" is "is".
            return words::is_verb_after_name(next)
                || (w.ends_with("'s") && next.len() > 4 && next.ends_with("ing"));
        }
        !words::opens_clause(w) && !words::is_article(w) && words::possessor(w).is_none()
    }
}
