//! Control and watching between partners: asking leave, being kept from people and places,
//! things watched, whereabouts kept, messages by the dozen, a price set on choices.

use super::*;

/// One partner made to ask, show or give up: "she has to ask me", "I had to delete every male
/// contact in my phone while he watched", "She won't give me back my passport".
pub(super) fn must_ask(r: &Reader, b: &Broad, harm: &mut Harm) {
    for i in 0..r.s.len() {
        if !(matches!(r.word(i), "has" | "have" | "had" | "must") && r.word(i + 1) == "to") {
            continue;
        }
        let doer = i.checked_sub(1).map(|j| r.word(j));
        let verb = i + 2;
        if matches!(doer, Some("he" | "she"))
            && base_of(r.word(verb), &["ask", "beg", "tell", "show"]).is_some()
            && r.word(verb + 1) == "me"
        {
            harm.harming = true;
        }
        if doer == Some("i")
            && b.made_to.at(r.s, verb).is_some()
            && !r.has_word("myself")
            && has_partner(r)
        {
            harm.harmed = true;
        }
    }
    for i in 0..r.s.len() {
        if base_of(r.word(i), &["give"]).is_some()
            && (i.saturating_sub(3)..i).any(|j| matches!(r.word(j), "not" | "never"))
            && r.word(i + 1) == "me"
            && (i + 2..i + 6).any(|k| b.private.at(r.s, k).is_some())
            && named(r, i) == Some(Who::Partner)
        {
            harm.harmed = true;
        }
    }
}

/// Someone kept from going or seeing: "I stopped her from going to her mum's funeral".
pub(super) fn stopped_from(r: &Reader, harm: &mut Harm) {
    for v in 0..r.s.len() {
        if base_of(r.word(v), &["stop", "prevent", "ban", "forbid", "keep"]).is_none() {
            continue;
        }
        let side = match r.word(v + 1) {
            "me" => Side::Writer,
            "her" | "him" => Side::Victim,
            _ => continue,
        };
        let going = r.word(v + 2) == "from"
            && matches!(
                r.word(v + 3),
                "going"
                    | "seeing"
                    | "leaving"
                    | "visiting"
                    | "talking"
                    | "working"
                    | "calling"
                    | "meeting"
                    | "driving"
                    | "getting"
                    | "having"
                    | "spending"
                    | "studying"
                    | "wearing"
                    | "attending"
                    | "speaking"
                    | "contacting"
            );
        if going && !r.w.context.protective.any(r.s) {
            note(harm, agent(r, v), side);
        }
    }
}

/// Leaving or going out forbidden to a partner by the writer: "i wouldn't let sarah leave until
/// she unlocked her phone".
pub(super) fn not_let(r: &Reader, harm: &mut Harm) {
    for i in 0..r.s.len() {
        // "I don't give her access to our joint account anymore"
        if base_of(r.word(i), &["give"]).is_some()
            && (i.saturating_sub(3)..i).any(|j| matches!(r.word(j), "not" | "never"))
            // "…if i dont give him my banking login" is the condition of someone else's
            // threat, not the writer's refusal.
            && (i.saturating_sub(5)..i).any(|j| r.word(j) == "i" && !r.writer_in_condition(j))
            && matches!(r.word(i + 1), "her" | "him")
            && (i + 2..i + 7).any(|k| broad().private.at(r.s, k).is_some() || r.word(k) == "access")
        {
            harm.harming = true;
        }
        if r.word(i) != "let"
            || !(i.saturating_sub(3)..i).any(|j| matches!(r.word(j), "not" | "never"))
        {
            continue;
        }
        if !(i.saturating_sub(5)..i).any(|j| r.word(j) == "i") {
            continue;
        }
        let person = r.word(i + 1);
        let verb = r.word(i + 2);
        let victim = matches!(person, "her" | "him")
            || !r.w.grammar.skip.has(person)
                && !matches!(
                    person,
                    "me" | "myself" | "it" | "that" | "this" | "them" | "the" | "go"
                )
                && !r.w.people.others.has(person);
        let goes = base_of(
            verb,
            &[
                "leave", "go", "see", "out", "sleep", "eat", "talk", "call", "drive", "work",
            ],
        )
        .is_some();
        if victim && goes {
            harm.harming = true;
        }
    }
}

