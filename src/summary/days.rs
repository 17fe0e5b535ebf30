//! Days as the unit of every statistic. A day's mood is the mean of its entries' moods; a day
//! has a feeling, tag, theme or sign when any entry that day does; its words are the words
//! of its analysed entries. Weeks (the blocks the tests shuffle) count in sevens from the
//! first day of each period, the period before first.

use chrono::{Datelike, NaiveDate};

use super::data::{BEFORE, Data, FIRST_HALF, SECOND_HALF};
use super::period::Period;

pub struct Days {
    pub day: Vec<NaiveDate>,
    /// `BEFORE`, `FIRST_HALF` or `SECOND_HALF`.
    pub segment: Vec<u8>,
    /// The week block of each day: the period before's weeks first, then the period's.
    pub block: Vec<usize>,
    pub blocks: usize,
    /// The first block of the period itself.
    pub first_current_block: usize,
    /// Days from the first day of each day's own period (the period, or the one before).
    pub offset: Vec<usize>,
    /// Days in the period before.
    pub before_days: usize,
    pub mood: Vec<Option<f64>>,
    /// Words of the day's analysed entries, and whether any entry that day was analysed.
    pub words: Vec<f64>,
    pub analysed: Vec<bool>,
    pub entries: Vec<u32>,
    /// 0 = Monday … 6 = Sunday.
    pub weekday: Vec<usize>,
    /// The day of each entry position of `Data`.
    pub of_entry: Vec<usize>,
}

impl Days {
    pub fn new(data: &Data, period: &Period, previous: &Period) -> Days {
        let before_blocks = (previous.days() as usize).div_ceil(7);
        let current_blocks = (period.days() as usize).div_ceil(7);
        let mut d = Days {
            day: Vec::new(),
            segment: Vec::new(),
            block: Vec::new(),
            blocks: before_blocks + current_blocks,
            first_current_block: before_blocks,
            offset: Vec::new(),
            before_days: previous.days() as usize,
            mood: Vec::new(),
            words: Vec::new(),
            analysed: Vec::new(),
            entries: Vec::new(),
            weekday: Vec::new(),
            of_entry: Vec::with_capacity(data.entries.len()),
        };
        let mut moods: Vec<(f64, u32)> = Vec::new();
        for (p, e) in data.entries.iter().enumerate() {
            if d.day.last() != Some(&e.day) {
                d.day.push(e.day);
                d.segment.push(data.segment[p]);
                let block = if data.segment[p] == BEFORE {
                    ((e.day - previous.from).num_days().max(0) as usize / 7)
                        .min(before_blocks.saturating_sub(1))
                } else {
                    before_blocks
                        + ((e.day - period.from).num_days().max(0) as usize / 7)
                            .min(current_blocks - 1)
                };
                d.block.push(block);
                let start = if data.segment[p] == BEFORE {
                    previous.from
                } else {
                    period.from
                };
                d.offset.push((e.day - start).num_days().max(0) as usize);
                d.words.push(0.0);
                d.analysed.push(false);
                d.entries.push(0);
                d.weekday
                    .push(e.day.weekday().num_days_from_monday() as usize);
                moods.push((0.0, 0));
            }
            let i = d.day.len() - 1;
            d.of_entry.push(i);
            d.entries[i] += 1;
            if let Some(m) = e.mood {
                moods[i].0 += f64::from(m);
                moods[i].1 += 1;
            }
            if let Some(w) = data.words.get(p).copied().flatten() {
                d.words[i] += f64::from(w);
                d.analysed[i] = true;
            }
        }
        d.mood = moods
            .into_iter()
            .map(|(s, n)| (n > 0).then(|| s / f64::from(n)))
            .collect();
        d
    }

    pub fn len(&self) -> usize {
        self.day.len()
    }

    pub fn is_current(&self, i: usize) -> bool {
        self.segment[i] != BEFORE
    }

    pub fn in_second_half(&self, i: usize) -> bool {
        self.segment[i] == SECOND_HALF
    }

    pub fn in_first_half(&self, i: usize) -> bool {
        self.segment[i] == FIRST_HALF
    }

    /// Which days have any of the entry `positions`.
    pub fn presence(&self, positions: &[usize]) -> Vec<bool> {
        let mut out = vec![false; self.len()];
        for &p in positions {
            out[self.of_entry[p]] = true;
        }
        out
    }

    /// The block of day `i` when blocks are `length` days long (counted from the first day
    /// of each period, the period before first), and the first block of the period itself.
    pub fn block_of(&self, i: usize, length: usize) -> usize {
        if self.is_current(i) {
            self.before_days.div_ceil(length) + self.offset[i] / length
        } else {
            self.offset[i] / length
        }
    }

    pub fn first_block(&self, length: usize) -> usize {
        self.before_days.div_ceil(length)
    }

    /// The period's days, in order.
    pub fn current(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.len()).filter(|&i| self.is_current(i))
    }
}
