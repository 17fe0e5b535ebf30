//! `compute` on small in-memory journals: what is counted, once, and in which period.

use chrono::{Local, NaiveDate, TimeZone, Utc};

use super::compute;
use super::model::Summary;
use super::period::{Period, Span};
use crate::model::{Mood, NewEntry, PromptRef};
use crate::store::Journal;

fn day(s: &str) -> NaiveDate {
    s.parse().unwrap()
}

fn add(
    j: &Journal,
    on: &str,
    mood: Option<u8>,
    feelings: &[&str],
    tags: &[&str],
    body: &str,
) -> i64 {
    let entry = NewEntry {
        body: body.into(),
        mood: mood.and_then(Mood::new),
        feelings: feelings.iter().map(|f| f.to_string()).collect(),
        tags: tags.iter().map(|t| t.to_string()).collect(),
        ..NewEntry::on(day(on))
    };
    j.insert(
        &entry,
        Utc.with_ymd_and_hms(2026, 11, 21, 12, 0, 0).unwrap(),
    )
    .unwrap()
}

/// The 30 days ending on Saturday 21 November 2026.
fn summary(j: &Journal) -> Summary {
    let now = Local.with_ymd_and_hms(2026, 11, 21, 15, 0, 0).unwrap();
    let period = Period::since(Span::Days(30), now.date_naive(), || Ok(None)).unwrap();
    compute(j, period, now).unwrap()
}

fn count<'a>(list: impl IntoIterator<Item = (&'a str, u32, u32)>, name: &str) -> (u32, u32) {
    list.into_iter()
        .find(|(n, _, _)| *n == name)
        .map_or((0, 0), |(_, c, p)| (c, p))
}

#[test]
fn counts_each_entry_once_in_its_own_period() {
    let j = Journal::open_in_memory().unwrap();
    // Chosen and found in the text: one entry with jealousy, not two.
    add(
        &j,
        "2026-11-20",
        Some(4),
        &["jealousy"],
        &["walk"],
        "I felt so jealous tonight.",
    );
    add(
        &j,
        "2026-11-19",
        Some(2),
        &[],
        &[],
        "Jealous again. I checked his phone.",
    );
    // The period before.
    add(
        &j,
        "2026-10-01",
        Some(3),
        &["hope"],
        &["walk"],
        "I felt jealous at lunch.",
    );
    // Long before both periods, but saved last: its id sits after the window's ids.
    add(
        &j,
        "2025-01-01",
        Some(1),
        &["hope"],
        &["walk"],
        "Jealous, jealous.",
    );
    // In the trash: never counted.
    let gone = add(
        &j,
        "2026-11-18",
        Some(5),
        &["hope"],
        &["walk"],
        "I felt jealous.",
    );
    j.trash_entries(&[gone], Utc::now()).unwrap();
    // A backdated entry written last, inside the period.
    let win = add(
        &j,
        "2026-11-01",
        None,
        &[],
        &["win"],
        "Said no, kindly.\nThen more.",
    );

    let s = summary(&j);
    assert_eq!((s.entries, s.previous_entries, s.days_written), (3, 1, 3));
    let feelings = s
        .feelings
        .iter()
        .map(|f| (f.name.as_str(), f.count, f.previous));
    assert_eq!(count(feelings.clone(), "jealousy"), (2, 1));
    assert_eq!(count(feelings, "hope"), (0, 1));
    let signs = s
        .signs
        .iter()
        .map(|f| (f.name.as_str(), f.count, f.previous));
    assert_eq!(count(signs.clone(), "jealousy"), (2, 1));
    assert_eq!(count(signs, "checking"), (1, 0));
    assert_eq!(s.signs.len(), crate::analysis::sign_labels().len());
    assert_eq!(
        (s.mood.n, s.mood.average, s.mood.previous_n),
        (2, Some(3.0), 1)
    );
    assert_eq!(s.streak.current, 2);
    assert_eq!(s.milestones.len(), 1);
    assert_eq!(
        (s.milestones[0].id, s.milestones[0].text.as_str()),
        (win, "Said no, kindly.")
    );
    assert_eq!(s.language.n, 3);
    assert!(!s.enough_writing && s.insights.is_empty());
    assert!(
        s.mood_with.is_empty(),
        "too few entries to compare: {:?}",
        s.mood_with
    );
    // Two halves: 22 Oct – 6 Nov and 7 Nov – 21 Nov.
    assert_eq!((s.mood.first_half.n, s.mood.second_half.n), (0, 2));
    let weeks = &s.mood.weekly;
    assert_eq!(weeks.len(), 5);
    assert_eq!(weeks.iter().map(|w| w.entries).sum::<u32>(), 3);
}

