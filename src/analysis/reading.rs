//! Clause-level reading of one match: whose it is (the writer's, the partner's or someone
//! else's), when (now, stopped, or only imagined), and whether the words are used in the sense
//! the lexicon means. Sentences and clauses come from the tokeniser's breaks, clause
//! punctuation, quotation marks and the conjunctions in `words`.

use serde::{Deserialize, Serialize};

use super::matcher::{Hit, is_negator, negated};
use super::tokens::Tokens;
use super::words::{self, Who};

/// Whose sign or feeling a match is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Holder {
    Writer,
    Partner,
    Other,
}

/// When it holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Time {
    Now,
    /// Stopped or long past: "I used to", "I stopped", "I haven't … in weeks".
    Stopped,
    /// A wish or a condition: "if I were jealous", "I want to trust him".
    Hypothetical,
}

impl Holder {
    /// The name stored in `entry_readings.holder` and shown in JSON (as serde writes it).
    pub fn as_str(self) -> &'static str {
        match self {
            Holder::Writer => "writer",
            Holder::Partner => "partner",
            Holder::Other => "other",
        }
    }

    pub fn parse(s: &str) -> Option<Holder> {
        [Holder::Writer, Holder::Partner, Holder::Other]
            .into_iter()
            .find(|h| h.as_str() == s)
    }
}

impl Time {
    /// The name stored in `entry_readings.time` and shown in JSON (as serde writes it).
    pub fn as_str(self) -> &'static str {
        match self {
            Time::Now => "now",
            Time::Stopped => "stopped",
            Time::Hypothetical => "hypothetical",
        }
    }

    pub fn parse(s: &str) -> Option<Time> {
        [Time::Now, Time::Stopped, Time::Hypothetical]
            .into_iter()
            .find(|t| t.as_str() == s)
    }
}

/// How a lexicon term is read; carried by the matcher as a byte.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum Class {
    /// Themes and markers: counted as matched.
    Plain = 0,
    /// A sign's own words; whose it is comes from the clause.
    Sign = 1,
    /// Words with everyday senses: a sign only in a sentence about the partner.
    Vague = 2,
    /// What someone suspects the partner of: the sign of whoever thinks it.
    Suspected = 3,
    /// The partner's things: a sign only when the writer looks at them.
    Looking = 4,
    /// The writer's things: the partner's sign when the partner looks at them.
    LookingMine = 5,
    /// What sets jealousy off: the writer's sign only when the clause is about the writer.
    Trigger = 6,
    /// A question about love or staying: the sign of whoever asks it.
    Asked = 7,
    /// Where something was kept ("to myself", "from her"): a sign only after a verb of
    /// keeping or holding in the clause ("I kept the worst of it to myself").
    Kept = 8,
    /// Someone's honesty ("telling me the truth", "adds up"), a sign only when denied: the
    /// doubt of whoever judges the partner's words ("I don't think he's telling me the whole
    /// story", "her stories never add up").
    Honesty = 9,
    /// Belief in someone's words ("believe him", "buy it"), a sign only when denied: the doubt
    /// of the one who does not believe.
    Credence = 16,
    /// Telling and talking ("tell her", "bring it up", "open up"), a sign only when denied:
    /// the pulling away of the one who does not tell.
    Withheld = 17,
    /// A question put to the partner about love or staying, in quotation marks ("are you
    /// still in this?"): the sign of whoever puts it.
    Question = 18,
    /// A feeling word.
    Feeling = 10,
    /// A feeling word with everyday senses ("close to", "settled", "empty"): only after a
    /// linking word, of the writer ("I felt close to him").
    FeelingVague = 11,
    /// A feeling named by what someone did to someone ("hurt", "lied to"): the one it was
    /// done to feels it.
    FeelingObject = 12,
    /// Trust, recorded only when the writer says they trust someone.
    FeelingTrust = 13,
    /// Doubt and suspicion, which are feelings about the partner only in that sense.
    FeelingAboutPartner = 14,
    /// Love, of a person ("I love him", "I felt loved"), not of a film.
    FeelingLove = 15,
    /// The rebuilding writer's accountability language.
    Accountability = 20,
}

