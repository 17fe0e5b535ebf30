//! The roles a clause gives: who reports what is said (and whether a reporting verb sits
//! inside a condition), and the one a verb is done to, with the places of bodily force.

use super::*;

impl Reader<'_> {
    /// Whether a reporting verb ("said", "told me", "threatened") comes before word `i`.
    pub fn reported_before(&self, i: usize) -> bool {
        self.reported_until.is_some_and(|r| r < i)
    }

    /// Who reports what comes at `i`: the doer of the nearest reporting verb before it ("I told
    /// him…", "she said…"). A reporting verb inside a condition is part of what is said, not
    /// the saying: in "he said if I tell anyone I'll be sorry" the one who speaks is he.
    pub fn reporter(&self, i: usize) -> Option<Who> {
        let g = &self.w.grammar;
        let j = (0..i).rev().find(|&j| {
            g.reporting.at(self.s, j).is_some() && !self.conditional(self.subject(j).at)
        })?;
        Some(self.subject(j).who)
    }

    /// Whether the writer says what comes at `i` to the one it is aimed at: "I told him if he
    /// goes I'll…", "I said to her…", not "I told my mum that if I leave he'll…".
    pub fn writer_tells_victim(&self, i: usize) -> bool {
        let g = &self.w.grammar;
        let Some(j) = (0..i).rev().find(|&j| {
            g.reporting.at(self.s, j).is_some() && !self.conditional(self.subject(j).at)
        }) else {
            return false;
        };
        let k = if self.word(j + 1) == "to" { j + 1 } else { j };
        self.subject(j).who == Who::Writer
            && (self.person_after(k) == Target::Victim
                && !self.w.people.others.has(self.word(k + 2))
                && !self.w.people.others.has(self.word(k + 1)))
    }

    /// Whether the doer at `at` opens a condition ("if I tell", "unless she calls"), over an
    /// adverb or two ("if I ever say").
    pub fn conditional(&self, at: usize) -> bool {
        (at.saturating_sub(2)..at).any(|k| {
            self.s.same_clause(k, at) && matches!(self.word(k), "if" | "unless" | "whenever")
        })
    }

    /// The one the verb at `v` is done to, and the index just after it.
    pub fn object(&self, v: usize) -> (Target, usize) {
        let k = v + 1;
        let body = &self.w.body;
        let people = &self.w.people;
        let next = self.word(k + 1);
        let possessed = |at: usize| -> Option<(bool, usize)> {
            // "my arm", "my left arm", "her neck"
            if body.parts.has(self.word(at)) {
                Some((true, at + 1))
            } else if body.parts.has(self.word(at + 1)) && !self.clause_ends(at + 1) {
                Some((true, at + 2))
            } else if people.victims.has(self.word(at)) {
                Some((false, at + 1))
            } else {
                None
            }
        };
        match self.word(k) {
            "me" => (Target::Writer, k + 1),
            "myself" => (Target::Myself, k + 1),
            // "my wife's wrist" (the possessive is dropped by the tokeniser)
            "my" if people.victims.has(self.word(k + 1)) && body.parts.has(self.word(k + 2)) => {
                (Target::VictimBody, k + 3)
            }
            "my" => match possessed(k + 1) {
                Some((true, end)) => (Target::WriterBody, end),
                Some((false, end)) => (Target::Victim, end),
                None => (Target::Nothing, k),
            },
            "him" | "them" => (Target::Victim, k + 1),
            "her" | "his" | "their" => match possessed(k + 1) {
                Some((true, end)) => (Target::VictimBody, end),
                Some((false, end)) => (Target::Victim, end),
                None if self.word(k) == "her"
                    && (self.clause_ends(k + 1) || AFTER_OBJECT.contains(&next)) =>
                {
                    (Target::Victim, k + 1)
                }
                None => (Target::Nothing, k),
            },
            _ if k < self.s.len() && self.is_name(k) => (Target::Victim, k + 1),
            _ => (Target::Nothing, k),
        }
    }

    /// The person right after word `v`, as in "let me", "made her": me, him, her, them, a name or
    /// "my" with a partner.
    pub fn person_after(&self, v: usize) -> Target {
        let k = v + 1;
        match self.word(k) {
            "me" => Target::Writer,
            "him" | "her" | "them" => Target::Victim,
            "my" if self.w.people.victims.has(self.word(k + 1)) => Target::Victim,
            _ if k < self.s.len() && self.is_name(k) => Target::Victim,
            _ => Target::Nothing,
        }
    }

    /// Whether a place of bodily force follows at `c`: "against the wall", "to the floor".
    pub fn physical_after(&self, c: usize) -> bool {
        let body = &self.w.body;
        let Some(n) = body.physical_preps.at(self.s, c) else {
            return false;
        };
        let prep = &self.s.words[c..c + n];
        let needs_surface = matches!(
            prep.join(" ").as_str(),
            "to" | "into" | "in the" | "around" | "round" | "by" | "and" | "again"
        );
        !needs_surface || self.surface_near(c + n)
    }

    /// A surface or a body part within three words of `i`.
    pub fn surface_near(&self, i: usize) -> bool {
        let body = &self.w.body;
        (i..i + 3).any(|k| {
            self.s.same_clause(i.saturating_sub(1), k)
                && (body.surfaces.at(self.s, k).is_some() || body.parts.has(self.word(k)))
        })
    }

    /// Whether force at `v` is first aid: the writer choked on something and someone "had to"
    /// act ("I choked on a crisp and Marco had to thump my back").
    pub fn first_aid(&self, v: usize) -> bool {
        let choked = (1..self.s.len()).any(|i| {
            matches!(self.word(i - 1), "choked" | "choking" | "chokes") && self.word(i) == "on"
        });
        choked && v > 0 && self.word(v - 1) == "to"
    }
}
