//! The guard every import is read through: it counts the bytes against the one budget of
//! an import (at most 200 MB, however many files a zip holds), checks that they are UTF-8
//! as they pass, and drops a leading byte-order mark. Readers of every format sit behind it,
//! and tell from the shared `Budget` why their input stopped.

use std::cell::Cell;
use std::io::{self, Read};
use std::rc::Rc;

use anyhow::anyhow;

/// The largest file `mend import` reads (and the most it unpacks from a zip).
pub const MAX_IMPORT_BYTES: u64 = 200 * 1024 * 1024;

/// The one line for an import over the limit.
pub fn too_big(name: &str) -> anyhow::Error {
    anyhow!(
        "{name} is larger than {} MB, more than mend imports at once — split the export into smaller files",
        MAX_IMPORT_BYTES / (1024 * 1024)
    )
}

/// What the guard found, shared with the parser that reads through it.
#[derive(Default)]
pub struct Budget {
    /// Bytes read from every file of this import.
    pub used: Cell<u64>,
    pub too_big: Cell<bool>,
    /// Position of the first byte that is not UTF-8, in the file being read.
    pub not_utf8: Cell<Option<u64>>,
    /// Set while the current file's error (if any) came before its entries were reached.
    pub before_entries: Cell<bool>,
}

/// Counts, checks and passes on the bytes of one file.
pub struct Guard<'a, R> {
    inner: R,
    budget: Rc<Budget>,
    report: &'a dyn Fn(u64),
    /// Bytes of this file passed on so far.
    at: u64,
    /// The start of a character split between two reads.
    carry: Vec<u8>,
    started: bool,
    /// Bytes read ahead while looking for a byte-order mark.
    pending: Vec<u8>,
    /// Set once the guard has refused the input: it never passes on what follows.
    refused: Option<&'static str>,
}

impl<'a, R: Read> Guard<'a, R> {
    pub fn new(inner: R, budget: &Rc<Budget>, report: &'a dyn Fn(u64)) -> Guard<'a, R> {
        budget.not_utf8.set(None);
        budget.before_entries.set(true);
        Guard {
            inner,
            budget: Rc::clone(budget),
            report,
            at: 0,
            carry: Vec::new(),
            started: false,
            pending: Vec::new(),
            refused: None,
        }
    }

    fn fail(&mut self, why: &'static str) -> io::Error {
        self.refused = Some(why);
        io::Error::new(io::ErrorKind::InvalidData, why)
    }

    /// Checks that `chunk`, following what came before, is UTF-8; returns the position in
    /// the file of the first byte that is not.
    fn check_utf8(&mut self, chunk: &[u8]) -> Option<u64> {
        let mut start = 0;
        let lead = self.at.saturating_sub(self.carry.len() as u64);
        while !self.carry.is_empty() {
            let &b = chunk.get(start)?;
            self.carry.push(b);
            start += 1;
            match std::str::from_utf8(&self.carry) {
                Ok(_) => self.carry.clear(),
                Err(e) if e.error_len().is_none() => {}
                Err(_) => return Some(lead),
            }
        }
        match std::str::from_utf8(&chunk[start..]) {
            Ok(_) => None,
            Err(e) => match e.error_len() {
                Some(_) => Some(self.at + (start + e.valid_up_to()) as u64),
                None => {
                    self.carry
                        .extend_from_slice(&chunk[start + e.valid_up_to()..]);
                    None
                }
            },
        }
    }

    /// The first bytes of the file, without a byte-order mark.
    fn head(&mut self) -> io::Result<Vec<u8>> {
        let mut head = [0u8; 3];
        let mut got = 0;
        while got < head.len() {
            match self.inner.read(&mut head[got..])? {
                0 => break,
                n => got += n,
            }
        }
        Ok(if head[..got] == *"\u{feff}".as_bytes() {
            Vec::new()
        } else {
            head[..got].to_vec()
        })
    }
}

impl<R: Read> Read for Guard<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if let Some(why) = self.refused {
            return Err(self.fail(why));
        }
        if !self.started {
            self.started = true;
            self.pending = self.head()?;
        }
        let n = if self.pending.is_empty() {
            self.inner.read(buf)?
        } else {
            let n = self.pending.len().min(buf.len());
            buf[..n].copy_from_slice(&self.pending[..n]);
            self.pending.drain(..n);
            n
        };
        if n == 0 {
            if !self.carry.is_empty() {
                let lead = self.at - self.carry.len() as u64;
                self.budget.not_utf8.set(Some(lead));
                return Err(self.fail("not UTF-8"));
            }
            return Ok(0);
        }
        let used = self.budget.used.get() + n as u64;
        self.budget.used.set(used);
        if used > MAX_IMPORT_BYTES {
            self.budget.too_big.set(true);
            return Err(self.fail("too big"));
        }
        if let Some(bad) = self.check_utf8(&buf[..n]) {
            self.budget.not_utf8.set(Some(bad));
            return Err(self.fail("not UTF-8"));
        }
        self.at += n as u64;
        (self.report)(used);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads `bytes` through a guard, `step` bytes at a time.
    fn through_guard(bytes: &[u8], step: usize) -> (io::Result<Vec<u8>>, Option<u64>) {
        struct Trickle<'b>(&'b [u8], usize);
        impl Read for Trickle<'_> {
            fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
                let n = self.0.len().min(self.1).min(buf.len());
                buf[..n].copy_from_slice(&self.0[..n]);
                self.0 = &self.0[n..];
                Ok(n)
            }
        }
        let budget = Rc::new(Budget::default());
        let mut guard = Guard::new(Trickle(bytes, step), &budget, &|_| {});
        let mut out = Vec::new();
        let result = guard.read_to_end(&mut out).map(|_| out);
        (result, budget.not_utf8.get())
    }

    #[test]
    fn characters_split_between_reads_are_fine() {
        let text = "\u{feff}{\"body\": \"Vertrauen — ça prend du temps 🌱\"}";
        for step in 1..8 {
            let (out, bad) = through_guard(text.as_bytes(), step);
            assert_eq!(
                String::from_utf8(out.unwrap()).unwrap(),
                text.trim_start_matches('\u{feff}'),
                "step {step}"
            );
            assert_eq!(bad, None);
        }
    }

    #[test]
    fn a_stray_byte_is_found_wherever_it_falls() {
        let mut bytes = b"{\"body\": \"caf".to_vec();
        bytes.push(0xe9);
        bytes.extend_from_slice(b" au lait\"}");
        for step in 1..6 {
            let (out, bad) = through_guard(&bytes, step);
            assert!(out.is_err(), "step {step}");
            assert_eq!(bad, Some(13), "step {step}");
        }
        // A character cut off by the end of the file.
        let (out, bad) = through_guard("ok é".as_bytes().split_last().unwrap().1, 2);
        assert!(out.is_err());
        assert_eq!(bad, Some(3));
    }
}
