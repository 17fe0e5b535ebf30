//! The safety reader's own tokeniser: sentences of lower-case words, each word knowing its
//! clause and whether it was capitalised (a possible name). Contractions are opened ("he'd" is
//! "he would", "won't" is "will not") so the grammar sees one form of each auxiliary. Kept apart
//! from the analysis tokeniser because the grammar needs clauses and open forms it does not.

/// One sentence: words, their clause numbers, whether each was written with a capital and
/// whether it was written as a noun's possessive ("sister's" in "my sister's ex", which is the
/// word "sister": the ex is hers, not the writer's).
#[derive(Debug, Default, Clone)]
pub struct Sentence {
    pub words: Vec<String>,
    pub clause: Vec<u16>,
    pub cap: Vec<bool>,
    pub poss: Vec<bool>,
}

impl Sentence {
    pub fn len(&self) -> usize {
        self.words.len()
    }

    pub fn word(&self, i: usize) -> &str {
        self.words.get(i).map_or("", String::as_str)
    }

    /// Whether word `i` was written as a noun's possessive ("Ben's", "sister's").
    pub fn possessive(&self, i: usize) -> bool {
        self.poss.get(i) == Some(&true)
    }

    pub fn same_clause(&self, a: usize, b: usize) -> bool {
        a < self.len() && b < self.len() && self.clause[a] == self.clause[b]
    }

    fn push(&mut self, word: &str, clause: u16, cap: bool, poss: bool) {
        // "hell burn my stuff", "shell tell them": "he'll" and "she'll" typed without the
        // apostrophe. "hell" and "shell" are words too, so they are opened only before a verb a
        // threat or a plan starts with, in the same clause, and not after "the", "to" or "a".
        let n = self.words.len();
        if n > 0 && self.clause[n - 1] == clause && WILL_VERBS.contains(&word) {
            let subject = match self.words[n - 1].as_str() {
                "hell" => Some("he"),
                "shell" => Some("she"),
                _ => None,
            };
            let after_article = n > 1 && matches!(self.words[n - 2].as_str(), "the" | "to" | "a");
            if let Some(subject) = subject
                && !after_article
            {
                self.words[n - 1] = subject.to_string();
                self.words.push("will".to_string());
                self.clause.push(clause);
                self.cap.push(false);
                self.poss.push(false);
            }
        }
        self.words.push(word.to_string());
        self.clause.push(clause);
        self.cap.push(cap);
        self.poss.push(poss);
    }
}

/// Verbs that follow "he'll" or "she'll" in a threat or a plan, for opening those typed without
/// the apostrophe.
const WILL_VERBS: [&str; 40] = [
    "be", "burn", "kill", "hurt", "take", "tell", "make", "come", "leave", "find", "get", "do",
    "never", "just", "have", "go", "say", "call", "ruin", "break", "show", "put", "keep", "end",
    "throw", "stop", "send", "post", "wreck", "destroy", "smash", "hit", "beat", "follow",
    "report", "text", "sell", "cut", "lock", "drag",
];

