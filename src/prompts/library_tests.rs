//! Unit tests of the library: the built-in files are valid, embedded and sourced; paths are
//! complete; own files, merged ids and the safety marker are read.

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
        .filter(|n| {
            n.ends_with(".toml")
                && !["paths.toml", "research-paths.toml", "sources.toml"].contains(&n.as_str())
        })
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
    // The guides sit beside the main checkout (and two levels up from a sibling checkout).
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let guides_dir = [
        root.join("../shared/guides"),
        root.join("../../shared/guides"),
    ]
    .into_iter()
    .find(|d| d.exists())
    .unwrap_or_else(|| root.join("../shared/guides"));
    let all_sources = lib
        .prompts
        .iter()
        .map(|p| (p.id.clone(), p.source.clone().unwrap()))
        .chain(lib.paths.iter().flat_map(|path| {
            path.steps.iter().filter_map(move |s| {
                let id = format!("{}/{}", path.id, s.id);
                // Paths from research name their study instead of a guide section.
                if path.kind == PathKind::Research {
                    assert!(s.source.is_none(), "{id} names a guide");
                    return None;
                }
                let source = s.source.clone();
                Some((
                    id.clone(),
                    source.unwrap_or_else(|| panic!("{id} names no guide")),
                ))
            })
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
    assert_eq!(record.kind, PathKind::Record);
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

#[test]
fn research_paths_name_their_study_frame_each_step_and_close_with_a_reflection() {
    let lib = Library::built_in();
    let research: Vec<&GuidedPath> = lib
        .paths
        .iter()
        .filter(|p| p.kind == PathKind::Research)
        .collect();
    let ids: Vec<&str> = research.iter().map(|p| p.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "after-an-incident",
            "atone-attune-attach",
            "atone-attune-attach-hurt",
            "affair-recovery",
            "expressive-writing",
            "outside-view",
            "check-up"
        ]
    );
    let mut failed = Vec::new();
    for path in research {
        let id = &path.id;
        let year = |t: &str| t.split(|c: char| !c.is_ascii_digit()).any(|w| w.len() == 4);
        match &path.based_on {
            Some(b) if year(b) => {}
            other => failed.push(format!("{id}: based_on {other:?} names no year")),
        }
        if path.evidence.as_deref().is_none_or(|e| e.len() < 80) {
            failed.push(format!("{id}: says too little of what is known"));
        }
        if path.check.is_none() {
            failed.push(format!("{id}: asks no 0-10 check"));
        }
        if !lib.themes.iter().any(|t| t.id == path.theme) {
            failed.push(format!("{id}: unknown theme {}", path.theme));
        }
        let closing: Vec<usize> = (0..path.steps.len())
            .filter(|&i| path.steps[i].closing)
            .collect();
        if closing != [path.steps.len() - 1] {
            failed.push(format!("{id}: one closing step, last ({closing:?})"));
        }
        for step in &path.steps {
            match &step.framing {
                Some(f) if !f.contains('\n') && f.len() <= 110 => {}
                other => failed.push(format!("{id}/{}: framing {other:?}", step.id)),
            }
            if !step.text.ends_with('?') && !step.text.ends_with('.') {
                failed.push(format!("{id}/{}: unfinished question", step.id));
            }
        }
    }
    assert!(failed.is_empty(), "{failed:#?}");
}

#[test]
fn every_step_walked_over_days_has_a_framing_line() {
    let lib = Library::built_in();
    let missing: Vec<String> = lib
        .paths
        .iter()
        .filter(|p| p.kind != PathKind::Record)
        .flat_map(|p| {
            p.steps
                .iter()
                .filter(|s| s.framing.as_deref().is_none_or(|f| f.trim().is_empty()))
                .map(move |s| format!("{}/{}", p.id, s.id))
        })
        .collect();
    assert!(missing.is_empty(), "no framing: {missing:?}");
}

#[test]
fn every_linked_step_names_a_prompt_and_rests_it() {
    let lib = Library::built_in();
    let mut failed = Vec::new();
    let mut links = 0;
    for path in &lib.paths {
        for step in &path.steps {
            let Some(prompt) = &step.prompt else { continue };
            links += 1;
            let step_id = format!("{}/{}", path.id, step.id);
            match lib.prompts.iter().find(|p| &p.id == prompt) {
                Some(p) if p.answered_as.contains(&step_id) => {}
                Some(_) => failed.push(format!("{step_id}: {prompt} is not rested by it")),
                None => failed.push(format!("{step_id}: no prompt {prompt}")),
            }
        }
    }
    assert!(failed.is_empty(), "{failed:#?}");
    let research_links = lib
        .paths
        .iter()
        .filter(|p| p.kind == PathKind::Research)
        .flat_map(|p| &p.steps)
        .filter(|s| s.prompt.is_some())
        .count();
    assert!(
        research_links >= 8,
        "{research_links} research steps linked"
    );
    assert!(links > research_links);
}

#[test]
fn sessions_open_and_close_with_the_check() {
    let lib = Library::built_in();
    // Weekly steps: each one is a session; the closing reflection asks nothing.
    let weekly = lib.path("affair-recovery").unwrap();
    let last = weekly.steps.len() - 1;
    assert!(weekly.checks_before(0) && weekly.checks_after(0));
    assert!(weekly.checks_before(3) && weekly.checks_after(3));
    assert!(!weekly.checks_before(last) && !weekly.checks_after(last));
    // In one sitting: before the first step, after the last before the reflection.
    let sitting = lib.path("check-up").unwrap();
    let last = sitting.steps.len() - 1;
    assert!(sitting.checks_before(0) && !sitting.checks_after(0));
    assert!(!sitting.checks_before(1) && !sitting.checks_after(1));
    assert!(sitting.checks_after(last - 1) && !sitting.checks_after(last));
    // No check, no question.
    let guide = lib.path("forgiveness").unwrap();
    assert!(!guide.checks_before(0) && !guide.checks_after(0));
}
