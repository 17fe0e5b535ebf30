//! Builds the analyzer's lookup tables from `data/` when the crate is compiled.
//!
//! mend scores text in short-lived processes, and parsing the lexicons into hash
//! maps at every start cost more instructions than scoring a short entry. Here the
//! three data files are parsed once, with the reference's loader semantics (the
//! same ones the test-only runtime loaders in `src/data.rs` implement, which the
//! table tests compare with these tables entry by entry), and written out as
//! static perfect-hash maps for `src/data.rs` to include. Values are emitted as
//! the bits of what `str::parse::<f64>` returns, the parse the runtime loaders
//! used, so every score stays bit-identical.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

#[path = "src/negate.rs"]
mod negate;
#[path = "src/phash.rs"]
mod phash;

fn main() {
    for input in [
        "data/vader_lexicon.txt",
        "data/emoji_utf8_lexicon.txt",
        "data/rules_tables.tsv",
        "src/negate.rs",
        "src/phash.rs",
    ] {
        println!("cargo:rerun-if-changed={input}");
    }
    let read = |path: &str| {
        std::fs::read_to_string(path).unwrap_or_else(|e| panic!("reading {path}: {e}"))
    };
    let lexicon = read("data/vader_lexicon.txt");
    let emojis = read("data/emoji_utf8_lexicon.txt");
    let rules = read("data/rules_tables.tsv");

    let (special_cases, boosters) = parse_rules_tables(&rules);
    let words = word_table(&lexicon, &special_cases, &boosters);
    let emojis = parse_emojis(&emojis);

    let mut out = String::new();
    word_map(&mut out, &words);

    let mut map = phf_codegen::Map::new();
    for (key, &(value, is_int)) in &special_cases {
        map.entry(
            key.as_str(),
            format!(
                "SpecialCase {{ value: {}, is_int: {is_int} }}",
                f64_expr(value)
            ),
        );
    }
    emit(
        &mut out,
        "SPECIAL_CASES",
        "phf::Map<&'static str, SpecialCase>",
        map.build(),
    );

    let mut map = phf_codegen::Map::new();
    for (key, &value) in &boosters {
        map.entry(key.as_str(), f64_expr(value));
    }
    emit(
        &mut out,
        "BOOSTERS",
        "phf::Map<&'static str, f64>",
        map.build(),
    );

    let mut map = phf_codegen::Map::new();
    for (&c, description) in &emojis {
        map.entry(c, format!("{description:?}"));
    }
    emit(
        &mut out,
        "EMOJIS",
        "phf::Map<char, &'static str>",
        map.build(),
    );
    // The smallest key, so that lookups below it (all of ASCII) can be skipped;
    // `char::MAX` for an empty table, whose lookups all miss either way.
    let floor = emojis.keys().next().copied().unwrap_or(char::MAX);
    writeln!(
        out,
        "const EMOJI_FLOOR: char = '\\u{{{:x}}}';",
        u32::from(floor)
    )
    .expect("writing to a String");

    let dir = std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR");
    let path = Path::new(&dir).join("tables.rs");
    std::fs::write(&path, out).unwrap_or_else(|e| panic!("writing {}: {e}", path.display()));
}

/// The word table: phf's perfect hash, solved over `src/phash.rs`'s hash
/// rather than phf's own, which cost scoring more (see that file), and
/// written as `src/data.rs`'s `WordMap`.
fn word_map(out: &mut String, words: &BTreeMap<String, Word>) {
    let keys: Vec<&str> = words.keys().map(String::as_str).collect();
    let state = phf_generator::ptrhash::generate_hash_with_hash_fn(&keys, |key, &seed| {
        phash::hash(key.as_bytes(), seed)
    });
    let mut text = format!(
        "static WORDS: WordMap = WordMap {{\n    seed: {},\n    pilots: &{:?},\n    remap: &{:?},\n    entries: &[\n",
        state.seed, state.pilots, state.remap
    );
    for &i in &state.map {
        let word = keys[i];
        let w = &words[word];
        writeln!(
            text,
            "        ({word:?}, Word {{ valence: {}, booster: {}, idiom_word: {}, negate: {} }}),",
            option_f64(w.valence),
            option_f64(w.booster),
            w.idiom_word,
            w.negate
        )
        .expect("writing to a String");
    }
    text.push_str("    ],\n};\n");
    out.push_str(&text);
}

