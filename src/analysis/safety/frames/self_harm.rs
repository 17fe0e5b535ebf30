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
        || lethality_sought(r)
        || hidden_marks(r)
        || farewells(r)
        || others_better(r)
        || means_kept(r, c)
}

/// A lethal measure looked up: "Checked what dose would be fatal", "looked up how long it
/// takes for someone to be found".
fn lethality_sought(r: &Reader) -> bool {
    let s = &r.s.words;
    let sought = s.iter().any(|w| {
        [
            "look", "googl", "search", "check", "research", "read up", "work", "calculat", "ask",
        ]
        .iter()
        .any(|p| w.starts_with(p))
    });
    let lethal = s
        .iter()
        .any(|w| matches!(w.as_str(), "fatal" | "lethal" | "deadly" | "painless"))
        || s.windows(3).any(|p| p == ["to", "be", "found"])
        || s.windows(2).any(|p| p[0] == "what" && p[1] == "dose");
    sought && lethal && !r.has_word("dog") && !r.has_word("cat")
}

/// Marks hidden: "wearing long sleeves again even in this heat", "got the cuts on my hips now
/// instead so no one sees them".
fn hidden_marks(r: &Reader) -> bool {
    let s = &r.s.words;
    let sleeves = s.windows(2).any(|p| p[0] == "long" && p[1] == "sleeves")
        && ["again", "heat", "hot", "summer", "why", "still", "even"]
            .iter()
            .any(|w| r.has_word(w));
    let marks = s
        .iter()
        .any(|w| matches!(w.as_str(), "cuts" | "scars" | "burns" | "marks"))
        && s.windows(2).any(|p| p[0] == "on" && p[1] == "my")
        && (s
            .windows(2)
            .any(|p| matches!(p[0].as_str(), "one" | "nobody") && p[1].starts_with("see"))
            || r.has_word("hide")
            || r.has_word("instead")
            || r.has_word("cover"));
    sleeves || marks
}

/// Farewells, two together: letters, a will, a note left, accounts deleted, a pet rehomed.
fn farewells(r: &Reader) -> bool {
    let s = &r.s.words;
    let cues = [
        s.iter().any(|w| w == "letters" || w == "letter"),
        s.windows(2).any(|p| p[0] == "my" && p[1] == "will"),
        s.windows(3)
            .any(|p| p[0] == "with" && p[1] == "a" && p[2] == "note"),
        s.windows(3)
            .any(|p| p[0].starts_with("delet") && p[1] == "all" && p[2] == "my"),
        s.windows(3).any(|p| {
            p[0] == "who"
                && matches!(p[1].as_str(), "could" | "would" | "gets" | "will")
                && matches!(p[2].as_str(), "have" | "take" | "get" | "what")
        }),
        s.iter().any(|w| w == "passwords"),
        s.windows(2)
            .any(|p| p[0].starts_with("gave") && p[1] == "away"),
    ];
    cues.iter().filter(|&&c| c).count() >= 2 && (r.has_word("i") || writer_unwritten(r))
}

/// Others said to be better off: "the kids deserve a better mum than me and… it would be
/// kinder to go", "lighter without me".
fn others_better(r: &Reader) -> bool {
    let s = &r.s.words;
    // "I don't care if I fade away"
    let careless = s.windows(5).any(|p| {
        p[0] == "not"
            && p[1] == "care"
            && p[2] == "if"
            && p[3] == "i"
            && matches!(
                p[4].as_str(),
                "fade" | "die" | "disappear" | "crash" | "never" | "do" | "just"
            )
    });
    if careless {
        return true;
    }
    let better = s.windows(3).any(|p| p[0] == "better" && p[2] == "than") && r.has_word("me")
        || s.windows(2).any(|p| {
            matches!(p[0].as_str(), "lighter" | "happier" | "freer" | "easier") && p[1] == "without"
        }) && r.has_word("me");
    let go = s.windows(3).any(|p| {
        matches!(p[0].as_str(), "kinder" | "better" | "easier")
            && p[1] == "to"
            && matches!(p[2].as_str(), "go" | "leave" | "disappear")
    }) || s.windows(2).any(|p| p[0] == "without" && p[1] == "me");
    better && go
}

