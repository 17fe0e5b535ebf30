//! Export and import end to end: exact JSON round trips (with a property test), Markdown that
//! keeps its outline whatever the entries hold, split files with front matter, private files
//! that are never overwritten by surprise, jrnl and Day One imports, and bad files that change
//! nothing.

mod common;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{DateTime, SecondsFormat, Utc};
use proptest::prelude::*;
use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use rstest::rstest;
use serde_json::{Value, json};

use common::{TestEnv, assert_one_line_error, mode, saved_id};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// Runs mend with `args`; returns (success, stdout, stderr).
fn run(env: &TestEnv, args: &[&str]) -> (bool, String, String) {
    let out = env.cmd().args(args).write_stdin("").output().unwrap();
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Runs mend, expects it to fail with one line on stderr, and returns that line.
fn fails(env: &TestEnv, args: &[&str]) -> String {
    let out = env.cmd().args(args).write_stdin("").output().unwrap();
    assert!(
        !out.status.success(),
        "mend {args:?} should fail: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(out.status.code(), Some(1), "mend {args:?}");
    assert_one_line_error(&out.stderr)
}

fn import(env: &TestEnv, file: &Path, extra: &[&str]) -> String {
    let mut args = vec!["import", file.to_str().unwrap()];
    args.extend_from_slice(extra);
    env.stdout_of(&args)
}

fn export_json(env: &TestEnv) -> String {
    env.stdout_of(&["export", "--format", "json"])
}

// ---------------------------------------------------------------------------------------
// JSON round trip

#[test]
fn a_real_journal_round_trips_exactly() {
    let a = TestEnv::new();
    a.write(&[
        "--mood",
        "good",
        "--feel",
        "hope,relief",
        "--tag",
        "partner",
        "We walked. #river",
    ]);
    a.write_stdin(
        &["--date", "yesterday at 18:30", "--mood", "1"],
        "# A hard night\n\n---\n<div>not html</div>\n```\nunclosed\n\nשלום, 日本語, 🙂\n",
    );
    a.write(&["--date", "2026-11-01", "An old day."]);
    a.stdout_of(&[
        "prompt",
        "--theme",
        "forgiveness",
        "--answer",
        "Letting go is slow.",
    ]);
    // A thought record is one entry, its fields structured.
    let mut args = vec!["path", "start", "thought-record"];
    for answer in [
        "He was late",
        "He does not care",
        "80%",
        "Fear 8, jealousy 7, shame 4 for feeling it.",
        "He was vague",
        "The train was late",
        "Trains are late",
        "6",
        "3/10",
        "fear 3, jealousy 2",
    ] {
        args.extend_from_slice(&["--answer", answer]);
    }
    a.stdout_of(&args);
    let gone = a.write(&["Into the trash with this one."]);
    a.stdout_of(&["delete", &gone.to_string(), "--yes"]);

    let first = export_json(&a);
    let doc: Value = serde_json::from_str(&first).unwrap();
    assert_eq!(doc["format"], "mend");
    assert_eq!(doc["version"], 2);
    assert_eq!(doc["exported"], "2026-11-21T15:00:00.000Z");
    let entries = doc["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 6);
    assert_eq!(
        entries
            .iter()
            .filter(|e| e.get("deleted").is_some())
            .count(),
        1
    );
    assert!(
        entries
            .iter()
            .any(|e| e["prompt"]["theme"] == "forgiveness")
    );
    assert!(
        entries
            .iter()
            .any(|e| e["fields"]["feelings"]["text"]
                == "Fear 8, jealousy 7, shame 4 for feeling it.")
    );

    let file = a.root().join("journal.json");
    fs::write(&file, &first).unwrap();
    let b = TestEnv::new();
    let report = import(&b, &file, &[]);
    assert!(
        report.contains("6 imported, 0 already in the journal"),
        "{report}"
    );
    assert_eq!(export_json(&b), first);
    // Imported entries are analysed like written ones.
    let analysed: i64 = b
        .sql()
        .query_row("SELECT count(*) FROM entry_analysis", [], |r| r.get(0))
        .unwrap();
    assert_eq!(analysed, 6);

    let again = import(&b, &file, &[]);
    assert!(
        again.contains("0 imported, 6 already in the journal"),
        "{again}"
    );
    assert_eq!(b.count_rows(), 6);
    // The Markdown export leaves the trash out.
    let md = b.stdout_of(&["export"]);
    assert!(!md.contains("Into the trash"), "{md}");
    assert!(md.contains("An old day."));
}

/// One entry of a generated mend export.
#[derive(Debug, Clone)]
struct Generated {
    id: i64,
    uuid: u128,
    day: i64,
    created: i64,
    updated: i64,
    deleted: Option<i64>,
    mood: Option<u8>,
    feelings: Vec<&'static str>,
    tags: BTreeSet<String>,
    prompt: Option<(String, String, Option<String>)>,
    path: Option<(&'static str, i64, String)>,
    fields: Option<(String, u8)>,
    body: String,
}

const FEELINGS: [&str; 8] = [
    "anger",
    "betrayal",
    "doubt",
    "gratitude",
    "hope",
    "jealousy",
    "relief",
    "sadness",
];

const PIECES: [&str; 26] = [
    "# heading",
    "## two",
    "---",
    "===",
    "***",
    "<div>",
    "</div>",
    "<!-- open comment",
    "```",
    "~~~~",
    "> quoted",
    "- item",
    "1. first",
    "    indented",
    "",
    "   ",
    "🙂🙏🏽 emoji",
    "日本語の文章と中文",
    "שלום עולם",
    "مرحبا بالعالم",
    "\u{200f}rtl mark\u{202e}override",
    "**bold** _it_ `code` [link](x)",
    "tab\there",
    "back\\slash \"quotes\"",
    "line\r",
    "#tag and #another",
];

fn body_strategy() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        prop::collection::vec(prop::sample::select(PIECES.to_vec()), 0..8)
            .prop_map(|lines| lines.join("\n")),
        (
            prop::collection::vec(prop::sample::select(PIECES.to_vec()), 0..4),
            "\\PC{0,40}"
        )
            .prop_map(|(lines, tail)| format!("{}\n{tail}", lines.join("\n"))),
    ]
}

const MS_2000: i64 = 946_684_800_000;
const MS_2030: i64 = 1_893_456_000_000;

prop_compose! {
    fn generated()(
        id in 1i64..1000,
        uuid in any::<u128>(),
        day in 0i64..11_000,
        created in MS_2000..MS_2030,
        edit in prop::option::of(0i64..10_000_000),
        deleted in prop::option::of(MS_2000..MS_2030),
        mood in prop::option::of(1u8..=5),
        feelings in prop::sample::subsequence(FEELINGS.to_vec(), 0..4),
        tags in prop::collection::btree_set("[a-zé信][a-z0-9é信-]{0,8}", 0..4),
        prompt in prop::option::of((
            "[a-z]{3,8}/[a-z-]{3,12}",
            "\\PC{0,60}",
            prop::option::of("[a-z]{3,10}"),
        )),
        path in prop::option::of((
            prop::sample::select(vec!["thought-record", "forgiveness"]),
            1i64..4,
            "[a-z-]{1,12}",
        )),
        fields in prop::option::of(("\\PC{0,30}", 0u8..=10)),
        body in body_strategy(),
    ) -> Generated {
        Generated {
            id, uuid, day, created, deleted, mood, feelings, tags, prompt, path, fields, body,
            updated: created + edit.unwrap_or(0),
        }
    }
}

fn rfc3339(ms: i64) -> String {
    DateTime::<Utc>::from_timestamp_millis(ms)
        .unwrap()
        .to_rfc3339_opts(SecondsFormat::Millis, true)
}

fn instant(v: &Value) -> DateTime<Utc> {
    DateTime::parse_from_rfc3339(v.as_str().unwrap())
        .unwrap()
        .with_timezone(&Utc)
}

impl Generated {
    fn uuid(&self) -> String {
        uuid::Uuid::from_u128(self.uuid).hyphenated().to_string()
    }

    fn day(&self) -> String {
        (chrono::NaiveDate::from_ymd_opt(2000, 1, 1).unwrap() + chrono::Duration::days(self.day))
            .to_string()
    }

    fn fields(&self) -> Value {
        match &self.fields {
            Some((situation, n)) => json!({
                "situation": situation,
                "feelings": [{"name": "anger", "intensity": n}],
            }),
            None => Value::Null,
        }
    }

    fn to_json(&self) -> Value {
        let mut v = json!({
            "id": self.id,
            "uuid": self.uuid(),
            "day": self.day(),
            "created": rfc3339(self.created),
            "updated": rfc3339(self.updated),
            "mood": self.mood,
            "feelings": self.feelings,
            "tags": self.tags,
            "prompt": self.prompt.as_ref().map(|(id, text, theme)| json!({"id": id, "text": text, "theme": theme})),
            "path": self.path.as_ref().map(|(id, run, step)| json!({"id": id, "run": run, "step": step})),
            "fields": self.fields(),
            "body": self.body,
        });
        if let Some(d) = self.deleted {
            v["deleted"] = json!(rfc3339(d));
        }
        v
    }
}

/// Compares an exported entry with the generated one it came from (ids and run numbers are
/// the importing journal's own).
fn same_entry(got: &Value, want: &Generated) -> Result<(), TestCaseError> {
    prop_assert_eq!(&got["day"], &json!(want.day()));
    prop_assert_eq!(instant(&got["created"]).timestamp_millis(), want.created);
    prop_assert_eq!(instant(&got["updated"]).timestamp_millis(), want.updated);
    prop_assert_eq!(
        got.get("deleted").map(|d| instant(d).timestamp_millis()),
        want.deleted
    );
    prop_assert_eq!(&got["mood"], &json!(want.mood));
    let mut feelings = want.feelings.clone();
    feelings.sort_unstable();
    prop_assert_eq!(&got["feelings"], &json!(feelings));
    prop_assert_eq!(&got["tags"], &json!(want.tags));
    prop_assert_eq!(&got["prompt"], &want.to_json()["prompt"]);
    prop_assert_eq!(&got["fields"], &want.fields());
    prop_assert_eq!(&got["body"], &json!(want.body));
    match &want.path {
        None => prop_assert!(got["path"].is_null()),
        Some((id, _, step)) => {
            prop_assert_eq!(&got["path"]["id"], &json!(id));
            prop_assert_eq!(&got["path"]["step"], &json!(step));
        }
    }
    Ok(())
}

/// A test world whose journal already exists, empty (copied from one made once: creating a
/// journal syncs the disk several times, which would dominate a property test).
fn with_empty_journal() -> TestEnv {
    static EMPTY: std::sync::OnceLock<Vec<u8>> = std::sync::OnceLock::new();
    let bytes = EMPTY.get_or_init(|| {
        let env = TestEnv::new();
        env.stdout_of(&["list"]);
        fs::read(env.db()).unwrap()
    });
    let env = TestEnv::new();
    fs::create_dir_all(env.data_dir()).unwrap();
    fs::write(env.db(), bytes).unwrap();
    env
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn any_entries_survive_export_import_export(entries in prop::collection::vec(generated(), 0..10)) {
        // Distinct uuids: a repeated one would rightly be "already in the journal".
        let mut seen = BTreeSet::new();
        let entries: Vec<Generated> = entries.into_iter().filter(|e| seen.insert(e.uuid)).collect();
        let source = json!({
            "format": "mend",
            "version": 1,
            "exported": "2026-01-01T00:00:00.000Z",
            "entries": entries.iter().map(Generated::to_json).collect::<Vec<_>>(),
        });
        let a = with_empty_journal();
        let file = a.root().join("generated.json");
        fs::write(&file, serde_json::to_string(&source).unwrap()).unwrap();
        let report = import(&a, &file, &[]);
        let expected = match entries.len() {
            0 => "has no entries".to_string(),
            n => format!("{n} imported, 0 already in the journal"),
        };
        prop_assert!(report.contains(&expected), "{}", report);

        let first = export_json(&a);
        let doc: Value = serde_json::from_str(&first).unwrap();
        let exported = doc["entries"].as_array().unwrap();
        prop_assert_eq!(exported.len(), entries.len());
        let by_uuid: HashMap<&str, &Value> = exported
            .iter()
            .map(|e| (e["uuid"].as_str().unwrap(), e))
            .collect();
        // An empty journal takes the original ids (when they are distinct); runs map one
        // to one.
        let ids: BTreeSet<i64> = entries.iter().map(|e| e.id).collect();
        let distinct_ids = ids.len() == entries.len() && ids.iter().all(|&id| id > 0);
        let mut runs: BTreeMap<(&str, i64), i64> = BTreeMap::new();
        for want in &entries {
            let got = by_uuid[want.uuid().as_str()];
            same_entry(got, want)?;
            if distinct_ids {
                prop_assert_eq!(got["id"].as_i64(), Some(want.id));
            }
            if let Some((id, run, _)) = &want.path {
                let new_run = got["path"]["run"].as_i64().unwrap();
                prop_assert_eq!(*runs.entry((id, *run)).or_insert(new_run), new_run);
            }
        }
        let distinct: BTreeSet<i64> = runs.values().copied().collect();
        prop_assert_eq!(distinct.len(), runs.len());

        let b = with_empty_journal();
        let file = b.root().join("first.json");
        fs::write(&file, &first).unwrap();
        import(&b, &file, &[]);
        prop_assert_eq!(export_json(&b), first);
    }
}

// ---------------------------------------------------------------------------------------
// Markdown

/// Every heading of a Markdown document: (level, text).
fn outline(doc: &str, options: Options) -> Vec<(usize, String)> {
    let mut out = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for event in Parser::new_ext(doc, options) {
        match event {
            Event::Start(Tag::Heading { level, .. }) => {
                current = Some((level as usize, String::new()))
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, s)) = current.as_mut() {
                    s.push_str(&t);
                }
            }
            Event::End(TagEnd::Heading(_)) => out.extend(current.take()),
            _ => {}
        }
    }
    out
}