/// The writer's permissions, kept by a partner: "He tells me what I'm allowed to eat";
/// walking on eggshells.
pub(super) fn allowed(r: &Reader, harm: &mut Harm) {
    let work = [
        "work", "boss", "manager", "school", "office", "gym", "teacher", "doctor", "rules",
        "policy", "uniform", "hospital", "nurse", "diet", "pool", "library", "landlord",
    ];
    if work.iter().any(|w| r.has_word(w)) {
        return;
    }
    let permitted = (0..r.s.len())
        .any(|i| r.word(i) == "allowed" && (i.saturating_sub(4)..i).any(|j| r.word(j) == "i"));
    let partner = (0..r.s.len())
        .any(|i| matches!(r.who_at(i), Some(Who::Partner)) && !matches!(r.word(i), "they"));
    let ready = broad().escape_ready.any(r.s);
    if permitted && partner || (r.has_word("eggshells") || ready) && writer_present(r) {
        harm.harmed = true;
    }
}

/// The writer's private things watched, in the passive: "my phone gets checked every single
/// night".
pub(super) fn watched_things(r: &Reader, b: &Broad, harm: &mut Harm) {
    for i in 0..r.s.len() {
        if r.word(i) != "my" || b.private.at(r.s, i + 1).is_none() {
            continue;
        }
        let n = b.private.at(r.s, i + 1).unwrap_or(1);
        let aux = i + 1 + n;
        if !matches!(
            r.word(aux),
            "gets" | "is" | "was" | "get" | "got" | "are" | "were"
        ) {
            continue;
        }
        let v = aux + 1;
        let watched = base_of(
            r.word(v),
            &[
                "check", "read", "search", "track", "go", "monitor", "record",
            ],
        )
        .is_some();
        let official = [
            "security", "airport", "customs", "border", "work", "school", "office", "police",
            "gym", "doctor", "hospital", "bank",
        ]
        .iter()
        .any(|w| r.has_word(w));
        if watched && b.constancy.any(r.s) && !r.has_word("i") && !official {
            harm.harmed = true;
        }
    }
}

/// Pretending to be the writer to reach the writer's people, or the writer pretending to be a
/// partner.
pub(super) fn posing(r: &Reader, b: &Broad, harm: &mut Harm) {
    let Some(p) = (0..r.s.len()).find(|&i| b.impersonation.at(r.s, i).is_some()) else {
        return;
    };
    let n = b.impersonation.at(r.s, p).unwrap_or(1);
    let side = if r.word(p + n - 1) == "me" {
        Side::Writer
    } else {
        Side::Victim
    };
    let who = (0..p)
        .rev()
        .find_map(|j| r.who_at(j))
        .unwrap_or(Who::Unknown);
    note(harm, who, side);
}

/// The writer's whereabouts kept by an ex or a partner after a parting, or watched: "since the
/// breakup he's been messaging my friends asking where I am", "My ex knows which gym class I
/// go to and now he's there every Tuesday, staring".
pub(super) fn whereabouts(r: &Reader, b: &Broad, harm: &mut Harm) {
    let someone = has_partner(r) || r.has_word("him") || r.has_word("her");
    if !b.whereabouts.any(r.s) || !(someone || classes().breakup.any(r.s)) {
        return;
    }
    let parted = classes().breakup.any(r.s)
        || b.constancy.any(r.s)
        || r.has_word("keeps")
        || r.has_word("friends")
        || r.has_word("staring");
    if !parted {
        return;
    }
    // Whose whereabouts are kept decides whose harm it is: "he knows where I go" is the
    // writer's; "I parked outside her flat again" is the writer's doing.
    for i in 0..r.s.len() {
        let Some(n) = b.whereabouts.at(r.s, i) else {
            continue;
        };
        // "outside my ex's flat" is the ex's place, not the writer's.
        let around =
            |ws: &[&str]| (i..i + n + 2).any(|k| ws.contains(&r.word(k)) && !r.my_persons(k));
        let writers = around(&["i", "my", "me", "you", "your"]);
        let victims = around(&["her", "his", "him", "their", "them"])
            || (i..i + n + 2).any(|k| r.my_persons(k));
        if r.clause_subject(i) == Who::Writer && victims && !writers {
            harm.harming = true;
        } else {
            harm.harmed = true;
        }
    }
}

