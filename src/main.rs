//! mend: parse the command line, open what the command needs, dispatch, and turn every
//! outcome into one exit point.

mod analysis;
mod app;
mod ask;
mod cli;
mod commands;
mod compose;
mod dates;
mod drafts;
mod editor;
mod feelings;
mod model;
mod progress;
mod prompts;
mod render;
mod store;

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;
use clap::error::ErrorKind;

use app::{App, Config, Paths};
use cli::{Cli, Command, DraftsAction};
use render::terminal::Style;
use store::Journal;

fn main() -> ExitCode {
    install_panic_hook();
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(e),
    };
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) if is_broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            let message = format!("{e:#}").replace(['\n', '\r'], " ");
            eprintln!("mend: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<()> {
    let app = App {
        config: Config::default(),
        now: app::now()?,
        style: Style::detect(cli.color),
        paths: Paths::resolve(cli.db)?,
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let open = || Journal::open(&app.paths.db);
    match cli.command {
        Command::Feelings(args) => commands::feelings::run(&app, args, &mut out)?,
        Command::Drafts(args) => {
            let journal = match args.action {
                Some(DraftsAction::Recover { .. }) => Some(open()?),
                _ => None,
            };
            commands::drafts::run(journal.as_ref(), &app, args.action, &mut out)?
        }
        command => {
            let journal = open()?;
            match command {
                Command::Write(args) => commands::write::run(&journal, &app, args, &mut out)?,
                Command::List(args) => commands::list::run(&journal, &app, args, &mut out)?,
                Command::Show(args) => commands::show::run(&journal, &app, args, &mut out)?,
                Command::Search(args) => commands::search::run(&journal, &app, args, &mut out)?,
                Command::Edit(args) => commands::edit::run(&journal, &app, args, &mut out)?,
                Command::Delete(args) => commands::delete::run(&journal, &app, args, &mut out)?,
                Command::Restore(args) => commands::restore::run(&journal, &app, args, &mut out)?,
                Command::Trash(args) => commands::trash::run(&journal, &app, args, &mut out)?,
                Command::OnThisDay(args) => {
                    commands::on_this_day::run(&journal, &app, args, &mut out)?
                }
                Command::Prompt(args) => commands::prompt::run(&journal, &app, args, &mut out)?,
                Command::Prompts(args) => commands::prompts::run(&journal, &app, args, &mut out)?,
                Command::Path(args) => commands::path::run(&journal, &app, args.action, &mut out)?,
                Command::Summary(args) => commands::summary::run(&journal, &app, args, &mut out)?,
                Command::Reindex(args) => commands::reindex::run(&journal, &app, args, &mut out)?,
                Command::Export(args) => commands::export::run(&journal, &app, args, &mut out)?,
                Command::Import(args) => commands::import::run(&journal, &app, args, &mut out)?,
                Command::Feelings(_) | Command::Drafts(_) => unreachable!("handled above"),
            }
        }
    }
    out.flush()?;
    Ok(())
}

/// Help and version go to stdout as usual; every other usage problem becomes one line.
fn usage_error(e: clap::Error) -> ExitCode {
    match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            ExitCode::from(if e.use_stderr() { 2 } else { 0 })
        }
        _ => {
            let rendered = e.render().to_string();
            let first = rendered
                .lines()
                .find(|l| !l.trim().is_empty())
                .unwrap_or("the command line could not be read")
                .trim_start_matches("error: ")
                .trim();
            if first.contains(" — ") {
                eprintln!("mend: {first}");
            } else {
                eprintln!("mend: {first} — see `mend --help` (or `mend COMMAND --help`) for usage");
            }
            ExitCode::from(2)
        }
    }
}

fn is_broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<io::Error>()
            .is_some_and(|io| io.kind() == io::ErrorKind::BrokenPipe)
    })
}

/// A bug should still end in one calm line, not a stack trace; the journal is transactional,
/// so an interrupted command leaves it as it was.
fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown".to_string());
        let place = info
            .location()
            .map(|l| format!(" at {}:{}", l.file(), l.line()))
            .unwrap_or_default();
        eprintln!(
            "mend: something went wrong inside mend ({what}{place}) — nothing half-written was kept; please report this"
        );
    }));
}
