//! Reading an import: a file, standard input or a Day One .zip, at most 200 MB; then telling
//! which export it is and finding its entries without copying them.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};
use std::path::Path;

use anyhow::{Result, anyhow, bail};
use serde_json::value::RawValue;

use super::{MAX_IMPORT_BYTES, Object, Problem, Record};
use crate::cli::ImportFormat;

/// The exports mend reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Mend,
    Jrnl,
    DayOne,
}

impl Format {
    /// The entry's day or date as shown in messages, when it can be read.
    pub fn label(self, o: &Object) -> Option<String> {
        match self {
            Format::Mend => super::mend::label(o),
            Format::Jrnl => super::jrnl::label(o),
            Format::DayOne => super::dayone::label(o),
        }
    }

    pub fn record(self, o: &Object) -> Result<Record, Problem> {
        match self {
            Format::Mend => super::mend::record(o),
            Format::Jrnl => super::jrnl::record(o),
            Format::DayOne => super::dayone::record(o),
        }
    }
}

/// One JSON document to import, named as it is in messages.
#[derive(Debug)]
pub struct Input {
    pub name: String,
    pub text: String,
}

/// A parsed export: its format and its entries, still as JSON text.
pub struct Export<'a> {
    pub format: Format,
    pub entries: Vec<&'a RawValue>,
}

const UNDERSTOOD: &str = "mend reads mend JSON (`mend export --format json`), jrnl JSON (`jrnl --export json`) and Day One JSON exports (Journal.json or the export .zip)";

fn unreadable(name: &str, e: &std::io::Error) -> anyhow::Error {
    anyhow!("could not read {name} ({e}) — check that the file is there and readable by you")
}

fn too_big(name: &str) -> anyhow::Error {
    anyhow!(
        "{name} is larger than {} MB, more than mend imports at once — split the export into smaller files",
        MAX_IMPORT_BYTES / (1024 * 1024)
    )
}

/// Reads `path` ("-" is standard input). A zip (a Day One export) gives each JSON journal
/// at its top level.
pub fn read(path: &Path, wanted: ImportFormat) -> Result<Vec<Input>> {
    let (name, bytes) = if path == Path::new("-") {
        let name = "standard input".to_string();
        let bytes = read_limited(std::io::stdin().lock(), &name)?;
        (name, bytes)
    } else {
        let name = path.display().to_string();
        let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
            std::io::ErrorKind::NotFound => {
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
        let file = std::fs::File::open(path).map_err(|e| unreadable(&name, &e))?;
        let bytes = read_limited(file, &name)?;
        (name, bytes)
    };
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        if matches!(wanted, ImportFormat::Mend | ImportFormat::Jrnl) {
            bail!(
                "{name} is a zip file — only Day One exports come as .zip; use --format dayone, or leave --format out"
            );
        }
        return unzip(&name, bytes);
    }
    let text = utf8(&name, bytes)?;
    Ok(vec![Input { name, text }])
}

fn read_limited(reader: impl Read, name: &str) -> Result<Vec<u8>> {
    let mut bytes = Vec::new();
    reader
        .take(MAX_IMPORT_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| unreadable(name, &e))?;
    if bytes.len() as u64 > MAX_IMPORT_BYTES {
        return Err(too_big(name));
    }
    Ok(bytes)
}

fn utf8(name: &str, bytes: Vec<u8>) -> Result<String> {
    let text = String::from_utf8(bytes).map_err(|e| {
        anyhow!(
            "{name} is not UTF-8 text (a stray byte at position {}) — {UNDERSTOOD}",
            e.utf8_error().valid_up_to()
        )
    })?;
    Ok(match text.strip_prefix('\u{feff}') {
        Some(rest) => rest.to_string(),
        None => text,
    })
}

/// The JSON journals at the top of a Day One export .zip (usually just Journal.json).
fn unzip(name: &str, bytes: Vec<u8>) -> Result<Vec<Input>> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes))
        .map_err(|e| anyhow!("{name} is not a readable zip file ({e}) — nothing was imported"))?;
    let mut found = Vec::new();
    let mut budget = MAX_IMPORT_BYTES;
    for i in 0..archive.len() {
        let mut file = archive
            .by_index(i)
            .map_err(|e| anyhow!("could not unpack {name} ({e}) — nothing was imported"))?;
        let Ok(inner) = file.name().map(|n| n.to_string()) else {
            continue;
        };
        if !file.is_file()
            || inner.contains(['/', '\\'])
            || !inner.to_ascii_lowercase().ends_with(".json")
        {
            continue;
        }
        let mut data = Vec::new();
        (&mut file)
            .take(budget + 1)
            .read_to_end(&mut data)
            .map_err(|e| {
                anyhow!("could not unpack {inner} from {name} ({e}) — nothing was imported")
            })?;
        if data.len() as u64 > budget {
            return Err(too_big(name));
        }
        budget -= data.len() as u64;
        let label = format!("{name} ({inner})");
        let text = utf8(&label, data)?;
        let has_entries = serde_json::from_str::<BTreeMap<String, &RawValue>>(&text)
            .is_ok_and(|top| top.contains_key("entries"));
        if has_entries {
            found.push(Input { name: label, text });
        }
    }
    if found.is_empty() {
        bail!(
            "{name} holds no Day One journal (no .json file with \"entries\" at the top of the zip) — nothing was imported"
        );
    }
    Ok(found)
}

