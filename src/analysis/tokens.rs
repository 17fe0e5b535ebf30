//! The tokeniser: text to lower-case words, with the sentence breaks between them.

/// Text split into lower-case words, remembering where sentences break between them.
#[derive(Debug, Default)]
pub struct Tokens {
    text: String,
    spans: Vec<(usize, usize)>,
    /// `breaks[i]`: a sentence ends between word `i - 1` and word `i`. Phrases do not run across
    /// it (when the matcher says so) and negation does not reach back over it.
    breaks: Vec<bool>,
}

impl Tokens {
    pub fn new(text: &str) -> Tokens {
        let mut tokens = Tokens {
            text: String::with_capacity(text.len()),
            spans: Vec::with_capacity(text.len() / 5 + 1),
            breaks: Vec::with_capacity(text.len() / 5 + 1),
        };
        let mut start: Option<usize> = None;
        let mut pending_break = false;
        let mut newlines = 0;
        for c in text.chars() {
            let c = match c {
                '\u{2019}' | '\u{2018}' | '\u{02BC}' => '\'',
                c => c,
            };
            if is_word_char(c) {
                if start.is_none() {
                    start = Some(tokens.text.len());
                }
                tokens.text.extend(c.to_lowercase());
                continue;
            }
            if let Some(s) = start.take() {
                tokens.push(s, pending_break);
                pending_break = false;
                newlines = 0;
            }
            match c {
                '.' | '!' | '?' | ';' | '\u{2026}' | '\u{3002}' | '\u{FF01}' | '\u{FF1F}' => {
                    pending_break = true
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
            tokens.push(s, pending_break);
        }
        tokens
    }

    /// Keeps a word from `start` to the end of the buffer, minus quote-like apostrophes at its
    /// edges ("'jealous'" is the word jealous; "don't" keeps its apostrophe).
    fn push(&mut self, start: usize, break_before: bool) {
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
    fn tokeniser_records_sentence_breaks_but_not_hard_wraps() {
        let t = Tokens::new("One. Two\nthree\n\nfour; five, six");
        let breaks: Vec<bool> = (0..t.len()).map(|i| t.break_before(i)).collect();
        assert_eq!(breaks, [false, true, false, true, true, false]);
        assert!(!Tokens::new("...start").break_before(0));
    }
}
