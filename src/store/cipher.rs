//! Encryption at rest with SQLCipher: keying a connection, telling an encrypted journal from
//! a file that is no journal at all, and converting between plain and encrypted journals (or
//! to a new passphrase) without leaving a plaintext copy behind and without losing a save
//! made meanwhile.

use std::fs;
use std::path::{Path, PathBuf};

use anyhow::{Context, Result, anyhow, bail};
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};

use super::{APPLICATION_ID, FileState, Journal, migrate, prepare_file, swap, wait};

/// The passphrase from MEND_PASSPHRASE, when set and not empty.
pub fn passphrase_from_env() -> Result<Option<String>> {
    Ok(std::env::var("MEND_PASSPHRASE")
        .ok()
        .filter(|p| !p.is_empty()))
}

/// Whether this build of SQLite can encrypt (it is SQLCipher).
pub fn supported() -> bool {
    Connection::open_in_memory()
        .ok()
        .and_then(|c| {
            c.query_row("PRAGMA cipher_version", [], |r| r.get::<_, String>(0))
                .optional()
                .ok()
                .flatten()
        })
        .is_some()
}

pub fn require_support(path: &Path) -> Result<()> {
    if supported() {
        return Ok(());
    }
    bail!(
        "{} is encrypted (or not a journal at all), and this mend was built without encryption — build it with the default features to open encrypted journals",
        path.display()
    )
}

/// An encrypted journal is whole pages of bytes that look random; a text file, a short file
/// or a file of odd length is something else.
pub fn looks_encrypted(len: u64, header: &[u8]) -> bool {
    let text_like = header
        .iter()
        .all(|b| b.is_ascii_graphic() || b.is_ascii_whitespace());
    len >= 1024 && len.is_multiple_of(1024) && header.len() == 16 && !text_like
}

/// libcrypto, which SQLCipher needs for any key, is opened the first time a key is set (see
/// src/store/lazy_crypto.c and build.rs), so a plain journal never loads it. Asked before each
/// key: a system without it gets one line that says what to install.
#[cfg(mend_lazy_crypto)]
fn crypto_ready() -> Result<()> {
    use std::ffi::{CStr, c_char, c_int};
    unsafe extern "C" {
        fn mend_crypto_load(why: *mut *const c_char) -> c_int;
        fn mend_crypto_library() -> *const c_char;
    }
    let mut why: *const c_char = std::ptr::null();
    // SAFETY: both return NUL-terminated strings that live as long as the process (a string
    // literal, and a static buffer written once, under pthread_once, before it is returned).
    unsafe {
        if mend_crypto_load(&mut why) != 0 {
            return Ok(());
        }
        let library = CStr::from_ptr(mend_crypto_library()).to_string_lossy();
        let why = if why.is_null() {
            String::new()
        } else {
            CStr::from_ptr(why).to_string_lossy().into_owned()
        };
        bail!(
            "encryption needs OpenSSL's {library}, which could not be loaded ({why}) — install it (Debian and Ubuntu: the libssl3 package) and try again"
        )
    }
}

/// Linked in the usual way (or not at all), libcrypto is there whenever mend runs.
#[cfg(not(mend_lazy_crypto))]
fn crypto_ready() -> Result<()> {
    Ok(())
}

/// Keys a fresh connection. SQLCipher's own log lines are switched off first: mend reports
/// a wrong passphrase itself, in one line.
pub fn apply_key(conn: &Connection, key: &str) -> Result<()> {
    crypto_ready()?;
    let _ = conn.execute_batch("PRAGMA cipher_log_level = NONE;");
    conn.pragma_update(None, "key", key)
        .context("setting the journal's passphrase")?;
    Ok(())
}

/// Creates a new, encrypted journal at `path`.
pub fn create(path: &Path, key: &str) -> Result<Journal> {
    if !supported() {
        bail!(
            "this mend was built without encryption, so it cannot create an encrypted journal — build it with the default features"
        );
    }
    match prepare_file(path)? {
        FileState::Missing => {
            super::create_fresh(path, Some(key))?;
            Journal::connect(path, FileState::Encrypted, Some(key.to_string()))
        }
        FileState::New => Journal::connect(path, FileState::New, Some(key.to_string())),
        _ => bail!(
            "{} already holds a journal — `mend encrypt` encrypts an existing one",
            path.display()
        ),
    }
}

