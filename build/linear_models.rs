// The learned readers' weights (lexicon/signs-model.tsv for the trust signs,
// lexicon/safety-model.tsv for the safety note), turned into Rust when mend is built so that no
// file is parsed when a command runs. build.rs includes this block; for each model file it
// writes `$OUT_DIR/<name>.rs` (included by src/analysis/learned.rs and
// src/analysis/safety/learned.rs): the threshold, each column's bias, the rows (a feature
// name's hash, its idf and one weight per column) and an open-addressing table of slots over
// the hashes, and the `learned::Table` over them (`MODEL`). The hash is FNV-1a of the feature's name, as `learned::hash` computes it from
// the parts of a sentence. A file that does not parse fails the build with its line; no file at
// all gives a model that reads nothing.
{
    use std::fmt::Write as _;

    fn fnv(s: &str) -> u64 {
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for b in s.bytes() {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
        h
    }

    /// Reads the model file `path` with `k` weight columns and writes `$OUT_DIR/<name>.rs`.
    fn linear_model(path: &str, name: &str, k: usize) {
        println!("cargo:rerun-if-changed={path}");
        let text = fs::read_to_string(path).unwrap_or_default();
        let mut threshold = 1.0f32;
        let mut bias = vec![-30.0f32; k];
        let mut rows: Vec<(u64, f32, Vec<f32>)> = Vec::new();
        let number = |v: &str, line: usize| -> f32 {
            v.parse()
                .unwrap_or_else(|_| panic!("{path}:{line}: {v:?} is not a number"))
        };
        for (n, line) in text.lines().enumerate() {
            let n = n + 1;
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let cells: Vec<&str> = line.split('\t').collect();
            match cells[0] {
                "corpus" => {}
                "threshold" => threshold = number(cells[1], n),
                "bias" => {
                    assert_eq!(cells.len(), k + 1, "{path}:{n}: bias takes {k} numbers");
                    bias = cells[1..].iter().map(|v| number(v, n)).collect();
                }
                feature => {
                    assert_eq!(
                        cells.len(),
                        k + 2,
                        "{path}:{n}: a feature, its idf and {k} weights"
                    );
                    let w = cells[2..].iter().map(|v| number(v, n)).collect();
                    rows.push((fnv(feature), number(cells[1], n), w));
                }
            }
        }
        let size = (2 * rows.len()).next_power_of_two().max(2);
        let mut slots = vec![u32::MAX; size];
        for (i, row) in rows.iter().enumerate() {
            let mut s = (row.0 as usize) & (size - 1);
            while slots[s] != u32::MAX {
                assert_ne!(rows[slots[s] as usize].0, row.0, "{path}: two features share a hash");
                s = (s + 1) & (size - 1);
            }
            slots[s] = i as u32;
        }
        let mut out = String::new();
        let _ = writeln!(out, "pub const THRESHOLD: f32 = {threshold:?};");
        let _ = writeln!(out, "pub const BIAS: [f32; {k}] = {bias:?};");
        let _ = writeln!(out, "pub static ROWS: [(u64, (f32, [f32; {k}])); {}] = [", rows.len());
        for (h, idf, w) in &rows {
            let _ = writeln!(out, "({h}, ({idf:?}, {w:?})),");
        }
        out.push_str("];\n");
        let _ = writeln!(out, "pub static SLOTS: [u32; {size}] = [");
        for s in &slots {
            let _ = write!(out, "{s},");
        }
        out.push_str("];\n");
        let _ = writeln!(
            out,
            "pub static MODEL: crate::analysis::learned::Table<{k}> = \
             crate::analysis::learned::Table {{ threshold: THRESHOLD, bias: BIAS, rows: &ROWS, slots: &SLOTS }};"
        );
        let dest = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"))
            .join(format!("{name}.rs"));
        fs::write(dest, out).expect("OUT_DIR is writable");
    }

    linear_model("lexicon/signs-model.tsv", "signs_model", 5);
    linear_model("lexicon/safety-model.tsv", "safety_model", 3);
}