/// Splits a text into sentences. A sentence ends at . ! ? ; … or a blank line; a clause ends
/// at a comma, colon, dash, bracket or "but" as well.
pub fn sentences(text: &str) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut current = Sentence::default();
    let mut clause: u16 = 0;
    let mut word = String::new();
    let mut cap = false;
    let mut newlines = 0;
    for c in text.chars() {
        let c = match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' | '`' => '\'',
            c => c,
        };
        if c.is_alphanumeric() || c == '\'' || ('\u{0300}'..='\u{036F}').contains(&c) {
            if word.is_empty() {
                cap = c.is_uppercase();
            }
            word.extend(c.to_lowercase());
            if c != '\n' {
                newlines = 0;
            }
            continue;
        }
        flush_word(&mut word, cap, &mut current, &mut clause);
        let end_sentence = match c {
            '.' | '!' | '?' | ';' | '\u{2026}' | '\u{3002}' | '\u{FF01}' | '\u{FF1F}' => true,
            '\n' => {
                newlines += 1;
                newlines >= 2
            }
            _ => false,
        };
        if c != '\n' && !c.is_whitespace() {
            newlines = 0;
        }
        if end_sentence {
            if !current.words.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            clause = 0;
        } else if matches!(
            c,
            ',' | ':' | '\u{2014}' | '\u{2013}' | '(' | ')' | '[' | ']'
        ) {
            clause = clause.saturating_add(1);
        }
    }
    flush_word(&mut word, cap, &mut current, &mut clause);
    if !current.words.is_empty() {
        out.push(current);
    }
    out
}

/// Ends the word being read and adds its open form to the sentence.
fn flush_word(word: &mut String, cap: bool, current: &mut Sentence, clause: &mut u16) {
    let w = word.trim_matches('\'');
    if !w.is_empty() {
        if w == "but" {
            *clause = clause.saturating_add(1);
        }
        // A noun's "'s" is dropped by `open_contraction`; a pronoun's is "is".
        let poss = w.strip_suffix("'s").is_some_and(|stem| !pronoun_is(stem));
        open_contraction(w, |part| current.push(part, *clause, cap, poss));
    }
    word.clear();
}

/// The words whose "'s" is "is" ("he's hitting me"); after any other word it is a possessive.
fn pronoun_is(stem: &str) -> bool {
    matches!(
        stem,
        "he" | "she" | "it" | "that" | "there" | "what" | "who"
    )
}

/// Opens a contraction into its words; other words pass through unchanged.
fn open_contraction(w: &str, mut emit: impl FnMut(&str)) {
    let whole: Option<&[&str]> = match w {
        "won't" | "wont" => Some(&["will", "not"]),
        "can't" | "cant" | "cannot" => Some(&["can", "not"]),
        "shan't" => Some(&["shall", "not"]),
        "ain't" => Some(&["is", "not"]),
        "dont" => Some(&["do", "not"]),
        "didnt" => Some(&["did", "not"]),
        "doesnt" => Some(&["does", "not"]),
        "isnt" => Some(&["is", "not"]),
        "wasnt" => Some(&["was", "not"]),
        "wouldnt" => Some(&["would", "not"]),
        "couldnt" => Some(&["could", "not"]),
        "havent" => Some(&["have", "not"]),
        "hasnt" => Some(&["has", "not"]),
        "im" => Some(&["i", "am"]),
        "hes" => Some(&["he", "is"]),
        "shes" => Some(&["she", "is"]),
        "theyre" => Some(&["they", "are"]),
        "thats" => Some(&["that", "is"]),
        "whats" => Some(&["what", "is"]),
        "theres" => Some(&["there", "is"]),
        "hed" => Some(&["he", "would"]),
        "itll" => Some(&["it", "will"]),
        "ive" => Some(&["i", "have"]),
        "gonna" => Some(&["going", "to"]),
        "wanna" => Some(&["want", "to"]),
        _ => None,
    };
    if let Some(parts) = whole {
        parts.iter().for_each(|p| emit(p));
        return;
    }
    if let Some(stem) = w.strip_suffix("n't") {
        emit(stem);
        emit("not");
        return;
    }
    let suffixes: [(&str, &str); 5] = [
        ("'ll", "will"),
        ("'d", "would"),
        ("'ve", "have"),
        ("'re", "are"),
        ("'m", "am"),
    ];
    for (suffix, open) in suffixes {
        if let Some(stem) = w.strip_suffix(suffix) {
            emit(stem);
            emit(open);
            return;
        }
    }
    if let Some(stem) = w.strip_suffix("'s") {
        emit(stem);
        // "he's hitting me": the auxiliary matters after a pronoun; after a noun it is
        // a possessive ("the movie's villain").
        if pronoun_is(stem) {
            emit("is");
        }
        return;
    }
    emit(w);
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<Vec<String>> {
        sentences(text).into_iter().map(|s| s.words).collect()
    }

    #[test]
    fn contractions_are_opened_and_sentences_split() {
        assert_eq!(
            words("He'd hurt me. I won\u{2019}t go; she's gone"),
            [
                vec!["he", "would", "hurt", "me"],
                vec!["i", "will", "not", "go"],
                vec!["she", "is", "gone"]
            ]
        );
        assert_eq!(
            words("I don't, dont"),
            [vec!["i", "do", "not", "do", "not"]]
        );
        assert_eq!(
            words("the movie's villain"),
            [vec!["the", "movie", "villain"]]
        );
        assert_eq!(
            words("hell burn it, shell tell them. the hell be"),
            [
                vec!["he", "will", "burn", "it", "she", "will", "tell", "them"],
                vec!["the", "hell", "be"]
            ]
        );
        assert_eq!(
            words("a shell, hell no"),
            [vec!["a", "shell", "hell", "no"]]
        );
    }

    #[test]
    fn clauses_and_capitals_are_recorded() {
        let s = &sentences("In the show, Tom hit him but he laughed")[0];
        assert_eq!(s.clause, [0, 0, 0, 1, 1, 1, 2, 2, 2]);
        assert!(s.cap[3]);
        assert!(!s.cap[4]);
        assert_eq!(sentences("one\ntwo").len(), 1);
        assert_eq!(sentences("one\n\ntwo").len(), 2);
    }

    #[test]
    fn a_nouns_possessive_is_marked_and_a_pronouns_is_opened() {
        let s = &sentences("my sister's ex said he's sorry")[0];
        assert_eq!(s.words, ["my", "sister", "ex", "said", "he", "is", "sorry"]);
        assert_eq!(
            (0..s.len()).map(|i| s.possessive(i)).collect::<Vec<_>>(),
            [false, true, false, false, false, false, false]
        );
        assert!(sentences("Ben\u{2019}s ex")[0].possessive(0));
        assert!(!sentences("she's here")[0].possessive(0));
    }
}
