//! `mend report` end to end: a journal of about fifty entries over 180 days (one week left
//! empty, one entry trying to smuggle in a script), the HTML read back as XML and checked
//! for structure, privacy and escaping; and, where Chromium is installed, rendered to a
//! screenshot that must not be blank and must log no errors.

mod common;

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration as Wait, Instant};

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use common::{TestEnv, mode};
use serde_json::Value;

const SCRIPT: &str = "<script>alert(1)</script>";
/// The period `--since 90d` covers under the tests' clock (Saturday 21 November 2026).
const FROM: &str = "2026-08-24";
/// A week of the period (its sixth, counted from FROM) with no entries at all.
const EMPTY_WEEK: &str = "2026-09-28";

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

/// Entries every other day over the period and the 90 days before it, except in the empty
/// week; moods low in the first half and high in the second, none on every seventh entry.
/// Returns the entries (as mend's JSON export shape) and the days written with and without
/// a mood in the period.
fn plan() -> (Vec<Value>, BTreeSet<NaiveDate>, BTreeSet<NaiveDate>) {
    let from = day(FROM);
    let empty = day(EMPTY_WEEK);
    let feelings = ["hope", "calm", "hurt", "anxiety", "relief"];
    let texts = [
        "We talked after dinner and I felt heard.",
        "I felt jealous when he mentioned her again.",
        "I checked his phone while he slept. I hate that I did.",
        "A walk by the river. It felt easier to talk.",
        "I keep needing him to tell me it is over with her.",
        "Quiet day. Cooked and read.",
    ];
    let (mut entries, mut with_mood, mut without) = (Vec::new(), BTreeSet::new(), BTreeSet::new());
    for (i, offset) in (-90..91).step_by(2).enumerate() {
        let d = from + Duration::days(offset);
        if d >= empty && d < empty + Duration::days(7) {
            continue;
        }
        let late = offset >= 45;
        let mood = (i % 7 != 3).then(|| if late { 4 + (i % 2) } else { 1 + (i % 2) });
        let mut tags = vec!["partner".to_string()];
        let mut body = texts[i % texts.len()].to_string();
        if d == day("2026-11-18") {
            body = format!("{SCRIPT} I said what I needed & it was \"okay\". It's fine.");
            tags = vec![SCRIPT.to_string(), "win".to_string()];
        }
        if d >= from {
            match mood {
                Some(_) => with_mood.insert(d),
                None => without.insert(d),
            };
        }
        let at = format!("{d}T12:00:00Z");
        entries.push(serde_json::json!({
            "uuid": format!("00000000-0000-4000-8000-{i:012}"),
            "day": d.to_string(), "created": at, "updated": at,
            "mood": mood,
            "feelings": [feelings[i % feelings.len()]],
            "tags": tags, "prompt": null, "body": body,
        }));
    }
    (entries, with_mood, without)
}

fn journal() -> (TestEnv, BTreeSet<NaiveDate>, BTreeSet<NaiveDate>) {
    let env = TestEnv::new();
    let (entries, with_mood, without) = plan();
    let file = env.root().join("plan.json");
    let export = serde_json::json!({
        "format": "mend", "version": 1, "exported": common::NOW, "entries": entries,
    });
    fs::write(&file, export.to_string()).unwrap();
    env.stdout_of(&["import", file.to_str().unwrap()]);
    (env, with_mood, without)
}

/// Runs `mend report -o FILE ARGS` and returns the line it printed and the HTML.
fn report(env: &TestEnv, file: &Path, args: &[&str]) -> (String, String) {
    let mut all = vec!["report", "-o", file.to_str().unwrap()];
    all.extend_from_slice(args);
    let line = env.stdout_of(&all);
    (line, fs::read_to_string(file).unwrap())
}

fn class_has(node: &roxmltree::Node, class: &str) -> bool {
    node.attribute("class")
        .is_some_and(|c| c.split_whitespace().any(|x| x == class))
}

