//! The words that cancel a match when they stand shortly before it. Their own file because
//! build.rs reads them too: a term that starts with a negator ("don't trust") is never
//! cancelled, and the matcher's tables, laid out when mend is built, record which terms are.

/// Words that cancel a match when they appear shortly before it. The apostrophe-less spellings
/// are here because people type them that way.
const NEGATORS: &[&str] = &[
    "not",
    "no",
    "never",
    "don't",
    "dont",
    "doesn't",
    "doesnt",
    "didn't",
    "didnt",
    "isn't",
    "isnt",
    "wasn't",
    "wasnt",
    "aren't",
    "arent",
    "weren't",
    "werent",
    "without",
    "hardly",
    "cannot",
    "can't",
    "cant",
    "won't",
    "wont",
    "nor",
    "neither",
    "couldn't",
    "couldnt",
    "wouldn't",
    "wouldnt",
    "shouldn't",
    "shouldnt",
    "haven't",
    "havent",
    "hasn't",
    "hasnt",
    "hadn't",
    "hadnt",
    "ain't",
];

pub fn is_negator(word: &str) -> bool {
    NEGATORS.contains(&word)
}
