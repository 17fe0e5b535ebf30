//! The vendored VADER 3.3.2 data tables.
//!
//! The two lexicon files are byte-identical copies from the vaderSentiment
//! 3.3.2 sdist, and `rules_tables.tsv` transcribes the idiom and booster
//! tables that the reference embeds in its source file. `data/PROVENANCE`
//! records the sha256 digests; `tests/provenance.rs` enforces them. The
//! tables reproduce the reference's `make_lex_dict` and `make_emoji_dict`
//! semantics over the reference's bytes, which is the definition of the
//! tables: no edits, no re-sorting, no de-duplication. `build.rs` parses the
//! files into static maps when the crate is compiled; the loaders below are
//! the runtime parse that the table tests hold those maps to.

#[cfg(test)]
use crate::hash::{FastMap, FastSet};
#[cfg(test)]
use crate::text::py_strip;

/// `data/vader_lexicon.txt`, byte-identical to the 3.3.2 sdist.
#[cfg(test)]
const VADER_LEXICON: &str = include_str!("../data/vader_lexicon.txt");
/// `data/emoji_utf8_lexicon.txt`, byte-identical to the 3.3.2 sdist.
#[cfg(test)]
const EMOJI_LEXICON: &str = include_str!("../data/emoji_utf8_lexicon.txt");
/// `data/rules_tables.tsv`, the transcribed `SPECIAL_CASES` and `BOOSTER_DICT`.
#[cfg(test)]
const RULES_TABLES: &str = include_str!("../data/rules_tables.tsv");

/// One `SPECIAL_CASES` entry. Python's table mixes int values ("the shit": 3)
/// with float values ("bad ass": 1.5), and CPython's builtin `sum` adds int
/// list items outside its float compensation step, so whether a replacement
/// valence was an int is observable in the pre-rounding compound and must
/// ride along with the value.
#[derive(Clone, Copy)]
pub(crate) struct SpecialCase {
    /// The replacement valence.
    pub(crate) value: f64,
    /// True when the Python literal is an int.
    pub(crate) is_int: bool,
}

/// The emoji table: single code point to description, with the smallest
/// key kept beside the map so that a character below it (every ASCII
/// character, with the vendored data, whose smallest key is U+00A9) is
/// known absent without a lookup.
pub(crate) struct Emojis {
    map: &'static phf::Map<char, &'static str>,
    /// The smallest key; `char::MAX` for an empty table, whose lookups all
    /// miss either way.
    floor: char,
}

impl Emojis {
    /// The description of `c`, if it is a key: exactly `map.get(&c)`.
    #[inline]
    pub(crate) fn get(&self, c: char) -> Option<&'static str> {
        if c < self.floor {
            return None;
        }
        self.map.get(&c).copied()
    }
}

/// The tables one analyzer holds: the static maps `build.rs` generates from
/// the vendored data when the crate is compiled. A process that scores text
/// once used to spend more on parsing the lexicons into hash maps than on the
/// scoring; now nothing is parsed or allocated at run time.
pub(crate) struct Tables {
    /// Single code point to description, from `emoji_utf8_lexicon.txt`.
    pub(crate) emojis: Emojis,
    /// Exact idiom sequence to replacement valence (`SPECIAL_CASES`).
    pub(crate) special_cases: &'static phf::Map<&'static str, SpecialCase>,
    /// Booster or dampener key to increment (`BOOSTER_DICT`), including the
    /// multi-token keys "just enough", "kind of", and "sort of".
    pub(crate) boosters: &'static phf::Map<&'static str, f64>,
    /// Every key of the lexicon (`vader_lexicon.txt`) and of `boosters`,
    /// every idiom word and every `NEGATE` word, with what each of those
    /// tables says of it, so that a token's lookups are made with one hash
    /// of its lowercase form.
    ///
    /// An idiom word is a space-separated word of a `SPECIAL_CASES` or
    /// `BOOSTER_DICT` key that contains a space. The idiom check looks up
    /// sequences of two and three tokens joined with spaces, and tokens hold
    /// no space, so a sequence can only equal a key when each of its tokens
    /// is one of these words; any other sequence is known to miss without
    /// being built.
    pub(crate) words: &'static WordMap,
}

