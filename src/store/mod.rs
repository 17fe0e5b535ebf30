//! The journal file: opening it safely (checks, permissions, pragmas) and write transactions.
//! This module and its children are the only code that speaks SQL.

pub mod analysis;
pub mod cipher;
pub mod entries;
mod errors;
mod files;
pub mod interop;
pub mod label_ids;
pub mod maintenance;
pub mod migrate;
pub mod moments;
pub mod prompts;
pub mod purge;
#[cfg(feature = "encryption")]
pub mod random;
pub mod refs;
pub mod report;
pub mod reviews;
pub mod schema;
pub mod search;
pub mod summary;
pub mod summary_days;
mod summary_runs;
mod swap;
mod trash;
mod wait;
pub mod walks;
pub mod zones;

use std::cell::OnceCell;
use std::fs;
use std::path::{Path, PathBuf};
use std::sync::Once;

use anyhow::{Result, anyhow, bail};
use rusqlite::{Connection, OpenFlags, Transaction, TransactionBehavior};

pub use entries::Filter;
pub use errors::{DiskFull, plain_message};
pub(crate) use errors::{describe_open_error, describe_write_error};
pub(crate) use files::{create_fresh, prepare_file};
use files::{restrict_permissions, uri_path};

/// Starts SQLite, once, on the first thread to open a journal, before any connection is made.
///
/// SQLite marks itself started before SQLCipher's own start-up has finished, and that start-up
/// is what gives every later connection `sqlcipher_export` (which encrypting and decrypting
/// use). A second thread opening a connection in that moment would get one without it. Here
/// the first caller starts SQLite whole while any other waits. mend opens journals from one
/// thread, so this matters to programs (and tests) that use the store from several.
pub fn start() {
    static STARTED: Once = Once::new();
    STARTED.call_once(|| {
        // SAFETY: sqlite3_initialize may be called at any time and from any thread; SQLite
        // makes a second call a no-op. Its result is seen again by the first open, which
        // reports it.
        unsafe {
            rusqlite::ffi::sqlite3_initialize();
        }
    });
}

/// `PRAGMA application_id` of a mend journal: "MEND" in ASCII.
pub const APPLICATION_ID: i32 = 0x4d45_4e44;

const SQLITE_HEADER: &[u8; 16] = b"SQLite format 3\0";

/// An open journal. Commands receive `&Journal`; they never open files themselves.
pub struct Journal {
    path: PathBuf,
    /// The file as it was opened, and after it the files that replaced it.
    /// (Taken out only by [`Journal::into_first`], when a journal is opened to follow another.)
    first: Option<Link>,
    /// Opened for reading only because the disk is full: every write is refused, plainly.
    full_disk: bool,
    /// Leftovers of interrupted conversions removed when the journal was opened.
    cleaned: Vec<PathBuf>,
    /// Held while the connections close (fields drop in order, this one last).
    closing: Option<swap::FolderLock>,
}

impl Drop for Journal {
    fn drop(&mut self) {
        if self.path == Path::new(":memory:") {
            return;
        }
        // No conversion may rename a file into place between the check below and the close.
        self.closing = swap::lock_folder(&self.path, false);
        let mut link = self.first.as_ref();
        while let Some(l) = link {
            if swap::has_moved(&l.conn) {
                swap::keep_companions(&l.conn);
            }
            link = l.next.get().map(|b| &**b);
        }
    }
}

/// One connection to one journal file, with the passphrase it was opened with.
pub(crate) struct Link {
    conn: Connection,
    /// The passphrase of an encrypted journal (kept for backups, which must use the same key).
    key: Option<String>,
    /// The journal reopened after another mend replaced this file (encrypted, decrypted or
    /// changed its passphrase) while this one waited to write.
    next: OnceCell<Box<Link>>,
}

