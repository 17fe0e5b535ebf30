//! Reading ratings from the writer's words: "8", "8/10", "80%" and "80" are all 80 on the
//! 0–100 scale; a bare number up to 10 is on the 0–10 scale. Only one clear reading is
//! accepted: none, two numbers, or more than 100 is refused with what to write instead.

use super::thought::{Rated, Unreadable};
use crate::feelings::vocabulary;

/// One rating expression found in text: its value on 0–100 and where it stands.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Found {
    value: f64,
    start: usize,
    end: usize,
}

/// Every number in `text` with what qualifies it: "80%", "8/10", "8 out of 10", or bare.
fn find_ratings(text: &str) -> Result<Vec<Found>, Unreadable> {
    let bytes = text.as_bytes();
    let number_at = |mut i: usize| -> Option<(f64, usize)> {
        let start = i;
        while i < bytes.len() && bytes[i].is_ascii_digit() {
            i += 1;
        }
        if i == start {
            return None;
        }
        if i + 1 < bytes.len() && bytes[i] == b'.' && bytes[i + 1].is_ascii_digit() {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                i += 1;
            }
        }
        text[start..i].parse().ok().map(|n| (n, i))
    };
    let skip_spaces = |mut i: usize| {
        while i < bytes.len() && bytes[i] == b' ' {
            i += 1;
        }
        i
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        let Some((n, after)) = number_at(i)
            .filter(|_| i == 0 || !(bytes[i - 1].is_ascii_digit() || bytes[i - 1] == b'.'))
        else {
            i += 1;
            continue;
        };
        let start = i;
        let mut end = after;
        let j = skip_spaces(after);
        let denominator = if bytes.get(j) == Some(&b'%') {
            end = j + 1;
            Some(100.0)
        } else if bytes.get(j) == Some(&b'/') {
            number_at(skip_spaces(j + 1)).map(|(d, e)| {
                end = e;
                d
            })
        } else if text[j..].to_lowercase().starts_with("out of") {
            number_at(skip_spaces(j + "out of".len())).map(|(d, e)| {
                end = e;
                d
            })
        } else {
            None
        };
        let shown = &text[start..end];
        let value = match denominator {
            Some(d) if d <= 0.0 || n > d => {
                return Err(Unreadable(format!(
                    "\"{shown}\" is not a rating mend can read — use 0 to 10 or 0% to 100%"
                )));
            }
            Some(d) => n / d * 100.0,
            // A bare number up to 10 is on the 0–10 scale; above that, on 0–100.
            None if n <= 10.0 => n * 10.0,
            None if n <= 100.0 => n,
            None => {
                return Err(Unreadable(format!(
                    "{shown} is more than 100 — use 0 to 10 or 0% to 100%"
                )));
            }
        };
        out.push(Found { value, start, end });
        i = end;
    }
    Ok(out)
}

/// Reads one rating from the writer's words: exactly one number, on 0–10 or 0–100.
pub fn read_rating(text: &str) -> Result<u8, Unreadable> {
    let found = find_ratings(text)?;
    match found.as_slice() {
        [one] => Ok(one.value.round() as u8),
        [] => Err(Unreadable(format!(
            "there is no number in \"{}\" — write how strongly, e.g. 8, 8/10 or 80%",
            text.trim()
        ))),
        _ => Err(Unreadable(format!(
            "\"{}\" has more than one number — give one rating, e.g. 8, 8/10 or 80%",
            text.trim()
        ))),
    }
}

/// Reads "Fear 8, jealousy 7, shame 4 for feeling it." into rated feelings: one feeling
/// per part (parts split at commas, semicolons, new lines and "and"), each with exactly one
/// rating. The words of each part are kept as written.
pub fn read_feelings(text: &str) -> Result<Vec<Rated>, Unreadable> {
    let mut out: Vec<Rated> = Vec::new();
    for part in text.split([',', ';', '\n']) {
        for piece in split_and(part)? {
            let words = piece.trim();
            if words.chars().all(|c| !c.is_alphanumeric()) {
                continue;
            }
            let found = find_ratings(words)?;
            let one = match found.as_slice() {
                [one] => *one,
                [] => {
                    return Err(Unreadable(format!(
                        "\"{words}\" has no rating — add how strong it is, e.g. \"{} 6\"",
                        words.trim_end_matches(|c: char| !c.is_alphanumeric())
                    )));
                }
                _ => {
                    return Err(Unreadable(format!(
                        "\"{words}\" has more than one number — give each feeling one rating, e.g. \"fear 8, shame 4\""
                    )));
                }
            };
            let name = feeling_name(&words[..one.start])
                .or_else(|| feeling_name(&words[one.end..]))
                .ok_or_else(|| {
                    Unreadable(format!(
                        "which feeling is \"{words}\" about? — name it before its rating, e.g. \"fear 8\""
                    ))
                })?;
            out.push(Rated {
                name,
                words: words.to_string(),
                value: one.value.round() as u8,
            });
        }
    }
    if out.is_empty() {
        return Err(Unreadable(
            "no feeling was named — write each with how strong it is, e.g. \"fear 8, shame 4\""
                .to_string(),
        ));
    }
    Ok(out)
}

