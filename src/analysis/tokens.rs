//! The tokeniser: text to lower-case words, with the sentence breaks between them, the
//! clause punctuation before each word and whether a word stands inside quotation marks.

/// A comma, colon, dash or bracket stands between this word and the one before.
const CLAUSE: u8 = 1;
/// The word stands inside quotation marks.
const QUOTED: u8 = 2;
/// The word starts with a capital letter.
const CAPITAL: u8 = 4;

/// Text split into lower-case words, remembering where sentences break between them.
#[derive(Debug, Default)]
pub struct Tokens {
    text: String,
    spans: Vec<(usize, usize)>,
    /// `breaks[i]`: a sentence ends between word `i - 1` and word `i`. Phrases do not run across
    /// it (when the matcher says so) and negation does not reach back over it.
    breaks: Vec<bool>,
    /// `CLAUSE` and `QUOTED` bits per word, for reading who says what.
    flags: Vec<u8>,
}

impl Tokens {
    pub fn new(text: &str) -> Tokens {
        let mut tokens = Tokens {
            text: String::with_capacity(text.len()),
            spans: Vec::with_capacity(text.len() / 5 + 1),
            breaks: Vec::with_capacity(text.len() / 5 + 1),
            flags: Vec::with_capacity(text.len() / 5 + 1),
        };
        let mut start: Option<usize> = None;
        let mut pending_break = false;
        let mut pending_clause = false;
        // Double quotes (straight or curly) and single quotes that open before a word and close
        // after one; an apostrophe inside a word ("don't") or after a plural ("friends'") is
        // neither.
        let mut in_double = false;
        let mut in_single = false;
        let mut prev_word_char = false;
        // A word just ended by . , ! or ?: a single quote there closes ("again.' I stopped").
        let mut word_then_stop = false;
        let mut word_quoted = false;
        let mut closed_single = false;
        let mut word_capital = false;
        let mut newlines = 0;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            let c = match c {
                '\u{2019}' | '\u{2018}' | '\u{02BC}' => '\'',
                c => c,
            };
            if c == '\'' {
                let next_word = chars.peek().is_some_and(|&n| n.is_alphanumeric());
                if !prev_word_char && next_word && !in_single {
                    in_single = true;
                    pending_clause = true;
                } else if (prev_word_char || word_then_stop) && !next_word && in_single {
                    // Closes after the word it ends: the break falls before the next word.
                    in_single = false;
                    closed_single = true;
                }
            }
            word_then_stop = matches!(c, '.' | ',' | '!' | '?' | '\u{2026}')
                && (prev_word_char || word_then_stop);
            prev_word_char = c.is_alphanumeric();
            if is_word_char(c) {
                if start.is_none() {
                    start = Some(tokens.text.len());
                    word_quoted = in_double || in_single;
                    word_capital = c.is_uppercase();
                }
                if c.is_ascii() {
                    tokens.text.push(c.to_ascii_lowercase());
                } else {
                    tokens.text.extend(c.to_lowercase());
                }
                continue;
            }
            if let Some(s) = start.take() {
                tokens.push(
                    s,
                    pending_break,
                    pending_clause,
                    u8::from(word_quoted) | (u8::from(word_capital) << 1),
                );
                pending_break = false;
                pending_clause = std::mem::take(&mut closed_single);
                newlines = 0;
            }
            match c {
                '.' | '!' | '?' | ';' | '\u{2026}' | '\u{3002}' | '\u{FF01}' | '\u{FF1F}' => {
                    pending_break = true
                }
                '"' | '\u{201C}' | '\u{201D}' | '\u{00AB}' | '\u{00BB}' => {
                    in_double = match c {
                        '\u{201C}' | '\u{00AB}' => true,
                        '\u{201D}' | '\u{00BB}' => false,
                        _ => !in_double,
                    };
                    pending_clause = true;
                }
                ',' | ':' | '(' | ')' | '[' | ']' | '\u{2013}' | '\u{2014}' => {
                    pending_clause = true
                }
                // A single newline is often just an editor's hard wrap; a blank line is not.
                '\n' => {
                    newlines += 1;
                    if newlines >= 2 {
                        pending_break = true;
                    }
                }
                c if !c.is_whitespace() => newlines = 0,
                _ => {}
            }
        }
        if let Some(s) = start {
            tokens.push(
                s,
                pending_break,
                pending_clause,
                u8::from(word_quoted) | (u8::from(word_capital) << 1),
            );
        }
        tokens
    }

    /// Keeps a word from `start` to the end of the buffer, minus quote-like apostrophes at its
    /// edges ("'jealous'" is the word jealous; "don't" keeps its apostrophe).
    /// `marks`: bit 0 quoted, bit 1 capitalised.
    fn push(&mut self, start: usize, break_before: bool, clause_before: bool, marks: u8) {
        let word = &self.text[start..];
        let trimmed = word.trim_matches('\'');
        if trimmed.is_empty() {
            self.text.truncate(start);
            return;
        }
        let s = start + (word.len() - word.trim_start_matches('\'').len());
        let at_start = self.spans.is_empty();
        self.spans.push((s, s + trimmed.len()));
        self.breaks.push(break_before && !at_start);
        self.flags.push(
            u8::from(clause_before && !at_start) * CLAUSE
                + (marks & 1) * QUOTED
                + ((marks >> 1) & 1) * CAPITAL,
        );
    }

    pub fn len(&self) -> usize {
        self.spans.len()
    }

    pub fn get(&self, i: usize) -> &str {
        let (s, e) = self.spans[i];
        &self.text[s..e]
    }

    pub fn break_before(&self, i: usize) -> bool {
        self.breaks[i]
    }

    /// Clause punctuation (a comma, colon, dash, bracket or quotation mark) before word `i`.
    pub fn clause_before(&self, i: usize) -> bool {
        self.flags[i] & CLAUSE != 0
    }

    /// Word `i` stands inside quotation marks.
    pub fn quoted(&self, i: usize) -> bool {
        self.flags[i] & QUOTED != 0
    }

    /// Word `i` was written with a capital first letter.
    pub fn capital(&self, i: usize) -> bool {
        self.flags[i] & CAPITAL != 0
    }

    pub fn iter(&self) -> impl Iterator<Item = &str> {
        (0..self.len()).map(|i| self.get(i))
    }
}

