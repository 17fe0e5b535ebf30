//! `mend summary` end to end: journals with planted patterns (and one of pure noise) written
//! through the binary under a fixed clock, checked through `--json`, Markdown and text.

mod common;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use common::{Rng, TestEnv, assert_one_line_error};
use serde_json::Value;

/// One entry to write.
struct Planned {
    day: NaiveDate,
    mood: Option<u8>,
    feelings: Vec<&'static str>,
    tags: Vec<&'static str>,
    text: String,
}

impl Planned {
    fn uuid(&self, index: usize) -> String {
        format!("00000000-0000-4000-8000-{index:012}")
    }

    /// The entry in mend's JSON export shape.
    fn json(&self, index: usize) -> Value {
        let at = format!("{}T12:00:00Z", self.day);
        serde_json::json!({
            "uuid": self.uuid(index),
            "day": self.day.to_string(),
            "created": at,
            "updated": at,
            "mood": self.mood,
            "feelings": self.feelings,
            "tags": self.tags,
            "prompt": null,
            "body": self.text,
        })
    }
}

/// Saves every entry in one `mend import` (each is analysed as it is saved, as with
/// `mend write`) and returns the ids in the same order.
fn write_all(env: &TestEnv, plan: &[Planned]) -> Vec<i64> {
    let file = env.root().join("planned.json");
    let entries: Vec<Value> = plan.iter().enumerate().map(|(i, p)| p.json(i)).collect();
    let export = serde_json::json!({
        "format": "mend",
        "version": 1,
        "exported": common::NOW,
        "entries": entries,
    });
    std::fs::write(&file, export.to_string()).unwrap();
    env.stdout_of(&["import", file.to_str().unwrap()]);
    let ids: std::collections::HashMap<String, i64> = env
        .list_json()
        .iter()
        .map(|e| {
            (
                e["uuid"].as_str().unwrap().to_string(),
                e["id"].as_i64().unwrap(),
            )
        })
        .collect();
    plan.iter()
        .enumerate()
        .map(|(i, p)| ids[&p.uuid(i)])
        .collect()
}

fn today() -> NaiveDate {
    "2026-11-21".parse().unwrap()
}

const FILLER: [&str; 6] = [
    "Ordinary day. Cooked pasta and read a little.",
    "Work was long. Watered the plants in the evening.",
    "Rain all afternoon, so I tidied the kitchen.",
    "Saw the neighbours at the shop and chatted about gardens.",
    "Quiet evening with a film.",
    "Paid some bills and went to bed early.",
];

/// 120 days, one entry a day, with four planted patterns: jealousy on three days in four in
/// the first half and one in six in the second, Sundays two points lower, walks (about a
/// third of the days) one point better, and forgiveness on one day in ten, then two in three.
fn planted_journal() -> Vec<Planned> {
    let mut rng = Rng(0x5eed_1234_abcd_0001);
    let start = today() - Duration::days(119);
    (0..120)
        .map(|i| {
            let day = start + Duration::days(i);
            let late = i >= 60;
            let walk = rng.chance(35);
            let mut mood = 2 + rng.below(3) as i32;
            if walk {
                mood += 1;
            }
            if day.weekday() == Weekday::Sun {
                mood -= 2;
            }
            let mut text = FILLER[rng.below(FILLER.len() as u64) as usize].to_string();
            let jealous = if late { i % 6 == 0 } else { i % 4 != 0 };
            if jealous {
                text.push_str(" I felt jealous when she mentioned her coworker.");
            }
            let forgiving = if late { i % 3 != 0 } else { i % 10 == 0 };
            if forgiving {
                text.push_str(" I think I am ready to forgive him.");
            }
            Planned {
                day,
                mood: Some(mood.clamp(1, 5) as u8),
                feelings: Vec::new(),
                tags: if walk { vec!["walk"] } else { Vec::new() },
                text,
            }
        })
        .collect()
}

/// 120 days of noise: moods uniform, feelings, tags and trust-sign sentences at random with
/// rates that never change.
fn random_journal() -> Vec<Planned> {
    let mut rng = Rng(0x0bad_cafe_f00d_0042);
    let start = today() - Duration::days(119);
    let feelings = ["hope", "hurt", "calm", "anger", "relief"];
    let tags = ["walk", "work", "family", "partner"];
    let extras = [
        " I felt jealous when he texted her.",
        " I checked his phone again.",
        " I want to forgive him.",
        " We talked it through and I felt heard.",
    ];
    (0..120)
        .map(|i| {
            let mut text = FILLER[rng.below(FILLER.len() as u64) as usize].to_string();
            for extra in extras {
                if rng.chance(30) {
                    text.push_str(extra);
                }
            }
            Planned {
                day: start + Duration::days(i),
                mood: Some(1 + rng.below(5) as u8),
                feelings: feelings
                    .iter()
                    .copied()
                    .filter(|_| rng.chance(30))
                    .collect(),
                tags: tags.iter().copied().filter(|_| rng.chance(30)).collect(),
                text,
            }
        })
        .collect()
}

