//! The writer's own harm to a partner, told in paraphrase: threats told, a partner's private
//! things read, things of theirs destroyed, screaming until they shake, punishments, a threat of
//! suicide to keep them, recognising oneself in an account of abuse.

use super::super::grammar::{Reader, Who};
use super::super::harm::Harm;

/// The writer's own threats: "I told her I'd burn her clothes", "told him I'd ruin him", "told
/// him he'd be next", "I told her she'd never see the baby again".
pub fn written_threats(r: &Reader, harm: &mut Harm) {
    const HARMS: &[&str] = &[
        "burn", "ruin", "destroy", "hurt", "kill", "smash", "break", "take", "make", "tell",
        "find", "end", "throw",
    ];
    for i in 0..r.s.len() {
        if !matches!(
            r.word(i),
            "told" | "tell" | "said" | "warned" | "threatened" | "texted"
        ) {
            continue;
        }
        if r.subject(i).who != Who::Writer || r.negated_before(i) {
            continue;
        }
        for k in i + 1..(i + 14).min(r.s.len()) {
            let mine = r.word(k) == "i"
                && matches!(r.word(k + 1), "would" | "will")
                && HARMS.contains(&r.word(k + 2))
                && (k + 3..k + 6)
                    .any(|j| matches!(r.word(j), "him" | "her" | "his" | "them" | "life"));
            let next = matches!(r.word(k), "he" | "she")
                && matches!(r.word(k + 1), "would" | "will")
                && (r.word(k + 2) == "be" && r.word(k + 3) == "next"
                    || r.word(k + 2) == "never"
                        && r.word(k + 3) == "see"
                        && r.w.threats.dependents.has(r.word(k + 5)));
            if mine || next {
                harm.harming = true;
            }
        }
    }
}

/// "I read her diary while she was at work", "went through her bag and her car", "I can see
/// everything on her account": the writer in a partner's private things.
pub fn intrusion(r: &Reader, harm: &mut Harm) {
    const PRIVATE: &[&str] = &[
        "diary", "journal", "phone", "messages", "texts", "emails", "bag", "handbag", "pockets",
        "car", "notebook", "things", "laptop", "account", "accounts", "drawers",
    ];
    for i in 0..r.s.len() {
        let w = r.word(i);
        let into = matches!(w, "read" | "reads" | "reading")
            || matches!(w, "went" | "go" | "going" | "goes" | "searched" | "search")
                && r.word(i + 1) == "through"
            || w == "see" && r.word(i + 1) == "everything";
        let asked = r.w.control.consent.any(r.s)
            || r.s
                .words
                .windows(2)
                .any(|p| p[0] == "asked" && p[1] == "me");
        if !into || asked || r.subject(i).who != Who::Writer || r.negated_before(i) {
            continue;
        }
        let theirs = (i + 1..i + 5)
            .any(|k| matches!(r.word(k), "her" | "his") && PRIVATE.contains(&r.word(k + 1)));
        // One look, a look given up ("it's been a month since I last went through her phone")
        // or one wondered about ("if I ever…") is the checking mend's readers work through;
        // looking every day, or using what was found against them, is control.
        let wondered = r.s.words.windows(2).any(|p| p[0] == "if" && p[1] == "i");
        let over = wondered
            || r.s
                .words
                .iter()
                .any(|x| matches!(x.as_str(), "since" | "ago" | "stopped" | "used" | "instead"));
        let control = w == "see"
            || r.s.words.iter().any(|x| {
                matches!(
                    x.as_str(),
                    "every" | "always" | "constantly" | "all" | "threw" | "front" | "so"
                )
            });
        harm.harming |= theirs && control && !over;
    }
}

/// "I smashed the mug she loves on purpose so she'd know how angry I was", "I smashed his things".
pub fn destroyed(r: &Reader, harm: &mut Harm) {
    for i in 0..r.s.len() {
        let w = r.word(i);
        if ![
            "smash", "destroy", "broke", "rip", "tore", "shred", "burn", "burnt", "slash",
        ]
        .iter()
        .any(|p| w.starts_with(p))
        {
            continue;
        }
        let theirs = (i + 1..i + 4).any(|k| {
            matches!(r.word(k), "her" | "his")
                && matches!(
                    r.word(k + 1),
                    "things" | "stuff" | "clothes" | "phone" | "belongings"
                )
                || matches!(r.word(k), "she" | "he")
                    && matches!(r.word(k + 1), "loves" | "loved" | "treasures")
        });
        let meant = theirs
            && (r.has_word("purpose")
                || r.has_word("told")
                || r.s
                    .words
                    .windows(2)
                    .any(|p| p[0] == "so" && matches!(p[1].as_str(), "she" | "he")));
        if meant && r.subject(i).who == Who::Writer && !r.negated_before(i) {
            harm.harming = true;
        }
    }
}

