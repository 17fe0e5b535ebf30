//! Questions asked on a terminal (dialoguer, drawn on stderr). Only called when both stdin
//! and stderr are terminals; every question can be skipped with Enter or Esc.
//!
//! Ctrl-C at a question is an answer too: it ends the question with [`Stopped`] (the cursor
//! shown again), so the caller can keep what was given and say what was not. Typed answers
//! are read key by key, so Ctrl-C halfway through a line keeps the half line.

use std::io::{IsTerminal, Write};

use anyhow::Result;
use dialoguer::console::{Key, Term};
use dialoguer::theme::{ColorfulTheme, SimpleTheme, Theme};
use dialoguer::{Confirm, Select};

use crate::feelings::vocabulary;
use crate::interrupt;
use crate::model::{MOOD_WORDS, Mood};
use crate::render::layout;

/// The person pressed Ctrl-C (or the terminal went away) at a question.
#[derive(Debug, thiserror::Error)]
#[error("stopped with Ctrl-C at a question — nothing after it was done")]
pub struct Stopped;

/// True when `e` is a question stopped with Ctrl-C.
pub fn stopped(e: &anyhow::Error) -> bool {
    e.downcast_ref::<Stopped>().is_some()
}

/// True when a person is there to answer: stdin and stderr are both terminals.
pub fn interactive() -> bool {
    std::io::stdin().is_terminal() && std::io::stderr().is_terminal()
}

fn theme(color: bool) -> Box<dyn Theme> {
    if color {
        Box::new(ColorfulTheme::default())
    } else {
        Box::new(SimpleTheme)
    }
}

/// Runs one dialoguer question with signals noted rather than fatal, and turns Ctrl-C into
/// [`Stopped`]. The cursor is shown again whatever happened: dialoguer hides it while a list
/// is on screen and leaves it hidden when the question ends in an error.
fn question<T>(ask: impl FnOnce(&Term) -> dialoguer::Result<T>) -> Result<T> {
    let term = Term::stderr();
    let _guard = interrupt::guard(interrupt::Noted::Interrupt);
    let answer = ask(&term);
    let signal = interrupt::take();
    let _ = term.show_cursor();
    match answer {
        Ok(value) if signal.is_none() => Ok(value),
        Ok(_) => Err(Stopped.into()),
        Err(dialoguer::Error::IO(e))
            if signal.is_some() || e.kind() == std::io::ErrorKind::Interrupted =>
        {
            let _ = term.write_line("");
            Err(Stopped.into())
        }
        Err(e) => Err(e.into()),
    }
}

/// Runs one inquire question (the lists that can be filtered by typing) the way
/// [`question`] runs dialoguer's: signals noted, Ctrl-C turned into [`Stopped`]; Esc skips.
fn filtered<T>(ask: impl FnOnce() -> inquire::error::InquireResult<T>) -> Result<Option<T>> {
    use inquire::InquireError;
    let _guard = interrupt::guard(interrupt::Noted::Interrupt);
    let answer = ask();
    let signal = interrupt::take();
    let _ = Term::stderr().show_cursor();
    match answer {
        Ok(value) if signal.is_none() => Ok(Some(value)),
        Ok(_) | Err(InquireError::OperationInterrupted) => Err(Stopped.into()),
        Err(InquireError::OperationCanceled) => Ok(None),
        Err(InquireError::IO(e))
            if signal.is_some() || e.kind() == std::io::ErrorKind::Interrupted =>
        {
            Err(Stopped.into())
        }
        Err(e) => Err(e.into()),
    }
}

fn render_config(color: bool) -> inquire::ui::RenderConfig<'static> {
    let config = if color {
        inquire::ui::RenderConfig::default_colored()
    } else {
        inquire::ui::RenderConfig::empty()
    };
    // Esc skips a question: say so in the words the help line uses.
    config.with_canceled_prompt_indicator(inquire::ui::Styled::new("skipped"))
}

/// The words under a list question: what the keys do. Kept short, so it fits on one line of
/// the narrowest terminal mend is read on.
const MOOD_HELP: &str = "type 1–5 or use ↑↓ · Enter chooses · Esc skips";
const FEELINGS_HELP: &str = "type to filter · Space chooses · Enter finishes";

