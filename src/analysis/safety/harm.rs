//! Harm between partners: violence, threats, control and monitoring, stalking and fear. Each
//! rule finds who does what to whom, and says whether the writer is the one harmed or the one
//! harming.

use super::control;
use super::families;
use super::grammar::{Reader, Target, Who};
use super::stalking;
use super::words::Needs;

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
    threats(r, &mut harm);
    control::read(r, &mut harm);
    stalking::read(r, &mut harm);
    stalking::hounding(r, &mut harm);
    fear(r, &mut harm);
    fear_signs(r, &mut harm);
    marks(r, &mut harm);
    families::harm(r, &mut harm);
    harm
}

/// "he hit me", "I shoved him", "I was pushed to the floor", "she said she'd kill me".
fn violence(r: &Reader, harm: &mut Harm) {
    for v in 0..r.s.len() {
        if let Some(g) = r.violence[v] {
            let group = &r.w.violence[g];
            let subject = r.subject(v);
            if subject.negated || (r.games && group.needs != Needs::Threat) {
                continue;
            }
            if group.needs == Needs::At {
                thrown(r, v, harm);
                continue;
            }
            let (target, c) = r.object(v);
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

/// Threats named ("he threatened to…"), threatened outcomes ("he'll take the kids", "no one
/// would find my body"), and abuse named outright.
fn threats(r: &Reader, harm: &mut Harm) {
    let t = &r.w.threats;
    for i in 0..r.s.len() {
        if !t.words.has(r.word(i)) {
            continue;
        }
        let subject = r.subject(i);
        let leaving = r.word(i + 1) == "to"
            && t.leaving.at(r.s, i + 2).is_some()
            && t.outcomes.find(r.s, i + 2, r.s.len()).is_none()
            && r.word(i + 3) != "me";
        // "threatened to sing at karaoke" is play; a parent's threat is harm only when it is
        // violence ("my dad threatened to hit me").
        let playful = r.word(i + 1) == "to" && t.playful.at(r.s, i + 2).is_some();
        let violent = (i + 1..i + 5).any(|k| r.violence.get(k).is_some_and(Option::is_some));
        let nobody = r.negated_before(i) || subject.at < i && r.word(subject.at) == "nobody";
        if subject.negated || leaving || playful || nobody {
            continue;
        }
        if subject.who == Who::Other && r.word(i + 1) == "to" && !violent {
            continue;
        }
        let who = match subject.who {
            Who::Writer if subject.passive => Who::Other,
            Who::Unknown if matches!(r.word(i.wrapping_sub(1)), "his" | "her" | "their") => {
                Who::Partner
            }
            who => who,
        };
        let about_writer = who != Who::Writer || subject.passive;
        // The writer's threat harms someone only when it names whom it is aimed at: "I
        // threatened him", "threatened to take her phone"; "I threatened to turn the wifi off"
        // names no one.
        if !about_writer && !aimed_at_someone(r, i) {
            continue;
        }
        harm.note(who, about_writer, !about_writer);
    }
    dependents(r, harm);
    for (start, n) in t.outcomes.all(r.s) {
        let phrase = &r.s.words[start..start + n];
        // "she'd be sorry to miss the party" is regret, not a threat.
        if phrase.last().is_some_and(|w| w == "sorry")
            && matches!(r.word(start + n), "to" | "for" | "about" | "that")
        {
            continue;
        }
        // "take the kids to the park so I could rest" is an errand, not a threat.
        let errand = phrase
            .last()
            .is_some_and(|w| matches!(w.as_str(), "kids" | "children"))
            && matches!(r.word(start + n), "to" | "for" | "out" | "swimming")
            && !r
                .s
                .words
                .iter()
                .any(|w| matches!(w.as_str(), "away" | "never" | "from"));
        if errand {
            continue;
        }
        // "never see the kids" and "no one would find…" befall the writer.
        let mine = phrase
            .iter()
            .any(|w| matches!(w.as_str(), "me" | "my" | "i"))
            || matches!(
                phrase[0].as_str(),
                "never" | "no" | "nobody" | "be" | "regret"
            );
        let themselves = phrase
            .iter()
            .any(|w| matches!(w.as_str(), "himself" | "herself" | "themselves"));
        let subject = r.subject(start);
        let bound = r.condition || r.reported_before(start) || subject.modal;
        if subject.negated || !bound || themselves && !(r.condition || t.words.any(r.s)) {
            continue;
        }
        // "I told him he'd never see the kids": the writer's own threat, whoever it befalls.
        if r.reporter(start) == Some(Who::Writer) && !themselves {
            harm.harming = true;
            continue;
        }
        match subject.who {
            Who::Partner | Who::Other => harm.harmed = true,
            Who::Writer if mine => harm.harmed |= r.condition || r.reported_before(start),
            Who::Writer => harm.harming = true,
            _ => {
                harm.harmed |=
                    mine || r.reported_before(start) || phrase[0] == "no" || phrase[0] == "nobody"
            }
        }
    }
    if t.unsafe_at_home.any(r.s) {
        harm.harmed = true;
    }
    for (start, n) in t.named.all(r.s) {
        let excluded = t
            .not_named
            .find(r.s, start.saturating_sub(2), start + n)
            .is_some();
        if excluded || r.negated_before(start) {
            continue;
        }
        match r.clause_subject(start) {
            Who::Writer => harm.harming = true,
            _ => harm.harmed = true,
        }
    }
}

/// Whether a threat at `i` names the one it is aimed at, in its own clause: a person after it
/// ("threatened her"), or one named in what is threatened ("to take his keys").
fn aimed_at_someone(r: &Reader, i: usize) -> bool {
    let people = &r.w.people;
    (i + 1..r.s.len())
        .take_while(|&k| r.s.same_clause(i, k))
        .take(12)
        .any(|k| {
            let w = r.word(k);
            matches!(w, "him" | "her" | "them" | "his" | "their" | "you" | "your")
                || people.victims.has(w)
                || people.partners.has(w)
                || r.is_name(k)
        })
}

/// "he'll hurt the dog if I leave", "I said I'd hurt her cat": harm threatened to those the
/// writer (or the partner) loves, bound to a condition, a report or a future.
fn dependents(r: &Reader, harm: &mut Harm) {
    for v in 0..r.s.len() {
        let Some(g) = r.violence[v] else { continue };
        if !matches!(
            r.w.violence[g].needs,
            Needs::Physical | Needs::Threat | Needs::Nothing
        ) {
            continue;
        }
        let k = v + 1;
        if !matches!(r.word(k), "the" | "my" | "our" | "her" | "his")
            || !r.w.threats.dependents.has(r.word(k + 1))
        {
            continue;
        }
        let subject = r.subject(v);
        let bound = r.condition || r.reported_before(v) || subject.modal;
        if subject.negated || !bound || r.games || r.humour {
            continue;
        }
        let by_writer = subject.who == Who::Writer || r.reporter(v) == Some(Who::Writer);
        match subject.who {
            _ if by_writer => harm.harming = true,
            Who::Partner => harm.harmed = true,
            _ => {}
        }
    }
}

/// Fear of a partner: "I'm afraid of my husband", "scared of what he'll do", "she's afraid of
/// me", "he scares me", "I flinch when he…".
fn fear(r: &Reader, harm: &mut Harm) {
    let f = &r.w.fear;
    for i in 0..r.s.len() {
        let w = r.word(i);
        if !f.words.has(w) {
            continue;
        }
        let who = r.clause_subject(i);
        // "I genuinely feared for my life on the big roundabout" while a daughter learns to drive.
        if r.negated_before(i) || r.humour {
            continue;
        }
        // "I'm afraid to fall asleep before he does"
        if r.word(i + 1) == "to"
            && f.acts.at(r.s, i + 2).is_some()
            && writer_or(who) == Who::Writer
            && partner_named(r)
        {
            harm.harmed = true;
        }
        if w.starts_with("flinch") || w.starts_with("cower") || w.starts_with("hid") {
            let partner_later = (i + 1..r.s.len())
                .any(|k| r.who_at(k) == Some(Who::Partner) || r.w.people.victims.has(r.word(k)));
            let writer_later = (i + 1..r.s.len()).any(|k| matches!(r.word(k), "i" | "me" | "my"));
            match who {
                Who::Writer | Who::Unknown => harm.harmed |= partner_later,
                Who::Partner => harm.harming |= writer_later,
                _ => {}
            }
            continue;
        }
        if r.word(i + 1) == "of" {
            let k = i + 2;
            let person_at = |k: usize| {
                let x = r.word(k);
                r.w.people.victims.has(x)
                    || r.w.people.partners.has(x) && !matches!(x, "he" | "she" | "they")
                    || r.is_name(k)
            };
            let (person, after) = if r.word(k) == "my" && person_at(k + 1) {
                (true, k + 2)
            } else {
                (person_at(k), k + 1)
            };
            let writer_afraid = writer_or(who) == Who::Writer;
            if person && !r.word(after).ends_with("ing") {
                harm.harmed |= writer_afraid;
            }
            if r.word(k) == "me" && who == Who::Partner {
                harm.harming = true;
            }
            // "scared of what I might do to myself" is the writer's own danger.
            if r.word(k) == "what"
                && r.word(k + 1) != "i"
                && f.what_they_do.find(r.s, k + 2, k + 6).is_some()
            {
                harm.harmed |= writer_afraid;
            }
        }
        if f.for_safety.at(r.s, i + 1).is_some() {
            harm.harmed |= writer_or(who) == Who::Writer;
        }
        let (target, _) = r.object(i);
        harm.note(
            r.subject(i).who,
            target == Target::Writer,
            target == Target::Victim,
        );
    }
}

/// Whether a partner is named anywhere in the sentence (not "they", which may be anyone).
fn partner_named(r: &Reader) -> bool {
    (0..r.s.len()).any(|k| {
        let w = r.word(k);
        matches!(w, "he" | "she" | "him" | "her")
            || w != "they" && r.w.people.partners.has(w)
            || r.w.people.victims.has(w) && w != "them"
    })
}

/// Signs of living in fear of a partner: "I walk on eggshells because of how he reacts", "I
/// hide in the bathroom when he gets like this".
fn fear_signs(r: &Reader, harm: &mut Harm) {
    let f = &r.w.fear;
    if !partner_named(r) {
        return;
    }
    for (start, _) in f.signs.all(r.s) {
        match r.clause_subject(start) {
            Who::Writer | Who::Unknown => harm.harmed = true,
            Who::Partner if r.has_word("me") => harm.harming = true,
            _ => {}
        }
    }
    for i in 0..r.s.len() {
        if f.hide.has(r.word(i))
            && matches!(
                r.word(i + 1),
                "in" | "from" | "under" | "behind" | "upstairs"
            )
            && r.clause_subject(i) == Who::Writer
            && !r.negated_before(i)
            && !r.games
        {
            harm.harmed = true;
        }
    }
}

/// A fear word with no doer named is the writer's ("so scared of him").
fn writer_or(who: Who) -> Who {
    match who {
        Who::Unknown | Who::Writer => Who::Writer,
        other => other,
    }
}

/// Marks on the writer's body where a partner is named: "the bruises on my neck are from him".
fn marks(r: &Reader, harm: &mut Harm) {
    if r.accident || r.games || !r.w.body.marks.any(r.s) {
        return;
    }
    let mine = (0..r.s.len()).any(|i| {
        r.word(i) == "me"
            || r.word(i) == "my" && r.w.body.parts.has(r.word(i + 1))
            || r.word(i) == "from" && r.w.people.victims.has(r.word(i + 1))
            || r.word(i) == "from" && r.word(i + 1) == "my" && r.w.people.victims.has(r.word(i + 2))
    });
    let partner = (0..r.s.len()).any(|i| {
        matches!(r.word(i), "he" | "she" | "him" | "her")
            || r.w.people.partners.has(r.word(i)) && r.word(i) != "they"
    });
    harm.harmed |= mine && partner;
}
