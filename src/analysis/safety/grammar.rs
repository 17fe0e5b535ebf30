//! The grammar every safety rule shares: who a word names, the doer of a verb (skipping
//! auxiliaries and adverbs, noting negation, future and the passive), the one it is done to,
//! and the context of the sentence (a story, a game, a joke, an accident, a long-past time).

use super::text::Sentence;
use super::words::Words;

mod roles;

/// Who a word names, from the writer's point of view.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Who {
    /// I, me.
    Writer,
    /// A partner, an ex, a pronoun or a name.
    Partner,
    /// Someone else whose violence is still violence (a parent, a stranger).
    Other,
    We,
    /// A thing, a child, an animal, or nothing found.
    Unknown,
}

impl Who {
    pub fn is_person(self) -> bool {
        matches!(self, Who::Partner | Who::Other)
    }
}

/// The doer of a verb and what stood between it and the verb.
#[derive(Debug, Clone, Copy)]
pub struct Subject {
    pub who: Who,
    pub negated: bool,
    /// A future, a possibility or a threat: "he'll hurt me", "he threatened to".
    pub modal: bool,
    /// "I was pushed", "I got hit".
    pub passive: bool,
    /// "I could strangle him for…": said of a wish, usually hyperbole.
    pub could: bool,
    /// Where the doer was found (the verb's own place when none was).
    pub at: usize,
    /// No doer written, the diary way ("Slapped her.", "Took the whole bottle."): the writer,
    /// unless what is done is done to the writer.
    pub dropped: bool,
}

impl Subject {
    /// "…whether he has read my messages": the doer sits in a question, not a deed.
    pub fn in_question(&self, r: &Reader) -> bool {
        self.at > 0 && matches!(r.word(self.at - 1), "whether" | "if" | "wonder")
    }
}

/// Whom a verb is done to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    Writer,
    WriterBody,
    Myself,
    Victim,
    VictimBody,
    Nothing,
}

impl Target {
    pub fn writer(self) -> bool {
        matches!(self, Target::Writer | Target::WriterBody)
    }
    pub fn victim(self) -> bool {
        matches!(self, Target::Victim | Target::VictimBody)
    }
    pub fn body(self) -> bool {
        matches!(self, Target::WriterBody | Target::VictimBody)
    }
}

/// Words that show "her" is the one something is done to, not a possessive: "I hit her again".
const AFTER_OBJECT: &[&str] = &[
    "",
    "and",
    "when",
    "while",
    "so",
    "because",
    "until",
    "till",
    "with",
    "too",
    "as",
    "if",
    "during",
    "for",
    "the",
    "a",
    "last",
    "yesterday",
    "again",
    "badly",
    "once",
    "twice",
    "in",
    "on",
    "against",
    "into",
    "onto",
    "to",
    "down",
    "over",
    "off",
    "hard",
    "harder",
    "at",
    "up",
    "out",
    "around",
    "round",
    "across",
    "by",
    "from",
    "then",
    "back",
    "in front",
    "today",
    "tonight",
    "this",
    "that",
    "after",
    "before",
    "every",
    "all",
    "repeatedly",
    "several",
    "many",
    "until",
    "even",
    "just",
    "first",
    "physically",
    "really",
    "where",
    "or",
    "but",
    "behind",
    "about",
    "one",
    "someday",
    "eventually",
    "like",
    "seriously",
    "more",
    "worse",
    "properly",
    "anymore",
    "ever",
    "now",
    "see",
    "go",
    "stop",
    "have",
    "leave",
];

/// Words a diary sentence may open with before a verb whose doer is unwritten ("Just took…").
const DIARY_ADVERBS: &[&str] = &[
    "just",
    "then",
    "again",
    "also",
    "finally",
    "actually",
    "literally",
    "nearly",
    "almost",
    "really",
    "basically",
    "deliberately",
    "purposely",
    "accidentally",
    "totally",
    "so",
];

const PASSIVE: &[&str] = &[
    "was", "were", "got", "get", "gets", "getting", "been", "being",
];

/// Whether a verb form can be a past participle ("pushed", "beaten", "hit").
fn participle(w: &str) -> bool {
    w.ends_with("ed")
        || w.ends_with("en")
        || matches!(
            w,
            "hit"
                | "beat"
                | "hurt"
                | "struck"
                | "held"
                | "thrown"
                | "bit"
                | "spat"
                | "shook"
                | "burnt"
        )
}

