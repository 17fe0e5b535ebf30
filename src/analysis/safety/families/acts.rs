//! Harm told in paraphrase, whoever does it to whom: a hand laid on, something done "so I
//! couldn't…", having to report, devices and accounts, put-downs, a court order broken, dread of
//! a partner coming home, being found.

use super::super::grammar::{Reader, Who};
use super::super::harm::Harm;

/// Whether the word at `k` names a partner or the one harmed: a pronoun, a partner's noun, a name.
pub fn person(r: &Reader, k: usize) -> bool {
    let w = r.word(k);
    matches!(w, "him" | "her" | "them" | "he" | "she")
        || r.w.people.partners.has(w) && w != "they"
        || r.w.people.victims.has(w)
        || r.is_name(k)
}

/// The doer of the clause at `i`, with an unwritten doer read as the writer.
pub fn doer(r: &Reader, i: usize) -> Who {
    match r.clause_subject(i) {
        Who::Unknown if r.first_verb_dropped() => Who::Writer,
        who => who,
    }
}

/// Whether a partner (not a parent or a friend) is the doer of something before `i`, even
/// through someone else ("my ex keeps ringing my mum to find out…", "has someone watching").
pub fn partner_before(r: &Reader, i: usize) -> bool {
    (0..i).any(|k| r.who_at(k) == Some(Who::Partner))
        && (0..i).all(|k| r.who_at(k) != Some(Who::Writer))
}

/// "he put his hands on me", "laid a finger on me", "I put my hands on her".
pub fn hands_on(r: &Reader, harm: &mut Harm) {
    for v in 0..r.s.len() {
        if !matches!(
            r.word(v),
            "put" | "puts" | "putting" | "laid" | "lay" | "lays" | "laying"
        ) {
            continue;
        }
        let hand = (v + 1..v + 4).find(|&k| {
            matches!(r.word(k), "hands" | "hand" | "finger" | "fingers")
                && matches!(r.word(k - 1), "his" | "her" | "their" | "my" | "a")
        });
        let Some(h) = hand else { continue };
        let on = matches!(r.word(h + 1), "on" | "around" | "round");
        if !on || r.negated_before(v) || r.games {
            continue;
        }
        let (to_writer, to_victim) = match r.word(h + 2) {
            "me" => (true, false),
            // "put his hand on my belly and felt the baby" is tenderness; force in the same
            // clause says otherwise ("the baby kicks so hard" is the baby's).
            "my" => (
                r.w.body.parts.has(r.word(h + 3))
                    && ((0..r.s.len())
                        .any(|k| r.s.same_clause(v, k) && r.w.body.force.at(r.s, k).is_some())
                        || r.word(h + 1) != "on"),
                false,
            ),
            "her" | "him" | "them" | "his" => (false, true),
            _ => (false, false),
        };
        harm.note(doer(r, v), to_writer, to_victim);
    }
}

/// "He took the SIM card out of my phone so I couldn't ring anyone", "I keep her bank card so
/// she can't waste money", "so she'd have to come crawling back": something done so that the
/// other cannot call, leave, go, see or spend.
pub fn so_cannot(r: &Reader, harm: &mut Harm) {
    const ACTS: &[&str] = &[
        "call", "ring", "phone", "text", "message", "leave", "go", "get", "see", "talk", "speak",
        "contact", "drive", "escape", "work", "use", "pay", "buy", "tell", "reach", "waste",
        "spend", "come", "have", "get", "message", "open", "ask", "sleep", "eat",
    ];
    for i in 0..r.s.len() {
        if r.word(i) != "so" {
            continue;
        }
        let mut k = i + 1;
        if r.word(k) == "that" {
            k += 1;
        }
        let who_then = r.word(k);
        let mut j = k + 1;
        let mut blocked = false;
        while j < k + 5 {
            let w = r.word(j);
            if r.w.grammar.negators.has(w) || w == "never" {
                blocked = true;
            } else if w == "have" || w == "had" || w == "has" {
                blocked |= r.word(j + 1) == "to";
            } else if ACTS.contains(&w) || !r.w.grammar.skip.has(w) && w != "be" && w != "able" {
                // The act barred ("come" is also an auxiliary-like word in the skip list).
                break;
            }
            j += 1;
        }
        // "so I couldn't be late", "so I wouldn't worry": no act of the writer's is barred.
        if !blocked || !ACTS.contains(&r.word(j)) {
            continue;
        }
        // The doer of what came before "so", over the clause break it makes.
        let who = (0..i)
            .rev()
            .find_map(|k| r.who_at(k).filter(|&w| w != Who::Other || k + 1 == i))
            .unwrap_or(Who::Unknown);
        let who = if who == Who::Unknown && r.first_verb_dropped() {
            Who::Writer
        } else {
            who
        };
        match who_then {
            "i" => harm.note(who, true, false),
            "she" | "he" | "they" => harm.note(who, false, true),
            _ => {}
        }
    }
}

