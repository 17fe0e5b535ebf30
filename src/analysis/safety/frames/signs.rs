//! Signs that are told around the harm rather than as it: a cover story for an injury, a
//! threat to expose, contact kept up after a no, a startle at someone's arrival, a door barred
//! against someone, a task made to be done again, a choice taken over, a phone that must be
//! shown, someone who always knows where the writer is. Each says who does it to whom.

use super::{doer, victim_after};
use crate::analysis::safety::grammar::{Reader, Who};
use crate::analysis::safety::harm::Harm;

pub fn read(r: &Reader, harm: &mut Harm) {
    cover_story(r, harm);
    exposure(r, harm);
    after_a_no(r, harm);
    startled(r, harm);
    barred(r, harm);
    made_to(r, harm);
    chooses_for(r, harm);
    must_show(r, harm);
    knows_where(r, harm);
    thrown_and_hit(r, harm);
    so_cannot(r, harm);
    screamed_until(r, harm);
    turning_up(r, harm);
}

/// Whether a partner (a pronoun, a partner word or a name) is named in the sentence.
fn partner_named(r: &Reader) -> bool {
    (0..r.s.len()).any(|k| {
        matches!(r.word(k), "he" | "she" | "him" | "his")
            || r.who_at(k) == Some(Who::Partner) && r.word(k) != "they"
    })
}

/// "Had to tell Mark's mum I walked into a door", "told A&E I caught them in a door".
fn cover_story(r: &Reader, harm: &mut Harm) {
    let s = &r.s.words;
    let told = s.iter().any(|w| {
        matches!(
            w.as_str(),
            "tell" | "told" | "telling" | "say" | "said" | "lied"
        )
    });
    let story = s.windows(3).any(|p| {
        p[0] == "i"
            && (p[1].starts_with("walked") && p[2] == "into"
                || p[1] == "fell" && matches!(p[2].as_str(), "down" | "over" | "off")
                || p[1] == "caught" && p[2] == "them"
                || p[1] == "caught" && p[2] == "it"
                || p[1] == "tripped" && p[2] == "over")
    });
    if told && story && !r.games {
        harm.harmed = true;
    }
}

/// A threat to expose: "said she'd send it to my boss if I left", "I'll make sure everyone
/// knows about his debt", "if she ever leaves I'll put the photos online".
fn exposure(r: &Reader, harm: &mut Harm) {
    for (i, w) in r.s.words.iter().enumerate() {
        let w = w.as_str();
        let spread = matches!(
            w,
            "send" | "post" | "share" | "show" | "put" | "tell" | "leak"
        ) || w == "make" && r.word(i + 1) == "sure" && r.word(i + 2) == "everyone";
        if !spread || r.word(i.wrapping_sub(1)) != "will" && r.word(i.wrapping_sub(1)) != "would" {
            continue;
        }
        let audience = (i + 1..i + 6).any(|k| {
            matches!(
                r.word(k),
                "online"
                    | "everyone"
                    | "boss"
                    | "work"
                    | "family"
                    | "mum"
                    | "parents"
                    | "photos"
                    | "pictures"
                    | "video"
                    | "it"
                    | "facebook"
                    | "instagram"
                    | "kids"
            )
        });
        if !(audience && (r.condition || r.has_word("unless"))) {
            continue;
        }
        match doer(r, i.saturating_sub(1)) {
            Who::Writer => harm.harming = true,
            Who::Partner | Who::Other => harm.harmed = true,
            _ => {}
        }
    }
}