/// Mood 1–5, or `None` when skipped. A typed digit leaves only its mood, for Enter to take;
/// the arrows work too.
pub fn mood(color: bool) -> Result<Option<Mood>> {
    let mut items = vec!["skip".to_string()];
    items.extend(
        MOOD_WORDS
            .iter()
            .enumerate()
            .map(|(i, w)| format!("{} {}", i + 1, w.replace('-', " "))),
    );
    let config = render_config(color);
    let chosen = filtered(|| {
        inquire::Select::new("How did the day feel?", items.clone())
            .with_help_message(MOOD_HELP)
            .with_render_config(config)
            .with_page_size(6)
            .with_scorer(&|typed, _, label, i| mood_score(typed, label).map(|s| s - i as i64))
            .raw_prompt()
    })?;
    Ok(chosen
        .map(|c| c.index)
        .filter(|&i| i > 0)
        .and_then(|i| Mood::new(i as u8)))
}

/// A typed digit keeps only its mood; words filter as they are typed ("go" finds "good").
fn mood_score(typed: &str, label: &str) -> Option<i64> {
    let typed = typed.trim().to_lowercase();
    if typed.is_empty() {
        return Some(0);
    }
    if typed.chars().all(|c| c.is_ascii_digit()) {
        return label.starts_with(&format!("{typed} ")).then_some(0);
    }
    label.to_lowercase().contains(&typed).then_some(0)
}

/// One feeling in the list: its family and name, and the words it is also known by.
#[derive(Clone)]
struct FeelingItem {
    label: String,
    name: String,
    family: String,
    forms: Vec<String>,
}

impl std::fmt::Display for FeelingItem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.label)
    }
}

/// How well a typed filter finds a feeling, best first: the start of its name, then inside
/// its name, then the start of a word it is also known by ("jeal" finds jealousy, "betray"
/// finds betrayed), then its family. `None` hides it.
fn feeling_score(typed: &str, item: &FeelingItem) -> Option<i64> {
    let typed = typed.trim().to_lowercase();
    if typed.is_empty() {
        return Some(0);
    }
    let name = item.name.to_lowercase();
    if name.starts_with(&typed) {
        Some(40)
    } else if name.contains(&typed) {
        Some(30)
    } else if item
        .forms
        .iter()
        .any(|f| f.to_lowercase().starts_with(&typed))
    {
        Some(20)
    } else if item.family.to_lowercase().contains(&typed) {
        Some(10)
    } else {
        None
    }
}

/// Feelings from the vocabulary, grouped by family; typing filters the list; empty when
/// skipped.
pub fn feelings(color: bool) -> Result<Vec<String>> {
    let vocab = vocabulary();
    let widest = vocab
        .feelings()
        .map(|(_, f)| layout::measure(f.name))
        .max()
        .unwrap_or(0);
    let items: Vec<FeelingItem> = vocab
        .feelings()
        .map(|(family, f)| FeelingItem {
            label: format!("{}  {}", layout::pad_right(f.name, widest), family.label),
            name: f.name.to_string(),
            family: family.label.to_string(),
            forms: f.forms.iter().map(|s| s.to_string()).collect(),
        })
        .collect();
    let config = render_config(color);
    let chosen = filtered(|| {
        inquire::MultiSelect::new("Which feelings were there?", items.clone())
            .with_help_message(FEELINGS_HELP)
            .with_render_config(config)
            .with_page_size(10)
            // The list's own order among equals (inquire's sort is not stable).
            .with_scorer(&|typed, item, _, i| {
                feeling_score(typed, item).map(|s| s * 1000 - i as i64)
            })
            .with_formatter(&|chosen| {
                let names: Vec<&str> = chosen.iter().map(|o| o.value.name.as_str()).collect();
                names.join(", ")
            })
            .prompt()
    })?;
    Ok(chosen
        .unwrap_or_default()
        .into_iter()
        .map(|item| item.name)
        .collect())
}

