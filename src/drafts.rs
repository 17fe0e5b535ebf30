//! Drafts: text kept on disk when it could not be saved as an entry, so no word is lost.
//! A draft is a Markdown file with a small front-matter block holding the entry's details,
//! followed by the text exactly as mend read it (even when that is not valid UTF-8).
//!
//! Only files inside mend's drafts folders are drafts: `discard` and `recover` never touch
//! anything else. An editor's temp file left behind by a mend that was killed outright is
//! found too (`leftovers`), so `mend drafts` never says all was saved while one exists.

use std::fs;
use std::io::Write;
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, bail};
use chrono::{DateTime, NaiveDate, Utc};

use crate::model::{Mood, NewEntry, PromptRef};
use crate::store::entries::timestamp;

/// A draft found on disk.
#[derive(Debug, Clone)]
pub struct Draft {
    pub path: PathBuf,
    /// The entry's details; its body is the text when it is valid UTF-8.
    pub entry: NewEntry,
    /// The text as kept, byte for byte.
    pub raw: Vec<u8>,
    /// The entry whose new text this is (`mend edit` whose save failed).
    pub replaces: Option<i64>,
    /// An editor's temp file rather than a draft mend wrote.
    pub leftover: bool,
}

impl Draft {
    /// Where the text stops being UTF-8, if it does.
    pub fn not_utf8_at(&self) -> Option<usize> {
        std::str::from_utf8(&self.raw)
            .err()
            .map(|e| e.valid_up_to())
    }
}

/// What is kept: the entry's details, the text as bytes, and the entry it replaces.
pub struct Keep<'a> {
    pub entry: &'a NewEntry,
    pub raw: &'a [u8],
    pub replaces: Option<i64>,
}

/// Writes a new draft in `dir` (created 0700; the file is 0600) and returns its path.
/// The file is written in full and synced before it takes its final name.
pub fn save(dir: &Path, keep: &Keep, now: DateTime<Utc>) -> Result<PathBuf> {
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .with_context(|| format!("creating the drafts folder {}", dir.display()))?;
    let mut file = tempfile::Builder::new()
        .prefix(".draft-")
        .tempfile_in(dir)
        .with_context(|| format!("creating a draft in {}", dir.display()))?;
    file.write_all(head(keep.entry, keep.replaces).as_bytes())?;
    file.write_all(keep.raw)?;
    // Always one newline more, always one removed when read: the text comes back exactly.
    file.write_all(b"\n")?;
    file.as_file().sync_all()?;
    let stamp = now.format("%Y%m%d-%H%M%S");
    for n in 0..1000 {
        // A fixed-width counter keeps drafts of the same second in the order they were kept.
        let name = format!("draft-{stamp}-{n:03}.md");
        let path = dir.join(name);
        match file.persist_noclobber(&path) {
            Ok(_) => {
                let _ = fs::set_permissions(&path, fs::Permissions::from_mode(0o600));
                return Ok(path);
            }
            Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => file = e.file,
            Err(e) => {
                return Err(e.error)
                    .with_context(|| format!("naming the draft in {}", dir.display()));
            }
        }
    }
    bail!(
        "too many drafts in {} — recover or discard some with `mend drafts`",
        dir.display()
    )
}

/// Tries each folder in turn; returns where the draft went, or every reason it could not.
pub fn save_somewhere(
    dirs: &[PathBuf],
    keep: &Keep,
    now: DateTime<Utc>,
) -> Result<PathBuf, String> {
    let mut reasons = Vec::new();
    for dir in dirs {
        match save(dir, keep, now) {
            Ok(path) => return Ok(path),
            Err(e) => reasons.push(format!("{e:#}")),
        }
    }
    Err(reasons.join("; "))
}

fn is_draft_name(name: &str) -> bool {
    name.starts_with("draft-") && name.ends_with(".md")
}

fn is_leftover_name(name: &str) -> bool {
    name.starts_with("entry-") && name.ends_with(".md")
}

fn files_in(dir: &Path, wanted: fn(&str) -> bool) -> Result<Vec<PathBuf>> {
    let read = match fs::read_dir(dir) {
        Ok(read) => read,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(e).with_context(|| format!("reading the folder {}", dir.display()));
        }
    };
    let mut paths: Vec<PathBuf> = read
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.is_file())
        .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(wanted))
        .collect();
    paths.sort();
    Ok(paths)
}

/// Drafts in `dir`, oldest first. A missing folder simply has none.
pub fn list(dir: &Path) -> Result<Vec<Draft>> {
    files_in(dir, is_draft_name)?
        .into_iter()
        .map(|path| load(&path))
        .collect()
}