/// The word table's map: phf's perfect hash (the `ptrhash` scheme), solved by
/// `build.rs` over [`crate::phash::hash`] instead of phf's SipHash, because
/// every token is looked up here (see `src/phash.rs`).
pub(crate) struct WordMap {
    /// The hash seed the solver settled on.
    seed: u64,
    /// The solver's per-bucket displacements.
    pilots: &'static [u8],
    /// Where slots past the end of `entries` were moved.
    remap: &'static [u32],
    /// Each word and its entry, in the solver's order.
    entries: &'static [(&'static str, Word)],
}

impl WordMap {
    /// The entry of `word`, if it is a key. A word that is not lands on some
    /// entry whose key differs.
    #[inline]
    pub(crate) fn get(&self, word: &str) -> Option<&'static Word> {
        let entries = self.entries;
        if entries.is_empty() {
            return None;
        }
        let hash = crate::phash::hash(word.as_bytes(), self.seed);
        let index =
            phf_shared::ptrhash::get_index(self.seed, hash, self.pilots, self.remap, entries.len());
        match entries.get(index as usize) {
            Some((key, entry)) if *key == word => Some(entry),
            _ => None,
        }
    }

    /// Every word and its entry.
    #[cfg(test)]
    pub(crate) fn entries(&self) -> impl Iterator<Item = (&'static str, &'static Word)> {
        self.entries.iter().map(|(key, entry)| (*key, entry))
    }

    /// Every word.
    #[cfg(test)]
    pub(crate) fn keys(&self) -> impl Iterator<Item = &'static str> {
        self.entries().map(|(key, _)| key)
    }
}

/// What the word tables say of one lowercase word.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub(crate) struct Word {
    /// `lexicon.get(word)`.
    pub(crate) valence: Option<f64>,
    /// `boosters.get(word)`.
    pub(crate) booster: Option<f64>,
    /// Whether the word is an idiom word (see [`Tables::words`]).
    pub(crate) idiom_word: bool,
    /// `word in NEGATE`.
    pub(crate) negate: bool,
}

// `WORDS`, `SPECIAL_CASES`, `BOOSTERS`, `EMOJIS` and `EMOJI_FLOOR`, written by
// `build.rs` from `data/`.
include!(concat!(env!("OUT_DIR"), "/tables.rs"));

impl Tables {
    /// The vendored tables. Nothing is parsed here: `build.rs` parsed the
    /// vendored bytes, which the provenance test pins, when the crate was
    /// compiled, and the table tests below compare its tables with a parse
    /// of the same bytes at run time.
    pub(crate) fn load() -> Tables {
        Tables {
            emojis: Emojis {
                map: &EMOJIS,
                floor: EMOJI_FLOOR,
            },
            special_cases: &SPECIAL_CASES,
            boosters: &BOOSTERS,
            words: &WORDS,
        }
    }
}

/// The reference's `make_lex_dict`:
///
/// ```python
/// for line in self.lexicon_full_filepath.rstrip('\n').split('\n'):
///     if not line: continue
///     (word, measure) = line.strip().split('\t')[0:2]
///     lex_dict[word] = float(measure)
/// ```
///
/// Later duplicate keys overwrite earlier ones, dict-style. A line without a
/// tab or with an unparseable measure would raise in Python; the vendored
/// file has none, and here such a line is skipped so the loader stays total.
#[cfg(test)]
fn parse_lexicon(raw: &str) -> FastMap<String, f64> {
    let mut map = FastMap::default();
    for line in raw.trim_end_matches('\n').split('\n') {
        if line.is_empty() {
            continue;
        }
        let mut fields = py_strip(line).split('\t');
        if let (Some(word), Some(measure)) = (fields.next(), fields.next()) {
            if let Ok(value) = measure.parse::<f64>() {
                map.insert(word.to_string(), value);
            }
        }
    }
    map
}

