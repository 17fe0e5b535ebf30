//! Control, watching and loss read through their inflections: means of living taken or kept,
//! a private life watched, a price on contact, harm after parting, threats of loss, and bans
//! told.
use super::*;

/// A means of living taken or doled out: "takes my card off me", "took the car keys and my
/// purse and left me", "I'm not allowed my own bank card", "gives me forty quid a week".
pub(super) fn means(r: &Reader, c: &Classes, harm: &mut Harm) {
    let s = r.s;
    // "took my phone off me at dinner as a joke"
    if r.games || r.humour {
        return;
    }
    for v in 0..s.len() {
        // "I asked Sam to hold onto my credit card till payday": a request.
        if !c.take.has(r.word(v))
            || r.negated_before(v)
            || (0..v).any(|k| r.word(k).starts_with("ask"))
        {
            continue;
        }
        let Some(m) = (v + 1..v + 6)
            .take_while(|&k| r.s.same_clause(v, k))
            .find(|&k| c.means.has(r.word(k)))
        else {
            continue;
        };
        // "my phone charger", "my bank card details", "my spare key": not the thing itself.
        if matches!(
            r.word(m + 1),
            "charger" | "case" | "cover" | "details" | "number" | "bill" | "screen" | "contract"
        ) || r.word(m.wrapping_sub(1)) == "spare"
        {
            continue;
        }
        let strong = ![
            "take", "took", "keep", "kept", "hold", "held", "cut", "stop", "remov", "lock",
        ]
        .iter()
        .any(|p| r.word(v).starts_with(p));
        let controlled = strong
            || (m + 1..m + 5).any(|k| {
                matches!(r.word(k), "off" | "away" | "from" | "if" | "unless")
                    || r.word(k) == "for" && r.word(k + 1) == "a"
            })
            || r.has_word("left") && r.has_word("me")
            || r.has_word("every") && r.has_word("if");
        if !controlled {
            continue;
        }
        let owner = (v + 1..m).find(|&k| matches!(r.word(k), "my" | "her" | "his" | "the"));
        let off_me = (m + 1..m + 4).any(|k| matches!(r.word(k), "me") || r.word(k) == "back")
            || r.has_word("left") && r.has_word("me");
        let who = doer(r, v);
        let mine = owner.is_some_and(|o| r.word(o) == "my") || off_me;
        let theirs = owner.is_some_and(|o| matches!(r.word(o), "her" | "his"))
            || r.is_name(m.saturating_sub(1));
        // "took my phone to call his mum" is borrowing: the taking must be to keep or control.
        let borrowed = (m + 1..m + 3).any(|k| r.word(k) == "to") && !off_me;
        if borrowed {
            continue;
        }
        match who {
            Who::Partner | Who::Other if mine => harm.harmed = true,
            Who::Writer if theirs => harm.harming = true,
            _ => {}
        }
    }
    // "not allowed my own card", "only allowed to see"
    for i in 0..s.len() {
        if r.word(i) == "allowed" && matches!(r.word(i.wrapping_sub(1)), "not" | "only") {
            let subj = (0..i).rev().find_map(|k| r.who_at(k));
            let workplace = r.has_word("work")
                || r.has_word("school")
                || r.has_word("office")
                || r.has_word("hospital")
                || r.has_word("doctor")
                || r.has_word("midwife")
                || r.has_word("pregnant");
            let what = (i + 1..i + 4).any(|k| {
                c.means.has(r.word(k)) || c.people_to_see.has(r.word(k)) || r.word(k) == "own"
            });
            if subj == Some(Who::Writer) && what && !workplace {
                harm.harmed = true;
            }
        }
    }
    // An allowance: "he gives me forty quid a week", "she hands me £20".
    for i in 0..s.len() {
        if c.money_units.has(r.word(i))
            && (i.saturating_sub(4)..i)
                .any(|k| matches!(r.word(k), "gives" | "gave" | "hands" | "allows"))
            && (i.saturating_sub(4)..i).any(|k| r.word(k) == "me")
            && (i + 1..i + 4).any(|k| matches!(r.word(k), "week" | "month" | "day"))
            && (matches!(doer(r, i.saturating_sub(3)), Who::Partner | Who::Other)
                || r.has_word("he")
                || r.has_word("she"))
        {
            harm.harmed = true;
        }
    }
}

