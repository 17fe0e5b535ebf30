//! The prompt library: theme files and guided paths embedded from prompts/, merged with the
//! person's own TOML files from the config folder.

use std::fs;
use std::path::Path;

use anyhow::Result;
use serde::{Deserialize, Serialize};

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

const PATHS: &str = include_str!("../../prompts/paths.toml");

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
    pub text: String,
    #[serde(default)]
    pub follow_ups: Vec<String>,
    /// For structured paths (the thought record): the field this step fills.
    #[serde(default)]
    pub field: Option<String>,
    /// The library prompt this step asks again: answering either rests both.
    #[serde(default, skip_serializing)]
    pub prompt: Option<String>,
    pub source: Source,
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
    #[serde(rename = "step")]
    pub steps: Vec<Step>,
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
            paths: toml::from_str::<PathsFile>(PATHS)
                .expect("prompts/paths.toml is valid (checked by a unit test)")
                .paths,
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
mod tests {
    use super::*;

    #[derive(Deserialize)]
    struct Sources {
        guide: Vec<GuideSections>,
    }

    #[derive(Deserialize)]
    struct GuideSections {
        file: String,
        sections: Vec<String>,
    }

    fn sources() -> Sources {
        toml::from_str(include_str!("../../prompts/sources.toml")).unwrap()
    }

