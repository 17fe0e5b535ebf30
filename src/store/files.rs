//! The journal file itself before SQLite has it: what lies at its path, making a new one
//! safely, its permissions, and naming it in an SQLite URI.

use std::fs;
use std::io::Read;
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::Path;

use anyhow::{Context, Result, bail};

use super::{FileState, Journal, SQLITE_HEADER, cipher, swap};

/// `path` for an SQLite URI: everything but plain letters, digits and `/._-~` escaped.
pub(super) fn uri_path(path: &Path) -> String {
    use std::os::unix::ffi::OsStrExt;
    let mut out = String::new();
    for &b in path.as_os_str().as_bytes() {
        if b.is_ascii_alphanumeric() || b"/._-~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Makes sure `path` is a place a journal can live (creating an empty file when nothing is
/// there) and tells what it holds.
pub(crate) fn prepare_file(path: &Path) -> Result<FileState> {
    match fs::metadata(path) {
        Ok(meta) if meta.is_dir() => bail!(
            "{} is a folder, not a journal file — give a file path such as {}",
            path.display(),
            path.join("journal.db").display()
        ),
        Ok(meta) if !meta.is_file() => bail!(
            "{} is not a regular file — give the path of a journal file (it is created if missing)",
            path.display()
        ),
        Ok(meta) => {
            if meta.len() == 0 {
                return Ok(FileState::New);
            }
            let mut header = [0u8; 16];
            let read = fs::File::open(path)
                .and_then(|mut f| f.read(&mut header))
                .with_context(|| format!("reading {}", path.display()))?;
            if read == header.len() && &header == SQLITE_HEADER {
                return Ok(FileState::Plain);
            }
            if cipher::looks_encrypted(meta.len(), &header[..read]) {
                return Ok(FileState::Encrypted);
            }
            bail!(
                "{} is not a mend journal (it is not a SQLite database) — nothing was changed; check the path given with --db or MEND_DB",
                path.display()
            )
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if let Some(parent) = path.parent().filter(|p| !p.as_os_str().is_empty())
                && !parent.exists()
            {
                fs::DirBuilder::new()
                        .recursive(true)
                        .mode(0o700)
                        .create(parent)
                        .with_context(|| {
                            format!(
                                "could not create the journal folder {} — check that you may write there, or choose another place with --db",
                                parent.display()
                            )
                        })?;
            }
            Ok(FileState::Missing)
        }
        Err(e) => Err(e).with_context(|| {
            format!(
                "could not reach the journal {} — check the path and its permissions",
                path.display()
            )
        }),
    }
}

/// Makes a complete, empty journal at `path`: built in a temporary file beside it and linked
/// into place only when finished, so a mend starting at the same moment never sees a
/// half-made journal. When another mend wins the race, its journal is used.
pub(crate) fn create_fresh(path: &Path, key: Option<&str>) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let temp = tempfile::Builder::new()
        .prefix(".mend-new-")
        .tempfile_in(dir)
        .with_context(|| {
            format!(
                "could not create the journal in {} — check that you may write there, or choose another place with --db",
                dir.display()
            )
        })?
        .into_temp_path();
    // Closing the only connection folds the log into the file; WAL mode stays recorded.
    drop(Journal::connect(
        &temp,
        FileState::New,
        key.map(str::to_string),
    )?);
    fs::File::open(&temp)?.sync_all()?;
    match temp.persist_noclobber(path) {
        Ok(()) => {}
        Err(e) if e.error.kind() == std::io::ErrorKind::AlreadyExists => {}
        Err(e) => {
            return Err(e.error)
                .with_context(|| format!("could not create the journal {}", path.display()));
        }
    }
    if let Ok(d) = fs::File::open(dir) {
        let _ = d.sync_all();
    }
    Ok(())
}

/// The journal and its WAL companions hold private writing: owner-only, whatever the umask.
pub(super) fn restrict_permissions(path: &Path) {
    let mut names = vec![path.to_path_buf()];
    for suffix in ["-wal", "-shm"] {
        names.push(swap::companion(path, suffix));
    }
    for name in names {
        if let Ok(meta) = fs::metadata(&name)
            && meta.permissions().mode() & 0o077 != 0
        {
            // A read-only location is reported by the first write, not here.
            let _ = fs::set_permissions(&name, fs::Permissions::from_mode(0o600));
        }
    }
}
