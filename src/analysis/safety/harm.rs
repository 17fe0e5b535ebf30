//! Harm between partners: violence, threats, control and monitoring, stalking and fear. Each
//! rule finds who does what to whom, and says whether the writer is the one harmed or the one
//! harming.

use super::control;
use super::families;
use super::grammar::{Reader, Target, Who};
use super::stalking;
use super::words::Needs;

mod threats;
use threats::{false_accusation, threats};

mod fear;
use fear::{fear, fear_signs, marks};

/// What a sentence says about harm between people.
#[derive(Debug, Default, Clone, Copy)]
pub struct Harm {
    pub harmed: bool,
    pub harming: bool,
}

impl Harm {
    /// Records a finding from the doer and the one it is done to.
    pub fn note(&mut self, who: Who, to_writer: bool, to_victim: bool) {
        match who {
            Who::Partner | Who::Other if to_writer => self.harmed = true,
            Who::Writer if to_victim => self.harming = true,
            _ => {}
        }
    }
}

pub fn read(r: &Reader) -> Harm {
    let mut harm = Harm::default();
    // "My counsellor asked if I ever feel unsafe at home and I could honestly say no."
    if r.has_word("asked") && r.w.context.denied.any(r.s) {
        return harm;
    }
    violence(r, &mut harm);
    near_me(r, &mut harm);
    came_at(r, &mut harm);
    threats(r, &mut harm);
    control::read(r, &mut harm);
    stalking::read(r, &mut harm);
    stalking::hounding(r, &mut harm);
    fear(r, &mut harm);
    fear_signs(r, &mut harm);
    marks(r, &mut harm);
    families::harm(r, &mut harm);
    if false_accusation(r) {
        harm.harmed = false;
        harm.harming = true;
    }
    harm
}

/// "he hit me", "I shoved him", "I was pushed to the floor", "she said she'd kill me".
fn violence(r: &Reader, harm: &mut Harm) {
    for v in 0..r.s.len() {
        if let Some(g) = r.violence[v] {
            let group = &r.w.violence[g];
            let subject = r.subject(v);
            if subject.negated || (r.games && group.needs != Needs::Threat) || r.first_aid(v) {
                continue;
            }
            if group.needs == Needs::At {
                thrown(r, v, harm);
                continue;
            }
            // "he had me pinned against the fridge": the doer of "had", done to the writer.
            let held = v >= 2
                && r.word(v - 1) == "me"
                && matches!(
                    r.word(v - 2),
                    "had" | "has" | "got" | "kept" | "keeps" | "having"
                );
            let subject = if held { r.subject(v - 2) } else { subject };
            if held && subject.negated {
                continue;
            }
            let (target, c) = if held {
                (Target::Writer, v + 1)
            } else {
                r.object(v)
            };
            let passive =
                subject.who == Who::Writer && subject.passive && target == Target::Nothing;
            let who = if passive {
                by_whom(r, v + 1)
            } else if subject.dropped && target == Target::WriterBody {
                // "Burnt my hand on the oven tray": the writer's own act, for the self-harm
                // rules to weigh.
                continue;
            } else if subject.dropped && target.writer() {
                // "Punched me in the face again.": someone did it to the writer.
                Who::Other
            } else {
                subject.who
            };
            let (to_writer, to_victim) = if passive {
                (who.is_person(), false)
            } else {
                (target.writer(), target.victim())
            };
            if !(to_writer && who.is_person() || to_victim && who == Who::Writer) {
                continue;
            }
            // An idiom follows a person ("kicked him out"), not a body ("kicked her legs out").
            let particle = matches!(r.word(c), "out" | "off" | "up" | "away");
            // "shoved my wife out of the way" is force; "kicked him out" is an idiom.
            let forceful = r.w.body.forceful_after.at(r.s, c).is_some();
            if matches!(group.needs, Needs::Body | Needs::Place) && r.w.context.protective.any(r.s)
            {
                continue;
            }
            if !(target.body() && particle || forceful) && idiom_after(r, &group.idioms, c)
                || subject.could && r.word(c) == "for"
            {
                continue;
            }
            let done = match group.needs {
                Needs::Nothing | Needs::Place | Needs::At => true,
                Needs::Physical => physical_hurt(r, v, c, target, subject.modal),
                Needs::Body if target.body() && gentle(r, v, c) => false,
                Needs::Body => {
                    target.body()
                        || matches!(
                            r.word(c),
                            "by" | "down"
                                | "against"
                                | "up"
                                | "hard"
                                | "so"
                                | "until"
                                | "till"
                                | "behind"
                                | "back"
                        )
                        || r.word(c) != "and" && r.physical_after(c)
                        // "he grabbed me." (not "he held me", which is often a hug)
                        || r.clause_ends(c)
                            && ["grab", "yank"].iter().any(|p| r.word(v).starts_with(p))
                }
                Needs::Threat => kill_threat(r, v, c),
            };
            if done {
                harm.note(who, to_writer, to_victim);
            }
        }
    }
}

