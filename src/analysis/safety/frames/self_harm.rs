//! Self-harm and suicide read as kinds: the writer not being alive or here (in any words for
//! being, under any words for not), a wish that ends in the writer's death or harm, a way
//! weighed (a height, water, exhaust, a ligature, medicines), an injury done to the writer's
//! own body on purpose or with a sharp or hot thing, medicines swallowed by the lot, and the
//! farewells of someone who has decided.

use super::{Classes, classes, writer_in_clause, writer_unwritten};
use crate::analysis::safety::grammar::Reader;
use crate::analysis::safety::text::Sentence;

/// Whether the sentence (with the one after it, for "…and just… not.") speaks of suicide or
/// self-harm in one of the general frames.
pub fn read(r: &Reader, next: Option<&Sentence>) -> bool {
    if r.games || r.humour {
        return false;
    }
    let c = classes();
    not_being(r, c)
        || wished_end(r, c, next)
        || way_weighed(r, c)
        || own_body(r, c)
        || swallowed(r, c)
        || finality(r, c)
        || relapse(r)
}

fn is_neg(w: &str) -> bool {
    matches!(
        w,
        "not" | "no" | "never" | "longer" | "without" | "stop" | "stopped" | "stops" | "nobody"
    )
}

/// "if i just wasnt alive", "stopped believing I'll still be alive to see it", "when I'm not
/// here to see it", "I don't want to exist". Not "this alive", "felt alive", "not living with".
fn not_being(r: &Reader, c: &Classes) -> bool {
    (0..r.s.len()).any(|i| {
        let w = r.word(i);
        if !c.being.has(w) || !writer_in_clause(r, i) {
            return false;
        }
        let prev = r.word(i.wrapping_sub(1));
        if matches!(
            prev,
            "this" | "so" | "more" | "most" | "as" | "truly" | "really" | "feel"
        ) || (i.saturating_sub(4)..i)
            .any(|k| r.word(k).starts_with("feel") || r.word(k) == "felt")
        {
            return false;
        }
        let negated = (0..i)
            .rev()
            .take_while(|&k| r.s.same_clause(k, i))
            .any(|k| is_neg(r.word(k)));
        if !negated {
            return false;
        }
        match w {
            "alive" | "exist" | "existing" | "breathing" => true,
            // "here", "around", "living", "awake": a lasting absence, not a day out.
            _ => {
                let after = r.word(i + 1);
                let lasting = matches!(after, "anymore" | "forever" | "to" | "by" | "for")
                    && !matches!(r.word(i + 2), "work" | "the" | "a" | "dinner" | "lunch")
                    || r.s.words[i + 1..]
                        .iter()
                        .any(|x| x == "anymore" || x == "forever")
                    || r.w.grammar.horizons.find(r.s, i + 1, r.s.len()).is_some();
                let living_with = w == "living"
                    && matches!(after, "with" | "in" | "at" | "together" | "near" | "alone");
                lasting && !living_with
            }
        }
    })
}

/// "Wished the lorry would swerve into me", "hoping my heart just stops", "imagining walking
/// into the sea… letting it take me", "wish i could go to sleep and just… not. forever."
fn wished_end(r: &Reader, c: &Classes, next: Option<&Sentence>) -> bool {
    let Some(w) = (0..r.s.len()).find(|&i| c.wish.has(r.word(i)) && !r.negated_before(i)) else {
        return false;
    };
    let rest = &r.s.words[w + 1..];
    let has = |x: &str| rest.iter().any(|y| y == x);
    let pair = |a: &str, b: &str| rest.windows(2).any(|p| p[0] == a && p[1] == b);
    let into_me = pair("into", "me") || pair("take", "me") || pair("takes", "me");
    let heart = (has("heart") || has("breathing")) && rest.iter().any(|x| x.starts_with("stop"));
    let last = pair("last", "time") && (has("ever") || has("again"));
    let sleep_not = rest.iter().any(|x| x.starts_with("sleep"))
        && (has("forever")
            || pair("and", "not")
            || next.is_some_and(|n| matches!(n.word(0), "not" | "never" | "forever")));
    into_me || heart || last || sleep_not
}

/// A way weighed: a height and a fall, water walked into, an engine in a shut garage, a
/// ligature on the neck or fixed to a banister.
fn way_weighed(r: &Reader, c: &Classes) -> bool {
    let s = r.s;
    let weighed = c.weigh.any(s) || writer_unwritten(r) || r.has_word("i");
    if !weighed {
        return false;
    }
    let height = c.heights.any(s) && c.falls.any(s) && !r.has_word("pool") && !r.has_word("swim");
    let water = c.waters.any(s)
        && (0..s.len()).any(|i| {
            r.word(i).starts_with("walk") && matches!(r.word(i + 1), "into" | "in" | "out")
                || r.word(i) == "drown"
        })
        && (r.has_word("turning")
            || r.has_word("take")
            || r.has_word("back")
            || r.has_word("drown"));
    let exhaust = c.exhaust.any(s) && c.enclosed.any(s);
    let ligature = c.ligatures.find(s, 0, s.len()).is_some_and(|l| {
        !(r.word(l) == "tie" && r.word(l.wrapping_sub(1)) != "a")
            && (r.has_word("noose")
                || c.anchors.any(s)
                    && (r.has_word("loop") || r.has_word("neck") || r.has_word("round")))
    });
    height || water || exhaust || ligature
}

