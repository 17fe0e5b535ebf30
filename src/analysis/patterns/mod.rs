//! Signs found by the shape of a sentence rather than by a fixed phrase, where the words
//! between vary too much for a word list: a look at someone's things ("reading her Spotify
//! activity"), a question about love or staying ("asked her if she'll stay"), and a way out of
//! a conversation the other one starts, and what it does to someone to see the partner with
//! someone else ("seeing him laugh with the new girl made my chest go tight") ("whenever she tries to talk about it I start cleaning
//! the kitchen"). Each is added as a match of its sign and then read like any other: whose it
//! is, when, and in which sense.

use super::matcher::Hit;
use super::reading::Class;
use super::tokens::Tokens;

mod avoidance;
mod checking;
mod doubt;
mod jealousy;
mod reassurance;

use avoidance::way_out;
use checking::{asked_around, looked_at, went_to_see};
use doubt::story_judged;
use jealousy::rival_stings;
use reassurance::{asked_about_us, asked_for_words, question_to_partner};

/// The sign groups the patterns add matches to.
#[derive(Debug)]
pub struct Groups {
    pub doubt: u32,
    pub jealousy: u32,
    pub reassurance: u32,
    pub avoidance: u32,
    pub checking: u32,
}

/// Adds the matches the patterns find to `hits` (in text order), leaving out any that overlap
/// a match of the same group already there.
pub fn extend(t: &Tokens, hits: &mut Vec<Hit>, g: &Groups) {
    let mut found = Vec::new();
    // One way out per sentence: "he got up and went to shower" is one.
    let mut sentence = 0;
    let mut way_out_in = None;
    for i in 0..t.len() {
        if i > 0 && t.break_before(i) {
            sentence += 1;
        }
        if let Some(h) = looked_at(t, i, g.checking) {
            found.push(h);
        }
        if let Some(h) = asked_about_us(t, i, g.reassurance) {
            found.push(h);
        }
        if let Some(h) = rival_stings(t, i, g.jealousy) {
            found.push(h);
        }
        if let Some(h) = story_judged(t, i, g.doubt) {
            found.push(h);
        }
        if let Some(h) = asked_around(t, i, g.checking) {
            found.push(h);
        }
        if let Some(h) = went_to_see(t, i, g.checking) {
            found.push(h);
        }
        if let Some(h) = asked_for_words(t, i, g.reassurance) {
            found.push(h);
        }
        if let Some(h) = question_to_partner(t, i, g.reassurance) {
            found.push(h);
        }
        if way_out_in != Some(sentence)
            && let Some(h) = way_out(t, i, g.avoidance)
        {
            way_out_in = Some(sentence);
            found.push(h);
        }
    }
    if found.is_empty() {
        return;
    }
    found.retain(|f| {
        !hits
            .iter()
            .any(|h| h.group == f.group && h.start < f.start + f.len && f.start < h.start + h.len)
    });
    hits.extend(found);
    hits.sort_by_key(|h| h.start);
}

fn hit(t: &Tokens, start: usize, end: usize, group: u32, class: Class) -> Hit {
    Hit {
        start,
        len: end - start,
        group,
        class: class as u8,
        // "I don't go through his things anymore"
        negated: super::matcher::negated(t, start),
    }
}

/// The words up to `n` after `i` within its sentence.
fn ahead(t: &Tokens, i: usize, n: usize) -> impl Iterator<Item = usize> + '_ {
    (i + 1..(i + 1 + n).min(t.len())).take_while(move |&k| !t.break_before(k))
}

/// The sentence token `i` stands in: its first token and the one after its last.
fn sentence_around(t: &Tokens, i: usize) -> (usize, usize) {
    let mut start = i;
    while start > 0 && !t.break_before(start) {
        start -= 1;
    }
    let mut end = i + 1;
    while end < t.len() && !t.break_before(end) {
        end += 1;
    }
    (start, end)
}
