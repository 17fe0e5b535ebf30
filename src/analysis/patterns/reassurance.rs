//! Needing reassurance by a sentence's shape: a question about love or staying, asking to
//! be told or promised, a question put to the partner.

use crate::analysis::matcher::Hit;
use crate::analysis::reading::Class;
use crate::analysis::tokens::Tokens;
use crate::analysis::words::{self, Who};

use super::{ahead, hit};

/// What a question about the two of them asks: love, staying or leaving, wanting, being
/// attracted, happy or bored with the writer.
pub(super) fn is_about_us(w: &str) -> bool {
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
pub(super) fn asked_about_us(t: &Tokens, i: usize, group: u32) -> Option<Hit> {
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

/// Words that ask to be told, held or promised something: "tell", "say", "promise", "hold".
pub(super) fn is_telling(w: &str) -> bool {
    matches!(
        w,
        "tell" | "say" | "promise" | "swear" | "hold" | "hug" | "reassure" | "prove" | "remind"
    )
}

/// What makes a request to be told something a request for reassurance: love, staying, still,
/// being enough, being okay, it being over.
pub(super) fn is_reassuring(w: &str) -> bool {
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
pub(super) fn asked_for_words(t: &Tokens, i: usize, group: u32) -> Option<Hit> {
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
pub(super) fn question_to_partner(t: &Tokens, i: usize, group: u32) -> Option<Hit> {
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
