//! Opening an import: a file, standard input or a Day One .zip, at most 200 MB. The text is
//! read as it is parsed, never held whole: it passes through a guard that counts it against
//! the limit, checks it is UTF-8 and drops a leading byte-order mark.

use std::cell::Cell;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, Read, Seek};
use std::path::Path;
use std::rc::Rc;

use anyhow::{Result, anyhow, bail};

use super::MAX_IMPORT_BYTES;
use super::stream::{self, Item, MomentItem, Outcome};
use crate::cli::ImportFormat;

/// What `mend import` reads, opened.
pub struct Source {
    /// The name used in messages.
    pub name: String,
    /// Bytes to read, when known up front (a plain file): for the progress bar.
    pub size: Option<u64>,
    kind: Kind,
}

trait ReadSeek: Read + Seek + Send {}
impl<T: Read + Seek + Send> ReadSeek for T {}

enum Kind {
    Json(Box<dyn Read + Send>),
    Zip(zip::ZipArchive<Box<dyn ReadSeek>>),
}

pub(super) const UNDERSTOOD: &str = "mend reads mend JSON (`mend export --format json`), jrnl JSON (`jrnl --export json`) and Day One JSON exports (Journal.json or the export .zip)";

fn unreadable(name: &str, e: &io::Error) -> anyhow::Error {
    anyhow!("could not read {name} ({e}) — check that the file is there and readable by you")
}

pub(super) fn too_big(name: &str) -> anyhow::Error {
    anyhow!(
        "{name} is larger than {} MB, more than mend imports at once — split the export into smaller files",
        MAX_IMPORT_BYTES / (1024 * 1024)
    )
}

fn is_zip(start: &[u8]) -> bool {
    start.starts_with(b"PK\x03\x04") || start.starts_with(b"PK\x05\x06")
}

/// Opens `path` ("-" is standard input).
pub fn open(path: &Path, wanted: ImportFormat) -> Result<Source> {
    let zip_refused = |name: &str| {
        anyhow!(
            "{name} is a zip file — only Day One exports come as .zip; use --format dayone, or leave --format out"
        )
    };
    if path == Path::new("-") {
        let name = "standard input".to_string();
        let mut stdin = BufReader::with_capacity(1 << 16, io::stdin());
        let start = stdin.fill_buf().map_err(|e| unreadable(&name, &e))?;
        if is_zip(start) {
            if matches!(wanted, ImportFormat::Mend | ImportFormat::Jrnl) {
                return Err(zip_refused(&name));
            }
            // A zip's directory is at its end, so a piped one is read whole first.
            let mut bytes = Vec::new();
            stdin
                .take(MAX_IMPORT_BYTES + 1)
                .read_to_end(&mut bytes)
                .map_err(|e| unreadable(&name, &e))?;
            if bytes.len() as u64 > MAX_IMPORT_BYTES {
                return Err(too_big(&name));
            }
            return zip_source(name, None, Box::new(Cursor::new(bytes)));
        }
        return Ok(Source {
            name,
            size: None,
            kind: Kind::Json(Box::new(stdin)),
        });
    }
    let name = path.display().to_string();
    let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
        io::ErrorKind::NotFound => {
            anyhow!("{name} does not exist — check the file's name and folder")
        }
        _ => unreadable(&name, &e),
    })?;
    if meta.is_dir() {
        bail!("{name} is a folder — give the export file itself");
    }
    if meta.len() > MAX_IMPORT_BYTES {
        return Err(too_big(&name));
    }
    let mut file = File::open(path).map_err(|e| unreadable(&name, &e))?;
    let mut start = [0u8; 4];
    let got = read_up_to(&mut file, &mut start).map_err(|e| unreadable(&name, &e))?;
    file.rewind().map_err(|e| unreadable(&name, &e))?;
    if is_zip(&start[..got]) {
        if matches!(wanted, ImportFormat::Mend | ImportFormat::Jrnl) {
            return Err(zip_refused(&name));
        }
        return zip_source(name, Some(meta.len()), Box::new(file));
    }
    Ok(Source {
        name,
        size: Some(meta.len()),
        kind: Kind::Json(Box::new(BufReader::with_capacity(1 << 16, file))),
    })
}

fn read_up_to(file: &mut File, buf: &mut [u8]) -> io::Result<usize> {
    let mut got = 0;
    while got < buf.len() {
        match file.read(&mut buf[got..])? {
            0 => break,
            n => got += n,
        }
    }
    Ok(got)
}

