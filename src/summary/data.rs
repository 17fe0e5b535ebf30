//! The rows a summary works from, held in memory: the entries of the period and the one
//! before (day order), where each falls (before, first half, second half; which week), and
//! which of them carry each feeling, tag, trust sign and theme.

use std::collections::{BTreeMap, HashMap};

use anyhow::Result;
use chrono::{Datelike, NaiveDate};

use super::period::Period;
use super::stats::Moments;
use crate::store::Journal;
use crate::store::summary::{EntryRow, LabelIds, Source};
use crate::store::summary_days::StoredDays;

fn id_range(entries: &[EntryRow]) -> (i64, i64) {
    entries.iter().fold((i64::MAX, i64::MIN), |(lo, hi), e| {
        (lo.min(e.id), hi.max(e.id))
    })
}

/// Where an entry falls.
pub const BEFORE: u8 = 0;
pub const FIRST_HALF: u8 = 1;
pub const SECOND_HALF: u8 = 2;

/// Entry id → position in `Data::entries`.
enum Lookup {
    /// Ids are nearly consecutive (the usual case): a plain table.
    Dense {
        min: i64,
        positions: Vec<u32>,
    },
    Sparse(HashMap<i64, u32>),
}

/// The entries of one label: for each day with it, the position of that day's first entry
/// and how many of the day's entries carry it; and, when known, the positions of those
/// entries (the journal's per-day counts do not say which entries they are: `exact` fetches
/// them for the few labels a summary names in an insight).
#[derive(Debug, Clone, Default)]
pub struct Marks {
    pub days: Vec<(usize, u32)>,
    pub positions: Option<Vec<usize>>,
}

impl Marks {
    /// The positions of each day's first entry.
    pub fn anchors(&self) -> Vec<usize> {
        self.days.iter().map(|d| d.0).collect()
    }

    /// From exact positions (ascending, each once), with `anchor` giving each position's
    /// day's first entry.
    fn from_positions(positions: Vec<usize>, anchor: &[usize]) -> Marks {
        let mut days: Vec<(usize, u32)> = Vec::new();
        for &p in &positions {
            match days.last_mut() {
                Some(last) if last.0 == anchor[p] => last.1 += 1,
                _ => days.push((anchor[p], 1)),
            }
        }
        Marks {
            days,
            positions: Some(positions),
        }
    }
}

pub struct Data {
    /// The entries of the previous period and the period, in day order.
    pub entries: Vec<EntryRow>,
    /// `BEFORE`, `FIRST_HALF` or `SECOND_HALF`, for each entry.
    pub segment: Vec<u8>,
    /// The week of the period (counted in sevens from its first day); 0 before it.
    pub week: Vec<u32>,
    pub weeks: usize,
    /// The entries with each label, by day.
    pub signs: BTreeMap<String, Marks>,
    pub themes: BTreeMap<String, Marks>,
    /// Chosen or found in the text, each entry once.
    pub feelings: BTreeMap<String, Marks>,
    pub tags: BTreeMap<String, Marks>,
    /// Words of the entries with a stored analysis (`None` without one): entry by entry, or,
    /// when read from the journal's per-day counts, each day's words on its first entry.
    /// Only ever summed by day or by side, which both give alike.
    pub words: Vec<Option<u32>>,
    /// The position of the first entry of each entry's day.
    anchor: Vec<usize>,
    lookup: Lookup,
}

impl Data {
    pub fn load(journal: &Journal, period: &Period, previous: &Period) -> Result<Data> {
        let entries = journal.summary_entries(previous.from, period.to)?;
        if entries.is_empty() {
            return Ok(Data::from_rows(entries, Vec::new(), &[], period));
        }
        // The journal's per-day counts when they are up to date; the label tables otherwise.
        let mut data = Data::from_rows(entries, Vec::new(), &[], period);
        if let Some(stored) = journal.summary_days(previous.from, period.to)?
            && data.set_day_counts(&stored)
        {
            return Ok(data);
        }
        let (lo, hi) = data.id_range();
        let words = journal.summary_words(lo, hi)?;
        let labels = journal.summary_labels(lo, hi)?;
        Ok(Data::from_rows(
            std::mem::take(&mut data.entries),
            labels,
            &words,
            period,
        ))
    }

