//! The 0–10 check of a path's sessions: how it is kept (in the step entry's `entries.data`,
//! `{"kind": "check", "measure": "distress", "before": 7, "after": 4}`, which the
//! `path_checks` view shows as columns and which export and import carry as the entry's
//! `fields`), how a walk's entries become sessions, the before-and-after table, and the
//! question on a terminal.

use std::io::Write;

use anyhow::Result;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::cadence::{self, Measure, When};
use crate::app::App;
use crate::ask;
use crate::store::walks::StepEntry;

/// The check kept with one step's entry: the rating before the session, after it, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Check {
    pub measure: Measure,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub before: Option<u8>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub after: Option<u8>,
}

/// The `kind` that marks a check in an entry's data.
pub const KIND: &str = "check";

impl Check {
    /// The entry data that keeps it.
    pub fn to_data(self) -> Value {
        let mut value = serde_json::to_value(self).expect("a check is plain data");
        value
            .as_object_mut()
            .expect("a check is an object")
            .insert("kind".into(), KIND.into());
        value
    }

    /// The check kept in an entry's data, if it keeps one.
    pub fn from_data(data: Option<&Value>) -> Option<Check> {
        let data = data?;
        if data.get("kind").and_then(Value::as_str) != Some(KIND) {
            return None;
        }
        let check: Check = serde_json::from_value(data.clone()).ok()?;
        let in_range = |r: Option<u8>| r.is_none_or(|r| r <= 10);
        (in_range(check.before) && in_range(check.after)).then_some(check)
    }
}

/// Refuses imported `fields` that call themselves a check but are not one as mend writes it
/// (an unknown measure, a rating above 10), so a journal never holds a check it misreads.
pub fn check_fields(fields: &Value) -> Result<(), String> {
    if fields.get("kind").and_then(Value::as_str) != Some(KIND) {
        return Ok(());
    }
    match Check::from_data(Some(fields)) {
        Some(_) => Ok(()),
        None => Err(
            "in \"fields\": not a 0–10 check as mend writes one (a measure of distress, closeness or mood, ratings 0 to 10)"
                .to_string(),
        ),
    }
}

/// One session's ratings: the day it began, before and after.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Session {
    pub day: NaiveDate,
    pub before: Option<u8>,
    pub after: Option<u8>,
}

/// The sessions of a walk, from its entries in order: a rating before opens a session and
/// the next rating after closes it (in one sitting, those are different steps' entries).
pub fn sessions(steps: &[StepEntry]) -> (Option<Measure>, Vec<Session>) {
    let mut measure = None;
    let mut out: Vec<Session> = Vec::new();
    let mut open = false;
    for step in steps {
        let Some(check) = Check::from_data(step.data.as_ref()) else {
            continue;
        };
        measure.get_or_insert(check.measure);
        if check.before.is_some() || !open {
            out.push(Session {
                day: step.day,
                before: check.before,
                after: None,
            });
            open = true;
        }
        if check.after.is_some() {
            out.last_mut().expect("a session is open").after = check.after;
            open = false;
        }
    }
    (measure, out)
}

/// The before-and-after table, one line a session. Nothing is concluded from it: these are
/// the person's own ratings, and a handful of them shows no trend.
pub fn print_table(
    out: &mut dyn Write,
    app: &App,
    measure: Measure,
    sessions: &[Session],
) -> Result<()> {
    if sessions.is_empty() {
        return Ok(());
    }
    for line in table_lines(measure, sessions) {
        writeln!(out, "{line}")?;
    }
    writeln!(
        out,
        "{}",
        app.style
            .dim("Your own ratings, as you gave them; a few numbers are a record, not a verdict.")
    )?;
    Ok(())
}

/// The table as lines of plain text (also shown above the closing reflection).
pub fn table_lines(measure: Measure, sessions: &[Session]) -> Vec<String> {
    let shown = |r: Option<u8>| r.map_or_else(|| "–".to_string(), |r| r.to_string());
    let mut lines = vec![format!(
        "Your {} before and after each session ({}):",
        measure.name(),
        measure.scale()
    )];
    for (i, s) in sessions.iter().enumerate() {
        lines.push(format!(
            "  {}. {:<22} {:>2} → {}",
            i + 1,
            s.day.format("%a %-d %b %Y").to_string(),
            shown(s.before),
            shown(s.after)
        ));
    }
    lines
}

