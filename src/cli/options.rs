//! The options every command takes (`--db`, `--passphrase-file`, `--color`, `--discreet`,
//! `--no-pager`), and `Sub`, which gives them to each subcommand when that subcommand is built.
//!
//! clap's usual way is to mark them global on the top-level command, which copies them into
//! every subcommand when the command line is built: 5 options × 37 subcommands, about a fifth
//! of mend's start-up and 200 KiB of memory, for every command. Instead, the lazily built
//! command line has them as plain options at the top, and each subcommand adds them, marked
//! global, when (and only if) it is the one given. Marked global there, clap still carries a
//! value given after the subcommand (`mend list --db x`) up to the top level, where `main`
//! reads it, and down to nested subcommands (`mend path next --db x`).

use std::path::PathBuf;

use clap::{ArgMatches, Args, FromArgMatches};

use super::ColorChoice;

/// One definition, made twice: `global = false` for the top of the lazy command line, `true`
/// for every subcommand and the top of the whole one.
macro_rules! options {
    ($name:ident, $global:literal) => {
        // No doc comment on the struct: a flattened struct's doc comment would replace the
        // description of the command it is flattened into.
        #[derive(Debug, Clone, Args)]
        pub struct $name {
            /// The journal file to use (created on first use); MEND_DB sets it too
            #[arg(long, global = $global, value_name = "PATH")]
            pub db: Option<PathBuf>,

            /// Read the passphrase of an encrypted journal from this file (MEND_PASSPHRASE works too)
            #[arg(long, global = $global, value_name = "FILE")]
            pub passphrase_file: Option<PathBuf>,

            /// When to colour the output: auto (a terminal and NO_COLOR unset), always, never
            #[arg(long, global = $global, value_enum, value_name = "WHEN")]
            pub color: Option<ColorChoice>,

            /// Say nothing about relationships or trust in lines others may glimpse (the nudge, the
            /// report's title); `discreet = true` in the config makes it the default
            #[arg(long, global = $global)]
            pub discreet: bool,

            /// Print long output directly instead of through $PAGER (less) on a terminal
            #[arg(long, global = $global)]
            pub no_pager: bool,
        }
    };
}

options!(RootOptions, false);
options!(GlobalOptions, true);

/// A subcommand's own arguments `T`, followed by the options every command takes (read from
/// the top level, where clap carries their values).
#[derive(Debug)]
pub struct Sub<T>(pub T);

impl<T: FromArgMatches> FromArgMatches for Sub<T> {
    fn from_arg_matches(matches: &ArgMatches) -> Result<Self, clap::Error> {
        T::from_arg_matches(matches).map(Sub)
    }

    fn update_from_arg_matches(&mut self, matches: &ArgMatches) -> Result<(), clap::Error> {
        self.0.update_from_arg_matches(matches)
    }
}

impl<T: Args> Args for Sub<T> {
    fn group_id() -> Option<clap::Id> {
        T::group_id()
    }

    fn augment_args(command: clap::Command) -> clap::Command {
        GlobalOptions::augment_args(T::augment_args(command))
    }

    fn augment_args_for_update(command: clap::Command) -> clap::Command {
        GlobalOptions::augment_args_for_update(T::augment_args_for_update(command))
    }
}

// The arguments of a subcommand that has none of its own (no doc comment, which would become
// the subcommand's description).
#[derive(Debug, Args)]
pub struct NoArgs {}