    /// Fills the labels and words from the journal's per-day counts (no label exact; each
    /// day's words on its first entry). False, with nothing filled, when the counts do not
    /// match the entries (a day missing, or a day's entries counted differently).
    fn set_day_counts(&mut self, stored: &StoredDays) -> bool {
        let mut by_label: Vec<Vec<(usize, u32)>> = vec![Vec::new(); stored.names.len()];
        let mut stored_days = stored.days.iter();
        let mut words = vec![None; self.entries.len()];
        let mut p = 0;
        while p < self.entries.len() {
            let day = self.entries[p].day;
            let n = self.same_day(p).count();
            let Some(counts) = stored_days.next() else {
                return false;
            };
            if counts.day != day || counts.entries as usize != n {
                return false;
            }
            words[p] = (counts.analysed > 0).then_some(counts.words);
            for &(label, k) in &counts.labels {
                match by_label.get_mut(label as usize) {
                    Some(list) => list.push((p, k)),
                    None => return false,
                }
            }
            p += n;
        }
        if stored_days.next().is_some() {
            return false;
        }
        let named = |(label, days): (usize, &Vec<(usize, u32)>)| {
            days.is_empty() || stored.names[label].is_some()
        };
        if !by_label.iter().enumerate().all(named) {
            return false;
        }
        for (label, days) in by_label.into_iter().enumerate() {
            let Some((source, name)) = stored.names[label].as_ref().filter(|_| !days.is_empty())
            else {
                continue;
            };
            let marks = Marks {
                days,
                positions: None,
            };
            self.map_mut(*source).insert(name.clone(), marks);
        }
        self.words = words;
        true
    }

    fn map_mut(&mut self, source: Source) -> &mut BTreeMap<String, Marks> {
        match source {
            Source::Sign => &mut self.signs,
            Source::Theme => &mut self.themes,
            Source::FoundFeeling | Source::ChosenFeeling => &mut self.feelings,
            Source::Tag => &mut self.tags,
        }
    }

    /// The lowest and highest entry id of the rows.
    pub fn id_range(&self) -> (i64, i64) {
        id_range(&self.entries)
    }

