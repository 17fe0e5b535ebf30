use super::super::text::sentences;
use super::*;

#[test]
fn the_lists_parse_and_every_term_is_in_open_lower_case_form() {
    let file: toml::Table = toml::from_str(SOURCE).unwrap();
    build();
    let mut terms = Vec::new();
    collect(&toml::Value::Table(file), &mut terms);
    assert!(terms.len() > 500);
    for term in terms {
        if term.contains('*') {
            continue;
        }
        // Each term must read as the tokeniser reads text, or it could never match.
        let read: Vec<String> = sentences(&term).into_iter().flat_map(|s| s.words).collect();
        assert_eq!(
            read.join(" "),
            term,
            "lexicon/safety.toml: {term:?} cannot match"
        );
    }
}

fn collect(v: &toml::Value, out: &mut Vec<String>) {
    match v {
        toml::Value::Array(a) => a.iter().for_each(|x| collect(x, out)),
        toml::Value::Table(t) => t
            .iter()
            .filter(|(k, _)| k.as_str() != "needs")
            .for_each(|(_, x)| collect(x, out)),
        toml::Value::String(s) => out.push(s.clone()),
        _ => {}
    }
}

#[test]
fn phrases_and_prefixes_match() {
    let set = Set::of("kill myself\nsuicid*");
    let s = &sentences("I want to kill myself, so suicidal")[0];
    assert_eq!(set.at(s, 3), Some(2));
    assert_eq!(set.find(s, 4, s.len()), Some((6, 1)));
    assert!(set.has("suicide") && !set.has("kill"));
}
