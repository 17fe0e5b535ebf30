//! Every command-line type: the one place clap's derive lives (completions and man pages
//! are generated from it too).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::model::Mood;
use crate::prompts::{Context, Perspective};
use crate::refs::EntryRef;

mod options;
pub use options::{GlobalOptions, NoArgs, RootOptions, Sub};

/// The command line, one definition made twice. `Cli` is what every run parses: with clap's
/// `defer`, a subcommand's options are built only when it is the one given (building all 37
/// subcommands' options was a fifth of the start-up of every command, see BENCHMARKS.md).
/// `WholeCli` builds them all at once, in the order clap's propagation of the global options
/// expects, which is what the completions and man pages are generated from: built lazily, a
/// subcommand's own options would follow the global ones and `mend help` would lose its nested
/// commands. A test checks that both give the same help for every command.
macro_rules! command_line {
    ($cli:ident, $command:ident, $defer:tt, $options:ty) => {
        #[derive(Debug, Parser)]
        #[command(
            name = "mend",
            version,
            about = "A private journal for working through trust in your relationships",
            long_about = "mend is a private, local-first journal for people working through trust issues in \
        their relationships: the one who was hurt, and the one rebuilding trust. Entries stay in one \
        SQLite file on this computer; nothing is ever sent anywhere.\n\nmend is not therapy. If you are in \
        crisis, please contact your local emergency number or a crisis line.",
            after_help = "Examples:\n  mend write \"We talked tonight. It went better than I feared.\" --mood good --feel hope\n  mend list -n 5\n  mend search \"phone\"\n\nThe journal is at the platform data folder (mend/journal.db) unless --db or MEND_DB say otherwise."
        )]
        pub struct $cli {
            // The options every command takes (cli/options.rs).
            #[command(flatten)]
            pub options: $options,

            /// Left out on a terminal: a short home screen (today at a glance, commands to try)
            #[command(subcommand)]
            pub command: Option<$command>,
        }

        #[derive(Debug, Subcommand)]
        #[command(defer = $defer)]
        pub enum $command {
            /// Write an entry: from arguments, standard input, or your editor
            #[command(
                after_help = "Examples:\n  mend write \"Talked with Sam about the messages. I stayed calm.\"\n  mend write --date yesterday --mood 2 --feel hurt,confusion \"...\"\n  mend write --date \"last monday at 18:30\" --tag partner < notes.md\n  mend write            (opens $VISUAL or $EDITOR, then asks for mood and feelings)\n\n#words in the text are saved as tags too.\n\nPrivacy: text given as arguments can be seen by other programs while mend runs and is kept in your shell's history. For private words, use standard input or your editor (plain `mend write`)."
            )]
            Write(Sub<WriteArgs>),

            /// List entries, oldest first, like a diary
            #[command(
                after_help = "Examples:\n  mend list -n 10\n  mend list --from \"last monday\" --short\n  mend list --feel jealousy --tag partner\n  mend list --mood-max 2 --json"
            )]
            List(Sub<ListArgs>),

            /// Show one entry by id, or every entry of a day
            #[command(
                after_help = "Examples:\n  mend show 12\n  mend show yesterday\n  mend show 2026-05-01 --json"
            )]
            Show(Sub<ShowArgs>),

            /// Search the text of your entries, best matches first
            #[command(
                after_help = "Examples:\n  mend search phone\n  mend search \"felt safe\"\n  mend search 'trust AND (talk OR talked)'\n  mend search forgiv* --from 2026-01-01\n\nThe query uses SQLite full-text syntax: words, \"phrases\", prefix*, AND, OR, NOT."
            )]
            Search(Sub<SearchArgs>),

            /// Change an entry: its text in your editor, or its details with flags
            #[command(
                after_help = "Examples:\n  mend edit 12                 (opens the text in your editor)\n  mend edit 12 --mood 4 --feel relief,hope\n  mend edit 12 --date yesterday --tag partner,walk\n  mend edit 12 --text \"New text\""
            )]
            Edit(Sub<EditArgs>),

            /// Log a small moment of reaching for connection, and how it was met
            #[command(
                after_help = "Examples:\n  mend moment --by partner --response toward \"Asked how my day went and listened\"\n  mend moment --by me --response away \"Showed him a photo; he kept scrolling\"\n  mend moment            (asks who reached, how it was met, and what it was)\n\nTrust is built in small moments: a bid for attention turned toward, away or against.\nmend counts what you log; it predicts nothing."
            )]
            Moment(Sub<MomentArgs>),

            /// List logged moments and how many were turned toward
            #[command(
                after_help = "Examples:\n  mend moments\n  mend moments --from \"4 weeks ago\"\n  mend moments --json"
            )]
            Moments(Sub<MomentsArgs>),

            /// Look back over the week in one sitting, and set an intention for the next
            #[command(
                after_help = "Examples:\n  mend review                       (the last seven days, on a terminal)\n  mend review --month\n  mend review --field kept=partly --field how=\"...\" --field intention=\"...\"\n  mend review --answer yes --answer \"...\" --answer \"...\" --answer \"...\"\n\nA few lines on the period (only what `mend summary` would say), whether last review's\nintention was kept, one prompt, and a new intention: saved as one entry.\n`mend nudge` suggests it on the review day (`review-day` in the config; default the\nweek's last day)."
            )]
            Review(Sub<ReviewArgs>),

            /// Move entries to the trash (restorable for 30 days)
            #[command(
                after_help = "Examples:\n  mend delete 12\n  mend delete 12 13 --yes\n  mend delete --purge 12      (for good, out of the file itself)\n\nDeleted entries can be brought back with `mend restore ID` for 30 days."
            )]
            Delete(Sub<DeleteArgs>),

            /// Bring entries back from the trash
            #[command(after_help = "Examples:\n  mend trash\n  mend restore 12")]
            Restore(Sub<RestoreArgs>),

            /// List the entries in the trash and how long they stay
            #[command(
                after_help = "Examples:\n  mend trash\n  mend trash --json\n  mend trash empty           (removes them for good, out of the file itself)"
            )]
            Trash(Sub<TrashArgs>),

            /// Entries written on this day in earlier years
            #[command(
                name = "on-this-day",
                after_help = "Examples:\n  mend on-this-day\n  mend on-this-day --date \"may 3\""
            )]
            OnThisDay(Sub<OnThisDayArgs>),

            /// Texts kept when saving failed: list, show, recover or discard them
            #[command(
                after_help = "Examples:\n  mend drafts\n  mend drafts show 1\n  mend drafts recover 1\n  mend drafts discard 1"
            )]
            Drafts(Sub<DraftsArgs>),

            /// Today's reflection prompt, and answering it
            #[command(
                after_help = "Examples:\n  mend prompt                      (shows today's prompt and opens your editor)\n  mend prompt --inline             (answer right here in the terminal)\n  mend prompt --theme forgiveness --perspective hurt\n  mend prompt --another            (the next one instead)\n  mend prompt --show               (only print it)\n  mend prompt --theme forgiveness --answer \"...\" --answer \"(answer to the follow-up)\"\n  echo \"...\" | mend prompt\n\nToday's prompt stays the same all day. It favours the themes you have explored least\nrecently and rests a prompt for 60 days after you answer it."
            )]
            Prompt(Sub<PromptArgs>),

            /// The library of reflection prompts
            #[command(
                after_help = "Examples:\n  mend prompts\n  mend prompts --theme boundaries\n  mend prompts show forgiveness/what-holding-on-costs\n  mend prompts themes\n  mend prompts --json\n\nYour own prompts: TOML files in the mend/prompts folder of your config folder (see `mend prompts themes`)."
            )]
            Prompts(Sub<PromptsArgs>),

            /// Guided paths: reflections in several steps, walked over several days
            #[command(
                after_help = "Examples:\n  mend path list\n  mend path start forgiveness\n  mend path next\n  mend path start thought-record\n  mend path start thought-record --field situation=\"...\" --field thought=\"...\" --field belief=80%\n  mend path start expressive-writing\n  mend path next expressive-writing --before 6 --answer \"...\" --after 4\n  mend path status\n  mend path stop forgiveness"
            )]
            Path(Sub<PathArgs>),

            /// Patterns over time: mood, feelings, themes, trust signs, and what goes with better days
            #[command(
                after_help = "Examples:\n  mend summary                 (the last 30 days, compared with the 30 before)\n  mend summary --since 12w\n  mend summary --from 2026-01-01 --to 2026-06-30\n  mend summary --explain       (the entries each insight rests on)\n  mend summary --json\n  mend summary --format md > summary.md\n\nmend describes patterns in what you wrote; it does not diagnose. A pattern is only\nclaimed when there is enough writing behind it, and every figure shows its n."
            )]
            Summary(Sub<SummaryArgs>),

            /// A self-contained HTML report with charts: mood, a calendar, feelings, themes, signs
            #[command(
                after_help = "Examples:\n  mend report -o report.html\n  mend report -o report.html --since 6m\n  mend report -o report.html --from 2026-01-01 --to 2026-06-30\n\nThe file works offline (no scripts, fonts or images from anywhere) and prints well.\nIt holds your words and patterns in plain text: keep it somewhere private."
            )]
            Report(Sub<ReportArgs>),

            /// Export entries to Markdown or JSON
            #[command(
                after_help = "Examples:\n  mend export > journal.md\n  mend export -o journal.md\n  mend export --format json -o journal.json\n  mend export --from 2026-01-01 --tag partner -o partner.md\n  mend export --split day -o notes/      (one file per day, with front matter)\n\nThe output is plain text: keep it somewhere private."
            )]
            Export(Sub<ExportArgs>),

            /// Import entries from a mend JSON export, jrnl, Day One, or Daylio
            #[command(
                after_help = "Examples:\n  mend import journal.json\n  mend import --format jrnl jrnl-export.json\n  mend import \"Day One Export.zip\"\n  mend import daylio_export.csv --mood-map \"great=5,okay=3\"\n  mend import --dry-run journal.json\n  cat journal.json | mend import -\n\nAll or nothing: one bad entry stops the import and nothing is added, unless --skip-invalid."
            )]
            Import(Sub<ImportArgs>),

            /// Analyse entries again (after an update of mend's word lists)
            #[command(
                after_help = "Examples:\n  mend reindex          (only entries analysed by an older mend)\n  mend reindex --all"
            )]
            Reindex(Sub<ReindexArgs>),

            /// One gentle line with today's prompt when nothing was written today (for a shell's startup file)
            #[command(
                after_help = "Add it to your shell's startup file, e.g. in ~/.bashrc:\n  command -v mend >/dev/null && mend nudge\n\nIt says nothing when you already wrote today, when there is no journal yet,\nwhen `nudge = false` is in the config file, or when anything goes wrong."
            )]
            Nudge(Sub<NoArgs>),

            /// Where mend keeps your journal, drafts, prompts and config, and why
            #[command(after_help = "Examples:\n  mend paths\n  mend paths --json")]
            Paths(Sub<PathsArgs>),

            /// The config file: where it is and what it says
            #[command(
                after_help = "Examples:\n  mend config path\n  mend config show\n  mend config set perspective rebuilding\n\nSettings (all optional) in config.toml:\n  editor = \"nano\"              the editor, before $VISUAL and $EDITOR\n  color = \"auto\"               auto, always or never\n  week-start = \"monday\"        monday or sunday\n  summary-period = \"30d\"       the default period of `mend summary`\n  safety-note = false          no safety notes (or a text of your own)\n  perspective = \"hurt\"         prompts for: hurt, rebuilding or any\n  context = \"romantic\"        prompts about: romantic, friendship, work or any\n  nudge = true                  whether `mend nudge` speaks"
            )]
            Config(Sub<ConfigArgs>),

            /// Create a new journal, encrypted with --encrypt
            #[command(
                after_help = "Examples:\n  mend init --encrypt          (asks for a passphrase twice)\n  MEND_PASSPHRASE=... mend init --encrypt\n\nKeep the passphrase safe: without it, an encrypted journal cannot be read by anyone, you included."
            )]
            Init(Sub<InitArgs>),

            /// Encrypt an existing journal in place
            #[command(
                after_help = "Examples:\n  mend encrypt\n  MEND_PASSPHRASE=... mend encrypt\n\nThe plain file is replaced by the encrypted one; no plain copy is kept."
            )]
            Encrypt(Sub<NoArgs>),

            /// Turn an encrypted journal back into a plain one
            #[command(after_help = "Examples:\n  mend decrypt")]
            Decrypt(Sub<NoArgs>),

            /// Change the passphrase of an encrypted journal
            #[command(
                after_help = "Examples:\n  mend passphrase              (asks for the old one, then the new one twice)\n  MEND_PASSPHRASE=old MEND_NEW_PASSPHRASE=new mend passphrase"
            )]
            Passphrase(Sub<PassphraseArgs>),

            /// Check the journal: integrity, the search index, and the stored analysis
            #[command(after_help = "Examples:\n  mend check")]
            Check(Sub<NoArgs>),

            /// Copy the journal safely to a file (an encrypted journal stays encrypted)
            #[command(
                after_help = "Examples:\n  mend backup ~/backups/journal-2026-11-21.db\n  mend backup --force ~/backups/journal.db"
            )]
            Backup(Sub<BackupArgs>),

            /// Shell completions: bash, zsh, fish, elvish or powershell
            #[command(
                after_help = "Examples:\n  mend completions bash > ~/.local/share/bash-completion/completions/mend\n  mend completions zsh > ~/.zfunc/_mend\n  mend completions fish > ~/.config/fish/completions/mend.fish"
            )]
            Completions(Sub<CompletionsArgs>),

            /// Write man pages for mend and every subcommand into a folder
            #[command(after_help = "Examples:\n  mend man ~/.local/share/man/man1\n  man mend")]
            Man(Sub<ManArgs>),

            /// The feelings you can name, by family
            #[command(after_help = "Examples:\n  mend feelings\n  mend feelings --json")]
            Feelings(Sub<FeelingsArgs>),
        }
    };
}