/// "i have to tell him where i am every minute", "I have to show her the receipts".
pub fn must_report(r: &Reader, harm: &mut Harm) {
    for i in 0..r.s.len() {
        if !matches!(r.word(i), "have" | "has" | "had") || r.word(i + 1) != "to" {
            continue;
        }
        if !matches!(
            r.word(i + 2),
            "tell" | "text" | "call" | "ring" | "ask" | "show" | "send" | "report" | "check"
        ) {
            continue;
        }
        let partner = person(r, i + 3) || r.word(i + 3) == "my" && person(r, i + 4);
        let cue = (i + 3..i + 9).any(|k| {
            r.word(k) == "where" && r.word(k + 1) == "i"
                || matches!(r.word(k), "permission" | "receipts" | "proof" | "every")
                || r.word(k) == "before" && r.word(k + 1) == "i"
        });
        if partner && cue && doer(r, i) == Who::Writer && !r.negated_before(i) {
            harm.harmed = true;
        }
    }
}

/// "there are cameras in every room and he watches them from work", "Dave put a tracker on my
/// car": devices that watch, with a partner behind them.
pub fn devices(r: &Reader, harm: &mut Harm) {
    const DEVICES: &[&str] = &[
        "camera", "cameras", "tracker", "trackers", "airtag", "spyware", "recorder", "gps", "bug",
        "bugged",
    ];
    let Some(d) = (0..r.s.len()).find(|&i| DEVICES.contains(&r.word(i))) else {
        return;
    };
    let partner = (0..r.s.len()).any(|k| {
        let w = r.word(k);
        matches!(w, "he" | "she") || r.w.people.partners.has(w) && w != "they" || r.is_name(k)
    });
    let watching = (0..r.s.len()).any(|k| {
        let w = r.word(k);
        w.starts_with("watch")
            || w.starts_with("install")
            || w.starts_with("hid")
            || matches!(w, "put" | "planted" | "fitted" | "every" | "my" | "on")
    });
    let shared = r.has_word("we") || r.has_word("share") || r.has_word("both");
    if partner && watching && !shared && !r.negated_before(d) {
        match doer(r, d) {
            Who::Writer => harm.harming = true,
            _ => harm.harmed = true,
        }
    }
}

/// "My ex still has the password to my email and keeps logging in to read it".
pub fn accounts(r: &Reader, harm: &mut Harm) {
    for i in 0..r.s.len() {
        let w = r.word(i);
        let access = w.starts_with("password")
            || w.starts_with("logging") && matches!(r.word(i + 1), "in" | "into")
            || w == "logs" && r.word(i + 1) == "into";
        if !access {
            continue;
        }
        let mine = (i.saturating_sub(2)..i + 4).any(|k| r.word(k) == "my");
        let theirs = (i + 1..i + 4).any(|k| matches!(r.word(k), "her" | "his"));
        let who = doer(r, i);
        // "He asked for my passwords again" is a request, often in rebuilding trust.
        let asked = (i.saturating_sub(4)..i).any(|k| r.word(k).starts_with("ask"));
        if r.negated_before(i) || asked {
            continue;
        }
        match who {
            Who::Partner if mine => harm.harmed = true,
            Who::Writer if theirs && (r.word(i.wrapping_sub(1)) != "my") => {
                harm.harming |= r.s.words.iter().any(|x| {
                    x.starts_with("chang") || x.starts_with("read") || x.starts_with("log")
                })
            }
            _ => {}
        }
    }
}

