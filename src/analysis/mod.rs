//! Write-time text analysis: pure functions from text to measurements, no I/O.
//!
//! Every match of a sign or feeling is read in its clause (`reading`): whose it is, whether it
//! still holds, and whether the words mean what the lexicon means. `signs` and `feelings` keep
//! their meaning of "the writer's, now"; everything read is kept in `readings`.

pub mod learned;
mod lexicons;
mod matcher;
mod negators;
mod patterns;
mod reading;
mod safety;
mod table;
#[cfg(test)]
mod terms;
mod tokens;
mod words;

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
// mend-vader is the vader-parity 0.1.0 crate vendored with performance changes only
// (vendor/mend-vader); its code is MIT or Apache-2.0, and the VADER lexicon it embeds is
// Hutto and Gilbert's, under the MIT licence.
use mend_vader::SentimentIntensityAnalyzer;

use lexicons::{Marker, lexicon};
use reading::{Class, Reader};
pub use reading::{Holder, Time};
use tokens::Tokens;

pub use crate::prompts::Perspective;

/// Bumped whenever a change to the code or the word lists could change an `Analysis`, so
/// stored analyses can be told apart from fresh ones.
pub const ANALYSER_VERSION: u32 = 10;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub version: u32,
    /// VADER compound score, -1 (negative) to 1 (positive).
    pub valence: f64,
    /// Words as the lexicons count them (see `tokens`).
    pub words: u32,
    /// The writer's own current feelings named in the text: names from the vocabulary, sorted.
    pub feelings: Vec<String>,
    /// The writer's own current signs, in signs.toml order.
    pub signs: Vec<Count>,
    /// Themes touched, in themes.toml order.
    pub themes: Vec<Count>,
    pub markers: Markers,
    /// The rebuilding writer's accountability language (owning, apologising, patience,
    /// transparency); 0 unless the perspective is `rebuilding`.
    #[serde(default)]
    pub accountability: u32,
    /// Every sign, feeling and accountability phrase read, with whose it is and when, in text
    /// order. Negated matches and words in another sense are left out.
    #[serde(default)]
    pub readings: Vec<Reading>,
}

/// What one match was read as.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reading {
    pub kind: ReadingKind,
    /// The sign id, the feeling name, or "accountability".
    pub name: String,
    pub holder: Holder,
    pub time: Time,
    /// The words matched, as the tokeniser wrote them (lower case); for a sign the learned
    /// reader found, the words that weighed most towards it.
    pub words: String,
    /// Found by the learned reader (`learned`) in a sentence where the rules found no words
    /// of that sign, rather than by the rules.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub learned: bool,
}