    /// The positions of the entries on the day of position `first` (its day's first entry).
    pub fn same_day(&self, first: usize) -> impl Iterator<Item = usize> + '_ {
        (first..self.entries.len()).take_while(move |&p| self.anchor[p] == first)
    }

    /// Whether the entries of a label are known one by one.
    pub fn is_exact(&self, source: Source, name: &str) -> bool {
        let map = match source {
            Source::Sign => &self.signs,
            Source::Theme => &self.themes,
            Source::FoundFeeling | Source::ChosenFeeling => &self.feelings,
            Source::Tag => &self.tags,
        };
        map.get(name).is_none_or(|m| m.positions.is_some())
    }

    /// Records which entries (by id; others are ignored) carry a label.
    pub fn set_exact(&mut self, source: Source, name: &str, ids: &[i64]) {
        let mut positions: Vec<usize> = ids
            .iter()
            .filter_map(|id| self.lookup.position(*id))
            .collect();
        positions.sort_unstable();
        positions.dedup();
        let anchor = std::mem::take(&mut self.anchor);
        let marks = Marks::from_positions(positions, &anchor);
        self.anchor = anchor;
        if let Some(m) = self.map_mut(source).get_mut(name) {
            m.positions = marks.positions;
        }
    }

    /// The same from rows already read (or made up, by the simulations): `entries` in day
    /// order, `labels` as the store gives them, `words` as (entry id, words) pairs.
    pub fn from_rows(
        entries: Vec<EntryRow>,
        labels: Vec<LabelIds>,
        words: &[(i64, u32)],
        period: &Period,
    ) -> Data {
        let second_from = period.halves().1.0;
        let segment: Vec<u8> = entries
            .iter()
            .map(|e| match e.day {
                d if d < period.from => BEFORE,
                d if d < second_from => FIRST_HALF,
                _ => SECOND_HALF,
            })
            .collect();
        let week = entries
            .iter()
            .map(|e| ((e.day - period.from).num_days().max(0) / 7) as u32)
            .collect();
        let lookup = Lookup::new(&entries);
        let mut entry_words = vec![None; entries.len()];
        for &(id, w) in words {
            if let Some(p) = lookup.position(id) {
                entry_words[p] = Some(w);
            }
        }
        let mut found: BTreeMap<(Source, String), Vec<usize>> = BTreeMap::new();
        for label in labels {
            let mut positions: Vec<usize> = label
                .ids
                .iter()
                .filter_map(|id| lookup.position(*id))
                .collect();
            if positions.is_empty() {
                continue;
            }
            found
                .entry((label.source, label.name))
                .or_default()
                .append(&mut positions);
        }
        let mut anchor: Vec<usize> = Vec::with_capacity(entries.len());
        for (p, e) in entries.iter().enumerate() {
            let first = match anchor.last() {
                Some(&a) if entries[a].day == e.day => a,
                _ => p,
            };
            anchor.push(first);
        }
        let mut data = Data {
            entries,
            segment,
            week,
            weeks: (period.days() as usize).div_ceil(7),
            signs: BTreeMap::new(),
            themes: BTreeMap::new(),
            feelings: BTreeMap::new(),
            tags: BTreeMap::new(),
            words: entry_words,
            anchor: Vec::new(),
            lookup,
        };
        let mut merged: BTreeMap<(u8, String), Vec<usize>> = BTreeMap::new();
        for ((source, name), mut positions) in found {
            let group = match source {
                Source::Sign => 0,
                Source::Theme => 1,
                Source::FoundFeeling | Source::ChosenFeeling => 2,
                Source::Tag => 3,
            };
            merged
                .entry((group, name))
                .or_default()
                .append(&mut positions);
        }
        for ((group, name), mut positions) in merged {
            positions.sort_unstable();
            positions.dedup();
            let source = [
                Source::Sign,
                Source::Theme,
                Source::ChosenFeeling,
                Source::Tag,
            ][usize::from(group)];
            let marks = Marks::from_positions(positions, &anchor);
            data.map_mut(source).insert(name, marks);
        }
        data.anchor = anchor;
        data
    }

    pub fn is_current(&self, position: usize) -> bool {
        self.segment[position] != BEFORE
    }

    /// Positions of the period's entries, ascending.
    pub fn current(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.entries.len()).filter(|&p| self.is_current(p))
    }

    pub fn mood(&self, position: usize) -> Option<f64> {
        self.entries[position].mood.map(f64::from)
    }

    /// Mood moments of the given positions.
    pub fn moods(&self, positions: impl Iterator<Item = usize>) -> Moments {
        let mut m = Moments::default();
        for p in positions {
            if let Some(v) = self.mood(p) {
                m.add(Moments::new(1, v, v * v));
            }
        }
        m
    }

    /// 0 = Monday … 6 = Sunday.
    pub fn weekday(&self, position: usize) -> usize {
        self.entries[position].day.weekday().num_days_from_monday() as usize
    }

    /// The ids and days of the given positions (oldest first, as positions are).
    pub fn evidence(&self, positions: impl Iterator<Item = usize>) -> (Vec<i64>, Vec<NaiveDate>) {
        positions
            .map(|p| (self.entries[p].id, self.entries[p].day))
            .unzip()
    }
}

impl Lookup {
    fn new(entries: &[EntryRow]) -> Lookup {
        let (min, max) = entries.iter().fold((i64::MAX, i64::MIN), |(lo, hi), e| {
            (lo.min(e.id), hi.max(e.id))
        });
        if entries.is_empty() {
            return Lookup::Sparse(HashMap::new());
        }
        let span = (max - min + 1) as usize;
        if span <= entries.len() * 4 + 1024 {
            let mut positions = vec![u32::MAX; span];
            for (p, e) in entries.iter().enumerate() {
                positions[(e.id - min) as usize] = p as u32;
            }
            Lookup::Dense { min, positions }
        } else {
            Lookup::Sparse(
                entries
                    .iter()
                    .enumerate()
                    .map(|(p, e)| (e.id, p as u32))
                    .collect(),
            )
        }
    }

