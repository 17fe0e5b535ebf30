//! The trainer of mend's learned readers (src/analysis/learned.rs): a logistic regression per
//! column over tf-idf features scaled to length one, with an L2 penalty and the two classes
//! weighed equally ("balanced"), fitted by accelerated gradient descent. Deterministic: the
//! same sentences give the same weights. The trust signs' trainer (tests/signs_model.rs) and
//! the safety note's (tests/safety_model.rs) differ only in their sentences and columns.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use mend::analysis::learned::hash;

const ITERATIONS: usize = 3000;

/// What the trainer learned: each feature's idf and its weight per column, and each column's
/// bias.
pub struct Model {
    pub features: BTreeMap<String, (f64, Vec<f64>)>,
    pub bias: Vec<f64>,
}

/// One sentence as the trainer sees it: (feature index, value) scaled to length one.
type Row = Vec<(usize, f64)>;

/// A fingerprint of the files a model is trained on: their names and bytes.
pub fn fingerprint(files: &[PathBuf]) -> String {
    let mut parts: Vec<String> = Vec::new();
    for path in files {
        parts.push(path.file_name().unwrap().to_string_lossy().into_owned());
        parts.push(std::fs::read_to_string(path).unwrap());
    }
    let refs: Vec<&str> = parts.iter().map(String::as_str).collect();
    format!("{:016x}", hash(&refs))
}

/// The tf-idf vector of one sentence's feature names (`index` gives a name's place and idf),
/// scaled to length one.
fn vector(names: &[String], index: impl Fn(&str) -> Option<(usize, f64)>) -> Row {
    let mut tf: BTreeMap<usize, (u32, f64)> = BTreeMap::new();
    for name in names {
        if let Some((i, idf)) = index(name) {
            tf.entry(i).or_insert((0, idf)).0 += 1;
        }
    }
    let mut row: Row = tf
        .into_iter()
        .map(|(i, (n, idf))| (i, (1.0 + f64::from(n).ln()) * idf))
        .collect();
    let norm = row.iter().map(|x| x.1 * x.1).sum::<f64>().sqrt();
    if norm > 0.0 {
        for x in &mut row {
            x.1 /= norm;
        }
    }
    row
}

/// Balanced, L2-penalised logistic regression for one column: weights and bias.
fn fit(rows: &[Row], labels: &[bool], features: usize, c: f64) -> (Vec<f64>, f64) {
    let n = rows.len() as f64;
    let positives = labels.iter().filter(|&&y| y).count() as f64;
    let weight_of = |y: bool| {
        if y {
            n / (2.0 * positives.max(1.0))
        } else {
            n / (2.0 * (n - positives).max(1.0))
        }
    };
    let lambda = 1.0 / (c * n);
    // The loss's curvature is at most a quarter of the heaviest weight times |x|² + 1 (the
    // bias), and |x| = 1.
    let step = 1.0 / (0.25 * 2.0 * weight_of(true).max(weight_of(false)) + lambda);
    let (mut w, mut b) = (vec![0.0f64; features], 0.0f64);
    let (mut w_prev, mut b_prev) = (w.clone(), b);
    let mut grad = vec![0.0f64; features];
    for t in 0..ITERATIONS {
        // Nesterov's look-ahead point.
        let momentum = t as f64 / (t as f64 + 3.0);
        let yw: Vec<f64> = w
            .iter()
            .zip(&w_prev)
            .map(|(a, p)| a + momentum * (a - p))
            .collect();
        let yb = b + momentum * (b - b_prev);
        grad.iter_mut().for_each(|g| *g = 0.0);
        let mut grad_b = 0.0;
        for (row, &y) in rows.iter().zip(labels) {
            let z = yb + row.iter().map(|&(i, x)| yw[i] * x).sum::<f64>();
            let p = 1.0 / (1.0 + (-z).exp());
            let r = weight_of(y) * (p - f64::from(u8::from(y))) / n;
            for &(i, x) in row {
                grad[i] += r * x;
            }
            grad_b += r;
        }
        w_prev = w;
        b_prev = b;
        w = yw
            .iter()
            .zip(&grad)
            .map(|(v, g)| v - step * (g + lambda * v))
            .collect();
        b = yb - step * grad_b;
    }
    (w, b)
}