/// A private life watched: "My husband reads this diary", "put my location on share to his
/// phone", "gets a notification every time I spend", "Checked Sophie's location again… I set the
/// app up on her phone without telling her", "installed a spy app on Hannah's phone". One
/// look at a partner's phone is the doubt mend's readers work through, not this.
pub(super) fn watched(r: &Reader, c: &Classes, harm: &mut Harm) {
    let s = r.s;
    // "He gets a notification every time I spend": the writer's spending watched.
    let alerted = (r.has_word("notification") || r.has_word("alert") || r.has_word("notified"))
        && s.words.windows(3).any(|p| p == ["every", "time", "i"])
        && (r.has_word("he") || r.has_word("she"));
    if alerted {
        harm.harmed = true;
    }
    // "went through my bag and found the leaflet from the refuge": a refuge sought.
    if r.has_word("refuge")
        && (r.has_word("he") || r.has_word("she") || r.has_word("husband") || r.has_word("wife"))
    {
        harm.harmed = true;
    }
    let consent = r.has_word("agreed")
        || r.has_word("both")
        || r.has_word("we") && r.has_word("share")
        || r.has_word("together")
        || r.s.words.windows(2).any(|p| p[0] == "with" && p[1] == "me")
        || r.s
            .words
            .windows(2)
            .any(|p| p[0] == "i" && matches!(p[1].as_str(), "asked" | "showed" | "let"));
    if consent {
        return;
    }
    for v in 0..s.len() {
        if !c.monitor.has(r.word(v)) || r.negated_before(v) {
            continue;
        }
        let Some(p) = (v + 1..v + 8)
            .take_while(|&k| r.s.same_clause(v, k))
            .find(|&k| c.private.has(r.word(k)) || r.word(k) == "notification")
        else {
            continue;
        };
        // "I keep checking whether he's read my messages": a question, not a deed.
        if r.subject(v).in_question(r) {
            continue;
        }
        let who = doer(r, v);
        // "checks the mileage on the car every night"
        let mine = (v + 1..p).any(|k| matches!(r.word(k), "my" | "this" | "me"))
            || r.word(p - 1) == "the" && r.has_word("every");
        let theirs =
            (v + 1..=p).any(|k| matches!(r.word(k), "her" | "his" | "their") || r.is_name(k));
        let covert = c.covert.any(s);
        // What is private beyond a phone: a diary, a journal, a car's mileage. Checking a
        // phone or messages is the doubt mend's readers work through; the older rules weigh it.
        let deep = matches!(
            r.word(p),
            "diary" | "journal" | "notebook" | "mileage" | "odometer" | "notification" | "location"
        );
        // The writer's watching is more than a look when it is by a tool or every night.
        let tooled = [
            "app", "spy", "spyware", "tracker", "airtag", "install", "guess", "secretly",
        ]
        .iter()
        .any(|t| s.words.iter().any(|w| w.starts_with(t)))
            || s.words.windows(2).any(|p| {
                p[0] == "every"
                    && matches!(p[1].as_str(), "night" | "day")
                    && matches!(r.word(v), "read" | "reading" | "reads" | "log" | "logged")
            });
        match who {
            Who::Partner | Who::Other
                if (mine || r.word(p) == "notification") && (deep || covert && tooled) =>
            {
                harm.harmed |= who == Who::Partner
            }
            Who::Writer if theirs && tooled => harm.harming = true,
            _ => {}
        }
    }
}

/// Anger as the price of staying in touch or out of sight: "goes mad if I ever turn it off",
/// "gets angry if i dont answer within a minute".
pub(super) fn price_of_contact(r: &Reader, c: &Classes, harm: &mut Harm) {
    let s = r.s;
    let Some(a) = c.anger.find(s, 0, s.len()) else {
        return;
    };
    let Some(cond) = (a + 1..a + 4).find(|&k| matches!(r.word(k), "if" | "when" | "whenever"))
    else {
        return;
    };
    let me = r.word(cond + 1) == "i";
    let act = (cond + 2..cond + 6).any(|k| c.contact.has(r.word(k)));
    let partner = (0..a).rev().find_map(|k| r.who_at(k));
    if me && act && partner == Some(Who::Partner) {
        harm.harmed = true;
    }
}

