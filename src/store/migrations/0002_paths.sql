-- Guided paths: each walk of a path is a run; its steps are entries linked to the run.
CREATE TABLE path_runs (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    path_id TEXT NOT NULL,
    started TEXT NOT NULL,
    ended   TEXT,
    outcome TEXT CHECK (outcome IN ('finished', 'stopped'))
);
CREATE UNIQUE INDEX path_runs_active ON path_runs (path_id) WHERE ended IS NULL;

ALTER TABLE entries ADD COLUMN path_run INTEGER REFERENCES path_runs (id);
ALTER TABLE entries ADD COLUMN path_step TEXT;
-- Structured answers as JSON (the thought record's fields), or NULL.
ALTER TABLE entries ADD COLUMN data TEXT;

CREATE INDEX entries_by_prompt ON entries (prompt_id, day) WHERE prompt_id IS NOT NULL;
CREATE INDEX entries_by_path_run ON entries (path_run) WHERE path_run IS NOT NULL;