command_line!(Cli, Command, true, RootOptions);
command_line!(WholeCli, WholeCommand, false, GlobalOptions);

#[derive(Debug, Args)]
pub struct InitArgs {
    /// Encrypt the journal with a passphrase (SQLCipher)
    #[arg(long)]
    pub encrypt: bool,
}

#[derive(Debug, Args)]
pub struct PassphraseArgs {
    /// Read the new passphrase from this file (MEND_NEW_PASSPHRASE works too)
    #[arg(long, value_name = "FILE")]
    pub new_passphrase_file: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct BackupArgs {
    /// Where to write the copy
    pub file: PathBuf,

    /// Replace the file if it exists
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// The folder to write the pages into (created if missing)
    pub dir: PathBuf,
}

/// Every subcommand built in full: for completions, man pages, and finding the deepest
/// subcommand an error is about.
pub fn whole_command() -> clap::Command {
    <WholeCli as clap::CommandFactory>::command()
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colour when NO_COLOR is unset and the output is a terminal
    Auto,
    Always,
    Never,
}

/// Mood as given on the command line: 1–5 or a word.
pub fn parse_mood(value: &str) -> Result<Mood, String> {
    Mood::parse(value)
}

#[derive(Debug, Args)]
pub struct EntryDetails {
    /// The day the entry is about: today, yesterday, "last monday", "3 days ago", 2024-05-01, "yesterday at 18:30"
    #[arg(long, short = 'd', value_name = "DATE")]
    pub date: Option<String>,