/// What a conversion makes of the journal.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Conversion {
    Encrypt,
    Decrypt,
    Rekey,
}

impl Journal {
    /// Encrypts this plain journal in place with `key`. Returns the real file converted (the
    /// journal's path may be a symbolic link to it).
    pub fn encrypt(self, key: &str) -> Result<PathBuf> {
        if !supported() {
            bail!(
                "this mend was built without encryption, so it cannot encrypt — nothing was changed; build it with the default features"
            );
        }
        if self.is_encrypted() {
            bail!(
                "{} is already encrypted — `mend passphrase` changes its passphrase",
                self.path.display()
            );
        }
        self.convert(key, Conversion::Encrypt)
    }

    /// Turns this encrypted journal back into a plain one.
    pub fn decrypt(self) -> Result<PathBuf> {
        if !self.is_encrypted() {
            bail!("{} is not encrypted", self.path.display());
        }
        self.convert("", Conversion::Decrypt)
    }

    /// Changes the passphrase of an encrypted journal: a copy under the new passphrase
    /// replaces it, as for encrypt, so nothing under the old one is left in its log.
    pub fn rekey(&self, new_key: &str) -> Result<PathBuf> {
        if !self.is_encrypted() {
            bail!(
                "{} is not encrypted — `mend encrypt` encrypts it",
                self.path.display()
            );
        }
        self.convert(new_key, Conversion::Rekey)
    }

    /// Copies the journal into a sibling file keyed with `key` ("" for plain), checks the copy,
    /// then puts it in place of the original and removes the original's WAL files. The write
    /// lock is held from before the copy until the new file is in place: the copy is one
    /// snapshot, and a mend that wants to write meanwhile waits, then finds the new file.
    fn convert(&self, key: &str, kind: Conversion) -> Result<PathBuf> {
        // A journal reached through a symbolic link is converted where it really lives; the
        // link keeps pointing at it.
        let real = fs::canonicalize(&self.path)
            .with_context(|| format!("finding the journal {}", self.path.display()))?;
        let dir = real
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."))
            .to_path_buf();
        let holder = self.conn();
        let lock =
            wait::patiently(|| Transaction::new_unchecked(holder, TransactionBehavior::Immediate))
                .map_err(|e| super::describe_write_error(&self.path, e))?;
        if swap::has_moved(holder) {
            bail!(
                "{} was just {} by another mend — nothing was changed{}",
                self.path.display(),
                match kind {
                    Conversion::Rekey => "given a new passphrase",
                    Conversion::Encrypt => "encrypted",
                    Conversion::Decrypt => "decrypted",
                },
                if kind == Conversion::Rekey {
                    "; open it with the new passphrase"
                } else {
                    ""
                }
            );
        }
        // Once the new file is in place this connection belongs to the old one.
        swap::keep_companions(holder);

        let target = tempfile::Builder::new()
            .prefix(swap::CONVERT_PREFIX)
            .tempfile_in(&dir)
            .with_context(|| format!("creating a file beside {}", real.display()))?
            .into_temp_path();
        // The copy is made through a second connection: it reads what is committed, which
        // nobody can change while the lock is held.
        let entries = copy_into(&real, self.key(), &target, key)
            .map_err(|e| super::errors::describe_failure(&self.path, e))
            .context("copying the journal — nothing was changed")?;
        verify(&target, key, entries)?;
        // No mend may open the journal between the rename and the removal of the old log
        // and shared memory: it would pair the new file with the old file's log.
        let swapping = swap::lock_folder(&real, true);
        target.persist(&real).map_err(|e| {
            anyhow!(
                "putting the converted journal in place of {}: {e} — nothing was changed",
                real.display()
            )
        })?;
        for suffix in ["-wal", "-shm"] {
            let _ = fs::remove_file(swap::companion(&real, suffix));
        }
        if let Ok(d) = fs::File::open(&dir) {
            let _ = d.sync_all();
        }
        drop(swapping);
        drop(lock);
        Ok(real)
    }
}

