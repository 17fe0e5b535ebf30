//! The hasher behind the crate's runtime hash maps.
//!
//! The vendored tables are static perfect-hash maps built by `build.rs`
//! (`src/data.rs`); what is still hashed at run time is the contrastive "but"
//! pass's index of valences, once per slot when the text has a "but", and the
//! tables the tests parse. The standard library's default hasher,
//! SipHash-1-3, costs more than the lookups themselves on keys this short.
//! foldhash's fast hasher, randomly seeded like the standard one, mixes every
//! input bit into the bits a `HashMap` indexes by, which a plain
//! multiply-rotate hash does not for float bit patterns, whose low bits are
//! mostly zero. Only lookups go through it: no output depends on the hasher
//! or on a map's iteration order.

/// A `HashMap` with foldhash's fast, randomly seeded hasher.
pub(crate) type FastMap<K, V> = foldhash::HashMap<K, V>;
/// A `HashSet` with foldhash's fast, randomly seeded hasher.
#[cfg(test)]
pub(crate) type FastSet<T> = foldhash::HashSet<T>;
