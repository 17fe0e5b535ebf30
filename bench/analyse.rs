//! Micro-benchmark: the median time to analyse a 200-word entry.
//! `cargo bench --bench analyse` (prints the median; fails above 150 µs when `--check` is given).

use std::time::{Duration, Instant};

/// About two hundred words written the way entries are: feelings, signs, the partner's
/// words in quotes, past habits and everyday detail.
const ENTRY: &str = "We had dinner at the new place near the river and it was close to midnight \
when we got home. He said, \"You're being jealous again,\" and I went quiet for a while. I used \
to check his phone every night; I stopped weeks ago and I don't miss it. Tonight I felt the old \
doubt come back when his ex messaged him, but I told him about it instead of keeping it to \
myself. He listened. He didn't get defensive, and he showed me the message without my asking. \
I felt relieved, a little embarrassed, and grateful that he was patient with me. My therapist \
asked whether I still feel abandoned when he works late, and I said not as much. I am still \
anxious some evenings, and I still need to hear that we are okay more than I would like. We \
settled the bill, walked back slowly and talked about the weekend. I think we are rebuilding \
something, slowly. I want to trust him again, and some days I do. Tomorrow I need to know what \
time the plumber is coming, and then I will write again after work.";

fn main() {
    let check = std::env::args().any(|a| a == "--check");
    let words = ENTRY.split_whitespace().count();
    // Warm up: the lexicons and VADER are built on first use.
    for _ in 0..200 {
        std::hint::black_box(mend::analysis::analyse(std::hint::black_box(ENTRY)));
    }
    let mut times: Vec<Duration> = (0..3000)
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(mend::analysis::analyse(std::hint::black_box(ENTRY)));
            start.elapsed()
        })
        .collect();
    times.sort_unstable();
    let median = times[times.len() / 2];
    let p90 = times[times.len() * 9 / 10];
    println!(
        "analyse: {words}-word entry, median {:.1} µs, p90 {:.1} µs ({} runs)",
        median.as_secs_f64() * 1e6,
        p90.as_secs_f64() * 1e6,
        times.len()
    );
    if check && median > Duration::from_micros(150) {
        eprintln!("median above the 150 µs target");
        std::process::exit(1);
    }
}
