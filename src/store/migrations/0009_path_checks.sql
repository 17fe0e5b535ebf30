-- A path's 0-10 check is kept in the step entry's data as
-- {"kind": "check", "measure": "distress", "before": 7, "after": 4} (either rating may be
-- absent). This view shows them as columns for sqlite3 and other tools; mend itself reads
-- entries.data. Entries in the trash are left out, as everywhere else.
CREATE VIEW path_checks AS
SELECT e.id AS entry_id,
       e.day AS day,
       r.path_id AS path,
       e.path_run AS run,
       e.path_step AS step,
       json_extract(e.data, '$.measure') AS measure,
       json_extract(e.data, '$.before') AS before,
       json_extract(e.data, '$.after') AS after
FROM entries e
LEFT JOIN path_runs r ON r.id = e.path_run
WHERE e.deleted_at IS NULL
  AND e.data IS NOT NULL
  AND json_valid(e.data)
  AND json_extract(e.data, '$.kind') = 'check';