/// After a parting, someone turns up or finds where the writer lives: "Saw Callum's car parked
/// at the end of my road again at 2am, three months after we split", "sent to my new address
/// that I never gave Gareth", "Found a tracker… we broke up". And the writer doing it: "I keep
/// turning up at Anya's flat… I just wait outside", "following Zoe to work".
pub(super) fn after_parting(r: &Reader, c: &Classes, harm: &mut Harm) {
    let s = r.s;
    let parted = c.breakup.any(s) || r.has_word("blocked") || r.has_word("contact");
    // Someone else there: not "I'm done waiting".
    let present = (0..s.len()).any(|i| {
        c.presence.at(s, i).is_some()
            && (doer(r, i).is_person()
                || c.presence.at(s, i) > Some(1)
                || matches!(
                    r.word(i),
                    "parcel" | "parcels" | "flowers" | "letter" | "note" | "parked"
                ))
    }) || r.has_word("following")
        || r.has_word("followed");
    let found = c.new_place.any(s) && (r.has_word("never") || r.has_word("not"));
    let tracker = (0..s.len()).any(|i| matches!(r.word(i), "tracker" | "airtag" | "gps"))
        && (r.has_word("found") || r.has_word("under") || r.has_word("my"));
    let unwanted = [
        "again",
        "keeps",
        "every",
        "still",
        "outside",
        "night",
        "am",
        "uninvited",
        "even",
        "months",
        "weeks",
        "told",
        "blocked",
        "end",
    ]
    .iter()
    .any(|w| r.has_word(w));
    let agreed = [
        "agreed", "arranged", "pick", "drop", "time", "planned", "invited", "flowers",
    ]
    .iter()
    .any(|w| r.has_word(w))
        && !r.has_word("am");
    // Who is there: the writer turning up at another's place, or another at the writer's.
    let writer_acts = (0..s.len()).any(|i| {
        let w = r.word(i);
        (w.starts_with("turn")
            || w.starts_with("wait")
            || w.starts_with("follow")
            || w.starts_with("sent")
            || w.starts_with("driv")
            || w == "drove"
            || w == "sat")
            && doer(r, i) == Who::Writer
            && (victim_after(r, i, 6).is_some()
                || (i + 1..i + 8)
                    .any(|k| r.is_name(k) || matches!(r.word(k), "her" | "his" | "ex")))
    });
    // The writer's own visits count when they are not wanted: after a parting, after a no.
    let unwelcome = parted
        || r.has_word("uninvited")
        || r.has_word("midnight")
        || s.words.windows(2).any(|p| p == ["even", "though"])
        || s.words.windows(3).any(|p| p == ["told", "me", "not"]);
    if writer_acts && unwelcome && !agreed && !tracker && !online(r) {
        harm.harming = true;
        return;
    }
    let following_me = (0..s.len())
        .any(|i| r.word(i).starts_with("follow") && r.word(i + 1) == "me" && !online(r))
        && r.has_word("outside")
        && (r.has_word("night") || r.has_word("again"));
    if following_me && !agreed && !r.w.stalking.benign.any(s) {
        harm.harmed = true;
        return;
    }
    if !(parted && present && unwanted && !agreed || found || tracker) {
        // "I've been following Zoe to work in my car": the writer following a partner.
        let follows = (0..s.len()).any(|i| {
            r.word(i).starts_with("follow")
                && doer(r, i) == Who::Writer
                && (r.is_name(i + 1) || matches!(r.word(i + 1), "her" | "him"))
                && !online(r)
        });
        harm.harming |= follows;
        return;
    }
    if tracker {
        // "I put a tracker under the seat of her car"; "Found a tracker under my car".
        let t = (0..s.len())
            .find(|&i| matches!(r.word(i), "tracker" | "airtag" | "gps"))
            .unwrap_or(0);
        // Finding it counts only before the tracker: in "i put a tracker on her car after i
        // found the texts" what was found is something else.
        let placed = (0..t).any(|k| {
            matches!(
                r.word(k),
                "put" | "hid" | "placed" | "installed" | "fitted" | "stuck" | "taped"
            ) && doer(r, k) == Who::Writer
        }) && !(0..t).any(|k| r.word(k) == "found");
        if placed {
            harm.harming = true;
        } else {
            harm.harmed = true;
        }
        return;
    }
    if writer_acts && !tracker {
        harm.harming = true;
    } else if tracker
        || found
        || (0..s.len()).any(|i| matches!(r.word(i), "my" | "me"))
            && (0..s.len()).any(|i| r.is_name(i) || matches!(r.who_at(i), Some(Who::Partner)))
    {
        harm.harmed = true;
    }
}

