//! `mend paths`: where everything lives and where each place came from.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use crate::app::{App, Source};
use crate::cli::PathsArgs;
use crate::render;

#[derive(Serialize)]
struct Place {
    name: &'static str,
    path: String,
    from: Source,
    exists: bool,
}

pub fn run(app: &App, args: PathsArgs, out: &mut dyn Write) -> Result<()> {
    let p = &app.paths;
    let derived = |source| {
        if source == Source::Default {
            Source::Default
        } else {
            source
        }
    };
    let places = [
        ("journal", &p.db, p.db_source),
        ("drafts", &p.drafts, derived(p.db_source)),
        ("prompts", &p.prompts, Source::Default),
        ("config", &p.config, p.config_source),
        (
            "scratch",
            &p.scratch,
            if std::env::var_os("XDG_RUNTIME_DIR").is_some() {
                Source::Environment
            } else {
                derived(p.db_source)
            },
        ),
    ]
    .map(|(name, path, from)| Place {
        name,
        path: path.display().to_string(),
        from,
        exists: path.exists(),
    });
    if args.json {
        return render::json(out, &places);
    }
    for place in &places {
        let from = match place.from {
            Source::Default => "default",
            Source::Environment => "environment",
            Source::Flag => "--db",
        };
        let missing = if place.exists {
            ""
        } else {
            " (not created yet)"
        };
        writeln!(
            out,
            "{:<8} {}{}  {}",
            app.style.bold(place.name),
            place.path,
            app.style.dim(missing),
            app.style.dim(&format!("[{from}]"))
        )?;
    }
    Ok(())
}