/// Parses the document's outer layer and tells its format (`wanted`, unless auto).
pub fn parse(input: &Input, wanted: ImportFormat) -> Result<Export<'_>> {
    let name = &input.name;
    let not_json = |e: serde_json::Error| {
        anyhow!("{name} is not valid JSON ({e}) — nothing was imported; {UNDERSTOOD}")
    };
    let trimmed = input.text.trim_start();
    let (top, entries): (BTreeMap<String, &RawValue>, Option<&RawValue>) =
        if trimmed.starts_with('[') {
            // A plain list of entries, such as `mend list --json` prints.
            let list: &RawValue = serde_json::from_str(&input.text).map_err(not_json)?;
            (BTreeMap::new(), Some(list))
        } else if trimmed.starts_with('{') {
            let top: BTreeMap<String, &RawValue> =
                serde_json::from_str(&input.text).map_err(not_json)?;
            let entries = top.get("entries").copied();
            (top, entries)
        } else {
            serde_json::from_str::<serde::de::IgnoredAny>(&input.text).map_err(not_json)?;
            bail!("{name} is not an export mend can read — {UNDERSTOOD}");
        };
    let Some(entries) = entries else {
        bail!("{name} has no \"entries\", so it is not an export mend can read — {UNDERSTOOD}");
    };
    let entries: Vec<&RawValue> = serde_json::from_str(entries.get())
        .map_err(|_| anyhow!("{name}: \"entries\" is not a list — nothing was imported"))?;
    let format = match wanted {
        ImportFormat::Mend => Format::Mend,
        ImportFormat::Jrnl => Format::Jrnl,
        ImportFormat::Dayone => Format::DayOne,
        ImportFormat::Auto => detect(&top, entries.first().copied()).ok_or_else(|| {
            anyhow!(
                "{name} is not an export mend can read — {UNDERSTOOD}; --format says which it is"
            )
        })?,
    };
    if format == Format::Mend
        && let Some(version) = top.get("version")
    {
        match serde_json::from_str::<u64>(version.get()) {
            Ok(v) if v <= super::mend::VERSION => {}
            Ok(v) => bail!(
                "{name} was written by a newer mend (export format version {v}) — update mend to import it"
            ),
            Err(_) => bail!("{name}: \"version\" is not a number — nothing was imported"),
        }
    }
    Ok(Export { format, entries })
}

fn detect(top: &BTreeMap<String, &RawValue>, first: Option<&RawValue>) -> Option<Format> {
    if let Some(format) = top.get("format") {
        let format: Option<String> = serde_json::from_str(format.get()).ok();
        return (format.as_deref() == Some(super::mend::FORMAT)).then_some(Format::Mend);
    }
    if top.contains_key("metadata") {
        return Some(Format::DayOne);
    }
    if top.contains_key("tags") {
        return Some(Format::Jrnl);
    }
    let first: Object = serde_json::from_str(first?.get()).ok()?;
    let has = |key: &str| first.contains_key(key);
    if has("creationDate") {
        Some(Format::DayOne)
    } else if has("date") && has("time") {
        Some(Format::Jrnl)
    } else if has("uuid") && has("day") {
        Some(Format::Mend)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn input(text: &str) -> Input {
        Input {
            name: "x.json".into(),
            text: text.into(),
        }
    }

    fn format_of(text: &str) -> Result<Format> {
        parse(&input(text), ImportFormat::Auto).map(|e| e.format)
    }

    #[test]
    fn tells_the_formats_apart() {
        assert_eq!(
            format_of(r#"{"format": "mend", "version": 1, "entries": []}"#).unwrap(),
            Format::Mend
        );
        assert_eq!(
            format_of(r#"{"tags": {}, "entries": []}"#).unwrap(),
            Format::Jrnl
        );
        assert_eq!(
            format_of(r#"{"metadata": {"version": "1.0"}, "entries": []}"#).unwrap(),
            Format::DayOne
        );
        assert_eq!(
            format_of(r#"[{"uuid": "u", "day": "2026-11-21"}]"#).unwrap(),
            Format::Mend
        );
        assert_eq!(
            format_of(r#"{"entries": [{"date": "2026-11-21", "time": "10:00"}]}"#).unwrap(),
            Format::Jrnl
        );
        let e = format_of(r#"{"notes": []}"#).unwrap_err().to_string();
        assert!(e.contains("not an export mend can read"), "{e}");
        let e = format_of(r#"{"format": "other", "entries": []}"#)
            .unwrap_err()
            .to_string();
        assert!(e.contains("not an export mend can read"), "{e}");
        let e = format_of(r#"{"entries": [1, 2"#).unwrap_err().to_string();
        assert!(e.contains("not valid JSON"), "{e}");
        let e = format_of("42").unwrap_err().to_string();
        assert!(e.contains("not an export"), "{e}");
        let e = format_of(r#"{"format": "mend", "version": 9, "entries": []}"#)
            .unwrap_err()
            .to_string();
        assert!(e.contains("newer mend"), "{e}");
        let e = format_of(r#"{"format": "mend", "entries": {}}"#)
            .unwrap_err()
            .to_string();
        assert!(e.contains("not a list"), "{e}");
    }
}
