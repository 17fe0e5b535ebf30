-- A review (`mend review`) is one entry: its fields live in entries.data as one JSON object
-- with "kind": "review". This view shows them as columns for sqlite3 and other tools; mend
-- itself reads entries.data. Entries in the trash are left out, as everywhere else.
CREATE VIEW reviews AS
SELECT e.id AS entry_id,
       e.day AS day,
       json_extract(e.data, '$.span') AS span,
       json_extract(e.data, '$.from') AS period_from,
       json_extract(e.data, '$.to') AS period_to,
       json_extract(e.data, '$.previous.entry') AS previous_entry,
       json_extract(e.data, '$.previous.intention') AS previous_intention,
       json_extract(e.data, '$.kept') AS kept,
       json_extract(e.data, '$.kept_note') AS kept_note,
       json_extract(e.data, '$.prompt.id') AS prompt_id,
       json_extract(e.data, '$.prompt.theme') AS prompt_theme,
       json_extract(e.data, '$.answer') AS answer,
       json_extract(e.data, '$.intention') AS intention
FROM entries e
WHERE e.deleted_at IS NULL
  AND e.data IS NOT NULL
  AND json_valid(e.data)
  AND json_extract(e.data, '$.kind') = 'review';
