-- `mend summary` counts days: how many entries of each day carry each trust sign, theme,
-- feeling (chosen or found in the words, an entry once however it was named) and tag. This
-- table keeps those counts for the entries outside the trash, so a summary reads one row per
-- day and label instead of one per entry and label. The triggers below keep it exact
-- wherever entries or their labels are written, changed, moved to another day, trashed,
-- restored, reindexed, imported or purged. kind: 0 sign, 1 theme, 2 feeling, 3 tag.
CREATE TABLE day_labels (
    day     TEXT NOT NULL,
    kind    INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 3),
    name    TEXT NOT NULL,
    entries INTEGER NOT NULL,
    PRIMARY KEY (day, kind, name)
) WITHOUT ROWID;

INSERT INTO day_labels (day, kind, name, entries)
SELECT e.day, CASE s.kind WHEN 'sign' THEN 0 ELSE 1 END, s.name, count(*)
FROM entries e JOIN entry_signals s ON s.entry_id = e.id
WHERE e.deleted_at IS NULL AND s.kind IN ('sign', 'theme')
GROUP BY e.day, s.kind, s.name;

INSERT INTO day_labels (day, kind, name, entries)
SELECT e.day, 2, f.name, count(*)
FROM entries e JOIN (
    SELECT entry_id, feeling AS name FROM entry_feelings
    UNION
    SELECT entry_id, name FROM entry_signals WHERE kind = 'feeling'
) f ON f.entry_id = e.id
WHERE e.deleted_at IS NULL
GROUP BY e.day, f.name;

INSERT INTO day_labels (day, kind, name, entries)
SELECT e.day, 3, t.tag, count(*)
FROM entries e JOIN entry_tags t ON t.entry_id = e.id
WHERE e.deleted_at IS NULL
GROUP BY e.day, t.tag;

-- A label added to or taken from an entry outside the trash.
CREATE TRIGGER day_labels_tag_insert AFTER INSERT ON entry_tags
WHEN (SELECT deleted_at IS NULL FROM entries WHERE id = new.entry_id) BEGIN
    INSERT INTO day_labels (day, kind, name, entries)
    SELECT day, 3, new.tag, 1 FROM entries WHERE id = new.entry_id
    ON CONFLICT (day, kind, name) DO UPDATE SET entries = entries + 1;
END;
CREATE TRIGGER day_labels_tag_delete AFTER DELETE ON entry_tags
WHEN (SELECT deleted_at IS NULL FROM entries WHERE id = old.entry_id) BEGIN
    UPDATE day_labels SET entries = entries - 1
    WHERE day = (SELECT day FROM entries WHERE id = old.entry_id) AND kind = 3 AND name = old.tag;
    DELETE FROM day_labels
    WHERE day = (SELECT day FROM entries WHERE id = old.entry_id) AND kind = 3 AND name = old.tag
      AND entries <= 0;
END;
CREATE TRIGGER day_labels_signal_insert AFTER INSERT ON entry_signals
WHEN (SELECT deleted_at IS NULL FROM entries WHERE id = new.entry_id)
 AND (new.kind <> 'feeling' OR NOT EXISTS (SELECT 1 FROM entry_feelings
      WHERE entry_id = new.entry_id AND feeling = new.name)) BEGIN
    INSERT INTO day_labels (day, kind, name, entries)
    SELECT day, CASE new.kind WHEN 'sign' THEN 0 WHEN 'theme' THEN 1 ELSE 2 END, new.name, 1
    FROM entries WHERE id = new.entry_id
    ON CONFLICT (day, kind, name) DO UPDATE SET entries = entries + 1;
END;
CREATE TRIGGER day_labels_signal_delete AFTER DELETE ON entry_signals
WHEN (SELECT deleted_at IS NULL FROM entries WHERE id = old.entry_id)
 AND (old.kind <> 'feeling' OR NOT EXISTS (SELECT 1 FROM entry_feelings
      WHERE entry_id = old.entry_id AND feeling = old.name)) BEGIN
    UPDATE day_labels SET entries = entries - 1
    WHERE day = (SELECT day FROM entries WHERE id = old.entry_id)
      AND kind = CASE old.kind WHEN 'sign' THEN 0 WHEN 'theme' THEN 1 ELSE 2 END
      AND name = old.name;
    DELETE FROM day_labels
    WHERE day = (SELECT day FROM entries WHERE id = old.entry_id)
      AND kind = CASE old.kind WHEN 'sign' THEN 0 WHEN 'theme' THEN 1 ELSE 2 END
      AND name = old.name AND entries <= 0;