/// The reference's `make_emoji_dict`, same line shape without the empty-line
/// skip. The reference looks emoji up one character at a time, so a key of
/// two or more code points can never match; only single code point keys are
/// kept, later duplicates overwriting earlier ones.
#[cfg(test)]
fn parse_emojis(raw: &str) -> FastMap<char, String> {
    let mut map = FastMap::default();
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

/// The transcribed `SPECIAL_CASES` and `BOOSTER_DICT` tables: three
/// tab-separated columns, `kind` then `key` then `value`, with `#` comment
/// lines carrying the provenance header. The value column holds Python
/// literal reprs, so a value with no decimal point is a Python int, which
/// [`SpecialCase::is_int`] records.
#[cfg(test)]
fn parse_rules_tables(raw: &str) -> (FastMap<String, SpecialCase>, FastMap<String, f64>) {
    let mut special_cases = FastMap::default();
    let mut boosters = FastMap::default();
    for line in raw.lines() {
        if line.is_empty() || line.as_bytes().first() == Some(&b'#') {
            continue;
        }
        let mut fields = line.split('\t');
        if let (Some(kind), Some(key), Some(literal)) =
            (fields.next(), fields.next(), fields.next())
        {
            if let Ok(value) = literal.parse::<f64>() {
                match kind {
                    "special" => {
                        let is_int = !literal.bytes().any(|b| b == b'.');
                        special_cases.insert(key.to_string(), SpecialCase { value, is_int });
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

/// The idiom words (see [`Tables::words`]) of parsed `SPECIAL_CASES` and
/// `BOOSTER_DICT` tables.
#[cfg(test)]
fn idiom_words(
    special_cases: &FastMap<String, SpecialCase>,
    boosters: &FastMap<String, f64>,
) -> FastSet<String> {
    special_cases
        .keys()
        .chain(boosters.keys())
        .filter(|key| key.bytes().any(|b| b == b' '))
        .flat_map(|key| key.split(' '))
        .map(str::to_string)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{
        idiom_words, parse_emojis, parse_lexicon, parse_rules_tables, Emojis, FastMap, FastSet,
        SpecialCase, Tables, Word, EMOJI_LEXICON, RULES_TABLES, VADER_LEXICON,
    };
    use crate::negate::NEGATE;

    /// The vendored files parsed at run time by the loaders above.
    struct Parsed {
        lexicon: FastMap<String, f64>,
        emojis: FastMap<char, String>,
        special_cases: FastMap<String, SpecialCase>,
        boosters: FastMap<String, f64>,
        idiom_words: FastSet<String>,
    }

    fn parsed() -> Parsed {
        let (special_cases, boosters) = parse_rules_tables(RULES_TABLES);
        Parsed {
            lexicon: parse_lexicon(VADER_LEXICON),
            emojis: parse_emojis(EMOJI_LEXICON),
            idiom_words: idiom_words(&special_cases, &boosters),
            special_cases,
            boosters,
        }
    }

    /// A `Word` with its floats as bits, so that a comparison is bit for bit
    /// (`==` on floats would take -0.0 for 0.0).
    fn bits(w: Word) -> (Option<u64>, Option<u64>, bool, bool) {
        (
            w.valence.map(f64::to_bits),
            w.booster.map(f64::to_bits),
            w.idiom_word,
            w.negate,
        )
    }

    #[test]
    fn table_sizes_match_the_reference() {
        // Counts observed on the loaded Python 3.3.2 reference: 7506 lexicon
        // entries (7520 lines, 14 later-wins duplicates), 1212 single code
        // point emoji keys of the dict's 3570, 9 special cases, 84 boosters.
        let parsed = parsed();
        assert_eq!(parsed.lexicon.len(), 7506);
        assert_eq!(parsed.emojis.len(), 1212);
        assert_eq!(parsed.special_cases.len(), 9);
        assert_eq!(parsed.boosters.len(), 84);
        let tables = Tables::load();
        let valences = tables.words.entries().filter(|(_, w)| w.valence.is_some());
        assert_eq!(valences.count(), 7506);
        assert_eq!(tables.emojis.map.len(), 1212);
        assert_eq!(tables.special_cases.len(), 9);
        assert_eq!(tables.boosters.len(), 84);
    }

    #[test]
    fn known_entries_parse_to_reference_values() {
        let tables = Tables::load();
        let valence = |word: &str| tables.words.get(word).and_then(|w| w.valence);
        assert_eq!(valence("good"), Some(1.9));
        assert_eq!(valence("no"), Some(-1.2));
        assert_eq!(valence(":)"), Some(2.0));
        let the_shit = tables.special_cases.get("the shit").copied();
        assert_eq!(the_shit.map(|c| c.value), Some(3.0));
        // Python spells it as the int literal 3.
        assert_eq!(the_shit.map(|c| c.is_int), Some(true));
        let beating_heart = tables.special_cases.get("beating heart").copied();
        assert_eq!(beating_heart.map(|c| c.value), Some(3.5));
        assert_eq!(beating_heart.map(|c| c.is_int), Some(false));
        let bus_stop = tables.special_cases.get("bus stop").copied();
        // "bus stop": 0.0 is a float literal in Python, unlike the int 3s.
        assert_eq!(bus_stop.map(|c| c.value), Some(0.0));
        assert_eq!(bus_stop.map(|c| c.is_int), Some(false));
        assert_eq!(tables.boosters.get("so").copied(), Some(0.293));
        assert_eq!(tables.boosters.get("sort of").copied(), Some(-0.293));
        assert_eq!(tables.emojis.get('\u{1F496}'), Some("sparkling heart"));
    }

    /// `build.rs` wrote exactly what the runtime loaders read from the same
    /// files: the same keys, and the same values bit for bit.
    #[test]
    fn generated_tables_equal_the_runtime_parse() {
        let parsed = parsed();
        let tables = Tables::load();
        assert_eq!(tables.emojis.map.len(), parsed.emojis.len());
        for (&c, description) in &parsed.emojis {
            assert_eq!(tables.emojis.get(c), Some(description.as_str()), "{c:?}");
        }
        assert_eq!(tables.special_cases.len(), parsed.special_cases.len());
        for (key, case) in &parsed.special_cases {
            let got = tables.special_cases.get(key.as_str());
            let got = got.map(|c| (c.value.to_bits(), c.is_int));
            assert_eq!(got, Some((case.value.to_bits(), case.is_int)), "{key:?}");
        }
        assert_eq!(tables.boosters.len(), parsed.boosters.len());
        for (key, &value) in &parsed.boosters {
            let got = tables.boosters.get(key.as_str()).map(|v| v.to_bits());
            assert_eq!(got, Some(value.to_bits()), "{key:?}");
        }
    }

    /// No emoji key is ASCII, so ASCII text skips the emoji lookups; the
    /// floor is the smallest key and every key at or above it still hits.
    #[test]
    fn emoji_floor_is_the_smallest_key() {
        let tables = Tables::load();
        assert_eq!(tables.emojis.floor, '\u{00A9}');
        assert_eq!(tables.emojis.map.keys().min(), Some(&'\u{00A9}'));
        assert!(tables.emojis.map.keys().all(|&c| !c.is_ascii()));
        assert_eq!(tables.emojis.get('\u{00A9}'), Some("copyright"));
        assert!(tables
            .emojis
            .map
            .keys()
            .all(|&c| tables.emojis.get(c).is_some()));
        assert_eq!(tables.emojis.get('a'), None);
        static EMPTY: phf::Map<char, &str> = phf::Map::new();
        let empty = Emojis {
            map: &EMPTY,
            floor: char::MAX,
        };
        assert_eq!(empty.get('a'), None);
        assert_eq!(empty.get(char::MAX), None);
    }

    /// The merged table answers each word exactly as the separately parsed
    /// tables do, for every key of each and for words in none.
    #[test]
    fn word_table_agrees_with_the_separate_tables() {
        let parsed = parsed();
        let tables = Tables::load();
        let expected = |word: &str| Word {
            valence: parsed.lexicon.get(word).copied(),
            booster: parsed.boosters.get(word).copied(),
            idiom_word: parsed.idiom_words.contains(word),
            negate: NEGATE.contains(&word),
        };
        let mut probes: Vec<String> = tables.words.keys().map(|w| w.to_string()).collect();
        probes.extend(parsed.lexicon.keys().cloned());
        probes.extend(parsed.boosters.keys().cloned());
        probes.extend(parsed.idiom_words.iter().cloned());
        probes.extend(NEGATE.map(String::from));
        // Near misses of every word, which hash to arbitrary entries of the
        // perfect hash and must fail its key comparison.
        let keys: Vec<&str> = tables.words.keys().collect();
        for key in keys {
            probes.push(format!("{key}x"));
            probes.push(format!("{key}\0"));
            probes.push(key.to_uppercase());
            let prefixes = key.char_indices().filter_map(|(i, _)| key.get(..i));
            probes.extend(prefixes.map(str::to_string));
        }
        probes.extend(["", "zzz", "not good", "kind of", "n't", "Good"].map(String::from));
        for word in &probes {
            let got = tables.words.get(word.as_str()).copied().unwrap_or_default();
            assert_eq!(bits(got), bits(expected(word)), "{word:?}");
        }
        // Nothing but the four sources: a word in none has no entry.
        assert!(tables.words.keys().all(|w| expected(w) != Word::default()));
        assert_eq!(tables.words.get("so").map(|w| w.booster), Some(Some(0.293)));
        assert_eq!(tables.words.get("good").map(|w| w.valence), Some(Some(1.9)));
        assert_eq!(tables.words.get("never").map(|w| w.negate), Some(true));
        assert_eq!(tables.words.get("of").map(|w| w.idiom_word), Some(true));
    }

    #[test]
    fn idiom_words_are_the_words_of_spaced_keys() {
        let expected = [
            "ass", "bad", "beating", "bomb", "bus", "death", "die", "enough", "for", "heart",
            "just", "kind", "kiss", "of", "right", "shit", "sort", "stop", "the", "to", "yeah",
        ];
        let parsed = parsed();
        let mut words: Vec<&str> = parsed.idiom_words.iter().map(String::as_str).collect();
        words.sort_unstable();
        assert_eq!(words, expected);
        let tables = Tables::load();
        let mut words: Vec<&str> = tables
            .words
            .entries()
            .filter(|(_, w)| w.idiom_word)
            .map(|(word, _)| word)
            .collect();
        words.sort_unstable();
        assert_eq!(words, expected);
    }

    #[test]
    fn lexicon_loader_skips_what_python_would_reject() {
        let map = parse_lexicon("good\t1.9\n\nbad\tnot-a-number\nlonely-field\nok\t0.5\n");
        assert_eq!(map.len(), 2);
        assert_eq!(map.get("good").copied(), Some(1.9));
        assert_eq!(map.get("ok").copied(), Some(0.5));
    }
    #[test]
    fn lexicon_loader_lets_later_duplicates_win() {
        let map = parse_lexicon("word\t1.0\nword\t2.0\n");
        assert_eq!(map.get("word").copied(), Some(2.0));
    }

    #[test]
    fn emoji_loader_keeps_single_code_point_keys_only() {
        let map = parse_emojis("\u{1F600}\tgrinning face\n\u{1F468}\u{200D}\u{1F469}\tfamily\nx\tearly\nx\tlate\nbroken-line\n");
        assert_eq!(map.len(), 2);
        assert_eq!(map.get(&'x').map(String::as_str), Some("late"));
        assert_eq!(
            map.get(&'\u{1F600}').map(String::as_str),
            Some("grinning face")
        );
    }

    #[test]
    fn rules_tables_loader_splits_kinds_and_skips_junk() {
        let (special, boost) = parse_rules_tables(
            "# header\nspecial\tthe shit\t3\nspecial\tbad ass\t1.5\nbooster\tso\t0.293\nmystery\tx\t1\nbooster\tbad\tNaN?no\nshort-line\n\n",
        );
        assert_eq!(special.len(), 2);
        assert_eq!(boost.len(), 1);
        assert_eq!(
            special.get("the shit").map(|c| (c.value, c.is_int)),
            Some((3.0, true))
        );
        assert_eq!(
            special.get("bad ass").map(|c| (c.value, c.is_int)),
            Some((1.5, false))
        );
        assert_eq!(boost.get("so").copied(), Some(0.293));
    }
}