/// Which side of the story the writer is on, asked once (see `settings::perspective`);
/// `None` when put off with Esc.
pub fn side(color: bool) -> Result<Option<crate::prompts::Perspective>> {
    use crate::prompts::Perspective;
    let width = layout::err_width();
    eprintln!(
        "{}",
        layout::wrap(
            "One question, asked only this once. Some of mend's prompts are for the person who was hurt, some for the person rebuilding trust they broke; mend offers the ones that fit you.",
            width,
            ""
        )
    );
    let choices = [
        ("Mostly the one who was hurt", Perspective::Hurt),
        (
            "Mostly the one rebuilding trust I broke",
            Perspective::Rebuilding,
        ),
        ("Neither, or both", Perspective::Any),
    ];
    let labels: Vec<&str> = choices.iter().map(|(l, _)| *l).collect();
    let config = render_config(color);
    let chosen = filtered(|| {
        inquire::Select::new("Which side of the story are you writing from?", labels)
            .with_help_message("↑↓ · Enter chooses · Esc asks another time")
            .with_render_config(config)
            .without_filtering()
            .raw_prompt()
    })?;
    Ok(chosen.map(|c| choices[c.index].1))
}

/// A yes/no question, "no" unless answered.
pub fn confirm(prompt: &str, color: bool) -> Result<bool> {
    let theme = theme(color);
    Ok(question(|term| {
        Confirm::with_theme(theme.as_ref())
            .with_prompt(prompt)
            .default(false)
            .interact_on_opt(term)
    })?
    .unwrap_or(false))
}

/// A passphrase typed without echo; `None` when nothing was typed.
pub fn passphrase(prompt: &str) -> Result<Option<String>> {
    // Not through `question`: the passphrase is read with the terminal's own Ctrl-C, which
    // ends mend at once (nothing is held yet), and the cursor is never hidden.
    let typed = dialoguer::Password::new()
        .with_prompt(prompt)
        .allow_empty_password(true)
        .interact_on(&Term::stderr())?;
    Ok(Some(typed).filter(|p| !p.is_empty()))
}

/// A new passphrase, typed twice so a typo cannot lock the journal away.
pub fn new_passphrase() -> Result<Option<String>> {
    let typed = dialoguer::Password::new()
        .with_prompt("New passphrase")
        .with_confirmation(
            "The same passphrase again",
            "The two did not match; please try again",
        )
        .allow_empty_password(true)
        .interact_on(&Term::stderr())?;
    Ok(Some(typed).filter(|p| !p.is_empty()))
}

/// One of `items`, or `None` when skipped (Esc).
pub fn choose(question: &str, items: &[&str], color: bool) -> Result<Option<usize>> {
    let theme = theme(color);
    Ok(Select::with_theme(theme.as_ref())
        .with_prompt(question)
        .items(items)
        .default(0)
        .interact_on_opt(&Term::stderr())?)
}

/// Text typed at the terminal, and whether the typing was cut short.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Typed {
    pub text: String,
    /// Ctrl-C, a closed terminal or a signal ended the typing; `text` is what was typed.
    pub stopped: bool,
}

/// One line typed after `prompt`; Enter ends it.
pub fn line(prompt: &str) -> Result<Typed> {
    read_typed(prompt, false)
}

/// Lines typed until an empty line (or Ctrl-D).
pub fn paragraph() -> Result<Typed> {
    read_typed("", true)
}

/// Reads keys one by one (echoing them) with the terminal in raw mode for the whole answer,
/// so nothing typed is lost to Ctrl-C and a signal is noticed while waiting for a key.
fn read_typed(prompt: &str, many_lines: bool) -> Result<Typed> {
    let _guard = interrupt::guard(interrupt::Noted::All);
    let mut err = std::io::stderr();
    err.write_all(prompt.as_bytes())?;
    err.flush()?;
    let raw = RawMode::start()?;
    let mut typed = Typed::default();
    let mut current = String::new();
    let mut keys = Keys::default();
    let mut cursor = Cursor::after(prompt, crate::render::layout::err_width());
    'reading: loop {
        if interrupt::take().is_some() {
            typed.stopped = true;
            break;
        }
        let Some(chunk) = raw.read()? else {
            continue;
        };
        if chunk.is_empty() {
            // The terminal went away.
            typed.stopped = true;
            break;
        }
        for key in keys.feed(&chunk) {
            match key {
                Key::CtrlC => {
                    typed.stopped = true;
                    break 'reading;
                }
                Key::Enter => {
                    err.write_all(b"\r\n")?;
                    cursor.new_line();
                    if !many_lines || current.trim().is_empty() {
                        break 'reading;
                    }
                    typed.text.push_str(&current);
                    typed.text.push('\n');
                    current.clear();
                }
                Key::Char('\u{4}') => {
                    err.write_all(b"\r\n")?;
                    break 'reading;
                }
                // Only what is on the current line can be taken back.
                Key::Backspace if current.pop().is_some() => {
                    err.write_all(cursor.erase().as_bytes())?
                }
                Key::Char(c) if c == '\t' || !c.is_control() => {
                    // A tab is echoed as a space, so the cursor's column stays known.
                    let shown = if c == '\t' { ' ' } else { c };
                    current.push(c);
                    err.write_all(shown.encode_utf8(&mut [0; 4]).as_bytes())?;
                    cursor.wrote();
                }
                _ => {}
            }
        }
        err.flush()?;
    }
    drop(raw);
    if typed.stopped {
        let _ = err.write_all(b"\n");
    }
    typed.text.push_str(&current);
    Ok(typed)
}