/// Checks the outline: `expected` (title, days, entries) in order, and headings from entry
/// text only below the entry level.
fn assert_outline(doc: &str, options: Options, expected: &[(usize, &str)]) {
    let headings = outline(doc, options);
    let top: Vec<(usize, &str)> = headings
        .iter()
        .filter(|(level, _)| *level <= 3)
        .map(|(l, t)| (*l, t.as_str()))
        .collect();
    assert_eq!(top, expected, "outline of:\n{doc}");
    let html = Parser::new_ext(doc, options).any(|e| matches!(e, Event::Start(Tag::HtmlBlock)));
    assert!(!html, "an HTML block in:\n{doc}");
}

fn all_text(doc: &str) -> String {
    Parser::new_ext(doc, Options::empty())
        .filter_map(|e| match e {
            Event::Text(t) | Event::Code(t) => Some(t.to_string()),
            Event::SoftBreak | Event::HardBreak => Some("\n".into()),
            _ => None,
        })
        .collect()
}

const HOSTILE: &str = "# Not a title\nSome words\n---\nmore\n===\n\n<div>\n## inside html\n</div>\n\n<!-- never closed\n\n#\n\n```\n# in an unclosed fence";

#[test]
fn markdown_keeps_its_outline_whatever_the_text() {
    let env = TestEnv::new();
    env.write_stdin(
        &[
            "--date",
            "yesterday at 08:05",
            "--mood",
            "2",
            "--feel",
            "hurt",
        ],
        HOSTILE,
    );
    env.write(&["--date", "yesterday at 21:40", "Second the same day."]);
    env.stdout_of(&[
        "prompt",
        "--theme",
        "forgiveness",
        "--answer",
        "=== not a heading\n# nor this",
    ]);
    env.write_stdin(&["--tag", "a_b*c"], "Title\n===\n<script>\nalert(1)\n");
    let doc = env.stdout_of(&["export"]);
    let expected = [
        (1, "mend journal"),
        (2, "2026-11-20 (Friday)"),
        (3, "08:05"),
        (3, "21:40"),
        (2, "2026-11-21 (Saturday)"),
        (3, "15:00"),
        (3, "15:00"),
    ];
    for options in [
        Options::empty(),
        Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH,
    ] {
        assert_outline(&doc, options, &expected);
    }
    let headings = outline(&doc, Options::empty());
    assert!(
        headings.contains(&(4, "Not a title".into())),
        "{headings:?}"
    );
    assert!(
        headings.contains(&(5, "inside html".into())),
        "{headings:?}"
    );
    // The text is kept as written.
    let text = all_text(&doc);
    for kept in [
        "---",
        "===",
        "<div>",
        "</div>",
        "<!-- never closed",
        "<script>",
        "# in an unclosed fence",
        "a_b*c",
    ] {
        assert!(text.contains(kept), "{kept:?} missing from:\n{text}");
    }
    assert!(doc.contains("*Mood: low (2) · Feelings: hurt*"), "{doc}");
    assert!(
        doc.starts_with(
            "# mend journal\n\nFriday 20 November 2026 – Saturday 21 November 2026 · 4 entries\n"
        ),
        "{doc}"
    );

    // The answered prompt is a blockquote before the answer.
    let mut quotes = Vec::new();
    let mut inside = 0;
    let mut current = String::new();
    for event in Parser::new(&doc) {
        match event {
            Event::Start(Tag::BlockQuote(_)) => inside += 1,
            Event::End(TagEnd::BlockQuote(_)) => {
                inside -= 1;
                quotes.push(std::mem::take(&mut current));
            }
            Event::Text(t) if inside > 0 => current.push_str(&t),
            _ => {}
        }
    }
    assert_eq!(quotes.len(), 1, "{quotes:?}");
    assert!(quotes[0].starts_with("Prompt: "), "{quotes:?}");
    let prompt_at = doc.find("> **Prompt:**").unwrap();
    let answer_at = doc
        .find("\\=== not a heading")
        .or_else(|| doc.find("=== not a heading"))
        .unwrap();
    assert!(prompt_at < answer_at);
}

