-- `mend summary` counts days: how many entries of each day carry each trust sign, theme,
-- feeling (chosen or found in the words, an entry once however it was named) and tag. This
-- table keeps those counts for the entries outside the trash, one row per week and label, so
-- a summary of years reads a row per week and label instead of one per entry and label.
-- `week` is the Julian day number divided by 7 (weeks from Monday to Sunday); `days` holds
-- the seven days' counts, 9 bits each, Monday in the lowest bits. The triggers below keep it
-- exact wherever entries or their labels are written, changed, moved to another day,
-- trashed, restored, reindexed, imported or purged. kind: 0 sign, 1 theme, 2 feeling, 3 tag.
CREATE TABLE day_labels (
    week INTEGER NOT NULL,
    kind INTEGER NOT NULL CHECK (kind BETWEEN 0 AND 3),
    name TEXT NOT NULL,
    days INTEGER NOT NULL,
    PRIMARY KEY (week, kind, name)
) WITHOUT ROWID;

INSERT INTO day_labels (week, kind, name, days)
SELECT jdn / 7, kind, name, sum(n << (9 * (jdn % 7))) FROM (
    SELECT CAST(julianday(e.day) + 0.5 AS INTEGER) AS jdn, CASE s.kind WHEN 'sign' THEN 0 ELSE 1 END AS kind,
           s.name AS name, count(*) AS n
    FROM entries e JOIN entry_signals s ON s.entry_id = e.id
    WHERE e.deleted_at IS NULL AND s.kind IN ('sign', 'theme')
    GROUP BY e.day, s.kind, s.name
    UNION ALL
    SELECT CAST(julianday(e.day) + 0.5 AS INTEGER), 2, f.name, count(*)
    FROM entries e JOIN (
        SELECT entry_id, feeling AS name FROM entry_feelings
        UNION
        SELECT entry_id, name FROM entry_signals WHERE kind = 'feeling'
    ) f ON f.entry_id = e.id
    WHERE e.deleted_at IS NULL
    GROUP BY e.day, f.name
    UNION ALL
    SELECT CAST(julianday(e.day) + 0.5 AS INTEGER), 3, t.tag, count(*)
    FROM entries e JOIN entry_tags t ON t.entry_id = e.id
    WHERE e.deleted_at IS NULL
    GROUP BY e.day, t.tag
) GROUP BY jdn / 7, kind, name;

-- A label added to or taken from an entry outside the trash.
CREATE TRIGGER day_labels_tag_insert AFTER INSERT ON entry_tags
WHEN (SELECT deleted_at IS NULL FROM entries WHERE id = new.entry_id) BEGIN
    INSERT INTO day_labels (week, kind, name, days)
    SELECT CAST(julianday(day) + 0.5 AS INTEGER) / 7, 3, new.tag, (1 << (9 * (CAST(julianday(day) + 0.5 AS INTEGER) % 7))) FROM entries WHERE id = new.entry_id
    ON CONFLICT (week, kind, name) DO UPDATE SET days = days + excluded.days;
END;
CREATE TRIGGER day_labels_tag_delete AFTER DELETE ON entry_tags
WHEN (SELECT deleted_at IS NULL FROM entries WHERE id = old.entry_id) BEGIN
    UPDATE day_labels SET days = days - (1 << (9 * (CAST(julianday((SELECT day FROM entries WHERE id = old.entry_id)) + 0.5 AS INTEGER) % 7)))
    WHERE week = CAST(julianday((SELECT day FROM entries WHERE id = old.entry_id)) + 0.5 AS INTEGER) / 7 AND kind = 3 AND name = old.tag;
    DELETE FROM day_labels
    WHERE week = CAST(julianday((SELECT day FROM entries WHERE id = old.entry_id)) + 0.5 AS INTEGER) / 7 AND kind = 3 AND name = old.tag AND days = 0;
END;
CREATE TRIGGER day_labels_signal_insert AFTER INSERT ON entry_signals
WHEN (SELECT deleted_at IS NULL FROM entries WHERE id = new.entry_id)
 AND (new.kind <> 'feeling' OR NOT EXISTS (SELECT 1 FROM entry_feelings
      WHERE entry_id = new.entry_id AND feeling = new.name)) BEGIN
    INSERT INTO day_labels (week, kind, name, days)
    SELECT CAST(julianday(day) + 0.5 AS INTEGER) / 7, CASE new.kind WHEN 'sign' THEN 0 WHEN 'theme' THEN 1 ELSE 2 END,
           new.name, (1 << (9 * (CAST(julianday(day) + 0.5 AS INTEGER) % 7)))
    FROM entries WHERE id = new.entry_id
    ON CONFLICT (week, kind, name) DO UPDATE SET days = days + excluded.days;
END;
CREATE TRIGGER day_labels_signal_delete AFTER DELETE ON entry_signals
WHEN (SELECT deleted_at IS NULL FROM entries WHERE id = old.entry_id)
 AND (old.kind <> 'feeling' OR NOT EXISTS (SELECT 1 FROM entry_feelings
      WHERE entry_id = old.entry_id AND feeling = old.name)) BEGIN
    UPDATE day_labels SET days = days - (1 << (9 * (CAST(julianday((SELECT day FROM entries WHERE id = old.entry_id)) + 0.5 AS INTEGER) % 7)))
    WHERE week = CAST(julianday((SELECT day FROM entries WHERE id = old.entry_id)) + 0.5 AS INTEGER) / 7
      AND kind = CASE old.kind WHEN 'sign' THEN 0 WHEN 'theme' THEN 1 ELSE 2 END
      AND name = old.name;
    DELETE FROM day_labels
    WHERE week = CAST(julianday((SELECT day FROM entries WHERE id = old.entry_id)) + 0.5 AS INTEGER) / 7
      AND kind = CASE old.kind WHEN 'sign' THEN 0 WHEN 'theme' THEN 1 ELSE 2 END
      AND name = old.name AND days = 0;
