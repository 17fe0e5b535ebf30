//! mend scores sentiment with mend-vader (vendor/mend-vader), the vader-parity 0.1.0 crate with
//! performance changes only. This holds it to vader-parity itself, bit for bit: every sentence of
//! the fixtures (tests/fixtures/**/*.tsv), the benchmark's entry, the fixtures' files read as one
//! long entry each, generated hard cases (emoji and emoticons, capitals in every script, Greek
//! final sigma, "but" everywhere, negations, punctuation runs, Unicode white space, very long
//! words) and seeded random sentences must get the same neg, neu, pos and compound, compared with
//! `f64::to_bits`. A failure lists every input that differs.

use std::path::{Path, PathBuf};

use mend_vader::SentimentIntensityAnalyzer as Fast;
use vader_parity::SentimentIntensityAnalyzer as Oracle;

/// The scores as bits: neg, neu, pos, compound.
type Bits = [u64; 4];

fn fast_bits(analyzer: &Fast, text: &str) -> Bits {
    let s = analyzer.polarity_scores(text);
    [s.neg, s.neu, s.pos, s.compound].map(f64::to_bits)
}

fn oracle_bits(analyzer: &Oracle, text: &str) -> Bits {
    let s = analyzer.polarity_scores(text);
    [s.neg, s.neu, s.pos, s.compound].map(f64::to_bits)
}

/// Every `.tsv` file under `dir`, in a stable order.
fn tsv_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            tsv_files(&path, out);
        } else if path.extension().is_some_and(|ext| ext == "tsv") {
            out.push(path);
        }
    }
}

/// The first `limit` bytes of `text`, cut at a char boundary (as mend cuts what VADER scores).
fn prefix(text: &str, limit: usize) -> &str {
    let mut end = text.len().min(limit);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// Undo the escapes of a Rust string literal that the benchmark's entry uses: `\"`, `\\`, `\n`,
/// `\t`, and a backslash at the end of a line, which drops the line break and the white space
/// that starts the next line.
fn unescape_rust_literal(literal: &str) -> String {
    let mut out = String::new();
    let mut chars = literal.chars().peekable();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('\n') => {
                while chars.peek().is_some_and(|c| c.is_whitespace()) {
                    chars.next();
                }
            }
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some(other) => out.push(other),
            None => out.push('\\'),
        }
    }
    out
}

/// The benchmark's entry, read out of bench/analyse.rs.
fn bench_entry() -> String {
    let source =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/analyse.rs"))
            .expect("bench/analyse.rs");
    let start = source
        .find("const ENTRY: &str = \"")
        .map(|at| at + "const ENTRY: &str = \"".len())
        .expect("the benchmark's ENTRY");
    let end = start + source[start..].find("\";").expect("the end of ENTRY");
    let entry = unescape_rust_literal(&source[start..end]);
    assert_eq!(
        entry.split_whitespace().count(),
        192,
        "ENTRY read wrongly: {entry:?}"
    );
    assert!(entry.starts_with("We had dinner at the new place"));
    assert!(entry.ends_with("then I will write again after work."));
    entry
}