impl Class {
    pub fn from_byte(b: u8) -> Class {
        match b {
            1 => Class::Sign,
            2 => Class::Vague,
            3 => Class::Suspected,
            4 => Class::Looking,
            5 => Class::LookingMine,
            6 => Class::Trigger,
            7 => Class::Asked,
            8 => Class::Kept,
            9 => Class::Honesty,
            16 => Class::Credence,
            17 => Class::Withheld,
            18 => Class::Question,
            10 => Class::Feeling,
            11 => Class::FeelingVague,
            12 => Class::FeelingObject,
            13 => Class::FeelingTrust,
            14 => Class::FeelingAboutPartner,
            15 => Class::FeelingLove,
            20 => Class::Accountability,
            _ => Class::Plain,
        }
    }

    fn is_feeling(self) -> bool {
        (10..16).contains(&(self as u8))
    }

    /// Read only when denied: "not telling the truth", "I don't buy it", "I haven't told her".
    fn needs_denial(self) -> bool {
        matches!(self, Class::Honesty | Class::Credence | Class::Withheld)
    }
}

/// Where a match stands: in the writer's own words, inside a quotation, or inside a report
/// of what someone else said or thinks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Voice {
    Own,
    /// Quoted; the speaker when one is named.
    Quote {
        speaker: Option<Who>,
        start: usize,
    },
    /// After "he said", "my therapist asked"…: the reporter and the verb's position.
    Report {
        reporter: Who,
        verb: usize,
    },
}

/// One entry's words with their sentences and clauses, ready to read matches in.
pub struct Reader<'t> {
    t: &'t Tokens,
    /// The first word of each word's clause and sentence.
    clause: Vec<u32>,
    sentence: Vec<u32>,
    /// One past the last word of each word's sentence.
    sentence_end: Vec<u32>,
    /// Where a mark of the long past starts ("years ago", "back then"), in text order, and
    /// whether it looks back over a "but" ("that has passed").
    past: Vec<(u32, bool)>,
}

