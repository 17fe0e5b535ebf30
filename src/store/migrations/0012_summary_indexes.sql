-- The summary's prompt suggestion and `mend prompts themes` read, for every prompt ever
-- answered, its theme, answers and last day: with the theme in the index that is read from
-- the index alone instead of from every answering entry's row (text included). It serves
-- every query the index it replaces did (same leading columns, same condition).
DROP INDEX entries_prompt_history;
CREATE INDEX entries_prompt_answers ON entries (prompt_id, day, prompt_theme)
    WHERE prompt_id IS NOT NULL AND deleted_at IS NULL;

-- Summaries look for reviews (entries whose data says so) over their whole period: only
-- entries with data are worth reading, and this index finds them without reading the rest.
CREATE INDEX entries_with_data ON entries (day, created, id)
    WHERE data IS NOT NULL AND deleted_at IS NULL;
