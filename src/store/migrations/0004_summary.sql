-- `mend summary` reads the id, day, mood and prompt of every entry in a period: a covering
-- index lets it do so without reading the entries' text.
CREATE INDEX entries_summary ON entries (day, id, mood, prompt_theme, prompt_id)
    WHERE deleted_at IS NULL;
