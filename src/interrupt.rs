//! SIGINT, SIGTERM and SIGHUP while a person is writing (the editor is open, an inline
//! answer is being typed, a question is on screen). Outside those moments the signals do
//! what they always do; inside one, the signal is only noted, so the code that holds the
//! text can keep it as a draft before mend ends.
//!
//! Handlers are installed on first use (`main` installs them up front), and each one only
//! stores the signal number or re-raises the default action: both are async-signal-safe.

use std::sync::Once;
use std::sync::atomic::{AtomicI32, AtomicU32, Ordering};

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::low_level;

static INSTALL: Once = Once::new();
/// The signals being noted, one bit per signal number.
static GUARDED: AtomicU32 = AtomicU32::new(0);
static PENDING: AtomicI32 = AtomicI32::new(0);

/// Installs the handlers. Without a guard they behave exactly like the default action.
pub fn install() {
    INSTALL.call_once(|| {
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            // SAFETY: the action only touches atomics or re-raises the default action,
            // which signal-hook documents as async-signal-safe.
            let registered = unsafe {
                low_level::register(signal, move || {
                    if GUARDED.load(Ordering::SeqCst) & bit(signal) != 0 {
                        PENDING.store(signal, Ordering::SeqCst);
                    } else {
                        let _ = low_level::emulate_default_handler(signal);
                    }
                })
            };
            // Without a handler the default action stays: text can be lost, but mend
            // still stops when asked.
            let _ = registered;
        }
    });
}

fn bit(signal: i32) -> u32 {
    1 << signal
}

/// Which signals a guard notes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Noted {
    /// SIGINT, SIGTERM and SIGHUP: text is held that a signal must not lose (the editor is
    /// open, an answer is being typed), and the holder notices a signal within moments.
    All,
    /// SIGINT only: a question on screen, where Ctrl-C is an answer. SIGTERM and SIGHUP
    /// still end mend at once, as a question may wait for a key for ever.
    Interrupt,
}

/// While this lives, the chosen signals are noted instead of ending mend.
pub struct Guard {
    previous: u32,
}

/// Starts noting signals; nested guards are fine.
pub fn guard(noted: Noted) -> Guard {
    install();
    let mask = match noted {
        Noted::All => bit(SIGINT) | bit(SIGTERM) | bit(SIGHUP),
        Noted::Interrupt => bit(SIGINT),
    };
    Guard {
        previous: GUARDED.fetch_or(mask, Ordering::SeqCst),
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        GUARDED.store(self.previous, Ordering::SeqCst);
        if self.previous == 0 {
            // A signal noted but not handled still ends mend, as the person asked.
            let signal = PENDING.swap(0, Ordering::SeqCst);
            if signal != 0 && !std::thread::panicking() {
                let _ = low_level::emulate_default_handler(signal);
            }
        }
    }
}

/// The signal noted since the last call, if any; taking it means it is being handled.
pub fn take() -> Option<Signal> {
    match PENDING.swap(0, Ordering::SeqCst) {
        0 => None,
        n => Some(Signal(n)),
    }
}

/// A signal that arrived while text was held.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Signal(pub i32);

impl Signal {
    pub fn name(self) -> &'static str {
        match self.0 {
            SIGINT => "Ctrl-C (SIGINT)",
            SIGTERM => "SIGTERM",
            SIGHUP => "SIGHUP (the terminal closed)",
            _ => "a signal",
        }
    }

    pub fn is_interrupt(self) -> bool {
        self.0 == SIGINT
    }
}
