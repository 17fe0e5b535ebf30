//! Signs found by the shape of a sentence rather than by a fixed phrase, where the words
//! between vary too much for a word list: a look at someone's things ("reading her Spotify
//! activity"), a question about love or staying ("asked her if she'll stay"), and a way out of
//! a conversation the other one starts, and what it does to someone to see the partner with
//! someone else ("seeing him laugh with the new girl made my chest go tight") ("whenever she tries to talk about it I start cleaning
//! the kitchen"). Each is added as a match of its sign and then read like any other: whose it
//! is, when, and in which sense.

use super::matcher::Hit;
use super::reading::Class;
use super::tokens::Tokens;
use super::words::{self, Who};

/// The sign groups the patterns add matches to.
#[derive(Debug)]
pub struct Groups {
    pub doubt: u32,
    pub jealousy: u32,
    pub reassurance: u32,
    pub avoidance: u32,
    pub checking: u32,
}

/// Adds the matches the patterns find to `hits` (in text order), leaving out any that overlap
/// a match of the same group already there.
pub fn extend(t: &Tokens, hits: &mut Vec<Hit>, g: &Groups) {
    let mut found = Vec::new();
    // One way out per sentence: "he got up and went to shower" is one.
    let mut sentence = 0;
    let mut way_out_in = None;
    for i in 0..t.len() {
        if i > 0 && t.break_before(i) {
            sentence += 1;
        }
        if let Some(h) = looked_at(t, i, g.checking) {
            found.push(h);
        }
        if let Some(h) = asked_about_us(t, i, g.reassurance) {
            found.push(h);
        }
        if let Some(h) = rival_stings(t, i, g.jealousy) {
            found.push(h);
        }
        if let Some(h) = story_judged(t, i, g.doubt) {
            found.push(h);
        }
        if let Some(h) = asked_around(t, i, g.checking) {
            found.push(h);
        }
        if let Some(h) = went_to_see(t, i, g.checking) {
            found.push(h);
        }
        if let Some(h) = asked_for_words(t, i, g.reassurance) {
            found.push(h);
        }
        if let Some(h) = question_to_partner(t, i, g.reassurance) {
            found.push(h);
        }
        if way_out_in != Some(sentence)
            && let Some(h) = way_out(t, i, g.avoidance)
        {
            way_out_in = Some(sentence);
            found.push(h);
        }
    }
    if found.is_empty() {
        return;
    }
    found.retain(|f| {
        !hits
            .iter()
            .any(|h| h.group == f.group && h.start < f.start + f.len && f.start < h.start + h.len)
    });
    hits.extend(found);
    hits.sort_by_key(|h| h.start);
}

fn hit(t: &Tokens, start: usize, end: usize, group: u32, class: Class) -> Hit {
    Hit {
        start,
        len: end - start,
        group,
        class: class as u8,
        // "I don't go through his things anymore"
        negated: super::matcher::negated(t, start),
    }
}

/// The words up to `n` after `i` within its sentence.
fn ahead(t: &Tokens, i: usize, n: usize) -> impl Iterator<Item = usize> + '_ {
    (i + 1..(i + 1 + n).min(t.len())).take_while(move |&k| !t.break_before(k))
}