/// Asks for the rating on a terminal until it is a number from 0 to 10 or skipped with
/// Enter. Ctrl-C ends with [`ask::Stopped`].
pub fn ask_rating(measure: Measure, when: When) -> Result<Option<u8>> {
    loop {
        let reply = ask::line(&format!("{} (Enter skips)\n> ", measure.question(when)))?;
        if reply.stopped {
            return Err(ask::Stopped.into());
        }
        if reply.text.trim().is_empty() {
            return Ok(None);
        }
        match cadence::rating(&reply.text) {
            Ok(r) => return Ok(Some(r)),
            Err(e) => eprintln!("{e} — type a whole number from 0 to 10, or press Enter to skip."),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn step(day: &str, data: Option<Value>) -> StepEntry {
        StepEntry {
            step: "s".into(),
            entry: 1,
            day: day.parse().unwrap(),
            data,
        }
    }

    fn check(before: Option<u8>, after: Option<u8>) -> Option<Value> {
        Some(
            Check {
                measure: Measure::Distress,
                before,
                after,
            }
            .to_data(),
        )
    }

    #[test]
    fn a_check_round_trips_through_entry_data_and_others_are_not_checks() {
        let data = check(Some(7), Some(4)).unwrap();
        assert_eq!(
            data,
            serde_json::json!({"kind": "check", "measure": "distress", "before": 7, "after": 4})
        );
        let back = Check::from_data(Some(&data)).unwrap();
        assert_eq!((back.before, back.after), (Some(7), Some(4)));
        let thought = serde_json::json!({"kind": "thought-record", "situation": "s"});
        assert_eq!(Check::from_data(Some(&thought)), None);
        let too_high = serde_json::json!({"kind": "check", "measure": "mood", "before": 11});
        assert_eq!(Check::from_data(Some(&too_high)), None);
        assert_eq!(Check::from_data(None), None);
        assert!(check_fields(&data).is_ok());
        assert!(
            check_fields(&thought).is_ok(),
            "not a check: left to its own reader"
        );
        assert!(check_fields(&too_high).is_err());
        let unknown = serde_json::json!({"kind": "check", "measure": "joy", "before": 3});
        assert!(check_fields(&unknown).is_err());
    }

    #[test]
    fn sessions_pair_each_before_with_the_after_that_closes_it() {
        // Four days, each a session (the third skipped its "after"), then a reflection.
        let daily = [
            step("2026-11-01", check(Some(7), Some(8))),
            step("2026-11-02", check(Some(6), Some(5))),
            step("2026-11-03", check(Some(6), None)),
            step("2026-11-04", check(Some(5), Some(3))),
            step("2026-11-04", None),
        ];
        let (measure, s) = sessions(&daily);
        assert_eq!(measure, Some(Measure::Distress));
        let pairs: Vec<_> = s.iter().map(|s| (s.before, s.after)).collect();
        assert_eq!(
            pairs,
            [
                (Some(7), Some(8)),
                (Some(6), Some(5)),
                (Some(6), None),
                (Some(5), Some(3))
            ]
        );
        // One sitting: "before" on the first step, "after" on the last.
        let sitting = [
            step("2026-11-01", check(Some(4), None)),
            step("2026-11-01", None),
            step("2026-11-01", check(None, Some(6))),
        ];
        let (_, s) = sessions(&sitting);
        assert_eq!(s.len(), 1);
        assert_eq!((s[0].before, s[0].after), (Some(4), Some(6)));
        // An "after" alone (the "before" skipped) is a session of its own.
        let (_, s) = sessions(&[step("2026-11-01", check(None, Some(2)))]);
        assert_eq!((s[0].before, s[0].after), (None, Some(2)));
        assert!(sessions(&[step("2026-11-01", None)]).1.is_empty());
    }

    #[test]
    fn the_table_shows_every_session_and_a_dash_for_a_skipped_rating() {
        let s = [
            Session {
                day: "2026-11-01".parse().unwrap(),
                before: Some(7),
                after: Some(5),
            },
            Session {
                day: "2026-11-02".parse().unwrap(),
                before: Some(10),
                after: None,
            },
        ];
        let lines = table_lines(Measure::Distress, &s);
        assert_eq!(
            lines[0],
            "Your distress before and after each session (0 none, 10 the most):"
        );
        assert_eq!(lines[1], "  1. Sun 1 Nov 2026          7 → 5");
        assert_eq!(lines[2], "  2. Mon 2 Nov 2026         10 → –");
    }
}
