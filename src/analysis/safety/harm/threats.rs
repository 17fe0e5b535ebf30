//! Threats: who threatens whom, the outcomes threatened, and harm threatened to those the
//! writer (or the partner) loves.
use super::*;

/// Threats named ("he threatened to…"), threatened outcomes ("he'll take the kids", "no one
/// would find my body"), and abuse named outright.
pub(super) fn threats(r: &Reader, harm: &mut Harm) {
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

/// A false accusation threatened by the writer: "if he sees a lawyer I'll tell the police he
/// hit me, even though he never has", "made him sleep in the car and told him I'll call the
/// police and say he hit me". The harm the sentence names is the story the writer threatens to
/// tell, so it is the writer's threat against the partner, not harm done to the writer. A
/// threat to report real violence ("if he touches me again I'll tell the police he hit me")
/// stays harm to the writer, so the sentence must also say the story is untrue or show the
/// writer's own hold over the partner.
pub(super) fn false_accusation(r: &Reader) -> bool {
    let n = r.s.len();
    let untrue = (0..n).any(|k| {
        matches!(
            (r.word(k), r.word(k + 1)),
            ("never", "has" | "did" | "touched" | "laid")
                | ("even", "though")
                | ("make", "up")
                | ("made", "him" | "her" | "up")
                | ("lie", _)
                | ("pretend", _)
                | ("false", _)
        )
    });
    if !untrue {
        return false;
    }
    (0..n).any(|v| {
        if !matches!(r.word(v), "say" | "tell" | "claim" | "report") {
            return false;
        }
        // The writer's future or conditional telling: "i will … say", "i would tell".
        let from = v.saturating_sub(6);
        let future = (from..v).any(|k| {
            r.word(k) == "i" && matches!(r.word(k + 1), "will" | "would" | "am" | "could")
        });
        if !future {
            return false;
        }
        // What is told: a partner's violence to the writer, within the next few words.
        (v + 1..(v + 6).min(n)).any(|k| {
            r.violence[k].is_some()
                && matches!(r.word(k.wrapping_sub(1)), "he" | "she" | "they")
                && r.word(k + 1) == "me"
        })
    })
}
