//! The summary's counts kept per day (`summary_days`, migration 0013): for each day with
//! entries outside the trash, its entries and how many of them carry each feeling, tag,
//! trust sign and theme. A summary reads one row per day instead of one row per label of
//! every entry (about 480,000 of them in a 100,000-entry journal).
//!
//! Days are marked stale when their entries change (triggers on `entries`; `touch_entry`
//! where an entry's analysis, feelings or tags change) and counted again from the label
//! tables by `refresh`, which `Journal::write` runs just before every commit: a write counts
//! its one day again, entry by entry; an import, a migration or a reindex batch, with many
//! days, reads the label tables in one pass. A summary that finds a stale day in its window
//! (something wrote without `Journal::write`) counts from the label tables instead. The days
//! counted again are handed on to the runs of days written (`summary_runs`), in the same
//! transaction.

use std::collections::HashMap;

use anyhow::Result;
// foldhash (Zlib licence): the whole-table pass looks up every label row's name.
use chrono::NaiveDate;
use foldhash::HashMap as FastMap;
use rusqlite::{Connection, params};

use super::summary::{self, LanguageSums, Source, parse_day};
use super::{Journal, summary_runs};

/// The schema version that has these tables.
const SINCE: i64 = 13;
/// From this many entries to count again on, the label tables are read whole rather than
/// entry by entry (a whole read of 100,000 entries' labels takes a few tenths of a second).
const WHOLE_FROM: usize = 2048;

/// One day's counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DayCounts {
    pub day: NaiveDate,
    pub entries: u32,
    /// (label id, entries with it), ids ascending.
    pub labels: Vec<(u32, u32)>,
    /// Entries with a stored analysis, and their words.
    pub analysed: u32,
    pub words: u32,
}

/// The stored counts of a window, with the names behind the label ids.
#[derive(Debug, Clone, Default)]
pub struct StoredDays {
    /// Indexed by label id; `None` for ids no longer named.
    pub names: Vec<Option<(Source, String)>>,
    pub days: Vec<DayCounts>,
}

/// The groups labels are counted in: a feeling chosen and found in one entry counts once.
fn source_of(group: u8) -> Option<Source> {
    match group {
        0 => Some(Source::Sign),
        1 => Some(Source::Theme),
        2 => Some(Source::ChosenFeeling),
        3 => Some(Source::Tag),
        _ => None,
    }
}

fn group_of_kind(kind: &str) -> Option<u8> {
    match kind {
        "sign" => Some(0),
        "theme" => Some(1),
        "feeling" => Some(2),
        _ => None,
    }
}

/// Marks the day of entry `id` to be counted again (its analysis, feelings or tags changed).
pub(crate) fn touch_entry(conn: &Connection, id: i64) -> Result<()> {
    conn.prepare_cached(
        "INSERT OR IGNORE INTO summary_stale (day) SELECT day FROM entries WHERE id = ?",
    )?
    .execute([id])?;
    Ok(())
}

/// Label ids by group and name, adding the names not seen before.
struct Names([FastMap<String, u32>; 4]);

impl Names {
    fn load(conn: &Connection) -> Result<Names> {
        let mut names = Names(Default::default());
        let mut stmt = conn.prepare_cached("SELECT id, grp, name FROM summary_label_names")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            let group: u8 = r.get(1)?;
            if let Some(map) = names.0.get_mut(usize::from(group)) {
                map.insert(r.get(2)?, r.get(0)?);
            }
        }
        Ok(names)
    }

    fn id(&mut self, conn: &Connection, group: u8, name: &str) -> Result<u32> {
        if let Some(id) = self.0[usize::from(group)].get(name) {
            return Ok(*id);
        }
        conn.prepare_cached("INSERT INTO summary_label_names (grp, name) VALUES (?, ?)")?
            .execute(params![group, name])?;
        let id = u32::try_from(conn.last_insert_rowid())?;
        self.0[usize::from(group)].insert(name.to_string(), id);
        Ok(id)
    }
}