/// Editor temp files left in the private `scratch` folder by a mend that was killed while
/// the editor was open. `today` dates them, as the text would have been.
pub fn leftovers(scratch: &Path, today: NaiveDate) -> Result<Vec<Draft>> {
    files_in(scratch, is_leftover_name)?
        .into_iter()
        .map(|path| {
            let bytes = fs::read(&path)
                .with_context(|| format!("reading the editor's file {}", path.display()))?;
            let raw = crate::editor::Template::default().strip(&bytes);
            let mut entry = NewEntry::on(today);
            entry.body = String::from_utf8_lossy(&raw).into_owned();
            Ok(Draft {
                path,
                entry,
                raw,
                replaces: None,
                leftover: true,
            })
        })
        .collect()
}

/// The draft at `path`, which must be a draft (or an editor's leftover file) directly inside
/// one of `dirs` (or `scratch`): anything else is refused, so no other file is touched.
pub fn at(path: &Path, dirs: &[PathBuf], scratch: &Path, today: NaiveDate) -> Result<Draft> {
    let refuse = || {
        anyhow::anyhow!(
            "{} is not one of mend's drafts — `mend drafts` lists them; give its number or its path",
            path.display()
        )
    };
    let real = fs::canonicalize(path).map_err(|_| refuse())?;
    let name = real.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let parent = real.parent().ok_or_else(refuse)?;
    let inside = |dir: &Path| fs::canonicalize(dir).is_ok_and(|d| d == parent);
    if !real.is_file() {
        return Err(refuse());
    }
    if is_draft_name(name) && dirs.iter().any(|d| inside(d)) {
        return load(&real);
    }
    if is_leftover_name(name) && inside(scratch) {
        return leftovers(scratch, today)?
            .into_iter()
            .find(|d| d.path == real)
            .ok_or_else(refuse);
    }
    Err(refuse())
}

pub fn load(path: &Path) -> Result<Draft> {
    let bytes = fs::read(path).with_context(|| format!("reading the draft {}", path.display()))?;
    parse(&bytes)
        .map(|(entry, raw, replaces)| Draft {
            path: path.to_path_buf(),
            entry,
            raw,
            replaces,
            leftover: false,
        })
        .with_context(|| format!("reading the draft {}", path.display()))
}

fn head(entry: &NewEntry, replaces: Option<i64>) -> String {
    let mut s = String::from("---\nmend-draft: 1\n");
    if let Some(id) = replaces {
        s.push_str(&format!("replaces-entry: {id}\n"));
    }
    s.push_str(&format!("day: {}\n", entry.day));
    if let Some(at) = entry.at {
        s.push_str(&format!("at: {}\n", timestamp(at)));
    }
    if let Some(mood) = entry.mood {
        s.push_str(&format!("mood: {}\n", mood.value()));
    }
    if !entry.feelings.is_empty() {
        s.push_str(&format!("feelings: {}\n", entry.feelings.join(", ")));
    }
    if !entry.tags.is_empty() {
        s.push_str(&format!("tags: {}\n", entry.tags.join(", ")));
    }
    if let Some(p) = &entry.prompt {
        s.push_str(&format!("prompt-id: {}\n", one_line(&p.id)));
        if let Some(theme) = &p.theme {
            s.push_str(&format!("prompt-theme: {}\n", one_line(theme)));
        }
        s.push_str(&format!("prompt-text: {}\n", one_line(&p.text)));
    }
    s.push_str("---\n");
    s
}

fn one_line(s: &str) -> String {
    s.replace(['\n', '\r'], " ")
}

type Parsed = (NewEntry, Vec<u8>, Option<i64>);

