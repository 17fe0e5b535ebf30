// The safety word lists (lexicon/safety.toml), turned into Rust when mend is built, so that no
// TOML is parsed when a command runs: `mend write` reads an entry against these lists, and
// parsing the lists at every start was most of what the reading cost. build.rs includes this
// block; it writes `$OUT_DIR/safety_lexicon.rs`, one struct literal of `Words`
// (src/analysis/safety/words.rs). A list that is missing from the file, or one the code does
// not know, fails the build there, where before it failed a unit test.
//
// Tables become structs by name (`[self_harm]` is `SelfHarm`), arrays of strings become
// `Set::of("term\nterm…")`, `[[violence]]` a `Vec<Violence>` and `needs = "place"` `Needs::Place`.
{
    use std::fmt::Write as _;

    fn camel(key: &str) -> String {
        key.split('_')
            .map(|part| {
                let mut c = part.chars();
                c.next()
                    .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                    .unwrap_or_default()
            })
            .collect()
    }

    fn value(out: &mut String, key: &str, v: &toml::Value) {
        match v {
            toml::Value::String(s) if key == "needs" => {
                let _ = write!(out, "Needs::{}", camel(s));
            }
            toml::Value::Array(items) if items.iter().all(toml::Value::is_table) => {
                out.push_str("vec![");
                for item in items {
                    table(out, key, item.as_table().expect("checked above"));
                    out.push(',');
                }
                out.push(']');
            }
            toml::Value::Array(items) => {
                // One string literal of the terms, a line each, rather than an array of
                // strings: every string in an array is a pointer the dynamic loader must fix up
                // at each start of every command (about 3,700 of them here).
                let terms: Vec<&str> = items
                    .iter()
                    .map(|item| {
                        let s = item.as_str().unwrap_or_else(|| {
                            panic!("lexicon/safety.toml: {key}: not a string")
                        });
                        assert!(
                            !s.contains('\n') && !s.is_empty(),
                            "lexicon/safety.toml: {key}: a term is one line of words"
                        );
                        s
                    })
                    .collect();
                let _ = write!(out, "Set::of({:?})", terms.join("\n"));
            }
            toml::Value::Table(t) => table(out, key, t),
            other => panic!("lexicon/safety.toml: {key}: unexpected {other}"),
        }
    }

    fn table(out: &mut String, key: &str, t: &toml::Table) {
        let _ = write!(out, "{} {{", camel(key));
        for (k, v) in t {
            let _ = write!(out, "{k}: ");
            value(out, k, v);
            out.push(',');
        }
        out.push('}');
    }

    println!("cargo:rerun-if-changed=lexicon/safety.toml");
    println!("cargo:rerun-if-changed=build/safety_lexicon.rs");
    let source = std::fs::read_to_string("lexicon/safety.toml")
        .expect("lexicon/safety.toml is readable");
    let lists: toml::Table = source
        .parse()
        .unwrap_or_else(|e| panic!("lexicon/safety.toml: {e}"));
    let mut out = String::from("Words {");
    for (k, v) in &lists {
        let _ = write!(out, "{k}: ");
        value(&mut out, k, v);
        out.push(',');
    }
    out.push_str("triggers: Triggers::default(),}");
    let dir = std::path::PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    std::fs::write(dir.join("safety_lexicon.rs"), out).expect("OUT_DIR is writable");
}