/// The entries being counted: entry id → index of its day among the stale days.
struct Wanted {
    /// Ids are nearly consecutive (the usual case): `day[id - min]`, `u32::MAX` for others.
    min: i64,
    day: Vec<u32>,
    sparse: HashMap<i64, u32>,
}

impl Wanted {
    fn new(pairs: Vec<(i64, u32)>) -> Wanted {
        let (lo, hi) = pairs.iter().fold((i64::MAX, i64::MIN), |(lo, hi), p| {
            (lo.min(p.0), hi.max(p.0))
        });
        let len = pairs.len();
        let span = usize::try_from(hi.saturating_sub(lo).saturating_add(1)).unwrap_or(usize::MAX);
        if len > 0 && span <= len * 4 + 1024 {
            let mut day = vec![u32::MAX; span];
            for (id, d) in pairs {
                day[(id - lo) as usize] = d;
            }
            Wanted {
                min: lo,
                day,
                sparse: HashMap::new(),
            }
        } else {
            Wanted {
                min: 0,
                day: Vec::new(),
                sparse: pairs.into_iter().collect(),
            }
        }
    }

    fn get(&self, id: i64) -> Option<u32> {
        if self.day.is_empty() {
            return self.sparse.get(&id).copied();
        }
        let at = usize::try_from(id.checked_sub(self.min)?).ok()?;
        self.day.get(at).copied().filter(|d| *d != u32::MAX)
    }

    fn ids(&self) -> Vec<i64> {
        if self.day.is_empty() {
            return self.sparse.keys().copied().collect();
        }
        (self.min..)
            .zip(&self.day)
            .filter(|(_, d)| **d != u32::MAX)
            .map(|(id, _)| id)
            .collect()
    }

    fn days(&self) -> impl Iterator<Item = u32> + '_ {
        self.day
            .iter()
            .copied()
            .filter(|d| *d != u32::MAX)
            .chain(self.sparse.values().copied())
    }
}

/// Entries per label and day, gathered from the label tables.
struct Tally {
    /// For each day, entries by label id.
    counts: Vec<Vec<u32>>,
    /// (entry, label) of feelings, counted at the end: a feeling both chosen and found in
    /// one entry counts once. Signs, themes and tags are each one row per entry already.
    feelings: Vec<(i64, u32)>,
}

impl Tally {
    fn add(&mut self, day: u32, label: u32) {
        let row = &mut self.counts[day as usize];
        let at = label as usize;
        if row.len() <= at {
            row.resize(at + 1, 0);
        }
        row[at] += 1;
    }
}

/// Tallies one label table's rows for the entries in `wanted`. `sql` is the whole table's
/// and one entry's query (the entry as `?1`), each selecting (entry id, kind, name) or,
/// with `group` given, (entry id, name).
fn collect(
    conn: &Connection,
    names: &mut Names,
    wanted: &Wanted,
    whole: bool,
    sql: (&str, &str),
    group: Option<u8>,
    tally: &mut Tally,
) -> Result<()> {
    let mut take = |r: &rusqlite::Row| -> Result<()> {
        let id: i64 = r.get(0)?;
        let Some(day) = wanted.get(id) else {
            return Ok(());
        };
        let (group, name) = match group {
            Some(g) => (Some(g), r.get_ref(1)?.as_str()?),
            None => (
                group_of_kind(r.get_ref(1)?.as_str()?),
                r.get_ref(2)?.as_str()?,
            ),
        };
        match group {
            Some(2) => tally.feelings.push((id, names.id(conn, 2, name)?)),
            Some(g) => tally.add(day, names.id(conn, g, name)?),
            None => {}
        }
        Ok(())
    };
    if whole {
        let mut stmt = conn.prepare(sql.0)?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            take(r)?;
        }
    } else {
        let mut stmt = conn.prepare_cached(sql.1)?;
        for id in wanted.ids() {
            let mut rows = stmt.query([id])?;
            while let Some(r) = rows.next()? {
                take(r)?;
            }
        }
    }
    Ok(())
}

