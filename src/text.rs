//! Where text becomes an entry body, for every way text arrives (arguments, standard input,
//! the editor, inline answers, drafts): the size limit, UTF-8, trimming and `#tags`. Keeping
//! the rules in one place means a text refused here is refused the same way everywhere, and
//! `compose` can keep it as a draft whatever the reason.

use std::io::Read;

use crate::model::{hashtags, normalize_labels};

/// The largest entry mend accepts, far above any real day's writing.
pub const MAX_TEXT_BYTES: usize = 20 * 1024 * 1024;

/// Why some text cannot become an entry body.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Nothing but whitespace: there is nothing to save, and nothing to keep.
    Empty,
    /// Over [`MAX_TEXT_BYTES`]; the size is in bytes.
    TooBig(usize),
    /// Not UTF-8; the first bad byte is at this offset.
    NotUtf8(usize),
}

impl Refusal {
    /// What went wrong, in words, for a message that continues with what was kept.
    pub fn describe(&self) -> String {
        match self {
            Refusal::Empty => "there is no text".to_string(),
            Refusal::TooBig(n) => format!(
                "the text is {:.1} MB, over the {} MB an entry may hold",
                *n as f64 / (1024.0 * 1024.0),
                MAX_TEXT_BYTES / (1024 * 1024)
            ),
            Refusal::NotUtf8(at) => format!(
                "the text is not valid UTF-8 (a stray byte at position {at}), and mend does not guess at it"
            ),
        }
    }
}

/// Reads all of standard input as it is: even text that will be refused is read whole, so
/// that it can be kept.
pub fn read_stdin() -> anyhow::Result<Vec<u8>> {
    use anyhow::Context;
    let mut bytes = Vec::new();
    std::io::stdin()
        .lock()
        .read_to_end(&mut bytes)
        .context("reading the text from standard input")?;
    Ok(bytes)
}

/// The body an entry stores for `raw`: valid UTF-8, whitespace at the very end removed
/// (everything else exactly as written), not empty, within the size limit.
pub fn body(raw: &[u8]) -> Result<String, Refusal> {
    let text = std::str::from_utf8(raw).map_err(|e| Refusal::NotUtf8(e.valid_up_to()))?;
    let text = text.trim_end();
    if text.trim().is_empty() {
        return Err(Refusal::Empty);
    }
    if text.len() > MAX_TEXT_BYTES {
        return Err(Refusal::TooBig(text.len()));
    }
    Ok(text.to_string())
}

/// The tags an entry carries: those given, and every `#word` in its body.
pub fn tags(given: &[String], body: &str) -> Vec<String> {
    normalize_labels(given.iter().cloned().chain(hashtags(body)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_are_kept_exactly_but_for_trailing_space() {
        assert_eq!(
            body(b"  # Not a heading\n\nwords  \n\n").unwrap(),
            "  # Not a heading\n\nwords"
        );
        assert_eq!(body(b" \n\t\n"), Err(Refusal::Empty));
        assert_eq!(body(b"ok \xff then"), Err(Refusal::NotUtf8(3)));
        let big = vec![b'a'; MAX_TEXT_BYTES + 1];
        assert_eq!(body(&big), Err(Refusal::TooBig(MAX_TEXT_BYTES + 1)));
    }

    #[test]
    fn tags_join_given_and_written() {
        assert_eq!(
            tags(&["Night".into()], "We talked about the #phone. #night"),
            vec!["night", "phone"]
        );
    }
}
