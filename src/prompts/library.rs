//! The prompt library: theme files and guided paths embedded from prompts/, merged with the
//! person's own TOML files from the config folder.

use std::fs;
use std::path::Path;

use anyhow::Result;
use serde::{Deserialize, Serialize};

use super::cadence::{Cadence, Measure};

/// Every theme mend knows, in the order they are listed.
pub const THEMES: [&str; 13] = [
    "root-causes",
    "feelings",
    "forgiveness",
    "signs",
    "communication",
    "expectations",
    "boundaries",
    "accountability",
    "betrayal",
    "self-trust",
    "progress",
    "connection",
    "support",
];

/// The built-in theme files, embedded so the binary stands alone.
const BUILT_IN: [(&str, &str); 13] = [
    (
        "root-causes.toml",
        include_str!("../../prompts/root-causes.toml"),
    ),
    ("feelings.toml", include_str!("../../prompts/feelings.toml")),
    (
        "forgiveness.toml",
        include_str!("../../prompts/forgiveness.toml"),
    ),
    ("signs.toml", include_str!("../../prompts/signs.toml")),
    (
        "communication.toml",
        include_str!("../../prompts/communication.toml"),
    ),
    (
        "expectations.toml",
        include_str!("../../prompts/expectations.toml"),
    ),
    (
        "boundaries.toml",
        include_str!("../../prompts/boundaries.toml"),
    ),
    (
        "accountability.toml",
        include_str!("../../prompts/accountability.toml"),
    ),
    ("betrayal.toml", include_str!("../../prompts/betrayal.toml")),
    (
        "self-trust.toml",
        include_str!("../../prompts/self-trust.toml"),
    ),
    ("progress.toml", include_str!("../../prompts/progress.toml")),
    (
        "connection.toml",
        include_str!("../../prompts/connection.toml"),
    ),
    ("support.toml", include_str!("../../prompts/support.toml")),
];

/// The guided paths: from the guides (and the thought record), and from research.
const PATHS: [&str; 2] = [
    include_str!("../../prompts/paths.toml"),
    include_str!("../../prompts/research-paths.toml"),
];

/// Who a prompt speaks to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Perspective {
    /// The person who was hurt
    Hurt,
    /// The person who broke trust and is rebuilding it
    Rebuilding,
    /// Either
    Any,
}

/// Which relationship a prompt is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, clap::ValueEnum)]
#[serde(rename_all = "lowercase")]
pub enum Context {
    Romantic,
    Friendship,
    Work,
    Any,
}

/// Further help a prompt leads to once it is answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Resources {
    /// The safety note's resources: emergency numbers and helplines.
    Safety,
}

/// The guide and section that inspired a prompt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    pub guide: String,
    pub section: String,
}

/// One reflection prompt, in the JSON shape `mend prompts --json` prints.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Prompt {
    pub id: String,
    pub theme: String,
    pub text: String,
    pub follow_ups: Vec<String>,
    pub perspective: Perspective,
    pub context: Context,
    pub source: Option<Source>,
    /// Further help to offer once this prompt is answered (the gentle safety check).
    #[serde(skip)]
    pub resources: Option<Resources>,
    /// Other prompt ids whose answers count as answers to this one: prompts merged into it
    /// (old journals still name them) and path steps that ask the same thing.
    #[serde(skip)]
    pub answered_as: Vec<String>,
}

impl Prompt {
    /// Whether answering this prompt should be followed by the safety note's resources.
    pub fn shows_safety_resources(&self) -> bool {
        self.resources == Some(Resources::Safety)
    }
}

#[derive(Debug, Clone, Serialize)]
pub struct Theme {
    pub id: String,
    pub title: String,
    pub description: String,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    pub id: String,
    pub title: String,
    /// One line shown before the question: what this step is for, or how to go about it.
    #[serde(default)]
    pub framing: Option<String>,
    pub text: String,
    #[serde(default)]
    pub follow_ups: Vec<String>,
    /// For structured paths (the thought record): the field this step fills.
    #[serde(default)]
    pub field: Option<String>,
    /// The library prompt this step asks again: answering either rests both.
    #[serde(default, skip_serializing)]
    pub prompt: Option<String>,
    /// The closing reflection: asked in the same sitting as the last session, with the
    /// path's before-and-after figures shown above it, and no check of its own.
    #[serde(default)]
    pub closing: bool,
    /// The guide section it comes from (paths from research name their study instead).
    #[serde(default)]
    pub source: Option<Source>,
}