/// Trains one column per entry of each sentence's labels: `sentences[i]` is a sentence's
/// feature names, `labels[i][k]` whether column `k` holds for it; `c` is the inverse penalty
/// strength, as in common logistic-regression libraries.
pub fn train(sentences: &[Vec<String>], labels: &[Vec<bool>], c: f64) -> Model {
    let columns = labels.first().map_or(0, Vec::len);
    let mut df: BTreeMap<&str, usize> = BTreeMap::new();
    for names in sentences {
        let mut names: Vec<&str> = names.iter().map(String::as_str).collect();
        names.sort_unstable();
        names.dedup();
        for name in names {
            *df.entry(name).or_default() += 1;
        }
    }
    let n = sentences.len() as f64;
    let vocabulary: BTreeMap<&str, (usize, f64)> = df
        .into_iter()
        .enumerate()
        .map(|(i, (name, d))| (name, (i, ((1.0 + n) / (1.0 + d as f64)).ln() + 1.0)))
        .collect();
    let rows: Vec<Row> = sentences
        .iter()
        .map(|names| vector(names, |name| vocabulary.get(name).copied()))
        .collect();
    let mut weights = vec![vec![0.0f64; columns]; vocabulary.len()];
    let mut bias = vec![0.0f64; columns];
    for k in 0..columns {
        let y: Vec<bool> = labels.iter().map(|l| l[k]).collect();
        let (w, b) = fit(&rows, &y, vocabulary.len(), c);
        for (i, v) in w.into_iter().enumerate() {
            weights[i][k] = v;
        }
        bias[k] = b;
    }
    Model {
        features: vocabulary
            .into_iter()
            .map(|(name, (i, idf))| (name.to_string(), (idf, weights[i].clone())))
            .collect(),
        bias,
    }
}

/// The chance of each column for one sentence's feature names under a model still in memory
/// (mend's arithmetic, over the whole text as one bag).
pub fn chances(model: &Model, names: &[String]) -> Vec<f64> {
    let mut tf: BTreeMap<&str, u32> = BTreeMap::new();
    for name in names {
        *tf.entry(name).or_default() += 1;
    }
    let columns = model.bias.len();
    let (mut sums, mut norm) = (vec![0.0f64; columns], 0.0f64);
    for (name, n) in tf {
        if let Some((idf, w)) = model.features.get(name) {
            let x = (1.0 + f64::from(n).ln()) * idf;
            norm += x * x;
            for k in 0..columns {
                sums[k] += x * w[k];
            }
        }
    }
    let norm = norm.sqrt();
    (0..columns)
        .map(|k| {
            let s = model.bias[k] + if norm > 0.0 { sums[k] / norm } else { 0.0 };
            1.0 / (1.0 + (-s).exp())
        })
        .collect()
}

/// The model file: `header` (comment lines), the fingerprint of the sentences, the threshold,
/// the biases and one row per feature.
pub fn write(model: &Model, header: &str, fingerprint: &str, threshold: f64) -> String {
    let mut out = String::from(header);
    out.push_str(&format!("corpus\t{fingerprint}\n"));
    out.push_str(&format!("threshold\t{threshold}\n"));
    let b: Vec<String> = model.bias.iter().map(|v| format!("{v:.4}")).collect();
    out.push_str(&format!("bias\t{}\n", b.join("\t")));
    for (name, (idf, w)) in &model.features {
        let w: Vec<String> = w.iter().map(|v| format!("{v:.4}")).collect();
        out.push_str(&format!("{name}\t{idf:.4}\t{}\n", w.join("\t")));
    }
    out
}

/// Fails unless the model file at `path` was trained on `files` as they are now, with the
/// trainer's `threshold`; `trainer` names the test binary that trains it again.
pub fn assert_trained(path: &Path, files: &[PathBuf], threshold: f64, trainer: &str) {
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|e| panic!("{} is missing: {e}", path.display()));
    let field = |key: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(key))
            .unwrap_or_else(|| panic!("{} has no {key:?} line", path.display()))
            .to_string()
    };
    assert_eq!(
        field("corpus\t"),
        fingerprint(files),
        "the development sentences changed since the model was trained: run \
         `cargo test --release --test {trainer} -- --ignored train`"
    );
    let recorded: f64 = field("threshold\t").parse().expect("a threshold");
    assert!(
        (recorded - threshold).abs() < 1e-9,
        "{} has another threshold than the trainer's",
        path.display()
    );
}
