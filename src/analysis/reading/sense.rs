//! Whether the words are meant in the lexicon's sense: denied where only a denial counts,
//! a topic rather than a state, about the partner rather than a job or the weather.

use crate::analysis::matcher::Hit;
use crate::analysis::negators::is_negator;
use crate::analysis::words::{self, Who};

use super::{Class, Reader};

impl Reader<'_> {
    /// Whether a match that counts only when denied is denied: a negator shortly before it
    /// (a little further for telling and believing: "I haven't been able to tell her"), or,
    /// for honesty, anywhere before it in its part of the sentence ("I don't think he's
    /// telling me the whole story").
    pub(super) fn denied(&self, class: Class, start: usize) -> bool {
        let ss = self.sentence_start(start);
        // "too angry and hurt to be in the same room", "too ashamed to tell her".
        if start > ss
            && self.w(start - 1) == "to"
            && (start.saturating_sub(7).max(ss)..start - 1).any(|k| self.w(k) == "too")
        {
            return true;
        }
        let reach = if class == Class::Honesty {
            start - ss
        } else {
            5
        };
        let mut j = start;
        while j > ss && start - j < reach {
            j -= 1;
            let w = self.w(j);
            if self.t.clause_before(j + 1) || words::coordinates(w) {
                return false;
            }
            // "She's not sure I'm telling her everything": the denial is of another subject.
            if class != Class::Honesty
                && words::who(w).is_some()
                && !words::is_object(w)
                && !w.ends_with("self")
            {
                return false;
            }
            if is_negator(w) && !matches!(self.w(j + 1), "stop" | "help" | "only" | "just") {
                return true;
            }
        }
        false
    }

    /// Whose honesty a match speaks of: the subject before it, passing over the one told
    /// ("telling me the truth", "honest with me").
    pub(super) fn honesty_subject(&self, start: usize, floor: usize) -> Who {
        let cs = self.clause_start(start).max(floor);
        let mut k = start;
        while k > cs && matches!(self.w(k - 1), "me" | "us") {
            k -= 1;
        }
        self.subject(k, floor).0
    }

    /// A reporting verb that asks for something rather than saying it: "asked to see",
    /// "asked me to promise", "wants me to say".
    pub(super) fn is_request(&self, verb: usize) -> bool {
        let n = self.t.len();
        let at = |i: usize| if i < n { self.w(i) } else { "" };
        at(verb + 1) == "to" || (words::is_object(at(verb + 1)) && at(verb + 2) == "to")
    }

    /// The words name a topic, not a state: "a film about a jealous husband", "the session
    /// was about jealousy", "jealousy was the theme", "the security code".
    pub(super) fn topic(&self, start: usize, end: usize) -> bool {
        let cs = self.clause_start(start);
        let n = self.t.len();
        if let Some(a) = (start.saturating_sub(4).max(cs)..start).find(|&j| self.w(j) == "about") {
            let mut k = a;
            let mut steps = 0;
            while k > cs && steps < 4 {
                k -= 1;
                steps += 1;
                if words::is_topic(self.w(k)) {
                    return true;
                }
            }
        }
        let after = |k: usize| {
            if k < n && !self.t.break_before(k) {
                self.w(k)
            } else {
                ""
            }
        };
        if words::is_compound_head(after(end)) {
            return true;
        }
        (end..(end + 3).min(n))
            .take_while(|&k| !self.t.break_before(k))
            .any(|k| matches!(self.w(k), "theme" | "topic"))
            || (after(end) == "before" && after(end + 2) == "storm")
    }

    /// A vague word is about the partner when the sentence speaks of the partner or the
    /// relationship, and no everyday subject follows it before the partner does.
    pub(super) fn about_partner(&self, hit: &Hit) -> bool {
        let end = hit.start + hit.len;
        let (ss, se) = (self.sentence_start(hit.start), self.sentence_end(hit.start));
        if end < se && self.w(end) == "myself" {
            return false;
        }
        // "to see if he'd really": the words name the partner themselves.
        if (hit.start..end).any(|i| words::who(self.w(i)) == Some(Who::Partner)) {
            return true;
        }
        // "we" and "us" speak of the couple only when nothing everyday is in the sentence
        // ("the fire alarm went off and we all walked out").
        let strong = (ss..se).any(|i| words::relational(self.w(i)));
        let weak = (ss..se).any(|i| matches!(self.w(i), "we" | "us"))
            && !(ss..se).any(|i| words::everyday(self.w(i)));
        if !strong && !weak {
            return false;
        }
        for i in end..se.min(end + 6) {
            let w = self.w(i);
            // "her old business": the partner's everyday things.
            if words::possessor(w) == Some(Who::Partner)
                && (i + 1..se.min(i + 3)).any(|k| words::everyday(self.w(k)))
            {
                return false;
            }
            if words::relational(w) {
                return true;
            }
            // "needs to know by Friday": a plan, not a worry.
            if words::everyday(w)
                || (words::is_calendar(w)
                    && !matches!(w, "today" | "tonight" | "yesterday" | "tomorrow"))
            {
                return false;
            }
        }
        true
    }
}