/// Contact kept up after a no: "Kept texting Maya from my work phone after she blocked my
/// personal one", "Sent Laura forty messages last night after she said she needed space".
fn after_a_no(r: &Reader, harm: &mut Harm) {
    let s = &r.s.words;
    let no = s.windows(2).any(|p| {
        matches!(p[0].as_str(), "she" | "he")
            && (p[1].starts_with("block")
                || matches!(
                    p[1].as_str(),
                    "said" | "asked" | "told" | "needed" | "wanted"
                ))
    }) && (r.has_word("blocked")
        || r.has_word("space")
        || r.has_word("stop")
        || r.has_word("contact")
        || r.has_word("alone"));
    if !no {
        return;
    }
    for i in 0..s.len() {
        let w = r.word(i);
        let contact = [
            "text", "messag", "call", "ring", "rang", "email", "sent", "dm",
        ]
        .iter()
        .any(|p| w.starts_with(p));
        if contact && doer(r, i) == Who::Writer && !r.negated_before(i) {
            let to = victim_after(r, i, 4).is_some() || r.is_name(i + 1);
            if to {
                harm.harming = true;
            }
        }
    }
}

/// A startle at someone's coming: "i jump every time i hear his car in the drive".
fn startled(r: &Reader, harm: &mut Harm) {
    let s = &r.s.words;
    let startle = s.iter().any(|w| {
        [
            "jump", "flinch", "freeze", "froze", "shak", "panic", "tense",
        ]
        .iter()
        .any(|p| w.starts_with(p))
    });
    let coming = s.windows(2).any(|p| {
        matches!(p[0].as_str(), "his" | "her")
            && matches!(
                p[1].as_str(),
                "car" | "key" | "keys" | "footsteps" | "voice" | "van" | "truck" | "steps"
            )
    }) || s
        .windows(3)
        .any(|p| matches!(p[0].as_str(), "he" | "she") && p[1] == "comes" && p[2] == "home");
    let hear =
        r.has_word("hear") || r.has_word("heard") || r.has_word("every") || r.has_word("when");
    if startle && coming && hear && r.has_word("i") && !r.games {
        harm.harmed = true;
    }
}

/// A door barred against someone: "I keep the bedroom door jammed with a chair now because of
/// him", "sleep with a knife under the pillow in case he".
fn barred(r: &Reader, harm: &mut Harm) {
    let s = &r.s.words;
    let bar = s.iter().any(|w| {
        ["jammed", "wedged", "barricad", "chair under", "lock myself"]
            .iter()
            .any(|p| w.starts_with(p))
    }) || s.windows(2).any(|p| p[0] == "lock" && p[1] == "myself");
    let because = s.windows(3).any(|p| {
        matches!(p[0].as_str(), "of" | "case" | "from")
            && matches!(p[1].as_str(), "him" | "her" | "he" | "she")
    }) || s.windows(2).any(|p| p[0] == "because" && p[1] == "of") && partner_named(r);
    if bar && because {
        harm.harmed = true;
    }
}

/// A task made to be done again, or watched: "makes me start again while he watches".
fn made_to(r: &Reader, harm: &mut Harm) {
    for i in 0..r.s.len() {
        if !matches!(r.word(i), "makes" | "made" | "make" | "making") || r.word(i + 1) != "me" {
            continue;
        }
        let what = r.word(i + 2);
        let benign = matches!(
            what,
            "laugh"
                | "smile"
                | "feel"
                | "happy"
                | "dinner"
                | "tea"
                | "coffee"
                | "breakfast"
                | "a"
                | "so"
                | "think"
                | "want"
                | "cry"
                | "proud"
                | "better"
                | "realise"
                | "realize"
        );
        let who = doer(r, i);
        let partner = who == Who::Partner || matches!(who, Who::Unknown) && partner_named(r);
        let pressing = (i + 2..r.s.len()).any(|k| {
            matches!(
                r.word(k),
                "again"
                    | "watches"
                    | "watched"
                    | "kneel"
                    | "beg"
                    | "apologise"
                    | "apologize"
                    | "sleep"
                    | "stand"
            )
        });
        if partner && !benign && pressing && who != Who::Writer {
            harm.harmed = true;
        }
    }
}

