//! mend: parse the command line, open what the command needs, dispatch, and turn every
//! outcome into one exit point.

use std::io::{self, IsTerminal, Write};
use std::process::ExitCode;

use anyhow::Result;
use clap::error::ErrorKind;
use clap::{CommandFactory, FromArgMatches};

use mend::app::{self, App, Paths};
use mend::cli::{self, BackupArgs, Cli, Command, CompletionsArgs, DraftsAction, InitArgs, ManArgs};
use mend::cli::{PassphraseArgs, Sub};
use mend::config::Config;
use mend::pager::Output;
use mend::render::terminal::Style;
use mend::store::{self, Journal};
use mend::{commands, secret};

fn main() -> ExitCode {
    mend::harden::process();
    install_panic_hook();
    let cli = match parse() {
        Ok(cli) => cli,
        Err(e) => return usage_error(e),
    };
    // After parsing, which neither starts SQLite nor holds text, so that `--version`, `--help`
    // and a mistyped command do neither of the following.
    // Before SQLite first starts: SQLCipher's random bytes from the kernel, so that OpenSSL
    // starts only for an encrypted journal.
    #[cfg(feature = "encryption")]
    mend::store::random::install();
    // SIGINT, SIGTERM and SIGHUP keep their usual effect, except while text is held (the
    // editor open, an answer being typed, a question on screen): then it is kept first.
    mend::interrupt::install();
    // Bare `mend` shows a home screen to a person; a script or a pipe still needs a command.
    if cli.command.is_none() && !(io::stdout().is_terminal() && io::stdin().is_terminal()) {
        return usage_error(Cli::command().error(
            ErrorKind::MissingSubcommand,
            "a command is needed, e.g. `mend write` — `mend --help` lists them all",
        ));
    }
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
    let paged = !cli.options.no_pager
        && matches!(
            cli.command,
            Some(
                Command::List(_)
                    | Command::Show(_)
                    | Command::Search(_)
                    | Command::OnThisDay(_)
                    | Command::Trash(_)
                    | Command::Moments(_)
                    | Command::Summary(_)
            )
        );
    let mut out = Output::new(paged);
    let done = dispatch(cli, &mut out);
    // The pager (if any) is waited for on every path, so the shell's prompt comes back after it.
    let finished = out.finish();
    done.and(finished.map_err(Into::into))
}

