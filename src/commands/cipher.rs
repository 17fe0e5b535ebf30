//! `mend init`, `mend encrypt`, `mend decrypt`, `mend passphrase`: encryption at rest.

use std::io::Write;
use std::path::Path;

use anyhow::{Result, bail};

use crate::app::App;
use crate::secret;
use crate::store::{Journal, cipher};

const KEEP_IT_SAFE: &str =
    "Keep the passphrase somewhere safe: without it, nobody can read this journal, you included.";

pub fn init(
    app: &App,
    encrypt: bool,
    passphrase_file: Option<&Path>,
    out: &mut dyn Write,
) -> Result<()> {
    let path = &app.paths.db;
    if path.metadata().is_ok_and(|m| m.len() > 0) {
        bail!(
            "{} already exists — mend uses it as it is; `mend encrypt` encrypts it",
            path.display()
        );
    }
    if encrypt {
        if !cipher::supported() {
            bail!(
                "this mend was built without encryption — build it with the default features to encrypt"
            );
        }
        let key = secret::new(passphrase_file, "MEND_PASSPHRASE")?;
        cipher::create(path, &key)?;
        writeln!(
            out,
            "Created an encrypted journal at {}.\n{KEEP_IT_SAFE}",
            path.display()
        )?;
    } else {
        Journal::open(path)?;
        writeln!(out, "Created a journal at {}.", path.display())?;
    }
    Ok(())
}

pub fn encrypt(
    journal: Journal,
    passphrase_file: Option<&Path>,
    out: &mut dyn Write,
) -> Result<()> {
    if journal.is_encrypted() {
        bail!(
            "{} is already encrypted — `mend passphrase` changes the passphrase",
            journal.path().display()
        );
    }
    if !cipher::supported() {
        bail!(
            "this mend was built without encryption, so nothing was changed — build it with the default features"
        );
    }
    let key = secret::new(passphrase_file, "MEND_PASSPHRASE")?;
    let link = journal.path().to_path_buf();
    let real = journal.encrypt(&key)?;
    writeln!(
        out,
        "Encrypted {}{}; no plain copy was kept.\n{KEEP_IT_SAFE}",
        real.display(),
        reached_through(&link, &real)
    )?;
    Ok(())
}

pub fn decrypt(journal: Journal, out: &mut dyn Write) -> Result<()> {
    let link = journal.path().to_path_buf();
    let real = journal.decrypt()?;
    writeln!(
        out,
        "{}{} is no longer encrypted.",
        real.display(),
        reached_through(&link, &real)
    )?;
    Ok(())
}

/// Names the link when the journal was reached through one, so the message says which file
/// changed.
fn reached_through(link: &Path, real: &Path) -> String {
    if link == real {
        String::new()
    } else {
        format!(" (reached through {})", link.display())
    }
}

pub fn passphrase(journal: &Journal, new_file: Option<&Path>, out: &mut dyn Write) -> Result<()> {
    if !journal.is_encrypted() {
        bail!(
            "{} is not encrypted — `mend encrypt` encrypts it",
            journal.path().display()
        );
    }
    let key = secret::new(new_file, "MEND_NEW_PASSPHRASE")?;
    journal.rekey(&key)?;
    writeln!(out, "The passphrase was changed.\n{KEEP_IT_SAFE}")?;
    Ok(())
}