fn by_name<'a>(list: &'a Value, key: &str, name: &str) -> &'a Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|v| v[key] == name)
        .unwrap_or_else(|| panic!("no {name} in {list}"))
}

fn ids_of(insight: &Value) -> Vec<i64> {
    insight["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_i64().unwrap())
        .collect()
}

#[test]
fn planted_patterns_are_found_and_explained() {
    let env = TestEnv::new();
    let plan = planted_journal();
    let ids = write_all(&env, &plan);
    let s = env.json_of(&["summary", "--since", "120d", "--json"]);
    assert_eq!(s["entries"], 120);
    assert_eq!(s["period"]["days"], 120);
    assert_eq!(s["streak"]["current"], 120);

    // Jealousy: about half as often later on.
    let jealousy = by_name(&s["signs"], "name", "jealousy");
    assert_eq!(jealousy["trend"], "down", "{jealousy}");
    let insight = s["insights"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["text"].as_str().unwrap().contains("Jealousy"))
        .unwrap_or_else(|| panic!("no jealousy insight in {}", s["insights"]));
    let evidence = ids_of(insight);
    let jealous_ids: Vec<i64> = plan
        .iter()
        .zip(&ids)
        .filter(|(p, _)| p.text.contains("jealous"))
        .map(|(_, id)| *id)
        .collect();
    assert_eq!(evidence.len(), jealous_ids.len());
    assert!(evidence.iter().all(|id| jealous_ids.contains(id)));

    // Sundays are the lowest day, with their n.
    let weekdays = s["mood"]["by_weekday"].as_array().unwrap();
    assert_eq!(weekdays.len(), 7);
    let lowest = weekdays
        .iter()
        .filter(|w| w["n"].as_u64().unwrap() > 0)
        .min_by(|a, b| {
            a["average"]
                .as_f64()
                .unwrap()
                .total_cmp(&b["average"].as_f64().unwrap())
        })
        .unwrap();
    assert_eq!(lowest["weekday"], "Sun");
    let sundays = plan
        .iter()
        .filter(|p| p.day.weekday() == Weekday::Sun)
        .count();
    assert_eq!(lowest["n"].as_u64().unwrap() as usize, sundays);

    // Walks go with better days.
    let walk = s["mood_with"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["kind"] == "tag" && m["name"] == "walk")
        .unwrap_or_else(|| panic!("no walk in {}", s["mood_with"]));
    assert!(
        walk["mood_with"].as_f64() > walk["mood_without"].as_f64(),
        "{walk}"
    );
    assert!(walk["n_with"].as_u64().unwrap() >= 5 && walk["n_without"].as_u64().unwrap() >= 5);
    assert_eq!(walk["claimed"], true);
    let walk_insight = s["insights"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["text"].as_str().unwrap().contains("tagged walk"))
        .unwrap_or_else(|| panic!("no walk insight in {}", s["insights"]));
    assert!(walk_insight["text"].as_str().unwrap().contains(" days)"));
    assert!(walk_insight["evidence"]["p_adjusted"].as_f64().unwrap() < 0.02);
    let [low, high] = [0, 1].map(|i| walk_insight["evidence"]["interval"][i].as_f64().unwrap());
    assert!(0.0 < low && low < high, "{walk_insight}");
    assert!(s["tests"].as_u64().unwrap() > 10, "{}", s["tests"]);
    assert_eq!(
        ids_of(walk_insight).len() as u64,
        walk["n_with"].as_u64().unwrap()
    );

    // Forgiveness rises: within the 120 days, and the last 60 against the 60 before.
    let forgiveness = by_name(&s["themes"], "name", "forgiveness");
    assert_eq!(forgiveness["trend"], "up", "{forgiveness}");
    let recent = env.json_of(&["summary", "--since", "60d", "--json"]);
    let forgiveness = by_name(&recent["themes"], "name", "forgiveness");
    assert!(
        forgiveness["count"].as_u64() > forgiveness["previous"].as_u64(),
        "{forgiveness}"
    );

    // --explain lists the entries under each insight.
    let text = env.stdout_of(&["summary", "--since", "120d", "--explain"]);
    let first = evidence[0];
    let day = &plan[ids.iter().position(|id| *id == first).unwrap()].day;
    assert!(text.contains("rests on"), "{text}");
    assert!(text.contains(&format!("{day}: {first}")), "{text}");
    assert!(text.contains("after Holm's correction over"), "{text}");
    assert!(text.contains("90% interval"), "{text}");
    assert!(
        text.contains("Jealousy came up less often in the second half"),
        "{text}"
    );
    assert!(text.contains("What goes with better days"), "{text}");
    assert!(text.contains("(n="), "{text}");
    assert!(text.contains("not a diagnosis"), "{text}");
    assert!(!text.contains('\x1b'), "no colour without a terminal");

    // Markdown: CommonMark with the expected headings and the insights as a list.
    let md = env.stdout_of(&["summary", "--since", "120d", "--format", "md", "--explain"]);
    let headings = markdown_headings(&md);
    for want in [
        "Writing",
        "Mood",
        "Themes",
        "Trust signs",
        "What goes with better days",
        "Language",
        "Prompts",
        "Insights",
    ] {
        assert!(
            headings.iter().any(|(level, h)| *level == 2 && h == want),
            "{want} missing: {headings:?}"
        );
    }
    assert!(
        headings
            .iter()
            .any(|(level, h)| *level == 1 && h.starts_with("Summary"))
    );
    assert!(md.contains("- Jealousy came up less often"), "{md}");
}

/// The (level, text) of every heading, after checking the document has no raw HTML.
fn markdown_headings(md: &str) -> Vec<(u32, String)> {
    use pulldown_cmark::{Event, Parser, Tag, TagEnd};
    let mut headings = Vec::new();
    let mut current: Option<(u32, String)> = None;
    for event in Parser::new(md) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                current = Some((level as u32, String::new()))
            }
            Event::End(TagEnd::Heading(_)) => headings.extend(current.take()),
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, text)) = &mut current {
                    text.push_str(&t);
                }
            }
            Event::Html(h) | Event::InlineHtml(h) => panic!("raw HTML in the summary: {h}"),
            _ => {}
        }
    }
    headings
}

