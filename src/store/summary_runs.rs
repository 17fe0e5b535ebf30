//! The runs of consecutive days written (`summary_runs`, migration 0015), kept so that the
//! streak is one look-up however long it is: a walk back over a journal written every day
//! for 27 years read 9,863 rows after every `mend write`.
//!
//! The runs follow the days of `summary_days`. `summary_days::refresh`, just before every
//! write commits, hands over the days it counted again with whether each still has an entry;
//! a day gained joins its neighbours' runs, a day lost splits its run. When many days changed
//! at once (an import, a migration from before the per-day counts) the runs are made again
//! from all the days in one pass instead. A day that is not a date (written from outside
//! mend) belongs to no run.

use anyhow::Result;
use chrono::NaiveDate;
use rusqlite::{Connection, OptionalExtension};

use super::summary::{day_at, parse_day};

/// The schema version that has the table.
pub(super) const SINCE: i64 = 15;
/// From this many days changed on, the runs are made again from all the days: one pass over
/// 10,000 days takes about 0.6 ms, as long as some 200 days followed one by one.
const WHOLE_FROM: usize = 256;

/// A run's first and last day, both included.
type Run = (NaiveDate, NaiveDate);

/// The run that starts on `day` or the latest one that starts before it: the only one that
/// can hold `day`.
fn run_from(conn: &Connection, day: &str) -> Result<Option<Run>> {
    Ok(conn
        .prepare_cached(
            "SELECT first_day, last_day FROM summary_runs WHERE first_day <= ?1 \
             ORDER BY first_day DESC LIMIT 1",
        )?
        .query_row([day], |r| Ok((day_at(r, 0)?, day_at(r, 1)?)))
        .optional()?)
}

/// Brings the runs in step with `days`, each a day counted again and whether it has entries
/// now; inside the caller's transaction.
pub(crate) fn follow(conn: &Connection, days: &[(&str, bool)]) -> Result<()> {
    if days.len() >= WHOLE_FROM {
        return rebuild(conn);
    }
    for &(text, written) in days {
        let Some(day) = parse_day(text) else {
            continue;
        };
        let before = run_from(conn, text)?;
        match (before.filter(|r| r.1 >= day), written) {
            (None, true) => gain(conn, day, before)?,
            (Some(run), false) => lose(conn, day, run)?,
            _ => {}
        }
    }
    Ok(())
}

/// Makes the runs again from all the days of `summary_days`. Migration 0015 does the same
/// in SQL; reading the days in order here takes a thirtieth of the time (julian days and a
/// window over every day cost 19 ms at 10,000 days) and judges days with the same
/// `parse_day` as the changes followed one by one.
fn rebuild(conn: &Connection) -> Result<()> {
    conn.prepare_cached("DELETE FROM summary_runs")?
        .execute([])?;
    let mut runs: Vec<Run> = Vec::new();
    let mut stmt = conn.prepare_cached("SELECT day FROM summary_days ORDER BY day")?;
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let Some(day) = r.get_ref(0)?.as_str().ok().and_then(parse_day) else {
            continue;
        };
        match runs.last_mut() {
            Some(run) if run.1.succ_opt() == Some(day) => run.1 = day,
            _ => runs.push((day, day)),
        }
    }
    for (first, last) in runs {
        add(conn, &first.to_string(), &last.to_string())?;
    }
    Ok(())
}

/// The days either side of one that `parse_day` read (years 0 to 9999): chrono has them.
fn around(day: NaiveDate) -> (String, String) {
    let side = |d: Option<NaiveDate>| d.expect("a day within chrono's range").to_string();
    (side(day.pred_opt()), side(day.succ_opt()))
}

