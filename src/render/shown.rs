//! A writer for text bound for a terminal: whatever passes through it has its control
//! characters shown as visible escapes, as every entry view does, so that text hidden in an
//! entry (a title change, a clipboard write, a screen clear) is seen, never obeyed. Used by
//! `mend export` when its output is a terminal; files and pipes get the exact text.

use std::io::{self, Write};

use super::terminal::push_shown;

pub struct Shown<W: Write> {
    inner: W,
    /// The start of a character split across two writes.
    pending: Vec<u8>,
}

impl<W: Write> Shown<W> {
    pub fn new(inner: W) -> Self {
        Shown {
            inner,
            pending: Vec::new(),
        }
    }
}

impl<W: Write> Write for Shown<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.pending.extend_from_slice(buf);
        let mut shown = String::with_capacity(self.pending.len());
        let mut rest: &[u8] = &self.pending;
        loop {
            match std::str::from_utf8(rest) {
                Ok(text) => {
                    text.chars().for_each(|c| push_shown(&mut shown, c));
                    rest = &[];
                    break;
                }
                Err(e) => {
                    let (good, bad) = rest.split_at(e.valid_up_to());
                    // Checked by from_utf8 just above.
                    let good = std::str::from_utf8(good).unwrap_or_default();
                    good.chars().for_each(|c| push_shown(&mut shown, c));
                    match e.error_len() {
                        // Bytes that can never be text are shown by value.
                        Some(n) => {
                            for b in &bad[..n] {
                                shown.push_str(&format!("\\x{b:02x}"));
                            }
                            rest = &bad[n..];
                        }
                        // A character cut in two: wait for its end.
                        None => {
                            rest = bad;
                            break;
                        }
                    }
                }
            }
        }
        let keep = rest.to_vec();
        self.inner.write_all(shown.as_bytes())?;
        self.pending = keep;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        if !self.pending.is_empty() {
            let cut: String = self.pending.iter().map(|b| format!("\\x{b:02x}")).collect();
            self.inner.write_all(cut.as_bytes())?;
            self.pending.clear();
        }
        self.inner.flush()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn through(parts: &[&[u8]]) -> String {
        let mut out = Vec::new();
        {
            let mut w = Shown::new(&mut out);
            for p in parts {
                w.write_all(p).unwrap();
            }
            w.flush().unwrap();
        }
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn control_sequences_are_shown_not_obeyed() {
        assert_eq!(
            through(&[b"a\x1b]0;title\x07b\n\tc\x7f"]),
            "a^[]0;title^Gb\n\tc^?"
        );
        assert_eq!(through(&["\u{9b}2J".as_bytes()]), "\\u{9b}2J");
    }

    #[test]
    fn characters_split_across_writes_stay_whole() {
        let text = "caf\u{e9} \u{1f331}";
        let bytes = text.as_bytes();
        for cut in 0..bytes.len() {
            assert_eq!(
                through(&[&bytes[..cut], &bytes[cut..]]),
                text,
                "cut at {cut}"
            );
        }
    }

    #[test]
    fn bytes_that_are_not_text_are_shown_by_value() {
        assert_eq!(through(&[b"a\xffb"]), "a\\xffb");
        assert_eq!(through(&[b"a\xe2\x82"]), "a\\xe2\\x82");
    }
}
