//! Harm between partners: violence, threats, control and monitoring, stalking and fear. Each
//! rule finds who does what to whom, and says whether the writer is the one harmed or the one
//! harming.

use super::grammar::{Reader, Target, Who};
use super::words::Needs;

/// What a sentence says about harm between people.
#[derive(Debug, Default, Clone, Copy)]
pub struct Harm {
    pub harmed: bool,
    pub harming: bool,
}

impl Harm {
    /// Records a finding from the doer and the one it is done to.
    fn note(&mut self, who: Who, to_writer: bool, to_victim: bool) {
        match who {
            Who::Partner | Who::Other if to_writer => self.harmed = true,
            Who::Writer if to_victim => self.harming = true,
            _ => {}
        }
    }
}

pub fn read(r: &Reader) -> Harm {
    let mut harm = Harm::default();
    violence(r, &mut harm);
    near_me(r, &mut harm);
    threats(r, &mut harm);
    control(r, &mut harm);
    stalking(r, &mut harm);
    fear(r, &mut harm);
    marks(r, &mut harm);
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
            if idiom_after(r, &group.idioms, c) || subject.could && r.word(c) == "for" {
                continue;
            }
            let done = match group.needs {
                Needs::Nothing | Needs::Place | Needs::At => true,
                Needs::Physical => physical_hurt(r, v, c, target, subject.modal),
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

/// "he punched the wall next to my head": force aimed near the writer, or at the walls.
fn near_me(r: &Reader, harm: &mut Harm) {
    for v in 0..r.s.len() {
        let w = r.word(v);
        let blow = ["punch", "kick", "smash", "hit"]
            .iter()
            .any(|p| w.starts_with(p));
        if !blow || r.subject(v).who != Who::Partner || r.subject(v).negated || r.games {
            continue;
        }
        let near = (v + 1..v + 8).any(|k| {
            matches!(r.word(k), "next" | "beside" | "near" | "past" | "inches")
                && (k + 1..k + 4).any(|j| r.word(j) == "my" || r.word(j) == "me")
        });
        let walls = !w.starts_with("hit")
            && matches!(r.word(v + 1), "the" | "a")
            && matches!(r.word(v + 2), "wall" | "walls" | "door" | "hole" | "window");
        harm.harmed |= near || walls;
    }
}

/// After a passive ("I was pushed by him"): the doer named after "by", or a person by default.
fn by_whom(r: &Reader, from: usize) -> Who {
    match (from..from + 4).find(|&k| r.word(k) == "by" && r.s.same_clause(from - 1, k)) {
        Some(k) => match r.word(k + 1) {
            "my" | "his" | "her" => r.who_at(k + 2).unwrap_or(Who::Unknown),
            _ => r.who_at(k + 1).unwrap_or(Who::Unknown),
        },
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
    if r.reported_before(v) {
        return true;
    }
    let someone_else = r.subject(v).who == Who::Other;
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
        && g.threat_conditions.find(r.s, i + 1, r.s.len()).is_some()
    {
        return true;
    }
    // A parent or a boss who "will kill me" is nearly always a figure of speech.
    !someone_else && !g.trivial.any(r.s)
}

/// "threw a plate at me", "spat at me", "threw me against the wall".
fn thrown(r: &Reader, v: usize, harm: &mut Harm) {
    let subject = r.subject(v);
    let at = (v + 1..v + 8).find(|&k| {
        r.s.same_clause(v, k)
            && matches!(r.word(k), "at" | "on")
            && matches!(r.word(k + 1), "me" | "my" | "him" | "her" | "them")
    });
    if let Some(k) = at {
        let (target, _) = r.object(k);
        harm.note(subject.who, target.writer(), target.victim());
        return;
    }
    let (target, c) = r.object(v);
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
        if subject.negated || leaving {
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
        harm.note(who, about_writer, !about_writer);
    }
    for (start, n) in t.outcomes.all(r.s) {
        let phrase = &r.s.words[start..start + n];
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

/// Control and monitoring: "won't let me see my friends", "takes my money", "checks my
/// location", "controls what I wear", "makes me unlock my phone", "locked me in".
fn control(r: &Reader, harm: &mut Harm) {
    let c = &r.w.control;
    let consent = c.consent.any(r.s);
    for i in 0..r.s.len() {
        let w = r.word(i);
        if w == "let" {
            let subject = r.subject(i);
            let refused = subject.negated || r.word(i.wrapping_sub(2)).starts_with("refus");
            let target = r.person_after(i);
            if refused && c.let_verbs.at(r.s, i + 2).is_some() && subject.who != Who::Other {
                harm.note(
                    subject.who,
                    target == Target::Writer,
                    target == Target::Victim,
                );
            }
        }
        if w == "allowed"
            && matches!(r.word(i.wrapping_sub(1)), "not" | "only")
            && r.word(i + 1) == "to"
            && c.let_verbs.at(r.s, i + 2).is_some()
            && r.clause_subject(i) == Who::Writer
        {
            harm.harmed = true;
        }
        if matches!(w, "allow" | "allows") {
            let subject = r.subject(i);
            let target = r.person_after(i);
            let to = if r.word(i + 1) == "my" { i + 3 } else { i + 2 };
            if subject.negated
                && r.word(to) == "to"
                && c.let_verbs.at(r.s, to + 1).is_some()
                && subject.who != Who::Other
            {
                harm.note(
                    subject.who,
                    target == Target::Writer,
                    target == Target::Victim,
                );
            }
        }
        if let Some(n) = c.take_verbs.at(r.s, i) {
            let mut k = i + n;
            while matches!(r.word(k), "away" | "all") {
                k += 1;
            }
            let whose = r.word(k);
            if let Some(m) = c.take_objects.at(r.s, k + 1)
                && c.not_objects.at(r.s, k + 1 + m).is_none()
            {
                let subject = r.subject(i);
                if !subject.negated && subject.who != Who::Other {
                    harm.note(
                        subject.who,
                        whose == "my",
                        matches!(whose, "her" | "his" | "their"),
                    );
                }
            }
        }
        if let Some(n) = c.check_verbs.at(r.s, i) {
            let mut k = i + n;
            while matches!(r.word(k), "all" | "through" | "on" | "of") {
                k += 1;
            }
            let mut whose = r.word(k);
            let mut object = c.check_objects.at(r.s, k + 1).is_some();
            if matches!(whose, "every" | "each") && c.check_objects.at(r.s, k + 1).is_some() {
                // "reads every message I send"
                whose = if r.word(k + 2) == "i" { "my" } else { whose };
                object = true;
            }
            if matches!(whose, "where" | "who" | "what") && r.word(k + 1) == "i" {
                // "checks where I am"
                whose = "my";
                object = true;
            }
            let subject = r.subject(i);
            if consent || subject.negated || subject.in_question(r) {
                continue;
            }
            match subject.who {
                Who::Partner if whose == "my" && object || whose == "everything" => {
                    harm.harmed = true
                }
                Who::Writer if matches!(whose, "her" | "his" | "their") && object => {
                    let strong = ["monitor", "track", "spy", "hack"]
                        .iter()
                        .any(|p| w.starts_with(p));
                    harm.harming |= strong || c.intense.any(r.s);
                }
                _ => {}
            }
        }
        if c.control_verbs.has(w) {
            controlled(r, i, harm);
        }
        if c.make_verbs.has(w) {
            let target = r.person_after(i);
            let k = if r.word(i + 1) == "my" { i + 3 } else { i + 2 };
            let to = if r.word(k) == "to" { k + 1 } else { k };
            let forced =
                w.starts_with("forc") || w.starts_with("coerc") || w.starts_with("pressur");
            let subject = r.subject(i);
            if !subject.negated
                && (forced || c.made_to.at(r.s, to).is_some() || c.made_to.at(r.s, k).is_some())
            {
                harm.note(
                    subject.who,
                    target == Target::Writer,
                    target == Target::Victim,
                );
            }
        }
        if w == "ask"
            && (i.saturating_sub(3)..i)
                .any(|j| matches!(r.word(j), "have" | "has" | "must" | "need" | "got"))
            && c.ask_permission.find(r.s, i + 2, i + 6).is_some()
        {
            let (target, _) = r.object(i);
            harm.harmed |= target == Target::Victim;
        }
    }
    for (start, n) in c.trap.all(r.s) {
        let phrase = &r.s.words[start..start + n];
        let has = |x: &str| phrase.iter().any(|w| w == x);
        let subject = r.subject(start);
        if subject.negated {
            continue;
        }
        let after = r.word(start + n);
        let to_writer = has("me")
            || has("my") && !has("hand")
            || after == "me"
            || !has("her") && !has("him") && !has("my");
        let to_victim = !has("me") && (!has("my") || has("hand")) && after != "me";
        harm.note(
            subject.who,
            to_writer && subject.who != Who::Writer,
            to_victim,
        );
    }
    for (start, n) in c.trap_things.all(r.s) {
        let phrase = &r.s.words[start..start + n];
        let mine = phrase.iter().any(|w| w == "my") || r.word(start + n) == "my";
        let who = match r.word(start.wrapping_sub(1)) {
            "his" | "her" | "their" => Who::Partner,
            "my" => Who::Writer,
            _ => r.clause_subject(start),
        };
        harm.note(
            who,
            mine || !phrase.iter().any(|w| w == "her" || w == "his"),
            !mine,
        );
    }
}

/// "he controls what I wear", "I was controlling her spending".
fn controlled(r: &Reader, i: usize, harm: &mut Harm) {
    let c = &r.w.control;
    let subject = r.subject(i);
    if subject.negated {
        return;
    }
    let mut k = i + 1;
    while matches!(r.word(k), "all" | "over") {
        k += 1;
    }
    let next = r.word(k);
    let wh = matches!(next, "what" | "who" | "where" | "how" | "when" | "whether");
    match subject.who {
        Who::Partner => {
            let about_me = wh && r.word(k + 1) == "i"
                || next == "me"
                || next == "my" && !r.w.body.parts.has(r.word(k + 1))
                || !wh && c.control_objects.has(next)
                || next == "the" && c.control_objects.has(r.word(k + 1));
            harm.harmed |= about_me;
        }
        Who::Writer => {
            let about_them = wh && matches!(r.word(k + 1), "she" | "he" | "they")
                || matches!(next, "her" | "his" | "their" | "him" | "them");
            harm.harming |= about_them;
        }
        _ => {}
    }
}

/// Stalking: turning up at the writer's places, following, messages from new numbers.
fn stalking(r: &Reader, harm: &mut Harm) {
    let st = &r.w.stalking;
    let benign = st.benign.any(r.s);
    for (start, n) in st.appear.all(r.s) {
        let mut subject = r.subject(start);
        if subject.who == Who::Unknown {
            subject.who = r.clause_subject(start);
        }
        if subject.negated || benign || subject.who == Who::Other {
            continue;
        }
        let place = (start + n..start + n + 5).find(|&k| {
            matches!(r.word(k), "my" | "her" | "his" | "their")
                && st.places.at(r.s, k + 1).is_some()
        });
        if let Some(k) = place {
            harm.note(subject.who, r.word(k) == "my", r.word(k) != "my");
        }
    }
    for i in 0..r.s.len() {
        // "he sits in his car outside my house"
        if r.word(i) == "outside"
            && r.word(i + 1) == "my"
            && st.places.at(r.s, i + 2).is_some()
            && !benign
            && r.clause_subject(i) == Who::Partner
        {
            harm.harmed = true;
        }
        if st.follow.has(r.word(i))
            && r.word(i + 1) == "me"
            && st.online.at(r.s, i + 2).is_none()
            && !benign
        {
            let subject = r.subject(i);
            if subject.who == Who::Partner && !subject.negated {
                harm.harmed = true;
            }
        }
    }
    for (start, n) in st.persistent.all(r.s) {
        let phrase = &r.s.words[start..start + n];
        let mine = phrase
            .iter()
            .any(|w| matches!(w.as_str(), "me" | "i" | "my"));
        if st.online.at(r.s, start + n).is_some() || r.negated_before(start) || benign {
            continue;
        }
        match r.clause_subject(start) {
            Who::Partner | Who::Other => harm.harmed = true,
            Who::Writer => harm.harming |= !mine,
            _ => {
                harm.harmed |=
                    phrase[0].starts_with("stalk") || phrase[0] == "fake" || phrase[0] == "new"
            }
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
        if r.negated_before(i) {
            continue;
        }
        if w.starts_with("flinch") || w.starts_with("cower") {
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
            if r.word(k) == "what" && f.what_they_do.find(r.s, k + 2, k + 6).is_some() {
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
    let mine = (0..r.s.len())
        .any(|i| r.word(i) == "me" || r.word(i) == "my" && r.w.body.parts.has(r.word(i + 1)));
    let partner = (0..r.s.len()).any(|i| {
        matches!(r.word(i), "he" | "she" | "him" | "her")
            || r.w.people.partners.has(r.word(i)) && r.word(i) != "they"
    });
    harm.harmed |= mine && partner;
}
