//! The hash of the word table's perfect-hash map ([`crate::data::Tables::words`]).
//!
//! Scoring looks every token up in the word table. Looked up through phf's own
//! hash (SipHash-1-3), scoring the 192-word entry of mend's `analyse` benchmark
//! took about 15% longer than with the foldhash map the table was before
//! (9.2 µs against 8.0 µs); with this hash it takes about 2% longer (8.2 µs).
//! `build.rs` solves the table's perfect hash with this function (it reads
//! this file as a `#[path]` module, so keep it free of crate paths), and the
//! lookups hash with it. It only has to spread the vendored words well enough
//! for the solver, which retries with another seed when it cannot place them;
//! a word that is not a key lands on some entry and fails the key comparison.
//! It is written in fixed-width integer arithmetic on little-endian words, so
//! the build script computes the same values on any host as scoring does on
//! any target.

/// Multipliers: odd, with well-mixed bits (fractional digits of pi).
const K0: u64 = 0x243f_6a88_85a3_08d3;
const K1: u64 = 0x1319_8a2e_0370_7344;

/// The high and low halves of the full product, folded together: every input
/// bit reaches the middle of the output, where the solver reads.
#[inline]
fn fold(a: u64, b: u64) -> u64 {
    let product = u128::from(a).wrapping_mul(u128::from(b));
    (product as u64) ^ ((product >> 64) as u64)
}

/// The hash of `bytes` under `seed`.
#[inline]
pub(crate) fn hash(bytes: &[u8], seed: u64) -> u64 {
    let mut h = seed;
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0u8; 8];
        word.copy_from_slice(chunk);
        h = fold(h ^ u64::from_le_bytes(word), K0);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        h = fold(h ^ tail(rest), K0);
    }
    // The length tells apart tails that read the same bytes.
    fold(h ^ (bytes.len() as u64), K1)
}

/// The last one to seven bytes as one word, read as overlapping loads rather
/// than copied into a buffer: a buffer written byte by byte and read back
/// whole stalls the load (most words end here, so it was most of a lookup).
/// Every byte is read, so with the length the word tells tails apart.
#[inline]
fn tail(rest: &[u8]) -> u64 {
    if let (Some(first), Some(last)) = (rest.first_chunk::<4>(), rest.last_chunk::<4>()) {
        u64::from(u32::from_le_bytes(*first)) | (u64::from(u32::from_le_bytes(*last)) << 32)
    } else {
        let byte = |b: Option<&u8>| u64::from(b.copied().unwrap_or(0));
        byte(rest.first()) | (byte(rest.get(rest.len() / 2)) << 8) | (byte(rest.last()) << 16)
    }
}