/// Where a path comes from, which is how `mend path list` groups them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PathKind {
    /// Built from the guides mend's prompts come from.
    Guides,
    /// An exercise that research on couples or on writing studied.
    Research,
    /// A structured record filled in one sitting (and from scripts with --field).
    Record,
}

/// A guided path: ordered steps walked over several days.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GuidedPath {
    pub id: String,
    /// The prompt theme its steps count towards.
    pub theme: String,
    pub title: String,
    pub description: String,
    pub perspective: Perspective,
    #[serde(default = "from_the_guides")]
    pub kind: PathKind,
    /// For paths from research: the study or book, its authors and year.
    #[serde(default)]
    pub based_on: Option<String>,
    /// For paths from research: what is known of its effect, honestly.
    #[serde(default)]
    pub evidence: Option<String>,
    /// How far apart its sessions are meant to be (a step a day unless said).
    #[serde(default = "daily")]
    pub cadence: Cadence,
    /// For paths meant to be walked again: how long after a finished walk the next is due.
    #[serde(default)]
    pub again: Option<Cadence>,
    /// The 0–10 check asked at the start and end of each session.
    #[serde(default)]
    pub check: Option<Measure>,
    #[serde(rename = "step")]
    pub steps: Vec<Step>,
}

fn from_the_guides() -> PathKind {
    PathKind::Guides
}

fn daily() -> Cadence {
    Cadence::Days(1)
}

impl GuidedPath {
    /// Whether step `index` (0-based) opens a session, and so asks the check first: every
    /// step but the closing one, or only the first when the path is walked in one sitting.
    pub fn checks_before(&self, index: usize) -> bool {
        self.check.is_some()
            && self.steps.get(index).is_some_and(|s| !s.closing)
            && (self.cadence != Cadence::Sitting || index == 0)
    }

