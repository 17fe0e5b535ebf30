// The analysis word lists (lexicon/feelings.toml, signs.toml, themes.toml, markers.toml),
// compiled into the matcher's tables when mend is built, so that no TOML is parsed and no
// table is filled when a command runs: `mend write` reads every entry against these lists, and
// parsing and compiling them at every start was a fifth of what a short write cost. build.rs
// includes this block; it writes `$OUT_DIR/lexicon.rs` (included by src/analysis/lexicons.rs:
// the `Lexicon` with its matcher, the signs' and themes' labels, and for the tests each term as
// written) and `$OUT_DIR/feelings.rs` (included by src/feelings.rs: the vocabulary `--feel`
// reads). The terms are compiled by `analysis::terms` with mend's own tokeniser (build.rs
// includes both), so a term's words are the words a text must have.
//
// A file that does not parse, a key the files do not have, a list missing, a bad term or a
// term repeated in its list fails the build here.
{
    use std::fmt::Write as _;

    fn read(name: &str) -> toml::Table {
        let path = format!("lexicon/{name}");
        println!("cargo:rerun-if-changed={path}");
        let source = fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        source.parse().unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    /// The keys of one table of `file`, each taken once; a key left over is refused.
    struct Fields<'a> {
        file: &'a str,
        table: toml::Table,
    }

    impl Fields<'_> {
        fn value(&mut self, key: &str) -> Option<toml::Value> {
            self.table.remove(key)
        }

        fn string(&mut self, key: &str) -> String {
            match self.value(key) {
                Some(toml::Value::String(s)) => s,
                other => panic!("lexicon/{}: `{key}` must be a string, not {other:?}", self.file),
            }
        }

        /// A list of strings; absent is empty unless `required`.
        fn strings(&mut self, key: &str, required: bool) -> Vec<String> {
            match self.value(key) {
                None if !required => Vec::new(),
                Some(toml::Value::Array(items)) => items
                    .into_iter()
                    .map(|v| match v {
                        toml::Value::String(s) => s,
                        v => panic!("lexicon/{}: `{key}`: {v} is not a string", self.file),
                    })
                    .collect(),
                other => panic!("lexicon/{}: `{key}` must be a list, not {other:?}", self.file),
            }
        }

        fn tables(&mut self, key: &str) -> Vec<Fields<'_>> {
            let file = self.file;
            match self.value(key) {
                Some(toml::Value::Array(items)) => items
                    .into_iter()
                    .map(|v| match v {
                        toml::Value::Table(table) => Fields { file, table },
                        v => panic!("lexicon/{file}: `{key}`: {v} is not a table"),
                    })
                    .collect(),
                other => panic!("lexicon/{file}: `{key}` must be a list of tables, not {other:?}"),
            }
        }

        fn table(&mut self, key: &str) -> Fields<'_> {
            match self.value(key) {
                Some(toml::Value::Table(table)) => Fields {
                    file: self.file,
                    table,
                },
                other => panic!("lexicon/{}: `{key}` must be a table, not {other:?}", self.file),
            }
        }

        fn done(self) {
            if let Some(key) = self.table.keys().next() {
                panic!("lexicon/{}: unknown key `{key}`", self.file);
            }
        }
    }

    /// How a feeling's word is read (`reading::Class`): most name the feeling outright; some
    /// have everyday senses, some name what one person did to another, and trust, love,
    /// doubt and suspicion have their own tests (see src/analysis/reading).
    fn feeling_class(name: &str, term: &str) -> &'static str {
        match name {
            "trust" => return "FeelingTrust",
            "love" => return "FeelingLove",
            "doubt" | "suspicion" => return "FeelingAboutPartner",
            _ => {}
        }
        match term {
            "close to" | "connected" | "settled" | "alone" | "empty" | "hollow" | "drained"
            | "tense" | "tension" | "safe" | "safer" | "protected" | "secure" | "grounded"
            | "accepted" | "understood" | "valued" | "crushed" | "torn" | "invisible"
            | "unseen" | "overlooked" | "upbeat" | "encouraged" | "lighter" | "relaxed"
            | "warmth" | "tender" | "shut down" | "detached" | "numb" | "intimate"
            | "appreciate" | "appreciated" | "fed up" | "on edge" | "dread" => "FeelingVague",
            "hurt" | "hurting" | "betrayed" | "betray" | "betraying" | "cheated on"
            | "deceived" | "lied to" | "rejected" | "pushed away" | "abandoned" | "deserted"
            | "left behind" | "let down" | "neglected" | "ignored" | "disappointed"
            | "humiliated" => "FeelingObject",
            _ => "Feeling",
        }
    }

    /// The terms compiled so far, with each one's list and class as written, for the tests.
    struct Lists {
        compiler: analysis::terms::Compiler,
        written: Vec<(String, String)>,
        classes: Vec<&'static str>,
    }

    impl Lists {
        fn add(
            &mut self,
            file: &str,
            list: &str,
            terms: &[String],
            group: usize,
            negation: bool,
            class: impl Fn(&str) -> &'static str,
        ) {
            let mut seen = std::collections::HashSet::new();
            for term in terms {
                assert!(seen.insert(term), "lexicon/{file}: {list} repeats {term:?}");
                let group = u32::try_from(group).expect("fewer groups than u32::MAX");
                let c = class(term);
                // The class's number is the reader's business: the compiler carries a byte,
                // filled in by the Rust written below.
                self.compiler
                    .add(term, group, negation, 0)
                    .unwrap_or_else(|e| panic!("lexicon/{file}: {list}: {e}"));
                self.classes.push(c);
                self.written.push((list.to_string(), term.clone()));
            }
        }
    }

    // The feelings vocabulary, and a group per feeling.
    let mut vocabulary = Fields {
        file: "feelings.toml",
        table: read("feelings.toml"),
    };
    let mut feelings: Vec<(String, Vec<String>)> = Vec::new();
    let mut families = String::from("&[");
    for mut family in vocabulary.tables("family") {
        let id = family.string("id");
        let label = family.string("label");
        let _ = write!(families, "Family{{id:{id:?},label:{label:?},feelings:&[");
        for mut feeling in family.tables("feelings") {
            let name = feeling.string("name");
            let forms = feeling.strings("forms", false);
            feeling.done();
            let _ = write!(families, "Feeling{{name:{name:?},forms:&{forms:?}}},");
            feelings.push((name, forms));
        }
        family.done();
        families.push_str("]},");
    }
    families.push(']');
    vocabulary.done();

    let mut signs_file = Fields {
        file: "signs.toml",
        table: read("signs.toml"),
    };
    const SIGN_LISTS: [(&str, bool, &str); 11] = [
        ("terms", true, "Sign"),
        ("vague", false, "Vague"),
        ("suspected", false, "Suspected"),
        ("looking", false, "Looking"),
        ("looking_mine", false, "LookingMine"),
        ("triggers", false, "Trigger"),
        ("asked", false, "Asked"),
        ("kept", false, "Kept"),
        ("honesty", false, "Honesty"),
        ("credence", false, "Credence"),
        ("withheld", false, "Withheld"),
    ];
    let mut signs = Vec::new();
    for mut sign in signs_file.tables("sign") {
        let id = sign.string("id");
        let label = sign.string("label");
        let description = sign.string("description");
        let lists: Vec<(Vec<String>, &'static str, &str)> = SIGN_LISTS
            .iter()
            .map(|&(key, required, class)| (sign.strings(key, required), class, key))
            .collect();
        sign.done();
        signs.push((id, label, description, lists));
    }
    signs_file.done();

    let mut themes_file = Fields {
        file: "themes.toml",
        table: read("themes.toml"),
    };
    let mut themes = Vec::new();
    for mut theme in themes_file.tables("theme") {
        let id = theme.string("id");
        let label = theme.string("label");
        let terms = theme.strings("terms", true);
        assert!(!terms.is_empty(), "lexicon/themes.toml: theme {id} has no terms");
        theme.done();
        themes.push((id, label, terms));
    }
    themes_file.done();

    let mut markers_file = Fields {
        file: "markers.toml",
        table: read("markers.toml"),
    };
    // In `lexicons::Marker` order, each with whether negation applies to it; then the
    // rebuilding writer's accountability.
    let markers: Vec<(&str, bool, Vec<String>)> = [
        ("insight", false),
        ("causal", false),
        ("absolutist", false),
        ("positive", true),
        ("negative", true),
        ("first_singular", false),
        ("first_plural", false),
        ("accountability", true),
    ]
    .into_iter()
    .map(|(key, negation)| {
        let mut list = markers_file.table(key);
        let terms = list.strings("terms", true);
        list.done();
        (key, negation, terms)
    })
    .collect();
    markers_file.done();

    // One matcher, so an entry is scanned once; groups are laid out as feelings, then signs,
    // then themes, then markers, then accountability (`lexicons::Lexicon`).
    let mut lists = Lists {
        compiler: analysis::terms::Compiler::default(),
        written: Vec::new(),
        classes: Vec::new(),
    };
    for (g, (name, forms)) in feelings.iter().enumerate() {
        let terms: Vec<String> = std::iter::once(name).chain(forms).cloned().collect();
        let list = format!("feeling {name}");
        lists.add("feelings.toml", &list, &terms, g, true, |t| feeling_class(name, t));
    }
    let sign_group = |id: &str| {
        feelings.len()
            + signs
                .iter()
                .position(|s| s.0 == id)
                .unwrap_or_else(|| panic!("lexicon/signs.toml: no sign {id:?}"))
    };
    for (i, (id, _, _, sign_lists)) in signs.iter().enumerate() {
        for (terms, class, key) in sign_lists {
            let list = format!("sign {id} {key}");
            lists.add("signs.toml", &list, terms, feelings.len() + i, true, |_| *class);
        }
    }
    let themes_start = feelings.len() + signs.len();
    for (i, (id, _, terms)) in themes.iter().enumerate() {
        let list = format!("theme {id}");
        lists.add("themes.toml", &list, terms, themes_start + i, true, |_| "Plain");
    }
    let markers_start = themes_start + themes.len();
    for (i, (key, negation, terms)) in markers.iter().enumerate() {
        let class = if *key == "accountability" {
            "Accountability"
        } else {
            "Plain"
        };
        let list = format!("marker {key}");
        lists.add("markers.toml", &list, terms, markers_start + i, *negation, |_| class);
    }

    let written = lists.written;
    let classes = lists.classes;
    let c = lists.compiler.finish();
    let mut out = String::from("pub static LEXICON: Lexicon = Lexicon {matcher: Matcher {");
    let _ = write!(out, "text: {:?},", c.text);
    let _ = write!(out, "words: &{:?},", c.words);
    out.push_str("terms: &[");
    for (t, class) in c.terms.iter().zip(&classes) {
        let _ = write!(
            out,
            "Term{{words:{:?},prefix_last:{},group:{},negatable:{},class:Class::{class} as u8}},",
            t.words, t.prefix_last, t.group, t.negatable
        );
    }
    out.push_str("],");
    let _ = write!(out, "by_word: Table {{slots: {}}},", analysis::table::rust(&c.by_word));
    let _ = write!(out, "first: &{:?},", c.first);
    let _ = write!(out, "by_pair: Table {{slots: {}}},", analysis::table::rust(&c.by_pair));
    let _ = write!(out, "by_prefix: Table {{slots: {}}},", analysis::table::rust(&c.by_prefix));
    let _ = write!(out, "key: {},", analysis::terms::KEY);
    let _ = write!(out, "ranges: &{:?},", c.ranges);
    let _ = write!(out, "ids: &{:?},", c.ids);
    let _ = write!(out, "short_prefixes: {:?},", c.short);
    let _ = write!(out, "groups: {},", c.groups);
    out.push_str("phrases_cross_breaks: false},");
    let names: Vec<&str> = feelings.iter().map(|f| f.0.as_str()).collect();
    let _ = write!(out, "feelings: &{names:?},");
    let ids: Vec<&str> = signs.iter().map(|s| s.0.as_str()).collect();
    let _ = write!(out, "signs: &{ids:?},");
    let ids: Vec<&str> = themes.iter().map(|t| t.0.as_str()).collect();
    let _ = write!(out, "themes: &{ids:?},");
    let _ = writeln!(
        out,
        "pattern_groups: Groups {{doubt: {}, jealousy: {}, reassurance: {}, avoidance: {}, \
         checking: {}}}}};",
        sign_group("doubt"),
        sign_group("jealousy"),
        sign_group("reassurance"),
        sign_group("avoidance"),
        sign_group("checking"),
    );
    let labels: Vec<(&str, &str, &str)> = signs
        .iter()
        .map(|s| (s.0.as_str(), s.1.as_str(), s.2.as_str()))
        .collect();
    let _ = writeln!(out, "pub static SIGN_LABELS: &[(&str, &str, &str)] = &{labels:?};");
    let labels: Vec<(&str, &str)> = themes
        .iter()
        .map(|t| (t.0.as_str(), t.1.as_str()))
        .collect();
    let _ = writeln!(out, "pub static THEME_LABELS: &[(&str, &str)] = &{labels:?};");
    let _ = writeln!(
        out,
        "#[cfg(test)] pub static WRITTEN: &[(&str, &str)] = &{written:?};"
    );
    let dir = PathBuf::from(env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    fs::write(dir.join("lexicon.rs"), out).expect("OUT_DIR is writable");
    fs::write(
        dir.join("feelings.rs"),
        format!("pub static VOCABULARY: Vocabulary = Vocabulary {{families: {families}}};\n"),
    )
    .expect("OUT_DIR is writable");
}
