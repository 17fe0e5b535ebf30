//! The hasher behind the crate's lookup tables.
//!
//! Scoring looks every token up in the lexicon and the booster table, every
//! non-ASCII character up in the emoji table, and, when the text has a
//! "but", every valence up in the contrastive pass's index. The standard
//! library's default hasher, SipHash-1-3, costs more than the lookups
//! themselves on keys this short. foldhash's fast hasher, randomly seeded
//! like the standard one, mixes every input bit into the bits a
//! `HashMap` indexes by, which a plain multiply-rotate hash does not for
//! float bit patterns, whose low bits are mostly zero. Only lookups go
//! through it: no output depends on the hasher or on a map's iteration
//! order.

/// A `HashMap` with foldhash's fast, randomly seeded hasher.
pub(crate) type FastMap<K, V> = foldhash::HashMap<K, V>;
/// A `HashSet` with foldhash's fast, randomly seeded hasher.
pub(crate) type FastSet<T> = foldhash::HashSet<T>;