/// Counts the stale days again and empties `summary_stale`; inside the caller's transaction.
pub(crate) fn refresh(conn: &Connection) -> Result<()> {
    let version = super::migrate::user_version(conn)?;
    if version < SINCE {
        return Ok(());
    }
    let stale: Vec<String> = conn
        .prepare_cached("SELECT day FROM summary_stale")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    if stale.is_empty() {
        return Ok(());
    }
    // The live entries of the stale days, with the index of each one's day in `stale`.
    let mut wanted: Vec<(i64, u32)> = Vec::new();
    if stale.len() >= 64 {
        let index: HashMap<&str, u32> = stale
            .iter()
            .enumerate()
            .map(|(i, d)| (d.as_str(), i as u32))
            .collect();
        let mut stmt = conn.prepare("SELECT id, day FROM entries WHERE deleted_at IS NULL")?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            if let Some(&i) = index.get(r.get_ref(1)?.as_str()?) {
                wanted.push((r.get(0)?, i));
            }
        }
    } else {
        let mut stmt =
            conn.prepare_cached("SELECT id FROM entries WHERE deleted_at IS NULL AND day = ?")?;
        for (i, d) in stale.iter().enumerate() {
            for id in stmt.query_map([d], |r| r.get::<_, i64>(0))? {
                wanted.push((id?, i as u32));
            }
        }
    }
    let whole = wanted.len() >= WHOLE_FROM;
    let wanted = Wanted::new(wanted);
    let mut names = Names::load(conn)?;
    let mut tally = Tally {
        counts: vec![Vec::new(); stale.len()],
        feelings: Vec::new(),
    };
    let tables = [
        (
            "SELECT entry_id, kind, name FROM entry_signals",
            "SELECT entry_id, kind, name FROM entry_signals WHERE entry_id = ?1",
            None,
        ),
        (
            "SELECT entry_id, feeling FROM entry_feelings",
            "SELECT entry_id, feeling FROM entry_feelings WHERE entry_id = ?1",
            Some(2),
        ),
        (
            "SELECT entry_id, tag FROM entry_tags",
            "SELECT entry_id, tag FROM entry_tags WHERE entry_id = ?1",
            Some(3),
        ),
    ];
    for (all, one, group) in tables {
        collect(
            conn,
            &mut names,
            &wanted,
            whole,
            (all, one),
            group,
            &mut tally,
        )?;
    }
    let mut feelings = std::mem::take(&mut tally.feelings);
    feelings.sort_unstable();
    feelings.dedup();
    for (id, label) in feelings {
        if let Some(day) = wanted.get(id) {
            tally.add(day, label);
        }
    }
    let mut entries = vec![0u32; stale.len()];
    for day in wanted.days() {
        entries[day as usize] += 1;
    }
    let labels: Vec<Vec<(u32, u32)>> = tally
        .counts
        .iter()
        .map(|row| {
            (0u32..)
                .zip(row)
                .filter(|(_, n)| **n > 0)
                .map(|(label, n)| (label, *n))
                .collect()
        })
        .collect();
    let language = language_sums(conn, &wanted, whole, stale.len())?;
    let mut put = conn.prepare_cached(
        "INSERT OR REPLACE INTO summary_days (day, entries, labels, analysed, words, insight, \
         causal, absolutist, positive, negative, i_words, we_words) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )?;
    let mut gone = conn.prepare_cached("DELETE FROM summary_days WHERE day = ?")?;
    for (i, day) in stale.iter().enumerate() {
        if entries[i] == 0 {
            gone.execute([day])?;
        } else {
            let l = &language[i];
            put.execute(params![
                day,
                entries[i],
                encode(&labels[i]),
                l[0],
                l[1],
                l[2],
                l[3],
                l[4],
                l[5],
                l[6],
                l[7],
                l[8]
            ])?;
        }
    }
    // A journal from before migration 0015 has no runs to keep.
    if version >= summary_runs::SINCE {
        let changed: Vec<(&str, bool)> = stale
            .iter()
            .zip(&entries)
            .map(|(day, n)| (day.as_str(), *n > 0))
            .collect();
        summary_runs::follow(conn, &changed)?;
    }
    conn.execute("DELETE FROM summary_stale", [])?;
    // A name no entry carries any more goes: a purged entry's tag must not stay behind.
    conn.prepare_cached(
        "DELETE FROM summary_label_names AS n WHERE NOT CASE n.grp \
         WHEN 0 THEN EXISTS (SELECT 1 FROM entry_signals WHERE kind = 'sign' AND name = n.name) \
         WHEN 1 THEN EXISTS (SELECT 1 FROM entry_signals WHERE kind = 'theme' AND name = n.name) \
         WHEN 2 THEN EXISTS (SELECT 1 FROM entry_signals WHERE kind = 'feeling' AND name = n.name) \
             OR EXISTS (SELECT 1 FROM entry_feelings WHERE feeling = n.name) \
         ELSE EXISTS (SELECT 1 FROM entry_tags WHERE tag = n.name) END",
    )?
    .execute([])?;
    Ok(())
}