/// Copies the journal at `source` (keyed with `source_key`) into the empty file `target`
/// keyed with `key`; returns how many entries it holds.
fn copy_into(source: &Path, source_key: Option<&str>, target: &Path, key: &str) -> Result<i64> {
    crypto_ready()?;
    super::start();
    let mut conn = Connection::open(source)?;
    wait::install(&mut conn)?;
    if let Some(k) = source_key {
        apply_key(&conn, k)?;
    }
    swap::keep_companions(&conn);
    let version = migrate::user_version(&conn)?;
    let entries: i64 = conn.query_row("SELECT count(*) FROM entries", [], |r| r.get(0))?;
    conn.execute(
        "ATTACH DATABASE ?1 AS converted KEY ?2",
        params![target.to_string_lossy(), key],
    )
    .context("preparing the converted copy")?;
    let exported = conn
        .query_row("SELECT sqlcipher_export('converted')", [], |_| Ok(()))
        .and_then(|_| conn.pragma_update(Some("converted"), "user_version", version))
        .and_then(|_| conn.pragma_update(Some("converted"), "application_id", APPLICATION_ID));
    conn.execute("DETACH DATABASE converted", [])?;
    exported?;
    Ok(entries)
}

/// Opens the converted copy on its own and checks it is whole and holds every entry, then
/// marks it for write-ahead logging like every journal, so the mends waiting to open it need
/// not switch it (which takes the file for themselves).
fn verify(path: &Path, key: &str, entries: i64) -> Result<()> {
    let conn = Connection::open(path)?;
    if !key.is_empty() {
        apply_key(&conn, key)?;
    }
    let check: String = conn.query_row("PRAGMA integrity_check", [], |r| r.get(0))?;
    let copied: i64 = conn.query_row("SELECT count(*) FROM entries", [], |r| r.get(0))?;
    if check != "ok" || copied != entries {
        bail!(
            "the converted copy did not check out ({check}, {copied} of {entries} entries) — nothing was changed"
        );
    }
    let mode: String = conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        bail!("the converted copy could not use write-ahead logging — nothing was changed");
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tells_encrypted_files_from_other_files() {
        assert!(looks_encrypted(
            4096,
            &[
                0x9c, 0x01, 0xff, 0x10, 7, 8, 9, 10, 200, 1, 2, 3, 4, 5, 6, 7
            ]
        ));
        assert!(!looks_encrypted(4096, b"hello, not a db "));
        assert!(!looks_encrypted(4000, &[0x9c; 16]));
        assert!(!looks_encrypted(100, &[0x9c; 16]));
    }

    #[test]
    fn encrypt_rekey_decrypt_round_trip() {
        if !supported() {
            return;
        }
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("journal.db");
        let j = Journal::open(&path).unwrap();
        let entry = crate::model::NewEntry {
            body: "MARKERWORD in a plain journal".into(),
            ..crate::model::NewEntry::on("2026-11-20".parse().unwrap())
        };
        j.insert(&entry, chrono::Utc::now()).unwrap();
        j.encrypt("first secret").unwrap();
        let bytes = fs::read(&path).unwrap();
        assert!(!bytes.windows(10).any(|w| w == b"MARKERWORD"));
        assert!(!dir.path().join("journal.db-wal").exists());

        let wrong = Journal::open_with(&path, &|| Ok(Some("nope".to_string())))
            .err()
            .unwrap()
            .to_string();
        assert!(wrong.contains("passphrase"), "{wrong}");
        let j = Journal::open_with(&path, &|| Ok(Some("first secret".to_string()))).unwrap();
        assert_eq!(j.list(&Default::default()).unwrap().len(), 1);
        j.rekey("second secret").unwrap();
        drop(j);
        let j = Journal::open_with(&path, &|| Ok(Some("second secret".to_string()))).unwrap();
        j.decrypt().unwrap();
        let j = Journal::open(&path).unwrap();
        assert!(!j.is_encrypted());
        assert_eq!(
            j.list(&Default::default()).unwrap()[0].body,
            "MARKERWORD in a plain journal"
        );
    }
}
