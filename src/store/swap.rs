//! A journal file replaced while mends have it open. Encrypt, decrypt and passphrase build a
//! converted copy and rename it over the journal; every mend that still holds the old file
//! must notice before it writes (or its save would land in a file nobody will read), and
//! must not, when it closes, remove the write-ahead log that now belongs to the new file.
//! Leftovers of conversions that were killed half-way are found and removed here too.

use std::fs;
use std::os::fd::OwnedFd;
use std::path::{Path, PathBuf};

use rusqlite::{Connection, FileControl, MAIN_DB};

/// The prefix of a conversion's copy beside the journal, while it is being made.
pub const CONVERT_PREFIX: &str = ".mend-convert-";

/// Whether the file `conn` has open is no longer the one at its path (renamed over,
/// moved or deleted since it was opened).
pub fn has_moved(conn: &Connection) -> bool {
    let mut moved = 0;
    conn.file_control(Some(MAIN_DB), FileControl::HasMoved(&mut moved))
        .is_ok()
        && moved != 0
}

/// SQLite removes the `-wal` and `-shm` files by name when the last connection to a file
/// closes. Once the file was replaced those names belong to the new journal, so a connection
/// to the old file must keep its hands off them.
pub fn keep_companions(conn: &Connection) {
    let mut persist = 1;
    let _ = conn.file_control(Some(MAIN_DB), FileControl::PersistWal(&mut persist));
}

/// A lock on the journal's folder (`flock`). Opening a journal takes it shared until SQLite
/// has the file, its log and its shared memory open, and so does closing one; a conversion
/// takes it exclusive while it renames the new file into place and removes the old file's
/// log and shared memory. So no mend ever pairs the new file with the old file's log.
pub struct FolderLock(#[allow(dead_code)] OwnedFd);

/// Takes the folder lock (waiting for it). `None` when the folder cannot be opened: the lock
/// is a safeguard, and a journal in such a folder is still worked with.
pub fn lock_folder(path: &Path, exclusive: bool) -> Option<FolderLock> {
    use rustix::fs::{FlockOperation, Mode, OFlags};
    let fd = rustix::fs::open(
        real_dir(path),
        OFlags::RDONLY | OFlags::DIRECTORY | OFlags::CLOEXEC,
        Mode::empty(),
    )
    .ok()?;
    let operation = if exclusive {
        FlockOperation::LockExclusive
    } else {
        FlockOperation::LockShared
    };
    loop {
        match rustix::fs::flock(&fd, operation) {
            Ok(()) => return Some(FolderLock(fd)),
            Err(rustix::io::Errno::INTR) => continue,
            Err(_) => return None,
        }
    }
}

/// `path` with `suffix` appended to its file name (`-wal`, `-shm`).
pub fn companion(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

/// The folder the real journal file lives in (through any symbolic link).
pub fn real_dir(path: &Path) -> PathBuf {
    let real = fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf());
    real.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
        .to_path_buf()
}

/// Files an interrupted conversion left beside the journal: its copy (plaintext, after a
/// killed decrypt) and that copy's rollback journal.
pub fn leftovers(path: &Path) -> Vec<PathBuf> {
    let Ok(read) = fs::read_dir(real_dir(path)) else {
        return Vec::new();
    };
    let mut found: Vec<PathBuf> = read
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().starts_with(CONVERT_PREFIX))
        .map(|e| e.path())
        .collect();
    found.sort();
    found
}

/// Removes `files`; returns those that are gone now and those that could not be removed.
pub fn remove(files: Vec<PathBuf>) -> (Vec<PathBuf>, Vec<PathBuf>) {
    let mut removed = Vec::new();
    let mut stuck = Vec::new();
    for file in files {
        match fs::remove_file(&file) {
            Ok(()) => removed.push(file),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
            Err(_) => stuck.push(file),
        }
    }
    (removed, stuck)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_renamed_over_is_noticed() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("j.db");
        let conn = Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE t(x)").unwrap();
        assert!(!has_moved(&conn));
        let other = dir.path().join("other.db");
        fs::write(&other, b"").unwrap();
        fs::rename(&other, &path).unwrap();
        assert!(has_moved(&conn));
    }

    #[test]
    fn leftovers_are_found_beside_the_real_file() {
        let dir = tempfile::tempdir().unwrap();
        let real = dir.path().join("real");
        fs::create_dir(&real).unwrap();
        fs::write(real.join("journal.db"), b"").unwrap();
        fs::write(real.join(".mend-convert-abc"), b"x").unwrap();
        std::os::unix::fs::symlink(real.join("journal.db"), dir.path().join("link.db")).unwrap();
        let found = leftovers(&dir.path().join("link.db"));
        assert_eq!(found.len(), 1);
        let (removed, stuck) = remove(found);
        assert_eq!((removed.len(), stuck.len()), (1, 0));
        assert!(leftovers(&real.join("journal.db")).is_empty());
    }
}
