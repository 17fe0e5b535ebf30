//! The safety word lists (lexicon/safety.toml), turned into Rust tables when mend is built
//! (build/safety_lexicon.rs) and indexed on first use into sets of words and phrases that the
//! grammar asks questions of: "is this word a partner?", "does a phrase of this list start
//! here?". No TOML is parsed when a command runs: parsing the lists at every start was most of
//! what the reading added to `mend write`.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

use super::text::Sentence;

mod wide;
pub use wide::{Broad, Frames};

#[cfg(test)]
const SOURCE: &str = include_str!("../../../lexicon/safety.toml");

/// A small, fast hash for short words (the idea of FxHash): the reader looks words up many
/// times a sentence, and these keys come from our own lists, not from an attacker.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
    }
}

type Fast = BuildHasherDefault<WordHasher>;

/// A list of words and phrases; `*` at the end of a word matches any word it begins. Kept flat
/// (every phrase's words in one vector, one map entry a first word chaining the phrases that
/// share it), so that building every list when a command starts costs a few allocations a list,
/// not one or two a term.
#[derive(Debug, Default)]
pub struct Set {
    /// Every phrase's words, one phrase after another.
    pats: Vec<Pat>,
    /// Where each phrase's words are in `pats`.
    phrases: Vec<(u32, u32)>,
    /// The last phrase whose first word is this exact word…
    by_first: HashMap<&'static str, u32, Fast>,
    /// …and, for each phrase, the one before it with the same first word (`NONE` ends it).
    same_first: Vec<u32>,
    /// Phrases whose first word is a prefix.
    prefixed: Vec<u32>,
}

/// The end of a chain of phrases.
const NONE: u32 = u32::MAX;

#[derive(Debug)]
struct Pat {
    text: &'static str,
    prefix: bool,
}

impl Pat {
    fn matches(&self, word: &str) -> bool {
        if self.prefix {
            word.starts_with(self.text)
        } else {
            word == self.text
        }
    }
}

impl Set {
    /// A set of the list's terms, as written in lexicon/safety.toml, one per line (build.rs
    /// writes them so: see build/safety_lexicon.rs).
    pub fn of(terms: &'static str) -> Set {
        let lines = terms.bytes().filter(|&b| b == b'\n').count() + 1;
        let mut set = Set {
            pats: Vec::with_capacity(lines * 2),
            phrases: Vec::with_capacity(lines),
            by_first: HashMap::with_capacity_and_hasher(lines, Fast::default()),
            same_first: Vec::with_capacity(lines),
            prefixed: Vec::new(),
        };
        for term in terms.split('\n').filter(|t| !t.is_empty()) {
            let start = set.pats.len() as u32;
            set.pats
                .extend(term.split(' ').map(|w| match w.strip_suffix('*') {
                    Some(p) => Pat {
                        text: p,
                        prefix: true,
                    },
                    None => Pat {
                        text: w,
                        prefix: false,
                    },
                }));
            let n = set.phrases.len() as u32;
            let first = &set.pats[start as usize];
            let before = if first.prefix {
                set.prefixed.push(n);
                NONE
            } else {
                set.by_first.insert(first.text, n).unwrap_or(NONE)
            };
            set.same_first.push(before);
            set.phrases.push((start, set.pats.len() as u32));
        }
        set
    }

    fn phrase(&self, id: u32) -> &[Pat] {
        let (start, end) = self.phrases[id as usize];
        &self.pats[start as usize..end as usize]
    }

    fn all_phrases(&self) -> impl Iterator<Item = &[Pat]> + '_ {
        (0..self.phrases.len() as u32).map(|id| self.phrase(id))
    }

    /// The phrases whose first word is exactly `word`.
    fn starting(&self, word: &str) -> impl Iterator<Item = u32> + '_ {
        let last = self.by_first.get(word).copied().unwrap_or(NONE);
        std::iter::successors((last != NONE).then_some(last), |&id| {
            let before = self.same_first[id as usize];
            (before != NONE).then_some(before)
        })
    }
}