/// The analysed entries of each day and the sums of their markers, in the order of
/// `summary_days`' columns (`analysed`, `words`, … `we_words`).
fn language_sums(
    conn: &Connection,
    wanted: &Wanted,
    whole: bool,
    days: usize,
) -> Result<Vec<[i64; 9]>> {
    const COLUMNS: &str =
        "entry_id, words, insight, causal, absolutist, positive, negative, i_words, we_words";
    let mut sums = vec![[0i64; 9]; days];
    let mut add = |r: &rusqlite::Row| -> rusqlite::Result<()> {
        if let Some(day) = wanted.get(r.get::<_, i64>(0)?) {
            let s = &mut sums[day as usize];
            s[0] += 1;
            for (k, v) in s[1..].iter_mut().enumerate() {
                *v += r.get::<_, i64>(k + 1)?;
            }
        }
        Ok(())
    };
    if whole {
        let mut stmt = conn.prepare(&format!("SELECT {COLUMNS} FROM entry_analysis"))?;
        let mut rows = stmt.query([])?;
        while let Some(r) = rows.next()? {
            add(r)?;
        }
    } else {
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT {COLUMNS} FROM entry_analysis WHERE entry_id = ?"
        ))?;
        for id in wanted.ids() {
            let mut rows = stmt.query([id])?;
            while let Some(r) = rows.next()? {
                add(r)?;
            }
        }
    }
    Ok(sums)
}

fn encode(labels: &[(u32, u32)]) -> Vec<u8> {
    let mut out = Vec::with_capacity(labels.len() * 3);
    for &(label, n) in labels {
        for mut v in [label, n] {
            while v >= 0x80 {
                out.push((v as u8 & 0x7f) | 0x80);
                v >>= 7;
            }
            out.push(v as u8);
        }
    }
    out
}

/// The pairs of `encode`, or `None` for bytes it cannot have written.
fn decode(bytes: &[u8]) -> Option<Vec<(u32, u32)>> {
    let mut out = Vec::with_capacity(bytes.len() / 2);
    let mut it = bytes.iter();
    let mut next = || -> Option<Option<u32>> {
        let mut v: u32 = 0;
        for shift in (0..35).step_by(7) {
            let Some(&b) = it.next() else {
                return (shift == 0).then_some(None);
            };
            v |= u32::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(Some(v));
            }
        }
        None
    };
    while let Some(label) = next()? {
        out.push((label, next()??));
    }
    Some(out)
}

/// Whether some day in `from..=to` waits to be counted again.
fn any_stale(conn: &Connection, from: &str, to: &str) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM summary_stale WHERE day BETWEEN ?1 AND ?2)")?
        .query_row([from, to], |r| r.get(0))?)
}

