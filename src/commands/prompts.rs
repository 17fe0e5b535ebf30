//! `mend prompts`: the prompt library — list, show one, themes with counts.

use std::io::Write;

use anyhow::{Result, bail};
use serde::Serialize;

use crate::app::App;
use crate::cli::{PromptsAction, PromptsArgs};
use crate::prompts::{load_library, print_prompt};
use crate::render;
use crate::render::layout::{self, Cell};
use crate::store::Journal;

#[derive(Serialize)]
struct ThemeCount<'a> {
    id: &'a str,
    title: &'a str,
    description: &'a str,
    prompts: usize,
    answered: usize,
    answers: u32,
}

pub fn run(journal: &Journal, app: &App, args: PromptsArgs, out: &mut dyn Write) -> Result<()> {
    let library = load_library(app);
    match args.action {
        None => {
            if let Some(theme) = &args.theme {
                library.check_theme(theme)?;
            }
            let shown: Vec<_> = library
                .prompts
                .iter()
                .filter(|p| args.theme.as_ref().is_none_or(|t| &p.theme == t))
                .collect();
            if args.json {
                return render::json(out, &shown);
            }
            let width = layout::out_width();
            for p in shown {
                let id = app.style.dim(&p.id);
                writeln!(
                    out,
                    "{}",
                    layout::row(&[Cell::left(&id, 0)], 2, &p.text, width)
                )?;
            }
        }
        Some(PromptsAction::Show { id }) => {
            let Some(p) = library.prompt(&id) else {
                bail!("there is no prompt {id:?} — `mend prompts` lists them with their ids");
            };
            if args.json {
                return render::json(out, p);
            }
            let title = library
                .themes
                .iter()
                .find(|t| t.id == p.theme)
                .map_or(p.theme.as_str(), |t| &t.title);
            print_prompt(out, p, title, &app.style)?;
            writeln!(
                out,
                "{}",
                app.style.dim(&format!(
                    "for: {} · relationship: {}",
                    label(&p.perspective),
                    label(&p.context)
                ))
            )?;
            if let Some(source) = &p.source {
                writeln!(
                    out,
                    "{}",
                    app.style.dim(&format!(
                        "drawn from: {} ({})",
                        source.section, source.guide
                    ))
                )?;
            }
        }
        Some(PromptsAction::Themes) => {
            let answered = journal.answers_by_theme(None, app.now.date_naive())?;
            let counts: Vec<ThemeCount> = library
                .themes
                .iter()
                .map(|t| {
                    let mine = answered.get(&t.id).copied().unwrap_or_default();
                    ThemeCount {
                        id: &t.id,
                        title: &t.title,
                        description: &t.description,
                        prompts: library.prompts.iter().filter(|p| p.theme == t.id).count(),
                        answered: mine.prompts as usize,
                        answers: mine.answers,
                    }
                })
                .collect();
            if args.json {
                return render::json(out, &counts);
            }
            let width = layout::out_width();
            for c in &counts {
                let id = app.style.bold(c.id);
                let numbers = format!("{:>3} prompts  {:>3} answered ", c.prompts, c.answers);
                let cells = [Cell::left(&id, 16), Cell::left(&numbers, 0)];
                let line =
                    layout::row_painted(&cells, 1, c.description, width, &|t| app.style.dim(t));
                writeln!(out, "{line}")?;
            }
            let own = format!(
                "Your own prompts go in {} as TOML files (see prompts/README.md).",
                app.paths.prompts.display()
            );
            writeln!(out, "\n{}", layout::wrap(&own, layout::out_width(), ""))?;
        }
    }
    Ok(())
}

fn label<T: Serialize>(value: &T) -> String {
    serde_json::to_value(value)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}