/// A choice taken over: "He chooses what I wear for work and sends me back upstairs".
fn chooses_for(r: &Reader, harm: &mut Harm) {
    for i in 0..r.s.len() {
        let w = r.word(i);
        let decides = ["choos", "chose", "decide", "pick", "controls", "approve"]
            .iter()
            .any(|p| w.starts_with(p));
        if !decides || !matches!(r.word(i + 1), "what" | "who" | "where" | "when" | "how") {
            continue;
        }
        let k = if r.word(i + 2) == "i" {
            i + 3
        } else {
            continue;
        };
        let life = matches!(
            r.word(k),
            "wear" | "eat" | "see" | "spend" | "say" | "go" | "watch" | "text" | "talk" | "weigh"
        );
        let who = doer(r, i);
        if life && matches!(who, Who::Partner) && !r.negated_before(i) {
            harm.harmed = true;
        }
        if life && who == Who::Writer && matches!(r.word(i + 2), "she" | "he") {
            harm.harming = true;
        }
    }
}

/// A phone that must be shown: "I have to put my phone on the table face up whenever he's in
/// the room", "making her show me the receipts".
fn must_show(r: &Reader, harm: &mut Harm) {
    let s = &r.s.words;
    let things = |from: usize| {
        (from..from + 5).any(|k| {
            matches!(
                r.word(k),
                "phone"
                    | "messages"
                    | "texts"
                    | "receipts"
                    | "location"
                    | "screen"
                    | "emails"
                    | "bank"
            )
        })
    };
    for i in 0..s.len() {
        // "I have to ask for bus fare": money asked of the one who keeps it.
        if r.word(i) == "have"
            && r.word(i + 1) == "to"
            && r.word(i.wrapping_sub(1)) == "i"
            && matches!(r.word(i + 2), "ask" | "beg")
            && (i + 3..i + 7).any(|k| {
                matches!(
                    r.word(k),
                    "money" | "fare" | "cash" | "petrol" | "card" | "allowance"
                )
            })
            && partner_named(r)
        {
            harm.harmed = true;
        }
        if r.word(i) == "have" && r.word(i + 1) == "to" && r.word(i.wrapping_sub(1)) == "i" {
            let act = r.word(i + 2);
            if matches!(
                act,
                "put" | "show" | "hand" | "leave" | "give" | "keep" | "unlock"
            ) && things(i + 3)
                && partner_named(r)
            {
                harm.harmed = true;
            }
        }
        if matches!(r.word(i), "making" | "made" | "make")
            && matches!(r.word(i + 1), "her" | "him")
            && matches!(r.word(i + 2), "show" | "hand" | "give" | "unlock" | "read")
            && things(i + 3)
            && (doer(r, i) == Who::Writer || r.who_at(0) == Some(Who::Writer))
        {
            harm.harming = true;
        }
    }
}

/// Someone who always knows where the writer is: "Every time I go out he texts me a photo of
/// where I'm sitting", "She rings my work… to check I'm actually there", "timed my walk".
fn knows_where(r: &Reader, harm: &mut Harm) {
    let s = &r.s.words;
    let whereabouts = s.windows(2).any(|p| p[0] == "where" && p[1] == "i")
        || s.windows(3)
            .any(|p| p[0] == "check" && p[1] == "i" && p[2] == "am")
        || s.windows(2).any(|p| p[0] == "timed" && p[1] == "my")
        || s.windows(2).any(|p| p[0] == "who" && p[1] == "i");
    if !whereabouts {
        return;
    }
    let watcher = (0..s.len()).find(|&k| {
        let w = r.word(k);
        matches!(
            w,
            "texts"
                | "rings"
                | "calls"
                | "checks"
                | "timed"
                | "sends"
                | "asks"
                | "knows"
                | "tracks"
        ) || w.starts_with("pretend")
    });
    let Some(k) = watcher else {
        return;
    };
    let who = (0..k)
        .rev()
        .find_map(|j| r.who_at(j))
        .unwrap_or(Who::Unknown);
    let asked_why = r.has_word("wanted")
        || r.has_word("every")
        || r.has_word("pretending")
        || r.has_word("timed");
    if who == Who::Partner && asked_why {
        harm.harmed = true;
    }
}

