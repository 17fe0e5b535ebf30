//! The journal file: opening it safely (checks, permissions, pragmas) and write transactions.
//! This module and its children are the only code that speaks SQL.

pub mod analysis;
pub mod cipher;
pub mod entries;
pub mod interop;
pub mod maintenance;
pub mod migrate;
pub mod moments;
pub mod prompts;
pub mod refs;
pub mod report;
pub mod summary;
mod wait;

use std::fs;
use std::io::Read;
use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};
use rusqlite::{Connection, ErrorCode, OpenFlags, Transaction, TransactionBehavior};

pub use entries::Filter;

/// `PRAGMA application_id` of a mend journal: "MEND" in ASCII.
pub const APPLICATION_ID: i32 = 0x4d45_4e44;

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// An open journal. Commands receive `&Journal`; they never open files themselves.
pub struct Journal {
    conn: Connection,
    path: PathBuf,
    /// The passphrase of an encrypted journal (kept for backups, which must use the same key).
    key: Option<String>,
}

/// What lies at a journal's path before it is opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileState {
    /// Nothing there yet (its folder exists).
    Missing,
    /// An empty file: a new journal.
    New,
    /// A plain SQLite database.
    Plain,
    /// Not a plain database, but shaped like an encrypted one (whole pages of random bytes).
    Encrypted,
}

/// Where a passphrase comes from when an encrypted journal is opened: asked only then.
pub type PassphraseSource<'a> = &'a dyn Fn() -> Result<Option<String>>;

impl Journal {
    /// Opens the journal at `path`, creating it (folder 0700, file 0600) when it does not exist.
    /// A path that holds anything other than a mend journal is reported and left untouched.
    /// An encrypted journal takes its passphrase from MEND_PASSPHRASE.
    pub fn open(path: &Path) -> Result<Journal> {
        Journal::open_with(path, &cipher::passphrase_from_env)
    }

    /// Opens the journal, asking `passphrase` for the key if it turns out to be encrypted.
    pub fn open_with(path: &Path, passphrase: PassphraseSource) -> Result<Journal> {
        let mut state = prepare_file(path)?;
        if state == FileState::Missing {
            create_fresh(path, None)?;
            state = prepare_file(path)?;
        }
        let key = match state {
            FileState::Encrypted => {
                cipher::require_support(path)?;
                Some(passphrase()?.ok_or_else(|| {
                    anyhow!(
                        "{} is encrypted — give its passphrase in MEND_PASSPHRASE or with --passphrase-file, or run mend on a terminal to be asked",
                        path.display()
                    )
                })?)
            }
            _ => None,
        };
        Journal::connect(path, state, key)
    }

    /// Opens `path` (already prepared) with an optional key and brings it up to date.
    pub(crate) fn connect(path: &Path, state: FileState, key: Option<String>) -> Result<Journal> {
        let mut conn = Connection::open_with_flags(
            path,
            OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )
        .map_err(|e| describe_open_error(path, e))?;
        wait::install(&mut conn)?;
        // Saving an entry with its labels and analysis uses about twenty statements; the
        // default cache of sixteen would prepare some of them afresh for every entry.
        conn.set_prepared_statement_cache_capacity(64);
        if let Some(key) = &key {
            cipher::apply_key(&conn, key)?;
        }
        let journal = Journal {
            conn,
            path: path.to_path_buf(),
            key,
        };
        journal.configure(state == FileState::New).map_err(|e| {
            if state == FileState::Encrypted && e.to_string().contains("is not a mend journal") {
                anyhow!(
                    "{} could not be opened with this passphrase — check the passphrase and try again; nothing was changed",
                    path.display()
                )
            } else {
                e
            }
        })?;
        restrict_permissions(path);
        Ok(journal)
    }