/// Whether the sentence is about following online ("followed him on Instagram again").
fn online(r: &Reader) -> bool {
    r.s.words.iter().any(|w| {
        matches!(
            w.as_str(),
            "instagram"
                | "twitter"
                | "tiktok"
                | "facebook"
                | "online"
                | "social"
                | "linkedin"
                | "youtube"
                | "strava"
                | "insta"
                | "snapchat"
        )
    })
}

/// A threat of loss, told or reported: "she'd make sure I lost the house and the dog", "next
/// time it'd be my head", "'enjoy your new place while you can'", "texted 'I know where your
/// mum lives'".
pub(super) fn threat_of_loss(r: &Reader, _c: &Classes, harm: &mut Harm) {
    let s = r.s;
    let words = &s.words;
    let menace = words.windows(3).any(|p| p == ["while", "you", "can"])
        || words
            .windows(4)
            .any(|p| p[0] == "know" && p[1] == "where" && p[2] == "your")
        || words
            .windows(4)
            .any(|p| p == ["know", "where", "you", "live"])
        || words.windows(3).any(|p| p == ["watch", "your", "back"]);
    let next_time = words.windows(2).any(|p| p == ["next", "time"])
        && words
            .windows(2)
            .any(|p| p[0] == "be" && matches!(p[1].as_str(), "my" | "me" | "you"));
    let sure = words
        .windows(3)
        .any(|p| p[0] == "make" && p[1] == "sure" && matches!(p[2].as_str(), "i" | "you"))
        && words
            .iter()
            .any(|w| w.starts_with("lo") && (w == "lost" || w == "lose"));
    if !(menace || next_time || sure) {
        return;
    }
    let reporter = (0..s.len())
        .find(|&i| r.w.grammar.reporting.has(r.word(i)) || r.word(i) == "voicemail")
        .map(|i| {
            if r.word(i) == "voicemail"
                || r.word(i.wrapping_sub(1)) == "his"
                || r.word(i.wrapping_sub(1)) == "her"
            {
                Who::Partner
            } else {
                doer(r, i)
            }
        });
    match reporter {
        Some(Who::Writer) => harm.harming = true,
        Some(Who::Partner | Who::Other) => harm.harmed = true,
        _ if r.condition || next_time => harm.harmed = true,
        _ => {}
    }
}

/// The writer's rule over a partner: "Told Rachel she can't see her sister any more", "cut off
/// her phone contract".
pub(super) fn told_cannot(r: &Reader, c: &Classes, harm: &mut Harm) {
    let s = r.s;
    for i in 0..s.len() {
        if !matches!(r.word(i), "told" | "tell" | "telling") || doer(r, i) != Who::Writer {
            continue;
        }
        let to = r.word(i + 1);
        if !(matches!(to, "her" | "him") || r.is_name(i + 1)) {
            continue;
        }
        let Some(rule) = c.rule_words.find(s, i + 2, i + 6) else {
            continue;
        };
        let n = c.rule_words.at(s, rule).unwrap_or(1);
        let what = r.word(rule + n);
        if matches!(
            what,
            "see" | "go" | "have" | "wear" | "talk" | "leave" | "speak" | "visit"
        ) && (rule + n..rule + n + 4).any(|k| {
            c.people_to_see.has(r.word(k)) || matches!(r.word(k), "her" | "his" | "out" | "anyone")
        }) {
            harm.harming = true;
        }
    }
    for i in 0..s.len() {
        if r.word(i) == "cut"
            && r.word(i + 1) == "off"
            && matches!(r.word(i + 2), "her" | "his")
            && doer(r, i) == Who::Writer
        {
            harm.harming = true;
        }
    }
}
