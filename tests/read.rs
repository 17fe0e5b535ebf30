//! Reading the journal: `list`, `show`, `search` and `on-this-day`.

mod common;

use common::{TestEnv, assert_entry_shape, assert_one_line_error, strings};
use serde_json::Value;

/// Five entries on five days, written out of order, with moods, feelings and tags.
/// Returns the env and the ids by day: 16, 17, 18, 20, 21 November 2026.
fn journal_of_a_week() -> (TestEnv, [i64; 5]) {
    let env = TestEnv::new();
    let d21 = env.write(&[
        "--mood",
        "4",
        "--feel",
        "hope",
        "--tag",
        "walk",
        "Saturday: a calm walk",
    ]);
    let d16 = env.write(&[
        "--date",
        "2026-11-16",
        "--mood",
        "1",
        "--feel",
        "jealous,anger",
        "--tag",
        "partner",
        "Monday: found the messages",
    ]);
    let d18 = env.write(&[
        "--date",
        "3 days ago",
        "--mood",
        "2",
        "--feel",
        "sadness",
        "Wednesday: could not sleep",
    ]);
    let d17 = env.write(&["--date", "2026-11-17", "Tuesday: no mood given #partner"]);
    let d20 = env.write(&[
        "--date",
        "yesterday",
        "--mood",
        "3",
        "--feel",
        "relief",
        "--tag",
        "talk,partner",
        "Friday: we talked",
    ]);
    (env, [d16, d17, d18, d20, d21])
}