/// Letters and digits of any script, apostrophes, and combining accents (so a decomposed "é"
/// stays inside its word).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '\'' || ('\u{0300}'..='\u{036F}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        Tokens::new(text).iter().map(String::from).collect()
    }

    #[test]
    fn tokeniser_lowercases_and_splits_on_punctuation_and_hyphens() {
        assert_eq!(
            words("I Felt SO jealous, again!"),
            ["i", "felt", "so", "jealous", "again"]
        );
        assert_eq!(words("self-harm"), ["self", "harm"]);
        assert_eq!(words("  "), Vec::<String>::new());
        assert_eq!(words("3 times in 24h..."), ["3", "times", "in", "24h"]);
        assert_eq!(
            words("(checked)—his/her phone"),
            ["checked", "his", "her", "phone"]
        );
    }

    #[test]
    fn tokeniser_keeps_apostrophes_inside_words_only() {
        assert_eq!(
            words("I don\u{2019}t trust him"),
            ["i", "don't", "trust", "him"]
        );
        assert_eq!(words("I\u{2019}M fine"), ["i'm", "fine"]);
        assert_eq!(
            words("'jealous' he said, my friends' advice ' ok"),
            ["jealous", "he", "said", "my", "friends", "advice", "ok"]
        );
    }

    #[test]
    fn tokeniser_keeps_unicode_letters() {
        assert_eq!(words("Café ÉTÉ naïve"), ["café", "été", "naïve"]);
        assert_eq!(words("cafe\u{0301} ok"), ["cafe\u{0301}", "ok"]);
        assert_eq!(words("我很 嫉妒。ok"), ["我很", "嫉妒", "ok"]);
        assert!(Tokens::new("我很 嫉妒。ok").break_before(2));
    }

    #[test]
    fn tokeniser_marks_quotes_and_clause_punctuation() {
        let t = Tokens::new("He said, \"You're jealous,\" and 'that' was it; my friends' advice");
        let quoted: Vec<bool> = (0..t.len()).map(|i| t.quoted(i)).collect();
        assert_eq!(
            quoted,
            [
                false, false, true, true, false, true, false, false, false, false, false
            ]
        );
        assert!(t.clause_before(2) && t.clause_before(4) && !t.clause_before(1));
        let t = Tokens::new("\u{201C}Stop checking my phone,\u{201D} he said.");
        assert!(t.quoted(0) && t.quoted(3) && !t.quoted(4));
        // A single quote closes after the stop that ends the quoted words, straight or curly.
        for text in [
            "He said, 'You're being jealous again.' I stopped checking his phone",
            "He said, \u{2018}You\u{2019}re being jealous again.\u{2019} I stopped checking his phone",
            "She asked, 'Are you checking again?' I said no",
        ] {
            let t = Tokens::new(text);
            let quoted: Vec<bool> = (0..t.len()).map(|i| t.quoted(i)).collect();
            let closes = quoted.iter().rposition(|&q| q).unwrap();
            assert!(
                quoted[2] && !quoted[closes + 1..].iter().any(|&q| q),
                "{text}"
            );
            assert_eq!(t.get(closes + 1), "i", "{text}");
        }
    }

    #[test]
    fn tokeniser_records_sentence_breaks_but_not_hard_wraps() {
        let t = Tokens::new("One. Two\nthree\n\nfour; five, six");
        let breaks: Vec<bool> = (0..t.len()).map(|i| t.break_before(i)).collect();
        assert_eq!(breaks, [false, true, false, true, true, false]);
        assert!(!Tokens::new("...start").break_before(0));
    }
}