#[test]
fn markdown_filters_and_the_period_summary() {
    let env = TestEnv::new();
    env.write(&["--tag", "partner", "--date", "2026-11-19", "Tagged."]);
    env.write(&["--date", "2026-11-20", "Not tagged."]);
    let out = env
        .cmd()
        .args(["export", "--tag", "partner", "--with-summary"])
        .output()
        .unwrap();
    assert!(out.status.success());
    let doc = String::from_utf8(out.stdout).unwrap();
    assert!(
        doc.contains("Tagged.") && !doc.contains("Not tagged."),
        "{doc}"
    );
    assert!(doc.contains("Only entries with tags \\#partner"), "{doc}");
    // The period's summary comes after the title, its headings one level down.
    assert!(doc.contains("\n## Summary: "), "{doc}");
    assert!(doc.contains("\n### Writing"), "{doc}");
    let summary_at = doc.find("## Summary").unwrap();
    let first_day = doc.find("## 2026-11-19").unwrap();
    assert!(summary_at < first_day, "{doc}");
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let to_stdout = env.stdout_of(&["export", "-o", "-"]);
    assert!(to_stdout.contains("Not tagged."), "{to_stdout}");
    assert!(!env.root().join("-").exists());

    let empty = env.stdout_of(&["export", "--on", "2020-01-01"]);
    assert_eq!(empty, "# mend journal\n\nNo entries to export.\n");
}