/// Messages or calls by the dozen: "I sent him 60 texts in an hour", "he rang me forty times".
pub(super) fn flood(r: &Reader, b: &Broad, harm: &mut Harm) {
    for i in 0..r.s.len() {
        let w = r.word(i);
        let many = w.parse::<u32>().is_ok_and(|n| n >= 20) || b.flood_counts.at(r.s, i).is_some();
        // Calls out of worry are not a flood.
        let worried = [
            "worried",
            "worry",
            "emergency",
            "hospital",
            "missing",
            "panicking",
            "christmas",
            "birthday",
        ]
        .iter()
        .any(|x| r.has_word(x));
        let window = [
            "hour",
            "day",
            "night",
            "overnight",
            "row",
            "morning",
            "reply",
            "replied",
            "answer",
            "answered",
            "blocked",
            "since",
        ]
        .iter()
        .any(|x| r.has_word(x));
        if worried || !window {
            continue;
        }
        if !many || !(i + 1..i + 4).any(|k| b.flood_units.at(r.s, k).is_some()) {
            continue;
        }
        let Some(v) = (0..i).rev().find(|&v| {
            base_of(
                r.word(v),
                &[
                    "send", "text", "call", "ring", "message", "leave", "email", "phone",
                ],
            )
            .is_some()
        }) else {
            continue;
        };
        let (side, _) = side_after(r, v);
        note(harm, agent(r, v), side);
    }
}

/// Sleep kept from the writer: "kept me awake till 4am shouting about money".
pub(super) fn kept_awake(r: &Reader, harm: &mut Harm) {
    for v in 0..r.s.len() {
        if base_of(r.word(v), &["keep", "wake"]).is_none() || r.word(v + 1) != "me" {
            continue;
        }
        let awake = matches!(r.word(v + 2), "awake" | "up");
        let anger = (v + 3..r.s.len()).any(|k| {
            matches!(
                r.word(k),
                "shouting" | "screaming" | "yelling" | "arguing" | "interrogating" | "questioning"
            ) || matches!(r.word(k), "till" | "until") && r.word(k + 1).ends_with("am")
        });
        if awake && anger && named(r, v) != Some(Who::Writer) && !r.has_word("baby") {
            harm.harmed = true;
        }
    }
}

/// A way out barred: "every time i go to leave he stands in the doorway".
pub(super) fn barred(r: &Reader, b: &Broad, harm: &mut Harm) {
    let Some(p) = (0..r.s.len()).find(|&i| b.blocking.at(r.s, i).is_some()) else {
        return;
    };
    // Someone's leaving, barred: "when i go to leave", "so she couldn't get out".
    let leaving = (0..r.s.len()).any(|k| {
        base_of(r.word(k), &["leave", "go", "get", "escape", "walk"]).is_some()
            && (k.saturating_sub(4)..k)
                .any(|j| matches!(r.word(j), "i" | "me" | "she" | "he" | "her" | "him"))
    });
    let fond = ["kiss", "hug", "wave", "goodbye", "cuddle", "smile", "joke"]
        .iter()
        .any(|w| r.has_word(w));
    if !leaving || fond || r.w.context.protective.any(r.s) {
        return;
    }
    let who = (0..p).rev().find_map(|j| match r.who_at(j) {
        Some(Who::Writer) if j + 1 < p && r.word(j + 1) == "go" => None,
        other => other,
    });
    match who {
        Some(Who::Partner | Who::Other) => harm.harmed = true,
        Some(Who::Writer)
            if (0..r.s.len()).any(|k| matches!(r.word(k), "she" | "he" | "her" | "him")) =>
        {
            harm.harming = true
        }
        _ => {}
    }
}

