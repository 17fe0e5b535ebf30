//! General frames: broad classes of acts and things (lexicon/safety.toml, `[frames]`) read
//! through every inflection, and roles read from the clause (who acts, on whom, with what, on
//! purpose or not). Where the narrower rules know phrasings, these know kinds: force laid on a
//! throat whatever the verb, a means of living taken whatever it is, a way weighed whatever the
//! words for weighing. Each frame still says who does what to whom, so the harmed and the
//! harming notes stay apart.

mod broad;
mod harm;
mod self_harm;
mod signs;

use std::collections::HashSet;
use std::sync::OnceLock;

use super::grammar::{Reader, Who};
use super::text::Sentence;
use super::words::{Set, words};

pub use broad::{harm as broad_harm, self_harm as broad_self_harm, triggered as broad_triggered};
pub use harm::read as harm;
pub use self_harm::read as self_harm;

/// Base forms indexed so that an inflection is looked up without building a string: the
/// forms themselves, those ending in "e" without it ("squeez" for squeezed), and those ending
/// in "y" without it ("carr" for carried).
pub struct Stems {
    whole: HashSet<&'static str>,
    without_e: HashSet<&'static str>,
    without_y: HashSet<&'static str>,
}

impl Stems {
    fn of(words: impl Iterator<Item = &'static str>) -> Stems {
        let mut stems = Stems {
            whole: HashSet::new(),
            without_e: HashSet::new(),
            without_y: HashSet::new(),
        };
        for w in words {
            stems.whole.insert(w);
            if let Some(s) = w.strip_suffix('e') {
                stems.without_e.insert(s);
            }
            if let Some(s) = w.strip_suffix('y') {
                stems.without_y.insert(s);
            }
        }
        stems
    }

    /// Whether `word` is one of the forms or an inflection of one (the same candidates as
    /// `forms`, looked up as slices).
    pub fn has(&self, word: &str) -> bool {
        inflects(
            word,
            |s| self.whole.contains(s),
            |s| self.without_e.contains(s),
            |s| self.without_y.contains(s),
        )
    }
}

/// Whether `word` is a base form or a regular inflection of one, given how to look up base
/// forms whole, without a final "e" and without a final "y" (no string is built).
pub fn inflects(
    word: &str,
    whole: impl Fn(&str) -> bool,
    without_e: impl Fn(&str) -> bool,
    without_y: impl Fn(&str) -> bool,
) -> bool {
    {
        let w = irregular(word);
        if whole(w) {
            return true;
        }
        let n = w.len();
        let strip = |suffix: &str, min: usize| {
            (n > min && w.ends_with(suffix)).then(|| &w[..n - suffix.len()])
        };
        if let Some(s) = strip("ies", 4).or_else(|| strip("ied", 4)) {
            return without_y(s);
        }
        let stem = strip("ing", 4)
            .or_else(|| strip("ed", 3))
            .or_else(|| strip("es", 3))
            .or_else(|| (!w.ends_with("ss")).then(|| strip("s", 2)).flatten());
        let Some(stem) = stem else {
            return false;
        };
        whole(stem) || doubled(stem) && whole(&stem[..stem.len() - 1]) || without_e(stem)
    }
}

/// Whether a stem ends in a doubled consonant ("grabb" of "grabbed"), so that its last letter
/// can be dropped. ASCII letters only: the last two bytes of a character of several bytes can
/// be equal too (the two 0x8E of "𑎎"), and dropping one would cut the character in half.
fn doubled(stem: &str) -> bool {
    let b = stem.as_bytes();
    b.len() > 2
        && b[b.len() - 1] == b[b.len() - 2]
        && b[b.len() - 1].is_ascii_alphabetic()
        && !matches!(b[b.len() - 1], b'a' | b'e' | b'i' | b'o' | b'u')
}

/// A class of words, matched through their inflections, and its phrases.
pub struct Class {
    stems: Stems,
    set: &'static Set,
}

impl Class {
    fn of(set: &'static Set) -> Class {
        Class {
            stems: Stems::of(set.single_words()),
            set,
        }
    }

    /// Whether the word is a form of one of the class's words.
    pub fn has(&self, word: &str) -> bool {
        self.stems.has(word)
    }

    /// The length of the class's word or phrase at word `i`, if one is there.
    pub fn at(&self, s: &Sentence, i: usize) -> Option<usize> {
        if i >= s.len() {
            return None;
        }
        match self.set.at(s, i) {
            Some(n) => Some(n),
            None if self.has(s.word(i)) => Some(1),
            None => None,
        }
    }

    /// Whether the class is found within words `from..to`, and where.
    pub fn find(&self, s: &Sentence, from: usize, to: usize) -> Option<usize> {
        (from..to.min(s.len())).find(|&i| self.at(s, i).is_some())
    }

    pub fn any(&self, s: &Sentence) -> bool {
        self.find(s, 0, s.len()).is_some()
    }
}