/// Where the terminal's cursor is while an answer is typed, so a character taken back at
/// the edge of a wrapped line is erased where it stands (a plain backspace cannot climb to
/// the line above, and would leave the character drawn twice).
///
/// Terminals keep a "pending wrap" after a character lands in the last column: the cursor
/// stays there until the next character. Both states are followed here.
struct Cursor {
    /// The terminal's width; `None` when unknown (then backspace is plain).
    width: Option<usize>,
    /// 1-based column the next character lands in (the last column when `pending`).
    column: usize,
    pending: bool,
}

impl Cursor {
    fn after(prompt: &str, width: Option<usize>) -> Cursor {
        let last = prompt.rsplit('\n').next().unwrap_or("");
        let mut cursor = Cursor {
            width,
            column: 1,
            pending: false,
        };
        for _ in 0..crate::render::layout::measure(last) {
            cursor.wrote();
        }
        cursor
    }

    fn wrote(&mut self) {
        let Some(width) = self.width else { return };
        if self.pending {
            self.column = 1;
            self.pending = false;
        }
        if self.column >= width {
            self.pending = true;
        } else {
            self.column += 1;
        }
    }

    fn new_line(&mut self) {
        self.column = 1;
        self.pending = false;
    }

    /// What erases the character before the cursor, and moves the cursor onto its place.
    fn erase(&mut self) -> String {
        let Some(width) = self.width else {
            return "\x08 \x08".to_string();
        };
        if self.pending {
            // The character is in the last column, the cursor still on it.
            self.pending = false;
            self.column = width;
            format!("\x1b[{width}G \x1b[{width}G")
        } else if self.column > 1 {
            self.column -= 1;
            "\x08 \x08".to_string()
        } else {
            // The character is at the end of the line above.
            self.column = width;
            format!("\x1b[A\x1b[{width}G \x1b[{width}G")
        }
    }
}

/// The terminal in raw mode (output processing kept) until dropped.
struct RawMode {
    original: rustix::termios::Termios,
}

impl RawMode {
    fn start() -> Result<RawMode> {
        use rustix::termios::{OptionalActions, tcgetattr, tcsetattr};
        let stdin = std::io::stdin();
        let original = tcgetattr(&stdin)?;
        let mut raw = original.clone();
        raw.make_raw();
        raw.output_modes = original.output_modes;
        tcsetattr(&stdin, OptionalActions::Now, &raw)?;
        Ok(RawMode { original })
    }

    /// Bytes typed, waiting a tenth of a second at most; `None` when nothing came, an empty
    /// chunk when the terminal is gone.
    fn read(&self) -> Result<Option<Vec<u8>>> {
        use rustix::event::{PollFd, PollFlags, Timespec, poll};
        let stdin = std::io::stdin();
        let mut fds = [PollFd::new(&stdin, PollFlags::IN)];
        let wait = Timespec {
            tv_sec: 0,
            tv_nsec: 100_000_000,
        };
        match poll(&mut fds, Some(&wait)) {
            Ok(0) | Err(rustix::io::Errno::INTR) => return Ok(None),
            Ok(_) => {}
            Err(e) => return Err(e.into()),
        }
        let mut buf = [0u8; 256];
        match rustix::io::read(&stdin, &mut buf) {
            Ok(n) => Ok(Some(buf[..n].to_vec())),
            Err(rustix::io::Errno::INTR) | Err(rustix::io::Errno::AGAIN) => Ok(None),
            Err(rustix::io::Errno::IO) => Ok(Some(Vec::new())),
            Err(e) => Err(e.into()),
        }
    }
}