/// Something kept to be used against someone: "keeps screenshots of everything I say to use
/// against me".
pub(super) fn leverage(r: &Reader, b: &Broad, harm: &mut Harm) {
    let Some(l) = (0..r.s.len()).find(|&i| b.leverage.at(r.s, i).is_some()) else {
        return;
    };
    let side = if r.word(l + 1) == "me" || r.word(l + 1) == "my" {
        Side::Writer
    } else {
        Side::Victim
    };
    let held = (0..l).find(|&v| {
        base_of(
            r.word(v),
            &[
                "use",
                "hold",
                "keep",
                "save",
                "screenshot",
                "record",
                "film",
                "throw",
                "bring",
            ],
        )
        .is_some()
    });
    if let Some(v) = held {
        note(harm, agent(r, v), side);
    }
}

/// A price set on the writer's choices: "If I don't sleep with him he sulks for days and says
/// I owe him", "if I tell anyone about the marks he'll say I did them myself".
pub(super) fn price(r: &Reader, b: &Broad, harm: &mut Harm) {
    let s = r.s;
    let Some(c) = (0..s.len()).find(|&i| {
        matches!(r.word(i), "if" | "whenever" | "unless")
            && matches!(r.word(i + 1), "i" | "he" | "she" | "you")
            || r.word(i) == "time" && r.word(i + 1) == "i" && i > 0 && r.word(i - 1) == "every"
    }) else {
        return;
    };
    let trivial = r.w.grammar.trivial.any(s);
    // "he took the kids' passports and says I'll never see them if I leave": the partner
    // before the condition, the price anywhere.
    // "if I leave", "if I keep talking back", "if I book that trip"
    let leaving = r.word(c + 1) == "i"
        && (c + 2..c + 5).any(|k| {
            r.w.grammar.threat_conditions.has(r.word(k))
                || base_of(r.word(k), &["book", "visit", "see", "keep", "talk", "go"]).is_some()
        });
    let before = (0..c).any(|j| matches!(r.who_at(j), Some(Who::Partner)) && r.word(j) != "they");
    // The price lies outside the condition: not "asking if I'm going to leave him".
    let cond_end = (c + 2..s.len())
        .find(|&k| {
            r.who_at(k).is_some()
                || !r.s.same_clause(c, k)
                || matches!(r.word(k), "nobody" | "no" | "then")
        })
        .unwrap_or(s.len());
    let priced = (0..s.len()).any(|k| {
        !(c..cond_end).contains(&k) && b.punish.at(s, k).is_some() && !r.negated_before(k)
    });
    // The one who sets the price is the one who says it: "I told her if I leave she'll never
    // see the kids" is the writer's threat.
    let writers_price = r.writer_tells_victim(c);
    if leaving && before && !trivial && priced {
        if writers_price {
            harm.harming = true;
        } else {
            harm.harmed = true;
        }
        return;
    }
    // "I told him if he goes to the party I'll make sure he regrets it": the writer's price.
    let theirs = matches!(r.word(c + 1), "he" | "she" | "you");
    if matches!(r.word(c), "if" | "unless" | "whenever") && theirs && !trivial {
        // Leaving, screaming or sulking is the writer's own; a threat is harm or a price.
        let harmful = |k: usize| {
            b.punish.at(s, k).is_some()
                && base_of(
                    r.word(k),
                    &[
                        "leave", "scream", "shout", "yell", "sulk", "ignore", "not", "silent",
                        "call", "tell", "report",
                    ],
                )
                .is_none()
        };
        let mine = (c + 2..s.len()).any(|j| {
            r.word(j) == "i"
                && matches!(r.word(j + 1), "will" | "would" | "am")
                && (j + 2..(j + 7).min(s.len())).any(harmful)
        });
        if mine {
            harm.harming = true;
        }
        return;
    }
    for j in c + 2..s.len() {
        if !matches!(r.who_at(j), Some(Who::Partner)) || matches!(r.word(j), "they") {
            continue;
        }
        let found = (j + 1..(j + 6).min(s.len())).find(|&k| b.punish.at(s, k).is_some());
        if let Some(k) = found {
            let violent = classes().force.has(r.word(k)) || r.word(k) == "kill";
            if (violent || !trivial) && writers_price {
                harm.harming = true;
            } else if violent || !trivial {
                harm.harmed = true;
            }
        }
        break;
    }
}