/// The base form of an irregular verb, or the word itself.
fn irregular(w: &str) -> &str {
    match w {
        "threw" | "thrown" => "throw",
        "held" => "hold",
        "took" | "taken" => "take",
        "kept" => "keep",
        "hid" | "hidden" => "hide",
        "bit" | "bitten" => "bite",
        "shook" | "shaken" => "shake",
        "struck" => "strike",
        "spat" => "spit",
        "tore" | "torn" => "tear",
        "broke" | "broken" => "break",
        "burnt" => "burn",
        "stole" | "stolen" => "steal",
        "stood" => "stand",
        "sat" => "sit",
        "drove" | "driven" => "drive",
        "sent" => "send",
        "got" | "gotten" => "get",
        "had" | "has" => "have",
        "thought" => "think",
        "saw" | "seen" => "see",
        "came" => "come",
        "found" => "find",
        "swung" => "swing",
        "flung" => "fling",
        "ran" => "run",
        "woke" | "woken" => "wake",
        "wrote" | "written" => "write",
        "gave" | "given" => "give",
        "left" => "leave",
        "made" => "make",
        "told" => "tell",
        "said" => "say",
        "knew" | "known" => "know",
        "dug" => "dig",
        "bled" => "bleed",
        "fell" | "fallen" => "fall",
        "stuck" => "stick",
        "spent" => "spend",
        "caught" => "catch",
        "goes" | "went" => "go",
        "does" | "did" => "do",
        "lay" | "lain" => "lie",
        "ground" => "grind",
        "wore" | "worn" => "wear",
        "slept" => "sleep",
        "froze" | "frozen" => "freeze",
        w => w,
    }
}

/// The forms a regular inflection may come from (what `Stems::has` looks up, as strings).
#[cfg(test)]
/// The forms a regular inflection may come from: "gripped" from grip, "squeezed" from
/// squeeze, "calls" from call. Several are tried, as the class holds base forms only.
fn forms(w: &str) -> [Option<String>; 3] {
    let n = w.len();
    let strip = |suffix: &str, min: usize| {
        (n > min && w.ends_with(suffix)).then(|| w[..n - suffix.len()].to_string())
    };
    let stem = if let Some(s) = strip("ies", 4).or_else(|| strip("ied", 4)) {
        return [Some(s + "y"), None, None];
    } else {
        strip("ing", 4)
            .or_else(|| strip("ed", 3))
            .or_else(|| strip("es", 3))
            .or_else(|| (!w.ends_with("ss")).then(|| strip("s", 2)).flatten())
    };
    let Some(stem) = stem else {
        return [None, None, None];
    };
    let single = doubled(&stem).then(|| stem[..stem.len() - 1].to_string());
    let with_e = format!("{stem}e");
    [Some(stem), single, Some(with_e)]
}

/// Every class of the frames, indexed once.
pub struct Classes {
    pub force: Class,
    pub airway: Class,
    pub force_marks: Class,
    pub weapons: Class,
    pub wield: Class,
    pub destroy: Class,
    pub belongings: Class,
    pub means: Class,
    pub take: Class,
    pub money_units: Class,
    pub monitor: Class,
    pub private: Class,
    pub covert: Class,
    pub anger: Class,
    pub contact: Class,
    pub people_to_see: Class,
    pub breakup: Class,
    pub presence: Class,
    pub new_place: Class,
    pub wish: Class,
    pub being: Class,
    pub weigh: Class,
    pub heights: Class,
    pub falls: Class,
    pub waters: Class,
    pub exhaust: Class,
    pub enclosed: Class,
    pub ligatures: Class,
    pub anchors: Class,
    pub instruments: Class,
    pub intent: Class,
    pub grooming: Class,
    pub medicines: Class,
    pub amounts: Class,
    pub gone_after: Class,
    pub finality: Class,
    pub hopeless: Class,
    pub frighten: Class,
    pub refusal: Class,
    pub persist: Class,
    pub rule_words: Class,
    /// Every class together: a sentence with none of them is passed over.
    any: Vec<&'static Set>,
}