/// Hand-picked hard cases, then each of them changed in ways the rules read: capitals, "but"
/// around it, emphasis, emoji, negation.
fn adversarial() -> Vec<String> {
    let base: &[&str] = &[
        // Nothing, or nothing but white space (ASCII, Unicode, and the separator controls
        // Python counts as space).
        "",
        " ",
        "\t\n\r ",
        "\u{a0}",
        "\u{2003}\u{3000}",
        "\u{1c}\u{1d}\u{1e}\u{1f}",
        "\u{85}\u{2028}\u{2029}",
        "good\u{a0}bad",
        "good\u{2003}but\u{3000}bad",
        "happy\u{1f}sad\u{85}fine",
        "\u{feff}good\u{200b}bad",
        // Emoji and emoticons.
        "I love you 😍😍",
        "😀",
        "😀😀😀",
        "x😀y",
        "a 😀 b",
        " 😀 ",
        "©®™",
        "family 👨‍👩‍👧 day",
        "❤️ you",
        "❤ 💔 💕",
        "🙂🙃😢😡🤬🥰",
        ":) :( :D <3 :-) ;) 8-) :-[ :'( </3 :P xD",
        "lol 😂 :D haha",
        "good :) but bad :(",
        "😀but😢",
        "\u{1F600}\u{FE0F}\u{200D}",
        // Capitals.
        "I AM SO HAPPY",
        "I am SO happy",
        "GREAT day today",
        "VERY GOOD but BAD",
        "He is NOT nice",
        "THE SHIT",
        "GOOD",
        "GOOD bad",
        "GooD BaD",
        "V1 GOOD 2",
        "OK!! FINE",
        // Greek capital sigma, final and medial, and other scripts' capitals.
        "ΟΔΥΣΣΕΥΣ good",
        "ΣΑΣ good",
        "ΑΣ ΣΑ great",
        "Σ",
        "ΑΣ!",
        "ΑΣ\u{0345}Β love",
        "Α\u{0345}Σ hate",
        "!Σ sad",
        "ΣΣ happy",
        "ΕΥΧΑΡΙΣΤΩ ΠΟΛΥ",
        "ÉTÉ GOOD",
        "ÉTÉ",
        "été good",
        "ÇA VA good",
        "ÀÉÎÕÜ bad",
        "ÄRGER sad",
        "STRAẞE ẞ",
        "ПРИВЕТ good",
        "ĲSSEL ǅ ǈ ǋ",
        "Ⓐ Ⓑ GOOD",
        "\u{A7CE} GOOD",
        // Turkish dotted and dotless I, ligatures.
        "İSTANBUL good",
        "İ",
        "ı ı",
        "DİYARBAKIR love",
        "ﬁne ﬂow ﬀ",
        "GOOD ﬁ",
        "ﬁnally happy",
        "Æsir œuvre",
        // "but" at the start, in the middle, at the end, repeated, with equal valences.
        "but",
        "but good",
        "good but",
        "good but bad",
        "but but but",
        "good but bad but great",
        "good good but bad bad",
        "good bad but good bad",
        "happy happy happy but happy happy",
        "sad, but sad",
        "it was good, but",
        "BUT",
        "But it was fine",
        "good BUT bad",
        "but, good",
        "butter is good",
        "love love love but love",
        "nice nice but not nice nice",
        "good great but great good but good",
        "no but yes",
        "kind but of",
        // Negation, boosters, dampeners, idioms, "least".
        "not good",
        "isn't bad",
        "isnt bad",
        "never so happy",
        "never this sad",
        "so happy",
        "without doubt good",
        "without a doubt good",
        "at least good",
        "very least good",
        "least good",
        "the least good",
        "no good",
        "no no no",
        "no",
        "nor good",
        "neither good nor bad",
        "not bad at all",
        "kind of good",
        "sort of bad",
        "just enough love",
        "the shit",
        "the bomb",
        "kiss of death",
        "yeah right",
        "bad ass",
        "badass",
        "beating heart",
        "bus stop",
        "to die for",
        "this is to die for",
        "he is the shit",
        "not the shit",
        "extremely good",
        "EXTREMELY good",
        "barely good",
        "uh-uh good",
        "zzzn'tzzz good",
        "don't love",
        "don’t love",
        "wasn't really very good",
        "i rarely feel happy",
        "despite everything, happy",
        // Punctuation.
        "!!!",
        "???",
        "good!!!",
        "bad???",
        "good?",
        "?!?!?!",
        "!!!!!!!!!!",
        "good !!!!! bad",
        "is?",
        "happy, sad; fine.",
        "--good--",
        "...",
        "...good...",
        "'good'",
        "\"bad\"",
    ];
    let mut out: Vec<String> = base.iter().map(|s| s.to_string()).collect();
    for s in base {
        out.push(s.to_uppercase());
        out.push(s.to_lowercase());
        out.push(format!("{s} but {s}"));
        out.push(format!("but {s}"));
        out.push(format!("{s} but"));
        out.push(format!("{s}!!!"));
        out.push(format!("{s}???"));
        out.push(format!("😀{s}😢"));
        out.push(format!("not {s}"));
        out.push(format!("I feel {s} TODAY"));
        out.push(
            s.chars()
                .enumerate()
                .flat_map(|(i, c)| {
                    let upper = i % 2 == 0;
                    let cased: Vec<char> = if upper {
                        c.to_uppercase().collect()
                    } else {
                        c.to_lowercase().collect()
                    };
                    cased
                })
                .collect(),
        );
    }
    // Very long words and very long entries.
    out.push("a".repeat(10_000));
    out.push("good".repeat(2_000));
    out.push("GOOD".repeat(5_000));
    out.push("Σ".repeat(3_000));
    out.push("😀".repeat(3_000));
    out.push(format!("{} good", "x".repeat(50_000)));
    out.push("but ".repeat(2_000));
    out.push("good bad but ".repeat(1_000));
    out.push("happy sad ".repeat(3_000) + "but " + &"happy sad ".repeat(3_000));
    out
}

/// A small xorshift generator, seeded, so the random sentences are the same on every run.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[(self.next() % items.len() as u64) as usize]
    }
}

