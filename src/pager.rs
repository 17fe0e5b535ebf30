//! Long output on a terminal goes through a pager, as git's does: `$MEND_PAGER`, then
//! `$PAGER`, then `less`, with `LESS=FRX` unless set (quit when it fits on one screen, keep
//! colours, leave the text on the screen). Piped output, `--no-pager` and an empty pager
//! setting print directly; a pager that cannot start is skipped, never an error.

use std::io::{self, IsTerminal, Write};
use std::process::{Child, ChildStdin, Command, Stdio};

pub struct Pager {
    child: Child,
}

impl Pager {
    /// Starts the pager when stdout is a terminal and one is configured.
    pub fn start(wanted: bool) -> Option<Pager> {
        if !wanted || !io::stdout().is_terminal() {
            return None;
        }
        let setting = std::env::var("MEND_PAGER")
            .or_else(|_| std::env::var("PAGER"))
            .unwrap_or_else(|_| "less".to_string());
        let words = shell_words::split(&setting).ok()?;
        let (program, args) = words.split_first()?;
        if program == "cat" {
            return None;
        }
        let mut command = Command::new(program);
        command.args(args).stdin(Stdio::piped());
        if std::env::var_os("LESS").is_none() {
            command.env("LESS", "FRX");
        }
        // The pager needs no secrets.
        command
            .env_remove("MEND_PASSPHRASE")
            .env_remove("MEND_NEW_PASSPHRASE");
        command.spawn().ok().map(|child| Pager { child })
    }

    /// Where the output goes while the pager runs.
    pub fn input(&mut self) -> Option<ChildStdin> {
        self.child.stdin.take()
    }

    /// Waits for the person to leave the pager (its input must be closed first).
    pub fn finish(mut self) {
        let _ = self.child.wait();
    }
}

/// The output of a command: the terminal directly, or a pager in front of it. The pager is
/// started by the first write, so questions asked before any output (a passphrase) and errors
/// met before it have the terminal to themselves.
pub struct Output {
    paged: bool,
    to: To,
}

enum To {
    NotYet,
    Direct(io::BufWriter<io::StdoutLock<'static>>),
    Paged(io::BufWriter<ChildStdin>, Pager),
}

impl Output {
    pub fn new(paged: bool) -> Output {
        Output {
            paged,
            to: To::NotYet,
        }
    }

    fn open(&mut self) -> &mut dyn Write {
        if matches!(self.to, To::NotYet) {
            self.to = match Pager::start(self.paged) {
                Some(mut pager) => match pager.input() {
                    Some(input) => To::Paged(io::BufWriter::new(input), pager),
                    None => To::Direct(io::BufWriter::new(io::stdout().lock())),
                },
                None => To::Direct(io::BufWriter::new(io::stdout().lock())),
            };
        }
        match &mut self.to {
            To::Direct(out) => out,
            To::Paged(out, _) => out,
            To::NotYet => unreachable!("opened just above"),
        }
    }

    /// Flushes what is left and, with a pager, waits until the person closes it.
    pub fn finish(self) -> io::Result<()> {
        match self.to {
            To::NotYet => Ok(()),
            To::Direct(mut out) => out.flush(),
            To::Paged(out, pager) => {
                let flushed = out.into_inner().map(drop).map_err(|e| e.into_error());
                pager.finish();
                // Leaving the pager early closes its input: that is no error.
                match flushed {
                    Err(e) if e.kind() == io::ErrorKind::BrokenPipe => Ok(()),
                    other => other,
                }
            }
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.open().write(buf)
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.to {
            To::NotYet => Ok(()),
            To::Direct(out) => out.flush(),
            To::Paged(out, _) => out.flush(),
        }
    }
}