#[test]
fn list_is_oldest_first() {
    let (env, ids) = journal_of_a_week();
    assert_eq!(env.list_ids(&[]), ids.to_vec());
    let days: Vec<String> = env
        .list_json()
        .iter()
        .map(|e| e["day"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(
        days,
        [
            "2026-11-16",
            "2026-11-17",
            "2026-11-18",
            "2026-11-20",
            "2026-11-21"
        ]
    );
}

#[test]
fn list_plain_shows_every_entry_in_order() {
    let (env, _) = journal_of_a_week();
    let text = env.stdout_of(&["list"]);
    let positions: Vec<usize> = [
        "Monday: found the messages",
        "Tuesday: no mood given",
        "Wednesday: could not sleep",
        "Friday: we talked",
        "Saturday: a calm walk",
    ]
    .iter()
    .map(|needle| {
        text.find(needle)
            .unwrap_or_else(|| panic!("{needle} missing in {text}"))
    })
    .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "{text}");
    assert!(text.contains("Monday 16 November 2026"), "{text}");
    assert!(
        !text.contains('\x1b'),
        "no colour when not a terminal: {text:?}"
    );
}

#[test]
fn list_n_gives_the_last_n_oldest_first() {
    let (env, ids) = journal_of_a_week();
    assert_eq!(env.list_ids(&["-n", "2"]), vec![ids[3], ids[4]]);
    assert_eq!(
        env.list_ids(&["--number", "3"]),
        vec![ids[2], ids[3], ids[4]]
    );
    assert_eq!(env.list_ids(&["-n", "50"]), ids.to_vec());
    let short = env.stdout_of(&["list", "-n", "2", "--short"]);
    let lines: Vec<&str> = short.lines().collect();
    assert_eq!(lines.len(), 2, "{short}");
    assert!(lines[0].contains("Friday: we talked"), "{short}");
    assert!(lines[1].contains("Saturday: a calm walk"), "{short}");
}

#[test]
fn list_day_filters_are_inclusive_and_natural() {
    let (env, ids) = journal_of_a_week();
    assert_eq!(env.list_ids(&["--on", "yesterday"]), vec![ids[3]]);
    assert_eq!(env.list_ids(&["--on", "2026-11-17"]), vec![ids[1]]);
    assert_eq!(env.list_ids(&["--on", "2026-11-19"]), Vec::<i64>::new());
    assert_eq!(
        env.list_ids(&["--from", "last monday", "--to", "3 days ago"]),
        vec![ids[0], ids[1], ids[2]]
    );
    assert_eq!(
        env.list_ids(&["--from", "2026-11-18"]),
        vec![ids[2], ids[3], ids[4]]
    );
    assert_eq!(env.list_ids(&["--to", "2026-11-17"]), vec![ids[0], ids[1]]);
    assert_eq!(env.list_ids(&["--from", "today"]), vec![ids[4]]);
}

#[test]
fn list_from_after_to_is_refused() {
    let (env, _) = journal_of_a_week();
    let out = env
        .cmd()
        .args(["list", "--from", "2026-11-20", "--to", "2026-11-16"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_one_line_error(&out.stderr);
}

#[test]
fn list_feeling_tag_and_mood_filters() {
    let (env, ids) = journal_of_a_week();
    assert_eq!(env.list_ids(&["--feel", "jealousy"]), vec![ids[0]]);
    assert_eq!(env.list_ids(&["--feel", "jealous"]), vec![ids[0]]);
    assert_eq!(
        env.list_ids(&["--feel", "hope,sadness"]),
        vec![ids[2], ids[4]]
    );
    // Tags given with --tag and written inline both count.
    assert_eq!(
        env.list_ids(&["--tag", "partner"]),
        vec![ids[0], ids[1], ids[3]]
    );
    assert_eq!(env.list_ids(&["--tag", "walk"]), vec![ids[4]]);
    assert_eq!(
        env.list_ids(&["--tag", "partner", "--feel", "relief"]),
        vec![ids[3]]
    );
    assert_eq!(env.list_ids(&["--mood-min", "3"]), vec![ids[3], ids[4]]);
    assert_eq!(env.list_ids(&["--mood-max", "2"]), vec![ids[0], ids[2]]);
    assert_eq!(
        env.list_ids(&["--mood-min", "low", "--mood-max", "okay"]),
        vec![ids[2], ids[3]]
    );
    assert_eq!(
        env.list_ids(&["--tag", "nothing-like-this"]),
        Vec::<i64>::new()
    );
}

#[test]
fn list_short_is_one_line_per_entry() {
    let (env, ids) = journal_of_a_week();
    // A multi-line body still takes one line.
    let id = env.write_stdin(
        &["--date", "2026-11-19"],
        "First line\nsecond line\nthird line",
    );
    let text = env.stdout_of(&["list", "--short"]);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), 6, "{text}");
    let expected_order = [ids[0], ids[1], ids[2], id, ids[3], ids[4]];
    for (line, id) in lines.iter().zip(expected_order) {
        let first = line.split_whitespace().next().unwrap();
        assert_eq!(first, id.to_string(), "{line}");
    }
    assert!(
        lines[3].contains("2026-11-19") && lines[3].contains("First line"),
        "{text}"
    );
    assert!(!lines[3].contains("second line"), "{text}");
}

#[test]
fn list_json_has_the_documented_shape() {
    let (env, _) = journal_of_a_week();
    let entries = env.list_json();
    assert_eq!(entries.len(), 5);
    for e in &entries {
        assert_entry_shape(e);
        assert!(
            e.get("deleted").is_none(),
            "only trashed entries say when they were deleted: {e}"
        );
    }
    let monday = &entries[0];
    assert_eq!(monday["day"], "2026-11-16");
    assert_eq!(monday["mood"], 1);
    // Feelings and tags are lower-case and sorted (docs/json.md).
    assert_eq!(strings(&monday["feelings"]), ["anger", "jealousy"]);
    assert_eq!(strings(&monday["tags"]), ["partner"]);
    assert_eq!(monday["prompt"], Value::Null);
    assert_eq!(monday["body"], "Monday: found the messages");
    assert_eq!(entries[1]["mood"], Value::Null);
}

#[test]
fn list_of_an_empty_journal() {
    let env = TestEnv::new();
    let out = env.cmd().arg("list").output().unwrap();
    assert!(out.status.success());
    assert!(
        out.stdout.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("No entries"), "{err}");
    assert_eq!(env.json_of(&["list", "--json"]), Value::Array(vec![]));
    let out = env.cmd().args(["list", "--short"]).output().unwrap();
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
}

#[test]
fn show_by_id() {
    let (env, ids) = journal_of_a_week();
    let text = env.stdout_of(&["show", &ids[0].to_string()]);
    assert!(text.contains("Monday: found the messages"), "{text}");
    assert!(text.contains("Monday 16 November 2026"), "{text}");
    assert!(
        text.contains("jealousy") && text.contains("#partner"),
        "{text}"
    );
    assert!(!text.contains("Saturday: a calm walk"), "{text}");
}

#[test]
fn show_json_is_one_entry_object() {
    let (env, ids) = journal_of_a_week();
    let entry = env.show_json(ids[3]);
    assert_entry_shape(&entry);
    assert_eq!(entry["id"], ids[3]);
    assert_eq!(entry["day"], "2026-11-20");
    assert_eq!(entry["mood"], 3);
    assert_eq!(strings(&entry["feelings"]), ["relief"]);
    assert_eq!(strings(&entry["tags"]), ["partner", "talk"]);
}

#[test]
fn show_a_day_gives_every_entry_of_that_day() {
    let (env, ids) = journal_of_a_week();
    let second = env.write(&["--date", "yesterday at 21:00", "Friday night: more to say"]);
    let text = env.stdout_of(&["show", "yesterday"]);
    assert!(text.contains("Friday: we talked"), "{text}");
    assert!(text.contains("Friday night: more to say"), "{text}");
    assert!(
        !text.contains("Saturday") && !text.contains("Monday:"),
        "{text}"
    );
    let json = env.json_of(&["show", "2026-11-20", "--json"]);
    let ids_of_day: Vec<i64> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_i64().unwrap())
        .collect();
    let mut sorted = ids_of_day.clone();
    sorted.sort();
    let mut expected = vec![ids[3], second];
    expected.sort();
    assert_eq!(sorted, expected);
}