/// Seeded random sentences over the words the rules read (lexicon words, boosters, negations,
/// "but", "least", idiom parts, emoji, emoticons, punctuation), in random capitals.
fn random_sentences(count: usize) -> Vec<String> {
    const WORDS: &[&str] = &[
        "good",
        "bad",
        "happy",
        "sad",
        "love",
        "hate",
        "great",
        "terrible",
        "fine",
        "okay",
        "angry",
        "calm",
        "hurt",
        "trust",
        "betrayed",
        "relieved",
        "anxious",
        "jealous",
        "lonely",
        "grateful",
        "sorry",
        "nice",
        "awful",
        "win",
        "lost",
        "cry",
        "smile",
        "i",
        "he",
        "she",
        "we",
        "it",
        "was",
        "is",
        "the",
        "a",
        "and",
        "to",
        "of",
        "for",
        "him",
        "her",
        "me",
        "but",
        "but",
        "but",
        "not",
        "no",
        "never",
        "nor",
        "or",
        "isn't",
        "don't",
        "without",
        "doubt",
        "least",
        "at",
        "very",
        "so",
        "this",
        "kind",
        "sort",
        "just",
        "enough",
        "extremely",
        "barely",
        "slightly",
        "really",
        "totally",
        "shit",
        "bomb",
        "kiss",
        "death",
        "yeah",
        "right",
        "ass",
        "die",
        "beating",
        "heart",
        "bus",
        "stop",
        "😀",
        "😢",
        "❤️",
        "👍",
        ":)",
        ":(",
        ":D",
        "<3",
        "!",
        "!!",
        "?",
        "??",
        "...",
        ",",
        "lol",
        "ΣΑΣ",
        "ÉTÉ",
        "İ",
        "ﬁne",
    ];
    let mut rng = Rng(0x2545_F491_4F6C_DD1D);
    (0..count)
        .map(|_| {
            let len = 1 + (rng.next() % 24) as usize;
            let mut sentence = String::new();
            for k in 0..len {
                let word = rng.pick(WORDS);
                let word = match rng.next() % 8 {
                    0 => word.to_uppercase(),
                    1 => {
                        let mut chars = word.chars();
                        chars.next().map_or_else(String::new, |first| {
                            first.to_uppercase().chain(chars).collect()
                        })
                    }
                    _ => word.to_string(),
                };
                if k > 0 {
                    sentence.push_str(match rng.next() % 10 {
                        0 => "",
                        1 => "  ",
                        2 => "\t",
                        _ => " ",
                    });
                }
                sentence.push_str(&word);
                match rng.next() % 12 {
                    0 => sentence.push(','),
                    1 => sentence.push('!'),
                    2 => sentence.push('.'),
                    _ => {}
                }
            }
            sentence
        })
        .collect()
}

#[test]
fn mend_vader_scores_match_vader_parity_bit_for_bit() {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut files = Vec::new();
    tsv_files(&fixtures, &mut files);
    assert!(
        files.len() >= 40,
        "found only {} fixture files",
        files.len()
    );

    let mut inputs: Vec<String> = Vec::new();
    let mut sentences = 0_usize;
    for file in &files {
        let raw =
            std::fs::read_to_string(file).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let mut whole = String::new();
        for line in raw.lines() {
            let Some((_, rest)) = line.split_once('\t') else {
                continue;
            };
            inputs.push(rest.to_string());
            sentences += 1;
            // The analysis fixtures keep the sentence in the last column: score it alone too.
            if let Some((_, last)) = rest.rsplit_once('\t') {
                inputs.push(last.to_string());
                whole.push_str(last);
            } else {
                whole.push_str(rest);
            }
            whole.push('\n');
        }
        // The whole file as one long entry, cut as mend cuts what it scores.
        inputs.push(prefix(&whole, 64 * 1024).to_string());
    }
    assert!(
        sentences >= 19_000,
        "found only {sentences} fixture sentences"
    );
    inputs.push(bench_entry());
    inputs.extend(adversarial());
    inputs.extend(random_sentences(20_000));

    let fast = Fast::new();
    let oracle = Oracle::new();
    let mut differing = Vec::new();
    for text in &inputs {
        let (got, want) = (fast_bits(&fast, text), oracle_bits(&oracle, text));
        if got != want {
            differing.push((text, got, want));
        }
    }
    println!(
        "compared {} inputs ({sentences} fixture sentences from {} files)",
        inputs.len(),
        files.len()
    );
    if !differing.is_empty() {
        let mut report = format!(
            "{} of {} inputs score differently (neg, neu, pos, compound):\n",
            differing.len(),
            inputs.len()
        );
        for (text, got, want) in &differing {
            let shown: String = text.chars().take(200).collect();
            let more = if shown.len() < text.len() {
                format!(" (+{} bytes)", text.len() - shown.len())
            } else {
                String::new()
            };
            report.push_str(&format!(
                "  {shown:?}{more}\n    mend-vader   {:?}\n    vader-parity {:?}\n",
                got.map(f64::from_bits),
                want.map(f64::from_bits),
            ));
        }
        panic!("{report}");
    }
}