    /// Whether step `index` ends a session, and so asks the check after its answer.
    pub fn checks_after(&self, index: usize) -> bool {
        let last_session = self.steps.iter().rposition(|s| !s.closing);
        self.check.is_some()
            && self.steps.get(index).is_some_and(|s| !s.closing)
            && (self.cadence != Cadence::Sitting || Some(index) == last_session)
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ThemeFile {
    theme: String,
    #[serde(default)]
    title: Option<String>,
    #[serde(default)]
    description: Option<String>,
    #[serde(default, rename = "prompt")]
    prompts: Vec<PromptRecord>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PromptRecord {
    id: toml::Spanned<String>,
    text: String,
    #[serde(default)]
    follow_ups: Vec<String>,
    #[serde(default = "any_perspective")]
    perspective: Perspective,
    #[serde(default = "any_context")]
    context: Context,
    #[serde(default)]
    source: Option<Source>,
    /// Ids of prompts merged into this one.
    #[serde(default)]
    replaces: Vec<String>,
    #[serde(default)]
    resources: Option<Resources>,
}

fn any_perspective() -> Perspective {
    Perspective::Any
}

fn any_context() -> Context {
    Context::Any
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PathsFile {
    #[serde(rename = "path")]
    paths: Vec<GuidedPath>,
}

/// The library: built-in prompts and paths, plus the person's own prompts.
#[derive(Debug, Clone)]
pub struct Library {
    pub themes: Vec<Theme>,
    pub prompts: Vec<Prompt>,
    pub paths: Vec<GuidedPath>,
    /// One `file:line: reason` per own prompt file that could not be read.
    pub warnings: Vec<String>,
}

impl Library {
    /// The built-in library only.
    pub fn built_in() -> Library {
        let mut library = Library {
            themes: Vec::new(),
            prompts: Vec::new(),
            paths: PATHS
                .iter()
                .flat_map(|file| {
                    toml::from_str::<PathsFile>(file)
                        .expect("the path files are valid (checked by a unit test)")
                        .paths
                })
                .collect(),
            warnings: Vec::new(),
        };
        for (name, text) in BUILT_IN {
            library.add_file(name, text).unwrap_or_else(|e| {
                panic!("built-in prompts are valid (checked by a unit test): {e}")
            });
        }
        // A step that repeats a library prompt shares its rest: the step's entries carry the
        // id `path/step`, so that id counts as an answer to the prompt.
        let links: Vec<(String, String)> = library
            .paths
            .iter()
            .flat_map(|path| {
                path.steps.iter().filter_map(move |s| {
                    s.prompt
                        .clone()
                        .map(|p| (p, format!("{}/{}", path.id, s.id)))
                })
            })
            .collect();
        for (prompt, step) in links {
            if let Some(p) = library.prompts.iter_mut().find(|p| p.id == prompt) {
                p.answered_as.push(step);
            }
        }
        library
    }

    /// The built-in library plus every `*.toml` file in `own_dir`. A file that cannot be read
    /// is skipped whole and reported in `warnings`; the rest still works.
    pub fn load(own_dir: &Path) -> Library {
        let mut library = Library::built_in();
        let Ok(read) = fs::read_dir(own_dir) else {
            return library;
        };
        let mut files: Vec<_> = read
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|x| x == "toml"))
            .collect();
        files.sort();
        for file in files {
            let shown = file.display().to_string();
            match fs::read_to_string(&file) {
                Ok(text) => {
                    if let Err(e) = library.add_file(&shown, &text) {
                        library.warnings.push(e);
                    }
                }
                Err(e) => library
                    .warnings
                    .push(format!("{shown}:1: could not be read ({e})")),
            }
        }
        library
    }

    /// Parses and merges one theme file; all or nothing. Errors read `file:line: reason`.
    pub fn add_file(&mut self, name: &str, text: &str) -> Result<(), String> {
        let line_of = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
        let file: ThemeFile = toml::from_str(text).map_err(|e| {
            let line = e.span().map_or(1, |s| line_of(s.start));
            format!("{name}:{line}: {}", e.message().trim())
        })?;
        let theme = file.theme.trim().to_string();
        if theme.is_empty()
            || !theme
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            return Err(format!(
                "{name}:1: theme {theme:?} should be lower-case words joined by hyphens"
            ));
        }
        let mut added = Vec::new();
        for record in file.prompts {
            let line = line_of(record.id.span().start);
            let id = record.id.into_inner();
            let fail = |reason: String| Err(format!("{name}:{line}: {reason}"));
            if !id.starts_with(&format!("{theme}/")) || id.len() <= theme.len() + 1 {
                return fail(format!("prompt id {id:?} should start with \"{theme}/\""));
            }
            if self
                .prompts
                .iter()
                .chain(&added)
                .any(|p: &Prompt| p.id == id)
            {
                return fail(format!("prompt id {id:?} is used twice"));
            }
            if record.text.trim().is_empty() {
                return fail(format!("prompt {id:?} has no text"));
            }
            if let Some(taken) = record
                .replaces
                .iter()
                .find(|r| self.prompts.iter().chain(&added).any(|p| &p.id == *r))
            {
                return fail(format!(
                    "prompt {id:?} replaces {taken:?}, which is still a prompt"
                ));
            }
            if record.follow_ups.len() > 3 {
                return fail(format!("prompt {id:?} has more than 3 follow-up questions"));
            }
            added.push(Prompt {
                id,
                theme: theme.clone(),
                text: record.text.trim().to_string(),
                follow_ups: record.follow_ups,
                perspective: record.perspective,
                context: record.context,
                source: record.source,
                resources: record.resources,
                answered_as: record.replaces,
            });
        }
        if !self.themes.iter().any(|t| t.id == theme) {
            self.themes.push(Theme {
                title: file.title.unwrap_or_else(|| theme.clone()),
                description: file.description.unwrap_or_default(),
                id: theme,
            });
        }
        self.prompts.extend(added);
        Ok(())
    }

    /// The prompt with this id, or the one it was merged into (old entries name old ids).
    pub fn prompt(&self, id: &str) -> Option<&Prompt> {
        self.prompts.iter().find(|p| p.id == id).or_else(|| {
            self.prompts
                .iter()
                .find(|p| p.answered_as.iter().any(|a| a == id))
        })
    }

    pub fn path(&self, id: &str) -> Option<&GuidedPath> {
        self.paths.iter().find(|p| p.id == id)
    }

    /// Checks a theme name given on the command line.
    pub fn check_theme(&self, theme: &str) -> Result<()> {
        if self.themes.iter().any(|t| t.id == theme) {
            return Ok(());
        }
        let known: Vec<&str> = self.themes.iter().map(|t| t.id.as_str()).collect();
        anyhow::bail!(
            "there is no theme {theme:?} — choose one of: {}",
            known.join(", ")
        )
    }
}

#[cfg(test)]
#[path = "library_tests.rs"]
mod tests;
