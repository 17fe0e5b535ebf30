//! Where passphrases come from: a file given on the command line, the environment, or a
//! hidden question on a terminal — in that order.

use std::path::Path;

use anyhow::{Context, Result, bail};

use crate::ask;

fn from_file(path: &Path) -> Result<String> {
    let text = std::fs::read_to_string(path).with_context(|| {
        format!(
            "reading the passphrase file {} — check the path",
            path.display()
        )
    })?;
    let pass = text.trim_end_matches(['\n', '\r']).to_string();
    if pass.is_empty() {
        bail!("the passphrase file {} is empty", path.display());
    }
    Ok(pass)
}

fn from_env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|p| !p.is_empty())
}

/// The passphrase of an existing encrypted journal.
pub fn current(file: Option<&Path>) -> Result<Option<String>> {
    if let Some(path) = file {
        return from_file(path).map(Some);
    }
    if let Some(pass) = from_env("MEND_PASSPHRASE") {
        return Ok(Some(pass));
    }
    if ask::interactive() {
        return ask::passphrase("Passphrase for your journal");
    }
    Ok(None)
}

/// A passphrase being set: from `file`, then `env`, then asked twice on a terminal.
pub fn new(file: Option<&Path>, env: &str) -> Result<String> {
    let pass = if let Some(path) = file {
        Some(from_file(path)?)
    } else if let Some(pass) = from_env(env) {
        Some(pass)
    } else if ask::interactive() {
        ask::new_passphrase()?
    } else {
        bail!(
            "a new passphrase is needed — set {env}, use a passphrase file, or run this on a terminal to be asked"
        )
    };
    match pass {
        Some(p) if p.chars().count() >= 8 => Ok(p),
        Some(_) => bail!(
            "the passphrase is too short — use at least 8 characters (a few words are easy to remember)"
        ),
        None => bail!("no passphrase was given, so nothing was changed"),
    }
}