/// A sentence with the word lists, and what its context rules out.
pub struct Reader<'a> {
    pub s: &'a Sentence,
    pub w: &'a Words,
    pub games: bool,
    pub humour: bool,
    pub accident: bool,
    /// A story, a screen, a course, or a long-past time: no note is raised by this sentence.
    pub elsewhere: bool,
    /// The sentence opens with an animal or a child as its doer and names no one else, not
    /// even by a pronoun: "The puppy bit my ankle", "Ferret bit me again". A bite or a bruise from them is no
    /// harm note and no mark of self-harm; only the writer's own thoughts of dying are read.
    pub creature: bool,
    pub condition: bool,
    pub reported_until: Option<usize>,
    /// For each word, the violence group whose form it is (looked up once a sentence).
    pub violence: Vec<Option<usize>>,
}

impl<'a> Reader<'a> {
    pub fn new(s: &'a Sentence, w: &'a Words) -> Reader<'a> {
        let c = &w.context;
        let condition = s
            .words
            .iter()
            .any(|x| matches!(x.as_str(), "if" | "unless" | "otherwise" | "whenever"))
            || s.words
                .windows(3)
                .any(|p| p[0] == "every" && p[1] == "time" && p[2] == "i")
            || s.words.windows(2).any(|p| p[0] == "or" && p[1] == "else");
        // "he said it was a game", "called it a joke": the doer's excuse, not play.
        let excuse = (0..s.len()).any(|i| {
            (w.grammar.reporting.has(s.word(i)) || s.word(i) == "called")
                && (i + 1..i + 6).any(|k| {
                    matches!(
                        s.word(k),
                        "game" | "joke" | "joking" | "kidding" | "messing" | "playing"
                    )
                })
        }) && (w.body.marks.any(s)
            || w.body.parts.any(s)
            || s.words.iter().any(|x| x == "blacked"));
        Reader {
            s,
            w,
            games: c.games.any(s) && !excuse,
            humour: c.humour.any(s) && !excuse,
            accident: c.accident.any(s),
            elsewhere: (Self::story(s, w) || c.distant_past.any(s)) && !Self::owned(s, w),
            creature: Self::creature(s, w),
            condition,
            reported_until: w.grammar.reporting.find(s, 0, s.len()).map(|(i, _)| i),
            violence: s
                .words
                .iter()
                .map(|x| w.violence.iter().position(|g| g.forms.has(x)))
                .collect(),
        }
    }

    /// A story, a screen or a course: not "gave my books to Priya", which are things given away,
    /// nor "no drama", which names none.
    fn story(s: &Sentence, w: &Words) -> bool {
        let giving = s
            .words
            .iter()
            .any(|x| matches!(x.as_str(), "gave" | "give" | "giving" | "given"));
        w.context.media.all(s).any(|(i, n)| {
            let before = if i > 0 { s.word(i - 1) } else { "" };
            // "She hit me with the TV remote": a thing in the room, not a screen's story.
            let thing = matches!(
                s.word(i + n),
                "remote" | "remotes" | "stand" | "cabinet" | "aerial" | "licence" | "license"
            );
            // "no drama, no mess" names no story at all.
            !(thing || giving && before == "my" || matches!(before, "no" | "without"))
        })
    }

    /// Whether the sentence's first doer is an animal or a child, with no one else named.
    fn creature(s: &Sentence, w: &Words) -> bool {
        let p = &w.people;
        let opens = (0..s.len().min(3))
            .map(|i| s.word(i))
            .find(|x| {
                !matches!(
                    *x,
                    "the" | "my" | "our" | "a" | "an" | "his" | "her" | "their" | "your" | "little"
                )
            })
            .is_some_and(|x| p.animals.has(x) || p.children.has(x));
        // Anyone else in the sentence, even a pronoun, may be the one who hurts: "My kids
        // watched him push me".
        opens
            && !s
                .words
                .iter()
                .any(|x| p.partners.has(x) || p.others.has(x) || p.victims.has(x))
    }

    /// A story or a long-past time the writer says is still theirs: "I recognised myself in
    /// every line", "years ago, and I still flinch".
    fn owned(s: &Sentence, w: &Words) -> bool {
        let words = &s.words;
        let recognised = words
            .windows(2)
            .any(|p| (p[0].starts_with("recogni") || p[0] == "saw") && p[1] == "myself");
        let still_afraid =
            words.iter().any(|x| x == "still") && (w.fear.words.any(s) || w.fear.signs.any(s));
        // "I used to cut when I was nineteen and the urge has been back all week."
        // "started cutting again after two years clean": the clean time is over.
        let relapsed = words.iter().any(|x| x == "again") && words.iter().any(|x| x == "clean");
        let returned = relapsed
            // "no urges for years" is not one.
            || words.iter().enumerate().any(|(i, x)| {
                (x == "urge" || x == "urges")
                    && !(i > 0 && matches!(words[i - 1].as_str(), "no" | "zero" | "without" | "any"))
            })
            || words.windows(2).any(|p| {
                p[1] == "back" && matches!(p[0].as_str(), "is" | "been" | "came" | "coming")
            });
        recognised || still_afraid || returned
    }

    pub fn word(&self, i: usize) -> &str {
        self.s.word(i)
    }

    /// The writer as the subject of a condition: "…if i dont give him my login", where what
    /// the writer does or refuses is only what someone else's threat hangs on.
    pub fn writer_in_condition(&self, i: usize) -> bool {
        self.word(i) == "i" && matches!(self.word(i.wrapping_sub(1)), "if" | "unless")
    }

    /// A sentence that names no one and opens without a determiner ("cant stop thinking about
    /// walking into the sea"): the diary's unwritten I.
    pub fn unwritten_writer(&self) -> bool {
        !matches!(
            self.word(0),
            "the" | "a" | "an" | "his" | "her" | "their" | "this" | "that" | "it"
        ) && (0..self.s.len()).all(|k| self.who_at(k).is_none())
    }

    /// Whether word `i` is the end of its clause (or past the end of the sentence).
    pub fn clause_ends(&self, i: usize) -> bool {
        i >= self.s.len() || (i > 0 && !self.s.same_clause(i - 1, i))
    }

    /// Whether word `i` reads as a verb in the past or a harm verb ("Took", "Wrapped", "Slapped").
    fn verb_like(&self, i: usize) -> bool {
        let w = self.word(i);
        let g = &self.w.grammar;
        (w.ends_with("ed") && w.len() > 3 || self.violence[i].is_some() || g.past_verbs.has(w))
            && !g.skip.has(w)
    }

    pub fn is_name(&self, i: usize) -> bool {
        let w = self.word(i);
        // A sentence's first word is capitalised anyway: a verb there is no name.
        if i == 0 && self.verb_like(0) {
            return false;
        }
        self.s.cap.get(i) == Some(&true)
            && !self.w.people.not_names.has(w)
            && !self.w.grammar.skip.has(w)
            && !w.chars().any(|c| c.is_numeric())
    }

    /// Whether "my" at `k` is a person's, not the writer's: "outside my ex's flat", and "my ex
    /// flat" typed without the apostrophe: "my" before a person names that person's place.
    pub fn my_persons(&self, k: usize) -> bool {
        self.word(k) == "my" && self.who_at(k + 1).is_some()
    }

    /// Who a word in the doer's place names, if it names anyone.
    pub fn who_at(&self, i: usize) -> Option<Who> {
        let w = self.word(i);
        let people = &self.w.people;
        // "my sister's ex", "Ben's boyfriend": someone else's partner, whose acts on others
        // are that person's story, and on the writer still violence.
        // "her ex", "his wife", "my best friends bf" typed without the apostrophe: a partner
        // word after another's name for them.
        let someone_elses = i > 0
            && (self.s.possessive(i - 1)
                || !matches!(w, "he" | "she" | "they")
                    && people.partners.has(w)
                    && self.belongs_to_another(i - 1));
        match w {
            "i" => Some(Who::Writer),
            "we" => Some(Who::We),
            _ if someone_elses && (people.partners.has(w) || people.others.has(w)) => {
                Some(Who::Other)
            }
            _ if people.partners.has(w) => Some(Who::Partner),
            _ if people.others.has(w) => Some(Who::Other),
            _ if self.is_name(i) => Some(Who::Partner),
            _ => None,
        }
    }

    /// Whether the word at `k` makes the partner word after it someone else's: "her", "his",
    /// "their", "your", or a relation with a possessive "s" and no apostrophe ("friends bf").
    fn belongs_to_another(&self, k: usize) -> bool {
        let w = self.word(k);
        matches!(w, "her" | "his" | "their" | "your")
            || w.len() > 3
                && w.strip_suffix('s').is_some_and(|stem| {
                    let p = &self.w.people;
                    p.others.has(stem) || p.children.has(stem) || p.relations.has(stem)
                })
    }

    /// The doer of the verb at `v`: the nearest person to its left in the clause, over
    /// auxiliaries, adverbs and other violence verbs ("he hit and kicked me").
    pub fn subject(&self, v: usize) -> Subject {
        let mut subject = Subject {
            who: Who::Unknown,
            negated: false,
            modal: false,
            passive: false,
            could: false,
            at: v,
            dropped: false,
        };
        let g = &self.w.grammar;
        let verb_participle = participle(self.word(v));
        let mut j = v;
        let mut and_at = None;
        while j > 0 {
            j -= 1;
            if !self.s.same_clause(j, v) {
                break;
            }
            if let Some(who) = self.who_at(j) {
                subject.who = who;
                subject.at = j;
                return subject;
            }
            let w = self.word(j);
            // "My kids watched him push me", "I let her hit me": after a verb of seeing or
            // letting, "him" is the doer of the verb that follows.
            if matches!(w, "him" | "her" | "them")
                && j > 0
                && matches!(
                    self.word(j - 1),
                    "watched"
                        | "watch"
                        | "watching"
                        | "saw"
                        | "see"
                        | "seen"
                        | "heard"
                        | "felt"
                        | "let"
                        | "made"
                        | "letting"
                )
            {
                subject.who = Who::Partner;
                subject.at = j;
                return subject;
            }
            if w == "and" && and_at.is_none() {
                and_at = Some(j);
            }
            if g.skip.has(w) || g.negators.has(w) || self.violence[j].is_some() {
                subject.negated |= g.negators.has(w);
                subject.modal |= g.modals.has(w);
                subject.could |= w == "could";
                subject.passive |= PASSIVE.contains(&w) && verb_participle;
                continue;
            }
            break;
        }
        // Only adverbs before the verb, and it opens the sentence: the doer is unwritten.
        subject.dropped = (0..v).all(|k| {
            let w = self.word(k);
            DIARY_ADVERBS.contains(&w) || subject.passive && (PASSIVE.contains(&w) || g.skip.has(w))
        });
        if subject.dropped {
            subject.who = Who::Writer;
        } else if let Some(a) = and_at {
            // "He changed the password and took my laptop": the doer of the first verb.
            // "I screamed until she cried and then punched the wall": the doer of a clause
            // opened by "until" or "when" is not the doer of the verb after "and".
            let subordinate = |k: usize| {
                matches!(
                    self.word(k.wrapping_sub(1)),
                    "until"
                        | "till"
                        | "when"
                        | "while"
                        | "because"
                        | "as"
                        | "since"
                        | "before"
                        | "time"
                        | "if"
                        | "whenever"
                        | "after"
                )
            };
            if let Some(k) = (0..a)
                .rev()
                .find(|&k| self.who_at(k).is_some() && !subordinate(k))
            {
                subject.who = self.who_at(k).unwrap_or(Who::Unknown);
                subject.at = k;
            } else if self.first_verb_dropped() {
                subject.who = Who::Writer;
                subject.dropped = true;
            }
        }
        subject
    }

    /// Whether the sentence opens with a verb and no doer ("Wrapped the cable round…").
    pub fn first_verb_dropped(&self) -> bool {
        let first = self.word(0);
        self.who_at(0).is_none()
            && (self.verb_like(0)
                || (first.ends_with("ed") || first.ends_with("ing")) && first.len() > 4)
    }

    /// Whether a thought or wish at `pos` is someone else's: the nearest person before it in
    /// its clause is another ("Tom said he wanted to die", "made her want to end it all"),
    /// with no "I", "me" or "my" between them ("he said I'd be better off dead" is the
    /// writer's).
    pub fn held_by_another(&self, pos: usize) -> bool {
        for j in (0..pos).rev() {
            if !self.s.same_clause(j, pos) {
                break;
            }
            match self.word(j) {
                "i" | "me" | "my" | "myself" | "mine" | "we" | "us" | "our" => return false,
                "he" | "she" | "him" | "her" | "himself" | "herself" | "his" => return true,
                _ if self.who_at(j).is_some_and(Who::is_person) => return true,
                _ => {}
            }
        }
        false
    }

    /// The nearest person named before `pos` in its clause, whatever stands between; the
    /// writer when the sentence opens with a verb and names no one before `pos`.
    pub fn clause_subject(&self, pos: usize) -> Who {
        let named = (0..pos)
            .rev()
            .take_while(|&j| self.s.same_clause(j, pos))
            .find_map(|j| self.who_at(j));
        match named {
            Some(who) => who,
            None if (0..pos).all(|j| self.who_at(j).is_none())
                && (pos == 0 || self.first_verb_dropped()) =>
            {
                Who::Writer
            }
            None => Who::Unknown,
        }
    }

    /// Whether a negator stands just before `pos`, over auxiliaries ("I would never kill…",
    /// "I'm not going to hurt…").
    pub fn negated_before(&self, pos: usize) -> bool {
        let g = &self.w.grammar;
        let mut j = pos;
        while j > 0 {
            j -= 1;
            if !self.s.same_clause(j, pos) {
                return false;
            }
            let w = self.word(j);
            if g.negators.has(w) {
                return true;
            }
            // A new doer ("if he doesn't come back I'm going to…") ends the reach of a negator.
            if !g.skip.has(w) || self.who_at(j).is_some() {
                return false;
            }
        }
        false
    }

    pub fn has_word(&self, word: &str) -> bool {
        self.s.words.iter().any(|w| w == word)
    }
}