END;
CREATE TRIGGER day_labels_feeling_insert AFTER INSERT ON entry_feelings
WHEN (SELECT deleted_at IS NULL FROM entries WHERE id = new.entry_id)
 AND NOT EXISTS (SELECT 1 FROM entry_signals
      WHERE entry_id = new.entry_id AND kind = 'feeling' AND name = new.feeling) BEGIN
    INSERT INTO day_labels (week, kind, name, days)
    SELECT CAST(julianday(day) + 0.5 AS INTEGER) / 7, 2, new.feeling, (1 << (9 * (CAST(julianday(day) + 0.5 AS INTEGER) % 7))) FROM entries WHERE id = new.entry_id
    ON CONFLICT (week, kind, name) DO UPDATE SET days = days + excluded.days;
END;
CREATE TRIGGER day_labels_feeling_delete AFTER DELETE ON entry_feelings
WHEN (SELECT deleted_at IS NULL FROM entries WHERE id = old.entry_id)
 AND NOT EXISTS (SELECT 1 FROM entry_signals
      WHERE entry_id = old.entry_id AND kind = 'feeling' AND name = old.feeling) BEGIN
    UPDATE day_labels SET days = days - (1 << (9 * (CAST(julianday((SELECT day FROM entries WHERE id = old.entry_id)) + 0.5 AS INTEGER) % 7)))
    WHERE week = CAST(julianday((SELECT day FROM entries WHERE id = old.entry_id)) + 0.5 AS INTEGER) / 7 AND kind = 2 AND name = old.feeling;
    DELETE FROM day_labels
    WHERE week = CAST(julianday((SELECT day FROM entries WHERE id = old.entry_id)) + 0.5 AS INTEGER) / 7 AND kind = 2 AND name = old.feeling AND days = 0;
END;

-- An entry leaving its day (trashed, moved to another day, deleted) takes its labels with
-- it; one coming back or arriving on a day brings them.
CREATE TRIGGER day_labels_entry_update AFTER UPDATE OF day, deleted_at ON entries
WHEN old.day IS NOT new.day OR (old.deleted_at IS NULL) <> (new.deleted_at IS NULL) BEGIN
    UPDATE day_labels SET days = days - (1 << (9 * (CAST(julianday(old.day) + 0.5 AS INTEGER) % 7)))
    WHERE old.deleted_at IS NULL AND week = CAST(julianday(old.day) + 0.5 AS INTEGER) / 7 AND (
           (kind = 0 AND name IN (SELECT name FROM entry_signals
                                  WHERE entry_id = old.id AND kind = 'sign'))
        OR (kind = 1 AND name IN (SELECT name FROM entry_signals
                                  WHERE entry_id = old.id AND kind = 'theme'))
        OR (kind = 2 AND name IN (SELECT feeling FROM entry_feelings WHERE entry_id = old.id
                                  UNION SELECT name FROM entry_signals
                                  WHERE entry_id = old.id AND kind = 'feeling'))
        OR (kind = 3 AND name IN (SELECT tag FROM entry_tags WHERE entry_id = old.id)));
    DELETE FROM day_labels WHERE week = CAST(julianday(old.day) + 0.5 AS INTEGER) / 7 AND days = 0;
    INSERT INTO day_labels (week, kind, name, days)
    SELECT CAST(julianday(new.day) + 0.5 AS INTEGER) / 7, k, n, (1 << (9 * (CAST(julianday(new.day) + 0.5 AS INTEGER) % 7))) FROM (
        SELECT CASE kind WHEN 'sign' THEN 0 ELSE 1 END AS k, name AS n FROM entry_signals
        WHERE entry_id = new.id AND kind IN ('sign', 'theme')
        UNION
        SELECT 2, feeling FROM entry_feelings WHERE entry_id = new.id
        UNION
        SELECT 2, name FROM entry_signals WHERE entry_id = new.id AND kind = 'feeling'
        UNION
        SELECT 3, tag FROM entry_tags WHERE entry_id = new.id
    ) WHERE new.deleted_at IS NULL
    ON CONFLICT (week, kind, name) DO UPDATE SET days = days + excluded.days;
END;
CREATE TRIGGER day_labels_entry_delete BEFORE DELETE ON entries
WHEN old.deleted_at IS NULL BEGIN
    UPDATE day_labels SET days = days - (1 << (9 * (CAST(julianday(old.day) + 0.5 AS INTEGER) % 7)))
    WHERE week = CAST(julianday(old.day) + 0.5 AS INTEGER) / 7 AND (
           (kind = 0 AND name IN (SELECT name FROM entry_signals
                                  WHERE entry_id = old.id AND kind = 'sign'))
        OR (kind = 1 AND name IN (SELECT name FROM entry_signals
                                  WHERE entry_id = old.id AND kind = 'theme'))
        OR (kind = 2 AND name IN (SELECT feeling FROM entry_feelings WHERE entry_id = old.id
                                  UNION SELECT name FROM entry_signals
                                  WHERE entry_id = old.id AND kind = 'feeling'))
        OR (kind = 3 AND name IN (SELECT tag FROM entry_tags WHERE entry_id = old.id)));
    DELETE FROM day_labels WHERE week = CAST(julianday(old.day) + 0.5 AS INTEGER) / 7 AND days = 0;
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