/// "I screamed at her until she was shaking and crying in the corner".
pub fn screamed_at(r: &Reader, harm: &mut Harm) {
    for i in 0..r.s.len() {
        let w = r.word(i);
        if !["scream", "yell", "shout", "roar"]
            .iter()
            .any(|p| w.starts_with(p))
        {
            continue;
        }
        let at_them =
            matches!(r.word(i + 1), "at" | "in") && matches!(r.word(i + 2), "her" | "him" | "them");
        let until_afraid = (i + 3..i + 8).any(|k| {
            matches!(r.word(k), "until" | "till" | "and")
                && matches!(r.word(k + 1), "she" | "he")
                && (k + 2..k + 5).any(|j| {
                    let x = r.word(j);
                    x.starts_with("cry")
                        || x.starts_with("shak")
                        || x.starts_with("trembl")
                        || x.starts_with("flinch")
                        || x == "cried"
                        || x == "shook"
                        || x == "scared"
                })
        });
        if at_them && until_afraid && r.subject(i).who == Who::Writer {
            harm.harming = true;
        }
    }
}

/// "I made him sleep in the car because he was ten minutes late home": made to do a thing as a
/// punishment.
pub fn made_to(r: &Reader, harm: &mut Harm) {
    for i in 0..r.s.len() {
        if !matches!(r.word(i), "made" | "make" | "makes" | "forced" | "forces") {
            continue;
        }
        let to_writer = r.word(i + 1) == "me";
        let to_victim = matches!(r.word(i + 1), "him" | "her" | "them");
        if !(to_writer || to_victim) {
            continue;
        }
        let verb = r.word(i + 2);
        if matches!(
            verb,
            "a" | "an"
                | "the"
                | "some"
                | "dinner"
                | "laugh"
                | "smile"
                | "feel"
                | "happy"
                | "tea"
                | "coffee"
                | "breakfast"
                | "lunch"
                | "cry"
        ) {
            continue;
        }
        let punished = (i + 3..r.s.len()).any(|k| {
            r.word(k) == "because" && matches!(r.word(k + 1), "he" | "she" | "i")
                || r.word(k).starts_with("punish")
                || r.word(k) == "for" && r.word(k + 1) == "being"
        });
        if punished && !r.negated_before(i) {
            harm.note(r.subject(i).who, to_writer, to_victim);
        }
    }
}

/// "told him if he leaves me I'll kill myself": a threat of suicide made to keep a partner.
pub fn suicide_as_threat(r: &Reader, harm: &mut Harm) {
    let leaves = (0..r.s.len()).any(|i| {
        r.word(i) == "if"
            && matches!(r.word(i + 1), "he" | "she" | "you" | "they")
            && ["leav", "left", "go", "walk", "break", "dump"]
                .iter()
                .any(|p| r.word(i + 2).starts_with(p))
    });
    let kill_myself =
        r.s.words
            .windows(2)
            .any(|p| p[0].starts_with("kill") && p[1] == "myself");
    if leaves && kill_myself && r.reporter(r.s.len()) == Some(Who::Writer) {
        harm.harming = true;
    }
}

/// "The article was about men who hurt their partners, and I recognised myself in every line".
pub fn recognised(r: &Reader, harm: &mut Harm) {
    let me = (0..r.s.len()).any(|i| {
        (r.word(i).starts_with("recogni") || r.word(i) == "saw") && r.word(i + 1) == "myself"
    });
    let hurt = r.s.words.iter().any(|w| {
        w.starts_with("hurt")
            || w.starts_with("abus")
            || w.starts_with("control")
            || w.starts_with("violen")
    });
    if me && hurt {
        harm.harming = true;
    }
}

/// "I followed her to her friend's house and waited outside for two hours".
pub fn followed_and_waited(r: &Reader, harm: &mut Harm) {
    for i in 0..r.s.len() {
        if !r.w.stalking.follow.has(r.word(i)) || !matches!(r.word(i + 1), "her" | "him") {
            continue;
        }
        let waited = (i + 2..r.s.len()).any(|k| {
            r.word(k).starts_with("wait") || r.word(k).starts_with("watch") || r.word(k) == "hours"
        });
        if waited && r.subject(i).who == Who::Writer && !r.negated_before(i) {
            harm.harming = true;
        }
    }
}

/// "I won't let my husband have any money of his own".
pub fn not_let(r: &Reader, harm: &mut Harm) {
    for i in 0..r.s.len() {
        if r.word(i) != "let"
            || r.word(i + 1) != "my"
            || !r.w.people.victims.has(r.word(i + 2))
            || r.w.control.let_verbs.at(r.s, i + 3).is_none()
        {
            continue;
        }
        let subject = r.subject(i);
        if subject.negated && subject.who == Who::Writer {
            harm.harming = true;
        }
    }
}
