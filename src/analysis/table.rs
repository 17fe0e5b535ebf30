//! Word tables laid out when mend is built: open addressing over the FNV-1a hash of each key
//! (the hash of the learned readers' tables), every key a span of one string. A table is data
//! in the binary: no pointer in it for the dynamic loader to fix at each start, and nothing to
//! fill before the first look-up. build.rs includes this file and lays tables out with
//! `lay_out`; the tests lay out their own.
//!
//! Not `phf`: its SipHash-1-3 took 18–27 ns a look-up of the lexicons' words, against 6–10 ns
//! for foldhash and 9–12 ns for this table, and an analysis looks words up a few thousand
//! times an entry.

/// One slot: the key `text[at..at + len]` and its value; `len == 0` marks an empty slot.
/// `tag`, the top bits of the key's hash, turns most keys that are not the one looked for away
/// before their bytes are compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Slot {
    pub at: u32,
    pub len: u16,
    pub tag: u16,
    pub value: u32,
}

/// A table: a power of two of slots, at most half of them full, so a look-up ends at an empty
/// slot soon.
#[derive(Debug, Clone, Copy)]
pub struct Table {
    pub slots: &'static [Slot],
}

const START: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a, continued from `h` over `bytes`: a key in parts hashes as the whole.
fn more(mut h: u64, bytes: &[u8]) -> u64 {
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

pub fn hash(key: &[u8]) -> u64 {
    more(START, key)
}

/// Where a key of hash `h` is looked for first in `size` slots; the top bits are its tag.
fn home(h: u64, size: usize) -> (usize, u16) {
    (((h ^ (h >> 32)) as usize) & (size - 1), (h >> 48) as u16)
}

impl Table {
    /// The value of the key `key`, whose bytes the table's keys are spans of in `text`.
    pub fn get(&self, text: &str, key: &[u8]) -> Option<u32> {
        self.find(hash(key), key.len(), text, |k| k == key)
    }

    /// The value of the key `a b` (two words and a space), without joining them.
    pub fn get_pair(&self, text: &str, a: &str, b: &str) -> Option<u32> {
        let (a, b) = (a.as_bytes(), b.as_bytes());
        let h = more(more(more(START, a), b" "), b);
        self.find(h, a.len() + 1 + b.len(), text, |k| {
            k[..a.len()] == *a && k[a.len()] == b' ' && k[a.len() + 1..] == *b
        })
    }

    fn find(&self, h: u64, len: usize, text: &str, eq: impl Fn(&[u8]) -> bool) -> Option<u32> {
        let size = self.slots.len();
        let (mut i, tag) = home(h, size);
        loop {
            let s = self.slots[i];
            if s.len == 0 {
                return None;
            }
            let at = s.at as usize;
            if s.tag == tag && usize::from(s.len) == len && eq(&text.as_bytes()[at..at + len]) {
                return Some(s.value);
            }
            i = (i + 1) & (size - 1);
        }
    }
}

/// The slots of a table of `keys`, each `(at, len, value)` with its bytes in `text`. Keys are
/// distinct and not empty; at least twice as many slots as keys.
#[allow(dead_code)] // Only build.rs and the tests lay tables out.
pub fn lay_out(text: &str, keys: &[(u32, usize, u32)]) -> Vec<Slot> {
    let size = (2 * keys.len()).next_power_of_two().max(2);
    let empty = Slot {
        at: 0,
        len: 0,
        tag: 0,
        value: 0,
    };
    let mut slots = vec![empty; size];
    for &(at, len, value) in keys {
        let key = &text.as_bytes()[at as usize..at as usize + len];
        assert!(!key.is_empty(), "a table's key is not empty");
        let len = u16::try_from(len).expect("a table's key is shorter than 64 KiB");
        let (mut i, tag) = home(hash(key), size);
        while slots[i].len != 0 {
            let s = slots[i];
            assert!(
                text.as_bytes()[s.at as usize..s.at as usize + usize::from(s.len)] != *key,
                "a table's keys are distinct"
            );
            i = (i + 1) & (size - 1);
        }
        slots[i] = Slot {
            at,
            len,
            tag,
            value,
        };
    }
    slots
}

/// `slots` as Rust, for build.rs: an array expression of `Slot`s.
#[allow(dead_code)] // Only build.rs writes tables.
pub fn rust(slots: &[Slot]) -> String {
    let mut out = String::from("&[");
    for s in slots {
        out.push_str(&format!(
            "Slot{{at:{},len:{},tag:{},value:{}}},",
            s.at, s.len, s.tag, s.value
        ));
    }
    out.push(']');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_words_and_pairs_and_nothing_else() {
        let text = "jealous\nsecond guess\nmad at\njeal";
        let keys = [(0, 7, 1), (8, 12, 2), (21, 3, 3), (28, 4, 4)];
        let table = Table {
            slots: Vec::leak(lay_out(text, &keys)),
        };
        assert_eq!(table.get(text, b"jealous"), Some(1));
        assert_eq!(table.get(text, b"jeal"), Some(4));
        assert_eq!(table.get_pair(text, "second", "guess"), Some(2));
        assert_eq!(table.get(text, b"second guess"), Some(2));
        assert_eq!(table.get(text, b"mad"), Some(3));
        assert_eq!(table.get(text, b"jealousy"), None);
        assert_eq!(table.get_pair(text, "second", "guesses"), None);
        assert_eq!(table.get_pair(text, "secon", "d guess"), None);
        let none = Table {
            slots: Vec::leak(lay_out("", &[])),
        };
        assert_eq!(none.get("", b"a"), None);
    }
}