/// "He tells me nobody else would put up with me", "She tells me I'm imagining it".
pub fn put_downs(r: &Reader, harm: &mut Harm) {
    const DOWNS: &[&[&str]] = &[
        &["nobody", "else", "would"],
        &["no", "one", "else", "would"],
        &["i", "am", "imagining"],
        &["i", "am", "crazy"],
        &["i", "am", "mad"],
        &["i", "am", "insane"],
        &["i", "am", "worthless"],
        &["i", "am", "making", "it", "up"],
        &["i", "am", "nothing", "without"],
        &["i", "will", "never", "find", "anyone"],
        &["never", "find", "anyone", "else"],
        &["i", "will", "find", "you"],
        &["what", "is", "real"],
    ];
    // The one who says it may come before or after: "he said" closes a quotation.
    let told = (0..r.s.len()).find(|&i| {
        matches!(
            r.word(i),
            "tells" | "told" | "says" | "said" | "telling" | "calls"
        ) && r.clause_subject(i) == Who::Partner
    });
    let Some(t) = told else { return };
    let from = if r.word(t + 1) == "me" || r.word(t + 1) == "that" {
        t + 1
    } else {
        0
    };
    let down = (from..r.s.len()).any(|k| {
        DOWNS
            .iter()
            .any(|d| d.iter().enumerate().all(|(n, x)| r.word(k + n) == *x))
    });
    if down && !r.negated_before(t) {
        harm.harmed = true;
    }
}

/// "She keeps finding new ways to contact me even though there's a court order".
pub fn court_order(r: &Reader, harm: &mut Harm) {
    let order = (1..r.s.len()).any(|i| {
        r.word(i) == "order"
            && matches!(
                r.word(i - 1),
                "court" | "restraining" | "protection" | "molestation"
            )
            || r.word(i) == "injunction"
    });
    let partner = (0..r.s.len()).any(|k| matches!(r.word(k), "he" | "she" | "ex" | "him" | "her"));
    let mine = r.has_word("me") || r.has_word("my") || r.has_word("i");
    if order && partner && mine {
        harm.harmed = true;
    }
}

/// "sent me forty messages last night", "rang me thirty times".
pub fn many_messages(r: &Reader, harm: &mut Harm) {
    for i in 0..r.s.len() {
        let n = r.word(i);
        let many = n.parse::<u32>().is_ok_and(|x| x >= 10)
            || matches!(
                n,
                "twenty" | "thirty" | "forty" | "fifty" | "hundred" | "hundreds" | "dozens"
            );
        let what = r.word(i + 1);
        if !many
            || !matches!(
                what,
                "messages" | "texts" | "calls" | "emails" | "times" | "voicemails"
            )
        {
            continue;
        }
        let at_me = (i.saturating_sub(4)..i).any(|k| r.word(k) == "me");
        if at_me && r.clause_subject(i) == Who::Partner && !r.negated_before(i) {
            harm.harmed = true;
        }
    }
}

/// "terrified of what she'll be like when she gets home", "scared of how he'll react".
pub fn dread_of_return(r: &Reader, harm: &mut Harm) {
    for i in 0..r.s.len() {
        if !r.w.fear.words.has(r.word(i)) || r.negated_before(i) {
            continue;
        }
        // "scared of what he'll do", "of how she'll be when she gets home"; not "of what
        // she'll think", which is worry about an opinion.
        let partner_then = (i + 1..i + 5).any(|k| {
            matches!(r.word(k), "what" | "how" | "when")
                && (k + 1..k + 3).any(|j| matches!(r.word(j), "he" | "she"))
                && (k + 2..k + 7).any(|j| {
                    matches!(
                        r.word(j),
                        "do" | "does" | "react" | "reacts" | "happen" | "happens"
                    ) || r.word(j) == "be" && r.word(j + 1) == "like"
                        || matches!(r.word(j), "gets" | "comes") && r.word(j + 1) == "home"
                        || r.word(j).starts_with("find") && r.word(j + 1) == "out"
                })
        });
        if partner_then && matches!(r.clause_subject(i), Who::Writer | Who::Unknown) {
            harm.harmed = true;
        }
    }
}