#[test]
fn report_is_self_contained_accessible_and_escaped() {
    let (env, with_mood, without) = journal();
    let file = env.root().join("report.html");
    let (line, html) = report(&env, &file, &["--since", "90d"]);
    assert_eq!(
        line,
        format!(
            "Wrote the report for the last 90 days (24 Aug – 21 Nov 2026) to {} — it holds your words in plain text; keep it private.\n",
            file.display()
        )
    );
    assert!(html.contains("What you wrote between 24 August and 21 November 2026"));
    assert!(html.contains("not therapy"), "the kind note at the bottom");

    // Nothing runs and nothing is fetched.
    let lower = html.to_lowercase();
    assert!(!lower.contains("<script"), "no script element at all");
    for bad in [
        "http://", "https://", "url(", "@import", " src=", " href=", "<link", "<img", "<iframe",
    ] {
        assert!(!lower.contains(bad), "{bad} in the report");
    }
    // The journal's words are escaped, the tag included.
    assert!(!html.contains(SCRIPT));
    assert!(html.contains(
        "&lt;script&gt;alert(1)&lt;/script&gt; I said what I needed &amp; it was &quot;okay&quot;"
    ));
    assert!(
        html.contains("#&lt;script&gt;alert(1)&lt;/script&gt;"),
        "the tag, escaped"
    );

    // The page is well-formed XML too, so it can be read structurally.
    let doc = roxmltree::Document::parse_with_options(
        &html,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )
    .unwrap_or_else(|e| panic!("the report is not well-formed: {e}"));
    let svgs: Vec<_> = doc
        .descendants()
        .filter(|n| n.has_tag_name("svg"))
        .collect();
    assert_eq!(
        svgs.len(),
        6,
        "mood, calendar, weekday, feelings, themes, signs"
    );
    for svg in &svgs {
        assert_eq!(svg.attribute("role"), Some("img"));
        let first = svg.first_element_child().expect("an svg has children");
        assert!(first.has_tag_name("title") && !first.text().unwrap_or("").is_empty());
        let labelled = svg.attribute("aria-labelledby").unwrap();
        assert_eq!(first.attribute("id"), Some(labelled));
        assert!(svg.children().any(|c| c.has_tag_name("desc")));
        // Its section says in words what it shows, and has the numbers as a table.
        let section = svg.ancestors().find(|a| a.has_tag_name("section")).unwrap();
        assert!(
            section.descendants().any(|n| n.has_tag_name("table")),
            "{:?}",
            section.attribute("id")
        );
        assert!(section.descendants().any(|n| class_has(&n, "lead")));
    }

    // The calendar: one square per day of the 53 weeks up to the period's last day.
    let cells: Vec<_> = doc
        .descendants()
        .filter(|n| n.attribute("data-day").is_some())
        .collect();
    let days: Vec<NaiveDate> = cells
        .iter()
        .map(|c| day(c.attribute("data-day").unwrap()))
        .collect();
    assert_eq!(*days.last().unwrap(), day("2026-11-21"));
    assert_eq!(days[0].weekday(), Weekday::Mon);
    assert_eq!(days.len(), 52 * 7 + 6);
    assert!(days.windows(2).all(|w| w[1] == w[0] + Duration::days(1)));
    for cell in &cells {
        let d = day(cell.attribute("data-day").unwrap());
        let mood_class = (1..=5).any(|m| class_has(cell, &format!("m{m}")));
        if with_mood.contains(&d) {
            assert!(mood_class, "{d} written with a mood is coloured");
        } else if without.contains(&d) {
            assert!(
                class_has(cell, "nm") && !mood_class,
                "{d} written without a mood is outlined"
            );
        } else if d >= day(FROM) {
            assert!(class_has(cell, "nw"), "{d} not written");
        }
    }

    // The weekly mood line breaks at the empty week.
    let path = doc
        .descendants()
        .find(|n| class_has(n, "mood-line"))
        .unwrap();
    assert!(
        path.attribute("d").unwrap().matches('M').count() >= 2,
        "a gap in the line"
    );
    let weeks: Vec<&str> = doc
        .descendants()
        .filter_map(|n| n.attribute("data-week"))
        .collect();
    assert!(!weeks.contains(&EMPTY_WEEK), "{weeks:?}");
    assert!(
        weeks.contains(&"2026-09-21") && weeks.contains(&"2026-10-05"),
        "{weeks:?}"
    );
    assert_eq!(weeks.len(), 12, "13 weeks, one without a mood");

    // Feelings show the period before as a marker; signs are all five, week by week.
    assert!(doc.descendants().any(|n| class_has(&n, "before-mark")));
    let signs = doc
        .descendants()
        .find(|n| n.attribute("id") == Some("signs"))
        .unwrap();
    let head: Vec<String> = signs
        .descendants()
        .filter(|n| n.has_tag_name("th") && n.attribute("scope") == Some("col"))
        .map(|n| n.text().unwrap_or("").to_string())
        .collect();
    assert_eq!(head.len(), 2 + 5, "{head:?}");
    let weekday_rows = doc
        .descendants()
        .find(|n| n.attribute("id") == Some("weekdays"))
        .unwrap()
        .descendants()
        .filter(|n| n.has_tag_name("tr"))
        .count();
    assert_eq!(weekday_rows, 1 + 7);

    // The clear rise in mood is an insight, with the entries it rests on.
    let insights = doc
        .descendants()
        .find(|n| n.attribute("id") == Some("insights"))
        .unwrap();
    assert!(
        insights.descendants().any(|n| n.has_tag_name("li")),
        "an insight is named"
    );
    assert!(
        insights.descendants().any(|n| n.has_tag_name("td")),
        "with its entries"
    );
}