/// Things of a person's that someone checks: their phone and what is on it, their pockets.
fn is_private_thing(w: &str) -> bool {
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
fn looked_at(t: &Tokens, i: usize, group: u32) -> Option<Hit> {
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
fn checks_into(t: &Tokens, i: usize) -> bool {
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

/// What a question about the two of them asks: love, staying or leaving, wanting, being
/// attracted, happy or bored with the writer.
fn is_about_us(w: &str) -> bool {
    matches!(
        w,
        "love"
            | "loves"
            | "loved"
            | "stay"
            | "stays"
            | "staying"
            | "leave"
            | "leaving"
            | "attracted"
            | "attractive"
            | "bored"
            | "regret"
            | "regrets"
            | "forgive"
            | "forgiven"
            | "choose"
            | "miss"
            | "misses"
            | "anywhere"
            | "committed"
            | "fancy"
            | "fancies"
            | "else"
    )
}

/// "asked her if she'll stay", "asking him whether he finds me attractive": a verb of asking,
/// then "if" or "whether", a person, and what the question is about (see `is_about_us`) in
/// the words after. Read as `asked`: the sign of whoever asks.
fn asked_about_us(t: &Tokens, i: usize, group: u32) -> Option<Hit> {
    let w = t.get(i);
    if !matches!(w, "if" | "whether") || i == 0 {
        return None;
    }
    let asking = (i.saturating_sub(6)..i)
        .rev()
        .take_while(|&k| !t.break_before(k + 1))
        .any(|k| {
            matches!(
                t.get(k),
                "asked" | "asks" | "ask" | "asking" | "begged" | "texted"
            )
        });
    if !asking {
        return None;
    }
    let person = ahead(t, i, 1).next()?;
    let who = words::who(t.get(person))?;
    // "asked him three times if there's anyone else"
    let there = matches!(t.get(person), "there's" | "there");
    if !matches!(who, Who::Writer | Who::Partner) && !there {
        return None;
    }
    let k = ahead(t, person, 5)
        .take_while(|&k| !t.clause_before(k))
        .find(|&k| is_about_us(t.get(k)))?;
    Some(hit(t, i, k + 1, group, Class::Asked))
}

/// Words that start a conversation: "tries to talk", "brings up", "mentions", "asks about".
fn starts_talk(t: &Tokens, k: usize) -> bool {
    let w = t.get(k);
    let next = ahead(t, k, 1).next().map_or("", |n| t.get(n));
    matches!(
        w,
        "mention" | "mentions" | "mentioned" | "raise" | "raises" | "raised"
    ) || (matches!(w, "bring" | "brings" | "brought" | "bringing")
        && ahead(t, k, 3).any(|n| t.get(n) == "up"))
        || (matches!(w, "ask" | "asks" | "asked") && next == "about")
        || (matches!(w, "talk" | "talking" | "conversation") && k > 0)
}

/// Words that open a clause of "every time": when, whenever, as soon as.
fn opens_when(t: &Tokens, k: usize) -> bool {
    match t.get(k) {
        "when" | "whenever" => true,
        "time" | "moment" | "minute" => k > 0 && matches!(t.get(k - 1), "every" | "each" | "the"),
        "soon" => k > 0 && t.get(k - 1) == "as",
        _ => false,
    }
}

/// A way out: leaving, going off, starting something else, putting something on.
fn way_out_at(t: &Tokens, i: usize) -> Option<usize> {
    let w = t.get(i);
    // The verbs of the match below: most words are none, told before the next is read.
    if !matches!(
        w,
        "go" | "goes"
            | "went"
            | "get"
            | "gets"
            | "got"
            | "storm"
            | "storms"
            | "stormed"
            | "walk"
            | "walks"
            | "walked"
            | "leave"
            | "leaves"
            | "left"
            | "start"
            | "starts"
            | "started"
            | "put"
            | "puts"
            | "pretend"
            | "pretends"
            | "pretended"
            | "pretending"
            | "turn"
            | "turns"
            | "turned"
            | "find"
            | "finds"
            | "found"
            | "pick"
            | "picks"
            | "picked"
            | "grab"
            | "grabs"
            | "grabbed"
    ) {
        return None;
    }
    let next = ahead(t, i, 1).next();
    let nw = next.map_or("", |n| t.get(n));
    let end = match (w, nw) {
        ("go" | "goes" | "went", "for" | "upstairs" | "outside" | "out" | "off" | "to") => {
            next? + 1
        }
        ("get" | "gets" | "got", "up") => next? + 1,
        ("storm" | "storms" | "stormed" | "walk" | "walks" | "walked", "out" | "off" | "away") => {
            next? + 1
        }
        ("leave" | "leaves" | "left", _) => i + 1,
        ("start" | "starts" | "started", n) if n.len() > 4 && n.ends_with("ing") => next? + 1,
        // "put the telly on"
        ("put" | "puts", _) => ahead(t, i, 3).find(|&n| t.get(n) == "on")? + 1,
        ("pretend" | "pretends" | "pretended" | "pretending", "to") => next? + 1,
        ("turn" | "turns" | "turned", "on" | "away" | "up") => next? + 1,
        ("find" | "finds" | "found", "something") => next? + 1,
        ("pick" | "picks" | "picked" | "grab" | "grabs" | "grabbed", _)
            if ahead(t, i, 3).any(|n| t.get(n) == "phone") =>
        {
            i + 1
        }
        _ => return None,
    };
    Some(end)
}

/// "Whenever she tries to talk about the affair I start cleaning the kitchen", "he goes for a
/// drive whenever I bring it up": in one sentence, a clause of "when" or "every time" in
/// which one of them starts to talk, and a way out taken by the other. Read as the sign's own
/// words, so whose it is comes from the clause of the way out.
fn way_out(t: &Tokens, i: usize, group: u32) -> Option<Hit> {
    let end = way_out_at(t, i)?;
    // The sentence around it.
    let (ss, se) = sentence_around(t, i);
    // The "when" clause: a when-word, then within a few words a start of talk, and the way
    // out not inside it.
    let when = (ss..se).find(|&k| opens_when(t, k))?;
    let talk = (when + 1..se.min(when + 8)).find(|&k| starts_talk(t, k))?;
    if (when..=talk + 3).contains(&i) {
        return None;
    }
    // Two people: the one who starts to talk is not the one who leaves.
    let talker = (when + 1..talk).rev().find_map(|k| words::who(t.get(k)))?;
    let leaver = if i > when {
        (talk + 1..i).rev().find_map(|k| words::who(t.get(k)))
    } else {
        (ss..i).rev().find_map(|k| words::who(t.get(k)))
    }?;
    let side = |w: Who| matches!(w, Who::Writer | Who::Partner).then_some(w);
    if side(talker)? == side(leaver)? {
        return None;
    }
    Some(hit(t, i, end, group, Class::Sign))
}

/// Someone the partner may be drawn to: the new girl, a guy at the gym, an ex, a colleague.
fn is_rival(w: &str) -> bool {
    matches!(
        w,
        "woman"
            | "women"
            | "girl"
            | "girls"
            | "girl's"
            | "guy"
            | "guys"
            | "guy's"
            | "man"
            | "men"
            | "ex"
            | "ex's"
            | "coworker"
            | "colleague"
            | "trainer"
            | "instructor"
            | "flatmate"
            | "buddy"
    )
}

/// Where something stings: "it kills me", "I hate how", "I can't stand it", "I felt sick",
/// "my chest went tight", "my stomach drops", "I feel insecure".
fn stings_at(t: &Tokens, i: usize) -> Option<usize> {
    let w = t.get(i);
    // The words around are read only for the few words that need them.
    let prev = || {
        if i > 0 && !t.break_before(i) {
            t.get(i - 1)
        } else {
            ""
        }
    };
    let next = || ahead(t, i, 1).next().map_or("", |n| t.get(n));
    let end = match w {
        "hate" | "hated"
            if matches!(
                next(),
                "it" | "how" | "that" | "when" | "watching" | "seeing"
            ) =>
        {
            i + 1
        }
        "stings" | "stung" | "burns" | "kills" | "killed" | "bothers" | "bugs" | "upsets"
        | "seething" | "seethe" | "fuming" | "livid" | "dreading" | "dread" | "pang" | "pangs" => {
            i + 1
        }
        "green" if words::links(prev()) => i + 1,
        "eats" | "ate" if next() == "at" => i + 2,
        "stand" if matches!(prev(), "can't" | "cant" | "cannot" | "couldn't" | "couldnt") => i + 1,
        "sick" | "insecure" | "threatened" | "small" if words::links(prev()) || prev() == "and" => {
            i + 1
        }
        "chest" | "stomach" | "knot" | "tenses" | "tensed" => i + 1,
        _ => return None,
    };
    Some(end)
}

/// "Seeing him laugh with the new girl at work made my chest go tight", "it kills me that she
/// still follows him": in one sentence, something that stings, the partner, and someone the
/// partner may be drawn to. Read as the sign's own words: whose the sting is comes from its
/// clause (mostly the writer's; "he hates it when I talk to other guys" is his).
fn rival_stings(t: &Tokens, i: usize, group: u32) -> Option<Hit> {
    let end = stings_at(t, i)?;
    let (ss, se) = sentence_around(t, i);
    // Someone drawn to: a rival's word, or a man and a woman both named by pronouns ("it
    // stings every time he laughs at her messages").
    let gender = |k: usize| match t.get(k) {
        "he" | "him" | "his" | "he's" | "he'd" | "himself" => 1u8,
        "she" | "her" | "hers" | "she's" | "she'd" | "herself" => 2,
        _ => 0,
    };
    let genders = (ss..se)
        .filter(|&k| k < i || k >= end)
        .fold(0u8, |g, k| g | gender(k));
    let rival = genders == 3 || (ss..se).any(|k| is_rival(t.get(k)));
    let partner = (ss..se).filter(|&k| k < i || k >= end).any(|k| {
        matches!(
            t.get(k),
            "he" | "she" | "him" | "his" | "her" | "he's" | "she's"
        )
    });
    // "my whole body tenses up": the writer's.
    let start = (i.saturating_sub(3).max(ss)..i)
        .find(|&k| t.get(k) == "my" && !(k + 1..=i).any(|m| t.clause_before(m)))
        .unwrap_or(i);
    let mut h = hit(t, start, end, group, Class::Sign);
    h.negated = super::matcher::negated(t, i);
    // "I can't stand it" is no denial.
    if t.get(i) == "stand" {
        h.negated = false;
    }
    (rival && partner).then_some(h)
}

/// What someone tells as an account of themselves: a story, an excuse, a version of events.
fn is_story(w: &str) -> bool {
    matches!(
        w,
        "story"
            | "stories"
            | "reason"
            | "reasons"
            | "timeline"
            | "details"
            | "excuse"
            | "excuses"
            | "version"
            | "account"
            | "explanation"
            | "explanations"
            | "alibi"
            | "word"
            | "words"
            | "answers"
    )
}

/// Words that judge an account made up: it changes, it is polished, it has gaps.
fn judges_story(w: &str) -> bool {
    matches!(
        w,
        "changing"
            | "changes"
            | "changed"
            | "shifting"
            | "shifts"
            | "polished"
            | "rehearsed"
            | "edited"
            | "scripted"
            | "convenient"
            | "flimsy"
            | "thin"
            | "gaps"
            | "holes"
            | "vague"
            | "neat"
            | "tidy"
            | "inconsistent"
            | "contradicts"
            | "contradicted"
            | "fishy"
            | "dodgy"
            | "weird"
            | "odd"
    )
}

/// "His version of Friday keeps changing", "her excuses sound more polished every week",
/// "whatever excuse he gives, I won't believe it": the partner's account (theirs by a
/// possessive, or told by them), then a word that judges it made up, or its belief denied.
/// The match is the judgment, so whose it is comes from its clause: mostly the writer's.
fn story_judged(t: &Tokens, i: usize, group: u32) -> Option<Hit> {
    let w = t.get(i);
    let denied_belief = w == "believe"
        && (i.saturating_sub(3)..i).any(|k| super::matcher::is_negator(t.get(k)))
        && ahead(t, i, 1).next().is_some_and(|n| t.get(n) == "it");
    let lie = is_lie(t, i);
    if !lie && !judges_story(w) && !denied_belief {
        return None;
    }
    let (ss, _) = sentence_around(t, i);
    // "Sam's 'late shifts' are a lie", "his excuses are all lies": whatever of theirs is
    // called a lie.
    if lie {
        let copula = (i.saturating_sub(3).max(ss)..i)
            .any(|k| matches!(t.get(k), "is" | "are" | "was" | "were" | "sounds" | "sound"));
        let theirs = (ss..i).any(|k| {
            let w = t.get(k);
            matches!(w, "his" | "her" | "their")
                || (t.capital(k) && w.ends_with("'s") && words::who(w).is_none())
        });
        if copula && theirs {
            return Some(hit(t, i, i + 1, group, Class::Sign));
        }
    }
    if !judges_story(w) && !denied_belief {
        return None;
    }
    let story = (ss..i).rev().find(|&k| is_story(t.get(k)))?;
    // "his version", "the story he tells", "every word out of her mouth".
    let theirs = (story.saturating_sub(3).max(ss)..story)
        .any(|k| matches!(t.get(k), "his" | "her" | "their"))
        || ahead(t, story, 3).any(|k| matches!(t.get(k), "he" | "she" | "his" | "her"));
    theirs.then(|| {
        let mut h = hit(t, i, i + 1, group, Class::Sign);
        // "I won't believe it" is the doubt itself, not a denial of it.
        if denied_belief {
            h.negated = false;
        }
        h
    })
}

/// A word that calls an account untrue: "a lie", "all lies", "bullshit", "made up".
fn is_lie(t: &Tokens, i: usize) -> bool {
    match t.get(i) {
        "lie" | "lies" | "bullshit" | "bs" | "rubbish" | "nonsense" | "fiction" | "fake" => true,
        "made" => ahead(t, i, 1).next().is_some_and(|n| t.get(n) == "up"),
        _ => false,
    }
}

/// "I asked his brother whether he was really there": asking someone of the partner's
/// whether the partner really was where they said. Read as checking.
fn asked_around(t: &Tokens, i: usize, group: u32) -> Option<Hit> {
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
fn went_to_see(t: &Tokens, i: usize, group: u32) -> Option<Hit> {
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

/// Words that ask to be told, held or promised something: "tell", "say", "promise", "hold".
fn is_telling(w: &str) -> bool {
    matches!(
        w,
        "tell" | "say" | "promise" | "swear" | "hold" | "hug" | "reassure" | "prove" | "remind"
    )
}

/// What makes a request to be told something a request for reassurance: love, staying, still,
/// being enough, being okay, it being over.
fn is_reassuring(w: &str) -> bool {
    is_about_us(w)
        || matches!(
            w,
            "still"
                | "wants"
                | "want"
                | "enough"
                | "okay"
                | "ok"
                | "alright"
                | "over"
                | "only"
                | "stupid"
                | "crazy"
                | "mad"
                | "sure"
                | "means"
                | "meant"
                | "nothing"
                | "never"
                | "won't"
        )
}

/// "I asked him to hold me and tell me I'm not stupid for staying", "begged Marco to tell me
/// he still wants to try", "need Sam to promise it's over": a verb of asking or needing, the
/// one asked, "to" and a verb of telling or holding, and (unless it is holding) what is to be
/// told is about the two of them. The match is the verb of asking, so the sign is the asker's.
fn asked_for_words(t: &Tokens, i: usize, group: u32) -> Option<Hit> {
    if !matches!(
        t.get(i),
        "asked"
            | "ask"
            | "asking"
            | "asks"
            | "begged"
            | "beg"
            | "begging"
            | "begs"
            | "need"
            | "needed"
            | "needs"
            | "needing"
            | "want"
            | "wanted"
            | "made"
            | "make"
            | "got"
            | "get"
    ) {
        return None;
    }
    let person = ahead(t, i, 1).next()?;
    let pw = t.get(person);
    let named = t.capital(person) && words::who(pw).is_none() && pw != "i";
    if !named && !matches!(words::who(pw), Some(Who::Partner)) || pw.ends_with("'s") {
        return None;
    }
    let to = ahead(t, person, 1).next()?;
    let verb = ahead(t, to, 1).next()?;
    // "made him promise" needs no "to".
    let verb = if t.get(to) == "to" {
        verb
    } else if matches!(t.get(i), "made" | "make") {
        to
    } else {
        return None;
    };
    let v = t.get(verb);
    if !is_telling(v) {
        return None;
    }
    let about = matches!(v, "hold" | "hug" | "reassure" | "promise" | "swear")
        || ahead(t, verb, 8).any(|k| is_reassuring(t.get(k)));
    about.then(|| hit(t, i, i + 1, group, Class::Sign))
}

/// "Every night he asks "are you still in this?"", "texted him: "do you still want this?"":
/// a question put to "you" in quotation marks about still wanting, loving or staying. Read as
/// `Question`: the sign of whoever puts it (the one speaking the quotation).
fn question_to_partner(t: &Tokens, i: usize, group: u32) -> Option<Hit> {
    if !t.quoted(i) || (i > 0 && t.quoted(i - 1) && !t.break_before(i)) {
        return None;
    }
    if !matches!(
        t.get(i),
        "do" | "are" | "will" | "would" | "did" | "have" | "does" | "is" | "can"
    ) {
        return None;
    }
    let you = ahead(t, i, 1).next()?;
    if !t.quoted(you) || !matches!(t.get(you), "you" | "we") {
        return None;
    }
    // "still in this", "still want this", not "still talking to her".
    let still = |k: usize| {
        t.get(k) == "still"
            && ahead(t, k, 1).next().is_some_and(|n| {
                matches!(
                    t.get(n),
                    "want" | "in" | "love" | "here" | "with" | "mine" | "into" | "happy" | "sure"
                )
            })
    };
    let k = ahead(t, you, 5)
        .take_while(|&k| t.quoted(k))
        .find(|&k| is_about_us(t.get(k)) || still(k))?;
    Some(hit(t, i, k + 1, group, Class::Question))
}

/// The sentence token `i` stands in: its first token and the one after its last.
fn sentence_around(t: &Tokens, i: usize) -> (usize, usize) {
    let mut start = i;
    while start > 0 && !t.break_before(start) {
        start -= 1;
    }
    let mut end = i + 1;
    while end < t.len() && !t.break_before(end) {
        end += 1;
    }
    (start, end)
}