    /// How the day felt: 1-5 or very-low, low, okay, good, very-good
    #[arg(long, short = 'm', value_parser = parse_mood, value_name = "MOOD")]
    pub mood: Option<Mood>,

    /// Feelings, repeatable or comma-separated (see `mend feelings`)
    #[arg(long = "feel", short = 'f', value_name = "FEELINGS")]
    pub feelings: Vec<String>,

    /// Tags, repeatable or comma-separated
    #[arg(long = "tag", short = 't', value_name = "TAGS")]
    pub tags: Vec<String>,
}

#[derive(Debug, Args)]
pub struct WriteArgs {
    /// The entry's text (visible to other programs and kept in shell history: prefer standard
    /// input or your editor); read from standard input or your editor when left out
    #[arg(value_name = "TEXT")]
    pub text: Vec<String>,

    #[command(flatten)]
    pub details: EntryDetails,
}

#[derive(Debug, Args, Default)]
pub struct FilterArgs {
    /// Only entries of this day
    #[arg(long, value_name = "DATE", conflicts_with_all = ["from", "to"])]
    pub on: Option<String>,

    /// Only entries from this day on (inclusive)
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,

    /// Only entries up to this day (inclusive)
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,

    /// Only entries with any of these feelings
    #[arg(long = "feel", value_name = "FEELINGS")]
    pub feelings: Vec<String>,

