//! The broad recognisers of harm between partners: a partner or an ex as the doer of harm,
//! watching or control with the writer on the receiving end, and the same acts by the writer.

use super::*;

mod control;
mod fear;
mod forbid;

use control::{
    allowed, barred, flood, kept_awake, leverage, must_ask, not_let, posing, price, stopped_from,
    watched_things, whereabouts,
};
use fear::{
    frightening, passive_force, pets, put_down, put_down_phrasal, scared_by, temper_and_fear,
    told_threat,
};

pub fn harm(r: &Reader, harm: &mut Harm) {
    #[cfg(test)]
    if OFF.load(std::sync::atomic::Ordering::Relaxed) {
        return;
    }
    if r.games {
        return;
    }
    let b = broad();
    acts(r, b, harm);
    thrown(r, b, harm);
    price(r, b, harm);
    whereabouts(r, b, harm);
    with_person(r, b, harm);
    put_down(r, b, harm);
    leverage(r, b, harm);
    temper_and_fear(r, b, harm);
    allowed(r, harm);
    frightening(r, b, harm);
    passive_force(r, harm);
    flood(r, b, harm);
    kept_awake(r, harm);
    watched_things(r, b, harm);
    posing(r, b, harm);
    barred(r, b, harm);
    scared_by(r, b, harm);
    not_let(r, harm);
    put_down_phrasal(r, harm);
    stopped_from(r, harm);
    pets(r, harm);
    must_ask(r, b, harm);
    told_threat(r, b, harm);
    forbid::forbidden(r, b, harm);
    forbid::body_as_tool(r, harm);
}

