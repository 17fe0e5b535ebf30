//! SIGINT, SIGTERM and SIGHUP while a person is writing (the editor is open, an inline
//! answer is being typed, a question is on screen). Outside those moments the signals do
//! what they always do; inside one, the signal is only noted, so the code that holds the
//! text can keep it as a draft before mend ends.
//!
//! Handlers are installed on first use (`main` installs them up front), and each one only
//! stores the signal number or re-raises the default action: both are async-signal-safe.

use std::sync::Once;
use std::sync::atomic::{AtomicBool, AtomicI32, Ordering};

use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::low_level;

static INSTALL: Once = Once::new();
static GUARDED: AtomicBool = AtomicBool::new(false);
static PENDING: AtomicI32 = AtomicI32::new(0);

/// Installs the handlers. Without a guard they behave exactly like the default action.
pub fn install() {
    INSTALL.call_once(|| {
        for signal in [SIGINT, SIGTERM, SIGHUP] {
            // SAFETY: the action only touches atomics or re-raises the default action,
            // which signal-hook documents as async-signal-safe.
            let registered = unsafe {
                low_level::register(signal, move || {
                    if GUARDED.load(Ordering::SeqCst) {
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

/// While this lives, the three signals are noted instead of ending mend.
pub struct Guard {
    outer: bool,
}

/// Starts noting signals; nested guards are fine.
pub fn guard() -> Guard {
    install();
    Guard {
        outer: !GUARDED.swap(true, Ordering::SeqCst),
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        if self.outer {
            GUARDED.store(false, Ordering::SeqCst);
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