/// The writer's own body hurt on purpose: "Pressed the hot iron against my wrist for as long
/// as I could stand it", "held my hand under the tap on purpose till it blistered", "Used the
/// razor on my thigh again… where nobody would see", "Slapped myself in the face over and over".
fn own_body(r: &Reader, c: &Classes) -> bool {
    let s = r.s;
    let own = (0..s.len()).any(|i| {
        r.word(i) == "myself"
            || r.word(i) == "my"
                && (r.w.body.parts.has(r.word(i + 1)) || r.w.body.parts.has(r.word(i + 2)))
    });
    if !own || !(r.has_word("i") || r.has_word("myself") || writer_unwritten(r)) {
        return false;
    }
    // Someone else's hands: "he held my wrist" is for the harm rules.
    if (0..s.len()).any(|i| matches!(r.word(i), "he" | "she" | "they")) {
        return false;
    }
    let intent = c.intent.any(s);
    let hidden = r.has_word("again") || r.has_word("nobody") || r.has_word("sleeves");
    let tool = (0..s.len()).any(|i| {
        c.instruments.has(r.word(i))
            && !matches!(r.word(i), "tap" | "bath" | "hot" | "boiling" | "glass")
    });
    let deliberate = (0..s.len()).any(|i| {
        let w = r.word(i);
        [
            "press", "held", "hold", "used", "use", "carv", "dug", "scrap", "drag", "ran",
        ]
        .iter()
        .any(|p| w.starts_with(p))
    });
    let blow = (0..s.len()).any(|i| c.force.has(r.word(i))) && r.has_word("myself");
    let grooming = c.grooming.any(s);
    intent && (tool || deliberate || blow || r.w.body.marks.any(s))
        || tool && deliberate && (!grooming && !r.accident || hidden)
        || blow && hidden && !r.accident
}

/// Medicines swallowed by the lot: "Swallowed what was left of Mark's antidepressants",
/// "Counted out everything in the bathroom cabinet". Not "overdosed on chocolate".
fn swallowed(r: &Reader, c: &Classes) -> bool {
    let s = r.s;
    let Some(m) = c.medicines.find(s, 0, s.len()) else {
        return false;
    };
    if r.word(m) == "sleeping" && !matches!(r.word(m + 1), "pills" | "tablets") {
        return false;
    }
    let verb = (0..m).any(|i| {
        let w = r.word(i);
        w.starts_with("swallow")
            || w.starts_with("count")
            || w.starts_with("lined")
            || w.starts_with("stockpil")
            || w.starts_with("hoard")
            || w.starts_with("downed")
            || w == "took" && !r.negated_before(i)
    });
    verb && c.amounts.any(s) && (r.has_word("i") || writer_unwritten(r))
}

/// The end decided, or the farewells of someone who has: "Tonight's the night", "who gets
/// what after I'm gone", "I'm done, not with her, with living", "gave my guitar to Sam… I
/// won't be needing them", "Nothing matters and I'm ready to go".
fn finality(r: &Reader, c: &Classes) -> bool {
    let s = r.s;
    let gone = (0..s.len()).any(|i| {
        r.word(i) == "gone"
            && matches!(r.word(i.wrapping_sub(1)), "am" | "be")
            && (i.saturating_sub(5)..i).any(|k| c.gone_after.at(s, k).is_some())
            && (r.clause_ends(i + 1) || matches!(r.word(i + 1), "and" | "so" | "i"))
    });
    let found = c.finality.find(s, 0, s.len()).is_some_and(|f| {
        let w = r.word(f);
        match w {
            "ready" => c.hopeless.any(s),
            "be" | "need" => (0..f).any(|k| r.word(k).starts_with("gave") || r.word(k) == "given"),
            "tonight" => !matches!(r.word(f + 4), "for" | "of") && !r.has_word("party"),
            "with" => (0..f).any(|k| r.word(k) == "done"),
            "not" | "never" => {
                r.word(f + 1) == "wake"
                    && (c.wish.any(s) || r.has_word("enough") || r.has_word("want"))
                    || r.word(f + 1) == "turning"
            }
            _ => true,
        }
    });
    gone || found
}

/// A run of days without self-harm broken: "Six days without hurting myself and tonight I
/// broke it".
fn relapse(r: &Reader) -> bool {
    let s = r.s;
    let without = (0..s.len()).any(|i| {
        r.word(i) == "without"
            && matches!(r.word(i + 2), "myself")
            && r.word(i + 1).starts_with("hurt")
            || r.word(i) == "without" && r.word(i + 1).starts_with("cut")
    });
    without && (r.has_word("broke") || r.has_word("relapsed") || r.has_word("again"))
}
