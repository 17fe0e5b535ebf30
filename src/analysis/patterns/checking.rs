//! Checking up on a partner by a sentence's shape: a look into someone's things, asking
//! around about where the partner was, going to see for oneself.

use crate::analysis::matcher::Hit;
use crate::analysis::reading::Class;
use crate::analysis::tokens::Tokens;
use crate::analysis::words::{self, Who};

use super::{ahead, hit};

/// Things of a person's that someone checks: their phone and what is on it, their pockets.
pub(super) fn is_private_thing(w: &str) -> bool {
    matches!(
        w,
        "phone"
            | "messages"
            | "texts"
            | "emails"
            | "email"
            | "inbox"
            | "dms"
            | "chats"
            | "likes"
            | "follows"
            | "following"
            | "followers"
            | "activity"
            | "history"
            | "location"
            | "account"
            | "accounts"
            | "app"
            | "apps"
            | "profile"
            | "feed"
            | "posts"
            | "photos"
            | "pictures"
            | "receipts"
            | "statement"
            | "statements"
            | "pockets"
            | "bag"
            | "wallet"
            | "purse"
            | "calendar"
            | "notifications"
            | "laptop"
            | "computer"
            | "tablet"
            | "ipad"
            | "contacts"
            | "calls"
            | "searches"
            | "tabs"
            | "comments"
            | "mileage"
            | "dot"
            | "car"
            | "glovebox"
            | "diary"
            | "drawers"
            | "stuff"
            | "things"
            | "count"
    )
}

/// "her Spotify activity", "my work emails": a person's own word (his, her, their, my), up to
/// two words, then one of their private things; read as looking (their things) or looking
/// mine (the writer's), which needs a verb of looking before it.
pub(super) fn looked_at(t: &Tokens, i: usize, group: u32) -> Option<Hit> {
    let w = t.get(i);
    // "went through Marco's messages": a name's things are the partner's.
    let named = t.capital(i)
        && i > 0
        && !t.break_before(i)
        && w.len() > 3
        && w.ends_with("'s")
        && words::who(w).is_none();
    let class = match words::possessor(w) {
        Some(Who::Writer) if w == "my" => Class::LookingMine,
        Some(Who::Partner) if w != "your" => Class::Looking,
        None if named => Class::Looking,
        _ => return None,
    };
    let thing = ahead(t, i, 3).find(|&k| is_private_thing(t.get(k)));
    // "logging into his Amazon", "checked her car's dashcam": a verb that can only mean
    // checking takes any of their things.
    let k = match thing {
        Some(k) => k,
        None if checks_into(t, i) => ahead(t, i, 1).next()?,
        None => return None,
    };
    if (i + 1..k).any(|m| t.clause_before(m) || words::who(t.get(m)).is_some()) {
        return None;
    }
    Some(hit(t, i, k + 1, group, class))
}

/// A verb right before a possessive (`i`) that looks into a person's things whatever they
/// are: "checking his Spotify", "went through her car", "logging into his Amazon", "looked at
/// his Strava to see if …".
pub(super) fn checks_into(t: &Tokens, i: usize) -> bool {
    if i == 0 || t.break_before(i) || t.clause_before(i) {
        return false;
    }
    let v = t.get(i - 1);
    let before = if i >= 2 && !t.break_before(i - 1) {
        t.get(i - 2)
    } else {
        ""
    };
    let strong = [
        "scroll", "snoop", "track", "monitor", "stalk", "spy", "rifl",
    ];
    if strong.iter().any(|p| v.starts_with(p)) {
        return true;
    }
    // "checking his Spotify to see …", "checked her car's dashcam": checking takes an app or
    // a thing of theirs named with care; "checked his homework" is no checking up.
    let purpose = || {
        ahead(t, i, 6).any(|k| {
            t.get(k) == "to"
                && ahead(t, k, 1)
                    .next()
                    .is_some_and(|n| matches!(t.get(n), "see" | "check" | "make" | "find"))
        })
    };
    let named = || {
        ahead(t, i, 1)
            .next()
            .is_some_and(|k| t.capital(k) || t.get(k).ends_with("'s"))
    };
    if v.starts_with("check") {
        return named() || purpose();
    }
    // "opened his Venmo", "went on her Hinge", "read his Snapchat": an app by its name after
    // any verb of looking, not a person ("watched his Dad").
    let app = || {
        ahead(t, i, 1).next().is_some_and(|k| {
            let w = t.get(k);
            t.capital(k)
                && !w.ends_with("'s")
                && words::who(w).is_none()
                && !words::is_other_person(w)
        })
    };
    if (words::looks(v) || (v == "on" && words::looks(before))) && app() {
        return true;
    }
    match v {
        "through" => [
            "went", "go", "goes", "going", "gone", "dig", "scroll", "search", "look",
        ]
        .iter()
        .any(|p| before.starts_with(p)),
        "into" => ["log", "hack", "got", "get", "broke", "dug"]
            .iter()
            .any(|p| before.starts_with(p)),
        // "looked at his Strava to see if the run was really where he said"
        "at" if before.starts_with("look") => purpose(),
        _ => false,
    }
}