impl Set {
    /// For each phrase, its longest word: a sentence without it cannot hold the phrase.
    fn telling_words(&self) -> impl Iterator<Item = (&'static str, bool)> + '_ {
        self.all_phrases().filter_map(|p| {
            p.iter()
                .max_by_key(|pat| pat.text.len())
                .map(|pat| (pat.text, pat.prefix))
        })
    }

    /// Whether one word is in the list (as a one-word term).
    pub fn has(&self, word: &str) -> bool {
        self.starting(word).any(|id| self.phrase(id).len() == 1)
            || self.prefixed.iter().any(|&id| {
                let p = self.phrase(id);
                p.len() == 1 && p[0].matches(word)
            })
    }

    /// The length of the longest phrase of the list starting at word `i`, if any.
    pub fn at(&self, s: &Sentence, i: usize) -> Option<usize> {
        if i >= s.len() {
            return None;
        }
        let fits = |p: &[Pat]| {
            i + p.len() <= s.len()
                && p.iter()
                    .enumerate()
                    .all(|(k, pat)| pat.matches(s.word(i + k)))
        };
        self.starting(s.word(i))
            .chain(self.prefixed.iter().copied())
            .map(|id| self.phrase(id))
            .filter(|p| fits(p))
            .map(<[Pat]>::len)
            .max()
    }

    /// The first phrase of the list within words `from..to`: its start and length.
    pub fn find(&self, s: &Sentence, from: usize, to: usize) -> Option<(usize, usize)> {
        (from..to.min(s.len())).find_map(|i| self.at(s, i).map(|n| (i, n)))
    }

    /// Every phrase of the list in the sentence: start and length.
    pub fn all<'a>(&'a self, s: &'a Sentence) -> impl Iterator<Item = (usize, usize)> + 'a {
        (0..s.len()).filter_map(move |i| self.at(s, i).map(|n| (i, n)))
    }

    pub fn any(&self, s: &Sentence) -> bool {
        self.find(s, 0, s.len()).is_some()
    }

    /// The list's one-word terms, as written (the frames index them by stem).
    pub fn single_words(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.all_phrases()
            .filter(|p| p.len() == 1 && !p[0].prefix)
            .map(|p| p[0].text)
    }

    /// The first words of the list's phrases of more than one word.
    pub fn first_words(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.all_phrases()
            .filter(|p| p.len() > 1 && !p[0].prefix)
            .map(|p| p[0].text)
    }
}

/// What turns a violence verb into harm done to a body (see lexicon/safety.toml).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Needs {
    Nothing,
    Place,
    Physical,
    At,
    Body,
    Threat,
}

#[derive(Debug)]
pub struct Violence {
    pub forms: Set,
    pub needs: Needs,
    pub idioms: Set,
}

#[derive(Debug)]
pub struct People {
    pub partners: Set,
    pub others: Set,
    pub victims: Set,
    pub not_names: Set,
    pub animals: Set,
    pub children: Set,
    pub relations: Set,
}

#[derive(Debug)]
pub struct Grammar {
    pub skip: Set,
    pub negators: Set,
    pub modals: Set,
    pub reporting: Set,
    pub threat_conditions: Set,
    pub trivial: Set,
    pub time_words: Set,
    pub relationship: Set,
    pub emotional: Set,
    pub past_verbs: Set,
    pub horizons: Set,
}

#[derive(Debug)]
pub struct Body {
    pub parts: Set,
    pub marks: Set,
    pub surfaces: Set,
    pub physical_preps: Set,
    pub gentle_parts: Set,
    pub forceful_after: Set,
    pub gentle_verbs: Set,
    pub force: Set,
}

#[derive(Debug)]
pub struct SelfHarm {
    pub thoughts: Set,
    pub acts: Set,
    pub kill_idioms: Set,
    pub deaths: Set,
    pub wishes: Set,
    pub death_idioms: Set,
    pub lives: Set,
    pub life_idioms: Set,
    pub self_harm_parts: Set,
    pub self_verbs: Set,
    pub methods: Set,
    pub hiding: Set,
    pub places: Set,
    pub place_verbs: Set,
    pub vehicles: Set,
    pub crash_targets: Set,
    pub place_visits: Set,
    pub place_cues: Set,
    pub not_places: Set,
    pub sightseeing: Set,
    pub medicine_stores: Set,
    pub tools: Set,
    pub onto: Set,
    pub swallow_verbs: Set,
    pub amounts: Set,
    pub containers: Set,
    pub reaching: Set,
    pub giving: Set,
    pub no_burden: Set,
    pub alone: Set,
    pub plan_cues: Set,
    pub after_cut: Set,
    pub recovery: Set,
    pub going_on: Set,
    pub farewell: Set,
    pub inner_voice: Set,
    pub medicine_stopped: Set,
    pub meant_to_end: Set,
    pub overdose_topics: Set,
    pub treating: Set,
    pub habit: Set,
    pub befall: Set,
    pub indifferent: Set,
    pub deep: Set,
}

#[derive(Debug)]
pub struct Control {
    pub let_verbs: Set,
    pub take_verbs: Set,
    pub take_objects: Set,
    pub not_objects: Set,
    pub check_verbs: Set,
    pub check_objects: Set,
    pub control_objects: Set,
    pub control_verbs: Set,
    pub make_verbs: Set,
    pub made_to: Set,
    pub ask_permission: Set,
    pub trap: Set,
    pub trap_things: Set,
    pub consent: Set,
    pub intense: Set,
    pub owned_adjectives: Set,
    pub allowances: Set,
    pub debts: Set,
    pub airway: Set,
    pub found: Set,
    pub rules_elsewhere: Set,
}