fn dispatch(cli: Cli, mut out: &mut Output) -> Result<()> {
    match &cli.command {
        Some(Command::Completions(Sub(CompletionsArgs { shell }))) => {
            return commands::completions::run(*shell, &mut out);
        }
        Some(Command::Man(Sub(ManArgs { dir }))) => return commands::man::run(dir, &mut out),
        // A shell's startup must never be disturbed: any trouble means silence.
        Some(Command::Nudge(_)) => {
            let _ = nudge(cli.options.db, cli.options.discreet)
                .and_then(|line| Ok(out.write_all(line.as_bytes())?));
            return Ok(());
        }
        _ => {}
    }
    let paths = Paths::resolve(cli.options.db)?;
    let mut config = Config::load(&paths.config)?;
    if cli.options.discreet {
        config.discreet = Some(true);
    }
    mend::analysis::set_perspective(config.perspective);
    let color = cli
        .options
        .color
        .or(config.color.map(Into::into))
        .unwrap_or(cli::ColorChoice::Auto);
    let mut app = App {
        now: app::now()?,
        style: Style::detect(color),
        config,
        paths,
    };
    let passphrase_file = cli.options.passphrase_file.clone();
    let ask_passphrase = || secret::current(passphrase_file.as_deref());
    let open = || Journal::open_with(&app.paths.db, &ask_passphrase);
    let Some(command) = cli.command else {
        // Bare `mend` (on a terminal, as `main` made sure): the home screen.
        commands::home::run(&open()?, &app, &mut out)?;
        out.flush()?;
        return Ok(());
    };
    match command {
        Command::Init(Sub(InitArgs { encrypt })) => {
            commands::cipher::init(&app, encrypt, passphrase_file.as_deref(), &mut out)?
        }
        Command::Encrypt(_) => {
            commands::cipher::encrypt(open()?, passphrase_file.as_deref(), &mut out)?
        }
        Command::Decrypt(_) => commands::cipher::decrypt(open()?, &mut out)?,
        Command::Feelings(Sub(args)) => commands::feelings::run(&app, args, &mut out)?,
        Command::Paths(Sub(args)) => commands::paths::run(&app, args, &mut out)?,
        Command::Config(Sub(args)) => commands::config::run(&app, args.action, &mut out)?,
        Command::Drafts(Sub(args)) => {
            let journal = match args.action {
                Some(DraftsAction::Recover { .. }) => Some(open()?),
                _ => None,
            };
            commands::drafts::run(journal.as_ref(), &app, args.action, &mut out)?
        }
        command => {
            let journal = match open() {
                Ok(journal) => journal,
                // Text the command was given is kept as a draft, never lost with the error.
                Err(e) => return Err(commands::keep_unopened(&mut app, &command, e)),
            };
            // An encrypted journal's drafts stay in the private scratch folder.
            app.paths.private = journal.is_encrypted();
            match command {
                Command::Passphrase(Sub(PassphraseArgs {
                    new_passphrase_file,
                })) => commands::cipher::passphrase(
                    &journal,
                    new_passphrase_file.as_deref(),
                    &mut out,
                )?,
                Command::Check(_) => commands::check::run(&journal, &app, &mut out)?,
                Command::Backup(Sub(BackupArgs { file, force })) => {
                    commands::backup::run(&journal, &file, force, &mut out)?
                }
                Command::Write(Sub(args)) => commands::write::run(&journal, &app, args, &mut out)?,
                Command::List(Sub(args)) => commands::list::run(&journal, &app, args, &mut out)?,
                Command::Show(Sub(args)) => commands::show::run(&journal, &app, args, &mut out)?,
                Command::Search(Sub(args)) => {
                    commands::search::run(&journal, &app, args, &mut out)?
                }
                Command::Edit(Sub(args)) => commands::edit::run(&journal, &app, args, &mut out)?,
                Command::Delete(Sub(args)) => {
                    commands::delete::run(&journal, &app, args, &mut out)?
                }
                Command::Moment(Sub(args)) => {
                    commands::moment::run(&journal, &app, args, &mut out)?
                }
                Command::Moments(Sub(args)) => {
                    commands::moments::run(&journal, &app, args, &mut out)?
                }
                Command::Review(Sub(args)) => {
                    commands::review::run(&journal, &app, args, &mut out)?
                }
                Command::Restore(Sub(args)) => {
                    commands::restore::run(&journal, &app, args, &mut out)?
                }
                Command::Trash(Sub(args)) => commands::trash::run(&journal, &app, args, &mut out)?,
                Command::OnThisDay(Sub(args)) => {
                    commands::on_this_day::run(&journal, &app, args, &mut out)?
                }
                Command::Prompt(Sub(args)) => {
                    commands::prompt::run(&journal, &app, args, &mut out)?
                }
                Command::Prompts(Sub(args)) => {
                    commands::prompts::run(&journal, &app, args, &mut out)?
                }
                Command::Path(Sub(args)) => {
                    commands::path::run(&journal, &app, args.action, &mut out)?
                }
                Command::Summary(Sub(args)) => {
                    commands::summary::run(&journal, &app, args, &mut out)?
                }
                Command::Report(Sub(args)) => {
                    commands::report::run(&journal, &app, args, &mut out)?
                }
                Command::Reindex(Sub(args)) => {
                    commands::reindex::run(&journal, &app, args, &mut out)?
                }
                Command::Export(Sub(args)) => {
                    commands::export::run(&journal, &app, args, &mut out)?
                }
                Command::Import(Sub(args)) => {
                    commands::import::run(&journal, &app, args, &mut out)?
                }
                Command::Feelings(_)
                | Command::Drafts(_)
                | Command::Paths(_)
                | Command::Config(_)
                | Command::Completions(_)
                | Command::Man(_)
                | Command::Nudge(_)
                | Command::Init(_)
                | Command::Encrypt(_)
                | Command::Decrypt(_) => unreachable!("handled above"),
            }
        }
    }
    out.flush()?;
    Ok(())
}

/// The nudge line, built in memory so that nothing is printed unless all went well.
fn nudge(db: Option<std::path::PathBuf>, discreet: bool) -> Result<String> {
    let paths = Paths::resolve(db)?;
    let mut config = Config::load(&paths.config)?;
    if discreet {
        config.discreet = Some(true);
    }
    let app = App {
        config,
        now: app::now()?,
        style: Style::detect(cli::ColorChoice::Never),
        paths,
    };
    let mut line = Vec::new();
    commands::nudge::run(&app, &mut line)?;
    Ok(String::from_utf8(line)?)
}

/// Help and version go to stdout as usual; every other usage problem becomes one line.
/// The command line, parsed as `Cli::try_parse` would. The description of mend's commands is
/// large and the process ends soon after: taking it apart again was a tenth of the start-up.
fn parse() -> Result<Cli, clap::Error> {
    let mut command = Cli::command();
    let parsed = match command.try_get_matches_from_mut(std::env::args_os()) {
        Ok(matches) => Cli::from_arg_matches(&matches).map_err(|e| e.format(&mut command)),
        Err(e) => Err(e),
    };
    std::mem::forget(command);
    parsed
}

fn usage_error(e: clap::Error) -> ExitCode {
    match e.kind() {
        ErrorKind::DisplayHelp
        | ErrorKind::DisplayVersion
        | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = e.print();
            ExitCode::from(if e.use_stderr() { 2 } else { 0 })
        }
        _ => {
            // Lossily: an argument that is not UTF-8 is what clap may be complaining about.
            let args: Vec<String> = std::env::args_os()
                .map(|a| a.to_string_lossy().into_owned())
                .collect();
            eprintln!("mend: {}", one_line(&e.render().to_string(), &args));
            ExitCode::from(2)
        }
    }
}