    /// Only entries with any of these tags
    #[arg(long = "tag", value_name = "TAGS")]
    pub tags: Vec<String>,

    /// Only entries with at least this mood
    #[arg(long, value_parser = parse_mood, value_name = "MOOD")]
    pub mood_min: Option<Mood>,

    /// Only entries with at most this mood
    #[arg(long, value_parser = parse_mood, value_name = "MOOD")]
    pub mood_max: Option<Mood>,

    /// Only answers to prompts of this theme
    #[arg(long, value_name = "THEME")]
    pub theme: Option<String>,
}

#[derive(Debug, Args)]
pub struct ListArgs {
    /// Show only the last N entries
    #[arg(short = 'n', long = "number", value_name = "N")]
    pub number: Option<usize>,

    #[command(flatten)]
    pub filter: FilterArgs,

    /// One line per entry
    #[arg(long, short = 's', conflicts_with = "json")]
    pub short: bool,

    /// Print entries as JSON (the shape is documented in docs/json.md)
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ShowArgs {
    /// An entry id, `last` or -1 (the newest), -2, …, or a day (e.g. yesterday, 2026-05-01)
    #[arg(value_name = "ID|DATE", allow_negative_numbers = true)]
    pub target: String,

    /// Print as JSON, with what the analysis read in the entry
    #[arg(long, conflicts_with = "why")]
    pub json: bool,

    /// Say which words were read as which trust sign or feeling, and whose
    #[arg(long)]
    pub why: bool,
}

#[derive(Debug, Args)]
pub struct SearchArgs {
    /// Words to find (SQLite full-text syntax)
    #[arg(value_name = "QUERY", required = true)]
    pub query: Vec<String>,