#[test]
fn report_file_is_private_and_kept_without_force() {
    let (env, _, _) = journal();
    let file = env.root().join("r.html");
    report(&env, &file, &[]);
    assert_eq!(mode(&file), 0o600);
    fs::write(&file, "mine").unwrap();
    let out = env
        .cmd()
        .args(["report", "-o", file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let err = common::assert_one_line_error(&out.stderr);
    assert!(
        err.contains("already exists") && err.contains("--force"),
        "{err}"
    );
    assert_eq!(fs::read_to_string(&file).unwrap(), "mine");
    let (line, html) = report(
        &env,
        &file,
        &["--force", "--from", "2026-10-01", "--to", "2026-10-31"],
    );
    assert!(
        line.starts_with("Wrote the report for 1 Oct – 31 Oct 2026 to "),
        "{line}"
    );
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert_eq!(mode(&file), 0o600);
    assert_eq!(
        fs::read_dir(env.root())
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .starts_with(".mend-")
            })
            .count(),
        0,
        "no temporary file left behind"
    );
}

#[test]
fn an_empty_journal_gets_a_kind_report_and_the_config_period() {
    let env = TestEnv::new();
    let config = env.root().join("xdg-config").join("mend");
    fs::create_dir_all(&config).unwrap();
    fs::write(config.join("config.toml"), "summary-period = \"12w\"\n").unwrap();
    let file = env.root().join("empty.html");
    let (line, html) = report(&env, &file, &[]);
    assert!(
        line.starts_with("Wrote the report for the last 12 weeks (30 Aug – 21 Nov 2026)"),
        "{line}"
    );
    assert!(html.contains("Nothing was written in this period yet"));
    roxmltree::Document::parse_with_options(
        &html,
        roxmltree::ParsingOptions {
            allow_dtd: true,
            ..Default::default()
        },
    )
    .unwrap();
}

/// Waits for a child process for at most `limit`, killing it after that.
fn wait_for(mut child: std::process::Child, limit: Wait) -> std::process::Output {
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            break;
        }
        std::thread::sleep(Wait::from_millis(100));
    }
    child.wait_with_output().unwrap()
}

#[test]
fn chromium_renders_the_report_without_errors() {
    let chromium = Path::new("/usr/bin/chromium");
    if !chromium.exists() {
        common::skip("Chromium is not installed (apt-get install chromium)");
        return;
    }
    let (env, _, _) = journal();
    let file = env.root().join("report.html");
    report(&env, &file, &["--since", "90d"]);
    let png = env.root().join("report.png");
    let profile = env.root().join("chromium-profile");
    let child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--enable-logging=stderr",
            "--v=0",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--screenshot={}", png.display()))
        .arg("--window-size=1200,3000")
        .arg(format!("file://{}", file.display()))
        .env("HOME", env.home())
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let out = wait_for(child, Wait::from_secs(90));
    let stderr = String::from_utf8_lossy(&out.stderr);
    // Chromium talks about dbus, GPUs and more; only the page's console messages matter.
    let console: Vec<&str> = stderr
        .lines()
        .filter(|l| l.contains("CONSOLE") || l.contains("Uncaught"))
        .collect();
    assert!(console.is_empty(), "the page logged: {console:#?}");
    assert!(png.exists(), "no screenshot; Chromium said: {stderr}");

    let decoder = png::Decoder::new(std::io::BufReader::new(fs::File::open(&png).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut buf = vec![0; reader.output_buffer_size().unwrap()];
    let info = reader.next_frame(&mut buf).unwrap();
    assert_eq!((info.width, info.height), (1200, 3000));
    let channels = info.color_type.samples();
    let pixels: Vec<&[u8]> = buf[..info.buffer_size()].chunks(channels).collect();
    let distinct: BTreeSet<&[u8]> = pixels.iter().copied().collect();
    assert!(
        distinct.len() > 50,
        "only {} colours: a blank page?",
        distinct.len()
    );
    // The deep blue of the mood scale and the line is there: the charts were drawn.
    let blue = pixels
        .iter()
        .filter(|p| p[2] > 120 && p[0] < 80 && p[1] < 150)
        .count();
    assert!(blue > 2000, "{blue} blue pixels");
}