/// "I asked his brother whether he was really there": asking someone of the partner's
/// whether the partner really was where they said. Read as checking.
pub(super) fn asked_around(t: &Tokens, i: usize, group: u32) -> Option<Hit> {
    if !matches!(
        t.get(i),
        "asked" | "ask" | "asking" | "asks" | "rang" | "texted" | "called" | "phoned" | "messaged"
    ) {
        return None;
    }
    // "she rang him to check", "rings me at work to check I'm there".
    if matches!(
        t.get(i),
        "rang" | "called" | "texted" | "rings" | "calls" | "texts" | "ring" | "call" | "phoned"
    ) && let Some(to) = ahead(t, i, 4).find(|&k| t.get(k) == "to")
        && ahead(t, to, 1).next().is_some_and(|n| t.get(n) == "check")
    {
        return Some(hit(t, i, to + 2, group, Class::Sign));
    }
    let mut near = ahead(t, i, 4);
    let whose = near.find(|&k| matches!(t.get(k), "his" | "her" | "their"))?;
    // "his brother", not "her" asked herself.
    let someone = ahead(t, whose, 1).next()?;
    if matches!(t.get(someone), "if" | "whether") {
        return None;
    }
    // "phoned his mate to ask if he was really at the pub"
    let q = ahead(t, someone, 4).find(|&k| matches!(t.get(k), "if" | "whether"))?;
    let really = ahead(t, q, 6).find(|&k| matches!(t.get(k), "really" | "actually"))?;
    Some(hit(t, i, really + 1, group, Class::Sign))
}

/// "Drove past his work to see if his car was there", "opened the banking app to see what he
/// spent": "to see" or "to check", then a question about where the partner really was or what
/// they did. Read as the sign's own words, so whose it is comes from the clause.
pub(super) fn went_to_see(t: &Tokens, i: usize, group: u32) -> Option<Hit> {
    if t.get(i) != "to" {
        return None;
    }
    let see = ahead(t, i, 1).next()?;
    if !matches!(t.get(see), "see" | "check") {
        return None;
    }
    let q = ahead(t, see, 1).next()?;
    let qw = t.get(q);
    if !matches!(qw, "if" | "whether" | "what" | "who" | "where" | "when") {
        return None;
    }
    let partner = ahead(t, q, 2).find(|&k| {
        matches!(
            t.get(k),
            "he" | "she" | "his" | "her" | "he's" | "she's" | "he'd" | "she'd"
        )
    })?;
    let fact = |w: &str| {
        matches!(
            w,
            "was" | "were" | "had" | "did" | "spent" | "been" | "went" | "bought" | "sent"
        ) || (w.len() > 3 && w.ends_with("ed"))
    };
    let found = if matches!(qw, "if" | "whether") {
        ahead(t, partner, 6).any(|k| {
            matches!(
                t.get(k),
                "really" | "actually" | "there" | "where" | "who" | "still" | "home"
            )
        })
    } else {
        let pw = t.get(partner);
        pw.ends_with("'s") || ahead(t, partner, 2).any(|k| fact(t.get(k)))
    };
    found.then(|| hit(t, i, see + 1, group, Class::Sign))
}
