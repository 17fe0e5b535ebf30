-- What each match was read as: whose sign or feeling it is and whether it still holds, with
-- the words matched (entry_signals keeps counting only the writer's current ones).
ALTER TABLE entry_analysis ADD COLUMN accountability INTEGER NOT NULL DEFAULT 0;

CREATE TABLE entry_readings (
    entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    seq      INTEGER NOT NULL,
    kind     TEXT NOT NULL CHECK (kind IN ('sign', 'feeling', 'accountability')),
    name     TEXT NOT NULL,
    holder   TEXT NOT NULL CHECK (holder IN ('writer', 'partner', 'other')),
    time     TEXT NOT NULL CHECK (time IN ('now', 'stopped', 'hypothetical')),
    words    TEXT NOT NULL,
    -- 1 when the reading is counted in entry_signals: the writer's, now, and not overridden.
    counted  INTEGER NOT NULL CHECK (counted IN (0, 1)),
    PRIMARY KEY (entry_id, seq)
) WITHOUT ROWID;
CREATE INDEX entry_readings_by_name ON entry_readings (kind, holder, time, name, entry_id);

-- Corrections the writer made (`mend edit ID --not-sign NAME`, `--not-feel NAME`): the sign or
-- feeling is not counted for that entry, however often it is analysed again.
CREATE TABLE entry_overrides (
    entry_id INTEGER NOT NULL REFERENCES entries (id) ON DELETE CASCADE,
    kind     TEXT NOT NULL CHECK (kind IN ('sign', 'feeling')),
    name     TEXT NOT NULL,
    PRIMARY KEY (entry_id, kind, name)
) WITHOUT ROWID;
