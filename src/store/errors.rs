//! Turning SQLite's failures into one calm line: what happened to the journal, in plain
//! words, and what to do next. Raw driver text (error codes, SQL) never reaches a person.

use std::path::{Path, PathBuf};

use anyhow::anyhow;
use rusqlite::ErrorCode;

use super::wait;

/// Below this much free space an I/O error is taken to mean the disk is full: SQLite reports
/// a full disk as "disk I/O error" when it cannot grow its shared-memory file.
const NEARLY_FULL: u64 = 1 << 20;

/// An error as one line for a person: SQLite's numeric codes (the low-level cause under
/// rusqlite's own message) and the text of statements are left out.
pub fn plain_message(e: &anyhow::Error) -> String {
    let mut parts: Vec<String> = Vec::new();
    for cause in e.chain() {
        if cause.downcast_ref::<rusqlite::ffi::Error>().is_some() {
            continue;
        }
        let text = match cause.downcast_ref::<rusqlite::Error>() {
            // rusqlite quotes the whole statement after the message; the message is enough.
            Some(rusqlite::Error::SqlInputError { msg, .. }) => msg.clone(),
            _ => cause.to_string(),
        };
        // An error of mend's own carried through rusqlite shows its text twice otherwise.
        if parts.last() != Some(&text) {
            parts.push(text);
        }
    }
    parts.join(": ").replace(['\n', '\r'], " ")
}

/// Whether `err` means the disk holding `path` has no room left.
pub fn is_disk_full(path: &Path, err: &rusqlite::Error) -> bool {
    match err.sqlite_error_code() {
        Some(ErrorCode::DiskFull) => true,
        Some(ErrorCode::SystemIoFailure) => free_space(path).is_some_and(|free| free < NEARLY_FULL),
        _ => false,
    }
}

/// Whether anything in `e`'s chain of causes means the disk holding `path` is full.
pub fn any_disk_full(path: &Path, e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<rusqlite::Error>()
            .is_some_and(|err| is_disk_full(path, err))
            || cause
                .downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::StorageFull)
    })
}

/// Bytes free for an ordinary user on the file system holding `path`.
fn free_space(path: &Path) -> Option<u64> {
    let dir = path.parent().filter(|p| !p.as_os_str().is_empty())?;
    let stat = rustix::fs::statvfs(dir).ok()?;
    Some(stat.f_bavail.saturating_mul(stat.f_frsize))
}

/// The disk is full: a kind of its own, so that opening can fall back to reading only.
#[derive(Debug, thiserror::Error)]
#[error("the disk holding {} is full — free some space, then try again", .0.display())]
pub struct DiskFull(pub PathBuf);

pub fn disk_full(path: &Path) -> anyhow::Error {
    anyhow!(DiskFull(path.to_path_buf()))
}

pub fn describe_open_error(path: &Path, err: rusqlite::Error) -> anyhow::Error {
    if is_disk_full(path, &err) {
        return disk_full(path);
    }
    match err.sqlite_error_code() {
        Some(ErrorCode::NotADatabase) => anyhow!(
            "{} is not a mend journal (it is not a readable SQLite database) — nothing was changed; check the path given with --db or MEND_DB",
            path.display()
        ),
        Some(ErrorCode::DatabaseCorrupt) => anyhow!(
            "{} looks damaged — nothing was changed; restore it from a backup, or run `sqlite3 {} .recover` on a copy",
            path.display(),
            path.display()
        ),
        Some(ErrorCode::CannotOpen) | Some(ErrorCode::PermissionDenied) => anyhow!(
            "could not open {} — check that the file and its folder are readable and writable by you",
            path.display()
        ),
        Some(ErrorCode::ReadOnly) => anyhow!(
            "{} is read-only — mend needs to write to its journal; check the file's permissions",
            path.display()
        ),
        _ => anyhow!(err).context(format!("opening the journal {}", path.display())),
    }
}

pub fn describe_write_error(path: &Path, err: rusqlite::Error) -> anyhow::Error {
    if is_disk_full(path, &err) {
        return disk_full(path);
    }
    match err.sqlite_error_code() {
        Some(ErrorCode::ReadOnly) => anyhow!("{} is read-only", path.display()),
        Some(ErrorCode::NotADatabase) => anyhow!(
            "{} can no longer be read with this passphrase (it was probably changed by another mend) — use the new passphrase",
            path.display()
        ),
        _ if wait::is_busy(&err) => anyhow!(
            "{} is busy: another mend has held it for more than {} seconds",
            path.display(),
            wait::WRITE_PATIENCE.as_secs()
        ),
        _ => anyhow!(err).context(format!("writing to {}", path.display())),
    }
}

/// A failure inside a write transaction, said plainly where the cause is the disk or the
/// journal file rather than what was being saved.
pub fn describe_failure(path: &Path, e: anyhow::Error) -> anyhow::Error {
    if any_disk_full(path, &e) {
        return disk_full(path);
    }
    let driver = e.chain().find_map(|c| c.downcast_ref::<rusqlite::Error>());
    let text = match driver {
        Some(rusqlite::Error::SqlInputError { msg, .. }) => msg.clone(),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    if let Some(at) = text.find("no such table") {
        let msg = &text[at..];
        return anyhow!(
            "{} is missing part of its tables ({msg}) — nothing was changed; `mend check` shows what is wrong",
            path.display()
        );
    }
    match driver.and_then(rusqlite::Error::sqlite_error_code) {
        Some(ErrorCode::NotADatabase) => anyhow!(
            "{} can no longer be read with this passphrase (it was probably changed by another mend) — use the new passphrase",
            path.display()
        ),
        Some(ErrorCode::ReadOnly) => anyhow!("{} is read-only", path.display()),
        _ => e,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statements_are_not_quoted() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let err = conn
            .prepare("SELECT body FROM entries WHERE id = 1")
            .err()
            .unwrap();
        let plain = plain_message(&anyhow!(err).context("listing"));
        assert_eq!(plain, "listing: no such table: entries");
    }
}