    /// Show at most N results
    #[arg(short = 'n', long = "number", value_name = "N", default_value_t = 20)]
    pub number: usize,

    #[command(flatten)]
    pub filter: FilterArgs,

    /// Print results as JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct EditArgs {
    /// The entry to change: its id, `last`, or -1 (the newest), -2, …
    #[arg(value_name = "ID", value_parser = EntryRef::parse, allow_negative_numbers = true)]
    pub id: EntryRef,

    /// Replace the text without opening the editor ("-" reads standard input)
    #[arg(long, value_name = "TEXT")]
    pub text: Option<String>,

    /// Move the entry to another day
    #[arg(long, short = 'd', value_name = "DATE")]
    pub date: Option<String>,

    /// Set the mood: 1-5 or very-low, low, okay, good, very-good
    #[arg(long, short = 'm', value_parser = parse_mood, value_name = "MOOD", conflicts_with = "no_mood")]
    pub mood: Option<Mood>,

    /// Remove the mood
    #[arg(long)]
    pub no_mood: bool,

    /// Replace the feelings (comma-separated; an empty value clears them)
    #[arg(long = "feel", short = 'f', value_name = "FEELINGS")]
    pub feelings: Option<Vec<String>>,

    /// Replace the tags (comma-separated; an empty value clears them)
    #[arg(long = "tag", short = 't', value_name = "TAGS")]
    pub tags: Option<Vec<String>>,

    /// A trust sign misread in this entry: it stops counting, even after `mend reindex`
    #[arg(long = "not-sign", value_name = "SIGN", value_delimiter = ',')]
    pub not_sign: Vec<String>,

    /// A feeling misread in the text of this entry: it stops counting, even after reindex
    #[arg(long = "not-feel", value_name = "FEELING", value_delimiter = ',')]
    pub not_feel: Vec<String>,
}

#[derive(Debug, Args)]
pub struct MomentArgs {
    /// What happened, in a line or two
    #[arg(value_name = "TEXT")]
    pub text: Vec<String>,

    /// Who reached out: me or partner
    #[arg(long, value_enum, value_name = "WHO")]
    pub by: Option<crate::moments::Reached>,

    /// How it was met: toward, away or against
    #[arg(long, value_enum, value_name = "HOW")]
    pub response: Option<crate::moments::Response>,

    /// The day it happened (default today), e.g. yesterday or "yesterday at 18:30"
    #[arg(long, short = 'd', value_name = "DATE")]
    pub date: Option<String>,
}

#[derive(Debug, Args)]
pub struct MomentsArgs {
    /// From this day on
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,

    /// Up to this day
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,

    /// Print as JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// Look back over the last month instead of the week
    #[arg(long, conflicts_with = "year")]
    pub month: bool,

    /// Look back over the last year
    #[arg(long)]
    pub year: bool,

    /// An answer for scripts, in the order the questions are asked: kept (yes, partly or
    /// no) and how (only when an earlier review set an intention), answer (to the prompt),
    /// intention
    #[arg(long, value_name = "TEXT")]
    pub answer: Vec<String>,