#[test]
fn prompts_are_counted_by_theme_and_a_quiet_theme_is_suggested() {
    let j = Journal::open_in_memory().unwrap();
    for d in ["2026-11-10", "2026-11-11"] {
        let entry = NewEntry {
            body: "An answer.".into(),
            mood: Mood::new(3),
            prompt: Some(PromptRef {
                id: "forgiveness/what-holding-on-costs".into(),
                text: "?".into(),
                theme: Some("forgiveness".into()),
            }),
            ..NewEntry::on(day(d))
        };
        j.insert(&entry, Utc::now()).unwrap();
    }
    let s = summary(&j);
    assert_eq!(s.prompts.answered, 2);
    assert_eq!(s.prompts.answered_by_theme[0].theme, "forgiveness");
    let least = s.prompts.least_explored.unwrap();
    assert_ne!(least.theme, "forgiveness");
    assert_eq!(least.count, 0);
    assert!(least.prompt.id.starts_with(&format!("{}/", least.theme)));
    // The prompt's theme counts as a theme of the entry, too.
    assert_eq!(s.themes[0].name, "forgiveness");
    assert_eq!(s.themes[0].count, 2);
}

#[test]
fn an_empty_journal_gives_an_empty_summary() {
    let j = Journal::open_in_memory().unwrap();
    let s = summary(&j);
    assert_eq!(
        (
            s.entries,
            s.days_written,
            s.streak.current,
            s.streak.longest
        ),
        (0, 0, 0, 0)
    );
    assert!(s.feelings.is_empty() && s.themes.is_empty() && s.insights.is_empty());
    assert_eq!(s.mood.by_weekday.len(), 7);
    let json = serde_json::to_string(&s).unwrap();
    assert_eq!(serde_json::from_str::<Summary>(&json).unwrap(), s);
    assert!(super::markdown(&s).starts_with("# Summary: Last 30 days"));
}

/// Where a summary's time goes on a large journal: `SUMMARY_PROFILE_DB=path cargo test
/// --release --lib summary::tests::profile_large -- --ignored --nocapture`.
#[test]
#[ignore]
fn profile_large() {
    use std::time::Instant;
    let Ok(path) = std::env::var("SUMMARY_PROFILE_DB") else {
        return;
    };
    let j = Journal::open(std::path::Path::new(&path)).unwrap();
    let library = crate::prompts::Library::built_in();
    let today = day("2026-11-21");
    let first = j.summary_entries(day("1990-01-01"), today).unwrap()[0].day;
    for span in [Span::Years(1), Span::All] {
        let period = Period::since(span, today, || Ok(Some(first))).unwrap();
        let previous = period.previous();
        let mut times = [0.0f64; 3];
        for _ in 0..5 {
            let t0 = Instant::now();
            let data = super::data::Data::load(&j, &period, &previous).unwrap();
            let t1 = Instant::now();
            let days = super::days::Days::new(&data, &period, &previous);
            drop(days);
            let t2 = Instant::now();
            let s = super::compute::statistics(&data, &period, &previous, &library);
            let t3 = Instant::now();
            assert!(s.tests > 0);
            times[0] += (t1 - t0).as_secs_f64() * 200.0;
            times[1] += (t2 - t1).as_secs_f64() * 200.0;
            times[2] += (t3 - t2).as_secs_f64() * 200.0;
        }
        let t0 = Instant::now();
        let now = Local.with_ymd_and_hms(2026, 11, 21, 15, 0, 0).unwrap();
        compute(&j, period, now).unwrap();
        println!(
            "{span:?}: load {:.1} ms, days {:.1} ms, statistics {:.1} ms; compute {:.1} ms",
            times[0],
            times[1],
            times[2],
            t0.elapsed().as_secs_f64() * 1000.0
        );
    }
}