impl Drop for RawMode {
    fn drop(&mut self) {
        let _ = rustix::termios::tcsetattr(
            std::io::stdin(),
            rustix::termios::OptionalActions::Now,
            &self.original,
        );
    }
}

/// Turns raw terminal bytes into keys; a character split across reads is completed later.
#[derive(Default)]
struct Keys {
    partial: Vec<u8>,
}

impl Keys {
    fn feed(&mut self, bytes: &[u8]) -> Vec<Key> {
        let mut keys = Vec::new();
        let mut data = std::mem::take(&mut self.partial);
        data.extend_from_slice(bytes);
        let mut i = 0;
        while i < data.len() {
            let b = data[i];
            match b {
                0x03 => keys.push(Key::CtrlC),
                b'\r' | b'\n' => keys.push(Key::Enter),
                0x7f | 0x08 => keys.push(Key::Backspace),
                0x1b => {
                    // An escape sequence (arrows and the like): skipped whole.
                    let mut j = i + 1;
                    if matches!(data.get(j), Some(b'[') | Some(b'O')) {
                        j += 1;
                        while j < data.len() && !(0x40..=0x7e).contains(&data[j]) {
                            j += 1;
                        }
                    }
                    i = j + 1;
                    continue;
                }
                b if b < 0x20 => keys.push(Key::Char(b as char)),
                _ => {
                    let len = match b {
                        0xc0..=0xdf => 2,
                        0xe0..=0xef => 3,
                        0xf0..=0xf7 => 4,
                        _ => 1,
                    };
                    if i + len > data.len() {
                        self.partial = data[i..].to_vec();
                        break;
                    }
                    if let Ok(s) = std::str::from_utf8(&data[i..i + len]) {
                        keys.extend(s.chars().map(Key::Char));
                    }
                    i += len;
                    continue;
                }
            }
            i += 1;
        }
        keys
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typing_finds_feelings_and_digits_find_moods() {
        let vocab = vocabulary();
        let items: Vec<FeelingItem> = vocab
            .feelings()
            .map(|(family, f)| FeelingItem {
                label: f.name.to_string(),
                name: f.name.to_string(),
                family: family.label.to_string(),
                forms: f.forms.iter().map(|s| s.to_string()).collect(),
            })
            .collect();
        let best = |typed: &str| {
            items
                .iter()
                .filter_map(|i| feeling_score(typed, i).map(|s| (s, i.name.as_str())))
                .max_by_key(|(s, _)| *s)
                .map(|(_, n)| n)
        };
        assert_eq!(best("hop"), Some("hope"));
        assert_eq!(best("jeal"), Some("jealousy"));
        assert_eq!(best("zzzz"), None);
        assert_eq!(mood_score("4", "4 good"), Some(0));
        assert_eq!(mood_score("4", "5 very good"), None);
        assert_eq!(mood_score("4", "skip"), None);
        assert_eq!(mood_score("go", "5 very good"), Some(0));
    }

    #[test]
    fn backspace_climbs_to_the_line_above_at_the_edge() {
        let mut c = Cursor::after("> ", Some(10));
        assert_eq!(c.column, 3);
        for _ in 0..8 {
            c.wrote();
        }
        // The eighth character landed in the last column: the cursor waits there.
        assert!(c.pending);
        assert_eq!(c.erase(), "\x1b[10G \x1b[10G");
        c.wrote();
        c.wrote();
        // The ninth character wrapped to the next line's first column.
        assert_eq!((c.column, c.pending), (2, false));
        assert_eq!(c.erase(), "\x08 \x08");
        assert_eq!(c.erase(), "\x1b[A\x1b[10G \x1b[10G");
        assert_eq!(Cursor::after("", None).erase(), "\x08 \x08");
    }

    #[test]
    fn keys_are_read_from_raw_bytes() {
        let mut keys = Keys::default();
        let got = keys.feed("a\u{e9}\x1b[Ab\x7f\r\x03".as_bytes());
        assert_eq!(
            got,
            vec![
                Key::Char('a'),
                Key::Char('\u{e9}'),
                Key::Char('b'),
                Key::Backspace,
                Key::Enter,
                Key::CtrlC
            ]
        );
        // A character split across two reads.
        let split = "\u{2019}".as_bytes();
        assert!(keys.feed(&split[..1]).is_empty());
        assert_eq!(keys.feed(&split[1..]), vec![Key::Char('\u{2019}')]);
    }
}