#[test]
fn show_a_day_without_entries() {
    let (env, _) = journal_of_a_week();
    let out = env.cmd().args(["show", "2026-11-19"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = assert_one_line_error(&out.stderr);
    assert!(err.contains("19 November 2026"), "{err}");
}

#[test]
fn show_a_missing_id() {
    let (env, _) = journal_of_a_week();
    let out = env.cmd().args(["show", "99"]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(out.stdout.is_empty());
    let err = assert_one_line_error(&out.stderr);
    assert!(err.contains("99"), "{err}");
    assert!(err.contains("no entry"), "{err}");
}

#[test]
fn show_a_trashed_id_mentions_restore() {
    let (env, ids) = journal_of_a_week();
    let id = ids[0].to_string();
    env.cmd().args(["delete", &id, "--yes"]).assert().success();
    let out = env.cmd().args(["show", &id]).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    let err = assert_one_line_error(&out.stderr);
    assert!(err.contains("trash"), "{err}");
    assert!(err.contains(&format!("mend restore {id}")), "{err}");
}

/// A journal for searching, with one entry far more about "trust" than the other.
fn searchable() -> (TestEnv, i64, i64, i64) {
    let env = TestEnv::new();
    // Older and less relevant first, so neither id nor day order explains the ranking.
    let weak = env.write(&[
        "--date",
        "2026-11-20",
        "A long day at work with meetings, errands, cooking, a film, and one brief thought about trust near the end of it all.",
    ]);
    let strong = env.write(&["--date", "2026-11-10", "Trust. Trust again, trust slowly."]);
    let other = env.write(&[
        "--date",
        "2026-11-15",
        "We felt safe together and talked about forgiveness and forgiving.",
    ]);
    (env, weak, strong, other)
}

fn search_ids(env: &TestEnv, args: &[&str]) -> Vec<i64> {
    let mut all = vec!["search"];
    all.extend_from_slice(args);
    all.push("--json");
    env.json_of(&all)
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["id"].as_i64().unwrap())
        .collect()
}

#[test]
fn search_finds_words_best_first() {
    let (env, weak, strong, _) = searchable();
    assert_eq!(search_ids(&env, &["trust"]), vec![strong, weak]);
    assert_eq!(search_ids(&env, &["TRUST"]), vec![strong, weak]);
}

#[test]
fn search_phrases_prefixes_and_operators() {
    let (env, weak, strong, other) = searchable();
    assert_eq!(search_ids(&env, &["\"felt safe\""]), vec![other]);
    assert_eq!(search_ids(&env, &["\"safe felt\""]), Vec::<i64>::new());
    assert_eq!(search_ids(&env, &["forgiv*"]), vec![other]);
    let mut either = search_ids(&env, &["meetings OR slowly"]);
    either.sort();
    let mut expected = vec![weak, strong];
    expected.sort();
    assert_eq!(either, expected);
    assert_eq!(search_ids(&env, &["trust NOT meetings"]), vec![strong]);
    // Several words as separate arguments all have to match.
    assert_eq!(search_ids(&env, &["trust", "errands"]), vec![weak]);
}

#[test]
fn search_plain_output_highlights_with_stars() {
    let (env, _, _, other) = searchable();
    let text = env.stdout_of(&["search", "safe"]);
    assert!(text.contains("**safe**"), "{text}");
    assert!(text.starts_with(&other.to_string()), "{text}");
    assert!(
        !text.contains('\u{e000}') && !text.contains('\u{e001}'),
        "{text:?}"
    );
}

#[test]
fn search_json_has_entries_and_snippets() {
    let (env, _, strong, _) = searchable();
    let hits = env.json_of(&["search", "slowly", "--json"]);
    let hits = hits.as_array().unwrap();
    assert_eq!(hits.len(), 1);
    let hit = &hits[0];
    assert_eq!(hit["id"], strong);
    assert_entry_shape(hit);
    let snippet = hit["snippet"].as_str().unwrap();
    assert!(snippet.contains("**slowly**"), "{snippet}");
    assert!(!snippet.contains('\u{e000}'), "{snippet:?}");
}

#[test]
fn search_with_no_match() {
    let (env, _, _, _) = searchable();
    let out = env.cmd().args(["search", "elephant"]).output().unwrap();
    assert!(out.status.success());
    assert!(out.stdout.is_empty());
    assert!(String::from_utf8_lossy(&out.stderr).contains("No entries match"));
    assert_eq!(
        env.json_of(&["search", "elephant", "--json"]),
        Value::Array(vec![])
    );
}

#[test]
fn search_skips_deleted_entries() {
    let (env, weak, strong, _) = searchable();
    env.cmd()
        .args(["delete", &strong.to_string(), "--yes"])
        .assert()
        .success();
    assert_eq!(search_ids(&env, &["trust"]), vec![weak]);
    let text = env.stdout_of(&["search", "slowly"]);
    assert!(text.is_empty(), "{text}");
}

#[test]
fn search_filters_and_limit() {
    let (env, weak, strong, _) = searchable();
    assert_eq!(
        search_ids(&env, &["trust", "--from", "2026-11-15"]),
        vec![weak]
    );
    assert_eq!(search_ids(&env, &["trust", "-n", "1"]), vec![strong]);
}

#[test]
fn search_sees_edits() {
    let (env, _, strong, _) = searchable();
    env.cmd()
        .args(["edit", &strong.to_string(), "--text", "Patience, patience."])
        .assert()
        .success();
    assert!(!search_ids(&env, &["slowly"]).contains(&strong));
    assert_eq!(search_ids(&env, &["patience"]), vec![strong]);
}

fn assert_friendly_query_error(env: &TestEnv, query: &str) {
    let out = env.cmd().args(["search", query]).output().unwrap();
    assert_eq!(out.status.code(), Some(1), "search {query:?}");
    let err = assert_one_line_error(&out.stderr);
    for word in ["SQL", "sql", "fts5", "FTS5", "Error code"] {
        assert!(!err.contains(word), "search {query:?} leaks {word}: {err}");
    }
}

#[test]
fn malformed_queries_get_a_friendly_error() {
    let (env, _, _, _) = searchable();
    for query in [
        "\"unclosed",
        "AND",
        "trust AND",
        "(trust",
        "nosuchcolumn:trust",
        "NOT",
        "",
        "   ",
    ] {
        assert_friendly_query_error(&env, query);
    }
}

#[test]
fn a_lone_star_query_gets_a_friendly_error() {
    let (env, _, _, _) = searchable();
    assert_friendly_query_error(&env, "*");
}

#[test]
fn on_this_day_shows_earlier_years_only() {
    let env = TestEnv::new();
    let y2025 = env.write(&["--date", "2025-11-21", "A year ago today"]);
    let y2024 = env.write(&["--date", "2024-11-21", "Two years ago today"]);
    env.write(&["--date", "2025-11-20", "A year ago yesterday"]);
    env.write(&["--date", "2025-12-21", "Another month"]);
    env.write(&["This very day"]);
    let text = env.stdout_of(&["on-this-day"]);
    assert!(text.contains("A year ago today"), "{text}");
    assert!(text.contains("Two years ago today"), "{text}");
    assert!(!text.contains("A year ago yesterday"), "{text}");
    assert!(!text.contains("Another month"), "{text}");
    assert!(!text.contains("This very day"), "{text}");
    assert!(
        text.contains("1 year ago") && text.contains("2 years ago"),
        "{text}"
    );
    let json = env.json_of(&["on-this-day", "--json"]);
    let mut ids: Vec<i64> = json
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_i64().unwrap())
        .collect();
    ids.sort();
    let mut expected = vec![y2025, y2024];
    expected.sort();
    assert_eq!(ids, expected);
}

#[test]
fn on_this_day_with_nothing_and_with_another_date() {
    let env = TestEnv::new();
    env.write(&["--date", "2025-05-03", "Spring, a year ago"]);
    let text = env.stdout_of(&["on-this-day"]);
    assert!(
        text.contains("Nothing was written on 21 November"),
        "{text}"
    );
    let text = env.stdout_of(&["on-this-day", "--date", "may 3"]);
    assert!(text.contains("Spring, a year ago"), "{text}");
}