/// "fear 8 and shame 4" is two feelings; "fear and shame 6" stays one part (and is refused
/// later only if it holds no single rating).
fn split_and(part: &str) -> Result<Vec<&str>, Unreadable> {
    let lower = part.to_lowercase();
    let mut pieces = Vec::new();
    let mut start = 0;
    for (at, sep) in lower
        .match_indices(" and ")
        .chain(lower.match_indices(" & "))
    {
        let left = &part[start..at];
        let right = &part[at + sep.len()..];
        if !find_ratings(left)?.is_empty() && !find_ratings(right)?.is_empty() {
            pieces.push(left);
            start = at + sep.len();
        }
    }
    pieces.push(&part[start..]);
    Ok(pieces)
}

/// The feeling a part names: its leading words before the rating (or the words after it),
/// lower-cased, as mend's feelings list names it when it is there.
fn feeling_name(words: &str) -> Option<String> {
    let cleaned: Vec<&str> = words
        .split(|c: char| c.is_whitespace() || matches!(c, ':' | '=' | '(' | ')' | '-' | '–'))
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '\''))
        .filter(|w| !w.is_empty())
        .collect();
    // "…, and anger 4": the joining word is not part of the feeling's name.
    let start = cleaned
        .iter()
        .position(|w| !matches!(w.to_lowercase().as_str(), "and" | "also" | "plus" | "then"))
        .unwrap_or(cleaned.len());
    let cleaned = &cleaned[start..];
    if cleaned.is_empty() {
        return None;
    }
    let raw = cleaned.join(" ").to_lowercase();
    if matches!(raw.as_str(), "or" | "to" | "maybe" | "about") {
        return None;
    }
    Some(vocabulary().resolve(&raw).unwrap_or(raw))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prompts::thought::{Field, ThoughtRecord};

    #[test]
    fn every_rating_form_reads_the_same() {
        let cases = [
            ("8", 80),
            ("8/10", 80),
            ("8 / 10", 80),
            ("80%", 80),
            ("80 %", 80),
            ("80", 80),
            ("80/100", 80),
            ("8 out of 10", 80),
            ("about 8", 80),
            ("I'd say 75%", 75),
            ("7.5", 75),
            ("0", 0),
            ("10", 100),
            ("100", 100),
            ("3/5", 60),
        ];
        let mut wrong = Vec::new();
        for (text, want) in cases {
            match read_rating(text) {
                Ok(got) if got == want => {}
                other => wrong.push(format!("{text:?}: {other:?}, wanted {want}")),
            }
        }
        assert!(wrong.is_empty(), "{wrong:#?}");
    }

    #[test]
    fn unclear_ratings_are_refused_with_a_reason() {
        for text in [
            "very", "", "7 or 8", "7-8", "150", "12/10", "80% or 9", "5/0",
        ] {
            let err = read_rating(text).expect_err(text);
            assert!(
                err.0.contains("rating") || err.0.contains("number") || err.0.contains("100"),
                "{text}: {err}"
            );
        }
    }

    #[test]
    fn the_feelings_sentence_keeps_its_words_and_order() {
        let text = "Fear 8, jealousy 7, shame 4 for feeling it.";
        let r = read_feelings(text).unwrap();
        let got: Vec<(&str, &str, u8)> = r
            .iter()
            .map(|f| (f.name.as_str(), f.words.as_str(), f.value))
            .collect();
        assert_eq!(
            got,
            [
                ("fear", "Fear 8", 80),
                ("jealousy", "jealousy 7", 70),
                ("shame", "shame 4 for feeling it.", 40)
            ]
        );
        let mut record = ThoughtRecord::default();
        record.set(Field::Feelings, text).unwrap();
        assert_eq!(record.get(Field::Feelings), Some(text));
    }

    #[test]
    fn feelings_in_other_forms() {
        let r = read_feelings("Jealous: 80%; sadness 5/10\nfear 8 and shame 4").unwrap();
        let got: Vec<(&str, u8)> = r.iter().map(|f| (f.name.as_str(), f.value)).collect();
        assert_eq!(
            got,
            [
                ("jealousy", 80),
                ("sadness", 50),
                ("fear", 80),
                ("shame", 40)
            ]
        );
        let own = read_feelings("a knot in my stomach 3").unwrap();
        assert_eq!(own[0].name, "a knot in my stomach");
        let joined = read_feelings("sad 6, and angry 4; hurt (9)").unwrap();
        let names: Vec<&str> = joined.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["sadness", "anger", "hurt"]);
        assert_eq!(joined[1].words, "and angry 4");
    }

    #[test]
    fn feelings_without_one_clear_rating_are_refused() {
        for text in ["hope", "fear 8, hope", "fear 7 or 8", "8", "fear 120"] {
            assert!(read_feelings(text).is_err(), "{text} was accepted");
        }
    }
}