impl Journal {
    /// The stored counts of the days `from..=to`, or `None` when some day there waits to be
    /// counted again (the caller then counts from the label tables).
    pub fn summary_days(&self, from: NaiveDate, to: NaiveDate) -> Result<Option<StoredDays>> {
        let conn = self.conn();
        let (from, to) = (from.to_string(), to.to_string());
        if any_stale(conn, &from, &to)? {
            return Ok(None);
        }
        let mut stored = StoredDays::default();
        let mut names = conn.prepare_cached("SELECT id, grp, name FROM summary_label_names")?;
        let mut rows = names.query([])?;
        while let Some(r) = rows.next()? {
            let id = usize::try_from(r.get::<_, i64>(0)?)?;
            let Some(source) = source_of(r.get(1)?) else {
                continue;
            };
            if stored.names.len() <= id {
                stored.names.resize(id + 1, None);
            }
            stored.names[id] = Some((source, r.get(2)?));
        }
        let mut days = conn.prepare_cached(
            "SELECT day, entries, labels, analysed, words FROM summary_days \
             WHERE day BETWEEN ?1 AND ?2 ORDER BY day",
        )?;
        let mut rows = days.query([&from, &to])?;
        while let Some(r) = rows.next()? {
            let (Some(day), Some(labels)) = (
                parse_day(r.get_ref(0)?.as_str()?),
                decode(r.get_ref(2)?.as_blob()?),
            ) else {
                return Ok(None);
            };
            stored.days.push(DayCounts {
                day,
                entries: r.get(1)?,
                labels,
                analysed: r.get(3)?,
                words: r.get(4)?,
            });
        }
        Ok(Some(stored))
    }

    /// The language markers summed over `from..=to` from the stored days, or `None` when
    /// some day there waits to be counted again.
    pub(crate) fn summary_days_language(
        &self,
        from: NaiveDate,
        to: NaiveDate,
    ) -> Result<Option<LanguageSums>> {
        let conn = self.conn();
        let (from, to) = (from.to_string(), to.to_string());
        if any_stale(conn, &from, &to)? {
            return Ok(None);
        }
        let sums = conn
            .prepare_cached(
                "SELECT total(analysed), total(words), total(insight), total(causal), \
                 total(absolutist), total(positive), total(negative), total(i_words), \
                 total(we_words) FROM summary_days WHERE day BETWEEN ?1 AND ?2",
            )?
            .query_row([&from, &to], summary::language_sums)?;
        Ok(Some(sums))
    }

    /// Whether the stored days up to `to` are all counted (the streak can be read from them).
    pub(crate) fn summary_days_fresh_to(&self, to: NaiveDate) -> Result<bool> {
        let stale: bool = self
            .conn()
            .prepare_cached("SELECT EXISTS (SELECT 1 FROM summary_stale WHERE day <= ?1)")?
            .query_row([to.to_string()], |r| r.get(0))?;
        Ok(!stale)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Mood, NewEntry};
    use crate::store::entries::EntryUpdate;

    /// The counts taken straight from the label tables, as (day, entries, [(group, name, n)]).
    type Recount = Vec<(String, u32, Vec<(u8, String, u32)>)>;