fn zip_source(name: String, size: Option<u64>, reader: Box<dyn ReadSeek>) -> Result<Source> {
    let archive = zip::ZipArchive::new(reader)
        .map_err(|e| anyhow!("{name} is not a readable zip file ({e}) — nothing was imported"))?;
    Ok(Source {
        name,
        size,
        kind: Kind::Zip(archive),
    })
}

impl Source {
    /// A document already in memory (tests and fuzzing read through the same code).
    pub fn from_bytes(name: &str, bytes: Vec<u8>) -> Source {
        Source {
            name: name.to_string(),
            size: Some(bytes.len() as u64),
            kind: Kind::Json(Box::new(Cursor::new(bytes))),
        }
    }

    /// Reads every entry, handing each to `emit` in order (it returns false to stop early).
    /// `read` is kept up to date with the bytes read so far. Returns how many entries there
    /// were; errors about the file as a whole come back as one line for the person importing.
    pub fn entries(
        self,
        wanted: ImportFormat,
        read: &dyn Fn(u64),
        emit: &mut dyn FnMut(Item) -> bool,
    ) -> Result<usize> {
        self.entries_and_moments(wanted, read, emit, &mut |_| {})
    }

    /// As `entries`, handing the moment log of a mend export to `moment` too.
    pub fn entries_and_moments(
        self,
        wanted: ImportFormat,
        read: &dyn Fn(u64),
        emit: &mut dyn FnMut(Item) -> bool,
        moment: &mut dyn FnMut(MomentItem),
    ) -> Result<usize> {
        let name = self.name;
        let budget = Rc::new(Budget::default());
        match self.kind {
            Kind::Json(reader) => {
                let guard = Guard::new(reader, &budget, read);
                match stream::read(&name, guard, &budget, wanted, emit, moment)? {
                    Outcome::Entries(n) => Ok(n),
                    Outcome::NoEntries => bail!(
                        "{name} has no \"entries\", so it is not an export mend can read — {UNDERSTOOD}"
                    ),
                }
            }
            Kind::Zip(mut archive) => {
                let mut journals = 0;
                let mut total = 0;
                for i in 0..archive.len() {
                    let file = archive.by_index(i).map_err(|e| {
                        anyhow!("could not unpack {name} ({e}) — nothing was imported")
                    })?;
                    let Ok(inner) = file.name().map(|n| n.to_string()) else {
                        continue;
                    };
                    // Day One keeps journals at the top, photos and the like in folders.
                    if !file.is_file()
                        || inner.contains(['/', '\\'])
                        || !inner.to_ascii_lowercase().ends_with(".json")
                    {
                        continue;
                    }
                    let label = format!("{name} ({inner})");
                    let guard = Guard::new(BufReader::new(file), &budget, read);
                    match stream::read(&label, guard, &budget, wanted, emit, moment) {
                        Ok(Outcome::Entries(n)) => {
                            journals += 1;
                            total += n;
                        }
                        // Another JSON file kept beside the journal: not ours to read.
                        Ok(Outcome::NoEntries) => {}
                        Err(_) if budget.before_entries.get() => {}
                        Err(e) => return Err(e),
                    }
                    if budget.too_big.get() {
                        return Err(too_big(&name));
                    }
                }
                if journals == 0 {
                    bail!(
                        "{name} holds no Day One journal (no .json file with \"entries\" at the top of the zip) — nothing was imported"
                    );
                }
                Ok(total)
            }
        }
    }
}

/// What the guard found, shared with the parser that reads through it.
#[derive(Default)]
pub(super) struct Budget {
    /// Bytes read from every file of this import.
    pub used: Cell<u64>,
    pub too_big: Cell<bool>,
    /// Position of the first byte that is not UTF-8, in the file being read.
    pub not_utf8: Cell<Option<u64>>,
    /// Set while the current file's error (if any) came before its entries were reached.
    pub before_entries: Cell<bool>,
}

/// Counts, checks and passes on the bytes of one file.
pub(super) struct Guard<'a, R> {
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
}

impl<'a, R: Read> Guard<'a, R> {
    fn new(inner: R, budget: &Rc<Budget>, report: &'a dyn Fn(u64)) -> Guard<'a, R> {
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
        }
    }

    fn fail(&self, why: &str) -> io::Error {
        io::Error::new(io::ErrorKind::InvalidData, why.to_string())
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
