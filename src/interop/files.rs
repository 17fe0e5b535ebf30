//! Export files: written to a private temporary file beside the target, flushed to disk, then
//! renamed into place, so a file is either complete or not there. Files are 0600 and new
//! folders 0700; an existing file is replaced only when asked.

use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};
use tempfile::NamedTempFile;

/// Refuses to go on when `path` exists and `force` was not given, or is a folder.
pub fn check_free(path: &Path, force: bool) -> Result<()> {
    match fs::symlink_metadata(path) {
        Ok(meta) if meta.is_dir() => bail!(
            "{} is a folder — give a file name with -o, or use --split to write one file per day into it",
            path.display()
        ),
        Ok(_) if !force => bail!(
            "{} already exists — add --force to replace it (nothing was written)",
            path.display()
        ),
        _ => Ok(()),
    }
}

/// Makes sure `dir` is a folder, creating it (and its parents) as 0700 when missing.
pub fn ensure_folder(dir: &Path) -> Result<()> {
    match fs::metadata(dir) {
        Ok(meta) if meta.is_dir() => Ok(()),
        Ok(_) => bail!(
            "{} is a file, not a folder — --split writes its files into the folder given with -o",
            dir.display()
        ),
        Err(_) => fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .with_context(|| {
                format!(
                    "could not create the folder {} — check that you may write there",
                    dir.display()
                )
            }),
    }
}

/// A file being written; it appears under its name only on [`AtomicFile::commit`].
pub struct AtomicFile {
    out: BufWriter<NamedTempFile>,
    path: PathBuf,
    replace: bool,
}

impl AtomicFile {
    /// Starts writing `path`. With `replace`, an existing file is replaced on commit;
    /// without it, commit fails rather than replace one.
    pub fn create(path: &Path, replace: bool) -> Result<AtomicFile> {
        check_free(path, replace)?;
        let dir = folder_of(path);
        if !dir.is_dir() {
            bail!(
                "the folder {} does not exist — create it first, or choose another place with -o",
                dir.display()
            );
        }
        let temp = tempfile::Builder::new()
            .prefix(".mend-export-")
            .suffix(".tmp")
            .permissions(fs::Permissions::from_mode(0o600))
            .tempfile_in(&dir)
            .with_context(|| {
                format!(
                    "could not write in {} — check that you may write there",
                    dir.display()
                )
            })?;
        Ok(AtomicFile {
            out: BufWriter::new(temp),
            path: path.to_path_buf(),
            replace,
        })
    }

    /// Flushes the file to disk and renames it into place.
    pub fn commit(self) -> Result<()> {
        let path = self.path;
        let temp = self
            .out
            .into_inner()
            .map_err(|e| write_failed(&path, e.error()))?;
        temp.as_file()
            .sync_all()
            .map_err(|e| write_failed(&path, &e))?;
        let placed = if self.replace {
            temp.persist(&path).map(drop)
        } else {
            temp.persist_noclobber(&path).map(drop)
        };
        placed.map_err(|e| {
            if e.error.kind() == io::ErrorKind::AlreadyExists {
                anyhow!(
                    "{} already exists — add --force to replace it",
                    path.display()
                )
            } else {
                write_failed(&path, &e.error)
            }
        })?;
        sync_folder(&folder_of(&path));
        Ok(())
    }
}

impl Write for AtomicFile {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.out.write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

fn write_failed(path: &Path, e: &io::Error) -> anyhow::Error {
    anyhow!(
        "could not write {} ({e}) — check that the disk has room and that you may write there",
        path.display()
    )
}

fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Makes a rename durable. Best effort: some file systems cannot sync a folder.
fn sync_folder(dir: &Path) {
    if let Ok(d) = File::open(dir) {
        let _ = d.sync_all();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mode(p: &Path) -> u32 {
        fs::metadata(p).unwrap().permissions().mode() & 0o777
    }

    #[test]
    fn writes_whole_private_files_and_keeps_existing_ones() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("out.md");
        let mut f = AtomicFile::create(&path, false).unwrap();
        f.write_all(b"hello").unwrap();
        assert!(!path.exists(), "nothing appears before commit");
        f.commit().unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"hello");
        assert_eq!(mode(&path), 0o600);

        let e = AtomicFile::create(&path, false).err().unwrap().to_string();
        assert!(e.contains("already exists") && e.contains("--force"), "{e}");
        let mut f = AtomicFile::create(&path, true).unwrap();
        f.write_all(b"again").unwrap();
        f.commit().unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"again");

        // An abandoned file leaves nothing behind.
        let other = dir.path().join("other.md");
        let mut f = AtomicFile::create(&other, false).unwrap();
        f.write_all(b"half").unwrap();
        drop(f);
        assert!(!other.exists());
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);

        let sub = dir.path().join("a/b");
        ensure_folder(&sub).unwrap();
        assert_eq!(mode(&sub), 0o700);
        assert!(ensure_folder(&path).is_err());
        assert!(check_free(&sub, true).is_err());
    }
}