END;
CREATE TRIGGER day_labels_feeling_insert AFTER INSERT ON entry_feelings
WHEN (SELECT deleted_at IS NULL FROM entries WHERE id = new.entry_id)
 AND NOT EXISTS (SELECT 1 FROM entry_signals
      WHERE entry_id = new.entry_id AND kind = 'feeling' AND name = new.feeling) BEGIN
    INSERT INTO day_labels (day, kind, name, entries)
    SELECT day, 2, new.feeling, 1 FROM entries WHERE id = new.entry_id
    ON CONFLICT (day, kind, name) DO UPDATE SET entries = entries + 1;
END;
CREATE TRIGGER day_labels_feeling_delete AFTER DELETE ON entry_feelings
WHEN (SELECT deleted_at IS NULL FROM entries WHERE id = old.entry_id)
 AND NOT EXISTS (SELECT 1 FROM entry_signals
      WHERE entry_id = old.entry_id AND kind = 'feeling' AND name = old.feeling) BEGIN
    UPDATE day_labels SET entries = entries - 1
    WHERE day = (SELECT day FROM entries WHERE id = old.entry_id) AND kind = 2
      AND name = old.feeling;
    DELETE FROM day_labels
    WHERE day = (SELECT day FROM entries WHERE id = old.entry_id) AND kind = 2
      AND name = old.feeling AND entries <= 0;
END;

-- An entry leaving its day (trashed, moved to another day, deleted) takes its labels with
-- it; one coming back or arriving on a day brings them.
CREATE TRIGGER day_labels_entry_update AFTER UPDATE OF day, deleted_at ON entries
WHEN old.day IS NOT new.day OR (old.deleted_at IS NULL) <> (new.deleted_at IS NULL) BEGIN
    UPDATE day_labels SET entries = entries - 1
    WHERE old.deleted_at IS NULL AND day = old.day AND (
           (kind = 0 AND name IN (SELECT name FROM entry_signals
                                  WHERE entry_id = old.id AND kind = 'sign'))
        OR (kind = 1 AND name IN (SELECT name FROM entry_signals
                                  WHERE entry_id = old.id AND kind = 'theme'))
        OR (kind = 2 AND name IN (SELECT feeling FROM entry_feelings WHERE entry_id = old.id
                                  UNION SELECT name FROM entry_signals
                                  WHERE entry_id = old.id AND kind = 'feeling'))
        OR (kind = 3 AND name IN (SELECT tag FROM entry_tags WHERE entry_id = old.id)));
    DELETE FROM day_labels WHERE day = old.day AND entries <= 0;
    INSERT INTO day_labels (day, kind, name, entries)
    SELECT new.day, k, n, 1 FROM (
        SELECT CASE kind WHEN 'sign' THEN 0 ELSE 1 END AS k, name AS n FROM entry_signals
        WHERE entry_id = new.id AND kind IN ('sign', 'theme')
        UNION
        SELECT 2, feeling FROM entry_feelings WHERE entry_id = new.id
        UNION
        SELECT 2, name FROM entry_signals WHERE entry_id = new.id AND kind = 'feeling'
        UNION
        SELECT 3, tag FROM entry_tags WHERE entry_id = new.id
    ) WHERE new.deleted_at IS NULL
    ON CONFLICT (day, kind, name) DO UPDATE SET entries = entries + 1;
END;
CREATE TRIGGER day_labels_entry_delete BEFORE DELETE ON entries
WHEN old.deleted_at IS NULL BEGIN
    UPDATE day_labels SET entries = entries - 1
    WHERE day = old.day AND (
           (kind = 0 AND name IN (SELECT name FROM entry_signals
                                  WHERE entry_id = old.id AND kind = 'sign'))
        OR (kind = 1 AND name IN (SELECT name FROM entry_signals
                                  WHERE entry_id = old.id AND kind = 'theme'))
        OR (kind = 2 AND name IN (SELECT feeling FROM entry_feelings WHERE entry_id = old.id
                                  UNION SELECT name FROM entry_signals
                                  WHERE entry_id = old.id AND kind = 'feeling'))
        OR (kind = 3 AND name IN (SELECT tag FROM entry_tags WHERE entry_id = old.id)));
    DELETE FROM day_labels WHERE day = old.day AND entries <= 0;
END;

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