/// Adds `day`, in no run yet; `before` is the latest run starting before it.
fn gain(conn: &Connection, day: NaiveDate, before: Option<Run>) -> Result<()> {
    let (_, next) = around(day);
    let left = before.filter(|r| Some(r.1) == day.pred_opt());
    let right: Option<String> = conn
        .prepare_cached("SELECT last_day FROM summary_runs WHERE first_day = ?")?
        .query_row([&next], |r| r.get(0))
        .optional()?;
    let day = day.to_string();
    match (left, right) {
        (Some(left), Some(last)) => {
            conn.prepare_cached("DELETE FROM summary_runs WHERE first_day = ?")?
                .execute([&next])?;
            set_last(conn, left.0, &last)
        }
        (Some(left), None) => set_last(conn, left.0, &day),
        (None, Some(_)) => set_first(conn, &next, &day),
        (None, None) => add(conn, &day, &day),
    }
}

/// Takes `day` out of `run`, which holds it.
fn lose(conn: &Connection, day: NaiveDate, (first, last): Run) -> Result<()> {
    let (prev, next) = around(day);
    if first == last {
        conn.prepare_cached("DELETE FROM summary_runs WHERE first_day = ?")?
            .execute([first.to_string()])?;
        Ok(())
    } else if first == day {
        set_first(conn, &first.to_string(), &next)
    } else {
        set_last(conn, first, &prev)?;
        if last > day {
            add(conn, &next, &last.to_string())?;
        }
        Ok(())
    }
}

fn set_first(conn: &Connection, first: &str, to: &str) -> Result<()> {
    conn.prepare_cached("UPDATE summary_runs SET first_day = ?1 WHERE first_day = ?2")?
        .execute([to, first])?;
    Ok(())
}

fn set_last(conn: &Connection, first: NaiveDate, last: &str) -> Result<()> {
    conn.prepare_cached("UPDATE summary_runs SET last_day = ?1 WHERE first_day = ?2")?
        .execute([last, &first.to_string()])?;
    Ok(())
}

fn add(conn: &Connection, first: &str, last: &str) -> Result<()> {
    conn.prepare_cached("INSERT INTO summary_runs (first_day, last_day) VALUES (?, ?)")?
        .execute([first, last])?;
    Ok(())
}

