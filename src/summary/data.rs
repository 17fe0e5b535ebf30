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

pub struct Data {
    /// The entries of the previous period and the period, in day order.
    pub entries: Vec<EntryRow>,
    /// `BEFORE`, `FIRST_HALF` or `SECOND_HALF`, for each entry.
    pub segment: Vec<u8>,
    /// The week of the period (counted in sevens from its first day); 0 before it.
    pub week: Vec<u32>,
    pub weeks: usize,
    /// Positions (into `entries`) of the entries with each label, ascending.
    pub signs: BTreeMap<String, Vec<usize>>,
    pub themes: BTreeMap<String, Vec<usize>>,
    /// Chosen or found in the text, each entry once.
    pub feelings: BTreeMap<String, Vec<usize>>,
    pub tags: BTreeMap<String, Vec<usize>>,
    /// Words of each entry with a stored analysis (`None` without one).
    pub words: Vec<Option<u32>>,
}

impl Data {
    pub fn load(journal: &Journal, period: &Period, previous: &Period) -> Result<Data> {
        let entries = journal.summary_entries(previous.from, period.to)?;
        let (lo, hi) = entries.iter().fold((i64::MAX, i64::MIN), |(lo, hi), e| {
            (lo.min(e.id), hi.max(e.id))
        });
        let (labels, words) = if entries.is_empty() {
            (Vec::new(), Vec::new())
        } else {
            (
                journal.summary_labels(lo, hi)?,
                journal.summary_words(lo, hi)?,
            )
        };
        Ok(Data::from_rows(entries, labels, &words, period))
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
        };
        for ((source, name), positions) in found {
            let map = match source {
                Source::Sign => &mut data.signs,
                Source::Theme => &mut data.themes,
                Source::FoundFeeling | Source::ChosenFeeling => &mut data.feelings,
                Source::Tag => &mut data.tags,
            };
            map.entry(name).or_default().extend(positions);
        }
        for map in [
            &mut data.signs,
            &mut data.themes,
            &mut data.feelings,
            &mut data.tags,
        ] {
            for positions in map.values_mut() {
                positions.sort_unstable();
                positions.dedup();
            }
        }
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