    /// Whether the journal is encrypted at rest.
    pub fn is_encrypted(&self) -> bool {
        self.key.is_some()
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub(crate) fn key(&self) -> Option<&str> {
        self.key.as_deref()
    }

    /// Opens the journal only if it already exists (for commands that must never create one).
    pub fn open_existing(path: &Path) -> Result<Option<Journal>> {
        if !path.is_file() {
            return Ok(None);
        }
        Journal::open(path).map(Some)
    }

    /// A journal that lives in memory only, for tests.
    #[cfg(test)]
    pub fn open_in_memory() -> Result<Journal> {
        let journal = Journal {
            conn: Connection::open_in_memory()?,
            path: PathBuf::from(":memory:"),
            key: None,
        };
        journal.configure(true)?;
        Ok(journal)
    }

    fn configure(&self, created: bool) -> Result<()> {
        let conn = &self.conn;
        // Identify the file before changing anything in it: WAL mode rewrites the header.
        if !created {
            self.ensure_mend_database()?;
            migrate::refuse_newer(migrate::user_version(conn)?)?;
        }
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let mode: String = conn
            .pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))
            .map_err(|e| describe_open_error(&self.path, e))?;
        if !mode.eq_ignore_ascii_case("wal") && self.path != Path::new(":memory:") {
            bail!(
                "could not switch {} to write-ahead logging (got {mode}) — check that its folder is writable",
                self.path.display()
            );
        }
        conn.pragma_update(None, "synchronous", "FULL")?;
        self.migrate()
    }

    fn ensure_mend_database(&self) -> Result<()> {
        let not_mend = || {
            anyhow!(
                "{} is a SQLite database but not a mend journal — nothing was changed; point --db or MEND_DB at a mend journal or a new file",
                self.path.display()
            )
        };
        let app_id: i32 = self
            .conn
            .pragma_query_value(None, "application_id", |r| r.get(0))
            .map_err(|e| describe_open_error(&self.path, e))?;
        if app_id == APPLICATION_ID {
            return Ok(());
        }
        if app_id != 0 {
            return Err(not_mend());
        }
        let objects: i64 = self
            .conn
            .query_row("SELECT count(*) FROM sqlite_master", [], |r| r.get(0))
            .map_err(|e| describe_open_error(&self.path, e))?;
        if objects > 0 {
            return Err(not_mend());
        }
        Ok(())
    }

    fn migrate(&self) -> Result<()> {
        // `migrate` takes the write lock only when the schema is behind, so opening an
        // up-to-date journal costs one pragma read.
        let version = migrate::user_version(&self.conn)?;
        if version == migrate::LATEST {
            return Ok(());
        }
        self.write(|tx| {
            let version = migrate::user_version(tx)?;
            migrate::apply(tx, version)?;
            tx.pragma_update(None, "application_id", APPLICATION_ID)?;
            Ok(())
        })
        .with_context(|| format!("preparing the journal {}", self.path.display()))
    }

    /// Runs `f` inside a `BEGIN IMMEDIATE` transaction: the write lock is taken up front, so
    /// concurrent writers wait their turn instead of failing mid-way.
    pub fn write<T>(&self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let tx = wait::patiently(|| {
            Transaction::new_unchecked(&self.conn, TransactionBehavior::Immediate)
        })
        .map_err(|e| describe_write_error(&self.path, e))?;
        let value = f(&tx)?;
        tx.commit()
            .map_err(|e| describe_write_error(&self.path, e))?;
        Ok(value)
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }
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
fn restrict_permissions(path: &Path) {
    let mut names = vec![path.to_path_buf()];
    for suffix in ["-wal", "-shm"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        names.push(PathBuf::from(name));
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

/// An error as one line for a person: SQLite's numeric codes (the low-level cause under
/// rusqlite's own message) are left out.
pub fn plain_message(e: &anyhow::Error) -> String {
    e.chain()
        .filter(|cause| cause.downcast_ref::<rusqlite::ffi::Error>().is_none())
        .map(|cause| cause.to_string())
        .collect::<Vec<_>>()
        .join(": ")
        .replace(['\n', '\r'], " ")
}

fn describe_open_error(path: &Path, err: rusqlite::Error) -> anyhow::Error {
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

pub(crate) fn describe_write_error(path: &Path, err: rusqlite::Error) -> anyhow::Error {
    match err.sqlite_error_code() {
        Some(ErrorCode::DiskFull) => anyhow!("the disk holding {} is full", path.display()),
        Some(ErrorCode::ReadOnly) => anyhow!("{} is read-only", path.display()),
        _ if wait::is_busy(&err) => anyhow!(
            "{} is busy: another mend has held it for more than {} seconds",
            path.display(),
            wait::WRITE_PATIENCE.as_secs()
        ),
        _ => anyhow!(err).context(format!("writing to {}", path.display())),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn creates_private_files_and_refuses_foreign_ones() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/journal.db");
        let journal = Journal::open(&path).unwrap();
        drop(journal);
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&path), 0o600);
        assert_eq!(mode(&dir.path().join("sub")), 0o700);
        // Reopening an existing journal works.
        Journal::open(&path).unwrap();

        let text = dir.path().join("notes.txt");
        fs::write(&text, "hello, this is not a database at all").unwrap();
        let err = Journal::open(&text).err().unwrap().to_string();
        assert!(err.contains("not a mend journal"), "{err}");
        assert_eq!(
            fs::read(&text).unwrap(),
            b"hello, this is not a database at all"
        );

        let other = dir.path().join("other.db");
        Connection::open(&other)
            .unwrap()
            .execute_batch("CREATE TABLE t(x)")
            .unwrap();
        let before = fs::read(&other).unwrap();
        let err = Journal::open(&other).err().unwrap().to_string();
        assert!(err.contains("not a mend journal"), "{err}");
        assert_eq!(fs::read(&other).unwrap(), before);

        let err = Journal::open(dir.path()).err().unwrap().to_string();
        assert!(err.contains("is a folder"), "{err}");
    }
}