impl Drop for Link {
    fn drop(&mut self) {
        // Closing the last connection to a replaced file would remove the new file's log.
        if swap::has_moved(&self.conn) {
            swap::keep_companions(&self.conn);
        }
    }
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
        // A conversion may rename a new file into place while this one is being opened; the
        // file that was opened must be the one at the path.
        let mut attempts = 0;
        let mut journal = loop {
            attempts += 1;
            let mut state = prepare_file(path)?;
            if state == FileState::Missing {
                create_fresh(path, None)?;
                state = prepare_file(path)?;
            }
            // Asked before the folder lock is taken: a person may take their time to type.
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
            let opening = swap::lock_folder(path, false);
            if prepare_file(path)? != state && attempts < 3 {
                // Encrypted or decrypted meanwhile: look again.
                continue;
            }
            let journal = Journal::connect(path, state, key)?;
            drop(opening);
            if attempts >= 3 || !swap::has_moved(&journal.root().conn) {
                break journal;
            }
        };
        journal.tidy();
        Ok(journal)
    }

    /// Opens `path` (already prepared) with an optional key and brings it up to date. On a
    /// full disk, where SQLite cannot make the shared-memory file it needs, the journal is
    /// opened for reading only.
    pub(crate) fn connect(path: &Path, state: FileState, key: Option<String>) -> Result<Journal> {
        match Journal::connect_writable(path, state, key.clone()) {
            Err(e)
                if e.downcast_ref::<DiskFull>().is_some()
                    && matches!(state, FileState::Plain | FileState::Encrypted) =>
            {
                Journal::connect_full_disk(path, key).map_err(|_| e)
            }
            other => other,
        }
    }

    fn connect_writable(path: &Path, state: FileState, key: Option<String>) -> Result<Journal> {
        start();
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
        let journal = Journal::around(path, conn, key);
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

    /// Reads the journal as it was last folded into its main file (`immutable`: no locks, no
    /// shared memory), which works on a full disk. Only when no log is waiting to be folded in,
    /// or what is shown would be out of date.
    fn connect_full_disk(path: &Path, key: Option<String>) -> Result<Journal> {
        start();
        if fs::metadata(swap::companion(path, "-wal")).is_ok_and(|m| m.len() > 0) {
            bail!("the journal's log is not folded in");
        }
        let uri = format!("file:{}?immutable=1", uri_path(path));
        let conn = Connection::open_with_flags(
            uri,
            OpenFlags::SQLITE_OPEN_READ_ONLY
                | OpenFlags::SQLITE_OPEN_URI
                | OpenFlags::SQLITE_OPEN_NO_MUTEX,
        )?;
        if let Some(key) = &key {
            cipher::apply_key(&conn, key)?;
        }
        let mut journal = Journal::around(path, conn, key);
        journal.full_disk = true;
        journal.ensure_mend_database()?;
        if migrate::user_version(journal.conn())? != migrate::LATEST {
            bail!("the journal needs an update, which needs room on the disk");
        }
        Ok(journal)
    }

    fn around(path: &Path, conn: Connection, key: Option<String>) -> Journal {
        Journal {
            path: path.to_path_buf(),
            first: Some(Link {
                conn,
                key,
                next: OnceCell::new(),
            }),
            full_disk: false,
            cleaned: Vec::new(),
            closing: None,
        }
    }

    /// The file as it was opened.
    fn root(&self) -> &Link {
        self.first
            .as_ref()
            .expect("a journal keeps its connection until it is dropped")
    }

    /// The connection of a journal opened to replace another's.
    fn into_first(mut self) -> Link {
        self.first
            .take()
            .expect("a journal keeps its connection until it is dropped")
    }

    /// The connection in use: the file as opened, or the one that replaced it.
    fn link(&self) -> &Link {
        let mut link = self.root();
        while let Some(next) = link.next.get() {
            link = next;
        }
        link
    }

    /// Removes what interrupted conversions left beside the journal (a killed decrypt leaves
    /// the whole journal in plaintext there). Only while holding the write lock, since a
    /// running conversion makes its copy under that lock; when the lock is taken, the next
    /// mend tidies up.
    fn tidy(&mut self) {
        if self.full_disk {
            return;
        }
        let found = swap::leftovers(&self.path);
        if found.is_empty() {
            return;
        }
        let conn = &self.root().conn;
        let Ok(lock) = Transaction::new_unchecked(conn, TransactionBehavior::Immediate) else {
            return;
        };
        let cleaned = if swap::has_moved(conn) {
            Vec::new()
        } else {
            swap::remove(swap::leftovers(&self.path)).0
        };
        drop(lock);
        self.cleaned = cleaned;
    }

    /// Files left by interrupted conversions that opening the journal removed.
    pub fn cleaned(&self) -> &[PathBuf] {
        &self.cleaned
    }

    /// Whether the journal is encrypted at rest.
    pub fn is_encrypted(&self) -> bool {
        self.link().key.is_some()
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    pub(crate) fn key(&self) -> Option<&str> {
        self.link().key.as_deref()
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
        start();
        let journal = Journal::around(Path::new(":memory:"), Connection::open_in_memory()?, None);
        journal.configure(true)?;
        Ok(journal)
    }

    fn configure(&self, created: bool) -> Result<()> {
        let conn = self.conn();
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
            .conn()
            .pragma_query_value(None, "application_id", |r| r.get(0))
            .map_err(|e| describe_open_error(&self.path, e))?;
        if app_id == APPLICATION_ID {
            return Ok(());
        }
        if app_id != 0 {
            return Err(not_mend());
        }
        let objects: i64 = self
            .conn()
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
        let version = migrate::user_version(self.conn())?;
        if version != migrate::LATEST {
            self.write(|tx| {
                let version = migrate::user_version(tx)?;
                migrate::apply(tx, version).map_err(|e| self.partial_schema(&plain_message(&e)))?;
                tx.pragma_update(None, "application_id", APPLICATION_ID)?;
                Ok(())
            })
            .map_err(|e| {
                if e.to_string().contains("is marked as a mend journal") {
                    e
                } else {
                    e.context(format!("preparing the journal {}", self.path.display()))
                }
            })?;
        }
        // A file marked as a journal whose tables are gone would fail every command with
        // SQLite's words; say it once, here.
        let missing = schema::missing_tables(self.conn())?;
        if !missing.is_empty() {
            return Err(self.partial_schema(&format!("missing {}", missing.join(", "))));
        }
        Ok(())
    }

    fn partial_schema(&self, what: &str) -> anyhow::Error {
        anyhow!(
            "{} is marked as a mend journal but its tables are incomplete ({what}) — nothing was changed; restore it from a backup",
            self.path.display()
        )
    }

    /// Runs `f` inside a `BEGIN IMMEDIATE` transaction: the write lock is taken up front, so
    /// concurrent writers wait their turn instead of failing mid-way. When the lock comes
    /// with a file that another mend has meanwhile replaced (a conversion), the new file is
    /// opened and the write goes there.
    pub fn write<T>(&self, f: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        if self.full_disk {
            return Err(errors::disk_full(&self.path));
        }
        let mut link = self.link();
        let mut tx = self.begin(link)?;
        let mut follows = 0;
        while swap::has_moved(&link.conn) {
            drop(tx);
            follows += 1;
            if follows > 5 {
                bail!(
                    "{} was replaced again and again while this mend waited — nothing was saved; try again",
                    self.path.display()
                );
            }
            swap::keep_companions(&link.conn);
            link = self.follow(link)?;
            tx = self.begin(link)?;
        }
        let value = f(&tx).map_err(|e| errors::describe_failure(&self.path, e))?;
        // The summary's per-day counts of whatever this transaction changed.
        summary_days::refresh(&tx).map_err(|e| errors::describe_failure(&self.path, e))?;
        tx.commit()
            .map_err(|e| describe_write_error(&self.path, e))?;
        Ok(value)
    }

    fn begin<'a>(&self, link: &'a Link) -> Result<Transaction<'a>> {
        wait::patiently(|| Transaction::new_unchecked(&link.conn, TransactionBehavior::Immediate))
            .map_err(|e| describe_write_error(&self.path, e))
    }

    /// Opens the file that replaced the one `moved` has open.
    fn follow<'a>(&self, moved: &'a Link) -> Result<&'a Link> {
        let path = &self.path;
        let opening = swap::lock_folder(path, false);
        let state = prepare_file(path)?;
        let old_key = moved.key.clone();
        let key = match state {
            FileState::Encrypted => match old_key.clone().or(cipher::passphrase_from_env()?) {
                Some(key) => Some(key),
                None => bail!(
                    "{} was encrypted by another mend while this one waited — nothing was saved; give its passphrase in MEND_PASSPHRASE, or run mend on a terminal, and try again",
                    path.display()
                ),
            },
            FileState::Plain => None,
            _ => bail!(
                "{} was replaced while this mend waited and is no longer a journal — nothing was saved; check the file",
                path.display()
            ),
        };
        let journal = Journal::connect(path, state, key.clone()).map_err(|e| {
            if state == FileState::Encrypted && key == old_key && old_key.is_some() {
                anyhow!(
                    "the passphrase of {} was changed by another mend while this one waited — nothing was saved; use the new passphrase",
                    path.display()
                )
            } else {
                e
            }
        })?;
        drop(opening);
        let first = journal.into_first();
        Ok(moved.next.get_or_init(|| Box::new(first)))
    }

    pub(crate) fn conn(&self) -> &Connection {
        &self.link().conn
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::os::unix::fs::PermissionsExt;

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