#[test]
fn noise_gives_no_claims() {
    let env = TestEnv::new();
    write_all(&env, &random_journal());
    for since in ["120d", "60d"] {
        let s = env.json_of(&["summary", "--since", since, "--json"]);
        assert!(s["enough_writing"].as_bool().unwrap());
        let trends = std::iter::once(&s["mood"]["trend"])
            .chain(s["signs"].as_array().unwrap().iter().map(|x| &x["trend"]))
            .chain(s["themes"].as_array().unwrap().iter().map(|x| &x["trend"]));
        for trend in trends {
            assert!(
                trend == "flat" || trend == "unknown",
                "{since}: a trend in noise: {s}"
            );
        }
        assert!(
            s["mood_with"]
                .as_array()
                .unwrap()
                .iter()
                .all(|m| m["claimed"] == false),
            "{since}: a difference in noise: {}",
            s["mood_with"]
        );
        assert_eq!(s["insights"], Value::Array(vec![]), "{since}");
        let text = env.stdout_of(&["summary", "--since", since]);
        assert!(text.contains("Nothing stood out clearly enough"), "{text}");
    }
}

#[test]
fn empty_journal_one_entry_and_no_moods_are_calm() {
    let env = TestEnv::new();
    for args in [
        vec!["summary"],
        vec!["summary", "--since", "all"],
        vec!["summary", "--format", "md"],
        vec!["summary", "--explain"],
    ] {
        let text = env.stdout_of(&args);
        assert!(
            text.contains("Nothing written in this period yet"),
            "{args:?}: {text}"
        );
    }
    let s = env.json_of(&["summary", "--json"]);
    assert_eq!(s["entries"], 0);
    assert_eq!(s["mood"]["trend"], "unknown");
    assert_eq!(s["insights"], Value::Array(vec![]));
    assert!(
        s["prompts"]["least_explored"]["prompt"]["id"].is_string(),
        "{s}"
    );

    env.write(&[
        "--date",
        "yesterday",
        "--mood",
        "4",
        "We walked by the river.",
    ]);
    let s = env.json_of(&["summary", "--since", "all", "--json"]);
    assert_eq!(
        (s["entries"].as_u64(), s["period"]["days"].as_u64()),
        (Some(1), Some(2))
    );
    assert_eq!(s["streak"]["current"], 1);
    assert_eq!(s["enough_writing"], false);
    assert_eq!(s["insights"], Value::Array(vec![]));
    let text = env.stdout_of(&["summary"]);
    assert!(text.contains("not enough writing here yet"), "{text}");

    for i in 0..12 {
        let day = (today() - Duration::days(i + 2)).to_string();
        env.write(&["--date", &day, "Wrote without noting a mood."]);
    }
    let s = env.json_of(&["summary", "--json"]);
    assert_eq!(s["entries"], 13);
    assert_eq!(s["mood"]["n"], 1);
    assert_eq!(s["mood"]["trend"], "unknown");
    assert_eq!(s["insights"], Value::Array(vec![]));
    for format in ["text", "md"] {
        env.stdout_of(&["summary", "--format", format]);
    }
}