// ---------------------------------------------------------------------------------------
// Files

/// The front matter of a split file as YAML, and the Markdown after it.
fn front_matter(text: &str) -> (yaml_rust2::Yaml, &str) {
    let rest = text.strip_prefix("---\n").expect("front matter first");
    let end = rest.find("\n---\n").expect("front matter closed");
    let docs = yaml_rust2::YamlLoader::load_from_str(&rest[..end]).expect("front matter is YAML");
    (docs[0].clone(), &rest[end + 5..])
}

fn file_names(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

fn split_journal() -> (TestEnv, i64, i64, i64) {
    let env = TestEnv::new();
    let a = env.write(&[
        "--date",
        "oct 30 at 09:00",
        "--mood",
        "4",
        "--feel",
        "hope",
        "--tag",
        "partner",
        "October. \"Quoted\" #walk",
    ]);
    let b = env.write(&[
        "--date",
        "today at 08:00",
        "--mood",
        "2",
        "--feel",
        "anger",
        "First today.\n# big heading",
    ]);
    let c = env.write(&[
        "--date",
        "today at 12:30",
        "--mood",
        "3",
        "Second today.\n---",
    ]);
    (env, a, b, c)
}

#[test]
fn split_writes_private_files_named_by_date_with_yaml_front_matter() {
    let (env, a, b, c) = split_journal();
    let dir = env.root().join("notes/by-day");
    let (ok, _, err) = run(
        &env,
        &["export", "--split", "day", "-o", dir.to_str().unwrap()],
    );
    assert!(ok, "{err}");
    assert!(
        err.contains("3 entries to 2 files") && err.contains("private"),
        "{err}"
    );
    assert_eq!(mode(&dir), 0o700);
    assert_eq!(file_names(&dir), vec!["2026-10-30.md", "2026-11-21.md"]);
    let text = fs::read_to_string(dir.join("2026-11-21.md")).unwrap();
    assert_eq!(mode(&dir.join("2026-11-21.md")), 0o600);
    let (yaml, markdown) = front_matter(&text);
    assert_eq!(yaml["date"].as_str(), Some("2026-11-21"));
    assert_eq!(yaml["entries"].as_i64(), Some(2));
    assert_eq!(yaml["mood"].as_f64(), Some(2.5));
    assert_eq!(yaml["feelings"][0].as_str(), Some("anger"));
    assert!(yaml["tags"].is_badvalue(), "no tags, no key: {yaml:?}");
    let opts = Options::ENABLE_YAML_STYLE_METADATA_BLOCKS;
    assert_outline(
        &text,
        opts,
        &[
            (1, "Saturday 21 November 2026"),
            (2, "2026-11-21 (Saturday)"),
            (3, "08:00"),
            (3, "12:30"),
        ],
    );
    assert!(markdown.contains("#### big heading"), "{markdown}");

    let months = env.root().join("months");
    env.stdout_of(&["export", "--split", "month", "-o", months.to_str().unwrap()]);
    assert_eq!(file_names(&months), vec!["2026-10.md", "2026-11.md"]);
    let (yaml, _) = front_matter(&fs::read_to_string(months.join("2026-11.md")).unwrap());
    assert_eq!(yaml["month"].as_str(), Some("2026-11"));
    assert_eq!(yaml["date"].as_str(), Some("2026-11-21"));

    let each = env.root().join("each");
    env.stdout_of(&["export", "--split", "entry", "-o", each.to_str().unwrap()]);
    assert_eq!(
        file_names(&each),
        vec![
            format!("2026-10-30-{a}.md"),
            format!("2026-11-21-{b}.md"),
            format!("2026-11-21-{c}.md"),
        ]
    );
    let text = fs::read_to_string(each.join(format!("2026-10-30-{a}.md"))).unwrap();
    let (yaml, _) = front_matter(&text);
    assert_eq!(yaml["date"].as_str(), Some("2026-10-30"));
    assert_eq!(yaml["mood"].as_i64(), Some(4));
    assert_eq!(yaml["feelings"][0].as_str(), Some("hope"));
    let tags: Vec<&str> = yaml["tags"]
        .as_vec()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    assert_eq!(tags, vec!["partner", "walk"]);
    assert_outline(
        &text,
        opts,
        &[
            (1, "Friday 30 October 2026, 09:00"),
            (2, "2026-10-30 (Friday)"),
            (3, "09:00"),
        ],
    );

    // Prompt answers carry their prompt and theme.
    env.stdout_of(&["prompt", "--theme", "forgiveness", "--answer", "An answer."]);
    let answers = env.root().join("answers");
    env.stdout_of(&[
        "export",
        "--split",
        "entry",
        "--theme",
        "forgiveness",
        "-o",
        answers.to_str().unwrap(),
    ]);
    let names = file_names(&answers);
    assert_eq!(names.len(), 1);
    let (yaml, _) = front_matter(&fs::read_to_string(answers.join(&names[0])).unwrap());
    assert_eq!(yaml["theme"].as_str(), Some("forgiveness"));
    assert!(yaml["prompt"].as_str().unwrap().starts_with("forgiveness/"));
}

#[test]
fn existing_files_are_kept_without_force() {
    let (env, ..) = split_journal();
    let file = env.root().join("journal.md");
    fs::write(&file, "keep me").unwrap();
    let err = fails(&env, &["export", "-o", file.to_str().unwrap()]);
    assert!(
        err.contains("journal.md already exists") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(fs::read_to_string(&file).unwrap(), "keep me");

    let (ok, out, note) = run(&env, &["export", "-o", file.to_str().unwrap(), "--force"]);
    assert!(ok && out.is_empty(), "{note}");
    assert!(
        note.contains("Exported 3 entries to") && note.contains("plain text"),
        "{note}"
    );
    assert!(
        fs::read_to_string(&file)
            .unwrap()
            .starts_with("# mend journal")
    );
    assert_eq!(mode(&file), 0o600);
    // No temporary files are left beside it.
    assert_eq!(
        file_names(env.root())
            .iter()
            .filter(|n| n.contains("mend-export"))
            .count(),
        0
    );

    let json = env.root().join("journal.json");
    env.stdout_of(&["export", "--format", "json", "-o", json.to_str().unwrap()]);
    assert_eq!(mode(&json), 0o600);
    let err = fails(
        &env,
        &["export", "--format", "json", "-o", json.to_str().unwrap()],
    );
    assert!(err.contains("--force"), "{err}");

    let dir = env.root().join("notes");
    fs::create_dir(&dir).unwrap();
    fs::write(dir.join("2026-11-21.md"), "mine").unwrap();
    let err = fails(
        &env,
        &["export", "--split", "day", "-o", dir.to_str().unwrap()],
    );
    assert!(
        err.contains("2026-11-21.md already exists") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(
        file_names(&dir),
        vec!["2026-11-21.md"],
        "nothing else was written"
    );
    env.stdout_of(&[
        "export",
        "--split",
        "day",
        "--force",
        "-o",
        dir.to_str().unwrap(),
    ]);
    assert_eq!(file_names(&dir), vec!["2026-10-30.md", "2026-11-21.md"]);
    assert!(
        fs::read_to_string(dir.join("2026-11-21.md"))
            .unwrap()
            .starts_with("---\n")
    );

    let err = fails(&env, &["export", "-o", dir.to_str().unwrap()]);
    assert!(err.contains("is a folder"), "{err}");
    let err = fails(
        &env,
        &[
            "export",
            "--format",
            "json",
            "--split",
            "day",
            "-o",
            dir.to_str().unwrap(),
        ],
    );
    assert!(err.contains("--split writes Markdown"), "{err}");
    let missing = env.root().join("no/such/folder/out.md");
    let err = fails(&env, &["export", "-o", missing.to_str().unwrap()]);
    assert!(err.contains("does not exist"), "{err}");
}

// ---------------------------------------------------------------------------------------
// Other journals

#[test]
fn jrnl_exports_are_imported_once() {
    let env = TestEnv::new();
    let report = import(&env, &fixture("jrnl.json"), &[]);
    assert!(
        report.contains("2 imported, 0 already in the journal"),
        "{report}"
    );
    let entries = env.list_json();
    assert_eq!(entries.len(), 2);
    assert_eq!(entries[0]["day"], "2024-05-01");
    common::assert_time(&entries[0]["created"], "2024-05-01T18:30:00Z");
    assert_eq!(
        entries[0]["body"],
        "We talked about the messages.\n\nI was scared, and I said so. @partner\nHe listened. #listening"
    );
    assert_eq!(
        common::strings(&entries[0]["tags"]),
        vec!["listening", "partner"]
    );
    assert_eq!(entries[1]["body"], "A walk by the river.");
    assert_eq!(
        common::strings(&entries[1]["tags"]),
        vec!["partner", "starred", "walk"]
    );
    common::assert_time(&entries[1]["created"], "2024-05-02T07:05:00Z");
    for e in &entries {
        common::assert_entry_shape(e);
    }

    let again = import(&env, &fixture("jrnl.json"), &["--format", "jrnl"]);
    assert!(
        again.contains("0 imported, 2 already in the journal"),
        "{again}"
    );
    assert_eq!(env.count_rows(), 2);
}

#[test]
fn day_one_journals_are_imported_from_json_or_zip() {
    let env = TestEnv::new();
    let report = import(&env, &fixture("dayone-Journal.json"), &[]);
    assert!(report.contains("3 imported"), "{report}");
    let entries = env.list_json();
    let by_uuid = |u: &str| entries.iter().find(|e| e["uuid"] == u).unwrap().clone();
    let first = by_uuid("6a2c3f0e-9b8d-4c7a-a1b2-c3d4e5f60718");
    assert_eq!(first["day"], "2024-05-01");
    assert_eq!(
        first["body"],
        "We talked. It helped! - a lot (really)\n\n# Later\nStill calm."
    );
    assert_eq!(common::strings(&first["tags"]), vec!["partner", "starred"]);
    common::assert_time(&first["updated"], "2024-05-01T19:00:00Z");
    // The day is the date where it was written.
    assert_eq!(
        by_uuid("0b1c2d3e-4f50-6172-8394-a5b6c7d8e9f0")["day"],
        "2024-05-02"
    );
    assert_eq!(
        by_uuid("1f2e3d4c-5b6a-7988-0716-253443526170")["day"],
        "2024-05-01"
    );

    // The same journal inside a Day One export .zip, beside its photos.
    let zip_env = TestEnv::new();
    let zip = zip_env.root().join("Day One Export.zip");
    make_zip(
        &zip,
        &[
            ("photos/abc.jpeg", b"\xff\xd8not really a photo".as_slice()),
            (
                "Journal.json",
                &fs::read(fixture("dayone-Journal.json")).unwrap(),
            ),
        ],
    );
    let report = import(&zip_env, &zip, &[]);
    assert!(
        report.contains("3 imported, 0 already in the journal"),
        "{report}"
    );
    assert_eq!(zip_env.list_json(), entries);
    let again = import(&zip_env, &zip, &["--format", "dayone"]);
    assert!(again.contains("0 imported, 3 already"), "{again}");
}

fn make_zip(path: &Path, files: &[(&str, &[u8])]) {
    let mut zip = zip::ZipWriter::new(fs::File::create(path).unwrap());
    for (name, data) in files {
        zip.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zip.write_all(data).unwrap();
    }
    zip.finish().unwrap();
}

#[test]
fn standard_input_dry_runs_and_skipping() {
    let env = TestEnv::new();
    let text = fs::read_to_string(fixture("jrnl.json")).unwrap();
    let out = env
        .cmd()
        .args(["import", "-", "--dry-run"])
        .write_stdin(text.clone())
        .output()
        .unwrap();
    assert!(out.status.success());
    let report = String::from_utf8(out.stdout).unwrap();
    assert!(
        report.contains("2 would be imported, 0 already in the journal"),
        "{report}"
    );
    assert!(report.contains("nothing was changed"), "{report}");
    assert_eq!(env.count_rows(), 0);
    let out = env
        .cmd()
        .args(["import", "-"])
        .write_stdin(text)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(env.count_rows(), 2);

    // --skip-invalid imports the rest and lists what it left out.
    let fresh = TestEnv::new();
    let path = fixture("bad/impossible-date.json");
    let (ok, out, err) = run(
        &fresh,
        &["import", path.to_str().unwrap(), "--skip-invalid"],
    );
    assert!(ok, "{err}");
    assert!(
        out.contains("2 imported, 0 already in the journal, 1 entry skipped"),
        "{out}"
    );
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("entry 2 (2021-02-30): date 2021-02-30 is not a real date"),
        "{err}"
    );
    assert_eq!(fresh.count_rows(), 2);
}

// ---------------------------------------------------------------------------------------
// Bad files change nothing

/// Where a case's file is: a fixture, or (`here/…`) a path in the test's own folder.
fn case_file(env: &TestEnv, name: &str) -> PathBuf {
    match name.strip_prefix("here/") {
        Some(rest) => env.root().join(rest),
        None => fixture(name),
    }
}

#[rstest]
#[case::broken_json("bad/truncated.json", &[], &["truncated.json is not valid JSON", "EOF while parsing", "line 16"])]
#[case::wrong_types("bad/wrong-types.json", &[], &["wrong-types.json: entry 2 (2026-11-21): mood must be 1–5 or null", "nothing was imported"])]
#[case::impossible_date("bad/impossible-date.json", &[], &["entry 2 (2021-02-30): date 2021-02-30 is not a real date", "--skip-invalid"])]
#[case::impossible_date_in_a_dry_run("bad/impossible-date.json", &["--dry-run"], &["2021-02-30"])]
#[case::the_wrong_format("jrnl.json", &["--format", "dayone"], &["entry 1", "\"uuid\" is missing"])]
#[case::a_missing_file("here/missing.json", &[], &["does not exist"])]
#[case::a_folder("here/", &[], &["is a folder"])]
fn a_bad_file_gives_one_clear_line_and_imports_nothing(
    #[case] file: &str,
    #[case] extra: &[&str],
    #[case] wanted: &[&str],
) {
    let env = TestEnv::new();
    env.write(&["Already here."]);
    let path = case_file(&env, file);
    let mut args = vec!["import", path.to_str().unwrap()];
    args.extend_from_slice(extra);
    let err = fails(&env, &args);
    let absent: Vec<&&str> = wanted.iter().filter(|w| !err.contains(**w)).collect();
    assert!(absent.is_empty(), "{absent:?} not in {err}");
    assert_eq!(env.count_rows(), 1, "{err}");
}

#[test]
fn bad_files_give_one_clear_line_and_import_nothing() {
    let env = TestEnv::new();
    env.write(&["Already here."]);
    let check = |path: &Path, extra: &[&str], wanted: &[&str]| {
        let mut args = vec!["import", path.to_str().unwrap()];
        args.extend_from_slice(extra);
        let err = fails(&env, &args);
        for w in wanted {
            assert!(err.contains(w), "{w:?} not in {err}");
        }
        assert_eq!(env.count_rows(), 1, "{err}");
        err
    };

    let dir = env.root().join("bad");
    fs::create_dir(&dir).unwrap();
    let notes = dir.join("notes.json");
    fs::write(&notes, r#"{"notes": [1, 2, 3]}"#).unwrap();
    check(
        &notes,
        &[],
        &["not an export mend can read", "jrnl", "Day One"],
    );
    let binary = dir.join("binary.json");
    fs::write(&binary, b"\xff\xfe\x00garbage").unwrap();
    check(&binary, &[], &["not UTF-8"]);

    // A zip without a journal in it.
    let zip = dir.join("photos.zip");
    make_zip(
        &zip,
        &[
            ("photos/a.jpeg", b"x"),
            ("notes/Journal.json", b"{\"entries\": []}"),
            ("readme.txt", b"hi"),
        ],
    );
    check(&zip, &[], &["photos.zip holds no Day One journal"]);
    check(&zip, &["--format", "mend"], &["zip"]);

    // Twenty megabytes of valid JSON in no known shape.
    let big = dir.join("big.json");
    let filler = "x".repeat(1000);
    let mut text = String::from("{\"notes\": [");
    while text.len() < 20 * 1024 * 1024 {
        text.push_str(&format!("\"{filler}\","));
    }
    text.push_str("\"end\"]}");
    fs::write(&big, &text).unwrap();
    check(&big, &[], &["big.json", "not an export mend can read"]);

    // Twenty megabytes of good mend entries with a bad one at the end.
    let mut entries = Vec::new();
    let mut size = 0;
    let mut n = 0u128;
    while size < 20 * 1024 * 1024 {
        n += 1;
        let e = json!({
            "id": n, "uuid": uuid::Uuid::from_u128(n).to_string(), "day": "2026-11-20",
            "created": "2026-11-20T10:00:00Z", "updated": "2026-11-20T10:00:00Z",
            "mood": 3, "feelings": ["hope"], "tags": [], "prompt": null, "body": filler,
        });
        size += e.to_string().len();
        entries.push(e);
    }
    let mut last = entries.last().unwrap().clone();
    last["uuid"] = json!(uuid::Uuid::from_u128(n + 1).to_string());
    last["day"] = json!("2021-02-30");
    entries.push(last);
    let count = entries.len();
    fs::write(
        &big,
        json!({"format": "mend", "version": 1, "entries": entries}).to_string(),
    )
    .unwrap();
    check(
        &big,
        &[],
        &[&format!(
            "entry {count} (2021-02-30): day 2021-02-30 is not a real date"
        )],
    );

    // Over the size limit: refused before reading (a sparse file).
    let huge = dir.join("huge.json");
    fs::File::create(&huge)
        .unwrap()
        .set_len(201 * 1024 * 1024)
        .unwrap();
    check(&huge, &[], &["larger than 200 MB"]);

    // Written by a newer mend.
    let newer = dir.join("newer.json");
    fs::write(&newer, r#"{"format": "mend", "version": 3, "entries": []}"#).unwrap();
    check(&newer, &[], &["newer mend"]);
}

#[test]
fn an_empty_export_imports_nothing_quietly() {
    let env = TestEnv::new();
    let file = env.root().join("empty.json");
    fs::write(&file, export_json(&env)).unwrap();
    let report = import(&env, &file, &[]);
    assert!(report.contains("no entries"), "{report}");
    assert_eq!(env.count_rows(), 0);
    // A plain `mend list --json` array is read as mend entries too.
    let other = TestEnv::new();
    let id = saved_id(&other.stdout_of(&["write", "From a listing."]));
    let list = other.root().join("list.json");
    fs::write(&list, other.stdout_of(&["list", "--json"])).unwrap();
    let report = import(&env, &list, &[]);
    assert!(report.contains("1 imported"), "{report}");
    assert_eq!(env.show_json(1)["uuid"], other.show_json(id)["uuid"]);
}

// ---------------------------------------------------------------------------------------
// The format's version, and the clock an entry was written on

#[test]
fn the_clock_an_entry_was_written_on_comes_back_and_versions_are_checked() {
    let mut a = TestEnv::new();
    a.set_now("2026-10-07T12:00:00Z");
    let out = a
        .cmd()
        .env("TZ", "Asia/Tokyo")
        .args(["write", "Written in Tokyo."])
        .output()
        .unwrap();
    assert!(out.status.success());
    a.write(&["A second entry, on the test's own clock."]);
    let first = a.stdout_of(&["export", "--format", "json"]);
    let doc: Value = serde_json::from_str(&first).unwrap();
    assert_eq!(doc["version"], 2);
    assert_eq!(doc["entries"][0]["written_offset"], 540, "{first}");

    let file = a.root().join("export.json");
    fs::write(&file, &first).unwrap();
    let mut b = TestEnv::new();
    b.set_now("2026-10-07T12:00:00Z");
    b.stdout_of(&["import", file.to_str().unwrap()]);
    assert_eq!(b.stdout_of(&["export", "--format", "json"]), first);
    // Read in another zone, the entry keeps the time it was written at: 21:00 in Tokyo.
    let shown = b
        .cmd()
        .env("TZ", "Europe/Berlin")
        .args(["show", "1"])
        .output()
        .unwrap();
    let shown = String::from_utf8(shown.stdout).unwrap();
    assert!(shown.contains("21:00 (UTC+09:00)"), "{shown}");

    // A version 1 file (before moments and clocks) still imports.
    let mut old = doc.clone();
    old["version"] = 1.into();
    for entry in old["entries"].as_array_mut().unwrap() {
        entry.as_object_mut().unwrap().remove("written_offset");
    }
    fs::write(&file, old.to_string()).unwrap();
    let c = TestEnv::new();
    let said = c.stdout_of(&["import", file.to_str().unwrap()]);
    assert!(said.contains("2 imported"), "{said}");

    // A newer mend's file is refused in one line that says to update.
    let mut newer = doc.clone();
    newer["version"] = 3.into();
    fs::write(&file, newer.to_string()).unwrap();
    let out = c
        .cmd()
        .args(["import", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let line = assert_one_line_error(&out.stderr);
    assert!(line.contains("update mend"), "{line}");

    // A clock that cannot be is named.
    let mut bad = doc;
    bad["entries"][0]["written_offset"] = 2000.into();
    fs::write(&file, bad.to_string()).unwrap();
    let out = TestEnv::new()
        .cmd()
        .args(["import", file.to_str().unwrap()])
        .output()
        .unwrap();
    let line = assert_one_line_error(&out.stderr);
    assert!(line.contains("\"written_offset\""), "{line}");
}