pub fn classes() -> &'static Classes {
    static CLASSES: OnceLock<Classes> = OnceLock::new();
    CLASSES.get_or_init(|| {
        let f = &words().frames;
        let all = vec![
            &f.force,
            &f.airway,
            &f.weapons,
            &f.destroy,
            &f.means,
            &f.take,
            &f.monitor,
            &f.private,
            &f.anger,
            &f.breakup,
            &f.presence,
            &f.wish,
            &f.being,
            &f.weigh,
            &f.heights,
            &f.waters,
            &f.exhaust,
            &f.ligatures,
            &f.instruments,
            &f.intent,
            &f.medicines,
            &f.finality,
            &f.frighten,
            &f.refusal,
            &f.persist,
            &f.rule_words,
            &f.money_units,
            &f.new_place,
        ];
        Classes {
            force: Class::of(&f.force),
            airway: Class::of(&f.airway),
            force_marks: Class::of(&f.force_marks),
            weapons: Class::of(&f.weapons),
            wield: Class::of(&f.wield),
            destroy: Class::of(&f.destroy),
            belongings: Class::of(&f.belongings),
            means: Class::of(&f.means),
            take: Class::of(&f.take),
            money_units: Class::of(&f.money_units),
            monitor: Class::of(&f.monitor),
            private: Class::of(&f.private),
            covert: Class::of(&f.covert),
            anger: Class::of(&f.anger),
            contact: Class::of(&f.contact),
            people_to_see: Class::of(&f.people_to_see),
            breakup: Class::of(&f.breakup),
            presence: Class::of(&f.presence),
            new_place: Class::of(&f.new_place),
            wish: Class::of(&f.wish),
            being: Class::of(&f.being),
            weigh: Class::of(&f.weigh),
            heights: Class::of(&f.heights),
            falls: Class::of(&f.falls),
            waters: Class::of(&f.waters),
            exhaust: Class::of(&f.exhaust),
            enclosed: Class::of(&f.enclosed),
            ligatures: Class::of(&f.ligatures),
            anchors: Class::of(&f.anchors),
            instruments: Class::of(&f.instruments),
            intent: Class::of(&f.intent),
            grooming: Class::of(&f.grooming),
            medicines: Class::of(&f.medicines),
            amounts: Class::of(&f.amounts),
            gone_after: Class::of(&f.gone_after),
            finality: Class::of(&f.finality),
            hopeless: Class::of(&f.hopeless),
            frighten: Class::of(&f.frighten),
            refusal: Class::of(&f.refusal),
            persist: Class::of(&f.persist),
            rule_words: Class::of(&f.rule_words),
            any: all,
        }
    })
}

/// Whether a word names a medicine or where medicines are kept.
pub fn is_medicine(w: &str) -> bool {
    classes().medicines.has(w) || matches!(w, "my" | "his" | "her" | "the" | "a" | "them")
}

/// Whether a sentence holds any word of the frames' classes (cheap: a look-up a word).
pub fn triggered(s: &Sentence) -> bool {
    let c = classes();
    let singles: &Stems = {
        static ALL: OnceLock<Stems> = OnceLock::new();
        ALL.get_or_init(|| {
            Stems::of(
                c.any
                    .iter()
                    .flat_map(|set| set.single_words().chain(set.first_words())),
            )
        })
    };
    s.words.iter().any(|w| singles.has(w))
}

/// The writer is named in the clause of word `i` before it, or the sentence leaves its doer
/// unwritten the diary way.
pub fn writer_in_clause(r: &Reader, i: usize) -> bool {
    (0..i)
        .rev()
        .take_while(|&j| r.s.same_clause(j, i))
        .any(|j| matches!(r.word(j), "i" | "me" | "my" | "myself"))
        || writer_unwritten(r)
}

/// No doer is written before the first verb: "Tied the cord…", "keep imagining…".
pub fn writer_unwritten(r: &Reader) -> bool {
    let first = r.word(0);
    let past = first.ends_with("ed") && first.len() > 3
        || irregular(first) != first
        || r.w.grammar.past_verbs.has(first);
    let person = r.w.people.partners.has(first) || r.w.people.others.has(first);
    past && !person
        || r.first_verb_dropped()
        || matches!(
            r.word(0),
            "keep" | "kept" | "still" | "cant" | "wish" | "wished"
        )
        || r.unwritten_writer()
}

/// The doer of the verb at `v`, reaching over a relative clause ("My dad, who I live with,
/// shoved me") and taking the diary's unwritten writer.
pub fn doer(r: &Reader, v: usize) -> Who {
    let subject = r.subject(v);
    if subject.who != Who::Unknown {
        return subject.who;
    }
    // The verb leads its clause and the clause before is a relative one: the doer is before it.
    let start = (0..v)
        .rev()
        .take_while(|&j| r.s.same_clause(j, v))
        .last()
        .unwrap_or(v);
    if start > 0 {
        let rel_start = (0..start)
            .rev()
            .take_while(|&j| r.s.same_clause(j, start - 1))
            .last()
            .unwrap_or(start - 1);
        let relative = matches!(r.word(rel_start), "who" | "which" | "whom" | "that");
        if relative
            && rel_start > 0
            && let Some(who) = (0..rel_start).rev().find_map(|j| r.who_at(j))
        {
            return who;
        }
    }
    if (r.first_verb_dropped() || writer_unwritten(r))
        && (1..v).all(|j| r.who_at(j).is_none() || !r.s.same_clause(j, v))
    {
        return Who::Writer;
    }
    Who::Unknown
}

/// The partner named by a possessive or a name within `n` words after `i`: "her phone",
/// "Sophie's location", "my wife's email".
pub fn victim_after(r: &Reader, i: usize, n: usize) -> Option<usize> {
    (i + 1..i + 1 + n)
        .take_while(|&k| r.s.same_clause(i, k))
        .find(|&k| {
            let w = r.word(k);
            matches!(w, "her" | "his" | "him" | "their" | "them")
                || r.is_name(k)
                || w == "my" && r.w.people.victims.has(r.word(k + 1))
        })
}

#[cfg(test)]
mod tests;
