//! The floor for `mend --version`: a clap-derived command line that prints its version.

use clap::Parser;

/// A command line with a version and nothing else.
#[derive(Parser)]
#[command(name = "mend", version)]
struct Cli {}

fn main() {
    let _ = Cli::parse();
}