/// "he came at me with the belt", "she went for me": an attack begun, by whoever "came".
fn came_at(r: &Reader, harm: &mut Harm) {
    for v in 0..r.s.len() {
        let went = matches!(r.word(v), "went" | "goes" | "going");
        let came = matches!(r.word(v), "came" | "comes" | "coming" | "come");
        let to = r.word(v + 1);
        if !(came && to == "at" || went && to == "for") {
            continue;
        }
        let (to_writer, to_victim) = match r.word(v + 2) {
            "me" => (true, false),
            "him" | "her" | "them" => (false, true),
            _ => continue,
        };
        // "came at me with questions", "went for me in the interview".
        let after = r.word(v + 3);
        let gift = |w: &str| {
            matches!(
                w,
                "questions"
                    | "question"
                    | "ideas"
                    | "idea"
                    | "news"
                    | "hug"
                    | "hugs"
                    | "list"
                    | "plan"
                    | "smile"
                    | "proposal"
                    | "compliments"
            )
        };
        let idiom = matches!(after, "about" | "for" | "in" | "on")
            || after == "with"
                && (gift(r.word(v + 4))
                    || matches!(r.word(v + 4), "a" | "an" | "his" | "her") && gift(r.word(v + 5)));
        let subject = r.subject(v);
        if subject.negated || idiom || r.games || r.humour {
            continue;
        }
        harm.note(subject.who, to_writer, to_victim);
    }
}

/// A hand held or taken is tenderness unless force is said: "held my hand through the scan"
/// is not "grabbed my hand so hard it bruised".
fn gentle(r: &Reader, v: usize, c: usize) -> bool {
    let b = &r.w.body;
    let part = (v + 1..c).any(|k| b.gentle_parts.has(r.word(k)));
    part && b.gentle_verbs.has(r.word(v)) && !b.force.any(r.s) && !r.w.body.marks.any(r.s)
}

/// "he punched the wall next to my head", "I punched the door right next to her head": force
/// aimed near someone, or at the walls.
fn near_me(r: &Reader, harm: &mut Harm) {
    for v in 0..r.s.len() {
        let w = r.word(v);
        let blow = [
            "punch", "kick", "smash", "hit", "threw", "throw", "slam", "fist",
        ]
        .iter()
        .any(|p| w.starts_with(p));
        if !blow {
            continue;
        }
        let mut subject = r.subject(v);
        if w.starts_with("fist") {
            // "he put his fist through the wall by my head"
            subject.who = match r.word(v.wrapping_sub(1)) {
                "his" | "her" | "their" => Who::Partner,
                "my" => Who::Writer,
                _ => r.clause_subject(v),
            };
        }
        if subject.negated || r.games {
            continue;
        }
        let near = |whose: &[&str]| {
            (v + 1..v + 8).any(|k| {
                matches!(
                    r.word(k),
                    "next" | "beside" | "near" | "past" | "inches" | "by"
                ) && (k + 1..k + 4).any(|j| whose.contains(&r.word(j)))
            })
        };
        match subject.who {
            Who::Partner => {
                let walls = ["punch", "kick", "smash"].iter().any(|p| w.starts_with(p))
                    && matches!(r.word(v + 1), "the" | "a")
                    && matches!(r.word(v + 2), "wall" | "walls" | "door" | "hole" | "window");
                harm.harmed |= near(&["my", "me"]) || walls;
            }
            Who::Writer => harm.harming |= near(&["her", "his", "him", "their", "them"]),
            _ => {}
        }
    }
}

/// After a passive ("I was pushed by him"): the doer named after "by", or a person by default.
fn by_whom(r: &Reader, from: usize) -> Who {
    match (from..from + 4).find(|&k| r.word(k) == "by" && r.s.same_clause(from - 1, k)) {
        // "held against the wall by my throat": a body part, not a doer.
        Some(k) if r.w.body.parts.has(r.word(k + 2)) => Who::Other,
        Some(k) => match r.word(k + 1) {
            "my" | "his" | "her" => r.who_at(k + 2).unwrap_or(Who::Unknown),
            _ => r.who_at(k + 1).unwrap_or(Who::Unknown),
        },
        // "since I was bitten": by a dog, when an animal is named.
        None if r.w.people.animals.any(r.s) => Who::Unknown,
        None => Who::Other,
    }
}