    fn position(&self, id: i64) -> Option<usize> {
        match self {
            Lookup::Dense { min, positions } => {
                let offset = usize::try_from(id.checked_sub(*min)?).ok()?;
                positions
                    .get(offset)
                    .filter(|p| **p != u32::MAX)
                    .map(|p| *p as usize)
            }
            Lookup::Sparse(map) => map.get(&id).map(|p| *p as usize),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: i64) -> EntryRow {
        EntryRow {
            id,
            day: NaiveDate::from_ymd_opt(2026, 11, 1).unwrap(),
            mood: None,
            answered: false,
            theme: None,
        }
    }

    /// A label's days: (source group, name, [(position, entries)]).
    type LabelMarks = (usize, String, Vec<(usize, u32)>);

    /// Every label's days, exact or not.
    fn marks_of(data: &Data) -> Vec<LabelMarks> {
        [&data.signs, &data.themes, &data.feelings, &data.tags]
            .iter()
            .enumerate()
            .flat_map(|(g, map)| {
                map.iter()
                    .map(move |(name, m)| (g, name.clone(), m.days.clone()))
            })
            .collect()
    }

    #[test]
    fn day_counts_give_what_the_label_tables_give() {
        use crate::model::{Mood, NewEntry};
        let j = Journal::open_in_memory().unwrap();
        let now = chrono::Utc::now();
        let bodies = [
            "I checked his phone again and felt jealous, then ashamed.",
            "We talked it through calmly. I felt grateful and safe.",
            "He was late and did not call. I felt hurt and suspicious.",
        ];
        let start = NaiveDate::from_ymd_opt(2026, 9, 1).unwrap();
        let mut ids = Vec::new();
        for i in 0..90i64 {
            let new = NewEntry {
                body: bodies[(i % 3) as usize].into(),
                mood: Mood::new((i % 5 + 1) as u8),
                feelings: if i % 4 == 0 {
                    vec!["calm".into()]
                } else {
                    vec![]
                },
                tags: if i % 3 == 0 {
                    vec!["win".into()]
                } else {
                    vec!["work".into()]
                },
                ..NewEntry::on(start + chrono::Duration::days(i * 2 / 3))
            };
            ids.push(j.insert(&new, now).unwrap());
        }
        j.trash_entries(&ids[10..14], now).unwrap();
        let period = Period::range(
            NaiveDate::from_ymd_opt(2026, 10, 1).unwrap(),
            NaiveDate::from_ymd_opt(2026, 10, 30).unwrap(),
        )
        .unwrap();
        let previous = period.previous();
        let stored = Data::load(&j, &period, &previous).unwrap();
        let entries = j.summary_entries(previous.from, period.to).unwrap();
        let (lo, hi) = id_range(&entries);
        let words = j.summary_words(lo, hi).unwrap();
        let labels = j.summary_labels(lo, hi).unwrap();
        let counted = Data::from_rows(entries, labels, &words, &period);
        assert!(!stored.tags.is_empty() && !stored.signs.is_empty());
        assert!(stored.tags.values().all(|m| m.positions.is_none()));
        assert_eq!(marks_of(&stored), marks_of(&counted));
        assert_eq!(stored.entries, counted.entries);
        let by_day = |d: &Data| -> Vec<Option<u32>> {
            let mut out: Vec<Option<u32>> = Vec::new();
            for (p, w) in d.words.iter().enumerate() {
                if d.anchor[p] == p {
                    out.push(None);
                }
                if let Some(w) = w {
                    let last = out.last_mut().unwrap();
                    *last = Some(last.unwrap_or(0) + w);
                }
            }
            out
        };
        assert!(counted.words.iter().all(Option::is_some));
        assert_eq!(by_day(&stored), by_day(&counted));
    }

    #[test]
    fn lookups_find_window_ids_only() {
        for ids in [vec![5, 7, 6], vec![3, 1_000_000, 42]] {
            let rows: Vec<EntryRow> = ids.iter().map(|&id| row(id)).collect();
            let lookup = Lookup::new(&rows);
            for (p, id) in ids.iter().enumerate() {
                assert_eq!(lookup.position(*id), Some(p));
            }
            assert_eq!(lookup.position(4), None);
            assert_eq!(lookup.position(-1), None);
            assert_eq!(lookup.position(2_000_000), None);
        }
        assert!(matches!(
            Lookup::new(&[row(1), row(500)]),
            Lookup::Dense { .. }
        ));
        assert!(matches!(
            Lookup::new(&[row(1), row(50_000)]),
            Lookup::Sparse(_)
        ));
        assert_eq!(Lookup::new(&[]).position(1), None);
    }
}