/// A doer and an act of harm, watching or control, with the one it is done to: "he times me",
/// "find him unlocking my phone", "he's been recording my drives", "She controls every
/// penny", "I check her location every twenty minutes", "I deleted her friends' numbers",
/// "I grabbed Priya's arm". Plain harm needs only the one acted on; watching needs a person's
/// private things or a sign of secrecy or constancy; a look needs that sign too.
fn acts(r: &Reader, b: &Broad, harm: &mut Harm) {
    let constant = b.constancy.any(r.s);
    let protective = r.w.context.protective.any(r.s);
    for v in 0..r.s.len() {
        if b.acts.at(r.s, v).is_none() || passive_at(r, v) || r.negated_before(v) {
            continue;
        }
        // "the time she spends", "every time", "stopped asking", "quit going through": a noun,
        // or an act given up.
        if v > 0
            && matches!(
                r.word(v - 1),
                "the"
                    | "a"
                    | "an"
                    | "this"
                    | "that"
                    | "every"
                    | "each"
                    | "my"
                    | "his"
                    | "her"
                    | "our"
                    | "your"
                    | "their"
                    | "some"
                    | "any"
                    | "no"
                    | "less"
                    | "more"
                    | "first"
                    | "last"
                    | "next"
                    | "stopped"
                    | "stop"
                    | "quit"
                    | "quitting"
                    | "stopping"
            )
        {
            continue;
        }
        let who = agent(r, v);
        if !matches!(who, Who::Partner | Who::Writer) {
            continue;
        }
        let (mut side, k) = side_after(r, v);
        if side == Side::Myself {
            continue;
        }
        // Private things found after the verb.
        let private = (v + 1..v + 9)
            .take_while(|&j| r.s.same_clause(v, j))
            .any(|j| b.private.at(r.s, j).is_some());
        if side == Side::None && private && who == Who::Partner && (writer_present(r) || constant) {
            side = Side::Writer;
        }
        // "secretly recording our conversations… to catch him out"
        if side != Side::Victim
            && private
            && who == Who::Writer
            && (v + 1..v + 4).any(|j| r.word(j) == "our")
            && (v + 1..r.s.len()).any(|j| matches!(r.word(j), "him" | "her"))
        {
            side = Side::Victim;
        }
        if side == Side::None {
            continue;
        }
        let verb = r.word(v);
        let plain = b.plain_harm.has(verb);
        if plain {
            // A shove off a wall is force even with a laugh in the sentence.
            let placed = (k + 1..k + 4).any(|j| {
                matches!(r.word(j), "off" | "into" | "against" | "down" | "across")
                    && r.surface_near(j + 1)
            });
            if protective || r.humour && !b.malice.any(r.s) && !placed {
                continue;
            }
            // Force on a body, with a sign that it was force: "grabbed my wrist so hard in the
            // car park there's still a mark", "I grabbed Priya's arm when she tried to leave".
            let body = (k..k + 3).any(|j| r.w.body.parts.has(r.word(j)));
            let airway = (k..k + 3).any(|j| classes().airway.has(r.word(j)));
            let forced = (k + 1..r.s.len()).any(|j| {
                matches!(r.word(j), "hard" | "harder" | "until" | "till" | "tight")
                    || b.fear_response.at(r.s, j).is_some()
                    || classes().force_marks.has(r.word(j))
                    || r.w.body.marks.at(r.s, j).is_some()
            }) || (k + 1..r.s.len()).any(|j| {
                // held back from leaving: "when she tried to leave the room"
                base_of(r.word(j), &["try"]).is_some()
                    && r.word(j + 1) == "to"
                    && base_of(
                        r.word(j + 2),
                        &["leave", "go", "get", "stand", "walk", "run"],
                    )
                    .is_some()
            });
            if !(body && (forced || airway) || placed && r.word(k) == "me") {
                continue;
            }
            // The diary's unwritten doer, acting on the writer's body: someone else.
            let who = match named(r, v) {
                None if side == Side::Writer && opens_at(r, v) => Who::Partner,
                None if side == Side::Writer => continue,
                _ => who,
            };
            note(harm, who, side);
            continue;
        }
        // Fear made in someone, by whoever makes it: "I'm scaring her", "he terrifies me";
        // not a prank ("jumped out and scared her") nor a film.
        if base_of(
            verb,
            &[
                "scare",
                "frighten",
                "terrify",
                "intimidate",
                "terrorise",
                "terrorize",
            ],
        )
        .is_some()
        {
            let prank = [
                "jump", "jumped", "boo", "prank", "surprise", "hid", "mask", "costume",
            ]
            .iter()
            .any(|w| r.has_word(w));
            let made = k == v + 1 && matches!(r.word(k), "me" | "him" | "her" | "them");
            if made && !prank && !r.humour && !r.w.context.media.any(r.s) {
                note(harm, who, side);
            }
            continue;
        }
        if !b.watching.has(verb) || r.humour {
            continue;
        }
        // "I made her cancel her trip", "makes me ask permission"
        if base_of(verb, &["make", "force"]).is_some()
            && matches!(r.word(k), "me" | "him" | "her")
            && k == v + 1
            && b.made_to.at(r.s, k + 1).is_some()
            && ((k + 2..k + 6).any(|j| matches!(r.word(j), "my" | "her" | "his" | "their"))
                || base_of(
                    r.word(k + 1),
                    &[
                        "kneel", "beg", "ask", "account", "sleep", "choose", "unfollow",
                        "unfriend", "block", "delete", "hand", "forward", "transfer", "unlock",
                        "quit",
                    ],
                )
                .is_some())
        {
            note(harm, who, side);
            continue;
        }
        // Making someone do something is read by what they are made to do, above; going is
        // watching only when it goes through something.
        if base_of(verb, &["make", "force"]).is_some()
            || base_of(verb, &["go"]).is_some() && r.word(v + 1) != "through"
        {
            continue;
        }
        // "he times me", not "for the hundredth time whether he…her"
        let direct = k == v + 1 && matches!(r.word(k), "me" | "him" | "her");
        let online = base_of(
            verb,
            &["follow", "watch", "see", "look", "check", "read", "listen"],
        )
        .is_some()
            && (v + 1..v + 8).any(|j| b.online.at(r.s, j).is_some());
        if online {
            continue;
        }
        // "my phone charger"
        if (v + 1..v + 7).any(|j| b.not_private.at(r.s, j).is_some()) {
            continue;
        }
        // "he has to ask me for money": the one obliged to ask is the one controlled, and the
        // one asked holds the control (read by `must_ask`), whatever the act's own roles say.
        let obliged = v >= 2
            && r.word(v - 1) == "to"
            && matches!(r.word(v - 2), "has" | "have" | "had" | "got")
            || v >= 1 && r.word(v - 1) == "must";
        if obliged && base_of(verb, &["ask", "beg", "tell", "show", "account"]).is_some() {
            continue;
        }
        let glance = b.glance.has(verb);
        let errand = base_of(verb, &["take", "keep", "move", "cut", "stop", "make"]).is_some();
        // Papers that say who someone is are never an errand's things: "took my passport".
        let papers = (v + 1..v + 5).any(|j| b.identity.at(r.s, j).is_some());
        if errand && !b.control_cues.any(r.s) && !papers {
            continue;
        }
        let reaches = private
            || direct
                && base_of(
                    verb,
                    &[
                        "time",
                        "inspect",
                        "interrogate",
                        "monitor",
                        "track",
                        "record",
                        "film",
                        "control",
                        "isolate",
                        "frisk",
                        "search",
                        "follow",
                        "question",
                        "photograph",
                        "spy",
                    ],
                )
                .is_some();
        // The writer's look at a partner's things is the doubt mend's readers work through,
        // left to the older rules, unless it is secret or by the minute.
        let enough = if who == Who::Writer && glance && !errand {
            b.covert_cues.any(r.s) || forbid::counted(r)
        } else {
            !glance || constant || errand
        };
        if reaches && enough {
            note(harm, who, side);
        }
    }
}

