//! Changing one setting in the config file (`mend config set`), keeping every other line as
//! it was written; and the one question mend asks a single time, on a terminal: which side of
//! the story the writer is on, so a hurt partner is not handed questions meant for the one who
//! broke trust.

use std::io::Write;
use std::path::Path;
use std::sync::OnceLock;

use anyhow::{Context, Result, bail};

use crate::app::App;
use crate::ask;
use crate::config::Config;
use crate::prompts::Perspective;

/// The settings `mend config set` knows, as they are spelled in the file.
pub const KEYS: [&str; 10] = [
    "editor",
    "color",
    "week-start",
    "summary-period",
    "safety-note",
    "perspective",
    "context",
    "nudge",
    "discreet",
    "warn-arguments",
];

/// Sets `key` to `value` in the config file at `path` (made if missing), replacing the line
/// that set it before, and returns the settings now in the file. A value the setting does not
/// take is refused before anything is written.
pub fn set(path: &Path, key: &str, value: &str) -> Result<Config> {
    if !KEYS.contains(&key) {
        bail!(
            "there is no setting {key:?} — the settings are: {}",
            KEYS.join(", ")
        );
    }
    let old = match std::fs::read_to_string(path) {
        Ok(text) => text,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => String::new(),
        Err(e) => bail!(
            "could not read the config file {}: {e} — check its permissions",
            path.display()
        ),
    };
    let line = format!("{key} = {}", toml_value(value));
    let text = replace_setting(&old, key, &line);
    let config = Config::parse(&text, path).map_err(|_| {
        anyhow::anyhow!(
            "{value:?} is not a value {key} takes — `mend config --help` lists each setting's values"
        )
    })?;
    write_private(path, &text)?;
    Ok(config)
}

/// `true` and `false` stay bare; anything else is a quoted string.
fn toml_value(value: &str) -> String {
    match value.trim() {
        "true" | "false" => value.trim().to_string(),
        other => toml::Value::String(other.to_string()).to_string(),
    }
}

/// The config text with `key`'s line replaced by `line` (or `line` added at the end).
fn replace_setting(old: &str, key: &str, line: &str) -> String {
    let mut replaced = false;
    let mut lines: Vec<String> = Vec::new();
    for l in old.lines() {
        let sets_key = l
            .trim_start()
            .strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with('='));
        if sets_key {
            if !replaced {
                lines.push(line.to_string());
                replaced = true;
            }
        } else {
            lines.push(l.to_string());
        }
    }
    if !replaced {
        lines.push(line.to_string());
    }
    let mut text = lines.join("\n");
    text.push('\n');
    text
}

/// Writes the file whole or not at all, owner-only (its folder too).
fn write_private(path: &Path, text: &str) -> Result<()> {
    use std::os::unix::fs::{DirBuilderExt, PermissionsExt};
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    std::fs::DirBuilder::new()
        .recursive(true)
        .mode(0o700)
        .create(dir)
        .with_context(|| format!("could not make the folder {}", dir.display()))?;
    let mut file = tempfile::NamedTempFile::new_in(dir)
        .with_context(|| format!("could not write in {}", dir.display()))?;
    file.as_file()
        .set_permissions(std::fs::Permissions::from_mode(0o600))?;
    file.write_all(text.as_bytes())?;
    file.as_file().sync_all()?;
    file.persist(path)
        .map_err(|e| anyhow::anyhow!("could not save {}: {}", path.display(), e.error))?;
    Ok(())
}

/// The answer given in this run, so the question is never asked twice in one command.
static ANSWERED: OnceLock<Perspective> = OnceLock::new();

/// The writer's perspective: the config's, else (on a terminal, the first time) asked once
/// and saved in the config. `None` when it is not known: not set and not a terminal (scripts
/// are never asked), or the question was put off with Esc (it is asked again another time).
pub fn perspective(app: &App) -> Result<Option<Perspective>> {
    if let Some(p) = app.config.perspective.or(ANSWERED.get().copied()) {
        return Ok(Some(p));
    }
    if !ask::interactive() {
        return Ok(None);
    }
    let Some(chosen) = ask::side(app.style.color)? else {
        eprintln!("That's fine; mend will ask another time.");
        return Ok(None);
    };
    let _ = ANSWERED.set(chosen);
    let name = match chosen {
        Perspective::Hurt => "hurt",
        Perspective::Rebuilding => "rebuilding",
        Perspective::Any => "any",
    };
    match set(&app.paths.config, "perspective", name) {
        Ok(_) => {
            let said = format!(
                "Thank you. Saved as perspective = \"{name}\" in {}; `mend config set perspective …` changes it.",
                app.paths.config.display()
            );
            eprintln!(
                "{}",
                crate::render::layout::wrap(&said, crate::render::layout::err_width(), "")
            );
        }
        Err(e) => eprintln!(
            "mend: could not save your answer in the config ({e}) — mend will go by it today and ask again next time"
        ),
    }
    Ok(Some(chosen))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_setting_replaces_its_line_and_keeps_the_rest() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("mend").join("config.toml");
        let c = set(&path, "perspective", "hurt").unwrap();
        assert_eq!(c.perspective, Some(Perspective::Hurt));
        std::fs::write(
            &path,
            "# mine\neditor = \"nano\"\nperspective = \"hurt\"\nnudge = false\n",
        )
        .unwrap();
        let c = set(&path, "perspective", "rebuilding").unwrap();
        assert_eq!(c.perspective, Some(Perspective::Rebuilding));
        assert_eq!(
            std::fs::read_to_string(&path).unwrap(),
            "# mine\neditor = \"nano\"\nperspective = \"rebuilding\"\nnudge = false\n"
        );
        let c = set(&path, "nudge", "true").unwrap();
        assert_eq!(c.nudge, Some(true));
        let c = set(&path, "safety-note", "Call Sam.").unwrap();
        assert!(c.safety_note.is_some());
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }

    #[test]
    fn unknown_settings_and_values_are_refused_and_nothing_is_written() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("config.toml");
        let err = set(&path, "perspectives", "hurt").unwrap_err().to_string();
        assert!(err.contains("perspective,"), "{err}");
        let err = set(&path, "perspective", "sideways")
            .unwrap_err()
            .to_string();
        assert!(err.contains("\"sideways\""), "{err}");
        assert!(!path.exists());
    }
}