    #[test]
    fn every_prompt_file_is_embedded() {
        let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("prompts");
        let mut on_disk: Vec<String> = fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.ends_with(".toml") && n != "paths.toml" && n != "sources.toml")
            .collect();
        on_disk.sort();
        let mut embedded: Vec<String> = BUILT_IN.iter().map(|(n, _)| n.to_string()).collect();
        embedded.sort();
        assert_eq!(on_disk, embedded);
    }

    #[test]
    fn library_meets_its_promises() {
        let lib = Library::built_in();
        assert!(lib.prompts.len() >= 150, "{} prompts", lib.prompts.len());
        let themes: Vec<&str> = lib.themes.iter().map(|t| t.id.as_str()).collect();
        assert_eq!(themes, THEMES.to_vec());
        for theme in THEMES {
            let n = lib.prompts.iter().filter(|p| p.theme == theme).count();
            let min = if ["root-causes", "feelings", "forgiveness"].contains(&theme) {
                15
            } else {
                8
            };
            assert!(n >= min, "{theme} has {n} prompts, needs {min}");
        }
        let mut ids: Vec<&str> = lib.prompts.iter().map(|p| p.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), lib.prompts.len(), "prompt ids are unique");
        for p in &lib.prompts {
            assert!(p.text.ends_with('?'), "{} is a question", p.id);
            assert!(p.follow_ups.len() <= 3);
            assert!(p.source.is_some(), "{} names its source", p.id);
        }
        for perspective in [Perspective::Hurt, Perspective::Rebuilding] {
            assert!(lib.prompts.iter().any(|p| p.perspective == perspective));
        }
    }

    #[test]
    fn sources_are_real_and_every_section_is_used() {
        let lib = Library::built_in();
        let sources = sources();
        let guides_dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/guides");
        let all_sources = lib
            .prompts
            .iter()
            .map(|p| (p.id.clone(), p.source.clone().unwrap()))
            .chain(lib.paths.iter().flat_map(|path| {
                path.steps
                    .iter()
                    .map(move |s| (format!("{}/{}", path.id, s.id), s.source.clone()))
            }));
        for (id, source) in all_sources {
            let guide = sources.guide.iter().find(|g| g.file == source.guide);
            let guide = guide.unwrap_or_else(|| panic!("{id}: unknown guide {}", source.guide));
            assert!(
                guide.sections.contains(&source.section),
                "{id}: unknown section {:?}",
                source.section
            );
        }
        for guide in &sources.guide {
            // The guides ship beside the repository; when present, the file names must match.
            if guides_dir.exists() {
                assert!(
                    guides_dir.join(&guide.file).exists(),
                    "no guide file {}",
                    guide.file
                );
            }
            for section in &guide.sections {
                assert!(
                    lib.prompts.iter().any(|p| p
                        .source
                        .as_ref()
                        .is_some_and(|s| s.guide == guide.file && &s.section == section)),
                    "no prompt is drawn from {} / {section}",
                    guide.file
                );
            }
        }
    }

    #[test]
    fn paths_are_complete() {
        let lib = Library::built_in();
        for id in [
            "forgiveness",
            "after-betrayal",
            "root-causes",
            "rebuilding",
            "weekly-check-in",
            "thought-record",
        ] {
            let path = lib.path(id).unwrap_or_else(|| panic!("path {id} missing"));
            assert!(path.steps.len() >= 4, "{id} has {} steps", path.steps.len());
        }
        let record = lib.path("thought-record").unwrap();
        let fields: Vec<&str> = record
            .steps
            .iter()
            .filter_map(|s| s.field.as_deref())
            .collect();
        assert_eq!(
            fields,
            [
                "situation",
                "thought",
                "feelings",
                "evidence-for",
                "evidence-against",
                "balanced-thought",
                "re-rate"
            ]
        );
    }

    #[test]
    fn safety_checks_merged_ids_and_linked_steps_are_read() {
        let lib = Library::built_in();
        let safety: Vec<&str> = lib
            .prompts
            .iter()
            .filter(|p| p.shows_safety_resources())
            .map(|p| p.id.as_str())
            .collect();
        assert!(
            safety.contains(&"support/afraid-or-controlled"),
            "{safety:?}"
        );
        assert!(
            !lib.prompt("feelings/right-now")
                .unwrap()
                .shows_safety_resources()
        );
        // A merged id finds the prompt it went into; a linked step rests its prompt.
        assert_eq!(
            lib.prompt("feelings/sleep-mood-energy").unwrap().id,
            "betrayal/how-it-affected-you"
        );
        let linked = lib.prompt("root-causes/when-it-started").unwrap();
        assert!(
            linked
                .answered_as
                .contains(&"root-causes/first-memory".to_string())
        );

        let mut own = Library::built_in();
        own.add_file(
            "mine.toml",
            "theme = \"mine\"\n\n[[prompt]]\nid = \"mine/new\"\ntext = \"New?\"\nreplaces = [\"mine/old\"]\nresources = \"safety\"\n",
        )
        .unwrap();
        let mine = own.prompt("mine/old").unwrap();
        assert_eq!(mine.id, "mine/new");
        assert!(mine.shows_safety_resources());
        let bad = own.add_file(
            "bad.toml",
            "theme = \"mine\"\n\n[[prompt]]\nid = \"mine/x\"\ntext = \"X?\"\nresources = \"hotline\"\n",
        );
        assert!(bad.unwrap_err().starts_with("bad.toml:"));
        let taken = own.add_file(
            "taken.toml",
            "theme = \"mine\"\n\n[[prompt]]\nid = \"mine/y\"\ntext = \"Y?\"\nreplaces = [\"feelings/right-now\"]\n",
        );
        assert!(taken.unwrap_err().contains("still a prompt"));
    }

    #[test]
    fn own_prompts_merge_and_bad_files_are_reported_with_a_line() {
        let dir = tempfile::tempdir().unwrap();
        fs::write(
            dir.path().join("mine.toml"),
            "theme = \"gratitude\"\ntitle = \"Gratitude\"\n\n[[prompt]]\nid = \"gratitude/three-things\"\ntext = \"Which three small things went well today?\"\n",
        )
        .unwrap();
        fs::write(
            dir.path().join("broken.toml"),
            "theme = \"feelings\"\n\n[[prompt]]\nid = \"feelings/x\"\ntext = \"Hi?\"\nperspective = \"sideways\"\n",
        )
        .unwrap();
        fs::write(
            dir.path().join("dupe.toml"),
            "theme = \"forgiveness\"\n\n[[prompt]]\nid = \"forgiveness/what-holding-on-costs\"\ntext = \"Again?\"\n",
        )
        .unwrap();
        let lib = Library::load(dir.path());
        assert!(lib.prompt("gratitude/three-things").is_some());
        assert!(lib.themes.iter().any(|t| t.id == "gratitude"));
        assert!(lib.prompt("feelings/x").is_none());
        assert_eq!(lib.warnings.len(), 2, "{:?}", lib.warnings);
        assert!(
            lib.warnings[0].contains("broken.toml:6:"),
            "{}",
            lib.warnings[0]
        );
        assert!(
            lib.warnings[1].contains("dupe.toml:4:") && lib.warnings[1].contains("twice"),
            "{}",
            lib.warnings[1]
        );
        assert!(lib.prompts.len() > 150);
    }
}