/// "my ex keeps ringing my mum to find out where im living now", "posted my address".
pub fn find_where(r: &Reader, harm: &mut Harm) {
    for i in 0..r.s.len() {
        let find = matches!(r.word(i), "find" | "finding" | "found" | "work")
            && r.word(i + 1) == "out"
            && r.word(i + 2) == "where"
            && matches!(r.word(i + 3), "i" | "im");
        let posted = matches!(
            r.word(i),
            "posted" | "posts" | "shared" | "shares" | "leaked" | "sent"
        ) && r.word(i + 1) == "my"
            && matches!(
                r.word(i + 2),
                "address" | "nudes" | "photos" | "pictures" | "number"
            );
        if (find || posted) && partner_before(r, i) && !r.negated_before(i) {
            harm.harmed = true;
        }
        // "has someone watching the house", "sat watching my flat"
        if r.word(i).starts_with("watch")
            && matches!(r.word(i + 1), "the" | "my")
            && matches!(
                r.word(i + 2),
                "house" | "flat" | "place" | "door" | "windows"
            )
            && partner_before(r, i)
        {
            harm.harmed = true;
        }
    }
}

/// "She says she'll tell the police I hit her if I don't sign": a threat to accuse the writer.
pub fn accused(r: &Reader, harm: &mut Harm) {
    for i in 0..r.s.len() {
        if !matches!(r.word(i), "tell" | "call" | "ring" | "report") {
            continue;
        }
        let modal = (i.saturating_sub(3)..i)
            .any(|k| r.w.grammar.modals.has(r.word(k)) || r.word(k).starts_with("threat"));
        let authority = (i + 1..i + 4).any(|k| {
            matches!(
                r.word(k),
                "police" | "everyone" | "court" | "judge" | "boss" | "social" | "cops"
            )
        });
        if modal && authority && r.condition && r.clause_subject(i) == Who::Partner {
            harm.harmed = true;
        }
    }
}

/// "checks the mileage to make sure I only went where I said".
pub fn made_sure(r: &Reader, harm: &mut Harm) {
    for i in 0..r.s.len() {
        if !(r.word(i) == "make" && r.word(i + 1) == "sure" && r.word(i + 2) == "i") {
            continue;
        }
        let checked = (i + 3..i + 9).any(|k| {
            matches!(r.word(k), "only" | "where" | "lying" | "really")
                || r.w.grammar.negators.has(r.word(k))
        });
        if checked && partner_before(r, i) {
            harm.harmed = true;
        }
    }
}

/// "i wake up with new marks and he says I fell".
pub fn marks_explained(r: &Reader, harm: &mut Harm) {
    let marked = r.w.body.marks.any(r.s) || r.has_word("marks") || r.has_word("mark");
    if r.games || !marked {
        return;
    }
    // "he says I fell", "tells everyone I walked into a door": the account given for the marks.
    let explained = (0..r.s.len()).any(|i| {
        matches!(r.word(i), "says" | "said" | "tells" | "told" | "claims")
            && r.clause_subject(i) == Who::Partner
            && (i + 1..i + 4).any(|k| {
                r.word(k) == "i"
                    && (k + 1..k + 4).any(|x| {
                        matches!(
                            r.word(x),
                            "fell" | "fall" | "tripped" | "bumped" | "walked" | "clumsy" | "bruise"
                        )
                    })
            })
    });
    harm.harmed |= explained;
}

/// "She locks the fridge and keeps the only key on her", "locks me in".
pub fn locked_away(r: &Reader, harm: &mut Harm) {
    for i in 0..r.s.len() {
        if !r.word(i).starts_with("lock") {
            continue;
        }
        let food = matches!(r.word(i + 1), "the" | "my")
            && matches!(
                r.word(i + 2),
                "fridge" | "food" | "cupboard" | "cupboards" | "phone"
            );
        if food && r.clause_subject(i) == Who::Partner && !r.negated_before(i) {
            harm.harmed = true;
        }
    }
}