#[test]
fn periods_trash_and_bad_values() {
    let env = TestEnv::new();
    let a = env.write(&[
        "--date",
        "2026-08-03",
        "--mood",
        "2",
        "--tag",
        "win",
        "Said no, kindly.\nMore.",
    ]);
    env.write(&["--date", "2026-08-04", "--mood", "3", "A quiet day."]);
    env.write(&["--date", "2026-07-20", "--mood", "3", "Before the period."]);
    let s = env.json_of(&[
        "summary",
        "--from",
        "2026-08-01",
        "--to",
        "2026-08-31",
        "--json",
    ]);
    assert_eq!(s["period"]["days"], 31);
    assert_eq!(s["period"]["span"], Value::Null);
    assert_eq!(s["previous"]["from"], "2026-07-01");
    assert_eq!(s["previous"]["to"], "2026-07-31");
    assert_eq!(
        (s["entries"].as_u64(), s["previous_entries"].as_u64()),
        (Some(2), Some(1))
    );
    assert_eq!(s["streak"]["longest"], 2);
    assert_eq!(s["milestones"][0]["id"], a);
    assert_eq!(s["milestones"][0]["text"], "Said no, kindly.");

    env.cmd()
        .args(["delete", &a.to_string(), "--yes"])
        .assert()
        .success();
    let s = env.json_of(&[
        "summary",
        "--from",
        "2026-08-01",
        "--to",
        "2026-08-31",
        "--json",
    ]);
    assert_eq!(s["entries"], 1);
    assert_eq!(s["milestones"], Value::Array(vec![]));

    for bad in [
        vec!["--since", "abc"],
        vec!["--since", "0d"],
        vec!["--since", "12x"],
    ] {
        let out = env.cmd().arg("summary").args(&bad).output().unwrap();
        assert!(!out.status.success());
        let err = assert_one_line_error(&out.stderr);
        assert!(err.contains("try 30d, 12w, 6m or 1y"), "{err}");
    }
    let out = env
        .cmd()
        .args(["summary", "--from", "2026-09-01", "--to", "2026-08-01"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert_one_line_error(&out.stderr);
    for span in ["12w", "6m", "1y"] {
        let s = env.json_of(&["summary", "--since", span, "--json"]);
        assert_eq!(s["period"]["span"], span);
        assert_eq!(s["period"]["to"], "2026-11-21");
    }
}

#[test]
fn summary_reads_the_stored_analysis_only() {
    let env = TestEnv::new();
    let mut ids = Vec::new();
    for i in 0..6 {
        let day = (today() - Duration::days(i)).to_string();
        ids.push(env.write(&[
            "--date",
            &day,
            "--mood",
            "3",
            "I felt jealous and checked his phone.",
        ]));
    }
    let before = env.json_of(&["summary", "--json"]);
    assert_eq!(before["language"]["n"], 6);
    assert_eq!(by_name(&before["signs"], "name", "checking")["count"], 6);
    // Remove one entry's analysis: the summary counts what is stored, and never redoes it.
    let conn = env.sql();
    conn.execute("DELETE FROM entry_analysis WHERE entry_id = ?1", [ids[0]])
        .unwrap();
    conn.execute("DELETE FROM entry_signals WHERE entry_id = ?1", [ids[0]])
        .unwrap();
    drop(conn);
    let after = env.json_of(&["summary", "--json"]);
    assert_eq!(after["entries"], 6);
    assert_eq!(after["language"]["n"], 5);
    assert_eq!(by_name(&after["signs"], "name", "checking")["count"], 5);
}
