//! Choosing today's prompt: stable for the whole day, favouring the themes answered least
//! recently, and never repeating a prompt answered in the last 60 days while others remain.

use std::collections::HashMap;

use chrono::{Duration, NaiveDate};

use super::library::{Context, Perspective, Prompt};
use crate::store::prompts::Answered;

/// A prompt is rested this long after being answered.
pub const REST_DAYS: i64 = 60;

/// What narrows the choice.
#[derive(Debug, Clone, Default)]
pub struct Wanted<'a> {
    pub theme: Option<&'a str>,
    pub perspective: Option<Perspective>,
    pub context: Option<Context>,
}

impl Wanted<'_> {
    /// With no perspective known, only prompts for anyone: a hurt partner must not be handed
    /// questions meant for the one who broke trust, nor the other way round. `any` (neither,
    /// or both) takes every prompt.
    fn accepts(&self, p: &Prompt) -> bool {
        self.accepts_theme_and_context(p)
            && match self.perspective {
                None => p.perspective == Perspective::Any,
                Some(w) => {
                    p.perspective == w || p.perspective == Perspective::Any || w == Perspective::Any
                }
            }
    }

    fn accepts_theme_and_context(&self, p: &Prompt) -> bool {
        self.theme.is_none_or(|t| p.theme == t)
            && self
                .context
                .is_none_or(|w| p.context == w || p.context == Context::Any || w == Context::Any)
    }

    /// Whether `p` is about the relationship the person chose (work, friendship, …): such
    /// prompts come before the ones for any relationship.
    fn prefers(&self, p: &Prompt) -> bool {
        self.context
            .is_some_and(|w| w != Context::Any && p.context == w)
    }
}

/// Candidates for `today`, best first. `history` must only hold answers from before today,
/// so that answering today's prompt does not change today's choice.
pub fn candidates<'p>(
    prompts: &'p [Prompt],
    wanted: &Wanted,
    history: &HashMap<String, Answered>,
    today: NaiveDate,
) -> Vec<&'p Prompt> {
    let mut matching: Vec<&Prompt> = prompts.iter().filter(|p| wanted.accepts(p)).collect();
    if matching.is_empty() && wanted.perspective.is_none() {
        // A theme with prompts for one side only (accountability) asked for by name.
        matching = prompts
            .iter()
            .filter(|p| wanted.accepts_theme_and_context(p))
            .collect();
    }
    let rested_since = today - Duration::days(REST_DAYS);
    let fresh: Vec<&Prompt> = matching
        .iter()
        .copied()
        .filter(|p| history.get(&p.id).is_none_or(|a| a.last_day < rested_since))
        .collect();
    let mut pool = if fresh.is_empty() { matching } else { fresh };

    let mut theme_last: HashMap<&str, NaiveDate> = HashMap::new();
    for answered in history.values() {
        if let Some(theme) = answered.theme.as_deref() {
            let slot = theme_last.entry(theme).or_insert(answered.last_day);
            *slot = (*slot).max(answered.last_day);
        }
    }
    let seed = today.to_string();
    pool.sort_by_key(|p| {
        (
            // The chosen relationship's prompts first, while any of them is fresh.
            !wanted.prefers(p),
            // `None` (never answered) sorts before any day: those themes come first.
            theme_last.get(p.theme.as_str()).copied(),
            history.get(&p.id).map(|a| a.last_day),
            fnv1a(&seed, &p.id),
        )
    });
    pool
}

/// Today's candidates from the journal's history: what `mend prompt` offers and `mend nudge`
/// mentions. Answers from today are left out of the history, so the choice holds all day.
pub fn for_today<'p>(
    journal: &crate::store::Journal,
    prompts: &'p [Prompt],
    wanted: &Wanted,
    today: NaiveDate,
) -> anyhow::Result<Vec<&'p Prompt>> {
    let history = history(journal, prompts, today)?;
    Ok(candidates(prompts, wanted, &history, today))
}

/// The last answer before `before` to each prompt, by prompt id, counting answers given under
/// the ids it is also answered as (prompts merged into it, path steps that repeat it).
pub fn history(
    journal: &crate::store::Journal,
    prompts: &[Prompt],
    before: NaiveDate,
) -> anyhow::Result<HashMap<String, Answered>> {
    let raw = journal.prompt_history(
        prompts.iter().flat_map(|p| {
            std::iter::once(p.id.as_str())
                .chain(p.answered_as.iter().map(String::as_str))
                .map(|id| (id, p.theme.as_str()))
        }),
        before,
    )?;
    Ok(fold_aliases(prompts, raw))
}

/// Files answers given under another id under the prompt that id now belongs to, keeping the
/// latest day and adding up the counts.
pub fn fold_aliases(
    prompts: &[Prompt],
    mut raw: HashMap<String, Answered>,
) -> HashMap<String, Answered> {
    for p in prompts {
        for alias in &p.answered_as {
            let Some(old) = raw.remove(alias) else {
                continue;
            };
            raw.entry(p.id.clone())
                .and_modify(|a| {
                    a.count += old.count;
                    a.last_day = a.last_day.max(old.last_day);
                })
                .or_insert(Answered {
                    theme: Some(p.theme.clone()),
                    ..old
                });
        }
    }
    raw
}