/// Consecutive days written ending on `to` or the day before, from the runs (the caller
/// has checked that no day up to `to` waits to be counted again).
pub(super) fn streak(conn: &Connection, to: NaiveDate) -> Result<u32> {
    let Some((first, last)) = run_from(conn, &to.to_string())? else {
        return Ok(0);
    };
    // Days after `to` are not counted; the run must reach `to` or the day before.
    let end = if last >= to {
        to
    } else if Some(last) == to.pred_opt() {
        last
    } else {
        return Ok(0);
    };
    Ok(u32::try_from((end - first).num_days() + 1)?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{Analysis, analyse};
    use crate::model::{Mood, NewEntry};
    use crate::store::Journal;
    use crate::store::entries::{EntryUpdate, Stamp, insert_analysed};
    use crate::store::purge::Purge;
    use crate::store::summary::walk_streak;
    use chrono::{DateTime, Duration, Utc};

    type Runs = Vec<(String, String)>;

    /// The streak as it was counted before the runs: a walk back over the stored days.
    const STORED_DAYS: &str = "SELECT day FROM summary_days WHERE day <= ?1 ORDER BY day DESC";
    const LIVE_DAYS: &str = "SELECT DISTINCT day FROM entries WHERE deleted_at IS NULL \
         AND day <= ?1 ORDER BY day DESC";

    fn stored(j: &Journal) -> Runs {
        let conn = j.conn();
        let mut stmt = conn
            .prepare("SELECT first_day, last_day FROM summary_runs ORDER BY first_day")
            .unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    /// The runs of the days with entries outside the trash, from the entries themselves.
    fn runs_of_entries(j: &Journal) -> Runs {
        let conn = j.conn();
        let mut stmt = conn
            .prepare("SELECT DISTINCT day FROM entries WHERE deleted_at IS NULL ORDER BY day")
            .unwrap();
        let days: Vec<String> = stmt
            .query_map([], |r| r.get(0))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let mut runs: Vec<(NaiveDate, NaiveDate)> = Vec::new();
        for day in days.iter().filter_map(|d| parse_day(d)) {
            match runs.last_mut() {
                Some(run) if run.1.succ_opt() == Some(day) => run.1 = day,
                _ => runs.push((day, day)),
            }
        }
        runs.into_iter()
            .map(|(a, b)| (a.to_string(), b.to_string()))
            .collect()
    }

    /// The runs migration 0015's statement makes of the stored days.
    fn filled(j: &Journal) -> Runs {
        let migration = include_str!("migrations/0015_summary_runs.sql");
        let fill = migration
            .split_once("INSERT INTO summary_runs (first_day, last_day)")
            .unwrap()
            .1
            .trim()
            .trim_end_matches(';');
        let conn = j.conn();
        let mut stmt = conn.prepare(&format!("{fill} ORDER BY 1")).unwrap();
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap()
    }

    fn stale(j: &Journal) -> bool {
        j.conn()
            .query_row("SELECT EXISTS (SELECT 1 FROM summary_stale)", [], |r| {
                r.get(0)
            })
            .unwrap()
    }

    /// Every way of counting agrees for each day of `tos`, and with `whole` the stored runs
    /// are the runs of the entries.
    fn check(j: &Journal, tos: &[NaiveDate], whole: bool, when: &str) {
        let conn = j.conn();
        if whole && !stale(j) {
            let want = runs_of_entries(j);
            assert_eq!(stored(j), want, "runs after {when}");
            assert_eq!(filled(j), want, "the migration's runs after {when}");
        }
        for &to in tos {
            let walked = walk_streak(conn, LIVE_DAYS, to).unwrap();
            assert_eq!(
                j.current_streak(to).unwrap(),
                walked,
                "streak to {to} after {when}"
            );
            if j.summary_days_fresh_to(to).unwrap() {
                assert_eq!(
                    walk_streak(conn, STORED_DAYS, to).unwrap(),
                    walked,
                    "stored days' walk to {to} after {when}"
                );
            }
        }
    }

    /// A small generator with a fixed seed (xorshift64*), so every run tests the same
    /// sequence.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
        }

        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }

        fn chance(&mut self, percent: u64) -> bool {
            self.below(100) < percent
        }
    }

    struct World {
        j: Journal,
        rng: Rng,
        analysis: Analysis,
        base: NaiveDate,
        now: DateTime<Utc>,
        made: u64,
    }

    impl World {
        fn day(&mut self, span: i64) -> NaiveDate {
            self.base + Duration::days(self.rng.below(span as u64) as i64)
        }

        /// Entries on `days`, in one write as an import makes them; `trashed` of them
        /// arrive in the trash.
        fn save(&mut self, days: &[NaiveDate], trashed: u64) {
            let mut items = Vec::new();
            for &day in days {
                self.made += 1;
                let deleted = self.rng.chance(trashed).then_some(self.now);
                items.push((day, format!("u-{}", self.made), deleted));
            }
            let analysis = &self.analysis;
            let now = self.now;
            self.j
                .write(|tx| {
                    for (day, uuid, deleted) in &items {
                        let new = NewEntry {
                            body: "A quiet day.".into(),
                            mood: Mood::new(3),
                            ..NewEntry::on(*day)
                        };
                        let stamp = Stamp {
                            id: None,
                            uuid,
                            created: now,
                            updated: now,
                            deleted: *deleted,
                        };
                        insert_analysed(tx, &new, &stamp, analysis)?;
                    }
                    Ok(())
                })
                .unwrap();
        }

        /// An entry in the trash or out of it, most often one of the weeks the changes
        /// fall in, so that days gain and lose their last entry often.
        fn pick(&mut self, trashed: bool) -> Option<i64> {
            let from = if self.rng.chance(85) {
                self.base.to_string()
            } else {
                String::new()
            };
            let conn = self.j.conn();
            let mut stmt = conn
                .prepare(
                    "SELECT id FROM entries WHERE (deleted_at IS NOT NULL) = ?1 AND day >= ?2 \
                     ORDER BY id",
                )
                .unwrap();
            let ids: Vec<i64> = stmt
                .query_map(rusqlite::params![trashed, from], |r| r.get(0))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap();
            (!ids.is_empty()).then(|| ids[self.rng.below(ids.len() as u64) as usize])
        }
    }

    #[test]
    fn runs_and_streaks_follow_random_changes() {
        let base: NaiveDate = "2026-01-01".parse().unwrap();
        let mut w = World {
            j: Journal::open_in_memory().unwrap(),
            rng: Rng(0x9e37_79b9_7f4a_7c15),
            analysis: analyse("A quiet day."),
            base,
            now: Utc::now(),
            made: 0,
        };
        // Most changes fall in a few weeks, so runs join and split often; imports reach
        // further back. The streak is asked for every day of the weeks and around them.
        let span = 60;
        let near: Vec<NaiveDate> = (-3..span + 3).map(|i| base + Duration::days(i)).collect();
        for step in 0..3000 {
            // Past about one and a half entries a day in the weeks, only changes that take
            // entries away or move them, so that days keep gaining and losing their last.
            let live: i64 =
                w.j.conn()
                    .query_row(
                        "SELECT count(*) FROM entries WHERE deleted_at IS NULL AND day >= ?",
                        [base.to_string()],
                        |r| r.get(0),
                    )
                    .unwrap();
            let op = if live > 90 {
                40 + w.rng.below(51)
            } else {
                w.rng.below(100)
            };
            let what = match op {
                0..=29 | 99.. => {
                    let day = w.day(span);
                    w.save(&[day], 0);
                    "a write"
                }
                30..=39 => {
                    let n = 1 + w.rng.below(10) as usize;
                    let days: Vec<NaiveDate> = (0..n).map(|_| w.day(span)).collect();
                    w.save(&days, 20);
                    "a small import"
                }
                40..=54 => {
                    if let Some(id) = w.pick(false) {
                        w.j.trash_entries(&[id], w.now).unwrap();
                    }
                    "trashing"
                }
                55..=64 => {
                    if let Some(id) = w.pick(true) {
                        w.j.restore_entries(&[id]).unwrap();
                    }
                    "restoring"
                }
                65..=79 => {
                    if let Some(id) = w.pick(false) {
                        let change = EntryUpdate {
                            day: Some(w.day(span)),
                            ..EntryUpdate::default()
                        };
                        w.j.update(id, &change, w.now).unwrap();
                    }
                    "moving an entry to another day"
                }
                80..=89 => {
                    let trashed = w.rng.chance(30);
                    if let Some(id) = w.pick(trashed) {
                        w.j.write(|tx| {
                            tx.execute("DELETE FROM entries WHERE id = ?", [id])?;
                            Ok(())
                        })
                        .unwrap();
                    }
                    "deleting for good"
                }
                90 => {
                    if let Some(id) = w.pick(false) {
                        w.j.purge(Purge::Ids(&[id])).unwrap();
                    }
                    "purging"
                }
                91..=96 => {
                    // Changed from outside mend: the days are marked, nothing is counted.
                    let trashed = w.rng.chance(20);
                    if let Some(id) = w.pick(trashed) {
                        let day = w.day(span).to_string();
                        let conn = w.j.conn();
                        if w.rng.chance(50) {
                            conn.execute(
                                "UPDATE entries SET day = ? WHERE id = ?",
                                rusqlite::params![day, id],
                            )
                        } else {
                            conn.execute(
                                "UPDATE entries SET deleted_at = CASE WHEN deleted_at IS NULL \
                                 THEN '2026-01-01T00:00:00Z' END WHERE id = ?",
                                [id],
                            )
                        }
                        .unwrap();
                    }
                    "a change from outside"
                }
                97 | 98 => {
                    // A large import, whose runs are made again in one pass: days of four
                    // years up to some of the weeks above, with a gap every week so that the
                    // walks the streaks are checked against stay short.
                    let days: Vec<NaiveDate> = (0..1460)
                        .map(|k| base + Duration::days(30 - k))
                        .filter(|d| (*d - base).num_days().rem_euclid(7) != 3)
                        .filter(|_| w.rng.chance(40))
                        .collect();
                    assert!(days.len() >= WHOLE_FROM);
                    w.save(&days, 10);
                    "a large import"
                }
            };
            let mut tos = near.clone();
            for _ in 0..20 {
                tos.push(base - Duration::days(w.rng.below(1500) as i64));
            }
            // A run out of step stays so: reading every run now and then is enough.
            let whole = step % 4 == 0 || what == "a large import";
            check(&w.j, &tos, whole, &format!("{what} (step {step})"));
        }
        // The sequence did what it is meant to test.
        let runs = stored(&w.j);
        assert!(runs.len() > 20, "{runs:?}");
        assert!(
            runs.iter().any(|(a, b)| a != b),
            "some run is longer than a day"
        );
    }

    #[test]
    fn the_migration_fills_the_runs_of_an_existing_journal() {
        let j = Journal::open_in_memory().unwrap();
        let now = Utc::now();
        let base: NaiveDate = "2025-12-01".parse().unwrap();
        for i in [0, 1, 2, 4, 5, 9, 10, 11, 12, 30] {
            j.insert(
                &NewEntry {
                    body: "Fine.".into(),
                    ..NewEntry::on(base + Duration::days(i))
                },
                now,
            )
            .unwrap();
        }
        let want = runs_of_entries(&j);
        assert_eq!(want.len(), 4);
        // The journal as migration 0014 left it.
        j.conn()
            .execute_batch(
                "DROP TABLE summary_runs; \
                 CREATE INDEX summary_days_by_day ON summary_days (day); \
                 PRAGMA user_version = 14;",
            )
            .unwrap();
        j.write(|tx| super::super::migrate::apply(tx, 14)).unwrap();
        assert_eq!(stored(&j), want);
        for i in -2..34 {
            let to = base + Duration::days(i);
            assert_eq!(
                j.current_streak(to).unwrap(),
                walk_streak(j.conn(), LIVE_DAYS, to).unwrap(),
                "{to}"
            );
        }
        assert!(super::super::schema::compare(j.conn()).unwrap().is_empty());
    }

    #[test]
    fn a_day_that_is_not_a_date_is_in_no_run() {
        let j = Journal::open_in_memory().unwrap();
        let now = Utc::now();
        for day in ["2026-02-27", "2026-02-28", "2026-03-01"] {
            j.insert(
                &NewEntry {
                    body: "Fine.".into(),
                    ..NewEntry::on(day.parse().unwrap())
                },
                now,
            )
            .unwrap();
        }
        // Written from outside mend: the schema's check lets it by.
        j.conn()
            .execute(
                "UPDATE entries SET day = '2026-02-30' WHERE day = '2026-02-27'",
                [],
            )
            .unwrap();
        j.write(|_| Ok(())).unwrap();
        let want = vec![("2026-02-28".to_string(), "2026-03-01".to_string())];
        assert_eq!(stored(&j), want);
        assert_eq!(filled(&j), want);
        rebuild(j.conn()).unwrap();
        assert_eq!(stored(&j), want);
        assert_eq!(j.current_streak("2026-03-01".parse().unwrap()).unwrap(), 2);
    }

    #[test]
    fn streaks_end_on_the_day_or_the_day_before() {
        let j = Journal::open_in_memory().unwrap();
        let now = Utc::now();
        let day = |s: &str| -> NaiveDate { s.parse().unwrap() };
        for d in ["2026-03-01", "2026-03-02", "2026-03-03", "2026-03-06"] {
            j.insert(
                &NewEntry {
                    body: "Fine.".into(),
                    ..NewEntry::on(day(d))
                },
                now,
            )
            .unwrap();
        }
        for (to, want) in [
            ("2026-02-28", 0),
            ("2026-03-01", 1),
            ("2026-03-02", 2),
            ("2026-03-03", 3),
            ("2026-03-04", 3),
            ("2026-03-05", 0),
            ("2026-03-06", 1),
            ("2026-03-07", 1),
            ("2026-03-08", 0),
        ] {
            assert_eq!(j.current_streak(day(to)).unwrap(), want, "{to}");
        }
        // The first and last days chrono and SQLite share.
        for to in ["0000-01-01", "9999-12-31"] {
            assert_eq!(j.current_streak(day(to)).unwrap(), 0, "{to}");
        }
    }
}
