//! mend: parse the command line, open what the command needs, dispatch, and turn every
//! outcome into one exit point.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Result;
use clap::Parser;
use clap::error::ErrorKind;

use mend::app::{self, App, Paths};
use mend::cli::{self, Cli, Command, DraftsAction};
use mend::config::Config;
use mend::render::terminal::Style;
use mend::store::{self, Journal};
use mend::{commands, secret};

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
            // Errors may quote what was typed; control characters in it are shown, not obeyed.
            let escape = Style {
                color: false,
                escape: true,
            };
            eprintln!("mend: {}", escape.text(&store::plain_message(&e)));
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<()> {
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    match &cli.command {
        Command::Completions { shell } => return commands::completions::run(*shell, &mut out),
        Command::Man { dir } => return commands::man::run(dir, &mut out),
        // A shell's startup must never be disturbed: any trouble means silence.
        Command::Nudge => {
            let _ = nudge(cli.db).and_then(|line| Ok(out.write_all(line.as_bytes())?));
            return Ok(());
        }
        _ => {}
    }
    let paths = Paths::resolve(cli.db)?;
    let config = Config::load(&paths.config)?;
    mend::analysis::set_perspective(config.perspective);
    let color = cli
        .color
        .or(config.color.map(Into::into))
        .unwrap_or(cli::ColorChoice::Auto);
    let mut app = App {
        now: app::now()?,
        style: Style::detect(color),
        config,
        paths,
    };
    let passphrase_file = cli.passphrase_file.clone();
    let ask_passphrase = || secret::current(passphrase_file.as_deref());
    let open = || Journal::open_with(&app.paths.db, &ask_passphrase);
    match cli.command {
        Command::Init { encrypt } => {
            commands::cipher::init(&app, encrypt, passphrase_file.as_deref(), &mut out)?
        }
        Command::Encrypt => {
            commands::cipher::encrypt(open()?, passphrase_file.as_deref(), &mut out)?
        }
        Command::Decrypt => commands::cipher::decrypt(open()?, &mut out)?,
        Command::Feelings(args) => commands::feelings::run(&app, args, &mut out)?,
        Command::Paths(args) => commands::paths::run(&app, args, &mut out)?,
        Command::Config(args) => commands::config::run(&app, args.action, &mut out)?,
        Command::Drafts(args) => {
            let journal = match args.action {
                Some(DraftsAction::Recover { .. }) => Some(open()?),
                _ => None,
            };
            commands::drafts::run(journal.as_ref(), &app, args.action, &mut out)?
        }
        command => {
            let journal = open()?;
            // An encrypted journal's drafts stay in the private scratch folder.
            app.paths.private = journal.is_encrypted();
            match command {
                Command::Passphrase {
                    new_passphrase_file,
                } => commands::cipher::passphrase(
                    &journal,
                    new_passphrase_file.as_deref(),
                    &mut out,
                )?,
                Command::Check => commands::check::run(&journal, &app, &mut out)?,
                Command::Backup { file, force } => {
                    commands::backup::run(&journal, &file, force, &mut out)?
                }
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
                Command::Report(args) => commands::report::run(&journal, &app, args, &mut out)?,
                Command::Reindex(args) => commands::reindex::run(&journal, &app, args, &mut out)?,
                Command::Export(args) => commands::export::run(&journal, &app, args, &mut out)?,
                Command::Import(args) => commands::import::run(&journal, &app, args, &mut out)?,
                Command::Feelings(_)
                | Command::Drafts(_)
                | Command::Paths(_)
                | Command::Config(_)
                | Command::Completions { .. }
                | Command::Man { .. }
                | Command::Nudge
                | Command::Init { .. }
                | Command::Encrypt
                | Command::Decrypt => unreachable!("handled above"),
            }
        }
    }
    out.flush()?;
    Ok(())
}

/// The nudge line, built in memory so that nothing is printed unless all went well.
fn nudge(db: Option<std::path::PathBuf>) -> Result<String> {
    let paths = Paths::resolve(db)?;
    let app = App {
        config: Config::load(&paths.config)?,
        now: app::now()?,
        style: Style::detect(cli::ColorChoice::Never),
        paths,
    };
    let mut line = Vec::new();
    commands::nudge::run(&app, &mut line)?;
    Ok(String::from_utf8(line)?)
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
            || cause
                .downcast_ref::<serde_json::Error>()
                .is_some_and(|json| json.io_error_kind() == Some(io::ErrorKind::BrokenPipe))
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