/// A small stable hash (FNV-1a): the same day and prompt give the same order on every
/// machine and every run, and a new day shuffles afresh.
fn fnv1a(seed: &str, id: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in seed.bytes().chain([b':']).chain(id.bytes()) {
        hash ^= u64::from(byte);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::prompts::Library;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    fn answered(theme: &str, last: &str) -> Answered {
        Answered {
            theme: Some(theme.into()),
            count: 1,
            last_day: day(last),
        }
    }

    /// Today's first prompt from a journal, as `mend prompt` chooses it.
    fn first_for(journal: &crate::store::Journal, lib: &Library, today: NaiveDate) -> String {
        for_today(journal, &lib.prompts, &Wanted::default(), today).unwrap()[0]
            .id
            .clone()
    }

    /// Saves an answer to `id` on `day`.
    fn answer(journal: &crate::store::Journal, lib: &Library, id: &str, day: NaiveDate) {
        let prompt = lib.prompts.iter().find(|p| p.id == id).unwrap();
        let entry = crate::model::NewEntry {
            body: "An answer.".into(),
            prompt: Some(crate::model::PromptRef {
                id: prompt.id.clone(),
                text: prompt.text.clone(),
                theme: Some(prompt.theme.clone()),
            }),
            ..crate::model::NewEntry::on(day)
        };
        let at = day.and_hms_opt(20, 0, 0).unwrap().and_utc();
        journal.insert(&entry, at).unwrap();
    }

    #[test]
    fn answering_today_does_not_change_todays_prompt() {
        let lib = Library::built_in();
        let journal = crate::store::Journal::open_in_memory().unwrap();
        let today = day("2026-11-21");
        let before = first_for(&journal, &lib, today);
        answer(&journal, &lib, &before, today);
        // Answered today, so it would rest from tomorrow on; today it is still the prompt.
        assert_eq!(first_for(&journal, &lib, today), before);
        assert_ne!(first_for(&journal, &lib, today + Duration::days(1)), before);
    }

    #[test]
    fn a_new_day_gives_another_prompt() {
        let lib = Library::built_in();
        let history = HashMap::new();
        let first = |d: i64| {
            candidates(
                &lib.prompts,
                &Wanted::default(),
                &history,
                day("2026-11-01") + Duration::days(d),
            )[0]
            .id
            .clone()
        };
        // With nothing answered, only the day decides: consecutive days should differ.
        let same: Vec<i64> = (0..30).filter(|&d| first(d) == first(d + 1)).collect();
        assert!(
            same.len() <= 2,
            "these days kept the day before's prompt: {same:?}"
        );
        let distinct: std::collections::HashSet<String> = (0..30).map(first).collect();
        assert!(
            distinct.len() >= 25,
            "30 days gave {} prompts",
            distinct.len()
        );
    }

    #[test]
    fn no_prompt_repeats_within_sixty_days_of_daily_answers() {
        let lib = Library::built_in();
        assert!(lib.prompts.len() > REST_DAYS as usize);
        let journal = crate::store::Journal::open_in_memory().unwrap();
        let start = day("2026-01-01");
        let mut answered_on: HashMap<String, NaiveDate> = HashMap::new();
        for d in 0..REST_DAYS {
            let today = start + Duration::days(d);
            let id = first_for(&journal, &lib, today);
            if let Some(earlier) = answered_on.insert(id.clone(), today) {
                panic!("{id}, answered on {earlier}, came back on {today}");
            }
            answer(&journal, &lib, &id, today);
        }
        assert_eq!(answered_on.len(), REST_DAYS as usize);
    }

    /// Four weeks of answering each day's prompt, as a person would.
    fn four_weeks(wanted: &Wanted) -> Vec<Prompt> {
        let lib = Library::built_in();
        let mut history: HashMap<String, Answered> = HashMap::new();
        let mut shown = Vec::new();
        for d in 0..28 {
            let today = day("2026-11-01") + Duration::days(d);
            let first = candidates(&lib.prompts, wanted, &history, today)[0].clone();
            history.insert(
                first.id.clone(),
                Answered {
                    theme: Some(first.theme.clone()),
                    count: 1,
                    last_day: today,
                },
            );
            shown.push(first);
        }
        shown
    }

    #[test]
    fn a_chosen_context_is_preferred_over_four_weeks() {
        for context in [Context::Work, Context::Friendship] {
            let shown = four_weeks(&Wanted {
                context: Some(context),
                ..Wanted::default()
            });
            let about = shown.iter().filter(|p| p.context == context).count();
            assert!(
                about >= 7,
                "only {about} of 28 days offered a {context:?} prompt"
            );
            assert!(
                shown
                    .iter()
                    .all(|p| p.context == context || p.context == Context::Any),
                "a prompt about another relationship was offered"
            );
            let themes: std::collections::HashSet<&str> =
                shown.iter().map(|p| p.theme.as_str()).collect();
            assert!(themes.len() >= 5, "28 days kept to {} themes", themes.len());
        }
    }

    #[test]
    fn until_a_side_is_chosen_only_prompts_for_anyone_are_offered() {
        let shown = four_weeks(&Wanted::default());
        assert!(shown.iter().all(|p| p.perspective == Perspective::Any));
        let hurt = four_weeks(&Wanted {
            perspective: Some(Perspective::Hurt),
            ..Wanted::default()
        });
        assert!(
            hurt.iter()
                .all(|p| p.perspective != Perspective::Rebuilding)
        );
        // A theme asked for by name still has something to offer.
        let lib = Library::built_in();
        for theme in crate::prompts::library::THEMES {
            let wanted = Wanted {
                theme: Some(theme),
                ..Wanted::default()
            };
            assert!(
                !candidates(&lib.prompts, &wanted, &HashMap::new(), day("2026-11-01")).is_empty(),
                "{theme}"
            );
        }
    }

    #[test]
    fn least_recent_theme_first_and_recent_answers_rest() {
        let lib = Library::built_in();
        let mut history = HashMap::new();
        // Every theme answered recently except "boundaries", answered long ago.
        for (i, theme) in crate::prompts::library::THEMES.iter().enumerate() {
            let first = lib.prompts.iter().find(|p| p.theme == *theme).unwrap();
            let last = if *theme == "boundaries" {
                "2025-01-01".to_string()
            } else {
                format!("2026-11-{:02}", 5 + i)
            };
            history.insert(first.id.clone(), answered(theme, &last));
        }
        let picks = candidates(
            &lib.prompts,
            &Wanted::default(),
            &history,
            day("2026-11-21"),
        );
        assert_eq!(picks[0].theme, "boundaries");
        for p in &picks {
            if let Some(a) = history.get(&p.id) {
                assert!(
                    a.last_day < day("2026-09-22"),
                    "{} was answered within 60 days",
                    p.id
                );
            }
        }
    }

    #[test]
    fn a_repeating_path_step_and_a_merged_prompt_rest_the_prompt_they_belong_to() {
        let lib = Library::built_in();
        let (path, step) = lib
            .paths
            .iter()
            .flat_map(|path| path.steps.iter().map(move |s| (path, s)))
            .find(|(_, s)| s.prompt.is_some())
            .expect("some path step repeats a library prompt");
        let linked = lib.prompt(step.prompt.as_deref().unwrap()).unwrap();
        let step_id = format!("{}/{}", path.id, step.id);
        assert!(linked.answered_as.contains(&step_id));
        let mut raw = HashMap::new();
        raw.insert(step_id.clone(), answered(&path.theme, "2026-11-11"));
        let history = fold_aliases(&lib.prompts, raw);
        assert_eq!(history[&linked.id].last_day, day("2026-11-11"));
        let wanted = Wanted {
            theme: Some(&linked.theme),
            ..Wanted::default()
        };
        let picks = candidates(&lib.prompts, &wanted, &history, day("2026-11-21"));
        assert!(!picks.is_empty());
        assert!(
            picks.iter().all(|p| p.id != linked.id),
            "{} was answered on the path 10 days ago",
            linked.id
        );

        // An old journal names a prompt that was merged into another.
        let step_ids: Vec<String> = lib
            .paths
            .iter()
            .flat_map(|path| {
                path.steps
                    .iter()
                    .map(move |s| format!("{}/{}", path.id, s.id))
            })
            .collect();
        let (merged, old) = lib
            .prompts
            .iter()
            .find_map(|p| {
                p.answered_as
                    .iter()
                    .find(|a| !step_ids.contains(a))
                    .map(|a| (p, a.clone()))
            })
            .expect("some prompt replaces another");
        assert_eq!(lib.prompt(&old).unwrap().id, merged.id);
        let mut raw = HashMap::new();
        raw.insert(old.clone(), answered("anything", "2026-11-01"));
        raw.insert(merged.id.clone(), answered(&merged.theme, "2026-10-01"));
        let history = fold_aliases(&lib.prompts, raw);
        assert!(!history.contains_key(&old));
        assert_eq!(history[&merged.id].last_day, day("2026-11-01"));
        assert_eq!(history[&merged.id].count, 2);
    }

    #[test]
    fn filters_are_honoured_and_all_answered_falls_back() {
        let lib = Library::built_in();
        let wanted = Wanted {
            theme: Some("forgiveness"),
            perspective: Some(Perspective::Rebuilding),
            context: None,
        };
        let picks = candidates(&lib.prompts, &wanted, &HashMap::new(), day("2026-11-21"));
        assert!(!picks.is_empty());
        assert!(
            picks
                .iter()
                .all(|p| p.theme == "forgiveness" && p.perspective != Perspective::Hurt)
        );

        let all: HashMap<String, Answered> = lib
            .prompts
            .iter()
            .filter(|p| p.theme == "forgiveness")
            .map(|p| (p.id.clone(), answered("forgiveness", "2026-11-20")))
            .collect();
        let theme_only = Wanted {
            theme: Some("forgiveness"),
            ..Wanted::default()
        };
        assert!(!candidates(&lib.prompts, &theme_only, &all, day("2026-11-21")).is_empty());
    }
}