/// clap's error as one line that keeps its detail: the missing arguments are named, and a
/// near miss ("wrte", "--moood") gets clap's suggestion as "did you mean …?"; the help to see
/// is that of the (sub)command given, `mend path next --help`, even when clap's text has no
/// usage line to name it (an invalid value).
fn one_line(rendered: &str, args: &[String]) -> String {
    let mut lines = rendered.lines().map(str::trim_end);
    let first = lines
        .by_ref()
        .find(|l| !l.trim().is_empty())
        .unwrap_or("the command line could not be read")
        .trim_start_matches("error: ")
        .trim()
        .trim_end_matches(':')
        .to_string();
    let mut named = Vec::new();
    let mut tip = None;
    let mut usage = None;
    for line in lines {
        let text = line.trim();
        if let Some(u) = text.strip_prefix("Usage: ") {
            // "mend edit [OPTIONS] <ID>" → "mend edit"
            usage = Some(
                u.split_whitespace()
                    .take_while(|w| !w.starts_with(['[', '<', '-']))
                    .collect::<Vec<_>>()
                    .join(" "),
            );
        } else if let Some(t) = text.strip_prefix("tip: ") {
            tip.get_or_insert_with(|| t.to_string());
        } else if !text.is_empty() && line.starts_with("  ") && tip.is_none() {
            named.push(text.to_string());
        }
    }
    // No usage line: the subcommands named on the command line, as deep as they go.
    let usage = usage.unwrap_or_else(|| {
        let root = cli::whole_command();
        let (mut at, mut words) = (&root, vec!["mend"]);
        for arg in args.iter().skip(1) {
            if let Some(sub) = at.find_subcommand(arg) {
                words.push(sub.get_name());
                at = sub;
            }
        }
        words.join(" ")
    });
    let mut line = first;
    if !named.is_empty() {
        line = format!("{line}: {}", named.join(", "));
    }
    let advice = match tip {
        Some(t) if t.contains("similar") => {
            // A subcommand of the command in the usage line: `mend path next`.
            let prefix = if t.contains("subcommand") {
                format!("{usage} ")
            } else {
                String::new()
            };
            let options: Vec<String> = t
                .split('\'')
                .skip(1)
                .step_by(2)
                .map(|o| format!("`{prefix}{o}`"))
                .collect();
            match options.split_last() {
                Some((last, [])) => format!("did you mean {last}?"),
                Some((last, rest)) => format!("did you mean {} or {last}?", rest.join(", ")),
                None => t,
            }
        }
        Some(t) => t,
        None if line.contains(" — ") => return line,
        None if usage == "mend" => "see `mend --help` for usage".to_string(),
        None => format!("see `{usage} --help` for usage"),
    };
    format!("{line} — {advice}")
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

#[cfg(test)]
mod tests {
    use super::one_line;

    #[test]
    fn clap_errors_keep_their_detail_in_one_line() {
        assert_eq!(
            one_line(
                "error: unrecognized subcommand 'wrte'\n\n  tip: a similar subcommand exists: 'write'\n\nUsage: mend [OPTIONS] <COMMAND>\n\nFor more information, try '--help'.\n",
                &[]
            ),
            "unrecognized subcommand 'wrte' — did you mean `mend write`?"
        );
        assert_eq!(
            one_line(
                "error: the following required arguments were not provided:\n  <ID>\n\nUsage: mend edit <ID>\n\nFor more information, try '--help'.\n",
                &[]
            ),
            "the following required arguments were not provided: <ID> — see `mend edit --help` for usage"
        );
        assert_eq!(
            one_line(
                "error: unexpected argument '--moood' found\n\n  tip: a similar argument exists: '--mood'\n\nUsage: mend write --mood <MOOD> [TEXT]...\n",
                &[]
            ),
            "unexpected argument '--moood' found — did you mean `--mood`?"
        );
        assert_eq!(
            one_line(
                "error: unrecognized subcommand 'expor'\n\n  tip: some similar subcommands exist: 'import', 'report', 'export'\n",
                &[]
            ),
            "unrecognized subcommand 'expor' — did you mean `mend import`, `mend report` or `mend export`?"
        );
    }

    #[test]
    fn nested_subcommands_are_named_in_the_advice() {
        let args = |line: &str| -> Vec<String> { line.split(' ').map(String::from).collect() };
        // An invalid value: clap gives no usage line, the command line names the subcommand.
        assert_eq!(
            one_line(
                "error: invalid value '11' for '--before <0-10>': 11 is not in 0..=10\n\nFor more information, try '--help'.\n",
                &args("mend --db j.db path next --before 11")
            ),
            "invalid value '11' for '--before <0-10>': 11 is not in 0..=10 — see `mend path next --help` for usage"
        );
        assert_eq!(
            one_line(
                "error: unrecognized subcommand 'nxt'\n\n  tip: a similar subcommand exists: 'next'\n\nUsage: mend path [OPTIONS] <COMMAND>\n",
                &args("mend path nxt")
            ),
            "unrecognized subcommand 'nxt' — did you mean `mend path next`?"
        );
        assert_eq!(
            one_line(
                "error: invalid value 'x' for '--color <WHEN>'\n",
                &args("mend --color x")
            ),
            "invalid value 'x' for '--color <WHEN>' — see `mend --help` for usage"
        );
    }
}
