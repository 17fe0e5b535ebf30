-- What `mend summary` counts, kept per day so that a summary reads one row per day instead of
-- one row per label of every entry: for each day with entries outside the trash, how many
-- entries it has and, for each feeling (chosen or found), tag, trust sign and theme, how
-- many of its entries carry it. `labels` is a list of (label id, entries) pairs, each number
-- an unsigned LEB128 varint, label ids ascending; the ids are `summary_label_names`'.
-- `analysed` and the sums after it are the day's entries with a stored analysis and the
-- sums of their language markers (`entry_analysis`).
CREATE TABLE summary_days (
    day        TEXT PRIMARY KEY,
    entries    INTEGER NOT NULL,
    labels     BLOB NOT NULL,
    analysed   INTEGER NOT NULL,
    words      INTEGER NOT NULL,
    insight    INTEGER NOT NULL,
    causal     INTEGER NOT NULL,
    absolutist INTEGER NOT NULL,
    positive   INTEGER NOT NULL,
    negative   INTEGER NOT NULL,
    i_words    INTEGER NOT NULL,
    we_words   INTEGER NOT NULL
) WITHOUT ROWID;

-- The days alone, for the streak, which walks back one day at a time (the table's rows are
-- wide).
CREATE INDEX summary_days_by_day ON summary_days (day);

-- grp: 0 trust sign, 1 theme, 2 feeling (chosen or found), 3 tag.
CREATE TABLE summary_label_names (
    id   INTEGER PRIMARY KEY,
    grp  INTEGER NOT NULL,
    name TEXT NOT NULL,
    UNIQUE (grp, name)
);

-- Days whose counts must be taken again. Every write transaction counts them again before
-- it commits (store/summary_days.rs) and empties this table; a summary that finds a day
-- here in its window counts from the label tables instead. Entries coming, going, moving
-- to another day or in and out of the trash mark their days here (the triggers below).
CREATE TABLE summary_stale (day TEXT PRIMARY KEY) WITHOUT ROWID;

CREATE TRIGGER summary_days_insert AFTER INSERT ON entries BEGIN
    INSERT OR IGNORE INTO summary_stale (day) VALUES (new.day);
END;
CREATE TRIGGER summary_days_delete AFTER DELETE ON entries BEGIN
    INSERT OR IGNORE INTO summary_stale (day) VALUES (old.day);
END;
CREATE TRIGGER summary_days_update AFTER UPDATE OF day, deleted_at ON entries BEGIN
    INSERT OR IGNORE INTO summary_stale (day) VALUES (old.day), (new.day);
END;

-- Rows taken out of an entry's analysis, feelings or tags (by mend when an entry is edited
-- or read again, or from outside) mark its day too. Rows added are marked by the code that
-- adds them: a trigger for each of the million label rows of a large import would make it
-- several times slower.
CREATE TRIGGER summary_days_signal_gone AFTER DELETE ON entry_signals BEGIN
    INSERT OR IGNORE INTO summary_stale (day) SELECT day FROM entries WHERE id = old.entry_id;
END;
CREATE TRIGGER summary_days_analysis_gone AFTER DELETE ON entry_analysis BEGIN
    INSERT OR IGNORE INTO summary_stale (day) SELECT day FROM entries WHERE id = old.entry_id;
END;
CREATE TRIGGER summary_days_feeling_gone AFTER DELETE ON entry_feelings BEGIN
    INSERT OR IGNORE INTO summary_stale (day) SELECT day FROM entries WHERE id = old.entry_id;
END;
CREATE TRIGGER summary_days_tag_gone AFTER DELETE ON entry_tags BEGIN
    INSERT OR IGNORE INTO summary_stale (day) SELECT day FROM entries WHERE id = old.entry_id;
END;

-- Prompt answers by theme in a period (`mend summary`, `mend prompts themes`, the report):
-- the answers of the period's days only, from the index alone.
CREATE INDEX entries_theme_answers ON entries (day, prompt_theme, prompt_id)
    WHERE prompt_id IS NOT NULL AND prompt_theme IS NOT NULL AND deleted_at IS NULL;

-- Existing journals: every day is counted once, by the transaction that migrates.
INSERT INTO summary_stale (day) SELECT DISTINCT day FROM entries;