fn emit(out: &mut String, name: &str, ty: &str, map: impl std::fmt::Display) {
    writeln!(out, "static {name}: {ty} = {map};").expect("writing to a String");
}

/// An expression for exactly `value`: its bits, since a decimal rendering would
/// go through a second parse.
fn f64_expr(value: f64) -> String {
    format!("f64::from_bits({:#018x})", value.to_bits())
}

fn option_f64(value: Option<f64>) -> String {
    value.map_or_else(|| "None".to_string(), |v| format!("Some({})", f64_expr(v)))
}

/// What the tables say of one word; `src/data.rs`'s `Word`.
#[derive(Default)]
struct Word {
    valence: Option<f64>,
    booster: Option<f64>,
    idiom_word: bool,
    negate: bool,
}

/// The merged word table: every lexicon word (later duplicates win, as in the
/// reference's dict), every booster key, every word of a spaced idiom or booster
/// key, and every `NEGATE` word.
fn word_table(
    lexicon: &str,
    special_cases: &BTreeMap<String, (f64, bool)>,
    boosters: &BTreeMap<String, f64>,
) -> BTreeMap<String, Word> {
    let mut words: BTreeMap<String, Word> = BTreeMap::new();
    for line in lexicon.trim_end_matches('\n').split('\n') {
        if line.is_empty() {
            continue;
        }
        let mut fields = py_strip(line).split('\t');
        if let (Some(word), Some(measure)) = (fields.next(), fields.next()) {
            if let Ok(value) = measure.parse::<f64>() {
                words.entry(word.to_string()).or_default().valence = Some(value);
            }
        }
    }
    for (word, &booster) in boosters {
        words.entry(word.clone()).or_default().booster = Some(booster);
    }
    let idiom_words: BTreeSet<&str> = special_cases
        .keys()
        .chain(boosters.keys())
        .filter(|key| key.contains(' '))
        .flat_map(|key| key.split(' '))
        .collect();
    for word in idiom_words {
        words.entry(word.to_string()).or_default().idiom_word = true;
    }
    for word in negate::NEGATE {
        words.entry(word.to_string()).or_default().negate = true;
    }
    words
}

/// The reference's `make_emoji_dict`, keeping single code point keys only (the
/// reference looks emoji up one character at a time); later duplicates win.
fn parse_emojis(raw: &str) -> BTreeMap<char, String> {
    let mut map = BTreeMap::new();
    for line in raw.trim_end_matches('\n').split('\n') {
        let mut fields = py_strip(line).split('\t');
        if let (Some(key), Some(description)) = (fields.next(), fields.next()) {
            let mut chars = key.chars();
            if let (Some(c), None) = (chars.next(), chars.next()) {
                map.insert(c, description.to_string());
            }
        }
    }
    map
}

/// `SPECIAL_CASES` (value, and whether the Python literal is an int: no decimal
/// point) and `BOOSTER_DICT` from `rules_tables.tsv`; later duplicates win.
#[allow(clippy::type_complexity)]
fn parse_rules_tables(raw: &str) -> (BTreeMap<String, (f64, bool)>, BTreeMap<String, f64>) {
    let mut special_cases = BTreeMap::new();
    let mut boosters = BTreeMap::new();
    for line in raw.lines() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let mut fields = line.split('\t');
        if let (Some(kind), Some(key), Some(literal)) =
            (fields.next(), fields.next(), fields.next())
        {
            if let Ok(value) = literal.parse::<f64>() {
                match kind {
                    "special" => {
                        let is_int = !literal.contains('.');
                        special_cases.insert(key.to_string(), (value, is_int));
                    }
                    "booster" => {
                        boosters.insert(key.to_string(), value);
                    }
                    _ => {}
                }
            }
        }
    }
    (special_cases, boosters)
}

/// Python `str.strip()`: `src/text.rs`'s `py_strip`, whose whitespace class is
/// `str.isspace()`, the Unicode `White_Space` set plus U+001C to U+001F.
fn py_strip(s: &str) -> &str {
    s.trim_matches(|c: char| c.is_whitespace() || matches!(c, '\u{1c}'..='\u{1f}'))
}
