//! Clause-level reading of one match: whose it is (the writer's, the partner's or someone
//! else's), when (now, stopped, or only imagined), and whether the words are used in the sense
//! the lexicon means. Sentences and clauses come from the tokeniser's breaks, clause
//! punctuation, quotation marks and the conjunctions in `words`.

use serde::{Deserialize, Serialize};

use super::matcher::Hit;
use super::tokens::Tokens;
use super::words::{self, Who};

mod holder;
mod sense;
mod time;
mod voice;

use time::past_marks;

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
}
