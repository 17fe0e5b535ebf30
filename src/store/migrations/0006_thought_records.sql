-- A thought record is one entry: its fields live in entries.data as one JSON object with
-- "kind": "thought-record" (the shape is in docs/json.md). These views show them as columns
-- for sqlite3 and other tools; mend itself reads entries.data. Entries in the trash are left
-- out, as everywhere else.
CREATE VIEW thought_records AS
SELECT e.id AS entry_id,
       e.day AS day,
       json_extract(e.data, '$.situation') AS situation,
       json_extract(e.data, '$.thought') AS thought,
       json_extract(e.data, '$.belief.value') AS belief,
       json_extract(e.data, '$.feelings.text') AS feelings,
       json_extract(e.data, '$.evidence_for') AS evidence_for,
       json_extract(e.data, '$.evidence_against') AS evidence_against,
       json_extract(e.data, '$.balanced_thought') AS balanced_thought,
       json_extract(e.data, '$.balanced_belief.value') AS balanced_belief,
       json_extract(e.data, '$.belief_after.value') AS belief_after,
       json_extract(e.data, '$.feelings_after.text') AS feelings_after
FROM entries e
WHERE e.deleted_at IS NULL
  AND e.data IS NOT NULL
  AND json_valid(e.data)
  AND json_extract(e.data, '$.kind') = 'thought-record';

-- One row per feeling a record rated: its place, name, the words it was written in, and its
-- rating (0-100) before and, when it was re-rated, after.
CREATE VIEW thought_feelings AS
SELECT t.entry_id AS entry_id,
       f.key AS position,
       json_extract(f.value, '$.name') AS feeling,
       json_extract(f.value, '$.words') AS words,
       json_extract(f.value, '$.value') AS before,
       (SELECT json_extract(a.value, '$.value')
          FROM json_each(e.data, '$.feelings_after.ratings') a
         WHERE json_extract(a.value, '$.name') = json_extract(f.value, '$.name')
         LIMIT 1) AS after
FROM thought_records t
JOIN entries e ON e.id = t.entry_id
JOIN json_each(e.data, '$.feelings.ratings') f;
