//! `mend prompt`: today's reflection prompt, and answering it.

use std::io::{IsTerminal, Write};

use anyhow::{Result, bail};

use crate::app::App;
use crate::cli::PromptArgs;
use crate::compose;
use crate::model::PromptRef;
use crate::prompts;
use crate::prompts::answer::{self, Answering, Question};
use crate::prompts::select::{self, Wanted};
use crate::store::Journal;
use crate::{render, text};

pub fn run(journal: &Journal, app: &App, args: PromptArgs, out: &mut dyn Write) -> Result<()> {
    let library = prompts::load_library(app);
    if let Some(theme) = &args.theme {
        library.check_theme(theme)?;
    }
    let today = app.now.date_naive();
    // About to be answered on a terminal: the first time, ask which side the writer is on.
    let answering = !args.show && !args.json && args.answer.answer.is_empty();
    let perspective = match args.perspective {
        Some(p) => Some(p),
        None if answering && crate::ask::interactive() => crate::settings::perspective(app)?,
        None => app.config.perspective,
    };
    let wanted = Wanted {
        theme: args.theme.as_deref(),
        perspective,
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
    let mut base = crate::compose::details(&args.answer.details, app)?;
    base.prompt = Some(PromptRef {
        id: prompt.id.clone(),
        text: prompt.text.clone(),
        theme: Some(prompt.theme.clone()),
    });
    let mut answers = args.answer.answer.clone();
    if !args.show && answers.is_empty() && !std::io::stdin().is_terminal() {
        // A script with nothing on standard input just wants to see the prompt.
        let piped = text::read_stdin()?;
        if !piped.trim_ascii().is_empty() {
            match String::from_utf8(piped) {
                Ok(piped) => answers.push(piped),
                Err(e) => {
                    let refused = text::Refusal::NotUtf8(e.utf8_error().valid_up_to());
                    return Err(crate::compose::keep(
                        app,
                        &base,
                        e.as_bytes(),
                        None,
                        &refused.describe(),
                    ));
                }
            }
        }
    }
    if args.show || (answers.is_empty() && !std::io::stdin().is_terminal()) {
        return prompts::print_prompt(out, prompt, theme_title, &app.style);
    }
    if let Some(id) = journal.answer_on(&prompt.id, today)? {
        eprintln!("You already answered this one today (entry {id}); this adds another answer.");
    }

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
    if let Some(id) = answer::answer(journal, app, &question, base, how, out)?
        && prompt.shows_safety_resources()
        && let Some(entry) = journal.get(id, false)?
    {
        compose::safety_resources(app, &entry.body);
    }
    Ok(())
}