impl<'t> Reader<'t> {
    pub fn new(t: &'t Tokens) -> Reader<'t> {
        let n = t.len();
        let mut clause = Vec::with_capacity(n);
        let mut sentence = Vec::with_capacity(n);
        let (mut c, mut s) = (0u32, 0u32);
        // Whether the clause is a "when" or "every time" clause, and whether its subject has
        // been seen: "When he tried to hug me I went stiff" has its main clause at "I".
        let (mut sub, mut subject_seen) = (false, false);
        for i in 0..n {
            let opened = if i == 0 || t.break_before(i) {
                s = i as u32;
                true
            } else {
                t.clause_before(i)
                    || t.quoted(i) != t.quoted(i - 1)
                    || (words::opens_clause(t.get(i))
                        // "so jealous" is not a clause; "so I kept quiet" is.
                        && (t.get(i) != "so"
                            || (i + 1 < n && words::who(t.get(i + 1)).is_some())))
            };
            let w = t.get(i);
            if opened {
                c = i as u32;
                let next = if i + 1 < n { t.get(i + 1) } else { "" };
                sub = words::subordinates(w) || (matches!(w, "every" | "each") && next == "time");
                subject_seen = false;
            } else if sub && words::is_nominative(w) {
                if subject_seen && !words::introduces(t.get(i - 1)) {
                    c = i as u32;
                    sub = false;
                }
                subject_seen = true;
            }
            clause.push(c);
            sentence.push(s);
        }
        let mut sentence_end = vec![n as u32; n];
        for i in (0..n.saturating_sub(1)).rev() {
            sentence_end[i] = if sentence[i + 1] != sentence[i] {
                (i + 1) as u32
            } else {
                sentence_end[i + 1]
            };
        }
        let past = past_marks(t, &sentence_end);
        Reader {
            t,
            clause,
            sentence,
            sentence_end,
            past,
        }
    }

    fn w(&self, i: usize) -> &str {
        self.t.get(i)
    }

    fn clause_start(&self, i: usize) -> usize {
        self.clause[i] as usize
    }

    fn sentence_start(&self, i: usize) -> usize {
        self.sentence[i] as usize
    }

    fn sentence_end(&self, i: usize) -> usize {
        self.sentence_end[i] as usize
    }

    /// Whose and when a match is, or `None` when it is negated or not meant in the lexicon's
    /// sense.
    pub fn read(&self, hit: &Hit) -> Option<(Holder, Time)> {
        let class = Class::from_byte(hit.class);
        let (start, end) = (hit.start, hit.start + hit.len);
        if class.needs_denial() {
            if !self.denied(class, start) {
                return None;
            }
        } else if hit.negated {
            return None;
        }
        if matches!(class, Class::Vague | Class::FeelingAboutPartner) && !self.about_partner(hit) {
            return None;
        }
        if self.asked_not(start) || self.topic(start, end) {
            return None;
        }
        if class == Class::Kept && !self.kept_before(start) {
            return None;
        }
        // "I trust her to tell me when": trust, not a need to be told.
        if class == Class::Vague
            && start > 0
            && matches!(
                self.w(start - 1),
                "trust" | "trusted" | "trusting" | "trusts"
            )
        {
            return None;
        }
        let voice = self.voice(start);
        let holder = match voice {
            Voice::Quote { speaker, start: qs } => {
                if speaker == Some(Who::Writer) {
                    self.own_holder(class, start, end, qs)?
                } else {
                    let speaker = match speaker {
                        Some(Who::Partner) => Holder::Partner,
                        _ => Holder::Other,
                    };
                    match class {
                        Class::Suspected | Class::Question => speaker,
                        // In their words, "I" and "me" are the speaker ("Promise me you
                        // won't leave," he whispered).
                        _ if self.subject(start, qs).0 == Who::Writer
                            || (self.term_has_writer(start, end)
                                && !matches!(class, Class::Looking | Class::LookingMine)) =>
                        {
                            speaker
                        }
                        _ => Holder::Other,
                    }
                }
            }
            Voice::Report { reporter, verb } => {
                let reporter = if reporter == Who::Partner {
                    Holder::Partner
                } else {
                    Holder::Other
                };
                let request = self.is_request(verb);
                match class {
                    // "She asked to see my texts": a request, read as her own words.
                    Class::Looking | Class::LookingMine if request => {
                        self.own_holder(class, start, end, 0)?
                    }
                    // "She asked me to promise": the one who asks for it.
                    _ if request && !class.is_feeling() => reporter,
                    Class::Suspected if self.ask_verb(start, 0).is_some() => return None,
                    Class::Suspected => reporter,
                    // "She thinks I'm not telling the truth": her doubt of the writer.
                    Class::Honesty => match self.honesty_subject(start, verb + 1) {
                        Who::Writer => reporter,
                        _ => Holder::Other,
                    },
                    Class::Asked => match self.ask_verb(start, 0) {
                        Some(v) if v == verb => reporter,
                        Some(v) => match self.subject(v, verb + 1) {
                            (Who::Partner, true) => Holder::Partner,
                            _ => Holder::Other,
                        },
                        None => return None,
                    },
                    _ => match self.subject(start, verb + 1) {
                        (Who::Partner, true) if !self.term_has_writer(start, end) => {
                            Holder::Partner
                        }
                        // "She says it's hard to trust me": the one who says it.
                        (Who::Empty, true) if !class.is_feeling() => reporter,
                        _ => Holder::Other,
                    },
                }
            }
            Voice::Own => self.own_holder(class, start, end, 0)?,
        };
        let mut time = self.time(start);
        // "I no longer take what he says at face value": the denial is now.
        if class.needs_denial()
            && time == Time::Stopped
            && (self.clause_start(start)..start)
                .any(|j| self.w(j) == "longer" && j > 0 && self.w(j - 1) == "no")
        {
            time = Time::Now;
        }
        // "He might be lying to me": a suspicion hedged is still a suspicion, held now.
        if class == Class::Suspected
            && time == Time::Hypothetical
            && (start.saturating_sub(3)..start)
                .any(|j| matches!(self.w(j), "might" | "may" | "could" | "must"))
        {
            time = Time::Now;
        }
        // "He used to ask me whether I still loved him": the asking's time.
        if class == Class::Asked
            && time == Time::Now
            && let Some(v) = self.ask_verb(start, 0)
        {
            time = self.time(v);
            if time == Time::Now && v > 0 && matches!(self.w(v - 1), "stop" | "stopped") {
                time = Time::Stopped;
            }
        }
        Some((holder, time))
    }

    /// Whether a match that counts only when denied is denied: a negator shortly before it
    /// (a little further for telling and believing: "I haven't been able to tell her"), or,
    /// for honesty, anywhere before it in its part of the sentence ("I don't think he's
    /// telling me the whole story").
    fn denied(&self, class: Class, start: usize) -> bool {
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
    fn honesty_subject(&self, start: usize, floor: usize) -> Who {
        let cs = self.clause_start(start).max(floor);
        let mut k = start;
        while k > cs && matches!(self.w(k - 1), "me" | "us") {
            k -= 1;
        }
        self.subject(k, floor).0
    }

    /// A reporting verb that asks for something rather than saying it: "asked to see",
    /// "asked me to promise", "wants me to say".
    fn is_request(&self, verb: usize) -> bool {
        let n = self.t.len();
        let at = |i: usize| if i < n { self.w(i) } else { "" };
        at(verb + 1) == "to" || (words::is_object(at(verb + 1)) && at(verb + 2) == "to")
    }

    /// The holder of a match in the writer's own words (or a quotation of the writer).
    fn own_holder(&self, class: Class, start: usize, end: usize, floor: usize) -> Option<Holder> {
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
    fn term_has_writer(&self, start: usize, end: usize) -> bool {
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

    fn is_person(&self, i: usize) -> bool {
        let w = self.w(i);
        matches!(words::who(w), Some(Who::Partner))
            || w == "each"
            || (w == "my" && i + 1 < self.t.len() && words::is_partner_noun(self.w(i + 1)))
    }

    /// A linking word ("felt", "so", "am") within the three words before, in the clause.
    fn linked(&self, start: usize) -> bool {
        let cs = self.clause_start(start);
        (start.saturating_sub(3).max(cs)..start).any(|j| words::links(self.w(j)))
    }

    /// "I trust him", "starting to trust her", "I can rely on him": trust said of someone.
    fn says_trust(&self, start: usize, end: usize) -> bool {
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
    fn object(&self, end: usize) -> Option<Who> {
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
    fn subject(&self, start: usize, floor: usize) -> (Who, bool) {
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
    fn is_name(&self, i: usize) -> bool {
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

    /// Whose words a match stands in.
    fn voice(&self, start: usize) -> Voice {
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
    fn opens_report(&self, verb: usize) -> bool {
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
    fn asked_not(&self, start: usize) -> bool {
        let cs = self.clause_start(start);
        if !matches!(self.w(cs), "if" | "whether") || cs == 0 {
            return false;
        }
        (cs.saturating_sub(3)..cs).any(|v| words::asks(self.w(v)) && negated(self.t, v))
    }

    /// A verb of keeping shortly before a "to myself" kind of term, in the clause, itself not
    /// negated ("I didn't keep it to myself").
    fn kept_before(&self, start: usize) -> bool {
        let cs = self.clause_start(start);
        (start.saturating_sub(6).max(cs)..start)
            .any(|j| words::keeps(self.w(j)) && !negated(self.t, j))
    }

    /// A verb of looking shortly before a "his phone" kind of term, in the clause.
    fn look_verb(&self, start: usize) -> Option<usize> {
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
    fn ask_verb(&self, start: usize, floor: usize) -> Option<usize> {
        let cs = self.clause_start(start);
        if !matches!(self.w(cs), "if" | "whether") || cs == 0 {
            return None;
        }
        let ss = self.sentence_start(start).max(floor);
        (cs.saturating_sub(8).max(ss)..cs)
            .rev()
            .find(|&j| words::asks(self.w(j)) && !negated(self.t, j))
    }

    /// The words name a topic, not a state: "a film about a jealous husband", "the session
    /// was about jealousy", "jealousy was the theme", "the security code".
    fn topic(&self, start: usize, end: usize) -> bool {
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
    fn about_partner(&self, hit: &Hit) -> bool {
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

    /// When a match holds.
    fn time(&self, start: usize) -> Time {
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
    fn undone_after(&self, next: usize) -> bool {
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
fn past_marks(t: &Tokens, sentence_end: &[u32]) -> Vec<(u32, bool)> {
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