fn parse(bytes: &[u8]) -> Result<Parsed> {
    let Some(rest) = bytes.strip_prefix(b"---\n") else {
        bail!("it does not start with a --- details block");
    };
    let Some(end) = rest.windows(5).position(|w| w == b"\n---\n") else {
        bail!("its details block is not closed by a --- line");
    };
    let head = std::str::from_utf8(&rest[..end]).context("its details block is not UTF-8")?;
    let body = &rest[end + 5..];
    let raw = body.strip_suffix(b"\n").unwrap_or(body).to_vec();
    let mut entry = NewEntry {
        body: String::from_utf8_lossy(&raw).into_owned(),
        ..NewEntry::on(NaiveDate::MIN)
    };
    let mut prompt = PromptRef {
        id: String::new(),
        text: String::new(),
        theme: None,
    };
    let mut replaces = None;
    let list = |v: &str| crate::model::normalize_labels([v]);
    for line in head.lines() {
        let Some((key, value)) = line.split_once(':') else {
            continue;
        };
        let value = value.trim();
        match key.trim() {
            "day" => {
                entry.day =
                    NaiveDate::parse_from_str(value, "%Y-%m-%d").context("its day is not a date")?
            }
            "at" => {
                entry.at = DateTime::parse_from_rfc3339(value)
                    .ok()
                    .map(|t| t.with_timezone(&Utc))
            }
            "mood" => entry.mood = Mood::parse(value).ok(),
            "feelings" => entry.feelings = list(value),
            "tags" => entry.tags = list(value),
            "prompt-id" => prompt.id = value.to_string(),
            "prompt-theme" => prompt.theme = Some(value.to_string()),
            "prompt-text" => prompt.text = value.to_string(),
            "replaces-entry" => replaces = value.parse().ok(),
            _ => {}
        }
    }
    if entry.day == NaiveDate::MIN {
        bail!("its details block has no day");
    }
    if !prompt.id.is_empty() {
        entry.prompt = Some(prompt);
    }
    Ok((entry, raw, replaces))
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    /// Tests pin the time, as commands do with the injected `now`.
    fn now() -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 11, 20, 21, 30, 0).unwrap()
    }

    #[test]
    fn drafts_round_trip_privately() {
        let dir = tempfile::tempdir().unwrap();
        let drafts = dir.path().join("drafts");
        let entry = NewEntry {
            body: "---\nA line that looks like front matter.\n".into(),
            mood: Mood::new(2),
            feelings: vec!["hurt".into(), "hope".into()],
            tags: vec!["partner".into()],
            prompt: Some(PromptRef {
                id: "feelings/x".into(),
                text: "How are you?".into(),
                theme: Some("feelings".into()),
            }),
            ..NewEntry::on("2026-11-20".parse().unwrap())
        };
        let keep = Keep {
            entry: &entry,
            raw: entry.body.as_bytes(),
            replaces: Some(7),
        };
        let a = save(&drafts, &keep, now()).unwrap();
        let b = save(&drafts, &keep, now()).unwrap();
        assert_ne!(a, b);
        assert_eq!(
            fs::metadata(&a).unwrap().permissions().mode() & 0o777,
            0o600
        );
        assert_eq!(
            fs::metadata(&drafts).unwrap().permissions().mode() & 0o777,
            0o700
        );
        let found = list(&drafts).unwrap();
        assert_eq!(found.len(), 2);
        assert_eq!(found[0].entry.body, entry.body);
        assert_eq!(found[0].entry.mood, entry.mood);
        assert_eq!(found[0].entry.feelings, entry.feelings);
        assert_eq!(found[0].entry.prompt, entry.prompt);
        assert_eq!(found[0].replaces, Some(7));
    }

    #[test]
    fn raw_bytes_are_kept_as_they_were() {
        let dir = tempfile::tempdir().unwrap();
        let entry = NewEntry::on("2026-11-20".parse().unwrap());
        let raw = b"caf\xe9 au lait".to_vec();
        let keep = Keep {
            entry: &entry,
            raw: &raw,
            replaces: None,
        };
        let path = save(dir.path(), &keep, now()).unwrap();
        let draft = load(&path).unwrap();
        assert_eq!(draft.raw, raw);
        assert_eq!(draft.not_utf8_at(), Some(3));
    }

    #[test]
    fn only_files_in_the_drafts_folders_are_drafts() {
        let dir = tempfile::tempdir().unwrap();
        let drafts = dir.path().join("drafts");
        let scratch = dir.path().join("scratch");
        fs::create_dir_all(&scratch).unwrap();
        let today = "2026-11-20".parse().unwrap();
        let entry = NewEntry::on(today);
        let keep = Keep {
            entry: &entry,
            raw: b"kept",
            replaces: None,
        };
        let real = save(&drafts, &keep, now()).unwrap();
        let dirs = vec![drafts.clone()];
        assert!(at(&real, &dirs, &scratch, today).is_ok());
        // The same content elsewhere, even named like a draft, is not a draft.
        let elsewhere = dir.path().join("draft-20261120-000000-000.md");
        fs::copy(&real, &elsewhere).unwrap();
        assert!(at(&elsewhere, &dirs, &scratch, today).is_err());
        // A file in the drafts folder that is not named as mend names drafts is not one.
        let note = drafts.join("notes.md");
        fs::write(&note, "---\nday: 2026-11-20\n---\nmine\n").unwrap();
        assert!(at(&note, &dirs, &scratch, today).is_err());
        let leftover = scratch.join("entry-abc.md");
        fs::write(
            &leftover,
            format!("typed\n\n{}\n# x\n", crate::editor::CUT_LINE),
        )
        .unwrap();
        let found = at(&leftover, &dirs, &scratch, today).unwrap();
        assert_eq!(found.raw, b"typed");
        assert!(found.leftover);
    }
}
