//! `mend feelings`: the vocabulary of feelings, by family.

use std::io::Write;

use anyhow::Result;
use serde::Serialize;

use crate::app::App;
use crate::cli::FeelingsArgs;
use crate::feelings::vocabulary;
use crate::render;

#[derive(Serialize)]
struct FamilyJson<'a> {
    family: &'a str,
    label: &'a str,
    feelings: Vec<&'a str>,
}

pub fn run(app: &App, args: FeelingsArgs, out: &mut dyn Write) -> Result<()> {
    let vocab = vocabulary();
    if args.json {
        let shaped: Vec<FamilyJson> = vocab
            .families
            .iter()
            .map(|f| FamilyJson {
                family: f.id,
                label: f.label,
                feelings: f.feelings.iter().map(|x| x.name).collect(),
            })
            .collect();
        return render::json(out, &shaped);
    }
    for family in vocab.families {
        let names: Vec<&str> = family.feelings.iter().map(|f| f.name).collect();
        writeln!(
            out,
            "{:<24} {}",
            app.style.bold(family.label),
            names.join(", ")
        )?;
    }
    writeln!(
        out,
        "\nUse them with --feel, e.g. `mend write --feel hurt,hope \"...\"`. Related words such as \"jealous\" or \"betrayed\" work too."
    )?;
    Ok(())
}