/// An idiom right after the object; "to"/"into"/"in" count only when no surface follows.
fn idiom_after(r: &Reader, idioms: &super::words::Set, c: usize) -> bool {
    match idioms.at(r.s, c) {
        Some(1) => {
            !(r.surface_near(c + 1) && matches!(r.word(c), "to" | "into" | "in" | "on" | "by"))
        }
        Some(_) => true,
        None => false,
    }
}

/// "hurt" is about a body when a mark, a body part, a threat or the present says so; "he hurt
/// me when he cheated" is about trust.
fn physical_hurt(r: &Reader, v: usize, c: usize, target: Target, modal: bool) -> bool {
    let w = r.w;
    if target.body() || r.has_word("physically") || w.body.marks.any(r.s) || modal {
        return true;
    }
    if w.grammar.emotional.any(r.s) {
        return false;
    }
    r.word(v).ends_with("ing")
        || r.word(v).ends_with('s')
        || matches!(r.word(c), "again" | "before")
        || r.w.fear.words.any(r.s)
}

/// "kill me" is a threat when it is reported or bound to leaving; hyperbole when the
/// condition is trivial or the tone a joke.
fn kill_threat(r: &Reader, v: usize, c: usize) -> bool {
    // "he said he'd kill me if I spoiled the finale lol": trivial and laughing.
    if r.reported_before(v) {
        // "if I told anyone about the surprise party" is play.
        let surprise =
            r.s.words
                .iter()
                .any(|w| w == "surprise" || w.starts_with("spoil"));
        return !(r.humour && r.w.grammar.trivial.any(r.s) || surprise);
    }
    let someone_else = r.subject(v).who == Who::Other;
    // "The dog stole the whole roast chicken, I'm going to kill him."
    if r.w.people.animals.any(r.s)
        && !r
            .s
            .words
            .iter()
            .any(|w| r.w.people.partners.has(w) && w != "he" && w != "she")
    {
        return false;
    }
    let g = &r.w.grammar;
    if r.w
        .violence
        .iter()
        .any(|x| x.needs == Needs::Threat && x.idioms.at(r.s, c).is_some())
        || r.humour
        || r.games
    {
        return false;
    }
    let cond = (0..r.s.len()).find(|&i| matches!(r.word(i), "if" | "when" | "unless"));
    if let Some(i) = cond
        && g.threat_conditions.all(r.s).any(|(k, _)| {
            // "when he finds out I dented the car" is no condition of leaving.
            k > i && !(r.word(k) == "out" && r.word(k - 1).starts_with("f"))
        })
    {
        return true;
    }
    // A parent or a boss who "will kill me" is nearly always a figure of speech.
    !someone_else && !g.trivial.any(r.s)
}

/// "threw a plate at me", "spat at me", "threw me against the wall".
fn thrown(r: &Reader, v: usize, harm: &mut Harm) {
    let subject = r.subject(v);
    let spit = r.word(v).starts_with("spit") || r.word(v) == "spat";
    let at = (v + 1..v + 8).find(|&k| {
        r.s.same_clause(v, k)
            && (matches!(r.word(k), "at" | "on") || spit && r.word(k) == "in")
            && matches!(r.word(k + 1), "me" | "my" | "him" | "her" | "them")
    });
    if let Some(k) = at {
        let (target, _) = r.object(k);
        harm.note(subject.who, target.writer(), target.victim());
        return;
    }
    let (target, c) = r.object(v);
    if subject.who == Who::Writer
        && subject.passive
        && target == Target::Nothing
        && r.physical_after(v + 1)
    {
        // "I was thrown down the stairs"
        harm.harmed = true;
        return;
    }
    let group = r.w.violence.iter().find(|g| g.needs == Needs::At);
    if group.is_some_and(|g| g.idioms.at(r.s, c).is_some()) {
        return;
    }
    if r.physical_after(c) {
        harm.note(subject.who, target.writer(), target.victim());
    } else if subject.who == Who::Writer
        && subject.passive
        && target == Target::Nothing
        && r.physical_after(v + 1)
    {
        harm.harmed = true;
    }
}
