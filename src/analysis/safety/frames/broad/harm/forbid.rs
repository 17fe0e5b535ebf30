//! A body used as a tool on another ("dug my nails into his arm"), and a ban told to someone: the teller is the doer, the one told is the one it is done to. "I
//! told Marco he can't see his friends anymore" is the writer's control; "he told me I'm not
//! allowed to see my sister" is the partner's. What is banned must be a person's own life (their
//! people, their things, going out), not a cake or a late night.

use super::*;

/// Children told a rule are parented, not controlled.
const CHILDREN: &[&str] = &[
    "son", "daughter", "kids", "kid", "children", "child", "boys", "girls", "boy", "girl",
    "toddler", "teenager", "students", "class", "dog",
];

/// What may be banned: going out, seeing, speaking, calling.
const BANNED: &[&str] = &[
    "see", "go", "talk", "speak", "visit", "meet", "call", "text", "message", "leave", "contact",
    "ring", "phone", "have", "keep", "wear", "use", "work",
];

pub(super) fn forbidden(r: &Reader, b: &Broad, harm: &mut Harm) {
    for v in 0..r.s.len() {
        if base_of(
            r.word(v),
            &["tell", "told", "say", "said", "warn", "inform"],
        )
        .is_none()
            && !matches!(r.word(v), "told" | "said")
        {
            continue;
        }
        if r.negated_before(v) {
            continue;
        }
        let teller = agent(r, v);
        if !matches!(teller, Who::Partner | Who::Writer | Who::Other) {
            continue;
        }
        // The one told: the person after the verb, or the doer of the reported clause.
        let mut k = v + 1;
        // "told me", "told Marco", "told marco he…" (a name in lower case, known by the
        // pronoun that takes it up)
        if matches!(r.word(k), "me" | "him" | "her" | "them")
            || r.is_name(k)
            || matches!(r.word(k + 1), "he" | "she") && !CHILDREN.contains(&r.word(k))
        {
            k += 1;
        }
        if matches!(r.word(k), "my" | "his" | "her") && CHILDREN.contains(&r.word(k + 1)) {
            continue;
        }
        if r.word(k) == "that" {
            k += 1;
        }
        let told = match r.word(k) {
            "i" => Side::Writer,
            "he" | "she" | "they" => Side::Victim,
            _ => continue,
        };
        // "can not see", "is not allowed to see", "is not to see", "will never see"
        let mut m = k + 1;
        let mut banned = false;
        while m < k + 6 && r.s.same_clause(k, m) {
            let w = r.word(m);
            if matches!(w, "not" | "never") {
                banned = true;
            } else if !matches!(
                w,
                "can"
                    | "could"
                    | "is"
                    | "are"
                    | "am"
                    | "was"
                    | "allowed"
                    | "to"
                    | "will"
                    | "would"
                    | "be"
                    | "going"
                    | "ever"
                    | "any"
                    | "anymore"
            ) {
                break;
            }
            m += 1;
        }
        if !banned || !BANNED.contains(&r.word(m)) {
            continue;
        }
        let own = (m + 1..m + 5)
            .take_while(|&j| r.s.same_clause(m, j))
            .any(|j| b.private.at(r.s, j).is_some())
            || matches!(r.word(m + 1), "out" | "anywhere" | "anyone" | "anybody");
        if !own {
            continue;
        }
        match (teller, told) {
            (Who::Partner | Who::Other, Side::Writer) => harm.harmed = true,
            (Who::Writer, Side::Victim) => harm.harming = true,
            _ => {}
        }
    }
}

/// A look repeated by the count: "checked her location seven times today", "rang me 40 times".
pub(super) fn counted(r: &Reader) -> bool {
    const COUNTS: &[&str] = &[
        "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
        "twenty", "thirty", "fifty", "dozen", "hundred",
    ];
    (1..r.s.len()).any(|i| {
        r.word(i) == "times" && {
            let n = r.word(i - 1);
            COUNTS.contains(&n) || n.parse::<u32>().is_ok_and(|n| n >= 3)
        }
    })
}

/// A body used as the tool of harm on another: "dug my nails into his arm", "he pressed his
/// knee into my back". The tool is the doer's own; the one harmed is the body after "into".
pub(super) fn body_as_tool(r: &Reader, harm: &mut Harm) {
    const VERBS: &[&str] = &[
        "dig", "digs", "dug", "digging", "press", "pressed", "presses", "pressing", "jab",
        "jabbed", "sink", "sank", "sunk", "ram", "rammed", "drive", "drove", "shove", "shoved",
        "stick", "stuck",
    ];
    const TOOLS: &[&str] = &[
        "nails",
        "fingernails",
        "fingers",
        "teeth",
        "elbow",
        "knee",
        "knees",
        "thumb",
        "thumbs",
        "fist",
        "fists",
        "nail",
        "finger",
    ];
    for v in 0..r.s.len() {
        if !VERBS.contains(&r.word(v)) || r.negated_before(v) {
            continue;
        }
        let t = v + 1;
        if !matches!(r.word(t), "my" | "his" | "her") || !TOOLS.contains(&r.word(t + 1)) {
            continue;
        }
        if r.word(t + 2) != "into" {
            continue;
        }
        let (owner, part) = (r.word(t + 3), r.word(t + 4));
        let side = match owner {
            "my" if r.w.body.parts.has(part) => Side::Writer,
            "his" | "her" if r.w.body.parts.has(part) => Side::Victim,
            "me" => Side::Writer,
            "him" => Side::Victim,
            _ => continue,
        };
        note(harm, agent(r, v), side);
    }
}