    /// An answer by name for scripts, e.g. --field intention="..." (kept, how, answer,
    /// intention)
    #[arg(long = "field", value_name = "NAME=TEXT")]
    pub fields: Vec<String>,
}

#[derive(Debug, Args)]
pub struct DeleteArgs {
    /// The entries to move to the trash: ids, `last`, or -1 (the newest), -2, …
    #[arg(value_name = "ID", required = true, value_parser = EntryRef::parse, allow_negative_numbers = true)]
    pub ids: Vec<EntryRef>,

    /// Do not ask for confirmation
    #[arg(long, short = 'y')]
    pub yes: bool,

    /// Remove them for good, text and all, from the journal file itself (no trash, no restore)
    #[arg(long)]
    pub purge: bool,
}

#[derive(Debug, Args)]
pub struct RestoreArgs {
    /// The entries to bring back
    #[arg(value_name = "ID", required = true)]
    pub ids: Vec<i64>,
}

#[derive(Debug, Args)]
pub struct TrashArgs {
    /// Print as JSON
    #[arg(long)]
    pub json: bool,

    #[command(subcommand)]
    pub action: Option<TrashAction>,
}

#[derive(Debug, Subcommand)]
pub enum TrashAction {
    /// Remove everything in the trash for good, text and all, from the journal file itself
    #[command(after_help = "Examples:\n  mend trash empty\n  mend trash empty --yes")]
    Empty {
        /// Do not ask for confirmation
        #[arg(long, short = 'y')]
        yes: bool,
    },
}

#[derive(Debug, Args)]
pub struct OnThisDayArgs {
    /// Look back from this day instead of today
    #[arg(long, short = 'd', value_name = "DATE")]
    pub date: Option<String>,

    /// Print as JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct DraftsArgs {
    #[command(subcommand)]
    pub action: Option<DraftsAction>,
}

#[derive(Debug, Subcommand)]
pub enum DraftsAction {
    /// List kept drafts (the default)
    #[command(after_help = "Examples:\n  mend drafts list")]
    List,
    /// Print a draft's text
    #[command(after_help = "Examples:\n  mend drafts show 1")]
    Show {
        /// Draft number from `mend drafts`, or its file path
        draft: String,
    },
    /// Save a draft as an entry, then remove the draft
    #[command(
        after_help = "Examples:\n  mend drafts recover 1\n  mend drafts recover ~/.local/share/mend/drafts/draft-20261121-183000-000.md"
    )]
    Recover {
        /// Draft number from `mend drafts`, or its file path
        draft: String,
    },
    /// Remove a draft for good
    #[command(after_help = "Examples:\n  mend drafts discard 1")]
    Discard {
        /// Draft number from `mend drafts`, or its file path
        draft: String,
    },
}

#[derive(Debug, Args)]
pub struct FeelingsArgs {
    /// Print as JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct AnswerArgs {
    /// Answer in the terminal instead of the editor
    #[arg(long)]
    pub inline: bool,

    /// The answer, for scripts; give it again to answer each follow-up question in turn
    #[arg(long, value_name = "TEXT")]
    pub answer: Vec<String>,

    #[command(flatten)]
    pub details: EntryDetails,
}

#[derive(Debug, Args)]
pub struct PromptArgs {
    /// Only prompts of this theme (see `mend prompts themes`)
    #[arg(long, value_name = "THEME")]
    pub theme: Option<String>,

    /// Prompts for the one who was hurt, or the one rebuilding trust
    #[arg(long, value_enum)]
    pub perspective: Option<Perspective>,

    /// Prompts about this kind of relationship
    #[arg(long, value_enum)]
    pub context: Option<Context>,

    /// The next candidate instead of today's prompt (repeat to go further)
    #[arg(long, short = 'a', action = clap::ArgAction::Count)]
    pub another: u8,

    /// Only print the prompt; do not answer it now
    #[arg(long, conflicts_with_all = ["inline", "answer"])]
    pub show: bool,

    /// Print the prompt as JSON (implies --show)
    #[arg(long, conflicts_with_all = ["inline", "answer"])]
    pub json: bool,

    #[command(flatten)]
    pub answer: AnswerArgs,
}

#[derive(Debug, Args)]
pub struct PromptsArgs {
    #[command(subcommand)]
    pub action: Option<PromptsAction>,