#[derive(Debug)]
pub struct Stalking {
    pub appear: Set,
    pub places: Set,
    pub follow: Set,
    pub online: Set,
    pub persistent: Set,
    pub benign: Set,
    pub apart: Set,
    pub secretly: Set,
    pub contact: Set,
    pub not_stalking: Set,
    pub relentless: Set,
}

#[derive(Debug)]
pub struct Fear {
    pub words: Set,
    pub what_they_do: Set,
    pub for_safety: Set,
    pub acts: Set,
    pub signs: Set,
    pub hide: Set,
}

#[derive(Debug)]
pub struct Threats {
    pub words: Set,
    pub leaving: Set,
    pub outcomes: Set,
    pub unsafe_at_home: Set,
    pub named: Set,
    pub not_named: Set,
    pub playful: Set,
    pub dependents: Set,
}

#[derive(Debug)]
pub struct Context {
    pub media: Set,
    pub games: Set,
    pub humour: Set,
    pub accident: Set,
    pub distant_past: Set,
    pub denied: Set,
    pub hedges: Set,
    pub protective: Set,
}

/// Words some rule cannot do without; a sentence with none of them is passed over at the cost
/// of one look-up a word.
#[derive(Debug, Default)]
pub struct Triggers {
    words: HashSet<&'static str, Fast>,
    prefixes: Vec<&'static str>,
}

impl Triggers {
    pub fn any(&self, s: &Sentence) -> bool {
        s.words.iter().any(|w| {
            self.words.contains(w.as_str()) || self.prefixes.iter().any(|p| w.starts_with(p))
        })
    }
}

/// Words that rules in code look for by themselves.
const RULE_WORDS: &[&str] = &[
    "until",
    "till",
    "let",
    "allow",
    "allows",
    "outside",
    "ended",
    "allowed",
    "ask",
    "end",
    "ending",
    "front",
    "drive",
    "driving",
    "drove",
    "crash",
    "crashing",
    "crashed",
    "swerve",
    "swerving",
    "steer",
    "steering",
    "how",
    "lethal",
    "fatal",
    "deadly",
    "see",
    "need",
    "plan",
    "jump",
    "allowed",
    "give",
    "gives",
    "giving",
    "without",
    "note",
    "wish",
    "hoping",
    "hope",
    "stopped",
    "purpose",
    "deliberately",
    "name",
    "cut",
    "cutting",
    "cuts",
    "punish",
    "punishment",
    "punishing",
    "punished",
];

#[derive(Debug)]
pub struct Words {
    pub people: People,
    pub grammar: Grammar,
    pub body: Body,
    pub violence: Vec<Violence>,
    pub self_harm: SelfHarm,
    pub control: Control,
    pub stalking: Stalking,
    pub fear: Fear,
    pub threats: Threats,
    pub context: Context,
    pub frames: Frames,
    pub broad: Broad,
    /// Computed from the lists, not written in them.
    pub triggers: Triggers,
}

/// The lists as built into mend, with their triggers.
fn build() -> Words {
    let mut words: Words = include!(concat!(env!("OUT_DIR"), "/safety_lexicon.rs"));
    let (sh, c, st, t) = (
        &words.self_harm,
        &words.control,
        &words.stalking,
        &words.threats,
    );
    let mut sets: Vec<&Set> = vec![
        &sh.thoughts,
        &sh.acts,
        &sh.deaths,
        &sh.lives,
        &sh.methods,
        &sh.places,
        &sh.tools,
        &sh.swallow_verbs,
        &sh.no_burden,
        &sh.recovery,
        &sh.farewell,
        &sh.befall,
        &sh.deep,
        &sh.reaching,
        &c.take_verbs,
        &c.check_verbs,
        &c.control_verbs,
        &c.make_verbs,
        &c.trap,
        &c.trap_things,
        &c.allowances,
        &words.stalking.contact,
        &c.airway,
        &st.appear,
        &st.follow,
        &st.persistent,
        &words.fear.words,
        &words.fear.signs,
        &words.fear.hide,
        &words.body.marks,
        &t.words,
        &t.outcomes,
        &t.named,
    ];
    sets.extend(words.violence.iter().map(|v| &v.forms));
    let mut triggers = Triggers::default();
    for (word, prefix) in sets.iter().flat_map(|s| s.telling_words()) {
        if prefix {
            triggers.prefixes.push(word);
        } else {
            triggers.words.insert(word);
        }
    }
    triggers
        .words
        .extend(RULE_WORDS.iter().chain(super::families::TRIGGERS).copied());
    triggers
        .prefixes
        .extend(super::families::TRIGGER_PREFIXES.iter().copied());
    words.triggers = triggers;
    words
}

/// The word lists, indexed on first use (a few thousand words from static tables).
pub fn words() -> &'static Words {
    static WORDS: OnceLock<Words> = OnceLock::new();
    WORDS.get_or_init(build)
}

#[cfg(test)]
mod tests;
