//! Opening an import: a file, standard input or a Day One .zip, at most 200 MB. The text is
//! read as it is parsed, never held whole: it passes through the guard (`guard.rs`), then to
//! the reader of its format: `stream` for JSON, or the format's own for a text file whose
//! first line tells what it is.

use std::fs::File;
use std::io::{self, BufRead, BufReader, Cursor, Read, Seek};
use std::path::Path;
use std::rc::Rc;

use anyhow::{Result, anyhow, bail};

use super::formats::{self, Format, understood};
use super::guard::{Budget, Guard, MAX_IMPORT_BYTES, too_big};
use super::importer::{Item, Options, Reader};
use super::readers;
use super::stream::{self, MomentItem, Outcome};

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
    /// A JSON or text file (which, is told when it is read).
    Text(Box<dyn Read + Send>),
    Zip(zip::ZipArchive<Box<dyn ReadSeek>>),
}

fn unreadable(name: &str, e: &io::Error) -> anyhow::Error {
    anyhow!("could not read {name} ({e}) — check that the file is there and readable by you")
}

fn is_zip(start: &[u8]) -> bool {
    start.starts_with(b"PK\x03\x04") || start.starts_with(b"PK\x05\x06")
}

/// Opens `path` ("-" is standard input), in the format `wanted` or (`None`) the one it shows.
pub fn open(path: &Path, wanted: Option<Format>) -> Result<Source> {
    let zip_refused = |name: &str| {
        anyhow!(
            "{name} is a zip file — only {} exports come as .zip; use --format {}, or leave --format out",
            formats::zipped()
                .map(|s| s.title)
                .collect::<Vec<_>>()
                .join(" or "),
            formats::zipped()
                .map(|s| s.name)
                .collect::<Vec<_>>()
                .join(" or ")
        )
    };
    let refuses_zip = wanted.is_some_and(|f| !f.spec().zipped);
    if path == Path::new("-") {
        let name = "standard input".to_string();
        let mut stdin = BufReader::with_capacity(1 << 16, io::stdin());
        let start = stdin.fill_buf().map_err(|e| unreadable(&name, &e))?;
        if is_zip(start) {
            if refuses_zip {
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
            kind: Kind::Text(Box::new(stdin)),
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
        if refuses_zip {
            return Err(zip_refused(&name));
        }
        return zip_source(name, Some(meta.len()), Box::new(file));
    }
    Ok(Source {
        name,
        size: Some(meta.len()),
        kind: Kind::Text(Box::new(BufReader::with_capacity(1 << 16, file))),
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
            kind: Kind::Text(Box::new(Cursor::new(bytes))),
        }
    }

    /// Reads every entry, handing each to `emit` in order (it returns false to stop early).
    /// `read` is kept up to date with the bytes read so far. Returns how many entries there
    /// were; errors about the file as a whole come back as one line for the person importing.
    pub fn entries(
        self,
        wanted: Option<Format>,
        options: &Options,
        read: &dyn Fn(u64),
        emit: &mut dyn FnMut(Item) -> bool,
    ) -> Result<usize> {
        self.entries_and_moments(wanted, options, read, emit, &mut |_| {})
    }

    /// As `entries`, handing the moment log of a mend export to `moment` too.
    pub fn entries_and_moments(
        self,
        wanted: Option<Format>,
        options: &Options,
        read: &dyn Fn(u64),
        emit: &mut dyn FnMut(Item) -> bool,
        moment: &mut dyn FnMut(MomentItem),
    ) -> Result<usize> {
        let name = self.name;
        let budget = Rc::new(Budget::default());
        match self.kind {
            Kind::Text(reader) => {
                let mut guard = Guard::new(reader, &budget, read);
                let head = first_line(&mut guard);
                let format = match wanted {
                    Some(format) => Some(format),
                    None => {
                        let line = head.split(|&b| b == b'\n').next().unwrap_or_default();
                        readers::detect_text(&String::from_utf8_lossy(line))
                    }
                };
                // The line read to tell the format goes back in front of the rest.
                let mut text = BufReader::with_capacity(1 << 16, Cursor::new(head).chain(guard));
                if let Some(Reader::Text(rows)) = format.map(readers::reader) {
                    return rows
                        .read(&name, &mut text, options, emit)
                        .map_err(|e| whole_file(&name, &budget, e));
                }
                match stream::read(&name, text, &budget, format, options, emit, moment)? {
                    Outcome::Entries(n) => Ok(n),
                    Outcome::NoEntries => bail!(
                        "{name} has no \"entries\", so it is not an export mend can read — {}",
                        understood()
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
                    match stream::read(&label, guard, &budget, wanted, options, emit, moment) {
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

/// The first line of a text (at most 4 KiB of it), taken from `text`. A failure to read
/// ends the line early; the guard gives the same error again to whoever reads on.
fn first_line(text: &mut impl Read) -> Vec<u8> {
    let mut line = Vec::new();
    let mut buf = [0u8; 512];
    while line.len() < 4096 && !line.contains(&b'\n') {
        match text.read(&mut buf) {
            Ok(0) | Err(_) => break,
            Ok(n) => line.extend_from_slice(&buf[..n]),
        }
    }
    line
}

/// A text reader's error, or the guard's reason when the guard stopped it.
fn whole_file(name: &str, budget: &Budget, e: anyhow::Error) -> anyhow::Error {
    if budget.too_big.get() {
        return too_big(name);
    }
    if let Some(at) = budget.not_utf8.get() {
        return anyhow!(
            "{name} is not UTF-8 text (a stray byte at position {at}) — {}",
            understood()
        );
    }
    e
}