/// Things thrown in anger: "she throws things when she's angry, … right past my head".
fn thrown(r: &Reader, b: &Broad, harm: &mut Harm) {
    for v in 0..r.s.len() {
        if base_of(r.word(v), &["throw", "hurl", "fling", "chuck"]).is_none() {
            continue;
        }
        let who = agent(r, v);
        // "I threw her clothes out the window": someone's things thrown out.
        let (side, k) = side_after(r, v);
        let owned = matches!(side, Side::Writer | Side::Victim)
            && classes().belongings.at(r.s, k + 1).is_some()
            && (k + 2..k + 5).any(|j| {
                matches!(
                    r.word(j),
                    "out" | "away" | "off" | "bin" | "window" | "street" | "fire"
                )
            });
        if owned {
            note(harm, who, side);
            continue;
        }
        if !(v + 1..v + 4).any(|j| b.things_thrown.at(r.s, j).is_some()) {
            continue;
        }
        let Some(a) = (0..r.s.len()).find(|&i| b.anger.at(r.s, i).is_some()) else {
            continue;
        };
        let toward = (a..a + 4).find_map(|j| match r.word(j) {
            "my" | "me" => Some(Side::Writer),
            "his" | "her" | "him" => Some(Side::Victim),
            _ => None,
        });
        let side = toward.unwrap_or(match who {
            Who::Partner => Side::Writer,
            _ => Side::None,
        });
        note(harm, who, side);
    }
}

/// Force on a thing someone is in or on, or danger made with them in it: "I kicked the chair
/// she was sitting on", "He drove really fast on purpose with me in the car".
fn with_person(r: &Reader, b: &Broad, harm: &mut Harm) {
    let Some(p) = (0..r.s.len()).find(|&i| b.with_person.at(r.s, i).is_some()) else {
        return;
    };
    let side = match r.word(p) {
        "i" | "with" if r.word(p + 1) == "me" || r.word(p) == "i" => Side::Writer,
        "with" if r.word(p + 1) == "the" => Side::Writer,
        _ => Side::Victim,
    };
    let forced = (0..r.s.len())
        .find(|&v| (b.plain_harm.has(r.word(v)) || classes().force.has(r.word(v))) && v < p);
    let malice = b.malice.any(r.s);
    if forced.is_none() && !malice {
        return;
    }
    let v = forced.unwrap_or(0);
    let who = if forced.is_some() {
        agent(r, v)
    } else {
        (0..p).find_map(|i| r.who_at(i)).unwrap_or(Who::Unknown)
    };
    note(harm, who, side);
}