impl Reading {
    /// Counted in the summary: the writer's own, and still so.
    pub fn is_writers_current(&self) -> bool {
        self.holder == Holder::Writer && self.time == Time::Now
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ReadingKind {
    Sign,
    Feeling,
    Accountability,
}

impl ReadingKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ReadingKind::Sign => "sign",
            ReadingKind::Feeling => "feeling",
            ReadingKind::Accountability => "accountability",
        }
    }

    pub fn parse(s: &str) -> Option<ReadingKind> {
        match s {
            "sign" => Some(ReadingKind::Sign),
            "feeling" => Some(ReadingKind::Feeling),
            "accountability" => Some(ReadingKind::Accountability),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Count {
    pub name: String,
    pub count: u32,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Markers {
    pub insight: u32,
    pub causal: u32,
    pub absolutist: u32,
    pub positive: u32,
    pub negative: u32,
    pub i: u32,
    pub we: u32,
}

pub use safety::{Concern, import_line as safety_import_line, note_text as safety_note_text};

/// A trust sign or theme as the word lists describe it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Label {
    pub id: String,
    pub label: String,
    pub description: String,
}

/// The trust signs, in the order of signs.toml.
pub fn sign_labels() -> Vec<Label> {
    lexicons::sign_labels()
        .iter()
        .map(|&(id, label, description)| Label {
            id: id.to_string(),
            label: label.to_string(),
            description: description.to_string(),
        })
        .collect()
}

/// The corrections `mend edit --not-sign/--not-feel` names, checked: `("sign", id)` for each
/// trust sign and `("feeling", name)` for each feeling (a related word names its feeling).
pub fn resolve_corrections(
    signs: &[String],
    feelings: &[String],
) -> anyhow::Result<Vec<(ReadingKind, String)>> {
    let known = sign_labels();
    let mut out = Vec::new();
    for sign in signs.iter().map(|s| s.trim().to_lowercase()) {
        if sign.is_empty() {
            continue;
        }
        if !known.iter().any(|l| l.id == sign) {
            let ids: Vec<&str> = known.iter().map(|l| l.id.as_str()).collect();
            anyhow::bail!(
                "there is no trust sign {sign:?} — the signs are {}",
                ids.join(", ")
            );
        }
        out.push((ReadingKind::Sign, sign));
    }
    for feeling in feelings.iter().filter(|f| !f.trim().is_empty()) {
        out.push((
            ReadingKind::Feeling,
            crate::feelings::vocabulary().resolve(feeling)?,
        ));
    }
    Ok(out)
}

/// The themes, in the order of themes.toml.
pub fn theme_labels() -> Vec<Label> {
    lexicons::theme_labels()
        .iter()
        .map(|&(id, label)| Label {
            id: id.to_string(),
            label: label.to_string(),
            description: String::new(),
        })
        .collect()
}

/// What the text calls for a safety note about, in the order the notes are shown.
/// Cheap: it never loads the sentiment model.
pub fn safety_concerns(text: &str) -> Vec<Concern> {
    safety::concerns(text)
}

/// The concerns the safety note's rules alone find, without its learned reader: what that
/// reader's trainer needs (tests/safety_model.rs).
pub fn safety_concerns_by_rules(text: &str) -> Vec<Concern> {
    safety::concerns_by_rules(text)
}

/// What the safety note's learned reader read, and how it is joined to the rules' concerns:
/// what that reader's trainer needs to read with a model still in memory.
pub use safety::{
    DIRECTION as SAFETY_DIRECTION, Direction as SafetyDirection, LearnedRead as SafetyModelRead,
    SELF_HARM_THRESHOLD as SAFETY_SELF_HARM_THRESHOLD, VETO as SAFETY_VETO, join as safety_join,
    join_with as safety_join_with,
};

/// One analyzer for the process. Its tables are built when mend is built
/// (vendor/mend-vader/build.rs), so making it costs next to nothing.
fn vader() -> &'static SentimentIntensityAnalyzer {
    static VADER: OnceLock<SentimentIntensityAnalyzer> = OnceLock::new();
    VADER.get_or_init(SentimentIntensityAnalyzer::new)
}

/// The part of a text VADER scores: the first 64 KiB (about ten thousand words). Its cost
/// grows with length while its single number stops changing, and a 10 MB entry must still
/// save in moments.
fn sentiment_sample(text: &str) -> &str {
    const LIMIT: usize = 64 * 1024;
    if text.len() <= LIMIT {
        return text;
    }
    let mut end = LIMIT;
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The journal's perspective (the config's `perspective`), set once by `main` so that every
/// place an entry is saved (write, edit, import, drafts) reads it the same way.
static PERSPECTIVE: OnceLock<Option<Perspective>> = OnceLock::new();

/// Sets the perspective `analyse` reads entries from; only the first call counts.
pub fn set_perspective(perspective: Option<Perspective>) {
    let _ = PERSPECTIVE.set(perspective);
}

/// Analyses text from the journal's perspective (see `set_perspective`; unset, as the hurt
/// partner's).
pub fn analyse(text: &str) -> Analysis {
    analyse_as(text, PERSPECTIVE.get().copied().flatten())
}

/// Analyses text as written from `perspective` (the config's `perspective`): with
/// `rebuilding`, the writer's accountability language is counted too.
pub fn analyse_as(text: &str, perspective: Option<Perspective>) -> Analysis {
    let lexicon = lexicon();
    let tokens = Tokens::new(text);
    let mut hits = lexicon.matcher.hits(&tokens);
    patterns::extend(&tokens, &mut hits, &lexicon.pattern_groups);
    let reader = Reader::new(&tokens);
    let mut counts = vec![0u32; lexicon.groups()];
    let mut readings = Vec::new();
    let feelings_end = lexicon.sign_group(0);
    let signs_end = lexicon.theme_group(0);
    let accountability = lexicon.accountability_group();
    let rebuilding = perspective == Some(Perspective::Rebuilding);
    let mut feeling_found = vec![false; lexicon.feelings.len()];
    // Where the writer says they trust (the learned reader never reads doubt there).
    let mut trusting_at: Vec<usize> = Vec::new();
    // Sign words the rules read as not the writer's current sign, by group and first word.
    let mut read_otherwise: Vec<(usize, usize)> = Vec::new();
    // The group, end and index of the last reading kept.
    let mut last: Option<(usize, usize, usize)> = None;
    // Words of distrust ("not sure I can trust", "trust issues") are the doubt sign or
    // nothing: the feeling trust is never read inside them.
    let sign_spans: Vec<(usize, usize)> = hits
        .iter()
        .filter(|h| (feelings_end..signs_end).contains(&(h.group as usize)))
        .map(|h| (h.start, h.start + h.len))
        .collect();
    for hit in &hits {
        if Class::from_byte(hit.class) == Class::FeelingTrust
            && sign_spans
                .iter()
                .any(|&(s, e)| s <= hit.start && hit.start < e)
        {
            continue;
        }
        let g = hit.group as usize;
        let kind = if g < feelings_end {
            ReadingKind::Feeling
        } else if g < signs_end {
            ReadingKind::Sign
        } else if g == accountability {
            if !rebuilding {
                continue;
            }
            ReadingKind::Accountability
        } else {
            if !hit.negated && Class::from_byte(hit.class) == Class::Plain {
                counts[g] += 1;
            }
            continue;
        };
        let read = reader.read(hit);
        if kind == ReadingKind::Sign && stops_the_model(hit, read) {
            read_otherwise.push((g, hit.start));
        }
        let Some((holder, time)) = read else {
            continue;
        };
        // "keeps asking if I still love her": two terms of one sign, one after the other,
        // are one reading.
        if let Some((lg, lend, li)) = last
            && lg == g
            && lend == hit.start
            && !tokens.break_before(hit.start)
        {
            let r: &mut Reading = &mut readings[li];
            for i in hit.start..hit.start + hit.len {
                r.words.push(' ');
                r.words.push_str(tokens.get(i));
            }
            last = Some((g, hit.start + hit.len, li));
            continue;
        }
        let name = match kind {
            ReadingKind::Feeling => lexicon.feelings[g].to_string(),
            ReadingKind::Sign => lexicon.signs[g - feelings_end].to_string(),
            ReadingKind::Accountability => "accountability".to_string(),
        };
        let reading = Reading {
            kind,
            name,
            holder,
            time,
            words: (hit.start..hit.start + hit.len)
                .map(|i| tokens.get(i))
                .collect::<Vec<_>>()
                .join(" "),
            learned: false,
        };
        if reading.is_writers_current() {
            counts[g] += 1;
            if kind == ReadingKind::Feeling {
                feeling_found[g] = true;
                if reading.name == "trust" {
                    trusting_at.push(hit.start);
                }
            }
        }
        last = Some((g, hit.start + hit.len, readings.len()));
        readings.push(reading);
    }
    learned_signs(
        &tokens,
        &read_otherwise,
        perspective,
        &trusting_at,
        &mut counts,
        &mut readings,
    );
    let mut feelings: Vec<String> = lexicon
        .feelings
        .iter()
        .zip(&feeling_found)
        .filter(|&(_, &found)| found)
        .map(|(name, _)| name.to_string())
        .collect();
    feelings.sort_unstable();
    feelings.dedup();
    let found = |ids: &[&str], first_group: usize| -> Vec<Count> {
        ids.iter()
            .enumerate()
            .map(|(i, id)| Count {
                name: id.to_string(),
                count: counts[first_group + i],
            })
            .filter(|c| c.count > 0)
            .collect()
    };
    let marker = |m: Marker| counts[lexicon.marker_group(m)];
    Analysis {
        version: ANALYSER_VERSION,
        // An entry of emoji alone has no words but still has a tone for VADER.
        valence: if text.trim().is_empty() {
            0.0
        } else {
            vader().polarity_scores(sentiment_sample(text)).compound
        },
        words: u32::try_from(tokens.len()).unwrap_or(u32::MAX),
        feelings,
        signs: found(lexicon.signs, lexicon.sign_group(0)),
        themes: found(lexicon.themes, lexicon.theme_group(0)),
        markers: Markers {
            insight: marker(Marker::Insight),
            causal: marker(Marker::Causal),
            absolutist: marker(Marker::Absolutist),
            positive: marker(Marker::Positive),
            negative: marker(Marker::Negative),
            i: marker(Marker::I),
            we: marker(Marker::We),
        },
        accountability: counts[accountability],
        readings,
    }
}

/// Whether the rules' reading of a sign's words keeps the learned reader from reading that
/// sign beside them: the words are someone else's sign, or stopped or wished for, or negated
/// ("I never checked his phone"), or said the other way round, which the words of telling and
/// believing count as unless denied ("I told him about the messages"). Words set aside only
/// for their sense do not: the model has learned "doubts about the job" from the labelled
/// sentences, and letting those words stop it cost a tenth of the signs on development files
/// it had not seen (docs/summary.md).
fn stops_the_model(hit: &matcher::Hit, read: Option<(Holder, Time)>) -> bool {
    match read {
        Some((holder, time)) => holder != Holder::Writer || time != Time::Now,
        None => {
            hit.negated
                || matches!(
                    Class::from_byte(hit.class),
                    Class::Honesty | Class::Credence | Class::Withheld
                )
        }
    }
}

/// The writer's signs the learned reader finds where the rules found nothing: in each
/// stretch of a few sentences (`learned::windows`), a sign whose chance reaches the threshold
/// is the writer's, now, unless the rules read it as the writer's anywhere in the text, or read
/// words of that sign in the same stretch otherwise (`read_otherwise`, `stops_the_model`: what
/// the rules read of whose a sign is, when and whether stands), or, for doubt, read the
/// writer's own trust there (`trusting_at`).
fn learned_signs(
    tokens: &Tokens,
    read_otherwise: &[(usize, usize)],
    perspective: Option<Perspective>,
    trusting_at: &[usize],
    counts: &mut [u32],
    readings: &mut Vec<Reading>,
) {
    let lexicon = lexicon();
    let signs_start = lexicon.sign_group(0);
    let groups: Vec<Option<usize>> = learned::SIGNS
        .iter()
        .map(|id| {
            lexicon
                .signs
                .iter()
                .position(|s| s == id)
                .map(|i| signs_start + i)
        })
        .collect();
    let by_rules: Vec<bool> = groups
        .iter()
        .map(|g| g.is_some_and(|g| counts[g] > 0))
        .collect();
    for range in learned::windows(tokens) {
        let read = learned::read(tokens, range.clone(), perspective);
        for (k, group) in groups.iter().enumerate() {
            let Some(g) = *group else { continue };
            if by_rules[k]
                || read.chance[k] < learned::THRESHOLD
                || read_otherwise
                    .iter()
                    .any(|&(hg, start)| hg == g && range.contains(&start))
                || (learned::SIGNS[k] == "doubt" && trusting_at.iter().any(|i| range.contains(i)))
            {
                continue;
            }
            let words = read.strongest[k]
                .clone()
                .map(|w| w.map(|i| tokens.get(i)).collect::<Vec<_>>().join(" "))
                .unwrap_or_default();
            counts[g] += 1;
            readings.push(Reading {
                kind: ReadingKind::Sign,
                name: learned::SIGNS[k].to_string(),
                holder: Holder::Writer,
                time: Time::Now,
                words,
                learned: true,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn feelings(text: &str) -> Vec<String> {
        analyse(text).feelings
    }

    fn signs(text: &str) -> Vec<(String, u32)> {
        analyse(text)
            .signs
            .into_iter()
            .map(|c| (c.name, c.count))
            .collect()
    }

    fn has_theme(text: &str, theme: &str) -> bool {
        analyse(text).themes.iter().any(|c| c.name == theme)
    }

    #[test]
    fn finds_feelings_by_name_and_form() {
        assert_eq!(
            feelings("I felt so jealous when she texted him"),
            ["jealousy"]
        );
        assert_eq!(feelings("I was betrayed"), ["betrayal"]);
        assert_eq!(feelings("I'm so mad at him"), ["anger"]);
        assert_eq!(
            feelings("Grief, and then anger. Lonely, lonelier."),
            ["anger", "grief", "loneliness"]
        );
        assert_eq!(feelings("guilt-ridden all week"), ["guilt"]);
    }

    #[test]
    fn negated_feelings_are_not_found() {
        assert_eq!(feelings("I'm not jealous"), Vec::<String>::new());
        assert_eq!(feelings("I am not feeling betrayed"), Vec::<String>::new());
        assert_eq!(feelings("I wasn't angry. I was sad."), ["sadness"]);
    }

    #[test]
    fn phrases_match_only_consecutive_words_in_one_sentence() {
        assert_eq!(
            feelings("I was so mad. At least he listened."),
            Vec::<String>::new()
        );
        assert_eq!(feelings("mad, at him"), ["anger"]);
        assert_eq!(feelings("mad about him at work"), Vec::<String>::new());
    }

    #[test]
    fn finds_signs_of_trust_issues() {
        assert_eq!(
            signs("I checked his phone again"),
            [("checking".to_string(), 1)]
        );
        assert_eq!(signs("I never checked his phone"), []);
        assert_eq!(signs("I don't trust him"), [("doubt".to_string(), 1)]);
        assert_eq!(
            signs("I dont trust him and I'm not sure I can believe her"),
            [("doubt".to_string(), 2)]
        );
        // One act of asking, read as one sign however many of its terms it holds.
        assert_eq!(
            signs("I kept asking if she still loves me"),
            [("reassurance".to_string(), 1)]
        );
        assert_eq!(
            signs("Jealous again. I can't stop checking her phone"),
            [("jealousy".to_string(), 1), ("checking".to_string(), 1)]
        );
    }

    /// The writer's current signs and feelings, and the partner's signs, as one line each
    /// case can be compared with.
    /// Every case read from the hurt perspective; all the misreadings are listed, not only the
    /// first.
    fn assert_reads_as_hurt(cases: &[(&str, &str)]) {
        let wrong: Vec<String> = cases
            .iter()
            .filter_map(|(text, want)| {
                let got = read(text, Some(Perspective::Hurt));
                (got != *want).then(|| format!("{text:?}: {got} (want {want})"))
            })
            .collect();
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    fn read(text: &str, perspective: Option<Perspective>) -> String {
        let a = analyse_as(text, perspective);
        let mut partner: Vec<&str> = a
            .readings
            .iter()
            .filter(|r| r.kind == ReadingKind::Sign && r.holder == Holder::Partner)
            .map(|r| r.name.as_str())
            .collect();
        partner.dedup();
        let signs: Vec<&str> = a.signs.iter().map(|c| c.name.as_str()).collect();
        format!(
            "signs {} | partner {} | feelings {}",
            signs.join(","),
            partner.join(","),
            a.feelings.join(",")
        )
    }

    #[test]
    fn reads_whose_and_when_in_the_cases_of_the_issue() {
        let cases = [
            // Whose: quoted speech, reports and the partner's actions.
            (
                "He said, 'You're being jealous again'",
                "signs  | partner  | feelings ",
            ),
            (
                "She needed to hear it again",
                "signs  | partner reassurance | feelings ",
            ),
            (
                "He asked me if I was still hurt",
                "signs  | partner  | feelings ",
            ),
            (
                "I told him I was jealous",
                "signs jealousy | partner  | feelings jealousy",
            ),
            // Whether it is still so.
            (
                "I stopped checking his phone weeks ago",
                "signs  | partner  | feelings ",
            ),
            ("I used to be so jealous", "signs  | partner  | feelings "),
            (
                "I haven't asked him if he still loves me in a while",
                "signs  | partner  | feelings ",
            ),
            (
                "If I were jealous, I would tell him",
                "signs  | partner  | feelings ",
            ),
            // Distrust is doubt, never the feeling trust.
            (
                "It's hard to trust him",
                "signs doubt | partner  | feelings ",
            ),
            ("I have trust issues", "signs doubt | partner  | feelings "),
            ("I broke her trust", "signs  | partner  | feelings "),
            ("I trust him more now", "signs  | partner  | feelings trust"),
            // Other senses.
            ("It was close to midnight", "signs  | partner  | feelings "),
            ("We settled the bill", "signs  | partner  | feelings "),
            (
                "I have doubts about the new job",
                "signs  | partner  | feelings ",
            ),
            (
                "I need to know what time the plumber is coming",
                "signs  | partner  | feelings ",
            ),
            (
                "My therapist asked whether I feel abandoned",
                "signs  | partner  | feelings ",
            ),
        ];
        assert_reads_as_hurt(&cases);
    }

    #[test]
    fn reads_signs_by_their_shape_and_by_what_is_denied() {
        let cases = [
            // Denied honesty, belief and telling.
            (
                "I don't think he's telling me the whole story.",
                "signs doubt | partner  | feelings ",
            ),
            (
                "Her stories never add up.",
                "signs doubt | partner  | feelings ",
            ),
            (
                "The numbers in the budget don't add up.",
                "signs  | partner  | feelings ",
            ),
            (
                "I told him, \"I don't believe you.\"",
                "signs doubt | partner  | feelings ",
            ),
            (
                "I haven't told him about the messages.",
                "signs avoidance | partner  | feelings ",
            ),
            (
                "I told him about the messages.",
                "signs  | partner  | feelings ",
            ),
            // Shapes: questions, looks, ways out, stings, accounts judged.
            (
                "I asked her if she'll stay.",
                "signs reassurance | partner  | feelings ",
            ),
            (
                "I went through his glovebox.",
                "signs checking | partner  | feelings ",
            ),
            (
                "I don't go through his things anymore.",
                "signs  | partner  | feelings ",
            ),
            (
                "Whenever she tries to talk about the affair I start cleaning the kitchen.",
                "signs avoidance | partner  | feelings ",
            ),
            (
                "He goes for long drives whenever I try to talk about it.",
                "signs  | partner avoidance | feelings ",
            ),
            (
                "Seeing him laugh with the new girl at work made my chest go tight.",
                "signs jealousy | partner  | feelings ",
            ),
            (
                "Her excuses sound more polished every week.",
                "signs doubt | partner  | feelings ",
            ),
            // The sentence after says it is over.
            (
                "I was jealous for a long time. That's changed.",
                "signs  | partner  | feelings ",
            ),
        ];
        assert_reads_as_hurt(&cases);
    }

    #[test]
    fn the_rebuilding_perspective_keeps_the_partners_signs_and_counts_accountability() {
        let rebuilding = Some(Perspective::Rebuilding);
        assert_eq!(
            read("She keeps asking if I still love her", rebuilding),
            "signs  | partner reassurance | feelings "
        );
        assert_eq!(
            read("I lied to her", rebuilding),
            "signs  | partner  | feelings "
        );
        let a = analyse_as(
            "I'm sorry. I showed her my phone and I was patient when she asked again.",
            rebuilding,
        );
        assert_eq!(a.accountability, 3, "{:?}", a.readings);
        assert!(a.signs.is_empty(), "{:?}", a.signs);
        assert_eq!(
            analyse_as("I'm sorry.", Some(Perspective::Hurt)).accountability,
            0
        );
    }

    #[test]
    fn readings_keep_the_words_the_holder_and_the_time() {
        let a = analyse("I used to check his phone. He avoided me.");
        let r: Vec<(&str, Holder, Time, &str)> = a
            .readings
            .iter()
            .map(|r| (r.name.as_str(), r.holder, r.time, r.words.as_str()))
            .collect();
        assert_eq!(
            r,
            [
                ("checking", Holder::Writer, Time::Stopped, "his phone"),
                ("avoidance", Holder::Partner, Time::Now, "avoided"),
            ]
        );
    }

    #[test]
    fn corrections_name_known_signs_and_feelings() {
        let c = resolve_corrections(&["Jealousy".into()], &["jealous".into()]).unwrap();
        assert_eq!(
            c,
            [
                (ReadingKind::Sign, "jealousy".to_string()),
                (ReadingKind::Feeling, "jealousy".to_string())
            ]
        );
        let err = resolve_corrections(&["grumpy".into()], &[]).unwrap_err();
        assert!(err.to_string().contains("doubt, jealousy"), "{err}");
    }

    #[test]
    fn links_themes() {
        assert!(has_theme(
            "We talked for hours and I felt heard",
            "communication"
        ));
        assert!(has_theme("I want to forgive him", "forgiveness"));
        assert!(has_theme("It reminds me of my dad", "root-causes"));
        assert!(!has_theme("I don't want to forgive him", "forgiveness"));
        assert!(analyse("The weather was grey.").themes.is_empty());
    }

    #[test]
    fn counts_markers() {
        let m = analyse("He always lies and he never listens. Everything is ruined.").markers;
        assert_eq!(m.absolutist, 3);
        let m = analyse(
            "I think we are fine; my worry is mine, our plan is ours. I'm sure we'll manage.",
        )
        .markers;
        assert_eq!((m.i, m.we), (4, 4));
        let m = analyse("I got angry because he lied, and I realise why.").markers;
        assert_eq!((m.causal, m.insight), (2, 1));
        let m = analyse("I was happy, not sad.").markers;
        assert_eq!((m.positive, m.negative), (1, 0));
    }

    #[test]
    fn valence_follows_the_tone() {
        assert!(analyse("Today was wonderful. I feel loved, calm and grateful.").valence > 0.3);
        assert!(analyse("I feel awful, betrayed and hopeless. I hate this.").valence < -0.3);
        assert_eq!(analyse("").valence, 0.0);
        assert_eq!(analyse("  \n").words, 0);
        let emoji = analyse("\u{1F60A}");
        assert!(emoji.words == 0 && emoji.valence > 0.3, "{emoji:?}");
    }

    #[test]
    fn analysis_is_versioned_counted_and_serialisable() {
        let a = analyse("I don't trust him. I checked his phone because I was jealous.");
        assert_eq!(a.version, ANALYSER_VERSION);
        assert_eq!(a.words, 12);
        let json = serde_json::to_string(&a).unwrap();
        assert_eq!(serde_json::from_str::<Analysis>(&json).unwrap(), a);
    }
}
