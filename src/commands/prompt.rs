//! `mend prompt`: today's reflection prompt, and answering it.

use std::io::{IsTerminal, Write};

use anyhow::{Result, bail};

use crate::app::App;
use crate::cli::PromptArgs;
use crate::model::PromptRef;
use crate::prompts::Prompt;
use crate::prompts::answer::{self, Answering, Question};
use crate::prompts::select::{self, Wanted};
use crate::render;
use crate::render::terminal::Style;
use crate::store::Journal;

pub fn run(journal: &Journal, app: &App, args: PromptArgs, out: &mut dyn Write) -> Result<()> {
    let library = super::prompts::load_library(app);
    if let Some(theme) = &args.theme {
        library.check_theme(theme)?;
    }
    let today = app.now.date_naive();
    let wanted = Wanted {
        theme: args.theme.as_deref(),
        perspective: args.perspective.or(app.config.perspective),
        context: args.context.or(app.config.context),
    };
    let candidates = select::for_today(journal, &library.prompts, &wanted, today)?;
    if candidates.is_empty() {
        bail!(
            "no prompt matches those choices — try without --perspective or --context, or see `mend prompts themes`"
        );
    }
    // Going past the end wraps around rather than running out.
    let prompt = candidates[usize::from(args.another) % candidates.len()];
    let theme_title = library
        .themes
        .iter()
        .find(|t| t.id == prompt.theme)
        .map_or(prompt.theme.as_str(), |t| t.title.as_str());

    if args.json {
        return render::json(out, prompt);
    }
    let mut answers = args.answer.answer.clone();
    if !args.show && answers.is_empty() && !std::io::stdin().is_terminal() {
        // A script with nothing on standard input just wants to see the prompt.
        let piped = super::read_stdin()?;
        if !piped.trim().is_empty() {
            answers.push(piped);
        }
    }
    if args.show || (answers.is_empty() && !std::io::stdin().is_terminal()) {
        return print_prompt(out, prompt, theme_title, &app.style);
    }
    if let Some(id) = journal.answer_on(&prompt.id, today)? {
        eprintln!("You already answered this one today (entry {id}); this adds another answer.");
    }

    let mut base = super::write::details(&args.answer.details, app)?;
    base.prompt = Some(PromptRef {
        id: prompt.id.clone(),
        text: prompt.text.clone(),
        theme: Some(prompt.theme.clone()),
    });
    let question = Question {
        heading: format!("Today's prompt · {theme_title}"),
        text: &prompt.text,
        follow_ups: &prompt.follow_ups,
        field: None,
    };
    let how = Answering {
        answers,
        inline: args.answer.inline,
        ask_details: true,
    };
    answer::answer(journal, app, &question, base, how, out)?;
    Ok(())
}

/// A prompt as text: theme, question, follow-ups, and how to answer.
pub fn print_prompt(
    out: &mut dyn Write,
    prompt: &Prompt,
    theme_title: &str,
    style: &Style,
) -> Result<()> {
    writeln!(
        out,
        "{}",
        style.dim(&format!("{theme_title} · {}", prompt.id))
    )?;
    writeln!(out, "{}", style.bold(&prompt.text))?;
    for follow_up in &prompt.follow_ups {
        writeln!(out, "  · {follow_up}")?;
    }
    Ok(())
}
