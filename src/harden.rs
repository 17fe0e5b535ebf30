//! Keeping the journal's words inside this process: no core file (which would hold entry text
//! and the passphrase), and, on Linux, no reading of this process's memory or environment by
//! other programs of the same user (ptrace, /proc/PID/mem). Programs mend starts (the editor)
//! are unaffected: the kernel resets this when they start.

/// Applied first thing in `main`. Failures are ignored on purpose: a system that refuses
/// these limits still gets a working journal, and there is nothing the person could do.
pub fn process() {
    let none = rustix::process::Rlimit {
        current: Some(0),
        maximum: Some(0),
    };
    let _ = rustix::process::setrlimit(rustix::process::Resource::Core, none);
    #[cfg(target_os = "linux")]
    let _ = rustix::process::set_dumpable_behavior(rustix::process::DumpableBehavior::NotDumpable);
}