    fn recount(j: &Journal) -> Recount {
        let conn = j.conn();
        let mut out: Recount = conn
            .prepare(
                "SELECT day, count(*) FROM entries WHERE deleted_at IS NULL GROUP BY day ORDER BY day",
            )
            .unwrap()
            .query_map([], |r| Ok((r.get(0)?, r.get(1)?, Vec::new())))
            .unwrap()
            .collect::<rusqlite::Result<_>>()
            .unwrap();
        let mut labels = conn
            .prepare(
                "WITH l (id, grp, name) AS ( \
                 SELECT entry_id, CASE kind WHEN 'sign' THEN 0 WHEN 'theme' THEN 1 ELSE 2 END, name \
                 FROM entry_signals UNION SELECT entry_id, 2, feeling FROM entry_feelings \
                 UNION SELECT entry_id, 3, tag FROM entry_tags) \
                 SELECT e.day, l.grp, l.name, count(DISTINCT l.id) FROM l JOIN entries e ON e.id = l.id \
                 WHERE e.deleted_at IS NULL GROUP BY e.day, l.grp, l.name ORDER BY 1, 2, 3",
            )
            .unwrap();
        let rows = labels
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    (
                        r.get::<_, u8>(1)?,
                        r.get::<_, String>(2)?,
                        r.get::<_, u32>(3)?,
                    ),
                ))
            })
            .unwrap();
        for row in rows {
            let (day, label) = row.unwrap();
            let at = out.iter().position(|d| d.0 == day).unwrap();
            out[at].2.push(label);
        }
        out
    }

    fn stored(j: &Journal) -> Recount {
        let all = j
            .summary_days(
                NaiveDate::from_ymd_opt(1, 1, 1).unwrap(),
                NaiveDate::from_ymd_opt(9999, 12, 31).unwrap(),
            )
            .unwrap()
            .expect("every day counted");
        let group = |s: Source| match s {
            Source::Sign => 0u8,
            Source::Theme => 1,
            Source::FoundFeeling | Source::ChosenFeeling => 2,
            Source::Tag => 3,
        };
        all.days
            .iter()
            .map(|d| {
                let mut l: Vec<(u8, String, u32)> = d
                    .labels
                    .iter()
                    .map(|&(id, n)| {
                        let (s, name) = all.names[id as usize].clone().unwrap();
                        (group(s), name, n)
                    })
                    .collect();
                l.sort();
                (d.day.to_string(), d.entries, l)
            })
            .collect()
    }

    fn check(j: &Journal, when: &str) {
        let want = recount(j);
        assert_eq!(stored(j), want, "after {when}");
        let (from, to) = (
            NaiveDate::from_ymd_opt(1, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(9999, 12, 31).unwrap(),
        );
        let joined = j.summary_language_joined(from, to).unwrap();
        assert_eq!(
            j.summary_days_language(from, to).unwrap(),
            Some(joined),
            "language after {when}"
        );
    }

    fn entry(day: &str, body: &str, feelings: &[&str], tags: &[&str]) -> NewEntry {
        NewEntry {
            body: body.into(),
            mood: Mood::new(3),
            feelings: feelings.iter().map(|s| s.to_string()).collect(),
            tags: tags.iter().map(|s| s.to_string()).collect(),
            ..NewEntry::on(day.parse().unwrap())
        }
    }

    #[test]
    fn counts_follow_every_change() {
        let j = Journal::open_in_memory().unwrap();
        let now = chrono::Utc::now();
        let a = j
            .insert(
                &entry(
                    "2026-11-01",
                    "I checked his phone again. I felt so jealous and scared.",
                    &["jealousy", "fear"],
                    &["partner"],
                ),
                now,
            )
            .unwrap();
        let b = j
            .insert(
                &entry(
                    "2026-11-01",
                    "We talked calmly and I felt grateful.",
                    &["calm"],
                    &["partner", "win"],
                ),
                now,
            )
            .unwrap();
        let c = j
            .insert(
                &entry("2026-11-03", "Another quiet day.", &[], &["work"]),
                now,
            )
            .unwrap();
        check(&j, "writing");
        assert!(!recount(&j).is_empty());
        assert_eq!(stored(&j)[0].1, 2);

        let change = EntryUpdate {
            body: Some("I was so angry and ashamed, and I felt jealous.".into()),
            day: Some("2026-11-02".parse().unwrap()),
            tags: Some(vec!["night".into()]),
            feelings: Some(vec!["anger".into()]),
            ..EntryUpdate::default()
        };
        j.update(b, &change, now).unwrap();
        check(&j, "an edit");
        j.update(
            c,
            &EntryUpdate {
                tags: Some(vec![]),
                ..EntryUpdate::default()
            },
            now,
        )
        .unwrap();
        check(&j, "removing tags");

        j.trash_entries(&[a], now).unwrap();
        check(&j, "trashing");
        j.restore_entries(&[a]).unwrap();
        check(&j, "restoring");
        j.add_override(a, crate::analysis::ReadingKind::Feeling, "jealousy")
            .unwrap();
        check(&j, "a correction");
        j.trash_entries(&[c], now).unwrap();
        j.purge_trash(now + chrono::Duration::days(1)).unwrap();
        check(&j, "purging the trash");
        assert_eq!(stored(&j).len(), 2);

        let ids = j.all_ids().unwrap();
        j.reanalyse(&ids, None, |_| {}).unwrap();
        check(&j, "reindexing");
    }

    #[test]
    fn many_days_at_once_are_counted_in_one_pass() {
        let j = Journal::open_in_memory().unwrap();
        let now = chrono::Utc::now();
        let start: NaiveDate = "2020-01-01".parse().unwrap();
        let bodies = [
            "I felt jealous and checked again.",
            "A calm walk together, I trust him more.",
        ];
        let analysed = bodies.map(crate::analysis::analyse);
        j.write(|tx| {
            let bulk = crate::store::interop::BulkIndex::begin(tx)?;
            for i in 0..(WHOLE_FROM as i64 + 300) {
                let day = start + chrono::Duration::days(i / 3);
                let body = bodies[(i % 2) as usize];
                let new = entry(&day.to_string(), body, &["calm"], &["walk"]);
                let stamp = crate::store::entries::Stamp {
                    id: None,
                    uuid: &format!("u-{i}"),
                    created: now,
                    updated: now,
                    deleted: (i % 7 == 0).then_some(now),
                };
                crate::store::entries::insert_analysed(
                    tx,
                    &new,
                    &stamp,
                    &analysed[(i % 2) as usize],
                )?;
            }
            bulk.finish(tx)
        })
        .unwrap();
        check(&j, "an import");
        // A journal from before the counts were kept gets them when it is migrated.
        j.conn()
            .execute_batch("DELETE FROM summary_days; DELETE FROM summary_label_names;")
            .unwrap();
        j.write(|tx| {
            tx.execute_batch("INSERT INTO summary_stale (day) SELECT DISTINCT day FROM entries")?;
            Ok(())
        })
        .unwrap();
        check(&j, "a migration");
    }

    #[test]
    fn a_stale_window_is_not_read() {
        let j = Journal::open_in_memory().unwrap();
        j.insert(&entry("2026-11-01", "Fine.", &[], &[]), chrono::Utc::now())
            .unwrap();
        let day: NaiveDate = "2026-11-01".parse().unwrap();
        assert!(j.summary_days(day, day).unwrap().is_some());
        // Written without `Journal::write`: nothing counted it.
        j.conn()
            .execute(
                "UPDATE entries SET day = '2026-11-05' WHERE day = '2026-11-01'",
                [],
            )
            .unwrap();
        assert!(j.summary_days(day, day).unwrap().is_none());
        assert!(!j.summary_days_fresh_to(day).unwrap());
    }

    #[test]
    fn wanted_entries_are_found_dense_or_sparse() {
        for ids in [vec![5i64, 7, 6], vec![3, 1_000_000, 42]] {
            let wanted = Wanted::new(ids.iter().map(|&id| (id, id as u32 % 3)).collect());
            assert_eq!(wanted.day.is_empty(), ids.contains(&1_000_000));
            for &id in &ids {
                assert_eq!(wanted.get(id), Some(id as u32 % 3));
            }
            for other in [4, -1, 2_000_000] {
                assert_eq!(wanted.get(other), None);
            }
            let mut all = wanted.ids();
            all.sort();
            let mut want = ids.clone();
            want.sort();
            assert_eq!(all, want);
            assert_eq!(wanted.days().count(), 3);
        }
        assert_eq!(Wanted::new(Vec::new()).get(1), None);
    }

    #[test]
    fn counts_encode_and_decode() {
        for labels in [
            vec![],
            vec![(0, 1)],
            vec![(1, 200), (300, 70_000), (u32::MAX, 5)],
        ] {
            assert_eq!(decode(&encode(&labels)), Some(labels));
        }
        assert_eq!(decode(&[0x81]), None);
        assert_eq!(decode(&[1]), None);
        assert_eq!(decode(&[0xff, 0xff, 0xff, 0xff, 0xff, 0x01, 1]), None);
    }
}