    /// Only prompts of this theme
    #[arg(long, value_name = "THEME")]
    pub theme: Option<String>,

    /// Print as JSON (the shape is documented in docs/json.md)
    #[arg(long, global = true)]
    pub json: bool,
}

#[derive(Debug, Subcommand)]
pub enum PromptsAction {
    /// One prompt in full, with its follow-ups and source
    Show {
        /// A prompt id, e.g. forgiveness/what-holding-on-costs
        id: String,
    },
    /// The themes, how many prompts each has, and how many you have answered
    Themes,
}

#[derive(Debug, Args)]
pub struct PathArgs {
    #[command(subcommand)]
    pub action: PathAction,
}

#[derive(Debug, Subcommand)]
pub enum PathAction {
    /// The guided paths there are
    List {
        /// Print as JSON
        #[arg(long)]
        json: bool,
    },
    /// Begin walking a path (the thought record is walked at once, in one sitting)
    Start {
        /// The path, e.g. forgiveness (see `mend path list`)
        name: String,

        /// A thought-record answer for scripts, e.g. --field belief=80%. NAME is one of:
        /// situation, thought, belief, feelings, evidence-for, evidence-against,
        /// balanced-thought, balanced-belief, belief-after, feelings-after. --answer fills
        /// them in that order instead.
        #[arg(long = "field", value_name = "NAME=TEXT")]
        fields: Vec<String>,

        #[command(flatten)]
        answer: AnswerArgs,
    },
    /// Answer the next step of a path you are walking
    Next {
        /// Which path, when you are walking more than one
        name: Option<String>,

        /// A thought-record answer for scripts, e.g. --field belief=80% (names as for `start`)
        #[arg(long = "field", value_name = "NAME=TEXT")]
        fields: Vec<String>,

        /// For scripts, on a path with a 0–10 check: the rating before this session
        #[arg(long, value_name = "0-10", value_parser = clap::value_parser!(u8).range(0..=10))]
        before: Option<u8>,

        /// For scripts, on a path with a 0–10 check: the rating after this session
        #[arg(long, value_name = "0-10", value_parser = clap::value_parser!(u8).range(0..=10))]
        after: Option<u8>,

        #[command(flatten)]
        answer: AnswerArgs,
    },
    /// Where you are on the paths you are walking
    Status {
        /// One path only
        name: Option<String>,

        /// Print as JSON
        #[arg(long)]
        json: bool,
    },
    /// Stop walking a path (your answers stay in the journal)
    Stop {
        /// Which path, when you are walking more than one
        name: Option<String>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// Markdown (CommonMark)
    Md,
    /// mend's JSON, which `mend import` reads back exactly
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Split {
    /// One file per day
    Day,
    /// One file per month
    Month,
    /// One file per entry
    Entry,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The output format
    #[arg(long, value_enum, default_value_t = ExportFormat::Md)]
    pub format: ExportFormat,

    /// Write to this file (or folder, with --split) instead of standard output
    #[arg(long, short = 'o', value_name = "PATH")]
    pub output: Option<PathBuf>,

    /// Write one file per day, month or entry into the folder given with -o
    #[arg(long, value_enum, requires = "output")]
    pub split: Option<Split>,

    /// Replace files that already exist
    #[arg(long)]
    pub force: bool,

    /// Add a summary of the period's patterns (Markdown only)
    #[arg(long)]
    pub with_summary: bool,

    #[command(flatten)]
    pub filter: FilterArgs,
}

/// `--format` of `mend import`: `auto` (`None`), or a format of the table in
/// `interop::formats`, whose rows give the names and their help.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ImportFormat(pub Option<crate::interop::formats::Format>);

fn import_formats() -> impl clap::builder::TypedValueParser<Value = ImportFormat> {
    use crate::interop::formats::{FORMATS, Format};
    use clap::builder::{PossibleValue, PossibleValuesParser, TypedValueParser};
    let auto = PossibleValue::new("auto").help("Tell from the content");
    let rows = FORMATS
        .iter()
        .map(|s| PossibleValue::new(s.name).help(s.help));
    PossibleValuesParser::new(std::iter::once(auto).chain(rows))
        .map(|name| ImportFormat(Format::named(&name)))
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The file to import, or - for standard input
    #[arg(value_name = "FILE")]
    pub file: PathBuf,

    /// The file's format
    #[arg(long, default_value = "auto", value_parser = import_formats())]
    pub format: ImportFormat,

    /// Daylio mood labels and the mood (1-5) each means, beside rad=5, good=4, meh=3, bad=2, awful=1
    #[arg(long, value_name = "LABEL=MOOD,...")]
    pub mood_map: Option<String>,

    /// Import the valid entries and list the ones skipped
    #[arg(long)]
    pub skip_invalid: bool,

    /// Report what would be imported without changing the journal
    #[arg(long)]
    pub dry_run: bool,
}

#[derive(Debug, Args)]
pub struct ReindexArgs {
    /// Analyse every entry, not only those analysed by an older mend
    #[arg(long)]
    pub all: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SummaryFormat {
    /// Text for the terminal
    Text,
    /// Markdown
    Md,
    /// JSON (the shape is documented in docs/summary.md)
    Json,
}

#[derive(Debug, Args)]
pub struct SummaryArgs {
    #[command(flatten)]
    pub period: PeriodArgs,

    /// List under each insight the entries it rests on
    #[arg(long)]
    pub explain: bool,

    /// Print as JSON (same as --format json)
    #[arg(long, conflicts_with = "format")]
    pub json: bool,

    /// The output format
    #[arg(long, value_enum, default_value_t = SummaryFormat::Text)]
    pub format: SummaryFormat,
}

#[derive(Debug, Args)]
pub struct PathsArgs {
    /// Print as JSON
    #[arg(long)]
    pub json: bool,
}

#[derive(Debug, Args)]
pub struct ConfigArgs {
    #[command(subcommand)]
    pub action: ConfigAction,
}

#[derive(Debug, Subcommand)]
pub enum ConfigAction {
    /// Print where the config file is (it may not exist yet)
    Path,
    /// Print the settings in effect
    Show,
    /// Change one setting in the config file, e.g. `mend config set perspective hurt`
    Set {
        /// The setting, as spelled in the file (e.g. perspective, context, week-start)
        key: String,
        /// Its new value
        value: String,
    },
}

#[derive(Debug, Args)]
pub struct ReportArgs {
    /// The HTML file to write
    #[arg(long, short = 'o', value_name = "FILE")]
    pub output: PathBuf,

    /// Replace the file if it exists
    #[arg(long)]
    pub force: bool,

    #[command(flatten)]
    pub period: PeriodArgs,
}

// The period a summary or report covers. (A comment, not a doc comment: a flattened struct's
// doc comment would become the description of the command that flattens it.)
#[derive(Debug, Args, Default)]
pub struct PeriodArgs {
    /// The period: the last 30d, 12w, 6m or 1y (default 30d, or summary-period in the config)
    #[arg(long, value_name = "SPAN", conflicts_with_all = ["from", "to"])]
    pub since: Option<String>,

    /// The first day of the period
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,

    /// The last day of the period (default today)
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
}

#[cfg(test)]
mod tests {
    use clap::CommandFactory;

    /// Each command's long help, and its subcommands', depth first. Not `mend help`'s own tree
    /// of names, which a lazy build does not fill in (the completions come from the whole one).
    fn helps(command: &mut clap::Command, path: &str, out: &mut Vec<(String, String)>) {
        out.push((path.to_string(), command.render_long_help().to_string()));
        for sub in command.get_subcommands_mut() {
            if path == "mend" && sub.get_name() == "help" {
                continue;
            }
            let name = format!("{path} {}", sub.get_name());
            helps(sub, &name, out);
        }
    }

    #[test]
    fn the_lazy_and_the_whole_command_line_are_the_same() {
        let (mut lazy, mut whole) = (super::Cli::command(), super::whole_command());
        lazy.build();
        whole.build();
        let (mut a, mut b) = (Vec::new(), Vec::new());
        helps(&mut lazy, "mend", &mut a);
        helps(&mut whole, "mend", &mut b);
        let names = |v: &[(String, String)]| v.iter().map(|(n, _)| n.clone()).collect::<Vec<_>>();
        assert_eq!(names(&a), names(&b));
        for ((name, lazy), (_, whole)) in a.iter().zip(&b) {
            assert_eq!(lazy, whole, "the help of `{name}` differs");
        }
        assert!(
            a.len() > 40,
            "every command and subcommand is compared: {}",
            a.len()
        );
    }
}