/// A means kept ready: "The rope is still in the boot of my car from last time", "looked at
/// the bottle of vodka and the tablets and thought, why not both".
fn means_kept(r: &Reader, c: &Classes) -> bool {
    let s = &r.s.words;
    let ready = s.windows(2).any(|p| p == ["last", "time"]) && r.has_word("still")
        || r.has_word("stash")
        || r.has_word("stashed");
    let means = s.iter().any(|w| {
        matches!(
            w.as_str(),
            "rope" | "noose" | "blade" | "blades" | "razor" | "razors"
        )
    }) || c.medicines.any(r.s);
    let drink = s.iter().any(|w| {
        matches!(
            w.as_str(),
            "vodka" | "whisky" | "whiskey" | "gin" | "wine" | "rum" | "alcohol"
        )
    });
    let weighed = s
        .iter()
        .any(|w| w == "thought" || w == "wondered" || w.starts_with("think"))
        && s.windows(2).any(|p| p[0] == "looked" && p[1] == "at");
    means && ready || drink && c.medicines.any(r.s) && weighed
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
                let lasting = matches!(after, "anymore" | "forever" | "to" | "by")
                    && !matches!(r.word(i + 2), "work" | "the" | "a" | "dinner" | "lunch")
                    || r.s.words[i + 1..]
                        .iter()
                        .any(|x| x == "anymore" || x == "forever")
                    || after == "for" && matches!(r.word(i + 2), "much" | "long")
                    // "when I'm not around", "once I'm not here"
                    || (i.saturating_sub(4)..i)
                        .any(|k| matches!(r.word(k), "when" | "once" | "after"))
                        && r.clause_ends(i + 1);
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
    let words = &r.s.words;
    // "Can't do another year of this. Won't."
    let another = words.windows(4).any(|p| {
        p[0] == "not"
            && matches!(p[1].as_str(), "do" | "face" | "take" | "survive" | "stand")
            && p[2] == "another"
            && matches!(
                p[3].as_str(),
                "year" | "day" | "week" | "month" | "night" | "christmas" | "winter"
            )
    }) && words.iter().any(|w| w == "this");
    // "Tonight I almost did it."
    let almost = words
        .windows(3)
        .any(|p| matches!(p[0].as_str(), "almost" | "nearly") && p[1] == "did" && p[2] == "it")
        && r.clause_ends(words.iter().position(|w| w == "it").unwrap_or(0) + 1);
    if another || almost {
        return true;
    }
    let want = |i: usize| c.wish.has(r.word(i)) || r.word(i) == "want";
    let Some(w) = (0..r.s.len()).find(|&i| want(i) && !r.negated_before(i)) else {
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
    let for_good =
        (rest.windows(2).any(|p| p == ["for", "good"]) || has("forever") || has("permanently"))
            && rest.iter().any(|x| {
                matches!(
                    x.as_str(),
                    "off" | "over" | "stop" | "stopped" | "end" | "quiet" | "gone"
                )
            })
            && rest
                .iter()
                .any(|x| matches!(x.as_str(), "it" | "everything" | "me" | "head" | "myself"));
    into_me || heart || last || sleep_not || for_good
}

/// A way weighed: a height and a fall, water walked into, an engine in a shut garage, a
/// ligature on the neck or fixed to a banister.
fn way_weighed(r: &Reader, c: &Classes) -> bool {
    let s = r.s;
    let weighed = c.weigh.any(s) || writer_unwritten(r) || r.has_word("i");
    if !weighed {
        return false;
    }
    let easy = s
        .words
        .windows(2)
        .any(|p| p[0] == "how" && matches!(p[1].as_str(), "easy" | "quick" | "simple" | "easily"));
    let height =
        c.heights.any(s) && (c.falls.any(s) || easy) && !r.has_word("pool") && !r.has_word("swim");
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
    // "Picked at the scab on my arm till it opened"
    let injured = (0..s.len()).any(|i| {
        matches!(r.word(i), "till" | "until")
            && matches!(r.word(i + 1), "it" | "they" | "i")
            && (i + 2..i + 5).any(|k| {
                matches!(
                    r.word(k),
                    "opened"
                        | "raw"
                        | "bled"
                        | "blistered"
                        | "bruised"
                        | "scarred"
                        | "burned"
                        | "burnt"
                )
            })
    });
    let held_on = (0..s.len()).any(|i| {
        matches!(r.word(i), "kept" | "held" | "pressed" | "pushed")
            && r.word(i + 1) == "my"
            && r.w.body.parts.has(r.word(i + 2))
            && matches!(r.word(i + 3), "on" | "against" | "under" | "over" | "in")
    });
    (intent || injured) && (tool || deliberate || blow || r.w.body.marks.any(s) || injured)
        || held_on && tool
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
            && !matches!(
                r.word(i + 1),
                "to" | "for"
                    | "on"
                    | "out"
                    | "off"
                    | "away"
                    | "home"
                    | "abroad"
                    | "back"
                    | "by"
                    | "from"
                    | "with"
                    | "into"
                    | "over"
                    | "shopping"
                    | "travelling"
                    | "camping"
            )
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
