//! Drafts: text kept on disk when it could not be saved as an entry, so no word is lost.
//! A draft is a Markdown file with a small front-matter block holding the entry's details.

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
    pub entry: NewEntry,
}

/// Writes `entry` as a new draft in `dir` (created 0700; the file is 0600) and returns its path.
/// The file is written in full and synced before it takes its final name.
pub fn save(dir: &Path, entry: &NewEntry, now: DateTime<Utc>) -> Result<PathBuf> {
    fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .with_context(|| format!("creating the drafts folder {}", dir.display()))?;
    let mut file = tempfile::Builder::new()
        .prefix(".draft-")
        .tempfile_in(dir)
        .with_context(|| format!("creating a draft in {}", dir.display()))?;
    file.write_all(render(entry).as_bytes())?;
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
    entry: &NewEntry,
    now: DateTime<Utc>,
) -> Result<PathBuf, String> {
    let mut reasons = Vec::new();
    for dir in dirs {
        match save(dir, entry, now) {
            Ok(path) => return Ok(path),
            Err(e) => reasons.push(format!("{e:#}")),
        }
    }
    Err(reasons.join("; "))
}

/// Drafts in `dir`, oldest first. A missing folder simply has none.
pub fn list(dir: &Path) -> Result<Vec<Draft>> {
    let read = match fs::read_dir(dir) {
        Ok(read) => read,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => {
            return Err(e).with_context(|| format!("reading the drafts folder {}", dir.display()));
        }
    };
    let mut paths: Vec<PathBuf> = read
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("draft-") && n.ends_with(".md"))
        })
        .collect();
    paths.sort();
    paths
        .into_iter()
        .map(|path| load(&path).map(|entry| Draft { path, entry }))
        .collect()
}

pub fn load(path: &Path) -> Result<NewEntry> {
    let bytes = fs::read(path).with_context(|| format!("reading the draft {}", path.display()))?;
    let text = String::from_utf8_lossy(&bytes);
    parse(&text).with_context(|| format!("reading the draft {}", path.display()))
}

fn render(entry: &NewEntry) -> String {
    let mut s = String::from("---\nmend-draft: 1\n");
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
    s.push_str(&entry.body);
    if !entry.body.ends_with('\n') {
        s.push('\n');
    }
    s
}

fn one_line(s: &str) -> String {
    s.replace(['\n', '\r'], " ")
}

fn parse(text: &str) -> Result<NewEntry> {
    let Some(rest) = text.strip_prefix("---\n") else {
        bail!("it does not start with a --- details block");
    };
    let Some(end) = rest.find("\n---\n") else {
        bail!("its details block is not closed by a --- line");
    };
    let (head, body) = (&rest[..end], &rest[end + 5..]);
    let mut entry = NewEntry {
        body: body.strip_suffix('\n').unwrap_or(body).to_string(),
        ..NewEntry::on(Utc::now().date_naive())
    };
    let mut prompt = PromptRef {
        id: String::new(),
        text: String::new(),
        theme: None,
    };
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
            _ => {}
        }
    }
    if !prompt.id.is_empty() {
        entry.prompt = Some(prompt);
    }
    Ok(entry)
}

#[cfg(test)]
mod tests {
    use super::*;

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
        let now = Utc::now();
        let a = save(&drafts, &entry, now).unwrap();
        let b = save(&drafts, &entry, now).unwrap();
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
        assert_eq!(found[0].entry.body, entry.body.trim_end_matches('\n'));
        assert_eq!(found[0].entry.mood, entry.mood);
        assert_eq!(found[0].entry.feelings, entry.feelings);
        assert_eq!(found[0].entry.prompt, entry.prompt);
    }
}