/// A thing thrown that struck: "He threw the remote and it caught me above the eye".
fn thrown_and_hit(r: &Reader, harm: &mut Harm) {
    let s = &r.s.words;
    let Some(t) =
        (0..s.len()).find(|&i| matches!(r.word(i), "threw" | "throws" | "hurled" | "flung"))
    else {
        return;
    };
    let struck = (t + 1..s.len()).find(|&k| {
        r.word(k) == "it"
            && matches!(
                r.word(k + 1),
                "hit" | "caught" | "struck" | "smashed" | "clipped"
            )
    });
    if let Some(k) = struck {
        let who = doer(r, t);
        match r.word(k + 2) {
            "me" | "my" if who.is_person() => harm.harmed = true,
            "him" | "her" | "his" if who == Who::Writer => harm.harming = true,
            _ => {}
        }
    }
}

/// Done so that the other cannot: "Took the battery out of her phone while she slept so she
/// couldn't go out early".
fn so_cannot(r: &Reader, harm: &mut Harm) {
    let s = &r.s.words;
    let Some(so) = (0..s.len()).find(|&i| {
        r.word(i) == "so"
            && matches!(r.word(i + 1), "she" | "he")
            && matches!(r.word(i + 2), "could" | "can" | "would" | "will")
            && r.word(i + 3) == "not"
    }) else {
        return;
    };
    let theirs = (0..so).any(|k| matches!(r.word(k), "her" | "his") && r.word(k + 1) != "own");
    let act = (0..so).find(|&k| {
        let w = r.word(k);
        w.ends_with("ed")
            || matches!(
                w,
                "took" | "hid" | "kept" | "cut" | "broke" | "put" | "stole"
            )
    });
    if let Some(a) = act
        && theirs
        && doer(r, a) == Who::Writer
    {
        harm.harming = true;
    }
}

/// "I screamed at him so close to his face that he was shaking afterwards".
fn screamed_until(r: &Reader, harm: &mut Harm) {
    let s = &r.s.words;
    for i in 0..s.len() {
        let w = r.word(i);
        let loud = ["scream", "shout", "yell", "roar", "bellow"]
            .iter()
            .any(|p| w.starts_with(p));
        if !loud || r.word(i + 1) != "at" || !matches!(r.word(i + 2), "him" | "her") {
            continue;
        }
        let fear = (i + 3..s.len()).any(|k| {
            let x = r.word(k);
            [
                "shak", "shook", "trembl", "flinch", "cower", "terrif", "cried", "crying", "sobb",
            ]
            .iter()
            .any(|p| x.starts_with(p))
        });
        if fear && doer(r, i) == Who::Writer {
            harm.harming = true;
        }
    }
}

/// The writer turning up where a partner is, to watch: "I've started turning up at Ellie's gym
/// to see who she's there with".
fn turning_up(r: &Reader, harm: &mut Harm) {
    let s = &r.s.words;
    let watching = s
        .windows(2)
        .any(|p| p[0] == "see" && matches!(p[1].as_str(), "who" | "what" | "if"))
        || s.windows(2)
            .any(|p| p[0] == "check" && matches!(p[1].as_str(), "who" | "on" | "if"))
        || r.has_word("uninvited");
    if !watching {
        return;
    }
    for i in 0..s.len() {
        let w = r.word(i);
        let there = (w.starts_with("turn") || w.starts_with("show")) && r.word(i + 1) == "up"
            || w.starts_with("wait") && r.word(i + 1) == "outside"
            || w.starts_with("sat") && r.word(i + 1) == "outside";
        if there && doer(r, i) == Who::Writer && (victim_after(r, i + 1, 4).is_some()) {
            harm.harming = true;
        }
    }
}
